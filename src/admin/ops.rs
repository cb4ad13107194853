//! The operations the admin socket offers. Each takes JSON arguments and the caller's name
//! (from the socket's peer credentials) and returns JSON. Every change an officer makes, and
//! every read of a message's content (`held.show`, `held.export`, `export.address`), is in the
//! audit trail with that name. Each operation first checks the caller's role against
//! [`super::roles::OPERATIONS`]; a refusal is answered, logged (op and roles only) and audited.
//!
//! | op | args | result |
//! |---|---|---|
//! | `held.list` | `action`, `sender`, `since`, `all` | `[HeldSummary]` |
//! | `held.show` | `id` | `HeldDetail` |
//! | `held.release` | `id`, `to` (optional list), `note` | `HeldSummary` |
//! | `held.discard` | `id`, `reason` (required) | `HeldSummary` |
//! | `held.review` | `id`, `outcome` (`confirmed` or `overturned`, required), `note` | `HeldSummary` |
//! | `held.export` | `id` | `{id, eml_base64}` |
//! | `audit.list` | `since` | `[AuditEntry]` |
//! | `export.address` | `address` | subject-access document |
//! | `incidents.list` | `sender` (optional) | `[Incident]` |
//! | `explain` | `file`, `eml_base64`, `sender`, `rcpt`, `at` (all but `eml_base64` optional) | `Explanation` |

use std::sync::Arc;

use base64::Engine;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use time::OffsetDateTime;

use super::roles::{self, Caller, Role, RoleGroups};
use super::subject_access::{Marks, Subject};
use super::{HeldListArgs, HeldSummary, PROTOCOL_VERSION, Request, Response};
use crate::clock::Clock;
use crate::release::Releaser;
use crate::rules::{Customer, RestrictionKind};
use crate::ruleset::LiveRules;
use crate::store::{
    AuditEntry, HeldMessage, HeldState, Incident, OfficerReview, ReviewOutcome, Store,
};

/// What the admin socket can reach in the daemon.
pub struct AdminContext {
    pub store: Store,
    pub releaser: Arc<Releaser>,
    pub rules: Arc<LiveRules>,
    pub clock: Arc<dyn Clock>,
    /// Waiting longer than this many days is stale.
    pub stale_days: u64,
    /// For `explain`: the same settings the pipeline decides with.
    pub policy: crate::policy::PolicySettings,
    /// Which Unix groups grant which role.
    pub roles: RoleGroups,
}

pub(super) async fn dispatch(ctx: &AdminContext, caller: &Caller, req: Request) -> Response {
    let result = match authorise(ctx, caller, &req).await {
        Ok(()) => {
            let full_view = caller.role.is_some_and(|r| r >= Role::Officer);
            perform(ctx, &caller.name, full_view, req).await
        }
        Err(refused) => Err(refused),
    };
    match result {
        Ok(v) => Response {
            v: PROTOCOL_VERSION,
            ok: true,
            result: Some(v),
            error: None,
        },
        Err(e) => Response::failure(e),
    }
}

/// Checks `caller`'s role against what `req` needs. A refusal is logged with the operation's
/// name from the table and the roles (never the request's arguments) and audited.
///
/// An operation missing from the table is refused as unknown, whoever asks: a new operation
/// that nobody gave a role is unreachable (and its test says so) rather than open to everyone.
async fn authorise(ctx: &AdminContext, caller: &Caller, req: &Request) -> Result<(), String> {
    let Some((op, needs)) = roles::needed(&req.op, &req.args) else {
        return Err(format!("unknown operation {:?}", req.op));
    };
    if caller.role.is_some_and(|has| has >= needs) {
        return Ok(());
    }
    let has = caller.role.map_or("none", Role::as_str);
    let now = ctx.clock.now();
    // At most one entry (and one log line) per caller and window, saying how many more were
    // refused before it: a caller with no role cannot grow the trail without bound.
    let Some(unrecorded) = REFUSALS
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .record(caller.uid, now)
    else {
        return Err(roles::refusal(op, needs, caller.role));
    };
    tracing::warn!(
        op,
        needs = needs.as_str(),
        has,
        uid = caller.uid,
        unrecorded,
        "admin operation refused: role"
    );
    let mut e = AuditEntry::new(&caller.name, "refused", now);
    e.details.push(format!("operation: {op}"));
    e.details.push(format!("needs role: {}", needs.as_str()));
    e.details.push(format!("has role: {has}"));
    if unrecorded > 0 {
        e.details.push(format!(
            "{unrecorded} more refused before it, within {} s of the last recorded",
            REFUSAL_WINDOW.whole_seconds()
        ));
    }
    if let Err(err) = ctx.store.audit(e).await {
        // The refusal stands either way.
        tracing::warn!(error = %err, "refusal not audited");
    }
    Err(roles::refusal(op, needs, caller.role))
}

