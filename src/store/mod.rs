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
//! Key layout (private to this module):
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

use tokio::sync::{mpsc, oneshot};
use tracing::{error, warn};

pub use outbox::QueuedReply;
pub use record::{
    AUDIT_RECORD_VERSION, AuditEntry, AuditedReply, HELD_RECORD_VERSION, HeldAction, HeldMessage,
    HeldState, INCIDENT_RECORD_VERSION, Incident, OUTBOX_RECORD_VERSION, OfficerReview,
    OutboxEntry, OutboxState, Redaction, Refusal, ReviewOutcome, SYSTEM_ACTOR,
};
use spool::{Area, Spool};

/// sled's page cache (its default is 1 GiB). sled's resident memory is several times this and grows
/// with the database; bench/history.sh measures it (bench/RESULTS.md).
const CACHE_BYTES: u64 = 64 * 1024 * 1024;

/// The free-space floor unless configured (`min_free_mb`).
pub const DEFAULT_MIN_FREE: u64 = 64 * 1024 * 1024;

/// Largest number of holds one group commit covers.
const MAX_BATCH: usize = 256;

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

/// One request to the committer: a held message (with its body) and/or audit entries.
struct CommitRequest {
    hold: Option<(HeldMessage, Vec<u8>)>,
    audit: Vec<AuditEntry>,
    incidents: Vec<Incident>,
    reply: Option<QueuedReply>,
    /// Stop the committer after this batch.
    stop: bool,
    done: oneshot::Sender<Result<bool, StoreError>>,
}

/// A handle to the store; cheap to clone.
#[derive(Clone)]
pub struct Store {
    inner: Arc<Inner>,
    committer: mpsc::Sender<CommitRequest>,
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
        tokio::spawn(committer(inner.clone(), rx));
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

    /// Stores `body` with its metadata; returns once both are durable.
    pub async fn hold(&self, record: HeldMessage, body: Vec<u8>) -> Result<(), StoreError> {
        self.hold_with_reply(record, body, Vec::new(), Vec::new(), None)
            .await
            .map(|_| ())
    }

    /// Holds a message, its audit entries, its incidents and (rate limit permitting) a reply
    /// to it, in one commit. Returns whether the reply was queued.
    pub async fn hold_with_reply(
        &self,
        record: HeldMessage,
        body: Vec<u8>,
        audit: Vec<AuditEntry>,
        incidents: Vec<Incident>,
        reply: Option<QueuedReply>,
    ) -> Result<bool, StoreError> {
        validate_id(&record.id)?;
        self.commit(CommitRequest {
            hold: Some((record, body)),
            audit,
            incidents,
            reply,
            stop: false,
            done: oneshot::channel().0,
        })
        .await
    }

    /// Queues a reply (rate limit permitting) with audit entries. Returns whether it was queued.
    pub async fn queue_reply(
        &self,
        reply: QueuedReply,
        audit: Vec<AuditEntry>,
        incidents: Vec<Incident>,
    ) -> Result<bool, StoreError> {
        validate_id(&reply.entry.id)?;
        self.commit(CommitRequest {
            hold: None,
            audit,
            incidents,
            reply: Some(reply),
            stop: false,
            done: oneshot::channel().0,
        })
        .await
    }

    /// Appends to the audit trail; returns once the entry is durable.
    pub async fn audit(&self, entry: AuditEntry) -> Result<(), StoreError> {
        self.commit(CommitRequest {
            hold: None,
            audit: vec![entry],
            incidents: Vec::new(),
            reply: None,
            stop: false,
            done: oneshot::channel().0,
        })
        .await
        .map(|_| ())
    }

    /// Records a decision's audit entries and incidents; returns once they are durable.
    pub async fn record(
        &self,
        audit: Vec<AuditEntry>,
        incidents: Vec<Incident>,
    ) -> Result<(), StoreError> {
        self.commit(CommitRequest {
            hold: None,
            audit,
            incidents,
            reply: None,
            stop: false,
            done: oneshot::channel().0,
        })
        .await
        .map(|_| ())
    }

    /// Commits what is queued, stops the committer and flushes. When this handle is the last
    /// one, the database is closed (and its lock released) as it drops.
    pub async fn shutdown(self) -> Result<(), StoreError> {
        self.history_written().await;
        self.commit(CommitRequest {
            hold: None,
            audit: Vec::new(),
            incidents: Vec::new(),
            reply: None,
            stop: true,
            done: oneshot::channel().0,
        })
        .await?;
        self.flush()
    }

