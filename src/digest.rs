//! The officers' daily digest: a plain-text email listing newly held and filed mail, stale mail,
//! mail filed on an automatic comparison that no officer has confirmed yet, overdue reviews, and
//! the exact command to act on each, with the day retention would purge each message nobody
//! acts on. Officers are not on the mail server; this brings the held store to them. Pure: it
//! builds the message; the scheduler sends it.

use time::OffsetDateTime;
use time::format_description::well_known::Rfc2822;

use crate::message::header_safe;
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
    let lists = Lists::gather(input);
    let body = body(input, &lists);
    let mut out = headers(input, &lists).into_bytes();
    out.extend_from_slice(body.replace('\n', "\r\n").as_bytes());
    out
}

/// What the digest lists, each section's items.
struct Lists<'a> {
    new: Vec<&'a HeldMessage>,
    stale: Vec<&'a HeldMessage>,
    to_confirm: Vec<&'a HeldMessage>,
    overdue: Vec<String>,
}

impl<'a> Lists<'a> {
    fn gather(input: &DigestInput<'a>) -> Lists<'a> {
        let waiting: Vec<&HeldMessage> = input
            .held
            .iter()
            .filter(|r| matches!(r.state, HeldState::Held | HeldState::Releasing))
            .collect();
        let new = waiting
            .iter()
            .copied()
            .filter(|r| input.since.is_none_or(|s| r.received_at > s))
            .collect();
        let stale_after = crate::clock::days(input.stale_days);
        let stale = waiting
            .iter()
            .copied()
            .filter(|r| input.now - r.received_at > stale_after)
            .collect();
        // Filed by software comparing words (a repeat, a closed topic): the customer was told a
        // person would check, so each stays on the list until an officer records a review.
        let to_confirm = waiting
            .iter()
            .copied()
            .filter(|r| r.automated.is_some() && r.review.is_none())
            .collect();
        Lists {
            new,
            stale,
            to_confirm,
            overdue: overdue_reviews(input.rules, uk_time::to_london(input.now).date()),
        }
    }
}

/// One line per restriction whose review date has passed by `today`.
fn overdue_reviews(rules: &Rules, today: time::Date) -> Vec<String> {
    rules
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
        .collect()
}

/// The digest's text, with `\n` line ends.
fn body(input: &DigestInput<'_>, lists: &Lists<'_>) -> String {
    let config = input
        .config_path
        .map(|p| format!(" --config {p}"))
        .unwrap_or_default();
    let mut body = String::new();
    body.push_str(&format!(
        "contactgate daily digest for {} (UK time)\n\n",
        uk_time::to_london(input.now).date()
    ));
    section(&mut body, "Newly held or filed", &lists.new, |b, r| {
        describe(b, r, input.retention, &config)
    });
    let stale_title = format!("\nStale: still waiting after {} days", input.stale_days);
    section(&mut body, &stale_title, &lists.stale, |b, r| {
        describe(b, r, input.retention, &config)
    });
    section(
        &mut body,
        "\nFiled by an automatic comparison, for an officer to confirm",
        &lists.to_confirm,
        |b, r| confirm(b, r, &config),
    );
    section(
        &mut body,
        "\nOverdue restriction reviews",
        &lists.overdue,
        |b, o| {
            b.push_str(o);
            b.push('\n');
        },
    );
    body.push_str("\nFlags and restrictions are advisory records: an officer decides.\n");
    body
}

/// The digest's header fields, the subject counting each section.
fn headers(input: &DigestInput<'_>, lists: &Lists<'_>) -> String {
    let date = input.now.format(&Rfc2822).unwrap_or_default();
    let subject = format!(
        "contactgate digest: {} new, {} stale, {} overdue reviews, {} to confirm",
        lists.new.len(),
        lists.stale.len(),
        lists.overdue.len(),
        lists.to_confirm.len()
    );
    format!(
        "From: {}\r\nTo: {}\r\nSubject: {subject}\r\nDate: {date}\r\nMessage-ID: <digest.{}@{}>\r\nAuto-Submitted: auto-generated\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n",
        header_safe(input.from, 200),
        header_safe(input.to, 200),
        input.now.unix_timestamp(),
        header_safe(input.hostname, 100),
    )
}

/// One section of the digest: its title with the count, then each item, or "none".
fn section<T>(body: &mut String, title: &str, items: &[T], item: impl Fn(&mut String, &T)) {
    body.push_str(&format!("{title} ({}):\n", items.len()));
    if items.is_empty() {
        body.push_str("  none\n");
    }
    for i in items {
        item(body, i);
    }
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

/// One automatic filing to confirm: identifiers and the commands; its reasons and subject are
/// under "Newly held or filed" the day it arrived, and in `held show`.
fn confirm(body: &mut String, r: &HeldMessage, config: &str) {
    let check = r.automated.map_or("", |c| c.as_str());
    body.push_str(&format!(
        "  {}  {}  {}  customer {}\n    read:    contactgate held show {}{config}\n    confirm: contactgate held review {} --outcome confirmed{config}\n    wrong:   contactgate held review {} --outcome overturned{config}, then held release\n",
        r.id,
        uk_time::to_london(r.received_at),
        check,
        if r.customers.is_empty() {
            "-".to_string()
        } else {
            r.customers.join(", ")
        },
        r.id,
        r.id,
        r.id,
    ));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::AutomatedCheck;
    use crate::store::{OfficerReview, ReviewOutcome};

    fn held(id: &str, automated: Option<AutomatedCheck>, reviewed: bool) -> HeldMessage {
        let mut r: HeldMessage = serde_json::from_value(serde_json::json!({
            "version": crate::store::HELD_RECORD_VERSION,
            "id": id,
            "received_at": "2026-07-01T06:00:00Z",
            "sender": "r@mail.example",
            "recipients": ["housing@council.example"],
            "message_id": null,
            "subject": "Mould",
            "client_addr": null,
            "postfix_queue_id": null,
            "action": "file",
            "reasons": ["because"],
            "release_at": null,
            "size": 10,
            "state": "held",
            "customers": ["CR-9"],
        }))
        .unwrap();
        r.automated = automated;
        r.review = reviewed.then(|| OfficerReview {
            outcome: ReviewOutcome::Confirmed,
            by: "alice".into(),
            at: r.received_at,
            note: None,
        });
        r
    }

    /// The day after the test messages arrived.
    const NOW: OffsetDateTime = time::macros::datetime!(2026-07-02 07:00 UTC);

    /// The digest of `list` at [`NOW`], with no rules and the default retention.
    fn digest_at(list: &[HeldMessage], since: Option<OffsetDateTime>) -> String {
        let rules = Rules::parse("", "r.toml", crate::rules::MatchSettings::default()).unwrap();
        String::from_utf8(build(&DigestInput {
            held: list,
            rules: &rules,
            since,
            stale_days: 14,
            retention: &Retention::default(),
            now: NOW,
            from: "gate@council.example",
            to: "officers@council.example",
            hostname: "gate.test",
            config_path: None,
        }))
        .unwrap()
    }

    #[test]
    fn automatic_filings_are_listed_until_an_officer_reviews_them() {
        let list = [
            held("REPEAT1", Some(AutomatedCheck::NoNewInformation), false),
            held("TOPIC1", Some(AutomatedCheck::ClosedTopic), false),
            held("DONE1", Some(AutomatedCheck::NoNewInformation), true),
            held("LETTER1", None, false),
        ];
        let text = digest_at(&list, Some(NOW));
        assert!(text.contains("0 overdue reviews, 2 to confirm"), "{text}");
        let section = text
            .split("for an officer to confirm (2):")
            .nth(1)
            .and_then(|s| s.split("Overdue").next())
            .unwrap_or_else(|| panic!("{text}"));
        for id in ["REPEAT1", "TOPIC1"] {
            assert!(
                section.contains(&format!("contactgate held review {id} --outcome confirmed")),
                "{section}"
            );
        }
        assert!(section.contains("no_new_information") && section.contains("closed_topic"));
        assert!(
            !section.contains("DONE1") && !section.contains("LETTER1"),
            "{section}"
        );
    }

    #[test]
    fn each_waiting_message_names_the_day_retention_would_purge_it() {
        let mut released = held("GONE1", None, false);
        released.state = HeldState::Released;
        let list = [
            held("LETTER1", None, false),
            held("REPEAT1", Some(AutomatedCheck::NoNewInformation), false),
            released,
        ];
        let text = digest_at(&list, None);
        // From the message's first line to its `read:` command.
        let entry = |id: &str| {
            let from = text
                .find(&format!("  {id}  "))
                .unwrap_or_else(|| panic!("{text}"));
            let rest = &text[from..];
            rest[..rest.find("read:").unwrap()].to_string()
        };
        // Filed mail: a year; an automatic filing nobody confirmed waits like held mail.
        assert!(
            entry("LETTER1").contains(
                "purged:  on 2027-07-01 unless an officer acts on it (retention_filed_days)"
            ),
            "{text}"
        );
        assert!(
            entry("REPEAT1").contains(
                "purged:  on 2028-06-30 unless an officer acts on it (retention_held_days)"
            ),
            "{text}"
        );
        assert!(!text.contains("GONE1"), "{text}");
    }
}
