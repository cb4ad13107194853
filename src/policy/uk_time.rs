//! UK civil time (Europe/London) without a time-zone database.
//!
//! Since 1996 the UK follows the EU rule (Summer Time Order 2002): British Summer Time, UTC+1,
//! runs from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October;
//! otherwise the UK is on GMT, UTC+0. Restriction windows are written in local time, so this is
//! all the time-zone knowledge contactgate needs.

use time::{Date, Duration, Month, OffsetDateTime, PrimitiveDateTime, Time, Weekday};

fn last_sunday(year: i32, month: Month) -> Date {
    let next_month_first = match month {
        Month::December => Date::from_calendar_date(year + 1, Month::January, 1),
        m => Date::from_calendar_date(year, m.next(), 1),
    }
    .expect("the first of a month exists");
    let mut d = next_month_first - Duration::days(1);
    while d.weekday() != Weekday::Sunday {
        d -= Duration::days(1);
    }
    d
}

/// Whether British Summer Time is in force at the instant `utc`.
pub fn is_bst(utc: OffsetDateTime) -> bool {
    let utc = utc.to_offset(time::UtcOffset::UTC);
    let one_am = Time::from_hms(1, 0, 0).expect("01:00 is a time");
    let start = PrimitiveDateTime::new(last_sunday(utc.year(), Month::March), one_am).assume_utc();
    let end = PrimitiveDateTime::new(last_sunday(utc.year(), Month::October), one_am).assume_utc();
    utc >= start && utc < end
}

/// The UK wall-clock time at the instant `utc`.
pub fn to_london(utc: OffsetDateTime) -> PrimitiveDateTime {
    let utc = utc.to_offset(time::UtcOffset::UTC);
    let local = if is_bst(utc) {
        utc + Duration::hours(1)
    } else {
        utc
    };
    PrimitiveDateTime::new(local.date(), local.time())
}

/// The instant at which UK clocks show `local`. In the autumn hour that happens twice, the first;
/// in the spring hour that never happens, the instant an hour later on the clock.
pub fn from_london(local: PrimitiveDateTime) -> OffsetDateTime {
    let as_bst = local.assume_utc() - Duration::hours(1);
    if is_bst(as_bst) {
        as_bst
    } else {
        local.assume_utc()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn bst_boundaries_2026() {
        // 2026: BST from 29 March 01:00 UTC to 25 October 01:00 UTC.
        assert!(!is_bst(datetime!(2026-03-29 00:59:59 UTC)));
        assert!(is_bst(datetime!(2026-03-29 01:00 UTC)));
        assert!(is_bst(datetime!(2026-10-25 00:59:59 UTC)));
        assert!(!is_bst(datetime!(2026-10-25 01:00 UTC)));
    }

    #[test]
    fn london_round_trip() {
        assert_eq!(
            to_london(datetime!(2026-07-01 09:00 UTC)),
            datetime!(2026-07-01 10:00)
        );
        assert_eq!(
            to_london(datetime!(2026-12-01 09:00 UTC)),
            datetime!(2026-12-01 09:00)
        );
        assert_eq!(
            from_london(datetime!(2026-07-01 10:00)),
            datetime!(2026-07-01 09:00 UTC)
        );
        assert_eq!(
            from_london(datetime!(2026-12-01 10:00)),
            datetime!(2026-12-01 10:00 UTC)
        );
        // 01:30 on 25 October 2026 happens twice; the first is BST.
        assert_eq!(
            from_london(datetime!(2026-10-25 01:30)),
            datetime!(2026-10-25 00:30 UTC)
        );
    }
}
