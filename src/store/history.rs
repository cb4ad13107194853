//! The correspondence history for "new information only": fingerprints (hashes) of what each
//! sender and customer has written, never the text. See `docs/history.md` for why it is kept,
//! for whom, and for how long.
//!
//! One compact record per accepted message and identity (issue 13: one key per hash cost 25 KB
//! of disk and 90 KB written per message):
//! - tree `history_records`: key = identity, NUL, big-endian u64 sequence number; value =
//!   [`RECORD_VERSION`], the day (big-endian i64, days since the epoch), then the message's
//!   distinct hashes, each cut to its high 32 bits, sorted and Rice-coded ([`encode_record`];
//!   version 1, still read, kept them as big-endian u32s). An identity is a
//!   normalised sender address; a customer's history is the union of their addresses'.
//! - tree `history_messages`: key = big-endian u64 sequence number; value = a binary
//!   [`MessageEntry`] (JSON before; still read): which message it was (for "closest earlier
//!   message <id> of <date>"), whose records it wrote, and their size (for the total cap).
//! - tree `history_counts`: key = identity; value = big-endian u32 records kept (for the
//!   per-identity cap).
//!
//! Lookups go through a per-identity index in memory ([`IdentityIndex`]: hash → first and last
//! day seen), built from the records on first use and kept up to date as records are written;
//! it can always be rebuilt, so the sweep simply drops it. Only identities of customers under
//! `new_information_only` are ever looked up, and at most [`INDEX_IDENTITIES`] indexes are
//! kept.
//!
//! Caps, both oldest first, both logged: `max_per_identity` records per identity, and
//! `max_bytes` of records in all.
//!
//! 32-bit hashes: with a customer's history at its cap (1,000 messages of a few hundred
//! distinct words each), a new word is taken for a known one with a probability of about one in
//! ten thousand; the decision reads whole sentences, so this changes nothing measurable. The
//! history must resist accident only.
//!
//! Writes go through a bounded background writer ([`Store::queue_history`], [`writer`]): the
//! pipeline hands over a message's hashes and answers Postfix without waiting, and the writer
//! applies what has queued up in one blocking task. Its loss is harmless: a crash (nothing is
//! fsync'd per message) or a full queue (dropped, with a warning) only makes a repeat look new
//! (it is delivered), and a message is not in the history until the writer has run, up to
//! [`WRITER_LINGER`] (20 ms) after its 250 plus the write itself; a decision that reads the history waits for the writes queued
//! before it ([`Store::history_written_blocking`]), so a resend straight after is judged
//! against the message before it.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError, RwLock};

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use tracing::info;

use std::sync::Weak;

use tokio::sync::{mpsc, oneshot};
use tracing::warn;

use super::{Inner, Store, StoreError};
use crate::novelty::{Earlier, Fingerprint, Seen};

/// The record layout this build writes.
const RECORD_VERSION: u8 = 2;

/// Indexes kept in memory at most (one per looked-up identity).
pub const INDEX_IDENTITIES: usize = 64;

/// How much history is kept, besides its age (`history_days`).
#[derive(Debug, Clone, Copy)]
pub struct HistoryCaps {
    /// Records (messages) kept per identity, the most recent.
    pub max_per_identity: u32,
    /// Bytes of records kept in all, the most recent.
    pub max_bytes: u64,
}

impl Default for HistoryCaps {
    fn default() -> Self {
        HistoryCaps {
            max_per_identity: 1_000,
            max_bytes: 256 * 1024 * 1024,
        }
    }
}

/// Messages waiting for the history writer at most; past it, a message's history is dropped.
pub const WRITER_QUEUE: usize = 4096;

/// Writes the writer takes in one blocking task at most.
const WRITER_BATCH: usize = 256;

/// One message for the history writer, or a request to say when all before it are written.
pub enum Write {
    Record {
        identities: Vec<String>,
        fingerprint: Fingerprint,
        earlier: Earlier,
        days: u64,
        caps: HistoryCaps,
    },
    Written(oneshot::Sender<()>),
}

/// How long the writer lets writes gather before it hands them to a blocking thread, unless
/// somebody waits for them ([`Write::Written`]) or a batch is full. Under load this turns a
/// thread hand-off per message into one per batch; the history is at most this much behind,
/// and a decision that reads it waits for it anyway.
const WRITER_LINGER: std::time::Duration = std::time::Duration::from_millis(20);

