//! The store: the only code that touches sled or the spool.
//!
//! - Bodies go in the [`spool`] (fsync'd file, rename, fsync'd directory).
//! - sled holds only metadata and indexes ([`record`]), as versioned records.
//!
//! Invariant: [`Store::hold`] returns `Ok` only when both the body and its metadata are durable,
//! so the caller may then answer 250. Concurrent holds are grouped: one committer task takes
//! every request waiting at that moment, fsyncs each body, then covers all of them with one
//! directory fsync and one sled flush (group commit).
//!
//! Where each part lives: this file has [`Store`], [`Store::open`], [`StoreError`] and the key
//! layout; `commit` the group commit (every hold, queued reply, and decision's audit entries
//! and incidents); `held` held-message reads and officers' changes; `outbox` the reply outbox
//! and its rate limit; `audit` trail and incident reads; `contacts` contact-pattern counters;
//! `meta` small daemon state and the highest issued id; `recovery` what open does after a
//! crash; `retention` the deletions; [`history`] the correspondence history.
//!
//! Key layout (private to the store and its submodules):
//! - tree `held`: key = message id, value = JSON [`HeldMessage`]. A hold never replaces an
//!   existing record: a new message under a taken id is refused ([`StoreError::DuplicateId`]);
//! - tree `audit`: key = big-endian u64 sequence number, value = JSON [`AuditEntry`]. Nothing
//!   deletes an audit entry; the retention sweep rewrites one only to redact the customer's
//!   words it quotes ([`AuditEntry::quoted`]), reading from the sequence number kept in `meta`
//!   as `audit.redaction_from`.
//! - tree `meta`: small daemon state by name (e.g. when the last digest went out), UTF-8;
//!   `last_issued_id` is the highest message id issued.
//! - tree `outbox`: key = reply id, value = JSON [`OutboxEntry`]; the reply message is in the
//!   spool's `outbox/`.
//! - tree `reply_rate`: key = `customer NUL <case id> NUL template`
//!   ([`crate::replies::rate_key`]), value = RFC 3339 time of the last reply. Keys of the
//!   earlier form, `sender NUL template`, may remain; nothing reads them. Retention deletes
//!   keys of either form by that time.
//! - tree `incidents`: key = big-endian u64 sequence number, value = JSON [`Incident`].
//!   Committed with the decision that raised them; deleted only by retention.
//! - tree `contacts`: key = normalised sender, value = JSON [`Counters`] (contact-pattern
//!   monitoring). Not fsync'd per message: losing the last moments of counts in a crash is
//!   harmless; they expire a week after a sender's last message.
//! - trees `history_records`, `history_messages` and `history_counts`: fingerprints of what
//!   each sender and customer wrote, for "new information only", one record per message (see
//!   [`history`]). The tree `history` of the earlier one-key-per-hash layout is dropped at open.
//!
//! Audit entries go through the same group commit as holds, so an entry is durable before the
//! message it describes is acknowledged.
//!
//! Only one process may open the store (sled takes an exclusive lock); officer tools go through
//! the daemon's admin socket.

mod audit;
mod commit;
mod contacts;
mod held;
pub mod history;
mod meta;
mod outbox;
pub mod record;
mod recovery;
mod retention;
pub mod spool;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use tokio::sync::mpsc;
use tracing::warn;

pub use commit::Outgoing;
pub use outbox::QueuedReply;
pub use record::{
    AUDIT_RECORD_VERSION, AuditEntry, AuditedReply, HELD_RECORD_VERSION, HeldAction, HeldMessage,
    HeldState, INCIDENT_RECORD_VERSION, Incident, OUTBOX_RECORD_VERSION, OfficerReview,
    OutboxEntry, OutboxKind, OutboxState, Redaction, Refusal, ReviewOutcome, SYSTEM_ACTOR,
};
use spool::Spool;

/// sled's page cache (its default is 1 GiB). sled's resident memory is several times this and grows
/// with the database; bench/history.sh measures it (bench/RESULTS.md).
const CACHE_BYTES: u64 = 64 * 1024 * 1024;

/// The free-space floor unless configured (`min_free_mb`).
pub const DEFAULT_MIN_FREE: u64 = 64 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },
    #[error("the store at {0} is locked by another process (is contactgate already running?)")]
    Locked(PathBuf),
    #[error("database error: {0}")]
    Db(#[from] sled::Error),
    #[error("corrupt store: {0}")]
    Corrupt(String),
    #[error("no held message with id {0}")]
    NotFound(String),
    #[error("invalid message id {0:?}")]
    InvalidId(String),
    /// A new message was given an id the store already holds. Refused rather than overwriting
    /// someone else's held message; the caller answers 4xx and the sender retries.
    #[error("a held message with id {0} already exists")]
    DuplicateId(String),
    #[error("the store is shutting down")]
    Closed,
    /// Free space on the data directory's file system is below `min_free_mb`: nothing new is
    /// kept until there is room again (the sender retries after the 4xx).
    #[error("only {free} bytes free in the data directory, below the floor of {floor}")]
    DiskFull { free: u64, floor: u64 },
}

