//! Instructions outside the hot loop: variables, closures, calls, structs and pointers. The
//! dispatcher [`Fiber::slow`] sends the rest to `arith`, `seq`, `iface` and `chan_ops`.

use std::cell::RefCell;
use std::rc::Rc;

use super::super::bytecode::{Op, NATIVE_SPREAD};
use super::super::types::{TypeId, TypeKind};
use super::super::value::{AggBox, Callee, Closure, ElemPtr, Native as NativeState, Value};
use super::calls::Flow;
use super::fiber::{Fiber, Kind};
use super::{Res, Trap};

/// Approximate heap bytes of one value slot.
pub(crate) const SLOT: u64 = 16;

/// Native calls with at most this many arguments (none spread) take them from an array.
const SMALL_ARGS: usize = 4;

impl Fiber {
    pub fn pop(&mut self) -> Value {
        self.stack.pop().unwrap_or_default()
    }

    /// The top `n` values, in push order.
    pub fn pop_n(&mut self, n: usize) -> Vec<Value> {
        let at = self.stack.len().saturating_sub(n);
        self.stack.split_off(at)
    }

    pub fn push(&mut self, v: Value) {
        self.stack.push(v);
    }

    /// Executes one instruction that is not inline in the loop.
    pub(crate) fn slow(&mut self, op: Op) -> Res<Flow> {
        match op {
            Op::CallValue { argc } => {
                self.call_value(argc as usize, Kind::Normal)?;
            }
            Op::CallIface { method, argc } => self.call_iface(method, argc as usize)?,
            Op::CallNative { native, argc } if argc <= SMALL_ARGS as u16 => {
                // Few arguments, none spread: moved to an array, no `Vec` to allocate.
                let at = self.stack.len().saturating_sub(argc as usize);
                let n = self.stack.len() - at;
                let mut args: [Value; SMALL_ARGS] = Default::default();
                for (slot, v) in args.iter_mut().zip(self.stack.drain(at..)) {
                    *slot = v;
                }
                self.call_native(native, args.get(..n).unwrap_or_default())?;
            }
            Op::CallNative { native, argc } => {
                let mut args = self.pop_n((argc & !NATIVE_SPREAD) as usize);
                if argc & NATIVE_SPREAD != 0 {
                    let last = args.pop().unwrap_or_default();
                    args.extend(slice_values(&last));
                }
                self.call_native(native, &args)?;
            }
            Op::Return => return self.do_return(),
            Op::Go { argc } => {
                let args = self.pop_n(argc as usize);
                let callee = self.pop();
                self.spawn(callee, args, None)?;
            }
            Op::GoClosure { func, captures } => self.spawn_closure(func, captures as usize)?,
            Op::Defer { argc } => self.push_defer(argc as usize)?,
            Op::DeferRange { argc } => self.push_range_defer(argc as usize),
            Op::Recover => {
                let v = self.recover();
                self.push(v);
            }
            Op::Panic => {
                let v = match self.pop() {
                    Value::Nil => {
                        let ty = self.vm.program.well_known.panic_nil_ptr;
                        let msg = Value::str("runtime error: panic called with nil argument");
                        Value::Iface(std::rc::Rc::new(super::super::value::Iface { ty, value: msg }))
                    }
                    v => v,
                };
                return Err(Trap::Panic(v));
            }
            Op::MakeClosure { func, captures } => {
                let captures = self.pop_n(captures as usize).into_boxed_slice();
                self.push(Value::Func(Rc::new(Closure { callee: Callee::Func(func), recv: None, captures })));
            }
            Op::BindMethod { func } => {
                let recv = self.pop();
                self.push(bound(Callee::Func(func), recv));
            }
            Op::BindNative(native) => {
                let recv = self.pop();
                self.push(bound(Callee::Native(native), recv));
            }
            Op::NativeFunc(native) => {
                self.push(Value::Func(Rc::new(Closure {
                    callee: Callee::Native(native),
                    recv: None,
                    captures: Box::new([]),
                })));
            }
            Op::BindIface { method } => {
                let iface = self.pop();
                let (callee, recv) = self.resolve_method(&iface, method)?;
                self.push(bound(callee, recv));
            }
            Op::LoopCheck => {}
            _ => self.slow_data(op)?,
        }
        Ok(Flow::Continue)
    }

