//! `sync`, `runtime` and `os`. A `sync` object is a struct whose single hidden field holds its
//! Rust state ([`NativeState`]); the runtime primitive behind it is made on first use.

use std::cell::RefCell;
use std::rc::Rc;

use super::super::super::bytecode::Native;
use super::super::super::value::{Native as NativeState, Value};
use super::super::fiber::{Fiber, Pending, Resume};
use super::super::{Res, Trap};
use crate::runtime::{Mutex as RtMutex, Runtime, RwMutex, WaitGroup};

/// What `runtime.NumCPU()` and `runtime.GOMAXPROCS` report: a fixed 8, so output does not
/// depend on the reader's machine (goroutines run one at a time here anyway).
const NUM_CPU: i64 = 8;

impl Fiber {
    /// The state cell of a `sync` object given as a pointer to its struct.
    fn state_cell(&mut self, v: &Value) -> Res<Rc<RefCell<NativeState>>> {
        let cell = match v {
            Value::Native(cell) => Some(cell.clone()),
            Value::AggPtr(b) | Value::Agg(b) => match b.borrow().first() {
                Some(Value::Native(cell)) => Some(cell.clone()),
                _ => None,
            },
            Value::Nil => return Err(self.nil_deref()),
            _ => None,
        };
        cell.ok_or_else(|| self.internal("sync method on a value without its state"))
    }

    fn wait_group(&mut self, v: &Value) -> Res<WaitGroup> {
        let cell = self.state_cell(v)?;
        let mut state = cell.borrow_mut();
        match &mut *state {
            NativeState::WaitGroup(wg) => Ok(wg.get_or_insert_with(|| self.vm.rt.wait_group()).clone()),
            _ => {
                drop(state);
                Err(self.internal("WaitGroup method on another type"))
            }
        }
    }

    fn mutex(&mut self, v: &Value) -> Res<RtMutex> {
        let cell = self.state_cell(v)?;
        let mut state = cell.borrow_mut();
        match &mut *state {
            NativeState::Mutex(m) => Ok(m.get_or_insert_with(|| self.vm.rt.mutex()).clone()),
            _ => {
                drop(state);
                Err(self.internal("Mutex method on another type"))
            }
        }
    }

    fn rw_mutex(&mut self, v: &Value) -> Res<RwMutex> {
        let cell = self.state_cell(v)?;
        let state = cell.borrow();
        match &*state {
            NativeState::RWMutex(rw) => Ok(rw.borrow_mut().lock.get_or_insert_with(|| self.vm.rt.rw_mutex()).clone()),
            _ => {
                drop(state);
                Err(self.internal("RWMutex method on another type"))
            }
        }
    }

