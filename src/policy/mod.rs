//! The decision: what happens to one message, and why. PURE: no I/O, no async, no clock (the
//! time is passed in), so every decision can be replayed in a test or by `explain`.
//!
//! Architecture invariant: `decide` cannot fail. Whatever it is given, it returns a [`Verdict`]
//! whose reasons an officer can read. No action drops mail: the strictest is a hold.
//!
//! How restrictions combine: every restriction of every matched customer gives an outcome; the
//! most restrictive action wins (deliver < reroute < defer < file < hold), named-staff routing
//! applies to whatever is finally delivered or released, and every reason is kept. Time windows
//! are alternatives (a union): inside any one of them the message is not deferred, and outside
//! all of them it waits for the earliest to open. Named-staff lists are the opposite (an
//! intersection): only staff on every list may be contacted, and when nobody is on every list
//! the message is held for an officer.

pub mod reason;
pub mod uk_time;

use serde::Serialize;
use time::{Date, Duration, OffsetDateTime, PrimitiveDateTime};

use crate::message::Message;
use crate::rules::{
    Customer, Language, MatchSettings, Restriction, RestrictionKind, Rules, TimeWindow,
};
use crate::smtp::Envelope;
pub use reason::{Code, Disposition, Reason};

/// What to do with a message, from least to most restrictive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    /// Reinject downstream to the envelope recipients.
    Deliver,
    /// Reinject to different recipients (named staff).
    Reroute,
    /// Keep durably and release automatically at `release_at`.
    Defer,
    /// Keep durably; not delivered to staff. An officer may check and release it.
    File,
    /// Keep durably for an officer's review.
    Hold,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Deliver => "deliver",
            Action::Reroute => "reroute",
            Action::Defer => "defer",
            Action::File => "file",
            Action::Hold => "hold",
        }
    }

    /// Whether the message goes into the held store rather than downstream.
    pub fn is_kept(self) -> bool {
        matches!(self, Action::Defer | Action::File | Action::Hold)
    }
}

pub use crate::flags::Flag;
use crate::flags::FlagAction;

/// A decision with its reasons: human-readable for an officer, coded for the log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verdict {
    pub action: Action,
    /// Recipients after routing: who gets the message when it is delivered or released.
    pub recipients: Vec<String>,
    /// The envelope recipients as received.
    pub original_recipients: Vec<String>,
    pub reasons: Vec<Reason>,
    /// The reason that decided the action, for headers and one-line summaries.
    pub summary: String,
    /// Case ids of the matched customers.
    pub customers: Vec<String>,
    /// For deferred mail: when it is released.
    #[serde(with = "time::serde::rfc3339::option")]
    pub release_at: Option<OffsetDateTime>,
    pub flags: Vec<Flag>,
    /// The acknowledgement the customer should get, if any (the guards and rate limit in
    /// `replies` still decide whether it is sent).
    pub reply: Option<ReplyPlan>,
    /// For a customer under `new_information_only`: what is new, judged against the history.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub novelty: Option<crate::novelty::Report>,
}

/// The situation a reply is for. Each has a template pair in the rules directory,
/// `templates/<name>.<cy|en>.txt` (issue 15: the names were bare strings, so a misspelt one
/// compiled and found no template).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Template {
    LetterOnly,
    ThirdPartyOnly,
    TopicClosed,
    NoNewInformation,
    Rerouted,
    Deferred,
    HeldForReview,
}

impl Template {
    /// Every template, in the order the postmaster's documentation lists them.
    pub const ALL: [Template; 7] = [
        Template::LetterOnly,
        Template::ThirdPartyOnly,
        Template::TopicClosed,
        Template::NoNewInformation,
        Template::Rerouted,
        Template::Deferred,
        Template::HeldForReview,
    ];

