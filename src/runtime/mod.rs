//! A Go-like runtime: goroutines, `time.Sleep`, `sync.WaitGroup`, channels, `select` and
//! `sync.Mutex`, pure and deterministic so it can be tested natively in virtual time.
//!
//! # Model
//! Each goroutine is one future ([`GoFuture`], boxed so an interpreter can spawn code it only
//! knows at run time). A [`Runtime`] is a cloneable handle (`Rc` inside) on the shared state:
//! goroutine slots, a run queue, one timer heap, the trace and the exit. Primitives find the
//! calling goroutine through the id the driver sets while it polls that goroutine.
//!
//! Programs hold a [`Runtime`]; drivers hold a [`RunControl`], the seam both drivers sit
//! behind ([`RunControl::begin_poll`], [`RunControl::end_poll`], [`RunControl::fire_due`],
//! [`RunControl::next_deadline`], [`RunControl::check_deadlock`]):
//! - [`virtual_driver`]: its own executor; when nothing can run, time jumps to the next deadline.
//!   It serves the tests, the native command and the page's « instantané » mode, and runs in
//!   slices ([`VirtualRun::step`]) so the page never freezes.
//! - `crate::web::runtime_driver` (wasm only): each goroutine is a `spawn_local` task and one
//!   browser timer is armed for the earliest deadline of the heap.
//!
//! # Go semantics kept
//! - When main (goroutine 1) returns the program ends at that instant: every other goroutine is
//!   killed where it stands (recorded in the trace), its later lines never print.
//! - Deadlock is reported, like Go, only when no goroutine can run and no timer is pending.
//! - Panics (`send on closed channel`, `sync: negative WaitGroup counter`, ...) print Go's
//!   message on stderr and end the program with status 2.
//!
//! # Order
//! Goroutines due at the same virtual instant run in the order they were made runnable (FIFO by
//! wake sequence; timers at equal deadlines fire in the order they were set). This makes runs
//! reproducible. Real Go promises no order at all between goroutines: tests compare lines of
//! one instant as a multiset.

mod chan;
mod control;
mod mutex;
mod rwmutex;
mod scheduler;
mod select;
mod time;
mod trace;
pub mod virtual_driver;
mod waitgroup;

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};
use std::time::Duration;

pub use chan::Chan;
pub use control::RunControl;
pub use mutex::Mutex;
pub use rwmutex::{RwMutex, RwSnapshot};
pub use scheduler::{SiteNamer, StackHook, TimerCallback, WakeMode};
pub use select::{Case, Selected};
pub use time::{Forever, Sleep, Yield, MICROSECOND, MILLISECOND, NANOSECOND, SECOND};
pub use trace::{
    BlockReason, Counters, Cut, Event, EventKind, Exit, ExitKind, GState, Gid, Line, Sample, SpawnSite, Stream,
    Summary, TraceLevel,
};
pub use virtual_driver::{
    preview, run_virtual, run_virtual_with, Preview, PreviewLimits, Progress, RunReport, VirtualRun,
};
pub use waitgroup::{WaitGroup, NEGATIVE_WAITGROUP_COUNTER};

use scheduler::Core;

/// One goroutine's body: a boxed future, or an interpreter's goroutine named by the slot
/// where the interpreter keeps it, polled and dropped through this thread's [`SlotHooks`]:
/// no allocation per goroutine.
pub enum GoFuture {
    Boxed(Pin<Box<dyn Future<Output = ()>>>),
    /// `u32::MAX`: none ([`GoFuture::take`] leaves it), so the scheduler's slot stays 16 bytes.
    Slot(u32),
}

/// How [`GoFuture::Slot`]s are polled (the slot number becomes `u32::MAX` once finished) and
/// dropped.
#[derive(Clone, Copy)]
pub struct SlotHooks {
    pub poll: fn(&mut u32) -> Poll<()>,
    pub drop: fn(u32),
}

thread_local! {
    static SLOT_HOOKS: Cell<Option<SlotHooks>> = const { Cell::new(None) };
}

/// Registers how this thread's slot goroutines run (an interpreter does it before spawning).
pub fn set_slot_hooks(hooks: SlotHooks) {
    SLOT_HOOKS.with(|h| h.set(Some(hooks)));
}

fn slot_hooks() -> Option<SlotHooks> {
    SLOT_HOOKS.try_with(Cell::get).ok().flatten()
}

