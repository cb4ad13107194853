//! The only code that sends mail. It reinjects messages to the downstream MTA through lettre's
//! pooled async SMTP transport, keeping the original envelope (null sender included).
//!
//! lettre quirks handled here, so the downstream stores exactly the bytes we were given:
//! - It always terminates DATA with `CRLF.CRLF`, so a message that already ends in CRLF would
//!   gain an empty line: we strip one trailing line end before handing it over.
//! - It dot-stuffs only after CRLF. A line that follows a bare LF and starts with `.` would be
//!   read as end-of-data by an MTA that, like Postfix, accepts bare LF as a line end: we stuff
//!   those dots ourselves.
//! - Its `send` stops at the first refused recipient. We drive the transaction ourselves with
//!   lettre's `AsyncSmtpConnection` commands instead: MAIL, every RCPT (noting each refusal), then
//!   DATA for the recipients that were accepted, all in one transaction and one copy of the
//!   message (see [`Outbound::deliver`]).
//! - It only asks for SMTPUTF8 when an address is not ASCII; we also ask when the message came
//!   to us with SMTPUTF8, so the downstream treats it the same way.
//! - Its `AsyncSmtpTransport` opens sockets without `TCP_NODELAY` and writes the `CRLF.CRLF`
//!   terminator separately from the message, so Nagle's algorithm meets the downstream's delayed
//!   ACK and every message stalls for about 40 ms (measured: 23 ms per message on loopback, see
//!   bench/RESULTS.md). We therefore open the sockets ourselves, with `TCP_NODELAY`, hand them to
//!   lettre's `AsyncSmtpConnection`, and keep our own small pool of them.

use std::net::SocketAddr;
use std::str::FromStr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use lettre::address::Address;
use lettre::transport::smtp::client::AsyncSmtpConnection;
use lettre::transport::smtp::commands::{Data, Mail, Rcpt, Rset};
use lettre::transport::smtp::extension::{ClientId, Extension, MailBodyParameter, MailParameter};
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

impl SendError {
    /// For the log: the kind of failure and the downstream's reply code, never its text (a
    /// server's reply can quote what it was sent). Officers see the text with the held copy.
    pub fn log_code(&self) -> String {
        match self {
            SendError::Transient(_) => "temporary".into(),
            SendError::Permanent { code, .. } => format!("permanent:{code}"),
            SendError::BadAddress(_) => "bad_address".into(),
        }
    }
}

/// The outcome of delivering one message to its recipients.
#[derive(Debug, Default)]
pub struct Delivery {
    pub accepted: Vec<String>,
    pub failed: Vec<(String, SendError)>,
}

/// Idle pooled connections older than this are closed, by [`Outbound::new`]'s reaper as
/// well as at checkout: well inside Postfix's reinjection smtpd's `max_idle` (100 s), and
/// short enough that an idle pool does not hold the smtpd processes other clients of the
/// reinjection port wait for.
const IDLE_TIMEOUT: Duration = Duration::from_secs(10);
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
    idle_timeout: Duration,
    idle: Mutex<Vec<(AsyncSmtpConnection, Instant)>>,
    /// Caps open connections to the downstream.
    slots: Semaphore,
}

impl Outbound {
    /// `timeout` bounds each whole send (connect, envelope and data).
    ///
    /// Inside a tokio runtime, a reaper task closes idle connections past [`IDLE_TIMEOUT`]
    /// (with QUIT); it ends when the last handle to the pool goes.
    pub fn new(target: SocketAddr, hello: &str, timeout: Duration, pool_size: u32) -> Outbound {
        Self::with_idle_timeout(target, hello, timeout, pool_size, IDLE_TIMEOUT)
    }

    /// [`Outbound::new`] with idle connections closed after `idle` instead (tests).
    pub fn with_idle_timeout(
        target: SocketAddr,
        hello: &str,
        timeout: Duration,
        pool_size: u32,
        idle: Duration,
    ) -> Outbound {
        let inner = Arc::new(PoolInner {
            target,
            hello: ClientId::Domain(hello.to_string()),
            timeout,
            idle_timeout: idle,
            idle: Mutex::new(Vec::new()),
            slots: Semaphore::new(pool_size.max(1) as usize),
        });
        if let Ok(runtime) = tokio::runtime::Handle::try_current() {
            runtime.spawn(reap_idle(Arc::downgrade(&inner), idle));
        }
        Outbound { inner }
    }

    pub fn target(&self) -> SocketAddr {
        self.inner.target
    }

