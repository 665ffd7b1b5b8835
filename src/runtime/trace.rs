//! Plain-data trace of a run: events, printed lines, live counters and sampled counts.
//!
//! The UI reads everything incrementally through cursors (`events_since`, `lines_since`,
//! `samples_since` on [`super::Runtime`]) so a frame only copies what is new.
//! [`TraceLevel::Counts`] keeps counters, lines and samples but no per-goroutine events: a run of
//! 10^6 goroutines would otherwise store about four million events.

use std::time::Duration;

/// Goroutine id. Main is 1, like in Go; the others count up in spawn order.
pub type Gid = u32;

/// How much a run records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum TraceLevel {
    /// Every event (spawn, sleep, block, print, ...). For small runs and the timeline.
    #[default]
    Full,
    /// Counters, printed lines and per-instant samples only. For huge runs and the benchmark.
    Counts,
}

/// Where a goroutine was started: its function (an interpreter's id, named through
/// [`super::Runtime::set_site_namer`]) and the line of the `go` statement. Eight bytes, kept
/// only in a full trace's events, so it costs a parked goroutine nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SpawnSite {
    pub func: u32,
    pub line: u32,
}

/// What a blocked goroutine waits for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BlockReason {
    WaitGroup,
    ChanSend,
    ChanRecv,
    Mutex,
    Select,
    /// `select {}`: blocks forever.
    SelectNoCases,
    /// A future that does not come from this runtime (it cannot be traced further).
    External,
    /// `rw.Lock()` waiting for readers to leave (a writer waiting for another writer waits on
    /// the RWMutex's inner mutex: [`BlockReason::Mutex`], as in Go).
    RWMutexLock,
    /// `rw.RLock()` waiting for a writer.
    RWMutexRLock,
    /// Send on a nil channel: blocks forever.
    ChanSendNil,
    /// Receive from a nil channel: blocks forever.
    ChanRecvNil,
}

impl BlockReason {
    /// Every reason, for codes that cross a message boundary (see `crate::engine`).
    pub const ALL: [BlockReason; 11] = [
        BlockReason::WaitGroup,
        BlockReason::ChanSend,
        BlockReason::ChanRecv,
        BlockReason::Mutex,
        BlockReason::Select,
        BlockReason::SelectNoCases,
        BlockReason::External,
        BlockReason::RWMutexLock,
        BlockReason::RWMutexRLock,
        BlockReason::ChanSendNil,
        BlockReason::ChanRecvNil,
    ];

    /// The wait reason Go 1.27 prints in a goroutine header (`goroutine 7 [chan receive]:`,
    /// `goroutine 1 [sync.WaitGroup.Wait]:`).
    pub fn go_label(self) -> &'static str {
        match self {
            BlockReason::WaitGroup => "sync.WaitGroup.Wait",
            BlockReason::Mutex => "sync.Mutex.Lock",
            BlockReason::RWMutexLock => "sync.RWMutex.Lock",
            BlockReason::RWMutexRLock => "sync.RWMutex.RLock",
            BlockReason::ChanSend => "chan send",
            BlockReason::ChanRecv => "chan receive",
            BlockReason::ChanSendNil => "chan send (nil chan)",
            BlockReason::ChanRecvNil => "chan receive (nil chan)",
            BlockReason::Select => "select",
            BlockReason::SelectNoCases => "select (no cases)",
            BlockReason::External => "IO wait",
        }
    }

    /// Short French label for the UI.
    pub fn label_fr(self) -> &'static str {
        match self {
            BlockReason::WaitGroup => "WaitGroup.Wait",
            BlockReason::ChanSend => "envoi sur channel",
            BlockReason::ChanRecv => "réception sur channel",
            BlockReason::ChanSendNil => "envoi sur channel nil",
            BlockReason::ChanRecvNil => "réception sur channel nil",
            BlockReason::Mutex => "Mutex.Lock",
            BlockReason::RWMutexLock => "RWMutex.Lock",
            BlockReason::RWMutexRLock => "RWMutex.RLock",
            BlockReason::Select => "select",
            BlockReason::SelectNoCases => "select vide",
            BlockReason::External => "attente externe",
        }
    }
}

