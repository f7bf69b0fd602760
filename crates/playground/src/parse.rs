//! The Rust panel's text back to a scenario: a small, documented subset of
//! async Rust, exactly what [`render::rust`](crate::render::rust) writes.
//! Anything else is an error with a line, a column and what was expected,
//! never a guess; its message is true of Rust: what this playground does
//! not read yet is said to be fine in Rust, code from JS, tokio or the
//! futures crate gets what to write here instead (`hints`), and a near miss
//! its likely word (`spelling`).
//!
//! ```text
//! module     = "use" "runtime" "::" "prelude" "::" "*" ";"
//!              [ "use" ( "std" | "core" | "runtime" ) "::" "time" "::" "Duration" ";"
//!              | "use" "runtime" "::" "time" "::" "{" "sleep" "," "Duration" "}" ";" ]
//!              [ "use" "runtime" "::" "println" ";" ]   (* each once, as rustc wants *)
//!              "async" "fn" "run" "(" ")" "{" { statement } "}" ;
//! statement  = [ "let" "_" "=" ] ( sleep | yield ) "." "await" ";"
//!            | "log" "(" string ")" ";"
//!            | "println" "!" "(" string ")" ";"  (* needs the println use; plain text: no values to format, {{ }} for braces *)
//!            | "block_ms" "(" delay ")" ";"       (* 0 to 5000 *)
//!            | "std" "::" "thread" "::" "sleep" "(" "Duration" "::" "from_millis" "(" delay ")" ")" ";"  (* block_ms, in std's words; needs the Duration use *)
//!            | "join" "!" "(" future { "," future } [ "," ] ")" ";"
//!            | "select" "!" "{" "biased" ";" arm { [ "," ] arm } [ "," ] "}"
//!            | let { let } await { await }   (* each name awaited once, in order *)
//!            | let { let } "join" "!" "(" name { "," name } [ "," ] ")" ";"  (* every name, in the order made: their join! *)
//!            | "for" ( "_" | name ) "in" "0" ".." number "{" { statement } "}"  (* 0 to 100 times; the body does not read the variable *)
//!            | [ "let" ( name | "_" ) "=" ] "spawn" "(" async "{" { statement } "}" ")" ";"  (* a task of its own *)
//!            | name "." "await" "." "unwrap" "(" ")" ";" ;  (* a task spawned above in this block, once *)
//! let        = "let" name "=" future ";" ;
//! await      = name "." "await" ";" ;
//! arm        = "_" "=" future "=>" "{" "}" ;
//! sleep      = "sleep_ms" "(" delay ")"
//!            | "sleep" "(" "Duration" "::" "from_millis" "(" delay ")" ")" ;  (* needs the Duration use *)
//! yield      = "yield_now" "(" ")" ;  (* give the other tasks a turn *)
//! future     = sleep | yield
//!            | async "{" "log" "(" string ")" "}"
//!            | async "{" "block_ms" "(" number ")" "}"
//!            | async "{" { statement } "}" ;
//! async      = "async" [ "move" ] ;
//! delay      = number { ( "+" | "-" | "*" ) number } ;  (* `*` first; never below 0 *)
//! number     = digit { digit | "_" } ;            (* 0 to 60000 *)
//! string     = '"' { char | '\"' | '\\' } '"' ;   (* 1 to 40 characters *)
//! ```
//!
//! `let _ = sleep_ms(…).await;` is `sleep_ms(…).await;`, and `async move`
//! is `async` (no block names a variable from outside it: there is nothing
//! to move). `//` comments and whitespace go anywhere; a comment ending the
//! line of a `sleep_ms(…)`'s `)` is that timer's label (else "Timer K").
//! What the grammar gives is then checked as every scenario is
//! ([`crate::program::validate`]).
//!
//! The renderer writes a sequence nested in a sequence, or an `async` block
//! holding one `join!`, `select!` or group of `let`s, the same way as the
//! step alone: parsing gives the [`canonical`] form of the scenario.

