//! The code editor in a real browser: its keys (Tab, Shift+Tab, Enter, Ctrl+Enter, Escape) as
//! real `KeyboardEvent`s on the textarea, typing through the browser's own editing, the
//! highlighted overlay, marks and parameter values.
#![cfg(target_arch = "wasm32")]

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use goroutines_notebook::cell::marks::{MarkKind, ParamSpan, SourceMark};
use goroutines_notebook::components::cell::editor::CodeEditor;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{HtmlDocument, HtmlTextAreaElement, KeyboardEvent, KeyboardEventInit};
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

/// What the editor told its parent, and a way to change its source from outside.
#[derive(Clone, Default)]
struct Log {
    edits: Rc<RefCell<Vec<String>>>,
    runs: Rc<Cell<u32>>,
    set_source: Rc<RefCell<Option<UseStateSetter<AttrValue>>>>,
}

#[derive(Properties, Clone)]
struct HarnessProps {
    id: AttrValue,
    source: AttrValue,
    marks: Vec<SourceMark>,
    params: Vec<ParamSpan>,
    log: Log,
}

impl PartialEq for HarnessProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.log.edits, &other.log.edits)
    }
}

/// A parent like the cell: it keeps the source and passes each edit back.
#[component]
fn Harness(props: &HarnessProps) -> Html {
    let source = use_state(|| props.source.clone());
    *props.log.set_source.borrow_mut() = Some(source.setter());
    let on_edit = {
        let (source, edits) = (source.setter(), props.log.edits.clone());
        Callback::from(move |text: String| {
            edits.borrow_mut().push(text.clone());
            source.set(text.into());
        })
    };
    let runs = props.log.runs.clone();
    let on_run = Callback::from(move |()| runs.set(runs.get() + 1));
    html! {
        <CodeEditor id={props.id.clone()} source={(*source).clone()} marks={Rc::new(props.marks.clone())}
                    params={Rc::new(props.params.clone())} {on_edit} {on_run} />
    }
}

struct Mounted {
    root: web_sys::Element,
    textarea: HtmlTextAreaElement,
    log: Log,
}

fn document() -> web_sys::Document {
    web_sys::window().and_then(|w| w.document()).expect("a document")
}

/// Lets yew render (it renders from the microtask queue).
async fn settle() {
    gloo_timers::future::TimeoutFuture::new(10).await;
}

/// Waits (up to ~10 s) until `done`: a long render yields to the browser on the way.
async fn eventually(done: impl Fn() -> bool) {
    for _ in 0..200 {
        if done() {
            return;
        }
        gloo_timers::future::TimeoutFuture::new(50).await;
    }
    panic!("never happened");
}

async fn mount(id: &str, source: &str, marks: Vec<SourceMark>, params: Vec<ParamSpan>) -> Mounted {
    let root = document().create_element("div").expect("a div");
    document().body().expect("a body").append_child(&root).expect("appended");
    let log = Log::default();
    let props =
        HarnessProps { id: id.to_owned().into(), source: source.to_owned().into(), marks, params, log: log.clone() };
    yew::Renderer::<Harness>::with_root_and_props(root.clone(), props).render();
    settle().await;
    let textarea = root
        .query_selector("textarea")
        .ok()
        .flatten()
        .and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok())
        .expect("a textarea");
    textarea.focus().expect("focused");
    Mounted { root, textarea, log }
}

impl Mounted {
    fn select(&self, start: u32, end: u32) {
        self.textarea.set_selection_range(start, end).expect("selected");
    }

    fn caret(&self) -> (u32, u32) {
        let read = |v: Result<Option<u32>, _>| v.ok().flatten().expect("a selection");
        (read(self.textarea.selection_start()), read(self.textarea.selection_end()))
    }

    /// Dispatches a keydown; `true` if the editor prevented the browser's default.
    fn key(&self, key: &str, shift: bool, ctrl: bool) -> bool {
        self.key_with(key, shift, ctrl, false)
    }

    /// The same, with Cmd (macOS) too.
    fn key_with(&self, key: &str, shift: bool, ctrl: bool, meta: bool) -> bool {
        let init = KeyboardEventInit::new();
        init.set_meta_key(meta);
        init.set_key(key);
        init.set_bubbles(true);
        init.set_cancelable(true);
        init.set_shift_key(shift);
        init.set_ctrl_key(ctrl);
        let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("an event");
        !self.textarea.dispatch_event(&event).expect("dispatched")
    }

