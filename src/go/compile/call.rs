//! Calls: functions, methods, function values, natives, builtins and conversions; method
//! values; composite literals and function literals.

use super::consts::{self, ConstVal};
use super::expr::{strip_parens, Mode, Operand, Resolved};
use super::func::{FuncBuilder, VarLoc};
use super::typeck::Selection;
use super::universe::{Builtin, Member};
use super::{escape, Compiler, Entity};
use crate::go::ast::{Block, Element, Expr, ExprKind, FuncType, Span, TypeExpr};
use crate::go::bytecode::{Conv, Native, NumKind, Op, NATIVE_SPREAD};
use crate::go::types::{predeclared as pre, Signature, TypeId, TypeKind};

/// Who is called, once the callee expression is resolved.
enum Target {
    Func(u32),
    Native(Native),
    /// A function value already on the stack below the arguments.
    Value,
    /// A method: receiver already on the stack.
    Method(u32),
    NativeMethod(Native),
    Iface(u32),
}

impl<'a> Compiler<'a> {
    pub fn call(&mut self, func: &Expr, args: &[Expr], spread: bool, span: Span) -> Operand {
        let callee = strip_parens(func);
        // Builtins and conversions: decided without emitting the callee.
        if let ExprKind::Ident(name) = &callee.kind {
            if self.fbs.last().and_then(|fb| fb.lookup(name)).is_none() && !self.imports.contains_key(name) {
                match self.resolve(name) {
                    Some(Resolved::Entity(Entity::Builtin(b))) => return self.builtin(b, args, spread, span),
                    Some(Resolved::Entity(Entity::Type(ty))) => return self.conversion(ty, args, span),
                    Some(Resolved::Entity(Entity::Func { id, ty })) => {
                        let sig =
                            self.sig(ty).unwrap_or(Signature { params: vec![], results: vec![], variadic: false });
                        return self.finish_call(Target::Func(id), &sig, args, spread, span, name, 0);
                    }
                    _ => {}
                }
            }
        }
        if let ExprKind::Selector { expr: base, sel } = &callee.kind {
            if let ExprKind::Ident(pkg_name) = &base.kind {
                if self.fbs.last().and_then(|fb| fb.lookup(pkg_name)).is_none() {
                    if let Some(import) = self.imports.get_mut(pkg_name) {
                        import.used = true;
                        let pkg = import.pkg;
                        let fname = format!("{pkg_name}.{}", sel.name);
                        return match super::universe::member(&mut self.types, &self.pkg_types, &self.wk, pkg, &sel.name)
                        {
                            Some(Member::Func { native, sig }) => {
                                let sig = self.sig(sig).unwrap_or(Signature {
                                    params: vec![],
                                    results: vec![],
                                    variadic: false,
                                });
                                self.finish_call(Target::Native(native), &sig, args, spread, span, &fname, 0)
                            }
                            Some(Member::Type(ty)) => self.conversion(ty, args, span),
                            Some(Member::Const { .. }) => {
                                self.error(span, format!("invalid operation: cannot call non-function {fname}"));
                                Operand::bad(span)
                            }
                            None => {
                                if sel.name.chars().next().is_some_and(|c| c.is_uppercase()) {
                                    self.unsupported(sel.span, &format!("{fname} (absent de ce carnet)"));
                                } else {
                                    self.error(
                                        sel.span,
                                        format!("name {} not exported by package {pkg_name}", sel.name),
                                    );
                                }
                                Operand::bad(span)
                            }
                        };
                    }
                }
            }
            // A method call: receiver then arguments.
            let mark = self.fb().here();
            let x = self.expr(base, None);
            if x.is_bad() {
                return x;
            }
            if let Mode::Type = x.mode {
                self.unsupported(callee.span, "les expressions de méthode (T.Méthode)");
                return Operand::bad(span);
            }
            if let Some(selection) = self.lookup(x.ty, &sel.name) {
                if !matches!(selection, Selection::Field { .. }) {
                    let fname = self.text(callee.span).to_owned();
                    let Some((target, sig)) = self.receiver(x, base, selection, mark, &sel.name) else {
                        return Operand::bad(span);
                    };
                    let sig = self.sig(sig).unwrap_or(Signature { params: vec![], results: vec![], variadic: false });
                    return self.finish_call(target, &sig, args, spread, span, &fname, 1);
                }
            }
            // A field of func type: fall through with the receiver's code discarded.
            self.truncate(mark);
        }
        let f = self.expr(callee, None);
        match f.mode {
            Mode::Bad => return f,
            Mode::Type => {
                // `(*T)(x)`, `[]byte(s)`, `func()(x)`.
                self.truncate_last_if_needed();
                return self.conversion(f.ty, args, span);
            }
            Mode::Builtin(b) => return self.builtin(b, args, spread, span),
            _ => {}
        }
        let Some(fty) = self.convert(f.clone(), None, "") else { return Operand::bad(span) };
        let Some(sig) = self.sig(fty) else {
            self.error(span, format!("invalid operation: cannot call non-function {}", self.describe(&f)));
            return Operand::bad(span);
        };
        let fname = self.text(callee.span).to_owned();
        self.finish_call(Target::Value, &sig, args, spread, span, &fname, 0)
    }

