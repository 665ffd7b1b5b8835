//! Methods promoted through embedded fields get small wrapper functions, so that a value
//! stored in an interface finds them like its own methods (`CallIface`, `fmt`'s `String()`).

use super::typeck::Selection;
use super::Compiler;
use crate::go::bytecode::{FuncProto, MethodImpl, Op};
use crate::go::types::{TypeId, TypeKind};
use crate::go::value::Callee;

impl<'a> Compiler<'a> {
    /// Adds wrappers for the promoted methods of every named struct type with embedded
    /// fields, for the type and its pointer type.
    pub fn promote_methods(&mut self) {
        let named: Vec<TypeId> = (0..self.types.len() as TypeId)
            .filter(|t| matches!(self.types.kind(*t), TypeKind::Named { package, .. } if package == "main"))
            .filter(|t| matches!(self.types.under(*t), TypeKind::Struct(fields) if fields.iter().any(|f| f.embedded)))
            .collect();
        for ty in named {
            for name in self.embedded_method_names(ty, 0) {
                if self.methods.get(&ty).is_some_and(|ms| ms.iter().any(|(n, _)| *n == name)) {
                    continue;
                }
                let ptr = self.pointer_to(ty);
                for recv in [ty, ptr] {
                    if let Some(imp) = self.wrapper(recv, &name) {
                        self.promoted.insert((recv, name.clone()), imp);
                    }
                }
            }
        }
    }

    fn embedded_method_names(&self, ty: TypeId, depth: u32) -> Vec<String> {
        let mut names = Vec::new();
        if depth > 6 {
            return names;
        }
        let base = match self.types.kind(ty) {
            TypeKind::Pointer(e) => *e,
            _ => ty,
        };
        if let TypeKind::Struct(fields) = self.types.under(base) {
            for f in fields.iter().filter(|f| f.embedded) {
                let fb = match self.types.kind(f.ty) {
                    TypeKind::Pointer(e) => *e,
                    _ => f.ty,
                };
                if let Some(ms) = self.methods.get(&fb) {
                    names.extend(ms.iter().map(|(n, _)| n.clone()));
                }
                names.extend(self.native_methods.keys().filter(|(t, _)| *t == fb).map(|(_, n)| n.to_string()));
                if let TypeKind::Interface(ms) = self.types.under(fb) {
                    names.extend(ms.iter().map(|m| m.name.clone()));
                }
                names.extend(self.embedded_method_names(f.ty, depth + 1));
            }
        }
        crate::go::diag::sort_small_by_key(&mut names, |n| n.clone());
        names.dedup();
        names
    }

    /// A function `(recv, args...) → results` that reaches the embedded receiver and calls.
    fn wrapper(&mut self, recv: TypeId, name: &str) -> Option<MethodImpl> {
        let selection = self.lookup(recv, name)?;
        let recv_is_ptr = matches!(self.types.kind(recv), TypeKind::Pointer(_));
        let (path, sig) = match &selection {
            Selection::Method { path, decl, .. } => (path.clone(), decl.sig),
            Selection::NativeMethod { path, sig, .. } => (path.clone(), *sig),
            Selection::IfaceMethod { path, sig } => (path.clone(), *sig),
            Selection::Field { .. } => return None,
        };
        if path.is_empty() {
            return None;
        }
        let through_ptr = path.iter().any(|s| matches!(self.types.kind(s.ty), TypeKind::Pointer(_)));
        let wants_ptr = match &selection {
            Selection::Method { decl, .. } => decl.ptr,
            Selection::NativeMethod { ptr, .. } => *ptr,
            _ => false,
        };
        // Go's method sets: the value type only gets pointer methods through an embedded pointer.
        if wants_ptr && !recv_is_ptr && !through_ptr {
            return None;
        }
        let sig = self.sig(sig)?;
        let n = sig.params.len() as u16;
        let results = sig.results.len() as u16;
        let mut code = vec![Op::Load(0)];
        for step in &path {
            code.push(Op::Field(step.index));
        }
        let cur = path.last().map(|s| s.ty).unwrap_or(recv);
        let cur_is_ptr = matches!(self.types.kind(cur), TypeKind::Pointer(_));
        match &selection {
            Selection::IfaceMethod { .. } => {}
            _ if wants_ptr => {
                if !cur_is_ptr {
                    code.push(Op::AggToPtr);
                }
            }
            _ => {
                if cur_is_ptr {
                    code.push(Op::Deref);
                }
                code.push(Op::Copy);
            }
        }
        for i in 0..n {
            code.push(Op::Load(1 + i));
        }
        match selection {
            Selection::Method { decl, .. } => code.push(Op::Call { func: decl.func, argc: n + 1 }),
            Selection::NativeMethod { native, .. } => code.push(Op::CallNative { native, argc: n + 1 }),
            Selection::IfaceMethod { .. } => {
                let id = self.method_id(name);
                code.push(Op::CallIface { method: id, argc: n });
            }
            Selection::Field { .. } => return None,
        }
        for i in (0..results).rev() {
            code.push(Op::Store(1 + n + i));
        }
        code.push(Op::Return);
        let proto = FuncProto {
            name: format!("main.{}.{name}", self.types.go_name(recv).trim_start_matches("main.")),
            line: 1,
            params: n + 1,
            results,
            locals: n + 1 + results,
            captures: 0,
            lines: vec![1; code.len()],
            code,
            selects: Vec::new(),
            result_types: sig.results.clone(),
        };
        self.funcs.push(proto);
        let id = (self.funcs.len() - 1) as u32;
        Some(MethodImpl { callee: Callee::Func(id), deref: false })
    }
}
