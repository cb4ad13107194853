//! The acknowledgement path: whether this message gets an automatic reply, and the audit
//! entry of one that the guards or the rate limit hold back.
//!
//! Apart from the flow in `mod.rs` because it is one decision with its own rules
//! (`replies::prepare`'s guards, the rate limit the store applies in the same commit as the
//! decision) and its own privacy line: a `reply_withheld` entry names the case and the
//! template, never the customer's name, address or words.

use time::OffsetDateTime;
use tracing::info;

use super::Pipeline;
use crate::message::Message;
use crate::policy::Verdict;
use crate::replies;
use crate::ruleset::RuleSet;
use crate::smtp::Transaction;
use crate::store::{
    AuditEntry, OUTBOX_RECORD_VERSION, OutboxEntry, OutboxState, QueuedReply, SYSTEM_ACTOR,
};

impl Pipeline {
    /// The acknowledgement for this message, if the verdict calls for one and every guard
    /// allows it. Skips are logged with their reason code (never the header or subject that
    /// caused them). A reply a guard or the rate limit holds back comes back as a
    /// `reply_withheld` audit entry with its reason code, to be committed with the decision.
    pub(super) fn acknowledgement_for(
        &self,
        t: &Transaction,
        message: &Message,
        verdict: &Verdict,
        rules: &RuleSet,
        id: &str,
        now: OffsetDateTime,
    ) -> ReplyDecision {
        let Some(plan) = verdict.reply.as_ref() else {
            return ReplyDecision::default();
        };
        match replies::prepare(
            &self.replies,
            &rules.templates,
            &rules.restrictions,
            plan,
            message,
            &t.envelope.sender,
            id,
            now,
            verdict.release_at,
        ) {
            Err(skip) => {
                info!(
                    id,
                    template = plan.template.name(),
                    reason = skip.code(),
                    "no reply"
                );
                // Every reply the guards hold back is on the record with its reason code; a
                // reply that is off or not enabled in the configuration is not a decision
                // about this message.
                let decided = !matches!(
                    skip,
                    replies::Skip::RepliesOff | replies::Skip::NotEnabled(_)
                );
                ReplyDecision {
                    queued: None,
                    withheld: decided.then(|| reply_withheld_entry(t, plan, &skip, id, now)),
                }
            }
            Ok(out) => {
                let entry = OutboxEntry {
                    kind: crate::store::OutboxKind::Reply,
                    version: OUTBOX_RECORD_VERSION,
                    id: format!("{id}R"),
                    in_reply_to: id.to_string(),
                    to: out.to,
                    template: out.template.to_string(),
                    languages: out.languages,
                    queued_at: now,
                    state: OutboxState::Queued,
                    attempts: 0,
                    next_attempt_at: now,
                    last_error: None,
                };
                let mut queued = AuditEntry::about_reply(SYSTEM_ACTOR, "reply_queued", now, &entry);
                queued.customers = vec![plan.customer_id.clone()];
                let limited = replies::Skip::RateLimited {
                    template: plan.template.to_string(),
                    days: self.replies.interval_days,
                };
                let limited = reply_withheld_entry(t, plan, &limited, id, now);
                ReplyDecision {
                    queued: Some(QueuedReply {
                        rate_key: out.rate_key,
                        interval: crate::clock::days(self.replies.interval_days),
                        entry,
                        body: out.bytes,
                        audit_if_queued: vec![queued],
                        audit_if_limited: vec![limited],
                    }),
                    withheld: None,
                }
            }
        }
    }

    pub(super) fn log_rate_limited(
        &self,
        id: &str,
        queued: bool,
        reply: &Option<(String, String)>,
    ) {
        if let (false, Some((template, to))) = (queued, reply) {
            let skip = replies::Skip::RateLimited {
                template: template.clone(),
                days: self.replies.interval_days,
            };
            info!(id, template = %template, to = %to, reason = skip.code(), "no reply");
        }
    }
}

/// What the reply path decided for one message.
#[derive(Default)]
pub(super) struct ReplyDecision {
    /// The reply to queue (the store still applies the rate limit).
    pub(super) queued: Option<QueuedReply>,
    /// The audit entry of a reply the verdict planned but the envelope sender may not have.
    pub(super) withheld: Option<AuditEntry>,
}

/// `reply_withheld`: the verdict called for a reply about customer `plan.customer_id`, and it
/// was not sent because of `skip`. Identifiers and a reason code only: the entry names the case
/// and the template, never the customer's name, address or anything they wrote.
fn reply_withheld_entry(
    t: &Transaction,
    plan: &crate::policy::ReplyPlan,
    skip: &replies::Skip,
    id: &str,
    now: OffsetDateTime,
) -> AuditEntry {
    let mut e = AuditEntry::new(SYSTEM_ACTOR, "reply_withheld", now);
    e.message = Some(id.to_string());
    e.sender = Some(t.envelope.sender.clone());
    e.customers = vec![plan.customer_id.clone()];
    e.details = vec![
        format!("reason: {}", skip.code()),
        format!("template: {}", plan.template),
    ];
    e
}
