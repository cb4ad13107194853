//! The deletions retention asks of the store: a held message, incidents, reply rate-limit
//! keys, the customer's words quoted in audit entries, orphaned bodies.
//!
//! This module decides nothing about *when*: each function is given a cutoff (or the record
//! the caller judged due) by `crate::retention`, which holds the rules and the periods. What it
//! guarantees is how: a held message goes in one transaction with its audit entry and only if
//! it is unchanged since it was judged; every unlink is followed by an fsync of its directory;
//! an audit entry's quoted text is redacted long before the entry itself is deleted.
//!
//! Each function returns how many items went, for the audit entry and the log (counts, never
//! content).

use sled::Transactional;
use time::OffsetDateTime;

use super::spool::Area;
use super::{AuditEntry, HeldMessage, Incident, Store, StoreError};

/// The `meta` key of the first audit sequence number the redaction sweep still has to read:
/// every entry before it quotes nothing (anymore).
const AUDIT_REDACTION_FROM: &str = "audit.redaction_from";
/// The next sequence number when the previous sweep began: every entry numbered below it has
/// been written since (numbering and writing are milliseconds apart, sweeps a day), so the
/// mark may pass it.
const AUDIT_REDACTION_FENCE: &str = "audit.redaction_fence";

impl Store {
    /// Deletes a held message, record and body, with `audit` recorded in the same transaction
    /// as the record's removal: there is never a purge without its entry, nor an entry for a
    /// purge that did not happen. `judged` is the record as the caller found it due; if the
    /// stored one differs (an officer released it meanwhile, say) or is gone, nothing happens
    /// and this returns `Ok(false)`.
    ///
    /// The body is unlinked after the transaction and its directory fsync'd. A crash in between
    /// leaves a body without metadata, which the next start moves to `spool/orphaned/`, where
    /// the orphaned files' retention deletes it.
    ///
    /// Blocking (it flushes and fsyncs).
    pub fn purge(&self, judged: &HeldMessage, mut audit: AuditEntry) -> Result<bool, StoreError> {
        let key = judged.id.as_bytes();
        audit.seq = self.inner.db.generate_id()?;
        let entry = audit.encode();
        let removed = (&self.inner.held, &self.inner.audit)
            .transaction(|(held, trail)| {
                let unchanged = held
                    .get(key)?
                    .is_some_and(|v| HeldMessage::decode(&v).is_ok_and(|r| r == *judged));
                if unchanged {
                    held.remove(key)?;
                    trail.insert(&audit.seq.to_be_bytes(), entry.clone())?;
                }
                Ok::<bool, sled::transaction::ConflictableTransactionError<()>>(unchanged)
            })
            .map_err(|e| match e {
                sled::transaction::TransactionError::Storage(e) => StoreError::Db(e),
                sled::transaction::TransactionError::Abort(()) => {
                    StoreError::Corrupt("purge aborted".into())
                }
            })?;
        if !removed {
            return Ok(false);
        }
        self.inner.db.flush()?;
        self.inner.spool.remove(&judged.id)?;
        // Without this the unlink is not durable: after a power loss the body could be back.
        self.inner.spool.sync(Area::Held)?;
        Ok(true)
    }

    /// Deletes incidents recorded at or before `cutoff`. An incident that does not decode is
    /// left for a postmaster (it is not known to be old).
    pub fn expire_incidents(&self, cutoff: OffsetDateTime) -> Result<usize, StoreError> {
        self.remove_durably(&self.inner.incidents, |v| {
            Incident::decode(v).is_ok_and(|i| i.at <= cutoff)
        })
    }

    /// Deletes the audit entries made at or before `cutoff` (`retention_audit_days`). An entry
    /// that does not decode is left for a postmaster to look at.
    pub fn expire_audit(&self, cutoff: OffsetDateTime) -> Result<usize, StoreError> {
        self.remove_durably(&self.inner.audit, |v| {
            AuditEntry::decode(v).is_ok_and(|e| e.at <= cutoff)
        })
    }

    /// Deletes reply rate-limit keys whose last reply went out at or before `cutoff`, whatever
    /// the key. A value that does not read as a time limits nothing (the rate limit treats it
    /// as no reply), so it goes too.
    pub fn expire_reply_rates(&self, cutoff: OffsetDateTime) -> Result<usize, StoreError> {
        self.remove_durably(&self.inner.reply_rate, |v| {
            super::outbox::rate_stamp(v).is_none_or(|last| last <= cutoff)
        })
    }

