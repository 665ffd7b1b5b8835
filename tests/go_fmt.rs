//! `fmt`, `Duration.String`, panic values and `strings` functions checked against the output
//! of real Go 1.27.3 (the expected strings below were printed by a Go program running the same
//! cases), with a hand-built `Program` and a test `Host` that fakes the methods.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

use goroutines_notebook::go::bytecode::{MethodImpl, Native, Program, WellKnown};
use goroutines_notebook::go::fmt::{self, Host};
use goroutines_notebook::go::strings::{self, make_string_slice};
use goroutines_notebook::go::types::predeclared::*;
use goroutines_notebook::go::types::{StructField, TypeId, TypeKind, TypeTable};
use goroutines_notebook::go::value::{Callee, Iface, Key, Map, Slice, Value};

/// Type ids of the test program.
struct T {
    program: Program,
    point: TypeId,
    ppt_ty: TypeId,
    celsius: TypeId,
    pcel_ty: TypeId,
    duration: TypeId,
    ints_ty: TypeId,
    strs_ty: TypeId,
    bytes_ty: TypeId,
    map_ty: TypeId,
    anys_ty: TypeId,
    arr3_ty: TypeId,
    myerr_ptr: TypeId,
    errstr_ptr: TypeId,
    named_s: TypeId,
    code: TypeId,
    temp: TypeId,
    line: TypeId,
}

fn field(name: &str, ty: TypeId) -> StructField {
    StructField { name: name.into(), ty, embedded: false }
}

fn named(types: &mut TypeTable, package: &str, name: &str, underlying: TypeId) -> TypeId {
    types.push(TypeKind::Named { package: package.into(), name: name.into(), underlying })
}

fn new_t() -> T {
    let mut ty = TypeTable::new();
    let point_s = ty.intern(TypeKind::Struct(vec![field("X", INT), field("Y", INT)]));
    let point = named(&mut ty, "main", "Point", point_s);
    let ppt_ty = ty.intern(TypeKind::Pointer(point));
    let celsius = named(&mut ty, "main", "Celsius", FLOAT64);
    let pcel_ty = ty.intern(TypeKind::Pointer(celsius));
    let duration = named(&mut ty, "time", "Duration", INT64);
    let ints_ty = ty.intern(TypeKind::Slice(INT));
    let strs_ty = ty.intern(TypeKind::Slice(STRING));
    let bytes_ty = ty.intern(TypeKind::Slice(UINT8));
    let map_ty = ty.intern(TypeKind::Map { key: STRING, value: INT });
    let anys_ty = ty.intern(TypeKind::Slice(ANY));
    let arr3_ty = ty.intern(TypeKind::Array { elem: INT, len: 3 });
    let myerr_s = ty.intern(TypeKind::Struct(vec![field("Code", INT)]));
    let myerr = named(&mut ty, "main", "MyErr", myerr_s);
    let myerr_ptr = ty.intern(TypeKind::Pointer(myerr));
    let errstr_s = ty.intern(TypeKind::Struct(vec![field("s", STRING)]));
    let errstr = named(&mut ty, "errors", "errorString", errstr_s);
    let errstr_ptr = ty.intern(TypeKind::Pointer(errstr));
    let named_s = named(&mut ty, "main", "S", STRING);
    let code = named(&mut ty, "main", "Code", INT);
    let temp_s = ty.intern(TypeKind::Struct(vec![field("C", celsius), field("c", celsius)]));
    let temp = named(&mut ty, "main", "Temp", temp_s);
    let line_s = ty.intern(TypeKind::Struct(vec![
        field("A", point),
        field("P", ppt_ty),
        field("Tag", STRING),
        field("E", ERROR),
    ]));
    let line = named(&mut ty, "main", "Line", line_s);
    let (error_method, string_method) = (0, 1);
    let native = |n: Native, deref: bool| MethodImpl { callee: Callee::Native(n), deref };
    let mut methods = HashMap::new();
    methods.insert((celsius, string_method), native(Native::FmtSprint, false));
    methods.insert((pcel_ty, string_method), native(Native::FmtSprint, true));
    methods.insert((duration, string_method), native(Native::DurationString, false));
    methods.insert((myerr_ptr, error_method), native(Native::ErrorStringError, false));
    methods.insert((errstr_ptr, error_method), native(Native::ErrorStringError, false));
    let well_known = WellKnown {
        error_string_ptr: errstr_ptr,
        wrap_error_ptr: errstr_ptr,
        wrap_errors_ptr: errstr_ptr,
        join_error_ptr: errstr_ptr,
        duration,
        time: duration,
        time_chan: duration,
        timer_ptr: duration,
        file_ptr: duration,
        ticker_ptr: duration,
        runtime_error: named_s,
        plain_error: named_s,
        bounds_error: named_s,
        assert_error_ptr: named_s,
        panic_nil_ptr: named_s,
        string_slice: strs_ty,
        error_slice: strs_ty,
        any_slice: anys_ty,
    };
    let program = Program {
        types: ty,
        funcs: Vec::new(),
        consts: Vec::new(),
        method_names: vec!["Error".into(), "String".into()],
        methods,
        globals: 0,
        init: 0,
        main: 0,
        error_method,
        string_method,
        well_known,
    };
    T {
        program,
        point,
        ppt_ty,
        celsius,
        pcel_ty,
        duration,
        ints_ty,
        strs_ty,
        bytes_ty,
        map_ty,
        anys_ty,
        arr3_ty,
        myerr_ptr,
        errstr_ptr,
        named_s,
        code,
        temp,
        line,
    }
}