/// Refusals of one caller within this long of its last recorded one are counted, not recorded.
const REFUSAL_WINDOW: time::Duration = time::Duration::minutes(1);

/// Callers whose refusals are tracked at most; past it the oldest windows are forgotten.
const REFUSAL_CALLERS: usize = 1024;

static REFUSALS: std::sync::LazyLock<std::sync::Mutex<RefusalLimit>> =
    std::sync::LazyLock::new(Default::default);

/// Per caller uid: when its last refusal was recorded, and how many since were not.
#[derive(Default)]
struct RefusalLimit {
    callers: std::collections::HashMap<u32, (OffsetDateTime, u64)>,
}

impl RefusalLimit {
    /// `Some(refusals not recorded since the last recorded one)` when this one is to be
    /// recorded; `None` when it is only counted.
    fn record(&mut self, uid: u32, now: OffsetDateTime) -> Option<u64> {
        if let Some((last, skipped)) = self.callers.get_mut(&uid) {
            if now - *last < REFUSAL_WINDOW && now >= *last {
                *skipped += 1;
                return None;
            }
            let unrecorded = *skipped;
            *last = now;
            *skipped = 0;
            return Some(unrecorded);
        }
        if self.callers.len() >= REFUSAL_CALLERS {
            let before = now - REFUSAL_WINDOW;
            self.callers.retain(|_, (last, _)| *last >= before);
            if self.callers.len() >= REFUSAL_CALLERS {
                self.callers.clear();
            }
        }
        self.callers.insert(uid, (now, 0));
        Some(0)
    }
}

/// `full_view`: the caller may read what the customer wrote and the reasons about them (an
/// officer or above); a viewer's list leaves those out.
async fn perform(
    ctx: &AdminContext,
    actor: &str,
    full_view: bool,
    req: Request,
) -> Result<Value, String> {
    let args = req.args;
    match req.op.as_str() {
        "held.list" => parse(args).and_then(|a| held_list(ctx, a, full_view)),
        "held.show" => match parse::<IdArgs>(args) {
            Ok(a) => held_show(ctx, actor, &a.id).await,
            Err(e) => Err(e),
        },
        "held.release" => match parse::<ReleaseArgs>(args) {
            Ok(a) => held_release(ctx, actor, a).await,
            Err(e) => Err(e),
        },
        "held.discard" => match parse::<DiscardArgs>(args) {
            Ok(a) => held_discard(ctx, actor, a).await,
            Err(e) => Err(e),
        },
        "held.review" => match parse::<ReviewArgs>(args) {
            Ok(a) => held_review(ctx, actor, a).await,
            Err(e) => Err(e),
        },
        "held.export" => match parse::<IdArgs>(args) {
            Ok(a) => held_export(ctx, actor, &a.id).await,
            Err(e) => Err(e),
        },
        "audit.list" => parse(args).and_then(|a: SinceArgs| {
            let entries = ctx.store.audit_since(a.since).map_err(|e| e.to_string())?;
            to_json(&entries)
        }),
        "incidents.list" => parse(args).and_then(|a: IncidentArgs| incidents_list(ctx, a)),
        "explain" => match parse::<ExplainArgs>(args) {
            Ok(a) => explain_live(ctx, actor, a).await,
            Err(e) => Err(e),
        },
        "export.address" => match parse::<AddressArgs>(args) {
            Ok(a) => subject_access(ctx, actor, &a.address).await,
            Err(e) => Err(e),
        },
        // `authorise` lets through only the operations in the role table, all matched above.
        other => Err(format!(
            "operation {other:?} has a role but no implementation"
        )),
    }
}

