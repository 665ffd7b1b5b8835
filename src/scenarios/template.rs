//! Go templates with parameter holes: how a preset's source is declared once and rendered for
//! any parameters.
//!
//! The syntax is as small as the presets need, so the template still reads as Go:
//! - `{{workers}}`: the value; `{{pause_ms|duration}}`: formatted (see [`Format`]);
//! - `{{#if goroutines <= 4}}…{{#else}}…{{/if}}`: a choice on one value;
//! - `{{#each n in goroutines}}…{{n}}…{{/each}}`: the body once for each `n` in `1..=value`.
//!
//! What a hole or a loop produces is marked with its parameter, so the page can light the
//! values that changed. Templates are validated by tests, and [`parse`] reports, never panics.

use super::go_source::GoSource;

/// How a value is written in Go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// `42`.
    Int,
    /// Milliseconds as `2 * time.Second` or `250 * time.Millisecond`.
    Duration,
    /// Like [`Format::Duration`], but one second is the bare `time.Second`.
    DurationShort,
    /// A buffer size as `make(chan int)` (0) or `make(chan int, n)`.
    MakeChanInt,
}

impl Format {
    fn from_name(name: &str) -> Option<Format> {
        Some(match name {
            "duration" => Format::Duration,
            "duration_short" => Format::DurationShort,
            "make_chan_int" => Format::MakeChanInt,
            _ => return None,
        })
    }

