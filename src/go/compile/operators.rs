//! Operators: unary, binary (with constant folding and untyped operands), `&&`/`||`, shifts.

use super::consts::{self, ConstVal, RepError};
use super::expr::const_fits_kind;
use super::expr::{Mode, Operand};
use super::Compiler;
use crate::go::ast::{BinaryOp, Expr, Span, UnaryOp};
use crate::go::bytecode::{ArithOp, CmpOp, NumKind, Op};
use crate::go::types::{predeclared as pre, TypeId, TypeKind};

impl<'a> Compiler<'a> {
    pub(super) fn unary(&mut self, op: UnaryOp, inner: &Expr, span: Span, hint: Option<TypeId>) -> Operand {
        if op == UnaryOp::Addr {
            return self.address_of(inner, span, hint);
        }
        let x = self.expr(inner, hint);
        if x.is_bad() {
            return x;
        }
        if let Mode::Const(v) = &x.mode {
            let folded = match (op, v) {
                (UnaryOp::Neg, ConstVal::Int(i)) => Some(ConstVal::Int(-i)),
                (UnaryOp::Neg, ConstVal::Float(f)) => Some(ConstVal::Float(-f)),
                (UnaryOp::Neg, ConstVal::Rat(n, d)) => Some(ConstVal::Rat(-n, *d)),
                (UnaryOp::Pos, ConstVal::Int(_) | ConstVal::Float(_) | ConstVal::Rat(..)) => Some(v.clone()),
                (UnaryOp::Not, ConstVal::Bool(b)) => Some(ConstVal::Bool(!b)),
                (UnaryOp::BitNot, ConstVal::Int(i)) => Some(ConstVal::Int(match self.types.under(x.ty) {
                    TypeKind::Int(k) if k.is_unsigned() => consts::int_range(*k).1 ^ i,
                    _ => !i,
                })),
                _ => None,
            };
            if let Some(v) = folded {
                if !self.is_untyped(x.ty) {
                    if let Err(RepError::Overflows) = consts::representable(&self.types, &v, x.ty) {
                        let shown = Operand { mode: Mode::Const(v.clone()), ty: x.ty, span };
                        self.error(span, format!("{} overflows {}", self.describe(&shown), self.name(x.ty)));
                        return Operand::bad(span);
                    }
                }
                return Operand { mode: Mode::Const(v), ty: x.ty, span };
            }
        }
        let Some(ty) = self.convert(x.clone(), None, "") else { return Operand::bad(span) };
        let ok = match op {
            UnaryOp::Neg | UnaryOp::Pos => self.is_numeric(ty),
            UnaryOp::Not => self.is_bool(ty),
            UnaryOp::BitNot => self.is_integer(ty),
            UnaryOp::Addr => true,
        };
        if !ok {
            let sym = match op {
                UnaryOp::Neg => "-",
                UnaryOp::Pos => "+",
                UnaryOp::Not => "!",
                _ => "^",
            };
            self.error(span, format!("invalid operation: operator {sym} not defined on {}", self.describe(&x)));
            return Operand::bad(span);
        }
        match op {
            UnaryOp::Neg => {
                if let Some(k) = self.num_kind(ty) {
                    self.emit(Op::Neg(k));
                }
            }
            UnaryOp::Not => {
                self.emit(Op::Not);
            }
            UnaryOp::BitNot => {
                if let TypeKind::Int(k) = self.types.under(ty) {
                    let k = *k;
                    self.emit(Op::BitNot(k));
                }
            }
            _ => {}
        }
        Operand::value(ty, span)
    }

    pub fn num_kind(&self, ty: TypeId) -> Option<NumKind> {
        Some(match self.types.under(ty) {
            TypeKind::Int(k) => NumKind::Int(*k),
            TypeKind::Float64 => NumKind::Float64,
            TypeKind::Float32 => NumKind::Float32,
            TypeKind::String => NumKind::Str,
            _ => return None,
        })
    }

