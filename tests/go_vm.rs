//! The VM on hand-assembled bytecode (independent of the compiler), run in virtual time.

use std::collections::HashMap;
use std::rc::Rc;
use std::time::Duration;

use goroutines_notebook::go::ast::ChanDir;
use goroutines_notebook::go::bytecode::{
    ArithOp, CmpOp, FuncProto, MethodImpl, Native, NumKind, Op, Program, SelectDesc, WellKnown,
};
use goroutines_notebook::go::types::{predeclared as pre, IntKind, NativeKind, StructField, TypeKind, TypeTable};
use goroutines_notebook::go::value::{Callee, Value};
use goroutines_notebook::go::vm::{runtime_program, Limits};
use goroutines_notebook::runtime::{run_virtual, RunReport};

const INT: NumKind = NumKind::Int(IntKind::Int);

/// A program under construction: function 0 is `main`, 1 the (empty) initialiser.
struct Asm {
    types: TypeTable,
    funcs: Vec<FuncProto>,
    consts: Vec<Value>,
    globals: u32,
    well_known: WellKnown,
    methods: HashMap<(u32, u32), MethodImpl>,
    /// `struct { state sync.waitGroupState }`
    wg: u32,
    int_chan: u32,
}

fn func(name: &str, params: u16, results: u16, locals: u16, code: Vec<Op>) -> FuncProto {
    // Line of instruction i is 10 + i: tracebacks are predictable.
    let lines = (0..code.len() as u32).map(|i| 10 + i).collect();
    FuncProto { name: name.into(), line: 9, params, results, locals, code, lines, ..FuncProto::default() }
}

impl Asm {
    fn new() -> Asm {
        let mut types = TypeTable::new();
        let str_struct =
            types.intern(TypeKind::Struct(vec![StructField { name: "s".into(), ty: pre::STRING, embedded: false }]));
        let error_string_ptr = types.intern(TypeKind::Pointer(str_struct));
        let runtime_error = types.push(TypeKind::Named {
            package: "runtime".into(),
            name: "errorString".into(),
            underlying: pre::STRING,
        });
        let duration =
            types.push(TypeKind::Named { package: "time".into(), name: "Duration".into(), underlying: pre::INT64 });
        let time = types.push(TypeKind::Named { package: "time".into(), name: "Time".into(), underlying: pre::INT64 });
        let time_chan = types.intern(TypeKind::Chan { dir: ChanDir::Recv, elem: time });
        let string_slice = types.intern(TypeKind::Slice(pre::STRING));
        let error_slice = types.intern(TypeKind::Slice(pre::ERROR));
        let any_slice = types.intern(TypeKind::Slice(pre::ANY));
        let wg_state = types.intern(TypeKind::Native(NativeKind::WaitGroup));
        let wg = types.push(TypeKind::Named { package: "sync".into(), name: "WaitGroup".into(), underlying: 0 });
        let wg_struct =
            types.intern(TypeKind::Struct(vec![StructField { name: "state".into(), ty: wg_state, embedded: false }]));
        types.set_underlying(wg, wg_struct);
        let int_chan = types.intern(TypeKind::Chan { dir: ChanDir::Both, elem: pre::INT });
        let well_known = WellKnown {
            error_string_ptr,
            wrap_error_ptr: error_string_ptr,
            wrap_errors_ptr: error_string_ptr,
            join_error_ptr: error_string_ptr,
            duration,
            time,
            time_chan,
            timer_ptr: time_chan,
            file_ptr: time_chan,
            ticker_ptr: time_chan,
            runtime_error,
            plain_error: runtime_error,
            bounds_error: runtime_error,
            assert_error_ptr: runtime_error,
            panic_nil_ptr: runtime_error,
            string_slice,
            error_slice,
            any_slice,
        };
        let mut methods = HashMap::new();
        methods
            .insert((runtime_error, 0), MethodImpl { callee: Callee::Native(Native::RuntimeErrorError), deref: false });
        Asm {
            types,
            funcs: vec![func("main.main", 0, 0, 0, vec![Op::Return]), func("main.init", 0, 0, 0, vec![Op::Return])],
            consts: Vec::new(),
            globals: 0,
            well_known,
            methods,
            wg,
            int_chan,
        }
    }

