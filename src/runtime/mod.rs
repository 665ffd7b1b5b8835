//! The Go-like runtime.
