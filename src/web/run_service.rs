//! Runs a cell's program and delivers its output in batches. It runs inside the engine (a Web
//! Worker, see `web::engine_worker`), or in the page when tests choose the in-page engine.
//!
//! One driver serves every speed: the virtual-time driver, paced. At « instantané » virtual
//! time runs free; at 1×, 2×… it may not run ahead of the real clock times the speed, so a
//! `time.Sleep(time.Second)` takes a second. Work goes in slices of a few milliseconds with a
//! task hop between them, so « Arrêter », « Pause » and « Pas à pas » are served at once.
//! Pausing freezes the pacing clock; « Pas à pas » runs to the next event of any goroutine.
//!
//! A large run (one traced by counts) may go up to [`LOOKAHEAD_MS`] ahead of the clock, and
//! the page is shown only what happened by the clock: 10^5 goroutines waking at one instant
//! cost the engine tens of milliseconds, which it spends during the sleep before, so the
//! page shows that instant, and the run's end, when the clock reaches it.
//!
//! A [`CellRun`] owns the run, its timer and its channel; dropping it stops the run and clears
//! them all, which is how a rerun, a stop or an unmount ends a run. What a batch holds is
//! decided by the pure [`RunFeed`]; this edge only says when to read it.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use std::time::Duration;

use gloo_timers::callback::Timeout;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::cell::feed::{trace_level, RunFeed};
use crate::cell::state::RunBatch;
use crate::engine::Prepared;
use crate::runtime::{Progress, TraceLevel, VirtualRun};
use crate::url_state::Speed;
use crate::web::runtime_driver::performance_now;

/// How often output is collected while the run goes on (about three frames).
const COLLECT_EVERY_MS: f64 = 50.0;
/// Real time spent stepping before the driver lets messages and paints through.
const SLICE_MS: f64 = 8.0;
/// Units of work between two looks at the clock.
const CHUNK: usize = 256;
/// Most units « Pas à pas » spends looking for the next event (a loop that makes none).
const STEP_BUDGET: usize = 20_000;
/// How far, in real time at the run's speed, a large run may go ahead of what is shown.
const LOOKAHEAD_MS: f64 = 1000.0;
/// Lines a run ahead may hold back; past them it waits for the page to catch up.
const LOOKAHEAD_LINES: usize = 2000;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Running,
    Paused,
    Ended,
}

struct Pacer {
    run: RefCell<VirtualRun>,
    feed: RefCell<RunFeed>,
    /// `None`: « instantané ».
    speed: Option<f64>,
    mode: Cell<Mode>,
    /// Real ms and virtual time when the pacing clock last (re)started.
    origin: Cell<(f64, Duration)>,
    /// Virtual time up to which the page has been shown what happened.
    shown: Cell<Duration>,
    /// How far the run may go ahead of the clock (zero for a fully traced run, whose events
    /// « Pas à pas » shows one at a time).
    lookahead: Duration,
    last_batch_ms: Cell<f64>,
    timer: RefCell<Option<Timeout>>,
    hop: Option<web_sys::MessageChannel>,
    hop_handler: RefCell<Option<Closure<dyn FnMut()>>>,
    on_batch: Box<dyn Fn(RunBatch)>,
}

pub struct CellRun {
    pacer: Rc<Pacer>,
}

impl Drop for CellRun {
    fn drop(&mut self) {
        self.pacer.end();
        self.pacer.run.borrow_mut().stop();
    }
}

