//! The `strings` package's pure functions over run-time values, with Go's exact semantics on
//! byte strings that need not be UTF-8 (invalid bytes decode as U+FFFD, width 1).
//!
//! Case mapping keeps Go's simple (one rune to one rune) mappings: a rune whose full mapping
//! has several runes (`ß`) is left as is. The tables ([`UPPER`], [`LOWER`]) are Rust's
//! `char::to_uppercase`/`to_lowercase` (Unicode 17) reduced to those mappings and stored as
//! ranges: 3 KB of data where Rust's own tables take 26 KB of the wasm (a test checks that they
//! agree on every rune).

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

/// Maps `r` (not ASCII) through a case table: each entry is `delta << 32 | stride2 << 28 |
/// count << 21 | lo`, mapping the `count` runes `lo, lo + s, lo + 2s, …` (`s` = 2 when
/// `stride2`, else 1) to themselves plus `delta`; entries are sorted by `lo`.
fn map_case(table: &[u64], r: u32) -> u32 {
    let i = table.partition_point(|&e| (e as u32 & 0x1F_FFFF) <= r);
    let Some(&e) = i.checked_sub(1).and_then(|i| table.get(i)) else {
        return r;
    };
    let (lo, count, stride) = (e as u32 & 0x1F_FFFF, (e as u32 >> 21) & 0x7F, 1 + ((e as u32 >> 28) & 1));
    let k = r - lo;
    if k.is_multiple_of(stride) && k / stride < count {
        r.wrapping_add((e >> 32) as u32)
    } else {
        r
    }
}

/// Rust's `to_uppercase` where it gives one rune, else `r`.
fn to_upper(r: u32) -> u32 {
    if r < 0x80 {
        return (r as u8).to_ascii_uppercase() as u32;
    }
    map_case(&UPPER, r)
}

/// Rust's `to_lowercase` where it gives one rune, else `r`; `İ` gives `i` as in Go.
fn to_lower(r: u32) -> u32 {
    match r {
        0..0x80 => (r as u8).to_ascii_lowercase() as u32,
        0x130 => 'i' as u32,
        _ => map_case(&LOWER, r),
    }
}

