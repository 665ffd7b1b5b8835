//! `for x := range f` over a function (Go 1.23 iterators), compiled as Go's compiler
//! rewrites it: the loop body becomes a closure `func(x T) bool` passed to `f` as `yield`.
//!
//! Hidden variables of the function holding the loop carry what the body decided: `state`
//! (Go's `abi.RF_*`: a `yield` call after the body said stop, or after a panic, is a run-time
//! error) and `next` (a `return`, or a `break`/`continue` to a label outside the loop, is done
//! after `f` returns). The body closure captures user variables, so the variables it names
//! must be boxed: [`super::escape`] learns which loops range over functions from a first pass
//! (see `compile`).

use super::func::FuncBuilder;
use super::Compiler;
use crate::go::ast::{Block, Expr, ExprKind, Ident, IfStmt, RangeStmt, Span, Stmt, StmtKind};
use crate::go::bytecode::{Native, Op};
use crate::go::types::{predeclared as pre, Signature, TypeId, TypeKind};

/// Go's `abi.RF_DONE`, `RF_READY`, `RF_PANIC`, `RF_EXHAUSTED`.
const DONE: i32 = 0;
const READY: i32 = 1;
const PANIC: i32 = 2;
const EXHAUSTED: i32 = 3;

/// `next` codes: 0 goes on; these, then one per branch to an outer label.
const NEXT_RETURN_VALUES: i32 = 1;
const NEXT_RETURN_BARE: i32 = 2;
const NEXT_FIRST_EXIT: i32 = 3;

/// What the body closure of a range-over-func loop needs to rewrite `break`, `continue` and
/// `return`.
#[derive(Clone, Debug)]
pub struct RangeFunc {
    state: String,
    next: String,
    /// Temporaries holding the values of a `return` in the body, and their types (the
    /// results of the function that holds the loop).
    rets: Vec<String>,
    results: Vec<TypeId>,
    named_results: bool,
    label: Option<String>,
    /// Branches to labels outside the loop: (label, is `break`), coded `NEXT_FIRST_EXIT + i`.
    exits: Vec<(Ident, bool)>,
    /// The list of the body's deferred calls (see `rangedefer.rs`), if it defers any.
    defers: Option<String>,
}

fn ident(name: &str, span: Span) -> Expr {
    Expr { kind: ExprKind::Ident(name.to_owned()), span }
}

impl<'a> Compiler<'a> {
    /// The loop over a function value on top of the stack, of type `xt`.
    pub(super) fn range_func(&mut self, r: &RangeStmt, x: &super::expr::Operand, xt: TypeId, label: Option<String>) {
        let Some((yield_sig, yield_ty)) = self.iterator_sig(x, xt, r.expr.span) else { return };
        let n = yield_sig.params.len();
        if let Some(k) = &r.key {
            let (extra, what) = match (n, &r.value) {
                (0, _) => (Some(k.span), "no iteration variables"),
                (1, Some(v)) => (Some(v.span), "only one iteration variable"),
                _ => (None, ""),
            };
            if let Some(at) = extra {
                self.error(at, format!("range over {} permits {what}", self.describe(x)));
                return;
            }
        }
        self.rangefuncs_found.insert(r.expr.span.start);
        let span = r.expr.span;
        let f = self.fb().temp(xt);
        self.emit(Op::Store(f));

        // The hidden variables, boxed: the body closure shares them.
        let outer = self.fb().rangefunc.clone();
        let (results, named_results) = match &outer {
            Some(o) => (o.results.clone(), o.named_results),
            None => (self.fb().results.clone(), self.fb().named_results),
        };
        let fb = self.fb();
        fb.ranges += 1;
        let tag = format!("#rf{}.{}", fb.ranges, span.start);
        let state = format!("{tag}.state");
        let next = format!("{tag}.next");
        let rets: Vec<String> = (0..results.len()).map(|i| format!("{tag}.r{i}")).collect();
        let inits = [(&state, pre::INT, Op::SmallInt(READY)), (&next, pre::INT, Op::SmallInt(0))];
        let zeros = rets.iter().zip(results.clone()).map(|(name, ty)| (name, ty, Op::Zero(ty)));
        for (name, ty, value) in inits.into_iter().chain(zeros) {
            self.emit(value);
            let fb = self.fb();
            fb.escaping.insert(name.clone());
            let index = fb.declare(name, ty, true, span, false);
            let slot = fb.locals[index].slot;
            fb.emit(Op::StoreNewRef(slot));
        }
        // Deferred calls of the body go to the list of the loop holding this one, if any.
        let defers = match outer.as_ref().and_then(|o| o.defers.clone()) {
            Some(list) => Some(list),
            None if super::rangedefer::has_defer(&r.body.stmts) => {
                let list = format!("{tag}.defers");
                self.rf_defer_list(&list, span);
                Some(list)
            }
            None => None,
        };
        let ctx = RangeFunc { state, next, rets, results, named_results, label, exits: Vec::new(), defers };

        self.emit(Op::Load(f));
        let Some(ctx) = self.range_body(r, &yield_sig, yield_ty, ctx) else { return };
        self.emit(Op::CallValue { argc: 1 });
        // The iterator returned: a body panic it swallowed is an error; later calls of
        // `yield` find the loop exhausted.
        self.load_name(&ctx.state, span);
        self.emit(Op::CallNative { native: Native::RangeFuncExit, argc: 1 });
        self.set_int(&ctx.state, EXHAUSTED, span);
        self.dispatch_next(&ctx, span);
    }

