//! The X-Contactgate header fields prepended to delivered mail.
//!
//! Apart because they are what a recipient (and Postfix downstream) sees of our decision:
//! each value passes through `header_safe`, so no reason, flag or summary can break a header
//! line or add one, and that is tested here.

use super::Verdict;
use crate::flags;
use crate::message::header_safe;
use crate::policy::Action;

/// The header prepended to delivered mail: action, id and a short reason.
pub fn x_contactgate_header(verdict: &Verdict, id: &str) -> String {
    format!(
        "X-Contactgate: action={}; id={id}; reason=\"{}\"\r\n",
        verdict.action.as_str(),
        header_safe(&verdict.summary, 200)
    )
}

/// Every header field prepended to a delivered message: [`x_contactgate_header`], then the
/// flags, the novelty summary and a reroute's original recipients where they apply.
pub(super) fn delivery_header_fields(verdict: &Verdict, id: &str) -> String {
    let mut prefix = x_contactgate_header(verdict, id);
    if !verdict.flags.is_empty() {
        prefix.push_str(&format!(
            "X-Contactgate-Flags: {}\r\n",
            header_safe(&flags::header_value(&verdict.flags), 900)
        ));
    }
    if let Some(n) = verdict.novelty.as_ref().filter(|n| n.new) {
        // Counts only: the new sentences are in the reasons, not in a header.
        prefix.push_str(&format!(
            "X-Contactgate-New-Information: {}\r\n",
            header_safe(&n.summary(), 200)
        ));
    }
    if verdict.action == Action::Reroute {
        prefix.push_str(&format!(
            "X-Contactgate-Original-Recipients: {}\r\n",
            header_safe(&verdict.original_recipients.join(", "), 900)
        ));
    }
    prefix
}

#[cfg(test)]
mod tests {
    use super::*;

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
