//! Arithmetic, comparison, Go's `==`, conversions and map keys.

use std::cmp::Ordering;
use std::rc::Rc;

use super::super::bytecode::{ArithOp, CmpOp, Conv, NumKind, Op};
use super::super::types::{IntKind, TypeKind};
use super::super::value::{Key, Value};
use super::fiber::Fiber;
use super::seq::{decode_rune, encode_rune, new_slice};
use super::Res;

/// Why two values cannot be compared: a dynamic type that is not comparable.
pub(crate) struct Uncomparable;

/// Go's `==` on two values of the same static type (interfaces compare type then value).
pub(crate) fn equal(a: &Value, b: &Value) -> Result<bool, Uncomparable> {
    Ok(match (a, b) {
        (Value::Nil, Value::Nil) => true,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Float(x), Value::Float(y)) => x == y,
        (Value::Int(x), Value::Float(y)) | (Value::Float(y), Value::Int(x)) => (*x as f64) == *y,
        (Value::Str(x), Value::Str(y)) => x == y,
        (Value::Agg(x), Value::Agg(y)) => {
            if Rc::ptr_eq(x, y) {
                return Ok(true);
            }
            let (x, y) = (x.borrow(), y.borrow());
            for (u, v) in x.iter().zip(y.iter()) {
                if !equal(u, v)? {
                    return Ok(false);
                }
            }
            x.len() == y.len()
        }
        (Value::AggPtr(x), Value::AggPtr(y)) => Rc::ptr_eq(x, y),
        (Value::Ref(x), Value::Ref(y)) => Rc::ptr_eq(x, y),
        (Value::ElemPtr(x), Value::ElemPtr(y)) => Rc::ptr_eq(&x.target, &y.target) && x.index == y.index,
        (Value::Chan(x), Value::Chan(y)) => Rc::ptr_eq(x, y),
        (Value::Iface(x), Value::Iface(y)) => {
            if x.ty != y.ty {
                return Ok(false);
            }
            if matches!(x.value, Value::Slice(_) | Value::Map(_) | Value::Func(_)) {
                return Err(Uncomparable);
            }
            equal(&x.value, &y.value)?
        }
        (Value::Slice(_) | Value::Map(_) | Value::Func(_), Value::Slice(_) | Value::Map(_) | Value::Func(_)) => {
            return Err(Uncomparable)
        }
        _ => false,
    })
}

fn float_key(f: f64) -> Key {
    let f = if f == 0.0 { 0.0 } else { f };
    let bits = f.to_bits() as i64;
    Key::Float(if bits < 0 { bits ^ i64::MAX } else { bits })
}

fn int_of(v: &Value) -> i64 {
    v.as_int()
}

fn wrap_f32(x: f64, kind: NumKind) -> f64 {
    if kind == NumKind::Float32 {
        x as f32 as f64
    } else {
        x
    }
}

impl Fiber {
    /// A map key for `v`; an interface holding an unhashable type panics like Go.
    pub fn map_key(&mut self, v: &Value) -> Res<Key> {
        Ok(match v {
            Value::Nil => Key::Nil,
            Value::Bool(b) => Key::Bool(*b),
            Value::Int(i) => Key::Int(*i),
            Value::Float(f) => float_key(*f),
            Value::Str(s) => Key::Str(s.clone()),
            Value::AggPtr(b) => Key::Addr(Rc::as_ptr(b) as *const u8 as usize),
            Value::Ref(c) => Key::Addr(Rc::as_ptr(c) as *const u8 as usize),
            Value::ElemPtr(e) => Key::Addr((Rc::as_ptr(&e.target) as *const u8 as usize).wrapping_add(e.index * 16)),
            Value::Chan(c) => Key::Addr(Rc::as_ptr(c) as *const u8 as usize),
            Value::Agg(b) => {
                let fields = b.borrow().clone();
                let mut keys = Vec::with_capacity(fields.len());
                for f in &fields {
                    keys.push(self.map_key(f)?);
                }
                Key::Agg(keys)
            }
            Value::Iface(i) => {
                if matches!(i.value, Value::Slice(_) | Value::Map(_) | Value::Func(_)) {
                    let name = self.vm.type_name(i.ty);
                    return Err(self.rt_panic(&format!("hash of unhashable type {name}")));
                }
                Key::Iface(i.ty, Box::new(self.map_key(&i.value)?))
            }
            _ => return Err(self.internal("map key of an unhashable value")),
        })
    }

