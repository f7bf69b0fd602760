//! Tokens to a tree of [`Node`]s by recursive descent: one function per rule
//! of the grammar in `parse.rs`. Every error names the offending token's
//! place and what was expected there.

use super::error::{not_read_yet, ParseError, Pos};
use super::hints::{self, Place};
use super::lexer::{Tok, Token};
use super::spelling::nearest;
use crate::program::log_text::{self, Piece, Problem};
use crate::program::scenario::{limits, LoopStyle};
use crate::render::js_string;

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
        /// The parameter of its helper written in place of a number.
        param: Option<String>,
        /// The line of `sleep_ms(…)`'s `)`: a comment ending it is the label.
        close_line: usize,
        /// Set after parsing, from the comments (see `check::labels`).
        label: Option<(String, Pos)>,
    },
    Log {
        text: String,
        text_at: Pos,
        /// `text` reads loop variables (a format string with `{name}`s).
        format: bool,
    },
    Block {
        /// As written; validation says if it is whole and in range.
        ms: f64,
        ms_at: Pos,
        /// The parameter of its helper written in place of a number.
        param: Option<String>,
    },
    Yield,
    Repeat {
        /// As written; validation says if it is whole and in range.
        times: f64,
        times_at: Pos,
        /// Its variable's name and place, unless `_`.
        var: Option<(String, Pos)>,
        /// `for`, or a counter's `while` or `loop`.
        style: LoopStyle,
    },
    /// `i += 1;`, the end of a counter's loop's body (only there).
    Increment,
    /// `if i == N { break; }`, the end of a counter's `loop` (only there).
    Break {
        times: f64,
        times_at: Pos,
    },
    /// Its handle's number (from 1, in reading order) if a `let` names it;
    /// `direct`: `spawn(brew())`, its one child the call.
    Spawn {
        handle: Option<u32>,
        direct: bool,
    },
    AwaitHandle {
        handle: u32,
    },
    /// `h.abort();`
    Abort {
        handle: u32,
    },
    Seq,
    All,
    /// `join_all(vec![…])`: futures of one type.
    JoinAll,
    Race,
    /// `select!` without `biased;`.
    RandomRace,
    /// A `select!` branch with a body: its future, then the body's
    /// sequence.
    Arm,
    CreateThenAwait,
    /// `let cups = 3;`: a whole number, named, as written (validation says
    /// if it is in range).
    Let {
        name: String,
        name_at: Pos,
        value: f64,
        value_at: Pos,
    },
    /// A program with helper `async fn`s: its functions, in the order
    /// written.
    Module,
    /// `async fn name() { … }`: its body's statements are the children.
    AsyncFn {
        name: String,
        name_at: Pos,
        /// Its parameters' names (each a `u32`).
        params: Vec<String>,
    },
    /// `brew(100)`, a call of a helper `async fn`: its arguments, as
    /// written (validation says if they are whole and in range), and where.
    Call {
        name: String,
        args: Vec<(f64, Pos)>,
    },
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
        matches!(
            self.kind,
            Kind::All
                | Kind::JoinAll
                | Kind::Race
                | Kind::RandomRace
                | Kind::CreateThenAwait
                | Kind::Repeat { .. }
        )
    }
}

/// How deep constructs may nest while parsing. Each step level takes at most
/// two (a `join!` and the `async` block in it), so no valid program comes
/// near; the exact depth limit is validation's, on the tree. This bound only
/// keeps the recursion (and the stack) small on hostile input.
const MAX_NESTING: usize = 2 * limits::MAX_DEPTH;

/// Why `sleep_ms(20);` waits for nothing: true of every future in Rust.
/// rustc compiles it, with a warning (its `#[must_use]` note, quoted): the
/// page refuses it, and says so.
const UNAWAITED: &str = "without `.await` this future is dropped, never polled, so nothing \
     waits. rustc would only warn here (\"futures do nothing unless you `.await` or poll \
     them\"), an easy bug to miss";

/// Why `let _ = sleep_ms(20);` waits for nothing.
/// rustc compiles it without a word: `let _ =` silences the warning.
const LET_UNDERSCORE_DROPS: &str = "`let _ =` drops this future at once, never polled, so \
     nothing waits: add `.await`, or give it a name (`let f = …;`) to await it later \
     (rustc would accept it silently)";

const A_STATEMENT: &str = "a statement (`sleep_ms(…).await;`, `log(\"…\");`, `join!(…);`, \
     `select! { … }` or `let f = …;`)";

const A_FUTURE: &str = "a future (`sleep_ms(…)`, `yield_now()` or `async { … }`)";

/// What may start a statement, for near misses (`sleepms`, `jion`).
const STATEMENT_WORDS: &[&str] = &[
    "sleep_ms",
    "log",
    "block_ms",
    "join",
    "select",
    "let",
    "yield_now",
    "spawn",
];

/// What may start a future, for near misses.
const FUTURE_WORDS: &[&str] = &["sleep_ms", "async", "yield_now"];

/// Rust's keywords: no name for a future, in Rust either.
const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut",
    "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "try",
    "type", "unsafe", "use", "where", "while", "yield", "abstract", "become", "box", "do", "final",
    "macro", "override", "priv", "typeof", "unsized", "virtual",
];

/// The functions and macros the program calls: Rust lets a `let` shadow
/// them, this playground does not (a future named `log` would hide `log(…)`).
const PRELUDE: &[&str] = &[
    "sleep_ms",
    "log",
    "join",
    "select",
    "run",
    "block_ms",
    "yield_now",
    "spawn",
];

pub(super) struct Parser<'a> {
    /// Never empty: the last token is [`Tok::End`].
    tokens: &'a [Token],
    next: usize,
    nesting: usize,
    /// The names `let`s made in each open block, outermost first: a group's
    /// names are awaited before the next statement, so a later use of one
    /// is of a future already awaited.
    scopes: Vec<Vec<&'a str>>,
    /// A `use` line brought `Duration` in, so `sleep(Duration::from_millis(N))`
    /// compiles as written.
    duration: bool,
    /// `use runtime::println;` brought in the runtime's `println!`, which
    /// prints into the trace (std's would print where the page cannot see).
    println: bool,
    /// Reading a `select!` branch's code written as one expression, `=>
    /// println!("…"),` (as tokio's examples write it): its statement ends at
    /// the `,` or `}` after it, where a block's would end with `;`.
    arm_expression: bool,
    /// The variables of the `for` loops open here: a body may not read them
    /// yet, and a message says so.
    loop_vars: Vec<&'a str>,
    /// The handles `let h = spawn(…);` made in each open block, outermost
    /// first.
    handles: Vec<Vec<Handle<'a>>>,
    /// Handles made so far.
    handle_count: u32,
    /// The names of the module's `async fn`s (read before their bodies, as
    /// Rust lets a function call one written below it).
    fns: Vec<&'a str>,
    /// The parameters of the function being read.
    params: Vec<&'a str>,
    /// The numbers `let cups = 3;` named in each open block, outermost
    /// first.
    numbers: Vec<Vec<&'a str>>,
    /// The counter of the `while` or `loop` being read, whose body ends
    /// with `i += 1;`.
    counter: Option<&'a str>,
}

/// The `use` lines read after the prelude's, each once: `Duration`, for
/// `sleep(Duration::from_millis(N))` (the prelude's `sleep` is the
/// runtime's and, like tokio's, takes a `Duration`); and the runtime's `println!` (by name: the prelude's
/// glob cannot shadow std's, rustc calls that ambiguous).
const MORE_USES: &[(&[&str], Brings)] = &[
    (
        &["use", "std", "::", "time", "::", "Duration", ";"],
        Brings::Duration,
    ),
    (
        &["use", "runtime", "::", "time", "::", "Duration", ";"],
        Brings::Duration,
    ),
    (
        &["use", "core", "::", "time", "::", "Duration", ";"],
        Brings::Duration,
    ),
    // tokio's `use tokio::time::{sleep, Duration};`, made this runtime's
    // (the `sleep` named here is the prelude's).
    (
        &[
            "use", "runtime", "::", "time", "::", "{", "sleep", ",", "Duration", "}", ";",
        ],
        Brings::Duration,
    ),
    (&["use", "runtime", "::", "println", ";"], Brings::Println),
];

/// What a `use` line after the prelude's brings in.
#[derive(Clone, Copy)]
enum Brings {
    Duration,
    Println,
}

