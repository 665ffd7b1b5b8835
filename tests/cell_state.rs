//! The cell's reducer and timeline model: what the reader sees after each action.

use std::rc::Rc;

use goroutines_notebook::cell::marks::{MarkKind, SourceMark};
use goroutines_notebook::cell::state::{
    CellAction, CellState, ConsoleLine, Phase, RunBatch, RunEnd, Stream, MAX_CONSOLE_LINES,
};
use goroutines_notebook::cell::timeline::{Activity, LaneChange, LaneEnd, LaneEvent, StateCounts, Timeline, MAX_LANES};
use goroutines_notebook::runtime::BlockReason;
use goroutines_notebook::scenarios::ScenarioId;
use goroutines_notebook::url_state::parse_query;

fn line(gid: u64, text: &str) -> ConsoleLine {
    ConsoleLine { at_ms: 0.0, gid, stream: Stream::Stdout, text: text.to_owned() }
}

fn event(gid: u64, at_ms: f64, change: LaneChange) -> LaneEvent {
    LaneEvent { gid, at_ms, change }
}

#[test]
fn output_from_an_old_run_never_reaches_the_new_one() {
    let state = Rc::new(CellState::new(1, None, vec![]));
    let state = state.apply(CellAction::RunStarted { generation: 1, expected_ms: None });
    let state = state.apply(CellAction::RunStarted { generation: 2, expected_ms: None });
    let stale = RunBatch { lines: vec![line(2, "old")], ..Default::default() };
    let state = state.apply(CellAction::Output { generation: 1, batch: stale });
    assert!(state.run.lines.is_empty());
    let fresh = RunBatch { lines: vec![line(2, "new")], end: Some(RunEnd::Exited { status: 0 }), ..Default::default() };
    let state = state.apply(CellAction::Output { generation: 2, batch: fresh });
    assert_eq!(*state.run.lines, vec![line(2, "new")]);
    assert_eq!(state.run.phase, Phase::Ended(RunEnd::Exited { status: 0 }));
    // Output after the end is ignored too.
    let late = RunBatch { lines: vec![line(2, "late")], ..Default::default() };
    assert_eq!(state.clone().apply(CellAction::Output { generation: 2, batch: late }).run.lines.len(), 1);
}

/// The engine's preview arrives after the run started; only the current run's counts.
#[test]
fn the_preview_sets_the_progress_scale_of_its_own_run_only() {
    let state = Rc::new(CellState::new(1, None, vec![]));
    let state = state.apply(CellAction::RunStarted { generation: 1, expected_ms: None });
    let state = state.apply(CellAction::RunStarted { generation: 2, expected_ms: None });
    let mark = |line| SourceMark {
        line,
        column: 2,
        message: "declared and not used: x".into(),
        kind: MarkKind::CompileError,
        hint: None,
    };
    let state = state.apply(CellAction::Previewed { generation: 1, expected_ms: Some(300.0), marks: vec![mark(3)] });
    assert_eq!((state.run.expected_ms, state.run.marks.len()), (None, 0), "a replaced run's preview is ignored");
    let state = state.apply(CellAction::Previewed { generation: 2, expected_ms: Some(1000.0), marks: vec![mark(7)] });
    assert_eq!(state.run.expected_ms, Some(1000.0));
    assert_eq!(*state.run.marks, vec![mark(7)], "the editor marks the current run's errors");
}

#[test]
fn console_caps_stdout_but_keeps_the_fatal_message() {
    let state =
        Rc::new(CellState::new(1, None, vec![])).apply(CellAction::RunStarted { generation: 1, expected_ms: None });
    let mut lines: Vec<_> = (0..MAX_CONSOLE_LINES + 5).map(|i| line(2, &i.to_string())).collect();
    lines.push(ConsoleLine { stream: Stream::Stderr, ..line(1, "fatal error: all goroutines are asleep - deadlock!") });
    let state = state.apply(CellAction::Output { generation: 1, batch: RunBatch { lines, ..Default::default() } });
    assert_eq!(state.run.lines.len(), MAX_CONSOLE_LINES + 1);
    assert_eq!(state.run.lines_dropped, 5);
    assert_eq!(state.run.lines.last().unwrap().stream, Stream::Stderr);
}

#[test]
fn editing_clamps_with_a_notice_and_reset_restores_defaults() {
    let state = Rc::new(CellState::new(2, None, vec![]));
    assert_eq!(state.params.scenario(), ScenarioId::Waitgroup);
    let state = state.apply(CellAction::EditParam { name: "workers", text: "1000000".into() });
    assert_eq!(state.params.get("workers"), 100_000);
    assert_eq!(state.notices.len(), 1);
    let state = state.apply(CellAction::EditParam { name: "workers", text: "7".into() });
    assert_eq!((state.params.get("workers"), state.notices.len()), (7, 0));
    let state = state.apply(CellAction::Reset);
    assert_eq!(state.params.get("workers"), 3);
}

