//! Runs compiled bytecode on [`crate::runtime`]: each goroutine is ONE runtime future (a
//! [`fiber::Fiber`]) holding its own frame stack and value stack.
//!
//! A blocking operation (channel, sleep, lock, wait) stores the runtime's own future in the
//! goroutine and returns `Pending`; the next poll finishes it and the interpreter loop goes
//! on. A blocked goroutine is therefore parked, never spinning, and the runtime's deadlock
//! rule stays exact. The loop yields every [`Limits::slice`] instructions (checked at loop back
//! edges and calls), so `for {}` never freezes the page.
//!
//! # Layout
//! - [`fiber`]: the goroutine future, frames, spawning, the pending blocked operation.
//! - [`exec`]: the dispatch loop (hot instructions inline); [`fastcall`]: its short call path.
//! - [`ops`], [`seq`], [`arith`], [`chan_ops`]: the other instructions.
//! - [`calls`]: calls, returns, `defer`, `panic`/`recover`.
//! - [`panic`]: Go's panic and fatal texts, tracebacks and the run's limits.
//! - [`natives`]: the Rust-implemented packages (`fmt`, `time`, `sync`, `errors`, ...).

mod arith;
mod calls;
mod chan_ops;
mod exec;
mod fastcall;
mod fiber;
mod natives;
mod ops;
mod panic;
mod seq;
mod store;

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use super::bytecode::Program;
use super::value::{Native as NativeState, Value};
use crate::runtime::{Gid, Mutex as RtMutex, Runtime};

/// What a run may use. Exceeding a limit ends the run with a clear message (status 2), never
/// a crash of the page.
#[derive(Clone, Debug)]
pub struct Limits {
    /// Bytes a program may write to stdout and stderr: 8 MiB.
    pub max_output_bytes: u64,
    /// Lines a program may write: 100 000 (each is kept for the console).
    pub max_output_lines: u64,
    /// Goroutines alive at once besides main: 1 000 000 (the lesson's largest demo).
    pub max_goroutines: u64,
    /// Approximate bytes of what Go code allocates (slices, strings, maps, structs): 256 MiB.
    /// Counted when allocated; released only where the VM sees the last reference go (a
    /// slice that `append` outgrew, a string `+` replaced). Reaching it is Go's
    /// `fatal error: runtime: out of memory`.
    pub max_heap_bytes: u64,
    /// Nested calls per goroutine: 200 000, the stand-in for Go's 1 GB stack
    /// (`fatal error: stack overflow`).
    pub max_call_depth: usize,
    /// Instructions a whole run may execute: `Some(1 000 000 000)` (a few seconds), then
    /// `timeout running program` like the Go Playground. `None`: no limit (a page run the
    /// reader can stop).
    pub cpu_budget: Option<u64>,
    /// Instructions a goroutine runs before yielding to the scheduler: 2 000 (about 10 µs),
    /// so other goroutines and the page get their turn.
    pub slice: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_output_bytes: 8 << 20,
            max_output_lines: 100_000,
            max_goroutines: 1_000_000,
            max_heap_bytes: 256 << 20,
            max_call_depth: 200_000,
            cpu_budget: Some(1_000_000_000),
            slice: 2_000,
        }
    }
}

/// The runtime program that runs `program`'s package initialiser then `main` as goroutine 1.
pub fn runtime_program(program: Rc<Program>, limits: Limits) -> crate::runtime::Program {
    crate::runtime::Program::new("main", move |rt: Runtime| {
        crate::runtime::set_slot_hooks(fiber::SLOT_HOOKS);
        let vm = Vm::new(rt.clone(), program, limits);
        let weak = Rc::downgrade(&vm);
        rt.set_stack_hook(Rc::new(move |gid| weak.upgrade().map(|vm| vm.stack_lines(gid)).unwrap_or_default()));
        // Lanes are named as Go names goroutines' functions, without the package.
        let named = Rc::clone(&vm.program);
        rt.set_site_namer(Rc::new(move |func| {
            let name = &named.funcs.get(usize::try_from(func).ok()?)?.name;
            Some(name.strip_prefix("main.").unwrap_or(name).to_owned())
        }));
        fiber::main_future(vm)
    })
}

/// See [`Vm::frame_init`].
fn frame_init(program: &Program, f: &super::bytecode::FuncProto, empty_str: &Rc<Vec<u8>>) -> Option<Box<[Value]>> {
    let rest = (f.locals as usize).checked_sub(f.params as usize)?;
    let mut init = vec![Value::Nil; rest];
    for (slot, &ty) in init.iter_mut().zip(&f.result_types) {
        *slot = ops::scalar_zero(program, ty, empty_str)?;
    }
    (f.result_types.len() <= rest).then(|| init.into_boxed_slice())
}

