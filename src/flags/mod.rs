//! Abusive-language flags, for officer review. PURE: no I/O (the lexicon is loaded with the
//! rules), so a flag can be replayed by `explain`.
//!
//! Flags are advisory. A flag's category decides whether the message is delivered with an
//! `X-Contactgate-Flags:` header (`tag`) or held for an officer (`hold`); either way an officer
//! decides what happens next, and every flag is recorded as an incident.
//!
//! How a text is scanned:
//! 1. [`normalize`] builds a matching copy (case, confusables, leetspeak, masks, separators,
//!    repeated letters) that remembers where each letter came from;
//! 2. one Aho-Corasick automaton finds every lexicon term, allow-listed phrase and threat verb
//!    in it at once, so the cost does not grow with the lexicon;
//! 3. a hit counts only on word boundaries (with common inflections: `fuck` → `fucking`), and
//!    not inside an allow-listed place name, surname or phrase;
//! 4. threat verbs count only with a speaker before them and a target after them, in the same
//!    sentence ("I will kill you", not "a child will be killed" or "shoot me an email").

pub mod lexicon;
pub mod monitor;
pub mod normalize;

use std::collections::HashMap;
use std::ops::Range;

use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind, StartKind};
use serde::{Deserialize, Serialize};

pub use lexicon::{FlagAction, Lexicon, Severity};
use normalize::Normalized;

/// Text beyond this many bytes of one field is not scanned (prose is far shorter; this bounds
/// the time a pathological message can take).
pub const SCAN_LIMIT: usize = 1 << 20;

/// Endings accepted after a term, so one entry covers its inflections.
/// `'` and `s'` are possessives ("the queers' flag"); `'r` is the Welsh article run on
/// ("losgi'r swyddfa").
const SUFFIXES: &[&str] = &[
    "", "s", "es", "ed", "ing", "in", "in'", "er", "ers", "y", "'s", "'", "s'", "'r",
];

/// How much of the text either side of a hit an excerpt shows.
const CONTEXT: usize = 40;

/// How far back from "and VERB" a verb of movement may be ("come down to the office and").
const MAX_JOURNEY: usize = 8;

/// Verbs of movement that can start a journey before a threat ("I'll come to your depot and
/// batter ..."), as squeezed words.
const MOVES: &[&str] = &[
    "come", "coming", "go", "going", "head", "drive", "walk", "pop", "turn", "get", "nip", "wait",
    "waiting", "find", "folow", "track",
];

/// How many fillers ("really", "come round and") may sit between a speaker and a harm verb.
const MAX_FILLERS: usize = 6;

/// Longest relative clause between a subject and what it will get, in words ("every van that
/// parks on my street blocking my drive is going to get its tyres slashed").
const MAX_CLAUSE: usize = 14;

/// Words that open a relative clause after its subject.
const RELATIVES: &[&str] = &["who", "that", "which", "whose"];

/// An advisory flag for an officer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flag {
    pub category: String,
    pub severity: Severity,
    /// What the category does: `tag` or `hold`.
    pub action: FlagAction,
    /// The lexicon entry or monitoring threshold that matched, e.g. `profanity/fuck`.
    pub rule: String,
    /// What the customer wrote, with some context.
    pub excerpt: String,
    /// How many times this rule matched in the message.
    #[serde(default = "one")]
    pub count: u32,
    /// Quoted in a report of abuse received ("he called me a ..."): shown to an officer, but
    /// the message is not held for it and no incident is recorded against the sender.
    #[serde(default)]
    pub reported: bool,
}

fn one() -> u32 {
    1
}

/// One match, before it becomes a flag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub term: usize,
    /// Byte range in the original text.
    pub range: Range<usize>,
    /// Just after words that report speech ("he called me a ..."): quoted, not said.
    pub reported: bool,
}

#[derive(Debug, Clone, Copy)]
enum Pattern {
    Term(u32),
    Allow(u32),
    Verb(u32, u32),
}

/// The compiled lexicon.
#[derive(Debug, Clone, Default)]
pub struct Detector {
    lexicon: Lexicon,
    automaton: Option<DFA>,
    /// Automaton pattern id → what it stands for (several terms can share a squeezed key).
    patterns: Vec<Vec<Pattern>>,
    /// Single-word terms by the length of their unsqueezed form, for masked words.
    by_length: HashMap<usize, Vec<u32>>,
    /// Threat verbs, as terms (indexes continue after the lexicon's terms).
    verbs: Vec<lexicon::Term>,
}

