//! Types, signatures, parameter lists, struct and interface bodies, and `type` specs with
//! gc's disambiguation between array lengths and type parameters.

use super::super::ast::{
    BinaryOp, ChanDir, Expr, ExprKind, Field, FuncType, Ident, InterfaceElem, Param, Span, Spec, TypeExpr, TypeExprKind,
};
use super::super::lexer::decode_string;
use super::super::token::{LitKind, Op, Tok};
use super::expr::{expr_into_type, is_type_elem, unparen_owned};
use super::{Parser, SEMI};

/// A parameter while its list is read: gc decides names versus types once the list is done.
struct Entry {
    name: Option<Ident>,
    ty: Option<TypeExpr>,
    /// Position of a `...` before the type.
    dots: Option<u32>,
}

/// `x [n]E` versus `x[A, B]`.
enum ArrayOrArgs {
    Type(TypeExpr),
    Args(Vec<TypeExpr>),
}

/// A placeholder type after a reported syntax error (the checker never sees it: gc stops
/// after syntax errors).
fn bad_type(pos: u32) -> TypeExpr {
    TypeExpr { kind: TypeExprKind::Name("_".to_string()), span: Span::new(pos, pos) }
}

/// A type-set constraint (`~int | string`) as the implicit interface it stands for.
fn constraint(span: Span) -> TypeExpr {
    TypeExpr { kind: TypeExprKind::Interface(vec![InterfaceElem::Constraint(span)]), span }
}

impl<'a> Parser<'a> {
    /// A type, or a syntax error `expected type` and a placeholder.
    pub(super) fn type_(&mut self) -> TypeExpr {
        if let Some(t) = self.type_or_nil() {
            return t;
        }
        let pos = self.pos();
        self.syntax_error("expected type");
        self.advance(&[Tok::Comma, Tok::Colon, SEMI, Tok::Rparen, Tok::Rbrack, Tok::Rbrace]);
        bad_type(pos)
    }

    /// A type if one starts here, else `None` without error.
    pub(super) fn type_or_nil(&mut self) -> Option<TypeExpr> {
        if !self.enter() {
            self.leave();
            return None;
        }
        let t = self.type_or_nil_inner();
        self.leave();
        t
    }

    fn type_or_nil_inner(&mut self) -> Option<TypeExpr> {
        let start = self.pos();
        let kind = match self.tok.tok {
            Tok::Star => {
                self.next();
                TypeExprKind::Pointer(Box::new(self.type_()))
            }
            Tok::Arrow => {
                self.next();
                self.want(Tok::Chan);
                TypeExprKind::Chan { dir: ChanDir::Recv, elem: Box::new(self.chan_elem()) }
            }
            Tok::Func => {
                self.next();
                let (_, sig) = self.func_type("function type", start);
                TypeExprKind::Func(sig)
            }
            Tok::Lbrack => {
                self.next();
                if self.got(Tok::Rbrack) {
                    TypeExprKind::Slice(Box::new(self.type_()))
                } else {
                    return Some(self.array_type(start, None));
                }
            }
            Tok::Chan => {
                self.next();
                let dir = if self.got(Tok::Arrow) { ChanDir::Send } else { ChanDir::Both };
                TypeExprKind::Chan { dir, elem: Box::new(self.chan_elem()) }
            }
            Tok::Map => {
                self.next();
                self.want(Tok::Lbrack);
                let key = self.type_();
                self.want(Tok::Rbrack);
                let value = self.type_();
                TypeExprKind::Map { key: Box::new(key), value: Box::new(value) }
            }
            Tok::Struct => return Some(self.struct_type()),
            Tok::Interface => return Some(self.interface_type()),
            Tok::Name => return Some(self.qualified_name(None)),
            Tok::Lparen => {
                self.next();
                let t = self.type_();
                self.want(Tok::Rparen);
                return Some(t);
            }
            _ => return None,
        };
        Some(TypeExpr { kind, span: self.span_from(start) })
    }

