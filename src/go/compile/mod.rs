//! Type checks a parsed file and compiles it to bytecode, one pass per function body.
//!
//! Package-level declarations are collected first (types, then function signatures and
//! methods, then constants and variables), so bodies can refer to anything in any order.
//! Each body is then checked and emitted in the same walk: an expression's type is known
//! before its code is emitted, except untyped constants, which stay unemitted until the
//! context gives them a type (see `expr.rs`).
//!
//! Errors use gc's wording and positions (Go 1.27); up to [`crate::go::diag::MAX_ERRORS`]
//! are reported. Constructs outside the notebook's subset are reported in French.

mod access;
mod assign;
mod builtin;
mod call;
mod consts;
mod escape;
mod expr;
mod exprtext;
mod flow;
mod func;
mod literal;
mod once;
mod operators;
mod package;
mod peephole;
mod promoted;
mod range;
mod rangedefer;
mod rangefunc;
mod shown;
mod stmt;
mod switch;
mod typeck;
mod universe;

use super::ast::{File, Span};
use super::bytecode::{FuncId, FuncProto, MethodImpl, Program, WellKnown};
use super::diag::{Diagnostic, LineMap};
use super::types::{TypeId, TypeTable};
use super::value::Value;
use func::FuncBuilder;
use std::collections::{HashMap, HashSet};
use universe::Pkg;

pub use consts::ConstVal;

/// Parses and compiles `src`. The errors come back in detection order (render them with
/// [`crate::go::diag::render`]).
pub fn compile_source(src: &str) -> Result<Program, Vec<Diagnostic>> {
    let (file, diags) = super::parser::parse_file(src);
    // Like gc: a syntax error stops before type checking; other parser errors (lexical ones,
    // `method has no receiver`, ...) are reported along with the checker's.
    if diags.iter().any(|d| d.message.starts_with("syntax error")) {
        return Err(diags);
    }
    match compile(&file, src) {
        Ok(program) if diags.is_empty() => Ok(program),
        Ok(_) => Err(diags),
        Err(more) => Err(diags.into_iter().chain(more).collect()),
    }
}

/// Compiles a parsed file.
pub fn compile(file: &File, src: &str) -> Result<Program, Vec<Diagnostic>> {
    let mut compiler = Compiler::new(src);
    compiler.compile_file(file);
    if !compiler.rangefuncs_found.is_empty() {
        // Escape analysis runs before types are known: compile again, now knowing which
        // loops range over functions (their bodies are closures).
        let found = std::mem::take(&mut compiler.rangefuncs_found);
        compiler = Compiler::new(src);
        compiler.rangefuncs = found;
        compiler.compile_file(file);
    }
    if compiler.diags.is_empty() {
        return Ok(compiler.finish());
    }
    // A construct outside the subset explains what follows it: report the first one alone.
    let first_unsupported = compiler
        .diags
        .iter()
        .filter(|d| d.message.starts_with(super::diag::UNSUPPORTED))
        .min_by_key(|d| d.span.start)
        .cloned();
    match first_unsupported {
        Some(d) => Err(vec![d]),
        None => Err(compiler.diags),
    }
}

/// A package-level object.
#[derive(Clone, Debug)]
pub(crate) enum Entity {
    Const {
        ty: TypeId,
        val: ConstVal,
    },
    /// A package variable: global slot `index`. Scalars live in a `Ref` cell so `&g` works.
    Var {
        index: u32,
        ty: TypeId,
        boxed: bool,
    },
    Type(TypeId),
    Func {
        id: FuncId,
        ty: TypeId,
    },
    Builtin(universe::Builtin),
    Nil,
    /// A const or var whose declaration is being resolved (for cycles and order).
    Pending(usize),
}

/// A method declared on a named type.
#[derive(Clone, Debug)]
pub(crate) struct MethodDecl {
    pub func: FuncId,
    /// Pointer receiver (`func (c *T) M()`).
    pub ptr: bool,
    /// The method's type without receiver (a `TypeKind::Func`).
    pub sig: TypeId,
}

pub(crate) struct Import {
    pub pkg: Pkg,
    pub span: Span,
    pub path: String,
    pub used: bool,
}

pub(crate) struct Compiler<'a> {
    pub src: &'a str,
    pub lines: LineMap,
    pub types: TypeTable,
    pub diags: Vec<Diagnostic>,
    pub universe: HashMap<&'static str, Entity>,
    pub globals: HashMap<String, Entity>,
    pub imports: HashMap<String, Import>,
    pub funcs: Vec<FuncProto>,
    pub consts: Vec<Value>,
    pub method_names: Vec<String>,
    pub method_ids: HashMap<String, u32>,
    /// Methods declared in the file, by named type.
    pub methods: HashMap<TypeId, Vec<(String, MethodDecl)>>,
    /// Methods implemented in Rust (on `sync.WaitGroup`, `time.Duration`, ...).
    pub native_methods: HashMap<(TypeId, &'static str), universe::NativeMethod>,
    pub global_count: u32,
    /// Functions being compiled, innermost (closure) last.
    pub fbs: Vec<FuncBuilder>,
    pub wk: WellKnown,
    pub pkg_types: universe::PkgTypes,
    /// Package-level value specs not resolved yet: (names, type, values, iota, span, is_const).
    pub pending: Vec<package::PendingSpec<'a>>,
    pub init: Option<FuncBuilder>,
    pub main: Option<FuncId>,
    /// Wrapper functions for promoted methods, by (type, name).
    pub promoted: HashMap<(TypeId, String), MethodImpl>,
    /// Types declared inside function bodies, innermost last.
    pub local_types: Vec<(String, TypeId)>,
    /// The pointee type of `errors.As`'s target argument, for the VM.
    pub last_arg_elem: Option<TypeId>,
    /// `iota` inside the const spec being evaluated.
    pub iota: Option<u32>,
    /// The type of a variable whose declaration had an error: its uses report nothing more.
    pub invalid: TypeId,
    /// Range-over-func loops (by the start of their range expression) known from a first
    /// pass, whose bodies escape analysis treats as closures; and those this pass met.
    pub rangefuncs: HashSet<u32>,
    pub rangefuncs_found: HashSet<u32>,
    /// (`next` variable of a loop, with values) for each kind of `return` its body holds.
    pub rf_returns: HashSet<(String, bool)>,
    /// `sync.OnceValue` and its kin, compiled once per result types.
    pub once_instances: once::OnceInstances,
    /// Func types written with parameter names, as messages print them.
    pub shown: HashMap<shown::ShownKey, String>,
    /// The parameters of the function whose arguments come next, and the argument being
    /// converted with its parameter's type as shown (see [`shown`]).
    pub param_shown: Vec<Option<String>>,
    pub target_shown: Option<(Span, String)>,
}

