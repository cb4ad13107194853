//! The SMTP command state machine, pure: a command line in, a [`Step`] out. No I/O, no clock.
//!
//! It implements what Postfix's after-queue `smtp` client speaks: EHLO/HELO, MAIL (SIZE,
//! BODY=8BITMIME, SMTPUTF8), RCPT, DATA, RSET, NOOP, QUIT and XFORWARD. Command syntax is parsed by
//! the `smtp-proto` crate; this module owns sequencing, limits and the replies.
//!
//! Invariant: the session never accepts DATA without a sender and at least one recipient, and
//! every transaction it hands out has passed the size and recipient limits.

use std::net::SocketAddr;
use std::time::Duration;

use smtp_proto::{Error as ProtoError, MAIL_BODY_8BITMIME, MAIL_SMTPUTF8, Request};

use super::Reply;

/// Hard limits, set where the data enters.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Largest message accepted, in bytes, after dot-unstuffing.
    pub max_message_size: usize,
    pub max_recipients: usize,
    /// Longest command line, CRLF included. RFC 5321 asks for at least 512.
    pub max_command_line: usize,
    pub command_timeout: Duration,
    /// Time allowed between two reads during DATA.
    pub data_timeout: Duration,
    /// Syntax or sequence errors tolerated before the connection is closed.
    pub max_errors: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_message_size: 50 * 1024 * 1024,
            max_recipients: 1000,
            max_command_line: 4096,
            command_timeout: Duration::from_secs(300),
            data_timeout: Duration::from_secs(600),
            max_errors: 20,
        }
    }
}

/// Postfix's XFORWARD attributes: the original client as Postfix saw it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct XForward {
    pub name: Option<String>,
    pub addr: Option<String>,
    pub helo: Option<String>,
    pub proto: Option<String>,
    /// Postfix's queue id for the message (`IDENT`).
    pub ident: Option<String>,
    pub source: Option<String>,
}

/// Who is talking to us.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientInfo {
    pub peer: Option<SocketAddr>,
    pub helo: Option<String>,
    pub xforward: XForward,
}

/// The SMTP envelope of one message.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Envelope {
    /// Reverse path; empty for the null sender `<>`.
    pub sender: String,
    pub recipients: Vec<String>,
    /// The client declared BODY=8BITMIME.
    pub body_8bit: bool,
    /// The client declared SMTPUTF8.
    pub smtputf8: bool,
}

/// A finished message, handed to the [`super::MessageHandler`].
#[derive(Debug, Clone)]
pub struct Transaction {
    pub client: ClientInfo,
    pub envelope: Envelope,
    /// The message exactly as received: dot-unstuffed, nothing else changed.
    pub data: Vec<u8>,
}

/// What the connection must do after a command.
#[derive(Debug, PartialEq, Eq)]
pub enum Step {
    Reply(Reply),
    /// Send the 354 and switch to reading message data.
    StartData(Reply),
    /// Send the reply and close the connection.
    Close(Reply),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Connected, no HELO/EHLO yet.
    Greeted,
    /// HELO/EHLO done, no transaction open.
    Ready,
    /// MAIL accepted.
    Mail,
    /// At least one RCPT accepted.
    Rcpt,
    /// 354 sent; the connection is reading data.
    Data,
}

pub struct Session {
    hostname: String,
    limits: Limits,
    phase: Phase,
    client: ClientInfo,
    envelope: Envelope,
    errors: usize,
}

impl Session {
    pub fn new(hostname: impl Into<String>, peer: Option<SocketAddr>, limits: Limits) -> Self {
        Session {
            hostname: hostname.into(),
            limits,
            phase: Phase::Greeted,
            client: ClientInfo {
                peer,
                helo: None,
                xforward: XForward::default(),
            },
            envelope: Envelope::default(),
            errors: 0,
        }
    }

    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    pub fn greeting(&self) -> Reply {
        Reply::new(220, "", format!("{} ESMTP contactgate", self.hostname))
    }

