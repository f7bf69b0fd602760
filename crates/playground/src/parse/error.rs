//! Where a program text is not accepted, and why: a place in the text and a
//! message, as every part of the parser reports it.

use std::fmt;

/// Where a program is not accepted, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    /// From 1.
    pub line: usize,
    /// From 1, in characters.
    pub column: usize,
    /// What was expected, or which rule the program breaks.
    pub message: String,
}

impl ParseError {
    pub(super) fn new(at: Pos, message: impl Into<String>) -> Self {
        ParseError {
            line: at.line,
            column: at.column,
            message: message.into(),
        }
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, column {}: {}",
            self.line, self.column, self.message
        )
    }
}

impl std::error::Error for ParseError {}

/// The one wording for what Rust allows and this playground does not read
/// (validation's too).
pub(crate) use crate::program::wording::not_read_yet;

/// A place in the text: line and column from 1, columns in characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Pos {
    pub(super) line: usize,
    pub(super) column: usize,
}

impl Pos {
    pub(super) fn right(self, columns: usize) -> Pos {
        Pos {
            column: self.column + columns,
            ..self
        }
    }
}
