//! The daemon's configuration: a TOML file read in two stages.
//!
//! [`RawConfig`] mirrors the file (unknown keys rejected); [`Config`] is the validated form the
//! daemon uses, with defaults applied and addresses parsed. Every error names the file, line and
//! column, and an unknown key comes with a suggestion.
//!
//! With no file at all, [`Config::default`] gives the documented defaults, which run from the
//! repository root.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;

use crate::diagnostics::line_col;
use crate::policy::{PolicySettings, ReviewOverdue};
use crate::retention::Retention;
use crate::rules::MatchSettings;
use crate::smtp::Limits;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    listen: Option<String>,
    downstream: Option<String>,
    data_dir: Option<PathBuf>,
    rules_dir: Option<PathBuf>,
    admin_socket: Option<PathBuf>,
    hostname: Option<String>,
    max_message_size: Option<usize>,
    max_recipients: Option<usize>,
    max_connections: Option<usize>,
    command_timeout_secs: Option<u64>,
    data_timeout_secs: Option<u64>,
    downstream_timeout_secs: Option<u64>,
    downstream_connections: Option<u32>,
    shutdown_grace_secs: Option<u64>,
    hold_all: Option<bool>,
    strip_plus_tags: Option<bool>,
    review_overdue: Option<String>,
    admin_group: Option<String>,
    retention_days: Option<u64>,
    retention_filed_days: Option<u64>,
    retention_held_days: Option<u64>,
    retention_incident_days: Option<u64>,
    retention_audit_text_days: Option<u64>,
    retention_audit_days: Option<u64>,
    retention_reply_rate_days: Option<u64>,
    retention_orphaned_days: Option<u64>,
    stale_days: Option<u64>,
    history_days: Option<u64>,
    analysis_timeout_secs: Option<u64>,
    history_max_messages_per_sender: Option<u32>,
    history_max_bytes: Option<u64>,
    history_scope: Option<String>,
    min_free_mb: Option<u64>,
    replies: Option<RawReplies>,
    digest: Option<RawDigest>,
    alerts: Option<RawAlerts>,
    roles: Option<RawRoles>,
}

/// `[alerts]`: urgent safety alerts ([`crate::alerts`]).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAlerts {
    to: Option<OneOrMany>,
    from: Option<String>,
    categories: Option<Vec<String>>,
    min_severity: Option<String>,
    internal_domains: Option<Vec<String>>,
    per_sender_minutes: Option<u64>,
    copy_recipients: Option<bool>,
}

/// An address, or a list of them.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

/// `[roles]`: the Unix groups that grant each admin role. A key left out keeps its default.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRoles {
    viewer_groups: Option<Vec<String>>,
    officer_groups: Option<Vec<String>>,
    data_protection_groups: Option<Vec<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDigest {
    to: Option<String>,
    at: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReplies {
    from: Option<String>,
    relay: Option<String>,
    council_name: Option<String>,
    council_name_cy: Option<String>,
    reply_interval_days: Option<u64>,
    deferred: Option<bool>,
    held_for_review: Option<bool>,
}

/// The validated configuration.
#[derive(Debug, Clone)]
pub struct Config {
    /// The file this came from, if any (for messages).
    pub source: Option<PathBuf>,
    pub listen: SocketAddr,
    pub downstream: SocketAddr,
    pub data_dir: PathBuf,
    pub rules_dir: PathBuf,
    pub admin_socket: PathBuf,
    /// Name used in the SMTP greeting.
    pub hostname: String,
    pub limits: Limits,
    pub max_connections: usize,
    pub downstream_timeout: Duration,
    pub downstream_connections: u32,
    pub shutdown_grace: Duration,
    pub hold_all: bool,
    /// Match `user+tag@domain` as `user@domain`.
    pub strip_plus_tags: bool,
    pub review_overdue: ReviewOverdue,
    /// Group that owns the admin socket and its directory; its members may connect to it.
    pub admin_group: Option<String>,
    /// Which Unix groups grant which admin role (`[roles]`): what a caller may do.
    pub roles: crate::admin::roles::RoleGroups,
    /// How long each kind of personal data is kept (`retention_*_days`, and `history_days`
    /// for the correspondence history "new information only" compares with).
    pub retention: Retention,
    /// Messages still waiting after this many days are listed as stale.
    pub stale_days: u64,
    /// How much correspondence history is kept besides its age.
    pub history_caps: crate::store::history::HistoryCaps,
    /// Whose correspondence history is kept.
    pub history_scope: crate::store::history::HistoryScope,
    /// The analysis budget of one message in wall time; past it, decided on its headers.
    pub analysis_timeout: Duration,
    /// Holds and replies get a 4xx while the data directory has less free space than this.
    pub min_free_bytes: u64,
    pub replies: Replies,
    pub digest: Option<Digest>,
    /// `[alerts]`: urgent safety alerts, off without it.
    pub alerts: Option<crate::alerts::AlertSettings>,
}

/// The officers' daily digest email.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Digest {
    pub to: String,
    /// UK local time of day.
    pub at: time::Time,
}

