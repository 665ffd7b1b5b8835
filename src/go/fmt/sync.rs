//! `fmt` of the `sync` types and `strings.Builder`: the interpreter keeps their state in Rust,
//! so their Go fields (`{_:{} mu:{state:1 sema:0}}`) are rebuilt from that state.

use std::rc::Rc;

use super::print::Printer;
use super::Host;
use crate::go::types::{predeclared as pre, TypeId, TypeKind, TypeTable};
use crate::go::value::{Native, Slice, Value};

/// Go's `rwmutexMaxReaders`: a pending writer subtracts it from `readerCount`.
const MAX_READERS: i64 = 1 << 30;
/// Go's `mutexWaiterShift`: the waiter count sits above the three flag bits.
const WAITER_SHIFT: u32 = 3;

/// One field of a Go-side struct, as `fmt` walks it.
enum Node {
    /// An empty struct (`noCopy`, `align64`), with its `%#v` name.
    Empty(&'static str),
    Int(TypeId, i64),
    Struct(&'static str, Vec<(&'static str, Node)>),
    /// A field printed from a run-time value of the given type (a Builder's fields).
    Value(TypeId, Value),
}

fn no_copy() -> Node {
    Node::Empty("sync.noCopy")
}

fn atomic(name: &'static str, ty: TypeId, v: i64) -> Node {
    Node::Struct(name, vec![("_", Node::Empty("atomic.noCopy")), ("v", Node::Int(ty, v))])
}

/// `internal/sync.Mutex` (which `%#v` names `sync.Mutex`).
fn inner_mutex(locked: bool, waiters: usize) -> Node {
    let state = i64::from(locked) | ((waiters as i64) << WAITER_SHIFT);
    Node::Struct("sync.Mutex", vec![("state", Node::Int(pre::INT32, state)), ("sema", Node::Int(pre::UINT32, 0))])
}

fn mutex_fields(locked: bool, waiters: usize) -> Vec<(&'static str, Node)> {
    vec![("_", no_copy()), ("mu", inner_mutex(locked, waiters))]
}

