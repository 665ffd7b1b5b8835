//! The table of contents: sticky beside the text on wide screens, a collapsible `<details>` on
//! narrow ones.

use crate::lesson::TocEntry;
use yew::prelude::*;

/// Must match the wide-layout breakpoint of `styles/main.css`.
pub const WIDE_MEDIA_QUERY: &str = "(min-width: 64rem)";

fn is_wide() -> bool {
    web_sys::window().and_then(|w| w.match_media(WIDE_MEDIA_QUERY).ok().flatten()).is_some_and(|q| q.matches())
}

#[derive(Properties, PartialEq, Clone)]
pub struct TocProps {
    pub entries: Vec<TocEntry>,
}

/// `<nav class="toc" aria-label="Sommaire">` with one link per section (`href="#<id>"`).
#[component]
pub fn Toc(props: &TocProps) -> Html {
    let details = use_node_ref();
    // Open by default on wide screens only (decided once, at mount).
    let open = *use_memo((), |_| is_wide());
    let onclick = {
        let details = details.clone();
        Callback::from(move |_: MouseEvent| {
            // On narrow screens the list covers the text: fold it after a choice.
            if !is_wide() {
                if let Some(d) = details.cast::<web_sys::Element>() {
                    let _ = d.remove_attribute("open");
                }
            }
        })
    };
    html! {
        <nav class="toc" aria-label="Sommaire">
            <details class="toc-details" ref={details} open={open}>
                <summary class="toc-summary">{ "Sommaire" }</summary>
                <ol class="toc-list">
                    { for props.entries.iter().map(|e| html! {
                        <li class={classes!("toc-item", format!("toc-level-{}", e.level))}>
                            <a href={format!("#{}", e.id)} onclick={onclick.clone()}>{ e.title.clone() }</a>
                        </li>
                    }) }
                </ol>
            </details>
        </nav>
    }
}
