//! `sync.RWMutex`: many readers or one writer, writer-preferring like Go (a waiting writer
//! stops new readers), with direct hand-off to waiters in FIFO order.
//!
//! Wait reasons follow Go 1.27: a writer waiting for readers to leave is
//! `sync.RWMutex.Lock`; a writer queued behind another writer waits on Go's inner mutex,
//! `sync.Mutex.Lock`; a reader waiting for a writer is `sync.RWMutex.RLock`.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::future::poll_fn;
use std::rc::Rc;
use std::task::Poll;

use super::trace::{BlockReason, Gid};
use super::Runtime;

struct Waiter {
    gid: Gid,
    write: bool,
    granted: Rc<Cell<bool>>,
}

#[derive(Default)]
struct Inner {
    readers: u32,
    writer: bool,
    queue: VecDeque<Waiter>,
}

impl Inner {
    fn writer_waiting(&self) -> bool {
        self.queue.iter().any(|w| w.write)
    }

    /// Hands the lock to the waiters at the front that can have it now.
    fn grant(&mut self) -> Vec<Gid> {
        let mut woken = Vec::new();
        while let Some(front) = self.queue.front() {
            if front.write {
                if self.readers == 0 && !self.writer {
                    self.writer = true;
                    if let Some(w) = self.queue.pop_front() {
                        w.granted.set(true);
                        woken.push(w.gid);
                    }
                }
                break;
            }
            if self.writer {
                break;
            }
            self.readers += 1;
            if let Some(w) = self.queue.pop_front() {
                w.granted.set(true);
                woken.push(w.gid);
            }
        }
        woken
    }
}

impl std::fmt::Debug for RwMutex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let inner = self.inner.borrow();
        write!(f, "RwMutex{{readers: {}, writer: {}}}", inner.readers, inner.writer)
    }
}

/// A read/write mutex. Clones share the same lock (like `&rw`).
#[derive(Clone)]
pub struct RwMutex {
    rt: Runtime,
    inner: Rc<RefCell<Inner>>,
}

/// Who holds and waits for an [`RwMutex`], from which `fmt` rebuilds Go's fields.
#[derive(Clone, Copy, Debug, Default)]
pub struct RwSnapshot {
    pub readers: u32,
    pub writer: bool,
    pub queued_readers: u32,
    pub queued_writers: u32,
}

impl RwMutex {
    pub fn snapshot(&self) -> RwSnapshot {
        let inner = self.inner.borrow();
        let queued_writers = inner.queue.iter().filter(|w| w.write).count() as u32;
        RwSnapshot {
            readers: inner.readers,
            writer: inner.writer,
            queued_readers: inner.queue.len() as u32 - queued_writers,
            queued_writers,
        }
    }

    /// Go's copy by value: a new lock with the same readers and writer, and no waiters.
    pub fn copy_value(&self) -> RwMutex {
        let copy = RwMutex::new(self.rt.clone());
        {
            let (from, mut to) = (self.inner.borrow(), copy.inner.borrow_mut());
            to.readers = from.readers;
            to.writer = from.writer;
        }
        copy
    }

    pub(crate) fn new(rt: Runtime) -> Self {
        RwMutex { rt, inner: Rc::default() }
    }

    /// `rw.Lock()`.
    pub async fn lock(&self) {
        self.acquire(true).await
    }

    /// `rw.RLock()`.
    pub async fn rlock(&self) {
        self.acquire(false).await
    }

    async fn acquire(&self, write: bool) {
        let mut granted: Option<Rc<Cell<bool>>> = None;
        poll_fn(|_| {
            if self.rt.exited().is_some() {
                return Poll::Pending;
            }
            if let Some(granted) = &granted {
                return if granted.get() { Poll::Ready(()) } else { Poll::Pending };
            }
            let mut inner = self.inner.borrow_mut();
            let reason = if write {
                if !inner.writer && inner.readers == 0 && inner.queue.is_empty() {
                    inner.writer = true;
                    return Poll::Ready(());
                }
                if inner.writer || inner.writer_waiting() {
                    BlockReason::Mutex
                } else {
                    BlockReason::RWMutexLock
                }
            } else {
                if !inner.writer && !inner.writer_waiting() {
                    inner.readers += 1;
                    return Poll::Ready(());
                }
                BlockReason::RWMutexRLock
            };
            let cell = Rc::new(Cell::new(false));
            granted = Some(cell.clone());
            self.rt.with(|core| {
                inner.queue.push_back(Waiter { gid: core.current_gid(), write, granted: cell });
                core.block(reason);
            });
            Poll::Pending
        })
        .await
    }

    /// `rw.TryLock()`: the write lock if it is free right now (no reader, writer or waiter).
    pub fn try_lock(&self) -> bool {
        let mut inner = self.inner.borrow_mut();
        let free = !inner.writer && inner.readers == 0 && inner.queue.is_empty();
        if free {
            inner.writer = true;
        }
        free
    }

    /// `rw.TryRLock()`: a read lock unless a writer holds or waits for it.
    pub fn try_rlock(&self) -> bool {
        let mut inner = self.inner.borrow_mut();
        let free = !inner.writer && !inner.writer_waiting();
        if free {
            inner.readers += 1;
        }
        free
    }

    /// `rw.Unlock()`; `false` if no writer held it (Go: `fatal error: sync: Unlock of unlocked
    /// RWMutex`, left to the caller).
    pub fn try_unlock(&self) -> bool {
        let woken = {
            let mut inner = self.inner.borrow_mut();
            if !inner.writer {
                return false;
            }
            inner.writer = false;
            inner.grant()
        };
        self.rt.with(|core| woken.into_iter().for_each(|gid| core.unblock(gid)));
        true
    }

    /// `rw.RUnlock()`; `false` if no reader held it (Go: `fatal error: sync: RUnlock of
    /// unlocked RWMutex`).
    pub fn try_runlock(&self) -> bool {
        let woken = {
            let mut inner = self.inner.borrow_mut();
            if inner.readers == 0 {
                return false;
            }
            inner.readers -= 1;
            inner.grant()
        };
        self.rt.with(|core| woken.into_iter().for_each(|gid| core.unblock(gid)));
        true
    }

    /// `rw.Unlock()`, with Go's fatal error on an unlocked RWMutex.
    pub fn unlock(&self) {
        if !self.try_unlock() {
            self.rt.fatal("sync: Unlock of unlocked RWMutex");
        }
    }

    /// `rw.RUnlock()`, with Go's fatal error when no reader holds it.
    pub fn runlock(&self) {
        if !self.try_runlock() {
            self.rt.fatal("sync: RUnlock of unlocked RWMutex");
        }
    }
}
