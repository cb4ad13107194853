//! contactgate: a Postfix after-queue content filter that enforces a council's contact
//! restrictions on inbound email.
//!
//! The pipeline, in ten lines:
//! 1. Postfix hands each message to us over SMTP on 127.0.0.1:10025 ([`smtp`]).
//! 2. We read the envelope and the bytes, enforcing size, line and time limits.
//! 3. The message is parsed, panic-safely, into a read-only view ([`message`]), scanned for
//!    abusive language ([`flags`]) and, for a customer under "new information only", compared
//!    with their correspondence history ([`novelty`]).
//! 4. A pure function decides deliver, reroute, hold, file or defer, with reasons ([`policy`]).
//! 5. Delivered mail gets one prepended `X-Contactgate:` field and is otherwise byte-identical.
//! 6. It is reinjected to Postfix on 127.0.0.1:10026 through lettre ([`outbound`]).
//! 7. Kept mail is written durably: fsync'd spool file, then flushed metadata ([`store`]).
//! 8. Only then does Postfix get a 250; any failure is a 4xx, so Postfix retries ([`pipeline`]).
//! 9. One log line per message records the id, envelope, action, reason codes and time.
//! 10. [`daemon`] wires it together; `main.rs` is only the command line.
//!
//! Module map: [`config`] (TOML → validated config), [`rules`] (`restrictions.toml`),
//! [`ruleset`] (the whole rules directory, assembled and swapped whole on reload), [`smtp`]
//! (codec, session, connection, server), [`message`], [`flags`] (abusive-language flags,
//! contact patterns), [`novelty`] (new information only), [`policy`], [`explain`] (dry runs),
//! [`store`] (spool + sled, the correspondence history), [`outbound`], [`pipeline`],
//! [`replies`] (acknowledgement replies and their outbox sender), [`release`] (the one path
//! that sends held mail), [`scheduler`] (deferred releases, retries, retention, the digest),
//! [`digest`], [`retention`] (how long personal data is kept), [`admin`] (the officers'
//! socket, its roles and operations), [`cli`] (the officer commands), [`daemon`];
//! `diagnostics` (file:line:col errors for the files a postmaster writes), [`clock`],
//! [`terminal`] (escapes mail text for a terminal) and [`unwind`] (panics in tasks, reported
//! without their payload).

pub mod admin;
pub mod alerts;
pub mod cli;
pub mod clock;
pub mod config;
pub mod daemon;
pub(crate) mod diagnostics;
pub mod digest;
pub mod explain;
pub mod flags;
pub mod message;
pub mod novelty;
pub mod outbound;
pub mod pipeline;
pub mod policy;
pub mod release;
pub mod replies;
pub mod retention;
pub mod rules;
pub mod ruleset;
pub mod scheduler;
pub mod smtp;
pub mod store;
pub mod terminal;
pub mod unwind;
