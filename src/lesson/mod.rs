//! The lesson as data.
//!
//! The Markdown lesson (`src/lesson/goroutines.fr.md`, a verbatim copy of the course text) is embedded at compile time and parsed with
//! pulldown-cmark into a small, pure model ([`Lesson`]) that the yew components render node by
//! node: lesson text never goes through `inner_html`.
//!
//! This module is pure: no yew, web-sys, gloo or wasm-bindgen. It is tested natively
//! (`tests/lesson_*.rs`).

pub mod go_highlight;
pub mod mermaid;
pub mod slug;

pub use go_highlight::{highlight_go, GoToken, GoTokenKind};
pub use mermaid::{quote_mermaid_labels, LifecycleStep};
pub use slug::{slugify, SlugSet};

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// The lesson's Markdown, verbatim, embedded at compile time.
pub const LESSON_MARKDOWN: &str = include_str!("goroutines.fr.md");

/// An inline run of text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    Strong(Vec<Inline>),
    Emphasis(Vec<Inline>),
    /// Inline code (`` `go` ``).
    Code(String),
    /// A link; `text` is the plain text of its label.
    Link {
        href: String,
        text: String,
    },
    /// A hard line break.
    LineBreak,
}

/// A block of a section.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    Paragraph(Vec<Inline>),
    List {
        ordered: bool,
        items: Vec<Vec<Inline>>,
    },
    /// A fenced code block. `program` is `Some(i)` for the `i`-th complete Go program of the
    /// lesson (a `go` block starting with `package`), `None` for snippets such as `go fonction()`.
    Code {
        lang: String,
        text: String,
        program: Option<usize>,
    },
    /// A table: header cells and body rows of cells.
    Table {
        head: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
    },
    /// A Mermaid diagram: `source` is the lesson's text, `quoted` the version whose node labels
    /// are quoted so that Mermaid 12 parses it (see [`quote_mermaid_labels`]).
    Mermaid {
        source: String,
        quoted: String,
    },
    /// A thematic break that is not a section separator.
    Rule,
}

/// A section of the lesson, introduced by a heading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    /// Anchor id (ASCII slug of the title, unique in the lesson).
    pub id: String,
    /// The heading's inlines (may contain inline code).
    pub title: Vec<Inline>,
    /// The heading's plain text.
    pub title_text: String,
    /// The Markdown heading level (2 for `##`).
    pub level: u8,
    pub blocks: Vec<Block>,
}

/// The whole lesson.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lesson {
    /// The leading heading hierarchy, numbering prefixes stripped; the last item is the title.
    pub breadcrumb: Vec<String>,
    /// The lesson's title (the deepest leading heading).
    pub title: String,
    /// Anchor id of the title.
    pub title_id: String,
    /// Blocks between the title and the first section.
    pub intro: Vec<Block>,
    pub sections: Vec<Section>,
    /// Blocks after the last separator of the last section (the closing paragraph).
    pub conclusion: Vec<Block>,
}

/// A table-of-contents entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TocEntry {
    pub id: String,
    pub title: String,
    pub level: u8,
}

/// The embedded lesson, parsed once.
pub fn lesson() -> &'static Lesson {
    static LESSON: std::sync::OnceLock<Lesson> = std::sync::OnceLock::new();
    LESSON.get_or_init(Lesson::embedded)
}

/// `href` if it is safe to put in a link (`http(s):`, `mailto:`, `#anchor`, relative path),
/// else `None` (e.g. `javascript:`).
pub fn safe_href(href: &str) -> Option<&str> {
    let h = href.trim();
    let lower = h.to_ascii_lowercase();
    let scheme_end = lower.find([':', '/', '?', '#']);
    match scheme_end {
        Some(i) if lower.as_bytes()[i] == b':' => {
            let scheme = &lower[..i];
            matches!(scheme, "http" | "https" | "mailto").then_some(h)
        }
        _ => Some(h),
    }
}

/// Separator between breadcrumb items, for display.
pub const BREADCRUMB_SEPARATOR: &str = " › ";

impl Lesson {
    /// Parses the embedded lesson.
    pub fn embedded() -> Lesson {
        parse_lesson(LESSON_MARKDOWN)
    }

    /// The breadcrumb as one line: `a › b › c`.
    pub fn breadcrumb_text(&self) -> String {
        self.breadcrumb.join(BREADCRUMB_SEPARATOR)
    }

