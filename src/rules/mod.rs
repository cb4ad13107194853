//! Contact restrictions: the postmaster's `restrictions.toml`, read in two stages.
//!
//! [`raw`] mirrors the file; [`Rules::load`] validates it and builds the compiled form that the
//! policy reads: customers, their restrictions, and an address index, so matching a sender costs
//! one hash lookup however many customers there are.
//!
//! Loading is all or nothing. Every problem found is reported with `file:line:column`, and no
//! restriction is enforced without a recorded decision (`decided_by`, `decided_on`, `reasons`).
//! A reload that fails leaves the caller's current [`Rules`] untouched.

mod raw;

use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Serialize;
use time::{Date, Time};

/// The file inside `rules_dir` that holds the restrictions.
pub const RESTRICTIONS_FILE: &str = "restrictions.toml";

/// The directory inside `rules_dir` that holds the abuse lexicon.
pub const LEXICON_DIR: &str = "lexicon";

/// How addresses are compared.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MatchSettings {
    /// Treat `user+tag@domain` as `user@domain`.
    pub strip_plus_tags: bool,
}

impl MatchSettings {
    /// The form addresses are compared in: trimmed, without angle brackets, lower-cased, and
    /// without a `+tag` if configured.
    pub fn normalize(&self, address: &str) -> String {
        let a = address.trim().trim_start_matches('<').trim_end_matches('>');
        let a = a.to_lowercase();
        if self.strip_plus_tags
            && let Some((local, domain)) = a.rsplit_once('@')
            && let Some((base, _tag)) = local.split_once('+')
            && !base.is_empty()
        {
            return format!("{base}@{domain}");
        }
        a
    }
}

/// Which language replies use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    Cy,
    En,
    Both,
}

/// A customer whose contact is restricted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Customer {
    /// The council's case reference.
    pub id: String,
    pub name: String,
    /// Normalised addresses.
    pub addresses: Vec<String>,
    pub language: Language,
    pub adjustments: Option<String>,
    pub restrictions: Vec<Restriction>,
}

/// One restriction, with its decision record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restriction {
    pub kind: RestrictionKind,
    pub decided_by: String,
    pub decided_on: Date,
    pub review_on: Date,
    pub reasons: String,
    /// `file:line` of its table, for messages.
    pub location: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RestrictionKind {
    LetterOnly { postal_address: String },
    NamedStaff { staff: Vec<String> },
    NewInformationOnly,
    ThirdPartyOnly { representatives: Vec<String> },
    TimeWindow(TimeWindow),
    Topics { closed: Vec<String> },
}

impl RestrictionKind {
    pub fn name(&self) -> &'static str {
        match self {
            RestrictionKind::LetterOnly { .. } => "letter_only",
            RestrictionKind::NamedStaff { .. } => "named_staff",
            RestrictionKind::NewInformationOnly => "new_information_only",
            RestrictionKind::ThirdPartyOnly { .. } => "third_party_only",
            RestrictionKind::TimeWindow(_) => "time_window",
            RestrictionKind::Topics { .. } => "topics",
        }
    }
}

pub const KINDS: [&str; 6] = [
    "letter_only",
    "named_staff",
    "new_information_only",
    "third_party_only",
    "time_window",
    "topics",
];

/// When a `time_window` customer may be corresponded with, in UK local time (Europe/London).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeWindow {
    /// Indexed by `time::Weekday::number_days_from_monday()`.
    pub days: [bool; 7],
    pub from: Time,
    pub until: Time,
}

/// The compiled, validated rules.
#[derive(Debug, Clone, Default)]
pub struct Rules {
    customers: Vec<Customer>,
    by_address: HashMap<String, usize>,
    /// Representative address → customers who may be contacted through them.
    representatives: HashMap<String, Vec<usize>>,
    matching: MatchSettings,
    /// The file they came from.
    pub source: Option<PathBuf>,
    /// Reply templates from `rules_dir/templates`, loaded and reloaded with the rules.
    pub templates: crate::replies::Templates,
    /// The abuse lexicon from `rules_dir/lexicon/`, compiled; reloaded with the rules.
    pub detector: std::sync::Arc<crate::flags::Detector>,
    /// Contact-pattern thresholds from `rules_dir/monitoring.toml`.
    pub monitoring: crate::flags::monitor::Monitoring,
    /// "New information only" thresholds and phrases from `rules_dir/novelty.toml`.
    pub novelty: crate::novelty::Settings,
}

/// A problem in a rules file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RulesProblem {
    /// `file:line:column`.
    pub location: String,
    pub message: String,
    /// The message quotes the file's text (a value it could not accept). In
    /// `restrictions.toml` that can be a customer's details, so the log leaves it out
    /// ([`RulesProblem::for_log`]); `check-config` shows it whole.
    pub quotes_file: bool,
}

