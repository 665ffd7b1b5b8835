//! Runtime to UI: small programs run on the runtime in virtual time, read by the cell's feed
//! batch by batch as the page reads them, and shown by the cell's state. Each test checks what
//! the reader would see: the console, the timeline's lanes or counts, the status, the summary.

use std::rc::Rc;
use std::time::Duration;

use goroutines_notebook::cell::feed::{expected_ms, lane_event, trace_level, RunFeed};
use goroutines_notebook::cell::state::{CellAction, CellState, Phase, RunEnd, Stream};
use goroutines_notebook::cell::timeline::{Activity, LaneChange, LaneEnd, Timeline, MAX_LANES};
use goroutines_notebook::runtime::{
    self, BlockReason, Cut, Event, EventKind, Exit, ExitKind, Program, TraceLevel, VirtualRun,
};
use goroutines_notebook::scenarios::{go_source, Params, ScenarioId};

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

/// Runs `program` to its end in slices of `budget` polls, handing every batch to a cell as the
/// page does, and checks that nothing comes after the batch that carried the end.
fn watch_in_slices(program: Program, level: TraceLevel, budget: usize) -> Rc<CellState> {
    let mut run = VirtualRun::new(program, level);
    let mut feed = RunFeed::new(run.control().clone());
    let mut state =
        Rc::new(CellState::new(1, None, vec![])).apply(CellAction::RunStarted { generation: 1, expected_ms: None });
    loop {
        let done = run.step(budget).is_done();
        if let Some(batch) = feed.next_batch() {
            state = state.apply(CellAction::Output { generation: 1, batch });
        }
        if done {
            break;
        }
    }
    // What is left goes a batch at a time, as the page drains it, until the end.
    while state.run.phase == Phase::Running {
        let Some(batch) = feed.next_batch() else { break };
        state = state.apply(CellAction::Output { generation: 1, batch });
    }
    assert!(feed.next_batch().is_none(), "the feed falls silent once the end is delivered");
    state
}

fn watch(program: Program, level: TraceLevel) -> Rc<CellState> {
    watch_in_slices(program, level, usize::MAX)
}

fn texts(state: &CellState, stream: Stream) -> Vec<String> {
    state.run.lines.iter().filter(|line| line.stream == stream).map(|line| line.text.clone()).collect()
}

/// A lane as drawn: its `(activity, start, end)` segments, then how it ended.
type DrawnLane = (Vec<(Activity, f64, Option<f64>)>, Option<(f64, LaneEnd)>);

fn lane(timeline: &Timeline, gid: u64) -> DrawnLane {
    let lane = timeline.lane(gid).unwrap_or_else(|| panic!("no lane for g{gid}"));
    (lane.segments.iter().map(|s| (s.activity, s.start_ms, s.end_ms)).collect(), lane.end)
}

#[test]
fn each_trace_event_kind_draws_as_its_lane_change() {
    let exit = Exit { kind: ExitKind::MainReturned, status: 0, at: ms(5) };
    let print = |stream| EventKind::Print { stream, text: "x".into() };
    let killed = |was| Some(LaneChange::End(LaneEnd::Killed { was }));
    let table: Vec<(EventKind, Option<LaneChange>)> = vec![
        (EventKind::Spawn { parent: Some(1), site: None }, Some(LaneChange::Start)),
        (EventKind::SleepStart { until: ms(9) }, Some(LaneChange::Becomes(Activity::Sleeping))),
        (EventKind::SleepEnd, Some(LaneChange::Becomes(Activity::Running))),
        (EventKind::Unblock, Some(LaneChange::Becomes(Activity::Running))),
        (
            EventKind::Block(BlockReason::WaitGroup),
            Some(LaneChange::Becomes(Activity::Blocked(BlockReason::WaitGroup))),
        ),
        (
            EventKind::Block(BlockReason::RWMutexRLock),
            Some(LaneChange::Becomes(Activity::Blocked(BlockReason::RWMutexRLock))),
        ),
        (EventKind::Done, Some(LaneChange::End(LaneEnd::Done))),
        (EventKind::Killed(Cut::Runnable), killed(Activity::Running)),
        (EventKind::Killed(Cut::Sleeping), killed(Activity::Sleeping)),
        (EventKind::Killed(Cut::Blocked(BlockReason::ChanSend)), killed(Activity::Blocked(BlockReason::ChanSend))),
        (print(runtime::Stream::Stdout), Some(LaneChange::Print)),
        // Stderr, panics and the exit belong to the console and the status, not to a lane.
        (print(runtime::Stream::Stderr), None),
        (EventKind::Panic("boom".into()), None),
        (EventKind::Exit(exit), None),
    ];
    for (kind, expected) in table {
        let event = Event { gid: 7, at: Duration::from_micros(1_500), real_ms: 0.0, kind: kind.clone() };
        let lane_event = lane_event(&event);
        assert_eq!(lane_event.as_ref().map(|e| e.change.clone()), expected, "{kind:?}");
        if let Some(lane_event) = lane_event {
            assert_eq!((lane_event.gid, lane_event.at_ms), (7, 1.5), "{kind:?}: goroutine and time in ms");
        }
    }
}

