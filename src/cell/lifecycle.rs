//! Where the followed goroutine stands in the lesson's lifecycle diagram.

use super::state::{Phase, RunView};
use super::timeline::{Activity, LaneEnd};
use crate::lesson::LifecycleStep;

/// The goroutine the diagram follows by default: the first one `main` starts.
pub const FOLLOWED_GID: u64 = 2;

/// The diagram node for goroutine `gid` at the run's current instant; `None` before any run.
pub fn lifecycle_step(run: &RunView, gid: u64) -> Option<LifecycleStep> {
    if run.phase == Phase::Idle {
        return None;
    }
    let Some(lane) = run.timeline.lane(gid) else {
        return Some(LifecycleStep::MainStart);
    };
    if let Some((at_ms, end)) = &lane.end {
        return Some(match end {
            LaneEnd::Killed { .. } => LifecycleStep::Killed,
            // main goes on (or waits) once the goroutine is over.
            LaneEnd::Done if run.now_ms > *at_ms || matches!(run.phase, Phase::Ended(_)) => LifecycleStep::MainWaits,
            LaneEnd::Done => LifecycleStep::End,
        });
    }
    let first = lane.segments.first();
    Some(match (lane.segments.len(), first) {
        (1, Some(segment)) if segment.activity == Activity::Running && segment.start_ms >= run.now_ms => {
            LifecycleStep::GoCall
        }
        (1, Some(segment)) if segment.activity == Activity::Running => LifecycleStep::Active,
        _ => LifecycleStep::Running,
    })
}
