//! The virtual-time driver: a deterministic executor of its own.
//!
//! It polls runnable goroutines in FIFO order; when none can run it jumps virtual time to the
//! earliest deadline of the timer heap; when there is no timer either it declares Go's deadlock.
//! Execution itself takes no virtual time. [`VirtualRun::step`] runs a bounded number of polls
//! so the page can run huge programs in slices between frames.

use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Waker};
use std::time::Duration;

use super::trace::{Event, Exit, Line, Sample, Stream, Summary, TraceLevel};
use super::{Program, RunControl, WakeMode};

/// Result of one slice of work.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    /// The budget ran out; call `step` again.
    Running {
        polls: usize,
    },
    /// Nothing can run before the next timer, which is due after the ceiling given to
    /// [`VirtualRun::step_within`].
    Waiting {
        until: Duration,
    },
    Finished(Exit),
}

impl Progress {
    pub fn is_done(self) -> bool {
        matches!(self, Progress::Finished(_))
    }
}

/// Everything a finished run produced.
#[derive(Clone, Debug)]
pub struct RunReport {
    /// Stdout lines, in print order (the last one may lack its newline: see
    /// `stdout_newline_terminated`).
    pub stdout: Vec<String>,
    /// False when the program's stdout did not end with a newline (Go prints bytes); true for
    /// an empty stdout.
    pub stdout_newline_terminated: bool,
    /// Stderr text (Go's `panic:` / `fatal error:` messages), lines joined with `\n`.
    pub stderr: String,
    pub status: i32,
    pub exit: Exit,
    /// Every printed line with its goroutine and virtual time.
    pub lines: Vec<Line>,
    /// Empty at [`TraceLevel::Counts`].
    pub events: Vec<Event>,
    pub samples: Vec<Sample>,
    pub summary: Summary,
    pub end_time: Duration,
}

impl RunReport {
    /// Stdout exactly as the program wrote it (lines joined, final newline when it had one).
    pub fn stdout_text(&self) -> String {
        let mut text = self.stdout.join("\n");
        if !self.stdout.is_empty() && self.stdout_newline_terminated {
            text.push('\n');
        }
        text
    }
}

/// A run driven in virtual time.
pub struct VirtualRun {
    rt: RunControl,
}

/// A real clock in milliseconds for native runs; 0 on wasm (use [`VirtualRun::with_clock`]).
fn default_clock() -> Rc<dyn Fn() -> f64> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        let start = std::time::Instant::now();
        Rc::new(move || start.elapsed().as_secs_f64() * 1000.0)
    }
    #[cfg(target_arch = "wasm32")]
    {
        Rc::new(|| 0.0)
    }
}

impl VirtualRun {
    pub fn new(program: Program, level: TraceLevel) -> Self {
        Self::with_clock(program, level, default_clock())
    }

    /// Like `new` with the driver's real clock (milliseconds), e.g. `performance.now()`.
    pub fn with_clock(program: Program, level: TraceLevel, clock: Rc<dyn Fn() -> f64>) -> Self {
        let rt = RunControl::new(level, clock, WakeMode::RunQueue);
        rt.start(program);
        VirtualRun { rt }
    }

    /// The handle to read the trace and counters from.
    pub fn control(&self) -> &RunControl {
        &self.rt
    }

    /// Runs at most `budget` units of work: goroutine polls and timer firings.
    pub fn step(&mut self, budget: usize) -> Progress {
        self.step_within(budget, Duration::MAX)
    }

    /// Like [`VirtualRun::step`], but virtual time does not pass `ceiling`: a driver that
    /// paces the run on a real clock lets it go as far as the clock allows.
    pub fn step_within(&mut self, budget: usize, ceiling: Duration) -> Progress {
        let ceiling = super::scheduler::nanos(ceiling);
        let mut polls = 0;
        loop {
            if let Some(exit) = self.rt.exited() {
                return Progress::Finished(exit);
            }
            if polls >= budget {
                return Progress::Running { polls };
            }
            let (next, deadline, now) = {
                let mut core = self.rt.core().borrow_mut();
                let deadline = core.next_deadline();
                // Timers left at the current instant by a slice that ended mid-firing go first,
                // so slicing never changes the order.
                let resume_firing = deadline == Some(core.now);
                let next = if resume_firing { None } else { core.run_queue.pop_front() };
                (next, deadline, core.now)
            };
            match (next, deadline) {
                (Some(gid), _) => {
                    self.poll(gid);
                    polls += 1;
                }
                (None, Some(deadline)) if deadline > ceiling && deadline > now => {
                    return Progress::Waiting { until: Duration::from_nanos(deadline) };
                }
                (None, Some(deadline)) => {
                    let limit = budget - polls;
                    let fired = self.rt.fire_due_up_to(Duration::from_nanos(deadline.max(now)), limit);
                    polls += fired;
                }
                (None, None) => {
                    self.rt.check_deadlock();
                }
            }
        }
    }

