//! A cell's state, kept so that a batch of output changes it in place.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::cell::state::{CellAction, CellState};

/// The cell's state in a single slot.
///
/// yew's `use_reducer` keeps the current state while its reducer runs (it reduces a clone of
/// the `Rc`), so `CellState::apply` would always find its console and timeline shared and
/// copy them, twenty times a second. Here an action moves the state out of the slot first:
/// when nothing else holds it (a render only reads it, children get `Unowned` views of its
/// buffers), `apply` takes it apart and extends its buffers in place.
#[derive(Clone)]
pub struct CellStore {
    slot: Rc<RefCell<Rc<CellState>>>,
    /// Left in the slot while an action runs; never seen, since `apply` calls nothing back.
    placeholder: Rc<CellState>,
    rerender: UseForceUpdateHandle,
}

impl CellStore {
    /// The state now: read it during a render or an event, do not keep it.
    pub fn current(&self) -> Rc<CellState> {
        Rc::clone(&self.slot.borrow())
    }

    /// Applies `action` and renders again, unless the action changes nothing.
    pub fn dispatch(&self, action: CellAction) {
        if self.slot.borrow().ignores(&action) {
            return;
        }
        {
            let mut slot = self.slot.borrow_mut();
            let state = std::mem::replace(&mut *slot, Rc::clone(&self.placeholder));
            *slot = state.apply(action);
        }
        self.rerender.force_update();
    }
}

impl PartialEq for CellStore {
    /// The same store, whatever its state: callbacks that capture it need not be rebuilt.
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.slot, &other.slot)
    }
}

#[hook]
pub fn use_cell_store(init: impl FnOnce() -> CellState) -> CellStore {
    let slot = use_mut_ref(|| Rc::new(init()));
    let placeholder = use_memo((), |_| {
        let state = slot.borrow();
        CellState::new(state.index, None, Vec::new())
    });
    let rerender = use_force_update();
    CellStore { slot, placeholder, rerender }
}
