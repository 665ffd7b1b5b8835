//! The Go source of each scenario for the current parameters, formatted as `gofmt` would
//! (tabs, gofmt spacing) and compilable with Go 1.19.
//!
//! The source is a list of [`Segment`]s; a segment that comes from a parameter names it, so the
//! page can mark the values that changed. At their defaults `simple` and `waitgroup` render the
//! lesson's two programs token for token (the lesson indents with spaces, gofmt with tabs).

use std::ops::Range;

use super::{Params, ScenarioId};

/// Up to this many goroutines, `simple` writes one `go afficheMessage(...)` line each, like the
/// lesson; beyond, a loop.
pub const UNROLL_MAX: u64 = 4;

/// A piece of source text, possibly produced by a parameter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    pub param: Option<&'static str>,
}

/// A rendered Go program.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GoSource {
    parts: Vec<Segment>,
}

impl GoSource {
    /// The whole source text.
    pub fn text(&self) -> String {
        self.parts.iter().map(|s| s.text.as_str()).collect()
    }

    /// The source as consecutive pieces; a piece from a parameter names it.
    pub fn parts(&self) -> &[Segment] {
        &self.parts
    }

    /// [`GoSource::parts`] as `(text, parameter)` pairs.
    pub fn segments(&self) -> Vec<(String, Option<&'static str>)> {
        self.parts.iter().map(|s| (s.text.clone(), s.param)).collect()
    }

    /// Byte ranges of [`GoSource::text`] that come from a parameter, with its name.
    pub fn param_spans(&self) -> Vec<(Range<usize>, &'static str)> {
        let mut offset = 0;
        let mut spans = Vec::new();
        for segment in &self.parts {
            let end = offset + segment.text.len();
            if let Some(param) = segment.param {
                spans.push((offset..end, param));
            }
            offset = end;
        }
        spans
    }

    fn t(&mut self, text: &str) -> &mut Self {
        match self.parts.last_mut() {
            Some(last) if last.param.is_none() => last.text.push_str(text),
            _ => self.parts.push(Segment { text: text.to_owned(), param: None }),
        }
        self
    }

    fn p(&mut self, param: &'static str, text: impl Into<String>) -> &mut Self {
        self.parts.push(Segment { text: text.into(), param: Some(param) });
        self
    }
}

/// How a whole number of seconds is written: the lesson writes `1 * time.Second` in main and
/// `time.Second` in `travaille`.
#[derive(Clone, Copy)]
enum Seconds {
    Explicit,
    Bare,
}

/// A Go duration expression for `ms` milliseconds.
fn duration(ms: u64, seconds: Seconds) -> String {
    match (ms, seconds) {
        (1000, Seconds::Bare) => "time.Second".to_owned(),
        (ms, _) if ms > 0 && ms % 1000 == 0 => format!("{} * time.Second", ms / 1000),
        (ms, _) => format!("{ms} * time.Millisecond"),
    }
}

const HEADER_FMT_TIME: &str = "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\n";
const HEADER_FMT_SYNC_TIME: &str = "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n\t\"time\"\n)\n\n";