    /// The file name stem, also what the outbox, the audit trail and the logs record.
    pub fn name(self) -> &'static str {
        match self {
            Template::LetterOnly => "letter_only",
            Template::ThirdPartyOnly => "third_party_only",
            Template::TopicClosed => "topic_closed",
            Template::NoNewInformation => "no_new_information",
            Template::Rerouted => "rerouted",
            Template::Deferred => "deferred",
            Template::HeldForReview => "held_for_review",
        }
    }

    /// The template a file name stem names.
    pub fn from_name(name: &str) -> Option<Template> {
        Template::ALL.into_iter().find(|t| t.name() == name)
    }

    /// Whether replies need it in both languages. `deferred` and `held_for_review` are off
    /// unless the config turns them on, so they may be missing.
    pub fn required(self) -> bool {
        !matches!(self, Template::Deferred | Template::HeldForReview)
    }
}

impl std::fmt::Display for Template {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Which acknowledgement to send, and what it needs to say.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReplyPlan {
    pub template: Template,
    pub customer_id: String,
    pub customer_name: String,
    pub language: Language,
    pub postal_address: Option<String>,
    pub staff: Vec<String>,
    pub representatives: Vec<String>,
    pub review_on: String,
}

/// A filing decided by software comparing the message's words, which the customer is told about
/// and may ask a person to review (UK GDPR Art. 22): officers confirm each one
/// (`held review`), and the digest lists those not yet confirmed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AutomatedCheck {
    /// `new_information_only`: judged to repeat earlier correspondence.
    NoNewInformation,
    /// `topics`: judged, from its words, to be about a closed topic.
    ClosedTopic,
}

impl AutomatedCheck {
    pub fn as_str(self) -> &'static str {
        match self {
            AutomatedCheck::NoNewInformation => "no_new_information",
            AutomatedCheck::ClosedTopic => "closed_topic",
        }
    }
}

impl Verdict {
    /// Whether this verdict files the message on an automatic comparison of its words. The
    /// reply that a filing plans names the restriction that decided it (`evaluate` gives each
    /// kind its own template), so it tells the two automatic judgements from a filing that
    /// follows from a restriction alone (`letter_only`, `third_party_only`).
    pub fn automated_check(&self) -> Option<AutomatedCheck> {
        if self.action != Action::File {
            return None;
        }
        match self.reply.as_ref()?.template {
            Template::NoNewInformation => Some(AutomatedCheck::NoNewInformation),
            Template::TopicClosed => Some(AutomatedCheck::ClosedTopic),
            _ => None,
        }
    }
}

/// What happens once a restriction's review date has passed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ReviewOverdue {
    /// Keep enforcing (staff safety first) and report it as overdue.
    #[default]
    Enforce,
    /// Stop enforcing until someone renews it (no open-ended restriction).
    Lapse,
}

/// Policy settings that come from the configuration.
#[derive(Debug, Clone)]
pub struct PolicySettings {
    /// Hold every message (incident response: stop all delivery, keep every message safe).
    pub hold_all: bool,
    pub review_overdue: ReviewOverdue,
    /// How many days of correspondence history "new information only" compares with.
    pub history_days: u64,
}

impl Default for PolicySettings {
    fn default() -> Self {
        PolicySettings {
            hold_all: false,
            review_overdue: ReviewOverdue::default(),
            history_days: 365,
        }
    }
}

/// One restriction's contribution.
struct Outcome {
    action: Action,
    reason: Reason,
    /// Named staff to route to.
    route_to: Option<Vec<String>>,
    release_at: Option<OffsetDateTime>,
    reply: Option<ReplyPlan>,
    /// For a `time_window` restriction, the window as written (see [`combine_windows`]).
    window: Option<String>,
    /// Reasons after the main one (the new sentences of a message with new information).
    details: Vec<Reason>,
}

/// What was found out about a message before the policy decides (the observe step), each
/// thing once: who it is from ([`identify`]), the flags its words raise (the lexicon, see
/// [`crate::flags::Detector::message_flags`]) followed by those its sender's contact pattern
/// raises (counters the store keeps), and, for a customer under "new information only", its
/// novelty judged against their history (the store keeps it, so the caller asks).
#[derive(Debug)]
pub struct Observed<'a> {
    pub identity: &'a Identity<'a>,
    pub flags: Vec<Flag>,
    pub novelty: Option<&'a crate::novelty::Report>,
}

