//! Messages between the page and the engine, encoded as one string each.
//!
//! A string because `postMessage` copies it cheaply and no serialisation crate is needed.
//! Fields end with `;`; texts are length-prefixed (`5:hello`), so a program's output may hold
//! any character. Decoding a damaged message gives an error, never a panic.

use std::fmt::Write;

use crate::cell::hints::Hint;
use crate::cell::marks::{MarkKind, SourceMark};
use crate::cell::state::{ConsoleLine, RunBatch, RunEnd, RunSummary, Stream};
use crate::cell::timeline::{Activity, LaneChange, LaneEnd, LaneEvent, StateCounts};
use crate::runtime::BlockReason;
use crate::url_state::Speed;

/// The page asks.
#[derive(Clone, Debug, PartialEq)]
pub enum Request {
    /// Compile, preview and run `source` (standing still at its start if `paused`); replies
    /// carry `id`.
    Run {
        id: u64,
        source: String,
        speed: Speed,
        paused: bool,
    },
    /// Stop run `id` (nothing more is sent for it).
    Stop {
        id: u64,
    },
    /// « Pause » / « Reprendre » / « Pas à pas » for run `id`.
    Pause {
        id: u64,
    },
    Resume {
        id: u64,
    },
    Step {
        id: u64,
    },
    /// « Formater » `source`; the reply carries `id`.
    Format {
        id: u64,
        source: String,
    },
}

/// The engine answers.
#[derive(Clone, Debug, PartialEq)]
pub enum Reply {
    /// Loaded and listening: requests sent before this one were queued by the page.
    Ready,
    /// Run `id` compiled and was previewed (`expected_ms`: its duration when known), or did
    /// not compile (`marks`: the errors' places; its batch tells the rest).
    Started { id: u64, expected_ms: Option<f64>, marks: Vec<SourceMark> },
    /// Output of run `id` since the previous batch; the last batch carries the end.
    Batch { id: u64, batch: RunBatch },
    /// The formatted source, or its syntax errors.
    Formatted { id: u64, result: Result<String, Vec<SourceMark>> },
}

/// A message that does not decode: what was expected and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WireError {
    pub offset: usize,
    pub expected: &'static str,
}

impl Request {
    pub fn encode(&self) -> String {
        let mut w = Writer::default();
        match self {
            Request::Run { id, source, speed, paused } => {
                w.tag('R').u(*id).u(u64::from(*paused));
                match speed {
                    Speed::Factor(factor) => w.f(*factor),
                    Speed::Instant => w.tag('I'),
                };
                w.text(source);
            }
            Request::Stop { id } => {
                w.tag('S').u(*id);
            }
            Request::Pause { id } => {
                w.tag('Z').u(*id);
            }
            Request::Resume { id } => {
                w.tag('C').u(*id);
            }
            Request::Step { id } => {
                w.tag('T').u(*id);
            }
            Request::Format { id, source } => {
                w.tag('F').u(*id).text(source);
            }
        }
        w.out
    }

    pub fn decode(text: &str) -> Result<Request, WireError> {
        let mut r = Reader { text, pos: 0 };
        let request = match r.tag()? {
            'R' => {
                let id = r.u()?;
                let paused = r.u()? == 1;
                let speed = if r.peek_tag('I') { Speed::Instant } else { Speed::Factor(r.f()?) };
                Request::Run { id, speed, paused, source: r.text()?.to_owned() }
            }
            'S' => Request::Stop { id: r.u()? },
            'Z' => Request::Pause { id: r.u()? },
            'C' => Request::Resume { id: r.u()? },
            'T' => Request::Step { id: r.u()? },
            'F' => Request::Format { id: r.u()?, source: r.text()?.to_owned() },
            _ => return Err(r.error("a request tag")),
        };
        r.end()?;
        Ok(request)
    }
}

