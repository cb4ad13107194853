//! The daemon side of the admin socket: the socket itself (permissions, peer identity, framing).
//! The operations are in [`super::ops`].
//!
//! Identity: each connection's caller is read from the socket's peer credentials (SO_PEERCRED)
//! and named by user name; that name is the actor in the audit trail. There are no passwords:
//! who may connect is decided by the socket file's owner, group (`admin_group`) and mode 0660.

use std::path::Path;
use std::sync::Arc;

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{UnixListener, UnixStream};
use tokio::sync::watch;
use tracing::{debug, warn};

use super::ops::{AdminContext, dispatch};
use super::{MAX_REQUEST, PROTOCOL_VERSION, Request, Response};

/// Binds the socket at `path`, replacing a stale one, with mode 0660 and, if given, `group`.
pub fn bind(path: &Path, group: Option<&str>) -> std::io::Result<UnixListener> {
    if let Some(dir) = path.parent()
        && !dir.as_os_str().is_empty()
    {
        std::fs::create_dir_all(dir)?;
    }
    if path.exists() {
        // A live daemon answers; a stale socket file from a crash does not.
        if std::os::unix::net::UnixStream::connect(path).is_ok() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::AddrInUse,
                format!("{} is in use by a running daemon", path.display()),
            ));
        }
        std::fs::remove_file(path)?;
    }
    let listener = UnixListener::bind(path)?;
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o660))?;
    if let Some(group) = group {
        let gid = group_id(group).ok_or_else(|| {
            std::io::Error::new(
                std::io::ErrorKind::NotFound,
                format!("admin_group {group:?} does not exist"),
            )
        })?;
        std::os::unix::fs::chown(path, None, Some(gid))?;
    }
    Ok(listener)
}

/// The user name for `uid`, or `uid N` if it has none.
pub fn user_name(uid: u32) -> String {
    let mut buf = vec![0 as libc::c_char; 4096];
    // SAFETY: getpwuid_r writes into `pwd` and `buf`, both owned here and large enough as
    // declared; `result` is either null or points at `pwd`.
    unsafe {
        let mut pwd: libc::passwd = std::mem::zeroed();
        let mut result: *mut libc::passwd = std::ptr::null_mut();
        let rc = libc::getpwuid_r(uid, &mut pwd, buf.as_mut_ptr(), buf.len(), &mut result);
        if rc == 0 && !result.is_null() && !pwd.pw_name.is_null() {
            return std::ffi::CStr::from_ptr(pwd.pw_name)
                .to_string_lossy()
                .into_owned();
        }
    }
    format!("uid {uid}")
}

fn group_id(name: &str) -> Option<u32> {
    let cname = std::ffi::CString::new(name).ok()?;
    let mut buf = vec![0 as libc::c_char; 16384];
    // SAFETY: as in `user_name`, for getgrnam_r.
    unsafe {
        let mut grp: libc::group = std::mem::zeroed();
        let mut result: *mut libc::group = std::ptr::null_mut();
        let rc = libc::getgrnam_r(
            cname.as_ptr(),
            &mut grp,
            buf.as_mut_ptr(),
            buf.len(),
            &mut result,
        );
        (rc == 0 && !result.is_null()).then_some(grp.gr_gid)
    }
}

pub async fn run(
    listener: UnixListener,
    ctx: Arc<AdminContext>,
    mut shutdown: watch::Receiver<bool>,
) {
    loop {
        let stream = tokio::select! {
            _ = shutdown.changed() => return,
            accepted = listener.accept() => match accepted {
                Ok((s, _)) => s,
                Err(e) => {
                    warn!(error = %e, "admin accept failed");
                    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
                    continue;
                }
            },
        };
        let ctx = ctx.clone();
        tokio::spawn(async move {
            if let Err(e) = serve(stream, &ctx).await {
                debug!(error = %e, "admin connection ended");
            }
        });
    }
}

async fn serve(stream: UnixStream, ctx: &AdminContext) -> std::io::Result<()> {
    let actor = match stream.peer_cred() {
        Ok(cred) => user_name(cred.uid()),
        // Without credentials there is nobody to record as the actor: refuse.
        Err(e) => {
            warn!(error = %e, "admin connection without peer credentials refused");
            return Ok(());
        }
    };
    let (r, mut w) = stream.into_split();
    let mut r = BufReader::new(r).take(u64::MAX);
    let mut line = Vec::new();
    loop {
        line.clear();
        r.set_limit(MAX_REQUEST as u64 + 1);
        if r.read_until(b'\n', &mut line).await? == 0 {
            return Ok(());
        }
        let response = if line.len() > MAX_REQUEST {
            failure(format!("request longer than {MAX_REQUEST} bytes"))
        } else {
            match serde_json::from_slice::<Request>(&line) {
                Err(e) => failure(format!("not a valid request: {e}")),
                Ok(req) if req.v != PROTOCOL_VERSION => failure(format!(
                    "protocol version {} is not supported (this daemon speaks {PROTOCOL_VERSION})",
                    req.v
                )),
                Ok(req) => dispatch(ctx, &actor, req).await,
            }
        };
        let mut out = serde_json::to_vec(&response).expect("responses serialise");
        out.push(b'\n');
        w.write_all(&out).await?;
        if line.len() > MAX_REQUEST {
            return Ok(());
        }
    }
}

pub(super) fn failure(error: String) -> Response {
    Response {
        v: PROTOCOL_VERSION,
        ok: false,
        result: None,
        error: Some(error),
    }
}
