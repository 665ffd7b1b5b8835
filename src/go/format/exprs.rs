//! Expressions as go/printer's `nodes.go` prints them: `expr1`, `binaryExpr` (blanks around
//! an operator depend on the precedences met below it: `a*b + c`, `x[i+1]`), `exprList`
//! (line breaks kept from the source, alignment of multi-line `key: value` lists).

use super::printer::{Printer, Ws};
use crate::go::ast::{BinaryOp, Element, Expr, ExprKind, Ident, UnaryOp};
use crate::go::token::Tok;

const LOWEST_PREC: u8 = 0;
const UNARY_PREC: u8 = 6;
const HIGHEST_PREC: u8 = 7;

/// `exprListMode` bits.
pub(super) const COMMA_TERM: u8 = 1;
pub(super) const NO_INDENT: u8 = 2;

/// One element of a list go/printer prints with `exprList`.
#[derive(Clone, Copy)]
pub(super) enum Item<'e> {
    E(&'e Expr),
    Kv(&'e Expr, &'e Expr),
    Id(&'e Ident),
}

impl<'e> Item<'e> {
    pub fn start(self) -> usize {
        match self {
            Item::E(e) | Item::Kv(e, _) => e.span.start as usize,
            Item::Id(id) => id.span.start as usize,
        }
    }

    pub fn end(self) -> usize {
        match self {
            Item::E(e) | Item::Kv(_, e) => e.span.end as usize,
            Item::Id(id) => id.span.end as usize,
        }
    }
}

pub(super) fn elem_items(elems: &[Element]) -> Vec<Item<'_>> {
    elems.iter().map(|el| el.key.as_ref().map_or(Item::E(&el.value), |k| Item::Kv(k, &el.value))).collect()
}

fn binary_prec(e: &Expr) -> Option<(BinaryOp, u8)> {
    match &e.kind {
        ExprKind::Binary { op, .. } => Some((*op, op.precedence())),
        _ => None,
    }
}

/// go/printer's `walkBinary`: which precedences occur, and whether a blank is needed to
/// keep two operators apart (`x / *p`, `a & ^b`).
fn walk_binary(op: BinaryOp, lhs: &Expr, rhs: &Expr) -> (bool, bool, u8) {
    let prec = op.precedence();
    let mut has4 = prec == 4;
    let mut has5 = prec == 5;
    let mut max_problem = 0;
    if let ExprKind::Binary { op: lop, lhs: ll, rhs: lr } = &lhs.kind {
        if lop.precedence() >= prec {
            let (h4, h5, mp) = walk_binary(*lop, ll, lr);
            has4 |= h4;
            has5 |= h5;
            max_problem = max_problem.max(mp);
        }
    }
    match &rhs.kind {
        ExprKind::Binary { op: rop, lhs: rl, rhs: rr } if rop.precedence() > prec => {
            let (h4, h5, mp) = walk_binary(*rop, rl, rr);
            has4 |= h4;
            has5 |= h5;
            max_problem = max_problem.max(mp);
        }
        ExprKind::Binary { .. } => {}
        ExprKind::Star(_) if op == BinaryOp::Div => max_problem = 5,
        ExprKind::Unary { .. } | ExprKind::Recv(_) => match (op.symbol(), uop_of(&rhs.kind).unwrap_or("")) {
            ("/", "*") | ("&", "&") | ("&", "^") => max_problem = 5,
            ("+", "+") | ("-", "-") => max_problem = max_problem.max(4),
            _ => {}
        },
        _ => {}
    }
    (has4, has5, max_problem)
}

fn uop_of(kind: &ExprKind) -> Option<&'static str> {
    match kind {
        ExprKind::Unary { op, .. } => Some(unary_symbol(*op)),
        ExprKind::Recv(_) => Some("<-"),
        _ => None,
    }
}

fn unary_symbol(op: UnaryOp) -> &'static str {
    match op {
        UnaryOp::Neg => "-",
        UnaryOp::Pos => "+",
        UnaryOp::Not => "!",
        UnaryOp::BitNot => "^",
        UnaryOp::Addr => "&",
    }
}

fn cutoff(op: BinaryOp, lhs: &Expr, rhs: &Expr, depth: usize) -> u8 {
    let (has4, has5, max_problem) = walk_binary(op, lhs, rhs);
    if max_problem > 0 {
        return max_problem + 1;
    }
    if has4 && has5 {
        return if depth == 1 { 5 } else { 4 };
    }
    if depth == 1 {
        6
    } else {
        4
    }
}

