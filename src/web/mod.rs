//! The browser edge: every `spawn_local`, timer handle and JS call lives here.
pub mod bench;
pub mod engine_client;
pub mod engine_worker;
pub mod mermaid;
pub mod page;
pub mod run_service;
pub mod runtime_driver;
