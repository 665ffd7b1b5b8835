//! Channels: unbuffered (rendezvous) and buffered, with close and `v, ok := <-ch`.
//!
//! A parked sender or receiver is a small shared cell ([`Waiter`]) in the channel's queue;
//! whoever completes the operation fills the cell and wakes the goroutine, which reads the cell
//! when it resumes. A `select` parks one waiter per case, all sharing one "fired" flag: the
//! first counterpart to claim any of them wins, the others are then stale and skipped.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::future::poll_fn;
use std::rc::Rc;
use std::task::Poll;

use super::trace::{BlockReason, Gid};
use super::Runtime;

pub(super) struct Waiter<T> {
    pub gid: Gid,
    /// Sender: the value to hand over. Receiver: the value received.
    pub value: RefCell<Option<T>>,
    /// The operation completed (or the channel was closed under it).
    pub done: Cell<bool>,
    /// For a `select` case: the shared fired flag and this case's index.
    pub select: Option<(Rc<Cell<Option<usize>>>, usize)>,
}

impl<T> Waiter<T> {
    pub fn new(gid: Gid, value: Option<T>, select: Option<(Rc<Cell<Option<usize>>>, usize)>) -> Rc<Self> {
        Rc::new(Waiter { gid, value: RefCell::new(value), done: Cell::new(false), select })
    }

    /// Takes this waiter for an operation; false if its select already fired on another case.
    fn claim(&self) -> bool {
        match &self.select {
            None => true,
            Some((fired, _)) if fired.get().is_some() => false,
            Some((fired, case)) => {
                fired.set(Some(*case));
                true
            }
        }
    }
}

/// Pops the first waiter that can still be claimed.
fn pop_live<T>(queue: &mut VecDeque<Rc<Waiter<T>>>) -> Option<Rc<Waiter<T>>> {
    while let Some(waiter) = queue.pop_front() {
        if waiter.claim() {
            return Some(waiter);
        }
    }
    None
}

pub(super) struct Inner<T> {
    capacity: usize,
    buffer: VecDeque<T>,
    closed: bool,
    senders: VecDeque<Rc<Waiter<T>>>,
    receivers: VecDeque<Rc<Waiter<T>>>,
}

/// What a non-blocking send did; the value comes back when it was not sent.
pub(super) enum SendAttempt<T> {
    Sent,
    WouldBlock(T),
    /// Send on a closed channel: the caller panics.
    Closed(T),
}

/// `chan T`. Clones are the same channel.
pub struct Chan<T> {
    pub(super) rt: Runtime,
    pub(super) inner: Rc<RefCell<Inner<T>>>,
}

impl<T> Clone for Chan<T> {
    fn clone(&self) -> Self {
        Chan { rt: self.rt.clone(), inner: self.inner.clone() }
    }
}

