//! Expressions: gc's `binaryExpr`, `unaryExpr`, `operand`, `pexpr` and composite literals.
//! Types written in expression position become [`ExprKind::Type`].

use super::super::ast::{BinaryOp, ChanDir, Element, Expr, ExprKind, Ident, Span, TypeExpr, TypeExprKind, UnaryOp};
use super::super::token::{Op, Tok};
use super::Parser;

/// The position gc's syntax tree gives an expression (and the checker's errors use for
/// statements): the operator of a binary expression, the `(` of a call, the `[` of an index,
/// the `.` of a selector or assertion, the `{` of a typed composite literal; else its start.
pub fn gc_pos(src: &str, e: &Expr) -> u32 {
    match &e.kind {
        ExprKind::Binary { lhs: x, .. }
        | ExprKind::Call { func: x, .. }
        | ExprKind::Index { expr: x, .. }
        | ExprKind::IndexList { expr: x, .. }
        | ExprKind::Slice { expr: x, .. }
        | ExprKind::Selector { expr: x, .. }
        | ExprKind::TypeAssert { expr: x, .. } => skip_trivia(src, x.span.end),
        ExprKind::Composite { ty: Some(t), .. } => skip_trivia(src, t.span.end),
        _ => e.span.start,
    }
}

/// The first offset at or after `pos` that is not white space or a comment.
pub(crate) fn skip_trivia(src: &str, mut pos: u32) -> u32 {
    let b = src.as_bytes();
    loop {
        let at = |i: u32| b.get(i as usize).copied();
        match at(pos) {
            Some(b' ' | b'\t' | b'\r' | b'\n') => pos += 1,
            Some(b'/') if at(pos + 1) == Some(b'/') => {
                while at(pos).is_some_and(|c| c != b'\n') {
                    pos += 1;
                }
            }
            Some(b'/') if at(pos + 1) == Some(b'*') => {
                pos += 2;
                while at(pos).is_some() && !(at(pos) == Some(b'*') && at(pos + 1) == Some(b'/')) {
                    pos += 1;
                }
                pos = (pos + 2).min(b.len() as u32);
            }
            _ => return pos,
        }
    }
}

/// `(x)` → `x`, any number of times.
pub(crate) fn unparen(e: &Expr) -> &Expr {
    let mut e = e;
    while let ExprKind::Paren(inner) = &e.kind {
        e = inner;
    }
    e
}

pub(crate) fn unparen_owned(mut e: Expr) -> Expr {
    while let ExprKind::Paren(inner) = e.kind {
        e = *inner;
    }
    e
}

/// gc's `isValue`: `x` can only be a value, never a type.
fn is_value(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Int(_)
        | ExprKind::Float(_)
        | ExprKind::Imag(_)
        | ExprKind::Char(_)
        | ExprKind::Str(_)
        | ExprKind::Composite { .. }
        | ExprKind::FuncLit { .. }
        | ExprKind::Slice { .. }
        | ExprKind::TypeAssert { .. }
        | ExprKind::Call { .. }
        | ExprKind::Unary { .. }
        | ExprKind::Binary { .. }
        | ExprKind::Recv(_) => true,
        ExprKind::Paren(x) => is_value(x),
        ExprKind::Index { expr, index } => is_value(expr) || is_value(index),
        _ => false,
    }
}

/// gc's `isTypeElem`: `x` is certainly a type (element), not a value.
pub(crate) fn is_type_elem(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Type(t) => !matches!(t.kind, TypeExprKind::Name(_) | TypeExprKind::Qualified { .. }),
        ExprKind::Binary { lhs, rhs, .. } => is_type_elem(lhs) || is_type_elem(rhs),
        ExprKind::Star(x) | ExprKind::Unary { expr: x, .. } | ExprKind::Paren(x) => is_type_elem(x),
        _ => false,
    }
}