#[derive(Debug, Clone)]
pub struct Replies {
    /// `From:` of acknowledgement replies; without it no replies are sent.
    pub from: Option<String>,
    /// Where replies are injected; the reinjection port, so they never pass the filter again.
    pub relay: SocketAddr,
    pub council_name: String,
    pub council_name_cy: String,
    /// At most one reply per (sender, template) in this many days.
    pub interval_days: u64,
    /// Also acknowledge deferred mail (off by default).
    pub deferred: bool,
    /// Also acknowledge mail held for review (off by default).
    pub held_for_review: bool,
}

/// A configuration error, located in its file.
#[derive(Debug, thiserror::Error)]
#[error("{location}: {message}")]
pub struct ConfigError {
    /// `file:line:column`, or just `file` when there is no position.
    pub location: String,
    pub message: String,
}

pub const DEFAULT_LISTEN: &str = "127.0.0.1:10025";
pub const DEFAULT_DOWNSTREAM: &str = "127.0.0.1:10026";

/// The most days any count of days (`retention_*_days`, `history_days`, `stale_days`,
/// `reply_interval_days`) may be: a hundred years is longer than any retention schedule, and
/// keeps every date we compute representable.
pub const MAX_DAYS: u64 = 36_500;

impl Default for Config {
    fn default() -> Self {
        // The embedded defaults are constants that parse.
        Config::from_raw(RawConfig::default(), None, "").expect("defaults are valid")
    }
}

impl Config {
    /// Reads `path`.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            location: path.display().to_string(),
            message: format!("cannot read: {e}"),
        })?;
        Config::parse(&text, Some(path))
    }

    /// Reads `path` if given, else the defaults.
    pub fn load_or_default(path: Option<&Path>) -> Result<Config, ConfigError> {
        match path {
            Some(p) => Config::load(p),
            None => Ok(Config::default()),
        }
    }

    /// Parses TOML text; `path` only names the source in errors.
    pub fn parse(text: &str, path: Option<&Path>) -> Result<Config, ConfigError> {
        let name = path.map_or_else(|| "<config>".to_string(), |p| p.display().to_string());
        let raw: RawConfig = toml::from_str(text).map_err(|e| {
            let (location, message) = crate::diagnostics::toml_error(&name, text, &e);
            ConfigError { location, message }
        })?;
        Config::from_raw(raw, path, text)
    }

    /// Checks the file's values one family at a time, then assembles them; the first error
    /// found is the one reported.
    fn from_raw(
        mut raw: RawConfig,
        path: Option<&Path>,
        text: &str,
    ) -> Result<Config, ConfigError> {
        let keys = Keys {
            name: path.map_or_else(|| "<config>".to_string(), |p| p.display().to_string()),
            text,
        };
        let stale_days = keys.day_count("stale_days", raw.stale_days, 14)?;
        let interval_days = keys.day_count(
            "reply_interval_days",
            raw.replies.as_ref().and_then(|r| r.reply_interval_days),
            7,
        )?;
        let retention = retention(&raw, stale_days, interval_days, &keys)?;
        let endpoints = raw.endpoints(&keys)?;
        let limits = raw.limits(&keys)?;
        let review_overdue = review_overdue(raw.review_overdue.as_deref(), &keys)?;
        let history_scope = history_scope(raw.history_scope.as_deref(), &keys)?;
        let history_caps = raw.history_caps(&keys)?;
        let roles = role_groups(raw.roles.unwrap_or_default(), &keys)?;
        let digest = raw.digest.map(|d| digest(d, &keys)).transpose()?;
        let hostname = raw.hostname.clone().unwrap_or_else(system_hostname);
        let alerts = raw
            .alerts
            .take()
            .map(|a| {
                let defaults = AlertDefaults {
                    replies_from: raw.replies.as_ref().and_then(|r| r.from.as_deref()),
                    digest_to: digest.as_ref().map(|d| d.to.as_str()),
                    hostname: &hostname,
                    config_path: path,
                };
                alerts(a, &defaults, &keys)
            })
            .transpose()?;
        Ok(Config {
            source: path.map(Path::to_path_buf),
            listen: endpoints.listen,
            downstream: endpoints.downstream,
            data_dir: raw.data_dir.unwrap_or_else(|| "data".into()),
            rules_dir: raw.rules_dir.unwrap_or_else(|| "rules".into()),
            admin_socket: raw.admin_socket.unwrap_or_else(|| "run/admin.sock".into()),
            hostname,
            limits,
            max_connections: keys.positive(
                "max_connections",
                raw.max_connections.map(|v| v as u64),
                200,
            )? as usize,
            downstream_timeout: Duration::from_secs(keys.positive(
                "downstream_timeout_secs",
                raw.downstream_timeout_secs,
                60,
            )?),
            downstream_connections: keys.positive(
                "downstream_connections",
                raw.downstream_connections.map(u64::from),
                20,
            )? as u32,
            shutdown_grace: Duration::from_secs(raw.shutdown_grace_secs.unwrap_or(30)),
            hold_all: raw.hold_all.unwrap_or(false),
            strip_plus_tags: raw.strip_plus_tags.unwrap_or(false),
            review_overdue,
            admin_group: raw.admin_group,
            roles,
            retention,
            history_caps,
            history_scope,
            min_free_bytes: raw
                .min_free_mb
                .map_or(crate::store::DEFAULT_MIN_FREE, |mb| {
                    mb.saturating_mul(1024 * 1024)
                }),
            analysis_timeout: Duration::from_secs(keys.positive(
                "analysis_timeout_secs",
                raw.analysis_timeout_secs,
                crate::pipeline::ANALYSIS_TIMEOUT.as_secs(),
            )?),
            stale_days,
            replies: replies(
                raw.replies.unwrap_or_default(),
                endpoints.relay,
                interval_days,
            ),
            digest,
            alerts,
        })
    }
}

