//! A goroutine: its frames, its value stack, and the blocked operation it waits on.
//!
//! Kept small because 10^6 of them may be parked at once: the running frame lives inline
//! (`cur`), only callers go to `frames`, and rarely used state (panics, `WaitGroup.Go`) sits
//! behind one optional box.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

use super::super::bytecode::{FuncId, Native};
use super::super::value::{Callee, Closure, Native as NativeState, Value};
use super::{store, Res, Trap, Vm};
use crate::runtime::{Forever, Gid, GoFuture, Sleep, SlotHooks, SpawnSite, WaitGroup as RtWaitGroup, Yield};

/// The spawn site's function for a goroutine that starts in a native (`go fmt.Println(…)`).
pub(crate) const NATIVE_ENTRY: u32 = u32::MAX;

/// Why a frame was entered, which decides what its return does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// An ordinary call: the caller goes on.
    Normal,
    /// The goroutine's first frame: returning ends the goroutine.
    Bottom,
    /// A deferred call run by a normal return.
    Deferred,
    /// A deferred call run by panic `n` (index in `Extra::panics`): `recover` works here.
    /// 16 bits keep [`Frame`] at 32 bytes: more panics in flight end the run as a stack
    /// overflow.
    PanicDefer(u16),
    /// A method run synchronously for a native (`String()` for fmt): returning ends the
    /// nested loop.
    Barrier,
    /// `f` of `Once.Do(f)`: returning marks the Once done.
    OnceDo,
}

/// What a frame is doing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    Running,
    /// Running its deferred calls before returning.
    Returning,
    /// A panic is running its deferred calls.
    Unwinding,
}

#[derive(Clone, Debug)]
pub(crate) struct Frame {
    /// The running closure, when it has captures.
    pub closure: Option<Rc<Closure>>,
    pub func: FuncId,
    /// Next instruction.
    pub pc: u32,
    /// First local on the value stack.
    pub base: u32,
    /// Deferred calls above this index are this frame's.
    pub defer_base: u32,
    pub kind: Kind,
    pub mode: Mode,
    /// The results go to `base - 1` (over the called function value), else to `base`.
    pub ret_below: bool,
}

// 32 bytes: the running frame is inline in every parked goroutine.
const _: () = assert!(std::mem::size_of::<Frame>() <= 32);

impl Frame {
    /// `ret_to` is `base` or `base - 1`.
    pub fn new(func: FuncId, base: usize, ret_to: usize, defer_base: usize, kind: Kind) -> Frame {
        Frame {
            closure: None,
            func,
            pc: 0,
            base: base as u32,
            defer_base: defer_base as u32,
            kind,
            mode: Mode::Running,
            ret_below: ret_to < base,
        }
    }

    /// Where the results go when it returns.
    #[inline(always)]
    pub fn ret_to(&self) -> usize {
        (self.base as usize).saturating_sub(self.ret_below as usize)
    }
}

/// The callers of the running frame, boxed on the first call: a goroutine parked in its
/// first frame (most of them) keeps one word for it.
#[derive(Default)]
#[allow(clippy::box_collection)] // one word instead of three, on purpose
pub(crate) struct Frames(Option<Box<Vec<Frame>>>);

impl Frames {
    #[inline(always)]
    pub fn len(&self) -> usize {
        match &self.0 {
            Some(v) => v.len(),
            None => 0,
        }
    }

    #[inline(always)]
    pub fn push(&mut self, frame: Frame) {
        super::exec::push_value!(self.vec(), frame);
    }

    /// The callers, allocated on first use.
    #[inline(always)]
    pub fn vec(&mut self) -> &mut Vec<Frame> {
        self.0.get_or_insert_with(new_frames)
    }

    #[inline(always)]
    pub fn pop(&mut self) -> Option<Frame> {
        match &mut self.0 {
            Some(v) => v.pop(),
            None => None,
        }
    }

    /// No callers' vector was ever allocated.
    #[inline(always)]
    pub fn is_unboxed(&self) -> bool {
        self.0.is_none()
    }

