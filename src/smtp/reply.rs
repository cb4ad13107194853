//! SMTP replies: a code, an enhanced status code and text, and their exact wire form.

use std::fmt;

/// One SMTP reply. The text may hold several lines (`\n`-separated); each becomes a
/// continuation line on the wire.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    pub code: u16,
    /// Enhanced status code (RFC 3463), e.g. `"2.0.0"`. Empty for replies that take none
    /// (the greeting and the EHLO response).
    pub status: &'static str,
    pub text: String,
}

impl Reply {
    pub fn new(code: u16, status: &'static str, text: impl Into<String>) -> Self {
        Reply {
            code,
            status,
            text: text.into(),
        }
    }

    pub fn is_positive(&self) -> bool {
        (200..400).contains(&self.code)
    }

    pub fn is_transient(&self) -> bool {
        (400..500).contains(&self.code)
    }

    pub fn is_permanent(&self) -> bool {
        self.code >= 500
    }

    /// Whether the server closes the connection after sending this reply.
    pub fn closes_connection(&self) -> bool {
        self.code == 421 || self.code == 221
    }

    /// Appends the wire form to `out`: `CODE-...` continuation lines, `CODE ...` last.
    ///
    /// Text is scrubbed of CR and other control characters so that nothing we quote (a
    /// downstream's reply, a parser's message) can break the framing.
    pub fn write_to(&self, out: &mut Vec<u8>) {
        let lines: Vec<&str> = self.text.split('\n').collect();
        for (i, line) in lines.iter().enumerate() {
            let sep = if i + 1 == lines.len() { ' ' } else { '-' };
            out.extend_from_slice(format!("{}{}", self.code, sep).as_bytes());
            if !self.status.is_empty() {
                out.extend_from_slice(self.status.as_bytes());
                out.push(b' ');
            }
            // At most 900 bytes of text, cut at a character boundary: a reply that quotes a
            // client's words must stay valid UTF-8.
            let mut room: usize = 900;
            for c in line.chars() {
                let c = if c.is_control() { ' ' } else { c };
                let Some(left) = room.checked_sub(c.len_utf8()) else {
                    break;
                };
                room = left;
                let mut utf8 = [0u8; 4];
                out.extend_from_slice(c.encode_utf8(&mut utf8).as_bytes());
            }
            out.extend_from_slice(b"\r\n");
        }
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        self.write_to(&mut out);
        out
    }
}

impl fmt::Display for Reply {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.status.is_empty() {
            write!(f, "{} {}", self.code, self.text.replace('\n', " / "))
        } else {
            write!(
                f,
                "{} {} {}",
                self.code,
                self.status,
                self.text.replace('\n', " / ")
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_line() {
        assert_eq!(
            Reply::new(250, "2.0.0", "Ok").to_bytes(),
            b"250 2.0.0 Ok\r\n".to_vec()
        );
    }

    #[test]
    fn multi_line_uses_dash_then_space() {
        let r = Reply::new(250, "", "host\nPIPELINING\nSIZE 10");
        assert_eq!(
            r.to_bytes(),
            b"250-host\r\n250-PIPELINING\r\n250 SIZE 10\r\n".to_vec()
        );
    }

    /// Text was cut at 900 bytes, which could split a character of a quoted client's words.
    #[test]
    fn regression_long_text_is_cut_at_a_character_boundary() {
        let r = Reply::new(501, "5.5.2", format!("x{}", "é".repeat(600)));
        let wire = r.to_bytes();
        let text = std::str::from_utf8(&wire).expect("valid UTF-8");
        let body = text
            .strip_prefix("501 5.5.2 ")
            .and_then(|t| t.strip_suffix("\r\n"))
            .unwrap();
        assert_eq!(body.len(), 899, "1 + 449 two-byte characters");
    }

    #[test]
    fn control_characters_cannot_break_framing() {
        let r = Reply::new(451, "4.4.0", "down\rstream\x00said");
        assert_eq!(r.to_bytes(), b"451 4.4.0 down stream said\r\n".to_vec());
    }
}
