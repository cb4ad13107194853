//! Abuse-scan speed, and its cost against lexicon size.
//!
//! `cargo bench --bench flags`. One thread, so MB/s is per core.
//! - Scan speed: the shipped lexicon over ~8 MB of council-style prose (plain ASCII, and a
//!   variant with Welsh and other non-ASCII letters), target ≥ 100 MB/s.
//! - `FLAGS_BENCH_ONLY=<words>` runs only the variants whose name contains them,
//!   `FLAGS_BENCH_RUNS` times each (default 50), and prints nothing: for a profiler.
//! - Flatness: synthetic lexicons of 1,000, 10,000 and 50,000 entries scan the same text, in
//!   alternating rounds so machine noise hits all alike; target: within 20% of each other.

use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

use contactgate::flags::{Detector, Lexicon};

/// The daemon's allocator (`src/main.rs`), so the figures are the daemon's.
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

const SENTENCES: &[&str] = &[
    "Dear Sir or Madam, I am writing for the third time about the missed bin collection at 14 Penistone Road.",
    "This is a disgrace and frankly the service has been incompetent from start to finish!",
    "I have contacted the Ombudsman, my solicitor and the local press; I expect a reply by 12/07/2026.",
    "The junction by the school is a death trap and the parking charges are daylight robbery (£4.50 an hour).",
    "Please assess the planning application 24/0612/PA for the erection of a two-storey extension.",
    "My neighbour's hedge is over 3 metres high and blocks the light to my kitchen and garden.",
    "I would like to book a sexual health clinic appointment and ask about cervical screening.",
    "Could you shoot me an email with the reference number? This delay is killing me.",
    "We moved from Scunthorpe to Middlesex last year and the council tax band looks wrong.",
    "Regards, J. Smith — 07700 900123 — j.smith@mail.example — https://www.example.org/path?q=1",
];

const WELSH: &[&str] = &[
    "Annwyl Syr, rwy'n ysgrifennu am y trydydd tro ynglŷn â'r biniau yn Llanfair-ym-Muallt.",
    "Mae'r gwasanaeth yn warthus ac rwy'n disgwyl ateb cyn diwedd yr wythnos — diolch yn fawr.",
    "Café crème, naïve résumé: ½ of the façade at Ystradgynlais was repainted in 2025.",
];

fn text(sentences: &[&str], bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + 200);
    let mut i = 0;
    while s.len() < bytes {
        s.push_str(sentences[i % sentences.len()]);
        s.push(if i % 4 == 3 { '\n' } else { ' ' });
        i += 1;
    }
    s
}

