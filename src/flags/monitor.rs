//! Contact-pattern monitoring: how often one sender writes, and to how many council addresses.
//! PURE: the counters are values; the store keeps them per sender.
//!
//! The policy's "unreasonable persistence" (numerous emails to one officer, or to many staff
//! and councillors) is a pattern, not a word. Each sender has fixed-size rolling counters, so
//! updating them costs O(1) whatever the history:
//! - 24 hourly buckets: messages in the last 24 hours;
//! - 7 daily buckets: messages in the last 7 days;
//! - up to [`MAX_RECIPIENTS`] recipient hashes seen in the last 24 hours (fan-out).
//!
//! Thresholds live in `rules_dir/monitoring.toml`:
//! ```toml
//! exempt_domains = ["council.example"]   # the council's own staff are not monitored
//! [frequency]
//! per_day = 10
//! per_week = 30
//! action = "tag"                          # or "hold"
//! [fan_out]
//! distinct_recipients_per_day = 8
//! action = "tag"
//! ```

use std::path::Path;

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use toml::Spanned;

use super::lexicon::flag_action;
use super::{Flag, FlagAction, Severity};
use crate::diagnostics::{FileProblems, RulesError};

/// The file in `rules_dir`.
pub const MONITORING_FILE: &str = "monitoring.toml";

/// Distinct recipients remembered per sender; more than any sensible threshold.
pub const MAX_RECIPIENTS: usize = 64;

/// Counters stamped further ahead of the clock than this are reset, not trusted.
const FUTURE_HOURS: i64 = 24 * 7;

/// A sender's counters.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counters {
    /// Hours since the epoch of the last update.
    pub last_hour: i64,
    pub hours: [u32; 24],
    pub days: [u32; 7],
    /// (recipient hash, hour seen), newest last.
    pub recipients: Vec<(u64, i64)>,
    /// The hour each threshold (per day, per week, fan-out) last recorded a crossing: one
    /// incident per threshold per window, however the sender's parallel messages interleave.
    #[serde(default)]
    pub crossed_at: [Option<i64>; 3],
}

/// How long (hours) a recorded crossing of each threshold stands: its window.
const CROSSING_WINDOWS: [i64; 3] = [24, 24 * 7, 24];

impl Counters {
    /// Counts one message to `recipients` at `now`.
    pub fn observe(&mut self, recipients: &[String], now: OffsetDateTime) {
        let hour = now.unix_timestamp().div_euclid(3600);
        // Counters stamped more than a week ahead (a clock that once jumped forward, or a
        // damaged record) would swallow every later count into one bucket and never expire:
        // start afresh.
        if self.last_hour.saturating_sub(hour) > FUTURE_HOURS {
            *self = Counters::default();
        }
        // A clock that steps back a little counts in the current bucket rather than rewinding.
        let hour = hour.max(self.last_hour);
        self.advance(hour);
        let slot = &mut self.hours[hour.rem_euclid(24) as usize];
        *slot = slot.saturating_add(1);
        let slot = &mut self.days[(hour.div_euclid(24)).rem_euclid(7) as usize];
        *slot = slot.saturating_add(1);
        for r in recipients {
            let h = hash(r);
            self.recipients.retain(|(x, _)| *x != h);
            self.recipients.push((h, hour));
        }
        let excess = self.recipients.len().saturating_sub(MAX_RECIPIENTS);
        self.recipients.drain(..excess);
    }

