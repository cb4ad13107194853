//! The raw form of `restrictions.toml`, exactly as written, and its validation into
//! [`Customer`]s. Every field keeps its span so that problems point at `file:line:column`.

use std::collections::HashMap;
use std::ops::Range;

use serde::Deserialize;
use time::{Date, Month, Time};
use toml::Spanned;
use toml::value::Datetime;

use crate::clock::hh_mm;
use crate::diagnostics::LineIndex;

use super::{
    Customer, KINDS, Language, MatchSettings, Restriction, RestrictionKind, RulesError,
    RulesProblem, TimeWindow, twelve_months_after,
};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    customer: Vec<Spanned<RawCustomer>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCustomer {
    id: Option<Spanned<String>>,
    name: Option<Spanned<String>>,
    #[serde(default)]
    addresses: Vec<Spanned<String>>,
    language: Option<Spanned<String>>,
    adjustments: Option<String>,
    #[serde(default)]
    restriction: Vec<Spanned<RawRestriction>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRestriction {
    kind: Option<Spanned<String>>,
    decided_by: Option<Spanned<String>>,
    decided_on: Option<Spanned<Datetime>>,
    review_on: Option<Spanned<Datetime>>,
    reasons: Option<Spanned<String>>,
    staff: Option<Spanned<Vec<Spanned<String>>>>,
    postal_address: Option<Spanned<String>>,
    representatives: Option<Spanned<Vec<Spanned<String>>>>,
    days: Option<Spanned<Vec<Spanned<String>>>>,
    from: Option<Spanned<String>>,
    until: Option<Spanned<String>>,
    closed: Option<Spanned<Vec<Spanned<String>>>>,
}

/// Collects problems with their locations.
struct Problems<'a> {
    name: &'a str,
    lines: LineIndex,
    list: Vec<RulesProblem>,
}

impl Problems<'_> {
    fn at(&self, span: &Range<usize>) -> String {
        let (line, col) = self.lines.line_col(span.start);
        format!("{}:{line}:{col}", self.name)
    }

    fn line(&self, span: &Range<usize>) -> String {
        format!("{}:{}", self.name, self.lines.line_col(span.start).0)
    }

    fn add(&mut self, span: &Range<usize>, message: impl Into<String>) {
        self.push(span, message.into(), false);
    }

    /// [`Problems::add`] for a message that quotes a value from the file.
    fn add_quoting(&mut self, span: &Range<usize>, message: impl Into<String>) {
        self.push(span, message.into(), true);
    }

    fn push(&mut self, span: &Range<usize>, message: String, quotes_file: bool) {
        let location = self.at(span);
        self.list.push(RulesProblem {
            location,
            message,
            quotes_file,
        });
    }
}

