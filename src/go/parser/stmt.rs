//! Statements: gc's `stmtOrNil`, `simpleStmt`, the `if`/`for`/`switch` `header` (with its
//! `cannot use ... as value` and `expected { after ...` errors), `switch`, `select`, blocks.

use super::super::ast::{
    Block, CaseClause, Expr, ExprKind, ForStmt, Ident, IfStmt, RangeStmt, SelectClause, SelectComm, Span, Stmt,
    StmtKind, SwitchStmt, TypeCaseClause, TypeSwitchStmt,
};
use super::super::token::{Op, SemiKind, Tok};
use super::expr::{gc_pos, unparen, unparen_owned};
use super::{Parser, SEMI};

/// A simple statement as gc's `simpleStmt` gives it back to headers and `select`.
pub(super) enum Simple {
    /// The statement and gc's position for it (an assignment's operator, an expression's
    /// [`gc_pos`]), where `cannot use ... as value` points.
    Stmt(Stmt, u32),
    /// `k, v := range x` (for headers only).
    Range { key: Option<Expr>, value: Option<Expr>, define: bool, expr: Expr, start: u32 },
    /// `v := x.(type)` in a switch header: the binding and the `x.(type)`.
    Guard(Ident, Expr),
}

/// What `header` found between the keyword and `{`.
struct Header {
    init: Option<Simple>,
    cond: Option<Expr>,
    binding: Option<Ident>,
    post: Option<Simple>,
}

fn ident_expr(id: Ident) -> Expr {
    Expr { span: id.span, kind: ExprKind::Ident(id.name) }
}

impl<'a> Parser<'a> {
    /// A simple statement in statement position (ranges and guards do not occur there).
    #[inline(never)]
    fn simple_into_stmt(&mut self, s: Simple) -> Stmt {
        match s {
            Simple::Stmt(s, _) => s,
            Simple::Range { expr, start, .. } => {
                Stmt { span: Span::new(start, expr.span.end), kind: StmtKind::Expr(expr) }
            }
            Simple::Guard(binding, expr) => Stmt {
                span: binding.span.to(expr.span),
                kind: StmtKind::Define { lhs: vec![binding], rhs: vec![expr] },
            },
        }
    }

    /// `{ stmts }`; `context` names what the block follows (`if clause`) for the error.
    pub(super) fn block(&mut self, context: &str) -> Block {
        let start = self.pos();
        if !self.got(Tok::Lbrace) {
            self.syntax_error(&format!("expected {{ after {context}"));
            self.advance(&[Tok::Name, Tok::Rbrace]);
            if self.got(Tok::Rbrace) {
                return Block { stmts: Vec::new(), span: self.span_from(start) };
            }
        }
        let stmts = self.stmt_list();
        self.want(Tok::Rbrace);
        Block { stmts, span: self.span_from(start) }
    }

    /// `StatementList = { Statement ";" }`, up to `}`, `case` or `default`.
    fn stmt_list(&mut self) -> Vec<Stmt> {
        let mut list = Vec::new();
        if !self.enter() {
            self.leave();
            return list;
        }
        self.stmt_list_inner(&mut list);
        self.leave();
        list
    }

    fn stmt_list_inner(&mut self, list: &mut Vec<Stmt>) {
        while !matches!(self.tok.tok, Tok::Eof | Tok::Rbrace | Tok::Case | Tok::Default) {
            let before = self.ntok;
            let Some(s) = self.stmt_or_nil() else { break };
            list.push(s);
            if !self.got(SEMI) && !self.at(Tok::Rbrace) {
                self.syntax_error("at end of statement");
                self.advance(&[SEMI, Tok::Rbrace, Tok::Case, Tok::Default]);
                self.got(SEMI);
            }
            if self.ntok == before {
                self.next();
            }
        }
    }

    /// Statements nest through here: each one is a nesting level.
    fn stmt_or_nil(&mut self) -> Option<Stmt> {
        if !self.enter() {
            self.leave();
            return None;
        }
        let s = self.stmt_or_nil_inner();
        self.leave();
        s
    }