/// The config file as its checks see it: an error points at the line of the key it is about,
/// found in the text (the raw config keeps no spans).
struct Keys<'a> {
    name: String,
    text: &'a str,
}

impl Keys<'_> {
    /// An error located at `key`'s line, or at the file when the key is not in it (a default).
    fn error(&self, key: &str, message: String) -> ConfigError {
        ConfigError {
            location: key_location(self.text, key).map_or_else(
                || self.name.clone(),
                |(l, c)| format!("{}:{l}:{c}", self.name),
            ),
            message,
        }
    }

    /// Reads a count of days under a key, with its default, checking its bounds: day counts
    /// become durations and dates; unbounded, they would overflow both.
    fn day_count(&self, key: &str, v: Option<u64>, d: u64) -> Result<u64, ConfigError> {
        match v {
            Some(v) if !(1..=MAX_DAYS).contains(&v) => Err(self.error(
                key,
                format!("`{key}` must be a number of days from 1 to {MAX_DAYS}, not {v}"),
            )),
            Some(v) => Ok(v),
            None => Ok(d),
        }
    }

    /// A number that must not be 0, or its default.
    fn positive(&self, key: &str, v: Option<u64>, d: u64) -> Result<u64, ConfigError> {
        match v {
            Some(0) => Err(self.error(key, format!("`{key}` must be greater than 0"))),
            Some(v) => Ok(v),
            None => Ok(d),
        }
    }

    /// An `IP:port`, or its default.
    fn address(
        &self,
        key: &str,
        value: Option<&str>,
        default: &str,
    ) -> Result<SocketAddr, ConfigError> {
        let v = value.unwrap_or(default);
        v.parse().map_err(|_| {
            self.error(
                key,
                format!(
                    "`{key}` must be an IP address and port like \"127.0.0.1:10025\", not {v:?}"
                ),
            )
        })
    }
}

/// Where the daemon listens and where mail and replies go on.
struct Endpoints {
    listen: SocketAddr,
    downstream: SocketAddr,
    relay: SocketAddr,
}

impl RawConfig {
    /// `listen`, `downstream` and `[replies] relay` (by default `downstream`), refusing a
    /// filter that would pass its mail back to itself.
    fn endpoints(&self, keys: &Keys<'_>) -> Result<Endpoints, ConfigError> {
        let listen = keys.address("listen", self.listen.as_deref(), DEFAULT_LISTEN)?;
        let downstream =
            keys.address("downstream", self.downstream.as_deref(), DEFAULT_DOWNSTREAM)?;
        let relay = match self.replies.as_ref().and_then(|r| r.relay.as_deref()) {
            Some(r) => keys.address("relay", Some(r), DEFAULT_DOWNSTREAM)?,
            None => downstream,
        };
        if listen == downstream {
            return Err(keys.error(
                "downstream",
                "`downstream` must differ from `listen`, or every message would loop".into(),
            ));
        }
        Ok(Endpoints {
            listen,
            downstream,
            relay,
        })
    }

