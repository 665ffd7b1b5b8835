//! Exécuter, Arrêter, Pause / Reprendre, Pas à pas, Réinitialiser, the speed control and
//! « Copier le lien ».

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::url_state::Speed;

#[derive(Properties, PartialEq)]
pub struct ControlsProps {
    pub cell: u8,
    pub running: bool,
    /// The run stands still: « Reprendre » instead of « Pause ».
    pub paused: bool,
    pub speed: Speed,
    pub on_run: Callback<()>,
    pub on_stop: Callback<()>,
    pub on_reset: Callback<()>,
    pub on_pause: Callback<()>,
    pub on_resume: Callback<()>,
    pub on_step: Callback<()>,
    pub on_format: Callback<()>,
    pub on_speed: Callback<Speed>,
    pub on_copy: Callback<()>,
    /// Feedback from the last copy: Some(true) copied, Some(false) refused.
    pub copied: Option<bool>,
}

#[component]
pub fn Controls(props: &ControlsProps) -> Html {
    let speed_id = format!("cell{}-speed", props.cell);
    let on_speed = props.on_speed.reform(|e: Event| {
        let value = e.target_unchecked_into::<HtmlSelectElement>().value();
        Speed::from_query(&value).unwrap_or_default()
    });
    let options = Speed::CHOICES.iter().map(|speed| {
        html! { <option value={speed.as_query()} selected={*speed == props.speed}>{ speed.label_fr() }</option> }
    });
    let copied = match props.copied {
        Some(true) => html! { <span class="copied" role="status">{ "Lien copié ✓" }</span> },
        Some(false) => {
            html! { <span class="copied" role="status">{ "Copie refusée : le lien est dans la barre d’adresse." }</span> }
        }
        None => html! {},
    };
    html! {
        <div class="controls">
            <button class="primary run" onclick={props.on_run.reform(|_| ())}
                    title="Exécuter (Ctrl+Entrée)">{ "Exécuter" }</button>
            <button class="stop" onclick={props.on_stop.reform(|_| ())} disabled={!props.running}>{ "Arrêter" }</button>
            if props.running && props.paused {
                <button class="resume" onclick={props.on_resume.reform(|_| ())}>{ "Reprendre" }</button>
            } else {
                <button class="pause" onclick={props.on_pause.reform(|_| ())} disabled={!props.running}>{ "Pause" }</button>
            }
            <button class="step" onclick={props.on_step.reform(|_| ())}
                    title="Exécuter jusqu’au prochain événement d’une goroutine : un affichage, une pause, un blocage, un réveil, une fin">
                { "Pas à pas" }
            </button>
            <button class="format" onclick={props.on_format.reform(|_| ())}
                    title="Mettre le code en forme comme gofmt">{ "Formater" }</button>
            <button class="reset" onclick={props.on_reset.reform(|_| ())}>{ "Réinitialiser" }</button>
            <label for={speed_id.clone()}>{ "Vitesse" }
                <select id={speed_id} onchange={on_speed}>{ for options }</select>
            </label>
            <button class="copy-link" onclick={props.on_copy.reform(|_| ())}>{ "Copier le lien" }</button>
            { copied }
            <span class="hint">{ "Ctrl/Cmd + Entrée exécute la cellule." }</span>
        </div>
    }
}
