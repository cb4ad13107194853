//! What each stage of a message's analysis costs on the relay benchmark's body.
//!
//! `cargo bench --bench stages`. One thread; a 10 KB message with the body `smtp-source -l
//! 10240` sends (lines of a digit and 77 `X`s, the load of `bench/relay.sh`), each stage run
//! 3,000 times a round, three rounds. It shows where the daemon's CPU per relayed message goes
//! beyond the relay itself: the parse, the fingerprint (every sender's, for the history), the
//! decision (the abuse scan and the policy), and the copies around them.

use std::hint::black_box;
use std::time::Instant;

use contactgate::message::{Message, rename_own_headers};
use contactgate::novelty::Fingerprint;
use contactgate::outbound::wire_form;
use contactgate::policy::{Observed, PolicySettings, decide, identify};
use contactgate::rules::MatchSettings;
use contactgate::ruleset::RuleSet;
use contactgate::smtp::Envelope;

/// The daemon's allocator (`src/main.rs`), so the figures are the daemon's.
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// The message `smtp-source -l 10240` sends, with ordinary headers in front.
fn relay_message() -> Vec<u8> {
    let mut body = vec![b'X'; 10240];
    for i in (80..10240).step_by(80) {
        body[i - 80] = b"0123456789"[(i / 80) % 10];
        body[i - 2] = b'\r';
        body[i - 1] = b'\n';
    }
    let mut raw = b"From: a@b.example\r\nTo: c@d.example\r\nSubject: test\r\n\
        Message-ID: <1@b.example>\r\nDate: Mon, 5 Jan 2026 10:00:00 +0000\r\n\r\n"
        .to_vec();
    raw.extend_from_slice(&body);
    raw
}

/// Mean µs per call of `f` over `n` calls.
fn per_call(n: usize, mut f: impl FnMut()) -> f64 {
    let t = Instant::now();
    for _ in 0..n {
        f();
    }
    t.elapsed().as_secs_f64() * 1e6 / n as f64
}

fn main() {
    let raw = relay_message();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let rules =
        RuleSet::load(&root.join("rules"), MatchSettings::default()).expect("shipped rules");
    let envelope = Envelope {
        sender: "a@b.example".into(),
        recipients: vec!["c@d.example".into()],
        ..Envelope::default()
    };
    let settings = PolicySettings::default();
    let now = time::OffsetDateTime::now_utc();
    let message = Message::parse(&raw).expect("parses");
    let council = |_: &str| false;
    let n = 3000;
    println!(
        "stages: one {}-byte message, µs per call, {n} calls a round",
        raw.len()
    );
    for round in 1..=3 {
        let parse = per_call(n, || {
            black_box(Message::parse(black_box(&raw)).ok());
        });
        let fingerprint = per_call(n, || {
            black_box(Fingerprint::of_with(&message, &rules.novelty, &council));
        });
        // The daemon's identify, observe (the words' flags) and decide steps.
        let decide = per_call(n, || {
            let identity = identify(&message, &envelope, &rules.restrictions, &rules.monitoring);
            black_box(decide(
                &message,
                &envelope,
                &rules.restrictions,
                &settings,
                now,
                Observed {
                    identity: &identity,
                    flags: rules.detector.message_flags(&message),
                    novelty: None,
                },
            ));
        });
        let copies = per_call(n, || {
            black_box(rename_own_headers(black_box(&raw)));
            black_box(wire_form(b"X-Contactgate: delivered\r\n", black_box(&raw)));
        });
        println!(
            "round {round}: parse {parse:.1}, fingerprint {fingerprint:.1}, decision (abuse scan \
             and policy) {decide:.1}, renaming and wire copy {copies:.1}; analysis in all {:.1}",
            parse + fingerprint + decide + copies
        );
    }
}
