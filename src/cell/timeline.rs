//! The timeline's model: one lane per goroutine (main first), or per-state counts over time
//! once there are too many goroutines to draw a row each.
//!
//! It is fed [`LaneEvent`]s, a small vocabulary [`super::feed`] derives from the runtime's
//! trace, so the drawing code never depends on the trace's shape. The per-state counts are the
//! runtime's own counters, sampled per instant: the timeline never recounts them from events.

use crate::runtime::BlockReason;

/// What a goroutine is doing from a given instant on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Activity {
    Running,
    Sleeping,
    /// Blocked, with what it waits for; the words are chosen when drawing
    /// ([`BlockReason::label_fr`]), so nothing downstream parses a label.
    Blocked(BlockReason),
}

/// How a lane ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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
    /// The goroutine's function and the line that started it (`afficheMessage · l.20`).
    pub label: Option<String>,
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
    /// `(time, counts)` as the runtime measured them, one sample per instant.
    samples: Vec<(f64, StateCounts)>,
    /// More goroutines started than [`MAX_LANES`].
    overflowed: bool,
    last_ms: f64,
}

impl Timeline {
    pub fn lanes(&self) -> &[Lane] {
        &self.lanes
    }

    pub fn samples(&self) -> &[(f64, StateCounts)] {
        &self.samples
    }

    /// The latest counts the runtime reported (all zero before the first).
    pub fn counts(&self) -> StateCounts {
        self.samples.last().map(|(_, counts)| *counts).unwrap_or_default()
    }

    /// True when there is no lane per goroutine to draw (more than [`MAX_LANES`] goroutines, or
    /// a run traced as counts only): draw [`Timeline::samples`] instead.
    pub fn is_aggregated(&self) -> bool {
        self.overflowed || self.lanes.is_empty()
    }

    /// The latest instant seen.
    pub fn last_ms(&self) -> f64 {
        self.last_ms
    }

    pub fn lane(&self, gid: u64) -> Option<&Lane> {
        self.lanes.iter().find(|lane| lane.gid == gid)
    }

    /// Names goroutine `gid`'s lane, if it has one.
    pub fn set_label(&mut self, gid: u64, label: &str) {
        if let Some(lane) = self.lanes.iter_mut().find(|lane| lane.gid == gid) {
            lane.label = Some(label.to_owned());
        }
    }

    pub fn apply(&mut self, event: &LaneEvent) {
        self.last_ms = self.last_ms.max(event.at_ms);
        if event.change == LaneChange::Start && self.lane(event.gid).is_none() {
            if self.lanes.len() >= MAX_LANES {
                self.overflowed = true;
            } else {
                let first = Segment { start_ms: event.at_ms, end_ms: None, activity: Activity::Running };
                let lane = Lane { gid: event.gid, segments: vec![first], prints: Vec::new(), end: None, label: None };
                self.lanes.push(lane);
            }
            return;
        }
        let Some(lane) = self.lanes.iter_mut().find(|lane| lane.gid == event.gid) else {
            return;
        };
        match &event.change {
            LaneChange::Start => {}
            LaneChange::Print => lane.prints.push(event.at_ms),
            LaneChange::Becomes(activity) => {
                close_segment(lane, event.at_ms);
                lane.segments.push(Segment { start_ms: event.at_ms, end_ms: None, activity: *activity });
            }
            LaneChange::End(end) => {
                close_segment(lane, event.at_ms);
                lane.end = Some((event.at_ms, *end));
            }
        }
    }

    /// Records the counts the runtime measured at `at_ms`. A later report for the same instant
    /// replaces the earlier one (an instant is only complete once time moves on).
    pub fn apply_counts(&mut self, at_ms: f64, counts: StateCounts) {
        self.last_ms = self.last_ms.max(at_ms);
        match self.samples.last_mut() {
            Some((last, previous)) if *last == at_ms => *previous = counts,
            Some((last, _)) if *last > at_ms => {}
            _ => self.samples.push((at_ms, counts)),
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
