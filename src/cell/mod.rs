//! A runnable cell as pure data: its state, the actions that change it, the timeline model, and
//! the feed that turns a run of the runtime into batches of that data. The browser edge only
//! times the feed; components draw the state.

pub mod code;
pub mod feed;
pub mod hints;
pub mod lifecycle;
pub mod marks;
pub mod state;
pub mod timeline;
