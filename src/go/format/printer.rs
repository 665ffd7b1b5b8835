//! go/printer's core (`printer.go`): items go out through a buffer of pending white space,
//! comments are interspersed by source position before the next item, and line breaks
//! follow the source's lines. Kept close to the Go code (names included) so gofmt's
//! behaviour can be checked line by line against it.

use std::collections::HashMap;

use super::source::{Comment, Pos, Source, INFINITY};
use super::tabwriter::ESCAPE;

/// At most one blank line is kept.
pub(super) const MAX_NEWLINES: usize = 2;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Ws {
    Ignore,
    Blank,
    Vtab,
    Newline,
    Formfeed,
    Indent,
    Unindent,
}

/// go/printer's `pmode` bits.
pub(super) const NO_EXTRA_BLANK: u8 = 1;
pub(super) const NO_EXTRA_LINEBREAK: u8 = 2;

/// The last item printed, as far as the printer's decisions need it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Last {
    /// White space (go's `token.ILLEGAL`).
    None,
    Ident,
    Int,
    Lit,
    Tok(&'static str),
}

pub(super) fn nlimit(n: usize) -> usize {
    n.min(MAX_NEWLINES)
}

pub(super) struct Printer<'s, 'a> {
    pub src: &'s Source<'a>,
    pub output: Vec<u8>,
    pub indent: i32,
    pub level: i32,
    pub(super) mode: u8,
    pub(super) end_alignment: bool,
    pub(super) implied_semi: bool,
    pub last_tok: Last,
    pub(super) prev_open: Last,
    pub(super) wsbuf: Vec<Ws>,
    pub pos: Pos,
    pub out: Pos,
    pub(super) last: Pos,
    /// `recordLine`: the slot that gets the output line of the next item.
    line_slot: Option<usize>,
    pub slots: Vec<usize>,
    /// Comment groups still to print (none when measuring a node).
    pub(super) comments: &'s [super::source::Group],
    pub(super) cindex: usize,
    pub(super) comment: Option<usize>,
    pub(super) comment_offset: usize,
    pub(super) comment_newline: bool,
    /// Memoised `nodeSize` results, keyed by node address.
    pub sizes: HashMap<usize, usize>,
}

impl<'s, 'a> Printer<'s, 'a> {
    pub fn new(src: &'s Source<'a>, with_comments: bool) -> Self {
        let start = Pos { offset: 0, line: 1, column: 1 };
        let mut p = Printer {
            src,
            output: Vec::new(),
            indent: 0,
            level: 0,
            mode: 0,
            end_alignment: false,
            implied_semi: false,
            last_tok: Last::None,
            prev_open: Last::None,
            wsbuf: Vec::new(),
            pos: start,
            out: start,
            last: Pos::default(),
            line_slot: None,
            slots: Vec::new(),
            comments: if with_comments { &src.groups } else { &[] },
            cindex: 0,
            comment: None,
            comment_offset: INFINITY,
            comment_newline: false,
            sizes: HashMap::new(),
        };
        p.next_comment();
        p
    }

    pub fn pos_for(&self, offset: usize) -> Pos {
        self.src.pos(offset)
    }

    pub fn line_for(&self, offset: usize) -> usize {
        self.src.line(offset)
    }

    pub fn set_pos(&mut self, offset: usize) {
        self.pos = self.pos_for(offset);
    }

    /// A slot for [`Printer::record_line`].
    pub fn new_slot(&mut self) -> usize {
        self.slots.push(0);
        self.slots.len() - 1
    }

    pub fn record_line(&mut self, slot: usize) {
        self.line_slot = Some(slot);
    }

    pub fn lines_from(&self, slot: usize) -> usize {
        self.out.line.saturating_sub(self.slots.get(slot).copied().unwrap_or(0))
    }

