//! Which variables of a function body must live in a shared cell: those whose address is
//! taken (`&x`, or `x.M()` with a pointer method, decided later with the type) and those a
//! closure refers to. Decided by name, conservatively: boxing a variable that did not need
//! it only costs speed.

use std::collections::HashSet;

use crate::go::ast::{Block, Element, Expr, ExprKind, SelectComm, Stmt, StmtKind, UnaryOp};

/// Names to box in `body` (and in the closures inside it, which get their own analysis too).
/// `rangefuncs`: range loops over functions (by their range expression's start), whose
/// bodies are closures.
pub fn escaping(body: &Block, rangefuncs: &HashSet<u32>) -> HashSet<String> {
    let mut v = Visitor { out: HashSet::new(), closure_depth: 0, all: false, rangefuncs };
    v.block(body);
    v.out
}

/// Every name a statement mentions (after an error in it, gc counts them all as used).
pub fn names_in(stmt: &Stmt) -> HashSet<String> {
    let none = HashSet::new();
    let mut v = Visitor { out: HashSet::new(), closure_depth: 0, all: true, rangefuncs: &none };
    v.stmt(stmt);
    v.out
}

struct Visitor<'r> {
    out: HashSet<String>,
    closure_depth: u32,
    /// Collect every identifier, not only escaping ones.
    all: bool,
    rangefuncs: &'r HashSet<u32>,
}

impl Visitor<'_> {
    fn block(&mut self, b: &Block) {
        for s in &b.stmts {
            self.stmt(s);
        }
    }

    fn stmts(&mut self, stmts: &[Stmt]) {
        for s in stmts {
            self.stmt(s);
        }
    }

    fn opt_stmt(&mut self, s: &Option<Stmt>) {
        if let Some(s) = s {
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::Empty
            | StmtKind::Break(_)
            | StmtKind::Continue(_)
            | StmtKind::Goto(_)
            | StmtKind::Fallthrough => {}
            StmtKind::Expr(e) | StmtKind::Go(e) | StmtKind::Defer(e) => self.expr(e),
            StmtKind::Decl(gen) => {
                for spec in &gen.specs {
                    if let crate::go::ast::Spec::Value { values, .. } = spec {
                        values.iter().for_each(|e| self.expr(e));
                    }
                }
            }
            StmtKind::Define { rhs, .. } => rhs.iter().for_each(|e| self.expr(e)),
            StmtKind::Assign { lhs, rhs, .. } => {
                lhs.iter().chain(rhs.iter()).for_each(|e| self.expr(e));
            }
            StmtKind::IncDec { target, .. } => self.expr(target),
            StmtKind::Send { chan, value } => {
                self.expr(chan);
                self.expr(value);
            }
            StmtKind::Return(es) => es.iter().for_each(|e| self.expr(e)),
            StmtKind::Block(b) => self.block(b),
            StmtKind::If(i) => {
                self.opt_stmt(&i.init);
                self.expr(&i.cond);
                self.block(&i.then);
                self.opt_stmt(&i.els);
            }
            StmtKind::For(f) => {
                self.opt_stmt(&f.init);
                if let Some(c) = &f.cond {
                    self.expr(c);
                }
                self.opt_stmt(&f.post);
                self.block(&f.body);
            }
            StmtKind::Range(r) => {
                self.expr(&r.expr);
                let func = self.rangefuncs.contains(&r.expr.span.start);
                self.closure_depth += u32::from(func);
                for e in r.key.iter().chain(r.value.iter()) {
                    self.expr(e);
                }
                self.block(&r.body);
                self.closure_depth -= u32::from(func);
            }
            StmtKind::Switch(sw) => {
                self.opt_stmt(&sw.init);
                if let Some(t) = &sw.tag {
                    self.expr(t);
                }
                for c in &sw.clauses {
                    c.exprs.iter().for_each(|e| self.expr(e));
                    self.stmts(&c.body);
                }
            }
            StmtKind::TypeSwitch(ts) => {
                self.opt_stmt(&ts.init);
                self.expr(&ts.expr);
                for c in &ts.clauses {
                    self.stmts(&c.body);
                }
            }
            StmtKind::Select(clauses) => {
                for c in clauses {
                    match &c.comm {
                        // Skipped by the compiler, as types2 skips it.
                        SelectComm::Default | SelectComm::Invalid(_) => {}
                        SelectComm::Send { chan, value } => {
                            self.expr(chan);
                            self.expr(value);
                        }
                        SelectComm::Recv { value, ok, chan, .. } => {
                            for e in value.iter().chain(ok.iter()) {
                                self.expr(e);
                            }
                            self.expr(chan);
                        }
                    }
                    self.stmts(&c.body);
                }
            }
            StmtKind::Labeled { stmt, .. } => self.stmt(stmt),
        }
    }

    fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Ident(name) => {
                if self.closure_depth > 0 || self.all {
                    self.out.insert(name.clone());
                }
            }
            ExprKind::Unary { op: UnaryOp::Addr, expr } => {
                if let Some(name) = root_name(expr) {
                    self.out.insert(name.to_owned());
                }
                self.expr(expr);
            }
            ExprKind::Call { func, args, .. } => {
                // `x.M()` may take `&x` implicitly (pointer receiver): box scalars named so.
                if let ExprKind::Selector { expr, .. } = &func.kind {
                    if let ExprKind::Ident(name) = &expr.kind {
                        self.out.insert(format!("{name}\u{0}method"));
                    }
                }
                self.expr(func);
                args.iter().for_each(|a| self.expr(a));
            }
            ExprKind::FuncLit { body, .. } => {
                self.closure_depth += 1;
                self.block(body);
                self.closure_depth -= 1;
            }
            ExprKind::Composite { elems, .. } => {
                for Element { key, value } in elems {
                    if let Some(k) = key {
                        self.expr(k);
                    }
                    self.expr(value);
                }
            }
            ExprKind::Paren(x) | ExprKind::Star(x) | ExprKind::Recv(x) => self.expr(x),
            ExprKind::Unary { expr, .. } => self.expr(expr),
            ExprKind::Selector { expr, .. } => self.expr(expr),
            ExprKind::Index { expr, index } => {
                self.expr(expr);
                self.expr(index);
            }
            ExprKind::IndexList { expr, indices } => {
                self.expr(expr);
                indices.iter().for_each(|i| self.expr(i));
            }
            ExprKind::Slice { expr, lo, hi, max } => {
                self.expr(expr);
                for b in [lo, hi, max].into_iter().flatten() {
                    self.expr(b);
                }
            }
            ExprKind::TypeAssert { expr, .. } => self.expr(expr),
            ExprKind::Binary { lhs, rhs, .. } => {
                self.expr(lhs);
                self.expr(rhs);
            }
            ExprKind::Int(_)
            | ExprKind::Float(_)
            | ExprKind::Imag(_)
            | ExprKind::Char(_)
            | ExprKind::Str(_)
            | ExprKind::Type(_)
            | ExprKind::Bad => {}
        }
    }
}

/// The variable at the root of `x`, `x.f`, `x[i]` (not through pointers or slices: those
/// are already shared), for `&`.
fn root_name(e: &Expr) -> Option<&str> {
    match &e.kind {
        ExprKind::Ident(name) => Some(name),
        ExprKind::Paren(x) => root_name(x),
        ExprKind::Selector { expr, .. } | ExprKind::Index { expr, .. } => root_name(expr),
        _ => None,
    }
}
