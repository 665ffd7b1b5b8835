//! The presets: each one declared once ([`catalog`]) with its bounded parameters ([`params`])
//! and a Go template ([`template`]); the page and the tests run its rendered source
//! ([`go_source`]) through the interpreter ([`run`]).

mod catalog;
mod go_source;
mod params;
mod run;
pub mod template;

pub use catalog::ScenarioId;
pub use go_source::{go_source, GoSource, Segment};
pub use params::{Clamp, ClampNotice, ParamSpec, Params};
pub use run::{prepare, prepare_or_report, program, Prepared, PREVIEW_BUDGET};
