//! `select` over channels of one element type (an interpreter has a single value type, so this
//! covers it), with an optional `default`.
//!
//! Go picks uniformly at random among the ready cases; this runtime takes the first ready case
//! in source order, to stay deterministic. When no case is ready the goroutine parks one waiter
//! per case; the first counterpart to claim one fires the select and the others are removed.

use std::cell::Cell;
use std::future::poll_fn;
use std::rc::Rc;
use std::task::Poll;

use super::chan::{SendAttempt, Waiter};
use super::trace::BlockReason;
use super::{Chan, Runtime};

/// One `case` of a select.
pub enum Case<T> {
    /// `case v, ok := <-ch:`
    Recv(Chan<T>),
    /// `case ch <- v:`
    Send(Chan<T>, T),
}

/// Which case ran.
#[derive(Debug, PartialEq, Eq)]
pub enum Selected<T> {
    /// Case `case` received `value` (`None`: the channel is closed and drained).
    Recv {
        case: usize,
        value: Option<T>,
    },
    Sent {
        case: usize,
    },
    Default,
}

struct Parked<T> {
    fired: Rc<Cell<Option<usize>>>,
    waiters: Vec<Rc<Waiter<T>>>,
}

impl Runtime {
    /// `select { cases... }`, with `default:` when `has_default`. No cases and no default is
    /// `select {}`: the goroutine blocks forever.
    pub async fn select<T: 'static>(&self, cases: Vec<Case<T>>, has_default: bool) -> Selected<T> {
        match self.select_checked(cases, has_default).await {
            Ok(selected) => selected,
            Err(_) => {
                self.panic("send on closed channel");
                std::future::pending().await
            }
        }
    }

    /// [`Runtime::select`] that reports a send case on a closed channel as `Err(case)` instead
    /// of panicking, for an interpreter that raises recoverable Go panics itself.
    pub async fn select_checked<T: 'static>(
        &self,
        cases: Vec<Case<T>>,
        has_default: bool,
    ) -> Result<Selected<T>, usize> {
        let mut cases: Vec<(Chan<T>, Option<T>, bool)> = cases
            .into_iter()
            .map(|case| match case {
                Case::Recv(ch) => (ch, None, false),
                Case::Send(ch, value) => (ch, Some(value), true),
            })
            .collect();
        let mut parked: Option<Parked<T>> = None;
        poll_fn(|_| {
            if self.exited().is_some() {
                return Poll::Pending;
            }
            if let Some(parked) = &parked {
                let Some(chosen) = parked.fired.get() else { return Poll::Pending };
                for (index, waiter) in parked.waiters.iter().enumerate() {
                    if index != chosen {
                        cases[index].0.unpark(waiter);
                    }
                }
                let waiter = &parked.waiters[chosen];
                if !cases[chosen].2 {
                    return Poll::Ready(Ok(Selected::Recv { case: chosen, value: waiter.value.borrow_mut().take() }));
                }
                if waiter.value.borrow().is_some() {
                    // Closed while we were parked.
                    return Poll::Ready(Err(chosen));
                }
                return Poll::Ready(Ok(Selected::Sent { case: chosen }));
            }
            for (index, (ch, value, sending)) in cases.iter_mut().enumerate() {
                if *sending {
                    let Some(v) = value.take() else { continue };
                    match ch.try_send(v) {
                        SendAttempt::Sent => return Poll::Ready(Ok(Selected::Sent { case: index })),
                        SendAttempt::Closed(_) => return Poll::Ready(Err(index)),
                        SendAttempt::WouldBlock(back) => *value = Some(back),
                    }
                } else if let Some(received) = ch.try_recv() {
                    return Poll::Ready(Ok(Selected::Recv { case: index, value: received }));
                }
            }
            if has_default {
                return Poll::Ready(Ok(Selected::Default));
            }
            let gid = self.with(|core| core.current_gid());
            let fired = Rc::new(Cell::new(None));
            let waiters = cases
                .iter_mut()
                .enumerate()
                .map(|(index, (ch, value, sending))| {
                    let waiter = Waiter::new(gid, value.take(), Some((fired.clone(), index)));
                    ch.park(waiter.clone(), *sending);
                    waiter
                })
                .collect::<Vec<_>>();
            let reason = if waiters.is_empty() { BlockReason::SelectNoCases } else { BlockReason::Select };
            parked = Some(Parked { fired, waiters });
            self.with(|core| core.block(reason));
            Poll::Pending
        })
        .await
    }
}
