//! Go's panic values and texts, tracebacks, and the endings of a run the VM decides itself
//! (fatal errors, limits).

use std::rc::Rc;

use super::super::bytecode::FuncId;
use super::super::types::{predeclared, TypeId};
use super::super::value::{Iface, Value};
use super::calls::Flow;
use super::fiber::{frame_line, Fiber, Pending};
use super::{Res, Trap, Vm};
use crate::runtime::ExitKind;

/// Message of Go's nil pointer dereference (its uncaught form adds a `[signal SIGSEGV ...]` line).
pub(crate) const NIL_DEREF: &str = "runtime error: invalid memory address or nil pointer dereference";

/// Frames printed at each end of a very deep traceback (Go elides the middle too).
const TRACE_EDGE: usize = 50;

impl Vm {
    /// A run-time error value as `recover` returns it: `Error()` gives `msg`.
    pub fn runtime_error(&self, msg: String) -> Value {
        self.runtime_error_of(self.program.well_known.runtime_error, msg)
    }

    /// A run-time error of type `ty` (one of the `runtime` error types of [`WellKnown`]), so
    /// that `%T` of the recovered value names the type Go uses.
    ///
    /// [`WellKnown`]: super::super::bytecode::WellKnown
    pub fn runtime_error_of(&self, ty: TypeId, msg: String) -> Value {
        Value::Iface(Rc::new(Iface { ty, value: Value::bytes(msg.into_bytes()) }))
    }

    /// `send on closed channel`, `close of nil channel`: a `runtime.plainError`.
    pub fn plain_error(&self, msg: &str) -> Value {
        self.runtime_error_of(self.program.well_known.plain_error, msg.to_owned())
    }

    /// Counts `n` instructions of work done outside goroutines (timer callbacks); ends the
    /// run past the CPU budget. Returns false if it did.
    pub fn charge(&self, n: u64) -> bool {
        let total = self.steps.get().saturating_add(n);
        self.steps.set(total);
        match self.limits.cpu_budget {
            Some(max) if total > max => {
                self.rt.end_with(ExitKind::Fatal, 2, self.timeout_lines());
                false
            }
            _ => true,
        }
    }

    fn timeout_lines(&self) -> Vec<String> {
        let max = self.limits.cpu_budget.unwrap_or(0);
        vec![
            "timeout running program".to_owned(),
            format!("le carnet arrête un programme après {max} instructions (boucle sans fin ?)"),
        ]
    }
}

impl Fiber {
    /// `runtime error: msg`, recoverable.
    pub fn rt_panic(&self, msg: &str) -> Trap {
        Trap::Panic(self.vm.runtime_error(format!("runtime error: {msg}")))
    }

    /// A run-time panic whose message has no `runtime error: ` prefix (`assignment to entry in
    /// nil map`, `close of closed channel`).
    pub fn runtime_panic_plain(&self, msg: &str) -> Trap {
        Trap::Panic(self.vm.plain_error(msg))
    }

    /// An index or slice bounds failure: a `runtime.boundsError`.
    pub fn bounds_panic(&self, msg: &str) -> Trap {
        let ty = self.vm.program.well_known.bounds_error;
        Trap::Panic(self.vm.runtime_error_of(ty, format!("runtime error: {msg}")))
    }

    /// A panic with a plain `string` value (what `sync` panics with).
    pub fn plain_panic_value(&self, msg: &str) -> Value {
        Value::Iface(Rc::new(Iface { ty: predeclared::STRING, value: Value::str(msg) }))
    }

    pub fn nil_deref(&self) -> Trap {
        Trap::Panic(self.vm.runtime_error(NIL_DEREF.to_owned()))
    }

    /// `index out of range [i] with length n`.
    pub fn index_panic(&self, i: i64, len: usize) -> Trap {
        if i < 0 {
            self.bounds_panic(&format!("index out of range [{i}]"))
        } else {
            self.bounds_panic(&format!("index out of range [{i}] with length {len}"))
        }
    }

