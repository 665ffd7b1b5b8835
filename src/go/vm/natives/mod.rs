//! Functions and methods implemented in Rust ([`Native`]): each pops nothing itself, takes
//! its flattened arguments and pushes its results (or parks the goroutine).

mod errors;
mod fmt_host;
mod strings;
pub(super) mod sync;
mod time;

use super::super::bytecode::Native;
use super::super::value::Value;
use super::fiber::Fiber;
use super::Res;
use crate::runtime::Stream;

impl Fiber {
    /// Calls `native` with `args`; its results are pushed on the stack.
    pub(crate) fn call_native(&mut self, native: Native, args: &[Value]) -> Res {
        use Native as N;
        match native {
            N::FmtPrintln
            | N::FmtPrintf
            | N::FmtPrint
            | N::FmtSprintf
            | N::FmtSprint
            | N::FmtSprintln
            | N::FmtErrorf
            | N::BuiltinPrintln
            | N::BuiltinPrint
            | N::FmtFprint
            | N::FmtFprintln
            | N::FmtFprintf
            | N::OsStdout
            | N::OsStderr
            | N::FileWrite => self.native_fmt(native, args),
            N::TimeSleep
            | N::TimeNow
            | N::TimeSince
            | N::TimeAfter
            | N::TimeTick
            | N::TimeSub
            | N::TimeUntil
            | N::TimeNewTimer
            | N::TimeNewTicker
            | N::TimeAfterFunc
            | N::TimerStop
            | N::TimerReset
            | N::TickerStop
            | N::TickerReset
            | N::TimeBefore
            | N::TimeAfterTime
            | N::TimeEqual
            | N::TimeIsZero
            | N::TimeAdd
            | N::DurationString
            | N::DurationSeconds
            | N::DurationMinutes
            | N::DurationHours
            | N::DurationMilliseconds
            | N::DurationMicroseconds
            | N::DurationNanoseconds
            | N::DurationRound
            | N::DurationTruncate => self.native_time(native, args),
            N::WaitGroupAdd
            | N::WaitGroupDone
            | N::WaitGroupWait
            | N::WaitGroupGo
            | N::MutexLock
            | N::MutexUnlock
            | N::MutexTryLock
            | N::RWMutexTryLock
            | N::RWMutexTryRLock
            | N::RWMutexLock
            | N::RWMutexUnlock
            | N::RWMutexRLock
            | N::RWMutexRUnlock
            | N::OnceDo
            | N::RuntimeNumGoroutine
            | N::RuntimeGosched
            | N::RuntimeGoexit
            | N::RuntimeNumCPU
            | N::RuntimeGOMAXPROCS
            | N::OsExit => self.native_sync(native, args),
            N::ErrorsNew
            | N::ErrorsIs
            | N::ErrorsAs
            | N::ErrorsUnwrap
            | N::ErrorsJoin
            | N::ErrorStringError
            | N::WrapErrorError
            | N::WrapErrorUnwrap
            | N::RuntimeErrorError
            | N::RuntimeErrorMarker
            | N::RangeDefers
            | N::RangeFuncCheck
            | N::RangeFuncExit => self.native_errors(native, args),
            _ => self.native_strings(native, args),
        }
    }

    /// Program output, within the run's output limits.
    pub(crate) fn write_out(&mut self, stream: Stream, bytes: &[u8]) -> Res {
        if bytes.is_empty() {
            return Ok(());
        }
        let vm = self.vm.clone();
        let lines = bytes.iter().filter(|&&b| b == b'\n').count() as u64;
        let total_bytes = vm.out_bytes.get().saturating_add(bytes.len() as u64);
        let total_lines = vm.out_lines.get().saturating_add(lines);
        vm.out_bytes.set(total_bytes);
        vm.out_lines.set(total_lines);
        if total_bytes > vm.limits.max_output_bytes || total_lines > vm.limits.max_output_lines {
            return Err(self.output_limit());
        }
        vm.rt.write(stream, bytes);
        Ok(())
    }
}

/// Argument `i` (or `Nil`).
/// Natives with a `...` parameter: called through a function value, they receive the
/// compiler's packed slice last, which is spread back into arguments.
pub(crate) fn is_variadic(native: Native) -> bool {
    matches!(
        native,
        Native::FmtPrintln
            | Native::FmtPrintf
            | Native::FmtPrint
            | Native::FmtSprintf
            | Native::FmtSprint
            | Native::FmtSprintln
            | Native::FmtErrorf
            | Native::ErrorsJoin
    )
}

pub(crate) fn arg(args: &[Value], i: usize) -> Value {
    args.get(i).cloned().unwrap_or_default()
}