    /// The SMTP session's limits; those without a key keep their defaults.
    fn limits(&self, keys: &Keys<'_>) -> Result<Limits, ConfigError> {
        let defaults = Limits::default();
        Ok(Limits {
            max_message_size: keys.positive(
                "max_message_size",
                self.max_message_size.map(|v| v as u64),
                defaults.max_message_size as u64,
            )? as usize,
            max_recipients: keys.positive(
                "max_recipients",
                self.max_recipients.map(|v| v as u64),
                defaults.max_recipients as u64,
            )? as usize,
            command_timeout: Duration::from_secs(keys.positive(
                "command_timeout_secs",
                self.command_timeout_secs,
                defaults.command_timeout.as_secs(),
            )?),
            data_timeout: Duration::from_secs(keys.positive(
                "data_timeout_secs",
                self.data_timeout_secs,
                defaults.data_timeout.as_secs(),
            )?),
            ..defaults
        })
    }

    fn history_caps(
        &self,
        keys: &Keys<'_>,
    ) -> Result<crate::store::history::HistoryCaps, ConfigError> {
        let caps = crate::store::history::HistoryCaps::default();
        Ok(crate::store::history::HistoryCaps {
            max_per_identity: keys.positive(
                "history_max_messages_per_sender",
                self.history_max_messages_per_sender.map(u64::from),
                u64::from(caps.max_per_identity),
            )? as u32,
            max_bytes: keys.positive(
                "history_max_bytes",
                self.history_max_bytes,
                caps.max_bytes,
            )?,
        })
    }
}

fn review_overdue(value: Option<&str>, keys: &Keys<'_>) -> Result<ReviewOverdue, ConfigError> {
    match value {
        None | Some("enforce") => Ok(ReviewOverdue::Enforce),
        Some("lapse") => Ok(ReviewOverdue::Lapse),
        Some(other) => Err(keys.error(
            "review_overdue",
            format!("`review_overdue` must be \"enforce\" or \"lapse\", not {other:?}"),
        )),
    }
}

fn history_scope(
    value: Option<&str>,
    keys: &Keys<'_>,
) -> Result<crate::store::history::HistoryScope, ConfigError> {
    match value {
        None | Some("all") => Ok(crate::store::history::HistoryScope::All),
        Some("restricted") => Ok(crate::store::history::HistoryScope::Restricted),
        Some(other) => Err(keys.error(
            "history_scope",
            format!("`history_scope` must be \"all\" or \"restricted\", not {other:?}"),
        )),
    }
}

/// `[digest]`: an address is required, the time defaults to 08:00.
fn digest(d: RawDigest, keys: &Keys<'_>) -> Result<Digest, ConfigError> {
    let to =
        d.to.filter(|t| t.contains('@'))
            .ok_or_else(|| keys.error("to", "[digest] needs `to`, an email address".into()))?;
    let at_text = d.at.unwrap_or_else(|| "08:00".into());
    let at = crate::clock::hh_mm(&at_text).ok_or_else(|| {
        keys.error(
            "at",
            format!("[digest] `at` must be a time like \"08:00\", not {at_text:?}"),
        )
    })?;
    Ok(Digest { to, at })
}

/// What `[alerts]` takes from the rest of the file when it does not say.
struct AlertDefaults<'a> {
    replies_from: Option<&'a str>,
    digest_to: Option<&'a str>,
    hostname: &'a str,
    config_path: Option<&'a Path>,
}

