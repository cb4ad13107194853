//! The real binary: check-config, SIGTERM handling and systemd readiness.

use std::io::{BufRead, BufReader, Write};
use std::os::unix::net::UnixDatagram;
use std::process::{Command, Stdio};
use std::time::Duration;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_contactgate"))
}

#[test]
fn check_config_accepts_the_example_and_the_defaults() {
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/config/contactgate.toml");
    let out = bin()
        .args(["check-config", "--config", example])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = bin().arg("check-config").output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("embedded defaults"));
}

#[test]
fn check_config_names_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.toml");
    std::fs::write(
        &path,
        "listen = \"127.0.0.1:10025\"\n\ndownstrem = \"127.0.0.1:10026\"\n",
    )
    .unwrap();
    let out = bin()
        .args(["check-config", "--config"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&format!("{}:3:1:", path.display())), "{err}");
    assert!(err.contains("did you mean `downstream`?"), "{err}");
}

/// `decided_on = 9999-06-01` with no `review_on` panicked while the rules loaded: exit 101
/// from `check-config`, and a daemon that crash-looped at start.
#[test]
fn regression_check_config_far_future_decided_on_is_an_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules");
    std::fs::create_dir_all(&rules).unwrap();
    std::fs::write(
        rules.join("restrictions.toml"),
        "[[customer]]\nid = \"C1\"\nname = \"N\"\naddresses = [\"c@x.example\"]\n\
         [[customer.restriction]]\nkind = \"letter_only\"\npostal_address = \"County Hall\"\n\
         decided_by = \"H\"\ndecided_on = 9999-06-01\nreasons = \"r\"\n",
    )
    .unwrap();
    let config = dir.path().join("c.toml");
    std::fs::write(
        &config,
        format!(
            "rules_dir = \"{}\"\ndata_dir = \"{}\"\n",
            rules.display(),
            dir.path().join("data").display()
        ),
    )
    .unwrap();
    let out = bin()
        .args(["check-config", "--config"])
        .arg(&config)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_ne!(out.status.code(), Some(101), "panicked: {err}");
    assert!(!out.status.success(), "{err}");
    assert!(out.status.code().is_some(), "killed by a signal: {err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(
        err.contains(&format!(
            "{}:9:14:",
            rules.join("restrictions.toml").display()
        )),
        "{err}"
    );
    assert!(err.contains("decided_on"), "{err}");
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

#[test]
fn sigterm_says_421_to_idle_clients_and_exits_cleanly_after_notifying_systemd() {
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let config = dir.path().join("c.toml");
    std::fs::write(
        &config,
        format!(
            "listen = \"127.0.0.1:{port}\"\ndownstream = \"127.0.0.1:{}\"\ndata_dir = \"{}\"\nadmin_socket = \"{}\"\n",
            free_port(),
            dir.path().join("data").display(),
            dir.path().join("admin.sock").display(),
        ),
    )
    .unwrap();
    let notify_path = dir.path().join("notify.sock");
    let notify = UnixDatagram::bind(&notify_path).unwrap();
    notify
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    let mut child = bin()
        .args(["serve", "--config"])
        .arg(&config)
        .env("NOTIFY_SOCKET", &notify_path)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut buf = [0u8; 256];
    let n = notify.recv(&mut buf).expect("READY notification");
    assert!(String::from_utf8_lossy(&buf[..n]).contains("READY=1"));

    let stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut line = String::new();
    reader.read_line(&mut line).unwrap();
    assert!(line.starts_with("220 "), "{line}");
    (&stream).write_all(b"EHLO p\r\n").unwrap();
    loop {
        line.clear();
        reader.read_line(&mut line).unwrap();
        if line.starts_with("250 ") {
            break;
        }
    }
    // SAFETY: plain kill(2) on our own child's pid.
    assert_eq!(unsafe { libc::kill(child.id() as i32, libc::SIGTERM) }, 0);
    line.clear();
    reader.read_line(&mut line).unwrap();
    assert!(line.starts_with("421 4.3.2"), "{line}");
    let status = child.wait().unwrap();
    assert!(status.success(), "{status}");
    let n = notify.recv(&mut buf).expect("STOPPING notification");
    assert!(String::from_utf8_lossy(&buf[..n]).contains("STOPPING=1"));
    let mut log = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut log).unwrap();
    assert!(log.contains("SIGTERM received"), "{log}");
}

