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
pub struct Normalized {
    /// Squeezed words separated by single spaces. A masked letter is `*`.
    pub text: String,
    /// For each byte of `text`: how many times the letter repeated in the original word.
    pub runs: Vec<u8>,
    /// For each byte of `text`: the original byte range it came from.
    pub spans: Vec<Range<u32>>,
    /// Where each word of `text` starts and ends (byte ranges of `text`).
    pub words: Vec<Range<u32>>,
    /// Words that contain a mask character, as indexes into `words`.
    pub masked: Vec<u32>,
    /// Indexes into `words` of words that end a sentence (for threat context).
    pub sentence_ends: Vec<u32>,
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
    for n in std::iter::once(c).nfkc() {
        if n.is_ascii() {
            out.push(n.to_ascii_lowercase());
            continue;
        }
        if is_apostrophe(n) {
            out.push('\'');
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

impl Normalized {
    pub fn new(original: &str) -> Normalized {
        let mut n = Normalized {
            text: String::with_capacity(original.len()),
            runs: Vec::with_capacity(original.len()),
            spans: Vec::with_capacity(original.len()),
            ..Normalized::default()
        };
        let mut token = Token::default();
        // Single-letter words waiting to be joined (`f u c k`).
        let mut singles: Vec<Letter> = Vec::new();
        let mut folded = Vec::with_capacity(4);
        let mut word = Vec::with_capacity(32);
        for (i, c) in original.char_indices() {
            let start = i as u32;
            let end = (i + c.len_utf8()) as u32;
            folded.clear();
            fold(c, &mut folded);
            for &f in &folded {
                if f.is_whitespace() || f.is_control() {
                    if !token.chars.is_empty() {
                        n.finish_token(&mut token, &mut singles, &mut word);
                    }
                    if f == '\n' {
                        n.flush_singles(&mut singles);
                        n.end_sentence();
                    }
                } else {
                    token.chars.push(Letter { ch: f, start, end });
                }
            }
        }
        if !token.chars.is_empty() {
            n.finish_token(&mut token, &mut singles, &mut word);
        }
        n.flush_singles(&mut singles);
        n
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
        let chars = std::mem::take(&mut token.chars);
        // Addresses and links are not prose.
        if looks_like_address(&chars) {
            self.flush_singles(singles);
            token.chars = chars;
            token.chars.clear();
            return;
        }
        // Trim punctuation around the word; note a sentence end.
        let mut lo = 0;
        let mut hi = chars.len();
        while lo < hi
            && !is_word_char(chars[lo].ch)
            && !is_mask(chars[lo].ch)
            && !is_leet_start(&chars[lo..hi])
        {
            lo += 1;
        }
        let mut sentence_end = false;
        while hi > lo && !chars[hi - 1].ch.is_alphanumeric() && !is_inner_leet_tail(&chars[lo..hi])
        {
            if ends_sentence(chars[hi - 1].ch) {
                sentence_end = true;
            }
            hi -= 1;
        }
        let core = &chars[lo..hi];
        let has_letter = core.iter().any(|l| l.ch.is_alphabetic());
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
        let mut segments: Vec<Vec<Letter>> = Vec::new();
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
                None => {
                    if !word.is_empty() {
                        segments.push(std::mem::take(word));
                    }
                }
            }
        }
        if !word.is_empty() {
            segments.push(std::mem::take(word));
        }
        for seg in segments {
            let letters = seg
                .iter()
                .filter(|l| l.ch.is_alphabetic() || l.ch == '*')
                .count();
            if seg.len() == 1 && letters == 1 && seg[0].ch != '*' {
                singles.push(seg[0]);
                continue;
            }
            self.flush_singles(singles);
            self.emit_word(&seg);
        }
        if sentence_end {
            self.flush_singles(singles);
            self.end_sentence();
        }
    }

    /// Three or more single letters in a row are one spelled-out word (`f u c k`); fewer are
    /// words of their own (`I`, `a`).
    fn flush_singles(&mut self, singles: &mut Vec<Letter>) {
        if singles.len() >= 3 {
            let joined = std::mem::take(singles);
            self.emit_word(&joined);
        } else {
            for l in std::mem::take(singles) {
                self.emit_word(&[l]);
            }
        }
    }

    fn emit_word(&mut self, letters: &[Letter]) {
        if letters.is_empty() {
            return;
        }
        if !self.text.is_empty() {
            self.text.push(' ');
            self.runs.push(1);
            let at = letters[0].start;
            self.spans.push(at..at);
        }
        let word_start = self.text.len() as u32;
        let mut masked = false;
        let mut i = 0;
        while i < letters.len() {
            let l = letters[i];
            let mut j = i + 1;
            while j < letters.len() && letters[j].ch == l.ch && l.ch != '*' {
                j += 1;
            }
            let run = (j - i).min(u8::MAX as usize) as u8;
            masked |= l.ch == '*';
            let before = self.text.len();
            self.text.push(l.ch);
            for _ in before..self.text.len() {
                self.runs.push(run);
                self.spans.push(l.start..letters[j - 1].end);
            }
            i = j;
        }
        let word_end = self.text.len() as u32;
        if masked {
            self.masked.push(self.words.len() as u32);
        }
        self.words.push(word_start..word_end);
    }

    /// The original byte range behind `range` of the matching copy.
    pub fn original_range(&self, range: Range<usize>) -> Range<usize> {
        let start = self.spans[range.start].start as usize;
        let end = self.spans[range.end - 1].end as usize;
        start..end.max(start)
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

fn looks_like_address(chars: &[Letter]) -> bool {
    let has = |c: char| chars.iter().any(|l| l.ch == c);
    let s: String = chars.iter().take(12).map(|l| l.ch).collect();
    (has('@')
        && chars
            .iter()
            .skip_while(|l| l.ch != '@')
            .any(|l| l.ch == '.'))
        || s.starts_with("http")
        || s.starts_with("www.")
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(n.runs[at + 1], 3);
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
}
