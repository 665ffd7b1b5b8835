//! Slices, arrays, strings and maps: indexing, slicing, `append`, `copy`, `len`, map access
//! and iteration, with Go's run-time error messages.

use std::cell::RefCell;
use std::rc::Rc;

use super::super::bytecode::Op;
use super::super::types::{TypeId, TypeKind};
use super::super::value::{ElemPtr, Key, Map, MapIter, Slice, Value};
use super::fiber::Fiber;
use super::ops::SLOT;
use super::Res;

/// Approximate heap bytes of one map entry besides its key and value slots.
const MAP_ENTRY: u64 = 48;

/// Go's bounds-check kinds (runtime/error.go `boundsError`).
#[derive(Clone, Copy)]
enum Bounds {
    SliceAlen,
    SliceAcap,
    SliceB,
    Slice3Alen,
    Slice3Acap,
    Slice3B,
    Slice3C,
}

/// Go's message for a failed slice bounds check on `x` (and `y`).
fn bounds_msg(kind: Bounds, x: i64, y: i64) -> String {
    let body = if x < 0 {
        match kind {
            Bounds::SliceAlen | Bounds::SliceAcap => format!("[:{x}]"),
            Bounds::SliceB => format!("[{x}:]"),
            Bounds::Slice3Alen | Bounds::Slice3Acap => format!("[::{x}]"),
            Bounds::Slice3B => format!("[:{x}:]"),
            Bounds::Slice3C => format!("[{x}::]"),
        }
    } else {
        match kind {
            Bounds::SliceAlen => format!("[:{x}] with length {y}"),
            Bounds::SliceAcap => format!("[:{x}] with capacity {y}"),
            Bounds::SliceB => format!("[{x}:{y}]"),
            Bounds::Slice3Alen => format!("[::{x}] with length {y}"),
            Bounds::Slice3Acap => format!("[::{x}] with capacity {y}"),
            Bounds::Slice3B => format!("[:{x}:{y}]"),
            Bounds::Slice3C => format!("[{x}:{y}:]"),
        }
    };
    format!("slice bounds out of range {body}")
}

