//! The code a cell runs: its preset's template rendered for the sliders, or the reader's own
//! once they edit it. The sliders only rewrite the preset's code; after a free edit they step
//! aside. Nothing the reader typed is dropped: a preset that replaces their code sets it aside,
//! and « Reprendre mon code » brings it back.

use std::rc::Rc;

use crate::scenarios::{go_source, Params};

#[derive(Clone, Debug, PartialEq)]
pub struct Code {
    source: Rc<str>,
    edited: bool,
    set_aside: Option<Rc<str>>,
    /// A free cell's own program, which the sliders never write; `None`: a preset's cell.
    starter: Option<&'static str>,
}

impl Code {
    /// The preset's code for `params`.
    pub fn preset(params: &Params) -> Code {
        Code { source: go_source(params).text().into(), edited: false, set_aside: None, starter: None }
    }

    /// A free cell's code: `program` until the reader edits it.
    pub fn starter(program: &'static str) -> Code {
        Code { source: program.into(), edited: false, set_aside: None, starter: Some(program) }
    }

    /// `self` with code from a link or from the reader's last visit; it counts as edited only
    /// if it is not the lesson's.
    pub fn restored(mut self, source: String, params: &Params) -> Code {
        self.edit(source, params);
        self
    }

    /// The lesson's code: the free cell's program, or the preset's for `params`.
    fn lesson_code(&self, params: &Params) -> Rc<str> {
        match self.starter {
            Some(program) => program.into(),
            None => go_source(params).text().into(),
        }
    }

    /// What runs.
    pub fn text(&self) -> &str {
        &self.source
    }

    /// The shared text, for components that compare it by pointer.
    pub fn shared(&self) -> Rc<str> {
        self.source.clone()
    }

    /// True once the reader's code differs from the preset's: the sliders no longer apply.
    pub fn is_edited(&self) -> bool {
        self.edited
    }

    /// The reader's code that a preset replaced, if any.
    pub fn set_aside(&self) -> Option<&str> {
        self.set_aside.as_deref()
    }

    /// The reader typed: `text` is the whole new source.
    pub fn edit(&mut self, text: String, params: &Params) {
        self.edited = *text != *self.lesson_code(params);
        self.source = text.into();
    }

    /// The sliders moved: the preset's code follows them, unless the reader has edited it.
    pub fn follow(&mut self, params: &Params) {
        if !self.edited {
            self.source = self.lesson_code(params);
        }
    }

    /// « Code de la leçon » or a new preset: the preset's code for `params`, the reader's own
    /// set aside.
    pub fn restore_preset(&mut self, params: &Params) {
        if self.edited {
            self.set_aside = Some(self.source.clone());
        }
        self.source = self.lesson_code(params);
        self.edited = false;
    }

    /// « Reprendre mon code »: the set-aside code comes back (and the preset's is dropped).
    pub fn take_back(&mut self) {
        if let Some(source) = self.set_aside.take() {
            self.source = source;
            self.edited = true;
        }
    }
}
