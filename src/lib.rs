//! A French lesson on Go goroutines whose examples run in the page.
//!
//! # Layout
//! - [`cell`]: a runnable cell's state, actions and timeline model (pure).
//! - [`codec`]: raw DEFLATE and base64url for links that carry code (pure).
//! - [`engine`]: the messages between the page and the engine that runs programs in a Web
//!   Worker (pure).
//! - [`go`]: a Go-subset interpreter (lexer, parser, checker and compiler, bytecode VM) whose
//!   goroutines run on [`runtime`] (pure).
//! - [`lesson`]: the lesson as data, parsed from Markdown embedded at compile time, and the
//!   runnable cells it declares (pure).
//! - [`runtime`]: a Go-like runtime (goroutines, sleep, WaitGroup, channels, mutex) with a
//!   virtual-time driver and a trace (pure).
//! - [`scenarios`]: the runnable programs, their bounded parameters and their Go source (pure).
//! - [`url_state`]: share links to and from a cell's state (pure).
//! - `web`: the browser edge, the only place with `spawn_local`, timers and JS interop (wasm only).
//! - `components`: yew components that render state and dispatch actions (wasm only).

pub mod cell;
pub mod codec;
pub mod engine;
pub mod go;
pub mod lesson;
pub mod runtime;
pub mod scenarios;
pub mod url_state;

#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod web;

/// Mounts the notebook on `<body>`.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    // A link that runs a cell on open: the engine loads, and the run starts, while the lesson
    // renders; the cell adopts the run when it mounts. Its code is the cell's own first state.
    let link = url_state::parse_query(&web::page::current_query()).cell;
    if let Some(link) = link.filter(|link| link.run && lesson::cells::cell(link.cell).is_some()) {
        web::engine_client::warm_up();
        let state = cell::state::CellState::new(link.cell, Some(link), Vec::new());
        web::engine_client::prestart(state.code.text().to_owned(), state.speed);
    }
    yew::Renderer::<components::app::App>::new().render();
}
