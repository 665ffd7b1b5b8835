//! A runnable cell in a real browser: it runs its program through the browser edge and the
//! engine (here in the page; in production in a Web Worker, which the e2e tests cover) and
//! shows what the program printed, its exit status, its timeline and its summary.
#![cfg(target_arch = "wasm32")]

use goroutines_notebook::components::cell::{CellProps, RunnableCell};
use goroutines_notebook::url_state::parse_query;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use yew::Callback;

wasm_bindgen_test_configure!(run_in_browser);

fn mount(query: &str) -> web_sys::Element {
    // The test runner serves no worker build: the same engine code runs in the page.
    goroutines_notebook::web::engine_client::use_in_page_engine(
        goroutines_notebook::web::engine_worker::handle_in_page,
    );
    let document = web_sys::window().and_then(|w| w.document()).expect("a document");
    let root = document.create_element("div").expect("a div");
    document.body().expect("a body").append_child(&root).expect("appended");
    let link = parse_query(query);
    let props = CellProps {
        index: link.cell.as_ref().map_or(1, |cell| cell.cell),
        link: link.cell,
        notices: link.notices,
        on_link: Callback::noop(),
        on_lifecycle: Callback::noop(),
    };
    yew::Renderer::<RunnableCell>::with_root_and_props(root.clone(), props).render();
    root
}

fn texts(root: &web_sys::Element, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).expect("selector");
    (0..list.length()).filter_map(|i| list.item(i)).map(|n| n.text_content().unwrap_or_default()).collect()
}

/// Waits (up to ~10 s of real time) until `selector` matches: the browser edge runs on real
/// timers, so this layer cannot use virtual time.
async fn wait_for(root: &web_sys::Element, selector: &str) {
    for _ in 0..200 {
        if root.query_selector(selector).ok().flatten().is_some() {
            return;
        }
        gloo_timers::future::TimeoutFuture::new(50).await;
    }
    panic!("{selector} never appeared");
}

#[wasm_bindgen_test]
async fn simple_runs_from_a_link_and_prints_like_go() {
    let root = mount("scenario=simple&speed=instant&run=1");
    wait_for(&root, ".console .status").await;
    let lines = texts(&root, ".console .line .text");
    assert_eq!(lines.len(), 7, "{lines:?}");
    assert_eq!(lines.iter().filter(|l| *l == "Goroutine 1").count(), 3);
    assert_eq!(lines.last().map(String::as_str), Some("Programme principal terminé"));
    assert_eq!(texts(&root, ".console .status"), ["Programme terminé (code 0)"]);
    assert_eq!(texts(&root, ".timeline .lane").len(), 3, "one lane per goroutine");
}

#[wasm_bindgen_test]
async fn deadlock_shows_gos_message_in_stderr() {
    let root = mount("scenario=wg-by-value&speed=instant&run=1");
    wait_for(&root, ".console .status").await;
    let stderr = texts(&root, ".console .stderr .text");
    assert_eq!(stderr.first().map(String::as_str), Some("fatal error: all goroutines are asleep - deadlock!"));
    assert_eq!(texts(&root, ".console .status"), ["Programme terminé (code 2)"]);
}

#[wasm_bindgen_test]
async fn a_clamped_link_value_is_announced() {
    let root = mount("scenario=waitgroup&workers=0");
    wait_for(&root, ".notices li").await;
    assert_eq!(texts(&root, ".notices li"), ["workers : 0 est hors limites, ramené au minimum 1"]);
    let input = root.query_selector("#cell2-workers").ok().flatten().expect("workers field");
    let value = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(input).expect("an input").value();
    assert_eq!(value, "1");
}
