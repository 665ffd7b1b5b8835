//! Go's lexer, a port of gc's scanner (`cmd/compile/internal/syntax/scanner.go`): same tokens,
//! same automatic semicolons, same error wording and positions, so `prog.go:L:C` matches.
//!
//! Tokens carry spans only; the parser reads names back from the source and decodes literal
//! values with [`decode_string`] / [`decode_rune`] when it builds the tree.

use super::ast::{BinaryOp, Span};
use super::diag::Diagnostic;
use super::token::{LitKind, Op, SemiKind, Tok, Token};

/// Turns source into tokens on demand. Lexical errors accumulate in `diags`.
pub struct Lexer<'a> {
    src: &'a str,
    bytes: &'a [u8],
    pos: usize,
    /// A newline or EOF now becomes `;` (the last token was a name, literal, `)`, ...).
    nlsemi: bool,
    pub diags: Vec<Diagnostic>,
}

/// All tokens of `src` up to and including `Eof`, and the lexical errors.
pub fn tokenize(src: &str) -> (Vec<Token>, Vec<Diagnostic>) {
    let mut lx = Lexer::new(src);
    let mut out = Vec::new();
    loop {
        let t = lx.next_token();
        out.push(t);
        if t.tok == Tok::Eof {
            break;
        }
    }
    (out, lx.diags)
}

fn is_letter(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_'
}

fn is_hex(c: u8) -> bool {
    c.is_ascii_hexdigit()
}

fn base_name(base: u32) -> &'static str {
    match base {
        2 => "binary",
        8 => "octal",
        16 => "hexadecimal",
        _ => "decimal",
    }
}

/// Go's `strconv.IsPrint`, near enough for messages.
fn is_print(c: char) -> bool {
    c == ' '
        || !(c.is_control()
            || c.is_whitespace()
            || matches!(c, '\u{AD}' | '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{2064}')
            || c == '\u{FEFF}')
}

/// Go's `%#U`: `U+0040 '@'`.
pub fn format_u(c: char) -> String {
    if is_print(c) {
        format!("U+{:04X} '{c}'", c as u32)
    } else {
        format!("U+{:04X}", c as u32)
    }
}

/// Go's `%q` for a rune: `'x'`, `'\n'`, `'\x00'`.
pub fn quote_rune(c: char) -> String {
    let inner = match c {
        '\'' => "\\'".to_string(),
        '\\' => "\\\\".to_string(),
        '\n' => "\\n".to_string(),
        '\t' => "\\t".to_string(),
        '\r' => "\\r".to_string(),
        '\u{7}' => "\\a".to_string(),
        '\u{8}' => "\\b".to_string(),
        '\u{c}' => "\\f".to_string(),
        '\u{b}' => "\\v".to_string(),
        c if is_print(c) => c.to_string(),
        c if (c as u32) < 0x80 => format!("\\x{:02x}", c as u32),
        c if (c as u32) < 0x10000 => format!("\\u{:04x}", c as u32),
        c => format!("\\U{:08x}", c as u32),
    };
    format!("'{inner}'")
}

impl<'a> Lexer<'a> {
    pub fn new(src: &'a str) -> Self {
        // gc ignores a byte order mark at the very start.
        let pos = if src.starts_with('\u{FEFF}') { 3 } else { 0 };
        Lexer { src, bytes: src.as_bytes(), pos, nlsemi: false, diags: Vec::new() }
    }

    /// The current byte, or `None` at the end.
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn peek_at(&self, off: usize) -> Option<u8> {
        self.bytes.get(self.pos + off).copied()
    }

    /// The current character (for non-ASCII input).
    fn cur_char(&self) -> Option<char> {
        self.src.get(self.pos..).and_then(|s| s.chars().next())
    }

    /// Moves past the current character (1 to 4 bytes).
    fn bump(&mut self) {
        match self.peek() {
            Some(b) if b < 0x80 => self.pos += 1,
            Some(_) => self.pos += self.cur_char().map_or(1, char::len_utf8),
            None => {}
        }
    }

    fn error_at(&mut self, pos: usize, msg: String) {
        self.diags.push(Diagnostic::new(Span::new(pos as u32, pos as u32 + 1), msg));
    }

    /// An error at the current character, like gc's `errorf`.
    fn error_here(&mut self, msg: String) {
        self.error_at(self.pos, msg);
    }

