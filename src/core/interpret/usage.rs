//! Call-detail records ("facture détaillée"): evidence of usage, kept apart from charges.
//!
//! Pure. A record is a row that starts with a date and a time; the other cells are told
//! apart by their shape: a duration (`00:07:05`, `2min15s`), a volume (`3,2 Go`), the
//! amount or `inclus` at the end, and the texts in between: number or service, then kind.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::core::bill::UsageRecord;
use crate::core::money;

use super::text::{fold, is_time, parse_duration, squash, PartialDate};
use super::Line;

/// Words that say a record is included in the plan.
const INCLUDED: &[&str] = &[
    "inclus", "incluse", "compris", "offert", "gratuit", "forfait", "illimite",
];

/// The record on this row, if it is one. `reference` gives the year of `dd/mm` dates;
/// `in_table` says a call-detail header was seen, where the time may be missing.
pub fn record(line: &Line, reference: Option<NaiveDate>, in_table: bool) -> Option<UsageRecord> {
    let mut fields: Vec<String> = line
        .cells
        .iter()
        .flat_map(|c| c.text.split("  ").map(str::to_string).collect::<Vec<_>>())
        .map(|f| squash(&f))
        .filter(|f| !f.is_empty())
        .collect();
    // `03/10/2026 09:12` in one cell.
    if let Some((d, t)) = fields.first().and_then(|f| f.split_once(' ')) {
        if whole_date(d).is_some() && t.split(' ').next().is_some_and(is_time) {
            let (d, t) = (d.to_string(), t.to_string());
            let (t, rest) = t.split_once(' ').map_or((t.clone(), None), |(a, b)| {
                (a.to_string(), Some(b.to_string()))
            });
            fields.remove(0);
            let mut head = vec![d, t];
            head.extend(rest);
            fields.splice(0..0, head);
        }
    }
    let (first, rest) = fields.split_first()?;
    let date = whole_date(first)?.resolve(reference)?;
    let (time, rest) = match rest.split_first() {
        Some((t, r)) if is_time(t) => (Some(t.clone()), r),
        Some(_) if in_table => (None, rest),
        _ => return None,
    };
    if rest.is_empty() {
        return None;
    }
    let mut rest: Vec<String> = rest.to_vec();

    let mut amount = Decimal::new(0, 2);
    let mut included = true;
    if let Some(last) = rest.last() {
        let f = fold(last);
        if INCLUDED.iter().any(|w| f.trim() == *w) {
            rest.pop();
        } else if let Some(value) = money::parse_amount(last) {
            amount = value;
            included = value.is_zero();
            rest.pop();
        }
    }
    let mut duration_s = None;
    let mut volume = None;
    let mut texts = Vec::new();
    for f in rest {
        if duration_s.is_none() && (f.contains(':') || f.chars().any(|c| c.is_ascii_digit())) {
            if let Some(s) = parse_duration(&f, true) {
                duration_s = Some(s);
                continue;
            }
        }
        if volume.is_none() && is_volume(&f) {
            volume = Some(f);
            continue;
        }
        texts.push(f);
    }
    let mut texts = texts.into_iter();
    let destination = texts.next().map(|d| number_or_text(&d)).unwrap_or_default();
    let kind = texts.collect::<Vec<_>>().join(" ");
    Some(UsageRecord {
        date,
        time,
        destination,
        kind,
        duration_s,
        volume,
        amount,
        included,
        page: line.page,
    })
}

/// A cell that is only a date.
fn whole_date(text: &str) -> Option<PartialDate> {
    let folded: Vec<char> = fold(text).chars().collect();
    let (d, end) = super::text::date_at(&folded, 0, false)?;
    (end == folded.len()).then_some(d)
}

/// `3,2 Go`, `412,6 Mo`, `1 024,0 Mo`, `850 Ko`.
fn is_volume(text: &str) -> bool {
    let f = fold(text);
    let Some((number, unit)) = f.trim().rsplit_once(' ') else {
        return false;
    };
    ["go", "mo", "ko", "to", "gb", "mb", "kb", "octets"].contains(&unit)
        && !number.is_empty()
        && number
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | ' '))
}

