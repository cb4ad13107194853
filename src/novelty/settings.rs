//! `rules_dir/novelty.toml`: the thresholds, stock phrases and stop words of the novelty
//! decision. A missing file means the shipped defaults (the file as shipped is embedded).

use std::borrow::Cow;
use std::path::Path;

use aho_corasick::{AhoCorasick, MatchKind};
use serde::Deserialize;
use toml::Spanned;

use super::text;
use super::{FastMap, FastSet};
use crate::diagnostics::{FileProblems, RulesError, RulesProblem};

/// The file in `rules_dir`.
pub const NOVELTY_FILE: &str = "novelty.toml";

/// The shipped file, used when `rules_dir` has none.
const SHIPPED: &str = include_str!("../../rules/novelty.toml");

/// The compiled settings.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// A sentence needs at least this many content words to count.
    pub min_sentence_words: usize,
    /// ... at least this share of its words and word pairs unseen ...
    pub novel_share: f64,
    /// ... and at least this many content words not seen before (in the history or earlier in
    /// the same message).
    pub min_sentence_new_words: usize,
    /// The message is new when its novel sentences hold at least this many new words.
    pub min_new_words: usize,
    /// A sentence (of at least `min_sentence_words`) with a date not seen before is new, and
    /// makes the message new: "a new date alone (a new incident) is new".
    pub new_date_is_new: bool,
    /// Normalised word sequences cut out before anything is counted.
    stock_phrases: StockPhrases,
    stop_words: FastSet<String>,
    /// Phrases with the same meaning (English and Welsh), longest first: each becomes its
    /// concept key.
    glossary: Vec<(Vec<GlossaryWord>, String)>,
    /// Glossary phrases by their first word, in four maps (see [`gloss_slot`]): the word or
    /// its stem → indexes into `glossary`, in order. Looking a word up costs a hash, not a walk
    /// of the glossary (which made a 500-word sentence take 100 ms in a debug build), and no
    /// key is built to look it up.
    gloss_index: [FastMap<String, Vec<usize>>; 4],
    /// What the stop words, the stock phrases and the English glossary know of a word, by its
    /// plain form: one look-up per word instead of four (issue 13). Made from the fields above.
    vocabulary: FastMap<String, Vocabulary>,
}

/// What the settings know of one plain word ([`text::Term::plain`]).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Vocabulary {
    /// Its number in the stock phrases (0: in none).
    stock_id: u16,
    stop: bool,
    /// Some English glossary phrase starts with a whole word whose plain form this is: only
    /// then is the word itself looked up in that index.
    gloss_whole: bool,
    /// Some English glossary phrase starts with this stem.
    gloss_stem: bool,
}

/// Which of `Settings::gloss_index` holds the phrases of a language, by whole first word or by
/// its stem.
fn gloss_slot(whole: bool, welsh: bool) -> usize {
    usize::from(!whole) * 2 + usize::from(welsh)
}

/// The stock phrases, and one automaton that finds them all in a sentence's word stream.
///
/// Each word of a phrase has a number; a sentence becomes the string of its words' numbers
/// (two bytes each, 0 for a word in no phrase) and the automaton finds the phrases in it,
/// leftmost-longest: at the first word where any phrase starts, the longest. That is what
/// trying the phrases longest first at each word did (issue 13: comparing every word with
/// all 153 shipped phrases was a third of the daemon's CPU).
#[derive(Debug, Clone)]
struct StockPhrases {
    /// The phrases' words, longest phrase first.
    phrases: Vec<Vec<String>>,
    /// Each word of a phrase → its number, from 1.
    ids: FastMap<String, u16>,
    /// `None` when there is no phrase.
    automaton: Option<AhoCorasick>,
}

/// Word numbers are two bytes: the first with its high bit set, the second without, so a
/// phrase (which starts with a first byte) can only be found at the start of a word.
const MAX_PHRASE_WORDS: usize = 128 * 128 - 1;

fn encode(id: u16, out: &mut Vec<u8>) {
    // `id` < 128 * 128, so both halves fit in seven bits.
    out.push(0x80 | (id >> 7) as u8);
    out.push((id & 0x7f) as u8);
}

