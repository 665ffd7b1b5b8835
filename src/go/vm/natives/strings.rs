//! The `strings` package: pure functions through [`crate::go::strings::call`], and the
//! `strings.Builder` methods, whose state is the hidden field of the Builder struct.

use super::super::super::bytecode::Native;
use super::super::super::value::{Native as NativeState, Value};
use super::super::fiber::Fiber;
use super::super::seq::encode_rune;
use super::super::{Res, Trap};

impl Fiber {
    pub(super) fn native_strings(&mut self, native: Native, args: &[Value]) -> Res {
        match native {
            Native::BuilderWriteString
            | Native::BuilderWriteByte
            | Native::BuilderWriteRune
            | Native::BuilderString
            | Native::BuilderLen
            | Native::BuilderReset
            | Native::BuilderGrow
            | Native::BuilderWrite => return self.builder(native, args),
            Native::StringsRepeat => {
                let count = super::arg(args, 1).as_int();
                if count < 0 {
                    return Err(Trap::Panic(self.plain_panic_value("strings: negative Repeat count")));
                }
                let len = super::arg(args, 0).as_bytes().len() as u64;
                self.alloc(len.saturating_mul(count as u64))?;
            }
            _ => {}
        }
        let Some(results) = super::super::super::strings::call(native, args, &self.vm.program) else {
            return Err(self.internal("a strings function that is not available"));
        };
        let bytes: u64 = results.iter().map(|v| v.as_bytes().len() as u64).sum();
        if native != Native::StringsRepeat {
            self.alloc(bytes)?;
        }
        self.stack.extend(results);
        Ok(())
    }

    fn builder(&mut self, native: Native, args: &[Value]) -> Res {
        let recv = super::arg(args, 0);
        let cell = match &recv {
            Value::AggPtr(b) | Value::Agg(b) => match b.borrow().first() {
                Some(Value::Native(cell)) => Some(cell.clone()),
                _ => None,
            },
            Value::Native(cell) => Some(cell.clone()),
            _ => None,
        };
        let Some(cell) = cell else {
            return Err(if recv.is_nil() { self.nil_deref() } else { self.internal("Builder method on another type") });
        };
        let mut added = Vec::new();
        match native {
            Native::BuilderWriteString => added.extend_from_slice(super::arg(args, 1).as_bytes()),
            Native::BuilderWrite => {
                added.extend(super::super::ops::slice_values(&super::arg(args, 1)).iter().map(|b| b.as_int() as u8))
            }
            Native::BuilderWriteByte => added.push(super::arg(args, 1).as_int() as u8),
            Native::BuilderWriteRune => encode_rune(super::arg(args, 1).as_int(), &mut added),
            Native::BuilderGrow => {
                let n = super::arg(args, 1).as_int();
                if n < 0 {
                    return Err(Trap::Panic(self.plain_panic_value("strings.Builder.Grow: negative count")));
                }
            }
            _ => {}
        }
        if !added.is_empty() {
            self.alloc(added.len() as u64)?;
        }
        let mut state = cell.borrow_mut();
        let NativeState::Builder(buf) = &mut *state else {
            drop(state);
            return Err(self.internal("Builder method on another type"));
        };
        let n = added.len() as i64;
        buf.extend_from_slice(&added);
        let results: Vec<Value> = match native {
            Native::BuilderWriteString | Native::BuilderWriteRune | Native::BuilderWrite => {
                vec![Value::Int(n), Value::Nil]
            }
            Native::BuilderWriteByte => vec![Value::Nil],
            Native::BuilderString => vec![Value::bytes(buf.clone())],
            Native::BuilderLen => vec![Value::Int(buf.len() as i64)],
            Native::BuilderReset => {
                *buf = Vec::new();
                vec![]
            }
            _ => vec![],
        };
        drop(state);
        self.stack.extend(results);
        Ok(())
    }
}
