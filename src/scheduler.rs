//! Timed work in the daemon: releasing deferred mail when its contact window opens, and
//! reporting overdue restriction reviews at start and daily.
//!
//! The schedule lives in the store (`release_at` on each deferred record), so it survives
//! restarts: each tick looks for what is due by the injected clock.

use std::sync::Arc;
use std::time::Duration;

use time::OffsetDateTime;
use tokio::sync::watch;
use tracing::{error, info, warn};

use crate::clock::Clock;
use crate::release::Releaser;
use crate::rules::LiveRules;
use crate::store::{HeldAction, HeldMessage, HeldState};

/// Who releases deferred mail, as recorded in headers and the audit trail.
pub const WINDOW_ACTOR: &str = "contactgate (contact window)";

pub struct Scheduler {
    pub releaser: Arc<Releaser>,
    pub rules: Arc<LiveRules>,
    pub clock: Arc<dyn Clock>,
    /// How often to look for due work.
    pub tick: Duration,
}

impl Scheduler {
    pub async fn run(self, mut shutdown: watch::Receiver<bool>) {
        let mut next_review_report = self.clock.now();
        loop {
            let now = self.clock.now();
            if now >= next_review_report {
                report_overdue_reviews(&self.rules, now);
                next_review_report = now + time::Duration::days(1);
            }
            self.release_due(now).await;
            tokio::select! {
                _ = tokio::time::sleep(self.tick) => {}
                _ = shutdown.changed() => return,
            }
        }
    }

    async fn release_due(&self, now: OffsetDateTime) {
        let held = match self.releaser.store.held() {
            Ok(h) => h,
            Err(e) => {
                error!(error = %e, "cannot list held mail for deferred releases");
                return;
            }
        };
        for record in held.into_iter().filter(|r| is_due(r, now)) {
            // Errors are recorded on the record and in the audit trail by the releaser.
            let _ = self
                .releaser
                .release(&record.id, WINDOW_ACTOR, None, None)
                .await;
        }
    }
}

/// Deferred, still held, its time has come, and not in back-off after a failed attempt
/// (one minute, doubling per failure, at most an hour).
fn is_due(r: &HeldMessage, now: OffsetDateTime) -> bool {
    let Some(at) = r.release_at else {
        return false;
    };
    if r.action != HeldAction::Defer || r.state != HeldState::Held || at > now {
        return false;
    }
    let failures = r.release_errors.len() as u32;
    if failures == 0 {
        return true;
    }
    let backoff = time::Duration::minutes(1i64 << failures.min(6)).min(time::Duration::hours(1));
    let last = r
        .release_errors
        .last()
        .and_then(|e| e.split(": ").next())
        .and_then(|t| {
            OffsetDateTime::parse(t, &time::format_description::well_known::Rfc3339).ok()
        });
    last.is_none_or(|last| now >= last + backoff)
}

/// Logs every restriction whose review date has passed.
pub fn report_overdue_reviews(rules: &LiveRules, now: OffsetDateTime) {
    let rules = rules.current();
    let today = crate::policy::uk_time::to_london(now).date();
    let mut overdue = 0;
    for c in rules.customers() {
        for r in &c.restrictions {
            if today > r.review_on {
                overdue += 1;
                warn!(
                    customer = %c.id, kind = r.kind.name(), review_on = %r.review_on,
                    location = %r.location, "restriction review is overdue"
                );
            }
        }
    }
    info!(overdue, "restriction reviews checked");
}
