//! Building the reply message (mail-builder). Every header value that could carry customer text
//! is cleaned first and then encoded by mail-builder, so nothing the customer wrote can end a
//! header line or add a recipient.

use mail_builder::MessageBuilder;
use mail_builder::headers::message_id::MessageId;
use mail_builder::headers::raw::Raw;
use time::OffsetDateTime;

/// Text safe for a header or a one-line template variable: control characters (CR and LF above
/// all) become spaces, runs of whitespace collapse, at most `max` characters.
pub fn one_line(text: &str, max: usize) -> String {
    let cleaned: String = text
        .chars()
        .map(|c| {
            if c.is_control() || c == '\u{2028}' || c == '\u{2029}' {
                ' '
            } else {
                c
            }
        })
        .collect();
    cleaned
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(max)
        .collect()
}

pub struct Composed {
    pub message_id: String,
    pub bytes: Vec<u8>,
}

#[allow(clippy::too_many_arguments)]
pub fn compose(
    from: &str,
    to_name: &str,
    to: &str,
    subject: &str,
    body: &str,
    in_reply_to: Option<&str>,
    references: &[String],
    id: &str,
    hostname: &str,
    now: OffsetDateTime,
) -> std::io::Result<Composed> {
    let message_id = format!("reply.{id}@{}", one_line(hostname, 100).replace(' ', ""));
    let mut b = MessageBuilder::new()
        .from(one_line(from, 200))
        .to((one_line(to_name, 100), one_line(to, 200)))
        .subject(one_line(subject, 300))
        .date(now.unix_timestamp())
        .message_id(message_id.clone())
        .header("Auto-Submitted", Raw::new("auto-replied"))
        .header("X-Auto-Response-Suppress", Raw::new("All"))
        .text_body(body.to_string());
    if let Some(orig) = in_reply_to {
        let orig = one_line(orig, 300);
        let mut refs: Vec<String> = references.iter().map(|r| one_line(r, 300)).collect();
        if !refs.contains(&orig) {
            refs.push(orig.clone());
        }
        b = b
            .in_reply_to(orig)
            .references(MessageId::new_list(refs.into_iter()));
    }
    Ok(Composed {
        message_id,
        bytes: b.write_to_vec()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn customer_text_cannot_add_headers() {
        let c = compose(
            "cs@council.example",
            "Mr A",
            "a@mail.example",
            "Re: hello\r\nBcc: victim@else.example",
            "body\n",
            Some("orig@mail.example"),
            &["older@mail.example".into()],
            "ID1",
            "gate.test",
            OffsetDateTime::from_unix_timestamp(1_780_000_000).unwrap(),
        )
        .unwrap();
        let text = String::from_utf8(c.bytes).unwrap();
        let headers = text.split("\r\n\r\n").next().unwrap();
        assert!(
            !headers
                .lines()
                .any(|l| l.to_ascii_lowercase().starts_with("bcc:")),
            "{headers}"
        );
        assert!(headers.contains("Auto-Submitted: auto-replied"));
        assert!(headers.contains("In-Reply-To: <orig@mail.example>"));
        assert!(headers.contains("<older@mail.example>") && headers.contains("References:"));
    }
}
