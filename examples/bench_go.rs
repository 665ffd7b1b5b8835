//! Benchmark (not a test) of the Go interpreter, side by side in one run with the compiled
//! runtime path, native Go 1.27.3 and CPython 3:
//!
//! - sleepers: N goroutines each `time.Sleep(100ms)` once then `wg.Done()`
//!   (`tests/bench/interp/sleepers.go`), µs per goroutine beyond the sleep and heap bytes per
//!   parked goroutine; CPython's asyncio with N tasks (`sleepers.py`);
//! - CPU: `fib(30)` by naive recursion (`fib.go`, `fib.py`);
//! - compile: parse + check + compile of the lesson's two programs.
//!
//! ```text
//! cargo run --profile engine --example bench_go [-- N]
//! ```
//! Go comes from `$GO_ORACLE` or `.venv-go/bin/go` (scripts/test.sh installs it); a missing
//! tool is reported and skipped.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use goroutines_notebook::go;
use goroutines_notebook::runtime::{Program, TraceLevel, VirtualRun};

#[path = "support/sleepers.rs"]
mod sleepers;
use sleepers::compiled_sleepers;

#[path = "support/counting_alloc.rs"]
mod counting_alloc;

use counting_alloc::{LIVE, PEAK};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(root().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Runs a program to its end; returns (wall time, peak heap bytes above the start).
fn measure(program: Program) -> (Duration, usize) {
    let base = LIVE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let start = Instant::now();
    let mut run = VirtualRun::new(program, TraceLevel::Counts);
    run.run_to_end();
    let elapsed = start.elapsed();
    let peak = PEAK.load(Ordering::Relaxed).saturating_sub(base);
    let report = run.report();
    assert_eq!(report.status, 0, "{}", report.stderr);
    (elapsed, peak)
}

fn go_binary() -> Option<PathBuf> {
    let path = std::env::var_os("GO_ORACLE").map(PathBuf::from).unwrap_or_else(|| root().join(".venv-go/bin/go"));
    path.exists().then_some(path)
}

/// Builds and runs a Go file natively; returns its stdout.
fn native_go(go: &Path, file: &str, n: Option<usize>) -> Option<String> {
    let dir = std::env::temp_dir().join(format!("bench_go_{}", std::process::id()));
    std::fs::create_dir_all(&dir).ok()?;
    let mut src = read(file);
    if let Some(n) = n {
        src = src.replace("const n = 100000", &format!("const n = {n}"));
        // Time the run from inside, like the interpreter's wall time.
        src = src.replace("\tvar wg sync.WaitGroup", "\tstart := time.Now()\n\tvar wg sync.WaitGroup");
        src = src.replace("\tfmt.Println(n)", "\tfmt.Println(n, time.Since(start).Microseconds())");
    }
    std::fs::write(dir.join("prog.go"), src).ok()?;
    let built = Command::new(go)
        .args(["build", "-o", "prog", "prog.go"])
        .current_dir(&dir)
        .env("GOTOOLCHAIN", "local")
        .env("GO111MODULE", "off")
        .env("GOPROXY", "off")
        .status()
        .ok()?;
    if !built.success() {
        return None;
    }
    let out = Command::new(dir.join("prog")).output().ok()?;
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

fn python(file: &str, arg: Option<usize>) -> Option<String> {
    let mut cmd = Command::new("python3");
    cmd.arg(root().join(file));
    if let Some(a) = arg {
        cmd.arg(a.to_string());
    }
    let out = cmd.output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

fn field(out: &str, i: usize) -> Option<f64> {
    out.split_whitespace().nth(i)?.parse().ok()
}

fn main() {
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let go = go_binary();

    println!("== sleepers: {n} goroutines each sleep 100 ms once, then wg.Done()");
    let src = read("tests/bench/interp/sleepers.go").replace("const n = 100000", &format!("const n = {n}"));
    let (t, peak) = measure(go::build(&src, go::vm::Limits::default()).expect("sleepers.go compiles"));
    let interp_us = t.as_secs_f64() * 1e6 / n as f64;
    println!("interpreted   {interp_us:8.3} µs/goroutine   {:6} B/parked goroutine", peak / n);
    let (t, peak) = measure(compiled_sleepers(n));
    let compiled_us = t.as_secs_f64() * 1e6 / n as f64;
    println!("compiled      {compiled_us:8.3} µs/goroutine   {:6} B/parked goroutine", peak / n);
    match go.as_deref().and_then(|g| native_go(g, "tests/bench/interp/sleepers.go", Some(n))) {
        Some(out) => {
            let total_us = field(&out, 1).unwrap_or(f64::NAN);
            println!("native Go     {:8.3} µs/goroutine (beyond the 100 ms sleep)", (total_us - 100_000.0) / n as f64);
        }
        None => println!("native Go     (not available: run scripts/test.sh to install Go 1.27.3)"),
    }
    match python("tests/bench/interp/sleepers.py", Some(n)) {
        Some(out) => println!("CPython async {:8.3} µs/task (beyond the sleep)", field(&out, 1).unwrap_or(f64::NAN)),
        None => println!("CPython async (python3 not available)"),
    }
    println!("interpreted / compiled: {:.2}×", interp_us / compiled_us);

    println!("\n== CPU: fib(30), naive recursion");
    let fib = read("tests/bench/interp/fib.go");
    let program = go::build(&fib, go::vm::Limits { cpu_budget: None, ..go::vm::Limits::default() }).expect("fib.go");
    let (t, _) = measure(program);
    println!("interpreted   {:8.1} ms", t.as_secs_f64() * 1e3);
    match go.as_deref().and_then(|g| native_go(g, "tests/bench/interp/fib.go", None)) {
        Some(out) => println!("native Go     {:8.1} ms", field(&out, 1).unwrap_or(f64::NAN) / 1e3),
        None => println!("native Go     (not available)"),
    }
    match python("tests/bench/interp/fib.py", None) {
        Some(out) => println!("CPython 3     {:8.1} ms", field(&out, 1).unwrap_or(f64::NAN) / 1e3),
        None => println!("CPython 3     (python3 not available)"),
    }

    println!("\n== compile: parse + check + compile the lesson's two programs");
    let programs = goroutines_notebook::lesson::lesson().go_programs();
    let rounds = 1_000;
    let start = Instant::now();
    for _ in 0..rounds {
        for src in &programs {
            std::hint::black_box(go::compile::compile_source(src).is_ok());
        }
    }
    println!("both programs {:8.1} µs", start.elapsed().as_secs_f64() * 1e6 / rounds as f64);
}
