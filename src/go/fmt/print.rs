//! Go's `fmt/print.go`: the printer state, `doPrintf`, and printing of operands by type
//! (`printArg`, `printValue`, `handleMethods`).

use super::format::{Fmt, LDIGITS, UDIGITS};
use super::quote::{decode_rune, push_rune};
use super::sync::is_native_struct;
use super::value::{address, deref, elements, is_exported};
use super::Host;
use crate::go::bytecode::MethodImpl;
use crate::go::types::{predeclared, IntKind, TypeId, TypeKind};
use crate::go::value::Value;

/// Nesting limit: a slice or map that contains itself (through `any`) overflows Go's stack;
/// here it prints `...` instead of overflowing the (smaller) wasm stack.
const MAX_DEPTH: u32 = 100;

/// Go's `tooLarge`: widths, precisions and argument indices are capped at 1e6.
fn too_large(x: i64) -> bool {
    !(-1_000_000..=1_000_000).contains(&x)
}

/// Go's `parsenum`: `(num, isnum, newi)`.
fn parsenum(s: &[u8], start: usize, end: usize) -> (i64, bool, usize) {
    if start >= end {
        return (0, false, end);
    }
    let (mut num, mut isnum, mut i) = (0i64, false, start);
    while let Some(c) = s.get(i).copied().filter(|c| c.is_ascii_digit() && i < end) {
        if too_large(num) {
            return (0, false, end);
        }
        num = num * 10 + (c - b'0') as i64;
        isnum = true;
        i += 1;
    }
    (num, isnum, i)
}

/// Go's `parseArgNumber` on `[n]...`: `(index, consumed, ok)`.
fn parse_arg_number(format: &[u8]) -> (i64, usize, bool) {
    if format.len() < 3 {
        return (0, 1, false);
    }
    for i in 1..format.len() {
        if format.get(i) == Some(&b']') {
            let (width, ok, newi) = parsenum(format, 1, i);
            if !ok || newi != i {
                return (0, i + 1, false);
            }
            return (width - 1, i + 1, true);
        }
    }
    (0, 1, false)
}

pub struct Printer<'h, H: Host> {
    pub host: &'h mut H,
    pub buf: Vec<u8>,
    pub fmt: Fmt,
    erroring: bool,
    pub wrap_errs: bool,
    pub wrapped: Vec<usize>,
    pub reordered: bool,
    good_arg_num: bool,
}

impl<'h, H: Host> Printer<'h, H> {
    pub fn new(host: &'h mut H) -> Self {
        Printer {
            host,
            buf: Vec::with_capacity(64),
            fmt: Fmt::default(),
            erroring: false,
            wrap_errs: false,
            wrapped: Vec::new(),
            reordered: false,
            good_arg_num: true,
        }
    }

    /// The underlying kind of `ty` (`None` for an id outside the table).
    fn under(&self, ty: TypeId) -> Option<TypeKind> {
        let types = &self.host.program().types;
        ((ty as usize) < types.len()).then(|| types.under(ty).clone())
    }

    pub fn type_name(&self, ty: TypeId) -> String {
        let types = &self.host.program().types;
        if (ty as usize) < types.len() {
            types.go_name(ty)
        } else {
            "?".into()
        }
    }

    fn method(&self, ty: TypeId, error: bool) -> Option<MethodImpl> {
        let p = self.host.program();
        let m = if error { p.error_method } else { p.string_method };
        p.methods.get(&(ty, m)).copied()
    }

    pub fn is_string_kind(&self, ty: TypeId) -> bool {
        matches!(self.under(ty), Some(TypeKind::String))
    }

    pub fn is_error(&self, ty: TypeId) -> bool {
        self.method(ty, true).is_some()
    }

    fn push_verb(&mut self, verb: char) {
        let mut b = [0u8; 4];
        self.buf.extend_from_slice(verb.encode_utf8(&mut b).as_bytes());
    }

    /// Runs `Error()` (or `String()` when `error` is false) if `ty` has it. A nil pointer whose
    /// method has a value receiver would panic in the method: Go's `catchPanic` prints `<nil>`.
    pub fn call_method(&mut self, ty: TypeId, v: &Value, error: bool) -> Result<Option<Vec<u8>>, H::Error> {
        let Some(imp) = self.method(ty, error) else {
            return Ok(None);
        };
        if imp.deref && v.is_nil() {
            return Ok(Some(b"<nil>".to_vec()));
        }
        let p = self.host.program();
        let m = if error { p.error_method } else { p.string_method };
        self.host.call_to_string(ty, v, m)
    }

