//! Proves the wasm test runner: a test that needs a real browser document.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn runs_in_a_browser_document() {
    let document = web_sys::window().and_then(|w| w.document()).expect("a document");
    let body = document.body().expect("a body");
    let p = document.create_element("p").expect("an element");
    p.set_text_content(Some("goroutine"));
    body.append_child(&p).expect("appended");
    assert!(body.text_content().unwrap_or_default().contains("goroutine"));
}
