//! The syntax tree of a Go source file, as the parser builds it. Every node keeps the byte
//! [`Span`] of its source text, so the checker and the VM can report `prog.go:L:C`.
//!
//! The tree covers Go's full statement and expression grammar that the parser recognises;
//! constructs outside the notebook's subset (generics, `goto`) are parsed far enough to be
//! reported at their position, never guessed at.

/// Byte offsets `[start, end)` into the source.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: u32, end: u32) -> Self {
        Span { start, end }
    }

    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span { start: self.start.min(other.start), end: self.end.max(other.end) }
    }
}

/// An identifier with its position.
#[derive(Clone, Debug, PartialEq)]
pub struct Ident {
    pub name: String,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct File {
    /// `package main`: the name and its span.
    pub package: Ident,
    pub imports: Vec<Import>,
    pub decls: Vec<Decl>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Import {
    /// `import f "fmt"`: the alias (`_` and `.` included).
    pub alias: Option<Ident>,
    /// The unquoted path, e.g. `fmt`.
    pub path: String,
    /// Span of the quoted path literal.
    pub span: Span,
}

/// A file holds a few declarations: boxing the function variant would buy nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum Decl {
    Func(FuncDecl),
    /// `var`, `const` or `type` at package level (same shapes as in a block).
    Gen(GenDecl),
}

#[derive(Clone, Debug, PartialEq)]
pub struct FuncDecl {
    /// `func (r T) Name(...)`: the receiver, if a method.
    pub recv: Option<Param>,
    pub name: Ident,
    /// Type parameters `[T any]`: outside the subset; kept so the checker reports them.
    pub type_params: Vec<Param>,
    pub sig: FuncType,
    /// `None` for a declaration without body (outside the subset).
    pub body: Option<Block>,
    /// From `func` to the end of the body.
    pub span: Span,
}

/// A function signature.
#[derive(Clone, Debug, PartialEq)]
pub struct FuncType {
    pub params: Vec<Param>,
    pub results: Vec<Param>,
    pub span: Span,
}

/// One parameter or result, or a group `a, b int` split into one entry per name. A nameless
/// parameter (`func(int)`) has `name: None`. `variadic` marks `...T` (the last parameter).
#[derive(Clone, Debug, PartialEq)]
pub struct Param {
    pub name: Option<Ident>,
    pub ty: TypeExpr,
    pub variadic: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct GenDecl {
    pub kind: GenKind,
    pub specs: Vec<Spec>,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenKind {
    Var,
    Const,
    Type,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Spec {
    /// `var a, b T = x, y` and `const A, B = x, y`. In a const group, a spec with neither type
    /// nor values repeats the previous one's (the parser leaves them empty; the checker
    /// copies them). `iota` is the spec's index in its group.
    Value { names: Vec<Ident>, ty: Option<TypeExpr>, values: Vec<Expr>, iota: u32, span: Span },
    /// `type Name T` (or `type Name = T` when `alias`). `type_params` non-empty is generics.
    Type { name: Ident, type_params: Vec<Param>, alias: bool, ty: TypeExpr, span: Span },
}

/// A type as written.
#[derive(Clone, Debug, PartialEq)]
pub struct TypeExpr {
    pub kind: TypeExprKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum TypeExprKind {
    /// `int`, `MyType`, `error`, `any`.
    Name(String),
    /// `sync.WaitGroup`, `time.Duration`.
    Qualified {
        package: Ident,
        name: Ident,
    },
    Pointer(Box<TypeExpr>),
    Slice(Box<TypeExpr>),
    /// `[N]T`; `len: None` is `[...]T` (only valid in a composite literal).
    Array {
        len: Option<Box<Expr>>,
        elem: Box<TypeExpr>,
    },
    Map {
        key: Box<TypeExpr>,
        value: Box<TypeExpr>,
    },
    Chan {
        dir: ChanDir,
        elem: Box<TypeExpr>,
    },
    Func(FuncType),
    Struct(Vec<Field>),
    Interface(Vec<InterfaceElem>),
    /// `Name[T1, T2]`: an instantiated generic type (outside the subset).
    Generic {
        base: Box<TypeExpr>,
        args: Vec<TypeExpr>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChanDir {
    /// `chan T`
    Both,
    /// `chan<- T`
    Send,
    /// `<-chan T`
    Recv,
}

/// A struct field. An embedded field has `name: None` (its name is its type's name).
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    pub name: Option<Ident>,
    pub ty: TypeExpr,
    pub tag: Option<String>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum InterfaceElem {
    Method {
        name: Ident,
        sig: FuncType,
    },
    /// An embedded interface, or a type-set term like `~int | string` (generics: outside).
    Embed(TypeExpr),
    /// A union or `~T` constraint (generics only).
    Constraint(Span),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    pub stmts: Vec<Stmt>,
    /// From `{` to `}` inclusive.
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    /// `;` alone, or the empty statement before `}`.
    Empty,
    Expr(Expr),
    /// `var`, `const` or `type` inside a function.
    Decl(GenDecl),
    /// `a, b := x, y`
    Define {
        lhs: Vec<Ident>,
        rhs: Vec<Expr>,
    },
    /// `a, b = x, y`, or `a op= b` when `op` is set (one operand each side).
    Assign {
        lhs: Vec<Expr>,
        op: Option<BinaryOp>,
        rhs: Vec<Expr>,
    },
    /// `x++` (`inc: true`) or `x--`.
    IncDec {
        target: Expr,
        inc: bool,
    },
    /// `ch <- v`
    Send {
        chan: Expr,
        value: Expr,
    },
    Go(Expr),
    Defer(Expr),
    Return(Vec<Expr>),
    Break(Option<Ident>),
    Continue(Option<Ident>),
    /// `goto L` (outside the subset).
    Goto(Ident),
    Fallthrough,
    Block(Block),
    If(Box<IfStmt>),
    For(Box<ForStmt>),
    /// `for k, v := range x` / `for k, v = range x` / `for range x`.
    Range(Box<RangeStmt>),
    Switch(Box<SwitchStmt>),
    TypeSwitch(Box<TypeSwitchStmt>),
    Select(Vec<SelectClause>),
    Labeled {
        label: Ident,
        stmt: Box<Stmt>,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct IfStmt {
    pub init: Option<Stmt>,
    pub cond: Expr,
    pub then: Block,
    /// `else if ...` is an `If` statement; `else { }` is a `Block` statement.
    pub els: Option<Stmt>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ForStmt {
    pub init: Option<Stmt>,
    /// `None`: `for {}` or `for ;; {}`.
    pub cond: Option<Expr>,
    pub post: Option<Stmt>,
    pub body: Block,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RangeStmt {
    /// Key and value: identifiers when `define`, any assignable expressions otherwise.
    pub key: Option<Expr>,
    pub value: Option<Expr>,
    /// `:=` rather than `=`.
    pub define: bool,
    pub expr: Expr,
    pub body: Block,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SwitchStmt {
    pub init: Option<Stmt>,
    pub tag: Option<Expr>,
    pub clauses: Vec<CaseClause>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CaseClause {
    /// Empty for `default:`.
    pub exprs: Vec<Expr>,
    pub is_default: bool,
    pub body: Vec<Stmt>,
    /// The `case ...:` or `default:` header.
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TypeSwitchStmt {
    pub init: Option<Stmt>,
    /// `switch v := x.(type)`: the `v`.
    pub binding: Option<Ident>,
    /// The `x` of `x.(type)`.
    pub expr: Expr,
    pub clauses: Vec<TypeCaseClause>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TypeCaseClause {
    /// Types listed; `None` stands for the `nil` case. Empty for `default:`.
    pub types: Vec<Option<TypeExpr>>,
    pub is_default: bool,
    pub body: Vec<Stmt>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SelectClause {
    pub comm: SelectComm,
    pub body: Vec<Stmt>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum SelectComm {
    Default,
    /// `case ch <- v:`
    Send {
        chan: Expr,
        value: Expr,
    },
    /// `case <-ch:`, `case v := <-ch:`, `case v, ok := <-ch:`, `case v, ok = <-ch:`.
    /// `value`/`ok` are identifiers when `define`, assignable expressions otherwise.
    Recv {
        value: Option<Expr>,
        ok: Option<Expr>,
        define: bool,
        chan: Expr,
    },
    /// Neither (`case x := 3:`): types2 reports it and skips the case; kept for the formatter.
    Invalid(Box<Stmt>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    Ident(String),
    /// Integer literal text as written (`0x1F`, `1_000`, `'a'` is a `Char`).
    Int(String),
    Float(String),
    /// Imaginary literals (`2i`): outside the subset.
    Imag(String),
    /// A rune literal, decoded.
    Char(char),
    /// A string literal, decoded (interpreted or raw). Go strings are bytes: `\xff` escapes
    /// give bytes that are not UTF-8.
    Str(Vec<u8>),
    /// `T{...}` or, inside another literal, `{...}` with `ty: None` (elided type).
    Composite {
        ty: Option<TypeExpr>,
        elems: Vec<Element>,
    },
    FuncLit {
        sig: FuncType,
        body: Block,
    },
    Paren(Box<Expr>),
    /// `x.f`; also `pkg.Name` (the checker tells them apart).
    Selector {
        expr: Box<Expr>,
        sel: Ident,
    },
    Index {
        expr: Box<Expr>,
        index: Box<Expr>,
    },
    /// `x[a, b]`: generic instantiation (outside the subset).
    IndexList {
        expr: Box<Expr>,
        indices: Vec<Expr>,
    },
    /// `x[lo:hi]` or `x[lo:hi:max]`.
    Slice {
        expr: Box<Expr>,
        lo: Option<Box<Expr>>,
        hi: Option<Box<Expr>>,
        max: Option<Box<Expr>>,
    },
    /// `x.(T)`; `ty: None` is `x.(type)` (only in a type switch header).
    TypeAssert {
        expr: Box<Expr>,
        ty: Option<TypeExpr>,
    },
    /// `f(args)`, `f(args...)` with `spread`. Conversions `T(x)` parse as calls; when the
    /// callee is a type that cannot be an expression (`[]byte(s)`, `*T`), it is a `Type` expr.
    Call {
        func: Box<Expr>,
        args: Vec<Expr>,
        spread: bool,
    },
    /// `*x`: dereference (or a pointer type, decided by the checker).
    Star(Box<Expr>),
    Unary {
        op: UnaryOp,
        expr: Box<Expr>,
    },
    Binary {
        op: BinaryOp,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    /// `<-ch`
    Recv(Box<Expr>),
    /// A type in expression position: `[]int` in `make([]int, 3)`, `map[string]int{}`'s
    /// callee, `chan int` in `make(chan int)`.
    Type(TypeExpr),
    /// A syntax error was reported here; keeps the tree whole.
    Bad,
}

/// One element of a composite literal: `key: value` or `value`.
#[derive(Clone, Debug, PartialEq)]
pub struct Element {
    pub key: Option<Expr>,
    pub value: Expr,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    /// `-x`
    Neg,
    /// `+x`
    Pos,
    /// `!x`
    Not,
    /// `^x`
    BitNot,
    /// `&x`
    Addr,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinaryOp {
    Add,
    Sub,
    Mul,
    Div,
    Rem,
    And,
    Or,
    Xor,
    Shl,
    Shr,
    AndNot,
    LogAnd,
    LogOr,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl BinaryOp {
    /// The operator as Go writes it, for messages (`invalid operation: a + s ...`).
    pub fn symbol(self) -> &'static str {
        match self {
            BinaryOp::Add => "+",
            BinaryOp::Sub => "-",
            BinaryOp::Mul => "*",
            BinaryOp::Div => "/",
            BinaryOp::Rem => "%",
            BinaryOp::And => "&",
            BinaryOp::Or => "|",
            BinaryOp::Xor => "^",
            BinaryOp::Shl => "<<",
            BinaryOp::Shr => ">>",
            BinaryOp::AndNot => "&^",
            BinaryOp::LogAnd => "&&",
            BinaryOp::LogOr => "||",
            BinaryOp::Eq => "==",
            BinaryOp::Ne => "!=",
            BinaryOp::Lt => "<",
            BinaryOp::Le => "<=",
            BinaryOp::Gt => ">",
            BinaryOp::Ge => ">=",
        }
    }

    /// Go's precedence: 5 `* / % << >> & &^`, 4 `+ - | ^`, 3 comparisons, 2 `&&`, 1 `||`.
    pub fn precedence(self) -> u8 {
        match self {
            BinaryOp::Mul
            | BinaryOp::Div
            | BinaryOp::Rem
            | BinaryOp::Shl
            | BinaryOp::Shr
            | BinaryOp::And
            | BinaryOp::AndNot => 5,
            BinaryOp::Add | BinaryOp::Sub | BinaryOp::Or | BinaryOp::Xor => 4,
            BinaryOp::Eq | BinaryOp::Ne | BinaryOp::Lt | BinaryOp::Le | BinaryOp::Gt | BinaryOp::Ge => 3,
            BinaryOp::LogAnd => 2,
            BinaryOp::LogOr => 1,
        }
    }
}
