//! `time.Sleep` and the duration constants.
//!
//! A sleep registers one entry in the runtime's timer heap; the driver decides when virtual time
//! reaches it (at once in virtual time, through one browser timer in the page).

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use super::Runtime;

pub const NANOSECOND: Duration = Duration::from_nanos(1);
pub const MICROSECOND: Duration = Duration::from_micros(1);
pub const MILLISECOND: Duration = Duration::from_millis(1);
pub const SECOND: Duration = Duration::from_secs(1);

/// Future of [`Runtime::sleep`].
pub struct Sleep {
    rt: Runtime,
    /// Nanoseconds (what the timer heap keeps anyway): 10^6 sleeping goroutines hold one each.
    nanos: u64,
    registered: bool,
}

impl Sleep {
    pub(crate) fn new(rt: Runtime, duration: Duration) -> Self {
        Sleep { rt, nanos: super::scheduler::nanos(duration), registered: false }
    }
}

impl Future for Sleep {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<()> {
        let nanos = self.nanos;
        let first = !self.registered;
        self.registered = true;
        let mut core = self.rt.core().borrow_mut();
        if core.exit.is_some() {
            return Poll::Pending;
        }
        if first {
            if nanos == 0 {
                return Poll::Ready(());
            }
            core.sleep(Duration::from_nanos(nanos));
            return Poll::Pending;
        }
        let gid = core.current_gid();
        let slot = core.slot(gid);
        if std::mem::take(&mut slot.timer_fired) {
            Poll::Ready(())
        } else {
            Poll::Pending
        }
    }
}

/// Future of [`Runtime::gosched`]: goes to the back of the run queue once.
pub struct Yield {
    rt: Runtime,
    yielded: bool,
}

impl Yield {
    pub(crate) fn new(rt: Runtime) -> Self {
        Yield { rt, yielded: false }
    }
}

impl Future for Yield {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<()> {
        if self.rt.exited().is_some() {
            return Poll::Pending;
        }
        if self.yielded {
            return Poll::Ready(());
        }
        self.yielded = true;
        self.rt.with(|core| {
            let gid = core.current_gid();
            core.wake(gid);
        });
        Poll::Pending
    }
}

/// Future of [`Runtime::park_forever`]: blocks the goroutine on `reason` and never completes
/// (only the end of the run releases it).
pub struct Forever {
    rt: Runtime,
    reason: super::BlockReason,
    parked: bool,
}

impl Forever {
    pub(crate) fn new(rt: Runtime, reason: super::BlockReason) -> Self {
        Forever { rt, reason, parked: false }
    }
}

impl Future for Forever {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<()> {
        if !self.parked && self.rt.exited().is_none() {
            self.parked = true;
            let reason = self.reason;
            self.rt.with(|core| core.block(reason));
        }
        Poll::Pending
    }
}