    /// Takes back one message counted in `hour` (the counters' hour then) that added the
    /// recipient hashes `added` and recorded the crossings `crossed`: what has rolled out of its
    /// window since is left alone, and a crossing is forgotten (so the retry records it) only if
    /// no later message has recorded one since.
    pub fn unobserve(&mut self, hour: i64, added: &[u64], crossed: [bool; 3]) {
        for (at, mine) in self.crossed_at.iter_mut().zip(crossed) {
            if mine && *at == Some(hour) {
                *at = None;
            }
        }
        if hour > self.last_hour {
            return;
        }
        if self.last_hour - hour < 24 {
            let slot = &mut self.hours[hour.rem_euclid(24) as usize];
            *slot = slot.saturating_sub(1);
        }
        if self.last_hour.div_euclid(24) - hour.div_euclid(24) < 7 {
            let slot = &mut self.days[hour.div_euclid(24).rem_euclid(7) as usize];
            *slot = slot.saturating_sub(1);
        }
        self.recipients
            .retain(|(h, seen)| !(added.contains(h) && *seen == hour));
    }

    /// Zeroes the buckets that have rolled out of their window by `hour`.
    pub(crate) fn advance(&mut self, hour: i64) {
        let last = self.last_hour;
        if hour <= last {
            return;
        }
        if hour.saturating_sub(last) >= 24 {
            self.hours = [0; 24];
        } else {
            for h in last + 1..=hour {
                self.hours[h.rem_euclid(24) as usize] = 0;
            }
        }
        let (last_day, day) = (last.div_euclid(24), hour.div_euclid(24));
        if day.saturating_sub(last_day) >= 7 {
            self.days = [0; 7];
        } else {
            for d in last_day + 1..=day {
                self.days[d.rem_euclid(7) as usize] = 0;
            }
        }
        self.recipients
            .retain(|(_, seen)| *seen > hour.saturating_sub(24));
        self.last_hour = hour;
    }

    pub fn per_day(&self) -> u32 {
        self.hours.iter().fold(0u32, |a, &b| a.saturating_add(b))
    }

    pub fn per_week(&self) -> u32 {
        self.days.iter().fold(0u32, |a, &b| a.saturating_add(b))
    }

    pub fn fan_out(&self) -> u32 {
        self.recipients.len() as u32
    }

    /// Whether nothing has been counted within the last week: the counters can go.
    pub fn expired(&self, now: OffsetDateTime) -> bool {
        let hour = now.unix_timestamp().div_euclid(3600);
        hour.saturating_sub(self.last_hour) >= 24 * 8
            || self.last_hour.saturating_sub(hour) > FUTURE_HOURS
    }
}

/// A message's count, to take back if the message is not accepted after all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactReservation {
    /// The normalised sender.
    pub sender: String,
    /// The hour it was counted in.
    pub hour: i64,
    /// Recipient hashes it added to the fan-out.
    pub added: Vec<u64>,
    /// The thresholds whose crossing it recorded (per day, per week, fan-out).
    pub crossed: [bool; 3],
}

impl Counters {
    /// A stored counters record; `None` for one that does not read.
    pub fn decode(bytes: &[u8]) -> Option<Counters> {
        serde_json::from_slice(bytes).ok()
    }

    fn encode(&self) -> Vec<u8> {
        serde_json::to_vec(self).expect("Counters serialise")
    }
}

/// Counts one message from `sender` (a normalised address) to `recipients` into its stored
/// counters `old`: the record to store, the flags `monitoring` raises with it, and the
/// reservation that takes the count back ([`give_back`]). Pure and O(1) (the counters have a
/// fixed size): the store runs it inside one atomic update (`Store::update_contact`), so
/// which messages record a crossing is decided there and parallel messages record each
/// crossing once.
pub fn count(
    old: Option<&[u8]>,
    sender: &str,
    recipients: &[String],
    now: OffsetDateTime,
    monitoring: &Monitoring,
) -> (Vec<u8>, Vec<PatternFlag>, ContactReservation) {
    let mut before = old.and_then(Counters::decode).unwrap_or_default();
    let mut after = before.clone();
    after.observe(recipients, now);
    // Rolled forward like `after`, so a recipient that had aged out and is counted again is
    // one this message added (and gives back).
    before.advance(after.last_hour);
    let flags = monitoring.check(&mut after);
    let added = after
        .recipients
        .iter()
        .map(|(h, _)| *h)
        .filter(|h| !before.recipients.iter().any(|(b, _)| b == h))
        .collect();
    let crossed = |rule: &str| flags.iter().any(|f| f.crossed && f.flag.rule == rule);
    let reservation = ContactReservation {
        sender: sender.to_string(),
        hour: after.last_hour,
        added,
        crossed: [
            crossed("monitoring/per_day"),
            crossed("monitoring/per_week"),
            crossed("monitoring/distinct_recipients_per_day"),
        ],
    };
    (after.encode(), flags, reservation)
}

