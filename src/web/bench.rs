//! Goroutine benchmarks in the page: the workloads `npm run bench` calls through
//! `window.wasmBindings`, and the service behind the « Mesurer dans votre navigateur » widget.
//!
//! Every `spawn_local`, timer and JS memory probe of a measurement lives here, so the widget
//! only renders state and dispatches (see `crate::components::measure`).
//!
//! # Memory
//! Three views of memory, because none alone is honest:
//! - the wasm linear memory (`wasm_bindgen::memory()`): what the tab really holds, but it only
//!   grows (64 KiB pages, never returned), so it is meaningful only in a fresh page load;
//! - the live Rust heap, counted by [`CountingAlloc`] (this crate's global allocator): exact
//!   bytes held, comparable across repeated runs in one page;
//! - the JS heap (`performance.memory.usedJSHeapSize`, Chromium only, precise with
//!   `--enable-precise-memory-info`): where `spawn_local` + `setTimeout` per task keeps closures.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use gloo_timers::callback::Interval;
use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::Callback;

use crate::runtime::{Program, Runtime, TraceLevel};
use crate::web::runtime_driver::{performance_now, BrowserRun};

/// The system allocator plus a count of live bytes.
///
/// Why a global allocator: the wasm memory never shrinks, so a second measurement in the same
/// page would see no growth at all; counting live bytes gives the real cost every time. On
/// wasm32 without threads the atomic is a plain load/add/store, a few instructions per call.
pub struct CountingAlloc;

static LIVE_BYTES: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded unchanged to `System`; only a counter is updated around it.
unsafe impl GlobalAlloc for CountingAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            LIVE_BYTES.fetch_add(layout.size(), Ordering::Relaxed);
        }
        ptr
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let ptr = unsafe { System.alloc_zeroed(layout) };
        if !ptr.is_null() {
            LIVE_BYTES.fetch_add(layout.size(), Ordering::Relaxed);
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE_BYTES.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let new = unsafe { System.realloc(ptr, layout, new_size) };
        if !new.is_null() {
            LIVE_BYTES.fetch_add(new_size, Ordering::Relaxed);
            LIVE_BYTES.fetch_sub(layout.size(), Ordering::Relaxed);
        }
        new
    }
}

#[global_allocator]
static ALLOCATOR: CountingAlloc = CountingAlloc;

/// Bytes currently allocated on the Rust heap.
pub fn live_heap_bytes() -> usize {
    LIVE_BYTES.load(Ordering::Relaxed)
}

/// Size of the wasm linear memory in bytes.
pub fn wasm_memory_bytes() -> f64 {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .ok()
        .and_then(|memory| memory.buffer().dyn_into::<js_sys::ArrayBuffer>().ok())
        .map_or(0.0, |buffer| f64::from(buffer.byte_length()))
}

/// `performance.memory.usedJSHeapSize`, where the browser exposes it (Chromium).
pub fn js_heap_bytes() -> Option<f64> {
    let performance = web_sys::window()?.performance()?;
    let memory = js_sys::Reflect::get(&performance, &JsValue::from_str("memory")).ok()?;
    if memory.is_undefined() {
        return None;
    }
    js_sys::Reflect::get(&memory, &JsValue::from_str("usedJSHeapSize")).ok()?.as_f64()
}

/// The three memory views at one moment.
#[derive(Clone, Copy, Debug)]
struct Snapshot {
    wasm: f64,
    heap: usize,
    js: Option<f64>,
}

impl Snapshot {
    fn take() -> Self {
        Snapshot { wasm: wasm_memory_bytes(), heap: live_heap_bytes(), js: js_heap_bytes() }
    }
}

/// One workload's figures, serialised for the benchmark script.
struct Report {
    way: &'static str,
    n: u32,
    sleep_ms: u32,
    total_us: f64,
    spawn_us: f64,
    parked_peak: u64,
    before: Snapshot,
    peak: Snapshot,
}

fn json_opt(value: Option<f64>) -> String {
    value.map_or_else(|| "null".to_owned(), |v| format!("{v}"))
}

impl Report {
    fn to_json(&self) -> String {
        let n = f64::from(self.n.max(1));
        let heap_growth = self.peak.heap.saturating_sub(self.before.heap) as f64;
        let wasm_growth = self.peak.wasm - self.before.wasm;
        let js_growth = self.peak.js.zip(self.before.js).map(|(peak, before)| peak - before);
        format!(
            concat!(
                "{{\"way\":\"{}\",\"n\":{},\"sleep_ms\":{},\"total_us\":{},\"spawn_us\":{},",
                "\"spawn_us_per_task\":{},\"us_per_task_over_sleep\":{},\"parked_peak\":{},",
                "\"wasm_before\":{},\"wasm_peak\":{},\"wasm_growth_per_task\":{},",
                "\"heap_before\":{},\"heap_peak\":{},\"heap_per_task\":{},",
                "\"js_heap_before\":{},\"js_heap_peak\":{},\"js_heap_growth_per_task\":{}}}"
            ),
            self.way,
            self.n,
            self.sleep_ms,
            self.total_us,
            self.spawn_us,
            self.spawn_us / n,
            (self.total_us - f64::from(self.sleep_ms) * 1000.0) / n,
            self.parked_peak,
            self.before.wasm,
            self.peak.wasm,
            wasm_growth / n,
            self.before.heap,
            self.peak.heap,
            heap_growth / n,
            json_opt(self.before.js),
            json_opt(self.peak.js),
            json_opt(js_growth.map(|g| g / n)),
        )
    }
}

