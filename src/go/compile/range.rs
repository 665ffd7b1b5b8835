//! `for ... range` over integers, slices, arrays, strings, maps and channels (Go 1.22
//! per-iteration variables: each iteration declares its variables anew).

use super::expr::Mode;
use super::stmt::Place;
use super::Compiler;
use crate::go::ast::{ChanDir, Expr, ExprKind, Ident, RangeStmt, Span};
use crate::go::bytecode::{ArithOp, CmpOp, NumKind, Op};
use crate::go::types::{predeclared as pre, IntKind, TypeId, TypeKind};

impl<'a> Compiler<'a> {
    pub(super) fn range_stmt(&mut self, r: &RangeStmt, label: Option<String>, span: Span) {
        self.fb().open_scope();
        let x = self.expr(&r.expr, None);
        if x.is_bad() {
            self.fb().close_scope();
            return;
        }
        let xt = match &x.mode {
            Mode::Const(_) => {
                let t = super::consts::default_type(&self.types, x.ty);
                if self.convert(x.clone(), Some(t), "range").is_none() {
                    self.fb().close_scope();
                    return;
                }
                t
            }
            _ => match self.convert(x.clone(), None, "range") {
                Some(t) => t,
                None => {
                    self.fb().close_scope();
                    return;
                }
            },
        };
        let under = self.types.under(xt).clone();
        let (key_ty, val_ty) = match &under {
            TypeKind::Int(_) => (xt, None),
            TypeKind::Slice(e) | TypeKind::Array { elem: e, .. } => (pre::INT, Some(*e)),
            TypeKind::Pointer(p) => match self.types.under(*p).clone() {
                TypeKind::Array { elem, .. } => (pre::INT, Some(elem)),
                _ => {
                    self.error(r.expr.span, format!("cannot range over {}", self.describe(&x)));
                    self.fb().close_scope();
                    return;
                }
            },
            TypeKind::String => (pre::INT, Some(pre::RUNE)),
            TypeKind::Map { key, value } => (*key, Some(*value)),
            TypeKind::Chan { elem, dir } => {
                if *dir == ChanDir::Send {
                    self.error(
                        r.expr.span,
                        format!(
                            "cannot range over {}: receive from send-only channel {}",
                            self.describe(&x),
                            self.name(xt)
                        ),
                    );
                    self.fb().close_scope();
                    return;
                }
                (*elem, None)
            }
            TypeKind::Func(_) => {
                self.range_func(r, &x, xt, label);
                self.fb().close_scope();
                return;
            }
            _ => {
                self.error(r.expr.span, format!("cannot range over {}", self.describe(&x)));
                self.fb().close_scope();
                return;
            }
        };
        if r.value.is_some() && val_ty.is_none() {
            let what = if matches!(under, TypeKind::Chan { .. }) { "channel" } else { "integer" };
            let v = r.value.as_ref().map(|v| v.span).unwrap_or(span);
            self.error(
                v,
                format!(
                    "range over {} permits only one iteration variable",
                    format!("{} ({what})", self.describe(&x)).replace(" (integer)", "").replace(" (channel)", "")
                ),
            );
            self.fb().close_scope();
            return;
        }
        let coll = self.fb().temp(xt);
        self.emit(Op::Store(coll));
        match under {
            TypeKind::Map { .. } => self.range_map(r, coll, key_ty, val_ty.unwrap_or(pre::INT), label),
            TypeKind::Chan { .. } => self.range_chan(r, coll, key_ty, label),
            TypeKind::String => self.range_string(r, coll, label),
            TypeKind::Int(_) => self.range_counted(r, coll, key_ty, None, label, true),
            _ => self.range_counted(r, coll, key_ty, val_ty, label, false),
        }
        self.fb().close_scope();
    }

    /// Assigns the value on top of the stack to a range variable (new or existing).
    pub(super) fn range_assign(&mut self, target: &Expr, ty: TypeId, define: bool) {
        if define {
            match &target.kind {
                ExprKind::Ident(name) => {
                    let id = Ident { name: name.clone(), span: target.span };
                    self.declare_and_store(&id, ty);
                }
                _ => {
                    self.error(target.span, format!("non-name {} on left side of :=", self.text(target.span)));
                    self.emit(Op::Pop);
                }
            }
            return;
        }
        let Some(tmp_ty) = Some(ty) else { return };
        let tmp = self.fb().temp(tmp_ty);
        self.emit(Op::Store(tmp));
        let used = self.used_flag(target);
        let Some((place, pty)) = self.place(target) else { return };
        self.restore_used(target, used);
        self.emit(Op::Load(tmp));
        if !matches!(place, Place::Blank) && self.types.is_interface(pty) && !self.types.is_interface(ty) {
            self.emit(Op::ToIface(ty));
        }
        self.store(place);
    }

