//! Releasing held mail: the one path by which a kept message leaves the store, whether the
//! scheduler releases deferred mail at its contact window, retries recipients the downstream
//! refused for a while, or an officer releases it.
//!
//! Crash safety: the record goes held → releasing (flushed) → send → released or back to held
//! (flushed). If we die after the send but before that, the restart finds `releasing`, puts
//! the message back to held and marks it `release_interrupted`; the next release says so in
//! its header, so a possible duplicate is never silent, and the message is never lost.
//!
//! Refusals, the same rule on the inbound path and on release ([`settle`]):
//! - a recipient the downstream took is recorded in `delivered_to` and never sent to again;
//! - a temporary refusal (4xx, no answer) is retried by the scheduler with back-off, one
//!   minute doubling to an hour, for up to [`RETRY_FOR`] (Postfix's own default queue lifetime);
//! - a permanent refusal (5xx, an address that cannot be sent to), or a temporary one past
//!   [`RETRY_FOR`], is held for an officer with the downstream's answer per recipient. Nothing
//!   is bounced: a filter's sender may be forged, and a bounce to it would be backscatter.
//!
//! The released message is the held bytes with one prepended field,
//! `X-Contactgate-Released-By:` (who, when, the id), and is otherwise byte-identical.

use std::sync::Arc;

use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use tracing::{info, warn};

use crate::clock::Clock;
use crate::message::header_safe;
use crate::outbound::{Delivery, Outbound, SendError};
use crate::store::{AuditEntry, HeldAction, HeldMessage, HeldState, Refusal, Store, StoreError};

/// How long temporary refusals are retried before an officer is asked (Postfix's
/// `maximal_queue_lifetime` default).
pub const RETRY_FOR: time::Duration = time::Duration::days(5);

#[derive(Debug, thiserror::Error)]
pub enum ReleaseError {
    #[error("message {id} is {state:?}, not held")]
    NotHeld { id: String, state: HeldState },
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Nobody took it. The refusals are on the record; temporary ones are retried.
    #[error("the downstream did not take it: {}", describe(.0))]
    Refused(Vec<Refusal>),
}

