//! Runs a cell's program and delivers its output in batches. It runs inside the engine (a Web
//! Worker, see `web::engine_worker`), or in the page when tests choose the in-page engine.
//!
//! A [`CellRun`] owns everything a run holds in the browser: the runtime driver, the loop that
//! steps virtual time in « instantané » mode, and the interval that collects output. Dropping
//! it stops the run and clears them all, which is how a rerun, a stop or an unmount ends a run.
//! What a batch holds is decided by the pure [`RunFeed`]; this edge only says when to read it.

use std::cell::Cell;
use std::rc::Rc;

use gloo_timers::callback::Interval;
use gloo_timers::future::TimeoutFuture;

use crate::cell::feed::{trace_level, RunFeed};
use crate::cell::state::RunBatch;
use crate::engine::Prepared;
use crate::runtime::{RunControl, VirtualRun};
use crate::url_state::Speed;
use crate::web::runtime_driver::{performance_now, BrowserRun};

/// How often output is collected during a real-time run (about three frames).
const COLLECT_EVERY_MS: u32 = 50;
/// Goroutine polls per slice in « instantané » mode, between which the page can paint.
const VIRTUAL_SLICE: usize = 20_000;

enum Driver {
    Browser(BrowserRun),
    Virtual { runtime: RunControl, cancelled: Rc<Cell<bool>> },
}

pub struct CellRun {
    driver: Driver,
    _collector: Option<Interval>,
}

impl Drop for CellRun {
    fn drop(&mut self) {
        match &mut self.driver {
            Driver::Browser(run) => run.stop(),
            Driver::Virtual { runtime, cancelled } => {
                cancelled.set(true);
                runtime.stop();
            }
        }
    }
}

impl CellRun {
    /// Starts `prepared` at `speed`; every batch goes to `on_batch` until the run ends or drops.
    pub fn start(prepared: Prepared, speed: Speed, on_batch: impl Fn(RunBatch) + 'static) -> CellRun {
        let level = trace_level(&prepared.preview);
        let program = prepared.program;
        match speed {
            Speed::Factor(factor) => {
                let run = BrowserRun::start(program, factor, level);
                let mut feed = RunFeed::new(run.control().clone());
                let interval = Interval::new(COLLECT_EVERY_MS, move || {
                    if let Some(batch) = feed.next_batch() {
                        on_batch(batch);
                    }
                });
                CellRun { driver: Driver::Browser(run), _collector: Some(interval) }
            }
            Speed::Instant => {
                let mut run = VirtualRun::with_clock(program, level, Rc::new(performance_now));
                let runtime = run.control().clone();
                let cancelled = Rc::new(Cell::new(false));
                let mut feed = RunFeed::new(runtime.clone());
                let flag = cancelled.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    loop {
                        if flag.get() {
                            return;
                        }
                        let done = run.step(VIRTUAL_SLICE).is_done();
                        if let Some(batch) = feed.next_batch() {
                            on_batch(batch);
                        }
                        if done {
                            return;
                        }
                        // Yield to the browser so it paints and handles « Arrêter ».
                        TimeoutFuture::new(0).await;
                    }
                });
                CellRun { driver: Driver::Virtual { runtime, cancelled }, _collector: None }
            }
        }
    }
}

/// A one-shot delayed call, cancelled when dropped (a debounce: replace it to restart).
pub struct Delayed(#[allow(dead_code)] gloo_timers::callback::Timeout);

impl Delayed {
    pub fn new(delay_ms: u32, f: impl FnOnce() + 'static) -> Self {
        Delayed(gloo_timers::callback::Timeout::new(delay_ms, f))
    }
}
