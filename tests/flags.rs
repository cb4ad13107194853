//! Abusive-language flags and contact-pattern monitoring, end to end: real SMTP sessions into
//! the daemon, the real CLI binary over the admin socket. The rules directory is the project's
//! own `rules/lexicon` (so the shipped lexicon is what is tested) plus a monitoring file per
//! test.

mod common;

use std::path::Path;

use common::*;
use time::macros::datetime;

const RULES: &str = r#"
[[customer]]
id = "CR-7"
name = "Mr P Persistent"
addresses = ["p.persistent@mail.example"]
  [[customer.restriction]]
  kind = "named_staff"
  decided_by = "Head of Customer Services"
  decided_on = 2026-03-01
  reasons = "Numerous emails to many officers."
  staff = ["case.officer@council.example"]
"#;

/// A config whose rules directory has the shipped lexicon and `monitoring`.
fn setup(dir: &Path, sink: std::net::SocketAddr, monitoring: &str) -> contactgate::config::Config {
    let config = test_config_with_rules(sink, dir, RULES);
    copy_lexicon(dir);
    std::fs::write(dir.join("rules/monitoring.toml"), monitoring).unwrap();
    config
}

async fn send(
    addr: std::net::SocketAddr,
    from: &str,
    to: &[&str],
    subject: &str,
    body: &str,
) -> String {
    let mut c = Client::connect(addr).await;
    c.cmd("EHLO p").await;
    let msg = format!(
        "From: {from}\r\nTo: {}\r\nSubject: {subject}\r\nMessage-ID: <{}@mail.example>\r\n\r\n{body}\r\n",
        to.join(", "),
        subject.len() * 31 + body.len()
    );
    let reply = c.send_message(from, to, msg.as_bytes()).await;
    c.cmd("QUIT").await;
    reply
}

#[tokio::test]
async fn profanity_is_delivered_tagged_and_recorded_as_an_incident() {
    let dir = tempfile::tempdir().unwrap();
    let sink = Sink::start().await;
    let d = Daemon::start(setup(dir.path(), sink.addr, "")).await;

    let reply = send(
        d.addr,
        "angry@mail.example",
        &["housing@council.example"],
        "Repairs",
        "Fix the f*cking boiler, you useless sh1t.\r\nBcc: evil@example.org",
    )
    .await;
    assert!(reply.starts_with("250"), "{reply}");
    let got = sink.wait_for(1).await;
    let flags = header(&got[0].data, "X-Contactgate-Flags").expect("flags header");
    assert!(flags.contains("profanity"), "{flags}");
    assert!(
        !flags.contains("boiler") && !flags.contains("Bcc"),
        "no customer text: {flags}"
    );
    assert_eq!(
        got[0].recipients,
        ["housing@council.example"],
        "delivered as addressed"
    );

    // Forceful but legitimate: delivered untouched, no flag, no incident.
    let reply = send(
        d.addr,
        "forceful@mail.example",
        &["complaints@council.example"],
        "Formal complaint",
        "This is a disgrace. Your handling is utterly incompetent and I will be contacting the \
Ombudsman, my solicitor and the press. That junction is a death trap and the charge is \
daylight robbery. I live in Scunthorpe, grew up in Penistone and studied in Middlesex.",
    )
    .await;
    assert!(reply.starts_with("250"), "{reply}");
    let got = sink.wait_for(2).await;
    assert_eq!(header(&got[1].data, "X-Contactgate-Flags"), None);

    let all = cli_json(dir.path(), &["incidents", "--json"]).await;
    let all = all.as_array().unwrap();
    assert!(!all.is_empty());
    assert!(
        all.iter().all(|i| i["sender"] == "angry@mail.example"),
        "{all:?}"
    );
    let i = &all[0];
    assert_eq!(i["category"], "profanity");
    assert_eq!(i["action"], "deliver");
    assert!(
        i["excerpt"].as_str().unwrap().contains("f*cking boiler"),
        "{i}"
    );
    for field in [
        "at",
        "severity",
        "rule",
        "message",
        "message_id",
        "customers",
    ] {
        assert!(i.get(field).is_some(), "incident has {field}: {i}");
    }
    let none = cli_json(
        dir.path(),
        &["incidents", "--sender", "forceful@mail.example", "--json"],
    )
    .await;
    assert_eq!(none.as_array().unwrap().len(), 0);
    let (ok, text, _) = cli_in(dir.path(), &["incidents", "--sender", "ANGRY@mail.example"]).await;
    assert!(
        ok && text.contains("profanity") && text.contains("angry@mail.example"),
        "{text}"
    );
    d.stop().await;
}

