//! Expressions as gc's messages print them (`n + "x"`, `f(a, b)`, `[]int{…}`): the source's
//! tokens re-spaced the way cmd/compile's printer does, so `n+"x"` reads `n + "x"`.

use crate::go::lexer::tokenize;
use crate::go::token::{Tok, Token};

/// `text` (one expression's source) normalised.
pub fn normalise(text: &str) -> String {
    let (tokens, diags) = tokenize(text);
    if !diags.is_empty() {
        return text.trim().to_owned();
    }
    let tokens: Vec<Token> = tokens.into_iter().filter(|t| !matches!(t.tok, Tok::Semi(_) | Tok::Eof)).collect();
    let piece = |t: &Token| text.get(t.span.start as usize..t.span.end as usize).unwrap_or("");
    let mut out = String::new();
    let mut prev: Option<Tok> = None;
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        match t.tok {
            Tok::Lbrace if tokens.get(i + 1).is_some_and(|t| t.tok == Tok::Rbrace) => {
                if prev == Some(Tok::Rparen) && out.contains("func") {
                    out.push(' ');
                }
                out.push_str("{}");
                prev = Some(Tok::Rbrace);
                i += 2;
                continue;
            }
            Tok::Lbrace => {
                // Literal and function bodies are elided: `T{…}`, `func() {…}`.
                let mut depth = 0;
                while i < tokens.len() {
                    match tokens[i].tok {
                        Tok::Lbrace => depth += 1,
                        Tok::Rbrace => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
                if prev == Some(Tok::Rparen) && out.contains("func") {
                    out.push(' ');
                }
                out.push_str("{…}");
                prev = Some(Tok::Rbrace);
                i += 1;
                continue;
            }
            Tok::Comma => out.push_str(", "),
            Tok::Colon => out.push(':'),
            Tok::Operator(_) | Tok::Star | Tok::Arrow if binary_position(prev) => {
                out.push(' ');
                out.push_str(piece(t));
                out.push(' ');
            }
            Tok::Chan => {
                out.push_str("chan");
                if tokens.get(i + 1).is_some_and(|n| n.tok == Tok::Arrow) {
                    out.push_str("<-");
                    i += 1;
                }
                out.push(' ');
            }
            Tok::Map | Tok::Struct | Tok::Interface | Tok::Func => out.push_str(piece(t)),
            Tok::Name if prev == Some(Tok::Name) => {
                // `i int` in a parameter list.
                out.push(' ');
                out.push_str(piece(t));
            }
            _ => out.push_str(piece(t)),
        }
        prev = Some(t.tok);
        i += 1;
    }
    out
}

/// An operator after an operand's end is binary (`a - b`); otherwise unary (`-b`, `*p`).
fn binary_position(prev: Option<Tok>) -> bool {
    matches!(prev, Some(Tok::Name | Tok::Literal(_) | Tok::Rparen | Tok::Rbrack | Tok::Rbrace))
}