/// A config whose rules are the policy-case rules.
fn policy_config(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("c.toml");
    std::fs::write(
        &path,
        format!(
            "rules_dir = \"{}/tests/policy\"\ndata_dir = \"{}\"\n",
            env!("CARGO_MANIFEST_DIR"),
            dir.join("data").display()
        ),
    )
    .unwrap();
    path
}

#[test]
fn explain_json_prints_one_object_per_file() {
    let dir = tempfile::tempdir().unwrap();
    let config = policy_config(dir.path());
    let cases = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/policy");
    let out = bin()
        .args([
            "explain",
            "--json",
            "--at",
            "2026-07-03T01:00:00Z",
            "--config",
        ])
        .arg(&config)
        .arg(format!("{cases}/letter_only_envelope.eml"))
        .arg(format!("{cases}/time_window_outside.eml"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert!(
        lines[0]["file"]
            .as_str()
            .unwrap()
            .ends_with("letter_only_envelope.eml")
    );
    assert_eq!(lines[0]["action"], "file");
    assert_eq!(lines[0]["recipients"][0], "planning@council.example");
    assert!(lines[0]["reasons"].as_array().unwrap().len() >= 2);
    assert_eq!(lines[0]["flags"], serde_json::json!([]));
    assert_eq!(lines[1]["action"], "defer");
    assert_eq!(lines[1]["release_at"], "2026-07-03T09:00:00Z");
}

#[test]
fn explain_uses_sender_and_rcpt_overrides() {
    let dir = tempfile::tempdir().unwrap();
    let config = policy_config(dir.path());
    let out = bin()
        .args([
            "explain",
            "--json",
            "--sender",
            "s.staff@mail.example",
            "--rcpt",
            "a@council.example",
            "--rcpt",
            "b@council.example",
            "--config",
        ])
        .arg(&config)
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/policy/unrestricted.eml"
        ))
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["action"], "reroute");
    assert_eq!(
        v["recipients"],
        serde_json::json!(["jane.jones@council.example"])
    );
    assert_eq!(
        v["original_recipients"],
        serde_json::json!(["a@council.example", "b@council.example"])
    );
}

#[test]
fn reviews_json_lists_every_restriction_with_overdue() {
    let dir = tempfile::tempdir().unwrap();
    let config = policy_config(dir.path());
    let out = bin()
        .args(["reviews", "--json", "--config"])
        .arg(&config)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v.len(), 11);
    let old = v.iter().find(|r| r["customer"] == "CR-OLD").unwrap();
    assert_eq!(old["kind"], "letter_only");
    assert_eq!(old["review_on"], "2026-01-10");
    assert_eq!(old["overdue"], true);
    let letter = v.iter().find(|r| r["customer"] == "CR-LETTER").unwrap();
    assert_eq!(letter["review_on"], "2027-03-01");
    // "Today" is the real date; CR-LETTER's review is in 2027.
    assert_eq!(
        letter["overdue"],
        time::OffsetDateTime::now_utc().date() > time::macros::date!(2027 - 03 - 01)
    );
}

#[test]
fn held_list_without_a_daemon_says_so_plainly() {
    let dir = tempfile::tempdir().unwrap();
    let config = policy_config(dir.path());
    let out = bin()
        .args(["held", "list", "--config"])
        .arg(&config)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("cannot reach the daemon") && err.contains("admin.sock"),
        "{err}"
    );
}