    pub(super) fn binary(&mut self, op: BinaryOp, lhs: &Expr, rhs: &Expr, span: Span, hint: Option<TypeId>) -> Operand {
        if matches!(op, BinaryOp::LogAnd | BinaryOp::LogOr) {
            return self.logical(op, lhs, rhs, span);
        }
        if matches!(op, BinaryOp::Shl | BinaryOp::Shr) {
            return self.shift(op, lhs, rhs, span, hint);
        }
        let l = self.expr(lhs, None);
        if l.is_bad() {
            return l;
        }
        let l_const = matches!(l.mode, Mode::Const(_) | Mode::Nil);
        if !l_const {
            if let Mode::Value { fresh: false, .. } = l.mode {
                // comparisons of structs read the box; no copy needed
            }
            if !matches!(l.mode, Mode::Value { .. }) {
                self.convert(l.clone(), None, "");
                return Operand::bad(span);
            }
        }
        let r = self.expr(rhs, None);
        if r.is_bad() {
            return r;
        }
        let r_const = matches!(r.mode, Mode::Const(_) | Mode::Nil);
        if !r_const && !matches!(r.mode, Mode::Value { .. }) {
            self.convert(r.clone(), None, "");
            return Operand::bad(span);
        }
        // Both constants: fold.
        if let (Mode::Const(a), Mode::Const(b)) = (&l.mode, &r.mode) {
            return self.fold(op, &l, &r, a.clone(), b.clone(), span);
        }
        // Operand type: the typed side; nil compares with a nillable side.
        let ty = if !l_const {
            l.ty
        } else if !r_const {
            r.ty
        } else {
            pre::UNTYPED_NIL
        };
        if matches!(l.mode, Mode::Nil) && matches!(r.mode, Mode::Nil) {
            self.error(
                span,
                format!("invalid operation: {} (operator {} not defined on nil)", self.text(span), op.symbol()),
            );
            return Operand::bad(span);
        }
        if l_const {
            // Right was emitted first: push the left constant, then swap into place.
            if self.convert_operand_to(&l, ty, &r, op, span).is_none() {
                return Operand::bad(span);
            }
            self.emit(Op::Swap);
        } else if r_const && self.convert_operand_to(&r, ty, &l, op, span).is_none() {
            return Operand::bad(span);
        }
        if !l_const && !r_const && l.ty != r.ty {
            let mismatch = if self.types.is_interface(l.ty) || self.types.is_interface(r.ty) {
                // Comparing an interface with a value implementing it is fine (==, !=).
                !(matches!(op, BinaryOp::Eq | BinaryOp::Ne)
                    && (self.assignable(l.ty, r.ty).is_ok() || self.assignable(r.ty, l.ty).is_ok()))
            } else {
                true
            };
            if mismatch {
                let is_cmp = matches!(
                    op,
                    BinaryOp::Eq | BinaryOp::Ne | BinaryOp::Lt | BinaryOp::Le | BinaryOp::Gt | BinaryOp::Ge
                );
                self.error(
                    if is_cmp { rhs.span } else { lhs.span.to(rhs.span) },
                    format!(
                        "invalid operation: {} (mismatched types {} and {})",
                        self.text(span),
                        self.name(l.ty),
                        self.name(r.ty)
                    ),
                );
                return Operand::bad(span);
            }
            if self.types.is_interface(l.ty) != self.types.is_interface(r.ty) {
                // Wrap the concrete side (on top: the right one).
                if self.types.is_interface(l.ty) {
                    self.emit(Op::ToIface(r.ty));
                } else {
                    self.emit(Op::Swap);
                    self.emit(Op::ToIface(l.ty));
                    self.emit(Op::Swap);
                }
            }
        }
        self.binary_op(op, ty, span, &l, &r)
    }

    pub(super) fn convert_operand_to(
        &mut self,
        c: &Operand,
        ty: TypeId,
        other: &Operand,
        op: BinaryOp,
        span: Span,
    ) -> Option<()> {
        if let Mode::Nil = c.mode {
            if !self.nillable(ty) {
                let is_cmp = matches!(
                    op,
                    BinaryOp::Eq | BinaryOp::Ne | BinaryOp::Lt | BinaryOp::Le | BinaryOp::Gt | BinaryOp::Ge
                );
                // Comparisons report at the second operand, as types2 does.
                let second = if c.span.start > other.span.start { c.span } else { other.span };
                self.error(
                    if is_cmp { second } else { span },
                    format!(
                        "invalid operation: {} (mismatched types {} and untyped nil)",
                        self.text(span),
                        self.name(ty)
                    ),
                );
                return None;
            }
            self.emit(Op::Nil);
            return Some(());
        }
        let Mode::Const(v) = &c.mode else { return Some(()) };
        // An untyped constant takes the other operand's type; for interfaces its default type.
        let target = if self.types.is_interface(ty) { consts::default_type(&self.types, c.ty) } else { ty };
        let compatible = const_fits_kind(self.types.under(target), v);
        if !compatible || (!self.is_untyped(c.ty) && c.ty != target) {
            let _ = op;
            self.error(
                span,
                format!(
                    "invalid operation: {} (mismatched types {} and {})",
                    self.text(span),
                    self.name(if c.span.start < other.span.start { c.ty } else { other.ty }),
                    self.name(if c.span.start < other.span.start { other.ty } else { c.ty })
                ),
            );
            return None;
        }
        let v = match consts::representable(&self.types, v, target) {
            Ok(v) => v,
            Err(_) => {
                let msg = self.const_lost(c, target);
                self.error(c.span, msg);
                return None;
            }
        };
        let fake = Operand { mode: Mode::Const(v.clone()), ty: target, span: c.span };
        self.push_const(&fake, &v, target, "")?;
        if self.types.is_interface(ty) {
            // push_const wrapped only when asked for an interface type; do it here.
            self.emit(Op::ToIface(target));
        }
        Some(())
    }

