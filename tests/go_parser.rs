//! The Go lexer and parser: tree shapes for each construct, automatic semicolons, literal
//! escapes, gc's syntax error wording and positions (checked against go1.27.3), and
//! properties (never panics; comments and line breaks do not change the tree).

use goroutines_notebook::go::ast::*;
use goroutines_notebook::go::diag::render;
use goroutines_notebook::go::lexer::{decode_rune, decode_string, tokenize};
use goroutines_notebook::go::parser::parse_file;
use goroutines_notebook::go::token::{SemiKind, Tok};
use proptest::prelude::*;

// ----- compact tree printing -----

fn list<T>(xs: &[T], f: impl Fn(&T) -> String, sep: &str) -> String {
    xs.iter().map(f).collect::<Vec<_>>().join(sep)
}

fn opt_e(x: &Option<Box<Expr>>) -> String {
    x.as_deref().map_or("_".to_string(), e)
}

fn e(x: &Expr) -> String {
    match &x.kind {
        ExprKind::Ident(n) | ExprKind::Int(n) | ExprKind::Float(n) | ExprKind::Imag(n) => n.clone(),
        ExprKind::Char(c) => format!("{c:?}"),
        ExprKind::Str(b) => format!("{:?}", String::from_utf8_lossy(b)),
        ExprKind::Composite { ty: t, elems } => {
            let els = list(
                elems,
                |el| match &el.key {
                    Some(k) => format!("{}: {}", e(k), e(&el.value)),
                    None => e(&el.value),
                },
                ", ",
            );
            format!("(lit {} {{{els}}})", t.as_ref().map_or("_".to_string(), ty))
        }
        ExprKind::FuncLit { sig, body } => format!("(funclit {} {})", func_sig(sig), block(body)),
        ExprKind::Paren(x) => format!("(paren {})", e(x)),
        ExprKind::Selector { expr, sel } => format!("(. {} {})", e(expr), sel.name),
        ExprKind::Index { expr, index } => format!("(index {} {})", e(expr), e(index)),
        ExprKind::IndexList { expr, indices } => format!("(index {} {})", e(expr), list(indices, e, " ")),
        ExprKind::Slice { expr, lo, hi, max } => {
            format!("(slice {} {} {} {})", e(expr), opt_e(lo), opt_e(hi), opt_e(max))
        }
        ExprKind::TypeAssert { expr, ty: t } => {
            format!("(assert {} {})", e(expr), t.as_ref().map_or("type".to_string(), ty))
        }
        ExprKind::Call { func, args, spread } => {
            format!(
                "(call {}{}{})",
                e(func),
                list(args, |a| format!(" {}", e(a)), ""),
                if *spread { "..." } else { "" }
            )
        }
        ExprKind::Star(x) => format!("(* {})", e(x)),
        ExprKind::Unary { op, expr } => {
            let s = match op {
                UnaryOp::Neg => "-",
                UnaryOp::Pos => "+",
                UnaryOp::Not => "!",
                UnaryOp::BitNot => "^",
                UnaryOp::Addr => "&",
            };
            format!("({s} {})", e(expr))
        }
        ExprKind::Binary { op, lhs, rhs } => format!("({} {} {})", op.symbol(), e(lhs), e(rhs)),
        ExprKind::Recv(x) => format!("(<- {})", e(x)),
        ExprKind::Type(t) => format!("(type {})", ty(t)),
        ExprKind::Bad => "BAD".to_string(),
    }
}

fn param(p: &Param) -> String {
    let t = if p.variadic { format!("...{}", ty(&p.ty)) } else { ty(&p.ty) };
    match &p.name {
        Some(n) => format!("{} {t}", n.name),
        None => t,
    }
}

fn func_sig(f: &FuncType) -> String {
    let res = match f.results.as_slice() {
        [] => String::new(),
        rs => format!(" ({})", list(rs, param, ", ")),
    };
    format!("func({}){res}", list(&f.params, param, ", "))
}

fn ty(t: &TypeExpr) -> String {
    match &t.kind {
        TypeExprKind::Name(n) => n.clone(),
        TypeExprKind::Qualified { package, name } => format!("{}.{}", package.name, name.name),
        TypeExprKind::Pointer(x) => format!("*{}", ty(x)),
        TypeExprKind::Slice(x) => format!("[]{}", ty(x)),
        TypeExprKind::Array { len, elem } => format!("[{}]{}", len.as_deref().map_or("...".to_string(), e), ty(elem)),
        TypeExprKind::Map { key, value } => format!("map[{}]{}", ty(key), ty(value)),
        TypeExprKind::Chan { dir, elem } => match dir {
            ChanDir::Both => format!("chan {}", ty(elem)),
            ChanDir::Send => format!("chan<- {}", ty(elem)),
            ChanDir::Recv => format!("<-chan {}", ty(elem)),
        },
        TypeExprKind::Func(f) => func_sig(f),
        TypeExprKind::Struct(fields) => {
            let f = |f: &Field| {
                let base = match &f.name {
                    Some(n) => format!("{} {}", n.name, ty(&f.ty)),
                    None => ty(&f.ty),
                };
                match &f.tag {
                    Some(tag) => format!("{base} {tag:?}"),
                    None => base,
                }
            };
            format!("struct{{{}}}", list(fields, f, "; "))
        }
        TypeExprKind::Interface(elems) => {
            let f = |el: &InterfaceElem| match el {
                InterfaceElem::Method { name, sig } => format!("{} {}", name.name, func_sig(sig)),
                InterfaceElem::Embed(t) => ty(t),
                InterfaceElem::Constraint(_) => "~".to_string(),
            };
            format!("interface{{{}}}", list(elems, f, "; "))
        }
        TypeExprKind::Generic { base, args } => format!("{}[{}]", ty(base), list(args, ty, ", ")),
    }
}

fn block(b: &Block) -> String {
    format!("{{{}}}", list(&b.stmts, stmt, "; "))
}

fn opt_stmt(s: &Option<Stmt>) -> String {
    s.as_ref().map_or("_".to_string(), stmt)
}

