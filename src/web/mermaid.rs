//! Mermaid interop: lazy loading, rendering to SVG, colour scheme and node highlighting.
//!
//! The JS side is `src/web/mermaid_loader.js`: it imports `vendor/mermaid/mermaid.esm.min.mjs`
//! (resolved against `document.baseURI`) only when asked to render.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::Element;
use yew::Callback;

#[wasm_bindgen(module = "/src/web/mermaid_loader.js")]
extern "C" {
    #[wasm_bindgen(js_name = whenNearViewport)]
    fn js_when_near_viewport(element: &Element, root_margin: &str, callback: &Closure<dyn FnMut()>)
        -> js_sys::Function;

    #[wasm_bindgen(js_name = prefersDark)]
    fn js_prefers_dark() -> bool;

    #[wasm_bindgen(js_name = watchColorScheme)]
    fn js_watch_color_scheme(callback: &Closure<dyn FnMut(bool)>) -> js_sys::Function;

    #[wasm_bindgen(js_name = setHighlight)]
    fn js_set_highlight(container: &Element, node: &str, killed: bool);

    #[wasm_bindgen(js_name = renderMermaid)]
    fn js_render_mermaid(container: &Element, source: &str, dark: bool) -> js_sys::Promise;
}

/// Keeps a JS watcher (and its Rust closure) alive; dropping it stops the watcher.
pub struct Subscription {
    stop: Option<js_sys::Function>,
    _closure: Box<dyn std::any::Any>,
}

impl Drop for Subscription {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.call0(&JsValue::NULL);
        }
    }
}

/// Emits `on_near` once, when `element` comes within `root_margin` (CSS margin, e.g. `"300px"`)
/// of the viewport.
pub fn when_near_viewport(element: &Element, root_margin: &str, on_near: Callback<()>) -> Subscription {
    let closure: Closure<dyn FnMut()> = Closure::new(move || on_near.emit(()));
    let stop = js_when_near_viewport(element, root_margin, &closure);
    Subscription { stop: Some(stop), _closure: Box::new(closure) }
}

/// Whether the user prefers a dark colour scheme.
pub fn prefers_dark() -> bool {
    js_prefers_dark()
}

/// Emits the new preference (`true` for dark) whenever `prefers-color-scheme` changes.
pub fn watch_color_scheme(on_change: Callback<bool>) -> Subscription {
    let closure: Closure<dyn FnMut(bool)> = Closure::new(move |dark: bool| on_change.emit(dark));
    let stop = js_watch_color_scheme(&closure);
    Subscription { stop: Some(stop), _closure: Box::new(closure) }
}

/// Lights the SVG node whose Mermaid id is `node` (`None` clears), adding class `lit` (and
/// `killed` when `killed`). Remembered for later renders; never re-renders Mermaid.
pub fn set_highlight(container: &Element, node: Option<&str>, killed: bool) {
    js_set_highlight(container, node.unwrap_or(""), killed);
}

/// Renders `source` into `container` (loading Mermaid on first use) and emits the outcome:
/// `Err` carries a (technical) message.
pub fn render_then(container: Element, source: String, dark: bool, on_done: Callback<Result<(), String>>) {
    wasm_bindgen_futures::spawn_local(async move {
        let result = JsFuture::from(js_render_mermaid(&container, &source, dark)).await;
        on_done.emit(result.map(|_| ()).map_err(|error| error.as_string().unwrap_or_else(|| format!("{error:?}"))));
    });
}