#[test]
fn a_goroutine_cut_by_mains_return_shows_what_it_waited_for() {
    let state = watch(
        Program::new("cut", |rt| async move {
            let (r, ch) = (rt.clone(), rt.chan::<i32>(0));
            rt.go(async move {
                r.sleep(ms(100)).await;
                ch.recv().await;
            });
            let (r, mu) = (rt.clone(), rt.mutex());
            mu.lock().await;
            let held = mu.clone();
            rt.go(async move {
                r.println("verrou demandé");
                held.lock().await;
            });
            rt.sleep(ms(300)).await;
            rt.println("fin de main");
        }),
        TraceLevel::Full,
    );
    let timeline = &state.run.timeline;
    let chan_receive = Activity::Blocked(BlockReason::ChanRecv);
    assert_eq!(
        lane(timeline, 2),
        (
            vec![(Activity::Sleeping, 0.0, Some(100.0)), (chan_receive, 100.0, Some(300.0))],
            Some((300.0, LaneEnd::Killed { was: chan_receive }))
        )
    );
    let mutex = Activity::Blocked(BlockReason::Mutex);
    assert_eq!(lane(timeline, 3), (vec![(mutex, 0.0, Some(300.0))], Some((300.0, LaneEnd::Killed { was: mutex }))));
    assert_eq!(timeline.lane(3).map(|lane| lane.prints.clone()), Some(vec![0.0]), "a tick where g3 printed");
    let main = lane(timeline, 1);
    assert_eq!(main, (vec![(Activity::Sleeping, 0.0, Some(300.0))], Some((300.0, LaneEnd::Done))), "{main:?}");
    assert_eq!(texts(&state, Stream::Stdout), ["verrou demandé", "fin de main"]);
    assert_eq!(state.run.lines.iter().map(|line| (line.gid, line.at_ms)).collect::<Vec<_>>(), [(3, 0.0), (1, 300.0)]);
    assert_eq!(state.run.phase, Phase::Ended(RunEnd::Exited { status: 0 }));
    let summary = &state.run.summary;
    assert_eq!((summary.started, summary.killed, summary.leaked), (3, 2, 2), "both blocked goroutines leaked");
    assert_eq!(summary.elapsed_ms, 300.0);
}

#[test]
fn the_end_of_a_run_is_told_as_go_tells_it() {
    type Main = fn(runtime::Runtime) -> std::pin::Pin<Box<dyn std::future::Future<Output = ()>>>;
    let table: [(&str, Main, i32, Option<&str>); 4] = [
        ("main returns", |rt| Box::pin(async move { rt.println("ok") }), 0, None),
        ("os.Exit(3)", |rt| Box::pin(async move { rt.exit(3) }), 3, None),
        ("panic", |rt| Box::pin(async move { rt.panic("boom") }), 2, Some("panic: boom")),
        (
            "deadlock",
            |rt| {
                Box::pin(async move {
                    let wg = rt.wait_group();
                    wg.add(1);
                    wg.wait().await;
                })
            },
            2,
            Some("fatal error: all goroutines are asleep - deadlock!"),
        ),
    ];
    for (name, main, status, stderr) in table {
        let state = watch(Program::new(name, main), TraceLevel::Full);
        assert_eq!(state.run.phase, Phase::Ended(RunEnd::Exited { status }), "{name}");
        assert_eq!(texts(&state, Stream::Stderr).first().map(String::as_str), stderr, "{name}");
    }
}

