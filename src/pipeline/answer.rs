//! The answer to Postfix: the one mapping from internal outcomes to SMTP replies, and the
//! words a refused message's log line gives.
//!
//! Apart so that the durability rule has one place to be checked: a 2xx only for an outcome
//! in which the message is delivered or durably kept, and every internal failure a 4xx, so
//! Postfix keeps the message and retries.

use tracing::error;

use super::Outcome;
use crate::outbound::SendError;
use crate::policy::Action;
use crate::smtp::Reply;
use crate::store::StoreError;

/// The one mapping from internal outcomes to SMTP replies.
pub fn smtp_reply_for(outcome: &Outcome, id: &str) -> Reply {
    match outcome {
        Outcome::Delivered => Reply::new(250, "2.0.0", format!("Ok: {id} delivered")),
        Outcome::PartlyHeld {
            delivered,
            kept_for,
            retrying,
        } => Reply::new(
            250,
            "2.0.0",
            format!(
                "Ok: {id} {}{} for {}",
                if *delivered { "delivered; " } else { "" },
                if *retrying { "kept to retry" } else { "held" },
                kept_for.join(", ")
            ),
        ),
        Outcome::Kept(action) => Reply::new(
            250,
            "2.0.0",
            format!(
                "Ok: {id} {}",
                match action {
                    Action::Defer => "deferred",
                    Action::File => "filed",
                    _ => "held",
                }
            ),
        ),
        Outcome::Internal(_) => Reply::new(
            451,
            "4.3.0",
            format!("Error: {id} internal error; try again later"),
        ),
        Outcome::StoreFailed(StoreError::DiskFull { .. }) => Reply::new(
            452,
            "4.3.1",
            format!("Error: {id} insufficient system storage; try again later"),
        ),
        Outcome::StoreFailed(_) => Reply::new(
            451,
            "4.3.0",
            format!("Error: {id} could not be stored; try again later"),
        ),
        Outcome::DeliveryFailed(SendError::Transient(_)) => Reply::new(
            451,
            "4.4.1",
            format!("Error: {id} downstream unavailable; try again later"),
        ),
        Outcome::DeliveryFailed(SendError::Permanent { code, text }) => Reply::new(
            if (500..600).contains(code) {
                *code
            } else {
                554
            },
            "5.0.0",
            format!("Error: {id} refused downstream: {text}"),
        ),
        Outcome::DeliveryFailed(SendError::BadAddress(a)) => Reply::new(
            553,
            "5.1.3",
            format!("Error: {id} address cannot be reinjected: {a}"),
        ),
    }
}

/// Why a message was not accepted, for its log line: our own words and codes, never a
/// downstream's reply text.
pub(super) fn outcome_detail(outcome: &Outcome) -> String {
    match outcome {
        Outcome::Internal(e) => e.clone(),
        Outcome::StoreFailed(e) => {
            error!(error = %e, "store failure");
            e.to_string()
        }
        Outcome::DeliveryFailed(e) => e.log_code(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failures_map_to_retryable_replies() {
        for o in [
            Outcome::Internal("x".into()),
            Outcome::StoreFailed(StoreError::Closed),
            // An id already in use: retried later under a new id, never overwriting.
            Outcome::StoreFailed(StoreError::DuplicateId("ID".into())),
            Outcome::DeliveryFailed(SendError::Transient("down".into())),
        ] {
            let r = smtp_reply_for(&o, "ID");
            assert_eq!(r.code, 451, "{o:?}");
        }
        let r = smtp_reply_for(
            &Outcome::DeliveryFailed(SendError::Permanent {
                code: 550,
                text: "no".into(),
            }),
            "ID",
        );
        assert_eq!(r.code, 550);
    }
}
