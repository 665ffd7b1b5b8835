//! Markdown → [`Lesson`], with pulldown-cmark.
//!
//! `build.rs` runs this parser at compile time and embeds the result (see `codegen.rs`); the
//! native build keeps it so tests can check the embedded model against a fresh parse.

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::mermaid::quote_mermaid_labels;
use super::model::{plain_text, strip_numbering, Block, Inline, Lesson, Section};
use super::slug::SlugSet;

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
