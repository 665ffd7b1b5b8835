//! Starts, stops and reruns a cell's program, keeping the run's handle out of the component.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::CellStore;
use crate::cell::state::{CellAction, Phase};
use crate::web::engine_client::{EngineRun, RunEvent};
use crate::web::run_service::Delayed;

/// Delay between the last parameter edit and the automatic rerun.
const RERUN_AFTER_EDIT_MS: u32 = 400;

/// What a cell can ask of its runner.
#[derive(Clone, PartialEq)]
pub struct CellRunner {
    /// Starts a run with the newest parameters, stopping the previous run first.
    pub run: Callback<()>,
    pub stop: Callback<()>,
    /// « Pause » and « Reprendre » of the current run.
    pub pause: Callback<()>,
    pub resume: Callback<()>,
    /// « Pas à pas »: up to the next event of any goroutine, from a pause, or from a new run
    /// that starts paused.
    pub step: Callback<()>,
    /// Reruns shortly, once edits settle (only after the reader has run the cell once).
    pub rerun_soon: Callback<()>,
}

/// The run handle lives in the hook; it is dropped (which stops the run and clears its
/// timers) on stop, on rerun, when the run ends, and when the cell unmounts.
#[hook]
pub fn use_cell_runner(store: &CellStore, autorun: bool) -> CellRunner {
    // Callbacks fired later (a debounced rerun) read the newest state from the store, never
    // the state of the render that created them.
    let handle: Rc<RefCell<Option<EngineRun>>> = use_mut_ref(|| None);
    let rerun_timer: Rc<RefCell<Option<Delayed>>> = use_mut_ref(|| None);
    let generation = use_mut_ref(|| 0u64);

    // Starts a run, paused at its start or not.
    let start = {
        let (store, handle, generation) = (store.clone(), handle.clone(), generation.clone());
        use_callback((), move |paused: bool, _| {
            // Stop the old run before the new one starts; its output is also fenced by generation.
            drop(handle.borrow_mut().take());
            let current = {
                let mut generation = generation.borrow_mut();
                *generation += 1;
                *generation
            };
            let (source, speed) = {
                let state = store.current();
                (state.code.text().to_owned(), state.speed)
            };
            // The duration comes with the engine's preview, once the program has compiled.
            store.dispatch(CellAction::RunStarted { generation: current, expected_ms: None });
            if paused {
                store.dispatch(CellAction::Paused { generation: current });
            }
            let dispatcher = store.clone();
            let on_event = Callback::from(move |event| {
                let action = match event {
                    RunEvent::Started { expected_ms, marks } => {
                        CellAction::Previewed { generation: current, expected_ms, marks }
                    }
                    RunEvent::Batch(batch) => CellAction::Output { generation: current, batch },
                    RunEvent::Formatted(_) => return,
                };
                dispatcher.dispatch(action)
            });
            *handle.borrow_mut() = Some(EngineRun::start(source, speed, paused, on_event));
        })
    };
    let run = use_callback(start.clone(), |(), start| start.emit(false));
    let pause = {
        let (store, handle, generation) = (store.clone(), handle.clone(), generation.clone());
        use_callback((), move |(), _| {
            if let Some(run) = handle.borrow().as_ref() {
                run.pause();
                store.dispatch(CellAction::Paused { generation: *generation.borrow() });
            }
        })
    };
    let resume = {
        let (store, handle, generation) = (store.clone(), handle.clone(), generation.clone());
        use_callback((), move |(), _| {
            if let Some(run) = handle.borrow().as_ref() {
                run.resume();
                store.dispatch(CellAction::Resumed { generation: *generation.borrow() });
            }
        })
    };
    let step = {
        let (store, handle, generation) = (store.clone(), handle.clone(), generation.clone());
        use_callback(start, move |(), start| {
            if !store.current().is_running() {
                start.emit(true);
            }
            if let Some(run) = handle.borrow().as_ref() {
                // Requests reach the engine in order: pause (a no-op if paused), then step.
                run.pause();
                store.dispatch(CellAction::Paused { generation: *generation.borrow() });
                run.step();
            }
        })
    };
    let stop = {
        let (store, handle, generation) = (store.clone(), handle.clone(), generation.clone());
        use_callback((), move |(), _| {
            drop(handle.borrow_mut().take());
            store.dispatch(CellAction::Stopped { generation: *generation.borrow() });
        })
    };
    let rerun_soon = {
        let (store, run, rerun_timer) = (store.clone(), run.clone(), rerun_timer.clone());
        use_callback((), move |(), _| {
            if store.current().run.phase != Phase::Idle {
                let run = run.clone();
                *rerun_timer.borrow_mut() = Some(Delayed::new(RERUN_AFTER_EDIT_MS, move || run.emit(())));
            }
        })
    };

    let ended = matches!(store.current().run.phase, Phase::Ended(_));
    {
        let handle = handle.clone();
        use_effect_with(ended, move |ended| {
            if *ended {
                drop(handle.borrow_mut().take());
            }
        });
    }
    {
        let run = run.clone();
        use_effect_with((), move |_| {
            if autorun {
                run.emit(());
            }
            move || {
                drop(rerun_timer.borrow_mut().take());
                drop(handle.borrow_mut().take());
            }
        });
    }
    CellRunner { run, stop, pause, resume, step, rerun_soon }
}