    pub fn iter(&self) -> std::slice::Iter<'_, Frame> {
        self.0.as_deref().map_or(&[][..], |v| v.as_slice()).iter()
    }

    pub fn iter_mut(&mut self) -> std::slice::IterMut<'_, Frame> {
        self.0.as_deref_mut().map_or(&mut [][..], |v| v.as_mut_slice()).iter_mut()
    }
}

#[cold]
#[allow(clippy::box_collection)]
fn new_frames() -> Box<Vec<Frame>> {
    Box::default()
}

/// `defer f(args)`: the function value and its arguments, evaluated at the `defer`.
pub(crate) struct Deferred {
    pub callee: Value,
    pub args: Box<[Value]>,
}

/// One panic in flight (Go keeps a chain of them for the message).
pub(crate) struct PanicRec {
    pub value: Value,
    pub recovered: bool,
    /// `panic(recover())` of the same value: Go prints `[recovered, repanicked]`.
    pub repanicked: bool,
    /// A newer panic unwound the deferred call that was handling it.
    pub aborted: bool,
    /// Not a panic but `runtime.Goexit`: `recover` returns nil for it and no message names it.
    pub goexit: bool,
}

/// The result of a blocking operation, pushed when the goroutine resumes.
pub(crate) enum Resume {
    Nothing,
    One(Value),
    Two(Value, Value),
    Three(Value, Value, Value),
    /// The operation panics after all (a send on a channel closed while parked).
    Panic(Value),
    /// `Once.Do` got the lock: call `f` unless the Once got done meanwhile.
    OnceLocked(Rc<RefCell<NativeState>>, Value, crate::runtime::Mutex),
}

pub(crate) type BoxedOp = Pin<Box<dyn Future<Output = Resume>>>;

/// The blocked operation a goroutine waits on. `Sleep` is inline: 10^6 goroutines may sleep.
pub(crate) enum Pending {
    None,
    Sleep(Sleep),
    Yield(Yield),
    Forever(Forever),
    Op(BoxedOp),
}

/// Rare per-goroutine state.
#[derive(Default)]
pub(crate) struct Extra {
    pub panics: Vec<PanicRec>,
    /// `WaitGroup.Go`: `Done` when the goroutine ends.
    pub done_wg: Option<RtWaitGroup>,
    /// States of the `Once` values whose `f` runs in this goroutine (innermost last).
    pub onces: Vec<Rc<RefCell<NativeState>>>,
    /// Frames (function, line) of the last panic, innermost first, for its traceback.
    pub trace: Vec<(FuncId, u32)>,
    /// A goroutine started on a native (`go wg.Wait()`): run once at the first poll.
    pub entry_native: Option<(Native, Vec<Value>)>,
    /// Deferred calls of every frame; a frame owns those above its `defer_base`.
    pub defers: Vec<Deferred>,
    /// Nested synchronous runs (fmt calling `String()`): blocking is impossible there.
    pub nested: u32,
}

/// One goroutine. 10^5 parked ones must fit in a few tens of MB: what only some goroutines
/// use (defers, panics, nested runs) lives in the lazily boxed [`Extra`].
pub(crate) struct Fiber {
    pub vm: Rc<Vm>,
    pub gid: Gid,
    /// Instructions left before the next yield.
    pub budget: i32,
    pub stack: Vec<Value>,
    pub cur: Frame,
    pub frames: Frames,
    pub pending: Pending,
    /// Its first frame returned (or its entry native is all that is left to finish).
    pub returned: bool,
    /// `go` statement that made it: (function, line, parent goroutine); parent 0 for main.
    pub created_by: (FuncId, u32, Gid),
    pub extra: Option<Box<Extra>>,
}

/// The runtime future of goroutine 1: its slot in this thread's [`super::store`]. The others
/// are [`GoFuture::Slot`]s, run by the same functions ([`SLOT_HOOKS`]) with no box.
pub(crate) struct GoroutineFuture {
    /// `u32::MAX` once it has finished (its slot is freed then).
    slot: u32,
}

impl Future for GoroutineFuture {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<()> {
        poll_slot(&mut self.slot)
    }
}

impl Drop for GoroutineFuture {
    fn drop(&mut self) {
        drop_slot(self.slot);
    }
}

