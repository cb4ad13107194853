//! `rules_dir/novelty.toml`: the thresholds, stock phrases and stop words of the novelty
//! decision. A missing file means the shipped defaults (the file as shipped is embedded).

use std::collections::HashSet;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::text;
use crate::config::line_col;
use crate::rules::{RulesError, RulesProblem};

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
    stock_phrases: Vec<Vec<String>>,
    stop_words: HashSet<String>,
    /// Phrases with the same meaning (English and Welsh), longest first: each becomes its
    /// concept key.
    glossary: Vec<(Vec<GlossaryWord>, String)>,
    /// Glossary phrases by their first word: (whole word?, Welsh?, the word or its stem) →
    /// indexes into `glossary`, in order. Looking a word up costs a hash, not a walk of the
    /// glossary (which made a 500-word sentence take 100 ms in a debug build).
    gloss_index: std::collections::HashMap<(bool, bool, String), Vec<usize>>,
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
        let path = rules_dir.join(NOVELTY_FILE);
        match std::fs::read_to_string(&path) {
            Ok(text) => Settings::parse(&text, &path.display().to_string()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Settings::default()),
            Err(e) => Err(RulesError {
                problems: vec![RulesProblem {
                    location: path.display().to_string(),
                    message: format!("cannot read: {e}"),
                }],
            }),
        }
    }

    pub fn parse(text: &str, name: &str) -> Result<Settings, RulesError> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Raw {
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
        let raw: Raw = toml::from_str(text).map_err(|e| RulesError {
            problems: vec![RulesProblem::from_toml(name, text, &e)],
        })?;
        let mut problems = Vec::new();
        let mut count = |v: &Option<Spanned<i64>>, default: usize| match v {
            None => default,
            Some(v) if (1..=1000).contains(v.get_ref()) => *v.get_ref() as usize,
            Some(v) => {
                let (line, col) = line_col(text, v.span().start);
                problems.push(RulesProblem {
                    location: format!("{name}:{line}:{col}"),
                    message: format!("must be between 1 and 1000, not {}", v.get_ref()),
                });
                default
            }
        };
        let min_sentence_words = count(&raw.min_sentence_words, 3);
        let min_sentence_new_words = count(&raw.min_sentence_new_words, 1);
        let min_new_words = count(&raw.min_new_words, 2);
        let novel_share = match &raw.novel_share {
            None => 0.5,
            Some(v) if (0.0..=1.0).contains(v.get_ref()) => *v.get_ref(),
            Some(v) => {
                let (line, col) = line_col(text, v.span().start);
                problems.push(RulesProblem {
                    location: format!("{name}:{line}:{col}"),
                    message: format!("novel_share must be between 0 and 1, not {}", v.get_ref()),
                });
                0.5
            }
        };
        let mut glossary = Vec::new();
        for entry in &raw.glossary {
            match glossary_entry(entry.get_ref()) {
                Ok(phrases) => glossary.extend(phrases),
                Err(message) => {
                    let (line, col) = line_col(text, entry.span().start);
                    problems.push(RulesProblem {
                        location: format!("{name}:{line}:{col}"),
                        message: format!("glossary entry {:?}: {message}", entry.get_ref()),
                    });
                }
            }
        }
        // Longest first, so "street light" goes before "street".
        glossary
            .sort_by_key(|(words, _): &(Vec<GlossaryWord>, String)| std::cmp::Reverse(words.len()));
        if !problems.is_empty() {
            return Err(RulesError { problems });
        }
        let mut stock_phrases: Vec<Vec<String>> = raw
            .stock_phrases
            .iter()
            .map(|p| text::plain_words(p))
            .filter(|p| !p.is_empty())
            .collect();
        // Longest first, so "as I said before" goes before "as I said".
        stock_phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
        let stop_words = raw
            .stop_words
            .iter()
            .flat_map(|w| text::plain_words(w))
            .collect();
        let mut gloss_index: std::collections::HashMap<(bool, bool, String), Vec<usize>> =
            std::collections::HashMap::new();
        for (i, (words, _)) in glossary.iter().enumerate() {
            let first = &words[0];
            for (whole, word) in [(true, &first.full), (false, &first.stem)] {
                let list = gloss_index
                    .entry((whole, first.welsh, word.clone()))
                    .or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
        Ok(Settings {
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
        self.words(sentence).into_iter().map(|w| w.key).collect()
    }

    /// [`Settings::content_words`] with the second key of each name.
    pub(crate) fn words(&self, sentence: &str) -> Vec<Word> {
        let (terms, lang) = text::terms(sentence);
        let plain: Vec<String> = terms.iter().map(text::Term::plain).collect();
        // Stock phrases are marked, then left out in one pass (review finding: cutting each
        // out of the vectors moved all that followed, so a long run of them was quadratic).
        let mut keep = vec![true; plain.len()];
        let mut i = 0;
        while i < plain.len() {
            let cut = self
                .stock_phrases
                .iter()
                .find(|p| plain[i..].starts_with(p))
                .map(Vec::len);
            match cut {
                Some(n) => {
                    keep[i..i + n].fill(false);
                    i += n;
                }
                None => i += 1,
            }
        }
        let (terms, plain): (Vec<text::Term>, Vec<String>) = terms
            .into_iter()
            .zip(plain)
            .zip(&keep)
            .filter(|(_, k)| **k)
            .map(|(tp, _)| tp)
            .unzip();
        let mut out = Vec::new();
        let mut i = 0;
        while i < terms.len() {
            let p = &plain[i];
            let stop = self.stop_words.contains(p);
            if let Some((concept, n)) = self
                .gloss(&terms[i..], lang)
                .filter(|(_, n)| *n > 1 || !stop)
            {
                out.push(Word {
                    key: concept.to_string(),
                    alt: None,
                });
                i += n;
                continue;
            }
            if !stop && (p.len() > 1 || p.as_bytes()[0].is_ascii_digit()) {
                out.push(Word {
                    key: terms[i].key(lang),
                    alt: terms[i].alt(lang),
                });
            }
            i += 1;
        }
        out
    }

    /// The glossary phrase at the start of `terms`: (its concept, words used). Whole words
    /// first, then first letters (so "streets" finds "street"). Welsh phrases are matched in
    /// Welsh sentences and on names.
    fn gloss(&self, terms: &[text::Term], lang: text::Lang) -> Option<(&str, usize)> {
        for whole in [true, false] {
            let matches = |g: &GlossaryWord, t: &text::Term| {
                if g.welsh {
                    if lang != text::Lang::Welsh && !t.capital {
                        return false;
                    }
                    if whole {
                        t.folded == g.full
                    } else {
                        t.key(text::Lang::Welsh) == g.stem
                    }
                } else if whole {
                    t.surface == g.full
                } else {
                    t.plain() == g.stem
                }
            };
            let first = terms.first()?;
            let (english, welsh) = if whole {
                (first.surface.clone(), first.folded.clone())
            } else {
                (first.plain(), first.key(text::Lang::Welsh))
            };
            let mut candidates: Vec<usize> = [(false, english), (true, welsh)]
                .into_iter()
                .filter_map(|(w, key)| self.gloss_index.get(&(whole, w, key)))
                .flatten()
                .copied()
                .collect();
            candidates.sort_unstable();
            for i in candidates {
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
                        t.folded.clone()
                    } else {
                        t.surface.clone()
                    },
                    stem: if welsh {
                        t.key(text::Lang::Welsh)
                    } else {
                        t.plain()
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
