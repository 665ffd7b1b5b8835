//! Comments: go/printer's interspersing of comments between items (`intersperseComments`
//! and the white space around them), `stripCommonPrefix` (a multi-line `/* */` comment is
//! re-indented by removing the white space and `*` column its inner lines share), and the
//! doc comment reformatting gofmt applies (`formatDocComment`, common cases).

use super::printer::{nlimit, Last, Printer, Ws, NO_EXTRA_BLANK, NO_EXTRA_LINEBREAK};
use super::source::{Comment, Pos};

impl Printer<'_, '_> {
    fn write_comment_prefix(&mut self, pos: Pos, next: Pos, prev: Option<&Comment>, tok: Last) {
        if self.output.is_empty() {
            return;
        }
        if pos.line == self.last.line && prev.is_none_or(|c| !c.is_line()) {
            let mut has_sep = false;
            if prev.is_none() {
                let mut j = 0;
                for i in 0..self.wsbuf.len() {
                    match self.wsbuf.get(i).copied() {
                        Some(Ws::Blank) => {
                            if let Some(w) = self.wsbuf.get_mut(i) {
                                *w = Ws::Ignore;
                            }
                            continue;
                        }
                        Some(Ws::Vtab) => {
                            has_sep = true;
                            continue;
                        }
                        Some(Ws::Indent) => continue,
                        _ => {}
                    }
                    j = i;
                    break;
                }
                self.write_whitespace(j);
            }
            if !has_sep {
                let sep = if pos.line == next.line { b' ' } else { b'\t' };
                self.write_byte(sep, 1);
            }
        } else {
            let mut dropped_linebreak = false;
            let mut j = 0;
            for i in 0..self.wsbuf.len() {
                match self.wsbuf.get(i).copied() {
                    Some(Ws::Blank | Ws::Vtab) => {
                        if let Some(w) = self.wsbuf.get_mut(i) {
                            *w = Ws::Ignore;
                        }
                        continue;
                    }
                    Some(Ws::Indent) => continue,
                    Some(Ws::Unindent) => {
                        if self.wsbuf.get(i + 1) == Some(&Ws::Unindent) {
                            continue;
                        }
                        if tok != Last::Tok("}") && pos.column == next.column {
                            continue;
                        }
                    }
                    Some(Ws::Newline | Ws::Formfeed) => {
                        if let Some(w) = self.wsbuf.get_mut(i) {
                            *w = Ws::Ignore;
                        }
                        dropped_linebreak = prev.is_none();
                    }
                    _ => {}
                }
                j = i;
                break;
            }
            self.write_whitespace(j);
            let mut n = 0;
            if pos.valid() && self.last.valid() {
                n = pos.line.saturating_sub(self.last.line);
            }
            if self.indent == 0 && dropped_linebreak {
                n += 1;
            }
            if n == 0 && prev.is_some_and(Comment::is_line) {
                n = 1;
            }
            if n > 0 {
                self.write_byte(b'\x0c', nlimit(n));
            }
        }
    }

    fn write_comment(&mut self, comment: &Comment) {
        let text = comment.text.as_str();
        let mut pos = self.pos_for(comment.start);
        if comment.is_line() {
            self.write_string(pos, text.trim_end(), true);
            return;
        }
        let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
        if pos.valid() && pos.column == 1 && self.indent > 0 {
            for line in lines.iter_mut().skip(1) {
                line.insert_str(0, "   ");
            }
        }
        strip_common_prefix(&mut lines);
        for (i, line) in lines.iter().enumerate() {
            if i > 0 {
                self.write_byte(b'\x0c', 1);
                pos = self.pos;
            }
            if !line.is_empty() {
                self.write_string(pos, line.trim_end(), true);
            }
        }
    }

