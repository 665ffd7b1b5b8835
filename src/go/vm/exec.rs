//! The dispatch loop. Frequent instructions run inline on locals (`pc`, `base`, the code
//! slice); the others go through [`Fiber::slow`], after which the loop reloads the current
//! frame (a call or return may have changed it).

use super::super::bytecode::{ArithOp, CmpOp, FuncProto, NumKind, Op};
use super::super::types::IntKind;
use super::super::value::Value;
use super::calls::Flow;
use super::fiber::{Fiber, Frame, Kind, Pending};
use super::{Res, Trap};

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
            let code = func.code.as_slice();
            let base = self.cur.base as usize;
            let mut pc = self.cur.pc as usize;
            let mut budget = self.budget;
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
                    Op::Const(k) => self.stack.push(program.consts.get(k as usize).cloned().unwrap_or_default()),
                    Op::Nil => self.stack.push(Value::Nil),
                    Op::Bool(b) => self.stack.push(Value::Bool(b)),
                    Op::Load(i) => match self.stack.get(base + i as usize) {
                        // Copying an int directly avoids the out-of-line `clone` and a
                        // store-forwarding stall on the copy.
                        Some(&Value::Int(n)) => push_int(&mut self.stack, n),
                        Some(v) => {
                            let v = v.clone();
                            self.stack.push(v);
                        }
                        None => self.stack.push(Value::Nil),
                    },
                    Op::Store(i) => self.store_local(base + i as usize),
                    Op::Pop => {
                        self.stack.pop();
                    }
                    Op::Dup => {
                        let v = self.stack.last().cloned().unwrap_or_default();
                        self.stack.push(v);
                    }
                    Op::Jump(target) => pc = target as usize,
                    Op::JumpIfFalse(target) => {
                        if !matches!(self.stack.pop(), Some(Value::Bool(true))) {
                            pc = target as usize;
                        }
                    }
                    Op::JumpIfTrue(target) => {
                        if matches!(self.stack.pop(), Some(Value::Bool(true))) {
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
                        self.stack.truncate(n - 1);
                        if let Value::Int(slot) = &mut self.stack[n - 2] {
                            *slot = int_arith(op, kind, a, b);
                        }
                    }
                    Op::Cmp(cmp, NumKind::Int(kind))
                        if matches!(self.stack.as_slice(), [.., Value::Int(_), Value::Int(_)]) =>
                    {
                        let n = self.stack.len();
                        let (a, b) = (self.stack[n - 2].as_int(), self.stack[n - 1].as_int());
                        self.stack.truncate(n - 1);
                        self.stack[n - 2] = Value::Bool(int_cmp(cmp, kind, a, b));
                    }
                    Op::Eq | Op::Ne if matches!(self.stack.as_slice(), [.., Value::Int(_), Value::Int(_)]) => {
                        let n = self.stack.len();
                        let same = self.stack[n - 2].as_int() == self.stack[n - 1].as_int();
                        self.stack.truncate(n - 1);
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
                    Op::Call { func, argc } => {
                        self.cur.pc = pc as u32;
                        if budget <= 0 {
                            // Yield before the call; it runs when the goroutine resumes here.
                            self.cur.pc -= 1;
                            self.budget = budget + 1;
                            let r = self.preempt(slice);
                            step!('frame, self.after_slow(r));
                        }
                        self.budget = budget;
                        let at = self.stack.len().saturating_sub(argc as usize);
                        if self.enter_fast(func, at) {
                            continue 'frame;
                        }
                        let r = self.enter(func, at, at, None, Kind::Normal).map(|()| Flow::Continue);
                        step!('frame, self.after_slow(r));
                    }
                    Op::Return => {
                        self.cur.pc = pc as u32;
                        self.budget = budget;
                        if self.return_fast(func, base) {
                            continue 'frame;
                        }
                        let r = self.do_return();
                        step!('frame, self.after_slow(r));
                    }
                    Op::StoreReturn(i) => {
                        self.cur.pc = pc as u32;
                        self.budget = budget;
                        if i == func.params && self.return_top_fast(func, base) {
                            continue 'frame;
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
                        let v = match self.stack.get(base + from as usize) {
                            Some(&Value::Int(n)) => Value::Int(n),
                            Some(v) => v.clone(),
                            None => Value::Nil,
                        };
                        if let Some(slot) = self.stack.get_mut(base + to as usize) {
                            *slot = v;
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
                        let holds = match self.stack.get(base + a as usize) {
                            Some(&Value::Int(x)) => int_cmp(op, kind, x, i64::from(k)),
                            _ => self.unfused_cmp(base + a as usize, Value::Int(i64::from(k)), op, kind),
                        };
                        if !holds {
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
                    Op::Zero(ty) if matches!(vm.scalar_zeros.get(ty as usize), Some(Some(_))) => {
                        let v = vm.scalar_zeros.get(ty as usize).cloned().flatten().unwrap_or_default();
                        self.stack.push(v);
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
                Err(Trap::Block) if self.nested() > 0 => {
                    self.pending = Pending::None;
                    return Err(self.blocked_in_nested());
                }
                Err(other) => return Err(other),
            }
        }
    }
}

/// Pushes an int as a constant `Int(0)`, then sets its payload: pushing `Int(n)` makes the
/// loop copy a 16-byte temporary written in two parts, which stalls store forwarding.
#[inline(always)]
fn push_int(stack: &mut Vec<Value>, n: i64) {
    stack.push(Value::Int(n));
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
    kind.wrap(r)
}

#[inline(always)]
fn int_cmp(cmp: CmpOp, kind: IntKind, a: i64, b: i64) -> bool {
    let ord = if kind.is_unsigned() { (a as u64).cmp(&(b as u64)) } else { a.cmp(&b) };
    match cmp {
        CmpOp::Lt => ord.is_lt(),
        CmpOp::Le => ord.is_le(),
        CmpOp::Gt => ord.is_gt(),
        CmpOp::Ge => ord.is_ge(),
    }
}

impl Fiber {
    /// `[v] → []`: local at `slot` = v.
    #[inline(always)]
    fn store_local(&mut self, slot: usize) {
        let n = self.stack.len();
        if slot + 1 < n {
            let v = self.stack.pop().unwrap_or_default();
            self.stack[slot] = v;
        } else {
            self.truncate_stack(n.saturating_sub(1));
        }
    }

    /// A plain call of a function whose locals start from a template (scalar results): no
    /// lookups beyond the template. `false`: take the general path.
    #[inline(always)]
    fn enter_fast(&mut self, func: u32, at: usize) -> bool {
        let vm = &*self.vm;
        let (Some(proto), Some(Some(init))) = (vm.program.funcs.get(func as usize), vm.frame_init.get(func as usize))
        else {
            return false;
        };
        if self.stack.len() != at + proto.params as usize || self.frames.len() >= vm.limits.max_call_depth {
            return false;
        }
        for v in init.iter() {
            self.stack.push(match v {
                Value::Int(n) => Value::Int(*n),
                Value::Nil => Value::Nil,
                v => v.clone(),
            });
        }
        let frame = Frame::new(func, at, at, self.defer_count(), Kind::Normal);
        let caller = std::mem::replace(&mut self.cur, frame);
        self.frames.push(caller);
        true
    }

    /// Returns from a plain call with no deferred call and no boxed result. `false`: take
    /// the general path.
    #[inline(always)]
    fn return_fast(&mut self, func: &FuncProto, base: usize) -> bool {
        let first = base + func.params as usize;
        let results = func.results as usize;
        let dst = self.cur.ret_to as usize;
        if self.cur.kind != Kind::Normal
            || self.defer_count() > self.cur.defer_base as usize
            || dst > first
            || self.stack.get(first..first + results).is_none_or(|r| r.iter().any(|v| matches!(v, Value::Ref(_))))
        {
            return false;
        }
        let Some(caller) = self.frames.pop() else { return false };
        if let (1, Some(&Value::Int(n))) = (results, self.stack.get(first)) {
            self.truncate_stack(dst);
            push_int(&mut self.stack, n);
        } else {
            for i in 0..results {
                self.stack.swap(dst + i, first + i);
            }
            self.truncate_stack(dst + results);
        }
        self.cur = caller;
        true
    }

    /// `StoreReturn` into the only result of a plain call: the top value goes straight to
    /// the caller. `false`: take the general path.
    #[inline(always)]
    fn return_top_fast(&mut self, func: &FuncProto, base: usize) -> bool {
        let first = base + func.params as usize;
        let dst = self.cur.ret_to as usize;
        if func.results != 1
            || self.cur.kind != Kind::Normal
            || self.defer_count() > self.cur.defer_base as usize
            || dst > first
            || self.stack.len() <= first + 1
        {
            return false;
        }
        let Some(caller) = self.frames.pop() else { return false };
        match self.stack.last() {
            Some(&Value::Int(n)) => {
                self.truncate_stack(dst);
                push_int(&mut self.stack, n);
            }
            _ => {
                let v = self.stack.pop().unwrap_or_default();
                self.truncate_stack(dst);
                self.stack.push(v);
            }
        }
        self.cur = caller;
        true
    }

    /// `truncate`, with the drop of scalars inline.
    #[inline(always)]
    fn truncate_stack(&mut self, len: usize) {
        while self.stack.len() > len {
            match self.stack.pop() {
                None | Some(Value::Nil | Value::Bool(_) | Value::Int(_) | Value::Float(_)) => {}
                Some(v) => drop(v),
            }
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

    /// `unfused` for a comparison (which cannot panic): its outcome.
    fn unfused_cmp(&mut self, a: usize, b: Value, op: CmpOp, kind: IntKind) -> bool {
        let _ = self.unfused(a, b, Op::Cmp(op, NumKind::Int(kind)));
        matches!(self.stack.pop(), Some(Value::Bool(true)))
    }
}
