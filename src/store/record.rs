//! Stored records. Every record carries a `version`; decoding refuses versions it does not know
//! rather than guessing. Only `store/` sees the encoding (JSON, so a postmaster can read a dump).

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::StoreError;

/// A record that does not read back. serde_json's message can quote the value it stopped at
/// (a subject, a reason, an excerpt), and store errors reach the log, so only the kind of
/// error and its position are kept.
fn unreadable(what: &str, e: &serde_json::Error) -> StoreError {
    StoreError::Corrupt(format!(
        "{what}: {:?} error at line {} column {}",
        e.classify(),
        e.line(),
        e.column()
    ))
}

/// The record version this build writes.
pub const HELD_RECORD_VERSION: u32 = 1;

/// Why a message sits in the held store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum HeldAction {
    /// Held for an officer's review.
    Hold,
    /// Filed under a restriction: not delivered to staff; an officer may check and release it.
    File,
    /// Deferred to a contact window; released automatically at `release_at`.
    Defer,
    /// The downstream refused some recipients temporarily: the scheduler retries them, with
    /// back-off, at `next_attempt_at` (no officer needed), for up to five days.
    Retry,
}

impl HeldAction {
    pub fn as_str(self) -> &'static str {
        match self {
            HeldAction::Hold => "hold",
            HeldAction::File => "file",
            HeldAction::Defer => "defer",
            HeldAction::Retry => "retry",
        }
    }
}

/// Where a held message is in its life: held → releasing → released. `releasing` is written
/// (and flushed) before the message is sent, `released` after the downstream accepted it, so
/// a crash in between is visible on restart rather than a silent loss or duplicate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum HeldState {
    Held,
    Releasing,
    Released,
    /// An officer decided it is not to be delivered; kept until the retention period ends.
    Discarded,
}

impl HeldState {
    pub fn as_str(self) -> &'static str {
        match self {
            HeldState::Held => "held",
            HeldState::Releasing => "releasing",
            HeldState::Released => "released",
            HeldState::Discarded => "discarded",
        }
    }
}

/// Metadata of one held message. The body lives in the spool, named by `id`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeldMessage {
    pub version: u32,
    pub id: String,
    #[serde(with = "time::serde::rfc3339")]
    pub received_at: OffsetDateTime,
    /// Envelope sender; empty for `<>`.
    pub sender: String,
    pub recipients: Vec<String>,
    pub message_id: Option<String>,
    pub subject: Option<String>,
    pub client_addr: Option<String>,
    /// Postfix's queue id, from XFORWARD IDENT.
    pub postfix_queue_id: Option<String>,
    pub action: HeldAction,
    pub reasons: Vec<String>,
    #[serde(with = "time::serde::rfc3339::option")]
    pub release_at: Option<OffsetDateTime>,
    pub size: u64,
    pub state: HeldState,
    /// The envelope recipients as received (`recipients` is after routing).
    #[serde(default)]
    pub original_recipients: Vec<String>,
    /// Case ids of the restricted customers the message matched.
    #[serde(default)]
    pub customers: Vec<String>,
    /// Release attempts that failed, newest last, for the officer.
    #[serde(default)]
    pub release_errors: Vec<String>,
    /// Set when a release was interrupted by a crash: the downstream may already have it.
    #[serde(default)]
    pub release_interrupted: bool,
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub released_at: Option<OffsetDateTime>,
    #[serde(default)]
    pub released_by: Option<String>,
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub discarded_at: Option<OffsetDateTime>,
    #[serde(default)]
    pub discarded_by: Option<String>,
    #[serde(default)]
    pub discard_reason: Option<String>,
    /// Advisory flags raised on the message (abusive language, contact patterns).
    #[serde(default)]
    pub flags: Vec<crate::flags::Flag>,
    /// Recipients the downstream has taken this message for, on any attempt: a later attempt
    /// never sends to them again, and nobody is counted delivered who was not.
    #[serde(default)]
    pub delivered_to: Vec<String>,
    /// Every refusal by the downstream, per recipient and attempt, oldest first.
    #[serde(default)]
    pub refusals: Vec<Refusal>,
    /// Automatic delivery attempts that failed (deferred releases, retries): the back-off.
    #[serde(default)]
    pub attempts: u32,
    /// No automatic attempt before this (back-off after a temporary refusal).
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub next_attempt_at: Option<OffsetDateTime>,
    /// When the current run of temporary refusals began: retries stop five days after it.
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub retrying_since: Option<OffsetDateTime>,
    /// Filed on an automatic comparison of its words, which an officer is to confirm.
    #[serde(default)]
    pub automated: Option<crate::policy::AutomatedCheck>,
    /// The latest officer review of that automatic decision (every review is in the audit
    /// trail).
    #[serde(default)]
    pub review: Option<OfficerReview>,
}

