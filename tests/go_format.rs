//! `go::format::format_source` against gofmt: corpus programs (gofmt-clean) come back
//! unchanged, deliberately messy fixtures (tests/fixtures/gofmt/*.input.go) give the output
//! real gofmt recorded (*.golden.go), the lesson's space-indented programs become the
//! presets' tab-indented sources, formatting is idempotent, and random or mutated text never
//! panics. With the Go oracle present, every corpus program is also compared with gofmt live.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use goroutines_notebook::go::{self, format::format_source};
use goroutines_notebook::scenarios::{go_source, Params, ScenarioId};
use proptest::prelude::*;

#[path = "support/oracle.rs"]
mod oracle;

/// Corpus files where we knowingly differ from gofmt, with why.
const KNOWN_DIFFERENCES: &[(&str, &str)] = &[(
    "probe_compile_decl_misuse.go",
    "gofmt formats `t.f := 1`; the parser's tree cannot hold a non-name left of `:=` (the \
     interpreter reports it as Go's type checker does), so format_source returns that error",
)];

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
        let Ok(out) = format_source(&src) else {
            // gofmt rejects only the programs with syntax errors.
            if !name.contains("syntax") && !known(&name) {
                failures.push(format!("{name}: rejected, gofmt formats it"));
            }
            continue;
        };
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

/// How [`mangle`] rewrites the white space between tokens on a line.
#[derive(Clone, Copy, Debug)]
enum Spacing {
    /// One blank between every two tokens: `f ( a , b )`.
    Spacey,
    /// No blank next to punctuation: `f(a,b){`.
    Tight,
    /// Indentation with four spaces per tab, as in the lesson.
    Spaces,
    /// No indentation at all, and doubled blank lines.
    Flat,
    /// Comments added: `/* c */` between tokens, `// c` at line ends, `// own` lines.
    Commented,
}

/// `src` with its layout spoiled but its tokens and comments kept, so gofmt must rebuild it.
fn mangle(src: &str, spacing: Spacing) -> String {
    use goroutines_notebook::go::lexer::tokenize;
    use goroutines_notebook::go::token::Tok;
    let toks = tokenize(src).0;
    let punct = |t: Tok| {
        matches!(t, Tok::Lparen | Tok::Rparen | Tok::Lbrack | Tok::Rbrack | Tok::Lbrace | Tok::Rbrace | Tok::Comma)
    };
    let mut out = String::new();
    let mut prev_end = 0usize;
    let mut prev_tok = None;
    for t in &toks {
        let (start, end) = (t.span.start as usize, t.span.end as usize);
        let gap = src.get(prev_end..start).unwrap_or("");
        if gap.contains('\n') || gap.contains('/') {
            let mut lines = gap.split('\n');
            out.push_str(lines.next().unwrap_or(""));
            for line in lines {
                out.push('\n');
                let body = line.trim_start_matches('\t');
                let tabs = line.len() - body.len();
                match spacing {
                    Spacing::Spaces => out.push_str(&"    ".repeat(tabs)),
                    Spacing::Flat => {
                        if body.is_empty() {
                            out.push('\n');
                        }
                    }
                    _ => out.push_str(&line[..tabs]),
                }
                out.push_str(body);
            }
        } else if prev_tok.is_some() && !matches!(t.tok, Tok::Semi(_) | Tok::Eof) {
            match spacing {
                Spacing::Spacey => out.push(' '),
                Spacing::Tight if prev_tok.is_some_and(punct) || punct(t.tok) => {}
                _ => out.push_str(gap),
            }
        } else {
            out.push_str(gap);
        }
        let text = src.get(start..end).unwrap_or("");
        if let Spacing::Commented = spacing {
            let k = out.len();
            match t.tok {
                Tok::Semi(_) if text == "\n" && k.is_multiple_of(3) => out.push_str(" // c"),
                Tok::Semi(_) | Tok::Eof => {}
                _ if k.is_multiple_of(7) => out.push_str("/* c */ "),
                _ => {}
            }
            out.push_str(text);
            if text == "\n" && k % 5 == 1 {
                out.push_str("// own\n");
            }
        } else {
            out.push_str(text);
        }
        prev_end = end;
        prev_tok = Some(t.tok);
    }
    out.push_str(src.get(prev_end..).unwrap_or(""));
    out
}

