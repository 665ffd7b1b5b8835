//! Text the Go runtime prints for values: panic values (`printpanicval`), the builtin
//! `print`/`println`, and `time.Duration.String`.

use super::float::append_float;
use super::print::Printer;
use super::value::address;
use super::Host;
use crate::go::bytecode::Program;
use crate::go::types::{predeclared, TypeId, TypeKind};
use crate::go::value::Value;

/// `printindented`: every newline is followed by a tab.
fn push_indented(out: &mut Vec<u8>, s: &[u8]) {
    for &c in s {
        out.push(c);
        if c == b'\n' {
            out.push(b'\t');
        }
    }
}

/// Runtime `print` of a bool, integer or float (`None` for other kinds).
fn print_scalar(kind: &TypeKind, v: &Value) -> Option<Vec<u8>> {
    Some(match kind {
        TypeKind::Bool => if v.as_bool() { "true" } else { "false" }.as_bytes().to_vec(),
        TypeKind::Int(k) if k.is_unsigned() => (v.as_int() as u64).to_string().into_bytes(),
        TypeKind::Int(_) => v.as_int().to_string().into_bytes(),
        TypeKind::Float64 | TypeKind::Float32 => {
            let mut out = Vec::new();
            append_float(&mut out, v.as_float(), b'g', -1, matches!(kind, TypeKind::Float32));
            out
        }
        _ => return None,
    })
}

pub fn panic_value<H: Host>(p: &mut Printer<'_, H>, v: &Value) -> Result<Vec<u8>, H::Error> {
    let Value::Iface(i) = v else {
        return Ok(b"runtime error: panic called with nil argument".to_vec());
    };
    let (ty, v) = (i.ty, &i.value);
    let mut out = Vec::new();
    for error in [true, false] {
        if let Some(text) = p.call_method(ty, v, error)? {
            push_indented(&mut out, &text);
            return Ok(out);
        }
    }
    let types = &p.host.program().types;
    if (ty as usize) >= types.len() {
        return Ok(out);
    }
    let kind = types.under(ty);
    let name = types.go_name(ty);
    let predeclared = ty <= predeclared::STRING;
    match kind {
        TypeKind::String if predeclared => push_indented(&mut out, v.as_bytes()),
        TypeKind::String => {
            out.extend_from_slice(name.as_bytes());
            out.extend_from_slice(b"(\"");
            push_indented(&mut out, v.as_bytes());
            out.extend_from_slice(b"\")");
        }
        _ => match print_scalar(kind, v) {
            Some(text) if predeclared => out = text,
            Some(text) => {
                out.extend_from_slice(name.as_bytes());
                out.push(b'(');
                out.extend_from_slice(&text);
                out.push(b')');
            }
            // The address of the interface's data word (for a struct, its copy).
            None => out.extend_from_slice(format!("({name}) {:#x}", address(v)).as_bytes()),
        },
    }
    Ok(out)
}

pub fn builtin_print_operand(ty: TypeId, v: &Value, program: &Program) -> Vec<u8> {
    let types = &program.types;
    if (ty as usize) >= types.len() {
        return b"?".to_vec();
    }
    let kind = types.under(ty);
    if let Some(text) = print_scalar(kind, v) {
        return text;
    }
    match kind {
        TypeKind::String => v.as_bytes().to_vec(),
        TypeKind::Interface(_) => match v {
            // (type word, data word)
            Value::Iface(i) => format!("({:#x},{:#x})", 0x4a0000 + 0x20 * i.ty as u64, address(&i.value)).into_bytes(),
            _ => b"(0x0,0x0)".to_vec(),
        },
        TypeKind::Slice(_) => match v {
            Value::Slice(s) => format!("[{}/{}]{:#x}", s.len, s.cap, address(v)).into_bytes(),
            _ => b"[0/0]0x0".to_vec(),
        },
        _ => format!("{:#x}", address(v)).into_bytes(),
    }
}

/// `fmtFrac`: the fraction digits of `v / 10^prec` without trailing zeros, reversed, and
/// the integer part.
fn push_frac_rev(rev: &mut Vec<u8>, mut v: u64, prec: u32) -> u64 {
    let mut print = false;
    for _ in 0..prec {
        let digit = (v % 10) as u8;
        print = print || digit != 0;
        if print {
            rev.push(b'0' + digit);
        }
        v /= 10;
    }
    if print {
        rev.push(b'.');
    }
    v
}

fn push_int_rev(rev: &mut Vec<u8>, mut v: u64) {
    loop {
        rev.push(b'0' + (v % 10) as u8);
        v /= 10;
        if v == 0 {
            break;
        }
    }
}

/// Go's `Duration.format`, building the text backwards as Go does.
pub fn duration_string(d: i64) -> String {
    let mut rev: Vec<u8> = Vec::with_capacity(32);
    let neg = d < 0;
    let mut u = d.unsigned_abs();
    if u < 1_000_000_000 {
        let prec = match u {
            0 => return "0s".into(),
            1..=999 => {
                rev.extend_from_slice(b"sn");
                0
            }
            1_000..=999_999 => {
                rev.extend("µs".bytes().rev());
                3
            }
            _ => {
                rev.extend_from_slice(b"sm");
                6
            }
        };
        u = push_frac_rev(&mut rev, u, prec);
        push_int_rev(&mut rev, u);
    } else {
        rev.push(b's');
        u = push_frac_rev(&mut rev, u, 9);
        push_int_rev(&mut rev, u % 60);
        u /= 60;
        if u > 0 {
            rev.push(b'm');
            push_int_rev(&mut rev, u % 60);
            u /= 60;
            if u > 0 {
                rev.push(b'h');
                push_int_rev(&mut rev, u);
            }
        }
    }
    if neg {
        rev.push(b'-');
    }
    rev.reverse();
    String::from_utf8(rev).unwrap_or_default()
}
