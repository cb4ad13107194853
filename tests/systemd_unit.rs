//! The systemd unit: the directives the deployment relies on, and systemd's own check of it.

#[test]
fn unit_is_notify_hardened_and_verifies() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/systemd/contactgate.service");
    let unit = std::fs::read_to_string(path).unwrap();
    for line in [
        "Type=notify",
        "User=contactgate",
        "ReadWritePaths=/var/lib/contactgate /run/contactgate",
        "ProtectSystem=strict",
        "NoNewPrivileges=yes",
        "ExecReload=/bin/kill -HUP $MAINPID",
        "KillSignal=SIGTERM",
        // Officers stay out of the state directory; the socket's directory is the daemon's to
        // set up (issue 14).
        "StateDirectoryMode=0700",
        "RuntimeDirectoryMode=0755",
        "UMask=0077",
    ] {
        assert!(unit.lines().any(|l| l == line), "missing {line}");
    }
    // systemd-analyze checks syntax and directive names; point ExecStart at the built binary.
    let Ok(which) = std::process::Command::new("sh")
        .args(["-c", "command -v systemd-analyze"])
        .output()
    else {
        return;
    };
    if !which.status.success() {
        eprintln!("systemd-analyze not installed: directive check only");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("contactgate.service");
    std::fs::write(
        &copy,
        unit.replace(
            "/usr/local/bin/contactgate",
            env!("CARGO_BIN_EXE_contactgate"),
        ),
    )
    .unwrap();
    let out = std::process::Command::new("systemd-analyze")
        .arg("verify")
        .arg(&copy)
        .output()
        .unwrap();
    assert!(
        out.status.success() && out.stderr.is_empty(),
        "systemd-analyze verify: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}
