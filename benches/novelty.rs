//! "New information only": the decision's cost against the size of a customer's history.
//!
//! `cargo bench --bench novelty`. One thread. A store on disk gets 10,000 earlier messages from
//! one customer (distinct synthetic complaints of about 100 words each); then, in alternating
//! rounds, the decision for one message (fingerprint, history lookups, assessment, the closest
//! earlier message) is timed against that history and against an empty one. Target: at most
//! 2 ms with 10,000 earlier messages. Also reports the cost of adding a message to the history.

use std::hint::black_box;
use std::time::Instant;

use contactgate::message::Message;
use contactgate::novelty::{Earlier, Fingerprint, Settings, assess};
use contactgate::store::Store;

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

fn main() {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let _guard = rt.enter();
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let settings = Settings::default();
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
