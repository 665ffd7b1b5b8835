//! A runnable cell: scenario selector, parameters, live Go source, controls, console,
//! timeline and summary. It renders [`CellState`] and dispatches [`CellAction`]s; the run
//! itself lives in `CellRun` (`web::run_service`), held by [`use_cell_runner`] only as a
//! handle that is dropped to stop it.
//!
//! Every callback handed to a child is memoised, and the run's big buffers reach children as
//! [`Unowned`] views, so a batch re-renders only what it changed.

mod console;
mod controls;
pub mod editor;
mod params;
mod summary;
mod timeline;
mod unowned;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::cell::lifecycle::{lifecycle_step, FOLLOWED_GID};
use crate::cell::marks::ParamSpan;
use crate::cell::state::{CellAction, CellState, Phase};
use crate::cell::timeline::Timeline;
use crate::lesson::{cells, LifecycleStep};
use crate::scenarios::{self, Params, ScenarioId};
use crate::url_state::{parse_query, to_query, CellLink, LinkNotice, MAX_CODE_BYTES};
use crate::web::{engine_client, page};

use super::hooks::{use_cell_runner, use_cell_store, CellRunner};
use console::Console;
use controls::Controls;
use editor::CodeEditor;
use params::ParamsPanel;
use summary::{Summary, TimelineTable};
use timeline::TimelineView;
pub use unowned::Unowned;

#[derive(Properties, PartialEq)]
pub struct CellProps {
    pub index: u8,
    /// The state a share link asked for, if it targets this cell.
    pub link: Option<CellLink>,
    pub notices: Vec<LinkNotice>,
    /// The cell's state changed: the page writes it to the address bar.
    pub on_link: Callback<CellLink>,
    /// The followed goroutine moved in the lifecycle diagram (`None`: nothing to show).
    pub on_lifecycle: Callback<(u8, Option<LifecycleStep>)>,
}

/// The DOM id of cell `index`, the target of share links.
pub fn cell_id(index: u8) -> String {
    format!("cellule-{index}")
}

