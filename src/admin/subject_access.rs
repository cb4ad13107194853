//! The subject-access export's judgements, pure: which addresses are the data subject's, how
//! each kept message matched them, and which records carry someone else's personal data and
//! so need an officer's redaction review before the export is disclosed (UK GDPR Art. 15(4):
//! a copy must not adversely affect the rights of others).
//!
//! It reads nothing and writes nothing; `ops::subject_access` gathers the records and adds these
//! marks to them. `docs/subject-access.md` explains the marks to a data-protection officer.

use serde::Serialize;

use crate::rules::{Customer, MatchSettings};

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

    /// The redaction marks of an audit entry or incident about mail from `sender`.
    pub fn record(&self, sender: Option<&str>) -> Marks {
        let other = sender.is_some_and(|s| !s.trim().is_empty() && !self.owns(s));
        Marks::new(
            None,
            other
                .then_some(RedactionReason::SenderNotSubject)
                .into_iter()
                .collect(),
        )
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
    }

    #[test]
    fn records_about_someone_elses_mail_are_marked() {
        let s = subject();
        assert!(!s.record(Some("A@mail.example")).redaction_review);
        assert!(!s.record(None).redaction_review);
        assert!(!s.record(Some("")).redaction_review);
        let other = s.record(Some("impostor@mail.example"));
        assert!(other.redaction_review);
        assert_eq!(other.redaction_reasons, [SenderNotSubject]);
        assert!(s.concerns(Some("a.work@mail.example"), &[], false));
        assert!(s.concerns(Some("x@mail.example"), &["CR-1".into()], false));
        assert!(!s.concerns(Some("x@mail.example"), &["CR-2".into()], false));
    }
}
