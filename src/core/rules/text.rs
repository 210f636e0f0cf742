//! Reading labels: folding accents and case, telling an item's name from the period
//! printed after it, and reading that period.
//!
//! Bills name the same item "Forfait SFR 5G 100 Go du 01/10 au 31/10" one month and
//! "… du 01/11 au 30/11" the next; comparing bills needs the name without the period, and
//! checking a price needs the period. Pure string work, no clock.

use chrono::{Datelike, NaiveDate};

use crate::core::bill::Period;

/// Labels compared word by word: [`crate::core::vocab::fold_words`].
pub use crate::core::vocab::fold_words as fold;
pub use crate::core::vocab::{has_any, has_word};

const MONTHS: [&str; 12] = [
    "janvier",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "decembre",
];

fn month_number(word: &str) -> Option<u32> {
    MONTHS.iter().position(|m| *m == word).map(|i| i as u32 + 1)
}

fn is_dateish(token: &str) -> bool {
    let is_dm = token.contains('/')
        && token
            .split('/')
            .all(|p| p.chars().all(|c| c.is_ascii_digit()));
    let is_year =
        token.len() == 4 && token.starts_with("20") && token.chars().all(|c| c.is_ascii_digit());
    is_dm || is_year || token == "1er" || month_number(token).is_some()
}

/// The label without the period printed after it, as printed otherwise:
/// `"Forfait SFR 5G 100 Go du 01/10 au 31/10"` gives `"Forfait SFR 5G 100 Go"`,
/// `"Forfait Liberté 80 Go – novembre 2026"` gives `"Forfait Liberté 80 Go"`.
pub fn item_name(label: &str) -> String {
    let words: Vec<&str> = label.split_whitespace().collect();
    let mut cut = words.len();
    for (i, w) in words.iter().enumerate() {
        let f = fold(w);
        let next = words.get(i + 1).map(|n| fold(n)).unwrap_or_default();
        let period_start = (f == "du" || f == "au" || f == "le" || f == "depuis")
            && (next.starts_with(|c: char| c.is_ascii_digit()) || next == "1er");
        if period_start || (i > 0 && is_dateish(&f) && !f.chars().all(|c| c.is_ascii_digit())) {
            cut = i;
            break;
        }
    }
    let mut name: Vec<&str> = words[..cut].to_vec();
    while name
        .last()
        .is_some_and(|w| fold(w).is_empty() || matches!(*w, "–" | "-" | "—" | ":" | ","))
    {
        name.pop();
    }
    if name.is_empty() {
        label.trim().to_string()
    } else {
        name.join(" ")
    }
}

/// A key that is the same for the same item on every bill: the folded name without
/// the period. Two charges with the same key are "the same item".
pub fn item_key(label: &str) -> String {
    fold(&item_name(label))
        .split(' ')
        .filter(|t| !is_dateish(t))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The words of a name that carry meaning, for matching a bill's option with the
/// plan's: folded, without small words and periods.
pub fn key_words(label: &str) -> Vec<String> {
    const SMALL: [&str; 10] = ["de", "du", "des", "la", "le", "les", "et", "a", "au", "l'"];
    item_key(label)
        .split(' ')
        .filter(|w| !w.is_empty() && !SMALL.contains(w))
        .map(str::to_string)
        .collect()
}

/// Whether two names designate the same item: every meaningful word of the shorter is
/// in the longer ("Option Multi-SIM" and "Option Multi-SIM du 01/10 au 31/10").
pub fn same_item(a: &str, b: &str) -> bool {
    let (wa, wb) = (key_words(a), key_words(b));
    let (short, long) = if wa.len() <= wb.len() {
        (wa, wb)
    } else {
        (wb, wa)
    };
    !short.is_empty()
        && short
            .iter()
            .filter(|w| *w != "option")
            .all(|w| long.contains(w))
        && short.iter().any(|w| w != "option")
}

/// The period a label states, read with the help of a day near it (the bill's period
/// start or issue date) for the year: `du 01/10 au 31/10`, `du 01/10/2026 au
/// 31/10/2026`, `du 1er au 31 Octobre 2026`, `– novembre 2026`.
pub fn period_in(label: &str, near: NaiveDate) -> Option<Period> {
    let f = fold(label);
    let tokens: Vec<&str> = f.split(' ').collect();
    let du = tokens.iter().position(|t| *t == "du")?;
    let au = du + tokens[du..].iter().position(|t| *t == "au")?;
    let start_tokens = &tokens[du + 1..au];
    let end_tokens = &tokens[au + 1..];
    let end = read_date(end_tokens, None, near)?;
    let start = read_date(start_tokens, Some(end), near)?;
    (start <= end).then_some(Period { start, end }).or_else(|| {
        // "du 15/12 au 14/01": the start is in the year before.
        let start = NaiveDate::from_ymd_opt(start.year() - 1, start.month(), start.day())?;
        Some(Period { start, end })
    })
}

/// A month named in the label ("novembre 2026"), as a period from its first to its last
/// day.
pub fn month_in(label: &str, near: NaiveDate) -> Option<Period> {
    let f = fold(label);
    let tokens: Vec<&str> = f.split(' ').collect();
    let i = tokens.iter().position(|t| month_number(t).is_some())?;
    let month = month_number(tokens[i])?;
    let year = tokens
        .get(i + 1)
        .and_then(|y| y.parse::<i32>().ok())
        .filter(|y| (2000..2100).contains(y))
        .unwrap_or_else(|| nearest_year(month, 1, near));
    let start = NaiveDate::from_ymd_opt(year, month, 1)?;
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)?
    };
    Some(Period {
        start,
        end: next.pred_opt()?,
    })
}

