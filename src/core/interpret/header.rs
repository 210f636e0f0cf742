//! The header of a bill: operator, invoice number, dates, period, customer id, lines.
//!
//! Pure. Fields are found by their French labels ("N° de facture", "Date d'émission",
//! "Période", "Compte client", "Votre ligne"…) at the start of a row, the value being what
//! follows on the same row; the operator by its SIREN / VAT number first (printed in the
//! legal footer of every French bill), then by its brand name.

use chrono::NaiveDate;

use crate::core::bill::{Operator, Period};
use crate::core::money;

use super::text::{self, chars_from, find_dates, find_phone_numbers, find_range, fold, squash};
use super::Line;

/// The header fields of a bill.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Header {
    /// The operator, when recognised.
    pub operator: Option<Operator>,
    /// The invoice number.
    pub invoice_number: Option<String>,
    /// The issue date.
    pub issue_date: Option<NaiveDate>,
    /// The payment due date.
    pub due_date: Option<NaiveDate>,
    /// The billing period.
    pub period: Option<Period>,
    /// The customer id.
    pub customer_id: Option<String>,
    /// Line numbers, spaces squashed.
    pub line_numbers: Vec<String>,
}

/// How many pages the header fields are looked for on.
const HEADER_PAGES: u32 = 2;

/// Reads the header fields from the rows of a bill.
pub fn read_header(lines: &[Line]) -> Header {
    let head: Vec<&Line> = lines.iter().filter(|l| l.page <= HEADER_PAGES).collect();
    let issue_date = issue_date(&head);
    Header {
        operator: operator(lines),
        invoice_number: head
            .iter()
            .find_map(|l| invoice_number(&l.text))
            .or_else(|| {
                keyed_values(
                    &head,
                    &[
                        "n° de facture",
                        "numero de facture",
                        "n° facture",
                        "facture n°",
                        "reference facture",
                    ],
                )
                .iter()
                .find_map(|v| invoice_number(&format!("Facture {}", v.split_whitespace().next()?)))
            }),
        issue_date,
        due_date: due_date(&head, issue_date),
        period: period(&head, issue_date),
        customer_id: customer_id(&head),
        line_numbers: line_numbers(&head),
    }
}

/// The text after `key` when the folded row starts with it, without the `:` after it.
fn after_key(line: &Line, keys: &[&str]) -> Option<String> {
    let folded = line.folded.trim_start();
    let skipped = line.folded.chars().count() - folded.chars().count();
    let key = keys.iter().find(|k| folded.starts_with(*k))?;
    let rest = chars_from(&line.text, skipped + key.chars().count());
    // The key must end a word: `ligne` is not `lignes`.
    if rest.chars().next().is_some_and(|c| c.is_alphanumeric()) && !key.ends_with(' ') {
        return None;
    }
    Some(
        rest.trim_start_matches(|c: char| c == ':' || c.is_whitespace() || money::is_space(c))
            .to_string(),
    )
}

/// Every value printed for one of `keys`, in reading order: after the key on its row
/// (`Date :  02/11/2026`), in the next cell (`Date` | `02/11/2026`), or, when the key is a
/// column title, in the cell below it (`N° client` above `7012345678`).
fn keyed_values(head: &[&Line], keys: &[&str]) -> Vec<String> {
    let mut values = Vec::new();
    for (k, line) in head.iter().enumerate() {
        if let Some(rest) = after_key(line, keys).filter(|r| !r.trim().is_empty()) {
            values.push(rest);
        }
        // Every candidate is kept: each field checks the shape of its value.
        for (ci, cell) in line.cells.iter().enumerate() {
            let folded = fold(cell.text.trim());
            let Some(key) = keys.iter().find(|k| folded.starts_with(*k)) else {
                continue;
            };
            let rest: String = cell.text.trim().chars().skip(key.chars().count()).collect();
            if rest.chars().next().is_some_and(|c| c.is_alphanumeric()) {
                continue;
            }
            let rest =
                rest.trim_matches(|c: char| c == ':' || c.is_whitespace() || money::is_space(c));
            if !rest.is_empty() {
                values.push(rest.to_string());
                continue;
            }
            if let Some(next) = line.cells.get(ci + 1) {
                values.push(next.text.trim().to_string());
            }
            if let Some(below) = head.get(k + 1).filter(|b| b.page == line.page) {
                let text: Vec<&str> = below
                    .cells
                    .iter()
                    .filter(|b| b.x < cell.x_end + 4.0 && b.x_end > cell.x - 4.0)
                    .map(|b| b.text.trim())
                    .collect();
                if !text.is_empty() {
                    values.push(text.join(" "));
                }
            }
        }
    }
    values
}