    fn main(&mut self, locals: u16, code: Vec<Op>) {
        self.funcs[0] = func("main.main", 0, 0, locals, code);
    }

    /// Adds a function, returns its id.
    fn add(&mut self, f: FuncProto) -> u32 {
        self.funcs.push(f);
        self.funcs.len() as u32 - 1
    }

    fn konst(&mut self, v: Value) -> u32 {
        self.consts.push(v);
        self.consts.len() as u32 - 1
    }

    fn build(self) -> Rc<Program> {
        Rc::new(Program {
            types: self.types,
            funcs: self.funcs,
            consts: self.consts,
            method_names: vec!["Error".into(), "String".into()],
            methods: self.methods,
            globals: self.globals,
            init: 1,
            main: 0,
            error_method: 0,
            string_method: 1,
            well_known: self.well_known,
        })
    }

    fn run(self, limits: Limits) -> RunReport {
        run_virtual(runtime_program(self.build(), limits))
    }
}

/// `fmt.Println(<int on the stack>)`.
fn println_int() -> [Op; 2] {
    [Op::ToIface(pre::INT), Op::CallNative { native: Native::FmtPrintln, argc: 1 }]
}

/// `fmt.Println(consts[k])` for a string constant.
fn println_const(k: u32) -> [Op; 3] {
    [Op::Const(k), Op::ToIface(pre::STRING), Op::CallNative { native: Native::FmtPrintln, argc: 1 }]
}

fn fib_func() -> FuncProto {
    func(
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
    )
}

#[test]
fn recursive_fib() {
    let mut asm = Asm::new();
    assert_eq!(asm.add(fib_func()), 2);
    let mut code = vec![Op::SmallInt(20), Op::Call { func: 2, argc: 1 }];
    code.extend(println_int());
    code.push(Op::Return);
    asm.main(0, code);
    let report = asm.run(Limits::default());
    assert_eq!(report.stdout_text(), "6765\n");
    assert_eq!(report.status, 0);
}

#[test]
fn endless_loop_stops_at_the_cpu_budget() {
    let mut asm = Asm::new();
    asm.main(0, vec![Op::LoopCheck, Op::Jump(0)]);
    let limits = Limits { cpu_budget: Some(100_000), ..Limits::default() };
    let report = asm.run(limits);
    assert_eq!(report.status, 2);
    let lines: Vec<&str> = report.stderr.lines().collect();
    assert_eq!(lines[0], "timeout running program");
    assert!(lines[1].starts_with("le carnet arrête un programme après 100000 instructions"), "{}", lines[1]);
}

/// `var wg sync.WaitGroup` as global 0; `&wg` is `LoadGlobal(0), AggToPtr`.
fn wg_ptr() -> [Op; 2] {
    [Op::LoadGlobal(0), Op::AggToPtr]
}

#[test]
fn goroutine_sleeps_then_done_while_main_waits() {
    let mut asm = Asm::new();
    asm.globals = 1;
    let msg = asm.konst(Value::str("worker done"));
    let end = asm.konst(Value::str("main done"));
    let mut worker = vec![Op::SmallInt(100_000_000), Op::CallNative { native: Native::TimeSleep, argc: 1 }];
    worker.extend(println_const(msg));
    worker.extend(wg_ptr());
    worker.extend([Op::CallNative { native: Native::WaitGroupDone, argc: 1 }, Op::Return]);
    let worker = asm.add(func("main.main.func1", 0, 0, 0, worker));
    let mut code = vec![Op::Zero(asm.wg), Op::StoreGlobal(0)];
    code.extend(wg_ptr());
    code.extend([
        Op::SmallInt(1),
        Op::CallNative { native: Native::WaitGroupAdd, argc: 2 },
        Op::MakeClosure { func: worker, captures: 0 },
        Op::Go { argc: 0 },
    ]);
    code.extend(wg_ptr());
    code.push(Op::CallNative { native: Native::WaitGroupWait, argc: 1 });
    code.extend(println_const(end));
    code.push(Op::Return);
    asm.main(0, code);
    let report = asm.run(Limits::default());
    assert_eq!(report.stdout, ["worker done", "main done"]);
    assert_eq!(report.end_time, Duration::from_millis(100));
    assert_eq!(report.status, 0);
    assert_eq!(report.summary.started, 2);
}

