//! The type table: every type the checker meets gets a [`TypeId`]; the VM and `fmt` read the
//! table for zero values, `%T`, `%v` of structs and maps, and method dispatch.
//!
//! Types are interned: structurally identical unnamed types share one id, so identity is `==`
//! on ids. A named type (`type Point struct{...}`, `time.Duration`) has its own id and points to
//! its underlying type.

use std::collections::HashMap;

use super::ast::ChanDir;

pub type TypeId = u32;

/// Integer kinds; values are stored as `i64` and wrapped to their kind by each operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum IntKind {
    Int,
    Int8,
    Int16,
    Int32,
    Int64,
    Uint,
    Uint8,
    Uint16,
    Uint32,
    Uint64,
    Uintptr,
}

impl IntKind {
    pub fn is_unsigned(self) -> bool {
        matches!(
            self,
            IntKind::Uint | IntKind::Uint8 | IntKind::Uint16 | IntKind::Uint32 | IntKind::Uint64 | IntKind::Uintptr
        )
    }

    /// Width in bits (int and uint are 64-bit, as on the Playground's amd64).
    pub fn bits(self) -> u32 {
        match self {
            IntKind::Int8 | IntKind::Uint8 => 8,
            IntKind::Int16 | IntKind::Uint16 => 16,
            IntKind::Int32 | IntKind::Uint32 => 32,
            _ => 64,
        }
    }

    /// Wraps `v` to this kind's range (two's complement), the result of any arithmetic.
    pub fn wrap(self, v: i64) -> i64 {
        match self {
            IntKind::Int8 => v as i8 as i64,
            IntKind::Int16 => v as i16 as i64,
            IntKind::Int32 => v as i32 as i64,
            IntKind::Uint8 => v as u8 as i64,
            IntKind::Uint16 => v as u16 as i64,
            IntKind::Uint32 => v as u32 as i64,
            _ => v,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            IntKind::Int => "int",
            IntKind::Int8 => "int8",
            IntKind::Int16 => "int16",
            IntKind::Int32 => "int32",
            IntKind::Int64 => "int64",
            IntKind::Uint => "uint",
            IntKind::Uint8 => "uint8",
            IntKind::Uint16 => "uint16",
            IntKind::Uint32 => "uint32",
            IntKind::Uint64 => "uint64",
            IntKind::Uintptr => "uintptr",
        }
    }
}

/// Untyped constant kinds (only the checker sees them; they never reach run time).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Untyped {
    Bool,
    Int,
    Rune,
    Float,
    String,
    Nil,
}

/// Built-in objects implemented in Rust, which live inside a struct of the same name so that
/// `&wg` and copies behave as in Go (see [`super::value::Native`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NativeKind {
    WaitGroup,
    Mutex,
    RWMutex,
    Once,
    Builder,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct StructField {
    pub name: String,
    pub ty: TypeId,
    /// An embedded field (its name is its type's name); its fields and methods are promoted.
    pub embedded: bool,
}