#[component]
pub fn RunnableCell(props: &CellProps) -> Html {
    let store = {
        let (index, link, notices) = (props.index, props.link.clone(), props.notices.clone());
        // A link for this cell wins; otherwise the reader's own code from their last visit.
        use_cell_store(move || {
            let saved = || page::saved_cell(index).and_then(|query| parse_query(&query).cell);
            let link = link
                .or_else(|| saved().filter(|link| link.code.is_some()).map(|link| CellLink { cell: index, ..link }));
            CellState::new(index, link, notices)
        })
    };
    let runner = use_cell_runner(&store, props.link.as_ref().is_some_and(|link| link.run));
    // Read for this render only: holding it longer would make the next batch copy the buffers.
    let state = store.current();
    let copied = use_state(|| None::<bool>);
    let CellRunner { run, stop, pause, resume, step, rerun_soon } = runner;

    // The address bar follows the cell, and the reader's own code is kept for their next visit.
    {
        let (on_link, index) = (props.on_link.clone(), props.index);
        use_effect_with(state.link(), move |link| {
            // Only the reader's own code is written, never erased: a preset link or « Code de
            // la leçon » must not cost them what they typed.
            if link.code.is_some() {
                page::save_cell(index, &to_query(link));
            }
            on_link.emit(link.clone());
        });
    }
    // The lifecycle diagram follows the first goroutine of this cell's run.
    {
        let on_lifecycle = props.on_lifecycle.clone();
        let index = props.index;
        use_effect_with(lifecycle_step(&state.run, FOLLOWED_GID), move |step| on_lifecycle.emit((index, *step)));
    }

    let on_edit = {
        let store = store.clone();
        use_callback(rerun_soon, move |(name, text): (&'static str, String), rerun_soon| {
            store.dispatch(CellAction::EditParam { name, text });
            // Once the reader has run the cell, edits rerun it (debounced while sliding).
            rerun_soon.emit(());
        })
    };
    let on_scenario = {
        let store = store.clone();
        use_callback(stop.clone(), move |e: Event, stop| {
            let name = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(scenario) = ScenarioId::from_name(&name) {
                stop.emit(());
                store.dispatch(CellAction::SelectScenario(scenario));
            }
        })
    };
    let on_reset = {
        let store = store.clone();
        use_callback(stop.clone(), move |(), stop| {
            stop.emit(());
            store.dispatch(CellAction::Reset);
        })
    };
    let on_code = {
        let store = store.clone();
        use_callback((), move |text: String, _| store.dispatch(CellAction::EditCode(text)))
    };
    // The values the sliders wrote, while the code is the preset's.
    let param_spans = use_memo((state.params.clone(), state.code.is_edited()), |(params, edited)| {
        if *edited {
            return Vec::new();
        }
        let defaults = Params::defaults(params.scenario());
        scenarios::go_source(params)
            .param_spans()
            .into_iter()
            .map(|(range, param)| ParamSpan { range, param, changed: params.get(param) != defaults.get(param) })
            .collect()
    });
    let on_format = {
        let store = store.clone();
        use_callback((), move |(), _| {
            let sent = store.current().code.text().to_owned();
            let store = store.clone();
            let answer = sent.clone();
            engine_client::format(
                sent,
                Callback::from(move |result| store.dispatch(CellAction::Formatted { sent: answer.clone(), result })),
            );
        })
    };
    let on_restore_code = {
        let store = store.clone();
        use_callback((), move |_: MouseEvent, _| store.dispatch(CellAction::RestorePresetCode))
    };
    let on_take_back_code = {
        let store = store.clone();
        use_callback((), move |_: MouseEvent, _| store.dispatch(CellAction::TakeBackCode))
    };
    let on_speed = {
        let store = store.clone();
        use_callback((), move |speed, _| store.dispatch(CellAction::SetSpeed(speed)))
    };
    let on_copy = {
        let (store, copied) = (store.clone(), copied.setter());
        use_callback((), move |(), _| {
            let url = page::share_url(&to_query(&store.current().link()));
            let copied = copied.clone();
            page::copy_then(url, Callback::from(move |ok| copied.set(Some(ok))));
        })
    };
    let on_keydown = use_callback(run.clone(), move |e: KeyboardEvent, run| {
        if e.key() == "Enter" && (e.ctrl_key() || e.meta_key()) {
            e.prevent_default();
            run.emit(());
        }
    });

    let scenario = state.params.scenario();
    let spec = cells::cell(props.index);
    // A free cell runs a program of its own: no preset, no sliders.
    let free = spec.is_some_and(|spec| matches!(spec.origin, cells::Origin::Starter(_)));
    let select_id = format!("cell{}-scenario", props.index);
    let options = ScenarioId::ALL.iter().map(|id| {
        html! { <option value={id.name()} selected={*id == scenario}>{ format!("{} ({})", id.title_fr(), id.name()) }</option> }
    });
    let notices = state.notices.iter().map(|notice| html! { <li>{ notice.message_fr() }</li> });
    let running = state.is_running();
    let progress = running.then(|| {
        let run = &state.run;
        // Time when the duration is known, else goroutines finished over started.
        let (value, max) = match run.expected_ms {
            Some(expected) if expected > 0.0 => (run.now_ms, expected),
            _ => (run.summary.finished as f64, run.summary.started.max(1) as f64),
        };
        html! {
            <div class="progress" role="status">
                <progress value={value.to_string()} max={max.to_string()} aria-label="Progression de l’exécution"></progress>
                <span>{ format!("En cours… t = {} · {} goroutines lancées, {} terminées",
                    console::format_ms(run.now_ms), run.summary.started, run.summary.finished) }</span>
            </div>
        }
    });
    let span_ms = state.run.expected_ms.unwrap_or(0.0).max(state.run.timeline.last_ms());
    let timeline: Unowned<Timeline> = Unowned::new(&state.run.timeline);
    html! {
        <section class="cell" id={cell_id(props.index)} aria-label={format!("Cellule exécutable {}", props.index)} onkeydown={on_keydown}
                 onpointerenter={|_| engine_client::warm_up()} onfocusin={|_| engine_client::warm_up()}>
            <div class="cell-head">
                <h3>{ spec.map_or("Essayez-le", |spec| spec.title_fr) }</h3>
                if !free {
                    <label for={select_id.clone()}>{ "Scénario" }</label>
                    <select id={select_id} onchange={on_scenario}>{ for options }</select>
                }
            </div>
            if free {
                <p class="cell-explanation">{ "Un programme à vous : modifiez-le, exécutez-le, partagez-le. Un WaitGroup attend les travailleurs, un channel rapporte leurs résultats." }</p>
            } else {
                <p class="cell-explanation">{ scenario.explanation_fr() }</p>
            }
            if !state.notices.is_empty() {
                <ul class="notices" role="status">{ for notices }</ul>
            }
            if state.code.is_edited() || state.code.set_aside().is_some() {
                <div class="code-state" role="status">
                    if state.code.is_edited() {
                        <p>{ if free { "Code modifié." } else { "Code modifié : les curseurs ne s’appliquent plus." } }</p>
                        if state.code.text().len() > MAX_CODE_BYTES {
                            <p class="too-long">{ format!(
                                "Code trop long pour un lien (plus de {} Kio) : le lien et la sauvegarde de la page ne le contiennent pas.",
                                MAX_CODE_BYTES / 1024
                            ) }</p>
                        }
                        <button class="restore-code" onclick={on_restore_code}>{ "Code de la leçon" }</button>
                    } else {
                        <p>{ "Votre code est mis de côté." }</p>
                        <button class="take-back-code" onclick={on_take_back_code}>{ "Reprendre mon code" }</button>
                    }
                </div>
            }
            if !free {
                <ParamsPanel cell={props.index} params={state.params.clone()} on_edit={on_edit} disabled={state.code.is_edited()} />
            }
            <CodeEditor id={AttrValue::from(format!("cell{}-code", props.index))}
                        source={AttrValue::from(state.code.shared())} marks={state.run.marks.clone()}
                        params={param_spans} on_edit={on_code} on_run={run.clone()} />
            <Controls cell={props.index} running={running} paused={state.run.paused} speed={state.speed}
                      on_run={run.clone()} on_stop={stop.clone()} on_reset={on_reset}
                      on_pause={pause} on_resume={resume} on_step={step} on_format={on_format}
                      on_speed={on_speed} on_copy={on_copy} copied={*copied} />
            { for progress }
            <Console lines={Unowned::new(&state.run.lines)} dropped={state.run.lines_dropped}
                     phase={state.run.phase.clone()} hints={state.run.all_hints()} run={state.run.generation} />
            if state.run.phase != Phase::Idle {
                <TimelineView timeline={timeline.clone()} now_ms={state.run.now_ms} span_ms={span_ms}
                              running={running} reduced_motion={page::prefers_reduced_motion()} />
                <Summary summary={state.run.summary.clone()} />
                <TimelineTable timeline={timeline} />
            }
        </section>
    }
}