/// A deterministic pseudo-word lexicon of `n` entries in one category.
fn synthetic(n: usize) -> Lexicon {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut terms = Vec::with_capacity(n);
    let mut seen = std::collections::HashSet::new();
    while terms.len() < n {
        let len = 4 + (next() % 7) as usize;
        let w: String = (0..len)
            .map(|_| (b'a' + (next() % 26) as u8) as char)
            .collect();
        // No repeated letters (each would need its own run check), no duplicates.
        if w.as_bytes().windows(2).any(|p| p[0] == p[1]) || !seen.insert(w.clone()) {
            continue;
        }
        terms.push(format!("\"{w}\""));
    }
    let toml = format!(
        "category = \"synthetic\"\naction = \"tag\"\n[[entry]]\nseverity = \"low\"\nterms = [{}]\n",
        terms.join(", ")
    );
    Lexicon::parse(&[("synthetic.toml", &toml)]).unwrap()
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

/// Seconds for one scan of `text`.
fn time_scan(d: &Detector, text: &str) -> f64 {
    let start = Instant::now();
    black_box(d.scan(black_box(text)));
    start.elapsed().as_secs_f64()
}

fn main() {
    let shipped = Detector::new(
        Lexicon::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/lexicon")).unwrap(),
    );
    // Stay under the scan limit so every byte is scanned.
    let size = contactgate::flags::SCAN_LIMIT - 1024;
    let ascii = text(SENTENCES, size);
    let mixed = text(&[SENTENCES, WELSH].concat(), size);
    // The legitimate mail of the development set as customers wrote it (subjects and own
    // text, decoded), repeated to the same size.
    let mut corpus = String::new();
    let devset = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/flags/devset/legitimate");
    let mut files: Vec<_> = std::fs::read_dir(devset)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    for f in files {
        let m = contactgate::message::Message::parse(&std::fs::read(f).unwrap()).unwrap();
        corpus.push_str(m.subject.as_deref().unwrap_or(""));
        corpus.push('\n');
        corpus.push_str(&m.own_text);
    }
    let mut devset_text = String::with_capacity(size);
    while devset_text.len() + corpus.len() < size {
        devset_text.push_str(&corpus);
    }
    let n = shipped.lexicon().terms.len();
    println!("shipped lexicon: {n} terms; texts of {} bytes", ascii.len());
    let sizes = [1_000usize, 10_000, 50_000];
    let detectors: Vec<Detector> = sizes.iter().map(|&n| Detector::new(synthetic(n))).collect();

    // Every variant once per round, in turn, so a slow spell of this shared machine hits all
    // of them alike; medians over the rounds.
    // (name, bytes per run, timed run)
    type Variant<'a> = (String, usize, Box<dyn Fn() -> f64 + 'a>);
    let mut variants: Vec<Variant> = vec![
        (
            "scan, shipped lexicon, council prose (ASCII)".into(),
            ascii.len(),
            Box::new(|| time_scan(&shipped, &ascii)),
        ),
        (
            "scan, shipped lexicon, prose with Welsh and accents".into(),
            ascii.len(),
            Box::new(|| time_scan(&shipped, &mixed)),
        ),
        (
            "scan, shipped lexicon, development set's legitimate mail".into(),
            devset_text.len(),
            Box::new(|| time_scan(&shipped, &devset_text)),
        ),
        (
            "normalisation alone, council prose".into(),
            ascii.len(),
            Box::new(|| {
                let start = Instant::now();
                black_box(contactgate::flags::normalize::Normalized::new(black_box(
                    &ascii,
                )));
                start.elapsed().as_secs_f64()
            }),
        ),
    ];
    for (n, d) in sizes.iter().zip(&detectors) {
        variants.push((
            format!("scan, synthetic lexicon of {n:>6} entries"),
            ascii.len(),
            Box::new(|| time_scan(d, &ascii)),
        ));
    }
    if let Ok(only) = std::env::var("FLAGS_BENCH_ONLY") {
        variants.retain(|(name, _, _)| name.contains(&only));
        let runs: usize = std::env::var("FLAGS_BENCH_RUNS")
            .ok()
            .and_then(|r| r.parse().ok())
            .unwrap_or(50);
        for (_, _, v) in &variants {
            for _ in 0..runs {
                v();
            }
        }
        return;
    }
    // Warm-up: the first large allocations are fresh pages from the kernel; glibc then raises
    // its mmap threshold and reuses heap memory, as a long-running daemon does.
    for _ in 0..5 {
        for (_, _, v) in &variants {
            v();
        }
    }
    let mut times: Vec<Vec<f64>> = vec![Vec::new(); variants.len()];
    for _ in 0..21 {
        for (i, (_, _, v)) in variants.iter().enumerate() {
            times[i].push(v());
        }
    }
    let medians: Vec<f64> = times.into_iter().map(median).collect();
    for ((name, bytes, _), secs) in variants.iter().zip(&medians) {
        println!("{name}: {:.1} MB/s", *bytes as f64 / secs / 1e6);
    }
    println!("hits in the council prose: {}", shipped.scan(&ascii).len());
    variants.clear();
    let medians = &medians[4..];
    println!(
        "cost ratio 50,000 / 1,000 entries: {:.2} (1.00 = flat)",
        medians[2] / medians[0]
    );
}
