//! Property-based fuzz tests (proptest) of the code that reads what a sender controls: the SMTP
//! command state machine, the DATA reader, and the whole analysis of a message (parse, flags,
//! novelty, policy) on arbitrary bytes and on generated hostile MIME and HTML.
//!
//! A coverage-guided fuzzer needs a nightly toolchain; proptest runs on stable, shrinks a
//! failure to a small input and prints it. Each property keeps its own invariants next to it.
//!
//! Plain `cargo test` runs a bounded number of cases (a few seconds in debug). For a long run:
//!
//! ```text
//! PROPTEST_CASES=20000 FUZZ_MAX_DEPTH=2000 cargo test --release --test fuzz
//! ```
//!
//! `PROPTEST_CASES` sets the cases of every property; `FUZZ_MAX_DEPTH` the deepest generated
//! HTML nesting (default 200: the analysis of nested HTML is quadratic today, issue 12);
//! `FUZZ_MAX_SIZE` the largest generated HTML repeat count (default 300).

use std::path::Path;
use std::sync::OnceLock;

use contactgate::explain::explain_with;
use contactgate::flags::header_value;
use contactgate::message::Message;
use contactgate::novelty::{Fingerprint, MemoryHistory, assess};
use contactgate::policy::PolicySettings;
use contactgate::rules::{MatchSettings, Rules};
use contactgate::ruleset::RuleSet;
use contactgate::smtp::Reply;
use contactgate::smtp::data::DataReader;
use contactgate::smtp::session::{Limits, Session, Step};
use proptest::prelude::*;
use proptest::test_runner::Config;
use time::OffsetDateTime;

// ------------------------------------------------------------------------------ settings ---

/// `default` cases, unless `PROPTEST_CASES` says otherwise. (`Config::with_cases` would
/// override the environment, so a long run could not raise it.)
fn config(default: u32) -> Config {
    let mut c = Config::default();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        c.cases = default;
    }
    // A failure in the slow analysis must not spend the whole run shrinking.
    c.max_shrink_time = 120_000;
    c
}

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Deepest generated HTML nesting.
fn max_depth() -> usize {
    env_usize("FUZZ_MAX_DEPTH", 200)
}

/// Largest generated repeat count (CSS rules, spans, attribute kilobytes, header lines).
fn max_size() -> usize {
    env_usize("FUZZ_MAX_SIZE", 300)
}

// ---------------------------------------------------------------------- 1. SMTP session ---

/// Small limits, so that fuzzing reaches them.
fn limits() -> Limits {
    Limits {
        max_message_size: 10_000,
        max_recipients: 4,
        max_command_line: 512,
        max_errors: 6,
        ..Limits::default()
    }
}

/// A reply's wire form: every line `CODE-` or `CODE ` then text, one CRLF at its end and no
/// other CR or LF, so nothing a client sent can break the framing.
fn check_reply(reply: &Reply) -> Result<(), TestCaseError> {
    prop_assert!(
        (200..=599).contains(&reply.code),
        "reply code {}",
        reply.code
    );
    let wire = reply.to_bytes();
    prop_assert!(wire.ends_with(b"\r\n"), "{wire:?}");
    let lines: Vec<&[u8]> = wire[..wire.len() - 2].split(|&b| b == b'\n').collect();
    let code = reply.code.to_string();
    for (i, line) in lines.iter().enumerate() {
        let last = i + 1 == lines.len();
        let line = if last {
            *line
        } else {
            prop_assert!(line.ends_with(b"\r"), "bare LF in {wire:?}");
            &line[..line.len() - 1]
        };
        prop_assert!(!line.contains(&b'\r'), "bare CR in {wire:?}");
        prop_assert!(line.starts_with(code.as_bytes()), "{wire:?}");
        prop_assert_eq!(line.get(3), Some(if last { &b' ' } else { &b'-' }));
        prop_assert!(line.len() <= 1000, "reply line of {} bytes", line.len());
    }
    Ok(())
}

/// What the client has had accepted, as the replies tell it: the model the session's
/// transactions are checked against.
#[derive(Default)]
struct Accepted {
    mail: bool,
    recipients: usize,
}

impl Accepted {
    /// Updates the model after `line` was answered `code`.
    fn answered(&mut self, line: &[u8], code: u16) {
        if code != 250 {
            return;
        }
        let verb: Vec<u8> = line
            .iter()
            .skip_while(|b| b.is_ascii_whitespace())
            .take_while(|b| !b.is_ascii_whitespace() && **b != b':')
            .map(u8::to_ascii_uppercase)
            .collect();
        match verb.as_slice() {
            b"MAIL" => {
                *self = Accepted {
                    mail: true,
                    recipients: 0,
                }
            }
            b"RCPT" => self.recipients += 1,
            b"RSET" | b"EHLO" | b"HELO" => *self = Accepted::default(),
            _ => {}
        }
    }
}

