//! Acknowledgement replies through the daemon: delivery from <> to the envelope sender,
//! threading, language order, every guard, header injection, no reply to an envelope that is not
//! the customer's (audited), the rate limit per customer and template across addresses and a
//! restart, the automatic-decision wording, and the durable outbox across kill -9. Real delivery reports (flufl.bounce's collection in
//! tests/corpus) never get a reply.

mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use common::*;
use contactgate::config::Config;
use contactgate::message::Message;

const RULES: &str = r#"
[[customer]]
id = "CR-BOTH"
name = "Mr B Both"
addresses = ["both@mail.example", "g1@mail.example", "g2@mail.example", "g3@mail.example", "g4@mail.example", "g5@mail.example", "g6@mail.example", "g7@mail.example", "owner-list@mail.example"]
  [[customer.restriction]]
  kind = "letter_only"
  decided_by = "Head of Customer Services"
  decided_on = 2026-03-01
  reasons = "Abusive emails."
  postal_address = "County Hall, Haverfordwest, SA61 1TP"

[[customer]]
id = "CR-CY"
name = "Mrs C Cymraeg"
addresses = ["cy@mail.example"]
language = "cy"
  [[customer.restriction]]
  kind = "letter_only"
  decided_by = "Head of Customer Services"
  decided_on = 2026-03-01
  reasons = "r"
  postal_address = "Neuadd y Sir"

[[customer]]
id = "CR-EN"
name = "Mr E English"
addresses = ["en@mail.example"]
language = "en"
  [[customer.restriction]]
  kind = "named_staff"
  decided_by = "Head of Customer Services"
  decided_on = 2026-03-01
  reasons = "r"
  staff = ["jane.jones@council.example"]

[[customer]]
id = "CR-TWO"
name = "Ms T Two-Addresses"
addresses = ["two@mail.example", "two.work@mail.example"]
  [[customer.restriction]]
  kind = "topics"
  decided_by = "Head of Customer Services"
  decided_on = 2026-03-01
  reasons = "r"
  closed = ["24/0612/PA"]
  [[customer.restriction]]
  kind = "named_staff"
  decided_by = "Head of Customer Services"
  decided_on = 2026-03-01
  reasons = "r"
  staff = ["jane.jones@council.example"]
"#;

fn setup_rules(dir: &Path) {
    copy_templates(dir);
}

fn config(sink: &Sink, dir: &Path) -> Config {
    let mut c = test_config_with_rules(sink.addr, dir, &format!("{RULES}{REPEAT_CUSTOMER}"));
    setup_rules(dir);
    c.replies.from = Some("customer.services@council.example".into());
    c.replies.council_name = "Pembrokeshire County Council".into();
    c.replies.council_name_cy = "Cyngor Sir Penfro".into();
    c
}

/// Sends one message; returns the final reply line.
async fn send(d: &Daemon, envelope_from: &str, to: &str, message: &str) -> String {
    let mut c = Client::connect(d.addr).await;
    c.cmd("EHLO p").await;
    c.send_message(envelope_from, &[to], message.as_bytes())
        .await
}

fn replies(sink: &Sink) -> Vec<Received> {
    sink.received()
        .into_iter()
        .filter(|m| m.sender.is_empty())
        .collect()
}

fn header_block(data: &[u8]) -> String {
    let text = String::from_utf8_lossy(data).into_owned();
    text.split("\r\n\r\n")
        .next()
        .unwrap_or_default()
        .to_string()
}

fn decoded_body(data: &[u8]) -> String {
    let m = mail_parser::MessageParser::default().parse(data).unwrap();
    m.body_text(0).unwrap().into_owned()
}