/// Reads an expression as a type (`pkg.T`, `*T`, `T[int]`, `[]int`); gives it back if it
/// cannot be one.
pub(crate) fn expr_into_type(e: Expr) -> Result<TypeExpr, Expr> {
    let span = e.span;
    let kind = match e.kind {
        ExprKind::Ident(name) => TypeExprKind::Name(name),
        ExprKind::Type(t) => return Ok(t),
        ExprKind::Paren(inner) => return expr_into_type(*inner),
        ExprKind::Selector { expr, sel } => match expr.kind {
            ExprKind::Ident(pkg) => {
                TypeExprKind::Qualified { package: Ident { name: pkg, span: expr.span }, name: sel }
            }
            kind => {
                return Err(Expr {
                    kind: ExprKind::Selector { expr: Box::new(Expr { kind, span: expr.span }), sel },
                    span,
                })
            }
        },
        ExprKind::Star(inner) => match expr_into_type(*inner) {
            Ok(t) => TypeExprKind::Pointer(Box::new(t)),
            Err(inner) => return Err(Expr { kind: ExprKind::Star(Box::new(inner)), span }),
        },
        ExprKind::Index { expr, index } => {
            let base = expr_into_type(*expr).map_err(|x| Expr { kind: x.kind, span })?;
            let arg = expr_into_type(*index).map_err(|x| Expr { kind: x.kind, span })?;
            TypeExprKind::Generic { base: Box::new(base), args: vec![arg] }
        }
        ExprKind::IndexList { expr, indices } => {
            let base = expr_into_type(*expr).map_err(|x| Expr { kind: x.kind, span })?;
            let mut args = Vec::with_capacity(indices.len());
            for i in indices {
                args.push(expr_into_type(i).map_err(|x| Expr { kind: x.kind, span })?);
            }
            TypeExprKind::Generic { base: Box::new(base), args }
        }
        kind => return Err(Expr { kind, span }),
    };
    Ok(TypeExpr { kind, span })
}

/// A type as an expression: names stay names (they may be values), others become `Type`.
pub(crate) fn type_into_expr(t: TypeExpr) -> Expr {
    let span = t.span;
    let kind = match t.kind {
        TypeExprKind::Name(n) => ExprKind::Ident(n),
        TypeExprKind::Qualified { package, name } => ExprKind::Selector {
            expr: Box::new(Expr { kind: ExprKind::Ident(package.name), span: package.span }),
            sel: name,
        },
        TypeExprKind::Pointer(inner) => ExprKind::Star(Box::new(type_into_expr(*inner))),
        kind => ExprKind::Type(TypeExpr { kind, span }),
    };
    Expr { kind, span }
}

fn binary_op(tok: Tok) -> Option<BinaryOp> {
    match tok {
        Tok::Operator(Op::Binary(op)) => Some(op),
        Tok::Star => Some(BinaryOp::Mul),
        _ => None,
    }
}

impl<'a> Parser<'a> {
    pub(super) fn expr(&mut self) -> Expr {
        self.binary_expr(None, 0)
    }

    pub(super) fn expr_list(&mut self) -> Vec<Expr> {
        let mut list = vec![self.expr()];
        while self.got(Tok::Comma) {
            list.push(self.expr());
        }
        list
    }

    /// `Expression = UnaryExpr | Expression binary_op Expression`.
    pub(super) fn binary_expr(&mut self, x: Option<Expr>, prec: u8) -> Expr {
        let mut x = match x {
            Some(x) => x,
            None => self.unary_expr(),
        };
        while self.tok.tok.precedence() > prec {
            let Some(op) = binary_op(self.tok.tok) else { break };
            let tprec = self.tok.tok.precedence();
            self.next();
            let y = self.binary_expr(None, tprec);
            let span = x.span.to(y.span);
            x = Expr { kind: ExprKind::Binary { op, lhs: Box::new(x), rhs: Box::new(y) }, span };
        }
        x
    }

    pub(super) fn unary_expr(&mut self) -> Expr {
        if !self.enter() {
            self.leave();
            return self.bad_expr();
        }
        let e = self.unary_expr_inner();
        self.leave();
        e
    }

