//! Shared test harness: a recording SMTP sink standing in for Postfix's reinjection port, the
//! real daemon on port 0, and a raw-bytes SMTP client.
#![allow(dead_code)]

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use contactgate::config::Config;
use contactgate::daemon::ServeOptions;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

/// A customer under `new_information_only` (case CR-NIO, repeat@mail.example), for tests of
/// the filed repeats: their reply, the digest, the officer's review.
pub const REPEAT_CUSTOMER: &str = r#"
[[customer]]
id = "CR-NIO"
name = "Ms R Repeat"
addresses = ["repeat@mail.example"]
  [[customer.restriction]]
  kind = "new_information_only"
  decided_by = "Head of Customer Services"
  decided_on = 2026-03-01
  reasons = "The same complaint many times."
"#;

/// One message as the sink stored it.
#[derive(Debug, Clone)]
pub struct Received {
    pub sender: String,
    pub recipients: Vec<String>,
    pub data: Vec<u8>,
}

/// How the sink answers.
#[derive(Default)]
pub struct SinkRules {
    /// Reply lines for RCPT, by recipient address (default 250).
    pub rcpt: HashMap<String, String>,
    /// Reply line for the end of DATA (default 250).
    pub data: Option<String>,
    /// Store the message, then wait this long before answering 250 (a downstream that accepted
    /// but whose answer is slow to arrive).
    pub reply_delay: Option<Duration>,
}

/// A recording SMTP server. It reads DATA the way Postfix does: any LF ends a line, a line
/// that is just "." ends the data, and a leading dot is removed.
pub struct Sink {
    pub addr: SocketAddr,
    pub messages: Arc<Mutex<Vec<Received>>>,
    pub rules: Arc<Mutex<SinkRules>>,
    /// Sessions open now.
    pub open: Arc<std::sync::atomic::AtomicUsize>,
    task: JoinHandle<()>,
}

impl Sink {
    pub async fn start() -> Sink {
        Self::start_on("127.0.0.1:0").await
    }

    pub async fn start_on(addr: &str) -> Sink {
        let listener = TcpListener::bind(addr).await.unwrap();
        let addr = listener.local_addr().unwrap();
        let messages = Arc::new(Mutex::new(Vec::new()));
        let rules = Arc::new(Mutex::new(SinkRules::default()));
        let open = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let task = accept_loop(listener, messages.clone(), rules.clone(), open.clone());
        Sink {
            addr,
            messages,
            rules,
            open,
            task,
        }
    }

    pub fn received(&self) -> Vec<Received> {
        self.messages.lock().unwrap().clone()
    }

