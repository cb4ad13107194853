use super::*;

const GOOD: &str = r#"
[[customer]]
id = "CR-2026-0007"
name = "Mr A Example"
addresses = ["A.Example@Mail.Example", "a.e@other.example"]
language = "cy"
adjustments = "Large-print letters"

  [[customer.restriction]]
  kind = "named_staff"
  decided_by = "Head of Customer Services"
  decided_on = 2026-03-01
  reasons = "Over 200 emails to 31 staff in six weeks."
  staff = ["jane.jones@council.example"]

  [[customer.restriction]]
  kind = "time_window"
  decided_by = "Head of Customer Services"
  decided_on = 2024-02-29
  review_on = 2027-01-01
  reasons = "Calls and emails at night."
  days = ["mon", "tue", "wed", "thu", "fri"]
  from = "10:00"
  until = "12:00"

[[customer]]
id = "CR-2026-0011"
name = "Ms B Example"
addresses = ["b@mail.example"]

  [[customer.restriction]]
  kind = "third_party_only"
  decided_by = "Monitoring Officer"
  decided_on = 2026-01-10
  reasons = "Threatening language towards staff."
  representatives = ["advocate@cab.example"]
"#;

fn parse(text: &str) -> Result<Rules, RulesError> {
    Rules::parse(text, "r.toml", MatchSettings::default())
}

/// Asserts that `text` fails with a problem at `location` whose message contains `needle`.
fn check_error(text: &str, location: &str, needle: &str) {
    let err = parse(text).expect_err("should be rejected");
    assert!(
        err.problems
            .iter()
            .any(|p| p.location == location && p.message.contains(needle)),
        "wanted {location}: ...{needle}..., got:\n{err}"
    );
}

fn one(restriction_body: &str) -> String {
    format!(
        "[[customer]]\nid = \"C1\"\nname = \"N\"\naddresses = [\"c@x.example\"]\n[[customer.restriction]]\n{restriction_body}"
    )
}

const DECIDED: &str = "decided_by = \"Head\"\ndecided_on = 2026-03-01\nreasons = \"r\"\n";

#[test]
fn good_file_compiles() {
    let rules = parse(GOOD).unwrap();
    assert_eq!(rules.customers().len(), 2);
    let c = rules.customer_by_address("a.example@mail.EXAMPLE").unwrap();
    assert_eq!(c.id, "CR-2026-0007");
    assert_eq!(c.language, Language::Cy);
    let r = &c.restrictions[0];
    assert_eq!(
        r.review_on,
        time::macros::date!(2027 - 03 - 01),
        "default is 12 months on"
    );
    assert_eq!(r.location, "r.toml:9", "the table header line");
    assert_eq!(
        c.restrictions[1].review_on,
        time::macros::date!(2027 - 01 - 01)
    );
    assert_eq!(
        rules.represented_by("Advocate@cab.example")[0].id,
        "CR-2026-0011"
    );
    assert!(rules.customer_by_address("advocate@cab.example").is_none());
}

#[test]
fn missing_decision_fields_are_rejected() {
    check_error(
        &one(
            "kind = \"letter_only\"\npostal_address = \"County Hall\"\ndecided_on = 2026-03-01\nreasons = \"r\"\n",
        ),
        "r.toml:5:1",
        "missing `decided_by`",
    );
    check_error(
        &one(
            "kind = \"letter_only\"\npostal_address = \"County Hall\"\ndecided_by = \"H\"\nreasons = \"r\"\n",
        ),
        "r.toml:5:1",
        "missing `decided_on`",
    );
    check_error(
        &one(
            "kind = \"letter_only\"\npostal_address = \"County Hall\"\ndecided_by = \"H\"\ndecided_on = 2026-03-01\n",
        ),
        "r.toml:5:1",
        "missing `reasons`",
    );
    check_error(
        &one(
            "kind = \"letter_only\"\npostal_address = \"County Hall\"\ndecided_by = \"  \"\ndecided_on = 2026-03-01\nreasons = \"r\"\n",
        ),
        "r.toml:8:14",
        "must not be empty",
    );
}