    /// Types as the browser does: an edit with its `input` event.
    fn type_text(&self, text: &str) {
        let document: HtmlDocument = document().dyn_into().expect("an HTML document");
        assert!(document.exec_command_with_show_ui_and_value("insertText", false, text).expect("execCommand"));
    }

    fn texts(&self, selector: &str) -> Vec<String> {
        let list = self.root.query_selector_all(selector).expect("selector");
        (0..list.length()).filter_map(|i| list.item(i)).map(|n| n.text_content().unwrap_or_default()).collect()
    }

    fn overlay_text(&self) -> String {
        self.texts(".editor-overlay code").concat()
    }

    fn last_edit(&self) -> Option<String> {
        self.log.edits.borrow().last().cloned()
    }
}

fn mark(line: u32, column: u32, message: &str, kind: MarkKind) -> SourceMark {
    SourceMark { line, column, message: message.into(), kind, hint: None }
}

#[wasm_bindgen_test]
async fn typing_reports_the_whole_text_and_the_overlay_follows() {
    let m = mount("ed-type", "package main\n", vec![], vec![]).await;
    assert_eq!(m.textarea.value(), "package main\n");
    assert_eq!(m.overlay_text(), "package main\n");
    m.select(13, 13);
    m.type_text("func main() {}");
    assert_eq!(m.last_edit().as_deref(), Some("package main\nfunc main() {}"));
    settle().await;
    assert_eq!(m.overlay_text(), "package main\nfunc main() {}");
    assert_eq!(m.texts(".editor-overlay .tok-kw"), ["package", "func"]);
    assert_eq!(m.texts(".editor-lines"), ["1\n2"]);
}

#[wasm_bindgen_test]
async fn tab_inserts_a_tab_and_undo_takes_it_back() {
    let m = mount("ed-tab", "x := 1", vec![], vec![]).await;
    m.select(0, 0);
    assert!(m.key("Tab", false, false), "Tab stays in the editor");
    assert_eq!(m.textarea.value(), "\tx := 1");
    assert_eq!(m.last_edit().as_deref(), Some("\tx := 1"));
    assert_eq!(m.caret(), (1, 1));
    // The edit went through the browser's editing: its undo stack has it.
    let document: HtmlDocument = document().dyn_into().expect("an HTML document");
    assert!(document.exec_command("undo").expect("undo"));
    assert_eq!(m.textarea.value(), "x := 1");
    assert_eq!(m.last_edit().as_deref(), Some("x := 1"));
}

#[wasm_bindgen_test]
async fn tab_indents_and_shift_tab_outdents_the_selected_lines() {
    let m = mount("ed-indent", "a\n\tb\n    c\nd", vec![], vec![]).await;
    m.select(0, 10); // "a" to "c", not "d"
    assert!(m.key("Tab", false, false));
    assert_eq!(m.textarea.value(), "\ta\n\t\tb\n\t    c\nd");
    assert_eq!(m.caret(), (1, 13));
    m.select(0, 13);
    assert!(m.key("Tab", true, false));
    assert!(m.key("Tab", true, false));
    assert_eq!(m.textarea.value(), "a\nb\nc\nd");
    assert_eq!(m.last_edit().as_deref(), Some("a\nb\nc\nd"));
    // Nothing left to outdent: no edit, but the key still stays in the editor.
    let edits = m.log.edits.borrow().len();
    assert!(m.key("Tab", true, false));
    assert_eq!(m.log.edits.borrow().len(), edits);
}

#[wasm_bindgen_test]
async fn enter_keeps_the_indentation_and_adds_one_after_a_brace() {
    let m = mount("ed-enter", "func main() {\n\tx := 1", vec![], vec![]).await;
    m.select(21, 21);
    assert!(m.key("Enter", false, false));
    assert_eq!(m.textarea.value(), "func main() {\n\tx := 1\n\t");
    m.select(13, 13);
    assert!(m.key("Enter", false, false));
    assert_eq!(m.textarea.value(), "func main() {\n\t\n\tx := 1\n\t");
    assert_eq!(m.caret(), (15, 15));
    // `}` on an indented empty line goes back one level.
    let end = m.textarea.value().encode_utf16().count() as u32;
    m.select(end, end);
    assert!(m.key("}", false, false));
    assert_eq!(m.textarea.value(), "func main() {\n\t\n\tx := 1\n}");
}

