//! The lesson page mounts in a real browser and shows its title and table of contents.
#![cfg(target_arch = "wasm32")]

use goroutines_notebook::components::lesson::{LessonView, LessonViewProps};
use goroutines_notebook::lesson::{self, LifecycleStep};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use yew::html;

wasm_bindgen_test_configure!(run_in_browser);

fn mount(props: LessonViewProps) -> web_sys::Element {
    let document = web_sys::window().and_then(|w| w.document()).expect("a document");
    let root = document.create_element("div").expect("a div");
    document.body().expect("a body").append_child(&root).expect("appended");
    yew::Renderer::<LessonView>::with_root_and_props(root.clone(), props).render();
    root
}

/// Lets yew's scheduler run (it renders in a microtask / timeout).
async fn settle() {
    gloo_timers::future::TimeoutFuture::new(30).await;
}

fn texts(root: &web_sys::Element, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).expect("selector");
    (0..list.length()).filter_map(|i| list.item(i)).map(|n| n.text_content().unwrap_or_default()).collect()
}

fn attrs(root: &web_sys::Element, selector: &str, name: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).expect("selector");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
        .map(|e| e.get_attribute(name).unwrap_or_default())
        .collect()
}

#[wasm_bindgen_test]
async fn mounts_with_title_toc_and_sections() {
    let root = mount(LessonViewProps::default());
    settle().await;
    let model = lesson::lesson();

    assert_eq!(texts(&root, "article.lesson h1"), ["Utiliser les goroutines pour lancer des tâches"]);
    let crumbs = texts(&root, ".breadcrumb li");
    assert_eq!(
        crumbs,
        [
            "Concurrence et Web temps réel",
            "Gestion des opérations simultanées",
            "Utiliser les goroutines pour lancer des tâches",
        ]
    );

    // One TOC link per section, to its anchor, and every anchor exists.
    let hrefs = attrs(&root, "nav.toc a", "href");
    let expected: Vec<String> = model.sections.iter().map(|s| format!("#{}", s.id)).collect();
    assert_eq!(hrefs, expected);
    assert_eq!(texts(&root, "nav.toc a")[0], "Qu’est-ce qu’une goroutine ?");
    let ids = attrs(&root, "article.lesson h2[id]", "id");
    let expected_ids: Vec<String> = model.sections.iter().map(|s| s.id.clone()).collect();
    assert_eq!(ids, expected_ids);
    assert_eq!(texts(&root, "h2")[3], "Exemple d’utilisation de sync.WaitGroup");

    // Table: 5 body rows of 3 cells.
    assert_eq!(root.query_selector_all("table.lesson-table tbody tr").unwrap().length(), 5);
    assert_eq!(root.query_selector_all("table.lesson-table tbody td").unwrap().length(), 15);

    // Go code as highlighted nodes: two programs and the one-line snippet.
    assert_eq!(root.query_selector_all("pre.code-go").unwrap().length(), 3);
    assert!(root.query_selector_all("pre.code-go span.tok-kw").unwrap().length() > 10);

    // Sources: five external links opening in a new tab.
    let targets = attrs(&root, "article.lesson a[target=_blank]", "rel");
    assert_eq!(targets.len(), 5);
    assert!(targets.iter().all(|r| r == "noopener"));

    // The diagram figure and its source toggle.
    assert_eq!(root.query_selector_all("figure.diagram .diagram-canvas").unwrap().length(), 1);
    assert!(texts(&root, "figure.diagram details pre")[0].contains("B[go fonction()]"));
    root.remove();
}

#[wasm_bindgen_test]
async fn cells_are_placed_where_the_lesson_declares_them() {
    let props = LessonViewProps {
        cells: vec![
            (1, html! { <div class="slot-0">{ "cellule 1" }</div> }),
            (2, html! { <div class="slot-1">{ "cellule 2" }</div> }),
            (3, html! { <div class="slot-free">{ "cellule 3" }</div> }),
        ],
        after_table: html! { <div class="slot-table">{ "comparaison" }</div> },
        diagram_highlight: Some(LifecycleStep::Running),
        sections_shown: None,
    };
    let root = mount(props);
    settle().await;
    let next_class = |selector: &str| -> Vec<String> {
        let list = root.query_selector_all(selector).unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
            .map(|e| e.next_element_sibling().map(|s| s.class_name()).unwrap_or_default())
            .collect()
    };
    // The `go fonction()` snippet has no slot after it; the programs do.
    assert_eq!(next_class("pre.code-go"), ["", "slot-0", "slot-1"]);
    assert_eq!(next_class(".table-wrap"), ["slot-table"]);
    // The free cell closes the good practices section.
    let free = root.query_selector(".slot-free").ok().flatten().expect("the free cell");
    let section = free.parent_element().expect("its section");
    assert_eq!(section.get_attribute("aria-labelledby").as_deref(), Some("bonnes-pratiques"));
    assert!(free.next_element_sibling().is_none(), "last in its section");
    root.remove();
}

#[wasm_bindgen_test]
async fn diagram_failure_shows_a_french_message_and_the_source() {
    use goroutines_notebook::components::lesson::{Diagram, DiagramProps};
    // The test server does not serve vendor/mermaid: loading fails, which is the error path.
    let document = web_sys::window().and_then(|w| w.document()).expect("a document");
    let root = document.create_element("div").expect("a div");
    document.body().expect("a body").prepend_with_node_1(&root).expect("prepended");
    let props = DiagramProps {
        source: "flowchart TD\n    A[x] --> B[go f()]".into(),
        quoted: "flowchart TD\n    A[\"x\"] --> B[\"go f()\"]".into(),
        caption: "Légende".into(),
        highlight: Some(LifecycleStep::Killed),
    };
    yew::Renderer::<Diagram>::with_root_and_props(root.clone(), props).render();
    let mut error = None;
    for _ in 0..100 {
        settle().await;
        if let Ok(Some(e)) = root.query_selector(".diagram-error") {
            error = Some(e);
            break;
        }
    }
    let error = error.expect("an error message");
    let text = error.text_content().unwrap_or_default();
    assert!(text.contains("Le diagramme n’a pas pu être dessiné"), "{text}");
    assert!(text.contains("B[go f()]"), "{text}");
    assert_eq!(error.get_attribute("role").as_deref(), Some("alert"));
    // Nothing left behind by mermaid, and the canvas is empty.
    assert_eq!(document.query_selector_all("body > [id^='dlesson-mermaid']").unwrap().length(), 0);
    assert_eq!(root.query_selector(".diagram-canvas").unwrap().unwrap().child_element_count(), 0);
    assert_eq!(texts(&root, "figcaption"), ["Légende"]);
    root.remove();
}

#[wasm_bindgen_test]
async fn the_text_can_mount_in_parts() {
    let model = lesson::lesson();
    let root = mount(LessonViewProps { sections_shown: Some(2), ..LessonViewProps::default() });
    settle().await;
    // The title and the whole table of contents come first, then the sections so far.
    assert_eq!(texts(&root, "nav.toc a").len(), model.sections.len());
    assert_eq!(texts(&root, "section.lesson-section").len(), 2);
    assert!(texts(&root, ".lesson-conclusion").is_empty());
    root.remove();
}
