//! The relay path over real TCP: raw SMTP in, a recording sink downstream.

mod common;

use std::time::Duration;

use common::*;

async fn setup() -> (Sink, Daemon, tempfile::TempDir) {
    let sink = Sink::start().await;
    let dir = tempfile::tempdir().unwrap();
    let daemon = Daemon::start(test_config(sink.addr, dir.path())).await;
    (sink, daemon, dir)
}

async fn relay_one(message: &[u8]) -> (Received, String) {
    let (sink, daemon, _dir) = setup().await;
    let mut c = Client::connect(daemon.addr).await;
    c.cmd("EHLO postfix.test").await;
    let reply = c
        .send_message("a@mail.example", &["x@council.example"], message)
        .await;
    assert!(reply.starts_with("250 2.0.0"), "{reply}");
    let got = sink.wait_for(1).await.remove(0);
    daemon.stop().await;
    (got, reply)
}

/// The downstream copy equals what we were sent, after the one prepended field.
fn assert_byte_identical(got: &Received, message: &[u8]) {
    let (fields, rest) = strip_prepended(&got.data);
    assert_eq!(fields.len(), 1, "exactly one prepended field: {fields:?}");
    assert!(
        fields[0].starts_with("X-Contactgate: action=deliver; id="),
        "{}",
        fields[0]
    );
    assert!(
        rest == as_received(message).as_slice(),
        "bytes differ:\n got {:?}\nwant {:?}",
        String::from_utf8_lossy(rest),
        String::from_utf8_lossy(&as_received(message))
    );
}

#[tokio::test]
async fn relays_byte_for_byte_with_one_prepended_field() {
    let msg = b"From: a@mail.example\r\nTo: x@council.example\r\nSubject: bins\r\n\r\nThe bins were not collected.\r\n";
    let (got, reply) = relay_one(msg).await;
    assert_byte_identical(&got, msg);
    assert_eq!(got.sender, "a@mail.example");
    assert_eq!(got.recipients, vec!["x@council.example"]);
    let id = reply.split_whitespace().nth(3).unwrap();
    assert!(String::from_utf8_lossy(&got.data).contains(&format!("id={id};")));
}

#[tokio::test]
async fn dot_stuffing_is_exact_both_ways() {
    let msg =
        b".starts with a dot\r\n..two dots\r\n.\r\nlone dot above\r\n. space\r\nend.\r\n..\r\n";
    let (got, _) = relay_one(msg).await;
    assert_byte_identical(&got, msg);
}

#[tokio::test]
async fn bare_lf_dot_lines_are_not_end_of_data() {
    // Postfix reads a bare LF as a line end, so "\n.\n" must reach it stuffed.
    let msg = b"Subject: x\r\n\r\nline\n.\nafter a bare-LF dot line\n.more\r\n";
    let (got, _) = relay_one(msg).await;
    assert_byte_identical(&got, msg);
}

#[tokio::test]
async fn eight_bit_invalid_utf8_bare_cr_and_long_lines_pass_unchanged() {
    let mut msg =
        b"Subject: \xe9t\xe9\r\nContent-Type: text/plain; charset=iso-8859-1\r\n\r\n".to_vec();
    msg.extend_from_slice(b"caf\xe9 \xff\xfe bare\rCR\r\n");
    msg.extend_from_slice(&vec![b'x'; 20_000]);
    msg.extend_from_slice(b"\r\n\x00nul\r\nno final newline");
    let (got, _) = relay_one(&msg).await;
    assert_byte_identical(&got, &msg);
}

#[tokio::test]
async fn empty_message_and_message_without_final_crlf() {
    for msg in [&b""[..], b"x", b"Subject: only headers\r\n"] {
        let (got, _) = relay_one(msg).await;
        assert_byte_identical(&got, msg);
    }
}

#[tokio::test]
async fn null_sender_and_many_recipients_keep_the_envelope() {
    let (sink, daemon, _dir) = setup().await;
    let mut c = Client::connect(daemon.addr).await;
    c.cmd("EHLO p").await;
    let rcpts: Vec<String> = (0..30).map(|i| format!("r{i}@council.example")).collect();
    let refs: Vec<&str> = rcpts.iter().map(String::as_str).collect();
    let reply = c
        .send_message("", &refs, b"Subject: bounce\r\n\r\nx\r\n")
        .await;
    assert!(reply.starts_with("250"), "{reply}");
    let got = sink.wait_for(1).await.remove(0);
    assert_eq!(got.sender, "");
    assert_eq!(got.recipients, rcpts);
    daemon.stop().await;
}