    /// Handles one command line (with or without its line ending).
    pub fn command(&mut self, line: &[u8]) -> Step {
        // smtp-proto wants the line ending; a line cut at the length limit may lack it.
        let mut owned;
        let line = if line.ends_with(b"\n") {
            line
        } else {
            owned = line.to_vec();
            owned.extend_from_slice(b"\r\n");
            &owned
        };
        if let Some(rest) = strip_verb(line, b"XFORWARD") {
            return self.xforward(rest);
        }
        // RFC 5321 requires `RCPT TO:<Postmaster>` (no domain) to be accepted.
        if let Some(rest) = strip_verb(line, b"RCPT")
            && raw_path(rest).is_some_and(|p| p.eq_ignore_ascii_case("postmaster"))
        {
            return self.recipient("Postmaster".to_string());
        }
        let request = Request::parse(&mut line.iter());
        match request {
            Ok(request) => {
                let mut request = request.into_owned();
                // smtp-proto takes the quotes out of a quoted local part ("john smith"@x becomes
                // john smith@x), which is no longer a valid address. Keep the path exactly as
                // the client wrote it.
                let raw = raw_path(line);
                match &mut request {
                    Request::Mail { from } => from.address = raw.unwrap_or_default(),
                    Request::Rcpt { to } => {
                        if let Some(raw) = raw {
                            to.address = raw;
                        }
                    }
                    _ => {}
                }
                self.request(request)
            }
            Err(err) => self.error(proto_error_reply(&err)),
        }
    }

    /// The connection saw a command line longer than the limit.
    pub fn line_too_long(&mut self) -> Step {
        self.error(Reply::new(500, "5.5.2", "Error: line too long"))
    }

    /// Ends the DATA phase: returns the finished transaction and resets the envelope, ready for
    /// the next MAIL. `None` if no DATA was in progress.
    pub fn finish_data(&mut self, data: Vec<u8>) -> Option<Transaction> {
        if self.phase != Phase::Data {
            return None;
        }
        self.phase = Phase::Ready;
        Some(Transaction {
            client: self.client.clone(),
            envelope: std::mem::take(&mut self.envelope),
            data,
        })
    }

    /// Ends the DATA phase without a message (too large); the envelope is discarded.
    pub fn abort_data(&mut self) {
        if self.phase == Phase::Data {
            self.phase = Phase::Ready;
            self.envelope = Envelope::default();
        }
    }

    fn request(&mut self, request: Request<String>) -> Step {
        match request {
            Request::Ehlo { host } => self.ehlo(host),
            Request::Helo { host } => {
                self.helo(host);
                Step::Reply(Reply::new(250, "", self.hostname.clone()))
            }
            Request::Mail { from } => self.mail(from),
            Request::Rcpt { to } => self.recipient(to.address),
            Request::Data => self.data(),
            Request::Rset => {
                if self.phase != Phase::Greeted {
                    self.phase = Phase::Ready;
                }
                self.envelope = Envelope::default();
                Step::Reply(Reply::new(250, "2.0.0", "Ok"))
            }
            Request::Noop { .. } => Step::Reply(Reply::new(250, "2.0.0", "Ok")),
            Request::Quit => Step::Close(Reply::new(221, "2.0.0", "Bye")),
            Request::Vrfy { .. } => {
                Step::Reply(Reply::new(252, "2.0.0", "Send some mail, I'll try my best"))
            }
            Request::Bdat { .. }
            | Request::StartTls
            | Request::Auth { .. }
            | Request::Expn { .. }
            | Request::Etrn { .. }
            | Request::Atrn { .. }
            | Request::Burl { .. }
            | Request::Lhlo { .. }
            | Request::Help { .. } => {
                self.error(Reply::new(502, "5.5.1", "Error: command not implemented"))
            }
        }
    }

    fn ehlo(&mut self, host: String) -> Step {
        self.helo(host);
        let text = format!(
            "{}\nPIPELINING\nSIZE {}\n8BITMIME\nENHANCEDSTATUSCODES\nSMTPUTF8\nXFORWARD NAME ADDR PROTO HELO IDENT SOURCE",
            self.hostname, self.limits.max_message_size
        );
        Step::Reply(Reply::new(250, "", text))
    }

    fn mail(&mut self, from: smtp_proto::MailFrom<String>) -> Step {
        match self.phase {
            Phase::Greeted => return self.need_helo(),
            Phase::Mail | Phase::Rcpt => {
                return self.error(Reply::new(503, "5.5.1", "Error: nested MAIL command"));
            }
            _ => {}
        }
        if from.size > self.limits.max_message_size {
            return self.error(Reply::new(
                552,
                "5.3.4",
                "Error: message size exceeds fixed limit",
            ));
        }
        self.envelope = Envelope {
            sender: from.address,
            recipients: Vec::new(),
            body_8bit: from.flags & MAIL_BODY_8BITMIME != 0,
            smtputf8: from.flags & MAIL_SMTPUTF8 != 0,
        };
        self.phase = Phase::Mail;
        Step::Reply(Reply::new(250, "2.1.0", "Ok"))
    }

