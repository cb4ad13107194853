//! The correspondence history for "new information only": fingerprints (hashes) of what each
//! sender and customer has written, never the text. See `docs/history.md` for why it is kept
//! for every sender, and for how long.
//!
//! Key layout:
//! - tree `history`: key = identity, NUL, big-endian u64 hash; value = big-endian u64 sequence
//!   number of the first message that had it, then big-endian i64 day (days since the epoch)
//!   it was last seen. An identity is a normalised sender address; a customer's history is the
//!   union of their addresses' (the pipeline asks for all of them).
//! - tree `history_messages`: key = big-endian u64 sequence number; value = JSON
//!   [`Earlier`]: which message it was, for "closest earlier message <id> of <date>".
//!
//! Lookups cost one read per hash per identity, whatever the size of the history, so a
//! decision does not slow down as a customer's history grows. Not fsync'd per message: a crash
//! can lose the last moments of history, which only makes a repeat look new (it is delivered).

use time::OffsetDateTime;

use super::{Store, StoreError};
use crate::novelty::{Earlier, Fingerprint, Seen};

fn key(identity: &str, hash: u64) -> Vec<u8> {
    let mut k = Vec::with_capacity(identity.len() + 9);
    k.extend_from_slice(identity.as_bytes());
    k.push(0);
    k.extend_from_slice(&hash.to_be_bytes());
    k
}

fn day(at: OffsetDateTime) -> i64 {
    at.unix_timestamp().div_euclid(86_400)
}

/// The history of some identities, as [`Seen`].
pub struct History<'a> {
    tree: &'a sled::Tree,
    identities: Vec<String>,
    /// Entries last seen before this day are past retention (not yet swept): unseen.
    oldest_day: i64,
}

impl Seen for History<'_> {
    fn seen(&self, hash: u64) -> Option<u64> {
        self.identities
            .iter()
            .filter_map(|id| {
                let v = self.tree.get(key(id, hash)).ok().flatten()?;
                let seq = u64::from_be_bytes(v.get(..8)?.try_into().ok()?);
                let last = i64::from_be_bytes(v.get(8..16)?.try_into().ok()?);
                (last >= self.oldest_day).then_some(seq)
            })
            .max()
    }
}

impl Store {
    /// The history of `identities`, keeping `days` days back from `now`.
    pub fn history(&self, identities: &[String], now: OffsetDateTime, days: u64) -> History<'_> {
        History {
            tree: &self.inner.history,
            identities: identities.to_vec(),
            oldest_day: day(now) - days as i64,
        }
    }

    /// Adds a message's fingerprint to the history of each identity, which keeps `days` days.
    pub fn record_history(
        &self,
        identities: &[String],
        fingerprint: &Fingerprint,
        earlier: &Earlier,
        days: u64,
    ) -> Result<(), StoreError> {
        if identities.is_empty() {
            return Ok(());
        }
        let seq = self.inner.db.generate_id()?;
        let today = day(earlier.received_at);
        let oldest = today - days as i64;
        let mut hashes: Vec<u64> = fingerprint.hashes().collect();
        hashes.sort_unstable();
        hashes.dedup();
        for id in identities {
            for &h in &hashes {
                let k = key(id, h);
                // A hash already known keeps the first message that had it (the closest earlier
                // message is then the original, not the last resend) and is rewritten at most
                // once a day, to keep its retention date: a repeat writes almost nothing.
                let (first, last) = match self.inner.history.get(&k)? {
                    Some(v) => (
                        v.get(..8)
                            .and_then(|b| b.try_into().ok())
                            .map_or(seq, u64::from_be_bytes),
                        v.get(8..16)
                            .and_then(|b| b.try_into().ok())
                            .map_or(i64::MIN, i64::from_be_bytes),
                    ),
                    None => (seq, i64::MIN),
                };
                // Past retention but not yet swept: forgotten, so this message is its first
                // (review finding: the closest earlier message named one older than retention).
                let first = if last < oldest { seq } else { first };
                if last >= today {
                    continue;
                }
                let mut value = [0u8; 16];
                value[..8].copy_from_slice(&first.to_be_bytes());
                value[8..].copy_from_slice(&today.to_be_bytes());
                self.inner.history.insert(k, &value)?;
            }
        }
        self.inner.history_messages.insert(
            seq.to_be_bytes(),
            serde_json::to_vec(earlier).expect("Earlier serialises"),
        )?;
        Ok(())
    }

    /// The earlier message behind a sequence number, if still kept.
    pub fn history_message(&self, seq: u64) -> Result<Option<Earlier>, StoreError> {
        Ok(self
            .inner
            .history_messages
            .get(seq.to_be_bytes())?
            .and_then(|v| serde_json::from_slice(&v).ok()))
    }

    /// Drops history last seen more than `days` days before `now`. Returns how many entries
    /// went.
    pub fn expire_history(&self, now: OffsetDateTime, days: u64) -> Result<usize, StoreError> {
        let oldest = day(now) - days as i64;
        let mut gone = 0;
        for entry in self.inner.history.iter() {
            let (k, v) = entry?;
            let last = v
                .get(8..16)
                .and_then(|b| b.try_into().ok())
                .map_or(i64::MIN, i64::from_be_bytes);
            if last < oldest {
                // Only if unchanged since it was read: a message recorded meanwhile keeps it.
                if self
                    .inner
                    .history
                    .compare_and_swap(&k, Some(&v), None as Option<&[u8]>)?
                    .is_ok()
                {
                    gone += 1;
                }
            }
        }
        for entry in self.inner.history_messages.iter() {
            let (k, v) = entry?;
            let old =
                serde_json::from_slice::<Earlier>(&v).map_or(true, |e| day(e.received_at) < oldest);
            if old {
                self.inner.history_messages.remove(k)?;
            }
        }
        Ok(gone)
    }
}
