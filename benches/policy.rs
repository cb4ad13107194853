//! Decision cost against the number of restricted customers, and rules reload time.
//!
//! `cargo bench --bench policy`. Rounds alternate between a 10-customer and a 100,000-customer
//! rules file in one run, so machine noise hits both alike; the ratio of medians is the figure.

use std::hint::black_box;
use std::time::Instant;

use contactgate::flags::monitor::Monitoring;
use contactgate::message::Message;
use contactgate::policy::{Observed, PolicySettings, decide, identify};
use contactgate::rules::{MatchSettings, Rules};
use contactgate::smtp::Envelope;
use time::macros::datetime;

/// The daemon's allocator (`src/main.rs`), so the figures are the daemon's.
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// A rules file with `n` customers, cycling through every restriction kind.
fn rules_text(n: usize) -> String {
    let mut s = String::with_capacity(n * 400);
    for i in 0..n {
        let body = match i % 6 {
            0 => "kind = \"letter_only\"\npostal_address = \"County Hall\"".to_string(),
            1 => format!("kind = \"named_staff\"\nstaff = [\"officer{}@council.example\"]", i % 50),
            2 => "kind = \"new_information_only\"".to_string(),
            3 => format!("kind = \"third_party_only\"\nrepresentatives = [\"rep{i}@cab.example\"]"),
            4 => "kind = \"time_window\"\ndays = [\"mon\", \"wed\"]\nfrom = \"10:00\"\nuntil = \"12:00\"".to_string(),
            _ => format!("kind = \"topics\"\nclosed = [\"CASE-{i}\", \"24/{i:04}/PA\"]"),
        };
        s.push_str(&format!(
            "[[customer]]\nid = \"CR-{i:06}\"\nname = \"Customer {i}\"\naddresses = [\"c{i}@mail.example\", \"alt{i}@other.example\"]\n\
             [[customer.restriction]]\ndecided_by = \"Head of Customer Services\"\ndecided_on = 2026-03-01\nreasons = \"Benchmark\"\n{body}\n\n"
        ));
    }
    s
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

/// Decisions per second over a fixed mix: half restricted senders, half not.
fn decisions_per_sec(rules: &Rules, n_customers: usize, iterations: usize) -> f64 {
    let messages: Vec<(Message, Envelope)> = (0..1000)
        .map(|k| {
            let sender = if k % 2 == 0 {
                // Same mix of restriction kinds whatever the file size: customer i has kind
                // i % 6, so pick i = 6m + kind with m spread over the file.
                let kind = (k / 2) % 6;
                let m = (k * 7919) % (n_customers / 6).max(1);
                format!("c{}@mail.example", 6 * m + kind)
            } else {
                format!("resident{k}@mail.example")
            };
            let message = Message {
                from: vec![sender.clone()],
                subject: Some(format!("About CASE-{k} and the bins")),
                own_text: "The bins were not collected again this week.\n".repeat(5),
                ..Message::default()
            };
            let envelope = Envelope {
                sender,
                recipients: vec!["planning@council.example".into()],
                ..Envelope::default()
            };
            (message, envelope)
        })
        .collect();
    let settings = PolicySettings::default();
    let monitoring = Monitoring::default();
    let now = datetime!(2026-07-01 09:30 UTC);
    let start = Instant::now();
    for i in 0..iterations {
        let (m, e) = &messages[i % messages.len()];
        // Identify (the customer match this measures) and decide.
        let identity = identify(black_box(m), black_box(e), rules, &monitoring);
        black_box(decide(
            m,
            e,
            rules,
            &settings,
            now,
            Observed::identity_only(&identity),
        ));
    }
    iterations as f64 / start.elapsed().as_secs_f64()
}

fn main() {
    let small_text = rules_text(10);
    let large_text = rules_text(100_000);
    let small = Rules::parse(&small_text, "small.toml", MatchSettings::default()).unwrap();

    let mut reloads = Vec::new();
    let mut large = None;
    for _ in 0..3 {
        let start = Instant::now();
        large = Some(Rules::parse(&large_text, "large.toml", MatchSettings::default()).unwrap());
        reloads.push(start.elapsed().as_secs_f64());
    }
    let large = large.unwrap();

    let iterations = 400_000;
    let (mut s, mut l) = (Vec::new(), Vec::new());
    for round in 0..5 {
        s.push(decisions_per_sec(&small, 10, iterations));
        l.push(decisions_per_sec(&large, 100_000, iterations));
        println!(
            "round {round}: 10 customers {:.0}/s, 100,000 customers {:.0}/s",
            s[round], l[round]
        );
    }
    let (ms, ml) = (median(s), median(l));
    println!(
        "median decisions/s: 10 customers {ms:.0}, 100,000 customers {ml:.0}; ratio {:.3}",
        ml / ms
    );
    println!(
        "rules parse+validate+index for 100,000 customers ({:.1} MB): median {:.2} s",
        large_text.len() as f64 / 1e6,
        median(reloads)
    );
}
