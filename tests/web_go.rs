//! Interpreted Go through the browser driver (headless Chromium): goroutines parked on the
//! runtime's timers and channels, the same lines as virtual time, an endless loop that the
//! page survives and that Stop ends.
#![cfg(target_arch = "wasm32")]

use gloo_timers::future::TimeoutFuture;
use goroutines_notebook::go;
use goroutines_notebook::runtime::{run_virtual, ExitKind, TraceLevel};
use goroutines_notebook::web::runtime_driver::{performance_now, BrowserRun};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const WORKERS: &str = r#"package main

import (
	"fmt"
	"sync"
	"time"
)

func worker(id int, wg *sync.WaitGroup, results chan<- string) {
	defer wg.Done()
	time.Sleep(time.Duration(id) * 100 * time.Millisecond)
	results <- fmt.Sprintf("worker %d done", id)
}

func main() {
	var wg sync.WaitGroup
	results := make(chan string, 3)
	for i := 1; i <= 3; i++ {
		wg.Add(1)
		go worker(i, &wg, results)
	}
	wg.Wait()
	close(results)
	for r := range results {
		fmt.Println(r)
	}
}
"#;

fn program(src: &str) -> goroutines_notebook::runtime::Program {
    go::build(src, go::vm::Limits::default()).expect("compiles")
}

async fn wait_for_end(run: &BrowserRun, max_ms: f64) {
    let start = performance_now();
    while !run.is_finished() && performance_now() - start < max_ms {
        TimeoutFuture::new(10).await;
    }
}

#[wasm_bindgen_test]
async fn interpreted_goroutines_print_like_virtual_time() {
    let expected = run_virtual(program(WORKERS));
    assert_eq!(expected.stdout, vec!["worker 1 done", "worker 2 done", "worker 3 done"]);
    let started = performance_now();
    let run = BrowserRun::start(program(WORKERS), 10.0, TraceLevel::Full);
    wait_for_end(&run, 5_000.0).await;
    assert!(run.is_finished(), "the run did not end");
    assert_eq!(run.control().lines_since(0), expected.lines);
    assert_eq!(run.control().exited().unwrap().status, 0);
    // 300 ms of virtual time at 10× take about 30 ms of real time.
    assert!(performance_now() - started >= 25.0);
    assert!(!run.has_pending_timer());
}

#[wasm_bindgen_test]
async fn an_endless_loop_leaves_the_page_responsive_and_stops_at_once() {
    let src = "package main\n\nfunc main() {\n\tfor {\n\t}\n}\n";
    let mut limits = go::vm::Limits::default();
    limits.cpu_budget = None;
    let mut run = BrowserRun::start(go::build(src, limits).expect("compiles"), 1.0, TraceLevel::Counts);
    // Timers still fire while it spins: the page's own tasks get their turn.
    let before = performance_now();
    TimeoutFuture::new(50).await;
    let waited = performance_now() - before;
    assert!(waited < 500.0, "a 50 ms timer took {waited} ms");
    assert!(!run.is_finished());
    run.stop();
    assert_eq!(run.control().exited().unwrap().kind, ExitKind::Stopped);
}

#[wasm_bindgen_test]
async fn a_deadlock_in_interpreted_code_is_reported_in_the_page() {
    let src = "package main\n\nfunc main() {\n\tch := make(chan int)\n\t<-ch\n}\n";
    let run = BrowserRun::start(program(src), 1.0, TraceLevel::Full);
    wait_for_end(&run, 2_000.0).await;
    let exit = run.control().exited().expect("ended");
    assert_eq!(exit.kind, ExitKind::Deadlock);
    let stderr: Vec<String> = run.control().lines_since(0).into_iter().map(|l| l.text).collect();
    assert_eq!(stderr[0], "fatal error: all goroutines are asleep - deadlock!");
}
