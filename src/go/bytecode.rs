//! The compiled program: functions of stack-machine instructions, their constants and the
//! tables the VM needs (types, methods, globals).
//!
//! # Machine model
//! A goroutine has one value stack and a stack of frames. A frame's locals are the slots
//! `base .. base + FuncProto::locals` of the value stack: parameters first, then results, then
//! the other locals; the operand stack grows above them. Every instruction below documents
//! its stack effect as `[before] → [after]` (top of stack on the right).
//!
//! Calls: the caller pushes the arguments (for `CallValue`, the callee below them); the callee's
//! frame takes them as its first locals, and `Return` leaves the results where the callee (or
//! the first argument) was: `[f, a1 .. an] → [r1 .. rm]`. A variadic Go function receives its
//! extra arguments as one slice: the compiler builds it (`MakeSlice`) before the call.
//!
//! Jumps are absolute instruction indices within the function.

use super::types::{IntKind, TypeId, TypeTable};
use super::value::Value;

pub type FuncId = u32;

/// Numeric kind of an arithmetic or comparison instruction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumKind {
    Int(IntKind),
    Float64,
    /// float32: results are rounded to f32 precision.
    Float32,
    /// Strings: `+` concatenates, comparisons compare bytes.
    Str,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArithOp {
    Add,
    Sub,
    Mul,
    /// Integer division panics on zero: `runtime error: integer divide by zero`.
    Div,
    Rem,
    And,
    Or,
    Xor,
    AndNot,
    /// Shifts: the right operand is the count, any integer kind (a negative count panics:
    /// `runtime error: negative shift amount`); the kind is the left operand's.
    Shl,
    Shr,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Lt,
    Le,
    Gt,
    Ge,
}

/// Conversions between basic kinds (`T(x)`); named/unnamed changes with the same
/// representation need no instruction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Conv {
    /// Integer to integer kind: wrap to the target kind.
    IntToInt(IntKind),
    /// Integer (of the given source kind, to read unsigned bits right) to float64/float32.
    IntToFloat { from: IntKind, to32: bool },
    /// Float to integer kind (truncation toward zero, then wrap).
    FloatToInt(IntKind),
    /// float64 ↔ float32 (rounding to f32 when `to32`).
    FloatToFloat { to32: bool },
    /// `string(rune)`: UTF-8 of the code point (invalid → U+FFFD).
    RuneToString,
    /// `[]byte(s)`
    StringToBytes,
    /// `string(b)` for a `[]byte`
    BytesToString,
    /// `[]rune(s)`
    StringToRunes,
    /// `string(r)` for a `[]rune`
    RunesToString,
    /// `[n]T(s)`: a copy of `s[:n]` (`runtime error: cannot convert slice with length …` when
    /// `len(s) < n`).
    SliceToArray(u32),
}

