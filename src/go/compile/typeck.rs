//! Types as written → type ids; identity, assignability, method sets and selectors.

use super::{Compiler, Entity, MethodDecl};
use crate::go::ast::{Expr, TypeExpr, TypeExprKind};
use crate::go::bytecode::Native;
use crate::go::types::{InterfaceMethod, Signature, StructField, TypeId, TypeKind};

/// What a selector `x.name` denotes on a value of some type.
#[derive(Clone, Debug)]
pub enum Selection {
    /// A field, reached through `path` (embedded fields first, then the field itself).
    Field { path: Vec<Step>, ty: TypeId },
    /// A method declared in Go on `recv` (a named type), reached through embedded `path`.
    Method { path: Vec<Step>, decl: MethodDecl },
    /// A method implemented in Rust.
    NativeMethod { path: Vec<Step>, native: Native, sig: TypeId, ptr: bool },
    /// A method of an interface type (dynamic dispatch).
    IfaceMethod { path: Vec<Step>, sig: TypeId },
}

/// One field step of a selector path. `ptr`: the struct is reached through a pointer.
#[derive(Clone, Copy, Debug)]
pub struct Step {
    pub index: u16,
    /// The type of the field reached.
    pub ty: TypeId,
}

impl<'a> Compiler<'a> {
    pub fn pointer_to(&mut self, ty: TypeId) -> TypeId {
        self.types.intern(TypeKind::Pointer(ty))
    }

    pub fn slice_of(&mut self, ty: TypeId) -> TypeId {
        self.types.intern(TypeKind::Slice(ty))
    }

    pub fn sig(&self, ty: TypeId) -> Option<Signature> {
        match self.types.under(ty) {
            TypeKind::Func(sig) => Some(sig.clone()),
            _ => None,
        }
    }

    pub fn name(&self, ty: TypeId) -> String {
        self.types.error_name(ty)
    }

    /// Resolves a type expression; reports errors and gives `INT`... no: gives `None` after an
    /// error so callers can stay quiet.
    pub fn resolve_type(&mut self, te: &TypeExpr) -> Option<TypeId> {
        Some(match &te.kind {
            TypeExprKind::Name(name) => return self.type_by_name(name, te),
            TypeExprKind::Qualified { package, name } => {
                let Some(import) = self.imports.get_mut(&package.name) else {
                    self.error(package.span, format!("undefined: {}", package.name));
                    return None;
                };
                import.used = true;
                let pkg = import.pkg;
                match super::universe::member(&mut self.types, &self.pkg_types, &self.wk, pkg, &name.name) {
                    Some(super::universe::Member::Type(ty)) => ty,
                    Some(_) => {
                        self.error(te.span, format!("{}.{} is not a type", package.name, name.name));
                        return None;
                    }
                    None => {
                        self.error(name.span, format!("undefined: {}.{}", package.name, name.name));
                        return None;
                    }
                }
            }
            TypeExprKind::Pointer(elem) => {
                let elem = self.resolve_type(elem)?;
                self.pointer_to(elem)
            }
            TypeExprKind::Slice(elem) => {
                let elem = self.resolve_type(elem)?;
                self.slice_of(elem)
            }
            TypeExprKind::Array { len, elem } => {
                let elem_ty = self.resolve_type(elem)?;
                let Some(len) = len else {
                    self.error(te.span, "invalid use of [...] array (outside a composite literal)");
                    return None;
                };
                let n = self.array_len(len)?;
                self.types.intern(TypeKind::Array { elem: elem_ty, len: n })
            }
            TypeExprKind::Map { key, value } => {
                let k = self.resolve_type(key)?;
                let v = self.resolve_type(value)?;
                if !self.comparable(k) {
                    self.error(key.span, format!("invalid map key type {}", self.name(k)));
                }
                self.types.intern(TypeKind::Map { key: k, value: v })
            }
            TypeExprKind::Chan { dir, elem } => {
                let elem = self.resolve_type(elem)?;
                self.types.intern(TypeKind::Chan { dir: *dir, elem })
            }
            TypeExprKind::Func(ft) => self.func_type(ft, None)?,
            TypeExprKind::Struct(fields) => {
                let mut out: Vec<StructField> = Vec::new();
                for field in fields {
                    let ty = self.resolve_type(&field.ty)?;
                    let (name, embedded) = match &field.name {
                        Some(id) => (id.name.clone(), false),
                        None => (self.embedded_name(&field.ty), true),
                    };
                    if out.iter().any(|f| f.name == name) && name != "_" {
                        self.error(field.span, format!("{name} redeclared"));
                    }
                    out.push(StructField { name, ty, embedded });
                }
                self.types.intern(TypeKind::Struct(out))
            }
            TypeExprKind::Interface(elems) => {
                let mut methods: Vec<InterfaceMethod> = Vec::new();
                for elem in elems {
                    match elem {
                        crate::go::ast::InterfaceElem::Method { name, sig } => {
                            let sig = self.func_type(sig, None)?;
                            methods.push(InterfaceMethod { name: name.name.clone(), sig });
                        }
                        crate::go::ast::InterfaceElem::Embed(t) => {
                            let ty = self.resolve_type(t)?;
                            match self.types.under(ty).clone() {
                                TypeKind::Interface(ms) => {
                                    for m in ms {
                                        if !methods.iter().any(|x| x.name == m.name) {
                                            methods.push(m);
                                        }
                                    }
                                }
                                _ => {
                                    self.unsupported(t.span, "les contraintes de type (génériques)");
                                    return None;
                                }
                            }
                        }
                        crate::go::ast::InterfaceElem::Constraint(span) => {
                            self.unsupported(*span, "les contraintes de type (génériques)");
                            return None;
                        }
                    }
                }
                crate::go::diag::sort_small_by_key(&mut methods, |m| m.name.clone());
                self.types.intern(TypeKind::Interface(methods))
            }
            TypeExprKind::Generic { .. } => {
                self.unsupported(te.span, "les génériques");
                return None;
            }
        })
    }

