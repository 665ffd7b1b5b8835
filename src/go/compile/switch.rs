//! `switch` (with `fallthrough` and duplicate-case checks), type switches and `select`
//! (one case alone compiles to a plain channel operation, as Go does).

use super::consts::ConstVal;
use super::expr::{Mode, Operand};
use super::Compiler;
use crate::go::ast::{CaseClause, SelectClause, SelectComm, Span, StmtKind, SwitchStmt, TypeSwitchStmt};
use crate::go::bytecode::{Op, SelectDesc};
use crate::go::types::{predeclared as pre, TypeId, TypeKind};

impl<'a> Compiler<'a> {
    pub(super) fn switch_stmt(&mut self, sw: &SwitchStmt, label: Option<String>) {
        self.fb().open_scope();
        if let Some(init) = &sw.init {
            self.stmt(init);
        }
        let tag = match &sw.tag {
            Some(t) => {
                let op = self.expr(t, None);
                let Some(ty) = self.convert(op, None, "switch expression") else {
                    self.fb().close_scope();
                    return;
                };
                let slot = self.fb().temp(ty);
                self.emit(Op::Store(slot));
                Some((slot, ty))
            }
            None => None,
        };
        self.push_target(label, false);
        let clauses: &[CaseClause] = &sw.clauses;
        // Tests first, then bodies, so `fallthrough` can jump into the next body.
        let mut body_jumps: Vec<Vec<usize>> = Vec::new();
        let mut default_index = None;
        let mut seen: Vec<(ConstVal, Span)> = Vec::new();
        for (ci, clause) in clauses.iter().enumerate() {
            if clause.is_default {
                if let Some(first) = default_index.and_then(|i: usize| clauses.get(i)) {
                    let msg = format!("multiple defaults (first at {})", self.position_text(first.span));
                    self.error(clause.span, msg);
                }
                default_index = Some(ci);
                body_jumps.push(Vec::new());
                continue;
            }
            let mut jumps = Vec::new();
            for e in &clause.exprs {
                self.fb().line = self.line_of(e.span);
                match tag {
                    Some((slot, ty)) => {
                        self.emit(Op::Load(slot));
                        let op = self.expr(e, Some(ty));
                        if let (Mode::Const(v), false) = (&op.mode, self.types.is_interface(ty)) {
                            if let Some((_, prev)) = seen.iter().find(|(p, _)| p == v) {
                                let shown = Operand { ty, ..op.clone() };
                                let msg = format!("duplicate case {} in expression switch", self.describe(&shown));
                                self.error_with_notes(e.span, msg, vec![(*prev, "previous case".into())]);
                            } else {
                                seen.push((v.clone(), e.span));
                            }
                        }
                        let target = if self.types.is_interface(ty) { None } else { Some(ty) };
                        let Some(et) = self.convert(op.clone(), target, "switch case") else { continue };
                        if self.types.is_interface(ty) && !self.types.is_interface(et) {
                            self.emit(Op::ToIface(et));
                        }
                        self.emit(Op::Eq);
                    }
                    None => {
                        self.condition(e, "switch");
                    }
                }
                jumps.push(self.emit(Op::JumpIfTrue(0)));
            }
            body_jumps.push(jumps);
        }
        let to_default = self.emit(Op::Jump(0));
        let mut end_jumps = Vec::new();
        let mut fall_jump: Option<usize> = None;
        let mut body_starts = Vec::new();
        for (ci, clause) in clauses.iter().enumerate() {
            let start = self.fb().here();
            body_starts.push(start);
            if let Some(f) = fall_jump.take() {
                self.fb().patch(f, start);
            }
            for j in &body_jumps[ci] {
                self.fb().patch(*j, start);
            }
            self.fb().open_scope();
            let (body, falls) = match clause.body.split_last() {
                Some((last, rest)) if matches!(last.kind, StmtKind::Fallthrough) => (rest, true),
                _ => (&clause.body[..], false),
            };
            self.stmts(body);
            self.fb().close_scope();
            if falls {
                if ci + 1 == clauses.len() {
                    if let Some(last) = clause.body.last() {
                        self.error(last.span, "cannot fallthrough final case in switch");
                    }
                }
                fall_jump = Some(self.emit(Op::Jump(0)));
            } else {
                end_jumps.push(self.emit(Op::Jump(0)));
            }
        }
        let end = self.fb().here();
        match default_index {
            Some(d) => {
                let start = body_starts[d];
                self.fb().patch(to_default, start);
            }
            None => self.fb().patch(to_default, end),
        }
        if let Some(f) = fall_jump {
            self.fb().patch(f, end);
        }
        for j in end_jumps {
            self.fb().patch(j, end);
        }
        self.pop_target(None);
        self.fb().close_scope();
    }