    /// One entry per section, in order.
    pub fn toc(&self) -> Vec<TocEntry> {
        self.sections
            .iter()
            .map(|s| TocEntry { id: s.id.clone(), title: s.title_text.clone(), level: s.level })
            .collect()
    }

    /// Every block, in document order (intro, sections, conclusion).
    pub fn blocks(&self) -> impl Iterator<Item = &Block> {
        self.intro.iter().chain(self.sections.iter().flat_map(|s| s.blocks.iter())).chain(self.conclusion.iter())
    }

    /// The complete Go programs, in order (their index is `Block::Code::program`).
    pub fn go_programs(&self) -> Vec<&str> {
        self.blocks()
            .filter_map(|b| match b {
                Block::Code { text, program: Some(_), .. } => Some(text.as_str()),
                _ => None,
            })
            .collect()
    }

    /// Go code blocks that are not complete programs (e.g. `go fonction()`).
    pub fn go_snippets(&self) -> Vec<&str> {
        self.blocks()
            .filter_map(|b| match b {
                Block::Code { lang, text, program: None } if lang == "go" => Some(text.as_str()),
                _ => None,
            })
            .collect()
    }

    /// The tables, in order.
    pub fn tables(&self) -> Vec<&Block> {
        self.blocks().filter(|b| matches!(b, Block::Table { .. })).collect()
    }

    /// The first Mermaid diagram: `(source, quoted)`.
    pub fn diagram(&self) -> Option<(&str, &str)> {
        self.blocks().find_map(|b| match b {
            Block::Mermaid { source, quoted } => Some((source.as_str(), quoted.as_str())),
            _ => None,
        })
    }

    /// Every link of the lesson, in order: `(text, href)`.
    pub fn links(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for block in self.blocks() {
            match block {
                Block::Paragraph(inl) => collect_links(inl, &mut out),
                Block::List { items, .. } => items.iter().for_each(|i| collect_links(i, &mut out)),
                Block::Table { head, rows } => {
                    head.iter().for_each(|c| collect_links(c, &mut out));
                    rows.iter().flatten().for_each(|c| collect_links(c, &mut out));
                }
                _ => {}
            }
        }
        out
    }
}

fn collect_links(inlines: &[Inline], out: &mut Vec<(String, String)>) {
    for inline in inlines {
        match inline {
            Inline::Link { href, text } => out.push((text.clone(), href.clone())),
            Inline::Strong(c) | Inline::Emphasis(c) => collect_links(c, out),
            _ => {}
        }
    }
}

/// The plain text of inlines.
pub fn plain_text(inlines: &[Inline]) -> String {
    let mut s = String::new();
    fn walk(inlines: &[Inline], s: &mut String) {
        for i in inlines {
            match i {
                Inline::Text(t) | Inline::Code(t) => s.push_str(t),
                Inline::Link { text, .. } => s.push_str(text),
                Inline::Strong(c) | Inline::Emphasis(c) => walk(c, s),
                Inline::LineBreak => s.push(' '),
            }
        }
    }
    walk(inlines, &mut s);
    s
}

/// Strips a numbering prefix such as `2-`, `1.`, `3)` or `1.2 -` from a heading.
pub fn strip_numbering(title: &str) -> &str {
    let t = title.trim();
    let digits_end =
        t.char_indices().find(|(_, c)| !(c.is_ascii_digit() || *c == '.')).map(|(i, _)| i).unwrap_or(t.len());
    if digits_end == 0 || !t[..digits_end].starts_with(|c: char| c.is_ascii_digit()) {
        return t;
    }
    let rest = t[digits_end..].trim_start();
    if let Some(r) = rest.strip_prefix(['-', ')', '–']) {
        let r = r.trim_start();
        if !r.is_empty() {
            return r;
        }
    } else if t[..digits_end].ends_with('.') && digits_end < t.len() && !rest.is_empty() {
        return rest;
    }
    t
}

// ---------------------------------------------------------------------------------------------
// Parsing

enum Raw {
    Heading { level: u8, inlines: Vec<Inline> },
    Block(Block),
}

#[derive(Clone, Copy)]
enum Frame {
    Root,
    Strong,
    Emphasis,
    Link,
}

/// Builds nested inlines from start/end events.
struct Inlines {
    frames: Vec<(Frame, Vec<Inline>, String)>,
}

