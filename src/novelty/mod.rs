//! New information only: whether a message says anything its sender has not said (or been
//! told) before. PURE: the history is read through [`Seen`], so a decision can be replayed.
//!
//! A message is new when either
//! - (a) it has an attachment whose content was not seen before, or
//! - (b) its own text has sentences whose substance is not in the history.
//!
//! How (b) is judged:
//! 1. the sender's own text (quoted replies and signature already removed by `message`) is cut
//!    into sentences, with wrapped lines joined, so re-wrapping changes nothing;
//! 2. each sentence becomes normalised words (case, accents, punctuation folded; numbers,
//!    number words, amounts, dates and weekdays in one form; in Welsh sentences the initial
//!    mutations folded), with stock phrases ("I am still waiting", "as I said before",
//!    greetings and sign-offs) cut out, glossary phrases (English and Welsh words with one
//!    meaning) replaced by their concept and stop words dropped (see `rules/novelty.toml`);
//! 3. the remaining content words and their pairs (shingles) are hashed: the history is a set
//!    of such hashes, never the text;
//! 4. a sentence is novel when enough of its content words and shingles are unseen, or when it
//!    gives a date not seen before, and the message is new when its novel sentences add
//!    enough unseen content words (a new date is always enough).
//!
//! What the message quotes (a council reply, the sender's own earlier mail) counts as already
//! known: repeating a fact the council gave is not new information from the customer.

pub mod settings;
pub mod text;

use std::collections::HashMap;

use serde::Serialize;

use crate::message::{Message, stable_hash};
pub use settings::{NOVELTY_FILE, Settings};

/// The history as the decision sees it: which earlier message (by sequence number) last had
/// a hash, if any.
pub trait Seen {
    fn seen(&self, hash: u64) -> Option<u64>;
}

/// An in-memory history, for tests, the development set and `explain` without a daemon.
#[derive(Debug, Default, Clone)]
pub struct MemoryHistory {
    hashes: HashMap<u64, u64>,
}

impl MemoryHistory {
    /// Adds a message's hashes under sequence number `seq`.
    pub fn record(&mut self, fingerprint: &Fingerprint, seq: u64) {
        for h in fingerprint.hashes() {
            self.hashes.insert(h, seq);
        }
    }
}

impl Seen for MemoryHistory {
    fn seen(&self, hash: u64) -> Option<u64> {
        self.hashes.get(&hash).copied()
    }
}

/// One sentence of the sender's own text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// As written (whitespace squeezed), for the officer.
    pub text: String,
    /// Hashes of its content words.
    pub words: Vec<u64>,
    /// Hashes of its shingles (pairs of neighbouring content words, in either order).
    pub shingles: Vec<u64>,
    /// For each content word, the hash of its second key (a name in the other language's
    /// form, see `text::Term::alt`), or its own hash when it has none.
    pub alternatives: Vec<u64>,
    /// The shingles of the second keys, one per shingle.
    pub alt_shingles: Vec<u64>,
    /// The hashes of its dates (`3m2`, from "3 February", "03/02", "3 Chwefror"): a date not
    /// seen before is a new incident.
    pub dates: Vec<u64>,
}

impl Sentence {
    /// The sentence's hashes, in one pass over its content words: each word is hashed once,
    /// and a pair's hash is made from its words' hashes.
    fn new(text: String, settings: &Settings) -> Sentence {
        let mut words = Vec::new();
        let mut alternatives = Vec::new();
        let mut dates = Vec::new();
        settings.each_word(&text, |key, alt| {
            let h = word_hash(key);
            words.push(h);
            alternatives.push(alt.map_or(h, word_hash));
            if text::is_date(key) {
                dates.push(h);
            }
        });
        Sentence {
            shingles: words.windows(2).map(|p| pair_hash(p[0], p[1])).collect(),
            alt_shingles: alternatives
                .windows(2)
                .map(|p| pair_hash(p[0], p[1]))
                .collect(),
            words,
            alternatives,
            dates,
            text,
        }
    }
}

