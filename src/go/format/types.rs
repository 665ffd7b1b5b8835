//! Types, signatures, struct and interface field lists, function bodies (one-line bodies
//! stay on one line when short), and go/printer's `nodeSize`, which measures a node by
//! printing it alone.

use super::exprs::Item;
use super::printer::{Printer, Ws, NO_EXTRA_LINEBREAK};
use super::source::{Source, INFINITY};
use super::Node;
use crate::go::ast::{Block, ChanDir, Field, FuncType, Ident, InterfaceElem, Param, TypeExpr, TypeExprKind};
use crate::go::token::{LitKind, Tok};

/// Parameters sharing one type (`a, b int`): the parser splits them, go/ast does not.
struct ParamGroup<'e> {
    names: Vec<&'e Ident>,
    ty: &'e TypeExpr,
    /// Where the `...` of a variadic parameter is.
    dots: Option<usize>,
    start: usize,
}

fn group_params<'e>(src: &Source, params: &'e [Param]) -> Vec<ParamGroup<'e>> {
    let mut groups: Vec<ParamGroup> = Vec::new();
    for p in params {
        if let (Some(name), Some(last)) = (&p.name, groups.last_mut()) {
            if !last.names.is_empty() && last.ty.span == p.ty.span {
                last.names.push(name);
                continue;
            }
        }
        // The `...` of a variadic parameter: inside the type's span or just before it.
        let dots = p.variadic.then(|| match src.tok_at_or_after(p.ty.span.start as usize) {
            Some((Tok::DotDotDot, _)) => p.ty.span.start as usize,
            _ => src.last_tok_before(p.ty.span.start as usize).map_or(p.ty.span.start, |(_, s)| s.start) as usize,
        });
        let start = p.name.as_ref().map_or(dots.unwrap_or(p.ty.span.start as usize), |n| n.span.start as usize);
        groups.push(ParamGroup { names: p.name.iter().collect(), ty: &p.ty, dots, start });
    }
    groups
}

/// Struct fields sharing one declaration (`a, b int`).
struct FieldGroup<'e> {
    names: Vec<&'e Ident>,
    field: &'e Field,
    end: usize,
}

fn group_fields(fields: &[Field]) -> Vec<FieldGroup<'_>> {
    let mut groups: Vec<FieldGroup> = Vec::new();
    for f in fields {
        if let (Some(name), Some(last)) = (&f.name, groups.last_mut()) {
            if !last.names.is_empty() && last.field.ty.span == f.ty.span {
                last.names.push(name);
                continue;
            }
        }
        groups.push(FieldGroup { names: f.name.iter().collect(), field: f, end: f.span.end as usize });
    }
    groups
}

impl Printer<'_, '_> {
    pub fn type_expr(&mut self, t: &TypeExpr) {
        // A variadic parameter's type span starts at its `...`, printed apart.
        let start = match self.src.tok_at_or_after(t.span.start as usize) {
            Some((Tok::DotDotDot, dots)) => {
                self.src.tok_at_or_after(dots.end as usize).map_or(t.span.start, |(_, s)| s.start) as usize
            }
            _ => t.span.start as usize,
        };
        self.set_pos(start);
        match &t.kind {
            TypeExprKind::Name(name) => self.ident(name),
            TypeExprKind::Qualified { package, name } => {
                // go/ast holds `pkg.T` as a selector: the same line break rule.
                self.ident(&package.name);
                self.tok(".");
                let broken = self.pos.valid() && self.pos.line < self.line_for(name.span.start as usize);
                if broken {
                    self.ws(Ws::Indent);
                    self.ws(Ws::Newline);
                }
                self.set_pos(name.span.start as usize);
                self.ident(&name.name);
                if broken {
                    self.ws(Ws::Unindent);
                }
            }
            TypeExprKind::Pointer(inner) => {
                self.tok("*");
                self.type_expr(inner);
            }
            TypeExprKind::Slice(elem) => {
                self.tok("[");
                self.tok("]");
                self.type_expr(elem);
            }
            TypeExprKind::Array { len, elem } => {
                self.tok("[");
                match len {
                    Some(n) => self.expr(n),
                    None => {
                        self.set_pos(self.src.find(Tok::DotDotDot, start));
                        self.tok("...");
                    }
                }
                self.tok("]");
                self.type_expr(elem);
            }
            TypeExprKind::Map { key, value } => {
                self.tok("map");
                self.tok("[");
                self.type_expr(key);
                self.tok("]");
                self.type_expr(value);
            }
            TypeExprKind::Chan { dir, elem } => {
                match dir {
                    ChanDir::Both => self.tok("chan"),
                    ChanDir::Recv => {
                        self.tok("<-");
                        self.tok("chan");
                    }
                    ChanDir::Send => {
                        self.tok("chan");
                        self.set_pos(self.src.find(Tok::Arrow, t.span.start as usize));
                        self.tok("<-");
                    }
                }
                self.ws(Ws::Blank);
                self.type_expr(elem);
            }
            TypeExprKind::Func(sig) => {
                self.tok("func");
                self.signature(sig, None);
            }
            TypeExprKind::Struct(fields) => {
                self.tok("struct");
                self.struct_fields(t, fields);
            }
            TypeExprKind::Interface(elems) => {
                self.tok("interface");
                self.interface_elems(t, elems);
            }
            TypeExprKind::Generic { base, args } => {
                self.type_expr(base);
                self.set_pos(self.src.find(Tok::Lbrack, base.span.end as usize));
                self.tok("[");
                for (i, a) in args.iter().enumerate() {
                    if i > 0 {
                        self.tok(",");
                        self.ws(Ws::Blank);
                    }
                    self.type_expr(a);
                }
                self.tok("]");
            }
        }
    }

