//! Unit-level behaviour of the runtime primitives in virtual time.

use std::time::Duration;

use goroutines_notebook::runtime::{
    run_virtual, BlockReason, Cut, ExitKind, GState, Program, Progress, Runtime, TraceLevel, VirtualRun, MILLISECOND,
};

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

fn timed(report: &goroutines_notebook::runtime::RunReport) -> Vec<(u64, String)> {
    report.lines.iter().map(|l| (l.at.as_millis() as u64, l.text.clone())).collect()
}

#[test]
fn main_return_kills_sleeping_goroutines() {
    let report = run_virtual(Program::new("t", |rt| async move {
        let r = rt.clone();
        rt.go(async move {
            r.println("a");
            r.sleep(ms(100)).await;
            r.println("b");
        });
        rt.sleep(ms(50)).await;
        rt.println("fin");
    }));
    assert_eq!(timed(&report), vec![(0, "a".into()), (50, "fin".into())]);
    assert_eq!(report.status, 0);
    assert_eq!(report.summary.killed, 1);
    assert_eq!(report.summary.leaked, 0);
    assert_eq!(report.end_time, ms(50));
}

#[test]
fn same_instant_is_fifo_by_wake_order() {
    let report = run_virtual(Program::new("t", |rt| async move {
        for i in 0..3 {
            let r = rt.clone();
            rt.go(async move {
                r.sleep(ms(10)).await;
                r.println(format!("g{i}"));
            });
        }
        rt.sleep(ms(20)).await;
    }));
    assert_eq!(report.stdout, vec!["g0", "g1", "g2"]);
}

#[test]
fn waitgroup_negative_counter_panics() {
    let report = run_virtual(Program::new("t", |rt| async move {
        let wg = rt.wait_group();
        wg.add(1);
        wg.done();
        wg.done();
        rt.println("jamais");
    }));
    assert_eq!(report.status, 2);
    assert!(report.stdout.is_empty());
    assert!(report.stderr.starts_with("panic: sync: negative WaitGroup counter\n\ngoroutine 1 [running]:"));
}

#[test]
fn wait_at_zero_returns_at_once() {
    let report = run_virtual(Program::new("t", |rt| async move {
        rt.wait_group().wait().await;
        rt.println("ok");
    }));
    assert_eq!(report.stdout, vec!["ok"]);
}

#[test]
fn deadlock_lists_blocked_goroutines() {
    let report = run_virtual(Program::new("t", |rt| async move {
        let ch = rt.chan::<i32>(0);
        let mu = rt.mutex();
        mu.lock().await;
        let c = ch.clone();
        rt.go(async move {
            c.recv().await;
        });
        let c = ch.clone();
        rt.go(async move {
            c.send(1).await;
            c.send(2).await;
        });
        let m = mu.clone();
        rt.go(async move { m.lock().await });
        let wg = rt.wait_group();
        wg.add(1);
        wg.wait().await;
    }));
    assert_eq!(report.status, 2);
    assert_eq!(
        report.stderr,
        "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [sync.WaitGroup.Wait]:\n\ngoroutine 3 [chan send]:\n\ngoroutine 4 [sync.Mutex.Lock]:"
    );
    assert_eq!(report.exit.kind, ExitKind::Deadlock);
    assert_eq!(report.summary.leaked, 3);
}

#[test]
fn no_deadlock_while_a_timer_is_pending() {
    let report = run_virtual(Program::new("t", |rt| async move {
        let ch = rt.chan::<i32>(0);
        let c = ch.clone();
        let r = rt.clone();
        rt.go(async move {
            r.sleep(ms(30)).await;
            c.send(7).await;
        });
        let v = ch.recv().await;
        rt.println(format!("{v} à {:?}", rt.now()));
    }));
    assert_eq!(report.stdout, vec!["7 à 30ms"]);
}

#[test]
fn buffered_channel_respects_capacity_and_close() {
    let report = run_virtual(Program::new("t", |rt| async move {
        let ch = rt.chan::<i32>(2);
        let c = ch.clone();
        let r = rt.clone();
        rt.go(async move {
            for i in 1..=3 {
                c.send(i).await;
                r.println(format!("envoyé {i}"));
            }
            c.close();
        });
        rt.sleep(ms(10)).await;
        while let Some(v) = ch.recv_opt().await {
            rt.println(format!("reçu {v}"));
        }
        let (v, ok) = ch.recv_ok().await;
        rt.println(format!("{v} {ok}"));
    }));
    assert_eq!(
        timed(&report),
        vec![
            (0, "envoyé 1".into()),
            (0, "envoyé 2".into()),
            (10, "reçu 1".into()),
            (10, "reçu 2".into()),
            (10, "reçu 3".into()),
            (10, "envoyé 3".into()),
            (10, "0 false".into()),
        ]
    );
}