/// The year that puts day/month closest to `near`.
fn nearest_year(month: u32, day: u32, near: NaiveDate) -> i32 {
    [near.year() - 1, near.year(), near.year() + 1]
        .into_iter()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day).map(|d| (y, d)))
        .min_by_key(|(_, d)| d.signed_duration_since(near).num_days().abs())
        .map_or(near.year(), |(y, _)| y)
}

/// Reads `01/10`, `01/10/2026`, `1er octobre 2026`, `31 octobre`, or a bare day whose
/// month and year come from `end` (`du 1er au 31 octobre 2026`).
fn read_date(tokens: &[&str], end: Option<NaiveDate>, near: NaiveDate) -> Option<NaiveDate> {
    let first = *tokens.first()?;
    if first.contains('/') {
        let parts: Vec<&str> = first.split('/').collect();
        let day: u32 = parts.first()?.parse().ok()?;
        let month: u32 = parts.get(1)?.parse().ok()?;
        let year = match parts.get(2) {
            Some(y) => {
                let y: i32 = y.parse().ok()?;
                if y < 100 {
                    2000 + y
                } else {
                    y
                }
            }
            None => nearest_year(month, day.min(28), near),
        };
        return NaiveDate::from_ymd_opt(year, month, day);
    }
    let day: u32 = first.trim_end_matches("er").parse().ok()?;
    match tokens.get(1).and_then(|m| month_number(m)) {
        Some(month) => {
            let year = tokens
                .get(2)
                .and_then(|y| y.parse::<i32>().ok())
                .filter(|y| (2000..2100).contains(y))
                .or(end.map(|e| e.year()))
                .unwrap_or_else(|| nearest_year(month, day.min(28), near));
            NaiveDate::from_ymd_opt(year, month, day)
        }
        None => {
            let end = end?;
            NaiveDate::from_ymd_opt(end.year(), end.month(), day)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn labels_fold() {
        let cases = [
            (
                "Appels émis depuis l'Étranger",
                "appels emis depuis l'etranger",
            ),
            (
                "Internet+ GameZone – abonnement",
                "internet+ gamezone abonnement",
            ),
            ("SMS+ vers numéros courts", "sms+ vers numeros courts"),
            ("  Option  B.tv+ ", "option b tv+"),
        ];
        for (label, folded) in cases {
            assert_eq!(fold(label), folded, "{label}");
        }
    }

    #[test]
    fn item_names_drop_the_period() {
        let cases = [
            (
                "Forfait SFR 5G 100 Go du 01/10 au 31/10",
                "Forfait SFR 5G 100 Go",
            ),
            ("Freebox Pop du 1er au 31 Octobre 2026", "Freebox Pop"),
            (
                "Forfait Liberté 80 Go – novembre 2026",
                "Forfait Liberté 80 Go",
            ),
            (
                "Forfait Free 5G du 01/10/2026 au 31/10/2026",
                "Forfait Free 5G",
            ),
            (
                "Option B.tv+ sur mobile du 02/10 au 01/11",
                "Option B.tv+ sur mobile",
            ),
            ("Remise Multi-Packs SFR", "Remise Multi-Packs SFR"),
            ("Forfait Sosh 20 Go", "Forfait Sosh 20 Go"),
        ];
        for (label, name) in cases {
            assert_eq!(item_name(label), name, "{label}");
        }
        assert_eq!(
            item_key("Forfait SFR 5G 100 Go du 01/08 au 31/08"),
            item_key("Forfait SFR 5G 100 Go du 01/10 au 31/10")
        );
    }

    #[test]
    fn names_match_the_same_item() {
        let cases = [
            (
                "Option Multi-SIM",
                "Option Multi-SIM du 01/10 au 31/10",
                true,
            ),
            (
                "Location Freebox Player Devialet",
                "Location Freebox Player Devialet du 1er au 30 Septembre 2026",
                true,
            ),
            (
                "Option B.tv+ sur mobile",
                "Option B.tv+ sur mobile du 02/10 au 01/11",
                true,
            ),
            (
                "Option Multi-SIM",
                "Option Sécurité Mobile du 01/10 au 31/10",
                false,
            ),
            (
                "Option SFR Cloud 100 Go",
                "Assurance Mobile Sérénité",
                false,
            ),
            ("Option", "Option Sécurité Mobile", false),
        ];
        for (a, b, same) in cases {
            assert_eq!(same_item(a, b), same, "{a} / {b}");
        }
    }

    #[test]
    fn periods_are_read_from_labels() {
        let near = date("2026-10-15");
        let cases = [
            (
                "Forfait du 01/10 au 31/10",
                Some(("2026-10-01", "2026-10-31")),
            ),
            (
                "Forfait du 12/10 au 11/11",
                Some(("2026-10-12", "2026-11-11")),
            ),
            (
                "Forfait du 15/12 au 14/01",
                Some(("2026-12-15", "2027-01-14")),
            ),
            (
                "Free 5G du 01/10/2026 au 31/10/2026",
                Some(("2026-10-01", "2026-10-31")),
            ),
            (
                "Freebox Pop du 1er au 31 Octobre 2026",
                Some(("2026-10-01", "2026-10-31")),
            ),
            (
                "Forfait SFR du 01/08 au 31/08",
                Some(("2026-08-01", "2026-08-31")),
            ),
            ("Internet+ hebdomadaire du 06/10", None),
            ("Remise fidélité", None),
        ];
        for (label, want) in cases {
            let got = period_in(label, near).map(|p| (p.start, p.end));
            let want = want.map(|(s, e)| (date(s), date(e)));
            assert_eq!(got, want, "{label}");
        }
        let month = month_in("Forfait Liberté 80 Go – novembre 2026", near).unwrap();
        assert_eq!(
            (month.start, month.end),
            (date("2026-11-01"), date("2026-11-30"))
        );
    }
}