mod check;
mod error;
mod grammar;
mod hints;
pub mod layout;
mod lexer;
mod spelling;

pub use error::ParseError;

use crate::program::scenario::Step;
use error::Pos;

/// Longest program read, in bytes: far above any valid one (64 steps).
pub const MAX_TEXT: usize = 64 * 1024;

/// The scenario a Rust panel's text describes (the whole module, as
/// `render::rust(step).text(4)` writes it), valid, in [`canonical`] form.
pub fn parse(text: &str) -> Result<Step, ParseError> {
    if text.len() > MAX_TEXT {
        return Err(ParseError::new(
            Pos { line: 1, column: 1 },
            format!(
                "the program is {} bytes long; at most {MAX_TEXT} are read",
                text.len()
            ),
        ));
    }
    let lexed = lexer::lex(text)?;
    let mut root = grammar::Parser::new(&lexed.tokens).module()?;
    check::label_timers(&mut root, &lexed.comments);
    check::validate(&root)
}

/// The scenario the Rust panel of `step` parses back to: both render alike,
/// and `parse(&render::rust(step).text(4)) == Ok(canonical(step))` for every
/// valid `step` whose root is a sequence. The renderer writes some different
/// scenarios alike, so one is chosen: the root is a sequence (the body of
/// `run()`); a sequence in a sequence is spread into it (its statements are
/// written one after another); an `async` block that holds one `join!`,
/// `select!` or group of `let`s is that step, not a sequence of it. The
/// presets are canonical.
pub fn canonical(step: &Step) -> Step {
    Step::Seq(statements(step))
}

/// The steps of `step`'s statements, as the renderer writes them.
fn statements(step: &Step) -> Vec<Step> {
    match step {
        Step::Seq(steps) => steps.iter().flat_map(statements).collect(),
        Step::Sleep { .. } | Step::Log { .. } | Step::Block { .. } | Step::Yield => {
            vec![step.clone()]
        }
        Step::All(steps) => vec![Step::All(steps.iter().map(future).collect())],
        Step::Race(steps) => vec![Step::Race(steps.iter().map(branch).collect())],
        Step::RandomRace(steps) => vec![Step::RandomRace(steps.iter().map(branch).collect())],
        // Only a race's branch.
        Step::Arm(_) => vec![branch(step)],
        Step::CreateThenAwait(steps) => {
            vec![Step::CreateThenAwait(steps.iter().map(future).collect())]
        }
        Step::Repeat { times, var, steps } => vec![Step::Repeat {
            times: *times,
            var: var.clone(),
            steps: steps.iter().flat_map(statements).collect(),
        }],
        Step::Spawn { handle, steps } => vec![Step::Spawn {
            handle: *handle,
            steps: steps.iter().flat_map(statements).collect(),
        }],
        Step::AwaitHandle { .. } => vec![step.clone()],
    }
}

/// A `select!` branch: its future, and its body's statements if it has one.
fn branch(step: &Step) -> Step {
    match step {
        Step::Arm(arm) => Step::Arm(Box::new([future(&arm[0]), Step::Seq(statements(&arm[1]))])),
        _ => future(step),
    }
}

/// `step` as a future (in `join!`, `select!` or `let`).
fn future(step: &Step) -> Step {
    match step {
        Step::Sleep { .. } | Step::Log { .. } | Step::Block { .. } | Step::Yield => step.clone(),
        _ => {
            let mut steps = statements(step);
            let composite = |s: &Step| {
                matches!(
                    s,
                    Step::All(_)
                        | Step::Race(_)
                        | Step::RandomRace(_)
                        | Step::CreateThenAwait(_)
                        | Step::Repeat { .. }
                )
            };
            if steps.len() == 1 && composite(&steps[0]) {
                steps.remove(0)
            } else {
                Step::Seq(steps)
            }
        }
    }
}
