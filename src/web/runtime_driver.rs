//! The browser driver of [`crate::runtime`]: each goroutine is a `spawn_local` task and time
//! comes from one `gloo_timers` timeout.
//!
//! The runtime keeps the timer heap; this driver arms ONE browser timer for its earliest
//! deadline, never one per sleeping goroutine, and re-arms it whenever that deadline changes
//! (dropping the old `Timeout` cancels it). Durations are divided by the speed factor.
//!
//! Each timer fires exactly one virtual instant; the goroutines it wakes run as microtasks
//! before the next timer can fire, so lines come in the same order as in virtual time. If the
//! page falls behind (a throttled tab), later instants fire with zero delay until caught up.
//!
//! Stopping (or dropping [`BrowserRun`]) stops the runtime, which drops every stored waker and
//! thus lets the `spawn_local` tasks be freed, and drops the timeout.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::{Rc, Weak};
use std::task::{Context, Poll};

use gloo_timers::callback::Timeout;

use crate::runtime::{Gid, GoFuture, Program, Runtime, TraceLevel, WakeMode};

/// `performance.now()` in milliseconds, the real clock of browser traces.
pub fn performance_now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

struct Shared {
    rt: Runtime,
    speed: f64,
    /// The armed timeout, if any.
    timer: RefCell<Option<Timeout>>,
    /// The timeout that last fired, kept until the next one fires so it is never dropped
    /// while its own callback runs.
    fired: RefCell<Option<Timeout>>,
    /// (virtual ms, real ms) of the last instant reached: the origin of the next delay.
    anchor: Cell<(f64, f64)>,
}

/// A run in the page at a speed factor.
pub struct BrowserRun {
    shared: Rc<Shared>,
}

impl BrowserRun {
    /// Starts `program`; `speed` scales durations (2.0 runs twice as fast as real Go).
    pub fn start(program: Program, speed: f64, level: TraceLevel) -> Self {
        let rt = Runtime::new(level, Rc::new(performance_now), WakeMode::Wakers);
        let speed = if speed.is_finite() && speed > 0.0 { speed } else { 1.0 };
        let shared = Rc::new(Shared {
            rt,
            speed,
            timer: RefCell::new(None),
            fired: RefCell::new(None),
            anchor: Cell::new((0.0, performance_now())),
        });
        shared.rt.start(program);
        Shared::after_poll(&shared);
        BrowserRun { shared }
    }

    /// The handle to read the trace and counters from.
    pub fn runtime(&self) -> &Runtime {
        &self.shared.rt
    }

    pub fn speed(&self) -> f64 {
        self.shared.speed
    }

    /// True once the program ended (or was stopped).
    pub fn is_finished(&self) -> bool {
        self.shared.rt.exited().is_some()
    }

    /// True while a browser timeout is armed.
    pub fn has_pending_timer(&self) -> bool {
        self.shared.timer.borrow().is_some()
    }

    /// Stops the run: nothing prints afterwards, the timeout is cancelled and the goroutine
    /// tasks are released.
    pub fn stop(&mut self) {
        self.shared.rt.stop();
        self.shared.clear_timers();
    }
}

impl Drop for BrowserRun {
    fn drop(&mut self) {
        self.stop();
    }
}

impl Shared {
    fn clear_timers(&self) {
        let armed = self.timer.borrow_mut().take();
        let fired = self.fired.borrow_mut().take();
        drop((armed, fired));
    }

    /// After any poll: hand new goroutines to the executor, re-arm the timer if the earliest
    /// deadline moved, and detect Go's deadlock.
    fn after_poll(this: &Rc<Shared>) {
        for (gid, fut) in this.rt.take_spawned() {
            wasm_bindgen_futures::spawn_local(GoTask { shared: this.clone(), gid, fut: Some(fut) });
        }
        this.rt.check_deadlock();
        if this.rt.exited().is_some() {
            this.clear_timers();
        } else if this.rt.take_deadline_changed() {
            Shared::arm(this);
        }
    }

    fn arm(this: &Rc<Shared>) {
        let timeout = this.rt.next_deadline().map(|deadline| {
            let (anchor_virtual, anchor_real) = this.anchor.get();
            let target = anchor_real + (deadline.as_secs_f64() * 1000.0 - anchor_virtual) / this.speed;
            let delay = (target - performance_now()).max(0.0).ceil() as u32;
            let weak: Weak<Shared> = Rc::downgrade(this);
            Timeout::new(delay, move || {
                if let Some(shared) = weak.upgrade() {
                    Shared::on_timer(&shared);
                }
            })
        });
        // Replacing the old timeout drops it, which cancels it.
        let old = this.timer.replace(timeout);
        drop(old);
    }

    /// Fires the earliest instant only, then arms the timer for the next one.
    fn on_timer(this: &Rc<Shared>) {
        let fired = this.timer.borrow_mut().take();
        let previous = this.fired.replace(fired);
        drop(previous);
        let Some(deadline) = this.rt.next_deadline() else { return };
        let (anchor_virtual, anchor_real) = this.anchor.get();
        let deadline_ms = deadline.as_secs_f64() * 1000.0;
        this.anchor.set((deadline_ms, anchor_real + (deadline_ms - anchor_virtual) / this.speed));
        this.rt.fire_due(deadline);
        if this.rt.exited().is_some() {
            this.clear_timers();
        } else {
            this.rt.take_deadline_changed();
            Shared::arm(this);
        }
    }
}

/// One goroutine as an executor task.
struct GoTask {
    shared: Rc<Shared>,
    gid: Gid,
    fut: Option<GoFuture>,
}

impl Future for GoTask {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let this = self.get_mut();
        let rt = this.shared.rt.clone();
        let Some(fut) = this.fut.as_mut() else { return Poll::Ready(()) };
        if !rt.begin_poll(this.gid) {
            this.fut = None;
            return Poll::Ready(());
        }
        let ready = fut.as_mut().poll(cx).is_ready();
        rt.end_poll(this.gid, ready, Some(cx.waker()));
        if ready || rt.exited().is_some() {
            this.fut = None;
        }
        Shared::after_poll(&this.shared);
        if this.fut.is_none() {
            Poll::Ready(())
        } else {
            Poll::Pending
        }
    }
}