    fn data(&mut self) -> Step {
        match self.phase {
            Phase::Greeted => self.need_helo(),
            Phase::Ready | Phase::Mail => {
                self.error(Reply::new(503, "5.5.1", "Error: need RCPT command"))
            }
            _ => {
                self.phase = Phase::Data;
                Step::StartData(Reply::new(354, "", "End data with <CR><LF>.<CR><LF>"))
            }
        }
    }

    fn recipient(&mut self, address: String) -> Step {
        match self.phase {
            Phase::Greeted => return self.need_helo(),
            Phase::Ready => {
                return self.error(Reply::new(503, "5.5.1", "Error: need MAIL command"));
            }
            _ => {}
        }
        if address.is_empty() {
            return self.error(Reply::new(
                501,
                "5.1.3",
                "Error: bad recipient address syntax",
            ));
        }
        if self.envelope.recipients.len() >= self.limits.max_recipients {
            // 452 rather than 5xx: RFC 5321 section 4.5.3.1.10, the client sends the remaining
            // recipients in a later transaction.
            return Step::Reply(Reply::new(452, "4.5.3", "Error: too many recipients"));
        }
        self.envelope.recipients.push(address);
        self.phase = Phase::Rcpt;
        Step::Reply(Reply::new(250, "2.1.5", "Ok"))
    }

    fn helo(&mut self, host: String) {
        // A new HELO/EHLO resets any transaction (RFC 5321 section 4.1.4).
        self.client.helo = Some(host);
        self.envelope = Envelope::default();
        self.phase = Phase::Ready;
    }

    fn xforward(&mut self, args: &[u8]) -> Step {
        if matches!(self.phase, Phase::Mail | Phase::Rcpt) {
            return self.error(Reply::new(
                503,
                "5.5.1",
                "Error: MAIL transaction in progress",
            ));
        }
        let args = String::from_utf8_lossy(args);
        let mut seen = false;
        for attr in args.split_ascii_whitespace() {
            let Some((name, value)) = attr.split_once('=') else {
                return self.error(Reply::new(
                    501,
                    "5.5.4",
                    "Syntax: XFORWARD attribute=value...",
                ));
            };
            let value = xtext_decode(value);
            let value = (value != "[UNAVAILABLE]" && value != "[TEMPUNAVAIL]").then_some(value);
            let xf = &mut self.client.xforward;
            match name.to_ascii_uppercase().as_str() {
                "NAME" => xf.name = value,
                "ADDR" => xf.addr = value,
                "HELO" => xf.helo = value,
                "PROTO" => xf.proto = value,
                "IDENT" => xf.ident = value,
                "SOURCE" => xf.source = value,
                "PORT" => {}
                _ => {
                    return self.error(Reply::new(
                        501,
                        "5.5.4",
                        format!("Bad XFORWARD attribute name: {name}"),
                    ));
                }
            }
            seen = true;
        }
        if !seen {
            return self.error(Reply::new(
                501,
                "5.5.4",
                "Syntax: XFORWARD attribute=value...",
            ));
        }
        Step::Reply(Reply::new(250, "2.0.0", "Ok"))
    }

    fn need_helo(&mut self) -> Step {
        self.error(Reply::new(503, "5.5.1", "Error: send HELO/EHLO first"))
    }

    /// Counts an error; past the limit the connection is closed.
    fn error(&mut self, reply: Reply) -> Step {
        self.errors += 1;
        if self.errors > self.limits.max_errors {
            Step::Close(Reply::new(421, "4.7.0", "Error: too many errors"))
        } else {
            Step::Reply(reply)
        }
    }
}

/// The path between `<` and `>` as the client wrote it (quotes inside a local part kept; a `>`
/// inside quotes does not end it).
fn raw_path(line: &[u8]) -> Option<String> {
    let start = line.iter().position(|&b| b == b'<')? + 1;
    let mut quoted = false;
    let mut escaped = false;
    for (i, &b) in line[start..].iter().enumerate() {
        match b {
            _ if escaped => escaped = false,
            b'\\' if quoted => escaped = true,
            b'"' => quoted = !quoted,
            b'>' if !quoted => {
                return Some(String::from_utf8_lossy(&line[start..start + i]).into_owned());
            }
            _ => {}
        }
    }
    None
}