impl GoFuture {
    const NONE: GoFuture = GoFuture::Slot(u32::MAX);

    pub fn boxed(f: impl Future<Output = ()> + 'static) -> GoFuture {
        GoFuture::Boxed(Box::pin(f))
    }

    /// The future, leaving none.
    #[inline]
    pub(crate) fn take(&mut self) -> Option<GoFuture> {
        if matches!(self, GoFuture::Slot(u32::MAX)) {
            return None;
        }
        Some(std::mem::replace(self, GoFuture::NONE))
    }
}

impl Future for GoFuture {
    type Output = ();

    #[inline]
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        match self.get_mut() {
            GoFuture::Boxed(fut) => fut.as_mut().poll(cx),
            GoFuture::Slot(u32::MAX) => Poll::Ready(()),
            GoFuture::Slot(slot) => match slot_hooks() {
                Some(hooks) => (hooks.poll)(slot),
                None => Poll::Ready(()),
            },
        }
    }
}

impl Drop for GoFuture {
    fn drop(&mut self) {
        if let GoFuture::Slot(slot) = *self {
            if let (true, Some(hooks)) = (slot != u32::MAX, slot_hooks()) {
                (hooks.drop)(slot);
            }
        }
    }
}

/// A program: what `main` does with the runtime, plus what it would print if it completed.
pub struct Program {
    pub name: String,
    /// Lines the program prints if every goroutine runs to completion; the summary's
    /// `lines_lost` is this minus the lines actually printed.
    pub expected_lines: Option<u64>,
    main: Box<dyn FnOnce(Runtime) -> GoFuture>,
}

impl Program {
    pub fn new<F, Fut>(name: impl Into<String>, main: F) -> Self
    where
        F: FnOnce(Runtime) -> Fut + 'static,
        Fut: Future<Output = ()> + 'static,
    {
        Program { name: name.into(), expected_lines: None, main: Box::new(move |rt| GoFuture::boxed(main(rt))) }
    }

    pub fn with_expected_lines(mut self, lines: u64) -> Self {
        self.expected_lines = Some(lines);
        self
    }
}

/// Handle on a run. Cheap to clone; all clones see the same goroutines and trace.
#[derive(Clone)]
pub struct Runtime(Rc<RefCell<Core>>);

impl Runtime {
    /// Borrows the state for one step. Wakers are never called from here: the browser driver
    /// takes them with [`Runtime::take_wakes`] and calls them once the borrow is released.
    fn with<R>(&self, f: impl FnOnce(&mut Core) -> R) -> R {
        f(&mut self.0.borrow_mut())
    }

    fn read<R>(&self, f: impl FnOnce(&Core) -> R) -> R {
        f(&self.0.borrow())
    }

    /// `go f()`: spawns a goroutine and returns its id.
    pub fn go(&self, f: impl Future<Output = ()> + 'static) -> Gid {
        self.go_boxed(GoFuture::boxed(f))
    }

    /// `go` for an already boxed future.
    pub fn go_boxed(&self, f: GoFuture) -> Gid {
        self.with(|core| core.spawn(f, None))
    }

    /// `go` from an interpreter, which says where in the program the goroutine starts, so the
    /// timeline can name its lane.
    pub fn go_at(&self, f: GoFuture, site: SpawnSite) -> Gid {
        self.with(|core| core.spawn(f, Some(site)))
    }

    /// Lets an interpreter name its functions in lane labels.
    pub fn set_site_namer(&self, namer: SiteNamer) {
        self.with(|core| core.site_namer = Some(namer));
    }

    /// `time.Sleep(d)`. A zero duration returns at once, like Go.
    pub fn sleep(&self, d: Duration) -> Sleep {
        Sleep::new(self.clone(), d)
    }

    /// `runtime.Gosched()`: lets the other runnable goroutines run first.
    pub fn gosched(&self) -> Yield {
        Yield::new(self.clone())
    }

    /// `fmt.Println(s)`: one stdout line. Ignored once the program has ended.
    pub fn println(&self, s: impl Into<String>) {
        let text = s.into();
        self.with(|core| core.print(Stream::Stdout, text));
    }

    /// `println` to stderr (Go's builtin `println`).
    pub fn eprintln(&self, s: impl Into<String>) {
        let text = s.into();
        self.with(|core| core.print(Stream::Stderr, text));
    }