    /// The signature of `yield` if `xt` is `func(yield func(...) bool)`, else gc's error.
    fn iterator_sig(&mut self, x: &super::expr::Operand, xt: TypeId, span: Span) -> Option<(Signature, TypeId)> {
        let TypeKind::Func(sig) = self.types.under(xt).clone() else { return None };
        let problem = if sig.params.len() != 1 {
            "wrong argument count"
        } else if !sig.results.is_empty() {
            "unexpected results"
        } else {
            let yield_ty = sig.params[0];
            match self.types.under(yield_ty).clone() {
                TypeKind::Func(ys) if ys.params.len() > 2 => "yield func has too many parameters",
                TypeKind::Func(ys) if ys.results.len() == 1 && ys.results[0] == pre::BOOL => {
                    return Some((ys, yield_ty));
                }
                TypeKind::Func(ys) if ys.results.len() == 1 && self.types.under(ys.results[0]) == &TypeKind::Bool => {
                    "yield func returns user-defined boolean, not bool"
                }
                TypeKind::Func(_) => "yield func does not return bool",
                _ => "argument is not func",
            }
        };
        let d = self.describe(x);
        self.error(span, format!("cannot range over {d}: func must be func(yield func(...) bool): {problem}"));
        None
    }

    /// Compiles the loop body as a closure and pushes it; gives back the context with the
    /// outer branches the body used.
    fn range_body(&mut self, r: &RangeStmt, sig: &Signature, _yield_ty: TypeId, ctx: RangeFunc) -> Option<RangeFunc> {
        let span = r.expr.span;
        let fb = self.fb();
        let name = format!("{}-range{}", fb.proto.name, fb.ranges);
        let line = self.line_of(span);
        let id = self.reserve_func(name.clone(), line);
        let escaping = super::escape::escaping(&r.body, &self.rangefuncs);
        let mut fb = FuncBuilder::new(name, line, escaping);
        fb.rangefunc = Some(Box::new(ctx));
        self.fbs.push(fb);
        self.fb().open_scope();
        // Parameters: the iteration variables when declared (`:=`), else hidden ones.
        let vars = [&r.key, &r.value];
        let mut to_box = Vec::new();
        let mut assigned = Vec::new();
        for (i, &ty) in sig.params.iter().enumerate() {
            let var = vars.get(i).and_then(|v| v.as_ref());
            let (pname, pspan) = match var {
                Some(Expr { kind: ExprKind::Ident(n), span }) if r.define => (n.clone(), *span),
                Some(e) if r.define => {
                    self.error(e.span, format!("non-name {} on left side of :=", self.text(e.span)));
                    ("_".to_owned(), e.span)
                }
                _ => ("_".to_owned(), span),
            };
            let boxed = pname != "_" && self.needs_box(&pname, ty);
            let fb = self.fb();
            let index = fb.declare(&pname, ty, boxed, pspan, r.define && pname != "_");
            let slot = fb.locals[index].slot;
            if boxed {
                to_box.push(slot);
            }
            if let (Some(e), false) = (var, r.define) {
                assigned.push((e, slot, ty));
            }
        }
        let fb = self.fb();
        fb.proto.params = sig.params.len() as u16;
        fb.proto.results = 1;
        fb.results = sig.results.clone();
        fb.declare("_", pre::BOOL, false, span, false);
        for slot in to_box {
            self.emit(Op::Load(slot));
            self.emit(Op::StoreNewRef(slot));
        }
        // Go's check on entry: the loop must still be running.
        let state = self.fb().rangefunc.as_ref().map(|c| c.state.clone()).unwrap_or_default();
        self.load_name(&state, span);
        self.emit(Op::CallNative { native: Native::RangeFuncCheck, argc: 1 });
        self.set_int(&state, PANIC, span);
        for (e, slot, ty) in assigned {
            self.emit(Op::Load(slot));
            self.range_assign(e, ty, false);
        }
        self.fb().open_scope();
        self.stmts(&r.body.stmts);
        self.fb().close_scope();
        self.set_int(&state, READY, span);
        self.yield_return(true);
        self.fb().close_scope();
        let mut fb = self.fbs.pop()?;
        let ctx = fb.rangefunc.take();
        self.make_closure(fb, id);
        ctx.map(|c| *c)
    }