    pub(super) fn type_switch(&mut self, ts: &TypeSwitchStmt, label: Option<String>) {
        self.fb().open_scope();
        if let Some(init) = &ts.init {
            self.stmt(init);
        }
        let x = self.expr(&ts.expr, None);
        let Some(xt) = self.convert(x.clone(), None, "") else {
            self.fb().close_scope();
            return;
        };
        if !self.types.is_interface(xt) {
            self.error(ts.expr.span, format!("{} is not an interface", self.describe(&x)));
            self.fb().close_scope();
            return;
        }
        let subject = self.fb().temp(xt);
        self.emit(Op::Store(subject));
        self.push_target(label, false);
        let mut end_jumps = Vec::new();
        let mut default_clause = None;
        let mut binding_used = ts.binding.is_none();
        let mut seen: Vec<(TypeId, Span)> = Vec::new();
        for clause in &ts.clauses {
            if clause.is_default {
                default_clause = Some(clause);
                continue;
            }
            let mut matched = Vec::new();
            let mut single: Option<TypeId> = None;
            for t in &clause.types {
                match t {
                    None => {
                        self.emit(Op::Load(subject));
                        self.emit(Op::Nil);
                        self.emit(Op::Eq);
                    }
                    Some(te) => {
                        let Some(ty) = self.resolve_type(te) else { continue };
                        if let Some((_, prev)) = seen.iter().find(|(t, _)| *t == ty) {
                            let msg = format!("duplicate case {} in type switch", self.name(ty));
                            self.error_with_notes(te.span, msg, vec![(*prev, "previous case".into())]);
                        } else {
                            seen.push((ty, te.span));
                        }
                        if !self.types.is_interface(ty) {
                            if let Err(why) = self.implements(ty, xt) {
                                let why = why.split_once(" (").map(|(_, w)| format!("({w}")).unwrap_or_default();
                                self.error(
                                    te.span,
                                    format!(
                                        "impossible type switch case: {} cannot have dynamic type {} {why}",
                                        self.describe(&x),
                                        self.name(ty)
                                    ),
                                );
                                continue;
                            }
                        }
                        if clause.types.len() == 1 {
                            single = Some(ty);
                        }
                        self.emit(Op::Load(subject));
                        self.emit(Op::IsType(ty));
                        self.emit(Op::Swap);
                        self.emit(Op::Pop);
                    }
                }
                matched.push(self.emit(Op::JumpIfTrue(0)));
            }
            let skip = self.emit(Op::Jump(0));
            for m in matched {
                self.fb().patch_here(m);
            }
            self.fb().open_scope();
            if let Some(b) = &ts.binding {
                self.emit(Op::Load(subject));
                let bty = match single {
                    Some(t) if !self.types.is_interface(t) => {
                        self.emit(Op::Unwrap);
                        t
                    }
                    Some(t) => t,
                    None => xt,
                };
                self.declare_and_store(b, bty);
            }
            self.stmts(&clause.body);
            if let Some(b) = &ts.binding {
                binding_used |= self.binding_used(&b.name);
            }
            self.fb().close_scope();
            end_jumps.push(self.emit(Op::Jump(0)));
            self.fb().patch_here(skip);
        }
        if let Some(clause) = default_clause {
            self.fb().open_scope();
            if let Some(b) = &ts.binding {
                self.emit(Op::Load(subject));
                self.declare_and_store(b, xt);
            }
            self.stmts(&clause.body);
            if let Some(b) = &ts.binding {
                binding_used |= self.binding_used(&b.name);
            }
            self.fb().close_scope();
        }
        let end = self.fb().here();
        for j in end_jumps {
            self.fb().patch(j, end);
        }
        self.pop_target(None);
        self.fb().close_scope();
        if !binding_used {
            if let Some(b) = &ts.binding {
                // gc keeps its older wording for a type switch binding.
                let msg = format!("{} declared and not used", b.name);
                self.error_coded(crate::go::diag::DiagCode::UnusedVariable, b.span, msg);
            }
        }
    }

    /// Whether the type switch binding declared in the current clause scope was used; it
    /// is then not reported by itself (gc reports it once for all clauses).
    pub(super) fn binding_used(&mut self, name: &str) -> bool {
        let fb = self.fb();
        let Some(index) = fb.lookup(name) else { return false };
        let used = fb.locals[index].used;
        fb.locals[index].reportable = false;
        used
    }

