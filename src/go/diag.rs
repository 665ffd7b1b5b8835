//! Compile-time diagnostics, printed as `go build` prints them: `prog.go:L:C: message`.
//!
//! gc counts columns in bytes from 1 (a tab is one column), sorts errors by position and stops
//! after 10 with `too many errors`.

use super::ast::Span;

/// The start of the message for a construct outside the notebook's subset.
pub const UNSUPPORTED: &str = "non pris en charge par ce carnet : ";

/// gc's limit: after this many errors it prints `too many errors` and stops.
pub const MAX_ERRORS: usize = 10;

/// Errors a learner meets first, named so the page can add French help under Go's message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiagCode {
    /// `declared and not used: x`
    UnusedVariable,
    /// `"os" imported and not used`
    UnusedImport,
}

/// One error at a byte span of the source. `unsupported` marks a construct outside the
/// notebook's subset (its message is French: `non pris en charge par ce carnet : …`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub span: Span,
    pub message: String,
    /// Continuation lines gc prints under the error, each with its own position
    /// (`\tprog.go:19:7: previous case`).
    pub notes: Vec<(Span, String)>,
    pub code: Option<DiagCode>,
}

impl Diagnostic {
    pub fn new(span: Span, message: impl Into<String>) -> Self {
        Diagnostic { span, message: message.into(), notes: Vec::new(), code: None }
    }

    /// A construct outside the subset: `non pris en charge par ce carnet : <what>`.
    pub fn unsupported(span: Span, what: &str) -> Self {
        Diagnostic { span, message: format!("{UNSUPPORTED}{what}"), notes: Vec::new(), code: None }
    }
}

/// Line starts of a source, to turn byte offsets into gc's `line:column`.
#[derive(Clone, Debug)]
pub struct LineMap {
    starts: Vec<u32>,
}

impl LineMap {
    pub fn new(src: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(src.bytes().enumerate().filter(|(_, b)| *b == b'\n').map(|(i, _)| i as u32 + 1));
        LineMap { starts }
    }

    /// 1-based line and byte column of `offset`.
    pub fn line_col(&self, offset: u32) -> (u32, u32) {
        let line = self.starts.partition_point(|&start| start <= offset).max(1);
        let col = offset - self.starts[line - 1] + 1;
        (line as u32, col)
    }

    /// 1-based line of `offset`.
    pub fn line(&self, offset: u32) -> u32 {
        self.line_col(offset).0
    }
}

/// A stable sort by `key` for short lists (insertion sort, quadratic): a few dozen bytes of
/// wasm, where each instantiation of std's `sort_by_key` (or `sort_unstable`) costs 3–4 KB.
pub fn sort_small_by_key<T, K: PartialOrd>(v: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && matches!((v.get(j - 1), v.get(j)), (Some(a), Some(b)) if key(a) > key(b)) {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// One error as reported: gc's 1-based line and byte column, its message and its notes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reported {
    pub line: u32,
    pub column: u32,
    pub message: String,
    pub notes: Vec<(u32, u32, String)>,
    pub code: Option<DiagCode>,
}

/// The errors gc reports, sorted by position: the first [`MAX_ERRORS`] found, duplicates on
/// one line with the same text dropped. When there are that many, the second value is where gc
/// says `too many errors`: at the last one kept, in the order they were found.
pub fn reported(src: &str, diags: &[Diagnostic]) -> (Vec<Reported>, Option<(u32, u32)>) {
    let map = LineMap::new(src);
    // gc stops at the 10th error it finds, then prints those sorted by position.
    let mut kept: Vec<&Diagnostic> = Vec::new();
    let mut seen: Vec<(u32, &str)> = Vec::new();
    for diag in diags {
        let key = (map.line(diag.span.start), diag.message.as_str());
        if !seen.contains(&key) {
            seen.push(key);
            kept.push(diag);
        }
    }
    // gc gives up on its 10th error, even when no other would follow.
    let too_many = kept.len() >= MAX_ERRORS;
    kept.truncate(MAX_ERRORS);
    let too_many = kept.last().filter(|_| too_many).map(|d| map.line_col(d.span.start));
    sort_small_by_key(&mut kept, |d| d.span.start);
    let reported = kept
        .into_iter()
        .map(|diag| {
            let (line, column) = map.line_col(diag.span.start);
            let notes = diag
                .notes
                .iter()
                .map(|(span, note)| {
                    let (l, c) = map.line_col(span.start);
                    (l, c, note.clone())
                })
                .collect();
            Reported { line, column, message: diag.message.clone(), notes, code: diag.code }
        })
        .collect();
    (reported, too_many)
}

/// The errors as gc prints them, one per line, sorted by position, at most [`MAX_ERRORS`]
/// followed by `too many errors`. Duplicates on one line with the same text are dropped.
pub fn render(file_name: &str, src: &str, diags: &[Diagnostic]) -> Vec<String> {
    let (reported, too_many) = reported(src, diags);
    let mut out: Vec<String> = Vec::new();
    for error in &reported {
        let mut text = format!("{file_name}:{}:{}: {}", error.line, error.column, error.message);
        for (l, c, note) in &error.notes {
            text.push_str(&format!("\n\t{file_name}:{l}:{c}: {note}"));
        }
        out.push(text);
    }
    if let Some((line, column)) = too_many {
        out.push(format!("{file_name}:{line}:{column}: too many errors"));
    }
    out
}
