//! The header of a bill: operator, invoice number, dates, period, customer id, lines.
//!
//! Pure. Fields are found by their French labels ("N° de facture", "Date d'émission",
//! "Période", "Compte client", "Votre ligne"…) at the start of a row, the value being what
//! follows on the same row; the operator by its SIREN / VAT number first (printed in the
//! legal footer of every French bill), then by its brand name.

use chrono::NaiveDate;

use crate::core::bill::{Operator, Period};
use crate::core::money;
use crate::core::vocab::headings;

use super::text::{self, chars_from, find_dates, find_range, fold, squash};
use super::Line;
use crate::core::phone;

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
                // Under or beside its label, a value is the number whatever it looks like
                // (La Poste Mobile's start with `01`, as a Paris phone number does).
                .find_map(|v| {
                    invoice_number(&format!("Facture n° {}", v.split_whitespace().next()?))
                })
            })
            .or_else(|| {
                head.iter()
                    .filter(|l| l.page == 1)
                    .find_map(|l| bare_number(l))
            }),
        issue_date,
        due_date: due_date(&head, issue_date),
        period: period(&head, issue_date).or_else(|| coming_period(lines, issue_date)),
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

/// Products only one operator sells, by their folded names: a bill that prints no legal
/// footer (a logo drawn as an image, the footer on a page not sent) still names what it
/// bills. The last resort: a brand or an entity anywhere else comes first.
const PRODUCTS: &[(&str, Operator)] = &[
    ("bbox", Operator::Bouygues),
    ("livebox", Operator::Orange),
    ("freebox", Operator::Free),
    ("box de sfr", Operator::Sfr),
    ("sfr box", Operator::Sfr),
];

/// Web addresses that say which brand a bill is from (its contact and customer area).
const DOMAINS: &[(&str, Operator)] = &[
    ("sosh.fr", Operator::Sosh),
    ("red-by-sfr.fr", Operator::Red),
    ("b-and-you.fr", Operator::BAndYou),
    ("mobile.free.fr", Operator::FreeMobile),
    ("bouyguestelecom.fr", Operator::Bouygues),
    ("orange.fr", Operator::Orange),
    ("sfr.fr", Operator::Sfr),
    ("free.fr", Operator::Free),
];

/// Whether a row names a plan or a charge (`Forfait B&You 60Go  12,99`): a brand there is
/// the name of an offer, not who issues the bill.
fn names_an_offer(line: &Line) -> bool {
    let f = super::roles::strip_lead(&line.folded);
    [
        "forfait",
        "offre",
        "option",
        "abonnement",
        "pass ",
        "serie speciale",
    ]
    .iter()
    .any(|k| f.starts_with(k))
        || money::find_amounts(&line.text)
            .last()
            .is_some_and(|a| line.text[a.end..].trim().chars().count() <= 4)
}

/// The operator: the legal entity by its SIREN (in the VAT number or the legal footer
/// of every French bill), and among its brands the one the bill presents itself as —
/// named at the top of the first page, in a row that is not an offer, or by its web
/// address. A brand in a plan's name (`Forfait B&You 60Go`) does not count.
pub(super) fn operator(lines: &[Line]) -> Option<Operator> {
    let compact: String = lines
        .iter()
        .flat_map(|l| l.folded.chars())
        .filter(|c| c.is_ascii_digit() || c.is_alphabetic())
        .collect();
    let evidence: Vec<&Line> = lines.iter().filter(|l| !names_an_offer(l)).collect();
    let top: Vec<&Line> = evidence
        .iter()
        .copied()
        .filter(|l| l.page == 1)
        .take(8)
        .collect();
    let brand_in = |rows: &[&Line]| {
        BRANDS
            .iter()
            .find(|(name, _)| rows.iter().any(|l| is_whole_word(&l.folded, name)))
            .map(|(_, op)| *op)
    };
    let by_domain: Vec<Operator> = DOMAINS
        .iter()
        .filter(|(d, _)| lines.iter().any(|l| l.folded.contains(d)))
        .map(|(_, op)| *op)
        .collect();
    let top_brand = brand_in(&top);
    for (siren, default, brands) in ENTITIES {
        if compact.contains(siren) {
            if let Some(b) = top_brand.filter(|b| brands.contains(b)) {
                return Some(b);
            }
            let named = BRANDS
                .iter()
                .filter(|(_, op)| brands.contains(op) && op != default)
                .find(|(name, _)| evidence.iter().any(|l| is_whole_word(&l.folded, name)))
                .map(|(_, op)| *op);
            let addressed = by_domain
                .iter()
                .copied()
                .find(|op| brands.contains(op) && op != default);
            return Some(named.or(addressed).unwrap_or(*default));
        }
    }
    top_brand
        .or_else(|| {
            // Elsewhere in the text, only names that cannot be ordinary words.
            BRANDS
                .iter()
                .filter(|(name, _)| {
                    name.contains(' ')
                        || name.contains('&')
                        || ["sosh", "prixtel", "coriolis", "bouygues"].contains(name)
                })
                .find(|(name, _)| evidence.iter().any(|l| is_whole_word(&l.folded, name)))
                .map(|(_, op)| *op)
        })
        .or_else(|| by_domain.first().copied())
        .or_else(|| {
            PRODUCTS
                .iter()
                .find(|(name, _)| lines.iter().any(|l| is_whole_word(&l.folded, name)))
                .map(|(_, op)| *op)
        })
}