impl Detector {
    pub fn new(lexicon: Lexicon) -> Detector {
        let mut keys: Vec<String> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut patterns: Vec<Vec<Pattern>> = Vec::new();
        let mut add = |key: &str, p: Pattern| {
            let id = *index.entry(key.to_string()).or_insert_with(|| {
                keys.push(key.to_string());
                patterns.push(Vec::new());
                keys.len() - 1
            });
            patterns[id].push(p);
        };
        let mut by_length: HashMap<usize, Vec<u32>> = HashMap::new();
        for (i, t) in lexicon.terms.iter().enumerate() {
            add(&t.key, Pattern::Term(i as u32));
            if !t.full.contains(' ') {
                by_length.entry(t.full.len()).or_default().push(i as u32);
            }
        }
        for (i, (key, _)) in lexicon.allow.iter().enumerate() {
            add(key, Pattern::Allow(i as u32));
        }
        let mut verbs = Vec::new();
        for (n, intent) in lexicon.intents.iter().enumerate() {
            for v in &intent.verbs {
                add(&v.key, Pattern::Verb(n as u32, verbs.len() as u32));
                verbs.push(v.clone());
            }
        }
        // Anchored only: every match starts at a word, so the automaton is walked from each
        // word's first byte until no pattern can continue. That costs a few steps per word, not
        // a pass over every byte, and hardly grows with the lexicon.
        let automaton = (!keys.is_empty()).then(|| {
            DFA::builder()
                .match_kind(MatchKind::Standard)
                .start_kind(StartKind::Anchored)
                .build(&keys)
                .expect("lexicon keys are short, valid patterns")
        });
        Detector {
            lexicon,
            automaton,
            patterns,
            by_length,
            verbs,
        }
    }

    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    pub fn is_empty(&self) -> bool {
        self.automaton.is_none()
    }

    /// Every hit in `text`, in order. Terms index [`Lexicon::terms`], then the threat verbs.
    pub fn scan(&self, text: &str) -> Vec<Hit> {
        let Some(dfa) = &self.automaton else {
            return Vec::new();
        };
        let text = truncate(text, SCAN_LIMIT);
        let n = Normalized::new(text);
        let Some(found) = patterns_at_words(dfa, &n) else {
            return Vec::new();
        };
        let mut allowed: Vec<Range<usize>> = Vec::new();
        let mut hits: Vec<(Range<usize>, usize)> = Vec::new();
        let mut verbs: Vec<(Range<usize>, u32, u32)> = Vec::new();
        for (pattern, start, end) in found {
            for p in &self.patterns[pattern] {
                match *p {
                    Pattern::Term(t) => {
                        let term = &self.lexicon.terms[t as usize];
                        let matched = end;
                        if let Some(end) = on_boundaries(&n, start, end, &term.runs)
                            && (!term.needs_person_context
                                || (NOUN_ENDINGS.contains(&&n.text[matched..end])
                                    && refers_to_person(&n, start..end)))
                        {
                            hits.push((start..end, t as usize));
                        }
                    }
                    Pattern::Allow(a) => {
                        let runs = &self.lexicon.allow[a as usize].1;
                        if let Some(end) = on_boundaries(&n, start, end, runs) {
                            allowed.push(start..end);
                        }
                    }
                    Pattern::Verb(i, v) => {
                        let verb = &self.verbs[v as usize];
                        if let Some(end) = on_boundaries(&n, start, end, &verb.runs) {
                            verbs.push((start..end, i, v));
                        }
                    }
                }
            }
        }
        for &w in &n.masked {
            if let Some((t, range)) = self.masked_term(&n, w as usize) {
                hits.push((range, t));
            }
        }
        for (verb, i, v) in verbs {
            if let Some(range) = self.threat_intent(&n, verb, &self.lexicon.intents[i as usize]) {
                hits.push((range, self.lexicon.terms.len() + v as usize));
            }
        }
        hits.retain(|(r, _)| !allowed.iter().any(|a| a.start <= r.start && r.end <= a.end));
        hits.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
        // A hit inside a longer one of the same category is the same words ("shit" in "piece
        // of shit"): one flag, for the longer.
        let category = |t: usize| self.term(t).category;
        let mut kept: Vec<(Range<usize>, usize)> = Vec::with_capacity(hits.len());
        for (r, t) in hits {
            let inside = kept.iter().rev().take(8).any(|(k, kt)| {
                k.start <= r.start && r.end <= k.end && category(*kt) == category(t)
            });
            if !inside {
                kept.push((r, t));
            }
        }
        if kept.is_empty() {
            return Vec::new();
        }
        // Line starts and quotation marks, found once: every hit looks back to them.
        let marks = Marks::new(text);
        kept.into_iter()
            .map(|(r, term)| {
                let own_threat = term >= self.lexicon.terms.len()
                    && n.word_at(r.start).is_some_and(|w| first_person(&n, w));
                Hit {
                    term,
                    reported: self.reported_speech(&n, &marks, r.start, own_threat),
                    range: n.original_range(r),
                }
            })
            .collect()
    }

