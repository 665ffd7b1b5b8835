//! `defer` in the body of a range-over-func loop: Go runs it when the function holding the
//! loop returns, not when the body (a closure here) returns. The loop keeps a list of the
//! deferred calls, with their function and arguments evaluated at the `defer`; a deferred
//! call registered in the holding function when the loop starts runs the list, newest first.

use super::expr::{strip_parens, Resolved};
use super::Compiler;
use crate::go::ast::{
    Block, Expr, ExprKind, FuncType, GenDecl, GenKind, Ident, RangeStmt, Span, Spec, Stmt, StmtKind, TypeExpr,
    TypeExprKind,
};
use crate::go::bytecode::Op;
use crate::go::types::{Signature, TypeKind};

fn ident(name: &str, span: Span) -> Expr {
    Expr { kind: ExprKind::Ident(name.to_owned()), span }
}

fn call(func: Expr, args: Vec<Expr>, spread: bool, span: Span) -> Expr {
    Expr { kind: ExprKind::Call { func: Box::new(func), args, spread }, span }
}

fn func_lit(stmts: Vec<Stmt>, span: Span) -> Expr {
    let sig = FuncType { params: Vec::new(), results: Vec::new(), span };
    Expr { kind: ExprKind::FuncLit { sig, body: Block { stmts, span } }, span }
}

/// Whether a loop body holds a `defer` of its own (in nested blocks and loops, not in
/// function literals).
pub fn has_defer(stmts: &[Stmt]) -> bool {
    stmts.iter().any(|s| match &s.kind {
        StmtKind::Defer(_) => true,
        StmtKind::Block(b) => has_defer(&b.stmts),
        StmtKind::If(i) => {
            has_defer(&i.then.stmts) || i.els.as_ref().is_some_and(|e| has_defer(std::slice::from_ref(e)))
        }
        StmtKind::For(f) => has_defer(&f.body.stmts),
        StmtKind::Range(r) => has_defer(&r.body.stmts),
        StmtKind::Switch(sw) => sw.clauses.iter().any(|c| has_defer(&c.body)),
        StmtKind::TypeSwitch(ts) => ts.clauses.iter().any(|c| has_defer(&c.body)),
        StmtKind::Select(cs) => cs.iter().any(|c| has_defer(&c.body)),
        StmtKind::Labeled { stmt, .. } => has_defer(std::slice::from_ref(stmt.as_ref())),
        _ => false,
    })
}

impl<'a> Compiler<'a> {
    /// Declares the loop's list of deferred calls, named `name`, and defers its runner.
    pub(super) fn rf_defer_list(&mut self, name: &str, span: Span) {
        let unit = self.types.intern(TypeKind::Func(Signature { params: vec![], results: vec![], variadic: false }));
        let list_ty = self.types.intern(TypeKind::Slice(unit));
        self.emit(Op::Zero(list_ty));
        let fb = self.fb();
        fb.escaping.insert(name.to_owned());
        let index = fb.declare(name, list_ty, true, span, false);
        let slot = fb.locals[index].slot;
        fb.emit(Op::StoreNewRef(slot));
        // `defer func() { for _, f := range list { defer f() } }()`: each call is deferred by
        // the runner, so one that panics does not stop the others.
        let each = Stmt { kind: StmtKind::Defer(call(ident("#f", span), Vec::new(), false, span)), span };
        let range = RangeStmt {
            key: Some(ident("_", span)),
            value: Some(ident("#f", span)),
            define: true,
            expr: ident(name, span),
            body: Block { stmts: vec![each], span },
        };
        let runner = func_lit(vec![Stmt { kind: StmtKind::Range(Box::new(range)), span }], span);
        let closures = self.fb().closures;
        self.stmt(&Stmt { kind: StmtKind::Defer(call(runner, Vec::new(), false, span)), span });
        self.fb().closures = closures;
    }

    /// `defer f(args)` in a loop body: `f` and the arguments are evaluated now, and a closure
    /// calling them joins the loop's list.
    pub(super) fn rf_defer(&mut self, e: &Expr, list: &str, span: Span) {
        let ExprKind::Call { func, args, spread } = &strip_parens(e).kind else {
            self.error(e.span, "expression in defer must be function call");
            return;
        };
        self.fb().has_defer = true;
        self.fb().open_scope();
        let callee = strip_parens(func);
        let builtin = match &callee.kind {
            ExprKind::Ident(n) => matches!(self.peek_resolve(n), Some(Resolved::Entity(super::Entity::Builtin(_)))),
            _ => false,
        };
        let mut sig: Option<Signature> = None;
        let target = if builtin {
            callee.clone()
        } else {
            self.hidden_define("#df", callee.clone(), span);
            let ty = self.fb().lookup("#df").map(|i| self.fb().locals[i].ty);
            sig = ty.and_then(|t| self.sig(t));
            if sig.is_none() {
                self.fb().close_scope();
                return;
            }
            ident("#df", span)
        };
        let types_len = self.local_types.len();
        let mut passed = Vec::new();
        for (i, arg) in args.iter().enumerate() {
            let name = format!("#da{i}");
            let param = sig.as_ref().and_then(|s| {
                let fixed = if s.variadic { s.params.len().saturating_sub(1) } else { s.params.len() };
                match (s.params.get(i.min(s.params.len().saturating_sub(1))), i >= fixed && s.variadic && !*spread) {
                    (Some(&t), true) => match self.types.under(t) {
                        TypeKind::Slice(elem) => Some(*elem),
                        _ => Some(t),
                    },
                    (Some(&t), false) if i < s.params.len() => Some(t),
                    _ => None,
                }
            });
            match param {
                Some(t) => {
                    let tname = format!("#dt{i}");
                    self.local_types.push((tname.clone(), t));
                    let ty = TypeExpr { kind: TypeExprKind::Name(tname), span: arg.span };
                    let names = vec![Ident { name: name.clone(), span: arg.span }];
                    let spec = Spec::Value { names, ty: Some(ty), values: vec![arg.clone()], iota: 0, span: arg.span };
                    let decl = GenDecl { kind: GenKind::Var, specs: vec![spec], span: arg.span };
                    self.fb().escaping.insert(name.clone());
                    self.stmt(&Stmt { kind: StmtKind::Decl(decl), span: arg.span });
                }
                None => self.hidden_define(&name, arg.clone(), arg.span),
            }
            passed.push(ident(&name, arg.span));
        }
        let thunk = func_lit(vec![Stmt { kind: StmtKind::Expr(call(target, passed, *spread, span)), span }], span);
        let append = call(ident("append", span), vec![ident(list, span), thunk], false, span);
        let closures = self.fb().closures;
        self.stmt(&Stmt { kind: StmtKind::Assign { lhs: vec![ident(list, span)], op: None, rhs: vec![append] }, span });
        self.fb().closures = closures;
        self.local_types.truncate(types_len);
        self.fb().close_scope();
    }

    /// `name := value`, boxed (the deferred closure shares it).
    fn hidden_define(&mut self, name: &str, value: Expr, span: Span) {
        self.fb().escaping.insert(name.to_owned());
        let lhs = vec![Ident { name: name.to_owned(), span }];
        self.stmt(&Stmt { kind: StmtKind::Define { lhs, rhs: vec![value] }, span });
    }
}