fn diff_prec(e: &Expr, prec: u8) -> usize {
    match binary_prec(e) {
        Some((_, p)) if p == prec => 0,
        _ => 1,
    }
}

fn reduce_depth(depth: usize) -> usize {
    depth.saturating_sub(1).max(1)
}

fn is_binary(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Binary { .. })
}

/// gofmt's number normalisation: lower-case prefixes and exponents.
fn normalized_number(x: &str) -> String {
    if x.len() < 2 {
        return x.to_string();
    }
    let (head, tail) = x.split_at(2);
    match head {
        "0X" => format!("0x{}", tail.replace('P', "p")),
        "0x" => format!("0x{}", tail.replace('P', "p")),
        "0O" => format!("0o{tail}"),
        "0B" => format!("0b{tail}"),
        "0o" | "0b" => x.to_string(),
        _ => {
            if let Some(i) = x.rfind('E') {
                return format!("{}e{}", x.get(..i).unwrap_or(""), x.get(i + 1..).unwrap_or(""));
            }
            if x.ends_with('i') && !x.contains(['.', 'e']) {
                let t = x.trim_start_matches(['0', '_']);
                return if t == "i" { "0i".to_string() } else { t.to_string() };
            }
            x.to_string()
        }
    }
}

impl Printer<'_, '_> {
    pub fn expr(&mut self, x: &Expr) {
        self.expr1(x, LOWEST_PREC, 1);
    }

    pub fn expr0(&mut self, x: &Expr, depth: usize) {
        self.expr1(x, LOWEST_PREC, depth);
    }

    fn binary_expr(&mut self, x: &Expr, parts: (BinaryOp, &Expr, &Expr), prec1: u8, depth: usize) {
        let (op, lhs, rhs) = parts;
        let prec = op.precedence();
        if prec < prec1 {
            self.tok("(");
            self.expr0(x, reduce_depth(depth));
            self.tok(")");
            return;
        }
        let cutoff = cutoff(op, lhs, rhs, depth);
        let mut print_blank = prec < cutoff;
        let mut ws = Ws::Indent;
        self.expr1(lhs, prec, depth + diff_prec(lhs, prec));
        if print_blank {
            self.ws(Ws::Blank);
        }
        let xline = self.pos.line;
        let yline = self.line_for(rhs.span.start as usize);
        let op_pos = self.src.tok_at_or_after(lhs.span.end as usize).map_or(lhs.span.end, |(_, s)| s.start);
        self.set_pos(op_pos as usize);
        self.tok(op.symbol());
        if xline != yline && xline > 0 && yline > 0 && self.linebreak(yline, 1, ws, true) > 0 {
            ws = Ws::Ignore;
            print_blank = false;
        }
        if print_blank {
            self.ws(Ws::Blank);
        }
        self.expr1(rhs, prec + 1, depth + 1);
        if ws == Ws::Ignore {
            self.ws(Ws::Unindent);
        }
    }

