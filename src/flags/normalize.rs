//! The matching copy of a text: what the lexicon is matched against. PURE.
//!
//! The customer's text is never changed; this builds a separate copy in which every word is
//! lower-case letters, with
//! - NFKC, case folding, and confusables/homoglyphs mapped to Latin letters (`decancer`);
//! - zero-width, soft-hyphen and bidi controls removed;
//! - leetspeak inside words mapped back (`sh1t`, `b@stard`, `a$$`);
//! - masked letters kept as a wildcard `*` (`f**k`), matched separately;
//! - separators inside a spelled-out word removed (`f.u.c.k`, `f u c k`);
//! - runs of a repeated letter squeezed to one (`fuuuck` → `fuck`), with the run lengths kept
//!   so `as` is not taken for `ass`.
//!
//! Words are joined by one space. Every byte of the copy knows the byte range of the original
//! it came from, so an excerpt shows what the customer actually wrote.

use std::ops::Range;

use unicode_normalization::UnicodeNormalization;

/// The matching copy of one text.
#[derive(Debug, Default, Clone)]
pub struct Normalized<'a> {
    /// The text it was made from.
    original: &'a [u8],
    /// Squeezed words separated by single spaces. A masked letter is `*`.
    pub text: String,
    /// `text` while it is built (UTF-8: only whole characters are pushed).
    buf: Vec<u8>,
    /// Where each word came from in the original, parallel to `words`.
    origins: Vec<Origin>,
    /// For words that were folded (not plain ASCII): the original start of each of their
    /// bytes, from `Origin::slow` on.
    slow_starts: Vec<u32>,
    /// For the same bytes: how many times the letter repeated in the original word.
    slow_runs: Vec<u8>,
    /// Where each word of `text` starts and ends (byte ranges of `text`).
    pub words: Vec<Range<u32>>,
    /// Words that contain a mask character, as indexes into `words`.
    pub masked: Vec<u32>,
    /// Indexes into `words` of words that end a sentence (for threat context).
    pub sentence_ends: Vec<u32>,
}

/// The original bytes behind one word of the matching copy. A plain ASCII word's letters are
/// contiguous in the original, so a letter's offset is the sum of the runs before it and
/// nothing per byte needs storing; a folded word keeps each byte's start in `slow_starts`.
#[derive(Debug, Clone, Copy, Default)]
struct Origin {
    start: u32,
    end: u32,
    /// Index into `slow_starts`, or `u32::MAX` for a plain word.
    slow: u32,
}

/// Byte classes for the ASCII fast path.
const SPACE: u8 = 1;
const LEAD: u8 = 2;
const WORD: u8 = 4;
const TRAIL: u8 = 8;
const SENTENCE: u8 = 16;
const ALPHA: u8 = 32;

static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        let mut k = 0;
        if c.is_ascii_whitespace() || c.is_ascii_control() {
            k |= SPACE;
        }
        if matches!(c, b'(' | b'"' | b'\'' | b'[') {
            k |= LEAD;
        }
        if c.is_ascii_alphabetic() {
            k |= WORD | ALPHA;
        }
        if c == b'\'' {
            k |= WORD;
        }
        if matches!(
            c,
            b'.' | b',' | b';' | b':' | b'!' | b'?' | b')' | b'"' | b'\'' | b']'
        ) {
            k |= TRAIL;
        }
        if matches!(c, b'.' | b'!' | b'?' | b';') {
            k |= SENTENCE;
        }
        t[b] = k;
        b += 1;
    }
    t
};

fn class(b: u8) -> u8 {
    CLASS[b as usize]
}

/// Byte kinds for [`Shape`].
const ALNUM: u8 = 1;
const LETTER: u8 = 2;
const LOWER: u8 = 4;
const DIGIT: u8 = 8;
const MASK: u8 = 16;
const AT: u8 = 32;
const NON_ASCII: u8 = 64;

static KIND: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        let mut k = 0;
        if c.is_ascii_alphanumeric() {
            k |= ALNUM;
        }
        if c.is_ascii_alphabetic() {
            k |= LETTER;
        }
        if c.is_ascii_lowercase() {
            k |= LOWER;
        }
        if c.is_ascii_digit() {
            k |= DIGIT;
        }
        if matches!(c, b'*' | b'#' | b'%') {
            k |= MASK;
        }
        if c == b'@' {
            k |= AT;
        }
        if !c.is_ascii() {
            k |= NON_ASCII;
        }
        t[b] = k;
        b += 1;
    }
    t
};

/// What a whitespace-delimited token is made of, found in the one pass that finds its end
/// (issue 13: the token was walked once per question, seven times in all).
struct Shape {
    /// The kinds of every byte, OR-ed.
    any: u8,
    /// The kinds of every byte, AND-ed.
    all: u8,
    digits: usize,
}

impl Shape {
    /// The end of the token that starts at `at` (the next whitespace or control byte, or the
    /// end of `bytes`) and its shape.
    fn of(bytes: &[u8], at: usize) -> (usize, Shape) {
        let (mut any, mut all, mut digits) = (0u8, u8::MAX, 0usize);
        let mut end = at;
        while end < bytes.len() && class(bytes[end]) & SPACE == 0 {
            let k = KIND[bytes[end] as usize];
            any |= k;
            all &= k;
            digits += usize::from(k & DIGIT != 0);
            end += 1;
        }
        (end, Shape { any, all, digits })
    }
}

