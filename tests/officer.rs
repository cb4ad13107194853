//! Officer tools: the real daemon and the real CLI binary over the admin socket. List, show,
//! release (to the original recipients and with --to), discard, export, audit, subject-access
//! export, retention purge and the daily digest (injected clock), the review of an automatic
//! filing (listed in the digest until an officer records it), permissions, roles (real users,
//! each allowed its role's operations and refused the rest, every read and refusal audited),
//! and a crash in the middle of a release.

mod common;

use std::net::SocketAddr;
use std::path::Path;
use std::time::Duration;

use common::*;
use serde_json::Value;
use time::macros::datetime;

const RULES: &str = r#"
[[customer]]
id = "CR-LETTER"
name = "Mr L Letter"
addresses = ["a.letter@mail.example"]
adjustments = "Large-print letters"
  [[customer.restriction]]
  kind = "letter_only"
  decided_by = "Head of Customer Services"
  decided_on = 2026-03-01
  reasons = "Abusive emails."
  postal_address = "County Hall, Haverfordwest, SA61 1TP"
"#;

fn config_arg(dir: &Path) -> String {
    dir.join("contactgate.toml").display().to_string()
}

/// Sends one message from the restricted customer; returns its contactgate id.
async fn file_one(addr: SocketAddr, subject: &str) -> String {
    let mut c = Client::connect(addr).await;
    c.cmd("EHLO p").await;
    let msg = format!(
        "From: a.letter@mail.example\r\nTo: planning@council.example\r\nSubject: {subject}\r\nMIME-Version: 1.0\r\n\
Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/html\r\n\r\n<p>About my <b>extension</b></p><script>alert(1)</script>\r\n\
--b\r\nContent-Type: application/pdf; name=\"plan.pdf\"\r\nContent-Disposition: attachment; filename=\"plan.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--b--\r\n"
    );
    let r = c
        .send_message(
            "a.letter@mail.example",
            &["planning@council.example"],
            msg.as_bytes(),
        )
        .await;
    assert!(r.ends_with("filed"), "{r}");
    r.split_whitespace().nth(3).unwrap().to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn list_show_release_discard_export_and_audit() {
    let sink = Sink::start().await;
    let dir = tempfile::tempdir().unwrap();
    let daemon = Daemon::start(test_config_with_rules(sink.addr, dir.path(), RULES)).await;
    let d = dir.path();
    let a = file_one(daemon.addr, "one").await;
    let b = file_one(daemon.addr, "two").await;
    let c = file_one(daemon.addr, "three").await;

    let list = cli_json(d, &["held", "list", "--json"]).await;
    assert_eq!(list.as_array().unwrap().len(), 3);

    // show: headers, HTML as text (never rendered), attachments, action, reasons, adjustments.
    let show = cli_json(d, &["held", "show", &a, "--json"]).await;
    assert!(show["headers"].as_str().unwrap().contains("Subject: one"));
    let text = show["text"].as_str().unwrap();
    assert!(
        text.contains("About my extension") && !text.contains("<b>"),
        "{text}"
    );
    assert_eq!(show["attachments"][0]["name"], "plan.pdf");
    assert_eq!(show["attachments"][0]["size"], 9);
    assert_eq!(show["summary"]["action"], "file");
    assert!(
        show["adjustments"][0]
            .as_str()
            .unwrap()
            .contains("Large-print")
    );
    let (ok, human, _) = cli_in(d, &["held", "show", &a]).await;
    assert!(
        ok && human.contains("--- attachments (1) ---") && human.contains("letter_only"),
        "{human}"
    );

    // export: the original bytes.
    let (ok, eml, _) = cli_in(d, &["held", "export", &a]).await;
    assert!(
        ok && eml.starts_with("From: a.letter@mail.example\r\n"),
        "{eml}"
    );

    // release to the original recipients: byte-identical but for one prepended field.
    let (ok, out, err) = cli_in(
        d,
        &[
            "held",
            "release",
            &a,
            "--note",
            "new information about the extension",
        ],
    )
    .await;
    assert!(ok, "{err}");
    assert!(out.contains("released"), "{out}");
    let got = sink.wait_for(1).await.remove(0);
    assert_eq!(got.recipients, vec!["planning@council.example"]);
    let (fields, rest) = strip_prepended(&got.data);
    assert_eq!(fields.len(), 1);
    assert!(
        fields[0].starts_with("X-Contactgate-Released-By: root; 20"),
        "{}",
        fields[0]
    );
    assert_eq!(rest, eml.as_bytes());
    // A second release of the same message is refused.
    let (ok, _, err) = cli_in(d, &["held", "release", &a]).await;
    assert!(!ok && err.contains("not held"), "{err}");

    // release --to another officer.
    let (ok, _, err) = cli_in(
        d,
        &[
            "held",
            "release",
            &b,
            "--to",
            "safeguarding@council.example",
        ],
    )
    .await;
    assert!(ok, "{err}");
    let got = sink.wait_for(2).await;
    assert_eq!(got[1].recipients, vec!["safeguarding@council.example"]);

    // discard needs a reason.
    let (ok, _, err) = cli_in(d, &["held", "discard", &c, "--reason", "  "]).await;
    assert!(!ok && err.contains("reason is required"), "{err}");
    let (ok, _, err) = cli_in(
        d,
        &[
            "held",
            "discard",
            &c,
            "--reason",
            "repeat of a closed complaint",
        ],
    )
    .await;
    assert!(ok, "{err}");
    assert!(
        cli_json(d, &["held", "list", "--json"])
            .await
            .as_array()
            .unwrap()
            .is_empty()
    );
    let all = cli_json(d, &["held", "list", "--json", "--all"]).await;
    let states: Vec<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["state"].as_str().unwrap())
        .collect();
    assert_eq!(states, ["released", "released", "discarded"]);
    assert_eq!(
        sink.received().len(),
        2,
        "the discarded one was not delivered"
    );

    // The audit trail has each officer action with actor and note or reason.
    let audit = cli_json(d, &["audit", "--json"]).await;
    let entries = audit.as_array().unwrap();
    let find = |event: &str, id: &str| {
        entries
            .iter()
            .find(|e| e["event"] == event && e["message"] == id)
            .unwrap_or_else(|| panic!("no {event} for {id}: {audit:#}"))
            .clone()
    };
    assert_eq!(find("decision", &a)["action"], "file");
    let rel = find("release", &a);
    assert_eq!(rel["actor"], "root");
    assert!(
        rel["details"]
            .to_string()
            .contains("new information about the extension")
    );
    assert!(
        find("release", &b)["details"]
            .to_string()
            .contains("safeguarding@council.example")
    );
    let dis = find("discard", &c);
    assert_eq!(dis["actor"], "root");
    assert!(
        dis["details"]
            .to_string()
            .contains("repeat of a closed complaint")
    );
    let since = cli_json(d, &["audit", "--json", "--since", "2999-01-01"]).await;
    assert!(since.as_array().unwrap().is_empty());
    daemon.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn subject_access_export_has_everything_about_the_address() {
    let sink = Sink::start().await;
    let dir = tempfile::tempdir().unwrap();
    let daemon = Daemon::start(test_config_with_rules(sink.addr, dir.path(), RULES)).await;
    let d = dir.path();
    let a = file_one(daemon.addr, "one").await;
    let b = file_one(daemon.addr, "two").await;
    // Someone else's mail must not appear.
    let mut c = Client::connect(daemon.addr).await;
    c.cmd("EHLO p").await;
    c.send_message(
        "other@mail.example",
        &["x@council.example"],
        b"Subject: other\r\n\r\nx\r\n",
    )
    .await;
    cli_in(d, &["held", "discard", &b, "--reason", "duplicate"]).await;

    let doc = cli_json(d, &["export", "--address", "A.Letter@mail.example"]).await;
    assert_eq!(doc["address"], "a.letter@mail.example");
    assert_eq!(doc["restrictions"][0]["customer"], "CR-LETTER");
    assert_eq!(
        doc["restrictions"][0]["restrictions"][0]["kind"],
        "letter_only"
    );
    assert_eq!(
        doc["restrictions"][0]["restrictions"][0]["decided_by"],
        "Head of Customer Services"
    );
    let messages = doc["messages"].as_array().unwrap();
    let ids: Vec<&str> = messages.iter().map(|m| m["id"].as_str().unwrap()).collect();
    assert_eq!(ids, [a.as_str(), b.as_str()]);
    assert!(
        messages[0]["raw"]
            .as_str()
            .unwrap()
            .contains("Subject: one")
    );
    assert_eq!(messages[1]["state"], "discarded");
    assert_eq!(doc["incidents"], serde_json::json!([]));
    let audit = doc["audit"].as_array().unwrap();
    assert!(
        audit
            .iter()
            .any(|e| e["event"] == "discard" && e["message"] == b.as_str())
    );
    assert!(audit.iter().all(|e| e["sender"] != "other@mail.example"));
    // The export itself is audited.
    let trail = cli_json(d, &["audit", "--json"]).await;
    assert!(
        trail
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["event"] == "subject_access_export")
    );
    daemon.stop().await;
}