    fn token(&self, tok: Tok, start: usize) -> Token {
        Token { tok, span: Span::new(start as u32, self.pos as u32), bad: false }
    }

    /// The next token; after the end, `Eof` forever.
    pub fn next_token(&mut self) -> Token {
        let nlsemi = self.nlsemi;
        self.nlsemi = false;
        loop {
            while let Some(c) = self.peek() {
                if c == b' ' || c == b'\t' || c == b'\r' || (c == b'\n' && !nlsemi) {
                    self.pos += 1;
                } else {
                    break;
                }
            }
            let start = self.pos;
            let Some(c) = self.peek() else {
                if nlsemi {
                    return self.token(Tok::Semi(SemiKind::Eof), start);
                }
                return self.token(Tok::Eof, start);
            };
            if is_letter(c) || (c >= 0x80 && self.at_ident_char(true)) {
                self.bump();
                return self.ident(start);
            }
            self.pos += 1;
            let tok = match c {
                b'\n' => Tok::Semi(SemiKind::Newline),
                b'0'..=b'9' => {
                    self.pos = start;
                    return self.number(start, false);
                }
                b'"' => return self.std_string(start),
                b'`' => return self.raw_string(start),
                b'\'' => return self.rune(start),
                b'(' => Tok::Lparen,
                b'[' => Tok::Lbrack,
                b'{' => Tok::Lbrace,
                b',' => Tok::Comma,
                b';' => Tok::Semi(SemiKind::Semicolon),
                b')' => {
                    self.nlsemi = true;
                    Tok::Rparen
                }
                b']' => {
                    self.nlsemi = true;
                    Tok::Rbrack
                }
                b'}' => {
                    self.nlsemi = true;
                    Tok::Rbrace
                }
                b':' => {
                    if self.peek() == Some(b'=') {
                        self.pos += 1;
                        Tok::Define
                    } else {
                        Tok::Colon
                    }
                }
                b'.' => {
                    if self.peek().is_some_and(|d| d.is_ascii_digit()) {
                        return self.number(start, true);
                    }
                    if self.peek() == Some(b'.') && self.peek_at(1) == Some(b'.') {
                        self.pos += 2;
                        Tok::DotDotDot
                    } else {
                        Tok::Dot
                    }
                }
                b'+' | b'-' => {
                    let op = if c == b'+' { BinaryOp::Add } else { BinaryOp::Sub };
                    if self.peek() == Some(c) {
                        self.pos += 1;
                        self.nlsemi = true;
                        Tok::IncOp(c == b'+')
                    } else {
                        self.assign_op(op)
                    }
                }
                b'*' => {
                    if self.peek() == Some(b'=') {
                        self.pos += 1;
                        Tok::AssignOp(BinaryOp::Mul)
                    } else {
                        Tok::Star
                    }
                }
                b'/' => match self.peek() {
                    Some(b'/') => {
                        while self.peek().is_some_and(|b| b != b'\n') {
                            self.pos += 1;
                        }
                        continue;
                    }
                    Some(b'*') => {
                        self.pos += 1;
                        let multi_line = self.block_comment(start);
                        if multi_line && nlsemi {
                            return self.token(Tok::Semi(SemiKind::Newline), start);
                        }
                        continue;
                    }
                    _ => self.assign_op(BinaryOp::Div),
                },
                b'%' => self.assign_op(BinaryOp::Rem),
                b'&' => {
                    if self.peek() == Some(b'&') {
                        self.pos += 1;
                        Tok::Operator(Op::Binary(BinaryOp::LogAnd))
                    } else if self.peek() == Some(b'^') {
                        self.pos += 1;
                        self.assign_op(BinaryOp::AndNot)
                    } else {
                        self.assign_op(BinaryOp::And)
                    }
                }
                b'|' => {
                    if self.peek() == Some(b'|') {
                        self.pos += 1;
                        Tok::Operator(Op::Binary(BinaryOp::LogOr))
                    } else {
                        self.assign_op(BinaryOp::Or)
                    }
                }
                b'^' => self.assign_op(BinaryOp::Xor),
                b'<' => match self.peek() {
                    Some(b'=') => {
                        self.pos += 1;
                        Tok::Operator(Op::Binary(BinaryOp::Le))
                    }
                    Some(b'<') => {
                        self.pos += 1;
                        self.assign_op(BinaryOp::Shl)
                    }
                    Some(b'-') => {
                        self.pos += 1;
                        Tok::Arrow
                    }
                    _ => Tok::Operator(Op::Binary(BinaryOp::Lt)),
                },
                b'>' => match self.peek() {
                    Some(b'=') => {
                        self.pos += 1;
                        Tok::Operator(Op::Binary(BinaryOp::Ge))
                    }
                    Some(b'>') => {
                        self.pos += 1;
                        self.assign_op(BinaryOp::Shr)
                    }
                    _ => Tok::Operator(Op::Binary(BinaryOp::Gt)),
                },
                b'=' => {
                    if self.peek() == Some(b'=') {
                        self.pos += 1;
                        Tok::Operator(Op::Binary(BinaryOp::Eq))
                    } else {
                        Tok::Assign
                    }
                }
                b'!' => {
                    if self.peek() == Some(b'=') {
                        self.pos += 1;
                        Tok::Operator(Op::Binary(BinaryOp::Ne))
                    } else {
                        Tok::Operator(Op::Not)
                    }
                }
                b'~' => Tok::Operator(Op::Tilde),
                _ => {
                    self.pos = start;
                    let ch = self.cur_char().unwrap_or('\u{FFFD}');
                    self.error_here(format!("invalid character {}", format_u(ch)));
                    self.bump();
                    continue;
                }
            };
            return self.token(tok, start);
        }
    }

