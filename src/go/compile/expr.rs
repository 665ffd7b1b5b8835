//! Expressions: checked and emitted in one walk. Untyped constants are not emitted until
//! their context gives them a type ([`Compiler::convert`]).

use super::consts::{self, ConstVal, RepError};
use super::func::VarLoc;
use super::universe::Builtin;
use super::{Compiler, Entity};
use crate::go::ast::{Expr, ExprKind, Span};
use crate::go::bytecode::Op;
use crate::go::types::{predeclared as pre, TypeId, TypeKind, Untyped};
use std::rc::Rc;

#[derive(Clone, Debug)]
pub enum Mode {
    /// Nothing emitted yet.
    Const(ConstVal),
    /// The `nil` literal; nothing emitted.
    Nil,
    /// One value pushed. `var`: an addressable variable (messages say "variable of type").
    /// `fresh`: a new struct/array nobody else holds (no copy needed).
    Value {
        var: bool,
        fresh: bool,
    },
    /// Several values pushed (a call with several results).
    Tuple(u16),
    /// Nothing pushed: a call without results.
    Void,
    /// A type used where an expression may be one (conversions, `make`).
    Type,
    Builtin(Builtin),
    Package,
    /// An error was reported; nothing reliable was emitted.
    Bad,
}

#[derive(Clone, Debug)]
pub struct Operand {
    pub mode: Mode,
    pub ty: TypeId,
    pub span: Span,
}

impl Operand {
    pub fn bad(span: Span) -> Self {
        Operand { mode: Mode::Bad, ty: pre::INT, span }
    }

    pub fn value(ty: TypeId, span: Span) -> Self {
        Operand { mode: Mode::Value { var: false, fresh: true }, ty, span }
    }

    pub fn is_bad(&self) -> bool {
        matches!(self.mode, Mode::Bad)
    }
}

/// What a plain name denotes.
pub enum Resolved {
    Var(VarLoc, TypeId, bool),
    Global(u32, TypeId, bool),
    Entity(Entity),
}

impl<'a> Compiler<'a> {
    pub fn fb(&mut self) -> &mut super::func::FuncBuilder {
        match self.fbs.last_mut() {
            Some(fb) => fb,
            // Package-level initialisers are emitted into the init function.
            None => self
                .init
                .get_or_insert_with(|| super::func::FuncBuilder::new("main.init".into(), 1, Default::default())),
        }
    }

    pub fn emit(&mut self, op: Op) -> usize {
        self.fb().emit(op)
    }

    pub fn needs_box(&self, name: &str, ty: TypeId) -> bool {
        if name == "_" || self.types.is_aggregate(ty) {
            return false;
        }
        let Some(fb) = self.fbs.last() else { return false };
        fb.escaping.contains(name)
            || (fb.escaping.contains(&format!("{name}\u{0}method")) && self.methods.contains_key(&ty))
    }

    /// Finds a name: locals (capturing from enclosing functions), package, universe.
    pub fn resolve(&mut self, name: &str) -> Option<Resolved> {
        if let Some((val, ty)) = self.local_const(name) {
            return Some(Resolved::Entity(Entity::Const { ty, val }));
        }
        if !self.fbs.is_empty() {
            let depth = self.fbs.len() - 1;
            if let Some(loc) = self.capture_at(depth, name) {
                let (ty, boxed) = self.var_info(depth, loc);
                return Some(Resolved::Var(loc, ty, boxed));
            }
        }
        if let Some(ty) = self.local_types.iter().rev().find(|(n, _)| n == name).map(|(_, t)| *t) {
            return Some(Resolved::Entity(Entity::Type(ty)));
        }
        if let Some(e) = self.globals.get(name).cloned() {
            let e = match e {
                Entity::Pending(index) => {
                    self.resolve_pending(index);
                    self.globals.get(name).cloned()?
                }
                e => e,
            };
            return Some(match e {
                Entity::Var { index, ty, boxed } => Resolved::Global(index, ty, boxed),
                e => Resolved::Entity(e),
            });
        }
        self.universe.get(name).cloned().map(Resolved::Entity)
    }