    fn write_comment_suffix(&mut self, mut needs_linebreak: bool) -> (bool, bool) {
        let mut wrote_newline = false;
        let mut dropped_ff = false;
        for w in self.wsbuf.iter_mut() {
            match *w {
                Ws::Blank | Ws::Vtab => *w = Ws::Ignore,
                Ws::Newline | Ws::Formfeed => {
                    if needs_linebreak {
                        needs_linebreak = false;
                        wrote_newline = true;
                    } else {
                        if *w == Ws::Formfeed {
                            dropped_ff = true;
                        }
                        *w = Ws::Ignore;
                    }
                }
                _ => {}
            }
        }
        self.write_whitespace(self.wsbuf.len());
        if needs_linebreak {
            self.write_byte(b'\n', 1);
            wrote_newline = true;
        }
        (wrote_newline, dropped_ff)
    }

    fn contains_linebreak(&self) -> bool {
        self.wsbuf.iter().any(|w| matches!(w, Ws::Newline | Ws::Formfeed))
    }

    pub(super) fn intersperse_comments(&mut self, next: Pos, tok: Last) -> (bool, bool) {
        let mut last: Option<Comment> = None;
        while self.comment_before(next) {
            let group = self.group_list();
            let doc = match (group.first(), group.last()) {
                (Some(first), Some(end))
                    if tok != Last::Ident
                        && self.last_tok != Last::Tok("import")
                        && self.pos_for(first.start).column == 1
                        && end.end + 1 == next.offset =>
                {
                    let texts: Vec<&str> = group.iter().map(|c| c.text.as_str()).collect();
                    format_doc(&texts).map(|lines| (first.start, lines, end.clone()))
                }
                _ => None,
            };
            match doc {
                Some((start, lines, end)) => {
                    for text in lines {
                        let c = Comment { start, end: start, text };
                        self.write_comment_prefix(self.pos_for(start), next, last.as_ref(), tok);
                        self.write_comment(&c);
                        last = Some(c);
                    }
                    last = Some(end.clone());
                    self.pos = self.pos_for(end.end);
                    self.last = self.pos;
                }
                None => {
                    for c in group {
                        self.write_comment_prefix(self.pos_for(c.start), next, last.as_ref(), tok);
                        self.write_comment(c);
                        last = Some(c.clone());
                    }
                }
            }
            self.next_comment();
        }
        let Some(last) = last else { return (false, false) };
        let mut needs_linebreak = false;
        if self.mode & NO_EXTRA_BLANK == 0
            && !last.is_line()
            && self.line_for(last.start) == next.line
            && tok != Last::Tok(",")
            && (tok != Last::Tok(")") || self.prev_open == Last::Tok("("))
            && (tok != Last::Tok("]") || self.prev_open == Last::Tok("["))
        {
            if self.contains_linebreak() && self.mode & NO_EXTRA_LINEBREAK == 0 && self.level == 0 {
                needs_linebreak = true;
            } else {
                self.write_byte(b' ', 1);
            }
        }
        if last.is_line() || tok == Last::Tok("EOF") || (tok == Last::Tok("}") && self.mode & NO_EXTRA_LINEBREAK == 0) {
            needs_linebreak = true;
        }
        self.write_comment_suffix(needs_linebreak)
    }
}

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

/// go/printer's `isDirective`: `//go:noinline`, `//line x:1`, `//export f`.
fn is_directive(c: &str) -> bool {
    if c.starts_with("line ") || c.starts_with("extern ") || c.starts_with("export ") {
        return true;
    }
    let b = c.as_bytes();
    let Some(colon) = c.find(':') else { return false };
    if colon == 0 || colon + 1 >= b.len() {
        return false;
    }
    (0..=colon + 1)
        .filter(|&i| i != colon)
        .all(|i| b.get(i).is_some_and(|&x| x.is_ascii_lowercase() || x.is_ascii_digit()))
}

fn leading_space(s: &str) -> &str {
    let n = s.bytes().take_while(|&b| b == b' ' || b == b'\t').count();
    s.get(..n).unwrap_or("")
}