/// One instruction.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Op {
    // ---- constants and variables ------------------------------------------------------
    /// `[] → [consts[k]]`
    Const(u32),
    /// `[] → [Int(v)]`
    SmallInt(i32),
    /// `[] → [Nil]`
    Nil,
    /// `[] → [Bool(b)]`
    Bool(bool),
    /// `[] → [zero value of T]`: fresh box for structs and arrays (their fields zeroed
    /// recursively), a fresh native for `sync`/`strings.Builder` states, `Nil` for pointers,
    /// slices, maps, chans, funcs and interfaces, `0`, `0.0`, `""`, `false`.
    Zero(TypeId),
    /// `[] → [local]`
    Load(u16),
    /// `[v] → []`: local = v
    Store(u16),
    /// `[] → [*local]` where the local holds a `Ref` cell.
    LoadRef(u16),
    /// `[v] → []`: `*local = v` where the local holds a `Ref` cell.
    StoreRef(u16),
    /// `[v] → []`: local = a new `Ref` cell holding v (a variable that escapes: its address
    /// is taken or a closure captures it). Each execution makes a new cell, which gives Go
    /// 1.22's per-iteration loop variables.
    StoreNewRef(u16),
    /// `[] → [globals[g]]`
    LoadGlobal(u32),
    /// `[v] → []`
    StoreGlobal(u32),
    /// `[] → [captures[i]]` of the running closure (the cell or box itself).
    Capture(u16),
    /// `[] → [*captures[i]]` (a `Ref` cell).
    LoadCaptureRef(u16),
    /// `[v] → []`: `*captures[i] = v`.
    StoreCaptureRef(u16),
    /// `[v] → []`
    Pop,
    /// `[v] → [v, v]`
    Dup,
    /// `[a, b] → [a, b, a, b]`
    Dup2,
    /// `[a, b] → [b, a]`
    Swap,

    // ---- arithmetic and logic ---------------------------------------------------------
    /// `[a, b] → [a op b]`
    Arith(ArithOp, NumKind),
    /// `[a] → [-a]`
    Neg(NumKind),
    /// `[a] → [^a]` (wrapped to the kind)
    BitNot(IntKind),
    /// `[b] → [!b]`
    Not,
    /// `[a, b] → [a == b]`: Go's `==` on any comparable values (deep for structs and arrays,
    /// identity for pointers and channels, dynamic type + value for interfaces; comparing two
    /// interfaces holding an uncomparable type panics: `runtime error: comparing uncomparable
    /// type []int`, the operand's type name in the message).
    Eq,
    /// `[a, b] → [a != b]`
    Ne,
    /// `[a, b] → [a cmp b]`
    Cmp(CmpOp, NumKind),
    /// `[v] → [converted]`
    Convert(Conv),

    // ---- control ---------------------------------------------------------------------
    Jump(u32),
    /// `[b] → []`, jumps when false.
    JumpIfFalse(u32),
    /// `[b] → []`, jumps when true.
    JumpIfTrue(u32),
    /// `[a1 .. an] → [r1 .. rm]`: calls function `func` (no captures) with `n` arguments.
    Call {
        func: FuncId,
        argc: u16,
    },
    /// `[callee, a1 .. an] → [r1 .. rm]`: calls a function value (`Nil` panics with the nil
    /// pointer dereference message). A bound receiver is passed before `a1`.
    CallValue {
        argc: u16,
    },
    /// `[recv, a1 .. an] → [r1 .. rm]`: calls method `method` (index into
    /// [`Program::method_names`]) on the dynamic type of the interface value `recv` (`Nil`
    /// panics: nil pointer dereference). See [`Program::methods`].
    CallIface {
        method: u32,
        argc: u16,
    },
    /// `[a1 .. an] → [r1 .. rm]` (`m` fixed per native, see [`Native`]).
    CallNative {
        native: Native,
        argc: u16,
    },
    /// Returns from the function: runs its deferred calls (last first), then hands the
    /// result locals (`params .. params + results`) to the caller. `[..] → (frame popped)`.
    Return,
    /// `[callee, a1 .. an] → []`: `go callee(a1 .. an)` (a new goroutine).
    Go {
        argc: u16,
    },
    /// `[callee, a1 .. an] → []`: `defer callee(a1 .. an)`, arguments evaluated now.
    Defer {
        argc: u16,
    },
    /// `[callee, a1 .. an, token] → []`: `defer callee(a1 .. an)` in a range-over-func loop
    /// body: the call joins the deferred calls of the function holding the loop, just above
    /// that function's newest one; `token` names the loop (its marker, deferred by the holding
    /// function: [`Native::RangeDefers`]).
    DeferRange {
        argc: u16,
    },
    /// `[] → [v]`: `recover()`: the panic value if the calling function was called directly
    /// by a deferred call while panicking (and stops the panic), else `Nil`.
    Recover,
    /// `[v] → (unwinds)`: `panic(v)`; `v` is an interface value (`Nil` is `panic(nil)`, which
    /// Go 1.21+ turns into a `*runtime.PanicNilError`: `panic called with nil argument`).
    Panic,
    /// `[c1 .. cn] → [Func(closure of func with captures c1 .. cn)]`; with no captures, a plain
    /// function value (`f := worker`).
    MakeClosure {
        func: FuncId,
        captures: u16,
    },
    /// `[recv] → [Func(bound method value)]`: `x.Method` as a value (`recv` already copied
    /// or addressed as the method's receiver wants).
    BindMethod {
        func: FuncId,
    },
    /// `[recv] → [Func(bound native method)]`, e.g. `defer wg.Done()`.
    BindNative(Native),
    /// `[iface] → [Func(bound)]`: method value through an interface.
    BindIface {
        method: u32,
    },
    /// `[] → [Func(native function value)]`: `f := strings.ToUpper`, and the callee of
    /// `defer fmt.Println(x)` / `go fmt.Println(x)`.
    NativeFunc(Native),

    // ---- aggregates and pointers ----------------------------------------------------
    /// `[v] → [copy of v]` (see `Value::deep_copy`).
    Copy,
    /// `[dst, src] → []`: copies the contents of the struct/array `src` into the box `dst`
    /// (`Agg` or `AggPtr`; `Nil` panics: nil pointer dereference). Assignment to a struct
    /// variable keeps its box so pointers to it see the change.
    Assign,
    /// `[f1 .. fn] → [Agg]`: a struct of type T from its n fields in order.
    MakeStruct {
        ty: TypeId,
        n: u16,
    },
    /// `[e1 .. en] → [Agg]`: an array value.
    MakeArray {
        ty: TypeId,
        n: u32,
    },
    /// `[e1 .. en] → [Slice]` (len = cap = n). `n == 0` gives an empty, non-nil slice.
    MakeSlice {
        ty: TypeId,
        n: u32,
    },
    /// `[k1, v1 .. kn, vn] → [Map]` (the map literal; a later duplicate key wins).
    MakeMap {
        ty: TypeId,
        n: u32,
    },
    /// `[len, cap] → [Slice]`: `make([]T, len, cap)` (the compiler pushes cap = len when
    /// absent). Negative or len > cap panics: `runtime error: makeslice: len out of range` /
    /// `cap out of range`.
    MakeSliceLen {
        ty: TypeId,
    },
    /// `[] → [Map]`: `make(map[K]V)` (a size hint is evaluated and popped by the compiler).
    MakeMapEmpty {
        ty: TypeId,
    },
    /// `[cap] → [Chan]`: `make(chan T, cap)`; negative panics `makechan: size out of range`.
    MakeChan {
        ty: TypeId,
    },
    /// `[v] → [AggPtr]` for a struct/array box, or `[v] → [Ref]` with a new cell holding `v`:
    /// `new(T)` after `Zero(T)`, and `&T{...}` after the literal.
    Box,
    /// `[Agg|AggPtr] → [field i]` (the field itself: a nested struct stays the same box).
    Field(u16),
    /// `[Agg|AggPtr, v] → []`: field i = v.
    SetField(u16),
    /// `[Agg|AggPtr] → [ElemPtr]`: `&s.f` for a field of non-aggregate type (for an
    /// aggregate field, `Field` then `AggToPtr`).
    FieldAddr(u16),
    /// `[Agg] → [AggPtr]` on the same box (`&s` of a struct variable).
    AggToPtr,
    /// `[p] → [*p]`: `Ref` → its content, `ElemPtr` → the element, `AggPtr` → the `Agg` (same
    /// box; the compiler adds `Copy` where Go copies). `Nil` panics: `runtime error: invalid
    /// memory address or nil pointer dereference` (Go then adds `[signal SIGSEGV ...]`).
    Deref,
    /// `[p, v] → []`: `*p = v` (`AggPtr`: contents copied in, like `Assign`).
    StoreDeref,
    /// `[x, i] → [x[i]]` for a slice, array (`Agg`/`AggPtr`) or string (a byte). Out of range
    /// panics: `runtime error: index out of range [5] with length 3`.
    Index,
    /// `[x, i, v] → []`: `x[i] = v` for a slice or array.
    SetIndex,
    /// `[x, i] → [ElemPtr]`: `&x[i]` for a non-aggregate element (an aggregate element: `Index`
    /// then `AggToPtr`).
    IndexAddr,
    /// `[m, k] → [v]`: the zero value of `elem` when absent (also on a nil map).
    MapIndex {
        elem: TypeId,
    },
    /// `[m, k] → [v, ok]`
    MapIndexOk {
        elem: TypeId,
    },
    /// `[m, k, v] → []`: a nil map panics `assignment to entry in nil map`. An interface key
    /// holding an uncomparable dynamic type panics: `runtime error: hash of unhashable type
    /// []int`.
    SetMapIndex,
    /// `[x, lo, hi, max] → [slice]`: `x[lo:hi:max]`; absent bounds are pushed as `Nil`. `x` is
    /// a slice, an array pointer/box (the result shares its box) or a string (`max` absent; a
    /// substring). Out of range panics: `runtime error: slice bounds out of range [:5] with
    /// capacity 3` (and Go's other wordings `[2:1]`, `[::5] with capacity 3`, `[:5] with length
    /// 3` for strings).
    SliceExpr,

    // ---- builtins ------------------------------------------------------------------
    /// `[x] → [len(x)]`: string (bytes), slice, array, map, chan; `Nil` is 0.
    Len,
    /// `[x] → [cap(x)]`: slice, array, chan.
    Cap,
    /// `[s, v1 .. vn] → [s']`: `append(s, v1 .. vn)`; grows like Go 1.27's runtime
    /// (`growslice`: double below 256, then ×1.25 + 192, rounded up to size classes is not
    /// modelled: the capacity is the computed `newcap`).
    Append {
        n: u32,
    },
    /// `[s, t] → [s']`: `append(s, t...)` where `t` is a slice, or a string for `[]byte`.
    AppendSpread,
    /// `[dst, src] → [n]`: `copy(dst, src)`; `src` may be a string for `[]byte`.
    CopySlice,
    /// `[m, k] → []`: `delete(m, k)` (nil map: no-op).
    Delete,
    /// `[ch] → []`: `close(ch)`: `close of nil channel` / `close of closed channel` panics.
    Close,
    /// `[a1 .. an] → [min]` or max of `n ≥ 1` operands of one numeric or string kind
    /// (floats: a NaN operand gives NaN; `min(-0.0, 0.0)` is -0.0).
    MinMax {
        max: bool,
        kind: NumKind,
        n: u16,
    },

    // ---- interfaces ----------------------------------------------------------------
    /// `[v] → [Iface(T, v)]`: always wraps, so a nil pointer of type T becomes a non-nil
    /// interface holding it. Never emitted for `nil` itself (the compiler pushes `Nil` for a
    /// nil interface) nor from an interface type (already an interface value).
    ToIface(TypeId),
    /// `[i] → [v]`: `i.(T)`. `T` concrete: the dynamic type must be `T`, else panic
    /// `interface conversion: interface {} is string, not int` (`from` names the static
    /// interface type, `interface {}` / `main.Shape` / `error`; a nil interface: `interface
    /// conversion: interface is nil, not main.T`). `T` an interface: the dynamic type must
    /// implement it (the value stays an `Iface`), else `interface conversion: main.T is not
    /// main.I: missing method M`.
    Assert {
        ty: TypeId,
        from: TypeId,
    },
    /// `[i] → [v, ok]`: the comma-ok form; `v` is T's zero value when not ok.
    AssertOk {
        ty: TypeId,
    },
    /// `[i] → [i, bool]`: whether the dynamic type of `i` is `T` (or implements interface
    /// `T`); `Nil` matches no type. For type switches.
    IsType(TypeId),
    /// `[i] → [v]`: the dynamic value of a non-nil interface (type switch bindings).
    Unwrap,

    // ---- channels and goroutines (may block) ---------------------------------------
    /// `[ch, v] → []`: `ch <- v`. Nil channel: blocks forever.
    Send,
    /// `[ch] → [v]`: `<-ch`; zero value of `elem` once closed and drained.
    Recv {
        elem: TypeId,
    },
    /// `[ch] → [v, ok]`
    RecvOk {
        elem: TypeId,
    },
    /// `select` described by `selects[k]` of the function. Stack: for each case in order,
    /// `[ch]` (receive) or `[ch, v]` (send) → `[index, v, ok]`: the index of the case that ran
    /// (`cases.len()` for `default`), and for a receive case its value and ok (`Nil, false`
    /// otherwise).
    Select(u32),
    /// `[s, i] → [rune, width]`: decodes the UTF-8 rune at byte `i` of string `s` (invalid
    /// byte: U+FFFD, width 1). For `for i, r := range s`.
    DecodeRune,
    /// `[m] → [MapIter]`: starts `for k, v := range m` (a nil map iterates nothing).
    MapIterStart,
    /// `[it] → [it, k, v]` and falls through, or `[it] → []` and jumps to `done` when no key is
    /// left. Keys deleted during the loop are skipped.
    MapIterNext {
        done: u32,
    },
    /// A preemption point at a loop's back edge, before `Jump` to the loop head: the VM
    /// counts an instruction budget there and at calls, and yields to the scheduler (or ends
    /// the run on the CPU limit) when it runs out.
    LoopCheck,

    // ---- superinstructions: made by `compile::peephole` from the sequences they name, so
    // one dispatch does the work of several. `op` is never `Div`, `Rem`, `Shl` or `Shr`. ----
    /// `Load(a) SmallInt(k) Arith(op, Int(kind))`: `[] → [local a op k]`.
    ArithLK {
        a: u16,
        k: i32,
        op: ArithOp,
        kind: IntKind,
    },
    /// `Load(a) Load(b) Arith(op, Int(kind))`: `[] → [local a op local b]`.
    ArithLL {
        a: u16,
        b: u16,
        op: ArithOp,
        kind: IntKind,
    },
    /// `Load(a) SmallInt(k) Cmp(op, Int(kind)) JumpIfFalse(target)`: `[] → []`, jumps unless
    /// `local a op k`.
    JumpUnlessLK {
        a: u16,
        k: i16,
        op: CmpOp,
        kind: IntKind,
        target: u32,
    },
    /// `JumpUnlessLK` for a `k` past `i16` (`i < 100000`); the local's index is a byte so the
    /// instruction stays 12 bytes.
    JumpUnlessLKWide {
        a: u8,
        k: i32,
        op: CmpOp,
        kind: IntKind,
        target: u32,
    },
    /// `Load(a) Load(b) Cmp(op, Int(kind)) JumpIfFalse(target)`: `[] → []`, jumps unless
    /// `local a op local b`.
    JumpUnlessLL {
        a: u16,
        b: u16,
        op: CmpOp,
        kind: IntKind,
        target: u32,
    },
    /// `Load(a) SmallInt(k) Arith(op, Int(kind)) Store(r)`: `[] → []`, local `r` = local
    /// `a op k` (`i++`, `n -= 2`).
    ArithLKStore {
        a: u16,
        k: i16,
        op: ArithOp,
        kind: IntKind,
        r: u16,
    },
    /// `Load(i) AggToPtr`: `[] → [&local i]` (`&s` of a struct or array variable, as a
    /// pointer-receiver call like `wg.Add(1)` takes it).
    LoadPtr(u16),
    /// `Capture(i) AggToPtr`: `[] → [&captures[i]]` (`wg.Done()` on a captured struct).
    CapturePtr(u16),
    /// `LoadPtr(a) CallNative { native, argc: 1 }`: a method of a local's address
    /// (`wg.Done()`, `mu.Lock()`).
    NativeLocalPtr {
        native: Native,
        a: u16,
    },
    /// `LoadPtr(a) SmallInt(k) CallNative { native, argc: 2 }` (`wg.Add(1)`).
    NativeLocalPtrK {
        native: Native,
        a: u16,
        k: i32,
    },
    /// `CapturePtr(i) CallNative { native, argc: 1 }` (`wg.Done()` in a closure).
    NativeCapturePtr {
        native: Native,
        i: u16,
    },
    /// `LoopCheck Jump(target)`: a loop's back edge.
    LoopJump(u32),
    /// `Load(from) Store(to)`: `[] → []`, local `to` = local `from`.
    Move {
        from: u16,
        to: u16,
    },
    /// `Store(r) Return`: `[v] → (frame popped)`.
    StoreReturn(u16),
    /// `MakeClosure { func, captures } Go { argc: 0 }`: `[c1 .. cn] → []`, without making the
    /// closure value.
    GoClosure {
        func: FuncId,
        captures: u16,
    },
    /// `Load(a) SmallInt(k) Arith(op, Int(kind)) Call { func, argc }` (`f(n-1)`).
    CallLK {
        func: FuncId,
        a: u16,
        k: i8,
        argc: u8,
        op: ArithOp,
        kind: IntKind,
    },
    /// `Load(from) Store(to) Return`: `[..] → (frame popped)` (`return x`).
    MoveReturn {
        from: u16,
        to: u16,
    },
    /// `Arith(op, Int(kind)) Store(r) Return` (`return a + b`).
    ArithReturn {
        op: ArithOp,
        kind: IntKind,
        r: u16,
    },
    /// `JumpUnlessLK` over the `MoveReturn { from, to }` that follows it (`if n < 2 { return
    /// n }`): returns if `local a op k`, else skips that `MoveReturn`, which stays in place.
    ReturnIfLK {
        a: u16,
        k: i16,
        op: CmpOp,
        kind: IntKind,
        from: u16,
        to: u16,
    },
}

