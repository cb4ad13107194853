//! The parsed view of a message that policy decisions read: addresses, subject, ids, and the
//! sender's own text (the body without quoted replies and signature).
//!
//! Parsing uses mail-parser inside `catch_unwind`: a parser panic on hostile input becomes a
//! [`ParseError`] for that one message (answered with a 451), never a dead daemon.
//!
//! The raw bytes are never changed here; this is a read-only view.

use std::panic::{AssertUnwindSafe, catch_unwind};

use mail_parser::{HeaderValue, MessageParser, MimeHeaders, PartType};

/// What the policy needs to know about a message.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Message {
    pub message_id: Option<String>,
    pub subject: Option<String>,
    /// Addresses in `From:`, lower-cased.
    pub from: Vec<String>,
    /// Addresses in `To:` and `Cc:`, lower-cased.
    pub to: Vec<String>,
    /// The first text part (HTML converted to text), without quoted replies or signature:
    /// what the sender wrote in this message.
    pub own_text: String,
    /// For multipart/alternative mail: the sender's own text as the HTML alternative shows it,
    /// when that part is not the one `own_text` came from. Most readers see the HTML, so the
    /// flags scan it too (abuse hidden from the plain-text part is still abuse).
    pub alt_text: String,
    /// What the body quotes (replies quoted with `>` or under an "On ... wrote:" line, an
    /// Outlook original): not the sender's new words, but known to them.
    pub quoted_text: String,
    /// Legal footers ("CONFIDENTIALITY NOTICE: ...", "This email and any attachments ..."),
    /// each to the end of its paragraph: not the sender's own words for novelty, but the flags
    /// scan them, so a "Disclaimer:" line cannot hide abuse.
    pub footer: String,
    /// Messages attached (`message/rfc822`, nested ones too): a forwarded letter is judged for
    /// new information like the sender's words (their own earlier mail attached again is a
    /// repeat; a third party's letter is new; the council's own is known), but it is not the
    /// sender's for the flags.
    pub attached: Vec<AttachedMessage>,
    /// Messages were nested deeper than [`MAX_NESTING`]: the deepest were not read.
    pub nested_too_deep: bool,
    /// Where reading took a bounded shortcut instead of the full analysis (hostile or unusual
    /// input), each once. The decision's reasons name them.
    pub shortcuts: Vec<Shortcut>,
    /// Attachments and inline parts that are not the message text, by content.
    pub attachments: Vec<Attachment>,
    /// The message had no header block mail-parser could read.
    pub headerless: bool,
    /// Message-IDs in `References:`, for threading a reply.
    pub references: Vec<String>,
    /// Header facts the RFC 3834 reply guards need.
    pub auto: AutoHeaders,
}

/// An attachment (or inline image), known by a stable hash of its decoded content, so the same
/// file under another name, encoding or position is the same attachment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    pub name: String,
    pub size: usize,
    pub hash: u64,
}

/// A message attached to this one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AttachedMessage {
    /// Addresses in its `From:`, lower-cased.
    pub from: Vec<String>,
    /// Its own text (without what it quotes, which is in the outer message's `quoted_text`).
    pub own_text: String,
}

/// What a message says about being automatic or bulk, raw values trimmed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AutoHeaders {
    pub auto_submitted: Option<String>,
    pub precedence: Option<String>,
    /// Names of any `List-*` header fields.
    pub list_headers: Vec<String>,
    pub x_auto_response_suppress: Option<String>,
    /// The top-level content type, lower-cased, e.g. `multipart/report`.
    pub content_type: Option<String>,
}

/// A bounded shortcut taken while reading a message, so that no input costs more than a
/// fixed budget of work (issue 12: nested HTML cost time growing with the square of its depth).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Shortcut {
    /// An HTML part larger than [`HTML_LAYOUT_MAX_BYTES`]: its tags were stripped, no CSS
    /// applied.
    HtmlTooLarge,
    /// An HTML part nested deeper than [`HTML_LAYOUT_MAX_DEPTH`]: tags stripped.
    HtmlTooDeep,
    /// An HTML part whose style rules times elements exceed [`HTML_LAYOUT_MAX_STYLE_WORK`],
    /// or with a selector of more than [`HTML_LAYOUT_MAX_SELECTOR_PARTS`] parts: tags stripped.
    HtmlTooManyStyles,
    /// The message's HTML parts together exceed [`HTML_LAYOUT_MAX_PER_MESSAGE`]: the parts
    /// past it had their tags stripped.
    HtmlTooMuch,
}

impl Shortcut {
    /// For reasons and `explain`: what was cut short, in an officer's words (no customer text).
    pub fn describe(self) -> String {
        match self {
            Shortcut::HtmlTooLarge => format!(
                "analysis cut short: an HTML part is larger than {} KiB, so its tags were \
                 stripped without applying its layout or styles (hidden text was read too)",
                HTML_LAYOUT_MAX_BYTES / 1024
            ),
            Shortcut::HtmlTooDeep => format!(
                "analysis cut short: an HTML part is nested deeper than {HTML_LAYOUT_MAX_DEPTH} \
                 elements, so its tags were stripped without applying its layout or styles"
            ),
            Shortcut::HtmlTooManyStyles => "analysis cut short: an HTML part has too many or too \
                 complex style rules for its size, so its tags were stripped without applying \
                 its styles"
                .to_string(),
            Shortcut::HtmlTooMuch => format!(
                "analysis cut short: the message's HTML parts come to more than {} KiB, so the \
                 parts past that had their tags stripped without applying their layout or styles",
                HTML_LAYOUT_MAX_PER_MESSAGE / 1024
            ),
        }
    }
}