    fn unary_expr_inner(&mut self) -> Expr {
        let start = self.pos();
        let unary = match self.tok.tok {
            Tok::Star => None,
            Tok::Operator(Op::Binary(BinaryOp::Add)) => Some(UnaryOp::Pos),
            Tok::Operator(Op::Binary(BinaryOp::Sub)) => Some(UnaryOp::Neg),
            Tok::Operator(Op::Binary(BinaryOp::Xor)) => Some(UnaryOp::BitNot),
            Tok::Operator(Op::Binary(BinaryOp::And)) => Some(UnaryOp::Addr),
            Tok::Operator(Op::Not) => Some(UnaryOp::Not),
            Tok::Operator(Op::Tilde) => {
                self.next();
                let x = self.unary_expr();
                self.type_error(
                    start,
                    "cannot use ~ outside of interface or type constraint (use ^ for bitwise complement)",
                );
                return x;
            }
            Tok::Arrow => {
                self.next();
                let x = self.unary_expr();
                return self.recv_or_chan(start, x);
            }
            _ => return self.pexpr(None, true),
        };
        self.next();
        let x = self.unary_expr();
        let span = Span::new(start, x.span.end.max(start));
        let kind = match unary {
            None => ExprKind::Star(Box::new(x)),
            // `&(T{})` is `&T{}` (gc drops the parentheses).
            Some(UnaryOp::Addr) => ExprKind::Unary { op: UnaryOp::Addr, expr: Box::new(unparen_owned(x)) },
            Some(op) => ExprKind::Unary { op, expr: Box::new(x) },
        };
        Expr { kind, span }
    }

    /// `<-x`: a receive, unless `x` is a channel type, then `<-` belongs to it (`<-chan int`).
    #[inline(never)]
    fn recv_or_chan(&mut self, start: u32, x: Expr) -> Expr {
        let span = Span::new(start, x.span.end.max(start));
        let ExprKind::Type(mut t) = x.kind else {
            return Expr { kind: ExprKind::Recv(Box::new(x)), span };
        };
        if !matches!(t.kind, TypeExprKind::Chan { .. }) {
            let x = Expr { kind: ExprKind::Type(t), span: x.span };
            return Expr { kind: ExprKind::Recv(Box::new(x)), span };
        }
        // Re-associate: <-(chan E) is (<-chan E); <-(chan<- E) is (<-chan (<-E)).
        let mut dir = ChanDir::Send;
        let mut cur = &mut t;
        let mut last_desc = String::new();
        while dir == ChanDir::Send {
            match &mut cur.kind {
                TypeExprKind::Chan { dir: d, elem } => {
                    dir = *d;
                    if dir == ChanDir::Recv {
                        self.syntax_error("unexpected <-, expected chan");
                    }
                    *d = ChanDir::Recv;
                    cur.span.start = start;
                    cur = elem;
                }
                _ => {
                    last_desc = self.text(cur.span).to_string();
                    break;
                }
            }
        }
        if dir == ChanDir::Send {
            self.syntax_error(&format!("unexpected {last_desc}, expected chan"));
        }
        t.span.start = start;
        Expr { kind: ExprKind::Type(t), span }
    }

    /// `Operand = Literal | OperandName | "(" Expression ")" | FunctionLit | type`.
    fn operand(&mut self) -> Expr {
        let start = self.pos();
        match self.tok.tok {
            Tok::Name => {
                let id = self.ident();
                Expr { kind: ExprKind::Ident(id.name), span: id.span }
            }
            Tok::Literal(_) => self.literal().unwrap_or_else(|| self.bad_expr()),
            Tok::Lparen => {
                if !self.enter() {
                    self.leave();
                    return self.bad_expr();
                }
                self.next();
                self.xnest += 1;
                let x = self.expr();
                self.xnest -= 1;
                self.want(Tok::Rparen);
                self.leave();
                Expr { kind: ExprKind::Paren(Box::new(x)), span: self.span_from(start) }
            }
            Tok::Func => {
                self.next();
                let (_, sig) = self.func_type("function type", start);
                if self.at(Tok::Lbrace) {
                    self.xnest += 1;
                    let body = self.func_body();
                    self.xnest -= 1;
                    return Expr { kind: ExprKind::FuncLit { sig, body }, span: self.span_from(start) };
                }
                let span = sig.span;
                Expr { kind: ExprKind::Type(TypeExpr { kind: TypeExprKind::Func(sig), span }), span }
            }
            Tok::Lbrack | Tok::Chan | Tok::Map | Tok::Struct | Tok::Interface => {
                let t = self.type_();
                let span = t.span;
                Expr { kind: ExprKind::Type(t), span }
            }
            _ => {
                let x = self.bad_expr();
                self.syntax_error("expected expression");
                self.advance(&[Tok::Rparen, Tok::Rbrack, Tok::Rbrace]);
                x
            }
        }
    }

