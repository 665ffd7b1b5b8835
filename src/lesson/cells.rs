//! The notebook's runnable cells, declared by the lesson: each complete Go program of the
//! lesson becomes a cell right under it, running the preset whose code it is; one free cell,
//! « À vous de jouer », closes the good practices with a program of the notebook's own.
//!
//! Cell ids are what share links say (`cell=1`): programs are numbered in lesson order, then
//! the free cell.

use std::sync::OnceLock;

use super::{lesson, Lesson};
use crate::scenarios::{go_source, Params, ScenarioId};

/// Where a cell sits in the lesson.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// Right after the lesson's `n`-th complete program (from 0).
    AfterProgram(usize),
    /// At the end of the section with this anchor id.
    EndOfSection(&'static str),
}

/// What a cell opens on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// A preset, with its scenario selector and sliders.
    Preset(ScenarioId),
    /// A program of its own, with no sliders.
    Starter(&'static str),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CellSpec {
    pub id: u8,
    pub place: Place,
    pub origin: Origin,
    pub title_fr: &'static str,
}

/// The free cell's program: a WaitGroup and a channel working together.
pub const YOUR_TURN_PROGRAM: &str = include_str!("your_turn.go");
/// The section the free cell closes.
const YOUR_TURN_SECTION: &str = "bonnes-pratiques";

/// Every cell, in id order.
pub fn cells() -> &'static [CellSpec] {
    static CELLS: OnceLock<Vec<CellSpec>> = OnceLock::new();
    CELLS.get_or_init(|| derive(lesson()))
}

/// The cell with this id.
pub fn cell(id: u8) -> Option<&'static CellSpec> {
    cells().iter().find(|spec| spec.id == id)
}

fn derive(lesson: &'static Lesson) -> Vec<CellSpec> {
    let mut cells: Vec<CellSpec> = lesson
        .go_programs()
        .into_iter()
        .enumerate()
        .map(|(index, program)| CellSpec {
            id: u8::try_from(index + 1).unwrap_or(u8::MAX),
            place: Place::AfterProgram(index),
            origin: preset_of(program).map_or(Origin::Starter(program), Origin::Preset),
            title_fr: "Essayez-le",
        })
        .collect();
    cells.push(CellSpec {
        id: u8::try_from(cells.len() + 1).unwrap_or(u8::MAX),
        place: Place::EndOfSection(YOUR_TURN_SECTION),
        origin: Origin::Starter(YOUR_TURN_PROGRAM),
        title_fr: "À vous de jouer",
    });
    cells
}

/// The preset whose code at its defaults is `program` (the lesson indents with spaces, the
/// presets with tabs, as gofmt; the lesson's block has no final newline).
fn preset_of(program: &str) -> Option<ScenarioId> {
    let program = format!("{}\n", program.replace("    ", "\t").trim_end());
    ScenarioId::ALL.into_iter().find(|id| go_source(&Params::defaults(*id)).text() == program)
}