impl Inlines {
    fn new() -> Self {
        Inlines { frames: vec![(Frame::Root, Vec::new(), String::new())] }
    }
    fn open(&mut self, frame: Frame, href: String) {
        self.frames.push((frame, Vec::new(), href));
    }
    fn close(&mut self) {
        if self.frames.len() <= 1 {
            return;
        }
        let (frame, children, href) = self.frames.pop().expect("frame");
        let inline = match frame {
            Frame::Strong => Inline::Strong(children),
            Frame::Emphasis => Inline::Emphasis(children),
            Frame::Link => Inline::Link { href, text: plain_text(&children) },
            Frame::Root => unreachable!(),
        };
        self.push(inline);
    }
    fn push(&mut self, inline: Inline) {
        let current = &mut self.frames.last_mut().expect("root").1;
        if let (Inline::Text(t), Some(Inline::Text(prev))) = (&inline, current.last_mut()) {
            prev.push_str(t);
            return;
        }
        current.push(inline);
    }
    fn take(&mut self) -> Vec<Inline> {
        while self.frames.len() > 1 {
            self.close();
        }
        let mut out = std::mem::take(&mut self.frames[0].1);
        // Trim outer whitespace of the run.
        if let Some(Inline::Text(t)) = out.first_mut() {
            *t = t.trim_start().to_string();
        }
        if let Some(Inline::Text(t)) = out.last_mut() {
            *t = t.trim_end().to_string();
        }
        out.retain(|i| !matches!(i, Inline::Text(t) if t.is_empty()));
        out
    }
}

fn level_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// A table cell's inlines.
type Cell = Vec<Inline>;

fn raw_blocks(markdown: &str) -> Vec<Raw> {
    let mut out = Vec::new();
    let mut inl = Inlines::new();
    // List state: (ordered, items).
    let mut lists: Vec<(bool, Vec<Vec<Inline>>)> = Vec::new();
    let mut code: Option<(String, String)> = None;
    let mut table: Option<(Vec<Cell>, Vec<Vec<Cell>>)> = None;
    let mut in_head = false;
    let mut row: Vec<Vec<Inline>> = Vec::new();
    let mut program = 0usize;

    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match event {
            Event::Start(tag) => match tag {
                Tag::Heading { .. } | Tag::Paragraph | Tag::Item | Tag::TableCell => {}
                Tag::List(start) => lists.push((start.is_some(), Vec::new())),
                Tag::CodeBlock(kind) => {
                    let lang = match kind {
                        CodeBlockKind::Fenced(info) => info.split_whitespace().next().unwrap_or("").to_string(),
                        CodeBlockKind::Indented => String::new(),
                    };
                    code = Some((lang, String::new()));
                }
                Tag::Table(_) => table = Some((Vec::new(), Vec::new())),
                Tag::TableHead => in_head = true,
                Tag::TableRow => row.clear(),
                Tag::Strong => inl.open(Frame::Strong, String::new()),
                Tag::Emphasis => inl.open(Frame::Emphasis, String::new()),
                Tag::Link { dest_url, .. } => inl.open(Frame::Link, dest_url.to_string()),
                _ => {}
            },
            Event::End(end) => match end {
                TagEnd::Heading(level) => out.push(Raw::Heading { level: level_number(level), inlines: inl.take() }),
                TagEnd::Paragraph => {
                    if lists.is_empty() {
                        out.push(Raw::Block(Block::Paragraph(inl.take())));
                    } else {
                        // Loose list item: keep the paragraph's text in the item.
                        inl.push(Inline::Text(" ".into()));
                    }
                }
                TagEnd::Item => {
                    let item = inl.take();
                    if let Some((_, items)) = lists.last_mut() {
                        items.push(item);
                    }
                }
                TagEnd::List(_) => {
                    if let Some((ordered, items)) = lists.pop() {
                        if lists.is_empty() {
                            out.push(Raw::Block(Block::List { ordered, items }));
                        } else if let Some((_, parent)) = lists.last_mut() {
                            // Nested lists are flattened into the parent list.
                            parent.extend(items);
                        }
                    }
                }
                TagEnd::CodeBlock => {
                    if let Some((lang, text)) = code.take() {
                        let text = text.trim_end_matches('\n').to_string();
                        let block = if lang == "mermaid" {
                            let quoted = quote_mermaid_labels(&text);
                            Block::Mermaid { source: text, quoted }
                        } else {
                            let is_program = lang == "go" && text.trim_start().starts_with("package ");
                            let p = if is_program {
                                program += 1;
                                Some(program - 1)
                            } else {
                                None
                            };
                            Block::Code { lang, text, program: p }
                        };
                        out.push(Raw::Block(block));
                    }
                }
                TagEnd::TableCell => row.push(inl.take()),
                TagEnd::TableHead => {
                    in_head = false;
                    if let Some((head, _)) = table.as_mut() {
                        *head = std::mem::take(&mut row);
                    }
                }
                TagEnd::TableRow => {
                    if let Some((_, rows)) = table.as_mut() {
                        rows.push(std::mem::take(&mut row));
                    }
                }
                TagEnd::Table => {
                    if let Some((head, rows)) = table.take() {
                        out.push(Raw::Block(Block::Table { head, rows }));
                    }
                }
                TagEnd::Strong | TagEnd::Emphasis | TagEnd::Link => inl.close(),
                _ => {}
            },
            Event::Text(t) => {
                if let Some((_, text)) = code.as_mut() {
                    text.push_str(&t);
                } else {
                    inl.push(Inline::Text(t.to_string()));
                }
            }
            Event::Code(t) => inl.push(Inline::Code(t.to_string())),
            Event::SoftBreak => inl.push(Inline::Text(" ".into())),
            Event::HardBreak => inl.push(Inline::LineBreak),
            // Raw HTML is shown as text, never interpreted.
            Event::Html(t) | Event::InlineHtml(t) => inl.push(Inline::Text(t.to_string())),
            Event::Rule => out.push(Raw::Block(Block::Rule)),
            _ => {}
        }
    }
    let _ = in_head;
    out
}

