//! The driver's side of a run: start the program, fire due timers, hand wakes to the executor,
//! declare deadlock, stop, and read what the run recorded.
//!
//! Programs get a [`Runtime`] (what Go code can do: spawn, sleep, print, lock, end itself);
//! drivers and observers get a [`RunControl`]. A goroutine cannot reach the driver's levers,
//! because no [`Runtime`] method returns a [`RunControl`]:
//!
//! ```compile_fail
//! fn a_goroutine_stops_the_run(rt: goroutines_notebook::runtime::Runtime) {
//!     rt.stop(); // the levers are on RunControl only
//! }
//! ```

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use super::scheduler::{self, Core, WakeMode};
use super::trace::{Counters, Event, ExitKind, GState, Gid, Line, Sample, SpawnSite, Stream, Summary, TraceLevel};
use super::{Exit, GoFuture, Program, Runtime};

/// The driver's handle on a run. Cheap to clone; all clones see the same run.
#[derive(Clone)]
pub struct RunControl {
    rt: Runtime,
}

impl RunControl {
    /// A runtime with no goroutine yet. `clock` gives real time in milliseconds (native
    /// `Instant`, browser `performance.now()`); it is only read when recording events.
    pub fn new(level: TraceLevel, clock: Rc<dyn Fn() -> f64>, mode: WakeMode) -> Self {
        RunControl { rt: Runtime(Rc::new(RefCell::new(Core::new(level, clock, mode)))) }
    }

    /// Spawns `program`'s main as goroutine 1. Call once, before driving.
    pub fn start(&self, program: Program) -> Gid {
        self.rt.with(|core| core.expected_lines = program.expected_lines);
        let main = (program.main)(self.rt.clone());
        self.rt.go_boxed(main)
    }

    /// The text written to `stream` after its last newline (not yet a [`Line`]).
    pub fn partial_line(&self, stream: Stream) -> String {
        self.rt.read(|core| String::from_utf8_lossy(core.partial(stream)).into_owned())
    }

    /// False once a run whose stdout did not end with a newline has ended.
    pub fn stdout_newline_terminated(&self) -> bool {
        self.rt.read(|core| !core.stdout_unterminated)
    }

    /// Stops the run from outside: nothing prints any more, every timer is cleared and every
    /// goroutine future and waker is dropped.
    pub fn stop(&self) {
        let garbage = self.rt.with(|core| core.finish(ExitKind::Stopped, -1, 1, Vec::new()));
        drop(garbage);
    }

    pub fn counters(&self) -> Counters {
        self.rt.counters()
    }

    pub fn trace_level(&self) -> TraceLevel {
        self.rt.read(|core| core.trace.level)
    }

    pub fn summary(&self) -> Summary {
        self.rt.read(|core| {
            let c = core.trace.counters;
            Summary {
                started: c.started,
                finished: c.done,
                killed: c.killed,
                leaked: core.trace.leaked,
                lines_printed: c.lines_printed,
                lines_lost: core.expected_lines.map(|e| e.saturating_sub(c.lines_printed)),
                elapsed: core.now(),
                exit: core.exit,
            }
        })
    }

    /// Events recorded from index `cursor` on (empty at level `Counts`). The next cursor is
    /// `cursor + returned.len()`.
    pub fn events_since(&self, cursor: usize) -> Vec<Event> {
        self.rt.read(|core| core.trace.events.get(cursor..).unwrap_or_default().to_vec())
    }

    /// What the panic that ended the run printed after `panic: `, if one did.
    pub fn panic_message(&self) -> Option<String> {
        self.rt.read(|core| core.panic_message.clone())
    }

    /// The source line of the panic that ended the run, when the interpreter knew it.
    pub fn fault_line(&self) -> Option<u32> {
        self.rt.read(|core| core.fault_line)
    }

    /// A lane label for a goroutine started at `site`: `afficheMessage · l.20`.
    pub fn site_label(&self, site: SpawnSite) -> Option<String> {
        let namer = self.rt.read(|core| core.site_namer.clone())?;
        namer(site.func).map(|name| format!("{name} · l.{}", site.line))
    }

    /// Events that happened so far, whether or not the trace keeps them.
    pub fn events_seen(&self) -> u64 {
        self.rt.read(|core| core.trace.events_seen)
    }

    pub fn event_count(&self) -> usize {
        self.rt.read(|core| core.trace.events.len())
    }

    /// Printed lines (stdout and stderr) from index `cursor` on.
    pub fn lines_since(&self, cursor: usize) -> Vec<Line> {
        self.lines_from(cursor, usize::MAX)
    }

    /// At most `limit` printed lines from index `cursor` on.
    pub fn lines_from(&self, cursor: usize, limit: usize) -> Vec<Line> {
        self.rt.read(|core| core.trace.lines.iter().skip(cursor).take(limit).cloned().collect())
    }

    /// Lines printed so far.
    pub fn line_count(&self) -> usize {
        self.rt.read(|core| core.trace.lines.len())
    }