    fn truncate(&mut self, mark: usize) {
        let fb = self.fb();
        fb.proto.code.truncate(mark);
        fb.proto.lines.truncate(mark);
    }

    fn truncate_last_if_needed(&mut self) {}

    /// Prepares the receiver of a method call (or method value) on the stack.
    fn receiver(
        &mut self,
        x: Operand,
        base: &Expr,
        selection: Selection,
        mark: usize,
        name: &str,
    ) -> Option<(Target, TypeId)> {
        if !self.ensure_value(&x) {
            return None;
        }
        let (path, ptr_method) = match &selection {
            Selection::Method { path, decl, .. } => (path.clone(), decl.ptr),
            Selection::NativeMethod { path, ptr, .. } => (path.clone(), *ptr),
            Selection::IfaceMethod { path, .. } => (path.clone(), false),
            Selection::Field { .. } => return None,
        };
        for step in &path {
            self.emit(Op::Field(step.index));
        }
        let cur = path.last().map(|s| s.ty).unwrap_or(x.ty);
        let cur_is_ptr = matches!(self.types.kind(cur), TypeKind::Pointer(_));
        if let Selection::IfaceMethod { sig, .. } = selection {
            let id = self.method_id(name);
            return Some((Target::Iface(id), sig));
        }
        if ptr_method {
            if !cur_is_ptr {
                if self.types.is_aggregate(cur) {
                    self.emit(Op::AggToPtr);
                } else if path.is_empty() {
                    // A scalar named type with pointer methods: take the variable's address.
                    self.truncate(mark);
                    self.address(base)?;
                } else {
                    self.emit(Op::Box);
                }
            }
        } else if cur_is_ptr {
            self.emit(Op::Deref);
            if self.types.is_aggregate(cur)
                || matches!(self.types.kind(cur), TypeKind::Pointer(e) if self.types.is_aggregate(*e))
            {
                self.emit(Op::Copy);
            }
        } else if self.types.is_aggregate(cur) && !matches!(x.mode, Mode::Value { fresh: true, .. }) {
            self.emit(Op::Copy);
        }
        Some(match selection {
            Selection::Method { decl, .. } => (Target::Method(decl.func), decl.sig),
            Selection::NativeMethod { native, sig, .. } => (Target::NativeMethod(native), sig),
            _ => return None,
        })
    }

