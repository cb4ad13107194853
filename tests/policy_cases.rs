//! Data-driven policy cases: every `tests/policy/NAME.eml` is explained against
//! `tests/policy/restrictions.toml` and checked against `NAME.expect.toml`. See the README there.

use std::path::{Path, PathBuf};

use contactgate::explain::explain;
use contactgate::policy::PolicySettings;
use contactgate::rules::MatchSettings;
use contactgate::ruleset::RuleSet;
use serde::Deserialize;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    sender: Option<String>,
    #[serde(default)]
    rcpt: Vec<String>,
    at: Option<String>,
    expect: Expect,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    action: String,
    recipients: Option<Vec<String>>,
    #[serde(default)]
    reasons: Vec<String>,
    release_at: Option<String>,
}

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/policy")
}

/// Runs one case; returns a description of each mismatch.
fn check(eml: &Path, rules: &RuleSet) -> Vec<String> {
    let expect_path = eml.with_extension("expect.toml");
    let case: Case = toml::from_str(
        &std::fs::read_to_string(&expect_path)
            .unwrap_or_else(|e| panic!("{}: {e}", expect_path.display())),
    )
    .unwrap_or_else(|e| panic!("{}: {e}", expect_path.display()));
    let at = case.at.as_deref().unwrap_or("2026-07-01T09:30:00Z");
    let now = OffsetDateTime::parse(at, &Rfc3339).unwrap();
    let raw = std::fs::read(eml).unwrap();
    let e = explain(
        &eml.display().to_string(),
        &raw,
        case.sender.as_deref(),
        &case.rcpt,
        rules,
        &PolicySettings::default(),
        now,
    )
    .unwrap();
    let mut problems = Vec::new();
    if e.action.as_str() != case.expect.action {
        problems.push(format!(
            "action {} (wanted {})",
            e.action.as_str(),
            case.expect.action
        ));
    }
    if let Some(r) = &case.expect.recipients
        && &e.recipients != r
    {
        problems.push(format!("recipients {:?} (wanted {r:?})", e.recipients));
    }
    for needle in &case.expect.reasons {
        if !e.reasons.iter().any(|r| r.contains(needle.as_str())) {
            problems.push(format!("no reason contains {needle:?}: {:#?}", e.reasons));
        }
    }
    if let Some(want) = &case.expect.release_at {
        let want = OffsetDateTime::parse(want, &Rfc3339).unwrap();
        if e.release_at != Some(want) {
            problems.push(format!("release_at {:?} (wanted {want})", e.release_at));
        }
    }
    problems
}

#[test]
fn policy_cases() {
    let rules = RuleSet::load(&dir(), MatchSettings::default()).unwrap();
    let mut cases: Vec<PathBuf> = std::fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "eml"))
        .collect();
    cases.sort();
    assert!(cases.len() >= 20, "only {} cases", cases.len());
    let failures: Vec<String> = cases
        .iter()
        .flat_map(|c| {
            let name = c.file_stem().unwrap().to_string_lossy().into_owned();
            check(c, &rules)
                .into_iter()
                .map(move |p| format!("{name}: {p}"))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn plus_tags_match_when_configured() {
    let rules = RuleSet::load(
        &dir(),
        MatchSettings {
            strip_plus_tags: true,
        },
    )
    .unwrap();
    let raw = std::fs::read(dir().join("plus_tag_not_stripped_by_default.eml")).unwrap();
    let e = explain(
        "x",
        &raw,
        None,
        &[],
        &rules,
        &PolicySettings::default(),
        OffsetDateTime::now_utc(),
    )
    .unwrap();
    assert_eq!(e.action.as_str(), "file");
}
