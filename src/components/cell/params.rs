//! Labelled sliders with number fields and units, bounded as the scenario defines them.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::scenarios::Params;

#[derive(Properties, PartialEq)]
pub struct ParamsProps {
    pub cell: u8,
    pub params: Params,
    /// `(name, typed text)`
    pub on_edit: Callback<(&'static str, String)>,
    /// The reader edited the code: the sliders no longer write into it.
    #[prop_or_default]
    pub disabled: bool,
}

/// Sliders are linear up to this many steps; wider ranges go through the number field or
/// a square-root slider so small values stay reachable.
const LINEAR_SLIDER_MAX: u64 = 1000;

fn to_slider(value: u64, max: u64) -> u64 {
    if max <= LINEAR_SLIDER_MAX {
        value
    } else {
        ((value as f64 / max as f64).sqrt() * 1000.0).round() as u64
    }
}

fn from_slider(position: u64, max: u64, min: u64) -> u64 {
    if max <= LINEAR_SLIDER_MAX {
        position
    } else {
        (((position as f64 / 1000.0).powi(2) * max as f64).round() as u64).max(min)
    }
}

#[component]
pub fn ParamsPanel(props: &ParamsProps) -> Html {
    let fields = props.params.iter().map(|(spec, value)| {
        let max = props.params.max_of(spec).max(spec.min);
        let id = format!("cell{}-{}", props.cell, spec.name);
        let slider_max = if max <= LINEAR_SLIDER_MAX { max } else { 1000 };
        let slider_min = if max <= LINEAR_SLIDER_MAX { spec.min } else { 0 };
        let name = spec.name;
        let min = spec.min;
        let on_slide = props.on_edit.reform(move |e: InputEvent| {
            let position: u64 = e.target_unchecked_into::<HtmlInputElement>().value().parse().unwrap_or(0);
            (name, from_slider(position, max, min).to_string())
        });
        let on_number = props.on_edit.reform(move |e: Event| (name, e.target_unchecked_into::<HtmlInputElement>().value()));
        let unit = if spec.unit.is_empty() { html! {} } else { html! { <span class="unit">{ spec.unit }</span> } };
        html! {
            <div class="param">
                <label for={id.clone()}>{ spec.label_fr }<code>{ spec.name }</code></label>
                <input type="range" id={format!("{id}-range")} aria-label={spec.label_fr}
                       min={slider_min.to_string()} max={slider_max.to_string()}
                       value={to_slider(value, max).to_string()} oninput={on_slide} disabled={props.disabled} />
                <span class="number">
                    <input type="number" id={id} min={spec.min.to_string()} max={max.to_string()} step="1" inputmode="numeric"
                           value={value.to_string()} onchange={on_number} disabled={props.disabled} />
                    { unit }
                </span>
            </div>
        }
    });
    html! { <div class={classes!("params", props.disabled.then_some("stepped-aside"))}>{ for fields }</div> }
}