fn is_whole_word(haystack: &str, needle: &str) -> bool {
    let mut from = 0;
    while let Some(pos) = haystack[from..].find(needle) {
        let start = from + pos;
        let end = start + needle.len();
        let before = haystack[..start].chars().next_back();
        let after = haystack[end..].chars().next();
        if !before.is_some_and(|c| c.is_alphanumeric())
            && !after.is_some_and(|c| c.is_alphanumeric())
        {
            return true;
        }
        from = start + needle.len().max(1);
        while !haystack.is_char_boundary(from) {
            from += 1;
        }
    }
    false
}

/// Brands by their folded names, most specific first.
const BRANDS: &[(&str, Operator)] = &[
    ("b&you", Operator::BAndYou),
    ("b & you", Operator::BAndYou),
    ("sosh", Operator::Sosh),
    ("red by sfr", Operator::Red),
    ("free mobile", Operator::FreeMobile),
    ("la poste mobile", Operator::LaPosteMobile),
    ("nrj mobile", Operator::NrjMobile),
    ("prixtel", Operator::Prixtel),
    ("coriolis", Operator::Coriolis),
    ("bouygues telecom", Operator::Bouygues),
    ("bouygues", Operator::Bouygues),
    ("orange", Operator::Orange),
    ("sfr", Operator::Sfr),
    ("freebox", Operator::Free),
    ("free", Operator::Free),
];

/// Legal entities by SIREN (the VAT number `FRkk` + SIREN contains it), with the brands
/// they sell under.
const ENTITIES: &[(&str, Operator, &[Operator])] = &[
    (
        "380129866",
        Operator::Orange,
        &[Operator::Orange, Operator::Sosh],
    ),
    ("343059564", Operator::Sfr, &[Operator::Sfr, Operator::Red]),
    (
        "397480930",
        Operator::Bouygues,
        &[Operator::Bouygues, Operator::BAndYou],
    ),
    (
        "421938861",
        Operator::Free,
        &[Operator::Free, Operator::FreeMobile],
    ),
    ("499247138", Operator::FreeMobile, &[Operator::FreeMobile]),
];

/// The operator: legal entity by SIREN, brand by the name at the top of the first page.
fn operator(lines: &[Line]) -> Option<Operator> {
    let compact: String = lines
        .iter()
        .flat_map(|l| l.folded.chars())
        .filter(|c| c.is_ascii_digit() || c.is_alphabetic())
        .collect();
    let top: Vec<&Line> = lines.iter().filter(|l| l.page == 1).take(8).collect();
    let brand_in = |rows: &[&Line]| {
        BRANDS
            .iter()
            .find(|(name, _)| rows.iter().any(|l| is_whole_word(&l.folded, name)))
            .map(|(_, op)| *op)
    };
    let top_brand = brand_in(&top);
    let all: Vec<&Line> = lines.iter().collect();
    for (siren, default, brands) in ENTITIES {
        if compact.contains(siren) {
            if let Some(b) = top_brand.filter(|b| brands.contains(b)) {
                return Some(b);
            }
            let anywhere = BRANDS
                .iter()
                .filter(|(_, op)| brands.contains(op) && op != default)
                .find(|(name, _)| all.iter().any(|l| is_whole_word(&l.folded, name)));
            return Some(anywhere.map_or(*default, |(_, op)| *op));
        }
    }
    top_brand.or_else(|| {
        // Elsewhere in the text, only names that cannot be ordinary words.
        BRANDS
            .iter()
            .filter(|(name, _)| {
                name.contains(' ')
                    || name.contains('&')
                    || ["sosh", "prixtel", "coriolis", "bouygues"].contains(name)
            })
            .find(|(name, _)| all.iter().any(|l| is_whole_word(&l.folded, name)))
            .map(|(_, op)| *op)
    })
}