/// Functions and methods implemented in Rust. Arguments and results are listed as
/// `(args) → (results)`; `any` arguments arrive as interface values (`Iface` or `Nil`),
/// variadic ones one by one; `f(xs...)` passes the slice last with [`NATIVE_SPREAD`] set in
/// `argc`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Native {
    // fmt: (format?, args any...) → see each
    /// `(a ...any) → (n int, err error)` to stdout, spaces between operands, newline at the end.
    FmtPrintln,
    /// `(format string, a ...any) → (n int, err error)`
    FmtPrintf,
    /// `(a ...any) → (n int, err error)` spaces only between operands when neither is a string.
    FmtPrint,
    /// `(format, a...) → (string)`
    FmtSprintf,
    FmtSprint,
    FmtSprintln,
    /// `(format, a...) → (error)`: a `*fmt.wrapError` when the format has one `%w`
    /// (`*fmt.wrapErrors` for several), else `*errors.errorString`.
    FmtErrorf,
    /// `(w io.Writer, a ...any) → (n int, err error)`, and `Fprintf(w, format, a...)`: to
    /// `os.Stdout`/`os.Stderr`, a `*strings.Builder`, or any Go `Write([]byte)` method.
    FmtFprint,
    FmtFprintln,
    FmtFprintf,
    /// `() → (*os.File)`: the values of `os.Stdout` and `os.Stderr` (a struct `{ fd int }`).
    OsStdout,
    OsStderr,
    /// `(f *os.File, p []byte) → (n int, err error)`
    FileWrite,
    /// `(b *strings.Builder, p []byte) → (n int, err error)`
    BuilderWrite,
    /// Go's builtin `println(a...)` / `print(a...)`: to stderr.
    BuiltinPrintln,
    BuiltinPrint,

    // time
    /// `(d Duration) → ()` blocks.
    TimeSleep,
    /// `() → (Time)`: the run's virtual clock (a `time.Time` holds nanoseconds since the
    /// run's start, offset by a fixed epoch).
    TimeNow,
    /// `(t Time) → (Duration)`
    TimeSince,
    /// `(t Time) → (Duration)`: `time.Until(t)`, `t` minus the run's clock.
    TimeUntil,
    /// `(d Duration) → (*Timer)` / `(*Ticker)`: a struct `{ C <-chan Time; state *int }` whose
    /// channel a runtime timer fills (no goroutine). `state` is `generation << 1 | armed`.
    TimeNewTimer,
    TimeNewTicker,
    /// `(d Duration, f func()) → (*Timer)`: a timer with a nil `C` whose firing starts `f`
    /// in its own goroutine, as Go's does; `f` is kept as a third, hidden element.
    TimeAfterFunc,
    /// `(t) → (bool)`: whether it was armed. `(t, d) → (bool)`: re-arms with a new period.
    TimerStop,
    TimerReset,
    /// `(t) → ()`, `(t, d) → ()`.
    TickerStop,
    TickerReset,
    /// `(d Duration) → (<-chan Time)`: one value after `d`.
    TimeAfter,
    /// `(d Duration) → (<-chan Time)`: a value every `d` (nil channel for d <= 0).
    TimeTick,
    /// `(t, u Time) → (Duration)`: `t.Sub(u)`
    TimeSub,
    /// `(t, u Time) → (bool)`: `t.Before(u)`, `t.After(u)`, `t.Equal(u)`.
    TimeBefore,
    TimeAfterTime,
    TimeEqual,
    /// `(t) → (bool)`: `t.IsZero()` (never true for a time the run's clock gave).
    TimeIsZero,
    /// `(t Time, d Duration) → (Time)`: `t.Add(d)`.
    TimeAdd,
    /// `(d) → (string)`: `Duration.String`
    DurationString,
    /// `(d) → (float64)`
    DurationSeconds,
    DurationMinutes,
    DurationHours,
    /// `(d) → (int64)`
    DurationMilliseconds,
    DurationMicroseconds,
    DurationNanoseconds,
    /// `(d, m Duration) → (Duration)`
    DurationRound,
    DurationTruncate,

    // sync: the receiver is a pointer to the object's struct (`AggPtr`).
    /// `(wg *WaitGroup, delta int) → ()`
    WaitGroupAdd,
    WaitGroupDone,
    /// blocks
    WaitGroupWait,
    /// `(wg, f func()) → ()`: `Add(1)`, then `go` f followed by `Done()`.
    WaitGroupGo,
    /// blocks
    MutexLock,
    MutexUnlock,
    /// `(mu) → (bool)`
    MutexTryLock,
    RWMutexLock,
    RWMutexUnlock,
    RWMutexRLock,
    RWMutexRUnlock,
    /// `(rw) → (bool)`
    RWMutexTryLock,
    RWMutexTryRLock,
    /// `(once, f func()) → ()`: calls `f` the first time only (others wait for it).
    OnceDo,

    // runtime, os
    /// `() → (int)`
    RuntimeNumGoroutine,
    /// `() → ()` yields
    RuntimeGosched,
    /// `() → ()`: runs the goroutine's deferred calls, then ends it (see `Fiber::goexit`).
    RuntimeGoexit,
    /// `() → (int)`
    RuntimeNumCPU,
    /// `(n int) → (int)`
    RuntimeGOMAXPROCS,
    /// `(code int) → ()`: ends the program at once; deferred calls do not run.
    OsExit,

    // strings
    StringsContains,
    StringsContainsRune,
    StringsContainsAny,
    StringsHasPrefix,
    StringsHasSuffix,
    StringsIndex,
    StringsIndexByte,
    StringsIndexRune,
    StringsLastIndex,
    /// `(s, sep) → ([]string)`
    StringsSplit,
    StringsSplitN,
    /// `(elems []string, sep) → (string)`
    StringsJoin,
    StringsFields,
    StringsRepeat,
    StringsReplace,
    StringsReplaceAll,
    StringsToUpper,
    StringsToLower,
    StringsTitle,
    StringsTrimSpace,
    StringsTrim,
    StringsTrimLeft,
    StringsTrimRight,
    StringsTrimPrefix,
    StringsTrimSuffix,
    StringsCount,
    StringsEqualFold,
    StringsCompare,
    /// `(s, sep) → (before, after string, found bool)`
    StringsCut,
    /// `(b *Builder, s string) → (int, error)`
    BuilderWriteString,
    /// `(b, c byte) → (error)`
    BuilderWriteByte,
    /// `(b, r rune) → (int, error)`
    BuilderWriteRune,
    /// `(b) → (string)`
    BuilderString,
    /// `(b) → (int)`
    BuilderLen,
    BuilderReset,
    /// `(b, n int) → ()`
    BuilderGrow,

    // errors
    /// `(text string) → (error)`: a `*errors.errorString` (two calls give different errors).
    ErrorsNew,
    /// `(err, target error) → (bool)`
    ErrorsIs,
    /// `(err error, target any, target_elem TypeId as Int) → (bool)`: `target` is a non-nil
    /// pointer to a variable of type `target_elem` (an interface or a type implementing
    /// error); the compiler appends the type id.
    ErrorsAs,
    /// `(err) → (error)`
    ErrorsUnwrap,
    /// `(errs ...error) → (error)`
    ErrorsJoin,
    /// Methods of the error types the natives make: `(e) → (string)` and `(e) → (error)`.
    ErrorStringError,
    WrapErrorError,
    WrapErrorUnwrap,
    /// `Error()` of the run-time errors the VM raises (`runtime error: index out of range
    /// [5] with length 3`), which `recover` returns as `error` values.
    RuntimeErrorError,
    /// `RuntimeError()` of the same errors: the method that makes them `runtime.Error`s; it
    /// does nothing.
    RuntimeErrorMarker,
    /// `(token *int)`: deferred by a function holding a range-over-func loop whose body
    /// defers calls, to mark where they go (`Op::DeferRange`); never called, only skipped.
    RangeDefers,
    /// `(state int) → ()`: on entry to a range-over-func loop body, panics unless the loop
    /// is still running (Go's `runtime.panicrangestate`).
    RangeFuncCheck,
    /// `(state int) → ()`: after the iterator returned, panics if it swallowed a body panic.
    RangeFuncExit,
}

