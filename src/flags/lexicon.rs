//! The lexicon files in `rules_dir/lexicon/`: one TOML file per category, plus `allow.toml`.
//! Read and validated like the restrictions: all or nothing, every problem at `file:line:col`.
//!
//! ```toml
//! category = "profanity"        # equals the file stem
//! action = "tag"                # or "hold"
//! description = "Foul and offensive language"
//!
//! [[entry]]
//! severity = "high"             # low | medium | high
//! lang = "en"                   # en | cy
//! terms = ["...", "..."]        # whole words or phrases; inflections are matched for you
//! needs_person_context = false  # true: only where the word refers to a person ("you X",
//!                               # "what a X", "the X who", "X, the lot of you")
//!
//! [intent]                      # optional: speaker + harm verb + target (threats)
//! severity = "high"
//! speakers = ["i will", "i'll"]
//! fillers = ["really", "just"]
//! verbs = ["kill", "stab"]
//! targets = ["you", "your"]
//! not_followed_by = ["an email"]
//!
//! [[intents]]                   # optional, more intents of the same file's category
//! severity = "high"
//! speakers = ["should be", "deserves to be"]
//! verbs = ["shot", "stabbed"]
//! targets = ["you", "he"]       # sequences; and/or a noun phrase:
//! determiners = ["that", "your"] # a determiner, up to two words, then
//! target_nouns = ["officer"]    #   one of these (plurals match)
//! target_before = true          # the target is the subject, before the speaker
//! followed_by = ["lives"]       # one of these must follow the target (within 3 words)
//! contests = ["race", "quiz"]   # a contest after the target is figurative ("beat you in a race")
//! ```

use std::collections::HashMap;
use std::path::Path;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::normalize::Normalized;
use crate::diagnostics::line_col;
use crate::diagnostics::{FileProblems, RulesError, RulesProblem};

/// The file of allow-listed words and phrases.
pub const ALLOW_FILE: &str = "allow.toml";

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Hash, Default,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Low,
    #[default]
    Medium,
    High,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a flag in a category does to the message. Both are advisory: an officer decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum FlagAction {
    /// Deliver with an `X-Contactgate-Flags:` header, and record an incident.
    #[default]
    Tag,
    /// Hold for an officer's review, and record an incident.
    Hold,
}