/// How the runtime runs the goroutines spawned as [`GoFuture::Slot`]s.
pub(crate) const SLOT_HOOKS: SlotHooks = SlotHooks { poll: poll_slot, drop: drop_slot };

/// Polls the goroutine in `slot`; once it finishes, its slot is freed and `slot` becomes
/// `u32::MAX`.
fn poll_slot(slot_ref: &mut u32) -> Poll<()> {
    let slot = *slot_ref;
    let Some(Some(chunk)) = store::with(|s| s.chunk(slot)) else { return Poll::Pending };
    let Some(Ok(mut entry)) = chunk.get(slot as usize % store::CHUNK).map(RefCell::try_borrow_mut) else {
        return Poll::Pending;
    };
    let store::Entry::In(fiber) = &mut *entry else { return Poll::Pending };
    if fiber.gid == 0 {
        fiber.gid = fiber.vm.rt.current().unwrap_or(0);
    }
    let result = fiber.run();
    if result.is_ready() {
        fiber.finish();
        // Taken apart here, only its own slot borrowed.
        if let store::Entry::In(fiber) = std::mem::replace(&mut *entry, store::Entry::Empty) {
            fiber.dispose();
        }
        drop(entry);
        *slot_ref = u32::MAX;
        store::with(|s| s.release(slot));
    }
    result
}

/// Dropped by the runtime when the goroutine ends or the run ends: free its slot.
fn drop_slot(slot: u32) {
    if slot != u32::MAX {
        store::remove(slot);
    }
}

/// Starts `callee()` in a new goroutine from outside any goroutine (a `time.AfterFunc`
/// timer firing). Over the goroutine limit the call is dropped: no goroutine is there to
/// report the limit to, and the run is about to hit it anyway.
pub(crate) fn spawn_detached(vm: &Rc<Vm>, callee: Value) {
    let mut starter = Fiber::empty(vm.clone(), Frame::new(NATIVE_ENTRY, 0, 0, 0, Kind::Bottom));
    let _ = starter.spawn(callee, Vec::new(), None);
}

/// Goroutine 1: runs the package initialiser, then `main`.
pub(crate) fn main_future(vm: Rc<Vm>) -> GoroutineFuture {
    let program = vm.program.clone();
    let main_locals = program.funcs.get(program.main as usize).map_or(0, |f| f.locals as usize);
    let mut fiber = Fiber::empty(vm.clone(), Frame::new(program.main, 0, 0, 0, Kind::Bottom));
    fiber.stack.resize(main_locals, Value::Nil);
    let init_locals = program.funcs.get(program.init as usize).map_or(0, |f| f.locals as usize);
    let init = Frame::new(program.init, main_locals, main_locals, 0, Kind::Normal);
    fiber.stack.resize(main_locals + init_locals, Value::Nil);
    let main = std::mem::replace(&mut fiber.cur, init);
    fiber.frames.push(main);
    fiber.gid = 1;
    vm.live.set(vm.live.get() + 1);
    GoroutineFuture { slot: store::with(|s| s.insert_with(|| fiber)).flatten().unwrap_or(u32::MAX) }
}

impl Fiber {
    fn empty(vm: Rc<Vm>, cur: Frame) -> Fiber {
        let budget = vm.slice();
        Fiber {
            vm,
            gid: 0,
            budget,
            stack: Vec::new(),
            cur,
            frames: Frames::default(),
            pending: Pending::None,
            returned: false,
            created_by: (0, 0, 0),
            extra: None,
        }
    }

    pub fn extra(&mut self) -> &mut Extra {
        self.extra.get_or_insert_with(Box::default)
    }

    /// Number of pending deferred calls (all frames).
    #[inline]
    pub fn defer_count(&self) -> usize {
        match &self.extra {
            Some(e) => e.defers.len(),
            None => 0,
        }
    }

    /// The newest deferred call; `None` when it was a range-over-func loop's marker
    /// ([`Native::RangeDefers`]), which only marks a place.
    pub fn pop_defer(&mut self) -> Option<Deferred> {
        let d = self.extra.as_mut()?.defers.pop()?;
        match &d.callee {
            Value::Func(f) if f.callee == Callee::Native(Native::RangeDefers) => None,
            _ => Some(d),
        }
    }

