//! The timeline drawing: one lane per goroutine, or stacked per-state counts when aggregated.
//! Segments are focusable and named, so hovering or tabbing onto one says what it was.

use yew::prelude::*;

use super::console::format_ms;
use super::summary::{activity_fr, end_fr, goroutine_name};
use super::Unowned;
use crate::cell::timeline::{Activity, LaneEnd, StateCounts, Timeline};
use crate::runtime::BlockReason;

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub timeline: Unowned<Timeline>,
    pub now_ms: f64,
    /// The span to draw, so the scale does not jump while the run goes on.
    pub span_ms: f64,
    pub running: bool,
    /// With reduced motion the now-line is drawn only once the run is over.
    pub reduced_motion: bool,
}

const WIDTH: f64 = 720.0;
const LABEL: f64 = 78.0;
const LANE: f64 = 22.0;
const AXIS: f64 = 22.0;
const AREA_HEIGHT: f64 = 140.0;

struct Scale {
    span: f64,
}

impl Scale {
    fn x(&self, ms: f64) -> f64 {
        LABEL + (ms / self.span).clamp(0.0, 1.0) * (WIDTH - LABEL - 46.0)
    }
}

fn activity_class(activity: &Activity) -> Classes {
    match activity {
        Activity::Running => classes!("seg", "running"),
        Activity::Sleeping => classes!("seg", "sleeping"),
        Activity::Blocked(BlockReason::Mutex | BlockReason::RWMutexLock | BlockReason::RWMutexRLock) => {
            classes!("seg", "blocked", "mutex")
        }
        Activity::Blocked(_) => classes!("seg", "blocked"),
    }
}

#[component]
pub fn TimelineView(props: &TimelineProps) -> Html {
    let tip = use_state(String::new);
    let timeline = props.timeline.get().unwrap_or_default();
    // 5 % of room after the end, so final states (done, killed) stay visible.
    let scale = Scale { span: props.span_ms.max(props.now_ms).max(1.0) * 1.05 };
    let (body, height) = if timeline.is_aggregated() {
        (areas(&timeline, &scale, props.now_ms), AREA_HEIGHT)
    } else {
        lanes(&timeline, &scale, props.now_ms, &tip)
    };
    let show_now = !props.reduced_motion || !props.running;
    let now_x = scale.x(props.now_ms);
    let total = height + AXIS;
    let last_tick = scale.span / 1.05;
    let ticks = (0..=4).map(|i| {
        let ms = last_tick * i as f64 / 4.0;
        let x = scale.x(ms);
        html! { <><line class="axis" x1={x.to_string()} x2={x.to_string()} y1="0" y2={height.to_string()} /><text x={x.to_string()} y={(height + 15.0).to_string()} text-anchor="middle">{ format_ms(ms) }</text></> }
    });
    html! {
        <div class="timeline-wrap">
            <Legend aggregated={timeline.is_aggregated()} />
            <svg class="timeline" viewBox={format!("0 0 {WIDTH} {total}")} role="img"
                 aria-label="Chronologie des goroutines (détails dans le tableau ci-dessous)">
                { for ticks }
                { body }
                if show_now && props.now_ms > 0.0 {
                    <line class="now" x1={now_x.to_string()} x2={now_x.to_string()} y1="0" y2={height.to_string()} />
                }
            </svg>
            <p class="timeline-tip" aria-live="polite">{ (*tip).clone() }</p>
        </div>
    }
}

