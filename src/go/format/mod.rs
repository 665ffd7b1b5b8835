//! gofmt for the notebook's Go subset: [`format_source`] parses with [`crate::go::parser`]
//! and prints the tree the way go/printer does, as gofmt configures it (tabs for indentation,
//! spaces for alignment, tab width 8), so a program looks as `gofmt` would leave it.
//!
//! A port rather than a re-invention: go/printer's choices (blanks around operators by
//! precedence depth, line breaks kept from the source, comments placed by position, columns
//! aligned by a tabwriter) interact in ways only the same algorithm reproduces.
//!
//! - `source`: line table, token positions the tree lacks, comments (re-lexed).
//! - `printer`: go/printer's core: the white-space buffer, line breaks from the source.
//! - `comment`: comments placed between items; doc comments reformatted.
//! - `exprs`, `types`, `stmts`: go/printer's `nodes.go`; declarations are here.
//! - `tabwriter`: `text/tabwriter` and go/printer's trimmer, the output stage.

mod comment;
mod exprs;
mod printer;
mod source;
mod stmts;
mod tabwriter;
mod types;

use super::ast::{Decl, Expr, FuncDecl, FuncType, GenDecl, GenKind, Span, Spec, Stmt, TypeExpr};
use super::token::{LitKind, Tok};
use exprs::Item;
use printer::{Printer, Ws};
use source::Source;

/// `src` formatted as gofmt formats it, or the syntax errors `go build` would print
/// (`prog.go:L:C: message`) when it does not parse.
pub fn format_source(src: &str) -> Result<String, Vec<String>> {
    let (file, diags) = super::parser::parse_syntax(src);
    if !diags.is_empty() {
        return Err(super::diag::render(super::FILE_NAME, src, &diags));
    }
    let mut source = Source::new(src);
    let imports = import_decls(&source, file.package.span.end as usize);
    // ast.SortImports: no blank line may remain before a group's `)`; it merges the lines
    // between the last spec and `)` (which moves comments there onto one line).
    for d in &imports {
        if let (Some((_, rparen)), Some(last)) = (d.parens, d.specs.last()) {
            let last_line = source.line(last.at);
            let mut rparen_line = source.line(rparen);
            while rparen_line > last_line + 1 {
                rparen_line -= 1;
                source.merge_line(rparen_line);
            }
        }
    }
    let mut p = Printer::new(&source, true);
    p.file(&file, imports);
    p.finish();
    let aligned = tabwriter::align(&p.output);
    let out = tabwriter::trim(&aligned);
    Ok(String::from_utf8_lossy(&out).into_owned())
}

/// A node `nodeSize` measures; its address keys the memo.
#[derive(Clone, Copy)]
pub(super) enum Node<'e> {
    Expr(&'e Expr),
    Pair(&'e Expr, &'e Expr),
    Type(&'e TypeExpr),
    /// A method's signature, measured as the `func` type go/ast holds.
    Sig(&'e FuncType),
    Stmt(&'e Stmt),
}

impl Node<'_> {
    fn key(self) -> usize {
        match self {
            Node::Expr(e) => e as *const Expr as usize,
            Node::Pair(k, _) => (k as *const Expr as usize) + 1,
            Node::Type(t) => t as *const TypeExpr as usize,
            Node::Sig(f) => f as *const FuncType as usize,
            Node::Stmt(s) => s as *const Stmt as usize,
        }
    }
}

/// One import spec, read back from the tokens (the tree keeps only paths).
#[derive(Clone, Debug)]
struct ImportSpec {
    alias: Option<Span>,
    path: Span,
    /// Where it is printed: after sorting, a spec takes the place of the one it replaces.
    at: usize,
}

impl ImportSpec {
    fn new(alias: Option<Span>, path: Span) -> Self {
        ImportSpec { alias, path, at: alias.unwrap_or(path).start as usize }
    }

    fn start(&self) -> usize {
        self.alias.unwrap_or(self.path).start as usize
    }
}

/// `import "x"` or `import ( ... )`.
struct ImportDecl {
    start: usize,
    /// `(` and `)` of a group.
    parens: Option<(usize, usize)>,
    specs: Vec<ImportSpec>,
}

enum D<'e> {
    Import(ImportDecl),
    Gen(&'e GenDecl),
    Func(&'e FuncDecl),
}

impl D<'_> {
    fn start(&self) -> usize {
        match self {
            D::Import(d) => d.start,
            D::Gen(d) => d.span.start as usize,
            D::Func(d) => d.span.start as usize,
        }
    }

    fn tok(&self) -> &'static str {
        match self {
            D::Import(_) => "import",
            D::Gen(d) => gen_keyword(d.kind),
            D::Func(_) => "func",
        }
    }
}

fn gen_keyword(kind: GenKind) -> &'static str {
    match kind {
        GenKind::Var => "var",
        GenKind::Const => "const",
        GenKind::Type => "type",
    }
}