/// The stored counters `old` with reservation `r`'s count taken back, for a message that was
/// not accepted. `None` (no record) when there was none or it does not read.
pub fn give_back(old: Option<&[u8]>, r: &ContactReservation) -> Option<Vec<u8>> {
    let mut c = Counters::decode(old?)?;
    c.unobserve(r.hour, &r.added, r.crossed);
    Some(c.encode())
}

/// Recipient hashes are stored, so they must mean the same after an upgrade: the standard
/// library's hasher promises no such thing.
fn hash(recipient: &str) -> u64 {
    crate::message::stable_hash(recipient.to_ascii_lowercase().as_bytes())
}

/// A threshold and what crossing it does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Threshold {
    pub limit: u32,
    pub action: FlagAction,
}

/// The compiled `monitoring.toml`. No file: nothing is monitored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Monitoring {
    pub exempt_domains: Vec<String>,
    pub per_day: Option<Threshold>,
    pub per_week: Option<Threshold>,
    pub fan_out: Option<Threshold>,
}

/// A flag from the counters, and whether this message is the one that crossed the threshold
/// (the incident is recorded once per crossing, the flag on every message over it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternFlag {
    pub flag: Flag,
    pub crossed: bool,
}

impl Monitoring {
    pub fn is_enabled(&self) -> bool {
        self.per_day.is_some() || self.per_week.is_some() || self.fan_out.is_some()
    }

    /// Whether mail from `sender` is counted: not `<>`, not the council's own domains.
    pub fn watches(&self, sender: &str) -> bool {
        self.is_enabled() && sender.contains('@') && !self.is_exempt(sender)
    }

    /// Whether `sender` is in one of the council's own domains (`exempt_domains`).
    pub fn is_exempt(&self, sender: &str) -> bool {
        let Some((_, domain)) = sender.rsplit_once('@') else {
            return false;
        };
        let domain = domain.to_ascii_lowercase();
        self.exempt_domains
            .iter()
            .any(|d| domain == *d || domain.ends_with(&format!(".{d}")))
    }

    /// The flags for counters that include the current message (`after`), and whether this
    /// message records the crossing of each threshold: it is over it, and no crossing of it was
    /// recorded within its window (one message to many recipients can jump past a fan-out
    /// limit). The crossings it records are marked in `after`.
    pub fn check(&self, after: &mut Counters) -> Vec<PatternFlag> {
        let mut out = Vec::new();
        let hour = after.last_hour;
        let values = [after.per_day(), after.per_week(), after.fan_out()];
        let mut check =
            |i: usize, t: &Option<Threshold>, category: &str, rule: &str, what: &str| {
                let value = values[i];
                if let Some(t) = t
                    && value > t.limit
                {
                    let at = &mut after.crossed_at[i];
                    // A mark ahead of the counters (a damaged record, a clock stepped back) is
                    // no mark.
                    let crossed = at
                        .is_none_or(|h| h > hour || hour.saturating_sub(h) >= CROSSING_WINDOWS[i]);
                    if crossed {
                        *at = Some(hour);
                    }
                    out.push(PatternFlag {
                        flag: Flag {
                            category: category.into(),
                            severity: Severity::Medium,
                            action: t.action,
                            rule: format!("monitoring/{rule}"),
                            excerpt: format!("{value} {what} (threshold {})", t.limit),
                            count: 1,
                            reported: false,
                        },
                        crossed,
                    });
                }
            };
        check(
            0,
            &self.per_day,
            "frequency",
            "per_day",
            "messages in the last 24 hours",
        );
        check(
            1,
            &self.per_week,
            "frequency",
            "per_week",
            "messages in the last 7 days",
        );
        check(
            2,
            &self.fan_out,
            "fan_out",
            "distinct_recipients_per_day",
            "distinct council recipients in the last 24 hours",
        );
        out
    }