#[test]
fn unbuffered_ping_pong() {
    let mut asm = Asm::new();
    let chan = asm.int_chan;
    // pong(in, out): for i := 0; i < 3; i++ { out <- (<-in) * 10 }
    let pong = asm.add(func(
        "main.pong",
        2,
        0,
        3,
        vec![
            Op::SmallInt(0),
            Op::Store(2),
            Op::Load(2),
            Op::SmallInt(3),
            Op::Cmp(CmpOp::Lt, INT),
            Op::JumpIfFalse(17),
            Op::Load(1),
            Op::Load(0),
            Op::Recv { elem: pre::INT },
            Op::SmallInt(10),
            Op::Arith(ArithOp::Mul, INT),
            Op::Send,
            Op::Load(2),
            Op::SmallInt(1),
            Op::Arith(ArithOp::Add, INT),
            Op::Store(2),
            Op::Jump(2),
            Op::Return,
        ],
    ));
    let mut code = vec![
        Op::SmallInt(0),
        Op::MakeChan { ty: chan },
        Op::Store(0),
        Op::SmallInt(0),
        Op::MakeChan { ty: chan },
        Op::Store(1),
        Op::MakeClosure { func: pong, captures: 0 },
        Op::Load(0),
        Op::Load(1),
        Op::Go { argc: 2 },
        Op::SmallInt(0),
        Op::Store(2),
        // loop head: 12
        Op::Load(2),
        Op::SmallInt(3),
        Op::Cmp(CmpOp::Lt, INT),
        Op::JumpIfFalse(31),
        Op::Load(0),
        Op::Load(2),
        Op::Send,
        Op::Load(1),
        Op::Recv { elem: pre::INT },
    ];
    code.extend(println_int());
    code.extend([
        Op::Load(2),
        Op::SmallInt(1),
        Op::Arith(ArithOp::Add, INT),
        Op::Store(2),
        Op::LoopCheck,
        Op::Jump(12),
        Op::Nil,
        Op::Pop,
    ]);
    assert_eq!(code.len(), 31);
    code.push(Op::Return);
    asm.main(3, code);
    let report = asm.run(Limits::default());
    assert_eq!(report.stdout, ["0", "10", "20"]);
    assert_eq!(report.status, 0);
}

#[test]
fn select_with_default_takes_default_when_nothing_is_ready() {
    let mut asm = Asm::new();
    let chan = asm.int_chan;
    let mut code = vec![Op::SmallInt(0), Op::MakeChan { ty: chan }, Op::Select(0), Op::Pop, Op::Pop];
    code.extend(println_int());
    code.push(Op::Return);
    asm.main(0, code);
    asm.funcs[0].selects = vec![SelectDesc { sends: vec![false], elems: vec![pre::INT], has_default: true }];
    let report = asm.run(Limits::default());
    assert_eq!(report.stdout, ["1"], "the index of default is the number of cases");
}

#[test]
fn deadlock_on_a_receive_nobody_answers() {
    let mut asm = Asm::new();
    let chan = asm.int_chan;
    asm.main(0, vec![Op::SmallInt(0), Op::MakeChan { ty: chan }, Op::Recv { elem: pre::INT }, Op::Pop, Op::Return]);
    let report = asm.run(Limits::default());
    assert_eq!(report.status, 2);
    assert_eq!(
        report.stderr,
        "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan receive]:\nmain.main()\n\tprog.go:12"
    );
}

