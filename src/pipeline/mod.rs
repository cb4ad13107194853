//! The per-message pipeline: parse → decide → act → answer.
//!
//! This is where the invariants meet the SMTP reply:
//! - 250 only after the downstream accepted the message or the held copy is durable;
//! - every internal failure becomes a 4xx so Postfix keeps the message and retries;
//! - every decision other than a plain delivery is in the audit trail before the 250;
//! - one log line per message, with its id, client, envelope, size, action, reason codes and
//!   time (never the reasons' text, which can name the customer and quote their words).
//!
//! [`smtp_reply_for`] is the one place where internal outcomes turn into SMTP replies.
//!
//! This file holds the flow: the [`Pipeline`] type, `Pipeline::process` and its steps (act,
//! then remember), the answer after a panic and the one log line. What it hands off to lives
//! beside it, one seam a file:
//! - `analysis`: parse → identify → observe → decide on a blocking thread, within the budget,
//!   or on the headers alone;
//! - `acknowledgement`: the automatic reply, or the audit entry of one held back;
//! - `records`: the held copy, the decision's audit entry and its incidents;
//! - `headers`: the X-Contactgate header fields on delivered mail;
//! - `answer`: outcomes to SMTP replies;
//! - `ids`: message ids.

mod acknowledgement;
mod analysis;
mod answer;
mod headers;
mod ids;
mod records;

use std::sync::Arc;
use std::time::{Duration, Instant};

use time::OffsetDateTime;
use tracing::{error, info, warn};

use crate::alerts::{AlertSettings, AlertSubject};
use crate::clock::Clock;
use crate::message::Message;
use crate::novelty::{Earlier, Fingerprint};
use crate::outbound::{Delivery, Outbound, SendError};
use crate::policy::{self, Action, PolicySettings, Verdict};
use crate::replies::ReplySettings;
use crate::ruleset::{LiveRules, RuleSet};
use crate::smtp::{MessageHandler, Reply, Transaction};
use crate::store::history::{HistoryCaps, HistoryScope};
use crate::store::{AuditEntry, Incident, Outgoing, QueuedReply, Store, StoreError};
use acknowledgement::ReplyDecision;
use analysis::{Unanalysed, header_view, unanalysed_verdict};
pub use analysis::{history_identities, judge_novelty};
use answer::outcome_detail;
pub use answer::smtp_reply_for;
use headers::delivery_header_fields;
pub use headers::x_contactgate_header;
use ids::IdGenerator;
use records::{
    client_addr, decision_entry, held_record, incidents_for, kept_copy_verdict, settle_kept_copy,
};

/// Analyses running at once at most (on blocking threads).
pub const ANALYSES_IN_FLIGHT: usize = 16;

/// How long one message's analysis may take by default before it is decided on its headers.
pub const ANALYSIS_TIMEOUT: Duration = Duration::from_secs(10);

/// Everything the pipeline needs; shared by all connections.
pub struct Pipeline {
    pub store: Store,
    pub outbound: Outbound,
    pub policy: PolicySettings,
    pub rules: Arc<LiveRules>,
    pub clock: Arc<dyn Clock>,
    pub replies: ReplySettings,
    /// The analysis budget in wall time ([`Pipeline::analyse`]); `analysis_timeout_secs`.
    pub analysis_timeout: Duration,
    /// Urgent safety alerts (`[alerts]`); `None`: off.
    pub alerts: Option<AlertSettings>,
    /// Fault injection for tests ([`AnalysisHook`]); `None` in the daemon.
    pub analysis_hook: Option<AnalysisHook>,
    /// Permits for analyses in flight ([`ANALYSES_IN_FLIGHT`]).
    analysis_slots: Arc<tokio::sync::Semaphore>,
    /// How much correspondence history is kept; `history_max_messages_per_sender`,
    /// `history_max_bytes`.
    pub history_caps: HistoryCaps,
    /// Whose correspondence history is kept; `history_scope`.
    pub history_scope: HistoryScope,
    ids: IdGenerator,
}

/// A test's fault injection: runs on each parsed message inside the analysis (it may panic or
/// sleep, to stand for a bug or a slow input).
pub type AnalysisHook = Arc<dyn Fn(&Message) + Send + Sync>;

