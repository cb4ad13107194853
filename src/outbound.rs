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
//! - Its `AsyncSmtpTransport` opens sockets without `TCP_NODELAY` and writes the `CRLF.CRLF`
//!   terminator separately from the message, so Nagle's algorithm meets the downstream's delayed
//!   ACK and every message stalls for about 40 ms (measured: 23 ms per message on loopback, see
//!   bench/RESULTS.md). We therefore open the sockets ourselves, with `TCP_NODELAY`, hand them to
//!   lettre's `AsyncSmtpConnection`, and keep our own small pool of them.

use std::net::SocketAddr;
use std::str::FromStr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use lettre::address::{Address, Envelope};
use lettre::transport::smtp::client::AsyncSmtpConnection;
use lettre::transport::smtp::extension::ClientId;
use tokio::net::TcpStream;
use tokio::sync::Semaphore;

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

/// Idle pooled connections older than this are closed rather than reused (Postfix's smtpd
/// drops idle clients after 300 s by default).
const IDLE_TIMEOUT: Duration = Duration::from_secs(50);
/// Idle connections older than this are checked with NOOP before reuse.
const CHECK_AFTER: Duration = Duration::from_secs(2);

/// Sends mail to one SMTP server over a pool of connections.
#[derive(Clone)]
pub struct Outbound {
    inner: Arc<PoolInner>,
}

struct PoolInner {
    target: SocketAddr,
    hello: ClientId,
    timeout: Duration,
    idle: Mutex<Vec<(AsyncSmtpConnection, Instant)>>,
    /// Caps open connections to the downstream.
    slots: Semaphore,
}

impl Outbound {
    /// `timeout` bounds each whole send (connect, envelope and data).
    pub fn new(target: SocketAddr, hello: &str, timeout: Duration, pool_size: u32) -> Outbound {
        Outbound {
            inner: Arc::new(PoolInner {
                target,
                hello: ClientId::Domain(hello.to_string()),
                timeout,
                idle: Mutex::new(Vec::new()),
                slots: Semaphore::new(pool_size.max(1) as usize),
            }),
        }
    }

    pub fn target(&self) -> SocketAddr {
        self.inner.target
    }

    /// Sends `prefix` (header fields we prepend, CRLF-terminated) followed by `message`, from
    /// `sender` (empty for `<>`), to every recipient in one transaction.
    pub async fn send(
        &self,
        sender: &str,
        recipients: &[String],
        prefix: &[u8],
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
        let wire = wire_form(prefix, message);
        // The semaphore is never closed.
        let _slot = self
            .inner
            .slots
            .acquire()
            .await
            .expect("pool semaphore closed");
        let attempt = async {
            let mut conn = self.inner.checkout().await?;
            let result = conn.send(&envelope, &wire).await;
            // lettre marks a connection broken after any failed command; only healthy ones
            // go back to the pool.
            if !conn.has_broken() {
                self.inner.checkin(conn);
            }
            result.map(|_| ()).map_err(classify)
        };
        match tokio::time::timeout(self.inner.timeout, attempt).await {
            Ok(result) => result,
            Err(_) => Err(SendError::Transient(format!(
                "no answer from {} within {:?}",
                self.inner.target, self.inner.timeout
            ))),
        }
    }

    /// Delivers to all recipients, finding out per recipient who was refused.
    ///
    /// One transaction first. Only if it is refused permanently and there are several
    /// recipients do we retry one by one: lettre stops at the first refused RCPT, and the others
    /// must not be refused along with it.
    pub async fn deliver(
        &self,
        sender: &str,
        recipients: &[String],
        prefix: &[u8],
        message: &[u8],
    ) -> Delivery {
        match self.send(sender, recipients, prefix, message).await {
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
                    match self
                        .send(sender, std::slice::from_ref(r), prefix, message)
                        .await
                    {
                        Ok(()) => delivery.accepted.push(r.clone()),
                        Err(e) => delivery.failed.push((r.clone(), e)),
                    }
                }
                delivery
            }
        }
    }
}

impl PoolInner {
    async fn checkout(&self) -> Result<AsyncSmtpConnection, SendError> {
        loop {
            let candidate = self.idle.lock().unwrap_or_else(|p| p.into_inner()).pop();
            let Some((mut conn, since)) = candidate else {
                break;
            };
            let age = since.elapsed();
            if age > IDLE_TIMEOUT {
                conn.abort().await;
                continue;
            }
            if age < CHECK_AFTER || conn.test_connected().await {
                return Ok(conn);
            }
            conn.abort().await;
        }
        let stream = TcpStream::connect(self.target)
            .await
            .map_err(|e| SendError::Transient(format!("cannot connect to {}: {e}", self.target)))?;
        stream
            .set_nodelay(true)
            .map_err(|e| SendError::Transient(format!("setting TCP_NODELAY: {e}")))?;
        AsyncSmtpConnection::connect_with_transport(Box::new(stream), &self.hello)
            .await
            .map_err(classify)
    }

    fn checkin(&self, conn: AsyncSmtpConnection) {
        self.idle
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push((conn, Instant::now()));
    }
}

fn classify(e: lettre::transport::smtp::Error) -> SendError {
    if e.is_permanent() {
        SendError::Permanent {
            code: e.status().map_or(554, u16::from),
            text: e.to_string(),
        }
    } else {
        SendError::Transient(e.to_string())
    }
}

/// The bytes to hand lettre so that the downstream receives `prefix` + `message` unchanged.
/// Built in one pass into one buffer: with 50 MB messages, copies matter.
pub fn wire_form(prefix: &[u8], message: &[u8]) -> Vec<u8> {
    let body = message
        .strip_suffix(b"\r\n")
        .or_else(|| message.strip_suffix(b"\n"))
        .unwrap_or(message);
    let mut out = Vec::with_capacity(prefix.len() + body.len() + body.len() / 64 + 16);
    let mut prev: Option<u8> = None;
    let mut prev2: Option<u8> = None;
    for &b in prefix.iter().chain(body) {
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
        assert_eq!(wire_form(b"", b"a\r\nb\r\n"), b"a\r\nb");
        assert_eq!(wire_form(b"", b"a\r\nb"), b"a\r\nb");
        assert_eq!(wire_form(b"", b"a\nb\n"), b"a\nb");
    }

    #[test]
    fn dots_after_bare_lf_are_stuffed_once() {
        assert_eq!(wire_form(b"", b"a\n.b\r\n"), b"a\n..b");
        // After CRLF lettre stuffs, so we must not.
        assert_eq!(wire_form(b"", b"a\r\n.b\r\n"), b"a\r\n.b");
        // A leading LF then a dot: the LF is bare.
        assert_eq!(wire_form(b"", b"\n.\r\n"), b"\n..");
    }

    #[test]
    fn prefix_comes_first_and_is_transparent_too() {
        assert_eq!(wire_form(b"X-A: 1\r\n", b".b\r\n"), b"X-A: 1\r\n.b");
    }
}