#[test]
fn index_out_of_range_panics_with_go_text() {
    let mut asm = Asm::new();
    let slice = asm.types.intern(TypeKind::Slice(pre::INT));
    asm.main(
        0,
        vec![
            Op::SmallInt(1),
            Op::SmallInt(2),
            Op::SmallInt(3),
            Op::MakeSlice { ty: slice, n: 3 },
            Op::SmallInt(5),
            Op::Index,
            Op::Pop,
            Op::Return,
        ],
    );
    let report = asm.run(Limits::default());
    assert_eq!(report.status, 2);
    assert_eq!(
        report.stderr,
        "panic: runtime error: index out of range [5] with length 3\n\ngoroutine 1 [running]:\nmain.main()\n\tprog.go:15"
    );
}

#[test]
fn deferred_recover_makes_the_function_return_normally() {
    let mut asm = Asm::new();
    let boom = asm.konst(Value::str("boom"));
    let after = asm.konst(Value::str("after"));
    // func() { r := recover(); fmt.Println(r) }
    let rescue = asm.add(func(
        "main.f.func1",
        0,
        0,
        0,
        vec![Op::Recover, Op::CallNative { native: Native::FmtPrintln, argc: 1 }, Op::Return],
    ));
    // func f() int { defer rescue(); panic("boom") } (result 7 set before the panic)
    let f = asm.add(func(
        "main.f",
        0,
        1,
        1,
        vec![
            Op::SmallInt(7),
            Op::Store(0),
            Op::MakeClosure { func: rescue, captures: 0 },
            Op::Defer { argc: 0 },
            Op::Const(boom),
            Op::ToIface(pre::STRING),
            Op::Panic,
            Op::Return,
        ],
    ));
    let mut code = vec![Op::Call { func: f, argc: 0 }];
    code.extend(println_int());
    code.extend(println_const(after));
    code.push(Op::Return);
    asm.main(0, code);
    let report = asm.run(Limits::default());
    assert_eq!(report.stdout, ["boom", "7", "after"]);
    assert_eq!(report.status, 0);
}

#[test]
fn os_exit_skips_deferred_calls() {
    let mut asm = Asm::new();
    let deferred = asm.konst(Value::str("deferred"));
    let d = asm.add(func("main.main.func1", 0, 0, 0, [&println_const(deferred)[..], &[Op::Return]].concat()));
    asm.main(
        0,
        vec![
            Op::MakeClosure { func: d, captures: 0 },
            Op::Defer { argc: 0 },
            Op::SmallInt(3),
            Op::CallNative { native: Native::OsExit, argc: 1 },
            Op::Return,
        ],
    );
    let report = asm.run(Limits::default());
    assert_eq!(report.status, 3);
    assert!(report.stdout.is_empty());
    assert_eq!(report.stderr, "");
}

#[test]
fn partial_stdout_line_is_flushed_at_exit() {
    let mut asm = Asm::new();
    let a = asm.konst(Value::str("line\nno newline"));
    asm.main(
        0,
        vec![Op::Const(a), Op::ToIface(pre::STRING), Op::CallNative { native: Native::FmtPrint, argc: 1 }, Op::Return],
    );
    let report = asm.run(Limits::default());
    assert_eq!(report.stdout, ["line", "no newline"]);
    assert!(!report.stdout_newline_terminated);
    assert_eq!(report.stdout_text(), "line\nno newline");
}

#[test]
fn output_limit_ends_the_run() {
    let mut asm = Asm::new();
    let x = asm.konst(Value::str("x"));
    let mut code = println_const(x).to_vec();
    code.extend([Op::LoopCheck, Op::Jump(0)]);
    asm.main(0, code);
    let report = asm.run(Limits { max_output_lines: 5, ..Limits::default() });
    assert_eq!(report.stdout.len(), 5);
    assert_eq!(report.status, 2);
    assert!(report.stderr.starts_with("fatal error: too much output\n"), "{}", report.stderr);
}

#[test]
fn goroutine_limit_ends_the_run() {
    let mut asm = Asm::new();
    let block =
        asm.add(func("main.main.func1", 0, 0, 0, vec![Op::Nil, Op::Recv { elem: pre::INT }, Op::Pop, Op::Return]));
    asm.main(0, vec![Op::MakeClosure { func: block, captures: 0 }, Op::Go { argc: 0 }, Op::LoopCheck, Op::Jump(0)]);
    let report = asm.run(Limits { max_goroutines: 10, ..Limits::default() });
    assert_eq!(report.status, 2);
    assert!(report.stderr.starts_with("fatal error: too many goroutines\n"), "{}", report.stderr);
    assert_eq!(report.summary.started, 11, "main and 10 goroutines");
}