    fn stmt_or_nil_inner(&mut self) -> Option<Stmt> {
        let start = self.pos();
        let kind = match self.tok.tok {
            Tok::Name => {
                let lhs = self.expr_list();
                if lhs.len() == 1 && self.at(Tok::Colon) {
                    if let Some(Expr { kind: ExprKind::Ident(name), span }) = lhs.first() {
                        let label = Ident { name: name.clone(), span: *span };
                        return self.labeled_stmt(label);
                    }
                }
                let s = self.simple_stmt(Some(lhs), None);
                return Some(self.simple_into_stmt(s));
            }
            Tok::Var | Tok::Const | Tok::Type => StmtKind::Decl(self.gen_decl()),
            Tok::Lbrace => StmtKind::Block(self.block("")),
            Tok::Operator(Op::Binary(op)) if matches!(op.symbol(), "+" | "-" | "&" | "^") => {
                let s = self.simple_stmt(None, None);
                return Some(self.simple_into_stmt(s));
            }
            Tok::Operator(Op::Not)
            | Tok::Star
            | Tok::Literal(_)
            | Tok::Func
            | Tok::Lparen
            | Tok::Lbrack
            | Tok::Struct
            | Tok::Map
            | Tok::Chan
            | Tok::Interface
            | Tok::Arrow => {
                let s = self.simple_stmt(None, None);
                return Some(self.simple_into_stmt(s));
            }
            Tok::For => return Some(self.for_stmt()),
            Tok::Switch => return Some(self.switch_stmt()),
            Tok::Select => return Some(self.select_stmt()),
            Tok::If => return Some(self.if_stmt()),
            Tok::Fallthrough => {
                self.next();
                StmtKind::Fallthrough
            }
            Tok::Break | Tok::Continue => {
                let is_break = self.at(Tok::Break);
                self.next();
                let label = if self.at(Tok::Name) { Some(self.ident()) } else { None };
                if is_break {
                    StmtKind::Break(label)
                } else {
                    StmtKind::Continue(label)
                }
            }
            Tok::Go | Tok::Defer => {
                let is_go = self.at(Tok::Go);
                self.next();
                let lparen = self.at(Tok::Lparen);
                let mut x = self.pexpr(None, lparen);
                if matches!(x.kind, ExprKind::Paren(_)) {
                    let kw = if is_go { "go" } else { "defer" };
                    self.error_at(x.span.start, format!("expression in {kw} must not be parenthesized"));
                    x = unparen_owned(x);
                }
                if is_go {
                    StmtKind::Go(x)
                } else {
                    StmtKind::Defer(x)
                }
            }
            Tok::Goto => {
                self.next();
                StmtKind::Goto(self.ident())
            }
            Tok::Return => {
                self.next();
                let results = if self.at_semi() || self.at(Tok::Rbrace) { Vec::new() } else { self.expr_list() };
                StmtKind::Return(results)
            }
            Tok::Semi(_) => return Some(Stmt { kind: StmtKind::Empty, span: Span::new(start, start) }),
            _ => return None,
        };
        Some(Stmt { kind, span: self.span_from(start) })
    }

    #[inline(never)]
    fn labeled_stmt(&mut self, label: Ident) -> Option<Stmt> {
        if !self.enter() {
            self.leave();
            return None;
        }
        let s = self.labeled_stmt_inner(label);
        self.leave();
        s
    }

    fn labeled_stmt_inner(&mut self, label: Ident) -> Option<Stmt> {
        let start = label.span.start;
        let colon = self.pos();
        self.want(Tok::Colon);
        let inner = if self.at(Tok::Rbrace) {
            Stmt { kind: StmtKind::Empty, span: Span::new(self.pos(), self.pos()) }
        } else {
            match self.stmt_or_nil() {
                Some(s) => s,
                None => {
                    self.syntax_error_at(colon, "missing statement after label");
                    return None;
                }
            }
        };
        Some(Stmt { kind: StmtKind::Labeled { label, stmt: Box::new(inner) }, span: self.span_from(start) })
    }

