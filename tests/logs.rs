//! Issue 14, invariant 8: the log carries identifiers and reason codes, never customer text,
//! names or free-text reasons.
//!
//! The real binary, logging at `trace`, takes mail full of marker strings (in the subject, the
//! body, the HTML, the `From:` name, an attachment's name, abuse the flags quote, a new
//! customer's new sentences, an out-of-office subject, a malformed message, a downstream's
//! refusal) and the rules file carries them too (names, free-text reasons, a postal address, a
//! closed topic). It goes through every path: filed, held, rerouted, flagged, new information
//! and its repeat, replies sent, guarded, rate-limited, withheld and refused, and the officer
//! commands over the admin socket. The markers must reach what officers see, and never the
//! log; the log must still name every message and its reason codes.

mod common;

use std::net::SocketAddr;
use std::path::Path;

use common::*;

/// Every marker starts with this (compared case-insensitively).
const MARK: &str = "zqxmark";

/// One restricted customer, `id@mail.example`, case id `CR-ID`: its name and every
/// restriction's free-text reasons carry markers. `restrictions` are (kind, its own fields).
fn customer(id: &str, restrictions: &[(&str, &str)]) -> String {
    let mut text = format!(
        "[[customer]]\nid = \"CR-{}\"\nname = \"Ms Zqxmark{id}name\"\naddresses = [\"{id}@mail.example\"]\n",
        id.to_uppercase()
    );
    for (kind, fields) in restrictions {
        text.push_str(&format!(
            "[[customer.restriction]]\nkind = \"{kind}\"\ndecided_by = \"Head of Customer Services\"\n\
             decided_on = 2026-03-01\nreasons = \"Zqxmark{id}reason: wrote about her diagnosis\"\n\
             {fields}\n"
        ));
    }
    text
}

/// The rules file: every restriction kind that decides without a clock.
fn rules() -> String {
    let jane = "staff = [\"jane@council.example\"]";
    [
        customer(
            "letter",
            &[("letter_only", "postal_address = \"Zqxmarkpostal House\"")],
        ),
        customer(
            "auto",
            &[("letter_only", "postal_address = \"County Hall\"")],
        ),
        customer(
            "refused",
            &[("letter_only", "postal_address = \"County Hall\"")],
        ),
        customer("staff", &[("named_staff", jane)]),
        customer(
            "nostaff",
            &[
                ("named_staff", jane),
                ("named_staff", "staff = [\"bob@council.example\"]"),
            ],
        ),
        customer("topic", &[("topics", "closed = [\"zqxmarktopic hedge\"]")]),
        customer("new", &[("new_information_only", "")]),
    ]
    .concat()
}

/// A message from `who@mail.example` with a `From:` display name, a subject and a plain body.
fn plain(who: &str, subject: &str, body: &str) -> Vec<u8> {
    format!(
        "From: \"Zqxmarkdisplay Person\" <{who}@mail.example>\r\nTo: planning@council.example\r\n\
         Subject: {subject}\r\nMessage-ID: <{who}.{}@mail.example>\r\n\r\n{body}\r\n",
        subject.len()
    )
    .into_bytes()
}

/// A multipart message from `who@mail.example`: text, HTML (with hidden text) and a named
/// attachment.
fn with_attachment(who: &str) -> Vec<u8> {
    format!(
        "From: \"Ms Zqxmarkdisplay Letter\" <{who}@mail.example>\r\nTo: planning@council.example\r\n\
         Subject: Zqxmarksubject my HIV test results for Dr Patel\r\n\
         MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n\
         --b1\r\nContent-Type: multipart/alternative; boundary=\"b2\"\r\n\r\n\
         --b2\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n\
         Zqxmarkbody: the results came back and I need the flat adapted.\r\n\
         --b2\r\nContent-Type: text/html; charset=utf-8\r\n\r\n\
         <html><head><style>.h {{display:none}}</style></head><body>\
         <p>Zqxmarkhtml: the results came back</p><p class=\"h\">Zqxmarkhidden</p>\
         <a href=\"https://zqxmarklink.example/\">link</a></body></html>\r\n\
         --b2--\r\n\
         --b1\r\nContent-Type: application/pdf; name=\"Zqxmarkattach.pdf\"\r\n\
         Content-Disposition: attachment; filename=\"Zqxmarkattach.pdf\"\r\n\
         Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQKJeLjz9MK\r\n--b1--\r\n"
    )
    .into_bytes()
}