    pub(super) fn slow_value(&mut self, op: Op) -> Res {
        match op {
            Op::Arith(op, kind) => {
                let b = self.pop();
                let a = self.pop();
                let v = self.arith(op, kind, a, b)?;
                self.push(v);
            }
            Op::Neg(kind) => {
                let a = self.pop();
                let v = match kind {
                    NumKind::Int(k) => Value::Int(k.wrap(int_of(&a).wrapping_neg())),
                    _ => Value::Float(-a.as_float()),
                };
                self.push(v);
            }
            Op::BitNot(k) => {
                let a = self.pop();
                self.push(Value::Int(k.wrap(!int_of(&a))));
            }
            Op::Eq | Op::Ne => {
                let b = self.pop();
                let a = self.pop();
                let same = match equal(&a, &b) {
                    Ok(same) => same,
                    Err(Uncomparable) => {
                        let ty = match &a {
                            Value::Iface(i) => i.ty,
                            _ => 0,
                        };
                        let name = self.vm.type_name(ty);
                        return Err(self.rt_panic(&format!("comparing uncomparable type {name}")));
                    }
                };
                self.push(Value::Bool(same == (op == Op::Eq)));
            }
            Op::Cmp(cmp, kind) => {
                let b = self.pop();
                let a = self.pop();
                let ord = compare(kind, &a, &b);
                let r = match (cmp, ord) {
                    (_, None) => false,
                    (CmpOp::Lt, Some(o)) => o.is_lt(),
                    (CmpOp::Le, Some(o)) => o.is_le(),
                    (CmpOp::Gt, Some(o)) => o.is_gt(),
                    (CmpOp::Ge, Some(o)) => o.is_ge(),
                };
                self.push(Value::Bool(r));
            }
            Op::Convert(conv) => {
                let v = self.pop();
                let r = self.convert(conv, v)?;
                self.push(r);
            }
            Op::MinMax { max, kind, n } => {
                let vals = self.pop_n(n as usize);
                let mut it = vals.into_iter();
                let mut best = it.next().unwrap_or_default();
                for v in it {
                    let better = match kind {
                        NumKind::Float64 | NumKind::Float32 => {
                            let (x, y) = (best.as_float(), v.as_float());
                            if x.is_nan() {
                                false
                            } else if y.is_nan() {
                                true
                            } else if x == y && x == 0.0 {
                                // min(-0, 0) = -0, max(-0, 0) = 0
                                if max {
                                    x.is_sign_negative()
                                } else {
                                    y.is_sign_negative()
                                }
                            } else if max {
                                y > x
                            } else {
                                y < x
                            }
                        }
                        _ => {
                            let o = compare(kind, &v, &best);
                            if max {
                                o.is_some_and(Ordering::is_gt)
                            } else {
                                o.is_some_and(Ordering::is_lt)
                            }
                        }
                    };
                    if better {
                        best = v;
                    }
                }
                self.push(best);
            }
            _ => self.slow_iface(op)?,
        }
        Ok(())
    }

    fn arith(&mut self, op: ArithOp, kind: NumKind, a: Value, b: Value) -> Res<Value> {
        match kind {
            NumKind::Int(k) => self.int_arith(op, k, int_of(&a), int_of(&b)).map(Value::Int),
            NumKind::Float64 | NumKind::Float32 => {
                let (x, y) = (a.as_float(), b.as_float());
                let r = match op {
                    ArithOp::Add => x + y,
                    ArithOp::Sub => x - y,
                    ArithOp::Mul => x * y,
                    ArithOp::Div => x / y,
                    _ => return Err(self.internal("invalid float operation")),
                };
                Ok(Value::Float(wrap_f32(r, kind)))
            }
            NumKind::Str => {
                if op != ArithOp::Add {
                    return Err(self.internal("invalid string operation"));
                }
                let (x, y) = (a.as_bytes(), b.as_bytes());
                if y.is_empty() {
                    return Ok(a);
                }
                if x.is_empty() {
                    return Ok(b);
                }
                let total = (x.len() + y.len()) as u64;
                self.alloc(total)?;
                let mut out = Vec::with_capacity(x.len() + y.len());
                out.extend_from_slice(x);
                out.extend_from_slice(y);
                // `s += t`: the old string usually dies with this operation.
                if let Value::Str(old) = &a {
                    if Rc::strong_count(old) <= 2 {
                        self.free(x.len() as u64);
                    }
                }
                Ok(Value::bytes(out))
            }
        }
    }

