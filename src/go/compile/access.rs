//! Selectors, indexing, slicing, receives, dereferences, type assertions and `&x`.

use super::consts::{self, ConstVal};
use super::expr::{parse_int, strip_parens};
use super::expr::{Mode, Operand, Resolved};
use super::func::VarLoc;
use super::typeck::Selection;
use super::universe::Pkg;
use super::Compiler;
use crate::go::ast::{Expr, ExprKind, Span};
use crate::go::bytecode::Op;
use crate::go::types::{predeclared as pre, TypeId, TypeKind};

impl<'a> Compiler<'a> {
    pub(super) fn deref(&mut self, inner: &Expr, span: Span) -> Operand {
        let x = self.expr(inner, None);
        match x.mode {
            Mode::Type => {
                let ty = self.pointer_to(x.ty);
                return Operand { mode: Mode::Type, ty, span };
            }
            Mode::Bad => return x,
            Mode::Nil => {
                self.error(span, "invalid operation: cannot indirect nil");
                return Operand::bad(span);
            }
            _ => {}
        }
        let Some(ty) = self.convert(x.clone(), None, "") else { return Operand::bad(span) };
        let TypeKind::Pointer(elem) = self.types.under(ty).clone() else {
            self.error(span, format!("invalid operation: cannot indirect {}", self.describe(&x)));
            return Operand::bad(span);
        };
        self.emit(Op::Deref);
        Operand { mode: Mode::Value { var: true, fresh: false }, ty: elem, span }
    }

    pub fn recv(&mut self, chan: &Expr, span: Span, comma_ok: bool) -> Operand {
        let c = self.expr(chan, None);
        let Some(ty) = self.convert(c.clone(), None, "") else { return Operand::bad(span) };
        let TypeKind::Chan { dir, elem } = self.types.under(ty).clone() else {
            self.error(span, format!("invalid operation: cannot receive from non-channel {}", self.describe(&c)));
            return Operand::bad(span);
        };
        if dir == crate::go::ast::ChanDir::Send {
            self.error(
                c.span,
                format!(
                    "invalid operation: cannot receive from send-only channel {} {}",
                    self.name(ty),
                    self.describe(&c)
                ),
            );
            return Operand::bad(span);
        }
        if comma_ok {
            self.emit(Op::RecvOk { elem });
            let tuple = self.types.intern(TypeKind::Tuple(vec![elem, pre::UNTYPED_BOOL]));
            Operand { mode: Mode::Tuple(2), ty: tuple, span }
        } else {
            self.emit(Op::Recv { elem });
            Operand::value(elem, span)
        }
    }

    pub(super) fn selector(&mut self, base: &Expr, sel: &crate::go::ast::Ident, span: Span) -> Operand {
        // Package members first: `fmt.Println`, `time.Second`, `sync.WaitGroup`.
        if let ExprKind::Ident(name) = &base.kind {
            if self.fbs.last().and_then(|fb| fb.lookup(name)).is_none() {
                if let Some(import) = self.imports.get_mut(name) {
                    import.used = true;
                    let pkg = import.pkg;
                    return self.package_member(pkg, name, sel, span);
                }
            }
        }
        let x = self.expr(base, None);
        match x.mode {
            Mode::Bad => return x,
            Mode::Type => return self.method_expr(x.ty, sel, span),
            _ => {}
        }
        let ty = x.ty;
        let Some(selection) = self.lookup(ty, &sel.name) else {
            let msg = self.missing_selector(&self.text(base.span), ty, &sel.name);
            self.error(sel.span, msg);
            return Operand::bad(span);
        };
        match selection {
            Selection::Field { path, ty: field_ty } => {
                if !self.ensure_value(&x) {
                    return Operand::bad(span);
                }
                for step in &path {
                    self.emit(Op::Field(step.index));
                }
                let _ = path;
                Operand { mode: Mode::Value { var: true, fresh: false }, ty: field_ty, span }
            }
            _ => {
                // A method value `x.M` (bound): calls go through `call`, which handles
                // receivers itself; here the receiver is bound into a closure.
                self.bind_method(x, selection, span)
            }
        }
    }