impl StockPhrases {
    fn new(mut phrases: Vec<Vec<String>>) -> Result<StockPhrases, String> {
        // Longest first, so "as I said before" goes before "as I said" (the automaton does not
        // need it; the reference in the tests and anyone reading the settings do).
        phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
        let mut ids: FastMap<String, u16> = FastMap::default();
        let mut patterns = Vec::with_capacity(phrases.len());
        for phrase in &phrases {
            let mut pattern = Vec::with_capacity(phrase.len() * 2);
            for w in phrase {
                let next = ids.len() + 1;
                if next > MAX_PHRASE_WORDS && !ids.contains_key(w) {
                    return Err(format!(
                        "stock_phrases have more than {MAX_PHRASE_WORDS} distinct words"
                    ));
                }
                // Checked just above: `next` fits in 14 bits.
                let id = *ids.entry(w.clone()).or_insert(next as u16);
                encode(id, &mut pattern);
            }
            patterns.push(pattern);
        }
        let automaton = if patterns.is_empty() {
            None
        } else {
            Some(
                AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(&patterns)
                    .map_err(|e| format!("stock_phrases: {e}"))?,
            )
        };
        Ok(StockPhrases {
            phrases,
            ids,
            automaton,
        })
    }

    /// For each word, whether it is outside every stock phrase.
    #[cfg(test)]
    fn keep<'a>(&self, plain: impl ExactSizeIterator<Item = &'a str>) -> Vec<bool> {
        self.keep_ids(plain.map(|w| self.ids.get(w).copied().unwrap_or(0)))
    }

    /// [`StockPhrases::keep`] from each word's number (0 for a word in no phrase).
    fn keep_ids(&self, ids: impl ExactSizeIterator<Item = u16>) -> Vec<bool> {
        let mut keep = vec![true; ids.len()];
        let Some(automaton) = &self.automaton else {
            return keep;
        };
        let mut stream = Vec::with_capacity(keep.len() * 2);
        for id in ids {
            encode(id, &mut stream);
        }
        // Matches start and end at word boundaries (see `encode`), so halving gives words.
        for m in automaton.find_iter(&stream) {
            keep[m.start() / 2..m.end() / 2].fill(false);
        }
        keep
    }

    /// What the stock phrases were matched with before issue 13: each phrase in turn at each
    /// word, longest first. The reference [`StockPhrases::keep`] is tested against.
    #[cfg(test)]
    fn keep_one_by_one(&self, plain: &[&str]) -> Vec<bool> {
        let mut keep = vec![true; plain.len()];
        let mut i = 0;
        while i < plain.len() {
            let cut = self
                .phrases
                .iter()
                .find(|p| {
                    p.len() <= plain.len() - i && p.iter().zip(&plain[i..]).all(|(a, b)| a == b)
                })
                .map(Vec::len);
            match cut {
                Some(n) => {
                    keep[i..i + n].fill(false);
                    i += n;
                }
                None => i += 1,
            }
        }
        keep
    }
}

/// Compared by what the file said: the rest is made from it.
impl PartialEq for StockPhrases {
    fn eq(&self, other: &StockPhrases) -> bool {
        self.phrases == other.phrases
    }
}

/// One word of a glossary phrase.
#[derive(Debug, Clone, PartialEq)]
struct GlossaryWord {
    welsh: bool,
    /// The whole word (Welsh: mutation folded).
    full: String,
    /// Its first letters, as [`text::Term::key`] gives them.
    stem: String,
}

/// A content word: its key, and a second key for a name (see [`text::Term::alt`]).
#[cfg(test)]
pub(crate) struct Word {
    pub key: String,
    pub alt: Option<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings::parse(SHIPPED, "rules/novelty.toml (embedded)").expect("the shipped file parses")
    }
}

impl Settings {
    /// Loads `rules_dir/novelty.toml`; a missing file gives the shipped defaults.
    pub fn load(rules_dir: &Path) -> Result<Settings, RulesError> {
        crate::diagnostics::load_or_default(&rules_dir.join(NOVELTY_FILE), Settings::parse)
    }

    pub fn parse(text: &str, name: &str) -> Result<Settings, RulesError> {
        let raw: RawSettings = crate::diagnostics::parse_toml(text, name)?;
        let mut problems = Vec::new();
        let mut p = FileProblems {
            name,
            text,
            list: &mut problems,
        };
        let min_sentence_words = word_count(&mut p, &raw.min_sentence_words, 3);
        let min_sentence_new_words = word_count(&mut p, &raw.min_sentence_new_words, 1);
        let min_new_words = word_count(&mut p, &raw.min_new_words, 2);
        let novel_share = novel_share(&mut p, &raw.novel_share);
        let glossary = glossary(&mut p, &raw.glossary);
        if !problems.is_empty() {
            return Err(RulesError { problems });
        }
        let stock_phrases = stock_phrases(&raw.stock_phrases, name)?;
        let stop_words: FastSet<String> = raw
            .stop_words
            .iter()
            .flat_map(|w| text::plain_words(w))
            .collect();
        let gloss_index = gloss_index(&glossary);
        let vocabulary = vocabulary(&stock_phrases, &stop_words, &gloss_index);
        Ok(Settings {
            vocabulary,
            gloss_index,
            min_sentence_words,
            novel_share,
            min_sentence_new_words,
            min_new_words,
            new_date_is_new: raw.new_date_is_new.unwrap_or(true),
            stock_phrases,
            stop_words,
            glossary,
        })
    }