impl FlagAction {
    pub fn as_str(self) -> &'static str {
        match self {
            FlagAction::Tag => "tag",
            FlagAction::Hold => "hold",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Category {
    pub name: String,
    pub action: FlagAction,
    pub description: String,
}

/// One listed word or phrase.
#[derive(Debug, Clone)]
pub struct Term {
    /// `category/term`.
    pub id: String,
    pub category: usize,
    pub severity: Severity,
    pub lang: String,
    /// The matching copy (squeezed, single spaces).
    pub key: String,
    /// Run lengths of `key`'s letters.
    pub runs: Vec<u8>,
    /// The unsqueezed matching form, for masked words.
    pub full: String,
    /// A word with an innocent sense (a food, an animal, a landscape feature): it flags only
    /// where it refers to a person.
    pub needs_person_context: bool,
}

/// Threat intent: a speaker, a harm verb and a target, within one sentence.
#[derive(Debug, Clone, Default)]
pub struct Intent {
    pub category: usize,
    pub severity: Severity,
    /// Each a sequence of squeezed words.
    pub speakers: Vec<Vec<String>>,
    pub fillers: Vec<String>,
    pub verbs: Vec<Term>,
    /// Each a sequence of squeezed words ("you", "the lot of you").
    pub targets: Vec<Vec<String>>,
    pub not_followed_by: Vec<Vec<String>>,
    /// A noun-phrase target: one of these, at most two words, then one of `target_nouns`.
    pub determiners: Vec<String>,
    pub target_nouns: Vec<String>,
    /// When not empty, one of these must follow the target within three words ("I know
    /// where you *live*").
    pub followed_by: Vec<Vec<String>>,
    /// The target is the subject, just before the speaker ("he *should be* shot").
    pub target_before: bool,
    /// A contest within a few words after the target makes the verb figurative ("I'll beat
    /// you in a race", "we'll thrash them at the quiz").
    pub contests: Vec<String>,
}

/// Category names the monitoring flags use: a lexicon category of the same name would be
/// confused with them in flags, headers and incidents.
const RESERVED_CATEGORIES: &[&str] = &["frequency", "fan_out", "monitoring"];

/// Every lexicon file, compiled.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    pub categories: Vec<Category>,
    pub terms: Vec<Term>,
    pub intents: Vec<Intent>,
    /// Allow-listed words and phrases, as matching keys with runs.
    pub allow: Vec<(String, Vec<u8>)>,
    /// Words that introduce reported speech ("called me", "shouted"), as squeezed word
    /// sequences: a hold-category hit just after one is a resident quoting abuse they received.
    pub reporting: Vec<Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCategory {
    category: Spanned<String>,
    #[serde(default)]
    action: Option<Spanned<String>>,
    #[serde(default)]
    description: String,
    #[serde(default)]
    entry: Vec<RawEntry>,
    #[serde(default)]
    intent: Option<Spanned<RawIntent>>,
    #[serde(default)]
    intents: Vec<Spanned<RawIntent>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    severity: Spanned<String>,
    #[serde(default = "default_lang")]
    lang: String,
    terms: Vec<Spanned<String>>,
    #[serde(default)]
    needs_person_context: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawIntent {
    severity: Spanned<String>,
    speakers: Vec<Spanned<String>>,
    #[serde(default)]
    fillers: Vec<Spanned<String>>,
    verbs: Vec<Spanned<String>>,
    #[serde(default)]
    targets: Vec<Spanned<String>>,
    #[serde(default)]
    not_followed_by: Vec<Spanned<String>>,
    #[serde(default)]
    determiners: Vec<Spanned<String>>,
    #[serde(default)]
    target_nouns: Vec<Spanned<String>>,
    #[serde(default)]
    followed_by: Vec<Spanned<String>>,
    #[serde(default)]
    target_before: bool,
    #[serde(default)]
    contests: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAllow {
    #[serde(default)]
    places: Vec<Spanned<String>>,
    #[serde(default)]
    surnames: Vec<Spanned<String>>,
    #[serde(default)]
    phrases: Vec<Spanned<String>>,
    #[serde(default)]
    words: Vec<Spanned<String>>,
    #[serde(default)]
    reporting: Vec<Spanned<String>>,
}

fn default_lang() -> String {
    "en".into()
}

/// A term's matching key, or why it cannot be one.
fn key_of(term: &str) -> Result<(String, Vec<u8>, String), String> {
    let trimmed = term.trim();
    if trimmed.is_empty() {
        return Err("empty term".into());
    }
    if trimmed
        .chars()
        .any(|c| !(c.is_alphabetic() || c.is_ascii_digit() || c == '\'' || c == ' '))
    {
        return Err(format!(
            "term {term:?} may only hold letters, digits, apostrophes and spaces (obfuscated spellings are matched for you)"
        ));
    }
    let n = Normalized::new(trimmed);
    if n.text.is_empty() || !n.masked.is_empty() {
        return Err(format!("term {term:?} has nothing to match"));
    }
    let runs = n.runs_in(0..n.text.len());
    let full: String = n
        .text
        .char_indices()
        .map(|(i, c)| std::iter::repeat_n(c, runs[i] as usize).collect::<String>())
        .collect();
    Ok((n.text.clone(), runs, full))
}

fn severity(p: &mut FileProblems<'_>, s: &Spanned<String>) -> Severity {
    match s.get_ref().as_str() {
        "low" => Severity::Low,
        "medium" => Severity::Medium,
        "high" => Severity::High,
        other => {
            p.add(
                s.span(),
                format!("severity must be \"low\", \"medium\" or \"high\", not {other:?}"),
            );
            Severity::Medium
        }
    }
}

impl Lexicon {
    /// Loads every `*.toml` in `dir`. A missing directory is an empty lexicon (nothing is
    /// flagged); a bad file is an error naming file:line:col.
    pub fn load(dir: &Path) -> Result<Lexicon, RulesError> {
        let mut files: Vec<_> = match std::fs::read_dir(dir) {
            Ok(entries) => entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "toml"))
                .collect(),
            // No lexicon directory: nothing to flag. Any other error (permissions, an I/O
            // fault) must not silently switch the flags off.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Lexicon::default()),
            Err(e) => {
                return Err(RulesError {
                    problems: vec![RulesProblem {
                        location: dir.display().to_string(),
                        message: format!("cannot read the lexicon directory: {e}"),
                        quotes_file: false,
                    }],
                });
            }
        };
        files.sort();
        let mut sources = Vec::new();
        let mut problems = Vec::new();
        for path in files {
            let name = path.display().to_string();
            match std::fs::read_to_string(&path) {
                Ok(text) => sources.push((name, text)),
                Err(e) => problems.push(RulesProblem {
                    location: name,
                    message: format!("cannot read: {e}"),
                    quotes_file: false,
                }),
            }
        }
        if !problems.is_empty() {
            return Err(RulesError { problems });
        }
        let refs: Vec<(&str, &str)> = sources
            .iter()
            .map(|(n, t)| (n.as_str(), t.as_str()))
            .collect();
        Lexicon::parse(&refs)
    }

    /// Compiles lexicon files given as (name, text); `allow.toml` by its file name.
    pub fn parse(files: &[(&str, &str)]) -> Result<Lexicon, RulesError> {
        let mut compiler = Compiler {
            files,
            lex: Lexicon::default(),
            seen: HashMap::new(),
        };
        let mut problems = Vec::new();
        for (file_index, &(name, text)) in files.iter().enumerate() {
            let mut p = FileProblems {
                name,
                text,
                list: &mut problems,
            };
            if Path::new(name).file_name().and_then(|s| s.to_str()) == Some(ALLOW_FILE) {
                match toml::from_str::<RawAllow>(text) {
                    Ok(raw) => compiler.lex.add_allowed(&mut p, &raw),
                    Err(e) => p.list.push(RulesProblem::from_toml(name, text, &e)),
                }
                continue;
            }
            match toml::from_str::<RawCategory>(text) {
                Ok(raw) => compiler.add_category(&mut p, raw, file_index),
                Err(e) => p.list.push(RulesProblem::from_toml(name, text, &e)),
            }
        }
        if problems.is_empty() {
            Ok(compiler.lex)
        } else {
            Err(RulesError { problems })
        }
    }

    /// `allow.toml`: the words and phrases never flagged, and those that introduce reported
    /// speech.
    fn add_allowed(&mut self, p: &mut FileProblems<'_>, raw: &RawAllow) {
        for s in raw
            .places
            .iter()
            .chain(&raw.surnames)
            .chain(&raw.phrases)
            .chain(&raw.words)
        {
            match key_of(s.get_ref()) {
                Ok((key, runs, _)) => self.allow.push((key, runs)),
                Err(m) => p.add(s.span(), m),
            }
        }
        self.reporting.extend(word_sequences(p, &raw.reporting));
    }
}

/// The lexicon as its files are compiled, one after another.
struct Compiler<'a> {
    files: &'a [(&'a str, &'a str)],
    lex: Lexicon,
    /// key → (term id, file index, span) of its first listing. Locations are only worked
    /// out for a problem: doing it for every term would be quadratic in the file's size.
    seen: HashMap<String, (String, usize, std::ops::Range<usize>)>,
}

impl Compiler<'_> {
    /// One category file: the category, its listed terms, and its intent.
    fn add_category(&mut self, p: &mut FileProblems<'_>, raw: RawCategory, file_index: usize) {
        let cat_name = category_name(p, &raw.category);
        let action = flag_action(p, raw.action.as_ref());
        let category = self.lex.categories.len();
        self.lex.categories.push(Category {
            name: cat_name.clone(),
            action,
            description: raw.description,
        });
        for entry in &raw.entry {
            self.add_entry(p, entry, category, file_index);
        }
        for (k, intent) in raw.intent.iter().chain(&raw.intents).enumerate() {
            // The first intent's verbs keep their ids (`threat/intent-kill`): incidents name them.
            let prefix = match k {
                0 => format!("{cat_name}/intent"),
                k => format!("{cat_name}/intent{}", k + 1),
            };
            let intent = compile_intent(p, intent, category, &prefix);
            self.lex.intents.push(intent);
        }
    }

