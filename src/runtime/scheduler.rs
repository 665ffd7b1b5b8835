//! The shared state of one run: goroutine slots, run queue, timer heap, trace and exit.
//!
//! Everything here is synchronous and borrowed only for short moments: a driver takes a
//! goroutine's future out of its slot, releases the borrow, polls, and borrows again to record
//! the outcome. Code that may run user code (polling, dropping futures or wakers) never runs
//! while [`Core`] is borrowed; methods that release such things return them as [`Garbage`].

use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};
use std::rc::Rc;
use std::task::Waker;
use std::time::Duration;

use super::trace::{
    BlockReason, Cut, Event, EventKind, Exit, ExitKind, GState, Gid, Line, Sample, SpawnSite, Stream, Trace, TraceLevel,
};
use super::GoFuture;

/// How a woken goroutine gets polled again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WakeMode {
    /// The virtual driver owns the futures and pops gids from the run queue.
    RunQueue,
    /// Each goroutine is an executor task (browser `spawn_local`) with its [`Waker`]. Wakes and
    /// new goroutines wait in the core until the driver hands them out
    /// ([`super::Runtime::take_wakes`], [`super::Runtime::take_spawned_up_to`]), so it can
    /// spread a burst of 10^5 over several browser tasks instead of one microtask checkpoint.
    DeferredWakers,
}

/// One goroutine. Kept small: a run of 10^6 goroutines holds 10^6 slots.
pub(crate) struct Slot {
    /// [`GoFuture::take`] leaves none.
    pub fut: GoFuture,
    pub waker: Option<Waker>,
    pub state: GState,
    /// Woken and not yet polled: guards against double entries in the run queue.
    pub queued: bool,
    /// Set when its sleep timer fired; the sleep future consumes it.
    pub timer_fired: bool,
}

/// Timer heap entry, ordered by deadline then by registration order (FIFO at equal deadlines).
/// `gid` 0 (no goroutine has it) marks a callback timer, whose callback is kept under `seq`.
/// 16 bytes (one per sleeping goroutine): deadline, 32-bit seq (renumbered when it runs out)
/// and gid packed in one integer, which the heap also compares in a few instructions.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct TimerEntry(u128);

const _: () = assert!(std::mem::size_of::<TimerEntry>() <= 16);

impl TimerEntry {
    fn new(deadline: u64, seq: u32, gid: Gid) -> TimerEntry {
        TimerEntry((u128::from(deadline) << 64) | (u128::from(seq) << 32) | u128::from(gid))
    }

    pub fn deadline(self) -> u64 {
        (self.0 >> 64) as u64
    }

    pub fn seq(self) -> u32 {
        (self.0 >> 32) as u32
    }

    pub fn gid(self) -> Gid {
        self.0 as u32
    }
}

/// A timer that is not a goroutine sleep (`time.After`, `time.Tick`): called with its deadline
/// outside the core's borrow; `Some(period)` re-arms it `period` later.
pub type TimerCallback = Box<dyn FnMut(Duration) -> Option<Duration>>;

/// Frames of a parked goroutine for the deadlock report (`main.main()`, `\tprog.go:12`),
/// supplied by an interpreter. Called while the core is borrowed: it must not touch the runtime.
pub type StackHook = Rc<dyn Fn(Gid) -> Vec<String>>;
/// Names an interpreter's function for a lane label (`afficheMessage`).
pub type SiteNamer = Rc<dyn Fn(u32) -> Option<String>>;

/// Things to drop once the borrow of [`Core`] is released (their `Drop` may run user code).
#[must_use]
#[derive(Default)]
pub(crate) struct Garbage {
    futures: Vec<GoFuture>,
    wakers: Vec<Waker>,
    callbacks: Vec<TimerCallback>,
    hook: Option<StackHook>,
}