/// The Go source of `params`' scenario.
pub fn go_source(params: &Params) -> GoSource {
    let mut s = GoSource::default();
    let p = |name: &str| params.get(name);
    match params.scenario() {
        ScenarioId::Simple | ScenarioId::Premature => {
            simple(&mut s, p("goroutines"), p("iterations"), p("pause_ms"), p("main_wait_ms"))
        }
        ScenarioId::Waitgroup => {
            s.t(HEADER_FMT_SYNC_TIME).t("func travaille(id int, wg *sync.WaitGroup) {\n\tdefer wg.Done()\n");
            worker_body(&mut s, p("work_ms"));
            s.t("}\n\n");
            wait_main(&mut s, p("workers"), "&wg", true);
        }
        ScenarioId::ForgottenDone => {
            s.t(HEADER_FMT_SYNC_TIME).t("func travaille(id int, wg *sync.WaitGroup) {\n\t// Le travailleur n°");
            s.p("forgetful", p("forgetful").to_string()).t(" oublie d’appeler wg.Done()\n\tif id != ");
            s.p("forgetful", p("forgetful").to_string()).t(" {\n\t\tdefer wg.Done()\n\t}\n");
            worker_body(&mut s, p("work_ms"));
            s.t("}\n\n");
            wait_main(&mut s, p("workers"), "&wg", false);
        }
        ScenarioId::WgByValue => {
            s.t(HEADER_FMT_SYNC_TIME);
            s.t("// wg est reçu par valeur : Done agit sur une copie, pas sur le wg de main.\n");
            s.t("func travaille(id int, wg sync.WaitGroup) {\n\tdefer wg.Done()\n");
            worker_body(&mut s, p("work_ms"));
            s.t("}\n\n");
            wait_main(&mut s, p("workers"), "wg", false);
        }
        ScenarioId::NegativeCounter => {
            s.t(HEADER_FMT_SYNC_TIME).t("const travailleurs = ");
            s.p("workers", p("workers").to_string());
            s.t("\n\nfunc travaille(id int, wg *sync.WaitGroup) {\n\tdefer wg.Done()\n\tfmt.Printf(\"Goroutine %d démarre\\n\", id)\n");
            s.t("\ttime.Sleep(time.Duration(id) * ").p("work_ms", duration(p("work_ms"), Seconds::Explicit)).t(")\n");
            s.t("\tfmt.Printf(\"Goroutine %d termine\\n\", id)\n\tif id == travailleurs {\n");
            s.t("\t\twg.Done() // Erreur : un Done de trop, en plus de celui du defer\n\t}\n}\n\n");
            s.t("func main() {\n\tvar wg sync.WaitGroup\n\n\tfor i := 1; i <= travailleurs; i++ {\n\t\twg.Add(1)\n\t\tgo travaille(i, &wg)\n\t}\n\n");
            s.t("\twg.Wait()\n\tfmt.Println(\"Tous les travaux sont terminés\")\n}\n");
        }
        ScenarioId::Channel => {
            s.t(HEADER_FMT_TIME).t("func travaille(id int, fini chan<- int) {\n");
            worker_body(&mut s, p("work_ms"));
            s.t("\tfini <- id\n}\n\nfunc main() {\n\tfini := ");
            // Unbuffered is written `make(chan int)`: the whole expression carries the parameter.
            match p("buffer") {
                0 => s.p("buffer", "make(chan int)"),
                n => s.p("buffer", format!("make(chan int, {n})")),
            };
            s.t("\n\n\tfor i := 1; i <= ")
                .p("workers", p("workers").to_string())
                .t("; i++ {\n\t\tgo travaille(i, fini)\n\t}\n\n");
            s.t("\tfor i := 1; i <= ").p("workers", p("workers").to_string()).t("; i++ {\n\t\tid := <-fini\n");
            s.t("\t\tfmt.Printf(\"Signal reçu de la goroutine %d\\n\", id)\n\t}\n");
            s.t("\tfmt.Println(\"Tous les travaux sont terminés\")\n}\n");
        }
        ScenarioId::Pool => {
            s.t(HEADER_FMT_SYNC_TIME)
                .t("func travailleur(taches <-chan int, wg *sync.WaitGroup) {\n\tdefer wg.Done()\n");
            s.t("\tfor t := range taches {\n\t\tfmt.Printf(\"Tâche %d commencée\\n\", t)\n\t\ttime.Sleep(");
            s.p("job_ms", duration(p("job_ms"), Seconds::Explicit))
                .t(")\n\t\tfmt.Printf(\"Tâche %d terminée\\n\", t)\n\t}\n}\n\n");
            s.t("func main() {\n\ttaches := make(chan int, ")
                .p("jobs", p("jobs").to_string())
                .t(")\n\tvar wg sync.WaitGroup\n\n");
            s.t("\tfor w := 1; w <= ").p("workers", p("workers").to_string());
            s.t("; w++ {\n\t\twg.Add(1)\n\t\tgo travailleur(taches, &wg)\n\t}\n\n");
            s.t("\tfor t := 1; t <= ")
                .p("jobs", p("jobs").to_string())
                .t("; t++ {\n\t\ttaches <- t\n\t}\n\tclose(taches)\n\n");
            s.t("\twg.Wait()\n\tfmt.Println(\"Les ")
                .p("jobs", p("jobs").to_string())
                .t(" tâches sont terminées\")\n}\n");
        }
        ScenarioId::Leak => {
            s.t(HEADER_FMT_TIME)
                .t("func attend(id int, ch <-chan int) {\n\tfmt.Printf(\"Goroutine %d attend une valeur\\n\", id)\n");
            s.t("\tv := <-ch // personne n’envoie jamais : bloquée pour toujours\n");
            s.t("\tfmt.Printf(\"Goroutine %d a reçu %d\\n\", id, v)\n}\n\nfunc main() {\n\tch := make(chan int)\n\n");
            s.t("\tfor i := 1; i <= ").p("leaks", p("leaks").to_string()).t("; i++ {\n\t\tgo attend(i, ch)\n\t}\n\n");
            s.t("\ttime.Sleep(").p("main_wait_ms", duration(p("main_wait_ms"), Seconds::Explicit)).t(")\n");
            s.t("\tfmt.Println(\"Programme principal terminé\")\n}\n");
        }
        ScenarioId::Many => {
            s.t(HEADER_FMT_SYNC_TIME).t("func main() {\n\tvar wg sync.WaitGroup\n\n\tfor i := 0; i < ");
            s.p("goroutines", p("goroutines").to_string())
                .t("; i++ {\n\t\twg.Add(1)\n\t\tgo func() {\n\t\t\tdefer wg.Done()\n");
            s.t("\t\t\ttime.Sleep(").p("pause_ms", duration(p("pause_ms"), Seconds::Explicit)).t(")\n\t\t}()\n\t}\n\n");
            s.t("\twg.Wait()\n\tfmt.Println(\"")
                .p("goroutines", p("goroutines").to_string())
                .t(" goroutines ont terminé\")\n}\n");
        }
    }
    s
}