/// What happened to a message, before it becomes an SMTP reply.
#[derive(Debug)]
pub enum Outcome {
    Delivered,
    /// The downstream refused some or all recipients: a copy is kept for them (retried, or
    /// held for an officer).
    PartlyHeld {
        /// Whether any recipient has it.
        delivered: bool,
        kept_for: Vec<String>,
        /// Kept to be retried by the scheduler (a temporary refusal), not held for an officer.
        retrying: bool,
    },
    Kept(Action),
    StoreFailed(StoreError),
    /// A task of ours failed (a panic in a worker): nothing was kept, so Postfix retries.
    Internal(String),
    DeliveryFailed(SendError),
}

/// One message's decision on its way to being acted on: the verdict and what is recorded with
/// it. Handed from [`Pipeline::process`] to the step that delivers or keeps the message.
struct Decided<'a> {
    id: &'a str,
    now: OffsetDateTime,
    message: &'a Message,
    verdict: &'a Verdict,
    incidents: Vec<Incident>,
    reply: ReplyDecision,
    /// The urgent safety alert its flags call for, if any ([`crate::alerts`]).
    alert: Option<QueuedReply>,
}

impl Decided<'_> {
    /// The decision's audit entries: the decision, then a reply held back, if any. Takes the
    /// held-back reply's entry, so it is committed once.
    fn audit(&mut self, t: &Transaction) -> Vec<AuditEntry> {
        [decision_entry(t, self.verdict, self.id, self.now)]
            .into_iter()
            .chain(self.reply.withheld.take())
            .collect()
    }

    /// The queued reply's template and recipient, to log a rate-limited reply after the
    /// store has applied the limit.
    fn reply_key(&self) -> Option<(String, String)> {
        self.reply
            .queued
            .as_ref()
            .map(|r| (r.entry.template.clone(), r.entry.to.clone()))
    }
}

impl Pipeline {
    pub fn new(
        store: Store,
        outbound: Outbound,
        policy: PolicySettings,
        rules: Arc<LiveRules>,
        clock: Arc<dyn Clock>,
        replies: ReplySettings,
    ) -> Result<Pipeline, StoreError> {
        let ids = IdGenerator::after(store.highest_ids()?);
        Ok(Pipeline {
            store,
            outbound,
            policy,
            rules,
            clock,
            replies,
            analysis_timeout: ANALYSIS_TIMEOUT,
            alerts: None,
            analysis_hook: None,
            analysis_slots: Arc::new(tokio::sync::Semaphore::new(ANALYSES_IN_FLIGHT)),
            history_caps: HistoryCaps::default(),
            history_scope: HistoryScope::All,
            ids,
        })
    }

    /// Runs the pipeline for one message. Keeping a message moves `t.data` into the store.
    ///
    /// Analysis (parse, HTML, fingerprint, history, counters, flags, decision) is one hand-off
    /// to a blocking thread, within [`Pipeline::analysis_timeout`]. A message it cannot finish
    /// (a panic, or out of time) is still decided, on its headers alone
    /// ([`unanalysed_verdict`]): kept for an officer where a restriction applies or the
    /// analysis failed, never lost and never retried for ever.
    ///
    /// `sent` is set once the downstream has been handed the message, so that a panic after it
    /// keeps a copy marked as a possible duplicate rather than a plain one.
    async fn process(
        &self,
        t: &mut Transaction,
        id: &str,
        now: OffsetDateTime,
        sent: &std::sync::atomic::AtomicBool,
    ) -> (Outcome, Option<Verdict>) {
        let rules = self.rules.current();
        let (message, verdict, fingerprint, crossed, reservation) =
            match self.analyse(t, &rules, now).await {
                Ok(a) => (
                    a.message,
                    a.verdict,
                    a.remembered,
                    a.crossed,
                    Some(a.reserved),
                ),
                Err(why) => {
                    let (header, verdict) = self.decide_on_headers(t, &rules, &why, id).await;
                    (header, verdict, None, Vec::new(), None)
                }
            };
        let incidents = incidents_for(t, &message, id, now, &verdict, &crossed);
        let decided = Decided {
            id,
            now,
            message: &message,
            verdict: &verdict,
            alert: self.alert_for(t, id, now, &verdict, &incidents),
            incidents,
            reply: self.acknowledgement_for(t, &message, &verdict, &rules, id, now),
        };
        let outcome = match verdict.action {
            Action::Deliver | Action::Reroute => self.deliver(t, decided, sent).await,
            Action::Defer | Action::File | Action::Hold => self.keep(t, decided).await,
        };
        // Remembered once the message is ours (a 250 follows). A message not accepted gives
        // back its count, so a retry after a 4xx is not counted twice and finds again the
        // crossing it would have recorded.
        if matches!(
            outcome,
            Outcome::Delivered | Outcome::Kept(_) | Outcome::PartlyHeld { .. }
        ) {
            if let Some(r) = reservation {
                r.keep();
            }
            if let Some((fingerprint, identities)) = fingerprint {
                self.remember(&message, fingerprint, identities, id, now)
                    .await;
            }
        }
        (outcome, Some(verdict))
    }

