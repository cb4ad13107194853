//! Urgent safety alerts through the daemon, over SMTP: a threat raises one alert to the safety
//! contact within seconds, from `<>`, carrying the message id, sender, recipients, category,
//! rule, excerpt and the command to open it, audited; one per message and per sender within the
//! interval; never for forceful or merely rude mail; retried while the relay refuses it; and
//! kept through kill -9.

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::*;
use contactgate::config::Config;

const ALERTS: &str = "[alerts]\nto = [\"safety@council.example\", \"duty.manager@housing.council.example\"]\ninternal_domains = [\"council.example\"]\n";

/// A config with the stock lexicon and `[alerts]`, written to `dir/contactgate.toml` for the
/// CLI too.
fn config(sink: &Sink, dir: &Path, extra: &str) -> Config {
    test_config_with_rules(sink.addr, dir, "");
    copy_lexicon(dir);
    let path = dir.join("contactgate.toml");
    let text = format!("{}{ALERTS}{extra}", std::fs::read_to_string(&path).unwrap());
    std::fs::write(&path, &text).unwrap();
    let mut c = Config::parse(&text, Some(&path)).unwrap();
    c.listen = "127.0.0.1:0".parse().unwrap();
    c
}

async fn send(d: &Daemon, from: &str, to: &[&str], subject: &str, body: &str) -> String {
    let mut c = Client::connect(d.addr).await;
    c.cmd("EHLO p").await;
    let message = format!(
        "From: {from}\r\nTo: {}\r\nSubject: {subject}\r\nMessage-ID: <{}@mail.example>\r\n\r\n{body}\r\n",
        to.join(", "),
        subject.replace(' ', "-")
    );
    c.send_message(from, to, message.as_bytes()).await
}

/// The id in a reply line such as `250 2.0.0 Ok: 0661B84C52B9180000 held`.
fn message_id(reply: &str) -> String {
    reply
        .split_once("Ok: ")
        .and_then(|(_, rest)| rest.split_whitespace().next())
        .unwrap_or_else(|| panic!("no id in {reply}"))
        .to_string()
}

fn alerts(sink: &Sink) -> Vec<Received> {
    sink.received()
        .into_iter()
        .filter(|m| m.recipients.iter().any(|r| r == "safety@council.example"))
        .collect()
}