#[derive(Debug, thiserror::Error)]
#[error("the MIME parser failed on this message: {0}")]
pub struct ParseError(pub String);

impl Message {
    /// Parses `raw`. Malformed MIME is not an error (mail-parser is lenient and we relay what we
    /// are given); only a parser panic is.
    pub fn parse(raw: &[u8]) -> Result<Message, ParseError> {
        guarded(|| Self::parse_inner(raw))
    }

    fn parse_inner(raw: &[u8]) -> Message {
        let Some(parsed) = MessageParser::default().parse(raw) else {
            return Message {
                headerless: true,
                ..Message::default()
            };
        };
        let mut budget = HtmlBudget::default();
        let mut to = addresses(parsed.header("To"));
        to.extend(addresses(parsed.header("Cc")));
        let Body {
            own,
            mut quoted,
            footer,
        } = split_body(&body_text(&parsed, &mut budget));
        let mut footer = footer;
        let alt_text = if parsed.html_body != parsed.text_body {
            // The HTML part's footer is scanned by the flags like the text part's.
            let html = split_body(&html_text(&parsed, &mut budget));
            footer.push_str(&html.footer);
            html.own
        } else {
            String::new()
        };
        let mut parts = Parts::default();
        collect_attachments(&parsed, &mut parts, &mut quoted, &mut budget, 0);
        Message {
            message_id: parsed.message_id().map(str::to_string),
            subject: parsed.subject().map(str::to_string),
            from: addresses(parsed.header("From")),
            to,
            own_text: own,
            alt_text,
            quoted_text: quoted,
            footer,
            attached: parts.attached,
            nested_too_deep: parts.too_deep,
            shortcuts: budget.shortcuts,
            attachments: parts.attachments,
            headerless: false,
            references: match parsed.references() {
                HeaderValue::Text(id) => vec![id.to_string()],
                HeaderValue::TextList(ids) => ids.iter().map(|i| i.to_string()).collect(),
                _ => Vec::new(),
            },
            auto: AutoHeaders {
                auto_submitted: raw_header(&parsed, "Auto-Submitted"),
                precedence: raw_header(&parsed, "Precedence"),
                list_headers: parsed
                    .headers()
                    .iter()
                    .map(|h| h.name().to_string())
                    .filter(|n| n.to_ascii_lowercase().starts_with("list-"))
                    .collect(),
                x_auto_response_suppress: raw_header(&parsed, "X-Auto-Response-Suppress"),
                content_type: parsed.content_type().map(|c| {
                    format!("{}/{}", c.ctype(), c.subtype().unwrap_or("")).to_ascii_lowercase()
                }),
            },
        }
    }
}

/// Headers whose names start with this are contactgate's own; a sender's copies are renamed.
const OWN_HEADER: &[u8] = b"x-contactgate";

/// A copy of a raw message in which every header field the sender wrote under contactgate's
/// own names (`X-Contactgate`, `X-Contactgate-Flags`...) is renamed `X-Sender-Supplied-...`,
/// so no one downstream mistakes it for the gateway's verdict. `None` when there is none (the
/// usual case: no copy is made). Only the header section is looked at.
pub fn rename_own_headers(raw: &[u8]) -> Option<Vec<u8>> {
    let mut starts = Vec::new();
    let mut at = 0;
    while at < raw.len() {
        let line_end = memchr::memchr(b'\n', &raw[at..]).map_or(raw.len(), |i| at + i + 1);
        let line = &raw[at..line_end];
        if line == b"\r\n" || line == b"\n" {
            break;
        }
        if line.len() >= OWN_HEADER.len()
            && line[..OWN_HEADER.len()].eq_ignore_ascii_case(OWN_HEADER)
        {
            starts.push(at);
        }
        at = line_end;
    }
    if starts.is_empty() {
        return None;
    }
    let mut out = Vec::with_capacity(raw.len() + starts.len() * 16);
    let mut from = 0;
    for s in starts {
        out.extend_from_slice(&raw[from..s]);
        out.extend_from_slice(b"X-Sender-Supplied-");
        from = s + 2;
    }
    out.extend_from_slice(&raw[from..]);
    Some(out)
}

/// The sender's own words: stops at the first quoted-reply header or signature delimiter and
/// leaves out `>` lines. Abuse or topics quoted back from the council's own letter are not the
/// sender's.
pub fn own_text(body: &str) -> String {
    split_quoted(body).0
}

/// [`own_text`], and what is left out of it apart from the signature and legal footers: the
/// quoted lines and everything from a quoted-reply header on.
pub fn split_quoted(body: &str) -> (String, String) {
    let b = split_body(body);
    (b.own, b.quoted)
}

/// A text body cut into what the sender wrote, what it quotes and its legal footers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Body {
    pub own: String,
    pub quoted: String,
    pub footer: String,
}