#[test]
fn unknown_kind_is_rejected_with_its_position() {
    check_error(
        &one(&format!("kind = \"letter\"\n{DECIDED}")),
        "r.toml:6:8",
        "did you mean `letter_only`?",
    );
    check_error(
        &one(&format!("kind = \"banned\"\n{DECIDED}")),
        "r.toml:6:8",
        "unknown kind \"banned\"",
    );
}

#[test]
fn kind_specific_fields_are_required_and_checked() {
    check_error(
        &one(&format!("kind = \"letter_only\"\n{DECIDED}")),
        "r.toml:5:1",
        "missing `postal_address`",
    );
    check_error(
        &one(&format!("kind = \"named_staff\"\n{DECIDED}")),
        "r.toml:5:1",
        "needs `staff`",
    );
    check_error(
        &one(&format!("kind = \"named_staff\"\nstaff = []\n{DECIDED}")),
        "r.toml:7:9",
        "at least one",
    );
    check_error(
        &one(&format!(
            "kind = \"named_staff\"\nstaff = [\"jane\"]\n{DECIDED}"
        )),
        "r.toml:7:10",
        "not an email address",
    );
    check_error(
        &one(&format!("kind = \"third_party_only\"\n{DECIDED}")),
        "r.toml:5:1",
        "needs `representatives`",
    );
    check_error(
        &one(&format!("kind = \"topics\"\n{DECIDED}")),
        "r.toml:5:1",
        "needs `closed`",
    );
    check_error(
        &one(&format!(
            "kind = \"time_window\"\nfrom = \"10:00\"\nuntil = \"12:00\"\n{DECIDED}"
        )),
        "r.toml:5:1",
        "needs `days`",
    );
    check_error(
        &one(&format!(
            "kind = \"letter_only\"\npostal_address = \"x\"\nstaff = [\"a@b.example\"]\n{DECIDED}"
        )),
        "r.toml:5:1",
        "`staff` does not apply to kind letter_only",
    );
}

#[test]
fn impossible_dates_and_times_are_rejected() {
    check_error(
        &one(
            "kind = \"new_information_only\"\ndecided_by = \"H\"\ndecided_on = 2026-02-30\nreasons = \"r\"\n",
        ),
        "r.toml:8:14",
        "invalid date",
    );
    check_error(
        &one(
            "kind = \"new_information_only\"\ndecided_by = \"H\"\ndecided_on = 2026-03-01T10:00:00\nreasons = \"r\"\n",
        ),
        "r.toml:8:14",
        "expected a date",
    );
    check_error(
        &one(&format!(
            "kind = \"new_information_only\"\nreview_on = 2025-01-01\n{DECIDED}"
        )),
        "r.toml:7:13",
        "before `decided_on`",
    );
    let tw = |from: &str, until: &str, days: &str| {
        one(&format!(
            "kind = \"time_window\"\ndays = [{days}]\nfrom = \"{from}\"\nuntil = \"{until}\"\n{DECIDED}"
        ))
    };
    check_error(&tw("25:00", "26:00", "\"mon\""), "r.toml:8:8", "time like");
    check_error(&tw("10:60", "12:00", "\"mon\""), "r.toml:8:8", "time like");
    check_error(
        &tw("12:00", "10:00", "\"mon\""),
        "r.toml:9:9",
        "later than `from`",
    );
    check_error(
        &tw("10:00", "12:00", "\"funday\""),
        "r.toml:7:9",
        "not a day",
    );
}

