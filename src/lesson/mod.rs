//! The lesson as data.
//!
//! The Markdown lesson (`src/lesson/goroutines.fr.md`, a verbatim copy of the course text) is
//! parsed with pulldown-cmark into a small, pure model ([`Lesson`]) that the yew components
//! render node by node: lesson text never goes through `inner_html`. The parse happens in
//! `build.rs`, which embeds the model as Rust code: the page then carries no Markdown parser.
//! Native builds keep [`parse_lesson`] so a test checks the embedded model against it.
//!
//! This module is pure: no yew, web-sys, gloo or wasm-bindgen. It is tested natively
//! (`tests/lesson_*.rs`).

pub mod cells;
pub mod go_highlight;
pub mod mermaid;
mod model;
#[cfg(not(target_arch = "wasm32"))]
mod parse;
pub mod slug;

pub use go_highlight::{highlight_go, GoToken, GoTokenKind};
pub use mermaid::{quote_mermaid_labels, LifecycleStep};
pub use model::{
    plain_text, safe_href, strip_numbering, Block, Inline, Lesson, Section, TocEntry, BREADCRUMB_SEPARATOR,
};
#[cfg(not(target_arch = "wasm32"))]
pub use parse::parse_lesson;
pub use slug::{slugify, SlugSet};

/// The lesson's Markdown, verbatim, embedded at compile time.
pub const LESSON_MARKDOWN: &str = include_str!("goroutines.fr.md");

/// The lesson model parsed at compile time by `build.rs`.
fn embedded_model() -> Lesson {
    include!(concat!(env!("OUT_DIR"), "/lesson_model.rs"))
}

/// The embedded lesson, built once.
pub fn lesson() -> &'static Lesson {
    static LESSON: std::sync::OnceLock<Lesson> = std::sync::OnceLock::new();
    LESSON.get_or_init(embedded_model)
}

impl Lesson {
    /// The lesson embedded at compile time.
    pub fn embedded() -> Lesson {
        embedded_model()
    }
}
