//! A runnable cell as pure data: its state, the actions that change it, and the timeline
//! model. The browser edge feeds it; components draw it.

pub mod lifecycle;
pub mod state;
pub mod timeline;