/// Drives a session as `connection.rs` does, one line at a time, and checks every step:
/// valid replies, DATA only after an accepted MAIL and RCPT, transactions matching what was
/// accepted and within the limits, and nothing after a close.
fn drive(lines: &[Vec<u8>], data: &[u8], abort_data: bool) -> Result<(), TestCaseError> {
    let limits = limits();
    let mut session = Session::new("mx.fuzz.example", None, limits.clone());
    check_reply(&session.greeting())?;
    let mut model = Accepted::default();
    for line in lines {
        let step = if line.len() > limits.max_command_line {
            session.line_too_long()
        } else {
            session.command(line)
        };
        match step {
            Step::Reply(reply) => {
                check_reply(&reply)?;
                prop_assert!(!reply.closes_connection(), "{reply:?} without closing");
                model.answered(line, reply.code);
            }
            Step::Close(reply) => {
                check_reply(&reply)?;
                prop_assert!(reply.closes_connection(), "close with {reply:?}");
                return Ok(());
            }
            Step::StartData(reply) => {
                check_reply(&reply)?;
                prop_assert_eq!(reply.code, 354);
                prop_assert!(model.mail, "DATA without an accepted MAIL: {lines:?}");
                prop_assert!(model.recipients > 0, "DATA without an accepted RCPT");
                if abort_data {
                    session.abort_data();
                } else {
                    let t = session.finish_data(data.to_vec());
                    let Some(t) = t else {
                        return Err(TestCaseError::fail("no transaction after 354"));
                    };
                    prop_assert_eq!(t.envelope.recipients.len(), model.recipients);
                    prop_assert!(t.envelope.recipients.len() <= limits.max_recipients);
                    prop_assert!(t.envelope.recipients.iter().all(|r| !r.is_empty()));
                    prop_assert_eq!(t.data.as_slice(), data);
                }
                // Either way the transaction is over: a second one is needed for more.
                prop_assert!(session.finish_data(Vec::new()).is_none());
                model = Accepted::default();
            }
        }
    }
    Ok(())
}

/// Bytes a fuzzer likes in SMTP parameters: separators, brackets, quotes, escapes, NUL, 8-bit.
fn odd_text(max: usize) -> impl Strategy<Value = Vec<u8>> {
    let byte = prop_oneof![
        4 => proptest::char::range('a', 'z').prop_map(|c| c as u8),
        1 => proptest::sample::select(
            b" <>\"\\:=@+.,;[]()\t\r\n\x00\x7f\xff\xc3\xa9-_/%".to_vec()
        ),
        1 => any::<u8>(),
    ];
    proptest::collection::vec(byte, 0..max)
}

/// An address, well formed or not.
fn address() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        3 => ("[a-z.]{1,12}", "[a-z]{1,10}").prop_map(|(l, d)| format!("{l}@{d}.example").into_bytes()),
        1 => Just(b"".to_vec()),
        1 => Just(b"Postmaster".to_vec()),
        1 => Just(b"\"john >smith\"@x.example".to_vec()),
        1 => Just("jos\u{e9}@\u{e9}xample.example".as_bytes().to_vec()),
        2 => odd_text(40),
    ]
}

/// ESMTP parameters, sensible and not: SIZE (huge, negative, empty), BODY, SMTPUTF8, junk.
fn mail_params() -> impl Strategy<Value = Vec<u8>> {
    let param = prop_oneof![
        Just(b" SIZE=1000".to_vec()),
        Just(b" SIZE=99999999999999999999999".to_vec()),
        Just(b" SIZE=-1".to_vec()),
        Just(b" SIZE=".to_vec()),
        Just(b" SIZE=20000".to_vec()),
        Just(b" BODY=8BITMIME".to_vec()),
        Just(b" BODY=BINARYMIME".to_vec()),
        Just(b" SMTPUTF8".to_vec()),
        Just(b" RET=HDRS ENVID=x+2Ay".to_vec()),
        Just(b" NOTIFY=NEVER ORCPT=rfc822;x@y".to_vec()),
        odd_text(30).prop_map(|t| [b" ".as_slice(), &t].concat()),
    ];
    proptest::collection::vec(param, 0..4).prop_map(|ps| ps.concat())
}

