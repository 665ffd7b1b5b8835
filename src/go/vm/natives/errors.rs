//! The `errors` package and the methods of the error types natives make. `Is`/`As` walk the
//! `Unwrap` chain, calling user types' `Unwrap`/`Is` methods as Go code.

use std::rc::Rc;

use super::super::super::bytecode::Native;
use super::super::super::value::{Iface, Value};
use super::super::arith::equal;
use super::super::fiber::Fiber;
use super::super::ops::slice_values;
use super::super::seq::new_slice;
use super::super::Res;

/// How far `Is`/`As` follow a chain (a user `Unwrap` may loop).
const MAX_CHAIN: usize = 10_000;

enum Unwrapped {
    None,
    One(Value),
    Many(Vec<Value>),
}

fn boxed(ty: u32, fields: Vec<Value>) -> Value {
    let value = Value::AggPtr(Rc::new(std::cell::RefCell::new(fields)));
    Value::Iface(Rc::new(Iface { ty, value }))
}

impl Fiber {
    /// `errors.New(text)`: a `*errors.errorString`.
    pub(crate) fn error_string(&self, text: Vec<u8>) -> Value {
        boxed(self.vm.program.well_known.error_string_ptr, vec![Value::bytes(text)])
    }

    /// `fmt.Errorf` with one `%w`: a `*fmt.wrapError`.
    pub(crate) fn wrap_error(&self, msg: Vec<u8>, err: Value) -> Value {
        boxed(self.vm.program.well_known.wrap_error_ptr, vec![Value::bytes(msg), err])
    }

    /// `fmt.Errorf` with several `%w`, or `errors.Join`.
    pub(crate) fn wrap_errors(&self, msg: Vec<u8>, errs: Vec<Value>) -> Value {
        boxed(self.vm.program.well_known.wrap_errors_ptr, vec![Value::bytes(msg), new_slice(errs)])
    }

    pub(super) fn native_errors(&mut self, native: Native, args: &[Value]) -> Res {
        let a0 = super::arg(args, 0);
        match native {
            Native::ErrorsNew => {
                let text = a0.as_bytes().to_vec();
                self.alloc(text.len() as u64 + 32)?;
                let e = self.error_string(text);
                self.push(e);
            }
            Native::ErrorStringError | Native::WrapErrorError | Native::WrapErrorUnwrap => {
                let b = self.agg_box(&a0)?;
                let index = usize::from(native == Native::WrapErrorUnwrap);
                let v = b.borrow().get(index).cloned().unwrap_or_default();
                self.push(v);
            }
            Native::RuntimeErrorError => {
                let v = match a0 {
                    Value::Iface(i) => i.value.clone(),
                    other => other,
                };
                self.push(v);
            }
            // `RangeDefers` is only ever a deferred entry, expanded before it would be called.
            Native::RuntimeErrorMarker | Native::RangeDefers => {}
            Native::RangeFuncCheck | Native::RangeFuncExit => {
                // Go's `abi.RF_*` states: 0 done, 1 ready, 2 panic, 3 exhausted.
                let state = if native == Native::RangeFuncExit && a0.as_int() == 2 { 4 } else { a0.as_int() };
                let msg = match state {
                    0 => "continued iteration after function for loop body returned false",
                    2 => "continued iteration after loop body panic",
                    3 => "continued iteration after whole loop exit",
                    4 => "recovered a loop body panic and did not resume panicking",
                    _ => return Ok(()),
                };
                if native == Native::RangeFuncCheck || state == 4 {
                    return Err(self.rt_panic(&format!("range function {msg}")));
                }
            }
            Native::ErrorsUnwrap => {
                let v = match self.unwrap_err(&a0)? {
                    Unwrapped::One(e) => e,
                    _ => Value::Nil,
                };
                self.push(v);
            }
            Native::ErrorsIs => {
                let target = super::arg(args, 1);
                let r = self.errors_is(a0, &target, 0)?;
                self.push(Value::Bool(r));
            }
            Native::ErrorsAs => {
                let target = match super::arg(args, 1) {
                    Value::Iface(i) => i.value.clone(),
                    other => other,
                };
                let elem = super::arg(args, 2).as_int() as u32;
                let r = self.errors_as(a0, &target, elem, 0)?;
                self.push(Value::Bool(r));
            }
            Native::ErrorsJoin => {
                let errs: Vec<Value> = args.iter().filter(|e| !e.is_nil()).cloned().collect();
                if errs.is_empty() {
                    self.push(Value::Nil);
                    return Ok(());
                }
                let mut msg = Vec::new();
                for (i, e) in errs.iter().enumerate() {
                    if i > 0 {
                        msg.push(b'\n');
                    }
                    msg.extend(self.error_text(e)?);
                }
                let e = boxed(self.vm.program.well_known.join_error_ptr, vec![Value::bytes(msg), new_slice(errs)]);
                self.push(e);
            }
            _ => return Err(self.internal("unexpected errors native")),
        }
        Ok(())
    }

