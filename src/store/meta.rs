//! Small daemon state by name, in the tree `meta` (UTF-8 values): when the last digest went
//! out, the retention sweep's marks, and `last_issued_id`, the highest message id issued.
//!
//! The highest issued id is noted without a flush, since the commit for that message always
//! comes after the note and flushes it; message ids can then start above every id the store
//! has seen, even after the clock steps back.

use super::{Store, StoreError};

/// The `meta` key of the highest message id issued.
const LAST_ISSUED_ID: &str = "last_issued_id";

impl Store {
    /// The highest message ids the store knows of: the last one noted with
    /// [`Store::note_issued_id`], and the highest held (for stores older than that note).
    pub fn highest_ids(&self) -> Result<Vec<String>, StoreError> {
        let mut ids = Vec::new();
        if let Some(v) = self.inner.meta.get(LAST_ISSUED_ID)? {
            ids.push(String::from_utf8_lossy(&v).into_owned());
        }
        if let Some((k, _)) = self.inner.held.last()? {
            ids.push(String::from_utf8_lossy(&k).into_owned());
        }
        Ok(ids)
    }

    /// Notes that `id` was issued, keeping the highest noted. Not flushed here (that would cost
    /// a disk flush per message): the next commit's flush, sled's own periodic flush or the
    /// shutdown flush makes it durable, and a commit for this message always comes after it.
    pub fn note_issued_id(&self, id: &str) -> Result<(), StoreError> {
        // Ids are fixed-width hex, so byte order is numeric order; the longer one wins otherwise.
        let key = |v: &[u8]| (v.len(), v.to_vec());
        self.inner
            .meta
            .fetch_and_update(LAST_ISSUED_ID, |old| match old {
                Some(old) if key(old) >= key(id.as_bytes()) => Some(old.to_vec()),
                _ => Some(id.as_bytes().to_vec()),
            })?;
        Ok(())
    }

    /// A piece of daemon state saved with [`Store::set_meta`].
    pub fn meta(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .inner
            .meta
            .get(key.as_bytes())?
            .map(|v| String::from_utf8_lossy(&v).into_owned()))
    }

    /// Saves a piece of daemon state durably (blocking: it flushes).
    pub fn set_meta(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.inner.meta.insert(key.as_bytes(), value.as_bytes())?;
        self.inner.db.flush()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{record, reopen};
    use super::*;

    #[tokio::test]
    async fn the_highest_issued_id_is_kept_across_a_reopen() {
        let dir = tempfile::tempdir().unwrap();
        {
            let store = Store::open(dir.path()).unwrap();
            store
                .hold(record("0000000000000A0000"), b"x".to_vec())
                .await
                .unwrap();
            store.note_issued_id("0000000000000B0000").unwrap();
            store.note_issued_id("0000000000000A0001").unwrap();
            store.shutdown().await.unwrap();
        }
        let store = reopen(dir.path()).await;
        assert_eq!(
            store.highest_ids().unwrap(),
            ["0000000000000B0000", "0000000000000A0000"]
        );
    }
}