    pub fn expr1(&mut self, x: &Expr, prec1: u8, depth: usize) {
        self.set_pos(x.span.start as usize);
        match &x.kind {
            ExprKind::Bad => self.lit("BadExpr", false),
            ExprKind::Ident(name) => self.ident(name),
            ExprKind::Int(text) | ExprKind::Float(text) | ExprKind::Imag(text) => {
                self.lit(&normalized_number(text), matches!(x.kind, ExprKind::Int(_)))
            }
            ExprKind::Char(_) | ExprKind::Str(_) => {
                let text = self.src.slice(x.span);
                let text = if text.starts_with('`') { text.replace('\r', "") } else { text.to_string() };
                self.lit(&text, false);
            }
            ExprKind::Binary { op, lhs, rhs } => self.binary_expr(x, (*op, lhs, rhs), prec1, depth.max(1)),
            ExprKind::Star(inner) => {
                if UNARY_PREC < prec1 {
                    self.tok("(");
                    self.tok("*");
                    self.expr(inner);
                    self.tok(")");
                } else {
                    self.tok("*");
                    self.expr(inner);
                }
            }
            ExprKind::Unary { .. } | ExprKind::Recv(_) => {
                let (sym, inner) = match &x.kind {
                    ExprKind::Unary { op, expr } => (unary_symbol(*op), &**expr),
                    ExprKind::Recv(expr) => ("<-", &**expr),
                    _ => return,
                };
                if UNARY_PREC < prec1 {
                    self.tok("(");
                    self.expr(x);
                    self.tok(")");
                } else {
                    self.tok(sym);
                    self.expr1(inner, UNARY_PREC, depth);
                }
            }
            ExprKind::FuncLit { sig, body } => {
                self.tok("func");
                let start_col = self.out.column.saturating_sub(4);
                self.signature(sig, None);
                let header = self.distance_from(x.span.start as usize, start_col);
                self.func_body(header, Ws::Blank, body);
            }
            ExprKind::Paren(inner) => {
                if matches!(inner.kind, ExprKind::Paren(_)) {
                    self.expr0(inner, depth);
                } else {
                    self.tok("(");
                    self.expr0(inner, reduce_depth(depth));
                    self.set_pos((x.span.end as usize).saturating_sub(1));
                    self.tok(")");
                }
            }
            ExprKind::Selector { expr, sel } => {
                self.selector_expr(expr, sel, depth, false);
            }
            ExprKind::TypeAssert { expr, ty } => {
                self.expr1(expr, HIGHEST_PREC, depth);
                self.tok(".");
                let lparen = self.src.find(Tok::Lparen, expr.span.end as usize);
                self.set_pos(lparen);
                self.tok("(");
                match ty {
                    Some(t) => self.type_expr(t),
                    None => self.tok("type"),
                }
                self.set_pos((x.span.end as usize).saturating_sub(1));
                self.tok(")");
            }
            ExprKind::Index { expr, index } => {
                self.expr1(expr, HIGHEST_PREC, 1);
                self.set_pos(self.src.find(Tok::Lbrack, expr.span.end as usize));
                self.tok("[");
                self.expr0(index, depth + 1);
                self.set_pos((x.span.end as usize).saturating_sub(1));
                self.tok("]");
            }
            ExprKind::IndexList { expr, indices } => {
                self.expr1(expr, HIGHEST_PREC, 1);
                let lbrack = self.src.find(Tok::Lbrack, expr.span.end as usize);
                let rbrack = (x.span.end as usize).saturating_sub(1);
                self.set_pos(lbrack);
                self.tok("[");
                let items: Vec<Item> = indices.iter().map(Item::E).collect();
                self.expr_list(Some(lbrack), &items, depth + 1, COMMA_TERM, Some(rbrack));
                self.set_pos(rbrack);
                self.tok("]");
            }
            ExprKind::Slice { expr, lo, hi, max } => {
                self.expr1(expr, HIGHEST_PREC, 1);
                self.set_pos(self.src.find(Tok::Lbrack, expr.span.end as usize));
                self.tok("[");
                let mut indices = vec![lo.as_deref(), hi.as_deref()];
                if max.is_some() {
                    indices.push(max.as_deref());
                }
                let mut needs_blanks = false;
                if depth <= 1 {
                    let count = indices.iter().flatten().count();
                    let has_binaries = indices.iter().flatten().any(|e| is_binary(e));
                    needs_blanks = count > 1 && has_binaries;
                }
                for (i, ix) in indices.iter().enumerate() {
                    if i > 0 {
                        if indices.get(i - 1).is_some_and(Option::is_some) && needs_blanks {
                            self.ws(Ws::Blank);
                        }
                        self.tok(":");
                        if ix.is_some() && needs_blanks {
                            self.ws(Ws::Blank);
                        }
                    }
                    if let Some(e) = ix {
                        self.expr0(e, depth + 1);
                    }
                }
                self.set_pos((x.span.end as usize).saturating_sub(1));
                self.tok("]");
            }
            ExprKind::Call { func, args, spread } => self.call_expr(x, func, args, *spread, depth),
            ExprKind::Composite { ty, elems } => {
                if let Some(t) = ty {
                    self.type_expr(t);
                }
                self.level += 1;
                let lbrace = match ty {
                    Some(t) => self.src.find(Tok::Lbrace, t.span.end as usize),
                    None => x.span.start as usize,
                };
                let rbrace = (x.span.end as usize).saturating_sub(1);
                self.set_pos(lbrace);
                self.tok("{");
                self.expr_list(Some(lbrace), &elem_items(elems), 1, COMMA_TERM, Some(rbrace));
                let mode = super::printer::NO_EXTRA_LINEBREAK
                    | if elems.is_empty() { 0 } else { super::printer::NO_EXTRA_BLANK };
                self.ws(Ws::Indent);
                self.ws(Ws::Unindent);
                self.mode(mode);
                self.set_pos(rbrace);
                self.tok("}");
                self.mode(mode);
                self.level -= 1;
            }
            ExprKind::Type(t) => self.type_expr(t),
        }
    }

