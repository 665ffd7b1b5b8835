//! Conversions `T(x)` and the builtins (`len`, `append`, `make`, `new`, `panic`, `min`...).

use super::consts::{self, ConstVal};
use super::expr::{Mode, Operand};
use super::universe::Builtin;
use super::Compiler;
use crate::go::ast::{Expr, Span};
use crate::go::bytecode::{Conv, Native, NumKind, Op};
use crate::go::types::{predeclared as pre, TypeId, TypeKind};

impl<'a> Compiler<'a> {
    /// `T(x)`.
    pub fn conversion(&mut self, ty: TypeId, args: &[Expr], span: Span) -> Operand {
        if args.len() != 1 {
            let msg = if args.is_empty() {
                "missing argument in conversion to"
            } else {
                "too many arguments in conversion to"
            };
            self.error(span, format!("{msg} {}", self.name(ty)));
            return Operand::bad(span);
        }
        let x = self.expr(&args[0], Some(ty));
        if x.is_bad() {
            return x;
        }
        let target_under = self.types.under(ty).clone();
        if let Mode::Const(v) = &x.mode {
            // Constant conversions stay constant for basic types.
            let folded = match (&target_under, v) {
                (TypeKind::Int(_), ConstVal::Int(_)) => consts::representable(&self.types, v, ty).ok(),
                (TypeKind::Int(_), ConstVal::Float(f)) if f.fract() == 0.0 => {
                    consts::representable(&self.types, &ConstVal::Int(*f as i128), ty).ok()
                }
                (TypeKind::Float32, ConstVal::Int(_) | ConstVal::Float(_) | ConstVal::Rat(..)) => {
                    v.to_float().map(|f| ConstVal::Float(f as f32 as f64))
                }
                (TypeKind::Float64, ConstVal::Int(_) | ConstVal::Float(_) | ConstVal::Rat(..)) => Some(v.clone()),
                (TypeKind::String, ConstVal::Str(_)) | (TypeKind::Bool, ConstVal::Bool(_)) => Some(v.clone()),
                (TypeKind::String, ConstVal::Int(i)) => {
                    let c = u32::try_from(*i).ok().and_then(char::from_u32).unwrap_or('\u{FFFD}');
                    Some(ConstVal::Str(std::rc::Rc::new(c.to_string().into_bytes())))
                }
                _ => None,
            };
            if let Some(v) = folded {
                return Operand { mode: Mode::Const(v), ty, span };
            }
            if let (TypeKind::Int(_), ConstVal::Int(i)) = (&target_under, v) {
                self.error(x.span, format!("constant {i} overflows {}", self.name(ty)));
                return Operand::bad(span);
            }
            if matches!(
                target_under,
                TypeKind::Int(_) | TypeKind::Float64 | TypeKind::Float32 | TypeKind::String | TypeKind::Bool
            ) {
                self.error(x.span, format!("cannot convert {} to type {}", self.describe(&x), self.name(ty)));
                return Operand::bad(span);
            }
        }
        if let Mode::Nil = x.mode {
            if self.nillable(ty) {
                self.emit(Op::Nil);
                return Operand::value(ty, span);
            }
        }
        let Some(from) = self.convert(x.clone(), None, "") else { return Operand::bad(span) };
        let from_under = self.types.under(from).clone();
        let assignable = !self.types.is_interface(ty) && self.assignable(from, ty).is_ok();
        let conv = match (&from_under, &target_under) {
            _ if self.types.underlying(from) == self.types.underlying(ty) || assignable => None,
            (TypeKind::Pointer(a), TypeKind::Pointer(b)) if self.types.underlying(*a) == self.types.underlying(*b) => {
                None
            }
            (TypeKind::Int(_), TypeKind::Int(k)) => Some(Conv::IntToInt(*k)),
            (TypeKind::Int(k), TypeKind::Float64) => Some(Conv::IntToFloat { from: *k, to32: false }),
            (TypeKind::Int(k), TypeKind::Float32) => Some(Conv::IntToFloat { from: *k, to32: true }),
            (TypeKind::Float64 | TypeKind::Float32, TypeKind::Int(k)) => Some(Conv::FloatToInt(*k)),
            (TypeKind::Float64 | TypeKind::Float32, TypeKind::Float32) => Some(Conv::FloatToFloat { to32: true }),
            (TypeKind::Float64 | TypeKind::Float32, TypeKind::Float64) => Some(Conv::FloatToFloat { to32: false }),
            (TypeKind::Int(_), TypeKind::String) => Some(Conv::RuneToString),
            (TypeKind::String, TypeKind::Slice(e)) if self.types.underlying(*e) == pre::UINT8 => {
                Some(Conv::StringToBytes)
            }
            (TypeKind::String, TypeKind::Slice(e)) if self.types.underlying(*e) == pre::INT32 => {
                Some(Conv::StringToRunes)
            }
            (TypeKind::Slice(e), TypeKind::String) if self.types.underlying(*e) == pre::UINT8 => {
                Some(Conv::BytesToString)
            }
            (TypeKind::Slice(e), TypeKind::String) if self.types.underlying(*e) == pre::INT32 => {
                Some(Conv::RunesToString)
            }
            // Go 1.20: a copy of the slice's first `len` elements (a run-time error if it is shorter).
            (TypeKind::Slice(e), TypeKind::Array { elem, len }) if e == elem => match u32::try_from(*len) {
                Ok(len) => Some(Conv::SliceToArray(len)),
                Err(_) => {
                    self.error(x.span, format!("cannot convert {} to type {}", self.describe(&x), self.name(ty)));
                    return Operand::bad(span);
                }
            },
            // A pointer into the slice's own backing array: not representable here.
            (TypeKind::Slice(e), TypeKind::Pointer(p)) if matches!(self.types.under(*p), TypeKind::Array { elem, .. } if elem == e) =>
            {
                self.unsupported(x.span, "la conversion d’une tranche en pointeur de tableau");
                return Operand::bad(span);
            }
            (_, TypeKind::Interface(_)) => {
                if let Err(why) = self.implements(from, ty) {
                    self.error(
                        x.span,
                        format!("cannot convert {} to type {}: {why}", self.describe(&x), self.name(ty)),
                    );
                    return Operand::bad(span);
                }
                if !self.types.is_interface(from) {
                    self.emit(Op::ToIface(from));
                }
                return Operand::value(ty, span);
            }
            _ => {
                self.error(x.span, format!("cannot convert {} to type {}", self.describe(&x), self.name(ty)));
                return Operand::bad(span);
            }
        };
        if let Some(c) = conv {
            self.emit(Op::Convert(c));
        }
        Operand::value(ty, span)
    }

