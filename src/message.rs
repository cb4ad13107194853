//! The parsed view of a message that policy decisions read: addresses, subject, ids.
//!
//! Parsing uses mail-parser inside `catch_unwind`: a parser panic on hostile input becomes a
//! [`ParseError`] for that one message (answered with a 451), never a dead daemon.
//!
//! The raw bytes are never changed here; this is a read-only view.

use std::panic::{AssertUnwindSafe, catch_unwind};

use mail_parser::{HeaderValue, MessageParser};

/// What the policy needs to know about a message.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Message {
    pub message_id: Option<String>,
    pub subject: Option<String>,
    /// Addresses in `From:`, lower-cased.
    pub from: Vec<String>,
    /// Addresses in `To:` and `Cc:`, lower-cased.
    pub to: Vec<String>,
    /// The message had no header block mail-parser could read.
    pub headerless: bool,
}

#[derive(Debug, thiserror::Error)]
#[error("the MIME parser failed on this message: {0}")]
pub struct ParseError(pub String);

impl Message {
    /// Parses `raw`. Malformed MIME is not an error (mail-parser is lenient and we relay what we
    /// are given); only a parser panic is.
    pub fn parse(raw: &[u8]) -> Result<Message, ParseError> {
        guarded(|| Self::parse_inner(raw))
    }

    fn parse_inner(raw: &[u8]) -> Message {
        let Some(parsed) = MessageParser::default().parse_headers(raw) else {
            return Message {
                headerless: true,
                ..Message::default()
            };
        };
        let mut to = addresses(parsed.header("To"));
        to.extend(addresses(parsed.header("Cc")));
        Message {
            message_id: parsed.message_id().map(str::to_string),
            subject: parsed.subject().map(str::to_string),
            from: addresses(parsed.header("From")),
            to,
            headerless: false,
        }
    }
}

/// Runs a parser, turning a panic into a [`ParseError`].
fn guarded<T>(parse: impl FnOnce() -> T) -> Result<T, ParseError> {
    catch_unwind(AssertUnwindSafe(parse)).map_err(|panic| {
        let what = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".to_string());
        ParseError(what)
    })
}

fn addresses(value: Option<&HeaderValue<'_>>) -> Vec<String> {
    let Some(HeaderValue::Address(address)) = value else {
        return Vec::new();
    };
    address
        .iter()
        .filter_map(|a| a.address())
        .map(|a| a.trim().to_ascii_lowercase())
        .filter(|a| !a.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_addresses_subject_and_id() {
        let m = Message::parse(
            b"From: \"A\" <A.Example@Mail.Example>\r\nTo: x@council.example, Y <y@council.example>\r\n\
Cc: z@council.example\r\nSubject: =?utf-8?q?Caf=C3=A9?=\r\nMessage-ID: <abc@mail.example>\r\n\r\nhi\r\n",
        )
        .unwrap();
        assert_eq!(m.from, vec!["a.example@mail.example"]);
        assert_eq!(
            m.to,
            vec![
                "x@council.example",
                "y@council.example",
                "z@council.example"
            ]
        );
        assert_eq!(m.subject.as_deref(), Some("Café"));
        assert_eq!(m.message_id.as_deref(), Some("abc@mail.example"));
    }

    #[test]
    fn a_parser_panic_becomes_an_error() {
        let e = guarded(|| -> Message { panic!("boom in parser") }).unwrap_err();
        assert!(e.to_string().contains("boom in parser"), "{e}");
    }

    #[test]
    fn garbage_is_not_an_error() {
        let m = Message::parse(b"\xff\xfe\x00garbage without headers").unwrap();
        assert!(m.from.is_empty());
    }
}