    /// A sentence's content words: normalised, stock phrases cut out, glossary phrases
    /// replaced by their concept, stop words dropped.
    pub fn content_words(&self, sentence: &str) -> Vec<String> {
        let mut out = Vec::new();
        self.each_word(sentence, |key, _| out.push(key.to_string()));
        out
    }

    /// [`Settings::content_words`] with the second key of each name.
    #[cfg(test)]
    pub(crate) fn words(&self, sentence: &str) -> Vec<Word> {
        let mut out = Vec::new();
        self.each_word(sentence, |key, alt| {
            out.push(Word {
                key: key.to_string(),
                alt: alt.map(str::to_string),
            })
        });
        out
    }

    /// Calls `f` with each content word of a sentence, in order: its key, and the second key
    /// of a name (see [`text::Term::alt`]). A callback, so that the hot path builds no string
    /// per word (issue 13).
    pub(crate) fn each_word(&self, sentence: &str, mut f: impl FnMut(&str, Option<&str>)) {
        let (terms, lang) = text::terms(sentence);
        let known: Vec<Vocabulary> = terms
            .iter()
            .map(|t| self.vocabulary.get(t.plain()).copied().unwrap_or_default())
            .collect();
        // Stock phrases are marked, then left out in one pass (review finding: cutting each
        // out of the vectors moved all that followed, so a long run of them was quadratic).
        let keep = self
            .stock_phrases
            .keep_ids(known.iter().map(|v| v.stock_id));
        let (terms, known): (Vec<&text::Term>, Vec<Vocabulary>) = terms
            .iter()
            .zip(known)
            .zip(&keep)
            .filter(|(_, k)| **k)
            .map(|(tv, _)| tv)
            .unzip();
        let mut i = 0;
        while i < terms.len() {
            let p = terms[i].plain();
            let stop = known[i].stop;
            if let Some((concept, n)) = self
                .gloss(&terms[i..], known[i], lang)
                .filter(|(_, n)| *n > 1 || !stop)
            {
                f(concept, None);
                i += n;
                continue;
            }
            if !stop && (p.len() > 1 || p.as_bytes()[0].is_ascii_digit()) {
                f(&terms[i].key(lang), terms[i].alt(lang).as_deref());
            }
            i += 1;
        }
    }