    pub(super) fn fold(
        &mut self,
        op: BinaryOp,
        l: &Operand,
        r: &Operand,
        a: ConstVal,
        b: ConstVal,
        span: Span,
    ) -> Operand {
        let (lt, rt) = (l.ty, r.ty);
        let typed = if !self.is_untyped(lt) {
            Some(lt)
        } else if !self.is_untyped(rt) {
            Some(rt)
        } else {
            None
        };
        if let (false, false) = (self.is_untyped(lt), self.is_untyped(rt)) {
            if lt != rt {
                self.error(
                    span,
                    format!(
                        "invalid operation: {} (mismatched types {} and {})",
                        self.text(span),
                        self.name(lt),
                        self.name(rt)
                    ),
                );
                return Operand::bad(span);
            }
        }
        // The untyped side takes the typed side's type first (`1.5 * time.Second` is not
        // 1.5 seconds: 1.5 cannot be a Duration).
        if let Some(t) = typed.filter(|&t| self.num_kind(t).is_some()) {
            for (side, value) in [(l, &a), (r, &b)] {
                let numeric = matches!(side.ty, pre::UNTYPED_INT | pre::UNTYPED_RUNE | pre::UNTYPED_FLOAT);
                if numeric && consts::representable(&self.types, value, t).is_err() {
                    let msg = self.const_lost(side, t);
                    self.error(side.span, msg);
                    return Operand::bad(span);
                }
            }
        }
        let result_ty = typed.unwrap_or_else(|| consts::untyped_join(lt, rt));
        let int_result = self.is_integer(result_ty);
        match consts::fold_binary(op, &a, &b, int_result) {
            Ok(v) => {
                let is_cmp = matches!(
                    op,
                    BinaryOp::Eq | BinaryOp::Ne | BinaryOp::Lt | BinaryOp::Le | BinaryOp::Gt | BinaryOp::Ge
                );
                let ty = if is_cmp { pre::UNTYPED_BOOL } else { result_ty };
                if let Some(t) = typed.filter(|_| !is_cmp) {
                    if let Err(RepError::Overflows) = consts::representable(&self.types, &v, t) {
                        let shown = Operand { mode: Mode::Const(v.clone()), ty: t, span };
                        self.error(span, format!("{} overflows {}", self.describe(&shown), self.name(t)));
                        return Operand::bad(span);
                    }
                }
                Operand { mode: Mode::Const(v), ty, span }
            }
            Err(msg) => {
                if msg.starts_with("invalid operation: division") {
                    self.error(r.span, msg);
                } else {
                    self.error(
                        span,
                        format!("invalid operation: operator {} not defined on {}", op.symbol(), self.describe(l)),
                    );
                }
                Operand::bad(span)
            }
        }
    }

    /// types2's message for untyped constant `c` that numeric type `t` cannot hold: a float
    /// made an integer is "truncated", anything else "overflows"; `t` is named by its basic
    /// type (`int64` for `time.Duration`).
    fn const_lost(&self, c: &Operand, t: TypeId) -> String {
        let what = if c.ty == pre::UNTYPED_FLOAT && self.is_integer(t) { "truncated to" } else { "overflows" };
        format!("{} {what} {}", self.describe(c), self.types.error_name(self.types.underlying(t)))
    }

