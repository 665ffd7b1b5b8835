//! Statements: declarations, assignments, control flow, `go`, `defer`, `select`.

use super::consts::ConstVal;
use super::expr::{strip_parens, Mode, Operand, Resolved};
use super::func::{Target, VarLoc};
use super::typeck::Selection;
use super::universe::{Builtin, Member};
use super::{Compiler, Entity};
use crate::go::ast::{
    BinaryOp, Block, CaseClause, ChanDir, Expr, ExprKind, ForStmt, GenDecl, GenKind, Ident, IfStmt, RangeStmt,
    SelectClause, SelectComm, Span, Spec, Stmt, StmtKind, SwitchStmt, TypeSwitchStmt,
};
use crate::go::bytecode::{ArithOp, CmpOp, FuncProto, Native, NumKind, Op, SelectDesc};
use crate::go::types::{predeclared as pre, IntKind, TypeId, TypeKind};

/// Where an assignment stores, after its prefix (container, index...) was emitted.
#[derive(Clone, Copy, Debug)]
pub enum Place {
    Blank,
    Local {
        slot: u16,
        boxed: bool,
    },
    Capture(u16),
    Global {
        index: u32,
        boxed: bool,
    },
    /// `[container]` pushed.
    Field(u16),
    /// `[x, i]` pushed.
    Index,
    /// `[m, k]` pushed.
    MapIndex(TypeId),
    /// `[p]` pushed.
    Deref,
    /// A struct or array: its box pushed; storing copies into it.
    Agg,
}

impl<'a> Compiler<'a> {
    pub fn stmts(&mut self, stmts: &[Stmt]) {
        for s in stmts {
            self.stmt(s);
        }
    }

    fn block(&mut self, b: &Block) {
        self.fb().open_scope();
        self.stmts(&b.stmts);
        self.fb().close_scope();
    }

    pub fn stmt(&mut self, s: &Stmt) {
        let line = self.line_of(s.span);
        self.fb().line = line;
        let label = self.fb().pending_label.take();
        match &s.kind {
            StmtKind::Empty => {}
            StmtKind::Expr(e) => self.expr_stmt(e),
            StmtKind::Decl(gen) => self.local_decl(gen),
            StmtKind::Define { lhs, rhs } => self.define(lhs, rhs, s.span),
            StmtKind::Assign { lhs, op: None, rhs } => self.assign(lhs, rhs, s.span),
            StmtKind::Assign { lhs, op: Some(op), rhs } => {
                if let (Some(l), Some(r)) = (lhs.first(), rhs.first()) {
                    self.compound(l, *op, Some(r), s.span);
                }
            }
            StmtKind::IncDec { target, inc } => {
                self.compound(target, if *inc { BinaryOp::Add } else { BinaryOp::Sub }, None, s.span)
            }
            StmtKind::Send { chan, value } => self.send(chan, value),
            StmtKind::Go(e) => self.go_defer(e, true),
            StmtKind::Defer(e) => self.go_defer(e, false),
            StmtKind::Return(es) => self.return_stmt(es, s.span),
            StmtKind::Break(l) => self.branch(l.as_ref(), true, s.span),
            StmtKind::Continue(l) => self.branch(l.as_ref(), false, s.span),
            StmtKind::Goto(_) => self.unsupported(s.span, "goto"),
            StmtKind::Fallthrough => self.error(s.span, "fallthrough statement out of place"),
            StmtKind::Block(b) => self.block(b),
            StmtKind::If(i) => self.if_stmt(i),
            StmtKind::For(f) => self.for_stmt(f, label),
            StmtKind::Range(r) => self.range_stmt(r, label, s.span),
            StmtKind::Switch(sw) => self.switch_stmt(sw, label),
            StmtKind::TypeSwitch(ts) => self.type_switch(ts, label),
            StmtKind::Select(cs) => self.select_stmt(cs, label),
            StmtKind::Labeled { label, stmt } => {
                let loops = matches!(
                    stmt.kind,
                    StmtKind::For(_)
                        | StmtKind::Range(_)
                        | StmtKind::Switch(_)
                        | StmtKind::TypeSwitch(_)
                        | StmtKind::Select(_)
                );
                if loops {
                    self.fb().pending_label = Some(label.name.clone());
                }
                self.stmt(stmt);
            }
        }
    }

    fn expr_stmt(&mut self, e: &Expr) {
        let inner = strip_parens(e);
        let is_call_or_recv = matches!(inner.kind, ExprKind::Call { .. } | ExprKind::Recv(_));
        let op = self.expr(e, None);
        match op.mode {
            Mode::Bad => {}
            Mode::Void => {}
            Mode::Value { .. } if is_call_or_recv => {
                if let ExprKind::Call { func, .. } = &inner.kind {
                    if self.is_value_builtin(func) {
                        self.error(e.span, format!("{} ({}) is not used", self.text(e.span), self.value_word(&op)));
                    }
                }
                self.emit(Op::Pop);
            }
            Mode::Tuple(n) if is_call_or_recv => {
                for _ in 0..n {
                    self.emit(Op::Pop);
                }
            }
            _ => {
                let d = self.describe(&op);
                self.error(e.span, format!("{d} is not used"));
            }
        }
    }

    fn is_value_builtin(&mut self, func: &Expr) -> bool {
        if let ExprKind::Ident(name) = &strip_parens(func).kind {
            if let Some(Resolved::Entity(Entity::Builtin(b))) = self.peek_resolve(name) {
                return matches!(
                    b,
                    Builtin::Len
                        | Builtin::Cap
                        | Builtin::Append
                        | Builtin::Make
                        | Builtin::New
                        | Builtin::Min
                        | Builtin::Max
                );
            }
        }
        false
    }

    fn peek_resolve(&mut self, name: &str) -> Option<Resolved> {
        if self.fbs.last().and_then(|fb| fb.lookup(name)).is_some() {
            return None;
        }
        self.universe.get(name).cloned().map(Resolved::Entity)
    }

    fn value_word(&self, op: &Operand) -> String {
        format!("value of type {}", self.name(op.ty))
    }

    // ---- declarations ------------------------------------------------------------------

    fn local_decl(&mut self, gen: &GenDecl) {
        let mut previous: Option<&Spec> = None;
        for spec in &gen.specs {
            match spec {
                Spec::Type { name, type_params, ty, .. } => {
                    if !type_params.is_empty() {
                        self.unsupported(name.span, "les génériques");
                        continue;
                    }
                    let id = self.types.push(TypeKind::Named {
                        package: "main".into(),
                        name: name.name.clone(),
                        underlying: pre::INT,
                    });
                    self.local_types.push((name.name.clone(), id));
                    if let Some(under) = self.resolve_type(ty) {
                        self.types.set_underlying(id, under);
                    }
                }
                Spec::Value { names, ty, values, iota, span } => {
                    if gen.kind == GenKind::Const {
                        let source = if ty.is_none() && values.is_empty() { previous.unwrap_or(spec) } else { spec };
                        if ty.is_some() || !values.is_empty() {
                            previous = Some(spec);
                        }
                        self.local_consts(names, source, *iota, *span);
                    } else {
                        self.var_spec(names, ty.as_ref(), values, *span);
                    }
                }
            }
        }
    }

