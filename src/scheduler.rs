//! Timed work in the daemon: releasing deferred mail when its contact window opens, reporting
//! overdue restriction reviews at start and daily, enforcing the retention periods (held mail
//! on every tick, the rest in a daily sweep: [`crate::retention`]), and sending the officers'
//! daily digest.
//!
//! The schedule lives in the store (`release_at` on each deferred record), so it survives
//! restarts: each tick looks for what is due by the injected clock.

use std::sync::Arc;
use std::time::Duration;

use time::OffsetDateTime;
use tokio::sync::watch;
use tracing::{error, info, warn};

use crate::clock::Clock;
use crate::config::Digest;
use crate::outbound::Outbound;
use crate::policy::uk_time;
use crate::release::Releaser;
use crate::retention::{self, Retention};
use crate::ruleset::LiveRules;
use crate::store::{HeldAction, HeldMessage, HeldState};

/// Where the last digest's time is kept in the store.
const DIGEST_META: &str = "digest.last_sent";

/// The daily digest's settings and how to send it.
pub struct DigestSettings {
    pub digest: Digest,
    pub from: String,
    pub hostname: String,
    pub config_path: Option<String>,
    /// Where the digest is injected (the replies relay).
    pub outbound: Outbound,
}

/// Who releases deferred mail, as recorded in headers and the audit trail.
pub const WINDOW_ACTOR: &str = "contactgate (contact window)";

/// Who retries recipients the downstream refused for a while.
pub const RETRY_ACTOR: &str = "contactgate (retry)";

pub struct Scheduler {
    pub releaser: Arc<Releaser>,
    pub rules: Arc<LiveRules>,
    pub clock: Arc<dyn Clock>,
    /// How often to look for due work.
    pub tick: Duration,
    /// How long each kind of personal data is kept.
    pub retention: Retention,
    pub stale_days: u64,
    pub digest: Option<DigestSettings>,
}

impl Scheduler {
    pub async fn run(self, mut shutdown: watch::Receiver<bool>) {
        let mut next_review_report = self.clock.now();
        loop {
            let now = self.clock.now();
            if now >= next_review_report {
                report_overdue_reviews(&self.rules, now);
                retention::sweep(&self.releaser.store, self.retention, now).await;
                next_review_report = now + time::Duration::days(1);
            }
            self.release_due(now).await;
            retention::purge_held(&self.releaser.store, self.retention, now).await;
            self.send_digest_if_due(now).await;
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
            let actor = match record.action {
                HeldAction::Retry => RETRY_ACTOR,
                _ => WINDOW_ACTOR,
            };
            // Refusals are recorded on the record and in the audit trail by the releaser.
            let _ = self.releaser.release(&record.id, actor, None, None).await;
        }
    }
}

impl Scheduler {
    async fn send_digest_if_due(&self, now: OffsetDateTime) {
        let Some(d) = &self.digest else {
            return;
        };
        let store = &self.releaser.store;
        let last = store.meta(DIGEST_META).ok().flatten().and_then(|t| {
            OffsetDateTime::parse(&t, &time::format_description::well_known::Rfc3339).ok()
        });
        let today = uk_time::to_london(now).date();
        let due_at = uk_time::from_london(time::PrimitiveDateTime::new(today, d.digest.at));
        if now < due_at || last.is_some_and(|l| l >= due_at) {
            return;
        }
        let held = match store.held() {
            Ok(h) => h,
            Err(e) => {
                error!(error = %e, "digest: cannot list held mail");
                return;
            }
        };
        let rules = self.rules.current();
        let message = crate::digest::build(&crate::digest::DigestInput {
            held: &held,
            rules: &rules.restrictions,
            since: last,
            stale_days: self.stale_days,
            retention: &self.retention,
            now,
            from: &d.from,
            to: &d.digest.to,
            hostname: &d.hostname,
            config_path: d.config_path.as_deref(),
        });
        match d
            .outbound
            .send(&d.from, std::slice::from_ref(&d.digest.to), b"", &message)
            .await
        {
            Ok(()) => {
                let stamp = now
                    .format(&time::format_description::well_known::Rfc3339)
                    .unwrap_or_default();
                let store = store.clone();
                let saved =
                    tokio::task::spawn_blocking(move || store.set_meta(DIGEST_META, &stamp)).await;
                if !matches!(saved, Ok(Ok(()))) {
                    error!("digest sent but its time was not saved; it may be sent again");
                }
                info!(to = %d.digest.to, "daily digest sent");
            }
            // The next tick tries again.
            Err(e) => warn!(error = %e.log_code(), "daily digest not sent"),
        }
    }
}

/// Still held, and either deferred with its window open or waiting to retry recipients the
/// downstream refused for a while; in both cases not in back-off after a failed attempt
/// (`next_attempt_at`, set by [`crate::release::settle`]).
fn is_due(r: &HeldMessage, now: OffsetDateTime) -> bool {
    if r.state != HeldState::Held || r.next_attempt_at.is_some_and(|at| at > now) {
        return false;
    }
    match r.action {
        HeldAction::Defer => r.release_at.is_some_and(|at| at <= now),
        HeldAction::Retry => true,
        HeldAction::Hold | HeldAction::File => false,
    }
}

/// Logs every restriction whose review date has passed.
pub fn report_overdue_reviews(rules: &LiveRules, now: OffsetDateTime) {
    let rules = rules.current();
    let today = crate::policy::uk_time::to_london(now).date();
    let mut overdue = 0;
    for c in rules.restrictions.customers() {
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