impl Fiber {
    pub(super) fn slow_seq(&mut self, op: Op) -> Res {
        match op {
            Op::Index => {
                let i = self.pop().as_int();
                let x = self.pop();
                let v = self.index(&x, i)?;
                self.push(v);
            }
            Op::SetIndex => {
                let v = self.pop();
                let i = self.pop().as_int();
                let x = self.pop();
                let (target, index) = self.element(&x, i)?;
                let mut elems = target.borrow_mut();
                if let Some(slot) = elems.get_mut(index) {
                    *slot = v;
                }
            }
            Op::IndexAddr => {
                let i = self.pop().as_int();
                let x = self.pop();
                let (target, index) = self.element(&x, i)?;
                self.push(Value::ElemPtr(Rc::new(ElemPtr { target, index })));
            }
            Op::MapIndex { elem } | Op::MapIndexOk { elem } => {
                let k = self.pop();
                let m = self.pop();
                let found = match &m {
                    Value::Map(map) => {
                        let key = self.map_key(&k)?;
                        map.borrow().entries.get(&key).map(|(_, v)| v.clone())
                    }
                    _ => None,
                };
                let ok = found.is_some();
                let v = match found {
                    Some(v) => v,
                    None => self.zero_checked(elem)?,
                };
                self.push(v);
                if matches!(op, Op::MapIndexOk { .. }) {
                    self.push(Value::Bool(ok));
                }
            }
            Op::SetMapIndex => {
                let v = self.pop();
                let k = self.pop();
                let m = self.pop();
                let Value::Map(map) = m else {
                    return Err(self.runtime_panic_plain("assignment to entry in nil map"));
                };
                let key = self.map_key(&k)?;
                let new = !map.borrow().entries.contains_key(&key);
                if new {
                    self.alloc(MAP_ENTRY + 2 * SLOT)?;
                }
                map.borrow_mut().entries.insert(key, (k, v));
            }
            Op::Delete => {
                let k = self.pop();
                let m = self.pop();
                if let Value::Map(map) = m {
                    let key = self.map_key(&k)?;
                    if map.borrow_mut().entries.remove(&key).is_some() {
                        self.free(MAP_ENTRY + 2 * SLOT);
                    }
                }
            }
            Op::MakeMap { n, .. } => {
                let pairs = self.pop_n(2 * n as usize);
                self.alloc(u64::from(n) * (MAP_ENTRY + 2 * SLOT))?;
                let mut map = Map::default();
                let mut it = pairs.into_iter();
                while let (Some(k), Some(v)) = (it.next(), it.next()) {
                    let key = self.map_key(&k)?;
                    map.entries.insert(key, (k, v));
                }
                self.push(Value::Map(Rc::new(RefCell::new(map))));
            }
            Op::MakeMapEmpty { .. } => {
                self.alloc(MAP_ENTRY)?;
                self.push(Value::Map(Rc::default()));
            }
            Op::MakeSlice { n, .. } => {
                self.alloc(u64::from(n) * SLOT)?;
                let elems = self.pop_n(n as usize);
                self.push(new_slice(elems));
            }
            Op::MakeSliceLen { ty } => {
                let cap = self.pop().as_int();
                let len = self.pop().as_int();
                let v = self.make_slice(ty, len, cap)?;
                self.push(v);
            }
            Op::SliceExpr => {
                let max = self.pop();
                let hi = self.pop();
                let lo = self.pop();
                let x = self.pop();
                let v = self.slice_expr(x, lo, hi, max)?;
                self.push(v);
            }
            Op::Len => {
                let x = self.pop();
                let n = match &x {
                    Value::Str(s) => s.len(),
                    Value::Slice(s) => s.len,
                    Value::Agg(b) | Value::AggPtr(b) => b.borrow().len(),
                    Value::Map(m) => m.borrow().entries.len(),
                    Value::Chan(c) => c.chan.len(),
                    _ => 0,
                };
                self.push(Value::Int(n as i64));
            }
            Op::Cap => {
                let x = self.pop();
                let n = match &x {
                    Value::Slice(s) => s.cap,
                    Value::Agg(b) | Value::AggPtr(b) => b.borrow().len(),
                    Value::Chan(c) => c.chan.capacity(),
                    _ => 0,
                };
                self.push(Value::Int(n as i64));
            }
            Op::Append { n } => {
                let vals = self.pop_n(n as usize);
                let s = self.pop();
                let v = self.append(s, vals)?;
                self.push(v);
            }
            Op::AppendSpread => {
                let t = self.pop();
                let s = self.pop();
                let vals = match &t {
                    Value::Str(bytes) => bytes.iter().map(|&b| Value::Int(i64::from(b))).collect(),
                    other => super::ops::slice_values(other),
                };
                let v = self.append(s, vals)?;
                self.push(v);
            }
            Op::CopySlice => {
                let src = self.pop();
                let dst = self.pop();
                let vals: Vec<Value> = match &src {
                    Value::Str(bytes) => bytes.iter().map(|&b| Value::Int(i64::from(b))).collect(),
                    other => super::ops::slice_values(other),
                };
                let mut n = 0;
                if let Value::Slice(d) = &dst {
                    n = d.len.min(vals.len());
                    let mut backing = d.backing.borrow_mut();
                    for (k, v) in vals.into_iter().take(n).enumerate() {
                        if let Some(slot) = backing.get_mut(d.offset + k) {
                            *slot = v;
                        }
                    }
                }
                self.push(Value::Int(n as i64));
            }
            Op::DecodeRune => {
                let i = self.pop().as_int();
                let s = self.pop();
                let bytes = s.as_bytes();
                let (r, w) = match usize::try_from(i).ok().and_then(|i| bytes.get(i..)) {
                    Some(rest) if !rest.is_empty() => decode_rune(rest),
                    _ => (0xFFFD, 1),
                };
                self.push(Value::Int(i64::from(r)));
                self.push(Value::Int(w as i64));
            }
            Op::MapIterStart => {
                let m = self.pop();
                let (map, keys) = match m {
                    Value::Map(map) => {
                        let keys: Vec<Key> = map.borrow().entries.keys().cloned().collect();
                        self.alloc(keys.len() as u64 * SLOT)?;
                        (map, keys)
                    }
                    _ => (Rc::default(), Vec::new()),
                };
                self.push(Value::MapIter(Rc::new(RefCell::new(MapIter { map, keys, next: 0 }))));
            }
            Op::MapIterNext { done } => {
                let it = self.pop();
                let Value::MapIter(iter) = &it else { return Err(self.internal("range over a non-iterator")) };
                let next = {
                    let mut iter = iter.borrow_mut();
                    let mut found = None;
                    while iter.next < iter.keys.len() {
                        let key = &iter.keys[iter.next];
                        let entry = iter.map.borrow().entries.get(key).cloned();
                        iter.next += 1;
                        if entry.is_some() {
                            found = entry;
                            break;
                        }
                    }
                    found
                };
                match next {
                    Some((k, v)) => {
                        self.push(it);
                        self.push(k);
                        self.push(v);
                    }
                    None => self.cur.pc = done,
                }
            }
            _ => self.slow_value(op)?,
        }
        Ok(())
    }

