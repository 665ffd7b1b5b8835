//! Control flow: `go`, `defer`, `return`, `break`/`continue`, `if`, `for`, and Go's
//! terminating statements (`missing return`). Switches and `select` are in `switch.rs`.

use super::expr::{strip_parens, Mode, Operand, Resolved};
use super::func::Target;
use super::universe::Builtin;
use super::{Compiler, Entity};
use crate::go::ast::{Expr, ExprKind, ForStmt, Ident, IfStmt, Span, Stmt, StmtKind};
use crate::go::bytecode::{FuncProto, Native, Op};
use crate::go::types::{predeclared as pre, TypeId, TypeKind};

/// What `go f(x)` or `defer f(x)` does with the call once its callee and arguments are
/// evaluated.
#[derive(Clone, Copy)]
pub(super) enum Launch<'t> {
    Go,
    Defer,
    /// `defer` in a range-over-func loop body: the call joins the deferred calls of the
    /// function holding the loop, found by the loop's token (a hidden variable; see
    /// `rangedefer.rs`).
    RangeDefer {
        token: &'t str,
        span: Span,
    },
}

impl<'a> Compiler<'a> {
    /// `go f(x)` / `defer f(x)`: the callee as a function value, then the arguments.
    pub(super) fn go_defer(&mut self, e: &Expr, launch: Launch) {
        let is_go = matches!(launch, Launch::Go);
        let word = if is_go { "go" } else { "defer" };
        let ExprKind::Call { func, args, spread } = &strip_parens(e).kind else {
            self.error(e.span, format!("expression in {word} must be function call"));
            return;
        };
        if !is_go {
            self.fb().has_defer = true;
        }
        let callee = strip_parens(func);
        // Builtins: wrapped in a small function taking their arguments.
        if let ExprKind::Ident(name) = &callee.kind {
            if let Some(Resolved::Entity(Entity::Builtin(b))) = self.peek_resolve(name) {
                self.builtin_thunk(b, args, e.span, launch);
                return;
            }
            if let Some(Resolved::Entity(Entity::Type(_))) = self.peek_resolve(name) {
                self.error(e.span, format!("{word} requires function call, not conversion"));
                return;
            }
        }
        let f = self.expr(callee, None);
        if matches!(f.mode, Mode::Type) {
            self.error(e.span, format!("{word} requires function call, not conversion"));
            return;
        }
        if matches!(f.mode, Mode::Builtin(_)) {
            self.unsupported(e.span, &format!("{word} d'une fonction intégrée"));
            return;
        }
        let Some(fty) = self.convert(f.clone(), None, "") else { return };
        let Some(sig) = self.sig(fty) else {
            self.error(
                e.span,
                format!("invalid operation: cannot call {}: {} is not a function", self.describe(&f), self.name(f.ty)),
            );
            return;
        };
        let fname = self.text(callee.span).to_owned();
        // A native callee (`defer wg.Done()`, `go fmt.Println(x)`, `go once.Do(f)`) runs inside
        // a small Go function taking the receiver and the evaluated arguments, so `go` and
        // `defer` only ever start Go functions.
        let native = match self.fb().proto.code.last().copied() {
            Some(Op::NativeFunc(n)) => Some((n, false)),
            Some(Op::BindNative(n)) => Some((n, true)),
            _ => None,
        };
        let thunk = native.map(|(n, bound)| {
            let fb = self.fb();
            fb.proto.code.pop();
            fb.proto.lines.pop();
            let line = fb.line;
            let id = self.reserve_func(format!("{fname}-fm"), line);
            self.emit(Op::MakeClosure { func: id, captures: 0 });
            if bound {
                self.emit(Op::Swap);
            }
            (id, n, bound, line)
        });
        let Some(argc) = self.call_arguments(&sig, args, *spread, e.span, &fname, thunk.is_some()) else { return };
        let argc = match thunk {
            Some((id, native, bound, line)) => {
                let passed = (argc & !crate::go::bytecode::NATIVE_SPREAD) + u16::from(bound);
                let mut code: Vec<Op> = (0..passed).map(Op::Load).collect();
                code.push(Op::CallNative { native, argc: argc + u16::from(bound) });
                // Its results are dropped, as `go`/`defer` drop them.
                code.extend(sig.results.iter().map(|_| Op::Pop));
                code.push(Op::Return);
                if let Some(proto) = self.funcs.get_mut(id as usize) {
                    proto.params = passed;
                    proto.locals = passed;
                    proto.lines = vec![line; code.len()];
                    proto.code = code;
                }
                passed
            }
            None => argc,
        };
        self.launch(launch, argc);
    }