#[tokio::test]
async fn pipelined_commands_get_replies_in_order() {
    let (sink, daemon, _dir) = setup().await;
    let mut c = Client::connect(daemon.addr).await;
    assert!(c.cmd("EHLO p").await.contains("PIPELINING"));
    c.send_raw(b"MAIL FROM:<a@mail.example>\r\nRCPT TO:<x@council.example>\r\nRCPT TO:<y@council.example>\r\nDATA\r\n")
        .await;
    assert!(c.reply().await.starts_with("250 2.1.0"));
    assert!(c.reply().await.starts_with("250 2.1.5"));
    assert!(c.reply().await.starts_with("250 2.1.5"));
    assert!(c.reply().await.starts_with("354"));
    c.send_raw(b"Subject: p\r\n\r\nbody\r\n.\r\nQUIT\r\n").await;
    assert!(c.reply().await.starts_with("250 2.0.0"));
    assert!(c.reply().await.starts_with("221"));
    assert_eq!(sink.wait_for(1).await[0].recipients.len(), 2);
    daemon.stop().await;
}

#[tokio::test]
async fn second_transaction_on_the_same_connection() {
    let (sink, daemon, _dir) = setup().await;
    let mut c = Client::connect(daemon.addr).await;
    c.cmd("EHLO p").await;
    for i in 0..3 {
        let r = c
            .send_message(
                "a@mail.example",
                &["x@council.example"],
                format!("Subject: {i}\r\n\r\n{i}\r\n").as_bytes(),
            )
            .await;
        assert!(r.starts_with("250"), "{r}");
    }
    assert_eq!(sink.wait_for(3).await.len(), 3);
    daemon.stop().await;
}

#[tokio::test]
async fn oversized_message_is_552_and_the_session_goes_on() {
    let sink = Sink::start().await;
    let dir = tempfile::tempdir().unwrap();
    let mut config = test_config(sink.addr, dir.path());
    config.limits.max_message_size = 10_000;
    let daemon = Daemon::start(config).await;
    let mut c = Client::connect(daemon.addr).await;
    assert!(c.cmd("EHLO p").await.contains("SIZE 10000"));
    assert!(
        c.cmd("MAIL FROM:<a@mail.example> SIZE=20000")
            .await
            .starts_with("552 5.3.4")
    );
    let big = vec![b'y'; 30_000];
    let r = c
        .send_message("a@mail.example", &["x@council.example"], &big)
        .await;
    assert!(r.starts_with("552 5.3.4"), "{r}");
    let r = c
        .send_message("a@mail.example", &["x@council.example"], b"small\r\n")
        .await;
    assert!(r.starts_with("250"), "{r}");
    assert_eq!(sink.wait_for(1).await.len(), 1);
    daemon.stop().await;
}

#[tokio::test]
async fn errors_get_500_501_503() {
    let (_sink, daemon, _dir) = setup().await;
    let mut c = Client::connect(daemon.addr).await;
    assert!(
        c.cmd("MAIL FROM:<a@b.example>")
            .await
            .starts_with("503 5.5.1")
    );
    assert!(c.cmd("HELLO").await.starts_with("500 5.5.2"));
    assert!(c.cmd("EHLO p").await.starts_with("250"));
    assert!(c.cmd("MAIL FROM:a@b").await.starts_with("501"));
    assert!(
        c.cmd("RCPT TO:<x@council.example>")
            .await
            .starts_with("503")
    );
    let long = format!("NOOP {}", "x".repeat(10_000));
    assert!(c.cmd(&long).await.starts_with("500 5.5.2"));
    assert!(
        c.cmd("NOOP").await.starts_with("250"),
        "session continues after a long line"
    );
    daemon.stop().await;
}

#[tokio::test]
async fn downstream_down_is_451_never_250() {
    // Bind then drop, so the port is very likely closed.
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let daemon = Daemon::start(test_config(closed, dir.path())).await;
    let mut c = Client::connect(daemon.addr).await;
    c.cmd("EHLO p").await;
    let r = c
        .send_message(
            "a@mail.example",
            &["x@council.example"],
            b"Subject: x\r\n\r\nx\r\n",
        )
        .await;
    assert!(r.starts_with("451 4.4.1"), "{r}");
    daemon.stop().await;
}

