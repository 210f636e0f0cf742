//! The amount columns of a table, and which of a row's amounts is the charge.
//!
//! Pure. A column-header row (`Tx TVA  € HT  € TTC *`), or two of them stacked (`Prix
//! unitaire/mois | Montant | % TVA | Montant` over `EUR TTC | EUR HT | | EUR TTC`), names
//! the columns under it; each of a row's amounts is put in the column it sits under, and
//! the charge is the amount of the column that holds what is paid: the total TTC, else a
//! unit price TTC, else the HT amount made TTC with the row's rate, else an amount column
//! named for nothing but the money. A bare number under a rate column (`20.00`) is a rate,
//! never a charge. Which column is right is also checked against the sums: the reading
//! tries the other columns (`Pick`) when the charges of the header's choice do not add up
//! to the amount due.

use std::borrow::Cow;

use rust_decimal::Decimal;

use super::text::fold;
use super::Line;
use crate::core::layout::TextCell;
use crate::core::money::{self, ratio, Amount as _, AmountToken};

/// What an amount column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// The amount including VAT (`€ TTC`, `Montant EUR TTC`, `Coût en € TTC (HT)`).
    Ttc,
    /// The amount excluding VAT.
    Ht,
    /// The VAT amount.
    Vat,
    /// The VAT rate (`%TVA`, `Tx TVA`): its numbers are rates, not money.
    Rate,
    /// A unit price including VAT.
    UnitTtc,
    /// A unit price excluding VAT.
    UnitHt,
    /// A unit price, tax not said.
    Unit,
    /// A count (`Qté`, `Nombre`).
    Quantity,
    /// Money, tax not said (`Montant`, `Coût`, `€`).
    Amount,
}

/// One amount column: where it is and what it holds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Column {
    pub x0: f32,
    pub x1: f32,
    pub kind: Kind,
}

/// The amount columns named by a header, left to right.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Table {
    pub columns: Vec<Column>,
}

/// Which column a reading takes its charges from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Pick {
    /// The column the header names as paid (the rightmost amount without a header).
    Header,
    /// Each row's rightmost amount that is not a rate or a count.
    Last,
    /// Each row's leftmost amount that is not a rate or a count.
    First,
}

impl Pick {
    /// Every pick, the header's first.
    pub const ALL: [Pick; 3] = [Pick::Header, Pick::Last, Pick::First];

    /// What the pick is, for the reading's notes.
    pub fn describe(self) -> &'static str {
        match self {
            Pick::Header => "the column its header names",
            Pick::Last => "the rightmost amount of each row",
            Pick::First => "the leftmost amount of each row",
        }
    }
}

/// Abbreviations written with dots (`EUR T.T.C.`, `H.T.`, `T.V.A.`, `P.U.`) as one word.
pub(super) fn undot(folded: &str) -> Cow<'_, str> {
    if !folded.contains('.') {
        return Cow::Borrowed(folded);
    }
    Cow::Owned(
        folded
            .replace("t.t.c", "ttc")
            .replace("h.t", "ht")
            .replace("t.v.a", "tva")
            .replace("p.u", "pu"),
    )
}

/// The words a column header is made of; a row with any other word is not a header.
const HEADER_WORDS: &[&str] = &[
    "ttc",
    "ht",
    "tva",
    "montant",
    "montants",
    "cout",
    "eur",
    "euros",
    "e",
    "en",
    "prix",
    "total",
    "taux",
    "tx",
    "qte",
    "quantite",
    "nombre",
    "nb",
    "unitaire",
    "unit",
    "pu",
    "mois",
    "periode",
    "libelle",
    "intitule",
    "designation",
    "detail",
    "description",
    "date",
    "heure",
    "numero",
    "service",
    "type",
    "duree",
    "volume",
    "destination",
    "n",
    "nature",
    "appele",
    "correspondant",
    "par",
    "de",
    "la",
    "du",
];

