//! Runtime to UI: what a run recorded, turned into the cell's vocabulary ([`RunBatch`]).
//!
//! The browser edge (`web::run_service`) only decides *when* to read: on a timer in real time,
//! after each slice in « instantané ». *What* a batch holds is decided here, on the pure
//! runtime, so it is tested natively in virtual time.

use std::time::Duration;

use super::hints::Hint;
use super::marks::{MarkKind, SourceMark};
use super::state::{ConsoleLine, RunBatch, RunEnd, RunSummary, Stream, MAX_CONSOLE_LINES};
use super::timeline::{Activity, LaneChange, LaneEnd, LaneEvent, StateCounts};
use crate::runtime::{
    self, Counters, Cut, Event, EventKind, Exit, ExitKind, Preview, RunControl, Summary, TraceLevel,
    NEGATIVE_WAITGROUP_COUNTER,
};

/// Above this many goroutines a run keeps counts only, not one event per step.
pub const FULL_TRACE_MAX_GOROUTINES: u64 = 2_000;

/// How much a run records, from its preview: every event for a drawable number of goroutines,
/// counts only beyond (10^6 goroutines would store millions of events).
pub fn trace_level(preview: &Preview) -> TraceLevel {
    if preview.goroutines > FULL_TRACE_MAX_GOROUTINES {
        TraceLevel::Counts
    } else {
        TraceLevel::Full
    }
}

/// The run's duration in virtual ms, when the preview saw its end: it fixes the timeline's
/// scale and drives the progress bar.
pub fn expected_ms(preview: &Preview) -> Option<f64> {
    preview.duration.map(ms)
}

/// Reads a run incrementally: each batch holds only what was recorded since the previous one.
pub struct RunFeed {
    control: RunControl,
    lines: usize,
    events: usize,
    samples: usize,
    finished: bool,
    /// Stdout lines handed on so far: past the console's cap they are only counted, so a
    /// program printing 10^5 lines sends 2,000 of them, not 10^5.
    stdout_sent: usize,
    /// Print ticks handed on so far, at most [`MAX_PRINT_TICKS`].
    prints_sent: usize,
    /// The counters of the last instant handed on, for a run that went on past what is shown.
    shown_counters: Counters,
}

/// Most lines and events one batch carries, so the page never has a long task to absorb
/// (a program can print 10^5 lines in a virtual instant); the rest follow in later batches.
const BATCH_LINES: usize = 200;
const BATCH_EVENTS: usize = 4000;
/// Print ticks drawn on the timeline, in all.
const MAX_PRINT_TICKS: usize = 300;

impl RunFeed {
    pub fn new(control: RunControl) -> Self {
        RunFeed {
            control,
            lines: 0,
            events: 0,
            samples: 0,
            finished: false,
            stdout_sent: 0,
            prints_sent: 0,
            shown_counters: Counters::default(),
        }
    }

    /// The next batch, or `None` once the batch carrying the end has been delivered.
    pub fn next_batch(&mut self) -> Option<RunBatch> {
        self.next_batch_until(Duration::MAX)
    }

    /// The next batch of what happened up to virtual time `shown`: a run may go on ahead of
    /// what the page shows (see `web::run_service`), and its later output waits its turn.
    pub fn next_batch_until(&mut self, shown: Duration) -> Option<RunBatch> {
        if self.finished {
            return None;
        }
        let lines = due(self.control.lines_from(self.lines, BATCH_LINES), shown, |line| line.at);
        self.lines += lines.len();
        let events = due(self.control.events_from(self.events, BATCH_EVENTS), shown, |event| event.at);
        self.events += events.len();
        // The end goes with the last batch, once everything recorded before it has gone.
        let drained = self.lines == self.control.line_count() && self.events == self.control.event_count();
        let samples = due(self.control.samples_since(self.samples), shown, |sample| sample.at);
        self.samples += samples.len();
        if let Some(last) = samples.last() {
            self.shown_counters = last.counters;
        }
        let ahead = self.control.now() > shown;
        // Samples close past instants; the live counters tell where the current one stands,
        // unless the run is already past it: then the last instant shown does.
        let (now_ms, live, summary) = if ahead {
            (ms(shown), self.shown_counters, summary_at(&self.shown_counters, shown))
        } else {
            (ms(self.control.now()), self.control.counters(), self.control.summary())
        };
        let counts = samples
            .iter()
            .map(|sample| (ms(sample.at), StateCounts::from(&sample.counters)))
            .chain([(now_ms, StateCounts::from(&live))]);
        let end = summary.exit.filter(|_| drained).map(run_end);
        let hint = summary.exit.and_then(|exit| self.end_hint(exit));
        let fault = summary.exit.and_then(|exit| self.fault(exit, hint));
        let labels = events
            .iter()
            .filter_map(|event| match event.kind {
                EventKind::Spawn { site: Some(site), .. } => {
                    self.control.site_label(site).map(|label| (u64::from(event.gid), label))
                }
                _ => None,
            })
            .collect();
        self.finished = end.is_some();
        let mut dropped = 0;
        let mut kept = Vec::with_capacity(lines.len().min(MAX_CONSOLE_LINES));
        for line in lines {
            if line.stream == runtime::Stream::Stdout {
                if self.stdout_sent >= MAX_CONSOLE_LINES {
                    dropped += 1;
                    continue;
                }
                self.stdout_sent += 1;
            }
            kept.push(console_line(line));
        }
        let mut lanes = Vec::with_capacity(events.len());
        for lane in events.iter().filter_map(lane_event) {
            // Past a few hundred prints a tick tells nothing more (they fuse into a bar) and
            // each one is an element to draw.
            if lane.change == LaneChange::Print {
                if self.prints_sent >= MAX_PRINT_TICKS {
                    continue;
                }
                self.prints_sent += 1;
            }
            lanes.push(lane);
        }
        Some(RunBatch {
            lines: kept,
            lines_dropped: dropped,
            lanes,
            counts: counts.collect(),
            summary: run_summary(&summary),
            now_ms,
            end,
            hint,
            fault,
            labels,
        })
    }