/// A plausible command line, often with odd parameters, sometimes without its CRLF or with a
/// bare LF.
fn command() -> impl Strategy<Value = Vec<u8>> {
    let verb_case = prop_oneof![Just(0u8), Just(1), Just(2)];
    let body = prop_oneof![
        2 => odd_text(30).prop_map(|h| [b"EHLO ".as_slice(), &h].concat()),
        1 => odd_text(30).prop_map(|h| [b"HELO ".as_slice(), &h].concat()),
        1 => Just(b"EHLO".to_vec()),
        4 => (address(), mail_params()).prop_map(|(a, p)| [b"MAIL FROM:<".as_slice(), &a, b">", &p].concat()),
        1 => (address(), mail_params()).prop_map(|(a, p)| [b"MAIL FROM: ".as_slice(), &a, &p].concat()),
        1 => Just(b"MAIL FROM:<>".to_vec()),
        5 => (address(), mail_params()).prop_map(|(a, p)| [b"RCPT TO:<".as_slice(), &a, b">", &p].concat()),
        1 => address().prop_map(|a| [b"RCPT TO:".as_slice(), &a].concat()),
        3 => Just(b"DATA".to_vec()),
        1 => odd_text(10).prop_map(|t| [b"DATA ".as_slice(), &t].concat()),
        1 => Just(b"RSET".to_vec()),
        1 => Just(b"NOOP".to_vec()),
        1 => odd_text(20).prop_map(|t| [b"NOOP ".as_slice(), &t].concat()),
        1 => Just(b"QUIT".to_vec()),
        1 => odd_text(20).prop_map(|t| [b"VRFY ".as_slice(), &t].concat()),
        2 => proptest::collection::vec(
                (prop_oneof![
                    Just("NAME"), Just("ADDR"), Just("HELO"), Just("PROTO"), Just("IDENT"),
                    Just("SOURCE"), Just("PORT"), Just("BOGUS"), Just("")
                ], odd_text(20)),
                0..5,
            ).prop_map(|attrs| {
                let mut l = b"XFORWARD".to_vec();
                for (n, v) in attrs {
                    l.push(b' ');
                    l.extend_from_slice(n.as_bytes());
                    l.push(b'=');
                    l.extend_from_slice(&v);
                }
                l
            }),
        1 => Just(b"XFORWARD ADDR=[UNAVAILABLE] NAME=+41+42+4 IDENT=+ZZ".to_vec()),
        1 => (any::<u32>(), any::<bool>()).prop_map(|(n, last)| format!("BDAT {n}{}", if last { " LAST" } else { "" }).into_bytes()),
        1 => odd_text(10).prop_map(|t| [b"BDAT ".as_slice(), &t].concat()),
        1 => Just(b"STARTTLS".to_vec()),
        1 => Just(b"AUTH PLAIN AGFAAGI=".to_vec()),
        1 => odd_text(600),
        1 => (1usize..3000).prop_map(|n| [b"RCPT TO:<".as_slice(), &vec![b'a'; n], b"@x.example>"].concat()),
    ];
    let ending = prop_oneof![
        6 => Just(b"\r\n".to_vec()),
        1 => Just(b"\n".to_vec()),
        1 => Just(b"".to_vec()),
        1 => Just(b"\r\r\n".to_vec()),
    ];
    (verb_case, body, ending).prop_map(|(case, mut body, ending)| {
        // The verb in upper, lower or mixed case.
        let verb_len = body
            .iter()
            .position(|b| !b.is_ascii_alphabetic())
            .unwrap_or(body.len());
        for (i, b) in body[..verb_len].iter_mut().enumerate() {
            match case {
                1 => b.make_ascii_lowercase(),
                2 if i % 2 == 1 => b.make_ascii_lowercase(),
                _ => {}
            }
        }
        body.extend_from_slice(&ending);
        body
    })
}

/// A session that usually gets through EHLO, MAIL and RCPT before the odd part.
fn plausible_session() -> impl Strategy<Value = Vec<Vec<u8>>> {
    (any::<bool>(), proptest::collection::vec(command(), 0..30)).prop_map(|(greet, rest)| {
        let mut lines = Vec::new();
        if greet {
            lines.push(b"EHLO client.example\r\n".to_vec());
            lines.push(b"MAIL FROM:<a@x.example>\r\n".to_vec());
            lines.push(b"RCPT TO:<b@y.example>\r\n".to_vec());
        }
        lines.extend(rest);
        lines
    })
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn session_survives_arbitrary_lines(
        lines in proptest::collection::vec(proptest::collection::vec(any::<u8>(), 0..700), 0..40),
        data in proptest::collection::vec(any::<u8>(), 0..64),
        abort in any::<bool>(),
    ) {
        drive(&lines, &data, abort)?;
    }

    #[test]
    fn session_survives_plausible_commands(
        lines in plausible_session(),
        data in proptest::collection::vec(any::<u8>(), 0..64),
        abort in any::<bool>(),
    ) {
        drive(&lines, &data, abort)?;
    }
}

// ----------------------------------------------------------------------- 2. DATA reader ---

/// The reference reading of DATA, written from RFC 5321 section 4.5.2 rather than as a state
/// machine: lines end at CRLF only; the first line that is exactly `.` ends the data; a
/// leading dot of any other line is dropped. Returns the message and the bytes used, or `None`
/// when there is no end line.
fn reference_read(wire: &[u8]) -> Option<(Vec<u8>, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    while let Some(p) = wire[start..].windows(2).position(|w| w == b"\r\n") {
        let line = &wire[start..start + p + 2];
        if line == b".\r\n" {
            return Some((out, start + 3));
        }
        out.extend_from_slice(line.strip_prefix(b".").unwrap_or(line));
        start += p + 2;
    }
    None
}

