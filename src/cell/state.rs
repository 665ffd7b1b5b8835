//! A runnable cell's state and the actions that change it.
//!
//! The reducer is pure so it can be tested natively; the yew `Reducible` impl in
//! `components::cell` only forwards to [`CellState::apply`]. Run output is tagged with a run
//! generation, and output from any run but the current one is dropped: a stopped or replaced
//! run can never write into the new output.
//!
//! A batch arrives about twenty times a second and the console keeps up to
//! [`MAX_CONSOLE_LINES`] lines, so the big parts of a run ([`RunView::lines`],
//! [`RunView::timeline`]) sit behind `Rc`: a new state shares them with the previous one, and a
//! batch changes them with `Rc::make_mut`, in place whenever nothing else holds them.

use std::rc::Rc;

use super::code::Code;
use super::hints::Hint;
use super::marks::SourceMark;
use super::timeline::{LaneEvent, StateCounts, Timeline};
use crate::lesson::cells::{cell, Origin};
use crate::scenarios::{Params, ScenarioId};
use crate::url_state::{CellIndex, CellLink, LinkNotice, Speed};

/// Where a printed line went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stream {
    Stdout,
    Stderr,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ConsoleLine {
    pub at_ms: f64,
    pub gid: u64,
    pub stream: Stream,
    pub text: String,
}

/// How a run ended, as Go reports it.
#[derive(Clone, Debug, PartialEq)]
pub enum RunEnd {
    Exited {
        status: i32,
    },
    /// Stopped by the reader before it ended.
    Stopped,
}

/// The figures shown under the timeline.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RunSummary {
    pub elapsed_ms: f64,
    pub started: u64,
    pub finished: u64,
    pub killed: u64,
    pub leaked: u64,
    pub lines_printed: u64,
    /// Lines the killed goroutines would still have printed: what Go never shows.
    pub lines_lost: u64,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub enum Phase {
    #[default]
    Idle,
    Running,
    Ended(RunEnd),
}

/// Console lines kept per run; the rest are counted, so 10,000 goroutines stay readable.
pub const MAX_CONSOLE_LINES: usize = 2000;

#[derive(Clone, Debug, PartialEq)]
pub struct RunView {
    pub generation: u64,
    pub phase: Phase,
    pub lines: Rc<Vec<ConsoleLine>>,
    pub lines_dropped: u64,
    pub timeline: Rc<Timeline>,
    pub summary: RunSummary,
    /// Virtual milliseconds reached so far (the now-line).
    pub now_ms: f64,
    /// The program's expected duration, when known, for the progress bar.
    pub expected_ms: Option<f64>,
    /// Compile errors (and, later, the panic's line) for the editor to mark.
    pub marks: Rc<Vec<SourceMark>>,
    /// The run stands still (« Pause », or « Pas à pas » between steps).
    pub paused: bool,
    /// French help for what went wrong, in the order it came.
    pub hints: Vec<Hint>,
}

impl RunView {
    /// The help to show: what the errors and the ending brought, and lost lines once main
    /// returned early.
    pub fn all_hints(&self) -> Vec<Hint> {
        let mut hints = self.hints.clone();
        if matches!(self.phase, Phase::Ended(RunEnd::Exited { .. })) && self.summary.lines_lost > 0 {
            hints.push(Hint::LinesLost);
        }
        hints
    }