    fn embedded_name(&self, te: &TypeExpr) -> String {
        match &te.kind {
            TypeExprKind::Name(n) => n.clone(),
            TypeExprKind::Qualified { name, .. } => name.name.clone(),
            TypeExprKind::Pointer(inner) => self.embedded_name(inner),
            _ => "_".into(),
        }
    }

    fn type_by_name(&mut self, name: &str, te: &TypeExpr) -> Option<TypeId> {
        if let Some(index) = self.fbs.last().and_then(|fb| fb.lookup(name)) {
            let _ = index;
            self.error(te.span, format!("{name} is not a type"));
            return None;
        }
        if let Some(ty) = self.local_type(name) {
            return Some(ty);
        }
        match self.globals.get(name).or_else(|| self.universe.get(name)).cloned() {
            Some(Entity::Type(ty)) => Some(ty),
            Some(_) => {
                self.error(te.span, format!("{name} is not a type"));
                None
            }
            None => {
                self.error(te.span, format!("undefined: {name}"));
                None
            }
        }
    }

    /// Types declared inside function bodies (`type pair struct{...}` in main).
    fn local_type(&self, name: &str) -> Option<TypeId> {
        self.local_types.iter().rev().find(|(n, _)| n == name).map(|(_, t)| *t)
    }

    pub fn array_len(&mut self, e: &Expr) -> Option<u64> {
        let op = self.const_expr(e)?;
        match op.to_int() {
            Some(n) if n >= 0 => Some(n as u64),
            _ => {
                self.error(e.span, format!("invalid array length {}", self.text(e.span)));
                None
            }
        }
    }

    /// A signature as a func type; `recv` is prepended for methods compiled as functions.
    pub fn func_type(&mut self, ft: &crate::go::ast::FuncType, recv: Option<TypeId>) -> Option<TypeId> {
        let mut params = Vec::new();
        params.extend(recv);
        let mut variadic = false;
        for p in &ft.params {
            let ty = self.resolve_type(&p.ty)?;
            if p.variadic {
                variadic = true;
                params.push(self.slice_of(ty));
            } else {
                params.push(ty);
            }
        }
        let mut results = Vec::new();
        for r in &ft.results {
            results.push(self.resolve_type(&r.ty)?);
        }
        Some(self.types.intern(TypeKind::Func(Signature { params, results, variadic })))
    }

    pub fn comparable(&self, ty: TypeId) -> bool {
        self.comparable_within(ty, 0)
    }

    /// Depth-bounded: an invalid recursive type (`type T struct{ a [2]T }`) must not recurse
    /// forever before it is reported.
    fn comparable_within(&self, ty: TypeId, depth: u32) -> bool {
        if depth > 32 {
            return true;
        }
        match self.types.under(ty) {
            TypeKind::Slice(_) | TypeKind::Map { .. } | TypeKind::Func(_) => false,
            TypeKind::Struct(fields) => fields.iter().all(|f| self.comparable_within(f.ty, depth + 1)),
            TypeKind::Array { elem, .. } => self.comparable_within(*elem, depth + 1),
            _ => true,
        }
    }