/// The background writer: takes what has queued up within [`WRITER_LINGER`], writes it in one
/// blocking task. Holds the store weakly, so it ends with the store.
pub(super) async fn writer(inner: Weak<Inner>, mut rx: mpsc::Receiver<Write>) {
    while let Some(first) = rx.recv().await {
        let mut waited_for = matches!(first, Write::Written(_));
        let mut batch = vec![first];
        let deadline = tokio::time::Instant::now() + WRITER_LINGER;
        while batch.len() < WRITER_BATCH {
            let next = match rx.try_recv() {
                Ok(w) => Some(w),
                Err(mpsc::error::TryRecvError::Empty) if !waited_for => {
                    tokio::time::timeout_at(deadline, rx.recv())
                        .await
                        .ok()
                        .flatten()
                }
                Err(_) => None,
            };
            let Some(w) = next else { break };
            waited_for |= matches!(w, Write::Written(_));
            batch.push(w);
        }
        let Some(inner) = inner.upgrade() else {
            return;
        };
        let written = tokio::task::spawn_blocking(move || {
            let mut done = Vec::new();
            for w in batch {
                match w {
                    Write::Record {
                        identities,
                        fingerprint,
                        earlier,
                        days,
                        caps,
                    } => {
                        if let Err(e) =
                            inner.record_history(&identities, &fingerprint, &earlier, days, caps)
                        {
                            warn!(id = %earlier.id, error = %e, "could not add the message to the correspondence history");
                        }
                    }
                    Write::Written(tx) => done.push(tx),
                }
            }
            for tx in done {
                let _ = tx.send(());
            }
        })
        .await;
        if let Err(e) = written {
            warn!(
                error = crate::unwind::task_failure(&e),
                "the history writer's task failed"
            );
        }
    }
}

/// Whose correspondence history is kept (`history_scope`; see `docs/history.md`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum HistoryScope {
    /// Every outside sender's: a restriction's first test compares with the correspondence
    /// that led to it.
    #[default]
    All,
    /// Only the addresses of customers with a restriction: less personal data kept, but a
    /// newly restricted customer starts with no history.
    Restricted,
}

/// What `history_messages` keeps per message.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MessageEntry {
    #[serde(flatten)]
    pub earlier: Earlier,
    /// The identities whose records this message wrote.
    #[serde(default)]
    pub identities: Vec<String>,
    /// Bytes of each of those records (key and value).
    #[serde(default)]
    pub bytes: u64,
}

/// The first byte of a [`MessageEntry`] in its binary layout (a JSON entry, written before
/// issue 13's last step and still read, starts with `{`).
const ENTRY_VERSION: u8 = 2;

impl MessageEntry {
    /// [`ENTRY_VERSION`]; received at (seconds since the epoch, big-endian i64, then its
    /// nanoseconds, u32); the bytes (u64); then the id, the Message-ID (absent: length
    /// 0xFFFF) and each identity, each as a big-endian u16 length and its bytes (lengths cut
    /// at 0xFFFE). Under half the size of the JSON it replaces (issue 13: disk per message).
    fn encode(&self) -> Vec<u8> {
        fn string(out: &mut Vec<u8>, s: &str) {
            let s = &s.as_bytes()[..s.len().min(0xFFFE)];
            out.extend_from_slice(&(s.len() as u16).to_be_bytes());
            out.extend_from_slice(s);
        }
        let at = self.earlier.received_at;
        let mut out = Vec::with_capacity(64);
        out.push(ENTRY_VERSION);
        out.extend_from_slice(&at.unix_timestamp().to_be_bytes());
        out.extend_from_slice(&at.nanosecond().to_be_bytes());
        out.extend_from_slice(&self.bytes.to_be_bytes());
        string(&mut out, &self.earlier.id);
        match &self.earlier.message_id {
            Some(m) => string(&mut out, m),
            None => out.extend_from_slice(&u16::MAX.to_be_bytes()),
        }
        for identity in &self.identities {
            string(&mut out, identity);
        }
        out
    }

