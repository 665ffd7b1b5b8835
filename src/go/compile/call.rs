//! Calls: functions, methods, function values and natives, with their arguments; method
//! values. Builtins and conversions are in `builtin.rs`, literals in `literal.rs`.

use super::expr::{strip_parens, Mode, Operand, Resolved};
use super::typeck::Selection;
use super::universe::Member;
use super::{Compiler, Entity};
use crate::go::ast::{Expr, ExprKind, Span};
use crate::go::bytecode::{Native, Op, NATIVE_SPREAD};
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
                        let once = ["OnceFunc", "OnceValue", "OnceValues"].into_iter().find(|n| *n == sel.name);
                        if let (super::universe::Pkg::Sync, Some(name)) = (pkg, once) {
                            return self.once_call(pkg_name, name, args, span);
                        }
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
                            Some(Member::Var { .. }) => {
                                self.error(span, format!("invalid operation: cannot call non-function {fname}"));
                                Operand::bad(span)
                            }
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
            // `T.M(x)`: a method expression, called as a function value below.
            let method_expr = matches!(x.mode, Mode::Type);
            if method_expr {
                self.truncate(mark);
            }
            if let Some(selection) = self.lookup(x.ty, &sel.name).filter(|_| !method_expr) {
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
            if !method_expr {
                self.truncate(mark);
            }
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
            self.error(
                span,
                format!("invalid operation: cannot call {}: {} is not a function", self.describe(&f), self.name(f.ty)),
            );
            return Operand::bad(span);
        };
        let fname = self.text(callee.span).to_owned();
        self.finish_call(Target::Value, &sig, args, spread, span, &fname, 0)
    }

    /// The position of `name` in `base.name` (gc reports selector errors there).
    fn selector_span(&self, base: &Expr, name: &str) -> Span {
        let after = base.span.end as usize;
        let at = self.src.get(after..).and_then(|rest| rest.find(name)).map(|i| (after + i) as u32);
        at.map(|a| Span::new(a, a + name.len() as u32)).unwrap_or(base.span)
    }

    pub(super) fn truncate(&mut self, mark: usize) {
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
            let through_ptr = path.iter().any(|s| matches!(self.types.kind(s.ty), TypeKind::Pointer(_)))
                || matches!(self.types.kind(x.ty), TypeKind::Pointer(_));
            let addressable = matches!(x.mode, Mode::Value { var: true, .. });
            if !cur_is_ptr && !addressable && !through_ptr && base.span != Span::default() {
                let at = self.selector_span(base, name);
                self.error(at, format!("cannot call pointer method {name} on {}", self.name(cur)));
                return None;
            }
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
        if let Target::Func(id) | Target::Method(id) = target {
            self.param_shown = self.shown_params(id, sig.params.len());
        }
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
        let shown = std::mem::take(&mut self.param_shown);
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
        // Every argument is checked, as gc does, even after one fails.
        let mut ok = true;
        for (i, arg) in args.iter().enumerate().take(fixed) {
            let target = params[i];
            if native && target == pre::ANY {
                if let ExprKind::Unary { op: crate::go::ast::UnaryOp::Addr, .. } = &arg.kind {
                    // errors.As(err, &target): remember the pointee type.
                    let op = self.expr(arg, None);
                    if let TypeKind::Pointer(e) = self.types.kind(op.ty) {
                        self.last_arg_elem = Some(*e);
                    }
                    ok &= self.convert(op, Some(target), &context).is_some();
                    continue;
                }
            }
            self.target_shown = shown.get(i).cloned().flatten().map(|s| (arg.span, s));
            let converted = self.value(arg, Some(target), &context);
            self.target_shown = None;
            ok &= converted.is_some();
        }
        let mut count = fixed as u16;
        if sig.variadic {
            let slice_ty = params[params.len() - 1];
            let elem = match self.types.under(slice_ty) {
                TypeKind::Slice(e) => *e,
                _ => pre::ANY,
            };
            if spread {
                ok &= self.value(&args[fixed], Some(slice_ty), &context).is_some();
                count += 1;
                if native {
                    count |= NATIVE_SPREAD;
                }
            } else if native {
                for arg in &args[fixed..] {
                    ok &= self.value(arg, Some(elem), &context).is_some();
                    count += 1;
                }
            } else {
                let extra = args.len() - fixed;
                for arg in &args[fixed..] {
                    ok &= self.value(arg, Some(elem), &context).is_some();
                }
                if extra == 0 {
                    self.emit(Op::Nil);
                } else {
                    self.emit(Op::MakeSlice { ty: slice_ty, n: extra as u32 });
                }
                count += 1;
            }
        }
        ok.then_some(count)
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
                self.show_as(span, super::shown::ShownKey::Func(f));
                self.emit(Op::BindMethod { func: f });
            }
            Target::NativeMethod(n) => {
                self.emit(Op::BindNative(n));
            }
            _ => {}
        }
        Operand::value(sig, span)
    }
}