    fn local_consts(&mut self, names: &[Ident], source: &Spec, iota: u32, span: Span) {
        let Spec::Value { ty, values, .. } = source else { return };
        let declared = match ty {
            Some(t) => self.resolve_type(t),
            None => None,
        };
        if values.len() < names.len() {
            self.error(span, "missing init expr for const declaration");
            return;
        }
        for (name, value) in names.iter().zip(values.iter()) {
            self.iota = Some(iota);
            let op = self.expr(value, declared);
            self.iota = None;
            let Mode::Const(v) = op.mode.clone() else {
                if !op.is_bad() {
                    self.error(value.span, format!("{} is not constant", self.describe(&op)));
                }
                continue;
            };
            let (v, ty) = match declared {
                Some(t) => match super::consts::representable(&self.types, &v, t) {
                    Ok(v) => (v, t),
                    Err(_) => {
                        self.error(
                            value.span,
                            format!(
                                "cannot use {} as {} value in constant declaration (overflows)",
                                self.describe(&op),
                                self.name(t)
                            ),
                        );
                        continue;
                    }
                },
                None => (v, op.ty),
            };
            let fb = self.fb();
            let index = fb.declare(&name.name, ty, false, name.span, false);
            fb.locals[index].konst = Some((v, ty));
        }
    }

    /// `var a, b T = x, y` in a body.
    fn var_spec(&mut self, names: &[Ident], ty: Option<&crate::go::ast::TypeExpr>, values: &[Expr], span: Span) {
        let declared = match ty {
            Some(t) => match self.resolve_type(t) {
                Some(t) => Some(t),
                None => {
                    let invalid = self.invalid;
                    for name in names {
                        let fb = self.fb();
                        let i = fb.declare(&name.name, invalid, false, name.span, false);
                        fb.locals[i].used = true;
                    }
                    return;
                }
            },
            None => None,
        };
        let types = if values.is_empty() {
            let Some(t) = declared else { return };
            for _ in names {
                self.emit(Op::Zero(t));
            }
            vec![t; names.len()]
        } else {
            match self.rhs_values(values, names.len(), declared, "variable declaration", span) {
                Some(ts) => ts,
                None => {
                    // Declared anyway (unused ones still reported), so later uses do not
                    // cascade into `undefined`.
                    let t = declared.unwrap_or(self.invalid);
                    for name in names {
                        if name.name != "_" {
                            let boxed = self.needs_box(&name.name, t);
                            let fb = self.fb();
                            let i = fb.declare(&name.name, t, boxed, name.span, true);
                            fb.locals[i].used = declared.is_none();
                        }
                    }
                    return;
                }
            }
        };
        for (name, ty) in names.iter().zip(types).rev() {
            self.declare_and_store(name, ty);
        }
    }

    /// Declares a new local and stores the value on top of the stack into it.
    fn declare_and_store(&mut self, name: &Ident, ty: TypeId) {
        let ty = super::consts::default_type(&self.types, ty);
        if name.name == "_" {
            self.emit(Op::Pop);
            return;
        }
        let boxed = self.needs_box(&name.name, ty);
        let fb = self.fb();
        let index = fb.declare(&name.name, ty, boxed, name.span, true);
        let slot = fb.locals[index].slot;
        fb.emit(if boxed { Op::StoreNewRef(slot) } else { Op::Store(slot) });
    }

    /// Evaluates the right-hand side of a declaration or assignment of `n` names: either `n`
    /// expressions or one multi-value expression. Leaves `n` values pushed in order.
    pub(super) fn rhs_values(
        &mut self,
        values: &[Expr],
        n: usize,
        declared: Option<TypeId>,
        context: &str,
        span: Span,
    ) -> Option<Vec<TypeId>> {
        if values.len() == 1 && n > 1 {
            let op = self.multi_value(&values[0], n)?;
            let TypeKind::Tuple(types) = self.types.kind(op.ty).clone() else { return None };
            if types.len() != n {
                self.error(
                    span,
                    format!(
                        "assignment mismatch: {n} variable{} but {} returns {} value{}",
                        if n == 1 { "" } else { "s" },
                        self.text(values[0].span),
                        types.len(),
                        if types.len() == 1 { "" } else { "s" }
                    ),
                );
                return None;
            }
            if let Some(t) = declared {
                for ty in &types {
                    if self.assignable(*ty, t).is_err() && !self.is_untyped(*ty) {
                        self.error(
                            values[0].span,
                            format!("cannot use {} value as {} value in {context}", self.name(*ty), self.name(t)),
                        );
                        return None;
                    }
                }
                return Some(vec![t; n]);
            }
            return Some(types.iter().map(|t| if *t == pre::UNTYPED_BOOL { pre::BOOL } else { *t }).collect());
        }
        if values.len() != n {
            let what = if n == 1 { "variable" } else { "variables" };
            let msg = if values.len() == 1 {
                format!("assignment mismatch: {n} {what} but 1 value")
            } else {
                format!("assignment mismatch: {n} {what} but {} values", values.len())
            };
            self.error(span, msg);
            return None;
        }
        let mut types = Vec::new();
        for v in values {
            let op = self.expr(v, declared);
            let ty = self.convert(op, declared, context)?;
            types.push(ty);
        }
        Some(types)
    }

    /// A call with several results, or a comma-ok form (`m[k]`, `<-ch`, `x.(T)`).
    fn multi_value(&mut self, e: &Expr, n: usize) -> Option<Operand> {
        let inner = strip_parens(e);
        if n == 2 {
            match &inner.kind {
                ExprKind::Index { expr, index } => {
                    let mark = self.fb().here();
                    let m = self.expr(expr, None);
                    if let TypeKind::Map { key, value } = self.types.under(m.ty).clone() {
                        if !matches!(m.mode, Mode::Value { .. }) {
                            return None;
                        }
                        self.value(index, Some(key), "map index")?;
                        self.emit(Op::MapIndexOk { elem: value });
                        let ty = self.types.intern(TypeKind::Tuple(vec![value, pre::UNTYPED_BOOL]));
                        return Some(Operand { mode: Mode::Tuple(2), ty, span: e.span });
                    }
                    let fb = self.fb();
                    fb.proto.code.truncate(mark);
                    fb.proto.lines.truncate(mark);
                }
                ExprKind::Recv(ch) => return Some(self.recv(ch, e.span, true)),
                ExprKind::TypeAssert { expr, ty } => {
                    let op = self.type_assert(expr, ty.as_ref(), e.span, true);
                    return (!op.is_bad()).then_some(op);
                }
                _ => {}
            }
        }
        let op = self.expr(e, None);
        match op.mode {
            Mode::Tuple(_) => Some(op),
            Mode::Bad => None,
            _ => {
                self.error(e.span, format!("assignment mismatch: {n} variables but 1 value"));
                None
            }
        }
    }