/// The unquoted import path (raw or interpreted), for sorting.
fn import_path(src: &Source, spec: &ImportSpec) -> String {
    String::from_utf8_lossy(&super::lexer::decode_string(src.slice(spec.path))).into_owned()
}

/// The import declarations at the top of the file, groups sorted as `ast.SortImports` does
/// (by path within runs not separated by a blank line; exact duplicates dropped).
fn import_decls(src: &Source, package_end: usize) -> Vec<ImportDecl> {
    let mut decls = Vec::new();
    let mut at = package_end;
    while let Some((Tok::Import, kw)) = src.tok_at_or_after(at) {
        let mut d = ImportDecl { start: kw.start as usize, parens: None, specs: Vec::new() };
        at = kw.end as usize;
        let grouped = matches!(src.tok_at_or_after(at), Some((Tok::Lparen, _)));
        if let (true, Some((_, lp))) = (grouped, src.tok_at_or_after(at)) {
            at = lp.end as usize;
            let mut alias = None;
            while let Some((tok, span)) = src.tok_at_or_after(at) {
                at = span.end as usize;
                match tok {
                    Tok::Name | Tok::Dot => alias = Some(span),
                    Tok::Literal(LitKind::String) => d.specs.push(ImportSpec::new(alias.take(), span)),
                    Tok::Rparen => {
                        d.parens = Some((lp.start as usize, span.start as usize));
                        break;
                    }
                    _ => break,
                }
            }
            sort_imports(src, &mut d);
        } else {
            let mut alias = None;
            while let Some((tok, span)) = src.tok_at_or_after(at) {
                at = span.end as usize;
                match tok {
                    Tok::Name | Tok::Dot => alias = Some(span),
                    _ => {
                        d.specs.push(ImportSpec::new(alias, span));
                        break;
                    }
                }
            }
        }
        decls.push(d);
    }
    decls
}

fn sort_imports(src: &Source, d: &mut ImportDecl) {
    let Some((lp, rp)) = d.parens else { return };
    // Comments inside the group would have to move with their specs: left as they are.
    if src.groups.iter().flat_map(|g| g.list.iter()).any(|c| c.start > lp && c.start < rp) {
        return;
    }
    let mut out: Vec<ImportSpec> = Vec::new();
    let mut run: Vec<ImportSpec> = Vec::new();
    let specs = std::mem::take(&mut d.specs);
    let flush = |run: &mut Vec<ImportSpec>, out: &mut Vec<ImportSpec>| {
        let slots: Vec<ImportSpec> = run.clone();
        let mut sorted = std::mem::take(run);
        sorted.sort_by_key(|s| (import_path(src, s), s.alias.map(|a| src.slice(a).to_string())));
        sorted.dedup_by(|b, a| {
            import_path(src, a) == import_path(src, b) && a.alias.map(|x| src.slice(x)) == b.alias.map(|x| src.slice(x))
        });
        // Each spec takes the place (the line) of the one it replaces.
        for (spec, slot) in sorted.into_iter().zip(slots) {
            out.push(ImportSpec { at: slot.at, ..spec });
        }
    };
    let mut prev_end_line = 0;
    for s in specs {
        if !run.is_empty() && src.line(s.start()) > prev_end_line + 1 {
            flush(&mut run, &mut out);
        }
        prev_end_line = src.line(s.path.end as usize);
        run.push(s);
    }
    flush(&mut run, &mut out);
    d.specs = out;
}

