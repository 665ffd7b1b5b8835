//! Benchmark (not a test): 1,000,000 goroutines that each sleep once, in virtual time, trace
//! level `Counts`. Prints nanoseconds per goroutine and heap bytes per parked goroutine,
//! measured with a counting global allocator.
//!
//! ```text
//! cargo run --release --example bench_native [-- <goroutines>]
//! ```
//! Targets: whole run ≤ 1 s, ≤ 256 B per parked goroutine.

use std::sync::atomic::Ordering;
use std::time::Instant;

use goroutines_notebook::runtime::{Progress, TraceLevel, VirtualRun};
use goroutines_notebook::scenarios::{program, Params, ScenarioId};

#[path = "support/counting_alloc.rs"]
mod counting_alloc;

use counting_alloc::{LIVE, PEAK};

fn main() {
    let n: u64 = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(1_000_000);
    let mut params = Params::defaults(ScenarioId::Many);
    params.set("goroutines", n as i128);
    params.set("pause_ms", 100);

    // Whole run, timed.
    let start = Instant::now();
    let mut run = VirtualRun::new(program(&params), TraceLevel::Counts);
    run.run_to_end();
    let elapsed = start.elapsed();
    let report = run.report();
    drop(run);
    assert_eq!(report.summary.finished, n + 1, "every goroutine finishes");

    // Second run, stopped when every goroutine is parked on its sleep, to weigh the parked state.
    let baseline = LIVE.load(Ordering::Relaxed);
    let mut run = VirtualRun::new(program(&params), TraceLevel::Counts);
    loop {
        let c = run.control().counters();
        if c.sleeping == n && c.runnable == 0 {
            break;
        }
        // Exactly the runnable ones: the slice ends before virtual time can jump.
        if let Progress::Finished(_) = run.step(c.runnable.max(1) as usize) {
            panic!("finished before every goroutine was parked");
        }
    }
    let parked_bytes = LIVE.load(Ordering::Relaxed) - baseline;
    drop(run);

    println!("goroutines:              {n}");
    println!("whole run (wall):        {:.3} s", elapsed.as_secs_f64());
    println!("per goroutine:           {:.0} ns", elapsed.as_nanos() as f64 / n as f64);
    println!("heap while all parked:   {:.1} MiB", parked_bytes as f64 / (1024.0 * 1024.0));
    println!("per parked goroutine:    {:.0} B", parked_bytes as f64 / n as f64);
    println!("peak heap:               {:.1} MiB", PEAK.load(Ordering::Relaxed) as f64 / (1024.0 * 1024.0));
    println!("virtual end time:        {:?}", report.end_time);
    println!("stdout:                  {}", report.stdout.join(" | "));
}