    fn bad_verb(&mut self, arg: Option<(TypeId, &Value)>, verb: char) -> Result<(), H::Error> {
        self.erroring = true;
        self.buf.extend_from_slice(b"%!");
        self.push_verb(verb);
        self.buf.push(b'(');
        match arg {
            Some((ty, v)) => {
                let name = self.type_name(ty);
                self.buf.extend_from_slice(name.as_bytes());
                self.buf.push(b'=');
                self.print_typed(ty, v, 'v')?;
            }
            None => self.buf.extend_from_slice(b"<nil>"),
        }
        self.buf.push(b')');
        self.erroring = false;
        Ok(())
    }

    fn fmt_0x64(&mut self, v: u64, leading0x: bool) {
        let sharp = self.fmt.sharp;
        self.fmt.sharp = leading0x;
        self.fmt.fmt_integer(&mut self.buf, v, 16, false, 'v', LDIGITS);
        self.fmt.sharp = sharp;
    }

    fn fmt_integer(&mut self, ty: TypeId, v: &Value, signed: bool, verb: char) -> Result<(), H::Error> {
        let u = v.as_int() as u64;
        let (b, f) = (&mut self.buf, &mut self.fmt);
        match verb {
            'v' if f.sharp_v && !signed => self.fmt_0x64(u, true),
            'v' | 'd' => f.fmt_integer(b, u, 10, signed, verb, LDIGITS),
            'b' => f.fmt_integer(b, u, 2, signed, verb, LDIGITS),
            'o' | 'O' => f.fmt_integer(b, u, 8, signed, verb, LDIGITS),
            'x' => f.fmt_integer(b, u, 16, signed, verb, LDIGITS),
            'X' => f.fmt_integer(b, u, 16, signed, verb, UDIGITS),
            'c' => f.fmt_c(b, u),
            'q' => f.fmt_qc(b, u),
            'U' => f.fmt_unicode(b, u),
            _ => return self.bad_verb(Some((ty, v)), verb),
        }
        Ok(())
    }

    fn fmt_float(&mut self, ty: TypeId, v: &Value, bits32: bool, verb: char) -> Result<(), H::Error> {
        let x = v.as_float();
        let (b, f) = (&mut self.buf, &mut self.fmt);
        match verb {
            'v' => f.fmt_float(b, x, bits32, b'g', -1),
            'b' | 'g' | 'G' | 'x' | 'X' => f.fmt_float(b, x, bits32, verb as u8, -1),
            'f' | 'e' | 'E' => f.fmt_float(b, x, bits32, verb as u8, 6),
            'F' => f.fmt_float(b, x, bits32, b'f', 6),
            _ => return self.bad_verb(Some((ty, v)), verb),
        }
        Ok(())
    }

    fn fmt_string(&mut self, ty: TypeId, s: &[u8], verb: char) -> Result<(), H::Error> {
        let (b, f) = (&mut self.buf, &mut self.fmt);
        match verb {
            'v' if f.sharp_v => f.fmt_q(b, s),
            'v' | 's' => f.fmt_s(b, s),
            'x' => f.fmt_sbx(b, s, LDIGITS),
            'X' => f.fmt_sbx(b, s, UDIGITS),
            'q' => f.fmt_q(b, s),
            _ => return self.bad_verb(Some((ty, &Value::bytes(s.to_vec()))), verb),
        }
        Ok(())
    }

    /// `fmtBytes`: `[]byte` and byte arrays (`nil` only for a nil slice).
    fn fmt_bytes(&mut self, ty: TypeId, v: &Value, bytes: &[u8], verb: char, type_name: &str) -> Result<(), H::Error> {
        match verb {
            'v' | 'd' => {
                if self.fmt.sharp_v {
                    self.buf.extend_from_slice(type_name.as_bytes());
                    if v.is_nil() {
                        self.buf.extend_from_slice(b"(nil)");
                        return Ok(());
                    }
                    self.buf.push(b'{');
                    for (i, &c) in bytes.iter().enumerate() {
                        if i > 0 {
                            self.buf.extend_from_slice(b", ");
                        }
                        self.fmt_0x64(c as u64, true);
                    }
                    self.buf.push(b'}');
                } else {
                    self.buf.push(b'[');
                    for (i, &c) in bytes.iter().enumerate() {
                        if i > 0 {
                            self.buf.push(b' ');
                        }
                        self.fmt.fmt_integer(&mut self.buf, c as u64, 10, false, verb, LDIGITS);
                    }
                    self.buf.push(b']');
                }
            }
            's' => self.fmt.fmt_s(&mut self.buf, bytes),
            'x' => self.fmt.fmt_sbx(&mut self.buf, bytes, LDIGITS),
            'X' => self.fmt.fmt_sbx(&mut self.buf, bytes, UDIGITS),
            'q' => self.fmt.fmt_q(&mut self.buf, bytes),
            _ => return self.print_value(ty, v, verb, 0, true),
        }
        Ok(())
    }