    fn define(&mut self, lhs: &[Ident], rhs: &[Expr], span: Span) {
        // Which names are new in this scope.
        let mut any_new = false;
        let mut existing: Vec<Option<usize>> = Vec::new();
        for name in lhs {
            let found = self.fbs.last().and_then(|fb| {
                fb.scopes.last().and_then(|scope| scope.iter().rev().find(|(n, _)| n == &name.name).map(|(_, i)| *i))
            });
            if found.is_none() && name.name != "_" {
                any_new = true;
            }
            existing.push(found);
        }
        if !any_new {
            self.error(span, "no new variables on left side of :=");
        }
        let Some(types) = self.rhs_values(rhs, lhs.len(), None, "assignment", span) else {
            // Declare anyway so later uses do not cascade into `undefined`.
            for name in lhs {
                if name.name != "_" && self.fbs.last().and_then(|fb| fb.lookup(&name.name)).is_none() {
                    let invalid = self.invalid;
                    let fb = self.fb();
                    let i = fb.declare(&name.name, invalid, false, name.span, false);
                    fb.locals[i].used = true;
                }
            }
            return;
        };
        for ((name, ty), found) in lhs.iter().zip(types).zip(existing).rev() {
            match found {
                Some(index) => {
                    let (slot, boxed, var_ty) = {
                        let l = &self.fb().locals[index];
                        (l.slot, l.boxed, l.ty)
                    };
                    if self.assignable(ty, var_ty).is_err() && !self.is_untyped(ty) {
                        self.error(
                            name.span,
                            format!("cannot use {} value as {} value in assignment", self.name(ty), self.name(var_ty)),
                        );
                    }
                    if self.types.is_interface(var_ty) && !self.types.is_interface(ty) {
                        self.emit(Op::ToIface(ty));
                    }
                    self.emit(if boxed { Op::StoreRef(slot) } else { Op::Store(slot) });
                }
                None => self.declare_and_store(name, ty),
            }
        }
    }

