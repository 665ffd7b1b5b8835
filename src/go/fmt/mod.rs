//! Go's `fmt` printing rules (`%v`, `Printf` verbs, `Println` spacing) over run-time values,
//! plus the other text Go's runtime prints for values (panic values, `Duration.String`).
//!
//! Values arrive as they are passed to a `...any` parameter: interface values (`Iface` with
//! their dynamic type, or `Nil`). Methods `Error()` and `String()` are honoured through
//! [`Host`], which the VM implements (they are Go code).
//!
//! Ported from Go 1.27's `fmt/print.go`, `fmt/format.go`, `strconv` and `runtime/error.go`.
//! Known differences: pointers print fake (stable) addresses; a panic inside `Error()` or
//! `String()` propagates as the VM's error instead of printing `%!v(PANIC=String method: …)`
//! (except a value-receiver method on a nil pointer, which prints `<nil>` as Go does);
//! values nested over 100 levels (a slice holding itself) print `...` where Go overflows its
//! stack; built-in `sync`/`strings.Builder` states print `{}`; no `Formatter`/`GoStringer`.

pub(crate) mod float;
mod format;
mod print;
pub(crate) mod quote;
mod runtime;
mod sync;
mod value;

use super::bytecode::Program;
use super::types::TypeId;
use super::value::Value;
use print::Printer;

/// Go's `utf8.DecodeRune` (invalid bytes: U+FFFD, width 1), shared with `strings`.
pub(crate) use quote::decode_rune;

/// What `fmt` needs from the VM.
pub trait Host {
    /// A Go panic or run-time limit raised while running a method.
    type Error;
    fn program(&self) -> &Program;
    /// Runs method `method` (an index into `Program::method_names`: `error_method` or
    /// `string_method`) on a value of dynamic type `ty`, if that type has it. `Ok(None)`: it
    /// has not.
    fn call_to_string(&mut self, ty: TypeId, value: &Value, method: u32) -> Result<Option<Vec<u8>>, Self::Error>;

    /// When `err` is a Go panic raised inside `String()`/`Error()`, the panic value as `%v`
    /// prints it: fmt then prints `%!v(PANIC=String method: ...)` and goes on, as Go's
    /// `catchPanic` does. `None`: the error ends the run (a limit, a halt).
    fn panic_message(&mut self, err: &Self::Error) -> Option<Vec<u8>> {
        let _ = err;
        None
    }
}

/// `fmt.Sprintf(format, args...)`.
pub fn sprintf<H: Host>(host: &mut H, format: &[u8], args: &[Value]) -> Result<Vec<u8>, H::Error> {
    let mut p = Printer::new(host);
    p.do_printf(format, args)?;
    Ok(p.buf)
}

/// `fmt.Sprint(args...)`: spaces between operands when neither side is a string.
pub fn sprint<H: Host>(host: &mut H, args: &[Value]) -> Result<Vec<u8>, H::Error> {
    let mut p = Printer::new(host);
    let mut prev_string = false;
    for (i, arg) in args.iter().enumerate() {
        let is_string = match arg {
            Value::Iface(inner) => p.is_string_kind(inner.ty),
            _ => false,
        };
        if i > 0 && !is_string && !prev_string {
            p.buf.push(b' ');
        }
        p.print_arg(arg, 'v')?;
        prev_string = is_string;
    }
    Ok(p.buf)
}

/// `fmt.Sprintln(args...)`: spaces between all operands, then a newline.
pub fn sprintln<H: Host>(host: &mut H, args: &[Value]) -> Result<Vec<u8>, H::Error> {
    let mut p = Printer::new(host);
    for (i, arg) in args.iter().enumerate() {
        if i > 0 {
            p.buf.push(b' ');
        }
        p.print_arg(arg, 'v')?;
    }
    p.buf.push(b'\n');
    Ok(p.buf)
}

/// `fmt.Errorf`'s text and the indices of the arguments that `%w` wrapped (in order).
/// As in Go: with several `%w`, sorted when the format used explicit indices and without
/// repeats; the VM keeps only the operands that are errors (`%w` of a non-error printed
/// `%!w(...)`).
pub fn errorf<H: Host>(host: &mut H, format: &[u8], args: &[Value]) -> Result<(Vec<u8>, Vec<usize>), H::Error> {
    if args.is_empty() && !format.contains(&b'%') {
        return Ok((format.to_vec(), Vec::new()));
    }
    let mut p = Printer::new(host);
    p.wrap_errs = true;
    p.do_printf(format, args)?;
    let mut wrapped = std::mem::take(&mut p.wrapped);
    if wrapped.len() > 1 {
        if p.reordered {
            crate::go::diag::sort_small_by_key(&mut wrapped, |&i| i);
        }
        wrapped.dedup();
    }
    Ok((p.buf, wrapped))
}

/// What Go's runtime prints after `panic: ` for the value `v` given to `panic` (an interface
/// value): an error's `Error()`, a Stringer's `String()`, a string as is, numbers and bools
/// as `print` does, named basic types as `main.T(5)` / `main.S("x")`, other types as
/// `(main.T) 0xc000012345`; newlines in strings are followed by a tab. `Nil` (`panic(nil)`)
/// gives `runtime error: panic called with nil argument` (Go 1.21+'s `*runtime.PanicNilError`).
pub fn panic_value<H: Host>(host: &mut H, v: &Value) -> Result<Vec<u8>, H::Error> {
    runtime::panic_value(&mut Printer::new(host), v)
}

/// Builtin `print`/`println` formatting of one operand (Go's runtime printing: floats
/// shortest as `%g` since Go 1.27 (`1.5`, `1e+21`), pointers as addresses, interfaces as
/// `(0x..,0x..)`, slices as `[len/cap]0x..`).
pub fn builtin_print_operand(ty: TypeId, v: &Value, program: &Program) -> Vec<u8> {
    runtime::builtin_print_operand(ty, v, program)
}

/// `time.Duration.String()`: `1.5s`, `2h3m0s`, `0s`, `1ns`, `1.000001ms`, `-3µs`.
pub fn duration_string(d: i64) -> String {
    runtime::duration_string(d)
}