    /// After the iterator returned: the `return` or outer branch the body asked for.
    fn dispatch_next(&mut self, ctx: &RangeFunc, span: Span) {
        let mut cases: Vec<(i32, Stmt)> = Vec::new();
        let stmt = |kind| Stmt { kind, span };
        cases.push((
            NEXT_RETURN_VALUES,
            stmt(StmtKind::Return(ctx.rets.iter().map(|name| ident(name, span)).collect())),
        ));
        cases.push((NEXT_RETURN_BARE, stmt(StmtKind::Return(Vec::new()))));
        for (i, (label, is_break)) in ctx.exits.iter().enumerate() {
            let l = Some(label.clone());
            let kind = if *is_break { StmtKind::Break(l) } else { StmtKind::Continue(l) };
            cases.push((NEXT_FIRST_EXIT + i as i32, stmt(kind)));
        }
        for (code, then) in cases {
            let used = match code {
                NEXT_RETURN_VALUES => self.rf_returns.contains(&(ctx.next.clone(), true)),
                NEXT_RETURN_BARE => self.rf_returns.contains(&(ctx.next.clone(), false)),
                _ => true,
            };
            if !used {
                continue;
            }
            let cond = Expr {
                kind: ExprKind::Binary {
                    op: crate::go::ast::BinaryOp::Eq,
                    lhs: Box::new(ident(&ctx.next, span)),
                    rhs: Box::new(Expr { kind: ExprKind::Int(code.to_string()), span }),
                },
                span,
            };
            let if_stmt = IfStmt { init: None, cond, then: Block { stmts: vec![then], span }, els: None };
            self.stmt(&stmt(StmtKind::If(Box::new(if_stmt))));
        }
    }