impl<'a> Parser<'a> {
    pub(super) fn new(tokens: &'a [Token]) -> Self {
        Parser {
            tokens,
            next: 0,
            nesting: 0,
            scopes: Vec::new(),
            duration: false,
            println: false,
            arm_expression: false,
            loop_vars: Vec::new(),
            handles: Vec::new(),
            handle_count: 0,
            fns: Vec::new(),
            params: Vec::new(),
            numbers: Vec::new(),
            counter: None,
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

    /// An error for what ends a line (`;`, `.await`, `,`) and is missing:
    /// when the next token is on a later line, it is put at the end of the
    /// last token, where the missing text goes (as rustc does), not at the
    /// start of the next line.
    fn fail_missing(&self, expected: &str, why: &str) -> ParseError {
        let token = self.peek();
        let last = self.next.checked_sub(1).map(|k| &self.tokens[k]);
        match last {
            Some(last) if token.at.line > last.end.line => {
                let mut message = format!("expected {expected} at the end of this line");
                if !why.is_empty() {
                    message.push_str(": ");
                    message.push_str(why);
                }
                ParseError::new(last.end, message)
            }
            _ => self.fail(expected, why),
        }
    }

    /// "did you mean …?" for a word one slip away from one of `candidates`.
    fn slip(&self, candidates: &[&str]) -> Option<ParseError> {
        let word = self.word()?;
        let meant = nearest(word, candidates)?;
        let bang = if matches!(meant, "join" | "select") {
            "!"
        } else {
            ""
        };
        Some(ParseError::new(
            self.peek().at,
            format!("there is no `{word}` here: did you mean `{meant}{bang}`?"),
        ))
    }

    /// Takes the token `s`, or fails saying so (and why, if given).
    fn expect(&mut self, s: &str, why: &str) -> Result<Pos, ParseError> {
        if self.is(s) {
            return Ok(self.bump().at);
        }
        if s == ";" && self.arm_expression && (self.is(",") || self.is("}")) {
            self.arm_expression = false;
            return Ok(self.peek().at);
        }
        // A `;`, or a `)` or `]` left open at the end of a line, goes at the
        // end of that line, not on the next token (`log("hi"` then `}` on
        // the next line: line 9's `}` is not the mistake).
        if s == ";" || s == ")" || s == "]" {
            return Err(self.fail_missing(&format!("`{s}`"), why));
        }
        let wordy = s.len() > 1 && s.chars().all(|c| c.is_alphanumeric() || c == '_');
        match self.slip(&[s]).filter(|_| wordy) {
            Some(error) => Err(error),
            None => Err(self.fail(&format!("`{s}`"), why)),
        }
    }

    /// Takes `.await`, or fails; `sleep_ms(20);` gets the rule it breaks,
    /// JS's habits (`.then(…)`, `await` without its dot) what to write.
    fn expect_await(&mut self) -> Result<(), ParseError> {
        if self.is_await() {
            self.bump();
            self.bump();
            if self.is("(") {
                return Err(self.fail("`;`", "`.await` is not a method call: remove the `()`"));
            }
            return Ok(());
        }
        if self.is(".") {
            if let (Tok::Word(word), Some(after)) = (self.ahead(1), self.tokens.get(self.next + 1))
            {
                if word == "then" {
                    return Err(ParseError::new(
                        after.at,
                        "`.then(…)` chains a JS promise; in Rust write `.await;` here, \
                         and what follows on the next lines (as after JS's `await`)",
                    ));
                }
                if nearest(word, &["await"]).is_some() {
                    return Err(ParseError::new(
                        after.at,
                        format!("there is no `.{}` here: did you mean `.await`?", clip(word)),
                    ));
                }
            }
        }
        if self.is("await") {
            return Err(self.fail("`.await`", "Rust writes it with a dot: `.await`"));
        }
        if self.is(";") {
            // Not "expected …, found `;`": rustc would accept the line, so
            // the message must not read as its parse error.
            return Err(ParseError::new(
                self.peek().at,
                format!("missing `.await`: {UNAWAITED}"),
            ));
        }
        Err(self.fail_missing("`.await`", ""))
    }

    /// Whether a `let` in an open block made `name`.
    fn made(&self, name: &str) -> bool {
        self.scopes.iter().flatten().any(|n| *n == name)
    }

    /// The error for a word or token that starts no `place` here: code from
    /// JS, tokio or the futures crate gets what to write instead, a near
    /// miss its likely word, a future already awaited or never made says
    /// so; anything else what was `expected`.
    fn unknown(&self, place: Place, expected: &str) -> ParseError {
        let token = self.peek();
        if let Some(message) = hints::foreign(self.tokens, self.next, place) {
            return ParseError::new(token.at, message);
        }
        let words = match place {
            Place::Statement => STATEMENT_WORDS,
            Place::Future => FUTURE_WORDS,
        };
        if let Some(error) = self.slip(words) {
            return error;
        }
        // A call of a function this program lacks: one slip from one of its
        // own, or none at all.
        if let (Some(word), true) = (self.word(), self.is_at(1, "(")) {
            let own: Vec<&str> = self.fns.iter().copied().filter(|f| *f != "run").collect();
            if let Some(error) = self.slip(&own) {
                return error;
            }
            if !KEYWORDS.contains(&word) && log_text::is_name(word) {
                return ParseError::new(
                    token.at,
                    format!(
                        "there is no `async fn {word}` in this program (rustc: cannot find \
                         function `{word}` in this scope, E0425): write one above or below \
                         `run()`, `async fn {word}() {{ … }}`"
                    ),
                );
            }
        }
        if let Some(word) = self.word() {
            // A handle of this block where a future goes: in `join!` or
            // `select!` (their futures are read in the block around them).
            if self.handle_here(word).is_some() {
                let word = clip(word);
                return ParseError::new(
                    token.at,
                    not_read_yet(
                        &format!("a task's handle as a future in `join!` or `select!` (`{word}`)"),
                        &format!("here, await it as a statement, `{word}.await.unwrap();`"),
                    ),
                );
            }
            if self.handles.iter().flatten().any(|h| h.name == word) {
                return ParseError::new(
                    token.at,
                    not_read_yet(
                        &format!(
                            "a handle awaited in another block than its `spawn` (`{}`)",
                            clip(word)
                        ),
                        &format!(
                            "write `{}.await.unwrap();` in the block that called `spawn`",
                            clip(word)
                        ),
                    ),
                );
            }
            let number = self.numbers.iter().flatten().any(|n| *n == word);
            if number || self.params.contains(&word) {
                let word = clip(word);
                return ParseError::new(
                    token.at,
                    format!(
                        "`{word}` is a number, not a future: Rust cannot `.await` it or run it \
                         (rustc: `{{integer}}` is not a future; unlike JS's `await 3`): read it \
                         in a text, `log(format!(\"{{{word}}}\"));`"
                    ),
                );
            }
            if word != "_" && self.loop_vars.contains(&word) {
                let word = clip(word);
                return ParseError::new(
                    token.at,
                    format!(
                        "`{word}` is the loop's count, a number: this playground reads it in \
                         a text only, `println!(\"round {{{word}}}\");`"
                    ),
                );
            }
            let word = clip(word);
            if self.made(&word) {
                return ParseError::new(
                    token.at,
                    format!(
                        "`{word}` was awaited above: `.await` takes the future, so it is \
                         awaited once (rustc: use of moved value)"
                    ),
                );
            }
            let a_value = !matches!(self.ahead(1), Tok::Punct("(" | "!" | "::"));
            if a_value && !KEYWORDS.contains(&word.as_str()) {
                return ParseError::new(
                    token.at,
                    format!(
                        "no `let` above makes `{word}` \
                         (rustc: cannot find value `{word}` in this scope)"
                    ),
                );
            }
        }
        self.fail(expected, "")
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
        // A program written for tokio: every change it needs, in one message.
        let starts = ["use", "runtime", "::", "prelude"];
        if !starts.iter().enumerate().all(|(k, s)| self.is_at(k, s)) {
            if let Some(message) = hints::tokio_program(self.tokens) {
                return Err(ParseError::new(self.peek().at, message));
            }
        }
        self.attribute()?;
        let why = "the module starts with `use runtime::prelude::*;`";
        for token in ["use", "runtime", "::", "prelude", "::", "*", ";"] {
            if token == "runtime" && matches!(self.word(), Some("tokio" | "futures" | "std")) {
                return Err(self.fail(
                    "`runtime`",
                    "this page polls futures on its own runtime: the module starts with \
                     `use runtime::prelude::*;`, which gives `sleep_ms`, `log`, `block_ms`, \
                     `yield_now`, `join!` and `select!`",
                ));
            }
            self.expect(token, why)?;
        }
        while let Some((line, brings)) = MORE_USES
            .iter()
            .find(|(line, _)| line.iter().enumerate().all(|(k, s)| self.is_at(k, s)))
        {
            let already = match brings {
                Brings::Duration => std::mem::replace(&mut self.duration, true),
                Brings::Println => std::mem::replace(&mut self.println, true),
            };
            if already {
                let name = match brings {
                    Brings::Duration => "Duration",
                    Brings::Println => "println",
                };
                return Err(ParseError::new(
                    self.peek().at,
                    format!(
                        "`{name}` is brought in above already: remove this line \
                         (rustc: the name `{name}` is defined multiple times)"
                    ),
                ));
            }
            for _ in line.iter() {
                self.bump();
            }
        }
        if self.is("use") {
            return Err(self.fail(
                "`async`",
                &not_read_yet(
                    "more `use` lines",
                    "remove it here (after the prelude's, only a `Duration` line, \
                     `use std::time::Duration;`, and `use runtime::println;` are read)",
                ),
            ));
        }
        self.fns = self.fn_names();
        let mut fns = Vec::new();
        loop {
            self.attribute()?;
            fns.push(self.async_fn(&fns)?);
            if self.peek().tok == Tok::End {
                break;
            }
            // Another function, or something this playground does not read.
            if !(self.is("async") || self.is("fn")) {
                let close = self.tokens[self.next - 1].at.line;
                let name = match fns.last().map(|f| &f.kind) {
                    Some(Kind::AsyncFn { name, .. }) => name.as_str(),
                    _ => "run",
                };
                if self.is("}") {
                    return Err(ParseError::new(
                        self.peek().at,
                        format!(
                            "unexpected `}}`: nothing is open here (`{name}()` ends on line {close})"
                        ),
                    ));
                }
                return Err(self.fail(
                    "`async fn`",
                    &format!(
                        "`{name}()` ends on line {close}, and after it this playground reads \
                         only more `async fn`s"
                    ),
                ));
            }
        }
        let runs = fns
            .iter()
            .position(|f| matches!(&f.kind, Kind::AsyncFn { name, .. } if name == "run"));
        let Some(run) = runs else {
            return Err(ParseError::new(
                fns[0].at,
                "the page runs `async fn run()`, and this program has none: name the function \
                 it starts with `run`",
            ));
        };
        if fns.len() == 1 {
            let run = fns.remove(run);
            return Ok(Node::new(Kind::Seq, run.at, "`run`'s body", run.children));
        }
        Ok(Node::new(Kind::Module, fns[0].at, "this program", fns))
    }

    /// The names of the module's `async fn`s: `async fn NAME` where no
    /// block is open.
    fn fn_names(&self) -> Vec<&'a str> {
        let mut depth = 0usize;
        let mut out = Vec::new();
        for (k, token) in self.tokens.iter().enumerate().skip(self.next) {
            match &token.tok {
                Tok::Punct("{") => depth += 1,
                Tok::Punct("}") => depth = depth.saturating_sub(1),
                Tok::Word(w) if depth == 0 && w == "fn" => {
                    if let Some(Tok::Word(name)) = self.tokens.get(k + 1).map(|t| &t.tok) {
                        out.push(name.as_str());
                    }
                }
                _ => {}
            }
        }
        out
    }

    /// `async fn name() { statements }`; `above` are the functions read
    /// before it.
    fn async_fn(&mut self, above: &[Node]) -> Result<Node, ParseError> {
        let why = "the program is `async fn run() { … }`, and its helpers `async fn name() { … }`";
        let main = if self.is("fn") { 1 } else { 2 };
        if self.is_at(main, "main") && (!above.is_empty() || self.fns.contains(&"run")) {
            return Err(ParseError::new(
                self.peek().at,
                "the page runs `run()` for you (as `#[tokio::main]` runs `main`), so there is \
                 no `main` here: remove it",
            ));
        }
        if self.is("fn") && !self.is_at(1, "main") {
            return Err(self.fail(
                "`async`",
                &not_read_yet(
                    "a plain `fn` helper",
                    "write `async fn name() { … }` here instead, and call it with \
                     `name().await` (only an `async fn` can `.await` inside it: E0728)",
                ),
            ));
        }
        self.expect("async", why)?;
        self.expect("fn", why)?;
        if self.is("main") && above.is_empty() && !self.fns.contains(&"run") {
            return Err(self.fail(
                "`run`",
                "the page calls `async fn run()` itself, so there is no `main` here: \
                 name it `run`",
            ));
        }
        let token = self.peek();
        let Tok::Word(name) = &token.tok else {
            return Err(self.fail("a function's name", why));
        };
        if KEYWORDS.contains(&name.as_str()) {
            return Err(self.fail(
                "a function's name",
                &format!("`{name}` is a Rust keyword: name the function otherwise"),
            ));
        }
        let written = above
            .iter()
            .any(|f| matches!(&f.kind, Kind::AsyncFn { name: n, .. } if n == name));
        if written {
            return Err(ParseError::new(
                token.at,
                format!(
                    "`{name}` is defined above already: name this one otherwise (rustc: the \
                     name `{name}` is defined multiple times, E0428)"
                ),
            ));
        }
        self.bump();
        self.expect("(", why)?;
        self.params = self.params(name)?;
        self.bump();
        if self.is("-") && self.is_at(1, ">") {
            return Err(ParseError::new(
                self.peek().at,
                not_read_yet(
                    "a function's return value",
                    "remove `-> …`: every function here returns `()`",
                ),
            ));
        }
        let open = self.expect("{", why)?;
        let steps = self.statements(open)?;
        let params = std::mem::take(&mut self.params);
        if steps.is_empty() && name != "run" {
            return Err(ParseError::new(
                token.at,
                not_read_yet(
                    "an empty function",
                    "give it a statement, or remove it and its calls",
                ),
            ));
        }
        Ok(Node::new(
            Kind::AsyncFn {
                name: name.clone(),
                name_at: token.at,
                params: params.iter().map(|p| p.to_string()).collect(),
            },
            open,
            "this function",
            steps,
        ))
    }

    /// The parameters of the function `name`, after its `(`, up to its `)`
    /// (left for the caller): `ms: u32`, each a whole number.
    fn params(&mut self, name: &str) -> Result<Vec<&'a str>, ParseError> {
        let mut params = Vec::new();
        while !self.is(")") {
            if name == "run" {
                return Err(ParseError::new(
                    self.peek().at,
                    "this page calls `run()` with no arguments, so it takes none: remove its \
                     parameters (a helper may take some)",
                ));
            }
            let token = self.peek();
            let param = match &token.tok {
                Tok::Word(w) if log_text::is_name(w) && !PRELUDE.contains(&w.as_str()) => w,
                _ => return Err(self.fail("a parameter's name", "a parameter is `ms: u32`")),
            };
            self.bump();
            self.expect(":", "a parameter is `ms: u32`")?;
            match self.word() {
                Some("u32") => {
                    self.bump();
                }
                other => {
                    let what = match other {
                        Some(ty) if log_text::is_name(ty) => format!("a `{ty}` parameter"),
                        _ => "a parameter of another type than `u32`".into(),
                    };
                    return Err(self.fail(
                        "`u32`",
                        &not_read_yet(
                            &what,
                            &format!(
                                "write `{param}: u32` here, the type `sleep_ms` and `block_ms` \
                                 take"
                            ),
                        ),
                    ));
                }
            }
            params.push(param.as_str());
            if !self.is(")") {
                self.expect(",", "parameters are separated by `,`")?;
            }
        }
        Ok(params)
    }

