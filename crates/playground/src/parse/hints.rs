//! Code from elsewhere: what a learner used to JS promises, tokio or the
//! futures crate writes where a statement or a future goes, and what to
//! write here instead. Each hint says whose the code is and why it is not
//! read (a JS API, tokio's runtime, a limit of this playground), so the
//! learner does not take it for wrong Rust when it is not.

use super::error::not_read_yet;
use super::lexer::{Tok, Token};
use crate::render::js_string;

/// Where the code stands, which decides what to write instead: a statement
/// ends with `;` and awaits; a future (in `join!`, `select!`, `let`) is
/// neither.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Place {
    Statement,
    Future,
}

impl Place {
    fn sleep(self, ms: &str) -> String {
        match self {
            Place::Statement => format!("sleep_ms({ms}).await;"),
            Place::Future => format!("sleep_ms({ms})"),
        }
    }

    fn log(self, text: &str) -> String {
        match self {
            Place::Statement => format!("log({text});"),
            Place::Future => format!("async {{ log({text}) }}"),
        }
    }

    fn block(self, ms: &str) -> String {
        match self {
            Place::Statement => format!("block_ms({ms});"),
            Place::Future => format!("async {{ block_ms({ms}) }}"),
        }
    }

    fn yield_now(self) -> &'static str {
        match self {
            Place::Statement => "yield_now().await;",
            Place::Future => "yield_now()",
        }
    }

    fn join(self) -> &'static str {
        match self {
            Place::Statement => "join!(…);",
            Place::Future => "async { join!(…); }",
        }
    }
}

const SELECT: &str = "select! { _ = … => {} }";

/// A path as written (`tokio::time::sleep`, `console.log`), whether it is a
/// macro (`println!`), and where its `(` is, if it has one.
struct Call<'t> {
    segments: Vec<&'t str>,
    written: String,
    open: Option<usize>,
}

impl Call<'_> {
    fn first(&self) -> &str {
        self.segments[0]
    }

    fn last(&self) -> &str {
        self.segments[self.segments.len() - 1]
    }
}

/// The path starting at token `i` (words joined by `::` or `.`), with a `!`
/// and a `(` after it if there are.
fn call(tokens: &[Token], i: usize) -> Option<Call<'_>> {
    let word = |k: usize| match tokens.get(k).map(|t| &t.tok) {
        Some(Tok::Word(w)) => Some(w.as_str()),
        _ => None,
    };
    let punct = |k: usize| match tokens.get(k).map(|t| &t.tok) {
        Some(Tok::Punct(p)) => Some(*p),
        _ => None,
    };
    let mut segments = vec![word(i)?];
    let mut written = segments[0].to_string();
    let mut k = i + 1;
    while let (Some(sep @ ("::" | ".")), Some(next)) = (punct(k), word(k + 1)) {
        segments.push(next);
        written.push_str(sep);
        written.push_str(next);
        k += 2;
    }
    if punct(k) == Some("!") {
        written.push('!');
        k += 1;
    }
    let open = (punct(k) == Some("(")).then_some(k);
    Some(Call {
        segments,
        written,
        open,
    })
}

/// The tokens between the `(` at `open` and its `)`, at any depth.
fn inside(tokens: &[Token], open: usize) -> &[Token] {
    let mut depth = 0usize;
    for (k, token) in tokens.iter().enumerate().skip(open) {
        match token.tok {
            Tok::Punct("(") => depth += 1,
            Tok::Punct(")") => {
                depth -= 1;
                if depth == 0 {
                    return &tokens[open + 1..k];
                }
            }
            Tok::End => return &tokens[open + 1..k],
            _ => {}
        }
    }
    &tokens[open + 1..]
}

/// The delay in milliseconds a call's arguments give, as it would be
/// written for `sleep_ms`: `Duration::from_millis(100)` and
/// `from_secs(1)` (1000), else the last plain number (`setTimeout(f, 100)`,
/// `sleep(100)`); `…` if none is a whole number of milliseconds.
pub(super) fn delay(tokens: &[Token], open: Option<usize>) -> String {
    let Some(open) = open else {
        return "…".into();
    };
    let args = inside(tokens, open);
    // The word a number is the argument of: `from_millis` in
    // `from_millis(100)`.
    let called = |k: usize| match args
        .get(k.checked_sub(2)?..k)
        .map(|t| (&t[0].tok, &t[1].tok))
    {
        Some((Tok::Word(w), Tok::Punct("("))) => Some(w.as_str()),
        _ => None,
    };
    let mut found = None;
    for (k, token) in args.iter().enumerate() {
        let Tok::Number(_, Some(n)) = token.tok else {
            continue;
        };
        match called(k) {
            Some("from_millis") => {
                found = Some(n);
                break;
            }
            Some("from_secs") => {
                found = Some(n * 1000.0);
                break;
            }
            _ => found = Some(n),
        }
    }
    match found {
        Some(ms) if ms.fract() == 0.0 && ms <= f64::from(u32::MAX) => format!("{ms}"),
        _ => "…".into(),
    }
}