    /// A constant declared in a function body, visible from here (innermost first).
    fn local_const(&mut self, name: &str) -> Option<(ConstVal, TypeId)> {
        for fb in self.fbs.iter_mut().rev() {
            if let Some(i) = fb.lookup(name) {
                let local = &mut fb.locals[i];
                if local.konst.is_some() {
                    local.used = true;
                }
                return local.konst.clone();
            }
        }
        None
    }

    /// Marks the variable read: through a closure's captures, the variable it comes from
    /// (a variable only assigned inside a closure stays unused, as gc says).
    pub fn mark_used(&mut self, loc: VarLoc) {
        let mut loc = loc;
        for fb in self.fbs.iter_mut().rev() {
            match loc {
                VarLoc::Local(i) => {
                    if let Some(local) = fb.locals.get_mut(i) {
                        local.used = true;
                    }
                    return;
                }
                VarLoc::Capture(c) => match fb.captures.get(c as usize) {
                    Some(capture) => loc = capture.from,
                    None => return,
                },
            }
        }
    }

    fn var_info(&self, depth: usize, loc: VarLoc) -> (TypeId, bool) {
        let fb = &self.fbs[depth];
        match loc {
            VarLoc::Local(i) => (fb.locals[i].ty, fb.locals[i].boxed),
            VarLoc::Capture(i) => {
                let c = &fb.captures[i as usize];
                (c.ty, c.boxed)
            }
        }
    }

    /// `name` as seen from function `depth`, adding captures along the way.
    fn capture_at(&mut self, depth: usize, name: &str) -> Option<VarLoc> {
        if let Some(i) = self.fbs[depth].lookup(name) {
            return Some(VarLoc::Local(i));
        }
        if let Some(i) = self.fbs[depth].captures.iter().position(|c| c.name == name) {
            return Some(VarLoc::Capture(i as u16));
        }
        if depth == 0 || self.fbs[depth].scopes.is_empty() {
            return None;
        }
        let outer = self.capture_at(depth - 1, name)?;
        let (ty, boxed) = self.var_info(depth - 1, outer);
        let fb = &mut self.fbs[depth];
        fb.captures.push(super::func::Capture { name: name.to_owned(), ty, boxed, from: outer });
        Some(VarLoc::Capture((fb.captures.len() - 1) as u16))
    }

    /// Pushes the value of a variable (its box for a struct/array).
    pub fn load_var(&mut self, loc: VarLoc, ty: TypeId, boxed: bool) {
        let agg = self.types.is_aggregate(ty);
        match loc {
            VarLoc::Local(i) => {
                let slot = self.fb().locals[i].slot;
                self.emit(if boxed && !agg { Op::LoadRef(slot) } else { Op::Load(slot) });
            }
            VarLoc::Capture(i) => {
                self.emit(if agg { Op::Capture(i) } else { Op::LoadCaptureRef(i) });
            }
        }
    }

    /// An expression whose value must be a constant (array lengths, package consts).
    pub fn const_expr(&mut self, e: &Expr) -> Option<ConstVal> {
        let mark = self.fbs.last().map(|fb| fb.here());
        let op = self.expr(e, None);
        match op.mode {
            Mode::Const(v) => Some(v),
            Mode::Bad => None,
            _ => {
                if let (Some(mark), Some(fb)) = (mark, self.fbs.last_mut()) {
                    fb.proto.code.truncate(mark);
                    fb.proto.lines.truncate(mark);
                }
                self.error(e.span, format!("{} is not constant", self.describe(&op)));
                None
            }
        }
    }