/// Writes `files` into a fresh directory, runs `gofmt -w` on it, reads them back.
fn gofmt_all(go: &Path, files: &[(String, String)]) -> Vec<Option<String>> {
    let out = Command::new(go).args(["env", "GOROOT"]).env("GOTOOLCHAIN", "local").output().expect("go env");
    let gofmt = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()).join("bin/gofmt");
    let dir = std::env::temp_dir().join(format!("go_format_{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("temp dir");
    for (name, text) in files {
        fs::write(dir.join(name), text).expect("write");
    }
    // Files gofmt rejects are left as they were; the caller skips those that failed.
    let status = Command::new(&gofmt).arg("-w").arg(&dir).env("GOTOOLCHAIN", "local").output().expect("gofmt runs");
    let rejected = String::from_utf8_lossy(&status.stderr).into_owned();
    let results = files
        .iter()
        .map(|(name, _)| if rejected.contains(name.as_str()) { None } else { fs::read_to_string(dir.join(name)).ok() })
        .collect();
    let _ = fs::remove_dir_all(&dir);
    results
}

#[test]
fn mangled_corpus_matches_real_gofmt() {
    let Some(go) = oracle::go_oracle("go_format") else { return };
    let mut inputs = Vec::new();
    for (name, src) in corpus() {
        if format_source(&src).is_err() {
            continue;
        }
        for spacing in [Spacing::Spacey, Spacing::Tight, Spacing::Spaces, Spacing::Flat, Spacing::Commented] {
            inputs.push((format!("{spacing:?}_{name}"), mangle(&src, spacing)));
        }
    }
    let wants = gofmt_all(&go, &inputs);
    let mut failures = Vec::new();
    let mut compared = 0;
    for ((name, input), want) in inputs.iter().zip(wants) {
        let Some(want) = want else { continue };
        if known(name.split_once('_').map_or("", |(_, n)| n)) {
            continue;
        }
        compared += 1;
        match format_source(input) {
            Ok(got) if got == want => {}
            Ok(got) => failures.push(format!("{name}: {}", first_diff(&got, &want))),
            Err(e) => failures.push(format!("{name}: gofmt accepts it, we do not: {e:?}")),
        }
    }
    assert!(compared > 1000, "only {compared} mangled programs compared");
    assert!(failures.is_empty(), "{} of {compared} differ from gofmt:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn messy_fixtures_give_gofmts_output() {
    let dir = root().join("tests/fixtures/gofmt");
    let mut seen = 0;
    for input in go_files(&dir).into_iter().filter(|p| p.to_string_lossy().ends_with(".input.go")) {
        let name = input.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let golden = dir.join(name.replace(".input.go", ".golden.go"));
        let src = fs::read_to_string(&input).expect("fixture input");
        let want = fs::read_to_string(&golden).expect("fixture golden (recorded with gofmt)");
        let got = format_source(&src).unwrap_or_else(|e| panic!("{name} does not parse: {e:?}"));
        assert!(got == want, "{name}: {}", first_diff(&got, &want));
        assert_eq!(format_source(&got).as_deref(), Ok(got.as_str()), "{name}: not idempotent");
        assert_eq!(format_source(&want).as_deref(), Ok(want.as_str()), "{name}: golden not kept");
        seen += 1;
    }
    assert!(seen >= 3, "fixtures missing in {}", dir.display());
}

#[test]
fn fixture_goldens_match_real_gofmt() {
    let Some(go) = oracle::go_oracle("go_format") else { return };
    let dir = root().join("tests/fixtures/gofmt");
    let inputs: Vec<(String, String)> = go_files(&dir)
        .into_iter()
        .filter(|p| p.to_string_lossy().ends_with(".input.go"))
        .filter_map(|p| Some((p.file_name()?.to_string_lossy().into_owned(), fs::read_to_string(&p).ok()?)))
        .collect();
    for ((name, _), want) in inputs.iter().zip(gofmt_all(&go, &inputs)) {
        let golden = fs::read_to_string(dir.join(name.replace(".input.go", ".golden.go"))).expect("golden");
        assert_eq!(want.as_deref(), Some(golden.as_str()), "{name}: golden is stale; re-record it with gofmt");
    }
}

#[test]
fn lesson_programs_format_to_the_presets_sources() {
    let programs = goroutines_notebook::lesson::lesson().go_programs();
    let presets = [ScenarioId::Simple, ScenarioId::Waitgroup];
    assert_eq!(programs.len(), presets.len());
    for (program, id) in programs.iter().zip(presets) {
        let want = go_source(&Params::defaults(id)).text();
        assert_ne!(*program, want.as_str(), "the lesson indents with spaces");
        assert_eq!(format_source(program).as_deref(), Ok(want.as_str()), "{id:?}");
    }
}

#[test]
fn preset_sources_are_gofmt_clean() {
    for id in ScenarioId::ALL {
        let src = go_source(&Params::defaults(id)).text();
        assert_eq!(format_source(&src).as_deref(), Ok(src.as_str()), "{id:?}");
    }
}

#[test]
fn syntax_errors_are_reported_as_go_build_does() {
    let src = "package main\n\nfunc main() {\n\tx := \n}\n";
    let err = format_source(src).expect_err("does not parse");
    let build = go::build(src, go::vm::Limits::default()).err().expect("does not build");
    assert_eq!(err, build);
    assert!(err.iter().all(|l| l.starts_with("prog.go:")), "{err:?}");
}

/// `PROPTEST_CASES` (the README's long fuzz run sets 10^5), else a few hundred per property.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(256)
}

fn corpus_sources() -> &'static [String] {
    static SOURCES: OnceLock<Vec<String>> = OnceLock::new();
    SOURCES.get_or_init(|| corpus().into_iter().map(|(_, src)| src).collect())
}