pub(super) fn compile(
    text: &str,
    name: &str,
    matching: &MatchSettings,
) -> Result<Vec<Customer>, RulesError> {
    let raw: RawFile = toml::from_str(text).map_err(|e| RulesError {
        problems: vec![RulesProblem::from_toml(name, text, &e)],
    })?;
    let mut p = Problems {
        name,
        lines: LineIndex::new(text),
        list: Vec::new(),
    };
    let mut customers = Vec::new();
    // id → span of first use; address → (customer id, span). Locations are only formatted
    // when there is a problem to report.
    let mut ids: HashMap<String, Range<usize>> = HashMap::new();
    let mut owners: HashMap<String, (String, Range<usize>)> = HashMap::new();
    for c in raw.customer {
        let span = c.span();
        let c = c.into_inner();
        let Some(id) = non_empty(&mut p, &span, c.id, "id") else {
            continue;
        };
        if let Some(first) = ids.get(id.get_ref()) {
            let first = p.at(first);
            p.add(
                &id.span(),
                format!(
                    "duplicate customer id {:?} (first used at {first})",
                    id.get_ref()
                ),
            );
        } else {
            ids.insert(id.get_ref().clone(), id.span());
        }
        let name = non_empty(&mut p, &span, c.name, "name")
            .map(Spanned::into_inner)
            .unwrap_or_default();
        if c.addresses.is_empty() {
            p.add(
                &span,
                format!(
                    "customer {}: `addresses` must list at least one address",
                    id.get_ref()
                ),
            );
        }
        let mut addresses = Vec::new();
        for a in c.addresses {
            let Some(norm) = address(&mut p, &a, matching) else {
                continue;
            };
            if let Some((owner, first)) = owners.get(&norm) {
                let message = format!(
                    "address {norm} is claimed by customer {owner} (at {}) and by {}",
                    p.at(first),
                    id.get_ref()
                );
                p.add(&a.span(), message);
            } else {
                owners.insert(norm.clone(), (id.get_ref().clone(), a.span()));
            }
            addresses.push(norm);
        }
        let language = match c.language {
            None => Language::Both,
            Some(l) => match l.get_ref().as_str() {
                "cy" => Language::Cy,
                "en" => Language::En,
                "both" => Language::Both,
                other => {
                    p.add_quoting(
                        &l.span(),
                        format!("language must be \"cy\", \"en\" or \"both\", not {other:?}"),
                    );
                    Language::Both
                }
            },
        };
        let mut restrictions = Vec::new();
        for r in c.restriction {
            if let Some(r) = restriction(&mut p, r, matching) {
                restrictions.push(r);
            }
        }
        customers.push(Customer {
            id: id.into_inner(),
            name,
            addresses,
            language,
            adjustments: c.adjustments,
            restrictions,
        });
    }
    if p.list.is_empty() {
        Ok(customers)
    } else {
        Err(RulesError { problems: p.list })
    }
}

fn non_empty(
    p: &mut Problems<'_>,
    table: &Range<usize>,
    value: Option<Spanned<String>>,
    field: &str,
) -> Option<Spanned<String>> {
    match value {
        None => {
            p.add(table, format!("missing `{field}`"));
            None
        }
        Some(v) if v.get_ref().trim().is_empty() => {
            p.add(&v.span(), format!("`{field}` must not be empty"));
            None
        }
        Some(v) => Some(v),
    }
}

fn address(p: &mut Problems<'_>, a: &Spanned<String>, matching: &MatchSettings) -> Option<String> {
    let norm = matching.normalize(a.get_ref());
    let valid = norm.rsplit_once('@').is_some_and(|(l, d)| {
        !l.is_empty() && !d.is_empty() && !norm.contains(char::is_whitespace)
    });
    if valid {
        Some(norm)
    } else {
        p.add_quoting(
            &a.span(),
            format!("{:?} is not an email address", a.get_ref()),
        );
        None
    }
}

fn addresses(
    p: &mut Problems<'_>,
    table: &Range<usize>,
    list: Option<Spanned<Vec<Spanned<String>>>>,
    field: &str,
    kind: &str,
    matching: &MatchSettings,
) -> Vec<String> {
    match list {
        None => {
            p.add(table, format!("kind {kind} needs `{field}`"));
            Vec::new()
        }
        Some(l) if l.get_ref().is_empty() => {
            p.add(
                &l.span(),
                format!("`{field}` must list at least one address"),
            );
            Vec::new()
        }
        Some(l) => l
            .into_inner()
            .iter()
            .filter_map(|a| address(p, a, matching))
            .collect(),
    }
}

fn restriction(
    p: &mut Problems<'_>,
    r: Spanned<RawRestriction>,
    matching: &MatchSettings,
) -> Option<Restriction> {
    let span = r.span();
    let mut r = r.into_inner();
    let location = p.line(&span);
    let decided_by = non_empty(p, &span, r.decided_by.take(), "decided_by");
    let reasons = non_empty(p, &span, r.reasons.take(), "reasons");
    let decided_on = match &r.decided_on {
        None => {
            p.add(&span, "missing `decided_on`");
            None
        }
        Some(d) => date(p, d),
    };
    let review_on = review_on(p, &r, decided_on);
    let kind = kind(p, &span, r, matching)?;
    Some(Restriction {
        kind,
        decided_by: decided_by?.into_inner(),
        decided_on: decided_on?,
        review_on: review_on?,
        reasons: reasons?.into_inner(),
        location,
    })
}

