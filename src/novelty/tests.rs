use super::*;

fn message(subject: &str, body: &str) -> Message {
    let raw = format!("From: a@mail.example\r\nSubject: {subject}\r\n\r\n{body}\r\n");
    Message::parse(raw.as_bytes()).unwrap()
}

fn judge(history: &[&str], body: &str) -> Report {
    let settings = Settings::default();
    let mut h = MemoryHistory::default();
    for (i, b) in history.iter().enumerate() {
        h.record(
            &Fingerprint::of(&message("Damp", b), &settings),
            i as u64 + 1,
        );
    }
    assess(
        &Fingerprint::of(&message("Re: Damp", body), &settings),
        &h,
        &settings,
    )
}

const FIRST: &str = "There is black mould on the bedroom wall at 14 Heol y Nant.\n\
The window frame is rotten and water comes in when it rains.";

#[test]
fn a_resend_rewrapped_reordered_and_chased_is_not_new() {
    let again = "Dear Sir,\n\nThe window frame is rotten and water comes in\nwhen it rains. \
There is black mould on the bedroom wall at 14 Heol y Nant.\n\nI am still waiting. \
As I said before, please respond.\n\nRegards,\nSharon";
    let r = judge(&[FIRST], again);
    assert!(!r.new, "{r:?}");
    assert_eq!(r.closest_seq, Some(1));
}

#[test]
fn a_new_fact_is_new_and_named() {
    let r = judge(
        &[FIRST],
        "My son has been diagnosed with asthma and the GP blames the mould.",
    );
    assert!(r.new, "{r:?}");
    assert_eq!(
        r.novel_sentences,
        ["My son has been diagnosed with asthma and the GP blames the mould."]
    );
}

#[test]
fn quoting_the_councils_reply_is_not_new() {
    let body = "I do not accept this.\n\nOn 3 Feb 2026, Housing <housing@council.example> wrote:\n\
> An inspector will visit on 12 February about the mould.\n";
    assert!(!judge(&[FIRST], body).new);
    // Repeating the council's date back is not new either.
    let body = "An inspector will visit on 12th February about the mould, you said.\n\n\
On 3 Feb 2026, Housing <housing@council.example> wrote:\n> An inspector will visit on 12 \
February about the mould.\n";
    assert!(!judge(&[FIRST], body).new);
}

#[test]
fn without_history_everything_is_new() {
    let r = judge(&[], FIRST);
    assert!(r.new && !r.had_history);
}
