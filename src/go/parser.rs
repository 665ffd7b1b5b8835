//! Go's parser: a port of gc's recursive-descent parser (`cmd/compile/internal/syntax`), so
//! syntax errors read and point exactly like `go build`'s. It builds [`ast::File`] and never
//! panics: nesting is capped, every loop consumes a token or stops, and after an error it
//! resynchronises like gc (skip to the next `;` or `}`, at most one syntax error per line).
//!
//! Split by grammar area: [`expr`] (expressions and literals), [`types`] (types, parameters),
//! [`stmt`] (statements and headers); this file has the token plumbing and declarations.

mod expr;
mod stmt;
mod types;

use super::ast::{self, Decl, Expr, ExprKind, File, GenDecl, GenKind, Ident, Import, Span, Spec};
use super::diag::{Diagnostic, LineMap};
use super::lexer::{decode_string, Lexer};
use super::token::{LitKind, SemiKind, Tok, Token};

pub use expr::gc_pos;

/// Deeper nesting of expressions, types or blocks is refused rather than risking the stack.
const MAX_DEPTH: u32 = 200;

/// Parses a whole file. The tree is complete even after errors (with `Bad` placeholders).
pub fn parse_file(src: &str) -> (File, Vec<Diagnostic>) {
    let (file, mut diags, mut type_errors) = parse(src);
    // gc type checks (and so reports types2's errors) only without syntax errors.
    if !diags.iter().any(|d| d.message.starts_with("syntax error")) {
        diags.append(&mut type_errors);
    }
    (file, diags)
}

/// [`parse_file`] without the type errors found while parsing (an invalid `select` case):
/// what gofmt refuses.
pub fn parse_syntax(src: &str) -> (File, Vec<Diagnostic>) {
    let (file, diags, _) = parse(src);
    (file, diags)
}

fn parse(src: &str) -> (File, Vec<Diagnostic>, Vec<Diagnostic>) {
    let mut p = Parser::new(src);
    let file = p.file();
    // The go command reads the package clause and imports with go/parser before compiling;
    // when that fails, its one error is all `go build` prints.
    if let Some(d) = p.go_cmd_error.take() {
        return (file, vec![d], Vec::new());
    }
    (file, p.diags, p.type_errors)
}

pub(crate) struct Parser<'a> {
    src: &'a str,
    lx: Lexer<'a>,
    /// The current token.
    tok: Token,
    /// End of the previous token: where a node that ends there stops.
    prev_end: u32,
    /// Tokens read so far, to prove progress in loops.
    ntok: u64,
    diags: Vec<Diagnostic>,
    lines: LineMap,
    /// Line of the last syntax error: gc reports one per line.
    last_syntax_line: Option<u32>,
    /// Any error so far (gc's `p.first != nil`).
    has_error: bool,
    /// Expression nesting: -1 inside an `if`/`for`/`switch` header, where `T{` is not a literal.
    xnest: i32,
    /// Function nesting: inside a body, statement keywords stop error recovery.
    fnest: i32,
    depth: u32,
    /// Nesting overflowed: the token stream now reads as EOF so everything unwinds.
    too_deep: bool,
    /// The first error of the go command's own reading of the package clause and imports.
    go_cmd_error: Option<Diagnostic>,
    /// Inside `import ( ... )`: lexical errors there are the go command's (go/scanner's).
    in_import_group: bool,
    /// Errors types2 would report on a tree this AST cannot hold (`non-name a.b on left side
    /// of :=`): kept only if there is no syntax error, as gc stops before type checking.
    type_errors: Vec<Diagnostic>,
}

/// Whether a string literal has its closing quote.
fn terminated(lit: &str) -> bool {
    let b = lit.as_bytes();
    b.len() >= 2
        && b.first() == b.last()
        && (b.first() == Some(&b'`') || !b.ends_with(b"\\\"") || b.ends_with(b"\\\\\""))
}

/// Whether two tokens are of the same kind, ignoring payloads (any `;`, any operator).
fn same_kind(a: Tok, b: Tok) -> bool {
    std::mem::discriminant(&a) == std::mem::discriminant(&b)
}

/// gc's `stopset`: statement keywords that error recovery does not skip inside a function.
const STOPSET: [Tok; 14] = [
    Tok::Break,
    Tok::Const,
    Tok::Continue,
    Tok::Defer,
    Tok::Fallthrough,
    Tok::For,
    Tok::Go,
    Tok::Goto,
    Tok::If,
    Tok::Return,
    Tok::Select,
    Tok::Switch,
    Tok::Type,
    Tok::Var,
];

pub(crate) const SEMI: Tok = Tok::Semi(SemiKind::Semicolon);