    fn launch(&mut self, launch: Launch, argc: u16) {
        match launch {
            Launch::Go => {
                self.emit(Op::Go { argc });
            }
            Launch::Defer => {
                self.emit(Op::Defer { argc });
            }
            Launch::RangeDefer { token, span } => {
                self.load_name(token, span);
                self.emit(Op::DeferRange { argc });
            }
        }
    }

    pub(super) fn builtin_thunk(&mut self, b: Builtin, args: &[Expr], span: Span, launch: Launch) {
        let is_go = matches!(launch, Launch::Go);
        let (ops, params): (Vec<Op>, Vec<Option<TypeId>>) = match b {
            Builtin::Close => (vec![Op::Load(0), Op::Close], vec![None]),
            Builtin::Panic => (vec![Op::Load(0), Op::Panic], vec![Some(pre::ANY)]),
            Builtin::Print | Builtin::Println => {
                let native = if b == Builtin::Print { Native::BuiltinPrint } else { Native::BuiltinPrintln };
                let mut ops: Vec<Op> = (0..args.len() as u16).map(Op::Load).collect();
                ops.push(Op::CallNative { native, argc: args.len() as u16 });
                (ops, vec![Some(pre::ANY); args.len()])
            }
            Builtin::Delete => (vec![Op::Load(0), Op::Load(1), Op::Delete], vec![None, None]),
            _ => {
                self.unsupported(span, &format!("{} d'une fonction intégrée", if is_go { "go" } else { "defer" }));
                return;
            }
        };
        if params.len() != args.len() {
            self.error(span, format!("wrong number of arguments to {}", b.name()));
            return;
        }
        let mut proto = FuncProto { name: format!("{}.{}", self.fb().proto.name, b.name()), ..FuncProto::default() };
        proto.params = params.len() as u16;
        proto.locals = params.len() as u16;
        proto.line = self.fb().line;
        for op in ops {
            proto.code.push(op);
            proto.lines.push(proto.line);
        }
        proto.code.push(Op::Return);
        proto.lines.push(proto.line);
        self.funcs.push(proto);
        let id = (self.funcs.len() - 1) as u32;
        self.emit(Op::MakeClosure { func: id, captures: 0 });
        for (arg, target) in args.iter().zip(params) {
            let op = self.expr(arg, target);
            if self.convert(op, target, "argument").is_none() {
                return;
            }
        }
        self.launch(launch, args.len() as u16);
    }

    pub(super) fn return_stmt(&mut self, es: &[Expr], span: Span) {
        let results = self.fb().results.clone();
        let params = self.fb().proto.params;
        if es.is_empty() {
            if !results.is_empty() && !self.fb().named_results {
                let want = self.tuple_names(&results);
                self.error(span, format!("not enough return values\n\thave ()\n\twant {want}"));
                return;
            }
            self.emit_return();
            return;
        }
        if es.len() == 1 && results.len() > 1 {
            let op = self.expr(&es[0], None);
            if let Mode::Tuple(n) = op.mode {
                let TypeKind::Tuple(types) = self.types.kind(op.ty).clone() else { return };
                if n as usize != results.len() {
                    let which = if (n as usize) < results.len() { "not enough" } else { "too many" };
                    let have = self.tuple_names(&types);
                    let want = self.tuple_names(&results);
                    self.error(es[0].span, format!("{which} return values\n\thave {have}\n\twant {want}"));
                    return;
                }
                let temps: Vec<u16> = types.iter().map(|t| self.fb().temp(*t)).collect();
                for slot in temps.iter().rev() {
                    self.emit(Op::Store(*slot));
                }
                for (i, (slot, ty)) in temps.iter().zip(&types).enumerate() {
                    self.emit(Op::Load(*slot));
                    if self.convert(Operand::value(*ty, es[0].span), Some(results[i]), "return statement").is_none() {
                        return;
                    }
                    self.store_result(params + i as u16);
                }
                self.emit_return();
                return;
            }
            if !op.is_bad() {
                let have = self.have_list(std::slice::from_ref(&op));
                let want = self.tuple_names(&results);
                self.error(es[0].span, format!("not enough return values\n\thave {have}\n\twant {want}"));
            }
            return;
        }
        if es.len() != results.len() {
            let mark = self.fb().here();
            let ops: Vec<Operand> = es.iter().map(|e| self.expr(e, None)).collect();
            self.truncate_to(mark);
            let have = self.have_list(&ops);
            let want = self.tuple_names(&results);
            let (which, at) = if es.len() > results.len() {
                ("too many", es[results.len()].span)
            } else {
                ("not enough", es[es.len() - 1].span)
            };
            self.error(at, format!("{which} return values\n\thave {have}\n\twant {want}"));
            return;
        }
        for (e, ty) in es.iter().zip(&results) {
            if self.value(e, Some(*ty), "return statement").is_none() {
                return;
            }
        }
        for i in (0..results.len()).rev() {
            self.store_result(params + i as u16);
        }
        self.emit_return();
    }