    /// A signature; `recv_end` is where to look for `(` when it follows a name.
    pub fn signature(&mut self, sig: &FuncType, type_params: Option<&[Param]>) {
        let mut from = sig.span.start as usize;
        if let Some(tparams) = type_params.filter(|t| !t.is_empty()) {
            let open = self.src.find(Tok::Lbrack, from);
            from = self.parameters(tparams, open, ("[", "]"));
        }
        let open = self.src.find(Tok::Lparen, from);
        let close = self.parameters(&sig.params, open, ("(", ")"));
        let n = sig.results.len();
        if n > 0 {
            self.ws(Ws::Blank);
            if let (1, Some(Param { name: None, ty, variadic: false })) = (n, sig.results.first()) {
                self.type_expr(ty);
                return;
            }
            let open = self.src.find(Tok::Lparen, close + 1);
            self.parameters(&sig.results, open, ("(", ")"));
        }
    }

    /// go/printer's `parameters`; returns the closing token's offset.
    pub fn parameters(&mut self, params: &[Param], opening: usize, toks: (&'static str, &'static str)) -> usize {
        let close_tok = if toks.1 == ")" { Tok::Rparen } else { Tok::Rbrack };
        let groups = group_params(self.src, params);
        let closing = self.src.find(close_tok, groups.last().map_or(opening + 1, |g| g.ty.span.end as usize));
        self.set_pos(opening);
        self.tok(toks.0);
        if !groups.is_empty() {
            let mut prev_line = self.line_for(opening);
            let mut ws = Ws::Indent;
            for (i, g) in groups.iter().enumerate() {
                let beg = self.line_for(g.start);
                let end = self.line_for(g.ty.span.end as usize);
                let needs_linebreak = 0 < prev_line && prev_line < beg;
                if i > 0 {
                    if !needs_linebreak {
                        self.set_pos(g.start);
                    }
                    self.tok(",");
                }
                if needs_linebreak && self.linebreak(beg, 0, ws, true) > 0 {
                    ws = Ws::Ignore;
                } else if i > 0 {
                    self.ws(Ws::Blank);
                }
                if !g.names.is_empty() {
                    self.ident_list(&g.names, ws == Ws::Indent);
                    self.ws(Ws::Blank);
                }
                if let Some(dots) = g.dots {
                    self.set_pos(dots);
                    self.tok("...");
                }
                self.type_expr(g.ty);
                prev_line = end;
            }
            let closing_line = self.line_for(closing);
            if 0 < prev_line && prev_line < closing_line {
                self.tok(",");
                self.linebreak(closing_line, 0, Ws::Ignore, true);
            }
            if ws == Ws::Ignore {
                self.ws(Ws::Unindent);
            }
        }
        self.set_pos(closing);
        self.tok(toks.1);
        closing
    }

    /// The source text of a field's tag, if it has one.
    fn tag_text(&self, f: &Field) -> Option<String> {
        f.tag.as_ref()?;
        match self.src.last_tok_before(f.span.end as usize) {
            Some((Tok::Literal(LitKind::String), span)) => Some(self.src.slice(span).replace('\r', "")),
            _ => None,
        }
    }

    fn one_line_size_ok(&mut self, names: &[&Ident], ty: Option<&TypeExpr>) -> bool {
        const MAX_SIZE: usize = 30;
        let mut names_size = 0;
        for (i, n) in names.iter().enumerate() {
            if i > 0 {
                names_size += 2;
            }
            names_size += n.name.chars().count();
            if names_size >= MAX_SIZE {
                break;
            }
        }
        if names_size > 0 {
            names_size = 1;
        }
        let type_size = ty.map_or(MAX_SIZE + 1, |t| self.node_size(Node::Type(t), MAX_SIZE));
        names_size + type_size <= MAX_SIZE
    }

