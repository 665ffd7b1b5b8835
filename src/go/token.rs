//! Go tokens as gc's scanner produces them (`cmd/compile/internal/syntax/tokens.go`), with the
//! descriptions its syntax errors print (`unexpected name x`, `unexpected newline`, ...).

use super::ast::{BinaryOp, Span};

/// The kind of a basic literal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LitKind {
    Int,
    Float,
    Imag,
    Rune,
    String,
}

/// Why a `;` token exists: gc prints `semicolon`, `newline` or `EOF` for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SemiKind {
    /// Written `;`.
    Semicolon,
    /// Inserted at the end of a line (or for a multi-line block comment).
    Newline,
    /// Inserted before the end of the file.
    Eof,
}

/// Operators of gc's `_Operator` token: the binary ones plus unary-only `!` and `~`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    Binary(BinaryOp),
    Not,
    Tilde,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tok {
    Eof,
    Name,
    Literal(LitKind),
    /// Every operator except `*` (which is [`Tok::Star`], as in gc).
    Operator(Op),
    /// `+=`, `<<=`, `&^=`, ...
    AssignOp(BinaryOp),
    /// `++` (`true`) or `--`.
    IncOp(bool),
    Assign,
    Define,
    Arrow,
    Star,
    Lparen,
    Lbrack,
    Lbrace,
    Rparen,
    Rbrack,
    Rbrace,
    Comma,
    Semi(SemiKind),
    Colon,
    Dot,
    DotDotDot,
    Break,
    Case,
    Chan,
    Const,
    Continue,
    Default,
    Defer,
    Else,
    Fallthrough,
    For,
    Func,
    Go,
    Goto,
    If,
    Import,
    Interface,
    Map,
    Package,
    Range,
    Return,
    Select,
    Struct,
    Switch,
    Type,
    Var,
}

/// One token: its kind and byte span; names and literals are read back from the source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub tok: Tok,
    pub span: Span,
    /// A literal with a lexical error (already reported).
    pub bad: bool,
}

impl Tok {
    /// The keyword spelled `word`, if any.
    pub fn keyword(word: &[u8]) -> Option<Tok> {
        Some(match word {
            b"break" => Tok::Break,
            b"case" => Tok::Case,
            b"chan" => Tok::Chan,
            b"const" => Tok::Const,
            b"continue" => Tok::Continue,
            b"default" => Tok::Default,
            b"defer" => Tok::Defer,
            b"else" => Tok::Else,
            b"fallthrough" => Tok::Fallthrough,
            b"for" => Tok::For,
            b"func" => Tok::Func,
            b"go" => Tok::Go,
            b"goto" => Tok::Goto,
            b"if" => Tok::If,
            b"import" => Tok::Import,
            b"interface" => Tok::Interface,
            b"map" => Tok::Map,
            b"package" => Tok::Package,
            b"range" => Tok::Range,
            b"return" => Tok::Return,
            b"select" => Tok::Select,
            b"struct" => Tok::Struct,
            b"switch" => Tok::Switch,
            b"type" => Tok::Type,
            b"var" => Tok::Var,
            _ => return None,
        })
    }

    pub fn is_keyword(self) -> bool {
        self.keyword_str().is_some()
    }

