//! `kill -9` under concurrent load: every message that got a 250 survives.
//!
//! Runs the real binary. Clients keep sending until the daemon dies; we note which messages
//! got a 250, restart the daemon on the same data directory, and check that each of them reached
//! the downstream (deliver mode) or is in the held store (hold mode).

mod common;

use std::net::SocketAddr;
use std::path::Path;
use std::process::Child;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::*;
use contactgate::store::Store;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

fn write_config(
    dir: &Path,
    listen: SocketAddr,
    downstream: SocketAddr,
    hold_all: bool,
) -> std::path::PathBuf {
    let path = dir.join("contactgate.toml");
    std::fs::write(
        &path,
        format!(
            "listen = \"{listen}\"\ndownstream = \"{downstream}\"\ndata_dir = \"{}\"\nadmin_socket = \"{}\"\nhold_all = {hold_all}\nhostname = \"gate.test\"\n",
            dir.join("data").display(),
            dir.join("admin.sock").display(),
        ),
    )
    .unwrap();
    path
}

/// Sends messages in a loop until the connection breaks; records subjects that got a 250.
async fn client_loop(addr: SocketAddr, worker: usize, acked: Arc<Mutex<Vec<String>>>) {
    let Ok(stream) = TcpStream::connect(addr).await else {
        return;
    };
    let (r, mut w) = stream.into_split();
    let mut r = BufReader::new(r);
    let mut line = String::new();
    let mut read_reply = async |r: &mut BufReader<_>| -> Option<String> {
        loop {
            line.clear();
            if r.read_line(&mut line).await.ok()? == 0 {
                return None;
            }
            if line.as_bytes().get(3) == Some(&b' ') {
                return Some(line.clone());
            }
        }
    };
    read_reply(&mut r).await;
    if w.write_all(b"EHLO crash\r\n").await.is_err() || read_reply(&mut r).await.is_none() {
        return;
    }
    for n in 0.. {
        let subject = format!("crash-{worker}-{n}");
        let body = format!(
            "MAIL FROM:<s{worker}@mail.example>\r\nRCPT TO:<x@council.example>\r\nDATA\r\n"
        );
        if w.write_all(body.as_bytes()).await.is_err() {
            return;
        }
        for _ in 0..3 {
            match read_reply(&mut r).await {
                Some(l) if l.starts_with('2') || l.starts_with('3') => {}
                _ => return,
            }
        }
        let msg = format!(
            "Subject: {subject}\r\n\r\n{}\r\n.\r\n",
            "payload ".repeat(500)
        );
        if w.write_all(msg.as_bytes()).await.is_err() {
            return;
        }
        match read_reply(&mut r).await {
            Some(l) if l.starts_with("250") => acked.lock().unwrap().push(subject),
            Some(_) => {}
            None => return,
        }
    }
}

async fn load_then_kill(listen: SocketAddr, mut child: Child) -> Vec<String> {
    let acked = Arc::new(Mutex::new(Vec::new()));
    let workers: Vec<_> = (0..8)
        .map(|w| tokio::spawn(client_loop(listen, w, acked.clone())))
        .collect();
    // Let load build up, then kill without warning.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    for w in workers {
        let _ = tokio::time::timeout(Duration::from_secs(10), w).await;
    }
    let acked = acked.lock().unwrap().clone();
    assert!(
        acked.len() > 20,
        "too little load before the kill: {}",
        acked.len()
    );
    acked
}

fn subject_of(data: &[u8]) -> String {
    let text = String::from_utf8_lossy(data);
    text.lines()
        .find_map(|l| l.strip_prefix("Subject: "))
        .unwrap_or_default()
        .to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kill_9_while_delivering_loses_nothing_acknowledged() {
    let sink = Sink::start().await;
    let dir = tempfile::tempdir().unwrap();
    let listen = free_port();
    let config = write_config(dir.path(), listen, sink.addr, false);
    let child = start_binary(&config, listen);
    let acked = load_then_kill(listen, child).await;
    let delivered: Vec<String> = sink
        .received()
        .iter()
        .map(|m| subject_of(&m.data))
        .collect();
    let missing: Vec<_> = acked.iter().filter(|s| !delivered.contains(s)).collect();
    assert!(
        missing.is_empty(),
        "acknowledged but not delivered: {missing:?}"
    );
    // The daemon comes back on the same data directory and works.
    let mut child = start_binary(&config, listen);
    let mut c = Client::connect(listen).await;
    c.cmd("EHLO p").await;
    let r = c
        .send_message(
            "a@mail.example",
            &["x@council.example"],
            b"Subject: after\r\n\r\nx\r\n",
        )
        .await;
    assert!(r.starts_with("250"), "{r}");
    child.kill().unwrap();
    child.wait().unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kill_9_while_holding_loses_nothing_acknowledged() {
    let sink = Sink::start().await;
    let dir = tempfile::tempdir().unwrap();
    let listen = free_port();
    let config = write_config(dir.path(), listen, sink.addr, true);
    let child = start_binary(&config, listen);
    let acked = load_then_kill(listen, child).await;
    // The process is dead, so its lock is gone: open the store here.
    let store = Store::open(&dir.path().join("data")).unwrap();
    let held = store.held().unwrap();
    let mut held_subjects = Vec::new();
    for h in &held {
        let body = store.held_body(&h.id).unwrap();
        assert_eq!(body.len() as u64, h.size, "body of {} is complete", h.id);
        held_subjects.push(subject_of(&body));
    }
    let missing: Vec<_> = acked
        .iter()
        .filter(|s| !held_subjects.contains(s))
        .collect();
    assert!(missing.is_empty(), "acknowledged but not held: {missing:?}");
    assert!(sink.received().is_empty());
}