    fn new(generation: u64) -> Self {
        RunView {
            generation,
            phase: Phase::Idle,
            lines: Rc::default(),
            lines_dropped: 0,
            timeline: Rc::default(),
            summary: RunSummary::default(),
            now_ms: 0.0,
            expected_ms: None,
            marks: Rc::default(),
            paused: false,
            hints: Vec::new(),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct CellState {
    pub index: CellIndex,
    pub params: Params,
    pub speed: Speed,
    /// What runs: the preset's code for `params`, or the reader's own.
    pub code: Code,
    /// Notices from the link and from edits, shown until the next edit of that parameter.
    pub notices: Vec<LinkNotice>,
    pub run: RunView,
}

/// A batch of output from one run, as the run service delivers it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RunBatch {
    pub lines: Vec<ConsoleLine>,
    pub lanes: Vec<LaneEvent>,
    /// Per-state counts measured by the runtime, for runs too large for per-goroutine events.
    pub counts: Vec<(f64, StateCounts)>,
    pub summary: RunSummary,
    pub now_ms: f64,
    pub end: Option<RunEnd>,
    /// French help for how the run ended (a deadlock, a negative WaitGroup counter).
    pub hint: Option<Hint>,
    /// The line a panic came from, for the editor.
    pub fault: Option<SourceMark>,
    /// Lane labels of goroutines started in this batch: `(gid, "afficheMessage · l.20")`.
    pub labels: Vec<(u64, String)>,
    /// Stdout lines printed past the console's cap, counted but not sent.
    pub lines_dropped: u64,
}

pub enum CellAction {
    SelectScenario(ScenarioId),
    /// The text typed in a parameter's field or slider.
    EditParam {
        name: &'static str,
        text: String,
    },
    SetSpeed(Speed),
    /// Back to the scenario's defaults (the reader's own code is set aside).
    Reset,
    /// The reader edited the code: the whole new text.
    EditCode(String),
    /// « Code de la leçon »: the preset's code for the current sliders; the reader's own is
    /// set aside.
    RestorePresetCode,
    /// « Reprendre mon code »: the code set aside comes back.
    TakeBackCode,
    /// « Formater » answered for the code `sent`: its gofmt layout, or its syntax errors.
    /// Ignored if the reader typed since.
    Formatted {
        sent: String,
        result: Result<String, Vec<SourceMark>>,
    },
    /// A new run began; its output carries `generation`.
    RunStarted {
        generation: u64,
        expected_ms: Option<f64>,
    },
    /// The engine compiled and previewed the run: its duration, when known, and where the
    /// compile errors are.
    Previewed {
        generation: u64,
        expected_ms: Option<f64>,
        marks: Vec<SourceMark>,
    },
    Output {
        generation: u64,
        batch: RunBatch,
    },
    /// The reader stopped the run: keep what it printed, mark it stopped.
    Stopped {
        generation: u64,
    },
    /// « Pause » / « Reprendre »: the run stands still, or goes on.
    Paused {
        generation: u64,
    },
    Resumed {
        generation: u64,
    },
}

impl CellState {
    pub fn new(index: CellIndex, link: Option<CellLink>, notices: Vec<LinkNotice>) -> Self {
        // A cell under a lesson program opens on its preset; a free cell keeps a preset's
        // parameters only for links (its sliders are hidden).
        let preset = match cell(index).map(|spec| spec.origin) {
            Some(Origin::Preset(scenario)) => scenario,
            _ => ScenarioId::Simple,
        };
        let link = link.unwrap_or_else(|| CellLink {
            cell: index,
            params: Params::defaults(preset),
            speed: Speed::default(),
            run: false,
            code: None,
        });
        let lesson_code = match cell(index).map(|spec| spec.origin) {
            Some(Origin::Starter(program)) => Code::starter(program),
            _ => Code::preset(&link.params),
        };
        let code = match link.code {
            Some(source) => lesson_code.restored(source, &link.params),
            None => lesson_code,
        };
        CellState { index, params: link.params, speed: link.speed, code, notices, run: RunView::new(0) }
    }

    /// The share link for this cell: the reader's own code travels with it.
    pub fn link(&self) -> CellLink {
        CellLink {
            cell: self.index,
            params: self.params.clone(),
            speed: self.speed,
            run: false,
            code: self.code.is_edited().then(|| self.code.text().to_owned()),
        }
    }

    pub fn is_running(&self) -> bool {
        self.run.phase == Phase::Running
    }

    /// The state after `action`. An action that changes nothing returns `self` itself (so yew
    /// skips the render); otherwise `self` is taken apart without copying when it is the only
    /// reference, and its big buffers move on to the next state.
    pub fn apply(self: Rc<Self>, action: CellAction) -> Rc<Self> {
        if self.ignores(&action) {
            return self;
        }
        let mut next = Rc::unwrap_or_clone(self);
        match action {
            CellAction::SelectScenario(scenario) => {
                next.params = Params::defaults(scenario);
                next.code.restore_preset(&next.params);
                next.notices.clear();
            }
            CellAction::EditParam { name, text } => {
                next.notices.retain(|n| !matches!(n, LinkNotice::Clamped(c) if c.param == name));
                if let Some(notice) = next.params.set_text(name, &text) {
                    next.notices.push(LinkNotice::Clamped(notice));
                }
                next.code.follow(&next.params);
            }
            CellAction::SetSpeed(speed) => next.speed = speed,
            CellAction::Reset => {
                next.params = Params::defaults(next.params.scenario());
                next.code.restore_preset(&next.params);
                next.speed = Speed::default();
                next.notices.clear();
                next.run = RunView::new(next.run.generation);
            }
            CellAction::EditCode(text) => {
                let params = next.params.clone();
                next.code.edit(text, &params);
                // The last run's marks point at lines of the code as it was.
                next.run.marks = Rc::default();
            }
            CellAction::RestorePresetCode => {
                let params = next.params.clone();
                next.code.restore_preset(&params);
            }
            CellAction::TakeBackCode => next.code.take_back(),
            CellAction::Formatted { result: Ok(text), .. } => {
                let params = next.params.clone();
                next.code.edit(text, &params);
                next.run.marks = Rc::default();
            }
            CellAction::Formatted { result: Err(marks), .. } => next.run.marks = Rc::new(marks),
            CellAction::RunStarted { generation, expected_ms } => {
                next.run = RunView::new(generation);
                next.run.phase = Phase::Running;
                next.run.expected_ms = expected_ms;
            }
            CellAction::Previewed { expected_ms, marks, .. } => {
                next.run.expected_ms = expected_ms;
                for hint in marks.iter().filter_map(|mark| mark.hint) {
                    if !next.run.hints.contains(&hint) {
                        next.run.hints.push(hint);
                    }
                }
                next.run.marks = Rc::new(marks);
            }
            CellAction::Output { batch, .. } => absorb(&mut next.run, batch),
            CellAction::Stopped { .. } => next.run.phase = Phase::Ended(RunEnd::Stopped),
            CellAction::Paused { .. } => next.run.paused = true,
            CellAction::Resumed { .. } => next.run.paused = false,
        }
        Rc::new(next)
    }

    /// True for an action that would change nothing: output or a stop for a run that is not
    /// the one on screen, or that already ended.
    pub fn ignores(&self, action: &CellAction) -> bool {
        match action {
            CellAction::Output { generation, .. }
            | CellAction::Previewed { generation, .. }
            | CellAction::Stopped { generation }
            | CellAction::Paused { generation }
            | CellAction::Resumed { generation } => {
                *generation != self.run.generation || self.run.phase != Phase::Running
            }
            // The sliders step aside once the reader has edited the code.
            CellAction::EditParam { .. } => self.code.is_edited(),
            CellAction::EditCode(text) => *text == *self.code.text(),
            CellAction::TakeBackCode => self.code.set_aside().is_none(),
            CellAction::Formatted { sent, result } => {
                *sent != *self.code.text() || result.as_deref().is_ok_and(|text| *text == *self.code.text())
            }
            _ => false,
        }
    }
}

/// Adds a batch to the run. Each buffer is touched only when the batch adds to it:
/// `Rc::make_mut` copies a buffer still shared with an older state, and many batches bring
/// nothing for one of them (no line printed, or a full console).
fn absorb(run: &mut RunView, batch: RunBatch) {
    for line in batch.lines {
        // Keep stderr (the fatal message) even past the cap: it is the line that explains the end.
        if run.lines.len() < MAX_CONSOLE_LINES || line.stream == Stream::Stderr {
            Rc::make_mut(&mut run.lines).push(line);
        } else {
            run.lines_dropped += 1;
        }
    }
    if !batch.lanes.is_empty() || !batch.counts.is_empty() {
        let timeline = Rc::make_mut(&mut run.timeline);
        for event in &batch.lanes {
            timeline.apply(event);
        }
        for (at_ms, counts) in batch.counts {
            timeline.apply_counts(at_ms, counts);
        }
        for (gid, label) in &batch.labels {
            timeline.set_label(*gid, label);
        }
    }
    run.lines_dropped += batch.lines_dropped;
    run.summary = batch.summary;
    run.now_ms = run.now_ms.max(batch.now_ms);
    if let Some(hint) = batch.hint {
        run.hints.push(hint);
    }
    if let Some(fault) = batch.fault {
        Rc::make_mut(&mut run.marks).push(fault);
    }
    if let Some(end) = batch.end {
        run.phase = Phase::Ended(end);
    }
}
