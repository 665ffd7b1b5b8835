//! Statements: the dispatch, expression statements, declarations and `:=`.
//! Assignments are in `assign.rs`, control flow in `flow.rs`, `range` loops in `range.rs`.

use super::expr::{strip_parens, Mode, Operand, Resolved};
use super::universe::Builtin;
use super::{Compiler, Entity};
use crate::go::ast::{BinaryOp, Block, Expr, ExprKind, GenDecl, GenKind, Ident, Span, Spec, Stmt, StmtKind};
use crate::go::bytecode::Op;
use crate::go::types::{predeclared as pre, TypeId, TypeKind};

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

    pub(super) fn block(&mut self, b: &Block) {
        self.fb().open_scope();
        self.stmts(&b.stmts);
        self.fb().close_scope();
    }

    pub fn stmt(&mut self, s: &Stmt) {
        let errors = self.diags.len();
        self.stmt_inner(s);
        let simple = !matches!(
            s.kind,
            StmtKind::Block(_)
                | StmtKind::If(_)
                | StmtKind::For(_)
                | StmtKind::Range(_)
                | StmtKind::Switch(_)
                | StmtKind::TypeSwitch(_)
                | StmtKind::Select(_)
                | StmtKind::Labeled { .. }
        );
        if simple && self.diags.len() > errors {
            // gc counts the variables of a statement with an error as used.
            for name in super::escape::names_in(s) {
                if let Some(fb) = self.fbs.last_mut() {
                    if let Some(i) = fb.lookup(&name) {
                        fb.locals[i].used = true;
                    }
                }
            }
        }
    }

    fn stmt_inner(&mut self, s: &Stmt) {
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
            StmtKind::Go(e) => self.go_defer(e, super::flow::Launch::Go),
            StmtKind::Defer(e) if self.fb().rangefunc.is_some() => self.rf_defer_stmt(e, s.span),
            StmtKind::Defer(e) => self.go_defer(e, super::flow::Launch::Defer),
            StmtKind::Return(es) if self.fb().rangefunc.is_some() => self.rf_return(es, s.span),
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
                self.fb().labels.push((label.name.clone(), false));
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
                if let Some((_, false)) = self.fb().labels.pop() {
                    self.error(label.span, format!("label {} defined and not used", label.name));
                }
            }
        }
    }

    pub(super) fn expr_stmt(&mut self, e: &Expr) {
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

    pub(super) fn is_value_builtin(&mut self, func: &Expr) -> bool {
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

    pub(super) fn peek_resolve(&mut self, name: &str) -> Option<Resolved> {
        if self.fbs.last().and_then(|fb| fb.lookup(name)).is_some() {
            return None;
        }
        self.universe.get(name).cloned().map(Resolved::Entity)
    }

    pub(super) fn value_word(&self, op: &Operand) -> String {
        format!("value of type {}", self.shown_type(op))
    }

    pub(super) fn local_decl(&mut self, gen: &GenDecl) {
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

    pub(super) fn local_consts(&mut self, names: &[Ident], source: &Spec, iota: u32, span: Span) {
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
            let Some((v, ty)) = self.const_value(value, declared, iota) else { continue };
            let fb = self.fb();
            let index = fb.declare(&name.name, ty, false, name.span, false);
            fb.locals[index].konst = Some((v, ty));
        }
    }

    /// A constant's value and type (`const c T = value`, with `iota`), or `None` after an
    /// error.
    pub(super) fn const_value(
        &mut self,
        value: &Expr,
        declared: Option<TypeId>,
        iota: u32,
    ) -> Option<(super::ConstVal, TypeId)> {
        let saved_iota = self.iota.replace(iota);
        let op = self.expr(value, declared);
        self.iota = saved_iota;
        let Mode::Const(v) = op.mode.clone() else {
            if !op.is_bad() {
                self.error(value.span, format!("{} is not constant", self.describe(&op)));
            }
            return None;
        };
        match declared {
            Some(t) => match super::consts::representable(&self.types, &v, t) {
                Ok(v) => Some((v, t)),
                Err(_) => {
                    let msg = format!(
                        "cannot use {} as {} value in constant declaration (overflows)",
                        self.describe(&op),
                        self.name(t)
                    );
                    self.error(value.span, msg);
                    None
                }
            },
            None => Some((v, op.ty)),
        }
    }

    /// `var a, b T = x, y` in a body.
    pub(super) fn var_spec(
        &mut self,
        names: &[Ident],
        ty: Option<&crate::go::ast::TypeExpr>,
        values: &[Expr],
        span: Span,
    ) {
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
        // Recorded once the values are compiled (a func literal records its own).
        let shown_after = |c: &mut Self| {
            let shown = c.shown_var_decl(names, ty.zip(declared), values);
            for (name, shown) in names.iter().zip(shown) {
                if let Some(shown) = shown {
                    c.shown.insert(super::shown::ShownKey::Param(name.span), shown);
                }
            }
        };
        let types = if values.is_empty() {
            shown_after(self);
            let Some(t) = declared else { return };
            for _ in names {
                self.emit(Op::Zero(t));
            }
            vec![t; names.len()]
        } else {
            let types = self.rhs_values(values, names.len(), declared, "variable declaration", span);
            shown_after(self);
            match types {
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
                            fb.locals[i].used = true;
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
    pub(super) fn declare_and_store(&mut self, name: &Ident, ty: TypeId) {
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
                self.mismatch_error(&values[0], n, types.len());
                return None;
            }
            if let Some(t) = declared {
                for (i, ty) in types.iter().enumerate() {
                    if self.assignable(*ty, t).is_err() && !self.is_untyped(*ty) {
                        self.error(
                            values[0].span,
                            format!(
                                "cannot use {} function result (value of type {}) as {} value in multiple assignment",
                                ordinal(i + 1),
                                self.name(*ty),
                                self.name(t)
                            ),
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
        // Every value is checked, as gc does, even after one fails.
        let mut types = Some(Vec::new());
        for v in values {
            let op = self.expr(v, declared);
            // With a declared type the value is just used where one value is wanted.
            if let (Mode::Tuple(k), 1, None) = (&op.mode, n, declared) {
                self.mismatch_error(v, 1, *k as usize);
                return None;
            }
            match (self.convert(op, declared, context), types.as_mut()) {
                (Some(ty), Some(types)) => types.push(ty),
                _ => types = None,
            }
        }
        types
    }

    /// `assignment mismatch: 1 variable but two returns 2 values`, at the call.
    pub(super) fn mismatch_error(&mut self, value: &Expr, vars: usize, results: usize) {
        let callee = match &strip_parens(value).kind {
            ExprKind::Call { func, .. } => self.text(func.span).to_owned(),
            _ => self.text(value.span).to_owned(),
        };
        let plural = |n: usize, word: &str| if n == 1 { format!("{n} {word}") } else { format!("{n} {word}s") };
        let msg = if matches!(strip_parens(value).kind, ExprKind::Call { .. }) {
            format!(
                "assignment mismatch: {} but {callee} returns {}",
                plural(vars, "variable"),
                plural(results, "value")
            )
        } else {
            format!("assignment mismatch: {} but {}", plural(vars, "variable"), plural(results, "value"))
        };
        self.error(value.span, msg);
    }

    /// A call with several results, or a comma-ok form (`m[k]`, `<-ch`, `x.(T)`).
    pub(super) fn multi_value(&mut self, e: &Expr, n: usize) -> Option<Operand> {
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
                        if self.types.is_aggregate(value) {
                            // `v, ok := m[k]` copies the struct out of the map.
                            self.emit(Op::Swap);
                            self.emit(Op::Copy);
                            self.emit(Op::Swap);
                        }
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
                self.mismatch_error(e, n, 1);
                None
            }
        }
    }

    pub(super) fn define(&mut self, lhs: &[Ident], rhs: &[Expr], span: Span) {
        // Which names are new in this scope.
        let mut any_new = false;
        let mut existing: Vec<Option<usize>> = Vec::new();
        for name in lhs {
            let found = self.fbs.last().and_then(|fb| {
                fb.scopes.last().and_then(|scope| scope.iter().rev().find(|(n, _)| n == &name.name).map(|(_, i)| *i))
            });
            // A non-name (`t.f := 1`) was reported by the parser and stands as `_`.
            let non_name = name.name == "_" && self.text(name.span) != "_";
            if (found.is_none() && name.name != "_") || non_name {
                any_new = true;
            }
            existing.push(found);
        }
        if !any_new {
            // gc reports it at the `:=`.
            let after = lhs.last().map(|n| n.span.end).unwrap_or(span.start);
            let at = self.src.get(after as usize..).and_then(|rest| rest.find(":=")).map(|i| after + i as u32);
            let at = at.map(|a| Span::new(a, a + 2)).unwrap_or(span);
            self.error(at, "no new variables on left side of :=");
        }
        let context = if lhs.len() > 1 { "multiple assignment" } else { "assignment" };
        let Some(types) = self.rhs_values(rhs, lhs.len(), None, context, span) else {
            // Declare anyway so later uses do not cascade into `undefined`; gc still reports
            // the ones never used.
            for name in lhs {
                if name.name != "_" && self.fbs.last().and_then(|fb| fb.lookup(&name.name)).is_none() {
                    let invalid = self.invalid;
                    self.fb().declare(&name.name, invalid, false, name.span, true);
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
        // `f := func(i int) {}`: f's type reads with the literal's names.
        if lhs.len() == rhs.len() {
            for (name, value) in lhs.iter().zip(rhs) {
                let shown = self.shown.get(&super::shown::ShownKey::Expr(value.span)).cloned();
                if let Some(shown) = shown {
                    self.shown.entry(super::shown::ShownKey::Param(name.span)).or_insert(shown);
                }
            }
        }
    }
}

/// `1st`, `2nd`, `3rd`, `4th`... as gc words function results.
fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (1, 11) | (2, 12) | (3, 13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}
