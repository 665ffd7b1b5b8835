//! The builder of one function: its code, locals and scopes, loop targets and captures.

use std::collections::HashSet;

use crate::go::ast::Span;
use crate::go::bytecode::{FuncProto, Op};
use crate::go::types::TypeId;

/// A local variable of the function being built.
#[derive(Clone, Debug)]
pub struct Local {
    pub name: String,
    pub ty: TypeId,
    pub slot: u16,
    /// Lives in a `Ref` cell (address taken or captured by a closure).
    pub boxed: bool,
    pub used: bool,
    pub span: Span,
    /// Parameters and results are never reported as unused.
    pub reportable: bool,
    /// A local constant (`const n = 3` in a body): no slot is used.
    pub konst: Option<(super::consts::ConstVal, TypeId)>,
}

/// A variable of an enclosing function captured by this closure.
#[derive(Clone, Debug)]
pub struct Capture {
    pub name: String,
    pub ty: TypeId,
    /// The cell (scalar) or the box (struct/array) is captured: both are shared.
    pub boxed: bool,
    /// Where the enclosing function finds it.
    pub from: VarLoc,
}

/// Where a variable lives, seen from one function.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VarLoc {
    /// Index into the function's `locals`.
    Local(usize),
    Capture(u16),
}

/// What `break`/`continue` jump to.
#[derive(Debug)]
pub struct Target {
    pub label: Option<String>,
    /// Loops accept `continue`; switch and select only `break`.
    pub is_loop: bool,
    pub breaks: Vec<usize>,
    pub continues: Vec<usize>,
}

pub struct FuncBuilder {
    pub proto: FuncProto,
    pub locals: Vec<Local>,
    /// Names visible in each nested block, innermost last: (name, index into `locals`).
    pub scopes: Vec<Vec<(String, usize)>>,
    pub captures: Vec<Capture>,
    pub results: Vec<TypeId>,
    pub named_results: bool,
    pub targets: Vec<Target>,
    /// Names whose variables must be boxed: their address is taken or a closure uses them.
    pub escaping: HashSet<String>,
    /// Closures made so far, to name them `main.f.func1`, `main.f.func2`...
    pub closures: u32,
    /// Line of the statement being compiled (recorded for each instruction).
    pub line: u32,
    /// A label waiting for the loop or switch it names.
    pub pending_label: Option<String>,
    /// The function contains a `defer` statement.
    pub has_defer: bool,
    /// Labels of the statements being compiled, and whether a branch used them.
    pub labels: Vec<(String, bool)>,
    /// Range-over-func loops so far (their bodies are `main.f-range1`, ...).
    pub ranges: u32,
    /// Set when this function is the body of a range-over-func loop.
    pub rangefunc: Option<Box<super::rangefunc::RangeFunc>>,
}

impl FuncBuilder {
    pub fn new(name: String, line: u32, escaping: HashSet<String>) -> Self {
        FuncBuilder {
            proto: FuncProto { name, line, ..FuncProto::default() },
            locals: Vec::new(),
            scopes: vec![Vec::new()],
            captures: Vec::new(),
            results: Vec::new(),
            named_results: false,
            targets: Vec::new(),
            escaping,
            closures: 0,
            line,
            pending_label: None,
            has_defer: false,
            labels: Vec::new(),
            ranges: 0,
            rangefunc: None,
        }
    }

    pub fn emit(&mut self, op: Op) -> usize {
        self.proto.code.push(op);
        self.proto.lines.push(self.line);
        self.proto.code.len() - 1
    }

    pub fn here(&self) -> usize {
        self.proto.code.len()
    }

    /// Points the jump at `at` to `target`.
    pub fn patch(&mut self, at: usize, target: usize) {
        let target = target as u32;
        if let Some(op) = self.proto.code.get_mut(at) {
            match op {
                Op::Jump(t) | Op::JumpIfFalse(t) | Op::JumpIfTrue(t) => *t = target,
                Op::MapIterNext { done } => *done = target,
                _ => {}
            }
        }
    }

    pub fn patch_here(&mut self, at: usize) {
        let here = self.here();
        self.patch(at, here);
    }

    /// A new local in the current scope. Unnamed (`_`) locals are not entered in the scope.
    pub fn declare(&mut self, name: &str, ty: TypeId, boxed: bool, span: Span, reportable: bool) -> usize {
        let slot = self.locals.len() as u16;
        self.locals.push(Local { name: name.to_owned(), ty, slot, boxed, used: false, span, reportable, konst: None });
        self.proto.locals = self.proto.locals.max(slot.saturating_add(1));
        let index = self.locals.len() - 1;
        if name != "_" {
            if let Some(scope) = self.scopes.last_mut() {
                scope.push((name.to_owned(), index));
            }
        }
        index
    }

    /// A hidden temporary local.
    pub fn temp(&mut self, ty: TypeId) -> u16 {
        let index = self.declare("_", ty, false, Span::default(), false);
        self.locals[index].slot
    }

    pub fn lookup(&self, name: &str) -> Option<usize> {
        self.scopes.iter().rev().find_map(|scope| scope.iter().rev().find(|(n, _)| n == name).map(|(_, i)| *i))
    }

    pub fn open_scope(&mut self) {
        self.scopes.push(Vec::new());
    }

    pub fn close_scope(&mut self) {
        self.scopes.pop();
    }
}
