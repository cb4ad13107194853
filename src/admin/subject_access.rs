//! The subject-access export's judgements, pure: which addresses are the data subject's, how
//! each kept message matched them, and which records carry someone else's personal data and
//! so need an officer's redaction review before the export is disclosed (UK GDPR Art. 15(4):
//! a copy must not adversely affect the rights of others).
//!
//! It reads nothing and writes nothing; `ops::subject_access` gathers the records and adds these
//! marks to them. `docs/subject-access.md` explains the marks to a data-protection officer.

use serde::Serialize;
use time::OffsetDateTime;

use crate::rules::{Customer, MatchSettings};
use crate::store::{AuditEntry, OutboxEntry, OutboxState};

/// The data subject of an export: the address asked about and, when it belongs to a restricted
/// customer, all of that customer's recorded addresses (a person is the same person at each).
pub struct Subject {
    /// Normalised, the asked-for address first.
    addresses: Vec<String>,
    /// The customer record the address belongs to, if any.
    customers: Vec<String>,
    matching: MatchSettings,
}

/// How a kept message was found for the subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchedBy {
    /// The envelope sender is the subject's; no `From:` address is.
    Envelope,
    /// A `From:` address is the subject's; the envelope sender is not.
    From,
    /// Both the envelope sender and a `From:` address are the subject's.
    Both,
    /// Neither is (any longer) one of the subject's addresses, but the message was decided
    /// about the subject's customer record (the rules listed the address then).
    Customer,
}

/// Why a record needs a redaction review: it names, or came from, someone other than the
/// subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RedactionReason {
    /// The message's envelope sender is another person's address.
    EnvelopeSenderNotSubject,
    /// A `From:` address of the message is another person's.
    FromNotSubject,
    /// An audit entry or incident is about mail from another person's address (for example a
    /// reply withheld because someone else's envelope claimed to be the customer's).
    SenderNotSubject,
    /// The record was decided about another customer too (the subject wrote as a
    /// representative, say): it carries that customer's case id and reasons.
    AboutAnotherCustomer,
}

/// The marks an export record carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Marks {
    /// `None` for records that are not messages.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matched_by: Option<MatchedBy>,
    pub redaction_review: bool,
    pub redaction_reasons: Vec<RedactionReason>,
}

impl Marks {
    fn new(matched_by: Option<MatchedBy>, reasons: Vec<RedactionReason>) -> Marks {
        Marks {
            matched_by,
            redaction_review: !reasons.is_empty(),
            redaction_reasons: reasons,
        }
    }
}

impl Subject {
    /// `address` as asked for; `customer` the customer record it belongs to, if any.
    pub fn new(address: &str, customer: Option<&Customer>, matching: MatchSettings) -> Subject {
        let mut addresses = vec![matching.normalize(address)];
        for a in customer.iter().flat_map(|c| &c.addresses) {
            let a = matching.normalize(a);
            if !addresses.contains(&a) {
                addresses.push(a);
            }
        }
        Subject {
            addresses,
            customers: customer.iter().map(|c| c.id.clone()).collect(),
            matching,
        }
    }

    /// The subject's addresses, normalised, the asked-for one first.
    pub fn addresses(&self) -> &[String] {
        &self.addresses
    }

    /// The subject's customer ids (none or one).
    pub fn customers(&self) -> &[String] {
        &self.customers
    }

    /// Whether `address` is one of the subject's. The null sender is no one's.
    pub fn owns(&self, address: &str) -> bool {
        !address.trim().is_empty() && self.addresses.contains(&self.matching.normalize(address))
    }

    fn about_customer(&self, customers: &[String]) -> bool {
        customers.iter().any(|c| self.customers.contains(c))
    }

