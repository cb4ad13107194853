//! Which language a reply is in, and in which order.
//!
//! Under the Welsh Language Standards (No. 1) Regulations 2015 an automated reply is
//! correspondence: a reply sent to many people needs a Welsh version at the same time, Welsh must
//! not be treated less favourably (so Welsh comes first), and Welsh correspondence gets a Welsh
//! reply.

use crate::rules::Language;

/// One language of a reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Lang {
    Cy,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Cy => "cy",
            Lang::En => "en",
        }
    }

    /// The language a template file name's `cy` or `en` names.
    pub fn from_code(code: &str) -> Option<Lang> {
        [Lang::Cy, Lang::En].into_iter().find(|l| l.code() == code)
    }
}

/// The reply's languages in order: bilingual Welsh-first by default; Welsh only for "cy";
/// English only for "en" unless the customer wrote in Welsh.
pub fn reply_languages(customer: Language, written_in_welsh: bool) -> Vec<Lang> {
    match customer {
        Language::Cy => vec![Lang::Cy],
        Language::En if !written_in_welsh => vec![Lang::En],
        Language::En | Language::Both => vec![Lang::Cy, Lang::En],
    }
}

/// Common Welsh words that are not also common English words.
const WELSH: &[&str] = &[
    "yn", "yr", "y", "ac", "mae", "ydy", "ydw", "rwy", "rwy'n", "dw", "eich", "fy", "ein", "gyda",
    "ddim", "nid", "diolch", "cyngor", "annwyl", "cofion", "ynglŷn", "hefyd", "hyn", "hwn", "hon",
    "sydd", "wedi", "bod", "gan", "ond", "os", "pan", "neu", "gallwch", "rydw", "rwyf", "byddwn",
    "oherwydd", "dros", "ers", "iawn", "yma", "nawr", "heddiw", "ni", "chi", "mi", "fe", "ei",
    "i'r", "o'r", "â", "ā", "yw", "oes", "dim", "gwneud", "cais", "sbwriel", "ffordd", "tŷ",
];

/// Common English words that are not also common Welsh words.
const ENGLISH: &[&str] = &[
    "the", "and", "is", "are", "to", "of", "my", "your", "it", "that", "this", "with", "for",
    "not", "have", "has", "please", "thank", "you", "dear", "was", "be", "on", "at", "by", "we",
    "they", "from", "about", "been", "would", "will", "can", "council",
];

/// Whether `text` reads as Welsh: more Welsh than English marker words, and a few of them.
pub fn looks_welsh(text: &str) -> bool {
    let (mut cy, mut en) = (0usize, 0usize);
    for word in text
        .split(|c: char| !(c.is_alphabetic() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .take(2000)
    {
        let w = word.to_lowercase().replace('’', "'");
        if WELSH.contains(&w.as_str()) {
            cy += 1;
        } else if ENGLISH.contains(&w.as_str()) {
            en += 1;
        }
    }
    cy >= 3 && cy > en
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn welsh_and_english_are_told_apart() {
        assert!(looks_welsh(
            "Annwyl Syr, rwy'n ysgrifennu ynglŷn â'r sbwriel sydd heb ei gasglu ers pythefnos. Diolch yn fawr."
        ));
        assert!(!looks_welsh(
            "Dear Sir, I am writing about the rubbish that has not been collected for two weeks. Thank you."
        ));
        assert!(!looks_welsh("Diolch"), "one word is not enough");
    }

    #[test]
    fn order_and_choice() {
        assert_eq!(reply_languages(Language::Both, false), [Lang::Cy, Lang::En]);
        assert_eq!(reply_languages(Language::Both, true), [Lang::Cy, Lang::En]);
        assert_eq!(reply_languages(Language::Cy, false), [Lang::Cy]);
        assert_eq!(reply_languages(Language::En, false), [Lang::En]);
        assert_eq!(reply_languages(Language::En, true), [Lang::Cy, Lang::En]);
    }
}