    fn keyword_str(self) -> Option<&'static str> {
        Some(match self {
            Tok::Break => "break",
            Tok::Case => "case",
            Tok::Chan => "chan",
            Tok::Const => "const",
            Tok::Continue => "continue",
            Tok::Default => "default",
            Tok::Defer => "defer",
            Tok::Else => "else",
            Tok::Fallthrough => "fallthrough",
            Tok::For => "for",
            Tok::Func => "func",
            Tok::Go => "go",
            Tok::Goto => "goto",
            Tok::If => "if",
            Tok::Import => "import",
            Tok::Interface => "interface",
            Tok::Map => "map",
            Tok::Package => "package",
            Tok::Range => "range",
            Tok::Return => "return",
            Tok::Select => "select",
            Tok::Struct => "struct",
            Tok::Switch => "switch",
            Tok::Type => "type",
            Tok::Var => "var",
            _ => return None,
        })
    }

    /// gc's `tok.String()`: the token as written (`name`, `literal`, `op` for classes).
    pub fn as_str(self) -> &'static str {
        if let Some(k) = self.keyword_str() {
            return k;
        }
        match self {
            Tok::Eof => "EOF",
            Tok::Name => "name",
            Tok::Literal(_) => "literal",
            Tok::Operator(op) => op_str(op),
            Tok::AssignOp(_) => "op=",
            Tok::IncOp(_) => "opop",
            Tok::Assign => "=",
            Tok::Define => ":=",
            Tok::Arrow => "<-",
            Tok::Star => "*",
            Tok::Lparen => "(",
            Tok::Lbrack => "[",
            Tok::Lbrace => "{",
            Tok::Rparen => ")",
            Tok::Rbrack => "]",
            Tok::Rbrace => "}",
            Tok::Comma => ",",
            Tok::Semi(_) => ";",
            Tok::Colon => ":",
            Tok::Dot => ".",
            Tok::DotDotDot => "...",
            _ => "?",
        }
    }

    /// gc's `tokstring`: the words used after `expected` (`comma`, `keyword func`).
    pub fn expected_str(self) -> String {
        match self {
            Tok::Comma => "comma".to_string(),
            Tok::Semi(_) => "semicolon or newline".to_string(),
            t if t.is_keyword() => format!("keyword {}", t.as_str()),
            t => t.as_str().to_string(),
        }
    }

    /// Binding power as a binary operator (0: not binary).
    pub fn precedence(self) -> u8 {
        match self {
            Tok::Operator(Op::Binary(op)) => op.precedence(),
            Tok::Star => 5,
            _ => 0,
        }
    }
}

fn op_str(op: Op) -> &'static str {
    match op {
        Op::Binary(b) => b.symbol(),
        Op::Not => "!",
        Op::Tilde => "~",
    }
}

impl Token {
    /// The token as gc names it after `unexpected`: `name x`, `literal 42`, `newline`, `+=`.
    pub fn describe(&self, src: &str) -> String {
        let text = src.get(self.span.start as usize..self.span.end as usize).unwrap_or("");
        match self.tok {
            Tok::Name => format!("name {text}"),
            Tok::Literal(_) => format!("literal {text}"),
            Tok::Semi(SemiKind::Semicolon) => "semicolon".to_string(),
            Tok::Semi(SemiKind::Newline) => "newline".to_string(),
            Tok::Semi(SemiKind::Eof) => "EOF".to_string(),
            Tok::AssignOp(op) => format!("{}=", op.symbol()),
            Tok::IncOp(true) => "++".to_string(),
            Tok::IncOp(false) => "--".to_string(),
            Tok::Comma => "comma".to_string(),
            t if t.is_keyword() => format!("keyword {}", t.as_str()),
            t => t.as_str().to_string(),
        }
    }
}

impl Token {
    /// The token as go/parser (the go command reading imports) names it after `found`:
    /// `"os"`, `main`, `newline`, `EOF`, `'}'`.
    pub fn describe_go_parser(&self, src: &str) -> String {
        let text = src.get(self.span.start as usize..self.span.end as usize).unwrap_or("");
        match self.tok {
            Tok::Name | Tok::Literal(_) => text.to_string(),
            Tok::Semi(SemiKind::Newline) | Tok::Semi(SemiKind::Eof) => "newline".to_string(),
            Tok::Eof => "'EOF'".to_string(),
            Tok::AssignOp(op) => format!("'{}='", op.symbol()),
            Tok::IncOp(true) => "'++'".to_string(),
            Tok::IncOp(false) => "'--'".to_string(),
            t => format!("'{}'", t.as_str()),
        }
    }
}
