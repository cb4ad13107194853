//! Analysis: everything the decision needs, made once per message on a blocking thread
//! (parse, identify, fingerprint, judge novelty, count the contact, decide), and the fallback
//! decision on the headers alone when that fails or runs out of time.
//!
//! Apart from the message flow in `mod.rs` because it is the part that must not block the
//! runtime or take a session down: it runs under a time budget and a panic guard, and
//! everything it hands back (`Analysed`, or why not: `Unanalysed`) is a plain value. The
//! correspondence history's identities live here too, as the novelty judgement reads them.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::time::Duration;

use time::OffsetDateTime;
use tracing::warn;

use super::{AnalysisHook, Pipeline};
use crate::flags;
use crate::flags::monitor::ContactReservation;
use crate::message::Message;
use crate::novelty::{self, Fingerprint};
use crate::policy::{self, Action, Code, Flag, Identity, PolicySettings, Reason, Verdict};
use crate::rules::Rules;
use crate::ruleset::RuleSet;
use crate::smtp::{Envelope, Transaction};
use crate::store::Store;
use crate::store::history::HistoryScope;

impl Pipeline {
    /// Everything the decision needs, made in one hand-off to a blocking thread: the parse
    /// (HTML within its layout budget), the sender's own headers renamed, the fingerprint, the
    /// novelty judgement, the contact count and the decision. Bounded by the analysis timeout;
    /// a panic anywhere in it is caught. `t.data` is back in place when this returns, renamed
    /// if it carried our header names.
    pub(super) async fn analyse(
        &self,
        t: &mut Transaction,
        rules: &Arc<RuleSet>,
        now: OffsetDateTime,
    ) -> Result<Analysed, Unanalysed> {
        // Shared with the worker so that the bytes stay ours if it runs out of time.
        let data = Arc::new(std::mem::take(&mut t.data));
        let work = {
            let (data, rules, store) = (data.clone(), rules.clone(), self.store.clone());
            let (envelope, policy) = (t.envelope.clone(), self.policy.clone());
            let hook = self.analysis_hook.clone();
            let scope = self.history_scope;
            move || {
                catch_unwind(AssertUnwindSafe(|| {
                    analyse_blocking(&data, &envelope, &rules, &store, &policy, scope, now, hook)
                }))
            }
        };
        // The permit goes with the worker and is freed when it ends, even after a time-out: an
        // input that defeats the budget can hold at most ANALYSES_IN_FLIGHT threads (review
        // finding), and a message that cannot get one in time is decided on its headers.
        let slots = self.analysis_slots.clone();
        let joined = tokio::time::timeout(self.analysis_timeout, async move {
            // The semaphore is never closed.
            let permit = slots.acquire_owned().await.ok();
            tokio::task::spawn_blocking(move || {
                let _permit = permit;
                work()
            })
            .await
        })
        .await;
        // The worker has dropped its handle unless it is still running (timed out).
        t.data = Arc::try_unwrap(data).unwrap_or_else(|shared| shared.as_ref().clone());
        match joined {
            Err(_) => Err(Unanalysed::TimedOut(self.analysis_timeout)),
            Ok(Err(_)) | Ok(Ok(Err(_))) => Err(Unanalysed::Failed("its analysis failed")),
            Ok(Ok(Ok(Err(_)))) => Err(Unanalysed::Failed("the MIME parser could not read it")),
            Ok(Ok(Ok(Ok((analysed, renamed))))) => {
                if let Some(renamed) = renamed {
                    t.data = renamed;
                }
                Ok(analysed)
            }
        }
    }
}

/// Whose history a message joins: its envelope sender, normalised as the rules compare
/// addresses. None for `<>` or the council's own staff (`exempt_domains` in
/// `monitoring.toml`).
/// With [`HistoryScope::Restricted`], only a sender who is a restricted customer's address.
pub fn history_identities(identity: &Identity<'_>, scope: HistoryScope) -> Vec<String> {
    let Some(sender) = identity.sender.as_ref().filter(|_| !identity.council) else {
        return Vec::new();
    };
    if scope == HistoryScope::Restricted && !identity.sender_is_customer() {
        return Vec::new();
    }
    vec![sender.clone()]
}