    fn struct_fields(&mut self, t: &TypeExpr, fields: &[Field]) {
        let lbrace = self.src.find(Tok::Lbrace, t.span.start as usize);
        let rbrace = (t.span.end as usize).saturating_sub(1);
        let groups = group_fields(fields);
        let has_comments = self.comment_before(self.pos_for(rbrace));
        let one_line = self.line_for(lbrace) == self.line_for(rbrace);
        if !has_comments && one_line {
            if groups.is_empty() {
                self.set_pos(lbrace);
                self.tok("{");
                self.set_pos(rbrace);
                self.tok("}");
                return;
            }
            if let [g] = groups.as_slice() {
                let plain = g.field.tag.is_none() && !self.src.line_comment_after(g.end);
                if plain && self.one_line_size_ok(&g.names, Some(&g.field.ty)) {
                    self.set_pos(lbrace);
                    self.tok("{");
                    self.ws(Ws::Blank);
                    for (i, n) in g.names.iter().enumerate() {
                        if i > 0 {
                            self.tok(",");
                            self.ws(Ws::Blank);
                        }
                        self.set_pos(n.span.start as usize);
                        self.ident(&n.name);
                    }
                    if !g.names.is_empty() {
                        self.ws(Ws::Blank);
                    }
                    self.type_expr(&g.field.ty);
                    self.ws(Ws::Blank);
                    self.set_pos(rbrace);
                    self.tok("}");
                    return;
                }
            }
        }
        self.ws(Ws::Blank);
        self.set_pos(lbrace);
        self.tok("{");
        self.ws(Ws::Indent);
        if has_comments || !groups.is_empty() {
            self.ws(Ws::Formfeed);
        }
        let sep = if groups.len() == 1 { Ws::Blank } else { Ws::Vtab };
        let slot = self.new_slot();
        for (i, g) in groups.iter().enumerate() {
            if i > 0 {
                let start = g.names.first().map_or(g.field.ty.span.start, |n| n.span.start) as usize;
                let new_section = self.lines_from(slot) > 0;
                self.linebreak(self.line_for(start), 1, Ws::Ignore, new_section);
            }
            self.record_line(slot);
            let mut extra_tabs;
            if !g.names.is_empty() {
                self.ident_list(&g.names, false);
                self.ws(sep);
                self.type_expr(&g.field.ty);
                extra_tabs = 1;
            } else {
                self.type_expr(&g.field.ty);
                extra_tabs = 2;
            }
            if let Some(tag) = self.tag_text(g.field) {
                if !g.names.is_empty() && sep == Ws::Vtab {
                    self.ws(sep);
                }
                self.ws(sep);
                let tag_start = self.src.last_tok_before(g.end).map_or(g.end, |(_, s)| s.start as usize);
                self.set_pos(tag_start);
                self.lit(&tag, false);
                extra_tabs = 0;
            }
            if self.src.line_comment_after(g.end) {
                for _ in 0..extra_tabs {
                    self.ws(sep);
                }
            }
        }
        self.ws(Ws::Unindent);
        self.ws(Ws::Formfeed);
        self.set_pos(rbrace);
        self.tok("}");
    }