#[tokio::test]
async fn regression_downstream_4xx_is_451_and_5xx_is_held_not_bounced() {
    // Issue 12: a 5xx for one recipient was held but a 5xx for the whole message was bounced.
    // One rule now: a permanent refusal is held for an officer (a bounce to a forged sender is
    // backscatter); a temporary one for everyone is a 451, so Postfix retries.
    let (sink, daemon, dir) = setup().await;
    let mut c = Client::connect(daemon.addr).await;
    c.cmd("EHLO p").await;
    sink.rules.lock().unwrap().data = Some("452 4.3.1 insufficient storage".into());
    let r = c
        .send_message("a@mail.example", &["x@council.example"], b"x\r\n")
        .await;
    assert!(r.starts_with("451 4.4.1"), "{r}");
    sink.rules.lock().unwrap().data = Some("554 5.7.1 rejected by policy".into());
    let r = c
        .send_message("a@mail.example", &["x@council.example"], b"x\r\n")
        .await;
    assert!(
        r.starts_with("250") && r.ends_with("held for x@council.example"),
        "{r}"
    );
    assert!(sink.received().is_empty());
    daemon.stop().await;
    let store = reopen(&dir.path().join("data")).await;
    let held = store.held().unwrap();
    assert_eq!(held.len(), 1);
    assert_eq!(held[0].action.as_str(), "hold");
    let refusal = &held[0].refusals[0];
    assert_eq!(refusal.recipient, "x@council.example");
    assert_eq!(refusal.code, Some(554));
    assert!(
        refusal.permanent && refusal.text.contains("rejected by policy"),
        "{refusal:?}"
    );
}

#[tokio::test]
async fn one_refused_recipient_does_not_lose_the_others() {
    let (sink, daemon, dir) = setup().await;
    let mut c = refusing_gone(&sink, &daemon).await;
    let r = c
        .send_message(
            "a@mail.example",
            &[
                "x@council.example",
                "gone@council.example",
                "y@council.example",
            ],
            b"Subject: s\r\n\r\nx\r\n",
        )
        .await;
    assert!(
        r.starts_with("250") && r.contains("held for gone@council.example"),
        "{r}"
    );
    // One transaction, one copy, for the recipients the downstream took.
    let got = sink.wait_for(1).await;
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert_eq!(sink.received().len(), 1);
    assert_eq!(
        got[0].recipients,
        vec!["x@council.example", "y@council.example"]
    );
    daemon.stop().await;
    let store = reopen(&dir.path().join("data")).await;
    let held = store.held().unwrap();
    assert_eq!(held.len(), 1);
    assert_eq!(held[0].recipients, vec!["gone@council.example"]);
    assert!(
        held[0].reasons[0].contains("no such user"),
        "{:?}",
        held[0].reasons
    );
}

#[tokio::test]
async fn regression_a_single_permanently_refused_recipient_is_held_not_bounced() {
    let (sink, daemon, _dir) = setup().await;
    let mut c = refusing_gone(&sink, &daemon).await;
    let r = c
        .send_message("a@mail.example", &["gone@council.example"], b"x\r\n")
        .await;
    assert!(
        r.starts_with("250") && r.ends_with("held for gone@council.example"),
        "{r}"
    );
    daemon.stop().await;
}

#[tokio::test]
async fn hold_all_stores_durably_and_delivers_nothing() {
    let sink = Sink::start().await;
    let dir = tempfile::tempdir().unwrap();
    let mut config = test_config(sink.addr, dir.path());
    config.hold_all = true;
    let daemon = Daemon::start(config).await;
    let mut c = Client::connect(daemon.addr).await;
    c.cmd("EHLO p").await;
    let msg = b"Message-ID: <m1@mail.example>\r\nSubject: held\r\n\r\nbody\r\n";
    let r = c
        .send_message("a@mail.example", &["x@council.example"], msg)
        .await;
    assert!(r.starts_with("250 2.0.0") && r.ends_with("held"), "{r}");
    daemon.stop().await;
    assert!(sink.received().is_empty());
    let store = reopen(&dir.path().join("data")).await;
    let held = store.held().unwrap();
    assert_eq!(held.len(), 1);
    assert_eq!(held[0].message_id.as_deref(), Some("m1@mail.example"));
    assert!(held[0].reasons[0].contains("hold_all"));
    assert_eq!(store.held_body(&held[0].id).unwrap(), msg);
}