/// Whose history a message is compared with: its sender's, and that of every address of each
/// restricted customer it is from (a customer's history is the union of their addresses').
fn comparison_identities(rules: &Rules, identity: &Identity<'_>) -> Vec<String> {
    // Whatever is kept is compared with: the scope only limits what is written.
    let mut ids = history_identities(identity, HistoryScope::All);
    for (c, _) in &identity.customers {
        for a in &c.addresses {
            let a = rules.matching().normalize(a);
            if !ids.contains(&a) {
                ids.push(a);
            }
        }
    }
    ids
}

/// What the analysis of one message made ([`Pipeline::analyse`]).
pub(super) struct Analysed {
    pub(super) message: Arc<Message>,
    /// The fingerprint and whose history it joins once the message is accepted; `None` when
    /// it joins none.
    pub(super) remembered: Option<(Fingerprint, Vec<String>)>,
    pub(super) verdict: Verdict,
    /// Contact-pattern rules whose crossing this message recorded.
    pub(super) crossed: Vec<String>,
    pub(super) reserved: Reserved,
}

/// Why a message could not be analysed. It is decided on its headers instead.
#[derive(Debug)]
pub(super) enum Unanalysed {
    /// The parser or the analysis panicked (or mail-parser could not read it). Held for an
    /// officer: retrying would fail the same way for ever. The text says which, never what
    /// the panic said (it may quote the message).
    Failed(&'static str),
    /// The analysis did not finish within its budget.
    TimedOut(Duration),
}

impl Unanalysed {
    /// A reason code for the log (no detail: a panic's text may quote the message).
    pub(super) fn code(&self) -> &'static str {
        match self {
            Unanalysed::Failed(_) => "analysis_failed",
            Unanalysed::TimedOut(_) => "analysis_timed_out",
        }
    }
}

/// The analysis proper, on a blocking thread: parse → identify (`policy::Identity`) → observe
/// (novelty, contact counters, flags: `policy::Observed`) → decide (`policy::Verdict`).
/// Returns the renamed copy of `data` when the sender used our header names.
// The arguments are everything the blocking thread needs, each by value or shared: it cannot
// borrow the pipeline, and a struct of them would only be built here to be taken apart.
#[allow(clippy::too_many_arguments)]
fn analyse_blocking(
    data: &[u8],
    envelope: &Envelope,
    rules: &Arc<RuleSet>,
    store: &Store,
    policy: &PolicySettings,
    scope: HistoryScope,
    now: OffsetDateTime,
    hook: Option<AnalysisHook>,
) -> Result<(Analysed, Option<Vec<u8>>), crate::message::ParseError> {
    let message = Arc::new(Message::parse(data)?);
    if let Some(hook) = hook {
        hook(&message);
    }
    // A sender's own X-Contactgate headers must not pass for ours, delivered or held.
    let renamed = crate::message::rename_own_headers(data);
    let council = |a: &str| rules.monitoring.is_exempt(a);
    // Identify: the one customer match for this message.
    let identity = policy::identify(&message, envelope, &rules.restrictions, &rules.monitoring);
    // Made only when it is kept or judged: with `history_scope = "restricted"`, other
    // senders' mail is never fingerprinted at all.
    let kept = history_identities(&identity, scope);
    let fingerprint = (!kept.is_empty() || novelty_applies(&identity))
        .then(|| Fingerprint::of_with(&message, &rules.novelty, &council));
    let novelty = fingerprint.as_ref().and_then(|fingerprint| {
        judge_novelty(
            store,
            rules,
            &identity,
            fingerprint,
            now,
            policy.history_days,
        )
    });
    // Counted now, in one atomic step, so parallel sessions cannot all slip under a threshold
    // or all cross it (review finding); taken back if the message is not accepted, so
    // Postfix's retry counts once.
    let (patterns, crossed, reserved) =
        reserve_contact(store, envelope, &identity, &rules.monitoring, now);
    // Observe: the words' flags, then the contact pattern's.
    let mut flags = rules.detector.message_flags(&message);
    flags.extend(patterns);
    // Decide.
    let verdict = policy::decide(
        &message,
        envelope,
        &rules.restrictions,
        policy,
        now,
        policy::Observed {
            identity: &identity,
            flags,
            novelty: novelty.as_ref(),
        },
    );
    let remembered = fingerprint.filter(|_| !kept.is_empty()).map(|f| (f, kept));
    Ok((
        Analysed {
            message,
            remembered,
            verdict,
            crossed,
            reserved,
        },
        renamed,
    ))
}