    /// Redacts the customer's words quoted in audit entries made at or before `cutoff`
    /// ([`AuditEntry::redact`]): the entries stay. Returns how many entries were redacted.
    ///
    /// Entries written before quotes were kept apart have them among their `details`;
    /// `legacy_quote` picks those out (`crate::policy::reason::legacy_text_quotes_customer`), and they are
    /// moved to `quoted` first.
    ///
    /// The audit trail is kept for years (`retention_audit_days`), so reading all of it every
    /// day would cost more and more. The sweep starts instead where every earlier entry is known to quote nothing (kept
    /// in `meta`), which is about one retention period back, and never past where the previous
    /// sweep began: an entry is numbered before it is written, so one numbered earlier can
    /// appear behind a later one for a moment.
    pub fn redact_audit_text(
        &self,
        cutoff: OffsetDateTime,
        now: OffsetDateTime,
        legacy_quote: &dyn Fn(&str) -> bool,
    ) -> Result<usize, StoreError> {
        let from = self
            .meta(AUDIT_REDACTION_FROM)?
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(0);
        let fence = self
            .meta(AUDIT_REDACTION_FENCE)?
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(0);
        let next_fence = self.inner.db.generate_id()?;
        let (mut redacted, mut clean_until, mut clean_so_far) = (0, from, true);
        for entry in self.inner.audit.range(from.to_be_bytes()..) {
            let (key, value) = entry?;
            let Ok(mut e) = AuditEntry::decode(&value) else {
                // Not known to be free of quotes: read again next time.
                clean_so_far = false;
                continue;
            };
            let (legacy, kept): (Vec<String>, Vec<String>) =
                e.details.iter().cloned().partition(|d| legacy_quote(d));
            let changed = !legacy.is_empty();
            if changed {
                e.details = kept;
                e.quoted.extend(legacy);
            }
            let due = !e.quoted.is_empty() && e.at <= cutoff;
            if due {
                e.redact(now);
                redacted += 1;
            }
            if changed || due {
                self.inner.audit.insert(&key, e.encode())?;
            }
            clean_so_far &= e.quoted.is_empty();
            if clean_so_far {
                let seq = key.as_ref().try_into().map_or(from, u64::from_be_bytes);
                clean_until = seq.max(from).saturating_add(1);
            }
        }
        self.inner.db.flush()?;
        // Never past an entry that may have been numbered but not yet written (review finding:
        // one numbered before a later entry was written fell behind the mark and was never
        // redacted): only up to where the previous sweep began.
        let clean_until = clean_until.min(fence).max(from);
        if clean_until != from {
            self.set_meta(AUDIT_REDACTION_FROM, &clean_until.to_string())?;
        }
        self.set_meta(AUDIT_REDACTION_FENCE, &next_fence.to_string())?;
        Ok(redacted)
    }

    /// Deletes the orphaned bodies (`spool/orphaned/`) last written at or before `cutoff`.
    pub fn purge_orphaned(&self, cutoff: OffsetDateTime) -> Result<usize, StoreError> {
        self.inner.spool.purge_orphaned(cutoff.into())
    }
}

/// Removes the entries of `tree` whose value is `expired`, each only if unchanged since it was
/// read: one written meanwhile (a reply queued, a message counted) is kept. Returns how many
/// went.
impl Store {
    /// [`remove_where`], then one flush if anything went, so the deletions are durable.
    fn remove_durably(
        &self,
        tree: &sled::Tree,
        expired: impl Fn(&[u8]) -> bool,
    ) -> Result<usize, StoreError> {
        let gone = remove_where(tree, expired)?;
        if gone > 0 {
            self.inner.db.flush()?;
        }
        Ok(gone)
    }
}

pub(super) fn remove_where(
    tree: &sled::Tree,
    expired: impl Fn(&[u8]) -> bool,
) -> Result<usize, StoreError> {
    let mut gone = 0;
    for entry in tree.iter() {
        let (key, value) = entry?;
        if expired(&value)
            && tree
                .compare_and_swap(&key, Some(&value), None as Option<&[u8]>)?
                .is_ok()
        {
            gone += 1;
        }
    }
    Ok(gone)
}

#[cfg(test)]
mod tests {
    use super::super::tests::{incident, record, reopen, write_file_at};
    use super::super::{HeldState, QueuedReply};
    use super::*;
    use time::Duration;
    use time::macros::datetime;

    const T0: OffsetDateTime = datetime!(2026-06-01 10:00 UTC);

