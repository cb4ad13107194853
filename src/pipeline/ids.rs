//! Message ids: strictly increasing, starting above the highest the store has seen, so a
//! clock stepped back does not reuse them. Apart from the message flow because the rule is
//! self-contained (one counter, the store's note of it) and has its own regression tests.

use std::sync::{Mutex, PoisonError};

use time::OffsetDateTime;
use tracing::warn;

use super::Pipeline;

impl Pipeline {
    /// A new message id, noted in the store so that no later run issues it again.
    pub(super) fn next_id(&self, now: OffsetDateTime) -> String {
        let id = self.ids.next(now);
        if let Err(e) = self.store.note_issued_id(&id) {
            // The message can still go ahead: a hold refuses an id that is already taken.
            warn!(id, error = %e, "could not note the message id in the store");
        }
        id
    }
}

/// Message ids: strictly increasing, safe as file names, and not reused after the clock steps
/// back.
///
/// An id is the microseconds since the epoch (14 hex digits) and a sequence number (4 hex
/// digits), i.e. one 72-bit number, so ids sort by arrival. Each id is greater than the last:
/// when the clock shows a time at or before it (two messages in one microsecond, or the clock
/// stepped back), the next id is the last plus one.
///
/// Across restarts the generator starts above the highest id the store knows
/// ([`Store::highest_ids`](crate::store::Store::highest_ids)), and every id is noted there as it is issued
/// ([`Store::note_issued_id`](crate::store::Store::note_issued_id)). Random bits would only make reuse unlikely and would lose the
/// ordering; this makes it impossible for every id the store has a record of: the note is in
/// sled before the message is processed, so the flush that makes a hold, an audit entry or a
/// reply durable covers it too. Only a plainly delivered message's id, from the moment before
/// a `kill -9` (sled flushes on its own every half second), could come round again, and only
/// if the clock also went back; it leaves nothing in the store to collide with, and a hold
/// refuses a taken id anyway.
#[derive(Default)]
pub(super) struct IdGenerator {
    last: Mutex<u128>,
}

/// Hex digits in an id: 14 for the microseconds, 4 for the sequence number.
const ID_DIGITS: usize = 18;

impl IdGenerator {
    /// A generator whose ids are all greater than every well-formed id in `issued`.
    pub(super) fn after(issued: impl IntoIterator<Item = String>) -> IdGenerator {
        let last = issued
            .into_iter()
            .filter(|id| id.len() == ID_DIGITS && id.bytes().all(|b| b.is_ascii_hexdigit()))
            .filter_map(|id| u128::from_str_radix(&id, 16).ok())
            .max()
            .unwrap_or(0);
        IdGenerator {
            last: Mutex::new(last),
        }
    }

    fn next(&self, now: OffsetDateTime) -> String {
        let micros = u128::try_from(now.unix_timestamp_nanos() / 1000).unwrap_or(0);
        // The value is a plain number: a panic elsewhere cannot leave it inconsistent.
        let mut last = self.last.lock().unwrap_or_else(PoisonError::into_inner);
        *last = (micros << 16).max(*last + 1);
        format!("{:014X}{:04X}", *last >> 16, *last & 0xFFFF)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Store, StoreError};

    #[test]
    fn ids_are_unique_and_ordered() {
        let g = IdGenerator::default();
        let t = OffsetDateTime::from_unix_timestamp(1_780_000_000).unwrap();
        let a = g.next(t);
        let b = g.next(t);
        assert_ne!(a, b);
        assert!(a < b);
        assert!(g.next(t + time::Duration::SECOND) > b);
    }

    #[test]
    fn regression_ids_never_go_back_with_the_clock() {
        let g = IdGenerator::default();
        let t = OffsetDateTime::from_unix_timestamp(1_780_000_000).unwrap();
        let a = g.next(t);
        let b = g.next(t - time::Duration::hours(1));
        assert!(b > a, "{a} {b}");
        assert_eq!(b.len(), 18);
    }

    #[test]
    fn regression_ids_start_above_the_highest_issued() {
        let t = OffsetDateTime::from_unix_timestamp(1_780_000_000).unwrap();
        let later = IdGenerator::default().next(t + time::Duration::days(1));
        let g = IdGenerator::after(["A1".to_string(), later.clone(), "not hex!!".into()]);
        assert!(g.next(t) > later);
    }

    #[tokio::test]
    async fn regression_ids_do_not_repeat_after_a_restart_with_the_clock_stepped_back() {
        let dir = tempfile::tempdir().unwrap();
        let t = OffsetDateTime::from_unix_timestamp(1_780_000_000).unwrap();
        let first = {
            let store = Store::open(dir.path()).unwrap();
            let g = IdGenerator::after(store.highest_ids().unwrap());
            let id = g.next(t);
            store.note_issued_id(&id).unwrap();
            store.shutdown().await.unwrap();
            id
        };
        let store = loop {
            match Store::open(dir.path()) {
                Ok(s) => break s,
                Err(StoreError::Locked(_)) => {
                    tokio::time::sleep(std::time::Duration::from_millis(20)).await
                }
                Err(e) => panic!("{e}"),
            }
        };
        let g = IdGenerator::after(store.highest_ids().unwrap());
        assert!(g.next(t - time::Duration::hours(1)) > first);
    }
}