    /// `brew(100)`, a call of the module's `async fn brew`, not awaited:
    /// the callers say what follows.
    fn call(&mut self) -> Result<Node, ParseError> {
        let token = self.bump();
        let Tok::Word(name) = &token.tok else {
            unreachable!("a function's name is a word")
        };
        self.expect("(", "")?;
        let mut args = Vec::new();
        while !self.is(")") {
            let arg = self.peek();
            let Tok::Number(_, Some(value)) = arg.tok else {
                let what = match &arg.tok {
                    Tok::Word(_) => not_read_yet(
                        "a variable passed to a function",
                        &format!("write a number here, as `{name}(100)`"),
                    ),
                    _ => "an argument is a whole number here".into(),
                };
                return Err(self.fail("a whole number", &what));
            };
            self.bump();
            let value = self.arithmetic(value, name)?;
            args.push((value, arg.at));
            if !self.is(")") {
                self.expect(",", "arguments are separated by `,`")?;
            }
        }
        self.bump();
        Ok(Node::new(
            Kind::Call {
                name: name.clone(),
                args,
            },
            token.at,
            "this call",
            vec![],
        ))
    }

    /// `(ms)` after `sleep_ms` or `block_ms` in a helper whose parameter is
    /// `ms`: the parameter and where it is; None if something else follows.
    fn param_argument(&mut self) -> Option<(String, Pos, Pos)> {
        let (Tok::Word(word), true) = (self.ahead(1), self.is_at(2, ")")) else {
            return None;
        };
        if !self.is("(") || !self.params.contains(&word.as_str()) {
            return None;
        }
        self.bump();
        let at = self.bump().at;
        let close = self.bump().at;
        Some((word.clone(), at, close))
    }

    /// Whether the next tokens call one of the module's `async fn`s.
    fn is_call(&self) -> bool {
        self.word().is_some_and(|w| self.fns.contains(&w)) && self.is_at(1, "(")
    }

    /// An attribute where the module has none: `#[tokio::main]` gets what
    /// to do instead; any other is left to the next expectation.
    fn attribute(&self) -> Result<(), ParseError> {
        if self.peek().tok != Tok::Other('#') {
            return Ok(());
        }
        match hints::attribute(self.tokens, self.next) {
            Some(message) => Err(ParseError::new(self.peek().at, message)),
            None => Ok(()),
        }
    }

    /// Statements up to the `}` closing the `{` at `open`, which it takes.
    fn statements(&mut self, open: Pos) -> Result<Vec<Node>, ParseError> {
        self.scopes.push(Vec::new());
        self.handles.push(Vec::new());
        self.numbers.push(Vec::new());
        let mut steps = Vec::new();
        loop {
            match self.peek().tok {
                Tok::Punct("}") => {
                    self.bump();
                    self.scopes.pop();
                    self.handles.pop();
                    self.numbers.pop();
                    return Ok(steps);
                }
                // The end, or the `)` of a call around this block: the `}`
                // is missing.
                Tok::End | Tok::Punct(")") => {
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
                self.end_statement()?;
                Ok(sleep)
            }
            Some("sleep") if self.is_duration_sleep() => {
                let sleep = self.duration_sleep()?;
                self.expect_await()?;
                self.end_statement()?;
                Ok(sleep)
            }
            Some("yield_now") => {
                let node = self.yield_now()?;
                self.expect_await()?;
                self.end_statement()?;
                Ok(node)
            }
            Some("log") => {
                let at = self.bump().at;
                self.expect("(", "")?;
                // `log(format!("…"))` or `log(&format!("…"))`: a text that
                // may read loop variables, as `println!`'s does.
                let borrows = *self.ahead(0) == Tok::Other('&');
                let formats = self.is_at(usize::from(borrows), "format");
                let kind = if formats {
                    if borrows {
                        self.bump();
                    }
                    self.bump();
                    self.expect("!", "`format!` is a macro")?;
                    self.expect("(", "")?;
                    let kind = self.format_string("`format!`")?;
                    self.expect(")", "")?;
                    kind
                } else {
                    let (text, text_at) = self.string()?;
                    Kind::Log {
                        text,
                        text_at,
                        format: false,
                    }
                };
                self.expect(")", "")?;
                self.end_statement()?;
                Ok(Node::new(kind, at, "this `log`", vec![]))
            }
            Some("println") if self.is_at(1, "!") && self.is_at(2, "(") => self.println(),
            Some("std") if self.is_thread_sleep() => self.thread_sleep(),
            Some("join") => self.join(),
            Some("join_all") => self.join_all(),
            Some("select") => self.select(),
            Some("for") => self.for_loop(),
            Some("spawn") => self.spawn(None),
            Some("let") if self.is_spawn_let() => {
                self.bump();
                let name = self.name()?;
                self.expect("=", "")?;
                self.spawn(Some(name))
            }
            Some(w) if self.handle_here(w).is_some() => self.use_handle(false),
            _ if self.is_call() => {
                let call = self.call()?;
                self.expect_await()?;
                self.end_statement()?;
                Ok(call)
            }
            Some("let") if self.is_at(1, "_") => self.let_underscore(),
            Some("let")
                if self.is_at(1, "mut")
                    && self.is_at(3, "=")
                    && matches!(self.ahead(4), Tok::Number(..)) =>
            {
                self.counted_loop()
            }
            Some(w) if self.counter == Some(w) && self.ahead(1) == &Tok::Other('+') => {
                self.counter_step()
            }
            Some("if") if self.counter.is_some_and(|c| self.is_at(1, c)) => self.counter_step(),
            Some("let") if self.is_at(2, "=") && matches!(self.ahead(3), Tok::Number(..)) => {
                self.let_number()
            }
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
                self.end_statement()?;
                Ok(block)
            }
            Some("async") => {
                let block = self.async_block()?;
                let why = if self.is_await() {
                    not_read_yet(
                        "`async { … }.await`",
                        "write its statements here, without `async { }`",
                    )
                } else {
                    "this `async` block is made and dropped, never run (futures do nothing \
                     unless you `.await` or poll them): put it in `join!(…)`, or write its \
                     statements here without `async { }`"
                        .into()
                };
                Err(ParseError::new(block.at, why))
            }
            _ if self.is(";") => Err(ParseError::new(
                self.peek().at,
                not_read_yet("an empty statement (a `;` alone)", "remove this `;`"),
            )),
            _ => Err(self.unknown(Place::Statement, A_STATEMENT)),
        }
    }

