//! `contactgate serve`: wires config, store, outbound and pipeline to the SMTP server, and owns
//! the process's signals and service-manager notifications.

use std::sync::Arc;

use tokio::net::TcpListener;
use tokio::signal::unix::{SignalKind, signal};
use tracing::{info, warn};

use crate::config::Config;
use crate::outbound::Outbound;
use crate::pipeline::Pipeline;
use crate::policy::PolicySettings;
use crate::smtp::server::{self, ServerSettings};
use crate::store::Store;

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    #[error("cannot listen on {addr}: {source}")]
    Listen {
        addr: std::net::SocketAddr,
        source: std::io::Error,
    },
    #[error("cannot install signal handlers: {0}")]
    Signals(std::io::Error),
}

/// Runs the daemon until SIGTERM or SIGINT.
pub async fn serve(config: Config) -> Result<(), ServeError> {
    let listener = TcpListener::bind(config.listen)
        .await
        .map_err(|source| ServeError::Listen {
            addr: config.listen,
            source,
        })?;
    let mut term = signal(SignalKind::terminate()).map_err(ServeError::Signals)?;
    let mut int = signal(SignalKind::interrupt()).map_err(ServeError::Signals)?;
    let shutdown = async move {
        tokio::select! {
            _ = term.recv() => info!("SIGTERM received"),
            _ = int.recv() => info!("SIGINT received"),
        }
    };
    serve_on(listener, config, shutdown).await
}

/// Runs the daemon on a bound listener until `shutdown` completes (tests use port 0).
pub async fn serve_on(
    listener: TcpListener,
    config: Config,
    shutdown: impl std::future::Future<Output = ()>,
) -> Result<(), ServeError> {
    let store = Store::open(&config.data_dir)?;
    let outbound = Outbound::new(
        config.downstream,
        &config.hostname,
        config.downstream_timeout,
        config.downstream_connections,
    );
    let pipeline = Arc::new(Pipeline::new(
        store.clone(),
        outbound,
        PolicySettings {
            hold_all: config.hold_all,
        },
    ));
    let settings = ServerSettings {
        hostname: config.hostname.clone(),
        limits: config.limits.clone(),
        max_connections: config.max_connections,
        grace: config.shutdown_grace,
    };
    let local = listener
        .local_addr()
        .map_or_else(|_| "?".to_string(), |a| a.to_string());
    info!(
        listen = %local,
        downstream = %config.downstream,
        data_dir = %config.data_dir.display(),
        hold_all = config.hold_all,
        "contactgate ready"
    );
    notify(&[sd_notify::NotifyState::Ready]);
    server::run(listener, pipeline, settings, shutdown).await;
    notify(&[sd_notify::NotifyState::Stopping]);
    store.flush()?;
    info!("stopped");
    Ok(())
}

/// Tells systemd (Type=notify) about our state; a no-op when not run by systemd.
fn notify(state: &[sd_notify::NotifyState<'_>]) {
    if std::env::var_os("NOTIFY_SOCKET").is_some()
        && let Err(e) = sd_notify::notify(false, state)
    {
        warn!(error = %e, "sd_notify failed");
    }
}
