//! The reply outbox: replies queued for sending (tree `outbox`, the message in the spool's
//! `outbox/`), their rate limit (tree `reply_rate`), and a reply's end.
//!
//! A reply is queued through the group commit, with the decision it answers; the rate limit is
//! checked there, where commits are serialised, so two replies under one key cannot both pass.
//!
//! Invariants: a reply leaves the outbox in one transaction with the audit entry of its end
//! (sent, given up, or cut off by a restart), so a crash never forgets a reply without
//! recording what became of it; its body is unlinked only after that.

use super::spool::Area;
use super::{AuditEntry, Inner, OutboxEntry, Store, StoreError, validate_id};

/// A reply to queue, with its rate-limit key.
pub struct QueuedReply {
    pub entry: OutboxEntry,
    pub body: Vec<u8>,
    /// `customer NUL <case id> NUL template`, from [`crate::replies::rate_key`].
    pub rate_key: String,
    /// No second reply for the same key within this long.
    pub interval: time::Duration,
    /// Audit entries committed only if the reply is queued (`reply_queued`): the record that
    /// it was, which outlives the outbox entry.
    pub audit_if_queued: Vec<AuditEntry>,
    /// Audit entries committed only if the rate limit keeps the reply back
    /// (`reply_withheld`, reason `rate_limited`): a withheld reply is on the record too.
    pub audit_if_limited: Vec<AuditEntry>,
}

impl Store {
    /// Queued replies, oldest first.
    pub fn outbox(&self) -> Result<Vec<OutboxEntry>, StoreError> {
        self.inner
            .outbox
            .iter()
            .values()
            .map(|v| OutboxEntry::decode(&v?))
            .collect()
    }

    pub fn outbox_body(&self, id: &str) -> Result<Vec<u8>, StoreError> {
        validate_id(id)?;
        self.inner.spool.read_in(Area::Outbox, id)
    }

    /// Changes an outbox entry durably (blocking: it flushes).
    pub fn update_outbox(&self, entry: &OutboxEntry) -> Result<(), StoreError> {
        self.inner
            .outbox
            .insert(entry.id.as_bytes(), entry.encode())?;
        self.inner.db.flush()?;
        Ok(())
    }

    /// Removes a reply once sent (or given up), with the audit entry of its end in the same
    /// transaction, durably (blocking: it flushes): a crash can never forget a reply without
    /// recording what became of it. The body is unlinked afterwards.
    pub fn end_reply(&self, id: &str, mut audit: AuditEntry) -> Result<(), StoreError> {
        self.inner.end_reply(id, &mut audit)?;
        self.inner.db.flush()?;
        self.inner.spool.remove_in(Area::Outbox, id)
    }
}

impl Inner {
    /// [`Store::end_reply`] without the flush and the unlink.
    pub(super) fn end_reply(&self, id: &str, audit: &mut AuditEntry) -> Result<(), StoreError> {
        use sled::Transactional;
        // Taken before the transaction (see `update_held_audited`).
        audit.seq = self.db.generate_id()?;
        let entry = audit.encode();
        (&self.outbox, &self.audit)
            .transaction(|(outbox, trail)| {
                outbox.remove(id.as_bytes())?;
                trail.insert(&audit.seq.to_be_bytes(), entry.clone())?;
                Ok::<(), sled::transaction::ConflictableTransactionError<()>>(())
            })
            .map_err(|e| match e {
                sled::transaction::TransactionError::Storage(e) => StoreError::Db(e),
                sled::transaction::TransactionError::Abort(()) => {
                    StoreError::Corrupt("ending a reply aborted".into())
                }
            })
    }

    /// Whether no reply for this key went out within the interval.
    pub(super) fn rate_allows(&self, reply: &QueuedReply) -> bool {
        let last = self
            .reply_rate
            .get(reply.rate_key.as_bytes())
            .ok()
            .flatten()
            .and_then(|v| rate_stamp(&v));
        // An interval that runs past the last representable date never ends.
        last.is_none_or(|l| {
            l.checked_add(reply.interval)
                .is_some_and(|next| reply.entry.queued_at >= next)
        })
    }
}

/// When the last reply under a rate-limit key went out, from its `reply_rate` value; `None`
/// for a value that does not read as a time, which limits nothing.
pub(super) fn rate_stamp(value: &[u8]) -> Option<time::OffsetDateTime> {
    time::OffsetDateTime::parse(
        &String::from_utf8_lossy(value),
        &time::format_description::well_known::Rfc3339,
    )
    .ok()
}