    /// gc's description of an operand: `x (variable of type int)`, `"a" (untyped string
    /// constant)`, `f() (value of type int)`, `c (constant 5 of type int)`.
    pub fn describe(&self, op: &Operand) -> String {
        let text = self.text(op.span).trim().to_owned();
        match &op.mode {
            Mode::Const(v) => {
                // A float constant reads as a float even when its value is whole (`1e+19`).
                let float = op.ty == pre::UNTYPED_FLOAT
                    || matches!(self.types.under(op.ty), TypeKind::Float64 | TypeKind::Float32);
                let value = match v {
                    ConstVal::Int(i) if float => ConstVal::Float(*i as f64).describe(),
                    other => other.describe(),
                };
                // gc shows the value when it reads otherwise than the expression.
                let literal = value == text;
                if self.is_untyped(op.ty) {
                    if literal {
                        format!("{text} ({} constant)", self.types.error_name(op.ty))
                    } else {
                        format!("{text} ({} constant {value})", self.types.error_name(op.ty))
                    }
                } else if literal {
                    format!("{text} (constant of type {})", self.name(op.ty))
                } else {
                    format!("{text} (constant {value} of type {})", self.name(op.ty))
                }
            }
            Mode::Nil => "nil".into(),
            Mode::Value { .. } if self.is_untyped(op.ty) => {
                format!("{text} ({} value)", self.types.error_name(op.ty))
            }
            Mode::Value { .. } | Mode::Tuple(_) => {
                // A receive or a type assertion could also yield `ok`: gc names it so.
                let comma_ok = text.starts_with("<-") || (text.ends_with(')') && text.contains(".("));
                let what = if matches!(op.mode, Mode::Value { var: true, .. }) {
                    "variable"
                } else if comma_ok {
                    "comma, ok expression"
                } else {
                    "value"
                };
                format!("{text} ({what} of {}type {})", self.type_kind_word(op.ty), self.shown_type(op))
            }
            Mode::Void => format!("{text} (no value)"),
            Mode::Type => format!("{text} (type)"),
            Mode::Builtin(_) => format!("{text} (built-in)"),
            Mode::Package => format!("use of package {text} without selector"),
            Mode::Bad => text,
        }
    }

    /// types2 describes a named type by its structure: `struct type Sq`, `int64 type
    /// time.Duration`, `interface type error` (empty for unnamed types).
    pub fn type_kind_word(&self, ty: TypeId) -> String {
        if !self.types.is_named(ty) {
            // The empty interface is shown as the alias `any`, which types2 describes too.
            let empty_iface = matches!(self.types.kind(ty), TypeKind::Interface(m) if m.is_empty());
            return if empty_iface { "interface ".to_owned() } else { String::new() };
        }
        // time.Time is a struct in Go (a count of nanoseconds here).
        if ty == self.wk.time {
            return "struct ".to_owned();
        }
        let word = match self.types.under(ty) {
            TypeKind::Struct(_) => "struct".to_owned(),
            TypeKind::Interface(_) => "interface".to_owned(),
            TypeKind::Map { .. } => "map".to_owned(),
            TypeKind::Slice(_) => "slice".to_owned(),
            TypeKind::Array { .. } => "array".to_owned(),
            TypeKind::Pointer(_) => "pointer".to_owned(),
            TypeKind::Func(_) => "func".to_owned(),
            TypeKind::Chan { .. } => "chan".to_owned(),
            _ => self.types.error_name(self.types.underlying(ty)),
        };
        format!("{word} ")
    }

    /// Emits `e` as one value of type `target` (or its own/default type), copying a struct or
    /// array that someone else holds. `context`: `assignment`, `argument to f`, ...
    pub fn value(&mut self, e: &Expr, target: Option<TypeId>, context: &str) -> Option<TypeId> {
        let op = self.expr(e, target);
        self.convert(op, target, context)
    }