/// `[alerts]`: at least one safety contact, every one at a council domain (`internal_domains`,
/// by default the domains of `[replies] from` and `[digest] to`): an alert quotes a customer's
/// words and must never leave the council.
fn alerts(
    a: RawAlerts,
    d: &AlertDefaults<'_>,
    keys: &Keys<'_>,
) -> Result<crate::alerts::AlertSettings, ConfigError> {
    let to = match a.to {
        Some(OneOrMany::One(t)) => vec![t],
        Some(OneOrMany::Many(t)) => t,
        None => Vec::new(),
    };
    if to.is_empty() || to.iter().any(|t| !t.contains('@') || t.contains(',')) {
        return Err(keys.error(
            "to",
            "[alerts] needs `to`: the safety contact's address, or a list of addresses".into(),
        ));
    }
    let domain = |a: &str| a.rsplit_once('@').map(|(_, d)| d.to_ascii_lowercase());
    let internal_domains = match a.internal_domains {
        Some(list) => list,
        None => [d.replies_from, d.digest_to]
            .into_iter()
            .flatten()
            .filter_map(domain)
            .collect(),
    };
    if internal_domains.is_empty() {
        return Err(keys.error(
            "to",
            "[alerts] needs `internal_domains` (the council's own mail domains), or a `[replies] from` or `[digest] to` to take them from".into(),
        ));
    }
    if let Some(outside) = to
        .iter()
        .find(|t| !crate::alerts::is_internal(t, &internal_domains))
    {
        return Err(keys.error(
            "to",
            format!(
                "[alerts] `to` {outside:?} is not at a council domain ({}): alerts quote what customers wrote and go to internal addresses only",
                internal_domains.join(", ")
            ),
        ));
    }
    let severity_text = a.min_severity.unwrap_or_else(|| "high".into());
    let min_severity = match severity_text.as_str() {
        "low" => crate::flags::Severity::Low,
        "medium" => crate::flags::Severity::Medium,
        "high" => crate::flags::Severity::High,
        other => {
            return Err(keys.error(
                "min_severity",
                format!(
                    "[alerts] `min_severity` must be \"low\", \"medium\" or \"high\", not {other:?}"
                ),
            ));
        }
    };
    let categories = a.categories.unwrap_or_else(|| {
        crate::alerts::DEFAULT_CATEGORIES
            .iter()
            .map(|c| c.to_string())
            .collect()
    });
    if categories.is_empty() {
        return Err(keys.error(
            "categories",
            "[alerts] `categories` is empty: no flag would raise an alert (leave [alerts] out to turn them off)".into(),
        ));
    }
    Ok(crate::alerts::AlertSettings {
        to,
        from: a
            .from
            .or_else(|| d.replies_from.map(str::to_string))
            .unwrap_or_else(|| format!("contactgate@{}", d.hostname)),
        categories,
        min_severity,
        internal_domains,
        per_sender_minutes: a.per_sender_minutes.unwrap_or(10),
        copy_recipients: a.copy_recipients.unwrap_or(false),
        config_path: d.config_path.map(|p| p.display().to_string()),
        hostname: d.hostname.to_string(),
    })
}

/// `[replies]` with its defaults; `relay` and the interval are checked with the other
/// addresses and day counts.
fn replies(raw: RawReplies, relay: SocketAddr, interval_days: u64) -> Replies {
    Replies {
        from: raw.from,
        relay,
        council_name: raw.council_name.unwrap_or_else(|| "The Council".into()),
        council_name_cy: raw.council_name_cy.unwrap_or_else(|| "Y Cyngor".into()),
        interval_days,
        deferred: raw.deferred.unwrap_or(false),
        held_for_review: raw.held_for_review.unwrap_or(false),
    }
}

impl Config {
    pub fn policy_settings(&self) -> PolicySettings {
        PolicySettings {
            hold_all: self.hold_all,
            review_overdue: self.review_overdue,
            history_days: self.retention.history_days,
        }
    }

    pub fn reply_settings(&self) -> crate::replies::ReplySettings {
        crate::replies::ReplySettings {
            from: self.replies.from.clone(),
            council: self.replies.council_name.clone(),
            council_cy: self.replies.council_name_cy.clone(),
            interval_days: self.replies.interval_days,
            send_deferred: self.replies.deferred,
            send_held_for_review: self.replies.held_for_review,
            hostname: self.hostname.clone(),
        }
    }

    pub fn match_settings(&self) -> MatchSettings {
        MatchSettings {
            strip_plus_tags: self.strip_plus_tags,
        }
    }
}

pub use crate::clock::days;

/// `[roles]` with its defaults. A group name is a Unix group name: not empty, no whitespace,
/// no `:` or `,` (which the group database uses as separators).
fn role_groups(
    raw: RawRoles,
    keys: &Keys<'_>,
) -> Result<crate::admin::roles::RoleGroups, ConfigError> {
    let d = crate::admin::roles::RoleGroups::default();
    let groups = |key: &str, v: Option<Vec<String>>, d: Vec<String>| {
        let v = v.unwrap_or(d);
        match v
            .iter()
            .find(|g| g.is_empty() || g.chars().any(|c| c.is_whitespace() || c == ':' || c == ','))
        {
            Some(bad) => Err(keys.error(
                key,
                format!("[roles] `{key}` must list Unix group names, not {bad:?}"),
            )),
            None => Ok(v),
        }
    };
    Ok(crate::admin::roles::RoleGroups {
        viewer: groups("viewer_groups", raw.viewer_groups, d.viewer)?,
        officer: groups("officer_groups", raw.officer_groups, d.officer)?,
        data_protection: groups(
            "data_protection_groups",
            raw.data_protection_groups,
            d.data_protection,
        )?,
    })
}