    fn interface_elems(&mut self, t: &TypeExpr, elems: &[InterfaceElem]) {
        let lbrace = self.src.find(Tok::Lbrace, t.span.start as usize);
        let rbrace = (t.span.end as usize).saturating_sub(1);
        let has_comments = self.comment_before(self.pos_for(rbrace));
        let one_line = self.line_for(lbrace) == self.line_for(rbrace);
        if !has_comments && one_line {
            if elems.is_empty() {
                self.set_pos(lbrace);
                self.tok("{");
                self.set_pos(rbrace);
                self.tok("}");
                return;
            }
            let fits = match elems {
                [InterfaceElem::Embed(ty)] => self.one_line_size_ok(&[], Some(ty)),
                [InterfaceElem::Method { sig, .. }] => {
                    !self.src.line_comment_after(sig.span.end as usize) && self.node_size(Node::Sig(sig), 30) < 30
                }
                _ => false,
            };
            if fits {
                self.set_pos(lbrace);
                self.tok("{");
                self.ws(Ws::Blank);
                match elems {
                    [InterfaceElem::Method { name, sig }] => {
                        self.set_pos(name.span.start as usize);
                        self.ident(&name.name);
                        self.signature(sig, None);
                    }
                    [InterfaceElem::Embed(ty)] => self.type_expr(ty),
                    _ => {}
                }
                self.ws(Ws::Blank);
                self.set_pos(rbrace);
                self.tok("}");
                return;
            }
        }
        self.ws(Ws::Blank);
        self.set_pos(lbrace);
        self.tok("{");
        self.ws(Ws::Indent);
        if has_comments || !elems.is_empty() {
            self.ws(Ws::Formfeed);
        }
        let slot = self.new_slot();
        for (i, e) in elems.iter().enumerate() {
            let start = match e {
                InterfaceElem::Method { name, .. } => name.span.start,
                InterfaceElem::Embed(ty) => ty.span.start,
                InterfaceElem::Constraint(span) => span.start,
            } as usize;
            if i > 0 {
                let new_section = self.lines_from(slot) > 0;
                self.linebreak(self.line_for(start), 1, Ws::Ignore, new_section);
            }
            self.record_line(slot);
            match e {
                InterfaceElem::Method { name, sig } => {
                    self.set_pos(start);
                    self.ident(&name.name);
                    self.signature(sig, None);
                }
                InterfaceElem::Embed(ty) => self.type_expr(ty),
                InterfaceElem::Constraint(span) => {
                    self.set_pos(start);
                    let text = self.src.slice(*span);
                    self.lit(text, false);
                }
            }
        }
        self.ws(Ws::Unindent);
        self.ws(Ws::Formfeed);
        self.set_pos(rbrace);
        self.tok("}");
    }

    fn body_size(&mut self, b: &Block, max_size: usize) -> usize {
        let lbrace = b.span.start as usize;
        let rbrace = (b.span.end as usize).saturating_sub(1);
        if self.line_for(lbrace) != self.line_for(rbrace) || b.stmts.len() > 5 {
            return max_size + 1;
        }
        let mut size = self.comment_size_before(self.pos_for(rbrace));
        for (i, s) in b.stmts.iter().enumerate() {
            if size > max_size {
                break;
            }
            if i > 0 {
                size += 2;
            }
            size += self.node_size(Node::Stmt(s), max_size);
        }
        size
    }

    /// go/printer's `funcBody`: on one line if it was and the whole fits in 100 columns.
    pub fn func_body(&mut self, header_size: usize, sep: Ws, b: &Block) {
        let saved_level = self.level;
        self.level = 0;
        const MAX_SIZE: usize = 100;
        let body = self.body_size(b, MAX_SIZE);
        if header_size.saturating_add(body) <= MAX_SIZE {
            self.ws(sep);
            self.set_pos(b.span.start as usize);
            self.tok("{");
            if !b.stmts.is_empty() {
                self.ws(Ws::Blank);
                for (i, s) in b.stmts.iter().enumerate() {
                    if i > 0 {
                        self.tok(";");
                        self.ws(Ws::Blank);
                    }
                    self.stmt(s, i + 1 == b.stmts.len());
                }
                self.ws(Ws::Blank);
            }
            self.mode(NO_EXTRA_LINEBREAK);
            self.set_pos((b.span.end as usize).saturating_sub(1));
            self.tok("}");
            self.mode(NO_EXTRA_LINEBREAK);
        } else {
            if sep != Ws::Ignore {
                self.ws(Ws::Blank);
            }
            self.block(b, 1);
        }
        self.level = saved_level;
    }

    /// go/printer's `nodeSize`: the node's width printed alone on one line, or `max + 1`.
    pub fn node_size(&mut self, node: Node, max: usize) -> usize {
        let key = node.key();
        if let Some(&size) = self.sizes.get(&key) {
            return size;
        }
        let mut size = max + 1;
        self.sizes.insert(key, size);
        let mut sub = Printer::new(self.src, false);
        sub.sizes = std::mem::take(&mut self.sizes);
        match node {
            Node::Expr(e) => sub.expr(e),
            Node::Pair(k, v) => sub.item(Item::Kv(k, v), 1),
            Node::Type(t) => sub.type_expr(t),
            Node::Sig(sig) => {
                sub.set_pos(sig.span.start as usize);
                sub.tok("func");
                sub.signature(sig, None);
            }
            Node::Stmt(s) => {
                if matches!(s.kind, crate::go::ast::StmtKind::Labeled { .. }) {
                    sub.indent = 1;
                }
                sub.stmt(s, false);
            }
        }
        sub.finish();
        self.sizes = std::mem::take(&mut sub.sizes);
        let out = super::tabwriter::trim(&sub.output);
        if out.len() <= max && !out.contains(&b'\n') {
            size = out.len();
            self.sizes.insert(key, size);
        }
        size.min(INFINITY)
    }
}