/// Dot-stuffing as a client does it: a dot at the start of a line (after CRLF only) is
/// doubled, and the end line added (with a CRLF first if the message does not end in one).
fn stuff(message: &[u8]) -> Vec<u8> {
    let mut wire = Vec::with_capacity(message.len() + 8);
    let mut line_start = true;
    for (i, &b) in message.iter().enumerate() {
        if line_start && b == b'.' {
            wire.push(b'.');
        }
        wire.push(b);
        line_start = b == b'\n' && i > 0 && message[i - 1] == b'\r';
    }
    if !(message.is_empty() || message.ends_with(b"\r\n")) {
        wire.extend_from_slice(b"\r\n");
    }
    wire.extend_from_slice(b".\r\n");
    wire
}

/// Feeds `wire` in chunks of the given sizes (cycled). Returns what was appended and the
/// input used when the end was found.
fn feed_chunked(wire: &[u8], chunks: &[usize], sink: bool) -> (Vec<u8>, Option<usize>) {
    let mut reader = DataReader::default();
    let mut out = Vec::new();
    let mut pos = 0;
    let mut sizes = chunks.iter().cycle();
    while pos < wire.len() {
        let n = (*sizes.next().unwrap_or(&1)).max(1).min(wire.len() - pos);
        if let Some(used) = reader.feed(&wire[pos..pos + n], &mut out, sink) {
            return (out, Some(pos + used));
        }
        pos += n;
    }
    (out, None)
}

/// Bytes with CR, LF and dot common, so that line starts, stuffed dots and near-miss end
/// lines (`\n.\n`, `\r\n.\r\r\n`, `\r\n.\n`) turn up often.
fn wire_bytes(max: usize) -> impl Strategy<Value = Vec<u8>> {
    let byte = prop_oneof![
        3 => Just(b'\r'),
        3 => Just(b'\n'),
        3 => Just(b'.'),
        2 => proptest::char::range('a', 'c').prop_map(|c| c as u8),
        1 => any::<u8>(),
    ];
    let piece = prop_oneof![
        6 => byte.prop_map(|b| vec![b]),
        1 => Just(b"\r\n.\r\n".to_vec()),
        1 => Just(b"\r\n..\r\n".to_vec()),
        1 => Just(b"\n.\n".to_vec()),
        1 => Just(b"\r\n.\r\r\n".to_vec()),
        1 => Just(b"\r\n.\n".to_vec()),
    ];
    proptest::collection::vec(piece, 0..max).prop_map(|p| p.concat())
}

fn chunk_sizes() -> impl Strategy<Value = Vec<usize>> {
    proptest::collection::vec(prop_oneof![3 => 1usize..4, 1 => 1usize..200], 1..20)
}

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn data_reader_matches_the_reference_however_chunked(
        wire in wire_bytes(400),
        chunks in chunk_sizes(),
    ) {
        let (whole_out, whole_used) = feed_chunked(&wire, &[usize::MAX], true);
        let (out, used) = feed_chunked(&wire, &chunks, true);
        prop_assert_eq!(used, whole_used, "chunking changed where the data ends");
        prop_assert_eq!(&out, &whole_out, "chunking changed the message");
        match reference_read(&wire) {
            Some((message, end)) => {
                prop_assert_eq!(used, Some(end));
                prop_assert_eq!(&out, &message);
            }
            None => prop_assert_eq!(used, None, "ended without a CRLF.CRLF line"),
        }
        // A message over the size limit is read to the same end, and nothing is kept.
        let (sunk, sunk_used) = feed_chunked(&wire, &chunks, false);
        prop_assert!(sunk.is_empty());
        prop_assert_eq!(sunk_used, used);
    }

    #[test]
    fn data_reader_survives_arbitrary_bytes(
        wire in proptest::collection::vec(any::<u8>(), 0..2000),
        chunks in chunk_sizes(),
    ) {
        let (whole_out, whole_used) = feed_chunked(&wire, &[usize::MAX], true);
        let (out, used) = feed_chunked(&wire, &chunks, true);
        prop_assert_eq!(used, whole_used);
        prop_assert_eq!(out, whole_out);
    }

    #[test]
    fn dot_stuffing_round_trips(
        message in wire_bytes(400),
        next in proptest::collection::vec(any::<u8>(), 0..40),
        chunks in chunk_sizes(),
    ) {
        let wire = stuff(&message);
        let mut with_next = wire.clone();
        with_next.extend_from_slice(&next);
        let (out, used) = feed_chunked(&with_next, &chunks, true);
        let mut expected = message.clone();
        if !(message.is_empty() || message.ends_with(b"\r\n")) {
            expected.extend_from_slice(b"\r\n");
        }
        prop_assert_eq!(used, Some(wire.len()), "the end is the stuffed message's end line");
        prop_assert_eq!(out, expected);
    }
}