    /// `x[i]` for a slice, array or string.
    fn index(&mut self, x: &Value, i: i64) -> Res<Value> {
        if let Value::Str(s) = x {
            return match usize::try_from(i).ok().and_then(|i| s.get(i)) {
                Some(&b) => Ok(Value::Int(i64::from(b))),
                None => Err(self.index_panic(i, s.len())),
            };
        }
        let (target, index) = self.element(x, i)?;
        let v = target.borrow().get(index).cloned().unwrap_or_default();
        Ok(v)
    }

    /// The box and index of element `i` of a slice or array (bounds checked).
    fn element(&mut self, x: &Value, i: i64) -> Res<(super::super::value::AggBox, usize)> {
        let (target, offset, len) = match x {
            Value::Slice(s) => (s.backing.clone(), s.offset, s.len),
            Value::Agg(b) | Value::AggPtr(b) => {
                let len = b.borrow().len();
                (b.clone(), 0, len)
            }
            Value::Nil => return Err(self.index_panic(i, 0)),
            _ => return Err(self.internal("index of a non-indexable value")),
        };
        match usize::try_from(i) {
            Ok(i) if i < len => Ok((target, offset + i)),
            _ => Err(self.index_panic(i, len)),
        }
    }

    /// `make([]T, len, cap)`.
    fn make_slice(&mut self, ty: TypeId, len: i64, cap: i64) -> Res<Value> {
        if len < 0 {
            return Err(self.rt_panic("makeslice: len out of range"));
        }
        if cap < len {
            return Err(self.rt_panic("makeslice: cap out of range"));
        }
        self.alloc((cap as u64).saturating_mul(SLOT))?;
        let elem = match self.vm.under(ty) {
            Some(TypeKind::Slice(elem)) => *elem,
            _ => ty,
        };
        let zero = self.zero_value(elem);
        let backing: Vec<Value> = (0..cap).map(|_| zero.deep_copy()).collect();
        Ok(Value::Slice(Rc::new(Slice {
            backing: Rc::new(RefCell::new(backing)),
            offset: 0,
            len: len as usize,
            cap: cap as usize,
        })))
    }

    /// `x[lo:hi:max]` with Go's checks in Go's order.
    fn slice_expr(&mut self, x: Value, lo: Value, hi: Value, max: Value) -> Res<Value> {
        let opt = |v: &Value| if v.is_nil() { None } else { Some(v.as_int()) };
        let (lo, hi, max) = (opt(&lo), opt(&hi), opt(&max));
        if let Value::Str(s) = &x {
            let len = s.len() as i64;
            let j = hi.unwrap_or(len);
            if j < 0 || j > len {
                return Err(self.bounds_panic(&bounds_msg(Bounds::SliceAlen, j, len)));
            }
            let i = lo.unwrap_or(0);
            if i < 0 || i > j {
                return Err(self.bounds_panic(&bounds_msg(Bounds::SliceB, i, j)));
            }
            let bytes = s.get(i as usize..j as usize).unwrap_or_default().to_vec();
            self.alloc(bytes.len() as u64)?;
            return Ok(Value::bytes(bytes));
        }
        let (backing, offset, len, cap, is_slice) = match &x {
            Value::Slice(s) => (Some(s.backing.clone()), s.offset, s.len as i64, s.cap as i64, true),
            Value::Agg(b) | Value::AggPtr(b) => {
                let n = b.borrow().len() as i64;
                (Some(b.clone()), 0, n, n, false)
            }
            Value::Nil => (None, 0, 0, 0, true),
            _ => return Err(self.internal("slice of a non-sliceable value")),
        };
        let k = max.unwrap_or(cap);
        if max.is_some() && (k < 0 || k > cap) {
            let kind = if is_slice { Bounds::Slice3Acap } else { Bounds::Slice3Alen };
            return Err(self.bounds_panic(&bounds_msg(kind, k, cap)));
        }
        let j = hi.unwrap_or(len);
        if max.is_some() {
            if j < 0 || j > k {
                return Err(self.bounds_panic(&bounds_msg(Bounds::Slice3B, j, k)));
            }
        } else if j < 0 || j > cap {
            let kind = if is_slice { Bounds::SliceAcap } else { Bounds::SliceAlen };
            return Err(self.bounds_panic(&bounds_msg(kind, j, cap)));
        }
        let i = lo.unwrap_or(0);
        if i < 0 || i > j {
            let kind = if max.is_some() { Bounds::Slice3C } else { Bounds::SliceB };
            return Err(self.bounds_panic(&bounds_msg(kind, i, j)));
        }
        let Some(backing) = backing else { return Ok(Value::Nil) };
        Ok(Value::Slice(Rc::new(Slice {
            backing,
            offset: offset + i as usize,
            len: (j - i) as usize,
            cap: (k - i) as usize,
        })))
    }

