//! Reasons for a decision, each in two forms: the sentence an officer reads, and the code the
//! log carries.
//!
//! Architecture invariant: logs carry identifiers and reason codes, never customer text, names
//! or free-text reasons. A reason's text can quote what the customer wrote (a new sentence, an
//! attachment name), name them, or repeat the restriction's free-text reasons; it goes to
//! `explain`, `held show`, the audit trail and the `X-Contactgate:` header. The [`Code`] holds
//! only what may be logged: customer ids, restriction kinds, lexicon rule names and fixed
//! words. Every reason is made with its code ([`Reason::new`]), so the log never has to pick
//! its way through the text.

use std::fmt;

use serde::{Serialize, Serializer};

use crate::flags::{Flag, FlagAction};
use crate::message::Shortcut;

/// One reason: a code for the log and the text for an officer. Serialised as its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason {
    pub code: Code,
    pub text: String,
}

impl Reason {
    pub fn new(code: Code, text: impl Into<String>) -> Reason {
        Reason {
            code,
            text: text.into(),
        }
    }
}

impl Serialize for Reason {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text)
    }
}

/// What a reason is about, in terms the log may carry. Its [`fmt::Display`] form is the code
/// as logged, e.g. `customer:CR-1`, `restriction:letter_only`, `novelty:repeat`,
/// `flag:threat/intent-kill:hold`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Code {
    /// Nothing applied to the message.
    NoRestriction,
    /// The sender is a listed representative of this customer (by id).
    Representative(String),
    /// The sender matches this restricted customer (by id).
    Customer(String),
    /// A restriction of this kind is past its review date and still enforced.
    ReviewOverdue(&'static str),
    /// A restriction of this kind is past its review date and no longer enforced.
    ReviewLapsed(&'static str),
    LetterOnly,
    ThirdPartyOnly,
    /// The message mentions a closed topic.
    TopicClosed,
    /// A `topics` restriction applies, but no closed topic is mentioned.
    TopicOpen,
    /// `new_information_only` without a history to compare with.
    NoveltyNoHistory,
    /// `new_information_only`: the message carries new information.
    NoveltyNew,
    /// `new_information_only`: the message repeats earlier correspondence.
    NoveltyRepeat,
    /// One new sentence of a message with new information (the text quotes it).
    NewSentence,
    /// One new attachment of a message with new information (the text names it).
    NewAttachment,
    WindowInside,
    WindowOutside,
    /// Outside one contact window, but inside another.
    WindowAnotherOpen,
    /// Outside every contact window; another one opens first.
    WindowAnotherOpensFirst,
    NamedStaff,
    /// The named-staff lists leave no one to deliver to.
    NoCommonStaff,
    /// An abusive-language or contact-pattern flag, by lexicon rule.
    Flag {
        rule: String,
        disposition: Disposition,
    },
    HoldAll,
    /// Reading the message took a bounded shortcut.
    Shortcut(Shortcut),
    /// The analysis failed; decided on the headers.
    AnalysisFailed,
    /// The analysis ran out of time; decided on the headers.
    AnalysisTimedOut,
    /// The downstream refused a recipient.
    DownstreamRefused,
    /// The downstream took the message for some recipients only.
    DownstreamPartial,
    /// The downstream took it for nobody.
    DownstreamNothing,
    /// After the downstream's refusals, the copy is held for an officer.
    DownstreamHeld,
}

impl Code {
    /// Whether the reason's text quotes the customer's own words (a new sentence, an
    /// attachment's name): the audit trail keeps those apart, to redact them after their
    /// retention period.
    pub fn quotes_customer(&self) -> bool {
        matches!(self, Code::NewSentence | Code::NewAttachment)
    }
}

/// Whether a reason's text, as an audit entry written before quotes were kept apart stored it
/// (without its code), quotes the customer. Only for reading those entries: it matches the
/// prefixes those builds wrote, whatever the texts say today.
pub fn legacy_text_quotes_customer(text: &str) -> bool {
    text.starts_with("new sentence: ") || text.starts_with("new attachment: ")
}

/// What a flag did to the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Disposition {
    Hold,
    Tag,
    /// Quoted in a report of abuse received: shown, not held.
    Reported,
}