    /// The safety alert for a message whose incidents call for one, when alerts are on.
    fn alert_for(
        &self,
        t: &Transaction,
        id: &str,
        now: OffsetDateTime,
        verdict: &Verdict,
        incidents: &[Incident],
    ) -> Option<QueuedReply> {
        let settings = self.alerts.as_ref()?;
        let subject = AlertSubject {
            id,
            sender: &t.envelope.sender,
            recipients: &verdict.original_recipients,
            action: verdict.action.as_str(),
            customers: &verdict.customers,
            received_at: now,
        };
        crate::alerts::plan(settings, &subject, incidents)
    }

    /// The decision for a message whose analysis failed or ran out of time, on its headers
    /// alone ([`unanalysed_verdict`]). `t.data` loses the sender's own X-Contactgate headers
    /// here, as the analysis would have renamed them.
    async fn decide_on_headers(
        &self,
        t: &mut Transaction,
        rules: &RuleSet,
        why: &Unanalysed,
        id: &str,
    ) -> (Arc<Message>, Verdict) {
        // A sender's own X-Contactgate headers must not pass for ours here either.
        if let Some(renamed) = crate::message::rename_own_headers(&t.data) {
            t.data = renamed;
        }
        let header = header_view(&t.data).await;
        let verdict = unanalysed_verdict(&header, &t.envelope, rules, &self.policy, why);
        warn!(
            id,
            problem = why.code(),
            "message not analysed; decided on its headers"
        );
        (Arc::new(header), verdict)
    }

    /// Delivers a message the verdict lets through (to its own or rerouted recipients), then
    /// settles what the downstream refused ([`Pipeline::after_delivery`]) and audits the
    /// decision once it is delivered.
    async fn deliver(
        &self,
        t: &Transaction,
        decided: Decided<'_>,
        sent: &std::sync::atomic::AtomicBool,
    ) -> Outcome {
        let prefix = delivery_header_fields(decided.verdict, decided.id);
        sent.store(true, std::sync::atomic::Ordering::SeqCst);
        let delivery = self
            .outbound
            .deliver(
                &t.envelope.sender,
                &decided.verdict.recipients,
                prefix.as_bytes(),
                &t.data,
                t.envelope.smtputf8,
            )
            .await;
        let mut decided = decided;
        let outcome = self.after_delivery(t, &mut decided, delivery).await;
        // Every decision about a restricted customer's mail is audited (a delivery under
        // "new information only" names the new sentences), and any with incidents.
        let worth_recording = decided.verdict.action == Action::Reroute
            || !decided.verdict.customers.is_empty()
            || !decided.incidents.is_empty();
        if worth_recording && matches!(outcome, Outcome::Delivered) {
            self.record_delivered(t, decided).await;
        }
        outcome
    }

    /// Audits a delivered message's decision, with its incidents and its reply.
    async fn record_delivered(&self, t: &Transaction, mut decided: Decided<'_>) {
        // Delivered already: a failure here must not turn into a 4xx (a retry would
        // deliver twice). The message's log line still records the decision.
        let audit = decided.audit(t);
        let reply_key = decided.reply_key();
        let out = Outgoing {
            reply: decided.reply.queued,
            alert: decided.alert,
        };
        let result = self.store.record_with(audit, decided.incidents, out).await;
        match result {
            Ok(queued) => self.log_rate_limited(decided.id, queued, &reply_key),
            Err(e) => {
                error!(id = decided.id, error = %e, "could not record a decision, its incidents or its reply")
            }
        }
    }