    fn assign_op(&mut self, op: BinaryOp) -> Tok {
        if self.peek() == Some(b'=') {
            self.pos += 1;
            Tok::AssignOp(op)
        } else {
            Tok::Operator(Op::Binary(op))
        }
    }

    /// Skips a `/* */` comment (opening consumed); true if it spans lines.
    fn block_comment(&mut self, start: usize) -> bool {
        let mut multi_line = false;
        loop {
            match self.peek() {
                None => {
                    self.error_at(start, "comment not terminated".to_string());
                    return multi_line;
                }
                Some(b'*') if self.peek_at(1) == Some(b'/') => {
                    self.pos += 2;
                    return multi_line;
                }
                Some(b'\n') => {
                    multi_line = true;
                    self.pos += 1;
                }
                Some(_) => self.pos += 1,
            }
        }
    }

    /// gc's `atIdentChar`: letters and digits continue a name; other non-ASCII characters are
    /// reported but still taken as part of it.
    fn at_ident_char(&mut self, first: bool) -> bool {
        let Some(c) = self.cur_char() else { return false };
        if c.is_alphabetic() || c == '_' {
            return true;
        }
        if c.is_numeric() {
            if first {
                self.error_here(format!("identifier cannot begin with digit {}", format_u(c)));
            }
            return true;
        }
        if (c as u32) >= 0x80 {
            self.error_here(format!("invalid character {} in identifier", format_u(c)));
            return true;
        }
        false
    }

    fn ident(&mut self, start: usize) -> Token {
        loop {
            match self.peek() {
                Some(c) if is_letter(c) || c.is_ascii_digit() => self.pos += 1,
                Some(c) if c >= 0x80 && self.at_ident_char(false) => self.bump(),
                _ => break,
            }
        }
        let word = self.bytes.get(start..self.pos).unwrap_or(&[]);
        if let Some(kw) = Tok::keyword(word) {
            self.nlsemi = matches!(kw, Tok::Break | Tok::Continue | Tok::Fallthrough | Tok::Return);
            return self.token(kw, start);
        }
        self.nlsemi = true;
        self.token(Tok::Name, start)
    }

    fn lit(&mut self, kind: LitKind, start: usize, ok: bool) -> Token {
        self.nlsemi = true;
        let mut t = self.token(Tok::Literal(kind), start);
        t.bad = !ok;
        t
    }

    /// gc's `digits`: bit 0 set if digits were seen, bit 1 if `_` was seen.
    fn digits(&mut self, base: u32, start: usize, invalid: &mut Option<usize>) -> u8 {
        let mut digsep = 0;
        while let Some(c) = self.peek() {
            let is_digit = if base <= 10 { c.is_ascii_digit() } else { is_hex(c) };
            if c == b'_' {
                digsep |= 2;
            } else if is_digit {
                digsep |= 1;
                if base <= 10 && u32::from(c - b'0') >= base && invalid.is_none() {
                    *invalid = Some(self.pos - start);
                }
            } else {
                break;
            }
            self.pos += 1;
        }
        digsep
    }

