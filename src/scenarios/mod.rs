//! Runnable scenarios: the catalog of names and bounded parameters, the programs that run on
//! [`crate::runtime`], and the Go source each one renders.

mod catalog;

pub use catalog::{Clamp, ClampNotice, ParamSpec, Params, ScenarioId};
