//! yew components: they render state and dispatch actions.
pub mod app;
