use super::*;
use crate::rules::MatchSettings;
use crate::ruleset::RuleSet;
use time::macros::{datetime, time};

fn rules(text: &str) -> RuleSet {
    RuleSet::with_restrictions(Rules::parse(text, "r.toml", MatchSettings::default()).unwrap())
}

/// What a test observed of a message besides its words: contact-pattern flags and novelty.
#[derive(Default)]
struct Seen<'a> {
    flags: Vec<Flag>,
    novelty: Option<&'a crate::novelty::Report>,
}

/// The daemon's steps for one message: identify, the flags its words raise (with the rules'
/// lexicon, empty unless a test gives one), then what else was `seen`, and decide.
fn decide(
    message: &Message,
    envelope: &Envelope,
    rules: &RuleSet,
    settings: &PolicySettings,
    now: OffsetDateTime,
    seen: Seen<'_>,
) -> Verdict {
    let identity = identify(message, envelope, &rules.restrictions, &rules.monitoring);
    let mut flags = rules.detector.message_flags(message);
    flags.extend(seen.flags);
    super::decide(
        message,
        envelope,
        &rules.restrictions,
        settings,
        now,
        Observed {
            identity: &identity,
            flags,
            novelty: seen.novelty,
        },
    )
}

fn envelope(sender: &str, rcpts: &[&str]) -> Envelope {
    Envelope {
        sender: sender.into(),
        recipients: rcpts.iter().map(|r| r.to_string()).collect(),
        ..Envelope::default()
    }
}

const NAMED: &str = r#"
[[customer]]
id = "C1"
name = "Mr A"
addresses = ["a@mail.example"]
  [[customer.restriction]]
  kind = "named_staff"
  decided_by = "Head"
  decided_on = 2026-03-01
  reasons = "r"
  staff = ["jane@council.example"]
"#;

#[test]
fn unrestricted_mail_is_delivered_with_a_reason() {
    let v = decide(
        &Message::default(),
        &envelope("z@mail.example", &["x@council.example"]),
        &rules(NAMED),
        &PolicySettings::default(),
        OffsetDateTime::UNIX_EPOCH,
        Seen::default(),
    );
    assert_eq!(v.action, Action::Deliver);
    assert_eq!(v.recipients, vec!["x@council.example"]);
    assert_eq!(reason::texts(&v.reasons), vec!["no restriction applies"]);
    assert_eq!(reason::log_codes(&v.reasons), "no_restriction");
}

#[test]
fn hold_all_holds_even_restricted_mail() {
    let v = decide(
        &Message::default(),
        &envelope("a@mail.example", &["x@council.example"]),
        &rules(NAMED),
        &PolicySettings {
            hold_all: true,
            ..PolicySettings::default()
        },
        datetime!(2026-06-01 10:00 UTC),
        Seen::default(),
    );
    assert_eq!(v.action, Action::Hold);
    assert!(v.reasons.iter().any(|r| r.text.contains("hold_all")));
}

#[test]
fn overdue_review_enforces_or_lapses() {
    let late = datetime!(2027-03-05 10:00 UTC);
    let env = envelope("a@mail.example", &["x@council.example"]);
    let v = decide(
        &Message::default(),
        &env,
        &rules(NAMED),
        &PolicySettings::default(),
        late,
        Seen::default(),
    );
    assert_eq!(v.action, Action::Reroute);
    assert!(
        v.reasons.iter().any(|r| r.text.contains("still enforced")),
        "{:?}",
        v.reasons
    );
    let lapse = PolicySettings {
        review_overdue: ReviewOverdue::Lapse,
        ..PolicySettings::default()
    };
    let v = decide(
        &Message::default(),
        &env,
        &rules(NAMED),
        &lapse,
        late,
        Seen::default(),
    );
    assert_eq!(v.action, Action::Deliver);
    assert!(
        v.reasons.iter().any(|r| r.text.contains("lapsed")),
        "{:?}",
        v.reasons
    );
}