    /// Depth of nested synchronous runs.
    pub fn nested(&self) -> u32 {
        self.extra.as_ref().map_or(0, |e| e.nested)
    }

    /// `go callee(args)`: a new goroutine, registered with the runtime. `done_wg` is
    /// `WaitGroup.Go`'s group.
    pub fn spawn(&mut self, callee: Value, args: Vec<Value>, done_wg: Option<RtWaitGroup>) -> Res {
        let vm = self.vm.clone();
        // `live` counts main too: the limit is on the goroutines besides main.
        if vm.live.get() > vm.limits.max_goroutines {
            return Err(self.limit_goroutines());
        }
        let closure = match callee {
            Value::Func(closure) => closure,
            // Not a panic in Go: the program stops, whatever a deferred recover would do.
            Value::Nil => return Err(self.fatal("go of nil func value")),
            _ => return Err(self.internal("go of a non-function value")),
        };
        let mut all = Vec::with_capacity(args.len() + 1);
        all.extend(closure.recv.clone());
        all.extend(args);
        let fiber = match closure.callee {
            Callee::Func(func) => match Rc::try_unwrap(closure) {
                Ok(closure) => self.new_fiber(func, closure.captures.into_vec().into_iter(), all)?,
                Err(closure) => self.new_fiber(func, closure.captures.iter().cloned(), all)?,
            },
            Callee::Native(native) => {
                let mut fiber = Fiber::empty(vm, Frame::new(0, 0, 0, 0, Kind::Bottom));
                fiber.extra().entry_native = Some((native, all));
                fiber
            }
        };
        self.launch(fiber, done_wg);
        Ok(())
    }

    /// `go` of a closure of `func` whose captures are the top `captures` values of the stack
    /// (`MakeClosure` then `Go` without arguments, fused): no closure is made.
    pub fn spawn_closure(&mut self, func: FuncId, captures: usize) -> Res {
        if self.vm.live.get() > self.vm.limits.max_goroutines {
            return Err(self.limit_goroutines());
        }
        let Some(proto) = self.vm.program.funcs.get(func as usize) else {
            return Err(self.internal("go of an unknown function"));
        };
        // The captures move straight to the new stack, then its locals (one operand slot
        // reserved, as `new_fiber` does).
        let at = self.stack.len().saturating_sub(captures);
        let n = self.stack.len() - at;
        let locals = proto.locals as usize;
        let mut stack = Vec::with_capacity(n + locals + 1);
        for _ in 0..n {
            stack.push(self.stack.pop().unwrap_or_default());
        }
        stack.reverse();
        for _ in 0..locals {
            super::exec::push_value!(&mut stack, Value::Nil);
        }
        if proto.results > 0 {
            zero_results(&self.vm, &mut stack, func, n);
        }
        let created_by = (self.cur.func, self.current_line(), self.gid);
        let vm = &self.vm;
        vm.live.set(vm.live.get() + 1);
        let budget = vm.slice();
        let make = || Fiber {
            vm: vm.clone(),
            gid: 0,
            budget,
            stack,
            cur: Frame::new(func, n, n, 0, Kind::Bottom),
            frames: Frames::default(),
            pending: Pending::None,
            returned: false,
            created_by,
            extra: None,
        };
        let slot = store::with(|s| s.insert_with(make)).flatten().unwrap_or(u32::MAX);
        let site = SpawnSite { func, line: created_by.1 };
        vm.rt.go_at(GoFuture::Slot(slot), site);
        Ok(())
    }

