//! Cutting text into sentences and words for the novelty fingerprint. PURE.

use std::borrow::Cow;
use std::sync::LazyLock;

use unicode_normalization::UnicodeNormalization;

use super::FastSet;

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
        let s = squeeze(std::mem::take(current));
        if !s.is_empty() {
            out.push(s);
        }
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
        let mut from = 0;
        // The marks are ASCII, so they are found as bytes, never inside a character.
        for i in memchr::memchr3_iter(b'.', b'!', b'?', t.as_bytes()) {
            if t[i + 1..].chars().next().is_some_and(char::is_whitespace) {
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

/// `s` with its runs of whitespace made one space, and none at either end.
///
/// Issue 13: splitting on a `char` pattern and joining cost a tenth of the fingerprint. Text
/// with no whitespace but single spaces (no control character, no byte that can start a
/// Unicode space: C2 for U+0085 and U+00A0, E1 for U+1680, E2 80/81 for U+2000 to U+205F, E3
/// for U+3000) is copied whole; anything else takes one walk over the bytes, decoding only
/// the characters outside ASCII to ask whether they are whitespace, as `split_whitespace`
/// would.
fn squeeze(mut s: String) -> String {
    let bytes = s.as_bytes();
    // Most sentences have single spaces only (lines are trimmed and joined with one): found
    // with vectorised scans (a chunk at a time, without an early exit inside one, so that the
    // compiler vectorises it), they are kept whole, trimmed in place.
    let suspect = |c: &[u8]| {
        c.iter().fold(false, |a, &b| {
            a | (b < 0x20) | (b == 0xC2) | (b == 0xE1) | (b == 0xE3)
        })
    };
    let single_spaced = !bytes.chunks(256).any(suspect)
        && !memchr::memchr_iter(0xE2, bytes).any(|at| {
            matches!(
                bytes.get(at + 1..at + 3),
                Some([0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF] | [0x81, 0x9F])
            )
        })
        && memchr::memmem::find(bytes, b"  ").is_none();
    if single_spaced {
        let end = s.trim_end_matches(' ').len();
        s.truncate(end);
        let start = s.len() - s.trim_start_matches(' ').len();
        s.drain(..start);
        return s;
    }
    let s = s.as_str();
    let mut out = String::with_capacity(s.len());
    // Where the word being copied starts, if one is open.
    let mut word: Option<usize> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (space, len) = if b.is_ascii() {
            (matches!(b, b'\t'..=b'\r' | b' '), 1)
        } else {
            // `i` is always at a character's first byte: it moves by whole characters.
            let c = s[i..].chars().next().expect("inside the string");
            (c.is_whitespace(), c.len_utf8())
        };
        match (space, word) {
            (true, Some(start)) => {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(&s[start..i]);
                word = None;
            }
            (false, None) => word = Some(i),
            _ => {}
        }
        i += len;
    }
    if let Some(start) = word {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&s[start..]);
    }
    out
}

fn numbered(t: &str) -> bool {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && digits < 3 && t[digits..].starts_with([')', '.']) && t.len() > digits + 1
}

/// The language of a sentence, as far as its function words tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    English,
    Welsh,
}

/// One word of a sentence, before stop words and stock phrases are taken out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// Lower case, accents dropped, whole; numbers, dates and weekdays already in their
    /// shared form (`11`, `m2`, `d3`).
    pub surface: String,
    /// Written with a capital (a name, or the start of a sentence).
    pub capital: bool,
    /// A number, date, weekday or code: compared as written, never folded.
    pub literal: bool,
}

