//! The `strings` package's pure functions over run-time values, with Go's exact semantics on
//! byte strings that need not be UTF-8 (invalid bytes decode as U+FFFD, width 1).
//!
//! Case mapping uses Rust's Unicode tables, keeping Go's simple (one rune to one rune)
//! mappings: a rune whose full mapping has several runes (`ß`) is left as is.

use std::cell::RefCell;
use std::rc::Rc;

use super::bytecode::{Native, Program};
use super::fmt::decode_rune;
use super::value::{Slice, Value};

/// Results larger than this are refused (Go would exhaust memory), see [`call`].
const MAX_REPEAT_BYTES: usize = 1 << 30;

/// A non-nil `[]string` value holding `items`.
pub fn make_string_slice(items: Vec<Vec<u8>>) -> Value {
    let len = items.len();
    let backing: Vec<Value> = items.into_iter().map(Value::bytes).collect();
    Value::Slice(Rc::new(Slice { backing: Rc::new(RefCell::new(backing)), offset: 0, len, cap: len }))
}

/// Runs a pure `strings.*` function: `args` are its Go arguments in order (strings as
/// `Value::Str`, ints and runes as `Value::Int`, a `[]string` as `Value::Slice` or `Nil`); the
/// results come back in order (`SplitN` with `n == 0` gives `Nil`, Go's nil slice; other
/// `[]string` results are never nil). `None` for natives that are not pure `strings` functions, and
/// for `Repeat` with a negative count (the VM raises Go's panic `strings: negative Repeat
/// count`) or a result over 1 GiB (Go: `strings: Repeat output length overflow`, or out of
/// memory).
pub fn call(native: Native, args: &[Value], program: &Program) -> Option<Vec<Value>> {
    let _ = program;
    let s = |i: usize| args.get(i).map(Value::as_bytes).unwrap_or(&[]);
    let int = |i: usize| args.get(i).map(Value::as_int).unwrap_or(0);
    let string = |b: &[u8]| Value::bytes(b.to_vec());
    let one = |v: Value| Some(vec![v]);
    use Native as N;
    match native {
        N::StringsContains => one(Value::Bool(index(s(0), s(1)).is_some())),
        N::StringsContainsRune => one(Value::Bool(index_rune(s(0), int(1)).is_some())),
        N::StringsContainsAny => one(Value::Bool(runes(s(0)).any(|(_, r, _)| index_rune(s(1), r as i64).is_some()))),
        N::StringsHasPrefix => one(Value::Bool(s(0).starts_with(s(1)))),
        N::StringsHasSuffix => one(Value::Bool(s(0).ends_with(s(1)))),
        N::StringsIndex => one(pos(index(s(0), s(1)))),
        N::StringsIndexByte => one(pos(s(0).iter().position(|&c| c as i64 == int(1) & 0xFF))),
        N::StringsIndexRune => one(pos(index_rune(s(0), int(1)))),
        N::StringsLastIndex => one(pos(last_index(s(0), s(1)))),
        N::StringsSplit => one(split(s(0), s(1), -1)),
        N::StringsSplitN => one(split(s(0), s(1), int(2))),
        N::StringsJoin => one(Value::bytes(join(args.first(), s(1)))),
        N::StringsFields => one(fields(s(0))),
        N::StringsRepeat => {
            let count = usize::try_from(int(1)).ok()?;
            if s(0).len().checked_mul(count)? > MAX_REPEAT_BYTES {
                return None;
            }
            one(Value::bytes(s(0).repeat(count)))
        }
        N::StringsReplace => one(Value::bytes(replace(s(0), s(1), s(2), int(3)))),
        N::StringsReplaceAll => one(Value::bytes(replace(s(0), s(1), s(2), -1))),
        N::StringsToUpper => one(Value::bytes(map_runes(s(0), to_upper))),
        N::StringsToLower => one(Value::bytes(map_runes(s(0), to_lower))),
        N::StringsTitle => one(Value::bytes(title(s(0)))),
        N::StringsTrimSpace => one(string(trim_func(s(0), true, true, is_space))),
        N::StringsTrim => one(string(trim_func(s(0), true, true, |r| index_rune(s(1), r as i64).is_some()))),
        N::StringsTrimLeft => one(string(trim_func(s(0), true, false, |r| index_rune(s(1), r as i64).is_some()))),
        N::StringsTrimRight => one(string(trim_func(s(0), false, true, |r| index_rune(s(1), r as i64).is_some()))),
        N::StringsTrimPrefix => one(string(s(0).strip_prefix(s(1)).unwrap_or(s(0)))),
        N::StringsTrimSuffix => one(string(s(0).strip_suffix(s(1)).unwrap_or(s(0)))),
        N::StringsCount => one(Value::Int(count(s(0), s(1)) as i64)),
        N::StringsEqualFold => one(Value::Bool(equal_fold(s(0), s(1)))),
        N::StringsCompare => one(Value::Int(s(0).cmp(s(1)) as i64)),
        N::StringsCut => Some(match index(s(0), s(1)) {
            Some(i) => vec![
                string(s(0).get(..i).unwrap_or(&[])),
                string(s(0).get(i + s(1).len()..).unwrap_or(&[])),
                Value::Bool(true),
            ],
            None => vec![string(s(0)), string(b""), Value::Bool(false)],
        }),
        _ => None,
    }
}