    /// Whether the hit at `at` comes within a few words after a reporting phrase ("called me
    /// a", "shouted", "graffiti saying") in the same sentence, not said by the sender ("I said",
    /// "as I have said"). A threat in the first person ("I will kill you") is the sender's own
    /// unless it is inside quotation marks: someone else's threat is reported as "he said he
    /// would kill me".
    fn reported_speech(&self, n: &Normalized, marks: &Marks, at: usize, own_threat: bool) -> bool {
        const WITHIN: usize = 4;
        let reporting = &self.lexicon.reporting;
        let Some(w) = n.word_at(at) else {
            return false;
        };
        if reporting.is_empty() {
            return false;
        }
        let word = |i: usize| {
            let r = &n.words[i];
            &n.text[r.start as usize..r.end as usize]
        };
        let sentence_start = n.sentence_start(w);
        // Inside a double-quoted span, what counts is how the quotation was introduced: the
        // cue comes before the opening quote ("he said "I'll kill you and that f...ing dog"").
        let opened = marks.open_quote(n.original_range(at..at + 1).start);
        if own_threat && opened.is_none() {
            return false;
        }
        let w = opened.map_or(w, |q| n.word_from_original(q).min(w));
        let earliest = w.saturating_sub(WITHIN + 3).max(sentence_start.min(w));
        (earliest..w).any(|start| {
            reporting.iter().any(|cue| {
                let end = start + cue.len();
                end <= w
                    && w - end <= WITHIN
                    && cue.iter().enumerate().all(|(k, c)| c == word(start + k))
                    && !self.sender_speaks(n, sentence_start, start)
            })
        })
    }

    /// Whether the words before a reporting cue starting at word `cue` make the sender its
    /// speaker: "I said", "as I have said", "we've already told", or "so called".
    fn sender_speaks(&self, n: &Normalized, sentence_start: usize, cue: usize) -> bool {
        const AUXILIARY: &[&str] = &[
            "have",
            "had",
            "has",
            "already",
            "just",
            "also",
            "always",
            "even",
            "clearly",
            "did",
            "ve",
            "repeatedly",
            "previously",
            "often",
        ];
        let word = |i: usize| {
            let r = &n.words[i];
            &n.text[r.start as usize..r.end as usize]
        };
        let mut k = cue;
        while k > sentence_start && k + 4 > cue && AUXILIARY.contains(&word(k - 1)) {
            k -= 1;
        }
        k > 0
            && matches!(
                word(k - 1),
                "i" | "we" | "so" | "i've" | "ive" | "we've" | "weve" | "i'd" | "we'd"
            )
    }

    /// The term behind a hit.
    fn term(&self, i: usize) -> &lexicon::Term {
        self.lexicon
            .terms
            .get(i)
            .unwrap_or_else(|| &self.verbs[i - self.lexicon.terms.len()])
    }

    /// The flags a message's words raise (the observe step's scan): its subject and the
    /// sender's own text, then what the HTML alternative, which most readers see, and legal
    /// footers (a "Disclaimer:" line must not hide abuse) add, each rule once.
    pub fn message_flags(&self, message: &crate::message::Message) -> Vec<Flag> {
        let mut flags = self.flags(message.subject.as_deref(), &message.own_text);
        for extra in [&message.alt_text, &message.footer] {
            if extra.is_empty() {
                continue;
            }
            for f in self.flags(None, extra) {
                if !flags.iter().any(|g| g.rule == f.rule) {
                    flags.push(f);
                }
            }
        }
        flags
    }

    /// The flags for one message: its subject and the sender's own text. One flag per rule,
    /// with the first excerpt and a count.
    pub fn flags(&self, subject: Option<&str>, own_text: &str) -> Vec<Flag> {
        let mut flags: Vec<Flag> = Vec::new();
        let fields = subject
            .map(|s| ("Subject: ", s))
            .into_iter()
            .chain(std::iter::once(("", own_text)));
        for (label, text) in fields {
            for hit in self.scan(text) {
                let term = self.term(hit.term);
                if let Some(f) = flags
                    .iter_mut()
                    .find(|f| f.rule == term.id && f.reported == hit.reported)
                {
                    f.count += 1;
                    continue;
                }
                let category = &self.lexicon.categories[term.category];
                flags.push(Flag {
                    category: category.name.clone(),
                    severity: term.severity,
                    action: category.action,
                    rule: term.id.clone(),
                    excerpt: format!("{label}{}", excerpt(text, hit.range)),
                    count: 1,
                    reported: hit.reported,
                });
            }
        }
        flags
    }

