//! What the printer reads besides the tree: line numbers, the positions of tokens the tree
//! does not keep (`(`, `{`, operators), and the comments, grouped as go/parser groups them.
//!
//! Comments are found by re-lexing: they lie in the gaps between tokens, so the parser and
//! its tree (which the interpreter depends on) stay as they are.

use crate::go::ast::Span;
use crate::go::lexer::tokenize;
use crate::go::token::Tok;

/// A position as go/token gives it: byte offset, 1-based line and column. Line 0 is "no
/// position" (`token.NoPos`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Pos {
    pub offset: usize,
    pub line: usize,
    pub column: usize,
}

/// Larger than any offset or line (go/printer's `infinity`).
pub(super) const INFINITY: usize = 1 << 30;

impl Pos {
    pub fn valid(self) -> bool {
        self.line > 0
    }
}

/// One `//` or `/* */` comment; `text` without `\r`, as go/scanner gives it.
#[derive(Clone, Debug)]
pub(super) struct Comment {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

impl Comment {
    /// `//`-style (as opposed to `/*`).
    pub fn is_line(&self) -> bool {
        self.text.as_bytes().get(1) == Some(&b'/')
    }
}

/// Comments with no blank line between them (go/ast's `CommentGroup`).
#[derive(Clone, Debug)]
pub(super) struct Group {
    pub list: Vec<Comment>,
}

pub(super) struct Source<'a> {
    pub text: &'a str,
    line_starts: Vec<usize>,
    /// Tokens other than semicolons, in order.
    toks: Vec<(Tok, Span)>,
    pub groups: Vec<Group>,
    /// Starts of tokens that a doc comment (go/parser's lead comment) precedes.
    docs: Vec<usize>,
}

