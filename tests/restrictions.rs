//! Restrictions enforced by the running daemon over SMTP: filing, rerouting, deferral and
//! release at the contact window (with an injected clock), and `held list` over the admin socket.

mod common;

use std::time::Duration;

use common::*;
use time::macros::datetime;

const RULES: &str = r#"
[[customer]]
id = "CR-LETTER"
name = "Mr L Letter"
addresses = ["a.letter@mail.example"]
  [[customer.restriction]]
  kind = "letter_only"
  decided_by = "Head of Customer Services"
  decided_on = 2026-03-01
  reasons = "Abusive emails."
  postal_address = "County Hall, Haverfordwest, SA61 1TP"

[[customer]]
id = "CR-STAFF"
name = "Mrs S Staff"
addresses = ["s.staff@mail.example"]
  [[customer.restriction]]
  kind = "named_staff"
  decided_by = "Head of Customer Services"
  decided_on = 2026-03-01
  reasons = "Over 200 emails to 31 staff."
  staff = ["jane.jones@council.example"]

[[customer]]
id = "CR-TWO-STAFF"
name = "Ms T Two"
addresses = ["t.two@mail.example"]
  [[customer.restriction]]
  kind = "named_staff"
  decided_by = "Head of Customer Services"
  decided_on = 2026-03-01
  reasons = "Threats to front-line staff."
  staff = ["jane.jones@council.example", "tom.evans@council.example"]

