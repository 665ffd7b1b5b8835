//! Property tests in virtual time: line counts follow Go's semantics computed from the
//! parameters, main's last line comes at main's time, nothing happens after exit, and a stop
//! leaves no pending timer.

use std::time::Duration;

use goroutines_notebook::runtime::{run_virtual, EventKind, Progress, TraceLevel, VirtualRun};
use goroutines_notebook::scenarios::{program, Params, ScenarioId};
use proptest::prelude::*;

fn params(id: ScenarioId, values: &[(&str, u64)]) -> Params {
    let mut params = Params::defaults(id);
    for (key, value) in values {
        params.set(key, *value as i128);
    }
    params
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn simple_prints_what_go_would(n in 1u64..6, iterations in 1u64..6, pause in 0u64..300, wait in 0u64..1500) {
        let p = params(ScenarioId::Simple, &[("goroutines", n), ("iterations", iterations), ("pause_ms", pause), ("main_wait_ms", wait)]);
        let report = run_virtual(program(&p));
        // Iteration j prints at j × pause; a line due exactly when main wakes is lost, since
        // main's timer was set first and main ends the program.
        let per_goroutine = (0..iterations).filter(|j| j * pause < wait).count() as u64;
        prop_assert_eq!(report.summary.lines_printed, n * per_goroutine + 1);
        prop_assert_eq!(report.summary.lines_lost, Some(n * (iterations - per_goroutine)));
        let last = report.lines.last().unwrap();
        prop_assert_eq!(last.text.as_str(), "Programme principal terminé");
        prop_assert_eq!(last.at, Duration::from_millis(wait));
        prop_assert_eq!(report.end_time, Duration::from_millis(wait));
        prop_assert_eq!(report.status, 0);
    }

    #[test]
    fn nothing_happens_after_exit(id_index in 0usize..10, seed in 0u64..1000) {
        let id = ScenarioId::ALL[id_index];
        let mut p = Params::defaults(id);
        // Shrink the big defaults and vary the first parameter a little.
        for (spec, value) in Params::defaults(id).iter() {
            p.set(spec.name, (value.min(12) + seed % 3) as i128);
        }
        let report = run_virtual(program(&p));
        let exit_index = report.events.iter().position(|e| matches!(e.kind, EventKind::Exit(_))).unwrap();
        for event in &report.events[exit_index + 1..] {
            prop_assert!(false, "event after exit: {:?}", event);
        }
        prop_assert!(report.events.iter().all(|e| e.at <= report.end_time));
        prop_assert!(report.lines.iter().all(|l| l.at <= report.end_time));
        // Killed goroutines are recorded before the exit event, and nobody runs any more.
        let c = report.summary;
        prop_assert_eq!(c.started, c.finished + c.killed);
    }

    #[test]
    fn waitgroup_and_channel_wait_for_everyone(workers in 1u64..20, work in 0u64..2000, buffer in 0u64..5) {
        for id in [ScenarioId::Waitgroup, ScenarioId::Channel] {
            let p = params(id, &[("workers", workers), ("work_ms", work), ("buffer", buffer)]);
            let report = run_virtual(program(&p));
            let per_worker = if id == ScenarioId::Channel { 3 } else { 2 };
            prop_assert_eq!(report.summary.lines_printed, per_worker * workers + 1);
            prop_assert_eq!(report.end_time, Duration::from_millis(work));
            prop_assert_eq!(report.stdout.last().unwrap().as_str(), "Tous les travaux sont terminés");
        }
    }

    #[test]
    fn pool_takes_batches(jobs in 1u64..40, workers in 1u64..8, job in 1u64..500) {
        let p = params(ScenarioId::Pool, &[("jobs", jobs), ("workers", workers), ("job_ms", job)]);
        let report = run_virtual(program(&p));
        prop_assert_eq!(report.summary.lines_printed, 2 * jobs + 1);
        prop_assert_eq!(report.end_time, Duration::from_millis(jobs.div_ceil(workers) * job));
    }

    #[test]
    fn broken_waitgroups_end_with_status_2(workers in 1u64..10, work in 1u64..1000, forgetful in 1u64..10) {
        let cases = [
            (ScenarioId::ForgottenDone, "fatal error: all goroutines are asleep - deadlock!", work),
            (ScenarioId::WgByValue, "fatal error: all goroutines are asleep - deadlock!", work),
            (ScenarioId::NegativeCounter, "panic: sync: negative WaitGroup counter", work * workers),
        ];
        for (id, first, end) in cases {
            let p = params(id, &[("workers", workers), ("work_ms", work), ("forgetful", forgetful.min(workers))]);
            let report = run_virtual(program(&p));
            prop_assert_eq!(report.status, 2);
            prop_assert_eq!(report.stderr.lines().next(), Some(first));
            prop_assert_eq!(report.summary.lines_printed, 2 * workers);
            prop_assert_eq!(report.end_time, Duration::from_millis(end));
        }
    }

    #[test]
    fn a_stop_leaves_no_pending_timer(id_index in 0usize..10, budget in 0usize..40) {
        let id = ScenarioId::ALL[id_index];
        let mut run = VirtualRun::new(program(&Params::defaults(id)), TraceLevel::Full);
        run.step(budget);
        let lines = run.control().lines_since(0).len();
        run.stop();
        prop_assert_eq!(run.control().pending_timers(), 0);
        prop_assert!(matches!(run.step(usize::MAX), Progress::Finished(_)));
        prop_assert_eq!(run.control().lines_since(0).len(), lines);
    }

    #[test]
    fn leaks_are_reported(leaks in 1u64..50, wait in 1u64..1000) {
        // With wait = 0 main returns before the goroutines ever run: killed, not leaked.
        let p = params(ScenarioId::Leak, &[("leaks", leaks), ("main_wait_ms", wait)]);
        let report = run_virtual(program(&p));
        prop_assert_eq!(report.summary.leaked, leaks);
        // Blocked for good, they would never print their second line: none is lost to main.
        prop_assert_eq!(report.summary.lines_lost, Some(0));
    }
}

#[test]
fn sliced_run_equals_whole_run() {
    let p = params(ScenarioId::Many, &[("goroutines", 5000), ("pause_ms", 10)]);
    let whole = run_virtual(program(&p));
    let mut run = VirtualRun::new(program(&p), TraceLevel::Full);
    let mut slices = 0;
    while let Progress::Running { polls } = run.step(700) {
        assert!(polls <= 700);
        slices += 1;
    }
    assert!(slices > 5);
    let sliced = run.report();
    assert_eq!(sliced.lines, whole.lines);
    assert_eq!(sliced.end_time, whole.end_time);
    let strip = |r: &goroutines_notebook::runtime::RunReport| {
        r.events.iter().map(|e| (e.gid, e.at, e.kind.clone())).collect::<Vec<_>>()
    };
    assert_eq!(strip(&sliced), strip(&whole));
    assert_eq!(sliced.samples, whole.samples);
}
