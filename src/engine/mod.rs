//! The engine runs a cell's Go program off the page, in a Web Worker, so that the interpreter
//! is fetched only when a program first runs and hostile code never holds the page's thread.
//!
//! This module is the pure half, tested natively: how a source becomes a runnable, previewed
//! program ([`prepare`]), and the messages between page and engine with their text encoding
//! ([`protocol`]). The edges are `web::engine_client` (page side)
//! and `web::engine_worker` (worker side).

pub mod prepare;
pub mod protocol;

pub use prepare::{format, prepare, prepare_or_report, program, warm_up, Prepared, PREVIEW_BUDGET};
