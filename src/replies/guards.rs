//! When an automatic reply must not be sent. Pure; each refusal says why, so every skip can be
//! logged with its reason code ([`Skip::code`]).
//!
//! Two kinds of guard:
//! - [`check`]: RFC 3834, never a reply to `<>`, to automatic, list or bulk mail, to system
//!   senders or to delivery reports;
//! - [`customer_address`]: a reply names a customer's restriction (their name, case reference,
//!   the arrangement, a postal address, the review date), so it goes only to an envelope sender
//!   that is one of that customer's recorded addresses. A customer is matched on `From:` too,
//!   and anyone can write `From:`; the reply goes to the envelope sender, which anyone can also
//!   choose. Only an address on the customer's record is known to be theirs.

use crate::message::Message;
use crate::rules::Rules;

/// Why no reply is sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Skip {
    NullSender,
    AutoSubmitted(String),
    Precedence(String),
    ListHeader(String),
    AutoResponseSuppress(String),
    SystemSender(String),
    DeliveryReport,
    /// A non-standard bounce or autoresponder, recognised by its subject.
    LooksAutomatic(String),
    RateLimited {
        template: String,
        days: u64,
    },
    NotEnabled(String),
    RepliesOff,
    /// The envelope sender is not one of the recorded addresses of the customer the reply is
    /// about (a forged envelope, or `From:` and the envelope disagreeing). Carries the case id
    /// only: an identifier, never the customer's name or anything they wrote.
    NotCustomerAddress {
        customer: String,
    },
}

impl Skip {
    /// A fixed reason code for logs and the audit trail. Unlike the `Display` text, it never
    /// carries header values or a subject the sender wrote.
    pub fn code(&self) -> &'static str {
        match self {
            Skip::NullSender => "null_sender",
            Skip::AutoSubmitted(_) => "auto_submitted",
            Skip::Precedence(_) => "precedence",
            Skip::ListHeader(_) => "list_header",
            Skip::AutoResponseSuppress(_) => "auto_response_suppress",
            Skip::SystemSender(_) => "system_sender",
            Skip::DeliveryReport => "delivery_report",
            Skip::LooksAutomatic(_) => "automatic_subject",
            Skip::RateLimited { .. } => "rate_limited",
            Skip::NotEnabled(_) => "not_enabled",
            Skip::RepliesOff => "replies_off",
            Skip::NotCustomerAddress { .. } => "envelope_not_customer_address",
        }
    }
}

impl std::fmt::Display for Skip {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Skip::NullSender => write!(f, "the envelope sender is null (<>)"),
            Skip::AutoSubmitted(v) => write!(f, "Auto-Submitted: {v}"),
            Skip::Precedence(v) => write!(f, "Precedence: {v}"),
            Skip::ListHeader(h) => write!(f, "mailing-list mail ({h})"),
            Skip::AutoResponseSuppress(v) => write!(f, "X-Auto-Response-Suppress: {v}"),
            Skip::SystemSender(s) => write!(f, "system sender {s}"),
            Skip::DeliveryReport => write!(f, "a delivery report (multipart/report)"),
            Skip::LooksAutomatic(s) => write!(f, "the subject looks automatic: {s:?}"),
            Skip::RateLimited { template, days } => {
                write!(
                    f,
                    "a {template} reply went to this sender within {days} days"
                )
            }
            Skip::NotEnabled(t) => write!(f, "{t} replies are not enabled"),
            Skip::RepliesOff => write!(f, "replies are off ([replies] from is not set)"),
            Skip::NotCustomerAddress { customer } => write!(
                f,
                "the envelope sender is not one of customer {customer}'s recorded addresses"
            ),
        }
    }
}