/// `N° de facture F0026118842417`, `Facture n° RED2611-7734120`, `Facture TLR-2026-11-004512`,
/// `Facture Freebox n°1328727379 du 02 Novembre 2024`, `• Facture no 1964517813 du 14
/// octobre 2023`: the value after `facture` and its number sign, a brand name between
/// them allowed.
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
        let mut marked = false;
        // At most one word between `facture` and its number: a brand (`Facture Freebox n°…`).
        let limit = (i + 6).min(words.len());
        while j < limit {
            let f = fwords[j];
            if NUMBER_MARKS.contains(&f) {
                marked = true;
                j += 1;
                continue;
            }
            if let Some(value) = strip_mark(words[j]) {
                // After its number sign a value is a number, whatever it looks like.
                return Some(value.to_string()).filter(|v| plausible(v));
            }
            if ["de", "ref", "ref.", "reference"].contains(&f) {
                j += 1;
                continue;
            }
            if !marked && j <= i + 3 && !f.chars().any(|c| c.is_ascii_digit()) {
                // A brand or a kind of bill before the number sign (`Facture SFR Box n°…`).
                j += 1;
                continue;
            }
            break;
        }
        let Some(candidate) = words.get(j) else {
            continue;
        };
        let candidate = candidate.trim_end_matches([',', ';', ':']);
        if (marked && plausible(candidate)) || (j == i + 1 && plausible_number(candidate)) {
            return Some(candidate.to_string());
        }
    }
    None
}

/// Words that stand for "number" before a value.
const NUMBER_MARKS: &[&str] = &[
    "n°", "no", "no.", "n", "numero", "num", "num.", ":", "n°:", "no:", "nº", "n°.",
];

/// The value of a number sign glued to it (`n°1328727379`, `N°:B2/2018…`).
fn strip_mark(word: &str) -> Option<&str> {
    let lower = word.to_lowercase();
    for mark in ["n°:", "n° :", "n°", "nº", "no:", "no."] {
        if lower.starts_with(mark) && word.len() > mark.len() {
            let rest = word.get(mark.len()..)?;
            return Some(
                rest.trim_start_matches(':')
                    .trim_end_matches([',', ';', ':']),
            );
        }
    }
    None
}

/// What an invoice number looks like without a number sign before it: [`plausible`],
/// and not a phone number.
fn plausible_number(candidate: &str) -> bool {
    plausible(candidate) && !phone::is_only_number(candidate)
}

/// What an invoice number looks like: four characters or more with a digit, no date or
/// amount.
fn plausible(candidate: &str) -> bool {
    candidate.chars().count() >= 4
        && candidate.chars().any(|c| c.is_ascii_digit())
        && candidate
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '/' | '.' | '_'))
        && find_dates(candidate).is_empty()
        && money::find_amounts(candidate).is_empty()
}

