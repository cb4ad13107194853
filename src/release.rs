//! Releasing held mail: the one path by which a kept message leaves the store, whether the
//! scheduler releases deferred mail at its contact window or an officer releases it.
//!
//! Crash safety: the record goes held → releasing (flushed) → send → released (flushed). If we
//! die after the send but before `released`, the restart finds `releasing`, puts the message
//! back to held and marks it `release_interrupted`; the next release says so in its header, so
//! a possible duplicate is never silent, and the message is never lost.
//!
//! The released message is the held bytes with one prepended field,
//! `X-Contactgate-Released-By:` (who, when, the id), and is otherwise byte-identical.

use std::sync::Arc;

use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use tracing::{info, warn};

use crate::clock::Clock;
use crate::outbound::{Outbound, SendError};
use crate::pipeline::header_safe;
use crate::store::{AuditEntry, HeldMessage, HeldState, Store, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum ReleaseError {
    #[error("message {id} is {state:?}, not held")]
    NotHeld { id: String, state: HeldState },
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the downstream did not take it: {0}")]
    Send(SendError),
}

/// Releases held messages through the one outbound module.
pub struct Releaser {
    pub store: Store,
    pub outbound: Outbound,
    pub clock: Arc<dyn Clock>,
}

impl Releaser {
    /// Sends held message `id` to `to` (default: its routed recipients) on behalf of `actor`.
    pub async fn release(
        &self,
        id: &str,
        actor: &str,
        to: Option<Vec<String>>,
        note: Option<String>,
    ) -> Result<HeldMessage, ReleaseError> {
        let record = self.store.held_message(id)?;
        if record.state != HeldState::Held {
            return Err(ReleaseError::NotHeld {
                id: id.to_string(),
                state: record.state,
            });
        }
        let body = self.store.held_body(id)?;
        let now = self.clock.now();
        let store = self.store.clone();
        let owned = id.to_string();
        // Held → releasing happens inside the atomic update, so two releases at once (the
        // scheduler and an officer, or two officers) or a release racing a discard cannot both
        // win: whoever comes second sees a state other than held.
        let (record, claimed) = tokio::task::spawn_blocking(move || {
            // Set by the update's last (successful) run: did this call move it off held?
            let claimed = std::sync::atomic::AtomicBool::new(false);
            let record = store.update_held(&owned, |r| {
                let held = r.state == HeldState::Held;
                claimed.store(held, std::sync::atomic::Ordering::SeqCst);
                if held {
                    r.state = HeldState::Releasing;
                }
            });
            record.map(|r| (r, claimed.into_inner()))
        })
        .await
        .map_err(|e| StoreError::Corrupt(format!("release task: {e}")))??;
        if !claimed {
            return Err(ReleaseError::NotHeld {
                id: id.to_string(),
                state: record.state,
            });
        }
        let recipients = to.unwrap_or_else(|| record.recipients.clone());
        let mut prefix = released_by_header(actor, now, id, record.release_interrupted);
        if !record.flags.is_empty() {
            // The recipient should know what the officer released it with.
            prefix.push_str(&format!(
                "X-Contactgate-Flags: {}\r\n",
                crate::pipeline::header_safe(&crate::flags::header_value(&record.flags), 900)
            ));
        }
        let sent = self
            .outbound
            .send(&record.sender, &recipients, prefix.as_bytes(), &body)
            .await;
        let store = self.store.clone();
        let owned = id.to_string();
        let actor_owned = actor.to_string();
        // Timestamped (RFC 3339, then ": ") so the scheduler can back off from the last failure.
        let stamp = now.format(&Rfc3339).unwrap_or_default();
        let error_text = sent.as_ref().err().map(|e| format!("{stamp}: {e}"));
        let ok = sent.is_ok();
        let updated = tokio::task::spawn_blocking(move || {
            store.update_held(&owned, |r| {
                if ok {
                    r.state = HeldState::Released;
                    r.released_at = Some(now);
                    r.released_by = Some(actor_owned.clone());
                } else {
                    r.state = HeldState::Held;
                    r.release_errors.extend(error_text.clone());
                }
            })
        })
        .await
        .map_err(|e| StoreError::Corrupt(format!("release task: {e}")))??;
        let mut entry = AuditEntry::new(actor, "release", now);
        entry.message = Some(id.to_string());
        entry.sender = Some(updated.sender.clone());
        entry.customers = updated.customers.clone();
        entry.action = Some(updated.action.as_str().to_string());
        entry.details.push(format!("to {}", recipients.join(", ")));
        entry.details.extend(note);
        match sent {
            Ok(()) => {
                if updated.release_interrupted {
                    entry.details.push(
                        "an earlier release was interrupted; marked as a possible duplicate".into(),
                    );
                }
                self.store.audit(entry).await?;
                info!(id, actor, to = %recipients.join(","), "released");
                Ok(updated)
            }
            Err(e) => {
                entry.event = "release_failed".into();
                entry.details.push(e.to_string());
                self.store.audit(entry).await?;
                warn!(id, actor, error = %e, "release failed; the message stays held");
                Err(ReleaseError::Send(e))
            }
        }
    }
}

/// `X-Contactgate-Released-By: actor; time; id=ID[; possible-duplicate]`.
pub fn released_by_header(
    actor: &str,
    at: OffsetDateTime,
    id: &str,
    possible_duplicate: bool,
) -> String {
    let at = at.format(&Rfc3339).unwrap_or_default();
    format!(
        "X-Contactgate-Released-By: {}; {at}; id={id}{}\r\n",
        header_safe(actor, 100),
        if possible_duplicate {
            "; possible-duplicate"
        } else {
            ""
        }
    )
}
