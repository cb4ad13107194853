//! Hundreds of real messages that nobody here wrote (tests/corpus, see SOURCES.md) relay
//! byte-preserved: over raw SMTP exactly as shipped, and from Python's smtplib as an MTA would
//! send them (CRLF line ends).
//!
//! Bare LF is data, not a line end, on the way in (RFC 5321; this is also what stops SMTP
//! smuggling), so the raw run sends each file's bytes unchanged and expects them back unchanged.

mod common;

use std::path::{Path, PathBuf};

use common::*;

fn corpus() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "eml") {
                out.push(p);
            }
        }
    }
    let mut out = Vec::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus"),
        &mut out,
    );
    out.sort();
    assert!(out.len() >= 200, "corpus has only {} messages", out.len());
    out
}

fn crlf(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() + bytes.len() / 20);
    let mut prev = 0u8;
    for &b in bytes {
        if b == b'\n' && prev != b'\r' {
            out.push(b'\r');
        }
        out.push(b);
        prev = b;
    }
    out
}

fn compare(files: &[PathBuf], got: &[Received], expected: impl Fn(&[u8]) -> Vec<u8>) {
    assert_eq!(got.len(), files.len());
    let mut bad = Vec::new();
    for (file, r) in files.iter().zip(got) {
        let (fields, rest) = strip_prepended(&r.data);
        let want = expected(&std::fs::read(file).unwrap());
        if fields.len() != 1 || rest != want.as_slice() {
            bad.push(file.display().to_string());
        }
    }
    assert!(
        bad.is_empty(),
        "{} messages changed in transit: {bad:#?}",
        bad.len()
    );
}

#[tokio::test]
async fn corpus_relays_byte_for_byte_over_raw_smtp() {
    let files = corpus();
    let sink = Sink::start().await;
    let dir = tempfile::tempdir().unwrap();
    let daemon = Daemon::start(test_config(sink.addr, dir.path())).await;
    let mut c = Client::connect(daemon.addr).await;
    c.cmd("EHLO corpus").await;
    for f in &files {
        let bytes = std::fs::read(f).unwrap();
        let r = c
            .send_message("sender@mail.example", &["officer@council.example"], &bytes)
            .await;
        assert!(r.starts_with("250"), "{}: {r}", f.display());
    }
    compare(&files, &sink.received(), as_received);
    daemon.stop().await;
}

#[tokio::test]
async fn corpus_relays_byte_for_byte_from_python_smtplib() {
    let files = corpus();
    let sink = Sink::start().await;
    let dir = tempfile::tempdir().unwrap();
    let daemon = Daemon::start(test_config(sink.addr, dir.path())).await;
    let script = r#"
import re, smtplib, sys
port = int(sys.argv[1])
with smtplib.SMTP("127.0.0.1", port) as s:
    s.ehlo("smtplib.test")
    for path in sys.argv[2:]:
        data = re.sub(rb"\r?\n", b"\r\n", open(path, "rb").read())
        s.sendmail("sender@mail.example", ["officer@council.example"], data)
print("sent", len(sys.argv) - 2)
"#;
    let port = daemon.addr.port().to_string();
    let args: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    let out = tokio::task::spawn_blocking(move || {
        std::process::Command::new("python3")
            .arg("-c")
            .arg(script)
            .arg(port)
            .args(args)
            .output()
            .expect("python3 runs")
    })
    .await
    .unwrap();
    assert!(
        out.status.success(),
        "smtplib client failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    compare(&files, &sink.received(), |b| as_received(&crlf(b)));
    daemon.stop().await;
}