impl Term {
    /// `surface` with a Welsh initial mutation folded (see [`fold_mutation`]). Made when asked
    /// for rather than kept: most words are English and lower case, and never need it.
    pub fn folded(&self) -> Cow<'_, str> {
        if self.literal {
            return Cow::Borrowed(&self.surface);
        }
        fold_mutation(&self.surface)
    }

    /// The word as the stop words and stock phrases see it: `surface`, shortened.
    pub fn plain(&self) -> &str {
        stem(&self.surface)
    }

    /// The word as the history sees it: in a Welsh sentence the folded form.
    pub fn key(&self, lang: Lang) -> Cow<'_, str> {
        match lang {
            Lang::Welsh if !self.literal => stem_cow(self.folded()),
            _ => Cow::Borrowed(self.plain()),
        }
    }

    /// A second key for a name, so that "Caerfyrddin" in English meets "Caerfyrddin" (or
    /// "Nghaerfyrddin") in Welsh: the other language's form of a capitalised word.
    pub fn alt(&self, lang: Lang) -> Option<Cow<'_, str>> {
        if !self.capital || self.literal {
            return None;
        }
        let other = match lang {
            Lang::English => stem_cow(self.folded()),
            Lang::Welsh => Cow::Borrowed(self.plain()),
        };
        (other != self.key(lang)).then_some(other)
    }
}

/// The words of a sentence, normalised, and its language: lower case, accents dropped,
/// words split at apostrophes (`mae'r`, `don't`), digits kept (leading zeros, ordinal endings,
/// `.00` and thousands commas dropped: `03`, `3rd` and `3.00` are `3`, `6,240` is `6240`),
/// units split off (`6pm` is `6 pm`), `£` read as `gbp`, number words as digits (`thirty`,
/// `twenty-one`, Welsh `tri`, `dau ddeg`, `un ar ddeg`), month names as `m1`..`m12`, weekdays
/// (`Friday`, `dydd Gwener`) as `d1`..`d7`.
pub fn terms(sentence: &str) -> (Vec<Term>, Lang) {
    let mut raw = tokens(sentence);
    let lang = language(&raw);
    let mut out: Vec<Term> = Vec::new();
    let mut i = 0;
    while i < raw.len() {
        let capital = raw[i].1;
        let literal = |s: String| Term {
            surface: s,
            capital: false,
            literal: true,
        };
        // Whether the word can start a weekday, a number word or a month (see ENGLISH_NAMES).
        let name = lang == Lang::Welsh || ENGLISH_NAMES.contains(raw[i].0.as_str());
        if name && let Some((d, used)) = weekday(&raw[i..], lang) {
            out.push(literal(format!("d{d}")));
            i += used;
            continue;
        }
        // Number words, alone or compound, are numbers (and may start a date).
        let number_word = if name { number(&raw[i..], lang) } else { None };
        let w: String = match number_word {
            Some((n, _)) => n.to_string(),
            // Nothing reads this word again: it moves into the term.
            None => std::mem::take(&mut raw[i].0),
        };
        let after = i + number_word.map_or(1, |(_, used)| used);
        // Dates are one word: "3rd February", "3 of February", "03/02", "February 3" are all
        // `3m2` (a year stays a word of its own).
        if let Some(d) = w.parse::<u32>().ok().filter(|d| (1..=31).contains(d))
            && let Some((m, next)) = month_after_day(&raw, &w, after)
        {
            out.push(literal(format!("{d}m{m}")));
            i = next;
            continue;
        }
        if number_word.is_some() || w.chars().any(|c| c.is_ascii_digit()) {
            out.push(literal(w));
            i = after;
            continue;
        }
        let prev = out.last().map(|t| t.surface.as_str());
        // Here `w` is the word as written (a number word went on above).
        if name && let Some(m) = month(&w, prev, word_at(&raw, i + 1)) {
            match word_at(&raw, i + 1)
                .and_then(|d| d.parse::<u32>().ok())
                .filter(|d| (1..=31).contains(d))
                .filter(|_| raw.get(i + 2).is_none_or(|t| t.2 != ':'))
            {
                Some(d) => {
                    out.push(literal(format!("{d}m{m}")));
                    i += 2;
                }
                None => {
                    out.push(literal(format!("m{m}")));
                    i += 1;
                }
            }
            continue;
        }
        out.push(Term {
            surface: w,
            capital,
            literal: false,
        });
        i += 1;
    }
    (out, lang)
}

