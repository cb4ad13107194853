//! Urgent safety alerts: when a message threatens staff, a safety contact is told within
//! seconds, instead of when an officer next opens the queue or reads the next day's digest.
//!
//! The policy expects immediate action, up to the police, when a message threatens the safety
//! of staff. A message whose flags include a configured category at or above the configured
//! severity (`[alerts]`: by default `threat` and `threat_implied`, `high`) gets one alert:
//! - to the configured safety contact(s), every one at a council domain
//!   ([`AlertSettings::internal_domains`], checked when the configuration is read), and with
//!   `copy_recipients` to the message's intended recipients at those domains (the staff it was
//!   aimed at); never to the customer or any other address the message names;
//! - carrying the message id, sender, intended recipients, each matching flag's category,
//!   severity, rule and excerpt, and the command that opens the message;
//! - queued in the durable outbox in the same commit as the decision (so an alert exists for
//!   every message that got a 250 for it), sent ahead of replies and retried every few
//!   seconds to minutes until the relay takes it (`replies::sender`);
//! - once per message (its outbox id is the message id with `A`), and at most one per sender
//!   per `per_sender_minutes` (a flood of threats from one sender raises one alert, then each
//!   held message is on the record as `alert_withheld`, reason `rate_limited`);
//! - audited: `alert_queued` with the decision, then `alert_sent` or `alert_refused`.
//!
//! The alert quotes what the customer wrote (the excerpt), because the safety contact must judge
//! the danger without opening the gateway; it goes to council addresses only, and nothing of it
//! is logged. Its header fields carry no customer text at all.

use time::OffsetDateTime;
use time::format_description::well_known::Rfc2822;

use crate::flags::Severity;
use crate::message::header_safe;
use crate::policy::uk_time;
use crate::store::{
    AuditEntry, Incident, OUTBOX_RECORD_VERSION, OutboxEntry, OutboxKind, OutboxState, QueuedReply,
    SYSTEM_ACTOR,
};

/// `[alerts]`, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlertSettings {
    /// The safety contact(s); each is at one of `internal_domains`.
    pub to: Vec<String>,
    /// `From:` of alerts.
    pub from: String,
    /// Flag categories that raise an alert.
    pub categories: Vec<String>,
    /// The least severity that raises one.
    pub min_severity: Severity,
    /// Domains alerts may go to (and their subdomains).
    pub internal_domains: Vec<String>,
    /// At most one alert per sender in this many minutes; 0: no limit but one per message.
    pub per_sender_minutes: u64,
    /// Also tell the message's intended recipients at council domains (the staff the message
    /// was aimed at, who do not see it while it is held); `copy_recipients`, off by default.
    pub copy_recipients: bool,
    /// Names the config file in the command that opens the message.
    pub config_path: Option<String>,
    pub hostname: String,
}

/// The categories that raise an alert unless `[alerts] categories` says otherwise.
pub const DEFAULT_CATEGORIES: [&str; 2] = ["threat", "threat_implied"];

/// Whether `address` is at one of `domains` or a subdomain of one (case-insensitive).
pub fn is_internal(address: &str, domains: &[String]) -> bool {
    let Some((local, domain)) = address.rsplit_once('@') else {
        return false;
    };
    let domain = domain.to_ascii_lowercase();
    !local.is_empty()
        && domains.iter().any(|d| {
            let d = d.trim_start_matches('@').to_ascii_lowercase();
            domain == d || domain.ends_with(&format!(".{d}"))
        })
}

/// What one message is: its id and envelope, for the alert's text.
pub struct AlertSubject<'a> {
    pub id: &'a str,
    pub sender: &'a str,
    pub recipients: &'a [String],
    /// What became of the message (`hold`, `deliver`...).
    pub action: &'a str,
    pub customers: &'a [String],
    pub received_at: OffsetDateTime,
}

