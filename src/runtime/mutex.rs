//! `sync.Mutex`, Go style: explicit `lock().await` and `unlock()`, no guard.
//!
//! Unlock hands the mutex directly to the first waiter (FIFO), so a waiter never races a
//! newcomer; Go's mutex may let a newcomer barge in, which only changes who goes first.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::future::poll_fn;
use std::rc::Rc;
use std::task::Poll;

use super::trace::{BlockReason, Gid};
use super::Runtime;

struct Inner {
    locked: bool,
    /// The waiter that received the mutex from `unlock` and has not resumed yet.
    handed_to: Option<Gid>,
    waiters: VecDeque<Gid>,
    /// Waiters of the mutex this one was copied from: Go's copy keeps them in its state
    /// word, which `fmt` shows; nobody waits here for them.
    copied_waiters: usize,
}

/// A mutex. Clones share the same lock (like `&mu`).
#[derive(Clone)]
pub struct Mutex {
    rt: Runtime,
    inner: Rc<RefCell<Inner>>,
}

impl Mutex {
    pub(crate) fn new(rt: Runtime) -> Self {
        Mutex {
            rt,
            inner: Rc::new(RefCell::new(Inner {
                locked: false,
                handed_to: None,
                waiters: VecDeque::new(),
                copied_waiters: 0,
            })),
        }
    }

    pub fn is_locked(&self) -> bool {
        self.inner.borrow().locked
    }

    /// Go's copy by value: a new mutex, locked if this one is (its waiters stay here).
    pub fn copy_value(&self) -> Mutex {
        let copy = Mutex::new(self.rt.clone());
        {
            let (from, mut to) = (self.inner.borrow(), copy.inner.borrow_mut());
            to.locked = from.locked;
            to.copied_waiters = from.waiters.len() + from.copied_waiters;
        }
        copy
    }

    /// Goroutines parked in `lock` (what `fmt` shows in Go's state word).
    pub fn waiters(&self) -> usize {
        let inner = self.inner.borrow();
        inner.waiters.len() + inner.copied_waiters
    }

    /// `mu.Lock()`.
    pub async fn lock(&self) {
        let mut parked = false;
        poll_fn(|_| {
            if self.rt.exited().is_some() {
                return Poll::Pending;
            }
            let mut inner = self.inner.borrow_mut();
            if parked {
                let me = self.rt.current();
                if inner.handed_to.is_some() && inner.handed_to == me {
                    inner.handed_to = None;
                    return Poll::Ready(());
                }
                return Poll::Pending;
            }
            if !inner.locked {
                inner.locked = true;
                return Poll::Ready(());
            }
            parked = true;
            self.rt.with(|core| {
                inner.waiters.push_back(core.current_gid());
                core.block(BlockReason::Mutex);
            });
            Poll::Pending
        })
        .await
    }

    /// `mu.Unlock()`. Unlocking an unlocked mutex is Go's `fatal error: sync: unlock of unlocked mutex`.
    pub fn unlock(&self) {
        if !self.try_unlock() {
            self.rt.fatal("sync: unlock of unlocked mutex");
        }
    }

    /// `mu.TryLock()`: takes the mutex if it is free.
    pub fn try_lock(&self) -> bool {
        let mut inner = self.inner.borrow_mut();
        if inner.locked {
            return false;
        }
        inner.locked = true;
        true
    }

    /// `mu.Unlock()` returning `false` on an unlocked mutex, for an interpreter that reports
    /// the fatal error with its own traceback.
    pub fn try_unlock(&self) -> bool {
        let next = {
            let mut inner = self.inner.borrow_mut();
            if !inner.locked {
                return false;
            }
            inner.copied_waiters = 0;
            match inner.waiters.pop_front() {
                Some(gid) => {
                    inner.handed_to = Some(gid);
                    Some(gid)
                }
                None => {
                    inner.locked = false;
                    None
                }
            }
        };
        if let Some(gid) = next {
            self.rt.with(|core| core.unblock(gid));
        }
        true
    }
}