    /// `PrimaryExpr`: an operand followed by selectors, indexes, slices, assertions, calls
    /// and (where the header ambiguity allows) composite literal bodies.
    pub(super) fn pexpr(&mut self, x: Option<Expr>, _keep_parens: bool) -> Expr {
        let mut x = match x {
            Some(x) => x,
            None => self.operand(),
        };
        loop {
            let start = x.span.start;
            match self.tok.tok {
                Tok::Dot => {
                    self.next();
                    match self.tok.tok {
                        Tok::Name => {
                            let sel = self.ident();
                            x = Expr {
                                kind: ExprKind::Selector { expr: Box::new(x), sel },
                                span: self.span_from(start),
                            };
                        }
                        Tok::Lparen => {
                            self.next();
                            let ty = if self.got(Tok::Type) { None } else { Some(self.type_()) };
                            self.want(Tok::Rparen);
                            x = Expr {
                                kind: ExprKind::TypeAssert { expr: Box::new(x), ty },
                                span: self.span_from(start),
                            };
                        }
                        _ => {
                            self.syntax_error("expected name or (");
                            self.advance(&[super::SEMI, Tok::Rparen]);
                        }
                    }
                }
                Tok::Lbrack => x = self.index_or_slice(x),
                Tok::Lparen => {
                    self.next();
                    let (args, spread) = self.arg_list();
                    x = Expr { kind: ExprKind::Call { func: Box::new(x), args, spread }, span: self.span_from(start) };
                }
                Tok::Lbrace => {
                    let t = unparen(&x);
                    let complit_ok = match &t.kind {
                        ExprKind::Ident(_) | ExprKind::Selector { .. } => self.xnest >= 0,
                        ExprKind::Index { .. } | ExprKind::IndexList { .. } => self.xnest >= 0 && !is_value(t),
                        ExprKind::Type(ty) => matches!(
                            ty.kind,
                            TypeExprKind::Array { .. }
                                | TypeExprKind::Slice(_)
                                | TypeExprKind::Struct(_)
                                | TypeExprKind::Map { .. }
                        ),
                        _ => false,
                    };
                    if !complit_ok {
                        break;
                    }
                    if matches!(x.kind, ExprKind::Paren(_)) {
                        self.syntax_error("cannot parenthesize type in composite literal");
                    }
                    let ty = match expr_into_type(unparen_owned(x)) {
                        Ok(t) => t,
                        Err(e) => {
                            let text = self.text(e.span).to_string();
                            self.type_error(e.span.start, format!("{text} is not a type"));
                            TypeExpr { kind: TypeExprKind::Name("_".to_string()), span: e.span }
                        }
                    };
                    let elems = self.complit_body();
                    x = Expr { kind: ExprKind::Composite { ty: Some(ty), elems }, span: self.span_from(start) };
                }
                _ => break,
            }
        }
        x
    }

    /// After `x`: `[i]`, `[a, b]` (instantiation) or `[lo:hi]`, `[lo:hi:max]`.
    #[inline(never)]
    fn index_or_slice(&mut self, x: Expr) -> Expr {
        if !self.enter() {
            self.leave();
            return x;
        }
        let e = self.index_or_slice_inner(x);
        self.leave();
        e
    }

