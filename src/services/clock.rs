//! Today's date, from the browser's clock: the core never reads a clock itself.

use chrono::NaiveDate;

/// Today in the person's time zone.
pub fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default()
}