    /// A goroutine about to run `func` on `args`. The captures go below its first frame
    /// (`Capture` reads them there), so no closure stays alive: a parked goroutine is smaller.
    /// One operand slot is reserved; more grow the stack.
    fn new_fiber(
        &mut self,
        func: FuncId,
        captures: impl ExactSizeIterator<Item = Value>,
        args: Vec<Value>,
    ) -> Res<Fiber> {
        let vm = self.vm.clone();
        let Some(proto) = vm.program.funcs.get(func as usize) else {
            return Err(self.internal("go of an unknown function"));
        };
        let mut fiber = Fiber::empty(vm.clone(), Frame::new(func, 0, 0, 0, Kind::Bottom));
        let locals = (proto.locals as usize).max(args.len());
        let base = captures.len();
        fiber.stack = Vec::with_capacity(base + locals + 1);
        fiber.stack.extend(captures);
        fiber.stack.extend(args);
        fiber.stack.resize(base + locals, Value::Nil);
        fiber.zero_results(func, base);
        fiber.cur.base = base as u32;
        Ok(fiber)
    }

    /// Hands a new goroutine to the runtime.
    fn launch(&mut self, mut fiber: Fiber, done_wg: Option<RtWaitGroup>) {
        if done_wg.is_some() {
            fiber.extra().done_wg = done_wg;
        }
        let line = self.current_line();
        fiber.created_by = (self.cur.func, line, self.gid);
        let vm = self.vm.clone();
        vm.live.set(vm.live.get() + 1);
        // A native entry (`go fmt.Println(…)`) has no function of the program to name.
        let site = fiber
            .extra
            .as_ref()
            .and_then(|extra| extra.entry_native.as_ref())
            .map_or(SpawnSite { func: fiber.cur.func, line }, |_| SpawnSite { func: NATIVE_ENTRY, line });
        let slot = store::with(|s| s.insert_with(|| fiber)).flatten().unwrap_or(u32::MAX);
        // Its id is read at its first poll: no second visit to the store here.
        vm.rt.go_at(GoFuture::Slot(slot), site);
    }

    /// Stores the zero values of `func`'s results in its result locals (frame at `base`).
    pub fn zero_results(&mut self, func: FuncId, base: usize) {
        zero_results(&self.vm, &mut self.stack, func, base);
    }

    /// Drops a finished goroutine, skipping the out-of-line drops of the parts a plain
    /// goroutine leaves empty (callers, rare state, pending operation).
    fn dispose(self) {
        let Fiber { vm, stack, frames, pending, extra, .. } = self;
        drop(stack);
        drop(vm);
        if frames.is_unboxed() {
            std::mem::forget(frames);
        }
        if extra.is_none() {
            std::mem::forget(extra);
        }
        if matches!(pending, Pending::None) {
            std::mem::forget(pending);
        }
    }

    /// The goroutine ended (returned, or the run ended under it).
    fn finish(&mut self) {
        self.vm.live.set(self.vm.live.get().saturating_sub(1));
    }

    /// One poll: finish the pending operation, then interpret until the goroutine blocks,
    /// yields, ends, or the run ends.
    fn run(&mut self) -> Poll<()> {
        if self.vm.rt.exited().is_some() {
            return Poll::Ready(());
        }
        if let Some((native, args)) = self.extra.as_mut().and_then(|e| e.entry_native.take()) {
            match self.call_native(native, &args) {
                // `go runtime.Goexit()`: nothing deferred yet, the goroutine just ends.
                Ok(()) | Err(Trap::Goexit) => return self.done(),
                Err(Trap::Block) => self.returned = true,
                Err(Trap::Panic(v) | Trap::Unwound(v)) => {
                    self.raise_uncaught(v);
                    return Poll::Ready(());
                }
                Err(Trap::Halt) => return Poll::Ready(()),
            }
        }
        loop {
            match self.poll_pending() {
                Poll::Pending => return Poll::Pending,
                Poll::Ready(None) => {}
                Poll::Ready(Some(resume)) => {
                    if let Err(trap) = self.apply_resume(resume) {
                        match trap {
                            Trap::Block => continue,
                            Trap::Halt => return Poll::Ready(()),
                            Trap::Goexit => return self.done(),
                            Trap::Panic(v) | Trap::Unwound(v) => {
                                self.raise_uncaught(v);
                                return Poll::Ready(());
                            }
                        }
                    }
                    if self.returned {
                        return self.done();
                    }
                }
            }
            match self.exec() {
                Ok(()) | Err(Trap::Goexit) => return self.done(),
                Err(Trap::Block) => continue,
                Err(Trap::Halt) => return Poll::Ready(()),
                Err(Trap::Panic(v) | Trap::Unwound(v)) => {
                    self.raise_uncaught(v);
                    return Poll::Ready(());
                }
            }
        }
    }

