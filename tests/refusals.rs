//! Downstream refusals (issue 12), one rule on the inbound path and on release: a temporary
//! refusal is retried by the scheduler with back-off, no officer needed; a permanent one is
//! held for an officer, recorded per recipient; nobody is counted delivered who was not.

mod common;

use common::*;
use time::macros::datetime;

const START: time::OffsetDateTime = datetime!(2026-06-01 10:00 UTC);

async fn send(d: &Daemon, to: &[&str], subject: &str) -> String {
    let mut c = Client::connect(d.addr).await;
    c.cmd("EHLO p").await;
    let msg = format!("From: a@mail.example\r\nSubject: {subject}\r\n\r\nPlease call me.\r\n");
    let r = c.send_message("a@mail.example", to, msg.as_bytes()).await;
    c.cmd("QUIT").await;
    r
}

/// Waits (in real time, the scheduler ticking every 20 ms) until `check` holds.
async fn eventually(mut check: impl FnMut() -> bool) -> bool {
    for _ in 0..250 {
        if check() {
            return true;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    false
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn regression_a_release_never_marks_a_refused_recipient_delivered() {
    // Issue 12: `held release` marked the message released and audited "to a, b" even when
    // the downstream refused some of them.
    let sink = Sink::start().await;
    let dir = tempfile::tempdir().unwrap();
    let mut config = test_config(sink.addr, dir.path());
    config.hold_all = true;
    let d = Daemon::start(config).await;
    let r = send(&d, &["x@council.example", "gone@council.example"], "two").await;
    assert!(r.contains("held"), "{r}");
    sink.rules.lock().unwrap().rcpt.insert(
        "gone@council.example".into(),
        "550 5.1.1 no such user".into(),
    );
    let id = held_list_json(dir.path(), &[])[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let (ok, out, err) = cli_in(dir.path(), &["held", "release", &id]).await;
    assert!(ok, "{err}");
    assert!(
        out.contains(&format!("released {id} to x@council.example\n")),
        "{out}"
    );
    assert!(
        out.contains("refused:  gone@council.example (permanently; held for an officer)"),
        "{out}"
    );
    let got = sink.wait_for(1).await;
    assert_eq!(got[0].recipients, vec!["x@council.example"]);
    // Still held, for the refused recipient only, with the downstream's answer.
    let (_, show, _) = cli_in(dir.path(), &["held", "show", &id]).await;
    assert!(show.contains("state:      held"), "{show}");
    assert!(
        show.contains("to:         gone@council.example\n"),
        "{show}"
    );
    assert!(show.contains("delivered:  x@council.example"), "{show}");
    assert!(
        show.contains("permanently: ") && show.contains("(550): 5.1.1 no such user"),
        "{show}"
    );
    let audit = audit_json(dir.path());
    let release = audit
        .iter()
        .find(|e| e["event"] == "release_partial")
        .unwrap();
    let details = release["details"].to_string();
    assert!(details.contains("to x@council.example\""), "{details}");
    assert!(
        details.contains("refused by the downstream for gone@council.example"),
        "{details}"
    );
    assert!(!audit.iter().any(|e| e["event"] == "release"), "{audit:?}");
    // Releasing again sends only to the one still refused, and it is refused again.
    let (ok, _, err) = cli_in(dir.path(), &["held", "release", &id]).await;
    assert!(!ok && err.contains("gone@council.example"), "{err}");
    // An officer may release it to a corrected address: then it is released.
    let (ok, out, err) = cli_in(
        dir.path(),
        &["held", "release", &id, "--to", "found@council.example"],
    )
    .await;
    assert!(ok, "{err}");
    assert!(out.contains("to found@council.example"), "{out}");
    let got = sink.wait_for(2).await;
    assert_eq!(got[1].recipients, vec!["found@council.example"]);
    d.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn regression_a_temporary_refusal_is_retried_by_the_scheduler() {
    // Issue 12: a temporary 452 for one recipient was held for an officer instead of retried.
    let sink = Sink::start().await;
    sink.rules.lock().unwrap().rcpt.insert(
        "busy@council.example".into(),
        "452 4.2.2 mailbox full".into(),
    );
    let dir = tempfile::tempdir().unwrap();
    let (d, clock) = Daemon::start_at(test_config(sink.addr, dir.path()), START).await;
    let r = send(&d, &["x@council.example", "busy@council.example"], "retry").await;
    assert!(
        r.ends_with("delivered; kept to retry for busy@council.example"),
        "{r}"
    );
    assert_eq!(
        sink.wait_for(1).await[0].recipients,
        vec!["x@council.example"]
    );
    let listed = held_list_json(dir.path(), &["--action", "retry"]);
    assert_eq!(listed.len(), 1, "{listed:?}");
    // Within the back-off nothing is tried; the downstream recovers; after it, the scheduler
    // delivers to the refused recipient alone.
    sink.rules.lock().unwrap().rcpt.clear();
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    assert_eq!(sink.received().len(), 1);
    clock.advance(time::Duration::minutes(3));
    let got = sink.wait_for(2).await;
    assert_eq!(got[1].recipients, vec!["busy@council.example"]);
    let dir_path = dir.path().to_path_buf();
    assert!(
        eventually(|| held_list_json(&dir_path, &[]).is_empty()).await,
        "released once delivered"
    );
    let audit = audit_json(dir.path());
    let release = audit.iter().find(|e| e["event"] == "release").unwrap();
    assert_eq!(release["actor"], "contactgate (retry)");
    d.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refusal_that_lasts_past_the_retry_period_is_held_for_an_officer() {
    let sink = Sink::start().await;
    sink.rules
        .lock()
        .unwrap()
        .rcpt
        .insert("busy@council.example".into(), "451 4.3.0 try later".into());
    let dir = tempfile::tempdir().unwrap();
    let (d, clock) = Daemon::start_at(test_config(sink.addr, dir.path()), START).await;
    let r = send(&d, &["x@council.example", "busy@council.example"], "long").await;
    assert!(r.contains("kept to retry"), "{r}");
    clock.advance(time::Duration::days(6));
    let dir_path = dir.path().to_path_buf();
    assert!(
        eventually(|| {
            let l = held_list_json(&dir_path, &[]);
            l.len() == 1 && l[0]["action"] == "hold"
        })
        .await,
        "held for an officer after the retry period"
    );
    let held = held_list_json(dir.path(), &[]);
    let reasons = held[0]["reasons"].to_string();
    assert!(
        reasons.contains("kept refusing busy@council.example for 5 days"),
        "{reasons}"
    );
    d.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_release_refused_for_a_while_is_retried_without_an_officer() {
    let sink = Sink::start().await;
    let dir = tempfile::tempdir().unwrap();
    let mut config = test_config(sink.addr, dir.path());
    config.hold_all = true;
    let (d, clock) = Daemon::start_at(config, START).await;
    send(&d, &["x@council.example"], "later").await;
    sink.rules.lock().unwrap().data = Some("421 4.3.0 shutting down".into());
    let id = held_list_json(dir.path(), &[])[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let (ok, _, err) = cli_in(dir.path(), &["held", "release", &id]).await;
    assert!(!ok && err.contains("temporary"), "{err}");
    assert_eq!(held_list_json(dir.path(), &[])[0]["action"], "retry");
    sink.rules.lock().unwrap().data = None;
    clock.advance(time::Duration::minutes(3));
    assert_eq!(sink.wait_for(1).await.len(), 1);
    d.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn regression_a_permanent_refusal_beside_a_temporary_one_is_not_forgotten() {
    // Review finding: with a 550 for one recipient and a 451 for another and nobody taking
    // it, the record retried the 451 alone and, once that was delivered, was marked released:
    // the 550's copy was never shown to an officer.
    let sink = Sink::start().await;
    {
        let mut rules = sink.rules.lock().unwrap();
        rules.rcpt.insert(
            "gone@council.example".into(),
            "550 5.1.1 no such user".into(),
        );
        rules
            .rcpt
            .insert("busy@council.example".into(), "451 4.3.0 try later".into());
    }
    let dir = tempfile::tempdir().unwrap();
    let (d, clock) = Daemon::start_at(test_config(sink.addr, dir.path()), START).await;
    let r = send(
        &d,
        &["gone@council.example", "busy@council.example"],
        "mixed",
    )
    .await;
    assert!(r.contains("kept to retry for busy@council.example"), "{r}");
    sink.rules
        .lock()
        .unwrap()
        .rcpt
        .remove("busy@council.example");
    // The first retry is one minute after the refusal.
    clock.advance(time::Duration::seconds(61));
    assert_eq!(
        sink.wait_for(1).await[0].recipients,
        vec!["busy@council.example"]
    );
    let dir_path = dir.path().to_path_buf();
    assert!(
        eventually(|| {
            let l = held_list_json(&dir_path, &[]);
            l.len() == 1 && l[0]["action"] == "hold"
        })
        .await,
        "held for an officer, for the refused recipient"
    );
    let held = held_list_json(dir.path(), &[]);
    assert_eq!(held[0]["recipients"][0], "gone@council.example", "{held:?}");
    assert_eq!(held[0]["state"], "held");
    d.stop().await;
}
