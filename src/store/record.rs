//! Stored records. Every record carries a `version`; decoding refuses versions it does not know
//! rather than guessing. Only `store/` sees the encoding (JSON, so a postmaster can read a dump).

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::StoreError;

/// The record version this build writes.
pub const HELD_RECORD_VERSION: u32 = 1;

/// Why a message sits in the held store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum HeldAction {
    /// Held for an officer's review.
    Hold,
}

/// Where a held message is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum HeldState {
    Held,
}

/// Metadata of one held message. The body lives in the spool, named by `id`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeldMessage {
    pub version: u32,
    pub id: String,
    #[serde(with = "time::serde::rfc3339")]
    pub received_at: OffsetDateTime,
    /// Envelope sender; empty for `<>`.
    pub sender: String,
    pub recipients: Vec<String>,
    pub message_id: Option<String>,
    pub subject: Option<String>,
    pub client_addr: Option<String>,
    /// Postfix's queue id, from XFORWARD IDENT.
    pub postfix_queue_id: Option<String>,
    pub action: HeldAction,
    pub reasons: Vec<String>,
    #[serde(with = "time::serde::rfc3339::option")]
    pub release_at: Option<OffsetDateTime>,
    pub size: u64,
    pub state: HeldState,
}

impl HeldMessage {
    pub(crate) fn encode(&self) -> Vec<u8> {
        // Serialising plain owned data to JSON cannot fail.
        serde_json::to_vec(self).expect("HeldMessage serialises")
    }

    pub(crate) fn decode(bytes: &[u8]) -> Result<HeldMessage, StoreError> {
        #[derive(Deserialize)]
        struct Versioned {
            version: u32,
        }
        let v: Versioned = serde_json::from_slice(bytes)
            .map_err(|e| StoreError::Corrupt(format!("held record: {e}")))?;
        if v.version != HELD_RECORD_VERSION {
            return Err(StoreError::Corrupt(format!(
                "held record version {} is not known to this build (knows {HELD_RECORD_VERSION})",
                v.version
            )));
        }
        serde_json::from_slice(bytes).map_err(|e| StoreError::Corrupt(format!("held record: {e}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn sample() -> HeldMessage {
        HeldMessage {
            version: HELD_RECORD_VERSION,
            id: "0001".into(),
            received_at: OffsetDateTime::from_unix_timestamp(1_780_000_000).unwrap(),
            sender: "".into(),
            recipients: vec!["x@council.example".into()],
            message_id: Some("m@x".into()),
            subject: Some("Planning 24/0612/PA".into()),
            client_addr: Some("192.0.2.1".into()),
            postfix_queue_id: Some("4XyZ".into()),
            action: HeldAction::Hold,
            reasons: vec!["because".into()],
            release_at: None,
            size: 42,
            state: HeldState::Held,
        }
    }

    #[test]
    fn round_trip() {
        let r = sample();
        assert_eq!(HeldMessage::decode(&r.encode()).unwrap(), r);
    }

    #[test]
    fn unknown_version_is_refused() {
        let mut r = sample();
        r.version = 99;
        let err = HeldMessage::decode(&r.encode()).unwrap_err();
        assert!(err.to_string().contains("version 99"), "{err}");
    }
}
