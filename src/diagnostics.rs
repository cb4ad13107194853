//! Positions and wording for errors in the files a postmaster writes (the config and the rules
//! directory): byte offsets to `line:col`, TOML errors to `file:line:col` with a message, and a
//! suggestion for a misspelt key; and the error every rules file reports ([`RulesError`], a list
//! of [`RulesProblem`]s). A leaf: it imports nothing of the crate, so every module that reads a
//! file can use it without importing `config` or `rules` (issue 15: the lexicon, the monitoring
//! and novelty settings and the restrictions all report through it, and `rules` assembles them).

use std::fmt;
use std::path::Path;

/// A problem in a rules file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RulesProblem {
    /// `file:line:column`.
    pub location: String,
    pub message: String,
    /// The message quotes the file's text (a value it could not accept). In
    /// `restrictions.toml` that can be a customer's details, so the log leaves it out
    /// ([`RulesProblem::for_log`]); `check-config` shows it whole.
    pub quotes_file: bool,
}

impl RulesProblem {
    /// The message as the log may carry it: without the file's text.
    pub fn for_log(&self) -> &str {
        if self.quotes_file {
            "this value is not valid here (left out of the log: `contactgate check-config` shows it)"
        } else {
            &self.message
        }
    }

    /// A TOML syntax or shape error in the file `name` holding `text`, at its `file:line:col`,
    /// with a suggestion for a misspelt key.
    pub(crate) fn from_toml(name: &str, text: &str, e: &toml::de::Error) -> RulesProblem {
        let (location, message) = toml_error(name, text, e);
        // serde's messages quote the value they refused ("invalid type: string \"...\"").
        RulesProblem {
            location,
            message,
            quotes_file: true,
        }
    }
}

/// The TOML of the rules file `name` (holding `text`) as `T`, or the problem at its position.
pub(crate) fn parse_toml<T: serde::de::DeserializeOwned>(
    text: &str,
    name: &str,
) -> Result<T, RulesError> {
    toml::from_str(text).map_err(|e| RulesError {
        problems: vec![RulesProblem::from_toml(name, text, &e)],
    })
}

/// Reads and parses an optional rules file: its defaults when it does not exist, a problem
/// naming it when it cannot be read.
pub(crate) fn load_or_default<T: Default>(
    path: &Path,
    parse: impl FnOnce(&str, &str) -> Result<T, RulesError>,
) -> Result<T, RulesError> {
    match std::fs::read_to_string(path) {
        Ok(text) => parse(&text, &path.display().to_string()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(T::default()),
        Err(e) => Err(RulesError {
            problems: vec![RulesProblem {
                location: path.display().to_string(),
                message: format!("cannot read: {e}"),
                quotes_file: false,
            }],
        }),
    }
}

/// Why rules could not be loaded: every problem found, each with its location.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct RulesError {
    pub problems: Vec<RulesProblem>,
}

impl RulesError {
    /// Every problem with its location, as the log may carry them
    /// ([`RulesProblem::for_log`]).
    pub fn for_log(&self) -> String {
        let lines: Vec<String> = self
            .problems
            .iter()
            .map(|p| format!("{}: {}", p.location, p.for_log()))
            .collect();
        lines.join("\n")
    }
}

impl fmt::Display for RulesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{}: {}", p.location, p.message)?;
        }
        Ok(())
    }
}

/// Collects the problems of one file, each at its `file:line:col`, for the files whose every
/// value keeps its span (the lexicon, monitoring and novelty settings).
pub(crate) struct FileProblems<'a> {
    pub(crate) name: &'a str,
    pub(crate) text: &'a str,
    pub(crate) list: &'a mut Vec<RulesProblem>,
}

impl FileProblems<'_> {
    fn at(&self, span: std::ops::Range<usize>) -> String {
        let (line, col) = line_col(self.text, span.start);
        format!("{}:{line}:{col}", self.name)
    }

    pub(crate) fn add(&mut self, span: std::ops::Range<usize>, message: impl Into<String>) {
        let location = self.at(span);
        self.list.push(RulesProblem {
            location,
            message: message.into(),
            quotes_file: false,
        });
    }
}

/// Byte offset → line and column in O(log lines). Rules files can hold 100,000 customers, and
/// every restriction records its line, so scanning from the start each time would be quadratic.
pub(crate) struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub(crate) fn new(text: &str) -> LineIndex {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { starts }
    }

    /// 1-based line and column (in bytes).
    pub(crate) fn line_col(&self, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= offset);
        (line, offset - self.starts[line - 1] + 1)
    }
}

/// 1-based line and column (in bytes) of a byte offset, past the end counting as the end.
pub(crate) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    LineIndex::new(text).line_col(offset.min(text.len()))
}

/// A TOML syntax or shape error in the file `name` holding `text`: its location
/// (`name:line:col`, or `name` when it has no position) and its message, with a suggestion for
/// a misspelt key. The message may quote the value that was refused.
pub(crate) fn toml_error(name: &str, text: &str, e: &toml::de::Error) -> (String, String) {
    let location = match e.span() {
        Some(span) => {
            let (line, col) = line_col(text, span.start);
            format!("{name}:{line}:{col}")
        }
        None => name.to_string(),
    };
    let mut message = e.message().trim_end().to_string();
    if let Some(s) = suggest_unknown_field(&message) {
        message.push_str(&format!(" (did you mean `{s}`?)"));
    }
    (location, message)
}

/// From serde's "unknown field `x`, expected one of `a`, `b`" message, the closest expected
/// name, if one is close enough to be a likely typo.
pub(crate) fn suggest_unknown_field(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    let (unknown, expected) = rest.split_once('`')?;
    expected
        .split('`')
        .skip(1)
        .step_by(2)
        .map(|cand| (edit_distance(unknown, cand), cand))
        .filter(|(d, cand)| *d <= 2.max(cand.len() / 3))
        .min()
        .map(|(_, c)| c.to_string())
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != *cb);
            cur.push(sub.min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_from_one() {
        assert_eq!(line_col("ab\ncd", 4), (2, 2));
        assert_eq!(line_col("ab", 0), (1, 1));
        assert_eq!(line_col("ab\n", 99), (2, 1), "past the end is the end");
    }

    #[test]
    fn line_index_agrees_with_counting_newlines() {
        let text = "a\nbc\n\ndef\n";
        let index = LineIndex::new(text);
        for offset in 0..text.len() {
            let before = &text[..offset];
            let line = before.matches('\n').count() + 1;
            let col = offset - before.rfind('\n').map_or(0, |nl| nl + 1) + 1;
            assert_eq!(index.line_col(offset), (line, col), "offset {offset}");
        }
    }

    #[test]
    fn a_misspelt_key_gets_the_closest_expected_one() {
        let m = "unknown field `lisen`, expected one of `listen`, `downstream`";
        assert_eq!(suggest_unknown_field(m).as_deref(), Some("listen"));
        let far = "unknown field `zzzzzz`, expected one of `listen`";
        assert_eq!(suggest_unknown_field(far), None);
    }
}