/// `a@x (550 5.1.1 no such user); b@x (temporary: ...)`.
pub fn describe(refusals: &[Refusal]) -> String {
    refusals
        .iter()
        .map(|r| {
            format!(
                "{} ({}{})",
                r.recipient,
                if r.permanent { "" } else { "temporary: " },
                r.text
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The refusal of `recipient` with `error`, at `at`.
pub fn refusal(recipient: &str, error: &SendError, at: OffsetDateTime) -> Refusal {
    let (code, text, permanent) = match error {
        SendError::Permanent { code, text } => (Some(*code), text.clone(), true),
        SendError::BadAddress(a) => (None, format!("address cannot be sent to: {a}"), true),
        SendError::Transient(t) => {
            let code = t
                .get(..3)
                .and_then(|c| c.parse().ok())
                .filter(|c| (400..500).contains(c));
            (code, t.clone(), false)
        }
    };
    Refusal {
        recipient: recipient.to_string(),
        code,
        text,
        permanent,
        at,
    }
}

/// What one delivery attempt left to do ([`settle`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Settled {
    /// Every recipient has it.
    Delivered,
    /// Some recipients were refused temporarily: the scheduler retries them.
    Retrying,
    /// Some recipients were refused permanently (or for too long): an officer decides.
    HeldForOfficer,
}

/// Applies one delivery attempt to a kept message's record: who has it, who refused and how,
/// and what happens next, by the rule in the module documentation. `started` is when the
/// message first reached us (the retry period runs from it). Leaves `state` alone when
/// everyone has it (the caller marks it released); otherwise the record is held, with
/// `recipients` the ones still to deliver.
pub fn settle(record: &mut HeldMessage, delivery: &Delivery, now: OffsetDateTime) -> Settled {
    for a in &delivery.accepted {
        if !record.delivered_to.contains(a) {
            record.delivered_to.push(a.clone());
        }
    }
    let refused: Vec<Refusal> = delivery
        .failed
        .iter()
        .map(|(r, e)| refusal(r, e, now))
        .collect();
    if !refused.is_empty() {
        keep_refusals(record, &refused, now);
    }
    let refused_for_good = refused_for_good(record);
    let temporary: Vec<String> = refused
        .iter()
        .filter(|r| !r.permanent)
        .map(|r| r.recipient.clone())
        .collect();
    if temporary.is_empty() && refused_for_good.is_empty() {
        record.next_attempt_at = None;
        record.retrying_since = None;
        return Settled::Delivered;
    }
    record.state = HeldState::Held;
    // The retry period runs from the first temporary refusal of this run of them, not from
    // the message's arrival (review finding: a release after a long hold had no retries).
    let since = *record.retrying_since.get_or_insert(now);
    let in_time = now < since + RETRY_FOR;
    if !temporary.is_empty() && in_time {
        // Retry the temporary ones; the permanent ones wait in `refusals` until then.
        retry_later(record, temporary, now);
        return Settled::Retrying;
    }
    hold_for_officer(record, refused_for_good, temporary);
    Settled::HeldForOfficer
}

/// Adds this attempt's refusals to the record: a one-line summary and each refusal.
fn keep_refusals(record: &mut HeldMessage, refused: &[Refusal], now: OffsetDateTime) {
    record.release_errors.push(format!(
        "{}: {}",
        now.format(&Rfc3339).unwrap_or_default(),
        describe(refused)
    ));
    // Bounded: the latest refusal per recipient, and the last few attempts' summaries
    // (review finding: both grew with every retry of every recipient).
    record
        .refusals
        .retain(|old| !refused.iter().any(|r| r.recipient == old.recipient));
    record.refusals.extend(refused.iter().cloned());
    let extra = record
        .release_errors
        .len()
        .saturating_sub(MAX_ATTEMPTS_KEPT);
    record.release_errors.drain(..extra);
}

/// Recipients refused permanently on some attempt and not delivered since: an officer decides
/// (review finding: a 550 beside a 451 was forgotten once the 451 was retried).
fn refused_for_good(record: &HeldMessage) -> Vec<String> {
    let mut refused_for_good: Vec<String> = Vec::new();
    for r in &record.refusals {
        if r.permanent
            && !record.delivered_to.contains(&r.recipient)
            && !refused_for_good.contains(&r.recipient)
        {
            refused_for_good.push(r.recipient.clone());
        }
    }
    refused_for_good
}

/// Schedules the scheduler's next try of the `temporary` refusals.
fn retry_later(record: &mut HeldMessage, temporary: Vec<String>, now: OffsetDateTime) {
    record.action = HeldAction::Retry;
    record.recipients = temporary;
    record.attempts += 1;
    // One minute after the first refusal, doubling, at most an hour.
    let backoff =
        time::Duration::minutes(1i64 << (record.attempts - 1).min(6)).min(time::Duration::hours(1));
    record.next_attempt_at = Some(now + backoff);
}

/// Holds the message for an officer, for the recipients refused for good and those whose
/// temporary refusals outlasted [`RETRY_FOR`], saying which in its reasons.
fn hold_for_officer(
    record: &mut HeldMessage,
    refused_for_good: Vec<String>,
    temporary: Vec<String>,
) {
    let expired = !temporary.is_empty();
    let mut outstanding = refused_for_good;
    for r in temporary {
        if !outstanding.contains(&r) {
            outstanding.push(r);
        }
    }
    record.action = HeldAction::Hold;
    record.recipients = outstanding;
    record.next_attempt_at = None;
    record.retrying_since = None;
    record.reasons.push(if expired {
        format!(
            "the downstream kept refusing {} for {} days; held for an officer",
            record.recipients.join(", "),
            RETRY_FOR.whole_days()
        )
    } else {
        format!(
            "the downstream refused {} permanently; held for an officer (never bounced: the \
             sender may be forged)",
            record.recipients.join(", ")
        )
    });
}

/// Attempts whose summaries `release_errors` keeps, the latest.
const MAX_ATTEMPTS_KEPT: usize = 20;

/// Releases held messages through the one outbound module.
pub struct Releaser {
    pub store: Store,
    pub outbound: Outbound,
    pub clock: Arc<dyn Clock>,
}

impl Releaser {
    /// Sends held message `id` to `to` (default: its recipients not yet delivered) on behalf
    /// of `actor`. `Ok` when at least one recipient took it: the record then says who has it
    /// and what happens to the rest ([`settle`]). `Err(Refused)` when nobody did.
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
        let record = self.claim(id).await?;
        // Recipients an officer names replace the refused ones: their refusals are settled.
        let chosen = to.is_some();
        let recipients: Vec<String> = to.unwrap_or_else(|| {
            record
                .recipients
                .iter()
                .filter(|r| !record.delivered_to.contains(r))
                .cloned()
                .collect()
        });
        let prefix = release_prefix(&record, actor, now, id);
        let delivery = self
            .outbound
            .deliver(&record.sender, &recipients, prefix.as_bytes(), &body, false)
            .await;
        let attempt = Attempt {
            id: id.to_string(),
            actor: actor.to_string(),
            at: now,
            recipients,
            chosen,
            note,
        };
        let (updated, settled) = self.record_attempt(&attempt, delivery).await?;
        outcome(&attempt, updated, settled)
    }

    /// Moves `id` from held to releasing, or says who got there first.
    async fn claim(&self, id: &str) -> Result<HeldMessage, ReleaseError> {
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
        .map_err(task_failed)??;
        if !claimed {
            return Err(ReleaseError::NotHeld {
                id: id.to_string(),
                state: record.state,
            });
        }
        Ok(record)
    }

    /// Settles the record by what `delivery` says and writes it with its audit entry.
    async fn record_attempt(
        &self,
        attempt: &Attempt,
        delivery: Delivery,
    ) -> Result<(HeldMessage, Settled), StoreError> {
        let store = self.store.clone();
        let attempt = attempt.clone();
        // The record and its audit entry in one transaction: a crash cannot keep a release
        // without its entry.
        tokio::task::spawn_blocking(move || {
            let outcome = std::sync::Mutex::new(Settled::Delivered);
            let settled = || {
                *outcome
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner)
            };
            let (updated, _) = store.update_held_audited(
                &attempt.id,
                |r| {
                    if attempt.chosen {
                        r.refusals
                            .retain(|f| !f.permanent || attempt.recipients.contains(&f.recipient));
                    }
                    let s = settle(r, &delivery, attempt.at);
                    if s == Settled::Delivered {
                        r.state = HeldState::Released;
                        r.released_at = Some(attempt.at);
                        r.released_by = Some(attempt.actor.clone());
                    }
                    *outcome
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner) = s;
                },
                |updated| Some(release_entry(&attempt, updated, settled())),
            )?;
            Ok::<_, StoreError>((updated, settled()))
        })
        .await
        .map_err(task_failed)?
    }
}