    /// An entry in either layout; `None` if it cannot be read.
    fn decode(v: &[u8]) -> Option<MessageEntry> {
        if v.first() != Some(&ENTRY_VERSION) {
            return serde_json::from_slice(v).ok();
        }
        let mut rest = &v[1..];
        let mut take = |n: usize| -> Option<&[u8]> {
            let (head, tail) = rest.split_at_checked(n)?;
            rest = tail;
            Some(head)
        };
        let secs = i64::from_be_bytes(take(8)?.try_into().ok()?);
        let nanos = u32::from_be_bytes(take(4)?.try_into().ok()?);
        let bytes = u64::from_be_bytes(take(8)?.try_into().ok()?);
        let received_at = OffsetDateTime::from_unix_timestamp(secs)
            .ok()?
            .replace_nanosecond(nanos)
            .ok()?;
        let mut string = |absent_ok: bool| -> Option<Option<String>> {
            let len = u16::from_be_bytes(take(2)?.try_into().ok()?);
            if absent_ok && len == u16::MAX {
                return Some(None);
            }
            Some(Some(
                String::from_utf8_lossy(take(usize::from(len))?).into_owned(),
            ))
        };
        let id = string(false)??;
        let message_id = string(true)?;
        let mut identities = Vec::new();
        while let Some(Some(identity)) = string(false) {
            identities.push(identity);
        }
        Some(MessageEntry {
            earlier: Earlier {
                id,
                message_id,
                received_at,
            },
            identities,
            bytes,
        })
    }
}

fn record_key(identity: &str, seq: u64) -> Vec<u8> {
    let mut k = Vec::with_capacity(identity.len() + 9);
    k.extend_from_slice(identity.as_bytes());
    k.push(0);
    k.extend_from_slice(&seq.to_be_bytes());
    k
}

fn prefix(identity: &str) -> Vec<u8> {
    let mut k = identity.as_bytes().to_vec();
    k.push(0);
    k
}

fn day(at: OffsetDateTime) -> i64 {
    at.unix_timestamp().div_euclid(86_400)
}

/// A 64-bit fingerprint hash as the history keeps it.
fn short(hash: u64) -> u32 {
    (hash >> 32) as u32
}

/// A record: [`RECORD_VERSION`], the day, the number of hashes (big-endian u32), the Rice
/// parameter `k` (one byte), then the sorted, distinct hashes as Rice-coded gaps: each gap's
/// high part in unary (that many 1 bits, then a 0), its low `k` bits as they are, most
/// significant bit first. n random 32-bit values have gaps of about 2^32 / n, so a hash costs
/// about `k` + 2.5 bits instead of 32: a fifth less disk per message (issue 13: ≤ 2 KB).
fn encode_record(day: i64, hashes: &[u32]) -> Vec<u8> {
    debug_assert!(
        hashes.windows(2).all(|w| w[0] < w[1]),
        "sorted and distinct"
    );
    let n = hashes.len() as u64;
    let span = hashes.last().map_or(0, |&h| u64::from(h) + 1);
    // The largest k with 2^k at most the mean gap: every quotient together is then at most 2n.
    let k = if n == 0 || span / n == 0 {
        0
    } else {
        (span / n).ilog2().min(31)
    };
    let mut v = Vec::with_capacity(14 + hashes.len() * (k as usize + 2) / 8 + 1);
    v.push(RECORD_VERSION);
    v.extend_from_slice(&day.to_be_bytes());
    v.extend_from_slice(&(hashes.len() as u32).to_be_bytes());
    v.push(k as u8);
    let mut bits = BitWriter {
        out: v,
        acc: 0,
        len: 0,
    };
    let mut prev = 0u32;
    for &h in hashes {
        let gap = h - prev;
        prev = h;
        for _ in 0..gap >> k {
            bits.push(1, 1);
        }
        bits.push(0, 1);
        bits.push(u64::from(gap) & ((1u64 << k) - 1), k);
    }
    bits.finish()
}

/// Bits, most significant first, into bytes.
struct BitWriter {
    out: Vec<u8>,
    acc: u64,
    /// Bits waiting in `acc` (fewer than 8 between calls).
    len: u32,
}

impl BitWriter {
    /// Appends the low `n` (at most 32) bits of `value`.
    fn push(&mut self, value: u64, n: u32) {
        self.acc = (self.acc << n) | value;
        self.len += n;
        while self.len >= 8 {
            self.len -= 8;
            self.out.push((self.acc >> self.len) as u8);
        }
        self.acc &= (1u64 << self.len) - 1;
    }

    fn finish(mut self) -> Vec<u8> {
        if self.len > 0 {
            self.out.push((self.acc << (8 - self.len)) as u8);
        }
        self.out
    }
}