    /// The goroutine returned from its first frame.
    fn done(&mut self) -> Poll<()> {
        if let Some(wg) = self.extra.as_mut().and_then(|e| e.done_wg.take()) {
            if !wg.try_add(-1) {
                let v = self.plain_panic_value("sync: negative WaitGroup counter");
                self.raise_uncaught(v);
            }
        }
        Poll::Ready(())
    }

    /// Polls the stored blocked operation: `Ready(None)` when there was none.
    fn poll_pending(&mut self) -> Poll<Option<Resume>> {
        let mut cx = Context::from_waker(std::task::Waker::noop());
        let resume = match &mut self.pending {
            Pending::None => return Poll::Ready(None),
            Pending::Sleep(sleep) => Pin::new(sleep).poll(&mut cx).map(|()| Resume::Nothing),
            Pending::Yield(y) => Pin::new(y).poll(&mut cx).map(|()| Resume::Nothing),
            Pending::Forever(f) => Pin::new(f).poll(&mut cx).map(|()| Resume::Nothing),
            Pending::Op(op) => op.as_mut().poll(&mut cx),
        };
        match resume {
            Poll::Pending => Poll::Pending,
            Poll::Ready(resume) => {
                self.pending = Pending::None;
                Poll::Ready(Some(resume))
            }
        }
    }

    /// Parks on `op`: the caller returns `Err(Trap::Block)` and `run` polls it.
    pub fn block_on(&mut self, op: Pending) -> Trap {
        let old = std::mem::replace(&mut self.pending, op);
        // Nothing was pending (always, but for a nested run): no out-of-line drop call.
        if matches!(old, Pending::None) {
            std::mem::forget(old);
        }
        Trap::Block
    }

    /// Pushes the result of a finished blocking operation, then resumes what was waiting.
    fn apply_resume(&mut self, resume: Resume) -> Res {
        match resume {
            Resume::Nothing => {}
            Resume::One(a) => self.stack.push(a),
            Resume::Two(a, b) => self.stack.extend([a, b]),
            Resume::Three(a, b, c) => self.stack.extend([a, b, c]),
            Resume::Panic(v) => return self.raise(v).map(|_| ()),
            Resume::OnceLocked(state, f, lock) => return self.once_locked(state, f, Some(lock)),
        }
        // A deferred native that blocked during a return or a panic: carry on with it.
        match self.cur.mode {
            Mode::Running => Ok(()),
            Mode::Returning => self.continue_return().map(|_| ()),
            Mode::Unwinding => self.unwind().map(|_| ()),
        }
    }

    /// Line of the instruction being executed in the current frame.
    pub fn current_line(&self) -> u32 {
        frame_line(&self.vm.program, &self.cur)
    }
}

/// Line of the instruction before `frame.pc` (the one running, or the call in progress).
pub(crate) fn frame_line(program: &super::super::bytecode::Program, frame: &Frame) -> u32 {
    program.funcs.get(frame.func as usize).map_or(0, |f| {
        let pc = (frame.pc as usize).saturating_sub(1);
        f.lines.get(pc).copied().unwrap_or(f.line)
    })
}

/// Stores the zero values of `func`'s results in its result locals (frame at `base`) of
/// `stack`.
fn zero_results(vm: &Vm, stack: &mut [Value], func: FuncId, base: usize) {
    let Some(Some(zeros)) = vm.result_zeros.get(func as usize) else { return };
    let Some(proto) = vm.program.funcs.get(func as usize) else { return };
    let first = base + proto.params as usize;
    for (i, zero) in zeros.iter().enumerate() {
        let v = match zero {
            Some(v) => v.clone(),
            None => super::ops::zero_of(vm, proto.result_types.get(i).copied().unwrap_or(0), 0),
        };
        if let Some(slot) = stack.get_mut(first + i) {
            *slot = v;
        }
    }
}