    /// `let cups = 3;`: a whole number that the texts after it may read.
    fn let_number(&mut self) -> Result<Node, ParseError> {
        let at = self.bump().at;
        let token = self.peek();
        let name = self.name()?;
        self.expect("=", "")?;
        let number = self.peek();
        let Tok::Number(_, Some(value)) = number.tok else {
            return Err(self.fail("a whole number", "a `let` here names a whole number"));
        };
        self.bump();
        let value = self.arithmetic(value, "let")?;
        self.expect(";", "")?;
        if let Some(block) = self.numbers.last_mut() {
            block.push(name);
        }
        Ok(Node::new(
            Kind::Let {
                name: name.to_string(),
                name_at: token.at,
                value,
                value_at: number.at,
            },
            at,
            "this `let`",
            vec![],
        ))
    }

    /// `let _ = sleep_ms(N).await;`, which is `sleep_ms(N).await;`: the `()`
    /// it gives is dropped at once, and there is nothing else to keep.
    fn let_underscore(&mut self) -> Result<Node, ParseError> {
        self.bump();
        let underscore = self.bump().at;
        self.expect("=", "")?;
        if self.is("spawn") {
            // The handle is dropped: the task runs on, nobody awaits it.
            return self.spawn(None);
        }
        if self.is("join_all") {
            // Its `Vec` of `()`s, dropped.
            return self.join_all();
        }
        if self.word().is_some_and(|w| self.handle_here(w).is_some()) {
            return self.use_handle(true);
        }
        let future = self.future()?;
        if self.is(";") {
            return Err(ParseError::new(underscore, LET_UNDERSCORE_DROPS));
        }
        self.expect_await()?;
        if !matches!(
            future.kind,
            Kind::Sleep { .. } | Kind::Yield | Kind::Call { .. }
        ) {
            return Err(ParseError::new(
                future.at,
                not_read_yet(
                    "`async { … }.await`",
                    "write its statements here, without `let _ = async { }`",
                ),
            ));
        }
        self.expect(";", "")?;
        Ok(future)
    }

    /// `sleep_ms(N)`, not awaited: the callers say what follows.
    fn sleep(&mut self) -> Result<Node, ParseError> {
        let at = self.bump().at;
        let (ms, ms_at, close, param) = match self.param_argument() {
            Some((param, at, close)) => (0.0, at, close, Some(param)),
            None => {
                let (ms, ms_at, close) = self.ms_argument("sleep_ms", limits::MAX_MS)?;
                (ms, ms_at, close, None)
            }
        };
        let kind = Kind::Sleep {
            ms,
            ms_at,
            param,
            close_line: close.line,
            label: None,
        };
        Ok(Node::new(kind, at, "this `sleep_ms`", vec![]))
    }

    /// `for _ in 0..N { statements }`: the body N times over. The variable
    /// may have a name (rustc warns that it is unused), which the body may
    /// not read yet.
    fn for_loop(&mut self) -> Result<Node, ParseError> {
        let at = self.bump().at;
        let what = "this `for` loop";
        self.enter(at, what)?;
        let var_at = self.peek().at;
        let var = match self.word() {
            Some(w) if PRELUDE.contains(&w) => {
                return Err(ParseError::new(
                    self.peek().at,
                    not_read_yet(
                        &format!("a loop variable that hides the prelude's `{w}`"),
                        "name it `_`",
                    ),
                ))
            }
            Some(w) if w == "_" || !KEYWORDS.contains(&w) => w,
            _ => {
                return Err(self.fail(
                    "a name for the loop's variable",
                    "a loop is `for _ in 0..3 { … }`",
                ))
            }
        };
        self.bump();
        self.expect("in", "a loop is `for _ in 0..3 { … }`")?;
        if !matches!(self.peek().tok, Tok::Number(_, Some(n)) if n == 0.0) {
            return Err(self.fail(
                "`0`",
                &not_read_yet(
                    "a range that does not start at 0",
                    "write `0..N`, which runs the body N times",
                ),
            ));
        }
        self.bump();
        if self.is("..=") {
            return Err(self.fail(
                "`..`",
                &not_read_yet("`..=`", "write `0..N`, which runs the body N times"),
            ));
        }
        self.expect("..", "a range is `0..N`, which runs the body N times")?;
        let token = self.peek();
        let Tok::Number(_, Some(times)) = token.tok else {
            let max = limits::MAX_TIMES;
            let why = match &token.tok {
                Tok::Word(w) if self.numbers.iter().flatten().any(|n| n == w) => not_read_yet(
                    &format!("a number named by `let` (`{w}`) as a loop's count"),
                    "write the number itself here, as `0..3`",
                ),
                _ => String::new(),
            };
            return Err(self.fail(&format!("a whole number of times from 0 to {max}"), &why));
        };
        self.bump();
        let open = self.expect("{", "the loop's body is `{ … }`")?;
        self.loop_vars.push(var);
        let steps = self.statements(open)?;
        self.loop_vars.pop();
        self.leave();
        // A name no text reads changes nothing that runs (rustc warns that
        // it is unused): the panel writes `_`.
        let read = var != "_" && steps.iter().any(|step| reads(step, var));
        let kind = Kind::Repeat {
            times,
            times_at: token.at,
            var: read.then(|| (var.to_string(), var_at)),
            style: LoopStyle::For,
        };
        Ok(Node::new(kind, at, what, steps))
    }

    /// `let mut i = 0;` and the loop that counts with it: `while i < N {
    /// …; i += 1; }`, or `loop { …; i += 1; if i == N { break; } }`. Its
    /// body sees `i` as a `for` loop's sees its count.
    fn counted_loop(&mut self) -> Result<Node, ParseError> {
        let at = self.bump().at;
        self.bump();
        let form = "a counter is `let mut i = 0;`, then `while i < 3 { …; i += 1; }`";
        let var_at = self.peek().at;
        let var = match self.word() {
            Some(w) if log_text::is_name(w) && !PRELUDE.contains(&w) => w,
            _ => return Err(self.fail("a name for the counter", form)),
        };
        self.bump();
        self.expect("=", form)?;
        if !matches!(self.peek().tok, Tok::Number(_, Some(n)) if n == 0.0) {
            return Err(self.fail(
                "`0`",
                &not_read_yet(
                    "a counter that starts elsewhere than 0",
                    &format!(
                        "write `let mut {var} = 0;` with `while {var} < 3`, which runs the \
                         body 3 times (`{var}` 0, 1, 2)"
                    ),
                ),
            ));
        }
        self.bump();
        self.expect(";", "")?;
        let what = "this loop";
        self.enter(at, what)?;
        let (style, mut times) = if self.is("while") {
            self.bump();
            if !self.is(var) {
                return Err(self.fail(&format!("`{var}`"), form));
            }
            self.bump();
            if self.peek().tok != Tok::Other('<') {
                return Err(self.fail("`<`", form));
            }
            self.bump();
            let token = self.peek();
            let Tok::Number(_, Some(times)) = token.tok else {
                let max = limits::MAX_TIMES;
                let why = match token.tok {
                    Tok::Punct("=") => not_read_yet(
                        "`<=`",
                        &format!("write `while {var} < 4` for the rounds of `<= 3`"),
                    ),
                    _ => String::new(),
                };
                return Err(self.fail(&format!("a whole number of times from 0 to {max}"), &why));
            };
            self.bump();
            (LoopStyle::While, Some((times, token.at)))
        } else if self.is("loop") {
            self.bump();
            (LoopStyle::Loop, None)
        } else {
            return Err(self.fail(
                "`while` or `loop`",
                &not_read_yet(
                    "`let mut` but for a loop's counter",
                    &format!("write `let mut {var} = 0;` right before `while {var} < 3 {{ … }}`"),
                ),
            ));
        };
        let open = self.expect("{", "the loop's body is `{ … }`")?;
        self.loop_vars.push(var);
        let outer = self.counter.replace(var);
        let mut steps = self.statements(open)?;
        self.counter = outer;
        self.loop_vars.pop();
        self.leave();
        let close = self.tokens[self.next - 1].at;
        // The end of its body counts: `i += 1;`, and in a `loop`, the
        // `if` that breaks.
        if style == LoopStyle::Loop {
            match steps.last().map(|s| &s.kind) {
                Some(Kind::Break { times: n, times_at }) => {
                    times = Some((*n, *times_at));
                    steps.pop();
                }
                _ => {
                    return Err(ParseError::new(
                        close,
                        format!(
                            "this playground reads a `loop` only when its body ends with `{var} += \
                             1;` and then `if {var} == 3 {{ break; }}` (Rust allows the `break` \
                             anywhere; a `loop` with no `break` never ends): write them there"
                        ),
                    ))
                }
            }
        }
        let ends = matches!(steps.last().map(|s| &s.kind), Some(Kind::Increment));
        if ends {
            steps.pop();
        }
        // Counting anywhere else is not read.
        if let Some(node) = counting(&steps) {
            let message = match node.kind {
                Kind::Break { .. } => format!(
                    "this playground reads `if {var} == … {{ break; }}` only in a `loop`, right \
                     after `{var} += 1;` at the end of its body"
                ),
                _ => not_read_yet(
                    &format!("`{var} += 1;` before the end of the loop's body"),
                    &format!(
                        "move it to the body's last line (a text above it then reads `{{{var}}}` \
                         as 0, 1, 2, as in `for {var} in 0..3`)"
                    ),
                ),
            };
            return Err(ParseError::new(node.at, message));
        }
        if !ends {
            let bound = match times {
                Some((n, _)) if style == LoopStyle::While => format!(", `{var} < {n}` stays true"),
                _ => String::new(),
            };
            return Err(ParseError::new(
                close,
                format!(
                    "this loop must end its body with `{var} += 1;`: without it `{var}` stays \
                     0{bound} and the loop never ends (this playground reads a counter only when \
                     `{var} += 1;` is the body's last line)"
                ),
            ));
        }
        let (times, times_at) = times.unwrap_or((0.0, at));
        let kind = Kind::Repeat {
            times,
            times_at,
            var: Some((var.to_string(), var_at)),
            style,
        };
        Ok(Node::new(kind, at, what, steps))
    }