    /// `T.Method` / `(*T).Method`: a function taking the receiver first.
    pub(super) fn method_expr(&mut self, ty: TypeId, sel: &crate::go::ast::Ident, span: Span) -> Operand {
        let is_ptr = matches!(self.types.kind(ty), TypeKind::Pointer(_));
        match self.lookup(ty, &sel.name) {
            Some(Selection::Method { path, decl, .. }) if path.is_empty() && (!decl.ptr || is_ptr) => {
                let Some(sig) = self.sig(decl.sig) else { return Operand::bad(span) };
                let mut params = vec![ty];
                params.extend(sig.params.iter().copied());
                let fty = super::universe::func_type(&mut self.types, params, sig.results.clone(), sig.variadic);
                let func = if decl.ptr == is_ptr { decl.func } else { self.deref_wrapper(decl.func, &sig) };
                self.emit(Op::MakeClosure { func, captures: 0 });
                Operand::value(fty, span)
            }
            Some(Selection::Method { .. }) if !is_ptr => {
                let msg = format!(
                    "invalid method expression {}.{} (needs pointer receiver (*{}).{})",
                    self.name(ty),
                    sel.name,
                    self.name(ty),
                    sel.name
                );
                self.error(span, msg);
                Operand::bad(span)
            }
            Some(_) => {
                self.unsupported(span, "cette expression de méthode");
                Operand::bad(span)
            }
            None => {
                self.error(
                    sel.span,
                    format!(
                        "{}.{} undefined (type {} has no method {})",
                        self.name(ty),
                        sel.name,
                        self.name(ty),
                        sel.name
                    ),
                );
                Operand::bad(span)
            }
        }
    }

    pub(super) fn package_member(
        &mut self,
        pkg: Pkg,
        pkg_name: &str,
        sel: &crate::go::ast::Ident,
        span: Span,
    ) -> Operand {
        match super::universe::member(&mut self.types, &self.pkg_types, &self.wk, pkg, &sel.name) {
            Some(super::universe::Member::Const { ty, val }) => Operand { mode: Mode::Const(val), ty, span },
            Some(super::universe::Member::Type(ty)) => Operand { mode: Mode::Type, ty, span },
            Some(super::universe::Member::Var { native, ty }) => {
                self.emit(Op::CallNative { native, argc: 0 });
                Operand { mode: Mode::Value { var: false, fresh: true }, ty, span }
            }
            Some(super::universe::Member::Func { native, sig }) => {
                self.emit(Op::NativeFunc(native));
                if let Some(shown) = self.shown_native(native, sig) {
                    self.shown.insert(super::shown::ShownKey::Expr(span), shown);
                }
                Operand::value(sig, span)
            }
            None => {
                let exported = sel.name.chars().next().is_some_and(|c| c.is_uppercase());
                if exported {
                    self.unsupported(sel.span, &format!("{pkg_name}.{} (absent de ce carnet)", sel.name));
                } else {
                    self.error(sel.span, format!("name {} not exported by package {pkg_name}", sel.name));
                }
                Operand::bad(span)
            }
        }
    }