    /// How a kept message with this envelope sender, these `From:` addresses and these matched
    /// customers belongs to the subject, with its redaction marks; `None` when it does not.
    pub fn message(
        &self,
        envelope_sender: &str,
        from: &[String],
        customers: &[String],
    ) -> Option<Marks> {
        let by_envelope = self.owns(envelope_sender);
        let by_from = from.iter().any(|a| self.owns(a));
        let matched_by = match (by_envelope, by_from) {
            (true, true) => MatchedBy::Both,
            (true, false) => MatchedBy::Envelope,
            (false, true) => MatchedBy::From,
            (false, false) if self.about_customer(customers) => MatchedBy::Customer,
            (false, false) => return None,
        };
        let mut reasons = Vec::new();
        if !by_envelope && !envelope_sender.trim().is_empty() {
            reasons.push(RedactionReason::EnvelopeSenderNotSubject);
        }
        if from.iter().any(|a| !self.owns(a)) {
            reasons.push(RedactionReason::FromNotSubject);
        }
        if self.about_another_customer(customers) {
            reasons.push(RedactionReason::AboutAnotherCustomer);
        }
        Some(Marks::new(Some(matched_by), reasons))
    }

    /// Whether an audit entry or incident with this sender, these customers and (for audit
    /// entries) this message id belongs in the export.
    pub fn concerns(
        &self,
        sender: Option<&str>,
        customers: &[String],
        about_message: bool,
    ) -> bool {
        sender.is_some_and(|s| self.owns(s)) || self.about_customer(customers) || about_message
    }

    /// The redaction marks of an audit entry or incident about mail from `sender`, decided
    /// about `customers`.
    pub fn record(&self, sender: Option<&str>, customers: &[String]) -> Marks {
        let other = sender.is_some_and(|s| !s.trim().is_empty() && !self.owns(s));
        let mut reasons: Vec<RedactionReason> = other
            .then_some(RedactionReason::SenderNotSubject)
            .into_iter()
            .collect();
        if self.about_another_customer(customers) {
            reasons.push(RedactionReason::AboutAnotherCustomer);
        }
        Marks::new(None, reasons)
    }

    /// Whether `customers` names a customer other than the subject's own (review finding: a
    /// representative's export carried the customer's case id and reasons unmarked).
    fn about_another_customer(&self, customers: &[String]) -> bool {
        customers.iter().any(|c| !self.customers.contains(c))
    }
}

/// What became of a reply, as far as the store knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReplyState {
    /// In the outbox, waiting for its next attempt.
    Queued,
    /// In the outbox, marked as being sent.
    Sending,
    /// The relay accepted it.
    Sent,
    /// The relay refused it for good; it was not sent.
    Refused,
    /// The daemon stopped while sending it: it may have been delivered, and was not sent again.
    Interrupted,
    /// Queued, and no longer in the outbox, with no record of its end: a send the daemon was
    /// stopped in (it may have been delivered), or a reply from before this record was kept.
    Unknown,
}

/// One acknowledgement reply sent (or to be sent) to the subject. Never its text: the text is
/// a template filled with the council's names, the subject's message id and subject, and it
/// is not kept once sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SubjectReply {
    pub id: String,
    /// The contactgate id of the message it answers.
    pub in_reply_to: Option<String>,
    pub to: String,
    pub template: String,
    /// In order, e.g. `cy,en`.
    pub languages: String,
    #[serde(with = "time::serde::rfc3339::option")]
    pub queued_at: Option<OffsetDateTime>,
    /// When the relay accepted it, or refused it for good.
    #[serde(with = "time::serde::rfc3339::option")]
    pub ended_at: Option<OffsetDateTime>,
    pub state: ReplyState,
    #[serde(flatten)]
    pub marks: Marks,
}