impl StoreError {
    pub(crate) fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        StoreError::Io {
            context: context.into(),
            source,
        }
    }
}

struct Inner {
    db: sled::Db,
    held: sled::Tree,
    audit: sled::Tree,
    meta: sled::Tree,
    outbox: sled::Tree,
    reply_rate: sled::Tree,
    incidents: sled::Tree,
    contacts: sled::Tree,
    history_records: sled::Tree,
    history_messages: sled::Tree,
    history_counts: sled::Tree,
    /// Bytes of history records kept, for the total cap.
    history_bytes: std::sync::atomic::AtomicU64,
    indexes: history::Indexes,
    spool: Spool,
    /// Holds and replies are refused below this many free bytes ([`Store::set_min_free`]).
    min_free: std::sync::atomic::AtomicU64,
    /// Set once sled has failed a write: sled 0.34 keeps an I/O error for good, so the store
    /// is unusable until it is opened again ([`Store::failed`]).
    failed: tokio::sync::watch::Sender<bool>,
}

/// A handle to the store; cheap to clone.
#[derive(Clone)]
pub struct Store {
    inner: Arc<Inner>,
    committer: mpsc::Sender<commit::CommitRequest>,
    history_writer: mpsc::Sender<history::Write>,
}

/// Creates `dir` (and any missing parents) with mode 0700, and narrows it to 0700 if it
/// exists: the store holds customers' mail, and only the daemon reads it. Officers go through
/// the admin socket, where their role is checked and their reads audited; a group that could
/// read these files would bypass both (issue 14: under the old unit, officers in the daemon's
/// group could).
pub(crate) fn private_dir(dir: &Path) -> Result<(), StoreError> {
    use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
    let ctx = || format!("creating {} (mode 0700)", dir.display());
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .map_err(|e| StoreError::io(ctx(), e))?;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
        .map_err(|e| StoreError::io(ctx(), e))
}

impl Store {
    /// Opens the store under `data_dir`, recovering from any crash. Must be called inside a
    /// tokio runtime (it starts the committer task).
    pub fn open(data_dir: &Path) -> Result<Store, StoreError> {
        private_dir(data_dir)?;
        let db_path = data_dir.join("db");
        let db = sled::Config::new()
            .path(&db_path)
            // The page cache is the store's memory: bounded, whatever the history's size.
            .cache_capacity(CACHE_BYTES)
            .open()
            .map_err(|e| match e {
                // sled reports a held lock only as an Io error with this text.
                sled::Error::Io(ref io) if io.to_string().contains("could not acquire lock") => {
                    StoreError::Locked(db_path.clone())
                }
                other => StoreError::Db(other),
            })?;
        let held = db.open_tree("held")?;
        let audit = db.open_tree("audit")?;
        let meta = db.open_tree("meta")?;
        let outbox = db.open_tree("outbox")?;
        let reply_rate = db.open_tree("reply_rate")?;
        let incidents = db.open_tree("incidents")?;
        let contacts = db.open_tree("contacts")?;
        if db.tree_names().iter().any(|n| n.as_ref() == b"history") {
            // The one-key-per-hash layout (before issue 13): its hashes are not comparable with
            // today's, and it was the store's largest part. Repeats look new once.
            warn!("dropping the correspondence history of the earlier layout");
            db.drop_tree("history")?;
            db.open_tree("history_messages")?.clear()?;
        }
        let history_records = db.open_tree("history_records")?;
        let history_messages = db.open_tree("history_messages")?;
        let history_counts = db.open_tree("history_counts")?;
        let history_bytes = Store::count_history_bytes(&history_records);
        let spool = Spool::open(&data_dir.join("spool"))?;
        let inner = Arc::new(Inner {
            db,
            held,
            audit,
            meta,
            outbox,
            reply_rate,
            incidents,
            contacts,
            history_records,
            history_messages,
            history_counts,
            history_bytes: std::sync::atomic::AtomicU64::new(history_bytes),
            indexes: history::Indexes::default(),
            spool,
            min_free: std::sync::atomic::AtomicU64::new(DEFAULT_MIN_FREE),
            failed: tokio::sync::watch::channel(false).0,
        });
        inner.recover()?;
        let (tx, rx) = mpsc::channel(1024);
        tokio::spawn(commit::committer(inner.clone(), rx));
        let (history_tx, history_rx) = mpsc::channel(history::WRITER_QUEUE);
        tokio::spawn(history::writer(Arc::downgrade(&inner), history_rx));
        Ok(Store {
            inner,
            committer: tx,
            history_writer: history_tx,
        })
    }

