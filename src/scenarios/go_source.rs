//! The Go source of a preset for the current parameters: its template rendered, gofmt-clean,
//! with each piece that comes from a parameter marked.
//!
//! At their defaults `simple` and `waitgroup` render the lesson's two programs token for token
//! (the lesson indents with spaces, gofmt with tabs).

use std::ops::Range;

use super::{template, Params};

/// A piece of source text, possibly produced by a parameter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    pub param: Option<&'static str>,
}

/// A rendered Go program.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GoSource {
    parts: Vec<Segment>,
}

impl GoSource {
    /// The whole source text.
    pub fn text(&self) -> String {
        self.parts.iter().map(|s| s.text.as_str()).collect()
    }

    /// The source as consecutive pieces; a piece from a parameter names it.
    pub fn parts(&self) -> &[Segment] {
        &self.parts
    }

    /// [`GoSource::parts`] as `(text, parameter)` pairs.
    pub fn segments(&self) -> Vec<(String, Option<&'static str>)> {
        self.parts.iter().map(|s| (s.text.clone(), s.param)).collect()
    }

    /// Byte ranges of [`GoSource::text`] that come from a parameter, with its name.
    pub fn param_spans(&self) -> Vec<(Range<usize>, &'static str)> {
        let mut offset = 0;
        let mut spans = Vec::new();
        for segment in &self.parts {
            let end = offset + segment.text.len();
            if let Some(param) = segment.param {
                spans.push((offset..end, param));
            }
            offset = end;
        }
        spans
    }

    /// Appends `text`; text from the same parameter as the last piece joins it.
    pub(super) fn push(&mut self, text: &str, param: Option<&'static str>) {
        match self.parts.last_mut() {
            Some(last) if last.param == param => last.text.push_str(text),
            _ => self.parts.push(Segment { text: text.to_owned(), param }),
        }
    }
}

/// The Go source of `params`' scenario.
pub fn go_source(params: &Params) -> GoSource {
    let scenario = params.scenario();
    match template::parse(scenario.template()) {
        Ok(nodes) => template::render(&nodes, &|name| {
            scenario.params().iter().find(|spec| spec.name == name).map(|spec| (spec.name, params.get(name)))
        }),
        // Templates are checked by tests; show a broken one as it is rather than fail.
        Err(_) => {
            let mut source = GoSource::default();
            source.push(scenario.template(), None);
            source
        }
    }
}
