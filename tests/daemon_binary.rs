//! The real binary: filed mail survives `kill -9` (in files only the daemon can read), and
//! SIGHUP reloads the rules all or nothing.

mod common;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use common::*;

const LETTER_ONLY: &str = r#"
[[customer]]
id = "CR-X"
name = "Mr X"
addresses = ["x@mail.example"]
  [[customer.restriction]]
  kind = "letter_only"
  decided_by = "Head of Customer Services"
  decided_on = 2026-03-01
  reasons = "Abusive emails."
  postal_address = "County Hall"
"#;

/// Writes a config for the binary under `dir`; returns its path.
fn binary_config(dir: &Path, listen: SocketAddr, downstream: SocketAddr, rules: &str) -> PathBuf {
    std::fs::create_dir_all(dir.join("rules")).unwrap();
    std::fs::write(dir.join("rules/restrictions.toml"), rules).unwrap();
    let path = dir.join("contactgate.toml");
    std::fs::write(
        &path,
        format!(
            "listen = \"{listen}\"\ndownstream = \"{downstream}\"\ndata_dir = \"{d}/data\"\nrules_dir = \"{d}/rules\"\nadmin_socket = \"{d}/admin.sock\"\n",
            d = dir.display()
        ),
    )
    .unwrap();
    path
}

async fn send(listen: SocketAddr, from: &str) -> String {
    let mut c = Client::connect(listen).await;
    c.cmd("EHLO p").await;
    c.send_message(
        from,
        &["planning@council.example"],
        format!("From: {from}\r\nSubject: s\r\n\r\nx\r\n").as_bytes(),
    )
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn filed_mail_survives_kill_9_and_restart() {
    let sink = Sink::start().await;
    let dir = tempfile::tempdir().unwrap();
    let listen = free_port();
    let config = binary_config(dir.path(), listen, sink.addr, LETTER_ONLY);
    let mut child = start_binary(&config, listen);
    let r = send(listen, "x@mail.example").await;
    assert!(r.ends_with("filed"), "{r}");
    child.kill().unwrap(); // SIGKILL, straight after the 250
    child.wait().unwrap();
    let mut child = start_binary(&config, listen);
    let d = dir.path().to_path_buf();
    let list = tokio::task::spawn_blocking(move || held_list_json(&d, &[]))
        .await
        .unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["action"], "file");
    assert!(sink.received().is_empty());
    child.kill().unwrap();
    child.wait().unwrap();
    // Nothing the daemon wrote, sled's files included, is open to its group or others.
    assert_private(&dir.path().join("data"));
}

/// Fails unless `path` and everything under it has no group or other permission bits.
fn assert_private(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::symlink_metadata(path)
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o077, 0, "{} is {:o}", path.display(), mode & 0o777);
    if std::fs::symlink_metadata(path).unwrap().is_dir() {
        for entry in std::fs::read_dir(path).unwrap() {
            assert_private(&entry.unwrap().path());
        }
    }
}

fn sighup(child: &std::process::Child) {
    // SAFETY: kill(2) on our own child's pid.
    assert_eq!(unsafe { libc::kill(child.id() as i32, libc::SIGHUP) }, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sighup_reloads_good_rules_and_keeps_the_old_ones_on_error() {
    let sink = Sink::start().await;
    let dir = tempfile::tempdir().unwrap();
    let listen = free_port();
    let config = binary_config(dir.path(), listen, sink.addr, "");
    let log = dir.path().join("daemon.log");
    let mut child = start_binary_logging(&config, listen, std::fs::File::create(&log).unwrap());
    assert!(send(listen, "x@mail.example").await.ends_with("delivered"));

    // A good file: the new customer is enforced and the change is logged.
    std::fs::write(dir.path().join("rules/restrictions.toml"), LETTER_ONLY).unwrap();
    sighup(&child);
    let text = wait_for_log(&log, "rules reloaded", 1).await;
    assert!(text.contains("added CR-X"), "{text}");
    assert!(send(listen, "x@mail.example").await.ends_with("filed"));

    // A bad file (no decided_by): the old rules stay, and the log names file and line.
    let bad = LETTER_ONLY.replace("  decided_by = \"Head of Customer Services\"\n", "");
    std::fs::write(dir.path().join("rules/restrictions.toml"), &bad).unwrap();
    sighup(&child);
    let text = wait_for_log(&log, "rules reload failed", 1).await;
    let location = format!(
        "{}:6:3",
        dir.path().join("rules/restrictions.toml").display()
    );
    assert!(text.contains(&location), "wanted {location} in:\n{text}");
    assert!(text.contains("missing `decided_by`"), "{text}");
    assert!(
        send(listen, "x@mail.example").await.ends_with("filed"),
        "old rules still enforced"
    );

    // SAFETY: as above.
    assert_eq!(unsafe { libc::kill(child.id() as i32, libc::SIGTERM) }, 0);
    assert!(child.wait().unwrap().success());
    let store = contactgate::store::Store::open(&dir.path().join("data")).unwrap();
    let reloads: Vec<_> = store
        .audit_since(None)
        .unwrap()
        .into_iter()
        .filter(|e| e.event == "reload")
        .collect();
    assert_eq!(reloads.len(), 1, "only the good reload took effect");
    assert!(reloads[0].details[0].contains("added CR-X"));
}

#[test]
fn bad_rules_stop_the_daemon_from_starting_with_a_location() {
    let dir = tempfile::tempdir().unwrap();
    let config = binary_config(
        dir.path(),
        free_port(),
        free_port(),
        "[[customer]]\nid = \"A\"\n",
    );
    let (ok, _, err) = cli(&["check-config", "--config", config.to_str().unwrap()]);
    assert!(!ok);
    assert!(
        err.contains("restrictions.toml:1:1: missing `name`"),
        "{err}"
    );
    let (ok, err) = serve_to_end(&config);
    assert!(!ok);
    assert!(err.contains("missing `name`"), "{err}");
}