/// The hashes of a record, decoded as they are read ([`encode_record`]).
struct Hashes<'a> {
    bytes: &'a [u8],
    /// The next bit to read, counted from the start of `bytes`.
    at: usize,
    left: u32,
    k: u32,
    prev: u32,
    /// A version 1 record: big-endian u32s.
    plain: bool,
}

impl Hashes<'_> {
    fn bit(&mut self) -> Option<u64> {
        let byte = *self.bytes.get(self.at / 8)?;
        let b = (byte >> (7 - self.at % 8)) & 1;
        self.at += 1;
        Some(u64::from(b))
    }
}

impl Iterator for Hashes<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        if self.left == 0 {
            return None;
        }
        if self.plain {
            let at = self.at / 8;
            let h = u32::from_be_bytes(self.bytes.get(at..at + 4)?.try_into().ok()?);
            self.at += 32;
            self.left -= 1;
            return Some(h);
        }
        let mut q = 0u64;
        while self.bit()? == 1 {
            q += 1;
        }
        let mut low = 0u64;
        for _ in 0..self.k {
            low = (low << 1) | self.bit()?;
        }
        let gap = u32::try_from((q << self.k) | low).ok()?;
        self.prev = self.prev.checked_add(gap)?;
        self.left -= 1;
        Some(self.prev)
    }
}

/// The day and hashes of a record; `None` for a layout this build does not know. A damaged
/// record's hashes end where the damage is found. Reads version 1 records (the hashes as
/// big-endian u32s), so an upgrade keeps the history.
fn decode_record(v: &[u8]) -> Option<(i64, Hashes<'_>)> {
    let day = i64::from_be_bytes(v.get(1..9)?.try_into().ok()?);
    let hashes = match v[0] {
        1 if (v.len() - 9).is_multiple_of(4) => Hashes {
            bytes: &v[9..],
            at: 0,
            left: ((v.len() - 9) / 4) as u32,
            k: 0,
            prev: 0,
            plain: true,
        },
        RECORD_VERSION if v.len() >= 14 && v[13] <= 31 => Hashes {
            bytes: &v[14..],
            at: 0,
            left: u32::from_be_bytes(v[9..13].try_into().ok()?),
            k: u32::from(v[13]),
            prev: 0,
            plain: false,
        },
        _ => return None,
    };
    Some((day, hashes))
}

fn seq_of(key: &[u8]) -> Option<u64> {
    Some(u64::from_be_bytes(
        key.get(key.len().checked_sub(8)?..)?.try_into().ok()?,
    ))
}

/// What the index knows of one hash for one identity.
#[derive(Debug, Clone, Copy)]
struct Entry {
    /// The first message (within retention when it was written) that had it.
    first: u64,
    /// The last day it was seen.
    last_day: i64,
}

/// One identity's hashes, in memory.
#[derive(Debug, Default)]
pub struct IdentityIndex {
    entries: HashMap<u32, Entry>,
}

impl IdentityIndex {
    /// Adds a message: a hash already known keeps its first message (the closest earlier
    /// message is the original, not the last resend) unless that was seen last before
    /// `oldest` (past retention, not yet swept: forgotten, so this message is its first).
    fn add(&mut self, hashes: impl Iterator<Item = u32>, seq: u64, today: i64, oldest: i64) {
        for h in hashes {
            let e = self.entries.entry(h).or_insert(Entry {
                first: seq,
                last_day: today,
            });
            if e.last_day < oldest {
                e.first = seq;
            }
            e.last_day = e.last_day.max(today);
        }
    }
}

/// The in-memory indexes, by identity. An index is built for the retention it was first asked
/// with; the daily sweep drops them all, so none outlives a change of day by more than a day.
#[derive(Default)]
pub(super) struct Indexes {
    by_identity: Mutex<HashMap<String, Arc<RwLock<IdentityIndex>>>>,
}

impl Indexes {
    fn get(&self, identity: &str) -> Option<Arc<RwLock<IdentityIndex>>> {
        self.by_identity
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(identity)
            .cloned()
    }

    fn put(&self, identity: &str, index: Arc<RwLock<IdentityIndex>>) {
        let mut all = self
            .by_identity
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if all.len() >= INDEX_IDENTITIES && !all.contains_key(identity) {
            // Any one goes: an index is only a cache of the records.
            if let Some(k) = all.keys().next().cloned() {
                all.remove(&k);
            }
        }
        all.insert(identity.to_string(), index);
    }

    fn clear(&self) {
        self.by_identity
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clear();
    }
}

