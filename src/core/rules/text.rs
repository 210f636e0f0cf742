//! Reading labels for the rules: the period printed after an item's name, and the
//! vocabulary's folding and item names (`vocab::items`) under the names the rules use.
//!
//! Bills name the same item "Forfait SFR 5G 100 Go du 01/10 au 31/10" one month and
//! "… du 01/11 au 30/11" the next; comparing bills needs the name without the period
//! (`vocab::items`), and checking a price needs the period (here). Pure string work, no
//! clock.

use chrono::{Datelike, NaiveDate};

use crate::core::bill::Period;

/// Labels compared word by word: [`crate::core::vocab::fold_words`].
pub use crate::core::vocab::fold_words as fold;
use crate::core::vocab::items::month_number;
pub use crate::core::vocab::items::{item_key, item_name, key_words, same_item};
pub use crate::core::vocab::{has_any, has_word};

/// The period a label states, read with the help of a day near it (the bill's period
/// start or issue date) for the year: `du 01/10 au 31/10`, `du 01/10/2026 au
/// 31/10/2026`, `du 1er au 31 Octobre 2026`, `– novembre 2026`.
pub fn period_in(label: &str, near: NaiveDate) -> Option<Period> {
    let f = fold(label);
    let tokens: Vec<&str> = f.split(' ').collect();
    // Each "du" in turn, the last first: "Options du mois précédent du 1er au 30 Juin
    // 2018" and "Location … (loyer du 05-12-2025) du 01/01/2026 au 31/01/2026" have their
    // period after the last.
    tokens
        .iter()
        .enumerate()
        .rev()
        .filter(|(_, t)| **t == "du")
        .find_map(|(du, _)| {
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
    // A month by its name (`1er octobre`) or its number: folding made `27.02.2020` and
    // `13.11` into `27 02 2020` and `13 11`.
    let month_in = |m: &&str| {
        month_number(m).or_else(|| {
            (m.len() <= 2)
                .then(|| m.parse::<u32>().ok())
                .flatten()
                .filter(|n| (1..=12).contains(n))
        })
    };
    match tokens.get(1).and_then(month_in) {
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
            (
                "Bouquets et chaînes à la carte du 27.02.2026 au 26.03.2026",
                Some(("2026-02-27", "2026-03-26")),
            ),
            (
                "Forfait Sosh 25,99€ 5G du 13.11 au 12.12",
                Some(("2026-11-13", "2026-12-12")),
            ),
            (
                "Location smartphone (loyer du 05-12-2025) du 01/01/2026 au 31/01/2026",
                Some(("2026-01-01", "2026-01-31")),
            ),
            (
                "Options du mois précédent du 1er au 30 Juin 2026",
                Some(("2026-06-01", "2026-06-30")),
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
