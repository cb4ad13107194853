//! The labelled development set (`tests/flags/devset/`) and the dictionary traps, against the
//! shipped lexicon (`rules/lexicon/`). Measures, then asserts the targets:
//! - recall ≥ 0.95 on abusive mail (a message counts when it gets any flag);
//! - false positives ≤ 1% on legitimate mail, and none on place names;
//! - no dictionary word that merely contains a listed term is flagged.
//!
//! `cargo test --release --test flags_devset -- --nocapture` prints the per-category table
//! recorded in `bench/RESULTS.md`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use contactgate::flags::{Detector, Lexicon};
use contactgate::message::Message;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn detector() -> Detector {
    Detector::new(Lexicon::load(&root().join("rules/lexicon")).expect("shipped lexicon loads"))
}

struct Case {
    folder: String,
    name: String,
    expect: BTreeSet<String>,
    found: BTreeSet<String>,
    /// Flags not marked as quoted in a report (these hold or are recorded as incidents).
    own: usize,
    excerpts: Vec<String>,
}

fn cases(d: &Detector) -> Vec<Case> {
    let dir = root().join("tests/flags/devset");
    let mut out = Vec::new();
    let mut folders: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/flags/devset exists")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    folders.sort();
    for folder in folders {
        let mut files: Vec<_> = std::fs::read_dir(&folder)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "eml"))
            .collect();
        files.sort();
        for path in files {
            let raw = std::fs::read(&path).unwrap();
            let text = String::from_utf8_lossy(&raw);
            let expect_line = text
                .lines()
                .find_map(|l| l.strip_prefix("X-Devset-Expect:"))
                .unwrap_or_else(|| panic!("{} has no X-Devset-Expect", path.display()));
            let expect: BTreeSet<String> = expect_line
                .split(',')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty() && s != "none")
                .collect();
            let m = Message::parse(&raw).unwrap();
            // As the policy scans: the own text, and what the HTML alternative adds.
            let mut flags = d.flags(m.subject.as_deref(), &m.own_text);
            for f in d.flags(None, &m.alt_text) {
                if !flags.iter().any(|g| g.rule == f.rule) {
                    flags.push(f);
                }
            }
            out.push(Case {
                folder: folder.file_name().unwrap().to_string_lossy().into_owned(),
                name: path.file_name().unwrap().to_string_lossy().into_owned(),
                expect,
                found: flags.iter().map(|f| f.category.clone()).collect(),
                own: flags.iter().filter(|f| !f.reported).count(),
                excerpts: flags
                    .iter()
                    .map(|f| format!("{} {}: {}", f.category, f.rule, f.excerpt))
                    .collect(),
            });
        }
    }
    out
}

