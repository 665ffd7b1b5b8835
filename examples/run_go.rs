//! Runs a Go file with the notebook's interpreter, natively, as `go build` + running the
//! binary would: stdout to stdout, compile errors / panics / deadlock to stderr, Go's status.
//!
//! ```sh
//! cargo run --release --example run_go -- FILE.go [--trace] [--real-time]
//! ```
//! Virtual time by default (sleeps take no real time); `--real-time` waits for real between
//! instants and prints lines as they come; `--trace` writes the run's events to stderr.

use std::io::Write;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use goroutines_notebook::go;
use goroutines_notebook::runtime::{Stream, TraceLevel, VirtualRun};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let trace = args.iter().any(|a| a == "--trace");
    let real_time = args.iter().any(|a| a == "--real-time");
    let Some(path) = args.iter().find(|a| !a.starts_with("--")) else {
        eprintln!("usage: run_go FILE.go [--trace] [--real-time]");
        return ExitCode::from(2);
    };
    let src = match std::fs::read_to_string(path) {
        Ok(src) => src,
        Err(e) => {
            eprintln!("run_go: {path}: {e}");
            return ExitCode::from(2);
        }
    };
    let mut limits = go::vm::Limits::default();
    if real_time {
        limits.cpu_budget = None;
    }
    let program = match go::build(&src, limits) {
        Ok(program) => program,
        Err(lines) => {
            for line in lines {
                eprintln!("{line}");
            }
            return ExitCode::from(1);
        }
    };
    let level = if trace { TraceLevel::Full } else { TraceLevel::Counts };
    let mut run = VirtualRun::new(program, level);
    let started = Instant::now();
    let mut printed = 0;
    let exit = loop {
        let progress = run.step(if real_time { 1 } else { 100_000 });
        if real_time {
            let rt = run.control();
            let lines = rt.lines_since(printed);
            printed += lines.len();
            for line in lines.iter().filter(|l| l.stream == Stream::Stdout) {
                println!("{}", line.text);
            }
            let _ = std::io::stdout().flush();
            if let Some(wait) = rt.now().checked_sub(started.elapsed()) {
                std::thread::sleep(wait.min(Duration::from_secs(3600)));
            }
        }
        if let goroutines_notebook::runtime::Progress::Finished(exit) = progress {
            break exit;
        }
    };
    let report = run.report();
    if !real_time {
        print!("{}", report.stdout_text());
    }
    let _ = std::io::stdout().flush();
    if !report.stderr.is_empty() {
        eprintln!("{}", report.stderr);
    }
    if trace {
        for event in &report.events {
            eprintln!("{} g{} {:?}", event.at.as_nanos(), event.gid, event.kind);
        }
    }
    ExitCode::from(exit.status.clamp(0, 255) as u8)
}
