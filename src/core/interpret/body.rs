//! The body of a bill: charges, totals, VAT and call-detail records, row by row.
//!
//! Pure. Walks the rows in reading order keeping what the page has said so far (the
//! section, the amount columns, whether a call-detail table is open), then checks the
//! reading against the printed total (see the parent module).

use rust_decimal::Decimal;

use crate::core::bill::{BillLine, Category, UsageRecord, VatLine};
use crate::core::money::{self, AmountToken};

use super::sections::{self, SectionKind};
use super::text::{self, fold, squash};
use super::usage;
use super::{Line, MAX_LINES, MAX_USAGE};

/// What the body of a bill gives: charges, totals, VAT and usage.
#[derive(Clone, Default)]
pub(super) struct Body {
    /// The charges.
    pub lines: Vec<BillLine>,
    /// The call-detail records.
    pub usage: Vec<UsageRecord>,
    /// The total due.
    pub total: Option<Decimal>,
    /// The total excluding VAT.
    pub total_ht: Option<Decimal>,
    /// VAT by rate.
    pub vat: Vec<VatLine>,
}

/// The x-ranges of the amount columns, from a header row like `%TVA  € HT  € TTC`.
#[derive(Clone, Copy, Debug, Default)]
struct Columns {
    ttc: Option<(f32, f32)>,
    ht: Option<(f32, f32)>,
}

/// Whether a page is an explainer: a cell that starts with `EXEMPLE` in capitals (a
/// watermark or a caption, not "par exemple" in a sentence), or a "comment lire votre
/// facture" title. Its amounts are fictitious.
fn is_example_page(lines: &[Line], page: u32) -> bool {
    lines.iter().filter(|l| l.page == page).any(|l| {
        l.folded
            .trim_start()
            .starts_with("comment lire votre facture")
            || l.cells.iter().any(|c| {
                c.text
                    .trim_start()
                    .split(|ch: char| !ch.is_alphanumeric())
                    .next()
                    .is_some_and(|w| w == "EXEMPLE")
            })
    })
}

/// A column-header row: names amount columns (`HT`, `TTC`, `Montant`), carries no amount.
fn column_header(line: &Line) -> Option<Columns> {
    let words: Vec<&str> = line
        .folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let names_column = words
        .iter()
        .any(|w| matches!(*w, "ttc" | "ht" | "montant" | "montants"));
    if !names_column || words.len() > 12 || !money::find_amounts(&line.text).is_empty() {
        return None;
    }
    let short = words.iter().all(|w| {
        matches!(
            *w,
            "ttc"
                | "ht"
                | "tva"
                | "montant"
                | "montants"
                | "eur"
                | "euros"
                | "en"
                | "prix"
                | "total"
                | "taux"
                | "qte"
                | "quantite"
                | "unitaire"
                | "periode"
                | "libelle"
                | "designation"
                | "detail"
                | "date"
                | "heure"
                | "numero"
                | "service"
                | "type"
                | "duree"
                | "volume"
                | "destination"
                | "n"
                | "nature"
                | "appele"
                | "correspondant"
        )
    });
    if !short {
        return None;
    }
    let ttc = line
        .cells
        .iter()
        .find(|c| {
            fold(&c.text)
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w == "ttc")
        })
        .map(|c| (c.x, c.x_end));
    let ht = line
        .cells
        .iter()
        .find(|c| {
            fold(&c.text)
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w == "ht")
        })
        .map(|c| (c.x, c.x_end));
    Some(Columns { ttc, ht })
}

pub(super) fn is_usage_header(line: &Line) -> bool {
    let words: Vec<&str> = line.folded.split(|c: char| !c.is_alphanumeric()).collect();
    // `Référence client | Date de facture | Numéro de facture` is a header block, not a
    // call-detail table.
    let about_the_bill = words.contains(&"facture") || words.contains(&"client");
    let usage_words = [
        "heure",
        "duree",
        "numero",
        "destination",
        "correspondant",
        "volume",
        "appele",
        "type",
    ]
    .iter()
    .filter(|w| words.contains(w))
    .count();
    words.contains(&"date") && !about_the_bill && usage_words >= 2
}

