//! The admin socket: how officer tools reach the running daemon. sled lets only one process open
//! the store, so the CLI never opens it; it asks the daemon over this Unix socket.
//!
//! Protocol, version 1: JSON lines. Each request is one line
//! `{"v":1,"op":"held.list","args":{...}}`; each answer is one line, either
//! `{"v":1,"ok":true,"result":...}` or `{"v":1,"ok":false,"error":"..."}`. A connection may carry
//! several requests, one after another.
//!
//! [`server`] is the daemon side, [`client`] the CLI side; the types here are shared.

pub mod client;
pub mod ops;
pub mod roles;
pub mod server;
pub mod subject_access;

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::store::HeldMessage;

pub const PROTOCOL_VERSION: u32 = 1;
/// Longest request line the daemon reads.
/// Large enough for `explain --live` to send a message of 12 MB (as base64 in JSON).
pub const MAX_REQUEST: usize = 16 * 1024 * 1024;
/// Longest request line for any operation but `explain`, which alone carries a message. A
/// longer line is read on only when it names `"op":"explain"` (compact, before its arguments,
/// as serde_json writes the `Request` struct), so no other request holds more memory.
pub const MAX_SMALL_REQUEST: usize = 64 * 1024;
/// The one operation allowed [`MAX_REQUEST`].
pub const LARGE_OP: &str = "explain";

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Request {
    pub v: u32,
    pub op: String,
    #[serde(default)]
    pub args: serde_json::Value,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Response {
    pub v: u32,
    pub ok: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<serde_json::Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

impl Response {
    /// A refusal or a failure: `ok` false, with the reason the caller sees.
    pub fn failure(error: String) -> Response {
        Response {
            v: PROTOCOL_VERSION,
            ok: false,
            result: None,
            error: Some(error),
        }
    }
}

/// Filters for `held.list`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct HeldListArgs {
    /// `hold`, `file` or `defer`.
    #[serde(default)]
    pub action: Option<String>,
    #[serde(default)]
    pub sender: Option<String>,
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub since: Option<OffsetDateTime>,
    /// Include released messages.
    #[serde(default)]
    pub all: bool,
}

/// One line of `held list`: the contract officers' scripts read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeldSummary {
    pub id: String,
    pub message_id: Option<String>,
    pub sender: String,
    pub recipients: Vec<String>,
    pub original_recipients: Vec<String>,
    pub action: String,
    pub state: String,
    pub reasons: Vec<String>,
    pub customers: Vec<String>,
    pub subject: Option<String>,
    pub size: u64,
    #[serde(with = "time::serde::rfc3339")]
    pub received_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339::option")]
    pub release_at: Option<OffsetDateTime>,
    /// Still waiting after `stale_days`.
    #[serde(default)]
    pub stale: bool,
    /// Categories of the message's flags (`threat`, `profanity`, `frequency`, ...), so an
    /// officer sees them in the list; `held show` has the detail.
    #[serde(default)]
    pub flags: Vec<String>,
    /// Recipients the downstream has taken the message for (a release in part, or the
    /// delivered recipients of a message kept for the others).
    #[serde(default)]
    pub delivered_to: Vec<String>,
    /// Every refusal by the downstream, per recipient and attempt, oldest first.
    #[serde(default)]
    pub refusals: Vec<crate::store::Refusal>,
    /// For a message kept to retry refused recipients: the next automatic attempt.
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub next_attempt_at: Option<OffsetDateTime>,
    /// Filed on an automatic comparison (`no_new_information`, `closed_topic`), for an officer
    /// to confirm with `held review`.
    #[serde(default)]
    pub automated: Option<crate::policy::AutomatedCheck>,
    /// The latest officer review of that decision.
    #[serde(default)]
    pub review: Option<crate::store::OfficerReview>,
    /// Set (to the caller's role, `viewer`) when the subject, the reasons, refusal texts and
    /// review notes were left out because the caller may not read them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_withheld: Option<String>,
}

impl From<&HeldMessage> for HeldSummary {
    fn from(r: &HeldMessage) -> Self {
        HeldSummary {
            id: r.id.clone(),
            message_id: r.message_id.clone(),
            sender: r.sender.clone(),
            recipients: r.recipients.clone(),
            original_recipients: r.original_recipients.clone(),
            action: r.action.as_str().to_string(),
            state: r.state.as_str().to_string(),
            reasons: r.reasons.clone(),
            customers: r.customers.clone(),
            subject: r.subject.clone(),
            size: r.size,
            received_at: r.received_at,
            release_at: r.release_at,
            stale: false,
            delivered_to: r.delivered_to.clone(),
            refusals: r.refusals.clone(),
            next_attempt_at: r.next_attempt_at,
            automated: r.automated,
            review: r.review.clone(),
            content_withheld: None,
            flags: r.flags.iter().fold(Vec::new(), |mut categories, f| {
                if !categories.contains(&f.category) {
                    categories.push(f.category.clone());
                }
                categories
            }),
        }
    }
}
