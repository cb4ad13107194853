//! Retention: how long each kind of personal data is kept, and the sweeps that enforce it.
//! `docs/retention.md` has the table: what is kept, why, for how long, and the config key.
//!
//! The rules and the periods are here; the deletions are the store's (`store/retention.rs`).
//! The scheduler, inside the daemon (only the daemon opens the store), runs [`purge_held`] on
//! every tick and [`sweep`] once a day, with the time of its injected clock.
//!
//! What it must not do: lose mail someone is waiting for. Mail being released, deferred mail
//! and mail the scheduler is retrying are never purged. Held and filed mail nobody acted on
//! goes only after its own period, which is longer than `stale_days`, so it was listed as
//! stale (in `held list` and in every digest, which also names the day it will go) first; the
//! period counts from its arrival or its last delivery attempt, whichever is later.
//!
//! Every deletion is audited: a message's purge with its id, a sweep with counts. Neither the
//! audit trail nor the log gets any of the content.

use time::OffsetDateTime;
use tracing::{error, info};

use crate::clock::days;
use crate::store::{
    AuditEntry, HeldAction, HeldMessage, HeldState, ReviewOutcome, SYSTEM_ACTOR, Store, StoreError,
};

/// How many days each kind of personal data is kept. Every count is from 1 to
/// [`crate::config::MAX_DAYS`]; the config checks them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retention {
    /// Released and discarded mail, from its release or discard (`retention_days`).
    pub closed_days: u64,
    /// Filed mail nobody acted on (`retention_filed_days`).
    pub filed_days: u64,
    /// Mail held for an officer that nobody acted on (`retention_held_days`).
    pub held_days: u64,
    /// Incidents, with their excerpts (`retention_incident_days`).
    pub incident_days: u64,
    /// The customer's words quoted in audit entries (`retention_audit_text_days`).
    pub audit_text_days: u64,
    /// Reply rate-limit keys, from the last reply (`retention_reply_rate_days`).
    pub reply_rate_days: u64,
    /// Bodies in `spool/orphaned/` (`retention_orphaned_days`).
    pub orphaned_days: u64,
    /// The correspondence history (`history_days`).
    pub history_days: u64,
    /// Audit entries, whole (`retention_audit_days`): at least as long as any record they
    /// explain is kept.
    pub audit_days: u64,
}

impl Default for Retention {
    /// The documented defaults (`docs/retention.md`, `config/contactgate.toml`).
    fn default() -> Self {
        Retention {
            closed_days: 90,
            filed_days: 365,
            held_days: 730,
            incident_days: 730,
            audit_text_days: 90,
            // The default reply interval: a key is needed for no longer than that.
            reply_rate_days: 7,
            orphaned_days: 30,
            history_days: 365,
            // Six years: the limitation period for most claims in England and Wales
            // (Limitation Act 1980, ss. 2 and 5), which councils' retention schedules commonly
            // use for complaint records.
            audit_days: 2190,
        }
    }
}

/// Which rule lets a held message go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeldRule {
    /// Released or discarded: an officer (or the contact window) acted on it.
    Closed,
    /// Filed under a restriction and never released.
    Filed,
    /// Held for an officer, who never released or discarded it.
    Held,
}

impl HeldRule {
    /// The configuration key of its period.
    pub fn key(self) -> &'static str {
        match self {
            HeldRule::Closed => "retention_days",
            HeldRule::Filed => "retention_filed_days",
            HeldRule::Held => "retention_held_days",
        }
    }

    fn days(self, r: &Retention) -> u64 {
        match self {
            HeldRule::Closed => r.closed_days,
            HeldRule::Filed => r.filed_days,
            HeldRule::Held => r.held_days,
        }
    }
}