    fn chan_elem(&mut self) -> TypeExpr {
        if let Some(t) = self.type_or_nil() {
            return t;
        }
        let pos = self.pos();
        self.syntax_error("missing channel element type");
        bad_type(pos)
    }

    /// `[` consumed at `start`; `len` is an already read length.
    fn array_type(&mut self, start: u32, len: Option<Expr>) -> TypeExpr {
        let len = match len {
            Some(l) => Some(l),
            None if self.got(Tok::DotDotDot) => None,
            None => {
                self.xnest += 1;
                let l = self.expr();
                self.xnest -= 1;
                Some(l)
            }
        };
        if self.at(Tok::Comma) {
            self.syntax_error("unexpected comma; expected ]");
            self.next();
        }
        self.want(Tok::Rbrack);
        let elem = self.type_();
        TypeExpr {
            kind: TypeExprKind::Array { len: len.map(Box::new), elem: Box::new(elem) },
            span: self.span_from(start),
        }
    }

    /// `T`, `pkg.T`, `T[args]`; `name` is an already read first name.
    #[inline(never)]
    pub(super) fn qualified_name(&mut self, name: Option<Ident>) -> TypeExpr {
        let first = match name {
            Some(n) => n,
            None if self.at(Tok::Name) => self.ident(),
            None => {
                let pos = self.pos();
                self.syntax_error("expected name");
                self.advance(&[Tok::Dot, SEMI, Tok::Rbrace]);
                Ident { name: "_".to_string(), span: Span::new(pos, pos) }
            }
        };
        let start = first.span.start;
        let mut t = if self.got(Tok::Dot) {
            let sel = self.ident();
            TypeExpr { kind: TypeExprKind::Qualified { package: first, name: sel }, span: self.span_from(start) }
        } else {
            TypeExpr { span: first.span, kind: TypeExprKind::Name(first.name) }
        };
        if self.at(Tok::Lbrack) {
            self.next();
            let mut args = Vec::new();
            if self.at(Tok::Rbrack) {
                self.syntax_error("expected type argument list");
            } else {
                let (list, _) = self.type_list(true);
                args = list.into_iter().map(|e| self.as_type(e)).collect();
            }
            self.want(Tok::Rbrack);
            t = TypeExpr { kind: TypeExprKind::Generic { base: Box::new(t), args }, span: self.span_from(start) };
        }
        t
    }

    /// An expression read where a type is needed; `X is not a type` otherwise.
    pub(super) fn as_type(&mut self, e: Expr) -> TypeExpr {
        match expr_into_type(e) {
            Ok(t) => t,
            Err(e) => {
                let text = self.text(e.span).to_string();
                self.type_error(e.span.start, format!("{text} is not a type"));
                bad_type(e.span.start)
            }
        }
    }

    /// A signature after `func` (and the name): `[T any](params) results`. `context`
    /// non-empty forbids type parameters. `start` begins the span.
    #[inline(never)]
    pub(super) fn func_type(&mut self, context: &str, start: u32) -> (Vec<Param>, FuncType) {
        let mut tparams = Vec::new();
        let pos = self.pos();
        if self.got(Tok::Lbrack) {
            if !context.is_empty() {
                self.syntax_error_at(pos, &format!("{context} must have no type parameters"));
            }
            if self.at(Tok::Rbrack) {
                self.syntax_error("empty type parameter list");
                self.next();
            } else {
                tparams = self.param_list(None, None, Tok::Rbrack, true, false);
            }
        }
        self.want(Tok::Lparen);
        let params = self.param_list(None, None, Tok::Rparen, false, true);
        let results = if self.got(Tok::Lparen) {
            self.param_list(None, None, Tok::Rparen, false, false)
        } else if let Some(ty) = self.type_or_nil() {
            vec![Param { name: None, ty, variadic: false }]
        } else {
            Vec::new()
        };
        (tparams, FuncType { params, results, span: self.span_from(start) })
    }

