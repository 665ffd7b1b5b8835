//! The workloads `npm run bench` calls through `window.wasmBindings` (`tests/bench/run.mjs`).
//!
//! Built only with the `bench` cargo feature: `npm run bench` makes its own build
//! (`trunk build --release --features bench --dist target/dist-bench`), and the production
//! bundle carries none of these exports (`tests/e2e/build.test.mjs` checks it).
//!
//! Every workload is N tasks that each sleep once, timed from the first spawn: `spawn_us` until
//! all are parked in their sleep, `total_us` until the waiter has seen all of them done. Each
//! resolves to a JSON string of [`Report`].

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::prelude::*;

use super::{live_heap_bytes, wasm_memory_bytes};
use crate::go;
use crate::runtime::{Program, Runtime, TraceLevel};
use crate::web::runtime_driver::{performance_now, BrowserRun};

/// `performance.memory.usedJSHeapSize`, where the browser exposes it (Chromium).
fn js_heap_bytes() -> Option<f64> {
    let performance = web_sys::window()?.performance()?;
    let memory = js_sys::Reflect::get(&performance, &JsValue::from_str("memory")).ok()?;
    if memory.is_undefined() {
        return None;
    }
    js_sys::Reflect::get(&memory, &JsValue::from_str("usedJSHeapSize")).ok()?.as_f64()
}

/// The three memory views at one moment: wasm memory, live Rust heap, JS heap.
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
    /// Parse + check + compile of the Go source (the interpreted way only).
    compile_us: Option<f64>,
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
                "\"js_heap_before\":{},\"js_heap_peak\":{},\"js_heap_growth_per_task\":{},",
                "\"compile_us\":{}}}"
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
            json_opt(self.compile_us),
        )
    }
}

/// Lets the current macrotask (and its microtasks, where executor tasks run) finish.
async fn next_macrotask() {
    TimeoutFuture::new(0).await;
}

/// Until every one of `n` goroutines sleeps (or the run ended first, as at 10^6 where the
/// first sleeps end before the last goroutine starts): returns the time and the memory then.
async fn wait_parked(run: &BrowserRun, n: u32) -> (f64, Snapshot, u64) {
    loop {
        next_macrotask().await;
        if run.control().counters().sleeping >= u64::from(n) || run.is_finished() {
            break;
        }
    }
    (performance_now(), Snapshot::take(), run.control().counters().sleeping)
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
    let (parked_at, peak, parked_peak) = wait_parked(&run, n).await;
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
        compile_us: None,
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

/// The interpreted workload's Go program: the file the native `bench_go` example also runs.
const SLEEPERS_GO: &str = include_str!("../../../tests/bench/interp/sleepers.go");

/// `sleepers.go` with `n` goroutines that each sleep `sleep_ms`.
fn sleepers_source(n: u32, sleep_ms: u32) -> Result<String, String> {
    let (n_const, sleep) = ("const n = 100000", "time.Sleep(100 * time.Millisecond)");
    if !SLEEPERS_GO.contains(n_const) || !SLEEPERS_GO.contains(sleep) {
        return Err(format!("tests/bench/interp/sleepers.go no longer has `{n_const}` and `{sleep}`"));
    }
    Ok(SLEEPERS_GO
        .replace(n_const, &format!("const n = {n}"))
        .replace(sleep, &format!("time.Sleep({sleep_ms} * time.Millisecond)")))
}

/// Workload (b): the same goroutines written in Go and run by the interpreter
/// (`go::build` with the default limits) on the same browser driver as [`bench_runtime`].
///
/// Compiling is timed apart (`compile_us`), not in `total_us`. Main's end is not observable
/// from inside the Go program, so a probe sees it between two browser tasks: 1 ms timers until
/// shortly before the sleep can end, then one `MessageChannel` message per task (a nested
/// zero-delay timer would be clamped to 4 ms). Rejects with the diagnostics if it fails.
#[wasm_bindgen(js_name = benchInterpreted)]
pub fn bench_interpreted(n: u32, sleep_ms: u32) -> js_sys::Promise {
    wasm_bindgen_futures::future_to_promise(async move {
        match run_interpreted(n, sleep_ms).await {
            Ok(report) => Ok(JsValue::from_str(&report.to_json())),
            Err(why) => Err(JsValue::from_str(&why)),
        }
    })
}

async fn run_interpreted(n: u32, sleep_ms: u32) -> Result<Report, String> {
    let src = sleepers_source(n, sleep_ms)?;
    let compile_start = performance_now();
    let program = go::build(&src, go::vm::Limits::default()).map_err(|diags| diags.join("\n"))?;
    let compile_us = (performance_now() - compile_start) * 1000.0;
    let before = Snapshot::take();
    let t0 = performance_now();
    let run = BrowserRun::start(program, 1.0, TraceLevel::Counts);
    let (parked_at, peak, parked_peak) = wait_parked(&run, n).await;
    let finished_at = wait_finished(&run, t0 + f64::from(sleep_ms) - 10.0).await;
    let exit = run.control().exited();
    drop(run);
    match exit {
        Some(exit) if exit.status == 0 => {}
        other => return Err(format!("the interpreted program did not end with status 0: {other:?}")),
    }
    Ok(Report {
        way: "interpreted",
        n,
        sleep_ms,
        total_us: (finished_at - t0) * 1000.0,
        spawn_us: (parked_at - t0) * 1000.0,
        parked_peak,
        before,
        peak,
        compile_us: Some(compile_us),
    })
}

/// The time at which `run` is first seen finished: coarse 1 ms timers until `close_at` (no
/// goroutine can have finished its sleep before), then a check in every browser task.
async fn wait_finished(run: &BrowserRun, close_at: f64) -> f64 {
    while !run.is_finished() && performance_now() < close_at {
        TimeoutFuture::new(1).await;
    }
    let channel = web_sys::MessageChannel::new().ok();
    while !run.is_finished() {
        match &channel {
            Some(channel) => next_message(channel).await,
            None => next_macrotask().await,
        }
    }
    let at = performance_now();
    if let Some(channel) = channel {
        channel.port1().set_onmessage(None);
        channel.port1().close();
        channel.port2().close();
    }
    at
}

/// Resolves in a new browser task: a message posted to ourselves.
async fn next_message(channel: &web_sys::MessageChannel) {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        channel.port1().set_onmessage(Some(&resolve));
        // A failed post leaves the promise pending: resolve at once instead.
        if channel.port2().post_message(&JsValue::UNDEFINED).is_err() {
            let _ = resolve.call0(&JsValue::UNDEFINED);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Workload (c): the naive way, one `spawn_local` task and one `TimeoutFuture` (one JS
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
        compile_us: None,
    }
}
