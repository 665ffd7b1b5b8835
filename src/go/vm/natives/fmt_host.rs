//! `fmt` and the builtin `print`/`println`, through [`crate::go::fmt`] with the goroutine as
//! its [`Host`]: `String()` and `Error()` methods run as Go code in a nested loop.

use super::super::super::bytecode::{Native, Program};
use super::super::super::fmt::{self as gofmt, Host};
use super::super::super::types::{predeclared, TypeId};
use super::super::super::value::Value;
use super::super::fiber::Fiber;
use super::super::{Res, Trap};
use crate::runtime::Stream;

impl Host for Fiber {
    type Error = Trap;

    fn program(&self) -> &Program {
        &self.vm.program
    }

    fn call_to_string(&mut self, ty: TypeId, value: &Value, method: u32) -> Result<Option<Vec<u8>>, Trap> {
        let Some(imp) = self.vm.program.methods.get(&(ty, method)).copied() else { return Ok(None) };
        let recv = if imp.deref { self.deref_copy(value)? } else { value.clone() };
        let results = self.call_sync(imp.callee, vec![recv])?;
        Ok(Some(results.first().map(|v| v.as_bytes().to_vec()).unwrap_or_default()))
    }

    fn panic_message(&mut self, err: &Trap) -> Option<Vec<u8>> {
        match err {
            Trap::Panic(v) => gofmt::sprint(self, std::slice::from_ref(v)).ok(),
            _ => None,
        }
    }
}

impl Fiber {
    pub(super) fn native_fmt(&mut self, native: Native, args: &[Value]) -> Res {
        match native {
            Native::FmtPrintln | Native::FmtPrint | Native::FmtPrintf => {
                let out = match native {
                    Native::FmtPrintln => gofmt::sprintln(self, args)?,
                    Native::FmtPrint => gofmt::sprint(self, args)?,
                    _ => {
                        let format = super::arg(args, 0);
                        gofmt::sprintf(self, format.as_bytes(), args.get(1..).unwrap_or_default())?
                    }
                };
                self.write_out(Stream::Stdout, &out)?;
                // Go's (n int, err error): bytes written, no error.
                self.push(Value::Int(out.len() as i64));
                self.push(Value::Nil);
                Ok(())
            }
            Native::FmtFprint | Native::FmtFprintln | Native::FmtFprintf => {
                let writer = super::arg(args, 0);
                let rest = args.get(1..).unwrap_or_default();
                let out = match native {
                    Native::FmtFprintln => gofmt::sprintln(self, rest)?,
                    Native::FmtFprint => gofmt::sprint(self, rest)?,
                    _ => {
                        let format = super::arg(rest, 0);
                        gofmt::sprintf(self, format.as_bytes(), rest.get(1..).unwrap_or_default())?
                    }
                };
                self.write_to(&writer, out)
            }
            Native::OsStdout | Native::OsStderr => {
                let fd = if native == Native::OsStdout { 1 } else { 2 };
                self.push(Value::AggPtr(std::rc::Rc::new(std::cell::RefCell::new(vec![Value::Int(fd)]))));
                Ok(())
            }
            Native::FileWrite => {
                let bytes: Vec<u8> =
                    super::super::ops::slice_values(&super::arg(args, 1)).iter().map(|b| b.as_int() as u8).collect();
                let fd = match &super::arg(args, 0) {
                    Value::AggPtr(b) => b.borrow().first().map(Value::as_int).unwrap_or(0),
                    _ => return Err(self.nil_deref()),
                };
                let stream = if fd == 2 { Stream::Stderr } else { Stream::Stdout };
                self.write_out(stream, &bytes)?;
                self.push(Value::Int(bytes.len() as i64));
                self.push(Value::Nil);
                Ok(())
            }
            Native::FmtSprintln | Native::FmtSprint | Native::FmtSprintf => {
                let out = match native {
                    Native::FmtSprintln => gofmt::sprintln(self, args)?,
                    Native::FmtSprint => gofmt::sprint(self, args)?,
                    _ => {
                        let format = super::arg(args, 0);
                        gofmt::sprintf(self, format.as_bytes(), args.get(1..).unwrap_or_default())?
                    }
                };
                self.alloc(out.len() as u64)?;
                self.push(Value::bytes(out));
                Ok(())
            }
            Native::FmtErrorf => {
                let format = super::arg(args, 0);
                let rest = args.get(1..).unwrap_or_default();
                let (text, wrapped) = gofmt::errorf(self, format.as_bytes(), rest)?;
                let errs: Vec<Value> =
                    wrapped.iter().filter_map(|&i| rest.get(i).cloned()).filter(|e| self.is_error(e)).collect();
                let err = match errs.len() {
                    0 => self.error_string(text),
                    1 => self.wrap_error(text, errs.into_iter().next().unwrap_or_default()),
                    _ => self.wrap_errors(text, errs),
                };
                self.push(err);
                Ok(())
            }
            Native::BuiltinPrintln | Native::BuiltinPrint => {
                let mut out = Vec::new();
                for (i, a) in args.iter().enumerate() {
                    if i > 0 && native == Native::BuiltinPrintln {
                        out.push(b' ');
                    }
                    let (ty, v) = match a {
                        Value::Iface(iface) => (iface.ty, iface.value.clone()),
                        other => (predeclared::ANY, other.clone()),
                    };
                    out.extend(gofmt::builtin_print_operand(ty, &v, &self.vm.program));
                }
                if native == Native::BuiltinPrintln {
                    out.push(b'\n');
                }
                self.write_out(Stream::Stderr, &out)
            }
            _ => Err(self.internal("unexpected fmt native")),
        }
    }

    /// Whether interface value `v` holds a type with an `Error` method.
    pub(crate) fn is_error(&self, v: &Value) -> bool {
        match v {
            Value::Iface(i) => self.vm.program.methods.contains_key(&(i.ty, self.vm.program.error_method)),
            _ => false,
        }
    }

    /// `w.Write(out)` for `fmt.Fprint*`: the writer's own `Write` method (a `*os.File`, a
    /// `*strings.Builder`, or Go code), whose `(n, err)` are the results.
    fn write_to(&mut self, writer: &Value, out: Vec<u8>) -> Res {
        if writer.is_nil() {
            return Err(self.nil_deref());
        }
        let Some(method) = self.vm.method_id("Write") else { return Err(self.internal("no Write method")) };
        let (callee, recv) = self.resolve_method(writer, method)?;
        self.alloc(out.len() as u64 * super::super::ops::SLOT)?;
        let bytes = super::super::seq::new_slice(out.into_iter().map(|b| Value::Int(i64::from(b))).collect());
        let results = self.call_sync(callee, vec![recv, bytes])?;
        let mut results = results.into_iter();
        self.push(results.next().unwrap_or(Value::Int(0)));
        self.push(results.next().unwrap_or_default());
        Ok(())
    }
}
