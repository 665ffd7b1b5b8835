//! The Go corpus (tests/go/) against real Go 1.27.3: runs `python3 scripts/go_corpus.py check`,
//! which builds and runs every program with the oracle Go and compares with its golden.
//!
//! The oracle is found by `tests/support/oracle.rs`: missing, the test fails under CI and is
//! skipped, loudly, elsewhere.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;
use std::process::Command;

#[path = "support/oracle.rs"]
mod oracle;

#[test]
fn go_corpus_matches_real_go() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let Some(go) = oracle::go_oracle("go_corpus_oracle") else { return };
    let out = Command::new("python3")
        .arg(root.join("scripts/go_corpus.py"))
        .arg("check")
        .env("GO_ORACLE", &go)
        .current_dir(root)
        .output()
        .expect("python3 must run scripts/go_corpus.py");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    println!("{stdout}");
    eprintln!("{stderr}");
    assert!(out.status.success(), "go_corpus.py check failed ({}):\n{stdout}\n{stderr}", out.status);
}
