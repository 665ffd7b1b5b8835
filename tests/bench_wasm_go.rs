//! Benchmark (not a test suite run by CI): the Go interpreter inside headless Chromium.
//! Prints fib(30), the compile time of the lesson's two programs and 10^5 sleeping
//! goroutines in virtual time, as the page would run them.
//!
//! ```sh
//! CHROMEDRIVER=/usr/bin/chromedriver cargo test --profile engine --target wasm32-unknown-unknown \
//!     --test bench_wasm_go -- --nocapture
//! ```
#![cfg(target_arch = "wasm32")]

use goroutines_notebook::go;
use goroutines_notebook::runtime::{TraceLevel, VirtualRun};
use goroutines_notebook::web::runtime_driver::performance_now;
use wasm_bindgen_test::{console_log, wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn run_ms(src: &str) -> f64 {
    let limits = go::vm::Limits { cpu_budget: None, ..go::vm::Limits::default() };
    let program = go::build(src, limits).expect("compiles");
    let start = performance_now();
    let mut run = VirtualRun::new(program, TraceLevel::Counts);
    run.run_to_end();
    let took = performance_now() - start;
    assert_eq!(run.report().status, 0);
    took
}

#[wasm_bindgen_test]
fn interpreter_figures_in_chromium() {
    let fib = include_str!("bench/interp/fib.go");
    let best = (0..3).map(|_| run_ms(fib)).fold(f64::INFINITY, f64::min);
    console_log!("fib(30) interpreted in Chromium: {best:.1} ms (best of 3)");

    let programs = goroutines_notebook::lesson::lesson().go_programs();
    let rounds = 200;
    let start = performance_now();
    for _ in 0..rounds {
        for src in &programs {
            assert!(go::compile::compile_source(src).is_ok());
        }
    }
    console_log!("compile both lesson programs in Chromium: {:.3} ms", (performance_now() - start) / rounds as f64);

    let n = 100_000;
    let sleepers = include_str!("bench/interp/sleepers.go");
    let took = run_ms(sleepers);
    console_log!("{n} sleeping goroutines in virtual time, Chromium: {:.3} µs/goroutine", took * 1000.0 / n as f64);
}