    /// Emits the arguments and the call; returns the result operand.
    #[allow(clippy::too_many_arguments)]
    fn finish_call(
        &mut self,
        target: Target,
        sig: &Signature,
        args: &[Expr],
        spread: bool,
        span: Span,
        fname: &str,
        recv_args: u16,
    ) -> Operand {
        let native = matches!(target, Target::Native(_) | Target::NativeMethod(_));
        let Some(argc) = self.arguments(sig, args, spread, span, fname, native) else { return Operand::bad(span) };
        let argc = argc + recv_args;
        match target {
            Target::Func(id) | Target::Method(id) => {
                self.emit(Op::Call { func: id, argc });
            }
            Target::Native(n) | Target::NativeMethod(n) => {
                if n == Native::ErrorsAs {
                    // The target's element type, for the VM to match against.
                    let elem = self.last_arg_elem.take().unwrap_or(pre::ANY);
                    self.emit(Op::SmallInt(elem as i32));
                    self.emit(Op::CallNative { native: n, argc: argc + 1 });
                } else {
                    self.emit(Op::CallNative { native: n, argc });
                }
            }
            Target::Value => {
                self.emit(Op::CallValue { argc });
            }
            Target::Iface(m) => {
                self.emit(Op::CallIface { method: m, argc: argc - recv_args });
            }
        }
        self.results_operand(&sig.results, span)
    }

    pub fn results_operand(&mut self, results: &[TypeId], span: Span) -> Operand {
        match results.len() {
            0 => Operand { mode: Mode::Void, ty: pre::INT, span },
            1 => Operand::value(results[0], span),
            n => {
                let ty = self.types.intern(TypeKind::Tuple(results.to_vec()));
                Operand { mode: Mode::Tuple(n as u16), ty, span }
            }
        }
    }

    /// Emits call arguments for `sig`; returns the argument count as the call op wants it.
    pub(super) fn arguments(
        &mut self,
        sig: &Signature,
        args: &[Expr],
        spread: bool,
        span: Span,
        fname: &str,
        native: bool,
    ) -> Option<u16> {
        let context = format!("argument to {fname}");
        let params = &sig.params;
        // f(g()) with g returning several values.
        if args.len() == 1 && !params.is_empty() && !spread {
            if let ExprKind::Call { .. } = strip_parens(&args[0]).kind {
                let op = self.expr(&args[0], None);
                if let Mode::Tuple(n) = op.mode {
                    let TypeKind::Tuple(types) = self.types.kind(op.ty).clone() else { return None };
                    return self.tuple_arguments(sig, &types, n, span, fname, native, &args[0]);
                }
                // A single value: continue as one argument, already emitted.
                return self.single_emitted_argument(sig, op, span, fname, native, &context);
            }
        }
        let fixed = if sig.variadic { params.len() - 1 } else { params.len() };
        let too_few = args.len() < fixed || (spread && args.len() < params.len());
        let too_many = !sig.variadic && args.len() > params.len() || (spread && args.len() > params.len());
        if spread && !sig.variadic {
            self.error(span, format!("have (...) but function is not variadic: {fname}"));
            return None;
        }
        if too_few || too_many {
            self.arg_count_error(sig, args, span, fname, too_many);
            return None;
        }
        for (i, arg) in args.iter().enumerate().take(fixed) {
            let target = params[i];
            if native && target == pre::ANY {
                if let ExprKind::Unary { op: crate::go::ast::UnaryOp::Addr, .. } = &arg.kind {
                    // errors.As(err, &target): remember the pointee type.
                    let op = self.expr(arg, None);
                    if let TypeKind::Pointer(e) = self.types.kind(op.ty) {
                        self.last_arg_elem = Some(*e);
                    }
                    self.convert(op, Some(target), &context)?;
                    continue;
                }
            }
            self.value(arg, Some(target), &context)?;
        }
        let mut count = fixed as u16;
        if sig.variadic {
            let slice_ty = params[params.len() - 1];
            let elem = match self.types.under(slice_ty) {
                TypeKind::Slice(e) => *e,
                _ => pre::ANY,
            };
            if spread {
                self.value(&args[fixed], Some(slice_ty), &context)?;
                count += 1;
                if native {
                    count |= NATIVE_SPREAD;
                }
            } else if native {
                for arg in &args[fixed..] {
                    self.value(arg, Some(elem), &context)?;
                    count += 1;
                }
            } else {
                let extra = args.len() - fixed;
                for arg in &args[fixed..] {
                    self.value(arg, Some(elem), &context)?;
                }
                if extra == 0 {
                    self.emit(Op::Nil);
                } else {
                    self.emit(Op::MakeSlice { ty: slice_ty, n: extra as u32 });
                }
                count += 1;
            }
        }
        Some(count)
    }

