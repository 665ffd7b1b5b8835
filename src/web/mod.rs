//! The browser edge: every `spawn_local`, timer handle and JS call lives here.