impl Disposition {
    pub fn of(flag: &Flag) -> Disposition {
        match (flag.reported, flag.action) {
            (true, _) => Disposition::Reported,
            (false, FlagAction::Hold) => Disposition::Hold,
            (false, FlagAction::Tag) => Disposition::Tag,
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            Disposition::Hold => "hold",
            Disposition::Tag => "tag",
            Disposition::Reported => "reported",
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let fixed = match self {
            Code::Representative(id) => return write!(f, "representative:{id}"),
            Code::Customer(id) => return write!(f, "customer:{id}"),
            Code::ReviewOverdue(kind) => return write!(f, "review_overdue:{kind}"),
            Code::ReviewLapsed(kind) => return write!(f, "review_lapsed:{kind}"),
            Code::Flag { rule, disposition } => {
                return write!(f, "flag:{rule}:{}", disposition.as_str());
            }
            Code::NoRestriction => "no_restriction",
            Code::LetterOnly => "restriction:letter_only",
            Code::ThirdPartyOnly => "restriction:third_party_only",
            Code::TopicClosed => "restriction:topics:closed",
            Code::TopicOpen => "restriction:topics:open",
            Code::NoveltyNoHistory => "novelty:no_history",
            Code::NoveltyNew => "novelty:new",
            Code::NoveltyRepeat => "novelty:repeat",
            Code::NewSentence => "novelty:new_sentence",
            Code::NewAttachment => "novelty:new_attachment",
            Code::WindowInside => "restriction:time_window:inside",
            Code::WindowOutside => "restriction:time_window:outside",
            Code::WindowAnotherOpen => "restriction:time_window:another_open",
            Code::WindowAnotherOpensFirst => "restriction:time_window:another_opens_first",
            Code::NamedStaff => "restriction:named_staff",
            Code::NoCommonStaff => "restriction:named_staff:no_common_staff",
            Code::HoldAll => "hold_all",
            Code::Shortcut(Shortcut::HtmlTooLarge) => "shortcut:html_too_large",
            Code::Shortcut(Shortcut::HtmlTooDeep) => "shortcut:html_too_deep",
            Code::Shortcut(Shortcut::HtmlTooManyStyles) => "shortcut:html_too_many_styles",
            Code::Shortcut(Shortcut::HtmlTooMuch) => "shortcut:html_too_much",
            Code::AnalysisFailed => "unanalysed:failed",
            Code::AnalysisTimedOut => "unanalysed:timed_out",
            Code::DownstreamRefused => "downstream:refused",
            Code::DownstreamPartial => "downstream:partly_delivered",
            Code::DownstreamNothing => "downstream:nothing_delivered",
            Code::DownstreamHeld => "downstream:held",
        };
        f.write_str(fixed)
    }
}

/// The reasons as the log carries them: their codes, comma-separated, a run of the same code
/// written once with its count (`novelty:new_sentence*3`).
pub fn log_codes(reasons: &[Reason]) -> String {
    let mut out = String::new();
    let mut i = 0;
    while i < reasons.len() {
        let code = &reasons[i].code;
        let run = reasons[i..].iter().take_while(|r| r.code == *code).count();
        if !out.is_empty() {
            out.push(',');
        }
        out.push_str(&code.to_string());
        if run > 1 {
            out.push_str(&format!("*{run}"));
        }
        i += run;
    }
    out
}

/// The reasons' texts, for an officer (held records, the audit trail, `explain`).
pub fn texts(reasons: &[Reason]) -> Vec<String> {
    reasons.iter().map(|r| r.text.clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_carry_ids_and_kinds_and_count_runs() {
        let reasons = [
            Reason::new(Code::Customer("CR-1".into()), "sender matches Mr X"),
            Reason::new(Code::NoveltyNew, "new information"),
            Reason::new(Code::NewSentence, "new sentence: \"my son is ill\""),
            Reason::new(Code::NewSentence, "new sentence: \"and the flat is cold\""),
            Reason::new(Code::NewAttachment, "new attachment: scan.pdf"),
        ];
        assert_eq!(
            log_codes(&reasons),
            "customer:CR-1,novelty:new,novelty:new_sentence*2,novelty:new_attachment"
        );
        assert_eq!(log_codes(&[]), "");
    }

    #[test]
    fn only_new_sentences_and_attachments_quote_the_customer() {
        assert!(Code::NewSentence.quotes_customer() && Code::NewAttachment.quotes_customer());
        assert!(!Code::NoveltyNew.quotes_customer());
        assert!(!Code::Customer("CR-1".into()).quotes_customer());
        assert!(legacy_text_quotes_customer(
            "new sentence: \"my son is ill\""
        ));
        assert!(legacy_text_quotes_customer("new attachment: scan.pdf"));
        assert!(!legacy_text_quotes_customer(
            "new_information_only: new information (1 new sentence(s))"
        ));
    }

    #[test]
    fn a_reason_serialises_as_its_text() {
        let r = Reason::new(Code::HoldAll, "hold_all is set");
        assert_eq!(serde_json::to_string(&r).unwrap(), "\"hold_all is set\"");
    }
}
