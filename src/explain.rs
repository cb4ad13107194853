//! Dry runs: what would happen to a message and why, through the same pure decision code the
//! daemon uses. Used by `contactgate explain` and by the data-driven policy tests.

use serde::Serialize;
use time::OffsetDateTime;

use crate::message::{Message, ParseError};
use crate::policy::{self, Action, Flag, Identity, PolicySettings};
use crate::ruleset::RuleSet;
use crate::smtp::Envelope;

/// The answer for one message; `explain --json` prints one per line.
#[derive(Debug, Clone, Serialize, serde::Deserialize)]
pub struct Explanation {
    pub file: String,
    pub action: Action,
    pub sender: String,
    /// After routing.
    pub recipients: Vec<String>,
    pub original_recipients: Vec<String>,
    pub reasons: Vec<String>,
    pub summary: String,
    pub customers: Vec<String>,
    #[serde(with = "time::serde::rfc3339::option")]
    pub release_at: Option<OffsetDateTime>,
    pub flags: Vec<Flag>,
    /// For a customer under `new_information_only`, judged against the history (`--live`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub novelty: Option<crate::novelty::Report>,
}

/// Explains `raw`. Without `sender`, the first `From:` address is the envelope sender; without
/// `recipients`, the `To:` and `Cc:` addresses are the envelope recipients.
pub fn explain(
    file: &str,
    raw: &[u8],
    sender: Option<&str>,
    recipients: &[String],
    rules: &RuleSet,
    settings: &PolicySettings,
    now: OffsetDateTime,
) -> Result<Explanation, ParseError> {
    explain_with(
        file,
        raw,
        sender,
        recipients,
        rules,
        settings,
        now,
        |_, _| None,
    )
}

/// [`explain`], with a way to judge novelty (the daemon's history, for `explain --live`). The
/// steps are the daemon's (identify, observe, decide), so a dry run cannot drift from it;
/// contact-pattern counters, which only the daemon's store keeps, are not observed.
#[allow(clippy::too_many_arguments)]
pub fn explain_with(
    file: &str,
    raw: &[u8],
    sender: Option<&str>,
    recipients: &[String],
    rules: &RuleSet,
    settings: &PolicySettings,
    now: OffsetDateTime,
    novelty: impl FnOnce(&Message, &Identity<'_>) -> Option<crate::novelty::Report>,
) -> Result<Explanation, ParseError> {
    let message = Message::parse(raw)?;
    let envelope = Envelope {
        sender: sender
            .map(str::to_string)
            .or_else(|| message.from.first().cloned())
            .unwrap_or_default(),
        recipients: if recipients.is_empty() {
            message.to.clone()
        } else {
            recipients.to_vec()
        },
        ..Envelope::default()
    };
    let identity = policy::identify(&message, &envelope, &rules.restrictions, &rules.monitoring);
    let judged = novelty(&message, &identity);
    let v = policy::decide(
        &message,
        &envelope,
        &rules.restrictions,
        settings,
        now,
        policy::Observed {
            identity: &identity,
            flags: rules.detector.message_flags(&message),
            novelty: judged.as_ref(),
        },
    );
    Ok(Explanation {
        file: file.to_string(),
        action: v.action,
        sender: envelope.sender,
        recipients: v.recipients,
        original_recipients: v.original_recipients,
        reasons: policy::reason::texts(&v.reasons),
        summary: v.summary,
        customers: v.customers,
        release_at: v.release_at,
        flags: v.flags,
        novelty: v.novelty,
    })
}
