//! Benchmark (not a test) for instruction counts: only the sleepers workload of `bench_go`
//! (N goroutines each `time.Sleep(100ms)` once, then `wg.Done()`), on one path, so
//! `valgrind --tool=callgrind` or `--tool=cachegrind` counts it alone.
//!
//! ```text
//! cargo build --release --example bench_sleepers
//! valgrind --tool=cachegrind --cache-sim=no target/engine/examples/bench_sleepers interp 100000
//! valgrind --tool=cachegrind --cache-sim=no target/engine/examples/bench_sleepers compiled 100000
//! ```

use std::time::Instant;

use goroutines_notebook::go;
use goroutines_notebook::runtime::{TraceLevel, VirtualRun};

#[path = "support/sleepers.rs"]
mod sleepers;
use sleepers::compiled_sleepers;

fn main() {
    let mut args = std::env::args().skip(1);
    let mode = args.next().unwrap_or_else(|| "interp".to_owned());
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let program = match mode.as_str() {
        "compiled" => compiled_sleepers(n),
        _ => {
            let src = include_str!("../tests/bench/interp/sleepers.go")
                .replace("const n = 100000", &format!("const n = {n}"));
            go::build(&src, go::vm::Limits::default()).expect("sleepers.go compiles")
        }
    };
    let start = Instant::now();
    let mut run = VirtualRun::new(program, TraceLevel::Counts);
    run.run_to_end();
    let elapsed = start.elapsed();
    let report = run.report();
    assert_eq!(report.status, 0, "{}", report.stderr);
    println!("{mode} {:.3} µs/goroutine", elapsed.as_secs_f64() * 1e6 / n as f64);
}