fn spec(s: &Spec) -> String {
    match s {
        Spec::Value { names, ty: t, values, iota, .. } => format!(
            "{}{}{}@{iota}",
            list(names, |n| n.name.clone(), ","),
            t.as_ref().map_or(String::new(), |t| format!(":{}", ty(t))),
            if values.is_empty() { String::new() } else { format!("={}", list(values, e, ",")) },
        ),
        Spec::Type { name, type_params, alias, ty: t, .. } => format!(
            "{}{}{}{}",
            name.name,
            if type_params.is_empty() { String::new() } else { format!("[{}]", list(type_params, param, ", ")) },
            if *alias { "=" } else { " " },
            ty(t)
        ),
    }
}

fn gen_decl(d: &GenDecl) -> String {
    let kw = match d.kind {
        GenKind::Var => "var",
        GenKind::Const => "const",
        GenKind::Type => "type",
    };
    format!("({kw} {})", list(&d.specs, spec, " "))
}

fn stmt(s: &Stmt) -> String {
    match &s.kind {
        StmtKind::Empty => "empty".to_string(),
        StmtKind::Expr(x) => e(x),
        StmtKind::Decl(d) => gen_decl(d),
        StmtKind::Define { lhs, rhs } => format!("(:= {} = {})", list(lhs, |i| i.name.clone(), " "), list(rhs, e, " ")),
        StmtKind::Assign { lhs, op, rhs } => {
            format!("({}= {} = {})", op.map_or("", |o| o.symbol()), list(lhs, e, " "), list(rhs, e, " "))
        }
        StmtKind::IncDec { target, inc } => format!("({} {})", if *inc { "++" } else { "--" }, e(target)),
        StmtKind::Send { chan, value } => format!("(send {} {})", e(chan), e(value)),
        StmtKind::Go(x) => format!("(go {})", e(x)),
        StmtKind::Defer(x) => format!("(defer {})", e(x)),
        StmtKind::Return(xs) => format!("(return{})", list(xs, |x| format!(" {}", e(x)), "")),
        StmtKind::Break(l) => format!("(break{})", l.as_ref().map_or(String::new(), |l| format!(" {}", l.name))),
        StmtKind::Continue(l) => format!("(continue{})", l.as_ref().map_or(String::new(), |l| format!(" {}", l.name))),
        StmtKind::Goto(l) => format!("(goto {})", l.name),
        StmtKind::Fallthrough => "fallthrough".to_string(),
        StmtKind::Block(b) => block(b),
        StmtKind::If(i) => format!(
            "(if {}; {} {}{})",
            opt_stmt(&i.init),
            e(&i.cond),
            block(&i.then),
            i.els.as_ref().map_or(String::new(), |s| format!(" else {}", stmt(s)))
        ),
        StmtKind::For(f) => format!(
            "(for {}; {}; {} {})",
            opt_stmt(&f.init),
            f.cond.as_ref().map_or("_".to_string(), e),
            opt_stmt(&f.post),
            block(&f.body)
        ),
        StmtKind::Range(r) => format!(
            "(range {} {} {} {} {})",
            r.key.as_ref().map_or("_".to_string(), e),
            r.value.as_ref().map_or("_".to_string(), e),
            if r.define { ":=" } else { "=" },
            e(&r.expr),
            block(&r.body)
        ),
        StmtKind::Switch(sw) => {
            let c = |c: &CaseClause| {
                let head =
                    if c.is_default { "default".to_string() } else { format!("case {}", list(&c.exprs, e, " ")) };
                format!("({head}: {})", list(&c.body, stmt, "; "))
            };
            format!(
                "(switch {}; {} {})",
                opt_stmt(&sw.init),
                sw.tag.as_ref().map_or("_".to_string(), e),
                list(&sw.clauses, c, " ")
            )
        }
        StmtKind::TypeSwitch(sw) => {
            let c = |c: &TypeCaseClause| {
                let t = |t: &Option<TypeExpr>| t.as_ref().map_or("nil".to_string(), ty);
                let head =
                    if c.is_default { "default".to_string() } else { format!("case {}", list(&c.types, t, " ")) };
                format!("({head}: {})", list(&c.body, stmt, "; "))
            };
            format!(
                "(typeswitch {}; {} {} {})",
                opt_stmt(&sw.init),
                sw.binding.as_ref().map_or("_".to_string(), |b| b.name.clone()),
                e(&sw.expr),
                list(&sw.clauses, c, " ")
            )
        }
        StmtKind::Select(clauses) => {
            let c = |c: &SelectClause| {
                let head = match &c.comm {
                    SelectComm::Default => "default".to_string(),
                    SelectComm::Send { chan, value } => format!("send {} {}", e(chan), e(value)),
                    SelectComm::Invalid(s) => format!("invalid {}", stmt(s)),
                    SelectComm::Recv { value, ok, define, chan } => format!(
                        "recv {} {} {} {}",
                        value.as_ref().map_or("_".to_string(), e),
                        ok.as_ref().map_or("_".to_string(), e),
                        if *define { ":=" } else { "=" },
                        e(chan)
                    ),
                };
                format!("({head}: {})", list(&c.body, stmt, "; "))
            };
            format!("(select {})", list(clauses, c, " "))
        }
        StmtKind::Labeled { label, stmt: s } => format!("(label {} {})", label.name, stmt(s)),
    }
}

fn decl(d: &Decl) -> String {
    match d {
        Decl::Gen(g) => gen_decl(g),
        Decl::Func(f) => format!(
            "(func {}{}{} {}{})",
            f.recv.as_ref().map_or(String::new(), |r| format!("({}) ", param(r))),
            f.name.name,
            if f.type_params.is_empty() { String::new() } else { format!("[{}]", list(&f.type_params, param, ", ")) },
            func_sig(&f.sig),
            f.body.as_ref().map_or(String::new(), |b| format!(" {}", block(b)))
        ),
    }
}

// ----- helpers -----