    fn int_arith(&mut self, op: ArithOp, k: IntKind, a: i64, b: i64) -> Res<i64> {
        let unsigned = k.is_unsigned();
        let r = match op {
            ArithOp::Add => a.wrapping_add(b),
            ArithOp::Sub => a.wrapping_sub(b),
            ArithOp::Mul => a.wrapping_mul(b),
            ArithOp::Div | ArithOp::Rem => {
                if b == 0 {
                    return Err(self.rt_panic("integer divide by zero"));
                }
                match (unsigned, op) {
                    (true, ArithOp::Div) => ((a as u64) / (b as u64)) as i64,
                    (true, _) => ((a as u64) % (b as u64)) as i64,
                    (false, ArithOp::Div) => a.wrapping_div(b),
                    (false, _) => a.wrapping_rem(b),
                }
            }
            ArithOp::And => a & b,
            ArithOp::Or => a | b,
            ArithOp::Xor => a ^ b,
            ArithOp::AndNot => a & !b,
            ArithOp::Shl | ArithOp::Shr => {
                if b < 0 {
                    return Err(self.rt_panic("negative shift amount"));
                }
                let n = b as u64;
                match op {
                    ArithOp::Shl => {
                        if n >= 64 {
                            0
                        } else {
                            a << n
                        }
                    }
                    _ if unsigned => {
                        if n >= 64 {
                            0
                        } else {
                            ((a as u64) >> n) as i64
                        }
                    }
                    _ => a >> n.min(63),
                }
            }
        };
        Ok(k.wrap(r))
    }

    fn convert(&mut self, conv: Conv, v: Value) -> Res<Value> {
        Ok(match conv {
            Conv::IntToInt(k) => Value::Int(k.wrap(int_of(&v))),
            Conv::IntToFloat { from, to32 } => {
                let i = int_of(&v);
                let f = if from.is_unsigned() { i as u64 as f64 } else { i as f64 };
                Value::Float(if to32 { f as f32 as f64 } else { f })
            }
            Conv::FloatToInt(k) => {
                let f = v.as_float();
                let i = if k.is_unsigned() && f >= 9.223_372_036_854_776e18 { f as u64 as i64 } else { f as i64 };
                Value::Int(k.wrap(i))
            }
            Conv::FloatToFloat { to32 } => {
                let f = v.as_float();
                Value::Float(if to32 { f as f32 as f64 } else { f })
            }
            Conv::RuneToString => {
                let mut out = Vec::with_capacity(4);
                encode_rune(int_of(&v), &mut out);
                Value::bytes(out)
            }
            Conv::StringToBytes => {
                let bytes = v.as_bytes();
                self.alloc(bytes.len() as u64 * super::ops::SLOT)?;
                new_slice(bytes.iter().map(|&b| Value::Int(i64::from(b))).collect())
            }
            Conv::BytesToString => {
                let vals = super::ops::slice_values(&v);
                self.alloc(vals.len() as u64)?;
                Value::bytes(vals.iter().map(|b| int_of(b) as u8).collect())
            }
            Conv::StringToRunes => {
                let mut bytes = v.as_bytes();
                let mut runes = Vec::new();
                while !bytes.is_empty() {
                    let (r, w) = decode_rune(bytes);
                    runes.push(Value::Int(i64::from(r)));
                    bytes = &bytes[w.max(1)..];
                }
                self.alloc(runes.len() as u64 * super::ops::SLOT)?;
                new_slice(runes)
            }
            Conv::SliceToArray(n) => {
                let len = match &v {
                    Value::Slice(s) => s.len,
                    _ => 0,
                };
                if len < n as usize {
                    return Err(self.bounds_panic(&format!(
                        "cannot convert slice with length {len} to array or pointer to array with length {n}"
                    )));
                }
                self.alloc(u64::from(n) * super::ops::SLOT)?;
                let vals = super::ops::slice_values(&v);
                Value::agg(vals.iter().take(n as usize).map(Value::deep_copy).collect())
            }
            Conv::RunesToString => {
                let vals = super::ops::slice_values(&v);
                let mut out = Vec::with_capacity(vals.len());
                for r in &vals {
                    encode_rune(int_of(r), &mut out);
                }
                self.alloc(out.len() as u64)?;
                Value::bytes(out)
            }
        })
    }
}

/// Ordering of two numbers or strings of `kind` (`None` when a NaN is involved).
fn compare(kind: NumKind, a: &Value, b: &Value) -> Option<Ordering> {
    match kind {
        NumKind::Int(k) if k.is_unsigned() => Some((int_of(a) as u64).cmp(&(int_of(b) as u64))),
        NumKind::Int(_) => Some(int_of(a).cmp(&int_of(b))),
        NumKind::Float64 | NumKind::Float32 => a.as_float().partial_cmp(&b.as_float()),
        NumKind::Str => Some(a.as_bytes().cmp(b.as_bytes())),
    }
}

impl super::Vm {
    /// The kind of `ty`'s underlying type, `None` for an id the table does not have.
    pub fn under(&self, ty: super::super::types::TypeId) -> Option<&TypeKind> {
        let types = &self.program.types;
        if ty as usize >= types.len() {
            return None;
        }
        let u = types.underlying(ty);
        ((u as usize) < types.len()).then(|| types.kind(u))
    }

    /// `%T`-style name of `ty` (`?` for an unknown id).
    pub fn type_name(&self, ty: super::super::types::TypeId) -> String {
        if (ty as usize) < self.program.types.len() {
            self.program.types.go_name(ty)
        } else {
            "?".to_owned()
        }
    }
}
