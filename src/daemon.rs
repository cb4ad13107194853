//! `contactgate serve`: wires config, rules, store, outbound, pipeline, scheduler and admin
//! socket to the SMTP server, and owns the process's signals and service-manager notifications.

use std::sync::Arc;
use std::time::Duration;

use tokio::net::TcpListener;
use tokio::signal::unix::{SignalKind, signal};
use tokio::sync::{mpsc, watch};
use tracing::{error, info, warn};

use crate::admin::ops::AdminContext;
use crate::admin::server as admin;
use crate::clock::{Clock, SystemClock};
use crate::config::Config;
use crate::outbound::Outbound;
use crate::pipeline::Pipeline;
use crate::release::Releaser;
use crate::replies::sender::ReplySender;
use crate::rules::{RulesDiff, RulesError};
use crate::ruleset::{LiveRules, RuleSet};
use crate::scheduler::{DigestSettings, Scheduler};
use crate::smtp::server::{self, ServerSettings};
use crate::store::SYSTEM_ACTOR;
use crate::store::{AuditEntry, Store};

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    #[error("cannot listen on {addr}: {source}")]
    Listen {
        addr: std::net::SocketAddr,
        source: std::io::Error,
    },
    #[error("cannot open the admin socket {path}: {source}")]
    AdminSocket {
        path: String,
        source: std::io::Error,
    },
    #[error("cannot install signal handlers: {0}")]
    Signals(std::io::Error),
    /// Said on stderr, the daemon's log: without the rules file's text (so the problems are
    /// not its `source`, which would print them whole).
    #[error("the rules do not load:\n{}", .0.for_log())]
    Rules(RulesError),
    /// sled failed a write and keeps failing until reopened: we stop, and the supervisor
    /// starts us again (the restart recovers the store).
    #[error("the store failed a write (a full disk?); stopped so that a restart reopens it")]
    StoreFailed,
}

impl From<RulesError> for ServeError {
    fn from(e: RulesError) -> ServeError {
        ServeError::Rules(e)
    }
}

/// What tests may change about a running daemon.
pub struct ServeOptions {
    pub clock: Arc<dyn Clock>,
    /// How often the scheduler looks for due work.
    pub scheduler_tick: Duration,
    /// Each message reloads the rules (SIGHUP in the real daemon).
    pub reload: Option<mpsc::Receiver<()>>,
    /// Fault injection for tests: runs on every parsed message inside its analysis.
    pub analysis_hook: Option<crate::pipeline::AnalysisHook>,
}

impl Default for ServeOptions {
    fn default() -> Self {
        ServeOptions {
            clock: Arc::new(SystemClock),
            scheduler_tick: Duration::from_secs(5),
            reload: None,
            analysis_hook: None,
        }
    }
}

/// Runs the daemon until SIGTERM or SIGINT; SIGHUP reloads the rules.
pub async fn serve(config: Config) -> Result<(), ServeError> {
    // Everything the daemon creates is its own: sled's files as well as the spool's (which
    // also set 0600 themselves). Only the admin socket and its directory are opened to
    // `admin_group`, explicitly. Here rather than in `serve_on`, which tests run in-process.
    // SAFETY: umask cannot fail and has no preconditions.
    unsafe { libc::umask(0o077) };
    let listener = TcpListener::bind(config.listen)
        .await
        .map_err(|source| ServeError::Listen {
            addr: config.listen,
            source,
        })?;
    let mut term = signal(SignalKind::terminate()).map_err(ServeError::Signals)?;
    let mut int = signal(SignalKind::interrupt()).map_err(ServeError::Signals)?;
    let mut hup = signal(SignalKind::hangup()).map_err(ServeError::Signals)?;
    let (reload_tx, reload_rx) = mpsc::channel(4);
    tokio::spawn(async move {
        while hup.recv().await.is_some() {
            info!("SIGHUP received: reloading rules");
            if reload_tx.send(()).await.is_err() {
                return;
            }
        }
    });
    let shutdown = async move {
        tokio::select! {
            _ = term.recv() => info!("SIGTERM received"),
            _ = int.recv() => info!("SIGINT received"),
        }
    };
    let options = ServeOptions {
        reload: Some(reload_rx),
        ..ServeOptions::default()
    };
    serve_on(listener, config, options, shutdown).await
}

/// How long start-up waits for another process's lock on the store to go: a restart can begin
/// while the old process is still closing the database.
const STORE_LOCK_WAIT: Duration = Duration::from_secs(10);