/// Of the sender's own words (the text, the HTML alternative's and attached messages' own
/// text together, whitespace squeezed) at most this much is compared: a long letter. What lies
/// beyond is not judged, and the message counts as new (delivered for an officer to read), so
/// a message too long to compare is never filed unseen.
pub const MAX_OWN_BYTES: usize = 32 * 1024;
/// Of what a message quotes, at most this much becomes known context.
pub const MAX_QUOTED_BYTES: usize = 64 * 1024;
/// At most this many distinct attachments are compared; any more make the message new.
pub const MAX_ATTACHMENTS: usize = 1000;
/// Text read to find the sentences within [`MAX_OWN_BYTES`]: bounds the work on a text that is
/// mostly blank lines or punctuation.
const MAX_READ_BYTES: usize = 1024 * 1024;

/// What the history keeps of a message: hashes, never text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fingerprint {
    pub sentences: Vec<Sentence>,
    /// (name, content hash) of each distinct attachment.
    pub attachments: Vec<(String, u64)>,
    /// Hashes of what the message quotes: known, so not new, and remembered.
    pub context: Vec<u64>,
    /// The text or the attachments went past the limits above, or attached messages were
    /// nested too deep to read: part of the message was not compared.
    pub truncated: bool,
}

impl Fingerprint {
    /// The fingerprint of a message, every attached message taken for the sender's. See
    /// [`Fingerprint::of_with`].
    pub fn of(message: &Message, settings: &Settings) -> Fingerprint {
        Fingerprint::of_with(message, settings, &|_| false)
    }

    /// The fingerprint of a message; a message attached from an address `is_council` knows
    /// (the council's own letter, forwarded back) is context, like a quoted reply. Its cost is
    /// bounded whatever the message's size: the text and attachments past the limits above are
    /// not read (and the message is then new).
    pub fn of_with(
        message: &Message,
        settings: &Settings,
        is_council: &dyn Fn(&str) -> bool,
    ) -> Fingerprint {
        // The subject is left out: escalating subjects ("URGENT!!!", "FINAL REQUEST") are the
        // commonest change in a resend, and a real new matter is in the text too.
        //
        // Besides the text: the HTML alternative is what most readers see, so a sentence only
        // it has is the sender's too (review finding: new text in the HTML part alone was
        // filed as a repeat); and the words of a message attached (a forwarded letter): their
        // own earlier mail attached again is a repeat, a third party's letter is new.
        let mut texts = vec![message.own_text.as_str(), message.alt_text.as_str()];
        let mut council = Vec::new();
        for a in &message.attached {
            if !a.from.is_empty() && a.from.iter().all(|f| is_council(f)) {
                council.push(a.own_text.as_str());
            } else {
                texts.push(&a.own_text);
            }
        }
        let (sentences, cut) = own_sentences(texts, settings);
        let context = context_words(&message.quoted_text, council, settings);
        let (attachments, too_many) = distinct_attachments(message);
        Fingerprint {
            sentences,
            attachments,
            context,
            truncated: message.nested_too_deep || cut || too_many,
        }
    }

    /// Every hash the history keeps for this message.
    pub fn hashes(&self) -> impl Iterator<Item = u64> + '_ {
        self.sentences
            .iter()
            .flat_map(|s| {
                s.words
                    .iter()
                    .chain(&s.shingles)
                    .chain(&s.alternatives)
                    .chain(&s.alt_shingles)
            })
            .chain(self.attachments.iter().map(|(_, h)| h))
            .chain(&self.context)
            .copied()
    }
}

