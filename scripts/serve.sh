#!/usr/bin/env bash
# Installs what is missing, then serves the notebook on http://127.0.0.1:8080 with live reload.
# Extra arguments go to `trunk serve` (e.g. --release, --port 9000).
source "$(dirname "$0")/lib.sh"

ensure_node
ensure_rust
ensure_cc
ensure_trunk
ensure_wasm_bindgen
ensure_npm
ensure_crates

say "trunk serve $* (default: http://127.0.0.1:8080)"
exec trunk serve "$@"