/// Opens the store, waiting up to [`STORE_LOCK_WAIT`] for a lock held by a process that is
/// stopping (a second daemon started by mistake still gets the clear "locked" error).
async fn open_store(data_dir: &std::path::Path) -> Result<Store, crate::store::StoreError> {
    let deadline = tokio::time::Instant::now() + STORE_LOCK_WAIT;
    let mut said = false;
    loop {
        match Store::open(data_dir) {
            Err(crate::store::StoreError::Locked(path))
                if tokio::time::Instant::now() < deadline =>
            {
                if !said {
                    warn!(path = %path.display(), "store locked; waiting for the other process to let go");
                    said = true;
                }
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            other => return other,
        }
    }
}

/// Runs the daemon on a bound listener until `shutdown` completes (tests use port 0).
pub async fn serve_on(
    listener: TcpListener,
    config: Config,
    options: ServeOptions,
    shutdown: impl std::future::Future<Output = ()>,
) -> Result<(), ServeError> {
    let rules = RuleSet::load(&config.rules_dir, config.match_settings())?;
    let store = open_store(&config.data_dir).await?;
    store.set_min_free(config.min_free_bytes);
    let outbound = Outbound::new(
        config.downstream,
        &config.hostname,
        config.downstream_timeout,
        config.downstream_connections,
    );
    let shared = Shared {
        store,
        live: Arc::new(LiveRules::new(rules)),
        clock: options.clock.clone(),
    };
    let pipeline = build_pipeline(&config, &options, &shared, &outbound)?;
    if config.replies.from.is_none() {
        warn!("[replies] from is not set: no acknowledgement replies will be sent");
    }
    warn_unknown_alert_categories(&config, &shared.live.current());
    let background = Background::start(&config, &options, &shared, outbound)?;
    if let Some(reload) = options.reload {
        spawn_reloader(reload, &config, &shared);
    }

    let settings = ServerSettings {
        hostname: config.hostname.clone(),
        limits: config.limits.clone(),
        max_connections: config.max_connections,
        grace: config.shutdown_grace,
    };
    announce_ready(&listener, &config, &shared.live);
    let stop = stop_on(shutdown, &shared.store);
    server::run(listener, pipeline, settings, stop).await;
    notify(&[sd_notify::NotifyState::Stopping]);
    background.stop().await;
    let _ = std::fs::remove_file(&config.admin_socket);
    close_store(shared.store).await
}

/// What the daemon's parts share: one store, one set of live rules, one clock.
struct Shared {
    store: Store,
    live: Arc<LiveRules>,
    clock: Arc<dyn Clock>,
}

/// The message path, with the config's settings and the test hooks `options` carries.
fn build_pipeline(
    config: &Config,
    options: &ServeOptions,
    shared: &Shared,
    outbound: &Outbound,
) -> Result<Arc<Pipeline>, ServeError> {
    let mut pipeline = Pipeline::new(
        shared.store.clone(),
        outbound.clone(),
        config.policy_settings(),
        shared.live.clone(),
        shared.clock.clone(),
        config.reply_settings(),
    )?;
    pipeline.analysis_timeout = config.analysis_timeout;
    pipeline.analysis_hook = options.analysis_hook.clone();
    pipeline.history_caps = config.history_caps;
    pipeline.history_scope = config.history_scope;
    pipeline.alerts = config.alerts.clone();
    Ok(Arc::new(pipeline))
}

/// `[alerts] categories` the lexicon does not have would never raise an alert: said at start
/// (the lexicon can change on reload, so it is not refused).
fn warn_unknown_alert_categories(config: &Config, rules: &RuleSet) {
    let Some(alerts) = &config.alerts else {
        return;
    };
    let known = &rules.detector.lexicon().categories;
    for c in &alerts.categories {
        if !known.iter().any(|k| &k.name == c) {
            warn!(category = %c, "[alerts] names a category the lexicon does not have: it raises no alert");
        }
    }
}

/// The tasks that run beside the SMTP server, and the switch that stops them.
struct Background {
    stop: watch::Sender<bool>,
    admin: tokio::task::JoinHandle<()>,
    scheduler: tokio::task::JoinHandle<()>,
    replies: tokio::task::JoinHandle<()>,
}

impl Background {
    /// Binds the admin socket, then starts the admin server, the scheduler and the reply sender.
    /// `outbound` is the downstream relay, which releases use.
    fn start(
        config: &Config,
        options: &ServeOptions,
        shared: &Shared,
        outbound: Outbound,
    ) -> Result<Self, ServeError> {
        let releaser = Arc::new(Releaser {
            store: shared.store.clone(),
            outbound,
            clock: shared.clock.clone(),
        });
        if config.admin_socket.starts_with(&config.data_dir) {
            warn!(
                "admin_socket is inside data_dir, which is 0700: only root and the daemon's user \
                 can use the officer commands; give the socket a directory of its own"
            );
        }
        let admin_listener = admin::bind(&config.admin_socket, config.admin_group.as_deref())
            .map_err(|source| ServeError::AdminSocket {
                path: config.admin_socket.display().to_string(),
                source,
            })?;
        let (stop, stop_rx) = watch::channel(false);
        let admin = tokio::spawn(admin::run(
            admin_listener,
            Arc::new(AdminContext {
                store: shared.store.clone(),
                releaser: releaser.clone(),
                rules: shared.live.clone(),
                clock: shared.clock.clone(),
                stale_days: config.stale_days,
                policy: config.policy_settings(),
                roles: config.roles.clone(),
            }),
            stop_rx.clone(),
        ));
        let scheduler = tokio::spawn(
            Scheduler {
                releaser,
                rules: shared.live.clone(),
                clock: shared.clock.clone(),
                tick: options.scheduler_tick,
                retention: config.retention,
                stale_days: config.stale_days,
                digest: digest_settings(config),
            }
            .run(stop_rx.clone()),
        );
        let replies = tokio::spawn(
            ReplySender {
                store: shared.store.clone(),
                outbound: Outbound::new(
                    config.replies.relay,
                    &config.hostname,
                    config.downstream_timeout,
                    4,
                ),
                clock: shared.clock.clone(),
                tick: options.scheduler_tick,
            }
            .run(stop_rx),
        );
        Ok(Background {
            stop,
            admin,
            scheduler,
            replies,
        })
    }

    /// Tells every task to stop and waits for each.
    async fn stop(self) {
        let _ = self.stop.send(true);
        let _ = self.admin.await;
        let _ = self.scheduler.await;
        let _ = self.replies.await;
    }
}

/// The scheduler's digest settings, if `[digest]` is configured.
fn digest_settings(config: &Config) -> Option<DigestSettings> {
    config.digest.clone().map(|digest| DigestSettings {
        digest,
        from: config
            .replies
            .from
            .clone()
            .unwrap_or_else(|| format!("contactgate@{}", config.hostname)),
        hostname: config.hostname.clone(),
        config_path: config.source.as_ref().map(|p| p.display().to_string()),
        outbound: Outbound::new(
            config.replies.relay,
            &config.hostname,
            config.downstream_timeout,
            2,
        ),
    })
}

/// Reloads the rules each time `reload` fires, until its sender goes.
fn spawn_reloader(mut reload: mpsc::Receiver<()>, config: &Config, shared: &Shared) {
    let (config, live, store, clock) = (
        config.clone(),
        shared.live.clone(),
        shared.store.clone(),
        shared.clock.clone(),
    );
    tokio::spawn(async move {
        while reload.recv().await.is_some() {
            let _ = reload_rules(&config, &live, &store, &*clock).await;
        }
    });
}

/// Logs "contactgate ready" and tells the service manager.
fn announce_ready(listener: &TcpListener, config: &Config, live: &LiveRules) {
    let local = listener
        .local_addr()
        .map_or_else(|_| "?".to_string(), |a| a.to_string());
    info!(
        listen = %local,
        downstream = %config.downstream,
        data_dir = %config.data_dir.display(),
        customers = live.current().restrictions.customers().len(),
        hold_all = config.hold_all,
        "contactgate ready"
    );
    notify(&[sd_notify::NotifyState::Ready]);
}

/// Completes on `shutdown`, or as soon as the store fails a write.
fn stop_on(
    shutdown: impl std::future::Future<Output = ()>,
    store: &Store,
) -> impl std::future::Future<Output = ()> {
    let mut failed = store.failed();
    async move {
        tokio::select! {
            _ = shutdown => {}
            _ = failed.wait_for(|f| *f) => {
                error!("stopping: the store failed a write and must be reopened");
            }
        }
    }
}

/// Closes the store last, once nothing else can write to it.
async fn close_store(store: Store) -> Result<(), ServeError> {
    let failed = *store.failed().borrow();
    let closed = store.shutdown().await;
    if failed {
        // The closing flush fails the same way; the cause is what the operator needs.
        return Err(ServeError::StoreFailed);
    }
    closed?;
    info!("stopped");
    Ok(())
}

/// Reloads the rules, all or nothing: a file with any problem leaves the current rules in force.
pub async fn reload_rules(
    config: &Config,
    live: &LiveRules,
    store: &Store,
    clock: &dyn Clock,
) -> Result<RulesDiff, RulesError> {
    // Parsing a large file takes seconds: keep it off the async workers that carry the mail.
    let (dir, matching) = (config.rules_dir.clone(), config.match_settings());
    let loaded = tokio::task::spawn_blocking(move || RuleSet::load(&dir, matching))
        .await
        .unwrap_or_else(|e| {
            Err(RulesError {
                problems: vec![crate::rules::RulesProblem {
                    location: config.rules_dir.display().to_string(),
                    message: format!(
                        "the reload task failed: {}",
                        crate::unwind::task_failure(&e)
                    ),
                    quotes_file: false,
                }],
            })
        });
    match loaded {
        Err(e) => {
            for p in &e.problems {
                error!(location = %p.location, problem = %p.for_log(), "rules reload failed; the previous rules stay in force");
            }
            Err(e)
        }
        Ok(rules) => {
            let customers = rules.restrictions.customers().len();
            let diff = live.replace(rules);
            info!(customers, changes = %diff, "rules reloaded");
            let mut entry = AuditEntry::new(SYSTEM_ACTOR, "reload", clock.now());
            entry.details.push(format!("{customers} customers; {diff}"));
            if let Err(e) = store.audit(entry).await {
                error!(error = %e, "could not audit the reload");
            }
            Ok(diff)
        }
    }
}

/// Tells systemd (Type=notify) about our state; a no-op when not run by systemd.
fn notify(state: &[sd_notify::NotifyState<'_>]) {
    if std::env::var_os("NOTIFY_SOCKET").is_some()
        && let Err(e) = sd_notify::notify(false, state)
    {
        warn!(error = %e, "sd_notify failed");
    }
}