#[test]
fn addresses_claimed_twice_and_duplicate_ids_are_rejected() {
    let text = "[[customer]]\nid = \"C1\"\nname = \"N\"\naddresses = [\"c@x.example\"]\n\n[[customer]]\nid = \"C1\"\nname = \"M\"\naddresses = [\"C@X.example\"]\n";
    check_error(
        text,
        "r.toml:7:6",
        "duplicate customer id \"C1\" (first used at r.toml:2:6)",
    );
    check_error(
        text,
        "r.toml:9:14",
        "address c@x.example is claimed by customer C1 (at r.toml:4:14)",
    );
}

#[test]
fn unknown_field_is_rejected_with_a_suggestion() {
    check_error(
        &one(&format!(
            "kind = \"named_staff\"\nstaf = [\"a@b.example\"]\n{DECIDED}"
        )),
        "r.toml:7:1",
        "did you mean `staff`?",
    );
}

#[test]
fn missing_file_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let err = Rules::load(dir.path(), MatchSettings::default()).unwrap_err();
    assert!(
        err.to_string().contains("restrictions.toml: cannot read"),
        "{err}"
    );
}

#[test]
fn empty_file_means_no_restrictions() {
    assert!(parse("").unwrap().customers().is_empty());
}

#[test]
fn plus_tags_are_stripped_only_when_configured() {
    let strip = MatchSettings {
        strip_plus_tags: true,
    };
    assert_eq!(
        strip.normalize("<A.B+Council@Mail.Example>"),
        "a.b@mail.example"
    );
    assert_eq!(
        MatchSettings::default().normalize("a+x@m.example"),
        "a+x@m.example"
    );
    let rules = Rules::parse(GOOD, "r.toml", strip).unwrap();
    assert!(
        rules
            .customer_by_address("b+anything@mail.example")
            .is_some()
    );
}

#[test]
fn diff_reports_added_removed_and_changed() {
    let old = parse(GOOD).unwrap();
    let new = parse(
        &GOOD
            .replace("Over 200 emails", "Over 300 emails")
            .replace("CR-2026-0011", "CR-2026-0012"),
    )
    .unwrap();
    let d = new.diff(&old);
    assert_eq!(d.added, vec!["CR-2026-0012"]);
    assert_eq!(d.removed, vec!["CR-2026-0011"]);
    assert_eq!(d.changed, vec!["CR-2026-0007"]);
}

#[test]
fn twelve_months_handles_leap_days() {
    assert_eq!(
        twelve_months_after(time::macros::date!(2024 - 02 - 29)),
        Some(time::macros::date!(2025 - 02 - 28))
    );
    assert_eq!(
        twelve_months_after(time::macros::date!(9998 - 12 - 31)),
        Some(time::macros::date!(9999 - 12 - 31))
    );
    assert_eq!(
        twelve_months_after(time::macros::date!(9999 - 01 - 01)),
        None
    );
}

/// `decided_on = 9999-06-01` without `review_on` panicked in `twelve_months_after`, so
/// `check-config` exited 101 and the daemon crash-looped at start.
#[test]
fn regression_far_future_decided_on_is_a_positioned_error_not_a_panic() {
    for date in ["9999-06-01", "9999-12-31", "9999-01-01"] {
        let text = one(&format!(
            "kind = \"letter_only\"\npostal_address = \"County Hall\"\ndecided_by = \"H\"\ndecided_on = {date}\nreasons = \"r\"\n"
        ));
        check_error(&text, "r.toml:9:14", "too late");
    }
    // With an explicit `review_on` the same date needs no arithmetic and is accepted.
    let text = one(
        "kind = \"letter_only\"\npostal_address = \"County Hall\"\ndecided_by = \"H\"\ndecided_on = 9999-06-01\nreview_on = 9999-12-31\nreasons = \"r\"\n",
    );
    let rules = parse(&text).expect("an explicit review date needs no arithmetic");
    assert_eq!(
        rules.customers()[0].restrictions[0].review_on,
        time::macros::date!(9999 - 12 - 31)
    );
}

#[test]
fn shipped_rules_file_is_valid() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    Rules::load(&dir, MatchSettings::default()).unwrap();
}