    /// `append(s, vals...)` with Go's growth rule.
    fn append(&mut self, s: Value, vals: Vec<Value>) -> Res<Value> {
        if vals.is_empty() {
            return Ok(s);
        }
        let (old, offset, len, cap) = match &s {
            Value::Slice(sl) => (Some(sl.backing.clone()), sl.offset, sl.len, sl.cap),
            Value::Nil => (None, 0, 0, 0),
            _ => return Err(self.internal("append to a non-slice value")),
        };
        let new_len = len + vals.len();
        if let Some(backing) = &old {
            if new_len <= cap {
                let mut b = backing.borrow_mut();
                if b.len() < offset + new_len {
                    b.resize(offset + new_len, Value::Nil);
                }
                for (k, v) in vals.into_iter().enumerate() {
                    b[offset + len + k] = v;
                }
                drop(b);
                return Ok(Value::Slice(Rc::new(Slice { backing: backing.clone(), offset, len: new_len, cap })));
            }
        }
        let (elem_size, noscan) = elem_size(&vals[0]);
        let new_cap = grow_cap(cap, new_len, elem_size, noscan);
        self.alloc((new_cap as u64).saturating_mul(SLOT))?;
        let zero = zero_like(&vals[0]);
        let mut backing = Vec::with_capacity(new_cap);
        if let Some(old) = &old {
            let b = old.borrow();
            backing.extend(b.get(offset..offset + len).unwrap_or_default().iter().cloned());
        }
        backing.extend(vals);
        backing.resize(new_cap, zero);
        if let Some(old) = old {
            // The variable being reassigned usually held the only header on it.
            if Rc::strong_count(&old) <= 2 {
                self.free(cap as u64 * SLOT);
            }
        }
        Ok(Value::Slice(Rc::new(Slice {
            backing: Rc::new(RefCell::new(backing)),
            offset: 0,
            len: new_len,
            cap: new_cap,
        })))
    }
}

/// A slice over exactly `elems` (len = cap).
pub(crate) fn new_slice(elems: Vec<Value>) -> Value {
    let n = elems.len();
    Value::Slice(Rc::new(Slice { backing: Rc::new(RefCell::new(elems)), offset: 0, len: n, cap: n }))
}

/// Go's element size and "no pointers" flag guessed from a value (the `Append` instruction
/// carries no type): strings and interfaces 16 bytes, slices 24, numbers and pointers 8,
/// bools 1, structs 8 per field. Exact for `[]int`, `[]string`, `[]float64`, `[]*T`; a
/// `[]byte`/`[]int32` grows like `[]int` (Go's caps differ there).
fn elem_size(v: &Value) -> (usize, bool) {
    match v {
        Value::Int(_) | Value::Float(_) => (8, true),
        Value::Bool(_) => (1, true),
        Value::Str(_) | Value::Iface(_) => (16, false),
        Value::Slice(_) => (24, false),
        Value::Agg(b) => (8 * b.borrow().len().max(1), false),
        _ => (8, false),
    }
}

