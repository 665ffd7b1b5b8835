//! Typed, bounded parameters: what a share link or a slider may set, clamped into bounds with a
//! notice instead of an error.

use super::ScenarioId;

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

pub(super) const fn p(
    name: &'static str,
    label_fr: &'static str,
    unit: &'static str,
    default: u64,
    min: u64,
    max: u64,
) -> ParamSpec {
    ParamSpec { name, label_fr, unit, default, min, max, max_from: None }
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
