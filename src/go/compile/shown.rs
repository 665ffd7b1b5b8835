//! Func types as gc's messages print them: with the parameter names they were written with
//! (`func(i int)`, `func(yield func(int) bool)`). Types are interned without names, so the
//! names are kept beside them, for the expressions whose type was written so.

use super::expr::{Mode, Operand};
use super::func::VarLoc;
use super::Compiler;
use crate::go::ast::{Expr, FuncType, Ident, Span, TypeExpr, TypeExprKind};
use crate::go::bytecode::FuncId;
use crate::go::types::{TypeId, TypeKind};

/// What a shown func type belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ShownKey {
    /// An expression (a func literal, a name of something below).
    Expr(Span),
    /// A function declared at package level.
    Func(FuncId),
    /// A parameter, by the span of its name.
    Param(Span),
    /// Parameter `i` of a package-level function or method.
    FuncParam(FuncId, usize),
    /// A package variable, by its global slot.
    Global(u32),
}

impl<'a> Compiler<'a> {
    /// `ft` (whose type is `ty`) with its names, if it names any parameter or result.
    pub(super) fn shown_func_type(&self, ft: &FuncType, ty: TypeId) -> Option<String> {
        let TypeKind::Func(sig) = self.types.kind(ty) else { return None };
        let named = ft.params.iter().chain(&ft.results).any(|p| p.name.is_some());
        let nested = ft.params.iter().chain(&ft.results).any(|p| matches!(p.ty.kind, TypeExprKind::Func(_)));
        if !named && !nested {
            return None;
        }
        let shown = |ps: &[crate::go::ast::Param], tys: &[TypeId], variadic: bool| -> Option<Vec<String>> {
            if ps.len() != tys.len() {
                return None;
            }
            let last = ps.len().saturating_sub(1);
            let items = ps.iter().zip(tys).enumerate().map(|(i, (p, &t))| {
                let (t, dots) = match self.types.kind(t) {
                    TypeKind::Slice(elem) if variadic && i == last => (*elem, "..."),
                    _ => (t, ""),
                };
                let ty_text = match &p.ty.kind {
                    TypeExprKind::Func(inner) => self.shown_func_type(inner, t),
                    _ => None,
                }
                .unwrap_or_else(|| self.name(t));
                match &p.name {
                    Some(n) => format!("{} {dots}{ty_text}", n.name),
                    None => format!("{dots}{ty_text}"),
                }
            });
            Some(items.collect())
        };
        let params = shown(&ft.params, &sig.params, sig.variadic)?;
        let results = shown(&ft.results, &sig.results, false)?;
        let mut out = format!("func({})", params.join(", "));
        match results.as_slice() {
            [] => {}
            [one] if ft.results.iter().all(|r| r.name.is_none()) => {
                out.push(' ');
                out.push_str(one);
            }
            _ => out.push_str(&format!(" ({})", results.join(", "))),
        }
        Some(out)
    }

    /// Records how a declared function's type and its func-typed parameters read.
    pub(super) fn record_shown_func(&mut self, id: FuncId, ft: &FuncType, ty: TypeId) {
        if let Some(shown) = self.shown_func_type(ft, ty) {
            self.shown.insert(ShownKey::Func(id), shown);
        }
        let TypeKind::Func(sig) = self.types.kind(ty).clone() else { return };
        for (i, (p, &pty)) in ft.params.iter().zip(&sig.params).enumerate() {
            if let TypeExprKind::Func(inner) = &p.ty.kind {
                if let Some(shown) = self.shown_func_type(inner, pty) {
                    self.shown.insert(ShownKey::FuncParam(id, i), shown);
                }
            }
        }
    }

    /// How the parameters of the function called next read, for [`Self::target_name`].
    pub(super) fn shown_params(&self, id: FuncId, n: usize) -> Vec<Option<String>> {
        (0..n).map(|i| self.shown.get(&ShownKey::FuncParam(id, i)).cloned()).collect()
    }

    /// The target type of a conversion of `op`, as messages print it.
    pub(super) fn target_name(&self, op: &Operand, ty: TypeId) -> String {
        match &self.target_shown {
            Some((span, shown)) if *span == op.span => shown.clone(),
            _ => self.name(ty),
        }
    }

    /// How the variables of `var names T = values` read: from `T` if written with names,
    /// else from each value (a func literal, a function).
    pub(super) fn shown_var_decl(
        &self,
        names: &[Ident],
        ty: Option<(&TypeExpr, TypeId)>,
        values: &[Expr],
    ) -> Vec<Option<String>> {
        if let Some((TypeExpr { kind: TypeExprKind::Func(ft), .. }, t)) = ty {
            let shown = self.shown_func_type(ft, t);
            return names.iter().map(|_| shown.clone()).collect();
        }
        if values.len() != names.len() || ty.is_some() {
            return names.iter().map(|_| None).collect();
        }
        values.iter().map(|v| self.shown.get(&ShownKey::Expr(v.span)).cloned()).collect()
    }

    /// Records how the type of the expression at `span` reads, taken from `key`.
    pub(super) fn show_as(&mut self, span: Span, key: ShownKey) {
        if let Some(s) = self.shown.get(&key).cloned() {
            self.shown.insert(ShownKey::Expr(span), s);
        }
    }

    /// The declaring span of a variable seen from the current function.
    pub(super) fn var_decl_span(&self, loc: VarLoc) -> Option<Span> {
        let mut loc = loc;
        for fb in self.fbs.iter().rev() {
            match loc {
                VarLoc::Local(i) => return fb.locals.get(i).map(|l| l.span),
                VarLoc::Capture(c) => loc = fb.captures.get(c as usize)?.from,
            }
        }
        None
    }

    /// The type of `op` as gc's messages print it.
    pub(super) fn shown_type(&self, op: &Operand) -> String {
        match (&op.mode, self.shown.get(&ShownKey::Expr(op.span))) {
            (Mode::Value { .. }, Some(s)) => s.clone(),
            _ => self.name(op.ty),
        }
    }

    /// A native package function's type with Go's names for its parameters and results.
    pub(super) fn shown_native(&self, native: crate::go::bytecode::Native, ty: TypeId) -> Option<String> {
        let (params, results) = super::universe::native_names(native)?;
        let TypeKind::Func(sig) = self.types.kind(ty) else { return None };
        if params.len() != sig.params.len() || (!results.is_empty() && results.len() != sig.results.len()) {
            return None;
        }
        let last = params.len().saturating_sub(1);
        let shown_params: Vec<String> = params
            .iter()
            .zip(&sig.params)
            .enumerate()
            .map(|(i, (name, &t))| match self.types.kind(t) {
                TypeKind::Slice(elem) if sig.variadic && i == last => format!("{name} ...{}", self.name(*elem)),
                _ => format!("{name} {}", self.name(t)),
            })
            .collect();
        let mut out = format!("func({})", shown_params.join(", "));
        let types: Vec<String> = sig.results.iter().map(|&t| self.name(t)).collect();
        match types.as_slice() {
            [] => {}
            [one] if results.is_empty() => {
                out.push(' ');
                out.push_str(one);
            }
            _ if results.is_empty() => out.push_str(&format!(" ({})", types.join(", "))),
            _ => {
                let named: Vec<String> = results.iter().zip(&types).map(|(n, t)| format!("{n} {t}")).collect();
                out.push_str(&format!(" ({})", named.join(", ")));
            }
        }
        Some(out)
    }
}
