//! The engine runs a cell's Go program off the page, in a Web Worker, so that the interpreter
//! is fetched only when a program first runs and hostile code never holds the page's thread.
//!
//! This module is the pure half: the messages between page and engine and their text
//! encoding ([`protocol`]), tested natively. The edges are `web::engine_client` (page side)
//! and `web::engine_worker` (worker side).

pub mod protocol;
