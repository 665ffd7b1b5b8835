//! The embedded lesson parses into the expected model (native, pure).

use goroutines_notebook::lesson::{
    highlight_go, plain_text, quote_mermaid_labels, slugify, strip_numbering, Block, GoTokenKind, Inline, Lesson,
    LifecycleStep, LESSON_MARKDOWN,
};
use std::collections::HashSet;

fn lesson() -> Lesson {
    Lesson::embedded()
}

#[test]
fn embedded_lesson_is_the_shared_lesson_verbatim() {
    // The project copy must stay verbatim; compare with the shared copy when it is around.
    if let Ok(shared) = std::fs::read_to_string("/work/shared/lesson/goroutines.fr.md") {
        assert_eq!(LESSON_MARKDOWN, shared);
    }
    assert!(LESSON_MARKDOWN.starts_with("# 2-Concurrence et Web temps réel\n"));
}

#[test]
fn breadcrumb_and_title() {
    let l = lesson();
    assert_eq!(
        l.breadcrumb,
        [
            "Concurrence et Web temps réel",
            "Gestion des opérations simultanées",
            "Utiliser les goroutines pour lancer des tâches",
        ]
    );
    assert_eq!(
        l.breadcrumb_text(),
        "Concurrence et Web temps réel › Gestion des opérations simultanées › Utiliser les goroutines pour lancer des tâches"
    );
    assert_eq!(l.title, "Utiliser les goroutines pour lancer des tâches");
    assert_eq!(l.title_id, "utiliser-les-goroutines-pour-lancer-des-taches");
}

#[test]
fn sections_in_order() {
    let l = lesson();
    let titles: Vec<&str> = l.sections.iter().map(|s| s.title_text.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Qu’est-ce qu’une goroutine ?",
            "Exemple simple de goroutine",
            "Attention à la terminaison du programme",
            "Exemple d’utilisation de sync.WaitGroup",
            "Goroutine vs Thread",
            "Diagramme Mermaid : Cycle de vie simple d’une goroutine",
            "Bonnes pratiques",
            "Sources et références",
        ]
    );
    assert!(l.sections.iter().all(|s| s.level == 2));
    // The heading with inline code keeps it as code.
    assert_eq!(
        l.sections[3].title,
        [Inline::Text("Exemple d’utilisation de ".into()), Inline::Code("sync.WaitGroup".into())]
    );
}

#[test]
fn anchors_are_clean_and_unique() {
    let l = lesson();
    let ids: Vec<&str> = l.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "quest-ce-quune-goroutine",
            "exemple-simple-de-goroutine",
            "attention-a-la-terminaison-du-programme",
            "exemple-dutilisation-de-sync-waitgroup",
            "goroutine-vs-thread",
            "diagramme-mermaid-cycle-de-vie-simple-dune-goroutine",
            "bonnes-pratiques",
            "sources-et-references",
        ]
    );
    let mut all: Vec<&str> = ids.clone();
    all.push(&l.title_id);
    let unique: HashSet<&str> = all.iter().copied().collect();
    assert_eq!(unique.len(), all.len());
    for id in all {
        assert!(id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'), "{id}");
    }
    let toc = l.toc();
    assert_eq!(toc.len(), 8);
    assert_eq!(toc[0].id, "quest-ce-quune-goroutine");
    assert_eq!(toc[0].title, "Qu’est-ce qu’une goroutine ?");
}

#[test]
fn slug_table() {
    let cases = [
        ("Qu’est-ce qu’une goroutine ?", "quest-ce-quune-goroutine"),
        ("Références et Œuvres", "references-et-oeuvres"),
        ("  --Ça  marche !-- ", "ca-marche"),
        ("Exemple d'utilisation", "exemple-dutilisation"),
        ("Goroutine vs Thread", "goroutine-vs-thread"),
        ("???", "section"),
        ("Étape 2 : fin", "etape-2-fin"),
    ];
    for (input, expected) in cases {
        assert_eq!(slugify(input), expected, "slugify({input:?})");
    }
    let mut set = goroutines_notebook::lesson::SlugSet::new();
    assert_eq!(set.unique("Bonnes pratiques"), "bonnes-pratiques");
    assert_eq!(set.unique("Bonnes pratiques"), "bonnes-pratiques-2");
    assert_eq!(set.unique("Bonnes  pratiques"), "bonnes-pratiques-3");
}