#[wasm_bindgen_test]
async fn ctrl_enter_runs_and_changes_nothing() {
    let m = mount("ed-run", "x := 1", vec![], vec![]).await;
    m.select(3, 3);
    assert!(m.key("Enter", false, true));
    assert_eq!(m.log.runs.get(), 1);
    assert!(m.key_with("Enter", false, false, true), "Cmd+Enter on macOS");
    assert_eq!(m.log.runs.get(), 2);
    assert_eq!(m.textarea.value(), "x := 1");
    assert_eq!(m.caret(), (3, 3));
    assert!(m.log.edits.borrow().is_empty());
}

#[wasm_bindgen_test]
async fn escape_then_tab_leaves_the_editor() {
    let m = mount("ed-escape", "x", vec![], vec![]).await;
    m.select(1, 1);
    assert!(!m.key("Escape", false, false));
    assert!(!m.key("Tab", false, false), "after Escape, Tab moves the focus as usual");
    assert_eq!(m.textarea.value(), "x");
    assert!(m.key("Tab", false, false), "the next Tab is the editor's again");
    assert_eq!(m.textarea.value(), "x\t");
}

#[wasm_bindgen_test]
async fn marks_show_as_text_and_lead_to_their_place() {
    let source = "package main\n\nfunc main() {\n\tfmt.Println(\"é\", y)\n}\n";
    let line4 = source.lines().nth(3).expect("line 4");
    let column = line4.find('y').expect("y") as u32 + 1; // Go counts bytes: é is two
    let marks = vec![
        mark(4, column, "undefined: <b>y</b>", MarkKind::CompileError),
        mark(5, 0, "panic: boom", MarkKind::Panic),
    ];
    let m = mount("ed-marks", source, marks, vec![]).await;
    assert_eq!(m.texts(".editor-sign").len(), 2);
    assert_eq!(
        m.texts(".editor-marks li button"),
        ["ligne 4, colonne 20 : undefined: <b>y</b>", "ligne 5 : panic: boom"]
    );
    assert!(m.root.query_selector(".editor-marks b").ok().flatten().is_none(), "messages are text");
    assert_eq!(m.texts(".editor-overlay .editor-mark.compile-error"), ["y"]);
    assert_eq!(m.texts(".editor-overlay .editor-mark.panic"), ["}"]);
    assert_eq!(m.overlay_text(), source);

    let caret_at_y = source[..source.find(", y").expect("y") + 2].encode_utf16().count() as u32;
    m.select(0, 0);
    let button: web_sys::HtmlElement = m
        .root
        .query_selector(".editor-marks li button")
        .ok()
        .flatten()
        .and_then(|b| b.dyn_into().ok())
        .expect("a button");
    button.click();
    assert_eq!(m.caret(), (caret_at_y, caret_at_y));
    assert_eq!(document().active_element().as_ref(), Some(m.textarea.unchecked_ref::<web_sys::Element>()));

    m.select(0, 0);
    let sign: web_sys::HtmlElement =
        m.root.query_selector(".editor-sign.panic").ok().flatten().and_then(|b| b.dyn_into().ok()).expect("a sign");
    sign.click();
    let line5 = source[..source.rfind('}').expect("}")].encode_utf16().count() as u32;
    assert_eq!(m.caret(), (line5, line5));
}

#[wasm_bindgen_test]
async fn parameter_values_are_marked_in_the_overlay() {
    let source = "const n = 10\nconst d = 200\n";
    let params = vec![
        ParamSpan { range: 10..12, param: "goroutines", changed: false },
        ParamSpan { range: 23..26, param: "pause_ms", changed: true },
        ParamSpan { range: 900..901, param: "stale", changed: true },
    ];
    let m = mount("ed-params", source, vec![], params).await;
    assert_eq!(m.texts(".editor-overlay mark.param-value"), ["10", "200"]);
    assert_eq!(m.texts(".editor-overlay mark.param-value.changed"), ["200"]);
    assert_eq!(m.overlay_text(), source);
}