/// A `select` statement's shape: its cases in source order and whether it has a `default`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SelectDesc {
    /// `true` for a send case, `false` for a receive case.
    pub sends: Vec<bool>,
    /// Element types of the receive cases' channels (for the zero value on close).
    pub elems: Vec<TypeId>,
    pub has_default: bool,
}

/// One compiled function (or method, or closure body, or the package initialiser).
#[derive(Clone, Debug, Default)]
pub struct FuncProto {
    /// As Go's tracebacks name it: `main.main`, `main.worker`, `main.(*Counter).Inc`,
    /// `main.main.func1` (closures numbered in source order per enclosing function).
    pub name: String,
    /// Line of the `func` keyword (for `goroutine N [running]:` frames with no instruction).
    pub line: u32,
    /// Number of parameters (a method's receiver is the first; a variadic parameter is one
    /// slice).
    pub params: u16,
    /// Number of results; their locals follow the parameters.
    pub results: u16,
    /// Total locals (params + results + others).
    pub locals: u16,
    /// Captured variables expected by `Capture`.
    pub captures: u16,
    pub code: Vec<Op>,
    /// Source line of each instruction (same length as `code`).
    pub lines: Vec<u32>,
    pub selects: Vec<SelectDesc>,
    /// Types of the results, whose zero values the VM stores in the result locals on entry
    /// (so a function that recovers from a panic returns zeros, as in Go). May be left empty
    /// when the compiler zeroes the result locals itself; other locals start as `Nil`.
    pub result_types: Vec<TypeId>,
}