/// Where a goroutine was when the program ended without it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Cut {
    /// Ready to run but never got the chance (or was running: the goroutine that panicked).
    Runnable,
    Sleeping,
    Blocked(BlockReason),
}

/// Lifecycle state of one goroutine, for the lit lifecycle diagram.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GState {
    Runnable,
    Running,
    Sleeping,
    Blocked(BlockReason),
    Done,
    Killed(Cut),
}

/// Output stream of a printed line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Stream {
    Stdout,
    Stderr,
}

/// One printed line. Fatal and panic messages are `Stderr` lines of the goroutine that caused them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub gid: Gid,
    pub at: Duration,
    pub stream: Stream,
    pub text: String,
}

/// How a run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExitKind {
    /// `main` returned (status 0) or called `os.Exit`.
    MainReturned,
    Panic,
    /// `fatal error: all goroutines are asleep - deadlock!`
    Deadlock,
    /// Another `fatal error:` (unlock of an unlocked mutex).
    Fatal,
    /// Stopped from outside (the page's stop button); not a Go outcome.
    Stopped,
    /// The source did not compile: `go build`'s errors on stderr, status 1, nothing ran.
    BuildFailed,
}

/// The end of a run: its kind and the process exit status Go would give (-1 when stopped).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Exit {
    pub kind: ExitKind,
    pub status: i32,
    pub at: Duration,
}

/// What happened, in plain data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EventKind {
    /// `site` says where the program started it, when an interpreter said.
    Spawn {
        parent: Option<Gid>,
        site: Option<SpawnSite>,
    },
    Print {
        stream: Stream,
        text: String,
    },
    SleepStart {
        until: Duration,
    },
    SleepEnd,
    Block(BlockReason),
    Unblock,
    Done,
    Killed(Cut),
    Panic(String),
    Exit(Exit),
}

/// An event with its goroutine, virtual time and real time (milliseconds from the driver clock).
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    pub gid: Gid,
    pub at: Duration,
    pub real_ms: f64,
    pub kind: EventKind,
}

/// Live counts of goroutines per state, plus printed lines.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counters {
    pub started: u64,
    pub runnable: u64,
    pub running: u64,
    pub sleeping: u64,
    pub blocked: u64,
    pub done: u64,
    pub killed: u64,
    /// Lines printed on stdout by the program (runtime messages on stderr excluded).
    pub lines_printed: u64,
}

impl Counters {
    pub(crate) fn slot(&mut self, state: GState) -> &mut u64 {
        match state {
            GState::Runnable => &mut self.runnable,
            GState::Running => &mut self.running,
            GState::Sleeping => &mut self.sleeping,
            GState::Blocked(_) => &mut self.blocked,
            GState::Done => &mut self.done,
            GState::Killed(_) => &mut self.killed,
        }
    }
}

/// Counters at the end of one virtual instant, for the aggregated timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sample {
    pub at: Duration,
    pub counters: Counters,
}

/// End-of-run figures for the summary panel.
///
/// `lines_lost` is `expected - lines_printed` where the expectation is the program's
/// ([`super::Program::expected_lines`]): the stdout lines a [`super::preview`] counted when
/// every goroutine was let run on after main returned. It is `None` when nothing was expected
/// (no preview, or one that ran out of budget).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Summary {
    pub started: u64,
    pub finished: u64,
    pub killed: u64,
    /// Killed goroutines that were blocked (not sleeping, not runnable): they could never have
    /// finished, whatever main did.
    pub leaked: u64,
    pub lines_printed: u64,
    pub lines_lost: Option<u64>,
    pub elapsed: Duration,
    pub exit: Option<Exit>,
}

/// The recorded data of a run.
pub(crate) struct Trace {
    pub level: TraceLevel,
    pub events: Vec<Event>,
    pub lines: Vec<Line>,
    pub samples: Vec<Sample>,
    pub counters: Counters,
    pub leaked: u64,
    /// Events that happened, recorded or not (at level `Counts` none is kept): « Pas à pas »
    /// stops when it grows.
    pub events_seen: u64,
}

impl Trace {
    pub fn new(level: TraceLevel) -> Self {
        Trace {
            level,
            events: Vec::new(),
            lines: Vec::new(),
            samples: Vec::new(),
            counters: Counters::default(),
            leaked: 0,
            events_seen: 0,
        }
    }
}