    /// Sets the free-space floor: below it, holds and replies are refused with
    /// [`StoreError::DiskFull`] (a 4xx), before anything is written.
    pub fn set_min_free(&self, bytes: u64) {
        self.inner
            .min_free
            .store(bytes, std::sync::atomic::Ordering::Relaxed);
    }

    /// Becomes `true` when sled has failed a write. sled 0.34 keeps such an error for good
    /// (after ENOSPC, every later write fails even once space is back), so the daemon stops
    /// with an error and its supervisor (systemd's `Restart=on-failure`) starts it again,
    /// which reopens and recovers the store.
    pub fn failed(&self) -> tokio::sync::watch::Receiver<bool> {
        self.inner.failed.subscribe()
    }

    /// Flushes sled; called at shutdown.
    pub fn flush(&self) -> Result<(), StoreError> {
        self.inner.db.flush()?;
        Ok(())
    }
}

/// Ids name spool files, so they are restricted to a safe alphabet.
fn validate_id(id: &str) -> Result<(), StoreError> {
    if !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        Ok(())
    } else {
        Err(StoreError::InvalidId(id.to_string()))
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use time::OffsetDateTime;

    /// An incident for tests, its excerpt the customer's words.
    pub(crate) fn incident(at: OffsetDateTime, message: &str) -> Incident {
        Incident {
            version: INCIDENT_RECORD_VERSION,
            seq: 0,
            at,
            sender: "a@mail.example".into(),
            customers: vec![],
            message: message.into(),
            message_id: None,
            category: "abuse".into(),
            severity: crate::flags::Severity::High,
            rule: "abuse/x".into(),
            excerpt: "the customer's words".into(),
            action: "hold".into(),
        }
    }

    /// Writes a file last modified at `at`, as a body left in `spool/orphaned/` would be.
    pub(crate) fn write_file_at(path: &Path, at: OffsetDateTime) {
        std::fs::write(path, b"x").unwrap();
        std::fs::File::options()
            .write(true)
            .open(path)
            .unwrap()
            .set_modified(at.into())
            .unwrap();
    }

    /// A held message for tests, received at 2026-05-28 20:26:40 UTC.
    pub(crate) fn record(id: &str) -> HeldMessage {
        HeldMessage {
            version: HELD_RECORD_VERSION,
            id: id.into(),
            received_at: OffsetDateTime::from_unix_timestamp(1_780_000_000).unwrap(),
            sender: "a@b.example".into(),
            recipients: vec!["x@council.example".into()],
            message_id: None,
            subject: None,
            client_addr: None,
            postfix_queue_id: None,
            action: HeldAction::Hold,
            reasons: vec!["test".into()],
            release_at: None,
            size: 4,
            state: HeldState::Held,
            original_recipients: vec![],
            customers: vec![],
            release_errors: vec![],
            release_interrupted: false,
            released_at: None,
            released_by: None,
            discarded_at: None,
            discarded_by: None,
            discard_reason: None,
            flags: Vec::new(),
            delivered_to: Vec::new(),
            refusals: Vec::new(),
            attempts: 0,
            next_attempt_at: None,
            retrying_since: None,
            automated: None,
            review: None,
        }
    }

    #[tokio::test]
    async fn unsafe_ids_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        for bad in ["../x", "", "a/b", "a.eml"] {
            assert!(matches!(
                store.hold(record(bad), vec![]).await,
                Err(StoreError::InvalidId(_))
            ));
        }
    }

    #[tokio::test]
    async fn second_open_reports_the_lock() {
        let dir = tempfile::tempdir().unwrap();
        let _first = Store::open(dir.path()).unwrap();
        let err = Store::open(dir.path()).err().unwrap();
        assert!(err.to_string().contains("locked"), "{err}");
    }

    pub(crate) fn reply(id: &str, at: OffsetDateTime, interval: time::Duration) -> QueuedReply {
        QueuedReply {
            entry: OutboxEntry {
                kind: crate::store::OutboxKind::Reply,
                version: OUTBOX_RECORD_VERSION,
                id: format!("{id}R"),
                in_reply_to: id.into(),
                to: "a@b.example".into(),
                template: "rerouted".into(),
                languages: "en".into(),
                queued_at: at,
                state: OutboxState::Queued,
                attempts: 0,
                next_attempt_at: at,
                last_error: None,
            },
            body: b"reply".to_vec(),
            rate_key: "a@b.example\0rerouted".into(),
            interval,
            audit_if_queued: Vec::new(),
            audit_if_limited: Vec::new(),
        }
    }

    pub(crate) async fn reopen(path: &Path) -> Store {
        for _ in 0..100 {
            match Store::open(path) {
                Ok(s) => return s,
                Err(StoreError::Locked(_)) => {
                    tokio::time::sleep(std::time::Duration::from_millis(20)).await
                }
                Err(e) => panic!("{e}"),
            }
        }
        panic!("store stayed locked")
    }
}
