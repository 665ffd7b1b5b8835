//! A source becomes a runnable program, or Go's compile errors at their places in the code.
#![cfg(not(target_arch = "wasm32"))]

use goroutines_notebook::cell::hints::Hint;
use goroutines_notebook::cell::marks::{MarkKind, SourceMark};
use goroutines_notebook::engine::prepare_or_report;
use goroutines_notebook::runtime::{run_virtual, ExitKind};

#[test]
fn compile_errors_are_printed_and_marked() {
    let source = "package main\n\nimport \"os\"\n\nfunc main() {\n\tx := 1\n}\n";
    let prepared = prepare_or_report(source);
    let mark = |line, column, message: &str, hint| SourceMark {
        line,
        column,
        message: message.into(),
        kind: MarkKind::CompileError,
        hint: Some(hint),
    };
    assert_eq!(
        prepared.marks,
        vec![
            mark(3, 8, "\"os\" imported and not used", Hint::UnusedImport),
            mark(6, 2, "declared and not used: x", Hint::UnusedVariable)
        ],
        "each error is marked, with French help for these two"
    );
    let report = run_virtual(prepared.program);
    assert_eq!((report.status, report.exit.kind), (1, ExitKind::BuildFailed));
    assert_eq!(report.stderr, "prog.go:3:8: \"os\" imported and not used\nprog.go:6:2: declared and not used: x");
}

#[test]
fn a_program_that_compiles_has_no_marks() {
    let prepared = prepare_or_report("package main\n\nfunc main() {}\n");
    assert!(prepared.marks.is_empty());
    assert_eq!(run_virtual(prepared.program).status, 0);
}

#[test]
fn formatting_lays_out_as_gofmt_or_marks_syntax_errors() {
    use goroutines_notebook::engine::format;
    assert_eq!(
        format("package main\nimport \"fmt\"\nfunc main(){fmt.Println( 1+2 )}"),
        Ok("package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(1 + 2) }\n".to_owned())
    );
    let marks = format("package main\n\nfunc main() {\n\tx := \n}\n").expect_err("a syntax error");
    assert_eq!(marks.iter().map(|m| (m.line, m.kind)).collect::<Vec<_>>(), vec![(5, MarkKind::CompileError)]);
}