    fn fmt_pointer(&mut self, ty: TypeId, v: &Value, verb: char) -> Result<(), H::Error> {
        let kind = self.under(ty);
        if !matches!(
            kind,
            Some(
                TypeKind::Chan { .. }
                    | TypeKind::Func(_)
                    | TypeKind::Map { .. }
                    | TypeKind::Pointer(_)
                    | TypeKind::Slice(_)
            )
        ) {
            return self.bad_verb(Some((ty, v)), verb);
        }
        let u = address(v);
        match verb {
            'v' if self.fmt.sharp_v => {
                self.buf.push(b'(');
                let name = self.type_name(ty);
                self.buf.extend_from_slice(name.as_bytes());
                self.buf.extend_from_slice(b")(");
                if u == 0 {
                    self.buf.extend_from_slice(b"nil");
                } else {
                    self.fmt_0x64(u, true);
                }
                self.buf.push(b')');
            }
            'v' if u == 0 => self.fmt.pad(&mut self.buf, b"<nil>"),
            'v' | 'p' => self.fmt_0x64(u, !self.fmt.sharp),
            'b' | 'o' | 'd' | 'x' | 'X' => {
                return self.fmt_integer(predeclared::UINTPTR, &Value::Int(u as i64), false, verb)
            }
            _ => return self.bad_verb(Some((ty, v)), verb),
        }
        Ok(())
    }

    /// `handleMethods`: `%w`, then `Error()` / `String()` for `%v %s %x %X %q`.
    fn handle_methods(&mut self, ty: TypeId, v: &Value, mut verb: char) -> Result<bool, H::Error> {
        if self.erroring {
            return Ok(false);
        }
        if verb == 'w' {
            if !self.is_error(ty) || !self.wrap_errs {
                self.bad_verb(Some((ty, v)), verb)?;
                return Ok(true);
            }
            verb = 'v';
        }
        if self.fmt.sharp_v || !matches!(verb, 'v' | 's' | 'x' | 'X' | 'q') {
            return Ok(false);
        }
        for error in [true, false] {
            match self.call_method(ty, v, error) {
                Ok(Some(text)) => {
                    self.fmt_string(predeclared::STRING, &text, verb)?;
                    return Ok(true);
                }
                Ok(None) => {}
                Err(e) => {
                    let Some(message) = self.host.panic_message(&e) else { return Err(e) };
                    if v.is_nil() {
                        // A nil receiver that panicked: Go just says <nil>.
                        self.buf.extend_from_slice(b"<nil>");
                        return Ok(true);
                    }
                    self.buf.extend_from_slice(b"%!");
                    self.push_verb(verb);
                    self.buf.extend_from_slice(if error {
                        b"(PANIC=Error method: "
                    } else {
                        b"(PANIC=String method: "
                    });
                    self.buf.extend_from_slice(&message);
                    self.buf.push(b')');
                    return Ok(true);
                }
            }
        }
        Ok(false)
    }

    /// `printArg` for one operand of a `...any` parameter.
    pub fn print_arg(&mut self, arg: &Value, verb: char) -> Result<(), H::Error> {
        match arg {
            Value::Iface(i) => self.print_typed(i.ty, &i.value, verb),
            _ => match verb {
                'T' | 'v' => {
                    self.fmt.pad(&mut self.buf, b"<nil>");
                    Ok(())
                }
                _ => self.bad_verb(None, verb),
            },
        }
    }

    /// `printArg` on a value of dynamic type `ty`.
    fn print_typed(&mut self, ty: TypeId, v: &Value, verb: char) -> Result<(), H::Error> {
        match verb {
            'T' => {
                let name = self.type_name(ty);
                self.fmt.fmt_s(&mut self.buf, name.as_bytes());
                return Ok(());
            }
            'p' => return self.fmt_pointer(ty, v, 'p'),
            _ => {}
        }
        // Predeclared types skip the method lookup (they have none) as Go's type switch does.
        if ty <= predeclared::STRING {
            return self.print_value(ty, v, verb, 0, true);
        }
        if matches!(self.host.program().types.kind(ty), TypeKind::Slice(predeclared::UINT8)) {
            let bytes: Vec<u8> = elements(v).iter().map(|b| b.as_int() as u8).collect();
            return self.fmt_bytes(ty, v, &bytes, verb, "[]byte");
        }
        if !self.handle_methods(ty, v, verb)? {
            self.print_value(ty, v, verb, 0, true)?;
        }
        Ok(())
    }

