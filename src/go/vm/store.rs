//! Where the goroutines live: one slot per goroutine in chunks that never move, reused through a free
//! list, one store per thread for every run on it. The runtime's future of a goroutine is only
//! its slot number ([`super::fiber::GoroutineFuture`]), so a parked goroutine costs its
//! [`Fiber`], a borrow flag and 4 bytes: no reference count, no box around the fiber. The
//! chunks are released whenever the store empties (at the end of a run).
//!
//! A poll holds its chunk (a reference count) and borrows its own slot only, so the fiber runs
//! in place (no 128-byte move out and back) while Go code spawns into, or frees, other slots.

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

/// Slots per chunk: chunks never grow, so the store grows without moving fibers.
pub(crate) const CHUNK: usize = 256;

pub(crate) type Chunk = Rc<[RefCell<Entry>]>;

pub(crate) enum Entry {
    /// Unused; the next free slot (`u32::MAX`: none, or never used yet).
    Free(u32),
    /// Its fiber was dropped; the slot goes back to the free list next.
    Empty,
    In(Fiber),
}

pub(crate) struct Store {
    /// Each of [`CHUNK`] slots.
    chunks: Vec<Chunk>,
    /// First free slot (`u32::MAX`: none).
    free: u32,
    /// Slots below it have been used; the next fresh one.
    next: u32,
    /// Slots in use.
    used: usize,
    /// Goroutine id → slot for one run (the address of its [`Vm`]), made on demand for the
    /// deadlock report; dropped by any change.
    by_gid: Option<(usize, HashMap<Gid, u32>)>,
}

impl Store {
    const EMPTY: Store = Store { chunks: Vec::new(), free: u32::MAX, next: 0, used: 0, by_gid: None };
}

#[cold]
fn new_chunk() -> Chunk {
    (0..CHUNK).map(|_| RefCell::new(Entry::Free(u32::MAX))).collect()
}

impl Store {
    /// The chunk holding `slot`, for a poll or a drop to borrow the slot outside the store.
    #[inline]
    pub fn chunk(&self, slot: u32) -> Option<Chunk> {
        self.chunks.get(slot as usize / CHUNK).cloned()
    }

    /// Stores the fiber `make` builds, straight into its slot (a fiber moved through
    /// arguments and temporaries is copied at each step); its slot, or `None` past
    /// `u32::MAX` slots. A freed slot is reused first.
    #[inline]
    pub fn insert_with(&mut self, make: impl FnOnce() -> Fiber) -> Option<u32> {
        self.forget_gids();
        let reuse = self.free != u32::MAX;
        let slot = if reuse { self.free } else { self.next };
        let index = slot as usize / CHUNK;
        if index == self.chunks.len() {
            self.chunks.push(new_chunk());
        }
        let mut entry = self.chunks.get(index)?.get(slot as usize % CHUNK)?.try_borrow_mut().ok()?;
        match (&*entry, reuse) {
            (Entry::Free(next), true) => self.free = *next,
            (Entry::Free(_), false) => self.next = slot.checked_add(1)?,
            _ => return None,
        }
        *entry = Entry::In(make());
        self.used += 1;
        Some(slot)
    }

    /// Drops the goroutine id map, if any: the common `None` costs no drop call.
    #[inline(always)]
    fn forget_gids(&mut self) {
        if self.by_gid.is_some() {
            self.by_gid = None;
        }
    }

    /// Puts an emptied slot back on the free list (a slot in any other state is left alone).
    pub fn release(&mut self, slot: u32) {
        let free = self.free;
        let Some(chunk) = self.chunks.get(slot as usize / CHUNK) else { return };
        let Some(Ok(mut entry)) = chunk.get(slot as usize % CHUNK).map(RefCell::try_borrow_mut) else { return };
        if !matches!(*entry, Entry::Empty) {
            return;
        }
        *entry = Entry::Free(free);
        drop(entry);
        self.free = slot;
        self.used = self.used.saturating_sub(1);
        self.forget_gids();
        if self.used == 0 {
            *self = Store::EMPTY;
        }
    }

    /// `f` of the goroutine `gid` of the run of `vm`, if it is stored and not being polled.
    pub fn with_gid<R>(&mut self, vm: &Vm, gid: Gid, f: impl FnOnce(&Fiber) -> R) -> Option<R> {
        let run = vm as *const Vm as usize;
        if self.by_gid.as_ref().is_none_or(|(r, _)| *r != run) {
            let mut map = HashMap::new();
            for (c, chunk) in self.chunks.iter().enumerate() {
                for (i, cell) in chunk.iter().enumerate() {
                    if let Ok(entry) = cell.try_borrow() {
                        if let Entry::In(fiber) = &*entry {
                            if std::ptr::eq(Rc::as_ptr(&fiber.vm), vm) {
                                map.insert(fiber.gid, (c * CHUNK + i) as u32);
                            }
                        }
                    }
                }
            }
            self.by_gid = Some((run, map));
        }
        let slot = *self.by_gid.as_ref()?.1.get(&gid)?;
        let entry = self.chunks.get(slot as usize / CHUNK)?.get(slot as usize % CHUNK)?.try_borrow().ok()?;
        match &*entry {
            Entry::In(fiber) => Some(f(fiber)),
            _ => None,
        }
    }
}

/// Drops the fiber of `slot` in place (the store released, its values may hold anything), then
/// frees the slot. A slot being polled is left alone.
pub(crate) fn remove(slot: u32) {
    let Some(Some(chunk)) = with(|s| s.chunk(slot)) else { return };
    let Some(Ok(mut entry)) = chunk.get(slot as usize % CHUNK).map(RefCell::try_borrow_mut) else { return };
    if matches!(*entry, Entry::In(_)) {
        *entry = Entry::Empty;
    }
    drop(entry);
    with(|s| s.release(slot));
}
