//! The page and the engine speak in strings: every message comes back as it was sent, whatever
//! a program printed, and a damaged message is an error, never a panic.
#![cfg(not(target_arch = "wasm32"))]

use goroutines_notebook::cell::hints::Hint;
use goroutines_notebook::cell::marks::{MarkKind, SourceMark};
use goroutines_notebook::cell::state::{ConsoleLine, RunBatch, RunEnd, RunSummary, Stream};
use goroutines_notebook::cell::timeline::{Activity, LaneChange, LaneEnd, LaneEvent, StateCounts};
use goroutines_notebook::engine::protocol::{Reply, Request};
use goroutines_notebook::runtime::BlockReason;
use goroutines_notebook::url_state::Speed;
use proptest::prelude::*;

fn rich_batch() -> RunBatch {
    let mut lanes = vec![
        LaneEvent { gid: 1, at_ms: 0.0, change: LaneChange::Start },
        LaneEvent { gid: 2, at_ms: 0.5, change: LaneChange::Print },
        LaneEvent { gid: 2, at_ms: 1.0, change: LaneChange::Becomes(Activity::Sleeping) },
        LaneEvent { gid: 2, at_ms: 2.0, change: LaneChange::Becomes(Activity::Running) },
        LaneEvent { gid: 1, at_ms: 3.0, change: LaneChange::End(LaneEnd::Done) },
    ];
    for (i, reason) in BlockReason::ALL.iter().enumerate() {
        let was = Activity::Blocked(*reason);
        lanes.push(LaneEvent { gid: 10 + i as u64, at_ms: 4.0, change: LaneChange::Becomes(was) });
        lanes.push(LaneEvent { gid: 10 + i as u64, at_ms: 5.0, change: LaneChange::End(LaneEnd::Killed { was }) });
    }
    RunBatch {
        lines: vec![
            ConsoleLine { at_ms: 0.1, gid: 2, stream: Stream::Stdout, text: "Goroutine 1 démarre".into() },
            ConsoleLine { at_ms: 1e-9, gid: 3, stream: Stream::Stdout, text: "a;b:c\n;3:x 🦀".into() },
            ConsoleLine { at_ms: 600.0, gid: 1, stream: Stream::Stderr, text: "panic: boom".into() },
            ConsoleLine { at_ms: 1.0 / 3.0, gid: 4, stream: Stream::Stdout, text: String::new() },
        ],
        lanes,
        counts: vec![(12.25, StateCounts { running: 1, sleeping: 100_000, blocked: 2, done: 3, killed: 4 })],
        summary: RunSummary {
            elapsed_ms: 1000.0,
            started: 3,
            finished: 1,
            killed: 2,
            leaked: 1,
            lines_printed: 5,
            lines_lost: 2,
        },
        now_ms: 1000.0,
        end: Some(RunEnd::Exited { status: 2 }),
        hint: Some(Hint::NegativeWaitGroup),
        lines_dropped: 12,
        labels: vec![(2, "afficheMessage · l.20".into()), (3, "main.func1 · l.9 ;:".into())],
        fault: Some(SourceMark {
            line: 17,
            column: 0,
            message: "panic: sync: negative WaitGroup counter".into(),
            kind: MarkKind::Panic,
            hint: Some(Hint::NegativeWaitGroup),
        }),
    }
}

#[test]
fn every_message_round_trips() {
    let requests = [
        Request::Run { id: 1, source: "package main\n\nfunc main() {}\n".into(), speed: Speed::Instant, paused: false },
        Request::Run { id: u64::MAX, source: "// ; : 9:\n".into(), speed: Speed::Factor(0.25), paused: true },
        Request::Run { id: 7, source: String::new(), speed: Speed::Factor(10.0), paused: false },
        Request::Stop { id: 42 },
        Request::Pause { id: 1 },
        Request::Resume { id: 2 },
        Request::Step { id: 3 },
        Request::Format { id: 4, source: "package main\nfunc main(){}".into() },
    ];
    for request in requests {
        assert_eq!(Request::decode(&request.encode()), Ok(request.clone()), "{}", request.encode());
    }
    let replies = [
        Reply::Ready,
        Reply::Started { id: 3, expected_ms: Some(1000.0), marks: vec![] },
        Reply::Started {
            id: 3,
            expected_ms: None,
            marks: vec![
                SourceMark {
                    line: 4,
                    column: 2,
                    message: "declared and not used: x".into(),
                    kind: MarkKind::CompileError,
                    hint: Some(Hint::UnusedVariable),
                },
                SourceMark { line: 9, column: 1, message: "a;b:1:".into(), kind: MarkKind::Panic, hint: None },
            ],
        },
        Reply::Batch { id: 9, batch: RunBatch::default() },
        Reply::Formatted { id: 4, result: Ok("package main\n\nfunc main() {}\n".into()) },
        Reply::Formatted {
            id: 4,
            result: Err(vec![SourceMark {
                line: 2,
                column: 13,
                message: "syntax error: unexpected }".into(),
                kind: MarkKind::CompileError,
                hint: None,
            }]),
        },
        Reply::Batch { id: 9, batch: rich_batch() },
        Reply::Batch { id: 9, batch: RunBatch { end: Some(RunEnd::Stopped), ..RunBatch::default() } },
        Reply::Batch { id: 9, batch: RunBatch { end: Some(RunEnd::Exited { status: -1 }), ..RunBatch::default() } },
    ];
    for reply in replies {
        assert_eq!(Reply::decode(&reply.encode()), Ok(reply.clone()));
    }
}

#[test]
fn damaged_messages_are_errors() {
    let good = Reply::Batch { id: 9, batch: rich_batch() }.encode();
    for cut in 0..good.len() {
        if good.is_char_boundary(cut) {
            assert!(Reply::decode(&good[..cut]).is_err(), "a message cut at {cut} decoded");
        }
    }
    for bad in ["", "Z;", "R;1;", "R;1;1;99:short", "S;-1;", "B;1;99999999999;", "P;1;x;", "Y;Y;", "S;1;extra"] {
        assert!(Request::decode(bad).is_err() && Reply::decode(bad).is_err(), "{bad:?} decoded");
    }
}

proptest! {
    #[test]
    fn any_text_decodes_to_a_value_or_an_error(text in ".{0,200}") {
        let _ = Request::decode(&text);
        let _ = Reply::decode(&text);
    }

    #[test]
    fn printed_text_survives(texts in prop::collection::vec(".{0,40}", 0..8), gid in any::<u64>(), at in any::<f64>()) {
        let lines: Vec<ConsoleLine> = texts
            .iter()
            .map(|text| ConsoleLine { at_ms: if at.is_nan() { 0.0 } else { at }, gid, stream: Stream::Stdout, text: text.clone() })
            .collect();
        let reply = Reply::Batch { id: 1, batch: RunBatch { lines, ..RunBatch::default() } };
        prop_assert_eq!(Reply::decode(&reply.encode()), Ok(reply));
    }
}
