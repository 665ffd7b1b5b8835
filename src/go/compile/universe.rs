//! The universe scope (predeclared names) and the packages the notebook implements:
//! `fmt`, `time`, `sync`, `runtime`, `os`, `strings`, `errors`.

use std::collections::HashMap;

use super::consts::ConstVal;
use super::Entity;
use crate::go::ast::ChanDir;
use crate::go::bytecode::{Native, WellKnown};
use crate::go::types::{
    predeclared as pre, InterfaceMethod, NativeKind, Signature, StructField, TypeId, TypeKind, TypeTable,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pkg {
    Fmt,
    Time,
    Sync,
    Runtime,
    Os,
    Strings,
    Errors,
}

impl Pkg {
    pub fn from_path(path: &str) -> Option<Pkg> {
        Some(match path {
            "fmt" => Pkg::Fmt,
            "time" => Pkg::Time,
            "sync" => Pkg::Sync,
            "runtime" => Pkg::Runtime,
            "os" => Pkg::Os,
            "strings" => Pkg::Strings,
            "errors" => Pkg::Errors,
            _ => return None,
        })
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Builtin {
    Append,
    Cap,
    Clear,
    Close,
    Copy,
    Delete,
    Len,
    Make,
    Max,
    Min,
    New,
    Panic,
    Print,
    Println,
    Recover,
    Complex,
    Real,
    Imag,
}

impl Builtin {
    /// How many arguments it takes (types2's count), and whether more may follow.
    pub fn arity(self) -> (usize, bool) {
        match self {
            Builtin::Append | Builtin::Make | Builtin::Max | Builtin::Min => (1, true),
            Builtin::Print | Builtin::Println => (0, true),
            Builtin::Recover => (0, false),
            Builtin::Copy | Builtin::Delete | Builtin::Complex => (2, false),
            Builtin::Cap
            | Builtin::Clear
            | Builtin::Close
            | Builtin::Len
            | Builtin::New
            | Builtin::Panic
            | Builtin::Real
            | Builtin::Imag => (1, false),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Builtin::Append => "append",
            Builtin::Cap => "cap",
            Builtin::Clear => "clear",
            Builtin::Close => "close",
            Builtin::Copy => "copy",
            Builtin::Delete => "delete",
            Builtin::Len => "len",
            Builtin::Make => "make",
            Builtin::Max => "max",
            Builtin::Min => "min",
            Builtin::New => "new",
            Builtin::Panic => "panic",
            Builtin::Print => "print",
            Builtin::Println => "println",
            Builtin::Recover => "recover",
            Builtin::Complex => "complex",
            Builtin::Real => "real",
            Builtin::Imag => "imag",
        }
    }
}

pub fn universe() -> HashMap<&'static str, Entity> {
    let mut u = HashMap::new();
    let types = [
        ("bool", pre::BOOL),
        ("int", pre::INT),
        ("int8", pre::INT8),
        ("int16", pre::INT16),
        ("int32", pre::INT32),
        ("int64", pre::INT64),
        ("uint", pre::UINT),
        ("uint8", pre::UINT8),
        ("uint16", pre::UINT16),
        ("uint32", pre::UINT32),
        ("uint64", pre::UINT64),
        ("uintptr", pre::UINTPTR),
        ("float64", pre::FLOAT64),
        ("float32", pre::FLOAT32),
        ("string", pre::STRING),
        ("byte", pre::BYTE),
        ("rune", pre::RUNE),
        ("error", pre::ERROR),
        ("any", pre::ANY),
    ];
    for (name, ty) in types {
        u.insert(name, Entity::Type(ty));
    }
    u.insert("true", Entity::Const { ty: pre::UNTYPED_BOOL, val: ConstVal::Bool(true) });
    u.insert("false", Entity::Const { ty: pre::UNTYPED_BOOL, val: ConstVal::Bool(false) });
    u.insert("nil", Entity::Nil);
    for b in [
        Builtin::Append,
        Builtin::Cap,
        Builtin::Clear,
        Builtin::Close,
        Builtin::Copy,
        Builtin::Delete,
        Builtin::Len,
        Builtin::Make,
        Builtin::Max,
        Builtin::Min,
        Builtin::New,
        Builtin::Panic,
        Builtin::Print,
        Builtin::Println,
        Builtin::Recover,
        Builtin::Complex,
        Builtin::Real,
        Builtin::Imag,
    ] {
        u.insert(b.name(), Entity::Builtin(b));
    }
    u
}

/// The named types of the implemented packages.
#[derive(Clone, Debug)]
pub struct PkgTypes {
    pub wait_group: TypeId,
    pub mutex: TypeId,
    pub rw_mutex: TypeId,
    pub once: TypeId,
    pub builder: TypeId,
    pub stringer: TypeId,
    /// `io.Writer`, the first parameter of `fmt.Fprint*`.
    pub writer: TypeId,
    /// `runtime.Error`: `error` plus `RuntimeError()`, which the run-time errors implement.
    pub runtime_error: TypeId,
}

fn named(types: &mut TypeTable, package: &str, name: &str, underlying: TypeId) -> TypeId {
    let id = types.push(TypeKind::Named { package: package.into(), name: name.into(), underlying: 0 });
    types.set_underlying(id, underlying);
    id
}

fn native_struct(types: &mut TypeTable, package: &str, name: &str, kind: NativeKind) -> TypeId {
    let state = types.intern(TypeKind::Native(kind));
    let fields = vec![StructField { name: "state".into(), ty: state, embedded: false }];
    let st = types.intern(TypeKind::Struct(fields));
    named(types, package, name, st)
}

pub fn func_type(types: &mut TypeTable, params: Vec<TypeId>, results: Vec<TypeId>, variadic: bool) -> TypeId {
    types.intern(TypeKind::Func(Signature { params, results, variadic }))
}

impl PkgTypes {
    pub fn new(types: &mut TypeTable) -> (PkgTypes, WellKnown) {
        let wait_group = native_struct(types, "sync", "WaitGroup", NativeKind::WaitGroup);
        let mutex = native_struct(types, "sync", "Mutex", NativeKind::Mutex);
        let rw_mutex = native_struct(types, "sync", "RWMutex", NativeKind::RWMutex);
        let once = native_struct(types, "sync", "Once", NativeKind::Once);
        let builder = native_struct(types, "strings", "Builder", NativeKind::Builder);
        // `fmt` prints a Builder's `addr *Builder` field with this type.
        types.intern(TypeKind::Pointer(builder));
        let duration = named(types, "time", "Duration", pre::INT64);
        let time = named(types, "time", "Time", pre::INT64);
        let time_chan = types.intern(TypeKind::Chan { dir: ChanDir::Recv, elem: time });
        let fd_struct =
            types.intern(TypeKind::Struct(vec![StructField { name: "fd".into(), ty: pre::INT, embedded: false }]));
        let file = named(types, "os", "File", fd_struct);
        let file_ptr = types.intern(TypeKind::Pointer(file));
        let int_ptr = types.intern(TypeKind::Pointer(pre::INT));
        let timer_struct = types.intern(TypeKind::Struct(vec![
            StructField { name: "C".into(), ty: time_chan, embedded: false },
            StructField { name: "state".into(), ty: int_ptr, embedded: false },
        ]));
        let timer = named(types, "time", "Timer", timer_struct);
        let timer_ptr = types.intern(TypeKind::Pointer(timer));
        let ticker = named(types, "time", "Ticker", timer_struct);
        let ticker_ptr = types.intern(TypeKind::Pointer(ticker));
        let string_sig = func_type(types, vec![], vec![pre::STRING], false);
        let stringer_iface =
            types.intern(TypeKind::Interface(vec![InterfaceMethod { name: "String".into(), sig: string_sig }]));
        let stringer = named(types, "fmt", "Stringer", stringer_iface);
        let error_string_struct =
            types.intern(TypeKind::Struct(vec![StructField { name: "s".into(), ty: pre::STRING, embedded: false }]));
        let error_string = named(types, "errors", "errorString", error_string_struct);
        let error_string_ptr = types.intern(TypeKind::Pointer(error_string));
        let wrap_struct = types.intern(TypeKind::Struct(vec![
            StructField { name: "msg".into(), ty: pre::STRING, embedded: false },
            StructField { name: "err".into(), ty: pre::ERROR, embedded: false },
        ]));
        let wrap_error = named(types, "fmt", "wrapError", wrap_struct);
        let wrap_error_ptr = types.intern(TypeKind::Pointer(wrap_error));
        let error_slice = types.intern(TypeKind::Slice(pre::ERROR));
        let wraps_struct = types.intern(TypeKind::Struct(vec![
            StructField { name: "msg".into(), ty: pre::STRING, embedded: false },
            StructField { name: "errs".into(), ty: error_slice, embedded: false },
        ]));
        let wrap_errors = named(types, "fmt", "wrapErrors", wraps_struct);
        let wrap_errors_ptr = types.intern(TypeKind::Pointer(wrap_errors));
        let join_error = named(types, "errors", "joinError", wraps_struct);
        let join_error_ptr = types.intern(TypeKind::Pointer(join_error));
        let runtime_error = named(types, "runtime", "errorString", pre::STRING);
        let plain_error = named(types, "runtime", "plainError", pre::STRING);
        let bounds_error = named(types, "runtime", "boundsError", pre::STRING);
        let assert_error = named(types, "runtime", "TypeAssertionError", pre::STRING);
        let assert_error_ptr = types.intern(TypeKind::Pointer(assert_error));
        let panic_nil = named(types, "runtime", "PanicNilError", pre::STRING);
        let panic_nil_ptr = types.intern(TypeKind::Pointer(panic_nil));
        let string_slice = types.intern(TypeKind::Slice(pre::STRING));
        let any_slice = types.intern(TypeKind::Slice(pre::ANY));
        let wk = WellKnown {
            error_string_ptr,
            wrap_error_ptr,
            wrap_errors_ptr,
            join_error_ptr,
            duration,
            time,
            time_chan,
            file_ptr,
            timer_ptr,
            ticker_ptr,
            runtime_error,
            plain_error,
            bounds_error,
            assert_error_ptr,
            panic_nil_ptr,
            string_slice,
            error_slice,
            any_slice,
        };
        let byte_slice = types.intern(TypeKind::Slice(pre::BYTE));
        let write_sig = func_type(types, vec![byte_slice], vec![pre::INT, pre::ERROR], false);
        let writer_iface =
            types.intern(TypeKind::Interface(vec![InterfaceMethod { name: "Write".into(), sig: write_sig }]));
        let writer = named(types, "io", "Writer", writer_iface);
        let marker_sig = func_type(types, vec![], vec![], false);
        let runtime_error_iface = types.intern(TypeKind::Interface(vec![
            InterfaceMethod { name: "Error".into(), sig: string_sig },
            InterfaceMethod { name: "RuntimeError".into(), sig: marker_sig },
        ]));
        let runtime_error = named(types, "runtime", "Error", runtime_error_iface);
        (PkgTypes { wait_group, mutex, rw_mutex, once, builder, stringer, writer, runtime_error }, wk)
    }
}

/// A package member.
#[derive(Clone, Debug)]
pub enum Member {
    Func {
        native: Native,
        sig: TypeId,
    },
    /// A package variable read through a native (`os.Stdout`).
    Var {
        native: Native,
        ty: TypeId,
    },
    Const {
        ty: TypeId,
        val: ConstVal,
    },
    Type(TypeId),
}

/// A method implemented in Rust.
#[derive(Clone, Copy, Debug)]
pub struct NativeMethod {
    pub native: Native,
    /// The method's type without receiver.
    pub sig: TypeId,
    /// Pointer receiver: the VM gets a pointer to the object's struct.
    pub ptr: bool,
}

pub fn native_methods(
    types: &mut TypeTable,
    p: &PkgTypes,
    wk: &WellKnown,
) -> HashMap<(TypeId, &'static str), NativeMethod> {
    let mut m = HashMap::new();
    let unit = func_type(types, vec![], vec![], false);
    let to_string = func_type(types, vec![], vec![pre::STRING], false);
    let to_bool = func_type(types, vec![], vec![pre::BOOL], false);
    let to_int = func_type(types, vec![], vec![pre::INT], false);
    let to_float = func_type(types, vec![], vec![pre::FLOAT64], false);
    let to_int64 = func_type(types, vec![], vec![pre::INT64], false);
    let to_error = func_type(types, vec![], vec![pre::ERROR], false);
    let func_unit = unit;
    let take_func = func_type(types, vec![func_unit], vec![], false);
    let take_int = func_type(types, vec![pre::INT], vec![], false);
    let dur_dur = func_type(types, vec![wk.duration], vec![wk.duration], false);
    let time_sub = func_type(types, vec![wk.time], vec![wk.duration], false);
    let write_string = func_type(types, vec![pre::STRING], vec![pre::INT, pre::ERROR], false);
    let write_byte = func_type(types, vec![pre::BYTE], vec![pre::ERROR], false);
    let write_rune = func_type(types, vec![pre::RUNE], vec![pre::INT, pre::ERROR], false);
    let mut add = |ty: TypeId, name: &'static str, native: Native, sig: TypeId, ptr: bool| {
        m.insert((ty, name), NativeMethod { native, sig, ptr });
    };
    add(p.wait_group, "Add", Native::WaitGroupAdd, take_int, true);
    add(p.wait_group, "Done", Native::WaitGroupDone, unit, true);
    add(p.wait_group, "Wait", Native::WaitGroupWait, unit, true);
    add(p.wait_group, "Go", Native::WaitGroupGo, take_func, true);
    add(p.mutex, "Lock", Native::MutexLock, unit, true);
    add(p.mutex, "Unlock", Native::MutexUnlock, unit, true);
    add(p.mutex, "TryLock", Native::MutexTryLock, to_bool, true);
    add(p.rw_mutex, "Lock", Native::RWMutexLock, unit, true);
    add(p.rw_mutex, "Unlock", Native::RWMutexUnlock, unit, true);
    add(p.rw_mutex, "RLock", Native::RWMutexRLock, unit, true);
    add(p.rw_mutex, "RUnlock", Native::RWMutexRUnlock, unit, true);
    add(p.rw_mutex, "TryLock", Native::RWMutexTryLock, to_bool, true);
    add(p.rw_mutex, "TryRLock", Native::RWMutexTryRLock, to_bool, true);
    add(p.once, "Do", Native::OnceDo, take_func, true);
    add(p.builder, "WriteString", Native::BuilderWriteString, write_string, true);
    add(p.builder, "WriteByte", Native::BuilderWriteByte, write_byte, true);
    add(p.builder, "WriteRune", Native::BuilderWriteRune, write_rune, true);
    add(p.builder, "String", Native::BuilderString, to_string, true);
    add(p.builder, "Len", Native::BuilderLen, to_int, true);
    add(p.builder, "Reset", Native::BuilderReset, unit, true);
    add(p.builder, "Grow", Native::BuilderGrow, take_int, true);
    let byte_slice = types.intern(TypeKind::Slice(pre::BYTE));
    let write = func_type(types, vec![byte_slice], vec![pre::INT, pre::ERROR], false);
    add(p.builder, "Write", Native::BuilderWrite, write, true);
    let file = pointee(types, wk.file_ptr);
    add(file, "Write", Native::FileWrite, write, true);
    add(wk.duration, "String", Native::DurationString, to_string, false);
    add(wk.duration, "Seconds", Native::DurationSeconds, to_float, false);
    add(wk.duration, "Minutes", Native::DurationMinutes, to_float, false);
    add(wk.duration, "Hours", Native::DurationHours, to_float, false);
    add(wk.duration, "Milliseconds", Native::DurationMilliseconds, to_int64, false);
    add(wk.duration, "Microseconds", Native::DurationMicroseconds, to_int64, false);
    add(wk.duration, "Nanoseconds", Native::DurationNanoseconds, to_int64, false);
    add(wk.duration, "Round", Native::DurationRound, dur_dur, false);
    add(wk.duration, "Truncate", Native::DurationTruncate, dur_dur, false);
    add(wk.time, "Sub", Native::TimeSub, time_sub, false);
    let take_duration_bool = func_type(types, vec![wk.duration], vec![pre::BOOL], false);
    let take_duration = func_type(types, vec![wk.duration], vec![], false);
    let timer = pointee(types, wk.timer_ptr);
    let ticker = pointee(types, wk.ticker_ptr);
    add(timer, "Stop", Native::TimerStop, to_bool, true);
    add(timer, "Reset", Native::TimerReset, take_duration_bool, true);
    add(ticker, "Stop", Native::TickerStop, unit, true);
    add(ticker, "Reset", Native::TickerReset, take_duration, true);
    let time_bool = func_type(types, vec![wk.time], vec![pre::BOOL], false);
    let time_add = func_type(types, vec![wk.duration], vec![wk.time], false);
    add(wk.time, "Before", Native::TimeBefore, time_bool, false);
    add(wk.time, "After", Native::TimeAfterTime, time_bool, false);
    add(wk.time, "Equal", Native::TimeEqual, time_bool, false);
    add(wk.time, "IsZero", Native::TimeIsZero, to_bool, false);
    add(wk.time, "Add", Native::TimeAdd, time_add, false);
    let error_string = pointee(types, wk.error_string_ptr);
    let wrap_error = pointee(types, wk.wrap_error_ptr);
    let wrap_errors = pointee(types, wk.wrap_errors_ptr);
    add(error_string, "Error", Native::ErrorStringError, to_string, true);
    add(wrap_error, "Error", Native::WrapErrorError, to_string, true);
    add(wrap_error, "Unwrap", Native::WrapErrorUnwrap, to_error, true);
    add(wrap_errors, "Error", Native::WrapErrorError, to_string, true);
    // `Unwrap() []error` reads the same field as wrapError's `Unwrap() error`.
    let to_errors = func_type(types, vec![], vec![wk.error_slice], false);
    add(wrap_errors, "Unwrap", Native::WrapErrorUnwrap, to_errors, true);
    let join_error = pointee(types, wk.join_error_ptr);
    add(join_error, "Error", Native::WrapErrorError, to_string, true);
    add(join_error, "Unwrap", Native::WrapErrorUnwrap, to_errors, true);
    add(wk.runtime_error, "Error", Native::RuntimeErrorError, to_string, false);
    add(wk.plain_error, "Error", Native::RuntimeErrorError, to_string, false);
    add(wk.bounds_error, "Error", Native::RuntimeErrorError, to_string, false);
    let assert_error = pointee(types, wk.assert_error_ptr);
    add(assert_error, "Error", Native::RuntimeErrorError, to_string, true);
    let panic_nil = pointee(types, wk.panic_nil_ptr);
    add(panic_nil, "Error", Native::RuntimeErrorError, to_string, true);
    // Every run-time error is a `runtime.Error`, as in Go.
    for (ty, ptr) in [(wk.runtime_error, false), (wk.plain_error, false), (wk.bounds_error, false)] {
        add(ty, "RuntimeError", Native::RuntimeErrorMarker, unit, ptr);
    }
    add(assert_error, "RuntimeError", Native::RuntimeErrorMarker, unit, true);
    add(panic_nil, "RuntimeError", Native::RuntimeErrorMarker, unit, true);
    m
}

fn pointee(types: &TypeTable, ptr: TypeId) -> TypeId {
    match types.kind(ptr) {
        TypeKind::Pointer(elem) => *elem,
        _ => ptr,
    }
}

/// The parameter and result names of the package functions the natives implement, as Go 1.27
/// declares them: gc prints a function value's type with them (`fmt.Println (value of type
/// func(a ...any) (n int, err error))`). `None` when there is nothing to name.
pub fn native_names(native: Native) -> Option<(&'static [&'static str], &'static [&'static str])> {
    use Native as N;
    Some(match native {
        N::FmtPrintln => (&["a"], &["n", "err"]),
        N::FmtPrint => (&["a"], &["n", "err"]),
        N::FmtPrintf => (&["format", "a"], &["n", "err"]),
        N::FmtSprintf => (&["format", "a"], &[]),
        N::FmtSprint => (&["a"], &[]),
        N::FmtSprintln => (&["a"], &[]),
        N::FmtErrorf => (&["format", "a"], &["err"]),
        N::FmtFprint => (&["w", "a"], &["n", "err"]),
        N::FmtFprintln => (&["w", "a"], &["n", "err"]),
        N::FmtFprintf => (&["w", "format", "a"], &["n", "err"]),
        N::TimeSleep => (&["d"], &[]),
        N::TimeSince => (&["t"], &[]),
        N::TimeUntil => (&["t"], &[]),
        N::TimeAfter => (&["d"], &[]),
        N::TimeTick => (&["d"], &[]),
        N::TimeNewTimer => (&["d"], &[]),
        N::TimeNewTicker => (&["d"], &[]),
        N::TimeAfterFunc => (&["d", "f"], &[]),
        N::RuntimeGOMAXPROCS => (&["n"], &[]),
        N::OsExit => (&["code"], &[]),
        N::ErrorsNew => (&["text"], &[]),
        N::ErrorsIs => (&["err", "target"], &[]),
        N::ErrorsAs => (&["err", "target"], &[]),
        N::ErrorsUnwrap => (&["err"], &[]),
        N::ErrorsJoin => (&["errs"], &[]),
        N::StringsContains => (&["s", "substr"], &[]),
        N::StringsContainsRune => (&["s", "r"], &[]),
        N::StringsContainsAny => (&["s", "chars"], &[]),
        N::StringsHasPrefix => (&["s", "prefix"], &[]),
        N::StringsHasSuffix => (&["s", "suffix"], &[]),
        N::StringsIndex => (&["s", "substr"], &[]),
        N::StringsIndexByte => (&["s", "c"], &[]),
        N::StringsIndexRune => (&["s", "r"], &[]),
        N::StringsLastIndex => (&["s", "substr"], &[]),
        N::StringsSplit => (&["s", "sep"], &[]),
        N::StringsSplitN => (&["s", "sep", "n"], &[]),
        N::StringsJoin => (&["elems", "sep"], &[]),
        N::StringsFields => (&["s"], &[]),
        N::StringsRepeat => (&["s", "count"], &[]),
        N::StringsReplace => (&["s", "old", "new", "n"], &[]),
        N::StringsReplaceAll => (&["s", "old", "new"], &[]),
        N::StringsToUpper => (&["s"], &[]),
        N::StringsToLower => (&["s"], &[]),
        N::StringsTitle => (&["s"], &[]),
        N::StringsTrimSpace => (&["s"], &[]),
        N::StringsTrim => (&["s", "cutset"], &[]),
        N::StringsTrimLeft => (&["s", "cutset"], &[]),
        N::StringsTrimRight => (&["s", "cutset"], &[]),
        N::StringsTrimPrefix => (&["s", "prefix"], &[]),
        N::StringsTrimSuffix => (&["s", "suffix"], &[]),
        N::StringsCount => (&["s", "substr"], &[]),
        N::StringsEqualFold => (&["s", "t"], &[]),
        N::StringsCompare => (&["a", "b"], &[]),
        N::StringsCut => (&["s", "sep"], &["before", "after", "found"]),
        _ => return None,
    })
}

