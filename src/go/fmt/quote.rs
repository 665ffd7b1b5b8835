//! UTF-8 decoding and Go-syntax quoting as Go's `unicode/utf8` and `strconv` do them
//! (`%q`, `%#v` of strings, `%+q` ASCII-only).

pub const RUNE_ERROR: u32 = 0xFFFD;
pub const MAX_RUNE: u32 = 0x10FFFF;

/// `utf8.DecodeRune`: the rune at the start of `b` and its width; invalid or truncated
/// encodings give `(U+FFFD, 1)`, an empty input `(U+FFFD, 0)`.
pub fn decode_rune(b: &[u8]) -> (u32, usize) {
    let Some(&b0) = b.first() else {
        return (RUNE_ERROR, 0);
    };
    if b0 < 0x80 {
        return (b0 as u32, 1);
    }
    let (n, init, lo, hi) = match b0 {
        0xC2..=0xDF => (2, (b0 & 0x1F) as u32, 0x80, 0xBF),
        0xE0 => (3, (b0 & 0x0F) as u32, 0xA0, 0xBF),
        0xED => (3, (b0 & 0x0F) as u32, 0x80, 0x9F),
        0xE1..=0xEF => (3, (b0 & 0x0F) as u32, 0x80, 0xBF),
        0xF0 => (4, (b0 & 0x07) as u32, 0x90, 0xBF),
        0xF4 => (4, (b0 & 0x07) as u32, 0x80, 0x8F),
        0xF1..=0xF3 => (4, (b0 & 0x07) as u32, 0x80, 0xBF),
        _ => return (RUNE_ERROR, 1),
    };
    let mut r = init;
    for i in 1..n {
        let Some(&c) = b.get(i) else {
            return (RUNE_ERROR, 1);
        };
        let (l, h) = if i == 1 { (lo, hi) } else { (0x80, 0xBF) };
        if c < l || c > h {
            return (RUNE_ERROR, 1);
        }
        r = (r << 6) | (c & 0x3F) as u32;
    }
    (r, n)
}

/// `utf8.RuneCount`.
pub fn rune_count(b: &[u8]) -> usize {
    let mut i = 0;
    let mut n = 0;
    while i < b.len() {
        let w = if b.get(i).is_some_and(|&c| c < 0x80) { 1 } else { decode_rune(b.get(i..).unwrap_or(&[])).1 };
        i += w.max(1);
        n += 1;
    }
    n
}

/// Appends the UTF-8 encoding of `r` (invalid runes as U+FFFD), as `utf8.AppendRune`.
pub fn push_rune(out: &mut Vec<u8>, r: u32) {
    let c = char::from_u32(r).unwrap_or('\u{FFFD}');
    let mut buf = [0u8; 4];
    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
}

/// `strconv.IsPrint`: letters, marks, numbers, punctuation, symbols and the ASCII space.
/// Rust's `escape_debug` uses the same definition (categories L M N P S, plus ' '); a
/// leading 'a' keeps it from escaping combining marks, which Go prints as is.
pub fn is_print(r: u32) -> bool {
    if r < 0x80 {
        return (0x20..0x7F).contains(&r);
    }
    let Some(c) = char::from_u32(r) else {
        return false;
    };
    let mut buf = [0u8; 8];
    buf[0] = b'a';
    let len = 1 + c.encode_utf8(&mut buf[1..]).len();
    match std::str::from_utf8(buf.get(..len).unwrap_or(&[])) {
        Ok(s) => s.escape_debug().count() == 2,
        Err(_) => false,
    }
}

/// `strconv.appendEscapedRune`.
fn push_escaped_rune(out: &mut Vec<u8>, r: u32, quote: u8, ascii_only: bool) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    if r == quote as u32 || r == '\\' as u32 {
        out.push(b'\\');
        out.push(r as u8);
        return;
    }
    let printable = if ascii_only { r < 0x80 && is_print(r) } else { is_print(r) };
    if printable {
        push_rune(out, r);
        return;
    }
    let simple = match r {
        7 => Some(b'a'),
        8 => Some(b'b'),
        0xC => Some(b'f'),
        0xA => Some(b'n'),
        0xD => Some(b'r'),
        9 => Some(b't'),
        0xB => Some(b'v'),
        _ => None,
    };
    if let Some(c) = simple {
        out.extend_from_slice(&[b'\\', c]);
        return;
    }
    let hex = |out: &mut Vec<u8>, v: u32, n: u32| {
        for s in (0..n).rev() {
            out.push(HEX[((v >> (4 * s)) & 15) as usize]);
        }
    };
    if r < 0x20 || r == 0x7F {
        out.extend_from_slice(b"\\x");
        hex(out, r, 2);
    } else {
        let r = if r > MAX_RUNE || (0xD800..0xE000).contains(&r) { RUNE_ERROR } else { r };
        if r < 0x10000 {
            out.extend_from_slice(b"\\u");
            hex(out, r, 4);
        } else {
            out.extend_from_slice(b"\\U");
            hex(out, r, 8);
        }
    }
}

/// `strconv.Quote` / `QuoteToASCII`: invalid bytes as `\xNN`.
pub fn quote(out: &mut Vec<u8>, s: &[u8], ascii_only: bool) {
    out.push(b'"');
    let mut i = 0;
    while let Some(rest) = s.get(i..).filter(|r| !r.is_empty()) {
        let (r, w) = decode_rune(rest);
        if w == 1 && r == RUNE_ERROR {
            let b = rest.first().copied().unwrap_or(0);
            out.extend_from_slice(format!("\\x{b:02x}").as_bytes());
        } else {
            push_escaped_rune(out, r, b'"', ascii_only);
        }
        i += w.max(1);
    }
    out.push(b'"');
}

/// `strconv.QuoteRune` / `QuoteRuneToASCII`.
pub fn quote_rune(out: &mut Vec<u8>, r: u32, ascii_only: bool) {
    let r = if r > MAX_RUNE || (0xD800..0xE000).contains(&r) { RUNE_ERROR } else { r };
    out.push(b'\'');
    push_escaped_rune(out, r, b'\'', ascii_only);
    out.push(b'\'');
}

/// `strconv.CanBackquote`: valid UTF-8 without control characters (tab allowed), backquotes
/// or U+FEFF.
pub fn can_backquote(s: &[u8]) -> bool {
    let mut i = 0;
    while let Some(rest) = s.get(i..).filter(|r| !r.is_empty()) {
        let (r, w) = decode_rune(rest);
        if w == 1 && r == RUNE_ERROR {
            return false;
        }
        if r == 0xFEFF || r == '`' as u32 || r == 0x7F || (r < 0x20 && r != '\t' as u32) {
            return false;
        }
        i += w.max(1);
    }
    true
}