    /// Frames (function, line), innermost first.
    pub fn capture_trace(&self) -> Vec<(FuncId, u32)> {
        if self.returned {
            return Vec::new();
        }
        let program = &self.vm.program;
        std::iter::once(&self.cur)
            .chain(self.frames.iter().rev())
            .map(|frame| (frame.func, frame_line(program, frame)))
            .collect()
    }

    /// Go's traceback lines for `trace`, then `created by ...` for a goroutine other than main.
    pub fn traceback_lines(&self, trace: &[(FuncId, u32)], _running: bool) -> Vec<String> {
        let program = &self.vm.program;
        let mut lines = Vec::new();
        let frame = |lines: &mut Vec<String>, func: FuncId, line: u32| {
            let (name, params) = program.funcs.get(func as usize).map_or(("?", 0), |f| (f.name.as_str(), f.params));
            lines.push(format!("{name}({})", if params > 0 { "..." } else { "" }));
            lines.push(format!("\tprog.go:{line}"));
        };
        if trace.len() > 2 * TRACE_EDGE {
            for &(func, line) in &trace[..TRACE_EDGE] {
                frame(&mut lines, func, line);
            }
            lines.push(format!("...{} frames elided...", trace.len() - 2 * TRACE_EDGE));
            for &(func, line) in &trace[trace.len() - TRACE_EDGE..] {
                frame(&mut lines, func, line);
            }
        } else {
            for &(func, line) in trace {
                frame(&mut lines, func, line);
            }
        }
        if let (func, line, parent @ 1..) = self.created_by {
            let name = program.funcs.get(func as usize).map_or("?", |f| f.name.as_str());
            lines.push(format!("created by {name} in goroutine {parent}"));
            lines.push(format!("\tprog.go:{line}"));
        }
        lines
    }

    /// What Go prints after `panic: ` for `v`.
    fn panic_text(&mut self, v: &Value) -> String {
        if let Value::Iface(iface) = v {
            let wk = &self.vm.program.well_known;
            let runtime = [wk.runtime_error, wk.plain_error, wk.bounds_error, wk.assert_error_ptr, wk.panic_nil_ptr];
            if runtime.contains(&iface.ty) || iface.ty == predeclared::STRING {
                return String::from_utf8_lossy(iface.value.as_bytes()).into_owned();
            }
        }
        match super::super::fmt::panic_value(self, v) {
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            Err(_) => "(panic while printing the panic value)".to_owned(),
        }
    }

    /// An unrecovered panic: Go's message, the goroutine's traceback, status 2.
    pub fn uncaught(&mut self) -> Trap {
        let extra = self.extra();
        let panics: Vec<(Value, bool, bool)> =
            extra.panics.iter().filter(|p| !p.goexit).map(|p| (p.value.clone(), p.recovered, p.repanicked)).collect();
        let trace = std::mem::take(&mut extra.trace);
        let mut lines = Vec::new();
        let mut first = String::new();
        let mut last_text = String::new();
        for (i, (value, recovered, repanicked)) in panics.iter().enumerate() {
            if self.vm.rt.exited().is_some() {
                return Trap::Halt;
            }
            let text = self.panic_text(value);
            let mut line = if i > 0 { "\tpanic: ".to_owned() } else { "panic: ".to_owned() };
            line.push_str(&text);
            if *repanicked {
                line.push_str(" [recovered, repanicked]");
            } else if *recovered {
                line.push_str(" [recovered]");
            }
            if i == 0 {
                first = text.clone();
            }
            last_text = text;
            lines.push(line);
        }
        if last_text == NIL_DEREF {
            lines.push("[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]".to_owned());
        }
        lines.push(String::new());
        lines.push(format!("goroutine {} [running]:", self.gid));
        lines.extend(self.traceback_lines(&trace, true));
        if let Some(&(_, line)) = trace.first() {
            self.vm.rt.set_fault_line(line);
        }
        self.vm.rt.panic_with(&first, lines);
        Trap::Halt
    }