    /// A masked word (`f**k`, `c*nt`) matched against single-word terms of the same shape.
    /// At least two letters must show, the first among them.
    fn masked_term(&self, n: &Normalized, w: usize) -> Option<(usize, Range<usize>)> {
        let r = n.words[w].start as usize..n.words[w].end as usize;
        let runs = n.runs_in(r.clone());
        let word: Vec<u8> = (r.clone())
            .zip(&runs)
            .flat_map(|(i, &run)| std::iter::repeat_n(n.text.as_bytes()[i], run as usize))
            .collect();
        let shown = word.iter().filter(|b| b.is_ascii_alphabetic()).count();
        if word.first() == Some(&b'*') || shown < 2 || !word.is_ascii() {
            return None;
        }
        for suffix in SUFFIXES {
            let Some(stem_len) = word.len().checked_sub(suffix.len()) else {
                continue;
            };
            if &word[stem_len..] != suffix.as_bytes() {
                continue;
            }
            let stem = &word[..stem_len];
            if !stem.contains(&b'*') {
                continue;
            }
            for &t in self.by_length.get(&stem_len).into_iter().flatten() {
                let full = self.lexicon.terms[t as usize].full.as_bytes();
                if stem
                    .iter()
                    .zip(full)
                    .all(|(a, b)| a == b || (*a == b'*' && b.is_ascii_alphabetic()))
                {
                    return Some((t as usize, r));
                }
            }
        }
        None
    }

    /// A harm verb counts when a speaker comes before it and a target straight after it,
    /// within one sentence.
    fn threat_intent(
        &self,
        n: &Normalized,
        verb: Range<usize>,
        intent: &lexicon::Intent,
    ) -> Option<Range<usize>> {
        let w = n.word_at(verb.start)?;
        // The verb's last word: a verb can be a phrase ("know where", "set fire to").
        let v = n.word_at(verb.end - 1)?;
        // A closing single quote stays on a word ("'I will kill you'" ends in `you'`): not
        // part of it here.
        let word = |i: usize| {
            let r = &n.words[i];
            n.text[r.start as usize..r.end as usize].trim_end_matches('\'')
        };
        let sentence_start = n.sentence_start(w);
        // Before the verb: fillers ("really", "come round and"), then a speaker.
        // At most a few fillers: a long run of them is not a threat, and must not cost a walk
        // back per verb.
        let speaker_before = |end: usize| {
            let mut before = end;
            while before > sentence_start
                && end - before < MAX_FILLERS
                && (intent.fillers.iter().any(|f| f == word(before - 1))
                    || is_adverb(word(before - 1)))
            {
                before -= 1;
            }
            let speaker = intent.speakers.iter().find(|sp| {
                sp.len() <= before - sentence_start
                    && sp
                        .iter()
                        .enumerate()
                        .all(|(k, s)| s == word(before - sp.len() + k))
            })?;
            Some(before - speaker.len())
        };
        // Or a journey, then "and" ("I'm going to come to your depot and batter ..."): the
        // speaker is before the verb of movement.
        let journey = || {
            if w < sentence_start + 2 || word(w - 1) != "and" {
                return None;
            }
            (w.saturating_sub(MAX_JOURNEY).max(sentence_start)..w - 1)
                .rev()
                .filter(|&j| MOVES.contains(&word(j)))
                .find_map(|j| speaker_before(j + 1))
        };
        let sentence_end = n.sentence_end(v);
        let sequence_at = |at: usize, seq: &Vec<String>| {
            seq.iter()
                .enumerate()
                .all(|(k, s)| at + k <= sentence_end && s == word(at + k))
        };
        if intent.target_before {
            // The subject is the target: "he should be shot", "your car will get torched";
            // not "I want to be shot of it".
            let first = speaker_before(w)?;
            let start = target_ending_at(&word, intent, sentence_start, first)
                .or_else(|| subject_before_clause(&word, intent, sentence_start, first))?;
            if intent
                .not_followed_by
                .iter()
                .any(|seq| sequence_at(v + 1, seq))
            {
                return None;
            }
            return Some(n.words[start].start as usize..n.words[v].end as usize);
        }
        // After it: a target in the same sentence. Looked for before the speaker: most
        // common verbs ("get", "take", "use") have no target after them, and that is cheaper
        // to see than every speaker.
        if v == sentence_end {
            return None;
        }
        let last = target_starting_at(&word, intent, sentence_end, v + 1)?;
        // "kill that rumour" ("that" is also a target), "hit your department with a complaint".
        if intent
            .not_followed_by
            .iter()
            .any(|seq| sequence_at(v + 1, seq) || sequence_at(last + 1, seq))
        {
            return None;
        }
        // "I know where you live": the target's verb must follow it.
        if !intent.followed_by.is_empty()
            && !(last + 1..=last + 3).any(|k| intent.followed_by.iter().any(|f| sequence_at(k, f)))
        {
            return None;
        }
        // "I'll beat you in a race": a contest after the target makes the verb figurative.
        // Past the sentence's end too: a line break ends one, and mail is wrapped.
        if (last + 1..(last + 7).min(n.words.len()))
            .any(|k| intent.contests.iter().any(|c| c == word(k)))
        {
            return None;
        }
        let first = speaker_before(w).or_else(journey)?;
        Some(n.words[first].start as usize..n.words[last].end as usize)
    }
}