/// The sentences of the sender's own texts, each once, within the read and analysis limits;
/// `true` when a limit cut them short.
fn own_sentences(texts: Vec<&str>, settings: &Settings) -> (Vec<Sentence>, bool) {
    let mut sentences: Vec<Sentence> = Vec::new();
    let mut have: FastSet<Vec<u64>> = FastSet::default();
    // Sentences already compared, by a hash of their text (no copy of each kept).
    let mut same_text: FastSet<u64> = FastSet::default();
    let mut budget = MAX_OWN_BYTES;
    // What is read to find the sentences, all texts together.
    let mut to_read = MAX_READ_BYTES;
    let mut truncated = false;
    'texts: for t in texts {
        let (read, cut) = head(t, to_read);
        to_read -= read.len();
        for s in text::sentences(read) {
            // A sentence the text part and the HTML part both have is compared (and
            // counted against the limit) once; the same words, once as well.
            let text_hash = hash_bytes(TEXT_SEED, s.as_bytes());
            if same_text.contains(&text_hash) {
                continue;
            }
            // Checked before the sentence is analysed, so no sentence past the limit
            // costs anything (review finding: a 1 MiB sentence was analysed first).
            if s.len() > budget {
                truncated = true;
                break 'texts;
            }
            let s = Sentence::new(s, settings);
            if s.words.is_empty() {
                continue;
            }
            same_text.insert(text_hash);
            if !have.insert(s.words.clone()) {
                continue;
            }
            budget -= s.text.len();
            sentences.push(s);
        }
        if cut {
            truncated = true;
            break;
        }
    }
    (sentences, truncated)
}

/// The words and word pairs of the quoted text and of the council's own attached letters:
/// what the sender repeats from them is not theirs.
fn context_words(quoted: &str, council: Vec<&str>, settings: &Settings) -> Vec<u64> {
    let mut context = Vec::new();
    let mut quoted_budget = MAX_QUOTED_BYTES;
    'quoted: for t in std::iter::once(quoted).chain(council) {
        let (read, _) = head(t, MAX_READ_BYTES);
        for s in text::sentences(read) {
            let Some(left) = quoted_budget.checked_sub(s.len()) else {
                break 'quoted;
            };
            quoted_budget = left;
            let s = Sentence::new(s, settings);
            context.extend(s.words.iter().chain(&s.shingles));
            context.extend(s.alternatives.iter().chain(&s.alt_shingles));
        }
    }
    context.sort_unstable();
    context.dedup();
    context
}

/// The message's attachments by name and content hash, the same picture twice once; `true`
/// when there were more than the limit.
fn distinct_attachments(message: &Message) -> (Vec<(String, u64)>, bool) {
    let mut truncated = false;
    // The same picture twice is one attachment.
    let mut attachments: Vec<(String, u64)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for a in &message.attachments {
        let h = attachment_hash(a.hash);
        if !seen.insert(h) {
            continue;
        }
        if attachments.len() == MAX_ATTACHMENTS {
            truncated = true;
            break;
        }
        attachments.push((a.name.clone(), h));
    }
    (attachments, truncated)
}

/// At most `max` bytes of `text`, cut at a line break (or else a character boundary), and
/// whether anything was cut.
fn head(text: &str, max: usize) -> (&str, bool) {
    if text.len() <= max {
        return (text, false);
    }
    let end = text.floor_char_boundary(max);
    let end = text[..end].rfind('\n').map_or(end, |i| i + 1);
    (&text[..end], true)
}

// The hashes of words and word pairs are stored in the history, on disk: they must be the
// same in every run and every build, so they are a fixed function with fixed seeds, defined
// here (never std's `RandomState`), pinned by `tests::word_and_pair_hashes_are_stable`. They
// need to resist accident only: the history holds hashes of what a sender wrote, and a sender
// gains nothing by making two of their own words collide.
//
// Issue 13 replaced an FNV-1a of `format!("w {word}")` (a byte at a time, an allocation per
// word and per pair) with the hash below: a history recorded before it does not meet a
// message fingerprinted after it, so each customer's next message looks new once.

/// Multiplies two 64-bit values and folds the 128-bit product's halves together: every input
/// bit reaches every output bit.
fn fold_multiply(a: u64, b: u64) -> u64 {
    let product = u128::from(a) * u128::from(b);
    (product as u64) ^ ((product >> 64) as u64)
}

/// Odd constants with no pattern in their bits: the fractional parts of the golden ratio and
/// of the square roots of 2 and 3.
const K0: u64 = 0x9e37_79b9_7f4a_7c15;
const K1: u64 = 0x6a09_e667_f3bc_c909;
const K2: u64 = 0xbb67_ae85_84ca_a73b;