    /// gc's `simpleStmt`; `lhs` is an already read expression list, `keyword` the header
    /// it is in (`for` allows `range`, `switch` allows `v := x.(type)`).
    #[inline(never)]
    pub(super) fn simple_stmt(&mut self, lhs: Option<Vec<Expr>>, keyword: Option<Tok>) -> Simple {
        let start = lhs.as_ref().and_then(|l| l.first()).map_or(self.pos(), |e| e.span.start);
        if keyword == Some(Tok::For) && self.at(Tok::Range) {
            return self.range_clause(start, Vec::new(), false);
        }
        let mut lhs = match lhs {
            Some(l) => l,
            None => self.expr_list(),
        };
        if lhs.len() == 1 && !self.at(Tok::Assign) && !self.at(Tok::Define) {
            let pos = self.pos();
            let x = lhs.pop().unwrap_or_else(|| self.bad_expr());
            let kind = match self.tok.tok {
                Tok::AssignOp(op) => {
                    self.next();
                    let rhs = self.expr();
                    StmtKind::Assign { lhs: vec![x], op: Some(op), rhs: vec![rhs] }
                }
                Tok::IncOp(inc) => {
                    self.next();
                    StmtKind::IncDec { target: x, inc }
                }
                Tok::Arrow => {
                    self.next();
                    let value = self.expr();
                    StmtKind::Send { chan: x, value }
                }
                _ => {
                    let pos = gc_pos(self.src, &x);
                    let span = x.span;
                    return Simple::Stmt(Stmt { kind: StmtKind::Expr(x), span }, pos);
                }
            };
            return Simple::Stmt(Stmt { kind, span: self.span_from(start) }, pos);
        }
        match self.tok.tok {
            Tok::Assign | Tok::Define => {
                let pos = self.pos();
                let define = self.at(Tok::Define);
                self.next();
                if keyword == Some(Tok::For) && self.at(Tok::Range) {
                    return self.range_clause(start, lhs, define);
                }
                let rhs = self.expr_list();
                if !define {
                    let kind = StmtKind::Assign { lhs, op: None, rhs };
                    return Simple::Stmt(Stmt { kind, span: self.span_from(start) }, pos);
                }
                let mut names = self.define_names(lhs);
                let mut rhs = rhs;
                let is_guard = matches!(rhs.as_slice(), [Expr { kind: ExprKind::TypeAssert { ty: None, .. }, .. }]);
                if keyword == Some(Tok::Switch) && names.len() == 1 && is_guard {
                    if let (Some(b), Some(g)) = (names.pop(), rhs.pop()) {
                        return Simple::Guard(b, g);
                    }
                }
                let kind = StmtKind::Define { lhs: names, rhs };
                Simple::Stmt(Stmt { kind, span: self.span_from(start) }, pos)
            }
            _ => {
                self.syntax_error("expected := or = or comma");
                self.advance(&[SEMI, Tok::Rbrace]);
                let x = lhs.into_iter().next().unwrap_or_else(|| self.bad_expr());
                let pos = gc_pos(self.src, &x);
                let span = x.span;
                Simple::Stmt(Stmt { kind: StmtKind::Expr(x), span }, pos)
            }
        }
    }

    /// The identifiers left of `:=`; others get types2's `non-name x on left side of :=`.
    #[inline(never)]
    fn define_names(&mut self, lhs: Vec<Expr>) -> Vec<Ident> {
        lhs.into_iter()
            .map(|e| match e.kind {
                ExprKind::Ident(name) => Ident { name, span: e.span },
                _ => {
                    let text = self.text(e.span).to_string();
                    self.type_error(e.span.start, format!("non-name {text} on left side of :="));
                    Ident { name: "_".to_string(), span: e.span }
                }
            })
            .collect()
    }

    /// `range` is current; `lhs` are the iteration variables before `=`/`:=`.
    #[inline(never)]
    fn range_clause(&mut self, start: u32, lhs: Vec<Expr>, define: bool) -> Simple {
        self.next();
        let expr = self.expr();
        if let Some(third) = lhs.get(2) {
            self.type_error(third.span.start, "range clause permits at most two iteration variables");
        }
        let lhs = if define { self.define_names(lhs).into_iter().map(ident_expr).collect() } else { lhs };
        let mut it = lhs.into_iter();
        Simple::Range { key: it.next(), value: it.next(), define, expr, start }
    }