    fn call_expr(&mut self, x: &Expr, func: &Expr, args: &[Expr], spread: bool, depth: usize) {
        let mut depth = depth;
        if args.len() > 1 {
            depth += 1;
        }
        // `(func())(x)` and `(<-chan T)(x)`: the parser keeps these parentheses as a Paren.
        let was_indented = match &func.kind {
            ExprKind::Selector { expr, sel } => self.selector_expr(expr, sel, depth, true),
            _ => {
                self.expr1(func, HIGHEST_PREC, depth);
                false
            }
        };
        let lparen = self.src.find(Tok::Lparen, func.span.end as usize);
        let rparen = (x.span.end as usize).saturating_sub(1);
        self.set_pos(lparen);
        self.tok("(");
        let items: Vec<Item> = args.iter().map(Item::E).collect();
        if spread {
            let ellipsis = self.src.find(Tok::DotDotDot, args.last().map_or(lparen, |a| a.span.end as usize));
            self.expr_list(Some(lparen), &items, depth, 0, Some(ellipsis));
            self.set_pos(ellipsis);
            self.tok("...");
            if self.line_for(ellipsis) < self.line_for(rparen) {
                self.tok(",");
                self.ws(Ws::Formfeed);
            }
        } else {
            self.expr_list(Some(lparen), &items, depth, COMMA_TERM, Some(rparen));
        }
        self.set_pos(rparen);
        self.tok(")");
        if was_indented {
            self.ws(Ws::Unindent);
        }
    }

    fn selector_expr(&mut self, x: &Expr, sel: &Ident, depth: usize, is_method: bool) -> bool {
        self.expr1(x, HIGHEST_PREC, depth);
        self.tok(".");
        let line = self.line_for(sel.span.start as usize);
        if self.pos.valid() && self.pos.line < line {
            self.ws(Ws::Indent);
            self.ws(Ws::Newline);
            self.set_pos(sel.span.start as usize);
            self.ident(&sel.name);
            if !is_method {
                self.ws(Ws::Unindent);
            }
            return true;
        }
        self.set_pos(sel.span.start as usize);
        self.ident(&sel.name);
        false
    }

    pub fn item(&mut self, it: Item, depth: usize) {
        match it {
            Item::E(e) => self.expr0(e, depth),
            Item::Kv(k, v) => {
                self.expr(k);
                self.set_pos(self.src.find(Tok::Colon, k.span.end as usize));
                self.tok(":");
                self.ws(Ws::Blank);
                self.expr(v);
            }
            Item::Id(id) => {
                self.set_pos(id.span.start as usize);
                self.ident(&id.name);
            }
        }
    }

    pub fn ident_list(&mut self, list: &[&Ident], indent: bool) {
        let items: Vec<Item> = list.iter().map(|id| Item::Id(id)).collect();
        self.expr_list(None, &items, 1, if indent { 0 } else { NO_INDENT }, None);
    }