#[test]
fn development_set_meets_the_targets() {
    let d = detector();
    let cases = cases(&d);
    assert!(cases.len() >= 300, "the set has {} messages", cases.len());

    // Message level, by folder.
    let mut report = String::new();
    report.push_str(
        "| folder | messages | flagged | rate | flagged other than as quoted in a report |\n|---|---:|---:|---:|---:|\n",
    );
    let mut by_folder: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
    for c in &cases {
        let e = by_folder.entry(&c.folder).or_default();
        e.0 += 1;
        e.1 += usize::from(!c.found.is_empty());
        e.2 += usize::from(c.own > 0);
    }
    for (folder, (n, flagged, own)) in &by_folder {
        report.push_str(&format!(
            "| {folder} | {n} | {flagged} | {:.3} | {own} |\n",
            *flagged as f64 / *n as f64
        ));
    }

    // Category level: precision and recall over every message.
    let categories: BTreeSet<&String> = cases
        .iter()
        .flat_map(|c| c.expect.iter().chain(&c.found))
        .collect();
    report.push_str("\n| category | expected | found | true pos. | precision | recall |\n|---|---:|---:|---:|---:|---:|\n");
    for cat in categories {
        let expected = cases.iter().filter(|c| c.expect.contains(cat)).count();
        let found = cases.iter().filter(|c| c.found.contains(cat)).count();
        let tp = cases
            .iter()
            .filter(|c| c.expect.contains(cat) && c.found.contains(cat))
            .count();
        let ratio = |a: usize, b: usize| {
            if b == 0 {
                "-".to_string()
            } else {
                format!("{:.3}", a as f64 / b as f64)
            }
        };
        report.push_str(&format!(
            "| {cat} | {expected} | {found} | {tp} | {} | {} |\n",
            ratio(tp, found),
            ratio(tp, expected)
        ));
    }
    println!("{report}");

    let misses: Vec<String> = cases
        .iter()
        .filter(|c| !c.expect.is_empty() && c.found.is_empty())
        .map(|c| format!("{}/{} (expected {:?})", c.folder, c.name, c.expect))
        .collect();
    // Reports of abuse received (`reported/`) quote the abuser's words; they are measured on
    // their own (see below), not counted as false positives.
    let false_positives: Vec<String> = cases
        .iter()
        .filter(|c| c.folder != "reported" && c.expect.is_empty() && !c.found.is_empty())
        .map(|c| format!("{}/{}: {:?}", c.folder, c.name, c.excerpts))
        .collect();
    println!("missed abusive messages:\n  {}", misses.join("\n  "));
    println!("false positives:\n  {}", false_positives.join("\n  "));

    let abusive = cases.iter().filter(|c| !c.expect.is_empty()).count();
    let recall = 1.0 - misses.len() as f64 / abusive as f64;
    assert!(
        recall >= 0.95,
        "recall {recall:.3} on abusive mail; missed {misses:#?}"
    );
    // Reported speech must not hide the sender's own abuse.
    let own_misses = cases
        .iter()
        .filter(|c| c.folder == "abusive" && c.own == 0)
        .count();
    let own_recall = 1.0 - own_misses as f64 / abusive as f64;
    assert!(
        own_recall >= 0.95,
        "recall {own_recall:.3} counting only flags not taken as quoted"
    );
    let legit: Vec<&Case> = cases
        .iter()
        .filter(|c| c.folder != "reported" && c.expect.is_empty())
        .collect();
    let fp_rate = false_positives.len() as f64 / legit.len() as f64;
    assert!(
        fp_rate <= 0.01,
        "false-positive rate {fp_rate:.3}: {false_positives:#?}"
    );
    let places: Vec<&&Case> = legit.iter().filter(|c| c.folder == "places").collect();
    assert!(!places.is_empty());
    let place_fp: Vec<_> = places
        .iter()
        .filter(|c| !c.found.is_empty())
        .map(|c| (&c.name, &c.excerpts))
        .collect();
    assert!(place_fp.is_empty(), "place names flagged: {place_fp:#?}");
}

/// Every word of a real dictionary that contains a listed term without being that term (or
/// an inflection of it) is a trap: none may be flagged. The list is generated from Debian's
/// `wbritish` by `tests/flags/make_traps.py` (run it again after changing the lexicon);
/// words that contain a term and are abusive themselves are reviewed into
/// `tests/flags/dictionary_abusive.txt` and left out.
#[test]
fn dictionary_words_containing_a_listed_term_are_not_flagged() {
    let d = detector();
    let traps = std::fs::read_to_string(root().join("tests/flags/dictionary_traps.txt")).unwrap();
    let words: Vec<&str> = traps
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .collect();
    assert!(words.len() >= 200, "only {} traps", words.len());
    let flagged: Vec<String> = words
        .iter()
        .filter_map(|w| {
            let f = d.flags(None, &format!("The {w} was mentioned."));
            (!f.is_empty()).then(|| format!("{w}: {}", f[0].rule))
        })
        .collect();
    assert!(
        flagged.is_empty(),
        "{} of {} traps flagged: {flagged:#?}",
        flagged.len(),
        words.len()
    );
}