#[test]
fn a_link_restores_its_cell() {
    let parsed = parse_query("scenario=premature&main_wait_ms=450&speed=2");
    let state = CellState::new(1, parsed.cell, parsed.notices);
    assert_eq!(state.params.scenario(), ScenarioId::Premature);
    assert_eq!(state.params.get("main_wait_ms"), 450);
    assert_eq!(crate_query(&state), "scenario=premature&main_wait_ms=450&speed=2");
}

fn crate_query(state: &CellState) -> String {
    goroutines_notebook::url_state::to_query(&state.link())
}

fn running(generation: u64) -> Rc<CellState> {
    Rc::new(CellState::new(1, None, vec![])).apply(CellAction::RunStarted { generation, expected_ms: None })
}

fn output(lines: Vec<ConsoleLine>) -> CellAction {
    CellAction::Output { generation: 1, batch: RunBatch { lines, ..Default::default() } }
}

#[test]
fn a_batch_extends_the_console_in_place() {
    let state = running(1).apply(output(vec![line(2, "a")]));
    // Only an address is kept: a second `Rc` would rightly force a copy.
    let before = Rc::as_ptr(&state.run.lines);
    let state = state.apply(output(vec![line(2, "b")]));
    assert_eq!(Rc::as_ptr(&state.run.lines), before, "the 2,000-line console must not be copied per batch");
    assert_eq!(state.run.lines.iter().map(|l| l.text.as_str()).collect::<Vec<_>>(), ["a", "b"]);
}

#[test]
fn a_kept_state_still_shows_its_own_console() {
    // What yew's `use_reducer` does: it keeps the old state while the new one is made.
    let old = running(1).apply(output(vec![line(2, "a")]));
    let new = Rc::clone(&old).apply(output(vec![line(2, "b")]));
    assert_eq!(old.run.lines.len(), 1, "an older render never sees later lines");
    assert_eq!(new.run.lines.len(), 2);
    // A batch with no line leaves the console shared, even then.
    let tick = RunBatch { now_ms: 10.0, ..Default::default() };
    let later = Rc::clone(&new).apply(CellAction::Output { generation: 1, batch: tick });
    assert!(Rc::ptr_eq(&later.run.lines, &new.run.lines));
    assert!(Rc::ptr_eq(&later.run.timeline, &new.run.timeline));
    assert_eq!(later.run.now_ms, 10.0);
}

#[test]
fn a_full_console_shares_its_lines_while_counting_the_rest() {
    let state = running(1).apply(output((0..MAX_CONSOLE_LINES).map(|i| line(2, &i.to_string())).collect()));
    let kept = Rc::clone(&state);
    let state = state.apply(output(vec![line(2, "one more")]));
    assert!(Rc::ptr_eq(&state.run.lines, &kept.run.lines), "dropped lines cost no copy");
    assert_eq!(state.run.lines_dropped, 1);
}

#[test]
fn ignored_actions_return_the_same_state() {
    let state = running(2);
    assert!(state.ignores(&output(vec![line(2, "stale")])));
    let same = Rc::clone(&state).apply(CellAction::Stopped { generation: 1 });
    assert!(Rc::ptr_eq(&same, &state), "a stale stop must not re-render the cell");
}

#[test]
fn lanes_record_sleep_block_and_kill() {
    let mut timeline = Timeline::default();
    let chan_receive = Activity::Blocked(BlockReason::ChanRecv);
    let events = [
        event(1, 0.0, LaneChange::Start),
        event(2, 0.0, LaneChange::Start),
        event(1, 0.0, LaneChange::Becomes(Activity::Sleeping)),
        event(2, 0.0, LaneChange::Becomes(chan_receive)),
        event(1, 300.0, LaneChange::Becomes(Activity::Running)),
        event(2, 300.0, LaneChange::End(LaneEnd::Killed { was: chan_receive })),
        event(1, 300.0, LaneChange::End(LaneEnd::Done)),
    ];
    for e in &events {
        timeline.apply(e);
    }
    let lanes = timeline.lanes();
    assert_eq!(lanes.iter().map(|l| l.gid).collect::<Vec<_>>(), vec![1, 2]);
    assert_eq!(lanes[1].segments.len(), 1, "the zero-length running segment is dropped");
    assert_eq!(lanes[1].segments[0].end_ms, Some(300.0));
    assert_eq!(lanes[1].end, Some((300.0, LaneEnd::Killed { was: chan_receive })));
    assert!(!timeline.is_aggregated());
}

#[test]
fn more_goroutines_than_lanes_aggregate() {
    let mut timeline = Timeline::default();
    let n = 10_000;
    for gid in 1..=n {
        timeline.apply(&event(gid, 0.0, LaneChange::Start));
        timeline.apply(&event(gid, 0.0, LaneChange::Becomes(Activity::Sleeping)));
    }
    assert!(timeline.is_aggregated());
    assert_eq!(timeline.lanes().len(), MAX_LANES);
    assert_eq!(timeline.lanes().last().map(|lane| lane.gid), Some(MAX_LANES as u64));
}

