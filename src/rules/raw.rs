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
    let raw: RawFile = crate::diagnostics::parse_toml(text, name)?;
    let mut compiler = Compiler {
        p: Problems {
            name,
            lines: LineIndex::new(text),
            list: Vec::new(),
        },
        matching,
        ids: HashMap::new(),
        owners: HashMap::new(),
    };
    let customers = raw
        .customer
        .into_iter()
        .filter_map(|c| compiler.customer(c))
        .collect();
    if compiler.p.list.is_empty() {
        Ok(customers)
    } else {
        Err(RulesError {
            problems: compiler.p.list,
        })
    }
}

/// Compiles a file's customers one after another, remembering the first use of each id and
/// address so that a second use can name it.
struct Compiler<'a> {
    p: Problems<'a>,
    matching: &'a MatchSettings,
    /// id → span of first use. Locations are only formatted when there is a problem to
    /// report.
    ids: HashMap<String, Range<usize>>,
    /// address → (customer id, span).
    owners: HashMap<String, (String, Range<usize>)>,
}

impl Compiler<'_> {
    /// One `[[customer]]`; none without an `id`.
    fn customer(&mut self, c: Spanned<RawCustomer>) -> Option<Customer> {
        let span = c.span();
        let c = c.into_inner();
        let id = non_empty(&mut self.p, &span, c.id, "id")?;
        self.claim_id(&id);
        let name = non_empty(&mut self.p, &span, c.name, "name")
            .map(Spanned::into_inner)
            .unwrap_or_default();
        let addresses = self.claim_addresses(&span, id.get_ref(), c.addresses);
        let language = language(&mut self.p, c.language);
        let restrictions = c
            .restriction
            .into_iter()
            .filter_map(|r| restriction(&mut self.p, r, self.matching))
            .collect();
        Some(Customer {
            id: id.into_inner(),
            name,
            addresses,
            language,
            adjustments: c.adjustments,
            restrictions,
        })
    }

    /// Records the first use of a customer id; a second use is a problem naming the first.
    fn claim_id(&mut self, id: &Spanned<String>) {
        if let Some(first) = self.ids.get(id.get_ref()) {
            let first = self.p.at(first);
            self.p.add(
                &id.span(),
                format!(
                    "duplicate customer id {:?} (first used at {first})",
                    id.get_ref()
                ),
            );
        } else {
            self.ids.insert(id.get_ref().clone(), id.span());
        }
    }

    /// Customer `id`'s addresses, normalised: at least one, and none that another customer
    /// has claimed.
    fn claim_addresses(
        &mut self,
        table: &Range<usize>,
        id: &str,
        list: Vec<Spanned<String>>,
    ) -> Vec<String> {
        if list.is_empty() {
            self.p.add(
                table,
                format!("customer {id}: `addresses` must list at least one address"),
            );
        }
        let mut addresses = Vec::new();
        for a in list {
            let Some(norm) = address(&mut self.p, &a, self.matching) else {
                continue;
            };
            if let Some((owner, first)) = self.owners.get(&norm) {
                let message = format!(
                    "address {norm} is claimed by customer {owner} (at {}) and by {id}",
                    self.p.at(first),
                );
                self.p.add(&a.span(), message);
            } else {
                self.owners.insert(norm.clone(), (id.to_string(), a.span()));
            }
            addresses.push(norm);
        }
        addresses
    }
}

fn language(p: &mut Problems<'_>, language: Option<Spanned<String>>) -> Language {
    let Some(l) = language else {
        return Language::Both;
    };
    match l.get_ref().as_str() {
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