fn weekdays_10_to_12() -> TimeWindow {
    TimeWindow {
        days: [true, true, true, true, true, false, false],
        from: time!(10:00),
        until: time!(12:00),
    }
}

#[test]
fn window_start_in_uk_time() {
    let w = weekdays_10_to_12();
    // Wednesday 1 July 2026, 10:30 BST = 09:30 UTC: inside.
    assert_eq!(next_window_start(&w, datetime!(2026-07-01 09:30 UTC)), None);
    // 08:00 UTC = 09:00 BST: opens at 10:00 BST = 09:00 UTC the same day.
    assert_eq!(
        next_window_start(&w, datetime!(2026-07-01 08:00 UTC)),
        Some(datetime!(2026-07-01 09:00 UTC))
    );
    // Friday 3 July 12:00 BST (11:00 UTC) is the end: next is Monday 6 July.
    assert_eq!(
        next_window_start(&w, datetime!(2026-07-03 11:00 UTC)),
        Some(datetime!(2026-07-06 09:00 UTC))
    );
    // In winter UK time is UTC.
    assert_eq!(
        next_window_start(&w, datetime!(2026-12-05 10:30 UTC)),
        Some(datetime!(2026-12-07 10:00 UTC))
    );
    // After the last window before the end of the calendar there is none (this added days
    // without a check, and panicked).
    assert_eq!(next_window_start(&w, datetime!(9999-12-31 13:00 UTC)), None);
}

#[test]
fn topic_mentions_are_whole_tokens() {
    assert!(mentions("re: 24/0612/pa appeal", "24/0612/pa"));
    assert!(!mentions("re: 24/0612/pax", "24/0612/pa"));
    assert!(!mentions("case-12345", "case-1234"));
    assert!(mentions("(case-1234)", "case-1234"));
}

/// A weekday window, `(from, until)` in UK time.
type Window<'a> = (&'a str, &'a str);