/// `N° de facture F0026118842417`, `Facture n° RED2611-7734120`, `Facture TLR-2026-11-004512`.
fn invoice_number(text: &str) -> Option<String> {
    let folded = fold(text);
    let words: Vec<&str> = text.split_whitespace().collect();
    let fwords: Vec<&str> = folded.split_whitespace().collect();
    if words.len() != fwords.len() {
        return None;
    }
    for (i, w) in fwords.iter().enumerate() {
        if !w.starts_with("facture") || w.len() > "facture".len() + 1 {
            continue;
        }
        let mut j = i + 1;
        while j < words.len()
            && [
                "n°", "no", "no.", "n", "numero", "num", "num.", ":", "n°:", "de", "ref", "ref.",
            ]
            .contains(&fwords[j])
        {
            j += 1;
        }
        let Some(candidate) = words.get(j) else {
            continue;
        };
        let candidate = candidate.trim_end_matches([',', ';', ':']);
        let plausible = candidate.chars().count() >= 4
            && candidate.chars().any(|c| c.is_ascii_digit())
            && candidate
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '/' | '.' | '_'))
            && find_dates(candidate).is_empty()
            && money::find_amounts(candidate).is_empty();
        if plausible {
            return Some(candidate.to_string());
        }
    }
    None
}

const ISSUE_KEYS: &[&str] = &[
    "date de facture",
    "date de la facture",
    "date de facturation",
    "date d'emission",
    "date d'edition",
    "emise le",
    "editee le",
    "etablie le",
    "facture du",
    "facture emise le",
    "date :",
    "date:",
    "date",
];

fn issue_date(head: &[&Line]) -> Option<NaiveDate> {
    head.iter()
        .find_map(|l| {
            let f = l.folded.trim_start();
            if f.starts_with("date limite")
                || f.starts_with("date de prelevement")
                || f.starts_with("date d'echeance")
                || f.starts_with("date de paiement")
                || f.starts_with("date de debit")
            {
                return None;
            }
            let rest = after_key(l, ISSUE_KEYS)?;
            find_dates(&rest).first()?.full()
        })
        .or_else(|| {
            let values = keyed_values(head, ISSUE_KEYS);
            values.iter().find_map(|v| find_dates(v).first()?.full())
        })
        .or_else(|| {
            // `Facture n° 123 du 05/03/2026`, `Facture du 5 mars 2026`.
            head.iter().find_map(|l| {
                let at = l.folded.find("facture")?;
                let rest = &l.folded[at..];
                let du = rest.find(" du ")?;
                if rest[du..].contains(" au ") {
                    return None;
                }
                // Dates read the same from the folded text, whose offsets these are.
                find_dates(&rest[du..]).first()?.full()
            })
        })
}

const DUE_KEYS: &[&str] = &[
    "preleve",
    "debite",
    "date limite",
    "a payer avant",
    "a regler avant",
    "payer avant",
    "echeance",
    "date de prelevement",
    "payable le",
    "paiement le",
    "exigible le",
    "exigibilite",
];

fn due_date(head: &[&Line], issue: Option<NaiveDate>) -> Option<NaiveDate> {
    head.iter().find_map(|l| {
        let at = DUE_KEYS.iter().filter_map(|k| l.folded.find(k)).min()?;
        // An offset in the folded text: read the date from there too.
        find_dates(&l.folded[at..]).first()?.resolve(issue)
    })
}

