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

pub use crate::diagnostics::{RulesError, RulesProblem};

/// The file inside `rules_dir` that holds the restrictions.
pub const RESTRICTIONS_FILE: &str = "restrictions.toml";

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
    /// Loads `rules_dir/restrictions.toml` (the rest of the rules directory is assembled by
    /// [`crate::ruleset::RuleSet::load`]).
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

#[cfg(test)]
mod tests;
