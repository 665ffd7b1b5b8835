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
}
