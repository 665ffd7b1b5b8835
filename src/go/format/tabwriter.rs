//! gofmt's output stage: `text/tabwriter` as go/printer configures it (minwidth 0, tabwidth 8,
//! padding 1, pad with spaces, `DiscardEmptyColumns | TabIndent`), then go/printer's
//! `trimmer` (drops trailing white space and the escape bytes, turns `\f` into `\n`).
//!
//! Ported rather than reinvented: column alignment of trailing comments, struct fields and
//! `const`/`var` blocks is exactly the tabwriter's cell algorithm over what the printer wrote.

/// Brackets text the tabwriter must not split into cells (literals, comments).
pub(super) const ESCAPE: u8 = 0xff;

const TABWIDTH: usize = 8;
const PADDING: usize = 1;

#[derive(Clone, Copy, Default)]
struct Cell {
    /// Bytes of the cell's text in `buf`.
    size: usize,
    /// Width in runes (escape bytes excluded).
    width: usize,
    /// Ended by `\t` rather than `\v`: never discarded as an empty column.
    htab: bool,
}

struct Writer {
    buf: Vec<u8>,
    pos: usize,
    cell: Cell,
    in_escape: bool,
    lines: Vec<Vec<Cell>>,
    widths: Vec<usize>,
    out: Vec<u8>,
}

/// Runes in `bytes`, counting each byte that does not continue a sequence (as Go's
/// `utf8.RuneCount` counts an invalid byte as one rune).
fn rune_count(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count()
}

impl Writer {
    fn new() -> Self {
        Writer {
            buf: Vec::new(),
            pos: 0,
            cell: Cell::default(),
            in_escape: false,
            lines: vec![Vec::new()],
            widths: Vec::new(),
            out: Vec::new(),
        }
    }

    fn reset(&mut self) {
        self.buf.clear();
        self.pos = 0;
        self.cell = Cell::default();
        self.in_escape = false;
        self.lines.clear();
        self.lines.push(Vec::new());
        self.widths.clear();
    }

    fn append(&mut self, text: &[u8]) {
        self.buf.extend_from_slice(text);
        self.cell.size += text.len();
    }

    fn update_width(&mut self) {
        self.cell.width += rune_count(self.buf.get(self.pos..).unwrap_or(&[]));
        self.pos = self.buf.len();
    }

    fn end_escape(&mut self) {
        self.update_width();
        self.cell.width = self.cell.width.saturating_sub(2);
        self.pos = self.buf.len();
        self.in_escape = false;
    }

    fn terminate_cell(&mut self, htab: bool) -> usize {
        self.cell.htab = htab;
        let cell = std::mem::take(&mut self.cell);
        match self.lines.last_mut() {
            Some(line) => {
                line.push(cell);
                line.len()
            }
            None => {
                self.lines.push(vec![cell]);
                1
            }
        }
    }

    fn write_padding(&mut self, textw: usize, cellw: usize, use_tabs: bool) {
        if use_tabs {
            let cellw = cellw.div_ceil(TABWIDTH) * TABWIDTH;
            let n = cellw.saturating_sub(textw);
            self.out.extend(std::iter::repeat_n(b'\t', n.div_ceil(TABWIDTH)));
            return;
        }
        self.out.extend(std::iter::repeat_n(b' ', cellw.saturating_sub(textw)));
    }

    fn write_lines(&mut self, mut pos: usize, line0: usize, line1: usize) -> usize {
        for i in line0..line1 {
            let line = self.lines.get(i).cloned().unwrap_or_default();
            let mut use_tabs = true;
            for (j, c) in line.iter().enumerate() {
                if c.size == 0 {
                    if let Some(&w) = self.widths.get(j) {
                        self.write_padding(c.width, w, use_tabs);
                    }
                } else {
                    use_tabs = false;
                    let text = self.buf.get(pos..pos + c.size).unwrap_or(&[]).to_vec();
                    self.out.extend_from_slice(&text);
                    pos += c.size;
                    if let Some(&w) = self.widths.get(j) {
                        self.write_padding(c.width, w, false);
                    }
                }
            }
            if i + 1 == self.lines.len() {
                let text = self.buf.get(pos..pos + self.cell.size).unwrap_or(&[]).to_vec();
                self.out.extend_from_slice(&text);
                pos += self.cell.size;
            } else {
                self.out.push(b'\n');
            }
        }
        pos
    }