#[derive(Deserialize, Default)]
struct IdArgs {
    id: String,
}

#[derive(Deserialize, Default)]
struct ReleaseArgs {
    id: String,
    #[serde(default)]
    to: Vec<String>,
    #[serde(default)]
    note: Option<String>,
}

#[derive(Deserialize, Default)]
struct DiscardArgs {
    id: String,
    #[serde(default)]
    reason: String,
}

#[derive(Deserialize, Default)]
struct ReviewArgs {
    id: String,
    #[serde(default)]
    outcome: Option<ReviewOutcome>,
    #[serde(default)]
    note: Option<String>,
}

#[derive(Deserialize, Default)]
struct SinceArgs {
    #[serde(default, with = "time::serde::rfc3339::option")]
    since: Option<OffsetDateTime>,
}

#[derive(Deserialize, Default)]
struct ExplainArgs {
    #[serde(default)]
    file: String,
    eml_base64: String,
    #[serde(default)]
    sender: Option<String>,
    #[serde(default)]
    rcpt: Vec<String>,
    #[serde(default, with = "time::serde::rfc3339::option")]
    at: Option<OffsetDateTime>,
}

/// `explain --live`: the dry run with what only the daemon has, the running rules and the
/// correspondence history (read, never written: explaining a message does not make its repeat
/// look old).
///
/// Parsing a message of up to 12 MB and reading the history is blocking work: it runs off the
/// async workers that carry SMTP sessions (review finding).
///
/// The answer tells how a sender's mail compares with their earlier correspondence and which
/// restrictions apply to them: a read of personal data, audited (`explain_live`, with the
/// sender and customers, never the text) before it is handed over, like `held show`.
async fn explain_live(ctx: &AdminContext, actor: &str, a: ExplainArgs) -> Result<Value, String> {
    let rules = ctx.rules.current();
    let now = a.at.unwrap_or_else(|| ctx.clock.now());
    let policy = ctx.policy.clone();
    let store = ctx.store.clone();
    let explained = tokio::task::spawn_blocking(move || {
        let raw = base64::engine::general_purpose::STANDARD
            .decode(a.eml_base64.as_bytes())
            .map_err(|e| format!("eml_base64 is not base64: {e}"))?;
        let history_days = policy.history_days;
        let e = crate::explain::explain_with(
            &a.file,
            &raw,
            a.sender.as_deref(),
            &a.rcpt,
            &rules,
            &policy,
            now,
            |message, identity| {
                let council = |a: &str| rules.monitoring.is_exempt(a);
                let fingerprint =
                    crate::novelty::Fingerprint::of_with(message, &rules.novelty, &council);
                crate::pipeline::judge_novelty(
                    &store,
                    &rules,
                    identity,
                    &fingerprint,
                    now,
                    history_days,
                )
            },
        )
        .map_err(|e| e.to_string())?;
        to_json(&e).map(|v| (v, e.sender, e.customers))
    })
    .await
    .map_err(|e| format!("explain failed: {e}"))??;
    let (explained, sender, customers) = explained;
    let mut e = AuditEntry::new(actor, "explain_live", ctx.clock.now());
    e.sender = Some(sender);
    e.customers = customers;
    ctx.store.audit(e).await.map_err(|e| e.to_string())?;
    Ok(explained)
}

#[derive(Deserialize, Default)]
struct IncidentArgs {
    #[serde(default)]
    sender: Option<String>,
}

/// Incidents, oldest first. A sender matches as the rules match addresses (case, and plus tags
/// when `strip_plus_tags` is on).
fn incidents_list(ctx: &AdminContext, a: IncidentArgs) -> Result<Value, String> {
    let rules = ctx.rules.current();
    let m = rules.restrictions.matching();
    let want = a.sender.as_deref().map(|s| m.normalize(s.trim()));
    let list: Vec<Incident> = ctx
        .store
        .incidents(None)
        .map_err(|e| e.to_string())?
        .into_iter()
        .filter(|i| want.as_ref().is_none_or(|w| m.normalize(&i.sender) == *w))
        .collect();
    to_json(&list)
}

#[derive(Deserialize, Default)]
struct AddressArgs {
    address: String,
}

