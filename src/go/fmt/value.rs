//! Reading run-time values for printing: pointer targets, elements, fake addresses.

use std::rc::Rc;

use crate::go::value::Value;

/// A fake but stable address for a reference value (Go prints real ones, `0xc000012080`).
pub fn address(v: &Value) -> u64 {
    let p = match v {
        Value::AggPtr(b) | Value::Agg(b) => Rc::as_ptr(b) as *const u8 as usize,
        Value::Ref(c) => Rc::as_ptr(c) as *const u8 as usize,
        Value::ElemPtr(e) => Rc::as_ptr(&e.target) as *const u8 as usize + 8 * e.index,
        Value::Slice(s) => Rc::as_ptr(&s.backing) as *const u8 as usize + 8 * s.offset,
        Value::Map(m) => Rc::as_ptr(m) as *const u8 as usize,
        Value::Chan(c) => Rc::as_ptr(c) as *const u8 as usize,
        Value::Func(f) => return 0x480000 | (Rc::as_ptr(f) as *const u8 as u64 & 0xfff0),
        Value::Iface(i) => Rc::as_ptr(i) as *const u8 as usize,
        Value::Native(n) => Rc::as_ptr(n) as *const u8 as usize,
        _ => return 0,
    };
    0xc000000000 | (p as u64 & 0xff_fff0)
}

/// The value a pointer points to (a struct/array box, or a scalar cell's content).
pub fn deref(v: &Value) -> Value {
    match v {
        Value::AggPtr(b) => Value::Agg(b.clone()),
        Value::Ref(c) => c.try_borrow().map(|v| v.clone()).unwrap_or_default(),
        Value::ElemPtr(e) => e.target.try_borrow().ok().and_then(|t| t.get(e.index).cloned()).unwrap_or_default(),
        _ => Value::Nil,
    }
}

/// Elements of a slice or array value (cloned handles, so no borrow outlives the call).
pub fn elements(v: &Value) -> Vec<Value> {
    match v {
        Value::Slice(s) => match s.backing.try_borrow() {
            Ok(b) => b.iter().skip(s.offset).take(s.len).cloned().collect(),
            Err(_) => Vec::new(),
        },
        Value::Agg(b) | Value::AggPtr(b) => b.try_borrow().map(|b| b.clone()).unwrap_or_default(),
        _ => Vec::new(),
    }
}

pub fn is_exported(name: &str) -> bool {
    name.chars().next().is_some_and(char::is_uppercase)
}
