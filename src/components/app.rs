//! The notebook's root component.
use yew::prelude::*;

#[component]
pub fn App() -> Html {
    html! { <main id="notebook"><h1>{ "Utiliser les goroutines pour lancer des tâches" }</h1></main> }
}
