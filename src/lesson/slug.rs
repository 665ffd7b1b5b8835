//! Deterministic ASCII anchor slugs for French headings.
//!
//! `slugify("Qu’est-ce qu’une goroutine ?") == "quest-ce-quune-goroutine"`: lower case, accents
//! folded (`é` → `e`, `ç` → `c`, `œ` → `oe`), apostrophes dropped, every other run of
//! non-alphanumeric characters becomes one `-`, no leading or trailing `-`.

use std::collections::HashSet;

/// Folds one (lower-case) character to ASCII; `None` drops it, other non-alphanumerics become `-`.
fn fold(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => "a",
        'æ' => "ae",
        'ç' => "c",
        'è' | 'é' | 'ê' | 'ë' => "e",
        'ì' | 'í' | 'î' | 'ï' => "i",
        'ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => "o",
        'œ' => "oe",
        'ù' | 'ú' | 'û' | 'ü' => "u",
        'ý' | 'ÿ' => "y",
        'ß' => "ss",
        _ => return None,
    })
}

/// The ASCII slug of a heading. Never empty: falls back to `section`.
pub fn slugify(title: &str) -> String {
    let mut out = String::new();
    let mut pending_dash = false;
    for c in title.chars().flat_map(char::to_lowercase) {
        if matches!(c, '\'' | '’' | '‘' | 'ʼ') {
            continue;
        }
        let piece: Option<String> =
            if c.is_ascii_alphanumeric() { Some(c.to_string()) } else { fold(c).map(str::to_string) };
        match piece {
            Some(p) => {
                if pending_dash && !out.is_empty() {
                    out.push('-');
                }
                pending_dash = false;
                out.push_str(&p);
            }
            None => pending_dash = true,
        }
    }
    if out.is_empty() {
        out.push_str("section");
    }
    out
}

/// Hands out unique slugs: a repeated title gets `-2`, `-3`, …
#[derive(Default, Debug, Clone)]
pub struct SlugSet {
    used: HashSet<String>,
}

impl SlugSet {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn unique(&mut self, title: &str) -> String {
        let base = slugify(title);
        let mut candidate = base.clone();
        let mut n = 2;
        while self.used.contains(&candidate) {
            candidate = format!("{base}-{n}");
            n += 1;
        }
        self.used.insert(candidate.clone());
        candidate
    }
}