    /// The statement as gc prints it in `cannot use ... as value`.
    #[inline(never)]
    fn stmt_text(&self, s: &Stmt) -> String {
        let list = |es: &[Expr], emph: bool| {
            es.iter()
                .map(|e| {
                    let t = self.text(e.span);
                    if emph && matches!(e.kind, ExprKind::Binary { .. }) {
                        format!("({t})")
                    } else {
                        t.to_string()
                    }
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        match &s.kind {
            StmtKind::Assign { lhs, op: None, rhs } => {
                format!("assignment {} = {}", list(lhs, true), list(rhs, true))
            }
            StmtKind::Assign { lhs, op: Some(op), rhs } => {
                format!("{} {}= {}", list(lhs, false), op.symbol(), list(rhs, false))
            }
            StmtKind::Define { lhs, rhs } => {
                let names: Vec<&str> = lhs.iter().map(|i| i.name.as_str()).collect();
                format!("{} := {}", names.join(", "), list(rhs, false))
            }
            StmtKind::IncDec { target, inc } => {
                format!("{}{}", self.text(target.span), if *inc { "++" } else { "--" })
            }
            StmtKind::Send { chan, value } => format!("{} <- {}", self.text(chan.span), self.text(value.span)),
            _ => self.text(s.span).to_string(),
        }
    }

    /// gc's `header`: `keyword [init ;] cond` (and `; post` for `for`), up to `{`.
    #[inline(never)]
    fn header(&mut self, keyword: Tok) -> Header {
        let mut h = Header { init: None, cond: None, binding: None, post: None };
        self.next();
        if self.at(Tok::Lbrace) {
            if keyword == Tok::If {
                self.syntax_error("missing condition in if statement");
                h.cond = Some(self.bad_expr());
            }
            return h;
        }
        let outer = self.xnest;
        self.xnest = -1;
        if !self.at_semi() {
            if self.got(Tok::Var) {
                self.syntax_error(&format!("var declaration not allowed in {} initializer", keyword.as_str()));
            }
            let init = self.simple_stmt(None, Some(keyword));
            if matches!(init, Simple::Range { .. }) {
                h.init = Some(init);
                self.xnest = outer;
                return h;
            }
            h.init = Some(init);
        }
        let mut cond_stmt = None;
        let mut semi = None;
        if !self.at(Tok::Lbrace) {
            if let Tok::Semi(kind) = self.tok.tok {
                semi = Some((self.pos(), kind));
                self.next();
            } else {
                self.want(Tok::Lbrace);
                if !self.at(Tok::Lbrace) {
                    self.advance(&[Tok::Lbrace, Tok::Rbrace]);
                }
            }
            if keyword == Tok::For {
                let mut skip_post = false;
                if !self.at_semi() {
                    if self.at(Tok::Lbrace) {
                        self.syntax_error("expected for loop condition");
                        skip_post = true;
                    } else {
                        cond_stmt = Some(self.simple_stmt(None, None));
                    }
                }
                if !skip_post {
                    self.want(SEMI);
                    if !self.at(Tok::Lbrace) {
                        let post = self.simple_stmt(None, None);
                        if let Simple::Stmt(Stmt { kind: StmtKind::Define { .. }, .. }, pos) = &post {
                            self.syntax_error_at(*pos, "cannot declare in post statement of for loop");
                        }
                        h.post = Some(post);
                    }
                }
            } else if !self.at(Tok::Lbrace) {
                cond_stmt = Some(self.simple_stmt(None, Some(keyword)));
            }
        } else {
            cond_stmt = h.init.take();
        }
        match cond_stmt {
            None => {
                if let (Tok::If, Some((pos, kind))) = (keyword, semi) {
                    if kind != SemiKind::Semicolon {
                        let lit = if kind == SemiKind::Newline { "newline" } else { "EOF" };
                        self.syntax_error_at(pos, &format!("unexpected {lit}, expected {{ after if clause"));
                    } else {
                        self.syntax_error_at(pos, "missing condition in if statement");
                    }
                    h.cond = Some(Expr { kind: ExprKind::Bad, span: Span::new(pos, pos) });
                }
            }
            Some(Simple::Stmt(Stmt { kind: StmtKind::Expr(x), .. }, _)) => h.cond = Some(x),
            Some(Simple::Guard(b, x)) => {
                h.binding = Some(b);
                h.cond = Some(x);
            }
            Some(Simple::Stmt(s, pos)) => {
                let text = self.stmt_text(&s);
                self.syntax_error_at(pos, &format!("cannot use {text} as value"));
                h.cond = Some(Expr { kind: ExprKind::Bad, span: s.span });
            }
            Some(Simple::Range { start, .. }) => {
                h.cond = Some(Expr { kind: ExprKind::Bad, span: Span::new(start, start) });
            }
        }
        self.xnest = outer;
        h
    }

    #[inline(never)]
    fn for_stmt(&mut self) -> Stmt {
        let start = self.pos();
        let h = self.header(Tok::For);
        let body = self.block("for clause");
        let span = self.span_from(start);
        let init = match h.init {
            Some(Simple::Range { key, value, define, expr, .. }) => {
                let kind = StmtKind::Range(Box::new(RangeStmt { key, value, define, expr, body }));
                return Stmt { kind, span };
            }
            other => other.map(|s| self.simple_into_stmt(s)),
        };
        let post = h.post.map(|s| self.simple_into_stmt(s));
        Stmt { kind: StmtKind::For(Box::new(ForStmt { init, cond: h.cond, post, body })), span }
    }

    #[inline(never)]
    fn if_stmt(&mut self) -> Stmt {
        let start = self.pos();
        if !self.enter() {
            self.leave();
            return Stmt { kind: StmtKind::Empty, span: Span::new(start, start) };
        }
        let h = self.header(Tok::If);
        let then = self.block("if clause");
        let mut els = None;
        if self.got(Tok::Else) {
            match self.tok.tok {
                Tok::If => els = Some(self.if_stmt()),
                Tok::Lbrace => {
                    let s = self.pos();
                    let b = self.block("");
                    els = Some(Stmt { kind: StmtKind::Block(b), span: self.span_from(s) });
                }
                _ => {
                    self.syntax_error("else must be followed by if or statement block");
                    self.advance(&[Tok::Name, Tok::Rbrace]);
                }
            }
        }
        self.leave();
        let init = h.init.map(|s| self.simple_into_stmt(s));
        let cond = h.cond.unwrap_or_else(|| Expr { kind: ExprKind::Bad, span: Span::new(start, start) });
        Stmt { kind: StmtKind::If(Box::new(IfStmt { init, cond, then, els })), span: self.span_from(start) }
    }

    #[inline(never)]
    fn switch_stmt(&mut self) -> Stmt {
        let start = self.pos();
        let h = self.header(Tok::Switch);
        let init = h.init.map(|s| self.simple_into_stmt(s));
        if !self.got(Tok::Lbrace) {
            self.syntax_error("missing { after switch clause");
            self.advance(&[Tok::Case, Tok::Default, Tok::Rbrace]);
        }
        let guard = match h.cond {
            Some(Expr { kind: ExprKind::TypeAssert { expr, ty: None }, .. }) => Some(*expr),
            cond => {
                let mut clauses = Vec::new();
                while !self.at(Tok::Eof) && !self.at(Tok::Rbrace) {
                    let before = self.ntok;
                    clauses.push(self.case_clause());
                    if self.ntok == before {
                        self.next();
                    }
                }
                self.want(Tok::Rbrace);
                let kind = StmtKind::Switch(Box::new(SwitchStmt { init, tag: cond, clauses }));
                return Stmt { kind, span: self.span_from(start) };
            }
        };
        let expr = guard.unwrap_or_else(|| self.bad_expr());
        let mut clauses = Vec::new();
        while !self.at(Tok::Eof) && !self.at(Tok::Rbrace) {
            let before = self.ntok;
            clauses.push(self.type_case_clause());
            if self.ntok == before {
                self.next();
            }
        }
        self.want(Tok::Rbrace);
        let kind = StmtKind::TypeSwitch(Box::new(TypeSwitchStmt { init, binding: h.binding, expr, clauses }));
        Stmt { kind, span: self.span_from(start) }
    }

    /// `case`/`default` (current) up to `:`; false for `default`.
    fn clause_head(&mut self) -> Option<bool> {
        match self.tok.tok {
            Tok::Case => {
                self.next();
                Some(true)
            }
            Tok::Default => {
                self.next();
                Some(false)
            }
            _ => {
                self.syntax_error("expected case or default or }");
                self.advance(&[Tok::Colon, Tok::Case, Tok::Default, Tok::Rbrace]);
                None
            }
        }
    }

    #[inline(never)]
    fn case_clause(&mut self) -> CaseClause {
        let start = self.pos();
        let head = self.clause_head();
        let exprs = if head == Some(true) { self.expr_list() } else { Vec::new() };
        self.want(Tok::Colon);
        let span = self.span_from(start);
        let body = self.stmt_list();
        CaseClause { exprs, is_default: head == Some(false), body, span }
    }

    #[inline(never)]
    fn type_case_clause(&mut self) -> TypeCaseClause {
        let start = self.pos();
        let head = self.clause_head();
        let mut types = Vec::new();
        if head == Some(true) {
            for e in self.expr_list() {
                if matches!(&e.kind, ExprKind::Ident(n) if n == "nil") {
                    types.push(None);
                } else {
                    types.push(Some(self.as_type(e)));
                }
            }
        }
        self.want(Tok::Colon);
        let span = self.span_from(start);
        let body = self.stmt_list();
        TypeCaseClause { types, is_default: head == Some(false), body, span }
    }

    #[inline(never)]
    fn select_stmt(&mut self) -> Stmt {
        let start = self.pos();
        self.next();
        if !self.got(Tok::Lbrace) {
            self.syntax_error("missing { after select clause");
            self.advance(&[Tok::Case, Tok::Default, Tok::Rbrace]);
        }
        let mut clauses = Vec::new();
        while !self.at(Tok::Eof) && !self.at(Tok::Rbrace) {
            let before = self.ntok;
            clauses.push(self.comm_clause());
            if self.ntok == before {
                self.next();
            }
        }
        self.want(Tok::Rbrace);
        Stmt { kind: StmtKind::Select(clauses), span: self.span_from(start) }
    }

    #[inline(never)]
    fn comm_clause(&mut self) -> SelectClause {
        let start = self.pos();
        let comm = match self.clause_head() {
            Some(true) => {
                let s = self.simple_stmt(None, None);
                self.select_comm(s)
            }
            _ => SelectComm::Default,
        };
        self.want(Tok::Colon);
        let span = self.span_from(start);
        let body = self.stmt_list();
        SelectClause { comm, body, span }
    }

    /// The communication of a `case`: a send, a receive, or a receive assigned to one or two
    /// variables; anything else gets types2's error.
    #[inline(never)]
    fn select_comm(&mut self, s: Simple) -> SelectComm {
        let (stmt, pos) = match s {
            Simple::Stmt(stmt, pos) => (stmt, pos),
            Simple::Guard(_, e) => (Stmt { span: e.span, kind: StmtKind::Expr(e.clone()) }, e.span.start),
            Simple::Range { expr: e, start, .. } => (Stmt { span: e.span, kind: StmtKind::Expr(e) }, start),
        };
        let recv_chan = |e: &Expr| match &unparen(e).kind {
            ExprKind::Recv(ch) => Some((**ch).clone()),
            _ => None,
        };
        match stmt.kind {
            StmtKind::Send { chan, value } => return SelectComm::Send { chan, value },
            StmtKind::Expr(ref e) => {
                if let Some(chan) = recv_chan(e) {
                    return SelectComm::Recv { value: None, ok: None, define: false, chan };
                }
            }
            StmtKind::Define { ref lhs, ref rhs } if (1..=2).contains(&lhs.len()) && rhs.len() == 1 => {
                if let Some(chan) = rhs.first().and_then(recv_chan) {
                    let mut it = lhs.iter().cloned().map(ident_expr);
                    return SelectComm::Recv { value: it.next(), ok: it.next(), define: true, chan };
                }
            }
            StmtKind::Assign { ref lhs, op: None, ref rhs } if (1..=2).contains(&lhs.len()) && rhs.len() == 1 => {
                if let Some(chan) = rhs.first().and_then(recv_chan) {
                    let mut it = lhs.iter().cloned();
                    return SelectComm::Recv { value: it.next(), ok: it.next(), define: false, chan };
                }
            }
            _ => {}
        }
        // types2 reports it at the statement's position (an assignment's start, an
        // expression's operator or call parenthesis), and skips the case.
        let at = match stmt.kind {
            StmtKind::Define { .. } | StmtKind::Assign { .. } => stmt.span.start,
            _ => pos,
        };
        self.type_error(at, "select case must be send or receive (possibly with assignment)");
        SelectComm::Invalid(Box::new(stmt))
    }
}