    /// Sends `prefix` (header fields we prepend, CRLF-terminated) followed by `message`, from
    /// `sender` (empty for `<>`), to every recipient in one transaction. `Ok` when at least one
    /// recipient took it; recipients refused alongside are logged.
    pub async fn send(
        &self,
        sender: &str,
        recipients: &[String],
        prefix: &[u8],
        message: &[u8],
    ) -> Result<(), SendError> {
        let d = self
            .deliver(sender, recipients, prefix, message, false)
            .await;
        if d.accepted.is_empty() {
            return Err(d
                .failed
                .into_iter()
                .map(|(_, e)| e)
                .next()
                .unwrap_or_else(|| SendError::Transient("no recipients".into())));
        }
        for (r, e) in &d.failed {
            tracing::warn!(recipient = %r, error = %e.log_code(), "recipient refused; the others have it");
        }
        Ok(())
    }

    /// Delivers to all recipients in one SMTP transaction, finding out per recipient who was
    /// refused. The whole of it (waiting for a pooled connection included) is bounded by the
    /// downstream timeout; running out is a temporary failure for every recipient.
    pub async fn deliver(
        &self,
        sender: &str,
        recipients: &[String],
        prefix: &[u8],
        message: &[u8],
        smtputf8: bool,
    ) -> Delivery {
        let all_failed = |e: SendError| Delivery {
            accepted: Vec::new(),
            failed: recipients.iter().map(|r| (r.clone(), e.clone())).collect(),
        };
        let from = if sender.is_empty() {
            None
        } else {
            match Address::from_str(sender) {
                Ok(a) => Some(a),
                Err(_) => return all_failed(SendError::BadAddress(sender.into())),
            }
        };
        let mut failed = Vec::new();
        let mut to = Vec::new();
        for r in recipients {
            match Address::from_str(r) {
                Ok(a) => to.push((r.clone(), a)),
                Err(_) => failed.push((r.clone(), SendError::BadAddress(r.clone()))),
            }
        }
        if to.is_empty() {
            return Delivery {
                accepted: Vec::new(),
                failed,
            };
        }
        let wire = wire_form(prefix, message);
        let attempt = async {
            // The semaphore is never closed.
            let _slot = self
                .inner
                .slots
                .acquire()
                .await
                .expect("pool semaphore closed");
            self.inner
                .transaction(from.as_ref(), &to, &wire, smtputf8)
                .await
        };
        match tokio::time::timeout(self.inner.timeout, attempt).await {
            Ok(Ok((accepted, refused))) => {
                failed.extend(refused);
                Delivery { accepted, failed }
            }
            Ok(Err(e)) => {
                failed.extend(to.into_iter().map(|(r, _)| (r, e.clone())));
                Delivery {
                    accepted: Vec::new(),
                    failed,
                }
            }
            Err(_) => {
                let e = SendError::Transient(format!(
                    "no answer from {} within {:?}",
                    self.inner.target, self.inner.timeout
                ));
                failed.extend(to.into_iter().map(|(r, _)| (r, e.clone())));
                Delivery {
                    accepted: Vec::new(),
                    failed,
                }
            }
        }
    }
}

type Accepted = (Vec<String>, Vec<(String, SendError)>);

impl PoolInner {
    /// One transaction: MAIL, each RCPT, then DATA for the accepted ones. A pooled connection
    /// the downstream has closed meanwhile (restarted, or its idle timeout) fails at MAIL,
    /// before anything was accepted, with whatever the closing server said last (a 421, an
    /// incomplete response, a reset): any failure there on a reused connection is tried once
    /// more on a fresh one, so a quiet spell never defers mail (issue 13).
    async fn transaction(
        &self,
        from: Option<&Address>,
        to: &[(String, Address)],
        wire: &[u8],
        smtputf8: bool,
    ) -> Result<Accepted, SendError> {
        let (mut conn, reused) = self.checkout().await?;
        let params = |conn: &AsyncSmtpConnection| {
            let info = conn.server_info();
            let mut p = Vec::new();
            if !wire.is_ascii() && info.supports_feature(Extension::EightBitMime) {
                p.push(MailParameter::Body(MailBodyParameter::EightBitMime));
            }
            let non_ascii = from.is_some_and(|a| !AsRef::<str>::as_ref(a).is_ascii())
                || to.iter().any(|(r, _)| !r.is_ascii());
            if (smtputf8 || non_ascii) && info.supports_feature(Extension::SmtpUtfEight) {
                p.push(MailParameter::SmtpUtfEight);
            }
            p
        };
        let mail = |p| Mail::new(from.cloned(), p);
        let first = conn.command(mail(params(&conn))).await;
        if let Err(e) = first {
            conn.abort().await;
            if !reused || e.is_permanent() {
                return Err(classify(e));
            }
            let (fresh, _) = self.fresh().await?;
            conn = fresh;
            if let Err(e) = conn.command(mail(params(&conn))).await {
                conn.abort().await;
                return Err(classify(e));
            }
        }
        let mut accepted = Vec::new();
        let mut refused = Vec::new();
        for (raw, addr) in to {
            match conn.command(Rcpt::new(addr.clone(), vec![])).await {
                Ok(_) => accepted.push(raw.clone()),
                Err(e) if e.is_permanent() || e.is_transient() => {
                    refused.push((raw.clone(), classify(e)))
                }
                Err(e) => {
                    conn.abort().await;
                    return Err(classify(e));
                }
            }
        }
        if accepted.is_empty() {
            if conn.command(Rset).await.is_ok() {
                self.checkin(conn);
            } else {
                conn.abort().await;
            }
            return Ok((accepted, refused));
        }
        if let Err(e) = conn.command(Data).await {
            conn.abort().await;
            return Err(classify(e));
        }
        match conn.message(wire).await {
            Ok(_) => {
                self.checkin(conn);
                Ok((accepted, refused))
            }
            Err(e) => {
                conn.abort().await;
                Err(classify(e))
            }
        }
    }