impl<'a> Observed<'a> {
    /// Who the message is from, and nothing else observed.
    pub fn identity_only(identity: &'a Identity<'a>) -> Observed<'a> {
        Observed {
            identity,
            flags: Vec::new(),
            novelty: None,
        }
    }
}

/// Who a message is from, worked out once per message (the identify step): the restricted
/// customers it is from and its sender as the rules compare addresses. Everything after it
/// (novelty, counters, history, the decision) reads this rather than matching again.
#[derive(Debug, Clone)]
pub struct Identity<'r> {
    /// The restricted customers, each once, with how they matched ([`matched_customers`]).
    pub customers: Vec<(&'r Customer, &'static str)>,
    /// The envelope sender normalised as the rules compare addresses; `None` for `<>`.
    pub sender: Option<String>,
    /// The sender is the council's own (`exempt_domains` in `monitoring.toml`).
    pub council: bool,
}

impl Identity<'_> {
    /// Whether the envelope sender itself is a restricted customer's address.
    pub fn sender_is_customer(&self) -> bool {
        self.customers
            .iter()
            .any(|(_, how)| *how == ENVELOPE_SENDER)
    }
}

/// Identifies a message's sender: the one customer match per message in the daemon.
/// `monitoring` knows the council's own domains.
pub fn identify<'r>(
    message: &Message,
    envelope: &Envelope,
    rules: &'r Rules,
    monitoring: &crate::flags::monitor::Monitoring,
) -> Identity<'r> {
    let sender = &envelope.sender;
    Identity {
        customers: matched_customers(message, envelope, rules),
        sender: (!sender.is_empty()).then(|| rules.matching().normalize(sender)),
        council: !sender.is_empty() && monitoring.is_exempt(sender),
    }
}

const ENVELOPE_SENDER: &str = "envelope sender";

/// Decides what happens to `message`, sent with `envelope`, at `now`, given what was
/// `observed` of it. PURE: everything looked up elsewhere comes in `observed`.
///
/// Flags are advisory: a `hold` flag keeps the message for an officer's review, a `tag` flag
/// delivers it with a header; neither drops anything, and restrictions still apply. Without a
/// novelty judgement, `new_information_only` cannot tell a repeat and delivers, saying so.
pub fn decide(
    message: &Message,
    envelope: &Envelope,
    rules: &Rules,
    settings: &PolicySettings,
    now: OffsetDateTime,
    observed: Observed<'_>,
) -> Verdict {
    let Observed {
        flags,
        novelty,
        identity,
    } = observed;
    let original: Vec<String> = envelope.recipients.clone();
    let mut verdict = Verdict {
        action: Action::Deliver,
        recipients: original.clone(),
        original_recipients: original,
        reasons: Vec::new(),
        summary: String::new(),
        customers: Vec::new(),
        release_at: None,
        flags: Vec::new(),
        reply: None,
        novelty: None,
    };
    note_representatives(&mut verdict, message, envelope, rules);
    // Who is this from? The envelope sender and the From: addresses both count (identified
    // before).
    let mut outcomes = Vec::new();
    for (customer, how) in &identity.customers {
        outcomes.extend(restriction_outcomes(
            &mut verdict,
            (customer, how),
            message,
            settings,
            now,
            novelty,
        ));
    }
    combine_windows(&mut outcomes);
    for o in &outcomes {
        verdict.action = verdict.action.max(o.action);
        // Only time windows defer, and they are alternatives: the earliest start releases.
        verdict.release_at = match (verdict.release_at, o.release_at) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        verdict.reasons.push(o.reason.clone());
        verdict.reasons.extend(o.details.iter().cloned());
    }
    let no_common_staff = route_to_named_staff(&mut verdict, &outcomes, rules.matching());
    if verdict.action != Action::Defer {
        verdict.release_at = None;
    }
    summarise(&mut verdict, &outcomes, no_common_staff);
    apply_flags(&mut verdict, flags);
    finish(&mut verdict, message, settings);
    verdict
}

