//! Interface instructions (conversions, assertions) and channel instructions (send, receive,
//! close, select), which park the goroutine on the runtime's own futures.

use std::rc::Rc;

use super::super::bytecode::Op;
use super::super::types::{TypeId, TypeKind};
use super::super::value::{Channel, Iface, Value};
use super::fiber::{Fiber, Pending, Resume};
use super::{Res, Trap};
use crate::runtime::{BlockReason, Case, Selected};

impl Fiber {
    /// Whether dynamic type `dyn_ty` has every method of interface `iface`: `Err(name)` of
    /// the first missing one.
    pub fn implements(&self, dyn_ty: TypeId, iface: TypeId) -> Result<(), String> {
        let Some(TypeKind::Interface(methods)) = self.vm.under(iface) else { return Ok(()) };
        for m in methods {
            let found =
                self.vm.method_id(&m.name).is_some_and(|id| self.vm.program.methods.contains_key(&(dyn_ty, id)));
            if !found {
                return Err(m.name.clone());
            }
        }
        Ok(())
    }

    fn is_interface(&self, ty: TypeId) -> bool {
        matches!(self.vm.under(ty), Some(TypeKind::Interface(_)))
    }

    /// Whether interface value `v` holds type `ty` (or implements interface `ty`).
    fn has_type(&self, v: &Value, ty: TypeId) -> bool {
        match v {
            Value::Iface(i) if self.is_interface(ty) => self.implements(i.ty, ty).is_ok(),
            Value::Iface(i) => i.ty == ty,
            _ => false,
        }
    }

    pub(super) fn slow_iface(&mut self, op: Op) -> Res {
        match op {
            Op::ToIface(ty) => {
                let v = self.pop();
                self.push(Value::Iface(Rc::new(Iface { ty, value: v })));
            }
            Op::Assert { ty, from } => {
                let v = self.pop();
                let r = self.assert(v, ty, from)?;
                self.push(r);
            }
            Op::AssertOk { ty } => {
                let v = self.pop();
                if self.has_type(&v, ty) {
                    let r = match v {
                        Value::Iface(i) if !self.is_interface(ty) => i.value.clone(),
                        other => other,
                    };
                    self.push(r);
                    self.push(Value::Bool(true));
                } else {
                    let zero = self.zero_checked(ty)?;
                    self.push(zero);
                    self.push(Value::Bool(false));
                }
            }
            Op::IsType(ty) => {
                let ok = self.stack.last().is_some_and(|v| self.has_type(v, ty));
                self.push(Value::Bool(ok));
            }
            Op::Unwrap => {
                let v = self.pop();
                self.push(match v {
                    Value::Iface(i) => i.value.clone(),
                    other => other,
                });
            }
            Op::MakeChan { ty } => {
                let cap = self.pop().as_int();
                if cap < 0 {
                    return Err(self.runtime_panic_plain("makechan: size out of range"));
                }
                self.alloc((cap as u64).saturating_mul(super::ops::SLOT).saturating_add(96))?;
                let elem = match self.vm.under(ty) {
                    Some(TypeKind::Chan { elem, .. }) => *elem,
                    _ => ty,
                };
                let v = self.new_chan(cap as usize, elem);
                self.push(v);
            }
            Op::Close => {
                let ch = self.pop();
                match ch {
                    Value::Chan(c) => {
                        if !c.chan.try_close() {
                            return Err(self.runtime_panic_plain("close of closed channel"));
                        }
                    }
                    Value::Nil => return Err(self.runtime_panic_plain("close of nil channel")),
                    _ => return Err(self.internal("close of a non-channel value")),
                }
            }
            Op::Send => {
                let v = self.pop();
                let ch = self.pop();
                self.send(ch, v)?;
            }
            Op::Recv { elem } => {
                let ch = self.pop();
                self.recv(ch, elem, false)?;
            }
            Op::RecvOk { elem } => {
                let ch = self.pop();
                self.recv(ch, elem, true)?;
            }
            Op::Select(k) => self.select(k)?,
            _ => return Err(self.internal(&format!("unexpected instruction {op:?}"))),
        }
        Ok(())
    }

    fn assert(&mut self, v: Value, ty: TypeId, from: TypeId) -> Res<Value> {
        let want = self.vm.type_name(ty);
        if self.is_interface(ty) {
            return match &v {
                Value::Iface(i) => match self.implements(i.ty, ty) {
                    Ok(()) => Ok(v),
                    Err(missing) => {
                        let have = self.vm.type_name(i.ty);
                        Err(self.type_assertion(format!("{have} is not {want}: missing method {missing}")))
                    }
                },
                _ => Err(self.type_assertion(format!("interface is nil, not {want}"))),
            };
        }
        let inter = self.vm.type_name(from);
        match v {
            Value::Iface(i) if i.ty == ty => Ok(i.value.clone()),
            Value::Iface(i) => {
                let have = self.vm.type_name(i.ty);
                Err(self.type_assertion(format!("{inter} is {have}, not {want}")))
            }
            _ => Err(self.type_assertion(format!("{inter} is nil, not {want}"))),
        }
    }

    fn type_assertion(&self, msg: String) -> Trap {
        let ty = self.vm.program.well_known.assert_error_ptr;
        Trap::Panic(self.vm.runtime_error_of(ty, format!("interface conversion: {msg}")))
    }