    /// Emits the operator for two operands of type `ty` already on the stack.
    pub(super) fn binary_op(&mut self, op: BinaryOp, ty: TypeId, span: Span, l: &Operand, r: &Operand) -> Operand {
        let kind = self.num_kind(ty);
        let cmp = |op| match op {
            BinaryOp::Lt => Some(CmpOp::Lt),
            BinaryOp::Le => Some(CmpOp::Le),
            BinaryOp::Gt => Some(CmpOp::Gt),
            BinaryOp::Ge => Some(CmpOp::Ge),
            _ => None,
        };
        match op {
            BinaryOp::Eq | BinaryOp::Ne => {
                let ok = self.comparable(ty) || matches!(l.mode, Mode::Nil) || matches!(r.mode, Mode::Nil);
                if !ok {
                    let what = match self.types.under(ty) {
                        TypeKind::Slice(_) => "slice",
                        TypeKind::Map { .. } => "map",
                        TypeKind::Func(_) => "func",
                        _ => {
                            let field = self.uncomparable_part(ty);
                            self.error(
                                span,
                                format!(
                                    "invalid operation: {} (struct containing {field} cannot be compared)",
                                    self.text(span)
                                ),
                            );
                            return Operand::bad(span);
                        }
                    };
                    self.error(
                        span,
                        format!("invalid operation: {} ({what} can only be compared to nil)", self.text(span)),
                    );
                    return Operand::bad(span);
                }
                self.emit(if op == BinaryOp::Eq { Op::Eq } else { Op::Ne });
                Operand::value(pre::UNTYPED_BOOL, span)
            }
            BinaryOp::Lt | BinaryOp::Le | BinaryOp::Gt | BinaryOp::Ge => {
                let Some(k) = kind else {
                    self.error(
                        span,
                        format!(
                            "invalid operation: {} (operator {} not defined on {})",
                            self.text(span),
                            op.symbol(),
                            self.op_kind_word(l, ty)
                        ),
                    );
                    return Operand::bad(span);
                };
                if let Some(c) = cmp(op) {
                    self.emit(Op::Cmp(c, k));
                }
                Operand::value(pre::UNTYPED_BOOL, span)
            }
            _ => {
                let arith = arith_op(op);
                let ok = match (arith, kind) {
                    (ArithOp::Add, Some(_)) => true,
                    (ArithOp::Sub | ArithOp::Mul | ArithOp::Div, Some(k)) => k != NumKind::Str,
                    (_, Some(NumKind::Int(_))) => true,
                    _ => false,
                };
                if !ok {
                    self.error(
                        span,
                        format!("invalid operation: operator {} not defined on {}", op.symbol(), self.describe(l)),
                    );
                    return Operand::bad(span);
                }
                if let (ArithOp::Div | ArithOp::Rem, Mode::Const(ConstVal::Int(0))) = (arith, &r.mode) {
                    self.error(r.span, "invalid operation: division by zero");
                    return Operand::bad(span);
                }
                if let Some(k) = kind {
                    self.emit(Op::Arith(arith, k));
                }
                Operand::value(ty, span)
            }
        }
    }

    /// The first uncomparable type inside a struct or array (`[]int`), for messages.
    fn uncomparable_part(&self, ty: TypeId) -> String {
        let mut ty = ty;
        for _ in 0..32 {
            ty = match self.types.under(ty) {
                TypeKind::Struct(fields) => match fields.iter().find(|f| !self.comparable(f.ty)) {
                    Some(f) => f.ty,
                    None => break,
                },
                TypeKind::Array { elem, .. } => *elem,
                _ => break,
            };
        }
        self.name(ty)
    }

    pub(super) fn op_kind_word(&self, l: &Operand, ty: TypeId) -> String {
        let _ = l;
        match self.types.under(ty) {
            TypeKind::Bool => "bool".into(),
            TypeKind::Struct(_) => "struct".into(),
            TypeKind::Pointer(_) => "pointer".into(),
            TypeKind::Interface(_) => "interface".into(),
            TypeKind::Chan { .. } => "chan".into(),
            TypeKind::Slice(_) => "slice".into(),
            TypeKind::Map { .. } => "map".into(),
            _ => self.name(ty),
        }
    }

