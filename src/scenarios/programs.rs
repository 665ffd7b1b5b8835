//! The runnable programs: each scenario written against [`crate::runtime`], step for step
//! the Go source of [`super::go_source`] (a Go `defer` becomes a call at the end).

use std::time::Duration;

use crate::runtime::{Program, Runtime};

use super::{Params, ScenarioId};

/// The program of `params`' scenario, with its expected line count attached.
pub fn program(params: &Params) -> Program {
    let p = |name: &str| params.get(name);
    let expected = expected_lines_if_completed(params);
    let program = match params.scenario() {
        ScenarioId::Simple | ScenarioId::Premature => {
            simple(p("goroutines"), p("iterations"), p("pause_ms"), p("main_wait_ms"))
        }
        ScenarioId::Waitgroup => waitgroup(p("workers"), p("work_ms"), None),
        ScenarioId::ForgottenDone => waitgroup(p("workers"), p("work_ms"), Some(p("forgetful"))),
        ScenarioId::WgByValue => wg_by_value(p("workers"), p("work_ms")),
        ScenarioId::NegativeCounter => negative_counter(p("workers"), p("work_ms")),
        ScenarioId::Channel => channel(p("workers"), p("work_ms"), p("buffer")),
        ScenarioId::Pool => pool(p("jobs"), p("workers"), p("job_ms")),
        ScenarioId::Leak => leak(p("leaks"), p("main_wait_ms")),
        ScenarioId::Many => many(p("goroutines"), p("pause_ms")),
    };
    let mut program = program.with_expected_lines(expected);
    program.name = params.scenario().name().to_owned();
    program
}

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

/// Lines the program prints if every goroutine runs to completion (main's final line included).
/// The summary's « lignes perdues » is this minus the lines actually printed.
pub fn expected_lines_if_completed(params: &Params) -> u64 {
    let p = |name: &str| params.get(name);
    match params.scenario() {
        ScenarioId::Simple | ScenarioId::Premature => p("goroutines") * p("iterations") + 1,
        ScenarioId::Waitgroup | ScenarioId::ForgottenDone | ScenarioId::WgByValue | ScenarioId::NegativeCounter => {
            2 * p("workers") + 1
        }
        ScenarioId::Channel => 3 * p("workers") + 1,
        ScenarioId::Pool => 2 * p("jobs") + 1,
        ScenarioId::Leak => 2 * p("leaks") + 1,
        ScenarioId::Many => 1,
    }
}

fn simple(goroutines: u64, iterations: u64, pause_ms: u64, main_wait_ms: u64) -> Program {
    Program::new("simple", move |rt: Runtime| async move {
        for n in 1..=goroutines {
            let r = rt.clone();
            rt.go(async move {
                let msg = format!("Goroutine {n}");
                for _ in 0..iterations {
                    r.println(msg.as_str());
                    r.sleep(ms(pause_ms)).await;
                }
            });
        }
        rt.sleep(ms(main_wait_ms)).await;
        rt.println("Programme principal terminé");
    })
}

/// The lesson's second program; `forgetful` names the worker that never calls Done.
fn waitgroup(workers: u64, work_ms: u64, forgetful: Option<u64>) -> Program {
    Program::new("waitgroup", move |rt: Runtime| async move {
        let wg = rt.wait_group();
        for id in 1..=workers {
            wg.add(1);
            let (r, w) = (rt.clone(), wg.clone());
            rt.go(async move {
                r.println(format!("Goroutine {id} démarre"));
                r.sleep(ms(work_ms)).await;
                r.println(format!("Goroutine {id} termine"));
                if forgetful != Some(id) {
                    w.done();
                }
            });
        }
        wg.wait().await;
        rt.println("Tous les travaux sont terminés");
    })
}

fn wg_by_value(workers: u64, work_ms: u64) -> Program {
    Program::new("wg-by-value", move |rt: Runtime| async move {
        let wg = rt.wait_group();
        for id in 1..=workers {
            wg.add(1);
            // `go travaille(i, wg)` copies the WaitGroup when the call is evaluated.
            let (r, copy) = (rt.clone(), wg.copy_value());
            rt.go(async move {
                r.println(format!("Goroutine {id} démarre"));
                r.sleep(ms(work_ms)).await;
                r.println(format!("Goroutine {id} termine"));
                copy.done();
            });
        }
        wg.wait().await;
        rt.println("Tous les travaux sont terminés");
    })
}

