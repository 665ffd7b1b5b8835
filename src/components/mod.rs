//! yew components: they render state and dispatch actions.
pub mod app;
pub mod cell;
pub mod hooks;
pub mod lesson;
pub mod measure;