#[tokio::test]
async fn a_threat_is_held_with_its_flag_and_in_the_subject_access_export() {
    let dir = tempfile::tempdir().unwrap();
    let sink = Sink::start().await;
    let d = Daemon::start(setup(dir.path(), sink.addr, "")).await;

    let reply = send(
        d.addr,
        "p.persistent@mail.example",
        &["case.officer@council.example"],
        "You again",
        "I know where you live. I'm going to come round and smash your face in.",
    )
    .await;
    assert!(reply.starts_with("250"), "{reply}");
    // Report of harm, not a threat: delivered.
    let reply = send(
        d.addr,
        "resident@mail.example",
        &["highways@council.example"],
        "Speeding",
        "A child will be killed on that road if this isn't fixed. My neighbour threatened to kill me.",
    )
    .await;
    assert!(reply.starts_with("250"), "{reply}");
    // A report of abuse received: the quoted slur is shown, but the report is not held and
    // no incident is recorded against the resident.
    let reply = send(
        d.addr,
        "victim@mail.example",
        &["asb@council.example"],
        "Taxi driver",
        "When I queried the fare he called me a \"stupid bitch\" and drove off.",
    )
    .await;
    assert!(reply.starts_with("250"), "{reply}");
    let got = sink.wait_for(2).await;
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].sender, "resident@mail.example");
    let report = &got[1];
    assert!(header(&report.data, "X-Contactgate-Flags").is_some_and(|h| h.contains("slur_sexist")));
    let none = cli_json(
        dir.path(),
        &["incidents", "--sender", "victim@mail.example", "--json"],
    )
    .await;
    assert_eq!(none.as_array().unwrap().len(), 0, "{none}");

    let held = cli_json(dir.path(), &["held", "list", "--json"]).await;
    let held = held.as_array().unwrap();
    assert_eq!(held.len(), 1, "{held:?}");
    assert_eq!(held[0]["action"], "hold");
    // "I know where you live" is an implied threat, "smash your face in" an explicit one.
    assert_eq!(
        held[0]["flags"],
        serde_json::json!(["threat_implied", "threat"])
    );
    let id = held[0]["id"].as_str().unwrap().to_string();
    let show = cli_json(dir.path(), &["held", "show", &id, "--json"]).await;
    let flags = show["flags"].as_array().unwrap();
    assert!(flags.iter().any(|f| f["category"] == "threat"), "{flags:?}");
    assert!(
        flags.iter().any(|f| f["excerpt"]
            .as_str()
            .unwrap()
            .contains("smash your face in")),
        "{flags:?}"
    );
    let (ok, text, _) = cli_in(dir.path(), &["held", "show", &id]).await;
    assert!(
        ok && text.contains("flag: threat (high severity, hold"),
        "{text}"
    );

    let sar = cli_json(
        dir.path(),
        &["export", "--address", "p.persistent@mail.example"],
    )
    .await;
    let incidents = sar["incidents"].as_array().unwrap();
    assert!(
        incidents
            .iter()
            .any(|i| i["category"] == "threat" && i["customers"][0] == "CR-7"),
        "{sar}"
    );

    // The officer decides: released, it carries its flags to the recipient.
    let (ok, _, err) = cli_in(dir.path(), &["held", "release", &id, "--note", "reviewed"]).await;
    assert!(ok, "{err}");
    let got = sink.wait_for(3).await;
    let released = got
        .iter()
        .find(|m| m.sender == "p.persistent@mail.example")
        .unwrap();
    assert!(header(&released.data, "X-Contactgate-Flags").is_some_and(|h| h.contains("threat")));
    assert!(header(&released.data, "X-Contactgate-Released-By").is_some());
    d.stop().await;
}