fn pos(i: Option<usize>) -> Value {
    Value::Int(i.map_or(-1, |i| i as i64))
}

/// `(byte offset, rune, width)` of each rune, as Go's `for i, r := range s`.
fn runes(s: &[u8]) -> impl Iterator<Item = (usize, u32, usize)> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        let rest = s.get(i..).filter(|r| !r.is_empty())?;
        let (r, w) = decode_rune(rest);
        let item = (i, r, w.max(1));
        i += w.max(1);
        Some(item)
    })
}

/// Patterns up to this length are compared directly (at most this many steps per byte);
/// longer ones use Rabin-Karp, as Go does, to stay linear.
const DIRECT_SEARCH_MAX: usize = 16;

fn index(s: &[u8], sub: &[u8]) -> Option<usize> {
    match sub.len() {
        0 => Some(0),
        1..=DIRECT_SEARCH_MAX => s.windows(sub.len()).position(|w| w == sub),
        _ => rabin_karp(s, sub, false),
    }
}

fn last_index(s: &[u8], sub: &[u8]) -> Option<usize> {
    match sub.len() {
        0 => Some(s.len()),
        1..=DIRECT_SEARCH_MAX => s.windows(sub.len()).rposition(|w| w == sub),
        _ => rabin_karp(s, sub, true),
    }
}

/// Rabin-Karp search with Go's prime; `last` scans from the end.
fn rabin_karp(s: &[u8], sub: &[u8], last: bool) -> Option<usize> {
    const PRIME: u32 = 16_777_619;
    let (len, n) = (s.len(), sub.len());
    if n > len {
        return None;
    }
    // Byte `i` in scan order.
    let at = |b: &[u8], i: usize| {
        let i = if last { b.len().wrapping_sub(1 + i) } else { i };
        b.get(i).copied().unwrap_or(0) as u32
    };
    let (mut want, mut h, mut pow) = (0u32, 0u32, 1u32);
    for i in 0..n {
        want = want.wrapping_mul(PRIME).wrapping_add(at(sub, i));
        h = h.wrapping_mul(PRIME).wrapping_add(at(s, i));
        pow = pow.wrapping_mul(PRIME);
    }
    let found = |i: usize| {
        let start = if last { len - i - n } else { i };
        (s.get(start..start + n) == Some(sub)).then_some(start)
    };
    if h == want {
        if let Some(p) = found(0) {
            return Some(p);
        }
    }
    for i in n..len {
        h = h.wrapping_mul(PRIME).wrapping_add(at(s, i)).wrapping_sub(pow.wrapping_mul(at(s, i - n)));
        if h == want {
            if let Some(p) = found(i + 1 - n) {
                return Some(p);
            }
        }
    }
    None
}

