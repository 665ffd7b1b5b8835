//! Run-time values. A [`Value`] is 16 bytes: scalars inline, everything else behind an `Rc`.
//!
//! # Go's value semantics
//! Structs and arrays live in a box ([`Value::Agg`]). The box *is* the variable: `&s` gives a
//! [`Value::AggPtr`] on the same box, so `p.x = 1` is seen through `s`. Assigning, passing,
//! returning or storing a struct copies it ([`Value::deep_copy`]): the compiler emits the copy
//! wherever Go copies. Scalars whose address is taken, and variables captured by closures,
//! live in a shared cell ([`Value::Ref`]). A pointer to a field or an element of a non-struct
//! type is a [`Value::ElemPtr`]. `nil` of every kind (pointer, slice, map, channel, function,
//! interface) is [`Value::Nil`]; an interface holding a nil pointer is *not* `Nil`.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use super::bytecode::{FuncId, Native as NativeFn};
use super::types::{NativeKind, TypeId};
use crate::runtime::{Chan as RtChan, Mutex as RtMutex, WaitGroup as RtWaitGroup};

/// The contents of a struct (fields in order) or an array (elements).
pub type AggBox = Rc<RefCell<Vec<Value>>>;

#[derive(Clone, Debug, Default)]
pub enum Value {
    /// nil pointer, slice, map, chan, func or interface; also "no value".
    #[default]
    Nil,
    Bool(bool),
    /// Every integer kind (unsigned kinds hold their bits; the type says how to read them).
    Int(i64),
    /// float64 (float32 values are rounded to f32 precision by each operation).
    Float(f64),
    /// Go strings are immutable byte strings, not necessarily UTF-8.
    Str(Rc<Vec<u8>>),
    /// A struct or array value (see the module doc).
    Agg(AggBox),
    /// A pointer to a struct or array: the same box as the variable it points to.
    AggPtr(AggBox),
    /// A pointer to a scalar variable, or a captured variable's cell.
    Ref(Rc<RefCell<Value>>),
    /// A pointer to element `index` of a box (a struct field, an array or slice element).
    ElemPtr(Rc<ElemPtr>),
    Slice(Rc<Slice>),
    Map(Rc<RefCell<Map>>),
    Chan(Rc<Channel>),
    Func(Rc<Closure>),
    /// A non-nil interface value: its dynamic type and value.
    Iface(Rc<Iface>),
    /// The Rust state of a `sync.WaitGroup`, `sync.Mutex`, ... (the hidden field of its struct).
    Native(Rc<RefCell<Native>>),
    /// A `for range` iterator over a map (keys snapshotted when the loop starts).
    MapIter(Rc<RefCell<MapIter>>),
}

#[derive(Debug)]
pub struct ElemPtr {
    pub target: AggBox,
    pub index: usize,
}

/// A slice header: a window `[offset, offset + len)` of a shared backing array, `cap` counted
/// from `offset`.
#[derive(Debug)]
pub struct Slice {
    pub backing: AggBox,
    pub offset: usize,
    pub len: usize,
    pub cap: usize,
}

/// A map. Iteration (and `fmt`) go in key order: see [`Key`].
#[derive(Debug, Default)]
pub struct Map {
    pub entries: BTreeMap<Key, (Value, Value)>,
}

/// A comparable value as a map key. Ordered like `fmt` sorts map keys (numbers, then
/// strings, ...), so iterating a map is deterministic. Go randomises map order; the notebook
/// does not, so that a run can be replayed and shared (documented in the README).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Key {
    Nil,
    Bool(bool),
    Int(i64),
    /// Unsigned keys order by their unsigned value.
    Uint(u64),
    /// `f64::to_bits` mapped to an order-preserving integer (`-0.0` normalised to `0.0`).
    Float(i64),
    Str(Rc<Vec<u8>>),
    /// Pointers, channels: identity (address of the shared box).
    Addr(usize),
    /// Struct or array keys: their fields' keys.
    Agg(Vec<Key>),
    /// Interface keys: the dynamic type, then the value.
    Iface(TypeId, Box<Key>),
}

#[derive(Debug)]
pub struct MapIter {
    pub map: Rc<RefCell<Map>>,
    pub keys: Vec<Key>,
    pub next: usize,
}

/// A channel value: the runtime's channel plus an id for `%v` and map keys.
pub struct Channel {
    pub id: u64,
    pub chan: RtChan<Value>,
    /// The element type's zero value is produced by the receive op (it knows the type).
    pub elem: TypeId,
}

impl std::fmt::Debug for Channel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Channel#{}", self.id)
    }
}

/// What a function value calls.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Callee {
    Func(FuncId),
    Native(NativeFn),
}

