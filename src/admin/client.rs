//! The CLI side of the admin socket.

use std::io::{BufRead, BufReader, Write};
use std::os::unix::net::UnixStream;
use std::path::Path;

use super::{PROTOCOL_VERSION, Request, Response};

#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    #[error(
        "cannot reach the daemon at {path}: {error} (is `contactgate serve` running with this config?)"
    )]
    Connect { path: String, error: std::io::Error },
    #[error("permission denied on {path}: are you in group {group}?")]
    PermissionDenied { path: String, group: String },
    #[error("talking to the daemon: {0}")]
    Io(#[from] std::io::Error),
    #[error("the daemon sent something that is not a response: {0}")]
    Protocol(String),
    #[error("the daemon refused: {0}")]
    Refused(String),
}

/// Sends one request and returns its result. `group` is the socket's group (`admin_group`),
/// named when the caller is refused.
pub fn call(
    socket: &Path,
    group: Option<&str>,
    op: &str,
    args: serde_json::Value,
) -> Result<serde_json::Value, ClientError> {
    let path = socket.display().to_string();
    let mut stream = UnixStream::connect(socket).map_err(|error| {
        if error.kind() == std::io::ErrorKind::PermissionDenied {
            ClientError::PermissionDenied {
                path: path.clone(),
                group: group.unwrap_or("the daemon's admin group").to_string(),
            }
        } else {
            ClientError::Connect {
                path: path.clone(),
                error,
            }
        }
    })?;
    let req = Request {
        v: PROTOCOL_VERSION,
        op: op.to_string(),
        args,
    };
    let mut line = serde_json::to_vec(&req).expect("requests serialise");
    line.push(b'\n');
    stream.write_all(&line)?;
    let mut reader = BufReader::new(stream);
    let mut answer = String::new();
    reader.read_line(&mut answer)?;
    let resp: Response =
        serde_json::from_str(&answer).map_err(|e| ClientError::Protocol(e.to_string()))?;
    if resp.ok {
        Ok(resp.result.unwrap_or(serde_json::Value::Null))
    } else {
        Err(ClientError::Refused(resp.error.unwrap_or_default()))
    }
}