    /// gc's `paramList`: `(` or `[` consumed; `name`/`ty` are an already read first entry.
    /// Names and types are sorted out at the end, with gc's errors.
    #[inline(never)]
    pub(super) fn param_list(
        &mut self,
        name: Option<Ident>,
        ty: Option<TypeExpr>,
        close: Tok,
        require_names: bool,
        ddd_ok: bool,
    ) -> Vec<Param> {
        if name.is_some() && ty.is_some() && self.at(close) {
            self.next();
            let ty = ty.unwrap_or_else(|| bad_type(0));
            return vec![Param { name, ty, variadic: false }];
        }
        let mut entries: Vec<Entry> = Vec::new();
        let mut first = Some((name, ty));
        let end = self.list("parameter list", Tok::Comma, close, &mut |p| {
            let entry = match first.take() {
                Some((Some(n), Some(t))) => Some(Entry { name: Some(n), ty: Some(t), dots: None }),
                Some((n, _)) => p.param_decl(n, close),
                None => p.param_decl(None, close),
            };
            entries.extend(entry);
            false
        });
        if entries.is_empty() {
            return Vec::new();
        }
        let named = entries.iter().filter(|e| e.name.is_some() && e.ty.is_some()).count();
        let typed = entries.iter().filter(|e| e.ty.is_some()).count();
        if named == 0 && !require_names {
            // All unnamed: the names found are type names.
            for e in &mut entries {
                if let Some(n) = e.name.take() {
                    e.ty = Some(TypeExpr { span: n.span, kind: TypeExprKind::Name(n.name) });
                }
            }
        } else if named != entries.len() {
            let mut err_pos = None;
            // The type (with its `...`, as gc's DotsType) spreads to the names before it.
            let mut cur: Option<(TypeExpr, Option<u32>)> = None;
            for e in entries.iter_mut().rev() {
                if let Some(t) = &e.ty {
                    cur = Some((t.clone(), e.dots));
                    if e.name.is_none() {
                        err_pos = Some(t.span.start);
                        e.name = Some(Ident { name: "_".to_string(), span: Span::new(t.span.start, t.span.start) });
                    }
                } else if let Some((t, dots)) = &cur {
                    e.ty = Some(t.clone());
                    e.dots = *dots;
                } else if let Some(n) = &e.name {
                    err_pos = Some(n.span.start);
                    e.ty = Some(bad_type(n.span.start));
                }
            }
            if let Some(mut pos) = err_pos {
                let msg = if named == typed {
                    pos = end;
                    if require_names {
                        "missing type constraint"
                    } else {
                        "missing parameter type"
                    }
                } else if require_names {
                    if entries.len() == 1 {
                        "missing type parameter name or invalid array length"
                    } else {
                        "missing type parameter name"
                    }
                } else {
                    "missing parameter name"
                };
                self.syntax_error_at(pos, msg);
            }
        }
        let n = entries.len();
        let mut reported = false;
        let mut params = Vec::with_capacity(n);
        for (i, e) in entries.into_iter().enumerate() {
            let mut variadic = e.dots.is_some();
            if let Some(dots) = e.dots {
                if !ddd_ok || i + 1 < n {
                    if !reported {
                        reported = true;
                        let msg = if ddd_ok { "can only use ... with final parameter" } else { "invalid use of ..." };
                        self.error_at(dots, msg);
                    }
                    variadic = false;
                }
            }
            let ty = e.ty.unwrap_or_else(|| bad_type(0));
            params.push(Param { name: e.name, ty, variadic });
        }
        params
    }