#[tokio::test]
async fn idle_connection_times_out_with_421() {
    let sink = Sink::start().await;
    let dir = tempfile::tempdir().unwrap();
    let mut config = test_config(sink.addr, dir.path());
    config.limits.command_timeout = Duration::from_millis(300);
    let daemon = Daemon::start(config).await;
    let mut c = Client::connect(daemon.addr).await;
    let rest = c.read_to_end().await;
    assert!(rest.starts_with("421 4.4.2"), "{rest}");
    daemon.stop().await;
}

#[tokio::test]
async fn shutdown_answers_421_to_idle_sessions_and_finishes_transactions() {
    let (sink, daemon, _dir) = setup().await;
    let mut idle = Client::connect(daemon.addr).await;
    idle.cmd("EHLO p").await;
    let mut busy = Client::connect(daemon.addr).await;
    busy.cmd("EHLO p").await;
    busy.cmd("MAIL FROM:<a@mail.example>").await;
    busy.cmd("RCPT TO:<x@council.example>").await;
    busy.cmd("DATA").await;
    busy.send_raw(b"Subject: in flight\r\n\r\npart one\r\n")
        .await;
    let stopping = tokio::spawn(daemon.stop());
    assert!(idle.read_to_end().await.starts_with("421 4.3.2"));
    tokio::time::sleep(Duration::from_millis(100)).await;
    busy.send_raw(b"part two\r\n.\r\n").await;
    let r = busy.reply().await;
    assert!(r.starts_with("250"), "transaction in flight finished: {r}");
    stopping.await.unwrap();
    assert_eq!(sink.received().len(), 1);
}

/// Makes the sink refuse gone@council.example and returns a greeted client.
async fn refusing_gone(sink: &Sink, daemon: &Daemon) -> Client {
    sink.rules.lock().unwrap().rcpt.insert(
        "gone@council.example".into(),
        "550 5.1.1 no such user".into(),
    );
    let mut c = Client::connect(daemon.addr).await;
    c.cmd("EHLO p").await;
    c
}

#[tokio::test]
async fn regression_crlf_dot_cr_cr_lf_does_not_end_data() {
    // Found in review: smtp-proto's receiver ended DATA here, so the next line ran as a command.
    let (sink, daemon, _dir) = setup().await;
    let mut c = Client::connect(daemon.addr).await;
    c.cmd("EHLO p").await;
    c.cmd("MAIL FROM:<a@mail.example>").await;
    c.cmd("RCPT TO:<x@council.example>").await;
    c.cmd("DATA").await;
    c.send_raw(b"Subject: s\r\n\r\nline1\r\n.\r\r\nMAIL FROM:<evil@x.example>\r\n.\r\n")
        .await;
    let r = c.reply().await;
    assert!(r.starts_with("250 2.0.0"), "{r}");
    let got = sink.wait_for(1).await.remove(0);
    let (_, rest) = strip_prepended(&got.data);
    assert_eq!(
        rest,
        b"Subject: s\r\n\r\nline1\r\n\r\r\nMAIL FROM:<evil@x.example>\r\n"
    );
    assert!(
        c.cmd("NOOP").await.starts_with("250"),
        "no stray replies queued"
    );
    daemon.stop().await;
}

#[tokio::test]
async fn regression_a_client_that_stops_reading_is_dropped() {
    // Found in review: replies were written without a timeout, so a client flooding commands
    // without reading held its connection slot for ever.
    let sink = Sink::start().await;
    let dir = tempfile::tempdir().unwrap();
    let mut config = test_config(sink.addr, dir.path());
    config.limits.command_timeout = Duration::from_millis(500);
    let daemon = Daemon::start(config).await;
    let stream = tokio::net::TcpStream::connect(daemon.addr).await.unwrap();
    let (_read_half, mut write_half) = stream.into_split();
    use tokio::io::AsyncWriteExt;
    let flood = b"NOOP\r\n".repeat(10_000);
    let closed = tokio::time::timeout(Duration::from_secs(30), async {
        loop {
            if write_half.write_all(&flood).await.is_err() {
                return;
            }
        }
    })
    .await;
    assert!(
        closed.is_ok(),
        "the daemon kept the connection of a client that never reads"
    );
    daemon.stop().await;
}