#[wasm_bindgen_test]
async fn an_outside_change_keeps_the_caret_in_place() {
    let m = mount("ed-outside", "x := 10\ny := 2\n", vec![], vec![]).await;
    m.select(9, 9); // after "y"
    let set_source = m.log.set_source.borrow().clone().expect("a setter");
    set_source.set("x := 2000\ny := 2\n".into());
    settle().await;
    assert_eq!(m.textarea.value(), "x := 2000\ny := 2\n");
    assert_eq!(m.caret(), (11, 11));
    assert_eq!(m.overlay_text(), "x := 2000\ny := 2\n");
}

#[wasm_bindgen_test]
async fn a_64_kib_source_renders_exactly_and_takes_edits() {
    let line = format!("\tfmt.Println(\"{}\", a.B, 0x{})\n", "é".repeat(40), "f".repeat(40));
    let source = format!("package main\n{}", line.repeat(64 * 1024 / line.len()));
    let long_line = format!("x := \"{}\"\n", "z".repeat(64 * 1024));
    for (id, source) in [("ed-big", source), ("ed-long", long_line)] {
        let m = mount(id, &source, vec![], vec![]).await;
        eventually(|| m.overlay_text() == source).await;
        m.select(0, 0);
        m.type_text("// ");
        let typed = format!("// {source}");
        // Debug builds render 64 KiB slowly, and yew yields to the browser on the way.
        eventually(|| m.textarea.value() == typed && m.overlay_text() == typed).await;
        assert!(m.last_edit() == Some(typed), "{id}: on_edit has the whole text");
    }
}

/// The page's styles, as trunk links them.
fn add_styles() {
    if document().get_element_by_id("editor-test-styles").is_some() {
        return;
    }
    let style = document().create_element("style").expect("a style");
    style.set_id("editor-test-styles");
    style.set_text_content(Some(&[include_str!("../styles/main.css"), include_str!("../styles/editor.css")].concat()));
    document().head().expect("a head").append_child(&style).expect("appended");
}

fn element(root: &web_sys::Element, selector: &str) -> web_sys::HtmlElement {
    root.query_selector(selector).ok().flatten().and_then(|e| e.dyn_into().ok()).expect(selector)
}

#[wasm_bindgen_test]
async fn at_360_px_the_code_scrolls_inside_and_the_overlay_matches_the_textarea() {
    add_styles();
    let long = format!("\tfmt.Println(\"{}\") // é, 世界\n", "x".repeat(300));
    let source = format!("package main\n\nfunc main() {{\n{}\tif true {{\n\t\treturn\n\t}}\n}}\n", long.repeat(20));
    let m = mount("ed-layout", &source, vec![mark(4, 2, "boom", MarkKind::CompileError)], vec![]).await;
    m.root.set_attribute("style", "width: 360px").expect("styled");
    settle().await;
    let editor = element(&m.root, ".code-editor");
    let scroller = element(&m.root, ".editor-scroll");
    let overlay = element(&m.root, ".editor-overlay");
    assert!(editor.offset_width() <= 360, "the page is not widened");
    assert!(scroller.scroll_width() > scroller.client_width() + 1000, "the code scrolls sideways inside the editor");

    // The textarea covers the overlay exactly, and its text needs no more room than the
    // overlay's: same font, line height and tab width (a narrow textarea shows its text's size).
    let size = |e: &web_sys::HtmlElement| (e.offset_left(), e.offset_top(), e.offset_width(), e.offset_height());
    assert_eq!(size(&overlay), size(&m.textarea));
    let gutter = element(&m.root, ".editor-gutter");
    let (gutter_h, code_h) = (gutter.offset_height(), overlay.offset_height());
    assert!((gutter_h - code_h).abs() <= 1, "gutter {gutter_h} and code {code_h} have the same lines");
    m.textarea.set_attribute("style", "width: 40px; height: 40px").expect("styled");
    let (text_w, text_h) = (m.textarea.scroll_width(), m.textarea.scroll_height());
    m.textarea.remove_attribute("style").expect("unstyled");
    let (over_w, over_h) = (overlay.scroll_width(), overlay.scroll_height());
    assert!((text_w - over_w).abs() <= 24, "widths: textarea {text_w}, overlay {over_w}");
    assert!((text_h - over_h).abs() <= 2, "heights: textarea {text_h}, overlay {over_h}");
    assert_eq!(m.textarea.scroll_left(), 0);
}
