//! The `time` package on the run's virtual clock.

use std::rc::Rc;
use std::time::Duration;

use super::super::super::bytecode::Native;
use super::super::super::value::Value;
use super::super::fiber::{Fiber, Pending};
use super::super::{Res, Trap};

/// `time.Now()` at the start of a run, in Unix nanoseconds: the Go Playground's fixed clock,
/// 2009-11-10 23:00:00 UTC, so runs are reproducible.
pub(crate) const EPOCH_NANOS: i64 = 1_257_894_000_000_000_000;

/// Instructions charged to the CPU budget per timer firing (a ticker nobody reads must not
/// run forever for free).
const TIMER_COST: u64 = 1_000;

const SECOND: i64 = 1_000_000_000;
const MINUTE: i64 = 60 * SECOND;
const HOUR: i64 = 60 * MINUTE;

fn nanos(d: Duration) -> i64 {
    i64::try_from(d.as_nanos()).unwrap_or(i64::MAX)
}

/// `Duration.Round(m)` (time/time.go).
fn round(d: i64, m: i64) -> i64 {
    if m <= 0 {
        return d;
    }
    let less_than_half = |x: i64, y: i64| (x as u64).wrapping_add(x as u64) < y as u64;
    let mut r = d % m;
    if d < 0 {
        r = -r;
        if less_than_half(r, m) {
            return d + r;
        }
        return match d.checked_sub(m).map(|x| x + r) {
            Some(d1) if d1 < d => d1,
            _ => i64::MIN,
        };
    }
    if less_than_half(r, m) {
        return d - r;
    }
    match d.checked_add(m).map(|x| x - r) {
        Some(d1) if d1 > d => d1,
        _ => i64::MAX,
    }
}

/// `float64(d / unit) + float64(d % unit) / float64(unit)`, as Go computes `Seconds()` etc.
fn in_units(d: i64, unit: i64) -> f64 {
    (d / unit) as f64 + (d % unit) as f64 / unit as f64
}

impl Fiber {
    fn now_value(&self) -> i64 {
        EPOCH_NANOS.saturating_add(nanos(self.vm.rt.now()))
    }

    pub(super) fn native_time(&mut self, native: Native, args: &[Value]) -> Res {
        let a = super::arg(args, 0).as_int();
        let b = super::arg(args, 1).as_int();
        let v = match native {
            Native::TimeSleep => {
                if a <= 0 {
                    return Ok(());
                }
                let sleep = self.vm.rt.sleep(Duration::from_nanos(a as u64));
                return Err(self.block_on(Pending::Sleep(sleep)));
            }
            Native::TimeNow => Value::Int(self.now_value()),
            Native::TimeSince => Value::Int(self.now_value().wrapping_sub(a)),
            Native::TimeUntil => Value::Int(a.wrapping_sub(self.now_value())),
            Native::TimeSub => Value::Int(a.wrapping_sub(b)),
            Native::TimeBefore => Value::Bool(a < b),
            Native::TimeAfterTime => Value::Bool(a > b),
            Native::TimeEqual => Value::Bool(a == b),
            // Time values made by the run are never zero; only `var t time.Time` is.
            Native::TimeIsZero => Value::Bool(a == 0),
            Native::TimeAdd => Value::Int(a.wrapping_add(b)),
            Native::TimeAfter => self.timer_chan(a, false),
            Native::TimeNewTimer | Native::TimeNewTicker => {
                let ticker = native == Native::TimeNewTicker;
                if ticker && a <= 0 {
                    return Err(Trap::Panic(self.plain_panic_value("non-positive interval for NewTicker")));
                }
                self.new_timer(a, ticker)
            }
            Native::TimeAfterFunc => self.after_func(a, super::arg(args, 1)),
            Native::TimerStop | Native::TickerStop => {
                let was_armed = self.timer_state(&super::arg(args, 0), None)?;
                if native == Native::TickerStop {
                    return Ok(());
                }
                Value::Bool(was_armed)
            }
            Native::TimerReset | Native::TickerReset => {
                let timer = super::arg(args, 0);
                if native == Native::TickerReset && b <= 0 {
                    return Err(Trap::Panic(self.plain_panic_value("non-positive interval for Ticker.Reset")));
                }
                let was_armed = self.timer_state(&timer, Some((b, native == Native::TickerReset)))?;
                if native == Native::TickerReset {
                    return Ok(());
                }
                Value::Bool(was_armed)
            }
            Native::TimeTick => {
                if a <= 0 {
                    Value::Nil
                } else {
                    self.timer_chan(a, true)
                }
            }
            Native::DurationString => {
                let text = super::super::super::fmt::duration_string(a);
                Value::str(&text)
            }
            Native::DurationSeconds => Value::Float(in_units(a, SECOND)),
            Native::DurationMinutes => Value::Float(in_units(a, MINUTE)),
            Native::DurationHours => Value::Float(in_units(a, HOUR)),
            Native::DurationMilliseconds => Value::Int(a / 1_000_000),
            Native::DurationMicroseconds => Value::Int(a / 1_000),
            Native::DurationNanoseconds => Value::Int(a),
            Native::DurationRound => Value::Int(round(a, b)),
            Native::DurationTruncate => Value::Int(if b <= 0 { a } else { a - a % b }),
            _ => return Err(self.internal("unexpected time native")),
        };
        self.push(v);
        Ok(())
    }