    /// One `[[entry]]`: its terms, each listed once across all the files.
    fn add_entry(
        &mut self,
        p: &mut FileProblems<'_>,
        entry: &RawEntry,
        category: usize,
        file_index: usize,
    ) {
        let sev = severity(p, &entry.severity);
        for t in &entry.terms {
            let (key, runs, full) = match key_of(t.get_ref()) {
                Ok(k) => k,
                Err(m) => {
                    p.add(t.span(), m);
                    continue;
                }
            };
            let cat_name = &self.lex.categories[category].name;
            let id = format!("{cat_name}/{}", full.replace(' ', "-"));
            if let Some((first, in_file, span)) = self.seen.get(&full) {
                let (first_name, first_text) = self.files[*in_file];
                let (line, col) = line_col(first_text, span.start);
                p.add(
                    t.span(),
                    format!(
                        "{:?} is already listed as {first} at {first_name}:{line}:{col}",
                        t.get_ref()
                    ),
                );
                continue;
            }
            self.seen
                .insert(full.clone(), (id.clone(), file_index, t.span()));
            self.lex.terms.push(Term {
                id,
                category,
                severity: sev,
                lang: entry.lang.clone(),
                key,
                runs,
                full,
                needs_person_context: entry.needs_person_context,
            });
        }
    }
}