/// When a held message may be purged, and under which rule; `None` for one that never is.
pub fn purge_at(r: &HeldMessage, retention: &Retention) -> Option<(OffsetDateTime, HeldRule)> {
    let (since, rule) = match (r.state, r.action) {
        (HeldState::Released | HeldState::Discarded, _) => (r.closed_at()?, HeldRule::Closed),
        // A release cut off by a crash: it may already be with its recipients, and an officer
        // meant it to go. It waits for an officer, never purged (review finding: it counted
        // from its arrival and could go on the next tick after the restart).
        (HeldState::Held, _) if r.release_interrupted => return None,
        // The customer was told a person would check an automatic filing: until an officer
        // confirms it, it is waiting for an officer like held mail. One found wrong waits for
        // its release.
        (HeldState::Held, HeldAction::File)
            if r.automated.is_some()
                && r.review
                    .as_ref()
                    .is_none_or(|v| v.outcome != ReviewOutcome::Confirmed) =>
        {
            (last_activity(r), HeldRule::Held)
        }
        (HeldState::Held, HeldAction::File) => (last_activity(r), HeldRule::Filed),
        (HeldState::Held, HeldAction::Hold) => (last_activity(r), HeldRule::Held),
        // Deferred and retrying mail is the scheduler's own work in progress (it becomes held
        // for an officer if that fails); mail being released may already be with its
        // recipients, and a restart puts it back to held.
        (HeldState::Held, HeldAction::Defer | HeldAction::Retry) | (HeldState::Releasing, _) => {
            return None;
        }
    };
    // A period that runs past the last representable date never ends.
    Some((since.checked_add(days(rule.days(retention)))?, rule))
}

/// When the message last had anything happen to it: its arrival, a delivery attempt (a
/// release the downstream refused counts: an officer acted on it), or an officer's review.
fn last_activity(r: &HeldMessage) -> OffsetDateTime {
    r.refusals
        .iter()
        .map(|f| f.at)
        .chain(r.review.as_ref().map(|v| v.at))
        .fold(r.received_at, OffsetDateTime::max)
}

/// Purges every held message whose retention period is over ([`purge_at`]), each with its own
/// audit entry (its id, the rule, never content). Returns how many went.
pub async fn purge_held(store: &Store, retention: Retention, now: OffsetDateTime) -> usize {
    let store = store.clone();
    let purged = tokio::task::spawn_blocking(move || {
        let held = store.held()?;
        let mut purged = 0;
        for r in held {
            let Some((at, rule)) = purge_at(&r, &retention).filter(|(at, _)| now >= *at) else {
                continue;
            };
            let entry = purge_entry(&r, rule, at, &retention, now);
            match store.purge(&r, entry) {
                Ok(true) => {
                    purged += 1;
                    info!(id = %r.id, rule = rule.key(), "purged after its retention period");
                }
                // Changed since it was read (an officer acted on it): judged again next tick.
                Ok(false) => {}
                Err(e) => error!(id = %r.id, error = %e, "purge failed"),
            }
        }
        Ok::<_, StoreError>(purged)
    })
    .await;
    match purged {
        Ok(Ok(n)) => n,
        Ok(Err(e)) => {
            error!(error = %e, "cannot list held mail for retention");
            0
        }
        Err(e) => {
            error!(
                error = crate::unwind::task_failure(&e),
                "retention purge task failed"
            );
            0
        }
    }
}

fn purge_entry(
    r: &HeldMessage,
    rule: HeldRule,
    at: OffsetDateTime,
    retention: &Retention,
    now: OffsetDateTime,
) -> AuditEntry {
    let mut entry = AuditEntry::new(SYSTEM_ACTOR, "purge", now);
    entry.message = Some(r.id.clone());
    entry.sender = Some(r.sender.clone());
    entry.customers = r.customers.clone();
    entry.action = Some(r.action.as_str().to_string());
    let since = (at - days(rule.days(retention)))
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default();
    let what = match rule {
        HeldRule::Closed => r.state.as_str(),
        HeldRule::Filed => "filed and not acted on",
        HeldRule::Held if r.action == HeldAction::File => {
            "filed automatically, not confirmed by an officer"
        }
        HeldRule::Held => "held for an officer and not acted on",
    };
    entry.details.push(format!(
        "{what} since {since}; {} = {} days",
        rule.key(),
        rule.days(retention)
    ));
    entry
}

/// What the daily sweep deletes, by kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Swept {
    Incidents,
    /// Not deleted: the customer's words quoted in audit entries are redacted.
    AuditText,
    ReplyRateKeys,
    OrphanedFiles,
    History,
    /// Contact-pattern counters, a week after a sender's last message (not configurable).
    ContactCounters,
    /// Whole audit entries (`retention_audit_days`).
    Audit,
}

impl Swept {
    const ALL: [Swept; 7] = [
        Swept::Incidents,
        Swept::AuditText,
        Swept::ReplyRateKeys,
        Swept::OrphanedFiles,
        Swept::History,
        Swept::ContactCounters,
        Swept::Audit,
    ];

