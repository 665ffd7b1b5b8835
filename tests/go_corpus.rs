//! The Go corpus (`tests/go/*.go`): each program run by the interpreter in virtual time must
//! print what real Go 1.27.3 printed (its `.golden`, recorded by `scripts/go_corpus.py`):
//! the same stdout, the same exit status, the same compile errors or first stderr line, and
//! for a deadlock the same goroutine wait reasons.

use std::fs;
use std::path::{Path, PathBuf};

use goroutines_notebook::go;

/// Programs the interpreter does not pass yet, with the reason. The test fails if one of
/// them starts passing, so the list only shrinks.
const KNOWN_FAILURES: &[(&str, &str)] = &[];

struct Golden {
    status: i32,
    stdout: String,
    stderr: String,
    goroutines: Vec<String>,
}

fn section(text: &str, name: &str) -> Option<String> {
    let header = format!("-- {name} --\n");
    let start = text.find(&header)? + header.len();
    let rest = &text[start..];
    if rest.starts_with("-- ") {
        return Some(String::new());
    }
    let end = rest.find("\n-- ").map(|i| i + 1).unwrap_or(rest.len());
    Some(rest[..end].to_owned())
}

fn golden(path: &Path) -> Golden {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let status = section(&text, "status").and_then(|s| s.trim().parse().ok()).expect("status section");
    let mut stdout = section(&text, "stdout").unwrap_or_default();
    if text.contains("-- no newline at end of stdout --") {
        stdout.pop();
    }
    let stderr = section(&text, "stderr").unwrap_or_default();
    let goroutines = section(&text, "goroutines").unwrap_or_default().lines().map(str::to_owned).collect();
    Golden { status, stdout, stderr, goroutines }
}

fn programs(dir: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut paths: Vec<PathBuf> = fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("{}: {e}", root.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "go"))
        .collect();
    paths.sort();
    paths
}

/// `[reason]` of each `goroutine N [reason]:` header in our stderr.
fn wait_reasons(stderr: &str) -> Vec<String> {
    stderr
        .lines()
        .filter(|l| l.starts_with("goroutine "))
        .filter_map(|l| l.find('[').map(|i| l[i..].trim_end_matches(':').to_owned()))
        .collect()
}

/// Differences between a run and its golden, empty when it matches.
fn check(path: &Path) -> Vec<String> {
    let src = fs::read_to_string(path).expect("source");
    let want = golden(&path.with_extension("golden"));
    let got = go::run_virtual(&src, go::vm::Limits::default());
    let mut diffs = Vec::new();
    if got.status != want.status {
        diffs.push(format!("status: want {}, got {}", want.status, got.status));
    }
    if got.stdout != want.stdout {
        diffs.push(format!("stdout:\n--- want\n{}--- got\n{}", want.stdout, got.stdout));
    }
    let stderr_ok = if want.status == 1 {
        got.stderr.trim_end() == want.stderr.trim_end()
    } else {
        got.stderr.lines().next().unwrap_or("") == want.stderr.lines().next().unwrap_or("")
    };
    if !stderr_ok {
        diffs.push(format!("stderr:\n--- want\n{}--- got\n{}", want.stderr, got.stderr));
    }
    if !want.goroutines.is_empty() {
        let mut w = want.goroutines.clone();
        let mut g = wait_reasons(&got.stderr);
        w.sort();
        g.sort();
        if w != g {
            diffs.push(format!("goroutine wait reasons: want {w:?}, got {g:?}"));
        }
    }
    diffs
}

fn run_dir(dir: &str) {
    let mut failures = Vec::new();
    let mut fixed = Vec::new();
    let mut passed = 0;
    for path in programs(dir) {
        let name = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let diffs = check(&path);
        if !diffs.is_empty() && std::env::var_os("GO_CORPUS_VERBOSE").is_some() {
            eprintln!("== {name}\n{}", diffs.join("\n"));
        }
        let known = KNOWN_FAILURES.iter().any(|(n, _)| *n == name);
        match (diffs.is_empty(), known) {
            (true, false) => passed += 1,
            (true, true) => fixed.push(name),
            (false, true) => {}
            (false, false) => failures.push(format!("== {name}\n{}", diffs.join("\n"))),
        }
    }
    println!("{dir}: {passed} programs match real Go");
    assert!(fixed.is_empty(), "now passing, remove from KNOWN_FAILURES: {fixed:?}");
    assert!(failures.is_empty(), "{} programs differ from real Go:\n{}", failures.len(), failures.join("\n\n"));
}

#[test]
fn corpus_matches_real_go() {
    run_dir("tests/go");
}

#[test]
fn unsupported_constructs_are_reported_in_french() {
    run_dir("tests/go/unsupported");
}
