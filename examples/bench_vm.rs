//! Benchmark of the bytecode VM (not a test), on hand-assembled programs:
//! - `fib(30)`, one goroutine;
//! - N goroutines that each `time.Sleep(100ms)` then `wg.Done()` while main `wg.Wait()`s
//!   (N = 10^5 and 10^6): µs per goroutine and heap bytes per parked goroutine (a counting
//!   global allocator, measured while all of them sleep), next to the same workload on the
//!   compiled runtime path (the `Many` scenario's closure program, as `bench_native`).
//!
//! ```text
//! cargo run --release --example bench_vm
//! ```

use std::alloc::{GlobalAlloc, Layout, System};
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use goroutines_notebook::go::bytecode::{ArithOp, CmpOp, FuncProto, Native, NumKind, Op, Program, WellKnown};
use goroutines_notebook::go::types::{predeclared as pre, IntKind, NativeKind, StructField, TypeKind, TypeTable};
use goroutines_notebook::go::vm::{runtime_program, Limits};
use goroutines_notebook::runtime::{Progress, TraceLevel, VirtualRun};
use goroutines_notebook::scenarios::{program as scenario, Params, ScenarioId};

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size(), Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size >= layout.size() {
            LIVE.fetch_add(new_size - layout.size(), Ordering::Relaxed);
        } else {
            LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
        }
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const INT: NumKind = NumKind::Int(IntKind::Int);

fn func(name: &str, params: u16, results: u16, locals: u16, code: Vec<Op>) -> FuncProto {
    let lines = vec![1; code.len()];
    FuncProto { name: name.into(), params, results, locals, code, lines, ..FuncProto::default() }
}

/// A program whose functions are `main` (0), `init` (1), then `extra`.
fn program(types: TypeTable, main: FuncProto, extra: Vec<FuncProto>, globals: u32) -> Rc<Program> {
    let mut funcs = vec![main, func("main.init", 0, 0, 0, vec![Op::Return])];
    funcs.extend(extra);
    let any = pre::ANY;
    Rc::new(Program {
        types,
        funcs,
        consts: Vec::new(),
        method_names: vec!["Error".into(), "String".into()],
        methods: HashMap::new(),
        globals,
        init: 1,
        main: 0,
        error_method: 0,
        string_method: 1,
        well_known: WellKnown {
            error_string_ptr: any,
            wrap_error_ptr: any,
            wrap_errors_ptr: any,
            join_error_ptr: any,
            duration: pre::INT64,
            time: pre::INT64,
            time_chan: any,
            timer_ptr: any,
            file_ptr: any,
            ticker_ptr: any,
            runtime_error: pre::STRING,
            string_slice: any,
            error_slice: any,
            any_slice: any,
        },
    })
}

fn fib_program(n: i32) -> Rc<Program> {
    let fib = func(
        "main.fib",
        1,
        1,
        2,
        vec![
            Op::Load(0),
            Op::SmallInt(2),
            Op::Cmp(CmpOp::Lt, INT),
            Op::JumpIfFalse(7),
            Op::Load(0),
            Op::Store(1),
            Op::Return,
            Op::Load(0),
            Op::SmallInt(1),
            Op::Arith(ArithOp::Sub, INT),
            Op::Call { func: 2, argc: 1 },
            Op::Load(0),
            Op::SmallInt(2),
            Op::Arith(ArithOp::Sub, INT),
            Op::Call { func: 2, argc: 1 },
            Op::Arith(ArithOp::Add, INT),
            Op::Store(1),
            Op::Return,
        ],
    );
    let main = func(
        "main.main",
        0,
        0,
        0,
        vec![
            Op::SmallInt(n),
            Op::Call { func: 2, argc: 1 },
            Op::ToIface(pre::INT),
            Op::CallNative { native: Native::FmtPrintln, argc: 1 },
            Op::Return,
        ],
    );
    program(TypeTable::new(), main, vec![fib], 0)
}