pub(crate) struct Core {
    /// Virtual time in nanoseconds.
    pub now: u64,
    pub slots: Vec<Slot>,
    pub run_queue: VecDeque<Gid>,
    pub mode: WakeMode,
    timers: BinaryHeap<Reverse<TimerEntry>>,
    timer_seq: u32,
    /// The goroutine being polled, if any.
    pub current: Option<Gid>,
    pub exit: Option<Exit>,
    pub trace: Trace,
    clock: Rc<dyn Fn() -> f64>,
    /// Earliest deadline changed since the driver last looked (browser timer re-arming).
    pub deadline_changed: bool,
    /// Spawned in [`WakeMode::DeferredWakers`] and not yet handed to the executor.
    pub spawned: Vec<Gid>,
    pub expected_lines: Option<u64>,
    /// A preview run: main's return does not end the program, the others run on to their end,
    /// so the run counts what a program would print if main waited for everyone.
    pub drain_after_main: bool,
    /// When main returned in a [`Core::drain_after_main`] run (ns).
    pub main_returned_at: Option<u64>,
    /// Wakers of goroutines made runnable, oldest first, until the browser driver takes them.
    pub pending_wakes: VecDeque<Waker>,
    /// Armed callback timers by `seq`.
    callbacks: std::collections::HashMap<u32, TimerCallback>,
    /// Callbacks due, taken by [`super::Runtime::fire_due_up_to`] to run outside the borrow.
    pub fired_callbacks: Vec<(TimerCallback, Duration)>,
    /// Text written without its final newline yet, per stream (stdout, stderr).
    partial: [Vec<u8>; 2],
    /// Stdout's last line had no newline (flushed at the end of the run).
    pub stdout_unterminated: bool,
    pub stack_hook: Option<StackHook>,
    /// Main ended by `runtime.Goexit` (parked, left out of the deadlock report).
    pub main_goexit: bool,
    /// The value a fatal panic printed (`sync: negative WaitGroup counter`).
    pub panic_message: Option<String>,
    /// The source line the fatal panic was raised from, when an interpreter said.
    pub fault_line: Option<u32>,
    pub site_namer: Option<SiteNamer>,
}

pub(crate) fn nanos(d: Duration) -> u64 {
    u64::try_from(d.as_nanos()).unwrap_or(u64::MAX)
}

impl Core {
    pub fn new(level: TraceLevel, clock: Rc<dyn Fn() -> f64>, mode: WakeMode) -> Self {
        Core {
            now: 0,
            slots: Vec::new(),
            run_queue: VecDeque::new(),
            mode,
            timers: BinaryHeap::new(),
            timer_seq: 0,
            current: None,
            exit: None,
            trace: Trace::new(level),
            clock,
            deadline_changed: false,
            spawned: Vec::new(),
            expected_lines: None,
            drain_after_main: false,
            main_returned_at: None,
            pending_wakes: VecDeque::new(),
            callbacks: std::collections::HashMap::new(),
            fired_callbacks: Vec::new(),
            partial: [Vec::new(), Vec::new()],
            stdout_unterminated: false,
            stack_hook: None,
            main_goexit: false,
            panic_message: None,
            fault_line: None,
            site_namer: None,
        }
    }

    pub fn now(&self) -> Duration {
        Duration::from_nanos(self.now)
    }

    pub fn slot(&mut self, gid: Gid) -> &mut Slot {
        &mut self.slots[gid as usize - 1]
    }

    pub fn state(&self, gid: Gid) -> Option<GState> {
        self.slots.get((gid as usize).wrapping_sub(1)).map(|slot| slot.state)
    }

    /// Records an event when the level is `Full`.
    pub fn event(&mut self, gid: Gid, kind: EventKind) {
        self.trace.events_seen += 1;
        if self.trace.level == TraceLevel::Full {
            let real_ms = (self.clock)();
            self.trace.events.push(Event { gid, at: self.now(), real_ms, kind });
        }
    }

    fn set_state(&mut self, gid: Gid, state: GState) {
        let slot = self.slot(gid);
        let old = std::mem::replace(&mut slot.state, state);
        *self.trace.counters.slot(old) -= 1;
        *self.trace.counters.slot(state) += 1;
    }