    fn index_or_slice_inner(&mut self, x: Expr) -> Expr {
        let start = x.span.start;
        self.next();
        let mut lo = None;
        if !self.at(Tok::Colon) {
            let (mut list, comma) = if self.at(Tok::Rbrack) {
                self.syntax_error("expected operand");
                (vec![self.bad_expr()], false)
            } else {
                self.type_list(false)
            };
            if comma || self.at(Tok::Rbrack) {
                self.want(Tok::Rbrack);
                let span = self.span_from(start);
                if list.len() == 1 {
                    let index = list.pop().unwrap_or_else(|| self.bad_expr());
                    return Expr { kind: ExprKind::Index { expr: Box::new(x), index: Box::new(index) }, span };
                }
                return Expr { kind: ExprKind::IndexList { expr: Box::new(x), indices: list }, span };
            }
            lo = list.pop().map(Box::new);
        }
        if !self.got(Tok::Colon) {
            self.syntax_error("expected comma, : or ]");
            self.advance(&[Tok::Comma, Tok::Colon, Tok::Rbrack]);
        }
        self.xnest += 1;
        let mut hi = None;
        let mut max = None;
        if !self.at(Tok::Colon) && !self.at(Tok::Rbrack) {
            hi = Some(Box::new(self.expr()));
        }
        if self.at(Tok::Colon) {
            if hi.is_none() {
                self.error("middle index required in 3-index slice");
                hi = Some(Box::new(self.bad_expr()));
            }
            self.next();
            if !self.at(Tok::Rbrack) {
                max = Some(Box::new(self.expr()));
            } else {
                self.error("final index required in 3-index slice");
                max = Some(Box::new(self.bad_expr()));
            }
        }
        self.xnest -= 1;
        self.want(Tok::Rbrack);
        Expr { kind: ExprKind::Slice { expr: Box::new(x), lo, hi, max }, span: self.span_from(start) }
    }

    /// `(` consumed: arguments up to `)`, the last possibly followed by `...`.
    #[inline(never)]
    fn arg_list(&mut self) -> (Vec<Expr>, bool) {
        let mut args = Vec::new();
        let mut spread = false;
        self.xnest += 1;
        self.list("argument list", Tok::Comma, Tok::Rparen, &mut |p| {
            args.push(p.expr());
            spread = p.got(Tok::DotDotDot);
            spread
        });
        self.xnest -= 1;
        (args, spread)
    }

    /// gc's `typeList`: a first expression (or type when `strict`), then types, comma
    /// separated; also says whether a comma was seen.
    #[inline(never)]
    pub(super) fn type_list(&mut self, strict: bool) -> (Vec<Expr>, bool) {
        self.xnest += 1;
        let first = if strict { type_into_expr(self.type_()) } else { self.expr() };
        let mut list = vec![first];
        let mut comma = false;
        if self.got(Tok::Comma) {
            comma = true;
            while let Some(t) = self.type_or_nil() {
                list.push(type_into_expr(t));
                if !self.got(Tok::Comma) {
                    break;
                }
            }
        }
        self.xnest -= 1;
        (list, comma)
    }

    /// `{ elements }` of a composite literal (the `{` is current).
    fn complit_body(&mut self) -> Vec<Element> {
        let mut elems = Vec::new();
        if !self.enter() {
            self.leave();
            return elems;
        }
        self.xnest += 1;
        self.want(Tok::Lbrace);
        self.list("composite literal", Tok::Comma, Tok::Rbrace, &mut |p| {
            let e = p.bare_complit_expr();
            if p.got(Tok::Colon) {
                let value = p.bare_complit_expr();
                elems.push(Element { key: Some(e), value });
            } else {
                elems.push(Element { key: None, value: e });
            }
            false
        });
        self.xnest -= 1;
        self.leave();
        elems
    }

    /// An element: an expression or an elided-type literal `{...}`.
    fn bare_complit_expr(&mut self) -> Expr {
        if self.at(Tok::Lbrace) {
            let start = self.pos();
            let elems = self.complit_body();
            return Expr { kind: ExprKind::Composite { ty: None, elems }, span: self.span_from(start) };
        }
        self.expr()
    }
}