#[test]
fn unbuffered_is_a_rendezvous() {
    let report = run_virtual(Program::new("t", |rt| async move {
        let ch = rt.chan::<&'static str>(0);
        let c = ch.clone();
        let r = rt.clone();
        rt.go(async move {
            c.send("x").await;
            r.println(format!("envoyé à {}", r.now().as_millis()));
        });
        rt.sleep(ms(40)).await;
        let v = ch.recv_opt().await.unwrap();
        rt.println(v);
        rt.sleep(ms(1)).await;
    }));
    assert_eq!(report.stdout, vec!["x", "envoyé à 40"]);
}

#[test]
fn send_on_closed_and_double_close_panic() {
    let report = run_virtual(Program::new("t", |rt| async move {
        let ch = rt.chan::<i32>(1);
        ch.close();
        ch.send(1).await;
    }));
    assert!(report.stderr.starts_with("panic: send on closed channel"));
    assert_eq!(report.status, 2);
    let report = run_virtual(Program::new("t", |rt| async move {
        let ch = rt.chan::<i32>(1);
        ch.close();
        ch.close();
        rt.println("jamais");
    }));
    assert!(report.stderr.starts_with("panic: close of closed channel"));
    assert!(report.stdout.is_empty());
}

#[test]
fn blocked_sender_panics_when_channel_closes() {
    let report = run_virtual(Program::new("t", |rt| async move {
        let ch = rt.chan::<i32>(0);
        let c = ch.clone();
        rt.go(async move { c.send(1).await });
        rt.sleep(ms(5)).await;
        ch.close();
        rt.sleep(ms(5)).await;
    }));
    assert_eq!(report.status, 2);
    assert!(report.stderr.starts_with("panic: send on closed channel\n\ngoroutine 2 [running]:"));
}

#[test]
fn mutex_serialises_and_unlock_of_unlocked_is_fatal() {
    let report = run_virtual(Program::new("t", |rt| async move {
        let mu = rt.mutex();
        let wg = rt.wait_group();
        for i in 0..3 {
            wg.add(1);
            let (m, w, r) = (mu.clone(), wg.clone(), rt.clone());
            rt.go(async move {
                m.lock().await;
                r.println(format!("{i} entre à {}", r.now().as_millis()));
                r.sleep(ms(10)).await;
                m.unlock();
                w.done();
            });
        }
        wg.wait().await;
        mu.unlock();
    }));
    assert_eq!(report.stdout, vec!["0 entre à 0", "1 entre à 10", "2 entre à 20"]);
    assert!(report.stderr.starts_with("fatal error: sync: unlock of unlocked mutex"));
    assert_eq!(report.status, 2);
}

#[test]
fn killed_goroutines_record_where_they_were_cut() {
    let mut run = VirtualRun::new(
        Program::new("t", |rt| async move {
            let ch = rt.chan::<i32>(0);
            let r = rt.clone();
            rt.go(async move { r.sleep(ms(100)).await });
            rt.go(async move {
                ch.recv().await;
            });
            rt.sleep(ms(1)).await;
        }),
        TraceLevel::Full,
    );
    run.run_to_end();
    let rt = run.control();
    assert_eq!(rt.goroutine_state(1), Some(GState::Done));
    assert_eq!(rt.goroutine_state(2), Some(GState::Killed(Cut::Sleeping)));
    assert_eq!(rt.goroutine_state(3), Some(GState::Killed(Cut::Blocked(BlockReason::ChanRecv))));
    assert_eq!(rt.pending_timers(), 0);
}

#[test]
fn stop_in_the_middle_prints_nothing_more_and_clears_timers() {
    let mut run = VirtualRun::new(
        Program::new("t", |rt| async move {
            for i in 0..10 {
                let r = rt.clone();
                rt.go(async move {
                    loop {
                        r.println(format!("g{i}"));
                        r.sleep(10 * MILLISECOND).await;
                    }
                });
            }
            rt.sleep(ms(1000)).await;
        }),
        TraceLevel::Full,
    );
    run.step(25);
    let printed = run.control().lines_since(0).len();
    assert!(run.control().pending_timers() > 0);
    run.stop();
    assert_eq!(run.control().pending_timers(), 0);
    assert!(matches!(run.step(1000), goroutines_notebook::runtime::Progress::Finished(_)));
    assert_eq!(run.control().lines_since(0).len(), printed);
    assert_eq!(run.report().status, -1);
}

#[test]
fn counts_level_keeps_no_events() {
    let report = goroutines_notebook::runtime::run_virtual_with(
        Program::new("t", |rt| async move {
            let wg = rt.wait_group();
            for _ in 0..100 {
                wg.add(1);
                let (w, r) = (wg.clone(), rt.clone());
                rt.go(async move {
                    r.sleep(ms(5)).await;
                    w.done();
                });
            }
            wg.wait().await;
            rt.println("fini");
        }),
        TraceLevel::Counts,
    );
    assert!(report.events.is_empty());
    assert_eq!(report.summary.started, 101);
    assert_eq!(report.summary.finished, 101);
    assert!(!report.samples.is_empty());
}