    /// Writes program output that need not end with a newline (Go prints bytes, not lines):
    /// complete lines become [`Line`]s now, an unterminated last line is printed when the run
    /// ends, however it ends. Ignored once the program has ended.
    pub fn write(&self, stream: Stream, bytes: &[u8]) {
        self.with(|core| core.write(stream, bytes));
    }

    /// A panic whose whole stderr text the caller formats (Go's message and traceback); `msg`
    /// is recorded in the trace. Status 2, like [`Runtime::panic`].
    pub fn panic_with(&self, msg: &str, stderr: Vec<String>) {
        let garbage = self.with(|core| core.panic_with(msg, stderr));
        drop(garbage);
    }

    /// Ends the run with these stderr lines and status (an interpreter's limits, a `fatal
    /// error` it formats itself). Does nothing if the run already ended.
    pub fn end_with(&self, kind: ExitKind, status: i32, stderr: Vec<String>) {
        let garbage = self.with(|core| {
            let gid = core.current.unwrap_or(1);
            core.finish(kind, status, gid, stderr)
        });
        drop(garbage);
    }

    /// The source line a panic is about to be raised from, for the page to mark.
    pub fn set_fault_line(&self, line: u32) {
        self.with(|core| core.fault_line = Some(line));
    }

    /// Lets an interpreter add the frames of each goroutine listed in the deadlock report.
    pub fn set_stack_hook(&self, hook: StackHook) {
        self.with(|core| core.stack_hook = Some(hook));
    }

    /// A timer that is not a goroutine (`time.After`, `time.Tick`): `callback` runs `d` from now
    /// with the virtual time it fired at, outside any borrow of the runtime; returning
    /// `Some(period)` re-arms it. A pending timer keeps the program from being declared
    /// deadlocked, as in Go. It is no goroutine: it shows nowhere in counts or traces.
    pub fn after(&self, d: Duration, callback: TimerCallback) {
        if self.exited().is_none() {
            self.with(|core| core.add_callback_timer(d, callback));
        }
    }

    /// Main called `runtime.Goexit`: it is parked for good, and a later deadlock is Go's
    /// `no goroutines (main called runtime.Goexit)` when no other goroutine is left.
    pub fn main_goexit(&self) {
        self.with(|core| core.main_goexit = true);
    }

    /// Parks the current goroutine for good (a nil channel, a `select` over nil channels).
    pub fn park_forever(&self, reason: BlockReason) -> Forever {
        Forever::new(self.clone(), reason)
    }

    /// `panic(msg)`: prints `panic: msg` and ends the program with status 2. The caller should
    /// return or await afterwards; every later primitive stays pending forever.
    pub fn panic(&self, msg: &str) {
        let garbage = self.with(|core| core.panic(msg));
        drop(garbage);
    }

    /// `fatal error: msg` (status 2), as the Go runtime throws.
    pub fn fatal(&self, msg: &str) {
        let garbage = self.with(|core| core.fatal(msg));
        drop(garbage);
    }

    /// `os.Exit(status)`.
    pub fn exit(&self, status: i32) {
        let garbage = self.with(|core| {
            let gid = core.current.unwrap_or(1);
            core.finish(ExitKind::MainReturned, status, gid, Vec::new())
        });
        drop(garbage);
    }

    /// Current virtual time.
    pub fn now(&self) -> Duration {
        self.read(|core| core.now())
    }

    /// The goroutine being polled.
    pub fn current(&self) -> Option<Gid> {
        self.read(|core| core.current)
    }

    /// `var wg sync.WaitGroup`.
    pub fn wait_group(&self) -> WaitGroup {
        WaitGroup::new(self.clone())
    }

    /// `make(chan T, capacity)`; capacity 0 is unbuffered.
    pub fn chan<T: 'static>(&self, capacity: usize) -> Chan<T> {
        Chan::new(self.clone(), capacity)
    }

    /// `var mu sync.Mutex`.
    pub fn mutex(&self) -> Mutex {
        Mutex::new(self.clone())
    }

    /// `var rw sync.RWMutex`.
    pub fn rw_mutex(&self) -> RwMutex {
        RwMutex::new(self.clone())
    }

    /// Goroutine counts by state, as `runtime.NumGoroutine` sees them: reading, not steering.
    pub fn counters(&self) -> Counters {
        self.read(|core| core.trace.counters)
    }

    pub fn exited(&self) -> Option<Exit> {
        self.read(|core| core.exit)
    }

    pub(crate) fn core(&self) -> &RefCell<Core> {
        &self.0
    }
}