/// One release attempt, as the record's update and its audit entry see it.
#[derive(Clone)]
struct Attempt {
    id: String,
    actor: String,
    at: OffsetDateTime,
    /// Who it was sent to this time.
    recipients: Vec<String>,
    /// An officer named the recipients (their earlier permanent refusals are settled).
    chosen: bool,
    /// The officer's note, for the audit entry.
    note: Option<String>,
}

/// A release task that panicked or was cancelled, as the store error the caller reports.
fn task_failed(e: tokio::task::JoinError) -> StoreError {
    StoreError::Corrupt(format!("release: {}", crate::unwind::task_failure(&e)))
}

/// The fields prepended to the held bytes: who released it, and its flags if it has any.
fn release_prefix(record: &HeldMessage, actor: &str, now: OffsetDateTime, id: &str) -> String {
    let mut prefix = released_by_header(actor, now, id, record.release_interrupted);
    if !record.flags.is_empty() {
        // The recipient should know what the officer released it with.
        prefix.push_str(&format!(
            "X-Contactgate-Flags: {}\r\n",
            header_safe(&crate::flags::header_value(&record.flags), 900)
        ));
    }
    prefix
}

/// Logs how the attempt went; `Ok` when at least one recipient took it.
fn outcome(
    attempt: &Attempt,
    updated: HeldMessage,
    settled: Settled,
) -> Result<HeldMessage, ReleaseError> {
    let (id, actor, recipients) = (
        attempt.id.as_str(),
        attempt.actor.as_str(),
        &attempt.recipients,
    );
    let delivered: Vec<&String> = recipients
        .iter()
        .filter(|r| updated.delivered_to.contains(r))
        .collect();
    let refused: Vec<Refusal> = updated
        .refusals
        .iter()
        .filter(|f| f.at == attempt.at && recipients.contains(&f.recipient))
        .cloned()
        .collect();
    match settled {
        Settled::Delivered => {
            info!(id, actor, recipients = recipients.len(), "released");
            Ok(updated)
        }
        _ if !delivered.is_empty() => {
            warn!(
                id,
                actor,
                delivered = delivered.len(),
                refused = refused.len(),
                action = updated.action.as_str(),
                "released in part"
            );
            Ok(updated)
        }
        _ => {
            warn!(
                id,
                actor,
                refused = refused.len(),
                action = updated.action.as_str(),
                "release refused; the message stays held"
            );
            Err(ReleaseError::Refused(refused))
        }
    }
}

/// The audit entry of one release attempt: who has it now, who refused and how, the
/// officer's note; `release`, `release_partial` or `release_failed`.
fn release_entry(attempt: &Attempt, updated: &HeldMessage, settled: Settled) -> AuditEntry {
    let (now, recipients) = (attempt.at, &attempt.recipients);
    let delivered: Vec<&str> = recipients
        .iter()
        .filter(|r| updated.delivered_to.contains(r))
        .map(String::as_str)
        .collect();
    let mut entry = AuditEntry::new(&attempt.actor, "release", now);
    entry.message = Some(attempt.id.clone());
    entry.sender = Some(updated.sender.clone());
    entry.customers = updated.customers.clone();
    entry.action = Some(updated.action.as_str().to_string());
    if !delivered.is_empty() {
        entry.details.push(format!("to {}", delivered.join(", ")));
    }
    for f in updated
        .refusals
        .iter()
        .filter(|f| f.at == now && recipients.contains(&f.recipient))
    {
        entry.details.push(format!(
            "refused by the downstream for {}: {}{}",
            f.recipient,
            f.text,
            if f.permanent {
                ""
            } else {
                " (temporary; retried)"
            }
        ));
    }
    entry.details.extend(attempt.note.clone());
    if settled == Settled::Delivered && updated.release_interrupted {
        entry
            .details
            .push("an earlier release was interrupted; marked as a possible duplicate".into());
    }
    entry.event = match (settled, delivered.is_empty()) {
        (Settled::Delivered, _) => "release",
        (_, false) => "release_partial",
        (_, true) => "release_failed",
    }
    .into();
    entry
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