fn write_config(dir: &Path, listen: SocketAddr, downstream: SocketAddr) {
    std::fs::create_dir_all(dir.join("rules")).unwrap();
    std::fs::write(dir.join("rules/restrictions.toml"), rules()).unwrap();
    copy_lexicon(dir);
    copy_templates(dir);
    std::fs::write(
        dir.join("contactgate.toml"),
        format!(
            "listen = \"{listen}\"\ndownstream = \"{downstream}\"\ndata_dir = \"{d}/data\"\n\
             rules_dir = \"{d}/rules\"\nadmin_socket = \"{d}/admin.sock\"\nhostname = \"gate.test\"\n\
             [replies]\nfrom = \"customer.services@council.example\"\n\
             [digest]\nto = \"officers@council.example\"\nat = \"00:00\"\n",
            d = dir.display()
        ),
    )
    .unwrap();
}

/// A message to send: its name, its sender's local part, recipients, bytes, and how
/// contactgate's reply to DATA must end.
type Case<'a> = (&'a str, &'a str, &'a [&'a str], Vec<u8>, &'a str);

/// Sends one message from `who@mail.example` as Postfix would (XFORWARD with its queue id
/// first); returns contactgate's reply to DATA.
async fn send(listen: SocketAddr, queue_id: &str, who: &str, to: &[&str], data: &[u8]) -> String {
    let mut c = Client::connect(listen).await;
    c.cmd("EHLO postfix.test").await;
    let r = c
        .cmd(&format!("XFORWARD ADDR=192.0.2.9 IDENT={queue_id}"))
        .await;
    assert!(r.starts_with("250"), "{r}");
    let reply = c
        .send_message(&format!("{who}@mail.example"), to, data)
        .await;
    c.cmd("QUIT").await;
    reply
}

/// Runs an officer command; it must succeed. Returns its standard output.
async fn officer(dir: &Path, args: &[&str]) -> String {
    let (ok, out, err) = cli_in(dir, args).await;
    assert!(ok, "{args:?}: {err}");
    out
}