/// The month of a date whose day is the word `w` (ending before `after`): "03/02", "3rd
/// February" or "3 of February". The month and where the date ends.
fn month_after_day(raw: &[Tok], w: &str, after: usize) -> Option<(u32, usize)> {
    if let Some(m) = word_at(raw, after)
        .filter(|_| raw[after].2 == '/')
        .and_then(|m| m.parse::<u32>().ok())
        .filter(|m| (1..=12).contains(m))
    {
        return Some((m, after + 1));
    }
    let j = if word_at(raw, after) == Some("of") {
        after + 1
    } else {
        after
    };
    let m = word_at(raw, j).and_then(|m| month(m, Some(w), word_at(raw, j + 1)))?;
    Some((m.into(), j + 1))
}

/// The word at `j`, if there is one.
fn word_at(raw: &[Tok], j: usize) -> Option<&str> {
    raw.get(j).map(|t| t.0.as_str())
}

/// Whether a key is a date (`3m2`).
pub fn is_date(key: &str) -> bool {
    key.split_once('m').is_some_and(|(d, m)| {
        !d.is_empty()
            && !m.is_empty()
            && d.bytes().all(|b| b.is_ascii_digit())
            && m.bytes().all(|b| b.is_ascii_digit())
    })
}

/// The keys of a sentence's words (see [`terms`] and [`Term::key`]): in a Welsh sentence,
/// initial mutations are folded, so `golau` and `olau`, `pont`, `bont`, `mhont` and `phont`
/// meet.
pub fn words(sentence: &str) -> Vec<String> {
    let (terms, lang) = terms(sentence);
    terms.iter().map(|t| t.key(lang).into_owned()).collect()
}

/// The words of a sentence as stop words and stock phrases are matched: never folded.
pub fn plain_words(sentence: &str) -> Vec<String> {
    terms(sentence)
        .0
        .iter()
        .map(|t| t.plain().to_string())
        .collect()
}

/// (lower-cased word, written with a capital, the one character between it and the word
/// before or a space) for each word; `£` is a word, `gbp`.
///
/// Most mail is ASCII, so the text is walked a byte at a time and only a character outside
/// ASCII is decoded (issue 13: decoding and classifying every character was a large part of
/// the daemon's CPU). A word is a run of letters, digits and combining marks, as before.
fn tokens(sentence: &str) -> Vec<Tok> {
    let mut out: Vec<Tok> = Vec::new();
    // (start, end) of each token in `sentence`, to look at what is between them.
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut start = None;
    let bytes = sentence.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_alphanumeric() {
            // The common case, in a tight loop: the rest of an ASCII run of the word.
            start.get_or_insert(i);
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                i += 1;
            }
            continue;
        }
        let (part, len, pound) = if bytes[i].is_ascii() {
            (false, 1, false)
        } else {
            // `i` is always at a character's first byte: it moves by whole characters.
            let Some(c) = sentence[i..].chars().next() else {
                break;
            };
            let part = c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c);
            (part, c.len_utf8(), c == '£')
        };
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                token(sentence, s, i, &mut out, &mut spans);
                start = None;
            }
            _ => {}
        }
        if pound {
            out.push(("gbp".into(), false, ' '));
            spans.push((i, i + len));
        }
        i += len;
    }
    if let Some(s) = start {
        token(sentence, s, sentence.len(), &mut out, &mut spans);
    }
    out
}

/// A word as [`tokens`] keeps it: lower case, accents dropped, letters and digits only.
pub(super) fn normalise(raw: &str) -> String {
    // An ASCII word is all letters and digits already (that is what made it a word), and NFKD
    // leaves ASCII alone: lower-casing it is the whole normalisation.
    if raw.is_ascii() {
        return raw.to_ascii_lowercase();
    }
    raw.nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// [`normalise`] as it was before its ASCII fast path (issue 13): every word through NFKD.
/// The reference the fast path is tested against.
#[cfg(test)]
pub(super) fn normalise_slowly(raw: &str) -> String {
    raw.nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric())
        .collect()
}