impl CellRun {
    /// Starts `prepared` at `speed` (paused if asked); every batch goes to `on_batch` until the
    /// run ends or drops.
    pub fn start(prepared: Prepared, speed: Speed, paused: bool, on_batch: impl Fn(RunBatch) + 'static) -> CellRun {
        let level = trace_level(&prepared.preview);
        let run = VirtualRun::with_clock(prepared.program, level, Rc::new(performance_now));
        let feed = RunFeed::new(run.control().clone());
        let speed = match speed {
            Speed::Factor(factor) if factor.is_finite() && factor > 0.0 => Some(factor),
            Speed::Factor(_) => Some(1.0),
            Speed::Instant => None,
        };
        let lookahead = match (level, speed) {
            (TraceLevel::Counts, Some(factor)) => Duration::from_secs_f64(LOOKAHEAD_MS * factor / 1000.0),
            _ => Duration::ZERO,
        };
        let pacer = Rc::new(Pacer {
            run: RefCell::new(run),
            feed: RefCell::new(feed),
            speed,
            mode: Cell::new(if paused { Mode::Paused } else { Mode::Running }),
            origin: Cell::new((performance_now(), Duration::ZERO)),
            shown: Cell::new(Duration::ZERO),
            lookahead,
            last_batch_ms: Cell::new(f64::NEG_INFINITY),
            timer: RefCell::new(None),
            hop: web_sys::MessageChannel::new().ok(),
            hop_handler: RefCell::new(None),
            on_batch: Box::new(on_batch),
        });
        let weak = Rc::downgrade(&pacer);
        let handler = Closure::<dyn FnMut()>::new(move || tick(&weak));
        if let Some(hop) = &pacer.hop {
            hop.port1().set_onmessage(Some(handler.as_ref().unchecked_ref()));
        }
        *pacer.hop_handler.borrow_mut() = Some(handler);
        if paused {
            pacer.emit();
        } else {
            pacer.hop();
        }
        CellRun { pacer }
    }

    /// « Pause »: the run and its pacing clock stand still.
    pub fn pause(&self) {
        if self.pacer.mode.get() == Mode::Running {
            self.pacer.shown.set(self.pacer.ceiling().max(self.pacer.shown.get()));
            self.pacer.mode.set(Mode::Paused);
            self.pacer.timer.borrow_mut().take();
            self.pacer.emit();
        }
    }

    /// « Reprendre »: on from where it stood.
    pub fn resume(&self) {
        if self.pacer.mode.get() == Mode::Paused {
            self.pacer.mode.set(Mode::Running);
            self.pacer.restart_clock();
            self.pacer.hop();
        }
    }

    /// « Pas à pas »: from a pause, up to the next event of any goroutine.
    pub fn step(&self) {
        let pacer = &self.pacer;
        if pacer.mode.get() != Mode::Paused {
            return;
        }
        // A run that went ahead has already recorded what comes next: show up to it.
        let next = pacer.feed.borrow().next_instant_after(pacer.shown.get());
        if let Some(next) = next {
            pacer.shown.set(next);
            if pacer.ended_by(next) {
                pacer.mode.set(Mode::Ended);
                drain(&Rc::downgrade(pacer));
            } else {
                pacer.emit();
            }
            return;
        }
        let progress = pacer.run.borrow_mut().step_to_event(STEP_BUDGET);
        pacer.shown.set(pacer.run.borrow().control().now());
        if progress.is_done() {
            pacer.mode.set(Mode::Ended);
            drain(&Rc::downgrade(pacer));
        } else {
            pacer.emit();
        }
    }
}

