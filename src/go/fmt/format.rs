//! Go's `fmt/format.go`: padding, integers, strings, runes and floats under the flags,
//! width and precision of one verb.

use super::float::append_float;
use super::quote::{can_backquote, decode_rune, is_print, push_rune, quote, quote_rune, rune_count, MAX_RUNE};

pub const LDIGITS: &[u8; 17] = b"0123456789abcdefx";
pub const UDIGITS: &[u8; 17] = b"0123456789ABCDEFX";

/// Flags, width and precision of the verb being printed (Go's `fmtFlags` + `wid`/`prec`).
#[derive(Clone, Copy, Debug, Default)]
pub struct Fmt {
    pub wid_present: bool,
    pub prec_present: bool,
    pub minus: bool,
    pub plus: bool,
    pub sharp: bool,
    pub space: bool,
    pub zero: bool,
    pub plus_v: bool,
    pub sharp_v: bool,
    pub wid: i64,
    pub prec: i64,
}

impl Fmt {
    pub fn clear(&mut self) {
        *self = Fmt::default();
    }

    pub fn write_padding(&self, buf: &mut Vec<u8>, n: i64) {
        if n <= 0 {
            return;
        }
        let pad = if self.zero && !self.minus { b'0' } else { b' ' };
        buf.resize(buf.len() + n as usize, pad);
    }

    /// Appends `b` padded to the width (counted in runes).
    pub fn pad(&self, buf: &mut Vec<u8>, b: &[u8]) {
        if !self.wid_present || self.wid == 0 {
            buf.extend_from_slice(b);
            return;
        }
        let width = self.wid - rune_count(b) as i64;
        if !self.minus {
            self.write_padding(buf, width);
            buf.extend_from_slice(b);
        } else {
            buf.extend_from_slice(b);
            self.write_padding(buf, width);
        }
    }

    /// `pad` with zero padding off (numbers that already placed their zeros).
    fn pad_no_zero(&mut self, buf: &mut Vec<u8>, b: &[u8]) {
        let old = self.zero;
        self.zero = false;
        self.pad(buf, b);
        self.zero = old;
    }

    pub fn fmt_boolean(&self, buf: &mut Vec<u8>, v: bool) {
        self.pad(buf, if v { b"true" } else { b"false" });
    }

    /// `%U`: `U+0041`, with `#`: `U+0041 'A'`.
    pub fn fmt_unicode(&mut self, buf: &mut Vec<u8>, u: u64) {
        let prec = if self.prec_present && self.prec > 4 { self.prec as usize } else { 4 };
        // Built by hand: Rust's runtime widths stop at 65535, Go's precision at 1e6.
        let hex = format!("{u:X}");
        let mut s = Vec::with_capacity(prec.max(hex.len()) + 8);
        s.extend_from_slice(b"U+");
        s.resize(2 + prec.saturating_sub(hex.len()), b'0');
        s.extend_from_slice(hex.as_bytes());
        if self.sharp && u <= MAX_RUNE as u64 && is_print(u as u32) {
            s.extend_from_slice(b" '");
            push_rune(&mut s, u as u32);
            s.push(b'\'');
        }
        self.pad_no_zero(buf, &s);
    }

    /// Integers in base 2, 8, 10 or 16 (`fmtInteger`).
    pub fn fmt_integer(&mut self, buf: &mut Vec<u8>, u: u64, base: u64, signed: bool, verb: char, digits: &[u8; 17]) {
        let negative = signed && (u as i64) < 0;
        let mut u = if negative { (u as i64).unsigned_abs() } else { u };
        let mut prec = 0i64;
        if self.prec_present {
            prec = self.prec;
            if prec == 0 && u == 0 {
                let old = self.zero;
                self.zero = false;
                self.write_padding(buf, self.wid);
                self.zero = old;
                return;
            }
        } else if self.zero && !self.minus && self.wid_present {
            prec = self.wid;
            if negative || self.plus || self.space {
                prec -= 1;
            }
        }
        // Digits are produced backwards into `rev`, then reversed.
        let mut rev: Vec<u8> = Vec::with_capacity(24 + prec.max(0) as usize);
        loop {
            rev.push(digits.get((u % base) as usize).copied().unwrap_or(b'0'));
            u /= base;
            if u == 0 {
                break;
            }
        }
        while (rev.len() as i64) < prec {
            rev.push(b'0');
        }
        if self.sharp {
            match base {
                2 => rev.extend_from_slice(b"b0"),
                8 if rev.last() != Some(&b'0') => rev.push(b'0'),
                16 => rev.extend_from_slice(&[digits[16], b'0']),
                _ => {}
            }
        }
        if verb == 'O' {
            rev.extend_from_slice(b"o0");
        }
        if negative {
            rev.push(b'-');
        } else if self.plus {
            rev.push(b'+');
        } else if self.space {
            rev.push(b' ');
        }
        rev.reverse();
        self.pad_no_zero(buf, &rev);
    }