/// The endings a word that needs a person may take: it names someone, so a plural or a
/// possessive; never a verb's ending ("you cower", "you cowed us", "chinking").
const NOUN_ENDINGS: &[&str] = &["", "s", "es", "'s", "s'", "'"];

/// Words that may stand between a person cue and a word that needs one ("you *stupid* X").
const MODIFIERS: &[&str] = &[
    "stupid",
    "fucking",
    "fuckin",
    "bloody",
    "dirty",
    "fat",
    "ugly",
    "little",
    "silly",
    "daft",
    "useless",
    "lazy",
    "thick",
    "filthy",
    "disgusting",
    "pathetic",
    "absolute",
    "total",
    "complete",
    "old",
    "arrogant",
    "smug",
    "ignorant",
    "typical",
    "horrible",
    "nasty",
    "evil",
    "vile",
    "miserable",
    "lying",
    "thieving",
    "effing",
    "sad",
    "big",
    "mouthy",
    "gobby",
    "snotty",
    "bent",
    "two",
    "faced",
    "jumped",
    "up",
    "right",
    "proper",
    "bunch",
    "of",
    "load",
    "pack",
];

/// Cues just before the word that make it a person: the vocative, and what a person is called.
const BEFORE_PERSON: &[&[&str]] = &[
    &["you"],
    &["u"],
    &["ya"],
    &["ye"],
    &["youse"],
    &["what", "a"],
    &["such", "a"],
    &["you're", "a"],
    &["youre", "a"],
    &["you", "are", "a"],
    &["ur", "a"],
    &["u", "r", "a"],
    &["he's", "a"],
    &["hes", "a"],
    &["he", "is", "a"],
    &["she's", "a"],
    &["shes", "a"],
    &["she", "is", "a"],
    &["they're"],
    &["theyre"],
    &["they", "are"],
    &["you're"],
    &["youre"],
    &["you", "are"],
    &["you", "lot", "are"],
    &["you", "all", "are"],
    &["are", "all"],
    &["he's", "an"],
    &["she's", "an"],
    &["you're", "an"],
    &["what", "an"],
    &["sack", "that"],
    &["sack", "the"],
    &["fire", "that"],
    &["tell", "that"],
    &["tell", "your"],
    &["sent", "a"],
    &["sent", "that"],
    &["visit", "from", "some"],
];

/// Cues just after the word: it is someone ("the X who", "that X at reception", "X, the lot of
/// you").
const AFTER_PERSON: &[&[&str]] = &[
    &["who"],
    &["whom"],
    &["whose"],
    &["who's"],
    &["the", "lot", "of", "you"],
    &["all", "of", "you"],
    &["you", "lot"],
    &["at", "reception"],
    &["on", "reception"],
    &["on", "the", "phone"],
    &["at", "the", "desk"],
    &["at", "the", "counter"],
    &["behind", "the", "desk"],
    &["behind", "the", "counter"],
    &["said"],
    &["told"],
    &["shouted"],
    &["refused"],
    &["laughed"],
    &["lied"],
    &["smirked"],
    &["sneered"],
    &["hung", "up"],
    &["put", "the", "phone", "down"],
    // Neighbours.
    &["next", "door"],
    &["upstairs"],
    &["downstairs"],
    &["across", "the", "road"],
    &["over", "the", "road"],
    &["at", "number"],
    &["from", "number"],
    &["in", "number"],
    // Departments and the people sent ("the X in planning", "the X you sent round").
    &["in", "planning"],
    &["in", "parking"],
    &["in", "the", "parking"],
    &["in", "housing"],
    &["in", "highways"],
    &["in", "lettings"],
    &["in", "building", "control"],
    &["from", "lettings"],
    &["from", "housing"],
    &["from", "planning"],
    &["from", "the", "council"],
    &["with", "the", "clipboard"],
    &["you", "sent"],
    &["like", "him"],
    &["like", "her"],
    &["like", "them"],
    &["like", "councillor"],
];