/// `var wg sync.WaitGroup; wg.Add(n); for range n { go func() { time.Sleep(100ms); wg.Done() }() }; wg.Wait()`.
fn sleepers_program(n: i32) -> Rc<Program> {
    let mut types = TypeTable::new();
    let state = types.intern(TypeKind::Native(NativeKind::WaitGroup));
    let wg = types.intern(TypeKind::Struct(vec![StructField { name: "state".into(), ty: state, embedded: false }]));
    let worker = func(
        "main.main.func1",
        0,
        0,
        0,
        vec![
            Op::SmallInt(100_000_000),
            Op::CallNative { native: Native::TimeSleep, argc: 1 },
            Op::LoadGlobal(0),
            Op::AggToPtr,
            Op::CallNative { native: Native::WaitGroupDone, argc: 1 },
            Op::Return,
        ],
    );
    let main = func(
        "main.main",
        0,
        0,
        1,
        vec![
            Op::Zero(wg),
            Op::StoreGlobal(0),
            Op::LoadGlobal(0),
            Op::AggToPtr,
            Op::SmallInt(n),
            Op::CallNative { native: Native::WaitGroupAdd, argc: 2 },
            Op::SmallInt(0),
            Op::Store(0),
            // 8: loop head
            Op::Load(0),
            Op::SmallInt(n),
            Op::Cmp(CmpOp::Lt, INT),
            Op::JumpIfFalse(21),
            Op::MakeClosure { func: 2, captures: 0 },
            Op::Go { argc: 0 },
            Op::Load(0),
            Op::SmallInt(1),
            Op::Arith(ArithOp::Add, INT),
            Op::Store(0),
            Op::LoopCheck,
            Op::Jump(8),
            Op::Nil,
            // 21
            Op::LoadGlobal(0),
            Op::AggToPtr,
            Op::CallNative { native: Native::WaitGroupWait, argc: 1 },
            Op::Return,
        ],
    );
    program(types, main, vec![worker], 1)
}

/// Runs to the end, then again stopping when all `n` sleep, to weigh the parked state.
fn measure(n: u64, make: &dyn Fn() -> goroutines_notebook::runtime::Program) -> (f64, f64) {
    let start = Instant::now();
    let mut run = VirtualRun::new(make(), TraceLevel::Counts);
    run.run_to_end();
    let elapsed = start.elapsed();
    let report = run.report();
    drop(run);
    assert_eq!(report.status, 0, "{}", report.stderr);
    assert_eq!(report.summary.finished, n + 1, "every goroutine finishes");

    let baseline = LIVE.load(Ordering::Relaxed);
    let mut run = VirtualRun::new(make(), TraceLevel::Counts);
    loop {
        let c = run.runtime().counters();
        if c.sleeping == n && c.runnable == 0 {
            break;
        }
        if let Progress::Finished(_) = run.step(c.runnable.max(1) as usize) {
            panic!("finished before every goroutine was parked");
        }
    }
    let parked = LIVE.load(Ordering::Relaxed).saturating_sub(baseline);
    drop(run);
    (elapsed.as_secs_f64() * 1e6 / n as f64, parked as f64 / n as f64)
}

fn main() {
    let start = Instant::now();
    let report = goroutines_notebook::runtime::run_virtual(runtime_program(fib_program(30), Limits::default()));
    let fib = start.elapsed();
    println!("fib(30) = {}        {:.3} s", report.stdout.join(""), fib.as_secs_f64());

    for n in [100_000u64, 1_000_000] {
        let vm = measure(n, &|| runtime_program(sleepers_program(n as i32), Limits::default()));
        let native = measure(n, &|| {
            let mut params = Params::defaults(ScenarioId::Many);
            params.set("goroutines", n as i128);
            params.set("pause_ms", 100);
            scenario(&params)
        });
        println!(
            "{n:>9} sleepers  VM: {:6.2} µs/goroutine {:5.0} B/parked    compiled: {:6.2} µs/goroutine {:5.0} B/parked",
            vm.0, vm.1, native.0, native.1
        );
    }
}
