//! Small browser services for the cells: the address bar, the clipboard, scrolling and the
//! user's motion preference. Components call these instead of touching `web_sys` themselves.

use wasm_bindgen::JsValue;

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The current query string, without the leading `?`.
pub fn current_query() -> String {
    window()
        .and_then(|w| w.location().search().ok())
        .map(|search| search.trim_start_matches('?').to_owned())
        .unwrap_or_default()
}

/// Replaces (never pushes) the address bar's query, keeping the path so links keep working
/// under a sub-path, and keeping the hash.
pub fn replace_query(query: &str) {
    let Some(window) = window() else { return };
    let location = window.location();
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    let url = if query.is_empty() { format!("{path}{hash}") } else { format!("{path}?{query}{hash}") };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// The absolute URL of this page with `query`, for sharing.
pub fn share_url(query: &str) -> String {
    let Some(window) = window() else { return String::new() };
    let location = window.location();
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    format!("{origin}{path}?{query}")
}

/// Copies `text`; resolves to whether the browser accepted it.
pub async fn copy_to_clipboard(text: String) -> bool {
    let Some(window) = window() else { return false };
    let promise = window.navigator().clipboard().write_text(&text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Scrolls the element with `id` into view (instantly when the user prefers reduced motion).
pub fn scroll_to_id(id: &str) {
    let Some(element) = window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id)) else {
        return;
    };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Start);
    options.set_behavior(if prefers_reduced_motion() {
        web_sys::ScrollBehavior::Instant
    } else {
        web_sys::ScrollBehavior::Smooth
    });
    element.scroll_into_view_with_scroll_into_view_options(&options);
}

pub fn prefers_reduced_motion() -> bool {
    window()
        .and_then(|w| w.match_media("(prefers-reduced-motion: reduce)").ok().flatten())
        .is_some_and(|query| query.matches())
}

/// Copies `text` and reports whether it worked, without the caller spawning anything.
pub fn copy_then(text: String, on_done: yew::Callback<bool>) {
    wasm_bindgen_futures::spawn_local(async move {
        on_done.emit(copy_to_clipboard(text).await);
    });
}

/// Where cell `index` keeps the reader's own code between visits.
fn saved_key(index: u8) -> String {
    format!("goroutines-notebook/cellule-{index}")
}

fn local_storage() -> Option<web_sys::Storage> {
    window().and_then(|w| w.local_storage().ok().flatten())
}

/// The link (query string) saved for cell `index` on the reader's last visit, if any.
pub fn saved_cell(index: u8) -> Option<String> {
    local_storage().and_then(|storage| storage.get_item(&saved_key(index)).ok().flatten())
}

/// Saves cell `index`'s link, its code included. Storage may be full or disabled (private
/// browsing): the page then simply does not remember.
pub fn save_cell(index: u8, query: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(&saved_key(index), query);
    }
}