    pub(super) fn group_list(&self) -> &'s [Comment] {
        self.comment.and_then(|i| self.comments.get(i)).map_or(&[], |g| g.list.as_slice())
    }

    pub(super) fn comments_have_newline(&self, list: &[Comment]) -> bool {
        let line = list.first().map_or(0, |c| self.line_for(c.start));
        list.iter()
            .enumerate()
            .any(|(i, c)| (i > 0 && self.line_for(c.start) != line) || c.is_line() || c.text.contains('\n'))
    }

    pub(super) fn next_comment(&mut self) {
        while self.cindex < self.comments.len() {
            let i = self.cindex;
            self.cindex += 1;
            if let Some(first) = self.comments.get(i).and_then(|g| g.list.first()) {
                self.comment = Some(i);
                self.comment_offset = first.start;
                self.comment_newline =
                    self.comments_have_newline(self.comments.get(i).map_or(&[], |g| g.list.as_slice()));
                return;
            }
        }
        self.comment_offset = INFINITY;
    }

    pub fn comment_before(&self, next: Pos) -> bool {
        self.comment_offset < next.offset && (!self.implied_semi || !self.comment_newline)
    }

    /// Bytes of the comments before `next`, without consuming them.
    pub fn comment_size_before(&mut self, next: Pos) -> usize {
        let saved = (self.cindex, self.comment, self.comment_offset, self.comment_newline);
        let mut size = 0;
        while self.comment_before(next) {
            size += self.group_list().iter().map(|c| c.text.len()).sum::<usize>();
            self.next_comment();
        }
        (self.cindex, self.comment, self.comment_offset, self.comment_newline) = saved;
        size
    }

    fn write_indent(&mut self) {
        let n = self.indent.max(0) as usize;
        self.output.extend(std::iter::repeat_n(b'\t', n));
        self.pos.offset += n;
        self.pos.column += n;
        self.out.column += n;
    }

    pub fn write_byte(&mut self, ch: u8, n: usize) {
        let mut ch = ch;
        if self.end_alignment {
            match ch {
                b'\t' | b'\x0b' => ch = b' ',
                b'\n' | b'\x0c' => {
                    ch = b'\x0c';
                    self.end_alignment = false;
                }
                _ => {}
            }
        }
        if self.out.column == 1 {
            self.write_indent();
        }
        self.output.extend(std::iter::repeat_n(ch, n));
        self.pos.offset += n;
        if ch == b'\n' || ch == b'\x0c' {
            self.pos.line += n;
            self.out.line += n;
            self.pos.column = 1;
            self.out.column = 1;
            return;
        }
        self.pos.column += n;
        self.out.column += n;
    }

    pub(super) fn write_string(&mut self, pos: Pos, s: &str, is_lit: bool) {
        if self.out.column == 1 {
            self.write_indent();
        }
        if pos.valid() {
            self.pos = pos;
        }
        if is_lit {
            self.output.push(ESCAPE);
        }
        self.output.extend_from_slice(s.as_bytes());
        let nlines = s.bytes().filter(|&b| b == b'\n' || b == b'\x0c').count();
        let li = s.bytes().rposition(|b| b == b'\n' || b == b'\x0c');
        if nlines > 0 {
            self.end_alignment = true;
        }
        self.pos.offset += s.len();
        if let (true, Some(li)) = (nlines > 0, li) {
            self.pos.line += nlines;
            self.out.line += nlines;
            let c = s.len() - li;
            self.pos.column = c;
            self.out.column = c;
        } else {
            self.pos.column += s.len();
            self.out.column += s.len();
        }
        if is_lit {
            self.output.push(ESCAPE);
        }
        self.last = self.pos;
    }

    pub(super) fn write_whitespace(&mut self, n: usize) {
        let mut i = 0;
        while i < n {
            let Some(ch) = self.wsbuf.get(i).copied() else { break };
            match ch {
                Ws::Ignore => {}
                Ws::Indent => self.indent += 1,
                Ws::Unindent => self.indent = (self.indent - 1).max(0),
                Ws::Newline | Ws::Formfeed if i + 1 < n && self.wsbuf.get(i + 1) == Some(&Ws::Unindent) => {
                    if let Some(w) = self.wsbuf.get_mut(i) {
                        *w = Ws::Unindent;
                    }
                    if let Some(w) = self.wsbuf.get_mut(i + 1) {
                        *w = Ws::Formfeed;
                    }
                    continue;
                }
                Ws::Blank => self.write_byte(b' ', 1),
                Ws::Vtab => self.write_byte(b'\x0b', 1),
                Ws::Newline => self.write_byte(b'\n', 1),
                Ws::Formfeed => self.write_byte(b'\x0c', 1),
            }
            i += 1;
        }
        let n = n.min(self.wsbuf.len());
        self.wsbuf.drain(..n);
    }

    pub fn ws(&mut self, w: Ws) {
        self.track_prev_open();
        if w == Ws::Ignore {
            return;
        }
        if self.wsbuf.len() == 16 {
            self.write_whitespace(16);
        }
        self.wsbuf.push(w);
        if matches!(w, Ws::Newline | Ws::Formfeed) {
            self.implied_semi = false;
        }
        self.last_tok = Last::None;
    }

    /// Toggles `pmode` bits.
    pub fn mode(&mut self, m: u8) {
        self.track_prev_open();
        self.mode ^= m;
    }

    fn track_prev_open(&mut self) {
        self.prev_open = match self.last_tok {
            Last::None => self.prev_open,
            Last::Tok(t @ ("(" | "[")) => Last::Tok(t),
            _ => Last::None,
        };
    }

    /// A token, keyword or operator.
    pub fn tok(&mut self, s: &'static str) {
        self.track_prev_open();
        let first = s.as_bytes().first().copied().unwrap_or(0);
        let combine = match self.last_tok {
            Last::Int => first == b'.',
            Last::Tok("+") => first == b'+',
            Last::Tok("-") => first == b'-',
            Last::Tok("/") => first == b'*',
            Last::Tok("<") => first == b'-' || first == b'<',
            Last::Tok("&") => first == b'&' || first == b'^',
            _ => false,
        };
        if combine {
            self.wsbuf.clear();
            self.wsbuf.push(Ws::Blank);
        }
        let semi = matches!(s, "break" | "continue" | "fallthrough" | "return" | "++" | "--" | ")" | "]" | "}");
        self.last_tok = Last::Tok(s);
        self.emit(s, false, semi);
    }

    pub fn ident(&mut self, name: &str) {
        self.track_prev_open();
        self.last_tok = Last::Ident;
        self.emit(name, false, true);
    }

    /// A literal, written as is (escaped from the tabwriter).
    pub fn lit(&mut self, text: &str, is_int: bool) {
        self.track_prev_open();
        self.last_tok = if is_int { Last::Int } else { Last::Lit };
        self.emit(text, true, true);
    }

    fn emit(&mut self, data: &str, is_lit: bool, implied_semi: bool) {
        let mut implied_semi = implied_semi;
        let next = self.pos;
        let (wrote_newline, dropped_ff) = self.flush(next, self.last_tok);
        if !self.implied_semi {
            let mut n = nlimit(next.line.saturating_sub(self.pos.line));
            if wrote_newline && n == MAX_NEWLINES {
                n = MAX_NEWLINES - 1;
            }
            if n > 0 {
                let ch = if dropped_ff { b'\x0c' } else { b'\n' };
                self.write_byte(ch, n);
                implied_semi = false;
            }
        }
        if let Some(slot) = self.line_slot.take() {
            if let Some(s) = self.slots.get_mut(slot) {
                *s = self.out.line;
            }
        }
        self.write_string(next, data, is_lit);
        self.implied_semi = implied_semi;
    }

    pub fn flush(&mut self, next: Pos, tok: Last) -> (bool, bool) {
        if self.comment_before(next) {
            self.intersperse_comments(next, tok)
        } else {
            self.write_whitespace(self.wsbuf.len());
            (false, false)
        }
    }

    /// The final flush: the rest of the comments, as before EOF.
    pub fn finish(&mut self) {
        self.implied_semi = false;
        let end = Pos { offset: INFINITY, line: INFINITY, column: 0 };
        self.flush(end, Last::Tok("EOF"));
    }

    /// go/printer's `linebreak`: at least `min` line breaks, as many as the source had up to
    /// `line` (at most [`MAX_NEWLINES`]); the first is a formfeed when `new_section`.
    pub fn linebreak(&mut self, line: usize, min: usize, ws: Ws, new_section: bool) -> usize {
        let mut n = nlimit(line.saturating_sub(self.pos.line)).max(min);
        let mut nbreaks = 0;
        if n > 0 {
            self.ws(ws);
            if new_section {
                self.ws(Ws::Formfeed);
                n -= 1;
                nbreaks = 2;
            }
            nbreaks += n;
            for _ in 0..n {
                self.ws(Ws::Newline);
            }
        }
        nbreaks
    }
}