/// A function value: a function with its captured variables, or a method value with its
/// bound receiver (`f := c.Inc` or `defer wg.Done()`), which is passed as the first argument.
#[derive(Debug)]
pub struct Closure {
    pub callee: Callee,
    pub recv: Option<Value>,
    /// Captured variables: a [`Value::Ref`] cell for a scalar, the box for a struct or array.
    pub captures: Box<[Value]>,
}

#[derive(Debug)]
pub struct Iface {
    pub ty: TypeId,
    pub value: Value,
}

/// Rust-side state of a built-in object. Runtime objects are made on first use because a zero
/// value (`var wg sync.WaitGroup`) is created where no runtime handle is at hand.
pub enum Native {
    WaitGroup(Option<RtWaitGroup>),
    Mutex(Option<RtMutex>),
    /// Writer-preferring read/write lock state; waiters park on the runtime.
    RWMutex(Rc<RefCell<RwState>>),
    Once {
        done: bool,
    },
    Builder(Vec<u8>),
}

/// State of a `sync.RWMutex` (implemented by the VM on runtime primitives).
#[derive(Debug, Default)]
pub struct RwState {
    pub readers: u32,
    pub writer: bool,
    pub waiting_writers: u32,
    /// The runtime lock the VM uses, made on first use (the counters above are unused by the VM).
    pub lock: Option<crate::runtime::RwMutex>,
}

impl std::fmt::Debug for Native {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Native::WaitGroup(_) => write!(f, "WaitGroup"),
            Native::Mutex(_) => write!(f, "Mutex"),
            Native::RWMutex(_) => write!(f, "RWMutex"),
            Native::Once { done } => write!(f, "Once{{done: {done}}}"),
            Native::Builder(bytes) => write!(f, "Builder({})", String::from_utf8_lossy(bytes)),
        }
    }
}

impl Native {
    /// The zero value of a built-in object.
    pub fn zero(kind: NativeKind) -> Native {
        match kind {
            NativeKind::WaitGroup => Native::WaitGroup(None),
            NativeKind::Mutex => Native::Mutex(None),
            NativeKind::RWMutex => Native::RWMutex(Rc::default()),
            NativeKind::Once => Native::Once { done: false },
            NativeKind::Builder => Native::Builder(Vec::new()),
        }
    }

    /// Go's copy by value (`go f(wg)` copies the WaitGroup: `Done` on the copy is lost).
    pub fn copy_value(&self) -> Native {
        match self {
            Native::WaitGroup(wg) => Native::WaitGroup(wg.as_ref().map(|wg| wg.copy_value())),
            // A copied locked mutex is locked too (`go vet` flags such copies anyway).
            Native::Mutex(m) => Native::Mutex(m.as_ref().map(|m| m.copy_value())),
            Native::RWMutex(rw) => {
                let lock = rw.try_borrow().ok().and_then(|rw| rw.lock.as_ref().map(|l| l.copy_value()));
                Native::RWMutex(Rc::new(RefCell::new(RwState { lock, ..RwState::default() })))
            }
            Native::Once { done } => Native::Once { done: *done },
            Native::Builder(bytes) => Native::Builder(bytes.clone()),
        }
    }
}

impl Value {
    pub fn str(s: &str) -> Value {
        Value::Str(Rc::new(s.as_bytes().to_vec()))
    }

    pub fn bytes(b: Vec<u8>) -> Value {
        Value::Str(Rc::new(b))
    }

    pub fn agg(fields: Vec<Value>) -> Value {
        Value::Agg(Rc::new(RefCell::new(fields)))
    }

    pub fn is_nil(&self) -> bool {
        matches!(self, Value::Nil)
    }

    pub fn as_int(&self) -> i64 {
        match self {
            Value::Int(v) => *v,
            Value::Float(f) => *f as i64,
            Value::Bool(b) => *b as i64,
            _ => 0,
        }
    }

    pub fn as_float(&self) -> f64 {
        match self {
            Value::Float(f) => *f,
            Value::Int(v) => *v as f64,
            _ => 0.0,
        }
    }

    pub fn as_bool(&self) -> bool {
        matches!(self, Value::Bool(true))
    }

    /// The bytes of a string value (empty for anything else).
    pub fn as_bytes(&self) -> &[u8] {
        match self {
            Value::Str(s) => s.as_slice(),
            _ => &[],
        }
    }

    /// Go's copy by value: a struct or array is copied recursively (nested structs and arrays
    /// too, and the state of built-in objects); pointers, slices, maps, channels and functions
    /// are shared.
    pub fn deep_copy(&self) -> Value {
        match self {
            Value::Agg(fields) => Value::agg(fields.borrow().iter().map(Value::deep_copy).collect()),
            Value::Native(native) => Value::Native(Rc::new(RefCell::new(native.borrow().copy_value()))),
            other => other.clone(),
        }
    }
}