/// A `sync.Once` whose `Do` runs: its state (kept alive while its address is the key) and lock.
pub(crate) type OnceLock = (Rc<RefCell<NativeState>>, RtMutex);

/// State shared by every goroutine of one run.
pub(crate) struct Vm {
    pub program: Rc<Program>,
    pub rt: Runtime,
    pub limits: Limits,
    pub globals: RefCell<Vec<Value>>,
    pub out_bytes: Cell<u64>,
    pub out_lines: Cell<u64>,
    pub heap: Cell<u64>,
    /// Instructions executed by the whole run (flushed when a goroutine stops running).
    pub steps: Cell<u64>,
    pub next_chan_id: Cell<u64>,
    /// Goroutines spawned and not finished (main included).
    pub live: Cell<u64>,
    /// Method name → index in `Program::method_names`.
    pub method_ids: HashMap<String, u32>,
    /// Locks of `sync.Once` values whose `Do` is running, by the address of their state.
    pub onces: RefCell<HashMap<usize, OnceLock>>,
    pub empty_str: Rc<Vec<u8>>,
    /// Zero value of each type that needs no fresh box (`None` for structs, arrays and
    /// `sync` objects), so `Zero` of a scalar is a clone.
    pub scalar_zeros: Vec<Option<Value>>,
    /// Per function: whether a result needs zeroing on entry, and the zeros to clone.
    pub result_zeros: Vec<Option<Box<[Option<Value>]>>>,
    /// Per function: its locals after the parameters as a call starts them (result zeros,
    /// then `Nil`), when no result needs a fresh box: the fast call path clones it.
    pub frame_init: Vec<Option<Box<[Value]>>>,
}

impl Vm {
    fn new(rt: Runtime, program: Rc<Program>, limits: Limits) -> Rc<Vm> {
        let method_ids = program.method_names.iter().enumerate().map(|(i, name)| (name.clone(), i as u32)).collect();
        let globals = vec![Value::Nil; program.globals as usize];
        let empty_str = Rc::new(Vec::new());
        let scalar_zeros =
            (0..program.types.len() as u32).map(|ty| ops::scalar_zero(&program, ty, &empty_str)).collect();
        Rc::new(Vm {
            rt,
            limits,
            globals: RefCell::new(globals),
            out_bytes: Cell::new(0),
            out_lines: Cell::new(0),
            heap: Cell::new(0),
            steps: Cell::new(0),
            next_chan_id: Cell::new(1),
            live: Cell::new(0),
            method_ids,
            onces: RefCell::new(HashMap::new()),
            result_zeros: program
                .funcs
                .iter()
                .map(|f| {
                    if f.result_types.is_empty() {
                        return None;
                    }
                    let zeros: Vec<Option<Value>> =
                        f.result_types.iter().map(|&ty| ops::scalar_zero(&program, ty, &empty_str)).collect();
                    Some(zeros.into_boxed_slice())
                })
                .collect(),
            frame_init: program.funcs.iter().map(|f| frame_init(&program, f, &empty_str)).collect(),
            scalar_zeros,
            empty_str,
            program,
        })
    }

    /// Instructions a goroutine runs before yielding.
    pub fn slice(&self) -> i32 {
        i32::try_from(self.limits.slice.max(1)).unwrap_or(i32::MAX)
    }

    pub fn method_id(&self, name: &str) -> Option<u32> {
        self.method_ids.get(name).copied()
    }

    /// Frames of a parked goroutine for the deadlock report.
    fn stack_lines(&self, gid: Gid) -> Vec<String> {
        store::with(|fibers| fibers.with_gid(self, gid, |fiber| fiber.traceback_lines(&fiber.capture_trace(), false)))
            .flatten()
            .unwrap_or_default()
    }
}

/// Why the interpreter loop stopped, or why an operation did not complete.
pub(crate) enum Trap {
    /// A Go panic with its value (an interface value).
    Panic(Value),
    /// The goroutine parked: its pending future is stored.
    Block,
    /// The run ended (exit, fatal error, limit): stop at once.
    Halt,
    /// A panic that unwound through a nested run's barrier frame: the native that started
    /// the nested run raises it again in its own frame.
    Unwound(Value),
    /// `runtime.Goexit()`: unwinds like a panic that nothing recovers, then ends the
    /// goroutine quietly.
    Goexit,
}

pub(crate) type Res<T = ()> = Result<T, Trap>;