impl Reply {
    pub fn encode(&self) -> String {
        let mut w = Writer::default();
        match self {
            Reply::Ready => {
                w.tag('Y');
            }
            Reply::Started { id, expected_ms, marks } => {
                w.tag('P').u(*id).opt_f(*expected_ms);
                write_marks(&mut w, marks);
            }
            Reply::Formatted { id, result: Ok(source) } => {
                w.tag('O').u(*id).text(source);
            }
            Reply::Formatted { id, result: Err(marks) } => {
                w.tag('X').u(*id);
                write_marks(&mut w, marks);
            }
            Reply::Batch { id, batch } => {
                w.tag('B').u(*id);
                write_batch(&mut w, batch);
            }
        }
        w.out
    }

    pub fn decode(text: &str) -> Result<Reply, WireError> {
        let mut r = Reader { text, pos: 0 };
        let reply = match r.tag()? {
            'Y' => Reply::Ready,
            'P' => Reply::Started { id: r.u()?, expected_ms: r.opt_f()?, marks: read_marks(&mut r)? },
            'O' => Reply::Formatted { id: r.u()?, result: Ok(r.text()?.to_owned()) },
            'X' => Reply::Formatted { id: r.u()?, result: Err(read_marks(&mut r)?) },
            'B' => Reply::Batch { id: r.u()?, batch: read_batch(&mut r)? },
            _ => return Err(r.error("a reply tag")),
        };
        r.end()?;
        Ok(reply)
    }
}

fn write_marks(w: &mut Writer, marks: &[SourceMark]) {
    w.u(marks.len() as u64);
    for mark in marks {
        let kind = match mark.kind {
            MarkKind::CompileError => 'E',
            MarkKind::Panic => 'P',
        };
        w.u(u64::from(mark.line)).u(u64::from(mark.column)).tag(kind).u(hint_code(mark.hint));
        w.text(&mark.message);
    }
}

fn read_marks(r: &mut Reader) -> Result<Vec<SourceMark>, WireError> {
    let mut marks = Vec::new();
    for _ in 0..r.count()? {
        let line = r.u32()?;
        let column = r.u32()?;
        let kind = match r.tag()? {
            'E' => MarkKind::CompileError,
            'P' => MarkKind::Panic,
            _ => return Err(r.error("a mark kind")),
        };
        let hint = hint(r)?;
        marks.push(SourceMark { line, column, kind, hint, message: r.text()?.to_owned() });
    }
    Ok(marks)
}

fn write_batch(w: &mut Writer, batch: &RunBatch) {
    w.u(batch.lines.len() as u64);
    for line in &batch.lines {
        w.f(line.at_ms).u(line.gid).u(matches!(line.stream, Stream::Stderr) as u64).text(&line.text);
    }
    w.u(batch.lanes.len() as u64);
    for lane in &batch.lanes {
        w.u(lane.gid).f(lane.at_ms);
        match lane.change {
            LaneChange::Start => w.u(0),
            LaneChange::Print => w.u(1),
            LaneChange::Becomes(activity) => w.u(2).u(activity_code(activity)),
            LaneChange::End(LaneEnd::Done) => w.u(3),
            LaneChange::End(LaneEnd::Killed { was }) => w.u(4).u(activity_code(was)),
        };
    }
    w.u(batch.counts.len() as u64);
    for (at_ms, c) in &batch.counts {
        w.f(*at_ms).u(c.running).u(c.sleeping).u(c.blocked).u(c.done).u(c.killed);
    }
    let s = &batch.summary;
    w.f(s.elapsed_ms).u(s.started).u(s.finished).u(s.killed).u(s.leaked).u(s.lines_printed).u(s.lines_lost);
    w.f(batch.now_ms);
    w.u(batch.lines_dropped);
    w.u(batch.labels.len() as u64);
    for (gid, label) in &batch.labels {
        w.u(*gid).text(label);
    }
    w.u(hint_code(batch.hint));
    match &batch.fault {
        None => w.tag('n'),
        Some(mark) => w.tag('f').u(u64::from(mark.line)).u(hint_code(mark.hint)).text(&mark.message),
    };
    match batch.end {
        None => w.tag('n'),
        Some(RunEnd::Stopped) => w.tag('s'),
        Some(RunEnd::Exited { status }) => w.tag('x').i(i64::from(status)),
    };
}

