//! Reading message data after `DATA`: dot-unstuffing and the end-of-data line, exactly as RFC
//! 5321 section 4.5.2 says and nothing looser.
//!
//! Only a line that is exactly `.` followed by CR LF, at the start of a line (after CR LF or at
//! the very beginning), ends the data. `\n.\n`, `\r.\r`, `\r\n.\r\r\n` and friends are data.
//! Accepting any of those would let a message smuggle SMTP commands past the next hop.
//! (smtp-proto's receiver also ends on `CRLF . CR+ LF`, so this one is ours.)

/// Where the reader is within a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// At the start of a line.
    LineStart,
    /// Inside a line; `cr` is whether the last byte was CR.
    InLine { cr: bool },
    /// A dot at the start of a line, not yet known to be stuffing or the end.
    Dot,
    /// A dot at the start of a line, then CR.
    DotCr,
}

/// Incremental DATA reader: feed it what arrives, it appends message bytes to `out`.
#[derive(Debug)]
pub struct DataReader {
    state: State,
}

impl Default for DataReader {
    fn default() -> Self {
        DataReader {
            state: State::LineStart,
        }
    }
}

impl DataReader {
    /// Consumes bytes from `input` into `out`. Returns `Some(n)` when the end of data was found,
    /// `n` being the number of input bytes used (the rest belong to the next command); `None`
    /// when all of `input` was used and more is needed. With `sink` false nothing is appended
    /// (a message over the size limit is read to its end but not kept).
    pub fn feed(&mut self, input: &[u8], out: &mut Vec<u8>, sink: bool) -> Option<usize> {
        let mut i = 0;
        while i < input.len() {
            if let State::InLine { cr } = self.state {
                // Inside a line nothing matters until the next LF: copy through it at once.
                let rest = &input[i..];
                let Some(p) = memchr::memchr(b'\n', rest) else {
                    if sink {
                        out.extend_from_slice(rest);
                    }
                    let last_cr = rest.last().map_or(cr, |b| *b == b'\r');
                    self.state = State::InLine { cr: last_cr };
                    return None;
                };
                if sink {
                    out.extend_from_slice(&rest[..=p]);
                }
                let cr_before = if p > 0 { rest[p - 1] == b'\r' } else { cr };
                self.state = if cr_before {
                    State::LineStart
                } else {
                    State::InLine { cr: false }
                };
                i += p + 1;
                continue;
            }
            let b = input[i];
            i += 1;
            self.state = match (self.state, b) {
                (State::LineStart, b'.') => State::Dot,
                (State::Dot, b'\r') => State::DotCr,
                (State::DotCr, b'\n') => {
                    self.state = State::LineStart;
                    return Some(i);
                }
                // A stuffed dot: drop it, keep what follows (a CR we held back included).
                (State::DotCr, _) => {
                    if sink {
                        out.push(b'\r');
                    }
                    // Re-read `b` inside the line (it may be CR or LF).
                    i -= 1;
                    State::InLine { cr: true }
                }
                (State::Dot, _) | (State::LineStart, _) => {
                    i -= 1;
                    State::InLine { cr: false }
                }
                (State::InLine { .. }, _) => unreachable!("handled above"),
            };
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Feeds `wire` whole and one byte at a time; both must give `expected` and stop at `used`.
    fn check(wire: &[u8], expected: Option<(&[u8], usize)>) {
        let mut out = Vec::new();
        let whole = DataReader::default().feed(wire, &mut out, true);
        let mut out2 = Vec::new();
        let mut r = DataReader::default();
        let mut byte_wise = None;
        for (i, b) in wire.iter().enumerate() {
            if r.feed(std::slice::from_ref(b), &mut out2, true).is_some() {
                byte_wise = Some(i + 1);
                break;
            }
        }
        match expected {
            Some((msg, used)) => {
                assert_eq!(whole, Some(used), "{wire:?}");
                assert_eq!(out, msg, "{wire:?}");
                assert_eq!(byte_wise, Some(used));
                assert_eq!(out2, msg);
            }
            None => {
                assert_eq!(whole, None, "{wire:?} must not end");
                assert_eq!(byte_wise, None);
            }
        }
    }

    #[test]
    fn end_of_data_and_unstuffing() {
        check(b"a\r\n.\r\n", Some((b"a\r\n", 6)));
        check(b".\r\n", Some((b"", 3)));
        check(b"..x\r\n.\r\nQUIT\r\n", Some((b".x\r\n", 8)));
        check(b"a\r\n..\r\n.\r\n", Some((b"a\r\n.\r\n", 10)));
        check(b"a\r\n. b\r\n.\r\n", Some((b"a\r\n b\r\n", 11)));
    }

    #[test]
    fn smuggling_sequences_are_data() {
        // Regression: smtp-proto ended the data at CRLF "." CR CR LF.
        check(b"a\r\n.\r\r\nMAIL FROM:<evil@x.example>\r\n", None);
        check(b"a\r\n.\r\r\n.\r\n", Some((b"a\r\n\r\r\n", 10)));
        check(b"a\n.\nb", None);
        check(b"a\r.\rb", None);
        check(b"a\n.\r\nb", None);
        check(b"a\r\n.\nb", None);
    }

    #[test]
    fn oversized_data_is_read_but_not_kept() {
        let mut out = Vec::new();
        assert_eq!(
            DataReader::default().feed(b"abc\r\n.\r\n", &mut out, false),
            Some(8)
        );
        assert!(out.is_empty());
    }
}