/// The retention periods, each a day count, with two rules that keep mail safe:
/// - held and filed mail nobody acted on is kept longer than `stale_days`, so that it is
///   listed as stale (and in the digest) before it can go. A key set too short is refused;
///   an unset one is its default, lengthened to `stale_days + 1` if need be;
/// - a reply rate-limit key is kept at least the reply interval, or a second reply could go
///   out within it. Unset, it is the interval; set shorter, it is refused.
fn retention(
    raw: &RawConfig,
    stale_days: u64,
    interval_days: u64,
    keys: &Keys<'_>,
) -> Result<Retention, ConfigError> {
    let d = Retention::default();
    let waiting = |key: &str, v: Option<u64>, default: u64| {
        let days = keys.day_count(key, v, default.max(stale_days.saturating_add(1)))?;
        if days <= stale_days {
            return Err(keys.error(
                key,
                format!(
                    "`{key}` ({days}) must be longer than `stale_days` ({stale_days}), so that \
                     mail is listed as stale before it can be purged"
                ),
            ));
        }
        Ok(days)
    };
    let reply_rate_days = keys.day_count(
        "retention_reply_rate_days",
        raw.retention_reply_rate_days,
        interval_days,
    )?;
    if reply_rate_days < interval_days {
        return Err(keys.error(
            "retention_reply_rate_days",
            format!(
                "`retention_reply_rate_days` ({reply_rate_days}) must be at least \
                 `reply_interval_days` ({interval_days}), or a second reply could go out \
                 within the interval"
            ),
        ));
    }
    Retention {
        closed_days: keys.day_count("retention_days", raw.retention_days, d.closed_days)?,
        filed_days: waiting(
            "retention_filed_days",
            raw.retention_filed_days,
            d.filed_days,
        )?,
        held_days: waiting("retention_held_days", raw.retention_held_days, d.held_days)?,
        incident_days: keys.day_count(
            "retention_incident_days",
            raw.retention_incident_days,
            d.incident_days,
        )?,
        audit_text_days: keys.day_count(
            "retention_audit_text_days",
            raw.retention_audit_text_days,
            d.audit_text_days,
        )?,
        reply_rate_days,
        orphaned_days: keys.day_count(
            "retention_orphaned_days",
            raw.retention_orphaned_days,
            d.orphaned_days,
        )?,
        history_days: keys.day_count("history_days", raw.history_days, d.history_days)?,
        audit_days: 0,
    }
    .with_audit_days(raw.retention_audit_days, keys)
}

impl Retention {
    /// Sets `audit_days`: at least the longest period of anything an audit entry explains
    /// (mail and incidents), so that no record outlives the account of what was done to it. A
    /// key set shorter is refused; unset, the default is lengthened if need be.
    fn with_audit_days(
        mut self,
        set: Option<u64>,
        keys: &Keys<'_>,
    ) -> Result<Retention, ConfigError> {
        const KEY: &str = "retention_audit_days";
        let longest = [
            (self.closed_days, "retention_days"),
            (self.filed_days, "retention_filed_days"),
            (self.held_days, "retention_held_days"),
            (self.incident_days, "retention_incident_days"),
        ]
        .into_iter()
        .max()
        .expect("four periods");
        let days = keys.day_count(KEY, set, Retention::default().audit_days.max(longest.0))?;
        if days < longest.0 {
            return Err(keys.error(
                KEY,
                format!(
                    "`{KEY}` ({days}) must be at least `{}` ({}): the audit trail explains \
                     what happened to every record while it is kept",
                    longest.1, longest.0
                ),
            ));
        }
        self.audit_days = days;
        Ok(self)
    }
}

fn system_hostname() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .ok()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "localhost".into())
}

