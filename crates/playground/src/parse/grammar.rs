//! Tokens to a tree of [`Node`]s by recursive descent: one function per rule
//! of the grammar in `parse.rs`. Every error names the offending token's
//! place and what was expected there.

use super::error::{ParseError, Pos};
use super::lexer::{Tok, Token};
use crate::program::scenario::limits;

/// A step as parsed, with the places messages about it point at.
#[derive(Debug)]
pub(super) struct Node {
    pub kind: Kind,
    /// Where the construct starts (`sleep_ms`, `join`, `async`, `let`...).
    pub at: Pos,
    /// How a message names it: "this `join!`".
    pub what: &'static str,
    /// The steps inside, in reading order.
    pub children: Vec<Node>,
}

#[derive(Debug)]
pub(super) enum Kind {
    Sleep {
        /// As written; validation says if it is whole and in range.
        ms: f64,
        ms_at: Pos,
        /// The line of `sleep_ms(…)`'s `)`: a comment ending it is the label.
        close_line: usize,
        /// Set after parsing, from the comments (see `check::labels`).
        label: Option<(String, Pos)>,
    },
    Log {
        text: String,
        text_at: Pos,
    },
    Block {
        /// As written; validation says if it is whole and in range.
        ms: f64,
        ms_at: Pos,
    },
    Seq,
    All,
    Race,
    CreateThenAwait,
}

impl Node {
    fn new(kind: Kind, at: Pos, what: &'static str, children: Vec<Node>) -> Node {
        Node {
            kind,
            at,
            what,
            children,
        }
    }

    /// A `join!`, `select!` or group of `let`s: a statement that is one step
    /// of its own, not a leaf.
    fn is_composite(&self) -> bool {
        matches!(self.kind, Kind::All | Kind::Race | Kind::CreateThenAwait)
    }
}

/// How deep constructs may nest while parsing. Each step level takes at most
/// two (a `join!` and the `async` block in it), so no valid program comes
/// near; the exact depth limit is validation's, on the tree. This bound only
/// keeps the recursion (and the stack) small on hostile input.
const MAX_NESTING: usize = 2 * limits::MAX_DEPTH;

const UNAWAITED: &str = "a future does nothing unless it is awaited (rustc warns: unused future)";

const A_STATEMENT: &str = "a statement (`sleep_ms(…).await;`, `log(\"…\");`, `join!(…);`, \
     `select! { … }` or `let f = …;`)";

const A_FUTURE: &str = "a future (`sleep_ms(…)` or `async { … }`)";

/// Words a future may not be named: Rust's keywords, and the functions the
/// program calls (a future named `log` would hide `log(…)`).
const RESERVED: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut",
    "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "try",
    "type", "unsafe", "use", "where", "while", "yield", "abstract", "become", "box", "do", "final",
    "macro", "override", "priv", "typeof", "unsized", "virtual", "sleep_ms", "log", "join",
    "select", "run", "block_ms",
];

pub(super) struct Parser<'a> {
    /// Never empty: the last token is [`Tok::End`].
    tokens: &'a [Token],
    next: usize,
    nesting: usize,
}

impl<'a> Parser<'a> {
    pub(super) fn new(tokens: &'a [Token]) -> Self {
        Parser {
            tokens,
            next: 0,
            nesting: 0,
        }
    }

    // ---- Reading tokens ----

