//! Text from mail made safe to print on an officer's terminal.
//!
//! A decoded subject, a sender's display name, an attachment's file name or an excerpt is
//! whatever the sender wrote, and RFC 2047 lets them write any character: an ESC sequence can
//! retitle the terminal, move the cursor, erase lines or hide text, and a bidi override can make
//! `gpj.exe` read as `exe.jpg`. Every such character is shown *visibly* escaped rather than
//! dropped or replaced with a space, so an officer sees that it was there:
//! - C0 controls and DEL as `\x1b`, `\x7f`... (TAB, CR and LF as `\t`, `\r`, `\n`);
//! - C1 controls (U+0080–U+009F) and the bidi controls (U+061C, U+200E, U+200F,
//!   U+202A–U+202E, U+2066–U+2069) as `\u{9b}`, `\u{202e}`...
//!
//! A backslash is left as it is: the escapes are for a person to read, not to be parsed back.
//! JSON output does not come here; serde escapes what JSON needs and scripts decode it.
//!
//! This is a leaf: it imports nothing from the crate.

use std::borrow::Cow;
use std::fmt::Write;

/// One field on one line (a subject, an address, a name, a reason): every control and bidi
/// character escaped, line breaks and TAB included, so a field cannot start a line of its own.
pub fn field(text: &str) -> Cow<'_, str> {
    escape(text, Keep::Nothing)
}

/// Several lines (a header block, a message's text): LF and TAB are kept, a CR just before an
/// LF is dropped (the line break is the same), and everything else is escaped as in [`field`].
/// A lone CR is escaped: it returns to the start of the line and overwrites what was shown.
pub fn lines(text: &str) -> Cow<'_, str> {
    escape(text, Keep::LineBreaks)
}

#[derive(Clone, Copy, PartialEq)]
enum Keep {
    Nothing,
    LineBreaks,
}

/// The bidi formatting controls: embeddings, overrides, isolates and the marks.
fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// `char::is_control` is exactly the C0 controls, DEL and the C1 controls (category Cc).
fn is_unsafe(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

fn escape(text: &str, keep: Keep) -> Cow<'_, str> {
    // Nearly all text is clean: it is then borrowed, not copied.
    let Some(first) = text.find(is_unsafe) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() + 8);
    out.push_str(&text[..first]);
    let mut chars = text[first..].chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            c if !is_unsafe(c) => out.push(c),
            '\n' | '\t' if keep == Keep::LineBreaks => out.push(c),
            '\r' if keep == Keep::LineBreaks && chars.peek() == Some(&'\n') => {}
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\n' => out.push_str("\\n"),
            // Writing to a String cannot fail.
            c if c.is_ascii() => {
                let _ = write!(out, "\\x{:02x}", u32::from(c));
            }
            c => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `field` and `lines` of `input` give these.
    fn check(input: &str, as_field: &str, as_lines: &str) {
        assert_eq!(field(input), as_field, "field({input:?})");
        assert_eq!(lines(input), as_lines, "lines({input:?})");
    }

    #[test]
    fn controls_and_bidi_are_escaped_visibly() {
        // Set the window title; erase the line and go home; a CSI in its one-byte C1 form.
        check(
            "a\x1b]0;pwned\x07b",
            "a\\x1b]0;pwned\\x07b",
            "a\\x1b]0;pwned\\x07b",
        );
        check("\x1b[2K\x1b[Hx", "\\x1b[2K\\x1b[Hx", "\\x1b[2K\\x1b[Hx");
        check("\u{9b}31m", "\\u{9b}31m", "\\u{9b}31m");
        check(
            "\0 \x7f \u{85}",
            "\\x00 \\x7f \\u{85}",
            "\\x00 \\x7f \\u{85}",
        );
        check(
            "invoice\u{202e}fdp.exe",
            "invoice\\u{202e}fdp.exe",
            "invoice\\u{202e}fdp.exe",
        );
        for (c, escaped) in [
            ('\u{061C}', "\\u{61c}"),
            ('\u{200E}', "\\u{200e}"),
            ('\u{200F}', "\\u{200f}"),
            ('\u{202A}', "\\u{202a}"),
            ('\u{202D}', "\\u{202d}"),
            ('\u{2066}', "\\u{2066}"),
            ('\u{2069}', "\\u{2069}"),
        ] {
            check(&c.to_string(), escaped, escaped);
        }
    }

    #[test]
    fn line_breaks_are_escaped_in_a_field_and_kept_in_lines() {
        check("a\tb", "a\\tb", "a\tb");
        check("a\r\nb\nc", "a\\r\\nb\\nc", "a\nb\nc");
        // A lone CR would overwrite the start of the line: escaped in both.
        check("safe\rEVIL", "safe\\rEVIL", "safe\\rEVIL");
        check("end\r", "end\\r", "end\\r");
    }

    #[test]
    fn clean_text_is_unchanged_and_not_copied() {
        for text in [
            "",
            "Planning application 24/0042",
            "Llŷr — café, 日本, \\x1b",
        ] {
            assert!(matches!(field(text), Cow::Borrowed(t) if t == text));
            assert!(matches!(lines(text), Cow::Borrowed(t) if t == text));
        }
        // Neighbours of the escaped ranges are ordinary characters.
        check(
            "\u{a0}\u{2029}\u{2065}\u{206a}",
            "\u{a0}\u{2029}\u{2065}\u{206a}",
            "\u{a0}\u{2029}\u{2065}\u{206a}",
        );
    }

    #[test]
    fn nothing_unsafe_survives_for_any_character() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let text = format!("x{c}y");
            let escaped = field(&text);
            assert!(!escaped.chars().any(is_unsafe), "{c:?} -> {escaped:?}");
            let escaped = lines(&text);
            assert!(
                !escaped
                    .chars()
                    .any(|e| is_unsafe(e) && e != '\n' && e != '\t'),
                "{c:?} -> {escaped:?}"
            );
        }
    }
}
