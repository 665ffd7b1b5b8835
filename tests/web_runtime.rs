//! The browser driver in a real page (headless Chromium through wasm-bindgen-test-runner):
//! same lines as virtual time, one timer at a time, and a stop that leaves nothing behind.
#![cfg(target_arch = "wasm32")]

use gloo_timers::future::TimeoutFuture;
use goroutines_notebook::runtime::{run_virtual, ExitKind, TraceLevel};
use goroutines_notebook::scenarios::{program, Params, ScenarioId};
use goroutines_notebook::web::runtime_driver::{performance_now, BrowserRun};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// Waits (in real time) until the run ends, at most `max_ms`.
async fn wait_for_end(run: &BrowserRun, max_ms: f64) {
    let start = performance_now();
    while !run.is_finished() && performance_now() - start < max_ms {
        TimeoutFuture::new(10).await;
    }
}

#[wasm_bindgen_test]
async fn simple_at_ten_times_prints_like_virtual_time() {
    let params = Params::defaults(ScenarioId::Simple);
    let expected = run_virtual(program(&params));
    let started = performance_now();
    let run = BrowserRun::start(program(&params), 10.0, TraceLevel::Full);
    wait_for_end(&run, 5_000.0).await;
    let took = performance_now() - started;
    assert!(run.is_finished(), "the run did not end");
    assert_eq!(run.control().lines_since(0), expected.lines);
    assert_eq!(run.control().exited().unwrap().status, 0);
    // 1 s of virtual time at 10× takes about 100 ms of real time.
    assert!(took >= 90.0, "too fast: {took} ms");
    assert!(!run.has_pending_timer());
    assert_eq!(run.control().pending_timers(), 0);
}

#[wasm_bindgen_test]
async fn deadlock_is_detected_in_the_page() {
    let params = Params::defaults(ScenarioId::ForgottenDone);
    let expected = run_virtual(program(&params));
    let run = BrowserRun::start(program(&params), 10.0, TraceLevel::Full);
    wait_for_end(&run, 5_000.0).await;
    let exit = run.control().exited().expect("ended");
    assert_eq!(exit.kind, ExitKind::Deadlock);
    assert_eq!(exit.status, 2);
    assert_eq!(run.control().lines_since(0), expected.lines);
}

#[wasm_bindgen_test]
async fn many_goroutines_share_one_timer() {
    let mut params = Params::defaults(ScenarioId::Many);
    params.set("goroutines", 2_000);
    params.set("pause_ms", 100);
    let run = BrowserRun::start(program(&params), 10.0, TraceLevel::Counts);
    TimeoutFuture::new(0).await;
    wait_for_end(&run, 5_000.0).await;
    assert_eq!(run.control().summary().finished, 2_001);
    assert!(!run.has_pending_timer());
}

#[wasm_bindgen_test]
async fn stop_in_the_middle_leaves_no_output_and_no_timer() {
    let params = Params::defaults(ScenarioId::Simple);
    let mut run = BrowserRun::start(program(&params), 1.0, TraceLevel::Full);
    TimeoutFuture::new(250).await;
    assert!(!run.is_finished());
    assert!(run.has_pending_timer());
    let printed = run.control().lines_since(0).len();
    assert!(printed >= 2, "the goroutines printed at 0 ms");
    run.stop();
    assert!(!run.has_pending_timer());
    assert_eq!(run.control().pending_timers(), 0);
    assert_eq!(run.control().exited().unwrap().kind, ExitKind::Stopped);
    TimeoutFuture::new(1_000).await;
    assert_eq!(run.control().lines_since(0).len(), printed);
}

#[wasm_bindgen_test]
async fn gosched_and_channels_work_through_spawn_local() {
    use goroutines_notebook::runtime::Program;
    let make = || {
        Program::new("t", |rt| async move {
            let ch = rt.chan::<u32>(0);
            let (r, c) = (rt.clone(), ch.clone());
            rt.go(async move {
                r.println("autre");
                c.send(3).await;
            });
            rt.println("avant");
            rt.gosched().await;
            let v = ch.recv().await;
            rt.println(format!("reçu {v}"));
        })
    };
    let expected = run_virtual(make());
    let run = BrowserRun::start(make(), 1.0, TraceLevel::Full);
    wait_for_end(&run, 2_000.0).await;
    assert_eq!(run.control().lines_since(0), expected.lines);
    assert_eq!(expected.stdout, vec!["avant", "autre", "reçu 3"]);
}
