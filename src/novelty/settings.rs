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
    /// Normalised word sequences cut out before anything is counted.
    stock_phrases: Vec<Vec<String>>,
    stop_words: HashSet<String>,
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
            #[serde(default)]
            stock_phrases: Vec<String>,
            #[serde(default)]
            stop_words: Vec<String>,
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
        if !problems.is_empty() {
            return Err(RulesError { problems });
        }
        let mut stock_phrases: Vec<Vec<String>> = raw
            .stock_phrases
            .iter()
            .map(|p| text::words(p))
            .filter(|p| !p.is_empty())
            .collect();
        // Longest first, so "as I said before" goes before "as I said".
        stock_phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
        let stop_words = raw.stop_words.iter().flat_map(|w| text::words(w)).collect();
        Ok(Settings {
            min_sentence_words,
            novel_share,
            min_sentence_new_words,
            min_new_words,
            stock_phrases,
            stop_words,
        })
    }

    /// A sentence's content words: normalised, stock phrases cut out, stop words dropped.
    pub fn content_words(&self, sentence: &str) -> Vec<String> {
        let mut words = text::words(sentence);
        let mut i = 0;
        while i < words.len() {
            let cut = self
                .stock_phrases
                .iter()
                .find(|p| words[i..].starts_with(p))
                .map(Vec::len);
            match cut {
                Some(n) => {
                    words.drain(i..i + n);
                }
                None => i += 1,
            }
        }
        words.retain(|w| {
            !self.stop_words.contains(w) && (w.len() > 1 || w.as_bytes()[0].is_ascii_digit())
        });
        words
    }
}
