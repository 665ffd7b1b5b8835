//! Share links: a cell's scenario, parameters and speed as a query string, and back.
//!
//! Format: `?scenario=premature&main_wait_ms=300&speed=2&cell=1&run=1`. Parameter names are the
//! runtime's ([`crate::scenarios::ParamSpec::name`]). Parsing never fails: unknown or malformed
//! input is dropped or clamped, and each change becomes a [`LinkNotice`] the page shows as text.
//!
//! A cell whose code the reader edited links as `?scenario=NAME&code=…&speed=S`: the source,
//! raw DEFLATE then base64url ([`encode_code`]), at most [`MAX_CODE_BYTES`].

use crate::codec::{base64url, deflate, inflate};
use crate::scenarios::{ClampNotice, Params, ScenarioId};

/// Playback speed of a run. `Instant` runs in virtual time.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Speed {
    Factor(f64),
    Instant,
}

impl Speed {
    /// The choices offered in the speed control, slowest first.
    pub const CHOICES: [Speed; 7] = [
        Speed::Factor(0.25),
        Speed::Factor(0.5),
        Speed::Factor(1.0),
        Speed::Factor(2.0),
        Speed::Factor(5.0),
        Speed::Factor(10.0),
        Speed::Instant,
    ];

    /// The value used in links: `0.25`, `1`, `10`, `instant`.
    pub fn as_query(self) -> String {
        match self {
            Speed::Factor(factor) => format!("{factor}"),
            Speed::Instant => "instant".to_owned(),
        }
    }

    /// The French label shown in the speed control.
    pub fn label_fr(self) -> String {
        match self {
            Speed::Factor(factor) => format!("{}×", format!("{factor}").replace('.', ",")),
            Speed::Instant => "instantané".to_owned(),
        }
    }

    pub fn from_query(text: &str) -> Option<Speed> {
        Self::CHOICES.into_iter().find(|speed| speed.as_query() == text.trim())
    }
}

impl Default for Speed {
    fn default() -> Self {
        Speed::Factor(1.0)
    }
}

/// Which of the lesson's two cells a link opens: 1 under the first program, 2 under the second.
pub type CellIndex = u8;

/// Everything a share link restores.
#[derive(Clone, Debug, PartialEq)]
pub struct CellLink {
    pub cell: CellIndex,
    pub params: Params,
    pub speed: Speed,
    pub run: bool,
    /// The reader's own code, when it is not the preset's: carried compressed (`code=`).
    pub code: Option<String>,
}

/// The most source a link carries, as the Go Playground caps shared snippets.
pub const MAX_CODE_BYTES: usize = 64 * 1024;

/// `source` as a link's `code=` value: raw DEFLATE, then base64url. `None` beyond
/// [`MAX_CODE_BYTES`].
pub fn encode_code(source: &str) -> Option<String> {
    (source.len() <= MAX_CODE_BYTES).then(|| base64url::encode(&deflate::compress(source.as_bytes())))
}

/// The source in a `code=` value, or why not.
pub fn decode_code(value: &str) -> Result<String, CodeProblem> {
    let bytes = base64url::decode(value).ok_or(CodeProblem::Damaged)?;
    let source = inflate::inflate(&bytes, MAX_CODE_BYTES).map_err(|error| match error {
        inflate::InflateError::TooLarge => CodeProblem::TooLong,
        inflate::InflateError::Truncated | inflate::InflateError::Malformed => CodeProblem::Damaged,
    })?;
    String::from_utf8(source).map_err(|_| CodeProblem::Damaged)
}

/// Why a link's code could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeProblem {
    /// Truncated, or not what this page writes.
    Damaged,
    /// More than [`MAX_CODE_BYTES`] once decompressed.
    TooLong,
}

/// Something in a link that was ignored or changed, for a visible notice.
#[derive(Clone, Debug, PartialEq)]
pub enum LinkNotice {
    UnknownScenario(String),
    Clamped(ClampNotice),
    BadSpeed(String),
    UnknownParam(String),
    /// The link's `code=` could not be read: the preset's code is shown instead.
    BadCode(CodeProblem),
}

impl LinkNotice {
    pub fn message_fr(&self) -> String {
        match self {
            LinkNotice::UnknownScenario(name) => {
                format!("Scénario inconnu « {name} » : le lien a été ignoré, voici la leçon.")
            }
            LinkNotice::Clamped(clamp) => clamp.message_fr(),
            LinkNotice::BadSpeed(text) => format!("Vitesse « {text} » inconnue : vitesse 1× utilisée."),
            LinkNotice::UnknownParam(name) => format!("Paramètre « {name} » inconnu pour ce scénario : ignoré."),
            LinkNotice::BadCode(CodeProblem::Damaged) => {
                "Le code de ce lien est illisible (lien tronqué ou abîmé) : voici le code de la leçon.".to_owned()
            }
            LinkNotice::BadCode(CodeProblem::TooLong) => {
                format!("Le code de ce lien dépasse {} Kio : voici le code de la leçon.", MAX_CODE_BYTES / 1024)
            }
        }
    }
}