    /// The string truncated to the precision, counted in runes.
    fn truncate<'a>(&self, s: &'a [u8]) -> &'a [u8] {
        if self.prec_present {
            let mut n = self.prec;
            let mut i = 0;
            while i < s.len() {
                n -= 1;
                if n < 0 {
                    return s.get(..i).unwrap_or(s);
                }
                i += decode_rune(s.get(i..).unwrap_or(&[])).1.max(1);
            }
        }
        s
    }

    /// `%s`
    pub fn fmt_s(&self, buf: &mut Vec<u8>, s: &[u8]) {
        let s = self.truncate(s);
        self.pad(buf, s);
    }

    /// `%x` / `%X` of a string or byte slice (`fmtSbx`).
    pub fn fmt_sbx(&self, buf: &mut Vec<u8>, s: &[u8], digits: &[u8; 17]) {
        let mut length = s.len() as i64;
        if self.prec_present && self.prec < length {
            length = self.prec;
        }
        let mut width = 2 * length;
        if width > 0 {
            if self.space {
                if self.sharp {
                    width *= 2;
                }
                width += length - 1;
            } else if self.sharp {
                width += 2;
            }
        } else {
            if self.wid_present {
                self.write_padding(buf, self.wid);
            }
            return;
        }
        if self.wid_present && self.wid > width && !self.minus {
            self.write_padding(buf, self.wid - width);
        }
        if self.sharp {
            buf.extend_from_slice(&[b'0', digits[16]]);
        }
        for (i, &c) in s.iter().take(length as usize).enumerate() {
            if self.space && i > 0 {
                buf.push(b' ');
                if self.sharp {
                    buf.extend_from_slice(&[b'0', digits[16]]);
                }
            }
            buf.extend_from_slice(&[digits[(c >> 4) as usize], digits[(c & 0xF) as usize]]);
        }
        if self.wid_present && self.wid > width && self.minus {
            self.write_padding(buf, self.wid - width);
        }
    }

    /// `%q` of a string: backquoted with `#` when possible, ASCII-only with `+`.
    pub fn fmt_q(&self, buf: &mut Vec<u8>, s: &[u8]) {
        let s = self.truncate(s);
        let mut q = Vec::with_capacity(s.len() + 2);
        if self.sharp && can_backquote(s) {
            q.push(b'`');
            q.extend_from_slice(s);
            q.push(b'`');
        } else {
            quote(&mut q, s, self.plus);
        }
        self.pad(buf, &q);
    }

    /// `%c`
    pub fn fmt_c(&self, buf: &mut Vec<u8>, c: u64) {
        let mut b = Vec::with_capacity(4);
        push_rune(&mut b, c.min(u32::MAX as u64) as u32);
        self.pad(buf, &b);
    }

    /// `%q` of a rune.
    pub fn fmt_qc(&self, buf: &mut Vec<u8>, c: u64) {
        let mut b = Vec::with_capacity(8);
        quote_rune(&mut b, c.min(u32::MAX as u64) as u32, self.plus);
        self.pad(buf, &b);
    }

    /// Floats (`fmtFloat`): sign handling, `#` keeping trailing zeros, zero padding after the
    /// sign.
    pub fn fmt_float(&mut self, buf: &mut Vec<u8>, v: f64, bits32: bool, verb: u8, prec: i64) {
        let prec = if self.prec_present { self.prec } else { prec };
        let mut num = vec![b'+'];
        append_float(&mut num, v, verb, prec, bits32);
        if num.get(1).is_some_and(|&c| c == b'-' || c == b'+') {
            num.remove(0);
        }
        if self.space && num.first() == Some(&b'+') && !self.plus {
            num[0] = b' ';
        }
        if num.get(1).is_some_and(|&c| c == b'I' || c == b'N') {
            let mut num: &[u8] = &num;
            if num.get(1) == Some(&b'N') && !self.space && !self.plus {
                num = num.get(1..).unwrap_or(num);
            }
            let num = num.to_vec();
            self.pad_no_zero(buf, &num);
            return;
        }
        if self.sharp && verb != b'b' {
            let mut digits = match verb {
                b'v' | b'g' | b'G' | b'x' => {
                    if prec == -1 {
                        6
                    } else {
                        prec
                    }
                }
                _ => 0,
            };
            let mut tail = Vec::new();
            let mut has_point = false;
            let mut saw_nonzero = false;
            let mut i = 1;
            while i < num.len() {
                let c = num[i];
                match c {
                    b'.' => has_point = true,
                    b'p' | b'P' => {
                        tail.extend_from_slice(num.get(i..).unwrap_or(&[]));
                        num.truncate(i);
                    }
                    b'e' | b'E' if verb != b'x' && verb != b'X' => {
                        tail.extend_from_slice(num.get(i..).unwrap_or(&[]));
                        num.truncate(i);
                    }
                    _ => {
                        if c != b'0' {
                            saw_nonzero = true;
                        }
                        if saw_nonzero {
                            digits -= 1;
                        }
                    }
                }
                i += 1;
            }
            if !has_point {
                if num.len() == 2 && num.get(1) == Some(&b'0') {
                    digits -= 1;
                }
                num.push(b'.');
            }
            while digits > 0 {
                num.push(b'0');
                digits -= 1;
            }
            num.extend_from_slice(&tail);
        }
        if self.plus || num.first() != Some(&b'+') {
            if self.zero && !self.minus && self.wid_present && self.wid > num.len() as i64 {
                buf.push(num[0]);
                self.write_padding(buf, self.wid - num.len() as i64);
                buf.extend_from_slice(num.get(1..).unwrap_or(&[]));
                return;
            }
            self.pad(buf, &num);
            return;
        }
        self.pad(buf, num.get(1..).unwrap_or(&[]));
    }
}
