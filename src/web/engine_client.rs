//! The page's side of the engine: one Web Worker for the page, started on the first run, so
//! the interpreter is fetched only when a program first runs (`engine_loader.js` loads
//! `engine.js`, which trunk builds from `src/bin/engine.rs`).
//!
//! Requests go to the worker at once: its script (`src/web/engine_loader.js`) keeps them until
//! the engine listens, so a run on open does not wait for a round trip through a page busy
//! with its first renders. Replies are routed by run id to
//! the run's callback; a dropped [`EngineRun`] asks the engine to stop and hears nothing more.
//! If the worker fails (it could not load, or it crashed), every run in progress is told so
//! and the next run starts a fresh worker.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, Event, MessageEvent, Worker, WorkerOptions, WorkerType};
use yew::Callback;

use crate::cell::marks::SourceMark;
use crate::cell::state::{ConsoleLine, RunBatch, RunEnd, Stream};
use crate::engine::protocol::{Reply, Request};
use crate::url_state::Speed;

/// The loader trunk writes for the engine's worker, relative to the page's `<base>`, so it
/// works under a sub-path.
const ENGINE_LOADER: &str = "engine_loader.js";
/// Where `index.html`'s early start leaves the engine's worker (`window.goEngine`).
const EARLY_WORKER: &str = "goEngine";

/// What a run hears from the engine.
#[derive(Clone, Debug, PartialEq)]
pub enum RunEvent {
    /// Compiled and previewed: the duration when known, and compile errors' places.
    Started {
        expected_ms: Option<f64>,
        marks: Vec<SourceMark>,
    },
    Batch(RunBatch),
    /// « Formater »: the formatted source, or its syntax errors.
    Formatted(Result<String, Vec<SourceMark>>),
}

/// An in-page engine: handles a request, replying through the given sink.
pub type InPageEngine = fn(&str, Rc<dyn Fn(String)>);

enum Backend {
    None,
    Worker { worker: Worker, _on_message: Closure<dyn FnMut(MessageEvent)>, _on_error: Closure<dyn FnMut(Event)> },
    InPage(InPageEngine),
}

struct Client {
    backend: Backend,
    ready: bool,
    queue: Vec<String>,
    listeners: HashMap<u64, Callback<RunEvent>>,
    next_id: u64,
    in_page: Option<InPageEngine>,
}

thread_local! {
    static CLIENT: RefCell<Client> = RefCell::new(Client {
        backend: Backend::None,
        ready: false,
        queue: Vec::new(),
        listeners: HashMap::new(),
        next_id: 0,
        in_page: None,
    });
}

/// Browser tests have no worker build: they run the engine in the page instead. Production
/// never calls this, so the page's wasm does not link the interpreter.
pub fn use_in_page_engine(engine: InPageEngine) {
    CLIENT.with(|client| client.borrow_mut().in_page = Some(engine));
}

/// Asks the engine to format `source`; `on_done` hears the result once.
pub fn format(source: String, on_done: Callback<Result<String, Vec<SourceMark>>>) {
    let id = listen(Callback::from(move |event| {
        if let RunEvent::Formatted(result) = event {
            on_done.emit(result);
        }
    }));
    send(Request::Format { id, source }.encode());
}

/// A run started before its cell mounted, with what the engine said of it meanwhile.
struct Prestarted {
    source: String,
    speed: Speed,
    id: u64,
    heard: Rc<RefCell<Vec<RunEvent>>>,
}

thread_local! {
    static PRESTARTED: RefCell<Option<Prestarted>> = const { RefCell::new(None) };
}

/// Starts the run that a link asks for on open (`run=1`) before its cell has mounted, so the
/// engine works while the page renders. The cell's own start adopts it when it asks for the
/// same run ([`EngineRun::start`]); any other start stops it.
pub fn prestart(source: String, speed: Speed) {
    let heard = Rc::new(RefCell::new(Vec::new()));
    let id = {
        let heard = heard.clone();
        listen(Callback::from(move |event| heard.borrow_mut().push(event)))
    };
    send(Request::Run { id, source: source.clone(), speed, paused: false }.encode());
    let previous = PRESTARTED.with(|slot| slot.borrow_mut().replace(Prestarted { source, speed, id, heard }));
    drop(previous.map(|previous| EngineRun { id: previous.id }));
}

/// A run in the engine; dropping it stops the run.
pub struct EngineRun {
    id: u64,
}

