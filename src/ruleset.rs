//! The rules directory, whole: the restrictions ([`crate::rules`]), the reply templates
//! ([`crate::replies`]), the abuse lexicon and the contact-pattern thresholds
//! ([`crate::flags`]) and the novelty settings ([`crate::novelty`]).
//!
//! Each module owns its file's format and its compiled type; this one only assembles them, so
//! none of them imports another to be loaded (issue 15: `rules` used to hold the others' types
//! while they imported its error type). Loading is all or nothing, and [`LiveRules`] replaces
//! the whole set at once, so a decision never sees one file's new version beside another's old.

use std::path::Path;
use std::sync::{Arc, RwLock};

use crate::diagnostics::{RulesError, RulesProblem};
use crate::flags::Detector;
use crate::flags::monitor::Monitoring;
use crate::replies::Templates;
use crate::rules::{MatchSettings, Rules, RulesDiff};

/// The directory of the abuse lexicon's files, under the rules directory.
pub const LEXICON_DIR: &str = "lexicon";
/// The directory of the reply templates, under the rules directory.
pub const TEMPLATES_DIR: &str = "templates";

/// Everything the rules directory holds, compiled.
#[derive(Debug, Clone, Default)]
pub struct RuleSet {
    /// `restrictions.toml`: the restricted customers and how addresses are compared.
    pub restrictions: Rules,
    /// Reply templates from `templates/`.
    pub templates: Templates,
    /// The abuse lexicon from `lexicon/`, compiled.
    pub detector: Arc<Detector>,
    /// Contact-pattern thresholds from `monitoring.toml`.
    pub monitoring: Monitoring,
    /// "New information only" thresholds and phrases from `novelty.toml`.
    pub novelty: crate::novelty::Settings,
}

impl RuleSet {
    /// Loads every file of `rules_dir`: all of them or none. `restrictions.toml` must exist;
    /// the others fall back to their defaults when absent.
    pub fn load(rules_dir: &Path, matching: MatchSettings) -> Result<RuleSet, RulesError> {
        let restrictions = Rules::load(rules_dir, matching)?;
        let templates =
            Templates::load(&rules_dir.join(TEMPLATES_DIR)).map_err(|errors| RulesError {
                problems: errors
                    .into_iter()
                    .map(|e| RulesProblem {
                        location: e.location,
                        message: e.message,
                        quotes_file: false,
                    })
                    .collect(),
            })?;
        let lexicon = crate::flags::Lexicon::load(&rules_dir.join(LEXICON_DIR))?;
        Ok(RuleSet {
            restrictions,
            templates,
            detector: Arc::new(Detector::new(lexicon)),
            monitoring: Monitoring::load(rules_dir)?,
            novelty: crate::novelty::Settings::load(rules_dir)?,
        })
    }

    /// `restrictions` with every other part at its default (an empty lexicon, no templates):
    /// for tests and tools that judge restrictions alone.
    pub fn with_restrictions(restrictions: Rules) -> RuleSet {
        RuleSet {
            restrictions,
            ..RuleSet::default()
        }
    }
}

/// The rules the daemon enforces now, replaced whole on reload. Readers take a cheap snapshot
/// (`Arc`), so a reload never changes the rules under a decision in progress.
#[derive(Debug, Default)]
pub struct LiveRules(RwLock<Arc<RuleSet>>);

impl LiveRules {
    pub fn new(rules: RuleSet) -> LiveRules {
        LiveRules(RwLock::new(Arc::new(rules)))
    }

    pub fn current(&self) -> Arc<RuleSet> {
        self.0.read().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// Installs `rules`; returns what changed in the restrictions.
    pub fn replace(&self, rules: RuleSet) -> RulesDiff {
        let mut guard = self.0.write().unwrap_or_else(|p| p.into_inner());
        let diff = rules.restrictions.diff(&guard.restrictions);
        *guard = Arc::new(rules);
        diff
    }
}