#[test]
fn a_stopped_run_ends_without_a_status_and_prints_nothing_more() {
    let mut run = VirtualRun::new(
        Program::new("forever", |rt| async move {
            loop {
                rt.println("tic");
                rt.sleep(ms(100)).await;
            }
        }),
        TraceLevel::Full,
    );
    let mut feed = RunFeed::new(run.control().clone());
    let state =
        Rc::new(CellState::new(1, None, vec![])).apply(CellAction::RunStarted { generation: 1, expected_ms: None });
    run.step(7);
    let state = state.apply(CellAction::Output { generation: 1, batch: feed.next_batch().unwrap_or_default() });
    assert_eq!(state.run.phase, Phase::Running);
    let printed = state.run.lines.len();
    assert!(printed > 0);
    run.stop();
    let last = feed.next_batch().unwrap_or_default();
    assert_eq!(last.end, Some(RunEnd::Stopped));
    let state = state.apply(CellAction::Output { generation: 1, batch: last });
    assert_eq!(state.run.phase, Phase::Ended(RunEnd::Stopped));
    assert_eq!(state.run.lines.len(), printed);
    assert!(feed.next_batch().is_none());
}

#[test]
fn the_summary_counts_what_a_premature_end_lost() {
    // Two goroutines print three lines 200 ms apart; main returns at 300 ms.
    let params = Params::defaults(ScenarioId::Premature);
    let state = watch(goroutines_notebook::scenarios::program(&params), TraceLevel::Full);
    let summary = &state.run.summary;
    assert_eq!(summary.elapsed_ms, 300.0);
    assert_eq!((summary.started, summary.finished, summary.killed, summary.leaked), (3, 1, 2, 0));
    assert_eq!(summary.lines_printed, 5, "two lines per goroutine, and main's");
    assert_eq!(summary.lines_lost, 2, "the third line of each goroutine never printed");
    assert_eq!(state.run.lines.len() as u64, summary.lines_printed);
    assert_eq!(state.run.timeline.counts().killed, 2, "the counts are the runtime's");
}

#[test]
fn slicing_a_run_neither_loses_nor_repeats_output() {
    let params = Params::defaults(ScenarioId::Waitgroup);
    let whole = watch(goroutines_notebook::scenarios::program(&params), TraceLevel::Full);
    let sliced = watch_in_slices(goroutines_notebook::scenarios::program(&params), TraceLevel::Full, 1);
    assert_eq!(sliced.run.lines, whole.run.lines);
    assert_eq!(sliced.run.timeline.lanes(), whole.run.timeline.lanes());
    assert_eq!(sliced.run.timeline.samples(), whole.run.timeline.samples());
    assert_eq!(sliced.run.summary, whole.run.summary);
    assert_eq!(whole.run.lines.len(), 7, "three workers start and finish, then main");
}

#[test]
fn big_runs_are_traced_as_counts() {
    let mut params = Params::defaults(ScenarioId::Many);
    params.set_text("goroutines", "3000");
    let prepared = goroutines_notebook::engine::prepare_or_report(&go_source(&params).text());
    assert_eq!(trace_level(&prepared.preview), TraceLevel::Counts);
    let state = watch_in_slices(prepared.program, TraceLevel::Counts, 500);
    let timeline = &state.run.timeline;
    assert!(timeline.lanes().is_empty() && timeline.is_aggregated(), "no lane per goroutine, counts instead");
    let at = |t: f64| timeline.samples().iter().find(|(at, _)| *at == t).map(|(_, counts)| *counts);
    let start = at(0.0).unwrap_or_default();
    assert_eq!((start.sleeping, start.blocked), (3000, 1), "all asleep, main waiting");
    let end = timeline.counts();
    assert_eq!((end.done, end.alive()), (3001, 0));
    assert_eq!(texts(&state, Stream::Stdout), ["3000 goroutines ont terminé"]);
    assert_eq!(state.run.summary.started, 3001);
}

/// Main starts `n` goroutines that sleep 10 ms, then waits for them.
fn sleepers(n: u64) -> Program {
    Program::new("sleepers", move |rt| async move {
        let wg = rt.wait_group();
        for _ in 0..n {
            wg.add(1);
            let (r, w) = (rt.clone(), wg.clone());
            rt.go(async move {
                r.sleep(ms(10)).await;
                w.done();
            });
        }
        wg.wait().await;
    })
}