#[tokio::test]
async fn regression_quoted_addresses_are_reinjected_as_written() {
    // Found in review: smtp-proto unquoted "john smith"@example.com, which lettre then refused,
    // and the message was bounced with a 553.
    let (sink, daemon, _dir) = setup().await;
    let mut c = Client::connect(daemon.addr).await;
    c.cmd("EHLO p").await;
    let r = c
        .send_message(
            "\"john smith\"@mail.example",
            &["\"a..b\"@council.example"],
            b"Subject: q\r\n\r\nx\r\n",
        )
        .await;
    assert!(r.starts_with("250") && r.ends_with("delivered"), "{r}");
    let got = sink.wait_for(1).await.remove(0);
    assert_eq!(got.sender, "\"john smith\"@mail.example");
    assert_eq!(got.recipients, vec!["\"a..b\"@council.example"]);
    daemon.stop().await;
}

#[tokio::test]
async fn an_address_that_cannot_be_reinjected_is_held_not_bounced() {
    let (sink, daemon, dir) = setup().await;
    let mut c = Client::connect(daemon.addr).await;
    c.cmd("EHLO p").await;
    // Accepted by RFC 5321 without a domain, but not something lettre can send to.
    let r = c
        .send_message(
            "a@mail.example",
            &["Postmaster"],
            b"Subject: p\r\n\r\nx\r\n",
        )
        .await;
    assert!(
        r.starts_with("250") && r.ends_with("held for Postmaster"),
        "{r}"
    );
    daemon.stop().await;
    assert!(sink.received().is_empty());
    let store = reopen(&dir.path().join("data")).await;
    let held = store.held().unwrap();
    assert!(
        held[0].reasons[0].contains("Postmaster"),
        "{:?}",
        held[0].reasons
    );
}

#[tokio::test]
async fn a_large_message_is_parsed_off_the_async_workers_and_relayed_intact() {
    let mut msg = b"Subject: big\r\nContent-Type: text/plain\r\n\r\n".to_vec();
    for i in 0..20_000 {
        msg.extend_from_slice(
            format!("line {i} of a long complaint about the bins.\r\n").as_bytes(),
        );
    }
    assert!(msg.len() > 256 * 1024);
    let (got, _) = relay_one(&msg).await;
    assert_byte_identical(&got, &msg);
}

#[tokio::test]
async fn regression_a_restarted_downstream_does_not_defer_the_next_messages() {
    // Issue 13: a pooled connection the downstream had closed was used again and failed
    // ("incomplete response"), so the next message per pooled connection got 451 and Postfix
    // deferred it for minutes. A reused connection that fails before anything was accepted is
    // now retried once on a fresh one.
    let (sink, daemon, _dir) = setup().await;
    let send = |n: usize| async move {
        let mut c = Client::connect(daemon.addr).await;
        c.cmd("EHLO p").await;
        let msg = format!("Subject: {n}\r\n\r\nx\r\n");
        c.send_message("a@mail.example", &["x@council.example"], msg.as_bytes())
            .await
    };
    // Two connections in the pool.
    let (a, b) = tokio::join!(send(1), send(2));
    assert!(a.starts_with("250") && b.starts_with("250"), "{a} {b}");
    let sink = sink.restart().await;
    for n in 3..6 {
        let r = send(n).await;
        assert!(r.starts_with("250") && r.ends_with("delivered"), "{r}");
    }
    assert_eq!(sink.wait_for(5).await.len(), 5);
    daemon.stop().await;
}

#[tokio::test]
async fn idle_reinjection_connections_are_closed_after_the_idle_timeout() {
    // Issue 13: an idle pool held the reinjection smtpd's processes, and other clients of the
    // port waited for them.
    use std::sync::atomic::Ordering::SeqCst;
    let sink = Sink::start().await;
    let out = contactgate::outbound::Outbound::with_idle_timeout(
        sink.addr,
        "gate.test",
        Duration::from_secs(5),
        4,
        Duration::from_millis(300),
    );
    out.send(
        "a@mail.example",
        &["x@council.example".into()],
        b"",
        b"Subject: s\r\n\r\nx\r\n",
    )
    .await
    .unwrap();
    sink.wait_for(1).await;
    assert_eq!(sink.open.load(SeqCst), 1, "pooled after the send");
    let mut closed = false;
    for _ in 0..100 {
        if sink.open.load(SeqCst) == 0 {
            closed = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(closed, "the idle connection was closed");
}