/// The category's name, which must be its file's stem, a valid id, and not one the
/// monitoring flags use.
fn category_name(p: &mut FileProblems<'_>, category: &Spanned<String>) -> String {
    let stem = Path::new(p.name)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or(p.name);
    let cat_name = category.get_ref().clone();
    if cat_name != stem {
        p.add(
            category.span(),
            format!("category {cat_name:?} must match the file name {stem:?}"),
        );
    }
    if !valid_id(&cat_name) {
        p.add(
            category.span(),
            "a category name may only hold a-z, 0-9 and _",
        );
    }
    if RESERVED_CATEGORIES.contains(&cat_name.as_str()) {
        p.add(
            category.span(),
            format!(
                "category {cat_name:?} is reserved for contact-pattern monitoring \
                 (monitoring.toml)"
            ),
        );
    }
    cat_name
}

/// An `action` (of a category, or of a monitoring threshold): `tag` unless it says `hold`.
pub(super) fn flag_action(
    p: &mut FileProblems<'_>,
    action: Option<&Spanned<String>>,
) -> FlagAction {
    let Some(action) = action else {
        return FlagAction::Tag;
    };
    match action.get_ref().as_str() {
        "tag" => FlagAction::Tag,
        "hold" => FlagAction::Hold,
        other => {
            p.add(
                action.span(),
                format!("action must be \"tag\" or \"hold\", not {other:?}"),
            );
            FlagAction::Tag
        }
    }
}

/// `[intent]`: its word lists, and its verbs as terms of the category.
fn compile_intent(
    p: &mut FileProblems<'_>,
    intent: &Spanned<RawIntent>,
    category: usize,
    prefix: &str,
) -> Intent {
    let i = intent.get_ref();
    let sev = severity(p, &i.severity);
    let speakers = word_sequences(p, &i.speakers);
    let fillers = word_sequences(p, &i.fillers).concat();
    let targets = word_sequences(p, &i.targets);
    let not_followed_by = word_sequences(p, &i.not_followed_by);
    let verbs = i
        .verbs
        .iter()
        .filter_map(|v| match key_of(v.get_ref()) {
            Ok((key, runs, full)) => Some(Term {
                id: format!("{prefix}-{}", full.replace(' ', "-")),
                category,
                severity: sev,
                lang: "en".into(),
                key,
                runs,
                full,
                needs_person_context: false,
            }),
            Err(m) => {
                p.add(v.span(), m);
                None
            }
        })
        .collect();
    let determiners = single_words(p, &i.determiners);
    let target_nouns = single_words(p, &i.target_nouns);
    if speakers.is_empty() || (targets.is_empty() && target_nouns.is_empty()) {
        p.add(
            intent.span(),
            "an intent needs speakers and targets (or target_nouns)",
        );
    }
    if !target_nouns.is_empty() && determiners.is_empty() {
        p.add(intent.span(), "target_nouns need determiners");
    }
    Intent {
        category,
        severity: sev,
        speakers,
        fillers,
        verbs,
        targets,
        not_followed_by,
        determiners,
        target_nouns,
        followed_by: word_sequences(p, &i.followed_by),
        target_before: i.target_before,
        contests: single_words(p, &i.contests),
    }
}