// Generated from Rust 1.95's `char::to_uppercase`/`to_lowercase`; see `case_tables_match_rust`.
#[rustfmt::skip]
const UPPER: [u64; 197] = [
    0x2e7002000b5, 0xffffffe002e000e0, 0xffffffe000e000f8, 0x79002000ff, 0xffffffff13000101,
    0xffffff1800200131, 0xffffffff10600133, 0xffffffff1100013a, 0xffffffff12e0014b,
    0xffffffff1060017a, 0xfffffed40020017f, 0xc300200180, 0xffffffff10400183, 0xffffffff00200188,
    0xffffffff0020018c, 0xffffffff00200192, 0x6100200195, 0xffffffff00200199, 0xa30020019a,
    0xa6410020019b, 0x820020019e, 0xffffffff106001a1, 0xffffffff002001a8, 0xffffffff002001ad,
    0xffffffff002001b0, 0xffffffff104001b4, 0xffffffff002001b9, 0xffffffff002001bd, 0x38002001bf,
    0xffffffff002001c5, 0xfffffffe002001c6, 0xffffffff002001c8, 0xfffffffe002001c9,
    0xffffffff002001cb, 0xfffffffe002001cc, 0xffffffff110001ce, 0xffffffb1002001dd,
    0xffffffff112001df, 0xffffffff002001f2, 0xfffffffe002001f3, 0xffffffff002001f5,
    0xffffffff128001f9, 0xffffffff11200223, 0xffffffff0020023c, 0x2a3f0040023f, 0xffffffff00200242,
    0xffffffff10a00247, 0x2a1f00200250, 0x2a1c00200251, 0x2a1e00200252, 0xffffff2e00200253,
    0xffffff3200200254, 0xffffff3300400256, 0xffffff3600200259, 0xffffff350020025b, 0xa54f0020025c,
    0xffffff3300200260, 0xa54b00200261, 0xffffff3100200263, 0xa56700200264, 0xa52800200265,
    0xa54400200266, 0xffffff2f00200268, 0xffffff2d00200269, 0xa5440020026a, 0x29f70020026b,
    0xa5410020026c, 0xffffff2d0020026f, 0x29fd00200271, 0xffffff2b00200272, 0xffffff2a00200275,
    0x29e70020027d, 0xffffff2600200280, 0xa54300200282, 0xffffff2600200283, 0xa52a00200287,
    0xffffff2600200288, 0xffffffbb00200289, 0xffffff270040028a, 0xffffffb90020028c,
    0xffffff2500200292, 0xa5150020029d, 0xa5120020029e, 0x5400200345, 0xffffffff10400371,
    0xffffffff00200377, 0x820060037b, 0xffffffda002003ac, 0xffffffdb006003ad, 0xffffffe0022003b1,
    0xffffffe1002003c2, 0xffffffe0012003c3, 0xffffffc0002003cc, 0xffffffc1004003cd,
    0xffffffc2002003d0, 0xffffffc7002003d1, 0xffffffd1002003d5, 0xffffffca002003d6,
    0xfffffff8002003d7, 0xffffffff118003d9, 0xffffffaa002003f0, 0xffffffb0002003f1, 0x7002003f2,
    0xffffff8c002003f3, 0xffffffa0002003f5, 0xffffffff002003f8, 0xffffffff002003fb,
    0xffffffe004000430, 0xffffffb002000450, 0xffffffff12200461, 0xffffffff1360048b,
    0xffffffff10e004c2, 0xfffffff1002004cf, 0xffffffff160004d1, 0xffffffd004c00561, 0xbc0056010d0,
    0xbc0006010fd, 0xfffffff800c013f8, 0xffffe79200201c80, 0xffffe79300201c81, 0xffffe79c00201c82,
    0xffffe79e00401c83, 0xffffe79d00201c85, 0xffffe7a400201c86, 0xffffe7db00201c87, 0x89c200201c88,
    0xffffffff00201c8a, 0x8a0400201d79, 0xee600201d7d, 0x8a3800201d8e, 0xffffffff19601e01,
    0xffffffc500201e9b, 0xffffffff16001ea1, 0x801001f00, 0x800c01f10, 0x801001f20, 0x801001f30,
    0x800c01f40, 0x810801f51, 0x801001f60, 0x4a00401f70, 0x5600801f72, 0x6400401f76, 0x8000401f78,
    0x7000401f7a, 0x7e00401f7c, 0x800401fb0, 0xffffe3db00201fbe, 0x800401fd0, 0x800401fe0,
    0x700201fe5, 0xffffffe40020214e, 0xfffffff002002170, 0xffffffff00202184, 0xffffffe6034024d0,
    0xffffffd006002c30, 0xffffffff00202c61, 0xffffd5d500202c65, 0xffffd5d800202c66,
    0xffffffff10602c68, 0xffffffff00202c73, 0xffffffff00202c76, 0xffffffff16402c81,
    0xffffffff10402cec, 0xffffffff00202cf3, 0xffffe3a004c02d00, 0xffffe3a000202d27,
    0xffffe3a000202d2d, 0xffffffff12e0a641, 0xffffffff11c0a681, 0xffffffff10e0a723,
    0xffffffff13e0a733, 0xffffffff1040a77a, 0xffffffff10a0a77f, 0xffffffff0020a78c,
    0xffffffff1040a791, 0x300020a794, 0xffffffff1140a797, 0xffffffff1100a7b5, 0xffffffff1040a7c8,
    0xffffffff1100a7cd, 0xffffffff0020a7f6, 0xfffffc600020ab53, 0xffff68300a00ab70,
    0xffffffe00340ff41, 0xffffffd805010428, 0xffffffd8048104d8, 0xffffffd901610597,
    0xffffffd901e105a3, 0xffffffd900e105b3, 0xffffffd9004105bb, 0xffffffc006610cc0,
    0xffffffe002c10d70, 0xffffffe0040118c0, 0xffffffe004016e60, 0xffffffe503216ebb,
    0xffffffde0441e922,
];
#[rustfmt::skip]
const LOWER: [u64; 184] = [
    0x2002e000c0, 0x2000e000d8, 0x113000100, 0x110600132, 0x111000139, 0x112e0014a,
    0xffffff8700200178, 0x110600179, 0xd200200181, 0x110400182, 0xce00200186, 0x100200187,
    0xcd00400189, 0x10020018b, 0x4f0020018e, 0xca0020018f, 0xcb00200190, 0x100200191, 0xcd00200193,
    0xcf00200194, 0xd300200196, 0xd100200197, 0x100200198, 0xd30020019c, 0xd50020019d, 0xd60020019f,
    0x1106001a0, 0xda002001a6, 0x1002001a7, 0xda002001a9, 0x1002001ac, 0xda002001ae, 0x1002001af,
    0xd9004001b1, 0x1104001b3, 0xdb002001b7, 0x1002001b8, 0x1002001bc, 0x2002001c4, 0x1002001c5,
    0x2002001c7, 0x1002001c8, 0x2002001ca, 0x1112001cb, 0x1112001de, 0x2002001f1, 0x1104001f2,
    0xffffff9f002001f6, 0xffffffc8002001f7, 0x1128001f8, 0xffffff7e00200220, 0x111200222,
    0x2a2b0020023a, 0x10020023b, 0xffffff5d0020023d, 0x2a280020023e, 0x100200241,
    0xffffff3d00200243, 0x4500200244, 0x4700200245, 0x110a00246, 0x110400370, 0x100200376,
    0x740020037f, 0x2600200386, 0x2500600388, 0x400020038c, 0x3f0040038e, 0x2002200391,
    0x20012003a3, 0x8002003cf, 0x1118003d8, 0xffffffc4002003f4, 0x1002003f7, 0xfffffff9002003f9,
    0x1002003fa, 0xffffff7e006003fd, 0x5002000400, 0x2004000410, 0x112200460, 0x11360048a,
    0xf002004c0, 0x110e004c1, 0x1160004d0, 0x3004c00531, 0x1c6004c010a0, 0x1c60002010c7,
    0x1c60002010cd, 0x97d00a0013a0, 0x800c013f0, 0x100201c89, 0xfffff44005601c90,
    0xfffff44000601cbd, 0x119601e00, 0xffffe24100201e9e, 0x116001ea0, 0xfffffff801001f08,
    0xfffffff800c01f18, 0xfffffff801001f28, 0xfffffff801001f38, 0xfffffff800c01f48,
    0xfffffff810801f59, 0xfffffff801001f68, 0xfffffff801001f88, 0xfffffff801001f98,
    0xfffffff801001fa8, 0xfffffff800401fb8, 0xffffffb600401fba, 0xfffffff700201fbc,
    0xffffffaa00801fc8, 0xfffffff700201fcc, 0xfffffff800401fd8, 0xffffff9c00401fda,
    0xfffffff800401fe8, 0xffffff9000401fea, 0xfffffff900201fec, 0xffffff8000401ff8,
    0xffffff8200401ffa, 0xfffffff700201ffc, 0xffffe2a300202126, 0xffffdf410020212a,
    0xffffdfba0020212b, 0x1c00202132, 0x1002002160, 0x100202183, 0x1a034024b6, 0x3006002c00,
    0x100202c60, 0xffffd60900202c62, 0xfffff11a00202c63, 0xffffd61900202c64, 0x110602c67,
    0xffffd5e400202c6d, 0xffffd60300202c6e, 0xffffd5e100202c6f, 0xffffd5e200202c70, 0x100202c72,
    0x100202c75, 0xffffd5c100402c7e, 0x116402c80, 0x110402ceb, 0x100202cf2, 0x112e0a640,
    0x111c0a680, 0x110e0a722, 0x113e0a732, 0x11040a779, 0xffff75fc0020a77d, 0x110a0a77e,
    0x10020a78b, 0xffff5ad80020a78d, 0x11040a790, 0x11140a796, 0xffff5abc0020a7aa,
    0xffff5ab10020a7ab, 0xffff5ab50020a7ac, 0xffff5abf0020a7ad, 0xffff5abc0020a7ae,
    0xffff5aee0020a7b0, 0xffff5ad60020a7b1, 0xffff5aeb0020a7b2, 0x3a00020a7b3, 0x11100a7b4,
    0xffffffd00020a7c4, 0xffff5abd0020a7c5, 0xffff75c80020a7c6, 0x11040a7c7, 0xffff5a990020a7cb,
    0x11100a7cc, 0xffff59bf0020a7dc, 0x10020a7f5, 0x200340ff21, 0x2805010400, 0x28048104b0,
    0x2701610570, 0x2701e1057c, 0x2700e1058c, 0x2700410594, 0x4006610c80, 0x2002c10d50,
    0x20040118a0, 0x2004016e40, 0x1b03216ea0, 0x220441e900,
];

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

#[cfg(test)]
mod tests {
    use super::{to_lower, to_upper};

    /// Rust's one-rune case mapping, or `r` itself.
    fn rust_single(r: u32, mut it: impl Iterator<Item = char>) -> u32 {
        match (it.next(), it.next()) {
            (Some(c), None) => c as u32,
            _ => r,
        }
    }

    #[test]
    fn case_tables_match_rust() {
        for r in (0..0x11_0000).chain([0x11_0000, u32::MAX]) {
            let (up, low) = match char::from_u32(r) {
                Some(c) => (rust_single(r, c.to_uppercase()), rust_single(r, c.to_lowercase())),
                None => (r, r),
            };
            let low = if r == 0x130 { 'i' as u32 } else { low };
            assert_eq!(to_upper(r), up, "to_upper({r:#x})");
            assert_eq!(to_lower(r), low, "to_lower({r:#x})");
        }
    }
}
