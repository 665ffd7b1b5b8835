//! `sync.OnceFunc`, `sync.OnceValue` and `sync.OnceValues`: generic in Go, so typed here
//! from their argument, and compiled from Go source (one function per result types) that
//! does what Go's `sync/oncefunc.go` does: `f` runs once, later calls return its results or
//! panic again with its panic value.

use std::collections::HashMap;

use super::expr::Operand;
use super::Compiler;
use crate::go::ast::{Decl, Expr, Span};
use crate::go::bytecode::{FuncId, Op};
use crate::go::types::{Signature, TypeId, TypeKind};

/// The body shared by the three functions: `RESULTS` are the declared result variables.
const TEMPLATE: &str = "package p

func _(f func() RES) func() RES {
	var once SYNC.Once
	var valid bool
	var p any
	DECLS
	return func() RES {
		once.Do(func() {
			defer func() {
				f = nil
				p = recover()
				if !valid {
					panic(p)
				}
			}()
			ASSIGN
			valid = true
		})
		if !valid {
			panic(p)
		}
		return NAMES
	}
}
";

/// Compiled instances, by function name and result types.
pub type OnceInstances = HashMap<(&'static str, Vec<TypeId>), FuncId>;

impl<'a> Compiler<'a> {
    /// A call of `sync.<name>(args)`; `sync` is the import's name in the file.
    pub(super) fn once_call(&mut self, sync: &str, name: &'static str, args: &[Expr], span: Span) -> Operand {
        let fname = format!("{sync}.{name}");
        let [arg] = args else {
            let which = if args.is_empty() { "not enough" } else { "too many" };
            self.error(span, format!("{which} arguments in call to {fname}"));
            return Operand::bad(span);
        };
        let results = if name == "OnceFunc" {
            let want =
                self.types.intern(TypeKind::Func(Signature { params: vec![], results: vec![], variadic: false }));
            if self.value(arg, Some(want), &format!("argument to {fname}")).is_none() {
                return Operand::bad(span);
            }
            Vec::new()
        } else {
            let op = self.expr(arg, None);
            if op.is_bad() {
                return op;
            }
            let want = if name == "OnceValue" { "func() T" } else { "func() (T1, T2)" };
            let n = if name == "OnceValue" { 1 } else { 2 };
            match self.sig(op.ty) {
                Some(s)
                    if s.params.is_empty() && s.results.len() == n && self.convert(op.clone(), None, "").is_some() =>
                {
                    s.results
                }
                _ => {
                    let d = self.types.error_name(op.ty);
                    let text = self.text(arg.span);
                    self.error(arg.span, format!("in call to {fname}, type {d} of {text} does not match {want}"));
                    return Operand::bad(span);
                }
            }
        };
        let Some(id) = self.once_instance(sync, name, &results, span) else { return Operand::bad(span) };
        self.emit(Op::Call { func: id, argc: 1 });
        let inner = self.types.intern(TypeKind::Func(Signature { params: vec![], results, variadic: false }));
        Operand::value(inner, span)
    }

    /// The compiled function for these result types, compiled on first use.
    fn once_instance(&mut self, sync: &str, name: &'static str, results: &[TypeId], span: Span) -> Option<FuncId> {
        if let Some(&id) = self.once_instances.get(&(name, results.to_vec())) {
            return Some(id);
        }
        let types: Vec<String> = (0..results.len()).map(|i| format!("T{i}")).collect();
        let names: Vec<String> = (0..results.len()).map(|i| format!("r{i}")).collect();
        let res = match types.len() {
            0 => String::new(),
            1 => types[0].clone(),
            _ => format!("({})", types.join(", ")),
        };
        let decls: Vec<String> = names.iter().zip(&types).map(|(n, t)| format!("var {n} {t}")).collect();
        let assign = if names.is_empty() { "f()".to_owned() } else { format!("{} = f()", names.join(", ")) };
        let src = TEMPLATE
            .replace("RES", &res)
            .replace("SYNC", sync)
            .replace("DECLS", &decls.join("\n\t"))
            .replace("ASSIGN", &assign)
            .replace("NAMES", &names.join(", "));
        let (file, diags) = crate::go::parser::parse_file(&src);
        let Some(Decl::Func(decl)) = file.decls.first().filter(|_| diags.is_empty()) else {
            self.error(span, format!("internal error: sync.{name}"));
            return None;
        };
        let body = decl.body.as_ref()?;
        let label = if results.is_empty() { format!("sync.{name}") } else { format!("sync.{name}[...]") };
        let line = self.line_of(span);
        let id = self.reserve_func(label.clone(), line);
        self.once_instances.insert((name, results.to_vec()), id);
        // Compiled alone, with only its type parameters in scope; its spans are the
        // template's, so its code is put on the line of the call.
        let first = self.funcs.len();
        let fbs = std::mem::take(&mut self.fbs);
        let types_len = self.local_types.len();
        self.local_types.extend(types.into_iter().zip(results.iter().copied()));
        let diags_len = self.diags.len();
        self.compile_function(id, label, None, &decl.sig, body, span);
        self.diags.truncate(diags_len);
        self.local_types.truncate(types_len);
        self.fbs = fbs;
        for i in std::iter::once(id as usize).chain(first..self.funcs.len()) {
            if let Some(proto) = self.funcs.get_mut(i) {
                proto.line = line;
                proto.lines.iter_mut().for_each(|l| *l = line);
            }
        }
        Some(id)
    }
}