fn parse_ok(src: &str) -> File {
    let (file, diags) = parse_file(src);
    assert!(diags.is_empty(), "unexpected errors for {src:?}: {:?}", render("prog.go", src, &diags));
    file
}

/// The statements of `body` placed in a function, printed.
fn body(body: &str) -> String {
    let src = format!("package main\n\nfunc f() {{\n{body}\n}}\n");
    let file = parse_ok(&src);
    match file.decls.first() {
        Some(Decl::Func(FuncDecl { body: Some(b), .. })) => list(&b.stmts, stmt, "; "),
        other => panic!("no function body: {other:?}"),
    }
}

/// The top-level declarations of `decls` after a package clause, printed.
fn decls(decls: &str) -> String {
    let file = parse_ok(&format!("package main\n\n{decls}\n"));
    list(&file.decls, decl, " | ")
}

fn errors(src: &str) -> Vec<String> {
    let (_, diags) = parse_file(src);
    render("prog.go", src, &diags)
}

/// The `package main` programs of the lesson.
fn lesson_programs() -> Vec<String> {
    let md = include_str!("../src/lesson/goroutines.fr.md");
    md.split("```go\n")
        .skip(1)
        .filter_map(|part| part.split("```").next())
        .filter(|code| code.contains("package main"))
        .map(str::to_string)
        .collect()
}

// ----- the lesson -----

#[test]
fn lesson_programs_parse_cleanly() {
    let programs = lesson_programs();
    assert_eq!(programs.len(), 2);
    for p in &programs {
        let file = parse_ok(p);
        assert_eq!(file.package.name, "main");
        assert!(file.imports.iter().any(|i| i.path == "fmt"));
    }
    let second = parse_ok(&programs[1]);
    let shapes: Vec<String> = second.decls.iter().map(decl).collect();
    assert_eq!(
        shapes[0],
        "(func travaille func(id int, wg *sync.WaitGroup) {(defer (call (. wg Done))); \
         (call (. fmt Printf) \"Goroutine %d démarre\\n\" id); (call (. time Sleep) (. time Second)); \
         (call (. fmt Printf) \"Goroutine %d termine\\n\" id)})"
    );
    assert!(
        shapes[1].contains("(for (:= i = 1); (<= i 3); (++ i) {(call (. wg Add) 1); (go (call travaille i (& wg)))})")
    );
}

// ----- constructs -----

#[test]
fn package_and_imports() {
    let f = parse_ok(
        "package main\n\nimport (\n\t\"fmt\"\n\tstr \"strings\"\n\t_ \"os\"\n\t. \"math\"\n)\nimport \"time\"\n",
    );
    let imps: Vec<String> =
        f.imports.iter().map(|i| format!("{}={}", i.alias.as_ref().map_or("", |a| a.name.as_str()), i.path)).collect();
    assert_eq!(imps, ["=fmt", "str=strings", "_=os", ".=math", "=time"]);
    let src = "package main\nimport \"fmt\"\n";
    let f = parse_ok(src);
    assert_eq!(&src[f.imports[0].span.start as usize..f.imports[0].span.end as usize], "\"fmt\"");
    assert_eq!(f.package.span, Span::new(8, 12));
}

#[test]
fn declarations() {
    assert_eq!(decls("var x int"), "(var x:int@0)");
    assert_eq!(decls("var a, b = 1, \"s\""), "(var a,b=1,\"s\"@0)");
    assert_eq!(decls("const (\n\tA = iota\n\tB\n\tC string = \"c\"\n)"), "(const A=iota@0 B@1 C:string=\"c\"@2)");
    assert_eq!(decls("type (\n\tT int\n\tU = T\n)"), "(type T int U=T)");
    assert_eq!(decls("type A [4]int\ntype S []string"), "(type A [4]int) | (type S []string)");
    assert_eq!(
        decls("func f(a, b int, c ...string) (int, error) { return 0, nil }"),
        "(func f func(a int, b int, c ...string) (int, error) {(return 0 nil)})"
    );
    assert_eq!(decls("func (p *Point) Move(dx int) {}"), "(func (p *Point) Move func(dx int) {})");
    assert_eq!(
        decls("func (Point) Name() string { return \"\" }"),
        "(func (Point) Name func() (string) {(return \"\")})"
    );
    assert_eq!(decls("func g(int, string) (n int, err error)"), "(func g func(int, string) (n int, err error))");
}

#[test]
fn generics_are_parsed_for_the_checker() {
    assert_eq!(
        decls("func Map[T any, U comparable](xs []T) []U { return nil }"),
        "(func Map[T any, U comparable] func(xs []T) ([]U) {(return nil)})"
    );
    assert_eq!(decls("type List[T any] struct{ next *List[T] }"), "(type List[T any] struct{next *List[T]})");
    assert_eq!(decls("type Number interface{ ~int | ~float64 }"), "(type Number interface{~})");
    assert_eq!(
        decls("func Sum[T int | float64](xs ...T) T { var s T; return s }"),
        "(func Sum[T interface{~}] func(xs ...T) (T) {(var s:T@0); (return s)})"
    );
    assert_eq!(
        body("x := Map[int, string](nil)\ny := f[int](1)\nv := Pair[int, bool]{}"),
        "(:= x = (call (index Map int string) nil)); (:= y = (call (index f int) 1)); \
         (:= v = (lit Pair[int, bool] {}))"
    );
}

#[test]
fn types() {
    assert_eq!(
        decls("type T struct {\n\tX, Y int `json:\"x\"`\n\t*Base\n\tfmt.Stringer\n\tf func(int) error\n}"),
        "(type T struct{X int \"json:\\\"x\\\"\"; Y int \"json:\\\"x\\\"\"; *Base; fmt.Stringer; f func(int) (error)})"
    );
    assert_eq!(
        decls("type I interface {\n\tfmt.Stringer\n\tRead(p []byte) (n int, err error)\n\tClose() error\n}"),
        "(type I interface{fmt.Stringer; Read func(p []byte) (n int, err error); Close func() (error)})"
    );
    assert_eq!(
        decls("var c chan<- int\nvar r <-chan []int\nvar m map[string][]*T"),
        "(var c:chan<- int@0) | (var r:<-chan []int@0) | (var m:map[string][]*T@0)"
    );
    assert_eq!(
        decls("var a [...]int\nvar f func(a, b int, s ...string)"),
        "(var a:[...]int@0) | (var f:func(a int, b int, s ...string)@0)"
    );
}