    async fn commit(&self, mut request: CommitRequest) -> Result<bool, StoreError> {
        let (done, wait) = oneshot::channel();
        request.done = done;
        self.committer
            .send(request)
            .await
            .map_err(|_| StoreError::Closed)?;
        wait.await.map_err(|_| StoreError::Closed)?
    }

    /// Flushes sled; called at shutdown.
    pub fn flush(&self) -> Result<(), StoreError> {
        self.inner.db.flush()?;
        Ok(())
    }
}

impl Inner {
    /// Makes a batch durable: bodies first, then directory fsyncs, then metadata, audit entries
    /// and replies, and one flush. A request whose body failed gets its error; the others go on.
    /// Reply rate limits are checked here, where commits are serialised.
    fn commit(&self, batch: Vec<CommitRequest>) {
        let mut written = Vec::with_capacity(batch.len());
        let (mut any_held, mut any_outbox) = (false, false);
        // Rate keys taken by earlier requests of this batch.
        let mut taken: Vec<String> = Vec::new();
        // Held ids taken by earlier requests of this batch.
        let mut new_ids: Vec<String> = Vec::new();
        // Free space as the batch uses it up (review finding: one check for a batch of large
        // bodies could run the disk out).
        let mut free = self.spool.free_bytes().ok();
        for mut req in batch {
            if let Some((record, body)) = &req.hold {
                if let Err(full) = self.room(free, body.len()) {
                    warn!(id = %record.id, error = %full, "not holding: the disk is nearly full");
                    let _ = req.done.send(Err(full));
                    continue;
                }
                free = free.map(|f| f.saturating_sub(body.len() as u64));
            }
            if let Some(reply) = &req.reply {
                match self.room(free, reply.body.len()) {
                    Err(full) => {
                        warn!(id = %reply.entry.id, error = %full, "not queuing a reply: the disk is nearly full");
                        req.reply = None;
                    }
                    Ok(()) => free = free.map(|f| f.saturating_sub(reply.body.len() as u64)),
                }
            }
            if let Some((record, body)) = &req.hold {
                // A hold always creates a record. An id that is already taken (ids come from
                // the clock, and clocks step back) must not replace another message's record
                // and body: the request fails, before its body is written, and the message is
                // retried under a new id.
                let taken_id = match self.held.contains_key(record.id.as_bytes()) {
                    Ok(exists) => {
                        exists
                            || new_ids.contains(&record.id)
                            || self.spool.held_path(&record.id).exists()
                    }
                    Err(e) => {
                        let _ = req.done.send(Err(e.into()));
                        continue;
                    }
                };
                if taken_id {
                    error!(id = %record.id, "refusing to hold a new message under an id already in use");
                    let _ = req
                        .done
                        .send(Err(StoreError::DuplicateId(record.id.clone())));
                    continue;
                }
                if let Err(e) = self.spool.write(&record.id, body) {
                    let _ = req.done.send(Err(e));
                    continue;
                }
                new_ids.push(record.id.clone());
                any_held = true;
            }
            let mut keep_reply = false;
            if let Some(reply) = &mut req.reply {
                keep_reply = !taken.contains(&reply.rate_key) && self.rate_allows(reply);
                if !keep_reply {
                    req.audit.append(&mut reply.audit_if_limited);
                }
                if keep_reply {
                    match self
                        .spool
                        .write_in(Area::Outbox, &reply.entry.id, &reply.body)
                    {
                        Ok(()) => {
                            any_outbox = true;
                            taken.push(reply.rate_key.clone());
                        }
                        Err(e) => {
                            error!(id = %reply.entry.id, error = %e, "could not queue a reply");
                            keep_reply = false;
                        }
                    }
                }
            }
            if !keep_reply {
                req.reply = None;
            }
            written.push(req);
        }
        if written.is_empty() {
            return;
        }
        let dirs = (if any_held {
            self.spool.sync(Area::Held)
        } else {
            Ok(())
        })
        .and_then(|()| {
            if any_outbox {
                self.spool.sync(Area::Outbox)
            } else {
                Ok(())
            }
        });
        let result = dirs.and_then(|()| self.apply(&mut written));
        if let Err(StoreError::Db(e)) = &result {
            error!(error = %e, "the database failed a write; the daemon must restart to reopen it");
            self.failed.send_replace(true);
        }
        for req in written {
            let r = match &result {
                Ok(()) => Ok(req.reply.is_some()),
                Err(e) => Err(StoreError::Corrupt(format!("commit failed: {e}"))),
            };
            let _ = req.done.send(r);
        }
    }

