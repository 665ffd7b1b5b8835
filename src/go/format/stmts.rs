//! Statements as go/printer prints them: `stmtList` (one blank line kept, none at a block's
//! edges), blocks, `if`/`for`/`switch`/`select` headers, case clauses at the switch's
//! indentation, labels one level out, `else` after `}`.

use super::exprs::{Item, NO_INDENT};
use super::printer::{Printer, Ws};
use crate::go::ast::{
    Block, CaseClause, Expr, ExprKind, ForStmt, IfStmt, RangeStmt, SelectClause, SelectComm, Stmt, StmtKind,
    SwitchStmt, TypeCaseClause, TypeExprKind, TypeSwitchStmt, UnaryOp,
};
use crate::go::token::Tok;

/// A statement, or a clause go/ast keeps as a statement in a switch or select body.
#[derive(Clone, Copy)]
enum S<'e> {
    Stmt(&'e Stmt),
    Case(&'e CaseClause),
    TypeCase(&'e TypeCaseClause),
    Comm(&'e SelectClause),
}

impl S<'_> {
    fn start(self) -> usize {
        (match self {
            S::Stmt(s) => s.span.start,
            S::Case(c) => c.span.start,
            S::TypeCase(c) => c.span.start,
            S::Comm(c) => c.span.start,
        }) as usize
    }
}

fn assign_tok(op: Option<crate::go::ast::BinaryOp>) -> &'static str {
    use crate::go::ast::BinaryOp::*;
    match op {
        None => "=",
        Some(Add) => "+=",
        Some(Sub) => "-=",
        Some(Mul) => "*=",
        Some(Div) => "/=",
        Some(Rem) => "%=",
        Some(And) => "&=",
        Some(Or) => "|=",
        Some(Xor) => "^=",
        Some(Shl) => "<<=",
        Some(Shr) => ">>=",
        Some(AndNot) => "&^=",
        Some(_) => "=",
    }
}

/// An `init` or `post` that is really there (`for ; c ; {}` has none).
fn present(s: &Option<Stmt>) -> Option<&Stmt> {
    s.as_ref().filter(|s| !matches!(s.kind, StmtKind::Empty))
}

/// go/printer's `stripParensAlways`.
fn unparen(x: &Expr) -> &Expr {
    let mut x = x;
    while let ExprKind::Paren(inner) = &x.kind {
        x = inner;
    }
    x
}

/// go/printer's `stripParens`: `if (x) {` loses its parentheses unless they keep a
/// composite literal `T{}` from reading as the block.
fn strip_parens(x: &Expr) -> &Expr {
    let ExprKind::Paren(inner) = &x.kind else { return x };
    if has_typed_composite(inner) {
        return x;
    }
    strip_parens(inner)
}

/// Whether a composite literal with a named type occurs outside nested parentheses.
fn has_typed_composite(x: &Expr) -> bool {
    match &x.kind {
        ExprKind::Paren(_) | ExprKind::FuncLit { .. } => false,
        ExprKind::Composite { ty, elems } => {
            ty.as_ref().is_some_and(|t| matches!(t.kind, TypeExprKind::Name(_) | TypeExprKind::Qualified { .. }))
                || elems
                    .iter()
                    .any(|e| e.key.as_ref().is_some_and(has_typed_composite) || has_typed_composite(&e.value))
        }
        ExprKind::Binary { lhs, rhs, .. } => has_typed_composite(lhs) || has_typed_composite(rhs),
        ExprKind::Unary { expr, .. }
        | ExprKind::Star(expr)
        | ExprKind::Recv(expr)
        | ExprKind::Selector { expr, .. }
        | ExprKind::TypeAssert { expr, .. } => has_typed_composite(expr),
        ExprKind::Index { expr, index } => has_typed_composite(expr) || has_typed_composite(index),
        ExprKind::Slice { expr, lo, hi, max } => {
            has_typed_composite(expr) || [lo, hi, max].iter().any(|e| e.as_deref().is_some_and(has_typed_composite))
        }
        ExprKind::Call { func, args, .. } => has_typed_composite(func) || args.iter().any(has_typed_composite),
        ExprKind::IndexList { expr, indices } => has_typed_composite(expr) || indices.iter().any(has_typed_composite),
        _ => false,
    }
}

fn is_composite_lit_like(x: &Expr) -> bool {
    match &unparen(x).kind {
        ExprKind::Composite { .. } => true,
        ExprKind::Unary { op: UnaryOp::Addr, expr } => matches!(unparen(expr).kind, ExprKind::Composite { .. }),
        _ => false,
    }
}

impl Printer<'_, '_> {
    fn stmt_list(&mut self, list: &[S], nindent: usize, next_is_rbrace: bool) {
        if nindent > 0 {
            self.ws(Ws::Indent);
        }
        let slot = self.new_slot();
        let mut i = 0;
        let n = list.len();
        for (k, &s) in list.iter().enumerate() {
            if matches!(s, S::Stmt(Stmt { kind: StmtKind::Empty, .. })) {
                continue;
            }
            if !self.output.is_empty() {
                let new_section = i == 0 || nindent == 0 || self.lines_from(slot) > 0;
                self.linebreak(self.line_for(s.start()), 1, Ws::Ignore, new_section);
            }
            self.record_line(slot);
            self.any_stmt(s, next_is_rbrace && k + 1 == n);
            let mut t = s;
            while let S::Stmt(Stmt { kind: StmtKind::Labeled { stmt, .. }, .. }) = t {
                if let Some(v) = self.slots.get_mut(slot) {
                    *v += 1;
                }
                t = S::Stmt(stmt);
            }
            i += 1;
        }
        if nindent > 0 {
            self.ws(Ws::Unindent);
        }
    }

    pub fn block(&mut self, b: &Block, nindent: usize) {
        let list: Vec<S> = b.stmts.iter().map(S::Stmt).collect();
        self.braced(&list, b.span.start as usize, (b.span.end as usize).saturating_sub(1), nindent);
    }

    fn braced(&mut self, list: &[S], lbrace: usize, rbrace: usize, nindent: usize) {
        self.set_pos(lbrace);
        self.tok("{");
        self.stmt_list(list, nindent, true);
        self.linebreak(self.line_for(rbrace), 1, Ws::Ignore, true);
        self.set_pos(rbrace);
        self.tok("}");
    }

    fn control_clause(&mut self, is_for: bool, init: Option<&Stmt>, expr: Option<&Expr>, post: Option<&Stmt>) {
        self.ws(Ws::Blank);
        let mut needs_blank = false;
        if init.is_none() && post.is_none() {
            if let Some(e) = expr {
                self.expr(strip_parens(e));
                needs_blank = true;
            }
        } else {
            if let Some(s) = init {
                self.stmt(s, false);
            }
            self.tok(";");
            self.ws(Ws::Blank);
            if let Some(e) = expr {
                self.expr(strip_parens(e));
                needs_blank = true;
            }
            if is_for {
                self.tok(";");
                self.ws(Ws::Blank);
                needs_blank = false;
                if let Some(s) = post {
                    self.stmt(s, false);
                    needs_blank = true;
                }
            }
        }
        if needs_blank {
            self.ws(Ws::Blank);
        }
    }

    /// go/printer's `indentList`: whether a multi-line `return` list gets indented.
    fn indent_list(&self, list: &[Expr]) -> bool {
        let (Some(first), Some(last)) = (list.first(), list.last()) else { return false };
        if list.len() < 2 {
            return false;
        }
        let b = self.line_for(first.span.start as usize);
        let e = self.line_for(last.span.end as usize);
        if 0 < b && b < e {
            let mut n = 0;
            let mut line = b;
            for x in list {
                let xb = self.line_for(x.span.start as usize);
                let xe = self.line_for(x.span.end as usize);
                if line < xb {
                    return true;
                }
                if xb < xe && !is_composite_lit_like(x) {
                    n += 1;
                }
                line = xe;
            }
            return n > 1;
        }
        false
    }

    fn any_stmt(&mut self, s: S, next_is_rbrace: bool) {
        match s {
            S::Stmt(s) => self.stmt(s, next_is_rbrace),
            S::Case(c) => {
                self.set_pos(c.span.start as usize);
                let colon = (c.span.end as usize).saturating_sub(1);
                if c.is_default {
                    self.tok("default");
                } else {
                    self.tok("case");
                    self.ws(Ws::Blank);
                    let items: Vec<Item> = c.exprs.iter().map(Item::E).collect();
                    self.expr_list(Some(c.span.start as usize), &items, 1, 0, Some(colon));
                }
                self.set_pos(colon);
                self.tok(":");
                let body: Vec<S> = c.body.iter().map(S::Stmt).collect();
                self.stmt_list(&body, 1, next_is_rbrace);
            }
            S::TypeCase(c) => {
                self.set_pos(c.span.start as usize);
                let colon = (c.span.end as usize).saturating_sub(1);
                if c.is_default {
                    self.tok("default");
                } else {
                    self.tok("case");
                    self.ws(Ws::Blank);
                    self.type_list(c);
                }
                self.set_pos(colon);
                self.tok(":");
                let body: Vec<S> = c.body.iter().map(S::Stmt).collect();
                self.stmt_list(&body, 1, next_is_rbrace);
            }
            S::Comm(c) => {
                self.set_pos(c.span.start as usize);
                match &c.comm {
                    SelectComm::Default => self.tok("default"),
                    comm => {
                        self.tok("case");
                        self.ws(Ws::Blank);
                        self.comm(comm, c.span.start as usize);
                    }
                }
                self.set_pos((c.span.end as usize).saturating_sub(1));
                self.tok(":");
                let body: Vec<S> = c.body.iter().map(S::Stmt).collect();
                self.stmt_list(&body, 1, next_is_rbrace);
            }
        }
    }

    /// The types of a type switch case (`nil` is kept as `None`: found back in the tokens).
    fn type_list(&mut self, c: &TypeCaseClause) {
        let mut from = c.span.start as usize + "case".len();
        for (i, t) in c.types.iter().enumerate() {
            // `nil` is kept as `None`: found back in the tokens.
            let start = t.as_ref().map_or_else(|| self.src.find(Tok::Name, from), |t| t.span.start as usize);
            if i > 0 {
                self.set_pos(start);
                self.tok(",");
                self.ws(Ws::Blank);
            }
            match t {
                Some(t) => {
                    self.type_expr(t);
                    from = t.span.end as usize;
                }
                None => {
                    self.set_pos(start);
                    self.ident("nil");
                    from = start + 3;
                }
            }
        }
    }

    fn comm(&mut self, comm: &SelectComm, case_pos: usize) {
        match comm {
            SelectComm::Default => {}
            SelectComm::Send { chan, value } => self.send(chan, value),
            SelectComm::Invalid(stmt) => self.stmt(stmt, false),
            SelectComm::Recv { value, ok, define, chan } => {
                let mut arrow_from = case_pos;
                if let Some(v) = value {
                    let mut items = vec![Item::E(v)];
                    items.extend(ok.iter().map(Item::E));
                    let last_end = ok.as_ref().unwrap_or(v).span.end as usize;
                    let tok = if *define { Tok::Define } else { Tok::Assign };
                    let tok_pos = self.src.find(tok, last_end);
                    self.expr_list(Some(v.span.start as usize), &items, 1, 0, Some(tok_pos));
                    self.ws(Ws::Blank);
                    self.set_pos(tok_pos);
                    self.tok(if *define { ":=" } else { "=" });
                    self.ws(Ws::Blank);
                    arrow_from = tok_pos;
                }
                let arrow = self.src.find(Tok::Arrow, arrow_from);
                self.set_pos(arrow);
                self.tok("<-");
                self.expr1(chan, 6, 1);
            }
        }
    }

    fn send(&mut self, chan: &Expr, value: &Expr) {
        self.expr0(chan, 1);
        self.ws(Ws::Blank);
        self.set_pos(self.src.find(Tok::Arrow, chan.span.end as usize));
        self.tok("<-");
        self.ws(Ws::Blank);
        self.expr0(value, 1);
    }

    pub fn stmt(&mut self, s: &Stmt, next_is_rbrace: bool) {
        self.set_pos(s.span.start as usize);
        match &s.kind {
            StmtKind::Empty => {}
            StmtKind::Decl(d) => self.gen_decl(d),
            StmtKind::Labeled { label, stmt } => {
                self.ws(Ws::Unindent);
                self.ident(&label.name);
                self.set_pos(self.src.find(Tok::Colon, label.span.end as usize));
                self.tok(":");
                self.ws(Ws::Indent);
                if matches!(stmt.kind, StmtKind::Empty) {
                    if !next_is_rbrace {
                        self.ws(Ws::Newline);
                        self.set_pos(stmt.span.start as usize);
                        self.tok(";");
                        return;
                    }
                } else {
                    self.linebreak(self.line_for(stmt.span.start as usize), 1, Ws::Ignore, true);
                }
                self.stmt(stmt, next_is_rbrace);
            }
            StmtKind::Expr(e) => self.expr0(e, 1),
            StmtKind::Send { chan, value } => self.send(chan, value),
            StmtKind::IncDec { target, inc } => {
                self.expr0(target, 2);
                self.set_pos(self.src.find(Tok::IncOp(*inc), target.span.end as usize));
                self.tok(if *inc { "++" } else { "--" });
            }
            StmtKind::Define { lhs, rhs } => {
                let items: Vec<Item> = lhs.iter().map(Item::Id).collect();
                let tok_pos = self.src.find(Tok::Define, lhs.last().map_or(0, |l| l.span.end as usize));
                self.assign(&items, ":=", tok_pos, rhs);
            }
            StmtKind::Assign { lhs, op, rhs } => {
                let items: Vec<Item> = lhs.iter().map(Item::E).collect();
                let end = lhs.last().map_or(0, |l| l.span.end as usize);
                let tok_pos = self.src.tok_at_or_after(end).map_or(end, |(_, sp)| sp.start as usize);
                self.assign(&items, assign_tok(*op), tok_pos, rhs);
            }
            StmtKind::Go(e) | StmtKind::Defer(e) => {
                self.tok(if matches!(s.kind, StmtKind::Go(_)) { "go" } else { "defer" });
                self.ws(Ws::Blank);
                self.expr(e);
            }
            StmtKind::Return(results) => {
                self.tok("return");
                if !results.is_empty() {
                    self.ws(Ws::Blank);
                    let items: Vec<Item> = results.iter().map(Item::E).collect();
                    if self.indent_list(results) {
                        self.ws(Ws::Indent);
                        self.expr_list(None, &items, 1, NO_INDENT, None);
                        self.ws(Ws::Unindent);
                    } else {
                        self.expr_list(None, &items, 1, 0, None);
                    }
                }
            }
            StmtKind::Break(label) | StmtKind::Continue(label) => {
                self.tok(if matches!(s.kind, StmtKind::Break(_)) { "break" } else { "continue" });
                if let Some(l) = label {
                    self.ws(Ws::Blank);
                    self.set_pos(l.span.start as usize);
                    self.ident(&l.name);
                }
            }
            StmtKind::Goto(l) => {
                self.tok("goto");
                self.ws(Ws::Blank);
                self.set_pos(l.span.start as usize);
                self.ident(&l.name);
            }
            StmtKind::Fallthrough => self.tok("fallthrough"),
            StmtKind::Block(b) => self.block(b, 1),
            StmtKind::If(x) => self.if_stmt(x, next_is_rbrace),
            StmtKind::For(x) => self.for_stmt(x),
            StmtKind::Range(x) => self.range_stmt(x),
            StmtKind::Switch(x) => self.switch_stmt(s, x),
            StmtKind::TypeSwitch(x) => self.type_switch_stmt(s, x),
            StmtKind::Select(clauses) => {
                self.tok("select");
                self.ws(Ws::Blank);
                let lbrace = self.src.find(Tok::Lbrace, s.span.start as usize);
                let rbrace = (s.span.end as usize).saturating_sub(1);
                if clauses.is_empty() && !self.comment_before(self.pos_for(rbrace)) {
                    self.set_pos(lbrace);
                    self.tok("{");
                    self.set_pos(rbrace);
                    self.tok("}");
                } else {
                    let list: Vec<S> = clauses.iter().map(S::Comm).collect();
                    self.braced(&list, lbrace, rbrace, 0);
                }
            }
        }
    }

    fn assign(&mut self, lhs: &[Item], tok: &'static str, tok_pos: usize, rhs: &[Expr]) {
        let depth = if lhs.len() > 1 && rhs.len() > 1 { 2 } else { 1 };
        let start = lhs.first().map_or(tok_pos, |l| l.start());
        self.expr_list(Some(start), lhs, depth, 0, Some(tok_pos));
        self.ws(Ws::Blank);
        self.set_pos(tok_pos);
        self.tok(tok);
        self.ws(Ws::Blank);
        let items: Vec<Item> = rhs.iter().map(Item::E).collect();
        self.expr_list(Some(tok_pos), &items, depth, 0, None);
    }

    fn if_stmt(&mut self, x: &IfStmt, next_is_rbrace: bool) {
        self.tok("if");
        self.control_clause(false, present(&x.init), Some(&x.cond), None);
        self.block(&x.then, 1);
        if let Some(els) = &x.els {
            self.ws(Ws::Blank);
            self.tok("else");
            self.ws(Ws::Blank);
            self.stmt(els, next_is_rbrace);
        }
    }

    fn for_stmt(&mut self, x: &ForStmt) {
        self.tok("for");
        self.control_clause(true, present(&x.init), x.cond.as_ref(), present(&x.post));
        self.block(&x.body, 1);
    }

    fn range_stmt(&mut self, x: &RangeStmt) {
        self.tok("for");
        self.ws(Ws::Blank);
        if let Some(k) = &x.key {
            self.expr(k);
            if let Some(v) = &x.value {
                self.set_pos(v.span.start as usize);
                self.tok(",");
                self.ws(Ws::Blank);
                self.expr(v);
            }
            self.ws(Ws::Blank);
            let end = x.value.as_ref().unwrap_or(k).span.end as usize;
            let tok = if x.define { Tok::Define } else { Tok::Assign };
            self.set_pos(self.src.find(tok, end));
            self.tok(if x.define { ":=" } else { "=" });
            self.ws(Ws::Blank);
        }
        self.tok("range");
        self.ws(Ws::Blank);
        self.expr(strip_parens(&x.expr));
        self.ws(Ws::Blank);
        self.block(&x.body, 1);
    }

    /// The `{` of a switch: the first after its header.
    fn header_end(&self, s: &Stmt, parts: &[Option<u32>]) -> usize {
        parts.iter().flatten().copied().max().unwrap_or(s.span.start) as usize
    }

    fn switch_stmt(&mut self, s: &Stmt, x: &SwitchStmt) {
        self.tok("switch");
        let init = present(&x.init);
        self.control_clause(false, init, x.tag.as_ref(), None);
        let end = self.header_end(s, &[init.map(|i| i.span.end), x.tag.as_ref().map(|t| t.span.end)]);
        let lbrace = self.src.find(Tok::Lbrace, end);
        let list: Vec<S> = x.clauses.iter().map(S::Case).collect();
        self.braced(&list, lbrace, (s.span.end as usize).saturating_sub(1), 0);
    }

    fn type_switch_stmt(&mut self, s: &Stmt, x: &TypeSwitchStmt) {
        self.tok("switch");
        let init = present(&x.init);
        if let Some(i) = init {
            self.ws(Ws::Blank);
            self.stmt(i, false);
            self.tok(";");
        }
        self.ws(Ws::Blank);
        let type_kw = self.src.find(Tok::Type, x.expr.span.end as usize);
        let rparen = self.src.find(Tok::Rparen, type_kw);
        if let Some(b) = &x.binding {
            self.set_pos(b.span.start as usize);
            self.ident(&b.name);
            self.ws(Ws::Blank);
            self.set_pos(self.src.find(Tok::Define, b.span.end as usize));
            self.tok(":=");
            self.ws(Ws::Blank);
        }
        self.expr1(&x.expr, 7, 1);
        self.tok(".");
        self.set_pos(self.src.find(Tok::Lparen, x.expr.span.end as usize));
        self.tok("(");
        self.tok("type");
        self.set_pos(rparen);
        self.tok(")");
        self.ws(Ws::Blank);
        let lbrace = self.src.find(Tok::Lbrace, rparen);
        let list: Vec<S> = x.clauses.iter().map(S::TypeCase).collect();
        self.braced(&list, lbrace, (s.span.end as usize).saturating_sub(1), 0);
    }
}