    /// Instructions that never change frames.
    fn slow_data(&mut self, op: Op) -> Res {
        match op {
            Op::Zero(ty) => {
                let v = self.zero_checked(ty)?;
                self.push(v);
            }
            Op::LoadRef(i) => {
                let v = self.local(i);
                let v = self.load_cell(&v)?;
                self.push(v);
            }
            Op::StoreRef(i) => {
                let v = self.pop();
                let cell = self.local(i);
                self.store_cell(&cell, v)?;
            }
            Op::StoreNewRef(i) => {
                let v = self.pop();
                self.set_local(i, Value::Ref(Rc::new(RefCell::new(v))));
            }
            Op::LoadGlobal(g) => {
                let v = self.vm.globals.borrow().get(g as usize).cloned().unwrap_or_default();
                self.push(v);
            }
            Op::StoreGlobal(g) => {
                let v = self.pop();
                if let Some(slot) = self.vm.globals.borrow_mut().get_mut(g as usize) {
                    *slot = v;
                }
            }
            Op::Capture(i) => {
                let v = self.capture(i);
                self.push(v);
            }
            Op::LoadCaptureRef(i) => {
                let cell = self.capture(i);
                let v = self.load_cell(&cell)?;
                self.push(v);
            }
            Op::StoreCaptureRef(i) => {
                let v = self.pop();
                let cell = self.capture(i);
                self.store_cell(&cell, v)?;
            }
            Op::Dup2 => {
                let n = self.stack.len();
                if n >= 2 {
                    let (a, b) = (self.stack[n - 2].clone(), self.stack[n - 1].clone());
                    self.stack.extend([a, b]);
                }
            }
            Op::Swap => {
                let n = self.stack.len();
                if n >= 2 {
                    self.stack.swap(n - 2, n - 1);
                }
            }
            Op::Copy => {
                let v = self.pop();
                if let Value::Agg(b) = &v {
                    self.alloc(b.borrow().len() as u64 * SLOT)?;
                }
                self.push(v.deep_copy());
            }
            Op::Assign => {
                let src = self.pop();
                let dst = self.pop();
                self.assign(&dst, &src)?;
            }
            Op::MakeStruct { n, .. } => {
                self.alloc(u64::from(n) * SLOT)?;
                let fields = self.pop_n(n as usize);
                self.push(Value::agg(fields));
            }
            Op::MakeArray { n, .. } => {
                self.alloc(u64::from(n) * SLOT)?;
                let elems = self.pop_n(n as usize);
                self.push(Value::agg(elems));
            }
            Op::Box => {
                let v = self.pop();
                let boxed = match v {
                    Value::Agg(b) => Value::AggPtr(b),
                    other => Value::Ref(Rc::new(RefCell::new(other))),
                };
                self.push(boxed);
            }
            Op::Field(i) => {
                let s = self.pop();
                let b = self.agg_box(&s)?;
                let v = b.borrow().get(i as usize).cloned();
                match v {
                    Some(v) => self.push(v),
                    None => return Err(self.internal("field index out of range")),
                }
            }
            Op::SetField(i) => {
                let v = self.pop();
                let s = self.pop();
                let b = self.agg_box(&s)?;
                let mut fields = b.borrow_mut();
                match fields.get_mut(i as usize) {
                    Some(slot) => *slot = v,
                    None => {
                        drop(fields);
                        return Err(self.internal("field index out of range"));
                    }
                }
            }
            Op::FieldAddr(i) => {
                let s = self.pop();
                let target = self.agg_box(&s)?;
                self.push(Value::ElemPtr(Rc::new(ElemPtr { target, index: i as usize })));
            }
            Op::AggToPtr => {
                let v = self.pop();
                self.push(match v {
                    Value::Agg(b) => Value::AggPtr(b),
                    other => other,
                });
            }
            Op::Deref => {
                let p = self.pop();
                let v = match p {
                    Value::AggPtr(b) => Value::Agg(b),
                    other => self.load_cell(&other)?,
                };
                self.push(v);
            }
            Op::StoreDeref => {
                let v = self.pop();
                let p = self.pop();
                match &p {
                    Value::AggPtr(_) | Value::Agg(_) => self.assign(&p, &v)?,
                    _ => self.store_cell(&p, v)?,
                }
            }
            _ => self.slow_seq(op)?,
        }
        Ok(())
    }

    fn local(&self, i: u16) -> Value {
        self.stack.get(self.cur.base as usize + i as usize).cloned().unwrap_or_default()
    }