    pub(super) fn store_result(&mut self, slot: u16) {
        let boxed = self.fb().locals.get(slot as usize).is_some_and(|l| l.boxed);
        self.emit(if boxed { Op::StoreRef(slot) } else { Op::Store(slot) });
    }

    pub(super) fn tuple_names(&self, types: &[TypeId]) -> String {
        format!("({})", types.iter().map(|t| self.name(*t)).collect::<Vec<_>>().join(", "))
    }

    pub fn emit_return(&mut self) {
        self.emit(Op::Return);
    }

    /// Arguments for `go`/`defer` (same rules as a call).
    pub(super) fn call_arguments(
        &mut self,
        sig: &crate::go::types::Signature,
        args: &[Expr],
        spread: bool,
        span: Span,
        fname: &str,
        native: bool,
    ) -> Option<u16> {
        self.arguments(sig, args, spread, span, fname, native)
    }

    pub(super) fn branch(&mut self, label: Option<&Ident>, is_break: bool, span: Span) {
        let word = if is_break { "break" } else { "continue" };
        if let Some(l) = label {
            if let Some(entry) = self.fb().labels.iter_mut().rev().find(|(n, _)| *n == l.name) {
                entry.1 = true;
            }
        }
        let targets = &self.fb().targets;
        let index = match label {
            Some(l) => targets.iter().rposition(|t| t.label.as_deref() == Some(&l.name)),
            None => targets.iter().rposition(|t| is_break || t.is_loop),
        };
        let Some(index) = index else {
            if self.rf_branch(label, is_break, span).is_some() {
                return;
            }
            match label {
                Some(l) => self.error(l.span, format!("invalid {word} label {}", l.name)),
                None => self.error(
                    span,
                    format!("{word} is not in a loop{}", if is_break { ", switch, or select" } else { "" }),
                ),
            }
            return;
        };
        if !is_break && !self.fb().targets[index].is_loop {
            self.error(span, format!("invalid continue label {}", label.map(|l| l.name.as_str()).unwrap_or("")));
            return;
        }
        let at = self.emit(Op::Jump(0));
        let t = &mut self.fb().targets[index];
        if is_break {
            t.breaks.push(at);
        } else {
            t.continues.push(at);
        }
    }

    pub(super) fn push_target(&mut self, label: Option<String>, is_loop: bool) {
        self.fb().targets.push(Target { label, is_loop, breaks: Vec::new(), continues: Vec::new() });
    }

    /// Pops a target: breaks go to `here`, continues to `cont`.
    pub(super) fn pop_target(&mut self, cont: Option<usize>) {
        let Some(t) = self.fb().targets.pop() else { return };
        let here = self.fb().here();
        for b in t.breaks {
            self.fb().patch(b, here);
        }
        if let Some(c) = cont {
            for j in t.continues {
                self.fb().patch(j, c);
            }
        }
    }

    pub(super) fn condition(&mut self, cond: &Expr, what: &str) -> bool {
        let op = self.expr(cond, None);
        let Some(ty) = self.convert(op.clone(), None, "") else { return false };
        if !self.is_bool(ty) {
            self.error(cond.span, format!("non-boolean condition in {what} statement"));
            return false;
        }
        true
    }

    pub(super) fn if_stmt(&mut self, i: &IfStmt) {
        self.fb().open_scope();
        if let Some(init) = &i.init {
            self.stmt(init);
        }
        self.fb().line = self.line_of(i.cond.span);
        self.condition(&i.cond, "if");
        let jump_else = self.emit(Op::JumpIfFalse(0));
        self.block(&i.then);
        match &i.els {
            Some(els) => {
                let jump_end = self.emit(Op::Jump(0));
                self.fb().patch_here(jump_else);
                self.stmt(els);
                self.fb().patch_here(jump_end);
            }
            None => self.fb().patch_here(jump_else),
        }
        self.fb().close_scope();
    }