impl<'a> Parser<'a> {
    fn new(src: &'a str) -> Self {
        let mut p = Parser {
            src,
            lx: Lexer::new(src),
            tok: Token { tok: Tok::Eof, span: Span::default(), bad: false },
            prev_end: 0,
            ntok: 0,
            diags: Vec::new(),
            lines: LineMap::new(src),
            last_syntax_line: None,
            has_error: false,
            xnest: 0,
            fnest: 0,
            depth: 0,
            too_deep: false,
            go_cmd_error: None,
            in_import_group: false,
            type_errors: Vec::new(),
        };
        p.next();
        p
    }

    // ----- tokens -----

    fn next(&mut self) {
        self.prev_end = self.tok.span.end;
        self.ntok += 1;
        if self.too_deep {
            let end = self.src.len() as u32;
            self.tok = Token { tok: Tok::Eof, span: Span::new(end, end), bad: false };
            return;
        }
        self.tok = self.lx.next_token();
        if !self.lx.diags.is_empty() {
            self.has_error = true;
            if self.in_import_group {
                let diags = std::mem::take(&mut self.lx.diags);
                for d in diags {
                    self.go_scanner_error(d);
                }
            }
            self.diags.append(&mut self.lx.diags);
        }
    }

    /// A lexical error of the import group, worded as go/scanner words it.
    fn go_scanner_error(&mut self, d: Diagnostic) {
        let start = self.tok.span.start;
        let raw = self.src.as_bytes().get(start as usize) == Some(&b'`');
        let (pos, msg) = match d.message.as_str() {
            "string not terminated" | "newline in string" if raw => (start, "raw string literal not terminated".into()),
            "string not terminated" | "newline in string" => (start, "string literal not terminated".into()),
            "rune literal not terminated" | "newline in rune literal" => (start, "rune literal not terminated".into()),
            m => (d.span.start, m.replacen("invalid character", "illegal character", 1)),
        };
        self.go_cmd_error_at(pos, msg);
    }

    fn at(&self, tok: Tok) -> bool {
        same_kind(self.tok.tok, tok)
    }

    fn at_semi(&self) -> bool {
        matches!(self.tok.tok, Tok::Semi(_))
    }

    fn pos(&self) -> u32 {
        self.tok.span.start
    }

    fn got(&mut self, tok: Tok) -> bool {
        if self.at(tok) {
            self.next();
            return true;
        }
        false
    }

    fn want(&mut self, tok: Tok) {
        if !self.got(tok) {
            self.syntax_error(&format!("expected {}", tok.expected_str()));
            self.advance(&[]);
        }
    }

    /// Like `got(=)` but also takes `:=` (with an error), for better recovery.
    fn got_assign(&mut self) -> bool {
        match self.tok.tok {
            Tok::Define => {
                self.syntax_error("expected =");
                self.next();
                true
            }
            Tok::Assign => {
                self.next();
                true
            }
            _ => false,
        }
    }

