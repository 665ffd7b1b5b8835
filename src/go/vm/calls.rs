//! Calls, returns, `defer`, `panic` and `recover`.
//!
//! Deferred calls live on one per-goroutine stack; a frame owns those above its
//! `defer_base`. A return or a panic runs them as ordinary frames on top of the frame that
//! deferred them (so they may block), marked [`Kind::Deferred`] or [`Kind::PanicDefer`]; when
//! one returns, the frame below carries on with its return or unwinding ([`Mode`]).

use std::rc::Rc;

use super::super::bytecode::{FuncId, Native};
use super::super::value::{Callee, Closure, Native as NativeState, Value};
use super::fiber::{Deferred, Fiber, Frame, Kind, Mode, PanicRec};
use super::{Res, Trap};

/// What the loop does after an instruction that may change frames.
pub(crate) enum Flow {
    /// Reload the current frame and go on.
    Continue,
    /// Leave `exec`: the goroutine's first frame, or a nested run's barrier, returned.
    Stop,
}

/// What a call of a function value did.
pub(crate) enum Called {
    /// Pushed a Go frame: the loop runs it next.
    Frame,
    /// Ran a native to completion (its results are pushed).
    Native,
}

impl Fiber {
    /// Enters Go function `func` whose arguments start at `base`; its results will go to
    /// `ret_to`.
    pub fn enter(&mut self, func: FuncId, base: usize, ret_to: usize, closure: Option<Rc<Closure>>, kind: Kind) -> Res {
        if self.frames.len() >= self.vm.limits.max_call_depth {
            return Err(self.stack_overflow());
        }
        let Some(proto) = self.vm.program.funcs.get(func as usize) else {
            return Err(self.internal("call of an unknown function"));
        };
        let need = base + proto.locals as usize;
        let zero = !proto.result_types.is_empty();
        if self.stack.len() < need {
            let n = need - self.stack.len();
            self.stack.extend(std::iter::repeat_n(Value::Nil, n));
        } else {
            self.stack.truncate(need);
        }
        if zero {
            self.zero_results(func, base);
        }
        let mut frame = Frame::new(func, base, ret_to, self.defer_count(), kind);
        frame.closure = closure;
        let caller = std::mem::replace(&mut self.cur, frame);
        self.frames.push(caller);
        Ok(())
    }

    /// `[callee, a1 .. an] → [r1 .. rm]`: calls a function value.
    pub fn call_value(&mut self, argc: usize, kind: Kind) -> Res<Called> {
        let Some(pos) = self.stack.len().checked_sub(argc + 1) else {
            return Err(self.internal("call with a short stack"));
        };
        let callee = std::mem::take(&mut self.stack[pos]);
        let closure = match callee {
            Value::Func(closure) => closure,
            Value::Nil => return Err(self.nil_deref()),
            _ => return Err(self.internal("call of a non-function value")),
        };
        let base = match &closure.recv {
            Some(recv) => {
                self.stack[pos] = recv.clone();
                pos
            }
            None => pos + 1,
        };
        match closure.callee {
            Callee::Func(func) => {
                let captured = if closure.captures.is_empty() { None } else { Some(closure) };
                self.enter(func, base, pos, captured, kind)?;
                Ok(Called::Frame)
            }
            Callee::Native(native) => {
                let mut args = self.stack.split_off(base);
                self.stack.truncate(pos);
                if super::natives::is_variadic(native) {
                    let packed = args.pop().unwrap_or_default();
                    args.extend(super::ops::slice_values(&packed));
                }
                // `Once.Do` may push `f`'s frame: then the caller must run it.
                let depth = self.frames.len();
                self.call_native(native, &args)?;
                Ok(if self.frames.len() > depth { Called::Frame } else { Called::Native })
            }
        }
    }

    /// `[recv, a1 .. an] → [r1 .. rm]`: a method of the interface value `recv`'s dynamic type.
    pub fn call_iface(&mut self, method: u32, argc: usize) -> Res {
        let Some(pos) = self.stack.len().checked_sub(argc + 1) else {
            return Err(self.internal("call with a short stack"));
        };
        let recv = std::mem::take(&mut self.stack[pos]);
        let (callee, recv) = self.resolve_method(&recv, method)?;
        self.stack[pos] = recv;
        match callee {
            Callee::Func(func) => self.enter(func, pos, pos, None, Kind::Normal),
            Callee::Native(native) => {
                let args = self.stack.split_off(pos);
                self.call_native(native, &args)
            }
        }
    }