#[test]
fn simple_statements() {
    assert_eq!(body("x := <-ch"), "(:= x = (<- ch))");
    assert_eq!(body("a, b = b, a"), "(= a b = b a)");
    assert_eq!(body("x += 2\nx <<= 1\nx &^= y"), "(+= x = 2); (<<= x = 1); (&^= x = y)");
    assert_eq!(body("x++\ny--"), "(++ x); (-- y)");
    assert_eq!(body("ch <- v + 1"), "(send ch (+ v 1))");
    assert_eq!(body("go worker(i, &wg)\ndefer wg.Done()"), "(go (call worker i (& wg))); (defer (call (. wg Done)))");
    assert_eq!(body("go func() { done <- true }()"), "(go (call (funclit func() {(send done true)})))");
    assert_eq!(body("var wg sync.WaitGroup"), "(var wg:sync.WaitGroup@0)");
    assert_eq!(body("*p = 3\np.x.y = 1"), "(= (* p) = 3); (= (. (. p x) y) = 1)");
    assert_eq!(body("return\nreturn 1, nil"), "(return); (return 1 nil)");
}

#[test]
fn expressions_and_precedence() {
    assert_eq!(body("_ = a + b*c - d"), "(= _ = (- (+ a (* b c)) d))");
    assert_eq!(body("_ = a || b && c == d"), "(= _ = (|| a (&& b (== c d))))");
    assert_eq!(body("_ = -x * ^y &^ z << 2"), "(= _ = (<< (&^ (* (- x) (^ y)) z) 2))");
    assert_eq!(body("_ = !ok != (a < b)"), "(= _ = (!= (! ok) (paren (< a b))))");
    assert_eq!(body("_ = *p + <-ch"), "(= _ = (+ (* p) (<- ch)))");
    assert_eq!(
        body("_ = s[1:]\n_ = s[:n]\n_ = s[a:b:c]\n_ = m[k]"),
        "(= _ = (slice s 1 _ _)); (= _ = (slice s _ n _)); (= _ = (slice s a b c)); (= _ = (index m k))"
    );
    assert_eq!(
        body("v, ok := x.(int)\n_ = x.(fmt.Stringer).String()"),
        "(:= v ok = (assert x int)); (= _ = (call (. (assert x fmt.Stringer) String)))"
    );
    assert_eq!(body("f(xs...)\nf()\nf(a, b,)"), "(call f xs...); (call f); (call f a b)");
}

#[test]
fn conversions_and_type_expressions() {
    assert_eq!(body("_ = []byte(s)"), "(= _ = (call (type []byte) s))");
    assert_eq!(body("_ = (*T)(p)"), "(= _ = (call (paren (* T)) p))");
    assert_eq!(body("_ = (func())(x)"), "(= _ = (call (paren (type func())) x))");
    assert_eq!(body("var g func()(x)"), "(var g:func() (x)@0)");
    assert_eq!(
        body("ch := make(chan int, 3)\nm := make(map[string]int)"),
        "(:= ch = (call make (type chan int) 3)); (:= m = (call make (type map[string]int)))"
    );
    assert_eq!(body("_ = <-chan int(nil)"), "(= _ = (<- (call (type chan int) nil)))");
    assert_eq!(body("var r = (<-chan int)(c)"), "(var r=(call (paren (type <-chan int)) c)@0)");
    assert_eq!(body("_ = float64(n) / 2.5\n_ = 'x' + 1i"), "(= _ = (/ (call float64 n) 2.5)); (= _ = (+ 'x' 1i))");
}

#[test]
fn composite_and_function_literals() {
    assert_eq!(body("ps := []Point{{1, 2}, {X: 3}}"), "(:= ps = (lit []Point {(lit _ {1, 2}), (lit _ {X: 3})}))");
    assert_eq!(body("m := map[string][]int{\"a\": {1}}"), "(:= m = (lit map[string][]int {\"a\": (lit _ {1})}))");
    assert_eq!(body("p := &T{}\nq := pkg.T{A: 1}"), "(:= p = (& (lit T {}))); (:= q = (lit pkg.T {A: 1}))");
    assert_eq!(
        body("a := [...]string{2: \"c\"}\ns := struct{ a int }{1}"),
        "(:= a = (lit [...]string {2: \"c\"})); (:= s = (lit struct{a int} {1}))"
    );
    assert_eq!(
        body("f := func(x int) int { return x * 2 }"),
        "(:= f = (funclit func(x int) (int) {(return (* x 2))}))"
    );
    assert_eq!(body("func() {}()"), "(call (funclit func() {}))");
}

#[test]
fn if_for_headers() {
    assert_eq!(
        body("if x := f(); x > 0 {\n} else if y {\n} else {\n}"),
        "(if (:= x = (call f)); (> x 0) {} else (if _; y {} else {}))"
    );
    assert_eq!(body("for {\n\tbreak\n}"), "(for _; _; _ {(break)})");
    assert_eq!(body("for n < 10 {\n\tn++\n}"), "(for _; (< n 10); _ {(++ n)})");
    assert_eq!(body("for i := 0; i < 3; i++ {\n}"), "(for (:= i = 0); (< i 3); (++ i) {})");
    assert_eq!(body("for ;; {\n}"), "(for _; _; _ {})");
    assert_eq!(body("for range ch {\n}"), "(range _ _ = ch {})");
    assert_eq!(body("for i := range 10 {\n}"), "(range i _ := 10 {})");
    assert_eq!(body("for k, v := range m {\n}\nfor k, v = range m {\n}"), "(range k v := m {}); (range k v = m {})");
    // The composite-literal ambiguity: `T{` in a header opens the block unless parenthesised.
    assert_eq!(body("if x == (T{}) {\n}"), "(if _; (== x (paren (lit T {}))) {})");
    assert_eq!(body("for _, v := range []int{1, 2} {\n}"), "(range _ v := (lit []int {1, 2}) {})");
    assert_eq!(body("if v, ok := m[\"a\"]; ok {\n}"), "(if (:= v ok = (index m \"a\")); ok {})");
}

