//! The per-message pipeline: parse → decide → act → answer.
//!
//! This is where the invariants meet the SMTP reply:
//! - 250 only after the downstream accepted the message or the held copy is durable;
//! - every internal failure becomes a 4xx so Postfix keeps the message and retries;
//! - one log line per message, with its id, client, envelope, size, action, reasons and time.
//!
//! [`reply_for`] is the one place where internal outcomes turn into SMTP replies.

use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Instant;

use time::OffsetDateTime;
use tracing::{error, info, warn};

use crate::message::Message;
use crate::outbound::{Delivery, Outbound, SendError};
use crate::policy::{self, Action, PolicySettings, Verdict};
use crate::smtp::{MessageHandler, Reply, Transaction};
use crate::store::{HELD_RECORD_VERSION, HeldAction, HeldMessage, HeldState, Store, StoreError};

/// Everything the pipeline needs; shared by all connections.
pub struct Pipeline {
    pub store: Store,
    pub outbound: Outbound,
    pub policy: PolicySettings,
    ids: IdGenerator,
}

/// What happened to a message, before it becomes an SMTP reply.
#[derive(Debug)]
pub enum Outcome {
    Delivered,
    /// Delivered to some recipients; the others' copy is held.
    PartlyHeld {
        held_for: Vec<String>,
    },
    Held,
    ParseFailed(String),
    StoreFailed(StoreError),
    DeliveryFailed(SendError),
}

impl Pipeline {
    pub fn new(store: Store, outbound: Outbound, policy: PolicySettings) -> Pipeline {
        Pipeline {
            store,
            outbound,
            policy,
            ids: IdGenerator::default(),
        }
    }

    /// Runs the pipeline for one message. A hold moves `t.data` into the store.
    async fn process(
        &self,
        t: &mut Transaction,
        id: &str,
        now: OffsetDateTime,
    ) -> (Outcome, Option<Verdict>) {
        let message = match Message::parse(&t.data) {
            Ok(m) => m,
            Err(e) => return (Outcome::ParseFailed(e.to_string()), None),
        };
        let verdict = policy::decide(&message, &t.envelope, &self.policy, now);
        let outcome = match verdict.action {
            Action::Deliver => {
                let header = x_contactgate_header(&verdict, id);
                let delivery = self
                    .outbound
                    .deliver(
                        &t.envelope.sender,
                        &verdict.recipients,
                        header.as_bytes(),
                        &t.data,
                    )
                    .await;
                self.after_delivery(t, &message, id, now, delivery).await
            }
            Action::Hold => {
                let record = held_record(
                    t,
                    &message,
                    id,
                    now,
                    &verdict.recipients,
                    verdict.reasons.clone(),
                );
                // The body moves into the store: no second copy of a large message.
                match self.store.hold(record, std::mem::take(&mut t.data)).await {
                    Ok(()) => Outcome::Held,
                    Err(e) => Outcome::StoreFailed(e),
                }
            }
        };
        (outcome, Some(verdict))
    }

    /// Turns a delivery report into an outcome, holding the copy for refused recipients when
    /// others were accepted (the one reply we give Postfix cannot be split by recipient).
    async fn after_delivery(
        &self,
        t: &Transaction,
        message: &Message,
        id: &str,
        now: OffsetDateTime,
        delivery: Delivery,
    ) -> Outcome {
        if delivery.failed.is_empty() {
            return Outcome::Delivered;
        }
        if delivery.accepted.is_empty() {
            // Nothing went out: report the most hopeful failure so Postfix retries if it can.
            let mut failures = delivery.failed.into_iter().map(|(_, e)| e);
            let first = failures.next().expect("failed is not empty");
            let transient = std::iter::once(first.clone())
                .chain(failures)
                .find(|e| matches!(e, SendError::Transient(_)));
            return Outcome::DeliveryFailed(transient.unwrap_or(first));
        }
        let held_for: Vec<String> = delivery.failed.iter().map(|(r, _)| r.clone()).collect();
        let reasons = delivery
            .failed
            .iter()
            .map(|(r, e)| format!("downstream did not take recipient {r}: {e}"))
            .chain(std::iter::once(format!(
                "delivered to {}; held for the rest",
                delivery.accepted.join(", ")
            )))
            .collect();
        let record = held_record(t, message, id, now, &held_for, reasons);
        match self.store.hold(record, t.data.clone()).await {
            Ok(()) => Outcome::PartlyHeld { held_for },
            // Some recipients already have it. A retry duplicates for them, which is better
            // than losing it for the rest.
            Err(e) => Outcome::StoreFailed(e),
        }
    }
}

impl MessageHandler for Pipeline {
    async fn handle(&self, mut t: Transaction) -> Reply {
        let started = Instant::now();
        let now = OffsetDateTime::now_utc();
        let id = self.ids.next(now);
        let size = t.data.len();
        let (outcome, verdict) = self.process(&mut t, &id, now).await;
        let reply = reply_for(&outcome, &id);
        let client = client_addr(&t).unwrap_or_default();
        let queue_id = t.client.xforward.ident.as_deref().unwrap_or("");
        let action = match &outcome {
            Outcome::Delivered => "deliver",
            Outcome::PartlyHeld { .. } => "deliver+hold",
            Outcome::Held => "hold",
            _ => "tempfail",
        };
        let reasons = verdict.map(|v| v.reasons.join("; ")).unwrap_or_default();
        let to = t.envelope.recipients.join(",");
        let ms = started.elapsed().as_millis() as u64;
        let from = t.envelope.sender.as_str();
        if reply.is_positive() {
            info!(id, client, queue_id, from, to, size, action, reasons, ms, reply = %reply, "message");
        } else {
            let error = outcome_detail(&outcome);
            warn!(id, client, queue_id, from, to, size, action, reasons, ms, reply = %reply, error, "message not accepted");
        }
        reply
    }
}