/// `strings.IndexRune`: U+FFFD also matches invalid bytes; invalid runes match nothing.
fn index_rune(s: &[u8], r: i64) -> Option<usize> {
    match r {
        0..=0x7F => s.iter().position(|&c| c as i64 == r),
        0xFFFD => runes(s).find(|&(_, c, _)| c == 0xFFFD).map(|(i, _, _)| i),
        _ => {
            let c = char::from_u32(u32::try_from(r).ok()?)?;
            let mut buf = [0u8; 4];
            index(s, c.encode_utf8(&mut buf).as_bytes())
        }
    }
}

/// `strings.Count`: non-overlapping matches; an empty `sub` counts runes + 1.
fn count(s: &[u8], sub: &[u8]) -> usize {
    if sub.is_empty() {
        return runes(s).count() + 1;
    }
    let (mut n, mut i) = (0, 0);
    while let Some(j) = s.get(i..).and_then(|rest| index(rest, sub)) {
        n += 1;
        i += j + sub.len();
    }
    n
}

/// Go's `genSplit` (`n < 0`: all; `n == 0`: nil).
fn split(s: &[u8], sep: &[u8], n: i64) -> Value {
    if n == 0 {
        return Value::Nil;
    }
    let mut out = Vec::new();
    if sep.is_empty() {
        let runes: Vec<(usize, u32, usize)> = runes(s).collect();
        let l = runes.len();
        let n = if n < 0 || n as usize > l { l } else { n as usize };
        for &(i, _, w) in runes.iter().take(n.saturating_sub(1)) {
            out.push(s.get(i..i + w).unwrap_or(&[]).to_vec());
        }
        if n > 0 {
            let start = runes.get(n - 1).map_or(s.len(), |r| r.0);
            out.push(s.get(start..).unwrap_or(&[]).to_vec());
        }
        return make_string_slice(out);
    }
    let mut rest = s;
    let limit = if n < 0 { usize::MAX } else { n as usize - 1 };
    while out.len() < limit {
        let Some(m) = index(rest, sep) else { break };
        out.push(rest.get(..m).unwrap_or(&[]).to_vec());
        rest = rest.get(m + sep.len()..).unwrap_or(&[]);
    }
    out.push(rest.to_vec());
    make_string_slice(out)
}

fn join(elems: Option<&Value>, sep: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    if let Some(Value::Slice(sl)) = elems {
        if let Ok(backing) = sl.backing.try_borrow() {
            for (i, e) in backing.iter().skip(sl.offset).take(sl.len).enumerate() {
                if i > 0 {
                    out.extend_from_slice(sep);
                }
                out.extend_from_slice(e.as_bytes());
            }
        }
    }
    out
}

/// `unicode.IsSpace` (Rust's `White_Space` is the same set).
fn is_space(r: u32) -> bool {
    char::from_u32(r).is_some_and(char::is_whitespace)
}