impl RulesProblem {
    /// The message as the log may carry it: without the file's text.
    pub fn for_log(&self) -> &str {
        if self.quotes_file {
            "this value is not valid here (left out of the log: `contactgate check-config` shows it)"
        } else {
            &self.message
        }
    }

    /// A TOML syntax or shape error in the file `name` holding `text`, at its `file:line:col`,
    /// with a suggestion for a misspelt key.
    pub(crate) fn from_toml(name: &str, text: &str, e: &toml::de::Error) -> RulesProblem {
        let (location, message) = crate::diagnostics::toml_error(name, text, e);
        // serde's messages quote the value they refused ("invalid type: string \"...\"").
        RulesProblem {
            location,
            message,
            quotes_file: true,
        }
    }
}

/// Collects the problems of one file, each at its `file:line:col`, for the files whose every
/// value keeps its span (the lexicon, monitoring and novelty settings).
pub(crate) struct FileProblems<'a> {
    pub(crate) name: &'a str,
    pub(crate) text: &'a str,
    pub(crate) list: &'a mut Vec<RulesProblem>,
}

impl FileProblems<'_> {
    fn at(&self, span: std::ops::Range<usize>) -> String {
        let (line, col) = crate::diagnostics::line_col(self.text, span.start);
        format!("{}:{line}:{col}", self.name)
    }

    pub(crate) fn add(&mut self, span: std::ops::Range<usize>, message: impl Into<String>) {
        let location = self.at(span);
        self.list.push(RulesProblem {
            location,
            message: message.into(),
            quotes_file: false,
        });
    }
}

/// Reads and parses an optional rules file: its defaults when it does not exist, a problem
/// naming it when it cannot be read.
pub(crate) fn load_or_default<T: Default>(
    path: &Path,
    parse: impl FnOnce(&str, &str) -> Result<T, RulesError>,
) -> Result<T, RulesError> {
    match std::fs::read_to_string(path) {
        Ok(text) => parse(&text, &path.display().to_string()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(T::default()),
        Err(e) => Err(RulesError {
            problems: vec![RulesProblem {
                location: path.display().to_string(),
                message: format!("cannot read: {e}"),
                quotes_file: false,
            }],
        }),
    }
}

/// Why rules could not be loaded: every problem found, each with its location.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct RulesError {
    pub problems: Vec<RulesProblem>,
}

impl RulesError {
    /// Every problem with its location, as the log may carry them
    /// ([`RulesProblem::for_log`]).
    pub fn for_log(&self) -> String {
        let lines: Vec<String> = self
            .problems
            .iter()
            .map(|p| format!("{}: {}", p.location, p.for_log()))
            .collect();
        lines.join("\n")
    }
}

impl fmt::Display for RulesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{}: {}", p.location, p.message)?;
        }
        Ok(())
    }
}

/// What a reload changed, for the log.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RulesDiff {
    pub added: Vec<String>,
    pub removed: Vec<String>,
    pub changed: Vec<String>,
}

impl fmt::Display for RulesDiff {
    /// For the log: "added A, B; removed C; changed D".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = [
            ("added", &self.added),
            ("removed", &self.removed),
            ("changed", &self.changed),
        ]
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(label, v)| format!("{label} {}", v.join(", ")))
        .collect();
        if parts.is_empty() {
            f.write_str("no customer changed")
        } else {
            f.write_str(&parts.join("; "))
        }
    }
}

impl Rules {
    /// Loads `rules_dir/restrictions.toml`, the reply templates, the lexicon and the
    /// monitoring thresholds and the novelty settings: all of them or none.
    pub fn load(rules_dir: &Path, matching: MatchSettings) -> Result<Rules, RulesError> {
        let path = rules_dir.join(RESTRICTIONS_FILE);
        let text = std::fs::read_to_string(&path).map_err(|e| RulesError {
            problems: vec![RulesProblem {
                location: path.display().to_string(),
                message: format!(
                    "cannot read: {e} (create an empty file if no customer is restricted)"
                ),
                quotes_file: false,
            }],
        })?;
        let mut rules = Rules::parse(&text, &path.display().to_string(), matching)?;
        rules.source = Some(path);
        rules.templates =
            crate::replies::Templates::load(&rules_dir.join("templates")).map_err(|errors| {
                RulesError {
                    problems: errors
                        .into_iter()
                        .map(|e| RulesProblem {
                            location: e.location,
                            message: e.message,
                            quotes_file: false,
                        })
                        .collect(),
                }
            })?;
        let lexicon = crate::flags::Lexicon::load(&rules_dir.join(LEXICON_DIR))?;
        rules.detector = std::sync::Arc::new(crate::flags::Detector::new(lexicon));
        rules.monitoring = crate::flags::monitor::Monitoring::load(rules_dir)?;
        rules.novelty = crate::novelty::Settings::load(rules_dir)?;
        Ok(rules)
    }