fn words(folded: &str) -> Vec<&str> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Whether a row reads as column names: short words only, one of them naming money or
/// tax, and no amount.
fn names_columns(line: &Line) -> bool {
    let folded = undot(&line.folded);
    // Most rows name no column: none of the words below is even in their text.
    if !["ttc", "ht", "montant", "cout", "prix", "tva", "€", "¤"]
        .iter()
        .any(|w| folded.contains(w))
    {
        return false;
    }
    let words = words(&folded);
    let names_money = words.iter().any(|w| {
        matches!(
            *w,
            "ttc" | "ht" | "montant" | "montants" | "cout" | "prix" | "tva"
        )
    }) || ((folded.contains('€') || folded.contains('¤')) && words.len() <= 4);
    names_money
        && words.len() <= 16
        && money::find_amounts(&line.text).is_empty()
        && words.iter().all(|w| HEADER_WORDS.contains(w))
}

/// What a column named `text` holds, if it holds amounts.
fn kind_of(text: &str) -> Option<Kind> {
    let folded = fold(text);
    let folded = undot(&folded);
    let w = words(&folded);
    let has = |k: &str| w.contains(&k);
    let (ttc, ht, tva) = (has("ttc"), has("ht"), has("tva"));
    let unit = has("unitaire") || has("pu") || has("unit") || (has("prix") && has("mois"));
    if ttc && ht {
        // `Coût en € TTC (HT)`: both in one cell, the HT in brackets after each amount.
        return Some(Kind::Ttc);
    }
    if folded.contains('%') || has("taux") || has("tx") {
        return Some(Kind::Rate);
    }
    if ttc {
        return Some(if unit { Kind::UnitTtc } else { Kind::Ttc });
    }
    if ht {
        return Some(if unit { Kind::UnitHt } else { Kind::Ht });
    }
    if tva {
        return Some(Kind::Vat);
    }
    if has("qte") || has("quantite") || has("nombre") || has("nb") {
        return Some(Kind::Quantity);
    }
    if unit {
        return Some(Kind::Unit);
    }
    let money_word = [
        "montant", "montants", "cout", "prix", "total", "eur", "euros",
    ]
    .iter()
    .any(|k| has(k))
        || folded.contains('€')
        || folded.contains('¤')
        || w.as_slice() == ["e"];
    money_word.then_some(Kind::Amount)
}

/// A header's cell whose two column names were printed so close that they read as one
/// (`¤ HTMontant EUR TTC`), as two cells: split where a capitalised word starts right after
/// capitals (`HT|Montant`), each part given its share of the cell's width, when both parts
/// name a column. Any other cell is left whole.
pub(super) fn unglued(cell: TextCell) -> impl Iterator<Item = TextCell> {
    // Every cell of every row comes through here: no allocation unless it is split.
    let text = &cell.text;
    let mut chars = text.char_indices().peekable();
    let mut cut = None;
    let mut count = 0;
    let mut prev_upper = false;
    while let Some((at, c)) = chars.next() {
        let next_lower = chars.peek().is_some_and(|(_, n)| n.is_lowercase());
        if cut.is_none()
            && prev_upper
            && c.is_uppercase()
            && next_lower
            && kind_of(&text[..at]).is_some()
            && kind_of(&text[at..]).is_some()
        {
            cut = Some((at, count));
        }
        prev_upper = c.is_uppercase();
        count += 1;
    }
    let (whole, rest) = match cut {
        None => (cell, None),
        Some((at, before)) => {
            let x = cell.x + (cell.x_end - cell.x) * before as f32 / count as f32;
            let left = TextCell {
                x: cell.x,
                x_end: x,
                text: text[..at].trim_end().to_string(),
            };
            let right = TextCell {
                x,
                x_end: cell.x_end,
                text: text[at..].to_string(),
            };
            (left, Some(right))
        }
    };
    std::iter::once(whole).chain(rest)
}

