//! go/printer's `stripCommonPrefix`: a multi-line `/* */` comment is re-indented by removing
//! the white space (and `*` column) its inner lines share, so it follows the code's indent.

fn is_blank(s: &str) -> bool {
    s.bytes().all(|b| b <= b' ')
}

fn common_prefix<'a>(a: &'a str, b: &str) -> &'a str {
    let n = a.bytes().zip(b.bytes()).take_while(|&(x, y)| x == y && (x <= b' ' || x == b'*')).count();
    a.get(..n).unwrap_or("")
}

pub(super) fn strip_common_prefix(lines: &mut [String]) {
    if lines.len() <= 1 {
        return;
    }
    let mut prefix = String::new();
    let mut prefix_set = false;
    let count = lines.len();
    if count > 2 {
        for line in lines.iter_mut().take(count - 1).skip(1) {
            if is_blank(line) {
                line.clear();
            } else {
                if !prefix_set {
                    prefix = line.clone();
                    prefix_set = true;
                }
                prefix = common_prefix(&prefix, line).to_string();
            }
        }
    }
    if !prefix_set {
        let last = lines.last().cloned().unwrap_or_default();
        prefix = common_prefix(&last, &last).to_string();
    }
    let mut line_of_stars = false;
    if let Some((p, _)) = prefix.split_once('*') {
        prefix = p.strip_suffix(' ').unwrap_or(p).to_string();
        line_of_stars = true;
    } else {
        let first = lines.first().cloned().unwrap_or_default();
        if is_blank(first.get(2..).unwrap_or("")) {
            let pb = prefix.as_bytes();
            let mut i = pb.len();
            let mut n = 0;
            while n < 3 && i > 0 && pb.get(i - 1) == Some(&b' ') {
                i -= 1;
                n += 1;
            }
            if i == pb.len() && i > 0 && pb.get(i - 1) == Some(&b'\t') {
                i -= 1;
            }
            prefix.truncate(i);
        } else {
            let fb = first.as_bytes();
            let mut n = 2;
            while fb.get(n).is_some_and(|&b| b <= b' ') {
                n += 1;
            }
            let suffix: String = if n > 2 && fb.get(2) == Some(&b'\t') {
                first.get(2..n).unwrap_or("").to_string()
            } else {
                format!("  {}", first.get(2..n).unwrap_or(""))
            };
            if let Some(p) = prefix.strip_suffix(suffix.as_str()) {
                prefix = p.to_string();
            }
        }
    }
    let last = lines.last().cloned().unwrap_or_default();
    let before = last.split_once("*/").map_or(last.as_str(), |(b, _)| b);
    if is_blank(before) {
        let closing = if line_of_stars { " */" } else { "*/" };
        if let Some(l) = lines.last_mut() {
            *l = format!("{prefix}{closing}");
        }
    } else {
        prefix = common_prefix(&prefix, &last).to_string();
    }
    for line in lines.iter_mut().skip(1) {
        if !line.is_empty() {
            *line = line.get(prefix.len()..).unwrap_or("").to_string();
        }
    }
}