/// The label of a row and the amounts that end it (rates between them skipped).
fn split_trailing(line: &Line) -> (String, Vec<AmountToken>) {
    let text = &line.text;
    let amounts = money::find_amounts(text);
    let mut cut = text.len();
    let mut trailing = Vec::new();
    for a in amounts.iter().rev() {
        let gap = text[a.end..cut].trim_matches(|c: char| c.is_whitespace() || money::is_space(c));
        // Between or after amounts: nothing, a VAT rate, or a tax word (`45,99 € TTC`).
        let tax_word = matches!(
            fold(gap).as_str(),
            "ttc" | "ht" | "€" | "eur" | "euros" | "€ ttc" | "€ ht" | "eur ttc"
        );
        if gap.is_empty() || tax_word || money::parse_rate(gap).is_some() {
            cut = a.start;
            trailing.push(a.clone());
        } else {
            break;
        }
    }
    trailing.reverse();
    let mut label = text[..cut].trim_end().to_string();
    // A VAT rate column just before the amounts.
    loop {
        let trimmed = label.trim_end();
        let last_word_start = trimmed
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace() || money::is_space(*c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let (head, last) = trimmed.split_at(last_word_start);
        if last.ends_with('%') && money::parse_rate(last).is_some() {
            label = head.to_string();
        } else if last == "%" {
            // `20 %`: the number is one word before.
            let head = head.trim_end();
            let start = head.rfind(' ').map_or(0, |i| i + 1);
            if money::parse_rate(&format!("{}%", &head[start..])).is_some() {
                label = head[..start].to_string();
            } else {
                break;
            }
        } else {
            break;
        }
    }
    let mut label = squash(&label);
    // Dot leaders between a label and its amount (`Forfait ........ 29,99`).
    if label.ends_with("..") || label.ends_with('…') {
        label = label.trim_end_matches(['.', '…', ' ']).to_string();
    }
    let label = label
        .trim_end_matches([':', '-', '–'])
        .trim_end()
        .to_string();
    (label, trailing)
}

/// Whether a row without amounts opens a section: a heading's words, or a short title
/// (not a sentence) right before a column header.
fn opens_section(lines: &[Line], i: usize, opened_at: Option<usize>) -> bool {
    let line = &lines[i];
    let text = squash(&line.text);
    if text.ends_with('.') || text.chars().count() > 80 {
        return false;
    }
    if sections::is_heading_like(&text) {
        return true;
    }
    // A heading just above already named the section: this is a note under it.
    let just_opened = opened_at.is_some_and(|o| i - o <= 2 && lines[o].page == line.page);
    let title_like = !just_opened
        && !text.contains(':')
        && text.chars().next().is_some_and(|c| c.is_uppercase());
    title_like
        && lines[i + 1..].iter().take(1).any(|next| {
            next.page == line.page && column_header(next).is_some() && !is_usage_header(next)
        })
}

enum Total {
    Grand,
    Ht,
    Sub,
    Vat,
}

fn total_kind(label: &str) -> Option<Total> {
    let f = fold(label);
    let f = f.trim();
    if f.starts_with("sous-total") || f.starts_with("sous total") || f == "total" {
        return Some(Total::Sub);
    }
    if f.starts_with("total ht") || f.starts_with("montant ht") || f.starts_with("total hors tax") {
        return Some(Total::Ht);
    }
    if f.starts_with("tva")
        || f.starts_with("dont tva")
        || f.starts_with("montant tva")
        || f.starts_with("total tva")
    {
        return Some(Total::Vat);
    }
    if let Some(rest) = f.strip_prefix("total") {
        // `Total ligne 06 12 34 56 78`: one line's subtotal on a bill of several.
        if rest.trim_start().starts_with("ligne") || !text::find_phone_numbers(rest).is_empty() {
            return Some(Total::Sub);
        }
        return Some(if sections::is_heading_like(rest) {
            Total::Sub
        } else {
            Total::Grand
        });
    }
    if [
        "net a payer",
        "montant a payer",
        "montant total",
        "reste a payer",
        "somme a payer",
        "total a payer",
        "montant du",
        "a regler",
        "total general",
        "montant de votre facture",
        "montant de la facture",
    ]
    .iter()
    .any(|k| f.contains(k))
    {
        return Some(Total::Grand);
    }
    None
}

/// How strict the body reading is about where a charge may be.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// A charge must be under a section heading (the usual frame).
    InSections,
    /// Any row ending with an amount may be a charge: for layouts without recognisable
    /// headings.
    Anywhere,
}

