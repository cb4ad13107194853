//! The TCP side: accept connections under a cap, run each in its own task, shut down cleanly.
//!
//! The caller binds the listener and chooses the shutdown trigger, so tests run the real server
//! on port 0 and stop it with a channel.
//!
//! Backpressure: a semaphore permit is taken *before* `accept`, so at the cap new clients wait in
//! the kernel's backlog instead of costing us memory.
//!
//! Shutdown: stop accepting, tell every connection (idle ones answer 421 and close), give
//! transactions in flight until `grace` to finish, then abort what is left. An aborted
//! transaction never got its 250, so Postfix keeps the message and retries.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use tokio::net::TcpListener;
use tokio::sync::{Semaphore, watch};
use tokio::task::JoinSet;
use tracing::{debug, info, warn};

use super::MessageHandler;
use super::connection::Connection;
use super::session::{Limits, Session};

#[derive(Debug, Clone)]
pub struct ServerSettings {
    pub hostname: String,
    pub limits: Limits,
    pub max_connections: usize,
    /// How long transactions in flight may take to finish after shutdown is requested.
    pub grace: Duration,
}

/// Serves SMTP on `listener` until `shutdown` completes.
pub async fn run<H: MessageHandler>(
    listener: TcpListener,
    handler: Arc<H>,
    settings: ServerSettings,
    shutdown: impl Future<Output = ()>,
) {
    let permits = Arc::new(Semaphore::new(settings.max_connections));
    let (stop_tx, stop_rx) = watch::channel(false);
    let mut tasks = JoinSet::new();
    tokio::pin!(shutdown);

    loop {
        let permit = tokio::select! {
            _ = &mut shutdown => break,
            permit = permits.clone().acquire_owned() => {
                // The semaphore is never closed, so acquire cannot fail.
                permit.expect("connection semaphore closed")
            }
        };
        let (stream, peer) = tokio::select! {
            _ = &mut shutdown => break,
            accepted = listener.accept() => match accepted {
                Ok(pair) => pair,
                Err(e) => {
                    // EMFILE and friends: back off instead of spinning.
                    warn!(error = %e, "accept failed");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
        };
        // Reap finished tasks so the set does not grow with every connection ever served.
        while tasks.try_join_next().is_some() {}
        let _ = stream.set_nodelay(true);
        let handler = handler.clone();
        let session = Session::new(
            settings.hostname.clone(),
            Some(peer),
            settings.limits.clone(),
        );
        let stop = stop_rx.clone();
        tasks.spawn(async move {
            debug!(%peer, "connection opened");
            if let Err(e) = Connection::new(stream).run(session, &*handler, stop).await {
                debug!(%peer, error = %e, "connection ended with an error");
            }
            drop(permit);
        });
    }

    drop(listener);
    let in_flight = tasks.len();
    info!(
        connections = in_flight,
        grace_secs = settings.grace.as_secs(),
        "shutting down"
    );
    let _ = stop_tx.send(true);
    let drained = tokio::time::timeout(settings.grace, async {
        while tasks.join_next().await.is_some() {}
    })
    .await;
    if drained.is_err() {
        warn!(
            connections = tasks.len(),
            "grace period over; aborting unfinished transactions (they were not acknowledged)"
        );
        tasks.abort_all();
        while tasks.join_next().await.is_some() {}
    }
}