    /// Waits until at least `n` messages arrived.
    pub async fn wait_for(&self, n: usize) -> Vec<Received> {
        for _ in 0..500 {
            let got = self.received();
            if got.len() >= n {
                return got;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        panic!("sink got {} messages, wanted {n}", self.received().len());
    }

    pub fn stop(self) {
        self.task.abort();
    }

    /// Stops (closing every session) and starts again on the same address, with the same
    /// record of messages and rules: a downstream MTA restarted.
    pub async fn restart(mut self) -> Sink {
        self.task.abort();
        let _ = (&mut self.task).await;
        let listener = loop {
            match TcpListener::bind(self.addr).await {
                Ok(l) => break l,
                Err(_) => tokio::time::sleep(Duration::from_millis(10)).await,
            }
        };
        self.open.store(0, std::sync::atomic::Ordering::SeqCst);
        self.task = accept_loop(
            listener,
            self.messages.clone(),
            self.rules.clone(),
            self.open.clone(),
        );
        self
    }
}

/// The sink's accept loop. Sessions die with it (aborting it drops their set), as an MTA's
/// connections do when it stops.
fn accept_loop(
    listener: TcpListener,
    m: Arc<Mutex<Vec<Received>>>,
    r: Arc<Mutex<SinkRules>>,
    open: Arc<std::sync::atomic::AtomicUsize>,
) -> JoinHandle<()> {
    use std::sync::atomic::Ordering::SeqCst;
    tokio::spawn(async move {
        let mut sessions = tokio::task::JoinSet::new();
        loop {
            let Ok((stream, _)) = listener.accept().await else {
                return;
            };
            let (m, r, open) = (m.clone(), r.clone(), open.clone());
            open.fetch_add(1, SeqCst);
            sessions.spawn(async move {
                let _ = sink_session(stream, m, r).await;
                open.fetch_sub(1, SeqCst);
            });
            while sessions.try_join_next().is_some() {}
        }
    })
}

async fn sink_session(
    stream: TcpStream,
    messages: Arc<Mutex<Vec<Received>>>,
    rules: Arc<Mutex<SinkRules>>,
) -> std::io::Result<()> {
    let (r, mut w) = stream.into_split();
    let mut r = BufReader::new(r);
    w.write_all(b"220 sink ESMTP\r\n").await?;
    let (mut sender, mut rcpts) = (String::new(), Vec::new());
    let mut line = Vec::new();
    loop {
        line.clear();
        if r.read_until(b'\n', &mut line).await? == 0 {
            return Ok(());
        }
        let text = String::from_utf8_lossy(&line).trim_end().to_string();
        let upper = text.to_ascii_uppercase();
        let reply: String = if upper.starts_with("EHLO") {
            "250-sink\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 SIZE 104857600".into()
        } else if upper.starts_with("HELO") || upper.starts_with("NOOP") {
            "250 ok".into()
        } else if upper.starts_with("MAIL FROM:") {
            sender = angle(&text);
            rcpts.clear();
            "250 ok".into()
        } else if upper.starts_with("RCPT TO:") {
            let a = angle(&text);
            let custom = rules.lock().unwrap().rcpt.get(&a).cloned();
            match custom {
                Some(reply) => reply,
                None => {
                    rcpts.push(a);
                    "250 ok".into()
                }
            }
        } else if upper == "DATA" {
            if rcpts.is_empty() {
                "554 no valid recipients".into()
            } else {
                w.write_all(b"354 go\r\n").await?;
                let data = read_data_postfix_style(&mut r).await?;
                let (custom, delay) = {
                    let r = rules.lock().unwrap();
                    (r.data.clone(), r.reply_delay)
                };
                match custom {
                    Some(reply) => reply,
                    None => {
                        messages.lock().unwrap().push(Received {
                            sender: sender.clone(),
                            recipients: std::mem::take(&mut rcpts),
                            data,
                        });
                        if let Some(d) = delay {
                            tokio::time::sleep(d).await;
                        }
                        "250 2.0.0 queued".into()
                    }
                }
            }
        } else if upper == "RSET" {
            rcpts.clear();
            "250 ok".into()
        } else if upper == "QUIT" {
            w.write_all(b"221 bye\r\n").await?;
            return Ok(());
        } else {
            "502 unknown".into()
        };
        w.write_all(format!("{reply}\r\n").as_bytes()).await?;
    }
}

async fn read_data_postfix_style<R: tokio::io::AsyncBufRead + Unpin>(
    r: &mut R,
) -> std::io::Result<Vec<u8>> {
    let mut data = Vec::new();
    let mut line = Vec::new();
    loop {
        line.clear();
        if r.read_until(b'\n', &mut line).await? == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        if line == b".\r\n" || line == b".\n" {
            return Ok(data);
        }
        let l = if line.first() == Some(&b'.') {
            &line[1..]
        } else {
            &line[..]
        };
        data.extend_from_slice(l);
    }
}

fn angle(line: &str) -> String {
    let start = line.find('<').map_or(0, |i| i + 1);
    let end = line[start..].find('>').map_or(line.len(), |i| start + i);
    line[start..end].to_string()
}

/// The daemon, in-process on port 0.
pub struct Daemon {
    pub addr: SocketAddr,
    pub config: Config,
    stop: Option<oneshot::Sender<()>>,
    task: JoinHandle<()>,
}

/// A config for tests: downstream at `downstream`, everything else under `dir` (data, admin
/// socket, and a rules directory with an empty restrictions file).
pub fn test_config(downstream: SocketAddr, dir: &Path) -> Config {
    test_config_with_rules(downstream, dir, "")
}

/// Like [`test_config`], with `restrictions` as the rules file.
pub fn test_config_with_rules(downstream: SocketAddr, dir: &Path, restrictions: &str) -> Config {
    let rules = dir.join("rules");
    std::fs::create_dir_all(&rules).unwrap();
    std::fs::write(rules.join("restrictions.toml"), restrictions).unwrap();
    let text = format!(
        "downstream = \"{downstream}\"\ndata_dir = \"{}\"\nrules_dir = \"{}\"\nadmin_socket = \"{}\"\nhostname = \"gate.test\"\ndownstream_timeout_secs = 5\nshutdown_grace_secs = 5\n",
        dir.join("data").display(),
        rules.display(),
        dir.join("admin.sock").display(),
    );
    // The same settings on disk, for the CLI (`--config DIR/contactgate.toml`).
    std::fs::write(dir.join("contactgate.toml"), &text).unwrap();
    let mut c = Config::parse(&text, None).unwrap();
    c.listen = "127.0.0.1:0".parse().unwrap();
    c
}

impl Daemon {
    pub async fn start(config: Config) -> Daemon {
        Self::start_with(config, ServeOptions::default()).await
    }

    /// Starts with an injected clock and a fast scheduler.
    pub async fn start_with(config: Config, mut options: ServeOptions) -> Daemon {
        options.scheduler_tick = Duration::from_millis(20);
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let (tx, rx) = oneshot::channel();
        let c = config.clone();
        let task = tokio::spawn(async move {
            contactgate::daemon::serve_on(listener, c, options, async {
                let _ = rx.await;
            })
            .await
            .unwrap();
        });
        // Ready when it greets: the accept loop starts after the store, rules and admin
        // socket are set up.
        let mut ready = false;
        for _ in 0..500 {
            if let Ok(stream) = TcpStream::connect(addr).await {
                let mut line = String::new();
                let mut r = BufReader::new(stream);
                if r.read_line(&mut line).await.is_ok() && line.starts_with("220 ") {
                    ready = true;
                    break;
                }
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        assert!(ready, "daemon did not greet");
        Daemon {
            addr,
            config,
            stop: Some(tx),
            task,
        }
    }

    /// Starts with a [`ManualClock`] set to `start`; returns the clock to move time.
    pub async fn start_at(
        config: Config,
        start: time::OffsetDateTime,
    ) -> (Daemon, std::sync::Arc<contactgate::clock::ManualClock>) {
        let clock = std::sync::Arc::new(contactgate::clock::ManualClock::new(start));
        let options = ServeOptions {
            clock: clock.clone(),
            ..ServeOptions::default()
        };
        (Self::start_with(config, options).await, clock)
    }

    /// Asks for a graceful shutdown and waits for it.
    pub async fn stop(mut self) {
        if let Some(tx) = self.stop.take() {
            let _ = tx.send(());
        }
        tokio::time::timeout(Duration::from_secs(20), &mut self.task)
            .await
            .expect("daemon did not stop")
            .unwrap();
    }
}

/// A raw SMTP client: bytes in, replies out.
pub struct Client {
    stream: BufReader<TcpStream>,
}

impl Client {
    pub async fn connect(addr: SocketAddr) -> Client {
        let stream = TcpStream::connect(addr).await.unwrap();
        let mut c = Client {
            stream: BufReader::new(stream),
        };
        let greeting = c.reply().await;
        assert!(greeting.starts_with("220 "), "{greeting}");
        c
    }

    /// Reads one (possibly multi-line) reply; returns it joined with `\n`.
    pub async fn reply(&mut self) -> String {
        let mut all = String::new();
        loop {
            let mut line = String::new();
            let n = tokio::time::timeout(Duration::from_secs(30), self.stream.read_line(&mut line))
                .await
                .expect("reply timed out")
                .unwrap();
            if n == 0 {
                return all + "<EOF>";
            }
            let done = line.as_bytes().get(3) != Some(&b'-');
            all.push_str(line.trim_end());
            if done {
                return all;
            }
            all.push('\n');
        }
    }

    pub async fn send_raw(&mut self, bytes: &[u8]) {
        self.stream.get_mut().write_all(bytes).await.unwrap();
    }

    /// Sends a command line and returns the reply.
    pub async fn cmd(&mut self, line: &str) -> String {
        self.send_raw(format!("{line}\r\n").as_bytes()).await;
        self.reply().await
    }

    /// A whole transaction; returns the reply to the end of DATA.
    pub async fn send_message(&mut self, from: &str, to: &[&str], message: &[u8]) -> String {
        let r = self.cmd(&format!("MAIL FROM:<{from}>")).await;
        assert!(r.starts_with("250"), "MAIL: {r}");
        for t in to {
            let r = self.cmd(&format!("RCPT TO:<{t}>")).await;
            assert!(r.starts_with("250"), "RCPT: {r}");
        }
        let r = self.cmd("DATA").await;
        assert!(r.starts_with("354"), "DATA: {r}");
        self.send_raw(&dot_stuff(message)).await;
        self.reply().await
    }

    /// Reads until the server closes; returns what it sent.
    pub async fn read_to_end(&mut self) -> String {
        let mut s = String::new();
        let _ =
            tokio::time::timeout(Duration::from_secs(30), self.stream.read_to_string(&mut s)).await;
        s
    }
}

/// RFC 5321 transparency for a message meant to be received exactly as `message` + CRLF if
/// it lacks a final CRLF: a dot at the start and after each CRLF is doubled, then the
/// terminator.
pub fn dot_stuff(message: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(message.len() + 8);
    let mut at_line_start = true;
    let mut prev = 0u8;
    for &b in message {
        if at_line_start && b == b'.' {
            out.push(b'.');
        }
        out.push(b);
        at_line_start = b == b'\n' && prev == b'\r';
        prev = b;
    }
    if !message.ends_with(b"\r\n") {
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(b".\r\n");
    out
}

/// What the daemon is expected to have received for `message` sent with [`dot_stuff`].
pub fn as_received(message: &[u8]) -> Vec<u8> {
    let mut m = message.to_vec();
    if !m.ends_with(b"\r\n") {
        m.extend_from_slice(b"\r\n");
    }
    m
}

/// Splits off the header fields contactgate prepended (`X-Contactgate...`), returning them and
/// the rest.
pub fn strip_prepended(data: &[u8]) -> (Vec<String>, &[u8]) {
    let mut rest = data;
    let mut fields = Vec::new();
    while rest.starts_with(b"X-Contactgate") {
        let end = rest.windows(2).position(|w| w == b"\r\n").unwrap() + 2;
        fields.push(String::from_utf8_lossy(&rest[..end - 2]).into_owned());
        rest = &rest[end..];
    }
    (fields, rest)
}

/// Runs the real CLI binary with `args`; returns (success, stdout, stderr).
pub fn cli(args: &[&str]) -> (bool, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_contactgate"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Runs the CLI with `--config dir/contactgate.toml`, off the async runtime (the daemon it asks
/// may be running on this test's runtime).
pub async fn cli_in(dir: &Path, args: &[&str]) -> (bool, String, String) {
    let mut all: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    all.extend([
        "--config".to_string(),
        dir.join("contactgate.toml").display().to_string(),
    ]);
    tokio::task::spawn_blocking(move || {
        let refs: Vec<&str> = all.iter().map(String::as_str).collect();
        cli(&refs)
    })
    .await
    .unwrap()
}

/// [`cli_in`] for a command that prints JSON; fails the test if the command fails.
pub async fn cli_json(dir: &Path, args: &[&str]) -> serde_json::Value {
    let (ok, out, err) = cli_in(dir, args).await;
    assert!(ok, "{args:?} failed: {err}");
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"))
}

/// `audit --json` against the daemon whose config is `dir/contactgate.toml`.
pub fn audit_json(dir: &Path) -> Vec<serde_json::Value> {
    let config = dir.join("contactgate.toml");
    let (ok, out, err) = cli(&["audit", "--json", "--config", config.to_str().unwrap()]);
    assert!(ok, "audit failed: {err}");
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"))
}

/// `held list --json` against the daemon whose config is `dir/contactgate.toml`.
pub fn held_list_json(dir: &Path, extra: &[&str]) -> Vec<serde_json::Value> {
    let config = dir.join("contactgate.toml");
    let mut args = vec![
        "held",
        "list",
        "--json",
        "--config",
        config.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let (ok, out, err) = cli(&args);
    assert!(ok, "held list failed: {err}");
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"))
}

pub fn free_port() -> SocketAddr {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
}

/// Runs `serve` with `config` to the end (a daemon that refuses to start); returns whether it
/// succeeded and its standard error.
pub fn serve_to_end(config: &Path) -> (bool, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_contactgate"))
        .args(["serve", "--config"])
        .arg(config)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Starts the real binary with `config` and waits until it listens on `listen`.
pub fn start_binary(config: &Path, listen: SocketAddr) -> std::process::Child {
    start_binary_logging(config, listen, std::process::Stdio::null())
}

/// Like [`start_binary`], sending the daemon's log to `stderr`.
pub fn start_binary_logging(
    config: &Path,
    listen: SocketAddr,
    stderr: impl Into<std::process::Stdio>,
) -> std::process::Child {
    start_binary_with(config, listen, stderr, &[])
}

/// Like [`start_binary_logging`], with extra environment variables (`CONTACTGATE_LOG`).
pub fn start_binary_with(
    config: &Path,
    listen: SocketAddr,
    stderr: impl Into<std::process::Stdio>,
    env: &[(&str, &str)],
) -> std::process::Child {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_contactgate"))
        .args(["serve", "--config"])
        .arg(config)
        .envs(env.iter().copied())
        .stdout(std::process::Stdio::null())
        .stderr(stderr)
        .spawn()
        .unwrap();
    // The greeting comes from the accept loop, which starts once the store, rules and admin
    // socket are ready; a bare TCP connect could land in the backlog before that.
    for _ in 0..500 {
        if let Ok(s) = std::net::TcpStream::connect(listen) {
            use std::io::BufRead;
            s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
            let mut line = String::new();
            if std::io::BufReader::new(s).read_line(&mut line).is_ok() && line.starts_with("220 ") {
                return child;
            }
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let _ = child.kill();
    let _ = child.wait();
    panic!("daemon did not start listening on {listen}");
}

/// Waits until the log file says `needle` `occurrences` times; returns its text.
pub async fn wait_for_log(log: &Path, needle: &str, occurrences: usize) -> String {
    for _ in 0..1500 {
        let text = std::fs::read_to_string(log).unwrap_or_default();
        if text.matches(needle).count() >= occurrences {
            return text;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!(
        "log never said {needle:?} {occurrences} times:\n{}",
        std::fs::read_to_string(log).unwrap_or_default()
    );
}

/// The value of the first header field `name` (exact case) in a message's header section.
pub fn header<'a>(data: &'a [u8], name: &str) -> Option<&'a str> {
    let text = std::str::from_utf8(data).ok()?;
    text.split("\r\n\r\n")
        .next()?
        .lines()
        .find_map(|l| l.strip_prefix(name)?.strip_prefix(": "))
}

/// Copies the shipped abuse lexicon into `dir/rules/lexicon`, so tests flag as production does.
pub fn copy_lexicon(dir: &Path) {
    let lexicon = dir.join("rules/lexicon");
    std::fs::create_dir_all(&lexicon).unwrap();
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/lexicon");
    for entry in std::fs::read_dir(shipped).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            std::fs::copy(&path, lexicon.join(path.file_name().unwrap())).unwrap();
        }
    }
}

/// Copies the shipped reply templates into `dir/rules/templates`.
pub fn copy_templates(dir: &Path) {
    let to = dir.join("rules/templates");
    std::fs::create_dir_all(&to).unwrap();
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/templates");
    for e in std::fs::read_dir(from).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, to.join(p.file_name().unwrap())).unwrap();
    }
}

/// Opens a stopped daemon's store, waiting for its last handle to go (sled's lock is released
/// when the last blocking task holding a handle ends, a moment after the daemon stops).
pub async fn reopen(path: &Path) -> contactgate::store::Store {
    for _ in 0..200 {
        if let Ok(s) = contactgate::store::Store::open(path) {
            return s;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("store stayed locked");
}
