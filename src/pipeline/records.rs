//! The records a decision leaves in the store: the held copy (`HeldMessage`), the `decision`
//! audit entry and the incidents its flags raise.
//!
//! Apart from the flow in `mod.rs` because they are pure builders (transaction and verdict
//! in, record out, no I/O) shared by every path that keeps or audits a message: a hold, a
//! delivery some recipients refused, and the hold after a panic. What they leave out matters
//! as much as what they keep: the customer's words go to `quoted`, to be redacted after their
//! retention period; a reported quote is never an incident against its reporter.

use time::OffsetDateTime;

use super::Verdict;
use crate::message::Message;
use crate::outbound::Delivery;
use crate::policy::{self, Action, Code, Reason};
use crate::release::Settled;
use crate::smtp::Transaction;
use crate::store::{
    AuditEntry, HELD_RECORD_VERSION, HeldAction, HeldMessage, HeldState, INCIDENT_RECORD_VERSION,
    Incident, SYSTEM_ACTOR,
};

/// The original client: Postfix's XFORWARD ADDR, else the peer that connected to us.
pub(super) fn client_addr(t: &Transaction) -> Option<String> {
    t.client
        .xforward
        .addr
        .clone()
        .or_else(|| t.client.peer.map(|p| p.ip().to_string()))
}

/// The incidents a decision records: every content flag not quoted in a report, and each
/// contact-pattern flag on the message that crossed its threshold (not again for every message
/// after it).
pub(super) fn incidents_for(
    t: &Transaction,
    message: &Message,
    id: &str,
    now: OffsetDateTime,
    verdict: &Verdict,
    crossed: &[String],
) -> Vec<Incident> {
    let sender = if t.envelope.sender.is_empty() {
        message.from.first().cloned().unwrap_or_default()
    } else {
        t.envelope.sender.clone()
    };
    verdict
        .flags
        .iter()
        // Abuse a resident quotes from a report is not theirs to be recorded against.
        .filter(|f| !f.reported)
        .filter(|f| !f.rule.starts_with("monitoring/") || crossed.contains(&f.rule))
        .map(|f| Incident {
            version: INCIDENT_RECORD_VERSION,
            seq: 0,
            at: now,
            sender: sender.clone(),
            customers: verdict.customers.clone(),
            message: id.to_string(),
            message_id: message.message_id.clone(),
            category: f.category.clone(),
            severity: f.severity,
            rule: f.rule.clone(),
            excerpt: f.excerpt.clone(),
            action: verdict.action.as_str().to_string(),
        })
        .collect()
}

pub(super) fn decision_entry(
    t: &Transaction,
    verdict: &Verdict,
    id: &str,
    now: OffsetDateTime,
) -> AuditEntry {
    let mut e = AuditEntry::new(SYSTEM_ACTOR, "decision", now);
    e.message = Some(id.to_string());
    e.sender = Some(t.envelope.sender.clone());
    e.customers = verdict.customers.clone();
    e.action = Some(verdict.action.as_str().to_string());
    // The customer's words go apart from the reasons: they are redacted after their retention
    // period, the reasons stay.
    let (quoted, details): (Vec<_>, Vec<_>) = verdict
        .reasons
        .iter()
        .partition(|r| r.code.quotes_customer());
    e.quoted = quoted.into_iter().map(|r| r.text.clone()).collect();
    e.details = details.into_iter().map(|r| r.text.clone()).collect();
    if verdict.recipients != verdict.original_recipients {
        e.details.push(format!(
            "recipients {} routed to {}",
            verdict.original_recipients.join(", "),
            verdict.recipients.join(", ")
        ));
    }
    e
}

pub(super) fn held_record(
    t: &Transaction,
    message: &Message,
    id: &str,
    now: OffsetDateTime,
    verdict: &Verdict,
) -> HeldMessage {
    HeldMessage {
        version: HELD_RECORD_VERSION,
        id: id.to_string(),
        received_at: now,
        sender: t.envelope.sender.clone(),
        recipients: verdict.recipients.clone(),
        message_id: message.message_id.clone(),
        subject: message.subject.clone(),
        client_addr: client_addr(t),
        postfix_queue_id: t.client.xforward.ident.clone(),
        action: match verdict.action {
            Action::Defer => HeldAction::Defer,
            Action::File => HeldAction::File,
            _ => HeldAction::Hold,
        },
        reasons: policy::reason::texts(&verdict.reasons),
        release_at: verdict.release_at,
        size: t.data.len() as u64,
        state: HeldState::Held,
        original_recipients: verdict.original_recipients.clone(),
        customers: verdict.customers.clone(),
        release_errors: Vec::new(),
        release_interrupted: false,
        released_at: None,
        released_by: None,
        discarded_at: None,
        discarded_by: None,
        discard_reason: None,
        flags: verdict.flags.clone(),
        delivered_to: Vec::new(),
        refusals: Vec::new(),
        attempts: 0,
        next_attempt_at: None,
        retrying_since: None,
        automated: verdict.automated_check(),
        review: None,
    }
}

/// The verdict for the copy kept after the downstream refused some or all recipients: held
/// for the refused recipients, with a reason for each refusal and one for what was delivered,
/// then the policy's own reasons (`decided`), customers, flags and novelty.
pub(super) fn kept_copy_verdict(
    t: &Transaction,
    decided: &Verdict,
    delivery: &Delivery,
) -> Verdict {
    let reasons: Vec<Reason> = delivery
        .failed
        .iter()
        .map(|(r, e)| {
            Reason::new(
                Code::DownstreamRefused,
                format!("downstream did not take recipient {r}: {e}"),
            )
        })
        .chain(std::iter::once(if delivery.accepted.is_empty() {
            Reason::new(Code::DownstreamNothing, "nothing could be delivered")
        } else {
            Reason::new(
                Code::DownstreamPartial,
                format!(
                    "delivered to {}; kept for the rest",
                    delivery.accepted.join(", ")
                ),
            )
        }))
        .chain(decided.reasons.iter().cloned())
        .collect();
    Verdict {
        action: Action::Hold,
        recipients: delivery.failed.iter().map(|(r, _)| r.clone()).collect(),
        original_recipients: t.envelope.recipients.clone(),
        summary: reasons[0].text.clone(),
        reasons,
        customers: decided.customers.clone(),
        release_at: None,
        // The officer who picks up the held copy sees the same flags as the delivered one.
        flags: decided.flags.clone(),
        reply: None,
        novelty: decided.novelty.clone(),
    }
}

/// The held record of the kept copy, settled by the one refusal rule
/// ([`crate::release::settle`]); what settling added to its reasons is added to `verdict`'s
/// too, for the audit entry.
pub(super) fn settle_kept_copy(
    t: &Transaction,
    message: &Message,
    id: &str,
    now: OffsetDateTime,
    verdict: &mut Verdict,
    delivery: &Delivery,
) -> (HeldMessage, Settled) {
    let mut record = held_record(t, message, id, now, verdict);
    let settled = crate::release::settle(&mut record, delivery, now);
    // What settling added (a copy held for an officer says why), for the audit entry.
    let added = record
        .reasons
        .get(verdict.reasons.len()..)
        .unwrap_or_default();
    verdict.reasons.extend(
        added
            .iter()
            .map(|text| Reason::new(Code::DownstreamHeld, text.clone())),
    );
    (record, settled)
}