impl<H: Host> Printer<'_, H> {
    /// The Go fields of the native state `n` of a value of type `ty`.
    fn native_fields(&self, ty: TypeId, cell: &Rc<std::cell::RefCell<Native>>) -> Vec<(&'static str, Node)> {
        let Ok(n) = cell.try_borrow() else {
            return Vec::new();
        };
        match &*n {
            Native::Mutex(m) => {
                let (locked, waiters) = m.as_ref().map_or((false, 0), |m| (m.is_locked(), m.waiters()));
                mutex_fields(locked, waiters)
            }
            Native::WaitGroup(wg) => {
                let (counter, waiters) = wg.as_ref().map_or((0, 0), |wg| (wg.counter(), wg.waiters()));
                let v = (counter << 32) | waiters as i64;
                let state = Node::Struct(
                    "atomic.Uint64",
                    vec![
                        ("_", Node::Empty("atomic.noCopy")),
                        ("_", Node::Empty("atomic.align64")),
                        ("v", Node::Int(pre::UINT64, v)),
                    ],
                );
                vec![("noCopy", no_copy()), ("state", state), ("sema", Node::Int(pre::UINT32, 0))]
            }
            Native::RWMutex(rw) => {
                let s = rw.try_borrow().ok().and_then(|rw| rw.lock.as_ref().map(|l| l.snapshot())).unwrap_or_default();
                // A writer holding the lock, or the first one waiting for readers to leave, holds
                // the inner mutex; the other writers wait on it.
                let pending = s.writer || s.queued_writers > 0;
                let w_waiters = if s.writer { s.queued_writers } else { s.queued_writers.saturating_sub(1) };
                let mut readers = i64::from(s.readers) + i64::from(s.queued_readers);
                if pending {
                    readers -= MAX_READERS;
                }
                let departing = if !s.writer && s.queued_writers > 0 { s.readers } else { 0 };
                vec![
                    ("w", Node::Struct("sync.Mutex", mutex_fields(pending, w_waiters as usize))),
                    ("writerSem", Node::Int(pre::UINT32, 0)),
                    ("readerSem", Node::Int(pre::UINT32, 0)),
                    ("readerCount", atomic("atomic.Int32", pre::INT32, readers)),
                    ("readerWait", atomic("atomic.Int32", pre::INT32, i64::from(departing))),
                ]
            }
            Native::Once { done } => vec![
                ("_", no_copy()),
                ("done", atomic("atomic.Bool", pre::UINT32, i64::from(*done))),
                ("m", Node::Struct("sync.Mutex", mutex_fields(false, 0))),
            ],
            Native::Builder(bytes) => {
                let types = &self.host.program().types;
                let ptr = types.lookup(&TypeKind::Pointer(ty)).unwrap_or(pre::UINTPTR);
                let slice = types.lookup(&TypeKind::Slice(pre::UINT8)).unwrap_or(pre::UINTPTR);
                // Go's Builder records its address and allocates on the first write.
                let (addr, buf) = if bytes.is_empty() {
                    (Value::Nil, Value::Nil)
                } else {
                    let items: Vec<Value> = bytes.iter().map(|&b| Value::Int(i64::from(b))).collect();
                    let (len, backing) = (items.len(), Rc::new(std::cell::RefCell::new(items)));
                    let buf = Value::Slice(Rc::new(Slice { backing, offset: 0, len, cap: len }));
                    (Value::Native(cell.clone()), buf)
                };
                vec![("addr", Node::Value(ptr, addr)), ("buf", Node::Value(slice, buf))]
            }
        }
    }

    /// Prints a struct whose only field is a native state (`sync.Mutex`, ...); false if `v`
    /// is not one.
    pub(super) fn print_native_struct(
        &mut self,
        ty: TypeId,
        v: &Value,
        verb: char,
        depth: u32,
    ) -> Result<bool, H::Error> {
        let first = match v {
            Value::Agg(b) | Value::AggPtr(b) => b.try_borrow().ok().and_then(|b| b.first().cloned()),
            _ => None,
        };
        let Some(Value::Native(cell)) = first else {
            return Ok(false);
        };
        let fields = self.native_fields(ty, &cell);
        if self.fmt.sharp_v {
            let name = self.type_name(ty);
            self.buf.extend_from_slice(name.as_bytes());
        }
        self.print_fields(&fields, verb, depth)?;
        Ok(true)
    }

    fn print_fields(&mut self, fields: &[(&'static str, Node)], verb: char, depth: u32) -> Result<(), H::Error> {
        self.buf.push(b'{');
        for (i, (name, node)) in fields.iter().enumerate() {
            if i > 0 {
                self.buf.extend_from_slice(if self.fmt.sharp_v { b", " } else { b" " });
            }
            if self.fmt.plus_v || self.fmt.sharp_v {
                self.buf.extend_from_slice(name.as_bytes());
                self.buf.push(b':');
            }
            self.print_node(node, verb, depth + 1)?;
        }
        self.buf.push(b'}');
        Ok(())
    }

    fn print_node(&mut self, node: &Node, verb: char, depth: u32) -> Result<(), H::Error> {
        match node {
            Node::Empty(name) => {
                if self.fmt.sharp_v {
                    self.buf.extend_from_slice(name.as_bytes());
                }
                self.buf.extend_from_slice(b"{}");
            }
            Node::Int(ty, v) => self.print_value(*ty, &Value::Int(*v), verb, depth, false)?,
            Node::Value(ty, v) => self.print_value(*ty, v, verb, depth, false)?,
            Node::Struct(name, fields) => {
                if self.fmt.sharp_v {
                    self.buf.extend_from_slice(name.as_bytes());
                }
                self.print_fields(fields, verb, depth)?;
            }
        }
        Ok(())
    }
}

/// Whether a struct's fields are one native state (the layout of the types above).
pub(super) fn is_native_struct(kind: &TypeKind, types: &TypeTable) -> bool {
    matches!(kind, TypeKind::Struct(fields)
        if fields.len() == 1 && fields.first().is_some_and(|f| matches!(types.kind(f.ty), TypeKind::Native(_))))
}
