//! Expressions: checked and emitted in one walk. Untyped constants are not emitted until
//! their context gives them a type ([`Compiler::convert`]).

use std::rc::Rc;

use super::consts::{self, ConstVal, RepError};
use super::func::VarLoc;
use super::typeck::Selection;
use super::universe::{Builtin, Pkg};
use super::{Compiler, Entity};
use crate::go::ast::{BinaryOp, Expr, ExprKind, Span, UnaryOp};
use crate::go::bytecode::{ArithOp, CmpOp, NumKind, Op};
use crate::go::types::{predeclared as pre, TypeId, TypeKind, Untyped};

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
        if self.fbs.is_empty() {
            // Package-level initialisers are emitted into the init function.
            if self.init.is_none() {
                self.init = Some(super::func::FuncBuilder::new("main.init".into(), 1, Default::default()));
            }
            return self.init.as_mut().expect("init builder");
        }
        let last = self.fbs.len() - 1;
        &mut self.fbs[last]
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
                local.used = true;
                return local.konst.clone();
            }
        }
        None
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
        if let VarLoc::Local(i) = outer {
            self.fbs[depth - 1].locals[i].used = true;
        }
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
                let literal = is_literal_text(&text);
                if self.is_untyped(op.ty) {
                    if literal {
                        format!("{text} ({} constant)", self.types.error_name(op.ty))
                    } else {
                        format!("{text} ({} constant {})", self.types.error_name(op.ty), v.describe())
                    }
                } else if literal {
                    format!("{text} (constant of type {})", self.name(op.ty))
                } else {
                    format!("{text} (constant {} of type {})", v.describe(), self.name(op.ty))
                }
            }
            Mode::Nil => "nil".into(),
            Mode::Value { var: true, .. } => format!("{text} (variable of type {})", self.name(op.ty)),
            Mode::Value { .. } | Mode::Tuple(_) => {
                let kind = if matches!(self.types.under(op.ty), TypeKind::Struct(_)) && !self.types.is_named(op.ty) {
                    "value of struct type"
                } else {
                    "value of type"
                };
                format!("{text} ({kind} {})", self.name(op.ty))
            }
            Mode::Void => format!("{text} (no value)"),
            Mode::Type => format!("{text} (type)"),
            Mode::Builtin(_) => format!("{text} (built-in)"),
            Mode::Package => format!("use of package {text} without selector"),
            Mode::Bad => text,
        }
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
                let mut msg = format!("cannot use {} as {} value in {context}", self.describe(op), self.name(t));
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
        if !ok || (!self.is_untyped(op.ty) && self.assignable(op.ty, target).is_err()) {
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
                self.error(
                    op.span,
                    format!("cannot use {} as {} value in {context}{why}", self.describe(op), self.name(ty)),
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
                        format!("cannot use {} as {} value in {context} ({why})", self.describe(op), self.name(target)),
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
            ExprKind::FuncLit { sig, body } => self.func_lit(sig, body, span),
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
                if let VarLoc::Local(i) = loc {
                    self.fb().locals[i].used = true;
                }
                if ty == self.invalid {
                    return Operand::bad(span);
                }
                self.load_var(loc, ty, boxed);
                Operand { mode: Mode::Value { var: true, fresh: false }, ty, span }
            }
            Some(Resolved::Global(index, ty, boxed)) => {
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

    fn unary(&mut self, op: UnaryOp, inner: &Expr, span: Span, hint: Option<TypeId>) -> Operand {
        if op == UnaryOp::Addr {
            return self.address_of(inner, span, hint);
        }
        let x = self.expr(inner, hint);
        if x.is_bad() {
            return x;
        }
        if let Mode::Const(v) = &x.mode {
            let folded = match (op, v) {
                (UnaryOp::Neg, ConstVal::Int(i)) => Some(ConstVal::Int(-i)),
                (UnaryOp::Neg, ConstVal::Float(f)) => Some(ConstVal::Float(-f)),
                (UnaryOp::Neg, ConstVal::Rat(n, d)) => Some(ConstVal::Rat(-n, *d)),
                (UnaryOp::Pos, ConstVal::Int(_) | ConstVal::Float(_) | ConstVal::Rat(..)) => Some(v.clone()),
                (UnaryOp::Not, ConstVal::Bool(b)) => Some(ConstVal::Bool(!b)),
                (UnaryOp::BitNot, ConstVal::Int(i)) => Some(ConstVal::Int(match self.types.under(x.ty) {
                    TypeKind::Int(k) if k.is_unsigned() => consts::int_range(*k).1 ^ i,
                    _ => !i,
                })),
                _ => None,
            };
            if let Some(v) = folded {
                if !self.is_untyped(x.ty) {
                    if let Err(RepError::Overflows) = consts::representable(&self.types, &v, x.ty) {
                        self.error(span, format!("constant {} overflows {}", v.describe(), self.name(x.ty)));
                        return Operand::bad(span);
                    }
                }
                return Operand { mode: Mode::Const(v), ty: x.ty, span };
            }
        }
        let Some(ty) = self.convert(x.clone(), None, "") else { return Operand::bad(span) };
        let ok = match op {
            UnaryOp::Neg | UnaryOp::Pos => self.is_numeric(ty),
            UnaryOp::Not => self.is_bool(ty),
            UnaryOp::BitNot => self.is_integer(ty),
            UnaryOp::Addr => true,
        };
        if !ok {
            let sym = match op {
                UnaryOp::Neg => "-",
                UnaryOp::Pos => "+",
                UnaryOp::Not => "!",
                _ => "^",
            };
            self.error(span, format!("invalid operation: operator {sym} not defined on {}", self.describe(&x)));
            return Operand::bad(span);
        }
        match op {
            UnaryOp::Neg => {
                if let Some(k) = self.num_kind(ty) {
                    self.emit(Op::Neg(k));
                }
            }
            UnaryOp::Not => {
                self.emit(Op::Not);
            }
            UnaryOp::BitNot => {
                if let TypeKind::Int(k) = self.types.under(ty) {
                    let k = *k;
                    self.emit(Op::BitNot(k));
                }
            }
            _ => {}
        }
        Operand::value(ty, span)
    }

    pub fn num_kind(&self, ty: TypeId) -> Option<NumKind> {
        Some(match self.types.under(ty) {
            TypeKind::Int(k) => NumKind::Int(*k),
            TypeKind::Float64 => NumKind::Float64,
            TypeKind::Float32 => NumKind::Float32,
            TypeKind::String => NumKind::Str,
            _ => return None,
        })
    }

    fn binary(&mut self, op: BinaryOp, lhs: &Expr, rhs: &Expr, span: Span, hint: Option<TypeId>) -> Operand {
        if matches!(op, BinaryOp::LogAnd | BinaryOp::LogOr) {
            return self.logical(op, lhs, rhs, span);
        }
        if matches!(op, BinaryOp::Shl | BinaryOp::Shr) {
            return self.shift(op, lhs, rhs, span, hint);
        }
        let l = self.expr(lhs, None);
        if l.is_bad() {
            return l;
        }
        let l_const = matches!(l.mode, Mode::Const(_) | Mode::Nil);
        if !l_const {
            if let Mode::Value { fresh: false, .. } = l.mode {
                // comparisons of structs read the box; no copy needed
            }
            if !matches!(l.mode, Mode::Value { .. }) {
                self.convert(l.clone(), None, "");
                return Operand::bad(span);
            }
        }
        let r = self.expr(rhs, None);
        if r.is_bad() {
            return r;
        }
        let r_const = matches!(r.mode, Mode::Const(_) | Mode::Nil);
        if !r_const && !matches!(r.mode, Mode::Value { .. }) {
            self.convert(r.clone(), None, "");
            return Operand::bad(span);
        }
        // Both constants: fold.
        if let (Mode::Const(a), Mode::Const(b)) = (&l.mode, &r.mode) {
            return self.fold(op, &l, &r, a.clone(), b.clone(), span);
        }
        // Operand type: the typed side; nil compares with a nillable side.
        let ty = if !l_const {
            l.ty
        } else if !r_const {
            r.ty
        } else {
            pre::UNTYPED_NIL
        };
        if matches!(l.mode, Mode::Nil) && matches!(r.mode, Mode::Nil) {
            self.error(
                span,
                format!("invalid operation: {} (operator {} not defined on nil)", self.text(span), op.symbol()),
            );
            return Operand::bad(span);
        }
        if l_const {
            // Right was emitted first: push the left constant, then swap into place.
            if self.convert_operand_to(&l, ty, &r, op, span).is_none() {
                return Operand::bad(span);
            }
            self.emit(Op::Swap);
        } else if r_const && self.convert_operand_to(&r, ty, &l, op, span).is_none() {
            return Operand::bad(span);
        }
        if !l_const && !r_const && l.ty != r.ty {
            let mismatch = if self.types.is_interface(l.ty) || self.types.is_interface(r.ty) {
                // Comparing an interface with a value implementing it is fine (==, !=).
                !(matches!(op, BinaryOp::Eq | BinaryOp::Ne)
                    && (self.assignable(l.ty, r.ty).is_ok() || self.assignable(r.ty, l.ty).is_ok()))
            } else {
                true
            };
            if mismatch {
                self.error(
                    lhs.span.to(rhs.span),
                    format!(
                        "invalid operation: {} (mismatched types {} and {})",
                        self.text(span),
                        self.name(l.ty),
                        self.name(r.ty)
                    ),
                );
                return Operand::bad(span);
            }
            if self.types.is_interface(l.ty) != self.types.is_interface(r.ty) {
                // Wrap the concrete side (on top: the right one).
                if self.types.is_interface(l.ty) {
                    self.emit(Op::ToIface(r.ty));
                } else {
                    self.emit(Op::Swap);
                    self.emit(Op::ToIface(l.ty));
                    self.emit(Op::Swap);
                }
            }
        }
        self.binary_op(op, ty, span, &l, &r)
    }

    fn convert_operand_to(&mut self, c: &Operand, ty: TypeId, other: &Operand, op: BinaryOp, span: Span) -> Option<()> {
        if let Mode::Nil = c.mode {
            if !self.nillable(ty) {
                self.error(
                    span,
                    format!(
                        "invalid operation: {} (mismatched types {} and untyped nil)",
                        self.text(span),
                        self.name(ty)
                    ),
                );
                return None;
            }
            self.emit(Op::Nil);
            return Some(());
        }
        let Mode::Const(v) = &c.mode else { return Some(()) };
        // An untyped constant takes the other operand's type; for interfaces its default type.
        let target = if self.types.is_interface(ty) { consts::default_type(&self.types, c.ty) } else { ty };
        let compatible = const_fits_kind(self.types.under(target), v);
        if !compatible || (!self.is_untyped(c.ty) && c.ty != target) {
            let _ = op;
            self.error(
                span,
                format!(
                    "invalid operation: {} (mismatched types {} and {})",
                    self.text(span),
                    self.name(if c.span.start < other.span.start { c.ty } else { other.ty }),
                    self.name(if c.span.start < other.span.start { other.ty } else { c.ty })
                ),
            );
            return None;
        }
        let v = match consts::representable(&self.types, v, target) {
            Ok(v) => v,
            Err(RepError::Truncated) => {
                self.error(
                    c.span,
                    format!("{} (untyped float constant) truncated to {}", self.text(c.span), self.name(target)),
                );
                return None;
            }
            Err(_) => {
                self.error(
                    c.span,
                    format!(
                        "{} ({} constant) overflows {}",
                        self.text(c.span),
                        self.types.error_name(c.ty),
                        self.name(target)
                    ),
                );
                return None;
            }
        };
        let fake = Operand { mode: Mode::Const(v.clone()), ty: target, span: c.span };
        self.push_const(&fake, &v, target, "")?;
        if self.types.is_interface(ty) {
            // push_const wrapped only when asked for an interface type; do it here.
            self.emit(Op::ToIface(target));
        }
        Some(())
    }

    fn fold(&mut self, op: BinaryOp, l: &Operand, r: &Operand, a: ConstVal, b: ConstVal, span: Span) -> Operand {
        let (lt, rt) = (l.ty, r.ty);
        let typed = if !self.is_untyped(lt) {
            Some(lt)
        } else if !self.is_untyped(rt) {
            Some(rt)
        } else {
            None
        };
        if let (false, false) = (self.is_untyped(lt), self.is_untyped(rt)) {
            if lt != rt {
                self.error(
                    span,
                    format!(
                        "invalid operation: {} (mismatched types {} and {})",
                        self.text(span),
                        self.name(lt),
                        self.name(rt)
                    ),
                );
                return Operand::bad(span);
            }
        }
        let result_ty = typed.unwrap_or_else(|| consts::untyped_join(lt, rt));
        let int_result = self.is_integer(result_ty);
        match consts::fold_binary(op, &a, &b, int_result) {
            Ok(v) => {
                let is_cmp = matches!(
                    op,
                    BinaryOp::Eq | BinaryOp::Ne | BinaryOp::Lt | BinaryOp::Le | BinaryOp::Gt | BinaryOp::Ge
                );
                let ty = if is_cmp { pre::UNTYPED_BOOL } else { result_ty };
                if let Some(t) = typed.filter(|_| !is_cmp) {
                    if let Err(RepError::Overflows) = consts::representable(&self.types, &v, t) {
                        self.error(span, format!("constant {} overflows {}", v.describe(), self.name(t)));
                        return Operand::bad(span);
                    }
                }
                Operand { mode: Mode::Const(v), ty, span }
            }
            Err(msg) => {
                if msg.starts_with("invalid operation: division") {
                    self.error(r.span, msg);
                } else {
                    self.error(
                        span,
                        format!("invalid operation: operator {} not defined on {}", op.symbol(), self.describe(l)),
                    );
                }
                Operand::bad(span)
            }
        }
    }

    /// Emits the operator for two operands of type `ty` already on the stack.
    fn binary_op(&mut self, op: BinaryOp, ty: TypeId, span: Span, l: &Operand, r: &Operand) -> Operand {
        let kind = self.num_kind(ty);
        let cmp = |op| match op {
            BinaryOp::Lt => Some(CmpOp::Lt),
            BinaryOp::Le => Some(CmpOp::Le),
            BinaryOp::Gt => Some(CmpOp::Gt),
            BinaryOp::Ge => Some(CmpOp::Ge),
            _ => None,
        };
        match op {
            BinaryOp::Eq | BinaryOp::Ne => {
                let ok = self.comparable(ty) || matches!(l.mode, Mode::Nil) || matches!(r.mode, Mode::Nil);
                if !ok {
                    let what = match self.types.under(ty) {
                        TypeKind::Slice(_) => "slice",
                        TypeKind::Map { .. } => "map",
                        TypeKind::Func(_) => "func",
                        _ => "struct containing uncomparable field",
                    };
                    self.error(
                        span,
                        format!("invalid operation: {} ({what} can only be compared to nil)", self.text(span)),
                    );
                    return Operand::bad(span);
                }
                self.emit(if op == BinaryOp::Eq { Op::Eq } else { Op::Ne });
                Operand::value(pre::UNTYPED_BOOL, span)
            }
            BinaryOp::Lt | BinaryOp::Le | BinaryOp::Gt | BinaryOp::Ge => {
                let Some(k) = kind else {
                    self.error(
                        span,
                        format!(
                            "invalid operation: {} (operator {} not defined on {})",
                            self.text(span),
                            op.symbol(),
                            self.op_kind_word(l, ty)
                        ),
                    );
                    return Operand::bad(span);
                };
                if let Some(c) = cmp(op) {
                    self.emit(Op::Cmp(c, k));
                }
                Operand::value(pre::UNTYPED_BOOL, span)
            }
            _ => {
                let arith = match op {
                    BinaryOp::Add => ArithOp::Add,
                    BinaryOp::Sub => ArithOp::Sub,
                    BinaryOp::Mul => ArithOp::Mul,
                    BinaryOp::Div => ArithOp::Div,
                    BinaryOp::Rem => ArithOp::Rem,
                    BinaryOp::And => ArithOp::And,
                    BinaryOp::Or => ArithOp::Or,
                    BinaryOp::Xor => ArithOp::Xor,
                    BinaryOp::AndNot => ArithOp::AndNot,
                    _ => ArithOp::Add,
                };
                let ok = match (arith, kind) {
                    (ArithOp::Add, Some(_)) => true,
                    (ArithOp::Sub | ArithOp::Mul | ArithOp::Div, Some(k)) => k != NumKind::Str,
                    (_, Some(NumKind::Int(_))) => true,
                    _ => false,
                };
                if !ok {
                    self.error(
                        span,
                        format!("invalid operation: operator {} not defined on {}", op.symbol(), self.describe(l)),
                    );
                    return Operand::bad(span);
                }
                if let (ArithOp::Div | ArithOp::Rem, Mode::Const(ConstVal::Int(0))) = (arith, &r.mode) {
                    self.error(r.span, "invalid operation: division by zero");
                    return Operand::bad(span);
                }
                if let Some(k) = kind {
                    self.emit(Op::Arith(arith, k));
                }
                Operand::value(ty, span)
            }
        }
    }

    fn op_kind_word(&self, l: &Operand, ty: TypeId) -> String {
        let _ = l;
        match self.types.under(ty) {
            TypeKind::Bool => "bool".into(),
            TypeKind::Struct(_) => "struct".into(),
            TypeKind::Pointer(_) => "pointer".into(),
            TypeKind::Interface(_) => "interface".into(),
            TypeKind::Chan { .. } => "chan".into(),
            TypeKind::Slice(_) => "slice".into(),
            TypeKind::Map { .. } => "map".into(),
            _ => self.name(ty),
        }
    }

    fn logical(&mut self, op: BinaryOp, lhs: &Expr, rhs: &Expr, span: Span) -> Operand {
        let l = self.expr(lhs, None);
        if let Mode::Const(ConstVal::Bool(a)) = l.mode {
            let r = self.expr(rhs, None);
            if let Mode::Const(ConstVal::Bool(b)) = r.mode {
                let v = if op == BinaryOp::LogAnd { a && b } else { a || b };
                return Operand { mode: Mode::Const(ConstVal::Bool(v)), ty: l.ty, span };
            }
            // `true && x`: emit the constant before x by swapping is not possible with a
            // short circuit; x is already emitted, so combine with the known constant.
            let Some(ty) = self.convert(r.clone(), None, "") else { return Operand::bad(span) };
            if !self.is_bool(ty) {
                self.error(
                    span,
                    format!("invalid operation: operator {} not defined on {}", op.symbol(), self.describe(&r)),
                );
                return Operand::bad(span);
            }
            match (op, a) {
                (BinaryOp::LogAnd, false) | (BinaryOp::LogOr, true) => {
                    self.emit(Op::Pop);
                    self.emit(Op::Bool(a));
                }
                _ => {}
            }
            return Operand::value(ty, span);
        }
        let Some(lt) = self.convert(l.clone(), None, "") else { return Operand::bad(span) };
        if !self.is_bool(lt) {
            self.error(
                span,
                format!("invalid operation: operator {} not defined on {}", op.symbol(), self.describe(&l)),
            );
            return Operand::bad(span);
        }
        self.emit(Op::Dup);
        let jump = self.emit(if op == BinaryOp::LogAnd { Op::JumpIfFalse(0) } else { Op::JumpIfTrue(0) });
        self.emit(Op::Pop);
        let r = self.expr(rhs, Some(lt));
        let Some(rt) = self.convert(r.clone(), if self.is_untyped(lt) { None } else { Some(lt) }, "") else {
            return Operand::bad(span);
        };
        if !self.is_bool(rt) {
            self.error(
                span,
                format!("invalid operation: operator {} not defined on {}", op.symbol(), self.describe(&r)),
            );
        }
        self.fb().patch_here(jump);
        Operand::value(if self.is_untyped(lt) { rt } else { lt }, span)
    }

    fn shift(&mut self, op: BinaryOp, lhs: &Expr, rhs: &Expr, span: Span, hint: Option<TypeId>) -> Operand {
        let l = self.expr(lhs, None);
        if let Mode::Const(a) = &l.mode {
            let r = self.expr(rhs, None);
            if let Mode::Const(b) = &r.mode {
                return self.fold(op, &l, &Operand { ty: pre::UNTYPED_INT, ..r.clone() }, a.clone(), b.clone(), span);
            }
            // `1 << n`: the constant takes the context's type (int by default).
            let ty = hint.filter(|t| self.is_integer(*t)).unwrap_or(pre::INT);
            let Some(rt) = self.convert(r.clone(), None, "") else { return Operand::bad(span) };
            if !self.is_integer(rt) {
                self.error(r.span, format!("invalid operation: shift count {} must be integer", self.describe(&r)));
                return Operand::bad(span);
            }
            if self.push_const(&l, a, ty, "").is_none() {
                return Operand::bad(span);
            }
            self.emit(Op::Swap);
            let k = self.num_kind(ty).unwrap_or(NumKind::Int(crate::go::types::IntKind::Int));
            self.emit(Op::Arith(if op == BinaryOp::Shl { ArithOp::Shl } else { ArithOp::Shr }, k));
            return Operand::value(ty, span);
        }
        let Some(lt) = self.convert(l.clone(), None, "") else { return Operand::bad(span) };
        if !self.is_integer(lt) {
            self.error(span, format!("invalid operation: shifted operand {} must be integer", self.describe(&l)));
            return Operand::bad(span);
        }
        let r = self.expr(rhs, None);
        let rt = match &r.mode {
            Mode::Const(v) => {
                if v.to_int().is_none_or(|n| n < 0) {
                    self.error(r.span, format!("invalid shift count {}", self.text(r.span)));
                    return Operand::bad(span);
                }
                self.push_const(&r, v, pre::UINT, "")
            }
            _ => self.convert(r.clone(), None, ""),
        };
        let Some(rt) = rt else { return Operand::bad(span) };
        if !self.is_integer(rt) {
            self.error(r.span, format!("invalid operation: shift count {} must be integer", self.describe(&r)));
            return Operand::bad(span);
        }
        if let Some(k) = self.num_kind(lt) {
            self.emit(Op::Arith(if op == BinaryOp::Shl { ArithOp::Shl } else { ArithOp::Shr }, k));
        }
        Operand::value(lt, span)
    }

    fn deref(&mut self, inner: &Expr, span: Span) -> Operand {
        let x = self.expr(inner, None);
        match x.mode {
            Mode::Type => {
                let ty = self.pointer_to(x.ty);
                return Operand { mode: Mode::Type, ty, span };
            }
            Mode::Bad => return x,
            Mode::Nil => {
                self.error(span, "invalid operation: cannot indirect nil");
                return Operand::bad(span);
            }
            _ => {}
        }
        let Some(ty) = self.convert(x.clone(), None, "") else { return Operand::bad(span) };
        let TypeKind::Pointer(elem) = self.types.under(ty).clone() else {
            self.error(span, format!("invalid operation: cannot indirect {}", self.describe(&x)));
            return Operand::bad(span);
        };
        self.emit(Op::Deref);
        Operand { mode: Mode::Value { var: true, fresh: false }, ty: elem, span }
    }

    pub fn recv(&mut self, chan: &Expr, span: Span, comma_ok: bool) -> Operand {
        let c = self.expr(chan, None);
        let Some(ty) = self.convert(c.clone(), None, "") else { return Operand::bad(span) };
        let TypeKind::Chan { dir, elem } = self.types.under(ty).clone() else {
            self.error(span, format!("invalid operation: cannot receive from non-channel {}", self.describe(&c)));
            return Operand::bad(span);
        };
        if dir == crate::go::ast::ChanDir::Send {
            self.error(
                c.span,
                format!(
                    "invalid operation: cannot receive from send-only channel {} {}",
                    self.name(ty),
                    self.describe(&c)
                ),
            );
            return Operand::bad(span);
        }
        if comma_ok {
            self.emit(Op::RecvOk { elem });
            let tuple = self.types.intern(TypeKind::Tuple(vec![elem, pre::UNTYPED_BOOL]));
            Operand { mode: Mode::Tuple(2), ty: tuple, span }
        } else {
            self.emit(Op::Recv { elem });
            Operand::value(elem, span)
        }
    }

    fn selector(&mut self, base: &Expr, sel: &crate::go::ast::Ident, span: Span) -> Operand {
        // Package members first: `fmt.Println`, `time.Second`, `sync.WaitGroup`.
        if let ExprKind::Ident(name) = &base.kind {
            if self.fbs.last().and_then(|fb| fb.lookup(name)).is_none() {
                if let Some(import) = self.imports.get_mut(name) {
                    import.used = true;
                    let pkg = import.pkg;
                    return self.package_member(pkg, name, sel, span);
                }
            }
        }
        let x = self.expr(base, None);
        match x.mode {
            Mode::Bad => return x,
            Mode::Type => return self.method_expr(x.ty, sel, span),
            _ => {}
        }
        let ty = x.ty;
        let Some(selection) = self.lookup(ty, &sel.name) else {
            let what = if let Mode::Value { var: true, .. } = x.mode { "variable" } else { "value" };
            let _ = what;
            self.error(
                sel.span,
                format!(
                    "{}.{} undefined (type {} has no field or method {})",
                    self.text(base.span),
                    sel.name,
                    self.name(ty),
                    sel.name
                ),
            );
            return Operand::bad(span);
        };
        match selection {
            Selection::Field { path, ty: field_ty } => {
                if !self.ensure_value(&x) {
                    return Operand::bad(span);
                }
                for step in &path {
                    self.emit(Op::Field(step.index));
                }
                let _ = path;
                Operand { mode: Mode::Value { var: true, fresh: false }, ty: field_ty, span }
            }
            _ => {
                // A method value `x.M` (bound): calls go through `call`, which handles
                // receivers itself; here the receiver is bound into a closure.
                self.bind_method(x, selection, span)
            }
        }
    }

    /// `T.Method` / `(*T).Method`: a function taking the receiver first.
    fn method_expr(&mut self, ty: TypeId, sel: &crate::go::ast::Ident, span: Span) -> Operand {
        let is_ptr = matches!(self.types.kind(ty), TypeKind::Pointer(_));
        match self.lookup(ty, &sel.name) {
            Some(Selection::Method { path, decl, .. }) if path.is_empty() && (decl.ptr == is_ptr) => {
                let Some(sig) = self.sig(decl.sig) else { return Operand::bad(span) };
                let mut params = vec![ty];
                params.extend(sig.params.iter().copied());
                let fty = super::universe::func_type(&mut self.types, params, sig.results.clone(), sig.variadic);
                self.emit(Op::MakeClosure { func: decl.func, captures: 0 });
                Operand::value(fty, span)
            }
            Some(_) => {
                self.unsupported(span, "cette expression de méthode");
                Operand::bad(span)
            }
            None => {
                self.error(
                    sel.span,
                    format!(
                        "{}.{} undefined (type {} has no method {})",
                        self.name(ty),
                        sel.name,
                        self.name(ty),
                        sel.name
                    ),
                );
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

    fn package_member(&mut self, pkg: Pkg, pkg_name: &str, sel: &crate::go::ast::Ident, span: Span) -> Operand {
        match super::universe::member(&mut self.types, &self.pkg_types, &self.wk, pkg, &sel.name) {
            Some(super::universe::Member::Const { ty, val }) => Operand { mode: Mode::Const(val), ty, span },
            Some(super::universe::Member::Type(ty)) => Operand { mode: Mode::Type, ty, span },
            Some(super::universe::Member::Func { native, sig }) => {
                self.emit(Op::NativeFunc(native));
                Operand::value(sig, span)
            }
            None => {
                let exported = sel.name.chars().next().is_some_and(|c| c.is_uppercase());
                if exported {
                    self.unsupported(sel.span, &format!("{pkg_name}.{} (absent de ce carnet)", sel.name));
                } else {
                    self.error(sel.span, format!("name {} not exported by package {pkg_name}", sel.name));
                }
                Operand::bad(span)
            }
        }
    }

    fn index(&mut self, base: &Expr, index: &Expr, span: Span) -> Operand {
        let x = self.expr(base, None);
        if x.is_bad() {
            return x;
        }
        if let Mode::Type = x.mode {
            self.unsupported(span, "les génériques");
            return Operand::bad(span);
        }
        if let (Mode::Const(ConstVal::Str(s)), Mode::Const(ConstVal::Int(i))) = (&x.mode, self.peek_const(index)) {
            if let Some(b) = usize::try_from(i).ok().and_then(|i| s.get(i)) {
                return Operand { mode: Mode::Const(ConstVal::Int(*b as i128)), ty: pre::BYTE, span };
            }
        }
        if !self.ensure_value(&x) {
            return Operand::bad(span);
        }
        let ty = if let Mode::Const(_) = x.mode { consts::default_type(&self.types, x.ty) } else { x.ty };
        let under = self.types.under(ty).clone();
        let (elem, is_map, var) = match under {
            TypeKind::Slice(e) => (e, false, true),
            TypeKind::Array { elem, .. } => (elem, false, !matches!(x.mode, Mode::Value { fresh: true, .. })),
            TypeKind::String => (pre::BYTE, false, false),
            TypeKind::Map { key, value } => {
                if self.value(index, Some(key), "map index").is_none() {
                    return Operand::bad(span);
                }
                self.emit(Op::MapIndex { elem: value });
                return Operand { mode: Mode::Value { var: false, fresh: true }, ty: value, span };
            }
            TypeKind::Pointer(p) => match self.types.under(p).clone() {
                TypeKind::Array { elem, .. } => (elem, false, true),
                _ => {
                    self.error(span, format!("invalid operation: cannot index {}", self.describe(&x)));
                    return Operand::bad(span);
                }
            },
            _ => {
                self.error(span, format!("invalid operation: cannot index {}", self.describe(&x)));
                return Operand::bad(span);
            }
        };
        let _ = is_map;
        if !self.index_value(index, ty) {
            return Operand::bad(span);
        }
        self.emit(Op::Index);
        Operand { mode: Mode::Value { var, fresh: !var && self.types.is_aggregate(elem) }, ty: elem, span }
    }

    /// Emits an index operand: an integer (constants must be non-negative and, for arrays,
    /// in range).
    pub fn index_value(&mut self, index: &Expr, container: TypeId) -> bool {
        let i = self.expr(index, None);
        match &i.mode {
            Mode::Const(v) => {
                let Some(n) = v.to_int() else {
                    self.error(i.span, format!("invalid argument: index {} must be integer", self.describe(&i)));
                    return false;
                };
                if n < 0 {
                    self.error(i.span, format!("invalid argument: index {} must not be negative", self.describe(&i)));
                    return false;
                }
                if let TypeKind::Array { len, .. } = self.types.under(container) {
                    if n >= *len as i128 {
                        self.error(i.span, format!("invalid argument: index {n} out of bounds [0:{len}]"));
                        return false;
                    }
                }
                self.push_const(&i, v, pre::INT, "index").is_some()
            }
            Mode::Value { .. } => {
                if !self.is_integer(i.ty) {
                    self.error(i.span, format!("invalid argument: index {} must be integer", self.describe(&i)));
                    return false;
                }
                true
            }
            _ => self.convert(i, None, "").is_some(),
        }
    }

    /// The constant value of an expression without emitting anything, if it is a literal.
    pub fn peek_const(&self, e: &Expr) -> Mode {
        match &e.kind {
            ExprKind::Int(t) => parse_int(t).map(|v| Mode::Const(ConstVal::Int(v))).unwrap_or(Mode::Bad),
            _ => Mode::Bad,
        }
    }

    fn slice_expr(
        &mut self,
        base: &Expr,
        lo: &Option<Box<Expr>>,
        hi: &Option<Box<Expr>>,
        max: &Option<Box<Expr>>,
        span: Span,
    ) -> Operand {
        let x = self.expr(base, None);
        if x.is_bad() || !self.ensure_value(&x) {
            return Operand::bad(span);
        }
        let ty = if let Mode::Const(_) = x.mode { pre::STRING } else { x.ty };
        let result = match self.types.under(ty).clone() {
            TypeKind::Slice(_) => ty,
            TypeKind::String => {
                if max.is_some() {
                    self.error(span, "invalid operation: 3-index slice of string");
                    return Operand::bad(span);
                }
                ty
            }
            TypeKind::Array { elem, .. } => {
                if let Mode::Value { fresh: true, .. } = x.mode {
                    self.error(span, format!("invalid operation: {} (slice of unaddressable value)", self.text(span)));
                    return Operand::bad(span);
                }
                self.slice_of(elem)
            }
            TypeKind::Pointer(p) => match self.types.under(p).clone() {
                TypeKind::Array { elem, .. } => self.slice_of(elem),
                _ => {
                    self.error(span, format!("cannot slice {}", self.describe(&x)));
                    return Operand::bad(span);
                }
            },
            _ => {
                self.error(span, format!("cannot slice {}", self.describe(&x)));
                return Operand::bad(span);
            }
        };
        for bound in [lo, hi, max] {
            match bound {
                Some(b) => {
                    if !self.index_value(b, pre::INT) {
                        return Operand::bad(span);
                    }
                }
                None => {
                    self.emit(Op::Nil);
                }
            }
        }
        self.emit(Op::SliceExpr);
        Operand::value(result, span)
    }

    pub fn type_assert(
        &mut self,
        base: &Expr,
        ty: Option<&crate::go::ast::TypeExpr>,
        span: Span,
        comma_ok: bool,
    ) -> Operand {
        let Some(te) = ty else {
            self.error(span, "invalid syntax tree: use of .(type) outside type switch");
            return Operand::bad(span);
        };
        let x = self.expr(base, None);
        let Some(xt) = self.convert(x.clone(), None, "") else { return Operand::bad(span) };
        if !self.types.is_interface(xt) {
            self.error(base.span, format!("invalid operation: {} is not an interface", self.describe(&x)));
            return Operand::bad(span);
        }
        let Some(t) = self.resolve_type(te) else { return Operand::bad(span) };
        if !self.types.is_interface(t) {
            if let Err(why) = self.implements(t, xt) {
                let why = why.split_once(" (").map(|(_, w)| format!("({w}")).unwrap_or_default();
                self.error(
                    te.span,
                    format!(
                        "impossible type assertion: {}\n\t{} does not implement {} {why}",
                        self.text(span),
                        self.name(t),
                        self.name(xt)
                    ),
                );
                return Operand::bad(span);
            }
        }
        if comma_ok {
            self.emit(Op::AssertOk { ty: t });
            let tuple = self.types.intern(TypeKind::Tuple(vec![t, pre::UNTYPED_BOOL]));
            return Operand { mode: Mode::Tuple(2), ty: tuple, span };
        }
        self.emit(Op::Assert { ty: t, from: xt });
        Operand::value(t, span)
    }

    fn address_of(&mut self, inner: &Expr, span: Span, hint: Option<TypeId>) -> Operand {
        let inner = strip_parens(inner);
        if let ExprKind::Composite { ty, elems } = &inner.kind {
            let elem_hint = hint.and_then(|h| match self.types.under(h) {
                TypeKind::Pointer(e) => Some(*e),
                _ => None,
            });
            let lit = self.composite(ty.as_ref(), elems, inner.span, elem_hint);
            if lit.is_bad() {
                return lit;
            }
            self.emit(Op::Box);
            let ptr = self.pointer_to(lit.ty);
            return Operand::value(ptr, span);
        }
        match self.address(inner) {
            Some(ty) => {
                let ptr = self.pointer_to(ty);
                Operand::value(ptr, span)
            }
            None => Operand::bad(span),
        }
    }

    /// Emits a pointer to an addressable expression; returns the pointee's type.
    pub fn address(&mut self, e: &Expr) -> Option<TypeId> {
        let e = strip_parens(e);
        match &e.kind {
            ExprKind::Ident(name) => match self.resolve(name) {
                Some(Resolved::Var(loc, ty, boxed)) => {
                    if let VarLoc::Local(i) = loc {
                        self.fb().locals[i].used = true;
                    }
                    let agg = self.types.is_aggregate(ty);
                    match loc {
                        VarLoc::Local(i) => {
                            let slot = self.fb().locals[i].slot;
                            self.emit(Op::Load(slot));
                            if agg {
                                self.emit(Op::AggToPtr);
                            } else if !boxed {
                                // Escape analysis missed it: a pointer to a copy.
                                self.emit(Op::Box);
                            }
                        }
                        VarLoc::Capture(i) => {
                            self.emit(Op::Capture(i));
                            if agg {
                                self.emit(Op::AggToPtr);
                            }
                        }
                    }
                    Some(ty)
                }
                Some(Resolved::Global(index, ty, _)) => {
                    self.emit(Op::LoadGlobal(index));
                    if self.types.is_aggregate(ty) {
                        self.emit(Op::AggToPtr);
                    }
                    Some(ty)
                }
                Some(_) => {
                    self.error(e.span, format!("invalid operation: cannot take address of {}", self.text(e.span)));
                    None
                }
                None => {
                    self.error(e.span, format!("undefined: {name}"));
                    None
                }
            },
            ExprKind::Selector { expr, sel } => {
                let x = self.expr(expr, None);
                if let Mode::Package | Mode::Type | Mode::Bad = x.mode {
                    self.error(e.span, format!("invalid operation: cannot take address of {}", self.text(e.span)));
                    return None;
                }
                if !self.ensure_value(&x) {
                    return None;
                }
                let Some(Selection::Field { path, ty }) = self.lookup(x.ty, &sel.name) else {
                    self.error(e.span, format!("invalid operation: cannot take address of {}", self.text(e.span)));
                    return None;
                };
                let last = path.len().saturating_sub(1);
                for (i, step) in path.iter().enumerate() {
                    if i == last && !self.types.is_aggregate(ty) {
                        self.emit(Op::FieldAddr(step.index));
                    } else {
                        self.emit(Op::Field(step.index));
                    }
                }
                if self.types.is_aggregate(ty) {
                    self.emit(Op::AggToPtr);
                }
                Some(ty)
            }
            ExprKind::Index { expr, index } => {
                let x = self.expr(expr, None);
                if !self.ensure_value(&x) {
                    return None;
                }
                let elem = match self.types.under(x.ty).clone() {
                    TypeKind::Slice(e) | TypeKind::Array { elem: e, .. } => e,
                    TypeKind::Pointer(p) => match self.types.under(p).clone() {
                        TypeKind::Array { elem, .. } => elem,
                        _ => 0,
                    },
                    _ => {
                        self.error(e.span, format!("invalid operation: cannot take address of {}", self.text(e.span)));
                        return None;
                    }
                };
                if !self.index_value(index, x.ty) {
                    return None;
                }
                if self.types.is_aggregate(elem) {
                    self.emit(Op::Index);
                    self.emit(Op::AggToPtr);
                } else {
                    self.emit(Op::IndexAddr);
                }
                Some(elem)
            }
            ExprKind::Star(p) => {
                let x = self.expr(p, None);
                let ty = self.convert(x, None, "")?;
                match self.types.under(ty) {
                    TypeKind::Pointer(elem) => Some(*elem),
                    _ => None,
                }
            }
            _ => {
                self.error(e.span, format!("invalid operation: cannot take address of {}", self.text(e.span)));
                None
            }
        }
    }
}

/// Whether a constant's kind suits a basic type (a string for a string, a number for a number).
fn const_fits_kind(kind: &TypeKind, v: &ConstVal) -> bool {
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

fn is_literal_text(text: &str) -> bool {
    let first = text.chars().next().unwrap_or(' ');
    first.is_ascii_digit() || first == '"' || first == '\'' || first == '`' || first == '-' && text.len() > 1
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