    /// Lines recorded but not handed on yet: how far a run ahead of the page has got.
    pub fn backlog(&self) -> usize {
        self.control.line_count().saturating_sub(self.lines)
    }

    /// The first instant after `shown` at which the run recorded something, if it got there:
    /// « Pas à pas » on a run that went ahead shows up to it.
    pub fn next_instant_after(&self, shown: Duration) -> Option<Duration> {
        let samples = self.control.samples_since(self.samples);
        let lines = self.control.lines_from(self.lines, 1);
        samples.iter().map(|sample| sample.at).chain(lines.iter().map(|line| line.at)).filter(|&at| at > shown).min()
    }

    /// Where a panic came from, for the editor to mark its line.
    fn fault(&self, exit: Exit, hint: Option<Hint>) -> Option<SourceMark> {
        let line = self.control.fault_line().filter(|_| exit.kind == ExitKind::Panic)?;
        let message = format!("panic: {}", self.control.panic_message().unwrap_or_default());
        Some(SourceMark { line, column: 0, message, kind: MarkKind::Panic, hint })
    }

    /// The help for how the run ended, when it ended in a way learners often meet.
    fn end_hint(&self, exit: Exit) -> Option<Hint> {
        match exit.kind {
            ExitKind::Deadlock => Some(Hint::Deadlock),
            ExitKind::Panic if self.control.panic_message().as_deref() == Some(NEGATIVE_WAITGROUP_COUNTER) => {
                Some(Hint::NegativeWaitGroup)
            }
            _ => None,
        }
    }
}

/// The leading items of `items` that happened by `shown` (records come in time order).
fn due<T>(mut items: Vec<T>, shown: Duration, at: impl Fn(&T) -> Duration) -> Vec<T> {
    let count = items.iter().take_while(|item| at(item) <= shown).count();
    items.truncate(count);
    items
}

/// The summary as it stood at the end of the instant `shown`, from that instant's counters.
fn summary_at(counters: &Counters, shown: Duration) -> Summary {
    Summary {
        started: counters.started,
        finished: counters.done,
        killed: counters.killed,
        leaked: 0,
        lines_printed: counters.lines_printed,
        lines_lost: None,
        elapsed: shown,
        exit: None,
    }
}

/// A duration as the UI's milliseconds.
pub fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

impl From<&Counters> for StateCounts {
    /// Runnable goroutines are drawn as running: the reader sees work to do, not the queue.
    fn from(c: &Counters) -> Self {
        StateCounts {
            running: c.running + c.runnable,
            sleeping: c.sleeping,
            blocked: c.blocked,
            done: c.done,
            killed: c.killed,
        }
    }
}

/// What one trace event changes on its goroutine's lane; `None` for what no lane shows
/// (stderr lines, the panic and the exit are the console's).
pub fn lane_event(event: &Event) -> Option<LaneEvent> {
    let change = match &event.kind {
        EventKind::Spawn { .. } => LaneChange::Start,
        EventKind::SleepStart { .. } => LaneChange::Becomes(Activity::Sleeping),
        EventKind::SleepEnd | EventKind::Unblock => LaneChange::Becomes(Activity::Running),
        EventKind::Block(reason) => LaneChange::Becomes(Activity::Blocked(*reason)),
        EventKind::Done => LaneChange::End(LaneEnd::Done),
        EventKind::Killed(cut) => LaneChange::End(LaneEnd::Killed { was: activity_when_cut(*cut) }),
        EventKind::Print { stream: runtime::Stream::Stdout, .. } => LaneChange::Print,
        EventKind::Print { .. } | EventKind::Panic(_) | EventKind::Exit(_) => return None,
    };
    Some(LaneEvent { gid: u64::from(event.gid), at_ms: ms(event.at), change })
}

fn activity_when_cut(cut: Cut) -> Activity {
    match cut {
        Cut::Runnable => Activity::Running,
        Cut::Sleeping => Activity::Sleeping,
        Cut::Blocked(reason) => Activity::Blocked(reason),
    }
}

fn console_line(line: runtime::Line) -> ConsoleLine {
    ConsoleLine {
        at_ms: ms(line.at),
        gid: u64::from(line.gid),
        stream: match line.stream {
            runtime::Stream::Stdout => Stream::Stdout,
            runtime::Stream::Stderr => Stream::Stderr,
        },
        text: line.text,
    }
}

/// Go's exit status, except a run the reader stopped, which has none.
fn run_end(exit: Exit) -> RunEnd {
    match exit.kind {
        ExitKind::Stopped => RunEnd::Stopped,
        _ => RunEnd::Exited { status: exit.status },
    }
}

fn run_summary(summary: &Summary) -> RunSummary {
    RunSummary {
        elapsed_ms: ms(summary.elapsed),
        started: summary.started,
        finished: summary.finished,
        killed: summary.killed,
        leaked: summary.leaked,
        lines_printed: summary.lines_printed,
        lines_lost: summary.lines_lost.unwrap_or(0),
    }
}
