//! Where the goroutines live: one slot per goroutine in fixed chunks, reused through a free
//! list. The runtime's future of a goroutine is only the run and the slot number
//! ([`super::fiber::GoroutineFuture`]), so a parked goroutine costs its [`Fiber`] and 16 bytes:
//! no reference count, no borrow flag, no per-goroutine box around the fiber.
//!
//! A poll moves the fiber out of its slot and back, so the store is never borrowed while Go
//! code runs (which spawns, and may drop other goroutines' futures).

use std::collections::HashMap;

use super::fiber::Fiber;
use crate::runtime::Gid;

/// Slots per chunk: chunks never move, so the store grows without copying fibers.
const CHUNK: usize = 256;

enum Entry {
    /// Unused; the next free slot (`u32::MAX`: none).
    Free(u32),
    /// Its goroutine is being polled: the fiber is out.
    Out,
    In(Fiber),
}

pub(crate) struct Store {
    chunks: Vec<Box<[Entry]>>,
    /// First free slot (`u32::MAX`: none).
    free: u32,
    /// Slots in use.
    used: usize,
    /// Goroutine id → slot, made on demand for the deadlock report; dropped by any change.
    by_gid: Option<HashMap<Gid, u32>>,
}

impl Default for Store {
    fn default() -> Store {
        Store { chunks: Vec::new(), free: u32::MAX, used: 0, by_gid: None }
    }
}

impl Store {
    fn entry(&mut self, slot: u32) -> Option<&mut Entry> {
        let slot = slot as usize;
        self.chunks.get_mut(slot / CHUNK)?.get_mut(slot % CHUNK)
    }

    /// Stores a new goroutine; its slot, or `None` past `u32::MAX` slots.
    pub fn insert(&mut self, fiber: Fiber) -> Option<u32> {
        self.by_gid = None;
        if self.free == u32::MAX {
            let first = u32::try_from(self.chunks.len() * CHUNK).ok()?;
            let last = first.checked_add(CHUNK as u32 - 1)?;
            // Chained in order, the last one ending the list.
            let chunk: Box<[Entry]> =
                (first..=last).map(|i| Entry::Free(if i == last { u32::MAX } else { i + 1 })).collect();
            self.chunks.push(chunk);
            self.free = first;
        }
        let slot = self.free;
        let entry = self.entry(slot)?;
        let Entry::Free(next) = *entry else { return None };
        *entry = Entry::In(fiber);
        self.free = next;
        self.used += 1;
        Some(slot)
    }

    /// Takes the fiber out for a poll (`None` if it is not in).
    #[inline]
    pub fn take(&mut self, slot: u32) -> Option<Fiber> {
        let entry = self.entry(slot)?;
        match std::mem::replace(entry, Entry::Out) {
            Entry::In(fiber) => Some(fiber),
            other => {
                *entry = other;
                None
            }
        }
    }

    /// Puts a fiber taken by [`Store::take`] back.
    #[inline]
    pub fn put(&mut self, slot: u32, fiber: Fiber) {
        if let Some(entry) = self.entry(slot) {
            *entry = Entry::In(fiber);
        }
    }

    pub fn get_mut(&mut self, slot: u32) -> Option<&mut Fiber> {
        match self.entry(slot)? {
            Entry::In(fiber) => Some(fiber),
            _ => None,
        }
    }

    /// Frees a slot; returns its fiber if it was in (to drop once the store is released).
    pub fn remove(&mut self, slot: u32) -> Option<Fiber> {
        let free = self.free;
        let entry = self.entry(slot)?;
        if matches!(entry, Entry::Free(_)) {
            return None;
        }
        let old = std::mem::replace(entry, Entry::Free(free));
        self.free = slot;
        self.used = self.used.saturating_sub(1);
        self.by_gid = None;
        match old {
            Entry::In(fiber) => Some(fiber),
            _ => None,
        }
    }

    /// The goroutine `gid`, if it is stored and not being polled.
    pub fn by_gid(&mut self, gid: Gid) -> Option<&Fiber> {
        if self.by_gid.is_none() {
            let mut map = HashMap::with_capacity(self.used);
            for (c, chunk) in self.chunks.iter().enumerate() {
                for (i, entry) in chunk.iter().enumerate() {
                    if let Entry::In(fiber) = entry {
                        map.insert(fiber.gid, (c * CHUNK + i) as u32);
                    }
                }
            }
            self.by_gid = Some(map);
        }
        let slot = *self.by_gid.as_ref()?.get(&gid)?;
        match self.entry(slot)? {
            Entry::In(fiber) => Some(fiber),
            _ => None,
        }
    }
}
