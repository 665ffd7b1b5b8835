//! The scenario catalog: stable names, French explanations and bounded parameters.
//!
//! Share links carry these names, so renaming one breaks every link ever shared.

/// One runnable scenario. The URL name is [`ScenarioId::name`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ScenarioId {
    Simple,
    Premature,
    Waitgroup,
    ForgottenDone,
    WgByValue,
    NegativeCounter,
    Channel,
    Pool,
    Leak,
    Many,
}

/// A numeric parameter with its bounds. `max_from` names another parameter whose current
/// value is the upper bound (for example `forgetful ≤ workers`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParamSpec {
    pub name: &'static str,
    pub label_fr: &'static str,
    pub unit: &'static str,
    pub default: u64,
    pub min: u64,
    pub max: u64,
    pub max_from: Option<&'static str>,
}

const fn p(
    name: &'static str,
    label_fr: &'static str,
    unit: &'static str,
    default: u64,
    min: u64,
    max: u64,
) -> ParamSpec {
    ParamSpec { name, label_fr, unit, default, min, max, max_from: None }
}

const SIMPLE: [ParamSpec; 4] = [
    p("goroutines", "Goroutines lancées", "", 2, 1, 10_000),
    p("iterations", "Messages par goroutine", "", 3, 1, 100),
    p("pause_ms", "Pause entre deux messages", "ms", 200, 0, 10_000),
    p("main_wait_ms", "Attente de main", "ms", 1000, 0, 60_000),
];
const PREMATURE: [ParamSpec; 4] =
    [SIMPLE[0], SIMPLE[1], SIMPLE[2], p("main_wait_ms", "Attente de main", "ms", 300, 0, 60_000)];
const WAITGROUP: [ParamSpec; 2] =
    [p("workers", "Travailleurs", "", 3, 1, 100_000), p("work_ms", "Durée du travail", "ms", 1000, 0, 60_000)];
const FORGOTTEN_DONE: [ParamSpec; 3] = [
    p("workers", "Travailleurs", "", 3, 1, 1000),
    p("work_ms", "Durée du travail", "ms", 500, 0, 60_000),
    ParamSpec { max_from: Some("workers"), ..p("forgetful", "Travailleur qui oublie Done", "n°", 2, 1, 1000) },
];
const WG_BY_VALUE: [ParamSpec; 2] =
    [p("workers", "Travailleurs", "", 3, 1, 1000), p("work_ms", "Durée du travail", "ms", 500, 0, 60_000)];
const NEGATIVE_COUNTER: [ParamSpec; 2] =
    [p("workers", "Travailleurs", "", 2, 1, 1000), p("work_ms", "Durée du travail", "ms", 300, 0, 60_000)];
const CHANNEL: [ParamSpec; 3] = [
    p("workers", "Travailleurs", "", 3, 1, 100_000),
    p("work_ms", "Durée du travail", "ms", 500, 0, 60_000),
    p("buffer", "Capacité du channel", "", 0, 0, 1000),
];
const POOL: [ParamSpec; 3] = [
    p("jobs", "Tâches", "", 20, 1, 100_000),
    p("workers", "Travailleurs du pool", "", 4, 1, 1000),
    p("job_ms", "Durée d’une tâche", "ms", 300, 0, 60_000),
];
const LEAK: [ParamSpec; 2] =
    [p("leaks", "Goroutines bloquées", "", 2, 1, 10_000), p("main_wait_ms", "Attente de main", "ms", 500, 0, 60_000)];
const MANY: [ParamSpec; 2] = [
    p("goroutines", "Goroutines lancées", "", 10_000, 1, 1_000_000),
    p("pause_ms", "Pause de chaque goroutine", "ms", 100, 0, 10_000),
];

impl ScenarioId {
    pub const ALL: [ScenarioId; 10] = [
        ScenarioId::Simple,
        ScenarioId::Premature,
        ScenarioId::Waitgroup,
        ScenarioId::ForgottenDone,
        ScenarioId::WgByValue,
        ScenarioId::NegativeCounter,
        ScenarioId::Channel,
        ScenarioId::Pool,
        ScenarioId::Leak,
        ScenarioId::Many,
    ];

