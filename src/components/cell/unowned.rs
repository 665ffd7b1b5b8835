//! A prop that shows a buffer of the cell's state without owning it.

use std::rc::{Rc, Weak};

/// A weak view of one of the state's `Rc` buffers (console lines, timeline).
///
/// A child that kept a strong `Rc` in its props would make the next batch copy the buffer
/// (`Rc::make_mut` copies what is shared). A `Weak` does not count: `make_mut` then moves the
/// buffer to a new allocation, without copying its contents, and leaves this view dangling.
/// So equal views (same allocation) always show the same contents, and a changed buffer is a
/// new allocation that the parent's next render hands over.
pub struct Unowned<T>(Weak<T>);

impl<T> Unowned<T> {
    pub fn new(buffer: &Rc<T>) -> Self {
        Unowned(Rc::downgrade(buffer))
    }

    /// The buffer, for the length of a render; `None` if the state moved on meanwhile (the
    /// parent renders again with the new one).
    pub fn get(&self) -> Option<Rc<T>> {
        self.0.upgrade()
    }
}

impl<T> Clone for Unowned<T> {
    fn clone(&self) -> Self {
        Unowned(Weak::clone(&self.0))
    }
}

impl<T> PartialEq for Unowned<T> {
    fn eq(&self, other: &Self) -> bool {
        Weak::ptr_eq(&self.0, &other.0)
    }
}
