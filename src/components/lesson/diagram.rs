//! The Mermaid diagram: rendered lazily to SVG by mermaid.js (see `web::mermaid`), with its
//! source behind a "Voir la source" toggle, a French error message on failure, and lifecycle
//! highlighting by CSS classes on the SVG nodes (never a re-render), told in words by a live
//! caption under the drawing.

use crate::cell::lifecycle::FOLLOWED_GID;
use crate::lesson::LifecycleStep;
use crate::web::mermaid;
use std::rc::Rc;
use yew::prelude::*;

/// The lifecycle step the page's cells light, given by context: a change re-renders the
/// diagrams that read it, not the lesson around them. When provided, it wins over
/// [`DiagramProps::highlight`], which serves a lesson shown without cells.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct DiagramHighlight(pub Option<LifecycleStep>);

/// How far from the viewport the diagram starts loading Mermaid.
const ROOT_MARGIN: &str = "400px 0px";

#[derive(Properties, PartialEq, Clone)]
pub struct DiagramProps {
    /// The diagram as written in the lesson (shown by "Voir la source" and on error).
    pub source: AttrValue,
    /// The text given to Mermaid (labels quoted, see `lesson::quote_mermaid_labels`).
    pub quoted: AttrValue,
    /// Caption of the figure.
    #[prop_or_default]
    pub caption: AttrValue,
    /// The lifecycle step to light up, if any.
    #[prop_or_default]
    pub highlight: Option<LifecycleStep>,
}

#[derive(Clone, Debug, PartialEq)]
enum Status {
    /// Not near the viewport yet.
    Waiting,
    Loading,
    Rendered,
    Failed(String),
}

#[derive(Clone, Debug, PartialEq)]
struct State {
    wanted: bool,
    dark: bool,
    status: Status,
}

enum Action {
    Near,
    Scheme(bool),
    Done(Result<(), String>),
}

impl Reducible for State {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Near if !self.wanted => {
                next.wanted = true;
                next.status = Status::Loading;
            }
            Action::Near => return self,
            Action::Scheme(dark) if dark != self.dark => next.dark = dark,
            Action::Scheme(_) => return self,
            Action::Done(Ok(())) => next.status = Status::Rendered,
            Action::Done(Err(e)) => next.status = Status::Failed(e),
        }
        Rc::new(next)
    }
}

#[component]
pub fn Diagram(props: &DiagramProps) -> Html {
    let figure = use_node_ref();
    let canvas = use_node_ref();
    let state = use_reducer(|| State { wanted: false, dark: mermaid::prefers_dark(), status: Status::Waiting });
    let highlight = use_context::<DiagramHighlight>().map_or(props.highlight, |lit| lit.0);

    // Mount: watch the viewport distance and the colour scheme.
    {
        let figure = figure.clone();
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let near = figure.cast::<web_sys::Element>().map(|el| {
                let d = dispatcher.clone();
                mermaid::when_near_viewport(&el, ROOT_MARGIN, Callback::from(move |_| d.dispatch(Action::Near)))
            });
            let d = dispatcher.clone();
            let scheme = mermaid::watch_color_scheme(Callback::from(move |dark| d.dispatch(Action::Scheme(dark))));
            move || {
                drop(near);
                drop(scheme);
            }
        });
    }

    // Render when wanted, and again when the colour scheme changes.
    {
        let canvas = canvas.clone();
        let dispatcher = state.dispatcher();
        let quoted = props.quoted.to_string();
        use_effect_with((state.wanted, state.dark), move |&(wanted, dark)| {
            if wanted {
                if let Some(el) = canvas.cast::<web_sys::Element>() {
                    mermaid::render_then(
                        el,
                        quoted,
                        dark,
                        Callback::from(move |r| dispatcher.dispatch(Action::Done(r))),
                    );
                }
            }
        });
    }

    // Highlight: toggles classes on the SVG nodes (remembered for later renders).
    {
        let canvas = canvas.clone();
        use_effect_with(highlight, move |step| {
            if let Some(el) = canvas.cast::<web_sys::Element>() {
                mermaid::set_highlight(
                    &el,
                    step.map(LifecycleStep::node_id),
                    step.is_some_and(LifecycleStep::is_killed),
                );
            }
        });
    }

    let status = match &state.status {
        Status::Waiting | Status::Loading => html! {
            <p class="diagram-status" aria-live="polite">{ "Chargement du diagramme…" }</p>
        },
        Status::Rendered => html! {},
        Status::Failed(message) => html! {
            <div class="diagram-error" role="alert">
                <p>
                    { "Le diagramme n’a pas pu être dessiné. Voici sa source Mermaid, à lire telle quelle." }
                </p>
                <p class="diagram-error-detail">{ format!("Détail technique : {message}") }</p>
                <pre class="code diagram-error-source" tabindex="0"><code translate="no">{ props.source.clone() }</code></pre>
            </div>
        },
    };
    let live =
        highlight.map(|step| format!("Goroutine suivie (g{FOLLOWED_GID}) : {}", step.label_fr())).unwrap_or_default();
    let killed = highlight.is_some_and(LifecycleStep::is_killed);
    let busy = if matches!(state.status, Status::Loading) { "true" } else { "false" };
    let failed = matches!(state.status, Status::Failed(_));
    html! {
        <figure class={classes!("diagram", failed.then_some("diagram-failed"))} ref={figure} aria-busy={busy}>
            // yew never renders children into this div: mermaid's SVG goes there.
            <div class="diagram-canvas" ref={canvas}></div>
            { status }
            // Always in the DOM (a live region must exist before it changes); empty, hence
            // collapsed, when nothing is lit.
            <p class={classes!("diagram-live", killed.then_some("killed"))} aria-live="polite">{ live }</p>
            <details class="diagram-source">
                <summary>{ "Voir la source" }</summary>
                <pre class="code" tabindex="0"><code class="language-mermaid" translate="no">{ props.source.clone() }</code></pre>
            </details>
            if !props.caption.is_empty() {
                <figcaption>{ props.caption.clone() }</figcaption>
            }
        </figure>
    }
}