/// The history of some identities, as [`Seen`].
pub struct History {
    indexes: Vec<Arc<RwLock<IdentityIndex>>>,
    /// Entries last seen before this day are past retention (not yet swept): unseen.
    oldest_day: i64,
}

impl Seen for History {
    fn seen(&self, hash: u64) -> Option<u64> {
        let h = short(hash);
        self.indexes
            .iter()
            .filter_map(|index| {
                let index = index.read().unwrap_or_else(PoisonError::into_inner);
                let e = index.entries.get(&h)?;
                (e.last_day >= self.oldest_day).then_some(e.first)
            })
            .max()
    }
}

impl Store {
    /// The history of `identities`, keeping `days` days back from `now`. Builds the index of
    /// an identity not looked up before (one scan of its records, at most the per-identity cap).
    pub fn history(&self, identities: &[String], now: OffsetDateTime, days: u64) -> History {
        let oldest_day = day(now) - days as i64;
        let indexes = identities
            .iter()
            .map(|id| match self.inner.indexes.get(id) {
                Some(index) => index,
                None => {
                    let index = Arc::new(RwLock::new(self.build_index(id, oldest_day)));
                    self.inner.indexes.put(id, index.clone());
                    index
                }
            })
            .collect();
        History {
            indexes,
            oldest_day,
        }
    }

    fn build_index(&self, identity: &str, oldest_day: i64) -> IdentityIndex {
        let mut index = IdentityIndex::default();
        for (k, v) in self
            .inner
            .history_records
            .scan_prefix(prefix(identity))
            .flatten()
        {
            if let (Some(seq), Some((day, hashes))) = (seq_of(&k), decode_record(&v))
                && day >= oldest_day
            {
                index.add(hashes, seq, day, oldest_day);
            }
        }
        index
    }

    /// Queues a message's fingerprint for the history writer; `false` if the queue is full
    /// (the message is then left out of the history, with a warning).
    pub fn queue_history(
        &self,
        identities: Vec<String>,
        fingerprint: Fingerprint,
        earlier: Earlier,
        days: u64,
        caps: HistoryCaps,
    ) -> bool {
        let id = earlier.id.clone();
        let queued = self
            .history_writer
            .try_send(Write::Record {
                identities,
                fingerprint,
                earlier,
                days,
                caps,
            })
            .is_ok();
        if !queued {
            warn!(
                id,
                "history writer queue full; message left out of the history"
            );
        }
        queued
    }

    /// Returns once everything queued for the history writer before it is written.
    pub async fn history_written(&self) {
        let (tx, rx) = oneshot::channel();
        if self.history_writer.send(Write::Written(tx)).await.is_ok() {
            let _ = rx.await;
        }
    }

    /// [`Store::history_written`] from a blocking thread (never from an async worker). A
    /// decision that reads the history calls it first, so a resend straight after a message is
    /// judged against that message.
    pub fn history_written_blocking(&self) {
        let (tx, rx) = oneshot::channel();
        if self
            .history_writer
            .blocking_send(Write::Written(tx))
            .is_ok()
        {
            let _ = rx.blocking_recv();
        }
    }

    /// Adds a message's fingerprint to the history of each identity, which keeps `days` days
    /// and at most `caps`, now (the pipeline goes through [`Store::queue_history`]).
    pub fn record_history(
        &self,
        identities: &[String],
        fingerprint: &Fingerprint,
        earlier: &Earlier,
        days: u64,
        caps: HistoryCaps,
    ) -> Result<(), StoreError> {
        self.inner
            .record_history(identities, fingerprint, earlier, days, caps)
    }
}