    pub(super) fn builtin(&mut self, b: Builtin, args: &[Expr], spread: bool, span: Span) -> Operand {
        let name = b.name();
        if spread && b != Builtin::Append {
            self.error(span, format!("invalid operation: invalid use of ... with built-in {name}"));
            return Operand::bad(span);
        }
        let (wanted, more) = b.arity();
        if args.len() < wanted || (!more && args.len() > wanted) {
            let which = if args.len() < wanted { "not enough" } else { "too many" };
            let msg = format!(
                "invalid operation: {which} arguments for {} (expected {wanted}, found {})",
                self.text(span),
                args.len()
            );
            self.error(span, msg);
            // The arguments are still checked (and their variables used), as types2 does.
            for arg in args {
                self.expr(arg, None);
            }
            return Operand::bad(span);
        }
        match b {
            Builtin::Len | Builtin::Cap => {
                let x = self.expr(&args[0], None);
                if let (Builtin::Len, Mode::Const(ConstVal::Str(s))) = (b, &x.mode) {
                    return Operand { mode: Mode::Const(ConstVal::Int(s.len() as i128)), ty: pre::INT, span };
                }
                let Some(ty) = self.convert(x.clone(), None, "") else { return Operand::bad(span) };
                let ok = match self.types.under(ty) {
                    TypeKind::String | TypeKind::Map { .. } => b == Builtin::Len,
                    TypeKind::Slice(_) | TypeKind::Array { .. } | TypeKind::Chan { .. } => true,
                    TypeKind::Pointer(p) => matches!(self.types.under(*p), TypeKind::Array { .. }),
                    _ => false,
                };
                if !ok {
                    self.error(x.span, format!("invalid argument: {} for built-in {name}", self.describe(&x)));
                    return Operand::bad(span);
                }
                self.emit(if b == Builtin::Len { Op::Len } else { Op::Cap });
                Operand::value(pre::INT, span)
            }
            Builtin::Append => {
                let s = self.expr(&args[0], None);
                if let Mode::Nil = s.mode {
                    self.error(s.span, "first argument to append must be a typed slice; have untyped nil");
                    return Operand::bad(span);
                }
                let Some(sty) = self.convert(s.clone(), None, "") else { return Operand::bad(span) };
                let TypeKind::Slice(elem) = self.types.under(sty).clone() else {
                    self.error(s.span, format!("invalid append: argument must be a slice; have {}", self.describe(&s)));
                    return Operand::bad(span);
                };
                let context = "argument to append";
                if spread {
                    if args.len() != 2 {
                        self.error(span, "can only use ... with final argument in list");
                        return Operand::bad(span);
                    }
                    let t = self.expr(&args[1], None);
                    let is_bytes_from_string = self.types.underlying(elem) == pre::UINT8 && self.is_string(t.ty);
                    if is_bytes_from_string {
                        self.convert(t, Some(pre::STRING), context);
                    } else if self.convert(t, Some(sty), context).is_none() {
                        return Operand::bad(span);
                    }
                    self.emit(Op::AppendSpread);
                    return Operand::value(sty, span);
                }
                for arg in &args[1..] {
                    if self.value(arg, Some(elem), context).is_none() {
                        return Operand::bad(span);
                    }
                }
                self.emit(Op::Append { n: (args.len() - 1) as u32 });
                Operand::value(sty, span)
            }
            Builtin::Copy => {
                let d = self.expr(&args[0], None);
                let Some(_) = self.convert(d, None, "") else { return Operand::bad(span) };
                let s = self.expr(&args[1], None);
                let Some(_) = self.convert(s, None, "") else { return Operand::bad(span) };
                self.emit(Op::CopySlice);
                Operand::value(pre::INT, span)
            }
            Builtin::Delete => {
                let m = self.expr(&args[0], None);
                let Some(mt) = self.convert(m.clone(), None, "") else { return Operand::bad(span) };
                let TypeKind::Map { key, .. } = self.types.under(mt).clone() else {
                    self.error(m.span, format!("invalid argument: {} is not a map", self.describe(&m)));
                    return Operand::bad(span);
                };
                if self.value(&args[1], Some(key), "argument to delete").is_none() {
                    return Operand::bad(span);
                }
                self.emit(Op::Delete);
                Operand { mode: Mode::Void, ty: pre::INT, span }
            }
            Builtin::Close => {
                let c = self.expr(&args[0], None);
                let Some(ct) = self.convert(c.clone(), None, "") else { return Operand::bad(span) };
                match self.types.under(ct) {
                    TypeKind::Chan { dir: crate::go::ast::ChanDir::Recv, .. } => {
                        self.error(
                            c.span,
                            format!("invalid operation: cannot close receive-only channel {}", self.describe(&c)),
                        );
                        return Operand::bad(span);
                    }
                    TypeKind::Chan { .. } => {}
                    _ => {
                        self.error(c.span, format!("invalid operation: non-chan argument {}", self.describe(&c)));
                        return Operand::bad(span);
                    }
                }
                self.emit(Op::Close);
                Operand { mode: Mode::Void, ty: pre::INT, span }
            }
            Builtin::Make => self.make(args, span),
            Builtin::New => {
                let t = self.expr(&args[0], None);
                if !matches!(t.mode, Mode::Type) {
                    if !t.is_bad() {
                        self.error(t.span, format!("{} is not a type", self.text(t.span)));
                    }
                    return Operand::bad(span);
                }
                self.emit(Op::Zero(t.ty));
                self.emit(Op::Box);
                let ptr = self.pointer_to(t.ty);
                Operand::value(ptr, span)
            }
            Builtin::Panic => {
                if self.value(&args[0], Some(pre::ANY), "argument to panic").is_none() {
                    return Operand::bad(span);
                }
                self.emit(Op::Panic);
                Operand { mode: Mode::Void, ty: pre::INT, span }
            }
            Builtin::Recover => {
                self.emit(Op::Recover);
                Operand::value(pre::ANY, span)
            }
            Builtin::Print | Builtin::Println => {
                for arg in args {
                    if self.value(arg, Some(pre::ANY), &format!("argument to {name}")).is_none() {
                        return Operand::bad(span);
                    }
                }
                let native = if b == Builtin::Print { Native::BuiltinPrint } else { Native::BuiltinPrintln };
                self.emit(Op::CallNative { native, argc: args.len() as u16 });
                Operand { mode: Mode::Void, ty: pre::INT, span }
            }
            Builtin::Min | Builtin::Max => self.min_max(b == Builtin::Max, args, span),
            Builtin::Clear => self.clear(args, span),
            Builtin::Complex | Builtin::Real | Builtin::Imag => {
                self.unsupported(span, "les nombres complexes");
                Operand::bad(span)
            }
        }
    }