    /// `err.Error()`.
    fn error_text(&mut self, err: &Value) -> Res<Vec<u8>> {
        let Value::Iface(i) = err else { return Ok(b"<nil>".to_vec()) };
        let method = self.vm.program.error_method;
        Ok(super::super::super::fmt::Host::call_to_string(self, i.ty, &i.value, method)?.unwrap_or_default())
    }

    /// Calls method `name` of `err`'s dynamic type, if it has one.
    fn call_method(&mut self, err: &Value, name: &str, extra: Vec<Value>) -> Res<Option<Vec<Value>>> {
        let Value::Iface(i) = err else { return Ok(None) };
        let Some(id) = self.vm.method_id(name) else { return Ok(None) };
        let Some(imp) = self.vm.program.methods.get(&(i.ty, id)).copied() else { return Ok(None) };
        let recv = if imp.deref { self.deref_copy(&i.value)? } else { i.value.clone() };
        let mut args = vec![recv];
        args.extend(extra);
        self.call_sync(imp.callee, args).map(Some)
    }

    fn unwrap_err(&mut self, err: &Value) -> Res<Unwrapped> {
        let Value::Iface(i) = err else { return Ok(Unwrapped::None) };
        let wk = &self.vm.program.well_known;
        if i.ty == wk.wrap_errors_ptr || i.ty == wk.join_error_ptr {
            let errs = match &i.value {
                Value::AggPtr(b) => b.borrow().get(1).map(slice_values).unwrap_or_default(),
                _ => Vec::new(),
            };
            return Ok(Unwrapped::Many(errs));
        }
        Ok(match self.call_method(err, "Unwrap", Vec::new())?.and_then(|r| r.into_iter().next()) {
            Some(v @ Value::Slice(_)) => Unwrapped::Many(slice_values(&v)),
            Some(v) => Unwrapped::One(v),
            None => Unwrapped::None,
        })
    }

    fn errors_is(&mut self, mut err: Value, target: &Value, depth: usize) -> Res<bool> {
        if err.is_nil() || target.is_nil() {
            return Ok(err.is_nil() && target.is_nil());
        }
        for _ in 0..MAX_CHAIN {
            if depth > 64 {
                return Ok(false);
            }
            if equal(&err, target).unwrap_or(false) {
                return Ok(true);
            }
            if let Some(r) = self.call_method(&err, "Is", vec![target.clone()])? {
                if r.first().is_some_and(Value::as_bool) {
                    return Ok(true);
                }
            }
            match self.unwrap_err(&err)? {
                Unwrapped::None => return Ok(false),
                Unwrapped::One(e) if e.is_nil() => return Ok(false),
                Unwrapped::One(e) => err = e,
                Unwrapped::Many(errs) => {
                    for e in errs {
                        if self.errors_is(e, target, depth + 1)? {
                            return Ok(true);
                        }
                    }
                    return Ok(false);
                }
            }
        }
        Ok(false)
    }

    fn errors_as(&mut self, mut err: Value, target: &Value, elem: u32, depth: usize) -> Res<bool> {
        if target.is_nil() {
            return Err(Trap::Panic(self.plain_panic_value("errors: target must be a non-nil pointer")));
        }
        for _ in 0..MAX_CHAIN {
            let Value::Iface(i) = &err else { return Ok(false) };
            if depth > 64 {
                return Ok(false);
            }
            let matched = if matches!(self.vm.under(elem), Some(super::super::super::types::TypeKind::Interface(_))) {
                self.implements(i.ty, elem).is_ok().then(|| err.clone())
            } else {
                (i.ty == elem).then(|| i.value.clone())
            };
            if let Some(v) = matched {
                self.store_cell(target, v)?;
                return Ok(true);
            }
            match self.unwrap_err(&err)? {
                Unwrapped::None => return Ok(false),
                Unwrapped::One(e) => err = e,
                Unwrapped::Many(errs) => {
                    for e in errs {
                        if self.errors_as(e, target, elem, depth + 1)? {
                            return Ok(true);
                        }
                    }
                    return Ok(false);
                }
            }
        }
        Ok(false)
    }
}

use super::super::Trap;