/// Go 1.27's `growslice` capacity: `nextslicecap`, then rounded up to the allocator's size
/// class (with its 8-byte malloc header for pointerful objects over 512 bytes).
pub(crate) fn grow_cap(old_cap: usize, new_len: usize, elem: usize, noscan: bool) -> usize {
    let mut new_cap = old_cap;
    let double = old_cap.saturating_mul(2);
    if new_len > double {
        new_cap = new_len;
    } else if old_cap < 256 {
        new_cap = double;
    } else {
        while new_cap < new_len {
            new_cap = new_cap.saturating_add((new_cap + 3 * 256) >> 2);
        }
    }
    let size = new_cap.saturating_mul(elem);
    let rounded = round_up_size(size, noscan);
    (rounded / elem.max(1)).max(new_len)
}

const SIZE_CLASSES: [usize; 68] = [
    0, 8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320, 352, 384, 416, 448,
    480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536, 1792, 2048, 2304, 2688, 3072, 3200, 3456, 4096,
    4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728, 10240, 10880, 12288, 13568, 14336, 16384, 18432, 19072,
    20480, 21760, 24576, 27264, 28672, 32768,
];

/// Go's `roundupsize` (runtime/msize.go).
fn round_up_size(size: usize, noscan: bool) -> usize {
    const MAX_SMALL: usize = 32768;
    const HEADER: usize = 8;
    const PAGE: usize = 8192;
    if size <= MAX_SMALL - HEADER {
        let req = if !noscan && size > 512 { size + HEADER } else { size };
        let class = SIZE_CLASSES.iter().copied().find(|&c| c >= req).unwrap_or(req);
        return class - (req - size);
    }
    size.checked_add(PAGE - 1).map_or(size, |s| s & !(PAGE - 1))
}

/// A zero value of the same shape as `v`, for the unused tail of a grown backing array.
fn zero_like(v: &Value) -> Value {
    match v {
        Value::Int(_) => Value::Int(0),
        Value::Float(_) => Value::Float(0.0),
        Value::Bool(_) => Value::Bool(false),
        Value::Str(_) => Value::Str(Rc::new(Vec::new())),
        Value::Agg(b) => Value::agg(b.borrow().iter().map(zero_like).collect()),
        Value::Native(n) => Value::Native(Rc::new(RefCell::new(n.borrow().copy_value()))),
        _ => Value::Nil,
    }
}

/// Decodes the UTF-8 rune at the start of `b` like Go (`utf8.DecodeRune`): invalid or
/// short sequences give U+FFFD with width 1.
pub(crate) fn decode_rune(b: &[u8]) -> (u32, usize) {
    let Some(&b0) = b.first() else { return (0xFFFD, 0) };
    if b0 < 0x80 {
        return (u32::from(b0), 1);
    }
    let (need, init, lo, hi) = match b0 {
        0xC2..=0xDF => (1, u32::from(b0 & 0x1F), 0x80, 0xBF),
        0xE0 => (2, u32::from(b0 & 0x0F), 0xA0, 0xBF),
        0xE1..=0xEC | 0xEE..=0xEF => (2, u32::from(b0 & 0x0F), 0x80, 0xBF),
        0xED => (2, u32::from(b0 & 0x0F), 0x80, 0x9F),
        0xF0 => (3, u32::from(b0 & 0x07), 0x90, 0xBF),
        0xF1..=0xF3 => (3, u32::from(b0 & 0x07), 0x80, 0xBF),
        0xF4 => (3, u32::from(b0 & 0x07), 0x80, 0x8F),
        _ => return (0xFFFD, 1),
    };
    let mut r = init;
    for k in 0..need {
        let Some(&c) = b.get(1 + k) else { return (0xFFFD, 1) };
        let (l, h) = if k == 0 { (lo, hi) } else { (0x80, 0xBF) };
        if c < l || c > h {
            return (0xFFFD, 1);
        }
        r = (r << 6) | u32::from(c & 0x3F);
    }
    (r, need + 1)
}

/// UTF-8 of rune `r` (invalid code points become U+FFFD), as Go's `string(r)`.
pub(crate) fn encode_rune(r: i64, out: &mut Vec<u8>) {
    let c = u32::try_from(r).ok().and_then(char::from_u32).unwrap_or('\u{FFFD}');
    let mut buf = [0u8; 4];
    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
}