    /// Materialises an operand as one value on the stack, converted to `target`.
    pub fn convert(&mut self, op: Operand, target: Option<TypeId>, context: &str) -> Option<TypeId> {
        match op.mode.clone() {
            Mode::Bad => None,
            Mode::Const(v) => {
                let ty = match target {
                    Some(t) => t,
                    None => consts::default_type(&self.types, op.ty),
                };
                self.push_const(&op, &v, ty, context)
            }
            Mode::Nil => match target {
                Some(t) if self.nillable(t) && !self.is_untyped(t) => {
                    self.emit(Op::Nil);
                    Some(t)
                }
                Some(t) => {
                    self.error(op.span, format!("cannot use nil as {} value in {context}", self.name(t)));
                    None
                }
                None => {
                    self.error(op.span, "use of untyped nil in ".to_owned() + context);
                    None
                }
            },
            Mode::Value { fresh, .. } => {
                if !fresh && self.types.is_aggregate(op.ty) {
                    self.emit(Op::Copy);
                }
                let mut op = op;
                if op.ty == pre::UNTYPED_BOOL {
                    // A comparison's result: untyped, assignable to any boolean type.
                    op.ty = match target {
                        Some(t) if matches!(self.types.under(t), TypeKind::Bool) => t,
                        _ => pre::BOOL,
                    };
                }
                let Some(t) = target else { return Some(op.ty) };
                self.assign_check(&op, t, context)?;
                if self.types.is_interface(t) && !self.types.is_interface(op.ty) {
                    self.emit(Op::ToIface(op.ty));
                }
                Some(t)
            }
            Mode::Tuple(n) => {
                self.error(
                    op.span,
                    format!("multiple-value {} (value of type {}) in single-value context", self.text(op.span), {
                        let _ = n;
                        self.name(op.ty)
                    }),
                );
                None
            }
            Mode::Void => {
                self.error(op.span, format!("{} (no value) used as value", self.text(op.span)));
                None
            }
            Mode::Type => {
                self.error(op.span, format!("{} (type) is not an expression", self.text(op.span)));
                None
            }
            Mode::Builtin(b) => {
                self.error(op.span, format!("{} (built-in) must be called", b.name()));
                None
            }
            Mode::Package => {
                self.error(op.span, format!("use of package {} without selector", self.text(op.span)));
                None
            }
        }
    }

    fn assign_check(&mut self, op: &Operand, t: TypeId, context: &str) -> Option<()> {
        match self.assignable(op.ty, t) {
            Ok(()) => Some(()),
            Err(why) => {
                let mut msg =
                    format!("cannot use {} as {} value in {context}", self.describe(op), self.target_name(op, t));
                if !why.is_empty() {
                    msg.push_str(": ");
                    msg.push_str(&why);
                }
                self.error(op.span, msg);
                None
            }
        }
    }

    /// Pushes constant `v` converted to `ty`, checking that it is representable.
    pub fn push_const(&mut self, op: &Operand, v: &ConstVal, ty: TypeId, context: &str) -> Option<TypeId> {
        let target = if self.types.is_interface(ty) { consts::default_type(&self.types, op.ty) } else { ty };
        let ok = const_fits_kind(self.types.under(target), v) || self.is_untyped(target);
        // An untyped constant goes into an interface as a value of its default type.
        let missing = self.types.is_interface(ty) && self.implements(target, ty).is_err();
        if !ok || missing || (!self.is_untyped(op.ty) && self.assignable(op.ty, target).is_err()) {
            let why = if self.types.is_interface(ty) {
                match self.implements(target, ty) {
                    Err(w) => format!(": {w}"),
                    Ok(()) => String::new(),
                }
            } else {
                String::new()
            };
            if self.types.is_interface(ty) && why.is_empty() {
                // Fine: a constant of default type implementing the interface.
            } else {
                // gc names the constant by the type it was converted to.
                let shown = if missing { Operand { ty: target, ..op.clone() } } else { op.clone() };
                self.error(
                    op.span,
                    format!(
                        "cannot use {} as {} value in {context}{why}",
                        self.describe(&shown),
                        self.target_name(op, ty)
                    ),
                );
                return None;
            }
        }
        let v = match consts::representable(&self.types, v, target) {
            Ok(v) => v,
            Err(e) => {
                let why = match e {
                    RepError::Overflows => "overflows",
                    RepError::Truncated => "truncated",
                    RepError::Mismatch => "mismatched",
                };
                if context.is_empty() {
                    self.error(op.span, format!("{} overflows {}", self.text(op.span), self.name(target)));
                } else {
                    self.error(
                        op.span,
                        format!(
                            "cannot use {} as {} value in {context} ({why})",
                            self.describe(op),
                            self.target_name(op, target)
                        ),
                    );
                }
                return None;
            }
        };
        match (&v, self.types.under(target)) {
            (ConstVal::Int(i), TypeKind::Int(_)) if i32::try_from(*i).is_ok() => {
                self.emit(Op::SmallInt(*i as i32));
            }
            (ConstVal::Bool(b), _) => {
                self.emit(Op::Bool(*b));
            }
            _ => {
                let value = consts::to_value(&self.types, &v, target);
                let k = self.add_const(value);
                self.emit(Op::Const(k));
            }
        }
        if self.types.is_interface(ty) {
            self.emit(Op::ToIface(target));
        }
        Some(ty)
    }

