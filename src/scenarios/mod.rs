//! Runnable scenarios: the catalog of names and bounded parameters, the programs that run on
//! [`crate::runtime`], and the Go source each one renders.

mod catalog;
mod go_source;
mod programs;

pub use catalog::{Clamp, ClampNotice, ParamSpec, Params, ScenarioId};
pub use go_source::{go_source, GoSource, Segment, UNROLL_MAX};
pub use programs::{expected_lines_if_completed, program};