/// `pkg.name`, if the notebook implements it.
pub fn member(types: &mut TypeTable, p: &PkgTypes, wk: &WellKnown, pkg: Pkg, name: &str) -> Option<Member> {
    use Native as N;
    let s = pre::STRING;
    let any_var = wk.any_slice;
    let f = |types: &mut TypeTable, native: Native, params: Vec<TypeId>, results: Vec<TypeId>, variadic: bool| {
        Some(Member::Func { native, sig: func_type(types, params, results, variadic) })
    };
    let duration_const = |ns: i128| Some(Member::Const { ty: wk.duration, val: ConstVal::Int(ns) });
    match pkg {
        Pkg::Fmt => match name {
            "Println" => f(types, N::FmtPrintln, vec![any_var], vec![pre::INT, pre::ERROR], true),
            "Print" => f(types, N::FmtPrint, vec![any_var], vec![pre::INT, pre::ERROR], true),
            "Printf" => f(types, N::FmtPrintf, vec![s, any_var], vec![pre::INT, pre::ERROR], true),
            "Sprintf" => f(types, N::FmtSprintf, vec![s, any_var], vec![s], true),
            "Sprint" => f(types, N::FmtSprint, vec![any_var], vec![s], true),
            "Sprintln" => f(types, N::FmtSprintln, vec![any_var], vec![s], true),
            "Errorf" => f(types, N::FmtErrorf, vec![s, any_var], vec![pre::ERROR], true),
            "Stringer" => Some(Member::Type(p.stringer)),
            "Fprint" => f(types, N::FmtFprint, vec![p.writer, any_var], vec![pre::INT, pre::ERROR], true),
            "Fprintln" => f(types, N::FmtFprintln, vec![p.writer, any_var], vec![pre::INT, pre::ERROR], true),
            "Fprintf" => f(types, N::FmtFprintf, vec![p.writer, s, any_var], vec![pre::INT, pre::ERROR], true),
            _ => None,
        },
        Pkg::Time => match name {
            "Sleep" => f(types, N::TimeSleep, vec![wk.duration], vec![], false),
            "Now" => f(types, N::TimeNow, vec![], vec![wk.time], false),
            "Since" => f(types, N::TimeSince, vec![wk.time], vec![wk.duration], false),
            "Until" => f(types, N::TimeUntil, vec![wk.time], vec![wk.duration], false),
            "After" => f(types, N::TimeAfter, vec![wk.duration], vec![wk.time_chan], false),
            "Tick" => f(types, N::TimeTick, vec![wk.duration], vec![wk.time_chan], false),
            "NewTimer" => f(types, N::TimeNewTimer, vec![wk.duration], vec![wk.timer_ptr], false),
            "NewTicker" => f(types, N::TimeNewTicker, vec![wk.duration], vec![wk.ticker_ptr], false),
            "AfterFunc" => {
                let callback = func_type(types, vec![], vec![], false);
                f(types, N::TimeAfterFunc, vec![wk.duration, callback], vec![wk.timer_ptr], false)
            }
            "Timer" => Some(Member::Type(pointee(types, wk.timer_ptr))),
            "Ticker" => Some(Member::Type(pointee(types, wk.ticker_ptr))),
            "Duration" => Some(Member::Type(wk.duration)),
            "Time" => Some(Member::Type(wk.time)),
            "Nanosecond" => duration_const(1),
            "Microsecond" => duration_const(1_000),
            "Millisecond" => duration_const(1_000_000),
            "Second" => duration_const(1_000_000_000),
            "Minute" => duration_const(60_000_000_000),
            "Hour" => duration_const(3_600_000_000_000),
            _ => None,
        },
        Pkg::Sync => match name {
            "WaitGroup" => Some(Member::Type(p.wait_group)),
            "Mutex" => Some(Member::Type(p.mutex)),
            "RWMutex" => Some(Member::Type(p.rw_mutex)),
            "Once" => Some(Member::Type(p.once)),
            _ => None,
        },
        Pkg::Runtime => match name {
            "NumGoroutine" => f(types, N::RuntimeNumGoroutine, vec![], vec![pre::INT], false),
            "Gosched" => f(types, N::RuntimeGosched, vec![], vec![], false),
            "Goexit" => f(types, N::RuntimeGoexit, vec![], vec![], false),
            "NumCPU" => f(types, N::RuntimeNumCPU, vec![], vec![pre::INT], false),
            "GOMAXPROCS" => f(types, N::RuntimeGOMAXPROCS, vec![pre::INT], vec![pre::INT], false),
            "Error" => Some(Member::Type(p.runtime_error)),
            _ => None,
        },
        Pkg::Os => match name {
            "Exit" => f(types, N::OsExit, vec![pre::INT], vec![], false),
            "Stdout" => Some(Member::Var { native: N::OsStdout, ty: wk.file_ptr }),
            "Stderr" => Some(Member::Var { native: N::OsStderr, ty: wk.file_ptr }),
            "File" => Some(Member::Type(pointee(types, wk.file_ptr))),
            _ => None,
        },
        Pkg::Errors => match name {
            "New" => f(types, N::ErrorsNew, vec![s], vec![pre::ERROR], false),
            "Is" => f(types, N::ErrorsIs, vec![pre::ERROR, pre::ERROR], vec![pre::BOOL], false),
            "As" => f(types, N::ErrorsAs, vec![pre::ERROR, pre::ANY], vec![pre::BOOL], false),
            "Unwrap" => f(types, N::ErrorsUnwrap, vec![pre::ERROR], vec![pre::ERROR], false),
            "Join" => f(types, N::ErrorsJoin, vec![wk.error_slice], vec![pre::ERROR], true),
            _ => None,
        },
        Pkg::Strings => strings_member(types, p, wk, name),
    }
}