    /// Checks and emits an expression. `hint` types untyped composite elements; it is not a
    /// conversion (see [`Compiler::value`]).
    pub fn expr(&mut self, e: &Expr, hint: Option<TypeId>) -> Operand {
        let span = e.span;
        match &e.kind {
            ExprKind::Bad => Operand::bad(span),
            ExprKind::Paren(inner) => {
                let mut op = self.expr(inner, hint);
                op.span = span;
                op
            }
            ExprKind::Int(text) => match parse_int(text) {
                Some(v) => Operand { mode: Mode::Const(ConstVal::Int(v)), ty: pre::UNTYPED_INT, span },
                None => {
                    self.error(span, format!("integer constant overflow: {text}"));
                    Operand::bad(span)
                }
            },
            ExprKind::Float(text) => match consts::parse_decimal(text)
                .map(Ok)
                .unwrap_or_else(|| text.replace('_', "").parse::<f64>().map(ConstVal::Float))
            {
                Ok(v) => Operand { mode: Mode::Const(v), ty: pre::UNTYPED_FLOAT, span },
                Err(_) => {
                    self.unsupported(span, "ce littéral flottant");
                    Operand::bad(span)
                }
            },
            ExprKind::Imag(_) => {
                self.unsupported(span, "les nombres complexes");
                Operand::bad(span)
            }
            ExprKind::Char(c) => Operand { mode: Mode::Const(ConstVal::Int(*c as i128)), ty: pre::UNTYPED_RUNE, span },
            ExprKind::Str(bytes) => {
                Operand { mode: Mode::Const(ConstVal::Str(Rc::new(bytes.clone()))), ty: pre::UNTYPED_STRING, span }
            }
            ExprKind::Ident(name) => self.ident(name, span),
            ExprKind::Unary { op, expr } => self.unary(*op, expr, span, hint),
            ExprKind::Binary { op, lhs, rhs } => self.binary(*op, lhs, rhs, span, hint),
            ExprKind::Star(inner) => self.deref(inner, span),
            ExprKind::Recv(chan) => self.recv(chan, span, false),
            ExprKind::Selector { expr, sel } => self.selector(expr, sel, span),
            ExprKind::Index { expr, index } => self.index(expr, index, span),
            ExprKind::IndexList { .. } => {
                self.unsupported(span, "les génériques");
                Operand::bad(span)
            }
            ExprKind::Slice { expr, lo, hi, max } => self.slice_expr(expr, lo, hi, max, span),
            ExprKind::TypeAssert { expr, ty } => self.type_assert(expr, ty.as_ref(), span, false),
            ExprKind::Call { func, args, spread } => self.call(func, args, *spread, span),
            ExprKind::Composite { ty, elems } => self.composite(ty.as_ref(), elems, span, hint),
            ExprKind::FuncLit { sig, body } => {
                let op = self.func_lit(sig, body, span);
                if let Some(shown) = self.shown_func_type(sig, op.ty) {
                    self.shown.insert(super::shown::ShownKey::Expr(span), shown);
                }
                op
            }
            ExprKind::Type(te) => match self.resolve_type(te) {
                Some(ty) => Operand { mode: Mode::Type, ty, span },
                None => Operand::bad(span),
            },
        }
    }

