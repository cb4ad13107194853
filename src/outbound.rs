//! The only code that sends mail. It reinjects messages to the downstream MTA through lettre's
//! pooled async SMTP transport, keeping the original envelope (null sender included).
//!
//! lettre quirks handled here, so the downstream stores exactly the bytes we were given:
//! - It always terminates DATA with `CRLF.CRLF`, so a message that already ends in CRLF would
//!   gain an empty line: we strip one trailing line end before handing it over.
//! - It dot-stuffs only after CRLF. A line that follows a bare LF and starts with `.` would be
//!   read as end-of-data by an MTA that, like Postfix, accepts bare LF as a line end: we stuff
//!   those dots ourselves.
//! - The first refused recipient aborts the whole send, so after a permanent refusal with several
//!   recipients we retry one recipient at a time to learn who was refused (see [`Outbound::deliver`]).

use std::net::SocketAddr;
use std::str::FromStr;
use std::time::Duration;

use lettre::address::{Address, Envelope};
use lettre::transport::smtp::PoolConfig;
use lettre::transport::smtp::extension::ClientId;
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};

/// Why a send failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SendError {
    /// Try again later: the downstream was unreachable, timed out or answered 4xx.
    Transient(String),
    /// The downstream answered 5xx.
    Permanent { code: u16, text: String },
    /// An address lettre cannot put on the wire.
    BadAddress(String),
}

impl std::fmt::Display for SendError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SendError::Transient(t) => write!(f, "temporary failure: {t}"),
            SendError::Permanent { text, .. } => write!(f, "refused: {text}"),
            SendError::BadAddress(a) => write!(f, "address not usable for reinjection: {a}"),
        }
    }
}

/// The outcome of delivering one message to its recipients.
#[derive(Debug, Default)]
pub struct Delivery {
    pub accepted: Vec<String>,
    pub failed: Vec<(String, SendError)>,
}

#[derive(Clone)]
pub struct Outbound {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    target: SocketAddr,
}

impl Outbound {
    pub fn new(target: SocketAddr, hello: &str, timeout: Duration, pool_size: u32) -> Outbound {
        let transport =
            AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(target.ip().to_string())
                .port(target.port())
                .hello_name(ClientId::Domain(hello.to_string()))
                .timeout(Some(timeout))
                .pool_config(
                    PoolConfig::new()
                        .max_size(pool_size)
                        .idle_timeout(Duration::from_secs(50)),
                )
                .build();
        Outbound { transport, target }
    }

    pub fn target(&self) -> SocketAddr {
        self.target
    }

    /// Sends `message` from `sender` (empty for `<>`) to every recipient in one transaction.
    pub async fn send(
        &self,
        sender: &str,
        recipients: &[String],
        message: &[u8],
    ) -> Result<(), SendError> {
        let from = if sender.is_empty() {
            None
        } else {
            Some(Address::from_str(sender).map_err(|_| SendError::BadAddress(sender.into()))?)
        };
        let to = recipients
            .iter()
            .map(|r| Address::from_str(r).map_err(|_| SendError::BadAddress(r.clone())))
            .collect::<Result<Vec<_>, _>>()?;
        let envelope =
            Envelope::new(from, to).map_err(|e| SendError::BadAddress(format!("envelope: {e}")))?;
        let wire = wire_form(message);
        match self.transport.send_raw(&envelope, &wire).await {
            Ok(_) => Ok(()),
            Err(e) if e.is_permanent() => Err(SendError::Permanent {
                code: e.status().map_or(554, u16::from),
                text: e.to_string(),
            }),
            Err(e) => Err(SendError::Transient(e.to_string())),
        }
    }

    /// Delivers to all recipients, finding out per recipient who was refused.
    ///
    /// One transaction first. Only if it is refused permanently and there are several
    /// recipients do we retry one by one: lettre stops at the first refused RCPT, and the others
    /// must not be refused along with it.
    pub async fn deliver(&self, sender: &str, recipients: &[String], message: &[u8]) -> Delivery {
        match self.send(sender, recipients, message).await {
            Ok(()) => Delivery {
                accepted: recipients.to_vec(),
                failed: Vec::new(),
            },
            Err(SendError::Transient(t)) => Delivery {
                accepted: Vec::new(),
                failed: recipients
                    .iter()
                    .map(|r| (r.clone(), SendError::Transient(t.clone())))
                    .collect(),
            },
            Err(first) if recipients.len() == 1 => Delivery {
                accepted: Vec::new(),
                failed: vec![(recipients[0].clone(), first)],
            },
            Err(_) => {
                let mut delivery = Delivery::default();
                for r in recipients {
                    match self.send(sender, std::slice::from_ref(r), message).await {
                        Ok(()) => delivery.accepted.push(r.clone()),
                        Err(e) => delivery.failed.push((r.clone(), e)),
                    }
                }
                delivery
            }
        }
    }
}

/// The bytes to hand lettre so that the downstream receives `message` unchanged.
pub fn wire_form(message: &[u8]) -> Vec<u8> {
    let body = message
        .strip_suffix(b"\r\n")
        .or_else(|| message.strip_suffix(b"\n"))
        .unwrap_or(message);
    let mut out = Vec::with_capacity(body.len() + 16);
    let mut prev: Option<u8> = None;
    let mut prev2: Option<u8> = None;
    for &b in body {
        // lettre stuffs a dot after CRLF and at the very start; we add the bare-LF case.
        if b == b'.' && prev == Some(b'\n') && prev2 != Some(b'\r') {
            out.push(b'.');
        }
        out.push(b);
        prev2 = prev;
        prev = Some(b);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trailing_crlf_is_left_to_lettre() {
        assert_eq!(wire_form(b"a\r\nb\r\n"), b"a\r\nb");
        assert_eq!(wire_form(b"a\r\nb"), b"a\r\nb");
        assert_eq!(wire_form(b"a\nb\n"), b"a\nb");
    }

    #[test]
    fn dots_after_bare_lf_are_stuffed_once() {
        assert_eq!(wire_form(b"a\n.b\r\n"), b"a\n..b");
        // After CRLF lettre stuffs, so we must not.
        assert_eq!(wire_form(b"a\r\n.b\r\n"), b"a\r\n.b");
        // A leading LF then a dot: the LF is bare.
        assert_eq!(wire_form(b"\n.\r\n"), b"\n..");
    }
}