fn period(head: &[&Line], issue: Option<NaiveDate>) -> Option<Period> {
    let labelled = head
        .iter()
        .filter(|l| l.folded.trim_start().starts_with("periode"));
    for l in labelled {
        if let Some((start, end)) = find_range(&l.text, issue) {
            return Some(Period { start, end });
        }
    }
    let keyed = keyed_values(
        head,
        &["periode de facturation", "periode facturee", "periode"],
    );
    if let Some((start, end)) = keyed
        .iter()
        .find_map(|v| find_range(&format!("du {}", v.trim_start_matches("du ")), issue))
    {
        return Some(Period { start, end });
    }
    // `Période : octobre 2026`: the whole month.
    if let Some(p) = keyed.iter().find_map(|v| text::whole_month(v)) {
        return Some(p);
    }
    // No label: the first range on the first page printed with its years.
    head.iter()
        .filter(|l| l.page == 1)
        .filter(|l| {
            text::find_dates(&l.text)
                .iter()
                .filter(|d| d.year.is_some())
                .count()
                >= 2
        })
        .find_map(|l| find_range(&l.text, issue))
        .map(|(start, end)| Period { start, end })
}

const CUSTOMER_KEYS: &[&str] = &[
    "n° de compte client",
    "numero de compte client",
    "n° compte client",
    "compte client",
    "n° de compte",
    "numero de compte",
    "compte n°",
    "n° d'abonne",
    "numero d'abonne",
    "reference abonne",
    "code abonne",
    "n° de client",
    "n° client",
    "no client",
    "numero client",
    "numero de client",
    "identifiant client",
    "identifiant",
    "reference client",
    "ref. client",
    "ref client",
    "code client",
    "client n°",
];

fn customer_id(head: &[&Line]) -> Option<String> {
    keyed_values(head, CUSTOMER_KEYS).iter().find_map(|rest| {
        let token = rest.split_whitespace().next()?;
        token
            .chars()
            .any(|c| c.is_ascii_digit())
            .then(|| token.to_string())
    })
}

const LINE_KEYS: &[&str] = &[
    "votre ligne",
    "vos lignes",
    "numero de ligne",
    "n° de ligne",
    "ligne mobile",
    "ligne fixe",
    "lignes",
    "ligne",
    "numero d'appel",
    "votre numero",
    "numero de telephone",
    "n° de telephone",
];