// -------------------------------------------------------------------- 3. the analysis ---

/// The shipped lexicon, templates, novelty and monitoring settings from `rules/`, with the
/// customers of the policy cases (`tests/policy/restrictions.toml`), so that every kind of
/// restriction is evaluated and not only the flags.
fn rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut rules = RuleSet::load(&root.join("rules"), MatchSettings::default()).unwrap();
        let path = root.join("tests/policy/restrictions.toml");
        let text = std::fs::read_to_string(&path).unwrap();
        rules.restrictions = Rules::parse(&text, "policy", MatchSettings::default()).unwrap();
        assert!(
            !rules.detector.is_empty(),
            "the shipped lexicon did not load"
        );
        rules
    })
}

/// Runs what the daemon runs on a message (`explain` is the same steps): parse, flags,
/// novelty fingerprint and assessment, decision. A panic anywhere fails the property; so does
/// a parse error, which is a parser panic caught by `Message::parse` (the daemon would answer
/// 451 to that message for ever).
fn analyse(raw: &[u8]) -> Result<(), TestCaseError> {
    let rules = rules();
    let now = OffsetDateTime::from_unix_timestamp(1_782_900_000).unwrap(); // a Wednesday, 10:00
    let message = match Message::parse(raw) {
        Ok(m) => m,
        Err(e) => return Err(TestCaseError::fail(format!("parse failed: {e}"))),
    };
    let novelty = &rules.novelty;
    let fingerprint = Fingerprint::of(&message, novelty);
    let mut history = MemoryHistory::default();
    let first = assess(&fingerprint, &history, novelty);
    prop_assert!(!first.had_history);
    history.record(&fingerprint, 1);
    let again = assess(&fingerprint, &history, novelty);
    // The same message a second time brings nothing new, unless it was too long to compare.
    if !again.truncated {
        prop_assert!(
            again.novel_sentences.is_empty() && again.new_attachments.is_empty(),
            "a repeat judged new: {again:?}"
        );
    }
    prop_assert!(!again.summary().contains('\n'));
    for text in [&message.own_text, &message.alt_text, &message.footer] {
        let flags = rules.detector.flags(message.subject.as_deref(), text);
        let header = header_value(&flags);
        prop_assert!(!header.contains(['\r', '\n']), "{header:?}");
    }
    let explained = explain_with(
        "fuzz",
        raw,
        None,
        &[],
        rules,
        &PolicySettings::default(),
        now,
        |m, _| {
            let f = Fingerprint::of(m, novelty);
            Some(assess(&f, &history, novelty))
        },
    );
    let e = match explained {
        Ok(e) => e,
        Err(e) => return Err(TestCaseError::fail(format!("explain failed: {e}"))),
    };
    prop_assert!(!header_value(&e.flags).contains(['\r', '\n']));
    Ok(())
}

/// A From: address: a restricted customer of the policy cases, or anyone.
fn from_address() -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::sample::select(vec![
            "a.letter@mail.example",
            "t.third@mail.example",
            "p.topic@mail.example",
            "s.staff@mail.example",
            "w.window@mail.example",
            "k.combined@mail.example",
            "n.new@mail.example",
            "o.overdue@mail.example",
        ])
        .prop_map(str::to_string),
        "[a-z]{1,8}@[a-z]{1,8}\\.example",
    ]
}

/// Text with the bytes that upset decoders: controls, NUL, 8-bit, `=`, `?`, `<`, `&`.
fn hostile_text(max: usize) -> impl Strategy<Value = String> {
    let c = prop_oneof![
        6 => proptest::char::range('a', 'z'),
        2 => Just(' '),
        1 => proptest::sample::select(vec![
            '\0', '\r', '\n', '\t', '\u{7}', '\u{1b}', '=', '?', '<', '>', '&', ';', '"', '\'',
            '\u{e9}', '\u{fffd}', '\u{202e}', '\u{200b}', '\u{1f4a9}', '.', '-', '_',
        ]),
        1 => any::<char>(),
    ];
    proptest::collection::vec(c, 0..max).prop_map(|v| v.into_iter().collect())
}

/// Words the shipped lexicon and the novelty code care about, so flags and sentences occur.
fn words() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        proptest::sample::select(vec![
            "I",
            "will",
            "kill",
            "you",
            "idiot",
            "please",
            "call",
            "me",
            "about",
            "the",
            "bin",
            "collection",
            "on",
            "Monday",
            "£250",
            "k1ll",
            "i.d.i.o.t",
            "Scunthorpe",
            "bloody",
            "council",
            "Dear",
            "Sir",
            "thanks",
            ".",
            ",",
            "\n",
            "\n\n",
            "> quoted",
            "-- ",
            "On Mon, 1 Jun 2026, X wrote:",
            "CONFIDENTIALITY NOTICE:",
            "Diolch",
            "Bore da",
        ]),
        0..40,
    )
    .prop_map(|w| w.join(" "))
}

