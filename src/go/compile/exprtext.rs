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
    // Open `func` signatures: the paren depth of their `func`, and whether their parameter
    // list is closed (so a result type follows, after a space).
    let mut depth = 0i32;
    let mut sigs: Vec<(i32, bool)> = Vec::new();
    while i < tokens.len() {
        let t = &tokens[i];
        let sig_here = sigs.last().is_some_and(|s| s.0 == depth);
        if sig_here && matches!(t.tok, Tok::Lbrace | Tok::Comma | Tok::Rparen | Tok::Rbrack | Tok::Rbrace) {
            // The signature ends: a body follows, or it was a type in a list.
            sigs.pop();
            if t.tok == Tok::Lbrace && !out.ends_with(' ') {
                out.push(' ');
            }
        }
        match t.tok {
            Tok::Func if tokens.get(i + 1).is_some_and(|n| n.tok == Tok::Lparen) => {
                sigs.push((depth, false));
                out.push_str("func");
            }
            Tok::Lparen => {
                if sigs.last().is_some_and(|s| s.0 == depth && s.1) && !out.ends_with(' ') {
                    out.push(' ');
                }
                depth += 1;
                out.push('(');
            }
            Tok::Rparen => {
                depth -= 1;
                out.push(')');
                if let Some(sig) = sigs.last_mut().filter(|s| s.0 == depth && !s.1) {
                    sig.1 = true;
                    let result = tokens.get(i + 1).is_some_and(|n| {
                        matches!(
                            n.tok,
                            Tok::Name
                                | Tok::Star
                                | Tok::Lbrack
                                | Tok::Map
                                | Tok::Chan
                                | Tok::Func
                                | Tok::Arrow
                                | Tok::Struct
                                | Tok::Interface
                        )
                    });
                    if result {
                        out.push(' ');
                    }
                }
            }
            Tok::Lbrack => {
                depth += 1;
                out.push('[');
            }
            Tok::Rbrack => {
                depth -= 1;
                out.push(']');
            }
            Tok::DotDotDot if !sigs.is_empty() && prev == Some(Tok::Name) => out.push_str(" ..."),
            Tok::Star | Tok::Arrow if sigs.last().is_some_and(|s| s.1 && s.0 == depth) => out.push_str(piece(t)),
            Tok::Lbrace if tokens.get(i + 1).is_some_and(|t| t.tok == Tok::Rbrace) => {
                if prev == Some(Tok::Rparen) && out.contains("func") && !out.ends_with(' ') {
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
                if prev == Some(Tok::Rparen) && out.contains("func") && !out.ends_with(' ') {
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