    // ---- assignment ----------------------------------------------------------------------

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
                    if matches!(self.types.under(mo.ty), TypeKind::Map { .. }) {
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
                    self.error(
                        sel.span,
                        format!(
                            "{}.{} undefined (type {} has no field or method {})",
                            self.text(expr.span),
                            sel.name,
                            self.name(x.ty),
                            sel.name
                        ),
                    );
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

    fn root_local(&self, e: &Expr) -> Option<usize> {
        match &strip_parens(e).kind {
            ExprKind::Ident(name) => self.fbs.last().and_then(|fb| fb.lookup(name)),
            ExprKind::Selector { expr, .. } | ExprKind::Index { expr, .. } => self.root_local(expr),
            _ => None,
        }
    }

    fn truncate_to(&mut self, mark: usize) {
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
    fn load_place(&mut self, place: Place) {
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

    fn mark_assigned(&mut self, e: &Expr) {
        // Assigning does not count as a use of a plain variable (gc reports it unused).
        let _ = e;
    }

    fn assign(&mut self, lhs: &[Expr], rhs: &[Expr], span: Span) {
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
        // Several: evaluate the right side into temporaries, then store left to right.
        let Some(types) = self.rhs_values_for_assign(lhs, rhs, span) else { return };
        let temps: Vec<u16> = types.iter().map(|t| self.fb().temp(*t)).collect();
        for slot in temps.iter().rev() {
            self.emit(Op::Store(*slot));
        }
        for ((l, slot), ty) in lhs.iter().zip(&temps).zip(&types) {
            let used_before = self.used_flag(l);
            let Some((place, pty)) = self.place(l) else { continue };
            self.restore_used(l, used_before);
            self.emit(Op::Load(*slot));
            if !matches!(place, Place::Blank) {
                let op = Operand::value(*ty, l.span);
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
                let _ = op;
            }
            self.store(place);
        }
    }

    fn rhs_values_for_assign(&mut self, lhs: &[Expr], rhs: &[Expr], span: Span) -> Option<Vec<TypeId>> {
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
    fn place_type(&mut self, e: &Expr) -> Option<TypeId> {
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

    fn used_flag(&self, e: &Expr) -> Option<(usize, bool)> {
        if let ExprKind::Ident(name) = &strip_parens(e).kind {
            let fb = self.fbs.last()?;
            let i = fb.lookup(name)?;
            return Some((i, fb.locals[i].used));
        }
        None
    }

    fn restore_used(&mut self, e: &Expr, before: Option<(usize, bool)>) {
        let _ = e;
        if let Some((i, used)) = before {
            if let Some(fb) = self.fbs.last_mut() {
                fb.locals[i].used = used;
            }
        }
    }

    /// `x op= y`, `x++`, `x--`.
    fn compound(&mut self, target: &Expr, op: BinaryOp, rhs: Option<&Expr>, span: Span) {
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
            BinaryOp::Shl => ArithOp::Shl,
            BinaryOp::Shr => ArithOp::Shr,
            _ => ArithOp::Add,
        };
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

    fn send(&mut self, chan: &Expr, value: &Expr) {
        let c = self.expr(chan, None);
        let Some(ct) = self.convert(c.clone(), None, "") else { return };
        let TypeKind::Chan { dir, elem } = self.types.under(ct).clone() else {
            self.error(chan.span, format!("invalid operation: cannot send to non-channel {}", self.describe(&c)));
            return;
        };
        if dir == ChanDir::Recv {
            self.error(
                chan.span,
                format!("invalid operation: cannot send to receive-only channel {}", self.describe(&c)),
            );
            return;
        }
        if self.value(value, Some(elem), "send").is_none() {
            return;
        }
        self.emit(Op::Send);
    }

    // ---- go, defer, return ---------------------------------------------------------------

    /// `go f(x)` / `defer f(x)`: the callee as a function value, then the arguments.
    fn go_defer(&mut self, e: &Expr, is_go: bool) {
        let word = if is_go { "go" } else { "defer" };
        let ExprKind::Call { func, args, spread } = &strip_parens(e).kind else {
            self.error(e.span, format!("expression in {word} must be function call"));
            return;
        };
        if !is_go {
            self.fb().has_defer = true;
        }
        let callee = strip_parens(func);
        // Builtins: wrapped in a small function taking their arguments.
        if let ExprKind::Ident(name) = &callee.kind {
            if let Some(Resolved::Entity(Entity::Builtin(b))) = self.peek_resolve(name) {
                self.builtin_thunk(b, args, e.span, is_go);
                return;
            }
            if let Some(Resolved::Entity(Entity::Type(_))) = self.peek_resolve(name) {
                self.error(e.span, format!("{word} requires function call, not conversion"));
                return;
            }
        }
        let f = self.expr(callee, None);
        if matches!(f.mode, Mode::Type) {
            self.error(e.span, format!("{word} requires function call, not conversion"));
            return;
        }
        if matches!(f.mode, Mode::Builtin(_)) {
            self.unsupported(e.span, &format!("{word} d'une fonction intégrée"));
            return;
        }
        let Some(fty) = self.convert(f.clone(), None, "") else { return };
        let Some(sig) = self.sig(fty) else {
            self.error(e.span, format!("invalid operation: cannot call non-function {}", self.describe(&f)));
            return;
        };
        let fname = self.text(callee.span).to_owned();
        let native = matches!(self.fb().proto.code.last(), Some(Op::NativeFunc(_)) | Some(Op::BindNative(_)));
        let Some(argc) = self.call_arguments(&sig, args, *spread, e.span, &fname, native) else { return };
        self.emit(if is_go { Op::Go { argc } } else { Op::Defer { argc } });
    }

    fn builtin_thunk(&mut self, b: Builtin, args: &[Expr], span: Span, is_go: bool) {
        let (ops, params): (Vec<Op>, Vec<Option<TypeId>>) = match b {
            Builtin::Close => (vec![Op::Load(0), Op::Close], vec![None]),
            Builtin::Panic => (vec![Op::Load(0), Op::Panic], vec![Some(pre::ANY)]),
            Builtin::Print | Builtin::Println => {
                let native = if b == Builtin::Print { Native::BuiltinPrint } else { Native::BuiltinPrintln };
                let mut ops: Vec<Op> = (0..args.len() as u16).map(Op::Load).collect();
                ops.push(Op::CallNative { native, argc: args.len() as u16 });
                (ops, vec![Some(pre::ANY); args.len()])
            }
            Builtin::Delete => (vec![Op::Load(0), Op::Load(1), Op::Delete], vec![None, None]),
            _ => {
                self.unsupported(span, &format!("{} d'une fonction intégrée", if is_go { "go" } else { "defer" }));
                return;
            }
        };
        if params.len() != args.len() {
            self.error(span, format!("wrong number of arguments to {}", b.name()));
            return;
        }
        let mut proto = FuncProto { name: format!("{}.{}", self.fb().proto.name, b.name()), ..FuncProto::default() };
        proto.params = params.len() as u16;
        proto.locals = params.len() as u16;
        proto.line = self.fb().line;
        for op in ops {
            proto.code.push(op);
            proto.lines.push(proto.line);
        }
        proto.code.push(Op::Return);
        proto.lines.push(proto.line);
        self.funcs.push(proto);
        let id = (self.funcs.len() - 1) as u32;
        self.emit(Op::MakeClosure { func: id, captures: 0 });
        for (arg, target) in args.iter().zip(params) {
            let op = self.expr(arg, target);
            if self.convert(op, target, "argument").is_none() {
                return;
            }
        }
        let argc = args.len() as u16;
        self.emit(if is_go { Op::Go { argc } } else { Op::Defer { argc } });
    }

    fn return_stmt(&mut self, es: &[Expr], span: Span) {
        let results = self.fb().results.clone();
        let params = self.fb().proto.params;
        if es.is_empty() {
            if !results.is_empty() && !self.fb().named_results {
                let want = self.tuple_names(&results);
                self.error(span, format!("not enough return values\n\thave ()\n\twant {want}"));
                return;
            }
            self.emit_return();
            return;
        }
        if es.len() == 1 && results.len() > 1 {
            let op = self.expr(&es[0], None);
            if let Mode::Tuple(n) = op.mode {
                let TypeKind::Tuple(types) = self.types.kind(op.ty).clone() else { return };
                if n as usize != results.len() {
                    let which = if (n as usize) < results.len() { "not enough" } else { "too many" };
                    let have = self.tuple_names(&types);
                    let want = self.tuple_names(&results);
                    self.error(es[0].span, format!("{which} return values\n\thave {have}\n\twant {want}"));
                    return;
                }
                let temps: Vec<u16> = types.iter().map(|t| self.fb().temp(*t)).collect();
                for slot in temps.iter().rev() {
                    self.emit(Op::Store(*slot));
                }
                for (i, (slot, ty)) in temps.iter().zip(&types).enumerate() {
                    self.emit(Op::Load(*slot));
                    if self.convert(Operand::value(*ty, es[0].span), Some(results[i]), "return statement").is_none() {
                        return;
                    }
                    self.store_result(params + i as u16);
                }
                self.emit_return();
                return;
            }
            if !op.is_bad() {
                let have = self.have_list(std::slice::from_ref(&op));
                let want = self.tuple_names(&results);
                self.error(es[0].span, format!("not enough return values\n\thave {have}\n\twant {want}"));
            }
            return;
        }
        if es.len() != results.len() {
            let mark = self.fb().here();
            let ops: Vec<Operand> = es.iter().map(|e| self.expr(e, None)).collect();
            self.truncate_to(mark);
            let have = self.have_list(&ops);
            let want = self.tuple_names(&results);
            let (which, at) = if es.len() > results.len() {
                ("too many", es[results.len()].span)
            } else {
                ("not enough", es[es.len() - 1].span)
            };
            self.error(at, format!("{which} return values\n\thave {have}\n\twant {want}"));
            return;
        }
        for (e, ty) in es.iter().zip(&results) {
            if self.value(e, Some(*ty), "return statement").is_none() {
                return;
            }
        }
        for i in (0..results.len()).rev() {
            self.store_result(params + i as u16);
        }
        self.emit_return();
    }

    fn store_result(&mut self, slot: u16) {
        let boxed = self.fb().locals.get(slot as usize).is_some_and(|l| l.boxed);
        self.emit(if boxed { Op::StoreRef(slot) } else { Op::Store(slot) });
    }

    fn tuple_names(&self, types: &[TypeId]) -> String {
        format!("({})", types.iter().map(|t| self.name(*t)).collect::<Vec<_>>().join(", "))
    }

    pub fn emit_return(&mut self) {
        self.emit(Op::Return);
    }

    /// Arguments for `go`/`defer` (same rules as a call).
    fn call_arguments(
        &mut self,
        sig: &crate::go::types::Signature,
        args: &[Expr],
        spread: bool,
        span: Span,
        fname: &str,
        native: bool,
    ) -> Option<u16> {
        self.arguments(sig, args, spread, span, fname, native)
    }

    // ---- control flow ----------------------------------------------------------------------

    fn branch(&mut self, label: Option<&Ident>, is_break: bool, span: Span) {
        let word = if is_break { "break" } else { "continue" };
        let targets = &self.fb().targets;
        let index = match label {
            Some(l) => targets.iter().rposition(|t| t.label.as_deref() == Some(&l.name)),
            None => targets.iter().rposition(|t| is_break || t.is_loop),
        };
        let Some(index) = index else {
            match label {
                Some(l) => self.error(l.span, format!("invalid {word} label {}", l.name)),
                None => self.error(
                    span,
                    format!("{word} is not in a loop{}", if is_break { ", switch, or select" } else { "" }),
                ),
            }
            return;
        };
        if !is_break && !self.fb().targets[index].is_loop {
            self.error(span, format!("invalid continue label {}", label.map(|l| l.name.as_str()).unwrap_or("")));
            return;
        }
        let at = self.emit(Op::Jump(0));
        let t = &mut self.fb().targets[index];
        if is_break {
            t.breaks.push(at);
        } else {
            t.continues.push(at);
        }
    }

    fn push_target(&mut self, label: Option<String>, is_loop: bool) {
        self.fb().targets.push(Target { label, is_loop, breaks: Vec::new(), continues: Vec::new() });
    }

    /// Pops a target: breaks go to `here`, continues to `cont`.
    fn pop_target(&mut self, cont: Option<usize>) {
        let Some(t) = self.fb().targets.pop() else { return };
        let here = self.fb().here();
        for b in t.breaks {
            self.fb().patch(b, here);
        }
        if let Some(c) = cont {
            for j in t.continues {
                self.fb().patch(j, c);
            }
        }
    }

    fn condition(&mut self, cond: &Expr, what: &str) -> bool {
        let op = self.expr(cond, None);
        let Some(ty) = self.convert(op.clone(), None, "") else { return false };
        if !self.is_bool(ty) {
            self.error(cond.span, format!("non-boolean condition in {what} statement"));
            return false;
        }
        true
    }

    fn if_stmt(&mut self, i: &IfStmt) {
        self.fb().open_scope();
        if let Some(init) = &i.init {
            self.stmt(init);
        }
        self.fb().line = self.line_of(i.cond.span);
        self.condition(&i.cond, "if");
        let jump_else = self.emit(Op::JumpIfFalse(0));
        self.block(&i.then);
        match &i.els {
            Some(els) => {
                let jump_end = self.emit(Op::Jump(0));
                self.fb().patch_here(jump_else);
                self.stmt(els);
                self.fb().patch_here(jump_end);
            }
            None => self.fb().patch_here(jump_else),
        }
        self.fb().close_scope();
    }

    fn for_stmt(&mut self, f: &ForStmt, label: Option<String>) {
        self.fb().open_scope();
        let first_local = self.fb().locals.len();
        if let Some(init) = &f.init {
            self.stmt(init);
        }
        // Go 1.22: each iteration has its own copy of the variables declared in init.
        let loop_vars: Vec<u16> = self.fb().locals[first_local..].iter().filter(|l| l.boxed).map(|l| l.slot).collect();
        let head = self.fb().here();
        let exit = match &f.cond {
            Some(c) => {
                self.condition(c, "for");
                Some(self.emit(Op::JumpIfFalse(0)))
            }
            None => None,
        };
        self.push_target(label, true);
        self.block(&f.body);
        let cont = self.fb().here();
        for slot in &loop_vars {
            self.emit(Op::LoadRef(*slot));
            self.emit(Op::StoreNewRef(*slot));
        }
        if let Some(post) = &f.post {
            self.stmt(post);
        }
        self.emit(Op::LoopCheck);
        self.emit(Op::Jump(head as u32));
        if let Some(exit) = exit {
            self.fb().patch_here(exit);
        }
        self.pop_target(Some(cont));
        self.fb().close_scope();
    }

    fn range_stmt(&mut self, r: &RangeStmt, label: Option<String>, span: Span) {
        self.fb().open_scope();
        let x = self.expr(&r.expr, None);
        if x.is_bad() {
            self.fb().close_scope();
            return;
        }
        let xt = match &x.mode {
            Mode::Const(_) => {
                let t = super::consts::default_type(&self.types, x.ty);
                if self.convert(x.clone(), Some(t), "range").is_none() {
                    self.fb().close_scope();
                    return;
                }
                t
            }
            _ => match self.convert(x.clone(), None, "range") {
                Some(t) => t,
                None => {
                    self.fb().close_scope();
                    return;
                }
            },
        };
        let under = self.types.under(xt).clone();
        let (key_ty, val_ty) = match &under {
            TypeKind::Int(_) => (xt, None),
            TypeKind::Slice(e) | TypeKind::Array { elem: e, .. } => (pre::INT, Some(*e)),
            TypeKind::Pointer(p) => match self.types.under(*p).clone() {
                TypeKind::Array { elem, .. } => (pre::INT, Some(elem)),
                _ => {
                    self.error(r.expr.span, format!("cannot range over {}", self.describe(&x)));
                    self.fb().close_scope();
                    return;
                }
            },
            TypeKind::String => (pre::INT, Some(pre::RUNE)),
            TypeKind::Map { key, value } => (*key, Some(*value)),
            TypeKind::Chan { elem, dir } => {
                if *dir == ChanDir::Send {
                    self.error(
                        r.expr.span,
                        format!(
                            "invalid operation: range {} receive from send-only channel {}",
                            self.text(r.expr.span),
                            self.name(xt)
                        ),
                    );
                    self.fb().close_scope();
                    return;
                }
                (*elem, None)
            }
            TypeKind::Func(_) => {
                self.unsupported(r.expr.span, "range sur une fonction (itérateurs)");
                self.fb().close_scope();
                return;
            }
            _ => {
                self.error(r.expr.span, format!("cannot range over {}", self.describe(&x)));
                self.fb().close_scope();
                return;
            }
        };
        if r.value.is_some() && val_ty.is_none() {
            let what = if matches!(under, TypeKind::Chan { .. }) { "channel" } else { "integer" };
            let v = r.value.as_ref().map(|v| v.span).unwrap_or(span);
            self.error(
                v,
                format!(
                    "range over {} permits only one iteration variable",
                    format!("{} ({what})", self.describe(&x)).replace(" (integer)", "").replace(" (channel)", "")
                ),
            );
            self.fb().close_scope();
            return;
        }
        let coll = self.fb().temp(xt);
        self.emit(Op::Store(coll));
        match under {
            TypeKind::Map { .. } => self.range_map(r, coll, key_ty, val_ty.unwrap_or(pre::INT), label),
            TypeKind::Chan { .. } => self.range_chan(r, coll, key_ty, label),
            TypeKind::String => self.range_string(r, coll, label),
            TypeKind::Int(_) => self.range_counted(r, coll, key_ty, None, label, true),
            _ => self.range_counted(r, coll, key_ty, val_ty, label, false),
        }
        self.fb().close_scope();
    }

    /// Assigns the value on top of the stack to a range variable (new or existing).
    fn range_assign(&mut self, target: &Expr, ty: TypeId, define: bool) {
        if define {
            match &target.kind {
                ExprKind::Ident(name) => {
                    let id = Ident { name: name.clone(), span: target.span };
                    self.declare_and_store(&id, ty);
                }
                _ => {
                    self.error(target.span, format!("non-name {} on left side of :=", self.text(target.span)));
                    self.emit(Op::Pop);
                }
            }
            return;
        }
        let Some(tmp_ty) = Some(ty) else { return };
        let tmp = self.fb().temp(tmp_ty);
        self.emit(Op::Store(tmp));
        let used = self.used_flag(target);
        let Some((place, pty)) = self.place(target) else { return };
        self.restore_used(target, used);
        self.emit(Op::Load(tmp));
        if !matches!(place, Place::Blank) && self.types.is_interface(pty) && !self.types.is_interface(ty) {
            self.emit(Op::ToIface(ty));
        }
        self.store(place);
    }

    /// Slices, arrays, array pointers, and integers (`for i := range n`).
    fn range_counted(
        &mut self,
        r: &RangeStmt,
        coll: u16,
        key_ty: TypeId,
        val_ty: Option<TypeId>,
        label: Option<String>,
        is_int: bool,
    ) {
        let len = self.fb().temp(pre::INT);
        let i = self.fb().temp(pre::INT);
        self.emit(Op::Load(coll));
        if !is_int {
            self.emit(Op::Len);
        }
        self.emit(Op::Store(len));
        self.emit(Op::SmallInt(0));
        self.emit(Op::Store(i));
        let head = self.fb().here();
        self.emit(Op::Load(i));
        self.emit(Op::Load(len));
        self.emit(Op::Cmp(CmpOp::Lt, NumKind::Int(IntKind::Int)));
        let exit = self.emit(Op::JumpIfFalse(0));
        self.fb().open_scope();
        if let Some(k) = &r.key {
            self.emit(Op::Load(i));
            self.range_assign(k, key_ty, r.define);
        }
        if let (Some(v), Some(vt)) = (&r.value, val_ty) {
            self.emit(Op::Load(coll));
            self.emit(Op::Load(i));
            self.emit(Op::Index);
            if self.types.is_aggregate(vt) {
                self.emit(Op::Copy);
            }
            self.range_assign(v, vt, r.define);
        }
        self.push_target(label, true);
        self.block(&r.body);
        self.fb().close_scope();
        let cont = self.fb().here();
        self.emit(Op::Load(i));
        self.emit(Op::SmallInt(1));
        self.emit(Op::Arith(ArithOp::Add, NumKind::Int(IntKind::Int)));
        self.emit(Op::Store(i));
        self.emit(Op::LoopCheck);
        self.emit(Op::Jump(head as u32));
        self.fb().patch_here(exit);
        self.pop_target(Some(cont));
    }

    fn range_string(&mut self, r: &RangeStmt, coll: u16, label: Option<String>) {
        let len = self.fb().temp(pre::INT);
        let i = self.fb().temp(pre::INT);
        let width = self.fb().temp(pre::INT);
        self.emit(Op::Load(coll));
        self.emit(Op::Len);
        self.emit(Op::Store(len));
        self.emit(Op::SmallInt(0));
        self.emit(Op::Store(i));
        let head = self.fb().here();
        self.emit(Op::Load(i));
        self.emit(Op::Load(len));
        self.emit(Op::Cmp(CmpOp::Lt, NumKind::Int(IntKind::Int)));
        let exit = self.emit(Op::JumpIfFalse(0));
        self.fb().open_scope();
        self.emit(Op::Load(coll));
        self.emit(Op::Load(i));
        self.emit(Op::DecodeRune);
        self.emit(Op::Store(width));
        let rune = self.fb().temp(pre::RUNE);
        self.emit(Op::Store(rune));
        if let Some(k) = &r.key {
            self.emit(Op::Load(i));
            self.range_assign(k, pre::INT, r.define);
        }
        if let Some(v) = &r.value {
            self.emit(Op::Load(rune));
            self.range_assign(v, pre::RUNE, r.define);
        }
        self.push_target(label, true);
        self.block(&r.body);
        self.fb().close_scope();
        let cont = self.fb().here();
        self.emit(Op::Load(i));
        self.emit(Op::Load(width));
        self.emit(Op::Arith(ArithOp::Add, NumKind::Int(IntKind::Int)));
        self.emit(Op::Store(i));
        self.emit(Op::LoopCheck);
        self.emit(Op::Jump(head as u32));
        self.fb().patch_here(exit);
        self.pop_target(Some(cont));
    }

    fn range_map(&mut self, r: &RangeStmt, coll: u16, key_ty: TypeId, val_ty: TypeId, label: Option<String>) {
        self.emit(Op::Load(coll));
        self.emit(Op::MapIterStart);
        let iter = self.fb().temp(pre::INT);
        self.emit(Op::Store(iter));
        let head = self.fb().here();
        self.emit(Op::Load(iter));
        let next = self.emit(Op::MapIterNext { done: 0 });
        let vtmp = self.fb().temp(val_ty);
        self.emit(Op::Store(vtmp));
        let ktmp = self.fb().temp(key_ty);
        self.emit(Op::Store(ktmp));
        self.emit(Op::Pop);
        self.fb().open_scope();
        if let Some(k) = &r.key {
            self.emit(Op::Load(ktmp));
            self.range_assign(k, key_ty, r.define);
        }
        if let Some(v) = &r.value {
            self.emit(Op::Load(vtmp));
            if self.types.is_aggregate(val_ty) {
                self.emit(Op::Copy);
            }
            self.range_assign(v, val_ty, r.define);
        }
        self.push_target(label, true);
        self.block(&r.body);
        self.fb().close_scope();
        let cont = self.fb().here();
        self.emit(Op::LoopCheck);
        self.emit(Op::Jump(head as u32));
        self.fb().patch_here(next);
        self.pop_target(Some(cont));
    }

    fn range_chan(&mut self, r: &RangeStmt, coll: u16, elem: TypeId, label: Option<String>) {
        let head = self.fb().here();
        self.emit(Op::Load(coll));
        self.emit(Op::RecvOk { elem });
        let exit_jump = self.emit(Op::JumpIfFalse(0));
        self.fb().open_scope();
        match &r.key {
            Some(k) => self.range_assign(k, elem, r.define),
            None => {
                self.emit(Op::Pop);
            }
        }
        self.push_target(label, true);
        self.block(&r.body);
        self.fb().close_scope();
        let cont = self.fb().here();
        self.emit(Op::LoopCheck);
        self.emit(Op::Jump(head as u32));
        // The value left by the failed receive.
        let exit = self.fb().here();
        self.fb().patch(exit_jump, exit);
        self.emit(Op::Pop);
        self.pop_target(Some(cont));
        // Breaks jump past the Pop (they leave nothing on the stack): patched in pop_target
        // to the end, which is after the Pop.
    }

    fn switch_stmt(&mut self, sw: &SwitchStmt, label: Option<String>) {
        self.fb().open_scope();
        if let Some(init) = &sw.init {
            self.stmt(init);
        }
        let tag = match &sw.tag {
            Some(t) => {
                let op = self.expr(t, None);
                let Some(ty) = self.convert(op, None, "switch expression") else {
                    self.fb().close_scope();
                    return;
                };
                let slot = self.fb().temp(ty);
                self.emit(Op::Store(slot));
                Some((slot, ty))
            }
            None => None,
        };
        self.push_target(label, false);
        let clauses: &[CaseClause] = &sw.clauses;
        // Tests first, then bodies, so `fallthrough` can jump into the next body.
        let mut body_jumps: Vec<Vec<usize>> = Vec::new();
        let mut default_index = None;
        for (ci, clause) in clauses.iter().enumerate() {
            if clause.is_default {
                if default_index.is_some() {
                    self.error(clause.span, "multiple defaults in switch");
                }
                default_index = Some(ci);
                body_jumps.push(Vec::new());
                continue;
            }
            let mut jumps = Vec::new();
            for e in &clause.exprs {
                self.fb().line = self.line_of(e.span);
                match tag {
                    Some((slot, ty)) => {
                        self.emit(Op::Load(slot));
                        let op = self.expr(e, Some(ty));
                        let target = if self.types.is_interface(ty) { None } else { Some(ty) };
                        let Some(et) = self.convert(op.clone(), target, "switch case") else { continue };
                        if self.types.is_interface(ty) && !self.types.is_interface(et) {
                            self.emit(Op::ToIface(et));
                        }
                        self.emit(Op::Eq);
                    }
                    None => {
                        self.condition(e, "switch");
                    }
                }
                jumps.push(self.emit(Op::JumpIfTrue(0)));
            }
            body_jumps.push(jumps);
        }
        let to_default = self.emit(Op::Jump(0));
        let mut end_jumps = Vec::new();
        let mut fall_jump: Option<usize> = None;
        let mut body_starts = Vec::new();
        for (ci, clause) in clauses.iter().enumerate() {
            let start = self.fb().here();
            body_starts.push(start);
            if let Some(f) = fall_jump.take() {
                self.fb().patch(f, start);
            }
            for j in &body_jumps[ci] {
                self.fb().patch(*j, start);
            }
            self.fb().open_scope();
            let (body, falls) = match clause.body.split_last() {
                Some((last, rest)) if matches!(last.kind, StmtKind::Fallthrough) => (rest, true),
                _ => (&clause.body[..], false),
            };
            self.stmts(body);
            self.fb().close_scope();
            if falls {
                if ci + 1 == clauses.len() {
                    if let Some(last) = clause.body.last() {
                        self.error(last.span, "cannot fallthrough final case in switch");
                    }
                }
                fall_jump = Some(self.emit(Op::Jump(0)));
            } else {
                end_jumps.push(self.emit(Op::Jump(0)));
            }
        }
        let end = self.fb().here();
        match default_index {
            Some(d) => {
                let start = body_starts[d];
                self.fb().patch(to_default, start);
            }
            None => self.fb().patch(to_default, end),
        }
        if let Some(f) = fall_jump {
            self.fb().patch(f, end);
        }
        for j in end_jumps {
            self.fb().patch(j, end);
        }
        self.pop_target(None);
        self.fb().close_scope();
    }

    fn type_switch(&mut self, ts: &TypeSwitchStmt, label: Option<String>) {
        self.fb().open_scope();
        if let Some(init) = &ts.init {
            self.stmt(init);
        }
        let x = self.expr(&ts.expr, None);
        let Some(xt) = self.convert(x.clone(), None, "") else {
            self.fb().close_scope();
            return;
        };
        if !self.types.is_interface(xt) {
            self.error(ts.expr.span, format!("{} is not an interface", self.describe(&x)));
            self.fb().close_scope();
            return;
        }
        let subject = self.fb().temp(xt);
        self.emit(Op::Store(subject));
        self.push_target(label, false);
        let mut end_jumps = Vec::new();
        let mut default_clause = None;
        let mut binding_used = ts.binding.is_none();
        for clause in &ts.clauses {
            if clause.is_default {
                default_clause = Some(clause);
                continue;
            }
            let mut matched = Vec::new();
            let mut single: Option<TypeId> = None;
            for t in &clause.types {
                match t {
                    None => {
                        self.emit(Op::Load(subject));
                        self.emit(Op::Nil);
                        self.emit(Op::Eq);
                    }
                    Some(te) => {
                        let Some(ty) = self.resolve_type(te) else { continue };
                        if !self.types.is_interface(ty) {
                            if let Err(why) = self.implements(ty, xt) {
                                let why = why.split_once(" (").map(|(_, w)| format!("({w}")).unwrap_or_default();
                                self.error(
                                    te.span,
                                    format!(
                                        "impossible type switch case: {} cannot have dynamic type {} {why}",
                                        self.describe(&x),
                                        self.name(ty)
                                    ),
                                );
                                continue;
                            }
                        }
                        if clause.types.len() == 1 {
                            single = Some(ty);
                        }
                        self.emit(Op::Load(subject));
                        self.emit(Op::IsType(ty));
                        self.emit(Op::Swap);
                        self.emit(Op::Pop);
                    }
                }
                matched.push(self.emit(Op::JumpIfTrue(0)));
            }
            let skip = self.emit(Op::Jump(0));
            for m in matched {
                self.fb().patch_here(m);
            }
            self.fb().open_scope();
            if let Some(b) = &ts.binding {
                self.emit(Op::Load(subject));
                let bty = match single {
                    Some(t) if !self.types.is_interface(t) => {
                        self.emit(Op::Unwrap);
                        t
                    }
                    Some(t) => t,
                    None => xt,
                };
                self.declare_and_store(b, bty);
            }
            self.stmts(&clause.body);
            if let Some(b) = &ts.binding {
                binding_used |= self.binding_used(&b.name);
            }
            self.fb().close_scope();
            end_jumps.push(self.emit(Op::Jump(0)));
            self.fb().patch_here(skip);
        }
        if let Some(clause) = default_clause {
            self.fb().open_scope();
            if let Some(b) = &ts.binding {
                self.emit(Op::Load(subject));
                self.declare_and_store(b, xt);
            }
            self.stmts(&clause.body);
            if let Some(b) = &ts.binding {
                binding_used |= self.binding_used(&b.name);
            }
            self.fb().close_scope();
        }
        let end = self.fb().here();
        for j in end_jumps {
            self.fb().patch(j, end);
        }
        self.pop_target(None);
        self.fb().close_scope();
        if !binding_used {
            if let Some(b) = &ts.binding {
                self.error(b.span, format!("declared and not used: {}", b.name));
            }
        }
    }

    /// Whether the type switch binding declared in the current clause scope was used; it
    /// is then not reported by itself (gc reports it once for all clauses).
    fn binding_used(&mut self, name: &str) -> bool {
        let fb = self.fb();
        let Some(index) = fb.lookup(name) else { return false };
        let used = fb.locals[index].used;
        fb.locals[index].reportable = false;
        used
    }

    fn select_stmt(&mut self, clauses: &[SelectClause], label: Option<String>) {
        let mut desc = SelectDesc { sends: Vec::new(), elems: Vec::new(), has_default: false };
        let mut cases: Vec<&SelectClause> = Vec::new();
        let mut default_clause = None;
        for clause in clauses {
            match &clause.comm {
                SelectComm::Default => {
                    if default_clause.is_some() {
                        self.error(clause.span, "multiple defaults in select");
                    }
                    default_clause = Some(clause);
                    desc.has_default = true;
                }
                SelectComm::Send { chan, value } => {
                    let c = self.expr(chan, None);
                    let Some(ct) = self.convert(c.clone(), None, "") else { return };
                    let TypeKind::Chan { elem, .. } = self.types.under(ct).clone() else {
                        self.error(
                            chan.span,
                            format!("invalid operation: cannot send to non-channel {}", self.describe(&c)),
                        );
                        return;
                    };
                    if self.value(value, Some(elem), "send").is_none() {
                        return;
                    }
                    desc.sends.push(true);
                    desc.elems.push(elem);
                    cases.push(clause);
                }
                SelectComm::Recv { chan, .. } => {
                    let c = self.expr(chan, None);
                    let Some(ct) = self.convert(c.clone(), None, "") else { return };
                    let TypeKind::Chan { elem, .. } = self.types.under(ct).clone() else {
                        self.error(
                            chan.span,
                            format!("invalid operation: cannot receive from non-channel {}", self.describe(&c)),
                        );
                        return;
                    };
                    desc.sends.push(false);
                    desc.elems.push(elem);
                    cases.push(clause);
                }
            }
        }
        let index = self.fb().proto.selects.len() as u32;
        let elems = desc.elems.clone();
        self.fb().proto.selects.push(desc);
        self.emit(Op::Select(index));
        let ok = self.fb().temp(pre::BOOL);
        let val = self.fb().temp(pre::ANY);
        let chosen = self.fb().temp(pre::INT);
        self.emit(Op::Store(ok));
        self.emit(Op::Store(val));
        self.emit(Op::Store(chosen));
        self.push_target(label, false);
        let mut end_jumps = Vec::new();
        let n = cases.len();
        let all: Vec<(usize, &SelectClause)> =
            cases.iter().copied().enumerate().chain(default_clause.map(|c| (n, c))).collect();
        for (i, clause) in all {
            self.emit(Op::Load(chosen));
            self.emit(Op::SmallInt(i as i32));
            self.emit(Op::Eq);
            let skip = self.emit(Op::JumpIfFalse(0));
            self.fb().open_scope();
            if let SelectComm::Recv { value, ok: ok_target, define, .. } = &clause.comm {
                let elem = elems.get(i).copied().unwrap_or(pre::INT);
                if let Some(v) = value {
                    self.emit(Op::Load(val));
                    self.range_assign(v, elem, *define);
                }
                if let Some(o) = ok_target {
                    self.emit(Op::Load(ok));
                    self.range_assign(o, pre::BOOL, *define);
                }
            }
            self.stmts(&clause.body);
            self.fb().close_scope();
            end_jumps.push(self.emit(Op::Jump(0)));
            self.fb().patch_here(skip);
        }
        let end = self.fb().here();
        for j in end_jumps {
            self.fb().patch(j, end);
        }
        self.pop_target(None);
        let _ = Member::Type(0);
        let _: Option<ConstVal> = None;
    }
}

/// Go's terminating statements (for `missing return`).
pub fn terminates_block(stmts: &[Stmt]) -> bool {
    stmts.iter().rev().find(|s| !matches!(s.kind, StmtKind::Empty)).is_some_and(terminates)
}

fn terminates(s: &Stmt) -> bool {
    match &s.kind {
        StmtKind::Return(_) | StmtKind::Goto(_) => true,
        StmtKind::Expr(e) => match &strip_parens(e).kind {
            ExprKind::Call { func, .. } => matches!(&strip_parens(func).kind, ExprKind::Ident(n) if n == "panic"),
            _ => false,
        },
        StmtKind::Block(b) => terminates_block(&b.stmts),
        StmtKind::If(i) => match &i.els {
            Some(els) => terminates_block(&i.then.stmts) && terminates(els),
            None => false,
        },
        StmtKind::For(f) => f.cond.is_none() && !has_break(&f.body.stmts, None, true),
        StmtKind::Labeled { label, stmt } => match &stmt.kind {
            StmtKind::For(f) => f.cond.is_none() && !has_break(&f.body.stmts, Some(&label.name), true),
            _ => terminates(stmt),
        },
        StmtKind::Switch(sw) => {
            sw.clauses.iter().any(|c| c.is_default)
                && sw.clauses.iter().all(|c| {
                    (terminates_block(&c.body)
                        || c.body.last().is_some_and(|l| matches!(l.kind, StmtKind::Fallthrough)))
                        && !has_break(&c.body, None, true)
                })
        }
        StmtKind::TypeSwitch(ts) => {
            ts.clauses.iter().any(|c| c.is_default)
                && ts.clauses.iter().all(|c| terminates_block(&c.body) && !has_break(&c.body, None, true))
        }
        StmtKind::Select(cs) => cs.iter().all(|c| terminates_block(&c.body) && !has_break(&c.body, None, true)),
        _ => false,
    }
}

/// Whether `stmts` contain a `break` that leaves the enclosing statement (unlabelled at this
/// level, or labelled with `label`).
fn has_break(stmts: &[Stmt], label: Option<&str>, top: bool) -> bool {
    stmts.iter().any(|s| match &s.kind {
        StmtKind::Break(None) => top,
        StmtKind::Break(Some(l)) => Some(l.name.as_str()) == label,
        StmtKind::Block(b) => has_break(&b.stmts, label, top),
        StmtKind::If(i) => {
            has_break(&i.then.stmts, label, top)
                || i.els.as_ref().is_some_and(|e| has_break(std::slice::from_ref(e), label, top))
        }
        StmtKind::Labeled { stmt, .. } => has_break(std::slice::from_ref(stmt.as_ref()), label, top),
        StmtKind::For(f) => has_break(&f.body.stmts, label, false),
        StmtKind::Range(r) => has_break(&r.body.stmts, label, false),
        StmtKind::Switch(sw) => sw.clauses.iter().any(|c| has_break(&c.body, label, false)),
        StmtKind::TypeSwitch(ts) => ts.clauses.iter().any(|c| has_break(&c.body, label, false)),
        StmtKind::Select(cs) => cs.iter().any(|c| has_break(&c.body, label, false)),
        _ => false,
    })
}