impl Subject {
    /// The replies to the subject: those the audit trail records (`reply_queued`,
    /// `reply_sent`, `reply_refused`) and those still in the outbox, one each, in the order
    /// they were queued. A reply goes only to one of a customer's recorded addresses, so a
    /// reply to an address that is not (or no longer) the subject's is marked for review.
    pub fn replies(&self, audit: &[AuditEntry], outbox: &[OutboxEntry]) -> Vec<SubjectReply> {
        let mut out: Vec<SubjectReply> = Vec::new();
        for e in audit {
            let Some(r) = &e.reply else { continue };
            if !self.concerns(Some(&r.to), &e.customers, false) {
                continue;
            }
            let i = match out.iter().position(|x| x.id == r.id) {
                Some(i) => i,
                None => {
                    out.push(SubjectReply {
                        id: r.id.clone(),
                        in_reply_to: e.message.clone(),
                        to: r.to.clone(),
                        template: r.template.clone(),
                        languages: r.languages.clone(),
                        queued_at: None,
                        ended_at: None,
                        state: ReplyState::Unknown,
                        marks: self.record(Some(&r.to), &[]),
                    });
                    out.len() - 1
                }
            };
            let reply = &mut out[i];
            match e.event.as_str() {
                "reply_queued" => reply.queued_at = Some(e.at),
                "reply_sent" => (reply.state, reply.ended_at) = (ReplyState::Sent, Some(e.at)),
                "reply_refused" => {
                    (reply.state, reply.ended_at) = (ReplyState::Refused, Some(e.at))
                }
                "reply_interrupted" => {
                    (reply.state, reply.ended_at) = (ReplyState::Interrupted, Some(e.at))
                }
                _ => {}
            }
        }
        // Alerts go to staff, never to the customer: they are not the customer's replies.
        let replies = outbox
            .iter()
            .filter(|q| q.kind == crate::store::OutboxKind::Reply);
        for q in replies.filter(|q| self.owns(&q.to)) {
            let state = match q.state {
                OutboxState::Queued => ReplyState::Queued,
                OutboxState::Sending => ReplyState::Sending,
            };
            match out.iter_mut().find(|x| x.id == q.id) {
                Some(known) if known.ended_at.is_none() => known.state = state,
                Some(_) => {}
                None => out.push(SubjectReply {
                    id: q.id.clone(),
                    in_reply_to: Some(q.in_reply_to.clone()),
                    to: q.to.clone(),
                    template: q.template.clone(),
                    languages: q.languages.clone(),
                    queued_at: Some(q.queued_at),
                    ended_at: None,
                    state,
                    marks: self.record(Some(&q.to), &[]),
                }),
            }
        }
        out.sort_by_key(|r| r.queued_at);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use MatchedBy::*;
    use RedactionReason::*;

    fn subject() -> Subject {
        let c = crate::rules::Customer {
            id: "CR-1".into(),
            name: "A Person".into(),
            addresses: vec!["a@mail.example".into(), "a.work@mail.example".into()],
            language: crate::rules::Language::En,
            adjustments: None,
            restrictions: Vec::new(),
        };
        Subject::new("A@Mail.example", Some(&c), MatchSettings::default())
    }

    fn check(
        envelope: &str,
        from: &[&str],
        customers: &[&str],
        expected: Option<(MatchedBy, &[RedactionReason])>,
    ) {
        let from: Vec<String> = from.iter().map(|s| s.to_string()).collect();
        let customers: Vec<String> = customers.iter().map(|s| s.to_string()).collect();
        let got = subject().message(envelope, &from, &customers);
        let want = expected.map(|(m, r)| Marks::new(Some(m), r.to_vec()));
        assert_eq!(got, want, "envelope {envelope:?}, from {from:?}");
    }

    #[test]
    fn each_message_says_how_it_matched_and_what_is_someone_elses() {
        check(
            "a@mail.example",
            &["a@mail.example"],
            &[],
            Some((Both, &[])),
        );
        // Any of the customer's addresses is the subject's.
        check(
            "a.work@mail.example",
            &["a@mail.example"],
            &[],
            Some((Both, &[])),
        );
        check("a@mail.example", &[], &[], Some((Envelope, &[])));
        check(
            "a@mail.example",
            &["friend@mail.example"],
            &[],
            Some((Envelope, &[FromNotSubject])),
        );
        check(
            "friend@mail.example",
            &["a@mail.example"],
            &["CR-1"],
            Some((From, &[EnvelopeSenderNotSubject])),
        );
        // The null sender is no one's: a bounce carrying the subject's From: needs no review.
        check("", &["a@mail.example"], &[], Some((From, &[])));
        check(
            "old@mail.example",
            &["old@mail.example"],
            &["CR-1"],
            Some((Customer, &[EnvelopeSenderNotSubject, FromNotSubject])),
        );
        check(
            "other@mail.example",
            &["other@mail.example"],
            &["CR-2"],
            None,
        );
        // The subject wrote as someone's representative: the message is about that customer.
        check(
            "a@mail.example",
            &["a@mail.example"],
            &["CR-2"],
            Some((Both, &[AboutAnotherCustomer])),
        );
    }

    #[test]
    fn records_about_someone_elses_mail_are_marked() {
        let s = subject();
        assert!(!s.record(Some("A@mail.example"), &[]).redaction_review);
        assert!(!s.record(None, &[]).redaction_review);
        assert!(!s.record(Some(""), &[]).redaction_review);
        let other = s.record(Some("impostor@mail.example"), &[]);
        assert!(other.redaction_review);
        assert_eq!(other.redaction_reasons, [SenderNotSubject]);
        // Regression (review finding): a record decided about another customer too carries
        // their case id and reasons.
        assert!(
            !s.record(Some("a@mail.example"), &["CR-1".into()])
                .redaction_review
        );
        let theirs = s.record(Some("a@mail.example"), &["CR-1".into(), "CR-9".into()]);
        assert_eq!(theirs.redaction_reasons, [AboutAnotherCustomer]);
        assert!(s.concerns(Some("a.work@mail.example"), &[], false));
        assert!(s.concerns(Some("x@mail.example"), &["CR-1".into()], false));
        assert!(!s.concerns(Some("x@mail.example"), &["CR-2".into()], false));
    }

    fn outbox(id: &str, to: &str, at: OffsetDateTime) -> OutboxEntry {
        OutboxEntry {
            kind: crate::store::OutboxKind::Reply,
            version: crate::store::OUTBOX_RECORD_VERSION,
            id: id.into(),
            in_reply_to: id.trim_end_matches('R').into(),
            to: to.into(),
            template: "letter_only".into(),
            languages: "cy,en".into(),
            queued_at: at,
            state: OutboxState::Queued,
            attempts: 0,
            next_attempt_at: at,
            last_error: None,
        }
    }

    #[test]
    fn replies_are_followed_from_queued_to_their_end_and_others_left_out() {
        let t = |h: i64| OffsetDateTime::from_unix_timestamp(1_780_000_000 + h * 3600).unwrap();
        let entry = |event: &str, r: &OutboxEntry, at| {
            let mut e = AuditEntry::about_reply("contactgate", event, at, r);
            if event == "reply_queued" {
                e.customers = vec!["CR-1".into()];
            }
            e
        };
        let sent = outbox("M1R", "a@mail.example", t(0));
        let refused = outbox("M2R", "a.work@mail.example", t(1));
        let waiting = outbox("M3R", "a@mail.example", t(2));
        let lost = outbox("M4R", "a@mail.example", t(3));
        let cut = outbox("M6R", "a@mail.example", t(5));
        let older = outbox("M0R", "a@mail.example", t(-1));
        let someone_else = outbox("M5R", "b@mail.example", t(4));
        let audit = [
            entry("reply_queued", &sent, t(0)),
            entry("reply_queued", &refused, t(1)),
            entry("reply_sent", &sent, t(0) + time::Duration::minutes(1)),
            entry("reply_refused", &refused, t(2)),
            entry("reply_queued", &waiting, t(2)),
            entry("reply_queued", &lost, t(3)),
            entry("reply_sent", &someone_else, t(4)),
            entry("reply_queued", &cut, t(5)),
            entry("reply_interrupted", &cut, t(6)),
        ];
        let got = subject().replies(&audit, &[waiting.clone(), older.clone(), someone_else]);
        let summary: Vec<(&str, ReplyState, Option<OffsetDateTime>)> = got
            .iter()
            .map(|r| (r.id.as_str(), r.state, r.ended_at))
            .collect();
        assert_eq!(
            summary,
            [
                ("M0R", ReplyState::Queued, None),
                (
                    "M1R",
                    ReplyState::Sent,
                    Some(t(0) + time::Duration::minutes(1))
                ),
                ("M2R", ReplyState::Refused, Some(t(2))),
                ("M3R", ReplyState::Queued, None),
                ("M4R", ReplyState::Unknown, None),
                ("M6R", ReplyState::Interrupted, Some(t(6))),
            ]
        );
        assert_eq!(got[1].template, "letter_only");
        assert_eq!(got[1].languages, "cy,en");
        assert_eq!(got[1].queued_at, Some(t(0)));
        assert_eq!(got[1].in_reply_to.as_deref(), Some("M1"));
        assert!(got.iter().all(|r| !r.marks.redaction_review));
    }
}