    #[tokio::test]
    async fn a_purge_goes_with_its_audit_entry_and_only_if_the_record_is_unchanged() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        store.hold(record("P1"), b"body".to_vec()).await.unwrap();
        let body = dir.path().join("spool/held/P1.eml");
        let entry = || AuditEntry::new("test", "purge", T0);
        // Judged on a record that has changed since (an officer released it meanwhile):
        // nothing is touched, nothing is audited.
        let judged = record("P1");
        store
            .update_held("P1", |r| r.state = HeldState::Releasing)
            .unwrap();
        assert!(!store.purge(&judged, entry()).unwrap());
        assert!(body.exists());
        assert!(store.audit_since(None).unwrap().is_empty());
        // Judged on the record as it is: record, body and audit entry.
        let current = store.held_message("P1").unwrap();
        assert!(store.purge(&current, entry()).unwrap());
        assert!(!body.exists());
        assert!(matches!(
            store.held_message("P1"),
            Err(StoreError::NotFound(_))
        ));
        let trail = store.audit_since(None).unwrap();
        assert_eq!(trail.len(), 1);
        assert_eq!(trail[0].event, "purge");
        // Gone already: nothing more happens.
        assert!(!store.purge(&current, entry()).unwrap());
        assert_eq!(store.audit_since(None).unwrap().len(), 1);
    }

    #[tokio::test]
    async fn incidents_at_or_before_the_cutoff_go_and_later_ones_stay() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let cutoff = T0;
        store
            .record(
                vec![],
                vec![
                    incident(cutoff - Duration::seconds(1), "OLD"),
                    incident(cutoff, "EDGE"),
                    incident(cutoff + Duration::seconds(1), "NEW"),
                ],
            )
            .await
            .unwrap();
        assert_eq!(store.expire_incidents(cutoff).unwrap(), 2);
        let left: Vec<String> = store
            .incidents(None)
            .unwrap()
            .into_iter()
            .map(|i| i.message)
            .collect();
        assert_eq!(left, ["NEW"]);
        assert_eq!(store.expire_incidents(cutoff).unwrap(), 0);
    }

    fn reply(id: &str, key: &str, at: OffsetDateTime) -> QueuedReply {
        let mut r = super::super::tests::reply(id, at, Duration::days(7));
        r.rate_key = key.into();
        r
    }

    #[tokio::test]
    async fn reply_rate_keys_expire_by_their_stored_time_whatever_the_key() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let cutoff = T0;
        for (id, key, at) in [
            (
                "Q1",
                "a@mail.example\0letter_only",
                cutoff - Duration::days(1),
            ),
            ("Q2", "CR-1\0rerouted", cutoff),
            (
                "Q3",
                "b@mail.example\0rerouted",
                cutoff + Duration::seconds(1),
            ),
        ] {
            assert!(
                store
                    .queue_reply(reply(id, key, at), vec![], vec![])
                    .await
                    .unwrap()
            );
        }
        store
            .inner
            .reply_rate
            .insert(b"unreadable", b"not a time".to_vec())
            .unwrap();
        assert_eq!(store.expire_reply_rates(cutoff).unwrap(), 3);
        let left: Vec<Vec<u8>> = store
            .inner
            .reply_rate
            .iter()
            .keys()
            .map(|k| k.unwrap().to_vec())
            .collect();
        assert_eq!(left, [b"b@mail.example\0rerouted".to_vec()]);
        // The rate limit still holds for the key kept: a second reply within the interval is
        // refused.
        let again = reply("Q4", "b@mail.example\0rerouted", cutoff + Duration::days(1));
        assert!(!store.queue_reply(again, vec![], vec![]).await.unwrap());
    }

    fn quoting(at: OffsetDateTime, message: &str) -> AuditEntry {
        let mut e = AuditEntry::new("contactgate", "decision", at);
        e.message = Some(message.into());
        e.details = vec!["new_information_only: new information".into()];
        e.quoted = vec!["new sentence: \"My son is ill\"".into()];
        e
    }

    fn legacy(d: &str) -> bool {
        d.starts_with("new sentence: ")
    }

    #[tokio::test]
    async fn quoted_text_is_redacted_after_the_cutoff_and_the_entries_stay() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let cutoff = T0;
        let now = T0 + Duration::days(90);
        let mut old_layout = AuditEntry::new("contactgate", "decision", cutoff - Duration::days(2));
        old_layout.message = Some("LEGACY".into());
        old_layout.details = vec![
            "new_information_only: new information".into(),
            "new sentence: \"We have mould\"".into(),
        ];
        let mut plain = AuditEntry::new("jsmith", "release", cutoff - Duration::days(1));
        plain.details = vec!["to x@council.example".into()];
        let mut recent_legacy = old_layout.clone();
        recent_legacy.at = cutoff + Duration::days(1);
        recent_legacy.message = Some("RECENT-LEGACY".into());
        store
            .record(
                vec![
                    old_layout,
                    plain.clone(),
                    quoting(cutoff, "EDGE"),
                    quoting(cutoff + Duration::seconds(1), "KEPT"),
                    recent_legacy,
                ],
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(store.redact_audit_text(cutoff, now, &legacy).unwrap(), 2);
        let trail = store.audit_since(None).unwrap();
        assert_eq!(trail.len(), 5, "no entry is deleted");
        let by = |m: &str| {
            trail
                .iter()
                .find(|e| e.message.as_deref() == Some(m))
                .unwrap()
                .clone()
        };
        for gone in ["LEGACY", "EDGE"] {
            let e = by(gone);
            assert!(e.quoted.is_empty(), "{e:?}");
            assert_eq!(e.details, ["new_information_only: new information"]);
            assert_eq!(e.redacted.map(|r| (r.at, r.items)), Some((now, 1)));
            assert!(!String::from_utf8(e.encode()).unwrap().contains("mould"));
        }
        assert_eq!(by("KEPT").quoted.len(), 1);
        // An entry of the earlier layout not yet due has its quote moved apart, unredacted.
        let r = by("RECENT-LEGACY");
        assert_eq!(r.quoted, ["new sentence: \"We have mould\""]);
        assert!(r.redacted.is_none());
        let release = trail.iter().find(|e| e.event == "release").unwrap();
        assert_eq!(release.details, plain.details);

        // The first sweep moves no mark: it cannot know what was numbered and not yet written.
        // The next one starts the mark at the first entry still quoting something ("KEPT"),
        // and later ones redact the rest as they fall due.
        assert!(store.meta(AUDIT_REDACTION_FROM).unwrap().is_none());
        assert_eq!(store.redact_audit_text(cutoff, now, &legacy).unwrap(), 0);
        let from: u64 = store
            .meta(AUDIT_REDACTION_FROM)
            .unwrap()
            .unwrap()
            .parse()
            .unwrap();
        assert!(by("EDGE").seq < from && from <= by("KEPT").seq, "{from}");
        let later = cutoff + Duration::days(2);
        assert_eq!(store.redact_audit_text(later, now, &legacy).unwrap(), 2);
        assert!(
            store
                .audit_since(None)
                .unwrap()
                .iter()
                .all(|e| e.quoted.is_empty())
        );
        assert!(
            store
                .meta(AUDIT_REDACTION_FROM)
                .unwrap()
                .unwrap()
                .parse::<u64>()
                .unwrap()
                > by("RECENT-LEGACY").seq
        );
    }

    #[tokio::test]
    async fn an_entry_made_after_a_reopen_is_still_redacted() {
        let dir = tempfile::tempdir().unwrap();
        {
            let store = Store::open(dir.path()).unwrap();
            store.record(vec![quoting(T0, "A")], vec![]).await.unwrap();
            assert_eq!(store.redact_audit_text(T0, T0, &legacy).unwrap(), 1);
            store.shutdown().await.unwrap();
        }
        let store = reopen(dir.path()).await;
        store.record(vec![quoting(T0, "B")], vec![]).await.unwrap();
        assert_eq!(store.redact_audit_text(T0, T0, &legacy).unwrap(), 1);
    }

    #[tokio::test]
    async fn old_orphaned_bodies_go_and_recent_ones_and_other_files_stay() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let orphaned = dir.path().join("spool/orphaned");
        let cutoff = T0;
        let write = |name: &str, at: OffsetDateTime| {
            let path = orphaned.join(name);
            write_file_at(&path, at);
            path
        };
        let old = write("OLD.eml", cutoff - Duration::days(1));
        let edge = write("EDGE.eml", cutoff);
        let recent = write("RECENT.eml", cutoff + Duration::seconds(1));
        let note = write("README.txt", cutoff - Duration::days(1));
        assert_eq!(store.purge_orphaned(cutoff).unwrap(), 2);
        assert!(!old.exists() && !edge.exists());
        assert!(recent.exists() && note.exists());
        assert_eq!(store.purge_orphaned(cutoff).unwrap(), 0);
    }

    #[tokio::test]
    async fn regression_an_entry_numbered_before_a_later_one_is_still_redacted() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let legacy = |_: &str| false;
        // Yesterday's sweep.
        store.redact_audit_text(T0, T0, &legacy).unwrap();
        // Today a decision quoting the customer is numbered (N) but not yet written, when
        // another path numbers and writes N+1 and today's sweep runs.
        let n = store.inner.db.generate_id().unwrap();
        store
            .audit(AuditEntry::new("x", "refused", T0))
            .await
            .unwrap();
        store.redact_audit_text(T0, T0, &legacy).unwrap();
        // Then N arrives, well before the next day's sweep.
        let mut q = AuditEntry::new("system", "decision", T0);
        q.seq = n;
        q.quoted = vec!["CUSTOMER WORDS".into()];
        store
            .inner
            .audit
            .insert(n.to_be_bytes(), q.encode())
            .unwrap();
        let later = T0 + Duration::days(400);
        assert_eq!(store.redact_audit_text(later, later, &legacy).unwrap(), 1);
        let trail = store.audit_since(None).unwrap();
        assert!(trail.iter().find(|e| e.seq == n).unwrap().quoted.is_empty());
    }
}