    /// The glossary phrase at the start of `terms`: (its concept, words used). Whole words
    /// first, then first letters (so "streets" finds "street"). Welsh phrases are matched in
    /// Welsh sentences and on names.
    fn gloss(
        &self,
        terms: &[&text::Term],
        known: Vocabulary,
        lang: text::Lang,
    ) -> Option<(&str, usize)> {
        let first = terms.first()?;
        // A Welsh phrase cannot start at a lower-case word of an English sentence (see
        // `matches`), so such a word need not fold its mutation to look one up.
        let welsh_too = lang == text::Lang::Welsh || first.capital;
        for whole in [true, false] {
            let english_too = if whole {
                known.gloss_whole
            } else {
                known.gloss_stem
            };
            if !english_too && !welsh_too {
                continue;
            }
            let matches = |g: &GlossaryWord, t: &text::Term| {
                if g.welsh {
                    if lang != text::Lang::Welsh && !t.capital {
                        return false;
                    }
                    if whole {
                        *t.folded() == *g.full
                    } else {
                        *t.key(text::Lang::Welsh) == *g.stem
                    }
                } else if whole {
                    t.surface == g.full
                } else {
                    t.plain() == g.stem
                }
            };
            let (english, welsh): (&str, Option<Cow<'_, str>>) = if whole {
                (&first.surface, welsh_too.then(|| first.folded()))
            } else {
                (
                    first.plain(),
                    welsh_too.then(|| first.key(text::Lang::Welsh)),
                )
            };
            let english = english_too
                .then(|| self.gloss_index[gloss_slot(whole, false)].get(english))
                .flatten()
                .map_or(&[][..], Vec::as_slice);
            let welsh = welsh
                .and_then(|w| self.gloss_index[gloss_slot(whole, true)].get(w.as_ref()))
                .map_or(&[][..], Vec::as_slice);
            // Both lists are in glossary order (longest phrase first): merged, they are too.
            for i in merge_sorted(english, welsh) {
                let (words, concept) = &self.glossary[i];
                if words.len() <= terms.len() && words.iter().zip(terms).all(|(g, t)| matches(g, t))
                {
                    return Some((concept, words.len()));
                }
            }
        }
        None
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSettings {
    min_sentence_words: Option<Spanned<i64>>,
    novel_share: Option<Spanned<f64>>,
    min_sentence_new_words: Option<Spanned<i64>>,
    min_new_words: Option<Spanned<i64>>,
    new_date_is_new: Option<bool>,
    #[serde(default)]
    stock_phrases: Vec<String>,
    #[serde(default)]
    stop_words: Vec<String>,
    #[serde(default)]
    glossary: Vec<Spanned<String>>,
}

/// A count of words from 1 to 1000, or its default.
fn word_count(p: &mut FileProblems<'_>, v: &Option<Spanned<i64>>, default: usize) -> usize {
    match v {
        None => default,
        Some(v) if (1..=1000).contains(v.get_ref()) => *v.get_ref() as usize,
        Some(v) => {
            p.add(
                v.span(),
                format!("must be between 1 and 1000, not {}", v.get_ref()),
            );
            default
        }
    }
}

/// `novel_share`, from 0 to 1, or its default.
fn novel_share(p: &mut FileProblems<'_>, v: &Option<Spanned<f64>>) -> f64 {
    match v {
        None => 0.5,
        Some(v) if (0.0..=1.0).contains(v.get_ref()) => *v.get_ref(),
        Some(v) => {
            p.add(
                v.span(),
                format!("novel_share must be between 0 and 1, not {}", v.get_ref()),
            );
            0.5
        }
    }
}

/// Every glossary entry's phrases with their concept, longest phrase first.
fn glossary(
    p: &mut FileProblems<'_>,
    entries: &[Spanned<String>],
) -> Vec<(Vec<GlossaryWord>, String)> {
    let mut glossary = Vec::new();
    for entry in entries {
        match glossary_entry(entry.get_ref()) {
            Ok(phrases) => glossary.extend(phrases),
            Err(message) => p.add(
                entry.span(),
                format!("glossary entry {:?}: {message}", entry.get_ref()),
            ),
        }
    }
    // Longest first, so "street light" goes before "street".
    glossary.sort_by_key(|(words, _): &(Vec<GlossaryWord>, String)| std::cmp::Reverse(words.len()));
    glossary
}

/// The stock phrases as plain words, compiled. A problem has no line: it is in all the
/// phrases together.
fn stock_phrases(phrases: &[String], name: &str) -> Result<StockPhrases, RulesError> {
    let phrases = phrases
        .iter()
        .map(|p| text::plain_words(p))
        .filter(|p| !p.is_empty())
        .collect();
    StockPhrases::new(phrases).map_err(|message| RulesError {
        problems: vec![RulesProblem {
            location: name.to_string(),
            message,
            quotes_file: false,
        }],
    })
}

/// [`Settings::gloss_index`] of a glossary that is longest first.
fn gloss_index(glossary: &[(Vec<GlossaryWord>, String)]) -> [FastMap<String, Vec<usize>>; 4] {
    let mut gloss_index: [FastMap<String, Vec<usize>>; 4] = Default::default();
    for (i, (words, _)) in glossary.iter().enumerate() {
        let first = &words[0];
        for (whole, word) in [(true, &first.full), (false, &first.stem)] {
            let list = gloss_index[gloss_slot(whole, first.welsh)]
                .entry(word.clone())
                .or_default();
            if list.last() != Some(&i) {
                list.push(i);
            }
        }
    }
    gloss_index
}

/// [`Settings::vocabulary`]: what the stock phrases, the stop words and the English glossary
/// know of each word.
fn vocabulary(
    stock_phrases: &StockPhrases,
    stop_words: &FastSet<String>,
    gloss_index: &[FastMap<String, Vec<usize>>; 4],
) -> FastMap<String, Vocabulary> {
    let mut vocabulary: FastMap<String, Vocabulary> = FastMap::default();
    for (w, &id) in &stock_phrases.ids {
        vocabulary.entry(w.clone()).or_default().stock_id = id;
    }
    for w in stop_words {
        vocabulary.entry(w.clone()).or_default().stop = true;
    }
    for w in gloss_index[gloss_slot(true, false)].keys() {
        vocabulary
            .entry(text::stem(w).to_string())
            .or_default()
            .gloss_whole = true;
    }
    for w in gloss_index[gloss_slot(false, false)].keys() {
        vocabulary.entry(w.clone()).or_default().gloss_stem = true;
    }
    vocabulary
}

/// The values of two ascending lists, in ascending order.
fn merge_sorted<'a>(a: &'a [usize], b: &'a [usize]) -> impl Iterator<Item = usize> + 'a {
    let (mut i, mut j) = (0, 0);
    std::iter::from_fn(move || {
        let next = match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) if x <= y => {
                i += 1;
                *x
            }
            (_, Some(y)) => {
                j += 1;
                *y
            }
            (Some(x), None) => {
                i += 1;
                *x
            }
            (None, None) => return None,
        };
        Some(next)
    })
}

