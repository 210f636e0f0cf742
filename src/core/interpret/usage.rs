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

/// Where the text columns of a call-detail table are, read from its header row, so that
/// a row with an empty number (a data session) does not shift its kind into the number.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct UsageColumns {
    destination: Option<(f32, f32)>,
    kind: Option<(f32, f32)>,
}

/// The text columns named by a call-detail header row.
pub fn usage_columns(line: &Line) -> UsageColumns {
    let mut columns = UsageColumns::default();
    for cell in &line.cells {
        let folded = fold(&cell.text);
        let words: Vec<&str> = folded.split(|c: char| !c.is_alphanumeric()).collect();
        let has = |list: &[&str]| list.iter().any(|w| words.contains(w));
        if has(&["type", "nature", "libelle", "description"]) {
            columns.kind.get_or_insert((cell.x, cell.x_end));
        } else if has(&[
            "numero",
            "destination",
            "correspondant",
            "appele",
            "service",
            "destinataire",
        ]) {
            columns.destination.get_or_insert((cell.x, cell.x_end));
        }
    }
    columns
}

/// A field of a row, with its horizontal extent.
struct Field {
    text: String,
    x: f32,
    x_end: f32,
}

/// The record on this row, if it is one. `reference` gives the year of `dd/mm` dates;
/// `table` is the header of the call-detail table the row is in, if any: there the time
/// may be missing and the text columns are known.
pub fn record(
    line: &Line,
    reference: Option<NaiveDate>,
    table: Option<&UsageColumns>,
) -> Option<UsageRecord> {
    let mut fields: Vec<Field> = Vec::new();
    for cell in &line.cells {
        let pieces: Vec<String> = cell
            .text
            .split("  ")
            .map(squash)
            .filter(|f| !f.is_empty())
            .collect();
        let n = pieces.len().max(1) as f32;
        let width = (cell.x_end - cell.x) / n;
        for (k, text) in pieces.into_iter().enumerate() {
            let x = cell.x + width * k as f32;
            fields.push(Field {
                text,
                x,
                x_end: x + width,
            });
        }
    }
    // `03/10/2026 09:12` in one cell.
    if let Some(first) = fields.first() {
        if let Some((d, t)) = first.text.split_once(' ') {
            if whole_date(d).is_some() && t.split(' ').next().is_some_and(is_time) {
                let (x, x_end) = (first.x, first.x_end);
                let (t, rest) = t.split_once(' ').map_or((t.to_string(), None), |(a, b)| {
                    (a.to_string(), Some(b.to_string()))
                });
                let mut head = vec![
                    Field {
                        text: d.to_string(),
                        x,
                        x_end: x,
                    },
                    Field {
                        text: t,
                        x,
                        x_end: x,
                    },
                ];
                head.extend(rest.map(|text| Field { text, x, x_end }));
                fields.splice(0..1, head);
            }
        }
    }
    let (first, rest) = fields.split_first()?;
    let date = whole_date(&first.text)?.resolve(reference)?;
    let (time, rest) = match rest.split_first() {
        Some((t, r)) if is_time(&t.text) => (Some(t.text.clone()), r),
        Some(_) if table.is_some() => (None, rest),
        _ => return None,
    };
    if rest.is_empty() {
        return None;
    }

    let mut rest: Vec<&Field> = rest.iter().collect();
    let mut amount = Decimal::new(0, 2);
    let mut included = true;
    if let Some(last) = rest.last() {
        let f = fold(&last.text);
        if INCLUDED.iter().any(|w| f.trim() == *w) {
            rest.pop();
        } else if let Some(value) = money::parse_amount(&last.text) {
            amount = value;
            included = value.is_zero();
            rest.pop();
        }
    }
    let mut duration_s = None;
    let mut volume = None;
    let mut texts: Vec<&Field> = Vec::new();
    for f in rest {
        if duration_s.is_none()
            && (f.text.contains(':') || f.text.chars().any(|c| c.is_ascii_digit()))
        {
            if let Some(s) = parse_duration(&f.text, true) {
                duration_s = Some(s);
                continue;
            }
        }
        if volume.is_none() && is_volume(&f.text) {
            volume = Some(f.text.clone());
            continue;
        }
        texts.push(f);
    }
    let (destination, kind) = match table.and_then(|t| Some((t.destination?, t.kind?))) {
        Some((dest_col, kind_col)) => {
            let distance = |f: &Field, (x0, x1): (f32, f32)| {
                if f.x < x1 && f.x_end > x0 {
                    0.0
                } else {
                    (f.x - x0).abs().min((f.x_end - x1).abs())
                }
            };
            let (mut dest, mut kind) = (Vec::new(), Vec::new());
            for f in &texts {
                if distance(f, dest_col) <= distance(f, kind_col) {
                    dest.push(f.text.as_str());
                } else {
                    kind.push(f.text.as_str());
                }
            }
            (dest.join(" "), kind.join(" "))
        }
        None => {
            let mut it = texts.iter();
            let dest = it.next().map(|f| f.text.clone()).unwrap_or_default();
            (
                dest,
                it.map(|f| f.text.as_str()).collect::<Vec<_>>().join(" "),
            )
        }
    };
    Some(UsageRecord {
        date,
        time,
        destination: number_or_text(&destination),
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

/// The quantity a usage summary's label prints, and the label without it: a duration
/// (`1 h 26 min 23 s`, `42 min 02 s`, `03:45:21`), a volume (`3.205 Gio`, `280,1 Mo`,
/// `6 Go 530`) or a count (`66 unités`, `127 SMS`), brackets allowed around it.
pub fn usage_quantity(label: &str) -> Option<(String, String)> {
    let words: Vec<&str> = label.split_whitespace().collect();
    let bare = |w: &str| w.trim_matches(['(', ')']).to_string();
    let number = |w: &str| {
        let w = bare(w);
        !w.is_empty()
            && w.chars().any(|c| c.is_ascii_digit())
            && w.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.'))
    };
    let unit = |w: &str| fold(&bare(w));
    let is_duration_unit = |u: &str| matches!(u, "h" | "min" | "mn" | "s" | "sec");
    let is_volume_unit = |u: &str| {
        matches!(
            u,
            "go" | "mo" | "ko" | "to" | "gio" | "mio" | "kio" | "gb" | "mb" | "kb"
        )
    };
    let is_count_unit = |u: &str| matches!(u, "unites" | "unite" | "sms" | "mms" | "appels");
    let mut i = 0;
    while i < words.len() {
        let start = i;
        // A clock duration on its own (`03:45:21`, `(04:21:22)`).
        if super::text::parse_duration(&bare(words[i]), false).is_some() && words[i].contains(':') {
            return Some(cut(&words, start, i + 1));
        }
        if number(words[i]) && i + 1 < words.len() {
            let u = unit(words[i + 1]);
            if is_duration_unit(&u) {
                let mut end = i + 2;
                while end + 1 < words.len()
                    && number(words[end])
                    && is_duration_unit(&unit(words[end + 1]))
                {
                    end += 2;
                }
                return Some(cut(&words, start, end));
            }
            if is_volume_unit(&u) {
                // `6 Go 530`: the decimals after the unit.
                let mut end = i + 2;
                if end < words.len() && bare(words[end]).len() == 3 && number(words[end]) {
                    end += 1;
                }
                return Some(cut(&words, start, end));
            }
            if is_count_unit(&u) {
                return Some(cut(&words, start, i + 2));
            }
        }
        i += 1;
    }
    // A bare count in its own column after messages (`SMS depuis la France  27`).
    let names_messages = words.iter().any(|w| {
        fold(w)
            .split(|c: char| !c.is_alphanumeric())
            .any(|p| matches!(p, "sms" | "mms"))
    });
    match words.split_last() {
        Some((last, rest))
            if names_messages && !rest.is_empty() && last.chars().all(|c| c.is_ascii_digit()) =>
        {
            Some((rest.join(" "), (*last).to_string()))
        }
        _ => None,
    }
}

/// `words` without `start..end`, and those words.
fn cut(words: &[&str], start: usize, end: usize) -> (String, String) {
    let quantity = words[start..end]
        .join(" ")
        .trim_matches(['(', ')'])
        .to_string();
    let rest: Vec<&str> = words[..start]
        .iter()
        .chain(&words[end..])
        .copied()
        .collect();
    (rest.join(" "), quantity)
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
mod quantity_tests {
    use super::usage_quantity;

    #[test]
    fn finds_the_quantity_of_a_usage_summary() {
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            (
                "Appels voix depuis la France métropolitaine 1 h 26 min 23 s",
                Some((
                    "Appels voix depuis la France métropolitaine",
                    "1 h 26 min 23 s",
                )),
            ),
            (
                "Data depuis la France métropolitaine 3.205 Gio",
                Some(("Data depuis la France métropolitaine", "3.205 Gio")),
            ),
            (
                "03:45:21 dans le cadre de vos Appels illimités 24h/24",
                Some(("dans le cadre de vos Appels illimités 24h/24", "03:45:21")),
            ),
            (
                "(66 unités) dans le cadre de vos SMS/MMS illimités",
                Some(("dans le cadre de vos SMS/MMS illimités", "66 unités")),
            ),
            (
                "6 Go 530 dans le cadre de votre Internet",
                Some(("dans le cadre de votre Internet", "6 Go 530")),
            ),
            (
                "Internet depuis l'Italie (372 Mo)",
                Some(("Internet depuis l'Italie", "372 Mo")),
            ),
            (
                "Forfait Free 5G 250 Go",
                Some(("Forfait Free 5G", "250 Go")),
            ),
            (
                "SMS depuis la France métropolitaine 27",
                Some(("SMS depuis la France métropolitaine", "27")),
            ),
            ("Appels vers le 3179", None),
            ("Option TV sur mobile", None),
            ("Frais de mise en service", None),
        ];
        for (label, want) in cases {
            let got = usage_quantity(label);
            let want = want.map(|(l, q)| (l.to_string(), q.to_string()));
            assert_eq!(got, want, "{label}");
        }
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
    fn places_texts_by_the_table_header() {
        let header = page(
            1,
            &[&["Date", "Heure", "Numéro", "Type", "Volume", "Montant"]],
        );
        let header_lines = lines_of(&[header]);
        let cols = usage_columns(&header_lines[0]);
        // A data session: no number, its kind under `Type`.
        let mut row = page(
            1,
            &[&["03/10/2026", "08:00", "Internet mobile", "2,1 Go", "inclus"]],
        );
        let type_cell = header_lines[0].cells[3].clone();
        row.rows[0].cells[2].x = type_cell.x;
        row.rows[0].cells[2].x_end = type_cell.x + 60.0;
        let lines = lines_of(&[row]);
        let got = record(&lines[0], None, Some(&cols)).unwrap();
        assert_eq!(got.destination, "");
        assert_eq!(got.kind, "Internet mobile");
        assert_eq!(got.volume.as_deref(), Some("2,1 Go"));
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
            assert_eq!(record(&lines[0], r, None), *want, "record({cells:?})");
        }
    }
}
