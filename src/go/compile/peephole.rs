//! Peephole pass over a finished function: fuses frequent instruction sequences into the
//! superinstructions of [`Op`] (one dispatch instead of three or four), then remaps every
//! jump target. A sequence is fused only when none of its instructions but the first is a
//! jump target, so no jump lands inside a fused instruction.

use super::super::bytecode::{ArithOp, FuncProto, NumKind, Op};

/// Rewrites `proto.code` (and `proto.lines`, kept aligned) in place.
pub fn optimize(proto: &mut FuncProto) {
    let n = proto.code.len();
    if proto.lines.len() != n {
        return;
    }
    let mut is_target = vec![false; n + 1];
    for op in &proto.code {
        if let Some(t) = target(op) {
            if let Some(slot) = is_target.get_mut(t as usize) {
                *slot = true;
            }
        }
    }
    let mut code = Vec::with_capacity(n);
    let mut lines = Vec::with_capacity(n);
    // Old index → new index (a fused sequence's later members map to its head).
    let mut map = vec![0u32; n + 1];
    let mut i = 0;
    while i < n {
        let rest = &proto.code[i..];
        let free = |len: usize| (1..len).all(|j| !is_target.get(i + j).copied().unwrap_or(true));
        let (op, len, key) = match fuse(rest) {
            Some((op, len, key)) if free(len) => (op, len, key),
            _ => (proto.code[i], 1, 0),
        };
        for slot in &mut map[i..i + len] {
            *slot = code.len() as u32;
        }
        code.push(op);
        lines.push(proto.lines[i + key]);
        i += len;
    }
    if code.len() == n {
        return;
    }
    let new_len = code.len();
    map[n] = new_len as u32;
    for op in &mut code {
        if let Some(t) = target_mut(op) {
            // A target past the end stays past the end.
            *t = match map.get(*t as usize) {
                Some(&new) => new,
                None => (*t as usize - n + new_len) as u32,
            };
        }
    }
    proto.code = code;
    proto.lines = lines;
    return_if(&mut proto.code);
}

/// `JumpUnlessLK` skipping just a `MoveReturn` becomes `ReturnIfLK`; the `MoveReturn`
/// stays, so jump targets and lines keep their places.
fn return_if(code: &mut [Op]) {
    for i in 0..code.len().saturating_sub(1) {
        if let [Op::JumpUnlessLK { a, k, op, kind, target }, Op::MoveReturn { from, to }, ..] = code[i..] {
            if target as usize == i + 2 {
                code[i] = Op::ReturnIfLK { a, k, op, kind, from, to };
            }
        }
    }
}

/// Arithmetic that cannot panic, which the fused instructions handle inline.
fn simple(op: ArithOp) -> bool {
    !matches!(op, ArithOp::Div | ArithOp::Rem | ArithOp::Shl | ArithOp::Shr)
}

/// The superinstruction starting `code`, its length, and which member's line it keeps (the
/// one that computes or returns).
fn fuse(code: &[Op]) -> Option<(Op, usize, usize)> {
    use Op::*;
    Some(match *code {
        [Load(a), SmallInt(k), Arith(op, NumKind::Int(kind)), Call { func, argc }, ..]
            if simple(op) && i8::try_from(k).is_ok() && u8::try_from(argc).is_ok_and(|n| n > 0) =>
        {
            (CallLK { func, a, k: k as i8, argc: argc as u8, op, kind }, 4, 3)
        }
        [Load(a), SmallInt(k), Arith(op, NumKind::Int(kind)), Store(r), ..]
            if simple(op) && i16::try_from(k).is_ok() =>
        {
            (ArithLKStore { a, k: k as i16, op, kind, r }, 4, 2)
        }
        [Load(from), Store(to), Return, ..] => (MoveReturn { from, to }, 3, 2),
        [Arith(op, NumKind::Int(kind)), Store(r), Return, ..] if simple(op) => (ArithReturn { op, kind, r }, 3, 2),
        [Load(a), SmallInt(k), Cmp(op, NumKind::Int(kind)), JumpIfFalse(target), ..] if i16::try_from(k).is_ok() => {
            (JumpUnlessLK { a, k: k as i16, op, kind, target }, 4, 2)
        }
        [Load(a), SmallInt(k), Cmp(op, NumKind::Int(kind)), JumpIfFalse(target), ..] if u8::try_from(a).is_ok() => {
            (JumpUnlessLKWide { a: a as u8, k, op, kind, target }, 4, 2)
        }
        [Load(a), Load(b), Cmp(op, NumKind::Int(kind)), JumpIfFalse(target), ..] => {
            (JumpUnlessLL { a, b, op, kind, target }, 4, 2)
        }
        [Load(a), SmallInt(k), Arith(op, NumKind::Int(kind)), ..] if simple(op) => (ArithLK { a, k, op, kind }, 3, 2),
        [Load(a), Load(b), Arith(op, NumKind::Int(kind)), ..] if simple(op) => (ArithLL { a, b, op, kind }, 3, 2),
        [Load(from), Store(to), ..] => (Move { from, to }, 2, 1),
        [Store(r), Return, ..] => (StoreReturn(r), 2, 1),
        [MakeClosure { func, captures }, Go { argc: 0 }, ..] => (GoClosure { func, captures }, 2, 1),
        [Load(a), AggToPtr, CallNative { native, argc: 1 }, ..] => (NativeLocalPtr { native, a }, 3, 2),
        [Load(a), AggToPtr, SmallInt(k), CallNative { native, argc: 2 }, ..] => {
            (NativeLocalPtrK { native, a, k }, 4, 3)
        }
        [Capture(i), AggToPtr, CallNative { native, argc: 1 }, ..] => (NativeCapturePtr { native, i }, 3, 2),
        [Load(i), AggToPtr, ..] => (LoadPtr(i), 2, 0),
        [Capture(i), AggToPtr, ..] => (CapturePtr(i), 2, 0),
        [LoopCheck, Jump(target), ..] => (LoopJump(target), 2, 1),
        _ => return None,
    })
}

fn target(op: &Op) -> Option<u32> {
    match *op {
        Op::Jump(t) | Op::JumpIfFalse(t) | Op::JumpIfTrue(t) | Op::LoopJump(t) => Some(t),
        Op::MapIterNext { done } => Some(done),
        Op::JumpUnlessLK { target, .. } | Op::JumpUnlessLKWide { target, .. } | Op::JumpUnlessLL { target, .. } => {
            Some(target)
        }
        _ => None,
    }
}

fn target_mut(op: &mut Op) -> Option<&mut u32> {
    match op {
        Op::Jump(t) | Op::JumpIfFalse(t) | Op::JumpIfTrue(t) | Op::LoopJump(t) => Some(t),
        Op::MapIterNext { done } => Some(done),
        Op::JumpUnlessLK { target, .. } | Op::JumpUnlessLKWide { target, .. } | Op::JumpUnlessLL { target, .. } => {
            Some(target)
        }
        _ => None,
    }
}
