//! The scenario's Go source for the current parameters, highlighted, with the values that
//! come from parameters marked (and marked again when they differ from the default).

use yew::prelude::*;

use crate::lesson::highlight_go;
use crate::scenarios::{self, Params};

#[derive(Properties, PartialEq)]
pub struct SourceProps {
    pub params: Params,
    pub defaults: Params,
    /// The lesson shows this very program just above: start folded until a value changes.
    pub same_as_lesson: bool,
}

/// `(byte range, parameter name)` of each value that comes from a parameter.
fn param_ranges(segments: &[(String, Option<&'static str>)]) -> (String, Vec<(usize, usize, &'static str)>) {
    let mut text = String::new();
    let mut ranges = Vec::new();
    for (piece, param) in segments {
        let start = text.len();
        text.push_str(piece);
        if let Some(name) = param {
            ranges.push((start, text.len(), *name));
        }
    }
    (text, ranges)
}

#[component]
pub fn SourceView(props: &SourceProps) -> Html {
    let source = use_memo(props.params.clone(), |params| param_ranges(&scenarios::go_source(params).segments()));
    let (text, ranges) = &*source;
    let mut nodes = Vec::new();
    let mut offset = 0;
    for token in highlight_go(text) {
        let end = offset + token.text.len();
        let mut cursor = offset;
        // Split the token where a parameter's value starts or ends.
        while cursor < end {
            let inside = ranges.iter().find(|(s, e, _)| *s <= cursor && cursor < *e);
            let next = match inside {
                Some((_, e, _)) => (*e).min(end),
                None => ranges.iter().map(|(s, _, _)| *s).filter(|s| *s > cursor).min().unwrap_or(end).min(end),
            };
            let piece = &text[cursor..next];
            let class = token.kind.class();
            let span = if class.is_empty() {
                html! { { piece } }
            } else {
                html! { <span class={class}>{ piece }</span> }
            };
            nodes.push(match inside {
                Some((_, _, name)) => {
                    let changed = props.params.get(name) != props.defaults.get(name);
                    let class = if changed { "param-value changed" } else { "param-value" };
                    let title = if changed { format!("{name} (modifié)") } else { name.to_string() };
                    html! { <mark class={class} title={title}>{ span }</mark> }
                }
                None => span,
            });
            cursor = next;
        }
        offset = end;
    }
    let changed = props.params != props.defaults;
    let summary = if changed { "Code Go exécuté (valeurs modifiées surlignées)" } else { "Code Go exécuté" };
    html! {
        <details class="cell-source-box" open={!props.same_as_lesson || changed}>
            <summary>{ summary }</summary>
            <pre class="code-go cell-source" aria-label="Code Go du scénario"><code>{ for nodes }</code></pre>
        </details>
    }
}