    /// `return` in a loop body: the values go to the loop's temporaries, the body stops the
    /// loop, and the function holding the loop returns them.
    pub(super) fn rf_return(&mut self, es: &[Expr], span: Span) {
        let Some(ctx) = self.fb().rangefunc.clone() else { return };
        if es.is_empty() {
            if !ctx.results.is_empty() && !ctx.named_results {
                let want = self.tuple_names(&ctx.results);
                self.error(span, format!("not enough return values\n\thave ()\n\twant {want}"));
                return;
            }
            self.rf_returns.insert((ctx.next.clone(), false));
            self.rf_stop(&ctx, NEXT_RETURN_BARE, span);
            return;
        }
        if es.len() == ctx.results.len() {
            for (e, ty) in es.iter().zip(&ctx.results) {
                if self.value(e, Some(*ty), "return statement").is_none() {
                    return;
                }
            }
            for name in ctx.rets.iter().rev() {
                let Some((place, _)) = self.place(&ident(name, span)) else { return };
                self.store(place);
            }
        } else if es.len() == 1 && ctx.rets.len() > 1 {
            let lhs = ctx.rets.iter().map(|n| ident(n, span)).collect();
            self.stmt(&Stmt { kind: StmtKind::Assign { lhs, op: None, rhs: es.to_vec() }, span });
        } else {
            let mark = self.fb().here();
            let ops: Vec<super::expr::Operand> = es.iter().map(|e| self.expr(e, None)).collect();
            self.truncate_to(mark);
            let have = self.have_list(&ops);
            let want = self.tuple_names(&ctx.results);
            let which = if es.len() > ctx.results.len() { "too many" } else { "not enough" };
            let at = es.get(ctx.results.len()).or(es.last()).map_or(span, |e| e.span);
            self.error(at, format!("{which} return values\n\thave {have}\n\twant {want}"));
            return;
        }
        self.rf_returns.insert((ctx.next.clone(), true));
        self.rf_stop(&ctx, NEXT_RETURN_VALUES, span);
    }

    /// `defer` in a loop body.
    pub(super) fn rf_defer_stmt(&mut self, e: &Expr, span: Span) {
        match self.fb().rangefunc.as_ref().and_then(|c| c.defers.clone()) {
            Some(list) => self.rf_defer(e, &list, span),
            None => self.error(span, "internal error: defer list of a range-over-func loop"),
        }
    }

    /// `break`/`continue` with no target inside the body closure: `None` if this is not a
    /// loop body (the caller reports the error).
    pub(super) fn rf_branch(&mut self, label: Option<&Ident>, is_break: bool, span: Span) -> Option<()> {
        let ctx = self.fb().rangefunc.clone()?;
        let own = label.is_none_or(|l| ctx.label.as_deref() == Some(l.name.as_str()));
        if own {
            if let Some(l) = label {
                self.mark_label_used(&l.name);
            }
            if is_break {
                self.set_int(&ctx.state, DONE, span);
                self.yield_return(false);
            } else {
                self.set_int(&ctx.state, READY, span);
                self.yield_return(true);
            }
            return Some(());
        }
        let l = label?.clone();
        let code = {
            let c = self.fb().rangefunc.as_mut()?;
            c.exits.push((l, is_break));
            NEXT_FIRST_EXIT + c.exits.len() as i32 - 1
        };
        self.rf_stop(&ctx, code, span);
        Some(())
    }

    fn mark_label_used(&mut self, name: &str) {
        for fb in self.fbs.iter_mut().rev() {
            if let Some(entry) = fb.labels.iter_mut().rev().find(|(n, _)| n == name) {
                entry.1 = true;
                return;
            }
        }
    }

    /// The body stops the loop and leaves `code` for the code after the iterator call.
    fn rf_stop(&mut self, ctx: &RangeFunc, code: i32, span: Span) {
        self.set_int(&ctx.next, code, span);
        self.set_int(&ctx.state, DONE, span);
        self.yield_return(false);
    }

    fn yield_return(&mut self, go_on: bool) {
        let params = self.fb().proto.params;
        self.emit(Op::Bool(go_on));
        self.emit(Op::Store(params));
        self.emit_return();
    }

    pub(super) fn load_name(&mut self, name: &str, span: Span) {
        self.expr(&ident(name, span), None);
    }

    fn set_int(&mut self, name: &str, v: i32, span: Span) {
        self.emit(Op::SmallInt(v));
        if let Some((place, _)) = self.place(&ident(name, span)) {
            self.store(place);
        }
    }
}