    pub(super) fn make(&mut self, args: &[Expr], span: Span) -> Operand {
        // `builtin` checked the count.
        let Some(first) = args.first() else { return Operand::bad(span) };
        let t = self.expr(first, None);
        if !matches!(t.mode, Mode::Type) {
            if !t.is_bad() {
                self.error(first.span, format!("{} is not a type", self.text(first.span)));
            }
            return Operand::bad(span);
        }
        let ty = t.ty;
        let size = |this: &mut Self, e: &Expr| -> bool { this.index_value(e, pre::INT) };
        match self.types.under(ty).clone() {
            TypeKind::Slice(_) => {
                if args.len() < 2 {
                    self.error(
                        span,
                        format!(
                            "invalid operation: {} expects 2 or 3 arguments; found {}",
                            self.text(span),
                            args.len()
                        ),
                    );
                    return Operand::bad(span);
                }
                if !size(self, &args[1]) {
                    return Operand::bad(span);
                }
                if let Some(c) = args.get(2) {
                    if !size(self, c) {
                        return Operand::bad(span);
                    }
                } else {
                    self.emit(Op::Dup);
                }
                self.emit(Op::MakeSliceLen { ty });
            }
            TypeKind::Map { .. } => {
                if let Some(hint) = args.get(1) {
                    if !size(self, hint) {
                        return Operand::bad(span);
                    }
                    self.emit(Op::Pop);
                }
                self.emit(Op::MakeMapEmpty { ty });
            }
            TypeKind::Chan { .. } => {
                match args.get(1) {
                    Some(c) => {
                        if !size(self, c) {
                            return Operand::bad(span);
                        }
                    }
                    None => {
                        self.emit(Op::SmallInt(0));
                    }
                }
                self.emit(Op::MakeChan { ty });
            }
            _ => {
                self.error(
                    first.span,
                    format!(
                        "invalid argument: cannot make {}; type must be slice, map, or channel",
                        self.text(first.span)
                    ),
                );
                return Operand::bad(span);
            }
        }
        Operand::value(ty, span)
    }