#[test]
fn numbering_prefix_table() {
    let cases = [
        ("2-Concurrence et Web temps réel", "Concurrence et Web temps réel"),
        ("1- Utiliser", "Utiliser"),
        ("3) Trois", "Trois"),
        ("1.2 - Sous-partie", "Sous-partie"),
        ("4. Quatre", "Quatre"),
        ("Goroutine vs Thread", "Goroutine vs Thread"),
        ("2024 en bref", "2024 en bref"),
        ("2-", "2-"),
    ];
    for (input, expected) in cases {
        assert_eq!(strip_numbering(input), expected, "strip_numbering({input:?})");
    }
}

#[test]
fn intro_and_conclusion() {
    let l = lesson();
    assert_eq!(l.intro.len(), 1);
    let Block::Paragraph(p) = &l.intro[0] else { panic!("intro: {:?}", l.intro) };
    assert_eq!(p[0], Inline::Text("Go intègre la notion de ".into()));
    assert_eq!(p[1], Inline::Strong(vec![Inline::Text("goroutine".into())]));
    assert_eq!(l.conclusion.len(), 1);
    let Block::Paragraph(c) = &l.conclusion[0] else { panic!() };
    assert!(plain_text(c).starts_with("Lancer des tâches simultanément est simple"));
    // The separators are not kept as blocks.
    assert!(l.blocks().all(|b| !matches!(b, Block::Rule)));
    // The last section ends with the sources list.
    assert!(matches!(l.sections[7].blocks.as_slice(), [Block::List { .. }]));
}

#[test]
fn lists_with_bold_and_code() {
    let l = lesson();
    let Block::List { ordered, items } = &l.sections[2].blocks[2] else { panic!("{:?}", l.sections[2].blocks) };
    assert!(!ordered);
    assert_eq!(items.len(), 3);
    assert_eq!(
        items[0],
        [
            Inline::Strong(vec![Inline::Code("time.Sleep".into())]),
            Inline::Text(", peu recommandé car imprécis.".into()),
        ]
    );
    assert_eq!(items[1][0], Inline::Strong(vec![Inline::Text("Channel".into())]));
    let Block::List { items, .. } = &l.sections[6].blocks[0] else { panic!() };
    assert_eq!(items.len(), 5);
}

#[test]
fn go_programs_and_snippet() {
    let l = lesson();
    let programs = l.go_programs();
    assert_eq!(programs.len(), 2);
    assert!(programs[0].starts_with("package main\n\nimport (\n    \"fmt\"\n    \"time\"\n)"));
    assert!(programs[0].contains("go afficheMessage(\"Goroutine 1\")"));
    assert!(programs[0].ends_with("fmt.Println(\"Programme principal terminé\")\n}"));
    assert!(programs[1].contains("func travaille(id int, wg *sync.WaitGroup) {"));
    assert!(programs[1].ends_with("fmt.Println(\"Tous les travaux sont terminés\")\n}"));
    assert_eq!(l.go_snippets(), ["go fonction()"]);
    // Program indices are attached to the blocks, in the right sections.
    assert!(matches!(&l.sections[1].blocks[0], Block::Code { program: Some(0), .. }));
    assert!(matches!(&l.sections[3].blocks[0], Block::Code { program: Some(1), .. }));
    assert!(matches!(&l.sections[0].blocks[1], Block::Code { program: None, .. }));
}

