//! The browser driver of [`crate::runtime`]: each goroutine is a `spawn_local` task and time
//! comes from one `gloo_timers` timeout.
//!
//! The runtime keeps the timer heap; this driver arms ONE browser timer for its earliest
//! deadline, never one per sleeping goroutine, and re-arms it whenever that deadline changes
//! (dropping the old `Timeout` cancels it). Durations are divided by the speed factor.
//!
//! Why slices: wasm-bindgen-futures polls every task woken before a tick in one microtask
//! checkpoint, which never yields to the page, so 10^5 goroutines woken by one instant (or
//! started by one loop) would block the main thread for a few hundred milliseconds. The
//! runtime therefore runs in [`WakeMode::DeferredWakers`]: wakes and new goroutines wait in the
//! core, and this driver hands at most [`SLICE_TASKS`] of them to the executor per browser task,
//! continuing after a zero-delay timeout. Timers of one instant fire [`FIRE_LIMIT`] at a time.
//! Goroutines still run in the order they became runnable, and no timer fires while any are
//! waiting, so lines come in the same order as in virtual time. If the page falls behind (a
//! throttled tab), later instants fire with zero delay until caught up.
//!
//! Stopping (or dropping [`BrowserRun`]) stops the runtime, which drops every stored waker and
//! thus lets the `spawn_local` tasks be freed, and drops the timeouts.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::{Rc, Weak};
use std::task::{Context, Poll};

use gloo_timers::callback::Timeout;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::runtime::{Gid, GoFuture, Program, RunControl, TraceLevel, WakeMode};

/// `performance.now()` in milliseconds, the real clock of browser traces.
pub fn performance_now() -> f64 {
    // Through the global object, not `window`: the engine runs in a Web Worker, which has none.
    js_sys::Reflect::get(&js_sys::global(), &wasm_bindgen::JsValue::from_str("performance"))
        .ok()
        .and_then(|performance| wasm_bindgen::JsCast::dyn_into::<web_sys::Performance>(performance).ok())
        .map_or(0.0, |performance| performance.now())
}

/// Goroutines handed to the executor per browser task; their polls take a few ms at most.
const SLICE_TASKS: usize = 2048;
/// Timers fired per browser task when one instant wakes many sleepers.
const FIRE_LIMIT: usize = 4096;

