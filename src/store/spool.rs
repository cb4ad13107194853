//! The message spool: one file per held message, written the way Postfix writes its queue.
//!
//! A body becomes durable in four steps: write to `tmp/`, fsync the file, rename into `held/`,
//! fsync `held/`. Until the rename, a crash leaves only a temp file, which [`Spool::open`]
//! deletes (it was never acknowledged). After the directory fsync, the file survives power loss.
//!
//! Bodies live here and not in sled because sled 0.34's `flush()` does not reliably make large
//! values durable.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use super::StoreError;

pub struct Spool {
    tmp: PathBuf,
    held: PathBuf,
    orphaned: PathBuf,
    outbox: PathBuf,
}

/// Which spool directory a body belongs in.
#[derive(Debug, Clone, Copy)]
pub enum Area {
    /// Held, filed and deferred messages.
    Held,
    /// Queued acknowledgement replies.
    Outbox,
    /// Bodies found without metadata at start-up, kept for a postmaster until their retention
    /// period ends.
    Orphaned,
}

impl Spool {
    /// Opens (creating if needed) the spool under `dir`, and deletes temp files left by a crash.
    pub fn open(dir: &Path) -> Result<Spool, StoreError> {
        let spool = Spool {
            tmp: dir.join("tmp"),
            held: dir.join("held"),
            orphaned: dir.join("orphaned"),
            outbox: dir.join("outbox"),
        };
        for d in [&spool.tmp, &spool.held, &spool.orphaned, &spool.outbox] {
            super::private_dir(d)?;
        }
        for entry in read_dir(&spool.tmp)? {
            // A temp file was never renamed, so its message was never acknowledged: the
            // sending MTA still has it.
            tracing::info!(file = %entry.display(), "removing unacknowledged temp file left by a crash");
            fs::remove_file(&entry)
                .map_err(|e| StoreError::io(format!("removing {}", entry.display()), e))?;
        }
        Ok(spool)
    }

    pub fn held_path(&self, id: &str) -> PathBuf {
        self.held.join(format!("{id}.eml"))
    }

    pub fn path(&self, area: Area, id: &str) -> PathBuf {
        match area {
            Area::Held => self.held_path(id),
            Area::Outbox => self.outbox.join(format!("{id}.eml")),
            Area::Orphaned => self.orphaned.join(format!("{id}.eml")),
        }
    }

    /// Writes `body` to a temp file, fsyncs it and renames it into `held/`. The caller must
    /// call [`Spool::sync_held_dir`] before treating the body as durable (one directory fsync
    /// can cover many renames).
    pub fn write(&self, id: &str, body: &[u8]) -> Result<(), StoreError> {
        self.write_in(Area::Held, id, body)
    }