impl<'a> Source<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.bytes().enumerate().filter(|&(_, b)| b == b'\n').map(|(i, _)| i + 1));
        let toks: Vec<(Tok, Span)> =
            tokenize(text).0.into_iter().filter(|t| !matches!(t.tok, Tok::Semi(_))).map(|t| (t.tok, t.span)).collect();
        let mut src = Source { text, line_starts, toks, groups: Vec::new(), docs: Vec::new() };
        src.find_comments();
        src
    }

    pub fn pos(&self, offset: usize) -> Pos {
        let line = self.line_starts.partition_point(|&s| s <= offset);
        let start = self.line_starts.get(line.saturating_sub(1)).copied().unwrap_or(0);
        Pos { offset, line, column: offset - start.min(offset) + 1 }
    }

    pub fn line(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&s| s <= offset)
    }

    pub fn slice(&self, span: Span) -> &'a str {
        self.text.get(span.start as usize..span.end as usize).unwrap_or("")
    }

    /// The first token starting at or after `offset`.
    pub fn tok_at_or_after(&self, offset: usize) -> Option<(Tok, Span)> {
        let i = self.toks.partition_point(|(_, s)| (s.start as usize) < offset);
        self.toks.get(i).copied()
    }

    /// Start of the first `tok` at or after `offset` (`offset` itself if none).
    pub fn find(&self, tok: Tok, offset: usize) -> usize {
        let i = self.toks.partition_point(|(_, s)| (s.start as usize) < offset);
        self.toks
            .get(i..)
            .and_then(|rest| rest.iter().find(|(t, _)| *t == tok))
            .map_or(offset, |(_, s)| s.start as usize)
    }

    /// Start of the last token ending at or before `offset`.
    pub fn last_tok_before(&self, offset: usize) -> Option<(Tok, Span)> {
        let i = self.toks.partition_point(|(_, s)| (s.end as usize) <= offset);
        i.checked_sub(1).and_then(|i| self.toks.get(i)).copied()
    }

    /// Whether a comment group starting on `end`'s line, after it, ends that line: go/parser's
    /// line comment of the field or spec ending at `end`.
    pub fn line_comment_after(&self, end: usize) -> bool {
        let i = self.groups.partition_point(|g| g.list.first().is_some_and(|c| c.start < end));
        let Some(g) = self.groups.get(i) else { return false };
        let (Some(first), Some(last)) = (g.list.first(), g.list.last()) else { return false };
        let between = self.text.get(end..first.start).unwrap_or("x");
        if self.line(first.start) != self.line(end) || !between.bytes().all(|b| matches!(b, b' ' | b'\t' | b';')) {
            return false;
        }
        match self.tok_at_or_after(last.end) {
            Some((tok, span)) => tok == Tok::Eof || self.line(span.start as usize) > self.line(last.end),
            None => true,
        }
    }

    /// go/token's `MergeLine(line)`: `line` and the next become one line.
    pub fn merge_line(&mut self, line: usize) {
        if line >= 1 && line < self.line_starts.len() {
            self.line_starts.remove(line);
        }
    }

    pub fn has_doc(&self, offset: usize) -> bool {
        self.docs.binary_search(&offset).is_ok()
    }

    /// Scans the gaps between tokens for comments and groups them like go/parser's `next`.
    fn find_comments(&mut self) {
        let mut gaps: Vec<(Option<usize>, usize, usize)> = Vec::new();
        let mut prev_start: Option<usize> = None;
        let mut prev_end = if self.text.starts_with('\u{FEFF}') { 3 } else { 0 };
        for (tok, span) in &self.toks {
            gaps.push((prev_start, prev_end, span.start as usize));
            if *tok == Tok::Eof {
                break;
            }
            prev_start = Some(span.start as usize);
            prev_end = span.end as usize;
        }
        for (prev, from, to) in gaps {
            let comments = scan_comments(self.text, from, to);
            if comments.is_empty() {
                continue;
            }
            let next_line = self.line(to);
            let mut rest = comments.as_slice();
            if let Some(p) = prev {
                if rest.first().is_some_and(|c| self.line(c.start) == self.line(p)) {
                    rest = self.consume_group(rest, 0);
                }
            }
            let mut lead = None;
            while !rest.is_empty() {
                let before = self.groups.len();
                rest = self.consume_group(rest, 1);
                lead = self.groups.get(before).and_then(|g| g.list.last()).map(|c| self.line(c.end));
            }
            if lead.is_some_and(|end| end + 1 == next_line) {
                self.docs.push(to);
            }
        }
    }

    /// go/parser's `consumeCommentGroup(n)`: takes comments starting at most `n` lines after
    /// the previous one's end.
    fn consume_group<'c>(&mut self, comments: &'c [Comment], n: usize) -> &'c [Comment] {
        let mut end_line = comments.first().map_or(0, |c| self.line(c.start));
        let mut list = Vec::new();
        let mut used = 0;
        for c in comments {
            if self.line(c.start) > end_line + n {
                break;
            }
            end_line = self.line(c.end.saturating_sub(1).max(c.start));
            list.push(c.clone());
            used += 1;
        }
        self.groups.push(Group { list });
        comments.get(used..).unwrap_or(&[])
    }
}

/// The comments in `text[from..to]`, a gap holding only white space and comments.
fn scan_comments(text: &str, from: usize, to: usize) -> Vec<Comment> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = from;
    while i < to {
        match (bytes.get(i), bytes.get(i + 1)) {
            (Some(b'/'), Some(b'/')) => {
                let end = (i..to).find(|&j| bytes.get(j) == Some(&b'\n')).unwrap_or(to);
                out.push(comment(text, i, end));
                i = end;
            }
            (Some(b'/'), Some(b'*')) => {
                let end = (i + 2..to).find(|&j| bytes.get(j..j + 2) == Some(b"*/")).map_or(to, |j| j + 2);
                out.push(comment(text, i, end));
                i = end;
            }
            _ => i += 1,
        }
    }
    out
}

fn comment(text: &str, start: usize, end: usize) -> Comment {
    let raw = text.get(start..end).unwrap_or("");
    Comment { start, end, text: raw.replace('\r', "") }
}