fn decoded_subject(data: &[u8]) -> String {
    let m = mail_parser::MessageParser::default().parse(data).unwrap();
    m.subject().unwrap_or_default().to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn filed_mail_gets_a_bilingual_threaded_reply_from_the_null_sender() {
    let sink = Sink::start().await;
    let dir = tempfile::tempdir().unwrap();
    let daemon = Daemon::start(config(&sink, dir.path())).await;
    let msg = "From: Mr B <both@mail.example>\r\nReply-To: elsewhere@mail.example\r\nTo: planning@council.example\r\nSubject: My extension\r\nMessage-ID: <orig-1@mail.example>\r\nReferences: <older@council.example>\r\n\r\nPlease reply.\r\n";
    // The envelope sender differs from From: and Reply-To: the reply goes to the envelope.
    let r = send(
        &daemon,
        "both@mail.example",
        "planning@council.example",
        msg,
    )
    .await;
    assert!(r.ends_with("filed"), "{r}");
    let reply = sink.wait_for(1).await.remove(0);
    assert_eq!(reply.sender, "", "sent from <>");
    assert_eq!(reply.recipients, vec!["both@mail.example"]);
    let headers = header_block(&reply.data);
    assert!(
        headers.contains("Auto-Submitted: auto-replied"),
        "{headers}"
    );
    assert!(
        headers.contains("In-Reply-To: <orig-1@mail.example>"),
        "{headers}"
    );
    assert!(
        headers.contains("<older@council.example>") && headers.contains("<orig-1@mail.example>")
    );
    assert!(headers.contains("Message-ID: <reply."), "{headers}");
    assert!(
        headers.contains("From: <customer.services@council.example>")
            || headers.contains("From: customer.services@council.example"),
        "{headers}"
    );
    let subject = decoded_subject(&reply.data);
    let (cy, en) = subject.split_once(" / ").expect("bilingual subject");
    assert!(cy.contains("ysgrifennwch atom drwy lythyr"), "{subject}");
    assert!(en.contains("please write to us by letter"), "{subject}");
    let body = decoded_body(&reply.data);
    let cy_at = body.find("Annwyl Mr B Both").expect("Welsh");
    let en_at = body.find("Dear Mr B Both").expect("English");
    assert!(cy_at < en_at, "Welsh first");
    assert!(body.contains("Rydym yn croesawu gohebiaeth yn Gymraeg"));
    assert!(body.contains("We welcome correspondence in Welsh"));
    assert!(body.contains("County Hall, Haverfordwest, SA61 1TP"));
    assert!(body.contains("\"My extension\""));
    daemon.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn language_choice_and_order() {
    let sink = Sink::start().await;
    let dir = tempfile::tempdir().unwrap();
    let daemon = Daemon::start(config(&sink, dir.path())).await;
    // "cy": Welsh only.
    send(
        &daemon,
        "cy@mail.example",
        "x@council.example",
        "Subject: Sbwriel\r\n\r\nDear council, the bins.\r\n",
    )
    .await;
    let cy = sink.wait_for(1).await.remove(0);
    let body = decoded_body(&cy.data);
    assert!(
        body.contains("Annwyl") && !body.contains("Dear Mrs"),
        "{body}"
    );
    assert!(!decoded_subject(&cy.data).contains(" / "));
    // "en" writing English: English only (a named-staff reroute).
    send(
        &daemon,
        "en@mail.example",
        "director@council.example",
        "Subject: Bins\r\n\r\nDear council, the bins were not collected this week. Thank you.\r\n",
    )
    .await;
    let got = sink.wait_for(3).await;
    let en = got
        .iter()
        .find(|m| m.sender.is_empty() && m.recipients == ["en@mail.example"])
        .unwrap();
    let body = decoded_body(&en.data);
    assert!(
        body.contains("Dear Mr E English") && !body.contains("Annwyl"),
        "{body}"
    );
    assert!(body.contains("jane.jones@council.example"));
    daemon.stop().await;

    // "en" writing in Welsh: Welsh first. (A fresh store, so the rate limit does not apply.)
    let dir2 = tempfile::tempdir().unwrap();
    let sink2 = Sink::start().await;
    let daemon = Daemon::start(config(&sink2, dir2.path())).await;
    let welsh = "Subject: Sbwriel heb ei gasglu\r\n\r\nAnnwyl Syr, rwy'n ysgrifennu ynglŷn â'r sbwriel sydd heb ei gasglu ers pythefnos. Diolch yn fawr.\r\n";
    send(
        &daemon,
        "en@mail.example",
        "director@council.example",
        welsh,
    )
    .await;
    let got = sink2.wait_for(2).await;
    let r = got.iter().find(|m| m.sender.is_empty()).unwrap();
    let body = decoded_body(&r.data);
    let cy_at = body.find("Annwyl Mr E English").expect("Welsh part");
    let en_at = body.find("Dear Mr E English").expect("English part");
    assert!(cy_at < en_at);
    daemon.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_guard_stops_a_reply_on_its_own() {
    let sink = Sink::start().await;
    let dir = tempfile::tempdir().unwrap();
    let daemon = Daemon::start(config(&sink, dir.path())).await;
    let base = "From: both@mail.example\r\nTo: x@council.example\r\nSubject: s\r\n";
    let cases: Vec<(&str, String)> = vec![
        (
            "g1@mail.example",
            format!("{base}Auto-Submitted: auto-replied\r\n\r\nx\r\n"),
        ),
        (
            "g2@mail.example",
            format!("{base}Precedence: bulk\r\n\r\nx\r\n"),
        ),
        (
            "g3@mail.example",
            format!("{base}List-Id: <council.lists.example>\r\n\r\nx\r\n"),
        ),
        (
            "g4@mail.example",
            format!("{base}X-Auto-Response-Suppress: All\r\n\r\nx\r\n"),
        ),
        ("owner-list@mail.example", format!("{base}\r\nx\r\n")),
        (
            "g5@mail.example",
            format!(
                "{base}Content-Type: multipart/report; report-type=delivery-status; boundary=b\r\n\r\n--b\r\n\r\nx\r\n--b--\r\n"
            ),
        ),
        ("", format!("{base}\r\nx\r\n")),
        // The control: no guard applies.
        (
            "g6@mail.example",
            format!("{base}Auto-Submitted: no\r\n\r\nx\r\n"),
        ),
    ];
    for (env, msg) in &cases {
        let r = send(&daemon, env, "x@council.example", msg).await;
        assert!(r.ends_with("filed"), "{env}: {r}");
    }
    // The control's reply arrives; give any wrongly queued ones time to follow.
    sink.wait_for(1).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let got: Vec<_> = replies(&sink);
    assert_eq!(
        got.len(),
        1,
        "only the control got a reply: {:?}",
        got.iter().map(|m| &m.recipients).collect::<Vec<_>>()
    );
    assert_eq!(got[0].recipients, vec!["g6@mail.example"]);
    // Each reply a guard held back is on the record with its reason code (review finding: they
    // were only logged).
    let mut reasons = withheld_reasons(dir.path()).await;
    reasons.sort();
    assert_eq!(
        reasons,
        [
            "auto_response_suppress",
            "auto_submitted",
            "delivery_report",
            "list_header",
            "null_sender",
            "precedence",
            "system_sender"
        ]
    );
    daemon.stop().await;
}

/// The reason codes of the trail's `reply_withheld` entries, in the trail's order.
async fn withheld_reasons(dir: &std::path::Path) -> Vec<String> {
    let audit = cli_json(dir, &["audit", "--json"]).await;
    audit
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["event"] == "reply_withheld")
        .filter_map(|e| {
            e["details"]
                .as_array()?
                .iter()
                .find_map(|d| d.as_str()?.strip_prefix("reason: ").map(str::to_string))
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_encoded_subject_cannot_inject_headers_or_recipients() {
    let sink = Sink::start().await;
    let dir = tempfile::tempdir().unwrap();
    let daemon = Daemon::start(config(&sink, dir.path())).await;
    // Decodes to "Hello\r\nBcc: victim@else.example\r\nX-Evil: 1".
    let msg = "From: both@mail.example\r\nTo: x@council.example\r\nSubject: =?utf-8?B?SGVsbG8NCkJjYzogdmljdGltQGVsc2UuZXhhbXBsZQ0KWC1FdmlsOiAx?=\r\n\r\nx\r\n";
    send(&daemon, "both@mail.example", "x@council.example", msg).await;
    let r = sink.wait_for(1).await.remove(0);
    assert_eq!(
        r.recipients,
        vec!["both@mail.example"],
        "no extra recipient"
    );
    let headers = header_block(&r.data);
    for line in headers.lines() {
        let l = line.to_ascii_lowercase();
        assert!(
            !l.starts_with("bcc:") && !l.starts_with("x-evil:"),
            "injected: {line}"
        );
    }
    let body = decoded_body(&r.data);
    assert!(
        body.contains("Hello Bcc: victim@else.example X-Evil: 1"),
        "flattened to one line: {body}"
    );
    daemon.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rate_limit_holds_across_a_restart() {
    let sink = Sink::start().await;
    let dir = tempfile::tempdir().unwrap();
    let cfg = config(&sink, dir.path());
    let daemon = Daemon::start(cfg.clone()).await;
    let msg = "From: both@mail.example\r\nTo: x@council.example\r\nSubject: again\r\n\r\nx\r\n";
    send(&daemon, "both@mail.example", "x@council.example", msg).await;
    send(&daemon, "both@mail.example", "x@council.example", msg).await;
    sink.wait_for(1).await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(replies(&sink).len(), 1, "one reply per sender and template");
    // The reply the rate limit held back is on the record, with its reason code (review
    // finding: it was only logged).
    assert_eq!(withheld_reasons(dir.path()).await, ["rate_limited"]);
    daemon.stop().await;
    let daemon = Daemon::start(cfg).await;
    send(&daemon, "both@mail.example", "x@council.example", msg).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(replies(&sink).len(), 1, "still one after a restart");
    daemon.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn regression_rate_limit_counts_one_sender_however_the_address_is_written() {
    let sink = Sink::start().await;
    let dir = tempfile::tempdir().unwrap();
    let mut cfg = config(&sink, dir.path());
    cfg.strip_plus_tags = true;
    let daemon = Daemon::start(cfg).await;
    for sender in [
        "both+x@mail.example",
        "Both@Mail.Example",
        "both+y@mail.example",
    ] {
        let msg = format!("From: {sender}\r\nTo: x@council.example\r\nSubject: again\r\n\r\nx\r\n");
        let reply = send(&daemon, sender, "x@council.example", &msg).await;
        assert!(reply.starts_with("250"), "{reply}");
    }
    sink.wait_for(1).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let sent: Vec<String> = replies(&sink)
        .into_iter()
        .flat_map(|r| r.recipients)
        .collect();
    // To the address on record, never to the envelope as written (review finding: Unicode
    // case folding lets a look-alike envelope match a customer).
    assert_eq!(
        sent,
        ["both@mail.example"],
        "one reply for one customer address, to the recorded address"
    );
    daemon.stop().await;
}

/// Issue 14: the customer was matched on `From:`, the reply went to the envelope sender, and
/// the rate limit was the envelope's, so `MAIL FROM:<attacker@evil.example>` with
/// `From: <customer>` got the customer's name, case reference, arrangement, postal address and
/// review date, once per new envelope address.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn regression_a_forged_envelope_gets_nothing_about_the_customer() {
    let sink = Sink::start().await;
    let dir = tempfile::tempdir().unwrap();
    let daemon = Daemon::start(config(&sink, dir.path())).await;
    let forged = "From: Mr B <both@mail.example>\r\nTo: x@council.example\r\nSubject: My case\r\n\r\nWhat do you hold on me?\r\n";
    // Each fresh envelope address, and another customer's own address, is not this customer's.
    for envelope in [
        "attacker@evil.example",
        "attacker2@evil.example",
        "en@mail.example",
    ] {
        let r = send(&daemon, envelope, "x@council.example", forged).await;
        // The restriction still applies to the mail itself: kept, not delivered, not dropped.
        assert!(r.ends_with("filed"), "{envelope}: {r}");
    }
    // The control, queued after them: the customer's own address gets the reply. The outbox
    // sends in id order, so a reply to the attackers would have arrived first.
    let r = send(&daemon, "both@mail.example", "x@council.example", forged).await;
    assert!(r.ends_with("filed"), "{r}");
    sink.wait_for(1).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let got = sink.received();
    assert_eq!(
        got.iter().map(|m| m.recipients.clone()).collect::<Vec<_>>(),
        [["both@mail.example"]],
        "only the customer's own address got anything"
    );
    assert!(decoded_body(&got[0].data).contains("County Hall, Haverfordwest"));

    // Each withheld reply is audited: the case id and a reason code, nothing the customer wrote
    // and nothing of the restriction.
    let audit = cli_json(dir.path(), &["audit", "--json"]).await;
    let withheld: Vec<&serde_json::Value> = audit
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["event"] == "reply_withheld")
        .collect();
    let senders: Vec<&str> = withheld
        .iter()
        .map(|e| e["sender"].as_str().unwrap())
        .collect();
    assert_eq!(
        senders,
        [
            "attacker@evil.example",
            "attacker2@evil.example",
            "en@mail.example"
        ]
    );
    for e in &withheld {
        assert_eq!(e["actor"], "contactgate");
        assert_eq!(e["customers"], serde_json::json!(["CR-BOTH"]));
        assert_eq!(
            e["details"],
            serde_json::json!([
                "reason: envelope_not_customer_address",
                "template: letter_only"
            ])
        );
        let text = e.to_string();
        for private in [
            "Mr B",
            "County Hall",
            "My case",
            "What do you hold",
            "2027-03-01",
        ] {
            assert!(!text.contains(private), "{private} in {text}");
        }
    }
    daemon.stop().await;
}

/// Issue 14: the replies sent to a person were not in their subject-access export. Now each is,
/// with its template, languages and times, from the audit trail (the outbox forgets a reply
/// once it is sent); a reply withheld from someone else's envelope is in the trail marked for
/// redaction review, and the restriction records are there with their decision.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn subject_access_export_lists_the_replies_sent_and_marks_a_forged_envelope() {
    let sink = Sink::start().await;
    let dir = tempfile::tempdir().unwrap();
    let daemon = Daemon::start(config(&sink, dir.path())).await;
    let msg = "From: Mr B <both@mail.example>\r\nTo: x@council.example\r\nSubject: My case\r\n\r\nPlease reply.\r\n";
    let r = send(&daemon, "both@mail.example", "x@council.example", msg).await;
    assert!(r.ends_with("filed"), "{r}");
    let own = r.split_whitespace().nth(3).unwrap().to_string();
    let r = send(&daemon, "attacker@evil.example", "x@council.example", msg).await;
    assert!(r.ends_with("filed"), "{r}");
    let forged = r.split_whitespace().nth(3).unwrap().to_string();
    sink.wait_for(1).await;
    // The sender records the send after the relay's answer.
    let mut sent = false;
    for _ in 0..100 {
        let audit = cli_json(dir.path(), &["audit", "--json"]).await;
        if audit
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["event"] == "reply_sent")
        {
            sent = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(sent, "no reply_sent entry");

    let doc = cli_json(dir.path(), &["export", "--address", "both@mail.example"]).await;
    let replies = doc["replies"].as_array().unwrap();
    assert_eq!(replies.len(), 1, "{replies:?}");
    let reply = &replies[0];
    assert_eq!(reply["id"], format!("{own}R"));
    assert_eq!(reply["in_reply_to"], own.as_str());
    assert_eq!(reply["to"], "both@mail.example");
    assert_eq!(reply["template"], "letter_only");
    assert_eq!(reply["languages"], "cy,en");
    assert_eq!(reply["state"], "sent");
    assert!(
        reply["queued_at"].is_string() && reply["ended_at"].is_string(),
        "{reply}"
    );
    assert_eq!(reply["redaction_review"], false);
    assert!(reply.get("body").is_none() && !reply.to_string().contains("County Hall"));

    // The forged message is the customer's by its From: only, and the attacker's envelope.
    let m = doc["messages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == forged.as_str())
        .unwrap();
    assert_eq!(m["matched_by"], "from");
    assert_eq!(m["redaction_review"], true);
    let withheld = doc["audit"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["event"] == "reply_withheld")
        .unwrap();
    assert_eq!(withheld["sender"], "attacker@evil.example");
    assert_eq!(withheld["redaction_review"], true);
    assert_eq!(
        withheld["redaction_reasons"],
        serde_json::json!(["sender_not_subject"])
    );

    let restriction = &doc["restrictions"][0];
    assert_eq!(restriction["customer"], "CR-BOTH");
    let decided = &restriction["restrictions"][0];
    assert_eq!(decided["kind"], "letter_only");
    assert_eq!(decided["decided_by"], "Head of Customer Services");
    assert_eq!(decided["decided_on"], "2026-03-01");
    assert_eq!(decided["reasons"], "Abusive emails.");
    assert!(decided["review_on"].is_string(), "{decided}");
    daemon.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rate_limit_is_per_customer_and_template_whichever_address_writes() {
    let sink = Sink::start().await;
    let dir = tempfile::tempdir().unwrap();
    let daemon = Daemon::start(config(&sink, dir.path())).await;
    let closed = "Subject: Planning 24/0612/PA\r\n\r\nAbout 24/0612/PA again.\r\n";
    let open = "Subject: Bins\r\n\r\nThe bins were not collected.\r\n";
    // (envelope sender, message, what happens to the message)
    for (from, msg, outcome) in [
        ("two@mail.example", closed, "filed"),
        ("two.work@mail.example", closed, "filed"),
        ("two.work@mail.example", open, "delivered"),
        ("two@mail.example", open, "delivered"),
    ] {
        let msg = format!("From: {from}\r\nTo: x@council.example\r\n{msg}");
        let r = send(&daemon, from, "x@council.example", &msg).await;
        assert!(r.ends_with(outcome), "{from}: {r}");
    }
    // Two rerouted deliveries to the named contact, and two replies.
    sink.wait_for(4).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let got: Vec<(Vec<String>, String)> = replies(&sink)
        .iter()
        .map(|r| (r.recipients.clone(), decoded_subject(&r.data)))
        .collect();
    assert_eq!(got.len(), 2, "one reply per customer and template: {got:?}");
    assert_eq!(got[0].0, ["two@mail.example"]);
    assert!(got[0].1.contains("a matter that is closed"), "{got:?}");
    assert_eq!(got[1].0, ["two.work@mail.example"]);
    assert!(got[1].1.contains("passed to your named contact"), "{got:?}");
    // The closed-topic reply says the match was made by software, and how to ask for a person.
    let body = decoded_body(&replies(&sink)[0].data);
    for phrase in [
        "Our computer system linked your email to this matter automatically",
        "ask for one of our officers to review this",
        "wedi cysylltu eich e-bost â'r mater hwn yn awtomatig",
        "gallwch ofyn i un o'n swyddogion adolygu hyn",
    ] {
        assert!(body.contains(phrase), "{phrase}: {body}");
    }
    daemon.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_no_new_information_reply_says_the_comparison_was_automatic_and_how_to_ask_a_person() {
    let sink = Sink::start().await;
    let dir = tempfile::tempdir().unwrap();
    let daemon = Daemon::start(config(&sink, dir.path())).await;
    let from = "repeat@mail.example";
    let msg = format!(
        "From: {from}\r\nTo: housing@council.example\r\nSubject: Mould\r\n\r\nThere is black mould on the bedroom wall at 14 Heol y Nant.\r\n"
    );
    let first = send(&daemon, from, "housing@council.example", &msg).await;
    assert!(first.ends_with("delivered"), "{first}");
    let again = send(&daemon, from, "housing@council.example", &msg).await;
    assert!(again.ends_with("filed"), "{again}");
    sink.wait_for(2).await;
    let reply = replies(&sink).remove(0);
    assert_eq!(reply.recipients, [from]);
    let body = decoded_body(&reply.data);
    let cy = body.find("Annwyl Ms R Repeat").expect("Welsh");
    let en = body.find("Dear Ms R Repeat").expect("English");
    let (welsh, english) = (&body[cy..en], &body[en..]);
    for phrase in [
        "Mae ein system gyfrifiadurol wedi'i gymharu'n awtomatig â'ch gohebiaeth flaenorol",
        "Nid oes neb wedi'i ddarllen eto; bydd swyddog yn ei wirio",
        "gallwch ofyn i un o'n swyddogion ei adolygu: atebwch yr e-bost hwn i ofyn, neu ysgrifennwch at customer.services@council.example",
    ] {
        assert!(welsh.contains(phrase), "{phrase}: {welsh}");
    }
    for phrase in [
        "Our computer system has compared it automatically with your earlier correspondence",
        "No one has read it yet; an officer will check it",
        "ask for one of our officers to review it: reply to this email to ask, or write to customer.services@council.example",
    ] {
        assert!(english.contains(phrase), "{phrase}: {english}");
    }
    // The old wording claimed a person had read it.
    assert!(!body.contains("read it carefully") && !body.contains("yn ofalus"));
    daemon.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_queued_reply_survives_kill_9_and_is_sent_exactly_once() {
    let sink = Sink::start().await;
    let dir = tempfile::tempdir().unwrap();
    let relay = free_port(); // nothing listens yet: the reply stays queued
    let listen = free_port();
    test_config_with_rules(sink.addr, dir.path(), RULES);
    setup_rules(dir.path());
    let path: PathBuf = dir.path().join("contactgate.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        format!("listen = \"{listen}\"\n{text}[replies]\nfrom = \"cs@council.example\"\nrelay = \"{relay}\"\n"),
    )
    .unwrap();
    let mut child = start_binary(&path, listen);
    let mut c = Client::connect(listen).await;
    c.cmd("EHLO p").await;
    let r = c
        .send_message(
            "both@mail.example",
            &["x@council.example"],
            b"From: both@mail.example\r\nSubject: s\r\n\r\nx\r\n",
        )
        .await;
    assert!(r.ends_with("filed"), "{r}");
    child.kill().unwrap(); // SIGKILL with the reply queued
    child.wait().unwrap();
    let relay_sink = Sink::start_on(&relay.to_string()).await;
    let mut child = start_binary(&path, listen);
    let got = relay_sink.wait_for(1).await;
    assert_eq!(got[0].recipients, vec!["both@mail.example"]);
    tokio::time::sleep(Duration::from_millis(6000)).await; // past the sender's next tick
    assert_eq!(relay_sink.received().len(), 1, "exactly once");
    child.kill().unwrap();
    child.wait().unwrap();
}

#[test]
fn real_delivery_reports_never_get_a_reply() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/flufl-bounce");
    let mut checked = 0;
    let mut replied = Vec::new();
    for e in std::fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_none_or(|x| x != "eml") {
            continue;
        }
        // flufl.bounce ships this one as a person's reply, not a report.
        if p.file_name().is_some_and(|n| n == "groupwise_03.eml") {
            continue;
        }
        let raw = std::fs::read(&p).unwrap();
        let m = Message::parse(&raw).unwrap();
        checked += 1;
        // Bounces come from <>; even if a relay rewrote that, the content guards must hold.
        for sender in ["", m.from.first().map(String::as_str).unwrap_or("")] {
            if contactgate::replies::guards::check(sender, &m).is_ok() {
                replied.push(format!("{} (sender {sender:?})", p.display()));
            }
        }
    }
    assert!(checked > 100, "only {checked} reports");
    assert!(
        replied.is_empty(),
        "{} would get a reply:\n{}",
        replied.len(),
        replied.join("\n")
    );
}