/// go/doc/comment's `unindent`: no blank lines at the ends, common indentation removed.
fn unindent(lines: &[String]) -> Vec<String> {
    let blank = |l: &String| l.trim().is_empty();
    let start = lines.iter().position(|l| !blank(l)).unwrap_or(lines.len());
    let end = lines.iter().rposition(|l| !blank(l)).map_or(start, |i| i + 1);
    let lines = lines.get(start..end).unwrap_or(&[]);
    let mut prefix = lines.first().map_or("", |l| leading_space(l)).to_string();
    for l in lines.iter().skip(1).filter(|l| !blank(l)) {
        prefix = common_prefix(&prefix, leading_space(l)).to_string();
    }
    lines
        .iter()
        .map(|l| if blank(l) { String::new() } else { l.get(prefix.len()..).unwrap_or("").to_string() })
        .collect()
}

/// Lines go/doc/comment would read as a list item or a heading: not handled here.
fn is_special(line: &str, all: &[String], i: usize) -> bool {
    let t = line.trim_start();
    let bullet = ["- ", "* ", "+ ", "• "].iter().any(|m| t.starts_with(m)) || matches!(t, "-" | "*" | "+" | "•");
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    let numbered = digits > 0 && matches!(t.as_bytes().get(digits), Some(b'.' | b')'));
    let heading = t.starts_with('#');
    // A possible old-style heading: a lone line between blank lines starting with a capital.
    let lone = i > 0
        && all.get(i - 1).is_some_and(String::is_empty)
        && all.get(i + 1).is_some_and(String::is_empty)
        && line.chars().next().is_some_and(char::is_uppercase);
    let continued = line.ends_with('{') || line.ends_with('\\');
    bullet || numbered || heading || lone || continued
}

/// go/printer's `formatDocComment` for `//` doc comments made of paragraphs and code
/// blocks: `//x` becomes `// x`, code blocks are tab-indented between blank lines,
/// directives go last. `None` leaves the comment as written (lists, headings, `/*`).
pub(super) fn format_doc(texts: &[&str]) -> Option<Vec<String>> {
    let mut directives = Vec::new();
    let mut raw = Vec::new();
    for t in texts {
        let after = t.strip_prefix("//")?;
        if is_directive(after) {
            directives.push(t.to_string());
            continue;
        }
        raw.push(after.strip_prefix(' ').unwrap_or(after).to_string());
    }
    if raw.is_empty() {
        return None;
    }
    let lines = unindent(&raw);
    if lines.iter().enumerate().any(|(i, l)| is_special(l, &lines, i)) {
        return None;
    }
    let indented = |l: &String| l.starts_with([' ', '\t']);
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while let Some(line) = lines.get(i) {
        if line.is_empty() {
            i += 1;
            continue;
        }
        if !out.is_empty() {
            out.push(String::new());
        }
        let start = i;
        if indented(line) {
            while lines.get(i).is_some_and(|l| l.is_empty() || indented(l)) {
                i += 1;
            }
            let mut end = i;
            while end > start && lines.get(end - 1).is_some_and(String::is_empty) {
                end -= 1;
            }
            let block = unindent(lines.get(start..end).unwrap_or(&[]));
            out.extend(block.into_iter().map(|l| if l.is_empty() { l } else { format!("\t{l}") }));
            i = end;
        } else {
            while lines.get(i).is_some_and(|l| !l.is_empty() && !indented(l)) {
                i += 1;
            }
            out.extend(lines.get(start..i).unwrap_or(&[]).iter().map(|l| l.trim_end().to_string()));
        }
    }
    let mut result: Vec<String> = out
        .into_iter()
        .map(|l| {
            if l.is_empty() {
                "//".to_string()
            } else if l.starts_with('\t') {
                format!("//{l}")
            } else {
                format!("// {l}")
            }
        })
        .collect();
    if !directives.is_empty() {
        result.push("//".to_string());
        result.extend(directives);
    }
    Some(result)
}