#[tokio::test]
async fn persistence_and_fan_out_are_flagged_once_past_the_threshold() {
    let dir = tempfile::tempdir().unwrap();
    let sink = Sink::start().await;
    let monitoring = "exempt_domains = [\"council.example\"]\n[frequency]\nper_day = 2\naction = \"tag\"\n[fan_out]\ndistinct_recipients_per_day = 3\naction = \"hold\"\n";
    let (d, clock) = Daemon::start_at(
        setup(dir.path(), sink.addr, monitoring),
        datetime!(2026-06-01 09:00 UTC),
    )
    .await;

    for i in 0..4 {
        let reply = send(
            d.addr,
            "again@mail.example",
            &["housing@council.example"],
            &format!("Chaser {i}"),
            "Any news?",
        )
        .await;
        assert!(reply.starts_with("250"), "{reply}");
    }
    // Staff are not monitored.
    for i in 0..4 {
        send(
            d.addr,
            "officer@council.example",
            &["housing@council.example"],
            &format!("Internal {i}"),
            "FYI",
        )
        .await;
    }
    let got = sink.wait_for(8).await;
    let tagged: Vec<bool> = got
        .iter()
        .filter(|m| m.sender == "again@mail.example")
        .map(|m| header(&m.data, "X-Contactgate-Flags").is_some_and(|h| h.contains("frequency")))
        .collect();
    assert_eq!(tagged, [false, false, true, true]);
    assert!(
        got.iter()
            .filter(|m| m.sender == "officer@council.example")
            .all(|m| header(&m.data, "X-Contactgate-Flags").is_none())
    );
    let incidents = cli_json(
        dir.path(),
        &["incidents", "--sender", "again@mail.example", "--json"],
    )
    .await;
    assert_eq!(
        incidents.as_array().unwrap().len(),
        1,
        "one incident per crossing: {incidents}"
    );
    assert_eq!(incidents[0]["category"], "frequency");
    // The subject-access export shows the counts kept about the sender.
    let sar = cli_json(dir.path(), &["export", "--address", "again@mail.example"]).await;
    let counted: u64 = sar["contact_counters"]["hours"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h.as_u64().unwrap())
        .sum();
    assert_eq!(counted, 4, "{sar}");
    assert_eq!(
        sar["contact_counters_by_address"]["again@mail.example"],
        sar["contact_counters"]
    );

    // A day later the daily count has rolled over; writing to four officers crosses fan-out.
    clock.advance(time::Duration::hours(25));
    let reply = send(
        d.addr,
        "spray@mail.example",
        &[
            "a@council.example",
            "b@council.example",
            "c@council.example",
            "d@council.example",
        ],
        "To all of you",
        "Read this.",
    )
    .await;
    assert!(reply.starts_with("250"), "{reply}");
    let held = cli_json(dir.path(), &["held", "list", "--json"]).await;
    let held = held.as_array().unwrap();
    assert_eq!(held.len(), 1, "{held:?}");
    assert!(
        held[0]["reasons"].to_string().contains("fan_out"),
        "{held:?}"
    );
    d.stop().await;
}

#[tokio::test]
async fn a_bad_lexicon_on_reload_keeps_the_old_rules_and_names_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let sink = Sink::start().await;
    let config = setup(dir.path(), sink.addr, "");
    let bad = dir.path().join("rules/lexicon/profanity.toml");
    let good = std::fs::read_to_string(&bad).unwrap();
    std::fs::write(
        &bad,
        format!("{good}\n[[entry]]\nseverity = \"extreme\"\nterms = [\"x\"]\n"),
    )
    .unwrap();
    let (ok, _, err) = cli_in(dir.path(), &["check-config"]).await;
    assert!(!ok);
    let line = good.lines().count() + 3;
    assert!(
        err.contains(&format!("profanity.toml:{line}:12: severity must be")),
        "{err}"
    );
    std::fs::write(&bad, &good).unwrap();

    let (tx, rx) = tokio::sync::mpsc::channel(1);
    let options = contactgate::daemon::ServeOptions {
        reload: Some(rx),
        ..Default::default()
    };
    let d = Daemon::start_with(config, options).await;
    std::fs::write(&bad, "category = \"profanity\"\n[[entry]\n").unwrap();
    tx.send(()).await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    // Still flags with the old lexicon.
    send(
        d.addr,
        "x@mail.example",
        &["y@council.example"],
        "s",
        "fuck off",
    )
    .await;
    let got = sink.wait_for(1).await;
    assert!(header(&got[0].data, "X-Contactgate-Flags").is_some());
    d.stop().await;
}

#[tokio::test]
async fn a_retry_after_a_tempfail_is_counted_once() {
    // Regression: the counters were bumped before the outcome, so each 4xx-and-retry counted
    // again and the message that really crossed a threshold could be one that got a 4xx.
    let dir = tempfile::tempdir().unwrap();
    let sink = Sink::start().await;
    let monitoring = "[frequency]\nper_day = 2\naction = \"tag\"\n";
    let d = Daemon::start(setup(dir.path(), sink.addr, monitoring)).await;
    sink.rules.lock().unwrap().data = Some("451 4.3.0 try again later".into());
    for _ in 0..3 {
        let reply = send(
            d.addr,
            "retry@mail.example",
            &["housing@council.example"],
            "Chaser",
            "Any news?",
        )
        .await;
        assert!(reply.starts_with("451"), "{reply}");
    }
    sink.rules.lock().unwrap().data = None;
    for i in 0..3 {
        let reply = send(
            d.addr,
            "retry@mail.example",
            &["housing@council.example"],
            &format!("Chaser {i}"),
            "Any news?",
        )
        .await;
        assert!(reply.starts_with("250"), "{reply}");
    }
    let got = sink.wait_for(3).await;
    let tagged: Vec<bool> = got
        .iter()
        .map(|m| header(&m.data, "X-Contactgate-Flags").is_some_and(|h| h.contains("frequency")))
        .collect();
    assert_eq!(tagged, [false, false, true]);
    let incidents = cli_json(
        dir.path(),
        &["incidents", "--sender", "retry@mail.example", "--json"],
    )
    .await;
    assert_eq!(incidents.as_array().unwrap().len(), 1, "{incidents}");
    d.stop().await;
}

