//! Hooks that connect components to the browser-edge services in [`crate::web`], and hold a
//! cell's state.

mod use_cell_runner;
mod use_cell_store;

pub use use_cell_runner::{use_cell_runner, CellRunner};
pub use use_cell_store::{use_cell_store, CellStore};