    /// Keeps a message the verdict defers, files or holds: the held copy, its audit entries,
    /// its incidents and its reply, in one durable commit.
    async fn keep(&self, t: &mut Transaction, mut decided: Decided<'_>) -> Outcome {
        let record = held_record(t, decided.message, decided.id, decided.now, decided.verdict);
        let audit = decided.audit(t);
        let reply_key = decided.reply_key();
        // The body moves into the store: no second copy of a large message. The reply is
        // queued in the same commit, so it is durable before the 250.
        let out = Outgoing {
            reply: decided.reply.queued,
            alert: decided.alert,
        };
        match self
            .store
            .hold_with(
                record,
                std::mem::take(&mut t.data),
                audit,
                decided.incidents,
                out,
            )
            .await
        {
            Ok(queued) => {
                self.log_rate_limited(decided.id, queued, &reply_key);
                Outcome::Kept(decided.verdict.action)
            }
            Err(e) => Outcome::StoreFailed(e),
        }
    }

    /// Adds an accepted message's fingerprint to its sender's (and customer's) correspondence
    /// history. Kept for every sender, not only restricted ones: a restriction's first test
    /// compares with the months of correspondence that led to it (see `docs/history.md`).
    /// Advisory like the counters: a failure is logged, and the message stands.
    async fn remember(
        &self,
        message: &Message,
        fingerprint: Fingerprint,
        identities: Vec<String>,
        id: &str,
        now: OffsetDateTime,
    ) {
        let earlier = Earlier {
            id: id.to_string(),
            message_id: message.message_id.clone(),
            received_at: now,
        };
        // The background writer takes it from here: Postfix's 250 does not wait for it, and
        // its loss only makes a repeat look new (see `store::history`).
        self.store.queue_history(
            identities,
            fingerprint,
            earlier,
            self.policy.history_days,
            self.history_caps,
        );
    }

    /// Turns a delivery report into an outcome by the one refusal rule
    /// ([`crate::release::settle`]): recipients the downstream took have it; a copy is kept
    /// for the others, retried by the scheduler when their refusal was temporary and held for
    /// an officer when it was permanent (never bounced). When nobody took it and every refusal
    /// was temporary, nothing is kept: the 4xx lets Postfix retry, as it would without us.
    ///
    /// `decided.verdict` is the policy's verdict: the kept copy and its audit entry keep its
    /// customers and reasons (an officer and a subject-access search need them), and a
    /// reroute's decision is audited here, in the same commit as the hold, as it is after a
    /// full delivery.
    async fn after_delivery(
        &self,
        t: &Transaction,
        decided: &mut Decided<'_>,
        delivery: Delivery,
    ) -> Outcome {
        if delivery.failed.is_empty() {
            return Outcome::Delivered;
        }
        let temporary = |e: &SendError| matches!(e, SendError::Transient(_));
        if delivery.accepted.is_empty() && delivery.failed.iter().all(|(_, e)| temporary(e)) {
            let (_, first) = delivery
                .failed
                .into_iter()
                .next()
                .expect("failed is not empty");
            return Outcome::DeliveryFailed(first);
        }
        let (id, now) = (decided.id, decided.now);
        let mut verdict = kept_copy_verdict(t, decided.verdict, &delivery);
        let (record, settled) =
            settle_kept_copy(t, decided.message, id, now, &mut verdict, &delivery);
        let mut audit = Vec::new();
        if decided.verdict.action == Action::Reroute {
            audit.push(decision_entry(t, decided.verdict, id, now));
        }
        let mut entry = decision_entry(t, &verdict, id, now);
        entry.action = Some(record.action.as_str().to_string());
        audit.push(entry);
        let kept_for = record.recipients.clone();
        let nothing_delivered = delivery.accepted.is_empty();
        let out = Outgoing {
            reply: None,
            alert: decided.alert.take(),
        };
        match self
            .store
            .hold_with(
                record,
                t.data.clone(),
                audit,
                decided.incidents.to_vec(),
                out,
            )
            .await
        {
            Ok(_) => Outcome::PartlyHeld {
                delivered: !nothing_delivered,
                kept_for,
                retrying: settled == crate::release::Settled::Retrying,
            },
            // Some recipients may already have it. A retry duplicates for them, which is
            // better than losing it for the rest.
            Err(e) => Outcome::StoreFailed(e),
        }
    }
}