/// A customer (or two) with time windows; each `(id, address, windows)` gets one `time_window`
/// restriction per window.
fn windowed(customers: &[(&str, &str, &[Window<'_>])]) -> RuleSet {
    let mut text = String::new();
    for (id, address, windows) in customers {
        text.push_str(&format!(
            "[[customer]]\nid = \"{id}\"\nname = \"{id}\"\naddresses = [\"{address}\"]\n"
        ));
        for (from, until) in *windows {
            text.push_str(&format!(
                "  [[customer.restriction]]\n  kind = \"time_window\"\n  decided_by = \"Head\"\n  \
                 decided_on = 2026-03-01\n  reasons = \"r\"\n  \
                 days = [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\"]\n  \
                 from = \"{from}\"\n  until = \"{until}\"\n"
            ));
        }
    }
    rules(&text)
}

fn decide_at(rules: &RuleSet, sender: &str, from: &[&str], now: OffsetDateTime) -> Verdict {
    let message = Message {
        from: from.iter().map(|a| a.to_string()).collect(),
        ..Message::default()
    };
    decide(
        &message,
        &envelope(sender, &["x@council.example"]),
        rules,
        &PolicySettings::default(),
        now,
        Seen::default(),
    )
}

#[test]
fn regression_windows_are_a_union_inside_any_window_is_not_deferred() {
    let rules = windowed(&[(
        "C1",
        "a@mail.example",
        &[("10:00", "12:00"), ("14:00", "16:00")],
    )]);
    // Wednesday 1 July 2026, 14:30 BST: outside the morning window, inside the afternoon one.
    let v = decide_at(
        &rules,
        "a@mail.example",
        &[],
        datetime!(2026-07-01 13:30 UTC),
    );
    assert_eq!(v.action, Action::Deliver, "{:?}", v.reasons);
    assert_eq!(v.release_at, None);
    assert_eq!(v.reply, None);
    assert!(
        !v.reasons.iter().any(|r| r.text.contains("released at")),
        "{:?}",
        v.reasons
    );
}

#[test]
fn regression_outside_every_window_defers_to_the_earliest_start() {
    let rules = windowed(&[(
        "C1",
        "a@mail.example",
        &[("10:00", "12:00"), ("14:00", "16:00")],
    )]);
    // Wednesday 12:30 BST: the afternoon window opens first, at 14:00 BST = 13:00 UTC, not the
    // morning window on Thursday.
    let v = decide_at(
        &rules,
        "a@mail.example",
        &[],
        datetime!(2026-07-01 11:30 UTC),
    );
    assert_eq!(v.action, Action::Defer, "{:?}", v.reasons);
    assert_eq!(v.release_at, Some(datetime!(2026-07-01 13:00 UTC)));
    assert!(v.summary.contains("14:00-16:00"), "{}", v.summary);
    assert!(
        v.reasons
            .iter()
            .any(|r| r.text.contains("10:00-12:00") && r.text.contains("released earlier")),
        "{:?}",
        v.reasons
    );
    assert_eq!(
        v.reply.as_ref().map(|p| p.template),
        Some(Template::Deferred)
    );
}

#[test]
fn regression_windows_of_two_matched_customers_are_a_union() {
    let rules = windowed(&[
        ("C1", "a@mail.example", &[("10:00", "12:00")]),
        ("C2", "b@mail.example", &[("14:00", "16:00")]),
    ]);
    // The envelope sender is one customer, the From: address the other.
    let inside = decide_at(
        &rules,
        "a@mail.example",
        &["b@mail.example"],
        datetime!(2026-07-01 13:30 UTC),
    );
    assert_eq!(inside.customers, vec!["C1", "C2"]);
    assert_eq!(inside.action, Action::Deliver, "{:?}", inside.reasons);
    assert_eq!(inside.release_at, None);
    // Friday 16:30 BST: both closed; Monday 10:00 BST comes before Monday 14:00 BST.
    let outside = decide_at(
        &rules,
        "a@mail.example",
        &["b@mail.example"],
        datetime!(2026-07-03 15:30 UTC),
    );
    assert_eq!(outside.action, Action::Defer);
    assert_eq!(outside.release_at, Some(datetime!(2026-07-06 09:00 UTC)));
}

/// Customers with named-staff restrictions; each `(id, address, lists)` gets one `named_staff`
/// restriction per list.
fn staffed(customers: &[(&str, &str, &[&[&str]])]) -> RuleSet {
    let mut text = String::new();
    for (id, address, lists) in customers {
        text.push_str(&format!(
            "[[customer]]\nid = \"{id}\"\nname = \"{id}\"\naddresses = [\"{address}\"]\n"
        ));
        for staff in *lists {
            let staff: Vec<String> = staff.iter().map(|s| format!("\"{s}\"")).collect();
            text.push_str(&format!(
                "  [[customer.restriction]]\n  kind = \"named_staff\"\n  decided_by = \"Head\"\n  \
                 decided_on = 2026-03-01\n  reasons = \"r\"\n  staff = [{}]\n",
                staff.join(", ")
            ));
        }
    }
    rules(&text)
}

const JANE: &str = "jane@council.example";
const BOB: &str = "bob@council.example";
const CAROL: &str = "carol@council.example";

#[test]
fn regression_named_staff_lists_are_intersected() {
    let rules = staffed(&[("C1", "a@mail.example", &[&[JANE, BOB], &[BOB, CAROL]])]);
    let v = decide_at(
        &rules,
        "a@mail.example",
        &[],
        datetime!(2026-07-01 09:30 UTC),
    );
    assert_eq!(v.action, Action::Reroute, "{:?}", v.reasons);
    assert_eq!(v.recipients, vec![BOB]);
    assert_eq!(v.reply.as_ref().unwrap().staff, vec![BOB]);
    // Addressed to someone only one list allows: still only the common staff.
    let v = decide(
        &Message::default(),
        &envelope("a@mail.example", &[JANE]),
        &rules,
        &PolicySettings::default(),
        datetime!(2026-07-01 09:30 UTC),
        Seen::default(),
    );
    assert_eq!(v.recipients, vec![BOB]);
}

#[test]
fn regression_named_staff_of_two_customers_are_intersected() {
    let rules = staffed(&[
        ("C1", "a@mail.example", &[&[JANE, BOB]]),
        ("C2", "b@mail.example", &[&[BOB, CAROL]]),
    ]);
    let v = decide_at(
        &rules,
        "a@mail.example",
        &["b@mail.example"],
        datetime!(2026-07-01 09:30 UTC),
    );
    assert_eq!(v.action, Action::Reroute, "{:?}", v.reasons);
    assert_eq!(v.recipients, vec![BOB]);
}

#[test]
fn regression_named_staff_with_no_common_recipient_is_held() {
    for rules in [
        staffed(&[("C1", "a@mail.example", &[&[JANE], &[CAROL]])]),
        staffed(&[
            ("C1", "a@mail.example", &[&[JANE]]),
            ("C2", "b@mail.example", &[&[CAROL]]),
        ]),
    ] {
        let v = decide_at(
            &rules,
            "a@mail.example",
            &["b@mail.example"],
            datetime!(2026-07-01 09:30 UTC),
        );
        assert_eq!(v.action, Action::Hold, "{:?}", v.reasons);
        assert!(
            v.summary.contains("leave no permitted recipient"),
            "{}",
            v.summary
        );
        assert!(
            v.reasons.iter().any(|r| r.text == v.summary),
            "{:?}",
            v.reasons
        );
        // Nobody was chosen for the customer: an officer decides, from what was addressed.
        assert_eq!(v.recipients, vec!["x@council.example"]);
        assert_eq!(
            v.reply.as_ref().map(|p| p.template),
            Some(Template::HeldForReview)
        );
    }
}

#[test]
fn regression_hold_all_has_no_release_time() {
    let rules = windowed(&[("C1", "a@mail.example", &[("10:00", "12:00")])]);
    let v = decide(
        &Message::default(),
        &envelope("a@mail.example", &["x@council.example"]),
        &rules,
        &PolicySettings {
            hold_all: true,
            ..PolicySettings::default()
        }, // Outside the window: without hold_all this would be deferred with a release time.
        datetime!(2026-07-01 11:30 UTC),
        Seen::default(),
    );
    assert_eq!(v.action, Action::Hold);
    assert_eq!(
        v.release_at, None,
        "held mail is never released automatically"
    );
}

fn with_lexicon(text: &str) -> RuleSet {
    let mut r = rules(text);
    let lex = crate::flags::Lexicon::parse(&[
        (
            "profanity.toml",
            "category = \"profanity\"\naction = \"tag\"\n[[entry]]\nseverity = \"high\"\nterms = [\"fuck\"]\n",
        ),
        (
            "threat.toml",
            "category = \"threat\"\naction = \"hold\"\n[[entry]]\nseverity = \"high\"\nterms = [\"watch your back\"]\n",
        ),
    ])
    .unwrap();
    r.detector = std::sync::Arc::new(crate::flags::Detector::new(lex));
    r
}

fn saying(text: &str) -> Message {
    Message {
        own_text: text.into(),
        ..Message::default()
    }
}

#[test]
fn a_tag_flag_delivers_and_a_hold_flag_holds_over_a_restriction() {
    let r = with_lexicon(NAMED);
    let now = datetime!(2026-06-01 10:00 UTC);
    let env = envelope("z@mail.example", &["x@council.example"]);
    let v = decide(
        &saying("fuck this"),
        &env,
        &r,
        &PolicySettings::default(),
        now,
        Seen::default(),
    );
    assert_eq!(v.action, Action::Deliver);
    assert_eq!(v.flags.len(), 1);
    assert!(
        v.reasons[0]
            .text
            .starts_with("flagged for an officer (advisory, delivered): profanity")
    );
    assert_eq!(v.reasons[0].code.to_string(), "flag:profanity/fuck:tag");
    assert!(
        !v.reasons.iter().any(|x| x.text.contains("fuck this")),
        "no customer text in reasons"
    );

    // The restricted customer's mail would be rerouted; a threat holds it, with both reasons.
    let env = envelope("a@mail.example", &["x@council.example"]);
    let v = decide(
        &saying("Watch your back."),
        &env,
        &r,
        &PolicySettings::default(),
        now,
        Seen::default(),
    );
    assert_eq!(v.action, Action::Hold);
    assert!(v.summary.contains("threat flag"), "{}", v.summary);
    assert!(
        v.reasons
            .iter()
            .any(|x| x.text.contains("named_staff") || x.text.contains("jane@"))
    );
    assert!(v.reply.is_none(), "an officer replies to held mail");
    assert_eq!(v.release_at, None);

    // Extra flags from monitoring count the same way.
    let observed = vec![crate::flags::Flag {
        category: "frequency".into(),
        severity: crate::flags::Severity::Medium,
        action: crate::flags::FlagAction::Hold,
        rule: "monitoring/per_day".into(),
        excerpt: "11 messages in the last 24 hours (threshold 10)".into(),
        count: 1,
        reported: false,
    }];
    let env = envelope("z@mail.example", &["x@council.example"]);
    let v = decide(
        &saying("polite"),
        &env,
        &r,
        &PolicySettings::default(),
        now,
        Seen {
            flags: observed,
            novelty: None,
        },
    );
    assert_eq!(v.action, Action::Hold);
    assert_eq!(v.flags[0].category, "frequency");
}

/// The verdict for a raw message from z@mail.example, with the test lexicon.
fn decide_raw(raw: &[u8]) -> Verdict {
    let m = Message::parse(raw).unwrap();
    let env = envelope("z@mail.example", &["x@council.example"]);
    let now = datetime!(2026-06-01 10:00 UTC);
    decide(
        &m,
        &env,
        &with_lexicon(NAMED),
        &PolicySettings::default(),
        now,
        Seen::default(),
    )
}

#[test]
fn regression_abuse_in_a_legal_footer_paragraph_is_still_flagged() {
    // Footers are left out of the sender's own text for novelty; the flags must still see them,
    // in the plain part and (review finding: it was dropped) in the HTML alternative.
    let plain =
        b"From: z@mail.example\r\nSubject: hi\r\n\r\nHello.\r\nDisclaimer: none\r\nwatch your back\r\n";
    assert!(!Message::parse(plain).unwrap().own_text.contains("watch"));
    let html = b"From: z@mail.example\r\nSubject: hi\r\nMIME-Version: 1.0\r\n\
Content-Type: multipart/alternative; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n\
Hello.\r\n--b\r\nContent-Type: text/html\r\n\r\n<p>Hello.</p><p>Disclaimer: none<br>watch your back</p>\r\n--b--\r\n";
    for raw in [plain.as_slice(), html.as_slice()] {
        let v = decide_raw(raw);
        assert_eq!(v.action, Action::Hold, "{:?}", v.reasons);
        assert_eq!(v.flags.len(), 1);
    }
}

#[test]
fn regression_a_closed_topic_in_a_footer_paragraph_is_still_found() {
    let m = Message {
        own_text: "Hello.\n".into(),
        footer: "Disclaimer: x\nAbout the planning appeal at 4 Mill Lane.\n".into(),
        ..Message::default()
    };
    assert_eq!(
        closed_topic(&m, &["planning appeal".to_string()]),
        Some("planning appeal")
    );
}

#[test]
fn automated_check_names_only_filings_decided_by_comparing_words() {
    let r = rules(
        r#"
[[customer]]
id = "C-REPEAT"
name = "Ms R"
addresses = ["r@mail.example"]
  [[customer.restriction]]
  kind = "new_information_only"
  decided_by = "Head"
  decided_on = 2026-03-01
  reasons = "r"

[[customer]]
id = "C-TOPIC"
name = "Mr T"
addresses = ["t@mail.example"]
  [[customer.restriction]]
  kind = "topics"
  decided_by = "Head"
  decided_on = 2026-03-01
  reasons = "r"
  closed = ["24/0612/PA"]

[[customer]]
id = "C-LETTER"
name = "Mr L"
addresses = ["l@mail.example"]
  [[customer.restriction]]
  kind = "letter_only"
  decided_by = "Head"
  decided_on = 2026-03-01
  reasons = "r"
  postal_address = "County Hall"
"#,
    );
    let now = datetime!(2026-06-01 10:00 UTC);
    let report = |new: bool| -> crate::novelty::Report {
        serde_json::from_value(serde_json::json!({
            "new": new, "novel_sentences": [], "new_attachments": [], "new_words": 0,
            "closest": null, "had_history": true,
        }))
        .unwrap()
    };
    let (repeat, new) = (report(false), report(true));
    let check = |sender: &str, text: &str, novelty: Option<&crate::novelty::Report>| {
        let v = decide(
            &saying(text),
            &envelope(sender, &["x@council.example"]),
            &r,
            &PolicySettings::default(),
            now,
            Seen {
                flags: Vec::new(),
                novelty,
            },
        );
        v.automated_check()
    };
    assert_eq!(
        check("r@mail.example", "again", Some(&repeat)),
        Some(AutomatedCheck::NoNewInformation)
    );
    assert_eq!(check("r@mail.example", "news", Some(&new)), None);
    assert_eq!(
        check("t@mail.example", "About 24/0612/PA again", None),
        Some(AutomatedCheck::ClosedTopic)
    );
    assert_eq!(check("t@mail.example", "About my bins", None), None);
    assert_eq!(check("l@mail.example", "anything", None), None);
    // Held for everything: an officer decides, not the comparison.
    let v = decide(
        &saying("again"),
        &envelope("r@mail.example", &["x@council.example"]),
        &r,
        &PolicySettings {
            hold_all: true,
            ..PolicySettings::default()
        },
        now,
        Seen {
            flags: Vec::new(),
            novelty: Some(&repeat),
        },
    );
    assert_eq!(v.automated_check(), None);
}

#[test]
fn regression_log_codes_carry_no_customer_text_name_or_decision_reasons() {
    // Issue 14: the log line carried the customer's name, the restriction's free-text reasons
    // and (before they were counted) the new sentences. The codes carry ids and kinds only.
    let r = rules(
        r#"
[[customer]]
id = "C9"
name = "Ms Secretname"
addresses = ["n@mail.example"]
  [[customer.restriction]]
  kind = "new_information_only"
  decided_by = "Head"
  decided_on = 2026-03-01
  reasons = "Secretreason repeated complaints"
"#,
    );
    let report = crate::novelty::Report {
        new: true,
        novel_sentences: vec!["My son Secretson is ill".into()],
        new_attachments: vec!["secretscan.pdf".into()],
        new_words: 4,
        closest_seq: None,
        closest: None,
        had_history: true,
        truncated: false,
    };
    let v = decide(
        &saying("My son Secretson is ill"),
        &envelope("n@mail.example", &["x@council.example"]),
        &r,
        &PolicySettings::default(),
        datetime!(2026-06-01 10:00 UTC),
        Seen {
            flags: Vec::new(),
            novelty: Some(&report),
        },
    );
    let officer = reason::texts(&v.reasons).join("\n");
    for secret in ["Secretname", "Secretreason", "Secretson", "secretscan"] {
        assert!(
            officer.contains(secret),
            "the officer sees {secret}: {officer}"
        );
    }
    let line = reason::log_codes(&v.reasons);
    assert_eq!(
        line,
        "customer:C9,novelty:new,novelty:new_sentence,novelty:new_attachment"
    );
}

#[test]
fn a_template_is_named_as_its_files_and_its_records_name_it() {
    for t in Template::ALL {
        assert_eq!(Template::from_name(t.name()), Some(t));
        // The JSON of a reply plan (`explain --json`) names it the same way.
        assert_eq!(serde_json::to_value(t).unwrap(), t.name());
    }
    assert_eq!(Template::from_name("letter-only"), None);
}