#[test]
fn goroutine_vs_thread_table() {
    let l = lesson();
    let tables = l.tables();
    assert_eq!(tables.len(), 1);
    let Block::Table { head, rows } = tables[0] else { unreachable!() };
    let head: Vec<String> = head.iter().map(|c| plain_text(c)).collect();
    assert_eq!(head, ["Aspect", "Goroutine", "Thread OS"]);
    assert_eq!(rows.len(), 5);
    assert!(rows.iter().all(|r| r.len() == 3));
    let text = |r: usize, c: usize| plain_text(&rows[r][c]);
    let expected = [
        ["Création", "Quelques microsecondes", "Plusieurs millisecondes"],
        ["Empilement mémoire", "Quelques Ko", "Plusieurs Mo"],
        ["Ordonnancement", "Ordonnanceur Go", "Ordonnanceur OS"],
        ["Communication", "Channels intégrés et synchronisation légère", "IPC ou mutex, plus lourds"],
        ["Scalabilité", "Très haute (des milliers/millions possibles)", "Moins élevé"],
    ];
    for (r, row) in expected.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            assert_eq!(text(r, c), *cell, "cell {r},{c}");
        }
    }
}

const DIAGRAM_SOURCE: &str = "flowchart TD
    A[main start] --> B[go fonction()]
    B --> C{Goroutine active ?}
    C -- Oui --> D[Exécution de la fonction]
    D --> E[Fin de la goroutine]
    E --> F[main attend ou continue son exécution]
    C -- Non --> F";

