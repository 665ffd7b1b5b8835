//! Assignments: places (variables, fields, elements, map entries, pointees), `=`, `op=`,
//! `++`/`--`, and channel sends.

use super::expr::{strip_parens, Mode, Resolved};
use super::func::VarLoc;
use super::stmt::Place;
use super::typeck::Selection;
use super::{Compiler, Entity};
use crate::go::ast::{BinaryOp, ChanDir, Expr, ExprKind, Span};
use crate::go::bytecode::{ArithOp, NumKind, Op};
use crate::go::types::{predeclared as pre, TypeId, TypeKind};

impl<'a> Compiler<'a> {
    /// Emits the prefix of an assignable expression; returns where to store and its type.
    pub fn place(&mut self, e: &Expr) -> Option<(Place, TypeId)> {
        let e = strip_parens(e);
        match &e.kind {
            ExprKind::Ident(name) if name == "_" => Some((Place::Blank, pre::ANY)),
            ExprKind::Ident(name) => match self.resolve(name) {
                Some(Resolved::Var(loc, ty, boxed)) => {
                    let agg = self.types.is_aggregate(ty);
                    match (loc, agg) {
                        (VarLoc::Local(i), false) => {
                            let slot = self.fb().locals[i].slot;
                            Some((Place::Local { slot, boxed }, ty))
                        }
                        (VarLoc::Capture(i), false) => Some((Place::Capture(i), ty)),
                        (loc, true) => {
                            self.load_var(loc, ty, boxed);
                            Some((Place::Agg, ty))
                        }
                    }
                }
                Some(Resolved::Global(index, ty, boxed)) => {
                    if self.types.is_aggregate(ty) {
                        self.emit(Op::LoadGlobal(index));
                        Some((Place::Agg, ty))
                    } else {
                        Some((Place::Global { index, boxed }, ty))
                    }
                }
                Some(Resolved::Entity(Entity::Const { .. })) => {
                    self.error(
                        e.span,
                        format!("cannot assign to {name} (neither addressable nor a map index expression)"),
                    );
                    None
                }
                Some(_) => {
                    self.error(
                        e.span,
                        format!("cannot assign to {name} (neither addressable nor a map index expression)"),
                    );
                    None
                }
                None => {
                    self.error(e.span, format!("undefined: {name}"));
                    None
                }
            },
            ExprKind::Selector { expr, sel } => {
                if let ExprKind::Ident(pkg) = &expr.kind {
                    if self.imports.contains_key(pkg) && self.fbs.last().and_then(|fb| fb.lookup(pkg)).is_none() {
                        self.error(
                            e.span,
                            format!(
                                "cannot assign to {} (neither addressable nor a map index expression)",
                                self.text(e.span)
                            ),
                        );
                        return None;
                    }
                }
                if let ExprKind::Index { expr: m, .. } = &strip_parens(expr).kind {
                    let mark = self.fb().here();
                    let mo = self.expr(m, None);
                    self.truncate_to(mark);
                    if matches!(self.types.under(mo.ty), TypeKind::Map { value, .. } if self.types.is_aggregate(*value))
                    {
                        self.error(e.span, format!("cannot assign to struct field {} in map", self.text(e.span)));
                        return None;
                    }
                }
                let x = self.expr(expr, None);
                if x.is_bad() || !self.ensure_value(&x) {
                    return None;
                }
                if let Some(local) = self.root_local(expr) {
                    self.fb().locals[local].used = true;
                }
                let Some(Selection::Field { path, ty }) = self.lookup(x.ty, &sel.name) else {
                    let msg = self.missing_selector(&self.text(expr.span), x.ty, &sel.name);
                    self.error(sel.span, msg);
                    return None;
                };
                let (last, init) = path.split_last()?;
                for step in init {
                    self.emit(Op::Field(step.index));
                }
                if self.types.is_aggregate(ty) {
                    self.emit(Op::Field(last.index));
                    return Some((Place::Agg, ty));
                }
                Some((Place::Field(last.index), ty))
            }
            ExprKind::Index { expr, index } => {
                let x = self.expr(expr, None);
                if x.is_bad() || !self.ensure_value(&x) {
                    return None;
                }
                match self.types.under(x.ty).clone() {
                    TypeKind::Map { key, value } => {
                        self.value(index, Some(key), "map index")?;
                        Some((Place::MapIndex(value), value))
                    }
                    TypeKind::Slice(elem) | TypeKind::Array { elem, .. } => {
                        if let TypeKind::Array { .. } = self.types.under(x.ty) {
                            if let Mode::Value { fresh: true, .. } = x.mode {
                                self.error(
                                    e.span,
                                    format!(
                                        "cannot assign to {} (neither addressable nor a map index expression)",
                                        self.text(e.span)
                                    ),
                                );
                                return None;
                            }
                        }
                        if !self.index_value(index, x.ty) {
                            return None;
                        }
                        if self.types.is_aggregate(elem) {
                            self.emit(Op::Index);
                            return Some((Place::Agg, elem));
                        }
                        Some((Place::Index, elem))
                    }
                    TypeKind::Pointer(p) => match self.types.under(p).clone() {
                        TypeKind::Array { elem, .. } => {
                            if !self.index_value(index, x.ty) {
                                return None;
                            }
                            Some((Place::Index, elem))
                        }
                        _ => None,
                    },
                    TypeKind::String => {
                        self.error(
                            e.span,
                            format!(
                                "cannot assign to {} (neither addressable nor a map index expression)",
                                self.text(e.span)
                            ),
                        );
                        None
                    }
                    _ => {
                        self.error(e.span, format!("invalid operation: cannot index {}", self.describe(&x)));
                        None
                    }
                }
            }
            ExprKind::Star(p) => {
                let x = self.expr(p, None);
                let ty = self.convert(x, None, "")?;
                let TypeKind::Pointer(elem) = self.types.under(ty).clone() else {
                    self.error(e.span, format!("invalid operation: cannot indirect {}", self.text(p.span)));
                    return None;
                };
                if self.types.is_aggregate(elem) {
                    self.emit(Op::Deref);
                    return Some((Place::Agg, elem));
                }
                Some((Place::Deref, elem))
            }
            _ => {
                self.error(
                    e.span,
                    format!("cannot assign to {} (neither addressable nor a map index expression)", self.text(e.span)),
                );
                None
            }
        }
    }