impl EngineRun {
    /// Sends `source` to the engine; `on_event` hears its preview, then its batches. The run a
    /// link started on open ([`prestart`]) is taken over instead when it is the same run.
    pub fn start(source: String, speed: Speed, paused: bool, on_event: Callback<RunEvent>) -> EngineRun {
        if let Some(early) = PRESTARTED.with(|slot| slot.borrow_mut().take()) {
            if !paused && early.source == source && early.speed == speed {
                return Self::adopt(early, on_event);
            }
            // Not what the cell runs: dropping its handle stops it.
            drop(EngineRun { id: early.id });
        }
        let id = listen(on_event);
        send(Request::Run { id, source, speed, paused }.encode());
        EngineRun { id }
    }

    /// Hands a prestarted run to `on_event`: what was heard so far first (after this call,
    /// before any later message, which comes in a task of its own), then the rest.
    fn adopt(early: Prestarted, on_event: Callback<RunEvent>) -> EngineRun {
        CLIENT.with(|client| {
            // Gone once the run's end was heard: then there is nothing more to route.
            if let Some(listener) = client.borrow_mut().listeners.get_mut(&early.id) {
                *listener = on_event.clone();
            }
        });
        let heard = std::mem::take(&mut *early.heard.borrow_mut());
        wasm_bindgen_futures::spawn_local(async move {
            for event in heard {
                on_event.emit(event);
            }
        });
        EngineRun { id: early.id }
    }

    /// « Pause ».
    pub fn pause(&self) {
        send(Request::Pause { id: self.id }.encode());
    }

    /// « Reprendre ».
    pub fn resume(&self) {
        send(Request::Resume { id: self.id }.encode());
    }

    /// « Pas à pas »: up to the next event of any goroutine.
    pub fn step(&self) {
        send(Request::Step { id: self.id }.encode());
    }
}

impl Drop for EngineRun {
    fn drop(&mut self) {
        let listening = CLIENT.with(|client| client.borrow_mut().listeners.remove(&self.id).is_some());
        if listening {
            send(Request::Stop { id: self.id }.encode());
        }
    }
}

/// Starts loading the engine before the first run asks for it: when a link runs a cell on
/// open, or when the reader reaches for a cell. Does nothing once it is loading or loaded.
pub fn warm_up() {
    CLIENT.with(|client| client.borrow_mut().connect());
}

impl Client {
    fn connect(&mut self) {
        if matches!(self.backend, Backend::None) {
            self.backend = match self.in_page {
                Some(engine) => Backend::InPage(engine),
                None => spawn_worker(),
            };
            // A new worker keeps what it is sent until the engine listens (engine_loader.js).
            self.ready = !matches!(self.backend, Backend::None);
        }
    }
}

/// A new request id, whose replies go to `on_event`.
fn listen(on_event: Callback<RunEvent>) -> u64 {
    CLIENT.with(|client| {
        let mut client = client.borrow_mut();
        client.next_id += 1;
        let id = client.next_id;
        client.listeners.insert(id, on_event);
        id
    })
}

fn send(text: String) {
    let in_page = CLIENT.with(|client| {
        let mut client = client.borrow_mut();
        client.connect();
        match &client.backend {
            Backend::InPage(engine) => Some(*engine),
            Backend::Worker { worker, .. } if client.ready => {
                if worker.post_message(&JsValue::from_str(&text)).is_err() {
                    client.queue.push(text.clone());
                }
                None
            }
            _ => {
                client.queue.push(text.clone());
                None
            }
        }
    });
    if let Some(engine) = in_page {
        // Replies come back as queued tasks, as from a worker, never inside this call.
        let reply: Rc<dyn Fn(String)> =
            Rc::new(|text: String| wasm_bindgen_futures::spawn_local(async move { receive(&text) }));
        engine(&text, reply);
    }
}

