//! The presets: each one declared once ([`catalog`]) with its bounded parameters ([`params`])
//! and a Go template ([`template`]); the page and the tests run its rendered source
//! ([`go_source`]) through the interpreter (`crate::engine::prepare`).

mod catalog;
mod go_source;
mod params;
pub mod template;

pub use crate::engine::program;
pub use catalog::ScenarioId;
pub use go_source::{go_source, GoSource, Segment};
pub use params::{Clamp, ClampNotice, ParamSpec, Params};