#[cfg(test)]
mod tests {
    use super::super::tests::reply;
    use super::*;
    use time::OffsetDateTime;

    #[tokio::test]
    async fn ending_a_reply_removes_it_and_audits_its_end_together() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let at = OffsetDateTime::now_utc();
        let queued = reply("M2", at, time::Duration::days(7));
        let entry = queued.entry.clone();
        assert!(store.queue_reply(queued, vec![], vec![]).await.unwrap());
        assert!(dir.path().join("spool/outbox/M2R.eml").exists());
        let end = AuditEntry::about_reply("contactgate", "reply_sent", at, &entry);
        store.end_reply("M2R", end).unwrap();
        assert!(store.outbox().unwrap().is_empty());
        assert!(!dir.path().join("spool/outbox/M2R.eml").exists());
        let trail = store.audit_since(None).unwrap();
        assert_eq!(
            trail.iter().filter(|e| e.event == "reply_sent").count(),
            1,
            "{trail:?}"
        );
    }

    #[tokio::test]
    async fn regression_a_huge_reply_interval_does_not_overflow() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let t0 = OffsetDateTime::from_unix_timestamp(1_780_000_000).unwrap();
        let forever = time::Duration::MAX;
        assert!(
            store
                .queue_reply(reply("Q1", t0, forever), vec![], vec![])
                .await
                .unwrap()
        );
        let later = t0 + time::Duration::days(36_500);
        assert!(
            !store
                .queue_reply(reply("Q2", later, forever), vec![], vec![])
                .await
                .unwrap()
        );
    }

    #[tokio::test]
    async fn rate_keys_of_the_earlier_address_form_are_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let t0 = OffsetDateTime::from_unix_timestamp(1_780_000_000).unwrap();
        // A store written before replies were limited per customer: address NUL template.
        store
            .inner
            .reply_rate
            .insert(b"a@b.example\0rerouted", b"2026-05-28T20:26:40Z".as_slice())
            .unwrap();
        let week = time::Duration::days(7);
        let by_customer = |id: &str, at| QueuedReply {
            rate_key: crate::replies::rate_key("CR-1", crate::policy::Template::Rerouted),
            ..reply(id, at, week)
        };
        assert!(
            store
                .queue_reply(by_customer("Q1", t0), vec![], vec![])
                .await
                .unwrap(),
            "an old key does not count against the customer's"
        );
        assert!(
            !store
                .queue_reply(
                    by_customer("Q2", t0 + time::Duration::days(1)),
                    vec![],
                    vec![]
                )
                .await
                .unwrap(),
            "the customer's own key limits"
        );
        assert!(
            store
                .inner
                .reply_rate
                .get(b"a@b.example\0rerouted")
                .unwrap()
                .is_some(),
            "and the old key is left as it was"
        );
    }

    /// A reply's `reply_queued` entry is the record that it was queued: it is committed with
    /// the outbox entry, and not at all when the rate limit keeps the reply back.
    #[tokio::test]
    async fn a_reply_is_recorded_in_the_trail_only_when_queued() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let t0 = OffsetDateTime::from_unix_timestamp(1_780_000_000).unwrap();
        let week = time::Duration::days(7);
        let recorded = |id: &str, at| {
            let mut r = reply(id, at, week);
            r.audit_if_queued = vec![AuditEntry::about_reply(
                "contactgate",
                "reply_queued",
                at,
                &r.entry,
            )];
            r
        };
        assert!(
            store
                .queue_reply(recorded("Q1", t0), vec![], vec![])
                .await
                .unwrap()
        );
        let limited = recorded("Q2", t0 + time::Duration::days(1));
        assert!(!store.queue_reply(limited, vec![], vec![]).await.unwrap());
        let trail = store.audit_since(None).unwrap();
        let replies: Vec<_> = trail.iter().filter_map(|e| e.reply.as_ref()).collect();
        assert_eq!(replies.len(), 1, "{trail:?}");
        assert_eq!(replies[0].id, "Q1R");
        assert_eq!(replies[0].template, "rerouted");
        assert_eq!(trail[0].message.as_deref(), Some("Q1"));
        // And it reads back as written.
        assert_eq!(AuditEntry::decode(&trail[0].encode()).unwrap(), trail[0]);
    }
}