    /// The implementation of `method` for an interface value, and the receiver to pass.
    pub fn resolve_method(&mut self, iface: &Value, method: u32) -> Res<(Callee, Value)> {
        let iface = match iface {
            Value::Iface(iface) => iface.clone(),
            Value::Nil => return Err(self.nil_deref()),
            _ => return Err(self.internal("method call on a non-interface value")),
        };
        let Some(imp) = self.vm.program.methods.get(&(iface.ty, method)).copied() else {
            let name = self.vm.program.method_names.get(method as usize).cloned().unwrap_or_default();
            let ty = self.vm.program.types.go_name(iface.ty);
            return Err(self.internal(&format!("{ty} has no method {name}")));
        };
        let recv = if imp.deref { self.deref_copy(&iface.value)? } else { iface.value.clone() };
        Ok((imp.callee, recv))
    }

    /// `*p` copied, for a value method called through a pointer.
    pub fn deref_copy(&mut self, p: &Value) -> Res<Value> {
        match p {
            Value::AggPtr(b) => Ok(Value::Agg(b.clone()).deep_copy()),
            Value::Ref(cell) => Ok(cell.borrow().deep_copy()),
            Value::ElemPtr(e) => Ok(e.target.borrow().get(e.index).map(Value::deep_copy).unwrap_or_default()),
            Value::Nil => Err(self.nil_deref()),
            other => Ok(other.clone()),
        }
    }

    /// `defer callee(args)`.
    pub fn push_defer(&mut self, argc: usize) -> Res {
        let at = self.stack.len().saturating_sub(argc);
        let args = self.stack.split_off(at).into_boxed_slice();
        let callee = self.stack.pop().unwrap_or_default();
        let defers = &mut self.extra().defers;
        if defers.capacity() == 0 {
            defers.reserve_exact(1);
        }
        defers.push(Deferred { callee, args });
        Ok(())
    }

    /// `defer` in a range-over-func loop body: files the call among the deferred calls of the
    /// function holding the loop (the frame owning the loop's marker), after its newest one,
    /// as Go does. Frames above that function see their deferred calls move up by one.
    pub fn push_range_defer(&mut self, argc: usize) {
        let token = self.stack.pop().unwrap_or_default();
        let at = self.stack.len().saturating_sub(argc);
        let args = self.stack.split_off(at).into_boxed_slice();
        let callee = self.stack.pop().unwrap_or_default();
        let d = Deferred { callee, args };
        let defers = &self.extra().defers;
        let Some(marker) = defers.iter().rposition(|d| range_marker_of(d, &token)) else {
            // The holding function is not on this goroutine's stack: the body runs after
            // the loop ended or elsewhere; it is deferred where it runs.
            self.extra().defers.push(d);
            return;
        };
        // Where the frames above the holding function start their own deferred calls.
        let len = defers.len();
        let bases = std::iter::once(&self.cur).chain(self.frames.iter()).map(|f| f.defer_base as usize);
        let end = bases.filter(|&b| b > marker).min().unwrap_or(len).min(len);
        self.extra().defers.insert(end, d);
        for frame in std::iter::once(&mut self.cur).chain(self.frames.iter_mut()) {
            if frame.defer_base as usize >= end && frame.defer_base as usize > marker {
                frame.defer_base += 1;
            }
        }
    }

    fn call_deferred(&mut self, d: Deferred, kind: Kind) -> Res<Called> {
        let argc = d.args.len();
        self.stack.push(d.callee);
        self.stack.extend(d.args.into_vec());
        self.call_value(argc, kind)
    }

    /// `Return`: runs the frame's deferred calls, then hands its results to the caller.
    pub fn do_return(&mut self) -> Res<Flow> {
        self.cur.mode = Mode::Returning;
        self.continue_return()
    }

    /// Goes on with the return of the current frame (mode `Returning`).
    pub fn continue_return(&mut self) -> Res<Flow> {
        loop {
            if self.defer_count() > self.cur.defer_base as usize {
                let Some(d) = self.pop_defer() else { continue };
                match self.call_deferred(d, Kind::Deferred)? {
                    Called::Frame => return Ok(Flow::Continue),
                    Called::Native => continue,
                }
            }
            let (params, results) = match self.vm.program.funcs.get(self.cur.func as usize) {
                Some(f) => (f.params as usize, f.results as usize),
                None => (0, 0),
            };
            let base = self.cur.base as usize;
            self.unbox_results(base + params, results);
            let dst = self.cur.ret_to();
            for i in 0..results {
                if dst + i != base + params + i && base + params + i < self.stack.len() {
                    self.stack.swap(dst + i, base + params + i);
                }
            }
            self.stack.resize(dst + results, Value::Nil);
            let kind = self.cur.kind;
            let Some(caller) = self.frames.pop() else {
                self.returned = true;
                return Ok(Flow::Stop);
            };
            self.cur = caller;
            match kind {
                Kind::Normal => return Ok(Flow::Continue),
                Kind::Bottom => {
                    self.returned = true;
                    return Ok(Flow::Stop);
                }
                Kind::Barrier => return Ok(Flow::Stop),
                Kind::OnceDo => {
                    self.once_finished();
                    return Ok(Flow::Continue);
                }
                Kind::Deferred | Kind::PanicDefer(_) => {
                    self.stack.truncate(dst);
                    match self.cur.mode {
                        Mode::Running => return Ok(Flow::Continue),
                        Mode::Returning => continue,
                        Mode::Unwinding => {
                            let recovered = match (kind, self.extra.as_ref()) {
                                (Kind::PanicDefer(j), Some(e)) => e.panics.get(j as usize).is_some_and(|p| p.recovered),
                                _ => false,
                            };
                            if !recovered {
                                return self.unwind();
                            }
                            // Recovered: the panic ends and the frame returns normally.
                            if let (Kind::PanicDefer(j), Some(e)) = (kind, self.extra.as_mut()) {
                                e.panics.truncate(j as usize);
                                while e.panics.last().is_some_and(|p| p.aborted) {
                                    e.panics.pop();
                                }
                            }
                            self.cur.mode = Mode::Returning;
                        }
                    }
                }
            }
        }
    }