    pub fn is_untyped(&self, ty: TypeId) -> bool {
        matches!(self.types.kind(ty), TypeKind::Untyped(_))
    }

    pub fn is_numeric(&self, ty: TypeId) -> bool {
        matches!(
            self.types.under(ty),
            TypeKind::Int(_)
                | TypeKind::Float64
                | TypeKind::Float32
                | TypeKind::Untyped(
                    crate::go::types::Untyped::Int | crate::go::types::Untyped::Rune | crate::go::types::Untyped::Float
                )
        )
    }

    pub fn is_integer(&self, ty: TypeId) -> bool {
        matches!(
            self.types.under(ty),
            TypeKind::Int(_) | TypeKind::Untyped(crate::go::types::Untyped::Int | crate::go::types::Untyped::Rune)
        )
    }

    pub fn is_string(&self, ty: TypeId) -> bool {
        matches!(self.types.under(ty), TypeKind::String | TypeKind::Untyped(crate::go::types::Untyped::String))
    }

    pub fn is_bool(&self, ty: TypeId) -> bool {
        matches!(self.types.under(ty), TypeKind::Bool | TypeKind::Untyped(crate::go::types::Untyped::Bool))
    }

    /// Types that can be `nil`.
    pub fn nillable(&self, ty: TypeId) -> bool {
        matches!(
            self.types.under(ty),
            TypeKind::Pointer(_)
                | TypeKind::Slice(_)
                | TypeKind::Map { .. }
                | TypeKind::Chan { .. }
                | TypeKind::Func(_)
                | TypeKind::Interface(_)
                | TypeKind::Untyped(crate::go::types::Untyped::Nil)
        )
    }

    /// Go's assignability of a typed value of type `v` to type `t`; `Err` explains why not
    /// (the part after `: ` in gc's message, possibly empty).
    pub fn assignable(&mut self, v: TypeId, t: TypeId) -> Result<(), String> {
        if v == t {
            return Ok(());
        }
        let (vu, tu) = (self.types.underlying(v), self.types.underlying(t));
        if self.types.is_interface(t) && !self.types.is_interface(v) || self.types.is_interface(t) {
            return self.implements(v, t);
        }
        if vu == tu && (!self.types.is_named(v) || !self.types.is_named(t)) {
            return Ok(());
        }
        if let (TypeKind::Chan { dir: crate::go::ast::ChanDir::Both, elem: ve }, TypeKind::Chan { elem: te, .. }) =
            (self.types.kind(vu), self.types.kind(tu))
        {
            if ve == te && (!self.types.is_named(v) || !self.types.is_named(t)) {
                return Ok(());
            }
        }
        // An interface holding a `t` could give one back: gc says how.
        if self.types.is_interface(v) && self.implements(t, v).is_ok() {
            return Err("need type assertion".into());
        }
        Err(String::new())
    }

    /// Whether type `v` implements interface `iface`; `Err` is gc's reason.
    pub fn implements(&mut self, v: TypeId, iface: TypeId) -> Result<(), String> {
        let TypeKind::Interface(wanted) = self.types.under(iface).clone() else { return Err(String::new()) };
        for m in &wanted {
            match self.method_sig(v, &m.name) {
                Some((sig, true)) if sig == m.sig => {}
                Some((sig, false)) if sig == m.sig => {
                    return Err(format!(
                        "{} does not implement {} (method {} has pointer receiver)",
                        self.name(v),
                        self.name(iface),
                        m.name
                    ));
                }
                Some((_, _)) => {
                    return Err(format!(
                        "{} does not implement {} (wrong type for method {})",
                        self.name(v),
                        self.name(iface),
                        m.name
                    ));
                }
                None => {
                    return Err(format!(
                        "{} does not implement {} (missing method {})",
                        self.name(v),
                        self.name(iface),
                        m.name
                    ));
                }
            }
        }
        Ok(())
    }

    /// The signature of method `name` of type `ty`, and whether it is in `ty`'s method set
    /// (false: only `*ty` has it).
    pub fn method_sig(&mut self, ty: TypeId, name: &str) -> Option<(TypeId, bool)> {
        let is_ptr = matches!(self.types.kind(ty), TypeKind::Pointer(_));
        match self.lookup(ty, name)? {
            Selection::Method { decl, path, .. } => {
                let through_ptr = path.iter().any(|s| matches!(self.types.kind(s.ty), TypeKind::Pointer(_)));
                Some((decl.sig, !decl.ptr || is_ptr || through_ptr))
            }
            Selection::NativeMethod { sig, ptr, path, .. } => {
                let through_ptr = path.iter().any(|s| matches!(self.types.kind(s.ty), TypeKind::Pointer(_)));
                Some((sig, !ptr || is_ptr || through_ptr))
            }
            Selection::IfaceMethod { sig, .. } => Some((sig, true)),
            Selection::Field { .. } => None,
        }
    }

