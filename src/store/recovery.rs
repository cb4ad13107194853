//! Crash recovery: at open, before the committer starts, the spool and the metadata are made
//! to agree again.
//!
//! What a crash can leave, and what becomes of it:
//! - a held body without its record: never acknowledged (the metadata flush comes before the
//!   250), so the sender retries; it is set aside in `spool/orphaned/`, not deleted;
//! - a record (not released) without its body: logged as an error, for a postmaster;
//! - a release cut off mid-way: back to held, marked as possibly delivered;
//! - a reply cut off mid-send: never sent again (RFC 3834), its end audited as
//!   `reply_interrupted`;
//! - a safety alert cut off mid-send: queued again (staff would rather read an alert twice
//!   than miss it), audited as `alert_interrupted`;
//! - a reply body without its outbox entry: removed, since nothing can send it.

use tracing::{error, warn};

use super::spool::Area;
use super::{
    AuditEntry, HeldMessage, HeldState, Inner, OutboxEntry, OutboxKind, OutboxState, SYSTEM_ACTOR,
    StoreError,
};

impl Inner {
    /// Reconciles the spool with the metadata after a crash.
    pub(super) fn recover(&self) -> Result<(), StoreError> {
        for id in self.spool.held_ids()? {
            if !self.held.contains_key(id.as_bytes())? {
                // The metadata flush comes before the 250, so a body without metadata was
                // never acknowledged and the sending MTA will retry it. Keep it aside anyway.
                let to = self.spool.set_aside(&id)?;
                warn!(id, file = %to.display(), "body without metadata (crash before acknowledgement) moved aside");
            }
        }
        for entry in self.held.iter() {
            let (key, value) = entry?;
            let mut record = HeldMessage::decode(&value)?;
            if record.state != HeldState::Released && !self.spool.held_path(&record.id).exists() {
                error!(id = %String::from_utf8_lossy(&key), "held record has no body in the spool");
            }
            if record.state == HeldState::Releasing {
                // We cannot know whether the downstream took it before the crash. Put it back,
                // marked, so that whoever releases it again knows it may be a duplicate.
                warn!(id = %record.id, "release was interrupted by a restart; back to held, marked as possibly delivered");
                record.state = HeldState::Held;
                record.release_interrupted = true;
                self.held.insert(key, record.encode())?;
            }
        }
        for entry in self.outbox.iter() {
            let (key, value) = entry?;
            let mut e = OutboxEntry::decode(&value)?;
            if e.state == OutboxState::Sending && e.kind == OutboxKind::Alert {
                warn!(id = %e.id, "alert was being sent when the daemon stopped; sending it again");
                let mut audit = AuditEntry::about_alert(
                    SYSTEM_ACTOR,
                    "alert_interrupted",
                    time::OffsetDateTime::now_utc(),
                    &e,
                );
                audit.seq = self.db.generate_id()?;
                audit
                    .details
                    .push("the daemon stopped while sending it: it is sent again".into());
                e.state = OutboxState::Queued;
                self.outbox.insert(key, e.encode())?;
                self.audit.insert(audit.seq.to_be_bytes(), audit.encode())?;
            } else if e.state == OutboxState::Sending {
                // It may already be with the customer. A second copy of an automatic reply is
                // what RFC 3834 exists to prevent, so it is not sent again.
                // Audited (`reply_interrupted`) in the same transaction, so that the person it
                // was for can be told it may have reached them (subject access).
                warn!(id = %e.id, to = %e.to, template = %e.template, "reply was being sent when the daemon stopped; not resending it (it may have been delivered)");
                let mut audit = AuditEntry::about_reply(
                    SYSTEM_ACTOR,
                    "reply_interrupted",
                    time::OffsetDateTime::now_utc(),
                    &e,
                );
                audit
                    .details
                    .push("the daemon stopped while sending it: it may have been delivered, and is not sent again".into());
                self.end_reply(&e.id, &mut audit)?;
                self.spool.remove_in(Area::Outbox, &e.id)?;
            }
        }
        // A reply's body without its entry: the reply ended (its unlink lost to a power cut, or
        // cut off between the entry's removal and the unlink) or was never queued. Nothing can
        // send it; it is removed rather than kept for ever.
        for id in self.spool.ids_in(Area::Outbox)? {
            if !self.outbox.contains_key(id.as_bytes())? {
                self.spool.remove_in(Area::Outbox, &id)?;
            }
        }
        self.db.flush()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::Store;
    use super::super::tests::{record, reopen, reply, write_file_at};
    use super::*;
    use time::OffsetDateTime;

    #[tokio::test]
    async fn crash_leftovers_are_cleaned_up() {
        let dir = tempfile::tempdir().unwrap();
        {
            let store = Store::open(dir.path()).unwrap();
            store.hold(record("KEEP"), b"kept".to_vec()).await.unwrap();
        }
        // Simulate a crash after the rename but before the metadata flush, and one mid-write.
        // The lost body was written long ago: it is kept for its retention from when it is set
        // aside, not from when it was written.
        let long_ago = OffsetDateTime::now_utc() - time::Duration::days(400);
        write_file_at(&dir.path().join("spool/held/LOST.eml"), long_ago);
        std::fs::write(dir.path().join("spool/tmp/HALF.eml"), b"x").unwrap();
        let store = reopen(dir.path()).await;
        assert_eq!(store.held().unwrap().len(), 1);
        assert!(dir.path().join("spool/orphaned/LOST.eml").exists());
        assert!(!dir.path().join("spool/tmp/HALF.eml").exists());
        let cutoff = OffsetDateTime::now_utc() - time::Duration::days(30);
        assert_eq!(store.purge_orphaned(cutoff).unwrap(), 0);
        assert!(dir.path().join("spool/orphaned/LOST.eml").exists());
    }

    /// A reply the daemon stopped in the middle of sending was dropped at the next start with
    /// only a log line: subject access could not say it may have reached the person.
    #[tokio::test]
    async fn regression_a_reply_cut_off_mid_send_is_audited_not_resent() {
        let dir = tempfile::tempdir().unwrap();
        {
            let store = Store::open(dir.path()).unwrap();
            let at = OffsetDateTime::now_utc();
            assert!(
                store
                    .queue_reply(reply("M1", at, time::Duration::days(7)), vec![], vec![])
                    .await
                    .unwrap()
            );
            let mut e = store.outbox().unwrap().remove(0);
            e.state = OutboxState::Sending;
            store.update_outbox(&e).unwrap();
            assert!(dir.path().join("spool/outbox/M1R.eml").exists());
        }
        // A body whose entry is gone (an ended reply whose unlink a power cut undid).
        std::fs::write(dir.path().join("spool/outbox/GONE.eml"), b"x").unwrap();
        let store = reopen(dir.path()).await;
        assert!(!dir.path().join("spool/outbox/GONE.eml").exists());
        assert!(store.outbox().unwrap().is_empty(), "never sent again");
        assert!(!dir.path().join("spool/outbox/M1R.eml").exists());
        let trail = store.audit_since(None).unwrap();
        let cut: Vec<_> = trail
            .iter()
            .filter(|e| e.event == "reply_interrupted")
            .collect();
        assert_eq!(cut.len(), 1, "{trail:?}");
        assert_eq!(cut[0].reply.as_ref().unwrap().id, "M1R");
        assert_eq!(cut[0].message.as_deref(), Some("M1"));
    }

    /// A safety alert cut off mid-send is the opposite case: staff would rather read it twice
    /// than miss it, so it is queued again, and that is audited.
    #[tokio::test]
    async fn an_alert_cut_off_mid_send_is_queued_again() {
        let dir = tempfile::tempdir().unwrap();
        {
            let store = Store::open(dir.path()).unwrap();
            let at = OffsetDateTime::now_utc();
            let mut alert = reply("M1", at, time::Duration::minutes(10));
            alert.entry.kind = OutboxKind::Alert;
            alert.entry.id = "M1A".into();
            let out = super::super::Outgoing {
                reply: None,
                alert: Some(alert),
            };
            store.record_with(vec![], vec![], out).await.unwrap();
            let mut e = store.outbox().unwrap().remove(0);
            e.state = OutboxState::Sending;
            store.update_outbox(&e).unwrap();
        }
        let store = reopen(dir.path()).await;
        let waiting = store.outbox().unwrap();
        assert_eq!(waiting.len(), 1);
        assert_eq!(waiting[0].state, OutboxState::Queued);
        assert!(dir.path().join("spool/outbox/M1A.eml").exists());
        let trail = store.audit_since(None).unwrap();
        assert!(
            trail
                .iter()
                .any(|e| e.event == "alert_interrupted" && e.message.as_deref() == Some("M1")),
            "{trail:?}"
        );
    }

    #[tokio::test]
    async fn interrupted_release_comes_back_marked() {
        let dir = tempfile::tempdir().unwrap();
        {
            let store = Store::open(dir.path()).unwrap();
            store.hold(record("R1"), b"x".to_vec()).await.unwrap();
            store
                .update_held("R1", |r| r.state = HeldState::Releasing)
                .unwrap();
        }
        let store = reopen(dir.path()).await;
        let r = store.held_message("R1").unwrap();
        assert_eq!(r.state, HeldState::Held);
        assert!(r.release_interrupted);
    }
}