/// `"street light, lamp post = golau stryd, polyn lamp"`: the phrases (English before `=`,
/// Welsh after, separated by commas) and the concept they all become.
fn glossary_entry(entry: &str) -> Result<Vec<(Vec<GlossaryWord>, String)>, String> {
    let Some((english, welsh)) = entry.split_once('=') else {
        return Err("needs `=` between the English and the Welsh phrases".into());
    };
    if welsh.contains('=') {
        return Err("has more than one `=`".into());
    }
    let mut phrases = Vec::new();
    for (side, welsh) in [(english, false), (welsh, true)] {
        for phrase in side.split(',') {
            let (terms, _) = text::terms(phrase);
            if terms.is_empty() {
                if phrase.trim().is_empty() && side.split(',').count() == 1 {
                    continue;
                }
                return Err(format!("{:?} has no word", phrase.trim()));
            }
            let words: Vec<GlossaryWord> = terms
                .iter()
                .map(|t| GlossaryWord {
                    welsh,
                    full: if welsh {
                        t.folded().into_owned()
                    } else {
                        t.surface.clone()
                    },
                    stem: if welsh {
                        t.key(text::Lang::Welsh).into_owned()
                    } else {
                        t.plain().to_string()
                    },
                })
                .collect();
            phrases.push(words);
        }
    }
    let Some(first) = phrases.first() else {
        return Err("has no phrase".into());
    };
    let concept = format!(
        "={}",
        first
            .iter()
            .map(|w| w.stem.as_str())
            .collect::<Vec<_>>()
            .join("_")
    );
    Ok(phrases.into_iter().map(|p| (p, concept.clone())).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The automaton against the phrases tried one by one, on `words`.
    fn check(settings: &Settings, words: &[&str]) {
        let stock = &settings.stock_phrases;
        assert_eq!(
            stock.keep(words.iter().copied()),
            stock.keep_one_by_one(words),
            "{words:?}"
        );
    }

    #[test]
    fn one_automaton_cuts_the_stock_phrases_that_trying_each_in_turn_did() {
        // Issue 13 replaced trying every phrase at every word with one automaton; it must cut
        // the same words: overlapping phrases, a phrase inside a longer one, runs of them.
        let s = Settings::parse(
            "stock_phrases = [\"as I said\", \"as I said before\", \"said before you\", \
             \"thanks\", \"I said\", \"before you know it\"]\n",
            "n.toml",
        )
        .unwrap();
        for words in [
            "as i said before you know it thanks thanks",
            "i said before you know",
            "as as i said said before you",
            "thanks",
            "",
        ] {
            let words: Vec<&str> = words.split_whitespace().collect();
            check(&s, &words);
        }
        // The shipped phrases, on random streams of their words and others.
        let s = Settings::default();
        let mut vocabulary: Vec<&str> = s
            .stock_phrases
            .phrases
            .iter()
            .flatten()
            .map(String::as_str)
            .collect();
        vocabulary.extend(["mould", "bedroom", "7", "m2", "Kyn"]);
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..3000 {
            let len = (next() % 40) as usize;
            let words: Vec<&str> = (0..len)
                .map(|_| vocabulary[(next() % vocabulary.len() as u64) as usize])
                .collect();
            check(&s, &words);
        }
        // Whole shipped phrases, back to back, are cut entirely.
        let words: Vec<&str> = s
            .stock_phrases
            .phrases
            .iter()
            .flatten()
            .map(String::as_str)
            .collect();
        check(&s, &words);
        assert!(!s.stock_phrases.keep(words.iter().copied()).contains(&true));
    }
}