    /// gc's message for `base.sel` naming no field or method of `ty`, with the one whose name
    /// differs only in case, if any (`type T has no field or method bump, but does have
    /// method Bump`).
    pub fn missing_selector(&self, base: &str, ty: TypeId, sel: &str) -> String {
        let mut msg = format!("{base}.{sel} undefined (type {} has no field or method {sel}", self.name(ty));
        let near = self.member_names(ty).into_iter().find(|n| n != sel && n.eq_ignore_ascii_case(sel));
        if let Some(near) = near {
            let what = if let Some(Selection::Field { .. }) = self.lookup(ty, &near) { "field" } else { "method" };
            msg.push_str(&format!(", but does have {what} {near}"));
        }
        msg.push(')');
        msg
    }

    /// The names of the fields and methods reachable from `ty` (promoted ones included) that
    /// Go code may use: another package's unexported names and the natives' hidden state are
    /// left out.
    fn member_names(&self, ty: TypeId) -> Vec<String> {
        let mut names = Vec::new();
        let mut level = vec![ty];
        for _depth in 0..8 {
            let mut next = Vec::new();
            for t in level {
                let base = match self.types.kind(t) {
                    TypeKind::Pointer(e) => *e,
                    _ => t,
                };
                let foreign = matches!(self.types.kind(base), TypeKind::Named { package, .. } if !package.is_empty() && package != "main");
                let usable = |n: &str| !foreign || n.starts_with(|c: char| c.is_uppercase());
                if let Some(decls) = self.methods.get(&base) {
                    names.extend(decls.iter().map(|(n, _)| n.clone()));
                }
                names.extend(self.native_methods.keys().filter(|(b, _)| *b == base).map(|(_, n)| (*n).to_owned()));
                match self.types.under(base) {
                    TypeKind::Interface(methods) => names.extend(methods.iter().map(|m| m.name.clone())),
                    TypeKind::Struct(fields) => {
                        for f in fields.iter().filter(|f| usable(&f.name)) {
                            names.push(f.name.clone());
                            if f.embedded {
                                next.push(f.ty);
                            }
                        }
                    }
                    _ => {}
                }
            }
            if next.is_empty() {
                break;
            }
            level = next;
        }
        names
    }

    /// Finds field or method `name` on a value of type `ty` (a pointer to a struct counts),
    /// shallowest embedding depth first, as Go's selector rules say.
    pub fn lookup(&self, ty: TypeId, name: &str) -> Option<Selection> {
        let mut level: Vec<(TypeId, Vec<Step>)> = vec![(ty, Vec::new())];
        for _depth in 0..8 {
            let mut next = Vec::new();
            for (t, path) in &level {
                let base = match self.types.kind(*t) {
                    TypeKind::Pointer(e) => *e,
                    _ => *t,
                };
                if let Some(decls) = self.methods.get(&base) {
                    if let Some((_, decl)) = decls.iter().find(|(n, _)| n == name) {
                        return Some(Selection::Method { path: path.clone(), decl: decl.clone() });
                    }
                }
                if let Some(nm) =
                    self.native_methods.iter().find(|((t, n), _)| *t == base && *n == name).map(|(_, nm)| nm)
                {
                    return Some(Selection::NativeMethod {
                        path: path.clone(),
                        native: nm.native,
                        sig: nm.sig,
                        ptr: nm.ptr,
                    });
                }
                match self.types.under(base) {
                    TypeKind::Interface(methods) if path.is_empty() || base == *t => {
                        if let Some(m) = methods.iter().find(|m| m.name == name) {
                            return Some(Selection::IfaceMethod { path: path.clone(), sig: m.sig });
                        }
                    }
                    TypeKind::Struct(fields) => {
                        if let Some((i, f)) = fields.iter().enumerate().find(|(_, f)| f.name == name) {
                            let mut p = path.clone();
                            p.push(Step { index: i as u16, ty: f.ty });
                            return Some(Selection::Field { path: p, ty: f.ty });
                        }
                        for (i, f) in fields.iter().enumerate() {
                            if f.embedded {
                                let mut p = path.clone();
                                p.push(Step { index: i as u16, ty: f.ty });
                                next.push((f.ty, p));
                            }
                        }
                    }
                    _ => {}
                }
            }
            if next.is_empty() {
                return None;
            }
            level = next;
        }
        None
    }
}