    fn set_local(&mut self, i: u16, v: Value) {
        if let Some(slot) = self.stack.get_mut(self.cur.base as usize + i as usize) {
            *slot = v;
        }
    }

    fn capture(&self, i: u16) -> Value {
        match &self.cur.closure {
            Some(c) => c.captures.get(i as usize).cloned().unwrap_or_default(),
            // A goroutine's first frame keeps its captures below its locals (see `spawn`).
            None if self.cur.kind == Kind::Bottom && u32::from(i) < self.cur.base => {
                self.stack.get(i as usize).cloned().unwrap_or_default()
            }
            None => Value::Nil,
        }
    }

    /// Capture `i` where it lies (see [`Self::capture`]).
    #[inline(always)]
    pub(super) fn capture_ref(&self, i: u16) -> Option<&Value> {
        match &self.cur.closure {
            Some(c) => c.captures.get(i as usize),
            None if self.cur.kind == Kind::Bottom && u32::from(i) < self.cur.base => self.stack.get(i as usize),
            None => None,
        }
    }

    /// `Capture(i) AggToPtr`: the capture, a struct or array box as a pointer to it.
    #[inline(never)]
    pub(super) fn capture_ptr(&self, i: u16) -> Value {
        match self.capture_ref(i) {
            Some(Value::Agg(b)) => Value::AggPtr(b.clone()),
            Some(v) => v.clone(),
            None => Value::Nil,
        }
    }

    /// `*p` for a `Ref` cell or an `ElemPtr`.
    pub fn load_cell(&mut self, p: &Value) -> Res<Value> {
        match p {
            Value::Ref(cell) => Ok(cell.borrow().clone()),
            Value::ElemPtr(e) => Ok(e.target.borrow().get(e.index).cloned().unwrap_or_default()),
            Value::AggPtr(b) => Ok(Value::Agg(b.clone())),
            Value::Nil => Err(self.nil_deref()),
            _ => Err(self.internal("dereference of a non-pointer")),
        }
    }

    /// `*p = v` for a `Ref` cell or an `ElemPtr`.
    pub fn store_cell(&mut self, p: &Value, v: Value) -> Res {
        match p {
            Value::Ref(cell) => {
                *cell.borrow_mut() = v;
                Ok(())
            }
            Value::ElemPtr(e) => {
                if let Some(slot) = e.target.borrow_mut().get_mut(e.index) {
                    *slot = v;
                }
                Ok(())
            }
            Value::AggPtr(_) => self.assign(p, &v),
            Value::Nil => Err(self.nil_deref()),
            _ => Err(self.internal("store through a non-pointer")),
        }
    }

    /// The box of a struct or array value or pointer (`Nil` panics).
    pub fn agg_box(&mut self, v: &Value) -> Res<AggBox> {
        match v {
            Value::Agg(b) | Value::AggPtr(b) => Ok(b.clone()),
            Value::Nil => Err(self.nil_deref()),
            _ => Err(self.internal("field of a non-struct value")),
        }
    }

    /// Copies the contents of struct/array `src` into the box of `dst`, keeping nested boxes
    /// (pointers to them see the new contents).
    pub fn assign(&mut self, dst: &Value, src: &Value) -> Res {
        let dst = self.agg_box(dst)?;
        let src = match src {
            Value::Agg(b) | Value::AggPtr(b) => b.clone(),
            Value::Nil => return Err(self.nil_deref()),
            _ => return Err(self.internal("assignment of a non-struct value to a struct")),
        };
        if !Rc::ptr_eq(&dst, &src) {
            let values: Vec<Value> = src.borrow().iter().map(Value::deep_copy).collect();
            assign_into(&dst, values);
        }
        Ok(())
    }

    /// The zero value of `ty`, counting aggregates against the heap limit first.
    pub fn zero_checked(&mut self, ty: TypeId) -> Res<Value> {
        if let Some(Some(v)) = self.vm.scalar_zeros.get(ty as usize) {
            return Ok(v.clone());
        }
        let size = self.zero_size(ty, 0);
        if size > 4 * SLOT {
            self.alloc(size)?;
        }
        Ok(self.zero_value(ty))
    }