/// Lets the current macrotask (and its microtasks, where executor tasks run) finish.
async fn next_macrotask() {
    TimeoutFuture::new(0).await;
}

/// Workload (a): the runtime's browser driver. Main starts `n` goroutines that each sleep
/// `sleep_ms` once, then waits for them on a WaitGroup; trace level `Counts`, speed 1×.
///
/// `spawn_us` runs from the start until every goroutine has been created and has parked in its
/// sleep; `total_us` until main has seen the WaitGroup reach zero. Resolves to a JSON string.
#[wasm_bindgen(js_name = benchRuntime)]
pub fn bench_runtime(n: u32, sleep_ms: u32) -> js_sys::Promise {
    wasm_bindgen_futures::future_to_promise(async move {
        let report = run_runtime(n, sleep_ms).await;
        Ok(JsValue::from_str(&report.to_json()))
    })
}

async fn run_runtime(n: u32, sleep_ms: u32) -> Report {
    let before = Snapshot::take();
    let end = Rc::new(Cell::new(None::<f64>));
    let main_end = end.clone();
    let pause = Duration::from_millis(u64::from(sleep_ms));
    let program = Program::new("bench", move |rt: Runtime| async move {
        let wg = rt.wait_group();
        for _ in 0..n {
            wg.add(1);
            let (r, w) = (rt.clone(), wg.clone());
            rt.go(async move {
                r.sleep(pause).await;
                w.done();
            });
        }
        wg.wait().await;
        main_end.set(Some(performance_now()));
    });
    let t0 = performance_now();
    let run = BrowserRun::start(program, 1.0, TraceLevel::Counts);
    loop {
        next_macrotask().await;
        if run.control().counters().sleeping >= u64::from(n) || run.is_finished() {
            break;
        }
    }
    let parked_at = performance_now();
    let peak = Snapshot::take();
    let parked_peak = run.control().counters().sleeping;
    let finished_at = wait_for(&end).await;
    drop(run);
    Report {
        way: "runtime",
        n,
        sleep_ms,
        total_us: (finished_at - t0) * 1000.0,
        spawn_us: (parked_at - t0) * 1000.0,
        parked_peak,
        before,
        peak,
    }
}

/// Waits (1 ms steps, outside the measured path) until `end` holds a time.
async fn wait_for(end: &Cell<Option<f64>>) -> f64 {
    loop {
        if let Some(at) = end.get() {
            return at;
        }
        TimeoutFuture::new(1).await;
    }
}

/// Workload (b): the naive way, one `spawn_local` task and one `TimeoutFuture` (one JS
/// `setTimeout` and its closure) per task. Same measures as [`bench_runtime`].
#[wasm_bindgen(js_name = benchNaive)]
pub fn bench_naive(n: u32, sleep_ms: u32) -> js_sys::Promise {
    wasm_bindgen_futures::future_to_promise(async move {
        let report = run_naive(n, sleep_ms).await;
        Ok(JsValue::from_str(&report.to_json()))
    })
}

async fn run_naive(n: u32, sleep_ms: u32) -> Report {
    let before = Snapshot::take();
    let end = Rc::new(Cell::new(None::<f64>));
    let parked = Rc::new(Cell::new(0u64));
    let remaining = Rc::new(Cell::new(n));
    let t0 = performance_now();
    for _ in 0..n {
        let (end, parked, remaining) = (end.clone(), parked.clone(), remaining.clone());
        wasm_bindgen_futures::spawn_local(async move {
            // Created in the task's first poll, like a goroutine's own `time.Sleep`.
            let timeout = TimeoutFuture::new(sleep_ms);
            parked.set(parked.get() + 1);
            timeout.await;
            parked.set(parked.get() - 1);
            remaining.set(remaining.get() - 1);
            if remaining.get() == 0 {
                end.set(Some(performance_now()));
            }
        });
    }
    loop {
        next_macrotask().await;
        if parked.get() >= u64::from(n) || end.get().is_some() {
            break;
        }
    }
    let parked_at = performance_now();
    let peak = Snapshot::take();
    let parked_peak = parked.get();
    let finished_at = if n == 0 { parked_at } else { wait_for(&end).await };
    Report {
        way: "naive",
        n,
        sleep_ms,
        total_us: (finished_at - t0) * 1000.0,
        spawn_us: (parked_at - t0) * 1000.0,
        parked_peak,
        before,
        peak,
    }
}

// ---- The widget's service ----------------------------------------------------------------