fn lanes(timeline: &Timeline, scale: &Scale, now_ms: f64, tip: &UseStateHandle<String>) -> (Html, f64) {
    let rows = timeline.lanes().iter().enumerate().map(|(row, lane)| {
        let y = row as f64 * LANE;
        let name = goroutine_name(lane);
        let segments = lane.segments.iter().map(|segment| {
            let end = segment.end_ms.unwrap_or(now_ms);
            let x = scale.x(segment.start_ms);
            let width = (scale.x(end) - x).max(1.5);
            let label = format!(
                "{name} : {} de {} à {}",
                activity_fr(&segment.activity),
                format_ms(segment.start_ms),
                segment.end_ms.map_or("maintenant".to_owned(), format_ms)
            );
            let on_focus = { let tip = tip.clone(); let label = label.clone(); Callback::from(move |_: FocusEvent| tip.set(label.clone())) };
            let on_enter = { let tip = tip.clone(); let label = label.clone(); Callback::from(move |_: MouseEvent| tip.set(label.clone())) };
            html! {
                <rect class={activity_class(&segment.activity)} x={x.to_string()} y={(y + 3.0).to_string()}
                      width={width.to_string()} height={(LANE - 6.0).to_string()} tabindex="0"
                      aria-label={label.clone()} onfocus={on_focus} onmouseenter={on_enter}>
                    <title>{ label }</title>
                </rect>
            }
        });
        let end = lane.end.as_ref().map(|(at, end)| {
            let x = scale.x(*at);
            let label = format!("{name} : {} à {}", end_fr(end), format_ms(*at));
            match end {
                LaneEnd::Done => html! { <circle class="end done" cx={x.to_string()} cy={(y + LANE / 2.0).to_string()} r="4"><title>{ label }</title></circle> },
                LaneEnd::Killed { .. } => html! {
                    <g class="end killed" aria-label={label.clone()}>
                        <title>{ label }</title>
                        <line x1={(x - 5.0).to_string()} x2={(x + 5.0).to_string()} y1={(y + 4.0).to_string()} y2={(y + LANE - 4.0).to_string()} />
                        <line x1={(x - 5.0).to_string()} x2={(x + 5.0).to_string()} y1={(y + LANE - 4.0).to_string()} y2={(y + 4.0).to_string()} />
                        <text x={(x + 8.0).to_string()} y={(y + 14.0).to_string()} class="killed-label">{ "tuée" }</text>
                    </g>
                },
            }
        });
        let prints = lane.prints.iter().map(|at| {
            let x = scale.x(*at);
            html! { <line class="print" x1={x.to_string()} x2={x.to_string()} y1={(y + 1.0).to_string()} y2={(y + LANE - 1.0).to_string()} /> }
        });
        html! {
            <g class="lane">
                <text x="4" y={(y + 15.0).to_string()}>{ name.clone() }</text>
                { for segments }{ for prints }{ for end }
            </g>
        }
    });
    let height = (timeline.lanes().len().max(1) as f64) * LANE;
    (html! { <>{ for rows }</> }, height)
}

/// Stacked bands of per-state counts over time, at most a few hundred of them.
fn areas(timeline: &Timeline, scale: &Scale, now_ms: f64) -> Html {
    let samples = timeline.samples();
    let step = (samples.len() / 300).max(1);
    let picked: Vec<&(f64, StateCounts)> = samples.iter().step_by(step).collect();
    let bands = picked.iter().enumerate().map(|(i, (at, counts))| {
        let next = picked.get(i + 1).map_or(now_ms.max(*at), |(t, _)| *t);
        let x = scale.x(*at);
        let width = (scale.x(next) - x).max(1.0);
        let total = (counts.alive() + counts.done + counts.killed).max(1) as f64;
        let mut y = AREA_HEIGHT;
        let parts = [
            ("running", counts.running),
            ("sleeping", counts.sleeping),
            ("blocked", counts.blocked),
            ("done", counts.done),
            ("killed", counts.killed),
        ];
        let rects = parts.into_iter().filter(|(_, n)| *n > 0).map(|(class, n)| {
            let h = n as f64 / total * AREA_HEIGHT;
            y -= h;
            html! { <rect class={classes!("area", class)} x={x.to_string()} y={y.to_string()} width={width.to_string()} height={h.to_string()} /> }
        }).collect::<Html>();
        let label = format!(
            "à {} : {} en cours, {} endormies, {} bloquées, {} terminées, {} tuées",
            format_ms(*at), counts.running, counts.sleeping, counts.blocked, counts.done, counts.killed
        );
        html! { <g tabindex="0" aria-label={label.clone()}><title>{ label }</title>{ rects }</g> }
    });
    html! { <>{ for bands }</> }
}

#[derive(Properties, PartialEq)]
struct LegendProps {
    aggregated: bool,
}

#[component]
fn Legend(props: &LegendProps) -> Html {
    let item = |class: &str, label: &str| {
        html! { <li><span class={classes!("swatch", "area", class.to_owned())} aria-hidden="true"></span>{ label.to_owned() }</li> }
    };
    html! {
        <ul class="legend">
            { item("running", "en cours") }{ item("sleeping", "endormie (time.Sleep)") }{ item("blocked", "bloquée (WaitGroup, channel)") }
            { item("mutex", "bloquée (mutex)") }
            if props.aggregated { { item("done", "terminée") } }
            if !props.aggregated { <li><span class="print-mark" aria-hidden="true">{ "| " }</span>{ "affiche une ligne" }</li> }
            <li><span class="killed-mark" aria-hidden="true">{ "✕ " }</span>{ "tuée par la fin de main" }</li>
        </ul>
    }
}