fn simple(s: &mut GoSource, goroutines: u64, iterations: u64, pause_ms: u64, main_wait_ms: u64) {
    s.t(HEADER_FMT_TIME).t("func afficheMessage(msg string) {\n\tfor i := 0; i < ");
    s.p("iterations", iterations.to_string()).t("; i++ {\n\t\tfmt.Println(msg)\n\t\ttime.Sleep(");
    s.p("pause_ms", duration(pause_ms, Seconds::Explicit)).t(")\n\t}\n}\n\nfunc main() {\n");
    if goroutines <= UNROLL_MAX {
        let lines: String = (1..=goroutines).map(|n| format!("\tgo afficheMessage(\"Goroutine {n}\")\n")).collect();
        s.p("goroutines", lines);
    } else {
        s.t("\tfor n := 1; n <= ").p("goroutines", goroutines.to_string());
        s.t("; n++ {\n\t\tgo afficheMessage(fmt.Sprintf(\"Goroutine %d\", n))\n\t}\n");
    }
    s.t("\n\t// Attendre un peu pour que les goroutines s’exécutent\n\ttime.Sleep(");
    s.p("main_wait_ms", duration(main_wait_ms, Seconds::Explicit))
        .t(")\n\tfmt.Println(\"Programme principal terminé\")\n}\n");
}

/// The body shared by the `travaille` functions: announce, work, announce.
fn worker_body(s: &mut GoSource, work_ms: u64) {
    s.t("\tfmt.Printf(\"Goroutine %d démarre\\n\", id)\n\ttime.Sleep(");
    s.p("work_ms", duration(work_ms, Seconds::Bare)).t(")\n\tfmt.Printf(\"Goroutine %d termine\\n\", id)\n");
}

/// The lesson's `main` with a WaitGroup; `wg_arg` is `&wg` or `wg` (copy by value).
fn wait_main(s: &mut GoSource, workers: u64, wg_arg: &str, lesson_comment: bool) {
    s.t("func main() {\n\tvar wg sync.WaitGroup\n\n\tfor i := 1; i <= ").p("workers", workers.to_string());
    s.t(&format!("; i++ {{\n\t\twg.Add(1)\n\t\tgo travaille(i, {wg_arg})\n\t}}\n\n\twg.Wait()"));
    if lesson_comment {
        s.t(" // Attend que toutes les goroutines aient terminé");
    }
    s.t("\n\tfmt.Println(\"Tous les travaux sont terminés\")\n}\n");
}