    pub(super) fn root_local(&self, e: &Expr) -> Option<usize> {
        match &strip_parens(e).kind {
            ExprKind::Ident(name) => self.fbs.last().and_then(|fb| fb.lookup(name)),
            ExprKind::Selector { expr, .. } | ExprKind::Index { expr, .. } => self.root_local(expr),
            _ => None,
        }
    }

    pub(super) fn truncate_to(&mut self, mark: usize) {
        let fb = self.fb();
        fb.proto.code.truncate(mark);
        fb.proto.lines.truncate(mark);
    }

    /// Stores the value on top of the stack into `place` (its prefix below it).
    pub fn store(&mut self, place: Place) {
        match place {
            Place::Blank => {
                self.emit(Op::Pop);
            }
            Place::Local { slot, boxed } => {
                self.emit(if boxed { Op::StoreRef(slot) } else { Op::Store(slot) });
            }
            Place::Capture(i) => {
                self.emit(Op::StoreCaptureRef(i));
            }
            Place::Global { index, boxed } => {
                if boxed {
                    self.emit(Op::LoadGlobal(index));
                    self.emit(Op::Swap);
                    self.emit(Op::StoreDeref);
                } else {
                    self.emit(Op::StoreGlobal(index));
                }
            }
            Place::Field(i) => {
                self.emit(Op::SetField(i));
            }
            Place::Index => {
                self.emit(Op::SetIndex);
            }
            Place::MapIndex(_) => {
                self.emit(Op::SetMapIndex);
            }
            Place::Deref => {
                self.emit(Op::StoreDeref);
            }
            Place::Agg => {
                self.emit(Op::Assign);
            }
        }
    }

