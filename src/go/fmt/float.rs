//! Go's `strconv.AppendFloat` for the formats `fmt` uses (`e E f g G b x X`).
//!
//! The decimal digits come from Rust's formatter (correctly rounded, like Go's); the layout
//! (`fmtEFG`, `fmtB`, `fmtX`) is ported from Go so that exponents, `%g`'s switch to `%e` and
//! trailing zeros match exactly.

/// Above this, Rust's formatter gives only zeros anyway (an f64 has at most 1074 fractional
/// and 767 significant decimal digits), and precisions stay far below its 16-bit limit.
const MAX_RUST_PREC: usize = 1100;

/// Decimal digits of |v| without trailing zeros: `v = 0.d[0]d[1]... × 10^dp`.
struct Digits {
    d: Vec<u8>,
    dp: i64,
}

/// Parses Rust's `{:e}` output (`1.2345e-7`).
fn parse_exp(s: &str) -> Digits {
    let (mant, exp) = s.split_once('e').unwrap_or((s, "0"));
    let exp: i64 = exp.parse().unwrap_or(0);
    let mut d: Vec<u8> = mant.bytes().filter(u8::is_ascii_digit).collect();
    while d.last() == Some(&b'0') {
        d.pop();
    }
    if d.is_empty() {
        return Digits { d, dp: 0 };
    }
    Digits { d, dp: exp + 1 }
}

/// Parses Rust's fixed output (`0.0012`, `123.450`).
fn parse_fixed(s: &str) -> Digits {
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let mut dp = int.len() as i64;
    let all: Vec<u8> = int.bytes().chain(frac.bytes()).collect();
    let lead = all.iter().take_while(|&&c| c == b'0').count();
    dp -= lead as i64;
    let mut d = all.get(lead..).unwrap_or(&[]).to_vec();
    while d.last() == Some(&b'0') {
        d.pop();
    }
    if d.is_empty() {
        dp = 0;
    }
    Digits { d, dp }
}

/// `strconv.AppendFloat(dst, v, fmt, prec, 32 or 64)`.
pub fn append_float(dst: &mut Vec<u8>, v: f64, fmt: u8, prec: i64, bits32: bool) {
    if v.is_nan() {
        dst.extend_from_slice(b"NaN");
        return;
    }
    if v.is_infinite() {
        dst.extend_from_slice(if v < 0.0 { b"-Inf" } else { b"+Inf" });
        return;
    }
    let neg = v.is_sign_negative();
    if fmt == b'b' || fmt == b'x' || fmt == b'X' {
        let (mant, exp, mant_bits) = decompose(v, bits32);
        if fmt == b'b' {
            if neg {
                dst.push(b'-');
            }
            let e = exp - mant_bits;
            dst.extend_from_slice(format!("{mant}p{}{e}", if e >= 0 { "+" } else { "" }).as_bytes());
        } else {
            fmt_x(dst, prec, fmt, neg, mant, exp, mant_bits);
        }
        return;
    }
    let a = v.abs();
    if a == 0.0 {
        fmt_efg(dst, neg, &Digits { d: Vec::new(), dp: 0 }, prec, fmt, prec < 0);
        return;
    }
    if prec < 0 {
        let digits = shortest(a, bits32);
        let nd = digits.d.len() as i64;
        let prec = match fmt {
            b'e' | b'E' => (nd - 1).max(0),
            b'f' => (nd - digits.dp).max(0),
            _ => nd,
        };
        fmt_efg(dst, neg, &digits, prec, fmt, true);
        return;
    }
    // float32 values are exactly representable as f64: their exact decimal digits agree.
    let (digits, prec) = match fmt {
        b'e' | b'E' => (parse_exp(&format!("{:.*e}", (prec as usize).min(MAX_RUST_PREC), a)), prec),
        b'f' => (parse_fixed(&format!("{:.*}", (prec as usize).min(MAX_RUST_PREC), a)), prec),
        _ => {
            let p = prec.max(1);
            (parse_exp(&format!("{:.*e}", (p as usize - 1).min(MAX_RUST_PREC), a)), p)
        }
    };
    fmt_efg(dst, neg, &digits, prec, fmt, false);
}

/// The shortest digits that read back as `a` (> 0). When two candidates of that length are
/// equally close (frequent for float32, whose exact values have few digits), Go takes the
/// even one, as correct rounding does; Rust's formatter may take the other.
fn shortest(a: f64, bits32: bool) -> Digits {
    let d = if bits32 { parse_exp(&format!("{:e}", a as f32)) } else { parse_exp(&format!("{a:e}")) };
    let n = d.d.len().max(1);
    let rounded = format!("{:.*e}", n - 1, a);
    let reads_back = if bits32 {
        rounded.parse::<f32>().is_ok_and(|r| r == a as f32)
    } else {
        rounded.parse::<f64>().is_ok_and(|r| r == a)
    };
    let r = parse_exp(&rounded);
    if reads_back && r.d.len() == d.d.len() {
        r
    } else {
        d
    }
}