/// The text a call logs, as a string literal: its first string argument if
/// it is plain (no `{}` to format), else `"…"`.
fn text(tokens: &[Token], open: Option<usize>) -> String {
    let plain = open.and_then(|open| {
        inside(tokens, open).iter().find_map(|t| match &t.tok {
            Tok::Str(s) if !s.contains(['{', '}']) && s.chars().count() <= 40 => Some(s),
            _ => None,
        })
    });
    js_string(plain.map_or("…", |s| s.as_str()))
}

/// What to write instead of the code starting at token `i`, if it is
/// code from elsewhere this playground knows.
pub(super) fn foreign(tokens: &[Token], i: usize, place: Place) -> Option<String> {
    let call = call(tokens, i)?;
    let ms = || delay(tokens, call.open);
    let written = &call.written;
    let message = match (call.first(), call.last(), call.segments.len()) {
        ("tokio", "sleep", _) | ("time", "sleep", 2) => format!(
            "`{written}` needs tokio's runtime, and this page runs futures on its own: \
             write `{}` here, or the prelude's `sleep(Duration::from_millis({}))` with \
             `use std::time::Duration;` under the first line",
            place.sleep(&ms()),
            ms()
        ),
        ("futures", "join_all", _) => not_read_yet(
            &format!("`{written}` (it does not load the `futures` crate)"),
            "here, write `join_all(vec![…]).await`, the prelude's, which does the same",
        ),
        ("tokio" | "futures", "join" | "try_join" | "join_all", _) => not_read_yet(
            &format!("`{written}`"),
            &format!(
                "write `{}` here, which awaits its futures together as `{written}` does",
                place.join()
            ),
        ),
        ("tokio" | "futures", "select", _) => {
            not_read_yet(&format!("`{written}`"), &format!("write `{SELECT}` here"))
        }
        ("tokio" | "task", "yield_now", _) => format!(
            "`{written}` is tokio's; the prelude's `yield_now` does the same on this page's \
             runtime: write `{}` here",
            place.yield_now()
        ),
        ("tokio", "spawn", _) if place == Place::Statement => format!(
            "this page does not run tokio, so `{written}` is not here; the prelude's `spawn` \
             works the same way: write `spawn(async {{ … }});` here, or \
             `let h = spawn(async {{ … }});` and later `h.await.unwrap();`"
        ),
        ("tokio", "spawn", _) => format!(
            "`{written}` starts a task, which is a statement here, not a future: to run \
             futures at once, write `{}` here",
            place.join()
        ),
        ("tokio", ..) => format!(
            "`{written}` is tokio's, and this page runs futures on its own runtime: \
             its prelude gives `sleep_ms`, `log`, `block_ms`, `yield_now`, `join!` and `select!`"
        ),
        ("futures", "block_on", _) => format!(
            "`{written}` blocks the thread until its future is done; in `async fn run()`, \
             write `….await;` here instead"
        ),
        ("futures", ..) => not_read_yet(
            "the futures crate",
            "here the prelude gives `sleep_ms`, `log`, `block_ms`, `yield_now`, `join!` and `select!`",
        ),
        ("std", "sleep", 3) | ("thread", "sleep", 2) => format!(
            "`{written}` blocks the whole thread: no other future runs meanwhile; \
             `{}` does exactly that here (to wait and let others run: `{}`)",
            place.block(&ms()),
            place.sleep(&ms())
        ),
        ("println" | "print" | "eprintln" | "eprint" | "dbg", _, 1) if written.ends_with('!') => {
            not_read_yet(
                &format!("`{written}`"),
                &format!(
                    "write `{}` here: its text shows in the trace",
                    place.log(&text(tokens, call.open))
                ),
            )
        }
        ("console", ..) => format!(
            "`{written}` is JavaScript's: write `{}` here",
            place.log(&text(tokens, call.open))
        ),
        ("setTimeout" | "setInterval", _, 1) => format!(
            "`{written}` is JavaScript's; in Rust a timer is a future you await: write `{}` here",
            place.sleep(&ms())
        ),
        ("Promise", "all" | "allSettled", 2) => format!(
            "`{written}` is JavaScript's: write `{}` here: it awaits its futures together",
            place.join()
        ),
        ("Promise", "race", 2) => format!(
            "`{written}` is JavaScript's: write `{SELECT}` here: the first future to finish wins"
        ),
        ("sleep", _, 1) => format!(
            "`sleep` takes a `Duration`, as tokio's does: write `{}` here (milliseconds), or \
             `sleep(Duration::from_millis({}))` with `use std::time::Duration;` under the first line",
            place.sleep(&ms()),
            ms()
        ),
        ("await", _, 1) if place == Place::Statement => {
            let awaited = match call_after_await(tokens, i) {
                Some(ms) => format!("sleep_ms({ms}).await;"),
                None => "f.await;".into(),
            };
            format!("Rust writes `.await` after the future: `{awaited}`")
        }
        ("var" | "const", _, 1) => {
            format!("Rust makes a variable with `let`, not `{written}`: write `let` here")
        }
        ("function", _, 1) => "`function` is JavaScript's: Rust writes `fn`".into(),
        ("while" | "loop", _, 1) => not_read_yet(
            &format!("`{written}`"),
            "write a loop that runs its body N times as `for _ in 0..N { … }` here",
        ),
        ("if" | "match", _, 1) => not_read_yet(
            &format!("`{written}`"),
            "write its steps out one by one here",
        ),
        _ => return None,
    };
    Some(message)
}