/// Cuts a text body: the sender's own words stop at the first quoted-reply header or signature
/// delimiter and leave out `>` lines. A legal footer is the paragraph a footer line starts,
/// and any after it, when nothing more of the sender's follows (a quote or signature may): a
/// footer between the text and a quote is not new information, and text after a "Disclaimer:"
/// paragraph is the sender's (the flags scan the footer too).
pub fn split_body(body: &str) -> Body {
    let lines: Vec<&str> = body.lines().collect();
    let mut out = String::with_capacity(body.len());
    let mut quoted = String::new();
    // Footer lines (and blank lines after them) not yet known to end the sender's text.
    let mut footer = String::new();
    let mut in_footer = false;
    let rest_quoted = |from: usize, quoted: &mut String| {
        for l in &lines[from..] {
            quoted.push_str(l.trim_start_matches(['>', ' ']));
            quoted.push('\n');
        }
    };
    // Lines before this one are a signature.
    let mut signature_until = 0;
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim();
        // Only the first delimiter starts a signature: repeating it must not hide the rest.
        if (*line == "-- " || *line == "--") && signature_until == 0 {
            // A signature: the delimiter and at most SIGNATURE_LINES lines under it (RFC 3676's
            // convention is four). What follows those is the sender's again, so words put under
            // a signature delimiter are not hidden from the flags (review finding).
            signature_until = i + 1 + SIGNATURE_LINES;
            in_footer = false;
            continue;
        }
        // Every header and footer looked for below starts with one of these (no character
        // outside ASCII lower-cases to them), so other lines are not lower-cased (issue 13: a
        // copy of every line).
        let lower = if t.as_bytes().first().is_some_and(|&b| may_open_header(b)) {
            t.to_lowercase()
        } else {
            String::new()
        };
        if starts_quote(&lower, &lines[i + 1..]) {
            // A quoted or forwarded message: someone's earlier words, not new ones.
            rest_quoted(i, &mut quoted);
            break;
        }
        if t.starts_with('>') {
            quoted.push_str(t.trim_start_matches(['>', ' ']));
            quoted.push('\n');
            continue;
        }
        // Under a signature delimiter: the signature (a quote under it was caught above).
        if i < signature_until {
            continue;
        }
        if DISCLAIMERS.iter().any(|d| lower.starts_with(d)) {
            in_footer = true;
        } else if !footer.is_empty() && !in_footer && t.chars().any(char::is_alphanumeric) {
            // The sender wrote more after the footer paragraph: it was theirs after all. (A
            // rule of underscores before an Outlook quote is not writing.)
            out.push_str(&footer);
            footer.clear();
        }
        if t.is_empty() {
            in_footer = false;
        }
        if in_footer || !footer.is_empty() {
            footer.push_str(line);
            footer.push('\n');
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    Body {
        own: out,
        quoted,
        footer,
    }
}

/// Whether the line `lower` (lower-cased, trimmed), with the lines `after` it, starts a quoted
/// or forwarded message: a forwarding rule, an "On …, X wrote:" header (Welsh Gmail's "Ar …
/// ysgrifennodd:"), possibly wrapped onto a second line, or Outlook's "From:" followed by
/// "Sent:" or "Date:".
fn starts_quote(lower: &str, after: &[&str]) -> bool {
    if lower.starts_with("-----")
        && (lower.contains("original message") || lower.contains("forwarded message"))
        || lower.starts_with("---------- neges wedi")
        || lower == "begin forwarded message:"
    {
        return true;
    }
    if lower.starts_with("on ") || lower.starts_with("ar ") {
        let ends = |l: &str| l.ends_with("wrote:") || l.ends_with("ysgrifennodd:");
        if ends(lower) {
            return true;
        }
        if let Some(next) = after.first()
            && ends(&format!("{lower} {}", next.trim().to_lowercase()))
        {
            return true;
        }
    }
    lower.starts_with("from:")
        && after.iter().take(3).any(|l| {
            let l = l.trim_start().to_ascii_lowercase();
            l.starts_with("sent:") || l.starts_with("date:")
        })
}

/// Whether a line starting with `b` may be a quote header or a legal footer: the first letters
/// (in either case) of every header and footer [`split_body`] looks for.
fn may_open_header(b: u8) -> bool {
    matches!(
        b.to_ascii_lowercase(),
        b'-' | b'a' | b'b' | b'c' | b'd' | b'f' | b'o' | b't'
    )
}

/// Text safe inside a header field value: no control characters (so no CR or LF), no quotes
/// or backslashes, ASCII only, at most `max` characters.
pub fn header_safe(text: &str, max: usize) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() || c == '"' || c == '\\' || !c.is_ascii() {
                ' '
            } else {
                c
            }
        })
        .take(max)
        .collect()
}

/// The longest signature, in lines under its `-- ` delimiter.
const SIGNATURE_LINES: usize = 10;

/// How legal footers start (lower case). Specific enough not to start a sentence of the
/// sender's ("This email and any photos show...").
const DISCLAIMERS: &[&str] = &[
    "confidentiality notice",
    "disclaimer:",
    "this email and any attachment",
    "this email and any files",
    "this e-mail and any attachment",
    "this e-mail and any files",
    "this message and any attachment",
    "this message and any files",
    "the information in this email is confidential",
    "the information contained in this email",
];