impl Table {
    /// The table a header row names, with the row under it when that row names the
    /// same columns further (`Montant` over `EUR HT`). `None` when `line` is not a
    /// header; the flag says whether `below` was used.
    pub fn from_header(line: &Line, below: Option<&Line>) -> Option<(Table, bool)> {
        if !names_columns(line) {
            return None;
        }
        let mut names: Vec<(f32, f32, String)> = line
            .cells
            .iter()
            .map(|c| (c.x, c.x_end, c.text.clone()))
            .collect();
        let stacked = below.filter(|b| {
            b.page == line.page
                && b.y > line.y
                && b.y - line.y <= 1.8 * line.size.max(b.size).max(4.0)
                && names_columns(b)
        });
        if let Some(b) = stacked {
            for c in &b.cells {
                // The name above it: the cell it overlaps most, or whose span holds its centre.
                let above = names
                    .iter_mut()
                    .filter(|(x0, x1, _)| c.x < *x1 + 2.0 && c.x_end > *x0 - 2.0)
                    .max_by(|a, b| {
                        let overlap =
                            |(x0, x1, _): &&mut (f32, f32, String)| c.x_end.min(*x1) - c.x.max(*x0);
                        overlap(a).total_cmp(&overlap(b))
                    });
                match above {
                    Some((x0, x1, text)) => {
                        text.push(' ');
                        text.push_str(&c.text);
                        *x0 = x0.min(c.x);
                        *x1 = x1.max(c.x_end);
                    }
                    None => names.push((c.x, c.x_end, c.text.clone())),
                }
            }
            names.sort_by(|a, b| a.0.total_cmp(&b.0));
        }
        let mut columns: Vec<Column> = names
            .iter()
            .filter_map(|(x0, x1, text)| {
                kind_of(text).map(|kind| Column {
                    x0: *x0,
                    x1: *x1,
                    kind,
                })
            })
            .collect();
        // `TVA | HT | coût`: beside an HT column, the column named for the money alone is
        // the one paid, VAT included.
        let has = |k: Kind| columns.iter().any(|c| c.kind == k);
        if !has(Kind::Ttc) && has(Kind::Ht) {
            if let Some(c) = columns.iter_mut().rev().find(|c| c.kind == Kind::Amount) {
                c.kind = Kind::Ttc;
            }
        }
        Some((Table { columns }, stacked.is_some()))
    }

    /// Whether the table names a column of amounts excluding VAT and none including it:
    /// its charges are HT.
    pub fn ht_only(&self) -> bool {
        let has = |k: Kind| self.columns.iter().any(|c| c.kind == k);
        has(Kind::Ht) && !has(Kind::Ttc) && !has(Kind::UnitTtc)
    }

    /// The column an amount centred at `x` sits under, if any.
    fn column_at(&self, x: f32) -> Option<&Column> {
        self.columns
            .iter()
            .map(|c| {
                let distance = if x < c.x0 {
                    c.x0 - x
                } else if x > c.x1 {
                    x - c.x1
                } else {
                    0.0
                };
                (distance, c)
            })
            .filter(|(d, c)| *d <= (0.5 * (c.x1 - c.x0)).max(12.0))
            .min_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, c)| c)
    }

    /// Each of a row's amounts with the kind of the column it sits under.
    pub fn place(&self, line: &Line, amounts: &[AmountToken]) -> Vec<(Option<Kind>, Decimal)> {
        amounts
            .iter()
            .map(|a| {
                let kind = line
                    .x_of(a.start, a.end)
                    .and_then(|x| self.column_at(x))
                    .map(|c| c.kind);
                (kind, a.value)
            })
            .collect()
    }
}

/// A row's amounts as the reading needs them: the charge by each pick, and the HT amount
/// when a column gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct RowAmounts {
    /// The charge under each [`Pick`], in the order of [`Pick::ALL`].
    pub by_pick: [Decimal; 3],
    /// The amount excluding VAT, when the row prints one under an HT column.
    pub ht: Option<Decimal>,
    /// The HT amount the header's charge was made from, when the row's own rate did not
    /// make it TTC (it prints none: the bill's only rate was used, or none): the row
    /// above may tell which rate it is.
    pub ht_unrated: Option<Decimal>,
}

impl RowAmounts {
    /// The charge under `pick`.
    pub fn get(&self, pick: Pick) -> Decimal {
        self.by_pick[Pick::ALL.iter().position(|p| *p == pick).unwrap_or(0)]
    }
}