/// Labels of rows that carry an amount but are about payments, not charges.
const NOT_CHARGES: &[&str] = &[
    "solde",
    "report",
    "paiement recu",
    "votre paiement",
    "reglement",
    "deja regle",
    "montant deja",
    "montant preleve",
    "prelevement effectue",
    "prochain",
    "prelevement",
    "votre precedente facture",
    "facture precedente",
    "ancien solde",
    "echeancier",
];

fn read_body(lines: &[Line], reference: Option<chrono::NaiveDate>, mode: Mode) -> Body {
    let mut body = Body::default();
    let mut totals: Vec<Decimal> = Vec::new();
    let mut section: Option<(String, SectionKind)> = None;
    let mut opened_at: Option<usize> = None;
    let mut within_plan: Option<bool> = None;
    let mut columns = Columns::default();
    let mut in_usage = false;
    let mut example_pages = Vec::new();
    let mut last_page = 0;
    let bill_rate = single_vat_rate(lines);
    let mut last_charge_at: Option<usize> = None;
    let mut usage_table: Option<usage::UsageColumns> = None;
    let mut loose_text_at: Option<(usize, String)> = None;
    for (i, line) in lines.iter().enumerate() {
        if line.page != last_page {
            last_page = line.page;
            if is_example_page(lines, line.page) {
                example_pages.push(line.page);
            }
        }
        if example_pages.contains(&line.page) {
            continue;
        }
        let table = usage_table.filter(|_| in_usage);
        if let Some(record) = usage::record(line, reference, table.as_ref()) {
            if body.usage.len() < MAX_USAGE {
                body.usage.push(record);
            }
            continue;
        }
        if is_usage_header(line) {
            in_usage = true;
            usage_table = Some(usage::usage_columns(line));
            continue;
        }
        if let Some(c) = column_header(line) {
            columns = c;
            continue;
        }
        let (label, amounts) = split_trailing(line);
        if amounts.is_empty() {
            if let Some(within) = usage_subheading_in(line, section.as_ref()) {
                within_plan = Some(within);
            } else if opens_section(lines, i, opened_at) {
                let name = squash(&line.text);
                section = Some((name.clone(), sections::section_kind(&name)));
                opened_at = Some(i);
                within_plan = None;
                columns = Columns::default();
                in_usage = false;
            } else if let Some(t) = continuation(line) {
                // A label wrapped onto a second row, after its amount's row or before it.
                match body.lines.last_mut() {
                    Some(last)
                        if last_charge_at == Some(i.wrapping_sub(1)) && last.page == line.page =>
                    {
                        last.label = format!("{} {t}", last.label);
                    }
                    _ => {}
                }
            } else {
                loose_text_at = Some((i, squash(&line.text)));
            }
            continue;
        }
        if label.is_empty() {
            // A row of a VAT table (`20,00 %  38,20  7,64`): kept only when it adds up.
            let rates = money::find_rates(&line.text);
            if let Some(vat) = rates.first().and_then(|r| vat_line(*r, &amounts, true)) {
                if !body.vat.contains(&vat) {
                    body.vat.push(vat);
                }
            }
            continue;
        }
        let last = amounts[amounts.len() - 1].value;
        match total_kind(&label) {
            Some(Total::Sub) => continue,
            Some(Total::Ht) => {
                body.total_ht.get_or_insert(last);
                continue;
            }
            Some(Total::Grand) => {
                totals.push(last);
                continue;
            }
            Some(Total::Vat) => {
                // The rate may sit in its own column, after the label (`dont TVA  20 %  4,50`).
                let rate = money::find_rates(&line.text).first().copied();
                if let Some(vat) = rate.and_then(|r| vat_line(r, &amounts, false)) {
                    if !body.vat.contains(&vat) {
                        body.vat.push(vat);
                    }
                }
                continue;
            }
            None => {}
        }
        // A row naming a section with an amount repeats the detail (a summary table or a
        // subtotal printed on the heading); what follows it is that section. A lone
        // `Forfait` inside a section is still a charge, `Remises` is not.
        let plural_or_phrase = label.split_whitespace().count() >= 2 || fold(&label).ends_with('s');
        if sections::is_heading_like(&label) && (section.is_none() || plural_or_phrase) {
            section = Some((label.clone(), sections::section_kind(&label)));
            opened_at = Some(i);
            within_plan = None;
            in_usage = false;
            continue;
        }
        let folded_label = fold(&label);
        if in_usage
            || NOT_CHARGES.iter().any(|k| folded_label.starts_with(k))
            || folded_label.contains("au capital de")
        {
            continue;
        }
        let (name, kind) = match (&section, mode) {
            (Some((name, kind)), _) => (name.clone(), Some(*kind)),
            (None, Mode::Anywhere) => (String::new(), None),
            (None, Mode::InSections) => continue,
        };
        if body.lines.len() > MAX_LINES {
            // Enough to know the bill is over the cap; hostile files get no further.
            continue;
        }
        let label = match &loose_text_at {
            Some((at, before))
                if *at + 1 == i
                    && starts_lowercase(&label)
                    && lines[*at].page == line.page
                    && !before.ends_with(['.', ':']) =>
            {
                format!("{before} {label}")
            }
            _ => label,
        };
        let mut amount = pick_amount(line, &amounts, columns, bill_rate);
        let category = sections::categorize(kind, within_plan, &label, amount.is_sign_negative());
        if category == Category::Discount && amount.is_sign_positive() {
            // A discount printed without its sign under `Remises` still lowers the bill.
            amount.set_sign_negative(!amount.is_zero());
        }
        body.lines.push(BillLine {
            category,
            label,
            amount,
            section: name,
            page: line.page,
        });
        last_charge_at = Some(i);
    }
    // Several totals (a summary and the detail, or a total before a previous balance):
    // the one the charges add up to, else the first.
    let computed: Decimal = body.lines.iter().map(|l| l.amount).sum();
    body.total = totals
        .iter()
        .find(|t| **t == computed)
        .or(totals.first())
        .copied();
    body
}