    fn ident(&mut self, name: &str, span: Span) -> Operand {
        if name == "_" {
            self.error(span, "cannot use _ as value");
            return Operand::bad(span);
        }
        if name == "iota" && self.fbs.iter().all(|fb| fb.lookup(name).is_none()) && !self.globals.contains_key(name) {
            if let Some(i) = self.iota {
                return Operand { mode: Mode::Const(ConstVal::Int(i as i128)), ty: pre::UNTYPED_INT, span };
            }
        }
        if self.fbs.last().and_then(|fb| fb.lookup(name)).is_none() {
            if let Some(import) = self.imports.get_mut(name) {
                import.used = true;
                return Operand { mode: Mode::Package, ty: pre::INT, span };
            }
        }
        match self.resolve(name) {
            Some(Resolved::Var(loc, ty, boxed)) => {
                self.mark_used(loc);
                if let Some(decl) = self.var_decl_span(loc) {
                    self.show_as(span, super::shown::ShownKey::Param(decl));
                }
                if ty == self.invalid {
                    return Operand::bad(span);
                }
                self.load_var(loc, ty, boxed);
                Operand { mode: Mode::Value { var: true, fresh: false }, ty, span }
            }
            Some(Resolved::Global(index, ty, boxed)) => {
                self.show_as(span, super::shown::ShownKey::Global(index));
                self.emit(Op::LoadGlobal(index));
                if boxed {
                    self.emit(Op::Deref);
                }
                Operand { mode: Mode::Value { var: true, fresh: false }, ty, span }
            }
            Some(Resolved::Entity(entity)) => match entity {
                Entity::Const { ty, val } => Operand { mode: Mode::Const(val), ty, span },
                Entity::Type(ty) => Operand { mode: Mode::Type, ty, span },
                Entity::Func { id, ty } => {
                    self.show_as(span, super::shown::ShownKey::Func(id));
                    self.emit(Op::MakeClosure { func: id, captures: 0 });
                    Operand::value(ty, span)
                }
                Entity::Builtin(b) => Operand { mode: Mode::Builtin(b), ty: pre::INT, span },
                Entity::Nil => Operand { mode: Mode::Nil, ty: pre::UNTYPED_NIL, span },
                Entity::Var { .. } | Entity::Pending(_) => {
                    self.error(span, format!("invalid recursive reference to {name}"));
                    Operand::bad(span)
                }
            },
            None => {
                self.error(span, format!("undefined: {name}"));
                Operand::bad(span)
            }
        }
    }

    /// Makes sure an operand's single value is on the stack (constants materialised).
    pub fn ensure_value(&mut self, x: &Operand) -> bool {
        match &x.mode {
            Mode::Value { .. } => true,
            _ => self.convert(x.clone(), None, "").is_some(),
        }
    }
}

/// Whether a constant's kind suits a basic type (a string for a string, a number for a number).
pub(super) fn const_fits_kind(kind: &TypeKind, v: &ConstVal) -> bool {
    matches!(
        (kind, v),
        (TypeKind::Bool, ConstVal::Bool(_))
            | (TypeKind::String, ConstVal::Str(_))
            | (
                TypeKind::Int(_) | TypeKind::Float64 | TypeKind::Float32,
                ConstVal::Int(_) | ConstVal::Float(_) | ConstVal::Rat(..)
            )
    )
}

pub fn strip_parens(e: &Expr) -> &Expr {
    match &e.kind {
        ExprKind::Paren(inner) => strip_parens(inner),
        _ => e,
    }
}

/// Go integer literal → value (`0x1F`, `0o17`, `017`, `0b101`, `1_000`).
pub fn parse_int(text: &str) -> Option<i128> {
    let t: String = text.chars().filter(|c| *c != '_').collect();
    let (digits, radix) = if let Some(rest) = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")) {
        (rest.to_owned(), 16)
    } else if let Some(rest) = t.strip_prefix("0o").or_else(|| t.strip_prefix("0O")) {
        (rest.to_owned(), 8)
    } else if let Some(rest) = t.strip_prefix("0b").or_else(|| t.strip_prefix("0B")) {
        (rest.to_owned(), 2)
    } else if t.len() > 1 && t.starts_with('0') {
        (t[1..].to_owned(), 8)
    } else {
        (t, 10)
    };
    i128::from_str_radix(&digits, radix).ok()
}

#[allow(dead_code)]
fn untyped(u: Untyped) -> TypeId {
    match u {
        Untyped::Bool => pre::UNTYPED_BOOL,
        Untyped::Int => pre::UNTYPED_INT,
        Untyped::Rune => pre::UNTYPED_RUNE,
        Untyped::Float => pre::UNTYPED_FLOAT,
        Untyped::String => pre::UNTYPED_STRING,
        Untyped::Nil => pre::UNTYPED_NIL,
    }
}
