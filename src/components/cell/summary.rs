//! The run's figures, and the timeline's text alternative: a table on demand.

use yew::prelude::*;

use super::console::format_ms;
use crate::cell::state::RunSummary;
use crate::cell::timeline::{Activity, LaneEnd, Timeline};

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
        Activity::Blocked(reason) => format!("bloquée ({reason})"),
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
    pub timeline: Timeline,
}

/// Every segment of every lane as rows, for readers who cannot see the drawing.
#[component]
pub fn TimelineTable(props: &TimelineTableProps) -> Html {
    let rows = props.timeline.lanes().iter().flat_map(|lane| {
        let name = goroutine_name(lane.gid);
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
        <details class="timeline-table">
            <summary>{ "Chronologie en tableau" }</summary>
            if props.timeline.is_aggregated() {
                <p>{ format!("Seules les {} premières goroutines sont détaillées.", props.timeline.lanes().len()) }</p>
            }
            <table>
                <thead><tr><th scope="col">{ "Goroutine" }</th><th scope="col">{ "État" }</th><th scope="col">{ "Début" }</th><th scope="col">{ "Fin" }</th></tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        </details>
    }
}

pub fn goroutine_name(gid: u64) -> String {
    if gid == 1 {
        "main (g1)".to_owned()
    } else {
        format!("g{gid}")
    }
}
