//! Hostile input never reaches a Rust panic: random bytes, token soup and mutations of the
//! corpus programs go through the lexer, parser, checker, compiler and VM, and each gets an
//! error or a result within its budget. Also: whitespace and comments change nothing.
//!
//! `PROPTEST_CASES` sets the number of cases (the README's fuzz command runs 10^5;
//! `cargo test` runs a few hundred per property).

use std::fs;
use std::path::Path;
use std::sync::OnceLock;

use goroutines_notebook::go;
use proptest::prelude::*;

/// The corpus programs, read once: (source, status real Go gave).
fn corpus() -> &'static [(String, i32)] {
    static CORPUS: OnceLock<Vec<(String, i32)>> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/go");
        let mut paths: Vec<_> = fs::read_dir(dir)
            .expect("tests/go")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "go"))
            .collect();
        paths.sort();
        paths
            .iter()
            .filter_map(|p| {
                let src = fs::read_to_string(p).ok()?;
                let golden = fs::read_to_string(p.with_extension("golden")).ok()?;
                let status = golden.lines().nth(1)?.trim().parse().ok()?;
                Some((src, status))
            })
            .collect()
    })
}

/// Stderr with `prog.go:L:C` / `prog.go:L` positions blanked (inserted lines move them).
fn without_positions(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find("prog.go:") {
        out.push_str(&rest[..i + "prog.go:".len()]);
        rest = rest[i + "prog.go:".len()..].trim_start_matches(|c: char| c.is_ascii_digit() || c == ':');
    }
    out.push_str(rest);
    out
}

/// Programs that exit 0 and hold no raw string (comments inserted in one would change it).
fn quiet_programs() -> Vec<&'static str> {
    corpus().iter().filter(|(src, status)| *status == 0 && !src.contains('`')).map(|(src, _)| src.as_str()).collect()
}

/// `PROPTEST_CASES` (the README's long run sets 10^5), else a few hundred per property.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(256)
}

/// Small budgets: a fuzz case must end quickly whatever it does.
fn limits() -> go::vm::Limits {
    go::vm::Limits {
        cpu_budget: Some(200_000),
        max_output_bytes: 64 << 10,
        max_output_lines: 2_000,
        max_goroutines: 10_000,
        max_heap_bytes: 16 << 20,
        max_call_depth: 2_000,
        ..go::vm::Limits::default()
    }
}

/// Runs a program; a Rust panic fails the property (the release build would abort).
fn run(src: &str) -> go::Outcome {
    go::run_virtual(src, limits())
}

const TOKENS: &[&str] = &[
    "package",
    "main",
    "import",
    "\"fmt\"",
    "func",
    "(",
    ")",
    "{",
    "}",
    "[",
    "]",
    ";",
    "\n",
    ",",
    ".",
    "...",
    ":=",
    "=",
    "+",
    "-",
    "*",
    "/",
    "%",
    "<-",
    "&",
    "|",
    "^",
    "&&",
    "||",
    "!",
    "==",
    "<",
    ">",
    "go",
    "defer",
    "chan",
    "select",
    "case",
    "default",
    "for",
    "range",
    "if",
    "else",
    "switch",
    "return",
    "break",
    "continue",
    "var",
    "const",
    "type",
    "struct",
    "interface",
    "map",
    "make",
    "len",
    "append",
    "x",
    "y",
    "i",
    "0",
    "1",
    "-1",
    "1e309",
    "\"s\"",
    "'a'",
    "nil",
    "true",
    "int",
    "string",
    "fmt.Println",
    "panic",
    "recover",
    "new",
    "time.Sleep",
    "wg",
    "ch",
    "close",
    "iota",
    "goto",
    "[]int",
    "x.y",
    "x[0]",
    "func()",
    "T",
];

fn token_soup() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(TOKENS), 0..80).prop_map(|toks| {
        let mut s = String::from("package main\nimport \"fmt\"\nfunc main() {\n");
        for t in toks {
            s.push_str(t);
            s.push(' ');
        }
        s.push_str("\nfmt.Println()\n}\n");
        s
    })
}

#[derive(Clone, Debug)]
enum Mutation {
    Delete { at: usize, len: usize },
    Insert { at: usize, token: &'static str },
    Duplicate { at: usize, len: usize },
    SwapLines { a: usize, b: usize },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 1usize..12).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (any::<usize>(), prop::sample::select(TOKENS)).prop_map(|(at, token)| Mutation::Insert { at, token }),
        (any::<usize>(), 1usize..40).prop_map(|(at, len)| Mutation::Duplicate { at, len }),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapLines { a, b }),
    ]
}

fn char_floor(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn apply(src: &str, m: &Mutation) -> String {
    let mut s = src.to_owned();
    if s.is_empty() {
        return s;
    }
    match m {
        Mutation::Delete { at, len } => {
            let a = char_floor(&s, at % s.len());
            let b = char_floor(&s, a + len);
            s.replace_range(a..b, "");
        }
        Mutation::Insert { at, token } => {
            let a = char_floor(&s, at % s.len());
            s.insert_str(a, token);
        }
        Mutation::Duplicate { at, len } => {
            let a = char_floor(&s, at % s.len());
            let b = char_floor(&s, a + len);
            let piece = s[a..b].to_owned();
            s.insert_str(b, &piece);
        }
        Mutation::SwapLines { a, b } => {
            let mut lines: Vec<&str> = src.lines().collect();
            let n = lines.len();
            if n > 1 {
                lines.swap(a % n, b % n);
            }
            s = lines.join("\n");
        }
    }
    s
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_text_never_panics(src in "\\PC{0,200}") {
        let out = run(&src);
        prop_assert!(out.status != 0 || out.stderr.is_empty());
    }

    #[test]
    fn token_soup_never_panics(src in token_soup()) {
        let _ = run(&src);
    }

    #[test]
    fn mutated_corpus_programs_never_panic(index in any::<usize>(), ms in prop::collection::vec(mutation(), 1..4)) {
        let programs = corpus();
        let mut src = programs[index % programs.len()].0.clone();
        for m in &ms {
            src = apply(&src, m);
        }
        let _ = run(&src);
    }

    /// Comments and blank lines between statements change nothing a program prints.
    #[test]
    fn whitespace_and_comments_change_nothing(index in any::<usize>(), seed in any::<u64>()) {
        let programs = quiet_programs();
        let src = programs[index % programs.len()];
        let before = run(src);
        let mut noisy = String::new();
        for (i, line) in src.lines().enumerate() {
            noisy.push_str(line);
            let roll = seed.rotate_left(i as u32 % 64) % 5;
            if roll == 0 {
                noisy.push_str(" // comment");
            }
            noisy.push('\n');
            if roll == 1 {
                noisy.push_str("\n/* block */\n");
            }
        }
        let after = run(&noisy);
        prop_assert_eq!(&before.stdout, &after.stdout);
        prop_assert_eq!(before.status, after.status);
        prop_assert_eq!(without_positions(&before.stderr), without_positions(&after.stderr));
    }
}
