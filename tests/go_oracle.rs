//! Real Go as the oracle: each scenario's rendered source is built with the `go` tool and run at
//! two small parameter sets; its stdout must equal the runtime's, compared as multisets within
//! groups of lines printed at the same virtual instant (Go gives no order inside an instant),
//! its exit status must match, and so must the first stderr line (`panic:` / `fatal error:`).
//!
//! Pauses are short (tens of milliseconds) and chosen so that no two instants are closer than
//! 15 ms. Without `go` on PATH the tests print why and pass.

use std::path::{Path, PathBuf};
use std::process::Command;

use goroutines_notebook::runtime::{run_virtual, Stream};
use goroutines_notebook::scenarios::{go_source, program, Params, ScenarioId};

const CASES: &[(&str, &[(&str, i128)])] = &[
    ("simple", &[("goroutines", 2), ("iterations", 3), ("pause_ms", 30), ("main_wait_ms", 150)]),
    ("simple", &[("goroutines", 5), ("iterations", 2), ("pause_ms", 40), ("main_wait_ms", 120)]),
    ("premature", &[("goroutines", 2), ("iterations", 3), ("pause_ms", 40), ("main_wait_ms", 60)]),
    ("premature", &[("goroutines", 3), ("iterations", 4), ("pause_ms", 40), ("main_wait_ms", 100)]),
    ("waitgroup", &[("workers", 2), ("work_ms", 40)]),
    ("waitgroup", &[("workers", 5), ("work_ms", 0)]),
    ("forgotten-done", &[("workers", 3), ("work_ms", 30), ("forgetful", 1)]),
    ("forgotten-done", &[("workers", 2), ("work_ms", 20), ("forgetful", 2)]),
    ("wg-by-value", &[("workers", 2), ("work_ms", 30)]),
    ("wg-by-value", &[("workers", 4), ("work_ms", 20)]),
    ("negative-counter", &[("workers", 2), ("work_ms", 30)]),
    ("negative-counter", &[("workers", 3), ("work_ms", 20)]),
    ("channel", &[("workers", 3), ("work_ms", 30), ("buffer", 0)]),
    ("channel", &[("workers", 4), ("work_ms", 20), ("buffer", 2)]),
    ("pool", &[("jobs", 6), ("workers", 2), ("job_ms", 30)]),
    ("pool", &[("jobs", 5), ("workers", 3), ("job_ms", 20)]),
    ("leak", &[("leaks", 2), ("main_wait_ms", 40)]),
    ("leak", &[("leaks", 5), ("main_wait_ms", 30)]),
    ("many", &[("goroutines", 1000), ("pause_ms", 30)]),
    ("many", &[("goroutines", 100), ("pause_ms", 0)]),
];

fn params(name: &str, values: &[(&str, i128)]) -> Params {
    let mut params = Params::defaults(ScenarioId::from_name(name).unwrap());
    for (key, value) in values {
        assert!(params.set(key, *value).is_none(), "{name}: {key}={value} out of bounds");
    }
    params
}

fn tool(name: &str) -> Option<PathBuf> {
    let found = Command::new(name).arg("version").output().is_ok()
        || Command::new(name).arg("-h").output().is_ok_and(|o| !o.stderr.is_empty() || o.status.success());
    found.then(|| PathBuf::from(name))
}

fn work_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("go_oracle");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Builds one source into a binary.
fn build_go(go: &Path, dir: &Path, tag: &str, source: &str) -> PathBuf {
    let src = dir.join(format!("{tag}.go"));
    let bin = dir.join(format!("{tag}.bin"));
    std::fs::write(&src, source).unwrap();
    let gocache = std::env::var_os("GOCACHE").map_or_else(|| dir.join("gocache"), PathBuf::from);
    let build = Command::new(go)
        .args(["build", "-o"])
        .arg(&bin)
        .arg(&src)
        .env("GOCACHE", gocache)
        .env("GO111MODULE", "off")
        .env("GOFLAGS", "")
        .output()
        .expect("go build");
    assert!(build.status.success(), "{tag}: go build failed:\n{}\n{source}", String::from_utf8_lossy(&build.stderr));
    bin
}

/// Runs a built program; returns (stdout lines, stderr, status).
fn run_bin(bin: &Path) -> (Vec<String>, String, i32) {
    let run = Command::new(bin).output().expect("run");
    let stdout = String::from_utf8(run.stdout).unwrap().lines().map(str::to_owned).collect();
    (stdout, String::from_utf8_lossy(&run.stderr).into_owned(), run.status.code().unwrap_or(-1))
}

