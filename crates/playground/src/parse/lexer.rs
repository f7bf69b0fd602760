//! Text to tokens, each with its line and column. `//` comments are no
//! tokens: they are kept apart, one per line at most, because one that trails
//! a `sleep_ms(…)` names its timer.

use crate::program::number::parse_decimal;

use super::error::{not_read_yet, ParseError, Pos};

/// One token.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Tok {
    /// An identifier or keyword: `sleep_ms`, `async`, `f1`, `_`.
    Word(String),
    /// Punctuation the subset uses.
    Punct(&'static str),
    /// A number as written (`200`, `1_000`, `2.5`, `20u32`) and its value,
    /// if it is a plain decimal (no suffix).
    Number(String, Option<f64>),
    /// A string literal's text, escapes undone.
    Str(String),
    /// A character the subset has no use for; the parser says what it
    /// expected instead.
    Other(char),
    /// The end of the text.
    End,
}

/// A token, where it starts, and where it ends (just after it: where a
/// missing `;` after it goes).
#[derive(Clone, Debug)]
pub(super) struct Token {
    pub tok: Tok,
    pub at: Pos,
    pub end: Pos,
}

/// A `//` comment: its text after the `//`, and where that text starts.
#[derive(Clone, Debug)]
pub(super) struct Comment {
    pub text: String,
    pub at: Pos,
}

/// The tokens (the last is [`Tok::End`]) and the comments, in order.
pub(super) struct Lexed {
    pub tokens: Vec<Token>,
    pub comments: Vec<Comment>,
}

/// Longest first, so `=>` and `::` are one token each.
const PUNCT: &[&str] = &[
    "=>", "::", ":", "..=", "..", "(", ")", "{", "}", "[", "]", ";", ",", ".", "!", "=", "*",
];

/// The text not read yet, and where it starts.
struct Cursor<'a> {
    rest: &'a str,
    pos: Pos,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<char> {
        self.rest.chars().next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.rest = &self.rest[c.len_utf8()..];
        if c == '\n' {
            self.pos.line += 1;
            self.pos.column = 1;
        } else {
            self.pos.column += 1;
        }
        Some(c)
    }

    /// Consumes chars while `keep` holds; returns them.
    fn take_while(&mut self, keep: impl Fn(char) -> bool) -> String {
        let mut out = String::new();
        while let Some(c) = self.peek().filter(|&c| keep(c)) {
            out.push(c);
            self.bump();
        }
        out
    }
}

/// Rust's whitespace, but for the invisible Unicode marks it also allows
/// (U+200E, U+200F...): those would make code read differently from what is
/// parsed.
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0B' | '\x0C')
}

fn is_word_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}

fn is_word(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

/// Splits `text` into tokens and comments; fails only on what cannot be a
/// token at all (a string never closed, an escape the renderer never writes,
/// a block comment).
pub(super) fn lex(text: &str) -> Result<Lexed, ParseError> {
    let mut cur = Cursor {
        rest: text,
        pos: Pos { line: 1, column: 1 },
    };
    let mut tokens = Vec::new();
    let mut comments = Vec::new();
    while let Some(c) = cur.peek() {
        let at = cur.pos;
        if is_space(c) {
            cur.bump();
        } else if cur.rest.starts_with("//") {
            cur.bump();
            cur.bump();
            let at = cur.pos;
            let text = cur.take_while(|c| c != '\n');
            let text = text.strip_suffix('\r').unwrap_or(&text).to_string();
            comments.push(Comment { text, at });
        } else if cur.rest.starts_with("/*") {
            return Err(ParseError::new(
                at,
                not_read_yet("block comments (`/* … */`)", "write `//` comments here"),
            ));
        } else if c == '"' {
            let text = string(&mut cur)?;
            tokens.push(Token {
                tok: Tok::Str(text),
                at,
                end: cur.pos,
            });
        } else if c.is_ascii_digit() {
            let tok = number(&mut cur);
            tokens.push(Token {
                tok,
                at,
                end: cur.pos,
            });
        } else if is_word_start(c) {
            let word = cur.take_while(is_word);
            tokens.push(Token {
                tok: Tok::Word(word),
                at,
                end: cur.pos,
            });
        } else if let Some(p) = PUNCT.iter().find(|p| cur.rest.starts_with(**p)) {
            for _ in 0..p.len() {
                cur.bump();
            }
            tokens.push(Token {
                tok: Tok::Punct(p),
                at,
                end: cur.pos,
            });
        } else {
            cur.bump();
            tokens.push(Token {
                tok: Tok::Other(c),
                at,
                end: cur.pos,
            });
        }
    }
    tokens.push(Token {
        tok: Tok::End,
        at: cur.pos,
        end: cur.pos,
    });
    Ok(Lexed { tokens, comments })
}

/// A string literal, from its opening quote. Only the escapes the renderer
/// writes (`\"` and `\\`) are read: any other would render back differently,
/// and the ones that make control characters are no valid text anyway.
fn string(cur: &mut Cursor) -> Result<String, ParseError> {
    let open = cur.pos;
    cur.bump();
    let mut out = String::new();
    loop {
        let at = cur.pos;
        match cur.bump() {
            Some('"') => return Ok(out),
            Some('\\') => match cur.peek() {
                Some(c @ ('"' | '\\')) => {
                    cur.bump();
                    out.push(c);
                }
                other => {
                    // Only a visible character is shown: a control or a
                    // bidirectional mark would garble the message.
                    let shown = other
                        .filter(|c| c.is_ascii_graphic() || c.is_alphanumeric())
                        .map_or_else(|| "\\".to_string(), |c| format!("\\{c}"));
                    // Rust's own escapes are a limit of the playground;
                    // any other is no escape in Rust either.
                    let message =
                        if matches!(other, Some('n' | 'r' | 't' | '0' | '\'' | 'x' | 'u' | '\n')) {
                            not_read_yet(
                                &format!("the escape `{shown}`"),
                                "a text here may escape only `\\\"` and `\\\\`",
                            )
                        } else {
                            format!(
                                "`{shown}` is no escape in Rust: write `\\\\` for a backslash, \
                             `\\\"` for a quote"
                            )
                        };
                    return Err(ParseError::new(at, message));
                }
            },
            // A string left open would swallow the rest of the program;
            // saying so where it opens is more use than an error at the end.
            Some('\n') | None => {
                return Err(ParseError::new(
                    open,
                    "this string has no closing `\"` on its line",
                ))
            }
            Some(c) => out.push(c),
        }
    }
}

/// A number as Rust lexes it: digits, `_`, an optional `.` fraction, and any
/// suffix letters (kept, so `20u32` is one token the parser can name).
fn number(cur: &mut Cursor) -> Tok {
    let mut text = cur.take_while(|c| c.is_ascii_alphanumeric() || c == '_');
    let mut after_dot = cur.rest.chars().skip(1);
    if cur.rest.starts_with('.') && after_dot.next().is_some_and(|c| c.is_ascii_digit()) {
        cur.bump();
        text.push('.');
        text.push_str(&cur.take_while(|c| c.is_ascii_alphanumeric() || c == '_'));
    }
    let plain: String = text.chars().filter(|&c| c != '_').collect();
    let is_decimal = plain
        .split('.')
        .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()));
    // Read as a share link's numbers are (in wasm, by JavaScript).
    let value = if is_decimal {
        parse_decimal(&plain)
    } else {
        None
    };
    Tok::Number(text, value)
}
