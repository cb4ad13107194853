//! The novelty development set (`tests/novelty/devset/`): sequences of messages from one
//! customer, each labelled new or not new. Every message is judged against the ones before it
//! in its sequence, with the shipped `rules/novelty.toml`. Asserts the targets on the
//! follow-up messages (a first message is new by definition): accuracy ≥ 0.95, and ≥ 0.9 on
//! each side (new messages found, repeats found).
//!
//! `cargo test --release --test novelty_devset -- --nocapture` prints the figures recorded in
//! `bench/RESULTS.md` and every wrong decision.

use std::path::{Path, PathBuf};

use contactgate::message::Message;
use contactgate::novelty::{Fingerprint, MemoryHistory, Settings, assess};
use serde::Deserialize;

#[derive(Deserialize)]
struct Labels {
    message: Vec<Label>,
}

#[derive(Deserialize)]
struct Label {
    file: String,
    new: bool,
    #[serde(default)]
    note: String,
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/novelty/devset")
}

struct Eval {
    sequences: usize,
    firsts_new: usize,
    n: usize,
    correct: usize,
    new_found: usize,
    new_total: usize,
    old_found: usize,
    old_total: usize,
    wrong: Vec<String>,
}

/// The figures with the shipped history; with `cap`, each customer's history keeps only their
/// last `cap` messages (the per-sender cap's eviction, oldest first).
fn evaluate(settings: &Settings) -> Eval {
    evaluate_capped(settings, None)
}

fn evaluate_capped(settings: &Settings, cap: Option<usize>) -> Eval {
    let mut sequences: Vec<PathBuf> = std::fs::read_dir(root())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    sequences.sort();
    // (label, decision) for follow-ups.
    let mut results: Vec<(bool, bool)> = Vec::new();
    let mut firsts_new = 0;
    let mut wrong = Vec::new();
    for seq in &sequences {
        let labels: Labels =
            toml::from_str(&std::fs::read_to_string(seq.join("labels.toml")).unwrap()).unwrap();
        let mut kept: Vec<Fingerprint> = Vec::new();
        for (i, label) in labels.message.iter().enumerate() {
            let raw = std::fs::read(seq.join(&label.file)).unwrap();
            let message = Message::parse(&raw).unwrap();
            let fp = Fingerprint::of(&message, settings);
            let mut history = MemoryHistory::default();
            let from = kept.len().saturating_sub(cap.unwrap_or(usize::MAX));
            for (n, earlier) in kept.iter().enumerate().skip(from) {
                history.record(earlier, n as u64 + 1);
            }
            let report = assess(&fp, &history, settings);
            kept.push(fp);
            if i == 0 {
                firsts_new += usize::from(report.new);
                continue;
            }
            results.push((label.new, report.new));
            if label.new != report.new {
                wrong.push(format!(
                    "  {}/{} labelled {}, judged {} ({}){}",
                    seq.file_name().unwrap().to_string_lossy(),
                    label.file,
                    if label.new { "new" } else { "not new" },
                    if report.new { "new" } else { "not new" },
                    label.note,
                    if report.new {
                        format!(
                            ": {:?} {:?}",
                            report.novel_sentences, report.new_attachments
                        )
                    } else {
                        String::new()
                    }
                ));
            }
        }
    }
    let new_total = results.iter().filter(|(l, _)| *l).count();
    Eval {
        sequences: sequences.len(),
        firsts_new,
        n: results.len(),
        correct: results.iter().filter(|(l, d)| l == d).count(),
        new_found: results.iter().filter(|(l, d)| *l && *d).count(),
        new_total,
        old_found: results.iter().filter(|(l, d)| !*l && !*d).count(),
        old_total: results.len() - new_total,
        wrong,
    }
}

fn shipped() -> Settings {
    Settings::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("rules"))
        .expect("shipped novelty.toml loads")
}

/// What evicting a customer's oldest messages does to the decision (issue 13): the figures when
/// each customer's history keeps only their last N messages. `cargo test --release --test
/// novelty_devset -- --nocapture eviction` prints them.
#[test]
fn eviction() {
    let s = shipped();
    let full = evaluate(&s);
    for cap in [1, 2, 3, 5, 8] {
        let e = evaluate_capped(&s, Some(cap));
        println!(
            "history capped at the last {cap} message(s): accuracy {:.3} ({}/{}), new found {:.3}, repeats found {:.3}",
            e.correct as f64 / e.n as f64,
            e.correct,
            e.n,
            e.new_found as f64 / e.new_total as f64,
            e.old_found as f64 / e.old_total as f64
        );
        // Forgetting can only make a message look new, never a new one look old.
        assert!(e.new_found >= full.new_found, "cap {cap}");
        assert!(e.old_found <= full.old_found, "cap {cap}");
    }
    // A cap above every sequence's length changes nothing.
    let big = evaluate_capped(&s, Some(1_000));
    assert_eq!((big.correct, big.new_found), (full.correct, full.new_found));
}

/// `NOVELTY_SWEEP=1 cargo test --release --test novelty_devset -- --nocapture sweep` prints
/// the figures for a grid of thresholds (how the shipped ones were chosen).
#[test]
fn sweep() {
    if std::env::var_os("NOVELTY_SWEEP").is_none() {
        return;
    }
    for min_sentence_words in [2, 3] {
        for novel_share in [0.4, 0.5, 0.6, 0.7] {
            for min_sentence_new_words in [1, 2, 3] {
                for min_new_words in [2, 3, 4, 5, 6] {
                    let mut s = shipped();
                    s.min_sentence_words = min_sentence_words;
                    s.novel_share = novel_share;
                    s.min_sentence_new_words = min_sentence_new_words;
                    s.min_new_words = min_new_words;
                    let e = evaluate(&s);
                    println!(
                        "{min_sentence_words} {novel_share} {min_sentence_new_words} {min_new_words}: accuracy {:.3} new {:.3} repeats {:.3}",
                        e.correct as f64 / e.n as f64,
                        e.new_found as f64 / e.new_total as f64,
                        e.old_found as f64 / e.old_total as f64
                    );
                }
            }
        }
    }
}

#[test]
fn novelty_meets_its_targets_on_the_development_set() {
    let e = evaluate(&shipped());
    assert!(e.sequences >= 60, "the set is there");
    let accuracy = e.correct as f64 / e.n as f64;
    let new_recall = e.new_found as f64 / e.new_total as f64;
    let old_recall = e.old_found as f64 / e.old_total as f64;
    println!(
        "sequences: {}; first messages judged new: {}",
        e.sequences, e.firsts_new
    );
    println!(
        "follow-ups: {}; correct: {}; accuracy {accuracy:.3}",
        e.n, e.correct
    );
    println!(
        "new found: {}/{} ({new_recall:.3})",
        e.new_found, e.new_total
    );
    println!(
        "repeats found: {}/{} ({old_recall:.3})",
        e.old_found, e.old_total
    );
    println!("wrong:\n{}", e.wrong.join("\n"));
    assert_eq!(e.firsts_new, e.sequences, "a first message is always new");
    // The target (see bench/RESULTS.md for what is reached).
    assert!(accuracy >= 0.95, "accuracy {accuracy:.3}");
    assert!(new_recall >= 0.9, "new found {new_recall:.3}");
    assert!(old_recall >= 0.9, "repeats found {old_recall:.3}");
}