    /// go/printer's `exprList` (`prev`/`next`: the positions of the tokens around the list).
    pub fn expr_list(&mut self, prev0: Option<usize>, list: &[Item], depth: usize, mode: u8, next0: Option<usize>) {
        let (Some(first), Some(last)) = (list.first(), list.last()) else { return };
        let prev = prev0.map(|o| self.pos_for(o));
        let prev_line = prev.map_or(0, |p| p.line);
        let mut line = self.line_for(first.start());
        let end_line = self.line_for(last.end());
        if prev.is_some() && prev_line == line && line == end_line {
            for (i, &x) in list.iter().enumerate() {
                if i > 0 {
                    self.set_pos(x.start());
                    self.tok(",");
                    self.ws(Ws::Blank);
                }
                self.item(x, depth);
            }
            return;
        }
        let mut ws = if mode & NO_INDENT == 0 { Ws::Indent } else { Ws::Ignore };
        let mut prev_break: isize = -1;
        if prev.is_some() && prev_line < line && self.linebreak(line, 0, ws, true) > 0 {
            ws = Ws::Ignore;
            prev_break = 0;
        }
        let mut size = 0;
        let mut log2sum = 0.0f64;
        let mut count = 0usize;
        let mut prev_line = prev_line;
        const INF: usize = 1_000_000;
        for (i, &x) in list.iter().enumerate() {
            line = self.line_for(x.start());
            let mut use_ff = true;
            let prev_size = size;
            size = self.item_size(x, INF);
            if size <= INF && prev.is_some() && next0.is_some() {
                if let Item::Kv(k, _) = x {
                    size = self.node_size(super::Node::Expr(k), INF);
                }
            } else {
                size = 0;
            }
            if prev_size > 0 && size > 0 {
                const SMALL_SIZE: usize = 40;
                if count == 0 || (prev_size <= SMALL_SIZE && size <= SMALL_SIZE) {
                    use_ff = false;
                } else {
                    const R: f64 = 2.5;
                    let geomean = exp2ish(log2sum / count as f64);
                    let ratio = size as f64 / geomean;
                    use_ff = R * ratio <= 1.0 || R <= ratio;
                }
            }
            let needs_linebreak = 0 < prev_line && prev_line < line;
            if i > 0 {
                if !needs_linebreak {
                    self.set_pos(x.start());
                }
                self.tok(",");
                let mut needs_blank = true;
                if needs_linebreak {
                    let nbreaks = self.linebreak(line, 0, ws, use_ff || prev_break + 1 < i as isize);
                    if nbreaks > 0 {
                        ws = Ws::Ignore;
                        prev_break = i as isize;
                        needs_blank = false;
                    }
                    if nbreaks > 1 {
                        log2sum = 0.0;
                        count = 0;
                    }
                }
                if needs_blank {
                    self.ws(Ws::Blank);
                }
            }
            match x {
                Item::Kv(k, v) if list.len() > 1 && size > 0 && needs_linebreak => {
                    self.expr(k);
                    self.set_pos(self.src.find(Tok::Colon, k.span.end as usize));
                    self.tok(":");
                    self.ws(Ws::Vtab);
                    self.expr(v);
                }
                _ => self.item(x, depth),
            }
            if size > 0 {
                log2sum += log2ish(size as f64);
                count += 1;
            }
            prev_line = line;
        }
        if let Some(next) = next0 {
            if mode & COMMA_TERM != 0 && self.pos.line < self.line_for(next) {
                self.tok(",");
                if ws == Ws::Ignore && mode & NO_INDENT == 0 {
                    self.ws(Ws::Unindent);
                }
                self.ws(Ws::Formfeed);
                return;
            }
        }
        if ws == Ws::Ignore && mode & NO_INDENT == 0 {
            self.ws(Ws::Unindent);
        }
    }

    fn item_size(&mut self, it: Item, max: usize) -> usize {
        match it {
            Item::E(e) => self.node_size(super::Node::Expr(e), max),
            Item::Kv(k, v) => self.node_size(super::Node::Pair(k, v), max),
            Item::Id(id) => {
                let n = id.name.len();
                if n <= max {
                    n
                } else {
                    max + 1
                }
            }
        }
    }

    /// `distanceFrom`: output columns since `start_col` if `start` is on the current line.
    pub fn distance_from(&self, start: usize, start_col: usize) -> usize {
        if self.pos.valid() && self.pos_for(start).line == self.pos.line {
            return self.out.column.saturating_sub(start_col);
        }
        super::source::INFINITY
    }
}

/// go/printer's `log2ish` (math.go): a piecewise-linear log2 built on `math.Frexp`, so sizes
/// compare exactly as gofmt compares them.
fn log2ish(x: f64) -> f64 {
    if x <= 0.0 || !x.is_finite() {
        return 0.0;
    }
    let mut e = x.log2().floor() as i32 + 1;
    let mut f = x / 2f64.powi(e);
    if f >= 1.0 {
        f /= 2.0;
        e += 1;
    } else if f < 0.5 {
        f *= 2.0;
        e -= 1;
    }
    f64::from(e) + 2.0 * (f - 1.0)
}

/// go/printer's `exp2ish`, the inverse of [`log2ish`].
fn exp2ish(x: f64) -> f64 {
    let n = x.floor();
    let f = x - n;
    (1.0 + f) * 2f64.powi(n as i32)
}