/// Counts this message in its sender's contact-pattern counters and returns the flags the
/// thresholds raise for it, the rules of the crossings it records, and the reservation that
/// gives the count back unless the message is accepted. The count and the crossings are
/// decided in one atomic update, so parallel messages record each crossing once. Monitoring
/// is advisory: if the counters cannot be used, the message goes on unflagged.
fn reserve_contact(
    store: &Store,
    envelope: &Envelope,
    identity: &Identity<'_>,
    monitoring: &flags::monitor::Monitoring,
    now: OffsetDateTime,
) -> (Vec<Flag>, Vec<String>, Reserved) {
    let mut reserved = Reserved {
        store: store.clone(),
        reservation: None,
    };
    // Counted by the sender as identified (normalised as the rules compare addresses).
    let Some(key) = identity
        .sender
        .as_ref()
        .filter(|_| monitoring.watches(&envelope.sender))
    else {
        return (Vec::new(), Vec::new(), reserved);
    };
    let counted = store.update_contact(key, |old| {
        let (new, found, reservation) =
            flags::monitor::count(old, key, &envelope.recipients, now, monitoring);
        (Some(new), (found, reservation))
    });
    match counted {
        Ok((found, reservation)) => {
            let crossed = found
                .iter()
                .filter(|f| f.crossed)
                .map(|f| f.flag.rule.clone())
                .collect();
            reserved.reservation = Some(reservation);
            (
                found.into_iter().map(|f| f.flag).collect(),
                crossed,
                reserved,
            )
        }
        Err(e) => {
            warn!(error = %e, "contact counters unavailable; message not monitored");
            (Vec::new(), Vec::new(), reserved)
        }
    }
}

/// The message's header fields only (addresses, subject, ids), for deciding a message whose
/// analysis failed. Parsed on a blocking thread, panic-safe; the empty view if even that fails.
pub(super) async fn header_view(data: &[u8]) -> Message {
    let header = crate::message::header_section(data).to_vec();
    tokio::task::spawn_blocking(move || Message::parse(&header).unwrap_or_default())
        .await
        .unwrap_or_default()
}

/// The decision for a message that could not be analysed, from its headers alone. Nothing is
/// lost and nothing is retried for ever:
/// - a failed analysis is held for an officer (it would fail again on every retry);
/// - one out of time is held when a restriction applies (its text could not be read), and
///   otherwise delivered, saying that its analysis was cut short (no flags were looked for).
pub(super) fn unanalysed_verdict(
    header: &Message,
    envelope: &Envelope,
    rules: &RuleSet,
    settings: &PolicySettings,
    why: &Unanalysed,
) -> Verdict {
    let matched =
        policy::identify(header, envelope, &rules.restrictions, &rules.monitoring).customers;
    let customers: Vec<String> = matched.iter().map(|(c, _)| c.id.clone()).collect();
    let mut reasons: Vec<Reason> = matched
        .iter()
        .map(|(c, how)| {
            Reason::new(
                Code::Customer(c.id.clone()),
                format!("sender matches restricted customer {} by {how}", c.id),
            )
        })
        .collect();
    let (first, held) = match why {
        Unanalysed::Failed(what) => (
            Reason::new(
                Code::AnalysisFailed,
                format!("could not be analysed: {what} (an internal error); held for an officer"),
            ),
            true,
        ),
        Unanalysed::TimedOut(limit) if !matched.is_empty() => (
            Reason::new(
                Code::AnalysisTimedOut,
                format!(
                    "analysis cut short: not finished within {} s; a restriction applies and \
                     the text could not be read, so held for an officer",
                    limit.as_secs()
                ),
            ),
            true,
        ),
        Unanalysed::TimedOut(limit) => (
            Reason::new(
                Code::AnalysisTimedOut,
                format!(
                    "analysis cut short: not finished within {} s; no restriction applies to \
                     the sender, so delivered without flag checks",
                    limit.as_secs()
                ),
            ),
            settings.hold_all,
        ),
    };
    reasons.insert(0, first);
    if settings.hold_all {
        reasons.push(Reason::new(
            Code::HoldAll,
            "hold_all is set in the configuration: every message is held",
        ));
    }
    Verdict {
        action: if held { Action::Hold } else { Action::Deliver },
        recipients: envelope.recipients.clone(),
        original_recipients: envelope.recipients.clone(),
        summary: reasons[0].text.clone(),
        reasons,
        customers,
        release_at: None,
        flags: Vec::new(),
        reply: None,
        novelty: None,
    }
}

