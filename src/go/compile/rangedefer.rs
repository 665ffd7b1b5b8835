//! `defer` in the body of a range-over-func loop: Go runs it when the function holding the
//! loop returns, not when the body (a closure here) returns. When the loop starts, the holding
//! function defers a marker ([`Native::RangeDefers`]) carrying the loop's token; a `defer` in
//! the body hands its evaluated call and the token to the VM (`Op::DeferRange`), which files
//! the call among the holding function's deferred calls, where Go would have it.

use super::flow::Launch;
use super::Compiler;
use crate::go::ast::{Expr, Span, Stmt, StmtKind};
use crate::go::bytecode::{Native, Op};
use crate::go::types::predeclared as pre;

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
    /// Declares the loop's token `name`, a fresh `*int` for each run of the loop statement,
    /// and defers it as a marker among the holding function's deferred calls.
    pub(super) fn rf_defer_list(&mut self, name: &str, span: Span) {
        self.emit(Op::Zero(pre::INT));
        self.emit(Op::Box);
        let ptr = self.pointer_to(pre::INT);
        let fb = self.fb();
        fb.escaping.insert(name.to_owned());
        let index = fb.declare(name, ptr, true, span, false);
        let slot = fb.locals[index].slot;
        fb.emit(Op::StoreNewRef(slot));
        fb.has_defer = true;
        fb.emit(Op::NativeFunc(Native::RangeDefers));
        self.load_name(name, span);
        self.emit(Op::Defer { argc: 1 });
    }

    /// `defer f(args)` in a loop body: evaluated now, run as a deferred call of the holding
    /// function (so `recover` in `f` works as in Go).
    pub(super) fn rf_defer(&mut self, e: &Expr, token: &str, span: Span) {
        self.go_defer(e, Launch::RangeDefer { token, span });
    }
}
