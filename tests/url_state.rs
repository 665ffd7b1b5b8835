//! Share links: every preset round-trips, and hostile links never panic nor escape bounds.

use goroutines_notebook::scenarios::{Params, ScenarioId};
use goroutines_notebook::url_state::{parse_query, to_query, CellLink, LinkNotice, Speed};
use proptest::prelude::*;

#[test]
fn every_preset_round_trips_at_defaults_and_at_bounds() {
    for scenario in ScenarioId::ALL {
        for speed in Speed::CHOICES {
            let mut params = Params::defaults(scenario);
            for spec in scenario.params() {
                params.set(spec.name, spec.max as i128);
            }
            for params in [Params::defaults(scenario), params] {
                let link = CellLink { cell: 2, params, speed, run: true, code: None };
                let parsed = parse_query(&to_query(&link));
                assert_eq!(parsed.notices, vec![], "{}", to_query(&link));
                assert_eq!(parsed.cell, Some(link));
            }
        }
    }
}

/// (query, expected scenario, expected (param, value) pairs, number of notices)
type LinkCase = (&'static str, ScenarioId, &'static [(&'static str, u64)], usize);

#[test]
fn links_from_the_readme() {
    let table: &[LinkCase] = &[
        ("?scenario=premature&main_wait_ms=300&speed=2", ScenarioId::Premature, &[("main_wait_ms", 300)], 0),
        ("scenario=simple", ScenarioId::Simple, &[("goroutines", 2), ("iterations", 3)], 0),
        ("scenario=waitgroup&workers=0", ScenarioId::Waitgroup, &[("workers", 1)], 1),
        ("scenario=waitgroup&workers=99999999999999999999999", ScenarioId::Waitgroup, &[("workers", 100_000)], 1),
        ("scenario=forgotten-done&workers=5&forgetful=9", ScenarioId::ForgottenDone, &[("forgetful", 5)], 1),
        ("scenario=forgotten-done&forgetful=9&workers=5", ScenarioId::ForgottenDone, &[("forgetful", 5)], 1),
        ("scenario=pool&jobs=abc", ScenarioId::Pool, &[("jobs", 20)], 1),
        ("scenario=many&goroutines=%31%30", ScenarioId::Many, &[("goroutines", 10)], 0),
        ("scenario=leak&bogus=1&speed=fast", ScenarioId::Leak, &[("leaks", 2)], 2),
    ];
    for (query, scenario, values, notices) in table {
        let parsed = parse_query(query);
        let cell = parsed.cell.expect(query);
        assert_eq!(cell.params.scenario(), *scenario, "{query}");
        for (name, value) in *values {
            assert_eq!(cell.params.get(name), *value, "{query} {name}");
        }
        assert_eq!(parsed.notices.len(), *notices, "{query}: {:?}", parsed.notices);
    }
}

#[test]
fn clamp_notices_name_the_bound() {
    let parsed = parse_query("scenario=waitgroup&workers=-4");
    assert_eq!(parsed.notices[0].message_fr(), "workers : -4 est hors limites, ramené au minimum 1");
    let parsed = parse_query("scenario=simple&pause_ms=20000");
    assert_eq!(parsed.notices[0].message_fr(), "pause_ms : 20000 est hors limites, ramené au maximum 10000");
}

#[test]
fn unknown_scenario_opens_the_lesson_with_a_notice() {
    let parsed = parse_query("scenario=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
    assert_eq!(parsed.cell, None);
    assert!(matches!(&parsed.notices[..], [LinkNotice::UnknownScenario(name)] if name == "<script>alert(1)</script>"));
    assert_eq!(parse_query(""), Default::default());
}

proptest! {
    #[test]
    fn hostile_queries_never_panic_and_land_in_range(query in ".{0,200}", extra in "[a-z_=&%0-9-]{0,80}") {
        for q in [query.clone(), format!("scenario=simple&{extra}"), format!("scenario=forgotten-done&{query}")] {
            let parsed = parse_query(&q);
            if let Some(cell) = parsed.cell {
                for (spec, value) in cell.params.iter() {
                    prop_assert!(value >= spec.min && value <= cell.params.max_of(spec).max(spec.min));
                }
            }
            for notice in parsed.notices {
                prop_assert!(notice.message_fr().chars().count() < 200);
            }
        }
    }
}

mod code_links {
    use goroutines_notebook::url_state::{
        decode_code, encode_code, parse_query, CodeProblem, LinkNotice, MAX_CODE_BYTES,
    };

    #[test]
    fn a_damaged_code_link_opens_the_lesson_with_a_notice() {
        let good = encode_code("package main\n\nfunc main() {}\n").unwrap();
        let truncated = &good[..good.len() / 2];
        for value in [truncated, "!!!", "AAAA", ""] {
            let parsed = parse_query(&format!("scenario=simple&code={value}"));
            let cell = parsed.cell.expect("the cell still opens");
            assert_eq!(cell.code, None, "{value}");
            assert_eq!(parsed.notices, vec![LinkNotice::BadCode(CodeProblem::Damaged)], "{value}");
            assert!(parsed.notices[0].message_fr().contains("illisible"));
        }
    }

    #[test]
    fn code_is_capped_like_the_playground() {
        let big = "a".repeat(MAX_CODE_BYTES + 1);
        assert_eq!(encode_code(&big), None);
        assert!(encode_code(&big[..MAX_CODE_BYTES]).is_some());
        // A link whose code inflates beyond the cap is refused, whatever it claims.
        let bomb = goroutines_notebook::codec::base64url::encode(&goroutines_notebook::codec::deflate::compress(
            big.as_bytes(),
        ));
        assert_eq!(decode_code(&bomb), Err(CodeProblem::TooLong));
    }

    #[test]
    fn code_without_a_scenario_opens_in_its_cell() {
        let code = encode_code("package main\n\nfunc main() {}\n").unwrap();
        let parsed = parse_query(&format!("code={code}&cell=2&run=1"));
        let cell = parsed.cell.expect("a cell");
        assert_eq!((cell.cell, cell.run), (2, true));
        assert_eq!(cell.code.as_deref(), Some("package main\n\nfunc main() {}\n"));
    }
}

mod code_link_properties {
    use goroutines_notebook::url_state::{decode_code, encode_code, parse_query, MAX_CODE_BYTES};
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

        /// Any source up to the cap comes back from its link as it was.
        #[test]
        fn code_links_round_trip_up_to_the_cap(piece in "\\PC{0,200}", repeat in 0usize..400) {
            let mut source = piece.repeat(repeat.max(1));
            while source.len() > MAX_CODE_BYTES {
                source.pop();
            }
            let value = encode_code(&source).expect("within the cap");
            prop_assert_eq!(decode_code(&value), Ok(source.clone()));
            let parsed = parse_query(&format!("scenario=simple&code={value}"));
            prop_assert_eq!(parsed.cell.and_then(|cell| cell.code), Some(source));
        }

        /// A damaged code link opens the lesson with a notice: never a panic, never code.
        #[test]
        fn malformed_code_links_are_notices(value in "[A-Za-z0-9_=%+/-]{0,300}") {
            let parsed = parse_query(&format!("scenario=simple&code={value}"));
            let cell = parsed.cell.expect("the cell opens");
            if cell.code.is_none() {
                prop_assert_eq!(parsed.notices.len(), 1);
            }
        }
    }

    #[test]
    fn a_64_kib_program_round_trips() {
        let line = "\tfmt.Println(\"une ligne de programme assez longue pour remplir\")\n";
        let body: String = line.repeat(MAX_CODE_BYTES / line.len());
        let source = format!("package main\n\nimport \"fmt\"\n\nfunc main() {{\n{body}}}\n");
        let mut source = source;
        while source.len() > MAX_CODE_BYTES {
            source.pop();
        }
        assert_eq!(decode_code(&encode_code(&source).unwrap()), Ok(source));
    }
}