    pub(super) fn logical(&mut self, op: BinaryOp, lhs: &Expr, rhs: &Expr, span: Span) -> Operand {
        let l = self.expr(lhs, None);
        if let Mode::Const(ConstVal::Bool(a)) = l.mode {
            let r = self.expr(rhs, None);
            if let Mode::Const(ConstVal::Bool(b)) = r.mode {
                let v = if op == BinaryOp::LogAnd { a && b } else { a || b };
                return Operand { mode: Mode::Const(ConstVal::Bool(v)), ty: l.ty, span };
            }
            // `true && x`: emit the constant before x by swapping is not possible with a
            // short circuit; x is already emitted, so combine with the known constant.
            let Some(ty) = self.convert(r.clone(), None, "") else { return Operand::bad(span) };
            if !self.is_bool(ty) {
                self.error(
                    span,
                    format!("invalid operation: operator {} not defined on {}", op.symbol(), self.describe(&r)),
                );
                return Operand::bad(span);
            }
            match (op, a) {
                (BinaryOp::LogAnd, false) | (BinaryOp::LogOr, true) => {
                    self.emit(Op::Pop);
                    self.emit(Op::Bool(a));
                }
                _ => {}
            }
            return Operand::value(ty, span);
        }
        let Some(lt) = self.convert(l.clone(), None, "") else { return Operand::bad(span) };
        if !self.is_bool(lt) {
            self.error(
                span,
                format!("invalid operation: operator {} not defined on {}", op.symbol(), self.describe(&l)),
            );
            return Operand::bad(span);
        }
        self.emit(Op::Dup);
        let jump = self.emit(if op == BinaryOp::LogAnd { Op::JumpIfFalse(0) } else { Op::JumpIfTrue(0) });
        self.emit(Op::Pop);
        let r = self.expr(rhs, Some(lt));
        let Some(rt) = self.convert(r.clone(), if self.is_untyped(lt) { None } else { Some(lt) }, "") else {
            return Operand::bad(span);
        };
        if !self.is_bool(rt) {
            self.error(
                span,
                format!("invalid operation: operator {} not defined on {}", op.symbol(), self.describe(&r)),
            );
        }
        self.fb().patch_here(jump);
        Operand::value(if self.is_untyped(lt) { rt } else { lt }, span)
    }

    pub(super) fn shift(&mut self, op: BinaryOp, lhs: &Expr, rhs: &Expr, span: Span, hint: Option<TypeId>) -> Operand {
        let l = self.expr(lhs, None);
        if let Mode::Const(a) = &l.mode {
            let r = self.expr(rhs, None);
            if let Mode::Const(b) = &r.mode {
                return self.fold(op, &l, &Operand { ty: pre::UNTYPED_INT, ..r.clone() }, a.clone(), b.clone(), span);
            }
            // `1 << n`: the constant takes the context's type (int by default).
            let ty = hint.filter(|t| self.is_integer(*t)).unwrap_or(pre::INT);
            let Some(rt) = self.convert(r.clone(), None, "") else { return Operand::bad(span) };
            if !self.is_integer(rt) {
                self.error(r.span, format!("invalid operation: shift count {} must be integer", self.describe(&r)));
                return Operand::bad(span);
            }
            if self.push_const(&l, a, ty, "").is_none() {
                return Operand::bad(span);
            }
            self.emit(Op::Swap);
            let k = self.num_kind(ty).unwrap_or(NumKind::Int(crate::go::types::IntKind::Int));
            self.emit(Op::Arith(if op == BinaryOp::Shl { ArithOp::Shl } else { ArithOp::Shr }, k));
            return Operand::value(ty, span);
        }
        let Some(lt) = self.convert(l.clone(), None, "") else { return Operand::bad(span) };
        if !self.is_integer(lt) {
            self.error(span, format!("invalid operation: shifted operand {} must be integer", self.describe(&l)));
            return Operand::bad(span);
        }
        let r = self.expr(rhs, None);
        let rt = match &r.mode {
            Mode::Const(v) => {
                if v.to_int().is_none_or(|n| n < 0) {
                    self.error(r.span, format!("invalid shift count {}", self.text(r.span)));
                    return Operand::bad(span);
                }
                self.push_const(&r, v, pre::UINT, "")
            }
            _ => self.convert(r.clone(), None, ""),
        };
        let Some(rt) = rt else { return Operand::bad(span) };
        if !self.is_integer(rt) {
            self.error(r.span, format!("invalid operation: shift count {} must be integer", self.describe(&r)));
            return Operand::bad(span);
        }
        if let Some(k) = self.num_kind(lt) {
            self.emit(Op::Arith(if op == BinaryOp::Shl { ArithOp::Shl } else { ArithOp::Shr }, k));
        }
        Operand::value(lt, span)
    }
}

/// The instruction of an arithmetic operator (`+`, `&^`, `<<`...); comparisons and logical
/// operators have their own instructions.
pub(super) fn arith_op(op: BinaryOp) -> ArithOp {
    match op {
        BinaryOp::Sub => ArithOp::Sub,
        BinaryOp::Mul => ArithOp::Mul,
        BinaryOp::Div => ArithOp::Div,
        BinaryOp::Rem => ArithOp::Rem,
        BinaryOp::And => ArithOp::And,
        BinaryOp::Or => ArithOp::Or,
        BinaryOp::Xor => ArithOp::Xor,
        BinaryOp::AndNot => ArithOp::AndNot,
        BinaryOp::Shl => ArithOp::Shl,
        BinaryOp::Shr => ArithOp::Shr,
        _ => ArithOp::Add,
    }
}