/// Reads the body, then checks the reading against the printed total: a bill whose
/// charges do not add up is read again more loosely, or without the rows that repeat
/// later ones (a summary of the detail), and the reading that adds up wins.
pub(super) fn read_body_checked(lines: &[Line], reference: Option<chrono::NaiveDate>) -> Body {
    let strict = read_body(lines, reference, Mode::InSections);
    let adds_up = |b: &Body| {
        b.total
            .is_some_and(|t| t == b.lines.iter().map(|l| l.amount).sum::<Decimal>())
    };
    if adds_up(&strict) {
        return strict;
    }
    let without_repeats = drop_repeated(&strict);
    if adds_up(&without_repeats) {
        return without_repeats;
    }
    let loose = read_body(lines, reference, Mode::Anywhere);
    if adds_up(&loose) || (strict.lines.is_empty() && !loose.lines.is_empty()) {
        return loose;
    }
    let loose_without_repeats = drop_repeated(&loose);
    if adds_up(&loose_without_repeats) {
        return loose_without_repeats;
    }
    strict
}

/// The body without the charges that a later one on another page or in another section
/// repeats exactly (same label and amount).
fn drop_repeated(body: &Body) -> Body {
    let lines = &body.lines;
    if lines.len() > MAX_LINES {
        return body.clone();
    }
    let kept: Vec<BillLine> = lines
        .iter()
        .enumerate()
        .filter(|(i, l)| {
            !lines[i + 1..].iter().any(|m| {
                m.label == l.label
                    && m.amount == l.amount
                    && (m.page != l.page || m.section != l.section)
            })
        })
        .map(|(_, l)| l.clone())
        .collect();
    Body {
        lines: kept,
        usage: body.usage.clone(),
        total: body.total,
        total_ht: body.total_ht,
        vat: body.vat.clone(),
    }
}

