//! Reading held messages and changing their records: the officer's and the release's side
//! of the tree `held` (a hold itself goes through the group commit).
//!
//! Invariants: a change is flushed before it is returned, so the caller may act on it; a
//! change that has an audit entry is written in one sled transaction with it, so a crash never
//! keeps one without the other; and a record that does not decode is never rewritten or
//! deleted by a change, only reported.

use super::{AuditEntry, HeldMessage, Store, StoreError, validate_id};

impl Store {
    /// Changes a held record and makes the change durable before returning it.
    ///
    /// Blocking (it flushes); call from `spawn_blocking` or accept a short stall.
    pub fn update_held(
        &self,
        id: &str,
        change: impl Fn(&mut HeldMessage),
    ) -> Result<HeldMessage, StoreError> {
        let mut updated = None;
        self.inner.held.fetch_and_update(id.as_bytes(), |old| {
            let old = old?;
            // A record that does not decode is left exactly as it is (returning None here would
            // delete it); the error is reported below.
            let Ok(mut r) = HeldMessage::decode(old) else {
                updated = None;
                return Some(old.to_vec());
            };
            change(&mut r);
            let bytes = r.encode();
            updated = Some(r);
            Some(bytes)
        })?;
        let Some(record) = updated else {
            return match self.inner.held.get(id.as_bytes())? {
                None => Err(StoreError::NotFound(id.to_string())),
                Some(v) => HeldMessage::decode(&v),
            };
        };
        self.inner.db.flush()?;
        Ok(record)
    }

    /// Changes a held record and appends the audit entry `audit` makes of the changed record
    /// (none if it returns `None`), in one sled transaction, and makes both durable before
    /// returning them. A crash can never keep a release, a discard or a review without its
    /// audit entry, as two commits one after the other could.
    ///
    /// Blocking (it flushes); call from `spawn_blocking`.
    pub fn update_held_audited(
        &self,
        id: &str,
        change: impl Fn(&mut HeldMessage),
        audit: impl Fn(&HeldMessage) -> Option<AuditEntry>,
    ) -> Result<(HeldMessage, Option<AuditEntry>), StoreError> {
        use sled::Transactional;
        use sled::transaction::ConflictableTransactionError::Abort;
        let inner = &self.inner;
        // Taken before the transaction, as `apply` does: sled's id generator may write, and
        // must not inside a transaction (it waited there for ever).
        let seq = inner.db.generate_id()?;
        let done = (&inner.held, &inner.audit)
            .transaction(|(held, trail)| {
                let Some(old) = held.get(id.as_bytes())? else {
                    return Err(Abort(StoreError::NotFound(id.to_string())));
                };
                let mut record = HeldMessage::decode(&old).map_err(Abort)?;
                change(&mut record);
                held.insert(id.as_bytes(), record.encode())?;
                let entry = match audit(&record) {
                    Some(mut e) => {
                        e.seq = seq;
                        trail.insert(&e.seq.to_be_bytes(), e.encode())?;
                        Some(e)
                    }
                    None => None,
                };
                Ok((record, entry))
            })
            .map_err(|e| match e {
                sled::transaction::TransactionError::Storage(e) => StoreError::Db(e),
                sled::transaction::TransactionError::Abort(e) => e,
            })?;
        inner.db.flush()?;
        Ok(done)
    }

    /// Every held message, oldest id first.
    pub fn held(&self) -> Result<Vec<HeldMessage>, StoreError> {
        self.inner
            .held
            .iter()
            .values()
            .map(|v| HeldMessage::decode(&v?))
            .collect()
    }

    pub fn held_message(&self, id: &str) -> Result<HeldMessage, StoreError> {
        match self.inner.held.get(id.as_bytes())? {
            Some(v) => HeldMessage::decode(&v),
            None => Err(StoreError::NotFound(id.to_string())),
        }
    }

    /// The held message's original bytes.
    pub fn held_body(&self, id: &str) -> Result<Vec<u8>, StoreError> {
        validate_id(id)?;
        self.held_message(id)?;
        self.inner.spool.read(id)
    }

    /// At most the first `max` bytes of a held message (its header section, for searches that
    /// need the `From:` of every kept message).
    pub fn held_head(&self, id: &str, max: usize) -> Result<Vec<u8>, StoreError> {
        validate_id(id)?;
        self.inner.spool.read_head(id, max)
    }
}

#[cfg(test)]
mod tests {
    use super::super::HeldState;
    use super::super::tests::record;
    use super::*;
    use time::OffsetDateTime;

    /// Writes a held record `BAD` that does not decode, straight into the tree.
    fn put_unreadable(store: &Store) {
        store
            .inner
            .held
            .insert(b"BAD", b"{not json".to_vec())
            .unwrap();
    }

    /// The record `put_unreadable` wrote is there, byte for byte.
    fn assert_unreadable_kept(store: &Store) {
        assert_eq!(
            store.inner.held.get(b"BAD").unwrap().unwrap().as_ref(),
            b"{not json"
        );
    }

    #[tokio::test]
    async fn a_held_change_and_its_audit_entry_are_written_together_or_not_at_all() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        store.hold(record("R1"), b"x".to_vec()).await.unwrap();
        let before = store.audit_since(None).unwrap().len();
        let now = OffsetDateTime::now_utc();
        let (r, e) = store
            .update_held_audited(
                "R1",
                |r| r.state = HeldState::Discarded,
                |r| {
                    let mut e = AuditEntry::new("officer", "discard", now);
                    e.message = Some(r.id.clone());
                    Some(e)
                },
            )
            .unwrap();
        assert_eq!(r.state, HeldState::Discarded);
        let trail = store.audit_since(None).unwrap();
        assert_eq!(trail.len(), before + 1);
        let last = trail.last().unwrap();
        assert_eq!((last.event.as_str(), last.seq), ("discard", e.unwrap().seq));
        // No entry asked for: the change alone.
        store
            .update_held_audited("R1", |r| r.state = HeldState::Held, |_| None)
            .unwrap();
        assert_eq!(store.audit_since(None).unwrap().len(), before + 1);
        assert_eq!(store.held_message("R1").unwrap().state, HeldState::Held);
        // A record that is not there, or cannot be read: nothing written.
        assert!(matches!(
            store.update_held_audited("NONE", |_| {}, |_| Some(AuditEntry::new("o", "x", now))),
            Err(StoreError::NotFound(_))
        ));
        put_unreadable(&store);
        assert!(
            store
                .update_held_audited("BAD", |_| {}, |_| Some(AuditEntry::new("o", "x", now)))
                .is_err()
        );
        assert_unreadable_kept(&store);
        assert_eq!(store.audit_since(None).unwrap().len(), before + 1);
    }

    #[tokio::test]
    async fn regression_update_never_deletes_a_record_it_cannot_read() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        put_unreadable(&store);
        assert!(
            store
                .update_held("BAD", |r| r.state = HeldState::Releasing)
                .is_err()
        );
        assert_unreadable_kept(&store);
    }
}