    /// `printValue`. `can_iface` is false below an unexported struct field, where Go's
    /// reflection cannot call methods.
    pub(super) fn print_value(
        &mut self,
        ty: TypeId,
        v: &Value,
        verb: char,
        depth: u32,
        can_iface: bool,
    ) -> Result<(), H::Error> {
        if depth > MAX_DEPTH {
            self.buf.extend_from_slice(b"...");
            return Ok(());
        }
        let Some(kind) = self.under(ty) else {
            self.buf.extend_from_slice(b"?");
            return Ok(());
        };
        if depth > 0 && can_iface {
            let handled = match (&kind, v) {
                (TypeKind::Interface(_), Value::Iface(i)) => self.handle_methods(i.ty, &i.value, verb)?,
                (TypeKind::Interface(_), _) => false,
                _ => self.handle_methods(ty, v, verb)?,
            };
            if handled {
                return Ok(());
            }
        }
        if is_native_struct(&kind, &self.host.program().types) && self.print_native_struct(ty, v, verb, depth)? {
            return Ok(());
        }
        let sep: &[u8] = if self.fmt.sharp_v { b", " } else { b" " };
        match kind {
            TypeKind::Bool => match verb {
                't' | 'v' => self.fmt.fmt_boolean(&mut self.buf, v.as_bool()),
                _ => self.bad_verb(Some((ty, v)), verb)?,
            },
            TypeKind::Int(k) => self.fmt_integer(ty, v, !k.is_unsigned(), verb)?,
            TypeKind::Float64 => self.fmt_float(ty, v, false, verb)?,
            TypeKind::Float32 => self.fmt_float(ty, v, true, verb)?,
            TypeKind::String => self.fmt_string(ty, v.as_bytes(), verb)?,
            TypeKind::Map { key, value } => {
                if self.fmt.sharp_v {
                    let name = self.type_name(ty);
                    self.buf.extend_from_slice(name.as_bytes());
                    if v.is_nil() {
                        self.buf.extend_from_slice(b"(nil)");
                        return Ok(());
                    }
                    self.buf.push(b'{');
                } else {
                    self.buf.extend_from_slice(b"map[");
                }
                let entries: Vec<(Value, Value)> = match v {
                    Value::Map(m) => m.try_borrow().map(|m| m.entries.values().cloned().collect()).unwrap_or_default(),
                    _ => Vec::new(),
                };
                for (i, (k, val)) in entries.iter().enumerate() {
                    if i > 0 {
                        self.buf.extend_from_slice(sep);
                    }
                    self.print_value(key, k, verb, depth + 1, can_iface)?;
                    self.buf.push(b':');
                    self.print_value(value, val, verb, depth + 1, can_iface)?;
                }
                self.buf.push(if self.fmt.sharp_v { b'}' } else { b']' });
            }
            TypeKind::Struct(fields) => {
                if self.fmt.sharp_v {
                    let name = self.type_name(ty);
                    self.buf.extend_from_slice(name.as_bytes());
                }
                self.buf.push(b'{');
                let values = elements(v);
                for (i, field) in fields.iter().enumerate() {
                    if i > 0 {
                        self.buf.extend_from_slice(sep);
                    }
                    if self.fmt.plus_v || self.fmt.sharp_v {
                        self.buf.extend_from_slice(field.name.as_bytes());
                        self.buf.push(b':');
                    }
                    let fv = values.get(i).cloned().unwrap_or_default();
                    let exported = can_iface && is_exported(&field.name);
                    match &fv {
                        Value::Iface(inner) if self.host.program().types.is_interface(field.ty) => {
                            self.print_value(inner.ty, &inner.value, verb, depth + 1, exported)?
                        }
                        _ => self.print_value(field.ty, &fv, verb, depth + 1, exported)?,
                    }
                }
                self.buf.push(b'}');
            }
            TypeKind::Interface(_) => match v {
                Value::Iface(i) => self.print_value(i.ty, &i.value, verb, depth + 1, can_iface)?,
                _ if self.fmt.sharp_v => {
                    let name = self.type_name(ty);
                    self.buf.extend_from_slice(name.as_bytes());
                    self.buf.extend_from_slice(b"(nil)");
                }
                _ => self.buf.extend_from_slice(b"<nil>"),
            },
            TypeKind::Array { elem, .. } | TypeKind::Slice(elem) => {
                let items = elements(v);
                if matches!(verb, 's' | 'q' | 'x' | 'X')
                    && matches!(self.under(elem), Some(TypeKind::Int(IntKind::Uint8)))
                {
                    let bytes: Vec<u8> = items.iter().map(|b| b.as_int() as u8).collect();
                    let name = self.type_name(ty);
                    return self.fmt_bytes(ty, v, &bytes, verb, &name);
                }
                if self.fmt.sharp_v {
                    let name = self.type_name(ty);
                    self.buf.extend_from_slice(name.as_bytes());
                    if v.is_nil() && matches!(self.under(ty), Some(TypeKind::Slice(_))) {
                        self.buf.extend_from_slice(b"(nil)");
                        return Ok(());
                    }
                    self.buf.push(b'{');
                } else {
                    self.buf.push(b'[');
                }
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        self.buf.extend_from_slice(sep);
                    }
                    self.print_value(elem, item, verb, depth + 1, can_iface)?;
                }
                self.buf.push(if self.fmt.sharp_v { b'}' } else { b']' });
            }
            TypeKind::Pointer(elem) => {
                let elem_kind = self.under(elem);
                if depth == 0
                    && !v.is_nil()
                    && matches!(
                        elem_kind,
                        Some(TypeKind::Array { .. } | TypeKind::Slice(_) | TypeKind::Struct(_) | TypeKind::Map { .. })
                    )
                {
                    self.buf.push(b'&');
                    return self.print_value(elem, &deref(v), verb, depth + 1, can_iface);
                }
                self.fmt_pointer(ty, v, verb)?;
            }
            TypeKind::Chan { .. } | TypeKind::Func(_) => self.fmt_pointer(ty, v, verb)?,
            TypeKind::Native(_) => self.buf.extend_from_slice(b"{}"),
            _ => {
                self.buf.push(b'?');
                let name = self.type_name(ty);
                self.buf.extend_from_slice(name.as_bytes());
                self.buf.push(b'?');
            }
        }
        Ok(())
    }

    /// Go's `intFromArg` for `*` widths and precisions: `(num, isInt, newArgNum)`.
    fn int_from_arg(&self, a: &[Value], arg_num: usize) -> (i64, bool, usize) {
        let Some(arg) = a.get(arg_num) else {
            return (0, false, arg_num);
        };
        let (mut num, mut is_int) = (0, false);
        if let Value::Iface(i) = arg {
            if let Some(TypeKind::Int(k)) = self.under(i.ty) {
                let n = i.value.as_int();
                if !k.is_unsigned() || n >= 0 {
                    (num, is_int) = (n, true);
                }
            }
        }
        if too_large(num) {
            (num, is_int) = (0, false);
        }
        (num, is_int, arg_num + 1)
    }

    /// Go's `argNumber`: an explicit `[n]` index.
    fn arg_number(&mut self, arg_num: usize, format: &[u8], i: usize, num_args: usize) -> (usize, usize, bool) {
        if format.get(i) != Some(&b'[') {
            return (arg_num, i, false);
        }
        self.reordered = true;
        let (index, wid, ok) = parse_arg_number(format.get(i..).unwrap_or(&[]));
        if ok && 0 <= index && (index as usize) < num_args {
            return (index as usize, i + wid, true);
        }
        self.good_arg_num = false;
        (arg_num, i + wid, ok)
    }

    /// `%v` and `%w` move `#` and `+` to their `%v`-specific meaning.
    fn set_v_flags(&mut self) {
        self.fmt.sharp_v = self.fmt.sharp;
        self.fmt.sharp = false;
        self.fmt.plus_v = self.fmt.plus;
        self.fmt.plus = false;
    }

    /// Go's `doPrintf`.
    pub fn do_printf(&mut self, format: &[u8], a: &[Value]) -> Result<(), H::Error> {
        let end = format.len();
        let at = |i: usize| format.get(i).copied().unwrap_or(0);
        let mut arg_num = 0usize;
        let mut after_index;
        self.reordered = false;
        let mut i = 0;
        'format_loop: while i < end {
            self.good_arg_num = true;
            let lasti = i;
            while i < end && at(i) != b'%' {
                i += 1;
            }
            self.buf.extend_from_slice(format.get(lasti..i).unwrap_or(&[]));
            if i >= end {
                break;
            }
            i += 1;
            self.fmt.clear();
            while i < end {
                match at(i) {
                    b'#' => self.fmt.sharp = true,
                    b'0' => self.fmt.zero = true,
                    b'+' => self.fmt.plus = true,
                    b'-' => self.fmt.minus = true,
                    b' ' => self.fmt.space = true,
                    c => {
                        if c.is_ascii_lowercase() {
                            if let Some(arg) = a.get(arg_num) {
                                if c == b'w' {
                                    self.wrapped.push(arg_num);
                                }
                                if c == b'w' || c == b'v' {
                                    self.set_v_flags();
                                }
                                self.print_arg(arg, c as char)?;
                                arg_num += 1;
                                i += 1;
                                continue 'format_loop;
                            }
                        }
                        break;
                    }
                }
                i += 1;
            }
            (arg_num, i, after_index) = self.arg_number(arg_num, format, i, a.len());
            if at(i) == b'*' && i < end {
                i += 1;
                (self.fmt.wid, self.fmt.wid_present, arg_num) = self.int_from_arg(a, arg_num);
                if !self.fmt.wid_present {
                    self.buf.extend_from_slice(b"%!(BADWIDTH)");
                }
                if self.fmt.wid < 0 {
                    self.fmt.wid = -self.fmt.wid;
                    self.fmt.minus = true;
                    self.fmt.zero = false;
                }
                after_index = false;
            } else {
                (self.fmt.wid, self.fmt.wid_present, i) = parsenum(format, i, end);
                if after_index && self.fmt.wid_present {
                    self.good_arg_num = false;
                }
            }
            if i + 1 < end && at(i) == b'.' {
                i += 1;
                if after_index {
                    self.good_arg_num = false;
                }
                (arg_num, i, after_index) = self.arg_number(arg_num, format, i, a.len());
                if i < end && at(i) == b'*' {
                    i += 1;
                    (self.fmt.prec, self.fmt.prec_present, arg_num) = self.int_from_arg(a, arg_num);
                    if self.fmt.prec < 0 {
                        self.fmt.prec = 0;
                        self.fmt.prec_present = false;
                    }
                    if !self.fmt.prec_present {
                        self.buf.extend_from_slice(b"%!(BADPREC)");
                    }
                    after_index = false;
                } else {
                    (self.fmt.prec, self.fmt.prec_present, i) = parsenum(format, i, end);
                    if !self.fmt.prec_present {
                        self.fmt.prec = 0;
                        self.fmt.prec_present = true;
                    }
                }
            }
            if !after_index {
                (arg_num, i, _) = self.arg_number(arg_num, format, i, a.len());
            }
            if i >= end {
                self.buf.extend_from_slice(b"%!(NOVERB)");
                break;
            }
            let (r, size) = decode_rune(format.get(i..).unwrap_or(&[]));
            let verb = char::from_u32(r).unwrap_or('\u{FFFD}');
            i += size.max(1);
            match a.get(arg_num) {
                _ if verb == '%' => self.buf.push(b'%'),
                _ if !self.good_arg_num => {
                    self.buf.extend_from_slice(b"%!");
                    push_rune(&mut self.buf, r);
                    self.buf.extend_from_slice(b"(BADINDEX)");
                }
                None => {
                    self.buf.extend_from_slice(b"%!");
                    push_rune(&mut self.buf, r);
                    self.buf.extend_from_slice(b"(MISSING)");
                }
                Some(arg) => {
                    if verb == 'w' {
                        self.wrapped.push(arg_num);
                    }
                    if verb == 'w' || verb == 'v' {
                        self.set_v_flags();
                    }
                    self.print_arg(arg, verb)?;
                    arg_num += 1;
                }
            }
        }
        if !self.reordered && arg_num < a.len() {
            self.fmt.clear();
            self.buf.extend_from_slice(b"%!(EXTRA ");
            for (i, arg) in a.iter().enumerate().skip(arg_num) {
                if i > arg_num {
                    self.buf.extend_from_slice(b", ");
                }
                match arg {
                    Value::Iface(inner) => {
                        let name = self.type_name(inner.ty);
                        self.buf.extend_from_slice(name.as_bytes());
                        self.buf.push(b'=');
                        self.print_arg(arg, 'v')?;
                    }
                    _ => self.buf.extend_from_slice(b"<nil>"),
                }
            }
            self.buf.push(b')');
        }
        Ok(())
    }
}