    /// gc's `paramDeclOrNil`: `[name] [...] Type`, with type-set terms in `[...]` lists.
    #[inline(never)]
    fn param_decl(&mut self, name: Option<Ident>, follow: Tok) -> Option<Entry> {
        let type_sets = follow == Tok::Rbrack;
        let start = name.as_ref().map_or(self.pos(), |n| n.span.start);
        if name.is_none() && type_sets && self.at_op(Op::Tilde) {
            return Some(Entry { name: None, ty: Some(self.embedded_elem(None)), dots: None });
        }
        let mut e = Entry { name: None, ty: None, dots: None };
        if self.at(Tok::Name) || name.is_some() {
            let name = match name {
                Some(n) => n,
                None => self.ident(),
            };
            if self.at(Tok::Lbrack) {
                match self.array_or_args() {
                    ArrayOrArgs::Args(args) => {
                        let base = TypeExpr { span: name.span, kind: TypeExprKind::Name(name.name) };
                        e.ty = Some(TypeExpr {
                            kind: TypeExprKind::Generic { base: Box::new(base), args },
                            span: self.span_from(start),
                        });
                    }
                    ArrayOrArgs::Type(t) => {
                        e.name = Some(name);
                        e.ty = Some(t);
                    }
                }
                if type_sets && self.at_op(Op::Binary(BinaryOp::Or)) {
                    e.ty = Some(self.embedded_elem(e.ty.take()));
                }
                return Some(e);
            }
            if self.at(Tok::Dot) {
                let t = self.qualified_name(Some(name));
                e.ty = Some(if type_sets && self.at_op(Op::Binary(BinaryOp::Or)) {
                    self.embedded_elem(Some(t))
                } else {
                    t
                });
                return Some(e);
            }
            if type_sets && self.at_op(Op::Binary(BinaryOp::Or)) {
                let t = TypeExpr { span: name.span, kind: TypeExprKind::Name(name.name) };
                e.ty = Some(self.embedded_elem(Some(t)));
                return Some(e);
            }
            e.name = Some(name);
        }
        if self.at(Tok::DotDotDot) {
            let pos = self.pos();
            e.dots = Some(pos);
            self.next();
            match self.type_or_nil() {
                Some(t) => e.ty = Some(TypeExpr { span: Span::new(pos, t.span.end), kind: t.kind }),
                None => {
                    self.syntax_error("... is missing type");
                    e.ty = Some(bad_type(self.pos()));
                    e.dots = None;
                }
            }
            return Some(e);
        }
        if type_sets && self.at_op(Op::Tilde) {
            e.ty = Some(self.embedded_elem(None));
            return Some(e);
        }
        e.ty = self.type_or_nil();
        if type_sets && self.at_op(Op::Binary(BinaryOp::Or)) && e.ty.is_some() {
            e.ty = Some(self.embedded_elem(e.ty.take()));
        }
        if e.name.is_some() || e.ty.is_some() {
            return Some(e);
        }
        self.syntax_error(&format!("expected {}", follow.expected_str()));
        self.advance(&[Tok::Comma, follow]);
        None
    }

    fn at_op(&self, op: Op) -> bool {
        self.tok.tok == Tok::Operator(op)
    }

    /// `[` is current after a name: a slice/array type (`x []int`, `x [3]int`) or type
    /// arguments (`T[int]`).
    #[inline(never)]
    fn array_or_args(&mut self) -> ArrayOrArgs {
        let start = self.pos();
        self.want(Tok::Lbrack);
        if self.got(Tok::Rbrack) {
            let elem = self.type_();
            return ArrayOrArgs::Type(TypeExpr {
                kind: TypeExprKind::Slice(Box::new(elem)),
                span: self.span_from(start),
            });
        }
        let (mut list, comma) = self.type_list(false);
        self.want(Tok::Rbrack);
        if !comma && list.len() == 1 {
            if let Some(elem) = self.type_or_nil() {
                let len = list.pop().map(Box::new);
                let kind = TypeExprKind::Array { len, elem: Box::new(elem) };
                return ArrayOrArgs::Type(TypeExpr { kind, span: self.span_from(start) });
            }
        }
        ArrayOrArgs::Args(list.into_iter().map(|e| self.as_type(e)).collect())
    }

