//! Byte codecs for links that carry code: raw DEFLATE (RFC 1951) and base64url (RFC 4648 §5),
//! pure Rust, so a share link can hold a program compactly with no dependency.
//!
//! Decoding takes text from a URL, so it is hostile input: every function returns an error
//! instead of panicking, and inflating stops at a size limit (no zip bomb).

pub mod base64url;
pub mod deflate;
pub mod inflate;
mod tables;