fn parse<T: serde::de::DeserializeOwned + Default>(v: Value) -> Result<T, String> {
    if v.is_null() {
        return Ok(T::default());
    }
    serde_json::from_value(v).map_err(|e| format!("bad arguments: {e}"))
}

fn to_json<T: Serialize>(v: &T) -> Result<Value, String> {
    serde_json::to_value(v).map_err(|e| e.to_string())
}

fn summary(ctx: &AdminContext, r: &HeldMessage) -> HeldSummary {
    let mut s = HeldSummary::from(r);
    let waiting = matches!(r.state, HeldState::Held | HeldState::Releasing);
    s.stale = waiting && ctx.clock.now() - r.received_at > crate::clock::days(ctx.stale_days);
    s
}

/// A viewer's list keeps the ids, addresses, states, dates, flag categories and customer ids,
/// and leaves out what the customer wrote or what the decision said about them: the subject,
/// the reasons (they name the customer and can quote new sentences), downstream refusal
/// texts and officers' review notes (review finding: the viewer role saw what `audit.list`
/// was made officer-only for). `content_withheld` says so.
fn held_list(ctx: &AdminContext, a: HeldListArgs, full_view: bool) -> Result<Value, String> {
    let held = ctx.store.held().map_err(|e| e.to_string())?;
    let list: Vec<HeldSummary> = held
        .iter()
        .filter(|r| a.all || matches!(r.state, HeldState::Held | HeldState::Releasing))
        .filter(|r| a.action.as_deref().is_none_or(|x| r.action.as_str() == x))
        .filter(|r| {
            a.sender
                .as_deref()
                .is_none_or(|s| r.sender.eq_ignore_ascii_case(s))
        })
        .filter(|r| a.since.is_none_or(|s| r.received_at >= s))
        .map(|r| summary(ctx, r))
        .map(|mut m| {
            if !full_view {
                m.subject = None;
                m.reasons.clear();
                for f in &mut m.refusals {
                    f.text.clear();
                }
                if let Some(review) = &mut m.review {
                    review.note = None;
                }
                m.content_withheld = Some("viewer".into());
            }
            m
        })
        .collect();
    to_json(&list)
}

/// What `held show` prints: the message as an officer needs to read it, never rendered.
#[derive(Debug, Serialize, Deserialize)]
pub struct HeldDetail {
    pub summary: HeldSummary,
    /// The header block, as received.
    pub headers: String,
    /// The first text part; HTML-only mail is converted to plain text.
    pub text: String,
    pub attachments: Vec<Attachment>,
    pub flags: Vec<crate::policy::Flag>,
    pub release_errors: Vec<String>,
    pub release_interrupted: bool,
    pub released_by: Option<String>,
    pub discarded_by: Option<String>,
    pub discard_reason: Option<String>,
    /// Reasonable adjustments of the matched customers, for the officer.
    pub adjustments: Vec<String>,
}

/// An attachment as `held show` lists it.
pub use crate::message::AttachmentInfo as Attachment;

async fn held_show(ctx: &AdminContext, actor: &str, id: &str) -> Result<Value, String> {
    let r = ctx.store.held_message(id).map_err(|e| e.to_string())?;
    let raw = ctx.store.held_body(id).map_err(|e| e.to_string())?;
    audit_read(ctx, actor, "show", &r).await?;
    let (headers, text, attachments) = readable(&raw);
    let rules = ctx.rules.current();
    let adjustments = r
        .customers
        .iter()
        .filter_map(|cid| rules.restrictions.customers().iter().find(|c| &c.id == cid))
        .filter_map(|c| c.adjustments.as_ref().map(|a| format!("{}: {a}", c.id)))
        .collect();
    to_json(&HeldDetail {
        summary: summary(ctx, &r),
        headers,
        text,
        attachments,
        flags: r.flags.clone(),
        release_errors: r.release_errors.clone(),
        release_interrupted: r.release_interrupted,
        released_by: r.released_by.clone(),
        discarded_by: r.discarded_by.clone(),
        discard_reason: r.discard_reason.clone(),
        adjustments,
    })
}