/// `review_on`, not before `decided_on`; unset, twelve months after `decided_on`.
fn review_on(p: &mut Problems<'_>, r: &RawRestriction, decided_on: Option<Date>) -> Option<Date> {
    let review_on = r.review_on.as_ref().and_then(|d| date(p, d));
    match (decided_on, review_on) {
        (Some(decided), Some(review)) if review < decided => {
            p.add(
                &r.review_on.as_ref().expect("parsed above").span(),
                "`review_on` is before `decided_on`",
            );
            None
        }
        (_, Some(review)) => Some(review),
        (Some(decided), None) => {
            let review = twelve_months_after(decided);
            if review.is_none() {
                // `decided` came from `r.decided_on`, so this always matches.
                if let Some(d) = &r.decided_on {
                    p.add(
                        &d.span(),
                        format!(
                            "`decided_on` {decided} is too late: twelve months on is past \
                             9999-12-31, so there is no default review date; check the \
                             date or give `review_on`"
                        ),
                    );
                }
            }
            review
        }
        (None, None) => None,
    }
}

/// The restriction's kind, from `kind` and the fields that belong to it.
fn kind(
    p: &mut Problems<'_>,
    span: &Range<usize>,
    r: RawRestriction,
    matching: &MatchSettings,
) -> Option<RestrictionKind> {
    let Some(kind_name) = &r.kind else {
        p.add(
            span,
            format!("missing `kind` (one of {})", KINDS.join(", ")),
        );
        return None;
    };
    let kind_str = kind_name.get_ref().as_str();
    let allowed = fields_of_kind(p, kind_name)?;
    // Fields that belong to other kinds are mistakes, not harmless extras: a postmaster who
    // wrote `staff` under `letter_only` meant something the file does not say.
    for (field, is_set) in r.kind_fields_set() {
        if is_set && !allowed.contains(&field) {
            p.add(span, format!("`{field}` does not apply to kind {kind_str}"));
        }
    }
    let kind = match kind_str {
        "letter_only" => {
            let postal_address = non_empty(p, span, r.postal_address, "postal_address")?;
            RestrictionKind::LetterOnly {
                postal_address: postal_address.into_inner(),
            }
        }
        "named_staff" => RestrictionKind::NamedStaff {
            staff: addresses(p, span, r.staff, "staff", kind_str, matching),
        },
        "new_information_only" => RestrictionKind::NewInformationOnly,
        "third_party_only" => RestrictionKind::ThirdPartyOnly {
            representatives: addresses(
                p,
                span,
                r.representatives,
                "representatives",
                kind_str,
                matching,
            ),
        },
        "time_window" => RestrictionKind::TimeWindow(window(p, span, r.days, r.from, r.until)?),
        "topics" => RestrictionKind::Topics {
            closed: closed_topics(p, span, r.closed)?,
        },
        _ => unreachable!("unknown kinds returned above"),
    };
    Some(kind)
}

impl RawRestriction {
    /// Whether each field that only some kinds have is set.
    fn kind_fields_set(&self) -> [(&'static str, bool); 7] {
        [
            ("staff", self.staff.is_some()),
            ("postal_address", self.postal_address.is_some()),
            ("representatives", self.representatives.is_some()),
            ("days", self.days.is_some()),
            ("from", self.from.is_some()),
            ("until", self.until.is_some()),
            ("closed", self.closed.is_some()),
        ]
    }
}

/// The fields a kind has, or a problem (with a suggestion) for a kind that does not exist.
fn fields_of_kind(
    p: &mut Problems<'_>,
    kind_name: &Spanned<String>,
) -> Option<&'static [&'static str]> {
    let allowed: &[&str] = match kind_name.get_ref().as_str() {
        "letter_only" => &["postal_address"],
        "named_staff" => &["staff"],
        "new_information_only" => &[],
        "third_party_only" => &["representatives"],
        "time_window" => &["days", "from", "until"],
        "topics" => &["closed"],
        other => {
            let hint = KINDS
                .iter()
                .find(|k| k.contains(other) || other.contains(*k))
                .map(|k| format!(" (did you mean `{k}`?)"))
                .unwrap_or_default();
            p.add_quoting(
                &kind_name.span(),
                format!(
                    "unknown kind {other:?}; expected one of {}{hint}",
                    KINDS.join(", ")
                ),
            );
            return None;
        }
    };
    Some(allowed)
}