[[customer]]
id = "CR-WINDOW"
name = "Mr W Window"
addresses = ["w.window@mail.example"]
  [[customer.restriction]]
  kind = "time_window"
  decided_by = "Head of Customer Services"
  decided_on = 2026-03-01
  reasons = "Night-time emails."
  days = ["mon", "tue", "wed", "thu", "fri"]
  from = "10:00"
  until = "12:00"
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn filed_mail_is_held_listed_and_not_delivered() {
    let sink = Sink::start().await;
    let dir = tempfile::tempdir().unwrap();
    let daemon = Daemon::start(test_config_with_rules(sink.addr, dir.path(), RULES)).await;
    let mut c = Client::connect(daemon.addr).await;
    c.cmd("EHLO p").await;
    let msg = b"From: a.letter@mail.example\r\nTo: planning@council.example\r\nMessage-ID: <f1@mail.example>\r\nSubject: extension\r\n\r\nhello\r\n";
    let r = c
        .send_message("a.letter@mail.example", &["planning@council.example"], msg)
        .await;
    assert!(r.starts_with("250 2.0.0") && r.ends_with("filed"), "{r}");
    // An unrestricted message on the same connection still goes through.
    let r = c
        .send_message(
            "other@mail.example",
            &["planning@council.example"],
            b"Subject: ok\r\n\r\nx\r\n",
        )
        .await;
    assert!(r.ends_with("delivered"), "{r}");
    assert_eq!(sink.wait_for(1).await.len(), 1);

    let path = dir.path().to_path_buf();
    let list = tokio::task::spawn_blocking(move || held_list_json(&path, &[]))
        .await
        .unwrap();
    assert_eq!(list.len(), 1, "{list:#?}");
    let h = &list[0];
    assert_eq!(h["action"], "file");
    assert_eq!(h["message_id"], "f1@mail.example");
    assert_eq!(h["sender"], "a.letter@mail.example");
    assert_eq!(h["recipients"][0], "planning@council.example");
    assert!(h["received_at"].as_str().unwrap().ends_with('Z'));
    assert!(h["release_at"].is_null());
    let reasons = h["reasons"].to_string();
    assert!(
        reasons.contains("letter_only") && reasons.contains("CR-LETTER"),
        "{reasons}"
    );
    assert_eq!(
        sink.received().len(),
        1,
        "the filed message was not delivered"
    );

    // Filters.
    let path = dir.path().to_path_buf();
    let none = tokio::task::spawn_blocking(move || held_list_json(&path, &["--action", "defer"]))
        .await
        .unwrap();
    assert!(none.is_empty());
    daemon.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn named_staff_reroute_reaches_only_the_named_staff() {
    let sink = Sink::start().await;
    let dir = tempfile::tempdir().unwrap();
    let daemon = Daemon::start(test_config_with_rules(sink.addr, dir.path(), RULES)).await;
    let mut c = Client::connect(daemon.addr).await;
    c.cmd("EHLO p").await;
    let msg = b"From: s.staff@mail.example\r\nTo: director@council.example\r\nSubject: tax\r\n\r\nbody\r\n";
    let r = c
        .send_message(
            "s.staff@mail.example",
            &["director@council.example", "mayor@council.example"],
            msg,
        )
        .await;
    assert!(r.ends_with("delivered"), "{r}");
    let got = sink.wait_for(1).await.remove(0);
    assert_eq!(got.recipients, vec!["jane.jones@council.example"]);
    let (fields, rest) = strip_prepended(&got.data);
    assert!(
        fields[0].starts_with("X-Contactgate: action=reroute;"),
        "{fields:?}"
    );
    assert_eq!(
        fields[1],
        "X-Contactgate-Original-Recipients: director@council.example, mayor@council.example"
    );
    assert_eq!(rest, msg, "otherwise byte-identical");
    daemon.stop().await;
    // The reroute is in the audit trail.
    let store = reopen(&dir.path().join("data")).await;
    let audit = store.audit_since(None).unwrap();
    assert!(audit.iter().any(|e| {
        e.action.as_deref() == Some("reroute")
            && e.details
                .iter()
                .any(|d| d.contains("routed to jane.jones@council.example"))
    }));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn regression_a_partly_held_reroute_keeps_its_customers_and_reasons_in_the_audit() {
    let sink = Sink::start().await;
    sink.rules.lock().unwrap().rcpt.insert(
        "tom.evans@council.example".into(),
        "550 5.1.1 no such user".into(),
    );
    let dir = tempfile::tempdir().unwrap();
    let daemon = Daemon::start(test_config_with_rules(sink.addr, dir.path(), RULES)).await;
    let mut c = Client::connect(daemon.addr).await;
    c.cmd("EHLO p").await;
    let r = c
        .send_message(
            "t.two@mail.example",
            &["director@council.example"],
            b"From: t.two@mail.example\r\nSubject: s\r\n\r\nbody\r\n",
        )
        .await;
    assert!(
        r.starts_with("250") && r.ends_with("held for tom.evans@council.example"),
        "{r}"
    );
    assert_eq!(
        sink.wait_for(1).await[0].recipients,
        vec!["jane.jones@council.example"]
    );
    let path = dir.path().to_path_buf();
    let audit = tokio::task::spawn_blocking(move || audit_json(&path))
        .await
        .unwrap();
    let has = |entry: &serde_json::Value, text: &str| entry["details"].to_string().contains(text);
    // The reroute decision is on the record, with the customer and the restriction's reasons,
    // as it is when every recipient takes the message.
    let reroute = audit
        .iter()
        .find(|e| e["action"] == "reroute")
        .unwrap_or_else(|| panic!("no reroute entry: {audit:#?}"));
    assert_eq!(reroute["customers"], serde_json::json!(["CR-TWO-STAFF"]));
    assert!(has(reroute, "named_staff"), "{reroute:#}");
    assert!(has(
        reroute,
        "routed to jane.jones@council.example, tom.evans@council.example"
    ));
    // So is the copy held for the refused recipient, findable by customer.
    let hold = audit
        .iter()
        .find(|e| e["action"] == "hold")
        .unwrap_or_else(|| panic!("no hold entry: {audit:#?}"));
    assert_eq!(hold["customers"], serde_json::json!(["CR-TWO-STAFF"]));
    assert!(has(
        hold,
        "downstream did not take recipient tom.evans@council.example"
    ));
    assert!(has(hold, "named_staff"), "{hold:#}");
    let path = dir.path().to_path_buf();
    let held = tokio::task::spawn_blocking(move || held_list_json(&path, &[]))
        .await
        .unwrap();
    assert_eq!(held[0]["customers"], serde_json::json!(["CR-TWO-STAFF"]));
    daemon.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deferred_mail_is_released_at_the_window() {
    let sink = Sink::start().await;
    let dir = tempfile::tempdir().unwrap();
    // Friday 3 July 2026, 02:00 BST.
    let (daemon, clock) = Daemon::start_at(
        test_config_with_rules(sink.addr, dir.path(), RULES),
        datetime!(2026-07-03 01:00 UTC),
    )
    .await;
    let mut c = Client::connect(daemon.addr).await;
    c.cmd("EHLO p").await;
    let msg = b"From: w.window@mail.example\r\nTo: oohs@council.example\r\nSubject: noise\r\n\r\nat night\r\n";
    let r = c
        .send_message("w.window@mail.example", &["oohs@council.example"], msg)
        .await;
    assert!(r.ends_with("deferred"), "{r}");
    let path = dir.path().to_path_buf();
    let list = tokio::task::spawn_blocking(move || held_list_json(&path, &["--action", "defer"]))
        .await
        .unwrap();
    assert_eq!(list[0]["release_at"], "2026-07-03T09:00:00Z");

    // Just before the window: still held.
    clock.set(datetime!(2026-07-03 08:59 UTC));
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(sink.received().is_empty());
    // The window opens.
    clock.set(datetime!(2026-07-03 09:00 UTC));
    let got = sink.wait_for(1).await.remove(0);
    assert_eq!(got.recipients, vec!["oohs@council.example"]);
    let (fields, rest) = strip_prepended(&got.data);
    assert!(
        fields[0].starts_with(
            "X-Contactgate-Released-By: contactgate (contact window); 2026-07-03T09:00:00Z; id="
        ),
        "{fields:?}"
    );
    assert_eq!(rest, msg);
    tokio::time::sleep(Duration::from_millis(100)).await;
    let path = dir.path().to_path_buf();
    let list = tokio::task::spawn_blocking(move || held_list_json(&path, &[]))
        .await
        .unwrap();
    assert!(
        list.is_empty(),
        "released mail leaves the waiting list: {list:#?}"
    );
    let path = dir.path().to_path_buf();
    let all = tokio::task::spawn_blocking(move || held_list_json(&path, &["--all"]))
        .await
        .unwrap();
    assert_eq!(all[0]["state"], "released");
    // Released once only.
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(sink.received().len(), 1);
    daemon.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deferred_release_waits_out_a_downstream_outage() {
    let sink = Sink::start().await;
    let dir = tempfile::tempdir().unwrap();
    let (daemon, clock) = Daemon::start_at(
        test_config_with_rules(sink.addr, dir.path(), RULES),
        datetime!(2026-07-03 01:00 UTC),
    )
    .await;
    let mut c = Client::connect(daemon.addr).await;
    c.cmd("EHLO p").await;
    let r = c
        .send_message(
            "w.window@mail.example",
            &["oohs@council.example"],
            b"Subject: n\r\n\r\nx\r\n",
        )
        .await;
    assert!(r.ends_with("deferred"), "{r}");
    sink.rules.lock().unwrap().data = Some("451 4.3.0 try later".into());
    clock.set(datetime!(2026-07-03 09:00 UTC));
    tokio::time::sleep(Duration::from_millis(300)).await;
    let path = dir.path().to_path_buf();
    let list = tokio::task::spawn_blocking(move || held_list_json(&path, &[]))
        .await
        .unwrap();
    assert_eq!(list.len(), 1, "still held after a failed release");
    assert_eq!(list[0]["state"], "held");
    // Back-off: no retry within the minute, then one after it.
    sink.rules.lock().unwrap().data = None;
    clock.set(datetime!(2026-07-03 09:00:30 UTC));
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(sink.received().is_empty());
    clock.set(datetime!(2026-07-03 09:03 UTC));
    assert_eq!(sink.wait_for(1).await.len(), 1);
    daemon.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_deferral_schedule_survives_a_restart() {
    let sink = Sink::start().await;
    let dir = tempfile::tempdir().unwrap();
    let config = test_config_with_rules(sink.addr, dir.path(), RULES);
    let (daemon, _clock) = Daemon::start_at(config.clone(), datetime!(2026-07-03 01:00 UTC)).await;
    let mut c = Client::connect(daemon.addr).await;
    c.cmd("EHLO p").await;
    let r = c
        .send_message(
            "w.window@mail.example",
            &["oohs@council.example"],
            b"Subject: n\r\n\r\nx\r\n",
        )
        .await;
    assert!(r.ends_with("deferred"), "{r}");
    daemon.stop().await;

    // A new process, started after the window opened, releases it.
    let (daemon, _clock) = Daemon::start_at(config, datetime!(2026-07-03 09:30 UTC)).await;
    let got = sink.wait_for(1).await;
    assert_eq!(got[0].recipients, vec!["oohs@council.example"]);
    daemon.stop().await;
}

/// Regression (a flaky restart under load): a daemon starting while the previous one still
/// holds the store's lock waits for it instead of failing.
#[tokio::test]
async fn regression_a_start_waits_for_a_store_lock_that_is_being_let_go() {
    let dir = tempfile::tempdir().unwrap();
    let sink = Sink::start().await;
    let config = test_config_with_rules(sink.addr, dir.path(), RULES);
    contactgate::store::Store::open(&config.data_dir)
        .unwrap()
        .shutdown()
        .await
        .unwrap();
    // Another process holds sled's lock (flock(2) on the database file) for a moment.
    let db = config.data_dir.join("db").join("db");
    let mut holder = std::process::Command::new("flock")
        .arg("-x")
        .arg(&db)
        .args(["-c", "echo locked; sleep 0.5"])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("flock(1) from util-linux");
    let mut said = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(holder.stdout.take().unwrap()),
        &mut said,
    )
    .unwrap();
    assert_eq!(said.trim(), "locked");
    assert!(matches!(
        contactgate::store::Store::open(&config.data_dir),
        Err(contactgate::store::StoreError::Locked(_))
    ));
    let daemon = Daemon::start(config).await;
    assert!(holder.wait().unwrap().success());
    let mut c = Client::connect(daemon.addr).await;
    c.cmd("EHLO p").await;
    let reply = c
        .send_message(
            "someone@mail.example",
            &["housing@council.example"],
            b"From: someone@mail.example\r\nSubject: s\r\n\r\nHello.\r\n",
        )
        .await;
    assert!(reply.starts_with("250"), "{reply}");
    daemon.stop().await;
}