impl Inner {
    /// One record per identity. See [`Store::record_history`].
    fn record_history(
        &self,
        identities: &[String],
        fingerprint: &Fingerprint,
        earlier: &Earlier,
        days: u64,
        caps: HistoryCaps,
    ) -> Result<(), StoreError> {
        if identities.is_empty() {
            return Ok(());
        }
        let seq = self.db.generate_id()?;
        let today = day(earlier.received_at);
        let oldest = today - days as i64;
        let mut hashes: Vec<u32> = fingerprint.hashes().map(short).collect();
        hashes.sort_unstable();
        hashes.dedup();
        let value = encode_record(today, &hashes);
        let mut bytes = 0;
        for id in identities {
            let key = record_key(id, seq);
            bytes = (key.len() + value.len()) as u64;
            self.history_records.insert(key, value.as_slice())?;
            if let Some(index) = self.indexes.get(id) {
                index.write().unwrap_or_else(PoisonError::into_inner).add(
                    hashes.iter().copied(),
                    seq,
                    today,
                    oldest,
                );
            }
        }
        let entry = MessageEntry {
            earlier: earlier.clone(),
            identities: identities.to_vec(),
            bytes,
        };
        self.history_messages
            .insert(seq.to_be_bytes(), entry.encode())?;
        let added = bytes * identities.len() as u64;
        let total = self
            .history_bytes
            .fetch_add(added, std::sync::atomic::Ordering::Relaxed)
            + added;
        for id in identities {
            let count = self.bump_count(id, 1)?;
            if count > caps.max_per_identity {
                let gone = self.evict_identity(id, count - caps.max_per_identity)?;
                info!(identity = %id, records = gone, cap = caps.max_per_identity, "history: oldest records of one sender evicted at the per-sender cap");
            }
        }
        if total > caps.max_bytes {
            let (gone, freed) = self.evict_oldest(total - caps.max_bytes)?;
            info!(
                messages = gone,
                bytes = freed,
                cap = caps.max_bytes,
                "history: oldest messages evicted at the total cap"
            );
        }
        Ok(())
    }

    /// Adds `delta` to an identity's record count; returns the new count.
    fn bump_count(&self, identity: &str, delta: i64) -> Result<u32, StoreError> {
        let mut now = 0;
        self.history_counts
            .fetch_and_update(identity.as_bytes(), |old| {
                let was = old
                    .and_then(|b| b.try_into().ok())
                    .map_or(0, u32::from_be_bytes);
                now = (i64::from(was) + delta).max(0) as u32;
                (now > 0).then(|| now.to_be_bytes().to_vec())
            })?;
        Ok(now)
    }

    /// Removes an identity's `n` oldest records. Returns how many went.
    fn evict_identity(&self, identity: &str, n: u32) -> Result<u32, StoreError> {
        let mut gone = 0;
        let keys: Vec<_> = self
            .history_records
            .scan_prefix(prefix(identity))
            .keys()
            .take(n as usize)
            .collect::<Result<_, _>>()?;
        for k in keys {
            if let Some(v) = self.history_records.remove(&k)? {
                self.history_bytes.fetch_sub(
                    (k.len() + v.len()) as u64,
                    std::sync::atomic::Ordering::Relaxed,
                );
                gone += 1;
            }
        }
        self.bump_count(identity, -i64::from(gone))?;
        // The index may name the evicted messages: rebuilt on next use.
        self.indexes.clear();
        Ok(gone)
    }

    /// Removes the oldest messages' records until `bytes` are freed. Returns how many messages
    /// went and the bytes freed.
    fn evict_oldest(&self, bytes: u64) -> Result<(u64, u64), StoreError> {
        let (mut gone, mut freed) = (0, 0);
        while freed < bytes {
            let Some((k, v)) = self.history_messages.pop_min()? else {
                break;
            };
            let Some(seq) = seq_of(&k) else { continue };
            if let Some(entry) = MessageEntry::decode(&v) {
                for id in &entry.identities {
                    if let Some(r) = self.history_records.remove(record_key(id, seq))? {
                        let size = (record_key(id, seq).len() + r.len()) as u64;
                        freed += size;
                        self.history_bytes
                            .fetch_sub(size, std::sync::atomic::Ordering::Relaxed);
                        self.bump_count(id, -1)?;
                    }
                }
            }
            gone += 1;
        }
        self.indexes.clear();
        Ok((gone, freed))
    }
}

impl Store {
    /// The earlier message behind a sequence number, if still kept.
    pub fn history_message(&self, seq: u64) -> Result<Option<Earlier>, StoreError> {
        Ok(self
            .inner
            .history_messages
            .get(seq.to_be_bytes())?
            .and_then(|v| MessageEntry::decode(&v))
            .map(|e| e.earlier))
    }