    /// Approximate bytes of the zero value of `ty` (saturating; arrays multiply).
    fn zero_size(&self, ty: TypeId, depth: u32) -> u64 {
        if depth > 64 {
            return SLOT;
        }
        let Some(kind) = self.vm.under(ty) else { return SLOT };
        match kind {
            TypeKind::Struct(fields) => {
                fields.iter().map(|f| self.zero_size(f.ty, depth + 1)).fold(SLOT, u64::saturating_add)
            }
            TypeKind::Array { elem, len } => self.zero_size(*elem, depth + 1).saturating_mul(*len).saturating_add(SLOT),
            _ => SLOT,
        }
    }

    /// The zero value of `ty` (callers check the heap limit for big arrays first).
    pub fn zero_value(&self, ty: TypeId) -> Value {
        zero_of(&self.vm, ty, 0)
    }
}

/// The zero value of `ty` when it needs no fresh box (`None` for structs, arrays, `sync`
/// objects and unknown ids).
pub(crate) fn scalar_zero(program: &super::super::bytecode::Program, ty: TypeId, empty: &Rc<Vec<u8>>) -> Option<Value> {
    let types = &program.types;
    if ty as usize >= types.len() || types.underlying(ty) as usize >= types.len() {
        return None;
    }
    Some(match types.under(ty) {
        TypeKind::Bool | TypeKind::Untyped(super::super::types::Untyped::Bool) => Value::Bool(false),
        TypeKind::Int(_)
        | TypeKind::Untyped(super::super::types::Untyped::Int | super::super::types::Untyped::Rune) => Value::Int(0),
        TypeKind::Float64 | TypeKind::Float32 | TypeKind::Untyped(super::super::types::Untyped::Float) => {
            Value::Float(0.0)
        }
        TypeKind::String | TypeKind::Untyped(super::super::types::Untyped::String) => Value::Str(empty.clone()),
        TypeKind::Struct(_) | TypeKind::Array { .. } | TypeKind::Native(_) => return None,
        _ => Value::Nil,
    })
}

/// The zero value of `ty` (see `Op::Zero`).
pub(crate) fn zero_of(vm: &super::Vm, ty: TypeId, depth: u32) -> Value {
    if depth > 64 {
        return Value::Nil;
    }
    let Some(kind) = vm.under(ty) else { return Value::Nil };
    match kind {
        TypeKind::Bool => Value::Bool(false),
        TypeKind::Int(_) => Value::Int(0),
        TypeKind::Float64 | TypeKind::Float32 => Value::Float(0.0),
        TypeKind::String => Value::Str(vm.empty_str.clone()),
        TypeKind::Struct(fields) => Value::agg(fields.iter().map(|f| zero_of(vm, f.ty, depth + 1)).collect()),
        TypeKind::Array { elem, len } => {
            let n = usize::try_from(*len).unwrap_or(0).min(1 << 28);
            Value::agg((0..n).map(|_| zero_of(vm, *elem, depth + 1)).collect())
        }
        TypeKind::Native(kind) => Value::Native(Rc::new(RefCell::new(NativeState::zero(*kind)))),
        TypeKind::Untyped(u) => match u {
            super::super::types::Untyped::Bool => Value::Bool(false),
            super::super::types::Untyped::Int | super::super::types::Untyped::Rune => Value::Int(0),
            super::super::types::Untyped::Float => Value::Float(0.0),
            super::super::types::Untyped::String => Value::Str(vm.empty_str.clone()),
            super::super::types::Untyped::Nil => Value::Nil,
        },
        _ => Value::Nil,
    }
}

fn bound(callee: Callee, recv: Value) -> Value {
    Value::Func(Rc::new(Closure { callee, recv: Some(recv), captures: Box::new([]) }))
}

/// Copies `values` into `dst`, recursing into nested boxes instead of replacing them.
fn assign_into(dst: &AggBox, values: Vec<Value>) {
    let mut slots = dst.borrow_mut();
    for (slot, v) in slots.iter_mut().zip(values) {
        match (&*slot, v) {
            (Value::Agg(inner), Value::Agg(src)) if !Rc::ptr_eq(inner, &src) => {
                let inner = inner.clone();
                let values = std::mem::take(&mut *src.borrow_mut());
                assign_into(&inner, values);
            }
            (_, v) => *slot = v,
        }
    }
}

/// The elements of a slice value (for `f(xs...)` into a native).
pub(crate) fn slice_values(v: &Value) -> Vec<Value> {
    match v {
        Value::Slice(s) => {
            let backing = s.backing.borrow();
            backing.get(s.offset..s.offset + s.len).map(<[Value]>::to_vec).unwrap_or_default()
        }
        _ => Vec::new(),
    }
}