    /// Slices, arrays, array pointers, and integers (`for i := range n`).
    pub(super) fn range_counted(
        &mut self,
        r: &RangeStmt,
        coll: u16,
        key_ty: TypeId,
        val_ty: Option<TypeId>,
        label: Option<String>,
        is_int: bool,
    ) {
        let len = self.fb().temp(pre::INT);
        let i = self.fb().temp(pre::INT);
        self.emit(Op::Load(coll));
        if !is_int {
            self.emit(Op::Len);
        }
        self.emit(Op::Store(len));
        self.emit(Op::SmallInt(0));
        self.emit(Op::Store(i));
        let head = self.fb().here();
        self.emit(Op::Load(i));
        self.emit(Op::Load(len));
        self.emit(Op::Cmp(CmpOp::Lt, NumKind::Int(IntKind::Int)));
        let exit = self.emit(Op::JumpIfFalse(0));
        self.fb().open_scope();
        if let Some(k) = &r.key {
            self.emit(Op::Load(i));
            self.range_assign(k, key_ty, r.define);
        }
        if let (Some(v), Some(vt)) = (&r.value, val_ty) {
            self.emit(Op::Load(coll));
            self.emit(Op::Load(i));
            self.emit(Op::Index);
            if self.types.is_aggregate(vt) {
                self.emit(Op::Copy);
            }
            self.range_assign(v, vt, r.define);
        }
        self.push_target(label, true);
        self.block(&r.body);
        self.fb().close_scope();
        let cont = self.fb().here();
        self.emit(Op::Load(i));
        self.emit(Op::SmallInt(1));
        self.emit(Op::Arith(ArithOp::Add, NumKind::Int(IntKind::Int)));
        self.emit(Op::Store(i));
        self.emit(Op::LoopCheck);
        self.emit(Op::Jump(head as u32));
        self.fb().patch_here(exit);
        self.pop_target(Some(cont));
    }

    pub(super) fn range_string(&mut self, r: &RangeStmt, coll: u16, label: Option<String>) {
        let len = self.fb().temp(pre::INT);
        let i = self.fb().temp(pre::INT);
        let width = self.fb().temp(pre::INT);
        self.emit(Op::Load(coll));
        self.emit(Op::Len);
        self.emit(Op::Store(len));
        self.emit(Op::SmallInt(0));
        self.emit(Op::Store(i));
        let head = self.fb().here();
        self.emit(Op::Load(i));
        self.emit(Op::Load(len));
        self.emit(Op::Cmp(CmpOp::Lt, NumKind::Int(IntKind::Int)));
        let exit = self.emit(Op::JumpIfFalse(0));
        self.fb().open_scope();
        self.emit(Op::Load(coll));
        self.emit(Op::Load(i));
        self.emit(Op::DecodeRune);
        self.emit(Op::Store(width));
        let rune = self.fb().temp(pre::RUNE);
        self.emit(Op::Store(rune));
        if let Some(k) = &r.key {
            self.emit(Op::Load(i));
            self.range_assign(k, pre::INT, r.define);
        }
        if let Some(v) = &r.value {
            self.emit(Op::Load(rune));
            self.range_assign(v, pre::RUNE, r.define);
        }
        self.push_target(label, true);
        self.block(&r.body);
        self.fb().close_scope();
        let cont = self.fb().here();
        self.emit(Op::Load(i));
        self.emit(Op::Load(width));
        self.emit(Op::Arith(ArithOp::Add, NumKind::Int(IntKind::Int)));
        self.emit(Op::Store(i));
        self.emit(Op::LoopCheck);
        self.emit(Op::Jump(head as u32));
        self.fb().patch_here(exit);
        self.pop_target(Some(cont));
    }

    pub(super) fn range_map(
        &mut self,
        r: &RangeStmt,
        coll: u16,
        key_ty: TypeId,
        val_ty: TypeId,
        label: Option<String>,
    ) {
        self.emit(Op::Load(coll));
        self.emit(Op::MapIterStart);
        let iter = self.fb().temp(pre::INT);
        self.emit(Op::Store(iter));
        let head = self.fb().here();
        self.emit(Op::Load(iter));
        let next = self.emit(Op::MapIterNext { done: 0 });
        let vtmp = self.fb().temp(val_ty);
        self.emit(Op::Store(vtmp));
        let ktmp = self.fb().temp(key_ty);
        self.emit(Op::Store(ktmp));
        self.emit(Op::Pop);
        self.fb().open_scope();
        if let Some(k) = &r.key {
            self.emit(Op::Load(ktmp));
            self.range_assign(k, key_ty, r.define);
        }
        if let Some(v) = &r.value {
            self.emit(Op::Load(vtmp));
            if self.types.is_aggregate(val_ty) {
                self.emit(Op::Copy);
            }
            self.range_assign(v, val_ty, r.define);
        }
        self.push_target(label, true);
        self.block(&r.body);
        self.fb().close_scope();
        let cont = self.fb().here();
        self.emit(Op::LoopCheck);
        self.emit(Op::Jump(head as u32));
        self.fb().patch_here(next);
        self.pop_target(Some(cont));
    }

    pub(super) fn range_chan(&mut self, r: &RangeStmt, coll: u16, elem: TypeId, label: Option<String>) {
        let head = self.fb().here();
        self.emit(Op::Load(coll));
        self.emit(Op::RecvOk { elem });
        let exit_jump = self.emit(Op::JumpIfFalse(0));
        self.fb().open_scope();
        match &r.key {
            Some(k) => self.range_assign(k, elem, r.define),
            None => {
                self.emit(Op::Pop);
            }
        }
        self.push_target(label, true);
        self.block(&r.body);
        self.fb().close_scope();
        let cont = self.fb().here();
        self.emit(Op::LoopCheck);
        self.emit(Op::Jump(head as u32));
        // The value left by the failed receive.
        let exit = self.fb().here();
        self.fb().patch(exit_jump, exit);
        self.emit(Op::Pop);
        self.pop_target(Some(cont));
        // Breaks jump past the Pop (they leave nothing on the stack): patched in pop_target
        // to the end, which is after the Pop.
    }
}
