//! `sync.WaitGroup`.
//!
//! Waiters are plain goroutine ids plus a generation number (no allocation per waiter): a
//! waiter that parked during generation `g` is released once the counter has reached zero,
//! which bumps the generation.

use std::cell::RefCell;
use std::future::poll_fn;
use std::rc::Rc;
use std::task::Poll;

/// Go's panic when `Done` outnumbers `Add`; the interpreter raises the same text.
pub const NEGATIVE_WAITGROUP_COUNTER: &str = "sync: negative WaitGroup counter";

use super::trace::{BlockReason, Gid};
use super::Runtime;

struct Inner {
    counter: i64,
    generation: u64,
    waiters: Vec<Gid>,
}

/// A WaitGroup. Cloning gives another handle on the same group, like passing `&wg` in Go; use
/// [`WaitGroup::copy_value`] for Go's copy by value.
#[derive(Clone)]
pub struct WaitGroup {
    rt: Runtime,
    inner: Rc<RefCell<Inner>>,
}

impl WaitGroup {
    pub(crate) fn new(rt: Runtime) -> Self {
        WaitGroup { rt, inner: Rc::new(RefCell::new(Inner { counter: 0, generation: 0, waiters: Vec::new() })) }
    }

    /// What `go f(wg)` does with a `sync.WaitGroup` parameter: a new group starting from the
    /// same counter, with no waiters. `Done` on the copy never reaches the original.
    pub fn copy_value(&self) -> WaitGroup {
        let counter = self.inner.borrow().counter;
        let copy = WaitGroup::new(self.rt.clone());
        copy.inner.borrow_mut().counter = counter;
        copy
    }

    /// Current counter (for the UI and tests).
    pub fn counter(&self) -> i64 {
        self.inner.borrow().counter
    }

    /// Goroutines parked in `wait` (the low half of Go's state word, which `fmt` shows).
    pub fn waiters(&self) -> usize {
        self.inner.borrow().waiters.len()
    }

    /// `wg.Add(delta)`. Below zero panics like Go: `sync: negative WaitGroup counter`.
    pub fn add(&self, delta: i64) {
        if !self.try_add(delta) {
            self.rt.panic(NEGATIVE_WAITGROUP_COUNTER);
        }
    }

    /// `wg.Add(delta)` returning `false` (the counter stays negative, as in Go) instead of
    /// panicking when the counter goes below zero, for an interpreter that raises the panic.
    pub fn try_add(&self, delta: i64) -> bool {
        let released = {
            let mut inner = self.inner.borrow_mut();
            inner.counter = inner.counter.saturating_add(delta);
            if inner.counter < 0 {
                return false;
            }
            if inner.counter == 0 && !inner.waiters.is_empty() {
                inner.generation += 1;
                std::mem::take(&mut inner.waiters)
            } else {
                Vec::new()
            }
        };
        if !released.is_empty() {
            self.rt.with(|core| released.into_iter().for_each(|gid| core.unblock(gid)));
        }
        true
    }

    /// `wg.Done()`.
    pub fn done(&self) {
        self.add(-1);
    }

    /// `wg.Wait()`: returns at once when the counter is zero.
    pub async fn wait(&self) {
        let mut parked: Option<u64> = None;
        poll_fn(|_| {
            if self.rt.exited().is_some() {
                return Poll::Pending;
            }
            let mut inner = self.inner.borrow_mut();
            match parked {
                Some(generation) if inner.generation > generation => Poll::Ready(()),
                Some(_) => Poll::Pending,
                None if inner.counter == 0 => Poll::Ready(()),
                None => {
                    parked = Some(inner.generation);
                    self.rt.with(|core| {
                        inner.waiters.push(core.current_gid());
                        core.block(BlockReason::WaitGroup);
                    });
                    Poll::Pending
                }
            }
        })
        .await
    }
}