    pub(super) fn min_max(&mut self, max: bool, args: &[Expr], span: Span) -> Operand {
        // `builtin` checked the count.
        if args.is_empty() {
            return Operand::bad(span);
        }
        // All constant: fold.
        let mark = self.fb().here();
        let ops: Vec<Operand> = args.iter().map(|a| self.expr(a, None)).collect();
        if ops.iter().all(|o| matches!(o.mode, Mode::Const(_))) {
            let mut best = ops[0].clone();
            for o in &ops[1..] {
                if let (Mode::Const(a), Mode::Const(b)) = (&best.mode, &o.mode) {
                    let less = match (a.to_float(), b.to_float()) {
                        (Some(x), Some(y)) => y < x,
                        _ => matches!((a, b), (ConstVal::Str(x), ConstVal::Str(y)) if y < x),
                    };
                    if less != max {
                        let ty = consts::untyped_join(best.ty, o.ty);
                        best = Operand { ty, ..o.clone() };
                    }
                }
            }
            best.span = span;
            return best;
        }
        self.truncate(mark);
        let ty = ops.iter().find(|o| !matches!(o.mode, Mode::Const(_))).map(|o| o.ty).unwrap_or(pre::INT);
        for arg in args {
            if self.value(arg, Some(ty), "argument to min").is_none() {
                return Operand::bad(span);
            }
        }
        let Some(kind) = self.num_kind(ty) else {
            self.error(span, format!("invalid argument: {} cannot be ordered", self.name(ty)));
            return Operand::bad(span);
        };
        let _ = NumKind::Str;
        self.emit(Op::MinMax { max, kind, n: args.len() as u16 });
        Operand::value(ty, span)
    }