#[test]
fn infinite_recursion_overflows_the_stack() {
    let mut asm = Asm::new();
    let f = asm.add(func("main.f", 1, 0, 1, vec![Op::Load(0), Op::Call { func: 2, argc: 1 }, Op::Return]));
    asm.main(0, vec![Op::SmallInt(1), Op::Call { func: f, argc: 1 }, Op::Return]);
    let report = asm.run(Limits { max_call_depth: 1000, ..Limits::default() });
    assert_eq!(report.status, 2);
    let lines: Vec<&str> = report.stderr.lines().collect();
    assert_eq!(
        lines[..4],
        [
            "runtime: goroutine stack exceeds 1000000000-byte limit",
            "fatal error: stack overflow",
            "",
            "goroutine 1 [running]:"
        ]
    );
    assert_eq!(lines[4..6], ["main.f(...)", "\tprog.go:11"]);
    assert!(report.stderr.contains(" frames elided..."), "{}", report.stderr);
}

#[test]
fn nil_map_assignment_is_a_recoverable_runtime_error() {
    let mut asm = Asm::new();
    asm.main(0, vec![Op::Nil, Op::SmallInt(1), Op::SmallInt(2), Op::SetMapIndex, Op::Return]);
    let report = asm.run(Limits::default());
    assert!(report
        .stderr
        .starts_with("panic: assignment to entry in nil map\n\ngoroutine 1 [running]:\nmain.main()\n"));
    assert_eq!(report.status, 2);
}

/// `local 0 = v; if local 0 op k { println(1) }; println(2)`, with the condition as the four
/// instructions the compiler emits or as the fused `JumpUnlessLKWide`.
fn wide_bound(v: Value, op: CmpOp, kind: IntKind, k: i32, fused: bool) -> RunReport {
    let mut asm = Asm::new();
    let v = asm.konst(v);
    let mut code = vec![Op::Const(v), Op::Store(0)];
    let after = code.len() as u32 + if fused { 1 } else { 4 } + 3;
    if fused {
        code.push(Op::JumpUnlessLKWide { a: 0, k, op, kind, target: after });
    } else {
        code.extend([Op::Load(0), Op::SmallInt(k), Op::Cmp(op, NumKind::Int(kind)), Op::JumpIfFalse(after)]);
    }
    code.push(Op::SmallInt(1));
    code.extend(println_int());
    code.push(Op::SmallInt(2));
    code.extend(println_int());
    code.push(Op::Return);
    asm.main(1, code);
    asm.run(Limits::default())
}

#[test]
fn wide_bound_fused_matches_unfused() {
    let cases = [
        (Value::Int(99_999), CmpOp::Lt, IntKind::Int, 100_000),
        (Value::Int(100_000), CmpOp::Lt, IntKind::Int, 100_000),
        (Value::Int(-70_000), CmpOp::Ge, IntKind::Int, -70_000),
        // -1 as a uint is the largest value.
        (Value::Int(-1), CmpOp::Gt, IntKind::Uint, 1 << 20),
        (Value::Int(5), CmpOp::Le, IntKind::Uint32, 40_000),
        // Not an int: the fused instruction runs the comparison it replaced.
        (Value::Nil, CmpOp::Lt, IntKind::Int, 100_000),
        (Value::Float(1.5), CmpOp::Lt, IntKind::Int, 100_000),
    ];
    for (v, op, kind, k) in cases {
        let unfused = wide_bound(v.clone(), op, kind, k, false);
        let fused = wide_bound(v.clone(), op, kind, k, true);
        assert_eq!((&fused.stdout, &fused.stderr, fused.status), (&unfused.stdout, &unfused.stderr, unfused.status));
    }
    assert_eq!(wide_bound(Value::Int(99_999), CmpOp::Lt, IntKind::Int, 100_000, true).stdout, ["1", "2"]);
    assert_eq!(wide_bound(Value::Int(-1), CmpOp::Gt, IntKind::Uint, 1 << 20, true).stdout, ["1", "2"]);
    assert_eq!(wide_bound(Value::Int(100_000), CmpOp::Lt, IntKind::Int, 100_000, true).stdout, ["2"]);
}