/// The result of reading a query string: a cell to restore (if the link names a known
/// scenario) and the notices to show.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ParsedLink {
    pub cell: Option<CellLink>,
    pub notices: Vec<LinkNotice>,
}

/// The cell a scenario opens in when the link does not say: the WaitGroup family goes under
/// the lesson's second program.
pub fn default_cell(scenario: ScenarioId) -> CellIndex {
    match scenario {
        ScenarioId::Simple | ScenarioId::Premature | ScenarioId::Leak | ScenarioId::Many => 1,
        _ => 2,
    }
}

/// Longest text echoed back in a notice, so a hostile link cannot flood the page.
const MAX_ECHO: usize = 40;

/// Reads `query` (with or without the leading `?`). Never panics.
pub fn parse_query(query: &str) -> ParsedLink {
    let pairs: Vec<(String, String)> = query
        .trim_start_matches('?')
        .split('&')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let (key, value) = part.split_once('=').unwrap_or((part, ""));
            (percent_decode(key), percent_decode(value))
        })
        .collect();
    let mut notices = Vec::new();
    let has_code = pairs.iter().any(|(key, _)| key == "code");
    let name = match pairs.iter().find(|(key, _)| key == "scenario").map(|(_, value)| value.as_str()) {
        Some(name) => name,
        // Code alone opens under the program its cell shows.
        None if has_code => match pairs.iter().find(|(key, _)| key == "cell").map(|(_, value)| value.as_str()) {
            Some("2") => ScenarioId::Waitgroup.name(),
            _ => ScenarioId::Simple.name(),
        },
        None => return ParsedLink::default(),
    };
    let Some(scenario) = ScenarioId::from_name(name) else {
        notices.push(LinkNotice::UnknownScenario(echo(name)));
        return ParsedLink { cell: None, notices };
    };
    let mut link = CellLink {
        cell: default_cell(scenario),
        params: Params::defaults(scenario),
        speed: Speed::default(),
        run: false,
        code: None,
    };
    // Dependent bounds (forgetful ≤ workers) need their reference set first.
    let mut param_pairs: Vec<&(String, String)> = Vec::new();
    for pair in &pairs {
        let (key, value) = pair;
        match key.as_str() {
            "scenario" => {}
            "speed" => match Speed::from_query(value) {
                Some(speed) => link.speed = speed,
                None => notices.push(LinkNotice::BadSpeed(echo(value))),
            },
            "run" => link.run = value == "1" || value == "true",
            "code" => match decode_code(value) {
                Ok(source) => link.code = Some(source),
                Err(problem) => notices.push(LinkNotice::BadCode(problem)),
            },
            "cell" => {
                if let Some(spec) = value.parse().ok().and_then(crate::lesson::cells::cell) {
                    link.cell = spec.id;
                }
            }
            _ if scenario.params().iter().any(|spec| spec.name == key) => param_pairs.push(pair),
            _ => notices.push(LinkNotice::UnknownParam(echo(key))),
        }
    }
    param_pairs
        .sort_by_key(|(key, _)| scenario.params().iter().any(|spec| spec.max_from.is_some() && spec.name == key));
    for (key, value) in param_pairs {
        if let Some(notice) = link.params.set_text(key, value) {
            notices.push(LinkNotice::Clamped(ClampNotice { given: echo(&notice.given), ..notice }));
        }
    }
    ParsedLink { cell: Some(link), notices }
}

/// The query string (without `?`) for a cell. Parameters at their default are left out to
/// keep links short; `cell` is written only when it differs from the scenario's usual cell.
/// A link with the reader's own code carries it instead of the parameters (it is what runs),
/// unless it is longer than [`MAX_CODE_BYTES`].
pub fn to_query(link: &CellLink) -> String {
    let scenario = link.params.scenario();
    let mut parts = vec![format!("scenario={}", scenario.name())];
    match link.code.as_deref().and_then(encode_code) {
        Some(code) => parts.push(format!("code={code}")),
        None => {
            for (spec, value) in link.params.iter() {
                if value != spec.default {
                    parts.push(format!("{}={value}", spec.name));
                }
            }
        }
    }
    if link.speed != Speed::default() {
        parts.push(format!("speed={}", link.speed.as_query()));
    }
    if link.cell != default_cell(scenario) {
        parts.push(format!("cell={}", link.cell));
    }
    if link.run {
        parts.push("run=1".to_owned());
    }
    parts.join("&")
}

fn echo(text: &str) -> String {
    let mut shown: String = text.chars().filter(|c| !c.is_control()).take(MAX_ECHO).collect();
    if text.chars().count() > MAX_ECHO {
        shown.push('…');
    }
    shown
}

/// Decodes `%XX` escapes and `+`; invalid escapes stay as typed, invalid UTF-8 is replaced.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => match (bytes.get(i + 1).and_then(|&b| hex(b)), bytes.get(i + 2).and_then(|&b| hex(b))) {
                (Some(high), Some(low)) => {
                    out.push(high * 16 + low);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(byte: u8) -> Option<u8> {
    (byte as char).to_digit(16).map(|digit| digit as u8)
}