    /// `clear(m)` deletes every key; `clear(s)` zeroes every element. Both as loops over the
    /// existing instructions (map keys are snapshotted, so deleting while iterating is fine).
    fn clear(&mut self, args: &[Expr], span: Span) -> Operand {
        // `builtin` checked the count.
        let [arg] = args else { return Operand::bad(span) };
        let x = self.expr(arg, None);
        let Some(ty) = self.convert(x.clone(), None, "") else { return Operand::bad(span) };
        let coll = self.fb().temp(ty);
        self.emit(Op::Store(coll));
        match self.types.under(ty).clone() {
            TypeKind::Map { key, value } => {
                let (iter, k, v) = (self.fb().temp(pre::ANY), self.fb().temp(key), self.fb().temp(value));
                self.emit(Op::Load(coll));
                self.emit(Op::MapIterStart);
                self.emit(Op::Store(iter));
                let head = self.fb().here();
                self.emit(Op::Load(iter));
                let next = self.emit(Op::MapIterNext { done: 0 });
                self.emit(Op::Store(v));
                self.emit(Op::Store(k));
                self.emit(Op::Pop);
                self.emit(Op::Load(coll));
                self.emit(Op::Load(k));
                self.emit(Op::Delete);
                self.emit(Op::Jump(head as u32));
                self.fb().patch_here(next);
            }
            TypeKind::Slice(elem) => {
                let (n, i) = (self.fb().temp(pre::INT), self.fb().temp(pre::INT));
                self.emit(Op::Load(coll));
                self.emit(Op::Len);
                self.emit(Op::Store(n));
                self.emit(Op::SmallInt(0));
                self.emit(Op::Store(i));
                let head = self.fb().here();
                self.emit(Op::Load(i));
                self.emit(Op::Load(n));
                self.emit(Op::Cmp(crate::go::bytecode::CmpOp::Lt, NumKind::Int(crate::go::types::IntKind::Int)));
                let exit = self.emit(Op::JumpIfFalse(0));
                self.emit(Op::Load(coll));
                self.emit(Op::Load(i));
                self.emit(Op::Zero(elem));
                self.emit(Op::SetIndex);
                self.emit(Op::Load(i));
                self.emit(Op::SmallInt(1));
                self.emit(Op::Arith(crate::go::bytecode::ArithOp::Add, NumKind::Int(crate::go::types::IntKind::Int)));
                self.emit(Op::Store(i));
                self.emit(Op::Jump(head as u32));
                self.fb().patch_here(exit);
            }
            _ => {
                self.error(arg.span, format!("invalid argument: {} must be a map or slice", self.describe(&x)));
                return Operand::bad(span);
            }
        }
        Operand { mode: Mode::Void, ty: pre::INT, span }
    }
}
