//! The notebook's root: the lesson, a runnable cell under each of its two programs, the live
//! measurement under its table, and the share link in the address bar.
//!
//! The callbacks given to the cells are memoised and the lit lifecycle step reaches the diagram
//! by context: lighting a node re-renders the diagram alone, not the lesson nor the cells.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use yew::prelude::*;

use super::cell::{cell_id, RunnableCell};
use super::lesson::{DiagramHighlight, LessonView};
use super::measure::MeasureWidget;
use crate::lesson::cells::cells;
use crate::lesson::LifecycleStep;
use crate::url_state::{parse_query, to_query, CellLink, LinkNotice, ParsedLink};
use crate::web::page;

/// Tasks over which the lesson's text mounts (its sections in equal parts).
const TEXT_STEPS: usize = 3;

#[component]
pub fn App() -> Html {
    let link: Rc<ParsedLink> = use_memo((), |_| parse_query(&page::current_query()));
    let highlight = use_state_eq(DiagramHighlight::default);
    // The last state each cell reported; the first report is the page opening, not an edit.
    let reported: Rc<RefCell<HashMap<u8, CellLink>>> = use_mut_ref(HashMap::new);

    let on_link = use_callback((), move |cell_link: CellLink, _| {
        let mut reported = reported.borrow_mut();
        let previous = reported.insert(cell_link.cell, cell_link.clone());
        if previous.is_some_and(|previous| previous != cell_link) {
            page::replace_query(&to_query(&cell_link));
        }
    });
    // The diagram follows whichever cell last moved its goroutine.
    let on_lifecycle = {
        let highlight = highlight.setter();
        use_callback((), move |(_, step): (u8, Option<LifecycleStep>), _| {
            if step.is_some() {
                highlight.set(DiagramHighlight(step));
            }
        })
    };
    // The page mounts in steps, one per task, so that no task of a fresh tab's first render
    // holds it all: the lesson's text in `TEXT_STEPS` parts, then each cell in reading order
    // (in a fresh tab the text, the cells and the first run of the page's code made one task of
    // 60 to 240 ms). A link's run on open does not wait for its cell: it starts before the first
    // render (`web::engine_client::prestart`), and the cell adopts it.
    let steps = TEXT_STEPS + cells().len();
    let step = use_state_eq(|| 1usize);
    {
        let next = step.setter();
        use_effect_with(*step, move |&shown| {
            let timer = (shown < steps).then(|| Timeout::new(0, move || next.set(shown + 1)));
            move || drop(timer)
        });
    }
    let sections = crate::lesson::lesson().sections.len();
    let sections_shown = sections * (*step).min(TEXT_STEPS) / TEXT_STEPS;
    let cells_shown = (*step).saturating_sub(TEXT_STEPS);
    {
        // Once the cell is there, with every cell above it: nothing moves it afterwards.
        let target = link
            .cell
            .as_ref()
            .map(|cell| cell.cell)
            .filter(|&index| cells().iter().take(cells_shown).any(|spec| spec.id == index));
        use_effect_with(target, move |target| {
            if let Some(index) = target {
                page::scroll_to_id(&cell_id(*index));
            }
        });
    }

    let cell = |index: u8| {
        let targeted = link.cell.as_ref().filter(|cell| cell.cell == index).cloned();
        let notices = if targeted.is_some() { link.notices.clone() } else { Vec::new() };
        html! {
            <RunnableCell index={index} link={targeted} notices={notices}
                          on_link={on_link.clone()} on_lifecycle={on_lifecycle.clone()} />
        }
    };
    // Notices for a link that opened no cell (an unknown scenario) go at the top.
    let page_notices: Vec<&LinkNotice> = if link.cell.is_none() { link.notices.iter().collect() } else { Vec::new() };
    html! {
        <>
            if !page_notices.is_empty() {
                <div class="page-notices notices" role="alert">
                    { for page_notices.iter().map(|notice| html! { <p>{ notice.message_fr() }</p> }) }
                </div>
            }
            <ContextProvider<DiagramHighlight> context={*highlight}>
                <LessonView cells={cells().iter().take(cells_shown).map(|spec| (spec.id, cell(spec.id))).collect::<Vec<_>>()}
                            after_table={html! { <MeasureWidget /> }} sections_shown={Some(sections_shown)} />
            </ContextProvider<DiagramHighlight>>
        </>
    }
}