/// Seeds that keep the kinds of hash apart, so a word and a pair never meet by construction.
const WORD_SEED: u64 = 0x7767_6f72_6473_0001;
const PAIR_SEED: u64 = 0x7770_6169_7273_0002;
/// For whole sentences, which are never stored: only compared within one message.
const TEXT_SEED: u64 = 0x7774_6578_7473_0003;

/// A stable 64-bit hash of `bytes`: 8 bytes (little-endian) per step of multiply and fold.
fn hash_bytes(seed: u64, bytes: &[u8]) -> u64 {
    let mut h = seed ^ fold_multiply(bytes.len() as u64 ^ K0, K1);
    let (chunks, tail) = bytes.as_chunks::<8>();
    for chunk in chunks {
        h = fold_multiply(h ^ u64::from_le_bytes(*chunk), K0);
    }
    let mut last = [0u8; 8];
    last[..tail.len()].copy_from_slice(tail);
    h = fold_multiply(h ^ u64::from_le_bytes(last), K1);
    fold_multiply(h ^ K2, K0)
}

fn word_hash(w: &str) -> u64 {
    hash_bytes(WORD_SEED, w.as_bytes())
}

/// The hash of a pair of words from their hashes. Unordered: Welsh puts the adjective after
/// the noun ("golau stryd", "street light"), and rewordings swap words.
fn pair_hash(a: u64, b: u64) -> u64 {
    let (a, b) = if UNORDERED_PAIRS && b < a {
        (b, a)
    } else {
        (a, b)
    };
    let h = fold_multiply(PAIR_SEED ^ a, K1);
    fold_multiply(h ^ b, K2)
}

const UNORDERED_PAIRS: bool = true;

/// A `HashMap` hasher for the settings' word lists: a multiply and a rotate per 8 bytes
/// (FxHash's scheme) rather than SipHash's rounds; a fingerprint looks each word up several
/// times. These maps are in memory only and built from the settings, not from mail, so
/// nothing needs them to resist a chosen key.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct FastHasher(u64);

impl FastHasher {
    fn add(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(K0);
    }
}

impl std::hash::Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let (chunks, tail) = bytes.as_chunks::<8>();
        for chunk in chunks {
            self.add(u64::from_le_bytes(*chunk));
        }
        let mut last = [0u8; 8];
        last[..tail.len()].copy_from_slice(tail);
        self.add(u64::from_le_bytes(last) ^ ((tail.len() as u64) << 59));
    }

    fn write_u8(&mut self, v: u8) {
        self.add(u64::from(v));
    }

    fn write_u64(&mut self, v: u64) {
        self.add(v);
    }

    fn write_usize(&mut self, v: usize) {
        self.add(v as u64);
    }

    fn finish(&self) -> u64 {
        // The multiply leaves the high bits well mixed and the low ones poorly; the table
        // takes its bucket from the low bits.
        self.0.rotate_left(26)
    }
}

pub(crate) type FastState = std::hash::BuildHasherDefault<FastHasher>;
pub(crate) type FastMap<K, V> = HashMap<K, V, FastState>;
pub(crate) type FastSet<K> = std::collections::HashSet<K, FastState>;

/// Attachment hashes live in the same set as words: keep them apart.
fn attachment_hash(content: u64) -> u64 {
    stable_hash(format!("a {content:016x}").as_bytes())
}

/// The decision, with what an officer needs to see.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Report {
    /// Whether the message carries new information.
    pub new: bool,
    /// The sentences that are new, as written.
    pub novel_sentences: Vec<String>,
    /// Names of attachments whose content was not seen before.
    pub new_attachments: Vec<String>,
    /// Content words in the novel sentences not seen before.
    pub new_words: usize,
    /// The earlier message sharing the most with this one (its sequence number in the store).
    #[serde(skip)]
    pub closest_seq: Option<u64>,
    /// That message, as the store knows it: filled in by the caller.
    pub closest: Option<Earlier>,
    /// Whether there was any history to compare with.
    pub had_history: bool,
    /// The message was too long to compare in full, so it counts as new.
    #[serde(default)]
    pub truncated: bool,
}

