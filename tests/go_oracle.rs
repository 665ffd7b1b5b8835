//! Real Go 1.27.3 as the oracle of the presets: each preset's rendered source is built by real
//! Go (module mode, `go 1.27`, as the Playground builds) and run at three small parameter sets;
//! its stdout must equal the interpreter's, compared as multisets within groups of lines
//! printed at the same virtual instant (Go gives no order inside an instant), its exit status
//! must match, and so must the first stderr line (`panic:` / `fatal error:`).
//!
//! Pauses are short (tens of milliseconds) and chosen so that no two instants are closer than
//! 15 ms. The oracle is found by `tests/support/oracle.rs` (fails under CI when missing).
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::Command;

use goroutines_notebook::runtime::{run_virtual, Stream};
use goroutines_notebook::scenarios::{go_source, program, Params, ScenarioId};

#[path = "support/oracle.rs"]
mod oracle;

/// Three parameter sets per preset; `every_preset_has_three_oracle_cases` keeps it so.
const CASES: &[(&str, &[(&str, i128)])] = &[
    ("simple", &[("goroutines", 2), ("iterations", 3), ("pause_ms", 30), ("main_wait_ms", 150)]),
    ("simple", &[("goroutines", 5), ("iterations", 2), ("pause_ms", 40), ("main_wait_ms", 120)]),
    ("simple", &[("goroutines", 1), ("iterations", 2), ("pause_ms", 20), ("main_wait_ms", 100)]),
    ("premature", &[("goroutines", 2), ("iterations", 3), ("pause_ms", 40), ("main_wait_ms", 60)]),
    ("premature", &[("goroutines", 3), ("iterations", 4), ("pause_ms", 40), ("main_wait_ms", 100)]),
    ("premature", &[("goroutines", 6), ("iterations", 2), ("pause_ms", 50), ("main_wait_ms", 30)]),
    ("waitgroup", &[("workers", 2), ("work_ms", 40)]),
    ("waitgroup", &[("workers", 5), ("work_ms", 0)]),
    ("waitgroup", &[("workers", 10), ("work_ms", 25)]),
    ("forgotten-done", &[("workers", 3), ("work_ms", 30), ("forgetful", 1)]),
    ("forgotten-done", &[("workers", 2), ("work_ms", 20), ("forgetful", 2)]),
    ("forgotten-done", &[("workers", 4), ("work_ms", 20), ("forgetful", 4)]),
    ("wg-by-value", &[("workers", 2), ("work_ms", 30)]),
    ("wg-by-value", &[("workers", 4), ("work_ms", 20)]),
    ("wg-by-value", &[("workers", 1), ("work_ms", 25)]),
    ("negative-counter", &[("workers", 2), ("work_ms", 30)]),
    ("negative-counter", &[("workers", 3), ("work_ms", 20)]),
    ("negative-counter", &[("workers", 4), ("work_ms", 20)]),
    ("channel", &[("workers", 3), ("work_ms", 30), ("buffer", 0)]),
    ("channel", &[("workers", 4), ("work_ms", 20), ("buffer", 2)]),
    ("channel", &[("workers", 2), ("work_ms", 25), ("buffer", 5)]),
    ("pool", &[("jobs", 6), ("workers", 2), ("job_ms", 30)]),
    ("pool", &[("jobs", 5), ("workers", 3), ("job_ms", 20)]),
    ("pool", &[("jobs", 8), ("workers", 4), ("job_ms", 25)]),
    ("leak", &[("leaks", 2), ("main_wait_ms", 40)]),
    ("leak", &[("leaks", 5), ("main_wait_ms", 30)]),
    ("leak", &[("leaks", 1), ("main_wait_ms", 20)]),
    ("many", &[("goroutines", 1000), ("pause_ms", 30)]),
    ("many", &[("goroutines", 100), ("pause_ms", 0)]),
    ("many", &[("goroutines", 5000), ("pause_ms", 50)]),
];

fn params(name: &str, values: &[(&str, i128)]) -> Params {
    let mut params = Params::defaults(ScenarioId::from_name(name).unwrap());
    for (key, value) in values {
        assert!(params.set(key, *value).is_none(), "{name}: {key}={value} out of bounds");
    }
    params
}

fn work_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("go_oracle");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Builds one source into a binary, in module mode with a `go.mod` at go 1.27: without one,
/// cmd/go would apply Go 1.20's GODEBUG defaults.
fn build_go(go: &Path, dir: &Path, tag: &str, source: &str) -> PathBuf {
    let module = dir.join(tag);
    std::fs::create_dir_all(&module).unwrap();
    std::fs::write(module.join("go.mod"), "module prog\n\ngo 1.27\n").unwrap();
    std::fs::write(module.join("prog.go"), source).unwrap();
    let bin = dir.join(format!("{tag}.bin"));
    let build = Command::new(go)
        .args(["build", "-o"])
        .arg(&bin)
        .arg(".")
        .current_dir(&module)
        .env("GOTOOLCHAIN", "local")
        .env("GO111MODULE", "on")
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
fn interpreted_presets_match_real_go() {
    let Some(go) = oracle::go_oracle("go_oracle") else { return };
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
    let Some(go) = oracle::go_oracle("go_oracle gofmt") else { return };
    let goroot = Command::new(&go).args(["env", "GOROOT"]).env("GOTOOLCHAIN", "local").output().expect("go env");
    let gofmt = PathBuf::from(String::from_utf8_lossy(&goroot.stdout).trim()).join("bin/gofmt");
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
    let out = Command::new(gofmt).arg("-l").args(&files).output().expect("gofmt");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "", "files gofmt would change");
}

#[test]
fn every_preset_has_three_oracle_cases() {
    for id in ScenarioId::ALL {
        let cases = CASES.iter().filter(|(name, _)| *name == id.name()).count();
        assert_eq!(cases, 3, "{}: {cases} oracle cases", id.name());
    }
}
