//! The output console: each line with its time and its goroutine's colour, stderr apart, and
//! the exit status at the end, as Go reports it.

use yew::prelude::*;

use super::Unowned;
use crate::cell::hints::Hint;
use crate::cell::state::{ConsoleLine, Phase, RunEnd, Stream};

#[derive(Properties, PartialEq)]
pub struct ConsoleProps {
    pub lines: Unowned<Vec<ConsoleLine>>,
    pub dropped: u64,
    pub phase: Phase,
    /// The run's generation: chunks of another run are other chunks.
    #[prop_or_default]
    pub run: u64,
    /// French help under Go's messages (never instead of them).
    #[prop_or_default]
    pub hints: Vec<Hint>,
}

/// The colour class of a goroutine; main (1) gets the first.
pub fn colour_class(gid: u64) -> String {
    format!("g-c{}", (gid.saturating_sub(1)) % 8)
}

pub fn format_ms(ms: f64) -> String {
    if ms >= 10_000.0 {
        format!("{:.1} s", ms / 1000.0).replace('.', ",")
    } else {
        format!("{} ms", ms.round() as u64)
    }
}

/// Console lines per chunk.
const CHUNK: usize = 100;

#[derive(Properties)]
struct ChunkProps {
    lines: Unowned<Vec<ConsoleLine>>,
    start: usize,
    end: usize,
    run: u64,
}

impl PartialEq for ChunkProps {
    /// Same run, same range: same lines (a run's lines are only ever appended).
    fn eq(&self, other: &Self) -> bool {
        (self.run, self.start, self.end) == (other.run, other.start, other.end)
    }
}

#[component]
fn ConsoleChunk(props: &ChunkProps) -> Html {
    let Some(all) = props.lines.get() else { return Html::default() };
    let lines = all.get(props.start..props.end).unwrap_or_default().iter().map(|line| {
        let class = match line.stream {
            Stream::Stdout => classes!("line", colour_class(line.gid)),
            Stream::Stderr => classes!("line", "stderr"),
        };
        html! {
            <div {class}>
                <span class="time">{ format_ms(line.at_ms) }</span>
                <span class="gid" title={format!("goroutine {}", line.gid)}>{ format!("g{}", line.gid) }</span>
                <span class="text">{ &line.text }</span>
            </div>
        }
    });
    html! { <div class="console-chunk">{ for lines }</div> }
}

#[component]
pub fn Console(props: &ConsoleProps) -> Html {
    let console_ref = use_node_ref();
    let all_lines = props.lines.get().unwrap_or_default();
    {
        // Follow the newest line, like a terminal.
        let console_ref = console_ref.clone();
        let count = all_lines.len();
        use_effect_with(count, move |_| {
            if let Some(element) = console_ref.cast::<web_sys::Element>() {
                element.set_scroll_top(element.scroll_height());
            }
        });
    }
    // Lines only ever come after the others in a run: a full chunk never changes, so a new
    // batch renders the last chunk alone, however many lines came before.
    let lines = (0..all_lines.len()).step_by(CHUNK).map(|start| {
        let end = (start + CHUNK).min(all_lines.len());
        html! { <ConsoleChunk key={start} lines={props.lines.clone()} {start} {end} run={props.run} /> }
    });
    let dropped = (props.dropped > 0).then(|| {
        html! { <div class="truncated">{ format!("… {} lignes de plus non affichées", props.dropped) }</div> }
    });
    let status = match &props.phase {
        Phase::Ended(RunEnd::Exited { status: 0 }) => {
            html! { <div class="status ok">{ "Programme terminé (code 0)" }</div> }
        }
        Phase::Ended(RunEnd::Exited { status }) => {
            html! { <div class="status fail">{ format!("Programme terminé (code {status})") }</div> }
        }
        Phase::Ended(RunEnd::Stopped) => html! { <div class="status">{ "Exécution arrêtée." }</div> },
        _ => html! {},
    };
    html! {
        <div class="console" role="log" aria-live="polite" aria-label="Sortie du programme" tabindex="0" ref={console_ref}>
            { for lines }{ for dropped }{ status }
            if !props.hints.is_empty() {
                <ul class="go-help" aria-label="Aide">
                    { for props.hints.iter().map(|hint| html! { <li>{ hint.text_fr() }</li> }) }
                </ul>
            }
        </div>
    }
}