fn read_batch(r: &mut Reader) -> Result<RunBatch, WireError> {
    let mut batch = RunBatch::default();
    for _ in 0..r.count()? {
        let at_ms = r.f()?;
        let gid = r.u()?;
        let stream = if r.u()? == 1 { Stream::Stderr } else { Stream::Stdout };
        batch.lines.push(ConsoleLine { at_ms, gid, stream, text: r.text()?.to_owned() });
    }
    for _ in 0..r.count()? {
        let gid = r.u()?;
        let at_ms = r.f()?;
        let change = match r.u()? {
            0 => LaneChange::Start,
            1 => LaneChange::Print,
            2 => LaneChange::Becomes(activity(r)?),
            3 => LaneChange::End(LaneEnd::Done),
            4 => LaneChange::End(LaneEnd::Killed { was: activity(r)? }),
            _ => return Err(r.error("a lane change code")),
        };
        batch.lanes.push(LaneEvent { gid, at_ms, change });
    }
    for _ in 0..r.count()? {
        let at_ms = r.f()?;
        let counts = StateCounts { running: r.u()?, sleeping: r.u()?, blocked: r.u()?, done: r.u()?, killed: r.u()? };
        batch.counts.push((at_ms, counts));
    }
    batch.summary = RunSummary {
        elapsed_ms: r.f()?,
        started: r.u()?,
        finished: r.u()?,
        killed: r.u()?,
        leaked: r.u()?,
        lines_printed: r.u()?,
        lines_lost: r.u()?,
    };
    batch.now_ms = r.f()?;
    batch.lines_dropped = r.u()?;
    for _ in 0..r.count()? {
        let gid = r.u()?;
        batch.labels.push((gid, r.text()?.to_owned()));
    }
    batch.hint = hint(r)?;
    batch.fault = match r.tag()? {
        'n' => None,
        'f' => {
            let line = r.u32()?;
            let hint = hint(r)?;
            Some(SourceMark { line, column: 0, kind: MarkKind::Panic, hint, message: r.text()?.to_owned() })
        }
        _ => return Err(r.error("a fault tag")),
    };
    batch.end = match r.tag()? {
        'n' => None,
        's' => Some(RunEnd::Stopped),
        'x' => Some(RunEnd::Exited { status: i32::try_from(r.i()?).map_err(|_| r.error("a status"))? }),
        _ => return Err(r.error("an end tag")),
    };
    Ok(batch)
}

/// 0 for none, else 1 + the hint's place in [`Hint::ALL`].
fn hint_code(hint: Option<Hint>) -> u64 {
    hint.and_then(|hint| Hint::ALL.iter().position(|h| *h == hint)).map_or(0, |index| index as u64 + 1)
}

fn hint(r: &mut Reader) -> Result<Option<Hint>, WireError> {
    match r.u()? {
        0 => Ok(None),
        code => usize::try_from(code - 1)
            .ok()
            .and_then(|index| Hint::ALL.get(index))
            .map(|hint| Some(*hint))
            .ok_or_else(|| r.error("a hint")),
    }
}

fn activity_code(activity: Activity) -> u64 {
    match activity {
        Activity::Running => 0,
        Activity::Sleeping => 1,
        Activity::Blocked(reason) => 2 + BlockReason::ALL.iter().position(|r| *r == reason).unwrap_or(0) as u64,
    }
}

fn activity(r: &mut Reader) -> Result<Activity, WireError> {
    Ok(match r.u()? {
        0 => Activity::Running,
        1 => Activity::Sleeping,
        code => Activity::Blocked(
            *usize::try_from(code - 2)
                .ok()
                .and_then(|index| BlockReason::ALL.get(index))
                .ok_or_else(|| r.error("a block reason"))?,
        ),
    })
}

