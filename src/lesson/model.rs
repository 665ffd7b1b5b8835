//! The lesson's model: what the components render. Plain data with no parser attached, so
//! the page can carry a model built at compile time (see `build.rs`) without pulldown-cmark.

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
