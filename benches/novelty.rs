//! "New information only": the decision's cost against the size of a customer's history.
//!
//! `cargo bench --bench novelty`. One thread. A store on disk gets 10,000 earlier messages from
//! one customer (distinct synthetic complaints of about 100 words each); then, in alternating
//! rounds, the decision for one message (fingerprint, history lookups, assessment, the closest
//! earlier message) is timed against that history and against an empty one. Target: at most
//! 2 ms with 10,000 earlier messages. Also reports the cost of adding a message to the history.
//!
//! First, the fingerprint alone (issue 13: at most 60 µs of CPU per 10 KB message), on (a) the
//! body `smtp-source -l 10240` sends, as the relay benchmark does, and (b) the real mail of
//! `tests/corpus/**/*.eml`, per 10 KB of raw message. `cargo bench --bench novelty --
//! fingerprint` runs this part only.

use std::hint::black_box;
use std::time::Instant;

use contactgate::message::Message;
use contactgate::novelty::{Earlier, Fingerprint, Settings, assess};
use contactgate::store::Store;

/// The daemon's allocator (`src/main.rs`), so the figures are the daemon's.
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

const HISTORY: usize = 10_000;
const ROUNDS: usize = 21;
const PER_ROUND: usize = 200;

struct Words(u64);

impl Words {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A pseudo-word: 5 to 9 random letters, so distinct words differ in their first five
    /// letters (which is how the fingerprint knows a word), as distinct English words mostly do.
    fn word(&mut self) -> String {
        let n = self.next();
        (0..5 + (n % 5) as usize)
            .map(|i| (b'a' + ((n >> (5 * i + 3)) % 26) as u8) as char)
            .collect()
    }

    fn complaint(&mut self, sentences: usize) -> String {
        let mut out = String::new();
        for _ in 0..sentences {
            let words: Vec<String> = (0..12).map(|_| self.word()).collect();
            out.push_str(&words.join(" "));
            out.push_str(".\r\n");
        }
        out
    }
}

fn message(body: &str, n: usize) -> Message {
    let raw = format!(
        "From: customer@mail.example\r\nTo: housing@council.example\r\nSubject: Complaint {n}\r\nMessage-ID: <{n}@mail.example>\r\n\r\n{body}"
    );
    Message::parse(raw.as_bytes()).unwrap()
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

/// The body `smtp-source -l 10240` sends (captured with `smtp-sink -D`): lines of 78
/// characters, a digit (the line number modulo 10) then `X`s, each ended by CRLF, and a last
/// run of `X`s.
fn smtp_source_body(length: usize) -> String {
    let mut body = vec![b'X'; length];
    for i in (80..length).step_by(80) {
        body[i - 80] = b"0123456789"[(i / 80) % 10];
        body[i - 2] = b'\r';
        body[i - 1] = b'\n';
    }
    String::from_utf8(body).unwrap()
}

fn corpus_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            corpus_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "eml") {
            out.push(p);
        }
    }
}

/// The fingerprint's cost per 10 KB of message, alternating the two bodies round by round.
fn fingerprint_cost(settings: &Settings) {
    let smtp_body = smtp_source_body(10240);
    let smtp = message(&smtp_body, 0);
    let mut files = Vec::new();
    corpus_files(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus"),
        &mut files,
    );
    let mut corpus = Vec::new();
    let mut corpus_bytes = 0;
    for f in &files {
        let raw = std::fs::read(f).unwrap();
        if let Ok(m) = Message::parse(&raw) {
            corpus_bytes += raw.len();
            corpus.push(m);
        }
    }
    let text_bytes: usize = corpus
        .iter()
        .map(|m| {
            m.own_text.len()
                + m.alt_text.len()
                + m.quoted_text.len()
                + m.attached.iter().map(|a| a.own_text.len()).sum::<usize>()
        })
        .sum();
    let sentences: usize = corpus
        .iter()
        .map(|m| Fingerprint::of(m, settings).sentences.len())
        .sum();
    println!(
        "fingerprint: corpus of {} messages ({} of {} .eml parse), {corpus_bytes} bytes raw, {text_bytes} bytes of text, {sentences} sentences",
        corpus.len(),
        corpus.len(),
        files.len()
    );
    let per_10k = |bytes: usize| 10240.0 / bytes as f64;
    let (mut smtp_us, mut corpus_us) = (Vec::new(), Vec::new());
    for round in 0..ROUNDS + 3 {
        let t = Instant::now();
        for _ in 0..PER_ROUND {
            black_box(Fingerprint::of(black_box(&smtp), settings));
        }
        let a = t.elapsed().as_secs_f64() * 1e6 / PER_ROUND as f64 * per_10k(smtp_body.len());
        let t = Instant::now();
        for m in &corpus {
            black_box(Fingerprint::of(black_box(m), settings));
        }
        let b = t.elapsed().as_secs_f64() * 1e6 * per_10k(corpus_bytes);
        // The first rounds warm the caches.
        if round >= 3 {
            smtp_us.push(a);
            corpus_us.push(b);
        }
    }
    let corpus_median = median(corpus_us);
    println!(
        "fingerprint, smtp-source -l 10240 body: median {:.1} µs per 10 KB",
        median(smtp_us)
    );
    println!(
        "fingerprint, tests/corpus: median {corpus_median:.1} µs per 10 KB of raw message ({:.1} µs per 10 KB of text)",
        corpus_median * corpus_bytes as f64 / text_bytes as f64
    );
}