#[test]
fn counts_keep_one_sample_per_instant() {
    let mut timeline = Timeline::default();
    let sleeping = |n| StateCounts { sleeping: n, ..Default::default() };
    timeline.apply_counts(0.0, sleeping(3));
    timeline.apply_counts(100.0, sleeping(2));
    // The instant was still open: its final report replaces the first.
    timeline.apply_counts(100.0, StateCounts { done: 3, ..Default::default() });
    assert_eq!(timeline.samples().len(), 2);
    assert_eq!(timeline.counts().done, 3);
    assert_eq!(timeline.last_ms(), 100.0);
    assert!(timeline.is_aggregated(), "no lane at all: a counts-only run draws counts");
}

mod code {
    use super::*;
    use goroutines_notebook::scenarios::{go_source, Params};
    use goroutines_notebook::url_state::{parse_query, to_query};

    fn edited(state: Rc<CellState>, text: &str) -> Rc<CellState> {
        state.apply(CellAction::EditCode(text.to_owned()))
    }

    #[test]
    fn the_sliders_rewrite_the_presets_code_until_the_reader_edits_it() {
        let state = Rc::new(CellState::new(1, None, vec![]));
        assert_eq!(state.code.text(), go_source(&state.params).text());
        let state = state.apply(CellAction::EditParam { name: "pause_ms", text: "250".into() });
        assert!(state.code.text().contains("250 * time.Millisecond"), "the slider rewrote the value");
        assert!(!state.code.is_edited());
        let mine = state.code.text().replace("Programme principal terminé", "fin");
        let state = edited(state, &mine);
        assert!(state.code.is_edited());
        let same = state.clone().apply(CellAction::EditParam { name: "pause_ms", text: "300".into() });
        assert!(Rc::ptr_eq(&same, &state), "the sliders step aside after a free edit");
        assert_eq!(state.code.text(), mine);
    }

    #[test]
    fn typing_back_the_presets_code_gives_the_sliders_back() {
        let state = Rc::new(CellState::new(1, None, vec![]));
        let preset = state.code.text().to_owned();
        let state = edited(state, "package main");
        let state = edited(state, &preset);
        assert!(!state.code.is_edited());
    }

    #[test]
    fn the_lesson_code_sets_the_readers_code_aside_and_it_comes_back() {
        let state = edited(Rc::new(CellState::new(2, None, vec![])), "package main\n\nfunc main() {}\n");
        let state = state.apply(CellAction::RestorePresetCode);
        assert_eq!(state.code.text(), go_source(&state.params).text());
        assert_eq!(state.code.set_aside(), Some("package main\n\nfunc main() {}\n"), "nothing typed is lost");
        let state = state.apply(CellAction::TakeBackCode);
        assert_eq!(state.code.text(), "package main\n\nfunc main() {}\n");
        assert!(state.code.is_edited() && state.code.set_aside().is_none());
        // Choosing another preset also keeps the reader's code.
        let state = state.apply(CellAction::SelectScenario(ScenarioId::Pool));
        assert_eq!(state.code.text(), go_source(&Params::defaults(ScenarioId::Pool)).text());
        assert!(state.code.set_aside().is_some());
    }

    #[test]
    fn the_link_carries_the_readers_code_and_restores_it() {
        let source = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"héhé & ?=#\")\n}\n";
        let state = edited(Rc::new(CellState::new(2, None, vec![])), source);
        let query = to_query(&state.link());
        assert!(query.starts_with("scenario=waitgroup&code="), "{query}");
        let parsed = parse_query(&query);
        assert!(parsed.notices.is_empty());
        let restored = CellState::new(2, parsed.cell, vec![]);
        assert_eq!(restored.code.text(), source);
        assert!(restored.code.is_edited());
    }
}

/// « Formater » answers later: its answer applies only to the code it was asked about.
#[test]
fn a_format_answer_never_overwrites_newer_typing() {
    let state = Rc::new(CellState::new(1, None, vec![]));
    let state = state.apply(CellAction::EditCode("package main\nfunc main(){}".into()));
    let formatted = "package main\n\nfunc main() {}\n".to_owned();
    let typed_since = state.clone().apply(CellAction::EditCode("package main\nfunc main(){ }".into()));
    let kept = typed_since
        .clone()
        .apply(CellAction::Formatted { sent: "package main\nfunc main(){}".into(), result: Ok(formatted.clone()) });
    assert_eq!(kept.code.text(), "package main\nfunc main(){ }", "the reader's newer typing stays");
    let applied = state
        .apply(CellAction::Formatted { sent: "package main\nfunc main(){}".into(), result: Ok(formatted.clone()) });
    assert_eq!(applied.code.text(), formatted);
}
