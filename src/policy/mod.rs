//! The decision: what happens to one message, and why. PURE: no I/O, no async, no clock (the
//! time is passed in), so every decision can be replayed in a test or by `explain`.
//!
//! Architecture invariant: `decide` cannot fail. Whatever it is given, it returns a [`Verdict`]
//! whose reasons an officer can read. Actions never drop mail: the worst is a hold.

use serde::Serialize;
use time::OffsetDateTime;

use crate::message::Message;
use crate::smtp::Envelope;

/// What to do with a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    /// Reinject downstream to the envelope recipients.
    Deliver,
    /// Keep durably in the held store for an officer to review.
    Hold,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Deliver => "deliver",
            Action::Hold => "hold",
        }
    }
}

/// A decision with its human-readable reasons.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verdict {
    pub action: Action,
    /// Recipients after routing.
    pub recipients: Vec<String>,
    pub reasons: Vec<String>,
}

/// Policy settings that come from the configuration.
#[derive(Debug, Clone, Default)]
pub struct PolicySettings {
    /// Hold every message (incident response: stop all delivery, keep every message safe).
    pub hold_all: bool,
}

/// Decides what happens to `message`, sent with `envelope`, at `now`.
pub fn decide(
    _message: &Message,
    envelope: &Envelope,
    settings: &PolicySettings,
    _now: OffsetDateTime,
) -> Verdict {
    if settings.hold_all {
        return Verdict {
            action: Action::Hold,
            recipients: envelope.recipients.clone(),
            reasons: vec!["hold_all is set in the configuration: every message is held".into()],
        };
    }
    Verdict {
        action: Action::Deliver,
        recipients: envelope.recipients.clone(),
        reasons: vec!["no restriction applies".into()],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn envelope() -> Envelope {
        Envelope {
            sender: "a@b.example".into(),
            recipients: vec!["x@council.example".into()],
            ..Envelope::default()
        }
    }

    #[test]
    fn unrestricted_mail_is_delivered_with_a_reason() {
        let v = decide(
            &Message::default(),
            &envelope(),
            &PolicySettings::default(),
            OffsetDateTime::UNIX_EPOCH,
        );
        assert_eq!(v.action, Action::Deliver);
        assert_eq!(v.recipients, vec!["x@council.example"]);
        assert!(!v.reasons.is_empty());
    }

    #[test]
    fn hold_all_holds() {
        let v = decide(
            &Message::default(),
            &envelope(),
            &PolicySettings { hold_all: true },
            OffsetDateTime::UNIX_EPOCH,
        );
        assert_eq!(v.action, Action::Hold);
        assert!(v.reasons[0].contains("hold_all"));
    }
}
