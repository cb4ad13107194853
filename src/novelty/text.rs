//! Cutting text into sentences and words for the novelty fingerprint. PURE.

use unicode_normalization::UnicodeNormalization;

/// "Re: Fwd: AW: Subject" → "Subject" (and Welsh "Ateb:", "Ymlaen:").
pub fn strip_subject_prefixes(subject: &str) -> &str {
    let mut s = subject.trim();
    loop {
        let lower = s.to_ascii_lowercase();
        let Some(rest) = ["re:", "fw:", "fwd:", "aw:", "ateb:", "ymlaen:", "ym:"]
            .iter()
            .find(|p| lower.starts_with(*p))
            .map(|p| &s[p.len()..])
        else {
            return s;
        };
        s = rest.trim_start();
    }
}

/// The sentences of a text. Lines within a paragraph are joined (so re-wrapping changes
/// nothing); a blank line, a bullet or a line ending a sentence ends one; inside a line,
/// `.`, `!` or `?` followed by a space ends one.
pub fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let flush = |current: &mut String, out: &mut Vec<String>| {
        let s = current.split_whitespace().collect::<Vec<_>>().join(" ");
        if !s.is_empty() {
            out.push(s);
        }
        current.clear();
    };
    for line in text.lines() {
        let t = line.trim();
        if t.is_empty() {
            flush(&mut current, &mut out);
            continue;
        }
        let bullet = t.starts_with(['-', '*', '•', '–']) || numbered(t);
        if bullet {
            flush(&mut current, &mut out);
        }
        let mut chars = t.char_indices().peekable();
        let mut from = 0;
        while let Some((i, c)) = chars.next() {
            if matches!(c, '.' | '!' | '?') && chars.peek().is_some_and(|(_, n)| n.is_whitespace())
            {
                current.push(' ');
                current.push_str(&t[from..=i]);
                flush(&mut current, &mut out);
                from = i + 1;
            }
        }
        current.push(' ');
        current.push_str(&t[from..]);
        if t.ends_with(['.', '!', '?', ':']) || bullet {
            flush(&mut current, &mut out);
        }
    }
    flush(&mut current, &mut out);
    out
}

fn numbered(t: &str) -> bool {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && digits < 3 && t[digits..].starts_with([')', '.']) && t.len() > digits + 1
}

/// The words of a sentence, normalised: lower case, accents and apostrophes dropped, digits
/// kept (leading zeros and ordinal endings dropped: `03` and `3rd` are `3`), month names as
/// numbers (`February`, `Feb`, `Chwefror` are `m2`).
pub fn words(sentence: &str) -> Vec<String> {
    let folded: String = sentence
        .nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect();
    let mut out = Vec::new();
    for raw in folded.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’')) {
        let w: String = raw.chars().filter(|c| c.is_alphanumeric()).collect();
        if w.is_empty() {
            continue;
        }
        // "03/02/2026" was split on the slashes; "3rd" loses its ending.
        let digits = w.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 {
            let rest = &w[digits..];
            if rest.is_empty() || matches!(rest, "st" | "nd" | "rd" | "th" | "ed" | "af" | "ain") {
                let n = w[..digits].trim_start_matches('0');
                out.push(if n.is_empty() {
                    "0".into()
                } else {
                    n.to_string()
                });
                continue;
            }
        }
        if let Some(m) = month(&w) {
            out.push(format!("m{m}"));
            continue;
        }
        out.push(stem(w));
    }
    out
}

fn month(w: &str) -> Option<u8> {
    const MONTHS: [&[&str]; 12] = [
        &["january", "jan", "ionawr"],
        &["february", "feb", "chwefror"],
        &["march", "mar", "mawrth"],
        &["april", "apr", "ebrill"],
        &["may", "mai"],
        &["june", "jun", "mehefin"],
        &["july", "jul", "gorffennaf"],
        &["august", "aug", "awst"],
        &["september", "sep", "sept", "medi"],
        &["october", "oct", "hydref"],
        &["november", "nov", "tachwedd"],
        &["december", "dec", "rhagfyr"],
    ];
    // "may" and "mar" are also words; "mai" is Welsh for "that"; only the unambiguous count.
    if matches!(w, "may" | "mar" | "mai" | "medi") {
        return None;
    }
    MONTHS
        .iter()
        .position(|names| names.contains(&w))
        .map(|i| i as u8 + 1)
}

/// A word is known by its first five letters, so "photos" and "photo", "flooded" and
/// "flooding", "assessment" and "assessed" meet (measured on the development set: better than
/// stripping endings). Words with digits (references, registrations) are kept whole.
fn stem(mut w: String) -> String {
    if w.chars().all(char::is_alphabetic)
        && let Some((i, _)) = w.char_indices().nth(STEM)
    {
        w.truncate(i);
    }
    w
}

const STEM: usize = 5;
