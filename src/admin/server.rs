//! The daemon side of the admin socket.

use std::path::Path;
use std::sync::Arc;

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{UnixListener, UnixStream};
use tokio::sync::watch;
use tracing::{debug, warn};

use super::{HeldListArgs, HeldSummary, MAX_REQUEST, PROTOCOL_VERSION, Request, Response};
use crate::store::{HeldState, Store};

/// What the admin socket can reach in the daemon.
pub struct AdminContext {
    pub store: Store,
}

/// Binds the socket at `path`, replacing a stale one, with mode 0660.
pub fn bind(path: &Path) -> std::io::Result<UnixListener> {
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
    Ok(listener)
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
                Ok(req) => dispatch(ctx, req).await,
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

async fn dispatch(ctx: &AdminContext, req: Request) -> Response {
    let result = match req.op.as_str() {
        "held.list" => held_list(ctx, req.args),
        other => Err(format!("unknown operation {other:?}")),
    };
    match result {
        Ok(v) => Response {
            v: PROTOCOL_VERSION,
            ok: true,
            result: Some(v),
            error: None,
        },
        Err(e) => failure(e),
    }
}

fn failure(error: String) -> Response {
    Response {
        v: PROTOCOL_VERSION,
        ok: false,
        result: None,
        error: Some(error),
    }
}

fn args<T: serde::de::DeserializeOwned + Default>(v: serde_json::Value) -> Result<T, String> {
    if v.is_null() {
        return Ok(T::default());
    }
    serde_json::from_value(v).map_err(|e| format!("bad arguments: {e}"))
}

fn held_list(ctx: &AdminContext, raw: serde_json::Value) -> Result<serde_json::Value, String> {
    let a: HeldListArgs = args(raw)?;
    let held = ctx.store.held().map_err(|e| e.to_string())?;
    let list: Vec<HeldSummary> = held
        .iter()
        .filter(|r| a.all || r.state != HeldState::Released)
        .filter(|r| a.action.as_deref().is_none_or(|x| r.action.as_str() == x))
        .filter(|r| {
            a.sender
                .as_deref()
                .is_none_or(|s| r.sender.eq_ignore_ascii_case(s))
        })
        .filter(|r| a.since.is_none_or(|s| r.received_at >= s))
        .map(HeldSummary::from)
        .collect();
    serde_json::to_value(list).map_err(|e| e.to_string())
}
