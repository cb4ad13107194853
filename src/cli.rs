//! The command-line subcommands other than `serve`: each takes its parsed options, does its work
//! through the library, and writes what a person (or, with `--json`, a script) reads.
//!
//! Output contracts: `explain --json` prints one JSON object per file per line; `reviews --json`,
//! `held list --json` and `audit --json` print one JSON array; `held show --json` and `export`
//! print one JSON object; `held export` prints the original message bytes.
//!
//! Human output: every string that came from mail, the store, the rules or the daemon goes
//! through [`terminal`] before it is printed (a subject can carry escape sequences); JSON output
//! is left to serde, which escapes control characters itself.

use std::io::Write;
use std::path::{Path, PathBuf};

use base64::Engine;
use serde::Serialize;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use crate::admin::ops::HeldDetail;
use crate::admin::{HeldListArgs, HeldSummary, client};
use crate::config::Config;
use crate::explain::{Explanation, explain};
use crate::policy::uk_time;
use crate::ruleset::RuleSet;
use crate::store::AuditEntry;
use crate::terminal;

/// Why an officer command failed: the text shown to the officer (escaped for the terminal by
/// `main`), with its cause after a colon. Errors of the libraries underneath convert into it.
#[derive(Debug)]
pub struct CliError(pub String);

pub type CliResult<T> = Result<T, CliError>;

impl std::fmt::Display for CliError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl<E: std::error::Error> From<E> for CliError {
    fn from(e: E) -> CliError {
        // The whole chain, as the officer needs it: "reading x: permission denied".
        let mut text = e.to_string();
        let mut source = e.source();
        while let Some(s) = source {
            text.push_str(&format!(": {s}"));
            source = s.source();
        }
        CliError(text)
    }
}

fn load(config: Option<&Path>) -> CliResult<(Config, RuleSet)> {
    let config = Config::load_or_default(config)?;
    let rules = RuleSet::load(&config.rules_dir, config.match_settings())
        .map_err(|e| CliError(e.to_string()))?;
    Ok((config, rules))
}

/// `check-config`: the configuration and the rules it points at.
pub fn check_config(config: Option<&Path>, out: &mut dyn Write) -> CliResult<()> {
    let (c, rules) = load(config)?;
    let name = c.source.as_ref().map_or_else(
        || "embedded defaults".to_string(),
        |p| p.display().to_string(),
    );
    let restrictions: usize = rules
        .restrictions
        .customers()
        .iter()
        .map(|c| c.restrictions.len())
        .sum();
    writeln!(out, "{name}: ok")?;
    writeln!(
        out,
        "{}: ok ({} customers, {restrictions} restrictions, {} reply templates)",
        rules
            .restrictions
            .source
            .as_ref()
            .map_or_else(String::new, |p| p.display().to_string()),
        rules.restrictions.customers().len(),
        rules.templates.len()
    )?;
    let lex = rules.detector.lexicon();
    let m = &rules.monitoring;
    writeln!(
        out,
        "lexicon: ok ({} terms in {} categories, {} threat patterns, {} allow-listed names and phrases)",
        lex.terms.len(),
        lex.categories.len(),
        lex.intents.len(),
        lex.allow.len()
    )?;
    let limit = |t: &Option<crate::flags::monitor::Threshold>| {
        t.as_ref().map_or("off".to_string(), |t| {
            format!("{} ({})", t.limit, t.action.as_str())
        })
    };
    writeln!(
        out,
        "monitoring: per day {}, per week {}, fan-out per day {}",
        limit(&m.per_day),
        limit(&m.per_week),
        limit(&m.fan_out)
    )?;
    Ok(())
}

pub struct ExplainArgs {
    pub config: Option<PathBuf>,
    pub json: bool,
    /// Ask the running daemon (its rules and the correspondence history).
    pub live: bool,
    pub sender: Option<String>,
    pub rcpt: Vec<String>,
    pub at: Option<String>,
    pub files: Vec<PathBuf>,
}

