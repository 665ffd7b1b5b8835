//! The presets: each one is declared once here, with its link name, French title and blurb,
//! typed and bounded parameters, and the Go template in `templates/` that runs.
//!
//! Share links carry the names, so renaming one breaks every link ever shared. Adding a preset
//! is one entry below plus its template; `tests/scenarios_catalog.rs` checks that every entry
//! renders, compiles and uses each parameter.

use super::params::{p, ParamSpec};

/// Declares [`ScenarioId`] and every per-preset fact from one list.
macro_rules! presets {
    ($(
        $id:ident {
            name: $name:literal,
            title: $title:literal,
            blurb: $blurb:literal,
            template: $template:literal,
            params: $params:expr $(,)?
        }
    )+) => {
        /// One runnable preset. The URL name is [`ScenarioId::name`].
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum ScenarioId {
            $($id),+
        }

        impl ScenarioId {
            pub const ALL: [ScenarioId; [$($name),+].len()] = [$(ScenarioId::$id),+];

            /// The name used in share links (`?scenario=...`).
            pub fn name(self) -> &'static str {
                match self { $(ScenarioId::$id => $name),+ }
            }

            /// Short French title for the scenario selector.
            pub fn title_fr(self) -> &'static str {
                match self { $(ScenarioId::$id => $title),+ }
            }

            /// One-line French explanation shown beside the selector.
            pub fn explanation_fr(self) -> &'static str {
                match self { $(ScenarioId::$id => $blurb),+ }
            }

            /// The scenario's parameters, in display order.
            pub fn params(self) -> &'static [ParamSpec] {
                match self { $(ScenarioId::$id => const { &$params }),+ }
            }

            /// The Go template (see [`super::template`]) whose rendering is the program.
            pub fn template(self) -> &'static str {
                match self { $(ScenarioId::$id => include_str!(concat!("templates/", $template))),+ }
            }
        }
    };
}

/// `simple` and `premature` run the same program; only main's wait differs.
const fn simple_params(main_wait_ms: u64) -> [ParamSpec; 4] {
    [
        p("goroutines", "Goroutines lancées", "", 2, 1, 10_000),
        p("iterations", "Messages par goroutine", "", 3, 1, 100),
        p("pause_ms", "Pause entre deux messages", "ms", 200, 0, 10_000),
        p("main_wait_ms", "Attente de main", "ms", main_wait_ms, 0, 60_000),
    ]
}

presets! {
    Simple {
        name: "simple",
        title: "Exemple simple",
        blurb: "Le premier programme de la leçon : deux goroutines affichent leurs messages pendant que main attend.",
        template: "simple.go.tmpl",
        params: simple_params(1000),
    }
    Premature {
        name: "premature",
        title: "main termine trop tôt",
        blurb: "main attend moins longtemps que ses goroutines : elles sont interrompues et leurs messages perdus.",
        template: "simple.go.tmpl",
        params: simple_params(300),
    }
    Waitgroup {
        name: "waitgroup",
        title: "sync.WaitGroup",
        blurb: "Le second programme de la leçon : main attend la fin effective des travailleurs avec un WaitGroup.",
        template: "waitgroup.go.tmpl",
        params: [
            p("workers", "Travailleurs", "", 3, 1, 100_000),
            p("work_ms", "Durée du travail", "ms", 1000, 0, 60_000),
        ],
    }
    ForgottenDone {
        name: "forgotten-done",
        title: "Done oublié",
        blurb: "Un travailleur n’appelle jamais Done : wg.Wait attend pour toujours, Go détecte l’interblocage.",
        template: "forgotten-done.go.tmpl",
        params: [
            p("workers", "Travailleurs", "", 3, 1, 1000),
            p("work_ms", "Durée du travail", "ms", 500, 0, 60_000),
            ParamSpec { max_from: Some("workers"), ..p("forgetful", "Travailleur qui oublie Done", "n°", 2, 1, 1000) },
        ],
    }
    WgByValue {
        name: "wg-by-value",
        title: "WaitGroup passé par valeur",
        blurb: "Le WaitGroup est copié (go vet : copylocks) : les Done touchent la copie, main reste bloqué.",
        template: "wg-by-value.go.tmpl",
        params: [
            p("workers", "Travailleurs", "", 3, 1, 1000),
            p("work_ms", "Durée du travail", "ms", 500, 0, 60_000),
        ],
    }
    NegativeCounter {
        name: "negative-counter",
        title: "Compteur négatif",
        blurb: "Un Done de trop fait passer le compteur sous zéro : panic.",
        template: "negative-counter.go.tmpl",
        params: [
            p("workers", "Travailleurs", "", 2, 1, 1000),
            p("work_ms", "Durée du travail", "ms", 300, 0, 60_000),
        ],
    }
    Channel {
        name: "channel",
        title: "Synchroniser par channel",
        blurb: "Chaque travailleur signale sa fin sur un channel au lieu d’un WaitGroup.",
        template: "channel.go.tmpl",
        params: [
            p("workers", "Travailleurs", "", 3, 1, 100_000),
            p("work_ms", "Durée du travail", "ms", 500, 0, 60_000),
            p("buffer", "Capacité du channel", "", 0, 0, 1000),
        ],
    }
    Pool {
        name: "pool",
        title: "Pool de travailleurs",
        blurb: "Un nombre borné de travailleurs se partage une file de tâches.",
        template: "pool.go.tmpl",
        params: [
            p("jobs", "Tâches", "", 20, 1, 100_000),
            p("workers", "Travailleurs du pool", "", 4, 1, 1000),
            p("job_ms", "Durée d’une tâche", "ms", 300, 0, 60_000),
        ],
    }
    Leak {
        name: "leak",
        title: "Fuite de goroutines",
        blurb: "Des goroutines restent bloquées sur un channel que personne n’alimente : une fuite, signalée à la sortie.",
        template: "leak.go.tmpl",
        params: [
            p("leaks", "Goroutines bloquées", "", 2, 1, 10_000),
            p("main_wait_ms", "Attente de main", "ms", 500, 0, 60_000),
        ],
    }
    Many {
        name: "many",
        title: "Des milliers de goroutines",
        blurb: "Des milliers de goroutines à la fois : elles ne coûtent presque rien.",
        template: "many.go.tmpl",
        params: [
            p("goroutines", "Goroutines lancées", "", 10_000, 1, 1_000_000),
            p("pause_ms", "Pause de chaque goroutine", "ms", 100, 0, 10_000),
        ],
    }
}

impl ScenarioId {
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|id| id.name() == name)
    }
}