    /// `time.After(d)` / `time.Tick(d)`: a channel of capacity 1 filled by a runtime timer
    /// (no goroutine); a tick that finds the channel full is dropped, as in Go.
    fn timer_chan(&mut self, d: i64, repeat: bool) -> Value {
        let ty = self.vm.program.well_known.time;
        let ch = self.new_chan(1, ty);
        let Value::Chan(c) = &ch else { return Value::Nil };
        let chan = c.chan.clone();
        let weak = Rc::downgrade(&self.vm);
        let period = Duration::from_nanos(d.max(0) as u64);
        self.vm.rt.after(
            period,
            Box::new(move |at| {
                let vm = weak.upgrade()?;
                if !vm.charge(TIMER_COST) {
                    return None;
                }
                let _ = chan.send_now(Value::Int(EPOCH_NANOS.saturating_add(nanos(at))));
                repeat.then_some(period)
            }),
        );
        ch
    }

    /// `time.NewTimer(d)` / `time.NewTicker(d)`: `&Timer{C, state}` armed for generation 1.
    fn new_timer(&mut self, d: i64, repeat: bool) -> Value {
        let ty = self.vm.program.well_known.time;
        let ch = self.new_chan(1, ty);
        let state = Rc::new(std::cell::RefCell::new(Value::Int(0)));
        let timer = Value::AggPtr(Rc::new(std::cell::RefCell::new(vec![ch, Value::Ref(state)])));
        let _ = self.timer_state(&timer, Some((d, repeat)));
        timer
    }

    /// `time.AfterFunc(d, f)`: `&Timer{C: nil, state, f}`; `f` rides as a hidden third
    /// element so that `Reset` can re-arm it.
    fn after_func(&mut self, d: i64, f: Value) -> Value {
        let state = Rc::new(std::cell::RefCell::new(Value::Int(0)));
        let timer = Value::AggPtr(Rc::new(std::cell::RefCell::new(vec![Value::Nil, Value::Ref(state), f])));
        let _ = self.timer_state(&timer, Some((d, false)));
        timer
    }

    /// Stops a timer (`reset: None`) or re-arms it with a new period and generation. Returns
    /// whether it was armed. A firing of an older generation finds the state changed and does
    /// nothing, so `Stop` and `Reset` never need to remove the runtime timer.
    fn timer_state(&mut self, timer: &Value, reset: Option<(i64, bool)>) -> Res<bool> {
        let fields = self.agg_box(timer)?;
        let (ch, state, func) = {
            let f = fields.borrow();
            let field = |i: usize| f.get(i).cloned().unwrap_or_default();
            (field(0), field(1), field(2))
        };
        let Value::Ref(state) = state else { return Err(self.internal("a timer without state")) };
        let old = state.borrow().as_int();
        let armed = old & 1 == 1;
        let Some((d, repeat)) = reset else {
            *state.borrow_mut() = Value::Int(old & !1);
            return Ok(armed);
        };
        let generation = (old >> 1) + 1;
        *state.borrow_mut() = Value::Int(generation << 1 | 1);
        let chan = match &ch {
            Value::Chan(c) => Some(c.chan.clone()),
            _ => None,
        };
        if chan.is_none() && !matches!(func, Value::Func(_)) {
            return Ok(armed);
        }
        let weak = Rc::downgrade(&self.vm);
        let period = Duration::from_nanos(d.max(0) as u64);
        self.vm.rt.after(
            period,
            Box::new(move |at| {
                let vm = weak.upgrade()?;
                if state.borrow().as_int() != (generation << 1 | 1) || !vm.charge(TIMER_COST) {
                    return None;
                }
                match &chan {
                    Some(chan) => {
                        let _ = chan.send_now(Value::Int(EPOCH_NANOS.saturating_add(nanos(at))));
                    }
                    None => super::super::fiber::spawn_detached(&vm, func.clone()),
                }
                if repeat {
                    Some(period)
                } else {
                    *state.borrow_mut() = Value::Int(generation << 1);
                    None
                }
            }),
        );
        Ok(armed)
    }
}