/// An HTML body meant to hurt: deep nesting (closed or not), huge attributes, many CSS rules
/// against many classed spans, hidden text, entities and stray markup.
fn hostile_html() -> impl Strategy<Value = String> {
    let depth = max_depth();
    let size = max_size();
    let nested = (
        proptest::sample::select(vec![
            "ul",
            "ol",
            "li",
            "div",
            "table",
            "tr",
            "td",
            "span",
            "blockquote",
            "p",
            "font",
            "b",
            "a",
            "pre",
            "q",
            "sup",
            "details",
            "svg",
        ]),
        0..=depth,
        any::<bool>(),
        words(),
    )
        .prop_map(|(tag, n, closed, text)| {
            let mut h = String::with_capacity(n * (tag.len() * 2 + 6));
            for _ in 0..n {
                h.push_str(&format!("<{tag}>"));
            }
            h.push_str(&text);
            if closed {
                for _ in 0..n {
                    h.push_str(&format!("</{tag}>"));
                }
            }
            h
        });
    let mixed_nesting = proptest::collection::vec(
        proptest::sample::select(vec![
            "<ul><li>",
            "<div>",
            "<table><tr><td>",
            "<blockquote>",
            "</div>",
            "</td>",
            "<li>",
            "<p>",
        ]),
        0..=depth,
    )
    .prop_map(|v| v.concat());
    let huge_attribute = (
        1..=size,
        proptest::sample::select(vec!["title", "style", "href", "class", "data-x"]),
        words(),
    )
        .prop_map(|(kb, attr, text)| {
            let value = "x;".repeat(kb * 50);
            format!("<div {attr}=\"{value}\">{text}</div><img src=\"{value}")
        });
    let css = (0..=size, 0..=size, words()).prop_map(|(rules, spans, text)| {
        let mut h = String::from("<html><head><style>");
        for i in 0..rules {
            h.push_str(&format!(
                ".c{i} {{ color: red; display: {} }}\n",
                if i % 7 == 0 { "none" } else { "inline" }
            ));
        }
        h.push_str("</style></head><body>");
        for i in 0..spans {
            h.push_str(&format!(
                "<span class=\"c{} c{}\">w{i} </span>",
                i % rules.max(1),
                (i * 7) % rules.max(1)
            ));
        }
        h.push_str(&text);
        h.push_str("</body></html>");
        h
    });
    let hidden = (words(), words()).prop_map(|(shown, hid)| {
        format!("<p>{shown}</p><div style=\"display:none\">{hid}</div><blockquote>{hid}</blockquote><div class=\"gmail_quote\">{hid}</div>")
    });
    let junk = hostile_text(400).prop_map(|t| {
        format!("<p>{t}</p><style>{t}</style><{t}><!--{t}-->&#0;&#xD800;&#99999999;&bogus;")
    });
    prop_oneof![
        3 => nested,
        2 => mixed_nesting,
        1 => huge_attribute,
        2 => css,
        1 => hidden,
        2 => junk,
    ]
}

/// How a part's body is written on the wire: as is, base64 or quoted-printable, each well
/// formed or broken.
#[derive(Debug, Clone, Copy)]
enum Encoding {
    Plain,
    Base64,
    BadBase64,
    QuotedPrintable,
    BadQuotedPrintable,
}

fn encoding() -> impl Strategy<Value = Encoding> {
    prop_oneof![
        3 => Just(Encoding::Plain),
        1 => Just(Encoding::Base64),
        1 => Just(Encoding::BadBase64),
        1 => Just(Encoding::QuotedPrintable),
        1 => Just(Encoding::BadQuotedPrintable),
    ]
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for (n, chunk) in bytes.chunks(3).enumerate() {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let v = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(v >> (18 - 6 * i)) as usize & 63] as char);
            } else {
                out.push('=');
            }
        }
        if n % 19 == 18 {
            out.push_str("\r\n");
        }
    }
    out
}

fn quoted_printable(bytes: &[u8]) -> String {
    let mut out = String::new();
    let mut col = 0;
    for &b in bytes {
        if col > 70 {
            out.push_str("=\r\n");
            col = 0;
        }
        if b == b'\n' {
            out.push_str("\r\n");
            col = 0;
            continue;
        }
        if (33..=126).contains(&b) && b != b'=' {
            out.push(b as char);
            col += 1;
        } else {
            out.push_str(&format!("={b:02X}"));
            col += 3;
        }
    }
    out
}

fn encode(body: &str, encoding: Encoding) -> (&'static str, String) {
    match encoding {
        Encoding::Plain => ("8bit", body.to_string()),
        Encoding::Base64 => ("base64", base64(body.as_bytes())),
        // Wrong alphabet, stray padding, a cut group.
        Encoding::BadBase64 => (
            "base64",
            format!("{}=A=*&^%\r\n===\r\nQUJD{}", base64(body.as_bytes()), "Q"),
        ),
        Encoding::QuotedPrintable => ("quoted-printable", quoted_printable(body.as_bytes())),
        Encoding::BadQuotedPrintable => (
            "quoted-printable",
            format!(
                "{}=ZZ=\r\n=4=\r\n=E9=C3=",
                quoted_printable(body.as_bytes())
            ),
        ),
    }
}

