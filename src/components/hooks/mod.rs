//! Hooks that connect components to the browser-edge services in [`crate::web`].

mod use_cell_runner;

pub use use_cell_runner::{use_cell_runner, CellRunner};