/// `Ok` when the message may get an automatic reply.
pub fn check(envelope_sender: &str, m: &Message) -> Result<(), Skip> {
    if envelope_sender.trim().is_empty() {
        return Err(Skip::NullSender);
    }
    if let Some(v) = &m.auto.auto_submitted {
        // RFC 3834 section 5: only "no" (with optional comments/parameters) is not automatic.
        let first = v
            .split(|c: char| c == ';' || c == '(' || c.is_whitespace())
            .next()
            .unwrap_or("");
        if !first.eq_ignore_ascii_case("no") {
            return Err(Skip::AutoSubmitted(v.clone()));
        }
    }
    if let Some(v) = &m.auto.precedence {
        let p = v.trim().to_ascii_lowercase();
        // auto_reply is not in RFC 3834 but is what many autoresponders send.
        if p == "bulk" || p == "list" || p == "junk" || p == "auto_reply" {
            return Err(Skip::Precedence(v.clone()));
        }
    }
    if let Some(h) = m.auto.list_headers.first() {
        return Err(Skip::ListHeader(h.clone()));
    }
    if let Some(v) = &m.auto.x_auto_response_suppress {
        let covers = v
            .split(',')
            .map(|t| t.trim().to_ascii_lowercase())
            .any(|t| t == "all" || t == "autoreply");
        if covers {
            return Err(Skip::AutoResponseSuppress(v.clone()));
        }
    }
    let local = envelope_sender
        .rsplit_once('@')
        .map_or(envelope_sender, |(l, _)| l)
        .to_ascii_lowercase();
    if local.contains("mailer-daemon")
        || local.contains("postmaster")
        || local.starts_with("owner-")
        || local.ends_with("-request")
    {
        return Err(Skip::SystemSender(envelope_sender.to_string()));
    }
    if m.auto.content_type.as_deref() == Some("multipart/report") {
        return Err(Skip::DeliveryReport);
    }
    // Many servers still bounce with a plain message, and some autoresponders set no header at
    // all. A person whose subject happens to match gets no acknowledgement, which is the safe
    // side: the mail itself is handled as usual.
    if let Some(subject) = &m.subject {
        let s = subject.to_lowercase();
        if AUTOMATIC_SUBJECTS.iter().any(|p| s.contains(p)) {
            return Err(Skip::LooksAutomatic(subject.clone()));
        }
    }
    Ok(())
}

/// The recorded address of customer `customer_id` that `envelope_sender` is, compared as the
/// rules compare addresses (case, and `+tags` with `strip_plus_tags`). The rules refuse an
/// address claimed by two customers, so the address index answers exactly.
///
/// The reply goes to the recorded address as the rules write it, never to the envelope sender
/// as written: Unicode case folding makes look-alikes equal (the Kelvin sign folds to `k`), so
/// `MAIL FROM:<\u{212A}im@…>` matches customer `kim@…` but is someone else's mailbox (review
/// finding).
pub fn customer_address(
    rules: &Rules,
    customer_id: &str,
    envelope_sender: &str,
) -> Result<String, Skip> {
    let matching = rules.matching();
    let wanted = matching.normalize(envelope_sender);
    let recorded = rules
        .customer_by_address(envelope_sender)
        .filter(|c| c.id == customer_id)
        .and_then(|c| {
            c.addresses
                .iter()
                .find(|a| matching.normalize(a) == wanted)
                .cloned()
        });
    match recorded {
        Some(address) => Ok(address),
        _ => Err(Skip::NotCustomerAddress {
            customer: customer_id.to_string(),
        }),
    }
}

