//! The short call path: a plain call of a function whose locals start from a template, and
//! the returns of a plain call with no deferred call, each without leaving the dispatch loop.

use super::super::bytecode::FuncProto;
use super::super::value::Value;
use super::exec::{drop_to, move_top, push, push_clone, push_int, push_value};
use super::fiber::{Fiber, Frame, Kind, Mode};

impl Fiber {
    /// A plain call of a function whose locals start from a template (scalar results),
    /// its arguments at `at`, the caller to resume at `pc`: no lookups beyond the template.
    /// The callee's function, now running, or `None`: take the general path.
    #[inline(always)]
    pub(super) fn enter_fast<'p>(
        &mut self,
        vm: &'p super::Vm,
        func: u32,
        at: usize,
        pc: usize,
    ) -> Option<&'p FuncProto> {
        let (Some(proto), Some(Some(init))) = (vm.program.funcs.get(func as usize), vm.frame_init.get(func as usize))
        else {
            return None;
        };
        if self.stack.len() != at + proto.params as usize || self.frames.len() >= vm.limits.max_call_depth {
            return None;
        }
        if let [Value::Int(n)] = **init {
            // One int result and no other local: the usual small function.
            push_int(&mut self.stack, n);
        } else {
            self.push_init(init);
        }
        let defer_base = self.defer_count() as u32;
        // Field by field, not `mem::replace` of the whole frame: the running frame's fields
        // were just written one by one, and a whole copy would stall on them.
        let cur = &mut self.cur;
        push_value!(
            self.frames.vec(),
            Frame {
                closure: cur.closure.take(),
                func: cur.func,
                pc: pc as u32,
                base: cur.base,
                defer_base: cur.defer_base,
                kind: cur.kind,
                mode: cur.mode,
                ret_below: cur.ret_below,
            },
        );
        cur.func = func;
        cur.pc = 0;
        cur.base = at as u32;
        cur.ret_below = false;
        cur.defer_base = defer_base;
        cur.kind = Kind::Normal;
        cur.mode = Mode::Running;
        Some(proto)
    }

    /// Pushes a callee's locals after its parameters: [`super::Vm::frame_init`].
    #[inline(always)]
    fn push_init(&mut self, init: &[Value]) {
        for v in init {
            match v {
                Value::Int(n) => push_int(&mut self.stack, *n),
                Value::Nil => push(&mut self.stack, Value::Nil),
                v => push_clone(&mut self.stack, Some(v)),
            }
        }
    }

    /// Returns from a plain call with no deferred call and no boxed result. `false`: take
    /// the general path.
    #[inline(always)]
    pub(super) fn return_fast(&mut self, func: &FuncProto, base: usize) -> bool {
        let first = base + func.params as usize;
        let results = func.results as usize;
        let dst = self.cur.ret_to();
        if self.cur.kind != Kind::Normal
            || self.defer_count() > self.cur.defer_base as usize
            || dst > first
            || self.stack.get(first..first + results).is_none_or(|r| r.iter().any(|v| matches!(v, Value::Ref(_))))
        {
            return false;
        }
        let Some(caller) = self.frames.pop() else { return false };
        if let (1, Some(&Value::Int(n))) = (results, self.stack.get(first)) {
            drop_to(&mut self.stack, dst);
            push_int(&mut self.stack, n);
        } else {
            for i in 0..results {
                self.stack.swap(dst + i, first + i);
            }
            self.stack.truncate(dst + results);
        }
        self.resume(caller);
        true
    }

    /// The caller becomes the running frame again. The frame left is dropped in place
    /// only when it holds a closure: otherwise it owns nothing and is simply overwritten.
    #[inline(always)]
    fn resume(&mut self, caller: Frame) {
        if self.cur.closure.is_none() {
            // SAFETY: `self.cur` owns nothing to drop (its only owning field is `None`), so
            // overwriting it without dropping it leaks nothing.
            unsafe { std::ptr::write(&mut self.cur, caller) };
        } else {
            self.cur = caller;
        }
    }

    /// `StoreReturn` into the only result of a plain call: the top value goes straight to
    /// the caller. `false`: take the general path.
    #[inline(always)]
    pub(super) fn return_top_fast(&mut self, func: &FuncProto, base: usize) -> bool {
        let first = base + func.params as usize;
        let dst = self.cur.ret_to();
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
                drop_to(&mut self.stack, dst);
                push_int(&mut self.stack, n);
            }
            _ => move_top(&mut self.stack, dst),
        }
        self.resume(caller);
        true
    }

    /// Returns the int `n` as the only result of a plain call with no deferred call.
    /// `false`: take the general path (nothing changed).
    #[inline(always)]
    pub(super) fn return_int(&mut self, func: &FuncProto, n: i64) -> bool {
        let dst = self.cur.ret_to();
        // `dst <= first` always holds (`ret_to` is `base` or one below).
        if func.results != 1 || self.cur.kind != Kind::Normal || self.defer_count() > self.cur.defer_base as usize {
            return false;
        }
        let Some(caller) = self.frames.pop() else { return false };
        // The caller first: then it moves straight from the frame stack into place.
        self.resume(caller);
        drop_to(&mut self.stack, dst);
        push_int(&mut self.stack, n);
        true
    }
}
