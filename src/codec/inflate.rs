//! A raw DEFLATE decompressor for every block type (stored, fixed, dynamic), written to take
//! hostile input: each malformed stream is an [`InflateError`], and output stops at a limit.

use super::tables::{fixed_literal_lengths, DIST_BASE, DIST_EXTRA, LENGTH_BASE, LENGTH_EXTRA};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InflateError {
    /// The stream ended before its last block did.
    Truncated,
    /// A block type, code or distance no encoder gives.
    Malformed,
    /// The output would exceed the caller's limit.
    TooLarge,
}

/// Decompresses raw DEFLATE `data`, giving at most `limit` bytes.
pub fn inflate(data: &[u8], limit: usize) -> Result<Vec<u8>, InflateError> {
    let mut input = BitReader { data, pos: 0, acc: 0, used: 0 };
    let mut out = Vec::new();
    loop {
        let last = input.bits(1)? == 1;
        match input.bits(2)? {
            0 => stored(&mut input, &mut out, limit)?,
            1 => {
                let literal = Huffman::new(&fixed_literal_lengths())?;
                let distance = Huffman::new(&[5; 30])?;
                codes(&mut input, &mut out, &literal, &distance, limit)?;
            }
            2 => {
                let (literal, distance) = dynamic_tables(&mut input)?;
                codes(&mut input, &mut out, &literal, &distance, limit)?;
            }
            _ => return Err(InflateError::Malformed),
        }
        if last {
            return Ok(out);
        }
    }
}

fn stored(input: &mut BitReader, out: &mut Vec<u8>, limit: usize) -> Result<(), InflateError> {
    input.align();
    let length = input.bits(16)? as usize;
    let complement = input.bits(16)? as usize;
    if length != !complement & 0xffff {
        return Err(InflateError::Malformed);
    }
    if out.len() + length > limit {
        return Err(InflateError::TooLarge);
    }
    for _ in 0..length {
        out.push(input.bits(8)? as u8);
    }
    Ok(())
}

fn codes(
    input: &mut BitReader,
    out: &mut Vec<u8>,
    literal: &Huffman,
    distance: &Huffman,
    limit: usize,
) -> Result<(), InflateError> {
    loop {
        let symbol = literal.decode(input)?;
        match symbol {
            0..=255 => {
                if out.len() >= limit {
                    return Err(InflateError::TooLarge);
                }
                out.push(symbol as u8);
            }
            256 => return Ok(()),
            _ => {
                let index = symbol - 257;
                let base = *LENGTH_BASE.get(index).ok_or(InflateError::Malformed)?;
                let length = usize::from(base) + input.bits(LENGTH_EXTRA[index])? as usize;
                let d = distance.decode(input)?;
                let base = *DIST_BASE.get(d).ok_or(InflateError::Malformed)?;
                let back = usize::from(base) + input.bits(DIST_EXTRA[d])? as usize;
                if back > out.len() {
                    return Err(InflateError::Malformed);
                }
                if out.len() + length > limit {
                    return Err(InflateError::TooLarge);
                }
                for _ in 0..length {
                    out.push(out[out.len() - back]);
                }
            }
        }
    }
}

/// The code-length order of a dynamic block's header (§3.2.7).
const ORDER: [usize; 19] = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

fn dynamic_tables(input: &mut BitReader) -> Result<(Huffman, Huffman), InflateError> {
    let literals = input.bits(5)? as usize + 257;
    let distances = input.bits(5)? as usize + 1;
    let code_lengths = input.bits(4)? as usize + 4;
    if literals > 286 || distances > 30 {
        return Err(InflateError::Malformed);
    }
    let mut lengths = [0u8; 19];
    for &index in ORDER.iter().take(code_lengths) {
        lengths[index] = input.bits(3)? as u8;
    }
    let length_code = Huffman::new(&lengths)?;
    let mut all = Vec::with_capacity(literals + distances);
    while all.len() < literals + distances {
        let symbol = length_code.decode(input)?;
        let (value, repeat) = match symbol {
            0..=15 => (symbol as u8, 1),
            16 => (*all.last().ok_or(InflateError::Malformed)?, 3 + input.bits(2)? as usize),
            17 => (0, 3 + input.bits(3)? as usize),
            18 => (0, 11 + input.bits(7)? as usize),
            _ => return Err(InflateError::Malformed),
        };
        if all.len() + repeat > literals + distances {
            return Err(InflateError::Malformed);
        }
        all.extend(std::iter::repeat_n(value, repeat));
    }
    if all.get(256) == Some(&0) {
        return Err(InflateError::Malformed); // no end-of-block code
    }
    Ok((Huffman::new(&all[..literals])?, Huffman::new(&all[literals..])?))
}

/// A canonical Huffman code as counts per length and symbols in code order (as zlib's `puff`).
struct Huffman {
    count: [u16; 16],
    symbols: Vec<u16>,
}

impl Huffman {
    fn new(lengths: &[u8]) -> Result<Huffman, InflateError> {
        let mut count = [0u16; 16];
        for &length in lengths {
            *count.get_mut(usize::from(length)).ok_or(InflateError::Malformed)? += 1;
        }
        let mut offsets = [0u16; 16];
        for bits in 1..15 {
            offsets[bits + 1] = offsets[bits] + count[bits];
        }
        let mut symbols = vec![0u16; lengths.len()];
        for (symbol, &length) in lengths.iter().enumerate() {
            if length != 0 {
                let slot = &mut offsets[usize::from(length)];
                *symbols.get_mut(usize::from(*slot)).ok_or(InflateError::Malformed)? = symbol as u16;
                *slot += 1;
            }
        }
        Ok(Huffman { count, symbols })
    }

    fn decode(&self, input: &mut BitReader) -> Result<usize, InflateError> {
        let (mut code, mut first, mut index) = (0i32, 0i32, 0i32);
        for bits in 1..16 {
            code |= input.bits(1)? as i32;
            let count = i32::from(self.count[bits]);
            if code - count < first {
                let at = usize::try_from(index + (code - first)).map_err(|_| InflateError::Malformed)?;
                return self.symbols.get(at).map(|s| usize::from(*s)).ok_or(InflateError::Malformed);
            }
            index += count;
            first = (first + count) << 1;
            code <<= 1;
        }
        Err(InflateError::Malformed)
    }
}

struct BitReader<'a> {
    data: &'a [u8],
    pos: usize,
    acc: u32,
    used: u32,
}

impl BitReader<'_> {
    fn bits(&mut self, count: u8) -> Result<u32, InflateError> {
        let count = u32::from(count);
        while self.used < count {
            let byte = *self.data.get(self.pos).ok_or(InflateError::Truncated)?;
            self.pos += 1;
            self.acc |= u32::from(byte) << self.used;
            self.used += 8;
        }
        let value = self.acc & ((1u32 << count) - 1);
        self.acc = self.acc.checked_shr(count).unwrap_or(0);
        self.used -= count;
        Ok(value)
    }

    fn align(&mut self) {
        self.acc = 0;
        self.used = 0;
    }
}