/// Sends one message with this envelope sender and `From:`; returns its id when it was kept.
async fn send_from(addr: SocketAddr, envelope: &str, from: &str, subject: &str) -> Option<String> {
    let mut c = Client::connect(addr).await;
    c.cmd("EHLO p").await;
    let msg = format!(
        "From: {from}\r\nTo: planning@council.example\r\nSubject: {subject}\r\n\r\nAbout my extension.\r\n"
    );
    let r = c
        .send_message(envelope, &["planning@council.example"], msg.as_bytes())
        .await;
    r.ends_with("filed")
        .then(|| r.split_whitespace().nth(3).unwrap().to_string())
}

/// Issue 14: an export for one address held messages from ten different envelope senders, with
/// nothing saying how each matched. Each message now says whether the envelope sender, the
/// `From:` or both are the subject's, and one carrying someone else's address is marked for
/// redaction review, as is the audit trail about it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn subject_access_export_says_how_each_message_matched_and_marks_third_parties() {
    let sink = Sink::start().await;
    let dir = tempfile::tempdir().unwrap();
    let daemon = Daemon::start(test_config_with_rules(sink.addr, dir.path(), RULES)).await;
    let d = dir.path();
    let me = "a.letter@mail.example";
    let both = send_from(daemon.addr, me, me, "both").await.unwrap();
    let envelope = send_from(daemon.addr, me, "Office <office@firm.example>", "envelope")
        .await
        .unwrap();
    // A friend's account sending as the customer: kept, and it is the friend's envelope.
    let from = send_from(daemon.addr, "friend@mail.example", me, "from")
        .await
        .unwrap();
    // Someone else entirely is not in the export (delivered, so not kept either way).
    assert!(
        send_from(
            daemon.addr,
            "other@mail.example",
            "other@mail.example",
            "other"
        )
        .await
        .is_none()
    );

    let doc = cli_json(d, &["export", "--address", me]).await;
    assert_eq!(doc["subject_addresses"], serde_json::json!([me]));
    let messages = doc["messages"].as_array().unwrap();
    let by_id = |id: &str| {
        messages
            .iter()
            .find(|m| m["id"] == id)
            .unwrap_or_else(|| panic!("{id} not in the export"))
            .clone()
    };
    assert_eq!(messages.len(), 3);
    let m = by_id(&both);
    assert_eq!(m["matched_by"], "both");
    assert_eq!(m["redaction_review"], false);
    assert_eq!(m["redaction_reasons"], serde_json::json!([]));
    let m = by_id(&envelope);
    assert_eq!(m["matched_by"], "envelope");
    assert_eq!(m["from"], serde_json::json!(["office@firm.example"]));
    assert_eq!(m["redaction_review"], true);
    assert_eq!(
        m["redaction_reasons"],
        serde_json::json!(["from_not_subject"])
    );
    let m = by_id(&from);
    assert_eq!(m["matched_by"], "from");
    assert_eq!(m["sender"], "friend@mail.example");
    assert_eq!(m["redaction_review"], true);
    assert_eq!(
        m["redaction_reasons"],
        serde_json::json!(["envelope_sender_not_subject"])
    );
    // The decision about the friend's message is in the trail, marked; the customer's own are not.
    let audit = doc["audit"].as_array().unwrap();
    let decision = |id: &str| {
        audit
            .iter()
            .find(|e| e["event"] == "decision" && e["message"] == id)
            .unwrap_or_else(|| panic!("no decision about {id}"))
            .clone()
    };
    assert_eq!(decision(&from)["redaction_review"], true);
    assert_eq!(
        decision(&from)["redaction_reasons"],
        serde_json::json!(["sender_not_subject"])
    );
    assert_eq!(decision(&both)["redaction_review"], false);
    daemon.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn retention_purges_closed_mail_at_its_period_and_filed_mail_only_at_its_own() {
    let sink = Sink::start().await;
    let dir = tempfile::tempdir().unwrap();
    let (daemon, clock) = Daemon::start_at(
        test_config_with_rules(sink.addr, dir.path(), RULES),
        datetime!(2026-07-01 09:00 UTC),
    )
    .await;
    let d = dir.path();
    let gone = file_one(daemon.addr, "to be discarded").await;
    let waiting = file_one(daemon.addr, "still waiting").await;
    cli_in(d, &["held", "discard", &gone, "--reason", "duplicate"]).await;

    // 89 days on: nothing purged; the waiting one is stale (default 14 days).
    clock.set(datetime!(2026-09-28 09:00 UTC));
    tokio::time::sleep(Duration::from_millis(200)).await;
    let all = cli_json(d, &["held", "list", "--json", "--all"]).await;
    assert_eq!(all.as_array().unwrap().len(), 2);
    let w = all
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["id"] == waiting.as_str())
        .unwrap();
    assert_eq!(w["stale"], true);

    // 91 days on: the discarded one is purged and the purge audited; the waiting one stays.
    clock.set(datetime!(2026-09-30 09:01 UTC));
    let left = held_count_becomes(d, 1).await;
    assert_eq!(left[0]["id"], waiting.as_str());
    let (ok, _, err) = cli_in(d, &["held", "show", &gone]).await;
    assert!(!ok && err.contains("no held message"), "{err}");
    let audit = cli_json(d, &["audit", "--json"]).await;
    let purge = audit
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["event"] == "purge")
        .unwrap();
    assert_eq!(purge["message"], gone.as_str());
    assert!(
        audit
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["event"] == "discard" && e["message"] == gone.as_str()),
        "audit entries outlive the messages they describe"
    );

    // Filed mail nobody acted on: kept a day short of retention_filed_days (365), purged at
    // it, and the purge audited.
    clock.set(datetime!(2027-06-30 09:00 UTC));
    tokio::time::sleep(Duration::from_millis(200)).await;
    let all = cli_json(d, &["held", "list", "--json", "--all"]).await;
    assert_eq!(all.as_array().unwrap().len(), 1);
    clock.set(datetime!(2027-07-01 09:00 UTC));
    held_count_becomes(d, 0).await;
    // The record goes in the purge's transaction and the body is unlinked just after it, so
    // the list can be empty a moment before the file is gone.
    let body = d.join(format!("data/spool/held/{waiting}.eml"));
    for _ in 0..100 {
        if !body.exists() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(!body.exists());
    let audit = cli_json(d, &["audit", "--json"]).await;
    let purge = audit
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["event"] == "purge" && e["message"] == waiting.as_str())
        .unwrap();
    assert!(
        purge["details"][0].as_str().unwrap().contains(
            "filed and not acted on since 2026-07-01T09:00:00Z; retention_filed_days = 365 days"
        ),
        "{purge}"
    );
    daemon.stop().await;
}