/// A reason for each restricted customer the sender or a `From:` address represents: their
/// mail is delivered normally, and the officer sees why.
fn note_representatives(
    verdict: &mut Verdict,
    message: &Message,
    envelope: &Envelope,
    rules: &Rules,
) {
    let candidates = std::iter::once(envelope.sender.as_str())
        .filter(|a| !a.is_empty())
        .chain(message.from.iter().map(String::as_str));
    for address in candidates {
        for c in rules.represented_by(address) {
            verdict.reasons.push(Reason::new(
                Code::Representative(c.id.clone()),
                format!(
                    "{} is a listed representative of {} ({}); delivered normally",
                    rules.matching().normalize(address),
                    c.id,
                    c.name
                ),
            ));
        }
    }
}

/// What each of a matched customer's restrictions makes of the message, with the reasons for
/// the match and for any overdue review (a lapsed restriction is left out).
fn restriction_outcomes(
    verdict: &mut Verdict,
    (customer, how): (&Customer, &str),
    message: &Message,
    settings: &PolicySettings,
    now: OffsetDateTime,
    novelty: Option<&crate::novelty::Report>,
) -> Vec<Outcome> {
    verdict.customers.push(customer.id.clone());
    verdict.reasons.push(Reason::new(
        Code::Customer(customer.id.clone()),
        format!(
            "sender matches restricted customer {} ({}) by {how}",
            customer.id, customer.name
        ),
    ));
    let mut outcomes = Vec::new();
    for r in &customer.restrictions {
        let today = uk_time::to_london(now).date();
        if today > r.review_on {
            match settings.review_overdue {
                ReviewOverdue::Enforce => verdict.reasons.push(Reason::new(
                    Code::ReviewOverdue(r.kind.name()),
                    format!(
                        "{} review was due on {}; still enforced (review_overdue = \"enforce\")",
                        r.kind.name(),
                        r.review_on
                    ),
                )),
                ReviewOverdue::Lapse => {
                    verdict.reasons.push(Reason::new(
                        Code::ReviewLapsed(r.kind.name()),
                        format!(
                            "{} lapsed: review was due on {} (review_overdue = \"lapse\")",
                            r.kind.name(),
                            r.review_on
                        ),
                    ));
                    continue;
                }
            }
        }
        if r.kind == RestrictionKind::NewInformationOnly {
            verdict.novelty = novelty.cloned();
        }
        outcomes.push(evaluate(r, customer, message, now, novelty));
    }
    outcomes
}

/// Named-staff routing: applies to whatever is delivered now or released later. Each list is
/// the only staff the customer may contact, so with several lists (two restrictions, or two
/// matched customers) only staff on every list are allowed. When no one is, no automatic
/// choice is right: the message is held for an officer, and the reason is returned.
fn route_to_named_staff(
    verdict: &mut Verdict,
    outcomes: &[Outcome],
    matching: MatchSettings,
) -> Option<String> {
    let staff: Vec<&Vec<String>> = outcomes
        .iter()
        .filter_map(|o| o.route_to.as_ref())
        .collect();
    let (first, others) = staff.split_first()?;
    let allowed: Vec<String> = dedup(
        first
            .iter()
            .filter(|s| others.iter().all(|list| list.contains(s)))
            .cloned()
            .collect(),
    );
    if allowed.is_empty() {
        let lists: Vec<String> = staff.iter().map(|list| list.join(", ")).collect();
        let reason = format!(
            "named_staff: the named-staff restrictions leave no permitted recipient (no one is \
             on every list: {}); held for an officer to decide",
            lists.join("; ")
        );
        verdict.action = Action::Hold;
        verdict
            .reasons
            .push(Reason::new(Code::NoCommonStaff, reason.clone()));
        return Some(reason);
    }
    let original = &verdict.original_recipients;
    let addressed: Vec<String> = original
        .iter()
        .filter(|r| allowed.contains(&matching.normalize(r)))
        .cloned()
        .collect();
    let recipients = if addressed.is_empty() {
        allowed
    } else {
        addressed
    };
    if recipients != *original && verdict.action == Action::Deliver {
        verdict.action = Action::Reroute;
    }
    verdict.recipients = recipients;
    None
}