    pub(super) fn index(&mut self, base: &Expr, index: &Expr, span: Span) -> Operand {
        let x = self.expr(base, None);
        if x.is_bad() {
            return x;
        }
        if let Mode::Type = x.mode {
            self.unsupported(span, "les génériques");
            return Operand::bad(span);
        }
        if let (Mode::Const(ConstVal::Str(s)), Mode::Const(ConstVal::Int(i))) = (&x.mode, self.peek_const(index)) {
            if let Some(b) = usize::try_from(i).ok().and_then(|i| s.get(i)) {
                return Operand { mode: Mode::Const(ConstVal::Int(*b as i128)), ty: pre::BYTE, span };
            }
        }
        if !self.ensure_value(&x) {
            return Operand::bad(span);
        }
        let ty = if let Mode::Const(_) = x.mode { consts::default_type(&self.types, x.ty) } else { x.ty };
        let under = self.types.under(ty).clone();
        let (elem, is_map, var) = match under {
            TypeKind::Slice(e) => (e, false, true),
            TypeKind::Array { elem, .. } => (elem, false, !matches!(x.mode, Mode::Value { fresh: true, .. })),
            TypeKind::String => (pre::BYTE, false, false),
            TypeKind::Map { key, value } => {
                if self.value(index, Some(key), "map index").is_none() {
                    return Operand::bad(span);
                }
                self.emit(Op::MapIndex { elem: value });
                // The map keeps its struct: copied where Go copies (not `fresh`).
                return Operand { mode: Mode::Value { var: false, fresh: false }, ty: value, span };
            }
            TypeKind::Pointer(p) => match self.types.under(p).clone() {
                TypeKind::Array { elem, .. } => (elem, false, true),
                _ => {
                    self.error(span, format!("invalid operation: cannot index {}", self.describe(&x)));
                    return Operand::bad(span);
                }
            },
            _ => {
                let at = Span::new(base.span.end, base.span.end + 1);
                self.error(at, format!("cannot index {}", self.describe(&x)));
                return Operand::bad(span);
            }
        };
        let _ = is_map;
        if !self.index_value(index, ty) {
            return Operand::bad(span);
        }
        self.emit(Op::Index);
        Operand { mode: Mode::Value { var, fresh: !var && self.types.is_aggregate(elem) }, ty: elem, span }
    }

    /// Emits an index operand: an integer (constants must be non-negative and, for arrays,
    /// in range).
    pub fn index_value(&mut self, index: &Expr, container: TypeId) -> bool {
        let i = self.expr(index, None);
        match &i.mode {
            Mode::Const(v) => {
                let Some(n) = v.to_int() else {
                    // An untyped constant is made an int first (types2's convertUntyped).
                    let msg = match v {
                        _ if !self.is_untyped(i.ty) => {
                            format!("invalid argument: index {} must be integer", self.describe(&i))
                        }
                        ConstVal::Float(_) | ConstVal::Rat(..) => {
                            format!("{} truncated to int", self.describe(&i))
                        }
                        _ => format!("cannot convert {} to type int", self.describe(&i)),
                    };
                    self.error(i.span, msg);
                    return false;
                };
                if n < 0 {
                    self.error(i.span, format!("invalid argument: index {} must not be negative", self.describe(&i)));
                    return false;
                }
                if let TypeKind::Array { len, .. } = self.types.under(container) {
                    if n >= *len as i128 {
                        self.error(i.span, format!("invalid argument: index {n} out of bounds [0:{len}]"));
                        return false;
                    }
                }
                self.push_const(&i, v, pre::INT, "index").is_some()
            }
            Mode::Value { .. } => {
                if !self.is_integer(i.ty) {
                    self.error(i.span, format!("invalid argument: index {} must be integer", self.describe(&i)));
                    return false;
                }
                true
            }
            _ => self.convert(i, None, "").is_some(),
        }
    }

    /// The constant value of an expression without emitting anything, if it is a literal.
    pub fn peek_const(&self, e: &Expr) -> Mode {
        match &e.kind {
            ExprKind::Int(t) => parse_int(t).map(|v| Mode::Const(ConstVal::Int(v))).unwrap_or(Mode::Bad),
            _ => Mode::Bad,
        }
    }