    /// Parses restrictions from TOML text; `name` only labels locations.
    pub fn parse(text: &str, name: &str, matching: MatchSettings) -> Result<Rules, RulesError> {
        let customers = raw::compile(text, name, &matching)?;
        let mut by_address = HashMap::new();
        let mut representatives: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, c) in customers.iter().enumerate() {
            for a in &c.addresses {
                by_address.insert(a.clone(), i);
            }
            for r in &c.restrictions {
                if let RestrictionKind::ThirdPartyOnly {
                    representatives: reps,
                } = &r.kind
                {
                    for rep in reps {
                        representatives.entry(rep.clone()).or_default().push(i);
                    }
                }
            }
        }
        Ok(Rules {
            customers,
            by_address,
            representatives,
            matching,
            source: None,
            templates: crate::replies::Templates::default(),
            detector: Default::default(),
            monitoring: Default::default(),
            novelty: Default::default(),
        })
    }

    pub fn customers(&self) -> &[Customer] {
        &self.customers
    }

    pub fn matching(&self) -> MatchSettings {
        self.matching
    }

    /// The customer an address belongs to.
    pub fn customer_by_address(&self, address: &str) -> Option<&Customer> {
        let key = self.matching.normalize(address);
        self.by_address.get(&key).map(|&i| &self.customers[i])
    }

    /// Customers for whom `address` is a listed representative.
    pub fn represented_by(&self, address: &str) -> Vec<&Customer> {
        let key = self.matching.normalize(address);
        self.representatives
            .get(&key)
            .map(|v| v.iter().map(|&i| &self.customers[i]).collect())
            .unwrap_or_default()
    }

    /// What changed from `old` to `self`.
    pub fn diff(&self, old: &Rules) -> RulesDiff {
        let old_ids: HashMap<&str, &Customer> =
            old.customers.iter().map(|c| (c.id.as_str(), c)).collect();
        let new_ids: BTreeSet<&str> = self.customers.iter().map(|c| c.id.as_str()).collect();
        let mut diff = RulesDiff::default();
        for c in &self.customers {
            match old_ids.get(c.id.as_str()) {
                None => diff.added.push(c.id.clone()),
                Some(o) if !same_customer(o, c) => diff.changed.push(c.id.clone()),
                Some(_) => {}
            }
        }
        for c in &old.customers {
            if !new_ids.contains(c.id.as_str()) {
                diff.removed.push(c.id.clone());
            }
        }
        diff
    }
}

/// Equal apart from source locations (moving a block in the file is not a change).
fn same_customer(a: &Customer, b: &Customer) -> bool {
    let strip = |c: &Customer| {
        let mut c = c.clone();
        for r in &mut c.restrictions {
            r.location.clear();
        }
        c
    };
    strip(a) == strip(b)
}

/// `decided_on` plus twelve months; 29 February becomes 28 February. `None` when that is past
/// the last date `time` can represent (9999-12-31): a rules file is operator input, and a
/// decision dated 9999-06-01 once panicked the daemon at start, so the caller reports it
/// against the file instead.
pub fn twelve_months_after(d: Date) -> Option<Date> {
    let year = d.year().checked_add(1)?;
    Date::from_calendar_date(year, d.month(), d.day())
        .ok()
        .or_else(|| {
            // Only 29 February can be missing a year on; its day before always exists.
            let day = d.day().checked_sub(1)?;
            Date::from_calendar_date(year, d.month(), day).ok()
        })
}

/// The rules the daemon enforces now, replaced whole on reload. Readers take a cheap snapshot
/// (`Arc`), so a reload never changes the rules under a decision in progress.
#[derive(Debug, Default)]
pub struct LiveRules(std::sync::RwLock<std::sync::Arc<Rules>>);

impl LiveRules {
    pub fn new(rules: Rules) -> LiveRules {
        LiveRules(std::sync::RwLock::new(std::sync::Arc::new(rules)))
    }

    pub fn current(&self) -> std::sync::Arc<Rules> {
        self.0.read().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// Installs `rules`; returns what changed.
    pub fn replace(&self, rules: Rules) -> RulesDiff {
        let mut guard = self.0.write().unwrap_or_else(|p| p.into_inner());
        let diff = rules.diff(&guard);
        *guard = std::sync::Arc::new(rules);
        diff
    }
}

#[cfg(test)]
mod tests;