/// The summary and the reply: from the restriction that set the action (named staff for a
/// reroute), or, when the named-staff lists left no one, that reason and a `held_for_review`
/// reply.
fn summarise(verdict: &mut Verdict, outcomes: &[Outcome], no_common_staff: Option<String>) {
    if let Some(reason) = no_common_staff {
        verdict.summary = reason;
        // `prepare` sends this only when the postmaster enabled held_for_review replies.
        verdict.reply = outcomes
            .iter()
            .find(|o| o.route_to.is_some())
            .and_then(|o| o.reply.clone())
            .map(|plan| ReplyPlan {
                template: Template::HeldForReview,
                staff: Vec::new(),
                ..plan
            });
        return;
    }
    let deciding = outcomes.iter().find(|o| match verdict.action {
        Action::Reroute => o.route_to.is_some(),
        Action::Defer => o.action == Action::Defer && o.release_at == verdict.release_at,
        action => o.action == action,
    });
    verdict.summary = deciding.map(|o| o.reason.text.clone()).unwrap_or_default();
    verdict.reply = deciding.and_then(|o| o.reply.clone()).map(|mut plan| {
        if plan.template == Template::Rerouted {
            plan.staff = verdict.recipients.clone();
        }
        plan
    });
}

/// The flags, after the restrictions: a reason for each; a `hold` flag holds (unless the
/// message quotes the abuse in a report of it), a `tag` flag delivers with the flag.
fn apply_flags(verdict: &mut Verdict, flags: Vec<Flag>) {
    for f in &flags {
        // The excerpt stays in the flag, for the officer; the reason names the rule only.
        let code = Code::Flag {
            rule: f.rule.clone(),
            disposition: Disposition::of(f),
        };
        let what = format!(
            "{} flag ({} severity, rule {}, {} time(s))",
            f.category,
            f.severity.as_str(),
            f.rule,
            f.count
        );
        if f.reported {
            verdict.reasons.push(Reason::new(
                code,
                format!(
                    "flagged for an officer (advisory, delivered): {what}, quoted in a report \
                     of abuse received, so not held"
                ),
            ));
            continue;
        }
        match f.action {
            FlagAction::Hold => {
                let reason = format!("held for an officer's review: {what}");
                if verdict.action < Action::Hold {
                    verdict.action = Action::Hold;
                    verdict.summary = format!(
                        "held for an officer's review: {} flag ({}, rule {})",
                        f.category,
                        f.severity.as_str(),
                        f.rule
                    );
                    // An acknowledgement promised by a restriction does not fit a held
                    // message; the officer replies.
                    verdict.reply = None;
                }
                verdict.reasons.push(Reason::new(code, reason));
            }
            FlagAction::Tag => verdict.reasons.push(Reason::new(
                code,
                format!("flagged for an officer (advisory, delivered): {what}"),
            )),
        }
    }
    verdict.flags = flags;
}

/// The last word: `hold_all`, a reason and a summary however the message fared, and what
/// reading left out.
fn finish(verdict: &mut Verdict, message: &Message, settings: &PolicySettings) {
    if verdict.action != Action::Defer {
        verdict.release_at = None;
    }
    if settings.hold_all {
        verdict.reply = None;
        verdict.action = Action::Hold;
        // Held mail waits for an officer; a release time would let the scheduler send it.
        verdict.release_at = None;
        verdict.summary = "hold_all is set in the configuration: every message is held".into();
        verdict
            .reasons
            .push(Reason::new(Code::HoldAll, verdict.summary.clone()));
    }
    if verdict.reasons.is_empty() {
        verdict
            .reasons
            .push(Reason::new(Code::NoRestriction, "no restriction applies"));
    }
    if verdict.summary.is_empty() {
        verdict.summary = verdict
            .reasons
            .last()
            .map(|r| r.text.clone())
            .unwrap_or_default();
    }
    // Where reading took a bounded shortcut, the officer is told what was not fully read.
    verdict.reasons.extend(
        message
            .shortcuts
            .iter()
            .map(|s| Reason::new(Code::Shortcut(*s), s.describe())),
    );
}