    fn number(&mut self, start: usize, seen_point: bool) -> Token {
        let mut ok = true;
        let mut kind = LitKind::Int;
        let mut base = 10;
        let mut prefix = 0u8;
        let mut digsep = 0u8;
        let mut invalid = None;
        let mut seen_point = seen_point;
        if !seen_point {
            if self.peek() == Some(b'0') {
                self.pos += 1;
                match self.peek().map(|c| c.to_ascii_lowercase()) {
                    Some(b'x') => (base, prefix) = (16, b'x'),
                    Some(b'o') => (base, prefix) = (8, b'o'),
                    Some(b'b') => (base, prefix) = (2, b'b'),
                    _ => (base, prefix, digsep) = (8, b'0', 1),
                }
                if prefix != b'0' {
                    self.pos += 1;
                }
            }
            digsep |= self.digits(base, start, &mut invalid);
            if self.peek() == Some(b'.') {
                if prefix == b'o' || prefix == b'b' {
                    self.error_here(format!("invalid radix point in {} literal", base_name(base)));
                    ok = false;
                }
                self.pos += 1;
                seen_point = true;
            }
        }
        if seen_point {
            kind = LitKind::Float;
            digsep |= self.digits(base, start, &mut invalid);
        }
        if digsep & 1 == 0 && ok {
            self.error_here(format!("{} literal has no digits", base_name(base)));
            ok = false;
        }
        let e = self.peek().map(|c| c.to_ascii_lowercase());
        if e == Some(b'e') || e == Some(b'p') {
            if ok {
                let ch = char::from(self.peek().unwrap_or(b'e'));
                if e == Some(b'e') && prefix != 0 && prefix != b'0' {
                    self.error_here(format!("{} exponent requires decimal mantissa", quote_rune(ch)));
                    ok = false;
                } else if e == Some(b'p') && prefix != b'x' {
                    self.error_here(format!("{} exponent requires hexadecimal mantissa", quote_rune(ch)));
                    ok = false;
                }
            }
            self.pos += 1;
            kind = LitKind::Float;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            let mut none = None;
            digsep = self.digits(10, start, &mut none) | (digsep & 2);
            if digsep & 1 == 0 && ok {
                self.error_here("exponent has no digits".to_string());
                ok = false;
            }
        } else if prefix == b'x' && kind == LitKind::Float && ok {
            self.error_here("hexadecimal mantissa requires a 'p' exponent".to_string());
            ok = false;
        }
        if self.peek() == Some(b'i') {
            kind = LitKind::Imag;
            self.pos += 1;
        }
        if kind == LitKind::Int && ok {
            if let Some(i) = invalid {
                let d = char::from(self.bytes.get(start + i).copied().unwrap_or(b'0'));
                self.error_at(start + i, format!("invalid digit {} in {} literal", quote_rune(d), base_name(base)));
                ok = false;
            }
        }
        if digsep & 2 != 0 && ok {
            if let Some(i) = invalid_sep(self.bytes.get(start..self.pos).unwrap_or(&[])) {
                self.error_at(start + i, "'_' must separate successive digits".to_string());
                ok = false;
            }
        }
        self.lit(kind, start, ok)
    }

    fn rune(&mut self, start: usize) -> Token {
        let mut ok = true;
        let mut n = 0;
        loop {
            match self.peek() {
                Some(b'\'') => {
                    if ok {
                        if n == 0 {
                            self.error_here("empty rune literal or unescaped '".to_string());
                            ok = false;
                        } else if n != 1 {
                            self.error_at(start, "more than one character in rune literal".to_string());
                            ok = false;
                        }
                    }
                    self.pos += 1;
                    break;
                }
                Some(b'\\') => {
                    self.pos += 1;
                    if !self.escape(b'\'') {
                        ok = false;
                    }
                }
                Some(b'\n') => {
                    if ok {
                        self.error_here("newline in rune literal".to_string());
                        ok = false;
                    }
                    break;
                }
                None => {
                    if ok {
                        self.error_at(start, "rune literal not terminated".to_string());
                        ok = false;
                    }
                    break;
                }
                Some(_) => self.bump(),
            }
            n += 1;
        }
        self.lit(LitKind::Rune, start, ok)
    }