/// A phone number or short code loses its spaces (`06 98 76 54 32` → `0698765432`); a
/// service name stays as printed.
fn number_or_text(text: &str) -> String {
    let looks_like_number = text.chars().any(|c| c.is_ascii_digit())
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || c == ' ' || c == '.' || c == '+' || money::is_space(c));
    if looks_like_number {
        text.chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect()
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::interpret::lines_of;
    use crate::core::interpret::tests::page;
    use std::str::FromStr;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[allow(clippy::too_many_arguments)]
    fn rec(
        date: NaiveDate,
        time: &str,
        destination: &str,
        kind: &str,
        duration_s: Option<u32>,
        volume: Option<&str>,
        amount: &str,
        included: bool,
    ) -> UsageRecord {
        UsageRecord {
            date,
            time: Some(time.into()),
            destination: destination.into(),
            kind: kind.into(),
            duration_s,
            volume: volume.map(str::to_string),
            amount: Decimal::from_str(amount).unwrap(),
            included,
            page: 1,
        }
    }

    #[test]
    fn reads_call_detail_rows() {
        let r = Some(ymd(2026, 11, 1));
        let cases: &[(&[&str], Option<UsageRecord>)] = &[
            (
                &[
                    "03/10/2026",
                    "09:12",
                    "06 98 76 54 32",
                    "Appel",
                    "00:07:05",
                    "inclus",
                ],
                Some(rec(
                    ymd(2026, 10, 3),
                    "09:12",
                    "0698765432",
                    "Appel",
                    Some(425),
                    None,
                    "0.00",
                    true,
                )),
            ),
            (
                &["03/10/2026", "09:30", "06 98 76 54 32", "SMS", "inclus"],
                Some(rec(
                    ymd(2026, 10, 3),
                    "09:30",
                    "0698765432",
                    "SMS",
                    None,
                    None,
                    "0.00",
                    true,
                )),
            ),
            (
                &[
                    "09/10/2026",
                    "20:01",
                    "+216 98 123 456",
                    "Appel vers la Tunisie",
                    "00:07:00",
                    "4,20 €",
                ],
                Some(rec(
                    ymd(2026, 10, 9),
                    "20:01",
                    "+21698123456",
                    "Appel vers la Tunisie",
                    Some(420),
                    None,
                    "4.20",
                    false,
                )),
            ),
            (
                &[
                    "20/10",
                    "08:10",
                    "Internet",
                    "Internet depuis la Suisse",
                    "1\u{a0}024,0 Mo",
                    "514,50€",
                ],
                Some(rec(
                    ymd(2026, 10, 20),
                    "08:10",
                    "Internet",
                    "Internet depuis la Suisse",
                    None,
                    Some("1 024,0 Mo"),
                    "514.50",
                    false,
                )),
            ),
            (
                &[
                    "14/10/2026",
                    "11:20",
                    "118 712",
                    "Service 118",
                    "00:02:11",
                    "3.39",
                ],
                Some(rec(
                    ymd(2026, 10, 14),
                    "11:20",
                    "118712",
                    "Service 118",
                    Some(131),
                    None,
                    "3.39",
                    false,
                )),
            ),
            (
                &[
                    "Date",
                    "Heure",
                    "Numéro / service",
                    "Type",
                    "Durée / volume",
                    "Montant TTC",
                ],
                None,
            ),
            (
                &["Frais de rejet de prélèvement du 05/10/2026", "7,50 €"],
                None,
            ),
            (&["03/10/2026", "Forfait", "12,99 €"], None),
            (
                &[
                    "03/10/2026 09:12",
                    "06 98 76 54 32",
                    "Appel",
                    "00:07:05",
                    "inclus",
                ],
                Some(rec(
                    ymd(2026, 10, 3),
                    "09:12",
                    "0698765432",
                    "Appel",
                    Some(425),
                    None,
                    "0.00",
                    true,
                )),
            ),
        ];
        for (cells, want) in cases {
            let lines = lines_of(&[page(1, &[cells])]);
            assert_eq!(record(&lines[0], r, false), *want, "record({cells:?})");
        }
    }
}