fn spawn_worker() -> Backend {
    let (worker, held) = match early_worker() {
        Some((worker, held)) => (worker, held),
        None => {
            let options = WorkerOptions::new();
            options.set_type(WorkerType::Module);
            options.set_name("go-engine");
            match Worker::new_with_options(ENGINE_LOADER, &options) {
                Ok(worker) => (worker, js_sys::Array::new()),
                Err(error) => {
                    let reason = error.as_string().unwrap_or_else(|| "Worker indisponible".to_owned());
                    // After the borrow: failing the runs calls back into the client.
                    wasm_bindgen_futures::spawn_local(async move { fail_all(&reason) });
                    return Backend::None;
                }
            }
        }
    };
    if held.length() > 0 {
        // After the borrow, and before any later message, which comes in a task of its own.
        wasm_bindgen_futures::spawn_local(async move {
            for item in held.iter() {
                match item.as_string() {
                    Some(text) => receive(&text),
                    None => fail_all(&early_error(&item)),
                }
            }
        });
    }
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| {
        if let Some(text) = event.data().as_string() {
            receive(&text);
        }
    });
    let on_error = Closure::<dyn FnMut(Event)>::new(|event: Event| {
        let reason = event.dyn_ref::<ErrorEvent>().map_or_else(|| "erreur inconnue".to_owned(), ErrorEvent::message);
        fail_all(&reason);
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Backend::Worker { worker, _on_message: on_message, _on_error: on_error }
}

/// The engine's worker that `index.html` started before the page's own wasm, for a link that
/// runs a cell on open, with what it said until now: its messages, and an `{ error }` object
/// if it failed to load.
fn early_worker() -> Option<(Worker, js_sys::Array)> {
    let window: JsValue = web_sys::window()?.into();
    let key = JsValue::from_str(EARLY_WORKER);
    let early = js_sys::Reflect::get(&window, &key).ok().filter(|early| early.is_object())?;
    // Adopted once: a later connection (after a failure) starts a worker of its own.
    let _ = js_sys::Reflect::delete_property(window.unchecked_ref::<js_sys::Object>(), &key);
    let worker = js_sys::Reflect::get(&early, &JsValue::from_str("worker")).ok()?.dyn_into::<Worker>().ok()?;
    let held = js_sys::Reflect::get(&early, &JsValue::from_str("held"))
        .ok()
        .and_then(|held| held.dyn_into::<js_sys::Array>().ok())
        .unwrap_or_default();
    Some((worker, held))
}

/// The message of an `{ error }` that the early worker's page script held.
fn early_error(item: &JsValue) -> String {
    js_sys::Reflect::get(item, &JsValue::from_str("error"))
        .ok()
        .and_then(|error| error.as_string())
        .filter(|message| !message.is_empty())
        .unwrap_or_else(|| "erreur inconnue".to_owned())
}

fn receive(text: &str) {
    let Ok(reply) = Reply::decode(text) else { return };
    let (id, event) = match reply {
        Reply::Ready => {
            let (worker, queue) = CLIENT.with(|client| {
                let mut client = client.borrow_mut();
                client.ready = true;
                let worker = match &client.backend {
                    Backend::Worker { worker, .. } => Some(worker.clone()),
                    _ => None,
                };
                (worker, std::mem::take(&mut client.queue))
            });
            if let Some(worker) = worker {
                for text in queue {
                    let _ = worker.post_message(&JsValue::from_str(&text));
                }
            }
            return;
        }
        Reply::Started { id, expected_ms, marks } => (id, RunEvent::Started { expected_ms, marks }),
        Reply::Batch { id, batch } => (id, RunEvent::Batch(batch)),
        Reply::Formatted { id, result } => (id, RunEvent::Formatted(result)),
    };
    let listener = CLIENT.with(|client| {
        let mut client = client.borrow_mut();
        let ended = match &event {
            RunEvent::Batch(batch) => batch.end.is_some(),
            RunEvent::Formatted(_) => true,
            RunEvent::Started { .. } => false,
        };
        if ended {
            client.listeners.remove(&id)
        } else {
            client.listeners.get(&id).cloned()
        }
    });
    if let Some(listener) = listener {
        listener.emit(event);
    }
}

/// The worker failed: end every run with the reason, and start afresh next time.
fn fail_all(reason: &str) {
    let listeners = CLIENT.with(|client| {
        let mut client = client.borrow_mut();
        if let Backend::Worker { worker, .. } = &client.backend {
            worker.terminate();
        }
        client.backend = Backend::None;
        client.ready = false;
        client.queue.clear();
        std::mem::take(&mut client.listeners)
    });
    for (_, listener) in listeners {
        let line = ConsoleLine {
            at_ms: 0.0,
            gid: 0,
            stream: Stream::Stderr,
            text: format!("Le moteur d’exécution s’est arrêté : {reason}"),
        };
        listener.emit(RunEvent::Batch(RunBatch {
            lines: vec![line],
            end: Some(RunEnd::Stopped),
            ..RunBatch::default()
        }));
    }
}