/// Header block, text and attachment list of a raw message. Parsing is panic-guarded like
/// the pipeline's.
fn readable(raw: &[u8]) -> (String, String, Vec<Attachment>) {
    let end = memchr::memmem::find(raw, b"\r\n\r\n")
        .map(|i| i + 2)
        .or_else(|| memchr::memmem::find(raw, b"\n\n").map(|i| i + 1))
        .unwrap_or(raw.len());
    let headers = String::from_utf8_lossy(&raw[..end]).into_owned();
    let (text, attachments) = crate::message::readable(raw)
        .unwrap_or_else(|_| ("(the message could not be parsed)".into(), Vec::new()));
    (headers, text, attachments)
}

async fn held_release(ctx: &AdminContext, actor: &str, a: ReleaseArgs) -> Result<Value, String> {
    let to = (!a.to.is_empty()).then_some(a.to);
    let r = ctx
        .releaser
        .release(&a.id, actor, to, a.note)
        .await
        .map_err(|e| e.to_string())?;
    to_json(&summary(ctx, &r))
}

async fn held_discard(ctx: &AdminContext, actor: &str, a: DiscardArgs) -> Result<Value, String> {
    let reason = a.reason.trim().to_string();
    if reason.is_empty() {
        return Err("a reason is required to discard a message".into());
    }
    let current = ctx.store.held_message(&a.id).map_err(|e| e.to_string())?;
    if current.state != HeldState::Held {
        return Err(format!(
            "message {} is {}, not held",
            a.id,
            current.state.as_str()
        ));
    }
    let now = ctx.clock.now();
    let store = ctx.store.clone();
    let (id, who, why) = (a.id.clone(), actor.to_string(), reason.clone());
    // The record and its audit entry in one transaction; the entry only if this call is the
    // one that discarded it.
    let (updated, entry) = tokio::task::spawn_blocking(move || {
        store.update_held_audited(
            &id,
            |r| {
                if r.state == HeldState::Held {
                    r.state = HeldState::Discarded;
                    r.discarded_at = Some(now);
                    r.discarded_by = Some(who.clone());
                    r.discard_reason = Some(why.clone());
                }
            },
            |r| {
                (r.state == HeldState::Discarded && r.discarded_at == Some(now)).then(|| {
                    let mut e = held_entry(&who, "discard", now, r);
                    e.details.push(why.clone());
                    e
                })
            },
        )
    })
    .await
    .map_err(|e| e.to_string())?
    .map_err(|e| e.to_string())?;
    if entry.is_none() {
        return Err(format!(
            "message {} changed state while being discarded",
            a.id
        ));
    }
    to_json(&summary(ctx, &updated))
}

/// `held.review`: an officer's review of an automatic filing (a repeat, or a closed topic),
/// asked for by the customer or taken from the digest's list. It records what the officer
/// found; it sends nothing. A message the officer finds was wrongly filed is released as any
/// other, with `held.release`, so that only `release` ever sends held mail.
async fn held_review(ctx: &AdminContext, actor: &str, a: ReviewArgs) -> Result<Value, String> {
    let outcome = a
        .outcome
        .ok_or("an outcome is required: confirmed or overturned")?;
    let note = a
        .note
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty());
    let current = ctx.store.held_message(&a.id).map_err(|e| e.to_string())?;
    let Some(check) = current.automated else {
        return Err(format!(
            "message {} was not filed by an automatic comparison, so there is no automatic \
             decision to review (held release and held discard decide on it)",
            a.id
        ));
    };
    let now = ctx.clock.now();
    let review = OfficerReview {
        outcome,
        by: actor.to_string(),
        at: now,
        note: note.clone(),
    };
    let store = ctx.store.clone();
    let (id, recorded, who) = (a.id.clone(), review.clone(), actor.to_string());
    // The record and its audit entry in one transaction.
    let (updated, _) = tokio::task::spawn_blocking(move || {
        store.update_held_audited(
            &id,
            |r| r.review = Some(recorded.clone()),
            |r| {
                let mut e = held_entry(&who, "review", now, r);
                e.details.push(format!("outcome: {}", outcome.as_str()));
                e.details
                    .push(format!("automatic check: {}", check.as_str()));
                e.details.extend(note.clone());
                Some(e)
            },
        )
    })
    .await
    .map_err(|e| e.to_string())?
    .map_err(|e| e.to_string())?;
    to_json(&summary(ctx, &updated))
}