/// go/printer's `keepTypeColumn`: in a run of specs with values, keep the type column if
/// any of them has a type.
fn keep_type_column(specs: &[Spec]) -> Vec<bool> {
    let mut m = vec![false; specs.len()];
    let mut run_start: Option<usize> = None;
    let mut keep_type = false;
    let populate = |m: &mut Vec<bool>, i: usize, j: usize, keep: bool| {
        if keep {
            for v in m.iter_mut().take(j).skip(i) {
                *v = true;
            }
        }
    };
    for (i, s) in specs.iter().enumerate() {
        let Spec::Value { ty, values, .. } = s else { continue };
        if !values.is_empty() {
            if run_start.is_none() {
                run_start = Some(i);
                keep_type = false;
            }
        } else if let Some(i0) = run_start.take() {
            populate(&mut m, i0, i, keep_type);
        }
        if ty.is_some() {
            keep_type = true;
        }
    }
    if let Some(i0) = run_start {
        populate(&mut m, i0, specs.len(), keep_type);
    }
    m
}

fn spec_start(s: &Spec) -> usize {
    (match s {
        Spec::Value { names, span, .. } => names.first().map_or(span.start, |n| n.span.start),
        Spec::Type { name, .. } => name.span.start,
    }) as usize
}

impl Printer<'_, '_> {
    fn file(&mut self, file: &super::ast::File, imports: Vec<ImportDecl>) {
        let package = self.src.find(Tok::Package, 0);
        self.set_pos(package);
        self.tok("package");
        self.ws(Ws::Blank);
        self.set_pos(file.package.span.start as usize);
        self.ident(&file.package.name);
        let mut decls: Vec<D> = imports.into_iter().map(D::Import).collect();
        decls.extend(file.decls.iter().map(|d| match d {
            Decl::Gen(g) => D::Gen(g),
            Decl::Func(f) => D::Func(f),
        }));
        let mut tok = "";
        for d in &decls {
            let prev = tok;
            tok = d.tok();
            if !self.output.is_empty() {
                let min = if prev != tok || self.src.has_doc(d.start()) { 2 } else { 1 };
                let multi_line = match d {
                    D::Func(f) => self.line_for(f.span.end as usize) > self.line_for(f.span.start as usize),
                    _ => false,
                };
                self.linebreak(self.line_for(d.start()), min, Ws::Ignore, tok == "func" && multi_line);
            }
            match d {
                D::Import(d) => self.import_decl(d),
                D::Gen(g) => self.gen_decl(g),
                D::Func(f) => self.func_decl(f),
            }
        }
        self.ws(Ws::Newline);
    }

    fn import_decl(&mut self, d: &ImportDecl) {
        self.set_pos(d.start);
        self.tok("import");
        self.ws(Ws::Blank);
        match d.parens {
            Some((lparen, rparen)) => {
                self.set_pos(lparen);
                self.tok("(");
                if !d.specs.is_empty() {
                    self.ws(Ws::Indent);
                    self.ws(Ws::Formfeed);
                    let slot = self.new_slot();
                    for (i, s) in d.specs.iter().enumerate() {
                        if i > 0 {
                            let new_section = self.lines_from(slot) > 0;
                            self.linebreak(self.line_for(s.at), 1, Ws::Ignore, new_section);
                        }
                        self.record_line(slot);
                        self.import_spec(s);
                    }
                    self.ws(Ws::Unindent);
                    self.ws(Ws::Formfeed);
                }
                self.set_pos(rparen);
                self.tok(")");
            }
            None => {
                if let Some(s) = d.specs.first() {
                    self.import_spec(s);
                }
            }
        }
    }

    fn import_spec(&mut self, s: &ImportSpec) {
        self.set_pos(s.at);
        if let Some(a) = s.alias {
            let text = self.src.slice(a);
            if text == "." {
                self.tok(".");
            } else {
                self.ident(text);
            }
            self.ws(Ws::Blank);
        }
        let text = self.src.slice(s.path);
        let path = import_path(self.src, s);
        let simple = !path.is_empty()
            && path
                .chars()
                .all(|c| !c.is_control() && !c.is_whitespace() && !"!\"#$%&'()*,:;<=>?[\\]^{|}`\u{FFFD}".contains(c));
        let lit = if text.starts_with('`') && simple { format!("\"{path}\"") } else { text.to_string() };
        self.lit(&lit, false);
    }