#[derive(Default)]
struct Writer {
    out: String,
}

impl Writer {
    fn tag(&mut self, tag: char) -> &mut Self {
        self.out.push(tag);
        self.out.push(';');
        self
    }

    fn u(&mut self, value: u64) -> &mut Self {
        let _ = write!(self.out, "{value};");
        self
    }

    fn i(&mut self, value: i64) -> &mut Self {
        let _ = write!(self.out, "{value};");
        self
    }

    /// Rust prints the shortest text that parses back to the same `f64`.
    fn f(&mut self, value: f64) -> &mut Self {
        let _ = write!(self.out, "{value};");
        self
    }

    fn opt_f(&mut self, value: Option<f64>) -> &mut Self {
        match value {
            Some(value) => self.f(value),
            None => self.tag('-'),
        }
    }

    fn text(&mut self, text: &str) -> &mut Self {
        let _ = write!(self.out, "{}:", text.len());
        self.out.push_str(text);
        self
    }
}

struct Reader<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Reader<'a> {
    fn error(&self, expected: &'static str) -> WireError {
        WireError { offset: self.pos, expected }
    }

    fn field(&mut self, expected: &'static str) -> Result<&'a str, WireError> {
        let rest = self.text.get(self.pos..).ok_or_else(|| self.error(expected))?;
        let end = rest.find(';').ok_or_else(|| self.error(expected))?;
        self.pos += end + 1;
        Ok(&rest[..end])
    }

    fn tag(&mut self) -> Result<char, WireError> {
        let field = self.field("a tag")?;
        let mut chars = field.chars();
        match (chars.next(), chars.next()) {
            (Some(tag), None) => Ok(tag),
            _ => Err(self.error("a one-letter tag")),
        }
    }

    /// Consumes `tag` if it comes next.
    fn peek_tag(&mut self, tag: char) -> bool {
        let mut expected = [0u8; 8];
        let field = format!("{};", tag.encode_utf8(&mut expected));
        let found = self.text.get(self.pos..).is_some_and(|rest| rest.starts_with(&field));
        if found {
            self.pos += field.len();
        }
        found
    }

    fn u(&mut self) -> Result<u64, WireError> {
        self.field("a count")?.parse().map_err(|_| self.error("a whole number"))
    }

    /// A count of items that follow, bounded by what is left, so a damaged count cannot make
    /// the reader reserve or loop far beyond the message.
    fn count(&mut self) -> Result<u64, WireError> {
        let count = self.u()?;
        if count > self.text.len() as u64 {
            return Err(self.error("a count within the message"));
        }
        Ok(count)
    }

    fn u32(&mut self) -> Result<u32, WireError> {
        u32::try_from(self.u()?).map_err(|_| self.error("a 32-bit number"))
    }

    fn i(&mut self) -> Result<i64, WireError> {
        self.field("an integer")?.parse().map_err(|_| self.error("an integer"))
    }

    fn f(&mut self) -> Result<f64, WireError> {
        self.field("a number")?.parse().map_err(|_| self.error("a number"))
    }

    fn opt_f(&mut self) -> Result<Option<f64>, WireError> {
        if self.peek_tag('-') {
            Ok(None)
        } else {
            self.f().map(Some)
        }
    }

    fn text(&mut self) -> Result<&'a str, WireError> {
        let rest = self.text.get(self.pos..).ok_or_else(|| self.error("a text"))?;
        let colon = rest.find(':').ok_or_else(|| self.error("a text length"))?;
        let len: usize = rest[..colon].parse().map_err(|_| self.error("a text length"))?;
        let start = self.pos + colon + 1;
        let text = self.text.get(start..start.saturating_add(len)).ok_or_else(|| self.error("a whole text"))?;
        self.pos = start + len;
        Ok(text)
    }

    fn end(&self) -> Result<(), WireError> {
        if self.pos == self.text.len() {
            Ok(())
        } else {
            Err(self.error("the end of the message"))
        }
    }
}