fn fields(s: &[u8]) -> Value {
    let mut out = Vec::new();
    let mut start = None;
    for (i, r, _) in runes(s) {
        match (is_space(r), start) {
            (true, Some(st)) => {
                out.push(s.get(st..i).unwrap_or(&[]).to_vec());
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push(s.get(st..).unwrap_or(&[]).to_vec());
    }
    make_string_slice(out)
}

fn replace(s: &[u8], old: &[u8], new: &[u8], n: i64) -> Vec<u8> {
    if old == new || n == 0 {
        return s.to_vec();
    }
    let m = count(s, old);
    if m == 0 {
        return s.to_vec();
    }
    let n = if n < 0 || m < n as usize { m } else { n as usize };
    let mut out = Vec::with_capacity(s.len() + n.saturating_mul(new.len()));
    let mut start = 0;
    for i in 0..n {
        let rest = s.get(start..).unwrap_or(&[]);
        let j = if old.is_empty() {
            start + if i > 0 { decode_rune(rest).1 } else { 0 }
        } else {
            start + index(rest, old).unwrap_or(rest.len())
        };
        out.extend_from_slice(s.get(start..j).unwrap_or(&[]));
        out.extend_from_slice(new);
        start = j + old.len();
    }
    out.extend_from_slice(s.get(start..).unwrap_or(&[]));
    out
}

fn push_rune(out: &mut Vec<u8>, r: u32) {
    let mut buf = [0u8; 4];
    out.extend_from_slice(char::from_u32(r).unwrap_or('\u{FFFD}').encode_utf8(&mut buf).as_bytes());
}

/// `strings.Map`: invalid bytes come out as U+FFFD.
fn map_runes(s: &[u8], mut f: impl FnMut(u32) -> u32) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for (_, r, _) in runes(s) {
        push_rune(&mut out, f(r));
    }
    out
}

/// A one-rune case mapping, or `r` itself when the mapping is not 1:1.
fn single(r: u32, mut it: impl Iterator<Item = char>) -> u32 {
    match (it.next(), it.next()) {
        (Some(c), None) => c as u32,
        _ => r,
    }
}

fn to_upper(r: u32) -> u32 {
    char::from_u32(r).map_or(r, |c| single(r, c.to_uppercase()))
}

fn to_lower(r: u32) -> u32 {
    match r {
        0x130 => 'i' as u32,
        _ => char::from_u32(r).map_or(r, |c| single(r, c.to_lowercase())),
    }
}

/// `unicode.ToTitle`: upper case except for the Latin digraphs' title-case forms.
fn to_title(r: u32) -> u32 {
    match r {
        0x1C4..=0x1C6 => 0x1C5,
        0x1C7..=0x1C9 => 0x1C8,
        0x1CA..=0x1CC => 0x1CB,
        0x1F1..=0x1F3 => 0x1F2,
        _ => to_upper(r),
    }
}

/// `strings.Title`: upper-cases the first letter of each word (deprecated in Go, kept).
fn title(s: &[u8]) -> Vec<u8> {
    let is_separator = |r: u32| match char::from_u32(r) {
        Some(c) if c.is_ascii() => !(c.is_ascii_alphanumeric() || c == '_'),
        Some(c) if c.is_alphabetic() || c.is_numeric() => false,
        _ => is_space(r),
    };
    let mut prev = ' ' as u32;
    map_runes(s, |r| {
        let sep = is_separator(prev);
        prev = r;
        if sep {
            to_title(r)
        } else {
            r
        }
    })
}

/// Go's `TrimFunc` family on one or both ends.
fn trim_func(s: &[u8], left: bool, right: bool, cut: impl Fn(u32) -> bool) -> &[u8] {
    let mut s = s;
    if left {
        while let Some(&b0) = s.first() {
            let (r, w) = if b0 < 0x80 { (b0 as u32, 1) } else { decode_rune(s) };
            if !cut(r) {
                break;
            }
            s = s.get(w.max(1)..).unwrap_or(&[]);
        }
    }
    if right {
        while !s.is_empty() {
            let (r, w) = decode_last_rune(s);
            if !cut(r) {
                break;
            }
            s = s.get(..s.len() - w).unwrap_or(&[]);
        }
    }
    s
}

/// `utf8.DecodeLastRune` (non-empty input).
fn decode_last_rune(s: &[u8]) -> (u32, usize) {
    let end = s.len();
    let lim = end.saturating_sub(4);
    let mut start = end - 1;
    while start > lim && s.get(start).is_some_and(|&c| c & 0xC0 == 0x80) {
        start -= 1;
    }
    let (r, w) = decode_rune(s.get(start..).unwrap_or(&[]));
    if start + w != end {
        return (0xFFFD, 1);
    }
    (r, w.max(1))
}

/// `strings.EqualFold` under simple case folding.
fn equal_fold(a: &[u8], b: &[u8]) -> bool {
    let (mut x, mut y) = (runes(a), runes(b));
    loop {
        match (x.next(), y.next()) {
            (None, None) => return true,
            (Some((_, r, _)), Some((_, t, _))) => {
                if r != t && to_lower(r) != to_lower(t) && to_upper(r) != to_upper(t) {
                    return false;
                }
            }
            _ => return false,
        }
    }
}