/// Copies the ASCII word (letters and apostrophes) that starts at `i` into `buf`, lower-cased
/// and with each run of a repeated letter squeezed to one, and returns where the word ends.
/// (A call to copy a few bytes, then two more passes over them, cost more than the bytes.)
///
/// Eight bytes at a time while the word has no repeated letter, found with bit tricks on a
/// `u64`: a byte-at-a-time loop mispredicts where each word ends, which on real mail cost more
/// than the copying. A word with a repeated letter is finished a byte at a time.
fn copy_word(bytes: &[u8], mut i: usize, buf: &mut Vec<u8>) -> usize {
    let (mut prev, mut run) = (0u8, 0u8);
    while let Some(chunk) = bytes.get(i..i + 8) {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        // The word bytes at the start of the chunk.
        let n = ((!word_bytes(x) & HIGH).trailing_zeros() / 8) as usize;
        let lower = x | (0x20 * ONES);
        let repeats = zero_bytes(lower ^ ((lower << 8) | u64::from(prev)));
        let in_word = if n == 8 {
            HIGH
        } else {
            HIGH & ((1u64 << (8 * n)) - 1)
        };
        if repeats & in_word != 0 {
            break;
        }
        // One eight-byte store, less what is not the word.
        buf.extend_from_slice(&lower.to_le_bytes());
        buf.truncate(buf.len() - (8 - n));
        i += n;
        if n < 8 {
            return i;
        }
        (prev, run) = ((lower >> 56) as u8, 1);
    }
    copy_bytewise(bytes, i, buf, prev, run)
}

/// [`copy_word`] a byte at a time, from a letter `prev` seen `run` times just before `i`.
fn copy_bytewise(
    bytes: &[u8],
    mut i: usize,
    buf: &mut Vec<u8>,
    mut prev: u8,
    mut run: u8,
) -> usize {
    while i < bytes.len() && class(bytes[i]) & WORD != 0 {
        let c = bytes[i] | 0x20;
        if c == prev && run < u8::MAX {
            run += 1;
        } else {
            buf.push(c);
            (prev, run) = (c, 1);
        }
        i += 1;
    }
    i
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `y` that is zero (exact: no false positives).
fn zero_bytes(y: u64) -> u64 {
    !(((y & !HIGH) + !HIGH) | y) & HIGH
}

/// The high bit of each byte of `x` that is a word byte of the fast path: an ASCII letter or an
/// apostrophe (`class(b) & WORD`).
fn word_bytes(x: u64) -> u64 {
    let ascii = !x & HIGH;
    // Below 0x80 and lower-cased, a letter is 0x61..=0x7a; no sum carries into the next byte.
    let l = (x & !HIGH) | (0x20 * ONES);
    let from_a = (l + (0x80 - 0x61) * ONES) & HIGH;
    let past_z = (l + (0x80 - 0x7b) * ONES) & HIGH;
    let apostrophe = zero_bytes(x ^ (u64::from(b'\'') * ONES));
    ((from_a & !past_z) | apostrophe) & ascii
}

/// One letter of a word in progress.
#[derive(Clone, Copy)]
struct Letter {
    ch: char,
    start: u32,
    end: u32,
}

/// Zero-width, soft hyphen, bidi and other invisible formatting characters.
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}'
        | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{FFA0}')
}

/// Leetspeak: a digit or symbol standing for a letter, inside a word that has letters.
fn leet(c: char) -> Option<char> {
    Some(match c {
        '0' => 'o',
        '1' | '!' => 'i',
        '3' => 'e',
        '4' | '@' => 'a',
        '5' | '$' => 's',
        '7' => 't',
        '8' => 'b',
        '9' => 'g',
        '|' => 'l',
        _ => return None,
    })
}

fn is_mask(c: char) -> bool {
    matches!(c, '*' | '#' | '%')
}

/// Characters that may sit between the letters of one spelled-out word: `f.u.c.k`, `f-u-c-k`.
fn is_joiner(c: char) -> bool {
    matches!(c, '.' | '-' | '_' | '~' | '+' | '/' | '\\' | '^')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '`' | '\u{02BC}')
}

/// Shortest line, in bytes, taken for one that a mail client wrapped at its width rather than
/// one the writer ended (clients wrap at 72 to 78 columns).
const WRAP_MIN: usize = 60;

/// Whether the line break at `at` (the line from `line_start`) is a mail client's wrapping
/// inside a sentence: a long line followed by more text. A short line (a greeting, a list
/// item, a signature) or a blank line after it ends the sentence, as punctuation does.
fn wrapped(bytes: &[u8], line_start: usize, at: usize) -> bool {
    at - line_start >= WRAP_MIN
        && bytes[at + 1..]
            .iter()
            .find(|&&c| c != b' ' && c != b'\t' && c != b'\r')
            .is_some_and(|&c| c != b'\n')
}

/// Characters that end a sentence, for threat context.
fn ends_sentence(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | ';' | '\n')
}