/// `explain`: a dry run per file. With `--live`, the running daemon decides, with its rules
/// and the correspondence history that "new information only" compares with.
pub fn explain_files(args: &ExplainArgs, out: &mut dyn Write) -> CliResult<()> {
    let now = match &args.at {
        Some(t) => Some(OffsetDateTime::parse(t, &Rfc3339).map_err(|e| {
            CliError(format!(
                "--at {t:?} is not an RFC 3339 time like 2026-07-01T10:00:00Z: {e}"
            ))
        })?),
        None => None,
    };
    let offline = if args.live {
        None
    } else {
        Some(load(args.config.as_deref())?)
    };
    for file in &args.files {
        let raw = std::fs::read(file)
            .map_err(|e| CliError(format!("reading {}: {e}", file.display())))?;
        let name = file.display().to_string();
        let e = match &offline {
            Some((config, rules)) => explain(
                &name,
                &raw,
                args.sender.as_deref(),
                &args.rcpt,
                rules,
                &config.policy_settings(),
                now.unwrap_or_else(OffsetDateTime::now_utc),
            )
            .map_err(|e| CliError(format!("parsing {}: {e}", file.display())))?,
            None => {
                let result = daemon(
                    args.config.as_deref(),
                    "explain",
                    serde_json::json!({
                        "file": name,
                        "eml_base64": base64::engine::general_purpose::STANDARD.encode(&raw),
                        "sender": args.sender,
                        "rcpt": args.rcpt,
                        "at": now.map(|t| t.format(&Rfc3339)).transpose()?,
                    }),
                )?;
                serde_json::from_value(result)?
            }
        };
        print_explanation(&e, args.json, out)?;
    }
    Ok(())
}

fn print_explanation(e: &Explanation, json: bool, out: &mut dyn Write) -> CliResult<()> {
    if json {
        serde_json::to_writer(&mut *out, e)?;
        writeln!(out)?;
        return Ok(());
    }
    writeln!(out, "{}: {}", terminal::field(&e.file), e.action.as_str())?;
    writeln!(out, "  from:       {}", terminal::field(&e.sender))?;
    writeln!(
        out,
        "  recipients: {}",
        terminal::field(&e.recipients.join(", "))
    )?;
    if e.recipients != e.original_recipients {
        writeln!(
            out,
            "  (addressed: {})",
            terminal::field(&e.original_recipients.join(", "))
        )?;
    }
    if let Some(at) = e.release_at {
        writeln!(out, "  release at: {} UK time", uk_time::to_london(at))?;
    }
    writeln!(out, "  reasons:")?;
    for r in &e.reasons {
        writeln!(out, "    - {}", terminal::field(r))?;
    }
    for f in &e.flags {
        writeln!(
            out,
            "  flag: {} ({} severity, {}, rule {}): {}",
            terminal::field(&f.category),
            f.severity,
            f.action.as_str(),
            terminal::field(&f.rule),
            terminal::field(&f.excerpt)
        )?;
    }
    if let Some(n) = &e.novelty {
        writeln!(
            out,
            "  new information: {}",
            if n.new {
                terminal::field(&n.summary()).into_owned()
            } else {
                "none".into()
            }
        )?;
    }
    Ok(())
}

/// One line of `reviews --json`.
#[derive(Debug, Serialize)]
pub struct ReviewLine {
    pub customer: String,
    pub name: String,
    pub kind: String,
    pub decided_by: String,
    pub decided_on: String,
    pub review_on: String,
    pub overdue: bool,
    pub location: String,
}