/// Mantissa (with the implicit bit), unbiased exponent and mantissa width, as Go's ftoa.
fn decompose(v: f64, bits32: bool) -> (u64, i64, i64) {
    let (b, exp_bits, mant_bits, bias) =
        if bits32 { ((v as f32).to_bits() as u64, 8, 23, -127) } else { (v.to_bits(), 11, 52, -1023) };
    let mut exp = ((b >> mant_bits) & ((1 << exp_bits) - 1)) as i64;
    let mut mant = b & ((1u64 << mant_bits) - 1);
    if exp == 0 {
        exp += 1;
    } else {
        mant |= 1 << mant_bits;
    }
    (mant, exp + bias, mant_bits as i64)
}

/// Go's `fmtEFG`: `%e`, `%f` and `%g` layout of decimal digits.
fn fmt_efg(dst: &mut Vec<u8>, neg: bool, digits: &Digits, mut prec: i64, mut fmt: u8, shortest: bool) {
    let s = &digits.d;
    let nd = s.len() as i64;
    let dp = digits.dp;
    let digit = |i: i64| s.get(i as usize).copied().unwrap_or(b'0');
    if fmt == b'g' || fmt == b'G' {
        let mut eprec = prec;
        if eprec > nd && nd >= dp {
            eprec = nd;
        }
        if shortest {
            eprec = 6;
        }
        let exp = dp - 1;
        if exp < -4 || exp >= eprec {
            if prec > nd {
                prec = nd;
            }
            prec -= 1;
            fmt = fmt + b'e' - b'g';
        } else {
            if prec > dp {
                prec = nd;
            }
            prec = (prec - dp).max(0);
            fmt = b'f';
        }
    }
    if neg {
        dst.push(b'-');
    }
    if fmt == b'e' || fmt == b'E' {
        dst.push(digit(0));
        if prec > 0 {
            dst.push(b'.');
            let m = nd.min(prec + 1);
            for i in 1..m {
                dst.push(digit(i));
            }
            dst.resize(dst.len() + (prec + 1 - m.max(1)) as usize, b'0');
        }
        dst.push(fmt);
        let mut exp = if nd == 0 { 0 } else { dp - 1 };
        dst.push(if exp < 0 { b'-' } else { b'+' });
        exp = exp.abs();
        if exp < 10 {
            dst.push(b'0');
        }
        dst.extend_from_slice(exp.to_string().as_bytes());
        return;
    }
    // %f
    if dp > 0 {
        let m = nd.min(dp);
        for i in 0..m {
            dst.push(digit(i));
        }
        dst.resize(dst.len() + (dp - m) as usize, b'0');
    } else {
        dst.push(b'0');
    }
    if prec > 0 {
        dst.push(b'.');
        let lz = prec.min((-dp).max(0));
        let off = dp + lz;
        let m = (prec - lz).min((nd - off).max(0));
        let tz = (prec - lz - m).max(0);
        dst.resize(dst.len() + lz as usize, b'0');
        for i in 0..m {
            dst.push(digit(off + i));
        }
        dst.resize(dst.len() + tz as usize, b'0');
    }
}

/// Go's `fmtX`: hexadecimal mantissa and binary exponent (`%x` on floats).
fn fmt_x(dst: &mut Vec<u8>, prec: i64, fmt: u8, neg: bool, mut mant: u64, mut exp: i64, mant_bits: i64) {
    if mant == 0 {
        exp = 0;
    }
    mant <<= 60 - mant_bits;
    while mant != 0 && mant & (1 << 60) == 0 {
        mant <<= 1;
        exp -= 1;
    }
    if (0..15).contains(&prec) {
        let shift = (prec * 4) as u32;
        let extra = (mant << shift) & ((1 << 60) - 1);
        mant >>= 60 - shift;
        if extra | (mant & 1) > 1 << 59 {
            mant += 1;
        }
        mant <<= 60 - shift;
        if mant & (1 << 61) != 0 {
            mant >>= 1;
            exp += 1;
        }
    }
    let hex: &[u8; 16] = if fmt == b'X' { b"0123456789ABCDEF" } else { b"0123456789abcdef" };
    if neg {
        dst.push(b'-');
    }
    dst.extend_from_slice(&[b'0', fmt, b'0' + ((mant >> 60) & 1) as u8]);
    mant <<= 4;
    if prec < 0 && mant != 0 {
        dst.push(b'.');
        while mant != 0 {
            dst.push(hex[((mant >> 60) & 15) as usize]);
            mant <<= 4;
        }
    } else if prec > 0 {
        dst.push(b'.');
        for _ in 0..prec {
            dst.push(hex[((mant >> 60) & 15) as usize]);
            mant <<= 4;
        }
    }
    dst.push(if fmt == b'X' { b'P' } else { b'p' });
    dst.push(if exp < 0 { b'-' } else { b'+' });
    let exp = exp.abs();
    if exp < 10 {
        dst.push(b'0');
    }
    dst.extend_from_slice(exp.to_string().as_bytes());
}