impl Pipeline {
    /// After a panic in the pipeline: the message is held for an officer if its bytes are
    /// still ours (the store has not taken them); otherwise 451, and Postfix retries. When the
    /// downstream may already have it (`sent`), the held copy is marked as a possible
    /// duplicate, as after an interrupted release (review finding).
    async fn after_panic(
        &self,
        t: &mut Transaction,
        id: &str,
        now: OffsetDateTime,
        sent: bool,
    ) -> (Outcome, Option<Verdict>) {
        error!(id, "the pipeline panicked on this message");
        if t.data.is_empty() {
            return (Outcome::Internal("pipeline panicked".into()), None);
        }
        let header = header_view(&t.data).await;
        let rules = self.rules.current();
        let why = Unanalysed::Failed("processing it failed");
        let verdict = unanalysed_verdict(&header, &t.envelope, &rules, &self.policy, &why);
        let mut record = held_record(t, &header, id, now, &verdict);
        record.release_interrupted = sent;
        let audit = vec![decision_entry(t, &verdict, id, now)];
        let kept = self
            .store
            .hold_with_reply(record, std::mem::take(&mut t.data), audit, Vec::new(), None)
            .await;
        match kept {
            Ok(_) => (Outcome::Kept(Action::Hold), Some(verdict)),
            Err(e) => (Outcome::StoreFailed(e), Some(verdict)),
        }
    }
}

impl MessageHandler for Pipeline {
    async fn handle(&self, mut t: Transaction) -> Reply {
        let started = Instant::now();
        let now = self.clock.now();
        let id = self.next_id(now);
        let size = t.data.len();
        // A panic anywhere in this message's work becomes a decision, not a dropped
        // connection that Postfix would retry for ever.
        let sent = std::sync::atomic::AtomicBool::new(false);
        let (outcome, verdict) =
            match crate::unwind::catch(self.process(&mut t, &id, now, &sent)).await {
                Ok(done) => done,
                Err(_) => {
                    let sent = sent.load(std::sync::atomic::Ordering::SeqCst);
                    match crate::unwind::catch(self.after_panic(&mut t, &id, now, sent)).await {
                        Ok(done) => done,
                        // The same bug again: nothing was kept, so Postfix retries.
                        Err(_) => (Outcome::Internal("pipeline panicked twice".into()), None),
                    }
                }
            };
        let reply = smtp_reply_for(&outcome, &id);
        let client = client_addr(&t).unwrap_or_default();
        let queue_id = t.client.xforward.ident.as_deref().unwrap_or("");
        let action = match &outcome {
            Outcome::Delivered => verdict.as_ref().map_or("deliver", |v| v.action.as_str()),
            Outcome::PartlyHeld {
                delivered,
                retrying,
                ..
            } => match (delivered, retrying) {
                (true, true) => "deliver+retry",
                (true, false) => "deliver+hold",
                (false, true) => "retry",
                (false, false) => "hold",
            },
            Outcome::Kept(action) => action.as_str(),
            _ => "tempfail",
        };
        // Codes only: the reasons' texts can name the customer and quote their words.
        let reasons = verdict
            .map(|v| policy::reason::log_codes(&v.reasons))
            .unwrap_or_default();
        let to = t.envelope.recipients.join(",");
        let ms = started.elapsed().as_millis() as u64;
        let from = t.envelope.sender.as_str();
        // The reply's code, not its text: a downstream's refusal is quoted in it.
        let reply_code = format!("{} {}", reply.code, reply.status);
        if reply.is_positive() {
            info!(id = %id, client = %client, queue_id = %queue_id, from = %from, to = %to, size, action = %action, reasons = %reasons, ms, reply = %reply_code, "message");
        } else {
            let error = outcome_detail(&outcome);
            warn!(id = %id, client = %client, queue_id = %queue_id, from = %from, to = %to, size, action = %action, reasons = %reasons, ms, reply = %reply_code, error = %error, "message not accepted");
        }
        reply
    }
}
