//! The link codecs: DEFLATE and base64url round-trip any bytes, interoperate with zlib, and
//! turn hostile input into errors, never panics or unbounded output.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

use goroutines_notebook::codec::{base64url, deflate, inflate};
use proptest::prelude::*;

const LIMIT: usize = 1 << 20;

fn corpus_sources() -> Vec<Vec<u8>> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/go");
    let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().flatten().map(|e| e.path()).collect();
    files.retain(|p| p.extension().is_some_and(|e| e == "go"));
    files.sort();
    files.iter().map(|p| std::fs::read(p).unwrap()).collect()
}

#[test]
fn corpus_programs_round_trip_and_shrink() {
    let (mut raw, mut packed) = (0, 0);
    for source in corpus_sources() {
        let compressed = deflate::compress(&source);
        assert_eq!(inflate::inflate(&compressed, LIMIT).as_deref(), Ok(&source[..]));
        raw += source.len();
        packed += compressed.len();
    }
    assert!(packed * 10 < raw * 6, "Go source should shrink below 60%: {packed} of {raw} bytes");
    println!("corpus: {raw} bytes deflate to {packed} ({:.0}%)", packed as f64 * 100.0 / raw as f64);
}

#[test]
fn edge_inputs_round_trip() {
    let long_run = vec![b'a'; 100_000];
    let window_edge: Vec<u8> = (0..70_000u32).map(|i| (i % 251) as u8).collect();
    for data in [&b""[..], b"a", b"ab", b"abcabcabcabc", &long_run, &window_edge] {
        let compressed = deflate::compress(data);
        assert_eq!(inflate::inflate(&compressed, LIMIT).as_deref(), Ok(data), "{} bytes", data.len());
    }
}

#[test]
fn base64url_has_no_url_specials() {
    let bytes: Vec<u8> = (0..=255).collect();
    let text = base64url::encode(&bytes);
    assert!(text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'), "{text}");
    assert_eq!(base64url::decode(&text), Some(bytes));
    for (input, want) in [("", Some(vec![])), ("Zg", Some(b"f".to_vec())), ("Zm8", Some(b"fo".to_vec()))] {
        assert_eq!(base64url::decode(input), want, "{input}");
    }
    for bad in ["Z", "Zm9v!", "Zm+v", "Zm/v", "é"] {
        assert_eq!(base64url::decode(bad), None, "{bad}");
    }
}

#[test]
fn a_bomb_stops_at_the_limit() {
    let zeros = vec![0u8; 4 << 20];
    let compressed = deflate::compress(&zeros);
    assert!(compressed.len() < 40_000, "{}", compressed.len());
    assert_eq!(inflate::inflate(&compressed, 64 * 1024), Err(inflate::InflateError::TooLarge));
}

/// zlib reads what we write, and we read what zlib writes (its dynamic Huffman blocks and
/// stored blocks), through `python3` (on every machine this project builds on).
#[test]
fn interoperates_with_zlib() {
    let script = r#"
import sys, zlib
data = sys.stdin.buffer.read()
mode, payload = data[:1], data[1:]
if mode == b'd':
    sys.stdout.buffer.write(zlib.decompress(payload, -15))
else:
    level = 0 if mode == b's' else 9
    c = zlib.compressobj(level, zlib.DEFLATED, -15)
    sys.stdout.buffer.write(c.compress(payload) + c.flush())
"#;
    let python = |mode: u8, payload: &[u8]| {
        use std::io::Write;
        let mut child = Command::new("python3")
            .args(["-c", script])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("python3");
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(&[mode]).unwrap();
        stdin.write_all(payload).unwrap();
        drop(stdin);
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success());
        out.stdout
    };
    for source in corpus_sources().into_iter().step_by(20) {
        assert_eq!(python(b'd', &deflate::compress(&source)), source, "zlib inflates ours");
        assert_eq!(inflate::inflate(&python(b'z', &source), LIMIT).as_deref(), Ok(&source[..]), "we inflate zlib's");
        assert_eq!(inflate::inflate(&python(b's', &source), LIMIT).as_deref(), Ok(&source[..]), "stored blocks");
    }
}

proptest! {
    #[test]
    fn any_bytes_round_trip(data in prop::collection::vec(any::<u8>(), 0..3000), repeat in 0usize..4) {
        let data: Vec<u8> = data.iter().copied().cycle().take(data.len() * (repeat + 1)).collect();
        let compressed = deflate::compress(&data);
        prop_assert_eq!(inflate::inflate(&compressed, LIMIT), Ok(data.clone()));
        prop_assert_eq!(base64url::decode(&base64url::encode(&compressed)), Some(compressed));
    }

    #[test]
    fn hostile_streams_are_errors_not_panics(data in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = inflate::inflate(&data, 4096);
    }

    #[test]
    fn damaged_streams_are_errors_not_panics(index in any::<usize>(), flip in 1u8..=255) {
        let mut compressed = deflate::compress(b"package main\n\nfunc main() {\n\tprintln(\"hello, hello, hello\")\n}\n");
        let at = index % compressed.len();
        compressed[at] ^= flip;
        let _ = inflate::inflate(&compressed, 4096);
        let _ = inflate::inflate(&compressed[..at], 4096);
    }
}