    pub(super) fn slice_expr(
        &mut self,
        base: &Expr,
        lo: &Option<Box<Expr>>,
        hi: &Option<Box<Expr>>,
        max: &Option<Box<Expr>>,
        span: Span,
    ) -> Operand {
        let x = self.expr(base, None);
        if x.is_bad() || !self.ensure_value(&x) {
            return Operand::bad(span);
        }
        let ty = if let Mode::Const(_) = x.mode { pre::STRING } else { x.ty };
        let result = match self.types.under(ty).clone() {
            TypeKind::Slice(_) => ty,
            TypeKind::String => {
                if max.is_some() {
                    self.error(span, "invalid operation: 3-index slice of string");
                    return Operand::bad(span);
                }
                ty
            }
            TypeKind::Array { elem, .. } => {
                if let Mode::Value { fresh: true, .. } = x.mode {
                    self.error(span, format!("invalid operation: {} (slice of unaddressable value)", self.text(span)));
                    return Operand::bad(span);
                }
                self.slice_of(elem)
            }
            TypeKind::Pointer(p) => match self.types.under(p).clone() {
                TypeKind::Array { elem, .. } => self.slice_of(elem),
                _ => {
                    self.error(span, format!("cannot slice {}", self.describe(&x)));
                    return Operand::bad(span);
                }
            },
            _ => {
                self.error(span, format!("cannot slice {}", self.describe(&x)));
                return Operand::bad(span);
            }
        };
        for bound in [lo, hi, max] {
            match bound {
                Some(b) => {
                    if !self.index_value(b, pre::INT) {
                        return Operand::bad(span);
                    }
                }
                None => {
                    self.emit(Op::Nil);
                }
            }
        }
        self.emit(Op::SliceExpr);
        Operand::value(result, span)
    }

    pub fn type_assert(
        &mut self,
        base: &Expr,
        ty: Option<&crate::go::ast::TypeExpr>,
        span: Span,
        comma_ok: bool,
    ) -> Operand {
        let Some(te) = ty else {
            self.error(span, "invalid syntax tree: use of .(type) outside type switch");
            return Operand::bad(span);
        };
        let x = self.expr(base, None);
        let Some(xt) = self.convert(x.clone(), None, "") else { return Operand::bad(span) };
        if !self.types.is_interface(xt) {
            self.error(base.span, format!("invalid operation: {} is not an interface", self.describe(&x)));
            return Operand::bad(span);
        }
        let Some(t) = self.resolve_type(te) else { return Operand::bad(span) };
        if !self.types.is_interface(t) {
            if let Err(why) = self.implements(t, xt) {
                let why = why.split_once(" (").map(|(_, w)| format!("({w}")).unwrap_or_default();
                self.error(
                    te.span,
                    format!(
                        "impossible type assertion: {}\n\t{} does not implement {} {why}",
                        self.text(span),
                        self.name(t),
                        self.name(xt)
                    ),
                );
                return Operand::bad(span);
            }
        }
        if comma_ok {
            self.emit(Op::AssertOk { ty: t });
            let tuple = self.types.intern(TypeKind::Tuple(vec![t, pre::UNTYPED_BOOL]));
            return Operand { mode: Mode::Tuple(2), ty: tuple, span };
        }
        self.emit(Op::Assert { ty: t, from: xt });
        Operand::value(t, span)
    }

    pub(super) fn address_of(&mut self, inner: &Expr, span: Span, hint: Option<TypeId>) -> Operand {
        let inner = strip_parens(inner);
        if let ExprKind::Composite { ty, elems } = &inner.kind {
            let elem_hint = hint.and_then(|h| match self.types.under(h) {
                TypeKind::Pointer(e) => Some(*e),
                _ => None,
            });
            let lit = self.composite(ty.as_ref(), elems, inner.span, elem_hint);
            if lit.is_bad() {
                return lit;
            }
            self.emit(Op::Box);
            let ptr = self.pointer_to(lit.ty);
            return Operand::value(ptr, span);
        }
        match self.address(inner) {
            Some(ty) => {
                let ptr = self.pointer_to(ty);
                Operand::value(ptr, span)
            }
            None => Operand::bad(span),
        }
    }

