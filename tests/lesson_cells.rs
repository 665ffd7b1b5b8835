//! The runnable cells come from the lesson: every complete program becomes a cell running the
//! preset whose code it is, and the free cell closes the good practices.
#![cfg(not(target_arch = "wasm32"))]

use goroutines_notebook::go;
use goroutines_notebook::lesson::cells::{cell, cells, Origin, Place, YOUR_TURN_PROGRAM};
use goroutines_notebook::lesson::lesson;
use goroutines_notebook::scenarios::ScenarioId;
use goroutines_notebook::url_state::parse_query;

#[test]
fn every_lesson_program_is_a_cell_and_the_free_cell_closes_the_good_practices() {
    let programs = lesson().go_programs().len();
    let want = vec![
        (1, Place::AfterProgram(0), Origin::Preset(ScenarioId::Simple)),
        (2, Place::AfterProgram(1), Origin::Preset(ScenarioId::Waitgroup)),
        (3, Place::EndOfSection("bonnes-pratiques"), Origin::Starter(YOUR_TURN_PROGRAM)),
    ];
    let got: Vec<_> = cells().iter().map(|spec| (spec.id, spec.place, spec.origin)).collect();
    assert_eq!(got, want);
    assert_eq!(programs + 1, cells().len(), "one cell per program, plus the free one");
    assert!(lesson().sections.iter().any(|s| s.id == "bonnes-pratiques"), "the free cell's section exists");
    assert_eq!(cell(3).map(|spec| spec.title_fr), Some("À vous de jouer"));
}

#[test]
fn the_free_cells_program_runs_as_go_runs_it() {
    let outcome = go::run_virtual(YOUR_TURN_PROGRAM, go::vm::Limits::default());
    assert_eq!(
        outcome.stdout,
        "travailleur 1 : terminé\ntravailleur 2 : terminé\ntravailleur 3 : terminé\nTous les résultats sont arrivés\n"
    );
    assert_eq!((outcome.stderr.as_str(), outcome.status), ("", 0));
}

#[test]
fn links_name_any_cell_and_only_those() {
    let code = goroutines_notebook::url_state::encode_code("package main\n\nfunc main() {}\n").unwrap();
    assert_eq!(parse_query(&format!("code={code}&cell=3")).cell.map(|c| c.cell), Some(3));
    assert_eq!(parse_query("scenario=simple&cell=9").cell.map(|c| c.cell), Some(1), "unknown cell: the usual one");
}