/// A MIME part to be written out.
#[derive(Debug, Clone)]
enum Part {
    Leaf {
        content_type: &'static str,
        encoding: Encoding,
        body: String,
        name: Option<String>,
    },
    Multi {
        subtype: &'static str,
        boundary: Boundary,
        parts: Vec<Part>,
    },
    Attached(Box<Part>),
}

/// How a multipart's boundary is written.
#[derive(Debug, Clone, Copy)]
enum Boundary {
    Good,
    /// Declared, never used.
    Unused,
    /// Missing from the header.
    Undeclared,
    /// The same as the enclosing multipart's.
    SameAsParent,
    /// A prefix of the enclosing multipart's.
    Prefix,
    /// No closing delimiter.
    Unclosed,
    /// Empty.
    Empty,
}

fn boundary() -> impl Strategy<Value = Boundary> {
    prop_oneof![
        6 => Just(Boundary::Good),
        1 => Just(Boundary::Unused),
        1 => Just(Boundary::Undeclared),
        1 => Just(Boundary::SameAsParent),
        1 => Just(Boundary::Prefix),
        1 => Just(Boundary::Unclosed),
        1 => Just(Boundary::Empty),
    ]
}

fn leaf() -> impl Strategy<Value = Part> {
    let text = (words(), encoding()).prop_map(|(body, encoding)| Part::Leaf {
        content_type: "text/plain; charset=utf-8",
        encoding,
        body,
        name: None,
    });
    let html = (hostile_html(), encoding()).prop_map(|(body, encoding)| Part::Leaf {
        content_type: "text/html; charset=utf-8",
        encoding,
        body,
        name: None,
    });
    let odd = (
        proptest::sample::select(vec![
            "text/html; charset=\"x-unknown\"",
            "text/plain; charset=iso-2022-jp",
            "text/plain; charset=utf-16",
            "application/octet-stream",
            "image/png",
            "text/calendar",
            "message/delivery-status",
            ";;;",
        ]),
        hostile_text(300),
        encoding(),
        proptest::option::of(hostile_text(60)),
    )
        .prop_map(|(content_type, body, encoding, name)| Part::Leaf {
            content_type,
            encoding,
            body,
            name,
        });
    prop_oneof![2 => text, 3 => html, 1 => odd]
}

fn part() -> impl Strategy<Value = Part> {
    leaf().prop_recursive(6, 24, 4, |inner| {
        prop_oneof![
            3 => (
                proptest::sample::select(vec!["mixed", "alternative", "related", "report", "digest"]),
                boundary(),
                proptest::collection::vec(inner.clone(), 0..4),
            )
                .prop_map(|(subtype, boundary, parts)| Part::Multi { subtype, boundary, parts }),
            1 => inner.prop_map(|p| Part::Attached(Box::new(p))),
        ]
    })
}

/// Header fields to add: RFC 2047 words with control characters, long folded or unfolded
/// lines, NULs, duplicates, our own `X-Contactgate` names.
fn extra_headers() -> impl Strategy<Value = Vec<String>> {
    let size = max_size();
    let field = prop_oneof![
        (hostile_text(80)).prop_map(|t| format!(
            "Subject: =?utf-8?B?{}?= =?utf-8?Q?{}?=",
            base64(t.as_bytes()),
            quoted_printable(t.as_bytes()).replace("=\r\n", "")
        )),
        Just("Subject: =?utf-8?Q?a=00b=0D=0Ac=1B?= =?x-bogus?X?zz?= =?utf-8?B?!!!?=".to_string()),
        Just("From: =?utf-8?Q?Eve=0D=0ABcc:_x@y?= <eve@x.example>".to_string()),
        (1..=size).prop_map(|n| format!("X-Long: {}", "a".repeat(n * 100))),
        (1..=size).prop_map(|n| format!(
            "References: {}",
            (0..n)
                .map(|i| format!("<{i}@x>"))
                .collect::<Vec<_>>()
                .join("\r\n ")
        )),
        (1..=size).prop_map(|n| format!(
            "To: {}",
            (0..n)
                .map(|i| format!("u{i}@x.example"))
                .collect::<Vec<_>>()
                .join(", ")
        )),
        hostile_text(100).prop_map(|t| format!("X-Contactgate: {t}")),
        hostile_text(100).prop_map(|t| format!("Auto-Submitted: {t}")),
        hostile_text(100).prop_map(|t| format!("{t}: x")),
        Just("Content-Type: multipart/mixed".to_string()),
        Just("MIME-Version: 1.0\0".to_string()),
    ];
    proptest::collection::vec(field, 0..4)
}