#[test]
fn switches() {
    assert_eq!(
        body("switch x := f(); x {\ncase 1, 2:\n\tg()\n\tfallthrough\ncase 3:\ndefault:\n}"),
        "(switch (:= x = (call f)); x (case 1 2: (call g); fallthrough) (case 3: ) (default: ))"
    );
    assert_eq!(body("switch {\ncase a > b:\n}"), "(switch _; _ (case (> a b): ))");
    assert_eq!(
        body("switch v := x.(type) {\ncase nil, int:\n\t_ = v\ncase []string, *T:\ndefault:\n}"),
        "(typeswitch _; v x (case nil int: (= _ = v)) (case []string *T: ) (default: ))"
    );
    assert_eq!(body("switch x.(type) {\ncase fmt.Stringer:\n}"), "(typeswitch _; _ x (case fmt.Stringer: ))");
}

#[test]
fn selects_and_labels() {
    assert_eq!(
        body(
            "select {\ncase v, ok := <-ch:\n\t_ = v\ncase ch <- 1:\ncase <-done:\n\treturn\ncase x = <-c:\ndefault:\n}"
        ),
        "(select (recv v ok := ch: (= _ = v)) (send ch 1: ) (recv _ _ = done: (return)) (recv x _ = c: ) (default: ))"
    );
    assert_eq!(
        body("outer:\n\tfor {\n\t\tbreak outer\n\t}\nL:\n"),
        "(label outer (for _; _; _ {(break outer)})); (label L empty)"
    );
    assert_eq!(body("continue L\ngoto L"), "(continue L); (goto L)");
    assert_eq!(body("{\n\tx := 1\n\t_ = x\n}\n;"), "{(:= x = 1); (= _ = x)}; empty");
}

#[test]
fn spans_cover_source_text() {
    let src = "package main\n\nfunc main() {\n\tx := a + f(b, c)[1]\n\tif x > 0 {\n\t}\n}\n";
    let file = parse_ok(src);
    let Some(Decl::Func(f)) = file.decls.first() else { panic!() };
    let text = |s: Span| &src[s.start as usize..s.end as usize];
    assert_eq!(text(f.span), &src[14..src.len() - 1]);
    let body = f.body.as_ref().unwrap();
    assert_eq!(text(body.stmts[0].span), "x := a + f(b, c)[1]");
    assert_eq!(text(body.stmts[1].span), "if x > 0 {\n\t}");
    let StmtKind::Define { lhs, rhs } = &body.stmts[0].kind else { panic!() };
    assert_eq!(text(lhs[0].span), "x");
    assert_eq!(text(rhs[0].span), "a + f(b, c)[1]");
    let ExprKind::Binary { rhs: r, .. } = &rhs[0].kind else { panic!() };
    assert_eq!(text(r.span), "f(b, c)[1]");
    assert_eq!(goroutines_notebook::go::parser::gc_pos(src, &rhs[0]), src.find(" + ").unwrap() as u32 + 1);
}

// ----- lexing -----

fn kinds(src: &str) -> Vec<Tok> {
    tokenize(src).0.into_iter().map(|t| t.tok).collect()
}

#[test]
fn semicolon_insertion() {
    let nl = Tok::Semi(SemiKind::Newline);
    let eof = Tok::Semi(SemiKind::Eof);
    assert_eq!(kinds("x\n"), [Tok::Name, nl, Tok::Eof]);
    assert_eq!(kinds("x"), [Tok::Name, eof, Tok::Eof]);
    assert_eq!(kinds("f(\n)\n"), [Tok::Name, Tok::Lparen, Tok::Rparen, nl, Tok::Eof]);
    for kw in ["break", "continue", "fallthrough", "return"] {
        assert_eq!(kinds(&format!("{kw}\n"))[1], nl, "{kw}");
    }
    assert_eq!(kinds("x++\n")[2], nl);
    assert_eq!(kinds("a]\n")[2], nl);
    assert_eq!(kinds("}\n")[1], nl);
    assert_eq!(kinds("'a'\n1.5\n").iter().filter(|t| **t == nl).count(), 2);
    assert_eq!(
        kinds("x + \ny"),
        [Tok::Name, Tok::Operator(goroutines_notebook::go::token::Op::Binary(BinaryOp::Add)), Tok::Name, eof, Tok::Eof]
    );
    assert_eq!(kinds("x // c\ny"), [Tok::Name, nl, Tok::Name, eof, Tok::Eof]);
    assert_eq!(kinds("x /* a\nb */ y"), [Tok::Name, nl, Tok::Name, eof, Tok::Eof]);
    assert_eq!(kinds("x /* a b */ y"), [Tok::Name, Tok::Name, eof, Tok::Eof]);
    assert_eq!(kinds("if {\n"), [Tok::If, Tok::Lbrace, Tok::Eof]);
}

#[test]
fn numbers() {
    for ok in ["0", "42", "1_000", "0x1F", "0o17", "0b1010", "0777", "1.5", ".5", "1e10", "0x1p-2", "2i", "1.5e3i"] {
        let (toks, diags) = tokenize(ok);
        assert!(diags.is_empty(), "{ok}: {diags:?}");
        assert!(matches!(toks[0].tok, Tok::Literal(_)), "{ok}");
        assert_eq!(toks[0].span.end as usize, ok.len(), "{ok}");
    }
    assert_eq!(body("_ = 0x1F + 1_000 + 0.5 + 2i"), "(= _ = (+ (+ (+ 0x1F 1_000) 0.5) 2i))");
}