/// A 64-bit FNV-1a hash: fixed by its definition, so hashes kept in the store mean the same
/// after an upgrade (the standard library's hasher promises no such thing).
pub fn stable_hash(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The text of the message's text parts, in order. An HTML part counts as the text a reader
/// sees: hidden elements (`display:none`) and quoted replies (`blockquote`, Gmail's
/// `gmail_quote`, Outlook's reply header) are left out.
fn body_text(parsed: &mail_parser::Message<'_>, budget: &mut HtmlBudget) -> String {
    let mut out = String::new();
    for &id in &parsed.text_body {
        let Some(part) = parsed.part(id) else {
            continue;
        };
        match &part.body {
            PartType::Text(t) => out.push_str(t),
            PartType::Html(h) => out.push_str(&visible_text(h, budget)),
            _ => continue,
        }
        out.push('\n');
    }
    out
}

/// The visible text of the message's HTML parts (for multipart/alternative, the HTML side).
fn html_text(parsed: &mail_parser::Message<'_>, budget: &mut HtmlBudget) -> String {
    let mut out = String::new();
    for &id in &parsed.html_body {
        if let Some(part) = parsed.part(id)
            && let PartType::Html(h) = &part.body
        {
            out.push_str(&visible_text(h, budget));
            out.push('\n');
        }
    }
    out
}

/// Nested messages deeper than this are not opened (each level is a forward of a forward).
pub const MAX_NESTING: usize = 4;

/// What [`collect_attachments`] finds.
#[derive(Default)]
struct Parts {
    attachments: Vec<Attachment>,
    attached: Vec<AttachedMessage>,
    too_deep: bool,
}

/// Attachments, of the message and of any message attached to it (`message/rfc822`). An
/// attached message's own words and sender go to `attached`, what it quotes to `quoted`, and
/// its own attachments count like the message's (review finding: a photo inside a forwarded
/// message was never compared).
fn collect_attachments(
    parsed: &mail_parser::Message<'_>,
    parts: &mut Parts,
    quoted: &mut String,
    budget: &mut HtmlBudget,
    depth: usize,
) {
    for part in parsed.attachments() {
        if let PartType::Message(inner) = &part.body {
            if depth >= MAX_NESTING {
                parts.too_deep = true;
                continue;
            }
            let body = split_body(&body_text(inner, budget));
            parts.attached.push(AttachedMessage {
                from: addresses(inner.header("From")),
                own_text: body.own,
            });
            quoted.push_str(&body.quoted);
            collect_attachments(inner, parts, quoted, budget, depth + 1);
            continue;
        }
        let contents = part.contents();
        parts.attachments.push(Attachment {
            name: part.attachment_name().unwrap_or("(unnamed)").to_string(),
            size: contents.len(),
            hash: stable_hash(contents),
        });
    }
}

/// Quoted replies in HTML mail, hidden like `display:none` text.
const QUOTES_CSS: &str = "blockquote, .gmail_quote, .gmail_extra, .moz-cite-prefix, \
    .yahoo_quoted, #divRplyFwdMsg, #appendonsend { display: none; }";

/// What laying out one message's HTML parts has cost so far, and the shortcuts taken.
#[derive(Debug, Default)]
pub struct HtmlBudget {
    pub shortcuts: Vec<Shortcut>,
    /// Bytes of HTML laid out so far, across the message's parts.
    laid_out: usize,
}

/// Bytes of HTML laid out per message at most, across all its parts (review finding: a 50 MB
/// message of many parts, each within the per-part budget, added up to minutes).
pub const HTML_LAYOUT_MAX_PER_MESSAGE: usize = 1024 * 1024;

/// HTML parts larger than this are not laid out (html2text): their tags are stripped.
pub const HTML_LAYOUT_MAX_BYTES: usize = 256 * 1024;
/// HTML nested deeper than this is not laid out. html2text's cost grows with the square of
/// the nesting depth (60,000 nested lists took 10 s of CPU); real mail stays far below this.
pub const HTML_LAYOUT_MAX_DEPTH: usize = 256;
/// Style rules times elements above this are not laid out: applying a document's CSS costs
/// about one selector match per rule and element (20,000 rules × 20,000 spans took 7 s).
pub const HTML_LAYOUT_MAX_STYLE_WORK: usize = 2_000_000;

/// The text of an HTML body as a reader sees it. html2text applies the document's own CSS, so
/// text hidden from the reader is not taken for the customer's words.
///
/// Only HTML within the layout budget ([`html_shape`]) goes to html2text; any other is read by
/// the linear [`strip_tags`], and the shortcut is noted, so no HTML costs more than a bounded
/// amount of work.
pub fn visible_text(html: &str, budget: &mut HtmlBudget) -> String {
    let shape = if budget.laid_out + html.len() > HTML_LAYOUT_MAX_PER_MESSAGE {
        Err(Shortcut::HtmlTooMuch)
    } else {
        html_shape(html)
    };
    if let Err(why) = shape {
        if !budget.shortcuts.contains(&why) {
            budget.shortcuts.push(why);
        }
        return strip_tags(html);
    }
    budget.laid_out += html.len();
    let config = html2text::config::plain_no_decorate()
        .use_doc_css()
        .raw_mode(true)
        .link_footnotes(false)
        .add_css(QUOTES_CSS);
    // raw_mode does not wrap, but table layout still sums column widths up to this: a width
    // near usize::MAX overflowed on wide tables (found by the budget's own test).
    match config.and_then(|c| c.string_from_read(html.as_bytes(), LAYOUT_WIDTH)) {
        Ok(text) => text,
        // Not renderable: fall back to the text between tags, so nothing is hidden from the
        // flags by malformed markup.
        Err(_) => strip_tags(html),
    }
}

/// Style selectors with more parts than this are not laid out (html2text's matching of
/// descendant selectors grows exponentially with their parts).
pub const HTML_LAYOUT_MAX_SELECTOR_PARTS: usize = 4;

/// The width html2text lays text out in: wider than any line of mail.
const LAYOUT_WIDTH: usize = 1 << 20;

/// Checks, in one linear pass, that laying out `html` stays within the budget: its size, how
/// deeply its elements nest, its style rules times its elements, and how complex any one style
/// selector is.
///
/// The depth follows the open elements as a browser would: a start tag opens an element unless
/// void (`/>` self-closes only those, as in HTML), an end tag closes the innermost open element
/// of its name and is ignored when none is open (review finding: stray end tags and `<ul/>`
/// made deep nesting look shallow); elements whose end tag is optional (`p`, `li`, `td`...) are
/// not counted, since sloppy mail leaves them open without nesting them.
///
/// Selectors: html2text matches a descendant selector by trying combinations, at a cost that
/// grows exponentially with its parts (review finding: one ten-part rule over 30 nested `div`s
/// took 3.6 s); a selector of more than [`HTML_LAYOUT_MAX_SELECTOR_PARTS`] parts is not laid out.
fn html_shape(html: &str) -> Result<(), Shortcut> {
    if html.len() > HTML_LAYOUT_MAX_BYTES {
        return Err(Shortcut::HtmlTooLarge);
    }
    let bytes = html.as_bytes();
    let (mut elements, mut rules) = (0usize, 0usize);
    // Names of the open elements, innermost last; at most the depth limit.
    let mut open: Vec<&[u8]> = Vec::new();
    // Where the current style selector started (after the last `}` or `>`).
    let mut selector_from = 0;
    let mut at = 0;
    while let Some(i) = memchr::memchr3(b'<', b'{', b'}', &bytes[at..]) {
        let start = at + i;
        at = start + 1;
        match bytes[start] {
            b'}' => {
                selector_from = at;
                continue;
            }
            b'{' => {
                // A style rule (or a brace in text: counting it too only errs on the safe side).
                rules += 1;
                let selectors = &bytes[selector_from.min(start)..start];
                if selectors.split(|&b| b == b',').any(|sel| {
                    sel.split(|b| b.is_ascii_whitespace() || *b == b'>' || *b == b'+' || *b == b'~')
                        .filter(|part| !part.is_empty())
                        .count()
                        > HTML_LAYOUT_MAX_SELECTOR_PARTS
                }) {
                    return Err(Shortcut::HtmlTooManyStyles);
                }
                selector_from = at;
                continue;
            }
            _ => {}
        }
        let closing = bytes.get(at) == Some(&b'/');
        let name_from = at + usize::from(closing);
        let name_len = bytes[name_from..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if name_len == 0 {
            continue;
        }
        let name = &bytes[name_from..name_from + name_len];
        let Some(end) = memchr::memchr(b'>', &bytes[name_from..]).map(|e| name_from + e) else {
            // No `>` anywhere after: no more tags (and no rescanning to the end for each `<`).
            break;
        };
        at = end + 1;
        selector_from = at;
        if closing {
            if let Some(i) = open.iter().rposition(|o| o.eq_ignore_ascii_case(name)) {
                open.truncate(i);
            }
            continue;
        }
        elements += 1;
        if !is_void(name) && !optional_end(name) {
            open.push(name);
            if open.len() > HTML_LAYOUT_MAX_DEPTH {
                return Err(Shortcut::HtmlTooDeep);
            }
        }
    }
    if rules.saturating_mul(elements) > HTML_LAYOUT_MAX_STYLE_WORK {
        return Err(Shortcut::HtmlTooManyStyles);
    }
    Ok(())
}

/// Elements that never have content (HTML's void elements).
fn is_void(name: &[u8]) -> bool {
    const VOID: &[&[u8]] = &[
        b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta",
        b"param", b"source", b"track", b"wbr",
    ];
    VOID.iter().any(|v| v.eq_ignore_ascii_case(name))
}

/// Elements whose end tag may be left out: the parser closes them rather than nesting them.
fn optional_end(name: &[u8]) -> bool {
    const OPTIONAL: &[&[u8]] = &[
        b"p",
        b"li",
        b"dt",
        b"dd",
        b"tr",
        b"td",
        b"th",
        b"option",
        b"optgroup",
        b"thead",
        b"tbody",
        b"tfoot",
        b"colgroup",
        b"rb",
        b"rt",
        b"rp",
        b"rtc",
        b"caption",
        b"html",
        b"head",
        b"body",
    ];
    OPTIONAL.iter().any(|v| v.eq_ignore_ascii_case(name))
}

/// The text between tags, in one linear pass: the reader for HTML outside the layout budget
/// and for markup html2text cannot read. Style and script contents are not text; the common
/// character entities are decoded so the flags see the words.
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        push_text(&mut out, &rest[..lt]);
        let tag = &rest[lt..];
        let end = tag.find('>').map_or(tag.len(), |e| e + 1);
        let name: String = tag[1..end.min(tag.len())]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .take(8)
            .collect::<String>()
            .to_ascii_lowercase();
        rest = &tag[end..];
        if name == "style" || name == "script" {
            // Skip to the matching end tag (ASCII case-insensitively), or to the end.
            let close = format!("</{name}");
            let found = rest
                .as_bytes()
                .windows(close.len())
                .position(|w| w.eq_ignore_ascii_case(close.as_bytes()));
            rest = match found {
                Some(p) => &rest[p..],
                None => "",
            };
        }
        out.push(' ');
    }
    push_text(&mut out, rest);
    out
}

