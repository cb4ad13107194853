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
    // The daemon may answer and close before reading all of a request (too many connections,
    // or no room for a large `explain`): our write then breaks, but its answer is waiting and
    // says why, which a "broken pipe" would not.
    let written = stream.write_all(&line);
    let mut reader = BufReader::new(stream);
    let mut answer = String::new();
    let read = reader.read_line(&mut answer);
    match (written, read) {
        (Err(e), _) if answer.is_empty() => return Err(e.into()),
        (_, Err(e)) if answer.is_empty() => return Err(e.into()),
        _ => {}
    }
    let resp: Response =
        serde_json::from_str(&answer).map_err(|e| ClientError::Protocol(e.to_string()))?;
    if resp.ok {
        Ok(resp.result.unwrap_or(serde_json::Value::Null))
    } else {
        Err(ClientError::Refused(resp.error.unwrap_or_default()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::net::UnixListener;

    /// A daemon over its connection cap answers and closes at once; the CLI, still writing
    /// its request, reported "broken pipe" instead of the daemon's reason.
    #[test]
    fn regression_a_refusal_sent_before_the_request_is_read_is_shown() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("admin.sock");
        let listener = UnixListener::bind(&path).unwrap();
        let daemon = std::thread::spawn(move || {
            let (mut stream, _) = listener.accept().unwrap();
            stream
                .write_all(b"{\"v\":1,\"ok\":false,\"error\":\"too many admin connections (limit 16); try again\"}\n")
                .unwrap();
            // Closed without reading the request.
        });
        // Larger than a socket buffer, so the write is still under way when the daemon closes.
        let pad = "x".repeat(8 * 1024 * 1024);
        let err =
            call(&path, None, "explain", serde_json::json!({ "pad": pad })).expect_err("refused");
        daemon.join().unwrap();
        assert!(
            matches!(&err, ClientError::Refused(e) if e.contains("too many admin connections")),
            "{err}"
        );
    }
}