    /// Lays out lines `line0..line1` column by column (tabwriter's `format`).
    fn format(&mut self, mut pos: usize, mut line0: usize, line1: usize) -> usize {
        let column = self.widths.len();
        let mut this = line0;
        while this < line1 {
            let len = self.lines.get(this).map_or(0, Vec::len);
            if column + 1 >= len {
                this += 1;
                continue;
            }
            pos = self.write_lines(pos, line0, this);
            line0 = this;
            let mut width = 0;
            let mut discardable = true;
            while this < line1 {
                let Some(line) = self.lines.get(this) else { break };
                if column + 1 >= line.len() {
                    break;
                }
                if let Some(c) = line.get(column) {
                    width = width.max(c.width + PADDING);
                    if c.width > 0 || c.htab {
                        discardable = false;
                    }
                }
                this += 1;
            }
            if discardable {
                width = 0;
            }
            self.widths.push(width);
            pos = self.format(pos, line0, this);
            self.widths.pop();
            line0 = this;
        }
        self.write_lines(pos, line0, line1)
    }

    fn flush(&mut self) {
        if self.cell.size > 0 {
            if self.in_escape {
                self.end_escape();
            }
            self.terminate_cell(false);
        }
        let n = self.lines.len();
        self.format(0, 0, n);
        self.reset();
    }

    fn write(&mut self, input: &[u8]) {
        let mut n = 0;
        for (i, &ch) in input.iter().enumerate() {
            if !self.in_escape {
                match ch {
                    b'\t' | b'\x0b' | b'\n' | b'\x0c' => {
                        self.append(input.get(n..i).unwrap_or(&[]));
                        self.update_width();
                        n = i + 1;
                        let ncells = self.terminate_cell(ch == b'\t');
                        if ch == b'\n' || ch == b'\x0c' {
                            self.lines.push(Vec::new());
                            if ch == b'\x0c' || ncells == 1 {
                                self.flush();
                            }
                        }
                    }
                    ESCAPE => {
                        self.append(input.get(n..i).unwrap_or(&[]));
                        self.update_width();
                        n = i;
                        self.in_escape = true;
                    }
                    _ => {}
                }
            } else if ch == ESCAPE {
                self.append(input.get(n..i + 1).unwrap_or(&[]));
                n = i + 1;
                self.end_escape();
            }
        }
        self.append(input.get(n..).unwrap_or(&[]));
    }
}

/// The tabwriter's output for the printer's raw output.
pub(super) fn align(raw: &[u8]) -> Vec<u8> {
    let mut w = Writer::new();
    w.write(raw);
    w.flush();
    w.out
}

/// go/printer's `trimmer`: trailing blanks and tabs go, escapes vanish, `\f` is `\n`.
pub(super) fn trim(data: &[u8]) -> Vec<u8> {
    #[derive(PartialEq)]
    enum State {
        Space,
        Escape,
        Text,
    }
    let mut out = Vec::with_capacity(data.len());
    let mut space: Vec<u8> = Vec::new();
    let mut state = State::Space;
    let mut m = 0;
    for (n, &b) in data.iter().enumerate() {
        let b = if b == b'\x0b' { b'\t' } else { b };
        match state {
            State::Space => match b {
                b'\t' | b' ' => space.push(b),
                b'\n' | b'\x0c' => {
                    space.clear();
                    out.push(b'\n');
                }
                ESCAPE => {
                    out.append(&mut space);
                    state = State::Escape;
                    m = n + 1;
                }
                _ => {
                    out.append(&mut space);
                    state = State::Text;
                    m = n;
                }
            },
            State::Escape => {
                if b == ESCAPE {
                    out.extend_from_slice(data.get(m..n).unwrap_or(&[]));
                    space.clear();
                    state = State::Space;
                }
            }
            State::Text => match b {
                b'\t' | b' ' => {
                    out.extend_from_slice(data.get(m..n).unwrap_or(&[]));
                    space.clear();
                    space.push(b);
                    state = State::Space;
                }
                b'\n' | b'\x0c' => {
                    out.extend_from_slice(data.get(m..n).unwrap_or(&[]));
                    space.clear();
                    state = State::Space;
                    out.push(b'\n');
                }
                ESCAPE => {
                    out.extend_from_slice(data.get(m..n).unwrap_or(&[]));
                    state = State::Escape;
                    m = n + 1;
                }
                _ => {}
            },
        }
    }
    if state != State::Space {
        out.extend_from_slice(data.get(m..).unwrap_or(&[]));
    }
    out
}