/// Each listed word, squeezed; a phrase or a word that cannot be matched is a problem, and
/// left out.
fn single_words(p: &mut FileProblems<'_>, list: &[Spanned<String>]) -> Vec<String> {
    let mut out = Vec::new();
    for s in list {
        for words in word_sequences(p, std::slice::from_ref(s)) {
            match <[String; 1]>::try_from(words) {
                Ok([w]) => out.push(w),
                Err(_) => p.add(s.span(), "one word only here"),
            }
        }
    }
    out
}

/// Each listed word or phrase as a sequence of squeezed words; one that cannot be matched is
/// a problem, and left out.
fn word_sequences(p: &mut FileProblems<'_>, list: &[Spanned<String>]) -> Vec<Vec<String>> {
    list.iter()
        .filter_map(|s| match key_of(s.get_ref()) {
            Ok((key, _, _)) => Some(key.split(' ').map(str::to_string).collect()),
            Err(m) => {
                p.add(s.span(), m);
                None
            }
        })
        .collect()
}

fn valid_id(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_category_and_derives_ids() {
        let lex = Lexicon::parse(&[(
            "lexicon/profanity.toml",
            "category = \"profanity\"\naction = \"tag\"\n[[entry]]\nseverity = \"high\"\nterms = [\"Shit\", \"piece of shit\"]\n",
        )])
        .unwrap();
        assert_eq!(lex.terms.len(), 2);
        assert_eq!(lex.terms[0].id, "profanity/shit");
        assert_eq!(lex.terms[1].id, "profanity/piece-of-shit");
        assert_eq!(lex.terms[1].key, "piece of shit");
        assert_eq!(lex.categories[0].action, FlagAction::Tag);
    }

    #[test]
    fn problems_name_file_line_and_column() {
        let e = Lexicon::parse(&[(
            "lexicon/threat.toml",
            "category = \"threat\"\naction = \"block\"\n[[entry]]\nseverity = \"huge\"\nterms = [\"f*ck\"]\n",
        )])
        .unwrap_err();
        let text = e.to_string();
        assert!(
            text.contains("lexicon/threat.toml:2:10: action must be"),
            "{text}"
        );
        assert!(
            text.contains("lexicon/threat.toml:4:12: severity must be"),
            "{text}"
        );
        assert!(
            text.contains("lexicon/threat.toml:5:10: term \"f*ck\""),
            "{text}"
        );
    }

    #[test]
    fn a_term_listed_twice_names_the_first() {
        let a = "category = \"a\"\n[[entry]]\nseverity = \"low\"\nterms = [\"word\"]\n";
        let b = "category = \"b\"\n[[entry]]\nseverity = \"low\"\nterms = [\"word\"]\n";
        let e = Lexicon::parse(&[("a.toml", a), ("b.toml", b)]).unwrap_err();
        assert!(
            e.to_string()
                .contains("b.toml:4:10: \"word\" is already listed as a/word at a.toml:4:10"),
            "{e}"
        );
    }

    #[test]
    fn unknown_keys_are_errors_with_a_suggestion() {
        let e = Lexicon::parse(&[("x.toml", "category = \"x\"\n[[entry]]\nseverty = \"low\"\n")])
            .unwrap_err();
        assert!(e.to_string().starts_with("x.toml:3:1"), "{e}");
    }
}