const DIAGRAM_QUOTED: &str = "flowchart TD
    A[\"main start\"] --> B[\"go fonction()\"]
    B --> C{\"Goroutine active ?\"}
    C -- Oui --> D[\"Exécution de la fonction\"]
    D --> E[\"Fin de la goroutine\"]
    E --> F[\"main attend ou continue son exécution\"]
    C -- Non --> F";

#[test]
fn mermaid_diagram_extracted_and_quoted() {
    let l = lesson();
    let (source, quoted) = l.diagram().expect("diagram");
    assert_eq!(source, DIAGRAM_SOURCE);
    assert_eq!(quoted, DIAGRAM_QUOTED);
    assert!(matches!(&l.sections[5].blocks[0], Block::Mermaid { .. }));
}

#[test]
fn mermaid_quoting_table() {
    let cases = [
        ("A[x] --> B", "A[\"x\"] --> B"),
        ("A[\"déjà\"] --> B{ok ?}", "A[\"déjà\"] --> B{\"ok ?\"}"),
        ("A[(base)] --> B{{hexa}}", "A[(base)] --> B{{hexa}}"),
        ("A[[sous]] --> B[/para/]", "A[[sous]] --> B[/para/]"),
        ("A -- [pas un nœud] --> B", "A -- [pas un nœud] --> B"),
        ("A[dit \"bonjour\"]", "A[\"dit #quot;bonjour#quot;\"]"),
        ("%% B[commentaire()]", "%% B[commentaire()]"),
        ("A[ouvert", "A[ouvert"),
        ("flowchart TD", "flowchart TD"),
    ];
    for (input, expected) in cases {
        assert_eq!(quote_mermaid_labels(input), expected, "quote({input:?})");
    }
}

#[test]
fn lifecycle_steps_map_to_nodes() {
    let table = [
        (LifecycleStep::MainStart, "A", false),
        (LifecycleStep::GoCall, "B", false),
        (LifecycleStep::Active, "C", false),
        (LifecycleStep::Running, "D", false),
        (LifecycleStep::End, "E", false),
        (LifecycleStep::MainWaits, "F", false),
        (LifecycleStep::Killed, "D", true),
    ];
    assert_eq!(LifecycleStep::ALL.len(), table.len());
    let (_, quoted) = lesson().diagram().map(|(s, q)| (s.to_string(), q.to_string())).unwrap();
    for (step, node, killed) in table {
        assert_eq!(step.node_id(), node);
        assert_eq!(step.is_killed(), killed);
        assert!(quoted.contains(&format!("{node}[")) || quoted.contains(&format!("{node}{{")));
        assert!(step.node_classes().split(' ').any(|c| c == "lit"));
    }
}

#[test]
fn five_source_links() {
    let links = lesson().links();
    let expected = [
        ("Effective Go – Concurrency", "https://go.dev/doc/effective_go#goroutines"),
        ("Go by Example – Goroutines", "https://gobyexample.com/goroutines"),
        ("Go by Example – WaitGroups", "https://gobyexample.com/waitgroups"),
        ("Go Blog – Goroutines", "https://blog.golang.org/goroutines"),
        ("Official Go Blog – Concurrency is not Parallelism", "https://blog.golang.org/concurrency-is-not-parallelism"),
    ];
    let got: Vec<(&str, &str)> = links.iter().map(|(t, h)| (t.as_str(), h.as_str())).collect();
    assert_eq!(got, expected);
}

fn kinds(src: &str) -> Vec<(GoTokenKind, &str)> {
    // Leaks are fine in tests: keeps the table readable.
    let toks = highlight_go(src);
    toks.into_iter().map(|t| (t.kind, &*Box::leak(t.text.into_boxed_str()))).collect()
}

#[test]
fn go_highlighter_table() {
    use GoTokenKind::*;
    let cases: Vec<(&str, Vec<(GoTokenKind, &str)>)> = vec![
        ("go fonction()", vec![(Keyword, "go"), (Plain, " "), (Function, "fonction"), (Plain, "()")]),
        ("package main", vec![(Keyword, "package"), (Plain, " main")]),
        ("fmt.Println(msg)", vec![(Plain, "fmt."), (Function, "Println"), (Plain, "(msg)")]),
        ("// Attendre un peu\nx", vec![(Comment, "// Attendre un peu"), (Plain, "\nx")]),
        ("\"Goroutine %d démarre\\n\"", vec![(String, "\"Goroutine %d démarre\\n\"")]),
        (
            "time.Sleep(200 * time.Millisecond)",
            vec![(Plain, "time."), (Function, "Sleep"), (Plain, "("), (Number, "200"), (Plain, " * time.Millisecond)")],
        ),
        (
            "func travaille(id int, wg *sync.WaitGroup) {",
            vec![
                (Keyword, "func"),
                (Plain, " "),
                (Function, "travaille"),
                (Plain, "(id "),
                (Type, "int"),
                (Plain, ", wg *sync."),
                (Type, "WaitGroup"),
                (Plain, ") {"),
            ],
        ),
        ("var wg sync.WaitGroup", vec![(Keyword, "var"), (Plain, " wg sync."), (Type, "WaitGroup")]),
        (
            "for i := 0; i < 3; i++ {",
            vec![
                (Keyword, "for"),
                (Plain, " i := "),
                (Number, "0"),
                (Plain, "; i < "),
                (Number, "3"),
                (Plain, "; i++ {"),
            ],
        ),
        ("x := 1.5e-3 + 0x1F", vec![(Plain, "x := "), (Number, "1.5e-3"), (Plain, " + "), (Number, "0x1F")]),
        ("s := `brut`", vec![(Plain, "s := "), (String, "`brut`")]),
        ("r := 'a'", vec![(Plain, "r := "), (String, "'a'")]),
        ("/* bloc */ nil", vec![(Comment, "/* bloc */"), (Plain, " "), (Builtin, "nil")]),
        ("defer wg.Done()", vec![(Keyword, "defer"), (Plain, " wg."), (Function, "Done"), (Plain, "()")]),
        ("msg string", vec![(Plain, "msg "), (Type, "string")]),
    ];
    for (src, expected) in cases {
        assert_eq!(kinds(src), expected, "highlight_go({src:?})");
    }
}

#[test]
fn highlighter_round_trips_the_programs() {
    let l = lesson();
    for program in l.go_programs().into_iter().chain(l.go_snippets()) {
        let tokens = highlight_go(program);
        let joined: String = tokens.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(joined, program);
        assert!(tokens.iter().any(|t| t.kind == GoTokenKind::Keyword && t.text == "go"));
    }
    // Class names used by the stylesheet.
    assert_eq!(GoTokenKind::Keyword.class(), "tok-kw");
    assert_eq!(GoTokenKind::Plain.class(), "");
}

#[test]
fn parses_other_markdown_shapes() {
    let md = "# 1-Cours\n\nintro\n\n## A\n\n1. un\n2. *deux* [lien](https://x.y)\n\n---\n\nmilieu\n\n## A\n\n```\nplain\n```\n";
    let l = goroutines_notebook::lesson::parse_lesson(md);
    assert_eq!(l.breadcrumb, ["Cours"]);
    assert_eq!(l.sections.len(), 2);
    assert_eq!(l.sections[1].id, "a-2");
    let Block::List { ordered: true, items } = &l.sections[0].blocks[0] else { panic!() };
    assert_eq!(
        items[1],
        [
            Inline::Emphasis(vec![Inline::Text("deux".into())]),
            Inline::Text(" ".into()),
            Inline::Link { href: "https://x.y".into(), text: "lien".into() },
        ]
    );
    // A rule inside a section (not the last one) is kept.
    assert!(matches!(l.sections[0].blocks[1], Block::Rule));
    assert!(matches!(&l.sections[1].blocks[0], Block::Code { lang, program: None, .. } if lang.is_empty()));
}

#[test]
fn safe_href_table() {
    use goroutines_notebook::lesson::safe_href;
    let cases = [
        ("https://go.dev/doc/effective_go#goroutines", Some("https://go.dev/doc/effective_go#goroutines")),
        ("http://x.y", Some("http://x.y")),
        ("mailto:a@b.c", Some("mailto:a@b.c")),
        ("#bonnes-pratiques", Some("#bonnes-pratiques")),
        ("page.html?a=b:c", Some("page.html?a=b:c")),
        ("javascript:alert(1)", None),
        (" JavaScript:alert(1)", None),
        ("data:text/html,x", None),
    ];
    for (input, expected) in cases {
        assert_eq!(safe_href(input), expected, "safe_href({input:?})");
    }
    assert!(std::ptr::eq(goroutines_notebook::lesson::lesson(), goroutines_notebook::lesson::lesson()));
}

#[test]
fn the_model_built_at_compile_time_equals_a_fresh_parse() {
    let fresh = goroutines_notebook::lesson::parse_lesson(LESSON_MARKDOWN);
    assert_eq!(goroutines_notebook::lesson::lesson(), &fresh);
}

/// The editor highlights up to 64 KiB on each keystroke: hostile shapes that used to be
/// quadratic (a long number literal, a source full of `pkg.Name`) stay linear and exact.
#[test]
fn highlighting_hostile_sources_is_linear_and_exact() {
    let long_number = format!("x := 0x{}\n", "f".repeat(64 * 1024));
    let qualified = "var a sync.WaitGroup; b := c.D\n".repeat(2 * 1024);
    let spaced = format!("{}a.B\n", " ".repeat(1024)).repeat(60);
    for source in [long_number, qualified, spaced] {
        let started = std::time::Instant::now();
        let tokens = highlight_go(&source);
        assert!(started.elapsed() < std::time::Duration::from_secs(5), "{:?}", started.elapsed());
        assert_eq!(tokens.iter().map(|t| t.text.as_str()).collect::<String>(), source);
    }
    let tokens = highlight_go("var wg sync.WaitGroup");
    assert!(tokens.iter().any(|t| t.kind == GoTokenKind::Type && t.text == "WaitGroup"), "{tokens:?}");
}