    /// A new channel value with the run's next id.
    pub fn new_chan(&self, cap: usize, elem: TypeId) -> Value {
        let id = self.vm.next_chan_id.get();
        self.vm.next_chan_id.set(id + 1);
        Value::Chan(Rc::new(Channel { id, chan: self.vm.rt.chan(cap), elem }))
    }

    fn send(&mut self, ch: Value, v: Value) -> Res {
        let c = match ch {
            Value::Chan(c) => c,
            Value::Nil => {
                return Err(self.block_on(Pending::Forever(self.vm.rt.park_forever(BlockReason::ChanSendNil))))
            }
            _ => return Err(self.internal("send on a non-channel value")),
        };
        match c.chan.send_now(v) {
            Ok(()) => Ok(()),
            Err((_, true)) => Err(self.runtime_panic_plain("send on closed channel")),
            Err((v, false)) => {
                let closed = self.vm.plain_error("send on closed channel");
                let op = Box::pin(async move {
                    if c.chan.send_or_closed(v).await {
                        Resume::Nothing
                    } else {
                        Resume::Panic(closed)
                    }
                });
                Err(self.block_on(Pending::Op(op)))
            }
        }
    }

    fn recv(&mut self, ch: Value, elem: TypeId, with_ok: bool) -> Res {
        let c = match ch {
            Value::Chan(c) => c,
            Value::Nil => {
                return Err(self.block_on(Pending::Forever(self.vm.rt.park_forever(BlockReason::ChanRecvNil))))
            }
            _ => return Err(self.internal("receive from a non-channel value")),
        };
        match c.chan.recv_now() {
            Some(Some(v)) => {
                self.push(v);
                if with_ok {
                    self.push(Value::Bool(true));
                }
                Ok(())
            }
            Some(None) => {
                let zero = self.zero_checked(elem)?;
                self.push(zero);
                if with_ok {
                    self.push(Value::Bool(false));
                }
                Ok(())
            }
            None => {
                let zero = self.zero_checked(elem)?;
                let op = Box::pin(async move {
                    let got = c.chan.recv_opt().await;
                    match (got, with_ok) {
                        (Some(v), true) => Resume::Two(v, Value::Bool(true)),
                        (Some(v), false) => Resume::One(v),
                        (None, true) => Resume::Two(zero, Value::Bool(false)),
                        (None, false) => Resume::One(zero),
                    }
                });
                Err(self.block_on(Pending::Op(op)))
            }
        }
    }

    /// `select`: `[cases...] → [index, v, ok]`. Nil channels never get ready (skipped).
    fn select(&mut self, k: u32) -> Res {
        let vm = self.vm.clone();
        let Some(desc) = vm.program.funcs.get(self.cur.func as usize).and_then(|f| f.selects.get(k as usize)) else {
            return Err(self.internal("unknown select"));
        };
        let n = desc.sends.len();
        let operands = desc.sends.iter().map(|&s| if s { 2 } else { 1 }).sum::<usize>();
        let vals = self.pop_n(operands);
        let mut it = vals.into_iter();
        let mut cases = Vec::with_capacity(n);
        // (runtime case index → source case index, element type for receives)
        let mut map = Vec::with_capacity(n);
        let mut recv_index = 0;
        for (index, &sending) in desc.sends.iter().enumerate() {
            let ch = it.next().unwrap_or_default();
            let elem = if sending {
                None
            } else {
                recv_index += 1;
                Some(desc.elems.get(recv_index - 1).copied().unwrap_or(0))
            };
            let value = if sending { Some(it.next().unwrap_or_default()) } else { None };
            let Value::Chan(c) = ch else { continue };
            match value {
                Some(v) => cases.push(Case::Send(c.chan.clone(), v)),
                None => cases.push(Case::Recv(c.chan.clone())),
            }
            map.push((index, elem));
        }
        let has_default = desc.has_default;
        if cases.is_empty() && !has_default {
            let reason = if n == 0 { BlockReason::SelectNoCases } else { BlockReason::Select };
            return Err(self.block_on(Pending::Forever(vm.rt.park_forever(reason))));
        }
        // Zero values for receives from closed channels, made now (the future cannot).
        let zeros: Vec<Value> =
            map.iter().map(|&(_, elem)| elem.map(|e| self.zero_value(e)).unwrap_or_default()).collect();
        let closed = vm.plain_error("send on closed channel");
        let rt = vm.rt.clone();
        let resume = move |selected: Result<Selected<Value>, usize>| -> Resume {
            match selected {
                Ok(Selected::Recv { case, value }) => {
                    let index = map.get(case).map_or(0, |m| m.0);
                    match value {
                        Some(v) => Resume::Three(Value::Int(index as i64), v, Value::Bool(true)),
                        None => Resume::Three(
                            Value::Int(index as i64),
                            zeros.get(case).cloned().unwrap_or_default(),
                            Value::Bool(false),
                        ),
                    }
                }
                Ok(Selected::Sent { case }) => {
                    let index = map.get(case).map_or(0, |m| m.0);
                    Resume::Three(Value::Int(index as i64), Value::Nil, Value::Bool(false))
                }
                Ok(Selected::Default) => Resume::Three(Value::Int(n as i64), Value::Nil, Value::Bool(false)),
                Err(_) => Resume::Panic(closed),
            }
        };
        let op = Box::pin(async move { resume(rt.select_checked(cases, has_default).await) });
        Err(self.block_on(Pending::Op(op)))
    }
}