/// Contact windows are alternatives: a customer with a morning and an afternoon window (or two
/// matched customers with one window each) may write during either. So the windows together
/// defer a message only when it arrives outside every one of them, and then only until the
/// earliest of their next starts. Taking the latest start, or deferring because one window is
/// closed while another is open, would keep mail from staff that the decisions allow.
///
/// Rewrites the time-window outcomes in place so that their reasons tell the officer what
/// actually happened; a single window is left as `evaluate` judged it.
fn combine_windows(outcomes: &mut [Outcome]) {
    let windows: Vec<usize> = (0..outcomes.len())
        .filter(|i| outcomes[*i].window.is_some())
        .collect();
    if windows.len() < 2 {
        return;
    }
    let open = windows
        .iter()
        .find(|i| outcomes[**i].action != Action::Defer)
        .and_then(|i| outcomes[*i].window.clone());
    if let Some(open) = open {
        for i in &windows {
            let o = &mut outcomes[*i];
            if o.action == Action::Defer {
                let closed = o.window.as_deref().unwrap_or_default();
                o.reason = Reason::new(
                    Code::WindowAnotherOpen,
                    format!(
                        "time_window: outside the contact window {closed}, but inside the contact window {open}; \
                         contact windows are alternatives, so the message is not deferred"
                    ),
                );
                o.action = Action::Deliver;
                o.release_at = None;
                o.reply = None;
            }
        }
        return;
    }
    // Every window is closed: the first one to open releases the message (the loop in `decide`
    // takes the earliest start; this only corrects the later windows' reasons and replies).
    let Some((first, earliest)) = windows
        .iter()
        .filter_map(|i| outcomes[*i].release_at.map(|at| (*i, at)))
        .min_by_key(|(_, at)| *at)
    else {
        return;
    };
    let first_window = outcomes[first].window.clone().unwrap_or_default();
    for i in &windows {
        let o = &mut outcomes[*i];
        if let Some(own) = o.release_at.filter(|own| *own > earliest) {
            o.reason = Reason::new(
                Code::WindowAnotherOpensFirst,
                format!(
                    "time_window: outside the contact window {} (next open at {}); released \
                     earlier, at {} when the contact window {first_window} opens",
                    o.window.as_deref().unwrap_or_default(),
                    uk_time::to_london(own),
                    uk_time::to_london(earliest),
                ),
            );
            o.reply = None;
        }
    }
}