/// An officer's audit entry about held message `r`: its id, sender, customers and action.
fn held_entry(actor: &str, event: &str, now: OffsetDateTime, r: &HeldMessage) -> AuditEntry {
    let mut e = AuditEntry::new(actor, event, now);
    e.message = Some(r.id.clone());
    e.sender = Some(r.sender.clone());
    e.customers = r.customers.clone();
    e.action = Some(r.action.as_str().to_string());
    e
}

/// Records that `actor` read held message `r`'s content, before it is handed over: a read
/// that cannot be audited is not made.
async fn audit_read(
    ctx: &AdminContext,
    actor: &str,
    event: &str,
    r: &HeldMessage,
) -> Result<(), String> {
    let e = held_entry(actor, event, ctx.clock.now(), r);
    ctx.store.audit(e).await.map_err(|e| e.to_string())
}

async fn held_export(ctx: &AdminContext, actor: &str, id: &str) -> Result<Value, String> {
    let r = ctx.store.held_message(id).map_err(|e| e.to_string())?;
    let raw = ctx.store.held_body(id).map_err(|e| e.to_string())?;
    audit_read(ctx, actor, "export", &r).await?;
    Ok(json!({ "id": id, "eml_base64": base64::engine::general_purpose::STANDARD.encode(raw) }))
}

fn restriction_json(c: &Customer) -> Value {
    let restrictions: Vec<Value> = c
        .restrictions
        .iter()
        .map(|r| {
            let detail = match &r.kind {
                RestrictionKind::LetterOnly { postal_address } => {
                    json!({ "postal_address": postal_address })
                }
                RestrictionKind::NamedStaff { staff } => json!({ "staff": staff }),
                RestrictionKind::NewInformationOnly => json!({}),
                RestrictionKind::ThirdPartyOnly { representatives } => {
                    json!({ "representatives": representatives })
                }
                RestrictionKind::TimeWindow(w) => {
                    let days: Vec<&str> = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
                        .into_iter()
                        .enumerate()
                        .filter(|(i, _)| w.days[*i])
                        .map(|(_, d)| d)
                        .collect();
                    json!({
                    "days": days,
                    "from": format!("{:02}:{:02}", w.from.hour(), w.from.minute()),
                    "until": format!("{:02}:{:02}", w.until.hour(), w.until.minute()),
                    })
                }
                RestrictionKind::Topics { closed } => json!({ "closed": closed }),
            };
            json!({
                "kind": r.kind.name(),
                "decided_by": r.decided_by,
                "decided_on": r.decided_on.to_string(),
                "review_on": r.review_on.to_string(),
                "reasons": r.reasons,
                "details": detail,
            })
        })
        .collect();
    json!({
        "customer": c.id,
        "name": c.name,
        "addresses": c.addresses,
        "language": c.language,
        "adjustments": c.adjustments,
        "restrictions": restrictions,
    })
}