    /// Replaces the `Ref` cell of an escaping result (a deferred closure assigns it) by its
    /// content. Only a result of non-pointer type can be told apart from a pointer value; an
    /// escaping pointer-typed result would need the compiler to say so.
    fn unbox_results(&mut self, first: usize, results: usize) {
        for i in 0..results {
            let Some(Value::Ref(cell)) = self.stack.get(first + i) else { continue };
            let vm = &self.vm;
            let Some(f) = vm.program.funcs.get(self.cur.func as usize) else { return };
            let pointer = f
                .result_types
                .get(i)
                .is_some_and(|&ty| matches!(vm.under(ty), Some(super::super::types::TypeKind::Pointer(_))));
            if !pointer {
                let v = cell.borrow().clone();
                self.stack[first + i] = v;
            }
        }
    }

    /// `panic(v)`: starts unwinding from the current frame.
    pub fn raise(&mut self, v: Value) -> Res<Flow> {
        let trace = self.capture_trace();
        let extra = self.extra();
        extra.trace = trace;
        let repanicked = extra.panics.last().is_some_and(|p| p.recovered && !p.aborted && same_value(&p.value, &v));
        if repanicked {
            extra.panics.pop();
        }
        extra.panics.push(PanicRec { value: v, recovered: false, repanicked, aborted: false, goexit: false });
        self.unwind()
    }

    /// A panic with no frame left to unwind (raised outside any Go frame).
    pub fn raise_uncaught(&mut self, v: Value) {
        let trace = self.capture_trace();
        let extra = self.extra();
        extra.trace = trace;
        extra.panics.push(PanicRec { value: v, recovered: false, repanicked: false, aborted: false, goexit: false });
        let _ = self.uncaught();
    }

    /// Runs the deferred calls of the current frame for the newest panic, popping frames
    /// that have none left, until one recovers or no frame is left.
    pub fn unwind(&mut self) -> Res<Flow> {
        loop {
            self.cur.mode = Mode::Unwinding;
            if self.defer_count() > self.cur.defer_base as usize {
                let Some(d) = self.pop_defer() else { continue };
                let index = self.extra.as_ref().map_or(0, |e| e.panics.len().saturating_sub(1));
                let Ok(index) = u16::try_from(index) else { return Err(self.stack_overflow()) };
                match self.call_deferred(d, Kind::PanicDefer(index))? {
                    Called::Frame => return Ok(Flow::Continue),
                    Called::Native => continue,
                }
            }
            match self.cur.kind {
                Kind::PanicDefer(j) => {
                    // A newer panic aborts panic `j`; after `panic(recover())` the newest one
                    // took its place and is not aborted.
                    let panics = self.extra.as_mut().map(|e| &mut e.panics);
                    if let Some(p) = panics.filter(|p| p.len() > j as usize + 1).and_then(|p| p.get_mut(j as usize)) {
                        p.aborted = true;
                    }
                }
                Kind::OnceDo => self.once_finished(),
                Kind::Barrier => {
                    let ret_to = self.cur.ret_to();
                    self.stack.truncate(ret_to);
                    if let Some(caller) = self.frames.pop() {
                        self.cur = caller;
                    }
                    let v = self.extra.as_mut().and_then(|e| e.panics.pop()).map(|p| p.value).unwrap_or_default();
                    return Err(Trap::Unwound(v));
                }
                _ => {}
            }
            let ret_to = self.cur.ret_to();
            match self.frames.pop() {
                Some(caller) => {
                    self.stack.truncate(ret_to);
                    self.cur = caller;
                }
                None if self.extra.as_ref().and_then(|e| e.panics.last()).is_some_and(|p| p.goexit) => {
                    return self.goexit_end();
                }
                None => return Err(self.uncaught()),
            }
        }
    }

