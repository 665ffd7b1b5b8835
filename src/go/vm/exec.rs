//! The dispatch loop. Frequent instructions run inline on locals (`pc`, `base`, the code
//! slice); the others go through [`Fiber::slow`], after which the loop reloads the current
//! frame (a call or return may have changed it).

use super::super::bytecode::{ArithOp, CmpOp, NumKind, Op};
use super::super::value::Value;
use super::calls::Flow;
use super::fiber::{Fiber, Kind, Pending};
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
        let slice = i64::from(vm.limits.slice.max(1));
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
                    Op::SmallInt(v) => self.stack.push(Value::Int(i64::from(v))),
                    Op::Const(k) => self.stack.push(program.consts.get(k as usize).cloned().unwrap_or_default()),
                    Op::Nil => self.stack.push(Value::Nil),
                    Op::Bool(b) => self.stack.push(Value::Bool(b)),
                    Op::Load(i) => {
                        // Copying an int directly avoids the out-of-line `clone` and a
                        // store-forwarding stall on the copy.
                        let v = match self.stack.get(base + i as usize) {
                            Some(&Value::Int(n)) => Value::Int(n),
                            Some(v) => v.clone(),
                            None => Value::Nil,
                        };
                        self.stack.push(v);
                    }
                    Op::Store(i) => {
                        let n = self.stack.len();
                        let slot = base + i as usize;
                        if slot + 1 < n {
                            self.stack.swap(slot, n - 1);
                        }
                        self.stack.truncate(n.saturating_sub(1));
                    }
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
                        let r = match op {
                            ArithOp::Add => a.wrapping_add(b),
                            ArithOp::Sub => a.wrapping_sub(b),
                            ArithOp::Mul => a.wrapping_mul(b),
                            ArithOp::And => a & b,
                            ArithOp::Or => a | b,
                            ArithOp::Xor => a ^ b,
                            _ => a & !b,
                        };
                        self.stack.truncate(n - 1);
                        self.stack[n - 2] = Value::Int(kind.wrap(r));
                    }
                    Op::Cmp(cmp, NumKind::Int(kind))
                        if matches!(self.stack.as_slice(), [.., Value::Int(_), Value::Int(_)]) =>
                    {
                        let n = self.stack.len();
                        let (a, b) = (self.stack[n - 2].as_int(), self.stack[n - 1].as_int());
                        let ord = if kind.is_unsigned() { (a as u64).cmp(&(b as u64)) } else { a.cmp(&b) };
                        let r = match cmp {
                            CmpOp::Lt => ord.is_lt(),
                            CmpOp::Le => ord.is_le(),
                            CmpOp::Gt => ord.is_gt(),
                            CmpOp::Ge => ord.is_ge(),
                        };
                        self.stack.truncate(n - 1);
                        self.stack[n - 2] = Value::Bool(r);
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
                        let r = self.enter(func, at, at, None, Kind::Normal).map(|()| Flow::Continue);
                        step!('frame, self.after_slow(r));
                    }
                    Op::Return => {
                        self.cur.pc = pc as u32;
                        self.budget = budget;
                        // Fast path: a plain call with no deferred call and no boxed result.
                        let first = base + func.params as usize;
                        let results = func.results as usize;
                        let dst = self.cur.ret_to as usize;
                        if self.cur.kind == Kind::Normal
                            && self.defers.len() <= self.cur.defer_base as usize
                            && dst <= first
                            && self
                                .stack
                                .get(first..first + results)
                                .is_some_and(|r| !r.iter().any(|v| matches!(v, Value::Ref(_))))
                        {
                            if let Some(caller) = self.frames.pop() {
                                for i in 0..results {
                                    self.stack.swap(dst + i, first + i);
                                }
                                self.stack.truncate(dst + results);
                                self.cur = caller;
                                continue 'frame;
                            }
                        }
                        let r = self.do_return();
                        step!('frame, self.after_slow(r));
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
                Err(Trap::Block) if self.nested > 0 => {
                    self.pending = Pending::None;
                    return Err(self.blocked_in_nested());
                }
                Err(other) => return Err(other),
            }
        }
    }
}