/// `N°: B2/20181213-68843-179632098` on a row of its own: a number sign and a value,
/// on a row that names nothing else (not a client, a line, a contract, a mandate).
fn bare_number(line: &Line) -> Option<String> {
    let f = line.folded.trim_start();
    let others = [
        "client",
        "ligne",
        "compte",
        "contrat",
        "tva",
        "siret",
        "siren",
        "rcs",
        "commande",
        "mandat",
        "rum",
        "abonne",
        "telephone",
        "tel",
        "ics",
        "iban",
        "bic",
    ];
    if f.split(|c: char| !c.is_alphanumeric())
        .any(|w| others.contains(&w))
    {
        return None;
    }
    let words: Vec<&str> = line.text.split_whitespace().collect();
    let first = words.first()?;
    let value = match strip_mark(first) {
        Some(v) if !v.is_empty() => v.to_string(),
        _ if NUMBER_MARKS.contains(&fold(first).as_str()) => {
            let next = words.get(1)?;
            let next = if *next == ":" { words.get(2)? } else { next };
            next.trim_end_matches([',', ';']).to_string()
        }
        _ => return None,
    };
    // After its number sign, a value is a number whatever it looks like.
    plausible(&value).then_some(value)
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

/// Rows that carry a date which is not the issue date.
fn other_date(folded: &str) -> bool {
    let f = folded.trim_start();
    [
        "date limite",
        "date de prelevement",
        "date d'echeance",
        "date de paiement",
        "date de debit",
        "date de fin",
        "date de debut",
        "date de mise en service",
        "date de resiliation",
        "date d'activation",
    ]
    .iter()
    .any(|k| f.starts_with(k))
}

fn issue_date(head: &[&Line]) -> Option<NaiveDate> {
    // `date de facture : 17/11/25`, `Date d'émission`, `Émise le` on the row itself.
    let labelled = |keys: &[&str]| {
        head.iter().find_map(|l| {
            if other_date(&l.folded) {
                return None;
            }
            let rest = after_key(l, keys)?;
            find_dates(&rest).first()?.full()
        })
    };
    let explicit: &[&str] = &ISSUE_KEYS[..ISSUE_KEYS.len() - 3];
    labelled(explicit)
        .or_else(|| {
            // `Facture n° 123 du 05/03/2026`, `voici votre facture du 2 novembre 2019`.
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
        .or_else(|| {
            let values = keyed_values(head, explicit);
            values.iter().find_map(|v| find_dates(v).first()?.full())
        })
        .or_else(|| {
            // The key inside a row, after another field printed on the same text line
            // (`N° de facture : 123456789 date de facture : 15/01/2025`).
            head.iter().find_map(|l| {
                let (at, key) = explicit
                    .iter()
                    .filter_map(|k| l.folded.find(k).map(|at| (at, k)))
                    .min()?;
                let before = l.folded[..at].chars().next_back();
                if before.is_some_and(char::is_alphanumeric) || other_date(&l.folded[at..]) {
                    return None;
                }
                find_dates(&l.folded[at + key.len()..]).first()?.full()
            })
        })
        .or_else(|| labelled(ISSUE_KEYS))
        .or_else(|| {
            // A bare `Date` title over its value; never a due or debit date.
            let rows: Vec<&Line> = head
                .iter()
                .copied()
                .filter(|l| !other_date(&l.folded))
                .collect();
            keyed_values(&rows, ISSUE_KEYS)
                .iter()
                .filter(|v| !other_date(&fold(v)))
                .find_map(|v| find_dates(v).first()?.full())
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

/// Rows about the past period's usage: their range is not the billing period.
fn about_usage(folded: &str) -> bool {
    [
        "communication",
        "consommation",
        "appels",
        "usage",
        "depuis votre derniere",
    ]
    .iter()
    .any(|k| folded.contains(k))
}

/// The billing period: labelled (`Période : du … au …`), announced as the coming one
/// (`Pour le mois à venir(du 02/11 au 01/12)`, `Pour la période à venir (du 13/12/2018 au
/// 12/01/2019)`), or the first range printed with its years on the first page — never
/// the range of the communications, which is the past one.
fn period(head: &[&Line], issue: Option<NaiveDate>) -> Option<Period> {
    let range = |l: &&Line| find_range(&l.text, issue).map(|(start, end)| Period { start, end });
    if let Some(p) = head
        .iter()
        .filter(|l| l.folded.trim_start().starts_with("periode"))
        .find_map(range)
    {
        return Some(p);
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
    if let Some(p) = coming_period(head.iter().copied(), issue) {
        return Some(p);
    }
    // No label: the first range on the first page printed with its years.
    head.iter()
        .filter(|l| l.page == 1 && !about_usage(&l.folded))
        .filter(|l| {
            text::find_dates(&l.text)
                .iter()
                .filter(|d| d.year.is_some())
                .count()
                >= 2
        })
        .find_map(range)
}

/// `Pour le mois à venir(du 02/11 au 01/12)`, `période du 13.11.2025 au 12.12.2025`, on
/// any page (the detail of a line often prints it above the subscription).
fn coming_period<'a>(
    lines: impl IntoIterator<Item = &'a Line>,
    issue: Option<NaiveDate>,
) -> Option<Period> {
    lines
        .into_iter()
        .filter(|l| {
            let f = super::roles::strip_lead(&l.folded);
            // `Pour le mois à venir(…)`, `période du …`, or the subscriptions' heading with
            // its period (`Forfait du 01-04 au 30-04`, `Vos abonnements du 18-09 au 17-10`).
            let subscriptions_heading = headings::is_heading_like(&l.text)
                && headings::section_kind(&l.text) == headings::SectionKind::Subscriptions;
            l.folded.contains("a venir")
                || l.folded.contains("periode du")
                || subscriptions_heading
                || [
                    "forfait du",
                    "forfaits du",
                    "abonnement",
                    "vos abonnements",
                    "votre abonnement",
                    "votre forfait",
                ]
                .iter()
                .any(|k| f.starts_with(k))
        })
        .filter(|l| !about_usage(&l.folded))
        .find_map(|l| find_range(&l.text, issue))
        .map(|(start, end)| Period { start, end })
}

/// The period a subscription's label prints (`Free Haut Débit du 1er au 31 Juillet
/// 2015`), if one does.
pub(super) fn period_on_labels(
    lines: &[crate::core::bill::BillLine],
    reference: Option<NaiveDate>,
) -> Option<Period> {
    use crate::core::bill::Category;
    lines
        .iter()
        .filter(|l| l.category == Category::Subscription && l.amount > rust_decimal::Decimal::ZERO)
        .find_map(|l| find_range(&l.label, reference))
        .map(|(start, end)| Period { start, end })
}

/// The billing period read from the charges when the header does not print it: the
/// range on the subscription's label (`Free Haut Débit du 1er au 31 Juillet 2015`), or on
/// the heading of its section (`Abonnements, forfaits et options du 14-10 au 13-11`).
pub(super) fn period_from_lines(
    lines: &[crate::core::bill::BillLine],
    reference: Option<NaiveDate>,
) -> Option<Period> {
    use crate::core::bill::Category;
    let subscriptions = lines
        .iter()
        .filter(|l| l.category == Category::Subscription && l.amount > rust_decimal::Decimal::ZERO);
    subscriptions
        .clone()
        .find_map(|l| find_range(&l.label, reference))
        .or_else(|| {
            subscriptions
                .filter(|l| !about_usage(&fold(&l.section)))
                .find_map(|l| find_range(&l.section, reference))
        })
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
    "id.client",
    "id. client",
    "id client",
    "identifiant",
    "reference client",
    "ref. client",
    "ref client",
    "code client",
    "client n°",
];

fn customer_id(head: &[&Line]) -> Option<String> {
    keyed_values(head, CUSTOMER_KEYS).iter().find_map(|rest| {
        let mut tokens = rest.split_whitespace();
        let token = tokens.next()?;
        if !token.chars().any(|c| c.is_ascii_digit()) {
            return None;
        }
        // A number printed in groups (`031 552 8814`) is one number: a short group of
        // digits goes on with the groups after it. A long first token is the whole number
        // (what follows may be the next column's value: a line number, a date).
        let group = |t: &str| (2..=4).contains(&t.len()) && t.chars().all(|c| c.is_ascii_digit());
        if !group(token) {
            return Some(token.to_string());
        }
        let groups: Vec<&str> = std::iter::once(token)
            .chain(tokens.take_while(|t| group(t)))
            .collect();
        Some(groups.join(" "))
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
        for n in phone::find_all(&rest) {
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
            ("Facture n°562044387 du 02 Juillet 2015", Some("562044387")),
            (
                "Facture Freebox n°1328727379 du 02 Novembre 2024",
                Some("1328727379"),
            ),
            (
                "• Facture no 1964517813 du 14 octobre 2023",
                Some("1964517813"),
            ),
            ("Facture 0612345678", None),
            ("Facture n°0643665673 du 24 Juin 2023", Some("0643665673")),
            (
                "Facture SFR Box n°356930549784 du 27/02/2018",
                Some("356930549784"),
            ),
            ("Votre facture du 2 novembre 2019", None),
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

    /// Header rows as operators print them, from templates written against real bills
    /// (invoice2data, bookkeepers' parsers) and transcriptions of real bills; the values are
    /// made up in their formats.
    #[test]
    fn reads_headers_as_real_operators_print_them() {
        let read = |rows: &[&[&str]]| read_header(&lines_of(&[page(1, rows)]));
        // Sosh: the number and the date on one text line, a two-digit year.
        let h = read(&[
            &["sosh.fr"],
            &["N° de facture : 123456789", "date de facture : 15/01/25"],
            &["total du montant prélevé", "25,99 €"],
        ]);
        assert_eq!(h.invoice_number.as_deref(), Some("123456789"));
        assert_eq!(h.issue_date, Some(ymd(2025, 1, 15)));
        let h = read(&[&["N° de facture : 123456789 date de facture : 15/01/2025"]]);
        assert_eq!(h.invoice_number.as_deref(), Some("123456789"));
        assert_eq!(h.issue_date, Some(ymd(2025, 1, 15)));
        // Orange Pro: a date with dots.
        let h = read(&[&["votre facture du 02.08.2026", "21,66 € HT"]]);
        assert_eq!(h.issue_date, Some(ymd(2026, 8, 2)));
        // La Poste Mobile: the number under its label.
        let h = read(&[
            &["VOTRE FACTURE DU 08 MAI 2023"],
            &["Numéro de facture"],
            &["0198765432"],
        ]);
        assert_eq!(h.invoice_number.as_deref(), Some("0198765432"));
        assert_eq!(h.issue_date, Some(ymd(2023, 5, 8)));
        // SFR box: the customer reference beside it is not the bill's number.
        let h = read(&[
            &["N° de Facture : 1091712345"],
            &["Votre référence client : 1-4NJ1234"],
            &["Facture du 14/09/2015"],
        ]);
        assert_eq!(h.invoice_number.as_deref(), Some("1091712345"));
        assert_eq!(h.issue_date, Some(ymd(2015, 9, 14)));
        // Coriolis: the ordinal sign.
        let h = read(&[&["Facture nº 20261103"], &["Date facture", "03/11/2026"]]);
        assert_eq!(h.invoice_number.as_deref(), Some("20261103"));
        assert_eq!(h.issue_date, Some(ymd(2026, 11, 3)));
        // Bouygues 2025: no colon, the date in words, a reset date that is not the issue's.
        let h = read(&[
            &["Remise à Zéro : 22/06/2025"],
            &["N° de facture 11014954620725"],
            &["Bonjour, voici votre facture du 16 juillet 2025 :"],
        ]);
        assert_eq!(h.invoice_number.as_deref(), Some("11014954620725"));
        assert_eq!(h.issue_date, Some(ymd(2025, 7, 16)));
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

    /// Issue 32: « N° client : 031 » in a letter, where the bill prints 031 552 8814.
    #[test]
    fn a_customer_number_printed_in_groups_is_read_whole() {
        let cases = [
            ("N° client : 031 552 8814", "031 552 8814"),
            ("N° client : 031 552 8814 Date : 03/11/2026", "031 552 8814"),
            ("N° client : 7012345678 06 12 34 56 78", "7012345678"),
            ("Compte client 1.0234.5678", "1.0234.5678"),
            ("N° client : fbx58231947", "fbx58231947"),
        ];
        for (text, id) in cases {
            let p = page(1, &[&[text]]);
            let h = read_header(&lines_of(&[p]));
            assert_eq!(h.customer_id.as_deref(), Some(id), "{text}");
        }
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
    fn reads_header_wordings_of_real_bills() {
        type Case = (
            &'static [&'static str],
            Option<&'static str>,
            Option<(i32, u32, u32)>,
            Option<((i32, u32, u32), (i32, u32, u32))>,
        );
        // (rows, invoice number, issue date, period)
        let cases: &[Case] = &[
            (
                &[
                    "Facture n°562044387 du 02 Juillet 2015",
                    "Date limite de paiement le 05 Juillet 2015",
                ],
                Some("562044387"),
                Some((2015, 7, 2)),
                None,
            ),
            (
                &["N°: B2/20181213-68843-179632098", "Date : 13/12/2018"],
                Some("B2/20181213-68843-179632098"),
                Some((2018, 12, 13)),
                None,
            ),
            (
                &[
                    "n° de facture : 5251633503",
                    "date de facture : 17/11/25",
                    "période du 13.11.2025 au 12.12.2025",
                ],
                Some("5251633503"),
                Some((2025, 11, 17)),
                Some(((2025, 11, 13), (2025, 12, 12))),
            ),
            (
                &[
                    "Bonjour, voici votre facture du 2 novembre 2019 :",
                    "Vos communications (du 02/10 au 01/11)",
                    "Pour le mois à venir(du 02/11 au 01/12)",
                ],
                None,
                Some((2019, 11, 2)),
                Some(((2019, 11, 2), (2019, 12, 1))),
            ),
            (
                &[
                    "Facture du 13.12.2018",
                    "Pour la période à venir (du 13/12 au 12/01)",
                ],
                None,
                Some((2018, 12, 13)),
                Some(((2018, 12, 13), (2019, 1, 12))),
            ),
            (
                &["N° de ligne : 06 99 12 34 56", "N° client : 1.40660897"],
                None,
                None,
                None,
            ),
        ];
        for (rows, number, issue, period) in cases {
            let rows: Vec<&[&str]> = rows.iter().map(std::slice::from_ref).collect();
            let h = read_header(&lines_of(&[page(1, &rows)]));
            assert_eq!(h.invoice_number.as_deref(), *number, "{rows:?}");
            assert_eq!(
                h.issue_date,
                issue.map(|(y, m, d)| ymd(y, m, d)),
                "{rows:?}"
            );
            let want = period.map(|((y0, m0, d0), (y1, m1, d1))| Period {
                start: ymd(y0, m0, d0),
                end: ymd(y1, m1, d1),
            });
            assert_eq!(h.period, want, "{rows:?}");
        }
    }

    #[test]
    fn the_operator_is_who_issues_the_bill_not_a_plan_name() {
        let cases: &[(&[&str], Option<Operator>)] = &[
            (
                &[
                    "Forfait B&You 60Go  12,99",
                    "Espace Client sur bouyguestelecom.fr",
                    "BOUYGUES TELECOM - Société Anonyme - RCS Paris 397 480 930",
                ],
                Some(Operator::Bouygues),
            ),
            (
                &[
                    "Forfait Sosh 25,99€ 5G  25,99",
                    "votre espace client sur sosh.fr",
                    "Orange SA au capital de 10 640 226 396 € - RCS Nanterre 380 129 866",
                ],
                Some(Operator::Sosh),
            ),
            (
                &[
                    "Forfait Free 2€  2.00 (1.67)",
                    "Free Mobile - SAS au capital de 365 138 779 Euros - RCS PARIS 499 247 138",
                ],
                Some(Operator::FreeMobile),
            ),
            (
                &["Free SAS au capital de 3.441.812 Euros − B 421 938 861 RCS Paris"],
                Some(Operator::Free),
            ),
        ];
        for (rows, want) in cases {
            let rows: Vec<&[&str]> = rows.iter().map(std::slice::from_ref).collect();
            assert_eq!(operator(&lines_of(&[page(1, &rows)])), *want, "{rows:?}");
        }
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
            // No brand, no entity: what is billed says who bills it.
            (
                &["Facture", "Bbox Série spéciale Internet - TV   19.99"],
                Some(Operator::Bouygues),
            ),
            (
                &["Facture", "Forfait Livebox Fibre   42,99"],
                Some(Operator::Orange),
            ),
            // A brand named elsewhere comes first.
            (
                &[
                    "SFR",
                    "RCS Paris 343 059 564",
                    "Reprise de votre Livebox   0,00",
                ],
                Some(Operator::Sfr),
            ),
            (&["TELORA", "Telora Mobile est un opérateur fictif"], None),
        ];
        for (rows, want) in cases {
            let rows: Vec<&[&str]> = rows.iter().map(std::slice::from_ref).collect();
            let pages = [page(1, &rows)];
            assert_eq!(operator(&lines_of(&pages)), *want, "operator({rows:?})");
        }
    }
}