/// The alert for a message with these incidents, if any of them calls for one.
pub fn plan(
    settings: &AlertSettings,
    subject: &AlertSubject<'_>,
    incidents: &[Incident],
) -> Option<QueuedReply> {
    let urgent: Vec<&Incident> = incidents
        .iter()
        .filter(|i| {
            settings.categories.contains(&i.category) && i.severity >= settings.min_severity
        })
        .collect();
    if urgent.is_empty() || settings.to.is_empty() {
        return None;
    }
    let mut to = settings.to.clone();
    if settings.copy_recipients {
        for r in subject.recipients {
            let internal = is_internal(r, &settings.internal_domains);
            if internal && !to.iter().any(|t| t.eq_ignore_ascii_case(r)) && !r.contains(',') {
                to.push(r.clone());
            }
        }
    }
    let id = format!("{}A", subject.id);
    let now = subject.received_at;
    let entry = OutboxEntry {
        version: OUTBOX_RECORD_VERSION,
        id: id.clone(),
        kind: OutboxKind::Alert,
        in_reply_to: subject.id.to_string(),
        to: to.join(", "),
        template: "alert".into(),
        languages: "en".into(),
        queued_at: now,
        state: OutboxState::Queued,
        attempts: 0,
        next_attempt_at: now,
        last_error: None,
    };
    let codes: Vec<String> = urgent
        .iter()
        .map(|i| format!("{} ({}): {}", i.category, i.severity.as_str(), i.rule))
        .collect();
    let mut queued = AuditEntry::about_alert(SYSTEM_ACTOR, "alert_queued", now, &entry);
    queued.sender = Some(subject.sender.to_string());
    queued.customers = subject.customers.to_vec();
    queued
        .details
        .extend(codes.iter().map(|c| format!("flag: {c}")));
    let mut limited = AuditEntry::new(SYSTEM_ACTOR, "alert_withheld", now);
    limited.message = Some(subject.id.to_string());
    limited.sender = Some(subject.sender.to_string());
    limited.customers = subject.customers.to_vec();
    limited.details = vec![
        "reason: rate_limited".into(),
        format!(
            "an alert about this sender went out within {} minutes",
            settings.per_sender_minutes
        ),
    ];
    // Per sender; with no interval, per message (the key is then never met again).
    let rate_key = if settings.per_sender_minutes == 0 {
        format!("alert\0message\0{}", subject.id)
    } else {
        format!("alert\0sender\0{}", subject.sender.to_ascii_lowercase())
    };
    Some(QueuedReply {
        body: compose(settings, &to, subject, &urgent),
        entry,
        rate_key,
        interval: time::Duration::minutes(settings.per_sender_minutes as i64),
        audit_if_queued: vec![queued],
        audit_if_limited: vec![limited],
    })
}

/// Longest excerpt quoted, in bytes (a line stays far below SMTP's 998).
const MAX_EXCERPT: usize = 400;
/// Most recipients listed one by one.
const MAX_LISTED: usize = 20;

/// The alert message: header fields free of customer text, a plain-text body.
fn compose(
    settings: &AlertSettings,
    to: &[String],
    s: &AlertSubject<'_>,
    urgent: &[&Incident],
) -> Vec<u8> {
    let config = settings
        .config_path
        .as_deref()
        .map(|p| format!(" --config {p}"))
        .unwrap_or_default();
    let mut body = String::new();
    body.push_str(&format!(
        "A message that may threaten the safety of staff arrived at {} (UK time).\n\n",
        uk_time::to_london(s.received_at)
    ));
    body.push_str(&format!("Message:    {}\n", s.id));
    body.push_str(&format!("What now:   {}\n", s.action));
    body.push_str(&format!("Sender:     {}\n", shown(s.sender, "<>")));
    if !s.customers.is_empty() {
        body.push_str(&format!("Customer:   {}\n", s.customers.join(", ")));
    }
    body.push_str("Sent to:\n");
    for r in s.recipients.iter().take(MAX_LISTED) {
        body.push_str(&format!("  {}\n", shown(r, "?")));
    }
    if s.recipients.len() > MAX_LISTED {
        body.push_str(&format!("  and {} more\n", s.recipients.len() - MAX_LISTED));
    }
    body.push_str("\nWhat was flagged:\n");
    for i in urgent {
        body.push_str(&format!(
            "  - {} ({}), rule {}\n    \"{}\"\n",
            i.category,
            i.severity.as_str(),
            i.rule,
            excerpt(&i.excerpt)
        ));
    }
    body.push_str(&format!(
        "\nOpen it:    contactgate held show {}{config}\n",
        s.id
    ));
    body.push_str(
        "\nFlags are advisory: an officer decides. If anyone is in immediate danger, call 999.\n\
         Tell the member of staff concerned, and follow the council's procedure for threats\n\
         to staff, which may include reporting it to the police.\n",
    );
    let date = s.received_at.format(&Rfc2822).unwrap_or_default();
    let mut out = format!(
        "From: {}\r\nTo: {}\r\nSubject: URGENT: possible threat to staff in message {}\r\nDate: {date}\r\nMessage-ID: <{}.alert@{}>\r\nAuto-Submitted: auto-generated\r\nX-Auto-Response-Suppress: All\r\nImportance: high\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n",
        header_safe(&settings.from, 200),
        header_safe(&to.join(", "), 900),
        s.id,
        s.id,
        header_safe(&settings.hostname, 100),
    )
    .into_bytes();
    out.extend_from_slice(body.replace('\n', "\r\n").as_bytes());
    out
}

/// An address as shown in the body: control characters out, `empty` for none.
fn shown(address: &str, empty: &str) -> String {
    if address.is_empty() {
        return empty.to_string();
    }
    bounded_line(address, 320)
}

/// The customer's words, on one line, at most [`MAX_EXCERPT`] bytes.
fn excerpt(text: &str) -> String {
    bounded_line(text, MAX_EXCERPT)
}

