//! « Goroutine ou thread ? » measured live: under the lesson's table, a button starts 10^5 of the
//! notebook's goroutines and shows what one costs here next to Go's reference figures.
//!
//! The figures are labelled for what they are (Rust futures in wasm, one browser thread), and
//! Go's are given as the lesson's references, never as measured here. The run itself lives in
//! [`MeasureRun`] (batches across browser timers, so the page keeps painting); this component
//! holds it only as a handle, dropped to stop.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::web::bench::{MeasureResult, MeasureRun, MeasureUpdate};

/// Goroutines started by one measurement.
const GOROUTINES: u32 = 100_000;

#[derive(Clone, Debug, PartialEq)]
enum View {
    Idle,
    Creating { created: u32, total: u32 },
    Parked(MeasureResult),
    Done(MeasureResult),
    Stopped,
}

/// `1234.5` → `1 234,5` (French separators, narrow no-break space for thousands).
fn fr(value: f64, decimals: usize) -> String {
    let text = format!("{:.*}", decimals, value.abs());
    let (int, frac) = text.split_once('.').map_or((text.as_str(), None), |(i, f)| (i, Some(f)));
    let mut grouped = String::new();
    for (i, digit) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push('\u{202f}');
        }
        grouped.push(digit);
    }
    let sign = if value < 0.0 && value.abs() >= 0.5 * 10f64.powi(-(decimals as i32)) { "-" } else { "" };
    match frac {
        Some(frac) => format!("{sign}{grouped},{frac}"),
        None => format!("{sign}{grouped}"),
    }
}

fn bytes_fr(bytes: f64) -> String {
    if bytes >= 1024.0 * 1024.0 {
        format!("{} Mo", fr(bytes / (1024.0 * 1024.0), 1))
    } else {
        format!("{} octets", fr(bytes, 0))
    }
}

#[component]
pub fn MeasureWidget() -> Html {
    let view = use_state(|| View::Idle);
    let run: Rc<RefCell<Option<MeasureRun>>> = use_mut_ref(|| None);

    let on_start = {
        let (view, run) = (view.clone(), run.clone());
        Callback::from(move |_: MouseEvent| {
            // Drop any previous run before starting, so two never overlap.
            drop(run.borrow_mut().take());
            view.set(View::Creating { created: 0, total: GOROUTINES });
            let setter = view.setter();
            let on_update = Callback::from(move |update: MeasureUpdate| {
                setter.set(match update {
                    MeasureUpdate::Creating { created, total } => View::Creating { created, total },
                    MeasureUpdate::Parked(result) => View::Parked(result),
                    MeasureUpdate::Done(result) => View::Done(result),
                })
            });
            *run.borrow_mut() = Some(MeasureRun::start(GOROUTINES, on_update));
        })
    };
    let on_stop = {
        let (view, run) = (view.clone(), run.clone());
        Callback::from(move |_: MouseEvent| {
            drop(run.borrow_mut().take());
            view.set(View::Stopped);
        })
    };
    {
        // A finished run releases its goroutines and timers at once.
        let run = run.clone();
        use_effect_with((*view).clone(), move |view| {
            if matches!(view, View::Done(_)) {
                drop(run.borrow_mut().take());
            }
        });
    }
    {
        // Unmounting stops a run in progress.
        let run = run.clone();
        use_effect_with((), move |_| move || drop(run.borrow_mut().take()));
    }

    let running = matches!(*view, View::Creating { .. } | View::Parked(_));
    let status = match &*view {
        View::Idle => html! {},
        View::Creating { created, total } => html! {
            <p class="measure-progress" role="status">
                <progress max={total.to_string()} value={created.to_string()}></progress>
                { format!(" {} / {} goroutines créées", fr(f64::from(*created), 0), fr(f64::from(*total), 0)) }
            </p>
        },
        View::Parked(result) => html! {
            <p class="measure-progress" role="status">
                { format!("{} goroutines endormies en même temps ; elles se réveillent…", fr(result.parked as f64, 0)) }
            </p>
        },
        View::Done(result) => html! {
            <p class="measure-progress" role="status">
                { format!("Terminé : les {} goroutines se sont réveillées et ont fini ({} ms au total, dont 1 s de sommeil).",
                          fr(f64::from(result.goroutines), 0), fr(result.total_ms, 0)) }
            </p>
        },
        View::Stopped => html! { <p class="measure-progress" role="status">{ "Mesure arrêtée." }</p> },
    };
    let measured = match &*view {
        View::Parked(result) | View::Done(result) => Some(*result),
        _ => None,
    };
    let cell = |value: Option<String>| match value {
        Some(value) => html! { <td><strong>{ value }</strong></td> },
        None => html! { <td class="measure-pending">{ "—" }</td> },
    };

    html! {
        <section class="measure-widget" aria-label="Mesure en direct : goroutines dans votre navigateur">
            <p class="measure-intro">
                { format!("Lancez {} goroutines du carnet (chacune dort 1 s) et mesurez ce que coûte chacune ici.",
                          fr(f64::from(GOROUTINES), 0)) }
            </p>
            <div class="controls">
                <button class="primary" onclick={on_start} disabled={running}>{ "Mesurer dans votre navigateur" }</button>
                <button class="stop" onclick={on_stop} disabled={!running}>{ "Arrêter" }</button>
            </div>
            { status }
            <div class="measure-table-wrap">
                <table class="measure-table">
                    <thead>
                        <tr>
                            <th scope="col"></th>
                            <th scope="col">{ "Mesuré ici : futures Rust/wasm dans ce navigateur, sur un seul thread" }</th>
                            <th scope="col">{ "Référence Go (leçon, Go 1.19)" }</th>
                        </tr>
                    </thead>
                    <tbody>
                        <tr>
                            <th scope="row">{ "Création d’une goroutine" }</th>
                            { cell(measured.map(|r| format!("{} µs", fr(r.create_us_per_goroutine, 2)))) }
                            <td>{ "quelques microsecondes" }</td>
                        </tr>
                        <tr>
                            <th scope="row">{ "Mémoire par goroutine endormie" }</th>
                            { cell(measured.map(|r| bytes_fr(r.bytes_per_parked_goroutine))) }
                            <td>{ "environ 2 à 2,6 Ko de pile" }</td>
                        </tr>
                    </tbody>
                </table>
            </div>
            <p class="measure-note">
                { "La création compte le lancement, la remise à l’exécuteur et le premier passage jusqu’au sommeil ; \
                   la mémoire est la croissance du tas Rust pendant que toutes dorment. Go, lui, répartit ses \
                   goroutines sur plusieurs threads : les chiffres de Go sont des valeurs de référence, pas mesurées ici." }
                { measured.filter(|r| r.wasm_growth_bytes > 0.0).map(|r| format!(
                    " Mémoire wasm ajoutée : {}.", bytes_fr(r.wasm_growth_bytes))).unwrap_or_default() }
            </p>
        </section>
    }
}