/// A closure capturing `wg` (local 0) and an int (local 1) calls `wg.Done()` and prints
/// `&int` (an `AggToPtr` that leaves a non-aggregate alone), first called, then as a
/// goroutine; main waits. `Capture AggToPtr` as emitted or fused into `CapturePtr`.
fn capture_ptr(fused: bool) -> RunReport {
    let mut asm = Asm::new();
    let ptr = |i: u16| if fused { vec![Op::CapturePtr(i)] } else { vec![Op::Capture(i), Op::AggToPtr] };
    let mut body = ptr(0);
    body.push(Op::CallNative { native: Native::WaitGroupDone, argc: 1 });
    body.extend(ptr(1));
    body.extend(println_int());
    body.push(Op::Return);
    let f = asm.add(func("main.main.func1", 0, 0, 0, body));
    let mut code = vec![Op::Zero(asm.wg), Op::Store(0), Op::SmallInt(7), Op::Store(1)];
    code.extend([Op::LoadPtr(0), Op::SmallInt(2), Op::CallNative { native: Native::WaitGroupAdd, argc: 2 }]);
    code.extend([Op::Load(0), Op::Load(1), Op::MakeClosure { func: f, captures: 2 }, Op::CallValue { argc: 0 }]);
    code.extend([Op::Load(0), Op::Load(1), Op::GoClosure { func: f, captures: 2 }]);
    code.extend([Op::LoadPtr(0), Op::CallNative { native: Native::WaitGroupWait, argc: 1 }]);
    code.extend([Op::SmallInt(3)]);
    code.extend(println_int());
    code.push(Op::Return);
    asm.main(2, code);
    asm.run(Limits::default())
}

#[test]
fn capture_ptr_fused_matches_unfused() {
    let (unfused, fused) = (capture_ptr(false), capture_ptr(true));
    assert_eq!(unfused.stdout, ["7", "7", "3"], "{}", unfused.stderr);
    assert_eq!((&fused.stdout, &fused.stderr, fused.status), (&unfused.stdout, &unfused.stderr, unfused.status));
}

/// `wg.Add(2)`; a closure doing `wg.Done()` on its captured `wg`, called then run as a
/// goroutine; `wg.Wait()`; `wg.Add(-1)` (Go's negative counter panic). The receiver's
/// address and the call as emitted, or fused (`NativeLocalPtrK`, `NativeCapturePtr`,
/// `NativeLocalPtr` for `Wait`, which takes the general path).
fn wg_calls(fused: bool) -> RunReport {
    let mut asm = Asm::new();
    let call = |native: Native, k: Option<i32>, capture: bool| -> Vec<Op> {
        let argc = if k.is_some() { 2 } else { 1 };
        match (fused, capture, k) {
            (true, true, _) => vec![Op::NativeCapturePtr { native, i: 0 }],
            (true, false, Some(k)) => vec![Op::NativeLocalPtrK { native, a: 0, k }],
            (true, false, None) => vec![Op::NativeLocalPtr { native, a: 0 }],
            (false, _, _) => {
                let mut v = vec![if capture { Op::Capture(0) } else { Op::Load(0) }, Op::AggToPtr];
                v.extend(k.map(Op::SmallInt));
                v.push(Op::CallNative { native, argc });
                v
            }
        }
    };
    let mut body = call(Native::WaitGroupDone, None, true);
    body.push(Op::SmallInt(7));
    body.extend(println_int());
    body.push(Op::Return);
    let f = asm.add(func("main.main.func1", 0, 0, 0, body));
    let mut code = vec![Op::Zero(asm.wg), Op::Store(0)];
    code.extend(call(Native::WaitGroupAdd, Some(2), false));
    code.extend([Op::Load(0), Op::MakeClosure { func: f, captures: 1 }, Op::CallValue { argc: 0 }]);
    code.extend([Op::Load(0), Op::GoClosure { func: f, captures: 1 }]);
    code.extend(call(Native::WaitGroupWait, None, false));
    code.push(Op::SmallInt(3));
    code.extend(println_int());
    code.extend(call(Native::WaitGroupAdd, Some(-1), false));
    code.push(Op::Return);
    asm.main(1, code);
    asm.run(Limits::default())
}