fn usage_subheading_in(line: &Line, section: Option<&(String, SectionKind)>) -> Option<bool> {
    section?;
    sections::usage_subheading(&line.text)
}

/// The charge among a row's amounts: the one under the TTC column when its header was
/// seen, else the rightmost. Under an HT-only header the amount is HT and is made TTC
/// with the row's VAT rate, or the bill's when it has only one.
fn pick_amount(
    line: &Line,
    amounts: &[AmountToken],
    columns: Columns,
    bill_rate: Option<Decimal>,
) -> Decimal {
    let last = amounts[amounts.len() - 1].value;
    let nearest = |(x0, x1): (f32, f32)| {
        let centre = (x0 + x1) / 2.0;
        amounts
            .iter()
            .filter_map(|a| {
                line.x_of(a.start, a.end)
                    .map(|x| ((x - centre).abs(), a.value))
            })
            .min_by(|a, b| a.0.total_cmp(&b.0))
            .map_or(last, |(_, v)| v)
    };
    match (columns.ttc, columns.ht) {
        (Some(ttc), _) if amounts.len() > 1 => nearest(ttc),
        (None, Some(ht)) => {
            let ht_amount = if amounts.len() > 1 { nearest(ht) } else { last };
            match money::find_rates(&line.text).first().copied().or(bill_rate) {
                Some(rate) => (ht_amount * (Decimal::ONE_HUNDRED + rate) / Decimal::ONE_HUNDRED)
                    .round_dp_with_strategy(
                        2,
                        rust_decimal::RoundingStrategy::MidpointAwayFromZero,
                    ),
                None => ht_amount,
            }
        }
        _ => last,
    }
}

fn starts_lowercase(text: &str) -> bool {
    text.chars().next().is_some_and(|c| c.is_lowercase())
}

/// The text of a row that continues the label above it: it starts in lower case, is
/// short and is not a sentence.
fn continuation(line: &Line) -> Option<String> {
    let t = squash(&line.text);
    (starts_lowercase(&t) && t.chars().count() <= 60 && !t.ends_with('.') && !t.contains(':'))
        .then_some(t)
}

/// A VAT line from a rate and a row's amounts: the (base, VAT) pair that agrees with the
/// rate to the cent when there is one (`38,20  7,64`, or `38,20  7,64  45,84`), else the
/// last amount with the one before it as base — unless `strict`, for rows with no label.
fn vat_line(rate: Decimal, amounts: &[AmountToken], strict: bool) -> Option<VatLine> {
    let cent = Decimal::new(2, 2);
    let agrees =
        |base: Decimal, vat: Decimal| (base * rate / Decimal::ONE_HUNDRED - vat).abs() <= cent;
    for pair in amounts.windows(2) {
        if agrees(pair[0].value, pair[1].value) && !pair[1].value.is_zero() {
            return Some(VatLine {
                rate,
                base: Some(pair[0].value),
                amount: pair[1].value,
            });
        }
    }
    if strict {
        return None;
    }
    let last = amounts.last()?.value;
    Some(VatLine {
        rate,
        base: (amounts.len() >= 2).then(|| amounts[amounts.len() - 2].value),
        amount: last,
    })
}

/// The VAT rate of a bill that prints only one.
fn single_vat_rate(lines: &[Line]) -> Option<Decimal> {
    let mut rates: Vec<Decimal> = lines
        .iter()
        .filter(|l| matches!(total_kind(&split_trailing(l).0), Some(Total::Vat)))
        .filter_map(|l| money::find_rates(&l.text).first().copied())
        .collect();
    rates.dedup();
    match rates.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}