    fn single_emitted_argument(
        &mut self,
        sig: &Signature,
        op: Operand,
        span: Span,
        fname: &str,
        native: bool,
        context: &str,
    ) -> Option<u16> {
        let fixed = if sig.variadic { sig.params.len() - 1 } else { sig.params.len() };
        if fixed > 1 {
            let have = self.have_list(std::slice::from_ref(&op));
            self.error(
                op.span,
                format!("not enough arguments in call to {fname}\n\thave {have}\n\twant {}", self.want_list(sig)),
            );
            return None;
        }
        let target = sig.params[0];
        if sig.variadic && fixed == 0 {
            let elem = match self.types.under(target) {
                TypeKind::Slice(e) => *e,
                _ => pre::ANY,
            };
            self.convert(op, Some(elem), context)?;
            if native {
                return Some(1);
            }
            self.emit(Op::MakeSlice { ty: target, n: 1 });
            return Some(1);
        }
        let _ = span;
        self.convert(op, Some(target), context)?;
        Some(1)
    }

    #[allow(clippy::too_many_arguments)]
    fn tuple_arguments(
        &mut self,
        sig: &Signature,
        types: &[TypeId],
        n: u16,
        span: Span,
        fname: &str,
        native: bool,
        arg: &Expr,
    ) -> Option<u16> {
        let fixed = if sig.variadic { sig.params.len() - 1 } else { sig.params.len() };
        if (n as usize) < fixed || (!sig.variadic && n as usize > fixed) {
            let have = format!("({})", types.iter().map(|t| self.name(*t)).collect::<Vec<_>>().join(", "));
            let which = if (n as usize) < fixed { "not enough" } else { "too many" };
            self.error(
                arg.span,
                format!("{which} arguments in call to {fname}\n\thave {have}\n\twant {}", self.want_list(sig)),
            );
            let _ = span;
            return None;
        }
        // Spill to temporaries, then reload each with its conversion.
        let temps: Vec<u16> = types.iter().map(|t| self.fb().temp(*t)).collect();
        for slot in temps.iter().rev() {
            self.emit(Op::Store(*slot));
        }
        let elem = if sig.variadic {
            match self.types.under(sig.params[sig.params.len() - 1]) {
                TypeKind::Slice(e) => *e,
                _ => pre::ANY,
            }
        } else {
            pre::ANY
        };
        for (i, (slot, ty)) in temps.iter().zip(types).enumerate() {
            self.emit(Op::Load(*slot));
            let target = if i < fixed { sig.params[i] } else { elem };
            let op = Operand::value(*ty, arg.span);
            self.convert(op, Some(target), &format!("argument to {fname}"))?;
        }
        let extra = n as usize - fixed.min(n as usize);
        if sig.variadic && !native {
            self.emit(Op::MakeSlice { ty: sig.params[sig.params.len() - 1], n: extra as u32 });
            return Some(fixed as u16 + 1);
        }
        Some(n)
    }

    fn arg_count_error(&mut self, sig: &Signature, args: &[Expr], span: Span, fname: &str, too_many: bool) {
        // Types of the arguments for `have (...)`, without emitting code.
        let mark = self.fb().here();
        let ops: Vec<Operand> = args.iter().map(|a| self.expr(a, None)).collect();
        self.truncate(mark);
        let have = self.have_list(&ops);
        let want = self.want_list(sig);
        let fixed = if sig.variadic { sig.params.len() - 1 } else { sig.params.len() };
        let (which, at) = if too_many {
            ("too many", args.get(fixed).map(|a| a.span).unwrap_or(span))
        } else {
            ("not enough", args.last().map(|a| a.span).unwrap_or(span))
        };
        let at = if !too_many && args.is_empty() { Span::new(span.start, span.start + 1) } else { at };
        self.error(at, format!("{which} arguments in call to {fname}\n\thave {have}\n\twant {want}"));
    }