    /// `i += 1;` or `if i == N { break; }` for the counter of the loop
    /// being read: what ends its body.
    fn counter_step(&mut self) -> Result<Node, ParseError> {
        let at = self.peek().at;
        let counter = self.counter.unwrap_or_default();
        if self.is("if") {
            let form = format!("a `loop` ends with `if {counter} == 3 {{ break; }}`");
            self.bump();
            if !self.is(counter) {
                return Err(self.fail(&format!("`{counter}`"), &form));
            }
            self.bump();
            self.expect("=", &form)?;
            self.expect("=", &form)?;
            let token = self.peek();
            let Tok::Number(_, Some(times)) = token.tok else {
                let max = limits::MAX_TIMES;
                return Err(self.fail(&format!("a whole number of times from 1 to {max}"), ""));
            };
            self.bump();
            for t in ["{", "break", ";", "}"] {
                self.expect(t, &form)?;
            }
            return Ok(Node::new(
                Kind::Break {
                    times,
                    times_at: token.at,
                },
                at,
                "this `break`",
                vec![],
            ));
        }
        let form = format!("the counter grows with `{counter} += 1;`");
        self.bump();
        if self.peek().tok != Tok::Other('+') {
            return Err(self.fail("`+=`", &form));
        }
        self.bump();
        self.expect("=", &form)?;
        if !matches!(self.peek().tok, Tok::Number(_, Some(n)) if n == 1.0) {
            return Err(self.fail(
                "`1`",
                &not_read_yet("a counter that grows by more than 1", &form),
            ));
        }
        self.bump();
        self.expect(";", "")?;
        Ok(Node::new(Kind::Increment, at, "this count", vec![]))
    }

    /// `let name = spawn(` next.
    fn is_spawn_let(&self) -> bool {
        self.is("let")
            && !self.is_at(1, "_")
            && self.is_at(2, "=")
            && self.is_at(3, "spawn")
            && self.is_at(4, "(")
    }