    /// `EmbeddedElem = EmbeddedTerm { "|" EmbeddedTerm }`, where a term may be `~T`. A union
    /// or `~` term becomes a constraint; a single plain type stays itself.
    fn embedded_elem(&mut self, first: Option<TypeExpr>) -> TypeExpr {
        let (first, mut is_constraint) = match first {
            Some(t) => (t, false),
            None => self.embedded_term(),
        };
        let start = first.span.start;
        while self.at_op(Op::Binary(BinaryOp::Or)) {
            self.next();
            self.embedded_term();
            is_constraint = true;
        }
        if is_constraint {
            constraint(self.span_from(start))
        } else {
            first
        }
    }

    /// `[~] Type`; true when it had the `~`.
    fn embedded_term(&mut self) -> (TypeExpr, bool) {
        if self.at_op(Op::Tilde) {
            let start = self.pos();
            self.next();
            let t = self.type_();
            return (TypeExpr { span: Span::new(start, t.span.end), kind: t.kind }, true);
        }
        if let Some(t) = self.type_or_nil() {
            return (t, false);
        }
        let pos = self.pos();
        self.syntax_error("expected ~ term or type");
        self.advance(&[Tok::Operator(Op::Not), SEMI, Tok::Rparen, Tok::Rbrack, Tok::Rbrace]);
        (bad_type(pos), false)
    }

    #[inline(never)]
    fn struct_type(&mut self) -> TypeExpr {
        let start = self.pos();
        self.want(Tok::Struct);
        self.want(Tok::Lbrace);
        let mut fields = Vec::new();
        self.list("struct type", SEMI, Tok::Rbrace, &mut |p| {
            p.field_decl(&mut fields);
            false
        });
        TypeExpr { kind: TypeExprKind::Struct(fields), span: self.span_from(start) }
    }

    fn tag(&mut self) -> Option<String> {
        let Tok::Literal(kind) = self.tok.tok else { return None };
        let text = self.text(self.tok.span);
        self.next();
        Some(match kind {
            LitKind::String => String::from_utf8_lossy(&decode_string(text)).into_owned(),
            _ => text.to_string(),
        })
    }

    /// gc's `fieldDecl`: `a, b T "tag"`, or an embedded `T`, `*T`, `pkg.T`, `T[A]`.
    #[inline(never)]
    fn field_decl(&mut self, fields: &mut Vec<Field>) {
        let start = self.pos();
        match self.tok.tok {
            Tok::Name => {
                let name = self.ident();
                if matches!(self.tok.tok, Tok::Dot | Tok::Literal(_) | Tok::Semi(_) | Tok::Rbrace) {
                    let ty = self.qualified_name(Some(name));
                    let tag = self.tag();
                    fields.push(Field { name: None, ty, tag, span: self.span_from(start) });
                    return;
                }
                let names = self.name_list(name);
                let ty = if names.len() == 1 && self.at(Tok::Lbrack) {
                    match self.array_or_args() {
                        ArrayOrArgs::Args(args) => {
                            let n = names.into_iter().next();
                            let base = n.map_or_else(
                                || bad_type(start),
                                |n| TypeExpr { span: n.span, kind: TypeExprKind::Name(n.name) },
                            );
                            let span = self.span_from(start);
                            let ty = TypeExpr { kind: TypeExprKind::Generic { base: Box::new(base), args }, span };
                            let tag = self.tag();
                            fields.push(Field { name: None, ty, tag, span: self.span_from(start) });
                            return;
                        }
                        ArrayOrArgs::Type(t) => t,
                    }
                } else {
                    self.type_()
                };
                let tag = self.tag();
                let span = self.span_from(start);
                for n in names {
                    fields.push(Field {
                        span: Span::new(n.span.start, span.end),
                        name: Some(n),
                        ty: ty.clone(),
                        tag: tag.clone(),
                    });
                }
            }
            Tok::Star => {
                self.next();
                let inner = if self.at(Tok::Lparen) {
                    self.syntax_error("cannot parenthesize embedded type");
                    self.next();
                    let t = self.qualified_name(None);
                    self.got(Tok::Rparen);
                    t
                } else {
                    self.qualified_name(None)
                };
                let ty = TypeExpr { kind: TypeExprKind::Pointer(Box::new(inner)), span: self.span_from(start) };
                let tag = self.tag();
                fields.push(Field { name: None, ty, tag, span: self.span_from(start) });
            }
            Tok::Lparen => {
                self.syntax_error("cannot parenthesize embedded type");
                self.next();
                let ty = if self.at(Tok::Star) {
                    let pos = self.pos();
                    self.next();
                    let inner = self.qualified_name(None);
                    TypeExpr { kind: TypeExprKind::Pointer(Box::new(inner)), span: self.span_from(pos) }
                } else {
                    self.qualified_name(None)
                };
                self.got(Tok::Rparen);
                let tag = self.tag();
                fields.push(Field { name: None, ty, tag, span: self.span_from(start) });
            }
            _ => {
                self.syntax_error("expected field name or embedded type");
                self.advance(&[SEMI, Tok::Rbrace]);
            }
        }
    }

