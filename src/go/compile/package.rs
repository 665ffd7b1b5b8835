//! Package-level declarations: imports, types, function signatures, methods, constants and
//! variables, then every function body in source order.

use super::func::FuncBuilder;
use super::universe::Pkg;
use super::{escape, Compiler, Entity, Import, MethodDecl};
use crate::go::ast::{Block, Decl, File, FuncDecl, FuncType, GenDecl, GenKind, Param, Span, Spec, TypeExprKind};
use crate::go::bytecode::{FuncId, MethodImpl, Op};
use crate::go::types::{TypeId, TypeKind};
use crate::go::value::Callee;

/// A package-level `var` or `const` spec, resolved on first use or in source order.
pub struct PendingSpec<'a> {
    pub spec: &'a Spec,
    pub is_const: bool,
    /// For consts: the spec whose type and values an empty spec repeats.
    pub source: &'a Spec,
    pub state: SpecState,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum SpecState {
    Todo,
    Active,
    Done,
}

impl<'a> Compiler<'a> {
    pub fn compile_file(&mut self, file: &'a File) {
        if file.package.name != "main" {
            self.unsupported(file.package.span, "un paquet autre que « main »");
            return;
        }
        for import in &file.imports {
            self.declare_import(import);
        }
        let mut named: Vec<(TypeId, &'a Spec)> = Vec::new();
        let mut funcs: Vec<(FuncId, &'a FuncDecl)> = Vec::new();
        for decl in &file.decls {
            match decl {
                Decl::Gen(gen) => self.collect_gen(gen, &mut named),
                Decl::Func(fd) if fd.recv.is_none() => {
                    if let Some(id) = self.declare_func(fd) {
                        funcs.push((id, fd));
                    }
                }
                Decl::Func(_) => {}
            }
        }
        // Underlying types: several passes so `type A B` sees B resolved; errors once.
        for pass in 0..3 {
            let before = self.diags.len();
            for (id, spec) in &named {
                if let Spec::Type { ty, .. } = spec {
                    if let Some(under) = self.resolve_type(ty) {
                        self.types.set_underlying(*id, under);
                    }
                }
            }
            if pass > 0 {
                self.diags.truncate(before);
            }
        }
        self.check_recursive_types(&named);
        for decl in &file.decls {
            if let Decl::Func(fd) = decl {
                if fd.recv.is_some() {
                    if let Some(id) = self.declare_method(fd) {
                        funcs.push((id, fd));
                    }
                }
            }
        }
        crate::go::diag::sort_small_by_key(&mut funcs, |(_, fd)| fd.span.start);
        self.check_field_method_clashes();
        // Function signatures are known; now package variables (in init) and constants.
        self.init = Some(FuncBuilder::new("main.init".into(), 1, Default::default()));
        for index in 0..self.pending.len() {
            self.resolve_pending(index);
        }
        for (id, fd) in funcs {
            let Some(body) = &fd.body else {
                self.error(fd.name.span, "missing function body");
                continue;
            };
            let recv = fd.recv.as_ref();
            let recv_ty = match recv {
                Some(r) => self.resolve_type(&r.ty),
                None => None,
            };
            let name = self.funcs.get(id as usize).map(|f| f.name.clone()).unwrap_or_default();
            self.compile_function(id, name, recv.zip(recv_ty), &fd.sig, body, fd.span);
        }
        for (name, import) in &self.imports {
            if !import.used {
                let msg = if name == import.path.rsplit('/').next().unwrap_or("") {
                    format!("\"{}\" imported and not used", import.path)
                } else {
                    format!("\"{}\" imported as {} and not used", import.path, name)
                };
                let mut diag = crate::go::diag::Diagnostic::new(import.span, msg);
                diag.code = Some(crate::go::diag::DiagCode::UnusedImport);
                self.diags.push(diag);
            }
        }
        if self.main.is_none() && self.diags.is_empty() {
            self.error(Span::new(0, 0), "function main is undeclared in the main package");
        }
    }

    /// `type T struct{ t T }` has no finite size: gc's `invalid recursive type`.
    fn check_recursive_types(&mut self, named: &[(TypeId, &'a Spec)]) {
        let spans: std::collections::HashMap<TypeId, (Span, String)> = named
            .iter()
            .filter_map(|(id, spec)| match spec {
                Spec::Type { name, .. } => Some((*id, (name.span, name.name.clone()))),
                _ => None,
            })
            .collect();
        let mut reported: std::collections::HashSet<TypeId> = std::collections::HashSet::new();
        for (start, _) in named {
            if reported.contains(start) {
                continue;
            }
            let mut path = vec![*start];
            if self.cycle_from(*start, *start, &mut path, 0) {
                reported.extend(path.iter().copied());
                let Some((span, name)) = spans.get(start).cloned() else { continue };
                if path.len() == 1 {
                    self.error(span, format!("invalid recursive type: {name} refers to itself"));
                } else {
                    let notes = path
                        .iter()
                        .enumerate()
                        .filter_map(|(i, t)| {
                            let (s, n) = spans.get(t)?;
                            let next = spans.get(&path[(i + 1) % path.len()])?.1.clone();
                            Some((*s, format!("{n} refers to {next}")))
                        })
                        .collect();
                    self.error_with_notes(span, format!("invalid recursive type {name}"), notes);
                }
            }
        }
    }

    /// Whether `ty` contains `target` by value (not through pointers, slices, maps...).
    fn cycle_from(&self, target: TypeId, ty: TypeId, path: &mut Vec<TypeId>, depth: u32) -> bool {
        if depth > 64 {
            return false;
        }
        let inner: Vec<TypeId> = match self.types.under(ty) {
            TypeKind::Struct(fields) => fields.iter().map(|f| f.ty).collect(),
            TypeKind::Array { elem, .. } => vec![*elem],
            _ => Vec::new(),
        };
        for t in inner {
            if t == target {
                return true;
            }
            if self.types.is_named(t) {
                if path.contains(&t) {
                    continue;
                }
                path.push(t);
                if self.cycle_from(target, t, path, depth + 1) {
                    return true;
                }
                path.pop();
            } else if self.cycle_from(target, t, path, depth + 1) {
                return true;
            }
        }
        false
    }

    fn declare_import(&mut self, import: &crate::go::ast::Import) {
        let Some(pkg) = Pkg::from_path(&import.path) else {
            self.unsupported(import.span, &format!("le paquet « {} »", import.path));
            return;
        };
        let name = match &import.alias {
            Some(alias) if alias.name == "_" || alias.name == "." => {
                self.unsupported(alias.span, "les imports « _ » et « . »");
                return;
            }
            Some(alias) => alias.name.clone(),
            None => import.path.clone(),
        };
        if self.imports.contains_key(&name) {
            self.error(import.span, format!("{name} redeclared in this block"));
            return;
        }
        // gc reports an unused aliased import at the alias.
        let span = import.alias.as_ref().map(|a| a.span).unwrap_or(import.span);
        self.imports.insert(name, Import { pkg, span, path: import.path.clone(), used: false });
    }

    fn collect_gen(&mut self, gen: &'a GenDecl, named: &mut Vec<(TypeId, &'a Spec)>) {
        let mut previous: Option<&'a Spec> = None;
        for spec in &gen.specs {
            match spec {
                Spec::Type { name, type_params, alias, .. } => {
                    if let Some(first) = type_params.first() {
                        let at = first.name.as_ref().map(|n| n.span.start.saturating_sub(1)).unwrap_or(name.span.end);
                        self.unsupported(Span::new(at, at + 1), "les génériques");
                        continue;
                    }
                    if *alias {
                        self.unsupported(spec_span(spec), "les alias de type");
                        continue;
                    }
                    let id = self.types.push(TypeKind::Named {
                        package: "main".into(),
                        name: name.name.clone(),
                        underlying: crate::go::types::predeclared::INT,
                    });
                    if !self.declare_global(&name.name, name.span, Entity::Type(id)) {
                        continue;
                    }
                    named.push((id, spec));
                }
                Spec::Value { names, ty, values, .. } => {
                    let is_const = gen.kind == GenKind::Const;
                    let source =
                        if is_const && ty.is_none() && values.is_empty() { previous.unwrap_or(spec) } else { spec };
                    if is_const && (ty.is_some() || !values.is_empty()) {
                        previous = Some(spec);
                    }
                    let index = self.pending.len();
                    self.pending.push(PendingSpec { spec, is_const, source, state: SpecState::Todo });
                    for name in names {
                        if name.name != "_" {
                            self.declare_global(&name.name, name.span, Entity::Pending(index));
                        }
                    }
                }
            }
        }
    }

    fn declare_global(&mut self, name: &str, span: Span, entity: Entity) -> bool {
        if name == "_" {
            return true;
        }
        if self.globals.contains_key(name) {
            self.error(span, format!("{name} redeclared in this block"));
            return false;
        }
        if (name == "init" || name == "main") && !matches!(entity, Entity::Func { .. }) {
            self.error(span, format!("cannot declare {name} - must be func"));
            return false;
        }
        self.globals.insert(name.to_owned(), entity);
        true
    }

    fn declare_func(&mut self, fd: &'a FuncDecl) -> Option<FuncId> {
        if let Some(first) = fd.type_params.first() {
            let at = first.name.as_ref().map(|n| n.span.start.saturating_sub(1)).unwrap_or(fd.name.span.end);
            self.unsupported(Span::new(at, at + 1), "les génériques");
            return None;
        }
        let ty = self.func_type(&fd.sig, None)?;
        let line = self.line_of(fd.span);
        let id = self.reserve_func(format!("main.{}", fd.name.name), line);
        if fd.name.name == "main" {
            if !fd.sig.params.is_empty() || !fd.sig.results.is_empty() {
                self.error(fd.name.span, "func main must have no arguments and no return values");
            }
            self.main = Some(id);
            return Some(id);
        }
        if fd.name.name == "init" {
            self.unsupported(fd.name.span, "les fonctions init");
            return None;
        }
        self.record_shown_func(id, &fd.sig, ty);
        self.declare_global(&fd.name.name, fd.name.span, Entity::Func { id, ty });
        Some(id)
    }

    fn declare_method(&mut self, fd: &'a FuncDecl) -> Option<FuncId> {
        let recv = fd.recv.as_ref()?;
        let (base_expr, ptr) = match &recv.ty.kind {
            TypeExprKind::Pointer(inner) => (inner.as_ref(), true),
            _ => (&recv.ty, false),
        };
        let TypeExprKind::Name(base_name) = &base_expr.kind else {
            if matches!(base_expr.kind, TypeExprKind::Generic { .. }) {
                self.unsupported(base_expr.span, "les génériques");
            } else {
                self.error(base_expr.span, format!("invalid receiver type {}", self.text(base_expr.span)));
            }
            return None;
        };
        let base = match self.globals.get(base_name) {
            Some(Entity::Type(t)) => *t,
            _ => {
                if self.universe.contains_key(base_name.as_str()) {
                    self.error(base_expr.span, format!("cannot define new methods on non-local type {base_name}"));
                } else {
                    self.error(base_expr.span, format!("undefined: {base_name}"));
                }
                return None;
            }
        };
        if matches!(self.types.under(base), TypeKind::Pointer(_) | TypeKind::Interface(_)) {
            self.error(base_expr.span, format!("invalid receiver type {base_name}"));
            return None;
        }
        let sig = self.func_type(&fd.sig, None)?;
        let name = &fd.name.name;
        if self.methods.get(&base).is_some_and(|ms| ms.iter().any(|(n, _)| n == name)) {
            self.error(fd.name.span, format!("method {base_name}.{name} already declared"));
            return None;
        }
        let line = self.line_of(fd.span);
        let proto_name = if ptr { format!("main.(*{base_name}).{name}") } else { format!("main.{base_name}.{name}") };
        let id = self.reserve_func(proto_name, line);
        self.record_shown_func(id, &fd.sig, sig);
        self.methods.entry(base).or_default().push((name.clone(), MethodDecl { func: id, ptr, sig }));
        Some(id)
    }

    fn check_field_method_clashes(&mut self) {
        let mut errors = Vec::new();
        for (ty, methods) in &self.methods {
            if let TypeKind::Struct(fields) = self.types.under(*ty) {
                for (name, _) in methods {
                    if fields.iter().any(|f| &f.name == name) {
                        errors.push(format!("field and method with the same name {name}"));
                    }
                }
            }
        }
        for e in errors {
            self.error(Span::new(0, 0), e);
        }
    }

    /// Compiles a function or method body into slot `id`.
    pub fn compile_function(
        &mut self,
        id: FuncId,
        name: String,
        recv: Option<(&Param, TypeId)>,
        sig: &FuncType,
        body: &Block,
        span: Span,
    ) {
        let line = self.line_of(span);
        let escaping = escape::escaping(body, &self.rangefuncs);
        self.fbs.push(FuncBuilder::new(name, line, escaping));
        self.declare_params(recv, sig);
        self.function_body(body);
        if let Some(fb) = self.fbs.pop() {
            self.finish_function(fb, id);
        }
    }

    /// Parameters, then results, as the first locals; escaping ones are boxed on entry.
    pub fn declare_params(&mut self, recv: Option<(&Param, TypeId)>, sig: &FuncType) {
        let mut params: Vec<(Option<&crate::go::ast::Ident>, TypeId, Span)> = Vec::new();
        if let Some((p, ty)) = recv {
            params.push((p.name.as_ref(), ty, p.ty.span));
        }
        for p in &sig.params {
            let Some(mut ty) = self.resolve_type(&p.ty) else { continue };
            if let (Some(name), crate::go::ast::TypeExprKind::Func(ft)) = (&p.name, &p.ty.kind) {
                if let Some(shown) = self.shown_func_type(ft, ty) {
                    self.shown.insert(super::shown::ShownKey::Param(name.span), shown);
                }
            }
            if p.variadic {
                ty = self.slice_of(ty);
            }
            params.push((p.name.as_ref(), ty, p.ty.span));
        }
        let mut results = Vec::new();
        let mut named_results = false;
        for r in &sig.results {
            let Some(ty) = self.resolve_type(&r.ty) else { continue };
            named_results |= r.name.is_some();
            results.push((r.name.as_ref(), ty, r.ty.span));
        }
        let mut to_box = Vec::new();
        let n_params = params.len() as u16;
        for (name, ty, span) in params.into_iter().chain(results.iter().cloned()) {
            let n = name.map(|n| n.name.as_str()).unwrap_or("_");
            let span = name.map(|n| n.span).unwrap_or(span);
            let boxed = self.needs_box(n, ty);
            let fb = self.fb();
            let index = fb.declare(n, ty, boxed, span, false);
            if boxed {
                to_box.push(fb.locals[index].slot);
            }
        }
        let fb = self.fb();
        fb.proto.params = n_params;
        fb.proto.results = results.len() as u16;
        fb.results = results.iter().map(|r| r.1).collect();
        fb.named_results = named_results;
        // Results start at their zero value: the VM stores them on entry (`result_types`).
        for slot in to_box {
            let fb = self.fb();
            fb.emit(Op::Load(slot));
            fb.emit(Op::StoreNewRef(slot));
        }
    }

    pub fn function_body(&mut self, body: &Block) {
        self.fb().open_scope();
        self.stmts(&body.stmts);
        let has_results = !self.fb().results.is_empty();
        if has_results && !super::flow::terminates_block(&body.stmts) {
            let at = body.span.end.saturating_sub(1);
            self.error(Span::new(at, at + 1), "missing return");
        }
        self.emit_return();
        self.fb().close_scope();
    }

    /// Reports unused variables and stores the finished proto.
    pub fn finish_function(&mut self, fb: FuncBuilder, id: FuncId) {
        for local in &fb.locals {
            if local.reportable && !local.used && local.name != "_" {
                let msg = format!("declared and not used: {}", local.name);
                self.error_coded(crate::go::diag::DiagCode::UnusedVariable, local.span, msg);
            }
        }
        let mut proto = fb.proto;
        super::peephole::optimize(&mut proto);
        proto.captures = fb.captures.len() as u16;
        proto.result_types = fb.results.clone();
        if let Some(slot) = self.funcs.get_mut(id as usize) {
            let name = std::mem::take(&mut slot.name);
            *slot = proto;
            if slot.name.is_empty() {
                slot.name = name;
            }
        }
    }

    /// `(dynamic type, method) → implementation` for every named type with methods, its
    /// pointer type, and the types that embed them.
    pub fn method_table(&mut self) -> std::collections::HashMap<(TypeId, u32), MethodImpl> {
        let mut table = std::collections::HashMap::new();
        let decls: Vec<(TypeId, Vec<(String, super::MethodDecl)>)> =
            self.methods.iter().map(|(t, ms)| (*t, ms.clone())).collect();
        for (ty, methods) in decls {
            let ptr = self.pointer_to(ty);
            for (name, decl) in methods {
                let id = self.method_id(&name);
                let callee = Callee::Func(decl.func);
                if !decl.ptr {
                    table.insert((ty, id), MethodImpl { callee, deref: false });
                    table.insert((ptr, id), MethodImpl { callee, deref: true });
                } else {
                    table.insert((ptr, id), MethodImpl { callee, deref: false });
                }
            }
        }
        let natives: Vec<((TypeId, &'static str), super::universe::NativeMethod)> =
            self.native_methods.iter().map(|(k, v)| (*k, *v)).collect();
        for ((ty, name), nm) in natives {
            let id = self.method_id(name);
            let ptr = self.pointer_to(ty);
            let callee = Callee::Native(nm.native);
            if !nm.ptr {
                table.insert((ty, id), MethodImpl { callee, deref: false });
                table.insert((ptr, id), MethodImpl { callee, deref: true });
            } else {
                table.insert((ptr, id), MethodImpl { callee, deref: false });
            }
        }
        for ((ty, name), imp) in std::mem::take(&mut self.promoted) {
            let id = self.method_id(&name);
            table.entry((ty, id)).or_insert(imp);
        }
        table
    }
}

fn spec_span(spec: &Spec) -> Span {
    match spec {
        Spec::Value { span, .. } | Spec::Type { span, .. } => *span,
    }
}

impl<'a> Compiler<'a> {
    /// Resolves a package-level `const` or `var` spec (on first use, or in source order).
    /// Variables are initialised by code emitted into the package's init function.
    pub fn resolve_pending(&mut self, index: usize) {
        let Some(p) = self.pending.get(index) else { return };
        let (spec, source, is_const) = (p.spec, p.source, p.is_const);
        match p.state {
            SpecState::Done => return,
            SpecState::Active => {
                if let Spec::Value { names, .. } = spec {
                    if let Some(n) = names.first() {
                        let what = if is_const { "constant" } else { "variable" };
                        self.error(
                            n.span,
                            format!("initialization cycle or invalid recursive reference to {what} {}", n.name),
                        );
                    }
                }
                return;
            }
            SpecState::Todo => {}
        }
        self.pending[index].state = SpecState::Active;
        let saved = std::mem::take(&mut self.fbs);
        let Spec::Value { names, iota, span, .. } = spec else {
            self.fbs = saved;
            return;
        };
        let Spec::Value { ty, values, .. } = source else {
            self.fbs = saved;
            return;
        };
        let declared = match ty {
            Some(t) => self.resolve_type(t),
            None => None,
        };
        if is_const {
            for (i, name) in names.iter().enumerate() {
                let Some(value) = values.get(i) else {
                    self.error(name.span, "missing init expr for const declaration");
                    break;
                };
                // After an error the name still stands (as an int 0), so uses say nothing more.
                let (val, ty) = self
                    .const_value(value, declared, *iota)
                    .unwrap_or((super::ConstVal::Int(0), crate::go::types::predeclared::INT));
                let entity = Entity::Const { ty, val };
                if name.name != "_" {
                    self.globals.insert(name.name.clone(), entity);
                }
            }
        } else {
            let line = self.line_of(*span);
            self.fb().line = line;
            let types = if values.is_empty() {
                let t = declared.unwrap_or(crate::go::types::predeclared::INT);
                for _ in names.iter() {
                    self.emit(Op::Zero(t));
                }
                Some(vec![t; names.len()])
            } else {
                self.rhs_values(values, names.len(), declared, "variable declaration", *span)
            };
            let types =
                types.unwrap_or_else(|| vec![declared.unwrap_or(crate::go::types::predeclared::INT); names.len()]);
            let shown = self.shown_var_decl(names, ty.as_ref().zip(declared), values);
            for ((name, ty), shown) in names.iter().zip(types).zip(shown).rev() {
                if let Some(shown) = shown {
                    self.shown.insert(super::shown::ShownKey::Global(self.global_count), shown);
                }
                let ty = super::consts::default_type(&self.types, ty);
                let index = self.global_count;
                self.global_count += 1;
                let boxed = !self.types.is_aggregate(ty);
                if boxed {
                    self.emit(Op::Box);
                }
                self.emit(Op::StoreGlobal(index));
                if name.name != "_" {
                    self.globals.insert(name.name.clone(), Entity::Var { index, ty, boxed });
                }
            }
        }
        self.fbs = saved;
        self.pending[index].state = SpecState::Done;
    }
}