/// Text between tags, with the common entities decoded.
fn push_text(out: &mut String, text: &str) {
    if !text.contains('&') {
        out.push_str(text);
        return;
    }
    const ENTITIES: &[(&str, &str)] = &[
        ("&amp;", "&"),
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("&quot;", "\""),
        ("&#39;", "'"),
        ("&apos;", "'"),
        ("&nbsp;", " "),
    ];
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        match ENTITIES.iter().find(|(e, _)| rest.starts_with(e)) {
            Some((e, c)) => {
                out.push_str(c);
                rest = &rest[e.len()..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
}

/// Runs a parser, turning a panic into a [`ParseError`].
fn guarded<T>(parse: impl FnOnce() -> T) -> Result<T, ParseError> {
    catch_unwind(AssertUnwindSafe(parse))
        .map_err(|panic| ParseError(crate::unwind::panic_text(&panic)))
}

/// An attachment as an officer sees it listed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct AttachmentInfo {
    pub name: String,
    pub content_type: String,
    pub size: usize,
}

/// What an officer reads of a message: its first text body as the parser decodes it, and its
/// attachments listed. Panic-safe like [`Message::parse`].
pub fn readable(raw: &[u8]) -> Result<(String, Vec<AttachmentInfo>), ParseError> {
    guarded(|| {
        let Some(m) = MessageParser::default().parse(raw) else {
            return (String::new(), Vec::new());
        };
        let text = m.body_text(0).map(|t| t.into_owned()).unwrap_or_default();
        let attachments = m
            .attachments()
            .map(|a| AttachmentInfo {
                name: a.attachment_name().unwrap_or("(no name)").to_string(),
                content_type: a
                    .content_type()
                    .map(|c| format!("{}/{}", c.ctype(), c.subtype().unwrap_or("")))
                    .unwrap_or_default(),
                size: a.contents().len(),
            })
            .collect();
        (text, attachments)
    })
}

/// The most of a message's start [`header_section`] looks at for the end of the header.
pub const HEADER_SECTION_MAX: usize = 256 * 1024;

/// The header section of a raw message (through the blank line that ends it), at most
/// [`HEADER_SECTION_MAX`] bytes: enough to read its addresses and subject when the whole
/// message cannot be analysed.
pub fn header_section(raw: &[u8]) -> &[u8] {
    let head = &raw[..raw.len().min(HEADER_SECTION_MAX)];
    let end = memchr::memmem::find(head, b"\r\n\r\n")
        .map(|i| i + 4)
        .or_else(|| memchr::memmem::find(head, b"\n\n").map(|i| i + 2));
    &head[..end.unwrap_or(head.len())]
}

fn raw_header(parsed: &mail_parser::Message<'_>, name: &str) -> Option<String> {
    parsed
        .header_raw(name)
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

fn addresses(value: Option<&HeaderValue<'_>>) -> Vec<String> {
    let Some(HeaderValue::Address(address)) = value else {
        return Vec::new();
    };
    address
        .iter()
        .filter_map(|a| a.address())
        .map(|a| a.trim().to_ascii_lowercase())
        .filter(|a| !a.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `split_body` lower-cases only lines that `may_open_header` lets through: every header
    /// and footer it looks for must start with one of those letters.
    #[test]
    fn every_header_and_footer_starts_where_split_body_looks() {
        let headers = [
            "-----",
            "---------- neges wedi",
            "begin forwarded message:",
            "on ",
            "ar ",
            "from:",
        ];
        for h in headers.iter().chain(DISCLAIMERS) {
            assert!(may_open_header(h.as_bytes()[0]), "{h}");
            assert!(may_open_header(h.to_uppercase().as_bytes()[0]), "{h}");
        }
        // No character outside ASCII lower-cases to a first letter it lets through.
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
            let lower = c.to_lowercase().next().unwrap();
            assert!(!(lower.is_ascii() && may_open_header(lower as u8)), "{c:?}");
        }
    }

    #[test]
    fn reads_addresses_subject_and_id() {
        let m = Message::parse(
            b"From: \"A\" <A.Example@Mail.Example>\r\nTo: x@council.example, Y <y@council.example>\r\n\
Cc: z@council.example\r\nSubject: =?utf-8?q?Caf=C3=A9?=\r\nMessage-ID: <abc@mail.example>\r\n\r\nhi\r\n",
        )
        .unwrap();
        assert_eq!(m.from, vec!["a.example@mail.example"]);
        assert_eq!(
            m.to,
            vec![
                "x@council.example",
                "y@council.example",
                "z@council.example"
            ]
        );
        assert_eq!(m.subject.as_deref(), Some("Café"));
        assert_eq!(m.message_id.as_deref(), Some("abc@mail.example"));
    }

    #[test]
    fn a_parser_panic_becomes_an_error() {
        let e = guarded(|| -> Message { panic!("boom in parser") }).unwrap_err();
        assert!(e.to_string().contains("boom in parser"), "{e}");
    }

    #[test]
    fn own_text_drops_quotes_and_signatures() {
        let body = "My new point.\n> quoted old text\nSecond line.\n\nOn Mon, 1 Jun 2026, Council <c@council.example>\nwrote:\nold letter\n";
        assert_eq!(own_text(body), "My new point.\nSecond line.\n\n");
        let outlook = "Reply here\n\nFrom: Council\nSent: Monday\nTo: me\nold\n";
        assert_eq!(own_text(outlook), "Reply here\n\n");
        let sig = "Text\n-- \nMr A\n";
        assert_eq!(own_text(sig), "Text\n");
        let welsh = "Diolch.\nAr Llun, 1 Meh 2026 am 10:00, Cyngor <c@council.example>\nysgrifennodd:\nhen lythyr\n";
        assert_eq!(own_text(welsh), "Diolch.\n");
        let orig = "Text\n-----Original Message-----\nold\n";
        assert_eq!(own_text(orig), "Text\n");
    }

    #[test]
    fn html_only_mail_is_read_as_a_reader_sees_it() {
        let m = Message::parse(
            b"From: a@mail.example\r\nContent-Type: text/html\r\n\r\n\
<html><head><style>.x{display:none}</style></head><body><p>Visible complaint.</p>\
<span style=\"display:none\">hidden words</span><div class=\"x\">classed hidden</div>\
<blockquote>quoted letter</blockquote><div class=\"gmail_quote\">gmail quote</div></body></html>\r\n",
        )
        .unwrap();
        assert!(
            m.own_text.contains("Visible complaint."),
            "{:?}",
            m.own_text
        );
        for hidden in [
            "hidden words",
            "classed hidden",
            "quoted letter",
            "gmail quote",
        ] {
            assert!(!m.own_text.contains(hidden), "{hidden}: {:?}", m.own_text);
        }
    }

    #[test]
    fn garbage_is_not_an_error() {
        let m = Message::parse(b"\xff\xfe\x00garbage without headers").unwrap();
        assert!(m.from.is_empty());
    }
}

#[cfg(test)]
mod own_header_tests {
    use super::rename_own_headers;

    #[test]
    fn a_senders_contactgate_headers_are_renamed_in_the_header_section_only() {
        let raw = b"From: a@example.org\r\nx-contactgate-flags: none\r\nX-Contactgate: action=deliver\r\n\tfolded\r\nSubject: hi\r\n\r\nX-Contactgate: in the body\r\n";
        let out = String::from_utf8(rename_own_headers(raw).unwrap()).unwrap();
        assert_eq!(
            out,
            "From: a@example.org\r\nX-Sender-Supplied-contactgate-flags: none\r\nX-Sender-Supplied-Contactgate: action=deliver\r\n\tfolded\r\nSubject: hi\r\n\r\nX-Contactgate: in the body\r\n"
        );
        assert!(rename_own_headers(b"Subject: x\r\n\r\nX-Contactgate: body\r\n").is_none());
    }
}

#[cfg(test)]
mod split_tests {
    use super::split_quoted;

    #[test]
    fn a_one_line_welsh_quote_header_ends_the_senders_text() {
        // Regression: a one-line "Ar ddydd ... ysgrifennodd:" was joined with the quoted line
        // after it, no longer ended in "ysgrifennodd:", and the quote counted as the sender's.
        let body = "Nid wyf yn derbyn hyn.\n\nAr ddydd Mawrth, 3 Chwef 2026 am 14:03, Rhian Evans <r.evans@council.example> ysgrifennodd:\n> Annwyl Ms Llywelyn,\n> Diolch am eich e-bost.\n";
        let (own, quoted) = split_quoted(body);
        assert_eq!(own, "Nid wyf yn derbyn hyn.\n\n");
        assert!(quoted.contains("Diolch am eich e-bost."), "{quoted}");
    }

    #[test]
    fn forwards_are_quoted_and_legal_footers_left_out() {
        for marker in [
            "---------- Forwarded message ---------",
            "Begin forwarded message:",
            "---------- Neges wedi'i hanfon ymlaen ---------",
        ] {
            let body =
                format!("Did you get this?\n\n{marker}\nFrom: a@b\n\nThe path is covered.\n");
            let (own, quoted) = split_quoted(&body);
            assert_eq!(own, "Did you get this?\n\n", "{marker}");
            assert!(quoted.contains("The path is covered."), "{marker}");
        }
        let (own, _) = split_quoted(
            "Please tell me how to appeal.\n\nCONFIDENTIALITY NOTICE: The information in this email may be privileged.\n",
        );
        assert_eq!(own, "Please tell me how to appeal.\n\n");
    }
}

#[cfg(test)]
mod footer_tests {
    use super::split_body;

    #[test]
    fn a_disclaimer_line_does_not_hide_what_follows_it() {
        // Regression (review): any "Disclaimer:" line ended the sender's text, so threats
        // written after one were never scanned. A footer paragraph followed by more of the
        // sender's text is the sender's; one at the end is the footer (the flags scan it).
        let b = split_body("Hello.\nDisclaimer: none\nI will kill you.\n\nAnd again.\n");
        assert_eq!(
            b.own,
            "Hello.\nDisclaimer: none\nI will kill you.\n\nAnd again.\n"
        );
        assert_eq!(b.footer, "");
        let b = split_body("Hello.\nDisclaimer: none\nI will kill you.\n\n");
        assert_eq!(b.own, "Hello.\n");
        assert_eq!(b.footer, "Disclaimer: none\nI will kill you.\n\n");
        // Not every "This email and any..." is a footer.
        let b = split_body("This email and any photos show the ceiling fell on Tuesday.\n");
        assert!(b.own.contains("ceiling"), "{b:?}");
    }

    #[test]
    fn regression_words_far_under_a_signature_delimiter_are_the_senders() {
        // Review finding: everything under "-- " was dropped, so abuse written there was never
        // scanned. A signature is at most ten lines; what a quote follows is still quoted.
        let mut body = String::from("Please fix it.\n-- \nJo Bloggs\n");
        body.push_str(&"\n".repeat(12));
        body.push_str("watch your back\n");
        let b = split_body(&body);
        assert!(b.own.contains("watch your back"), "{b:?}");
        assert!(!b.own.contains("Jo Bloggs"), "{b:?}");
        let b = split_body("Hi.\n-- \nJo\n01234 567890\n\n> your letter said\n> more\n");
        assert_eq!(b.own, "Hi.\n");
        assert_eq!(b.quoted, "your letter said\nmore\n");
        // Repeating the delimiter hides nothing more (review finding).
        let mut body = String::from("Fix the boiler.\n");
        for _ in 0..5 {
            body.push_str("-- \nJo\nI know where you live.\n");
        }
        let b = split_body(&body);
        // The first signature's ten lines hold three of them; the last two are read.
        assert_eq!(b.own.matches("I know where you live.").count(), 2, "{b:?}");
        let b = split_body("Hi.\n-- \nJo\nOn Mon, 1 Jun 2026, Housing wrote:\n> old\n");
        assert_eq!(b.own, "Hi.\n");
        // An Outlook original under the signature stays quoted, however long.
        let mut body = String::from("Hi.\n-- \nJo\nFrom: Housing\nSent: 1 June 2026\n\n");
        body.push_str(&"The council's letter.\n".repeat(20));
        let b = split_body(&body);
        assert_eq!(b.own, "Hi.\n");
        assert!(b.quoted.contains("The council's letter."), "{b:?}");
    }

    #[test]
    fn a_footer_between_the_text_and_an_outlook_quote_is_not_the_senders() {
        // Regression: a footer was only left out when it was the last line, so a resend over
        // an Outlook quote judged the footer new information.
        let b = split_body(
            "Following up on the below.\n\nCONFIDENTIALITY NOTICE: The information in this \
             email may be privileged.\nIt is intended only for the named recipient.\n\n\
             ________________________________\nFrom: Anjali\nSent: 1 May 2026\nTo: admissions\n\nMy daughter...\n",
        );
        assert_eq!(b.own, "Following up on the below.\n\n");
        assert!(b.footer.starts_with("CONFIDENTIALITY NOTICE"), "{b:?}");
        assert!(b.footer.contains("named recipient"), "{b:?}");
        assert!(b.quoted.contains("My daughter"), "{b:?}");
    }
}

#[cfg(test)]
mod html_budget_tests {
    use super::*;

    #[test]
    fn ordinary_sloppy_html_is_laid_out() {
        // Unclosed paragraphs, list items and cells do not nest, and void elements open nothing.
        let mut html = String::from("<html><body><table>");
        for _ in 0..2_000 {
            html.push_str("<tr><td>cell<td><p>para<br><img src=x><li>item");
        }
        html.push_str("</table></body></html>");
        assert_eq!(html_shape(&html), Ok(()));
        let mut cut = HtmlBudget::default();
        let text = visible_text(&html, &mut cut);
        assert!(cut.shortcuts.is_empty() && text.contains("item"), "{cut:?}");
    }

    #[test]
    fn html_past_the_budget_is_read_by_the_linear_reader() {
        let deep = format!("{}deep words", "<div>".repeat(HTML_LAYOUT_MAX_DEPTH + 1));
        let mut cut = HtmlBudget::default();
        assert!(visible_text(&deep, &mut cut).contains("deep words"));
        assert_eq!(cut.shortcuts, vec![Shortcut::HtmlTooDeep]);
        let large = format!("<p>{}</p>", "big ".repeat(HTML_LAYOUT_MAX_BYTES / 4));
        assert!(visible_text(&large, &mut cut).contains("big big"));
        assert_eq!(
            cut.shortcuts,
            vec![Shortcut::HtmlTooDeep, Shortcut::HtmlTooLarge]
        );
        let mut styled = String::from("<style>");
        for i in 0..2_000 {
            styled.push_str(&format!(".c{i}{{display:none}}"));
        }
        styled.push_str("</style>");
        for i in 0..2_000 {
            styled.push_str(&format!("<span class=c{i}>w</span>"));
        }
        let mut cut = HtmlBudget::default();
        visible_text(&styled, &mut cut);
        assert_eq!(cut.shortcuts, vec![Shortcut::HtmlTooManyStyles]);
    }

    #[test]
    fn regression_stray_end_tags_and_self_closed_lists_do_not_hide_depth() {
        // Review finding: any end tag lowered the depth and `/>` self-closed any element, so
        // `<div></b>` × 28,000 (2.8 s) and `<ul/>` × 43,000 (8.9 s) passed as shallow.
        for part in ["<div></b>", "<ul/>"] {
            let html = part.repeat(HTML_LAYOUT_MAX_DEPTH + 1);
            assert_eq!(html_shape(&html), Err(Shortcut::HtmlTooDeep), "{part}");
        }
        // A real end tag closes its element.
        let closed = "<div><b>x</b></div>".repeat(10_000);
        assert_eq!(html_shape(&closed), Ok(()));
    }

    #[test]
    fn regression_a_complex_selector_is_not_laid_out() {
        // Review finding: one ten-part descendant selector over 30 nested divs took 3.6 s in
        // html2text, growing exponentially with the parts.
        let html = format!(
            "<style>nav div div div div div div div div div div {{display:none}}</style>{}x",
            "<div>".repeat(40)
        );
        assert_eq!(html_shape(&html), Err(Shortcut::HtmlTooManyStyles));
        let simple = "<style>.a b, div > p {color:red}</style><div><p>x</p></div>";
        assert_eq!(html_shape(simple), Ok(()));
    }

    #[test]
    fn a_message_lays_out_at_most_its_budget_of_html() {
        let part = format!("<p>{}</p>", "word ".repeat(50_000));
        let mut cut = HtmlBudget::default();
        for _ in 0..(HTML_LAYOUT_MAX_PER_MESSAGE / part.len()) {
            visible_text(&part, &mut cut);
        }
        assert!(cut.shortcuts.is_empty());
        assert!(visible_text(&part, &mut cut).contains("word word"));
        assert_eq!(cut.shortcuts, vec![Shortcut::HtmlTooMuch]);
    }

    #[test]
    fn the_linear_reader_skips_styles_and_scripts_and_decodes_entities() {
        let text = strip_tags(
            "<STYLE>p{color:red}</style><p>Fish &amp; chips &lt;3</p><script>evil()</SCRIPT>end",
        );
        assert!(!text.contains("color") && !text.contains("evil"), "{text}");
        assert!(
            text.contains("Fish & chips <3") && text.contains("end"),
            "{text}"
        );
        // Unterminated constructs end the text rather than loop.
        assert_eq!(strip_tags("a<style>b").trim(), "a");
        assert_eq!(strip_tags("a<b").trim(), "a");
    }
}