fn token(
    sentence: &str,
    start: usize,
    end: usize,
    out: &mut Vec<Tok>,
    spans: &mut Vec<(usize, usize)>,
) {
    let raw = &sentence[start..end];
    let capital = raw.chars().next().is_some_and(char::is_uppercase);
    let w = normalise(raw);
    if w.is_empty() {
        return;
    }
    // "3.00" → "3", "10.00am" → "10 am"; "6,240" → "6240".
    let digits = w.bytes().take_while(u8::is_ascii_digit).count();
    let sep = match spans.last() {
        Some(&(_, prev_end)) if start == prev_end + 1 => {
            sentence[prev_end..start].chars().next().unwrap_or(' ')
        }
        _ => ' ',
    };
    if let (Some((last, _, _)), Some(&(_, prev_end))) = (out.last_mut(), spans.last())
        && digits > 0
        && last.bytes().all(|b| b.is_ascii_digit())
        && start == prev_end + 1
    {
        let sep = sentence.as_bytes()[prev_end];
        if sep == b'.' && w[..digits].bytes().all(|b| b == b'0') {
            spans.last_mut().expect("a span per token").1 = end;
            let rest = &w[digits..];
            if UNITS.contains(&rest) {
                out.push((rest.to_string(), false, ' '));
            }
            return;
        }
        if sep == b',' && digits == 3 && w.len() == 3 {
            last.push_str(&w);
            spans.last_mut().expect("a span per token").1 = end;
            return;
        }
    }
    spans.push((start, end));
    // Digits first: "03" → "3", "3rd" → "3", "6pm" → "6" "pm".
    if digits > 0 {
        let rest = &w[digits..];
        let n = w[..digits].trim_start_matches('0');
        let n = if n.is_empty() { "0" } else { n };
        if rest.is_empty() || ORDINALS.contains(&rest) {
            out.push((n.to_string(), false, sep));
            return;
        }
        if UNITS.contains(&rest) {
            out.push((n.to_string(), false, sep));
            out.push((rest.to_string(), false, ' '));
            return;
        }
    }
    out.push((w, capital, sep));
}

/// (word, written with a capital, separator before it).
type Tok = (String, bool, char);

const ORDINALS: &[&str] = &[
    "st", "nd", "rd", "th", "ed", "af", "ain", "il", "ydd", "fed", "eg",
];
const UNITS: &[&str] = &[
    "am", "pm", "mph", "mya", "km", "kg", "cm", "mm", "ml", "ft", "m", "p", "k",
];

/// Function words that tell English from Welsh (after splitting at apostrophes, so `mae'r`
/// gives `mae` and `r`).
const WELSH_MARKERS: &[&str] = &[
    "yn", "y", "yr", "mae", "wedi", "ac", "ei", "fy", "ddim", "dim", "roedd", "oedd", "bod", "fod",
    "sydd", "sy", "gyda", "ond", "hefyd", "rwy", "rwyf", "rydw", "rydym", "rydych", "nid", "nad",
    "eich", "ein", "eu", "hyn", "hwn", "hon", "yma", "yna", "iawn", "ar", "r", "n", "w", "ym",
    "yng", "ddydd", "dydd", "mewn", "ers", "nac", "does", "heb", "gan",
];
const ENGLISH_MARKERS: &[&str] = &[
    "the", "and", "is", "are", "was", "were", "to", "of", "it", "that", "this", "with", "for",
    "have", "has", "be", "been", "my", "not", "on", "at", "from", "by", "you", "we", "they", "he",
    "she", "there", "but", "will", "would", "had", "s", "t", "m", "ve", "ll", "d", "your",
];

/// The markers as sets: each word is looked up with one hash rather than compared with the
/// ninety markers in turn (issue 13).
static MARKERS: LazyLock<[FastSet<&'static str>; 2]> = LazyLock::new(|| {
    [
        WELSH_MARKERS.iter().copied().collect(),
        ENGLISH_MARKERS.iter().copied().collect(),
    ]
});

fn language(tokens: &[Tok]) -> Lang {
    let [welsh, english] = &*MARKERS;
    let (mut w, mut e) = (0, 0);
    // No marker is longer than this: most words need no look-up at all.
    for (word, _, _) in tokens.iter().filter(|t| t.0.len() <= MARKER_MAX_LEN) {
        w += usize::from(welsh.contains(word.as_str()));
        e += usize::from(english.contains(word.as_str()));
    }
    if w > e { Lang::Welsh } else { Lang::English }
}

