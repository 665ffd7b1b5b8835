//! Runs a cell's program and delivers its output in batches.
//!
//! A [`CellRun`] owns everything a run holds in the browser: the runtime driver, the loop that
//! steps virtual time in « instantané » mode, and the interval that collects output. Dropping
//! it stops the run and clears them all, which is how a rerun, a stop or an unmount ends a run.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use gloo_timers::callback::Interval;
use gloo_timers::future::TimeoutFuture;
use yew::Callback;

use crate::cell::state::{ConsoleLine, RunBatch, RunEnd, RunSummary, Stream};
use crate::cell::timeline::{Activity, LaneChange, LaneEnd, LaneEvent, StateCounts};
use crate::runtime::{BlockReason, Counters, Cut, Event, EventKind, ExitKind, Runtime, TraceLevel, VirtualRun};
use crate::scenarios::{self, Params};
use crate::url_state::Speed;
use crate::web::runtime_driver::{performance_now, BrowserRun};

/// How often output is collected during a real-time run (about three frames).
const COLLECT_EVERY_MS: u32 = 50;
/// Goroutine polls per slice in « instantané » mode, between which the page can paint.
const VIRTUAL_SLICE: usize = 20_000;
/// Above this many goroutines a run keeps counts only, not one event per step.
const FULL_TRACE_MAX_GOROUTINES: u64 = 2_000;

