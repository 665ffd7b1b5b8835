//! [`Lesson`] → Rust source that rebuilds it, for `build.rs`.
//!
//! Why: parsing at compile time keeps pulldown-cmark (about 60 KB of wasm) out of the page's
//! first load. The output is an expression; `lesson::embedded_model` includes it.

use super::model::{Block, Inline, Lesson, Section};

fn string(text: &str) -> String {
    format!("String::from({text:?})")
}

fn list<T>(items: &[T], item: impl Fn(&T) -> String) -> String {
    let parts: Vec<String> = items.iter().map(item).collect();
    format!("vec![{}]", parts.join(", "))
}

fn inline(value: &Inline) -> String {
    match value {
        Inline::Text(text) => format!("Inline::Text({})", string(text)),
        Inline::Strong(children) => format!("Inline::Strong({})", inlines(children)),
        Inline::Emphasis(children) => format!("Inline::Emphasis({})", inlines(children)),
        Inline::Code(text) => format!("Inline::Code({})", string(text)),
        Inline::Link { href, text } => format!("Inline::Link {{ href: {}, text: {} }}", string(href), string(text)),
        Inline::LineBreak => "Inline::LineBreak".to_owned(),
    }
}

fn inlines(values: &[Inline]) -> String {
    list(values, inline)
}

fn block(value: &Block) -> String {
    match value {
        Block::Paragraph(children) => format!("Block::Paragraph({})", inlines(children)),
        Block::List { ordered, items } => {
            format!("Block::List {{ ordered: {ordered}, items: {} }}", list(items, |i| inlines(i)))
        }
        Block::Code { lang, text, program } => {
            format!("Block::Code {{ lang: {}, text: {}, program: {program:?} }}", string(lang), string(text))
        }
        Block::Table { head, rows } => format!(
            "Block::Table {{ head: {}, rows: {} }}",
            list(head, |c| inlines(c)),
            list(rows, |row| list(row, |c| inlines(c)))
        ),
        Block::Mermaid { source, quoted } => {
            format!("Block::Mermaid {{ source: {}, quoted: {} }}", string(source), string(quoted))
        }
        Block::Rule => "Block::Rule".to_owned(),
    }
}

fn section(value: &Section) -> String {
    format!(
        "Section {{ id: {}, title: {}, title_text: {}, level: {}, blocks: {} }}",
        string(&value.id),
        inlines(&value.title),
        string(&value.title_text),
        value.level,
        list(&value.blocks, block)
    )
}

/// A Rust expression of type `Lesson`, with `Block`, `Inline`, `Lesson` and `Section` in scope.
pub fn lesson_expression(lesson: &Lesson) -> String {
    format!(
        "Lesson {{ breadcrumb: {}, title: {}, title_id: {}, intro: {}, sections: {}, conclusion: {} }}",
        list(&lesson.breadcrumb, |s| string(s)),
        string(&lesson.title),
        string(&lesson.title_id),
        list(&lesson.intro, block),
        list(&lesson.sections, section),
        list(&lesson.conclusion, block)
    )
}
