//! `go::format::format_source` against gofmt: corpus programs (gofmt-clean) come back
//! unchanged, deliberately messy fixtures (tests/fixtures/gofmt/*.input.go) give the output
//! real gofmt recorded (*.golden.go), the lesson's space-indented programs become the
//! presets' tab-indented sources, formatting is idempotent, and random or mutated text never
//! panics. With the Go oracle present, every corpus program is also compared with gofmt live.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

use goroutines_notebook::go::format::format_source;

/// Corpus files where we knowingly differ from gofmt, with why.
const KNOWN_DIFFERENCES: &[(&str, &str)] = &[];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn go_files(dir: &Path) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> =
        fs::read_dir(dir).map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect()).unwrap_or_default();
    paths.retain(|p| p.extension().is_some_and(|x| x == "go"));
    paths.sort();
    paths
}

fn corpus() -> Vec<(String, String)> {
    let mut files = go_files(&root().join("tests/go"));
    files.extend(go_files(&root().join("tests/go/unsupported")));
    files
        .into_iter()
        .filter_map(|p| {
            let name = p.file_name()?.to_string_lossy().into_owned();
            Some((name, fs::read_to_string(&p).ok()?))
        })
        .collect()
}

fn known(name: &str) -> bool {
    KNOWN_DIFFERENCES.iter().any(|(n, _)| *n == name)
}

/// A readable first difference between two texts.
fn first_diff(got: &str, want: &str) -> String {
    for (i, (g, w)) in got.lines().zip(want.lines()).enumerate() {
        if g != w {
            return format!("line {}:\n  got:  {g:?}\n  want: {w:?}", i + 1);
        }
    }
    format!("lengths differ: got {} lines, want {}", got.lines().count(), want.lines().count())
}

#[test]
fn corpus_programs_are_unchanged_and_idempotent() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for (name, src) in corpus() {
        let Ok(out) = format_source(&src) else { continue };
        checked += 1;
        if out != src && !known(&name) {
            failures.push(format!("{name}: {}", first_diff(&out, &src)));
        }
        match format_source(&out) {
            Ok(again) if again == out => {}
            Ok(again) => failures.push(format!("{name}: not idempotent: {}", first_diff(&again, &out))),
            Err(e) => failures.push(format!("{name}: output does not parse: {e:?}")),
        }
    }
    assert!(checked > 250, "only {checked} corpus programs parsed");
    assert!(failures.is_empty(), "{} of {checked} differ:\n{}", failures.len(), failures.join("\n"));
}