    pub(super) fn for_stmt(&mut self, f: &ForStmt, label: Option<String>) {
        self.fb().open_scope();
        let first_local = self.fb().locals.len();
        if let Some(init) = &f.init {
            self.stmt(init);
        }
        // Go 1.22: each iteration has its own copy of the variables declared in init.
        let loop_vars: Vec<u16> = self.fb().locals[first_local..].iter().filter(|l| l.boxed).map(|l| l.slot).collect();
        let head = self.fb().here();
        let exit = match &f.cond {
            Some(c) => {
                self.condition(c, "for");
                Some(self.emit(Op::JumpIfFalse(0)))
            }
            None => None,
        };
        self.push_target(label, true);
        self.block(&f.body);
        let cont = self.fb().here();
        for slot in &loop_vars {
            self.emit(Op::LoadRef(*slot));
            self.emit(Op::StoreNewRef(*slot));
        }
        if let Some(post) = &f.post {
            self.stmt(post);
        }
        self.emit(Op::LoopCheck);
        self.emit(Op::Jump(head as u32));
        if let Some(exit) = exit {
            self.fb().patch_here(exit);
        }
        self.pop_target(Some(cont));
        self.fb().close_scope();
    }
}

/// Go's terminating statements (for `missing return`).
pub fn terminates_block(stmts: &[Stmt]) -> bool {
    stmts.iter().rev().find(|s| !matches!(s.kind, StmtKind::Empty)).is_some_and(terminates)
}

fn terminates(s: &Stmt) -> bool {
    match &s.kind {
        StmtKind::Return(_) | StmtKind::Goto(_) => true,
        StmtKind::Expr(e) => match &strip_parens(e).kind {
            ExprKind::Call { func, .. } => matches!(&strip_parens(func).kind, ExprKind::Ident(n) if n == "panic"),
            _ => false,
        },
        StmtKind::Block(b) => terminates_block(&b.stmts),
        StmtKind::If(i) => match &i.els {
            Some(els) => terminates_block(&i.then.stmts) && terminates(els),
            None => false,
        },
        StmtKind::For(f) => f.cond.is_none() && !has_break(&f.body.stmts, None, true),
        StmtKind::Labeled { label, stmt } => match &stmt.kind {
            StmtKind::For(f) => f.cond.is_none() && !has_break(&f.body.stmts, Some(&label.name), true),
            _ => terminates(stmt),
        },
        StmtKind::Switch(sw) => {
            sw.clauses.iter().any(|c| c.is_default)
                && sw.clauses.iter().all(|c| {
                    (terminates_block(&c.body)
                        || c.body.last().is_some_and(|l| matches!(l.kind, StmtKind::Fallthrough)))
                        && !has_break(&c.body, None, true)
                })
        }
        StmtKind::TypeSwitch(ts) => {
            ts.clauses.iter().any(|c| c.is_default)
                && ts.clauses.iter().all(|c| terminates_block(&c.body) && !has_break(&c.body, None, true))
        }
        StmtKind::Select(cs) => cs.iter().all(|c| terminates_block(&c.body) && !has_break(&c.body, None, true)),
        _ => false,
    }
}

/// Whether `stmts` contain a `break` that leaves the enclosing statement (unlabelled at this
/// level, or labelled with `label`).
fn has_break(stmts: &[Stmt], label: Option<&str>, top: bool) -> bool {
    stmts.iter().any(|s| match &s.kind {
        StmtKind::Break(None) => top,
        StmtKind::Break(Some(l)) => Some(l.name.as_str()) == label,
        StmtKind::Block(b) => has_break(&b.stmts, label, top),
        StmtKind::If(i) => {
            has_break(&i.then.stmts, label, top)
                || i.els.as_ref().is_some_and(|e| has_break(std::slice::from_ref(e), label, top))
        }
        StmtKind::Labeled { stmt, .. } => has_break(std::slice::from_ref(stmt.as_ref()), label, top),
        StmtKind::For(f) => has_break(&f.body.stmts, label, false),
        StmtKind::Range(r) => has_break(&r.body.stmts, label, false),
        StmtKind::Switch(sw) => sw.clauses.iter().any(|c| has_break(&c.body, label, false)),
        StmtKind::TypeSwitch(ts) => ts.clauses.iter().any(|c| has_break(&c.body, label, false)),
        StmtKind::Select(cs) => cs.iter().any(|c| has_break(&c.body, label, false)),
        _ => false,
    })
}