/// `reviews`: every restriction and whether its review is overdue.
pub fn reviews(
    config: Option<&Path>,
    json: bool,
    now: OffsetDateTime,
    out: &mut dyn Write,
) -> CliResult<()> {
    let (_, rules) = load(config)?;
    let today = uk_time::to_london(now).date();
    let lines: Vec<ReviewLine> = rules
        .restrictions
        .customers()
        .iter()
        .flat_map(|c| {
            c.restrictions.iter().map(move |r| ReviewLine {
                customer: c.id.clone(),
                name: c.name.clone(),
                kind: r.kind.name().to_string(),
                decided_by: r.decided_by.clone(),
                decided_on: r.decided_on.to_string(),
                review_on: r.review_on.to_string(),
                overdue: today > r.review_on,
                location: r.location.clone(),
            })
        })
        .collect();
    if json {
        serde_json::to_writer_pretty(&mut *out, &lines)?;
        writeln!(out)?;
        return Ok(());
    }
    if lines.is_empty() {
        writeln!(out, "no restrictions")?;
    }
    for l in &lines {
        writeln!(
            out,
            "{:<16} {:<22} review {} {:<8} decided {} by {} ({})",
            terminal::field(&l.customer),
            l.kind,
            l.review_on,
            if l.overdue { "OVERDUE" } else { "" },
            l.decided_on,
            terminal::field(&l.decided_by),
            terminal::field(&l.location)
        )?;
    }
    Ok(())
}

/// Calls the running daemon named by the config.
fn daemon(
    config: Option<&Path>,
    op: &str,
    args: serde_json::Value,
) -> CliResult<serde_json::Value> {
    let config = Config::load_or_default(config)?;
    Ok(client::call(
        &config.admin_socket,
        config.admin_group.as_deref(),
        op,
        args,
    )?)
}

/// `held list`: asks the running daemon.
pub fn held_list(
    config: Option<&Path>,
    filter: HeldListArgs,
    json: bool,
    out: &mut dyn Write,
) -> CliResult<()> {
    let result = daemon(config, "held.list", serde_json::to_value(&filter)?)?;
    let list: Vec<HeldSummary> = serde_json::from_value(result)?;
    if json {
        serde_json::to_writer_pretty(&mut *out, &list)?;
        writeln!(out)?;
        return Ok(());
    }
    if list.is_empty() {
        writeln!(out, "nothing held")?;
    }
    for h in &list {
        writeln!(
            out,
            "{}  {}  {:<5} {:<9}{} from {}  to {}",
            terminal::field(&h.id),
            uk_time::to_london(h.received_at),
            terminal::field(&h.action),
            terminal::field(&h.state),
            if h.stale { " STALE" } else { "" },
            null_or_sender(&h.sender),
            terminal::field(&h.recipients.join(", "))
        )?;
        if let Some(s) = &h.subject {
            writeln!(out, "    subject: {}", terminal::field(s))?;
        }
        if !h.flags.is_empty() {
            writeln!(out, "    flags: {}", terminal::field(&h.flags.join(", ")))?;
        }
        if let Some(at) = h.release_at {
            writeln!(out, "    release at: {} UK time", uk_time::to_london(at))?;
        }
        write_automated(out, h, "    ")?;
        for r in &h.reasons {
            writeln!(out, "    - {}", terminal::field(r))?;
        }
    }
    Ok(())
}

/// For a message filed on an automatic comparison: whether an officer has reviewed it, and if
/// not, the command that records the review.
fn write_automated(out: &mut dyn Write, h: &HeldSummary, indent: &str) -> CliResult<()> {
    let Some(check) = h.automated else {
        return Ok(());
    };
    match &h.review {
        None => writeln!(
            out,
            "{indent}automatic: {}, not yet confirmed by an officer (contactgate held review {} --outcome confirmed|overturned)",
            check.as_str(),
            terminal::field(&h.id)
        )?,
        Some(r) => writeln!(
            out,
            "{indent}automatic: {}, reviewed by {} at {} UK time: {}{}",
            check.as_str(),
            terminal::field(&r.by),
            uk_time::to_london(r.at),
            r.outcome.as_str(),
            r.note
                .as_deref()
                .map(|n| format!(" ({})", terminal::field(n)))
                .unwrap_or_default()
        )?,
    }
    Ok(())
}