/// The longest marker, in bytes.
const MARKER_MAX_LEN: usize = 6;

/// Folds a Welsh initial consonant mutation: the word's first sound is replaced by the class
/// of sounds it can mutate between, written as a capital letter (never produced otherwise):
/// `P` for p, b, f, m, mh, ph; `T` for t, d, dd, n, nh, th; `K` for c, g, ng, ngh, ch and a
/// vowel (soft g is dropped, as in golau → olau; h before a vowel is the aspirate prefix);
/// `L` for ll, l; `R` for rh, r. Other words (ff, s, words with digits) are left alone. The
/// classes are wider than the mutations, so a few unrelated words meet (`pen`, `ben`, `men`);
/// the history is a set of hashes, and this is the price of not needing a dictionary.
pub fn fold_mutation(w: &str) -> Cow<'_, str> {
    const RULES: &[(&str, char)] = &[
        ("ngh", 'K'),
        ("ng", 'K'),
        ("mh", 'P'),
        ("nh", 'T'),
        ("ph", 'P'),
        ("th", 'T'),
        ("ch", 'K'),
        ("dd", 'T'),
        ("ll", 'L'),
        ("rh", 'R'),
        ("ff", '-'),
        ("p", 'P'),
        ("b", 'P'),
        ("m", 'P'),
        ("f", 'P'),
        ("t", 'T'),
        ("d", 'T'),
        ("n", 'T'),
        ("c", 'K'),
        ("g", 'K'),
        ("l", 'L'),
        ("r", 'R'),
    ];
    if w.chars().any(|c| c.is_ascii_digit()) || w.chars().count() < 2 {
        return Cow::Borrowed(w);
    }
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'w' | 'y');
    let mut chars = w.chars();
    let first = chars.next().unwrap_or(' ');
    if vowel(first) {
        return Cow::Owned(format!("K{w}"));
    }
    if first == 'h' && chars.next().is_some_and(vowel) {
        return Cow::Owned(format!("K{}", &w[1..]));
    }
    match RULES.iter().find(|(p, _)| w.starts_with(p)) {
        Some((_, '-')) | None => Cow::Borrowed(w),
        Some((p, class)) => Cow::Owned(format!("{class}{}", &w[p.len()..])),
    }
}

/// English number words: `one` .. `nineteen`, then the tens from `twenty`.
const NUMBER_UNITS: [&str; 19] = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];

const NUMBER_TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

const ENGLISH_WEEKDAYS: [&[&str]; 7] = [
    &["monday"],
    &["tuesday", "tues"],
    &["wednesday", "weds"],
    &["thursday", "thurs"],
    &["friday"],
    &["saturday"],
    &["sunday"],
];

/// Month names, English and Welsh, January first.
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

/// Every word that can start a weekday, a number word or a month in an English sentence.
/// Any other word skips those three look-ups, each a walk of a list (issue 13: they were a
/// sixth of the fingerprint's time). Made from the lists themselves, so it cannot fall behind.
static ENGLISH_NAMES: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    NUMBER_UNITS
        .iter()
        .chain(&NUMBER_TENS)
        .chain(&["hundred"])
        .chain(ENGLISH_WEEKDAYS.iter().copied().flatten())
        .chain(MONTHS.iter().copied().flatten())
        .copied()
        .collect()
});