/// Waits (up to two seconds) for the scheduler to leave `n` messages, released and discarded
/// ones included; returns them.
async fn held_count_becomes(d: &Path, n: usize) -> Value {
    let mut all = Value::Null;
    for _ in 0..100 {
        all = cli_json(d, &["held", "list", "--json", "--all"]).await;
        if all.as_array().unwrap().len() == n {
            return all;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("expected {n} messages, have {all}")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_daily_sweep_deletes_orphaned_files_after_their_period_and_audits_the_count() {
    let sink = Sink::start().await;
    let dir = tempfile::tempdir().unwrap();
    let config = test_config_with_rules(sink.addr, dir.path(), RULES);
    let orphaned = config.data_dir.join("spool/orphaned");
    std::fs::create_dir_all(&orphaned).unwrap();
    let orphan = orphaned.join("LOST.eml");
    std::fs::write(&orphan, b"never acknowledged").unwrap();
    let written = datetime!(2026-07-01 09:00 UTC);
    std::fs::File::options()
        .write(true)
        .open(&orphan)
        .unwrap()
        .set_modified(written.into())
        .unwrap();
    let (daemon, clock) = Daemon::start_at(config, written + time::Duration::days(29)).await;
    let d = dir.path();
    // Day 29 (default retention_orphaned_days is 30): kept, and nothing to audit.
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(orphan.exists());
    let sweeps = |audit: &Value| -> Vec<Value> {
        audit
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["event"] == "retention")
            .cloned()
            .collect()
    };
    assert!(sweeps(&cli_json(d, &["audit", "--json"]).await).is_empty());
    // A day later the daily sweep runs again, deletes it, then audits the count.
    clock.set(written + time::Duration::days(30) + time::Duration::minutes(1));
    let mut entries = Vec::new();
    for _ in 0..100 {
        entries = sweeps(&cli_json(d, &["audit", "--json"]).await);
        if !entries.is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(entries.len(), 1, "{entries:?}");
    assert!(!orphan.exists());
    assert_eq!(entries[0]["action"], "orphaned_files");
    assert_eq!(
        entries[0]["details"][0],
        "1 orphaned message files deleted: past 30 days (retention_orphaned_days)"
    );
    daemon.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn daily_digest_lists_new_mail_with_release_commands_once_a_day() {
    let sink = Sink::start().await;
    let dir = tempfile::tempdir().unwrap();
    let mut config = test_config_with_rules(sink.addr, dir.path(), RULES);
    config.digest = Some(contactgate::config::Digest {
        to: "officers@council.example".into(),
        at: time::macros::time!(08:00),
    });
    config.replies.from = Some("customer.services@council.example".into());
    // 07:30 BST.
    let (daemon, clock) = Daemon::start_at(config, datetime!(2026-07-01 06:30 UTC)).await;
    let id = file_one(daemon.addr, "for the digest").await;
    tokio::time::sleep(Duration::from_millis(150)).await;
    assert!(sink.received().is_empty(), "not before 08:00");
    clock.set(datetime!(2026-07-01 07:00 UTC)); // 08:00 BST
    let got = sink.wait_for(1).await.remove(0);
    assert_eq!(got.recipients, vec!["officers@council.example"]);
    let text = String::from_utf8_lossy(&got.data);
    assert!(
        text.contains("Subject: contactgate digest: 1 new, 0 stale, 0 overdue reviews"),
        "{text}"
    );
    assert!(text.contains("Auto-Submitted: auto-generated"));
    assert!(
        text.contains(&format!("contactgate held release {id}")),
        "{text}"
    );
    assert!(text.contains("Abusive emails."));
    // Retention takes nobody by surprise: the day filed mail would go is named.
    assert!(
        text.contains("purged:  on 2027-07-01 unless an officer acts on it (retention_filed_days)"),
        "{text}"
    );
    clock.set(datetime!(2026-07-01 07:30 UTC));
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(sink.received().len(), 1, "once a day");
    daemon.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn filed_repeats_wait_in_the_digest_until_an_officer_reviews_them_on_the_record() {
    let sink = Sink::start().await;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // A repeat filed by the automatic comparison, and the letter-only customer.
    let rules = format!("{REPEAT_CUSTOMER}{RULES}");
    let mut config = test_config_with_rules(sink.addr, d, &rules);
    config.digest = Some(contactgate::config::Digest {
        to: "officers@council.example".into(),
        at: time::macros::time!(08:00),
    });
    config.replies.from = Some("customer.services@council.example".into());
    // 07:00 BST.
    let (daemon, clock) = Daemon::start_at(config, datetime!(2026-07-01 06:00 UTC)).await;
    let from = "repeat@mail.example";
    let msg = format!(
        "From: {from}\r\nTo: housing@council.example\r\nSubject: Mould\r\n\r\nThere is black mould on the bedroom wall at 14 Heol y Nant.\r\n"
    );
    let mut c = Client::connect(daemon.addr).await;
    c.cmd("EHLO p").await;
    let first = c
        .send_message(from, &["housing@council.example"], msg.as_bytes())
        .await;
    assert!(first.ends_with("delivered"), "{first}");
    let again = c
        .send_message(from, &["housing@council.example"], msg.as_bytes())
        .await;
    assert!(again.ends_with("filed"), "{again}");
    let repeat = again.split_whitespace().nth(3).unwrap().to_string();
    let letter = file_one(daemon.addr, "by letter").await;

    let held = cli_json(d, &["held", "list", "--json"]).await;
    let listed = |id: &str| {
        held.as_array()
            .unwrap()
            .iter()
            .find(|h| h["id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(listed(&repeat)["automated"], "no_new_information");
    assert_eq!(listed(&repeat)["review"], Value::Null);
    assert_eq!(listed(&letter)["automated"], Value::Null);

    // 08:00 BST: the digest lists the repeat for an officer to confirm, not the letter.
    clock.set(datetime!(2026-07-01 07:00 UTC));
    let digest = |n: usize| {
        let sink = &sink;
        async move {
            let got = sink.wait_for(n).await;
            let m = got
                .iter()
                .rfind(|m| m.recipients == ["officers@council.example"])
                .unwrap();
            String::from_utf8_lossy(&m.data).into_owned()
        }
    };
    let text = digest(2).await;
    assert!(text.contains("1 to confirm"), "{text}");
    let section = text
        .split("for an officer to confirm (1):")
        .nth(1)
        .and_then(|s| s.split("Overdue").next())
        .unwrap_or_else(|| panic!("{text}"));
    assert!(
        section.contains(&format!(
            "contactgate held review {repeat} --outcome confirmed"
        )),
        "{section}"
    );
    assert!(!section.contains(&letter), "{section}");

    // Only an automatic filing has an automatic decision to review.
    let (ok, _, err) = cli_in(d, &["held", "review", &letter, "--outcome", "confirmed"]).await;
    assert!(
        !ok && err.contains("not filed by an automatic comparison"),
        "{err}"
    );
    let (ok, out, err) = cli_in(
        d,
        &[
            "held",
            "review",
            &repeat,
            "--outcome",
            "confirmed",
            "--note",
            "repeats the complaint of 1 July",
        ],
    )
    .await;
    assert!(ok, "{err}");
    assert!(
        out.contains(&format!("reviewed {repeat}: confirmed")),
        "{out}"
    );

    // The review is on the record: its own audit entry, with the officer as actor.
    let audit = cli_json(d, &["audit", "--json"]).await;
    let review = audit
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["event"] == "review")
        .unwrap_or_else(|| panic!("no review entry: {audit:#}"));
    assert_eq!(review["actor"], "root");
    assert_eq!(review["message"], repeat.as_str());
    assert_eq!(review["customers"], serde_json::json!(["CR-NIO"]));
    assert_eq!(
        review["details"],
        serde_json::json!([
            "outcome: confirmed",
            "automatic check: no_new_information",
            "repeats the complaint of 1 July"
        ])
    );
    let held = cli_json(d, &["held", "show", &repeat, "--json"]).await;
    assert_eq!(held["summary"]["review"]["outcome"], "confirmed");
    assert_eq!(held["summary"]["review"]["by"], "root");
    assert_eq!(held["summary"]["state"], "held", "a review sends nothing");
    let (ok, out, _) = cli_in(d, &["held", "list"]).await;
    assert!(
        ok && out.contains("no_new_information, reviewed by root"),
        "{out}"
    );

    // The next digest no longer asks for it.
    clock.set(datetime!(2026-07-02 07:00 UTC));
    let text = digest(3).await;
    assert!(
        text.contains("for an officer to confirm (0):\r\n  none"),
        "{text}"
    );
    daemon.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_caller_without_permission_is_refused() {
    let sink = Sink::start().await;
    let dir = tempfile::tempdir().unwrap();
    // Let others reach the socket file, so that only its own mode (0660, root) decides.
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let daemon = Daemon::start(test_config_with_rules(sink.addr, dir.path(), RULES)).await;
    let socket = dir.path().join("admin.sock");
    let mode = std::fs::metadata(&socket).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o660);
    let config = config_arg(dir.path());
    let out = tokio::task::spawn_blocking(move || {
        use std::os::unix::process::CommandExt;
        std::process::Command::new(env!("CARGO_BIN_EXE_contactgate"))
            .args(["held", "list", "--config", &config])
            .uid(65534)
            .gid(65534)
            .output()
    })
    .await
    .unwrap();
    let out = match out {
        Ok(o) => o,
        Err(e) => {
            // Not root, or no such user: the environment does not allow this check.
            eprintln!("skipped: cannot run as nobody: {e}");
            daemon.stop().await;
            return;
        }
    };
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("permission denied") && err.contains("are you in group"),
        "{err}"
    );
    daemon.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kill_9_mid_release_neither_loses_nor_silently_duplicates() {
    let sink = Sink::start().await;
    let dir = tempfile::tempdir().unwrap();
    let listen = free_port();
    test_config_with_rules(sink.addr, dir.path(), RULES);
    // The same settings for the binary, plus a listen address.
    let config = dir.path().join("contactgate.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, format!("listen = \"{listen}\"\n{text}")).unwrap();
    let mut child = start_binary(&config, listen);
    let id = file_one(listen, "release me").await;

    // The downstream stores the message, then is slow to say so: kill the daemon in between,
    // after the downstream has it but before the daemon records the release.
    sink.rules.lock().unwrap().reply_delay = Some(Duration::from_secs(3));
    let d = dir.path().to_path_buf();
    let id2 = id.clone();
    let release = tokio::task::spawn_blocking(move || {
        cli(&[
            "held",
            "release",
            &id2,
            "--config",
            d.join("contactgate.toml").to_str().unwrap(),
        ])
    });
    sink.wait_for(1).await;
    child.kill().unwrap();
    child.wait().unwrap();
    let (ok, _, _) = release.await.unwrap();
    assert!(!ok, "the CLI saw the daemon die");
    sink.rules.lock().unwrap().reply_delay = None;

    // Restarted: still held, marked, nothing lost.
    let mut child = start_binary(&config, listen);
    let d = dir.path();
    let show = cli_json(d, &["held", "show", &id, "--json"]).await;
    assert_eq!(show["summary"]["state"], "held");
    assert_eq!(show["release_interrupted"], true);
    let (_, human, _) = cli_in(d, &["held", "show", &id]).await;
    assert!(human.contains("may already have it"), "{human}");
    // Released again, the copy says it may be a duplicate: not silent.
    let (ok, _, err) = cli_in(d, &["held", "release", &id]).await;
    assert!(ok, "{err}");
    let got = sink.wait_for(2).await;
    let (fields, _) = strip_prepended(&got[1].data);
    assert!(fields[0].ends_with("; possible-duplicate"), "{fields:?}");
    let audit = cli_json(d, &["audit", "--json"]).await;
    assert!(audit.to_string().contains("possible duplicate"));
    child.kill().unwrap();
    child.wait().unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn regression_two_releases_at_once_deliver_once() {
    // Found in review: the held check and the move to releasing were separate steps.
    let sink = Sink::start().await;
    let dir = tempfile::tempdir().unwrap();
    let daemon = Daemon::start(test_config_with_rules(sink.addr, dir.path(), RULES)).await;
    let id = file_one(daemon.addr, "race").await;
    sink.rules.lock().unwrap().reply_delay = Some(Duration::from_millis(300));
    let args = ["held", "release", id.as_str()];
    let (a, b) = tokio::join!(cli_in(dir.path(), &args), cli_in(dir.path(), &args));
    assert!(a.0 ^ b.0, "exactly one release succeeds: {a:?} {b:?}");
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(sink.received().len(), 1);
    daemon.stop().await;
}

/// `held list` and `held show` printed decoded subjects, excerpts and file names as they
/// came: an RFC 2047 subject carrying ESC sequences could retitle the officer's terminal,
/// erase lines, and a U+202E reverse the text after it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn regression_held_list_and_show_escape_control_characters_from_mail() {
    use base64::Engine;
    let sink = Sink::start().await;
    let dir = tempfile::tempdir().unwrap();
    let daemon = Daemon::start(test_config_with_rules(sink.addr, dir.path(), RULES)).await;
    let d = dir.path();
    // Retitle the window, ring the bell, erase the line, then reverse what follows.
    let hostile = "Planning \u{1b}]0;pwned\u{7}\u{1b}[2K\u{202e}fdp.exe";
    let encoded = |text: &str| {
        format!(
            "=?UTF-8?B?{}?=",
            base64::engine::general_purpose::STANDARD.encode(text)
        )
    };
    let msg = format!(
        "From: a.letter@mail.example\r\nTo: planning@council.example\r\nSubject: {}\r\n\
MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n\
--b\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n\
Body =1B[31mred=1B[0m and =E2=80=AEtxet\r\n\
--b\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=\"{}\"\r\n\
Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--b--\r\n",
        encoded(hostile),
        encoded("plan\u{202e}fdp.exe"),
    );
    let mut c = Client::connect(daemon.addr).await;
    c.cmd("EHLO p").await;
    let r = c
        .send_message(
            "a.letter@mail.example",
            &["planning@council.example"],
            msg.as_bytes(),
        )
        .await;
    assert!(r.ends_with("filed"), "{r}");
    let id = r.split_whitespace().nth(3).unwrap().to_string();

    // JSON is unchanged: serde escapes it, and a script gets the subject as it was.
    let list = cli_json(d, &["held", "list", "--json"]).await;
    assert_eq!(list[0]["subject"], hostile);

    let raw_controls = |text: &str| {
        text.chars()
            .filter(|c| (c.is_control() && *c != '\n') || *c == '\u{202e}')
            .collect::<Vec<_>>()
    };
    let (ok, human, err) = cli_in(d, &["held", "list"]).await;
    assert!(ok, "{err}");
    assert_eq!(raw_controls(&human), Vec::<char>::new(), "{human:?}");
    assert!(
        human.contains("subject: Planning \\x1b]0;pwned\\x07\\x1b[2K\\u{202e}fdp.exe"),
        "{human}"
    );

    let (ok, human, err) = cli_in(d, &["held", "show", &id]).await;
    assert!(ok, "{err}");
    assert_eq!(raw_controls(&human), Vec::<char>::new(), "{human:?}");
    for escaped in [
        "subject:    Planning \\x1b]0;pwned\\x07\\x1b[2K\\u{202e}fdp.exe",
        "Body \\x1b[31mred\\x1b[0m and \\u{202e}txet",
        "plan\\u{202e}fdp.exe",
    ] {
        assert!(human.contains(escaped), "{escaped} not in:\n{human}");
    }
    daemon.stop().await;
}

/// A user name, its uid and its primary gid.
type TestUser = (&'static str, u32, u32);

/// Throwaway users for the role tests, each in the socket's group and in the group of one
/// role (`cg-norole` in none), created once per run. `None` when this is not root or the
/// system has no `useradd` or `setpriv`: the environment does not allow the check.
fn role_users() -> Option<&'static [TestUser]> {
    static USERS: std::sync::OnceLock<Option<Vec<TestUser>>> = std::sync::OnceLock::new();
    USERS
        .get_or_init(|| {
            let run = |cmd: &str, args: &[&str]| {
                std::process::Command::new(cmd)
                    .args(args)
                    .output()
                    .ok()
                    .map(|o| {
                        (
                            o.status.code(),
                            String::from_utf8_lossy(&o.stdout).into_owned(),
                        )
                    })
            };
            for group in [
                "cg-test-admin",
                "cg-test-viewer",
                "cg-test-officer",
                "cg-test-dpo",
            ] {
                // 9: the group exists already (an earlier run).
                match run("groupadd", &[group])? {
                    (Some(0 | 9), _) => {}
                    _ => return None,
                }
            }
            let mut users = Vec::new();
            for (user, groups) in [
                ("cg-norole", "cg-test-admin"),
                ("cg-viewer", "cg-test-admin,cg-test-viewer"),
                ("cg-officer", "cg-test-admin,cg-test-officer"),
                ("cg-dpo", "cg-test-admin,cg-test-dpo"),
            ] {
                match run(
                    "useradd",
                    &["-M", "-N", "-s", "/usr/sbin/nologin", "-G", groups, user],
                )? {
                    (Some(0 | 9), _) => {}
                    _ => return None,
                }
                let uid = run("id", &["-u", user])?.1.trim().parse().ok()?;
                let gid = run("id", &["-g", user])?.1.trim().parse().ok()?;
                users.push((user, uid, gid));
            }
            Some(users)
        })
        .as_deref()
}

/// Runs the CLI as `user`, with the user's groups (`setpriv --init-groups`: the socket's
/// group lets it connect), against the daemon of `dir`.
async fn cli_as(user: &str, dir: &Path, args: &[&str]) -> (bool, String, String) {
    let &(_, uid, gid) = role_users()
        .unwrap()
        .iter()
        .find(|(name, _, _)| *name == user)
        .unwrap();
    let mut all: Vec<String> = vec![
        format!("--reuid={uid}"),
        format!("--regid={gid}"),
        "--init-groups".into(),
        "--".into(),
        env!("CARGO_BIN_EXE_contactgate").into(),
    ];
    all.extend(args.iter().map(|s| s.to_string()));
    all.extend(["--config".to_string(), config_arg(dir)]);
    tokio::task::spawn_blocking(move || {
        let out = std::process::Command::new("setpriv")
            .args(&all)
            .output()
            .unwrap();
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    })
    .await
    .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_role_is_allowed_its_operations_and_refused_the_rest_over_the_real_socket() {
    if role_users().is_none() {
        eprintln!("skipped: cannot create users (not root, or no useradd)");
        return;
    }
    let sink = Sink::start().await;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    use std::os::unix::fs::PermissionsExt;
    // Let the users reach the socket and read the config; the data directory is the daemon's.
    std::fs::set_permissions(d, std::fs::Permissions::from_mode(0o755)).unwrap();
    test_config_with_rules(sink.addr, d, RULES);
    let path = d.join("contactgate.toml");
    let text = std::fs::read_to_string(&path).unwrap()
        + "admin_group = \"cg-test-admin\"\n[roles]\nviewer_groups = [\"cg-test-viewer\"]\n\
           officer_groups = [\"cg-test-officer\"]\ndata_protection_groups = [\"cg-test-dpo\"]\n";
    std::fs::write(&path, &text).unwrap();
    let mut config = contactgate::config::Config::parse(&text, None).unwrap();
    config.listen = "127.0.0.1:0".parse().unwrap();
    let daemon = Daemon::start(config).await;
    let a = file_one(daemon.addr, "one").await;
    let b = file_one(daemon.addr, "two").await;
    let c = file_one(daemon.addr, "three").await;

    // Outside systemd too, the data is the daemon's alone: no officer reads it but through
    // the socket (where roles are checked and reads audited).
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&d.join("data")), 0o700);
    assert_eq!(mode(&d.join("data/spool/held")), 0o700);
    assert_eq!(
        mode(&d.join("data/spool/held").join(format!("{a}.eml"))),
        0o600
    );
    let (ok, _, err) = cli_as("cg-dpo", d, &["held", "list"]).await;
    assert!(ok, "{err}");

    let refused = |(ok, _, err): (bool, String, String), needs: &str, has: &str| {
        assert!(!ok, "allowed, expected a refusal");
        let want = format!("needs role {needs}; you have {has}");
        assert!(err.contains(&want), "{err}");
    };
    let allowed = |(ok, _, err): (bool, String, String)| assert!(ok, "{err}");

    // In the socket's group but in no role: nothing, not even the list.
    refused(
        cli_as("cg-norole", d, &["held", "list"]).await,
        "viewer",
        "no role",
    );

    // Viewer: the list only.
    let probe = d.join("probe.eml").display().to_string();
    std::fs::write(
        &probe,
        "From: a.letter@mail.example\r\nSubject: s\r\n\r\nx\r\n",
    )
    .unwrap();
    let (ok, list, err) = cli_as("cg-viewer", d, &["held", "list", "--json"]).await;
    assert!(ok, "{err}");
    assert!(list.contains(&a), "{list}");
    // A viewer's list leaves out the subject and the reasons (they name the customer and can
    // quote them); an officer's has them (review finding).
    let viewed: serde_json::Value = serde_json::from_str(&list).unwrap();
    for m in viewed.as_array().unwrap() {
        assert_eq!(m["content_withheld"], "viewer", "{m}");
        assert!(m["subject"].is_null(), "{m}");
        assert_eq!(m["reasons"], serde_json::json!([]), "{m}");
    }
    let (ok, list, err) = cli_as("cg-officer", d, &["held", "list", "--json"]).await;
    assert!(ok, "{err}");
    let full: serde_json::Value = serde_json::from_str(&list).unwrap();
    assert!(
        full.as_array()
            .unwrap()
            .iter()
            .all(|m| m.get("content_withheld").is_none()
                && m["subject"].is_string()
                && !m["reasons"].as_array().unwrap().is_empty()),
        "{full}"
    );
    for args in [
        &["held", "show", &a][..],
        &["held", "release", &a],
        &["held", "discard", &a, "--reason", "duplicate"],
        &["held", "review", &a, "--outcome", "confirmed"],
        &["explain", "--live", &probe],
        &["audit"],
        &["incidents"],
    ] {
        refused(cli_as("cg-viewer", d, args).await, "officer", "viewer");
    }

    // Officer: reads, releases to the original recipients, discards; not raw mail, other
    // addresses or subject access.
    allowed(cli_as("cg-officer", d, &["held", "show", &a]).await);
    allowed(cli_as("cg-officer", d, &["audit"]).await);
    allowed(cli_as("cg-officer", d, &["incidents"]).await);
    for args in [
        &["held", "export", &a][..],
        &["held", "release", &a, "--to", "elsewhere@council.example"],
        &["export", "--address", "a.letter@mail.example"],
    ] {
        refused(
            cli_as("cg-officer", d, args).await,
            "data-protection",
            "officer",
        );
    }
    allowed(cli_as("cg-officer", d, &["held", "release", &a]).await);
    assert_eq!(
        sink.wait_for(1).await[0].recipients,
        vec!["planning@council.example"]
    );
    allowed(
        cli_as(
            "cg-officer",
            d,
            &["held", "discard", &b, "--reason", "duplicate"],
        )
        .await,
    );

    // Data protection: everything.
    let (ok, eml, err) = cli_as("cg-dpo", d, &["held", "export", &c]).await;
    assert!(
        ok && eml.starts_with("From: a.letter@mail.example"),
        "{err}"
    );
    allowed(
        cli_as(
            "cg-dpo",
            d,
            &[
                "held",
                "release",
                &c,
                "--to",
                "safeguarding@council.example",
            ],
        )
        .await,
    );
    assert_eq!(
        sink.wait_for(2).await[1].recipients,
        vec!["safeguarding@council.example"]
    );
    allowed(
        cli_as(
            "cg-dpo",
            d,
            &["export", "--address", "a.letter@mail.example"],
        )
        .await,
    );

    // Every read of content is on the record with its reader; so is every refusal, with the
    // operation and the roles only. The trail names nothing from the mail.
    let audit = audit_json(d);
    let find = |actor: &str, event: &str| {
        audit
            .iter()
            .filter(|e| e["actor"] == actor && e["event"] == event)
            .collect::<Vec<_>>()
    };
    let shown = find("cg-officer", "show");
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0]["message"], a.as_str());
    let exported = find("cg-dpo", "export");
    assert_eq!(exported.len(), 1);
    assert_eq!(exported[0]["message"], c.as_str());
    assert_eq!(find("cg-dpo", "subject_access_export").len(), 1);
    // One entry per caller a minute, the first (review finding: a caller with no role could
    // grow the trail without bound); the next one counts those not recorded.
    let refusals = find("cg-officer", "refused");
    assert_eq!(refusals.len(), 1, "{refusals:?}");
    assert_eq!(
        refusals[0]["details"],
        serde_json::json!([
            "operation: held.export",
            "needs role: data-protection",
            "has role: officer"
        ])
    );
    assert_eq!(find("cg-viewer", "refused").len(), 1);
    assert_eq!(find("cg-norole", "refused").len(), 1);
    assert!(
        find("cg-viewer", "show").is_empty(),
        "a refused read is not a read"
    );

    // An operation outside the role table is unknown, even to root.
    let socket = d.join("admin.sock");
    let answer = tokio::task::spawn_blocking(move || {
        use std::io::{BufRead, Write};
        let mut s = std::os::unix::net::UnixStream::connect(socket).unwrap();
        s.write_all(b"{\"v\":1,\"op\":\"held.purge\"}\n").unwrap();
        let mut line = String::new();
        std::io::BufReader::new(s).read_line(&mut line).unwrap();
        line
    })
    .await
    .unwrap();
    assert!(
        answer.contains(r#""ok":false"#) && answer.contains(r#"unknown operation \"held.purge\""#),
        "{answer}"
    );
    daemon.stop().await;
}