    /// Loads `rules_dir/monitoring.toml`; a missing file monitors nothing.
    pub fn load(rules_dir: &Path) -> Result<Monitoring, RulesError> {
        crate::diagnostics::load_or_default(&rules_dir.join(MONITORING_FILE), Monitoring::parse)
    }

    pub fn parse(text: &str, name: &str) -> Result<Monitoring, RulesError> {
        let raw: RawMonitoring = crate::diagnostics::parse_toml(text, name)?;
        let mut problems = Vec::new();
        let mut p = FileProblems {
            name,
            text,
            list: &mut problems,
        };
        let freq_action = raw
            .frequency
            .as_ref()
            .map(|f| flag_action(&mut p, f.action.as_ref()));
        let fan_action = raw
            .fan_out
            .as_ref()
            .map(|f| flag_action(&mut p, f.action.as_ref()));
        let m = Monitoring {
            exempt_domains: raw
                .exempt_domains
                .iter()
                .map(|d| d.trim().trim_start_matches('@').to_ascii_lowercase())
                .collect(),
            per_day: raw
                .frequency
                .as_ref()
                .and_then(|f| threshold(&mut p, &f.per_day, freq_action, 100_000)),
            per_week: raw
                .frequency
                .as_ref()
                .and_then(|f| threshold(&mut p, &f.per_week, freq_action, 100_000)),
            fan_out: raw
                .fan_out
                .as_ref()
                // Only MAX_RECIPIENTS are remembered: a higher limit could never be crossed.
                .and_then(|f| {
                    threshold(
                        &mut p,
                        &f.distinct_recipients_per_day,
                        fan_action,
                        MAX_RECIPIENTS as i64 - 1,
                    )
                }),
        };
        if problems.is_empty() {
            Ok(m)
        } else {
            Err(RulesError { problems })
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMonitoring {
    #[serde(default)]
    exempt_domains: Vec<String>,
    frequency: Option<RawFrequency>,
    fan_out: Option<RawFanOut>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFrequency {
    per_day: Option<Spanned<i64>>,
    per_week: Option<Spanned<i64>>,
    action: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFanOut {
    distinct_recipients_per_day: Option<Spanned<i64>>,
    action: Option<Spanned<String>>,
}

/// A threshold from its `limit` (from 1 to `max`) and its table's action; none when unset.
fn threshold(
    p: &mut FileProblems<'_>,
    limit: &Option<Spanned<i64>>,
    action: Option<FlagAction>,
    max: i64,
) -> Option<Threshold> {
    let v = limit.as_ref()?;
    if !(1..=max).contains(v.get_ref()) {
        p.add(
            v.span(),
            format!(
                "a threshold must be between 1 and {max}, not {}",
                v.get_ref()
            ),
        );
        return None;
    }
    Some(Threshold {
        limit: *v.get_ref() as u32,
        action: action.unwrap_or_default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::Duration;
    use time::macros::datetime;

    const START: OffsetDateTime = datetime!(2026-06-01 09:00 UTC);

    #[test]
    fn day_and_week_windows_roll() {
        let mut c = Counters::default();
        for i in 0..5 {
            c.observe(&["a@council.example".into()], START + Duration::minutes(i));
        }
        assert_eq!((c.per_day(), c.per_week()), (5, 5));
        c.observe(&[], START + Duration::hours(23));
        assert_eq!(c.per_day(), 6);
        // 25 hours on: the first five have left the day but not the week.
        c.observe(&[], START + Duration::hours(25));
        assert_eq!((c.per_day(), c.per_week()), (2, 7));
        c.observe(&[], START + Duration::days(9));
        assert_eq!((c.per_day(), c.per_week()), (1, 1));
        assert!(!c.expired(START + Duration::days(10)));
        assert!(c.expired(START + Duration::days(18)));
    }

    #[test]
    fn fan_out_counts_distinct_recipients_in_a_day_and_is_bounded() {
        let mut c = Counters::default();
        c.observe(&["a@x".into(), "b@x".into()], START);
        c.observe(&["A@x".into()], START + Duration::hours(1));
        assert_eq!(c.fan_out(), 2);
        c.observe(&["c@x".into()], START + Duration::hours(24));
        assert_eq!(c.fan_out(), 2, "a and b seen 24 hours ago have gone");
        let many: Vec<String> = (0..500).map(|i| format!("r{i}@x")).collect();
        c.observe(&many, START + Duration::hours(25));
        assert_eq!(c.recipients.len(), MAX_RECIPIENTS);
    }

    #[test]
    fn a_clock_stepping_back_counts_in_the_current_bucket() {
        let mut c = Counters::default();
        c.observe(&[], START);
        c.observe(&[], START - Duration::hours(5));
        assert_eq!(c.per_day(), 2);
    }

    #[test]
    fn thresholds_flag_every_message_over_and_cross_once() {
        let m = Monitoring::parse(
            "exempt_domains = [\"council.example\"]\n[frequency]\nper_day = 2\n[fan_out]\ndistinct_recipients_per_day = 1\naction = \"hold\"\n",
            "monitoring.toml",
        )
        .unwrap();
        assert!(m.watches("a@mail.example"));
        assert!(!m.watches("officer@council.example"));
        assert!(!m.watches("x@dept.council.example"));
        assert!(!m.watches(""));
        let mut c = Counters::default();
        let mut crossings = 0;
        for i in 0..4 {
            c.observe(
                &[format!("r{i}@council.example")],
                START + Duration::minutes(i),
            );
            let flags = m.check(&mut c);
            crossings += flags
                .iter()
                .filter(|f| f.crossed && f.flag.category == "frequency")
                .count();
            if i >= 2 {
                assert!(flags.iter().any(|f| f.flag.rule == "monitoring/per_day"));
            }
        }
        assert_eq!(crossings, 1);
        let fan = m.check(&mut c.clone());
        let f = fan.iter().find(|f| f.flag.category == "fan_out").unwrap();
        assert_eq!(f.flag.action, FlagAction::Hold);
        assert_eq!(
            f.flag.excerpt,
            "4 distinct council recipients in the last 24 hours (threshold 1)"
        );
    }

    #[test]
    fn one_message_to_many_recipients_crosses_a_fan_out_limit_it_jumps() {
        // Regression: crossing was "value == limit + 1", so a jump from 1 to 5 never crossed.
        let m =
            Monitoring::parse("[fan_out]\ndistinct_recipients_per_day = 3\n", "m.toml").unwrap();
        let mut c = Counters::default();
        c.observe(&["a@council.example".into()], START);
        assert!(m.check(&mut c).is_empty());
        let many: Vec<String> = (0..4).map(|i| format!("r{i}@council.example")).collect();
        c.observe(&many, START + Duration::minutes(1));
        let flags = m.check(&mut c);
        assert_eq!(flags.len(), 1);
        assert!(flags[0].crossed);
        // The next message over the limit is flagged, but does not cross again.
        c.observe(&["z@council.example".into()], START + Duration::minutes(2));
        let flags = m.check(&mut c);
        assert!(!flags[0].crossed);
        // A day on, still over: the crossing is recorded again, once a window.
        let many: Vec<String> = (4..9).map(|i| format!("r{i}@council.example")).collect();
        c.observe(&many, START + Duration::hours(25));
        assert!(m.check(&mut c)[0].crossed);
    }

    #[test]
    fn regression_a_crossing_given_back_is_recorded_by_the_retry_and_only_once() {
        // Review finding: with counts given back on a 4xx, "before at or under the limit, after
        // over it" could lose a crossing (the one that crossed failed, a later one started over
        // it) or record it twice (an earlier one failed after a later one crossed).
        let m = Monitoring::parse("[frequency]\nper_day = 2\n", "m.toml").unwrap();
        let t = |min| START + Duration::minutes(min);
        let mut c = Counters::default();
        c.observe(&[], t(0));
        c.observe(&[], t(1));
        assert!(m.check(&mut c).is_empty());
        // A crosses, B is over; A is not accepted and gives its count back.
        c.observe(&[], t(2));
        let a = m.check(&mut c);
        assert!(a[0].crossed);
        c.observe(&[], t(3));
        assert!(!m.check(&mut c)[0].crossed);
        c.unobserve(c.last_hour, &[], [true, false, false]);
        // A's retry records the crossing that was lost.
        c.observe(&[], t(4));
        assert!(m.check(&mut c)[0].crossed);
        // Now B' crosses after A' was counted, and A' gives back: C does not cross again.
        let mut c = Counters::default();
        for min in 0..2 {
            c.observe(&[], t(min));
            m.check(&mut c);
        }
        c.observe(&[], t(2));
        assert!(m.check(&mut c)[0].crossed);
        c.unobserve(c.last_hour, &[], [false, false, false]);
        c.observe(&[], t(3));
        assert!(!m.check(&mut c)[0].crossed);
    }

    #[test]
    fn a_crossing_mark_ahead_of_the_counters_is_no_mark() {
        let m = Monitoring::parse("[frequency]\nper_day = 1\n", "m.toml").unwrap();
        let mut c = Counters::default();
        c.observe(&[], START);
        c.observe(&[], START + Duration::minutes(1));
        c.crossed_at[0] = Some(c.last_hour + 1000);
        assert!(m.check(&mut c)[0].crossed);
    }

    #[test]
    fn counters_from_the_future_or_damaged_start_afresh() {
        // Regression: counters stamped ahead by a clock that jumped forward counted every
        // later message in one bucket and never expired.
        let mut c = Counters::default();
        c.observe(&[], START + Duration::days(365));
        c.observe(&[], START);
        assert_eq!(c.per_day(), 1);
        assert_eq!(c.last_hour, START.unix_timestamp() / 3600);
        let far = Counters {
            last_hour: START.unix_timestamp() / 3600 + 24 * 30,
            ..Counters::default()
        };
        assert!(far.expired(START));
        // A damaged record must not overflow.
        for last_hour in [i64::MIN, i64::MAX] {
            let mut c = Counters {
                last_hour,
                hours: [u32::MAX; 24],
                days: [u32::MAX; 7],
                recipients: vec![(1, i64::MIN)],
                crossed_at: [Some(i64::MIN), Some(i64::MAX), None],
            };
            c.observe(&["a@x".into()], START);
            assert!(c.per_day() >= 1);
            let _ = c.expired(START);
        }
    }

    #[test]
    fn a_fan_out_limit_beyond_what_is_remembered_is_refused() {
        let e = Monitoring::parse("[fan_out]\ndistinct_recipients_per_day = 64\n", "m.toml")
            .unwrap_err();
        assert!(e.to_string().contains("between 1 and 63"), "{e}");
    }

    #[test]
    fn bad_thresholds_name_the_line() {
        let e = Monitoring::parse("[frequency]\nper_day = 0\naction = \"drop\"\n", "m.toml")
            .unwrap_err();
        let text = e.to_string();
        assert!(text.contains("m.toml:3:10: action must be"), "{text}");
        assert!(text.contains("m.toml:2:11: a threshold must be"), "{text}");
        let e = Monitoring::parse("[frequency]\nper_dy = 3\n", "m.toml").unwrap_err();
        assert!(e.to_string().starts_with("m.toml:2:1"), "{e}");
    }
}