/// Maps one original character to zero or more folded characters (lower-case, confusables
/// cured). ASCII takes the fast path.
fn fold(c: char, out: &mut Vec<char>) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    if is_invisible(c) {
        return;
    }
    // Common typographic characters, without the general machinery.
    match c {
        '\u{2018}' | '\u{2019}' => return out.push('\''),
        '\u{201C}' | '\u{201D}' => return out.push('"'),
        '\u{2013}' | '\u{2014}' => return out.push('-'),
        '\u{00A0}' => return out.push(' '),
        '\u{00A3}' | '\u{20AC}' | '\u{2022}' | '\u{00B7}' | '\u{00B0}' => return out.push(' '),
        _ => {}
    }
    for n in std::iter::once(c).nfkc() {
        if n.is_ascii() {
            out.push(n.to_ascii_lowercase());
            continue;
        }
        if is_apostrophe(n) {
            out.push('\'');
            continue;
        }
        // A Latin letter with a diacritic is that letter (Welsh ŵ, ŷ, ô; French é). decancer
        // alone takes some of them for look-alikes of other letters (ô for q).
        if let Some(base) = std::iter::once(n).nfd().next()
            && base.is_ascii_alphabetic()
        {
            out.push(base.to_ascii_lowercase());
            continue;
        }
        // Keep letters that carry meaning in Welsh or other languages' words when decancer
        // has no Latin look-alike for them.
        match decancer::cure_char(n, decancer::Options::default()) {
            decancer::Translation::Character(t) => out.extend(t.to_lowercase()),
            decancer::Translation::String(s) => out.extend(s.chars().flat_map(char::to_lowercase)),
            decancer::Translation::None => {
                if n.is_whitespace() {
                    out.push(' ');
                } else {
                    out.extend(n.to_lowercase());
                }
            }
        }
    }
}

/// A raw token: the folded characters between whitespace, with their original ranges.
#[derive(Default)]
struct Token {
    chars: Vec<Letter>,
}