    /// `runtime.Goexit()`: runs the deferred calls as a panic would, without a value to
    /// recover.
    pub fn goexit(&mut self) -> Res<Flow> {
        let rec = PanicRec { value: Value::Nil, recovered: false, repanicked: false, aborted: false, goexit: true };
        self.extra().panics.push(rec);
        self.unwind()
    }

    /// Goexit's deferred calls are done: the goroutine ends as if it returned. Main instead
    /// parks for good, so the others run on; Go then reports a deadlock once they end.
    fn goexit_end(&mut self) -> Res<Flow> {
        if let Some(e) = self.extra.as_mut() {
            e.panics.clear();
        }
        self.stack.clear();
        if self.gid == 1 {
            self.vm.rt.main_goexit();
            let park = self.vm.rt.park_forever(crate::runtime::BlockReason::External);
            return Err(self.block_on(super::fiber::Pending::Forever(park)));
        }
        self.returned = true;
        Ok(Flow::Stop)
    }

    /// `recover()`: the newest panic's value if the running function is the deferred call
    /// that panic made, else `Nil`.
    pub fn recover(&mut self) -> Value {
        let Kind::PanicDefer(j) = self.cur.kind else { return Value::Nil };
        let Some(extra) = self.extra.as_mut() else { return Value::Nil };
        if j as usize + 1 != extra.panics.len() {
            return Value::Nil;
        }
        match extra.panics.last_mut() {
            Some(p) if !p.recovered && !p.aborted && !p.goexit => {
                p.recovered = true;
                p.value.clone()
            }
            _ => Value::Nil,
        }
    }

    /// Runs a method or function to completion for a native (fmt's `String()`, errors'
    /// `Unwrap()`), in a nested loop on top of the current frame. It must not block.
    pub fn call_sync(&mut self, callee: Callee, args: Vec<Value>) -> Res<Vec<Value>> {
        let mark = self.stack.len();
        self.extra().nested += 1;
        let r = match callee {
            Callee::Native(native) => self.call_native(native, &args),
            Callee::Func(func) => {
                self.stack.extend(args);
                match self.enter(func, mark, mark, None, Kind::Barrier) {
                    Ok(()) => self.exec(),
                    Err(e) => Err(e),
                }
            }
        };
        self.extra().nested -= 1;
        match r {
            Ok(()) => Ok(self.stack.split_off(mark.min(self.stack.len()))),
            Err(Trap::Unwound(v)) => Err(Trap::Panic(v)),
            Err(Trap::Block) => {
                self.pending = super::fiber::Pending::None;
                Err(self.blocked_in_nested())
            }
            Err(e) => Err(e),
        }
    }

    /// `Once.Do(f)` holds the Once's lock: run `f` unless another goroutine finished it.
    pub fn once_locked(
        &mut self,
        state: Rc<std::cell::RefCell<NativeState>>,
        f: Value,
        lock: Option<crate::runtime::Mutex>,
    ) -> Res {
        if matches!(*state.borrow(), NativeState::Once { done: true }) {
            if let Some(lock) = lock {
                lock.try_unlock();
            }
            return Ok(());
        }
        self.extra().onces.push(state);
        self.stack.push(f);
        match self.call_value(0, Kind::OnceDo)? {
            Called::Frame => Ok(()),
            Called::Native => {
                self.once_finished();
                Ok(())
            }
        }
    }

    /// `f` of the innermost `Once.Do` returned (or panicked): the Once is done, its waiters
    /// go on.
    pub fn once_finished(&mut self) {
        let Some(state) = self.extra.as_mut().and_then(|e| e.onces.pop()) else { return };
        if let NativeState::Once { done } = &mut *state.borrow_mut() {
            *done = true;
        }
        let key = Rc::as_ptr(&state) as usize;
        let entry = self.vm.onces.borrow_mut().remove(&key);
        if let Some((_, lock)) = entry {
            lock.try_unlock();
        }
    }
}

/// Go's check for `panic(recover())`: the same value panicking again.
fn same_value(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Iface(x), Value::Iface(y)) => {
            Rc::ptr_eq(x, y) || (x.ty == y.ty && super::arith::equal(&x.value, &y.value).unwrap_or(false))
        }
        (Value::Nil, Value::Nil) => true,
        _ => false,
    }
}

/// Whether `d` is the marker of the range-over-func loop whose token is `token`.
pub(crate) fn range_marker_of(d: &Deferred, token: &Value) -> bool {
    let (Value::Func(f), Some(Value::Ref(mark)), Value::Ref(token)) = (&d.callee, d.args.first(), token) else {
        return false;
    };
    f.callee == Callee::Native(Native::RangeDefers) && Rc::ptr_eq(mark, token)
}