/// An earlier message, as the history remembers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Earlier {
    /// contactgate's id for it.
    pub id: String,
    pub message_id: Option<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub received_at: time::OffsetDateTime,
}

impl Report {
    /// One line for the `X-Contactgate-New-Information:` header: counts only, never the
    /// customer's words.
    pub fn summary(&self) -> String {
        let mut parts = Vec::new();
        if !self.novel_sentences.is_empty() {
            parts.push(format!(
                "{} new sentence(s), {} new word(s)",
                self.novel_sentences.len(),
                self.new_words
            ));
        }
        if !self.new_attachments.is_empty() {
            parts.push(format!("{} new attachment(s)", self.new_attachments.len()));
        }
        if self.truncated {
            parts.push("too long to compare in full".into());
        }
        if parts.is_empty() {
            "no new information".into()
        } else {
            parts.join("; ")
        }
    }
}

/// Judges `fingerprint` against what the history has `seen`.
pub fn assess(fingerprint: &Fingerprint, seen: &dyn Seen, settings: &Settings) -> Report {
    let context: std::collections::HashSet<u64> = fingerprint.context.iter().copied().collect();
    let mut votes: HashMap<u64, usize> = HashMap::new();
    let mut had_history = false;
    let mut known = |h: u64| -> bool {
        if let Some(seq) = seen.seen(h) {
            *votes.entry(seq).or_default() += 1;
            had_history = true;
            return true;
        }
        context.contains(&h)
    };
    let mut report = Report {
        new: false,
        novel_sentences: Vec::new(),
        new_attachments: Vec::new(),
        new_words: 0,
        closest_seq: None,
        closest: None,
        had_history: false,
        truncated: fingerprint.truncated,
    };
    // Within one message, a word counts as new once.
    let mut counted = std::collections::HashSet::new();
    for s in &fingerprint.sentences {
        // A word (or pair) is known by either of its keys.
        let mut either = |hs: &[u64], alts: &[u64], i: usize| -> bool {
            known(hs[i]) || alts.get(i).is_some_and(|a| *a != hs[i] && known(*a))
        };
        let unseen_words: Vec<u64> = (0..s.words.len())
            .filter(|i| !either(&s.words, &s.alternatives, *i))
            .map(|i| s.words[i])
            .collect();
        let unseen_pairs = (0..s.shingles.len())
            .filter(|i| !either(&s.shingles, &s.alt_shingles, *i))
            .count();
        let words = s.words.len();
        let novel_share = if s.shingles.is_empty() {
            unseen_words.len() as f64 / words as f64
        } else {
            (unseen_words.len() + unseen_pairs) as f64 / (words + s.shingles.len()) as f64
        };
        let new_date = settings.new_date_is_new
            && s.dates
                .iter()
                .any(|d| unseen_words.contains(d) && !counted.contains(d));
        let fresh = unseen_words.iter().filter(|h| counted.insert(**h)).count();
        if new_date && words >= settings.min_sentence_words {
            report.novel_sentences.push(s.text.clone());
            report.new_words += fresh.max(settings.min_new_words);
        } else if words >= settings.min_sentence_words
            && novel_share >= settings.novel_share
            && fresh >= settings.min_sentence_new_words
        {
            report.novel_sentences.push(s.text.clone());
            report.new_words += fresh;
        }
    }
    for (name, h) in &fingerprint.attachments {
        if !known(*h) && !report.new_attachments.contains(name) {
            report.new_attachments.push(name.clone());
        }
    }
    report.new = !report.new_attachments.is_empty()
        || report.new_words >= settings.min_new_words
        || report.truncated;
    report.had_history = had_history;
    report.closest_seq = votes
        .into_iter()
        .max_by_key(|(seq, n)| (*n, *seq))
        .map(|(seq, _)| seq);
    report
}

#[cfg(test)]
mod tests;
