//! The timeline's model: one lane per goroutine (main first), or per-state counts over time
//! once there are too many goroutines to draw a row each.
//!
//! It is fed [`LaneEvent`]s, a small vocabulary the cell derives from the runtime's trace, so
//! the drawing code never depends on the trace's shape.

/// What a goroutine is doing from a given instant on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Activity {
    Running,
    Sleeping,
    /// Blocked, with Go's wait reason (`semacquire`, `chan receive`, `sync.Mutex.Lock`, …).
    Blocked(String),
}

/// How a lane ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LaneEnd {
    Done,
    /// Cut by main's return (or by a fatal error), while doing `was`.
    Killed {
        was: Activity,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub enum LaneChange {
    Start,
    /// The goroutine printed a line (drawn as a tick on its lane).
    Print,
    Becomes(Activity),
    End(LaneEnd),
}

#[derive(Clone, Debug, PartialEq)]
pub struct LaneEvent {
    pub gid: u64,
    pub at_ms: f64,
    pub change: LaneChange,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Segment {
    pub start_ms: f64,
    /// `None` while it lasts.
    pub end_ms: Option<f64>,
    pub activity: Activity,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    pub gid: u64,
    pub segments: Vec<Segment>,
    /// When it printed.
    pub prints: Vec<f64>,
    pub end: Option<(f64, LaneEnd)>,
}

impl Lane {
    pub fn current(&self) -> Option<&Activity> {
        self.segments.last().filter(|s| s.end_ms.is_none()).map(|s| &s.activity)
    }
}

/// How many goroutines are in each state at one instant.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StateCounts {
    pub running: u64,
    pub sleeping: u64,
    pub blocked: u64,
    pub done: u64,
    pub killed: u64,
}

impl StateCounts {
    pub fn alive(&self) -> u64 {
        self.running + self.sleeping + self.blocked
    }
}

/// Above this many goroutines the timeline aggregates instead of drawing one lane each.
pub const MAX_LANES: usize = 40;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Timeline {
    /// Lanes in order of first appearance (main is goroutine 1, so it comes first).
    lanes: Vec<Lane>,
    /// Each goroutine's state as a [`code`], indexed by id: one byte per goroutine so that
    /// a million of them stay countable.
    states: Vec<u8>,
    counts: StateCounts,
    /// `(time, counts)` whenever the counts changed, one sample per instant.
    samples: Vec<(f64, StateCounts)>,
    aggregated: bool,
    last_ms: f64,
}

impl Timeline {
    pub fn lanes(&self) -> &[Lane] {
        &self.lanes
    }

    pub fn samples(&self) -> &[(f64, StateCounts)] {
        &self.samples
    }

    pub fn counts(&self) -> StateCounts {
        self.counts
    }

    /// True once there were more than [`MAX_LANES`] goroutines: draw [`Timeline::samples`].
    pub fn is_aggregated(&self) -> bool {
        self.aggregated
    }

    /// The latest instant seen.
    pub fn last_ms(&self) -> f64 {
        self.last_ms
    }

    pub fn lane(&self, gid: u64) -> Option<&Lane> {
        self.lanes.iter().find(|lane| lane.gid == gid)
    }

    pub fn apply(&mut self, event: &LaneEvent) {
        self.last_ms = self.last_ms.max(event.at_ms);
        let next = match &event.change {
            LaneChange::Print => {
                if let Some(lane) = self.lane_mut(event.gid) {
                    lane.prints.push(event.at_ms);
                }
                return;
            }
            LaneChange::Start => code::RUNNING,
            LaneChange::Becomes(activity) => code::of(activity),
            LaneChange::End(LaneEnd::Done) => code::DONE,
            LaneChange::End(LaneEnd::Killed { .. }) => code::KILLED,
        };
        self.set_state(event.gid, next);
        match &event.change {
            LaneChange::Start => {
                if self.lanes.len() >= MAX_LANES {
                    self.aggregated = true;
                } else if self.lane(event.gid).is_none() {
                    let first = Segment { start_ms: event.at_ms, end_ms: None, activity: Activity::Running };
                    self.lanes.push(Lane { gid: event.gid, segments: vec![first], prints: Vec::new(), end: None });
                }
            }
            LaneChange::Print => {}
            LaneChange::Becomes(activity) => {
                if let Some(lane) = self.lane_mut(event.gid) {
                    close_segment(lane, event.at_ms);
                    lane.segments.push(Segment { start_ms: event.at_ms, end_ms: None, activity: activity.clone() });
                }
            }
            LaneChange::End(end) => {
                if let Some(lane) = self.lane_mut(event.gid) {
                    close_segment(lane, event.at_ms);
                    lane.end = Some((event.at_ms, end.clone()));
                }
            }
        }
        self.sample(event.at_ms);
    }

    /// Records counts measured by the runtime itself, for runs too large to trace per goroutine.
    pub fn apply_counts(&mut self, at_ms: f64, counts: StateCounts) {
        self.aggregated = true;
        self.last_ms = self.last_ms.max(at_ms);
        self.counts = counts;
        self.sample(at_ms);
    }

    fn set_state(&mut self, gid: u64, next: u8) {
        let index = gid as usize;
        if index >= self.states.len() {
            self.states.resize(index + 1, code::NOT_STARTED);
        }
        let previous = std::mem::replace(&mut self.states[index], next);
        if let Some(slot) = self.slot(previous) {
            *slot = slot.saturating_sub(1);
        }
        if let Some(slot) = self.slot(next) {
            *slot += 1;
        }
    }

    fn slot(&mut self, state: u8) -> Option<&mut u64> {
        match state {
            code::RUNNING => Some(&mut self.counts.running),
            code::SLEEPING => Some(&mut self.counts.sleeping),
            code::BLOCKED => Some(&mut self.counts.blocked),
            code::DONE => Some(&mut self.counts.done),
            code::KILLED => Some(&mut self.counts.killed),
            _ => None,
        }
    }

    fn lane_mut(&mut self, gid: u64) -> Option<&mut Lane> {
        self.lanes.iter_mut().find(|lane| lane.gid == gid)
    }

    fn sample(&mut self, at_ms: f64) {
        match self.samples.last_mut() {
            Some((last, counts)) if *last == at_ms => *counts = self.counts,
            _ => self.samples.push((at_ms, self.counts)),
        }
    }
}

/// One-byte goroutine states for the aggregated counts.
mod code {
    use super::Activity;
    pub const NOT_STARTED: u8 = 0;
    pub const RUNNING: u8 = 1;
    pub const SLEEPING: u8 = 2;
    pub const BLOCKED: u8 = 3;
    pub const DONE: u8 = 4;
    pub const KILLED: u8 = 5;

    pub fn of(activity: &Activity) -> u8 {
        match activity {
            Activity::Running => RUNNING,
            Activity::Sleeping => SLEEPING,
            Activity::Blocked(_) => BLOCKED,
        }
    }
}

fn close_segment(lane: &mut Lane, at_ms: f64) {
    if let Some(segment) = lane.segments.last_mut().filter(|s| s.end_ms.is_none()) {
        segment.end_ms = Some(at_ms);
    }
    // Zero-length segments (a goroutine that blocks the instant it starts) add nothing.
    if lane.segments.last().is_some_and(|s| s.end_ms == Some(s.start_ms)) {
        lane.segments.pop();
    }
}