/// Worker `id` works `id × work_ms` so the last one finishes alone; it calls Done twice.
fn negative_counter(workers: u64, work_ms: u64) -> Program {
    Program::new("negative-counter", move |rt: Runtime| async move {
        let wg = rt.wait_group();
        for id in 1..=workers {
            wg.add(1);
            let (r, w) = (rt.clone(), wg.clone());
            rt.go(async move {
                r.println(format!("Goroutine {id} démarre"));
                r.sleep(ms(id * work_ms)).await;
                r.println(format!("Goroutine {id} termine"));
                if id == workers {
                    w.done();
                }
                w.done();
            });
        }
        wg.wait().await;
        rt.println("Tous les travaux sont terminés");
    })
}

fn channel(workers: u64, work_ms: u64, buffer: u64) -> Program {
    Program::new("channel", move |rt: Runtime| async move {
        let fini = rt.chan::<u64>(buffer as usize);
        for id in 1..=workers {
            let (r, f) = (rt.clone(), fini.clone());
            rt.go(async move {
                r.println(format!("Goroutine {id} démarre"));
                r.sleep(ms(work_ms)).await;
                r.println(format!("Goroutine {id} termine"));
                f.send(id).await;
            });
        }
        for _ in 1..=workers {
            let id = fini.recv().await;
            rt.println(format!("Signal reçu de la goroutine {id}"));
        }
        rt.println("Tous les travaux sont terminés");
    })
}

fn pool(jobs: u64, workers: u64, job_ms: u64) -> Program {
    Program::new("pool", move |rt: Runtime| async move {
        let taches = rt.chan::<u64>(jobs as usize);
        let wg = rt.wait_group();
        for _ in 1..=workers {
            wg.add(1);
            let (r, t, w) = (rt.clone(), taches.clone(), wg.clone());
            rt.go(async move {
                while let Some(tache) = t.recv_opt().await {
                    r.println(format!("Tâche {tache} commencée"));
                    r.sleep(ms(job_ms)).await;
                    r.println(format!("Tâche {tache} terminée"));
                }
                w.done();
            });
        }
        for tache in 1..=jobs {
            taches.send(tache).await;
        }
        taches.close();
        wg.wait().await;
        rt.println(format!("Les {jobs} tâches sont terminées"));
    })
}

fn leak(leaks: u64, main_wait_ms: u64) -> Program {
    Program::new("leak", move |rt: Runtime| async move {
        let ch = rt.chan::<i64>(0);
        for id in 1..=leaks {
            let (r, c) = (rt.clone(), ch.clone());
            rt.go(async move {
                r.println(format!("Goroutine {id} attend une valeur"));
                let v = c.recv().await;
                r.println(format!("Goroutine {id} a reçu {v}"));
            });
        }
        rt.sleep(ms(main_wait_ms)).await;
        rt.println("Programme principal terminé");
    })
}

/// Spawns between two yields of `many`'s main loop.
const PREEMPT_EVERY: u64 = 1024;

fn many(goroutines: u64, pause_ms: u64) -> Program {
    Program::new("many", move |rt: Runtime| async move {
        let wg = rt.wait_group();
        for i in 0..goroutines {
            wg.add(1);
            let (r, w) = (rt.clone(), wg.clone());
            rt.go(async move {
                r.sleep(ms(pause_ms)).await;
                w.done();
            });
            // Go's scheduler preempts a long loop (sysmon, every 10 ms); yielding now and then
            // does the same here, so the page is not blocked while main starts 10^5 goroutines.
            if i % PREEMPT_EVERY == PREEMPT_EVERY - 1 {
                rt.gosched().await;
            }
        }
        wg.wait().await;
        rt.println(format!("{goroutines} goroutines ont terminé"));
    })
}
