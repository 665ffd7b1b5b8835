//! What a goroutine costs in this page: the service behind the « Mesurer dans votre
//! navigateur » widget, the memory probes it reads, and (with the `bench` cargo feature only)
//! the workloads `npm run bench` calls through `window.wasmBindings` ([`workloads`]).
//!
//! Every `spawn_local`, timer and JS memory probe of a measurement lives here, so the widget
//! only renders state and dispatches (see `crate::components::measure`).
//!
//! # Memory
//! Two views of memory, because neither alone is honest:
//! - the wasm linear memory (`wasm_bindgen::memory()`): what the tab really holds, but it only
//!   grows (64 KiB pages, never returned), so it is meaningful only in a fresh page load;
//! - the live Rust heap, counted by [`CountingAlloc`] (this crate's global allocator): exact
//!   bytes held, comparable across repeated runs in one page.
//!
//! The benchmark adds a third, the JS heap, where `spawn_local` + `setTimeout` per task keeps
//! closures.
//!
//! # Why the counting allocator ships in production
//! The widget's « Mémoire par goroutine endormie » is the growth of the live Rust heap: the
//! only figure that stays right when the widget runs a second time, or after a cell already
//! grew the wasm memory (its growth is then 0). The system allocator (dlmalloc) has no
//! statistics to ask instead, so the production build keeps this one counter, a few
//! instructions per allocation; only the benchmark's exports are behind the `bench` feature.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use gloo_timers::callback::Interval;
use wasm_bindgen::JsCast;
use yew::Callback;

use crate::runtime::{Program, Runtime, TraceLevel};
use crate::web::runtime_driver::{performance_now, BrowserRun};

#[cfg(feature = "bench")]
pub mod workloads;

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

/// The widget's two memory views at one moment.
#[derive(Clone, Copy, Debug)]
struct Snapshot {
    wasm: f64,
    heap: usize,
}

impl Snapshot {
    fn take() -> Self {
        Snapshot { wasm: wasm_memory_bytes(), heap: live_heap_bytes() }
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
