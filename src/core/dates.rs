//! Dates a person types, read and written the French way (`09/10/2019`) whatever the
//! browser's language: a browser's own date field shows `mm/dd/yyyy` in an English browser,
//! which turns the 9th of October into the 10th of September for someone reading a French
//! bill. Pure: text in, a date or the reason it is refused out.

use chrono::{Datelike, NaiveDate};

use super::lang::Lang;

/// The earliest year accepted: older than any telecom contract still disputable.
pub const FIRST_YEAR: i32 = 1990;
/// The latest year accepted.
pub const LAST_YEAR: i32 = 2100;

/// Why a typed date was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypedDateError {
    /// Not a date written day, month, year (`10-09`, `demain`).
    NotADate,
    /// Written as a date, but no such day (`31/02/2026`, `12/13/2026`).
    NoSuchDay,
    /// A year before [`FIRST_YEAR`] or after [`LAST_YEAR`].
    OutOfRange,
}

impl TypedDateError {
    /// What to tell the person, in their language: dates are typed day first in both.
    pub fn message(self, lang: super::i18n::Lang) -> &'static str {
        let (fr, en) = match self {
            TypedDateError::NotADate => (
                "Écrivez la date jour/mois/année, par exemple 09/10/2019.",
                "Write the date day/month/year, for example 09/10/2019.",
            ),
            TypedDateError::NoSuchDay => (
                "Ce jour n'existe pas : vérifiez le jour et le mois (jj/mm/aaaa).",
                "There is no such day: check the day and the month (dd/mm/yyyy).",
            ),
            TypedDateError::OutOfRange => (
                "L'année doit être entre 1990 et 2100.",
                "The year must be between 1990 and 2100.",
            ),
        };
        lang.pick(fr, en)
    }
}

/// Reads a date typed day first: `9/10/2019`, `09/10/2019`, `09.10.2019`, `09-10-2019`,
/// `09 10 2019`, a two-digit year (`09/10/19`, 2000–2099), or the ISO form `2019-10-09`
/// (what an earlier version of the app stored, and what a pasted value may be). Empty
/// text is `Ok(None)`: the field was left blank.
pub fn parse_typed_date(text: &str) -> Result<Option<NaiveDate>, TypedDateError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let parts: Vec<&str> = text
        .split(['/', '.', '-', ' ', '\u{a0}'])
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.len() > 4 || !p.chars().all(|c| c.is_ascii_digit()))
    {
        return Err(TypedDateError::NotADate);
    }
    let number = |p: &str| p.parse::<u32>().map_err(|_| TypedDateError::NotADate);
    let (day, month, year) = if parts[0].len() == 4 {
        (number(parts[2])?, number(parts[1])?, parts[0])
    } else {
        (number(parts[0])?, number(parts[1])?, parts[2])
    };
    if parts[1].len() > 2 || (parts[0].len() != 4 && parts[0].len() > 2) {
        return Err(TypedDateError::NotADate);
    }
    let year = match year.len() {
        2 => 2000 + number(year)? as i32,
        4 => number(year)? as i32,
        _ => return Err(TypedDateError::NotADate),
    };
    if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
        return Err(TypedDateError::OutOfRange);
    }
    NaiveDate::from_ymd_opt(year, month, day)
        .map(Some)
        .ok_or(TypedDateError::NoSuchDay)
}

/// Formats a date for the language: `05/10/2026` or `5 Oct 2026`.
pub fn format_date(date: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Fr => date.format("%d/%m/%Y").to_string(),
        Lang::En => date.format("%-d %b %Y").to_string(),
    }
}

/// Writes a date for a form field, always day first: `09/10/2019`.
pub fn typed_date(date: NaiveDate) -> String {
    format!("{:02}/{:02}/{:04}", date.day(), date.month(), date.year())
}

/// The dates printed in a text, day first (`09/10/2019`, `09.10.2019`, `9/10/19`), in
/// order: what a bill prints after "engagé jusqu'au" or "Fin d'engagement :".
pub fn dates_in(text: &str) -> Vec<NaiveDate> {
    let mut found = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let starts = chars[i].is_ascii_digit() && (i == 0 || !chars[i - 1].is_ascii_digit());
        if !starts {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < chars.len() && (chars[j].is_ascii_digit() || matches!(chars[j], '/' | '.')) {
            j += 1;
        }
        let token: String = chars[i..j].iter().collect();
        let token = token.trim_end_matches(['.', '/']);
        let separators = token.chars().filter(|c| matches!(c, '/' | '.')).count();
        if separators == 2 {
            if let Ok(Some(date)) = parse_typed_date(token) {
                found.push(date);
            }
        }
        i = j.max(i + 1);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn dates_are_read_day_first_whatever_the_separator() {
        use TypedDateError::*;
        let cases: [(&str, Result<Option<&str>, TypedDateError>); 18] = [
            ("09/10/2019", Ok(Some("2019-10-09"))),
            ("9/10/2019", Ok(Some("2019-10-09"))),
            (" 09.10.2019 ", Ok(Some("2019-10-09"))),
            ("09-10-2019", Ok(Some("2019-10-09"))),
            ("09 10 2019", Ok(Some("2019-10-09"))),
            ("09/10/19", Ok(Some("2019-10-09"))),
            ("2019-10-09", Ok(Some("2019-10-09"))),
            ("29/02/2024", Ok(Some("2024-02-29"))),
            ("", Ok(None)),
            ("   ", Ok(None)),
            ("29/02/2026", Err(NoSuchDay)),
            ("12/13/2026", Err(NoSuchDay)),
            ("00/10/2026", Err(NoSuchDay)),
            ("09/10", Err(NotADate)),
            ("demain", Err(NotADate)),
            ("09/10/2019/1", Err(NotADate)),
            ("09/10/219", Err(NotADate)),
            ("01/01/1900", Err(OutOfRange)),
        ];
        for (typed, expected) in cases {
            let expected = expected.map(|o| o.map(d));
            assert_eq!(parse_typed_date(typed), expected, "{typed:?}");
        }
        assert_eq!(parse_typed_date("1/1/2101"), Err(OutOfRange));
        assert_eq!(parse_typed_date("123/1/2020"), Err(NotADate));
    }

    #[test]
    fn dates_are_written_day_first_and_read_back() {
        for day in ["2019-10-09", "2026-01-31", "2000-12-01"] {
            let written = typed_date(d(day));
            assert_eq!(parse_typed_date(&written), Ok(Some(d(day))), "{written}");
        }
        assert_eq!(typed_date(d("2019-10-09")), "09/10/2019");
    }

    #[test]
    fn dates_are_found_in_a_printed_sentence() {
        assert_eq!(
            dates_in("Vous êtes engagé jusqu'au 09/10/2019."),
            vec![d("2019-10-09")]
        );
        assert_eq!(
            dates_in("période du 13.11.2025 au 12.12.2025"),
            vec![d("2025-11-13"), d("2025-12-12")]
        );
        // Not dates: a phone number, an amount, a day and month without a year.
        assert!(dates_in("06 12 34 56 78 · 12,99 € · du 02/11 au 01/12").is_empty());
    }

    #[test]
    fn dates_are_formatted_per_language() {
        let d = NaiveDate::from_ymd_opt(2026, 10, 5).unwrap();
        assert_eq!(format_date(d, Lang::Fr), "05/10/2026");
        assert_eq!(format_date(d, Lang::En), "5 Oct 2026");
    }
}