    /// Emits a pointer to an addressable expression; returns the pointee's type.
    pub fn address(&mut self, e: &Expr) -> Option<TypeId> {
        let e = strip_parens(e);
        match &e.kind {
            ExprKind::Ident(name) => match self.resolve(name) {
                Some(Resolved::Var(loc, ty, boxed)) => {
                    self.mark_used(loc);
                    let agg = self.types.is_aggregate(ty);
                    match loc {
                        VarLoc::Local(i) => {
                            let slot = self.fb().locals[i].slot;
                            self.emit(Op::Load(slot));
                            if agg {
                                self.emit(Op::AggToPtr);
                            } else if !boxed {
                                // Escape analysis missed it: a pointer to a copy.
                                self.emit(Op::Box);
                            }
                        }
                        VarLoc::Capture(i) => {
                            self.emit(Op::Capture(i));
                            if agg {
                                self.emit(Op::AggToPtr);
                            }
                        }
                    }
                    Some(ty)
                }
                Some(Resolved::Global(index, ty, _)) => {
                    self.emit(Op::LoadGlobal(index));
                    if self.types.is_aggregate(ty) {
                        self.emit(Op::AggToPtr);
                    }
                    Some(ty)
                }
                Some(_) => {
                    self.error(e.span, format!("invalid operation: cannot take address of {}", self.text(e.span)));
                    None
                }
                None => {
                    self.error(e.span, format!("undefined: {name}"));
                    None
                }
            },
            ExprKind::Selector { expr, sel } => {
                let x = self.expr(expr, None);
                if let Mode::Package | Mode::Type | Mode::Bad = x.mode {
                    self.error(e.span, format!("invalid operation: cannot take address of {}", self.text(e.span)));
                    return None;
                }
                if !self.ensure_value(&x) {
                    return None;
                }
                let Some(Selection::Field { path, ty }) = self.lookup(x.ty, &sel.name) else {
                    self.error(e.span, format!("invalid operation: cannot take address of {}", self.text(e.span)));
                    return None;
                };
                let last = path.len().saturating_sub(1);
                for (i, step) in path.iter().enumerate() {
                    if i == last && !self.types.is_aggregate(ty) {
                        self.emit(Op::FieldAddr(step.index));
                    } else {
                        self.emit(Op::Field(step.index));
                    }
                }
                if self.types.is_aggregate(ty) {
                    self.emit(Op::AggToPtr);
                }
                Some(ty)
            }
            ExprKind::Index { expr, index } => {
                let x = self.expr(expr, None);
                if !self.ensure_value(&x) {
                    return None;
                }
                let elem = match self.types.under(x.ty).clone() {
                    TypeKind::Slice(e) | TypeKind::Array { elem: e, .. } => e,
                    TypeKind::Pointer(p) => match self.types.under(p).clone() {
                        TypeKind::Array { elem, .. } => elem,
                        _ => 0,
                    },
                    _ => {
                        self.error(e.span, format!("invalid operation: cannot take address of {}", self.text(e.span)));
                        return None;
                    }
                };
                if !self.index_value(index, x.ty) {
                    return None;
                }
                if self.types.is_aggregate(elem) {
                    self.emit(Op::Index);
                    self.emit(Op::AggToPtr);
                } else {
                    self.emit(Op::IndexAddr);
                }
                Some(elem)
            }
            ExprKind::Star(p) => {
                let x = self.expr(p, None);
                let ty = self.convert(x, None, "")?;
                match self.types.under(ty) {
                    TypeKind::Pointer(elem) => Some(*elem),
                    _ => None,
                }
            }
            _ => {
                self.error(e.span, format!("invalid operation: cannot take address of {}", self.text(e.span)));
                None
            }
        }
    }

    /// `(*T).M` for a value method `M`: a function that dereferences (and copies) its first
    /// argument, then calls `M`.
    fn deref_wrapper(&mut self, method: u32, sig: &crate::go::types::Signature) -> u32 {
        let n = sig.params.len() as u16;
        let results = sig.results.len() as u16;
        let mut code = vec![Op::Load(0), Op::Deref, Op::Copy];
        code.extend((0..n).map(|i| Op::Load(1 + i)));
        code.push(Op::Call { func: method, argc: n + 1 });
        code.extend((0..results).rev().map(|i| Op::Store(1 + n + i)));
        code.push(Op::Return);
        let name = self.funcs.get(method as usize).map(|f| f.name.clone()).unwrap_or_default();
        let line = self.fb().line;
        self.funcs.push(crate::go::bytecode::FuncProto {
            name: format!("{name}-fm"),
            line,
            params: n + 1,
            results,
            locals: n + 1 + results,
            lines: vec![line; code.len()],
            code,
            result_types: sig.results.clone(),
            ..Default::default()
        });
        (self.funcs.len() - 1) as u32
    }
}