    /// Drops records from days more than `days` before `now`, whole, with their messages.
    /// Returns how many records went.
    pub fn expire_history(&self, now: OffsetDateTime, days: u64) -> Result<usize, StoreError> {
        let oldest = day(now) - days as i64;
        let mut gone = 0;
        for entry in self.inner.history_records.iter() {
            let (k, v) = entry?;
            let old = decode_record(&v).is_none_or(|(d, _)| d < oldest);
            if old && self.inner.history_records.remove(&k)?.is_some() {
                self.inner.history_bytes.fetch_sub(
                    (k.len() + v.len()) as u64,
                    std::sync::atomic::Ordering::Relaxed,
                );
                let identity = &k[..k.len().saturating_sub(9)];
                self.inner
                    .bump_count(&String::from_utf8_lossy(identity), -1)?;
                gone += 1;
            }
        }
        for entry in self.inner.history_messages.iter() {
            let (k, v) = entry?;
            let old = MessageEntry::decode(&v).is_none_or(|e| day(e.earlier.received_at) < oldest);
            if old {
                self.inner.history_messages.remove(k)?;
            }
        }
        self.inner.indexes.clear();
        Ok(gone)
    }

    /// Bytes of history records kept (for the total cap), summed at open.
    pub(super) fn count_history_bytes(records: &sled::Tree) -> u64 {
        records
            .iter()
            .flatten()
            .map(|(k, v)| (k.len() + v.len()) as u64)
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::Message;
    use crate::novelty::Settings;

    fn fingerprint(n: usize) -> Fingerprint {
        let raw = format!(
            "From: a@mail.example\r\nSubject: s\r\n\r\nThe bins at number {n} were missed on the {n}th again and again.\r\n"
        );
        Fingerprint::of(
            &Message::parse(raw.as_bytes()).unwrap(),
            &Settings::default(),
        )
    }

    fn earlier(n: usize) -> Earlier {
        Earlier {
            id: format!("ID{n}"),
            message_id: None,
            received_at: time::macros::datetime!(2026-06-01 09:00 UTC),
        }
    }

    fn records(store: &Store, identity: &str) -> usize {
        store
            .inner
            .history_records
            .scan_prefix(prefix(identity))
            .count()
    }

    #[test]
    fn records_round_trip_and_are_a_fifth_smaller() {
        let mut state: u64 = 0x243F_6A88_85A3_08D3;
        let mut random = |n: usize| {
            let mut v: Vec<u32> = (0..n)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    (state >> 32) as u32
                })
                .collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        let cases = vec![
            vec![],
            vec![0],
            vec![u32::MAX],
            vec![0, u32::MAX],
            vec![1, 2, 3, 4, 5],
            (0..1000).collect(),
            random(1),
            random(7),
            random(600),
            random(20_000),
        ];
        for hashes in cases {
            let v = encode_record(-3, &hashes);
            let (day, decoded) = decode_record(&v).expect("decodes");
            assert_eq!(day, -3);
            assert_eq!(decoded.collect::<Vec<_>>(), hashes);
            if hashes.len() >= 600 {
                // About k + 2.5 bits a hash, k = log2(2^32 / n): at most 80% of 32 bits here.
                assert!(
                    v.len() * 5 <= hashes.len() * 4 * 4 + 14 * 5,
                    "{} hashes in {} bytes",
                    hashes.len(),
                    v.len()
                );
            }
        }
    }

    #[test]
    fn message_entries_round_trip_and_json_ones_are_still_read() {
        let entry = |message_id: Option<&str>, identities: &[&str]| MessageEntry {
            earlier: Earlier {
                id: "ID0000000042".into(),
                message_id: message_id.map(str::to_string),
                received_at: time::macros::datetime!(2026-06-01 09:00:00.123456789 +01:00),
            },
            identities: identities.iter().map(|s| s.to_string()).collect(),
            bytes: 4242,
        };
        for e in [
            entry(Some("<a@b.example>"), &["a@mail.example"]),
            entry(None, &[]),
            entry(Some(""), &["a@mail.example", "b@mail.example", ""]),
        ] {
            let v = e.encode();
            let json = serde_json::to_vec(&e).unwrap();
            assert!(
                v.len() * 2 < json.len(),
                "{} bytes, JSON {}",
                v.len(),
                json.len()
            );
            for decoded in [MessageEntry::decode(&v), MessageEntry::decode(&json)] {
                let d = decoded.expect("decodes");
                assert_eq!(d.earlier, e.earlier);
                assert_eq!((d.identities, d.bytes), (e.identities.clone(), e.bytes));
            }
            // Cut anywhere before the identities: not read at all, never a panic.
            for cut in 0..v.len() {
                let _ = MessageEntry::decode(&v[..cut]);
            }
            assert!(MessageEntry::decode(&v[..20]).is_none());
        }
    }

