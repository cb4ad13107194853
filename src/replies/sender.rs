//! Delivers queued replies and safety alerts from the durable outbox through the one outbound
//! module, from the null sender `<>` (RFC 3834), to the reply relay (the reinjection port, so
//! they never pass the filter again). Alerts go first, and are retried sooner. Failures are
//! retried with back-off; a permanent refusal ends the reply or alert.
//!
//! Exactly once: the entry is marked `sending` (flushed) before the send and removed (flushed)
//! after the relay accepted it. A crash in between leaves `sending`, which the store's recovery
//! drops with a warning and a `reply_interrupted` audit entry instead of resending: a
//! duplicate automatic reply is worse than a missing one, and the window is the length of one
//! SMTP `DATA` answer.
//!
//! An alert cut off mid-send is the exception: recovery queues it again (see
//! `store::recovery`), since staff would rather read a safety alert twice than miss it.
//!
//! Each reply's end is audited (`reply_sent`, `reply_refused`, `reply_lost`; its
//! `reply_queued` entry was committed with the outbox entry) in the same transaction that takes
//! it out of the outbox, because the outbox forgets a reply once it is done and the person it
//! went to may ask what was sent (subject access).

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::watch;
use tracing::{error, info, warn};

use crate::clock::Clock;
use crate::outbound::{Outbound, SendError};
use crate::store::{AuditEntry, OutboxEntry, OutboxKind, OutboxState, SYSTEM_ACTOR, Store};

/// How long after its `attempts`-th temporary failure a reply or alert is tried again: a reply
/// from 2 minutes, doubling, up to 4 hours; a safety alert from 15 seconds, doubling, up to 5
/// minutes, for as long as the relay refuses it.
pub fn retry_after(kind: OutboxKind, attempts: u32) -> time::Duration {
    let doubling = 1i64 << attempts.min(8);
    match kind {
        OutboxKind::Reply => time::Duration::minutes(doubling).min(time::Duration::hours(4)),
        OutboxKind::Alert => {
            time::Duration::seconds(15 * (doubling / 2).max(1)).min(time::Duration::minutes(5))
        }
    }
}

pub struct ReplySender {
    pub store: Store,
    pub outbound: Outbound,
    pub clock: Arc<dyn Clock>,
    pub tick: Duration,
}

impl ReplySender {
    pub async fn run(self, mut shutdown: watch::Receiver<bool>) {
        loop {
            self.send_due().await;
            tokio::select! {
                _ = tokio::time::sleep(self.tick) => {}
                _ = shutdown.changed() => return,
            }
        }
    }

    async fn send_due(&self) {
        let entries = match self.store.outbox() {
            Ok(e) => e,
            Err(e) => {
                error!(error = %e, "cannot read the reply outbox");
                return;
            }
        };
        let now = self.clock.now();
        let mut due: Vec<OutboxEntry> = entries
            .into_iter()
            .filter(|e| e.state == OutboxState::Queued && e.next_attempt_at <= now)
            .collect();
        // Safety alerts first: a slow reply must not keep one waiting.
        due.sort_by_key(|e| e.kind != OutboxKind::Alert);
        for mut entry in due {
            let Ok(body) = self.store.outbox_body(&entry.id) else {
                error!(id = %entry.id, "queued reply or alert has no message; dropping it");
                self.end(&entry, "lost").await;
                continue;
            };
            entry.state = OutboxState::Sending;
            entry.attempts += 1;
            let marked = entry.clone();
            if self
                .blocking(move |s| s.update_outbox(&marked))
                .await
                .is_err()
            {
                continue;
            }
            let result = self
                .outbound
                .send("", &entry.recipients(), b"", &body)
                .await;
            let alert = entry.kind == OutboxKind::Alert;
            match result {
                Ok(()) if alert => {
                    info!(id = %entry.id, to = %entry.to, about = %entry.in_reply_to, "alert sent");
                    self.end(&entry, "sent").await;
                }
                Ok(()) => {
                    info!(id = %entry.id, to = %entry.to, template = %entry.template, languages = %entry.languages, in_reply_to = %entry.in_reply_to, "reply sent");
                    self.end(&entry, "sent").await;
                }
                Err(SendError::Transient(e)) => {
                    entry.state = OutboxState::Queued;
                    entry.next_attempt_at = now + retry_after(entry.kind, entry.attempts);
                    entry.last_error = Some(e.clone());
                    if alert {
                        warn!(id = %entry.id, error = %"temporary", attempts = entry.attempts, "alert not sent; will retry");
                    } else {
                        warn!(id = %entry.id, error = %"temporary", attempts = entry.attempts, "reply not sent; will retry");
                    }
                    let e2 = entry.clone();
                    let _ = self.blocking(move |s| s.update_outbox(&e2)).await;
                }
                Err(e) => {
                    if alert {
                        warn!(id = %entry.id, to = %entry.to, error = %e.log_code(), "alert refused; giving up on it");
                    } else {
                        warn!(id = %entry.id, to = %entry.to, error = %e.log_code(), "reply refused; giving up on it");
                    }
                    self.end(&entry, "refused").await;
                }
            }
        }
    }

    /// Takes a reply out of the outbox with the audit entry of what became of it, in one
    /// transaction, so that the person it was for can be told (subject access) after the outbox
    /// has forgotten it. If that fails, the entry stays marked `sending`: the next start records
    /// it as interrupted and never sends it again.
    async fn end(&self, entry: &OutboxEntry, what: &'static str) {
        let event = entry.kind.event(what);
        let audit = AuditEntry::about_reply(SYSTEM_ACTOR, &event, self.clock.now(), entry);
        let id = entry.id.clone();
        if self
            .blocking(move |s| s.end_reply(&id, audit))
            .await
            .is_err()
        {
            error!(id = %entry.id, event = %event, "could not take an ended reply out of the outbox");
        }
    }

    async fn blocking(
        &self,
        f: impl FnOnce(&Store) -> Result<(), crate::store::StoreError> + Send + 'static,
    ) -> Result<(), ()> {
        let store = self.store.clone();
        match tokio::task::spawn_blocking(move || f(&store)).await {
            Ok(Ok(())) => Ok(()),
            Ok(Err(e)) => {
                error!(error = %e, "outbox update failed");
                Err(())
            }
            Err(e) => {
                error!(
                    error = crate::unwind::task_failure(&e),
                    "outbox task failed"
                );
                Err(())
            }
        }
    }
}