/// A number written in words at the start of `t`: (value, words used). English `two` ..
/// `ninety-nine` and `hundred`; Welsh (mutated or not) `dau`/`dwy` .. `deg`, `un ar ddeg`,
/// `dau ddeg pump`, `ugain`. `one` and Welsh `un` alone are left as words (they are pronouns
/// too).
fn number(t: &[Tok], lang: Lang) -> Option<(u32, usize)> {
    let w = |i: usize| t.get(i).map(|(w, _, _)| w.as_str()).unwrap_or("");
    match lang {
        Lang::English => {
            if let Some(t) = NUMBER_TENS.iter().position(|x| *x == w(0)) {
                let n = (t as u32 + 2) * 10;
                return match NUMBER_UNITS[..9].iter().position(|x| *x == w(1)) {
                    Some(u) => Some((n + u as u32 + 1, 2)),
                    None => Some((n, 1)),
                };
            }
            if w(0) == "hundred" {
                return Some((100, 1));
            }
            match NUMBER_UNITS.iter().position(|x| *x == w(0)) {
                Some(0) if w(1) == "hundred" => Some((100, 2)),
                Some(0) => None,
                Some(u) if w(1) == "hundred" => Some(((u as u32 + 1) * 100, 2)),
                Some(u) => Some((u as u32 + 1, 1)),
                None => None,
            }
        }
        Lang::Welsh => {
            let unit = |i: usize| -> Option<u32> {
                let word = fold_mutation(w(i));
                WELSH_UNITS
                    .iter()
                    .find(|(forms, _)| forms.iter().any(|x| fold_mutation(x) == word))
                    .map(|(_, n)| *n)
            };
            let is = |i: usize, x: &str| fold_mutation(w(i)) == fold_mutation(x);
            if let Some(u) = unit(0) {
                // "dau ddeg (pump)", "un ar ddeg", "pump ar hugain"
                if is(1, "deg") {
                    return match unit(2).filter(|n| *n < 10) {
                        Some(v) => Some((u * 10 + v, 3)),
                        None => Some((u * 10, 2)),
                    };
                }
                if w(1) == "ar" && is(2, "deg") {
                    return Some((u + 10, 3));
                }
                if w(1) == "ar" && is(2, "ugain") {
                    return Some((u + 20, 3));
                }
                if u == 1 {
                    return None;
                }
                return Some((u, 1));
            }
            None
        }
    }
}

const WELSH_UNITS: &[(&[&str], u32)] = &[
    (&["un"], 1),
    (&["dau", "dwy"], 2),
    (&["tri", "tair"], 3),
    (&["pedwar", "pedair"], 4),
    (&["pump", "pum"], 5),
    (&["chwech", "chwe"], 6),
    (&["saith"], 7),
    (&["wyth"], 8),
    (&["naw"], 9),
    (&["deg", "deng"], 10),
    (&["deuddeg", "deuddeng"], 12),
    (&["pymtheg", "pymtheng"], 15),
    (&["deunaw"], 18),
    (&["ugain"], 20),
    (&["cant"], 100),
];

/// A weekday at the start of `t`: (1 = Monday .. 7 = Sunday, words used). English names;
/// Welsh after `dydd` or `nos` (`dydd Mawrth` is Tuesday, `Mawrth` alone is March).
fn weekday(t: &[Tok], lang: Lang) -> Option<(u8, usize)> {
    const WELSH: [&str; 7] = [
        "llun", "mawrth", "mercher", "iau", "gwener", "sadwrn", "sul",
    ];
    let w = |i: usize| t.get(i).map(|(w, _, _)| w.as_str()).unwrap_or("");
    if let Some(d) = ENGLISH_WEEKDAYS
        .iter()
        .position(|names| names.contains(&w(0)))
    {
        return Some((d as u8 + 1, 1));
    }
    if lang == Lang::Welsh && matches!(fold_mutation(w(0)).as_ref(), "Tydd" | "Tos") {
        let next = fold_mutation(w(1));
        if let Some(d) = WELSH.iter().position(|x| fold_mutation(x) == next) {
            return Some((d as u8 + 1, 2));
        }
    }
    None
}

/// A month name; the ones that are also words (`may`, `mar`, Welsh `mai` "that", `medi`
/// "reaping") only next to a day or a year (`31 May`, `May 2026`) or after Welsh `mis`.
fn month(w: &str, prev: Option<&str>, next: Option<&str>) -> Option<u8> {
    let m = MONTHS
        .iter()
        .position(|names| names.contains(&w))
        .map(|i| i as u8 + 1)?;
    if matches!(w, "may" | "mar" | "mai" | "medi") {
        let day = prev
            .and_then(|p| p.parse::<u32>().ok())
            .is_some_and(|d| (1..=31).contains(&d));
        let year = next.is_some_and(|n| n.len() == 4 && n.parse::<u32>().is_ok());
        let mis = prev.is_some_and(|p| matches!(p, "mis" | "fis"));
        if !(day || year || mis) {
            return None;
        }
    }
    Some(m)
}