    fn std_string(&mut self, start: usize) -> Token {
        let mut ok = true;
        loop {
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    break;
                }
                Some(b'\\') => {
                    self.pos += 1;
                    if !self.escape(b'"') {
                        ok = false;
                    }
                }
                Some(b'\n') => {
                    self.error_here("newline in string".to_string());
                    ok = false;
                    break;
                }
                None => {
                    self.error_at(start, "string not terminated".to_string());
                    ok = false;
                    break;
                }
                Some(_) => self.bump(),
            }
        }
        self.lit(LitKind::String, start, ok)
    }

    fn raw_string(&mut self, start: usize) -> Token {
        let mut ok = true;
        loop {
            match self.peek() {
                Some(b'`') => {
                    self.pos += 1;
                    break;
                }
                None => {
                    self.error_at(start, "string not terminated".to_string());
                    ok = false;
                    break;
                }
                Some(_) => self.bump(),
            }
        }
        self.lit(LitKind::String, start, ok)
    }

    /// Checks one escape after its `\`, like gc's `escape`; false after reporting an error.
    fn escape(&mut self, quote: u8) -> bool {
        let Some(c) = self.peek() else { return true };
        let (n, base, max): (u32, u32, u32) = match c {
            b'a' | b'b' | b'f' | b'n' | b'r' | b't' | b'v' | b'\\' => {
                self.pos += 1;
                return true;
            }
            c if c == quote => {
                self.pos += 1;
                return true;
            }
            b'0'..=b'7' => (3, 8, 255),
            b'x' => (2, 16, 255),
            b'u' => (4, 16, 0x10FFFF),
            b'U' => (8, 16, 0x10FFFF),
            _ => {
                self.error_here("unknown escape".to_string());
                return false;
            }
        };
        if base == 16 {
            self.pos += 1;
        }
        let mut x: u32 = 0;
        for _ in 0..n {
            let Some(ch) = self.cur_char() else { return true };
            let d = ch.to_digit(16).filter(|d| *d < base);
            let Some(d) = d else {
                self.error_here(format!("invalid character {} in {} escape", quote_rune(ch), base_name(base)));
                return false;
            };
            x = x.wrapping_mul(base).wrapping_add(d);
            self.pos += 1;
        }
        if x > max && base == 8 {
            self.error_here(format!("octal escape value {x} > 255"));
            return false;
        }
        if x > max || (0xD800..0xE000).contains(&x) {
            let shown = char::from_u32(x).map_or_else(|| format!("U+{x:04X}"), format_u);
            self.error_here(format!("escape is invalid Unicode code point {shown}"));
            return false;
        }
        true
    }
}

/// gc's `invalidSep`: index of the first `_` that does not separate digits.
fn invalid_sep(x: &[u8]) -> Option<usize> {
    let mut x1 = b' ';
    let mut d = b'.';
    let mut i = 0;
    if x.len() >= 2 && x.first() == Some(&b'0') {
        x1 = x.get(1).map_or(b' ', |c| c.to_ascii_lowercase());
        if matches!(x1, b'x' | b'o' | b'b') {
            d = b'0';
            i = 2;
        }
    }
    while let Some(&c) = x.get(i) {
        let p = d;
        d = c;
        if d == b'_' {
            if p != b'0' {
                return Some(i);
            }
        } else if d.is_ascii_digit() || (x1 == b'x' && is_hex(d)) {
            d = b'0';
        } else {
            if p == b'_' {
                return Some(i - 1);
            }
            d = b'.';
        }
        i += 1;
    }
    if d == b'_' {
        return Some(x.len() - 1);
    }
    None
}