impl<T: 'static> Chan<T> {
    pub(crate) fn new(rt: Runtime, capacity: usize) -> Self {
        let inner = Inner {
            capacity,
            buffer: VecDeque::new(),
            closed: false,
            senders: VecDeque::new(),
            receivers: VecDeque::new(),
        };
        Chan { rt, inner: Rc::new(RefCell::new(inner)) }
    }

    /// `cap(ch)`.
    pub fn capacity(&self) -> usize {
        self.inner.borrow().capacity
    }

    /// `len(ch)`.
    pub fn len(&self) -> usize {
        self.inner.borrow().buffer.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Sends without blocking if a receiver waits or the buffer has room.
    pub(super) fn try_send(&self, value: T) -> SendAttempt<T> {
        let mut inner = self.inner.borrow_mut();
        if inner.closed {
            return SendAttempt::Closed(value);
        }
        if let Some(receiver) = pop_live(&mut inner.receivers) {
            *receiver.value.borrow_mut() = Some(value);
            receiver.done.set(true);
            drop(inner);
            self.rt.with(|core| core.unblock(receiver.gid));
            return SendAttempt::Sent;
        }
        if inner.buffer.len() < inner.capacity {
            inner.buffer.push_back(value);
            return SendAttempt::Sent;
        }
        SendAttempt::WouldBlock(value)
    }

    /// Receives without blocking: `Some(Some(v))`, `Some(None)` when closed and drained,
    /// `None` when it would block.
    pub(super) fn try_recv(&self) -> Option<Option<T>> {
        let mut inner = self.inner.borrow_mut();
        if let Some(value) = inner.buffer.pop_front() {
            // A parked sender may now move its value into the freed buffer slot.
            if let Some(sender) = pop_live(&mut inner.senders) {
                let moved = sender.value.borrow_mut().take();
                inner.buffer.extend(moved);
                sender.done.set(true);
                drop(inner);
                self.rt.with(|core| core.unblock(sender.gid));
            }
            return Some(Some(value));
        }
        if let Some(sender) = pop_live(&mut inner.senders) {
            let value = sender.value.borrow_mut().take();
            sender.done.set(true);
            drop(inner);
            self.rt.with(|core| core.unblock(sender.gid));
            return Some(value);
        }
        if inner.closed {
            return Some(None);
        }
        None
    }

    /// Queues a parked sender (with its value) or receiver.
    pub(super) fn park(&self, waiter: Rc<Waiter<T>>, sending: bool) {
        let mut inner = self.inner.borrow_mut();
        if sending {
            inner.senders.push_back(waiter);
        } else {
            inner.receivers.push_back(waiter);
        }
    }

    /// Removes a parked waiter (a select case that did not fire).
    pub(super) fn unpark(&self, waiter: &Rc<Waiter<T>>) {
        let mut inner = self.inner.borrow_mut();
        inner.senders.retain(|w| !Rc::ptr_eq(w, waiter));
        inner.receivers.retain(|w| !Rc::ptr_eq(w, waiter));
    }

    /// `ch <- value`. Panics like Go on a closed channel: `send on closed channel`.
    pub async fn send(&self, value: T) {
        let mut value = Some(value);
        let mut parked: Option<Rc<Waiter<T>>> = None;
        poll_fn(|_| {
            if self.rt.exited().is_some() {
                return Poll::Pending;
            }
            if let Some(waiter) = &parked {
                if !waiter.done.get() {
                    return Poll::Pending;
                }
                if waiter.value.borrow().is_some() {
                    // Closed while we were parked.
                    self.rt.panic("send on closed channel");
                    return Poll::Pending;
                }
                return Poll::Ready(());
            }
            // Taken once: the first poll either sends it or parks it in `parked`.
            let Some(value) = value.take() else { return Poll::Pending };
            match self.try_send(value) {
                SendAttempt::Sent => Poll::Ready(()),
                SendAttempt::Closed(_) => {
                    self.rt.panic("send on closed channel");
                    Poll::Pending
                }
                SendAttempt::WouldBlock(value) => {
                    let gid = self.rt.with(|core| core.current_gid());
                    let waiter = Waiter::new(gid, Some(value), None);
                    self.park(waiter.clone(), true);
                    parked = Some(waiter);
                    self.rt.with(|core| core.block(BlockReason::ChanSend));
                    Poll::Pending
                }
            }
        })
        .await
    }

    /// `v, ok := <-ch` as an `Option`: `None` once the channel is closed and drained.
    /// `for v := range ch` is `while let Some(v) = ch.recv_opt().await`.
    pub async fn recv_opt(&self) -> Option<T> {
        let mut parked: Option<Rc<Waiter<T>>> = None;
        poll_fn(|_| {
            if self.rt.exited().is_some() {
                return Poll::Pending;
            }
            if let Some(waiter) = &parked {
                return if waiter.done.get() { Poll::Ready(waiter.value.borrow_mut().take()) } else { Poll::Pending };
            }
            match self.try_recv() {
                Some(value) => Poll::Ready(value),
                None => {
                    let gid = self.rt.with(|core| core.current_gid());
                    let waiter = Waiter::new(gid, None, None);
                    self.park(waiter.clone(), false);
                    parked = Some(waiter);
                    self.rt.with(|core| core.block(BlockReason::ChanRecv));
                    Poll::Pending
                }
            }
        })
        .await
    }

    /// `v, ok := <-ch`: the zero value and `false` on a closed, drained channel.
    pub async fn recv_ok(&self) -> (T, bool)
    where
        T: Default,
    {
        match self.recv_opt().await {
            Some(value) => (value, true),
            None => (T::default(), false),
        }
    }

    /// `v := <-ch`: the zero value on a closed, drained channel.
    pub async fn recv(&self) -> T
    where
        T: Default,
    {
        self.recv_opt().await.unwrap_or_default()
    }

    /// Whether `close` was called.
    pub fn is_closed(&self) -> bool {
        self.inner.borrow().closed
    }

    /// Non-blocking send for an interpreter that raises Go's panics itself: `Ok` if sent, else
    /// the value back with `true` when the channel is closed.
    pub fn send_now(&self, value: T) -> Result<(), (T, bool)> {
        match self.try_send(value) {
            SendAttempt::Sent => Ok(()),
            SendAttempt::WouldBlock(value) => Err((value, false)),
            SendAttempt::Closed(value) => Err((value, true)),
        }
    }

    /// Non-blocking receive: `Some(Some(v))`, `Some(None)` when closed and drained, `None`
    /// when it would block.
    pub fn recv_now(&self) -> Option<Option<T>> {
        self.try_recv()
    }

    /// `ch <- value` that returns `false` instead of panicking when the channel is (or gets)
    /// closed, so an interpreter can raise a recoverable Go panic with its own traceback.
    pub async fn send_or_closed(&self, value: T) -> bool {
        let mut value = Some(value);
        let mut parked: Option<Rc<Waiter<T>>> = None;
        poll_fn(|_| {
            if self.rt.exited().is_some() {
                return Poll::Pending;
            }
            if let Some(waiter) = &parked {
                if !waiter.done.get() {
                    return Poll::Pending;
                }
                return Poll::Ready(waiter.value.borrow().is_none());
            }
            let Some(v) = value.take() else { return Poll::Ready(true) };
            match self.try_send(v) {
                SendAttempt::Sent => Poll::Ready(true),
                SendAttempt::Closed(_) => Poll::Ready(false),
                SendAttempt::WouldBlock(v) => {
                    let gid = self.rt.with(|core| core.current_gid());
                    let waiter = Waiter::new(gid, Some(v), None);
                    self.park(waiter.clone(), true);
                    parked = Some(waiter);
                    self.rt.with(|core| core.block(BlockReason::ChanSend));
                    Poll::Pending
                }
            }
        })
        .await
    }

    /// `close(ch)` returning `false` (and doing nothing) if it was already closed.
    pub fn try_close(&self) -> bool {
        let woken = {
            let mut inner = self.inner.borrow_mut();
            if inner.closed {
                return false;
            }
            let inner = &mut *inner;
            inner.closed = true;
            let mut woken: Vec<Gid> = Vec::new();
            for waiter in inner.receivers.drain(..).chain(inner.senders.drain(..)) {
                if waiter.claim() {
                    waiter.done.set(true);
                    woken.push(waiter.gid);
                }
            }
            woken
        };
        self.rt.with(|core| woken.into_iter().for_each(|gid| core.unblock(gid)));
        true
    }

    /// `close(ch)`: wakes every parked receiver (zero value) and sender (which then panics).
    /// Closing twice panics like Go: `close of closed channel`.
    pub fn close(&self) {
        if !self.try_close() {
            self.rt.panic("close of closed channel");
        }
    }
}