#[test]
fn string_and_rune_escapes() {
    assert_eq!(decode_string(r#""\a\b\f\n\r\t\v\\\"""#), b"\x07\x08\x0c\n\r\t\x0b\\\"".to_vec());
    assert_eq!(decode_string(r#""\x41\101\u00e9\U0001F600""#), "AAé😀".as_bytes());
    assert_eq!(decode_string(r#""\xff\377""#), vec![0xff, 0xff]);
    assert_eq!(decode_string("`a\\n\r\nb`"), b"a\\n\nb".to_vec());
    assert_eq!(decode_rune(r"'\''"), '\'');
    assert_eq!(decode_rune(r"'\x7f'"), '\u{7f}');
    assert_eq!(decode_rune(r"'\377'"), '\u{ff}');
    assert_eq!(decode_rune(r"'\u263a'"), '☺');
    assert_eq!(decode_rune("'é'"), 'é');
    assert_eq!(body("s := \"héllo\\n\"\nr := '\\t'"), "(:= s = \"héllo\\n\"); (:= r = '\\t')");
}

// ----- errors, as go1.27.3's `go build` prints them -----

const ERRORS: &[(&str, &str)] = &[
    ("package main\n\nfunc main() {\n\tx := 1 +\n}\n", "prog.go:5:1: syntax error: unexpected }, expected expression"),
    (
        "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"a\"\n}\n",
        "prog.go:6:17: syntax error: unexpected newline in argument list; possibly missing comma or )",
    ),
    (
        "package main\n\nfunc main() {\n\tx := 1\n\tif x == 1\n\t{\n\t}\n}\n",
        "prog.go:5:11: syntax error: unexpected newline, expected { after if clause",
    ),
    ("package main\n\nfunc main()\n{\n}\n", "prog.go:4:1: syntax error: unexpected semicolon or newline before {"),
    (
        "package main\n\nfunc main() {\n\tfor i := 0; i < 3; i++\n\t{\n\t}\n}\n",
        "prog.go:4:24: syntax error: unexpected newline, expected { after for clause",
    ),
    (
        "package main\n\nfunc main() {\n\tx := 1\n\tif x == 1 {\n\t}\n\telse {\n\t}\n}\n",
        "prog.go:7:2: syntax error: unexpected keyword else, expected }",
    ),
    (
        "package main\n\nx := 1\n\nfunc main() {\n}\n",
        "prog.go:3:1: syntax error: non-declaration statement outside function body",
    ),
    (
        "package main\n\nfunc main() {\n\ta := []int{1, 2\n\t}\n\t_ = a\n}\n",
        "prog.go:4:17: syntax error: unexpected newline in composite literal; possibly missing comma or }",
    ),
    (
        "package main\n\nfunc f() int { return 1 }\n\nfunc main() {\n\tif x := f() {\n\t}\n}\n",
        "prog.go:6:7: syntax error: cannot use x := f() as value",
    ),
    (
        "package main\n\nfunc main() {\n\tx := 1\n\tif x = 2 {\n\t}\n}\n",
        "prog.go:5:7: syntax error: cannot use assignment x = 2 as value",
    ),
    (
        "package main\n\nfunc main() {\n\ti := 0\n\tx := i++\n\t_ = x\n}\n",
        "prog.go:5:8: syntax error: unexpected ++ at end of statement",
    ),
    (
        "package main\n\nfunc main() {\n\tfor i := 0, i < 3, i++ {\n\t}\n}\n",
        "prog.go:4:22: syntax error: unexpected ++, expected {",
    ),
    (
        "package main\n\nfunc main() {\n\tx := 0\n\twhile x < 3 {\n\t}\n}\n",
        "prog.go:5:8: syntax error: unexpected name x at end of statement\n\
         prog.go:7:1: syntax error: non-declaration statement outside function body",
    ),
    (
        "package main\n\nfunc main() {\n\tif true {\n\t} else fmt.Println()\n}\n",
        "prog.go:5:9: syntax error: else must be followed by if or statement block",
    ),
    (
        "package main\n\nfunc main() {\n\tx := 1\n\tif x == 1 {\n\t}\n",
        "prog.go:7:1: syntax error: unexpected EOF, expected }",
    ),
    ("package main\n\nfunc f(a int, b) {}\n\nfunc main() {}\n", "prog.go:3:16: syntax error: missing parameter type"),
    (
        "package main\n\nfunc main() {\n\tfunc f() {}\n}\n",
        "prog.go:4:7: syntax error: unexpected name f, expected (\n\
         prog.go:5:1: syntax error: non-declaration statement outside function body",
    ),
    (
        "package main\n\ntype T struct { a int, b int }\n\nfunc main() {}\n",
        "prog.go:3:22: syntax error: unexpected comma in struct type; possibly missing semicolon or newline or }",
    ),
    (
        "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"a\" \"b\")\n}\n",
        "prog.go:6:18: syntax error: unexpected literal \"b\" in argument list; possibly missing comma or )",
    ),
    (
        "package main\n\nfunc main() {\n\tif {\n\t}\n\tif ; {\n\t}\n}\n",
        "prog.go:4:5: syntax error: missing condition in if statement\n\
         prog.go:6:5: syntax error: missing condition in if statement",
    ),
    (
        "package main\n\nfunc main() {\n\tfor ;; i := 0 {\n\t}\n}\n",
        "prog.go:4:11: syntax error: cannot declare in post statement of for loop",
    ),
    (
        "package main\n\nfunc main() {\n\tx := 1 x := 2\n}\n",
        "prog.go:4:9: syntax error: unexpected name x at end of statement",
    ),
    // Not syntax errors: gc goes on to type check after these.
    ("package main\n\nfunc main() {\n\tx := @1\n}\n", "prog.go:4:7: invalid character U+0040 '@'"),
    (
        "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"abc)\n}\n",
        "prog.go:6:19: newline in string\n\
         prog.go:6:19: syntax error: unexpected newline in argument list; possibly missing comma or )",
    ),
    (
        "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println('hello')\n}\n",
        "prog.go:6:14: more than one character in rune literal",
    ),
    ("package main\n\nfunc main() {\n\ts := \"a\\qb\"\n\t_ = s\n}\n", "prog.go:4:10: unknown escape"),
    ("package main\n\nfunc main() {\n\ts := `abc\n", "prog.go:4:7: string not terminated"),
    ("package main\n\nfunc main() {\n\t/* abc\n", "prog.go:4:2: comment not terminated"),
    ("package main\n\nfunc main() {\n\tc := 'a\n}\n", "prog.go:4:9: newline in rune literal"),
    ("package main\n\nfunc main() {\n\t# comment\n}\n", "prog.go:4:2: invalid character U+0023 '#'"),
    ("package main\n\nfunc main() {\n\tx := 08\n\t_ = x\n}\n", "prog.go:4:8: invalid digit '8' in octal literal"),
    (
        "package main\n\nfunc main() {\n\tx := 0x1.8\n\t_ = x\n}\n",
        "prog.go:4:12: hexadecimal mantissa requires a 'p' exponent",
    ),
    ("package main\n\nfunc main() {\n\tgo (f())\n}\n", "prog.go:4:5: expression in go must not be parenthesized"),
    ("package main\n\nfunc main() {\n\ta.b := 1\n}\n", "prog.go:4:2: non-name a.b on left side of :="),
    (
        "package main\n\nfunc main() {\n\tselect {\n\tcase x > 1:\n\t}\n}\n",
        "prog.go:5:9: select case must be send or receive (possibly with assignment)",
    ),
    (
        "package main\n\nfunc f(a ...int, b int) {}\nfunc main() {}\n",
        "prog.go:3:10: can only use ... with final parameter",
    ),
    (
        "package main\n\nfunc (a, b T) f() {}\nfunc () g() {}\nfunc main() {}\n",
        "prog.go:3:15: method has multiple receivers\nprog.go:4:9: method has no receiver",
    ),
    (
        "package main\n\nfunc main() {\n\tx := ~1\n\t_ = x\n}\n",
        "prog.go:4:7: cannot use ~ outside of interface or type constraint (use ^ for bitwise complement)",
    ),
    ("package main\n\nfunc main() {\n\tc := ''\n}\n", "prog.go:4:8: empty rune literal or unescaped '"),
    (
        "package main\nfunc main() {\n\ts := \"\\400\"\n\tu := '\\U00110000'\n\tv := \"\\u12\"\n}\n",
        "prog.go:3:12: octal escape value 256 > 255\n\
         prog.go:4:18: escape is invalid Unicode code point U+110000\n\
         prog.go:5:12: invalid character '\"' in hexadecimal escape",
    ),
    // The go command reads the package clause and imports itself (go/parser wording).
    ("main\n\nfunc main() {}\n", "prog.go:1:1: expected 'package', found main"),
    ("package main\n\nimport fmt\n\nfunc main() {}\n", "prog.go:3:11: missing import path"),
    ("package main\n\nimport (\n\t\"fmt\",\n\t\"os\"\n)\n\nfunc main() {}\n", "prog.go:4:7: expected ';', found ','"),
    ("package main\n\nimport \"fmt\n\nfunc main() {}\n", "prog.go:3:8: string literal not terminated"),
];

#[test]
fn syntax_errors_match_gc() {
    for (src, want) in ERRORS {
        let got = errors(src).join("\n");
        assert_eq!(&got, want, "for source:\n{src}");
    }
}

#[test]
fn one_syntax_error_per_line_and_recovery() {
    let src = "package main\n\nfunc main() {\n\tx := ) ) )\n\ty := (\n\tz := 1\n}\n\nfunc g() {}\n";
    let got = errors(src);
    assert!(got.iter().filter(|l| l.starts_with("prog.go:4:")).count() <= 1, "{got:?}");
    let (file, _) = parse_file(src);
    assert!(file.decls.iter().any(|d| matches!(d, Decl::Func(f) if f.name.name == "g")), "recovers to later decls");
}

#[test]
fn deep_nesting_is_refused_not_overflowed() {
    let deep = |open: &str, close: &str| {
        format!("package main\nfunc main() {{\n\tx := {}1{}\n}}\n", open.repeat(5000), close.repeat(5000))
    };
    let cases = [
        deep("(", ")"),
        deep("- ", ""),
        deep("[]int{", "}"),
        deep("func() int { return ", " }()"),
        format!("package main\nfunc main() {}\n", "{".repeat(5000)),
        format!("package main\nvar x {}int\n", "[]".repeat(5000)),
        format!("package main\nvar x = []int{}\n", "{".repeat(5000)),
        format!("package main\nfunc main() {{{}\n", "if x {".repeat(5000)),
        format!("package main\nfunc main() {{{}\n", "switch { case 1: ".repeat(5000)),
        format!("package main\nfunc main() {{{}\n", "L: ".repeat(5000)),
        format!("package main\nfunc main() {{{}\n", "if x {} else ".repeat(5000)),
        format!("package main\nfunc f(x {}int)\n", "func(".repeat(5000)),
        format!("package main\nvar x = {}1\n", "a[".repeat(5000)),
    ];
    for src in cases {
        // Debug frames are several times larger than release ones (where the cap keeps the
        // parser under ~450 KB); 2 MiB is the default test thread stack.
        let handle = std::thread::Builder::new().stack_size(2 << 20).spawn(move || errors(&src)).expect("thread");
        let got = handle.join().expect("no stack overflow");
        assert!(got.iter().any(|l| l.contains("imbrication trop profonde")), "{got:?}");
    }
}

// ----- properties -----

/// A Debug dump of the tree with every span erased.
fn shape(file: &File) -> String {
    let dump = format!("{file:?}");
    let mut out = String::with_capacity(dump.len());
    let mut rest = dump.as_str();
    while let Some(i) = rest.find("Span { start: ") {
        out.push_str(&rest[..i]);
        out.push_str("Span");
        rest = &rest[i..];
        let close = rest.find('}').map_or(rest.len(), |c| c + 1);
        rest = &rest[close..];
    }
    out.push_str(rest);
    out
}

fn corpus() -> Vec<String> {
    let mut c = lesson_programs();
    c.push(
        "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\ntype Counter struct {\n\tmu sync.Mutex\n\tn  map[string]int\n}\n\n\
         func (c *Counter) Inc(key string) {\n\tc.mu.Lock()\n\tdefer c.mu.Unlock()\n\tc.n[key]++\n}\n\n\
         func main() {\n\tc := Counter{n: make(map[string]int)}\n\tch := make(chan int, 3)\n\tdone := make(chan struct{})\n\
         \tgo func() {\n\t\tfor v := range ch {\n\t\t\tc.Inc(fmt.Sprint(v))\n\t\t}\n\t\tclose(done)\n\t}()\n\
         \tfor i := 0; i < 3; i++ {\n\t\tch <- i * 2\n\t}\n\tclose(ch)\n\tselect {\n\tcase <-done:\n\tcase v, ok := <-ch:\n\t\t_, _ = v, ok\n\tdefault:\n\t}\n\
         \tswitch x := any(c).(type) {\n\tcase nil:\n\tcase *Counter, int:\n\t\t_ = x\n\t}\n\
         \tif n := len(c.n); n > 0 && !false {\n\t\tfmt.Println(n, []int{1, 2}[1:], map[string][]int{\"a\": {1}})\n\t} else {\n\t\treturn\n\t}\n}\n"
            .to_string(),
    );
    c
}

/// Tokens that the mutations insert.
const TOKENS: &[&str] = &[
    "(",
    ")",
    "{",
    "}",
    "[",
    "]",
    ",",
    ";",
    ":",
    ":=",
    "=",
    ".",
    "...",
    "+",
    "*",
    "&",
    "<-",
    "!",
    "++",
    "\n",
    "x",
    "1",
    "\"s\"",
    "'c'",
    "func",
    "go",
    "if",
    "else",
    "for",
    "range",
    "switch",
    "case",
    "default",
    "select",
    "return",
    "var",
    "type",
    "struct",
    "map",
    "chan",
    "interface",
    "import",
    "package",
    "`",
    "\"",
    "'",
    "/*",
    "//",
    "@",
    "~",
    "|",
];

/// The source split into tokens with the whitespace before each.
fn pieces(src: &str) -> Vec<(String, String)> {
    let (toks, _) = tokenize(src);
    let mut out = Vec::new();
    let mut last = 0usize;
    for t in toks {
        if matches!(t.tok, Tok::Semi(SemiKind::Newline | SemiKind::Eof) | Tok::Eof) {
            continue;
        }
        let (s, e) = (t.span.start as usize, t.span.end as usize);
        out.push((src[last..s].to_string(), src[s..e].to_string()));
        last = e;
    }
    out.push((src[last..].to_string(), String::new()));
    out
}

fn ends_line(tok: &str) -> bool {
    let (toks, _) = tokenize(tok);
    matches!(
        toks.first().map(|t| t.tok),
        Some(
            Tok::Name
                | Tok::Literal(_)
                | Tok::Break
                | Tok::Continue
                | Tok::Fallthrough
                | Tok::Return
                | Tok::IncOp(_)
                | Tok::Rparen
                | Tok::Rbrack
                | Tok::Rbrace
        )
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 700, ..ProptestConfig::default() })]

    #[test]
    fn random_text_never_panics(src in "\\PC{0,200}") {
        let _ = parse_file(&src);
        let _ = parse_file(&format!("package main\nfunc main() {{\n{src}\n}}\n"));
    }

    #[test]
    fn token_soup_never_panics(toks in prop::collection::vec(prop::sample::select(TOKENS), 0..80)) {
        let src = format!("package main\n{}", toks.join(" "));
        let _ = parse_file(&src);
    }

    #[test]
    fn mutated_programs_never_panic(
        which in 0usize..3,
        edits in prop::collection::vec((0u8..3, any::<prop::sample::Index>(), prop::sample::select(TOKENS)), 1..6),
    ) {
        let corpus = corpus();
        let mut ps = pieces(&corpus[which % corpus.len()]);
        for (op, at, tok) in edits {
            let i = at.index(ps.len());
            match op {
                0 => { ps.remove(i); }
                1 => ps.insert(i, (" ".to_string(), tok.to_string())),
                _ => { let p = ps[i].clone(); ps.insert(i, p); }
            }
        }
        let src: String = ps.iter().map(|(ws, t)| format!("{ws}{t}")).collect();
        let _ = parse_file(&src);
    }

    #[test]
    fn comments_and_line_breaks_do_not_change_the_tree(
        which in 0usize..3,
        choices in prop::collection::vec(0u8..5, 400),
    ) {
        let corpus = corpus();
        let src = &corpus[which % corpus.len()];
        let ps = pieces(src);
        let mut out = String::new();
        let mut prev_ends_line = false;
        for (i, (ws, tok)) in ps.iter().enumerate() {
            let newline_ok = !prev_ends_line || ws.contains('\n');
            let extra = match choices.get(i % choices.len()).copied().unwrap_or(0) {
                1 => " ".to_string(),
                2 => " /* note */ ".to_string(),
                3 if newline_ok => " // note\n".to_string(),
                4 if newline_ok => "\n\n /* a\n b */ ".to_string(),
                _ => String::new(),
            };
            let ws = if ws.contains('\n') && extra.contains("//") {
                format!(" // note{ws}")
            } else {
                format!("{extra}{ws}")
            };
            out.push_str(&ws);
            out.push_str(tok);
            prev_ends_line = ends_line(tok);
        }
        let (a, da) = parse_file(src);
        let (b, db) = parse_file(&out);
        prop_assert!(da.is_empty());
        prop_assert!(db.is_empty(), "{:?}\n{}", render("prog.go", &out, &db), out);
        prop_assert_eq!(shape(&a), shape(&b));
    }
}