fn main() {
    let settings = Settings::default();
    fingerprint_cost(&settings);
    if std::env::args().any(|a| a == "fingerprint") {
        return;
    }
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let _guard = rt.enter();
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let full = vec!["customer@mail.example".to_string()];
    let empty = vec!["nobody@mail.example".to_string()];
    let now = time::OffsetDateTime::now_utc();
    let mut words = Words(0x2545_F491_4F6C_DD1D);
    let mut texts = Vec::with_capacity(HISTORY);
    let started = Instant::now();
    let mut record_us = Vec::new();
    for n in 0..HISTORY {
        let body = words.complaint(8);
        let fp = Fingerprint::of(&message(&body, n), &settings);
        let t = Instant::now();
        store
            .record_history(
                &full,
                &fp,
                &Earlier {
                    id: format!("ID{n}"),
                    message_id: Some(format!("<{n}@mail.example>")),
                    received_at: now,
                },
                365,
                // The whole 10,000 kept: the cost against a history that size is what is measured.
                contactgate::store::history::HistoryCaps {
                    max_per_identity: 20_000,
                    max_bytes: u64::MAX,
                },
            )
            .unwrap();
        record_us.push(t.elapsed().as_secs_f64() * 1e6);
        texts.push(body);
    }
    let last: Vec<f64> = record_us[HISTORY - 1000..].to_vec();
    println!(
        "history: {HISTORY} messages of 8 sentences for one customer, written in {:.1} s; adding one message: median {:.0} µs (first 1,000), {:.0} µs (last 1,000)",
        started.elapsed().as_secs_f64(),
        median(record_us[..1000].to_vec()),
        median(last)
    );
    // The probes: a repeat of an earlier message (half of it, re-ordered) and a new one.
    let repeat = {
        let lines: Vec<&str> = texts[HISTORY / 2].lines().collect();
        let mut l = lines[..4].to_vec();
        l.reverse();
        l.join("\r\n")
    };
    let fresh = words.complaint(8);
    let probes = [("repeat", message(&repeat, 1)), ("new", message(&fresh, 2))];
    let decide = |m: &Message, ids: &[String]| {
        let fp = Fingerprint::of(m, &settings);
        let history = store.history(ids, now, 365);
        let mut r = assess(&fp, &history, &settings);
        r.closest = r
            .closest_seq
            .and_then(|s| store.history_message(s).ok().flatten());
        r
    };
    for (name, m) in &probes {
        let with = decide(m, &full);
        println!(
            "probe {name}: judged new = {}, closest = {:?}",
            with.new,
            with.closest.map(|c| c.id)
        );
    }
    let mut results: Vec<(String, Vec<f64>)> = Vec::new();
    for (name, _) in &probes {
        for label in ["10,000 earlier", "empty history"] {
            results.push((format!("{name}, {label}"), Vec::new()));
        }
    }
    for _ in 0..5 {
        for (_, m) in &probes {
            black_box(decide(m, &full));
        }
    }
    for _ in 0..ROUNDS {
        for (i, (_, m)) in probes.iter().enumerate() {
            for (j, ids) in [&full, &empty].into_iter().enumerate() {
                let t = Instant::now();
                for _ in 0..PER_ROUND {
                    black_box(decide(m, ids));
                }
                results[i * 2 + j]
                    .1
                    .push(t.elapsed().as_secs_f64() * 1e6 / PER_ROUND as f64);
            }
        }
    }
    for (name, v) in results {
        println!("decision, {name}: median {:.0} µs", median(v));
    }
}
