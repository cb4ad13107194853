//! End to end with a real Postfix: runs tests/e2e/postfix_e2e.sh against the binary under
//! test. The script builds a private Postfix instance on loopback with contactgate as its
//! after-queue content filter, sends mail with swaks and checks the Maildir, checks that a
//! threat is held and its urgent safety alert reaches the safety contact's Maildir through
//! Postfix, and checks that mail is deferred (not bounced) while contactgate is down and
//! delivered once it is back.
//!
//! It needs root, postfix, swaks and python3; `.ci/run` installs them. Missing tools fail the
//! test with the script's message rather than skipping it.

use std::process::Command;

#[test]
fn postfix_after_queue_filter_end_to_end() {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/e2e/postfix_e2e.sh");
    let out = Command::new("bash")
        .arg(script)
        .arg(env!("CARGO_BIN_EXE_contactgate"))
        .output()
        .expect("bash runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "postfix e2e failed\n--- stdout\n{stdout}\n--- stderr\n{stderr}"
    );
    assert!(
        stdout
            .lines()
            .any(|l| l.starts_with("e2e: ") && l.ends_with(" 0 failed")),
        "no passing summary line\n{stdout}"
    );
}
