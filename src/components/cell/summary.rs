//! The run's figures, and the timeline's text alternative: a table on demand.

use yew::prelude::*;

use super::console::format_ms;
use super::Unowned;
use crate::cell::state::RunSummary;
use crate::cell::timeline::{Activity, Lane, LaneEnd, Timeline};

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub summary: RunSummary,
}

#[component]
pub fn Summary(props: &SummaryProps) -> Html {
    let s = &props.summary;
    let item = |label: &str, value: String, class: &'static str| {
        html! { <li class={class}>{ format!("{label} : ") }<strong>{ value }</strong></li> }
    };
    html! {
        <ul class="summary" aria-label="Résumé de l’exécution">
            { item("Durée", format_ms(s.elapsed_ms), "") }
            { item("Goroutines lancées", s.started.to_string(), "") }
            { item("terminées", s.finished.to_string(), "") }
            { item("tuées", s.killed.to_string(), "") }
            { item("fuites", s.leaked.to_string(), "") }
            { item("Lignes affichées", s.lines_printed.to_string(), "") }
            { item("Lignes perdues", s.lines_lost.to_string(), if s.lines_lost > 0 { "lost" } else { "" }) }
        </ul>
    }
}

pub fn activity_fr(activity: &Activity) -> String {
    match activity {
        Activity::Running => "en cours".to_owned(),
        Activity::Sleeping => "dort".to_owned(),
        Activity::Blocked(reason) => format!("bloquée ({})", reason.label_fr()),
    }
}

pub fn end_fr(end: &LaneEnd) -> String {
    match end {
        LaneEnd::Done => "terminée".to_owned(),
        LaneEnd::Killed { was } => format!("tuée par la fin de main ({})", activity_fr(was)),
    }
}

#[derive(Properties, PartialEq)]
pub struct TimelineTableProps {
    pub timeline: Unowned<Timeline>,
}

/// Every segment of every lane as rows, for readers who cannot see the drawing; for an
/// aggregated timeline, the per-state counts over time.
#[component]
pub fn TimelineTable(props: &TimelineTableProps) -> Html {
    let timeline = props.timeline.get().unwrap_or_default();
    let table = if timeline.is_aggregated() { counts_table(&timeline) } else { lanes_table(&timeline) };
    html! {
        <details class="timeline-table">
            <summary>{ "Chronologie en tableau" }</summary>
            { table }
        </details>
    }
}

fn lanes_table(timeline: &Timeline) -> Html {
    let rows = timeline.lanes().iter().flat_map(|lane| {
        let name = goroutine_name(lane);
        let segments = lane.segments.iter().map({
            let name = name.clone();
            move |segment| {
                let end = segment.end_ms.map_or("…".to_owned(), format_ms);
                html! { <tr><td>{ name.clone() }</td><td>{ activity_fr(&segment.activity) }</td><td>{ format_ms(segment.start_ms) }</td><td>{ end }</td></tr> }
            }
        });
        let end = lane.end.iter().map(move |(at, end)| {
            html! { <tr><td>{ name.clone() }</td><td>{ end_fr(end) }</td><td>{ format_ms(*at) }</td><td></td></tr> }
        });
        segments.chain(end).collect::<Vec<_>>()
    });
    html! {
        <table>
            <thead><tr><th scope="col">{ "Goroutine" }</th><th scope="col">{ "État" }</th><th scope="col">{ "Début" }</th><th scope="col">{ "Fin" }</th></tr></thead>
            <tbody>{ for rows }</tbody>
        </table>
    }
}

/// At most this many rows of counts; longer runs are sampled evenly.
const MAX_COUNT_ROWS: usize = 60;

fn counts_table(timeline: &Timeline) -> Html {
    let samples = timeline.samples();
    let step = samples.len().div_ceil(MAX_COUNT_ROWS).max(1);
    let rows = samples.iter().step_by(step).map(|(at, c)| {
        html! {
            <tr><td>{ format_ms(*at) }</td><td>{ c.running }</td><td>{ c.sleeping }</td><td>{ c.blocked }</td><td>{ c.done }</td><td>{ c.killed }</td></tr>
        }
    });
    html! {
        <table>
            <thead><tr>
                <th scope="col">{ "Instant" }</th><th scope="col">{ "en cours" }</th><th scope="col">{ "endormies" }</th>
                <th scope="col">{ "bloquées" }</th><th scope="col">{ "terminées" }</th><th scope="col">{ "tuées" }</th>
            </tr></thead>
            <tbody>{ for rows }</tbody>
        </table>
    }
}

/// A lane's name: main, or the goroutine's function and the line that started it.
pub fn goroutine_name(lane: &Lane) -> String {
    match (&lane.label, lane.gid) {
        (_, 1) => "main (g1)".to_owned(),
        (Some(label), gid) => format!("g{gid} {label}"),
        (None, gid) => format!("g{gid}"),
    }
}