/// How a dynamic type implements one method (for `CallIface`, `BindIface`, `fmt`'s
/// `String()`/`Error()`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MethodImpl {
    pub callee: super::value::Callee,
    /// The method has a value receiver but the dynamic type is a pointer: dereference (and
    /// copy) the receiver first. A nil pointer then panics (Go: `value method main.T.M called
    /// using nil *T pointer`).
    pub deref: bool,
}

/// A compiled program, ready to run.
#[derive(Clone, Debug)]
pub struct Program {
    pub types: TypeTable,
    pub funcs: Vec<FuncProto>,
    pub consts: Vec<Value>,
    /// Method names used by `CallIface`/`BindIface`, interned.
    pub method_names: Vec<String>,
    /// Method sets of dynamic types: `(type, method name index) → implementation`. Includes
    /// promoted methods (through embedded fields) as wrapper functions, and the natives'
    /// error types.
    pub methods: std::collections::HashMap<(TypeId, u32), MethodImpl>,
    /// Number of package-level variables (`LoadGlobal`), zeroed by `init` before `main`.
    pub globals: u32,
    /// Runs the package-level variable initialisers (in dependency order), then returns.
    pub init: FuncId,
    pub main: FuncId,
    /// `Error` and `String` in `method_names` (so `fmt` finds them without a lookup by name).
    pub error_method: u32,
    pub string_method: u32,
    /// Types the natives create: `*errors.errorString`, `*fmt.wrapError`, `time.Duration`,
    /// `time.Time`.
    pub well_known: WellKnown,
}