    /// Writes a batch's metadata in one sled transaction across the trees (held records,
    /// audit entries, outbox entries, rate limits, incidents), then flushes. sled recovers a
    /// transaction's writes all together or not at all, so a crash can never keep a held
    /// record without its audit entry (issue 12: five batches applied one after another could).
    fn apply(&self, written: &mut [CommitRequest]) -> Result<(), StoreError> {
        let mut held = sled::Batch::default();
        let mut audit = sled::Batch::default();
        let mut outbox = sled::Batch::default();
        let mut rate = sled::Batch::default();
        let mut incidents = sled::Batch::default();
        for req in written.iter_mut() {
            for incident in &mut req.incidents {
                incident.seq = self.db.generate_id()?;
                incidents.insert(&incident.seq.to_be_bytes(), incident.encode());
            }
            if let Some((record, _)) = &req.hold {
                held.insert(record.id.as_bytes(), record.encode());
            }
            for entry in &mut req.audit {
                entry.seq = self.db.generate_id()?;
                audit.insert(&entry.seq.to_be_bytes(), entry.encode());
            }
            if let Some(reply) = &mut req.reply {
                for entry in &mut reply.audit_if_queued {
                    entry.seq = self.db.generate_id()?;
                    audit.insert(&entry.seq.to_be_bytes(), entry.encode());
                }
                outbox.insert(reply.entry.id.as_bytes(), reply.entry.encode());
                let stamp = reply
                    .entry
                    .queued_at
                    .format(&time::format_description::well_known::Rfc3339)
                    .unwrap_or_default();
                rate.insert(reply.rate_key.as_bytes(), stamp.as_bytes());
            }
        }
        use sled::Transactional;
        let trees = (
            &self.held,
            &self.audit,
            &self.outbox,
            &self.reply_rate,
            &self.incidents,
        );
        trees
            .transaction(|(t_held, t_audit, t_outbox, t_rate, t_incidents)| {
                t_held.apply_batch(&held)?;
                #[cfg(test)]
                tests::crash_point(&self.db);
                t_audit.apply_batch(&audit)?;
                t_outbox.apply_batch(&outbox)?;
                t_rate.apply_batch(&rate)?;
                t_incidents.apply_batch(&incidents)?;
                Ok::<(), sled::transaction::ConflictableTransactionError<()>>(())
            })
            .map_err(|e| match e {
                sled::transaction::TransactionError::Storage(e) => StoreError::Db(e),
                sled::transaction::TransactionError::Abort(()) => {
                    StoreError::Corrupt("commit aborted".into())
                }
            })?;
        self.db.flush()?;
        Ok(())
    }

    /// Whether `free` bytes (if known) leave room above the free-space floor for `size` more.
    /// Not knowing is no reason to refuse: the write itself will say.
    fn room(&self, free: Option<u64>, size: usize) -> Result<(), StoreError> {
        let floor = self.min_free.load(std::sync::atomic::Ordering::Relaxed);
        match free {
            Some(free) if free < floor.saturating_add(size as u64) => {
                Err(StoreError::DiskFull { free, floor })
            }
            _ => Ok(()),
        }
    }
}

