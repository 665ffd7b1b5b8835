//! Every preset is declared once (src/scenarios/catalog.rs): its template parses, reads exactly
//! its parameters, and compiles at every bound; previews give what the page shows before a run.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::time::Duration;

use goroutines_notebook::engine::prepare;
use goroutines_notebook::scenarios::template::{self, Format};
use goroutines_notebook::scenarios::{go_source, Params, ScenarioId};

#[test]
fn names_are_unique_and_round_trip() {
    let names: BTreeSet<&str> = ScenarioId::ALL.iter().map(|id| id.name()).collect();
    assert_eq!(names.len(), ScenarioId::ALL.len());
    for id in ScenarioId::ALL {
        assert_eq!(ScenarioId::from_name(id.name()), Some(id));
        assert!(!id.title_fr().is_empty() && !id.explanation_fr().is_empty(), "{}", id.name());
    }
}

#[test]
fn every_template_reads_exactly_its_parameters() {
    for id in ScenarioId::ALL {
        let nodes = template::parse(id.template()).unwrap_or_else(|e| panic!("{}: {e:?}", id.name()));
        let used: BTreeSet<String> = template::names(&nodes).into_iter().collect();
        let declared: BTreeSet<String> = id.params().iter().map(|spec| spec.name.to_owned()).collect();
        assert_eq!(used, declared, "{}: template names vs declared parameters", id.name());
    }
}

/// At the defaults and at each parameter's bounds the source compiles: a slider can never
/// produce code the interpreter rejects.
#[test]
fn every_preset_compiles_at_its_bounds() {
    for id in ScenarioId::ALL {
        let mut settings = vec![Params::defaults(id)];
        for spec in id.params() {
            for value in [spec.min, spec.max] {
                let mut params = Params::defaults(id);
                params.set(spec.name, value as i128);
                settings.push(params);
            }
        }
        for params in settings {
            let source = go_source(&params).text();
            if let Err(errors) = goroutines_notebook::go::compile(&source) {
                panic!("{params:?} does not compile:\n{}\n{source}", errors.join("\n"));
            }
        }
    }
}

#[test]
fn formats_write_go_expressions() {
    let table = [
        (Format::Int, 7, "7"),
        (Format::Duration, 1000, "1 * time.Second"),
        (Format::Duration, 250, "250 * time.Millisecond"),
        (Format::Duration, 0, "0 * time.Millisecond"),
        (Format::DurationShort, 1000, "time.Second"),
        (Format::DurationShort, 2000, "2 * time.Second"),
        (Format::MakeChanInt, 0, "make(chan int)"),
        (Format::MakeChanInt, 3, "make(chan int, 3)"),
    ];
    for (format, value, want) in table {
        assert_eq!(format.write(value), want, "{format:?} {value}");
    }
}

#[test]
fn malformed_templates_are_reported_not_panicked() {
    let table = [
        "{{x",
        "{{#if x <= 4}}a",
        "{{#if x ~ 4}}a{{/if}}",
        "{{#each n in x}}a",
        "{{/if}}",
        "{{x|shout}}",
        "{{a b c}}",
        "{{}}",
    ];
    for text in table {
        assert!(template::parse(text).is_err(), "{text:?} should not parse");
    }
}

#[test]
fn each_and_if_mark_their_parameter() {
    let nodes = template::parse("{{#if n <= 2}}{{#each i in n}}g{{i}};{{/each}}{{#else}}loop {{n}}{{/if}}.").unwrap();
    let render = |value: u64| template::render(&nodes, &|name| (name == "n").then_some(("n", value)));
    let small = render(2);
    assert_eq!(small.text(), "g1;g2;.");
    assert_eq!(small.segments(), vec![("g1;g2;".to_owned(), Some("n")), (".".to_owned(), None)]);
    let big = render(9);
    assert_eq!(big.text(), "loop 9.");
    assert_eq!(big.segments()[1], ("9".to_owned(), Some("n")));
}

fn preview_of(id: ScenarioId, values: &[(&str, i128)]) -> goroutines_notebook::runtime::Preview {
    let mut params = Params::defaults(id);
    for (name, value) in values {
        params.set(name, *value);
    }
    match prepare(&go_source(&params).text()) {
        Ok(prepared) => prepared.preview,
        Err(errors) => panic!("{}", errors.lines.join("\n")),
    }
}

/// The preview lets everyone finish after main returns: the lines main's return cuts off are
/// counted from the program itself, not from a formula.
#[test]
fn previews_count_what_main_cuts_off() {
    let premature = preview_of(ScenarioId::Premature, &[]);
    assert_eq!(premature.duration, Some(Duration::from_millis(300)));
    assert_eq!(premature.lines_if_completed, Some(2 * 3 + 1));
    assert_eq!(premature.goroutines, 3);
    let leak = preview_of(ScenarioId::Leak, &[]);
    // Blocked for good, the leaked goroutines never print their second line.
    assert_eq!(leak.lines_if_completed, Some(2 + 1));
    let deadlock = preview_of(ScenarioId::ForgottenDone, &[]);
    assert_eq!(deadlock.duration, Some(Duration::from_millis(500)));
}

#[test]
fn huge_programs_preview_within_budget() {
    let many = preview_of(ScenarioId::Many, &[("goroutines", 1_000_000)]);
    assert_eq!(many.duration, None);
    assert_eq!(many.lines_if_completed, None);
    assert!(many.goroutines > 1000, "{many:?}");
}

/// The README's preset table is checked against the catalog, so it cannot drift.
#[test]
fn the_readme_lists_every_preset_with_its_bounds() {
    let readme = include_str!("../README.md");
    for id in ScenarioId::ALL {
        let row = readme
            .lines()
            .find(|line| line.starts_with(&format!("| `{}` |", id.name())))
            .unwrap_or_else(|| panic!("README has no row for {}", id.name()));
        for spec in id.params() {
            let max = spec.max_from.map_or(spec.max.to_string(), str::to_owned);
            let cell = format!("{} ({}, {}–{max})", spec.name, spec.default, spec.min);
            assert!(row.contains(&cell), "README row of {} lacks {cell:?}:\n{row}", id.name());
        }
    }
}