#[test]
fn select_takes_the_first_ready_case_or_default() {
    use goroutines_notebook::runtime::{Case, Selected};
    let report = run_virtual(Program::new("t", |rt| async move {
        let a = rt.chan::<i32>(1);
        let b = rt.chan::<i32>(1);
        let chosen = rt.select(vec![Case::Recv(a.clone()), Case::Recv(b.clone())], true).await;
        rt.println(format!("{chosen:?}"));
        b.send(5).await;
        let chosen = rt.select(vec![Case::Recv(a.clone()), Case::Recv(b.clone())], true).await;
        rt.println(format!("{chosen:?}"));
        let chosen = rt.select(vec![Case::Recv(a.clone()), Case::Send(b.clone(), 6)], false).await;
        rt.println(format!("{chosen:?}"));
        assert_eq!(chosen, Selected::Sent { case: 1 });
    }));
    assert_eq!(report.stdout, vec!["Default", "Recv { case: 1, value: Some(5) }", "Sent { case: 1 }"]);
}

#[test]
fn select_parks_on_every_case_and_leaves_the_others() {
    use goroutines_notebook::runtime::{Case, Selected};
    let report = run_virtual(Program::new("t", |rt| async move {
        let a = rt.chan::<i32>(0);
        let b = rt.chan::<i32>(0);
        let (r, b2) = (rt.clone(), b.clone());
        rt.go(async move {
            r.sleep(ms(10)).await;
            b2.send(7).await;
        });
        let chosen = rt.select(vec![Case::Recv(a.clone()), Case::Recv(b.clone())], false).await;
        assert_eq!(chosen, Selected::Recv { case: 1, value: Some(7) });
        rt.println(format!("à {} ms", rt.now().as_millis()));
        // The waiter left on `a` is gone: this send finds no receiver and deadlocks.
        a.send(1).await;
    }));
    assert_eq!(report.stdout, vec!["à 10 ms"]);
    assert_eq!(report.stderr, "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan send]:");
}

#[test]
fn select_recv_sees_close_and_empty_select_blocks_forever() {
    use goroutines_notebook::runtime::{Case, Selected};
    let report = run_virtual(Program::new("t", |rt| async move {
        let a = rt.chan::<i32>(0);
        let (r, a2) = (rt.clone(), a.clone());
        rt.go(async move {
            r.sleep(ms(5)).await;
            a2.close();
        });
        let chosen = rt.select(vec![Case::Recv(a.clone())], false).await;
        assert_eq!(chosen, Selected::Recv { case: 0, value: None });
        rt.println("fermé");
        rt.select::<i32>(Vec::new(), false).await;
    }));
    assert_eq!(report.stdout, vec!["fermé"]);
    assert_eq!(report.stderr, "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [select (no cases)]:");
}

#[test]
fn gosched_lets_the_others_run_first() {
    let report = run_virtual(Program::new("t", |rt| async move {
        let r = rt.clone();
        rt.go(async move { r.println("autre") });
        rt.println("avant");
        rt.gosched().await;
        rt.println("après");
    }));
    assert_eq!(report.stdout, vec!["avant", "autre", "après"]);
    assert_eq!(report.end_time, Duration::ZERO);
}

/// A paced driver lets virtual time go only as far as its clock: the run waits before a
/// deadline beyond the ceiling, and goes on once the ceiling passes it.
#[test]
fn a_ceiling_holds_virtual_time_back() {
    let program = Program::new("pace", |rt: Runtime| async move {
        rt.println("avant");
        rt.sleep(ms(100)).await;
        rt.println("après");
    });
    let mut run = VirtualRun::new(program, TraceLevel::Full);
    assert_eq!(run.step_within(1000, ms(40)), Progress::Waiting { until: ms(100) });
    assert_eq!(run.control().now(), Duration::ZERO);
    assert_eq!(run.control().lines_since(0).len(), 1);
    assert!(run.step_within(1000, ms(100)).is_done());
    assert_eq!(run.control().now(), ms(100));
}

/// « Pas à pas »: each step ends at the next event of any goroutine.
#[test]
fn stepping_stops_at_each_event() {
    let program = Program::new("steps", |rt: Runtime| async move {
        let r = rt.clone();
        rt.go(async move {
            r.println("g2");
            r.sleep(ms(10)).await;
        });
        rt.sleep(ms(20)).await;
        rt.println("main");
    });
    let mut run = VirtualRun::new(program, TraceLevel::Full);
    let mut events = vec![run.control().event_count()];
    while !run.step_to_event(100).is_done() {
        events.push(run.control().event_count());
    }
    let grew_by_one_or_a_few = events.windows(2).all(|w| w[1] > w[0] && w[1] - w[0] <= 2);
    assert!(grew_by_one_or_a_few, "{events:?}");
    assert_eq!(run.control().lines_since(0).len(), 2);
}
