//! Compile-time constants: Go's untyped constant arithmetic, approximated with `i128`
//! integers and `f64` floats (exact for every constant a lesson program writes).

use std::rc::Rc;

use crate::go::ast::BinaryOp;
use crate::go::types::{predeclared as pre, IntKind, TypeId, TypeKind, TypeTable, Untyped};
use crate::go::value::Value;

#[derive(Clone, Debug, PartialEq)]
pub enum ConstVal {
    Bool(bool),
    Int(i128),
    /// An exact fraction `num / den` (`den > 1`, reduced): Go's constants are exact, so
    /// `1 - 0.9` is 0.1, not 0.09999999999999998.
    Rat(i128, i128),
    /// A float constant too large for a fraction of `i128`s (`1e100`).
    Float(f64),
    Str(Rc<Vec<u8>>),
}

fn gcd(mut a: i128, mut b: i128) -> i128 {
    a = a.abs();
    b = b.abs();
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a.max(1)
}

/// `num / den` reduced; an integer when it divides.
pub fn rat(num: i128, den: i128) -> Option<ConstVal> {
    if den == 0 {
        return None;
    }
    let (num, den) = if den < 0 { (num.checked_neg()?, den.checked_neg()?) } else { (num, den) };
    let g = gcd(num, den);
    let (num, den) = (num / g, den / g);
    Some(if den == 1 { ConstVal::Int(num) } else { ConstVal::Rat(num, den) })
}

/// A decimal float literal (`0.1`, `12.5e-3`, `1e21`) as an exact fraction, if it fits.
pub fn parse_decimal(text: &str) -> Option<ConstVal> {
    let t: String = text.chars().filter(|c| *c != '_').collect();
    if t.starts_with("0x") || t.starts_with("0X") {
        return None;
    }
    let (mantissa, exp) = match t.find(['e', 'E']) {
        Some(i) => (&t[..i], t[i + 1..].parse::<i32>().ok()?),
        None => (&t[..], 0),
    };
    let (int_part, frac_part) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = format!("{int_part}{frac_part}");
    let mut num: i128 = if digits.is_empty() { 0 } else { digits.parse().ok()? };
    let mut den: i128 = 1;
    let scale = exp - frac_part.len() as i32;
    if scale >= 0 {
        num = num.checked_mul(10i128.checked_pow(scale as u32)?)?;
    } else {
        den = 10i128.checked_pow((-scale) as u32)?;
    }
    rat(num, den)
}

/// Exact `a op b` on fractions, `None` when it overflows (the caller falls back to f64).
fn rat_op(op: BinaryOp, a: (i128, i128), b: (i128, i128)) -> Option<ConstVal> {
    let ((an, ad), (bn, bd)) = (a, b);
    match op {
        BinaryOp::Add => rat(an.checked_mul(bd)?.checked_add(bn.checked_mul(ad)?)?, ad.checked_mul(bd)?),
        BinaryOp::Sub => rat(an.checked_mul(bd)?.checked_sub(bn.checked_mul(ad)?)?, ad.checked_mul(bd)?),
        BinaryOp::Mul => rat(an.checked_mul(bn)?, ad.checked_mul(bd)?),
        BinaryOp::Div => rat(an.checked_mul(bd)?, ad.checked_mul(bn)?),
        _ => None,
    }
}

impl ConstVal {
    /// The value as an integer, if it is one exactly (`2.0` is).
    fn as_rat(&self) -> Option<(i128, i128)> {
        match self {
            ConstVal::Int(v) => Some((*v, 1)),
            ConstVal::Rat(n, d) => Some((*n, *d)),
            _ => None,
        }
    }

    pub fn to_int(&self) -> Option<i128> {
        match self {
            ConstVal::Int(v) => Some(*v),
            ConstVal::Float(f) if f.fract() == 0.0 && f.abs() < 1.7e38 => Some(*f as i128),
            _ => None,
        }
    }

    pub fn to_float(&self) -> Option<f64> {
        match self {
            ConstVal::Int(v) => Some(*v as f64),
            ConstVal::Rat(n, d) => Some(*n as f64 / *d as f64),
            ConstVal::Float(f) => Some(*f),
            _ => None,
        }
    }