/// `closed`: the topics of a `topics` restriction, at least one, blanks left out.
fn closed_topics(
    p: &mut Problems<'_>,
    table: &Range<usize>,
    closed: Option<Spanned<Vec<Spanned<String>>>>,
) -> Option<Vec<String>> {
    let closed: Vec<String> = match closed {
        None => {
            p.add(table, "kind topics needs `closed`");
            return None;
        }
        Some(c) => c
            .into_inner()
            .into_iter()
            .map(|t| t.into_inner().trim().to_string())
            .filter(|t| !t.is_empty())
            .collect(),
    };
    if closed.is_empty() {
        p.add(table, "`closed` must list at least one topic");
        return None;
    }
    Some(closed)
}

fn date(p: &mut Problems<'_>, d: &Spanned<Datetime>) -> Option<Date> {
    let v = d.get_ref();
    let Some(ymd) = v.date.filter(|_| v.time.is_none() && v.offset.is_none()) else {
        p.add(
            &d.span(),
            format!("expected a date like 2026-03-01, not {v}"),
        );
        return None;
    };
    let date = Month::try_from(ymd.month)
        .ok()
        .and_then(|m| Date::from_calendar_date(i32::from(ymd.year), m, ymd.day).ok());
    if date.is_none() {
        p.add(&d.span(), format!("{v} is not a real date"));
    }
    date
}

fn window(
    p: &mut Problems<'_>,
    table: &Range<usize>,
    days: Option<Spanned<Vec<Spanned<String>>>>,
    from: Option<Spanned<String>>,
    until: Option<Spanned<String>>,
) -> Option<TimeWindow> {
    let mut set = [false; 7];
    match days {
        None => p.add(table, "kind time_window needs `days`"),
        Some(d) if d.get_ref().is_empty() => p.add(&d.span(), "`days` must list at least one day"),
        Some(d) => {
            for day in d.get_ref() {
                match weekday(day.get_ref()) {
                    Some(i) => set[i] = true,
                    None => p.add_quoting(
                        &day.span(),
                        format!(
                            "{:?} is not a day; use mon, tue, wed, thu, fri, sat or sun",
                            day.get_ref()
                        ),
                    ),
                }
            }
        }
    }
    let mut clock = |v: Option<Spanned<String>>, field: &str| -> Option<(Time, Range<usize>)> {
        let Some(v) = v else {
            p.add(table, format!("kind time_window needs `{field}`"));
            return None;
        };
        match hh_mm(v.get_ref()) {
            Some(t) => Some((t, v.span())),
            None => {
                p.add_quoting(
                    &v.span(),
                    format!(
                        "`{field}` must be a time like \"10:00\", not {:?}",
                        v.get_ref()
                    ),
                );
                None
            }
        }
    };
    let from = clock(from, "from");
    let until = clock(until, "until");
    let ((from, _), (until, until_span)) = (from?, until?);
    if until <= from {
        p.add(
            &until_span,
            "`until` must be later than `from` (windows do not cross midnight)",
        );
        return None;
    }
    set.iter().any(|d| *d).then_some(TimeWindow {
        days: set,
        from,
        until,
    })
}

fn weekday(s: &str) -> Option<usize> {
    let s = s.trim().to_ascii_lowercase();
    let names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    let full = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    names
        .iter()
        .position(|n| *n == s)
        .or_else(|| full.iter().position(|n| *n == s))
}
