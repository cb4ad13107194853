//! The SMTP side of the filter: bytes from Postfix in, [`Transaction`]s out, replies back.
//!
//! Layers, each testable without the one above it:
//! - [`reply`]: the reply type and its wire form.
//! - [`session`]: the pure command state machine (one command line in, one step out). No I/O.
//! - [`data`]: the pure DATA reader (dot-unstuffing, the one exact end-of-data line).
//! - [`connection`]: drives a session over any `AsyncRead + AsyncWrite`, reads DATA, enforces
//!   line, size and time limits, and hands finished transactions to a [`MessageHandler`].
//! - [`server`]: the TCP listener, the connection cap and graceful shutdown.
//!
//! This module knows nothing about rules, the store or downstream delivery: it only asks the
//! handler for the final reply to each message.

pub mod connection;
pub mod data;
pub mod reply;
pub mod server;
pub mod session;

pub use reply::Reply;
pub use session::{ClientInfo, Envelope, Limits, Transaction, XForward};

use std::future::Future;

/// What the SMTP layer needs from the rest of the daemon: a final reply for each message.
///
/// The reply is sent to Postfix as the answer to the end of DATA, so an implementation must only
/// return a 2xx once the message is safe (delivered downstream or durably stored).
pub trait MessageHandler: Send + Sync + 'static {
    fn handle(&self, transaction: Transaction) -> impl Future<Output = Reply> + Send;
}