impl<'a> Compiler<'a> {
    fn new(src: &'a str) -> Self {
        let mut types = TypeTable::new();
        let (pkg_types, wk) = universe::PkgTypes::new(&mut types);
        let mut compiler = Compiler {
            src,
            lines: LineMap::new(src),
            types,
            diags: Vec::new(),
            universe: universe::universe(),
            globals: HashMap::new(),
            imports: HashMap::new(),
            funcs: Vec::new(),
            consts: Vec::new(),
            method_names: Vec::new(),
            method_ids: HashMap::new(),
            methods: HashMap::new(),
            native_methods: HashMap::new(),
            global_count: 0,
            fbs: Vec::new(),
            wk,
            pkg_types,
            pending: Vec::new(),
            init: None,
            main: None,
            promoted: HashMap::new(),
            local_types: Vec::new(),
            last_arg_elem: None,
            iota: None,
            invalid: 0,
            rangefuncs: HashSet::new(),
            rangefuncs_found: HashSet::new(),
            rf_returns: HashSet::new(),
            once_instances: HashMap::new(),
            shown: HashMap::new(),
            param_shown: Vec::new(),
            target_shown: None,
        };
        compiler.invalid = compiler.types.push(super::types::TypeKind::Tuple(Vec::new()));
        compiler.native_methods = universe::native_methods(&mut compiler.types, &compiler.pkg_types, &compiler.wk);
        compiler.method_id("Error");
        compiler.method_id("String");
        compiler
    }

    pub fn error(&mut self, span: Span, message: impl Into<String>) {
        self.diags.push(Diagnostic::new(span, message));
    }

    /// An error a learner meets often, named for the page's help text.
    pub fn error_coded(&mut self, code: crate::go::diag::DiagCode, span: Span, message: impl Into<String>) {
        let mut d = Diagnostic::new(span, message);
        d.code = Some(code);
        self.diags.push(d);
    }

    /// An error with gc's continuation lines under it.
    pub fn error_with_notes(&mut self, span: Span, message: impl Into<String>, notes: Vec<(Span, String)>) {
        let mut d = Diagnostic::new(span, message);
        d.notes = notes;
        self.diags.push(d);
    }

    pub fn unsupported(&mut self, span: Span, what: &str) {
        self.diags.push(Diagnostic::unsupported(span, what));
    }

    pub fn method_id(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.method_ids.get(name) {
            return id;
        }
        let id = self.method_names.len() as u32;
        self.method_names.push(name.to_owned());
        self.method_ids.insert(name.to_owned(), id);
        id
    }

    pub fn add_const(&mut self, v: Value) -> u32 {
        self.consts.push(v);
        (self.consts.len() - 1) as u32
    }

    /// Reserves a function slot (filled when its body is compiled).
    pub fn reserve_func(&mut self, name: String, line: u32) -> FuncId {
        self.funcs.push(FuncProto { name, line, ..FuncProto::default() });
        (self.funcs.len() - 1) as FuncId
    }

    pub fn line_of(&self, span: Span) -> u32 {
        self.lines.line(span.start)
    }

    /// Where `span` starts, as gc names a position inside a message (`./prog.go:6:2`).
    pub fn position_text(&self, span: Span) -> String {
        let (line, col) = self.lines.line_col(span.start);
        format!("./{}:{line}:{col}", super::FILE_NAME)
    }

    /// The source text of a span.
    pub fn raw_text(&self, span: Span) -> &'a str {
        self.src.get(span.start as usize..span.end as usize).unwrap_or("")
    }

    /// An expression as gc's messages print it (`n + "x"` for `n+"x"`).
    pub fn text(&self, span: Span) -> String {
        exprtext::normalise(self.raw_text(span))
    }

    fn finish(mut self) -> Program {
        self.promote_methods();
        let methods = self.method_table();
        let init = self.funcs.len() as FuncId;
        let mut init_fb =
            self.init.take().unwrap_or_else(|| FuncBuilder::new("main.init".into(), 0, Default::default()));
        init_fb.emit(super::bytecode::Op::Return);
        self.funcs.push(init_fb.proto);
        Program {
            types: self.types,
            funcs: self.funcs,
            consts: self.consts,
            error_method: 0,
            string_method: 1,
            method_names: self.method_names,
            methods,
            globals: self.global_count,
            init,
            main: self.main.unwrap_or(0),
            well_known: self.wk,
        }
    }
}
