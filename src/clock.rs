//! The daemon's notion of "now", injectable so tests can move time (deferred releases, reviews,
//! retention) without waiting for it, and the one conversion of a configured count of days
//! into a duration. A leaf: it imports nothing of ours.

use std::sync::Mutex;

use time::OffsetDateTime;

pub trait Clock: Send + Sync + 'static {
    fn now(&self) -> OffsetDateTime;
}

/// The real time.
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> OffsetDateTime {
        OffsetDateTime::now_utc()
    }
}

/// A clock that only moves when told to.
pub struct ManualClock(Mutex<OffsetDateTime>);

impl ManualClock {
    pub fn new(start: OffsetDateTime) -> ManualClock {
        ManualClock(Mutex::new(start))
    }

    pub fn set(&self, to: OffsetDateTime) {
        *self.0.lock().unwrap_or_else(|p| p.into_inner()) = to;
    }

    pub fn advance(&self, by: time::Duration) {
        let mut t = self.0.lock().unwrap_or_else(|p| p.into_inner());
        *t += by;
    }
}

impl Clock for ManualClock {
    fn now(&self) -> OffsetDateTime {
        *self.0.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// A count of days as a duration. Saturates instead of overflowing: validated counts are at most
/// [`crate::config::MAX_DAYS`], but a duration must never be the thing that panics the daemon.
pub fn days(count: u64) -> time::Duration {
    let seconds = i64::try_from(count)
        .unwrap_or(i64::MAX)
        .saturating_mul(86_400);
    time::Duration::seconds(seconds)
}

/// A time of day written `HH:MM` (or `H:MM`), as the rules' windows and the digest's `at` are.
pub fn hh_mm(s: &str) -> Option<time::Time> {
    let (h, m) = s.trim().split_once(':')?;
    if h.is_empty() || h.len() > 2 || m.len() != 2 {
        return None;
    }
    time::Time::from_hms(h.parse().ok()?, m.parse().ok()?, 0).ok()
}
