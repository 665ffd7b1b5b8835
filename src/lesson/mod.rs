//! The lesson as data.