/// Type ids of types that natives produce or `fmt` treats specially.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WellKnown {
    /// `*errors.errorString` (the pointer type; its struct has one field `s string`).
    pub error_string_ptr: TypeId,
    /// `*fmt.wrapError`: struct `{ msg string; err error }`.
    pub wrap_error_ptr: TypeId,
    /// `*fmt.wrapErrors`: struct `{ msg string; errs []error }` (several `%w`).
    pub wrap_errors_ptr: TypeId,
    /// `*errors.joinError` (`errors.Join`): the same layout as `wrap_errors_ptr`.
    pub join_error_ptr: TypeId,
    /// `time.Duration` (named int64).
    pub duration: TypeId,
    /// `time.Time` (named; nanoseconds of the run's clock in an int64).
    pub time: TypeId,
    /// `<-chan time.Time`.
    pub time_chan: TypeId,
    /// `*os.File` (`os.Stdout`, `os.Stderr`).
    pub file_ptr: TypeId,
    /// `*time.Timer` and `*time.Ticker`.
    pub timer_ptr: TypeId,
    pub ticker_ptr: TypeId,
    /// `runtime.Error` values raised by the VM: a named string type (`runtime.errorString`)
    /// whose `Error` is [`Native::RuntimeErrorError`].
    pub runtime_error: TypeId,
    /// `runtime.plainError` (`close of closed channel`: no `runtime error: ` prefix) and
    /// `runtime.boundsError` (index and slice bounds): the same layout and `Error`.
    pub plain_error: TypeId,
    pub bounds_error: TypeId,
    /// `*runtime.TypeAssertionError` (a failed `x.(T)`): the message is its payload.
    pub assert_error_ptr: TypeId,
    /// `*runtime.PanicNilError`, what `panic(nil)` raises since Go 1.21: its payload is the
    /// message, which the same `Error` native returns.
    pub panic_nil_ptr: TypeId,
    /// `[]string`, `[]error`, `[]any`.
    pub string_slice: TypeId,
    pub error_slice: TypeId,
    pub any_slice: TypeId,
}

/// Native argument count flag: the last argument is a slice to spread (`fmt.Println(xs...)`).
pub const NATIVE_SPREAD: u16 = 0x8000;