    pub fn have_list(&self, ops: &[Operand]) -> String {
        let items: Vec<String> = ops
            .iter()
            .map(|op| match (&op.mode, self.types.kind(op.ty)) {
                (Mode::Nil, _) => "nil".to_owned(),
                (Mode::Const(_), TypeKind::Untyped(u)) => match u {
                    crate::go::types::Untyped::String => "string".into(),
                    crate::go::types::Untyped::Bool => "bool".into(),
                    _ => "number".into(),
                },
                (Mode::Tuple(_), TypeKind::Tuple(ts)) => {
                    ts.iter().map(|t| self.name(*t)).collect::<Vec<_>>().join(", ")
                }
                _ => self.name(op.ty),
            })
            .collect();
        format!("({})", items.join(", "))
    }

    pub fn want_list(&self, sig: &Signature) -> String {
        let items: Vec<String> = sig
            .params
            .iter()
            .enumerate()
            .map(|(i, p)| {
                if sig.variadic && i + 1 == sig.params.len() {
                    if let TypeKind::Slice(e) = self.types.kind(*p) {
                        return format!("...{}", self.name(*e));
                    }
                }
                self.name(*p)
            })
            .collect();
        format!("({})", items.join(", "))
    }

    /// `x.M` as a value.
    pub fn bind_method(&mut self, x: Operand, selection: Selection, span: Span) -> Operand {
        let sig = match &selection {
            Selection::Method { decl, .. } => decl.sig,
            Selection::NativeMethod { sig, .. } => *sig,
            Selection::IfaceMethod { sig, .. } => *sig,
            Selection::Field { ty, .. } => *ty,
        };
        let name = self.text(span).rsplit('.').next().unwrap_or("").to_owned();
        if let Selection::IfaceMethod { path, .. } = &selection {
            if !self.ensure_value(&x) {
                return Operand::bad(span);
            }
            for step in path {
                self.emit(Op::Field(step.index));
            }
            let id = self.method_id(&name);
            self.emit(Op::BindIface { method: id });
            return Operand::value(sig, span);
        }
        let mark = self.fb().here();
        let base_expr = Expr { kind: ExprKind::Bad, span: x.span };
        let Some((target, _)) = self.receiver(x, &base_expr, selection, mark, &name) else { return Operand::bad(span) };
        match target {
            Target::Method(f) => {
                self.emit(Op::BindMethod { func: f });
            }
            Target::NativeMethod(n) => {
                self.emit(Op::BindNative(n));
            }
            _ => {}
        }
        Operand::value(sig, span)
    }

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
                (TypeKind::Float64 | TypeKind::Float32, ConstVal::Int(_) | ConstVal::Float(_) | ConstVal::Rat(..)) => {
                    Some(v.clone())
                }
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
            if matches!(
                target_under,
                TypeKind::Int(_) | TypeKind::Float64 | TypeKind::Float32 | TypeKind::String | TypeKind::Bool
            ) {
                let msg = if let (TypeKind::Int(_), ConstVal::Int(_)) = (&target_under, v) {
                    format!("cannot convert {} to type {} (overflows)", self.describe(&x), self.name(ty))
                } else {
                    format!("cannot convert {} to type {}", self.describe(&x), self.name(ty))
                };
                let _ = msg;
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
        let conv = match (&from_under, &target_under) {
            _ if self.types.underlying(from) == self.types.underlying(ty) => None,
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

    fn builtin(&mut self, b: Builtin, args: &[Expr], spread: bool, span: Span) -> Operand {
        let name = b.name();
        let need = |this: &mut Self, n: usize| -> bool {
            if args.len() < n {
                this.error(span, format!("not enough arguments for {name}() (expected {n}, found {})", args.len()));
                false
            } else {
                true
            }
        };
        if spread && b != Builtin::Append {
            self.error(span, format!("invalid operation: invalid use of ... with built-in {name}"));
            return Operand::bad(span);
        }
        match b {
            Builtin::Len | Builtin::Cap => {
                if !need(self, 1) {
                    return Operand::bad(span);
                }
                if args.len() > 1 {
                    self.error(args[1].span, format!("too many arguments for {name}({})", self.text(args[0].span)));
                    return Operand::bad(span);
                }
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
                if !need(self, 1) {
                    return Operand::bad(span);
                }
                let s = self.expr(&args[0], None);
                if let Mode::Nil = s.mode {
                    self.error(s.span, "first argument to append must be a typed slice; have untyped nil");
                    return Operand::bad(span);
                }
                let Some(sty) = self.convert(s.clone(), None, "") else { return Operand::bad(span) };
                let TypeKind::Slice(elem) = self.types.under(sty).clone() else {
                    self.error(s.span, format!("invalid argument: {} is not a slice", self.describe(&s)));
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
                if !need(self, 2) {
                    return Operand::bad(span);
                }
                let d = self.expr(&args[0], None);
                let Some(_) = self.convert(d, None, "") else { return Operand::bad(span) };
                let s = self.expr(&args[1], None);
                let Some(_) = self.convert(s, None, "") else { return Operand::bad(span) };
                self.emit(Op::CopySlice);
                Operand::value(pre::INT, span)
            }
            Builtin::Delete => {
                if !need(self, 2) {
                    return Operand::bad(span);
                }
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
                if !need(self, 1) {
                    return Operand::bad(span);
                }
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
                if !need(self, 1) {
                    return Operand::bad(span);
                }
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
                if args.len() != 1 {
                    self.error(span, "wrong number of arguments to panic");
                    return Operand::bad(span);
                }
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
            Builtin::Clear => {
                self.unsupported(span, "clear");
                Operand::bad(span)
            }
            Builtin::Complex | Builtin::Real | Builtin::Imag => {
                self.unsupported(span, "les nombres complexes");
                Operand::bad(span)
            }
        }
    }

    fn make(&mut self, args: &[Expr], span: Span) -> Operand {
        let Some(first) = args.first() else {
            self.error(span, "not enough arguments for make() (expected 1, found 0)");
            return Operand::bad(span);
        };
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

    fn min_max(&mut self, max: bool, args: &[Expr], span: Span) -> Operand {
        if args.is_empty() {
            self.error(
                span,
                format!("not enough arguments for {}() (expected 1, found 0)", if max { "max" } else { "min" }),
            );
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

    /// `T{...}`; `hint` is the element type when `T` is elided.
    pub fn composite(&mut self, ty: Option<&TypeExpr>, elems: &[Element], span: Span, hint: Option<TypeId>) -> Operand {
        let ty = match ty {
            Some(te) => {
                if let crate::go::ast::TypeExprKind::Array { len: None, elem } = &te.kind {
                    let Some(e) = self.resolve_type(elem) else { return Operand::bad(span) };
                    let n = self.literal_len(elems);
                    self.types.intern(TypeKind::Array { elem: e, len: n })
                } else {
                    match self.resolve_type(te) {
                        Some(t) => t,
                        None => return Operand::bad(span),
                    }
                }
            }
            None => match hint {
                Some(h) => h,
                None => {
                    self.error(span, "invalid composite literal type: missing type");
                    return Operand::bad(span);
                }
            },
        };
        // `[]*P{{1, 2}}`: an elided `&P`.
        if let TypeKind::Pointer(inner) = self.types.under(ty).clone() {
            if self.types.is_aggregate(inner)
                || matches!(self.types.under(inner), TypeKind::Slice(_) | TypeKind::Map { .. })
            {
                let op = self.composite(None, elems, span, Some(inner));
                if op.is_bad() {
                    return op;
                }
                self.emit(Op::Box);
                return Operand::value(ty, span);
            }
        }
        match self.types.under(ty).clone() {
            TypeKind::Struct(fields) => {
                let keyed = elems.first().is_some_and(|e| e.key.is_some());
                if keyed {
                    let mut given: Vec<Option<&Expr>> = vec![None; fields.len()];
                    for el in elems {
                        let Some(key) = &el.key else {
                            self.error(el.value.span, "mixture of field:value and value elements in struct literal");
                            return Operand::bad(span);
                        };
                        let ExprKind::Ident(fname) = &key.kind else {
                            self.error(
                                key.span,
                                format!("invalid field name {} in struct literal", self.text(key.span)),
                            );
                            return Operand::bad(span);
                        };
                        match fields.iter().position(|f| &f.name == fname) {
                            Some(i) => {
                                if given[i].is_some() {
                                    self.error(key.span, format!("duplicate field name {fname} in struct literal"));
                                    return Operand::bad(span);
                                }
                                given[i] = Some(&el.value);
                            }
                            None => {
                                self.error(
                                    key.span,
                                    format!("unknown field {fname} in struct literal of type {}", self.name(ty)),
                                );
                                return Operand::bad(span);
                            }
                        }
                    }
                    for (i, f) in fields.iter().enumerate() {
                        match given[i] {
                            Some(e) => {
                                if self.elem_value(e, f.ty, "struct literal").is_none() {
                                    return Operand::bad(span);
                                }
                            }
                            None => {
                                self.emit(Op::Zero(f.ty));
                            }
                        }
                    }
                } else {
                    if !elems.is_empty() && elems.len() != fields.len() {
                        let msg = if elems.len() < fields.len() {
                            "too few values in struct literal of type"
                        } else {
                            "too many values in struct literal of type"
                        };
                        let at = if elems.len() < fields.len() {
                            span.end.saturating_sub(1)
                        } else {
                            elems[fields.len()].value.span.start
                        };
                        self.error(Span::new(at, at + 1), format!("{msg} {}", self.name(ty)));
                        return Operand::bad(span);
                    }
                    if elems.is_empty() {
                        for f in &fields {
                            self.emit(Op::Zero(f.ty));
                        }
                    }
                    for (el, f) in elems.iter().zip(fields.iter()) {
                        if self.elem_value(&el.value, f.ty, "struct literal").is_none() {
                            return Operand::bad(span);
                        }
                    }
                }
                self.emit(Op::MakeStruct { ty, n: fields.len() as u16 });
            }
            TypeKind::Array { elem, len } => {
                if !self.indexed_elems(elems, elem, Some(len), span) {
                    return Operand::bad(span);
                }
                self.emit(Op::MakeArray { ty, n: len as u32 });
            }
            TypeKind::Slice(elem) => {
                let n = self.literal_len(elems);
                if !self.indexed_elems(elems, elem, Some(n), span) {
                    return Operand::bad(span);
                }
                self.emit(Op::MakeSlice { ty, n: n as u32 });
            }
            TypeKind::Map { key, value } => {
                for el in elems {
                    let Some(k) = &el.key else {
                        self.error(el.value.span, "missing key in map literal");
                        return Operand::bad(span);
                    };
                    if self.elem_value(k, key, "map literal").is_none()
                        || self.elem_value(&el.value, value, "map literal").is_none()
                    {
                        return Operand::bad(span);
                    }
                }
                self.emit(Op::MakeMap { ty, n: elems.len() as u32 });
            }
            _ => {
                self.error(span, format!("invalid composite literal type {}", self.name(ty)));
                return Operand::bad(span);
            }
        }
        Operand { mode: Mode::Value { var: false, fresh: true }, ty, span }
    }

    fn elem_value(&mut self, e: &Expr, ty: TypeId, context: &str) -> Option<TypeId> {
        if let ExprKind::Composite { ty: None, elems } = &e.kind {
            let op = self.composite(None, elems, e.span, Some(ty));
            return self.convert(op, Some(ty), context);
        }
        if let ExprKind::Unary { op: crate::go::ast::UnaryOp::Addr, expr } = &e.kind {
            if let ExprKind::Composite { ty: None, .. } = &expr.kind {
                let op = self.expr(e, Some(ty));
                return self.convert(op, Some(ty), context);
            }
        }
        self.value(e, Some(ty), context)
    }

    fn literal_len(&mut self, elems: &[Element]) -> u64 {
        let mut next: u64 = 0;
        let mut max: u64 = 0;
        for el in elems {
            if let Some(k) = &el.key {
                if let Some(i) = self.const_index(k) {
                    next = i;
                }
            }
            next += 1;
            max = max.max(next);
        }
        max
    }

    fn const_index(&mut self, e: &Expr) -> Option<u64> {
        let mark = self.fb().here();
        let op = self.expr(e, None);
        self.truncate(mark);
        match op.mode {
            Mode::Const(v) => v.to_int().and_then(|i| u64::try_from(i).ok()),
            _ => None,
        }
    }

    /// Elements of an array or slice literal, in index order, gaps zeroed.
    fn indexed_elems(&mut self, elems: &[Element], elem: TypeId, len: Option<u64>, span: Span) -> bool {
        let n = len.unwrap_or(elems.len() as u64);
        if n > 1 << 20 {
            self.unsupported(span, "un littéral de plus d'un million d'éléments");
            return false;
        }
        let keyed = elems.iter().any(|e| e.key.is_some());
        if !keyed {
            if elems.len() as u64 > n {
                self.error(elems[n as usize].value.span, format!("index {n} out of bounds [0:{n}]"));
                return false;
            }
            for el in elems {
                if self.elem_value(&el.value, elem, "array or slice literal").is_none() {
                    return false;
                }
            }
            for _ in elems.len() as u64..n {
                self.emit(Op::Zero(elem));
            }
            return true;
        }
        let mut slots: Vec<Option<&Expr>> = vec![None; n as usize];
        let mut next = 0u64;
        for el in elems {
            if let Some(k) = &el.key {
                match self.const_index(k) {
                    Some(i) => next = i,
                    None => {
                        self.error(k.span, format!("index {} must be integer constant", self.text(k.span)));
                        return false;
                    }
                }
            }
            match slots.get_mut(next as usize) {
                Some(slot) => *slot = Some(&el.value),
                None => {
                    self.error(el.value.span, format!("index {next} out of bounds [0:{n}]"));
                    return false;
                }
            }
            next += 1;
        }
        for slot in slots {
            match slot {
                Some(e) => {
                    if self.elem_value(e, elem, "array or slice literal").is_none() {
                        return false;
                    }
                }
                None => {
                    self.emit(Op::Zero(elem));
                }
            }
        }
        true
    }

    /// `func(...) {...}`: compiled as its own function; captured variables are pushed and
    /// bound into a closure.
    pub fn func_lit(&mut self, sig: &FuncType, body: &Block, span: Span) -> Operand {
        let Some(fty) = self.func_type(sig, None) else { return Operand::bad(span) };
        let parent = self.fb();
        parent.closures += 1;
        let name = format!("{}.func{}", parent.proto.name, parent.closures);
        let line = self.line_of(span);
        let id = self.reserve_func(name.clone(), line);
        let escaping = escape::escaping(body);
        self.fbs.push(FuncBuilder::new(name, line, escaping));
        self.declare_params(None, sig);
        self.function_body(body);
        let Some(fb) = self.fbs.pop() else { return Operand::bad(span) };
        let captures: Vec<VarLoc> = fb.captures.iter().map(|c| c.from).collect();
        self.finish_function(fb, id);
        for from in &captures {
            match from {
                VarLoc::Local(i) => {
                    let slot = self.fb().locals[*i].slot;
                    self.emit(Op::Load(slot));
                }
                VarLoc::Capture(j) => {
                    self.emit(Op::Capture(*j));
                }
            }
        }
        self.emit(Op::MakeClosure { func: id, captures: captures.len() as u16 });
        Operand::value(fty, span)
    }
}
