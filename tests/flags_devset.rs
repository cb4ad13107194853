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

/// The shipped lexicon, or the one in `$FLAGS_LEXICON` (to measure an older lexicon on the
/// same sets, as `bench/RESULTS.md` records).
fn detector() -> Detector {
    let dir = std::env::var_os("FLAGS_LEXICON")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("rules/lexicon"));
    Detector::new(Lexicon::load(&dir).expect("the lexicon loads"))
}

struct Case {
    folder: String,
    /// The test set's finer class (`X-Testset-Class`), else the folder.
    class: String,
    name: String,
    expect: BTreeSet<String>,
    found: BTreeSet<String>,
    /// Flags not marked as quoted in a report (these hold or are recorded as incidents).
    own: usize,
    excerpts: Vec<String>,
}

fn cases(d: &Detector) -> Vec<Case> {
    cases_in(d, "tests/flags/devset")
}

/// Every labelled message in the folders of `set` (a directory under the repository root).
fn cases_in(d: &Detector, set: &str) -> Vec<Case> {
    let dir = root().join(set);
    let mut out = Vec::new();
    let mut folders: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
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
            let class = text
                .lines()
                .find_map(|l| l.strip_prefix("X-Testset-Class:"))
                .map(|c| c.trim().to_string());
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
                class: class
                    .unwrap_or_else(|| folder.file_name().unwrap().to_string_lossy().into()),
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
    let scores = category_scores(&cases, &mut report);
    let below = below_floors(&scores, DEV_CATEGORY_FLOORS);
    println!("{report}");
    // Each category found that was not expected (what precision counts against).
    for c in &cases {
        let extra: Vec<&String> = c.found.difference(&c.expect).collect();
        if !extra.is_empty() {
            println!("{}/{}: also {extra:?}: {:?}", c.folder, c.name, c.excerpts);
        }
    }
    assert!(
        below.is_empty(),
        "below the development set's floors: {below:#?}"
    );

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
            // Plain, and aimed at someone: a word that needs a person must not flag inside a
            // longer word either ("you coward" is not "you cow").
            let mut f = d.flags(None, &format!("The {w} was mentioned."));
            f.extend(d.flags(None, &format!("You {w}!")));
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

/// Precision and recall per category over every message (`None` where nothing was found or
/// expected), each also written into `report` as a table row.
fn category_scores(
    cases: &[Case],
    report: &mut String,
) -> BTreeMap<String, (Option<f64>, Option<f64>)> {
    let categories: BTreeSet<&String> = cases
        .iter()
        .flat_map(|c| c.expect.iter().chain(&c.found))
        .collect();
    report.push_str("\n| category | expected | found | true pos. | precision | recall |\n|---|---:|---:|---:|---:|---:|\n");
    let mut scores = BTreeMap::new();
    for cat in categories {
        let expected = cases.iter().filter(|c| c.expect.contains(cat)).count();
        let found = cases.iter().filter(|c| c.found.contains(cat)).count();
        let tp = cases
            .iter()
            .filter(|c| c.expect.contains(cat) && c.found.contains(cat))
            .count();
        let ratio = |a: usize, b: usize| (b > 0).then(|| a as f64 / b as f64);
        let show = |r: Option<f64>| r.map_or("-".to_string(), |r| format!("{r:.3}"));
        report.push_str(&format!(
            "| {cat} | {expected} | {found} | {tp} | {} | {} |\n",
            show(ratio(tp, found)),
            show(ratio(tp, expected))
        ));
        scores.insert(cat.clone(), (ratio(tp, found), ratio(tp, expected)));
    }
    scores
}

/// Every category below its (precision, recall) floor; a category never found or expected
/// scores 0.
fn below_floors(
    scores: &BTreeMap<String, (Option<f64>, Option<f64>)>,
    floors: &[(&str, f64, f64)],
) -> Vec<String> {
    floors
        .iter()
        .filter_map(|&(cat, precision_floor, recall_floor)| {
            let (p, r) = scores.get(cat).copied().unwrap_or((None, None));
            (p.unwrap_or(0.0) < precision_floor || r.unwrap_or(0.0) < recall_floor).then(|| {
                format!("{cat}: precision {p:?} (floor {precision_floor}), recall {r:?} (floor {recall_floor})")
            })
        })
        .collect()
}

/// The directory of the mail-parser crate's source, as cargo fetched it: its older test
/// messages (`resources/eml/legacy/`) have no licence to redistribute, so they are read where
/// cargo put them rather than copied into `tests/corpus/`.
fn mail_parser_source() -> PathBuf {
    let lock = std::fs::read_to_string(root().join("Cargo.lock")).unwrap();
    let version = lock
        .split("[[package]]")
        .find(|p| p.contains("name = \"mail-parser\""))
        .and_then(|p| p.lines().find_map(|l| l.strip_prefix("version = ")))
        .expect("mail-parser is in Cargo.lock")
        .trim_matches('"')
        .to_string();
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(std::env::var_os("HOME").unwrap()).join(".cargo"));
    std::fs::read_dir(home.join("registry/src"))
        .expect("cargo's registry sources")
        .flatten()
        .map(|index| index.path().join(format!("mail-parser-{version}")))
        .find(|dir| dir.is_dir())
        .expect("mail-parser's source in cargo's registry")
}