    /// The name used in share links (`?scenario=...`).
    pub fn name(self) -> &'static str {
        match self {
            ScenarioId::Simple => "simple",
            ScenarioId::Premature => "premature",
            ScenarioId::Waitgroup => "waitgroup",
            ScenarioId::ForgottenDone => "forgotten-done",
            ScenarioId::WgByValue => "wg-by-value",
            ScenarioId::NegativeCounter => "negative-counter",
            ScenarioId::Channel => "channel",
            ScenarioId::Pool => "pool",
            ScenarioId::Leak => "leak",
            ScenarioId::Many => "many",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|id| id.name() == name)
    }

    /// Short French title for the scenario selector.
    pub fn title_fr(self) -> &'static str {
        match self {
            ScenarioId::Simple => "Exemple simple",
            ScenarioId::Premature => "main termine trop tôt",
            ScenarioId::Waitgroup => "sync.WaitGroup",
            ScenarioId::ForgottenDone => "Done oublié",
            ScenarioId::WgByValue => "WaitGroup passé par valeur",
            ScenarioId::NegativeCounter => "Compteur négatif",
            ScenarioId::Channel => "Synchroniser par channel",
            ScenarioId::Pool => "Pool de travailleurs",
            ScenarioId::Leak => "Fuite de goroutines",
            ScenarioId::Many => "Des milliers de goroutines",
        }
    }

    /// One-line French explanation shown beside the selector.
    pub fn explanation_fr(self) -> &'static str {
        match self {
            ScenarioId::Simple => "Le premier programme de la leçon : deux goroutines affichent leurs messages pendant que main attend.",
            ScenarioId::Premature => "main attend moins longtemps que ses goroutines : elles sont interrompues et leurs messages perdus.",
            ScenarioId::Waitgroup => "Le second programme de la leçon : main attend la fin effective des travailleurs avec un WaitGroup.",
            ScenarioId::ForgottenDone => "Un travailleur n’appelle jamais Done : wg.Wait attend pour toujours, Go détecte l’interblocage.",
            ScenarioId::WgByValue => "Le WaitGroup est copié (go vet : copylocks) : les Done touchent la copie, main reste bloqué.",
            ScenarioId::NegativeCounter => "Un Done de trop fait passer le compteur sous zéro : panic.",
            ScenarioId::Channel => "Chaque travailleur signale sa fin sur un channel au lieu d’un WaitGroup.",
            ScenarioId::Pool => "Un nombre borné de travailleurs se partage une file de tâches.",
            ScenarioId::Leak => "Des goroutines restent bloquées sur un channel que personne n’alimente : une fuite, signalée à la sortie.",
            ScenarioId::Many => "Des milliers de goroutines à la fois : elles ne coûtent presque rien.",
        }
    }

    /// The scenario's parameters, in display order.
    pub fn params(self) -> &'static [ParamSpec] {
        match self {
            ScenarioId::Simple => &SIMPLE,
            ScenarioId::Premature => &PREMATURE,
            ScenarioId::Waitgroup => &WAITGROUP,
            ScenarioId::ForgottenDone => &FORGOTTEN_DONE,
            ScenarioId::WgByValue => &WG_BY_VALUE,
            ScenarioId::NegativeCounter => &NEGATIVE_COUNTER,
            ScenarioId::Channel => &CHANNEL,
            ScenarioId::Pool => &POOL,
            ScenarioId::Leak => &LEAK,
            ScenarioId::Many => &MANY,
        }
    }
}

/// Which bound a clamped value was brought back to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Clamp {
    ToMin(u64),
    ToMax(u64),
    /// Not a number: the default was used.
    Malformed {
        default: u64,
    },
}

/// A parameter value that was changed to fit its bounds; the UI shows it as a notice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClampNotice {
    pub param: &'static str,
    pub given: String,
    pub clamp: Clamp,
}

