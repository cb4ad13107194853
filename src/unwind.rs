//! Panics as values: a panic in one message's work becomes an error for that message, never a
//! dead connection or daemon. A leaf module: it imports nothing of ours.
//!
//! A panic's text may quote what the code was working on (a string slice panic quotes the
//! string), so callers keep it out of logs; [`install_hook`] makes the process-wide panic
//! report name only the code location.

use std::any::Any;
use std::future::Future;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::task::Poll;

/// The text a panic carried, if it was a string.
pub fn panic_text(payload: &Box<dyn Any + Send>) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".to_string())
}

/// Why a task failed, for a log line or an error that may reach one: tokio's `JoinError` quotes
/// the panic's text, which may quote a message, so this says only whether it panicked.
pub fn task_failure(e: &tokio::task::JoinError) -> &'static str {
    if e.is_panic() {
        "the task panicked (its text is withheld: it may quote a message)"
    } else {
        "the task was cancelled"
    }
}

/// Runs `fut`, turning a panic in any of its polls into `Err` with the panic's text.
pub async fn catch<F: Future>(fut: F) -> Result<F::Output, String> {
    let mut fut = std::pin::pin!(fut);
    std::future::poll_fn(
        move |cx| match catch_unwind(AssertUnwindSafe(|| fut.as_mut().poll(cx))) {
            Ok(Poll::Ready(v)) => Poll::Ready(Ok(v)),
            Ok(Poll::Pending) => Poll::Pending,
            Err(payload) => Poll::Ready(Err(panic_text(&payload))),
        },
    )
    .await
}

/// Reports panics with their code location only, through `tracing`: the default hook prints
/// the panic's text, which may quote customer text, to stderr (the journal).
pub fn install_hook() {
    std::panic::set_hook(Box::new(|info| {
        let location = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        tracing::error!(%location, "panic (its text is withheld: it may quote a message)");
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_panic_in_a_future_becomes_an_error() {
        let r = catch(async {
            tokio::task::yield_now().await;
            if true {
                panic!("boom after a yield");
            }
            1
        })
        .await;
        assert_eq!(r, Err("boom after a yield".to_string()));
        assert_eq!(catch(async { 7 }).await, Ok(7));
    }

    #[tokio::test]
    async fn regression_a_failed_task_is_reported_without_its_panic_text() {
        // tokio's JoinError quotes the panic's text, and several log lines printed it.
        let e = tokio::spawn(async { panic!("byte index 3 is inside `my HIV results`") })
            .await
            .unwrap_err();
        assert!(e.to_string().contains("HIV"), "tokio quotes it: {e}");
        let said = task_failure(&e);
        assert!(said.contains("panicked") && !said.contains("HIV"), "{said}");
    }
}