/// Whether one of the message's customers is under `new_information_only`.
fn novelty_applies(identity: &Identity<'_>) -> bool {
    identity.customers.iter().any(|(c, _)| {
        c.restrictions
            .iter()
            .any(|r| r.kind == crate::rules::RestrictionKind::NewInformationOnly)
    })
}

/// Judges a message against its history when one of its customers is under
/// `new_information_only`; `None` otherwise (nothing to judge). The history is read, not
/// written: the message joins it only once accepted.
pub fn judge_novelty(
    store: &Store,
    rules: &RuleSet,
    identity: &Identity<'_>,
    fingerprint: &Fingerprint,
    now: OffsetDateTime,
    history_days: u64,
) -> Option<novelty::Report> {
    if !novelty_applies(identity) {
        return None;
    }
    let identities = comparison_identities(&rules.restrictions, identity);
    store.history_written_blocking();
    let history = store.history(&identities, now, history_days);
    let mut report = novelty::assess(fingerprint, &history, &rules.novelty);
    report.closest = report
        .closest_seq
        .and_then(|seq| store.history_message(seq).ok().flatten());
    Some(report)
}

/// A message's contact count, given back unless [`Reserved::keep`] is called: when the message
/// is not accepted, and when its task is dropped (a session aborted at shutdown), so Postfix's
/// retry is counted once.
pub(super) struct Reserved {
    store: Store,
    reservation: Option<ContactReservation>,
}

impl Reserved {
    /// The message is ours: the count stands.
    pub(super) fn keep(mut self) {
        self.reservation = None;
    }
}

impl Drop for Reserved {
    fn drop(&mut self) {
        if let Some(r) = self.reservation.take()
            && let Err(e) = self
                .store
                .update_contact(&r.sender, |old| (flags::monitor::give_back(old, &r), ()))
        {
            warn!(error = %e, "could not give back a contact count");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn regression_a_count_is_given_back_when_its_message_is_dropped_unaccepted() {
        // Review finding: a session aborted at shutdown after its message was counted never
        // gave the count back, so Postfix's retry counted twice.
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let m = flags::monitor::Monitoring::parse("[frequency]\nper_day = 5\n", "m.toml").unwrap();
        let now = OffsetDateTime::from_unix_timestamp(1_780_000_000).unwrap();
        let count = || {
            store
                .contact_record("a@mail.example")
                .unwrap()
                .and_then(|b| flags::monitor::Counters::decode(&b))
                .map_or(0, |c| c.per_day())
        };
        for keep in [false, true] {
            let (_, r) = store
                .update_contact("a@mail.example", |old| {
                    let (new, f, r) = flags::monitor::count(old, "a@mail.example", &[], now, &m);
                    (Some(new), (f, r))
                })
                .unwrap();
            let reserved = Reserved {
                store: store.clone(),
                reservation: Some(r),
            };
            assert_eq!(count(), 1);
            if keep {
                reserved.keep();
            } else {
                drop(reserved);
            }
            assert_eq!(count(), usize::from(keep) as u32);
        }
    }
}