/// `held show ID`: the message as an officer reads it. HTML is shown as text, never rendered.
pub fn held_show(
    config: Option<&Path>,
    id: &str,
    json: bool,
    out: &mut dyn Write,
) -> CliResult<()> {
    let v = daemon(config, "held.show", serde_json::json!({ "id": id }))?;
    if json {
        serde_json::to_writer_pretty(&mut *out, &v)?;
        writeln!(out)?;
        return Ok(());
    }
    let d: HeldDetail = serde_json::from_value(v)?;
    write_held_summary(out, &d.summary)?;
    write_held_findings(out, &d)?;
    write_held_delivery(out, &d)?;
    write_held_content(out, &d)
}

/// `held show`: what was sent, by whom, to whom, and why it is kept.
fn write_held_summary(out: &mut dyn Write, s: &HeldSummary) -> CliResult<()> {
    writeln!(out, "id:         {}", terminal::field(&s.id))?;
    writeln!(
        out,
        "state:      {}{}",
        terminal::field(&s.state),
        if s.stale { " (stale)" } else { "" }
    )?;
    writeln!(out, "action:     {}", terminal::field(&s.action))?;
    writeln!(
        out,
        "received:   {} UK time",
        uk_time::to_london(s.received_at)
    )?;
    writeln!(out, "from:       {}", null_or_sender(&s.sender))?;
    if let Some(subject) = &s.subject {
        writeln!(out, "subject:    {}", terminal::field(subject))?;
    }
    writeln!(
        out,
        "to:         {}",
        terminal::field(&s.recipients.join(", "))
    )?;
    if s.original_recipients != s.recipients && !s.original_recipients.is_empty() {
        writeln!(
            out,
            "addressed:  {}",
            terminal::field(&s.original_recipients.join(", "))
        )?;
    }
    if let Some(at) = s.release_at {
        writeln!(out, "release at: {} UK time", uk_time::to_london(at))?;
    }
    write_automated(out, s, "")?;
    writeln!(out, "reasons:")?;
    for r in &s.reasons {
        writeln!(out, "  - {}", terminal::field(r))?;
    }
    Ok(())
}

/// `held show`: what the flags and adjustments found, and whether a release was interrupted.
fn write_held_findings(out: &mut dyn Write, d: &HeldDetail) -> CliResult<()> {
    for f in &d.flags {
        writeln!(
            out,
            "flag: {} ({} severity, {}, rule {}, {} time(s)): {}",
            terminal::field(&f.category),
            f.severity,
            f.action.as_str(),
            terminal::field(&f.rule),
            f.count,
            terminal::field(&f.excerpt)
        )?;
    }
    for a in &d.adjustments {
        writeln!(out, "reasonable adjustments: {}", terminal::field(a))?;
    }
    if d.release_interrupted {
        writeln!(
            out,
            "note: an earlier release was interrupted; the recipients may already have it"
        )?;
    }
    Ok(())
}

/// `held show`: who has it, who refused it, the next retry, or who discarded it.
fn write_held_delivery(out: &mut dyn Write, d: &HeldDetail) -> CliResult<()> {
    let s = &d.summary;
    if !s.delivered_to.is_empty() {
        writeln!(
            out,
            "delivered:  {}",
            terminal::field(&s.delivered_to.join(", "))
        )?;
    }
    for f in &s.refusals {
        writeln!(
            out,
            "refused:    {} at {} UK time, {}: {}",
            terminal::field(&f.recipient),
            uk_time::to_london(f.at),
            if f.permanent {
                "permanently"
            } else {
                "temporarily"
            },
            terminal::field(&f.text)
        )?;
    }
    if let Some(at) = s.next_attempt_at {
        writeln!(out, "next retry: {} UK time", uk_time::to_london(at))?;
    }
    if let Some(by) = &d.discarded_by {
        writeln!(
            out,
            "discarded by {}: {}",
            terminal::field(by),
            terminal::field(d.discard_reason.as_deref().unwrap_or(""))
        )?;
    }
    Ok(())
}