    /// The hot `sync` and `time` natives run on their arguments where they lie, on top of the
    /// stack (`argc` of them): no argument array, no handle clones. `None` when `native` is
    /// not one of them, or its arguments are not the usual ones (a nil pointer, a state made
    /// for another type): the general path then runs it and raises what Go raises. On
    /// `Some`, the arguments are popped.
    #[inline(always)]
    pub(crate) fn native_in_place(&mut self, native: Native, argc: usize) -> Option<Res> {
        let at = self.stack.len().checked_sub(argc)?;
        let r = match (native, argc) {
            (Native::WaitGroupAdd | Native::WaitGroupDone, _) => {
                let delta = match (native, self.stack.get(at + 1)) {
                    (Native::WaitGroupDone, None) => -1,
                    (Native::WaitGroupAdd, Some(&Value::Int(d))) if argc == 2 => d,
                    _ => return None,
                };
                let rt = &self.vm.rt;
                let added = with_state(self.stack.get(at)?, |state| match state {
                    NativeState::WaitGroup(wg) => Some(wg.get_or_insert_with(|| rt.wait_group()).try_add(delta)),
                    _ => None,
                })??;
                drop_args(&mut self.stack, at);
                if added {
                    Ok(())
                } else {
                    Err(Trap::Panic(self.plain_panic_value("sync: negative WaitGroup counter")))
                }
            }
            (Native::MutexLock | Native::MutexUnlock, 1) => {
                let rt = &self.vm.rt;
                let lock = native == Native::MutexLock;
                // Locked (or unlocked) at once, else the mutex to wait on.
                let outcome = with_state(self.stack.get(at)?, |state| match state {
                    NativeState::Mutex(m) => {
                        let m = m.get_or_insert_with(|| rt.mutex());
                        Some(match (lock, lock && m.try_lock()) {
                            (true, true) => Ok(true),
                            (true, false) => Err(m.clone()),
                            (false, _) => Ok(m.try_unlock()),
                        })
                    }
                    _ => None,
                })??;
                drop_args(&mut self.stack, at);
                match outcome {
                    Ok(true) => Ok(()),
                    Ok(false) => Err(self.fatal("sync: unlock of unlocked mutex")),
                    Err(m) => {
                        let op = Box::pin(async move {
                            m.lock().await;
                            Resume::Nothing
                        });
                        Err(self.block_on(Pending::Op(op)))
                    }
                }
            }
            (Native::TimeSleep, 1) => {
                let &Value::Int(d) = self.stack.get(at)? else { return None };
                drop_args(&mut self.stack, at);
                if d <= 0 {
                    return Some(Ok(()));
                }
                let sleep = self.vm.rt.sleep(std::time::Duration::from_nanos(d as u64));
                Err(self.block_on(Pending::Sleep(sleep)))
            }
            _ => return None,
        };
        Some(r)
    }

    pub(super) fn native_sync(&mut self, native: Native, args: &[Value]) -> Res {
        let a0 = super::arg(args, 0);
        match native {
            Native::WaitGroupAdd | Native::WaitGroupDone => {
                let wg = self.wait_group(&a0)?;
                let delta = if native == Native::WaitGroupDone { -1 } else { super::arg(args, 1).as_int() };
                if !wg.try_add(delta) {
                    return Err(Trap::Panic(self.plain_panic_value("sync: negative WaitGroup counter")));
                }
            }
            Native::WaitGroupWait => {
                let wg = self.wait_group(&a0)?;
                if wg.counter() != 0 {
                    let op = Box::pin(async move {
                        wg.wait().await;
                        Resume::Nothing
                    });
                    return Err(self.block_on(Pending::Op(op)));
                }
            }
            Native::WaitGroupGo => {
                let wg = self.wait_group(&a0)?;
                wg.try_add(1);
                self.spawn(super::arg(args, 1), Vec::new(), Some(wg))?;
            }
            Native::MutexLock => {
                let m = self.mutex(&a0)?;
                if !m.try_lock() {
                    let op = Box::pin(async move {
                        m.lock().await;
                        Resume::Nothing
                    });
                    return Err(self.block_on(Pending::Op(op)));
                }
            }
            Native::MutexUnlock => {
                let m = self.mutex(&a0)?;
                if !m.try_unlock() {
                    return Err(self.fatal("sync: unlock of unlocked mutex"));
                }
            }
            Native::MutexTryLock => {
                let m = self.mutex(&a0)?;
                let ok = m.try_lock();
                self.push(Value::Bool(ok));
            }
            Native::RWMutexTryLock | Native::RWMutexTryRLock => {
                let rw = self.rw_mutex(&a0)?;
                let ok = if native == Native::RWMutexTryLock { rw.try_lock() } else { rw.try_rlock() };
                self.push(Value::Bool(ok));
            }
            Native::RWMutexLock | Native::RWMutexRLock => {
                let rw = self.rw_mutex(&a0)?;
                let write = native == Native::RWMutexLock;
                let op = Box::pin(async move {
                    if write {
                        rw.lock().await;
                    } else {
                        rw.rlock().await;
                    }
                    Resume::Nothing
                });
                return Err(self.block_on(Pending::Op(op)));
            }
            Native::RWMutexUnlock => {
                let rw = self.rw_mutex(&a0)?;
                if !rw.try_unlock() {
                    return Err(self.fatal("sync: Unlock of unlocked RWMutex"));
                }
            }
            Native::RWMutexRUnlock => {
                let rw = self.rw_mutex(&a0)?;
                if !rw.try_runlock() {
                    return Err(self.fatal("sync: RUnlock of unlocked RWMutex"));
                }
            }
            Native::OnceDo => return self.once_do(&a0, super::arg(args, 1)),
            Native::RuntimeNumGoroutine => self.push(Value::Int(self.vm.live.get() as i64)),
            Native::RuntimeGosched => return Err(self.block_on(Pending::Yield(self.vm.rt.gosched()))),
            Native::RuntimeGoexit => return Err(Trap::Goexit),
            Native::RuntimeNumCPU | Native::RuntimeGOMAXPROCS => self.push(Value::Int(NUM_CPU)),
            Native::OsExit => {
                let code = i32::try_from(a0.as_int()).unwrap_or(1);
                self.vm.rt.exit(code);
                return Err(Trap::Halt);
            }
            _ => return Err(self.internal("unexpected sync native")),
        }
        Ok(())
    }