fn trim_rules(blocks: &mut Vec<Block>) {
    while matches!(blocks.first(), Some(Block::Rule)) {
        blocks.remove(0);
    }
    while matches!(blocks.last(), Some(Block::Rule)) {
        blocks.pop();
    }
}

/// Parses a lesson: leading headings form the breadcrumb (the deepest is the title), then the
/// intro, then one section per heading. `---` rules are section separators: rules next to a
/// heading or at the edges are dropped; in the last section, the blocks after its last rule are
/// the conclusion.
pub fn parse_lesson(markdown: &str) -> Lesson {
    let raws = raw_blocks(markdown);
    let mut iter = raws.into_iter().peekable();

    let mut breadcrumb = Vec::new();
    while let Some(Raw::Heading { .. }) = iter.peek() {
        if let Some(Raw::Heading { inlines, .. }) = iter.next() {
            breadcrumb.push(strip_numbering(&plain_text(&inlines)).to_string());
        }
    }
    let title = breadcrumb.last().cloned().unwrap_or_default();
    let mut slugs = SlugSet::new();
    let title_id = slugs.unique(&title);

    let mut intro = Vec::new();
    let mut sections: Vec<Section> = Vec::new();
    for raw in iter {
        match raw {
            Raw::Heading { level, inlines } => {
                let title_text = strip_numbering(&plain_text(&inlines)).to_string();
                let title = strip_inline_numbering(inlines);
                sections.push(Section { id: slugs.unique(&title_text), title, title_text, level, blocks: Vec::new() });
            }
            Raw::Block(b) => match sections.last_mut() {
                Some(s) => s.blocks.push(b),
                None => intro.push(b),
            },
        }
    }
    trim_rules(&mut intro);
    let mut conclusion = Vec::new();
    if let Some(last) = sections.last_mut() {
        trim_rules(&mut last.blocks);
        if let Some(pos) = last.blocks.iter().rposition(|b| matches!(b, Block::Rule)) {
            conclusion = last.blocks.split_off(pos + 1);
            last.blocks.pop();
        }
    }
    for s in &mut sections {
        trim_rules(&mut s.blocks);
    }
    Lesson { breadcrumb, title, title_id, intro, sections, conclusion }
}

fn strip_inline_numbering(mut inlines: Vec<Inline>) -> Vec<Inline> {
    if let Some(Inline::Text(t)) = inlines.first_mut() {
        let stripped = strip_numbering(t);
        if stripped.len() != t.trim().len() {
            *t = stripped.to_string();
        }
    }
    inlines
}
