//! The editor's text work, free of the DOM: the edits its keys make (in UTF-16 units, the
//! unit of `selectionStart`), where a mark falls (Go counts bytes), and how the highlighted
//! tokens split around marks and parameter values.

use std::ops::Range;

use crate::cell::marks::{MarkKind, ParamSpan, SourceMark};
use crate::lesson::GoToken;

const NL: u16 = b'\n' as u16;
const TAB: u16 = b'\t' as u16;
const SPACE: u16 = b' ' as u16;
/// Shift+Tab removes one tab, or up to this many spaces.
const INDENT_SPACES: usize = 4;

/// Replace `start..end` (UTF-16 units) with `text`, then select `select`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub start: u32,
    pub end: u32,
    pub text: String,
    pub select: (u32, u32),
}

fn unit(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn line_start(units: &[u16], pos: usize) -> usize {
    units[..pos].iter().rposition(|&u| u == NL).map_or(0, |i| i + 1)
}

fn line_end(units: &[u16], pos: usize) -> usize {
    units[pos..].iter().position(|&u| u == NL).map_or(units.len(), |i| pos + i)
}

/// The whole lines a selection touches; a selection that ends right after a newline does not
/// take the next line (as editors do when one selects lines with the mouse).
fn selected_lines(units: &[u16], start: usize, end: usize) -> Range<usize> {
    let last = if end > start && units[end - 1] == NL { end - 1 } else { end };
    line_start(units, start)..line_end(units, last.max(start))
}

/// Tab: a tab at the caret, or one more tab at the head of every selected line.
pub fn indent(units: &[u16], start: usize, end: usize) -> Edit {
    if !units[start..end].contains(&NL) {
        let at = unit(start + 1);
        return Edit { start: unit(start), end: unit(end), text: "\t".into(), select: (at, at) };
    }
    let lines = selected_lines(units, start, end);
    let mut block = Vec::with_capacity(lines.len() + 16);
    let mut count = 0;
    for line in units[lines.clone()].split(|&u| u == NL) {
        if count > 0 {
            block.push(NL);
        }
        block.push(TAB);
        block.extend_from_slice(line);
        count += 1;
    }
    Edit {
        start: unit(lines.start),
        end: unit(lines.end),
        text: String::from_utf16_lossy(&block),
        // Every selected line gained a tab before `end` (a line left out above starts at `end`).
        select: (unit(start + 1), unit(end + count)),
    }
}

/// Shift+Tab: one tab (or up to four spaces) less at the head of every selected line; `None`
/// when no line has any.
pub fn outdent(units: &[u16], start: usize, end: usize) -> Option<Edit> {
    let lines = selected_lines(units, start, end);
    let mut block = Vec::with_capacity(lines.len());
    // (line start in the old text, units removed there)
    let mut removed = Vec::new();
    let mut at = lines.start;
    for line in units[lines.clone()].split(|&u| u == NL) {
        if at > lines.start {
            block.push(NL);
        }
        let cut = match line.first() {
            Some(&TAB) => 1,
            _ => line.iter().take(INDENT_SPACES).take_while(|&&u| u == SPACE).count(),
        };
        block.extend_from_slice(&line[cut..]);
        removed.push((at, cut));
        at += line.len() + 1;
    }
    if removed.iter().all(|&(_, cut)| cut == 0) {
        return None;
    }
    // A position loses what was removed before it, on its line and the lines above.
    let map = |pos: usize| {
        let lost: usize =
            removed.iter().filter(|&&(head, _)| head <= pos).map(|&(head, cut)| cut.min(pos - head)).sum();
        unit(pos - lost)
    };
    Some(Edit {
        start: unit(lines.start),
        end: unit(lines.end),
        text: String::from_utf16_lossy(&block),
        select: (map(start), map(end)),
    })
}

/// Enter: a newline with the current line's indentation, one tab more after a `{`.
pub fn newline(units: &[u16], start: usize, end: usize) -> Edit {
    let head = line_start(units, start);
    let before = &units[head..start];
    let indent_len = before.iter().take_while(|&&u| u == TAB || u == SPACE).count();
    let opens = before.iter().rev().find(|&&u| u != TAB && u != SPACE) == Some(&(b'{' as u16));
    let mut text = vec![NL];
    text.extend_from_slice(&before[..indent_len]);
    if opens {
        text.push(TAB);
    }
    let at = unit(start + text.len());
    Edit { start: unit(start), end: unit(end), text: String::from_utf16_lossy(&text), select: (at, at) }
}

/// `}` typed on a line holding only indentation: one level less before it.
pub fn close_brace(units: &[u16], start: usize, end: usize) -> Option<Edit> {
    let head = line_start(units, start);
    let before = &units[head..start];
    if start != end || before.is_empty() || !before.iter().all(|&u| u == TAB || u == SPACE) {
        return None;
    }
    let cut = if before.last() == Some(&TAB) {
        1
    } else {
        before.iter().rev().take(INDENT_SPACES).take_while(|&&u| u == SPACE).count()
    };
    let at = unit(start - cut + 1);
    Some(Edit { start: unit(start - cut), end: unit(start), text: "}".into(), select: (at, at) })
}

/// Where a caret at `pos` of `old` goes once the text is `new`: it keeps its place before the
/// changed part, follows the text after it, and ends after the change when it stood inside.
pub fn map_caret(old: &[u16], new: &[u16], pos: usize) -> usize {
    let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let room = old.len().min(new.len()) - prefix;
    let suffix = old.iter().rev().zip(new.iter().rev()).take(room).take_while(|(a, b)| a == b).count();
    if pos <= prefix {
        pos
    } else if pos >= old.len() - suffix {
        pos + new.len() - old.len()
    } else {
        new.len() - suffix
    }
}

/// The number of lines (an empty text has one).
pub fn line_count(text: &str) -> usize {
    text.bytes().filter(|&b| b == b'\n').count() + 1
}

/// A mark's line, clamped to the text's lines: a mark past the end stands on the last line.
pub fn mark_line(text: &str, mark: &SourceMark) -> usize {
    (mark.line.max(1) as usize).min(line_count(text))
}

/// The byte offset of Go's 1-based (line, byte column), clamped to the line and moved back to
/// a character boundary: a column inside a multi-byte character lands on that character.
pub fn mark_offset(text: &str, mark: &SourceMark) -> usize {
    let mut start = 0;
    for _ in 1..mark_line(text, mark) {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => break,
        }
    }
    let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let mut at = start.saturating_add((mark.column.max(1) - 1) as usize).min(end);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The UTF-16 offset (what `setSelectionRange` takes) of a byte offset.
pub fn utf16_offset(text: &str, byte: usize) -> u32 {
    unit(text.get(..byte).map_or(0, |head| head.encode_utf16().count()))
}

fn is_word(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

/// The bytes a mark underlines: the word (or the character) at a compile error's column, the
/// text of a panic's line. Empty at a line's end: drawn as a marked space after it.
pub fn mark_range(text: &str, mark: &SourceMark) -> Range<usize> {
    let at = mark_offset(text, mark);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    match mark.kind {
        MarkKind::CompileError => match text[at..end].chars().next() {
            None => at..at,
            Some(c) if is_word(c) => {
                at..text[at..end].char_indices().find(|&(_, c)| !is_word(c)).map_or(end, |(i, _)| at + i)
            }
            Some(c) => at..at + c.len_utf8(),
        },
        MarkKind::Panic => {
            let head = text[..at].rfind('\n').map_or(0, |i| i + 1);
            let first = text[head..end].find(|c: char| c != ' ' && c != '\t').map_or(end, |i| head + i);
            first..end
        }
    }
}

/// A run of the overlay: one token, or the part of it inside (or outside) a parameter's value
/// or a mark. `range` empty: a mark at a line's end.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    pub range: Range<usize>,
    pub class: &'static str,
    pub param: Option<usize>,
    pub mark: Option<usize>,
}

/// `range` clamped into `text` on character boundaries (`None` if it falls outside).
fn clamp(text: &str, range: &Range<usize>) -> Option<Range<usize>> {
    let floor = |mut at: usize| {
        at = at.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let (start, end) = (floor(range.start), floor(range.end));
    (start <= end && range.start <= text.len()).then_some(start..end)
}

/// Splits the tokens (whose texts concatenate to `text`) where parameter values and marks start
/// and end, in one pass: the pieces concatenate to `text`, plus one empty piece per mark at a
/// line's end. Ranges that do not fit the text (stale spans) are dropped, never trusted.
pub fn pieces(text: &str, tokens: &[GoToken], params: &[ParamSpan], marks: &[Range<usize>]) -> Vec<Piece> {
    let params: Vec<Option<Range<usize>>> = params.iter().map(|p| clamp(text, &p.range)).collect();
    let marks: Vec<Option<Range<usize>>> = marks.iter().map(|m| clamp(text, m)).collect();
    let mut cuts: Vec<usize> =
        params.iter().flatten().chain(marks.iter().flatten()).flat_map(|r| [r.start, r.end]).collect();
    cuts.sort_unstable();
    cuts.dedup();
    let mut empty: Vec<(usize, usize)> = marks
        .iter()
        .enumerate()
        .filter_map(|(i, m)| m.as_ref().filter(|m| m.is_empty()).map(|m| (m.start, i)))
        .collect();
    empty.sort_unstable();
    let (mut next_cut, mut next_empty) = (0, 0);
    let mut out = Vec::with_capacity(tokens.len() + 2 * cuts.len());
    let mut offset = 0;
    let emit_empty = |at: usize, next_empty: &mut usize, out: &mut Vec<Piece>| {
        while let Some(&(pos, i)) = empty.get(*next_empty).filter(|(pos, _)| *pos <= at) {
            out.push(Piece { range: pos..pos, class: "", param: None, mark: Some(i) });
            *next_empty += 1;
        }
    };
    for token in tokens {
        let end = (offset + token.text.len()).min(text.len());
        let mut cursor = offset;
        while cursor < end {
            while cuts.get(next_cut).is_some_and(|&c| c <= cursor) {
                next_cut += 1;
            }
            let next = cuts.get(next_cut).map_or(end, |&c| c.min(end));
            emit_empty(cursor, &mut next_empty, &mut out);
            let inside = |r: &Range<usize>| r.start <= cursor && cursor < r.end;
            out.push(Piece {
                range: cursor..next,
                class: token.kind.class(),
                param: params.iter().position(|p| p.as_ref().is_some_and(inside)),
                mark: marks.iter().position(|m| m.as_ref().is_some_and(inside)),
            });
            cursor = next;
        }
        offset = end;
    }
    emit_empty(usize::MAX, &mut next_empty, &mut out);
    out
}