/// Whether the hit at `range` of the matching copy refers to a person: a vocative or a name for
/// someone just before it (modifiers allowed between: "you stupid X", "what a fat X"), a cue
/// just after it ("the X who", "X, the lot of you"), or the word alone as a sentence ("X!").
/// An innocent sense (faggots and peas, Offa's Dyke, a female dog) has none of these.
fn refers_to_person(n: &Normalized, range: Range<usize>) -> bool {
    let (Some(first), Some(last)) = (n.word_at(range.start), n.word_at(range.end - 1)) else {
        return false;
    };
    let word = |i: usize| {
        let r = &n.words[i];
        n.text[r.start as usize..r.end as usize].trim_end_matches('\'')
    };
    let start = n.sentence_start(first);
    let end = n.sentence_end(last);
    let mut before = first;
    while before > start
        && first - before < 3
        && MODIFIERS.iter().any(|m| same(word(before - 1), m))
    {
        before -= 1;
    }
    if before == start && last == end {
        return true;
    }
    let cue_ends_at = |at: usize| {
        BEFORE_PERSON.iter().any(|cue| {
            cue.len() <= at - start
                && cue
                    .iter()
                    .enumerate()
                    .all(|(k, c)| same(word(at - cue.len() + k), c))
        })
    };
    if (before..=first).any(cue_ends_at) {
        return true;
    }
    // After it, across the sentence's end: "Cockroaches, the lot of you" is one thought.
    AFTER_PERSON.iter().any(|cue| {
        cue.iter()
            .enumerate()
            .all(|(k, c)| last + 1 + k < n.words.len() && same(word(last + 1 + k), c))
    })
}

/// Whether a word of the matching copy (repeated letters squeezed) is `cue` as written.
fn same(word: &str, cue: &str) -> bool {
    let mut squeezed = cue
        .bytes()
        .enumerate()
        .filter(|&(i, b)| i == 0 || cue.as_bytes()[i - 1] != b)
        .map(|(_, b)| b);
    let mut got = word.bytes();
    loop {
        match (got.next(), squeezed.next()) {
            (None, None) => return true,
            (Some(a), Some(b)) if a == b => {}
            _ => return false,
        }
    }
}

/// Whether `word` is `noun` or its plural.
fn is_noun(word: &str, noun: &str) -> bool {
    word.strip_prefix(noun)
        .is_some_and(|rest| rest.is_empty() || rest == "s" || rest == "es" || rest == "'s")
}

/// The last word of the intent's target starting at word `at` (the longest listed sequence,
/// or a determiner, at most two words and a target noun), within the sentence.
fn target_starting_at<'n>(
    word: &impl Fn(usize) -> &'n str,
    intent: &lexicon::Intent,
    sentence_end: usize,
    at: usize,
) -> Option<usize> {
    let listed = intent
        .targets
        .iter()
        .filter(|t| {
            t.iter()
                .enumerate()
                .all(|(k, s)| at + k <= sentence_end && s == word(at + k))
        })
        .map(Vec::len)
        .max()
        .map(|len| at + len - 1);
    let phrase = (at <= sentence_end && intent.determiners.iter().any(|d| d == word(at)))
        .then(|| {
            (at + 1..=(at + 3).min(sentence_end))
                .find(|&k| intent.target_nouns.iter().any(|t| is_noun(word(k), t)))
        })
        .flatten();
    listed.max(phrase)
}

/// The first word of the intent's target that ends at word `end - 1` (just before the
/// speaker), within the sentence.
/// An adverb of manner or degree between a speaker and a harm ("I'll seriously hurt you",
/// "someone should properly batter him"): a word ending in "ly" ("only" and "early" too,
/// which change nothing here). Matched on the squeezed copy, where "-lly" is "-ly".
fn is_adverb(word: &str) -> bool {
    word.len() > 4 && word.ends_with("ly")
}