    pub fn spawn(&mut self, fut: GoFuture, site: Option<SpawnSite>) -> Gid {
        // 2^32 goroutines cannot fit in memory (the interpreter stops at 10^6); saturate anyway.
        let gid = Gid::try_from(self.slots.len() + 1).unwrap_or(Gid::MAX);
        self.slots.push(Slot { fut, waker: None, state: GState::Runnable, queued: true, timer_fired: false });
        self.trace.counters.started += 1;
        self.trace.counters.runnable += 1;
        let parent = self.current;
        self.event(gid, EventKind::Spawn { parent, site });
        match self.mode {
            WakeMode::RunQueue => self.run_queue.push_back(gid),
            WakeMode::DeferredWakers => self.spawned.push(gid),
        }
        gid
    }

    /// Makes `gid` runnable again. Its waker is queued in `pending_wakes` for the browser
    /// driver, which calls it outside any borrow.
    pub fn wake(&mut self, gid: Gid) {
        if self.exit.is_some() {
            return;
        }
        let slot = self.slot(gid);
        if slot.queued || matches!(slot.state, GState::Done | GState::Killed(_)) {
            return;
        }
        slot.queued = true;
        let running = slot.state == GState::Running;
        // A goroutine woken during its own poll keeps running; `end_poll` requeues it.
        let waker = if running { None } else { slot.waker.take() };
        if !running {
            self.set_state(gid, GState::Runnable);
        }
        match self.mode {
            WakeMode::RunQueue => self.run_queue.push_back(gid),
            WakeMode::DeferredWakers => self.pending_wakes.extend(waker),
        }
    }

    /// Marks the start of a poll of `gid`. Returns false when it must not be polled (exited,
    /// finished or unknown).
    pub fn begin_poll(&mut self, gid: Gid) -> bool {
        if self.exit.is_some() || self.state(gid).is_none() {
            return false;
        }
        let slot = self.slot(gid);
        if matches!(slot.state, GState::Done | GState::Killed(_)) {
            return false;
        }
        slot.queued = false;
        self.set_state(gid, GState::Running);
        self.current = Some(gid);
        true
    }

    /// Records the outcome of a poll. A finished main ends the program.
    pub fn end_poll(&mut self, gid: Gid, ready: bool, waker: Option<&Waker>) -> Garbage {
        self.current = None;
        if self.exit.is_some() {
            return Garbage::default();
        }
        if ready {
            self.set_state(gid, GState::Done);
            self.slot(gid).waker = None;
            self.event(gid, EventKind::Done);
            if gid == 1 {
                if self.drain_after_main {
                    self.main_returned_at = Some(self.now);
                    return Garbage::default();
                }
                return self.finish(ExitKind::MainReturned, 0, gid, Vec::new());
            }
            return Garbage::default();
        }
        if self.slot(gid).state == GState::Running {
            if self.slot(gid).queued {
                // It woke itself (a yield): it stays runnable.
                self.set_state(gid, GState::Runnable);
            } else {
                self.set_state(gid, GState::Blocked(BlockReason::External));
                self.event(gid, EventKind::Block(BlockReason::External));
            }
        }
        if let Some(waker) = waker {
            let slot = self.slot(gid);
            if slot.queued {
                // Woken during its own poll (a yield): no stored waker saw it, wake the task now.
                self.pending_wakes.push_back(waker.clone());
            } else if !slot.waker.as_ref().is_some_and(|w| w.will_wake(waker)) {
                slot.waker = Some(waker.clone());
            }
        }
        Garbage::default()
    }

    pub fn current_gid(&self) -> Gid {
        // Primitives run inside a goroutine's poll; outside one (a driver bug), act as main
        // rather than abort the page.
        self.current.unwrap_or(1)
    }

    /// Parks the current goroutine on `reason`.
    pub fn block(&mut self, reason: BlockReason) {
        let gid = self.current_gid();
        self.set_state(gid, GState::Blocked(reason));
        self.event(gid, EventKind::Block(reason));
    }

    pub fn unblock(&mut self, gid: Gid) {
        if self.exit.is_none() {
            self.event(gid, EventKind::Unblock);
            self.wake(gid);
        }
    }