fn strings_member(types: &mut TypeTable, p: &PkgTypes, wk: &WellKnown, name: &str) -> Option<Member> {
    use Native as N;
    let s = pre::STRING;
    let (b, i, r) = (pre::BOOL, pre::INT, pre::RUNE);
    let ss = wk.string_slice;
    let (native, params, results) = match name {
        "Contains" => (N::StringsContains, vec![s, s], vec![b]),
        "ContainsRune" => (N::StringsContainsRune, vec![s, r], vec![b]),
        "ContainsAny" => (N::StringsContainsAny, vec![s, s], vec![b]),
        "HasPrefix" => (N::StringsHasPrefix, vec![s, s], vec![b]),
        "HasSuffix" => (N::StringsHasSuffix, vec![s, s], vec![b]),
        "Index" => (N::StringsIndex, vec![s, s], vec![i]),
        "IndexByte" => (N::StringsIndexByte, vec![s, pre::BYTE], vec![i]),
        "IndexRune" => (N::StringsIndexRune, vec![s, r], vec![i]),
        "LastIndex" => (N::StringsLastIndex, vec![s, s], vec![i]),
        "Split" => (N::StringsSplit, vec![s, s], vec![ss]),
        "SplitN" => (N::StringsSplitN, vec![s, s, i], vec![ss]),
        "Join" => (N::StringsJoin, vec![ss, s], vec![s]),
        "Fields" => (N::StringsFields, vec![s], vec![ss]),
        "Repeat" => (N::StringsRepeat, vec![s, i], vec![s]),
        "Replace" => (N::StringsReplace, vec![s, s, s, i], vec![s]),
        "ReplaceAll" => (N::StringsReplaceAll, vec![s, s, s], vec![s]),
        "ToUpper" => (N::StringsToUpper, vec![s], vec![s]),
        "ToLower" => (N::StringsToLower, vec![s], vec![s]),
        "Title" => (N::StringsTitle, vec![s], vec![s]),
        "TrimSpace" => (N::StringsTrimSpace, vec![s], vec![s]),
        "Trim" => (N::StringsTrim, vec![s, s], vec![s]),
        "TrimLeft" => (N::StringsTrimLeft, vec![s, s], vec![s]),
        "TrimRight" => (N::StringsTrimRight, vec![s, s], vec![s]),
        "TrimPrefix" => (N::StringsTrimPrefix, vec![s, s], vec![s]),
        "TrimSuffix" => (N::StringsTrimSuffix, vec![s, s], vec![s]),
        "Count" => (N::StringsCount, vec![s, s], vec![i]),
        "EqualFold" => (N::StringsEqualFold, vec![s, s], vec![b]),
        "Compare" => (N::StringsCompare, vec![s, s], vec![i]),
        "Cut" => (N::StringsCut, vec![s, s], vec![s, s, b]),
        "Builder" => return Some(Member::Type(p.builder)),
        _ => return None,
    };
    Some(Member::Func { native, sig: func_type(types, params, results, false) })
}
