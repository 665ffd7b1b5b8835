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
    // The cells mount a task after the lesson's text: in a fresh tab the first render also
    // compiles the page's code as it first runs, and both at once made a task of 60 to 140 ms.
    // A link's run on open does not wait for its cell: it starts before the first render
    // (`web::engine_client::prestart`), and the cell adopts it.
    let cells_shown = use_state_eq(|| false);
    {
        let show = cells_shown.setter();
        use_effect_with((), move |_| {
            let timer = Timeout::new(0, move || show.set(true));
            move || drop(timer)
        });
    }
    {
        let target = link.cell.as_ref().map(|cell| cell.cell).filter(|_| *cells_shown);
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
                <LessonView cells={cells().iter().filter(|_| *cells_shown).map(|spec| (spec.id, cell(spec.id))).collect::<Vec<_>>()}
                            after_table={html! { <MeasureWidget /> }} />
            </ContextProvider<DiagramHighlight>>
        </>
    }
}