/// Everything held about `address`, for a subject access request (UK GDPR Art. 15): the
/// restrictions on the customer it belongs to, the messages from it (by envelope sender, by
/// `From:`, or decided about its customer) with their text, the incidents and the audit
/// entries, each marked by [`subject_access`] with how it matched and whether it carries
/// someone else's data. The export itself is audited. `docs/subject-access.md` explains it.
async fn subject_access(ctx: &AdminContext, actor: &str, address: &str) -> Result<Value, String> {
    let address = address.trim();
    if !address.contains('@') {
        return Err(format!("{address:?} is not an email address"));
    }
    let rules = ctx.rules.current();
    let norm = rules.restrictions.matching().normalize(address);
    let customer = rules.restrictions.customer_by_address(&norm);
    let subject = Subject::new(&norm, customer, rules.restrictions.matching());
    let store = ctx.store.clone();
    // Finding mail by its From: reads the header section of every kept message: file I/O, off
    // the async workers.
    let gathered = tokio::task::spawn_blocking(move || {
        gather(&store, &subject, SAR_BODY_BUDGET).map(|g| (g, subject))
    })
    .await
    .map_err(|e| format!("subject-access export failed: {e}"))?;
    let (
        Gathered {
            messages,
            audit,
            incidents,
            replies,
        },
        subject,
    ) = gathered?;
    let now = ctx.clock.now();
    let counts = format!(
        "{} messages, {} incidents, {} audit entries",
        messages.len(),
        incidents.len(),
        audit.len()
    );
    let doc = json!({
        "address": norm,
        "generated_at": now.format(&time::format_description::well_known::Rfc3339).unwrap_or_default(),
        "generated_by": actor,
        "subject_addresses": subject.addresses(),
        "restrictions": customer.map(restriction_json).into_iter().collect::<Vec<_>>(),
        "messages": messages,
        "incidents": incidents,
        "audit": audit,
        "replies": replies,
        // The contact-pattern counts kept about this address (messages per hour and day,
        // hashed recipients), if any.
        "contact_counters": contact_counters(&ctx.store, &norm)?,
        // The same for each of the subject's addresses that has any.
        "contact_counters_by_address": counters_by_address(&ctx.store, subject.addresses())?,
    });
    let mut e = AuditEntry::new(actor, "subject_access_export", now);
    e.sender = Some(norm.clone());
    e.customers = subject.customers().to_vec();
    e.details.push(counts);
    ctx.store.audit(e).await.map_err(|e| e.to_string())?;
    Ok(doc)
}

/// A sender's contact-pattern counters, if any.
fn contact_counters(
    store: &Store,
    sender: &str,
) -> Result<Option<crate::flags::monitor::Counters>, String> {
    Ok(store
        .contact_record(sender)
        .map_err(|e| e.to_string())?
        .and_then(|b| crate::flags::monitor::Counters::decode(&b)))
}

fn counters_by_address(store: &Store, addresses: &[String]) -> Result<Value, String> {
    let mut all = serde_json::Map::new();
    for a in addresses {
        if let Some(c) = contact_counters(store, a)? {
            all.insert(a.clone(), to_json(&c)?);
        }
    }
    Ok(Value::Object(all))
}

/// The export's records, each with its marks.
struct Gathered {
    messages: Vec<Value>,
    audit: Vec<Value>,
    incidents: Vec<Value>,
    replies: Vec<super::subject_access::SubjectReply>,
}

/// `record` as JSON with `marks`' fields added beside its own.
fn marked<T: Serialize>(record: &T, marks: &Marks) -> Result<Value, String> {
    let mut v = to_json(record)?;
    if let (Value::Object(fields), Value::Object(more)) = (&mut v, to_json(marks)?) {
        fields.extend(more);
    }
    Ok(v)
}

/// The `From:` addresses of a kept message, from its header section alone.
fn from_addresses(store: &Store, id: &str) -> Vec<String> {
    store
        .held_head(id, crate::message::HEADER_SECTION_MAX)
        .ok()
        .and_then(|head| crate::message::Message::parse(crate::message::header_section(&head)).ok())
        .map(|m| m.from)
        .unwrap_or_default()
}

/// Raw message bytes one subject-access export carries at most (each goes out twice, as text
/// and as base64). Anyone can write a customer's address in `From:`, so the messages matched
/// can be many and large (review finding: 200 filed 50 MiB messages made one export of about
/// 33 GB in the daemon). Past it, a message is listed without its body, saying so.
pub const SAR_BODY_BUDGET: u64 = 32 * 1024 * 1024;