fn line_numbers(head: &[&Line]) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for rest in keyed_values(head, LINE_KEYS) {
        for n in find_phone_numbers(&rest) {
            let n = squash(&n);
            if !found.contains(&n) {
                found.push(n);
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::interpret::lines_of;
    use crate::core::interpret::tests::page;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn finds_invoice_numbers() {
        let cases: &[(&str, Option<&str>)] = &[
            ("N° de facture F0026118842417", Some("F0026118842417")),
            ("Facture n° RED2611-7734120", Some("RED2611-7734120")),
            ("Facture N° 6812345901", Some("6812345901")),
            ("Facture TLR-2026-11-004512", Some("TLR-2026-11-004512")),
            (
                "Numéro de facture : FM2611-0048213957",
                Some("FM2611-0048213957"),
            ),
            ("Date de facture :  03/11/2026", None),
            ("Montant total de votre facture  65,34 €", None),
            ("Facture Free Mobile", None),
            ("Votre facture", None),
        ];
        for (text, want) in cases {
            assert_eq!(
                invoice_number(text).as_deref(),
                *want,
                "invoice_number({text:?})"
            );
        }
    }

    #[test]
    fn reads_a_header() {
        let pages = [page(
            1,
            &[
                &["Votre facture"],
                &["N° de facture F0026118842417"],
                &["Bouygues Telecom"],
                &["N° de compte client :", "1.0234.5678", "M. Thomas Spécimen"],
                &["Date :", "02/11/2026", "27 boulevard Voltaire"],
                &["Période :", "du 02/10/2026 au 01/11/2026", "44000 Nantes"],
                &["Votre ligne :", "06 45 67 89 01"],
                &["Total de votre facture", "1 116,42 €"],
                &["Ce montant sera prélevé le 12/11/2026 sur le compte FR76 •••• •••• 0412"],
                &["RCS Paris 397 480 930 – N° TVA intracommunautaire FR74397480930"],
            ],
        )];
        let h = read_header(&lines_of(&pages));
        assert_eq!(
            h,
            Header {
                operator: Some(Operator::Bouygues),
                invoice_number: Some("F0026118842417".into()),
                issue_date: Some(ymd(2026, 11, 2)),
                due_date: Some(ymd(2026, 11, 12)),
                period: Some(Period {
                    start: ymd(2026, 10, 2),
                    end: ymd(2026, 11, 1)
                }),
                customer_id: Some("1.0234.5678".into()),
                line_numbers: vec!["06 45 67 89 01".into()],
            }
        );
    }

    #[test]
    fn reads_values_printed_under_their_titles() {
        let mut p = page(
            1,
            &[
                &["Sosh"],
                &["N° client", "Date de facture", "N° de facture"],
                &["7012345678", "03/11/2026", "FM2611-0048213957"],
                &["Ligne", "Période"],
                &["06 12 34 56 78", "du 01/10/2026 au 31/10/2026"],
                &["RCS Nanterre 380 129 866"],
            ],
        );
        // Titles and values in columns at x = 40, 200, 360.
        for r in [1, 2, 3, 4] {
            for (c, cell) in p.rows[r].cells.iter_mut().enumerate() {
                cell.x = 40.0 + 160.0 * c as f32;
                cell.x_end = cell.x + 120.0;
            }
        }
        let h = read_header(&lines_of(&[p]));
        assert_eq!(h.operator, Some(Operator::Sosh));
        assert_eq!(h.customer_id.as_deref(), Some("7012345678"));
        assert_eq!(h.issue_date, Some(ymd(2026, 11, 3)));
        assert_eq!(h.invoice_number.as_deref(), Some("FM2611-0048213957"));
        assert_eq!(h.line_numbers, vec!["06 12 34 56 78".to_string()]);
        assert_eq!(
            h.period,
            Some(Period {
                start: ymd(2026, 10, 1),
                end: ymd(2026, 10, 31)
            })
        );
    }

    #[test]
    fn reads_a_period_given_as_a_month() {
        let p = page(1, &[&["Période :", "octobre 2026"]]);
        let h = read_header(&lines_of(&[p]));
        assert_eq!(
            h.period,
            Some(Period {
                start: ymd(2026, 10, 1),
                end: ymd(2026, 10, 31)
            })
        );
    }

    #[test]
    fn finds_the_issue_date_after_the_invoice_number() {
        let p = page(1, &[&["Facture n° 2026-123456 du 5 novembre 2026"]]);
        let h = read_header(&lines_of(&[p]));
        assert_eq!(h.issue_date, Some(ymd(2026, 11, 5)));
        assert_eq!(h.invoice_number.as_deref(), Some("2026-123456"));
    }

    #[test]
    fn recognises_operators() {
        let cases: &[(&[&str], Option<Operator>)] = &[
            (&["B&You", "RCS Paris 397 480 930"], Some(Operator::BAndYou)),
            (
                &["Bouygues Telecom", "FR74397480930"],
                Some(Operator::Bouygues),
            ),
            (
                &["RED by SFR", "RCS Paris 343 059 564"],
                Some(Operator::Red),
            ),
            (&["SFR", "RCS Paris 343 059 564"], Some(Operator::Sfr)),
            (
                &["orange", "RCS Nanterre 380 129 866"],
                Some(Operator::Orange),
            ),
            (&["sosh", "RCS Nanterre 380 129 866"], Some(Operator::Sosh)),
            (&["free", "FR60421938861"], Some(Operator::Free)),
            (
                &["free mobile", "RCS Paris 499 247 138"],
                Some(Operator::FreeMobile),
            ),
            (&["Facture", "Prixtel"], Some(Operator::Prixtel)),
            (&["TELORA", "Telora Mobile est un opérateur fictif"], None),
        ];
        for (rows, want) in cases {
            let rows: Vec<&[&str]> = rows.iter().map(std::slice::from_ref).collect();
            let pages = [page(1, &rows)];
            assert_eq!(operator(&lines_of(&pages)), *want, "operator({rows:?})");
        }
    }
}