/// One slice of work, then the next slice is scheduled: at once through the channel, or by a
/// timer when the run waits for the real clock.
fn tick(weak: &Weak<Pacer>) {
    let Some(pacer) = weak.upgrade() else { return };
    if pacer.mode.get() != Mode::Running {
        return;
    }
    let started = performance_now();
    let mut wait_ms = None;
    loop {
        let limit = pacer.engine_ceiling();
        let progress = pacer.run.borrow_mut().step_within(CHUNK, limit);
        match progress {
            Progress::Finished(exit) => {
                pacer.shown.set(pacer.ceiling());
                if pacer.ended_by(pacer.shown.get()) {
                    pacer.mode.set(Mode::Ended);
                    drain(weak);
                    return;
                }
                // Ended ahead of the clock: the page sees the end when the clock gets there.
                wait_ms = Some(pacer.real_ms_until(exit.at).clamp(1.0, COLLECT_EVERY_MS));
                break;
            }
            Progress::Waiting { until } => {
                // The run may go on once the clock plus its lead reaches the timer.
                let lead = limit.saturating_sub(pacer.ceiling());
                wait_ms = Some(pacer.real_ms_until(until.saturating_sub(lead)).clamp(1.0, COLLECT_EVERY_MS));
                break;
            }
            Progress::Running { .. } if performance_now() - started >= SLICE_MS => break,
            Progress::Running { .. } => {}
        }
    }
    if performance_now() - pacer.last_batch_ms.get() >= COLLECT_EVERY_MS {
        pacer.shown.set(pacer.ceiling().max(pacer.shown.get()));
        pacer.emit();
    }
    match wait_ms {
        Some(ms) => {
            let weak = weak.clone();
            *pacer.timer.borrow_mut() = Some(Timeout::new(ms.ceil() as u32, move || tick(&weak)));
        }
        None => pacer.hop(),
    }
}

/// After the run's end, hands on what is left, a batch per frame, until the end is delivered.
fn drain(weak: &Weak<Pacer>) {
    let Some(pacer) = weak.upgrade() else { return };
    if !pacer.emit() {
        let weak = weak.clone();
        *pacer.timer.borrow_mut() = Some(Timeout::new(16, move || drain(&weak)));
    }
}

impl Pacer {
    /// How far virtual time may go now: as far as the real clock allows at this speed.
    fn ceiling(&self) -> Duration {
        let Some(speed) = self.speed else { return Duration::MAX };
        let (real, virtual_at) = self.origin.get();
        let elapsed_ms = (performance_now() - real).max(0.0) * speed;
        virtual_at.saturating_add(Duration::from_secs_f64(elapsed_ms / 1000.0))
    }

    /// How far the run itself may go now: the clock plus the lookahead, unless the page
    /// already has much to catch up on.
    fn engine_ceiling(&self) -> Duration {
        let ceiling = self.ceiling();
        if self.feed.borrow().backlog() >= LOOKAHEAD_LINES {
            ceiling
        } else {
            ceiling.saturating_add(self.lookahead)
        }
    }

    /// Real ms until the clock reaches virtual time `at`.
    fn real_ms_until(&self, at: Duration) -> f64 {
        let speed = self.speed.unwrap_or(1.0);
        at.saturating_sub(self.ceiling()).as_secs_f64() * 1000.0 / speed
    }

    /// Whether the run has ended by virtual time `shown` (so its end is due on the page).
    fn ended_by(&self, shown: Duration) -> bool {
        self.run.borrow().control().exited().is_some_and(|exit| exit.at <= shown)
    }

    /// Restarts the clock from what the page shows (the run itself may be further on).
    fn restart_clock(&self) {
        self.origin.set((performance_now(), self.shown.get()));
    }

    /// Schedules the next slice right after the browser's pending tasks.
    fn hop(&self) {
        if let Some(hop) = &self.hop {
            let _ = hop.port2().post_message(&JsValue::NULL);
        }
    }

    /// Hands on the next batch; true once the run's end has been delivered.
    fn emit(&self) -> bool {
        self.last_batch_ms.set(performance_now());
        let batch = self.feed.borrow_mut().next_batch_until(self.shown.get());
        match batch {
            Some(batch) => {
                let ended = batch.end.is_some();
                (self.on_batch)(batch);
                ended
            }
            None => true,
        }
    }

    fn end(&self) {
        self.mode.set(Mode::Ended);
        self.timer.borrow_mut().take();
        if let Some(hop) = &self.hop {
            hop.port1().set_onmessage(None);
        }
    }
}

/// A one-shot delayed call, cancelled when dropped (a debounce: replace it to restart).
pub struct Delayed(#[allow(dead_code)] Timeout);

impl Delayed {
    pub fn new(delay_ms: u32, f: impl FnOnce() + 'static) -> Self {
        Delayed(Timeout::new(delay_ms, f))
    }
}