async fn committer(inner: Arc<Inner>, mut rx: mpsc::Receiver<CommitRequest>) {
    while let Some(first) = rx.recv().await {
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH {
            match rx.try_recv() {
                Ok(req) => batch.push(req),
                Err(_) => break,
            }
        }
        let (stoppers, batch): (Vec<_>, Vec<_>) = batch.into_iter().partition(|r| r.stop);
        let worker = inner.clone();
        // fsync blocks; keep it off the async workers.
        if let Err(e) = tokio::task::spawn_blocking(move || worker.commit(batch)).await {
            // The requests' senders were dropped with the task, so their holders see Closed.
            error!(
                error = crate::unwind::task_failure(&e),
                "group commit task failed"
            );
        }
        if !stoppers.is_empty() {
            // Drop our handle before answering, so that a caller holding the last other handle
            // closes the database when it drops it.
            drop(inner);
            for s in stoppers {
                let _ = s.done.send(Ok(false));
            }
            return;
        }
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

    /// Set in the crash test's child process: the commit crashes between its first tree and
    /// the others, after a flush (sled's background flush can land at any moment).
    const CRASH_ENV: &str = "CONTACTGATE_TEST_CRASH_BETWEEN_TREES";

    /// Called by [`Inner::apply`] after the first tree's writes, in test builds only. The
    /// flush runs on another thread (inside a transaction it waits for the commit, which
    /// never comes); the process dies half a second later either way.
    pub(super) fn crash_point(db: &sled::Db) {
        if std::env::var_os(CRASH_ENV).is_some() {
            let db = db.clone();
            std::thread::spawn(move || db.flush());
            std::thread::sleep(std::time::Duration::from_millis(500));
            std::process::abort();
        }
    }

    #[tokio::test]
    #[ignore = "the child of regression_a_crash_between_trees_keeps_a_hold_with_its_audit_entry"]
    async fn crash_child() {
        let dir = std::env::var_os(CRASH_ENV).expect("run by the crash test");
        let store = Store::open(Path::new(&dir)).unwrap();
        let mut entry = AuditEntry::new("test", "decision", record("A1").received_at);
        entry.message = Some("A1".into());
        let _ = store
            .hold_with_reply(record("A1"), b"body".to_vec(), vec![entry], vec![], None)
            .await;
        unreachable!("the commit crashes");
    }

    #[test]
    fn regression_a_crash_between_trees_keeps_a_hold_with_its_audit_entry() {
        // Issue 12: a group commit applied five batches one after another, so a crash could
        // persist a held record without its audit entry. Now one transaction: both or neither.
        let dir = tempfile::tempdir().unwrap();
        let status = std::process::Command::new(std::env::current_exe().unwrap())
            .args(["--ignored", "--exact", "store::tests::crash_child"])
            .env(CRASH_ENV, dir.path())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .unwrap();
        assert!(!status.success(), "the child crashed mid-commit");
        let rt = tokio::runtime::Runtime::new().unwrap();
        rt.block_on(async {
            let store = Store::open(dir.path()).unwrap();
            let held = store.held().unwrap();
            let audited = store.audit_since(None).unwrap();
            assert_eq!(held.len(), audited.len(), "{held:?} {audited:?}");
        });
    }

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
    async fn hold_then_read_back_after_reopen() {
        let dir = tempfile::tempdir().unwrap();
        {
            let store = Store::open(dir.path()).unwrap();
            store.hold(record("A1"), b"body".to_vec()).await.unwrap();
        }
        // sled releases its lock when the last handle drops; the committer holds one until its
        // channel closes, so give it a moment.
        let store = reopen(dir.path()).await;
        assert_eq!(store.held().unwrap(), vec![record("A1")]);
        assert_eq!(store.held_body("A1").unwrap(), b"body");
    }

    #[tokio::test]
    async fn concurrent_holds_all_land() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let mut tasks = Vec::new();
        for i in 0..50 {
            let s = store.clone();
            tasks.push(tokio::spawn(async move {
                s.hold(record(&format!("M{i:03}")), vec![b'x'; 1000]).await
            }));
        }
        for t in tasks {
            t.await.unwrap().unwrap();
        }
        assert_eq!(store.held().unwrap().len(), 50);
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

    #[tokio::test]
    async fn regression_a_hold_never_overwrites_an_existing_id() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        store.hold(record("A1"), b"first".to_vec()).await.unwrap();
        let mut other = record("A1");
        other.sender = "someone-else@b.example".into();
        let err = store
            .hold_with_reply(
                other,
                b"second".to_vec(),
                vec![AuditEntry::new("contactgate", "decision", other_time())],
                vec![],
                None,
            )
            .await
            .unwrap_err();
        assert!(
            matches!(err, StoreError::DuplicateId(ref id) if id == "A1"),
            "{err}"
        );
        assert_eq!(store.held_message("A1").unwrap(), record("A1"));
        assert_eq!(store.held_body("A1").unwrap(), b"first");
        // The refused request's audit entry was not written either.
        assert!(store.audit_since(None).unwrap().is_empty());
    }

    #[tokio::test]
    async fn regression_one_batch_cannot_hold_the_same_id_twice() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let (a, b) = tokio::join!(
            store.hold(record("B1"), b"one".to_vec()),
            store.hold(record("B1"), b"two".to_vec())
        );
        assert!(a.is_ok() != b.is_ok(), "{a:?} {b:?}");
        let kept: &[u8] = if a.is_ok() { b"one" } else { b"two" };
        assert_eq!(store.held_body("B1").unwrap(), kept);
    }

    fn other_time() -> OffsetDateTime {
        OffsetDateTime::from_unix_timestamp(1_790_000_000).unwrap()
    }

    pub(crate) fn reply(id: &str, at: OffsetDateTime, interval: time::Duration) -> QueuedReply {
        QueuedReply {
            entry: OutboxEntry {
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