    /// Ends the run with Go's `fatal error: msg` and this goroutine's traceback.
    pub fn fatal(&mut self, msg: &str) -> Trap {
        let mut lines =
            vec![format!("fatal error: {msg}"), String::new(), format!("goroutine {} [running]:", self.gid)];
        lines.extend(self.traceback_lines(&self.capture_trace(), true));
        self.end(lines)
    }

    fn end(&mut self, lines: Vec<String>) -> Trap {
        self.vm.rt.end_with(ExitKind::Fatal, 2, lines);
        Trap::Halt
    }

    /// A state the compiler should never produce: end the run instead of crashing the page.
    pub fn internal(&mut self, msg: &str) -> Trap {
        let line = self.current_line();
        self.end(vec![
            format!("fatal error: interpreter: {msg} (prog.go:{line})"),
            "erreur interne de l'interpréteur du carnet : le programme est arrêté".to_owned(),
        ])
    }

    pub fn stack_overflow(&mut self) -> Trap {
        let mut lines = vec![
            "runtime: goroutine stack exceeds 1000000000-byte limit".to_owned(),
            "fatal error: stack overflow".to_owned(),
            String::new(),
            format!("goroutine {} [running]:", self.gid),
        ];
        lines.extend(self.traceback_lines(&self.capture_trace(), true));
        lines.push(format!(
            "(le carnet limite la profondeur d'appel à {} appels imbriqués)",
            self.vm.limits.max_call_depth
        ));
        self.end(lines)
    }

    pub fn limit_goroutines(&mut self) -> Trap {
        let max = self.vm.limits.max_goroutines;
        self.end(vec![
            "fatal error: too many goroutines".to_owned(),
            format!("le carnet limite un programme à {max} goroutines vivantes à la fois"),
        ])
    }

    /// Reserves `bytes` of the approximate heap; Go's out-of-memory fatal error past the limit.
    pub fn alloc(&mut self, bytes: u64) -> Res {
        let total = self.vm.heap.get().saturating_add(bytes);
        if total > self.vm.limits.max_heap_bytes {
            let mut lines = vec![
                "fatal error: runtime: out of memory".to_owned(),
                String::new(),
                format!("goroutine {} [running]:", self.gid),
            ];
            lines.extend(self.traceback_lines(&self.capture_trace(), true));
            lines.push(format!(
                "(le carnet limite la mémoire d'un programme à {} Mio)",
                self.vm.limits.max_heap_bytes >> 20
            ));
            return Err(self.end(lines));
        }
        self.vm.heap.set(total);
        Ok(())
    }

    /// Gives back `bytes` the VM saw freed.
    pub fn free(&self, bytes: u64) {
        self.vm.heap.set(self.vm.heap.get().saturating_sub(bytes));
    }

    pub fn output_limit(&mut self) -> Trap {
        let (lines, bytes) = (self.vm.limits.max_output_lines, self.vm.limits.max_output_bytes);
        self.end(vec![
            "fatal error: too much output".to_owned(),
            format!("le carnet arrête un programme qui écrit plus de {lines} lignes ou {bytes} octets"),
        ])
    }

    pub fn blocked_in_nested(&mut self) -> Trap {
        self.end(vec![
            "fatal error: a method called by a library function blocked".to_owned(),
            "le carnet ne sait pas bloquer (channel, verrou, Sleep) dans une méthode String() ou Error() \
             appelée par fmt ou errors"
                .to_owned(),
        ])
    }

    /// The time slice is used up: count it, stop past the CPU budget, else yield.
    pub fn preempt(&mut self, slice: i32) -> Res<Flow> {
        let used = (i64::from(slice) - i64::from(self.budget)).max(0) as u64;
        self.budget = slice;
        let vm = self.vm.clone();
        if !vm.charge(used) {
            return Err(Trap::Halt);
        }
        if self.nested() > 0 {
            return Ok(Flow::Continue);
        }
        Err(self.block_on(Pending::Yield(vm.rt.gosched())))
    }
}