fn strip_verb<'a>(line: &'a [u8], verb: &[u8]) -> Option<&'a [u8]> {
    let head = line.get(..verb.len())?;
    let rest = &line[verb.len()..];
    (head.eq_ignore_ascii_case(verb) && rest.first().is_some_and(|c| *c == b' ')).then_some(rest)
}

/// Decodes RFC 3461 xtext (`+XX` hex escapes), which XFORWARD values use.
fn xtext_decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'+'
            && let Some(hex) = bytes.get(i + 1..i + 3)
            && let Some(b) = std::str::from_utf8(hex)
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn proto_error_reply(err: &ProtoError) -> Reply {
    match err {
        ProtoError::UnknownCommand => Reply::new(500, "5.5.2", "Error: command not recognized"),
        ProtoError::InvalidSenderAddress => {
            Reply::new(501, "5.1.7", "Error: bad sender address syntax")
        }
        ProtoError::InvalidRecipientAddress => {
            Reply::new(501, "5.1.3", "Error: bad recipient address syntax")
        }
        ProtoError::SyntaxError { syntax } => Reply::new(501, "5.5.4", format!("Syntax: {syntax}")),
        ProtoError::InvalidParameter { param } => {
            Reply::new(501, "5.5.4", format!("Error: invalid parameter {param}"))
        }
        ProtoError::UnsupportedParameter { param } => Reply::new(
            555,
            "5.5.4",
            format!("Error: unsupported parameter {param}"),
        ),
        ProtoError::ResponseTooLong => Reply::new(500, "5.5.2", "Error: line too long"),
        ProtoError::NeedsMoreData { .. } | ProtoError::InvalidResponse { .. } => {
            Reply::new(500, "5.5.2", "Error: command not recognized")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session() -> Session {
        Session::new("gate.test", None, Limits::default())
    }

    /// Runs the lines through one session and returns each step's reply code.
    fn check(lines: &[&str], expected: &[u16]) -> Session {
        let mut s = session();
        let codes: Vec<u16> = lines
            .iter()
            .map(|l| match s.command(format!("{l}\r\n").as_bytes()) {
                Step::Reply(r) | Step::StartData(r) | Step::Close(r) => r.code,
            })
            .collect();
        assert_eq!(codes, expected, "lines: {lines:?}");
        s
    }

    #[test]
    fn full_transaction() {
        let mut s = check(
            &[
                "EHLO postfix",
                "MAIL FROM:<a@b.example> SIZE=100 BODY=8BITMIME",
                "RCPT TO:<x@council.example>",
                "RCPT TO:<y@council.example>",
                "DATA",
            ],
            &[250, 250, 250, 250, 354],
        );
        let t = s
            .finish_data(b"Subject: hi\r\n\r\nbody\r\n".to_vec())
            .unwrap();
        assert_eq!(t.envelope.sender, "a@b.example");
        assert_eq!(
            t.envelope.recipients,
            vec!["x@council.example", "y@council.example"]
        );
        assert!(t.envelope.body_8bit);
        assert_eq!(t.client.helo.as_deref(), Some("postfix"));
        // The envelope is consumed: a new DATA needs a new MAIL.
        assert!(matches!(s.command(b"DATA\r\n"), Step::Reply(r) if r.code == 503));
    }

    #[test]
    fn null_sender_and_smtputf8_accepted() {
        let mut s = check(
            &[
                "EHLO p",
                "MAIL FROM:<> SMTPUTF8",
                "RCPT TO:<ñ@council.example>",
                "DATA",
            ],
            &[250, 250, 250, 354],
        );
        let t = s.finish_data(vec![]).unwrap();
        assert_eq!(t.envelope.sender, "");
        assert!(t.envelope.smtputf8);
    }

    #[test]
    fn sequence_errors_are_503() {
        check(&["MAIL FROM:<a@b.example>"], &[503]);
        check(&["EHLO p", "RCPT TO:<a@b.example>"], &[250, 503]);
        check(&["EHLO p", "DATA"], &[250, 503]);
        check(
            &["EHLO p", "MAIL FROM:<a@b.example>", "DATA"],
            &[250, 250, 503],
        );
        check(
            &[
                "EHLO p",
                "MAIL FROM:<a@b.example>",
                "MAIL FROM:<a@b.example>",
            ],
            &[250, 250, 503],
        );
    }

    #[test]
    fn syntax_errors_are_500_or_501() {
        check(&["FROB"], &[500]);
        check(&["EHLO"], &[501]);
        check(&["EHLO p", "MAIL FROM:a@b"], &[250, 501]);
        check(
            &["EHLO p", "MAIL FROM:<a@b.example>", "RCPT TO:<>"],
            &[250, 250, 501],
        );
    }

    #[test]
    fn rset_clears_transaction() {
        check(
            &[
                "EHLO p",
                "MAIL FROM:<a@b.example>",
                "RCPT TO:<c@d.example>",
                "RSET",
                "DATA",
                "NOOP",
            ],
            &[250, 250, 250, 250, 503, 250],
        );
    }

    #[test]
    fn declared_size_over_limit_is_552() {
        let mut s = Session::new(
            "g",
            None,
            Limits {
                max_message_size: 1000,
                ..Limits::default()
            },
        );
        s.command(b"EHLO p\r\n");
        match s.command(b"MAIL FROM:<a@b.example> SIZE=1001\r\n") {
            Step::Reply(r) => assert_eq!((r.code, r.status), (552, "5.3.4")),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn recipient_limit_is_452() {
        let mut s = Session::new(
            "g",
            None,
            Limits {
                max_recipients: 2,
                ..Limits::default()
            },
        );
        for l in [
            "EHLO p",
            "MAIL FROM:<a@b.example>",
            "RCPT TO:<1@x.example>",
            "RCPT TO:<2@x.example>",
        ] {
            s.command(format!("{l}\r\n").as_bytes());
        }
        match s.command(b"RCPT TO:<3@x.example>\r\n") {
            Step::Reply(r) => assert_eq!(r.code, 452),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn ehlo_advertises_required_extensions() {
        let mut s = session();
        let Step::Reply(r) = s.command(b"EHLO p\r\n") else {
            panic!()
        };
        for ext in [
            "PIPELINING",
            "SIZE 52428800",
            "8BITMIME",
            "ENHANCEDSTATUSCODES",
            "SMTPUTF8",
            "XFORWARD",
        ] {
            assert!(r.text.contains(ext), "missing {ext}");
        }
    }

    #[test]
    fn xforward_is_recorded() {
        let mut s = check(
            &[
                "EHLO p",
                "XFORWARD NAME=mail.example ADDR=192.0.2.7 PROTO=ESMTP HELO=mail.example",
                "XFORWARD IDENT=4XyZ1 SOURCE=REMOTE",
                "MAIL FROM:<a@b.example>",
                "RCPT TO:<c@d.example>",
                "DATA",
            ],
            &[250, 250, 250, 250, 250, 354],
        );
        let t = s.finish_data(vec![]).unwrap();
        assert_eq!(t.client.xforward.addr.as_deref(), Some("192.0.2.7"));
        assert_eq!(t.client.xforward.ident.as_deref(), Some("4XyZ1"));
        check(&["EHLO p", "XFORWARD FOO=bar"], &[250, 501]);
    }

    #[test]
    fn regression_quoted_local_parts_keep_their_quotes() {
        let mut s = check(
            &[
                "EHLO p",
                "MAIL FROM:<\"john smith\"@example.com>",
                "RCPT TO:<\"a..b\"@docomo.ne.jp>",
                "RCPT TO:<Postmaster>",
                "DATA",
            ],
            &[250, 250, 250, 250, 354],
        );
        let t = s.finish_data(vec![]).unwrap();
        assert_eq!(t.envelope.sender, "\"john smith\"@example.com");
        assert_eq!(
            t.envelope.recipients,
            vec!["\"a..b\"@docomo.ne.jp", "Postmaster"]
        );
    }

    #[test]
    fn xtext_decodes_escapes() {
        assert_eq!(xtext_decode("a+2Bb+3D"), "a+b=");
        assert_eq!(xtext_decode("trailing+"), "trailing+");
    }

    #[test]
    fn too_many_errors_closes() {
        let mut s = Session::new(
            "g",
            None,
            Limits {
                max_errors: 2,
                ..Limits::default()
            },
        );
        assert!(matches!(s.command(b"X\r\n"), Step::Reply(_)));
        assert!(matches!(s.command(b"X\r\n"), Step::Reply(_)));
        assert!(matches!(s.command(b"X\r\n"), Step::Close(r) if r.code == 421));
    }
}