/// A subject with a relative clause between it and its speaker, as the start of the subject:
/// "the next person from the council who knocks on my door gets punched". The clause opens
/// with the first relative word in the last [`MAX_CLAUSE`] words before `first`; the subject
/// ends just before it, or up to three words earlier ("person from the council who").
fn subject_before_clause<'n>(
    word: &impl Fn(usize) -> &'n str,
    intent: &lexicon::Intent,
    sentence_start: usize,
    first: usize,
) -> Option<usize> {
    let from = first.saturating_sub(MAX_CLAUSE).max(sentence_start + 1);
    let relative = (from..first).find(|&k| RELATIVES.contains(&word(k)))?;
    (relative.saturating_sub(3).max(sentence_start + 1)..=relative)
        .rev()
        .find_map(|end| target_ending_at(word, intent, sentence_start, end))
}

fn target_ending_at<'n>(
    word: &impl Fn(usize) -> &'n str,
    intent: &lexicon::Intent,
    sentence_start: usize,
    end: usize,
) -> Option<usize> {
    let listed = intent
        .targets
        .iter()
        .filter(|t| {
            t.len() <= end - sentence_start
                && t.iter()
                    .enumerate()
                    .all(|(k, s)| s == word(end - t.len() + k))
        })
        .map(Vec::len)
        .max()
        .map(|len| end - len);
    let phrase = (end > sentence_start
        && intent
            .target_nouns
            .iter()
            .any(|t| is_noun(word(end - 1), t)))
    .then(|| {
        (sentence_start.max(end.saturating_sub(4))..end - 1)
            .rev()
            .find(|&k| intent.determiners.iter().any(|d| d == word(k)))
    })
    .flatten();
    match (listed, phrase) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Every automaton pattern that starts at the start of a word of `n` and ends inside its
/// text, as (pattern, start, end) byte offsets into `n.text`; `None` if the automaton cannot
/// start anchored.
fn patterns_at_words(dfa: &DFA, n: &Normalized<'_>) -> Option<Vec<(usize, usize, usize)>> {
    let anchored = dfa.start_state(Anchored::Yes).ok()?;
    let bytes = n.text.as_bytes();
    let mut found: Vec<(usize, usize, usize)> = Vec::new();
    for word in &n.words {
        let from = word.start as usize;
        let mut sid = anchored;
        for (at, &b) in bytes.iter().enumerate().skip(from) {
            sid = dfa.next_state(Anchored::Yes, sid, b);
            if !dfa.is_special(sid) {
                continue;
            }
            if dfa.is_dead(sid) {
                break;
            }
            for k in 0..dfa.match_len(sid) {
                let pid = dfa.match_pattern(sid, k);
                // Only patterns that start at this word (a match state can also carry
                // shorter patterns that end here).
                if dfa.pattern_len(pid) == at + 1 - from {
                    found.push((pid.as_usize(), from, at + 1));
                }
            }
        }
    }
    Some(found)
}

/// Whether a match at `start..end` of the matching copy is a whole word (or phrase) with an
/// accepted ending, and every letter repeats at least as often as in the term. Returns the end
/// of the word, ending included.
fn on_boundaries(n: &Normalized, start: usize, end: usize, runs: &[u8]) -> Option<usize> {
    let bytes = n.text.as_bytes();
    if (start > 0 && bytes[start - 1] != b' ') || runs.len() != end - start {
        return None;
    }
    let word_end = memchr::memchr(b' ', &bytes[end..]).map_or(bytes.len(), |i| end + i);
    // The rest of the word's letters could be anything; a short ending is all that can pass.
    if word_end - end > 4 {
        return None;
    }
    // Cheap first: the rest as squeezed must already be an ending (no ending has a doubled
    // letter), before any run is worked out.
    if !SUFFIXES
        .iter()
        .any(|s| s.as_bytes() == &bytes[end..word_end])
    {
        return None;
    }
    let got = n.runs_in(start..word_end);
    // Every letter at least as often as in the term; a letter inside the term stretched by
    // exactly one is another word (`skeet` is not `sket`), by two or more it is emphasis.
    let inner = runs.len() - 1;
    if runs
        .iter()
        .zip(&got)
        .enumerate()
        .any(|(i, (want, got))| got < want || (i < inner && *got == want + 1))
    {
        return None;
    }
    // The rest of the word, repeats restored. A letter stretched by two or more (`fuckkk`) is
    // emphasis; one more (`shit` in `shitting`) is part of the rest.
    let extra = got[runs.len() - 1] - runs[runs.len() - 1];
    if extra == 0 && word_end == end {
        return Some(end);
    }
    let mut rest = String::new();
    if extra == 1 {
        rest.push(bytes[end - 1] as char);
    }
    for (&b, &run) in bytes[end..word_end].iter().zip(&got[runs.len()..]) {
        if !b.is_ascii() || rest.len() > 4 {
            return None;
        }
        for _ in 0..run {
            rest.push(b as char);
        }
    }
    SUFFIXES.contains(&rest.as_str()).then_some(word_end)
}

/// Whether word `w` makes the speaker the sender: "I", "I'll", "we'll"... (as squeezed in the
/// matching copy: `i'l`).
fn first_person(n: &Normalized, w: usize) -> bool {
    let r = &n.words[w];
    let word = &n.text[r.start as usize..r.end as usize];
    matches!(
        word,
        "i" | "il"
            | "i'l"
            | "im"
            | "i'm"
            | "i'd"
            | "id"
            | "we"
            | "we'l"
            | "wel"
            | "we're"
            | "were"
            | "ima"
            | "i'ma"
            | "next"
    )
}

/// Quotation marks around hits, for reported speech. Worked out per line, and only for lines
/// that have a hit: most texts have none, and the hits of one long line share one pass over it
/// (looking back from each hit made a megabyte of abuse on one line take minutes).
struct Marks<'t> {
    text: &'t str,
    /// The line last worked out (hits come in order).
    line: std::cell::RefCell<Option<LineMarks>>,
}