    /// Like [`Spool::write`], into `area`; the caller fsyncs that area's directory.
    ///
    /// A write that fails (a full disk, say) removes its temp file: nothing partial is left.
    pub fn write_in(&self, area: Area, id: &str, body: &[u8]) -> Result<(), StoreError> {
        let tmp = self.tmp.join(format!("{id}.eml"));
        let ctx = || format!("writing {}", tmp.display());
        // Only the daemon reads bodies (0600, whatever the umask); officers read them through
        // the admin socket, audited.
        let mut f = OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&tmp)
            .map_err(|e| StoreError::io(ctx(), e))?;
        let written = f
            .write_all(body)
            .and_then(|()| f.sync_all())
            .map_err(|e| StoreError::io(ctx(), e));
        drop(f);
        let placed = written.and_then(|()| {
            fs::rename(&tmp, self.path(area, id))
                .map_err(|e| StoreError::io(format!("renaming {} into place", tmp.display()), e))
        });
        if placed.is_err() {
            let _ = fs::remove_file(&tmp);
        }
        placed
    }

    /// Bytes free for us on the spool's file system.
    pub fn free_bytes(&self) -> Result<u64, StoreError> {
        use std::os::unix::ffi::OsStrExt;
        let path = std::ffi::CString::new(self.tmp.as_os_str().as_bytes())
            .map_err(|_| StoreError::Corrupt("spool path has a NUL byte".into()))?;
        // SAFETY: `path` is a valid C string and `st` a zeroed statvfs that statvfs fills in.
        let st = unsafe {
            let mut st: libc::statvfs = std::mem::zeroed();
            if libc::statvfs(path.as_ptr(), &mut st) != 0 {
                return Err(StoreError::io(
                    format!("statvfs {}", self.tmp.display()),
                    std::io::Error::last_os_error(),
                ));
            }
            st
        };
        Ok(st.f_bavail.saturating_mul(st.f_frsize))
    }

    pub fn sync_held_dir(&self) -> Result<(), StoreError> {
        self.sync(Area::Held)
    }

    pub fn sync(&self, area: Area) -> Result<(), StoreError> {
        let dir = match area {
            Area::Held => &self.held,
            Area::Outbox => &self.outbox,
            Area::Orphaned => &self.orphaned,
        };
        File::open(dir)
            .and_then(|d| d.sync_all())
            .map_err(|e| StoreError::io(format!("fsync {}", dir.display()), e))
    }

    pub fn read_in(&self, area: Area, id: &str) -> Result<Vec<u8>, StoreError> {
        let path = self.path(area, id);
        fs::read(&path).map_err(|e| StoreError::io(format!("reading {}", path.display()), e))
    }

    pub fn remove_in(&self, area: Area, id: &str) -> Result<(), StoreError> {
        match fs::remove_file(self.path(area, id)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                Err(StoreError::io(format!("removing {id}"), e))
            }
            _ => Ok(()),
        }
    }

    pub fn read(&self, id: &str) -> Result<Vec<u8>, StoreError> {
        let path = self.held_path(id);
        fs::read(&path).map_err(|e| StoreError::io(format!("reading {}", path.display()), e))
    }

    /// At most the first `max` bytes of a held body: enough for its header section without
    /// reading a large message whole.
    pub fn read_head(&self, id: &str, max: usize) -> Result<Vec<u8>, StoreError> {
        use std::io::Read;
        let path = self.held_path(id);
        let mut head = Vec::new();
        File::open(&path)
            .and_then(|f| f.take(max as u64).read_to_end(&mut head))
            .map_err(|e| StoreError::io(format!("reading {}", path.display()), e))?;
        Ok(head)
    }

    /// Deletes a body (retention purge). A body already gone is not an error.
    pub fn remove(&self, id: &str) -> Result<(), StoreError> {
        self.remove_in(Area::Held, id)
    }

    /// Ids of every body in `held/`.
    pub fn held_ids(&self) -> Result<Vec<String>, StoreError> {
        self.ids_in(Area::Held)
    }

    /// Ids of every body in `area`.
    pub fn ids_in(&self, area: Area) -> Result<Vec<String>, StoreError> {
        let dir = match area {
            Area::Held => &self.held,
            Area::Outbox => &self.outbox,
            Area::Orphaned => &self.orphaned,
        };
        Ok(read_dir(dir)?
            .into_iter()
            .filter_map(|p| {
                let name = p.file_name()?.to_str()?;
                name.strip_suffix(".eml").map(str::to_string)
            })
            .collect())
    }

    /// Moves a body that has no metadata out of `held/`, keeping it for a postmaster to inspect.
    /// Its modification time becomes the time it was set aside, so that it is kept
    /// `retention_orphaned_days` from now, however long ago it was written (review finding: a
    /// body written months before the crash that orphaned it went at the next sweep).
    pub fn set_aside(&self, id: &str) -> Result<PathBuf, StoreError> {
        let to = self.path(Area::Orphaned, id);
        let ctx = |what: &str| format!("{what} {id} in orphaned/");
        fs::rename(self.held_path(id), &to).map_err(|e| StoreError::io(ctx("moving"), e))?;
        fs::File::options()
            .write(true)
            .open(&to)
            .and_then(|f| f.set_modified(std::time::SystemTime::now()))
            .map_err(|e| StoreError::io(ctx("dating"), e))?;
        // Both directories changed: the move survives a power loss.
        self.sync(Area::Orphaned)?;
        self.sync(Area::Held)?;
        Ok(to)
    }
}

impl Spool {
    /// Deletes the bodies in `orphaned/` last written at or before `cutoff`, then fsyncs the
    /// directory so the unlinks survive a power loss. Returns how many went. Only `*.eml` files
    /// are ours; anything else a postmaster put there is left alone, and so is a file whose
    /// time cannot be read.
    pub fn purge_orphaned(&self, cutoff: std::time::SystemTime) -> Result<usize, StoreError> {
        let (mut gone, mut failed) = (0, None);
        for path in read_dir(&self.orphaned)? {
            let ours = path.extension().is_some_and(|e| e == "eml");
            // The modification time is when the body was set aside (`set_aside` sets it).
            let old = fs::symlink_metadata(&path)
                .ok()
                .filter(fs::Metadata::is_file)
                .and_then(|m| m.modified().ok())
                .is_some_and(|written| written <= cutoff);
            if ours && old {
                match fs::remove_file(&path) {
                    Ok(()) => gone += 1,
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                    Err(e) => {
                        failed.get_or_insert(StoreError::io(
                            format!("removing {}", path.display()),
                            e,
                        ));
                    }
                }
            }
        }
        // The unlinks that did happen are made durable whatever else failed.
        if gone > 0 {
            self.sync(Area::Orphaned)?;
        }
        failed.map_or(Ok(gone), Err)
    }
}

fn read_dir(dir: &Path) -> Result<Vec<PathBuf>, StoreError> {
    let ctx = || format!("reading {}", dir.display());
    fs::read_dir(dir)
        .map_err(|e| StoreError::io(ctx(), e))?
        .map(|e| e.map(|e| e.path()).map_err(|e| StoreError::io(ctx(), e)))
        .collect()
}
