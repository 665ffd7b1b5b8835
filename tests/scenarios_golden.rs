//! Golden runs: every scenario at its defaults, in virtual time, against
//! `tests/fixtures/scenarios/<name>.txt` (lines with virtual time, goroutine, stream; then exit
//! and summary). Regenerate with `UPDATE_FIXTURES=1 cargo test --test scenarios_golden` and
//! review the diff.

use std::fmt::Write;
use std::path::PathBuf;

use goroutines_notebook::runtime::{run_virtual, RunReport, Stream};
use goroutines_notebook::scenarios::{go_source, program, Params, ScenarioId};

fn render(report: &RunReport) -> String {
    let mut out = String::new();
    for line in &report.lines {
        let stream = if line.stream == Stream::Stdout { "out" } else { "err" };
        writeln!(out, "{:>6} ms  g{:<3} {stream}  {}", line.at.as_millis(), line.gid, line.text).unwrap();
    }
    let s = &report.summary;
    writeln!(out, "exit: status {} ({:?}) at {} ms", report.status, report.exit.kind, report.end_time.as_millis())
        .unwrap();
    writeln!(
        out,
        "summary: started {} finished {} killed {} leaked {} printed {} lost {:?}",
        s.started, s.finished, s.killed, s.leaked, s.lines_printed, s.lines_lost
    )
    .unwrap();
    out
}

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/scenarios").join(format!("{name}.txt"))
}

#[test]
fn every_scenario_at_defaults_matches_its_fixture() {
    let update = std::env::var_os("UPDATE_FIXTURES").is_some();
    let mut failures = Vec::new();
    for id in ScenarioId::ALL {
        let report = run_virtual(program(&Params::defaults(id)));
        let actual = render(&report);
        let path = fixture(id.name());
        if update {
            std::fs::write(&path, &actual).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        if expected != actual {
            failures.push(format!("--- {}\n{expected}+++ actual\n{actual}", id.name()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The lesson's code blocks, re-indented with tabs, equal our renders at the defaults.
#[test]
fn lesson_programs_render_token_for_token() {
    let lesson = goroutines_notebook::lesson::LESSON_MARKDOWN;
    let blocks: Vec<String> = lesson
        .split("```go\n")
        .skip(1)
        .map(|rest| rest.split("```").next().unwrap().replace("    ", "\t"))
        .filter(|block| block.starts_with("package main"))
        .collect();
    assert_eq!(blocks.len(), 2);
    assert_eq!(go_source(&Params::defaults(ScenarioId::Simple)).text(), blocks[0]);
    assert_eq!(go_source(&Params::defaults(ScenarioId::Waitgroup)).text(), blocks[1]);
}

#[test]
fn param_spans_name_the_values() {
    let mut params = Params::defaults(ScenarioId::Simple);
    params.set("pause_ms", 250);
    let source = go_source(&params);
    let text = source.text();
    let spans = source.param_spans();
    let pause: Vec<&str> = spans.iter().filter(|(_, p)| *p == "pause_ms").map(|(r, _)| &text[r.clone()]).collect();
    assert_eq!(pause, vec!["250 * time.Millisecond"]);
    let waits: Vec<&str> = spans.iter().filter(|(_, p)| *p == "main_wait_ms").map(|(r, _)| &text[r.clone()]).collect();
    assert_eq!(waits, vec!["1 * time.Second"]);
    for id in ScenarioId::ALL {
        let params = Params::defaults(id);
        let source = go_source(&params);
        let names: Vec<&str> = source.param_spans().iter().map(|(_, name)| *name).collect();
        for (spec, _) in params.iter() {
            assert!(names.contains(&spec.name), "{}: {} has no span", id.name(), spec.name);
        }
    }
}

#[test]
fn many_goroutines_switch_to_a_loop() {
    let mut params = Params::defaults(ScenarioId::Simple);
    params.set("goroutines", 7);
    let text = go_source(&params).text();
    assert!(
        text.contains("\tfor n := 1; n <= 7; n++ {\n\t\tgo afficheMessage(fmt.Sprintf(\"Goroutine %d\", n))\n\t}\n")
    );
}