/// `held show`: the headers, the text and the attachments' names, escaped, never rendered.
fn write_held_content(out: &mut dyn Write, d: &HeldDetail) -> CliResult<()> {
    writeln!(out, "\n--- headers ---\n{}", terminal::lines(&d.headers))?;
    writeln!(out, "--- text ---\n{}", terminal::lines(&d.text))?;
    writeln!(out, "--- attachments ({}) ---", d.attachments.len())?;
    for a in &d.attachments {
        writeln!(
            out,
            "  {} ({}, {} bytes)",
            terminal::field(&a.name),
            terminal::field(&a.content_type),
            a.size
        )?;
    }
    Ok(())
}

/// An envelope sender for people: the null sender as `<>`, any other escaped.
fn null_or_sender(address: &str) -> std::borrow::Cow<'_, str> {
    if address.is_empty() {
        "<>".into()
    } else {
        terminal::field(address)
    }
}

/// `held release ID [--to ADDR]... [--note TEXT]`.
pub fn held_release(
    config: Option<&Path>,
    id: &str,
    to: &[String],
    note: Option<&str>,
    out: &mut dyn Write,
) -> CliResult<()> {
    let v = daemon(
        config,
        "held.release",
        serde_json::json!({ "id": id, "to": to, "note": note }),
    )?;
    let s: HeldSummary = serde_json::from_value(v)?;
    let asked: Vec<String> = if to.is_empty() {
        s.delivered_to
            .iter()
            .chain(&s.recipients)
            .cloned()
            .collect()
    } else {
        to.to_vec()
    };
    let delivered: Vec<&String> = asked
        .iter()
        .filter(|r| s.delivered_to.contains(r))
        .collect();
    let names = |list: &[&String]| {
        list.iter()
            .map(|r| r.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    writeln!(
        out,
        "released {} to {}",
        terminal::field(&s.id),
        terminal::field(&names(&delivered))
    )?;
    // A release never reports as delivered a recipient the downstream refused.
    if s.state != "released" {
        let last = s.refusals.last().map(|f| f.at);
        for f in s.refusals.iter().filter(|f| Some(f.at) == last) {
            writeln!(
                out,
                "refused:  {} ({}): {}",
                terminal::field(&f.recipient),
                if f.permanent {
                    "permanently; held for an officer"
                } else {
                    "temporarily; retried automatically"
                },
                terminal::field(&f.text)
            )?;
        }
    }
    Ok(())
}

/// `held discard ID --reason TEXT`.
pub fn held_discard(
    config: Option<&Path>,
    id: &str,
    reason: &str,
    out: &mut dyn Write,
) -> CliResult<()> {
    daemon(
        config,
        "held.discard",
        serde_json::json!({ "id": id, "reason": reason }),
    )?;
    writeln!(out, "discarded {}", terminal::field(id))?;
    Ok(())
}

/// `held review ID --outcome confirmed|overturned [--note TEXT]`: records an officer's review of
/// an automatic filing.
pub fn held_review(
    config: Option<&Path>,
    id: &str,
    outcome: &str,
    note: Option<&str>,
    out: &mut dyn Write,
) -> CliResult<()> {
    let v = daemon(
        config,
        "held.review",
        serde_json::json!({ "id": id, "outcome": outcome, "note": note }),
    )?;
    let s: HeldSummary = serde_json::from_value(v)?;
    writeln!(out, "reviewed {}: {}", terminal::field(&s.id), outcome)?;
    if outcome == "overturned" && s.state == "held" {
        writeln!(
            out,
            "it is still filed; to pass it to staff: contactgate held release {}",
            terminal::field(&s.id)
        )?;
    }
    Ok(())
}

/// `held export ID`: the original message, byte for byte.
pub fn held_export(config: Option<&Path>, id: &str, out: &mut dyn Write) -> CliResult<()> {
    use base64::Engine;
    let v = daemon(config, "held.export", serde_json::json!({ "id": id }))?;
    let b64 = v["eml_base64"]
        .as_str()
        .ok_or_else(|| CliError("the daemon sent no message".into()))?;
    out.write_all(&base64::engine::general_purpose::STANDARD.decode(b64)?)?;
    Ok(())
}

/// `audit [--since TIME]`.
pub fn audit(
    config: Option<&Path>,
    since: Option<OffsetDateTime>,
    json: bool,
    out: &mut dyn Write,
) -> CliResult<()> {
    let since = since.map(|s| s.format(&Rfc3339)).transpose()?;
    let v = daemon(config, "audit.list", serde_json::json!({ "since": since }))?;
    if json {
        serde_json::to_writer_pretty(&mut *out, &v)?;
        writeln!(out)?;
        return Ok(());
    }
    let entries: Vec<AuditEntry> = serde_json::from_value(v)?;
    for e in &entries {
        let mut detail: Vec<String> = e.details.iter().chain(&e.quoted).cloned().collect();
        if let Some(r) = e.redacted {
            detail.push(format!(
                "{} quoted item(s) redacted on {}",
                r.items,
                r.at.format(&Rfc3339)?
            ));
        }
        writeln!(
            out,
            "{}  {:<24} {:<22} {}{}{}",
            e.at.format(&Rfc3339)?,
            terminal::field(&e.actor),
            terminal::field(&e.event),
            terminal::field(e.message.as_deref().unwrap_or("")),
            e.action
                .as_deref()
                .map(|a| format!(" [{}]", terminal::field(a)))
                .unwrap_or_default(),
            if detail.is_empty() {
                String::new()
            } else {
                format!(": {}", terminal::field(&detail.join("; ")))
            }
        )?;
    }
    Ok(())
}

/// `incidents [--sender A] [--json]`: recorded flags, oldest first, one line each.
pub fn incidents(
    config: Option<&Path>,
    sender: Option<&str>,
    json: bool,
    out: &mut dyn Write,
) -> CliResult<()> {
    let v = daemon(
        config,
        "incidents.list",
        serde_json::json!({ "sender": sender }),
    )?;
    if json {
        serde_json::to_writer_pretty(&mut *out, &v)?;
        writeln!(out)?;
        return Ok(());
    }
    let list: Vec<crate::store::Incident> = serde_json::from_value(v)?;
    if list.is_empty() {
        writeln!(out, "no incidents recorded")?;
    }
    for i in &list {
        writeln!(
            out,
            "{}  {}  {} ({} severity, rule {})  message {} [{}]{}: {}",
            i.at.format(&Rfc3339)?,
            null_or_sender(&i.sender),
            terminal::field(&i.category),
            i.severity,
            terminal::field(&i.rule),
            terminal::field(&i.message),
            terminal::field(&i.action),
            if i.customers.is_empty() {
                String::new()
            } else {
                format!(" customer {}", terminal::field(&i.customers.join(", ")))
            },
            terminal::field(&i.excerpt)
        )?;
    }
    Ok(())
}

/// `export --address ADDR`: the subject-access document, as JSON.
pub fn export_address(config: Option<&Path>, address: &str, out: &mut dyn Write) -> CliResult<()> {
    let v = daemon(
        config,
        "export.address",
        serde_json::json!({ "address": address }),
    )?;
    serde_json::to_writer_pretty(&mut *out, &v)?;
    writeln!(out)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The officer sees the whole chain of causes, as `anyhow`'s `{:#}` showed it before.
    #[test]
    fn an_error_shows_its_causes() {
        #[derive(Debug, thiserror::Error)]
        #[error("cannot read the rules")]
        struct Outer(#[source] std::io::Error);
        let inner = std::io::Error::new(std::io::ErrorKind::NotFound, "no such file");
        assert_eq!(
            CliError::from(Outer(inner)).to_string(),
            "cannot read the rules: no such file"
        );
    }
}