struct Shared {
    rt: RunControl,
    speed: f64,
    /// The armed timeout, if any.
    timer: RefCell<Option<Timeout>>,
    /// The timeout that last fired, kept until the next one fires so it is never dropped
    /// while its own callback runs.
    fired: RefCell<Option<Timeout>>,
    /// Continues handing out work in a new browser task. A message to ourselves, not a
    /// zero-delay timeout: Chromium delays nested timeouts by 4 ms, 50 times per 10^5 goroutines.
    resume: Resume,
    /// Tasks handed to the executor in the current browser task.
    handed: Cell<usize>,
    /// The timer must be re-armed once the pending work is handed out.
    rearm: Cell<bool>,
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
        let rt = RunControl::new(level, Rc::new(performance_now), WakeMode::DeferredWakers);
        let speed = if speed.is_finite() && speed > 0.0 { speed } else { 1.0 };
        let shared = Rc::new(Shared {
            rt,
            speed,
            timer: RefCell::new(None),
            fired: RefCell::new(None),
            resume: Resume::new(),
            handed: Cell::new(0),
            rearm: Cell::new(false),
            anchor: Cell::new((0.0, performance_now())),
        });
        shared.resume.connect(&shared);
        shared.rt.start(program);
        // Start in a task of our own, after the page's current work (a render, a click).
        Shared::schedule_resume(&shared);
        BrowserRun { shared }
    }

    /// The handle to read the trace and counters from.
    pub fn control(&self) -> &RunControl {
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
        let taken = (self.timer.borrow_mut().take(), self.fired.borrow_mut().take());
        drop(taken);
        self.resume.disconnect();
    }

    /// After any poll and at the start of each browser task: hands new goroutines and wakes to
    /// the executor within this task's budget, then (once nothing waits) detects Go's deadlock
    /// and re-arms the timer if the earliest deadline moved.
    fn dispatch(this: &Rc<Shared>) {
        if this.rt.exited().is_some() {
            this.clear_timers();
            return;
        }
        let room = SLICE_TASKS.saturating_sub(this.handed.get());
        if room > 0 {
            let spawned = this.rt.take_spawned_up_to(room);
            let wakes = this.rt.take_wakes(room - spawned.len());
            this.handed.set(this.handed.get() + spawned.len() + wakes.len());
            for (gid, fut) in spawned {
                wasm_bindgen_futures::spawn_local(GoTask { shared: this.clone(), gid, fut: Some(fut) });
            }
            wakes.into_iter().for_each(std::task::Waker::wake);
        }
        if this.rt.has_pending_dispatch() {
            Shared::schedule_resume(this);
            return;
        }
        this.rt.check_deadlock();
        if this.rt.exited().is_some() {
            this.clear_timers();
        } else if this.rt.take_deadline_changed() | this.rearm.replace(false) {
            Shared::arm(this);
        }
    }

    /// Continues [`Shared::dispatch`] in a new browser task, after the page had its turn.
    fn schedule_resume(this: &Rc<Shared>) {
        this.resume.post();
    }

    fn on_resume(this: &Rc<Shared>) {
        this.handed.set(0);
        Shared::dispatch(this);
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

    /// Fires (part of) the earliest instant, then hands out the goroutines it woke. Time never
    /// moves on while goroutines of the current instant still wait to run.
    fn on_timer(this: &Rc<Shared>) {
        let fired = this.timer.borrow_mut().take();
        drop(this.fired.replace(fired));
        this.rearm.set(true);
        if this.rt.has_pending_dispatch() {
            return;
        }
        let Some(deadline) = this.rt.next_deadline() else { return };
        let (anchor_virtual, anchor_real) = this.anchor.get();
        let deadline_ms = deadline.as_secs_f64() * 1000.0;
        this.anchor.set((deadline_ms, anchor_real + (deadline_ms - anchor_virtual) / this.speed));
        this.rt.fire_due_up_to(deadline, FIRE_LIMIT);
        this.handed.set(0);
        Shared::dispatch(this);
    }
}

/// A `MessageChannel` whose port calls [`Shared::on_resume`]: a browser task hop without the
/// clamping of nested timeouts. At most one message is in flight.
struct Resume {
    channel: Option<web_sys::MessageChannel>,
    handler: RefCell<Option<Closure<dyn FnMut()>>>,
    posted: Cell<bool>,
}

impl Resume {
    fn new() -> Self {
        Resume { channel: web_sys::MessageChannel::new().ok(), handler: RefCell::new(None), posted: Cell::new(false) }
    }

    fn connect(&self, shared: &Rc<Shared>) {
        let weak: Weak<Shared> = Rc::downgrade(shared);
        let handler = Closure::<dyn FnMut()>::new(move || {
            if let Some(shared) = weak.upgrade() {
                shared.resume.posted.set(false);
                Shared::on_resume(&shared);
            }
        });
        if let Some(channel) = &self.channel {
            channel.port1().set_onmessage(Some(handler.as_ref().unchecked_ref()));
        }
        *self.handler.borrow_mut() = Some(handler);
    }

    fn post(&self) {
        if self.posted.replace(true) {
            return;
        }
        if let Some(channel) = &self.channel {
            let _ = channel.port2().post_message(&wasm_bindgen::JsValue::NULL);
        }
    }

    /// Stops listening; a message still in flight then finds no handler.
    fn disconnect(&self) {
        if let Some(channel) = &self.channel {
            channel.port1().set_onmessage(None);
        }
    }
}

impl Drop for Resume {
    fn drop(&mut self) {
        self.disconnect();
        if let Some(channel) = &self.channel {
            channel.port1().close();
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
        let ready = Pin::new(fut).poll(cx).is_ready();
        rt.end_poll(this.gid, ready, Some(cx.waker()));
        if ready || rt.exited().is_some() {
            this.fut = None;
        }
        Shared::dispatch(&this.shared);
        if this.fut.is_none() {
            Poll::Ready(())
        } else {
            Poll::Pending
        }
    }
}