    /// Puts the current goroutine to sleep until `now + d`.
    pub fn sleep(&mut self, d: Duration) {
        let gid = self.current_gid();
        let deadline = self.now.saturating_add(nanos(d));
        let seq = self.next_seq();
        if self.timers.peek().is_none_or(|Reverse(top)| deadline < top.deadline()) {
            self.deadline_changed = true;
        }
        self.timers.push(Reverse(TimerEntry::new(deadline, seq, gid)));
        self.slot(gid).timer_fired = false;
        self.set_state(gid, GState::Sleeping);
        self.event(gid, EventKind::SleepStart { until: Duration::from_nanos(deadline) });
    }

    /// The next registration number. When 32 bits run out, the armed timers are numbered
    /// again from 0 in their order, so equal deadlines still fire first-come first-served.
    fn next_seq(&mut self) -> u32 {
        if self.timer_seq == u32::MAX {
            let sorted = std::mem::take(&mut self.timers).into_sorted_vec();
            let mut callbacks = std::collections::HashMap::new();
            // `into_sorted_vec` of `Reverse` entries: latest first.
            for (seq, Reverse(entry)) in sorted.into_iter().rev().enumerate() {
                let seq = u32::try_from(seq).unwrap_or(u32::MAX);
                if entry.gid() == 0 {
                    callbacks.extend(self.callbacks.remove(&entry.seq()).map(|callback| (seq, callback)));
                }
                self.timers.push(Reverse(TimerEntry::new(entry.deadline(), seq, entry.gid())));
            }
            self.callbacks = callbacks;
            self.timer_seq = u32::try_from(self.timers.len()).unwrap_or(u32::MAX);
        }
        let seq = self.timer_seq;
        self.timer_seq = self.timer_seq.saturating_add(1);
        seq
    }

    /// Arms a callback timer at `now + d`.
    pub fn add_callback_timer(&mut self, d: Duration, callback: TimerCallback) {
        let deadline = self.now.saturating_add(nanos(d));
        let seq = self.next_seq();
        if self.timers.peek().is_none_or(|Reverse(top)| deadline < top.deadline()) {
            self.deadline_changed = true;
        }
        self.timers.push(Reverse(TimerEntry::new(deadline, seq, 0)));
        self.callbacks.insert(seq, callback);
    }

    pub fn next_deadline(&self) -> Option<u64> {
        self.timers.peek().map(|Reverse(entry)| entry.deadline())
    }

    pub fn pending_timers(&self) -> usize {
        self.timers.len()
    }

    /// Fires the timers due at or before `until` in (deadline, registration) order, at most
    /// `limit` of them, advancing virtual time to each deadline. A sample of the counters closes
    /// each past instant.
    pub fn fire_due(&mut self, until: u64, limit: usize) -> usize {
        let mut fired = 0;
        while self.exit.is_none() && fired < limit {
            let Some(&Reverse(entry)) = self.timers.peek() else { break };
            if entry.deadline() > until {
                break;
            }
            self.timers.pop();
            if entry.deadline() > self.now {
                self.sample();
                self.now = entry.deadline();
            }
            if entry.gid() == 0 {
                // A callback timer: stop here so it runs (outside the borrow) before later ones.
                if let Some(callback) = self.callbacks.remove(&entry.seq()) {
                    self.fired_callbacks.push((callback, self.now()));
                }
                fired += 1;
                break;
            }
            self.slot(entry.gid()).timer_fired = true;
            self.event(entry.gid(), EventKind::SleepEnd);
            self.wake(entry.gid());
            fired += 1;
        }
        if fired > 0 {
            self.deadline_changed = true;
        }
        fired
    }

    fn sample(&mut self) {
        let sample = Sample { at: self.now(), counters: self.trace.counters };
        match self.trace.samples.last_mut() {
            Some(last) if last.at == sample.at => *last = sample,
            _ => self.trace.samples.push(sample),
        }
    }