/// A function signature. `variadic`: the last parameter is `...T`, stored as `[]T`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Signature {
    pub params: Vec<TypeId>,
    pub results: Vec<TypeId>,
    pub variadic: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct InterfaceMethod {
    pub name: String,
    /// A [`TypeKind::Func`] type.
    pub sig: TypeId,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum TypeKind {
    Bool,
    Int(IntKind),
    Float64,
    Float32,
    String,
    Untyped(Untyped),
    Array {
        elem: TypeId,
        len: u64,
    },
    Slice(TypeId),
    Map {
        key: TypeId,
        value: TypeId,
    },
    Chan {
        dir: ChanDir,
        elem: TypeId,
    },
    Pointer(TypeId),
    Func(Signature),
    Struct(Vec<StructField>),
    /// Methods sorted by name (Go's method set order). `interface{}` / `any` has none.
    Interface(Vec<InterfaceMethod>),
    /// A Rust-implemented object (the single hidden field of `sync.WaitGroup`, ...).
    Native(NativeKind),
    /// Several results of one call (`a, b := f()`), for the checker only.
    Tuple(Vec<TypeId>),
    /// A named type: `main.Point`, `time.Duration`. `underlying` is never itself `Named`.
    Named {
        package: String,
        name: String,
        underlying: TypeId,
    },
}

/// One type of the table.
#[derive(Clone, Debug)]
pub struct TypeInfo {
    pub kind: TypeKind,
}

/// Predeclared ids, in the order [`TypeTable::new`] interns them.
pub mod predeclared {
    use super::TypeId;
    pub const BOOL: TypeId = 0;
    pub const INT: TypeId = 1;
    pub const INT8: TypeId = 2;
    pub const INT16: TypeId = 3;
    pub const INT32: TypeId = 4;
    pub const INT64: TypeId = 5;
    pub const UINT: TypeId = 6;
    pub const UINT8: TypeId = 7;
    pub const UINT16: TypeId = 8;
    pub const UINT32: TypeId = 9;
    pub const UINT64: TypeId = 10;
    pub const UINTPTR: TypeId = 11;
    pub const FLOAT64: TypeId = 12;
    pub const FLOAT32: TypeId = 13;
    pub const STRING: TypeId = 14;
    pub const UNTYPED_BOOL: TypeId = 15;
    pub const UNTYPED_INT: TypeId = 16;
    pub const UNTYPED_RUNE: TypeId = 17;
    pub const UNTYPED_FLOAT: TypeId = 18;
    pub const UNTYPED_STRING: TypeId = 19;
    pub const UNTYPED_NIL: TypeId = 20;
    /// `interface{}` / `any`.
    pub const ANY: TypeId = 21;
    /// `error`: a named interface `{ Error() string }` (its func type is interned after it).
    pub const ERROR: TypeId = 22;
    /// Aliases: `byte` is `uint8`, `rune` is `int32`.
    pub const BYTE: TypeId = UINT8;
    pub const RUNE: TypeId = INT32;
}

/// All types of one program.
#[derive(Clone, Debug)]
pub struct TypeTable {
    types: Vec<TypeInfo>,
    interned: HashMap<TypeKind, TypeId>,
}

impl Default for TypeTable {
    fn default() -> Self {
        Self::new()
    }
}

impl TypeTable {
    /// A table holding the predeclared types at their [`predeclared`] ids.
    pub fn new() -> Self {
        let mut table = TypeTable { types: Vec::new(), interned: HashMap::new() };
        let ints = [
            IntKind::Int,
            IntKind::Int8,
            IntKind::Int16,
            IntKind::Int32,
            IntKind::Int64,
            IntKind::Uint,
            IntKind::Uint8,
            IntKind::Uint16,
            IntKind::Uint32,
            IntKind::Uint64,
            IntKind::Uintptr,
        ];
        table.intern(TypeKind::Bool);
        for kind in ints {
            table.intern(TypeKind::Int(kind));
        }
        table.intern(TypeKind::Float64);
        table.intern(TypeKind::Float32);
        table.intern(TypeKind::String);
        for untyped in [Untyped::Bool, Untyped::Int, Untyped::Rune, Untyped::Float, Untyped::String, Untyped::Nil] {
            table.intern(TypeKind::Untyped(untyped));
        }
        table.intern(TypeKind::Interface(Vec::new()));
        // `error` is named; its underlying interface is filled in right after.
        let error = table.push(TypeKind::Named { package: String::new(), name: "error".into(), underlying: 0 });
        let sig = table.intern(TypeKind::Func(Signature {
            params: vec![],
            results: vec![predeclared::STRING],
            variadic: false,
        }));
        let iface = table.intern(TypeKind::Interface(vec![InterfaceMethod { name: "Error".into(), sig }]));
        table.types[error as usize].kind =
            TypeKind::Named { package: String::new(), name: "error".into(), underlying: iface };
        debug_assert_eq!(error, predeclared::ERROR);
        table
    }

    /// The id of an unnamed type, interning it on first use.
    pub fn intern(&mut self, kind: TypeKind) -> TypeId {
        if let Some(&id) = self.interned.get(&kind) {
            return id;
        }
        let id = self.types.len() as TypeId;
        self.types.push(TypeInfo { kind: kind.clone() });
        self.interned.insert(kind, id);
        id
    }

    /// The id of an unnamed type if it was interned.
    pub fn lookup(&self, kind: &TypeKind) -> Option<TypeId> {
        self.interned.get(kind).copied()
    }

    /// A new, distinct type (named types: each declaration is its own type).
    pub fn push(&mut self, kind: TypeKind) -> TypeId {
        let id = self.types.len() as TypeId;
        self.types.push(TypeInfo { kind });
        id
    }

    /// Replaces a named type's underlying type once its declaration is resolved.
    pub fn set_underlying(&mut self, named: TypeId, underlying: TypeId) {
        let underlying = self.underlying(underlying);
        if let Some(TypeInfo { kind: TypeKind::Named { underlying: u, .. } }) = self.types.get_mut(named as usize) {
            *u = underlying;
        }
    }

    pub fn len(&self) -> usize {
        self.types.len()
    }

    pub fn is_empty(&self) -> bool {
        self.types.is_empty()
    }

    pub fn kind(&self, id: TypeId) -> &TypeKind {
        &self.types[id as usize].kind
    }

    /// The underlying type: itself unless named.
    pub fn underlying(&self, id: TypeId) -> TypeId {
        match self.kind(id) {
            TypeKind::Named { underlying, .. } => *underlying,
            _ => id,
        }
    }

    /// The kind of the underlying type.
    pub fn under(&self, id: TypeId) -> &TypeKind {
        self.kind(self.underlying(id))
    }

    pub fn is_named(&self, id: TypeId) -> bool {
        matches!(self.kind(id), TypeKind::Named { .. })
    }

    pub fn is_interface(&self, id: TypeId) -> bool {
        matches!(self.under(id), TypeKind::Interface(_))
    }

    /// Structs and arrays: values held in a box that assignment copies (see `value::Value::Agg`).
    pub fn is_aggregate(&self, id: TypeId) -> bool {
        matches!(self.under(id), TypeKind::Struct(_) | TypeKind::Array { .. })
    }

    /// The type's name as `%T` prints it: `int`, `main.Point`, `*main.Point`, `[]string`,
    /// `map[string]int`, `func(int) string`, `chan<- int`, `struct { X int }`, `interface {}`.
    pub fn go_name(&self, id: TypeId) -> String {
        let mut out = String::new();
        self.write_name(id, true, &mut out);
        out
    }

    /// The type's name as gc's error messages print it: types of package main unqualified
    /// (`Point`, `*Point`), others qualified (`time.Duration`, `sync.WaitGroup`).
    pub fn error_name(&self, id: TypeId) -> String {
        let mut out = String::new();
        self.write_name(id, false, &mut out);
        out
    }

    fn write_name(&self, id: TypeId, qualify_main: bool, out: &mut String) {
        match self.kind(id) {
            TypeKind::Bool => out.push_str("bool"),
            TypeKind::Int(kind) => out.push_str(kind.name()),
            TypeKind::Float64 => out.push_str("float64"),
            TypeKind::Float32 => out.push_str("float32"),
            TypeKind::String => out.push_str("string"),
            TypeKind::Untyped(u) => out.push_str(match u {
                Untyped::Bool => "untyped bool",
                Untyped::Int => "untyped int",
                Untyped::Rune => "untyped rune",
                Untyped::Float => "untyped float",
                Untyped::String => "untyped string",
                Untyped::Nil => "untyped nil",
            }),
            TypeKind::Array { elem, len } => {
                out.push_str(&format!("[{len}]"));
                self.write_name(*elem, qualify_main, out);
            }
            TypeKind::Slice(elem) => {
                out.push_str("[]");
                self.write_name(*elem, qualify_main, out);
            }
            TypeKind::Map { key, value } => {
                out.push_str("map[");
                self.write_name(*key, qualify_main, out);
                out.push(']');
                self.write_name(*value, qualify_main, out);
            }
            TypeKind::Chan { dir, elem } => {
                out.push_str(match dir {
                    ChanDir::Both => "chan ",
                    ChanDir::Send => "chan<- ",
                    ChanDir::Recv => "<-chan ",
                });
                self.write_name(*elem, qualify_main, out);
            }
            TypeKind::Pointer(elem) => {
                out.push('*');
                self.write_name(*elem, qualify_main, out);
            }
            TypeKind::Func(sig) => {
                out.push_str("func");
                self.write_signature(sig, qualify_main, out);
            }
            TypeKind::Struct(fields) => {
                // `%T` prints `struct { X int }`; gc's messages print `struct{X int}`.
                let (open, close) = if qualify_main { ("struct { ", " }") } else { ("struct{", "}") };
                if fields.is_empty() {
                    out.push_str(if qualify_main { "struct {}" } else { "struct{}" });
                    return;
                }
                out.push_str(open);
                for (i, field) in fields.iter().enumerate() {
                    if i > 0 {
                        out.push_str("; ");
                    }
                    if !field.embedded {
                        out.push_str(&field.name);
                        out.push(' ');
                    }
                    self.write_name(field.ty, qualify_main, out);
                }
                out.push_str(close);
            }
            // `%T` prints `interface {}` and `interface { M() }`. gc's messages print the empty
            // interface by its alias `any` (interned alike, we cannot tell which one the
            // source wrote: `any` is the one the standard library and modern code use) and
            // other literals tight: `interface{M()}`.
            TypeKind::Interface(methods) => {
                let (empty, open, close) =
                    if qualify_main { ("interface {}", "interface { ", " }") } else { ("any", "interface{", "}") };
                if methods.is_empty() {
                    out.push_str(empty);
                    return;
                }
                out.push_str(open);
                for (i, method) in methods.iter().enumerate() {
                    if i > 0 {
                        out.push_str("; ");
                    }
                    out.push_str(&method.name);
                    if let TypeKind::Func(sig) = self.kind(method.sig) {
                        self.write_signature(sig, qualify_main, out);
                    }
                }
                out.push_str(close);
            }
            TypeKind::Native(kind) => out.push_str(match kind {
                NativeKind::WaitGroup => "sync.waitGroupState",
                NativeKind::Mutex => "sync.mutexState",
                NativeKind::RWMutex => "sync.rwMutexState",
                NativeKind::Once => "sync.onceState",
                NativeKind::Builder => "strings.builderState",
            }),
            TypeKind::Tuple(items) => {
                out.push('(');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    self.write_name(*item, qualify_main, out);
                }
                out.push(')');
            }
            TypeKind::Named { package, name, .. } => {
                if !package.is_empty() && (qualify_main || package != "main") {
                    // gc's messages quote a package whose name another imported package
                    // shares: `sync` imports `internal/sync`, also named "sync".
                    if !qualify_main && package == "sync" {
                        out.push_str("\"sync\"");
                    } else {
                        out.push_str(package);
                    }
                    out.push('.');
                }
                out.push_str(name);
            }
        }
    }

    fn write_signature(&self, sig: &Signature, qualify_main: bool, out: &mut String) {
        out.push('(');
        for (i, param) in sig.params.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            if sig.variadic && i + 1 == sig.params.len() {
                out.push_str("...");
                if let TypeKind::Slice(elem) = self.kind(*param) {
                    self.write_name(*elem, qualify_main, out);
                    continue;
                }
            }
            self.write_name(*param, qualify_main, out);
        }
        out.push(')');
        match sig.results.len() {
            0 => {}
            1 => {
                out.push(' ');
                self.write_name(sig.results[0], qualify_main, out);
            }
            _ => {
                out.push_str(" (");
                for (i, result) in sig.results.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    self.write_name(*result, qualify_main, out);
                }
                out.push(')');
            }
        }
    }
}