/// What an officer found when reviewing an automatic filing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReviewOutcome {
    /// The comparison was right: the message stays filed.
    Confirmed,
    /// The comparison was wrong (there is new information, or it is about another matter):
    /// the officer releases it to staff (`held release`), which is a separate, audited action.
    Overturned,
}

impl ReviewOutcome {
    pub fn as_str(self) -> &'static str {
        match self {
            ReviewOutcome::Confirmed => "confirmed",
            ReviewOutcome::Overturned => "overturned",
        }
    }
}

/// An officer's review of an automatic filing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficerReview {
    pub outcome: ReviewOutcome,
    /// The officer's user name, from the admin socket's peer credentials.
    pub by: String,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    #[serde(default)]
    pub note: Option<String>,
}

/// A recipient the downstream did not take, at one attempt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Refusal {
    pub recipient: String,
    /// The downstream's reply code, when it gave one.
    pub code: Option<u16>,
    /// What it said (or why it could not be asked).
    pub text: String,
    /// A 5xx, or an address that cannot be sent to: retrying will not help, an officer
    /// decides.
    pub permanent: bool,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
}

impl HeldMessage {
    /// When the message stopped waiting (released or discarded), for retention.
    pub fn closed_at(&self) -> Option<OffsetDateTime> {
        match self.state {
            HeldState::Released => self.released_at,
            HeldState::Discarded => self.discarded_at,
            HeldState::Held | HeldState::Releasing => None,
        }
    }
}

impl HeldMessage {
    pub(crate) fn encode(&self) -> Vec<u8> {
        // Serialising plain owned data to JSON cannot fail.
        serde_json::to_vec(self).expect("HeldMessage serialises")
    }

    pub(crate) fn decode(bytes: &[u8]) -> Result<HeldMessage, StoreError> {
        #[derive(Deserialize)]
        struct Versioned {
            version: u32,
        }
        let v: Versioned =
            serde_json::from_slice(bytes).map_err(|e| unreadable("held record", &e))?;
        if v.version != HELD_RECORD_VERSION {
            return Err(StoreError::Corrupt(format!(
                "held record version {} is not known to this build (knows {HELD_RECORD_VERSION})",
                v.version
            )));
        }
        serde_json::from_slice(bytes).map_err(|e| unreadable("held record", &e))
    }
}

pub const INCIDENT_RECORD_VERSION: u32 = 1;

/// One flag, recorded against the sender: the policy's "recorded on the appropriate IT
/// system". Never changed; deleted after its retention period (`retention_incident_days`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Incident {
    pub version: u32,
    /// Position in the record, assigned by the store.
    #[serde(default)]
    pub seq: u64,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    /// Envelope sender (or the From: address when the envelope sender is `<>`).
    pub sender: String,
    /// Case ids of restricted customers the sender matched, if any.
    #[serde(default)]
    pub customers: Vec<String>,
    /// The contactgate id of the message.
    pub message: String,
    /// Its Message-ID header, if it had one.
    pub message_id: Option<String>,
    pub category: String,
    pub severity: crate::flags::Severity,
    pub rule: String,
    pub excerpt: String,
    /// What happened to the message: `deliver`, `hold`, ...
    pub action: String,
}

impl Incident {
    pub(crate) fn encode(&self) -> Vec<u8> {
        serde_json::to_vec(self).expect("Incident serialises")
    }