/// A row's charge under each pick. `table` is the header in force, if any; `rates` the
/// VAT rate printed on the row, and the bill's when it prints only one; `ttc_only` reads
/// the row as a total (the amount due, a subtotal): never converted from HT.
pub(super) fn row_amounts(
    line: &Line,
    amounts: &[AmountToken],
    table: Option<&Table>,
    rates: (Option<Decimal>, Option<Decimal>),
    ttc_only: bool,
) -> RowAmounts {
    let (printed_rate, bill_rate) = rates;
    let last = amounts[amounts.len() - 1].value;
    let Some(table) = table.filter(|t| !t.columns.is_empty()) else {
        let first = amounts[0].value;
        return RowAmounts {
            by_pick: [last, last, first],
            ht: None,
            ht_unrated: None,
        };
    };
    let mut placed = table.place(line, amounts);
    // A column named `TVA` may print the rate (`20.00`) rather than the VAT: a figure
    // there that is more than a fifth of the row's HT amount, and a whole or half
    // percentage, is a rate.
    let ht_here = placed
        .iter()
        .find(|(k, _)| matches!(k, Some(Kind::Ht | Kind::UnitHt)))
        .map(|p| p.1);
    for (kind, v) in &mut placed {
        let rate_like =
            v.times(Decimal::TWO).fract().is_zero() && *v > Decimal::ZERO && *v < Decimal::from(30);
        let too_big =
            ht_here.is_some_and(|ht| v.times(Decimal::from(5)) > ht.abs().plus(Decimal::new(5, 2)));
        if *kind == Some(Kind::Vat) && rate_like && too_big {
            *kind = Some(Kind::Rate);
        }
    }
    let value = |k: Kind| {
        placed
            .iter()
            .find(|(kind, _)| *kind == Some(k))
            .map(|p| p.1)
    };
    // What is money: not a rate, not a count.
    let money_values: Vec<Decimal> = placed
        .iter()
        .filter(|(k, _)| !matches!(k, Some(Kind::Rate | Kind::Quantity)))
        .map(|p| p.1)
        .collect();
    let last_money = money_values.last().copied().unwrap_or(last);
    let first_money = money_values.first().copied().unwrap_or(last);
    // The row's own rate, in its rate column or its text; else the bill's only rate,
    // which the row does not confirm.
    let own_rate = value(Kind::Rate)
        .filter(|r| *r > Decimal::ZERO && *r < Decimal::ONE_HUNDRED)
        .or(printed_rate);
    let row_rate = own_rate.or(bill_rate);
    let to_ttc = |ht: Decimal| match row_rate {
        Some(rate) => ratio(
            ht.times(Decimal::ONE_HUNDRED.plus(rate)),
            Decimal::ONE_HUNDRED,
        )
        .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero),
        None => ht,
    };
    let quantity = value(Kind::Quantity).filter(|q| q.fract().is_zero() && *q > Decimal::ZERO);
    let unit_total = |unit: Decimal| quantity.map_or(unit, |q| unit.times(q));
    let only_ht =
        (value(Kind::Ht).is_some() || value(Kind::UnitHt).is_some()) && money_values.len() == 1;
    let mut ht_unrated = None;
    let header = if amounts.len() == 1 && !table.ht_only() && !only_ht {
        // One amount: it is the row's, whichever column it is under (a total row, a
        // heading carrying its section's total), unless it sits under the HT column.
        last
    } else if let Some(v) = value(Kind::Ttc) {
        v
    } else if ttc_only {
        last_money
    } else if let Some(v) = value(Kind::UnitTtc) {
        unit_total(v)
    } else if let (Some(ht), Some(vat)) = (value(Kind::Ht), value(Kind::Vat)) {
        // The row prints its HT and its VAT, not their sum.
        ht.plus(vat)
    } else if let Some(v) = value(Kind::Ht) {
        ht_unrated = own_rate.is_none().then_some(v);
        to_ttc(v)
    } else if let Some(v) = value(Kind::Amount) {
        v
    } else if let Some(v) = value(Kind::Unit) {
        unit_total(v)
    } else if let Some(v) = value(Kind::UnitHt) {
        ht_unrated = own_rate.is_none().then_some(unit_total(v));
        to_ttc(unit_total(v))
    } else if table.ht_only() {
        // Every amount of an HT-only table is HT, even one printed off its column.
        to_ttc(last_money)
    } else {
        last_money
    };
    RowAmounts {
        by_pick: [header, last_money, first_money],
        ht: value(Kind::Ht),
        ht_unrated,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::interpret::lines_of;
    use crate::core::layout::{TextCell, TextPage, TextRow};
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    /// Rows of `(x0, x1, text)` cells, 10 points apart.
    fn lines(rows: &[&[(f32, f32, &str)]]) -> Vec<Line> {
        let rows = rows
            .iter()
            .enumerate()
            .map(|(i, cells)| TextRow {
                y: 100.0 + 10.0 * i as f32,
                size: 8.0,
                cells: cells
                    .iter()
                    .map(|(x, x_end, t)| TextCell {
                        x: *x,
                        x_end: *x_end,
                        text: t.to_string(),
                    })
                    .collect(),
            })
            .collect();
        lines_of(&[TextPage {
            number: 1,
            width: 595.0,
            height: 842.0,
            rows,
            slanted: String::new(),
        }])
    }

    fn kinds(t: &Table) -> Vec<Kind> {
        t.columns.iter().map(|c| c.kind).collect()
    }

    #[test]
    fn a_cell_of_two_glued_column_names_is_split_at_their_share_of_its_width() {
        let cell = |x: f32, x_end: f32, text: &str| TextCell {
            x,
            x_end,
            text: text.into(),
        };
        let parts: Vec<TextCell> = unglued(cell(462.0, 547.0, "¤ HTMontant EUR TTC")).collect();
        let texts: Vec<&str> = parts.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["¤ HT", "Montant EUR TTC"]);
        // 4 of 19 characters: the HT amounts (455 to 479) sit under the first part.
        assert!((parts[0].x_end - 479.9).abs() < 0.1, "{parts:?}");
        assert_eq!(parts[1].x_end, 547.0);
        // Capitals glued to a word that names no column, or a brand, stay whole.
        for whole in ["SFRBox Fibre", "HTMarque", "Forfait TTC", "Montant EUR TTC"] {
            assert_eq!(unglued(cell(0.0, 10.0, whole)).count(), 1, "{whole}");
        }
    }

    #[test]
    fn names_the_columns_of_headers_in_every_shape() {
        use Kind::*;
        type Case<'a> = (&'a [(f32, f32, &'a str)], &'a [Kind]);
        let cases: &[Case] = &[
            (
                &[
                    (381.0, 412.0, "Tx TVA"),
                    (466.0, 485.0, "€ HT"),
                    (528.0, 559.0, "€ TTC *"),
                ],
                &[Rate, Ht, Ttc],
            ),
            (
                &[
                    (401.0, 427.0, "%TVA"),
                    (458.0, 478.0, "¤ HT"),
                    (505.0, 541.0, "¤ TTC(*)"),
                ],
                &[Rate, Ht, Ttc],
            ),
            (
                &[
                    (380.0, 420.0, "EUR T.T.C."),
                    (450.0, 490.0, "T.V.A."),
                    (520.0, 560.0, "EUR H.T."),
                ],
                &[Ttc, Vat, Ht],
            ),
            (&[(400.0, 520.0, "Coût en e TTC (HT)")], &[Ttc]),
            // Two names printed so close that they read as one cell.
            (
                &[
                    (360.0, 411.0, "Montant TVA"),
                    (462.0, 547.0, "¤ HTMontant EUR TTC"),
                ],
                &[Vat, Ht, Ttc],
            ),
            (
                &[
                    (40.0, 80.0, "Libellé"),
                    (380.0, 400.0, "TVA"),
                    (450.0, 470.0, "HT"),
                    (520.0, 550.0, "coût"),
                ],
                &[Vat, Ht, Ttc],
            ),
            (
                &[(40.0, 80.0, "Libellé"), (500.0, 550.0, "Montant HT")],
                &[Ht],
            ),
            (
                &[
                    (300.0, 330.0, "Qté"),
                    (380.0, 420.0, "P.U. HT"),
                    (500.0, 550.0, "Montant TTC"),
                ],
                &[Quantity, UnitHt, Ttc],
            ),
        ];
        for (cells, want) in cases {
            let lines = lines(&[cells]);
            let (table, stacked) = Table::from_header(&lines[0], None).unwrap();
            assert_eq!(kinds(&table), *want, "{cells:?}");
            assert!(!stacked);
        }
        for not_a_header in [
            &[(40.0, 200.0, "Vos abonnements, forfaits et options")][..],
            &[(40.0, 200.0, "Total TTC"), (500.0, 530.0, "12,99")][..],
            &[(40.0, 300.0, "Le montant TTC de votre facture est prélevé")][..],
        ] {
            assert!(Table::from_header(&lines(&[not_a_header])[0], None).is_none());
        }
    }

    /// Free's 2022 layout: the column names are printed over two rows.
    #[test]
    fn reads_a_header_printed_over_two_rows() {
        use Kind::*;
        let lines = lines(&[
            &[
                (355.0, 405.0, "Prix unitaire/mois"),
                (432.0, 455.0, "Montant"),
                (483.0, 502.0, "% TVA"),
                (532.0, 555.0, "Montant"),
            ],
            &[
                (379.0, 405.0, "EUR TTC"),
                (433.0, 455.0, "EUR HT"),
                (529.0, 555.0, "EUR TTC"),
            ],
            &[
                (40.0, 181.0, "Free Haut Debit du 1er au 30 Avril 2022"),
                (435.0, 455.0, "24.99"),
                (482.0, 502.0, "20.00"),
                (535.0, 555.0, "29.99"),
            ],
            &[
                (60.0, 118.0, "− FREEBOX TV"),
                (300.0, 318.0, "Pack"),
                (389.0, 405.0, "1.99"),
                (439.0, 455.0, "1.81"),
                (482.0, 502.0, "10.00"),
            ],
        ]);
        let (table, stacked) = Table::from_header(&lines[0], Some(&lines[1])).unwrap();
        assert!(stacked);
        assert_eq!(kinds(&table), [UnitTtc, Ht, Rate, Ttc]);
        let row = |i: usize| {
            let amounts = money::find_amounts(&lines[i].text);
            row_amounts(&lines[i], &amounts, Some(&table), (None, None), false)
        };
        // The TTC column; a rate column's number is not money.
        assert_eq!(row(2).get(Pick::Header), d("29.99"));
        assert_eq!(row(2).ht, Some(d("24.99")));
        assert_eq!(row(2).get(Pick::Last), d("29.99"));
        // No TTC on the row: its unit price TTC.
        assert_eq!(row(3).get(Pick::Header), d("1.99"));
        assert_eq!(row(3).get(Pick::Last), d("1.81"));
    }

    #[test]
    fn an_ht_amount_is_made_ttc_with_the_row_s_rate() {
        let lines = lines(&[
            &[
                (40.0, 80.0, "Libellé"),
                (440.0, 470.0, "% TVA"),
                (500.0, 550.0, "Montant HT"),
            ],
            &[
                (40.0, 120.0, "Option TV"),
                (450.0, 470.0, "10,00"),
                (520.0, 550.0, "6,00"),
            ],
            &[(40.0, 120.0, "Forfait"), (520.0, 550.0, "20,00")],
        ]);
        let (table, _) = Table::from_header(&lines[0], None).unwrap();
        assert!(table.ht_only());
        let row = |i: usize, rate| {
            let amounts = money::find_amounts(&lines[i].text);
            row_amounts(&lines[i], &amounts, Some(&table), (None, rate), false).get(Pick::Header)
        };
        assert_eq!(row(1, None), d("6.60"));
        assert_eq!(row(2, Some(d("20"))), d("24.00"));
        assert_eq!(row(2, None), d("20.00"));
    }

    /// A row that prints its HT and its VAT but no TTC (a sub-row under a heading that
    /// carries the TTC): the charge is their sum, whatever the rates.
    #[test]
    fn an_ht_and_its_vat_make_the_charge() {
        let lines = lines(&[
            &[
                (368.0, 411.0, "Montant TVA"),
                (464.0, 479.0, "¤ HT"),
                (520.0, 547.0, "Montant"),
            ],
            &[
                (88.0, 167.0, "- Pack TV sur mobile"),
                (272.0, 291.0, "Pack"),
                (394.0, 411.0, "0,36"),
                (463.0, 479.0, "3,63"),
            ],
        ]);
        let (table, _) = Table::from_header(&lines[0], None).unwrap();
        let amounts = money::find_amounts(&lines[1].text);
        let row = row_amounts(&lines[1], &amounts, Some(&table), (None, None), false);
        assert_eq!(row.get(Pick::Header), d("3.99"));
    }
}
