//! Text helpers for reading bills: folding for keyword matching, French dates, numbers.
//!
//! Pure. Folding keeps one character per input character, so a position found in the
//! folded text is the same character position in the original.

use chrono::{Datelike, NaiveDate};
use unicode_normalization::char::compose;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Text as a person reads it: NFC, and accents that PDF text gives as separate spacing
/// marks put back on their letter (`pr´elev´ee` → `prélevée`, `fran¸cais` → `français`).
pub fn normalize(text: &str) -> String {
    // Plain ASCII without a spacing accent is its own NFC form: most of a bill's text.
    if text.is_ascii() && !text.contains(['`', '^']) {
        return text.to_string();
    }
    // So is text already in NFC (accented letters precomposed, as most PDFs map them)
    // without a spacing accent to put on its letter: nothing below would change it.
    if is_nfc_quick(text.chars()) == IsNormalized::Yes
        && !text.chars().any(|c| combining_for(c).is_some())
    {
        return text.to_string();
    }
    compose_marks(text)
}

/// NFC, then each spacing accent put on its letter: [`normalize`] without its shortcuts.
fn compose_marks(text: &str) -> String {
    let chars: Vec<char> = text.nfc().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if let Some(mark) = combining_for(c) {
            // The mark before its letter (`´e`), or the cedilla after it (`c¸`).
            if let Some(composed) = chars.get(i + 1).and_then(|&next| compose(next, mark)) {
                out.push(composed);
                i += 2;
                continue;
            }
            if mark == '\u{327}' {
                if let Some(composed) = out.chars().last().and_then(|prev| compose(prev, mark)) {
                    out.pop();
                    out.push(composed);
                    i += 1;
                    continue;
                }
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

fn combining_for(c: char) -> Option<char> {
    match c {
        '\u{b4}' => Some('\u{301}'),
        '`' => Some('\u{300}'),
        '\u{2c6}' | '^' => Some('\u{302}'),
        '\u{a8}' => Some('\u{308}'),
        '\u{b8}' => Some('\u{327}'),
        _ => None,
    }
}

pub(crate) use crate::core::vocab::fold;

/// Collapses runs of whitespace (non-breaking ones included) into one plain space, trimmed.
pub fn squash(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text
        .split(|c: char| c.is_whitespace() || crate::core::money::is_space(c))
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The characters of `text` from char index `from`.
pub fn chars_from(text: &str, from: usize) -> String {
    text.chars().skip(from).collect()
}

/// Whether a folded word is a month's name (`octobre`, `oct`, `dec.`).
pub(super) fn is_month(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    MONTHS.iter().any(|(name, _)| *name == w)
}

const MONTHS: &[(&str, u32)] = &[
    ("janvier", 1),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("decembre", 12),
    ("janv", 1),
    ("fevr", 2),
    ("fev", 2),
    ("avr", 4),
    ("juil", 7),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// A date as printed, possibly without its year (`02/10`) or month (`du 1er au 31 …`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PartialDate {
    /// Day of the month.
    pub day: u32,
    /// Month, when printed.
    pub month: Option<u32>,
    /// Year, when printed (two-digit years are taken as 20xx).
    pub year: Option<i32>,
}

impl PartialDate {
    /// The full date, when day, month and year are all printed and valid.
    pub fn full(self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year?, self.month?, self.day)
    }

    /// The date, taking the missing year from `reference`: the latest year that puts
    /// the date at most 70 days after the reference (bills print past periods, the coming
    /// month and near due dates: `12/01` on a bill of 13 December is next January, `30/11`
    /// on a bill of 15 October is this year's).
    pub fn resolve(self, reference: Option<NaiveDate>) -> Option<NaiveDate> {
        if let Some(d) = self.full() {
            return Some(d);
        }
        let month = self.month?;
        let reference = reference?;
        let limit = reference
            .checked_add_days(chrono::Days::new(70))
            .unwrap_or(reference);
        [1, 0, -1]
            .iter()
            .filter_map(|dy| NaiveDate::from_ymd_opt(reference.year() + dy, month, self.day))
            .find(|d| *d <= limit)
    }
}

/// Finds a date starting at char `i` of `folded` (folded text). Returns it and the char
/// index just past it. Forms: `01/10/2026`, `01/10/26`, `01.10.2026`, `01-10-2026`,
/// `2026-10-01`, `01/10`, `1er octobre 2026`, `2 nov. 2026`, `31 octobre`, and a bare
/// day (`1er`, `02`) only when `bare_day` is set (the start of `du … au …`).
pub fn date_at(folded: &[char], i: usize, bare_day: bool) -> Option<(PartialDate, usize)> {
    let digits = |from: usize| -> (u32, usize) {
        let mut j = from;
        let mut v: u32 = 0;
        while j < folded.len() && folded[j].is_ascii_digit() && j - from < 4 {
            v = v * 10 + folded[j].to_digit(10).unwrap_or(0);
            j += 1;
        }
        (v, j - from)
    };
    if i > 0 && folded[i - 1].is_alphanumeric() {
        return None;
    }
    let (first, n1) = digits(i);
    if n1 == 0 {
        return None;
    }
    let mut j = i + n1;
    // ISO 2026-10-01.
    if n1 == 4 {
        if folded.get(j) == Some(&'-') {
            let (m, nm) = digits(j + 1);
            if nm == 2 && folded.get(j + 1 + nm) == Some(&'-') {
                let (d, nd) = digits(j + 2 + nm);
                if nd == 2 {
                    let end = j + 3 + nm + nd - 1;
                    let pd = PartialDate {
                        day: d,
                        month: Some(m),
                        year: Some(first as i32),
                    };
                    return pd.full().map(|_| (pd, end));
                }
            }
        }
        return None;
    }
    if n1 > 2 || first == 0 || first > 31 {
        return None;
    }
    let day = first;
    // Numeric: 01/10[/2026].
    if let Some(&sep) = folded.get(j).filter(|c| matches!(c, '/' | '.' | '-')) {
        let (m, nm) = digits(j + 1);
        if (1..=2).contains(&nm) && (1..=12).contains(&m) {
            let after_month = j + 1 + nm;
            if folded.get(after_month) == Some(&sep) {
                let (y, ny) = digits(after_month + 1);
                let end = after_month + 1 + ny;
                if (ny == 4 || ny == 2) && !folded.get(end).is_some_and(|c| c.is_ascii_digit()) {
                    let year = if ny == 2 { 2000 + y as i32 } else { y as i32 };
                    let pd = PartialDate {
                        day,
                        month: Some(m),
                        year: Some(year),
                    };
                    return pd.full().map(|_| (pd, end));
                }
                return None;
            }
            // `02/10`; inside `du … au …` also `14-10` and `13.11` (`bare_day`).
            if (sep == '/' || bare_day)
                && !folded
                    .get(after_month)
                    .is_some_and(|c| c.is_alphanumeric() || matches!(c, '/' | '-' | '.'))
            {
                let pd = PartialDate {
                    day,
                    month: Some(m),
                    year: None,
                };
                return Some((pd, after_month));
            }
        }
        return None;
    }
    // Words: 1er octobre 2026.
    if folded[j..].starts_with(&['e', 'r']) {
        j += 2;
    }
    if folded.get(j).is_some_and(|c| c.is_alphanumeric()) {
        return None;
    }
    let mut k = j;
    while folded.get(k) == Some(&' ') {
        k += 1;
    }
    let word: String = folded[k.min(folded.len())..]
        .iter()
        .take_while(|c| c.is_alphabetic())
        .collect();
    if let Some((_, month)) = MONTHS.iter().find(|(name, _)| *name == word) {
        let mut end = k + word.chars().count();
        if folded.get(end) == Some(&'.') {
            end += 1;
        }
        let mut y = end;
        while folded.get(y) == Some(&' ') {
            y += 1;
        }
        let (year, ny) = digits(y);
        // A year is four digits and no more (`2026`, not the start of `207256011`).
        let pd = if ny == 4 && !folded.get(y + 4).is_some_and(|c| c.is_ascii_digit()) {
            end = y + 4;
            PartialDate {
                day,
                month: Some(*month),
                year: Some(year as i32),
            }
        } else {
            PartialDate {
                day,
                month: Some(*month),
                year: None,
            }
        };
        return Some((pd, end));
    }
    if bare_day {
        return Some((
            PartialDate {
                day,
                month: None,
                year: None,
            },
            j,
        ));
    }
    None
}

/// Every date in a piece of text, in order.
pub fn find_dates(text: &str) -> Vec<PartialDate> {
    let folded: Vec<char> = fold(text).chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < folded.len() {
        if let Some((d, end)) = date_at(&folded, i, false) {
            out.push(d);
            i = end.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}

/// The first `du A au B` range in `text`; `A` may omit what `B` prints (`du 1er au 31
/// octobre 2026`, `du 02/10 au 01/11`). Years missing on both ends come from `reference`.
pub fn find_range(text: &str, reference: Option<NaiveDate>) -> Option<(NaiveDate, NaiveDate)> {
    let folded: Vec<char> = fold(text).chars().collect();
    let s: String = folded.iter().collect();
    let mut from = 0;
    while let Some(pos) = s[from..].find("du ") {
        let byte = from + pos;
        from = byte + 3;
        let ci = s[..byte].chars().count();
        if ci > 0 && folded[ci - 1].is_alphanumeric() {
            continue;
        }
        let Some((start, end1)) = date_at(&folded, ci + 3, true) else {
            continue;
        };
        let rest: String = folded[end1..].iter().collect();
        let Some(after) = rest.strip_prefix(" au ") else {
            continue;
        };
        let k = end1 + (rest.chars().count() - after.chars().count());
        let Some((end, _)) = date_at(&folded, k, true).filter(|(d, _)| d.month.is_some()) else {
            continue;
        };
        let end_date = end.resolve(reference)?;
        let start = PartialDate {
            day: start.day,
            month: start.month.or(Some(end_date.month())),
            year: start.year.or(
                if start.month.is_none() || start.month.is_some_and(|m| m <= end_date.month()) {
                    Some(end_date.year())
                } else {
                    Some(end_date.year() - 1)
                },
            ),
        };
        return Some((start.full()?, end_date));
    }
    None
}

/// A whole month printed as `octobre 2026` (or `mois d'octobre 2026`): its first and
/// last days.
pub fn whole_month(text: &str) -> Option<crate::core::bill::Period> {
    let folded = fold(text);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.windows(2).find_map(|w| {
        let (_, month) = MONTHS.iter().find(|(name, _)| *name == w[0])?;
        let year: i32 = w[1].parse().ok().filter(|y| (1990..=2200).contains(y))?;
        let start = NaiveDate::from_ymd_opt(year, *month, 1)?;
        let next = if *month == 12 {
            NaiveDate::from_ymd_opt(year + 1, 1, 1)?
        } else {
            NaiveDate::from_ymd_opt(year, month + 1, 1)?
        };
        Some(crate::core::bill::Period {
            start,
            end: next.pred_opt()?,
        })
    })
}

/// Seconds in a printed duration: `00:02:15`, `02:15` (when `short_ok`), `2min15s`,
/// `2 min 15 s`, `1h02min`, `135 s`.
pub fn parse_duration(text: &str, short_ok: bool) -> Option<u32> {
    let t = fold(text).replace(' ', "");
    if t.is_empty() {
        return None;
    }
    let parts: Vec<&str> = t.split(':').collect();
    let all_digits =
        |s: &str| !s.is_empty() && s.len() <= 3 && s.chars().all(|c| c.is_ascii_digit());
    if parts.len() == 3 && parts.iter().all(|p| all_digits(p)) {
        let n: Vec<u32> = parts.iter().map(|p| p.parse().unwrap_or(0)).collect();
        return Some(n[0] * 3600 + n[1] * 60 + n[2]);
    }
    if short_ok && parts.len() == 2 && parts.iter().all(|p| all_digits(p)) {
        let n: Vec<u32> = parts.iter().map(|p| p.parse().unwrap_or(0)).collect();
        return Some(n[0] * 60 + n[1]);
    }
    // Units: h, min/mn/m, s/sec.
    let mut total = 0u32;
    let mut number = String::new();
    let mut seen = false;
    let mut chars = t.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() {
            number.push(c);
            continue;
        }
        let mut unit = String::from(c);
        while let Some(&n) = chars.peek() {
            if n.is_ascii_alphabetic() {
                unit.push(n);
                chars.next();
            } else {
                break;
            }
        }
        let value: u32 = number.parse().ok()?;
        number.clear();
        let seconds = match unit.as_str() {
            "h" => value.checked_mul(3600)?,
            "min" | "mn" | "m" => value.checked_mul(60)?,
            "s" | "sec" => value,
            _ => return None,
        };
        total = total.checked_add(seconds)?;
        seen = true;
    }
    if !number.is_empty() {
        // `2min15`: trailing seconds without a unit.
        if !seen {
            return None;
        }
        total = total.checked_add(number.parse::<u32>().ok()?)?;
    }
    seen.then_some(total)
}

/// Whether the text is a time of day `HH:MM` or `HH:MM:SS`.
pub fn is_time(text: &str) -> bool {
    let parts: Vec<&str> = text.trim().split(':').collect();
    (parts.len() == 2 || parts.len() == 3)
        && parts
            .iter()
            .all(|p| p.len() == 2 && p.chars().all(|c| c.is_ascii_digit()))
        && parts[0].parse::<u32>().is_ok_and(|h| h < 24)
        && parts[1].parse::<u32>().is_ok_and(|m| m < 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn normalizes_pdf_text() {
        let cases = [
            ("pr\u{b4}elev\u{b4}ee", "prélevée"),
            ("fide\u{301}lite\u{301}", "fidélité"),
            ("fran\u{b8}cais", "français"),
            ("`a payer", "à payer"),
            ("Montant TTC", "Montant TTC"),
            ("l'\u{b4}", "l'\u{b4}"),
        ];
        for (text, want) in cases {
            assert_eq!(normalize(text), want, "normalize({text:?})");
        }
    }

    /// The shortcuts of `normalize` (ASCII, text already in NFC) change nothing: on texts
    /// made of pieces that are NFC or not, with and without spacing accents, it gives what
    /// the full composition gives.
    #[test]
    fn normalize_shortcuts_agree_with_the_full_composition() {
        let pieces = [
            "Forfait",
            " ",
            "é",
            "e\u{301}",
            "\u{b4}",
            "`",
            "^",
            "a",
            "c",
            "\u{b8}",
            "Œ",
            "\u{212b}",
            "\u{2126}",
            "\u{f900}",
            "\u{1100}\u{1161}",
            "€",
            "°",
            "\u{a8}",
            "\u{2c6}",
            "ç",
            "\u{327}",
            "ﬁ",
            "’",
            "2,50",
        ];
        crate::core::pdf::text::shortcut_agrees(&pieces, normalize, compose_marks);
    }

    #[test]
    fn folds_one_char_per_char() {
        let cases = [
            ("Période facturée", "periode facturee"),
            ("Émise le", "emise le"),
            ("L\u{2019}Évêque", "l'eveque"),
            ("1\u{a0}234", "1 234"),
        ];
        for (text, want) in cases {
            assert_eq!(fold(text), want);
            assert_eq!(fold(text).chars().count(), text.chars().count());
        }
    }

    #[test]
    fn finds_french_dates() {
        let r = Some(ymd(2026, 11, 3));
        let cases: &[(&str, Option<NaiveDate>)] = &[
            ("Date : 02/11/2026", Some(ymd(2026, 11, 2))),
            ("le 2 novembre 2026", Some(ymd(2026, 11, 2))),
            ("1er octobre 2026", Some(ymd(2026, 10, 1))),
            ("le 12 nov. 2026", Some(ymd(2026, 11, 12))),
            ("30 septembre 207256011 Paris", Some(ymd(2026, 9, 30))),
            ("02.11.26", Some(ymd(2026, 11, 2))),
            ("2026-11-02", Some(ymd(2026, 11, 2))),
            ("du 02/10", Some(ymd(2026, 10, 2))),
            // The coming weeks are this year's, further dates last year's.
            ("31/12", Some(ymd(2026, 12, 31))),
            ("15/01", Some(ymd(2026, 1, 15))),
            ("06 12 34 56 78", None),
            ("00:02:15", None),
            ("12,99 €", None),
            ("Mensualité 8/24", None),
            ("31/13/2026", None),
        ];
        for (text, want) in cases {
            let got = find_dates(text).first().and_then(|d| d.resolve(r));
            assert_eq!(got, *want, "find_dates({text:?})");
        }
    }

    #[test]
    fn finds_periods() {
        let r = Some(ymd(2026, 11, 2));
        let cases: &[(&str, Option<(NaiveDate, NaiveDate)>)] = &[
            (
                "Période : du 02/10/2026 au 01/11/2026",
                Some((ymd(2026, 10, 2), ymd(2026, 11, 1))),
            ),
            (
                "du 1er octobre 2026 au 31 octobre 2026",
                Some((ymd(2026, 10, 1), ymd(2026, 10, 31))),
            ),
            (
                "Free Haut Débit du 1er au 31 Juillet 2015",
                Some((ymd(2015, 7, 1), ymd(2015, 7, 31))),
            ),
            (
                "Vos communications (du 02/10 au 01/11)",
                Some((ymd(2026, 10, 2), ymd(2026, 11, 1))),
            ),
            (
                "du 15/12 au 14/01",
                Some((ymd(2025, 12, 15), ymd(2026, 1, 14))),
            ),
            ("Remise du moment", None),
        ];
        for (text, want) in cases {
            assert_eq!(find_range(text, r), *want, "find_range({text:?})");
        }
    }

    #[test]
    fn parses_durations() {
        let cases: &[(&str, bool, Option<u32>)] = &[
            ("00:07:05", false, Some(425)),
            ("01:00:00", false, Some(3600)),
            ("02:15", true, Some(135)),
            ("02:15", false, None),
            ("2min15s", false, Some(135)),
            ("2 min 15 s", false, Some(135)),
            ("1h02min", false, Some(3720)),
            ("45 s", false, Some(45)),
            ("4000000000h", false, None),
            ("3,2 Go", false, None),
            ("inclus", false, None),
        ];
        for (text, short, want) in cases {
            assert_eq!(
                parse_duration(text, *short),
                *want,
                "parse_duration({text:?})"
            );
        }
    }
}