struct LineMarks {
    start: usize,
    end: usize,
    /// Double quotation marks, straight or curly: they pair up.
    doubles: Vec<usize>,
    /// Single quotation marks that can only open ('...: space before, letter after) or only
    /// close (...': letter before, space after). An apostrophe inside a word (`I'll`) is
    /// neither; a possessive (`the dogs' bowl`) looks like a close and does no harm.
    single_opens: Vec<usize>,
    single_closes: Vec<usize>,
}

impl<'t> Marks<'t> {
    fn new(text: &'t str) -> Marks<'t> {
        Marks {
            text,
            line: std::cell::RefCell::new(None),
        }
    }

    fn line_of(&self, at: usize) -> LineMarks {
        let bytes = self.text.as_bytes();
        let start = memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |i| i + 1);
        let end = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |i| at + i);
        let mut m = LineMarks {
            start,
            end,
            doubles: Vec::new(),
            single_opens: Vec::new(),
            single_closes: Vec::new(),
        };
        let mut prev = ' ';
        let mut chars = self.text[start..end].char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let next = chars.peek().map_or(' ', |&(_, c)| c);
            match c {
                '"' | '\u{201C}' | '\u{201D}' => m.doubles.push(start + i),
                '\'' | '\u{2018}' | '\u{2019}' => {
                    let word_before = prev.is_alphanumeric() || prev.is_ascii_punctuation();
                    if !prev.is_alphanumeric() && next.is_alphanumeric() {
                        m.single_opens.push(start + i);
                    } else if word_before && !next.is_alphanumeric() {
                        m.single_closes.push(start + i);
                    }
                }
                _ => {}
            }
            prev = c;
        }
        m
    }

    /// The opening quotation mark before `at` on its line, if `at` is inside a quotation.
    fn open_quote(&self, at: usize) -> Option<usize> {
        let mut cached = self.line.borrow_mut();
        if !cached
            .as_ref()
            .is_some_and(|l| l.start <= at && at <= l.end)
        {
            *cached = Some(self.line_of(at));
        }
        let m = cached.as_ref().expect("just set");
        let to = m.doubles.partition_point(|&q| q < at);
        if to % 2 == 1 {
            return Some(m.doubles[to - 1]);
        }
        let k = m.single_opens.partition_point(|&q| q < at);
        let open = *m.single_opens[..k].last()?;
        let closed = m.single_closes.partition_point(|&q| q <= open)
            < m.single_closes.partition_point(|&q| q < at);
        (!closed).then_some(open)
    }
}

fn truncate(text: &str, limit: usize) -> &str {
    &text[..text.floor_char_boundary(limit)]
}

/// The hit with up to [`CONTEXT`] bytes either side, on one line.
pub fn excerpt(text: &str, range: Range<usize>) -> String {
    let start = text.floor_char_boundary(range.start.saturating_sub(CONTEXT));
    let end = text.ceil_char_boundary((range.end + CONTEXT).min(text.len()));
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.push_str(
        &text[start..end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
    );
    if end < text.len() {
        out.push('…');
    }
    // Control characters and bidi overrides could make the excerpt display other than what was
    // written (or break a terminal line): shown as spaces.
    out.chars()
        .map(|c| {
            if c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}') {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// The value of the `X-Contactgate-Flags:` header: `category/severity/rule` for each flag.
/// Built from the lexicon's own names only, never from the customer's text.
pub fn header_value(flags: &[Flag]) -> String {
    flags
        .iter()
        .map(|f| format!("{} {} {}", f.category, f.severity.as_str(), f.rule))
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests;
