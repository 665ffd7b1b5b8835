//! A raw DEFLATE compressor: LZ77 over a 32 KiB window with hash chains, coded in one block
//! with the fixed Huffman code. Source code compresses to roughly half; a dynamic code would
//! gain a little more for a lot more code, and links hold small programs.

use super::tables::{fixed_literal_lengths, DIST_BASE, DIST_EXTRA, LENGTH_BASE, LENGTH_EXTRA};

const WINDOW: usize = 32 * 1024;
const MIN_MATCH: usize = 3;
const MAX_MATCH: usize = 258;
const HASH_BITS: u32 = 15;
/// How many earlier positions a match search visits: enough for text, bounded for speed.
const MAX_CHAIN: usize = 64;
const NONE: u32 = u32::MAX;

/// `data` as raw DEFLATE (no zlib or gzip header).
pub fn compress(data: &[u8]) -> Vec<u8> {
    let mut out = BitWriter::default();
    out.bits(1, 1); // the last block
    out.bits(1, 2); // fixed Huffman
    let codes = canonical_codes(&fixed_literal_lengths());
    let lengths = fixed_literal_lengths();
    let literal = |out: &mut BitWriter, symbol: usize| out.code(codes[symbol], lengths[symbol]);

    let mut head = vec![NONE; 1 << HASH_BITS];
    let mut prev = vec![NONE; data.len()];
    let mut pos = 0;
    while pos < data.len() {
        let (length, distance) = longest_match(data, pos, &head, &prev);
        if length >= MIN_MATCH {
            let l = LENGTH_BASE.iter().rposition(|base| usize::from(*base) <= length).unwrap_or(0);
            literal(&mut out, 257 + l);
            out.bits((length - usize::from(LENGTH_BASE[l])) as u32, LENGTH_EXTRA[l]);
            let d = DIST_BASE.iter().rposition(|base| usize::from(*base) <= distance).unwrap_or(0);
            out.code(reverse(d as u16, 5), 5);
            out.bits((distance - usize::from(DIST_BASE[d])) as u32, DIST_EXTRA[d]);
            for p in pos..pos + length {
                insert(data, p, &mut head, &mut prev);
            }
            pos += length;
        } else {
            literal(&mut out, usize::from(data[pos]));
            insert(data, pos, &mut head, &mut prev);
            pos += 1;
        }
    }
    literal(&mut out, 256);
    out.finish()
}

fn hash(data: &[u8], pos: usize) -> Option<usize> {
    let bytes = data.get(pos..pos + MIN_MATCH)?;
    let value = (u32::from(bytes[0]) << 16) | (u32::from(bytes[1]) << 8) | u32::from(bytes[2]);
    Some((value.wrapping_mul(2_654_435_761) >> (32 - HASH_BITS)) as usize)
}

fn insert(data: &[u8], pos: usize, head: &mut [u32], prev: &mut [u32]) {
    if let Some(h) = hash(data, pos) {
        prev[pos] = head[h];
        head[h] = pos as u32;
    }
}

/// The longest earlier match at `pos` within the window: (length, distance).
fn longest_match(data: &[u8], pos: usize, head: &[u32], prev: &[u32]) -> (usize, usize) {
    let Some(h) = hash(data, pos) else { return (0, 0) };
    let limit = (data.len() - pos).min(MAX_MATCH);
    let (mut best, mut best_distance) = (0, 0);
    let mut candidate = head[h];
    for _ in 0..MAX_CHAIN {
        if candidate == NONE {
            break;
        }
        let start = candidate as usize;
        let distance = pos - start;
        if distance > WINDOW {
            break;
        }
        let length = data[start..].iter().zip(&data[pos..pos + limit]).take_while(|(a, b)| a == b).count();
        if length > best {
            (best, best_distance) = (length, distance);
            if length == limit {
                break;
            }
        }
        candidate = prev[start];
    }
    (best, best_distance)
}

/// Canonical Huffman codes for `lengths` (§3.2.2), bit-reversed for LSB-first output.
pub(super) fn canonical_codes(lengths: &[u8]) -> Vec<u16> {
    let mut count = [0u16; 16];
    for &length in lengths {
        count[usize::from(length)] += 1;
    }
    count[0] = 0;
    let mut next = [0u16; 16];
    let mut code = 0u16;
    for bits in 1..16 {
        code = (code + count[bits - 1]) << 1;
        next[bits] = code;
    }
    lengths
        .iter()
        .map(|&length| {
            if length == 0 {
                return 0;
            }
            let code = next[usize::from(length)];
            next[usize::from(length)] += 1;
            reverse(code, length)
        })
        .collect()
}

fn reverse(code: u16, length: u8) -> u16 {
    code.reverse_bits() >> (16 - u32::from(length))
}

#[derive(Default)]
struct BitWriter {
    out: Vec<u8>,
    acc: u64,
    used: u32,
}

impl BitWriter {
    /// The low `count` bits of `value`, least significant first.
    fn bits(&mut self, value: u32, count: u8) {
        self.acc |= u64::from(value) << self.used;
        self.used += u32::from(count);
        while self.used >= 8 {
            self.out.push(self.acc as u8);
            self.acc >>= 8;
            self.used -= 8;
        }
    }

    /// A Huffman code, already bit-reversed.
    fn code(&mut self, code: u16, length: u8) {
        self.bits(u32::from(code), length);
    }

    fn finish(mut self) -> Vec<u8> {
        if self.used > 0 {
            self.out.push(self.acc as u8);
        }
        self.out
    }
}