/// Reads one escape's value from `text` (after the `\`); returns the value, whether it is a
/// byte (`\x`, octal) rather than a code point, and the bytes used.
fn read_escape(text: &[u8]) -> (u32, bool, usize) {
    let simple = |v: u8| (u32::from(v), false, 1);
    match text.first() {
        Some(b'a') => simple(7),
        Some(b'b') => simple(8),
        Some(b'f') => simple(12),
        Some(b'n') => simple(b'\n'),
        Some(b'r') => simple(b'\r'),
        Some(b't') => simple(b'\t'),
        Some(b'v') => simple(11),
        Some(&c @ (b'\\' | b'\'' | b'"')) => simple(c),
        Some(b'0'..=b'7') => {
            let digits: Vec<u32> =
                text.iter().take(3).take_while(|c| (b'0'..=b'7').contains(*c)).map(|c| u32::from(c - b'0')).collect();
            let v = digits.iter().fold(0u32, |acc, d| acc * 8 + d);
            (v & 0xFF, true, digits.len())
        }
        Some(&k @ (b'x' | b'u' | b'U')) => {
            let n = match k {
                b'x' => 2,
                b'u' => 4,
                _ => 8,
            };
            let hex: Vec<u32> = text.iter().skip(1).take(n).map_while(|c| char::from(*c).to_digit(16)).collect();
            let v = hex.iter().fold(0u32, |acc, d| acc.wrapping_mul(16).wrapping_add(*d));
            (v, k == b'x', 1 + hex.len())
        }
        Some(_) => (u32::from(b'\\'), true, 0),
        None => (u32::from(b'\\'), true, 0),
    }
}

fn push_char(out: &mut Vec<u8>, v: u32) {
    let c = char::from_u32(v).unwrap_or('\u{FFFD}');
    let mut buf = [0u8; 4];
    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
}

/// The bytes a string literal stands for (`"..."` with escapes, or `` `...` `` without `\r`).
/// Tolerates malformed literals (errors were reported by the lexer).
pub fn decode_string(lit: &str) -> Vec<u8> {
    let bytes = lit.as_bytes();
    if let Some(rest) = bytes.strip_prefix(b"`") {
        let body = rest.strip_suffix(b"`").unwrap_or(rest);
        return body.iter().copied().filter(|&b| b != b'\r').collect();
    }
    let body = bytes.strip_prefix(b"\"").unwrap_or(bytes);
    let body =
        if body.ends_with(b"\"") && !ends_escaped(body) { body.get(..body.len() - 1).unwrap_or(body) } else { body };
    let mut out = Vec::with_capacity(body.len());
    let mut i = 0;
    while let Some(&b) = body.get(i) {
        if b != b'\\' {
            out.push(b);
            i += 1;
            continue;
        }
        let (v, is_byte, used) = read_escape(body.get(i + 1..).unwrap_or(&[]));
        if is_byte {
            out.push((v & 0xFF) as u8);
        } else {
            push_char(&mut out, v);
        }
        i += 1 + used;
    }
    out
}

/// Whether the final `"` of `body` is itself escaped (`"abc\"` is unterminated).
fn ends_escaped(body: &[u8]) -> bool {
    let slashes = body.iter().rev().skip(1).take_while(|&&b| b == b'\\').count();
    slashes % 2 == 1
}

/// The value of a rune literal (`'a'`, `'\n'`, `'\xff'` is U+00FF); U+FFFD when malformed.
pub fn decode_rune(lit: &str) -> char {
    let body = lit.strip_prefix('\'').unwrap_or(lit);
    match body.as_bytes().first() {
        Some(b'\\') => {
            let (v, _, _) = read_escape(body.as_bytes().get(1..).unwrap_or(&[]));
            char::from_u32(v).unwrap_or('\u{FFFD}')
        }
        Some(_) => body.chars().next().unwrap_or('\u{FFFD}'),
        None => '\u{FFFD}',
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<Tok> {
        tokenize(src).0.into_iter().map(|t| t.tok).collect()
    }

    #[test]
    fn semicolons_after_names_and_closers() {
        let toks = kinds("x\n)\nreturn\nfoo(\n");
        assert_eq!(
            toks,
            vec![
                Tok::Name,
                Tok::Semi(SemiKind::Newline),
                Tok::Rparen,
                Tok::Semi(SemiKind::Newline),
                Tok::Return,
                Tok::Semi(SemiKind::Newline),
                Tok::Name,
                Tok::Lparen,
                Tok::Eof
            ]
        );
    }

    #[test]
    fn decodes_escapes() {
        assert_eq!(decode_string(r#""a\n\t\\\"\x41\101\u00e9\U0001F600""#), "a\n\t\\\"AAé😀".as_bytes());
        assert_eq!(decode_string("\"\\xff\""), vec![0xff]);
        assert_eq!(decode_string("`a\r\nb`"), b"a\nb".to_vec());
        assert_eq!(decode_rune(r"'\x41'"), 'A');
        assert_eq!(decode_rune("'é'"), 'é');
    }
}
