//! From Go source to a runnable program: compile it with the interpreter, then preview it in
//! virtual time, so what the page shows about a run (its duration, its size, the lines main's
//! return cuts off) comes from the program itself, whatever the code is.

use crate::cell::feed::FULL_TRACE_MAX_GOROUTINES;
use crate::cell::hints::Hint;
use crate::cell::marks::{MarkKind, SourceMark};
use crate::go;
use crate::go::diag::DiagCode;
use crate::runtime::{self, ExitKind, Preview, PreviewLimits, Program};
use crate::scenarios::{go_source, Params, ScenarioId};

/// What a preview may spend: a few milliseconds of work (goroutine polls and timer firings),
/// enough for every preset at its defaults but `many`, and no more goroutines than a fully
/// traced run has. Past that a run is known to be large: it starts with what is known, so a
/// big run does not pay twice (in a freshly started engine, whose code is not optimised
/// yet, 10^4 goroutines previewed cost about 100 ms before the run could start).
pub const PREVIEW_BUDGET: PreviewLimits = PreviewLimits { units: 12_000, goroutines: FULL_TRACE_MAX_GOROUTINES };

/// A compiled program with what its preview learned.
pub struct Prepared {
    /// Its expected line count is the preview's, so the run's summary counts the lost lines.
    pub program: Program,
    pub preview: Preview,
    /// Compile errors at their places in the code (empty when it compiled).
    pub marks: Vec<SourceMark>,
}

/// Compiles `source` and previews it; `Err` holds the compile errors.
pub fn prepare(source: &str) -> Result<Prepared, go::CompileErrors> {
    let compiled = go::compile_report(source)?;
    let limits = go::vm::Limits::default();
    let preview = runtime::preview(go::vm::runtime_program(compiled.clone(), limits.clone()), PREVIEW_BUDGET);
    let mut program = go::vm::runtime_program(compiled, limits);
    program.expected_lines = preview.lines_if_completed;
    Ok(Prepared { program, preview, marks: Vec::new() })
}

/// « Formater »: `source` laid out as gofmt lays it out, or its syntax errors at their places.
pub fn format(source: &str) -> Result<String, Vec<SourceMark>> {
    go::format::format_source(source).map_err(|_| {
        let (_, diags) = go::parser::parse_file(source);
        go::diag::reported(source, &diags).0.into_iter().map(error_mark).collect()
    })
}

/// A compile error as the editor marks it, with French help for the common ones.
fn error_mark(error: go::diag::Reported) -> SourceMark {
    SourceMark {
        line: error.line,
        column: error.column,
        message: error.message,
        kind: MarkKind::CompileError,
        hint: error.code.map(|code| match code {
            DiagCode::UnusedVariable => Hint::UnusedVariable,
            DiagCode::UnusedImport => Hint::UnusedImport,
        }),
    }
}

/// `source` as a runnable program; one that does not compile prints its errors and exits 1.
pub fn prepare_or_report(source: &str) -> Prepared {
    prepare(source).unwrap_or_else(|errors| {
        let marks = errors.errors.into_iter().map(error_mark).collect();
        let lines = errors.lines;
        Prepared {
            program: Program::new("build failed", move |rt| async move {
                rt.end_with(ExitKind::BuildFailed, 1, lines);
            }),
            preview: Preview { duration: Some(std::time::Duration::ZERO), goroutines: 1, lines_if_completed: None },
            marks,
        }
    })
}

/// Compiles and previews the first preset, and forgets it. A new engine's code has not run
/// yet, and wasm compiles each function the first time it runs: the first program prepared
/// took 40 to 160 ms instead of 2. The engine does this once when it starts, before the page
/// asks for anything (one small program: warming up every preset took longer than it saved).
pub fn warm_up() {
    drop(prepare(&go_source(&Params::defaults(ScenarioId::Simple)).text()));
}

/// The program of `params`' preset: its rendered Go source, interpreted (tests and the native
/// command run presets this way).
pub fn program(params: &Params) -> Program {
    let mut program = prepare_or_report(&go_source(params).text()).program;
    program.name = params.scenario().name().to_owned();
    program
}
