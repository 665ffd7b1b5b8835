//! Where the goroutines live: one slot per goroutine in chunks that never move, reused through a free
//! list, one store per thread for every run on it. The runtime's future of a goroutine is only
//! its slot number ([`super::fiber::GoroutineFuture`]), so a parked goroutine costs its
//! [`Fiber`] and 4 bytes: no reference count, no borrow flag, no box around the fiber. The
//! chunks are released whenever the store empties (at the end of a run).
//!
//! A poll moves the fiber out of its slot and back, so the store is never borrowed while Go
//! code runs (which spawns, and may drop other goroutines' futures).

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use super::fiber::Fiber;
use super::Vm;
use crate::runtime::Gid;

thread_local! {
    static STORE: RefCell<Store> = const { RefCell::new(Store::EMPTY) };
}

/// Runs `f` on this thread's store; `None` if it is borrowed already or gone (thread exit).
#[inline]
pub(crate) fn with<R>(f: impl FnOnce(&mut Store) -> R) -> Option<R> {
    STORE.try_with(|store| store.try_borrow_mut().ok().map(|mut store| f(&mut store))).ok().flatten()
}

/// Slots per chunk: chunks never grow past it, so the store grows without moving fibers.
const CHUNK: usize = 256;

pub(crate) enum Entry {
    /// Unused; the next free slot (`u32::MAX`: none).
    Free(u32),
    /// Its goroutine is being polled: the fiber is out.
    Out,
    In(Fiber),
}

pub(crate) struct Store {
    /// Each of capacity [`CHUNK`], filled in order.
    chunks: Vec<Vec<Entry>>,
    /// First free slot (`u32::MAX`: none).
    free: u32,
    /// Slots in use.
    used: usize,
    /// Goroutine id → slot for one run (the address of its [`Vm`]), made on demand for the
    /// deadlock report; dropped by any change.
    by_gid: Option<(usize, HashMap<Gid, u32>)>,
}

impl Store {
    const EMPTY: Store = Store { chunks: Vec::new(), free: u32::MAX, used: 0, by_gid: None };
}

impl Store {
    fn entry(&mut self, slot: u32) -> Option<&mut Entry> {
        let slot = slot as usize;
        self.chunks.get_mut(slot / CHUNK)?.get_mut(slot % CHUNK)
    }

    /// Stores a new goroutine; its slot, or `None` past `u32::MAX` slots. A freed slot is
    /// reused first; else the last chunk grows (within its capacity: it never moves), so a
    /// chunk's memory is touched only as goroutines arrive.
    pub fn insert(&mut self, fiber: Fiber) -> Option<u32> {
        self.insert_with(|| fiber)
    }

    /// [`Store::insert`] of the fiber `make` builds, straight into its slot (a fiber moved
    /// through arguments and temporaries is copied at each step).
    #[inline]
    pub fn insert_with(&mut self, make: impl FnOnce() -> Fiber) -> Option<u32> {
        self.by_gid = None;
        if self.free != u32::MAX {
            let slot = self.free;
            let entry = self.entry(slot)?;
            let Entry::Free(next) = *entry else { return None };
            *entry = Entry::In(make());
            self.free = next;
            self.used += 1;
            return Some(slot);
        }
        if self.chunks.last().is_none_or(|c| c.len() == CHUNK) {
            self.chunks.push(Vec::with_capacity(CHUNK));
        }
        let full = self.chunks.len().saturating_sub(1) * CHUNK;
        let chunk = self.chunks.last_mut()?;
        let slot = u32::try_from(full + chunk.len()).ok()?;
        super::exec::push_value!(chunk, Entry::In(make()));
        self.used += 1;
        Some(slot)
    }

    /// Takes the fiber out for a poll (`local` is `Out`, and becomes `In` if the fiber was
    /// in), or puts it back (`local` is `In`, the slot `Out`). A swap: no copy through a
    /// temporary.
    #[inline]
    pub fn swap(&mut self, slot: u32, local: &mut Entry) {
        if let Some(entry) = self.entry(slot) {
            if matches!((&*entry, &*local), (Entry::In(_), Entry::Out) | (Entry::Out, Entry::In(_))) {
                std::mem::swap(entry, local);
            }
        }
    }

    /// Frees a slot; its fiber, if it was in, goes to `out` (to drop once the store is
    /// released).
    pub fn remove(&mut self, slot: u32, out: &mut Entry) {
        let free = self.free;
        let Some(entry) = self.entry(slot) else { return };
        if matches!(entry, Entry::Free(_)) {
            return;
        }
        if matches!(entry, Entry::In(_)) {
            std::mem::swap(entry, out);
        }
        // `Out` owns nothing: overwritten without a copy out.
        *entry = Entry::Free(free);
        self.free = slot;
        self.used = self.used.saturating_sub(1);
        self.by_gid = None;
        if self.used == 0 {
            self.chunks = Vec::new();
            self.free = u32::MAX;
        }
    }

    /// The goroutine `gid` of the run of `vm`, if it is stored and not being polled.
    pub fn by_gid(&mut self, vm: &Vm, gid: Gid) -> Option<&Fiber> {
        let run = vm as *const Vm as usize;
        if self.by_gid.as_ref().is_none_or(|(r, _)| *r != run) {
            let mut map = HashMap::new();
            for (c, chunk) in self.chunks.iter().enumerate() {
                for (i, entry) in chunk.iter().enumerate() {
                    if let Entry::In(fiber) = entry {
                        if std::ptr::eq(Rc::as_ptr(&fiber.vm), vm) {
                            map.insert(fiber.gid, (c * CHUNK + i) as u32);
                        }
                    }
                }
            }
            self.by_gid = Some((run, map));
        }
        let slot = *self.by_gid.as_ref()?.1.get(&gid)?;
        match self.entry(slot)? {
            Entry::In(fiber) => Some(fiber),
            _ => None,
        }
    }
}