/// A word is known by its first five letters (after a mutation class letter), so "photos" and
/// "photo", "flooded" and "flooding", "assessment" and "assessed" meet (measured on the
/// development set: better than stripping endings). Words with digits (references,
/// registrations) are kept whole.
pub(super) fn stem(w: &str) -> &str {
    // An ASCII word: bytes are characters, and a letter is an ASCII letter.
    if w.is_ascii() {
        let keep = STEM + usize::from(w.as_bytes()[0].is_ascii_uppercase());
        if w.len() > keep && w.bytes().all(|b| b.is_ascii_alphabetic()) {
            return &w[..keep];
        }
        return w;
    }
    let marked = w.chars().next().is_some_and(|c| c.is_ascii_uppercase());
    let keep = STEM + usize::from(marked);
    if w.chars().all(char::is_alphabetic)
        && let Some((i, _)) = w.char_indices().nth(keep)
    {
        return &w[..i];
    }
    w
}

/// [`stem`] of a word that may be owned: cut in place, so no second copy is made.
fn stem_cow(w: Cow<'_, str>) -> Cow<'_, str> {
    match w {
        Cow::Borrowed(b) => Cow::Borrowed(stem(b)),
        Cow::Owned(mut o) => {
            let keep = stem(&o).len();
            o.truncate(keep);
            Cow::Owned(o)
        }
    }
}

const STEM: usize = 5;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_marker_is_longer_than_the_length_that_skips_the_look_up() {
        for m in WELSH_MARKERS.iter().chain(ENGLISH_MARKERS) {
            assert!(m.len() <= MARKER_MAX_LEN, "{m}");
        }
    }

    #[test]
    fn squeezing_a_byte_at_a_time_is_what_splitting_and_joining_was() {
        let reference = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut cases: Vec<String> = [
            "",
            " ",
            "a",
            "  a  b\t\tc\r\n",
            "no\u{a0}break\u{2003}em\u{3000}ideographic\u{85}next",
            "caf\u{e9}  \u{2019}quoted\u{2019} \u{a3}5",
            "\u{a0}lead and trail\u{a0}",
            "\x0b\x0cvt ff\x1c not space",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let alphabet = [
            'a', 'B', ' ', '\t', '\n', '\r', '\u{a0}', '\u{2003}', '\u{e9}', '\u{2019}', '\u{85}',
            '\u{1c}', '.', '\u{2028}', '\u{205f}', '\u{1680}', '\u{3000}', '\u{202f}', '\u{201c}',
            '\u{2060}', '\u{2122}', '\u{e1}', '\u{30a2}',
        ];
        // Mostly single spaces, the case copied whole, with the characters that share a first
        // byte with a Unicode space.
        for a in &alphabet {
            cases.push(format!("one{a}two three"));
            cases.push(format!(" one two{a} "));
        }
        let mut state: u64 = 0xD1B5_4A32_D192_ED03;
        for _ in 0..5_000 {
            let mut s = String::new();
            for _ in 0..(state % 30) {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                s.push(alphabet[(state >> 40) as usize % alphabet.len()]);
            }
            cases.push(s);
        }
        let words = [
            "a",
            "b\u{2019}c",
            "\u{201c}d\u{201d}",
            "e\u{2122}",
            "f\u{e9}",
        ];
        for _ in 0..2_000 {
            let mut s = String::new();
            for _ in 0..(state % 8) {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                s.push_str(words[(state >> 40) as usize % words.len()]);
                s.push(' ');
            }
            cases.push(s);
        }
        for case in &cases {
            assert_eq!(squeeze(case.to_string()), reference(case), "{case:?}");
        }
    }
}