/// Real third-party mail (`tests/corpus/`, the test data of public mail packages, and
/// mail-parser's older samples, which quote a fable: "I will beat you in a race") is full of
/// idiom: none of it may be taken for a threat.
#[test]
fn no_real_message_in_the_corpus_is_taken_for_a_threat() {
    let d = detector();
    let mut files = Vec::new();
    let legacy = mail_parser_source().join("resources/eml/legacy");
    assert!(legacy.is_dir(), "{} is missing", legacy.display());
    let mut dirs = vec![root().join("tests/corpus"), legacy];
    while let Some(dir) = dirs.pop() {
        for e in std::fs::read_dir(&dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "eml") {
                files.push(p);
            }
        }
    }
    assert!(files.len() >= 300, "only {} real messages", files.len());
    let mut threats = Vec::new();
    for path in &files {
        let Ok(m) = Message::parse(&std::fs::read(path).unwrap()) else {
            continue;
        };
        let mut flags = d.flags(m.subject.as_deref(), &m.own_text);
        flags.extend(d.flags(None, &m.alt_text));
        for f in flags.iter().filter(|f| f.category.starts_with("threat")) {
            threats.push(format!("{}: {} {}", path.display(), f.rule, f.excerpt));
        }
    }
    assert!(threats.is_empty(), "threats in real mail: {threats:#?}");
}

