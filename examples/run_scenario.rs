//! Runs a scenario natively in virtual time, like the page's « instantané » mode.
//!
//! ```text
//! cargo run --release --example run_scenario -- 'scenario=premature&main_wait_ms=300'
//! cargo run --release --example run_scenario -- --trace 'scenario=simple'   # JSON lines
//! cargo run --release --example run_scenario -- --go 'scenario=waitgroup'   # Go source
//! ```
//! Stdout lines go to stdout, Go's `panic:`/`fatal error:` text to stderr, and the process exits
//! with the program's status (2 for a panic or a deadlock), like the compiled Go program.

use std::io::Write;
use std::process::ExitCode;

use goroutines_notebook::runtime::{run_virtual_with, Event, EventKind, Stream, TraceLevel};
use goroutines_notebook::scenarios::{go_source, program, Params, ScenarioId};
use goroutines_notebook::url_state::parse_query;

/// Reads a share link's query with the page's own parser, so both accept and clamp alike.
fn parse(query: &str) -> Result<Params, String> {
    let link = parse_query(query);
    for notice in &link.notices {
        eprintln!("note: {}", notice.message_fr());
    }
    match link.cell {
        Some(cell) => Ok(cell.params),
        None if link.notices.is_empty() => Ok(Params::defaults(ScenarioId::Simple)),
        None => Err("aucun scénario connu dans ce lien".to_owned()),
    }
}

fn json_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn event_json(event: &Event) -> String {
    let (kind, extra) = match &event.kind {
        EventKind::Spawn { parent, site } => {
            let parent = parent.map_or(String::new(), |p| format!(",\"parent\":{p}"));
            let site = site.map_or(String::new(), |s| format!(",\"func\":{},\"line\":{}", s.func, s.line));
            ("spawn", parent + &site)
        }
        EventKind::Print { stream, text } => {
            let stream = if *stream == Stream::Stdout { "stdout" } else { "stderr" };
            ("print", format!(",\"stream\":\"{stream}\",\"text\":{}", json_string(text)))
        }
        EventKind::SleepStart { until } => ("sleep_start", format!(",\"until_ns\":{}", until.as_nanos())),
        EventKind::SleepEnd => ("sleep_end", String::new()),
        EventKind::Block(reason) => ("block", format!(",\"reason\":{}", json_string(reason.go_label()))),
        EventKind::Unblock => ("unblock", String::new()),
        EventKind::Done => ("done", String::new()),
        EventKind::Killed(cut) => ("killed", format!(",\"cut\":{}", json_string(&format!("{cut:?}")))),
        EventKind::Panic(msg) => ("panic", format!(",\"message\":{}", json_string(msg))),
        EventKind::Exit(exit) => {
            ("exit", format!(",\"status\":{},\"how\":{}", exit.status, json_string(&format!("{:?}", exit.kind))))
        }
    };
    format!(
        "{{\"gid\":{},\"at_ns\":{},\"real_ms\":{:.3},\"kind\":\"{kind}\"{extra}}}",
        event.gid,
        event.at.as_nanos(),
        event.real_ms
    )
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let trace = args.iter().any(|a| a == "--trace");
    let show_go = args.iter().any(|a| a == "--go");
    let query = args.iter().find(|a| !a.starts_with("--")).cloned().unwrap_or_default();
    let params = match parse(&query) {
        Ok(params) => params,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(64);
        }
    };
    if show_go {
        print!("{}", go_source(&params).text());
        return ExitCode::SUCCESS;
    }
    let level = if trace { TraceLevel::Full } else { TraceLevel::Counts };
    let report = run_virtual_with(program(&params), level);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if trace {
        for event in &report.events {
            let _ = writeln!(out, "{}", event_json(event));
        }
    } else {
        for line in &report.stdout {
            let _ = writeln!(out, "{line}");
        }
    }
    let _ = out.flush();
    if !report.stderr.is_empty() {
        eprintln!("{}", report.stderr);
    }
    ExitCode::from(report.status.clamp(0, 255) as u8)
}
