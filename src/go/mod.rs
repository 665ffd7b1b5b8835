//! A Go-subset interpreter that runs on [`crate::runtime`]: the code on the page is the code
//! that runs.
//!
//! # Layout
//! - [`ast`]: the syntax tree, with a byte span on every node.
//! - [`lexer`]: tokens, with Go's automatic semicolons.
//! - [`parser`]: source → [`ast::File`], with gc's syntax error wording.
//! - [`diag`]: compile errors rendered as `prog.go:L:C: message`.
//! - [`types`]: the type table the checker builds and the VM reads (`%T`, zero values, methods).
//! - [`value`]: run-time values.
//! - [`bytecode`]: the compiled program: functions of stack-machine instructions.
//! - [`compile`]: type checks the tree and emits bytecode in one pass per function body.
//! - [`fmt`]: Go's `fmt` verbs and value printing.
//! - [`format`]: gofmt: source → the layout `gofmt` gives it (go/printer's algorithm).
//! - [`strings`]: the `strings` package's functions.
//! - [`vm`]: runs bytecode; each goroutine is one [`crate::runtime::GoFuture`].

pub mod ast;
pub mod bytecode;
pub mod compile;
pub mod diag;
pub mod fmt;
pub mod format;
pub mod lexer;
pub mod parser;
pub mod strings;
pub mod token;
pub mod types;
pub mod value;
pub mod vm;

use std::rc::Rc;

/// The file name compile errors and tracebacks use, as the Go Playground does.
pub const FILE_NAME: &str = "prog.go";

/// Compiles `src` into a runtime program, or gives Go's compile errors as `go build` prints
/// them (`prog.go:L:C: message`, at most 10, then `too many errors`).
pub fn build(src: &str, limits: vm::Limits) -> Result<crate::runtime::Program, Vec<String>> {
    Ok(vm::runtime_program(compile(src)?, limits))
}

/// Compiles `src` once; [`vm::runtime_program`] makes any number of runs of it.
pub fn compile(src: &str) -> Result<Rc<bytecode::Program>, Vec<String>> {
    compile_report(src).map_err(|errors| errors.lines)
}

/// Compile errors twice over: as `go build` prints them, and at their positions, for an
/// editor to mark.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileErrors {
    pub lines: Vec<String>,
    pub errors: Vec<diag::Reported>,
}

/// [`compile`], with the errors' positions.
pub fn compile_report(src: &str) -> Result<Rc<bytecode::Program>, CompileErrors> {
    compile::compile_source(src).map(Rc::new).map_err(|diags| CompileErrors {
        lines: diag::render(FILE_NAME, src, &diags),
        errors: diag::reported(src, &diags).0,
    })
}

/// What a whole run printed and its exit status, as a terminal shows them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub stdout: String,
    pub stderr: String,
    pub status: i32,
}

/// Compiles and runs `src` to its end in virtual time (status 1 with the compile errors on
/// stderr when it does not compile).
pub fn run_virtual(src: &str, limits: vm::Limits) -> Outcome {
    match build(src, limits) {
        Err(lines) => Outcome { stdout: String::new(), stderr: lines.join("\n") + "\n", status: 1 },
        Ok(program) => {
            let report = crate::runtime::run_virtual_with(program, crate::runtime::TraceLevel::Counts);
            let stderr = if report.stderr.is_empty() { String::new() } else { report.stderr.clone() + "\n" };
            Outcome { stdout: report.stdout_text(), stderr, status: report.status }
        }
    }
}