    pub fn gen_decl(&mut self, d: &GenDecl) {
        let kw = d.span.start as usize;
        self.set_pos(kw);
        self.tok(gen_keyword(d.kind));
        self.ws(Ws::Blank);
        let lparen = match self.src.tok_at_or_after(kw + 1) {
            Some((Tok::Lparen, s)) => Some(s.start as usize),
            _ => None,
        };
        let n = d.specs.len();
        if lparen.is_some() || n != 1 {
            self.set_pos(lparen.unwrap_or(kw));
            self.tok("(");
            if n > 0 {
                self.ws(Ws::Indent);
                self.ws(Ws::Formfeed);
                let slot = self.new_slot();
                let keep = if n > 1 && d.kind != GenKind::Type { Some(keep_type_column(&d.specs)) } else { None };
                for (i, s) in d.specs.iter().enumerate() {
                    if i > 0 {
                        let new_section = self.lines_from(slot) > 0;
                        self.linebreak(self.line_for(spec_start(s)), 1, Ws::Ignore, new_section);
                    }
                    self.record_line(slot);
                    match &keep {
                        Some(keep) => self.value_spec(s, keep.get(i).copied().unwrap_or(false)),
                        None => self.spec(s, n, false),
                    }
                }
                self.ws(Ws::Unindent);
                self.ws(Ws::Formfeed);
            }
            self.set_pos((d.span.end as usize).saturating_sub(1));
            self.tok(")");
        } else if let Some(s) = d.specs.first() {
            self.spec(s, 1, true);
        }
    }

    fn value_spec(&mut self, s: &Spec, keep_type: bool) {
        let Spec::Value { names, ty, values, span, .. } = s else {
            self.spec(s, 2, false);
            return;
        };
        let names: Vec<_> = names.iter().collect();
        self.ident_list(&names, false);
        let mut extra_tabs = 3;
        if ty.is_some() || keep_type {
            self.ws(Ws::Vtab);
            extra_tabs -= 1;
        }
        if let Some(t) = ty {
            self.type_expr(t);
        }
        if !values.is_empty() {
            self.ws(Ws::Vtab);
            self.tok("=");
            self.ws(Ws::Blank);
            let items: Vec<Item> = values.iter().map(Item::E).collect();
            self.expr_list(None, &items, 1, 0, None);
            extra_tabs -= 1;
        }
        if self.src.line_comment_after(span.end as usize) {
            for _ in 0..extra_tabs {
                self.ws(Ws::Vtab);
            }
        }
    }

    fn spec(&mut self, s: &Spec, n: usize, do_indent: bool) {
        match s {
            Spec::Value { names, ty, values, .. } => {
                let names: Vec<_> = names.iter().collect();
                self.ident_list(&names, do_indent);
                if let Some(t) = ty {
                    self.ws(Ws::Blank);
                    self.type_expr(t);
                }
                if !values.is_empty() {
                    self.ws(Ws::Blank);
                    self.tok("=");
                    self.ws(Ws::Blank);
                    let items: Vec<Item> = values.iter().map(Item::E).collect();
                    self.expr_list(None, &items, 1, 0, None);
                }
            }
            Spec::Type { name, type_params, alias, ty, .. } => {
                self.set_pos(name.span.start as usize);
                self.ident(&name.name);
                if !type_params.is_empty() {
                    let open = self.src.find(Tok::Lbrack, name.span.end as usize);
                    self.parameters(type_params, open, ("[", "]"));
                }
                self.ws(if n == 1 { Ws::Blank } else { Ws::Vtab });
                if *alias {
                    self.tok("=");
                    self.ws(Ws::Blank);
                }
                self.type_expr(ty);
            }
        }
    }

    fn func_decl(&mut self, d: &FuncDecl) {
        let start = d.span.start as usize;
        self.set_pos(start);
        self.tok("func");
        self.ws(Ws::Blank);
        let start_col = self.out.column.saturating_sub("func ".len());
        if let Some(recv) = &d.recv {
            let open = self.src.find(Tok::Lparen, start);
            self.parameters(std::slice::from_ref(recv), open, ("(", ")"));
            self.ws(Ws::Blank);
        }
        self.set_pos(d.name.span.start as usize);
        self.ident(&d.name.name);
        self.signature(&d.sig, Some(&d.type_params));
        if let Some(body) = &d.body {
            let header = self.distance_from(start, start_col);
            self.func_body(header, Ws::Vtab, body);
        }
    }
}