#[test]
fn beyond_forty_goroutines_the_lanes_aggregate() {
    let fits = watch(sleepers(MAX_LANES as u64 - 1), TraceLevel::Full);
    assert!(!fits.run.timeline.is_aggregated(), "main and 39 goroutines: one lane each");
    assert_eq!(fits.run.timeline.lanes().len(), MAX_LANES);

    let state = watch(sleepers(MAX_LANES as u64), TraceLevel::Full);
    let timeline = &state.run.timeline;
    assert!(timeline.is_aggregated(), "41 goroutines: counts over time");
    assert_eq!(timeline.lanes().len(), MAX_LANES);
    let (first, _) = timeline.samples()[0];
    assert_eq!(first, 0.0);
    assert_eq!(timeline.samples()[0].1.sleeping, MAX_LANES as u64);
    assert_eq!(timeline.counts().done, MAX_LANES as u64 + 1);
    assert_eq!(timeline.last_ms(), 10.0);
}

/// The preview of the program itself gives the timeline's scale and the trace level.
#[test]
fn the_preview_sets_the_scale_and_the_trace_level() {
    let preview = |id: ScenarioId, values: &[(&str, i128)]| {
        let mut params = Params::defaults(id);
        for (name, value) in values {
            params.set(name, *value);
        }
        goroutines_notebook::engine::prepare_or_report(&go_source(&params).text()).preview
    };
    let simple = preview(ScenarioId::Simple, &[]);
    assert_eq!((expected_ms(&simple), trace_level(&simple)), (Some(1000.0), TraceLevel::Full));
    let waitgroup = preview(ScenarioId::Waitgroup, &[]);
    assert_eq!(expected_ms(&waitgroup), Some(1000.0));
    let many = preview(ScenarioId::Many, &[]);
    assert_eq!(
        (expected_ms(&many), trace_level(&many)),
        (None, TraceLevel::Counts),
        "10,000 goroutines: beyond the budget"
    );
    let thousand = preview(ScenarioId::Many, &[("goroutines", 1000)]);
    assert_eq!((expected_ms(&thousand), trace_level(&thousand)), (Some(100.0), TraceLevel::Full));
    let huge = preview(ScenarioId::Many, &[("goroutines", 1_000_000)]);
    assert_eq!((expected_ms(&huge), trace_level(&huge)), (None, TraceLevel::Counts), "beyond the budget");
}

/// The French help for how a run ended comes from the run itself: a deadlock, or the
/// interpreter's negative WaitGroup panic; other endings bring none.
#[test]
fn endings_learners_meet_first_bring_their_help() {
    use goroutines_notebook::cell::hints::Hint;
    let table = [
        (ScenarioId::ForgottenDone, vec![Hint::Deadlock]),
        (ScenarioId::WgByValue, vec![Hint::Deadlock]),
        (ScenarioId::NegativeCounter, vec![Hint::NegativeWaitGroup]),
        (ScenarioId::Premature, vec![]),
        (ScenarioId::Waitgroup, vec![]),
    ];
    for (id, want) in table {
        let state = watch(goroutines_notebook::scenarios::program(&Params::defaults(id)), TraceLevel::Full);
        assert_eq!(state.run.hints, want, "{}", id.name());
    }
}

/// A panic marks the line it came from, for the editor.
#[test]
fn a_panic_marks_its_line() {
    use goroutines_notebook::cell::marks::MarkKind;
    let source = "package main\n\nfunc main() {\n\ts := []int{1, 2, 3}\n\ti := 5\n\t_ = s[i]\n}\n";
    let state = watch(goroutines_notebook::engine::prepare_or_report(source).program, TraceLevel::Full);
    let marks: Vec<_> = state.run.marks.iter().map(|m| (m.line, m.kind, m.message.as_str())).collect();
    assert_eq!(marks, vec![(6, MarkKind::Panic, "panic: runtime error: index out of range [5] with length 3")]);
    let state = watch(
        goroutines_notebook::scenarios::program(&Params::defaults(ScenarioId::NegativeCounter)),
        TraceLevel::Full,
    );
    assert_eq!(state.run.marks.first().map(|m| m.line), Some(12), "the deferred wg.Done()");
}