    /// Pushes the current value of a place whose prefix is on the stack, keeping the prefix.
    pub(super) fn load_place(&mut self, place: Place) {
        match place {
            Place::Blank | Place::Agg => {}
            Place::Local { slot, boxed } => {
                self.emit(if boxed { Op::LoadRef(slot) } else { Op::Load(slot) });
            }
            Place::Capture(i) => {
                self.emit(Op::LoadCaptureRef(i));
            }
            Place::Global { index, boxed } => {
                self.emit(Op::LoadGlobal(index));
                if boxed {
                    self.emit(Op::Deref);
                }
            }
            Place::Field(i) => {
                self.emit(Op::Dup);
                self.emit(Op::Field(i));
            }
            Place::Index => {
                self.emit(Op::Dup2);
                self.emit(Op::Index);
            }
            Place::MapIndex(elem) => {
                self.emit(Op::Dup2);
                self.emit(Op::MapIndex { elem });
            }
            Place::Deref => {
                self.emit(Op::Dup);
                self.emit(Op::Deref);
            }
        }
    }

    pub(super) fn mark_assigned(&mut self, e: &Expr) {
        // Assigning does not count as a use of a plain variable (gc reports it unused).
        let _ = e;
    }

    pub(super) fn assign(&mut self, lhs: &[Expr], rhs: &[Expr], span: Span) {
        if lhs.len() == 1 && rhs.len() == 1 {
            let used_before = self.used_flag(&lhs[0]);
            let Some((place, ty)) = self.place(&lhs[0]) else { return };
            self.restore_used(&lhs[0], used_before);
            let target = if matches!(place, Place::Blank) { None } else { Some(ty) };
            if self.value(&rhs[0], target, "assignment").is_none() {
                return;
            }
            self.store(place);
            self.mark_assigned(&lhs[0]);
            return;
        }
        // Several (`i, a[i] = 1, 9`): Go evaluates the left side's index and pointer operands,
        // then the right side, then assigns left to right. Operands go to temporaries.
        let mut places: Vec<Option<(Place, TypeId, Vec<u16>)>> = Vec::new();
        for l in lhs {
            let used_before = self.used_flag(l);
            let placed = self.place(l);
            self.restore_used(l, used_before);
            places.push(placed.map(|(place, ty)| {
                let parts = prefix_len(place);
                let slots: Vec<u16> = (0..parts).map(|_| self.fb().temp(pre::ANY)).collect();
                for slot in slots.iter().rev() {
                    self.emit(Op::Store(*slot));
                }
                (place, ty, slots)
            }));
        }
        let Some(types) = self.rhs_values_for_assign(lhs, rhs, span) else { return };
        let temps: Vec<u16> = types.iter().map(|t| self.fb().temp(*t)).collect();
        for slot in temps.iter().rev() {
            self.emit(Op::Store(*slot));
        }
        for ((l, placed), (slot, ty)) in lhs.iter().zip(places).zip(temps.iter().zip(&types)) {
            let Some((place, pty, parts)) = placed else { continue };
            for part in parts {
                self.emit(Op::Load(part));
            }
            self.emit(Op::Load(*slot));
            if !matches!(place, Place::Blank) {
                if self.assignable(*ty, pty).is_err() && !self.is_untyped(*ty) {
                    self.error(
                        l.span,
                        format!(
                            "cannot use {} (value of type {}) as {} value in assignment",
                            self.text(l.span),
                            self.name(*ty),
                            self.name(pty)
                        ),
                    );
                    continue;
                }
                if self.types.is_interface(pty) && !self.types.is_interface(*ty) {
                    self.emit(Op::ToIface(*ty));
                }
            }
            self.store(place);
        }
    }

    pub(super) fn rhs_values_for_assign(&mut self, lhs: &[Expr], rhs: &[Expr], span: Span) -> Option<Vec<TypeId>> {
        if rhs.len() == 1 {
            return self.rhs_values(rhs, lhs.len(), None, "assignment", span);
        }
        if lhs.len() != rhs.len() {
            self.error(span, format!("assignment mismatch: {} variables but {} values", lhs.len(), rhs.len()));
            return None;
        }
        // Each value typed by its target, so constants get the right type.
        let mut types = Vec::new();
        for (l, r) in lhs.iter().zip(rhs) {
            let target = self.place_type(l);
            let op = self.expr(r, target);
            types.push(self.convert(op, target, "assignment")?);
        }
        Some(types)
    }