    #[test]
    fn version_1_records_are_still_read_and_damage_ends_the_hashes() {
        let mut v1 = vec![1u8];
        v1.extend_from_slice(&7i64.to_be_bytes());
        for h in [5u32, 9, 4_000_000_000] {
            v1.extend_from_slice(&h.to_be_bytes());
        }
        let (day, hashes) = decode_record(&v1).expect("version 1");
        assert_eq!(
            (day, hashes.collect::<Vec<_>>()),
            (7, vec![5, 9, 4_000_000_000])
        );
        // Cut short, or claiming more hashes than it holds: what is there, then the end.
        let full = encode_record(1, &[10, 20, 30, 40]);
        let (_, cut) = decode_record(&full[..full.len() - 1]).expect("header intact");
        assert!(cut.count() < 4);
        let mut lying = full.clone();
        lying[9..13].copy_from_slice(&1_000_000u32.to_be_bytes());
        let (_, more) = decode_record(&lying).expect("header intact");
        assert!(more.take(100).count() < 100);
        // Unknown versions and impossible parameters are not read at all.
        assert!(decode_record(&[9u8; 20]).is_none());
        let mut bad_k = full;
        bad_k[13] = 40;
        assert!(decode_record(&bad_k).is_none());
        assert!(decode_record(&[2u8, 0, 0]).is_none());
        assert!(decode_record(&[]).is_none());
    }

    #[tokio::test]
    async fn a_sender_keeps_at_most_the_cap_of_records_the_most_recent() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let ids = vec!["a@mail.example".to_string()];
        let caps = HistoryCaps {
            max_per_identity: 3,
            max_bytes: u64::MAX,
        };
        for n in 0..5 {
            store
                .record_history(&ids, &fingerprint(n), &earlier(n), 365, caps)
                .unwrap();
        }
        assert_eq!(records(&store, "a@mail.example"), 3);
        let now = earlier(0).received_at;
        let history = store.history(&ids, now, 365);
        // The newest are kept, the oldest gone.
        let newest = fingerprint(4)
            .hashes()
            .find(|h| fingerprint(0).hashes().all(|o| o != *h));
        assert!(history.seen(newest.unwrap()).is_some());
        let oldest = fingerprint(0)
            .hashes()
            .find(|h| (1..5).all(|n| fingerprint(n).hashes().all(|o| o != *h)));
        assert!(history.seen(oldest.unwrap()).is_none());
    }

    #[tokio::test]
    async fn the_history_keeps_at_most_its_total_bytes_oldest_messages_first() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let one = {
            let ids = vec!["x@mail.example".to_string()];
            store
                .record_history(
                    &ids,
                    &fingerprint(0),
                    &earlier(0),
                    365,
                    HistoryCaps::default(),
                )
                .unwrap();
            store
                .inner
                .history_bytes
                .load(std::sync::atomic::Ordering::Relaxed)
        };
        let caps = HistoryCaps {
            max_per_identity: 1_000,
            max_bytes: one * 4,
        };
        for n in 1..20 {
            let ids = vec![format!("s{n}@mail.example")];
            store
                .record_history(&ids, &fingerprint(n), &earlier(n), 365, caps)
                .unwrap();
        }
        let kept = store
            .inner
            .history_bytes
            .load(std::sync::atomic::Ordering::Relaxed);
        assert!(kept <= one * 4 + one, "{kept} > {}", one * 5);
        assert_eq!(
            records(&store, "x@mail.example"),
            0,
            "the oldest went first"
        );
        assert_eq!(records(&store, "s19@mail.example"), 1);
        // The byte count is the records' own size, as counted again at open.
        assert_eq!(
            kept,
            Store::count_history_bytes(&store.inner.history_records)
        );
    }

    #[tokio::test]
    async fn a_message_costs_one_record_of_under_four_bytes_a_hash() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let fp = fingerprint(1);
        let ids = vec!["a@mail.example".to_string()];
        store
            .record_history(&ids, &fp, &earlier(1), 365, HistoryCaps::default())
            .unwrap();
        let mut distinct: Vec<u32> = fp.hashes().map(short).collect();
        distinct.sort_unstable();
        distinct.dedup();
        let (k, v) = store.inner.history_records.iter().next().unwrap().unwrap();
        assert_eq!(store.inner.history_records.len(), 1);
        assert!(v.len() < 14 + 4 * distinct.len(), "{} bytes", v.len());
        assert_eq!(decode_record(&v).unwrap().1.collect::<Vec<_>>(), distinct);
        assert!(seq_of(&k).is_some());
    }
}
