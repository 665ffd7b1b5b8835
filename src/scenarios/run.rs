//! From Go source to a runnable program: compile it with the interpreter, then preview it in
//! virtual time, so what the page shows about a run (its duration, its size, the lines main's
//! return cuts off) comes from the program itself, whatever the code is.

use crate::go;
use crate::runtime::{self, ExitKind, Preview, Program};

use super::{go_source, Params};

/// Work units (goroutine polls and timer firings) a preview may spend: about 15 ms natively
/// and within one 50 ms browser task, enough for every preset at its defaults (10^4 sleepers
/// take about 3 units each); larger runs start with what is known.
pub const PREVIEW_BUDGET: usize = 50_000;

/// A compiled program with what its preview learned.
pub struct Prepared {
    /// Its expected line count is the preview's, so the run's summary counts the lost lines.
    pub program: Program,
    pub preview: Preview,
}

/// Compiles `source` and previews it; `Err` holds the compile errors as `go build` prints them.
pub fn prepare(source: &str) -> Result<Prepared, Vec<String>> {
    let compiled = go::compile(source)?;
    let limits = go::vm::Limits::default();
    let preview = runtime::preview(go::vm::runtime_program(compiled.clone(), limits.clone()), PREVIEW_BUDGET);
    let mut program = go::vm::runtime_program(compiled, limits);
    program.expected_lines = preview.lines_if_completed;
    Ok(Prepared { program, preview })
}

/// `source` as a runnable program; one that does not compile prints its errors and exits 1.
pub fn prepare_or_report(source: &str) -> Prepared {
    prepare(source).unwrap_or_else(|errors| Prepared {
        program: Program::new("build failed", move |rt| async move {
            rt.end_with(ExitKind::BuildFailed, 1, errors);
        }),
        preview: Preview { duration: Some(std::time::Duration::ZERO), goroutines: 1, lines_if_completed: None },
    })
}

/// The program of `params`' preset: its rendered Go source, interpreted.
pub fn program(params: &Params) -> Program {
    let mut program = prepare_or_report(&go_source(params).text()).program;
    program.name = params.scenario().name().to_owned();
    program
}