impl ClampNotice {
    /// French notice naming the bound, e.g. « workers : 0 est hors limites, ramené au minimum 1 ».
    pub fn message_fr(&self) -> String {
        match self.clamp {
            Clamp::ToMin(min) => format!("{} : {} est hors limites, ramené au minimum {}", self.param, self.given, min),
            Clamp::ToMax(max) => format!("{} : {} est hors limites, ramené au maximum {}", self.param, self.given, max),
            Clamp::Malformed { default } => {
                format!("{} : « {} » n’est pas un nombre entier, valeur par défaut {}", self.param, self.given, default)
            }
        }
    }
}

/// A scenario with one in-range value per parameter, in the order of [`ScenarioId::params`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Params {
    scenario: ScenarioId,
    values: Vec<u64>,
}

impl Params {
    pub fn defaults(scenario: ScenarioId) -> Self {
        Params { scenario, values: scenario.params().iter().map(|spec| spec.default).collect() }
    }

    pub fn scenario(&self) -> ScenarioId {
        self.scenario
    }

    /// The value of `name`, or 0 when the scenario has no such parameter.
    pub fn get(&self, name: &str) -> u64 {
        self.index_of(name).map_or(0, |i| self.values[i])
    }

    /// The specs paired with their current values, in display order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static ParamSpec, u64)> + '_ {
        self.scenario.params().iter().zip(self.values.iter().copied())
    }

    /// The effective upper bound of `spec`, which may depend on another parameter.
    pub fn max_of(&self, spec: &ParamSpec) -> u64 {
        spec.max_from.map_or(spec.max, |other| self.get(other).min(spec.max))
    }

    /// Sets `name` to `value`, clamped into its bounds. Returns a notice when clamped.
    /// Unknown names are ignored (None). Dependent bounds are re-applied afterwards.
    pub fn set(&mut self, name: &str, value: i128) -> Option<ClampNotice> {
        let index = self.index_of(name)?;
        let spec = &self.scenario.params()[index];
        let max = self.max_of(spec);
        let (clamped, clamp) = if value < spec.min as i128 {
            (spec.min, Some(Clamp::ToMin(spec.min)))
        } else if value > max as i128 {
            (max, Some(Clamp::ToMax(max)))
        } else {
            (value as u64, None)
        };
        self.values[index] = clamped;
        self.reapply_dependent_bounds();
        clamp.map(|clamp| ClampNotice { param: spec.name, given: value.to_string(), clamp })
    }

    /// Parses `text` as an integer and sets it; malformed text keeps the default with a notice.
    pub fn set_text(&mut self, name: &str, text: &str) -> Option<ClampNotice> {
        let index = self.index_of(name)?;
        match parse_integer(text) {
            Some(value) => self.set(name, value),
            None => {
                let spec = &self.scenario.params()[index];
                self.values[index] = spec.default;
                self.reapply_dependent_bounds();
                Some(ClampNotice {
                    param: spec.name,
                    given: text.chars().take(40).collect(),
                    clamp: Clamp::Malformed { default: self.values[index] },
                })
            }
        }
    }

    fn index_of(&self, name: &str) -> Option<usize> {
        self.scenario.params().iter().position(|spec| spec.name == name)
    }

    fn reapply_dependent_bounds(&mut self) {
        for (index, spec) in self.scenario.params().iter().enumerate() {
            if spec.max_from.is_some() {
                let max = self.max_of(spec);
                self.values[index] = self.values[index].clamp(spec.min, max.max(spec.min));
            }
        }
    }
}

/// Accepts an optional sign and ASCII digits; huge values saturate so they clamp to a bound.
fn parse_integer(text: &str) -> Option<i128> {
    let text = text.trim();
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let magnitude = digits.bytes().fold(0i128, |acc, b| acc.saturating_mul(10).saturating_add((b - b'0') as i128));
    Some(if negative { -magnitude } else { magnitude })
}
