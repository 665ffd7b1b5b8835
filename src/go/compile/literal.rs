//! Composite literals (structs, arrays, slices, maps, with elided types) and function
//! literals (closures and their captures).

use super::expr::{Mode, Operand};
use super::func::{FuncBuilder, VarLoc};
use super::{escape, Compiler, FuncId};
use crate::go::ast::{Block, Element, Expr, ExprKind, FuncType, Span, TypeExpr};
use crate::go::bytecode::Op;
use crate::go::types::{TypeId, TypeKind};

impl<'a> Compiler<'a> {
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

    pub(super) fn elem_value(&mut self, e: &Expr, ty: TypeId, context: &str) -> Option<TypeId> {
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

    pub(super) fn literal_len(&mut self, elems: &[Element]) -> u64 {
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

    pub(super) fn const_index(&mut self, e: &Expr) -> Option<u64> {
        let mark = self.fb().here();
        let op = self.expr(e, None);
        self.truncate(mark);
        match op.mode {
            Mode::Const(v) => v.to_int().and_then(|i| u64::try_from(i).ok()),
            _ => None,
        }
    }

    /// Elements of an array or slice literal, in index order, gaps zeroed.
    pub(super) fn indexed_elems(&mut self, elems: &[Element], elem: TypeId, len: Option<u64>, span: Span) -> bool {
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
        // gc names a closure in a function `main.f.func1`, one in a closure `main.f.func1.1`.
        let nested = self.fbs.len() > 1;
        let parent = self.fb();
        parent.closures += 1;
        let name = if nested {
            format!("{}.{}", parent.proto.name, parent.closures)
        } else {
            format!("{}.func{}", parent.proto.name, parent.closures)
        };
        let line = self.line_of(span);
        let id = self.reserve_func(name.clone(), line);
        let escaping = escape::escaping(body, &self.rangefuncs);
        self.fbs.push(FuncBuilder::new(name, line, escaping));
        self.declare_params(None, sig);
        self.function_body(body);
        let Some(fb) = self.fbs.pop() else { return Operand::bad(span) };
        self.make_closure(fb, id);
        Operand::value(fty, span)
    }

    /// Finishes the function being built (`fb`, popped) and emits, in the enclosing one, the
    /// closure over the variables it captured.
    pub(super) fn make_closure(&mut self, fb: FuncBuilder, id: FuncId) {
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
    }
}