/// The threat grammar with the shipped lexicon, one sentence at a time: each shape the
/// development work found (written by the project, not taken from the frozen test set), and the
/// figurative, sporting and innocent uses beside them.
#[test]
fn threat_grammar_shapes_and_their_figurative_twins() {
    let d = detector();
    let category = |text: &str| -> Vec<String> {
        d.flags(None, text)
            .into_iter()
            .filter(|f| !f.reported)
            .map(|f| f.category)
            .collect()
    };
    let threats = [
        // Third persons, roles, groups.
        ("I'm going to kill that housing officer.", "threat"),
        ("I will batter your manager when I see him.", "threat"),
        ("I'll stab the next person who knocks on my door.", "threat"),
        ("We're going to hurt those bin men.", "threat"),
        // Weapons, methods, injuries.
        ("Next time I'll bring a knife.", "threat"),
        ("I'm going to get my gun.", "threat"),
        ("I'll break your legs.", "threat"),
        ("I will smash his face in.", "threat"),
        ("I'll put you in hospital.", "threat"),
        // Property.
        ("I will torch your car.", "threat"),
        ("We are going to smash the depot windows.", "threat"),
        ("I'll burn your office to the ground.", "threat"),
        // Wishes and deserves.
        ("That officer deserves to be stabbed.", "threat"),
        ("He should be shot.", "threat"),
        ("I hope someone stabs you.", "threat"),
        ("Your receptionist needs a good kicking.", "threat"),
        // Journeys.
        (
            "I'm going to come to your depot and batter whoever is in charge.",
            "threat",
        ),
        // Implied.
        ("I know where your wife works.", "threat_implied"),
        ("We know where you live.", "threat_implied"),
        ("Accidents happen, you know.", "threat_implied"),
        ("You have been warned.", "threat_implied"),
        // An adverb between the speaker and the harm.
        ("I'll seriously hurt you if you come back.", "threat"),
        ("Someone should properly batter him.", "threat"),
        // A subject with a relative clause before what it gets.
        (
            "Every council van that parks on my street is going to get its tyres slashed.",
            "threat",
        ),
        // A sentence a mail client wrapped: the line break is not the sentence's end.
        (
            "The next person from the council who knocks on my door about the garden gets\n\
             punched in the face.",
            "threat",
        ),
    ];
    let mut wrong = Vec::new();
    for (text, want) in threats {
        let got = category(text);
        if !got.iter().any(|c| c == want) {
            wrong.push(format!("missed ({want}): {text} → {got:?}"));
        }
    }
    let figurative = [
        "Though you be swift as the wind, I will beat you in a race.",
        "We will smash our fundraising target this year.",
        "This closure will kill the high street.",
        "You should knock the old depot down and build houses.",
        "Shoot me an email when you have the details.",
        "My kids murdered the pizza.",
        "I want to be shot of this house by Christmas.",
        "We'll thrash you at the pub quiz.",
        "I'll beat you to it.",
        "I will hit the deadline.",
        "A child will get hurt if this pothole is not fixed.",
        "I do not know where you live, so please write to me.",
        "Do you know where I live? The bin lorry clearly does not.",
        "I'm going to fight this all the way to the ombudsman.",
        "I will take the knife block back to the shop.",
        "The contractor should be sacked.",
        "This policy should be killed off.",
        "You'll be hearing from my solicitor.",
        "The officer who came round about the damp said the boiler should be replaced.",
        "I will happily beat you in a race at the staff sports day.",
        "I will not hurt anyone's feelings by naming the officer.",
    ];
    for text in figurative {
        let got = category(text);
        if got.iter().any(|c| c.starts_with("threat")) {
            wrong.push(format!("flagged: {text} → {got:?}"));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// Words marked `needs_person_context` with the shipped lexicon: aimed at a person they flag;
/// their innocent senses (food, animals, landscape, tools) do not. Written by the project for
/// development, not taken from the frozen test set.
#[test]
fn words_with_innocent_senses_flag_only_when_aimed_at_a_person() {
    let d = detector();
    let flagged = |text: &str| -> Vec<String> {
        d.flags(None, text)
            .into_iter()
            .map(|f| format!("{} {}", f.category, f.rule))
            .collect()
    };
    let aimed = [
        "You stupid cow, answer the phone.",
        "What a tart that receptionist is.",
        "The faggot who answered the phone was rude.",
        "Cockroaches, the lot of you.",
        "Parasites. Leeches.",
        "You parasites have ruined this town.",
        "That chink at the counter refused to help.",
        "You spade.",
        "Tell that bitch to ring me back.",
        "You're a fairy and a coward.",
    ];
    let innocent = [
        "We had faggots and peas at the community lunch.",
        "Please bring a bundle of faggots for the bonfire on Saturday.",
        "The cow in the field by the footpath has escaped again.",
        "Our bitch is in season, so we kept her in during the dog show.",
        "The slag heap above the village is moving after the rain.",
        "The bakery's lemon tart won first prize.",
        "There is a chink in the fence where the foxes get in.",
        "I left my spade by the allotment gate.",
        "Someone threw a fag end into the hedge and it caught fire.",
        "The pond life survey found newts.",
        "Pest control treated the cockroaches in the flats.",
        "The fairy lights on the high street are not working.",
        "My daughter planted a pansy in the school garden.",
        "Soap scum is building up in the communal showers.",
        "A leech was found in the water butt.",
        "Did you see the cow that got loose on the bypass?",
        "The permit checkout reuses a static nonce on every request.",
        "Water is running off the old slag heap above the school.",
        "We are running a workshop on bastard trenching at the allotments.",
        "The plaque marks where the Spastics Society branch met in 1953.",
    ];
    let mut wrong = Vec::new();
    for text in aimed {
        if flagged(text).is_empty() {
            wrong.push(format!("missed: {text}"));
        }
    }
    for text in innocent {
        let f = flagged(text);
        if !f.is_empty() {
            wrong.push(format!("flagged: {text} → {f:?}"));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// The frozen test set (`tests/flags/testset/`, written without sight of the lexicon and never
/// tuned on; its README says how): the message-level rate per class and precision and recall
/// per category, printed for `bench/RESULTS.md` and held to floors, so a change that loses
/// ground fails. `cargo test --release --test flags_devset frozen -- --nocapture` prints them.
#[test]
fn frozen_test_set_holds_its_floors() {
    let set = root().join("tests/flags/testset");
    // Frozen: exactly the files its SHA256SUMS lists, unchanged.
    let check = std::process::Command::new("sha256sum")
        .args(["--check", "--quiet", "--strict", "SHA256SUMS"])
        .current_dir(&set)
        .output()
        .expect("sha256sum runs");
    assert!(
        check.status.success(),
        "the frozen test set changed: {}",
        String::from_utf8_lossy(&check.stdout)
    );
    let listed = std::fs::read_to_string(set.join("SHA256SUMS")).unwrap();
    let d = detector();
    let cases = cases_in(&d, "tests/flags/testset");
    assert_eq!(
        cases.len(),
        listed.lines().count(),
        "files not in SHA256SUMS"
    );

    let mut report = String::new();
    let by_class = class_table(&cases, &mut report);
    let scores = category_scores(&cases, &mut report);
    // Never per message: this set is measured, not read while tuning (its README).
    println!("{report}");
    let mut below = class_bounds(&by_class, CLASS_FLOORS, CLASS_CEILINGS);
    below.extend(below_floors(&scores, CATEGORY_FLOORS));
    assert!(below.is_empty(), "{below:#?}");
}

/// The second development set (`tests/flags/devset2/`, written apart from the lexicon and the
/// frozen set, in the frozen set's classes; tuned on): the same tables and floors, and each
/// message it gets wrong. `cargo test --release --test flags_devset second -- --nocapture`.
#[test]
fn second_development_set_holds_its_floors() {
    let d = detector();
    let cases = cases_in(&d, "tests/flags/devset2");
    assert!(cases.len() >= 300, "{} messages", cases.len());
    let mut report = String::new();
    let by_class = class_table(&cases, &mut report);
    let scores = category_scores(&cases, &mut report);
    println!("{report}");
    for c in &cases {
        if c.expect.is_empty() != c.found.is_empty() {
            println!(
                "{}/{} [{}]: expected {:?}, found {:?}",
                c.folder, c.name, c.class, c.expect, c.excerpts
            );
        }
    }
    let mut below = class_bounds(&by_class, DEV2_CLASS_FLOORS, CLASS_CEILINGS);
    below.extend(below_floors(&scores, DEV2_CATEGORY_FLOORS));
    assert!(below.is_empty(), "{below:#?}");
}

/// Messages and messages flagged per class, written into `report` as a table with the
/// abusive-mail and threat recall under it.
fn class_table(cases: &[Case], report: &mut String) -> BTreeMap<String, (usize, usize)> {
    report.push_str("| folder | class | messages | flagged | rate |\n|---|---|---:|---:|---:|\n");
    let mut by_folder: BTreeMap<(&str, &str), (usize, usize)> = BTreeMap::new();
    for c in cases {
        let e = by_folder.entry((&c.folder, &c.class)).or_default();
        e.0 += 1;
        e.1 += usize::from(!c.found.is_empty());
    }
    let mut by_class: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for ((folder, class), (n, flagged)) in &by_folder {
        report.push_str(&format!(
            "| {folder} | {class} | {n} | {flagged} | {:.3} |\n",
            *flagged as f64 / *n as f64
        ));
        let e = by_class.entry(class.to_string()).or_default();
        e.0 += n;
        e.1 += flagged;
    }
    let abusive: Vec<&Case> = cases.iter().filter(|c| !c.expect.is_empty()).collect();
    let caught = abusive.iter().filter(|c| !c.found.is_empty()).count();
    let threats: Vec<&&Case> = abusive
        .iter()
        .filter(|c| c.expect.iter().any(|e| e.starts_with("threat")))
        .collect();
    let threats_caught = threats
        .iter()
        .filter(|c| c.found.iter().any(|f| f.starts_with("threat")))
        .count();
    report.push_str(&format!(
        "\nabusive mail: {caught}/{} = {:.3}; threats flagged as a threat: {threats_caught}/{} = {:.3}\n",
        abusive.len(),
        caught as f64 / abusive.len() as f64,
        threats.len(),
        threats_caught as f64 / threats.len() as f64
    ));
    by_class
}

/// Every class whose share of messages flagged is under its floor or over its ceiling.
fn class_bounds(
    by_class: &BTreeMap<String, (usize, usize)>,
    floors: &[(&str, f64)],
    ceilings: &[(&str, f64)],
) -> Vec<String> {
    let rate = |class: &str| {
        let (n, flagged) = by_class.get(class).copied().unwrap_or_default();
        assert!(n > 0, "no messages of class {class}");
        flagged as f64 / n as f64
    };
    let mut out = Vec::new();
    for &(class, floor) in floors {
        let r = rate(class);
        if r < floor {
            out.push(format!("class {class}: flagged {r:.3} < floor {floor}"));
        }
    }
    for &(class, ceiling) in ceilings {
        let r = rate(class);
        if r > ceiling {
            out.push(format!("class {class}: flagged {r:.3} > ceiling {ceiling}"));
        }
    }
    out
}

/// Per class of the frozen test set: the least share of messages flagged. Set from the latest
/// measurement of the shipped lexicon on it (bench/RESULTS.md), rounded down: the floors guard
/// what was reached; the targets are reported beside them.
const CLASS_FLOORS: &[(&str, f64)] = &[
    ("encoded", 0.9),
    ("insult", 0.85),
    ("obfuscated", 0.85),
    ("profanity", 0.85),
    ("slur", 0.6),
    ("threat_direct", 0.75),
    ("threat_implied", 0.45),
    ("threat_property", 0.25),
    ("threat_third_party", 0.45),
    ("threat_weapon", 0.35),
    ("threat_wish", 0.7),
];

/// Per legitimate class: the most share of messages flagged. Place names: none, ever.
const CLASS_CEILINGS: &[(&str, f64)] = &[
    ("place", 0.0),
    ("forceful", 0.01),
    ("figurative", 0.0),
    ("innocent_sense", 0.07),
];

/// Per category: (precision floor, recall floor), as CLASS_FLOORS.
const CATEGORY_FLOORS: &[(&str, f64, f64)] = &[
    ("demeaning", 0.95, 0.7),
    ("profanity", 0.95, 0.85),
    ("slur_disablist", 0.95, 0.95),
    ("slur_homophobic", 0.7, 0.35),
    ("slur_racist", 0.75, 0.7),
    ("slur_sexist", 0.95, 0.85),
    ("slur_transphobic", 0.95, 0.6),
    ("threat", 0.95, 0.45),
    ("threat_implied", 0.85, 0.5),
];

/// Per category on the development set: (precision floor, recall floor), just under what the
/// shipped lexicon reaches (bench/RESULTS.md), so a change that loses ground fails. Precision
/// counts every message flagged with the category, reports of abuse received included.
const DEV_CATEGORY_FLOORS: &[(&str, f64, f64)] = &[
    ("demeaning", 0.85, 0.8),
    ("harassment", 0.65, 0.85),
    ("profanity", 0.9, 0.95),
    ("sexual", 0.95, 0.4),
    ("slur_disablist", 0.8, 0.95),
    ("slur_homophobic", 0.95, 0.9),
    ("slur_racist", 0.75, 0.95),
    ("slur_sexist", 0.8, 0.95),
    ("slur_transphobic", 0.85, 0.85),
    // 0.85: two reports of abuse received now show the quoted threat too (marked reported:
    // not held, no incident), which precision counts against.
    ("threat", 0.85, 0.9),
    ("threat_implied", 0.9, 0.95),
];

/// Per class of the second development set: the least share of messages flagged, just under
/// what the shipped lexicon reaches (bench/RESULTS.md).
const DEV2_CLASS_FLOORS: &[(&str, f64)] = &[
    ("encoded", 0.95),
    ("insult", 0.9),
    ("obfuscated", 0.9),
    ("profanity", 0.95),
    ("slur", 0.8),
    ("threat_direct", 0.95),
    ("threat_implied", 0.9),
    ("threat_property", 0.7),
    ("threat_third_party", 0.7),
    ("threat_weapon", 0.9),
    ("threat_wish", 0.95),
];

/// Per category on the second development set: (precision floor, recall floor), as
/// DEV_CATEGORY_FLOORS.
const DEV2_CATEGORY_FLOORS: &[(&str, f64, f64)] = &[
    ("demeaning", 0.95, 0.6),
    ("profanity", 0.95, 0.9),
    ("slur_disablist", 0.95, 0.95),
    ("slur_homophobic", 0.95, 0.55),
    ("slur_racist", 0.95, 0.75),
    ("slur_sexist", 0.95, 0.75),
    ("threat", 0.95, 0.75),
    ("threat_implied", 0.9, 0.8),
];