#[test]
fn fused_wait_group_calls_match_unfused() {
    let (unfused, fused) = (wg_calls(false), wg_calls(true));
    assert_eq!(unfused.stdout, ["7", "7", "3"], "{}", unfused.stderr);
    assert!(unfused.stderr.starts_with("panic: sync: negative WaitGroup counter\n"), "{}", unfused.stderr);
    assert_eq!((&fused.stdout, fused.status), (&unfused.stdout, unfused.status));
    // Lines differ (one per instruction here), the rest of the report does not.
    assert_eq!(fused.stderr.lines().next(), unfused.stderr.lines().next());
    assert_eq!(fused.stderr.lines().count(), unfused.stderr.lines().count());
}

/// `mu.Lock()`; a goroutine locking the captured `mu` (it waits: the general path), printing
/// 1, unlocking; main prints 0, unlocks, sleeps, then unlocks again (Go's fatal error).
fn mutex_calls(fused: bool) -> RunReport {
    let mut asm = Asm::new();
    let state = asm.types.intern(TypeKind::Native(NativeKind::Mutex));
    let mu = asm.types.push(TypeKind::Named { package: "sync".into(), name: "Mutex".into(), underlying: 0 });
    let st = asm.types.intern(TypeKind::Struct(vec![StructField { name: "state".into(), ty: state, embedded: false }]));
    asm.types.set_underlying(mu, st);
    let call = |native: Native, capture: bool| -> Vec<Op> {
        match (fused, capture) {
            (true, true) => vec![Op::NativeCapturePtr { native, i: 0 }],
            (true, false) => vec![Op::NativeLocalPtr { native, a: 0 }],
            (false, _) => vec![
                if capture { Op::Capture(0) } else { Op::Load(0) },
                Op::AggToPtr,
                Op::CallNative { native, argc: 1 },
            ],
        }
    };
    let mut body = call(Native::MutexLock, true);
    body.push(Op::SmallInt(1));
    body.extend(println_int());
    body.extend(call(Native::MutexUnlock, true));
    body.push(Op::Return);
    let g = asm.add(func("main.main.func1", 0, 0, 0, body));
    let mut code = vec![Op::Zero(mu), Op::Store(0)];
    code.extend(call(Native::MutexLock, false));
    code.extend([Op::Load(0), Op::GoClosure { func: g, captures: 1 }]);
    code.extend([Op::SmallInt(1_000_000), Op::CallNative { native: Native::TimeSleep, argc: 1 }]);
    code.push(Op::SmallInt(0));
    code.extend(println_int());
    code.extend(call(Native::MutexUnlock, false));
    code.extend([Op::SmallInt(1_000_000), Op::CallNative { native: Native::TimeSleep, argc: 1 }]);
    code.extend(call(Native::MutexUnlock, false));
    code.push(Op::Return);
    asm.main(1, code);
    asm.run(Limits::default())
}

#[test]
fn fused_mutex_calls_match_unfused() {
    let (unfused, fused) = (mutex_calls(false), mutex_calls(true));
    assert_eq!(unfused.stdout, ["0", "1"], "{}", unfused.stderr);
    assert!(unfused.stderr.starts_with("fatal error: sync: unlock of unlocked mutex\n"), "{}", unfused.stderr);
    assert_eq!((&fused.stdout, fused.status), (&unfused.stdout, unfused.status));
    assert_eq!(fused.stderr.lines().next(), unfused.stderr.lines().next());
    assert_eq!(fused.stderr.lines().count(), unfused.stderr.lines().count());
}
