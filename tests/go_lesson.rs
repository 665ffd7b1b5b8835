//! The lesson's own programs run on the interpreter and print what Go prints: the code on
//! the page is the code that runs.

use goroutines_notebook::go;
use goroutines_notebook::lesson::lesson;

fn run(src: &str) -> go::Outcome {
    go::run_virtual(src, go::vm::Limits::default())
}

#[test]
fn the_lesson_has_two_complete_programs_and_both_compile() {
    let programs = lesson().go_programs();
    assert_eq!(programs.len(), 2);
    for src in programs {
        if let Err(errors) = go::compile::compile_source(src) {
            panic!("a lesson program does not compile:\n{}", go::diag::render("prog.go", src, &errors).join("\n"));
        }
    }
}

#[test]
fn first_program_interleaves_both_goroutines_then_main_ends() {
    let src = lesson().go_programs()[0];
    let out = run(src);
    assert_eq!(out.status, 0, "{out:?}");
    assert_eq!(out.stderr, "");
    // Three rounds 200 ms apart; both goroutines print at each round (in spawn order here,
    // in any order under Go), main prints last at 1 s.
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), 7, "{lines:?}");
    for round in lines[..6].chunks(2) {
        let mut pair = round.to_vec();
        pair.sort();
        assert_eq!(pair, ["Goroutine 1", "Goroutine 2"]);
    }
    assert_eq!(lines[6], "Programme principal terminé");
}

#[test]
fn second_program_waits_for_its_three_workers() {
    let src = lesson().go_programs()[1];
    let out = run(src);
    assert_eq!(out.status, 0, "{out:?}");
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), 7, "{lines:?}");
    let mut starts = lines[..3].to_vec();
    starts.sort();
    assert_eq!(starts, ["Goroutine 1 démarre", "Goroutine 2 démarre", "Goroutine 3 démarre"]);
    let mut ends = lines[3..6].to_vec();
    ends.sort();
    assert_eq!(ends, ["Goroutine 1 termine", "Goroutine 2 termine", "Goroutine 3 termine"]);
    assert_eq!(lines[6], "Tous les travaux sont terminés");
}

#[test]
fn an_edited_lesson_program_reports_gcs_errors() {
    let src = lesson().go_programs()[1].replace("var wg sync.WaitGroup", "var wg sync.WaitGroup\n    unused := 1");
    let out = run(&src);
    assert_eq!(out.status, 1);
    assert!(out.stderr.starts_with("prog.go:"), "{}", out.stderr);
    assert!(out.stderr.contains(": declared and not used: unused"), "{}", out.stderr);
}
