//! Runs a cell's program and delivers its output in batches. It runs inside the engine (a Web
//! Worker, see `web::engine_worker`), or in the page when tests choose the in-page engine.
//!
//! One driver serves every speed: the virtual-time driver, paced. At « instantané » virtual
//! time runs free; at 1×, 2×… it may not run ahead of the real clock times the speed, so a
//! `time.Sleep(time.Second)` takes a second. Work goes in slices of a few milliseconds with a
//! task hop between them, so « Arrêter », « Pause » and « Pas à pas » are served at once.
//! Pausing freezes the pacing clock; « Pas à pas » runs to the next event of any goroutine.
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
use crate::runtime::{Progress, VirtualRun};
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
        let run = VirtualRun::with_clock(prepared.program, trace_level(&prepared.preview), Rc::new(performance_now));
        let feed = RunFeed::new(run.control().clone());
        let pacer = Rc::new(Pacer {
            run: RefCell::new(run),
            feed: RefCell::new(feed),
            speed: match speed {
                Speed::Factor(factor) if factor.is_finite() && factor > 0.0 => Some(factor),
                Speed::Factor(_) => Some(1.0),
                Speed::Instant => None,
            },
            mode: Cell::new(if paused { Mode::Paused } else { Mode::Running }),
            origin: Cell::new((performance_now(), Duration::ZERO)),
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
        let progress = pacer.run.borrow_mut().step_to_event(STEP_BUDGET);
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
        let ceiling = pacer.ceiling();
        let progress = pacer.run.borrow_mut().step_within(CHUNK, ceiling);
        match progress {
            Progress::Finished(_) => {
                pacer.mode.set(Mode::Ended);
                drain(weak);
                return;
            }
            Progress::Waiting { until } => {
                let speed = pacer.speed.unwrap_or(1.0);
                let ahead_ms = until.saturating_sub(ceiling).as_secs_f64() * 1000.0 / speed;
                wait_ms = Some(ahead_ms.clamp(1.0, COLLECT_EVERY_MS));
                break;
            }
            Progress::Running { .. } if performance_now() - started >= SLICE_MS => break,
            Progress::Running { .. } => {}
        }
    }
    if performance_now() - pacer.last_batch_ms.get() >= COLLECT_EVERY_MS {
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

    fn restart_clock(&self) {
        let now = self.run.borrow().control().now();
        self.origin.set((performance_now(), now));
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
        let batch = self.feed.borrow_mut().next_batch();
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
