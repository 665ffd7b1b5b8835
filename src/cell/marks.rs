//! What the editor marks in the code: the errors `go build` reported and the line a panic came
//! from, at Go's own positions, and the values that come from the preset's parameters.

use std::ops::Range;

use super::hints::Hint;

/// Why a place in the code is marked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkKind {
    /// A compile error (`prog.go:L:C: message`).
    CompileError,
    /// The line of the frame a panic or fatal error was raised in.
    Panic,
}

/// A marked place: 1-based line and column as Go prints them (the column counts bytes).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceMark {
    pub line: u32,
    pub column: u32,
    pub message: String,
    pub kind: MarkKind,
    /// French help to show under the message, for the errors learners meet first.
    pub hint: Option<Hint>,
}

/// A value written by a parameter (a slider), as a byte range of the source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParamSpan {
    pub range: Range<usize>,
    pub param: &'static str,
    /// It differs from the preset's default.
    pub changed: bool,
}