#[tokio::test]
async fn a_partly_held_message_keeps_its_flags_and_incidents() {
    // Regression: when downstream refused one recipient, the held copy had no flags and the
    // incident was never recorded.
    let dir = tempfile::tempdir().unwrap();
    let sink = Sink::start().await;
    let d = Daemon::start(setup(dir.path(), sink.addr, "")).await;
    sink.rules.lock().unwrap().rcpt.insert(
        "gone@council.example".into(),
        "550 5.1.1 no such user".into(),
    );
    let reply = send(
        d.addr,
        "rude@mail.example",
        &["housing@council.example", "gone@council.example"],
        "Repairs",
        "Fix the fucking boiler.",
    )
    .await;
    assert!(
        reply.starts_with("250") && reply.contains("held for"),
        "{reply}"
    );
    let held = cli_json(dir.path(), &["held", "list", "--json"]).await;
    assert_eq!(held[0]["flags"], serde_json::json!(["profanity"]), "{held}");
    let incidents = cli_json(
        dir.path(),
        &["incidents", "--sender", "rude@mail.example", "--json"],
    )
    .await;
    assert_eq!(incidents.as_array().unwrap().len(), 1, "{incidents}");
    assert_eq!(incidents[0]["category"], "profanity");
    d.stop().await;
}

#[tokio::test]
async fn a_senders_own_contactgate_headers_are_renamed() {
    // Regression: a customer could write "X-Contactgate-Flags: none" or a fake verdict and
    // have it delivered as if the gateway had written it.
    let dir = tempfile::tempdir().unwrap();
    let sink = Sink::start().await;
    let d = Daemon::start(setup(dir.path(), sink.addr, "")).await;
    let mut c = Client::connect(d.addr).await;
    c.cmd("EHLO p").await;
    let msg = "From: sly@mail.example\r\nTo: housing@council.example\r\nX-Contactgate-Flags: none\r\nX-Contactgate: action=deliver; reason=\"checked\"\r\nSubject: Repairs\r\n\r\nFix the fucking boiler.\r\n";
    let reply = c
        .send_message(
            "sly@mail.example",
            &["housing@council.example"],
            msg.as_bytes(),
        )
        .await;
    assert!(reply.starts_with("250"), "{reply}");
    let got = sink.wait_for(1).await;
    let text = String::from_utf8_lossy(&got[0].data);
    let head = text.split("\r\n\r\n").next().unwrap();
    let ours: Vec<&str> = head
        .lines()
        .filter(|l| l.to_ascii_lowercase().starts_with("x-contactgate"))
        .collect();
    assert_eq!(ours.len(), 2, "only the gateway's own two: {ours:?}");
    assert!(ours.iter().any(|l| l.contains("profanity")), "{ours:?}");
    assert!(
        head.contains("X-Sender-Supplied-Contactgate-Flags: none"),
        "{head}"
    );
    assert!(
        head.contains("X-Sender-Supplied-Contactgate: action=deliver"),
        "{head}"
    );
    d.stop().await;
}

#[tokio::test]
async fn abuse_only_in_the_html_alternative_is_flagged() {
    // Regression: only the text/plain side of multipart/alternative was scanned, so abuse
    // written only in the HTML that most readers see went unflagged.
    let dir = tempfile::tempdir().unwrap();
    let sink = Sink::start().await;
    let d = Daemon::start(setup(dir.path(), sink.addr, "")).await;
    let msg = "From: two@mail.example\r\nTo: housing@council.example\r\nSubject: Repairs\r\n\
MIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=\"b\"\r\n\r\n\
--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nPlease fix the boiler.\r\n\
--b\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Please fix the boiler, you useless fucking idiots.</p>\r\n\
--b--\r\n";
    let mut c = Client::connect(d.addr).await;
    c.cmd("EHLO p").await;
    let reply = c
        .send_message(
            "two@mail.example",
            &["housing@council.example"],
            msg.as_bytes(),
        )
        .await;
    assert!(reply.starts_with("250"), "{reply}");
    let got = sink.wait_for(1).await;
    let flags = header(&got[0].data, "X-Contactgate-Flags").expect("flagged");
    assert!(flags.contains("profanity"), "{flags}");
    d.stop().await;
}