async fn wait_for_alerts(sink: &Sink, n: usize, within: Duration) -> Vec<Received> {
    let started = Instant::now();
    while started.elapsed() < within {
        let got = alerts(sink);
        if got.len() >= n {
            return got;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("{} alerts, wanted {n}", alerts(sink).len());
}

fn events<'a>(audit: &'a [serde_json::Value], id: &str) -> Vec<&'a str> {
    audit
        .iter()
        .filter(|e| e["message"] == id)
        .filter_map(|e| e["event"].as_str())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_threat_raises_one_alert_to_the_safety_contact_within_seconds() {
    let sink = Sink::start().await;
    let dir = tempfile::tempdir().unwrap();
    let daemon = Daemon::start(config(&sink, dir.path(), "")).await;
    let started = Instant::now();
    let r = send(
        &daemon,
        "angry@mail.example",
        &["jane.jones@council.example", "housing@council.example"],
        "My repair",
        "Fix the boiler by Friday or I will stab you when you come out of the office.",
    )
    .await;
    assert!(r.starts_with("250") && r.ends_with("held"), "{r}");
    let id = message_id(&r);
    let got = wait_for_alerts(&sink, 1, Duration::from_secs(5)).await;
    let took = started.elapsed();
    assert!(took < Duration::from_secs(5), "{took:?}");
    let alert = &got[0];
    assert_eq!(alert.sender, "", "from the null sender");
    assert_eq!(
        alert.recipients,
        vec![
            "safety@council.example",
            "duty.manager@housing.council.example"
        ]
    );
    let text = String::from_utf8_lossy(&alert.data).into_owned();
    let (headers, body) = text.split_once("\r\n\r\n").unwrap();
    assert!(
        headers.contains(&format!(
            "Subject: URGENT: possible threat to staff in message {id}"
        )),
        "{headers}"
    );
    assert!(
        headers.contains("Auto-Submitted: auto-generated"),
        "{headers}"
    );
    assert!(
        !headers.contains("stab"),
        "no customer text in a header: {headers}"
    );
    for needle in [
        format!("Message:    {id}"),
        "Sender:     angry@mail.example".to_string(),
        "  jane.jones@council.example".to_string(),
        "  housing@council.example".to_string(),
        "threat (high), rule threat/".to_string(),
        "stab you".to_string(),
        format!(
            "contactgate held show {id} --config {}",
            dir.path().join("contactgate.toml").display()
        ),
    ] {
        assert!(body.contains(&needle), "{needle:?} not in {body}");
    }
    // Audited: queued with the decision (naming the sender and rule, not the words), then sent.
    let audit = audit_json(dir.path());
    let ev = events(&audit, &id);
    assert!(
        ev.contains(&"alert_queued") && ev.contains(&"alert_sent"),
        "{ev:?}"
    );
    let queued = audit.iter().find(|e| e["event"] == "alert_queued").unwrap();
    assert_eq!(queued["sender"], "angry@mail.example");
    assert!(!queued.to_string().contains("stab you"), "{queued}");
    // Once per message: nothing more arrives for it.
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(alerts(&sink).len(), 1);
    daemon.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_alert_for_forceful_rude_or_figurative_mail_and_one_per_sender_in_the_interval() {
    let sink = Sink::start().await;
    let dir = tempfile::tempdir().unwrap();
    let daemon = Daemon::start(config(&sink, dir.path(), "")).await;
    let to = ["housing@council.example"];
    for (subject, body) in [
        (
            "Complaint",
            "This is a disgrace. I will take this to the Ombudsman and my MP.",
        ),
        (
            "Swearing",
            "Your bloody useless department is a fucking joke.",
        ),
        (
            "Sports day",
            "I will beat you in a race at the staff sports day.",
        ),
    ] {
        let r = send(&daemon, "resident@mail.example", &to, subject, body).await;
        assert!(r.starts_with("250"), "{r}");
    }
    // Two threats from one sender: the first alerts, the second is on the record as withheld.
    let first = send(
        &daemon,
        "angry@mail.example",
        &to,
        "One",
        "I know where you live.",
    )
    .await;
    let second = send(
        &daemon,
        "angry@mail.example",
        &to,
        "Two",
        "I will stab you.",
    )
    .await;
    // A threat from someone else alerts on its own.
    let other = send(
        &daemon,
        "other@mail.example",
        &to,
        "Three",
        "I am going to kill you.",
    )
    .await;
    let got = wait_for_alerts(&sink, 2, Duration::from_secs(5)).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(alerts(&sink).len(), 2, "{got:?}");
    let bodies: Vec<String> = alerts(&sink)
        .iter()
        .map(|a| String::from_utf8_lossy(&a.data).into_owned())
        .collect();
    assert!(bodies.iter().any(|b| b.contains(&message_id(&first))));
    assert!(bodies.iter().any(|b| b.contains(&message_id(&other))));
    assert!(bodies.iter().any(|b| b.contains("threat_implied (high)")));
    let audit = audit_json(dir.path());
    let ev = events(&audit, &message_id(&second));
    assert!(ev.contains(&"alert_withheld"), "{ev:?}");
    assert!(!ev.contains(&"alert_queued"), "{ev:?}");
    daemon.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_alert_the_relay_refuses_for_now_is_retried_until_it_goes() {
    let sink = Sink::start().await;
    sink.rules.lock().unwrap().data = Some("451 4.3.0 try later".into());
    let dir = tempfile::tempdir().unwrap();
    let start = time::OffsetDateTime::now_utc();
    let (daemon, clock) = Daemon::start_at(config(&sink, dir.path(), ""), start).await;
    let r = send(
        &daemon,
        "angry@mail.example",
        &["x@council.example"],
        "s",
        "I will kill you.",
    )
    .await;
    let id = message_id(&r);
    // Refused at least once.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let audit = audit_json(dir.path());
    assert!(!events(&audit, &id).contains(&"alert_sent"));
    sink.rules.lock().unwrap().data = None;
    clock.advance(time::Duration::seconds(20));
    let got = wait_for_alerts(&sink, 1, Duration::from_secs(5)).await;
    assert!(String::from_utf8_lossy(&got[0].data).contains(&id));
    let audit = audit_json(dir.path());
    assert!(events(&audit, &id).contains(&"alert_sent"));
    daemon.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_queued_alert_survives_kill_9() {
    let sink = Sink::start().await;
    let dir = tempfile::tempdir().unwrap();
    let relay = free_port(); // nothing listens yet: the alert stays queued
    let listen = free_port();
    config(
        &sink,
        dir.path(),
        &format!("[replies]\nrelay = \"{relay}\"\n"),
    );
    let path: PathBuf = dir.path().join("contactgate.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, format!("listen = \"{listen}\"\n{text}")).unwrap();
    let mut child = start_binary(&path, listen);
    let mut c = Client::connect(listen).await;
    c.cmd("EHLO p").await;
    let r = c
        .send_message(
            "angry@mail.example",
            &["x@council.example"],
            b"From: angry@mail.example\r\nSubject: s\r\n\r\nI will burn your house down.\r\n",
        )
        .await;
    assert!(r.starts_with("250"), "{r}");
    child.kill().unwrap(); // SIGKILL with the alert queued
    child.wait().unwrap();
    let relay_sink = Sink::start_on(&relay.to_string()).await;
    let mut child = start_binary(&path, listen);
    let got = wait_for_alerts(&relay_sink, 1, Duration::from_secs(15)).await;
    assert!(String::from_utf8_lossy(&got[0].data).contains(&message_id(&r)));
    child.kill().unwrap();
    child.wait().unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_copy_recipients_the_staff_it_was_aimed_at_are_told_and_nobody_outside() {
    let sink = Sink::start().await;
    let dir = tempfile::tempdir().unwrap();
    let daemon = Daemon::start(config(&sink, dir.path(), "copy_recipients = true\n")).await;
    let r = send(
        &daemon,
        "angry@mail.example",
        &["jane.jones@council.example", "friend@elsewhere.example"],
        "s",
        "I will stab you.",
    )
    .await;
    assert!(r.starts_with("250"), "{r}");
    let got = wait_for_alerts(&sink, 1, Duration::from_secs(5)).await;
    assert_eq!(
        got[0].recipients,
        vec![
            "safety@council.example",
            "duty.manager@housing.council.example",
            "jane.jones@council.example"
        ]
    );
    daemon.stop().await;
}

#[test]
fn alerts_go_to_council_addresses_only() {
    let base = "[replies]\nfrom = \"cs@council.example\"\n";
    let ok = Config::parse(
        &format!("{base}[alerts]\nto = \"safety@council.example\"\n"),
        None,
    )
    .unwrap();
    let a = ok.alerts.unwrap();
    assert_eq!(a.internal_domains, vec!["council.example"]);
    assert_eq!(a.from, "cs@council.example");
    for (text, words) in [
        (
            "[alerts]\nto = \"safety@gmail.example\"\n",
            "not at a council domain",
        ),
        (
            "[alerts]\nto = \"x@council.example.evil.example\"\n",
            "not at a council domain",
        ),
        ("[alerts]\ncategories = [\"threat\"]\n", "needs `to`"),
        (
            "[alerts]\nto = \"safety@council.example\"\nmin_severity = \"urgent\"\n",
            "min_severity",
        ),
    ] {
        let e = Config::parse(&format!("{base}{text}"), None)
            .unwrap_err()
            .to_string();
        assert!(e.contains(words), "{text}: {e}");
    }
    // Without a council domain to take, it must be named.
    let e = Config::parse("[alerts]\nto = \"safety@council.example\"\n", None)
        .unwrap_err()
        .to_string();
    assert!(e.contains("internal_domains"), "{e}");
}