/// `text` with every control character a space, cut at a character boundary within `max`
/// bytes (marked with an ellipsis). Bytes, not characters as in `replies::compose::one_line`:
/// the limit here is SMTP's line length, and the spacing is kept as the customer wrote it.
fn bounded_line(text: &str, max: usize) -> String {
    let clean: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if clean.len() <= max {
        return clean;
    }
    format!("{}…", &clean[..clean.floor_char_boundary(max)])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::INCIDENT_RECORD_VERSION;

    fn settings() -> AlertSettings {
        AlertSettings {
            to: vec!["safety@council.example".into()],
            from: "contactgate@council.example".into(),
            categories: DEFAULT_CATEGORIES.iter().map(|c| c.to_string()).collect(),
            min_severity: Severity::High,
            internal_domains: vec!["council.example".into()],
            per_sender_minutes: 10,
            copy_recipients: false,
            config_path: Some("/etc/contactgate/contactgate.toml".into()),
            hostname: "gw.council.example".into(),
        }
    }

    fn incident(category: &str, severity: Severity, excerpt: &str) -> Incident {
        Incident {
            version: INCIDENT_RECORD_VERSION,
            seq: 0,
            at: OffsetDateTime::UNIX_EPOCH,
            sender: "angry@mail.example".into(),
            customers: vec![],
            message: "M1".into(),
            message_id: None,
            category: category.into(),
            severity,
            rule: format!("{category}/rule"),
            excerpt: excerpt.into(),
            action: "hold".into(),
        }
    }

    fn subject<'a>(recipients: &'a [String]) -> AlertSubject<'a> {
        AlertSubject {
            id: "M1",
            sender: "angry@mail.example",
            recipients,
            action: "hold",
            customers: &[],
            received_at: OffsetDateTime::from_unix_timestamp(1_790_000_000).unwrap(),
        }
    }

    #[test]
    fn only_configured_categories_at_or_above_the_severity_raise_an_alert() {
        let to = vec!["housing@council.example".to_string()];
        let s = settings();
        assert!(
            plan(
                &s,
                &subject(&to),
                &[incident("profanity", Severity::High, "x")]
            )
            .is_none()
        );
        assert!(
            plan(
                &s,
                &subject(&to),
                &[incident("threat", Severity::Medium, "x")]
            )
            .is_none()
        );
        assert!(plan(&s, &subject(&to), &[]).is_none());
        let alert = plan(
            &s,
            &subject(&to),
            &[
                incident("profanity", Severity::High, "swearing"),
                incident("threat_implied", Severity::High, "I know where you live"),
            ],
        )
        .expect("an alert");
        assert_eq!(alert.entry.id, "M1A");
        assert_eq!(alert.entry.kind, OutboxKind::Alert);
        assert_eq!(alert.entry.recipients(), vec!["safety@council.example"]);
        let text = String::from_utf8(alert.body).unwrap();
        assert!(text.contains("I know where you live"), "{text}");
        assert!(!text.contains("swearing"), "only the urgent flags: {text}");
        assert!(
            text.contains("contactgate held show M1 --config /etc/contactgate/contactgate.toml")
        );
        assert!(text.contains("  housing@council.example\r\n"));
        assert_eq!(alert.audit_if_queued[0].event, "alert_queued");
        assert_eq!(alert.audit_if_limited[0].event, "alert_withheld");
        // The audit names rules and categories, never what the customer wrote.
        let audited = format!("{:?}", alert.audit_if_queued);
        assert!(!audited.contains("know where"), "{audited}");
    }

    #[test]
    fn customer_text_never_reaches_a_header_and_long_text_is_cut() {
        let to = vec!["housing@council.example".to_string()];
        let nasty = format!(
            "line one\r\nBcc: victim@elsewhere.example\r\n{}",
            "é".repeat(2000)
        );
        let alert = plan(
            &settings(),
            &subject(&to),
            &[incident("threat", Severity::High, &nasty)],
        )
        .unwrap();
        let text = String::from_utf8(alert.body).unwrap();
        let (headers, body) = text.split_once("\r\n\r\n").unwrap();
        assert!(!headers.contains("victim"), "{headers}");
        assert!(!headers.to_ascii_lowercase().contains("bcc"), "{headers}");
        assert!(body.contains("line one  Bcc: victim"), "one line: {body}");
        assert!(body.lines().all(|l| l.len() <= 998));
        assert!(body.contains('…'));
    }

    #[test]
    fn an_alert_per_sender_or_per_message() {
        let to = vec!["housing@council.example".to_string()];
        let threat = [incident("threat", Severity::High, "x")];
        let mut s = settings();
        let a = plan(&s, &subject(&to), &threat).unwrap();
        assert_eq!(a.rate_key, "alert\0sender\0angry@mail.example");
        assert_eq!(a.interval, time::Duration::minutes(10));
        s.per_sender_minutes = 0;
        let b = plan(&s, &subject(&to), &threat).unwrap();
        assert_eq!(b.rate_key, "alert\0message\0M1");
    }

    #[test]
    fn internal_means_the_council_domains_and_their_subdomains() {
        let d = vec!["council.example".to_string()];
        assert!(is_internal("safety@council.example", &d));
        assert!(is_internal("Safety@Housing.Council.Example", &d));
        assert!(!is_internal("safety@evilcouncil.example", &d));
        assert!(!is_internal("safety@council.example.evil.example", &d));
        assert!(!is_internal("@council.example", &d));
        assert!(!is_internal("council.example", &d));
    }
}