    /// The type of an assignable expression, without emitting code.
    pub(super) fn place_type(&mut self, e: &Expr) -> Option<TypeId> {
        if let ExprKind::Ident(n) = &e.kind {
            if n == "_" {
                return None;
            }
        }
        let mark = self.fb().here();
        let before = self.diags.len();
        let used = self.used_flag(e);
        let op = self.expr(e, None);
        self.restore_used(e, used);
        self.diags.truncate(before);
        self.truncate_to(mark);
        (!op.is_bad()).then_some(op.ty)
    }

    pub(super) fn used_flag(&self, e: &Expr) -> Option<(usize, bool)> {
        if let ExprKind::Ident(name) = &strip_parens(e).kind {
            let fb = self.fbs.last()?;
            let i = fb.lookup(name)?;
            return Some((i, fb.locals[i].used));
        }
        None
    }

    pub(super) fn restore_used(&mut self, e: &Expr, before: Option<(usize, bool)>) {
        let _ = e;
        if let Some((i, used)) = before {
            if let Some(fb) = self.fbs.last_mut() {
                fb.locals[i].used = used;
            }
        }
    }

    /// `x op= y`, `x++`, `x--`.
    pub(super) fn compound(&mut self, target: &Expr, op: BinaryOp, rhs: Option<&Expr>, span: Span) {
        let Some((place, ty)) = self.place(target) else { return };
        if matches!(place, Place::Blank) {
            self.error(target.span, "cannot use _ as value");
            return;
        }
        // `x++` and `x += 1` count as uses in gc (a plain `x = 1` does not).
        if let Some(i) = self.root_local(target) {
            self.fb().locals[i].used = true;
        }
        self.load_place(place);
        let Some(kind) = self.num_kind(ty) else {
            self.error(span, format!("invalid operation: {} (non-numeric type {})", self.text(span), self.name(ty)));
            return;
        };
        match rhs {
            Some(r) => {
                if matches!(op, BinaryOp::Shl | BinaryOp::Shr) {
                    let x = self.expr(r, None);
                    if self.convert(x, None, "").is_none() {
                        return;
                    }
                } else if self.value(r, Some(ty), "assignment").is_none() {
                    return;
                }
            }
            None => {
                if matches!(kind, NumKind::Float64 | NumKind::Float32) {
                    let k = self.add_const(crate::go::value::Value::Float(1.0));
                    self.emit(Op::Const(k));
                } else {
                    self.emit(Op::SmallInt(1));
                }
            }
        }
        let arith = super::operators::arith_op(op);
        if kind == NumKind::Str && arith != ArithOp::Add {
            self.error(
                span,
                format!(
                    "invalid operation: operator {} not defined on {} (variable of type string)",
                    op.symbol(),
                    self.text(target.span)
                ),
            );
            return;
        }
        self.emit(Op::Arith(arith, kind));
        self.store(place);
    }

    pub(super) fn send(&mut self, chan: &Expr, value: &Expr) {
        let c = self.expr(chan, None);
        let Some(ct) = self.convert(c.clone(), None, "") else { return };
        let TypeKind::Chan { dir, elem } = self.types.under(ct).clone() else {
            self.error(chan.span, format!("invalid operation: cannot send to non-channel {}", self.describe(&c)));
            return;
        };
        if dir == ChanDir::Recv {
            self.error(
                chan.span,
                format!(
                    "invalid operation: cannot send to receive-only channel {} {}",
                    self.name(ct),
                    self.describe(&c)
                ),
            );
            return;
        }
        if self.value(value, Some(elem), "send").is_none() {
            return;
        }
        self.emit(Op::Send);
    }
}

/// How many values a place's prefix left on the stack (container, index...).
fn prefix_len(place: Place) -> u16 {
    match place {
        Place::Blank | Place::Local { .. } | Place::Capture(_) | Place::Global { .. } => 0,
        Place::Field(_) | Place::Deref | Place::Agg => 1,
        Place::Index | Place::MapIndex(_) => 2,
    }
}