    /// Its name in the audit entry's `action` and in the log.
    pub fn code(self) -> &'static str {
        match self {
            Swept::Incidents => "incidents",
            Swept::AuditText => "audit_text",
            Swept::ReplyRateKeys => "reply_rate_keys",
            Swept::OrphanedFiles => "orphaned_files",
            Swept::History => "history",
            Swept::ContactCounters => "contact_counters",
            Swept::Audit => "audit",
        }
    }

    /// Its period and the configuration key that sets it.
    fn period(self, r: &Retention) -> (u64, &'static str) {
        match self {
            Swept::Incidents => (r.incident_days, "retention_incident_days"),
            Swept::AuditText => (r.audit_text_days, "retention_audit_text_days"),
            Swept::ReplyRateKeys => (r.reply_rate_days, "retention_reply_rate_days"),
            Swept::OrphanedFiles => (r.orphaned_days, "retention_orphaned_days"),
            Swept::History => (r.history_days, "history_days"),
            Swept::ContactCounters => (7, "fixed"),
            Swept::Audit => (r.audit_days, "retention_audit_days"),
        }
    }

    fn run(self, store: &Store, r: &Retention, now: OffsetDateTime) -> Result<usize, StoreError> {
        let (period, _) = self.period(r);
        // Nothing is that old when the cutoff is before the first representable date.
        let Some(cutoff) = now.checked_sub(days(period)) else {
            return Ok(0);
        };
        match self {
            Swept::Incidents => store.expire_incidents(cutoff),
            Swept::AuditText => store.redact_audit_text(
                cutoff,
                now,
                &crate::policy::reason::legacy_text_quotes_customer,
            ),
            Swept::ReplyRateKeys => store.expire_reply_rates(cutoff),
            Swept::OrphanedFiles => store.purge_orphaned(cutoff),
            Swept::History => store.expire_history(now, period),
            Swept::ContactCounters => store.expire_contacts(|v| {
                crate::flags::monitor::Counters::decode(v).is_none_or(|c| c.expired(now))
            }),
            Swept::Audit => store.expire_audit(cutoff),
        }
    }

    fn entry(self, count: usize, r: &Retention, now: OffsetDateTime) -> AuditEntry {
        let (period, key) = self.period(r);
        let what = match self {
            Swept::Incidents => "incidents deleted",
            Swept::AuditText => "audit entries had the customer's quoted words redacted",
            Swept::ReplyRateKeys => "reply rate-limit keys deleted",
            Swept::OrphanedFiles => "orphaned message files deleted",
            Swept::History => "correspondence history records deleted",
            Swept::ContactCounters => "senders' contact-pattern counters deleted",
            Swept::Audit => "audit entries deleted",
        };
        let mut e = AuditEntry::new(SYSTEM_ACTOR, "retention", now);
        e.action = Some(self.code().to_string());
        e.details
            .push(format!("{count} {what}: past {period} days ({key})"));
        e
    }
}