fn has_marker(text: &str) -> bool {
    text.to_lowercase().contains(MARK)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn regression_no_customer_text_reaches_the_log_on_any_path() {
    let sink = Sink::start().await;
    {
        let mut rules = sink.rules.lock().unwrap();
        // A downstream refusal that quotes something: its text is for the officer only.
        rules.rcpt.insert(
            "gone@council.example".into(),
            "550 5.1.1 Zqxmarkrefusal no such user".into(),
        );
        // The reply to this customer is refused, with text.
        rules.rcpt.insert(
            "refused@mail.example".into(),
            "550 5.1.1 Zqxmarkreplyrefusal mailbox gone".into(),
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let listen = free_port();
    write_config(d, listen, sink.addr);
    let log = d.join("daemon.log");
    let mut child = start_binary_with(
        &d.join("contactgate.toml"),
        listen,
        std::fs::File::create(&log).unwrap(),
        &[("CONTACTGATE_LOG", "trace")],
    );
    let planning: &[&str] = &["planning@council.example"];
    let new_message = plain(
        "new",
        "Zqxmarksubject11 my son",
        "Zqxmarksentence my son Zqxmarkson was admitted to hospital on Tuesday.\r\n\
         Zqxmarksentence the landlord Zqxmarklandlord has not fixed the damp.",
    );
    let mut headerless =
        b"Zqxmarkheaderless line without a colon\r\n\r\nZqxmarkbody13\r\n".to_vec();
    headerless.extend_from_slice(b"\xff\xfeZqxmarkbinary\r\n");
    let malformed = b"From: =?utf-8?q?Zqxmark=ZZ?= <letter@mail.example>\r\n\
        Subject: =?utf-8?b?WnF4bWFya2VuY29kZWQ=?= Zqxmarksubject14\r\n\
        Content-Type: multipart/mixed; boundary=\"never\"\r\n\
        Content-Transfer-Encoding: base64\r\n\r\n\
        --wrong\r\nZqxmarkbody14 !!not base64!!\r\n--never\r\nContent-Type: text/html\r\n\r\n\
        <div><div><p>Zqxmarkunclosed\r\n"
        .to_vec();
    let cases: Vec<Case> = vec![
        // Restricted, letter_only: filed with an acknowledgement; the next is rate-limited.
        (
            "filed",
            "letter",
            planning,
            with_attachment("letter"),
            "filed",
        ),
        (
            "rate-limited",
            "letter",
            planning,
            plain("letter", "Zqxmarksubject2", "Zqxmarkbody2"),
            "filed",
        ),
        // A stranger's envelope with the customer's From: filed, and no reply at all.
        (
            "withheld",
            "stranger",
            planning,
            plain("letter", "Zqxmarksubject15", "Zqxmarkbody15"),
            "filed",
        ),
        // The reply guards: an out-of-office subject, and a mailing-list header.
        (
            "out of office",
            "auto",
            planning,
            plain(
                "auto",
                "Out of office reply: Zqxmarkooo my HIV test results for Dr Patel",
                "Zqxmarkbody3",
            ),
            "filed",
        ),
        (
            "list",
            "auto",
            planning,
            b"From: auto@mail.example\r\nList-Zqxmarklist: <zqxmarklist.example>\r\n\
              Subject: Zqxmarksubject4\r\n\r\nZqxmarkbody4\r\n"
                .to_vec(),
            "filed",
        ),
        // A reply the downstream refuses, with text.
        (
            "reply refused",
            "refused",
            planning,
            plain("refused", "Zqxmarksubject5", "Zqxmarkbody5"),
            "filed",
        ),
        // Named staff: rerouted; two lists with no one in common: held.
        (
            "rerouted",
            "staff",
            planning,
            plain("staff", "Zqxmarksubject6", "Zqxmarkbody6"),
            "delivered",
        ),
        (
            "no common staff",
            "nostaff",
            planning,
            plain("nostaff", "Zqxmarksubject7", "Zqxmarkbody7"),
            "held",
        ),
        // A closed topic: filed.
        (
            "topic",
            "topic",
            planning,
            plain(
                "topic",
                "About the zqxmarktopic hedge",
                "Zqxmarkbody8: the zqxmarktopic hedge again.",
            ),
            "filed",
        ),
        // Flags: profanity tags (delivered), a threat holds; both quote the text in excerpts.
        (
            "profanity",
            "angry",
            planning,
            plain(
                "angry",
                "Zqxmarksubject9 bins",
                "Zqxmarkbefore fuck this zqxmarkafter council.",
            ),
            "delivered",
        ),
        (
            "threat",
            "threat",
            planning,
            plain(
                "threat",
                "Zqxmarksubject10",
                "Zqxmarkthreat here. Watch your back zqxmarkthreatafter.",
            ),
            "held",
        ),
        // New information only: new sentences delivered, then the same again filed.
        ("new", "new", planning, new_message.clone(), "delivered"),
        ("repeat", "new", planning, new_message.clone(), "filed"),
        // A downstream refusal with text: delivered to one, held for the other.
        (
            "refused downstream",
            "plain",
            &["planning@council.example", "gone@council.example"],
            plain("plain", "Zqxmarksubject12", "Zqxmarkbody12"),
            "held for gone@council.example",
        ),
        // Malformed: no header block, bytes that are not UTF-8, broken MIME and encodings.
        ("headerless", "plain", planning, headerless, "delivered"),
        ("malformed", "letter", planning, malformed, "filed"),
    ];
    let mut ids = std::collections::HashMap::new();
    for (i, (name, who, to, data, outcome)) in cases.into_iter().enumerate() {
        let queue_id = format!("4ZQ{i:03X}");
        let reply = send(listen, &queue_id, who, to, &data).await;
        assert!(
            reply.starts_with("250 ") && reply.ends_with(outcome),
            "{name}: {reply}"
        );
        let id = reply.split_whitespace().nth(3).unwrap().to_string();
        ids.insert(name, (id, queue_id));
    }
    let id = |name: &str| ids[name].0.clone();
    let (filed, held, threat) = (id("filed"), id("no common staff"), id("threat"));

    // The officer commands, over the admin socket: they see everything.
    let show = officer(d, &["held", "show", &filed]).await;
    for needle in [
        "Zqxmarksubject",
        "Zqxmarkbody",
        "Zqxmarkattach.pdf",
        "Zqxmarklettername",
        "Zqxmarkletterreason",
        "Zqxmarkpostal",
    ] {
        assert!(show.contains(needle), "held show lacks {needle}:\n{show}");
    }
    let show_json = officer(d, &["held", "show", &threat, "--json"]).await;
    assert!(show_json.contains("Zqxmarkthreat"), "{show_json}");
    let list = officer(d, &["held", "list", "--all"]).await;
    assert!(has_marker(&list), "{list}");
    let incidents = officer(d, &["incidents", "--json"]).await;
    assert!(incidents.contains("zqxmarkafter"), "{incidents}");
    let audit = officer(d, &["audit", "--json"]).await;
    for needle in ["Zqxmarkletterreason", "Zqxmarkson", "Zqxmarknostaffreason"] {
        assert!(audit.contains(needle), "audit lacks {needle}");
    }
    let export = officer(d, &["export", "--address", "letter@mail.example"]).await;
    assert!(export.contains("Zqxmarkbody2"), "{export}");
    let eml = d.join("live.eml");
    std::fs::write(&eml, &new_message).unwrap();
    let explained = officer(d, &["explain", "--live", "--json", eml.to_str().unwrap()]).await;
    assert!(explained.contains("Zqxmarknewreason"), "{explained}");
    officer(
        d,
        &[
            "held",
            "release",
            &held,
            "--to",
            "jane@council.example",
            "--note",
            "Zqxmarknote from the officer",
        ],
    )
    .await;
    officer(
        d,
        &[
            "held",
            "discard",
            &threat,
            "--reason",
            "Zqxmarkdiscard reason",
        ],
    )
    .await;

    // Replies (letter_only, rerouted, topic_closed, no_new_information) are sent on the
    // scheduler's tick; the one to refused@ is refused.
    wait_for_log(&log, "reply sent", 4).await;
    wait_for_log(&log, "reply refused", 1).await;
    let received = |needle: &str| {
        sink.received()
            .iter()
            .any(|m| String::from_utf8_lossy(&m.data).contains(needle))
    };
    assert!(received("Zqxmarklettername"), "a reply names the customer");
    assert!(
        received("Zqxmarkbefore"),
        "the flagged message was delivered"
    );

    // SAFETY: kill(2) on our own child's pid.
    assert_eq!(unsafe { libc::kill(child.id() as i32, libc::SIGTERM) }, 0);
    assert!(child.wait().unwrap().success());
    let text = std::fs::read_to_string(&log).unwrap();

    let leaks: Vec<&str> = text.lines().filter(|l| has_marker(l)).collect();
    assert!(
        leaks.is_empty(),
        "customer text in the log:\n{}",
        leaks.join("\n")
    );
    // The log still says what happened, in identifiers and codes.
    for (name, (id, queue_id)) in &ids {
        let line = format!("message id={id} client=192.0.2.9 queue_id={queue_id} ");
        assert!(text.contains(&line), "no line for {name}:\n{text}");
    }
    for needle in [
        "reasons=customer:CR-LETTER,restriction:letter_only",
        "reason=\"rate_limited\"",
        "reason=\"automatic_subject\"",
        "reason=\"list_header\"",
        "reason=\"not_enabled\"",
        "reason=\"envelope_not_customer_address\"",
        "reasons=customer:CR-STAFF,restriction:named_staff",
        "restriction:named_staff*2,restriction:named_staff:no_common_staff",
        "restriction:topics:closed",
        "flag:profanity/fuck:tag",
        "flag:threat_implied/watch-your-back:hold",
        "reasons=customer:CR-NEW,novelty:new,novelty:new_sentence*2",
        "reasons=customer:CR-NEW,novelty:repeat",
        "action=deliver+hold",
        "error=permanent:550",
        "reply sent",
        "released",
        "daily digest sent",
    ] {
        assert!(text.contains(needle), "log lacks {needle:?}:\n{text}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn regression_a_bad_rules_file_is_located_in_the_log_not_quoted() {
    // The problems in a rules file quote the values they refuse (serde's "invalid type:
    // string ..." and our own "... is not an email address"), and in restrictions.toml a value
    // can be a customer's details. The log names the place; check-config shows the value.
    let sink = Sink::start().await;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let listen = free_port();
    write_config(d, listen, sink.addr);
    let config = d.join("contactgate.toml");
    let restrictions = d.join("rules/restrictions.toml");
    let log = d.join("daemon.log");
    let mut child = start_binary_with(
        &config,
        listen,
        std::fs::File::create(&log).unwrap(),
        &[("CONTACTGATE_LOG", "trace")],
    );
    let not_an_address = rules().replace("\"new@mail.example\"", "\"Zqxmarkhome of Mrs New\"");
    std::fs::write(&restrictions, not_an_address).unwrap();
    // SAFETY: kill(2) on our own child's pid.
    assert_eq!(unsafe { libc::kill(child.id() as i32, libc::SIGHUP) }, 0);
    let text = wait_for_log(&log, "rules reload failed", 1).await;
    // SAFETY: as above.
    assert_eq!(unsafe { libc::kill(child.id() as i32, libc::SIGTERM) }, 0);
    assert!(child.wait().unwrap().success());
    assert!(text.contains("restrictions.toml:"), "{text}");
    assert!(!has_marker(&text), "{text}");

    // At start-up, a value of the wrong type: the daemon refuses to start, saying where.
    let wrong_type = rules().replace(
        "decided_on = 2026-03-01",
        "decided_on = \"after Zqxmarkcourt case\"",
    );
    std::fs::write(&restrictions, wrong_type).unwrap();
    let (ok, _, err) = cli_in(d, &["check-config"]).await;
    assert!(
        !ok && err.contains("Zqxmarkcourt"),
        "check-config shows it: {err}"
    );
    let (ok, err) = serve_to_end(&config);
    assert!(!ok);
    assert!(
        err.contains("restrictions.toml:") && err.contains("check-config"),
        "{err}"
    );
    assert!(!has_marker(&err), "{err}");
}
