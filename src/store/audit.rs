//! Reading the audit trail and the incidents. Both are written with what they record: an
//! incident, and a decision's audit entries, through the group commit (durable before the
//! message is acknowledged); the entry for a held record's change, a reply's end or a purge in
//! one sled transaction with it.
//!
//! Invariants: the trail is read in its order (tree `audit`, keyed by a big-endian sequence
//! number), oldest first, and nothing here changes it; deleting and redacting are retention's
//! (`retention.rs`).

use super::{AuditEntry, Incident, Store, StoreError};

impl Store {
    /// The audit trail from `since` on, oldest first.
    pub fn audit_since(
        &self,
        since: Option<time::OffsetDateTime>,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        self.audit_iter()
            .filter(|e| e.as_ref().map_or(true, |e| since.is_none_or(|s| e.at >= s)))
            .collect()
    }

    /// The audit trail, oldest first, one entry at a time: a reader that keeps only what it
    /// needs holds one entry in memory, not the whole trail.
    pub fn audit_iter(&self) -> impl Iterator<Item = Result<AuditEntry, StoreError>> + '_ {
        self.inner
            .audit
            .iter()
            .values()
            .map(|v| AuditEntry::decode(&v?))
    }

    /// Incidents, oldest first; only those of `sender` (compared case-insensitively) if given.
    pub fn incidents(&self, sender: Option<&str>) -> Result<Vec<Incident>, StoreError> {
        let mut out = Vec::new();
        for v in self.inner.incidents.iter().values() {
            let i = Incident::decode(&v?)?;
            if sender.is_none_or(|s| i.sender.eq_ignore_ascii_case(s)) {
                out.push(i);
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::OffsetDateTime;

    #[tokio::test]
    async fn audit_is_append_only_and_ordered() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let t0 = OffsetDateTime::from_unix_timestamp(1_780_000_000).unwrap();
        for i in 0..3 {
            let mut e = AuditEntry::new("contactgate", "decision", t0 + time::Duration::hours(i));
            e.details = vec![format!("n{i}")];
            store.audit(e).await.unwrap();
        }
        let all = store.audit_since(None).unwrap();
        assert_eq!(
            all.iter()
                .map(|e| e.details[0].as_str())
                .collect::<Vec<_>>(),
            ["n0", "n1", "n2"]
        );
        assert!(all.windows(2).all(|w| w[0].seq < w[1].seq));
        assert_eq!(
            store
                .audit_since(Some(t0 + time::Duration::hours(1)))
                .unwrap()
                .len(),
            2
        );
    }
}