    /// The handle `name` made in the innermost block, if any.
    fn handle_here(&self, name: &str) -> Option<&Handle<'a>> {
        self.handles.last()?.iter().rev().find(|h| h.name == name)
    }

    /// `spawn(async { … });` after `let name =`, if `named`: the block's
    /// statements as a task of its own.
    fn spawn(&mut self, named: Option<&'a str>) -> Result<Node, ParseError> {
        let at = self.bump().at;
        let what = "this `spawn`";
        self.enter(at, what)?;
        self.expect("(", "")?;
        // `spawn(brew(100))`: the task is the call's future.
        let direct = self.is_call();
        if !direct && !self.is("async") {
            return Err(self.fail(
                "`async`",
                &not_read_yet(
                    "`spawn` of a future other than an `async` block",
                    "write `spawn(async { … })` with the future's statements in the block",
                ),
            ));
        }
        let block = if direct {
            let call = self.call()?;
            if self.is_await() {
                let name = fn_name(&call).to_string();
                return Err(self.fail(
                    "`)`",
                    &format!(
                        "`spawn` takes the future itself: write `spawn({name}(…))`, without \
                         `.await` (with it, `{name}()` would run to its end here, and `spawn` \
                         would get its output, `()`, which is not a future: rustc E0277)"
                    ),
                ));
            }
            call
        } else {
            self.async_block()?
        };
        self.expect(")", "`spawn(…)` takes one future")?;
        self.expect(";", "")?;
        self.leave();
        let steps = match block.kind {
            Kind::Seq => block.children,
            _ => vec![block],
        };
        let unabortable = match (direct, &steps[..]) {
            (true, [call]) => Some((
                call.at,
                format!(
                    "`.abort()` on a task spawned as `spawn({}(…))`",
                    fn_name(call)
                ),
                "aborting drops the task's future, the helper's; here, spawn `async { … }` \
                 with the helper's body written inside",
            )),
            _ => steps.iter().find_map(unabortable),
        };
        let handle = named.map(|name| {
            self.handle_count += 1;
            let number = self.handle_count;
            if let Some(block) = self.handles.last_mut() {
                block.push(Handle {
                    name,
                    number,
                    awaited: false,
                    aborted: false,
                    unabortable,
                });
            }
            number
        });
        Ok(Node::new(Kind::Spawn { handle, direct }, at, what, steps))
    }

    /// `h.await.unwrap();` or `h.abort();` of a handle made in this block;
    /// after `let _ =` (`dropped`), also `h.await;`, its `Result` dropped.
    fn use_handle(&mut self, dropped: bool) -> Result<Node, ParseError> {
        let token = self.bump();
        let Tok::Word(name) = &token.tok else {
            unreachable!("a handle's name is a word")
        };
        let handle = self.handle_here(name).expect("checked by the caller");
        let (number, awaited, aborted) = (handle.number, handle.awaited, handle.aborted);
        let unabortable = handle.unabortable.clone();
        const USES: &str = "a task's handle is awaited as `h.await.unwrap();` or cancelled as \
                            `h.abort();`";
        self.expect(".", USES)?;
        if awaited && self.is("abort") {
            return Err(ParseError::new(
                token.at,
                format!(
                    "`{name}` was awaited above: `.await` uses up the handle (moves it), so \
                     `{name}.abort()` cannot use it after (rustc: borrow of moved value, E0382); \
                     the task had finished by then: remove `{name}.abort();`"
                ),
            ));
        }
        if awaited {
            return Err(ParseError::new(
                token.at,
                format!(
                    "`{name}` was awaited above: `.await` consumes the handle (moves it), so it \
                     is awaited once, unlike a JS promise (rustc: use of moved value)"
                ),
            ));
        }
        if self.is("abort") {
            if let Some((at, what, instead)) = unabortable {
                return Err(ParseError::new(at, not_read_yet(&what, instead)));
            }
            self.bump();
            if !self.is("(") {
                return Err(self.fail(
                    "`(`",
                    &format!(
                        "`abort` is a method: call it, `{name}.abort();` (rustc: attempted to \
                         take value of method `abort`, E0615)"
                    ),
                ));
            }
            for token in ["(", ")", ";"] {
                self.expect(token, USES)?;
            }
            self.mark_handle(name, |h| h.aborted = true);
            return Ok(Node::new(
                Kind::Abort { handle: number },
                token.at,
                "this `.abort()` of a task",
                vec![],
            ));
        }
        self.expect("await", USES)?;
        if aborted {
            return Err(ParseError::new(
                token.at,
                not_read_yet(
                    &format!("`{name}.await` after `{name}.abort()`"),
                    &format!(
                        "it gives `Err(e)` with `e.is_cancelled()` (or `Ok` if the task had \
                         finished), so `.unwrap()` would panic; here, make `{name}.abort();` the \
                         last use of `{name}`"
                    ),
                ),
            ));
        }
        // `let _ = h.await;`: the same here as `.unwrap()`, as no task
        // awaited here was aborted (validation).
        if dropped && self.is(";") {
            self.bump();
            self.mark_handle(name, |h| h.awaited = true);
            return Ok(Node::new(
                Kind::AwaitHandle { handle: number },
                token.at,
                "this `.await` of a task",
                vec![],
            ));
        }
        if self.is(";") {
            return Err(self.fail(
                "`.unwrap()`",
                &not_read_yet(
                    "a task's result left unused (rustc warns: unused `Result`)",
                    "write `.unwrap()` before `;`: the task's output, or a panic if it \
                     panicked or was aborted",
                ),
            ));
        }
        for token in [".", "unwrap", "(", ")", ";"] {
            self.expect(token, USES)?;
        }
        self.mark_handle(name, |h| h.awaited = true);
        Ok(Node::new(
            Kind::AwaitHandle { handle: number },
            token.at,
            "this `.await` of a task",
            vec![],
        ))
    }

    /// Notes a use of the handle `name` of the innermost block.
    fn mark_handle(&mut self, name: &str, note: impl FnOnce(&mut Handle<'a>)) {
        let block = self.handles.last_mut();
        if let Some(handle) = block.and_then(|b| b.iter_mut().rev().find(|h| h.name == name)) {
            note(handle);
        }
    }

    /// `yield_now()`, not awaited: the callers say what follows.
    fn yield_now(&mut self) -> Result<Node, ParseError> {
        let at = self.bump().at;
        self.expect("(", "")?;
        self.expect(")", "`yield_now()` takes nothing")?;
        Ok(Node::new(Kind::Yield, at, "this `yield_now`", vec![]))
    }

    /// `println!("…");`, a log with `use runtime::println;` (the runtime's,
    /// which prints into the trace).
    fn println(&mut self) -> Result<Node, ParseError> {
        let at = self.bump().at;
        if !self.println {
            return Err(ParseError::new(
                at,
                "std's `println!` prints to a terminal this page does not have: add \
                 `use runtime::println;` under the first line, and it prints into the \
                 trace (or write `log(\"…\");`)",
            ));
        }
        self.bump();
        self.expect("(", "")?;
        let kind = self.format_string("`println!`")?;
        self.expect(")", "")?;
        self.end_statement()?;
        Ok(Node::new(kind, at, "this `println!`", vec![]))
    }

    /// The format string of `println!` or `format!` (`call`), as a log:
    /// plain text if it reads no variable (`{{` and `}}` are braces), else
    /// the format string itself, whose `{name}`s validation checks are
    /// loops' variables around it. Values after the text are not read.
    fn format_string(&mut self, call: &str) -> Result<Kind, ParseError> {
        let (written, text_at) = self.string()?;
        let pieces = log_text::pieces(&written).map_err(|problem| {
            let message = match problem {
                Problem::Unpaired(_) => format!("this text {problem}"),
                Problem::NotAName(inside) => not_read_yet(
                    &format!("`{{{}}}` in a text", clip(&inside)),
                    "write the value itself into the text, or a loop's variable inside the \
                     braces, `{round}`",
                ),
            };
            ParseError::new(text_at, message)
        })?;
        if self.is(",") {
            return Err(self.fail(
                "`)`",
                &format!(
                    "this playground reads the text of {call} only, without values after \
                     it: write a loop's variable inside the text, `\"round {{i}}\"`"
                ),
            ));
        }
        let reads = pieces.iter().any(|p| matches!(p, Piece::Var(_)));
        let text = if reads {
            written
        } else {
            pieces
                .into_iter()
                .map(|p| match p {
                    Piece::Text(text) => text,
                    Piece::Var(_) => String::new(),
                })
                .collect()
        };
        Ok(Kind::Log {
            text,
            text_at,
            format: reads,
        })
    }

    /// `sleep(Duration::…` next: the prelude's `sleep`, tokio's spelling.
    fn is_duration_sleep(&self) -> bool {
        self.is("sleep") && self.is_at(1, "(") && self.is_at(2, "Duration") && self.is_at(3, "::")
    }

    /// `sleep(Duration::from_millis(N))`, not awaited: `sleep_ms(N)` in
    /// tokio's spelling (the prelude's `sleep` takes a `Duration`).
    fn duration_sleep(&mut self) -> Result<Node, ParseError> {
        self.duration_sleep_of("sleep", limits::MAX_MS)
    }

    /// `sleep(Duration::from_millis(N))` after the path before `sleep`:
    /// `call` is how messages name it, `max` its largest delay.
    fn duration_sleep_of(&mut self, call: &str, max: u32) -> Result<Node, ParseError> {
        let at = self.bump().at;
        self.expect("(", "")?;
        let duration = self.bump().at;
        if !self.duration {
            return Err(ParseError::new(
                duration,
                "`Duration` is not in scope here: add `use std::time::Duration;` under the \
                 first line (rustc: use of undeclared type `Duration`)",
            ));
        }
        self.expect("::", "")?;
        if !self.is("from_millis") {
            let unit = self.word().map_or_else(|| "…".into(), clip);
            return Err(self.fail(
                "`from_millis`",
                &not_read_yet(
                    &format!("`Duration::{unit}`"),
                    "write the delay in milliseconds, `Duration::from_millis(…)`",
                ),
            ));
        }
        self.bump();
        if let (Tok::Word(word), true) = (self.ahead(1), self.is("(")) {
            if self.params.contains(&word.as_str()) {
                return Err(ParseError::new(
                    self.tokens[self.next + 1].at,
                    format!(
                        "`Duration::from_millis` takes a `u64`, and `{word}` is a `u32` (rustc: \
                         mismatched types, E0308): write `sleep_ms({word})` here (in Rust, \
                         `Duration::from_millis({word}.into())` works too)"
                    ),
                ));
            }
        }
        let (ms, ms_at, _) = self.ms_argument("Duration::from_millis", max)?;
        let close = self.expect(")", &format!("`{call}(…)` takes one `Duration`"))?;
        let kind = Kind::Sleep {
            ms,
            ms_at,
            param: None,
            close_line: close.line,
            label: None,
        };
        Ok(Node::new(kind, at, "this `sleep`", vec![]))
    }

    /// `std::thread::sleep(Duration::…` next: std's blocking sleep.
    fn is_thread_sleep(&self) -> bool {
        ["std", "::", "thread", "::", "sleep", "(", "Duration", "::"]
            .iter()
            .enumerate()
            .all(|(k, s)| self.is_at(k, s))
    }

    /// `std::thread::sleep(Duration::from_millis(N));`: it blocks the whole
    /// thread, no other future runs meanwhile, exactly as `block_ms(N)`
    /// does, so it is read as that (the classic bug of async code: the
    /// step's sentence says so).
    fn thread_sleep(&mut self) -> Result<Node, ParseError> {
        let at = self.peek().at;
        for _ in 0..4 {
            self.bump();
        }
        let sleep = self.duration_sleep_of("std::thread::sleep", limits::MAX_BLOCK_MS)?;
        let Kind::Sleep { ms, ms_at, .. } = sleep.kind else {
            unreachable!("a duration sleep is a sleep")
        };
        if self.is_await() {
            return Err(self.fail(
                "`;`",
                "`std::thread::sleep(…)` is a plain call that returns when its time is up \
                 (it blocks the thread meanwhile): there is nothing to await",
            ));
        }
        self.end_statement()?;
        Ok(Node::new(
            Kind::Block {
                ms,
                ms_at,
                param: None,
            },
            at,
            "this `std::thread::sleep`",
            vec![],
        ))
    }

    /// `block_ms(N)`, the call without its `;`.
    fn block(&mut self) -> Result<Node, ParseError> {
        let at = self.bump().at;
        let (ms, ms_at, param) = match self.param_argument() {
            Some((param, at, _)) => (0.0, at, Some(param)),
            None => {
                let (ms, ms_at, _) = self.ms_argument("block_ms", limits::MAX_BLOCK_MS)?;
                (ms, ms_at, None)
            }
        };
        Ok(Node::new(
            Kind::Block { ms, ms_at, param },
            at,
            "this `block_ms`",
            vec![],
        ))
    }

    /// `(N)` after `sleep_ms` or `block_ms` (`call`): the number as written
    /// (validation says if it is in range), where it is, and where `)` is.
    fn ms_argument(&mut self, call: &str, max: u32) -> Result<(f64, Pos, Pos), ParseError> {
        self.expect("(", "")?;
        let token = self.peek();
        let Tok::Number(_, Some(ms)) = token.tok else {
            let expected = format!("a whole number of milliseconds from 0 to {max}");
            let why = match &token.tok {
                Tok::Other('-') => format!("a delay cannot be negative (`{call}` takes a `u32`)"),
                Tok::Str(text) => {
                    let number = text.trim();
                    let ms = if !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()) {
                        number
                    } else {
                        "…"
                    };
                    format!("`{call}` takes a number, not text: write `{call}({ms})`")
                }
                Tok::Number(written, None) => match suffixed(written) {
                    Some((digits, "u32")) => not_read_yet(
                        "a number with a type suffix",
                        &format!("write `{digits}` here"),
                    ),
                    Some((digits, suffix)) => {
                        format!("`{call}` takes a `u32`, not a `{suffix}`: write `{digits}` here")
                    }
                    None => String::new(),
                },
                Tok::Word(w) if self.numbers.iter().flatten().any(|n| n == w) => not_read_yet(
                    &format!("a number named by `let` (`{w}`) in a delay"),
                    &format!("`{w}` is then a `u32`; here write the number itself"),
                ),
                Tok::Word(w) if matches!(w.as_str(), "Duration" | "std" | "time") => format!(
                    "`{call}` takes milliseconds as a plain number: write `{call}({})`",
                    hints::delay(self.tokens, Some(self.next - 1))
                ),
                _ => String::new(),
            };
            return Err(self.fail(&expected, &why));
        };
        self.bump();
        let ms = self.arithmetic(ms, call)?;
        let close = self.expect(")", "")?;
        Ok((ms, token.at, close))
    }

    /// How many tokens the delay `k` ahead takes (`100 + 50`: 3; none: 0).
    fn delay_len(&self, k: usize) -> usize {
        if !matches!(self.ahead(k), Tok::Number(..)) {
            return 0;
        }
        let mut len = 1;
        while arithmetic_op(self.ahead(k + len)).is_some()
            && matches!(self.ahead(k + len + 1), Tok::Number(..))
        {
            len += 2;
        }
        len
    }

    /// The rest of a constant sum after its first number, `first`: `+`, `-`
    /// and `*` between whole numbers, `*` first and then left to right, as
    /// Rust computes them in `u32` (`sleep_ms(100 + 50)` is `sleep_ms(150)`;
    /// `50 - 100 + 100` overflows, and rustc refuses it).
    fn arithmetic(&mut self, first: f64, call: &str) -> Result<f64, ParseError> {
        let start = self.tokens[self.next - 1].at;
        let below_zero = || {
            let message = if call == "let" {
                not_read_yet(
                    "a negative number",
                    "it is an `i32` there; here write a number from 0 to 1000000",
                )
            } else {
                format!(
                    "this delay goes below 0, and `{call}` takes a `u32` \
                     (rustc: attempt to subtract with overflow)"
                )
            };
            ParseError::new(start, message)
        };
        // The terms added so far, and the term being multiplied with its sign.
        let (mut sum, mut sign, mut term) = (0.0, 1.0, first);
        while let Some(op) = arithmetic_op(self.ahead(0)) {
            self.bump();
            let Tok::Number(_, Some(n)) = self.peek().tok else {
                return Err(self.fail(
                    "a whole number",
                    &not_read_yet(
                        &format!("`{op}` with anything but a whole number"),
                        "write the delay as numbers",
                    ),
                ));
            };
            self.bump();
            if op == '*' {
                term *= n;
                continue;
            }
            sum += sign * term;
            if sum < 0.0 {
                return Err(below_zero());
            }
            (sign, term) = (if op == '-' { -1.0 } else { 1.0 }, n);
        }
        sum += sign * term;
        if sum < 0.0 {
            return Err(below_zero());
        }
        Ok(sum)
    }

    fn string(&mut self) -> Result<(String, Pos), ParseError> {
        match &self.peek().tok {
            Tok::Str(text) => Ok((text.clone(), self.bump().at)),
            Tok::Other('\'') => Err(self.fail(
                "a string in double quotes",
                "Rust writes text in double quotes (`'x'` is one character)",
            )),
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
        let futures = self.futures_until(")", "`join!`")?;
        self.end_of_join()?;
        self.leave();
        // An empty `join!()` gets validation's message ("must hold at least
        // one step"), like an empty array of steps.
        Ok(Node::new(Kind::All, at, what, futures))
    }

    /// The end of a statement whose value is `()`: its `;`, or nothing
    /// before the `}` that closes its block, where it is the block's tail
    /// expression (`async { sleep_ms(1).await }`, valid Rust: the block's
    /// value is that `()`).
    fn end_statement(&mut self) -> Result<(), ParseError> {
        if !self.is("}") {
            self.expect(";", "")?;
        }
        Ok(())
    }

    /// The `;` after `join!(…)`. Written `join!(…).await`, as `await
    /// Promise.all(…)` would be, it says the macro awaits (tokio's and the
    /// futures crate's alike).
    fn end_of_join(&mut self) -> Result<Pos, ParseError> {
        let why = if self.is(".") {
            "`join!` waits for its futures itself (as in tokio): write `join!(…);`, without `.await`"
        } else {
            ""
        };
        self.expect(";", why)
    }

    /// Futures separated by commas (a trailing one allowed) up to `close`,
    /// which is consumed: the list of `join!(…)` and `join_all(vec![…])`,
    /// `who`, which awaits its futures itself.
    fn futures_until(&mut self, close: &str, who: &str) -> Result<Vec<Node>, ParseError> {
        let expected = format!("`,` or `{close}`");
        let mut futures = Vec::new();
        while !self.is(close) {
            futures.push(self.future()?);
            if self.is_await() {
                return Err(self.fail(
                    &expected,
                    &format!("{who} awaits its futures itself: remove `.await`"),
                ));
            }
            if self.is(",") {
                self.bump();
            } else if !self.is(close) {
                return Err(self.fail_missing(&expected, ""));
            }
        }
        self.bump();
        Ok(futures)
    }

    /// `join_all(vec![future, …]).await;`: futures of one type (a `Vec`
    /// holds one), awaited together, as `join!` awaits futures of any types.
    fn join_all(&mut self) -> Result<Node, ParseError> {
        let at = self.bump().at;
        let what = "this `join_all`";
        self.enter(at, what)?;
        let vec = "`join_all` takes a `Vec` of futures: `join_all(vec![…]).await`";
        self.expect("(", vec)?;
        if self.is("[") {
            return Err(self.fail(
                "`vec!`",
                &not_read_yet(
                    "an array in `join_all`",
                    "`join_all` takes an array too; here, write `vec![…]`",
                ),
            ));
        }
        for token in ["vec", "!", "["] {
            self.expect(token, vec)?;
        }
        let futures = self.futures_until("]", "`join_all`")?;
        self.expect(")", vec)?;
        self.expect_await()?;
        self.expect(";", "")?;
        self.leave();
        // A `Vec` holds one type: each `async` block is a type of its own,
        // and so is each helper's future.
        let first = futures.first().map(future_type);
        let odd = futures.iter().skip(1).find(|f| {
            let ty = future_type(f);
            ty.is_none() || Some(ty) != first
        });
        if let Some(odd) = odd {
            let why = match (first.flatten(), future_type(odd)) {
                (None, None) => "a `Vec` holds one type, and no two `async` blocks have the same \
                                 type, even identical ones"
                    .to_string(),
                (first, this) => {
                    let said =
                        |t: Option<String>| t.map_or(ASYNC_BLOCK_TYPE.into(), |t| type_said(&t));
                    format!(
                        "a `Vec` holds one type: the first item is {}, this one is {}",
                        said(first),
                        said(this)
                    )
                }
            };
            return Err(ParseError::new(
                odd.at,
                format!(
                    "{why} (rustc: mismatched types, E0308); `join!(…)` takes futures of \
                     different types"
                ),
            ));
        }
        // An empty `join_all(vec![])` gets validation's message.
        Ok(Node::new(Kind::JoinAll, at, what, futures))
    }

    /// `select! { biased; _ = future => { statements } … }`, commas between
    /// arms allowed (as the runtime's macro allows them). A branch with
    /// statements is an arm: its future, then their sequence.
    fn select(&mut self) -> Result<Node, ParseError> {
        let at = self.bump().at;
        let what = "this `select!`";
        self.enter(at, what)?;
        self.expect("!", "`select!` is a macro")?;
        self.expect("{", "")?;
        // Without `biased;`, each poll starts at a branch drawn at random.
        let biased = self.is("biased");
        if biased {
            self.bump();
            self.expect(";", "")?;
        } else if let Some(error) = self.slip(&["biased"]) {
            return Err(error);
        }
        let arm = "each branch is `_ = future => { … }`";
        let mut futures = Vec::new();
        while !self.is("}") {
            if self.word().is_some_and(|w| w != "_") && self.is_at(1, "=") {
                return Err(self.fail(
                    "`_`",
                    &not_read_yet("a named result in a `select!` branch", "write `_` here"),
                ));
            }
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
            let body_at = self.peek().at;
            let body = if self.is("{") {
                let open = self.bump().at;
                self.statements(open)?
            } else if self.is("(") && self.is_at(1, ")") {
                // `=> (),`: no code.
                self.bump();
                self.bump();
                Vec::new()
            } else {
                // `=> println!("…"),`: one statement without its `;`.
                self.arm_expression = true;
                let statement = self.statement();
                let ended = !self.arm_expression;
                self.arm_expression = false;
                let statement = statement?;
                if !ended {
                    // The statement took a `;`, which ends no branch.
                    return Err(ParseError::new(
                        self.tokens[self.next - 1].at,
                        "expected `,`, found `;`: a branch's code is one expression, `=> \
                         log(\"…\"),`, or a block, `=> { log(\"…\"); log(\"…\"); }` (rustc: no \
                         rules expected `;`)",
                    ));
                }
                vec![statement]
            };
            if !body.is_empty() {
                let future = futures.pop().expect("pushed above");
                let body = Node::new(Kind::Seq, body_at, "this branch's code", body);
                futures.push(Node::new(
                    Kind::Arm,
                    future.at,
                    "this branch",
                    vec![future, body],
                ));
            }
            if self.is(",") {
                self.bump();
            }
        }
        self.bump();
        self.leave();
        let kind = if biased { Kind::Race } else { Kind::RandomRace };
        Ok(Node::new(kind, at, what, futures))
    }

    /// `let a = future;` one or more times, then `a.await;` for each, in the
    /// order made: create, then await.
    fn lets(&mut self) -> Result<Node, ParseError> {
        let at = self.peek().at;
        let what = "this group of `let`s";
        self.enter(at, what)?;
        let mut names: Vec<&'a str> = Vec::new();
        let mut futures = Vec::new();
        // `let _ = ….await;` is a statement of its own, after the group.
        while self.is("let") && !self.is_at(1, "_") && !self.is_spawn_let() {
            self.bump();
            // Said after the future is read: what it is comes first.
            let mut_at = self.is("mut").then(|| self.bump().at);
            let name_at = self.peek().at;
            if self.is("(") {
                // `let (a, b) = join!(…);`, as tokio's examples write it.
                return Err(ParseError::new(
                    name_at,
                    not_read_yet(
                        "`let (a, b) = …`",
                        "tokio's `join!` gives a tuple; here each future gives `()`, and \
                         `join!` a `Vec` of them: write `join!(…);`",
                    ),
                ));
            }
            let name = self.name()?;
            if names.contains(&name) {
                return Err(ParseError::new(
                    self.tokens[self.next - 1].at,
                    format!(
                        "`{name}` already names a future made above; in Rust the second \
                         `{name}` would hide the first, which could then never be awaited: \
                         give each its own name"
                    ),
                ));
            }
            names.push(name);
            self.expect("=", "")?;
            if matches!(self.peek().tok, Tok::Number(..) | Tok::Str(_)) {
                let instead = match self.peek().tok {
                    Tok::Number(ref n, Some(_)) => format!("sleep_ms({n})"),
                    _ => "sleep_ms(…)".into(),
                };
                return Err(self.fail(
                    A_FUTURE,
                    &not_read_yet(
                        "a `let` of a plain value",
                        &format!("write a future here, such as `{instead}`"),
                    ),
                ));
            }
            futures.push(self.future()?);
            if let Some(at) = mut_at {
                return Err(ParseError::new(
                    at,
                    not_read_yet(
                        "`let mut`",
                        "remove `mut` here (rustc would warn: variable does not need to be \
                         mutable)",
                    ),
                ));
            }
            if self.is_await() {
                return Err(ParseError::new(
                    name_at,
                    not_read_yet(
                        &format!("`let {name} = ….await;`"),
                        &format!(
                            "write `_` here in place of `{name}`, or remove `.await` to await \
                             `{name}` later"
                        ),
                    ),
                ));
            }
            self.expect(";", "")?;
        }
        if let Some(order) = self.joins_all(&names) {
            // `join!(b, a);` of every future the group made, in any order:
            // the `join!` of those futures in its order (nothing ran between
            // the `let`s and it, so each `Sleep`'s deadline is the one it has
            // there, and making an `async` block runs nothing).
            self.bump();
            self.bump();
            self.bump();
            for _ in &names {
                self.bump();
                if self.is(",") {
                    self.bump();
                }
            }
            self.expect(")", "")?;
            self.end_of_join()?;
            if let Some(scope) = self.scopes.last_mut() {
                scope.extend(names);
            }
            self.leave();
            let joined = in_order(futures, &order);
            return Ok(Node::new(Kind::All, at, "this `join!`", joined));
        }
        // Then each awaited, once, in any order: made first, then awaited
        // in that order (nothing ran between the `let`s, so the order they
        // were made in changes nothing).
        let mut order: Vec<usize> = Vec::new();
        while order.len() < names.len() {
            let next = names.iter().position(|name| self.is(name));
            match next {
                Some(k) if order.contains(&k) => {
                    let name = names[k];
                    return Err(ParseError::new(
                        self.peek().at,
                        format!(
                            "`{name}` is awaited above already: a future is awaited once \
                             (rustc: use of moved value `{name}`)"
                        ),
                    ));
                }
                Some(k) => order.push(k),
                None => {
                    let left: Vec<usize> =
                        (0..names.len()).filter(|k| !order.contains(k)).collect();
                    let names: Vec<&str> = left.iter().map(|&k| names[k]).collect();
                    let futures: Vec<&Node> = left.iter().map(|&k| &futures[k]).collect();
                    return Err(self.not_awaited_next(&names, &futures));
                }
            }
            self.bump();
            self.expect_await()?;
            self.end_statement()?;
        }
        if let Some(scope) = self.scopes.last_mut() {
            scope.extend(names);
        }
        self.leave();
        Ok(Node::new(
            Kind::CreateThenAwait,
            at,
            what,
            in_order(futures, &order),
        ))
    }

    /// `join!(` next, with exactly `names` as its futures, each once, in
    /// any order (a trailing comma allowed), then `)`: their places in
    /// `names`, in the `join!`'s order.
    fn joins_all(&self, names: &[&str]) -> Option<Vec<usize>> {
        if !(self.is("join") && self.is_at(1, "!") && self.is_at(2, "(")) {
            return None;
        }
        let mut order: Vec<usize> = Vec::new();
        let mut k = 3;
        for i in 0..names.len() {
            let place = names.iter().position(|name| self.is_at(k, name))?;
            if order.contains(&place) {
                return None;
            }
            order.push(place);
            k += 1;
            if self.is_at(k, ",") {
                k += 1;
            } else if i + 1 < names.len() {
                return None;
            }
        }
        self.is_at(k, ")").then_some(order)
    }

    /// Why the next statement is not `names[0].await;`, the future made
    /// first of those not awaited yet (`futures` are theirs, in order).
    fn not_awaited_next(&self, names: &[&str], futures: &[&Node]) -> ParseError {
        let name = names[0];
        let expected = format!("`{name}.await;`");
        let here = format!("write `{name}.await;` here");
        if let Some(w @ ("join" | "select")) = self.word() {
            if let Some((k, token)) = self.name_inside(names) {
                // A `join!` of every one of them, alone, is read.
                let what = match w {
                    "join" => format!(
                        "a `join!` of only some of your `let` futures \
                         (`join!({})`, of them all, is read)",
                        names.join(", ")
                    ),
                    _ => format!("a future made by `let` inside `{w}!`"),
                };
                return ParseError::new(
                    token.at,
                    not_read_yet(
                        &what,
                        &format!(
                            "write the future itself here, `{}`, in place of `{}`",
                            written(futures[k]),
                            names[k]
                        ),
                    ),
                );
            }
        }
        if let Some(error) = self.slip(names) {
            return error;
        }
        if matches!(self.peek().tok, Tok::Punct("}") | Tok::End) {
            return self.fail(
                &expected,
                &format!(
                    "`{name}` is never awaited, so it never runs \
                     (rustc warns: unused variable): {here}"
                ),
            );
        }
        self.fail(
            &expected,
            &not_read_yet(
                "other statements between the `let`s and their `.await`s",
                &here,
            ),
        )
    }

    /// The first of `names` standing as a future in the `join!` or
    /// `select!` starting at the next token: its index in `names`, and
    /// the token.
    fn name_inside(&self, names: &[&str]) -> Option<(usize, &'a Token)> {
        let mut depth = 0usize;
        for (k, token) in self.tokens.iter().enumerate().skip(self.next) {
            match &token.tok {
                Tok::Punct("(" | "{") => depth += 1,
                Tok::Punct(")" | "}") => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return None;
                    }
                }
                Tok::Word(w) if depth > 0 => {
                    let before = &self.tokens[k - 1].tok;
                    let as_future = matches!(before, Tok::Punct("(" | "," | "="));
                    if let Some(i) = names.iter().position(|n| n == w).filter(|_| as_future) {
                        return Some((i, token));
                    }
                }
                Tok::End => return None,
                _ => {}
            }
        }
        None
    }

    /// The name a `let` gives its future.
    fn name(&mut self) -> Result<&'a str, ParseError> {
        let expected = "a name for the future";
        match self.word() {
            Some(w) if KEYWORDS.contains(&w) => Err(self.fail(
                expected,
                &format!("`{w}` is a Rust keyword: give the future another name"),
            )),
            Some(w) if PRELUDE.contains(&w) => {
                let kind = if matches!(w, "join" | "select") {
                    "macro"
                } else {
                    "function"
                };
                Err(self.fail(
                    expected,
                    &not_read_yet(
                        &format!("`{w}` as a future's name (it names a {kind} here)"),
                        "give the future another name here",
                    ),
                ))
            }
            Some(w) => {
                self.bump();
                Ok(w)
            }
            None => Err(self.fail(expected, "")),
        }
    }

    /// A future, not awaited: `sleep_ms(N)` or an `async` block.
    fn future(&mut self) -> Result<Node, ParseError> {
        match self.word() {
            Some("sleep_ms") => self.sleep(),
            Some("sleep") if self.is_duration_sleep() => self.duration_sleep(),
            Some("yield_now") => self.yield_now(),
            Some("async") => self.async_block(),
            _ if self.is_call() => self.call(),
            Some("log") => Err(self.fail(
                A_FUTURE,
                "`log(…)` runs at once and is no future: write `async { log(…) }`",
            )),
            Some("block_ms") => Err(self.fail(
                A_FUTURE,
                "`block_ms(…)` runs at once and is no future: write `async { block_ms(…) }`",
            )),
            _ => Err(self.unknown(Place::Future, A_FUTURE)),
        }
    }

    /// `async { log("…") }` is a log step; `async { statements }` is their
    /// sequence, or, when it holds one `join!`, `select!` or group of `let`s
    /// only, that step itself (the renderer writes such a step so: a
    /// sequence of one would read the same). `async move { … }` is the
    /// same block: nothing in it names a variable from outside (a `let`'s
    /// future is awaited in the block that made it), so there is nothing to
    /// move.
    fn async_block(&mut self) -> Result<Node, ParseError> {
        let at = self.bump().at;
        let what = "this `async` block";
        self.enter(at, what)?;
        if self.is("move") {
            self.bump();
        }
        let open = self.expect("{", "an async block is `async { … }`")?;
        let lone_log = self.is("log")
            && self.is_at(1, "(")
            && matches!(self.ahead(2), Tok::Str(_))
            && self.is_at(3, ")")
            && self.is_at(4, "}");
        let delay = self.delay_len(2);
        let lone_block = self.is("block_ms")
            && self.is_at(1, "(")
            && delay > 0
            && self.is_at(2 + delay, ")")
            && self.is_at(3 + delay, "}");
        let node = if lone_log {
            self.bump();
            self.bump();
            let (text, text_at) = self.string()?;
            self.bump();
            self.bump();
            let format = false;
            Node::new(
                Kind::Log {
                    text,
                    text_at,
                    format,
                },
                at,
                "this `log`",
                vec![],
            )
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

/// `futures` (a group of `let`s, in the order made) in the order they are
/// used: `order` holds each one's place, once.
fn in_order(futures: Vec<Node>, order: &[usize]) -> Vec<Node> {
    let mut made: Vec<Option<Node>> = futures.into_iter().map(Some).collect();
    order.iter().filter_map(|&k| made[k].take()).collect()
}

/// Whether a text in `node` reads the variable `var`.
fn reads(node: &Node, var: &str) -> bool {
    match &node.kind {
        Kind::Log {
            text, format: true, ..
        } => log_text::pieces(text).is_ok_and(|pieces| pieces.contains(&Piece::Var(var))),
        _ => node.children.iter().any(|child| reads(child, var)),
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

/// A future as written in place of the name of a `let` that made it.
fn written(node: &Node) -> String {
    match &node.kind {
        Kind::Sleep { param: Some(p), .. } => format!("sleep_ms({p})"),
        Kind::Sleep { ms, .. } => format!("sleep_ms({ms})"),
        Kind::Log { text, .. } => format!("async {{ log({}) }}", js_string(text)),
        Kind::Block { param: Some(p), .. } => format!("async {{ block_ms({p}) }}"),
        Kind::Block { ms, .. } => format!("async {{ block_ms({ms}) }}"),
        Kind::Yield => "yield_now()".into(),
        _ => "async { … }".into(),
    }
}

/// A number with one of Rust's type suffixes (`20u32`), as its digits and
/// its suffix.
fn suffixed(written: &str) -> Option<(&str, &'static str)> {
    const SUFFIXES: &[&str] = &[
        "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize",
        "f32", "f64",
    ];
    SUFFIXES.iter().find_map(|&suffix| {
        let digits = written.strip_suffix(suffix)?.trim_end_matches('_');
        let whole = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit() || b == b'_');
        whole.then_some((digits, suffix))
    })
}

/// At most 20 characters of a long word or number, for messages.
fn clip(text: &str) -> String {
    match text.char_indices().nth(20) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_string(),
    }
}

/// `+`, `-` or `*` between the numbers of a delay.
pub(super) fn arithmetic_op(tok: &Tok) -> Option<char> {
    match tok {
        Tok::Other(c @ ('+' | '-')) => Some(*c),
        Tok::Punct("*") => Some('*'),
        _ => None,
    }
}

/// The first `i += 1;` or `break` in `nodes` or inside them.
fn counting(nodes: &[Node]) -> Option<&Node> {
    nodes.iter().find_map(|n| match n.kind {
        Kind::Increment | Kind::Break { .. } => Some(n),
        _ => counting(&n.children),
    })
}

/// A task's handle, `let h = spawn(…);`, as the block that made it uses it.
struct Handle<'a> {
    name: &'a str,
    /// From 1, in reading order.
    number: u32,
    /// `h.await.unwrap();` came: the handle is moved.
    awaited: bool,
    /// `h.abort();` came.
    aborted: bool,
    /// The first statement of the task that its JS twins could not stop if
    /// it were aborted, and what it is: a call of a helper (its timers are
    /// the helper's) or an await of another task (it goes on when that task
    /// ends).
    unabortable: Option<Unabortable>,
}

/// Where a statement is that keeps its task from being aborted here, what
/// it is, and what to write instead.
type Unabortable = (Pos, String, &'static str);

/// The first statement in `node` (not in a task it spawns) that keeps its
/// task from being aborted here (see [`Handle::unabortable`]).
fn unabortable(node: &Node) -> Option<Unabortable> {
    match node.kind {
        Kind::Call { ref name, .. } => Some((
            node.at,
            format!("`{name}().await` inside a task you abort"),
            "the abort drops the helper's future too; here, copy the helper's body into the task",
        )),
        Kind::AwaitHandle { .. } => Some((
            node.at,
            "an `.await` of another task's handle inside a task you abort".into(),
            "the abort drops only that handle, and that task runs on; here, await it outside \
             the task you abort",
        )),
        Kind::Spawn { .. } => None,
        _ => node.children.iter().find_map(unabortable),
    }
}

/// The name a call node calls.
fn fn_name(node: &Node) -> &str {
    match &node.kind {
        Kind::Call { name, .. } => name,
        _ => "",
    }
}

/// The type a future of a `join_all` has, as a key: a sleep's `Sleep`, a
/// yield's `YieldNow`, a helper's name for its future; none for an `async`
/// block, a type of its own.
fn future_type(node: &Node) -> Option<String> {
    match &node.kind {
        Kind::Sleep { .. } => Some("Sleep".into()),
        Kind::Yield => Some("YieldNow".into()),
        Kind::Call { name, .. } => Some(format!("{name}()")),
        _ => None,
    }
}

/// A future's type, as a message says it: "a `Sleep`".
fn type_said(ty: &str) -> String {
    if ty.ends_with("()") {
        format!("`{ty}`'s future")
    } else {
        format!("a `{ty}`")
    }
}

/// An `async` block's type, as a message says it.
const ASYNC_BLOCK_TYPE: &str = "an `async` block";