fn first_field(v: &Value) -> Value {
    match v {
        Value::AggPtr(b) | Value::Agg(b) => b.borrow().first().cloned().unwrap_or_default(),
        _ => Value::Nil,
    }
}

impl Host for T {
    type Error = String;
    fn program(&self) -> &Program {
        &self.program
    }
    fn call_to_string(&mut self, ty: TypeId, value: &Value, method: u32) -> Result<Option<Vec<u8>>, String> {
        if !self.program.methods.contains_key(&(ty, method)) {
            return Ok(None);
        }
        let text = if ty == self.celsius {
            format!("{:.1}°C", value.as_float())
        } else if ty == self.duration {
            fmt::duration_string(value.as_int())
        } else if ty == self.myerr_ptr {
            format!("myerr {}", first_field(value).as_int())
        } else if ty == self.errstr_ptr {
            String::from_utf8_lossy(first_field(value).as_bytes()).into_owned()
        } else {
            return Err(format!("unexpected method call on type {ty}"));
        };
        Ok(Some(text.into_bytes()))
    }
}

fn s(x: &str) -> Value {
    Value::str(x)
}

fn bs(x: &[u8]) -> Value {
    Value::bytes(x.to_vec())
}

fn slice(items: Vec<Value>) -> Value {
    let len = items.len();
    Value::Slice(Rc::new(Slice { backing: Rc::new(RefCell::new(items)), offset: 0, len, cap: len }))
}

impl T {
    fn iface(&self, ty: TypeId, value: Value) -> Value {
        Value::Iface(Rc::new(Iface { ty, value }))
    }
    fn i(&self, v: i64) -> Value {
        self.iface(INT, Value::Int(v))
    }
    fn s(&self, v: &str) -> Value {
        self.iface(STRING, s(v))
    }
    fn f(&self, v: f64) -> Value {
        self.iface(FLOAT64, Value::Float(v))
    }
    fn f32(&self, v: f32) -> Value {
        self.iface(FLOAT32, Value::Float(v as f64))
    }
    fn b(&self, v: bool) -> Value {
        self.iface(BOOL, Value::Bool(v))
    }
    fn pt(&self, x: i64, y: i64) -> Value {
        self.iface(self.point, Value::agg(vec![Value::Int(x), Value::Int(y)]))
    }
    fn ppt(&self, x: i64, y: i64) -> Value {
        self.iface(self.ppt_ty, Value::AggPtr(Rc::new(RefCell::new(vec![Value::Int(x), Value::Int(y)]))))
    }
    fn cel(&self, v: f64) -> Value {
        self.iface(self.celsius, Value::Float(v))
    }
    fn dur(&self, ns: i64) -> Value {
        self.iface(self.duration, Value::Int(ns))
    }
    fn ints(&self, xs: &[i64]) -> Value {
        self.iface(self.ints_ty, slice(xs.iter().map(|&x| Value::Int(x)).collect()))
    }
    fn strs(&self, xs: &[&str]) -> Value {
        self.iface(self.strs_ty, slice(xs.iter().map(|x| s(x)).collect()))
    }
    fn bytes(&self, xs: &[u8]) -> Value {
        self.iface(self.bytes_ty, slice(xs.iter().map(|&x| Value::Int(x as i64)).collect()))
    }
    fn anys(&self, xs: Vec<Value>) -> Value {
        self.iface(self.anys_ty, slice(xs))
    }
    fn arr3(&self, xs: [i64; 3]) -> Value {
        self.iface(self.arr3_ty, Value::agg(xs.iter().map(|&x| Value::Int(x)).collect()))
    }
    fn map_si(&self, kv: &[(&str, i64)]) -> Value {
        let mut entries = BTreeMap::new();
        for (k, v) in kv {
            let key = Rc::new(k.as_bytes().to_vec());
            entries.insert(Key::Str(key.clone()), (Value::Str(key), Value::Int(*v)));
        }
        self.iface(self.map_ty, Value::Map(Rc::new(RefCell::new(Map { entries }))))
    }
    fn myerr(&self, code: i64) -> Value {
        self.iface(self.myerr_ptr, Value::AggPtr(Rc::new(RefCell::new(vec![Value::Int(code)]))))
    }
    fn errnew(&self, text: &str) -> Value {
        self.iface(self.errstr_ptr, Value::AggPtr(Rc::new(RefCell::new(vec![s(text)]))))
    }
    fn named_s(&self, v: &str) -> Value {
        self.iface(self.named_s, s(v))
    }
    fn code(&self, v: i64) -> Value {
        self.iface(self.code, Value::Int(v))
    }
    fn temp(&self, c1: f64, c2: f64) -> Value {
        self.iface(self.temp, Value::agg(vec![Value::Float(c1), Value::Float(c2)]))
    }
    /// `Line{Point{x, y}, nil, tag, err}`; `err` is an interface value (the field's type is
    /// `error`).
    fn line(&self, x: i64, y: i64, tag: &str, err: Value) -> Value {
        let a = Value::agg(vec![Value::Int(x), Value::Int(y)]);
        self.iface(self.line, Value::agg(vec![a, Value::Nil, s(tag), err]))
    }
}