fn gather(store: &Store, subject: &Subject, mut budget: u64) -> Result<Gathered, String> {
    let mut messages = Vec::new();
    let mut ids = std::collections::HashSet::new();
    for r in store.held().map_err(|e| e.to_string())? {
        let from = from_addresses(store, &r.id);
        let Some(marks) = subject.message(&r.sender, &from, &r.customers) else {
            continue;
        };
        let fits = r.size <= budget;
        let raw = if fits {
            store.held_body(&r.id).ok()
        } else {
            None
        };
        budget = budget.saturating_sub(raw.as_ref().map_or(0, |b| b.len() as u64));
        let mut m = marked(&r, &marks)?;
        m["from"] = json!(from);
        if !fits {
            m["body_omitted"] = json!(format!(
                "past this export's budget of message bodies: fetch it with `contactgate held \
                 export {}`",
                r.id
            ));
        }
        m["raw"] = json!(
            raw.as_ref()
                .map(|b| String::from_utf8_lossy(b).into_owned())
        );
        m["raw_base64"] = json!(raw.map(|b| base64::engine::general_purpose::STANDARD.encode(b)));
        messages.push(m);
        ids.insert(r.id);
    }
    // The trail is read one entry at a time, keeping only the subject's entries and the reply
    // entries about them (review finding: the whole trail was loaded into memory).
    let mut audit = Vec::new();
    let mut reply_entries = Vec::new();
    for e in store.audit_iter() {
        let e = e.map_err(|e| e.to_string())?;
        let about = e.message.as_ref().is_some_and(|m| ids.contains(m));
        if subject.concerns(e.sender.as_deref(), &e.customers, about) {
            audit.push(marked(
                &e,
                &subject.record(e.sender.as_deref(), &e.customers),
            )?);
        }
        if e.reply
            .as_ref()
            .is_some_and(|r| subject.concerns(Some(&r.to), &e.customers, false))
        {
            reply_entries.push(e);
        }
    }
    let replies = subject.replies(&reply_entries, &store.outbox().map_err(|e| e.to_string())?);
    let incidents = store
        .incidents(None)
        .map_err(|e| e.to_string())?
        .iter()
        .filter(|i| subject.concerns(Some(&i.sender), &i.customers, false))
        .map(|i| marked(i, &subject.record(Some(&i.sender), &i.customers)))
        .collect::<Result<_, _>>()?;
    Ok(Gathered {
        messages,
        audit,
        incidents,
        replies,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::MatchSettings;

    fn held(id: &str, size: u64) -> HeldMessage {
        let mut r = crate::store::tests::record(id);
        r.sender = "subject@mail.example".into();
        r.size = size;
        r
    }

    #[test]
    fn regression_refusals_are_recorded_once_a_minute_per_caller_with_a_count() {
        let t0 = time::macros::datetime!(2026-06-01 09:00 UTC);
        let mut limit = RefusalLimit::default();
        assert_eq!(limit.record(1000, t0), Some(0));
        for s in 1..=50 {
            assert_eq!(limit.record(1000, t0 + time::Duration::seconds(s)), None);
        }
        // Another caller has its own window.
        assert_eq!(limit.record(1001, t0 + time::Duration::seconds(5)), Some(0));
        // After the window, recorded again, with the count of those not recorded.
        assert_eq!(
            limit.record(1000, t0 + time::Duration::seconds(60)),
            Some(50)
        );
        assert_eq!(limit.record(1000, t0 + time::Duration::seconds(61)), None);
        // A clock stepped back does not silence a caller.
        assert_eq!(limit.record(1000, t0 - time::Duration::hours(1)), Some(1));
        // Bounded: many callers never grow the map past its cap.
        for uid in 0..(REFUSAL_CALLERS as u32 * 3) {
            limit.record(10_000 + uid, t0);
        }
        assert!(limit.callers.len() <= REFUSAL_CALLERS);
    }

    #[tokio::test]
    async fn regression_a_subject_access_export_carries_at_most_its_budget_of_bodies() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        for (id, n) in [("A1", 600), ("A2", 600), ("A3", 100)] {
            store
                .hold(held(id, n), vec![b'x'; n as usize])
                .await
                .unwrap();
        }
        let subject = Subject::new("subject@mail.example", None, MatchSettings::default());
        let g = gather(&store, &subject, 1000).unwrap();
        let by_id = |id: &str| {
            g.messages
                .iter()
                .find(|m| m["id"] == id)
                .unwrap_or_else(|| panic!("{id} listed"))
                .clone()
        };
        // Every message is listed; bodies only while the budget lasts.
        assert!(by_id("A1")["raw"].is_string());
        assert!(by_id("A2")["raw"].is_null());
        assert!(
            by_id("A2")["body_omitted"]
                .as_str()
                .unwrap()
                .contains("held export A2")
        );
        assert!(by_id("A3")["raw"].is_string(), "a smaller one still fits");
        assert!(by_id("A1").get("body_omitted").is_none());
    }
}