enum Driver {
    Browser(BrowserRun),
    Virtual { runtime: Runtime, cancelled: Rc<Cell<bool>> },
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

/// The number of goroutines a scenario will start, to pick the trace level.
pub fn goroutine_estimate(params: &Params) -> u64 {
    ["goroutines", "workers", "leaks", "jobs"].iter().map(|name| params.get(name)).max().unwrap_or(0) + 1
}

/// Above this many goroutines the duration is not computed ahead of the run.
const PREVIEW_MAX_GOROUTINES: u64 = 500;

/// How long the program lasts, in virtual ms, found by running it in virtual time first (cheap
/// for small programs). It fixes the timeline's scale and drives the progress bar.
pub fn expected_duration_ms(params: &Params) -> Option<f64> {
    if goroutine_estimate(params) > PREVIEW_MAX_GOROUTINES {
        return None;
    }
    let mut run = VirtualRun::with_clock(scenarios::program(params), TraceLevel::Counts, Rc::new(|| 0.0));
    run.run_to_end();
    Some(ms(run.runtime().now()))
}

impl CellRun {
    /// Starts `params` at `speed`; every batch goes to `on_batch` until the run ends or drops.
    pub fn start(params: &Params, speed: Speed, on_batch: Callback<RunBatch>) -> CellRun {
        let program = scenarios::program(params);
        let level =
            if goroutine_estimate(params) > FULL_TRACE_MAX_GOROUTINES { TraceLevel::Counts } else { TraceLevel::Full };
        match speed {
            Speed::Factor(factor) => {
                let run = BrowserRun::start(program, factor, level);
                let mut collector = Collector::new(run.runtime().clone());
                let interval = Interval::new(COLLECT_EVERY_MS, move || {
                    if let Some(batch) = collector.collect() {
                        on_batch.emit(batch);
                    }
                });
                CellRun { driver: Driver::Browser(run), _collector: Some(interval) }
            }
            Speed::Instant => {
                let mut run = VirtualRun::with_clock(program, level, Rc::new(performance_now));
                let runtime = run.runtime().clone();
                let cancelled = Rc::new(Cell::new(false));
                let mut collector = Collector::new(runtime.clone());
                let flag = cancelled.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    loop {
                        if flag.get() {
                            return;
                        }
                        let done = run.step(VIRTUAL_SLICE).is_done();
                        if let Some(batch) = collector.collect() {
                            on_batch.emit(batch);
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

/// Reads what a run recorded since the last batch.
struct Collector {
    runtime: Runtime,
    lines: usize,
    events: usize,
    samples: usize,
    finished: bool,
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

impl Collector {
    fn new(runtime: Runtime) -> Self {
        Collector { runtime, lines: 0, events: 0, samples: 0, finished: false }
    }

    /// The next batch, or `None` once the end has been delivered.
    fn collect(&mut self) -> Option<RunBatch> {
        if self.finished {
            return None;
        }
        let lines = self.runtime.lines_since(self.lines);
        self.lines += lines.len();
        let events = self.runtime.events_since(self.events);
        self.events += events.len();
        let lanes: Vec<LaneEvent> = events.iter().filter_map(lane_event).collect();
        let mut counts = Vec::new();
        if self.runtime.trace_level() == TraceLevel::Counts {
            let samples = self.runtime.samples_since(self.samples);
            self.samples += samples.len();
            counts.extend(samples.iter().map(|s| (ms(s.at), state_counts(&s.counters))));
        }
        let summary = self.runtime.summary();
        let exit = summary.exit;
        let end = exit.map(|exit| match exit.kind {
            ExitKind::Stopped => RunEnd::Stopped,
            _ => RunEnd::Exited { status: exit.status },
        });
        self.finished = end.is_some();
        Some(RunBatch {
            lines: lines
                .into_iter()
                .map(|line| ConsoleLine {
                    at_ms: ms(line.at),
                    gid: line.gid as u64,
                    stream: match line.stream {
                        crate::runtime::Stream::Stdout => Stream::Stdout,
                        crate::runtime::Stream::Stderr => Stream::Stderr,
                    },
                    text: line.text,
                })
                .collect(),
            lanes,
            counts,
            summary: RunSummary {
                elapsed_ms: ms(summary.elapsed),
                started: summary.started,
                finished: summary.finished,
                killed: summary.killed,
                leaked: summary.leaked,
                lines_printed: summary.lines_printed,
                lines_lost: summary.lines_lost.unwrap_or(0),
            },
            now_ms: ms(self.runtime.now()),
            end,
        })
    }
}

fn state_counts(c: &Counters) -> StateCounts {
    StateCounts {
        running: c.running + c.runnable,
        sleeping: c.sleeping,
        blocked: c.blocked,
        done: c.done,
        killed: c.killed,
    }
}

fn blocked(reason: BlockReason) -> Activity {
    Activity::Blocked(reason.label_fr().to_owned())
}

fn lane_event(event: &Event) -> Option<LaneEvent> {
    let change = match &event.kind {
        EventKind::Spawn { .. } => LaneChange::Start,
        EventKind::SleepStart { .. } => LaneChange::Becomes(Activity::Sleeping),
        EventKind::SleepEnd | EventKind::Unblock => LaneChange::Becomes(Activity::Running),
        EventKind::Block(reason) => LaneChange::Becomes(blocked(*reason)),
        EventKind::Done => LaneChange::End(LaneEnd::Done),
        EventKind::Killed(cut) => LaneChange::End(LaneEnd::Killed {
            was: match cut {
                Cut::Runnable => Activity::Running,
                Cut::Sleeping => Activity::Sleeping,
                Cut::Blocked(reason) => blocked(*reason),
            },
        }),
        EventKind::Print { stream: crate::runtime::Stream::Stdout, .. } => LaneChange::Print,
        EventKind::Print { .. } | EventKind::Panic(_) | EventKind::Exit(_) => return None,
    };
    Some(LaneEvent { gid: event.gid as u64, at_ms: ms(event.at), change })
}

/// A one-shot delayed call, cancelled when dropped (a debounce: replace it to restart).
pub struct Delayed(#[allow(dead_code)] gloo_timers::callback::Timeout);

impl Delayed {
    pub fn new(delay_ms: u32, f: impl FnOnce() + 'static) -> Self {
        Delayed(gloo_timers::callback::Timeout::new(delay_ms, f))
    }
}