    /// `once.Do(f)`: the first caller runs `f` (as a frame that may block); callers arriving
    /// meanwhile wait on the Once's lock, then find it done.
    fn once_do(&mut self, once: &Value, f: Value) -> Res {
        let state = self.state_cell(once)?;
        if matches!(*state.borrow(), NativeState::Once { done: true }) {
            return Ok(());
        }
        let key = Rc::as_ptr(&state) as usize;
        let lock = {
            let mut onces = self.vm.onces.borrow_mut();
            onces.entry(key).or_insert_with(|| (state.clone(), self.vm.rt.mutex())).1.clone()
        };
        if lock.try_lock() {
            return self.once_locked(state, f, None);
        }
        let op = Box::pin(async move {
            lock.lock().await;
            Resume::OnceLocked(state, f, lock)
        });
        Err(self.block_on(Pending::Op(op)))
    }
}

/// `native` on the receiver `recv` where it lies (a struct box, the variable itself), with its
/// int argument `arg`, for a native call fused with the receiver's address: `Some(true)` when
/// done, `Some(false)` for a negative WaitGroup counter (Go's panic), `None` to run the call
/// the general way (another native or state, a mutex to wait on: nothing was changed then).
#[inline(always)]
pub(crate) fn sync_on_recv(rt: &Runtime, native: Native, recv: &Value, arg: Option<i64>) -> Option<bool> {
    match (native, arg) {
        (Native::WaitGroupAdd, Some(_)) | (Native::WaitGroupDone, None) => {
            let delta = arg.unwrap_or(-1);
            with_state(recv, |state| match state {
                NativeState::WaitGroup(wg) => Some(wg.get_or_insert_with(|| rt.wait_group()).try_add(delta)),
                _ => None,
            })?
        }
        (Native::MutexLock | Native::MutexUnlock, None) => {
            let done = with_state(recv, |state| match state {
                NativeState::Mutex(m) => {
                    let m = m.get_or_insert_with(|| rt.mutex());
                    if native == Native::MutexLock {
                        m.try_lock()
                    } else {
                        m.try_unlock()
                    }
                }
                _ => false,
            })?;
            done.then_some(true)
        }
        _ => None,
    }
}

/// Runs `f` on the state of a `sync` object given as a pointer to its struct (or the state
/// itself); `None` for anything else (nil included).
fn with_state<R>(v: &Value, f: impl FnOnce(&mut NativeState) -> R) -> Option<R> {
    match v {
        Value::Native(cell) => Some(f(&mut *cell.try_borrow_mut().ok()?)),
        Value::AggPtr(b) | Value::Agg(b) => match b.try_borrow().ok()?.first() {
            Some(Value::Native(cell)) => Some(f(&mut *cell.try_borrow_mut().ok()?)),
            _ => None,
        },
        _ => None,
    }
}

/// Pops the arguments of a native run in place.
#[inline]
fn drop_args(stack: &mut Vec<Value>, at: usize) {
    super::super::exec::drop_to(stack, at);
}