    #[inline(never)]
    fn interface_type(&mut self) -> TypeExpr {
        let start = self.pos();
        self.want(Tok::Interface);
        self.want(Tok::Lbrace);
        let mut elems = Vec::new();
        self.list("interface type", SEMI, Tok::Rbrace, &mut |p| {
            let elem = p.interface_elem();
            elems.push(elem);
            false
        });
        TypeExpr { kind: TypeExprKind::Interface(elems), span: self.span_from(start) }
    }

    fn interface_elem(&mut self) -> InterfaceElem {
        let first = if self.at(Tok::Name) {
            let name = self.ident();
            match self.tok.tok {
                Tok::Lparen => {
                    let (_, sig) = self.func_type("interface method", self.pos());
                    return InterfaceElem::Method { name, sig };
                }
                Tok::Lbrack => {
                    let t = self.qualified_name(Some(name.clone()));
                    if self.at(Tok::Lparen) {
                        self.error_at(name.span.end, "interface method must have no type parameters");
                        let (_, sig) = self.func_type("interface method", self.pos());
                        return InterfaceElem::Method { name, sig };
                    }
                    Some(t)
                }
                _ => Some(self.qualified_name(Some(name))),
            }
        } else {
            None
        };
        let t = self.embedded_elem(first);
        match t.kind {
            TypeExprKind::Interface(ref elems) if matches!(elems.as_slice(), [InterfaceElem::Constraint(_)]) => {
                InterfaceElem::Constraint(t.span)
            }
            _ => InterfaceElem::Embed(t),
        }
    }