    fn peek(&self) -> &'a Token {
        &self.tokens[self.next]
    }

    /// The token `k` after the next one ([`Tok::End`] past the end).
    fn ahead(&self, k: usize) -> &'a Tok {
        self.tokens.get(self.next + k).map_or(&Tok::End, |t| &t.tok)
    }

    /// Takes the next token (the end stays the end).
    fn bump(&mut self) -> &'a Token {
        let token = self.peek();
        if token.tok != Tok::End {
            self.next += 1;
        }
        token
    }

    /// The next token's word, if it is one.
    fn word(&self) -> Option<&'a str> {
        match &self.peek().tok {
            Tok::Word(w) => Some(w),
            _ => None,
        }
    }

    /// Whether the token `k` ahead is the word or punctuation `s`.
    fn is_at(&self, k: usize, s: &str) -> bool {
        match self.ahead(k) {
            Tok::Word(w) => w == s,
            Tok::Punct(p) => *p == s,
            _ => false,
        }
    }

    fn is(&self, s: &str) -> bool {
        self.is_at(0, s)
    }

    /// `.await` next?
    fn is_await(&self) -> bool {
        self.is(".") && self.is_at(1, "await")
    }

    /// An error at the next token: "expected X, found Y", then why, if any.
    fn fail(&self, expected: &str, why: &str) -> ParseError {
        let token = self.peek();
        let mut message = format!("expected {expected}, found {}", describe(&token.tok));
        if !why.is_empty() {
            message.push_str(": ");
            message.push_str(why);
        }
        ParseError::new(token.at, message)
    }

    /// Takes the token `s`, or fails saying so (and why, if given).
    fn expect(&mut self, s: &str, why: &str) -> Result<Pos, ParseError> {
        if self.is(s) {
            Ok(self.bump().at)
        } else {
            Err(self.fail(&format!("`{s}`"), why))
        }
    }

    /// Takes `.await`, or fails; `sleep_ms(20);` gets the rule it breaks.
    fn expect_await(&mut self) -> Result<(), ParseError> {
        if self.is(";") {
            return Err(self.fail("`.await`", UNAWAITED));
        }
        if !self.is_await() {
            return Err(self.fail("`.await`", ""));
        }
        self.bump();
        self.bump();
        Ok(())
    }

    /// One level deeper; fails past [`MAX_NESTING`]. The caller calls
    /// [`Parser::leave`] when the construct ends (an error ends the parse).
    fn enter(&mut self, at: Pos, what: &str) -> Result<(), ParseError> {
        self.nesting += 1;
        if self.nesting > MAX_NESTING {
            return Err(ParseError::new(
                at,
                format!(
                    "{what} is nested too deep: at most {} levels",
                    limits::MAX_DEPTH
                ),
            ));
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.nesting -= 1;
    }

    // ---- The grammar ----

    /// `use runtime::prelude::*;` `async fn run() { statements }`, then the
    /// end: the whole module, as the Rust panel shows it.
    pub(super) fn module(&mut self) -> Result<Node, ParseError> {
        let why = "the module starts with `use runtime::prelude::*;`";
        for token in ["use", "runtime", "::", "prelude", "::", "*", ";"] {
            self.expect(token, why)?;
        }
        let why = "the program is `async fn run() { … }`";
        for token in ["async", "fn", "run", "(", ")"] {
            self.expect(token, why)?;
        }
        let open = self.expect("{", why)?;
        let steps = self.statements(open)?;
        if self.peek().tok != Tok::End {
            return Err(self.fail(
                "the end of the text",
                "the module holds one `async fn run()`",
            ));
        }
        Ok(Node::new(Kind::Seq, open, "`run`'s body", steps))
    }

    /// Statements up to the `}` closing the `{` at `open`, which it takes.
    fn statements(&mut self, open: Pos) -> Result<Vec<Node>, ParseError> {
        let mut steps = Vec::new();
        loop {
            match self.peek().tok {
                Tok::Punct("}") => {
                    self.bump();
                    return Ok(steps);
                }
                Tok::End => {
                    let why = format!(
                        "to close the `{{` at line {}, column {}",
                        open.line, open.column
                    );
                    return Err(self.fail("`}`", &why));
                }
                _ => steps.push(self.statement()?),
            }
        }
    }

    fn statement(&mut self) -> Result<Node, ParseError> {
        match self.word() {
            Some("sleep_ms") => {
                let sleep = self.sleep()?;
                self.expect_await()?;
                self.expect(";", "")?;
                Ok(sleep)
            }
            Some("log") => {
                let at = self.bump().at;
                self.expect("(", "")?;
                let (text, text_at) = self.string()?;
                self.expect(")", "")?;
                self.expect(";", "")?;
                Ok(Node::new(
                    Kind::Log { text, text_at },
                    at,
                    "this `log`",
                    vec![],
                ))
            }
            Some("join") => self.join(),
            Some("select") => self.select(),
            Some("let") => self.lets(),
            Some("block_ms") => {
                let block = self.block()?;
                if self.is_await() {
                    return Err(self.fail(
                        "`;`",
                        "`block_ms(…)` is a plain call that returns when its time is up: \
                         there is nothing to await",
                    ));
                }
                self.expect(";", "")?;
                Ok(block)
            }
            _ if self.is(";") => Err(self.fail(
                A_STATEMENT,
                "an empty statement is not part of this subset: remove the `;`",
            )),
            _ => Err(self.fail(A_STATEMENT, "")),
        }
    }

    /// `sleep_ms(N)`, not awaited: the callers say what follows.
    fn sleep(&mut self) -> Result<Node, ParseError> {
        let at = self.bump().at;
        let (ms, ms_at, close) = self.ms_argument(limits::MAX_MS)?;
        let kind = Kind::Sleep {
            ms,
            ms_at,
            close_line: close.line,
            label: None,
        };
        Ok(Node::new(kind, at, "this `sleep_ms`", vec![]))
    }

    /// `block_ms(N)`, the call without its `;`.
    fn block(&mut self) -> Result<Node, ParseError> {
        let at = self.bump().at;
        let (ms, ms_at, _) = self.ms_argument(limits::MAX_BLOCK_MS)?;
        Ok(Node::new(
            Kind::Block { ms, ms_at },
            at,
            "this `block_ms`",
            vec![],
        ))
    }

    /// `(N)` after `sleep_ms` or `block_ms`: the number as written (validation
    /// says if it is in range), where it is, and where `)` is.
    fn ms_argument(&mut self, max: u32) -> Result<(f64, Pos, Pos), ParseError> {
        self.expect("(", "")?;
        let token = self.peek();
        let Tok::Number(_, Some(ms)) = token.tok else {
            let expected = format!("a whole number of milliseconds from 0 to {max}");
            return Err(self.fail(&expected, ""));
        };
        self.bump();
        let close = self.expect(")", "")?;
        Ok((ms, token.at, close))
    }

    fn string(&mut self) -> Result<(String, Pos), ParseError> {
        match &self.peek().tok {
            Tok::Str(text) => Ok((text.clone(), self.bump().at)),
            _ => Err(self.fail("a string in double quotes", "the text to log")),
        }
    }

    /// `join!(future, …);`, a trailing comma allowed (as the renderer writes).
    fn join(&mut self) -> Result<Node, ParseError> {
        let at = self.bump().at;
        let what = "this `join!`";
        self.enter(at, what)?;
        self.expect("!", "`join!` is a macro")?;
        self.expect("(", "")?;
        let mut futures = Vec::new();
        while !self.is(")") {
            futures.push(self.future()?);
            if self.is_await() {
                return Err(self.fail(
                    "`,` or `)`",
                    "`join!` awaits its futures itself: remove `.await`",
                ));
            }
            if self.is(",") {
                self.bump();
            } else if !self.is(")") {
                return Err(self.fail("`,` or `)`", ""));
            }
        }
        self.bump();
        self.expect(";", "")?;
        self.leave();
        // An empty `join!()` gets validation's message ("must hold at least
        // one step"), like an empty array of steps.
        Ok(Node::new(Kind::All, at, what, futures))
    }

    /// `select! { biased; _ = future => {} … }`, commas between arms allowed
    /// (as the runtime's macro allows them).
    fn select(&mut self) -> Result<Node, ParseError> {
        let at = self.bump().at;
        let what = "this `select!`";
        self.enter(at, what)?;
        self.expect("!", "`select!` is a macro")?;
        self.expect("{", "")?;
        if !self.is("biased") {
            return Err(self.fail(
                "`biased;`",
                "this playground's `select!` polls its futures in the order written \
                 (without `biased;`, tokio's picks one at random)",
            ));
        }
        self.bump();
        self.expect(";", "")?;
        let arm = "each branch is `_ = future => {}`";
        let mut futures = Vec::new();
        while !self.is("}") {
            self.expect("_", arm)?;
            self.expect("=", arm)?;
            futures.push(self.future()?);
            if self.is_await() {
                return Err(self.fail(
                    "`=>`",
                    "`select!` awaits its futures itself: remove `.await`",
                ));
            }
            self.expect("=>", arm)?;
            self.expect("{", arm)?;
            self.expect("}", "in this subset a branch does nothing: `=> {}`")?;
            if self.is(",") {
                self.bump();
            }
        }
        self.bump();
        self.leave();
        Ok(Node::new(Kind::Race, at, what, futures))
    }

    /// `let a = future;` one or more times, then `a.await;` for each, in the
    /// order made: create, then await.
    fn lets(&mut self) -> Result<Node, ParseError> {
        let at = self.peek().at;
        let what = "this group of `let`s";
        self.enter(at, what)?;
        let mut names: Vec<&str> = Vec::new();
        let mut futures = Vec::new();
        while self.is("let") {
            self.bump();
            let name = self.name()?;
            if names.contains(&name) {
                return Err(ParseError::new(
                    self.tokens[self.next - 1].at,
                    format!("`{name}` already names a future made above: give each its own name"),
                ));
            }
            names.push(name);
            self.expect("=", "")?;
            futures.push(self.future()?);
            if self.is_await() {
                return Err(self.fail(
                    "`;`",
                    "here `let` keeps the future, to await it later: remove `.await`",
                ));
            }
            self.expect(";", "")?;
        }
        for name in names {
            if !self.is(name) {
                return Err(self.fail(
                    &format!("`{name}.await;`"),
                    "each future made by `let` is awaited next, in the order made",
                ));
            }
            self.bump();
            self.expect_await()?;
            self.expect(";", "")?;
        }
        self.leave();
        Ok(Node::new(Kind::CreateThenAwait, at, what, futures))
    }

    /// The name a `let` gives its future.
    fn name(&mut self) -> Result<&'a str, ParseError> {
        match self.word() {
            Some("_") => Err(self.fail("a name for the future", "`let _ =` would drop it at once")),
            Some(w) if RESERVED.contains(&w) => Err(self.fail(
                "a name for the future",
                &format!("`{w}` is taken (a keyword or a function here)"),
            )),
            Some(w) => {
                self.bump();
                Ok(w)
            }
            None => Err(self.fail("a name for the future", "")),
        }
    }

    /// A future, not awaited: `sleep_ms(N)` or an `async` block.
    fn future(&mut self) -> Result<Node, ParseError> {
        match self.word() {
            Some("sleep_ms") => self.sleep(),
            Some("async") => self.async_block(),
            Some("log") => Err(self.fail(
                A_FUTURE,
                "`log(…)` runs at once and is no future: write `async { log(…) }`",
            )),
            Some("block_ms") => Err(self.fail(
                A_FUTURE,
                "`block_ms(…)` runs at once and is no future: write `async { block_ms(…) }`",
            )),
            _ => Err(self.fail(A_FUTURE, "")),
        }
    }

    /// `async { log("…") }` is a log step; `async { statements }` is their
    /// sequence, or, when it holds one `join!`, `select!` or group of `let`s
    /// only, that step itself (the renderer writes such a step so: a
    /// sequence of one would read the same).
    fn async_block(&mut self) -> Result<Node, ParseError> {
        let at = self.bump().at;
        let what = "this `async` block";
        self.enter(at, what)?;
        let open = self.expect("{", "an async block is `async { … }`")?;
        let lone_log = self.is("log")
            && self.is_at(1, "(")
            && matches!(self.ahead(2), Tok::Str(_))
            && self.is_at(3, ")")
            && self.is_at(4, "}");
        let lone_block = self.is("block_ms")
            && self.is_at(1, "(")
            && matches!(self.ahead(2), Tok::Number(..))
            && self.is_at(3, ")")
            && self.is_at(4, "}");
        let node = if lone_log {
            self.bump();
            self.bump();
            let (text, text_at) = self.string()?;
            self.bump();
            self.bump();
            Node::new(Kind::Log { text, text_at }, at, "this `log`", vec![])
        } else if lone_block {
            let block = self.block()?;
            self.bump();
            block
        } else {
            let mut steps = self.statements(open)?;
            if steps.len() == 1 && steps[0].is_composite() {
                steps.remove(0)
            } else {
                Node::new(Kind::Seq, at, what, steps)
            }
        };
        self.leave();
        Ok(node)
    }
}

/// A token as a message names it.
fn describe(tok: &Tok) -> String {
    match tok {
        Tok::Word(w) => format!("`{}`", clip(w)),
        Tok::Punct(p) => format!("`{p}`"),
        Tok::Number(text, _) => format!("`{}`", clip(text)),
        Tok::Str(_) => "a string".into(),
        Tok::Other(c) if c.is_ascii_graphic() => format!("`{c}`"),
        // Spaces, controls and bidirectional marks would not show, or would
        // reorder the message: name them by number.
        Tok::Other(c) if c.is_alphanumeric() => format!("`{c}` (U+{:04X})", u32::from(*c)),
        Tok::Other(c) => format!("the character U+{:04X}", u32::from(*c)),
        Tok::End => "the end of the text".into(),
    }
}

/// At most 20 characters of a long word or number, for messages.
fn clip(text: &str) -> String {
    match text.char_indices().nth(20) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_string(),
    }
}