/// Lanes are named as Go's traces name goroutines: their function, and the line of the `go`
/// statement that started them.
#[test]
fn lanes_carry_the_function_and_line_that_started_them() {
    let source = "package main\n\nimport \"time\"\n\nfunc sleeper() {\n\ttime.Sleep(time.Millisecond)\n}\n\nfunc main() {\n\tgo sleeper()\n\tgo func() {\n\t\tsleeper()\n\t}()\n\ttime.Sleep(time.Second)\n}\n";
    let state = watch(goroutines_notebook::engine::prepare_or_report(source).program, TraceLevel::Full);
    let labels: Vec<_> = state.run.timeline.lanes().iter().map(|lane| (lane.gid, lane.label.clone())).collect();
    assert_eq!(
        labels,
        vec![(1, None), (2, Some("sleeper · l.10".to_owned())), (3, Some("main.func1 · l.11".to_owned()))]
    );
}

/// Past the console's cap the feed only counts stdout lines: huge output never crosses to
/// the page, and the last stderr line still does.
#[test]
fn huge_output_is_counted_not_carried() {
    use goroutines_notebook::cell::state::MAX_CONSOLE_LINES;
    let source = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfor i := 0; i < 5000; i++ {\n\t\tfmt.Println(i)\n\t}\n\tpanic(\"fin\")\n}\n";
    let control_run = goroutines_notebook::engine::prepare_or_report(source).program;
    let state = watch_in_slices(control_run, TraceLevel::Counts, 300);
    let stdout = state.run.lines.iter().filter(|line| line.stream == Stream::Stdout).count();
    assert_eq!(stdout, MAX_CONSOLE_LINES);
    assert_eq!(state.run.lines_dropped, 5000 - MAX_CONSOLE_LINES as u64);
    assert_eq!(texts(&state, Stream::Stderr).first().map(String::as_str), Some("panic: fin"));
}

/// A large run may go ahead of the clock (`web::run_service`'s lookahead): the page is shown
/// only what happened by the time it is told, and the end only once that time reaches it.
#[test]
fn a_run_ahead_of_the_clock_shows_only_what_is_due() {
    let program = Program::new("ahead", |rt| async move {
        let wg = rt.wait_group();
        for _ in 0..3 {
            wg.add(1);
            let (r, w) = (rt.clone(), wg.clone());
            rt.go(async move {
                r.sleep(ms(100)).await;
                w.done();
            });
        }
        rt.println("avant");
        wg.wait().await;
        rt.println("après");
    });
    let mut run = VirtualRun::new(program, TraceLevel::Counts);
    let mut feed = RunFeed::new(run.control().clone());
    assert!(run.step(usize::MAX).is_done(), "the engine ran the whole program ahead");
    let start =
        Rc::new(CellState::new(1, None, vec![])).apply(CellAction::RunStarted { generation: 1, expected_ms: None });
    let output = |state: Rc<CellState>, batch| state.apply(CellAction::Output { generation: 1, batch });

    let early = feed.next_batch_until(ms(50)).expect("a batch at 50 ms");
    assert!(early.end.is_none(), "not ended at 50 ms");
    assert_eq!(early.now_ms, 50.0, "the now-line stands at the clock, not at the run's end");
    assert_eq!((early.summary.started, early.summary.finished), (4, 0), "the counts of the instant shown");
    let state = output(start, early);
    assert_eq!(texts(&state, Stream::Stdout), ["avant"]);
    assert_eq!(state.run.timeline.counts().sleeping, 3, "still asleep at 50 ms");
    assert_eq!(feed.next_instant_after(ms(50)), Some(ms(100)), "« Pas à pas » would show 100 ms next");

    let state = output(state, feed.next_batch_until(ms(100)).expect("a batch at 100 ms"));
    assert_eq!(texts(&state, Stream::Stdout), ["avant", "après"]);
    assert_eq!(state.run.phase, Phase::Ended(RunEnd::Exited { status: 0 }), "the end is due at 100 ms");
    assert_eq!(state.run.summary.finished, 4);
    assert!(feed.next_batch_until(ms(100)).is_none());
}