    /// As gc prints a constant in messages (`300`, `"a"`, `1.5`, `true`).
    pub fn describe(&self) -> String {
        match self {
            ConstVal::Bool(b) => b.to_string(),
            ConstVal::Int(v) => v.to_string(),
            // go/constant's String: `%.6g`, or the shortest `%g` when that hides a fraction.
            ConstVal::Rat(..) | ConstVal::Float(_) => {
                let f = self.to_float().unwrap_or(0.0);
                let mut out = Vec::new();
                crate::go::fmt::float::append_float(&mut out, f, b'g', 6, false);
                if f.fract() != 0.0 && !out.contains(&b'.') {
                    out.clear();
                    crate::go::fmt::float::append_float(&mut out, f, b'g', -1, false);
                }
                String::from_utf8_lossy(&out).into_owned()
            }
            ConstVal::Str(s) => {
                // Go's quoting (strconv.Quote), as gc prints string constants.
                let mut out = Vec::new();
                crate::go::fmt::quote::quote(&mut out, s, false);
                String::from_utf8_lossy(&out).into_owned()
            }
        }
    }
}

/// Whether `v` fits in type `ty` (an integer kind, a float or anything else, which fits).
pub fn representable(types: &TypeTable, v: &ConstVal, ty: TypeId) -> Result<ConstVal, RepError> {
    match types.under(ty) {
        TypeKind::Int(kind) => {
            let Some(i) = v.to_int() else {
                return match v {
                    ConstVal::Float(_) | ConstVal::Rat(..) => Err(RepError::Truncated),
                    _ => Err(RepError::Mismatch),
                };
            };
            let (lo, hi) = int_range(*kind);
            if i < lo || i > hi {
                Err(RepError::Overflows)
            } else {
                Ok(ConstVal::Int(i))
            }
        }
        TypeKind::Float64 | TypeKind::Float32 => match v.to_float() {
            Some(f) => Ok(ConstVal::Float(f)),
            None => Err(RepError::Mismatch),
        },
        TypeKind::Untyped(Untyped::Int | Untyped::Rune) => match v.to_int() {
            Some(i) => Ok(ConstVal::Int(i)),
            None => Err(RepError::Truncated),
        },
        TypeKind::Untyped(Untyped::Float) => v.to_float().map(ConstVal::Float).ok_or(RepError::Mismatch),
        _ => Ok(v.clone()),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RepError {
    Overflows,
    Truncated,
    Mismatch,
}

pub fn int_range(kind: IntKind) -> (i128, i128) {
    let bits = kind.bits();
    if kind.is_unsigned() {
        (0, (1i128 << bits) - 1)
    } else {
        (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
    }
}

/// The run-time value of a constant of (typed) type `ty`.
pub fn to_value(types: &TypeTable, v: &ConstVal, ty: TypeId) -> Value {
    match (types.under(ty), v) {
        (TypeKind::Float64 | TypeKind::Untyped(Untyped::Float), c) => Value::Float(c.to_float().unwrap_or(0.0)),
        (TypeKind::Float32, c) => Value::Float(c.to_float().unwrap_or(0.0) as f32 as f64),
        (_, ConstVal::Bool(b)) => Value::Bool(*b),
        (_, ConstVal::Int(i)) => Value::Int(*i as i64),
        (_, ConstVal::Float(f)) => Value::Int(*f as i64),
        (_, ConstVal::Rat(n, d)) => Value::Int((n / d) as i64),
        (_, ConstVal::Str(s)) => Value::Str(s.clone()),
    }
}

/// The default type of an untyped constant kind.
pub fn default_type(types: &TypeTable, ty: TypeId) -> TypeId {
    match types.kind(ty) {
        TypeKind::Untyped(Untyped::Bool) => pre::BOOL,
        TypeKind::Untyped(Untyped::Int) => pre::INT,
        TypeKind::Untyped(Untyped::Rune) => pre::RUNE,
        TypeKind::Untyped(Untyped::Float) => pre::FLOAT64,
        TypeKind::Untyped(Untyped::String) => pre::STRING,
        _ => ty,
    }
}

/// The untyped kind of a binary operation's result (the "larger" kind wins).
pub fn untyped_join(a: TypeId, b: TypeId) -> TypeId {
    let rank = |t: TypeId| match t {
        pre::UNTYPED_INT => 1,
        pre::UNTYPED_RUNE => 2,
        pre::UNTYPED_FLOAT => 3,
        _ => 0,
    };
    if rank(a) >= rank(b) {
        a
    } else {
        b
    }
}

/// Folds `a op b` for constants. `Err` carries gc's message.
pub fn fold_binary(op: BinaryOp, a: &ConstVal, b: &ConstVal, int_result: bool) -> Result<ConstVal, String> {
    use ConstVal::*;
    let cmp = |o: std::cmp::Ordering| -> Option<bool> {
        Some(match op {
            BinaryOp::Eq => o.is_eq(),
            BinaryOp::Ne => !o.is_eq(),
            BinaryOp::Lt => o.is_lt(),
            BinaryOp::Le => o.is_le(),
            BinaryOp::Gt => o.is_gt(),
            BinaryOp::Ge => o.is_ge(),
            _ => return None,
        })
    };
    match (a, b) {
        (Bool(x), Bool(y)) => match op {
            BinaryOp::LogAnd => Ok(Bool(*x && *y)),
            BinaryOp::LogOr => Ok(Bool(*x || *y)),
            BinaryOp::Eq => Ok(Bool(x == y)),
            BinaryOp::Ne => Ok(Bool(x != y)),
            _ => Err("invalid operation".into()),
        },
        (Str(x), Str(y)) => {
            if op == BinaryOp::Add {
                let mut s = x.as_ref().clone();
                s.extend_from_slice(y);
                return Ok(Str(Rc::new(s)));
            }
            cmp(x.cmp(y)).map(Bool).ok_or_else(|| "invalid operation".into())
        }
        (Int(x), Int(y)) if int_result || !matches!(op, BinaryOp::Div) => {
            let (x, y) = (*x, *y);
            if let Some(b) = cmp(x.cmp(&y)) {
                return Ok(Bool(b));
            }
            let r = match op {
                BinaryOp::Add => x.checked_add(y),
                BinaryOp::Sub => x.checked_sub(y),
                BinaryOp::Mul => x.checked_mul(y),
                BinaryOp::Div | BinaryOp::Rem if y == 0 => return Err("invalid operation: division by zero".into()),
                BinaryOp::Div => x.checked_div(y),
                BinaryOp::Rem => x.checked_rem(y),
                BinaryOp::And => Some(x & y),
                BinaryOp::Or => Some(x | y),
                BinaryOp::Xor => Some(x ^ y),
                BinaryOp::AndNot => Some(x & !y),
                BinaryOp::Shl => {
                    if !(0..=120).contains(&y) {
                        return Err("constant shift overflow".into());
                    }
                    x.checked_mul(1i128 << y)
                }
                BinaryOp::Shr => {
                    if y < 0 {
                        return Err("invalid shift count".into());
                    }
                    Some(if y > 127 {
                        if x < 0 {
                            -1
                        } else {
                            0
                        }
                    } else {
                        x >> y
                    })
                }
                _ => return Err("invalid operation".into()),
            };
            r.map(Int).ok_or_else(|| "constant overflow".into())
        }
        _ => {
            if let (Some(x), Some(y)) = (a.as_rat(), b.as_rat()) {
                let ord = (x.0.checked_mul(y.1), y.0.checked_mul(x.1));
                if let (Some(l), Some(r)) = ord {
                    if let Some(b) = cmp(l.cmp(&r)) {
                        return Ok(Bool(b));
                    }
                }
                if op == BinaryOp::Div && y.0 == 0 {
                    return Err("invalid operation: division by zero".into());
                }
                if let Some(v) = rat_op(op, x, y) {
                    return Ok(v);
                }
            }
            let (Some(x), Some(y)) = (a.to_float(), b.to_float()) else {
                return Err("invalid operation".into());
            };
            if let Some(b) = cmp(x.partial_cmp(&y).unwrap_or(std::cmp::Ordering::Equal)) {
                return Ok(Bool(b));
            }
            match op {
                BinaryOp::Add => Ok(Float(x + y)),
                BinaryOp::Sub => Ok(Float(x - y)),
                BinaryOp::Mul => Ok(Float(x * y)),
                BinaryOp::Div if y == 0.0 => Err("invalid operation: division by zero".into()),
                BinaryOp::Div => Ok(Float(x / y)),
                _ => Err("invalid operation".into()),
            }
        }
    }
}