/// Goroutines created per batch; the page paints between two batches.
const BATCH: u32 = 2_000;
/// How long each goroutine sleeps: long enough that all are parked at once after the last
/// batch (spawning 10^5 takes a few hundred ms of real time, 1 ms of virtual time per batch).
const WIDGET_SLEEP: Duration = Duration::from_millis(1_000);
/// How often the widget's progress is refreshed.
const PROGRESS_EVERY_MS: u32 = 100;

/// What the widget shows while measuring.
#[derive(Clone, Debug, PartialEq)]
pub enum MeasureUpdate {
    /// Goroutines created so far (all parked in their sleep once created).
    Creating { created: u32, total: u32 },
    /// All created and parked; waiting for them to wake and finish.
    Parked(MeasureResult),
    /// Every goroutine woke and finished; main saw the WaitGroup reach zero.
    Done(MeasureResult),
}

/// The measured figures, in this browser, on one thread.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MeasureResult {
    pub goroutines: u32,
    /// Sum of the batches' synchronous time (create, hand to the executor, first poll that
    /// parks it in its sleep), divided by the number of goroutines.
    pub create_us_per_goroutine: f64,
    /// Growth of the live Rust heap between the start and the moment all were parked.
    pub bytes_per_parked_goroutine: f64,
    /// Goroutines asleep at that moment.
    pub parked: u64,
    /// Growth of the wasm memory over the run (0 when an earlier run already grew it).
    pub wasm_growth_bytes: f64,
    /// Wall-clock time from the click to the end, including the sleep.
    pub total_ms: f64,
}

/// Figures the program writes while it runs, read by the progress interval.
#[derive(Default)]
struct Probe {
    created: Cell<u32>,
    batch_start: Cell<f64>,
    create_ms: Cell<f64>,
    parked: Cell<Option<MeasureResult>>,
    done_at: Cell<Option<f64>>,
}

/// A measurement in progress. Dropping it stops the run: the goroutines are released and the
/// timers cancelled, which is what « Arrêter » and unmounting do.
pub struct MeasureRun {
    _run: BrowserRun,
    _progress: Interval,
}

impl MeasureRun {
    /// Starts `goroutines` goroutines of the notebook's runtime in batches of [`BATCH`], one
    /// batch per browser timer, and reports progress then results to `on_update`.
    pub fn start(goroutines: u32, on_update: Callback<MeasureUpdate>) -> MeasureRun {
        let probe = Rc::new(Probe::default());
        let before = Snapshot::take();
        let t0 = performance_now();
        let program = {
            let probe = probe.clone();
            Program::new("mesure", move |rt: Runtime| async move {
                let wg = rt.wait_group();
                let mut created = 0;
                while created < goroutines {
                    let batch = BATCH.min(goroutines - created);
                    probe.batch_start.set(performance_now());
                    for i in 0..batch {
                        let last = i + 1 == batch;
                        wg.add(1);
                        let (r, w, p) = (rt.clone(), wg.clone(), last.then(|| probe.clone()));
                        rt.go(async move {
                            // The batch's last goroutine closes its timing in its first poll:
                            // its companions were created and parked before it.
                            if let Some(p) = p {
                                p.create_ms.set(p.create_ms.get() + performance_now() - p.batch_start.get());
                            }
                            r.sleep(WIDGET_SLEEP).await;
                            w.done();
                        });
                    }
                    created += batch;
                    probe.created.set(created);
                    // A real browser timer: the page paints and handles clicks between batches.
                    rt.sleep(Duration::from_millis(1)).await;
                }
                let peak = Snapshot::take();
                let n = f64::from(goroutines.max(1));
                probe.parked.set(Some(MeasureResult {
                    goroutines,
                    create_us_per_goroutine: probe.create_ms.get() * 1000.0 / n,
                    bytes_per_parked_goroutine: peak.heap.saturating_sub(before.heap) as f64 / n,
                    parked: rt.counters().sleeping,
                    wasm_growth_bytes: peak.wasm - before.wasm,
                    total_ms: 0.0,
                }));
                wg.wait().await;
                probe.done_at.set(Some(performance_now()));
            })
        };
        let run = BrowserRun::start(program, 1.0, TraceLevel::Counts);
        let (mut parked_sent, mut done_sent) = (false, false);
        let progress = Interval::new(PROGRESS_EVERY_MS, move || {
            if done_sent {
                return;
            }
            match (probe.parked.get(), probe.done_at.get()) {
                (Some(mut result), Some(done_at)) => {
                    done_sent = true;
                    result.total_ms = done_at - t0;
                    on_update.emit(MeasureUpdate::Done(result));
                }
                (Some(result), None) if !parked_sent => {
                    parked_sent = true;
                    on_update.emit(MeasureUpdate::Parked(result));
                }
                (Some(_), None) => {}
                (None, _) => {
                    on_update.emit(MeasureUpdate::Creating { created: probe.created.get(), total: goroutines })
                }
            }
        });
        MeasureRun { _run: run, _progress: progress }
    }
}