/// Where `key = ` first appears at the start of a line.
fn key_location(text: &str, key: &str) -> Option<(usize, usize)> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if let Some(rest) = trimmed.strip_prefix(key)
            && rest.trim_start().starts_with('=')
        {
            return Some(line_col(text, offset + (line.len() - trimmed.len())));
        }
        offset += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_match_the_documented_values() {
        let c = Config::default();
        assert_eq!(c.listen.to_string(), "127.0.0.1:10025");
        assert_eq!(c.downstream.to_string(), "127.0.0.1:10026");
        assert_eq!(c.data_dir, PathBuf::from("data"));
        assert_eq!(c.rules_dir, PathBuf::from("rules"));
        assert_eq!(c.admin_socket, PathBuf::from("run/admin.sock"));
        assert_eq!(c.replies.relay, c.downstream);
        assert_eq!(c.limits.max_message_size, 50 * 1024 * 1024);
    }

    #[test]
    fn unknown_key_names_line_column_and_suggests() {
        let e = Config::parse(
            "listen = \"127.0.0.1:1\"\nlisen = \"x\"\n",
            Some(Path::new("c.toml")),
        )
        .unwrap_err();
        assert_eq!(e.location, "c.toml:2:1");
        assert!(
            e.message.contains("did you mean `listen`?"),
            "{}",
            e.message
        );
    }

    #[test]
    fn unknown_key_in_a_table_is_rejected() {
        let e =
            Config::parse("[replies]\nfrmo = \"a@b\"\n", Some(Path::new("c.toml"))).unwrap_err();
        assert_eq!(e.location, "c.toml:2:1");
        assert!(e.message.contains("did you mean `from`?"), "{}", e.message);
    }

    #[test]
    fn bad_address_names_its_line() {
        let e =
            Config::parse("\n\ndownstream = \"nowhere\"\n", Some(Path::new("c.toml"))).unwrap_err();
        assert_eq!(e.location, "c.toml:3:1");
        assert!(e.message.contains("downstream"));
    }

    #[test]
    fn syntax_error_has_position() {
        let e = Config::parse("listen = \n", Some(Path::new("c.toml"))).unwrap_err();
        assert!(e.location.starts_with("c.toml:1:"), "{}", e.location);
    }

    #[test]
    fn relay_defaults_to_downstream() {
        let c = Config::parse("downstream = \"127.0.0.1:2526\"\n", None).unwrap();
        assert_eq!(c.replies.relay.to_string(), "127.0.0.1:2526");
    }

    #[test]
    fn example_config_is_valid() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("config/contactgate.toml");
        let c = Config::load(&path).unwrap();
        // The example documents the defaults.
        assert_eq!(c.retention, Retention::default());
    }

    #[test]
    fn roles_default_to_one_group_each_and_refuse_what_is_not_a_group_name() {
        use crate::admin::roles::RoleGroups;
        assert_eq!(Config::default().roles, RoleGroups::default());
        // The example documents the defaults.
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("config/contactgate.toml");
        assert_eq!(Config::load(&path).unwrap().roles, RoleGroups::default());
        let c = Config::parse(
            "[roles]\nofficer_groups = [\"cs-officers\", \"cs-leads\"]\nviewer_groups = []\n",
            None,
        )
        .unwrap();
        assert_eq!(c.roles.officer, ["cs-officers", "cs-leads"]);
        assert!(c.roles.viewer.is_empty());
        assert_eq!(c.roles.data_protection, ["contactgate-dpo"]);
        for bad in ["\"\"", "\"two words\"", "\"a,b\""] {
            let text = format!("[roles]\n\ndata_protection_groups = [{bad}]\n");
            let e = Config::parse(&text, Some(Path::new("c.toml"))).unwrap_err();
            assert_eq!(e.location, "c.toml:3:1", "{bad}");
        }
        let e = Config::parse("[roles]\nofficer_group = []\n", None).unwrap_err();
        assert!(
            e.message.contains("did you mean `officer_groups`?"),
            "{}",
            e.message
        );
    }

    #[test]
    fn review_overdue_is_enforce_or_lapse() {
        assert_eq!(Config::default().review_overdue, ReviewOverdue::Enforce);
        let c = Config::parse("review_overdue = \"lapse\"\n", None).unwrap();
        assert_eq!(c.review_overdue, ReviewOverdue::Lapse);
        let e =
            Config::parse("\nreview_overdue = \"never\"\n", Some(Path::new("c.toml"))).unwrap_err();
        assert_eq!(e.location, "c.toml:2:1");
    }

    #[test]
    fn digest_needs_an_address_and_a_time() {
        let c = Config::parse("[digest]\nto = \"officers@council.example\"\n", None).unwrap();
        assert_eq!(c.digest.unwrap().at, time::macros::time!(08:00));
        let e = Config::parse(
            "[digest]\nto = \"o@c.example\"\nat = \"25:00\"\n",
            Some(Path::new("c.toml")),
        )
        .unwrap_err();
        assert_eq!(e.location, "c.toml:3:1");
        assert!(Config::parse("[digest]\nat = \"08:00\"\n", None).is_err());
    }

    #[test]
    fn regression_day_counts_are_bounded_with_their_location() {
        for (text, line) in [
            ("retention_days = 0\n", 1),
            ("listen = \"127.0.0.1:1\"\nretention_days = 36501\n", 2),
            ("\nstale_days = 9223372036854775807\n", 2),
            ("stale_days = 0\n", 1),
            ("[replies]\nreply_interval_days = 0\n", 2),
            (
                "[replies]\nfrom = \"a@b.example\"\nreply_interval_days = 100000\n",
                3,
            ),
        ] {
            let e = Config::parse(text, Some(Path::new("c.toml"))).unwrap_err();
            assert_eq!(e.location, format!("c.toml:{line}:1"), "{text}");
            assert!(e.message.contains("1 to 36500"), "{}", e.message);
        }
        let c = Config::parse(
            "retention_days = 36500\nstale_days = 1\n[replies]\nreply_interval_days = 36500\n",
            None,
        )
        .unwrap();
        assert_eq!(
            (
                c.retention.closed_days,
                c.stale_days,
                c.replies.interval_days
            ),
            (36500, 1, 36500)
        );
    }

    #[test]
    fn every_retention_period_has_its_key_and_documented_default() {
        assert_eq!(Config::default().retention, Retention::default());
        let c = Config::parse(
            "retention_days = 1
retention_filed_days = 20
retention_held_days = 30
\
             retention_incident_days = 4
retention_audit_text_days = 5
\
             retention_reply_rate_days = 60
retention_orphaned_days = 7
history_days = 8
retention_audit_days = 40
\
             [replies]
reply_interval_days = 60
",
            None,
        )
        .unwrap();
        assert_eq!(
            c.retention,
            Retention {
                closed_days: 1,
                filed_days: 20,
                held_days: 30,
                incident_days: 4,
                audit_text_days: 5,
                reply_rate_days: 60,
                orphaned_days: 7,
                history_days: 8,
                audit_days: 40,
            }
        );
        assert_eq!(c.policy_settings().history_days, 8);
        for key in [
            "retention_filed_days",
            "retention_held_days",
            "retention_incident_days",
            "retention_audit_text_days",
            "retention_reply_rate_days",
            "retention_orphaned_days",
            "retention_audit_days",
        ] {
            for bad in [0, MAX_DAYS + 1] {
                let e = Config::parse(&format!("\n{key} = {bad}\n"), Some(Path::new("c.toml")))
                    .unwrap_err();
                assert_eq!(e.location, "c.toml:2:1", "{key}");
                assert!(e.message.contains("1 to 36500"), "{}", e.message);
            }
        }
    }

    #[test]
    fn audit_entries_outlive_every_record_they_explain() {
        let e = Config::parse(
            "retention_held_days = 900\nretention_audit_days = 899\n",
            Some(Path::new("c.toml")),
        )
        .unwrap_err();
        assert_eq!(e.location, "c.toml:2:1");
        assert!(
            e.message
                .contains("must be at least `retention_held_days` (900)"),
            "{}",
            e.message
        );
        // Unset, six years, or longer if a record is kept longer.
        assert_eq!(Config::parse("", None).unwrap().retention.audit_days, 2190);
        let c = Config::parse("retention_incident_days = 3000\n", None).unwrap();
        assert_eq!(c.retention.audit_days, 3000);
    }

    #[test]
    fn waiting_mail_is_listed_as_stale_before_it_can_be_purged() {
        for key in ["retention_filed_days", "retention_held_days"] {
            let e = Config::parse(
                &format!("stale_days = 30\n{key} = 30\n"),
                Some(Path::new("c.toml")),
            )
            .unwrap_err();
            assert_eq!(e.location, "c.toml:2:1");
            assert!(
                e.message.contains("longer than `stale_days`"),
                "{}",
                e.message
            );
            let c = Config::parse(&format!("stale_days = 30\n{key} = 31\n"), None).unwrap();
            assert!(c.retention.filed_days > 30 && c.retention.held_days > 30);
        }
        // Unset, a default shorter than stale_days is lengthened rather than refused.
        let c = Config::parse("stale_days = 1000\n", None).unwrap();
        assert_eq!(
            (c.retention.filed_days, c.retention.held_days),
            (1001, 1001)
        );
    }

    #[test]
    fn reply_rate_keys_are_kept_for_at_least_the_reply_interval() {
        let c = Config::parse("[replies]\nreply_interval_days = 21\n", None).unwrap();
        assert_eq!(c.retention.reply_rate_days, 21);
        let e = Config::parse(
            "retention_reply_rate_days = 20\n[replies]\nreply_interval_days = 21\n",
            Some(Path::new("c.toml")),
        )
        .unwrap_err();
        assert_eq!(e.location, "c.toml:1:1");
        assert!(
            e.message.contains("at least `reply_interval_days`"),
            "{}",
            e.message
        );
    }

    #[test]
    fn day_counts_become_durations_without_overflow() {
        assert_eq!(days(2), time::Duration::days(2));
        assert!(days(u64::MAX) >= time::Duration::days(i64::MAX / 86_400));
    }
}