/// Subject phrases of bounces and autoresponders (lower case).
const AUTOMATIC_SUBJECTS: &[&str] = &[
    "delivery status notification",
    "delivery failure",
    "delivery failed",
    "delivery has failed",
    "delivery warning",
    "delivery notification",
    "undeliverable",
    "undelivered mail",
    "returned mail",
    "failure notice",
    "could not be delivered",
    "non-delivery",
    "non remis",
    "auto reply",
    "auto-reply",
    "autoreply",
    "automatic reply",
    "out of office",
    "ateb awtomatig",
    "allan o'r swyddfa",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::AutoHeaders;

    fn msg(auto: AutoHeaders) -> Message {
        Message {
            auto,
            ..Message::default()
        }
    }

    fn check_one(sender: &str, auto: AutoHeaders, expect_skip: bool) {
        let r = check(sender, &msg(auto.clone()));
        assert_eq!(r.is_err(), expect_skip, "{sender} {auto:?}: {r:?}");
    }

    #[test]
    fn each_guard_on_its_own() {
        let none = AutoHeaders::default;
        check_one("a@mail.example", none(), false);
        check_one("", none(), true);
        check_one(
            "a@mail.example",
            AutoHeaders {
                auto_submitted: Some("auto-replied".into()),
                ..none()
            },
            true,
        );
        check_one(
            "a@mail.example",
            AutoHeaders {
                auto_submitted: Some("auto-generated".into()),
                ..none()
            },
            true,
        );
        check_one(
            "a@mail.example",
            AutoHeaders {
                auto_submitted: Some("no".into()),
                ..none()
            },
            false,
        );
        check_one(
            "a@mail.example",
            AutoHeaders {
                auto_submitted: Some("No (a person)".into()),
                ..none()
            },
            false,
        );
        for p in ["bulk", "list", "Junk"] {
            check_one(
                "a@mail.example",
                AutoHeaders {
                    precedence: Some(p.into()),
                    ..none()
                },
                true,
            );
        }
        check_one(
            "a@mail.example",
            AutoHeaders {
                precedence: Some("first-class".into()),
                ..none()
            },
            false,
        );
        check_one(
            "a@mail.example",
            AutoHeaders {
                list_headers: vec!["List-Id".into()],
                ..none()
            },
            true,
        );
        check_one(
            "a@mail.example",
            AutoHeaders {
                x_auto_response_suppress: Some("DR, AutoReply".into()),
                ..none()
            },
            true,
        );
        check_one(
            "a@mail.example",
            AutoHeaders {
                x_auto_response_suppress: Some("All".into()),
                ..none()
            },
            true,
        );
        check_one(
            "a@mail.example",
            AutoHeaders {
                x_auto_response_suppress: Some("DR, NDR".into()),
                ..none()
            },
            false,
        );
        for s in [
            "MAILER-DAEMON@mx.example",
            "postmaster@mail.example",
            "owner-planning@lists.example",
            "planning-request@lists.example",
        ] {
            check_one(s, none(), true);
        }
        check_one(
            "a@mail.example",
            AutoHeaders {
                content_type: Some("multipart/report".into()),
                ..none()
            },
            true,
        );
    }

    #[test]
    fn automatic_subjects_and_auto_reply_precedence() {
        for (subject, skip) in [
            ("Undeliverable: your complaint", true),
            ("Automatic reply: Planning", true),
            ("Mail delivery failed: returning message to sender", true),
            ("Ateb awtomatig: Cynllunio", true),
            ("My bins were not collected", false),
        ] {
            let m = Message {
                subject: Some(subject.into()),
                ..Message::default()
            };
            assert_eq!(check("a@mail.example", &m).is_err(), skip, "{subject}");
        }
        let auto = AutoHeaders {
            precedence: Some("auto_reply".into()),
            ..AutoHeaders::default()
        };
        assert!(check("a@mail.example", &msg(auto)).is_err());
    }

    #[test]
    fn regression_only_the_customers_own_address_gets_a_reply_about_them() {
        let customer = |id: &str, name: &str, addresses: &str| {
            format!(
                "[[customer]]\nid = \"{id}\"\nname = \"{name}\"\naddresses = [{addresses}]\n\
                 [[customer.restriction]]\nkind = \"letter_only\"\ndecided_by = \"Head\"\n\
                 decided_on = 2026-03-01\nreasons = \"r\"\npostal_address = \"County Hall\"\n"
            )
        };
        let text = format!(
            "{}{}",
            customer(
                "CR-1",
                "Ms R Restricted",
                r#""restricted@mail.example", "second@mail.example", "kim@mail.example""#,
            ),
            customer("CR-2", "Mr O Other", r#""other@mail.example""#)
        );
        let text = text.as_str();
        let strip = crate::rules::MatchSettings {
            strip_plus_tags: true,
        };
        let rules = Rules::parse(text, "r.toml", strip).unwrap();
        for own in [
            "restricted@mail.example",
            "Second@Mail.Example",
            "<restricted+x@mail.example>",
        ] {
            let to = customer_address(&rules, "CR-1", own).unwrap();
            assert!(
                [
                    "restricted@mail.example",
                    "second@mail.example",
                    "kim@mail.example"
                ]
                .contains(&to.as_str()),
                "{own} -> {to}"
            );
        }
        // A look-alike that Unicode case folding takes for the customer gets the reply sent to
        // the recorded address, never to itself.
        assert_eq!(
            customer_address(&rules, "CR-1", "\u{212A}im@mail.example").unwrap(),
            "kim@mail.example"
        );
        for not_theirs in [
            "attacker@evil.example",
            "other@mail.example",
            "restricted@mail.example.evil.example",
            "",
        ] {
            let skip = customer_address(&rules, "CR-1", not_theirs).unwrap_err();
            assert_eq!(skip.code(), "envelope_not_customer_address");
            assert!(!skip.to_string().contains("Restricted"), "no name: {skip}");
        }
        let keep = Rules::parse(text, "r.toml", crate::rules::MatchSettings::default()).unwrap();
        assert!(customer_address(&keep, "CR-1", "restricted+x@mail.example").is_err());
    }
}