    pub(crate) fn decode(bytes: &[u8]) -> Result<Incident, StoreError> {
        let e: Incident = serde_json::from_slice(bytes).map_err(|e| unreadable("incident", &e))?;
        if e.version != INCIDENT_RECORD_VERSION {
            return Err(StoreError::Corrupt(format!(
                "incident version {} is not known to this build",
                e.version
            )));
        }
        Ok(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn sample() -> HeldMessage {
        HeldMessage {
            version: HELD_RECORD_VERSION,
            id: "0001".into(),
            received_at: OffsetDateTime::from_unix_timestamp(1_780_000_000).unwrap(),
            sender: "".into(),
            recipients: vec!["x@council.example".into()],
            message_id: Some("m@x".into()),
            subject: Some("Planning 24/0612/PA".into()),
            client_addr: Some("192.0.2.1".into()),
            postfix_queue_id: Some("4XyZ".into()),
            action: HeldAction::Hold,
            reasons: vec!["because".into()],
            release_at: None,
            size: 42,
            state: HeldState::Held,
            original_recipients: vec!["y@council.example".into()],
            customers: vec!["CR-1".into()],
            release_errors: vec![],
            delivered_to: vec![],
            refusals: vec![],
            attempts: 0,
            next_attempt_at: None,
            retrying_since: None,
            automated: None,
            review: None,
            release_interrupted: false,
            released_at: None,
            released_by: None,
            discarded_at: None,
            discarded_by: None,
            discard_reason: None,
            flags: Vec::new(),
        }
    }

    #[test]
    fn regression_an_unreadable_record_is_not_quoted_in_the_error() {
        // Store errors reach the log; serde_json's message quotes the value it stopped at.
        let mut v: serde_json::Value = serde_json::from_slice(&sample().encode()).unwrap();
        v["size"] = "Subject: my Secretmarker results".into();
        let e = HeldMessage::decode(&serde_json::to_vec(&v).unwrap()).unwrap_err();
        let text = e.to_string();
        assert!(
            text.starts_with("corrupt store: held record: Data error"),
            "{text}"
        );
        assert!(!text.contains("Secretmarker"), "{text}");
    }

    #[test]
    fn round_trip() {
        let mut r = sample();
        r.refusals.push(Refusal {
            recipient: "gone@council.example".into(),
            code: Some(550),
            text: "5.1.1 no such user".into(),
            permanent: true,
            at: r.received_at,
        });
        r.next_attempt_at = Some(r.received_at);
        r.automated = Some(crate::policy::AutomatedCheck::NoNewInformation);
        r.review = Some(OfficerReview {
            outcome: ReviewOutcome::Confirmed,
            by: "alice".into(),
            at: r.received_at,
            note: Some("repeats 0001".into()),
        });
        assert_eq!(HeldMessage::decode(&r.encode()).unwrap(), r);
    }

    #[test]
    fn fields_added_later_default_when_absent() {
        let mut v: serde_json::Value = serde_json::from_slice(&sample().encode()).unwrap();
        for f in [
            "original_recipients",
            "customers",
            "release_errors",
            "release_interrupted",
            "released_at",
            "released_by",
            "delivered_to",
            "refusals",
            "attempts",
            "next_attempt_at",
            "automated",
            "review",
        ] {
            v.as_object_mut().unwrap().remove(f);
        }
        let r = HeldMessage::decode(&serde_json::to_vec(&v).unwrap()).unwrap();
        assert!(r.customers.is_empty() && r.released_at.is_none());
        assert!(r.automated.is_none() && r.review.is_none());
    }

    #[test]
    fn unknown_version_is_refused() {
        let mut r = sample();
        r.version = 99;
        let err = HeldMessage::decode(&r.encode()).unwrap_err();
        assert!(err.to_string().contains("version 99"), "{err}");
    }
}

/// The record version of audit entries this build writes.
pub const AUDIT_RECORD_VERSION: u32 = 1;

/// The actor named in the audit trail for automated decisions.
pub const SYSTEM_ACTOR: &str = "contactgate";

/// One entry of the append-only audit trail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub version: u32,
    /// Position in the trail, assigned by the store.
    #[serde(default)]
    pub seq: u64,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    /// Who: an officer's user name, or `contactgate` for automated decisions.
    pub actor: String,
    /// What: `decision`, `release`, `reload`, ...
    pub event: String,
    /// The contactgate message id concerned, if any.
    pub message: Option<String>,
    /// Envelope sender of that message, for subject-access searches.
    #[serde(default)]
    pub sender: Option<String>,
    #[serde(default)]
    pub customers: Vec<String>,
    /// The action taken (`file`, `reroute`, ...), if any.
    #[serde(default)]
    pub action: Option<String>,
    /// Reasons, notes or other detail, human-readable.
    #[serde(default)]
    pub details: Vec<String>,
    /// The customer's own words the entry quotes for an officer (the new sentences of a message
    /// delivered under "new information only", the names of its new attachments). Kept apart
    /// from `details` so that they can be redacted after their retention period
    /// (`retention_audit_text_days`) while the entry itself stays.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quoted: Vec<String>,
    /// Set once `quoted` has been redacted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redacted: Option<Redaction>,
    /// The acknowledgement reply the entry is about (`reply_queued`, `reply_sent`,
    /// `reply_refused`): the outbox forgets a reply once it is sent, the trail keeps that it
    /// was, for the person it went to (subject access). Never the reply's text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply: Option<AuditedReply>,
}

/// A reply as the audit trail records it: which, to whom, from which template, in which
/// languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditedReply {
    pub id: String,
    pub to: String,
    pub template: String,
    /// In order, e.g. `cy,en`.
    pub languages: String,
}