/// JS's `await sleep_ms(100)`: the delay, if a `sleep_ms(N)` follows the
/// `await` at token `i`.
fn call_after_await(tokens: &[Token], i: usize) -> Option<String> {
    let is = |k: usize, tok: &Tok| tokens.get(i + k).is_some_and(|t| t.tok == *tok);
    let Some(Tok::Number(n, Some(_))) = tokens.get(i + 3).map(|t| &t.tok) else {
        return None;
    };
    (is(1, &Tok::Word("sleep_ms".into())) && is(2, &Tok::Punct("("))).then(|| n.clone())
}

/// What to do with an attribute (`#[tokio::main]`) at token `i`, a `#`.
pub(super) fn attribute(tokens: &[Token], i: usize) -> Option<String> {
    let tokio = matches!(tokens.get(i + 2).map(|t| &t.tok), Some(Tok::Word(w)) if w == "tokio");
    tokio.then(|| {
        "`#[tokio::main]` starts tokio's runtime for `main`; this page polls `run()` on its \
         own: remove it"
            .into()
    })
}

/// A program written for tokio (it names `tokio`) that does not start with
/// this page's `use` line: what to change, all in one message, naming only
/// what the program uses. `tokio::` paths the runtime has under the same
/// names (`runtime::time`, `runtime::task`) need only the prefix dropped.
pub(super) fn tokio_program(tokens: &[Token]) -> Option<String> {
    let word = |k: usize, w: &str| tokens.get(k).is_some_and(|t| t.tok == Tok::Word(w.into()));
    let names = |w: &str| (0..tokens.len()).any(|k| word(k, w));
    if !names("tokio") {
        return None;
    }
    let mut uses = vec!["`use runtime::prelude::*;`"];
    if names("println") {
        uses.push("`use runtime::println;`");
    }
    if names("Duration") {
        uses.push("`use std::time::Duration;`");
    }
    let mut changes = vec![format!("start with {}", uses.join(", "))];
    let attribute =
        (1..tokens.len()).any(|k| tokens[k - 1].tok == Tok::Punct("[") && word(k, "tokio"));
    if attribute && names("main") {
        changes.push("`async fn run()` for `#[tokio::main] async fn main()`".into());
    } else if names("main") {
        changes.push("`async fn run()` for `async fn main()`".into());
    }
    // `tokio::x`, `tokio::time::x`, `tokio::task::x`: the `x`s, once each.
    let mut paths: Vec<String> = Vec::new();
    for k in 0..tokens.len() {
        if !word(k, "tokio")
            || word(k.saturating_sub(1), "use")
            || k > 0 && tokens[k - 1].tok == Tok::Punct("[")
        {
            continue;
        }
        let skip = if word(k + 2, "time") || word(k + 2, "task") {
            4
        } else {
            2
        };
        if let Some(Tok::Word(name)) = tokens.get(k + skip).map(|t| &t.tok) {
            let bang = tokens
                .get(k + skip + 1)
                .is_some_and(|t| t.tok == Tok::Punct("!"));
            let name = format!("`{name}{}`", if bang { "!" } else { "" });
            if !paths.contains(&name) {
                paths.push(name);
            }
        }
    }
    if !paths.is_empty() {
        changes.push(format!("no `tokio::` before {}", paths.join(", ")));
    }
    Some(format!(
        "written for tokio, which this page replaces: {}",
        changes.join("; ")
    ))
}