    /// Source text of a span (empty if out of range).
    fn text(&self, span: Span) -> &'a str {
        self.src.get(span.start as usize..span.end as usize).unwrap_or("")
    }

    fn span_from(&self, start: u32) -> Span {
        Span::new(start, self.prev_end.max(start))
    }

    /// Enters one nesting level; false (after reporting once) when too deep.
    fn enter(&mut self) -> bool {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            if !self.too_deep {
                self.too_deep = true;
                self.has_error = true;
                self.diags.push(Diagnostic::unsupported(self.tok.span, "imbrication trop profonde"));
                let end = self.src.len() as u32;
                self.tok = Token { tok: Tok::Eof, span: Span::new(end, end), bad: false };
            }
            return false;
        }
        true
    }

    fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    // ----- errors -----

    fn error_at(&mut self, pos: u32, msg: impl Into<String>) {
        self.has_error = true;
        self.diags.push(Diagnostic::new(Span::new(pos, pos), msg));
    }

    /// An error of types2 (see `type_errors`).
    fn type_error(&mut self, pos: u32, msg: impl Into<String>) {
        self.type_errors.push(Diagnostic::new(Span::new(pos, pos), msg));
    }

    fn error(&mut self, msg: impl Into<String>) {
        self.error_at(self.pos(), msg);
    }

    /// gc's `syntaxErrorAt`: `syntax error: unexpected X, expected Y` and friends.
    fn syntax_error_at(&mut self, pos: u32, msg: &str) {
        if self.tok.tok == Tok::Eof && self.has_error {
            return;
        }
        let full = if msg.starts_with("in ") || msg.starts_with("at ") || msg.starts_with("after ") {
            format!("syntax error: unexpected {} {msg}", self.tok.describe(self.src))
        } else if msg.starts_with("expected ") {
            format!("syntax error: unexpected {}, {msg}", self.tok.describe(self.src))
        } else if msg.is_empty() {
            format!("syntax error: unexpected {}", self.tok.describe(self.src))
        } else {
            format!("syntax error: {msg}")
        };
        self.has_error = true;
        let line = self.lines.line(pos);
        if self.last_syntax_line == Some(line) {
            return;
        }
        self.last_syntax_line = Some(line);
        self.diags.push(Diagnostic::new(Span::new(pos, pos), full));
    }

    fn syntax_error(&mut self, msg: &str) {
        self.syntax_error_at(self.pos(), msg);
    }

    /// gc's `advance`: skips to a token of `follow` (or a statement keyword inside a
    /// function); with an empty list, skips exactly one token.
    fn advance(&mut self, follow: &[Tok]) {
        let in_set = |p: &Self| {
            p.tok.tok == Tok::Eof
                || (!follow.is_empty()
                    && (follow.iter().any(|&t| p.at(t)) || (p.fnest > 0 && STOPSET.iter().any(|&t| p.at(t)))))
        };
        while !in_set(self) {
            self.next();
            if follow.is_empty() {
                break;
            }
        }
    }

    /// gc's `list`: `[ f { sep f } [sep] ] close`. `f` returns true to stop early.
    /// Returns the position of the closing token.
    fn list(&mut self, context: &str, sep: Tok, close: Tok, f: &mut dyn FnMut(&mut Self) -> bool) -> u32 {
        // A bracketed list is a nesting level of its own: its frames are the deepest.
        if !self.enter() {
            self.leave();
            return self.pos();
        }
        let pos = self.list_inner(context, sep, close, f);
        self.leave();
        pos
    }

    fn list_inner(&mut self, context: &str, sep: Tok, close: Tok, f: &mut dyn FnMut(&mut Self) -> bool) -> u32 {
        let mut done = false;
        while !self.at(Tok::Eof) && !self.at(close) && !done {
            let before = self.ntok;
            done = f(self);
            if !self.got(sep) && !self.at(close) {
                self.syntax_error(&format!(
                    "in {context}; possibly missing {} or {}",
                    sep.expected_str(),
                    close.expected_str()
                ));
                self.advance(&[Tok::Rparen, Tok::Rbrack, Tok::Rbrace]);
                if !self.at(close) {
                    return self.pos();
                }
            }
            if self.ntok == before {
                self.next();
            }
        }
        let pos = self.pos();
        self.want(close);
        pos
    }

    // ----- common productions -----

    fn ident(&mut self) -> Ident {
        if self.at(Tok::Name) {
            let span = self.tok.span;
            self.next();
            return Ident { name: self.text(span).to_string(), span };
        }
        let pos = self.pos();
        self.syntax_error("expected name");
        self.advance(&[]);
        Ident { name: "_".to_string(), span: Span::new(pos, pos) }
    }

    fn name_list(&mut self, first: Ident) -> Vec<Ident> {
        let mut names = vec![first];
        while self.got(Tok::Comma) {
            names.push(self.ident());
        }
        names
    }

    /// A basic literal as an expression, if the current token is one.
    #[inline(never)]
    fn literal(&mut self) -> Option<Expr> {
        let Tok::Literal(kind) = self.tok.tok else { return None };
        let span = self.tok.span;
        let text = self.text(span);
        self.next();
        let kind = match kind {
            LitKind::Int => ExprKind::Int(text.to_string()),
            LitKind::Float => ExprKind::Float(text.to_string()),
            LitKind::Imag => ExprKind::Imag(text.to_string()),
            LitKind::Rune => ExprKind::Char(super::lexer::decode_rune(text)),
            LitKind::String => ExprKind::Str(decode_string(text)),
        };
        Some(Expr { kind, span })
    }

    fn bad_expr(&self) -> Expr {
        Expr { kind: ExprKind::Bad, span: Span::new(self.pos(), self.pos()) }
    }

    // ----- file and declarations -----

    fn file(&mut self) -> File {
        let mut file =
            File { package: Ident { name: String::new(), span: Span::default() }, imports: vec![], decls: vec![] };
        if !self.got(Tok::Package) {
            if self.has_error {
                // A lexical error first: the go command lets the compiler report it.
                self.syntax_error("package statement must be first");
            } else {
                self.go_cmd_expected("'package'");
            }
            return file;
        }
        if !self.at(Tok::Name) {
            if self.has_error {
                self.syntax_error("expected name");
            } else {
                self.go_cmd_expected("'IDENT'");
            }
            return file;
        }
        file.package = self.ident();
        self.want(SEMI);
        if self.has_error {
            return file;
        }
        let mut prev = Tok::Import;
        // Still in the part the go command reads itself (package clause and first imports).
        let mut in_header = true;
        while !self.at(Tok::Eof) {
            let before = self.ntok;
            if self.at(Tok::Import) && !same_kind(prev, Tok::Import) {
                self.syntax_error("imports must appear before other declarations");
            }
            prev = self.tok.tok;
            in_header &= self.at(Tok::Import);
            let start = self.pos();
            match self.tok.tok {
                Tok::Import if !in_header => {
                    // After other declarations the go command has stopped reading: gc's errors.
                    self.next();
                    let mut imports = std::mem::take(&mut file.imports);
                    self.group(&mut |p, _| p.late_import_spec(&mut imports));
                    file.imports = imports;
                }
                Tok::Import => {
                    self.next();
                    if self.at(Tok::Lparen) {
                        self.in_import_group = true;
                        self.next();
                        while !self.at(Tok::Rparen) && !self.at(Tok::Eof) {
                            let before = self.ntok;
                            self.import_spec(&mut file.imports, true);
                            if self.ntok == before {
                                self.next();
                            }
                        }
                        self.in_import_group = false;
                        if !self.got(Tok::Rparen) {
                            self.go_cmd_expected("')'");
                        }
                    } else {
                        self.import_spec(&mut file.imports, false);
                    }
                }
                Tok::Const | Tok::Type | Tok::Var => {
                    let decl = self.gen_decl();
                    file.decls.push(Decl::Gen(decl));
                }
                Tok::Func => {
                    self.next();
                    let f = self.func_decl(start);
                    file.decls.push(Decl::Func(f));
                }
                _ => {
                    let after_bodyless =
                        matches!(file.decls.last(), Some(Decl::Func(ast::FuncDecl { body: None, .. })));
                    if self.at(Tok::Lbrace) && after_bodyless {
                        self.syntax_error("unexpected semicolon or newline before {");
                    } else {
                        self.syntax_error("non-declaration statement outside function body");
                    }
                    self.advance(&[Tok::Import, Tok::Const, Tok::Type, Tok::Var, Tok::Func]);
                    if self.ntok == before {
                        self.next();
                    }
                    continue;
                }
            }
            if !self.at(Tok::Eof) && !self.got(SEMI) {
                self.syntax_error("after top level declaration");
                self.advance(&[Tok::Import, Tok::Const, Tok::Type, Tok::Var, Tok::Func]);
            }
            if self.ntok == before {
                self.next();
            }
        }
        file
    }

    /// `f | "(" { f ";" } ")"`; `f` gets the spec's index in its group (for `iota`).
    fn group(&mut self, f: &mut dyn FnMut(&mut Self, u32)) {
        if self.got(Tok::Lparen) {
            let mut index = 0u32;
            self.list("grouped declaration", SEMI, Tok::Rparen, &mut |p| {
                f(p, index);
                index = index.saturating_add(1);
                false
            });
        } else {
            f(self, 0);
        }
    }

    /// `var`, `const` or `type` with its spec or group; the keyword is current.
    #[inline(never)]
    fn gen_decl(&mut self) -> GenDecl {
        let start = self.pos();
        let kind = match self.tok.tok {
            Tok::Const => GenKind::Const,
            Tok::Type => GenKind::Type,
            _ => GenKind::Var,
        };
        self.next();
        let mut specs = Vec::new();
        self.group(&mut |p, iota| {
            let spec = match kind {
                GenKind::Const => p.const_spec(iota),
                GenKind::Var => p.var_spec(),
                GenKind::Type => p.type_spec(),
            };
            specs.push(spec);
        });
        GenDecl { kind, specs, span: self.span_from(start) }
    }

    /// A go/parser error (see `go_cmd_error`), `expected X, found Y` at the current token.
    fn go_cmd_expected(&mut self, what: &str) {
        let found = self.tok.describe_go_parser(self.src);
        self.go_cmd_error_at(self.pos(), format!("expected {what}, found {found}"));
    }

    fn go_cmd_error_at(&mut self, pos: u32, msg: String) {
        self.has_error = true;
        if self.go_cmd_error.is_none() {
            self.go_cmd_error = Some(Diagnostic::new(Span::new(pos, pos), msg));
        }
    }

    /// `[name | .] "path"`, with go/parser's errors; in a group, also its `;`.
    fn import_spec(&mut self, imports: &mut Vec<Import>, in_group: bool) {
        let alias = match self.tok.tok {
            Tok::Name => Some(self.ident()),
            Tok::Dot => {
                let span = self.tok.span;
                self.next();
                Some(Ident { name: ".".to_string(), span })
            }
            _ => None,
        };
        match self.tok.tok {
            Tok::Literal(kind) => {
                let span = self.tok.span;
                if kind != LitKind::String {
                    self.go_cmd_error_at(span.start, "import path must be a string".to_string());
                } else if self.tok.bad && !self.in_import_group && !terminated(self.text(span)) {
                    let raw = self.text(span).starts_with('`');
                    let what = if raw { "raw string literal" } else { "string literal" };
                    self.go_cmd_error_at(span.start, format!("{what} not terminated"));
                }
                self.next();
                let path = String::from_utf8_lossy(&decode_string(self.text(span))).into_owned();
                imports.push(Import { alias, path, span });
            }
            _ => {
                self.go_cmd_error_at(self.pos(), "missing import path".to_string());
                self.advance(&[SEMI, Tok::Rparen]);
            }
        }
        if in_group && !self.at(Tok::Rparen) && !self.at(Tok::Rbrace) {
            if self.at_semi() {
                self.next();
            } else {
                self.go_cmd_expected("';'");
                self.advance(&[SEMI, Tok::Rparen]);
                self.got(SEMI);
            }
        }
    }

    /// An import spec after other declarations, with gc's errors.
    fn late_import_spec(&mut self, imports: &mut Vec<Import>) {
        let alias = match self.tok.tok {
            Tok::Name => Some(self.ident()),
            Tok::Dot => {
                let span = self.tok.span;
                self.next();
                Some(Ident { name: ".".to_string(), span })
            }
            _ => None,
        };
        let Tok::Literal(kind) = self.tok.tok else {
            self.syntax_error("missing import path");
            self.advance(&[SEMI, Tok::Rparen]);
            return;
        };
        let (span, bad) = (self.tok.span, self.tok.bad);
        self.next();
        if !bad && kind != LitKind::String {
            self.syntax_error_at(span.start, "import path must be a string");
        }
        let path = String::from_utf8_lossy(&decode_string(self.text(span))).into_owned();
        imports.push(Import { alias, path, span });
    }

    fn const_spec(&mut self, iota: u32) -> Spec {
        let start = self.pos();
        let first = self.ident();
        let names = self.name_list(first);
        let mut ty = None;
        let mut values = Vec::new();
        if !self.at(Tok::Eof) && !self.at_semi() && !self.at(Tok::Rparen) {
            ty = self.type_or_nil();
            if self.got_assign() {
                values = self.expr_list();
            }
        }
        Spec::Value { names, ty, values, iota, span: self.span_from(start) }
    }

    fn var_spec(&mut self) -> Spec {
        let start = self.pos();
        let first = self.ident();
        let names = self.name_list(first);
        let mut ty = None;
        let mut values = Vec::new();
        if self.got_assign() {
            values = self.expr_list();
        } else {
            ty = Some(self.type_());
            if self.got_assign() {
                values = self.expr_list();
            }
        }
        Spec::Value { names, ty, values, iota: 0, span: self.span_from(start) }
    }

    /// `func` already consumed; `start` is its position.
    #[inline(never)]
    fn func_decl(&mut self, start: u32) -> ast::FuncDecl {
        let mut recv = None;
        let has_recv = self.at(Tok::Lparen);
        if self.got(Tok::Lparen) {
            let mut list = self.param_list(None, None, Tok::Rparen, false, false);
            match list.len() {
                0 => self.error("method has no receiver"),
                1 => recv = list.pop(),
                _ => {
                    self.error("method has multiple receivers");
                    list.truncate(1);
                    recv = list.pop();
                }
            }
        }
        let (name, type_params, sig) = if self.at(Tok::Name) {
            let name = self.ident();
            let (tparams, sig) = self.func_type("", self.pos());
            (name, tparams, sig)
        } else {
            let pos = self.pos();
            self.syntax_error(if has_recv { "expected name" } else { "expected name or (" });
            self.advance(&[Tok::Lbrace, SEMI]);
            let name = Ident { name: "_".to_string(), span: Span::new(pos, pos) };
            (name, vec![], ast::FuncType { params: vec![], results: vec![], span: Span::new(pos, pos) })
        };
        let body = if self.at(Tok::Lbrace) { Some(self.func_body()) } else { None };
        ast::FuncDecl { recv, name, type_params, sig, body, span: self.span_from(start) }
    }

    fn func_body(&mut self) -> ast::Block {
        self.fnest += 1;
        let body = self.block("");
        self.fnest -= 1;
        body
    }
}