/// What became of an audit entry's quoted text: when it was removed, and how many items it had.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Redaction {
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    pub items: usize,
}

impl AuditEntry {
    pub fn new(actor: &str, event: &str, at: OffsetDateTime) -> AuditEntry {
        AuditEntry {
            version: AUDIT_RECORD_VERSION,
            seq: 0,
            at,
            actor: actor.to_string(),
            event: event.to_string(),
            message: None,
            sender: None,
            customers: Vec::new(),
            action: None,
            details: Vec::new(),
            quoted: Vec::new(),
            redacted: None,
            reply: None,
        }
    }

    /// An entry about reply `r`: its message is the one it answers, its sender the address it
    /// went to (the envelope sender of that message, by the reply guards).
    pub fn about_reply(
        actor: &str,
        event: &str,
        at: OffsetDateTime,
        r: &OutboxEntry,
    ) -> AuditEntry {
        if r.kind == OutboxKind::Alert {
            return AuditEntry::about_alert(actor, event, at, r);
        }
        let mut e = AuditEntry::new(actor, event, at);
        e.message = Some(r.in_reply_to.clone());
        e.sender = Some(r.to.clone());
        e.details = vec![
            format!("reply {} from template {}", r.id, r.template),
            format!("languages: {}", r.languages),
        ];
        e.reply = Some(AuditedReply {
            id: r.id.clone(),
            to: r.to.clone(),
            template: r.template.clone(),
            languages: r.languages.clone(),
        });
        e
    }

    /// An alert's entry: the message it is about and the staff addresses it went to. The
    /// customer is named by the `alert_queued` entry (its `sender`), committed with the decision.
    pub fn about_alert(
        actor: &str,
        event: &str,
        at: OffsetDateTime,
        r: &OutboxEntry,
    ) -> AuditEntry {
        let mut e = AuditEntry::new(actor, event, at);
        e.message = Some(r.in_reply_to.clone());
        e.details = vec![format!("alert {} to {}", r.id, r.to)];
        e
    }

    /// Removes the quoted text, noting when and how many items went; everything else (who,
    /// when, what, which message, the reasons) stays. An entry with nothing quoted is unchanged.
    pub fn redact(&mut self, at: OffsetDateTime) {
        if self.quoted.is_empty() {
            return;
        }
        let before = self.redacted.map_or(0, |r| r.items);
        self.redacted = Some(Redaction {
            at,
            items: before + self.quoted.len(),
        });
        self.quoted.clear();
    }

    pub(crate) fn encode(&self) -> Vec<u8> {
        serde_json::to_vec(self).expect("AuditEntry serialises")
    }

    pub(crate) fn decode(bytes: &[u8]) -> Result<AuditEntry, StoreError> {
        let e: AuditEntry =
            serde_json::from_slice(bytes).map_err(|e| unreadable("audit entry", &e))?;
        if e.version != AUDIT_RECORD_VERSION {
            return Err(StoreError::Corrupt(format!(
                "audit entry version {} is not known to this build",
                e.version
            )));
        }
        Ok(e)
    }
}

#[cfg(test)]
mod audit_tests {
    use super::*;

    #[test]
    fn audit_round_trip() {
        let mut e = AuditEntry::new(
            "jsmith",
            "release",
            OffsetDateTime::from_unix_timestamp(1_780_000_000).unwrap(),
        );
        e.seq = 7;
        e.message = Some("ID".into());
        e.details = vec!["note".into()];
        e.quoted = vec!["new sentence: \"My son is ill\"".into()];
        assert_eq!(AuditEntry::decode(&e.encode()).unwrap(), e);
        e.redact(e.at);
        assert_eq!(AuditEntry::decode(&e.encode()).unwrap(), e);
    }

    #[test]
    fn an_entry_written_before_quotes_were_kept_apart_still_decodes() {
        let old = br#"{"version":1,"seq":3,"at":"2026-06-01T10:00:00Z","actor":"contactgate","event":"decision","message":"M1","details":["a"]}"#;
        let e = AuditEntry::decode(old).unwrap();
        assert!(e.quoted.is_empty() && e.redacted.is_none());
        // Nothing quoted: the encoding has no trace of the new fields.
        assert!(!String::from_utf8(e.encode()).unwrap().contains("quoted"));
    }