    /// A pooled connection if one is usable, else a new one; says which.
    async fn checkout(&self) -> Result<(AsyncSmtpConnection, bool), SendError> {
        loop {
            let candidate = self.idle.lock().unwrap_or_else(|p| p.into_inner()).pop();
            let Some((mut conn, since)) = candidate else {
                break;
            };
            let age = since.elapsed();
            if age > self.idle_timeout {
                conn.abort().await;
                continue;
            }
            if age < CHECK_AFTER || conn.test_connected().await {
                return Ok((conn, true));
            }
            conn.abort().await;
        }
        self.fresh().await
    }

    async fn fresh(&self) -> Result<(AsyncSmtpConnection, bool), SendError> {
        let stream = TcpStream::connect(self.target).await.map_err(|e| {
            // Said here, where the error is ours: the message's log line says only `temporary`.
            tracing::warn!(downstream = %self.target, error = %e, "cannot connect to the downstream");
            SendError::Transient(format!("cannot connect to {}: {e}", self.target))
        })?;
        stream
            .set_nodelay(true)
            .map_err(|e| SendError::Transient(format!("setting TCP_NODELAY: {e}")))?;
        AsyncSmtpConnection::connect_with_transport(Box::new(stream), &self.hello)
            .await
            .map(|c| (c, false))
            .map_err(classify)
    }

    fn checkin(&self, conn: AsyncSmtpConnection) {
        self.idle
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push((conn, Instant::now()));
    }
}

/// Closes idle pooled connections past `idle`, until the pool is gone.
async fn reap_idle(pool: std::sync::Weak<PoolInner>, max_idle: Duration) {
    loop {
        tokio::time::sleep(max_idle / 2).await;
        let Some(pool) = pool.upgrade() else {
            return;
        };
        let stale: Vec<AsyncSmtpConnection> = {
            let mut idle = pool.idle.lock().unwrap_or_else(|p| p.into_inner());
            let (old, fresh): (Vec<_>, Vec<_>) = idle
                .drain(..)
                .partition(|(_, since)| since.elapsed() > max_idle);
            *idle = fresh;
            old.into_iter().map(|(c, _)| c).collect()
        };
        drop(pool);
        for mut conn in stale {
            // A half-open connection must not stall the reaper (review finding).
            match tokio::time::timeout(Duration::from_secs(2), conn.quit()).await {
                Ok(Ok(_)) => {}
                _ => conn.abort().await,
            }
        }
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
/// One buffer, copied at memory speed; the byte-at-a-time pass runs only for the rare message
/// with a dot after a bare LF. With 50 MB messages, copies matter.
pub fn wire_form(prefix: &[u8], message: &[u8]) -> Vec<u8> {
    let body = message
        .strip_suffix(b"\r\n")
        .or_else(|| message.strip_suffix(b"\n"))
        .unwrap_or(message);
    let mut out = Vec::with_capacity(prefix.len() + body.len() + 16);
    out.extend_from_slice(prefix);
    out.extend_from_slice(body);
    // Almost no message has a dot after a bare LF: two copies at memory speed, then one search.
    if !memchr::memmem::find_iter(&out, b"\n.").any(|at| at == 0 || out[at - 1] != b'\r') {
        return out;
    }
    out.clear();
    out.reserve(body.len() / 64);
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
        // A bare LF at the end of the prefix is seen across the join.
        assert_eq!(wire_form(b"X-A: 1\n", b".b"), b"X-A: 1\n..b");
    }

    #[test]
    fn a_crlf_dot_before_a_bare_lf_dot_does_not_hide_it() {
        // The quick search finds the CRLF case first and must go on to the bare one.
        assert_eq!(wire_form(b"", b"a\r\n.b\n.c\r\n"), b"a\r\n.b\n..c".to_vec());
        assert_eq!(wire_form(b"", b"plain\r\ntext\r\n"), b"plain\r\ntext");
    }
}
