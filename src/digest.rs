//! The officers' daily digest: a plain-text email listing newly held and filed mail, stale mail,
//! overdue reviews, and the exact command to act on each, with the day retention would purge
//! each message nobody acts on. Officers are not on the mail server; this brings the held store
//! to them. Pure: it builds the message; the scheduler sends it.

use time::OffsetDateTime;
use time::format_description::well_known::Rfc2822;

use crate::pipeline::header_safe;
use crate::policy::uk_time;
use crate::retention::{HeldRule, Retention};
use crate::rules::Rules;
use crate::store::{HeldMessage, HeldState};

pub struct DigestInput<'a> {
    pub held: &'a [HeldMessage],
    pub rules: &'a Rules,
    /// Messages received after this are new (all of them when `None`).
    pub since: Option<OffsetDateTime>,
    pub stale_days: u64,
    /// Names the day each waiting message will be purged if nobody acts on it.
    pub retention: &'a Retention,
    pub now: OffsetDateTime,
    pub from: &'a str,
    pub to: &'a str,
    pub hostname: &'a str,
    /// Names the config file in the suggested commands.
    pub config_path: Option<&'a str>,
}

/// The digest message, ready to send.
pub fn build(input: &DigestInput<'_>) -> Vec<u8> {
    let waiting: Vec<&HeldMessage> = input
        .held
        .iter()
        .filter(|r| matches!(r.state, HeldState::Held | HeldState::Releasing))
        .collect();
    let new: Vec<&&HeldMessage> = waiting
        .iter()
        .filter(|r| input.since.is_none_or(|s| r.received_at > s))
        .collect();
    let stale_after = crate::config::days(input.stale_days);
    let stale: Vec<&&HeldMessage> = waiting
        .iter()
        .filter(|r| input.now - r.received_at > stale_after)
        .collect();
    let today = uk_time::to_london(input.now).date();
    let overdue: Vec<String> = input
        .rules
        .customers()
        .iter()
        .flat_map(|c| {
            c.restrictions
                .iter()
                .filter(move |r| today > r.review_on)
                .map(move |r| {
                    format!(
                        "  {} ({}): {} review was due {}",
                        c.id,
                        c.name,
                        r.kind.name(),
                        r.review_on
                    )
                })
        })
        .collect();
    let config = input
        .config_path
        .map(|p| format!(" --config {p}"))
        .unwrap_or_default();

    let mut body = String::new();
    body.push_str(&format!(
        "contactgate daily digest for {} (UK time)\n\n",
        uk_time::to_london(input.now).date()
    ));
    body.push_str(&format!("Newly held or filed ({}):\n", new.len()));
    if new.is_empty() {
        body.push_str("  none\n");
    }
    for r in &new {
        describe(&mut body, r, input.retention, &config);
    }
    body.push_str(&format!(
        "\nStale: still waiting after {} days ({}):\n",
        input.stale_days,
        stale.len()
    ));
    if stale.is_empty() {
        body.push_str("  none\n");
    }
    for r in &stale {
        describe(&mut body, r, input.retention, &config);
    }
    body.push_str(&format!(
        "\nOverdue restriction reviews ({}):\n",
        overdue.len()
    ));
    if overdue.is_empty() {
        body.push_str("  none\n");
    }
    for o in &overdue {
        body.push_str(o);
        body.push('\n');
    }
    body.push_str("\nFlags and restrictions are advisory records: an officer decides.\n");

    let date = input.now.format(&Rfc2822).unwrap_or_default();
    let subject = format!(
        "contactgate digest: {} new, {} stale, {} overdue reviews",
        new.len(),
        stale.len(),
        overdue.len()
    );
    let headers = format!(
        "From: {}\r\nTo: {}\r\nSubject: {subject}\r\nDate: {date}\r\nMessage-ID: <digest.{}@{}>\r\nAuto-Submitted: auto-generated\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n",
        header_safe(input.from, 200),
        header_safe(input.to, 200),
        input.now.unix_timestamp(),
        header_safe(input.hostname, 100),
    );
    let mut out = headers.into_bytes();
    out.extend_from_slice(body.replace('\n', "\r\n").as_bytes());
    out
}

fn describe(body: &mut String, r: &HeldMessage, retention: &Retention, config: &str) {
    let clean = |s: &str| {
        s.chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect::<String>()
    };
    body.push_str(&format!(
        "  {}  {}  {}  from {}\n    subject: {}\n",
        r.id,
        uk_time::to_london(r.received_at),
        r.action.as_str(),
        if r.sender.is_empty() { "<>" } else { &r.sender },
        clean(r.subject.as_deref().unwrap_or("(none)"))
    ));
    for reason in &r.reasons {
        body.push_str(&format!("    - {}\n", clean(reason)));
    }
    // Retention never takes waiting mail by surprise: the digest names the day.
    if let Some((at, rule)) = crate::retention::purge_at(r, retention)
        .filter(|(_, rule)| matches!(rule, HeldRule::Filed | HeldRule::Held))
    {
        body.push_str(&format!(
            "    purged:  on {} unless an officer acts on it ({})\n",
            uk_time::to_london(at).date(),
            rule.key()
        ));
    }
    body.push_str(&format!(
        "    read:    contactgate held show {}{config}\n    release: contactgate held release {}{config} --note \"...\"\n",
        r.id, r.id
    ));
}
