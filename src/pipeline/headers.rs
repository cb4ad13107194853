//! The X-Contactgate header fields prepended to delivered mail.
//!
//! Apart because they are what a recipient (and Postfix downstream) sees of our decision:
//! each value passes through `header_safe`, so no reason, flag or summary can break a header
//! line or add one, and that is tested here.

use super::Verdict;
use crate::message::header_safe;

/// The header prepended to delivered mail: action, id and a short reason.
pub fn x_contactgate_header(verdict: &Verdict, id: &str) -> String {
    format!(
        "X-Contactgate: action={}; id={id}; reason=\"{}\"\r\n",
        verdict.action.as_str(),
        header_safe(&verdict.summary, 200)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::Action;

    #[test]
    fn header_cannot_be_broken_by_a_reason() {
        let v = Verdict {
            action: Action::Deliver,
            recipients: vec![],
            original_recipients: vec![],
            reasons: vec![],
            summary: "a\r\nBcc: x@y\"".into(),
            customers: vec![],
            release_at: None,
            flags: vec![],
            reply: None,
            novelty: None,
        };
        let h = x_contactgate_header(&v, "ID");
        assert_eq!(h.matches("\r\n").count(), 1);
        assert!(h.ends_with("\r\n"));
    }
}