    pub fn write(self, value: u64) -> String {
        match self {
            Format::Int => value.to_string(),
            Format::DurationShort if value == 1000 => "time.Second".to_owned(),
            Format::Duration | Format::DurationShort if value > 0 && value.is_multiple_of(1000) => {
                format!("{} * time.Second", value / 1000)
            }
            Format::Duration | Format::DurationShort => format!("{value} * time.Millisecond"),
            Format::MakeChanInt if value == 0 => "make(chan int)".to_owned(),
            Format::MakeChanInt => format!("make(chan int, {value})"),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Compare {
    Le,
    Lt,
    Ge,
    Gt,
    Eq,
}

impl Compare {
    fn holds(self, left: u64, right: u64) -> bool {
        match self {
            Compare::Le => left <= right,
            Compare::Lt => left < right,
            Compare::Ge => left >= right,
            Compare::Gt => left > right,
            Compare::Eq => left == right,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Node {
    Text(String),
    Hole { name: String, format: Format },
    If { name: String, compare: Compare, bound: u64, then: Vec<Node>, otherwise: Vec<Node> },
    Each { var: String, name: String, body: Vec<Node> },
}

/// A template that does not parse, with the byte offset of the problem.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemplateError {
    pub offset: usize,
    pub message: String,
}

/// Parses a whole template.
pub fn parse(template: &str) -> Result<Vec<Node>, TemplateError> {
    let mut parser = Parser { src: template, pos: 0 };
    let (nodes, end) = parser.nodes()?;
    match end {
        None => Ok(nodes),
        Some(tag) => Err(parser.error(format!("unexpected {{{{{tag}}}}}"))),
    }
}

struct Parser<'a> {
    src: &'a str,
    pos: usize,
}

impl Parser<'_> {
    fn error(&self, message: String) -> TemplateError {
        TemplateError { offset: self.pos, message }
    }

    /// Nodes up to the end or to a closing tag (`#else`, `/if`, `/each`), which it returns.
    fn nodes(&mut self) -> Result<(Vec<Node>, Option<String>), TemplateError> {
        let mut nodes = Vec::new();
        loop {
            let rest = &self.src[self.pos..];
            let Some(open) = rest.find("{{") else {
                if !rest.is_empty() {
                    nodes.push(Node::Text(rest.to_owned()));
                }
                self.pos = self.src.len();
                return Ok((nodes, None));
            };
            if open > 0 {
                nodes.push(Node::Text(rest[..open].to_owned()));
            }
            self.pos += open + 2;
            let Some(close) = self.src[self.pos..].find("}}") else {
                return Err(self.error("unclosed {{".to_owned()));
            };
            let tag = self.src[self.pos..self.pos + close].trim().to_owned();
            self.pos += close + 2;
            if tag == "#else" || tag == "/if" || tag == "/each" {
                return Ok((nodes, Some(tag)));
            }
            nodes.push(self.tag(&tag)?);
        }
    }

    fn tag(&mut self, tag: &str) -> Result<Node, TemplateError> {
        let words: Vec<&str> = tag.split_whitespace().collect();
        match words.as_slice() {
            ["#if", name, op, bound] => {
                let compare = match *op {
                    "<=" => Compare::Le,
                    "<" => Compare::Lt,
                    ">=" => Compare::Ge,
                    ">" => Compare::Gt,
                    "==" => Compare::Eq,
                    _ => return Err(self.error(format!("unknown comparison {op}"))),
                };
                let bound = bound.parse().map_err(|_| self.error(format!("not a number: {bound}")))?;
                let (then, end) = self.nodes()?;
                let otherwise = match end.as_deref() {
                    Some("/if") => Vec::new(),
                    Some("#else") => match self.nodes()? {
                        (nodes, Some(end)) if end == "/if" => nodes,
                        _ => return Err(self.error("{{#else}} without {{/if}}".to_owned())),
                    },
                    _ => return Err(self.error("{{#if}} without {{/if}}".to_owned())),
                };
                Ok(Node::If { name: (*name).to_owned(), compare, bound, then, otherwise })
            }
            ["#each", var, "in", name] => match self.nodes()? {
                (body, Some(end)) if end == "/each" => {
                    Ok(Node::Each { var: (*var).to_owned(), name: (*name).to_owned(), body })
                }
                _ => Err(self.error("{{#each}} without {{/each}}".to_owned())),
            },
            [hole] => {
                let (name, format) = match hole.split_once('|') {
                    None => (*hole, Format::Int),
                    Some((name, format)) => {
                        (name, Format::from_name(format).ok_or_else(|| self.error(format!("unknown format {format}")))?)
                    }
                };
                if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
                    return Err(self.error(format!("bad name {name:?}")));
                }
                Ok(Node::Hole { name: name.to_owned(), format })
            }
            _ => Err(self.error(format!("unknown tag {{{{{tag}}}}}"))),
        }
    }
}

/// Renders `nodes`; `param` maps a parameter's name to its static name and value.
pub fn render(nodes: &[Node], param: &dyn Fn(&str) -> Option<(&'static str, u64)>) -> GoSource {
    let mut out = GoSource::default();
    render_into(&mut out, nodes, param, &[], None);
    out
}

/// `vars` are the loop variables in scope; `marked` is the parameter a surrounding loop marks
/// its whole output with.
fn render_into(
    out: &mut GoSource,
    nodes: &[Node],
    param: &dyn Fn(&str) -> Option<(&'static str, u64)>,
    vars: &[(&str, u64)],
    marked: Option<&'static str>,
) {
    for node in nodes {
        match node {
            Node::Text(text) => out.push(text, marked),
            Node::Hole { name, format } => {
                if let Some((_, value)) = vars.iter().rev().find(|(var, _)| var == name) {
                    out.push(&format.write(*value), marked);
                } else if let Some((name, value)) = param(name) {
                    out.push(&format.write(value), marked.or(Some(name)));
                }
            }
            Node::If { name, compare, bound, then, otherwise } => {
                let value = param(name).map_or(0, |(_, value)| value);
                let branch = if compare.holds(value, *bound) { then } else { otherwise };
                render_into(out, branch, param, vars, marked);
            }
            Node::Each { var, name, body } => {
                let Some((name, count)) = param(name) else { continue };
                let mut vars = vars.to_vec();
                for n in 1..=count {
                    vars.push((var.as_str(), n));
                    render_into(out, body, param, &vars, marked.or(Some(name)));
                    vars.pop();
                }
            }
        }
    }
}

/// Every name a template reads (holes, conditions, loop bounds), loop variables excluded.
pub fn names(nodes: &[Node]) -> Vec<String> {
    fn walk(nodes: &[Node], vars: &mut Vec<String>, out: &mut Vec<String>) {
        for node in nodes {
            match node {
                Node::Text(_) => {}
                Node::Hole { name, .. } => {
                    if !vars.contains(name) {
                        out.push(name.clone());
                    }
                }
                Node::If { name, then, otherwise, .. } => {
                    out.push(name.clone());
                    walk(then, vars, out);
                    walk(otherwise, vars, out);
                }
                Node::Each { var, name, body } => {
                    out.push(name.clone());
                    vars.push(var.clone());
                    walk(body, vars, out);
                    vars.pop();
                }
            }
        }
    }
    let mut out = Vec::new();
    walk(nodes, &mut Vec::new(), &mut out);
    out
}
