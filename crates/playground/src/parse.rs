//! The Rust panel's text back to a scenario: a small, documented subset of
//! async Rust, exactly what [`render::rust`](crate::render::rust) writes.
//! Anything else is an error with a line, a column and what was expected,
//! never a guess; its message is true of Rust: what this playground does
//! not read yet is said to be fine in Rust, code from JS, tokio or the
//! futures crate gets what to write here instead (`hints`), and a near miss
//! its likely word (`spelling`).
//!
//! The grammar it reads is in the README ("Writing your own program"), the
//! one place that says what is read.
//!
//! `let _ = sleep_ms(…).await;` is `sleep_ms(…).await;`, and `async move`
//! is `async` (the only variable from outside a block it can read is a
//! loop's count, which a copy prints as a borrow would). `//` comments
//! and whitespace go anywhere; a comment ending the line of a
//! `sleep_ms(…)`'s `)` is that timer's label (else "Timer K").
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

pub use crate::program::canonical::canonical;
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
    check::validate(&tree(text)?)
}

/// The parsed tree of `text`, its timers labelled.
fn tree(text: &str) -> Result<grammar::Node, ParseError> {
    if text.len() > MAX_TEXT {
        return parse(text).map(|_| unreachable!("refused above"));
    }
    let lexed = lexer::lex(text)?;
    let mut root = grammar::Parser::new(&lexed.tokens).module()?;
    check::label_timers(&mut root, &lexed.comments);
    Ok(root)
}

/// Where each timer's delay is written, in the scenario's order of timers
/// (a `join!` of `let`s in another order than made has them in its order,
/// not the text's). `text` must parse.
fn timer_places(text: &str) -> Result<Vec<Pos>, ParseError> {
    fn collect(node: &grammar::Node, out: &mut Vec<Pos>) {
        match node.kind {
            // A sleep for a parameter has no number of its own.
            grammar::Kind::Sleep {
                ms_at, param: None, ..
            } => out.push(ms_at),
            grammar::Kind::Sleep { .. } => {}
            _ => node.children.iter().for_each(|c| collect(c, out)),
        }
    }
    parse(text)?;
    let mut out = Vec::new();
    collect(&tree(text)?, &mut out);
    Ok(out)
}