impl<'a> Normalized<'a> {
    pub fn new(original: &'a str) -> Normalized<'a> {
        Normalized::build::<true>(original)
    }

    /// [`Normalized::new`]; `ASCII_TOKENS` takes ASCII tokens that need more than the fast
    /// path a byte at a time, without decoding or folding (tests compare it with `false`).
    ///
    /// Longer than most functions on purpose: the fast path for plain words stays inline in
    /// this one loop over the bytes, because it runs for every word of every message and
    /// writes each word into the copy as it reads it; everything else goes to
    /// [`Normalized::slow_token`].
    fn build<const ASCII_TOKENS: bool>(original: &'a str) -> Normalized<'a> {
        let mut n = Normalized {
            buf: Vec::with_capacity(original.len()),
            original: original.as_bytes(),
            // Real mail has more short words than prose (`a`, `I`, numbers): room for a word
            // per four bytes, so these never grow (a copy of megabytes) while scanning.
            words: Vec::with_capacity(original.len() / 4 + 16),
            origins: Vec::with_capacity(original.len() / 4 + 16),
            ..Normalized::default()
        };
        let mut token = Token::default();
        // Single-letter words waiting to be joined (`f u c k`).
        let mut singles: Vec<Letter> = Vec::new();
        let mut folded = Vec::with_capacity(4);
        let mut word = Vec::with_capacity(32);
        let bytes = original.as_bytes();
        let len = bytes.len();
        let mut at = 0;
        // Where the current line starts, to tell a wrapped line from a short one.
        let mut line_start = 0;
        while at < len {
            let b = bytes[at];
            if class(b) & SPACE != 0 {
                if b == b'\n' {
                    n.flush_singles(&mut singles);
                    if !wrapped(bytes, line_start, at) {
                        n.end_sentence();
                    }
                    line_start = at + 1;
                }
                at += 1;
                continue;
            }
            // The fast path, in one pass: most tokens are ASCII letters (with inner
            // apostrophes) and ordinary punctuation around them, and need no folding.
            let mut i = at;
            while i < len && class(bytes[i]) & LEAD != 0 {
                i += 1;
            }
            let core_start = i;
            // A word of two or more ASCII letters is written straight into the copy as it is
            // read; if the token turns out not to be plain, that is undone.
            let multi =
                i + 1 < len && class(bytes[i]) & ALPHA != 0 && class(bytes[i + 1]) & WORD != 0;
            if multi {
                n.flush_singles(&mut singles);
            }
            let saved = n.buf.len();
            if multi {
                if !n.buf.is_empty() {
                    n.buf.push(b' ');
                }
                i = copy_word(bytes, i, &mut n.buf);
            } else {
                while i < len && class(bytes[i]) & WORD != 0 {
                    i += 1;
                }
            }
            let core_end = i;
            let mut sentence_end = false;
            while i < len && class(bytes[i]) & TRAIL != 0 {
                sentence_end |= class(bytes[i]) & SENTENCE != 0;
                i += 1;
            }
            // A word opened by a single quote and ending in one ('kill you') is quoted: the
            // slow path trims the closing quote, so it is not taken for a possessive.
            let quoted =
                core_start > at && bytes[core_start - 1] == b'\'' && bytes[core_end - 1] == b'\'';
            let plain = core_end > core_start
                && class(bytes[core_start]) & ALPHA != 0
                && !quoted
                && (i == len || class(bytes[i]) & SPACE != 0);
            if plain {
                if multi {
                    let word_start = saved as u32 + u32::from(saved > 0);
                    n.words.push(word_start..n.buf.len() as u32);
                    n.origins.push(Origin {
                        start: core_start as u32,
                        end: core_end as u32,
                        slow: u32::MAX,
                    });
                } else {
                    // Not two word bytes in a row: a single letter.
                    debug_assert_eq!(core_end - core_start, 1);
                    singles.push(Letter {
                        ch: (bytes[core_start] | 0x20) as char,
                        start: core_start as u32,
                        end: core_start as u32 + 1,
                    });
                }
                if sentence_end {
                    n.flush_singles(&mut singles);
                    n.end_sentence();
                }
                at = i;
                continue;
            }
            n.buf.truncate(saved);
            at = n.slow_token::<ASCII_TOKENS>(
                original,
                at,
                &mut token,
                &mut singles,
                &mut word,
                &mut folded,
            );
        }
        n.flush_singles(&mut singles);
        n.text = String::from_utf8(std::mem::take(&mut n.buf))
            .expect("only whole characters are pushed");
        n
    }

    /// A token the fast path could not take whole, starting at `at`: addresses, numbers,
    /// mixed letters and digits, and anything that needs folding. Returns where it ends.
    fn slow_token<const ASCII_TOKENS: bool>(
        &mut self,
        original: &str,
        at: usize,
        token: &mut Token,
        singles: &mut Vec<Letter>,
        word: &mut Vec<Letter>,
        folded: &mut Vec<char>,
    ) -> usize {
        let (end, shape) = Shape::of(original.as_bytes(), at);
        if self.quick_token(at..end, &shape, singles) {
            return end;
        }
        let tok = &original.as_bytes()[at..end];
        if ASCII_TOKENS && shape.all & ALNUM != 0 {
            self.alphanumeric_token(at..end, &shape, singles, word);
            return end;
        }
        if ASCII_TOKENS && tok.is_ascii() {
            // ASCII folds to itself lower-cased, one letter per byte: no decoding, no fold.
            token.chars.reserve(tok.len());
            for (k, &b) in tok.iter().enumerate() {
                let start = (at + k) as u32;
                if b == b' ' || b.is_ascii_control() {
                    if !token.chars.is_empty() {
                        self.finish_token(token, singles, word);
                    }
                } else {
                    token.chars.push(Letter {
                        ch: b.to_ascii_lowercase() as char,
                        start,
                        end: start + 1,
                    });
                }
            }
            if !token.chars.is_empty() {
                self.finish_token(token, singles, word);
            }
            return end;
        }
        for (k, c) in original[at..end].char_indices() {
            let start = (at + k) as u32;
            let stop = start + c.len_utf8() as u32;
            folded.clear();
            fold(c, folded);
            for &f in folded.iter() {
                if f.is_whitespace() || f.is_control() {
                    if !token.chars.is_empty() {
                        self.finish_token(token, singles, word);
                    }
                } else {
                    token.chars.push(Letter {
                        ch: f,
                        start,
                        end: stop,
                    });
                }
            }
        }
        if !token.chars.is_empty() {
            self.finish_token(token, singles, word);
        }
        end
    }

    /// Two more kinds of token that need no folding: addresses and links (not prose, left
    /// out), and ASCII tokens without a letter (dates, amounts, references), whose digit runs
    /// are words. Returns false, having done nothing, for anything else.
    fn quick_token(
        &mut self,
        range: Range<usize>,
        shape: &Shape,
        singles: &mut Vec<Letter>,
    ) -> bool {
        let tok = &self.original[range.clone()];
        if shape.any & NON_ASCII != 0 {
            return false;
        }
        let address = (shape.any & AT != 0 && is_address(tok))
            || tok.starts_with(b"http")
            || tok.starts_with(b"www.");
        if address {
            self.flush_singles(singles);
            return true;
        }
        if shape.any & (LETTER | MASK) != 0 {
            return false;
        }
        let mut k = 0;
        while k < tok.len() {
            if !tok[k].is_ascii_digit() {
                k += 1;
                continue;
            }
            let start = k;
            while k < tok.len() && tok[k].is_ascii_digit() {
                k += 1;
            }
            self.flush_singles(singles);
            if !self.buf.is_empty() {
                self.buf.push(b' ');
            }
            let word_start = self.buf.len() as u32;
            let (mut prev, mut run) = (0u8, 0u8);
            for &b in &tok[start..k] {
                if b == prev && run < u8::MAX {
                    run += 1;
                } else {
                    self.buf.push(b);
                    (prev, run) = (b, 1);
                }
            }
            self.words.push(word_start..self.buf.len() as u32);
            let at = (range.start + start) as u32;
            self.origins.push(Origin {
                start: at,
                end: at + (k - start) as u32,
                slow: u32::MAX,
            });
        }
        if tok.last().is_some_and(|&b| class(b) & SENTENCE != 0) {
            self.flush_singles(singles);
            self.end_sentence();
        }
        true
    }

    /// An ASCII token of letters and digits with a digit in it (`1XXXX`, `SH17`, `sh1t`):
    /// what [`Normalized::finish_token`] makes of it, in one pass. Nothing is trimmed, split
    /// or spelled out; the only questions are whether it is a reference (two or more digits
    /// and no lower-case letter: digits stay digits) and otherwise which digits are leet.
    fn alphanumeric_token(
        &mut self,
        range: Range<usize>,
        shape: &Shape,
        singles: &mut Vec<Letter>,
        word: &mut Vec<Letter>,
    ) {
        let tok = &self.original[range.clone()];
        // A link written without its colon is still a link (as `looks_like_address` says).
        if tok.len() >= 4 && tok[..4].eq_ignore_ascii_case(b"http") {
            self.flush_singles(singles);
            return;
        }
        let reference = shape.digits >= 2 && shape.any & LOWER == 0;
        let has_letter = !reference && shape.any & LETTER != 0;
        if tok.len() > 1 {
            // One word of two or more letters: written straight into the copy, squeezed as
            // `emit_word` squeezes (issue 13: a `Letter` per byte made this a tenth of the
            // relay's CPU on smtp-source's `1XXXX…` lines).
            self.flush_singles(singles);
            if !self.buf.is_empty() {
                self.buf.push(b' ');
            }
            let word_start = self.buf.len() as u32;
            let slow = self.slow_starts.len() as u32;
            let map = |b: u8| {
                let c = b.to_ascii_lowercase();
                if has_letter && b.is_ascii_digit() {
                    leet(c as char).map_or(c, |l| l as u8)
                } else {
                    c
                }
            };
            let mut k = 0;
            while k < tok.len() {
                let c = map(tok[k]);
                let mut j = k + 1;
                while j < tok.len() && j - k < 255 && map(tok[j]) == c {
                    j += 1;
                }
                self.buf.push(c);
                self.slow_runs.push((j - k) as u8);
                self.slow_starts.push((range.start + k) as u32);
                k = j;
            }
            self.words.push(word_start..self.buf.len() as u32);
            self.origins.push(Origin {
                start: range.start as u32,
                end: range.end as u32,
                slow,
            });
            return;
        }
        word.clear();
        for (k, &b) in tok.iter().enumerate() {
            let start = (range.start + k) as u32;
            let c = b.to_ascii_lowercase() as char;
            let ch = if has_letter && b.is_ascii_digit() {
                leet(c).unwrap_or(c)
            } else {
                c
            };
            word.push(Letter {
                ch,
                start,
                end: start + 1,
            });
        }
        self.emit_segment(word, singles);
    }

    fn end_sentence(&mut self) {
        if let Some(last) = self.words.len().checked_sub(1) {
            let last = last as u32;
            if self.sentence_ends.last() != Some(&last) {
                self.sentence_ends.push(last);
            }
        }
    }

    /// Splits one whitespace-delimited token into words and emits them.
    fn finish_token(
        &mut self,
        token: &mut Token,
        singles: &mut Vec<Letter>,
        word: &mut Vec<Letter>,
    ) {
        let chars = &token.chars;
        // Addresses and links are not prose.
        if looks_like_address(chars) {
            self.flush_singles(singles);
            token.chars.clear();
            return;
        }
        let (lo, hi, sentence_end) = trim_token(chars);
        let core = &chars[lo..hi];
        // Leetspeak maps digits to letters only inside words: a capitals-and-digits token with
        // two or more digits is a reference (a postcode `SH17 4XY`, a case number `5H17`).
        let digits = core.iter().filter(|l| l.ch.is_ascii_digit()).count();
        let reference = digits >= 2
            && core
                .iter()
                .all(|l| !self.original[l.start as usize].is_ascii_lowercase());
        let has_letter = !reference && core.iter().any(|l| l.ch.is_alphabetic());
        // Spelled out with joiners: f.u.c.k, f-u-c-k (every segment one character).
        let spelled = core.len() >= 5
            && core.iter().enumerate().all(|(i, l)| {
                if i % 2 == 1 {
                    is_joiner(l.ch)
                } else {
                    is_word_char(l.ch) || leet(l.ch).is_some() || is_mask(l.ch)
                }
            });
        word.clear();
        for l in core {
            let ch = l.ch;
            let mapped = if ch.is_alphabetic() {
                Some(ch)
            } else if is_apostrophe(ch) {
                Some('\'')
            } else if has_letter && is_mask(ch) {
                Some('*')
            } else if has_letter && leet(ch).is_some() {
                leet(ch)
            } else if ch.is_numeric() {
                Some(ch)
            } else {
                None
            };
            match mapped {
                Some(m) => word.push(Letter { ch: m, ..*l }),
                None if spelled && is_joiner(ch) => {}
                None => self.emit_segment(word, singles),
            }
        }
        self.emit_segment(word, singles);
        token.chars.clear();
        if sentence_end {
            self.flush_singles(singles);
            self.end_sentence();
        }
    }

    /// Emits one segment of a token (and empties it): a single letter waits in `singles`.
    fn emit_segment(&mut self, seg: &mut Vec<Letter>, singles: &mut Vec<Letter>) {
        match seg.as_slice() {
            [] => return,
            [l] if l.ch.is_alphabetic() => singles.push(*l),
            _ => {
                self.flush_singles(singles);
                self.emit_word(seg);
            }
        }
        seg.clear();
    }

    /// Three or more single letters in a row are one spelled-out word (`f u c k`); fewer are
    /// words of their own (`I`, `a`).
    fn flush_singles(&mut self, singles: &mut Vec<Letter>) {
        if singles.len() >= 3 {
            self.emit_word(singles);
        } else {
            for l in singles.iter() {
                self.emit_word(std::slice::from_ref(l));
            }
        }
        singles.clear();
    }

    fn emit_word(&mut self, letters: &[Letter]) {
        if letters.is_empty() {
            return;
        }
        if !self.buf.is_empty() {
            self.buf.push(b' ');
        }
        let word_start = self.buf.len() as u32;
        let slow = self.slow_starts.len() as u32;
        let mut masked = false;
        let mut i = 0;
        while i < letters.len() {
            let l = letters[i];
            let mut j = i + 1;
            while j < letters.len() && letters[j].ch == l.ch && l.ch != '*' && j - i < 255 {
                j += 1;
            }
            let run = (j - i) as u8;
            masked |= l.ch == '*';
            let before = self.buf.len();
            let mut utf8 = [0u8; 4];
            self.buf
                .extend_from_slice(l.ch.encode_utf8(&mut utf8).as_bytes());
            for _ in before..self.buf.len() {
                self.slow_runs.push(run);
                self.slow_starts.push(l.start);
            }
            i = j;
        }
        let word_end = self.buf.len() as u32;
        if masked {
            self.masked.push(self.words.len() as u32);
        }
        self.words.push(word_start..word_end);
        self.origins.push(Origin {
            start: letters[0].start,
            end: letters[letters.len() - 1].end,
            slow,
        });
    }

    /// How many times each letter of a plain word repeated in the original: worked out again
    /// from the original (only for candidate matches), the same way the word was squeezed.
    fn plain_runs(&self, w: usize, out: &mut Vec<u8>) {
        let o = self.origins[w];
        let (mut prev, mut run) = (0u8, 0u8);
        for &b in &self.original[o.start as usize..o.end as usize] {
            let c = b | 0x20;
            if c == prev && run < u8::MAX {
                run += 1;
            } else {
                if run > 0 {
                    out.push(run);
                }
                (prev, run) = (c, 1);
            }
        }
        if run > 0 {
            out.push(run);
        }
    }

    /// The run length of every byte in `range` of the matching copy (1 for a space).
    pub fn runs_in(&self, range: Range<usize>) -> Vec<u8> {
        let mut out = Vec::with_capacity(range.len());
        let Some(mut w) = self.word_at(range.start) else {
            return vec![1; range.len()];
        };
        let mut at = range.start;
        while at < range.end {
            let word = self.words[w].start as usize..self.words[w].end as usize;
            let o = self.origins[w];
            let from = out.len();
            if o.slow == u32::MAX {
                self.plain_runs(w, &mut out);
                out.drain(from..from + (at - word.start));
            } else {
                let base = o.slow as usize;
                out.extend_from_slice(&self.slow_runs[base + (at - word.start)..base + word.len()]);
            }
            at = word.end;
            if at < range.end {
                out.push(1);
                at += 1;
                w += 1;
            }
        }
        out.truncate(range.len());
        out
    }

    /// The original offset of byte `at` (inside word `w`) of the matching copy.
    fn original_at(&self, w: usize, at: usize) -> u32 {
        let word = &self.words[w];
        let o = self.origins[w];
        if o.slow == u32::MAX {
            let mut runs = Vec::new();
            self.plain_runs(w, &mut runs);
            let before: u32 = runs[..at - word.start as usize]
                .iter()
                .map(|&r| u32::from(r))
                .sum();
            o.start + before
        } else {
            self.slow_starts[o.slow as usize + (at - word.start as usize)]
        }
    }

    /// The original byte range behind `range` of the matching copy (which starts and ends
    /// inside words).
    pub fn original_range(&self, range: Range<usize>) -> Range<usize> {
        let (Some(first), Some(last)) = (self.word_at(range.start), self.word_at(range.end - 1))
        else {
            return 0..0;
        };
        let start = self.original_at(first, range.start);
        let end = if range.end as u32 >= self.words[last].end {
            self.origins[last].end
        } else {
            self.original_at(last, range.end)
        };
        start as usize..(end.max(start)) as usize
    }

    /// The first word of the sentence holding word `w`.
    pub fn sentence_start(&self, w: usize) -> usize {
        match self.sentence_ends.partition_point(|&e| (e as usize) < w) {
            0 => 0,
            k => self.sentence_ends[k - 1] as usize + 1,
        }
    }

    /// The last word of the sentence word `w` is in.
    pub fn sentence_end(&self, w: usize) -> usize {
        let k = self.sentence_ends.partition_point(|&e| (e as usize) < w);
        self.sentence_ends
            .get(k)
            .map_or(self.words.len().saturating_sub(1), |&e| e as usize)
    }

    /// The first word that starts at or after byte `offset` of the original.
    pub fn word_from_original(&self, offset: usize) -> usize {
        self.origins
            .partition_point(|o| (o.start as usize) < offset)
    }

    /// The word containing byte `at` of the matching copy.
    pub fn word_at(&self, at: usize) -> Option<usize> {
        let at = at as u32;
        let i = self.words.partition_point(|w| w.end <= at);
        (i < self.words.len() && self.words[i].start <= at).then_some(i)
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\''
}

/// `@ss`, `$hit`: a leading leet symbol followed by a letter.
fn is_leet_start(rest: &[Letter]) -> bool {
    rest.len() >= 2 && leet(rest[0].ch).is_some() && rest[1..].iter().any(|l| l.ch.is_alphabetic())
}

/// `a$$`, `sh!t`... but a trailing `!` after letters is punctuation, so only `$` counts here.
fn is_inner_leet_tail(core: &[Letter]) -> bool {
    let last = core[core.len() - 1].ch;
    (last == '$' || is_mask(last)) && core.iter().any(|l| l.ch.is_alphabetic())
}

/// The word inside a token: `lo..hi` with the punctuation around it trimmed (quotation marks
/// too, but not leetspeak or masks), and whether the trimmed tail ended a sentence.
fn trim_token(chars: &[Letter]) -> (usize, usize, bool) {
    let mut lo = 0;
    let mut hi = chars.len();
    // An apostrophe before the word is a quotation mark ('c*nt'); so is one after it then.
    let mut quoted = false;
    while lo < hi
        && (chars[lo].ch == '\''
            || (!is_word_char(chars[lo].ch)
                && !is_mask(chars[lo].ch)
                && !is_leet_start(&chars[lo..hi])))
    {
        quoted |= chars[lo].ch == '\'';
        lo += 1;
    }
    while quoted && hi > lo && chars[hi - 1].ch == '\'' {
        hi -= 1;
    }
    let mut sentence_end = false;
    while hi > lo && !chars[hi - 1].ch.is_alphanumeric() && !is_inner_leet_tail(&chars[lo..hi]) {
        if ends_sentence(chars[hi - 1].ch) {
            sentence_end = true;
        }
        hi -= 1;
    }
    (lo, hi, sentence_end)
}

fn looks_like_address(chars: &[Letter]) -> bool {
    let starts =
        |p: &str| chars.len() >= p.len() && chars.iter().zip(p.chars()).all(|(l, c)| l.ch == c);
    if starts("http") || starts("www.") {
        return true;
    }
    let Some(at) = chars.iter().position(|l| l.ch == '@') else {
        return false;
    };
    at > 0
        && chars[at + 1..]
            .windows(2)
            .any(|w| w[0].ch == '.' && w[1].ch.is_alphanumeric())
}

/// `local@domain.tld`: something before the `@`, and a dot after it followed by a letter or
/// digit (`tr@nny.` is leetspeak at the end of a sentence, not an address).
fn is_address(tok: &[u8]) -> bool {
    let Some(at) = memchr::memchr(b'@', tok) else {
        return false;
    };
    at > 0
        && tok[at + 1..]
            .windows(2)
            .any(|w| w[0] == b'.' && w[1].is_ascii_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_bytes_agree_with_the_class_table() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let x = u64::from(b) << (8 * at);
                let want = class(b) & WORD != 0;
                assert_eq!(
                    word_bytes(x) & (0x80 << (8 * at)) != 0,
                    want,
                    "{b:#x} at {at}"
                );
            }
        }
    }

    #[test]
    fn copying_eight_bytes_at_a_time_copies_what_a_byte_at_a_time_does() {
        let mut cases: Vec<Vec<u8>> = [
            "a",
            "ab",
            "Hello",
            "HELLO",
            "don't",
            "aaaaaaaaaaaaaaaaaaaaaa",
            "abcdefgh",
            "abcdefghi",
            "abcdefgh ijk",
            "abcdefgg",
            "abcdefghhijk",
            "Mississippi",
            "bookkeeper",
            "abc\u{e9}def",
            "abcdefg\u{2019}s",
            "x'''''''''y",
            "ABCDEFGH\x07IJ",
        ]
        .iter()
        .map(|s| s.as_bytes().to_vec())
        .collect();
        cases.push([b"a".as_slice(), &[b'b'; 300], b"c"].concat());
        // Pseudo-random bytes drawn mostly from letters, with a few of everything else.
        let mut state: u64 = 0x2545_F491_4F6C_DD1D;
        for _ in 0..20_000 {
            let mut v = Vec::new();
            for _ in 0..(state % 24) as usize + 1 {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                let r = (state >> 32) as u8;
                v.push(match r % 8 {
                    0 => r,
                    1 => b'\'',
                    2 => b'A' + r % 3,
                    _ => b'a' + r % 4,
                });
            }
            cases.push(v);
        }
        for case in &cases {
            for start in 0..case.len().min(3) {
                let (mut fast, mut slow) = (vec![b'#'], vec![b'#']);
                let a = copy_word(case, start, &mut fast);
                let b = copy_bytewise(case, start, &mut slow, 0, 0);
                assert_eq!((a, &fast), (b, &slow), "{case:?} from {start}");
            }
        }
    }

    #[test]
    fn ascii_tokens_a_byte_at_a_time_come_out_as_folding_them_did() {
        let mut cases: Vec<String> = [
            "1XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX\r\n",
            "f.u.c.k off, f-u-c-k, 'c*nt' and sh1t!",
            "SH17 4XY 5H17 b4stard k1ll y0u",
            "mail me@x.example or http://x.example/a?b=1.",
            "x\x01y\x7fz",
            "it's 'quoted' don't\tstop",
            "HTTP2 http11 Https x h1tp 2 22 A2 a22 AB12 ab12 7",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let alphabet = b"aAbX01345!@$|*#%.-_'\" \t\n,?;:/\x01";
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..5_000 {
            let mut v = String::new();
            for _ in 0..(state % 40) as usize + 1 {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                v.push(alphabet[(state >> 40) as usize % alphabet.len()] as char);
            }
            cases.push(v);
        }
        for case in &cases {
            let (a, b) = (
                Normalized::build::<true>(case),
                Normalized::build::<false>(case),
            );
            assert_eq!(a.text, b.text, "{case:?}");
            assert_eq!(a.words, b.words, "{case:?}");
            assert_eq!(a.masked, b.masked, "{case:?}");
            assert_eq!(a.sentence_ends, b.sentence_ends, "{case:?}");
            assert_eq!(
                a.runs_in(0..a.text.len()),
                b.runs_in(0..b.text.len()),
                "{case:?}"
            );
            for w in 0..a.words.len() {
                assert_eq!(
                    a.original_range(a.words[w].start as usize..a.words[w].end as usize),
                    b.original_range(b.words[w].start as usize..b.words[w].end as usize),
                    "{case:?} word {w}"
                );
            }
        }
    }

    fn words(s: &str) -> String {
        Normalized::new(s).text
    }

    #[test]
    fn folds_case_width_and_confusables() {
        assert_eq!(words("Hello WORLD"), "helo world");
        // Fullwidth and Cyrillic look-alikes.
        assert_eq!(words("ｆｕｃｋ"), "fuck");
        assert_eq!(words("fu\u{0441}k"), "fuck");
        // Zero-width space and soft hyphen inside a word.
        assert_eq!(words("fu\u{200B}ck sh\u{00AD}it"), "fuck shit");
        // Diacritics: Welsh circumflexes fold to the plain letter.
        assert_eq!(words("nôl ŵyr Tŷ café"), "nol wyr ty cafe");
    }

    #[test]
    fn leet_masks_and_separators() {
        assert_eq!(words("sh1t b@stard a$$"), "shit bastard as");
        assert_eq!(words("f**k c*nt"), "f**k c*nt");
        assert_eq!(words("f.u.c.k f-u-c-k"), "fuck fuck");
        assert_eq!(words("f u c k off"), "fuck of");
        assert_eq!(words("fuuuuck"), "fuck");
        // Numbers alone stay numbers; short single letters stay words.
        assert_eq!(
            words("I paid 2024 on 12.5.2026"),
            "i paid 2024 on 12 5 2026"
        );
        assert_eq!(words("I am a resident"), "i am a resident");
    }

    #[test]
    fn punctuation_and_addresses() {
        assert_eq!(
            words("\"Scunthorpe\", (Penistone)!"),
            "scunthorpe penistone"
        );
        assert_eq!(words("mail j.smith@council.example now"), "mail now");
        // Leetspeak at the end of a sentence is not an address.
        assert_eq!(words("Sack the tr@nny."), "sack the trany");
        assert_eq!(words("see https://x.example/a-b"), "se");
        assert_eq!(words("don't well-being"), "don't wel being");
    }

    #[test]
    fn runs_and_spans_point_back_to_the_original() {
        let o = "Oi, fuuuck  OFF";
        let n = Normalized::new(o);
        assert_eq!(n.text, "oi fuck of");
        let at = n.text.find("fuck").unwrap();
        assert_eq!(&o[n.original_range(at..at + 4)], "fuuuck");
        assert_eq!(n.runs_in(at..at + 4), [1, 3, 1, 1]);
        assert_eq!(n.runs_in(0..n.text.len()), [1, 1, 1, 1, 3, 1, 1, 1, 1, 2]);
        let off = n.text.find("of").unwrap();
        assert_eq!(&o[n.original_range(off..off + 2)], "OFF");
        assert_eq!(n.words.len(), 3);
        assert_eq!(n.word_at(at + 2), Some(1));
    }

    #[test]
    fn sentence_ends_are_recorded() {
        let n = Normalized::new("I will. Kill you\nnow");
        assert_eq!(n.text, "i wil kil you now");
        assert_eq!(n.sentence_ends, vec![1, 3]);
    }

    /// A line a mail client wrapped (long, with more text after it) goes on into the next;
    /// a short line, or one before a blank line, ends its sentence.
    #[test]
    fn a_wrapped_line_does_not_end_a_sentence() {
        let long = "The next person from the council who knocks on my front door gets";
        assert!(long.len() >= WRAP_MIN);
        let ends = |text: String| Normalized::new(&text).sentence_ends.clone();
        // The text's last sentence is not recorded: it ends with the text.
        assert_eq!(ends(format!("{long}\r\npunched")), Vec::<u32>::new());
        assert_eq!(ends(format!("{long}\r\n\r\npunched")), vec![12]);
        assert_eq!(ends("Dear Sir\npunched".into()), vec![1]);
        // Its end still ends it when it is the text's last line.
        assert_eq!(ends(format!("{long}\n")), vec![12]);
    }
}
