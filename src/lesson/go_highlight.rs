//! A small Go tokenizer for syntax highlighting (pure).
//!
//! [`highlight_go`] splits Go source into tokens whose texts, concatenated, give back the
//! source exactly. Kinds map to CSS classes (`tok-kw`, `tok-str`, …); plain text (spaces,
//! punctuation, operators, other identifiers) has [`GoTokenKind::Plain`].
//!
//! Heuristics (enough for lesson code, not a Go parser): an identifier followed by `(` is a
//! function name; predeclared types (`int`, `string`, …) are types, and so is a qualified
//! `pkg.Name` in type position (after `*` used as a pointer, after `[]`, or right after
//! another identifier as in `var wg sync.WaitGroup`).

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GoTokenKind {
    Plain,
    Keyword,
    String,
    Comment,
    Number,
    Function,
    Type,
    /// Predeclared constants and builtins: `true`, `false`, `nil`, `iota`, `len`, …
    Builtin,
}

impl GoTokenKind {
    /// The CSS class of the kind (`""` for plain text).
    pub fn class(self) -> &'static str {
        match self {
            GoTokenKind::Plain => "",
            GoTokenKind::Keyword => "tok-kw",
            GoTokenKind::String => "tok-str",
            GoTokenKind::Comment => "tok-com",
            GoTokenKind::Number => "tok-num",
            GoTokenKind::Function => "tok-fn",
            GoTokenKind::Type => "tok-type",
            GoTokenKind::Builtin => "tok-builtin",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoToken {
    pub kind: GoTokenKind,
    pub text: String,
}

const KEYWORDS: &[&str] = &[
    "break",
    "case",
    "chan",
    "const",
    "continue",
    "default",
    "defer",
    "else",
    "fallthrough",
    "for",
    "func",
    "go",
    "goto",
    "if",
    "import",
    "interface",
    "map",
    "package",
    "range",
    "return",
    "select",
    "struct",
    "switch",
    "type",
    "var",
];

const TYPES: &[&str] = &[
    "any",
    "bool",
    "byte",
    "comparable",
    "complex64",
    "complex128",
    "error",
    "float32",
    "float64",
    "int",
    "int8",
    "int16",
    "int32",
    "int64",
    "rune",
    "string",
    "uint",
    "uint8",
    "uint16",
    "uint32",
    "uint64",
    "uintptr",
];

const BUILTINS: &[&str] = &[
    "true", "false", "nil", "iota", "append", "cap", "clear", "close", "complex", "copy", "delete", "imag", "len",
    "make", "max", "min", "new", "panic", "print", "println", "real", "recover",
];

fn is_ident_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}

fn is_ident_char(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

/// Tokenizes Go source. Adjacent plain tokens are merged.
pub fn highlight_go(source: &str) -> Vec<GoToken> {
    let chars: Vec<char> = source.chars().collect();
    let n = chars.len();
    let mut raw: Vec<(GoTokenKind, String)> = Vec::new();
    let mut i = 0;
    let take = |from: usize, to: usize| -> String { chars[from..to].iter().collect() };

    while i < n {
        let c = chars[i];
        let start = i;
        // Comments.
        if c == '/' && i + 1 < n && chars[i + 1] == '/' {
            while i < n && chars[i] != '\n' {
                i += 1;
            }
            raw.push((GoTokenKind::Comment, take(start, i)));
            continue;
        }
        if c == '/' && i + 1 < n && chars[i + 1] == '*' {
            i += 2;
            while i < n && !(chars[i] == '*' && i + 1 < n && chars[i + 1] == '/') {
                i += 1;
            }
            i = (i + 2).min(n);
            raw.push((GoTokenKind::Comment, take(start, i)));
            continue;
        }
        // Strings and runes.
        if c == '"' || c == '\'' {
            i += 1;
            while i < n && chars[i] != c && chars[i] != '\n' {
                if chars[i] == '\\' {
                    i += 1;
                }
                i += 1;
            }
            i = (i + 1).min(n);
            raw.push((GoTokenKind::String, take(start, i)));
            continue;
        }
        if c == '`' {
            i += 1;
            while i < n && chars[i] != '`' {
                i += 1;
            }
            i = (i + 1).min(n);
            raw.push((GoTokenKind::String, take(start, i)));
            continue;
        }
        // Numbers (decimal, hex, octal, binary, floats, exponents, `_` separators, imaginary).
        let starts_number = c.is_ascii_digit()
            || (c == '.' && i + 1 < n && chars[i + 1].is_ascii_digit() && !(i > 0 && is_ident_char(chars[i - 1])));
        if starts_number {
            // Whether an `x` was seen so far, kept as we go: rescanning the literal for each
            // character would make a long (hostile) literal quadratic.
            let mut hex = matches!(c, 'x' | 'X');
            i += 1;
            while i < n {
                let d = chars[i];
                let prev = chars[i - 1];
                let exp_sign =
                    (d == '+' || d == '-') && (matches!(prev, 'p' | 'P') || (!hex && matches!(prev, 'e' | 'E')));
                if d.is_ascii_alphanumeric() || d == '_' || d == '.' || exp_sign {
                    hex |= matches!(d, 'x' | 'X');
                    i += 1;
                } else {
                    break;
                }
            }
            raw.push((GoTokenKind::Number, take(start, i)));
            continue;
        }
        // Identifiers.
        if is_ident_start(c) {
            while i < n && is_ident_char(chars[i]) {
                i += 1;
            }
            let word = take(start, i);
            let mut j = i;
            while j < n && (chars[j] == ' ' || chars[j] == '\t') {
                j += 1;
            }
            let called = j < n && chars[j] == '(';
            let after_dot = start > 0 && chars[start - 1] == '.';
            let kind = if !after_dot && KEYWORDS.contains(&word.as_str()) {
                GoTokenKind::Keyword
            } else if !after_dot && TYPES.contains(&word.as_str()) {
                GoTokenKind::Type
            } else if !after_dot
                && ((called && BUILTINS.contains(&word.as_str()))
                    || matches!(word.as_str(), "true" | "false" | "nil" | "iota"))
            {
                GoTokenKind::Builtin
            } else if called {
                GoTokenKind::Function
            } else if after_dot && word.starts_with(|ch: char| ch.is_uppercase()) && in_type_position(&raw) {
                GoTokenKind::Type
            } else {
                GoTokenKind::Plain
            };
            raw.push((kind, word));
            continue;
        }
        raw.push((GoTokenKind::Plain, c.to_string()));
        i += 1;
    }

    let mut out: Vec<GoToken> = Vec::new();
    for (kind, text) in raw {
        match out.last_mut() {
            Some(last) if last.kind == GoTokenKind::Plain && kind == GoTokenKind::Plain => last.text.push_str(&text),
            _ => out.push(GoToken { kind, text }),
        }
    }
    out
}

/// For `pkg.Name` (the tokens so far end with `pkg` `.`): is it in a type position?
fn in_type_position(raw: &[(GoTokenKind, String)]) -> bool {
    // The last four significant (non-space) tokens, enough to look behind `pkg .`: collecting
    // them all would make a source full of `a.B` quadratic (the editor highlights 64 KiB).
    let mut sig: Vec<&(GoTokenKind, String)> = raw.iter().rev().filter(|(_, t)| !t.trim().is_empty()).take(4).collect();
    sig.reverse();
    if sig.len() < 2 || sig[sig.len() - 1].1 != "." {
        return false;
    }
    let before = &sig[..sig.len() - 2];
    match before.last() {
        Some((_, t)) if t == "*" => {
            // Pointer if `*` follows an identifier, `(`, `,`, `[`, `]` (not a number: `200 *`).
            match before.len().checked_sub(2).map(|k| before[k]) {
                Some((GoTokenKind::Plain, t)) => {
                    t.starts_with(|c: char| is_ident_start(c)) || matches!(t.as_str(), "(" | "," | "]" | "[")
                }
                Some((GoTokenKind::Keyword, _)) => true,
                None => true,
                _ => false,
            }
        }
        Some((_, t)) if t == "]" => true,
        Some((GoTokenKind::Plain, t)) => {
            // `var wg sync.WaitGroup`, `id int, wg sync.WaitGroup`.
            t.starts_with(|c: char| is_ident_start(c))
        }
        _ => false,
    }
}