const SNIPPETS: &[&str] = &[
    "// c\n",
    "/* c */",
    "/* a\n b */",
    "\n",
    "\n\n",
    " ",
    "\t",
    ";",
    "{",
    "}",
    "(",
    ")",
    ",",
    "x",
    ":=",
    "=",
    "+",
    "*",
    "<-",
    "`raw`",
    "\"s\"",
    "case",
    "default:",
    "L:",
    "go",
    "func()",
    "[]int{}",
    "struct{}",
    "...",
];

/// Where gofmt itself is not idempotent, and the formatter with it: around `/* */`
/// comments (`select /* c */ {` in a one-line body, `x /* c */` before a line break) and
/// comments it leaves glued to the code before them (`f(x, // c` + `)` gives `f(x)// c`,
/// then `f(x) // c`). Such output must settle on the second pass.
fn gofmt_unstable(text: &str) -> bool {
    let glued = text.lines().any(|l| {
        let b = l.as_bytes();
        (1..b.len()).any(|i| {
            b.get(i) == Some(&b'/')
                && b.get(i + 1) == Some(&b'/')
                && b.get(i - 1).is_some_and(|c| !c.is_ascii_whitespace() && *c != b'/')
        })
    });
    glued || text.contains("/*")
}

/// Never a panic; when formatting succeeds it is idempotent and keeps whether it compiles.
fn check(src: &str) -> Result<(), TestCaseError> {
    let Ok(out) = format_source(src) else { return Ok(()) };
    let mut out = out;
    let mut again = format_source(&out);
    if again.as_deref() != Ok(out.as_str()) && gofmt_unstable(&out) {
        out = again.clone().unwrap_or_default();
        again = format_source(&out);
    }
    prop_assert_eq!(again.as_deref(), Ok(out.as_str()), "not idempotent on:\n{}", src);
    prop_assert_eq!(
        go::compile(src).is_ok(),
        go::compile(&out).is_ok(),
        "compiles differently:\n{}\n---\n{}",
        src,
        out
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_text_never_panics(src in "\\PC{0,200}") {
        check(&src)?;
        check(&format!("package main\nfunc main() {{\n{src}\n}}\n"))?;
    }

    #[test]
    fn edited_corpus_programs_format_soundly(
        pick in any::<prop::sample::Index>(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), prop::sample::select(SNIPPETS), 0usize..6), 1..4),
        spacing in prop::sample::select(vec![Spacing::Spacey, Spacing::Tight, Spacing::Spaces, Spacing::Flat]),
    ) {
        let sources = corpus_sources();
        let mut src = mangle(pick.get(sources).as_str(), spacing);
        for (at, snippet, delete) in edits {
            let mut i = at.index(src.len() + 1);
            while !src.is_char_boundary(i) {
                i -= 1;
            }
            let mut j = (i + delete).min(src.len());
            while !src.is_char_boundary(j) {
                j -= 1;
            }
            src.replace_range(i..j, snippet);
        }
        check(&src)?;
    }
}