    /// At most `limit` events from index `cursor` on.
    pub fn events_from(&self, cursor: usize, limit: usize) -> Vec<Event> {
        self.rt.read(|core| core.trace.events.iter().skip(cursor).take(limit).cloned().collect())
    }

    /// Counter samples, one per past virtual instant, from index `cursor` on.
    pub fn samples_since(&self, cursor: usize) -> Vec<Sample> {
        self.rt.read(|core| core.trace.samples.get(cursor..).unwrap_or_default().to_vec())
    }

    /// State of one goroutine (`None` for an unknown id).
    pub fn goroutine_state(&self, gid: Gid) -> Option<GState> {
        self.rt.read(|core| core.state(gid))
    }

    /// States of goroutines `from..from + limit` (ids start at 1), for the lifecycle diagram.
    pub fn goroutine_states(&self, from: Gid, limit: usize) -> Vec<(Gid, GState)> {
        self.rt.read(|core| {
            let start = (from.max(1) - 1) as usize;
            core.slots.iter().enumerate().skip(start).take(limit).map(|(i, slot)| (i as Gid + 1, slot.state)).collect()
        })
    }

    /// Timers still armed in the heap (0 after exit or stop).
    pub fn pending_timers(&self) -> usize {
        self.rt.read(|core| core.pending_timers())
    }

    /// Earliest timer deadline, in virtual time.
    pub fn next_deadline(&self) -> Option<Duration> {
        self.rt.read(|core| core.next_deadline().map(Duration::from_nanos))
    }

    /// True once if the earliest deadline changed since the last call (driver re-arms its timer).
    pub fn take_deadline_changed(&self) -> bool {
        self.rt.with(|core| std::mem::take(&mut core.deadline_changed))
    }

    /// Fires every timer due at or before `until`, advancing virtual time; returns how many fired.
    pub fn fire_due(&self, until: Duration) -> usize {
        self.fire_due_up_to(until, usize::MAX)
    }

    /// Declares Go's deadlock if nothing can run and no timer is pending. Returns true if it did.
    pub fn check_deadlock(&self) -> bool {
        let garbage = self.rt.with(|core| {
            core.is_stuck().then(|| match core.main_returned_at {
                // A drained preview: everyone who could run has run.
                Some(_) => core.finish(ExitKind::MainReturned, 0, 1, Vec::new()),
                None => core.deadlock(),
            })
        });
        garbage.is_some()
    }

    /// Fires at most `limit` timers due at or before `until`; returns how many fired.
    pub fn fire_due_up_to(&self, until: Duration, limit: usize) -> usize {
        let mut fired = 0;
        while fired < limit {
            let now = self.rt.with(|core| core.fire_due(scheduler::nanos(until), limit - fired));
            fired += now;
            let callbacks = self.rt.with(|core| std::mem::take(&mut core.fired_callbacks));
            if callbacks.is_empty() {
                break;
            }
            for (mut callback, at) in callbacks {
                let again = callback(at);
                match again {
                    Some(period) if self.rt.exited().is_none() => {
                        self.rt.with(|core| core.add_callback_timer(period, callback));
                    }
                    _ => drop(callback),
                }
            }
        }
        fired
    }

    /// In [`WakeMode::DeferredWakers`]: up to `limit` wakers of goroutines made runnable, oldest
    /// first, for the driver to call.
    pub fn take_wakes(&self, limit: usize) -> Vec<std::task::Waker> {
        self.rt.with(|core| {
            let n = limit.min(core.pending_wakes.len());
            core.pending_wakes.drain(..n).collect()
        })
    }

    /// Up to `limit` goroutines spawned and not yet handed to the executor, oldest first.
    pub fn take_spawned_up_to(&self, limit: usize) -> Vec<(Gid, GoFuture)> {
        self.rt.with(|core| {
            let n = limit.min(core.spawned.len());
            let gids: Vec<Gid> = core.spawned.drain(..n).collect();
            gids.into_iter().filter_map(|gid| core.slot(gid).fut.take().map(|f| (gid, f))).collect()
        })
    }

    /// Whether wakes or new goroutines are waiting for the driver.
    pub fn has_pending_dispatch(&self) -> bool {
        self.rt.read(|core| !core.pending_wakes.is_empty() || !core.spawned.is_empty())
    }

    /// Before polling `gid`: false means do not poll (the program ended or `gid` finished).
    pub fn begin_poll(&self, gid: Gid) -> bool {
        self.rt.with(|core| core.begin_poll(gid))
    }

    /// After polling `gid`. `waker` is the executor's waker, kept to wake the task later.
    pub fn end_poll(&self, gid: Gid, ready: bool, waker: Option<&std::task::Waker>) {
        let garbage = self.rt.with(|core| core.end_poll(gid, ready, waker));
        drop(garbage);
    }

    /// How the run ended, if it has.
    pub fn exited(&self) -> Option<Exit> {
        self.rt.exited()
    }

    /// Current virtual time.
    pub fn now(&self) -> Duration {
        self.rt.now()
    }

    pub(crate) fn core(&self) -> &RefCell<Core> {
        self.rt.core()
    }
}