    /// Nothing can run and no timer will fire: Go's deadlock, unless the program already ended.
    pub fn is_stuck(&self) -> bool {
        self.exit.is_none()
            && self.trace.counters.runnable == 0
            && self.trace.counters.running == 0
            && self.timers.is_empty()
            && self.spawned.is_empty()
    }

    pub fn print(&mut self, stream: Stream, mut text: String) {
        if self.exit.is_some() {
            return;
        }
        let partial = &mut self.partial[stream as usize];
        if !partial.is_empty() {
            let mut line = String::from_utf8_lossy(&std::mem::take(partial)).into_owned();
            line.push_str(&text);
            text = line;
        }
        let gid = self.current.unwrap_or(1);
        if stream == Stream::Stdout {
            self.trace.counters.lines_printed += 1;
        }
        if self.trace.level == TraceLevel::Full {
            self.event(gid, EventKind::Print { stream, text: text.clone() });
        }
        self.trace.lines.push(Line { gid, at: self.now(), stream, text });
    }

    /// Writes bytes that need not end a line: complete lines are printed now, the rest waits
    /// for its newline or the end of the run. Invalid UTF-8 becomes U+FFFD per line.
    pub fn write(&mut self, stream: Stream, mut bytes: &[u8]) {
        if self.exit.is_some() {
            return;
        }
        while let Some(pos) = bytes.iter().position(|&b| b == b'\n') {
            let mut line = std::mem::take(&mut self.partial[stream as usize]);
            line.extend_from_slice(&bytes[..pos]);
            self.print(stream, String::from_utf8_lossy(&line).into_owned());
            bytes = &bytes[pos + 1..];
        }
        self.partial[stream as usize].extend_from_slice(bytes);
    }

    /// The unterminated text of `stream` so far (for a live console).
    pub fn partial(&self, stream: Stream) -> &[u8] {
        &self.partial[stream as usize]
    }

    /// Prints the unterminated last lines (the program is ending).
    fn flush_partial(&mut self) {
        for stream in [Stream::Stdout, Stream::Stderr] {
            if !self.partial[stream as usize].is_empty() {
                if stream == Stream::Stdout {
                    self.stdout_unterminated = true;
                }
                self.print(stream, String::new());
            }
        }
    }

    fn stderr(&mut self, gid: Gid, text: String) {
        self.trace.lines.push(Line { gid, at: self.now(), stream: Stream::Stderr, text });
    }

    /// `panic: msg` in the current goroutine: Go prints the message and exits with status 2.
    pub fn panic(&mut self, msg: &str) -> Garbage {
        if self.exit.is_some() {
            return Garbage::default();
        }
        let gid = self.current.unwrap_or(1);
        self.panic_with(msg, vec![format!("panic: {msg}"), String::new(), format!("goroutine {gid} [running]:")])
    }

    /// A panic whose text (message, traceback) the caller formatted; `msg` goes to the trace.
    pub fn panic_with(&mut self, msg: &str, stderr: Vec<String>) -> Garbage {
        if self.exit.is_some() {
            return Garbage::default();
        }
        let gid = self.current.unwrap_or(1);
        self.panic_message = Some(msg.to_owned());
        self.event(gid, EventKind::Panic(msg.to_owned()));
        self.finish(ExitKind::Panic, 2, gid, stderr)
    }

    /// `fatal error: msg` in the current goroutine (status 2).
    pub fn fatal(&mut self, msg: &str) -> Garbage {
        if self.exit.is_some() {
            return Garbage::default();
        }
        let gid = self.current.unwrap_or(1);
        let text = vec![format!("fatal error: {msg}"), String::new(), format!("goroutine {gid} [running]:")];
        self.finish(ExitKind::Fatal, 2, gid, text)
    }