    fn poll(&mut self, gid: super::Gid) {
        let fut = {
            let mut core = self.rt.core().borrow_mut();
            if !core.begin_poll(gid) {
                return;
            }
            core.slot(gid).fut.take()
        };
        let Some(mut fut) = fut else {
            self.rt.end_poll(gid, true, None);
            return;
        };
        let ready = Pin::new(&mut fut).poll(&mut Context::from_waker(Waker::noop())).is_ready();
        let mut core = self.rt.core().borrow_mut();
        let garbage = core.end_poll(gid, ready, None);
        if !ready && core.exit.is_none() {
            core.slot(gid).fut = fut;
            drop(core);
        } else {
            drop(core);
            drop(fut);
        }
        drop(garbage);
    }

    /// « Pas à pas »: runs until the next event of any goroutine (a print, a sleep, a block, a
    /// wake, an exit), jumping virtual time to the next timer if need be; at most `budget`
    /// units, so a loop that never makes an event still returns.
    pub fn step_to_event(&mut self, budget: usize) -> Progress {
        let before = self.rt.events_seen();
        for _ in 0..budget {
            let progress = self.step(1);
            if progress.is_done() || self.rt.events_seen() > before {
                return progress;
            }
        }
        Progress::Running { polls: budget }
    }

    /// Runs until the program ends.
    pub fn run_to_end(&mut self) -> Exit {
        loop {
            if let Progress::Finished(exit) = self.step(usize::MAX) {
                return exit;
            }
        }
    }

    /// Stops from outside: nothing prints afterwards and no timer stays armed.
    pub fn stop(&mut self) {
        self.rt.stop();
    }

    /// The report so far (status -1 and `Stopped` if it has not ended).
    pub fn report(&self) -> RunReport {
        let rt = &self.rt;
        let lines = rt.lines_since(0);
        let stdout = lines.iter().filter(|l| l.stream == Stream::Stdout).map(|l| l.text.clone()).collect();
        let stderr =
            lines.iter().filter(|l| l.stream == Stream::Stderr).map(|l| l.text.as_str()).collect::<Vec<_>>().join("\n");
        let exit = rt.exited().unwrap_or(Exit { kind: super::ExitKind::Stopped, status: -1, at: rt.now() });
        RunReport {
            stdout,
            stdout_newline_terminated: rt.stdout_newline_terminated(),
            stderr,
            status: exit.status,
            exit,
            lines,
            events: rt.events_since(0),
            samples: rt.samples_since(0),
            summary: rt.summary(),
            end_time: rt.now(),
        }
    }
}

impl Drop for VirtualRun {
    /// Stopping drops the parked futures, which hold runtime handles: without it they would
    /// keep the runtime alive in a reference cycle.
    fn drop(&mut self) {
        self.rt.stop();
    }
}

/// What a dry run in virtual time learns about a program before it runs for real: the
/// timeline's scale, the trace level, and the lines main's return would cut off.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Preview {
    /// When the run ends: main returns, a panic, a deadlock or `os.Exit`. `None` when the
    /// budget ran out first.
    pub duration: Option<Duration>,
    /// Goroutines started, main included (a lower bound when the budget ran out).
    pub goroutines: u64,
    /// Stdout lines printed when every goroutine is let run to its end after main returns;
    /// `None` when the budget ran out first.
    pub lines_if_completed: Option<u64>,
}

/// How much a preview may do before it gives up on seeing the end.
#[derive(Clone, Copy, Debug)]
pub struct PreviewLimits {
    /// Units of work: goroutine polls and timer firings.
    pub units: usize,
    /// Goroutines started: past them the run is known to be large, which is what the
    /// preview needed to learn, and starting more would only delay the real run.
    pub goroutines: u64,
}

/// Previews `program` within `limits`, so a large or endless program costs a bounded amount.
/// Main's return does not end this run: the other goroutines go on until they end or block
/// for good.
pub fn preview(program: Program, limits: PreviewLimits) -> Preview {
    /// Units between two looks at the goroutine count.
    const CHUNK: usize = 64;
    let mut run = VirtualRun::new(program, TraceLevel::Counts);
    run.rt.core().borrow_mut().drain_after_main = true;
    let mut spent = 0;
    let finished = loop {
        match run.step(CHUNK.min(limits.units - spent)) {
            Progress::Finished(_) => break true,
            Progress::Running { polls } => spent += polls.max(1),
            Progress::Waiting { .. } => {}
        }
        if spent >= limits.units || run.rt.counters().started > limits.goroutines {
            break false;
        }
    };
    let main_returned = run.rt.core().borrow().main_returned_at.map(Duration::from_nanos);
    let summary = run.rt.summary();
    let end = finished.then(|| run.rt.now());
    Preview {
        duration: match (main_returned, end) {
            (Some(main), Some(end)) => Some(main.min(end)),
            (main, end) => main.or(end),
        },
        goroutines: summary.started,
        lines_if_completed: finished.then_some(summary.lines_printed),
    }
}

/// Runs `program` to its end in virtual time with a full trace.
pub fn run_virtual(program: Program) -> RunReport {
    run_virtual_with(program, TraceLevel::Full)
}

pub fn run_virtual_with(program: Program, level: TraceLevel) -> RunReport {
    let mut run = VirtualRun::new(program, level);
    run.run_to_end();
    run.report()
}
