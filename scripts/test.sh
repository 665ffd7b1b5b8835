#!/usr/bin/env bash
# Installs what is missing, then runs every test layer; stops at the first failure.
source "$(dirname "$0")/lib.sh"

ensure_apt chromium chromium-driver
ensure_go_oracle
ensure_node
ensure_rust
ensure_cc
ensure_trunk
ensure_wasm_bindgen
ensure_npm
ensure_crates

say "1/6 format and lints (native, then wasm32 without and with the bench feature)"
cargo fmt --all --check
cargo clippy --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown --lib --bins -- -D warnings
cargo clippy --target wasm32-unknown-unknown --lib --bins --features bench -- -D warnings

say "2/6 native tests (includes the Go oracle tests, with $(GOTOOLCHAIN=local "$GO_ORACLE" version))"
cargo test

say "3/6 wasm-bindgen tests in headless Chromium ($CHROMEDRIVER)"
cargo test --target wasm32-unknown-unknown --test 'web_*'

say "4/6 release build into dist/ (trunk offline; wasm-opt -Oz for the page, -O3 for the engine)"
trunk build --release

say "5/6 release build under a sub-path into target/dist-subpath/"
trunk build --release --public-url /carnet/goroutines/ --dist target/dist-subpath

say "6/6 end-to-end tests (Playwright + Chromium against dist/)"
node --test --test-concurrency=1 tests/e2e/

say "all test layers passed"