    /// Go's deadlock report: the fatal line, then one header per blocked goroutine.
    pub fn deadlock(&mut self) -> Garbage {
        let mut text = vec!["fatal error: all goroutines are asleep - deadlock!".to_owned()];
        for (index, slot) in self.slots.iter().enumerate() {
            let label = match slot.state {
                GState::Blocked(reason) => reason.go_label(),
                GState::Sleeping => "sleep",
                GState::Runnable | GState::Running => "runnable",
                GState::Done | GState::Killed(_) => continue,
            };
            let gid = index as Gid + 1;
            if gid == 1 && self.main_goexit {
                continue;
            }
            text.push(String::new());
            text.push(format!("goroutine {gid} [{label}]:"));
            if let Some(hook) = &self.stack_hook {
                text.extend(hook(gid));
            }
        }
        if self.main_goexit && text.len() == 1 {
            text = vec!["fatal error: no goroutines (main called runtime.Goexit) - deadlock!".to_owned()];
        }
        self.finish(ExitKind::Deadlock, 2, 1, text)
    }

    /// Ends the run: every unfinished goroutine is killed where it stands, timers and wakers are
    /// cleared, futures are handed back for dropping. Later prints and wake-ups do nothing.
    pub fn finish(&mut self, kind: ExitKind, status: i32, gid: Gid, stderr: Vec<String>) -> Garbage {
        if self.exit.is_some() {
            return Garbage::default();
        }
        self.flush_partial();
        for line in stderr {
            self.stderr(gid, line);
        }
        self.sample();
        let mut garbage = Garbage::default();
        for index in 0..self.slots.len() {
            let killed_gid = index as Gid + 1;
            let cut = match self.slots[index].state {
                GState::Done | GState::Killed(_) => None,
                GState::Runnable | GState::Running => Some(Cut::Runnable),
                GState::Sleeping => Some(Cut::Sleeping),
                GState::Blocked(reason) => Some(Cut::Blocked(reason)),
            };
            if let Some(cut) = cut {
                if matches!(cut, Cut::Blocked(_)) {
                    self.trace.leaked += 1;
                }
                self.set_state(killed_gid, GState::Killed(cut));
                self.event(killed_gid, EventKind::Killed(cut));
            }
            let slot = &mut self.slots[index];
            slot.queued = false;
            garbage.futures.extend(slot.fut.take());
            garbage.wakers.extend(slot.waker.take());
        }
        self.run_queue.clear();
        self.spawned.clear();
        self.timers.clear();
        self.timers.shrink_to_fit();
        garbage.callbacks.extend(self.callbacks.drain().map(|(_, callback)| callback));
        garbage.callbacks.extend(self.fired_callbacks.drain(..).map(|(callback, _)| callback));
        // The hook may hold the interpreter, which holds this runtime: break the cycle.
        garbage.hook = self.stack_hook.take();
        self.deadline_changed = true;
        // Nothing must be woken any more; dropping these releases the executor tasks.
        garbage.wakers.extend(self.pending_wakes.drain(..));
        let exit = Exit { kind, status, at: self.now() };
        self.exit = Some(exit);
        self.event(gid, EventKind::Exit(exit));
        self.sample();
        garbage
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Past 2^32 registrations the armed timers are numbered again: equal deadlines still fire
    /// in registration order and each callback stays with its timer.
    #[test]
    fn running_out_of_timer_numbers_keeps_the_order() {
        let mut core = Core::new(TraceLevel::Counts, Rc::new(|| 0.0), WakeMode::RunQueue);
        let tagged = |tag: u64| -> TimerCallback { Box::new(move |_| Some(Duration::from_nanos(tag))) };
        core.add_callback_timer(Duration::from_nanos(10), tagged(1));
        core.add_callback_timer(Duration::from_nanos(5), tagged(2));
        core.timer_seq = u32::MAX;
        core.add_callback_timer(Duration::from_nanos(10), tagged(3));
        assert_eq!(core.timer_seq, 3, "renumbered from 0, the new timer last");
        let mut order = Vec::new();
        while let Some(Reverse(entry)) = core.timers.pop() {
            let mut callback = core.callbacks.remove(&entry.seq()).expect("each timer keeps its callback");
            order.push((entry.deadline(), callback(Duration::ZERO)));
        }
        let tag = |n| Some(Duration::from_nanos(n));
        assert_eq!(order, [(5, tag(2)), (10, tag(1)), (10, tag(3))]);
    }
}