    #[test]
    fn redaction_keeps_the_entry_and_counts_what_went() {
        let at = OffsetDateTime::from_unix_timestamp(1_780_000_000).unwrap();
        let mut e = AuditEntry::new("contactgate", "decision", at);
        e.message = Some("M1".into());
        e.details = vec!["new_information_only: new information".into()];
        e.quoted = vec!["new sentence: \"a\"".into(), "new attachment: b.png".into()];
        let later = at + time::Duration::days(90);
        e.redact(later);
        assert!(e.quoted.is_empty());
        assert_eq!(
            e.redacted,
            Some(Redaction {
                at: later,
                items: 2
            })
        );
        assert_eq!(e.message.as_deref(), Some("M1"));
        assert_eq!(e.details.len(), 1);
        // Redacting again changes nothing.
        let same = e.clone();
        e.redact(later + time::Duration::days(1));
        assert_eq!(e, same);
    }
}

/// The record version of outbox entries this build writes.
pub const OUTBOX_RECORD_VERSION: u32 = 1;

/// Where a queued reply is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OutboxState {
    Queued,
    /// Written before the send; found after a crash, it means "may have been sent".
    Sending,
}

/// What an outbox entry is: an acknowledgement to a customer, or an urgent safety alert to
/// the council's own staff ([`crate::alerts`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OutboxKind {
    /// Entries written before alerts existed have no kind: they are replies.
    #[default]
    Reply,
    Alert,
}

impl OutboxKind {
    /// The audit event of this kind's `what` (`queued`, `sent`, `refused`, `lost`...):
    /// `reply_sent`, `alert_sent`.
    pub fn event(self, what: &str) -> String {
        match self {
            OutboxKind::Reply => format!("reply_{what}"),
            OutboxKind::Alert => format!("alert_{what}"),
        }
    }
}

/// One queued reply or alert; its message is in the spool's outbox.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxEntry {
    pub version: u32,
    pub id: String,
    #[serde(default)]
    pub kind: OutboxKind,
    /// The message it answers (a reply) or is about (an alert).
    pub in_reply_to: String,
    /// A reply's one recipient; an alert's, comma-separated ([`OutboxEntry::recipients`]).
    pub to: String,
    pub template: String,
    pub languages: String,
    #[serde(with = "time::serde::rfc3339")]
    pub queued_at: OffsetDateTime,
    pub state: OutboxState,
    pub attempts: u32,
    #[serde(with = "time::serde::rfc3339")]
    pub next_attempt_at: OffsetDateTime,
    pub last_error: Option<String>,
}

impl OutboxEntry {
    /// The envelope recipients: a reply's one address, an alert's list.
    pub fn recipients(&self) -> Vec<String> {
        match self.kind {
            OutboxKind::Reply => vec![self.to.clone()],
            OutboxKind::Alert => self
                .to
                .split(',')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(str::to_string)
                .collect(),
        }
    }

    pub(crate) fn encode(&self) -> Vec<u8> {
        serde_json::to_vec(self).expect("OutboxEntry serialises")
    }

    pub(crate) fn decode(bytes: &[u8]) -> Result<OutboxEntry, StoreError> {
        let e: OutboxEntry =
            serde_json::from_slice(bytes).map_err(|e| unreadable("outbox entry", &e))?;
        if e.version != OUTBOX_RECORD_VERSION {
            return Err(StoreError::Corrupt(format!(
                "outbox entry version {} is not known to this build",
                e.version
            )));
        }
        Ok(e)
    }
}

#[cfg(test)]
mod outbox_tests {
    use super::*;

    #[test]
    fn outbox_round_trip() {
        let t = OffsetDateTime::from_unix_timestamp(1_780_000_000).unwrap();
        let e = OutboxEntry {
            kind: crate::store::OutboxKind::Reply,
            version: OUTBOX_RECORD_VERSION,
            id: "R1".into(),
            in_reply_to: "M1".into(),
            to: "a@mail.example".into(),
            template: "letter_only".into(),
            languages: "cy,en".into(),
            queued_at: t,
            state: OutboxState::Queued,
            attempts: 0,
            next_attempt_at: t,
            last_error: None,
        };
        assert_eq!(OutboxEntry::decode(&e.encode()).unwrap(), e);
    }
}
