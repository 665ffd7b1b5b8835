//! The dispatch loop. Frequent instructions run inline on locals (`pc`, `base`, the code
//! slice); the others go through [`Fiber::slow`], after which the loop reloads the current
//! frame (a call or return may have changed it).

use super::super::bytecode::{ArithOp, CmpOp, NumKind, Op};
use super::super::types::IntKind;
use super::super::value::Value;
use super::calls::Flow;
use super::fiber::{Fiber, Kind, Pending};
use super::{Res, Trap};

// Instructions stay 12 bytes (the fused ones included): the loop reads one per step.
const _: () = assert!(std::mem::size_of::<Op>() <= 12);

/// Leaves the instruction: reload the frame, or return from `exec`.
macro_rules! step {
    ($label:lifetime, $e:expr) => {
        match $e {
            Ok(true) => continue $label,
            Ok(false) => return Ok(()),
            Err(trap) => return Err(trap),
        }
    };
}

impl Fiber {
    /// Interprets until the goroutine blocks (`Err(Block)`), its first frame returns or a
    /// nested run's barrier frame returns (`Ok`), a panic leaves a nested run
    /// (`Err(Unwound)`), or the run ends (`Err(Halt)`).
    pub(crate) fn exec(&mut self) -> Res {
        let vm = self.vm.clone();
        let program = &*vm.program;
        let slice = vm.slice();
        'frame: loop {
            let Some(func) = program.funcs.get(self.cur.func as usize) else {
                return Err(self.internal("call of an unknown function"));
            };
            let mut func = func;
            let mut code = func.code.as_slice();
            let mut base = self.cur.base as usize;
            let mut pc = self.cur.pc as usize;
            let mut budget = self.budget;
            // A call: the callee's frame becomes current without a reload when it can.
            macro_rules! call {
                ($callee:expr, $argc:expr) => {{
                    let at = self.stack.len().saturating_sub($argc);
                    if let Some(proto) = self.enter_fast(&vm, $callee, at, pc) {
                        func = proto;
                        code = proto.code.as_slice();
                        base = at;
                        pc = 0;
                        continue;
                    }
                    self.cur.pc = pc as u32;
                    self.budget = budget;
                    let r = self.enter($callee, at, at, None, Kind::Normal).map(|()| Flow::Continue);
                    step!('frame, self.after_slow(r));
                }};
            }
            // A fast return made the caller current: take up its base and pc, and its
            // function unless it is the one that returned (recursion).
            macro_rules! resumed {
                ($callee:expr) => {{
                    if self.cur.func != $callee {
                        let Some(f) = program.funcs.get(self.cur.func as usize) else {
                            self.budget = budget;
                            continue 'frame;
                        };
                        func = f;
                        code = f.code.as_slice();
                    }
                    base = self.cur.base as usize;
                    pc = self.cur.pc as usize;
                    continue;
                }};
            }
            loop {
                let Some(&op) = code.get(pc) else {
                    self.cur.pc = pc as u32;
                    self.budget = budget;
                    return Err(self.internal("ran past the end of a function"));
                };
                pc += 1;
                budget -= 1;
                match op {
                    Op::SmallInt(v) => push_int(&mut self.stack, i64::from(v)),
                    Op::Const(k) => {
                        push_clone(&mut self.stack, program.consts.get(k as usize));
                    }
                    Op::Nil => push(&mut self.stack, Value::Nil),
                    Op::Bool(b) => push(&mut self.stack, Value::Bool(b)),
                    Op::Load(i) => match self.stack.get(base + i as usize) {
                        // Copying an int directly avoids the out-of-line `clone` and a
                        // store-forwarding stall on the copy.
                        Some(&Value::Int(n)) => push_int(&mut self.stack, n),
                        _ => push_local(&mut self.stack, base + i as usize),
                    },
                    Op::Store(i) => self.store_local(base + i as usize),
                    Op::Pop => {
                        let n = self.stack.len();
                        drop_to(&mut self.stack, n.saturating_sub(1));
                    }
                    Op::Dup => match self.stack.last() {
                        Some(&Value::Int(n)) => push_int(&mut self.stack, n),
                        _ => {
                            let top = self.stack.len().wrapping_sub(1);
                            push_local(&mut self.stack, top);
                        }
                    },
                    Op::Jump(target) => pc = target as usize,
                    Op::JumpIfFalse(target) => {
                        if !pop_bool(&mut self.stack) {
                            pc = target as usize;
                        }
                    }
                    Op::JumpIfTrue(target) => {
                        if pop_bool(&mut self.stack) {
                            pc = target as usize;
                        }
                    }
                    Op::Not => {
                        if let Some(top) = self.stack.last_mut() {
                            *top = Value::Bool(!matches!(top, Value::Bool(true)));
                        }
                    }
                    Op::Arith(op, NumKind::Int(kind))
                        if !matches!(op, ArithOp::Div | ArithOp::Rem | ArithOp::Shl | ArithOp::Shr)
                            && matches!(self.stack.as_slice(), [.., Value::Int(_), Value::Int(_)]) =>
                    {
                        let n = self.stack.len();
                        let (a, b) = (self.stack[n - 2].as_int(), self.stack[n - 1].as_int());
                        drop_to(&mut self.stack, n - 1);
                        if let Value::Int(slot) = &mut self.stack[n - 2] {
                            *slot = int_arith(op, kind, a, b);
                        }
                    }
                    Op::Cmp(cmp, NumKind::Int(kind))
                        if matches!(self.stack.as_slice(), [.., Value::Int(_), Value::Int(_)]) =>
                    {
                        let n = self.stack.len();
                        let (a, b) = (self.stack[n - 2].as_int(), self.stack[n - 1].as_int());
                        drop_to(&mut self.stack, n - 1);
                        self.stack[n - 2] = Value::Bool(int_cmp(cmp, kind, a, b));
                    }
                    Op::Eq | Op::Ne if matches!(self.stack.as_slice(), [.., Value::Int(_), Value::Int(_)]) => {
                        let n = self.stack.len();
                        let same = self.stack[n - 2].as_int() == self.stack[n - 1].as_int();
                        drop_to(&mut self.stack, n - 1);
                        self.stack[n - 2] = Value::Bool(same == (op == Op::Eq));
                    }
                    Op::LoopCheck => {
                        if budget <= 0 {
                            self.cur.pc = pc as u32;
                            self.budget = budget;
                            let r = self.preempt(slice);
                            step!('frame, self.after_slow(r));
                        }
                    }
                    Op::LoopJump(target) => {
                        if budget <= 0 {
                            // Yield at the back edge; the goroutine resumes at the loop head.
                            self.cur.pc = target;
                            self.budget = budget;
                            let r = self.preempt(slice);
                            step!('frame, self.after_slow(r));
                        }
                        pc = target as usize;
                    }
                    Op::Call { func: callee, argc } => {
                        if budget <= 0 {
                            // Yield before the call; it runs when the goroutine resumes here.
                            self.cur.pc = pc as u32 - 1;
                            self.budget = budget + 1;
                            let r = self.preempt(slice);
                            step!('frame, self.after_slow(r));
                        }
                        call!(callee, argc as usize);
                    }
                    Op::CallLK { func: callee, a, k, argc, op, kind } => {
                        if budget <= 0 {
                            self.cur.pc = pc as u32 - 1;
                            self.budget = budget + 1;
                            let r = self.preempt(slice);
                            step!('frame, self.after_slow(r));
                        }
                        match self.stack.get(base + a as usize) {
                            Some(&Value::Int(x)) => push_int(&mut self.stack, int_arith(op, kind, x, i64::from(k))),
                            _ => {
                                self.cur.pc = pc as u32;
                                self.budget = budget;
                                let arith = Op::Arith(op, NumKind::Int(kind));
                                let r = self.unfused(base + a as usize, Value::Int(i64::from(k)), arith);
                                if !matches!(r, Ok(Flow::Continue)) {
                                    step!('frame, self.after_slow(r));
                                }
                            }
                        }
                        call!(callee, argc as usize);
                    }
                    Op::ReturnIfLK { a, k, op, kind, from, to } => {
                        if !self.local_cmp_k(base + a as usize, i64::from(k), op, kind) {
                            // Over the `MoveReturn` that follows.
                            pc += 1;
                        } else if let Some(&Value::Int(n)) = self.stack.get(base + from as usize) {
                            let callee = self.cur.func;
                            if to == func.params && self.return_int(func, n) {
                                resumed!(callee);
                            }
                        }
                        // Otherwise the `MoveReturn` at `pc` returns.
                    }
                    Op::MoveReturn { from, to } => {
                        if let Some(&Value::Int(n)) = self.stack.get(base + from as usize) {
                            let callee = self.cur.func;
                            if to == func.params && self.return_int(func, n) {
                                resumed!(callee);
                            }
                        }
                        self.cur.pc = pc as u32;
                        self.budget = budget;
                        copy_local(&mut self.stack, base + from as usize, base + to as usize);
                        if self.return_fast(func, base) {
                            continue 'frame;
                        }
                        let r = self.do_return();
                        step!('frame, self.after_slow(r));
                    }
                    Op::ArithReturn { op, kind, r } => {
                        if let ([.., Value::Int(x), Value::Int(y)], true) = (self.stack.as_slice(), r == func.params) {
                            let v = int_arith(op, kind, *x, *y);
                            let callee = self.cur.func;
                            if self.return_int(func, v) {
                                resumed!(callee);
                            }
                        }
                        self.cur.pc = pc as u32;
                        self.budget = budget;
                        let done = self.slow(Op::Arith(op, NumKind::Int(kind)));
                        if !matches!(done, Ok(Flow::Continue)) {
                            step!('frame, self.after_slow(done));
                        }
                        self.store_local(base + r as usize);
                        if self.return_fast(func, base) {
                            continue 'frame;
                        }
                        let r = self.do_return();
                        step!('frame, self.after_slow(r));
                    }
                    Op::Return => {
                        self.cur.pc = pc as u32;
                        self.budget = budget;
                        if self.cur.kind == Kind::Bottom
                            && self.frames.len() == 0
                            && self.defer_count() <= self.cur.defer_base as usize
                        {
                            // A goroutine's first frame returns: its results and stack go
                            // with it, nothing to move.
                            self.returned = true;
                            return Ok(());
                        }
                        if self.return_fast(func, base) {
                            continue 'frame;
                        }
                        let r = self.do_return();
                        step!('frame, self.after_slow(r));
                    }
                    Op::StoreReturn(i) => {
                        self.cur.pc = pc as u32;
                        self.budget = budget;
                        let callee = self.cur.func;
                        if i == func.params && self.return_top_fast(func, base) {
                            resumed!(callee);
                        }
                        self.store_local(base + i as usize);
                        self.cur.pc = pc as u32;
                        self.budget = budget;
                        if self.return_fast(func, base) {
                            continue 'frame;
                        }
                        let r = self.do_return();
                        step!('frame, self.after_slow(r));
                    }
                    Op::Move { from, to } => {
                        let (from, to) = (base + from as usize, base + to as usize);
                        match (self.stack.get(from), self.stack.get(to)) {
                            (Some(&Value::Int(n)), Some(Value::Int(_))) => {
                                if let Some(Value::Int(slot)) = self.stack.get_mut(to) {
                                    *slot = n;
                                }
                            }
                            _ => copy_local(&mut self.stack, from, to),
                        }
                    }
                    Op::ArithLK { a, k, op, kind } => {
                        if let Some(&Value::Int(x)) = self.stack.get(base + a as usize) {
                            push_int(&mut self.stack, int_arith(op, kind, x, i64::from(k)));
                        } else {
                            self.cur.pc = pc as u32;
                            self.budget = budget;
                            let r = self.unfused(
                                base + a as usize,
                                Value::Int(i64::from(k)),
                                Op::Arith(op, NumKind::Int(kind)),
                            );
                            step!('frame, self.after_slow(r));
                        }
                    }
                    Op::ArithLKStore { a, k, op, kind, r } => match self.stack.get(base + a as usize) {
                        Some(&Value::Int(x)) => {
                            if let Some(slot) = self.stack.get_mut(base + r as usize) {
                                set_int(slot, int_arith(op, kind, x, i64::from(k)));
                            }
                        }
                        _ => {
                            self.cur.pc = pc as u32;
                            self.budget = budget;
                            let arith = Op::Arith(op, NumKind::Int(kind));
                            let done = self.unfused(base + a as usize, Value::Int(i64::from(k)), arith);
                            if !matches!(done, Ok(Flow::Continue)) {
                                step!('frame, self.after_slow(done));
                            }
                            self.store_local(base + r as usize);
                        }
                    },
                    Op::LoadPtr(i) => load_ptr(&mut self.stack, base + i as usize),
                    Op::ArithLL { a, b, op, kind } => {
                        if let (Some(&Value::Int(x)), Some(&Value::Int(y))) =
                            (self.stack.get(base + a as usize), self.stack.get(base + b as usize))
                        {
                            push_int(&mut self.stack, int_arith(op, kind, x, y));
                        } else {
                            self.cur.pc = pc as u32;
                            self.budget = budget;
                            let y = self.stack.get(base + b as usize).cloned().unwrap_or_default();
                            let r = self.unfused(base + a as usize, y, Op::Arith(op, NumKind::Int(kind)));
                            step!('frame, self.after_slow(r));
                        }
                    }
                    Op::JumpUnlessLK { a, k, op, kind, target } => {
                        if !self.local_cmp_k(base + a as usize, i64::from(k), op, kind) {
                            pc = target as usize;
                        }
                    }
                    Op::JumpUnlessLKWide { a, k, op, kind, target } => {
                        if !self.local_cmp_k(base + a as usize, i64::from(k), op, kind) {
                            pc = target as usize;
                        }
                    }
                    Op::JumpUnlessLL { a, b, op, kind, target } => {
                        let holds = match (self.stack.get(base + a as usize), self.stack.get(base + b as usize)) {
                            (Some(&Value::Int(x)), Some(&Value::Int(y))) => int_cmp(op, kind, x, y),
                            (_, y) => {
                                let y = y.cloned().unwrap_or_default();
                                self.unfused_cmp(base + a as usize, y, op, kind)
                            }
                        };
                        if !holds {
                            pc = target as usize;
                        }
                    }
                    Op::CallNative { native, argc } if argc <= 2 => {
                        self.cur.pc = pc as u32;
                        self.budget = budget;
                        match self.native_in_place(native, argc as usize) {
                            Some(Ok(())) => {}
                            // Parked outside a nested run (which needs `Extra`): what
                            // `after_slow` would return, without the call.
                            Some(Err(Trap::Block)) if self.extra.is_none() => return Err(Trap::Block),
                            Some(Err(trap)) => step!('frame, self.after_slow(Err(trap))),
                            None => {
                                let r = self.slow(op);
                                step!('frame, self.after_slow(r));
                            }
                        }
                    }
                    Op::NativeLocalPtr { .. } | Op::NativeLocalPtrK { .. } | Op::NativeCapturePtr { .. } => {
                        self.cur.pc = pc as u32;
                        self.budget = budget;
                        match self.fused_native(op, base) {
                            Ok(Flow::Continue) => {}
                            Err(Trap::Block) if self.extra.is_none() => return Err(Trap::Block),
                            r => step!('frame, self.after_slow(r)),
                        }
                    }
                    Op::CapturePtr(i) => {
                        let v = self.capture_ptr(i);
                        push(&mut self.stack, v);
                    }
                    Op::GoClosure { func: callee, captures } => {
                        self.cur.pc = pc as u32;
                        self.budget = budget;
                        // Frames stay as they are: no reload unless it fails.
                        if let Err(trap) = self.spawn_closure(callee, captures as usize) {
                            step!('frame, self.after_slow(Err(trap)));
                        }
                    }
                    Op::AggToPtr => {
                        if let Some(top @ Value::Agg(_)) = self.stack.last_mut() {
                            if let Value::Agg(b) = std::mem::take(top) {
                                *top = Value::AggPtr(b);
                            }
                        }
                    }
                    Op::Capture(i)
                        if self.cur.closure.is_none()
                            && self.cur.kind == Kind::Bottom
                            && u32::from(i) < self.cur.base =>
                    {
                        push_local(&mut self.stack, i as usize);
                    }
                    Op::Zero(ty) if matches!(vm.scalar_zeros.get(ty as usize), Some(Some(_))) => {
                        push_clone(&mut self.stack, vm.scalar_zeros.get(ty as usize).and_then(Option::as_ref));
                    }
                    _ => {
                        self.cur.pc = pc as u32;
                        self.budget = budget;
                        let r = self.slow(op);
                        step!('frame, self.after_slow(r));
                    }
                }
            }
        }
    }

    /// Handles the outcome of a slow instruction: `Ok(true)` to reload the frame and go on,
    /// `Ok(false)` when `exec` is done (first frame or barrier returned). A panic starts
    /// unwinding here; a panic raised by a deferred call during unwinding starts again.
    fn after_slow(&mut self, mut r: Res<Flow>) -> Res<bool> {
        loop {
            match r {
                Ok(Flow::Continue) => return Ok(true),
                Ok(Flow::Stop) => return Ok(false),
                Err(Trap::Panic(v)) => r = self.raise(v),
                Err(Trap::Goexit) => r = self.goexit(),
                Err(Trap::Block) if self.nested() > 0 => {
                    self.pending = Pending::None;
                    return Err(self.blocked_in_nested());
                }
                Err(other) => return Err(other),
            }
        }
    }
}

/// `$stack.push($v)`, inline, with `$v` made after the capacity check, straight into its
/// slot. `Vec::push` is not inlined into the big dispatch loop, and a value made before a
/// possible growth call (or passed to an out-of-line push, or even to an inlined function
/// by value) goes through memory: written as tag and payload, copied as one 16-byte load,
/// a store-forwarding stall on every push.
macro_rules! push_value {
    ($stack:expr, $v:expr $(,)?) => {{
        let stack: &mut Vec<_> = $stack;
        if stack.len() == stack.capacity() {
            $crate::go::vm::exec::grow(stack);
        }
        let len = stack.len();
        if let Some(slot) = stack.spare_capacity_mut().first_mut() {
            slot.write($v);
            // SAFETY: `len < capacity`, and the element at `len` (the first spare slot) was
            // just initialised.
            unsafe { stack.set_len(len + 1) };
        }
    }};
}
pub(crate) use push_value;

#[inline(always)]
pub(super) fn push(stack: &mut Vec<Value>, v: Value) {
    push_value!(stack, v);
}

#[cold]
#[inline(never)]
pub(crate) fn grow<T>(stack: &mut Vec<T>) {
    stack.reserve(1);
}

/// Pushes a copy of `v` (`Nil` for `None`). Out of line, so the dispatch loop does not
/// route its int pushes through the memory temporary a clone needs.
#[inline(never)]
pub(super) fn push_clone(stack: &mut Vec<Value>, v: Option<&Value>) {
    stack.push(v.cloned().unwrap_or_default());
}

/// Pushes a copy of `stack[i]` (`Nil` when out of range); see [`push_clone`].
#[inline(never)]
fn push_local(stack: &mut Vec<Value>, i: usize) {
    let v = stack.get(i).cloned().unwrap_or_default();
    stack.push(v);
}

/// `stack[to] = stack[from]` (a `Move` of anything but an int onto an int).
#[inline(never)]
fn copy_local(stack: &mut [Value], from: usize, to: usize) {
    let v = stack.get(from).cloned().unwrap_or_default();
    if let Some(slot) = stack.get_mut(to) {
        *slot = v;
    }
}

/// `Load(i) AggToPtr`: pushes `&local i` for a struct or array box.
#[inline(always)]
fn load_ptr(stack: &mut Vec<Value>, i: usize) {
    match stack.get(i) {
        Some(Value::Agg(b)) => {
            let p = Value::AggPtr(b.clone());
            push(stack, p);
        }
        // Not a struct box: `Load` then `AggToPtr`, which leaves it as it is.
        _ => push_local(stack, i),
    }
}

/// `[.. dst .., v] → [.. v]`: moves the top value down to `dst`, dropping what was above.
#[inline(never)]
pub(super) fn move_top(stack: &mut Vec<Value>, dst: usize) {
    let v = stack.pop().unwrap_or_default();
    stack.truncate(dst);
    stack.push(v);
}

#[inline(always)]
pub(super) fn push_int(stack: &mut Vec<Value>, n: i64) {
    push_value!(stack, Value::Int(n));
}

/// `stack.truncate(len)`, inline when the values dropped are scalars (the usual case):
/// `truncate` calls the out-of-line drop of `Value` for each, even for an int.
#[inline(always)]
pub(crate) fn drop_to(stack: &mut Vec<Value>, len: usize) {
    let scalars = stack.get(len..).is_some_and(|rest| {
        rest.iter().all(|v| matches!(v, Value::Nil | Value::Bool(_) | Value::Int(_) | Value::Float(_)))
    });
    if scalars {
        // SAFETY: `len` is at most the length (`get(len..)` succeeded), so the first `len`
        // values stay initialised; the ones cut off own nothing, so not dropping them is
        // exact.
        unsafe { stack.set_len(len) };
    } else {
        stack.truncate(len);
    }
}

/// Pops a condition: whether it was `true` (reading the tag and payload, not a whole value).
#[inline(always)]
fn pop_bool(stack: &mut Vec<Value>) -> bool {
    let n = stack.len();
    let b = matches!(stack.last(), Some(Value::Bool(true)));
    drop_to(stack, n.saturating_sub(1));
    b
}

/// `*slot = Int(n)`, writing only the payload when the slot already holds an int.
#[inline(always)]
fn set_int(slot: &mut Value, n: i64) {
    match slot {
        Value::Int(p) => *p = n,
        Value::Nil | Value::Bool(_) | Value::Float(_) => *slot = Value::Int(n),
        _ => *slot = Value::Int(n),
    }
}

/// `a op b` for the arithmetic that cannot panic (not `Div`, `Rem`, `Shl`, `Shr`).
#[inline(always)]
fn int_arith(op: ArithOp, kind: IntKind, a: i64, b: i64) -> i64 {
    let r = match op {
        ArithOp::Add => a.wrapping_add(b),
        ArithOp::Sub => a.wrapping_sub(b),
        ArithOp::Mul => a.wrapping_mul(b),
        ArithOp::And => a & b,
        ArithOp::Or => a | b,
        ArithOp::Xor => a ^ b,
        _ => a & !b,
    };
    wrap(kind, r)
}

/// [`IntKind::wrap`], inline.
#[inline(always)]
fn wrap(kind: IntKind, v: i64) -> i64 {
    match kind {
        IntKind::Int8 => v as i8 as i64,
        IntKind::Int16 => v as i16 as i64,
        IntKind::Int32 => v as i32 as i64,
        IntKind::Uint8 => v as u8 as i64,
        IntKind::Uint16 => v as u16 as i64,
        IntKind::Uint32 => v as u32 as i64,
        _ => v,
    }
}

#[inline(always)]
fn int_cmp(cmp: CmpOp, kind: IntKind, a: i64, b: i64) -> bool {
    let unsigned = matches!(
        kind,
        IntKind::Uint | IntKind::Uint8 | IntKind::Uint16 | IntKind::Uint32 | IntKind::Uint64 | IntKind::Uintptr
    );
    // Flipping the sign bit orders unsigned values as signed ones: one comparison each.
    let (a, b) = if unsigned { (a ^ i64::MIN, b ^ i64::MIN) } else { (a, b) };
    match cmp {
        CmpOp::Lt => a < b,
        CmpOp::Le => a <= b,
        CmpOp::Gt => a > b,
        CmpOp::Ge => a >= b,
    }
}

impl Fiber {
    /// `[v] → []`: local at `slot` = v.
    #[inline(always)]
    fn store_local(&mut self, slot: usize) {
        let n = self.stack.len();
        if slot + 1 < n {
            if let Value::Int(v) = self.stack[n - 1] {
                set_int(&mut self.stack[slot], v);
                drop_to(&mut self.stack, n - 1);
            } else {
                let v = self.stack.pop().unwrap_or_default();
                self.stack[slot] = v;
            }
        } else {
            drop_to(&mut self.stack, n.saturating_sub(1));
        }
    }

    /// A native call fused with its receiver's address (and an int argument): the usual
    /// `sync` methods run on the receiver where it lies, nothing pushed; any other call
    /// pushes them and runs the `CallNative`. Out of the dispatch loop, which inlines
    /// `CallNative` once.
    #[inline(never)]
    fn fused_native(&mut self, op: Op, base: usize) -> Res<Flow> {
        let (native, recv, arg) = match op {
            Op::NativeLocalPtr { native, a } => (native, self.stack.get(base + a as usize), None),
            Op::NativeLocalPtrK { native, a, k } => (native, self.stack.get(base + a as usize), Some(i64::from(k))),
            Op::NativeCapturePtr { native, i } => (native, self.capture_ref(i), None),
            _ => return Err(self.internal("not a fused native call")),
        };
        if let Some(recv @ Value::Agg(_)) = recv {
            match super::natives::sync::sync_on_recv(&self.vm.rt, native, recv, arg) {
                Some(true) => return Ok(Flow::Continue),
                Some(false) => return Err(Trap::Panic(self.plain_panic_value("sync: negative WaitGroup counter"))),
                None => {}
            }
        }
        let (native, argc) = match op {
            Op::NativeLocalPtr { native, a } => {
                load_ptr(&mut self.stack, base + a as usize);
                (native, 1)
            }
            Op::NativeLocalPtrK { native, a, k } => {
                load_ptr(&mut self.stack, base + a as usize);
                push_int(&mut self.stack, i64::from(k));
                (native, 2)
            }
            Op::NativeCapturePtr { native, i } => {
                let v = self.capture_ptr(i);
                push(&mut self.stack, v);
                (native, 1)
            }
            _ => return Err(self.internal("not a fused native call")),
        };
        match self.native_in_place(native, argc) {
            Some(r) => r.map(|()| Flow::Continue),
            None => self.slow(Op::CallNative { native, argc: argc as u16 }),
        }
    }

    /// A fused instruction met an operand that is not an int: run the instruction it
    /// replaced on `[local at a, b]`.
    fn unfused(&mut self, a: usize, b: Value, op: Op) -> Res<Flow> {
        let a = self.stack.get(a).cloned().unwrap_or_default();
        self.stack.push(a);
        self.stack.push(b);
        self.slow(op)
    }

    /// `local at op k`, the condition of the fused jumps (`unfused_cmp` when the local is not
    /// an int).
    #[inline(always)]
    fn local_cmp_k(&mut self, at: usize, k: i64, op: CmpOp, kind: IntKind) -> bool {
        match self.stack.get(at) {
            Some(&Value::Int(x)) => int_cmp(op, kind, x, k),
            _ => self.unfused_cmp(at, Value::Int(k), op, kind),
        }
    }

    /// `unfused` for a comparison (which cannot panic): its outcome.
    fn unfused_cmp(&mut self, a: usize, b: Value, op: CmpOp, kind: IntKind) -> bool {
        let _ = self.unfused(a, b, Op::Cmp(op, NumKind::Int(kind)));
        matches!(self.stack.pop(), Some(Value::Bool(true)))
    }
}