/// The restricted customers a message is from, by envelope sender or `From:` address, each
/// once, with how it matched.
fn matched_customers<'r>(
    message: &Message,
    envelope: &Envelope,
    rules: &'r Rules,
) -> Vec<(&'r Customer, &'static str)> {
    let mut matched: Vec<(&Customer, &'static str)> = Vec::new();
    let candidates = std::iter::once((envelope.sender.as_str(), ENVELOPE_SENDER))
        .filter(|(a, _)| !a.is_empty())
        .chain(message.from.iter().map(|a| (a.as_str(), "From: address")));
    for (address, how) in candidates {
        if let Some(c) = rules.customer_by_address(address)
            && !matched.iter().any(|(m, _)| m.id == c.id)
        {
            matched.push((c, how));
        }
    }
    matched
}

/// How many characters of a new sentence a reason quotes.
const SENTENCE_IN_REASON: usize = 300;

fn dedup(mut v: Vec<String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    v.retain(|x| seen.insert(x.clone()));
    v
}

fn decision(r: &Restriction) -> String {
    format!(
        "decided by {} on {}, review {}: {}",
        r.decided_by, r.decided_on, r.review_on, r.reasons
    )
}

fn evaluate(
    r: &Restriction,
    customer: &Customer,
    message: &Message,
    now: OffsetDateTime,
    novelty: Option<&crate::novelty::Report>,
) -> Outcome {
    // The kinds that only act and give a reason.
    let act = |action, code, text| plain(r, customer, action, code, text);
    match &r.kind {
        RestrictionKind::LetterOnly { postal_address } => act(
            Action::File,
            Code::LetterOnly,
            format!(
                "letter_only: email is not delivered to staff; correspondence by letter to {postal_address} ({})",
                decision(r)
            ),
        ),
        RestrictionKind::ThirdPartyOnly { representatives } => act(
            Action::File,
            Code::ThirdPartyOnly,
            format!(
                "third_party_only: contact only through {} ({})",
                representatives.join(", "),
                decision(r)
            ),
        ),
        RestrictionKind::Topics { closed } => match closed_topic(message, closed) {
            Some(topic) => act(
                Action::File,
                Code::TopicClosed,
                format!("topics: about closed topic {topic} ({})", decision(r)),
            ),
            None => act(
                Action::Deliver,
                Code::TopicOpen,
                format!(
                    "topics: no closed topic ({}) mentioned; new concerns are considered on their own merits",
                    closed.join(", ")
                ),
            ),
        },
        RestrictionKind::NewInformationOnly => evaluate_novelty(r, customer, novelty),
        RestrictionKind::TimeWindow(w) => evaluate_window(r, customer, w, now),
        RestrictionKind::NamedStaff { staff } => Outcome {
            action: Action::Deliver,
            reason: Reason::new(
                Code::NamedStaff,
                format!(
                    "named_staff: correspondence only with {} ({})",
                    staff.join(", "),
                    decision(r)
                ),
            ),
            route_to: Some(staff.clone()),
            release_at: None,
            window: None,
            reply: Some(reply_plan(r, customer, Template::Rerouted)),
            details: Vec::new(),
        },
    }
}

/// The reply a restriction plans for `customer`, with what its template needs.
fn reply_plan(r: &Restriction, customer: &Customer, template: Template) -> ReplyPlan {
    ReplyPlan {
        template,
        customer_id: customer.id.clone(),
        customer_name: customer.name.clone(),
        language: customer.language,
        postal_address: match &r.kind {
            RestrictionKind::LetterOnly { postal_address } => Some(postal_address.clone()),
            _ => None,
        },
        staff: match &r.kind {
            RestrictionKind::NamedStaff { staff } => staff.clone(),
            _ => Vec::new(),
        },
        representatives: match &r.kind {
            RestrictionKind::ThirdPartyOnly { representatives } => representatives.clone(),
            _ => Vec::new(),
        },
        review_on: r.review_on.to_string(),
    }
}

/// An outcome that only acts and gives its reason; a filing plans the reply of the
/// restriction that filed it.
fn plain(
    r: &Restriction,
    customer: &Customer,
    action: Action,
    code: Code,
    text: String,
) -> Outcome {
    Outcome {
        action,
        reason: Reason::new(code, text),
        route_to: None,
        release_at: None,
        window: None,
        details: Vec::new(),
        reply: match action {
            Action::File => Some(reply_plan(
                r,
                customer,
                match &r.kind {
                    RestrictionKind::LetterOnly { .. } => Template::LetterOnly,
                    RestrictionKind::ThirdPartyOnly { .. } => Template::ThirdPartyOnly,
                    RestrictionKind::Topics { .. } => Template::TopicClosed,
                    _ => Template::NoNewInformation,
                },
            )),
            _ => None,
        },
    }
}

/// `new_information_only`: delivered when the message is new (with its new sentences and
/// attachments as details) or when there is nothing to judge it by; filed when it repeats.
fn evaluate_novelty(
    r: &Restriction,
    customer: &Customer,
    novelty: Option<&crate::novelty::Report>,
) -> Outcome {
    match novelty {
        None => plain(
            r,
            customer,
            Action::Deliver,
            Code::NoveltyNoHistory,
            format!(
                "new_information_only: no correspondence history to compare with here, so treated as new information (`contactgate explain --live` asks the running daemon) ({})",
                decision(r)
            ),
        ),
        Some(n) if n.new => Outcome {
            details: n
                .novel_sentences
                .iter()
                .map(|s| {
                    let s: String = s.chars().take(SENTENCE_IN_REASON).collect();
                    Reason::new(Code::NewSentence, format!("new sentence: \"{s}\""))
                })
                .chain(
                    n.new_attachments
                        .iter()
                        .map(|a| Reason::new(Code::NewAttachment, format!("new attachment: {a}"))),
                )
                .collect(),
            ..plain(
                r,
                customer,
                Action::Deliver,
                Code::NoveltyNew,
                format!(
                    "new_information_only: new information ({}); delivered ({})",
                    n.summary(),
                    decision(r)
                ),
            )
        },
        Some(n) => plain(
            r,
            customer,
            Action::File,
            Code::NoveltyRepeat,
            format!(
                "new_information_only: no new information; {} ({})",
                match &n.closest {
                    Some(e) => format!(
                        "closest earlier message {} of {}",
                        e.id,
                        uk_time::to_london(e.received_at).date()
                    ),
                    None if n.had_history => "it repeats earlier correspondence".into(),
                    None => "nothing in it counts as new".into(),
                },
                decision(r)
            ),
        ),
    }
}

/// `time_window`: delivered inside the window; deferred to its next start outside it.
fn evaluate_window(
    r: &Restriction,
    customer: &Customer,
    w: &TimeWindow,
    now: OffsetDateTime,
) -> Outcome {
    match next_window_start(w, now) {
        None => Outcome {
            window: Some(describe_window(w)),
            ..plain(
                r,
                customer,
                Action::Deliver,
                Code::WindowInside,
                format!(
                    "time_window: inside the contact window {}",
                    describe_window(w)
                ),
            )
        },
        Some(start) => Outcome {
            window: Some(describe_window(w)),
            action: Action::Defer,
            reason: Reason::new(
                Code::WindowOutside,
                format!(
                    "time_window: outside the contact window {}; released at {} ({})",
                    describe_window(w),
                    uk_time::to_london(start),
                    decision(r)
                ),
            ),
            route_to: None,
            release_at: Some(start),
            reply: Some(reply_plan(r, customer, Template::Deferred)),
            details: Vec::new(),
        },
    }
}

/// `None` when `now` is inside the window, else the next instant the window opens.
pub fn next_window_start(w: &TimeWindow, now: OffsetDateTime) -> Option<OffsetDateTime> {
    let local = uk_time::to_london(now);
    let day = |d: Date| w.days[d.weekday().number_days_from_monday() as usize];
    if day(local.date()) && local.time() >= w.from && local.time() < w.until {
        return None;
    }
    // `checked_add`: past the last representable date (year 9999) there is no next window.
    (0..=7)
        .filter_map(|i| local.date().checked_add(Duration::days(i)))
        .filter(|d| day(*d))
        .map(|d| uk_time::from_london(PrimitiveDateTime::new(d, w.from)))
        .find(|start| *start > now)
}

fn describe_window(w: &TimeWindow) -> String {
    let names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    let days: Vec<&str> = (0..7).filter(|i| w.days[*i]).map(|i| names[i]).collect();
    let hm = |t: time::Time| format!("{:02}:{:02}", t.hour(), t.minute());
    format!("{} {}-{} UK time", days.join(","), hm(w.from), hm(w.until))
}

/// The first closed topic mentioned in the subject or the sender's own text.
fn closed_topic<'a>(message: &Message, closed: &'a [String]) -> Option<&'a str> {
    let subject = message.subject.as_deref().unwrap_or("").to_lowercase();
    // The sender's words wherever the message keeps them: a legal footer paragraph at the end
    // must not hide a closed topic (review finding), nor must the HTML alternative.
    let text = format!(
        "{}\n{}\n{}",
        message.own_text, message.footer, message.alt_text
    )
    .to_lowercase();
    closed
        .iter()
        .find(|t| {
            let t = t.to_lowercase();
            mentions(&subject, &t) || mentions(&text, &t)
        })
        .map(String::as_str)
}

/// `needle` occurs in `haystack` as a whole token: not inside a longer word or reference.
fn mentions(haystack: &str, needle: &str) -> bool {
    haystack.match_indices(needle).any(|(i, _)| {
        let before = haystack[..i].chars().next_back();
        let after = haystack[i + needle.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests;