/// The original client: Postfix's XFORWARD ADDR, else the peer that connected to us.
fn client_addr(t: &Transaction) -> Option<String> {
    t.client
        .xforward
        .addr
        .clone()
        .or_else(|| t.client.peer.map(|p| p.ip().to_string()))
}

/// The one mapping from internal outcomes to SMTP replies.
pub fn reply_for(outcome: &Outcome, id: &str) -> Reply {
    match outcome {
        Outcome::Delivered => Reply::new(250, "2.0.0", format!("Ok: {id} delivered")),
        Outcome::PartlyHeld { held_for } => Reply::new(
            250,
            "2.0.0",
            format!("Ok: {id} delivered; held for {}", held_for.join(", ")),
        ),
        Outcome::Held => Reply::new(250, "2.0.0", format!("Ok: {id} held")),
        Outcome::ParseFailed(_) => Reply::new(
            451,
            "4.3.0",
            format!("Error: {id} could not be parsed; try again later"),
        ),
        Outcome::StoreFailed(_) => Reply::new(
            451,
            "4.3.0",
            format!("Error: {id} could not be stored; try again later"),
        ),
        Outcome::DeliveryFailed(SendError::Transient(_)) => Reply::new(
            451,
            "4.4.1",
            format!("Error: {id} downstream unavailable; try again later"),
        ),
        Outcome::DeliveryFailed(SendError::Permanent { code, text }) => Reply::new(
            if (500..600).contains(code) {
                *code
            } else {
                554
            },
            "5.0.0",
            format!("Error: {id} refused downstream: {text}"),
        ),
        Outcome::DeliveryFailed(SendError::BadAddress(a)) => Reply::new(
            553,
            "5.1.3",
            format!("Error: {id} address cannot be reinjected: {a}"),
        ),
    }
}

fn outcome_detail(outcome: &Outcome) -> String {
    match outcome {
        Outcome::ParseFailed(e) => e.clone(),
        Outcome::StoreFailed(e) => {
            error!(error = %e, "store failure");
            e.to_string()
        }
        Outcome::DeliveryFailed(e) => e.to_string(),
        _ => String::new(),
    }
}

/// The header prepended to delivered mail: action, id and a short reason. Reasons are ours, but
/// scrub them anyway so nothing can ever end the header early.
pub fn x_contactgate_header(verdict: &Verdict, id: &str) -> String {
    let reason: String = verdict
        .reasons
        .first()
        .map(String::as_str)
        .unwrap_or("")
        .chars()
        .map(|c| {
            if c.is_control() || c == '"' || c == '\\' || !c.is_ascii() {
                ' '
            } else {
                c
            }
        })
        .take(200)
        .collect();
    format!(
        "X-Contactgate: action={}; id={id}; reason=\"{reason}\"\r\n",
        verdict.action.as_str()
    )
}

fn held_record(
    t: &Transaction,
    message: &Message,
    id: &str,
    now: OffsetDateTime,
    recipients: &[String],
    reasons: Vec<String>,
) -> HeldMessage {
    HeldMessage {
        version: HELD_RECORD_VERSION,
        id: id.to_string(),
        received_at: now,
        sender: t.envelope.sender.clone(),
        recipients: recipients.to_vec(),
        message_id: message.message_id.clone(),
        subject: message.subject.clone(),
        client_addr: client_addr(t),
        postfix_queue_id: t.client.xforward.ident.clone(),
        action: HeldAction::Hold,
        reasons,
        release_at: None,
        size: t.data.len() as u64,
        state: HeldState::Held,
    }
}

/// Message ids: time-ordered and unique within the process, safe as file names.
///
/// Microseconds since the epoch (hex) plus a wrapping counter, so ids sort by arrival and two
/// messages in the same microsecond still differ.
#[derive(Default)]
struct IdGenerator {
    counter: AtomicU32,
}

impl IdGenerator {
    fn next(&self, now: OffsetDateTime) -> String {
        let micros = (now.unix_timestamp_nanos() / 1000) as u64;
        let n = self.counter.fetch_add(1, Ordering::Relaxed) & 0xFFFF;
        format!("{micros:014X}{n:04X}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_ordered() {
        let g = IdGenerator::default();
        let t = OffsetDateTime::from_unix_timestamp(1_780_000_000).unwrap();
        let a = g.next(t);
        let b = g.next(t);
        assert_ne!(a, b);
        assert!(a < b);
        assert!(g.next(t + time::Duration::SECOND) > b);
    }

    #[test]
    fn failures_map_to_retryable_replies() {
        for o in [
            Outcome::ParseFailed("x".into()),
            Outcome::StoreFailed(StoreError::Closed),
            Outcome::DeliveryFailed(SendError::Transient("down".into())),
        ] {
            let r = reply_for(&o, "ID");
            assert_eq!(r.code, 451, "{o:?}");
        }
        let r = reply_for(
            &Outcome::DeliveryFailed(SendError::Permanent {
                code: 550,
                text: "no".into(),
            }),
            "ID",
        );
        assert_eq!(r.code, 550);
    }

    #[test]
    fn header_cannot_be_broken_by_a_reason() {
        let v = Verdict {
            action: Action::Deliver,
            recipients: vec![],
            reasons: vec!["a\r\nBcc: x@y\"".into()],
        };
        let h = x_contactgate_header(&v, "ID");
        assert_eq!(h.matches("\r\n").count(), 1);
        assert!(h.ends_with("\r\n"));
    }
}