type Case = (&'static str, fn(&T) -> Vec<Value>, &'static str);
type ArgsCase = (fn(&T) -> Vec<Value>, &'static str);

fn text(b: Vec<u8>) -> String {
    String::from_utf8_lossy(&b).into_owned()
}

#[test]
fn sprintf_matches_go() {
    let mut t = new_t();
    let mut failures = Vec::new();
    for (format, args, want) in sprintf_cases() {
        let args = args(&t);
        let got = text(fmt::sprintf(&mut t, format.as_bytes(), &args).unwrap());
        if got != want {
            failures.push(format!("{format:?}: got {got:?}, want {want:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn sprint_and_sprintln_match_go() {
    let mut t = new_t();
    for (args, want) in sprint_cases() {
        let args = args(&t);
        assert_eq!(text(fmt::sprint(&mut t, &args).unwrap()), want);
    }
    for (args, want) in sprintln_cases() {
        let args = args(&t);
        assert_eq!(text(fmt::sprintln(&mut t, &args).unwrap()), want);
    }
}

#[test]
fn errorf_matches_go_and_records_wrapped_args() {
    let mut t = new_t();
    for (format, args, want) in errorf_cases() {
        let args = args(&t);
        assert_eq!(text(fmt::errorf(&mut t, format.as_bytes(), &args).unwrap().0), want, "{format:?}");
    }
    let args = vec![t.s("x"), t.errnew("a"), t.errnew("b")];
    let (_, wrapped) = fmt::errorf(&mut t, b"%v %w %w", &args).unwrap();
    assert_eq!(wrapped, vec![1, 2]);
    let (_, wrapped) = fmt::errorf(&mut t, b"%[2]w %[1]w %[2]w", &args[1..]).unwrap();
    assert_eq!(wrapped, vec![0, 1]);
    let (_, wrapped) = fmt::errorf(&mut t, b"%v", &args).unwrap();
    assert!(wrapped.is_empty());
}

#[test]
fn duration_strings_match_go() {
    for &(d, want) in DURATIONS {
        assert_eq!(fmt::duration_string(d), want, "{d}");
    }
}

#[test]
fn panic_values_match_go() {
    let mut t = new_t();
    for (arg, want) in panic_cases() {
        let arg = arg(&t).remove(0);
        assert_eq!(text(fmt::panic_value(&mut t, &arg).unwrap()), want);
    }
    // Go prints the address of the value: `(main.Point) 0xc000012345`.
    let p = t.pt(1, 2);
    let got = text(fmt::panic_value(&mut t, &p).unwrap());
    assert!(got.starts_with("(main.Point) 0xc000"), "{got}");
}

#[test]
fn builtin_print_matches_go() {
    let t = new_t();
    let p = &t.program;
    let cases = [
        (FLOAT64, Value::Float(1.5), "1.5"),
        (FLOAT64, Value::Float(1e21), "1e+21"),
        (FLOAT32, Value::Float(0.1f32 as f64), "0.1"),
        (BOOL, Value::Bool(true), "true"),
        (STRING, s("x"), "x"),
        (INT, Value::Int(42), "42"),
        (UINT64, Value::Int(-1), "18446744073709551615"),
        (t.ppt_ty, Value::Nil, "0x0"),
        (t.ints_ty, Value::Nil, "[0/0]0x0"),
        (ANY, Value::Nil, "(0x0,0x0)"),
    ];
    for (ty, v, want) in cases {
        assert_eq!(text(fmt::builtin_print_operand(ty, &v, p)), want);
    }
}

/// Renders results as the Go program's `show` does: strings and `[]string` with `%q`.
fn show(t: &mut T, results: &[Value]) -> String {
    let mut parts = Vec::new();
    for r in results {
        let (verb, arg) = match r {
            Value::Str(_) => ("%q", t.iface(STRING, r.clone())),
            Value::Slice(_) | Value::Nil => ("%q", t.iface(t.strs_ty, r.clone())),
            Value::Int(_) => ("%d", t.iface(INT, r.clone())),
            _ => ("%t", t.iface(BOOL, r.clone())),
        };
        parts.push(text(fmt::sprintf(t, verb.as_bytes(), &[arg]).unwrap()));
    }
    parts.join(" ")
}

#[test]
fn strings_functions_match_go() {
    let mut t = new_t();
    for (native, args, want) in strings_cases() {
        let results = strings::call(native, &args, &t.program).unwrap();
        assert_eq!(show(&mut t, &results), want, "{native:?}");
    }
    assert!(strings::call(Native::StringsRepeat, &[s("x"), Value::Int(-1)], &t.program).is_none());
    assert!(strings::call(Native::StringsRepeat, &[s("xy"), Value::Int(i64::MAX)], &t.program).is_none());
    assert!(strings::call(Native::FmtPrintln, &[], &t.program).is_none());
}

#[test]
fn hostile_formats_do_not_panic_or_explode() {
    let mut t = new_t();
    let formats: &[&[u8]] = &[
        b"%",
        b"%!",
        b"%[",
        b"%[1",
        b"%[99999999999999999999]d",
        b"%.*d",
        b"%*",
        b"%-+# 0",
        b"\xff%\xff",
        b"%.9999999999999f",
        b"%[-1]d",
    ];
    for f in formats {
        for args in [vec![], vec![t.i(i64::MAX), t.i(i64::MIN)], vec![t.i(1_000_001), t.f(1.0)]] {
            let out = fmt::sprintf(&mut t, f, &args).unwrap();
            assert!(out.len() < 1000, "{:?}", String::from_utf8_lossy(f));
        }
    }
    let args = [t.i(1_000_000), t.f(0.1)];
    let out = fmt::sprintf(&mut t, b"%.*f", &args).unwrap();
    assert_eq!(out.len(), 1_000_002);
    let args = [t.i(65), t.i(65), t.i(65)];
    let out = fmt::sprintf(&mut t, b"%.100000U|%100000c|%.100000x", &args).unwrap();
    assert_eq!(out.len(), 100_002 + 1 + 100_000 + 1 + 100_000);
}

#[test]
fn a_slice_containing_itself_prints_without_overflowing() {
    let mut t = new_t();
    let backing = Rc::new(RefCell::new(vec![Value::Nil]));
    let any = t.iface(t.anys_ty, Value::Slice(Rc::new(Slice { backing: backing.clone(), offset: 0, len: 1, cap: 1 })));
    backing.borrow_mut()[0] = any.clone();
    let out = text(fmt::sprint(&mut t, &[any]).unwrap());
    backing.borrow_mut()[0] = Value::Nil;
    assert!(out.starts_with("[[[[") && out.contains("..."), "{out}");
}

#[test]
fn sprintln_is_fast() {
    let mut t = new_t();
    let args: Vec<Value> = (0..10).map(|i| t.i(i * 1000)).collect();
    let start = std::time::Instant::now();
    for _ in 0..1000 {
        fmt::sprintln(&mut t, &args).unwrap();
    }
    // ~1 µs per call in release; generous for debug builds.
    assert!(start.elapsed().as_millis() < 500);
}

#[rustfmt::skip]
fn sprintf_cases() -> Vec<Case> {
    vec![
        ("%v", |t| vec![t.i(5)], "5"),
        ("%d|%5d|%-5d|%05d", |t| vec![t.i(-42), t.i(42), t.i(42), t.i(-42)], "-42|   42|42   |-0042"),
        ("%+d % d %x %X %o %O %b", |t| vec![t.i(5), t.i(5), t.i(255), t.i(255), t.i(8), t.i(8), t.i(5)], "+5  5 ff FF 10 0o10 101"),
        ("%#x %#o %#b %#X", |t| vec![t.i(255), t.i(8), t.i(5), t.i(255)], "0xff 010 0b101 0XFF"),
        ("%x %X", |t| vec![t.i(-255), t.i(-255)], "-ff -FF"),
        ("%+08d|%-08d|%08d", |t| vec![t.i(42), t.i(42), t.i(-12)], "+0000042|42      |-0000012"),
        ("%.0d|%5.0d|%.3d", |t| vec![t.i(0), t.i(0), t.i(7)], "|     |007"),
        ("%v %d %x", |t| vec![t.iface(INT8, Value::Int(-5)), t.iface(UINT64, Value::Int(-1)), t.iface(UINT64, Value::Int(-1))], "-5 18446744073709551615 ffffffffffffffff"),
        ("%d", |t| vec![t.iface(INT64, Value::Int(i64::MIN))], "-9223372036854775808"),
        ("%08.3f|%6.2f|%-8.2f|", |t| vec![t.f(1.23456_f64), t.f(1.23456_f64), t.f(-2.5_f64)], "0001.235|  1.23|-2.50   |"),
        ("%08.3f", |t| vec![t.f(-1.23456_f64)], "-001.235"),
        ("%e %E", |t| vec![t.f(1234.56_f64), t.f(1234.56_f64)], "1.234560e+03 1.234560E+03"),
        ("%g %G", |t| vec![t.f(1.2345e-05_f64), t.f(1e+21_f64)], "1.2345e-05 1E+21"),
        ("%.3g %.3g %.10g", |t| vec![t.f(1234.5678_f64), t.f(0.0001234_f64), t.f(0.3333333333333333_f64)], "1.23e+03 0.000123 0.3333333333"),
        ("%v %v %v %v %v", |t| vec![t.f(1e+21_f64), t.f(1e+20_f64), t.f(1e-05_f64), t.f(0.0001_f64), t.f(3.0_f64)], "1e+21 1e+20 1e-05 0.0001 3"),
        ("%v", |t| vec![t.f(0.1_f64 + 0.2_f64)], "0.30000000000000004"),
        ("%v %v %v", |t| vec![t.f(f64::INFINITY), t.f(f64::NEG_INFINITY), t.f(f64::NAN)], "+Inf -Inf NaN"),
        ("%v %.1f %+v", |t| vec![t.f(-0.0), t.f(-0.0), t.f(0.0_f64)], "-0 -0.0 0"),
        ("%5.1f|%+.1f|% .1f|%08.2f", |t| vec![t.f(f64::INFINITY), t.f(f64::NAN), t.f(f64::NAN), t.f(f64::NEG_INFINITY)], " +Inf|+NaN| NaN|    -Inf"),
        ("%v %v %v", |t| vec![t.f32(0.1_f32), t.f32(16777216.0_f32), t.f32(1.0_f32 / 3.0)], "0.1 1.6777216e+07 0.33333334"),
        ("%.2f %.0f %.0f %.0f %.1f", |t| vec![t.f(2.675_f64), t.f(2.5_f64), t.f(0.5_f64), t.f(1.5_f64), t.f(0.25_f64)], "2.67 2 0 2 0.2"),
        ("%.3e %g %g", |t| vec![t.f(1e-300_f64), t.f(5e-324_f64), t.f(1e-07_f64)], "1.000e-300 5e-324 1e-07"),
        ("%x %X %b", |t| vec![t.f(1.5_f64), t.f(-0.1_f64), t.f(1.0_f64)], "0x1.8p+00 -0X1.999999999999AP-04 4503599627370496p-52"),
        ("%#g %#.3g %#v %#.0f", |t| vec![t.f(1.0_f64), t.f(2.0_f64), t.f(1.0_f64), t.f(3.0_f64)], "1.00000 2.00 1 3."),
        ("%+.2e %.3v %10.4v|", |t| vec![t.f(12345.678_f64), t.f(1.23456_f64), t.f(1.23456_f64)], "+1.23e+04 1.23      1.235|"),
        ("%e %g %g %g", |t| vec![t.f(0.0_f64), t.f(100000.0_f64), t.f(1000000.0_f64), t.f(123456789.0_f64)], "0.000000e+00 100000 1e+06 1.23456789e+08"),
        ("%6.2f%%", |t| vec![t.f(99.5_f64)], " 99.50%"),
        ("%.30f", |t| vec![t.f(0.1_f64)], "0.100000000000000005551115123126"),
        ("%.20e", |t| vec![t.f(0.3333333333333333_f64)], "3.33333333333333314830e-01"),
        ("%s|%q|%v|%#v", |t| vec![t.s("hello"), t.s("hi\n\"x\""), t.s("a b"), t.s("tab\there")], "hello|\"hi\\n\\\"x\\\"\"|a b|\"tab\\there\""),
        ("%+q %q %#q %#q", |t| vec![t.s("héllo"), t.s("héllo\u{7}"), t.s("back`tick"), t.s("raw")], "\"h\\u00e9llo\" \"héllo\\a\" \"back`tick\" `raw`"),
        ("%x|% x|%#x|% #X|%X", |t| vec![t.s("hi"), t.s("hi"), t.s("hi"), t.s("hi"), t.s("")], "6869|68 69|0x6869|0X68 0X69|"),
        ("%4x|%-6x|%.1x", |t| vec![t.s(""), t.s("a"), t.s("abc")], "    |61    |61"),
        ("%5.2s|%-6s|%.1q|%6.3v|", |t| vec![t.s("héllo"), t.s("ab"), t.s("xyz"), t.s("abcdef")], "   hé|ab    |\"x\"|   abc|"),
        ("%q %q", |t| vec![t.s("\u{a0}\u{200b}\u{feff}😀"), t.s("é́")], "\"\\u00a0\\u200b\\ufeff😀\" \"é́\""),
        ("%c %c %q %q %+q %U %#U %#U", |t| vec![t.iface(INT32, Value::Int(65)), t.iface(INT32, Value::Int(0x1F600)), t.iface(INT32, Value::Int(120)), t.iface(INT32, Value::Int(10)), t.iface(INT32, Value::Int(233)), t.iface(INT32, Value::Int(0x1F600)), t.iface(INT32, Value::Int(65)), t.iface(INT32, Value::Int(10))], "A 😀 'x' '\\n' '\\u00e9' U+1F600 U+0041 'A' U+000A"),
        ("%U %c %q", |t| vec![t.i(-1), t.i(1114112), t.i(55296)], "U+FFFFFFFFFFFFFFFF � '�'"),
        ("%t %v %5t|%-6v|", |t| vec![t.b(true), t.b(false), t.b(true), t.b(false)], "true false  true|false |"),
        ("%v %+v %#v", |t| vec![t.pt(1, 2), t.pt(1, 2), t.pt(1, 2)], "{1 2} {X:1 Y:2} main.Point{X:1, Y:2}"),
        ("%v %+v %#v", |t| vec![t.ppt(1, 2), t.ppt(1, 2), t.ppt(1, 2)], "&{1 2} &{X:1 Y:2} &main.Point{X:1, Y:2}"),
        ("%d %x %5v|", |t| vec![t.pt(10, 255), t.pt(10, 255), t.pt(1, 2)], "{10 255} {a ff} {    1     2}|"),
        ("%s", |t| vec![t.pt(1, 2)], "{%!s(int=1) %!s(int=2)}"),
        ("%v %#v %x %03d %5v|", |t| vec![t.ints(&[1, 2, 3]), t.ints(&[1, 2]), t.ints(&[10, 255]), t.ints(&[1, 2]), t.ints(&[1, 22])], "[1 2 3] []int{1, 2} [a ff] [001 002] [    1    22]|"),
        ("%v %#v %d", |t| vec![t.iface(t.ints_ty, Value::Nil), t.iface(t.ints_ty, Value::Nil), t.ints(&[])], "[] []int(nil) []"),
        ("%v %q %#v %x", |t| vec![t.strs(&["a", "b"]), t.strs(&["a", "b"]), t.strs(&["a", "b"]), t.strs(&["hi", "A"])], "[a b] [\"a\" \"b\"] []string{\"a\", \"b\"} [6869 41]"),
        ("%v %#v", |t| vec![t.arr3([1, 2, 3]), t.arr3([1, 2, 3])], "[1 2 3] [3]int{1, 2, 3}"),
        ("%v %+v %#v %d", |t| vec![t.map_si(&[("b", 2), ("a", 1)]), t.map_si(&[("a", 1)]), t.map_si(&[("a", 1), ("b", 2)]), t.map_si(&[("z", 26)])], "map[a:1 b:2] map[a:1] map[string]int{\"a\":1, \"b\":2} map[%!d(string=z):26]"),
        ("%v %#v", |t| vec![t.iface(t.map_ty, Value::Nil), t.iface(t.map_ty, Value::Nil)], "map[] map[string]int(nil)"),
        ("%v|%d|%s|%T|%5v|", |_| vec![Value::Nil, Value::Nil, Value::Nil, Value::Nil, Value::Nil], "<nil>|%!d(<nil>)|%!s(<nil>)|<nil>|<nil>|"),
        ("%T %T %T %T %T", |t| vec![t.i(1), t.s("a"), t.ints(&[1]), t.map_si(&[("a", 1)]), t.ppt(1, 2)], "int string []int map[string]int *main.Point"),
        ("%T %T %T %T %T %T", |t| vec![t.cel(1.5_f64), t.dur(1), t.bytes(&[1]), t.f(1.5_f64), t.anys(vec![t.i(1)]), t.errnew("x")], "main.Celsius time.Duration []uint8 float64 []interface {} *errors.errorString"),
        ("%v|%s|%d|%.2f|%8v|%x|%-8s|", |t| vec![t.cel(21.5_f64), t.cel(21.5_f64), t.cel(21.5_f64), t.cel(21.5_f64), t.cel(21.5_f64), t.cel(1.5_f64), t.cel(2.0_f64)], "21.5°C|21.5°C|%!d(main.Celsius=21.5)|21.50|  21.5°C|312e35c2b043|2.0°C   |"),
        ("%v %+v", |t| vec![t.temp(21.5, 21.5), t.temp(21.5, 21.5)], "{21.5°C 21.5} {C:21.5°C c:21.5}"),
        ("%v %d %s %.1f", |t| vec![t.dur(1500000000), t.dur(1500000000), t.dur(90000000000), t.dur(1500000000)], "1.5s 1500000000 1m30s %!f(time.Duration=1500000000)"),
        ("%v", |t| vec![t.anys(vec![t.dur(1500000000), t.cel(3.0_f64), Value::Nil, t.i(1), t.s("a")])], "[1.5s 3.0°C <nil> 1 a]"),
        ("%#v", |t| vec![t.anys(vec![t.dur(1500000000), t.cel(3.0_f64), Value::Nil, t.i(1), t.s("a")])], "[]interface {}{1500000000, 3, interface {}(nil), 1, \"a\"}"),
        ("%d", |t| vec![t.anys(vec![t.i(1), Value::Nil, t.s("a"), t.b(true)])], "[1 <nil> %!d(string=a) %!d(bool=true)]"),
        ("%v|%s|%q|%x|%d", |t| vec![t.myerr(42), t.myerr(7), t.errnew("boom"), t.errnew("hi"), t.errnew("hi")], "myerr 42|myerr 7|\"boom\"|6869|&{%!d(string=hi)}"),
        ("%v|%+v", |t| vec![t.line(1, 2, "t", Value::Nil), t.line(1, 2, "t", t.errnew("boom"))], "{{1 2} <nil> t <nil>}|{A:{X:1 Y:2} P:<nil> Tag:t E:boom}"),
        ("%#v", |t| vec![t.line(1, 2, "t", Value::Nil)], "main.Line{A:main.Point{X:1, Y:2}, P:(*main.Point)(nil), Tag:\"t\", E:error(nil)}"),
        ("%v %v %s %p", |t| vec![t.iface(t.ppt_ty, Value::Nil), t.iface(t.pcel_ty, Value::Nil), t.iface(t.pcel_ty, Value::Nil), t.iface(t.ppt_ty, Value::Nil)], "<nil> <nil> <nil> 0x0"),
        ("%#v %#v %#v %#v %v %#v", |t| vec![t.iface(UINT8, Value::Int(5)), t.named_s("x"), t.code(5), t.f(2.5_f64), t.code(5), t.b(true)], "0x5 \"x\" 5 2.5 5 true"),
        ("%v|%s|%q|%x|% X|%#v|%d", |t| vec![t.bytes(&[104, 105]), t.bytes(&[104, 105]), t.bytes(&[104, 105]), t.bytes(&[1, 171]), t.bytes(&[1, 171]), t.bytes(&[1, 171]), t.bytes(&[1, 2])], "[104 105]|hi|\"hi\"|01ab|01 AB|[]byte{0x1, 0xab}|[1 2]"),
        ("%#v %v", |t| vec![t.iface(t.bytes_ty, Value::Nil), t.iface(t.bytes_ty, Value::Nil)], "[]byte(nil) []"),
        ("%s|%d|%z|%t", |t| vec![t.i(5), t.s("hi"), t.i(5), t.i(1)], "%!s(int=5)|%!d(string=hi)|%!z(int=5)|%!t(int=1)"),
        ("%5s|%-4d|", |t| vec![t.i(5), t.s("x")], "%!s(int=    5)|%!d(string=x   )|"),
        ("%!", |t| vec![t.i(5)], "%!!(int=5)"),
        ("%!", |_| vec![], "%!!(MISSING)"),
        ("%d", |_| vec![], "%!d(MISSING)"),
        ("%d %d", |t| vec![t.i(1)], "1 %!d(MISSING)"),
        ("%d", |t| vec![t.i(1), t.i(2), t.s("a"), Value::Nil], "1%!(EXTRA int=2, string=a, <nil>)"),
        ("%", |_| vec![], "%!(NOVERB)"),
        ("abc%", |t| vec![t.i(1)], "abc%!(NOVERB)%!(EXTRA int=1)"),
        ("%[2]d %[1]d", |t| vec![t.i(1), t.i(2)], "2 1"),
        ("%[3]d|%[0]d|%[x]d", |t| vec![t.i(1)], "%!d(BADINDEX)|%!d(BADINDEX)|%!d(BADINDEX)"),
        ("%[2]*[1]d|", |t| vec![t.i(12), t.i(5)], "   12|"),
        ("%d %d %[1]d %d", |t| vec![t.i(1), t.i(2)], "1 2 1 2"),
        ("%*d|%-*d|%.*f|%*d|", |t| vec![t.i(5), t.i(42), t.i(5), t.i(42), t.i(2), t.f(1.23456_f64), t.i(-4), t.i(7)], "   42|42   |1.23|7   |"),
        ("%*d|%.*d|%.*d", |t| vec![t.s("x"), t.i(1), t.i(-1), t.i(5), t.i(2000000), t.i(5)], "%!(BADWIDTH)1|%!(BADPREC)5|%!(BADPREC)5"),
        ("%9999999999d|%.9999999999d", |t| vec![t.i(5), t.i(6)], "%!(NOVERB)%!(EXTRA int=5, int=6)"),
        ("%10.d|%.f|%5.", |t| vec![t.i(5), t.f(2.5_f64), t.i(3)], "         5|2|%!.(int=    3)"),
        ("%w", |t| vec![t.errnew("boom")], "%!w(*errors.errorString=&{boom})"),
        ("%w", |t| vec![t.i(1)], "%!w(int=1)"),
        ("%v %v", |t| vec![t.i(1), t.s("é")], "1 é"),
        ("%é", |t| vec![t.i(1)], "%!é(int=1)"),
    ]
}

#[rustfmt::skip]
fn sprint_cases() -> Vec<ArgsCase> {
    vec![
        (|t| vec![t.s("a"), t.i(1), t.i(2), t.s("b"), t.s("c"), t.f(3.5_f64), Value::Nil, t.i(4)], "a1 2bc3.5 <nil> 4"),
        (|t| vec![t.i(1), t.i(2)], "1 2"),
        (|t| vec![t.named_s("x"), t.i(1), t.named_s("y")], "x1y"),
        (|t| vec![t.cel(21.5_f64), t.dur(1500000000), t.ppt(3, 4)], "21.5°C 1.5s &{3 4}"),
        (|_| vec![], ""),
    ]
}

#[rustfmt::skip]
fn sprintln_cases() -> Vec<ArgsCase> {
    vec![
        (|t| vec![t.s("a"), t.i(1), t.b(true), Value::Nil, t.pt(1, 2), t.f(0.5_f64)], "a 1 true <nil> {1 2} 0.5\n"),
        (|_| vec![], "\n"),
        (|t| vec![t.myerr(1), t.ints(&[]), t.strs(&["x y"])], "myerr 1 [] [x y]\n"),
    ]
}

#[rustfmt::skip]
fn errorf_cases() -> Vec<Case> {
    vec![
        ("wrap: %w", |t| vec![t.errnew("boom")], "wrap: boom"),
        ("bad %w", |t| vec![t.i(5)], "bad %!w(int=5)"),
        ("no verbs", |_| vec![], "no verbs"),
        ("%w and %w", |t| vec![t.errnew("a"), t.myerr(2)], "a and myerr 2"),
        ("%v and %w", |t| vec![t.s("x"), t.myerr(3)], "x and myerr 3"),
        ("100%", |_| vec![], "100%!(NOVERB)"),
    ]
}

#[rustfmt::skip]
const DURATIONS: &[(i64, &str)] = &[
    (0, "0s"),
    (1, "1ns"),
    (999, "999ns"),
    (1000, "1µs"),
    (1001, "1.001µs"),
    (1500000, "1.5ms"),
    (1000001, "1.000001ms"),
    (1000000000, "1s"),
    (1500000000, "1.5s"),
    (90000000000, "1m30s"),
    (7380000000000, "2h3m0s"),
    (-1500000000, "-1.5s"),
    (i64::MIN, "-2562047h47m16.854775808s"),
    (9223372036854775807, "2562047h47m16.854775807s"),
    (100000000, "100ms"),
    (3600000000000, "1h0m0s"),
    (-1, "-1ns"),
    (59999999999, "59.999999999s"),
];

#[rustfmt::skip]
fn strings_cases() -> Vec<(Native, Vec<Value>, &'static str)> {
    vec![
        (Native::StringsContains, vec![s("seafood"), s("foo")], "true"),
        (Native::StringsContains, vec![s(""), s("")], "true"),
        (Native::StringsContainsRune, vec![s("aé"), Value::Int(233)], "true"),
        (Native::StringsContainsAny, vec![s("failure"), s("ui")], "true"),
        (Native::StringsContainsAny, vec![s("x"), s("")], "false"),
        (Native::StringsHasPrefix, vec![s("golang"), s("go")], "true"),
        (Native::StringsHasSuffix, vec![s("golang"), s("ng")], "true"),
        (Native::StringsIndex, vec![s("chicken"), s("ken")], "4"),
        (Native::StringsIndex, vec![s("chicken"), s("dmr")], "-1"),
        (Native::StringsIndexByte, vec![s("golang"), Value::Int(108)], "2"),
        (Native::StringsIndexRune, vec![s("chéri"), Value::Int(114)], "4"),
        (Native::StringsIndexRune, vec![bs(b"a\xffb"), Value::Int(0xFFFD)], "1"),
        (Native::StringsLastIndex, vec![s("go gopher"), s("go")], "3"),
        (Native::StringsLastIndex, vec![s("go"), s("")], "2"),
        (Native::StringsSplit, vec![s("a,b,c"), s(",")], "[\"a\" \"b\" \"c\"]"),
        (Native::StringsSplit, vec![s("a man a plan"), s("a ")], "[\"\" \"man \" \"plan\"]"),
        (Native::StringsSplit, vec![s("héy"), s("")], "[\"h\" \"é\" \"y\"]"),
        (Native::StringsSplit, vec![s(""), s(",")], "[\"\"]"),
        (Native::StringsSplit, vec![s(""), s("")], "[]"),
        (Native::StringsSplitN, vec![s("a,b,c,d"), s(","), Value::Int(2)], "[\"a\" \"b,c,d\"]"),
        (Native::StringsSplitN, vec![s("a,b"), s(","), Value::Int(0)], "[]"),
        (Native::StringsSplitN, vec![s("abc"), s(""), Value::Int(2)], "[\"a\" \"bc\"]"),
        (Native::StringsJoin, vec![make_string_slice(vec![b"a".to_vec(), b"b".to_vec(), b"c".to_vec()]), s(", ")], "\"a, b, c\""),
        (Native::StringsJoin, vec![Value::Nil, s("-")], "\"\""),
        (Native::StringsFields, vec![s("  foo bar\u{a0}baz\t\n ")], "[\"foo\" \"bar\" \"baz\"]"),
        (Native::StringsFields, vec![s("   ")], "[]"),
        (Native::StringsRepeat, vec![s("ab"), Value::Int(3)], "\"ababab\""),
        (Native::StringsReplace, vec![s("oink oink oink"), s("k"), s("ky"), Value::Int(2)], "\"oinky oinky oink\""),
        (Native::StringsReplace, vec![s("abc"), s(""), s("-"), Value::Int(-1)], "\"-a-b-c-\""),
        (Native::StringsReplace, vec![s("héy"), s(""), s("-"), Value::Int(2)], "\"-h-éy\""),
        (Native::StringsReplaceAll, vec![s("oink oink"), s("oink"), s("moo")], "\"moo moo\""),
        (Native::StringsToUpper, vec![s("héllo ß ǆ")], "\"HÉLLO ß Ǆ\""),
        (Native::StringsToLower, vec![s("HÉLLO İ Σ")], "\"héllo i σ\""),
        (Native::StringsToUpper, vec![bs(b"a\xffb")], "\"A�B\""),
        (Native::StringsTitle, vec![s("hello wörld_x go-lang ǆx")], "\"Hello Wörld_x Go-Lang ǅx\""),
        (Native::StringsTrimSpace, vec![s(" \t\n hi there \r\n\u{3000}")], "\"hi there\""),
        (Native::StringsTrim, vec![s("¡¡¡Hello, Gophers!!!"), s("!¡")], "\"Hello, Gophers\""),
        (Native::StringsTrimLeft, vec![s("xxhixx"), s("x")], "\"hixx\""),
        (Native::StringsTrimRight, vec![s("xxhixx"), s("x")], "\"xxhi\""),
        (Native::StringsTrimPrefix, vec![s("prefix-body"), s("prefix-")], "\"body\""),
        (Native::StringsTrimSuffix, vec![s("a.go"), s(".go")], "\"a\""),
        (Native::StringsCount, vec![s("cheese"), s("e")], "3"),
        (Native::StringsCount, vec![s("five"), s("")], "5"),
        (Native::StringsCount, vec![s("aaaa"), s("aa")], "2"),
        (Native::StringsEqualFold, vec![s("Go"), s("GO")], "true"),
        (Native::StringsEqualFold, vec![s("straße"), s("STRASSE")], "false"),
        (Native::StringsEqualFold, vec![s("K"), s("\u{212a}")], "true"),
        (Native::StringsCompare, vec![s("a"), s("b")], "-1"),
        (Native::StringsCompare, vec![s("b"), s("a")], "1"),
        (Native::StringsCut, vec![s("key=value"), s("=")], "\"key\" \"value\" true"),
        (Native::StringsCut, vec![s("novalue"), s("=")], "\"novalue\" \"\" false"),
    ]
}

#[rustfmt::skip]
fn panic_cases() -> Vec<ArgsCase> {
    vec![
        (|t| vec![t.s("boom")], "boom"),
        (|t| vec![t.errnew("e")], "e"),
        (|t| vec![t.i(42)], "42"),
        (|t| vec![t.code(7)], "main.Code(7)"),
        (|t| vec![t.named_s("a\nb")], "main.S(\"a\n\tb\")"),
        (|t| vec![t.f(1.5_f64)], "1.5"),
        (|t| vec![t.f32(0.1_f32)], "0.1"),
        (|t| vec![t.b(true)], "true"),
        (|t| vec![t.cel(1.5_f64)], "1.5°C"),
        (|t| vec![t.myerr(3)], "myerr 3"),
        (|_| vec![Value::Nil], "runtime error: panic called with nil argument"),
        (|t| vec![t.s("multi\nline")], "multi\n\tline"),
        (|t| vec![t.dur(1500)], "1.5µs"),
        (|t| vec![t.f(1e+21_f64)], "1e+21"),
        (|t| vec![t.iface(UINT8, Value::Int(200))], "200"),
    ]
}