/// The daily sweep: deletes (or, for audit text, redacts) what is past its period, then
/// records one audit entry per kind that had anything to delete, with the count. Returns the
/// counts; a kind whose deletion failed is logged and left out (the next day tries again).
pub async fn sweep(
    store: &Store,
    retention: Retention,
    now: OffsetDateTime,
) -> Vec<(Swept, usize)> {
    let worker = store.clone();
    let results = tokio::task::spawn_blocking(move || {
        Swept::ALL.map(|kind| (kind, kind.run(&worker, &retention, now)))
    })
    .await;
    let results = match results {
        Ok(r) => r,
        Err(e) => {
            error!(
                error = crate::unwind::task_failure(&e),
                "retention sweep task failed"
            );
            return Vec::new();
        }
    };
    let mut counts = Vec::new();
    for (kind, result) in results {
        match result {
            Ok(n) => counts.push((kind, n)),
            Err(e) => error!(kind = kind.code(), error = %e, "retention sweep failed"),
        }
    }
    let audit: Vec<AuditEntry> = counts
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(kind, n)| kind.entry(*n, &retention, now))
        .collect();
    for (kind, n) in counts.iter().filter(|(_, n)| *n > 0) {
        info!(kind = kind.code(), count = n, "retention sweep");
    }
    if !audit.is_empty()
        && let Err(e) = store.record(audit, Vec::new()).await
    {
        error!(error = %e, "could not audit the retention sweep");
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Refusal;
    use crate::store::tests::{incident, record, write_file_at};
    use time::Duration;

    /// When the test records arrive.
    fn t0() -> OffsetDateTime {
        record("X").received_at
    }

    fn with(id: &str, action: HeldAction, state: HeldState) -> HeldMessage {
        let mut r = record(id);
        r.action = action;
        r.state = state;
        if state == HeldState::Discarded {
            r.discarded_at = Some(r.received_at);
        }
        r
    }

    #[test]
    fn each_kind_of_held_mail_has_its_rule() {
        let keep = Retention::default();
        let at = |r: &HeldMessage| purge_at(r, &keep);
        let d = |n| t0() + Duration::days(n);
        use HeldAction::*;
        use HeldState::*;
        assert_eq!(
            at(&with("A", Hold, Discarded)),
            Some((d(90), HeldRule::Closed))
        );
        assert_eq!(at(&with("A", File, Held)), Some((d(365), HeldRule::Filed)));
        assert_eq!(at(&with("A", Hold, Held)), Some((d(730), HeldRule::Held)));
        let mut interrupted = with("A", Hold, Held);
        interrupted.release_interrupted = true;
        let mut interrupted_filing = with("A", File, Held);
        interrupted_filing.release_interrupted = true;
        for never in [
            interrupted,
            interrupted_filing,
            with("A", Defer, Held),
            with("A", Retry, Held),
            with("A", Hold, Releasing),
            with("A", File, Releasing),
        ] {
            assert_eq!(at(&never), None, "{never:?}");
        }
        // A release the downstream refused is an officer acting on it: the period restarts.
        let mut refused = with("A", Hold, Held);
        refused.refusals.push(Refusal {
            recipient: "x@council.example".into(),
            code: Some(550),
            text: "no such user".into(),
            permanent: true,
            at: d(700),
        });
        assert_eq!(at(&refused), Some((d(1430), HeldRule::Held)));
        // An automatic filing waits for an officer until one confirms it, then it is filed
        // mail, counted from the review.
        let mut automatic = with("A", File, Held);
        automatic.automated = Some(crate::policy::AutomatedCheck::NoNewInformation);
        assert_eq!(at(&automatic), Some((d(730), HeldRule::Held)));
        let review = |outcome| crate::store::OfficerReview {
            outcome,
            by: "jsmith".into(),
            at: d(10),
            note: None,
        };
        automatic.review = Some(review(crate::store::ReviewOutcome::Overturned));
        assert_eq!(at(&automatic), Some((d(740), HeldRule::Held)));
        automatic.review = Some(review(crate::store::ReviewOutcome::Confirmed));
        assert_eq!(at(&automatic), Some((d(375), HeldRule::Filed)));
        // A period past the last representable date never ends.
        let forever = Retention {
            held_days: u64::MAX,
            ..keep
        };
        assert_eq!(purge_at(&with("A", Hold, Held), &forever), None);
    }

    #[tokio::test]
    async fn held_and_filed_mail_go_only_after_their_periods_and_deferred_mail_never() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        use HeldAction::*;
        use HeldState::*;
        for r in [
            with("CLOSED", Hold, Discarded),
            with("FILED", File, Held),
            with("HELD", Hold, Held),
            with("DEFERRED", Defer, Held),
        ] {
            store.hold(r, b"body".to_vec()).await.unwrap();
        }
        let keep = Retention::default();
        let left = || -> Vec<String> { store.held().unwrap().into_iter().map(|r| r.id).collect() };
        let d = |n| t0() + Duration::days(n);
        let second = Duration::seconds(1);
        for (now, gone, remaining) in [
            (
                d(90) - second,
                0,
                vec!["CLOSED", "DEFERRED", "FILED", "HELD"],
            ),
            (d(90), 1, vec!["DEFERRED", "FILED", "HELD"]),
            (d(365) - second, 0, vec!["DEFERRED", "FILED", "HELD"]),
            (d(365), 1, vec!["DEFERRED", "HELD"]),
            (d(730) - second, 0, vec!["DEFERRED", "HELD"]),
            (d(730), 1, vec!["DEFERRED"]),
            (d(36_500), 0, vec!["DEFERRED"]),
        ] {
            assert_eq!(purge_held(&store, keep, now).await, gone, "{now}");
            assert_eq!(left(), remaining, "{now}");
        }
        for id in ["CLOSED", "FILED", "HELD"] {
            assert!(!dir.path().join(format!("spool/held/{id}.eml")).exists());
        }
        let purges: Vec<(String, String)> = store
            .audit_since(None)
            .unwrap()
            .into_iter()
            .filter(|e| e.event == "purge")
            .map(|e| (e.message.unwrap(), e.details.join("; ")))
            .collect();
        assert_eq!(purges.len(), 3);
        assert!(purges[0].0 == "CLOSED" && purges[0].1.contains("discarded since"));
        assert!(purges[1].0 == "FILED" && purges[1].1.contains("retention_filed_days = 365"));
        assert!(purges[2].0 == "HELD" && purges[2].1.contains("retention_held_days = 730"));
    }

    #[tokio::test]
    async fn the_daily_sweep_takes_each_kind_after_its_own_period_and_audits_the_counts() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let keep = Retention {
            incident_days: 10,
            audit_text_days: 20,
            reply_rate_days: 30,
            orphaned_days: 40,
            audit_days: 50,
            ..Retention::default()
        };
        let mut quoting = AuditEntry::new(SYSTEM_ACTOR, "decision", t0());
        quoting.quoted = vec!["new sentence: \"My son is ill\"".into()];
        store
            .record(vec![quoting], vec![incident(t0(), "M1")])
            .await
            .unwrap();
        let mut reply = crate::store::tests::reply("Q1", t0(), Duration::days(7));
        reply.rate_key = "CR-1\0letter_only".into();
        assert!(store.queue_reply(reply, vec![], vec![]).await.unwrap());
        let orphan = dir.path().join("spool/orphaned/LOST.eml");
        write_file_at(&orphan, t0());

        let counted = |counts: &[(Swept, usize)], kind: Swept| {
            counts.iter().find(|(k, _)| *k == kind).map(|(_, n)| *n)
        };
        let trail = |event: &str| -> Vec<AuditEntry> {
            let mut all = store.audit_since(None).unwrap();
            all.retain(|e| e.event == event);
            all
        };
        let retention_entries = || -> Vec<(String, String)> {
            trail("retention")
                .into_iter()
                .map(|e| (e.action.unwrap(), e.details.join("; ")))
                .collect()
        };
        let d = |n| t0() + Duration::days(n);
        let second = Duration::seconds(1);
        // Just inside every period: nothing goes, and nothing is audited.
        let counts = sweep(&store, keep, d(10) - second).await;
        assert!(counts.iter().all(|(_, n)| *n == 0), "{counts:?}");
        assert!(retention_entries().is_empty());
        assert_eq!(store.incidents(None).unwrap().len(), 1);

        let counts = sweep(&store, keep, d(10)).await;
        assert_eq!(counted(&counts, Swept::Incidents), Some(1));
        assert!(store.incidents(None).unwrap().is_empty());
        assert_eq!(
            retention_entries(),
            [(
                "incidents".to_string(),
                "1 incidents deleted: past 10 days (retention_incident_days)".to_string()
            )]
        );
        let quoted = || trail("decision").remove(0);
        assert_eq!(quoted().quoted.len(), 1);

        // Each of the others goes at its own period, not a second before.
        for (kind, day) in [
            (Swept::AuditText, 20),
            (Swept::ReplyRateKeys, 30),
            (Swept::OrphanedFiles, 40),
            (Swept::Audit, 50),
        ] {
            let before = sweep(&store, keep, d(day) - second).await;
            assert_eq!(counted(&before, kind), Some(0), "{kind:?}");
            let at = sweep(&store, keep, d(day)).await;
            assert_eq!(counted(&at, kind), Some(1), "{kind:?}");
            if kind == Swept::AuditText {
                assert!(quoted().quoted.is_empty() && quoted().redacted.is_some());
            }
        }
        assert!(!orphan.exists());
        // The decision's entry itself went at the audit period; the sweep's own entries, made
        // later, stay.
        assert!(trail("decision").is_empty());
        let kinds: Vec<String> = retention_entries().into_iter().map(|(k, _)| k).collect();
        assert_eq!(
            kinds,
            [
                "incidents",
                "audit_text",
                "reply_rate_keys",
                "orphaned_files",
                "audit"
            ]
        );
        // Counts and periods only: none of the customer's words.
        let trail = serde_json::to_string(&store.audit_since(None).unwrap()).unwrap();
        assert!(!trail.contains("My son"), "{trail}");
    }
}