    pub(super) fn select_stmt(&mut self, clauses: &[SelectClause], label: Option<String>) {
        // types2 skips a case it rejects (the parser reported it), body included.
        let clauses: Vec<&SelectClause> =
            clauses.iter().filter(|c| !matches!(c.comm, SelectComm::Invalid(_))).collect();
        // One case and no default is a plain channel operation (Go compiles it so, and its
        // goroutine then waits on `chan receive`, not `select`).
        if let [clause] = clauses[..] {
            if !matches!(clause.comm, SelectComm::Default) {
                self.single_case_select(clause, label);
                return;
            }
        }
        let mut desc = SelectDesc { sends: Vec::new(), elems: Vec::new(), has_default: false };
        let mut cases: Vec<&SelectClause> = Vec::new();
        let mut default_clause: Option<&SelectClause> = None;
        for clause in clauses {
            match &clause.comm {
                SelectComm::Invalid(_) => {}
                SelectComm::Default => {
                    if let Some(first) = default_clause {
                        let msg = format!("multiple defaults (first at {})", self.position_text(first.span));
                        self.error(clause.span, msg);
                    }
                    default_clause = Some(clause);
                    desc.has_default = true;
                }
                SelectComm::Send { chan, value } => {
                    let c = self.expr(chan, None);
                    let Some(ct) = self.convert(c.clone(), None, "") else { return };
                    let TypeKind::Chan { elem, .. } = self.types.under(ct).clone() else {
                        self.error(
                            chan.span,
                            format!("invalid operation: cannot send to non-channel {}", self.describe(&c)),
                        );
                        return;
                    };
                    if self.value(value, Some(elem), "send").is_none() {
                        return;
                    }
                    desc.sends.push(true);
                    desc.elems.push(elem);
                    cases.push(clause);
                }
                SelectComm::Recv { chan, .. } => {
                    let c = self.expr(chan, None);
                    let Some(ct) = self.convert(c.clone(), None, "") else { return };
                    let TypeKind::Chan { elem, .. } = self.types.under(ct).clone() else {
                        self.error(
                            chan.span,
                            format!("invalid operation: cannot receive from non-channel {}", self.describe(&c)),
                        );
                        return;
                    };
                    desc.sends.push(false);
                    desc.elems.push(elem);
                    cases.push(clause);
                }
            }
        }
        let index = self.fb().proto.selects.len() as u32;
        let elems = desc.elems.clone();
        self.fb().proto.selects.push(desc);
        self.emit(Op::Select(index));
        let ok = self.fb().temp(pre::BOOL);
        let val = self.fb().temp(pre::ANY);
        let chosen = self.fb().temp(pre::INT);
        self.emit(Op::Store(ok));
        self.emit(Op::Store(val));
        self.emit(Op::Store(chosen));
        self.push_target(label, false);
        let mut end_jumps = Vec::new();
        let n = cases.len();
        let all: Vec<(usize, &SelectClause)> =
            cases.iter().copied().enumerate().chain(default_clause.map(|c| (n, c))).collect();
        for (i, clause) in all {
            self.emit(Op::Load(chosen));
            self.emit(Op::SmallInt(i as i32));
            self.emit(Op::Eq);
            let skip = self.emit(Op::JumpIfFalse(0));
            self.fb().open_scope();
            if let SelectComm::Recv { value, ok: ok_target, define, .. } = &clause.comm {
                let elem = elems.get(i).copied().unwrap_or(pre::INT);
                if let Some(v) = value {
                    self.emit(Op::Load(val));
                    self.range_assign(v, elem, *define);
                }
                if let Some(o) = ok_target {
                    self.emit(Op::Load(ok));
                    self.range_assign(o, pre::BOOL, *define);
                }
            }
            self.stmts(&clause.body);
            self.fb().close_scope();
            end_jumps.push(self.emit(Op::Jump(0)));
            self.fb().patch_here(skip);
        }
        let end = self.fb().here();
        for j in end_jumps {
            self.fb().patch(j, end);
        }
        self.pop_target(None);
    }

    pub(super) fn single_case_select(&mut self, clause: &SelectClause, label: Option<String>) {
        self.push_target(label, false);
        self.fb().open_scope();
        match &clause.comm {
            SelectComm::Send { chan, value } => self.send(chan, value),
            SelectComm::Recv { value, ok, define, chan } => {
                let op = self.recv(chan, chan.span, ok.is_some());
                if !op.is_bad() {
                    let elem = match self.types.kind(op.ty).clone() {
                        TypeKind::Tuple(items) => items.first().copied().unwrap_or(pre::INT),
                        _ => op.ty,
                    };
                    match ok {
                        Some(o) => {
                            let tmp = self.fb().temp(pre::BOOL);
                            self.emit(Op::Store(tmp));
                            match value {
                                Some(v) => self.range_assign(v, elem, *define),
                                None => {
                                    self.emit(Op::Pop);
                                }
                            }
                            self.emit(Op::Load(tmp));
                            self.range_assign(o, pre::BOOL, *define);
                        }
                        None => match value {
                            Some(v) => self.range_assign(v, elem, *define),
                            None => {
                                self.emit(Op::Pop);
                            }
                        },
                    }
                }
            }
            SelectComm::Default | SelectComm::Invalid(_) => {}
        }
        self.stmts(&clause.body);
        self.fb().close_scope();
        self.pop_target(None);
    }
}