/// Writes `part` (its header fields and body). `parent` is the enclosing boundary.
fn render(part: &Part, parent: &str, serial: &mut usize, out: &mut String) {
    *serial += 1;
    match part {
        Part::Leaf {
            content_type,
            encoding,
            body,
            name,
        } => {
            let (cte, body) = encode(body, *encoding);
            out.push_str(&format!("Content-Type: {content_type}"));
            if let Some(n) = name {
                out.push_str(&format!(
                    "; name=\"{n}\"\r\nContent-Disposition: attachment; filename*=utf-8''{n}"
                ));
            }
            out.push_str(&format!(
                "\r\nContent-Transfer-Encoding: {cte}\r\n\r\n{body}\r\n"
            ));
        }
        Part::Multi {
            subtype,
            boundary,
            parts,
        } => {
            let declared = match boundary {
                Boundary::SameAsParent => parent.to_string(),
                Boundary::Prefix => parent.get(..parent.len() / 2).unwrap_or("").to_string(),
                Boundary::Empty => String::new(),
                _ => format!("b{serial}_{}", "=_".repeat(*serial % 3)),
            };
            match boundary {
                Boundary::Undeclared => {
                    out.push_str(&format!("Content-Type: multipart/{subtype}\r\n\r\n"))
                }
                _ => out.push_str(&format!(
                    "Content-Type: multipart/{subtype}; boundary=\"{declared}\"\r\n\r\n"
                )),
            }
            out.push_str("preamble\r\n");
            let used = match boundary {
                Boundary::Unused => format!("other{serial}"),
                _ => declared.clone(),
            };
            for p in parts {
                out.push_str(&format!("--{used}\r\n"));
                render(p, &declared, serial, out);
            }
            if !matches!(boundary, Boundary::Unclosed) {
                out.push_str(&format!("--{used}--\r\nepilogue\r\n"));
            }
        }
        Part::Attached(inner) => {
            out.push_str("Content-Type: message/rfc822\r\n\r\n");
            out.push_str(&format!(
                "From: fwd{serial}@x.example\r\nSubject: Fwd {serial}\r\nMIME-Version: 1.0\r\n"
            ));
            render(inner, parent, serial, out);
        }
    }
}

/// A whole hostile message.
fn hostile_message() -> impl Strategy<Value = Vec<u8>> {
    (from_address(), extra_headers(), part(), any::<bool>()).prop_map(|(from, headers, part, nul)| {
        let mut m = format!(
            "From: Someone <{from}>\r\nTo: services@council.example\r\nSubject: fuzz\r\nMessage-ID: <fuzz@x.example>\r\nDate: Wed, 1 Jul 2026 10:00:00 +0100\r\nMIME-Version: 1.0\r\n"
        );
        for h in headers {
            m.push_str(&h);
            m.push_str("\r\n");
        }
        let mut serial = 0;
        render(&part, "", &mut serial, &mut m);
        let mut raw = m.into_bytes();
        if nul {
            let at = raw.len() / 2;
            raw.insert(at, 0);
        }
        raw
    })
}

/// A hostile HTML body alone, as the single part or as the HTML alternative.
fn hostile_html_message() -> impl Strategy<Value = Vec<u8>> {
    (from_address(), hostile_html(), any::<bool>(), encoding()).prop_map(|(from, html, alternative, enc)| {
        let (cte, body) = encode(&html, enc);
        let head = format!("From: {from}\r\nTo: services@council.example\r\nSubject: html\r\nMIME-Version: 1.0\r\n");
        let m = if alternative {
            format!("{head}Content-Type: multipart/alternative; boundary=\"alt\"\r\n\r\n--alt\r\nContent-Type: text/plain\r\n\r\nplain words\r\n--alt\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: {cte}\r\n\r\n{body}\r\n--alt--\r\n")
        } else {
            format!("{head}Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: {cte}\r\n\r\n{body}\r\n")
        };
        m.into_bytes()
    })
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn analysis_survives_arbitrary_bytes(raw in proptest::collection::vec(any::<u8>(), 0..4096)) {
        analyse(&raw)?;
    }

    #[test]
    fn analysis_survives_arbitrary_body(
        from in from_address(),
        body in proptest::collection::vec(any::<u8>(), 0..4096),
        ctype in proptest::sample::select(vec!["text/plain", "text/html", "multipart/mixed; boundary=x", "message/rfc822"]),
    ) {
        let mut raw = format!("From: {from}\r\nTo: a@b.example\r\nContent-Type: {ctype}\r\n\r\n").into_bytes();
        raw.extend_from_slice(&body);
        analyse(&raw)?;
    }

    #[test]
    fn analysis_survives_hostile_mime(raw in hostile_message()) {
        analyse(&raw)?;
    }

    #[test]
    fn analysis_survives_hostile_html(raw in hostile_html_message()) {
        analyse(&raw)?;
    }
}
