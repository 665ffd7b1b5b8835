//! The engine's side of the Web Worker: it decodes the page's requests, compiles and previews
//! each program, runs it with the run service and posts its batches back.
//!
//! The same handler also serves the in-page engine that browser tests select (see
//! `web::engine_client::use_in_page_engine`), so both paths run the same code.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use crate::cell::feed::expected_ms;
use crate::cell::state::RunBatch;
use crate::engine::protocol::{Reply, Request};
use crate::engine::{format, prepare_or_report};
use crate::web::run_service::CellRun;

/// Where replies go: `postMessage` in the worker, a queued call in the page.
pub type Post = Rc<dyn Fn(String)>;

type MessageHandler = Closure<dyn FnMut(MessageEvent)>;

thread_local! {
    /// Runs in progress, by the page's run id.
    static RUNS: RefCell<HashMap<u64, CellRun>> = RefCell::new(HashMap::new());
    /// The worker's message handler, kept for the worker's lifetime.
    static HANDLER: RefCell<Option<MessageHandler>> = const { RefCell::new(None) };
}

/// The worker's entry point (`src/bin/engine.rs`): listen, warm up, tell the page we are
/// ready, then serve what it sent meanwhile.
pub fn run_worker() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let post: Post = {
        let scope = scope.clone();
        Rc::new(move |text: String| {
            // Fails only if the page is gone; there is no one left to tell.
            let _ = scope.post_message(&JsValue::from_str(&text));
        })
    };
    let handler = {
        let post = post.clone();
        MessageHandler::new(move |event: MessageEvent| {
            if let Some(text) = event.data().as_string() {
                handle(&text, &post);
            }
        })
    };
    scope.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    HANDLER.with(|slot| *slot.borrow_mut() = Some(handler));
    // Before any request: the first one then finds the engine's code already compiled.
    crate::engine::warm_up();
    post(Reply::Ready.encode());
    // What the page sent while the wasm loaded, kept by engine_loader.js, in order; later
    // messages come in tasks of their own, after this one.
    let held = js_sys::Reflect::get(&scope, &JsValue::from_str("heldRequests")).unwrap_or(JsValue::UNDEFINED);
    if let Ok(held) = held.dyn_into::<js_sys::Array>() {
        for text in held.iter().filter_map(|message| message.as_string()) {
            handle(&text, &post);
        }
    }
}

/// Serves one request; a message that does not decode is ignored (only the page sends here).
pub fn handle(text: &str, post: &Post) {
    match Request::decode(text) {
        Ok(Request::Run { id, source, speed, paused }) => {
            let mut prepared = prepare_or_report(&source);
            let marks = std::mem::take(&mut prepared.marks);
            post(Reply::Started { id, expected_ms: expected_ms(&prepared.preview), marks }.encode());
            let sink = post.clone();
            let run = CellRun::start(prepared, speed, paused, move |batch: RunBatch| {
                let ended = batch.end.is_some();
                sink(Reply::Batch { id, batch }.encode());
                if ended {
                    // Not here: this call comes from the run's own timer, which must not be
                    // dropped while it runs.
                    wasm_bindgen_futures::spawn_local(async move { forget_run(id) });
                }
            });
            // A rerun under the same id replaces (and so stops) the old one.
            let previous = RUNS.with(|runs| runs.borrow_mut().insert(id, run));
            drop(previous);
        }
        Ok(Request::Stop { id }) => forget_run(id),
        Ok(Request::Format { id, source }) => post(Reply::Formatted { id, result: format(&source) }.encode()),
        Ok(Request::Pause { id }) => with_run(id, CellRun::pause),
        Ok(Request::Resume { id }) => with_run(id, CellRun::resume),
        Ok(Request::Step { id }) => with_run(id, CellRun::step),
        Err(_) => {}
    }
}

/// Acts on run `id` if it is still going (a request may cross the run's end).
fn with_run(id: u64, act: impl FnOnce(&CellRun)) {
    RUNS.with(|runs| {
        if let Some(run) = runs.borrow().get(&id) {
            act(run);
        }
    });
}

/// Drops a run, which stops it and clears its timers; outside the map's borrow, because
/// dropping a run drops futures that may touch the engine again.
fn forget_run(id: u64) {
    let run = RUNS.with(|runs| runs.borrow_mut().remove(&id));
    drop(run);
}

/// [`handle`] in the shape `web::engine_client::use_in_page_engine` takes.
pub fn handle_in_page(text: &str, post: Post) {
    handle(text, &post);
}
