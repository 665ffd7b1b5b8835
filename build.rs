//! Parses the lesson at compile time and writes the model as Rust, so the page ships the
//! lesson's structure without a Markdown parser (see `src/lesson/codegen.rs`).

#[path = "src/lesson/codegen.rs"]
mod codegen;
#[allow(dead_code)]
#[path = "src/lesson/mermaid.rs"]
mod mermaid;
#[allow(dead_code)]
#[path = "src/lesson/model.rs"]
mod model;
#[path = "src/lesson/parse.rs"]
mod parse;
#[allow(dead_code)]
#[path = "src/lesson/slug.rs"]
mod slug;

fn main() {
    let source = "src/lesson/goroutines.fr.md";
    println!("cargo:rerun-if-changed={source}");
    for module in ["mermaid", "model", "parse", "slug", "codegen"] {
        println!("cargo:rerun-if-changed=src/lesson/{module}.rs");
    }
    let markdown = std::fs::read_to_string(source).expect("the lesson's Markdown");
    let lesson = parse::parse_lesson(&markdown);
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("lesson_model.rs");
    std::fs::write(out, codegen::lesson_expression(&lesson)).expect("write the lesson model");
}