/// Builds in parallel, then runs one program at a time so that the builds' CPU load cannot
/// blur the programs' timing. A mismatch is retried twice: only OS jitter larger than the
/// 15 ms margins can make real Go differ, and it would not repeat three times.
#[test]
fn runtime_matches_real_go() {
    let Some(go) = tool("go") else {
        println!("SKIPPED: `go` is not on PATH; install Go (Debian golang-go) to run the oracle");
        return;
    };
    let dir = work_dir();
    let built: Vec<(Params, PathBuf)> = std::thread::scope(|scope| {
        let handles: Vec<_> = CASES
            .iter()
            .enumerate()
            .map(|(index, (name, values))| {
                let (go, dir) = (&go, &dir);
                scope.spawn(move || {
                    let params = params(name, values);
                    let tag = format!("{index:02}_{}", name.replace('-', "_"));
                    let bin = build_go(go, dir, &tag, &go_source(&params).text());
                    (params, bin)
                })
            })
            .collect();
        handles.into_iter().map(|handle| handle.join().unwrap()).collect()
    });
    let mut failures = Vec::new();
    for (index, (params, bin)) in built.iter().enumerate() {
        let mut outcome = Ok(());
        for _attempt in 0..3 {
            let (go_stdout, go_stderr, go_status) = run_bin(bin);
            outcome = compare(index, params, &go_stdout, &go_stderr, go_status);
            if outcome.is_ok() {
                break;
            }
        }
        failures.extend(outcome.err());
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

fn compare(index: usize, params: &Params, go_stdout: &[String], go_stderr: &str, go_status: i32) -> Result<(), String> {
    let report = run_virtual(program(params));
    let label = format!("case {index} ({}, {params:?})", params.scenario().name());
    let stdout: Vec<_> = report.lines.iter().filter(|l| l.stream == Stream::Stdout).collect();
    if report.status != go_status {
        return Err(format!("{label}: status {} vs Go {go_status}\nGo stderr: {go_stderr}", report.status));
    }
    if stdout.len() != go_stdout.len() {
        return Err(format!(
            "{label}: {} lines vs Go {}\nours: {:?}\nGo: {go_stdout:?}",
            stdout.len(),
            go_stdout.len(),
            report.stdout
        ));
    }
    let mut start = 0;
    while start < stdout.len() {
        let at = stdout[start].at;
        let end = start + stdout[start..].iter().take_while(|l| l.at == at).count();
        let mut ours: Vec<&str> = stdout[start..end].iter().map(|l| l.text.as_str()).collect();
        let mut theirs: Vec<&str> = go_stdout[start..end].iter().map(String::as_str).collect();
        ours.sort_unstable();
        theirs.sort_unstable();
        if ours != theirs {
            return Err(format!(
                "{label}: instant {at:?} differs\nours: {ours:?}\nGo:   {theirs:?}\nall Go lines: {go_stdout:?}"
            ));
        }
        start = end;
    }
    let our_first = report.stderr.lines().next().unwrap_or("");
    let go_first = go_stderr.lines().next().unwrap_or("");
    if our_first != go_first && !is_go_waitgroup_race(params, our_first, go_first) {
        return Err(format!("{label}: stderr {our_first:?} vs Go {go_first:?}"));
    }
    Ok(())
}

/// In `negative-counter` the counter passes 0 (releasing main from `Wait`) just before the
/// extra `Done` takes it to -1. Real Go then races two panics: the worker's « negative
/// WaitGroup counter » and main's « WaitGroup is reused before previous Wait has returned »
/// (main re-checks the counter as it wakes). Both exit with status 2 and print the same
/// stdout; the runtime always reports the first, which is the bug the scenario teaches.
fn is_go_waitgroup_race(params: &Params, ours: &str, go: &str) -> bool {
    params.scenario() == ScenarioId::NegativeCounter
        && ours == "panic: sync: negative WaitGroup counter"
        && go == "panic: sync: WaitGroup is reused before previous Wait has returned"
}

/// The rendered sources are exactly what gofmt prints, at defaults and at the oracle's params.
#[test]
fn rendered_sources_are_gofmt_clean() {
    let Some(_) = tool("go") else {
        println!("SKIPPED: Go tools are not on PATH");
        return;
    };
    let dir = work_dir().join("gofmt");
    std::fs::create_dir_all(&dir).unwrap();
    let mut all: Vec<Params> = ScenarioId::ALL.iter().map(|id| Params::defaults(*id)).collect();
    all.extend(CASES.iter().map(|(name, values)| params(name, values)));
    let mut files = Vec::new();
    for (index, params) in all.iter().enumerate() {
        let path = dir.join(format!("{index:02}.go"));
        std::fs::write(&path, go_source(params).text()).unwrap();
        files.push(path);
    }
    let out = Command::new("gofmt").arg("-l").args(&files).output().expect("gofmt");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "", "files gofmt would change");
}