    /// `TypeSpec = identifier [ TypeParams ] [ "=" ] Type`, telling `type A [N]int` from
    /// `type L[T any] ...` like gc.
    #[inline(never)]
    pub(super) fn type_spec(&mut self) -> Spec {
        let start = self.pos();
        let name = self.ident();
        let mut type_params = Vec::new();
        let mut alias = false;
        let ty;
        if self.at(Tok::Lbrack) {
            let lb = self.pos();
            self.next();
            match self.tok.tok {
                Tok::Name => {
                    let first = self.ident();
                    let mut x = Expr { span: first.span, kind: ExprKind::Ident(first.name) };
                    if !self.at(Tok::Lbrack) {
                        self.xnest += 1;
                        let px = self.pexpr(Some(x), false);
                        x = self.binary_expr(Some(px), 0);
                        self.xnest -= 1;
                    }
                    match extract_name(x, self.at(Tok::Comma)) {
                        Ok((pname, ptype)) if ptype.is_some() || !self.at(Tok::Rbrack) => {
                            let ptype = ptype.map(|t| self.param_type(t));
                            type_params = self.param_list(Some(pname), ptype, Tok::Rbrack, true, false);
                            alias = self.got_assign();
                            ty = self.type_or_nil();
                        }
                        Ok((pname, _)) => {
                            let len = Expr { span: pname.span, kind: ExprKind::Ident(pname.name) };
                            ty = Some(self.array_type(lb, Some(len)));
                        }
                        Err(x) => ty = Some(self.array_type(lb, Some(x))),
                    }
                }
                Tok::Rbrack => {
                    self.next();
                    let elem = self.type_();
                    ty = Some(TypeExpr { kind: TypeExprKind::Slice(Box::new(elem)), span: self.span_from(lb) });
                }
                _ => ty = Some(self.array_type(lb, None)),
            }
        } else {
            alias = self.got_assign();
            ty = self.type_or_nil();
        }
        let ty = match ty {
            Some(t) => t,
            None => {
                let pos = self.pos();
                self.syntax_error("in type declaration");
                self.advance(&[SEMI, Tok::Rparen]);
                bad_type(pos)
            }
        };
        Spec::Type { name, type_params, alias, ty, span: self.span_from(start) }
    }

    /// The type part split off a type parameter (`*E`, `E | F`, `[]E`) as a type.
    fn param_type(&mut self, e: Expr) -> TypeExpr {
        if let ExprKind::Binary { op: BinaryOp::Or, .. } = e.kind {
            return constraint(e.span);
        }
        self.as_type(e)
    }
}

/// gc's `extractName`: splits `P *E`, `P (E)`, `P E|F` read as one expression into the type
/// parameter name and its constraint; `Err` when `x` is not of that shape.
fn extract_name(x: Expr, force: bool) -> Result<(Ident, Option<Expr>), Expr> {
    let span = x.span;
    match x.kind {
        ExprKind::Ident(name) => Ok((Ident { name, span }, None)),
        ExprKind::Binary { op: BinaryOp::Mul, lhs, rhs }
            if matches!(lhs.kind, ExprKind::Ident(_)) && (force || is_type_elem(&rhs)) =>
        {
            let name = match lhs.kind {
                ExprKind::Ident(n) => n,
                _ => String::new(),
            };
            let star_span = Span::new(rhs.span.start.saturating_sub(1).max(lhs.span.end), rhs.span.end);
            Ok((Ident { name, span: lhs.span }, Some(Expr { kind: ExprKind::Star(rhs), span: star_span })))
        }
        ExprKind::Binary { op: BinaryOp::Or, lhs, rhs } => {
            let f = force || is_type_elem(&rhs);
            match extract_name(*lhs, f) {
                Ok((name, Some(l))) => {
                    let span = Span::new(l.span.start, rhs.span.end);
                    Ok((name, Some(Expr { kind: ExprKind::Binary { op: BinaryOp::Or, lhs: Box::new(l), rhs }, span })))
                }
                Ok((name, None)) => {
                    let l = Expr { span: name.span, kind: ExprKind::Ident(name.name) };
                    Err(Expr { kind: ExprKind::Binary { op: BinaryOp::Or, lhs: Box::new(l), rhs }, span })
                }
                Err(l) => Err(Expr { kind: ExprKind::Binary { op: BinaryOp::Or, lhs: Box::new(l), rhs }, span }),
            }
        }
        ExprKind::Call { func, mut args, spread }
            if matches!(func.kind, ExprKind::Ident(_))
                && args.len() == 1
                && !spread
                && (force || args.first().is_some_and(is_type_elem)) =>
        {
            let name = match func.kind {
                ExprKind::Ident(n) => n,
                _ => String::new(),
            };
            let arg = args.pop().map(unparen_owned);
            Ok((Ident { name, span: func.span }, arg))
        }
        kind => Err(Expr { kind, span }),
    }
}
