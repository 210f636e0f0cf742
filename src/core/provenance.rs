//! Where a line of a bill comes from: the rows of its page as the reader saw them, which
//! row each charge was read from, the amount each row carries, and the rows the reader did
//! not keep (a missed charge, a subtotal, an explainer's example).
//!
//! Pure: the positioned pages (`core::layout`) and a bill in, a model of each page out,
//! which the app draws. Nothing here needs the PDF: the rows are what the reader kept of
//! it. A charge does not carry its row (the reader works on a tree of rows, not on the
//! page), so it is found again here by what it says and its amount, as a person would.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::bill::{Bill, BillLine};
use super::layout::{TextPage, TextRow};
use super::money::find_amounts;
use super::vocab::fold_words;

/// The amount a row carries, and the cell it is printed in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RowAmount {
    /// The amount, including VAT when the row prints both (the rightmost amount, not
    /// one in brackets: `12.99 (10.83)` is 12.99 TTC then 10.83 HT).
    pub value: Decimal,
    /// The index of the cell it is printed in (the amount column).
    pub cell: usize,
}

/// A row of a page, by its page number and its index among the page's rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct RowPos {
    /// 1-based page number.
    pub page: u32,
    /// Index in the page's rows.
    pub row: usize,
}

/// A row as a correction names it: by what it says and where, so that a later reading of
/// the same bill (rows cut into other cells, a few points off) still finds it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RowRef {
    /// 1-based page number.
    pub page: u32,
    /// Baseline from the top of the page, to a tenth of a point.
    pub y: f32,
    /// The row's text, cells joined by two spaces.
    pub text: String,
}

impl RowRef {
    /// The reference of a row of a page.
    pub fn of(page: u32, row: &TextRow) -> RowRef {
        RowRef {
            page,
            y: (row.y * 10.0).round() / 10.0,
            text: row.text(),
        }
    }

    /// Whether this names the same row as `other`: same page, same words, within a few
    /// points.
    pub fn same_row(&self, other: &RowRef) -> bool {
        self.page == other.page
            && (self.y - other.y).abs() <= NEAR
            && fold_words(&self.text) == fold_words(&other.text)
    }
}

/// How far (in points) a row may move between two readings and still be the same row.
const NEAR: f32 = 3.0;

/// Whether what follows an amount in its cell leaves it the cell's amount: nothing, a
/// currency or footnote mark, or the amount excluding VAT in brackets.
fn ends_cell(rest: &str) -> bool {
    rest.chars()
        .all(|c| c.is_ascii_digit() || " €*().,¹²³\u{a0}\u{202f}".contains(c))
}

/// The amount a row carries: the rightmost cell that ends with an amount, and in it the
/// last amount not in brackets. Rows of prose with an amount inside a sentence carry none.
pub fn row_amount(row: &TextRow) -> Option<RowAmount> {
    for (index, cell) in row.cells.iter().enumerate().rev() {
        let text = cell.text.as_str();
        let found = find_amounts(text);
        let chosen = found.iter().rev().find(|t| {
            let before = text[..t.start].trim_end();
            !before.ends_with('(') && ends_cell(&text[t.end..])
        });
        if let Some(token) = chosen {
            return Some(RowAmount {
                value: token.value,
                cell: index,
            });
        }
        // A cell of words ends the search: an amount further left is part of the label
        // ("Forfait Sosh 25,99€ 5G").
        if cell.text.chars().any(char::is_alphabetic) && !found.is_empty() {
            return None;
        }
    }
    None
}

/// The label a row prints before its amount: its cells left of the amount column, without
/// bullets, rates or other amounts.
pub fn row_label(row: &TextRow) -> String {
    let end = row_amount(row).map_or(row.cells.len(), |a| a.cell);
    let words: Vec<&str> = row.cells[..end]
        .iter()
        .map(|c| c.text.trim())
        .filter(|t| t.chars().any(char::is_alphabetic))
        .collect();
    let label = words.join(" ");
    if label.is_empty() {
        row.text()
    } else {
        label
    }
}

/// The words of a label that say what it is (three letters or more), folded.
fn words_of(text: &str) -> Vec<String> {
    fold_words(text)
        .split(' ')
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_string)
        .collect()
}

/// How many of `words` a row's text holds.
fn overlap(words: &[String], row: &TextRow) -> usize {
    let text = fold_words(&row.text());
    let have: Vec<&str> = text.split(' ').collect();
    words.iter().filter(|w| have.contains(&w.as_str())).count()
}

/// The row a charge was read from, among the rows of its page not taken yet: a row with
/// the same amount that holds most of its label's words (a label wrapped onto the row
/// above or below counts, less); the one row of that amount when the words tell nothing;
/// by the words alone when no row prints the amount.
fn locate_line(line: &BillLine, page: &TextPage, taken: &[usize]) -> Option<usize> {
    let words = words_of(&line.label);
    let free = |i: &usize| !taken.contains(i);
    let score = |i: usize| {
        let own = overlap(&words, &page.rows[i]) * 3;
        let above = i
            .checked_sub(1)
            .map_or(0, |j| overlap(&words, &page.rows[j]));
        let below = page.rows.get(i + 1).map_or(0, |r| overlap(&words, r));
        own + above.max(below)
    };
    let priced: Vec<usize> = (0..page.rows.len())
        .filter(free)
        .filter(|&i| row_amount(&page.rows[i]).is_some_and(|a| a.value.abs() == line.amount.abs()))
        .collect();
    let best = priced
        .iter()
        .copied()
        .max_by_key(|&i| (score(i), usize::MAX - i));
    match best {
        Some(i) if score(i) > 0 || priced.len() == 1 => Some(i),
        _ => {
            let needed = words.len().div_ceil(2).max(1);
            (0..page.rows.len())
                .filter(free)
                .filter(|&i| overlap(&words, &page.rows[i]) >= needed)
                .max_by_key(|&i| (overlap(&words, &page.rows[i]), usize::MAX - i))
        }
    }
}

/// Finds the row a reference names: the same words on its page, the nearest to where it
/// was; `None` when the page no longer prints it.
pub fn find_row(pages: &[TextPage], reference: &RowRef) -> Option<RowPos> {
    let page = pages.iter().find(|p| p.number == reference.page)?;
    let wanted = fold_words(&reference.text);
    page.rows
        .iter()
        .enumerate()
        .filter(|(_, r)| fold_words(&r.text()) == wanted)
        .min_by(|(_, a), (_, b)| {
            (a.y - reference.y)
                .abs()
                .total_cmp(&(b.y - reference.y).abs())
        })
        .map(|(row, _)| RowPos {
            page: reference.page,
            row,
        })
}

/// The row each charge of the bill was read from, when it can be found. `known` gives,
/// for a charge, the row it is already known to come from (a charge the person added
/// from a row), which is used as it is.
pub fn locate(bill: &Bill, pages: &[TextPage], known: &[Option<RowRef>]) -> Vec<Option<RowPos>> {
    let mut found = vec![None; bill.lines.len()];
    let mut taken: Vec<RowPos> = Vec::new();
    for (i, reference) in known.iter().enumerate() {
        if let Some(pos) = reference.as_ref().and_then(|r| find_row(pages, r)) {
            if i < found.len() {
                found[i] = Some(pos);
                taken.push(pos);
            }
        }
    }
    for (i, line) in bill.lines.iter().enumerate() {
        if found[i].is_some() {
            continue;
        }
        let Some(page) = pages.iter().find(|p| p.number == line.page) else {
            continue;
        };
        let on_page: Vec<usize> = taken
            .iter()
            .filter(|p| p.page == page.number)
            .map(|p| p.row)
            .collect();
        if let Some(row) = locate_line(line, page, &on_page) {
            let pos = RowPos {
                page: page.number,
                row,
            };
            found[i] = Some(pos);
            taken.push(pos);
        }
    }
    found
}

/// What a row of a page is, for the page view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowRole {
    /// A charge of the bill (its index among the bill's lines) was read from it.
    Charge(usize),
    /// It carries an amount, but the reader did not keep it as a charge (a subtotal, a
    /// total, VAT, an example, or a charge it missed).
    NotKept,
    /// Text without an amount.
    Text,
}

/// A row of a page with its role and its amount.
#[derive(Clone, Debug, PartialEq)]
pub struct PageRow {
    /// Its index in the page's rows.
    pub index: usize,
    /// What it is.
    pub role: RowRole,
    /// Its amount, when it carries one.
    pub amount: Option<RowAmount>,
}

/// The rows of one page with their roles, given where each charge was located.
pub fn page_rows(page: &TextPage, located: &[Option<RowPos>]) -> Vec<PageRow> {
    page.rows
        .iter()
        .enumerate()
        .map(|(index, row)| {
            let line = located.iter().position(|p| {
                *p == Some(RowPos {
                    page: page.number,
                    row: index,
                })
            });
            let amount = row_amount(row);
            let role = match (line, amount) {
                (Some(line), _) => RowRole::Charge(line),
                (None, Some(_)) => RowRole::NotKept,
                (None, None) => RowRole::Text,
            };
            PageRow {
                index,
                role,
                amount,
            }
        })
        .collect()
}

/// The section a charge picked from a row belongs to: that of the nearest charge read
/// above it on the same page, else the nearest row above without an amount that reads
/// like a heading; empty when there is none.
pub fn section_for(bill: &Bill, page: &TextPage, located: &[Option<RowPos>], row: usize) -> String {
    let above = located
        .iter()
        .enumerate()
        .filter_map(|(line, pos)| pos.map(|p| (line, p)))
        .filter(|(_, p)| p.page == page.number && p.row < row)
        .max_by_key(|(_, p)| p.row);
    if let Some((line, _)) = above {
        return bill.lines[line].section.clone();
    }
    page.rows[..row.min(page.rows.len())]
        .iter()
        .rev()
        .find(|r| row_amount(r).is_none() && super::vocab::headings::is_heading_like(&r.text()))
        .map(|r| r.text())
        .unwrap_or_default()
}

/// Rounds the positions of pages to a tenth of a point: what the page view needs, in
/// half the space when kept between visits. Always finite: a value too large to round
/// (`v * 10` past `f32::MAX` is infinite, which would be stored as `null`) or not finite
/// is 0.
pub fn rounded(pages: &[TextPage]) -> Vec<TextPage> {
    let r = |v: f32| {
        let t = (v * 10.0).round() / 10.0;
        if t.is_finite() {
            t
        } else {
            0.0
        }
    };
    pages
        .iter()
        .map(|p| TextPage {
            number: p.number,
            width: r(p.width),
            height: r(p.height),
            slanted: p.slanted.clone(),
            rows: p
                .rows
                .iter()
                .map(|row| TextRow {
                    y: r(row.y),
                    size: r(row.size),
                    cells: row
                        .cells
                        .iter()
                        .map(|c| super::layout::TextCell {
                            x: r(c.x),
                            x_end: r(c.x_end),
                            text: c.text.clone(),
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::core::bill::Category;
    use crate::core::layout::TextCell;

    /// A row of cells `(x, text)` at baseline `y`; each cell 5 points a character wide.
    pub(crate) fn row(y: f32, cells: &[(f32, &str)]) -> TextRow {
        TextRow {
            y,
            size: 9.0,
            cells: cells
                .iter()
                .map(|(x, t)| TextCell {
                    x: *x,
                    x_end: x + t.chars().count() as f32 * 5.0,
                    text: t.to_string(),
                })
                .collect(),
        }
    }

    pub(crate) fn page(number: u32, rows: Vec<TextRow>) -> TextPage {
        TextPage {
            slanted: String::new(),
            number,
            width: 595.0,
            height: 842.0,
            rows,
        }
    }

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    pub(crate) fn line(label: &str, amount: &str, page: u32) -> BillLine {
        BillLine {
            label: label.into(),
            amount: d(amount),
            section: "Vos abonnements".into(),
            category: Category::Subscription,
            page,
        }
    }

    /// Cells `(x, text)` of a row, and the amount and cell expected.
    type AmountCase<'a> = (&'a [(f32, &'a str)], Option<(&'a str, usize)>);

    #[test]
    fn a_row_carries_the_amount_of_its_amount_column() {
        let cases: [AmountCase; 9] = [
            (
                &[
                    (50.0, "Forfait B&You 60Go"),
                    (436.0, "20,00"),
                    (475.0, "10,83"),
                    (523.0, "12,99"),
                ],
                Some(("12.99", 3)),
            ),
            (
                &[(50.0, "Forfait Free"), (500.0, "19.99 (16.66)")],
                Some(("19.99", 1)),
            ),
            (
                &[(50.0, "Remise fidélité"), (500.0, "−5,00 €")],
                Some(("-5.00", 1)),
            ),
            (&[(50.0, "Total 12,99 €")], Some(("12.99", 0))),
            (
                &[(50.0, "Option Netflix"), (500.0, "13,49 € (1)")],
                Some(("13.49", 1)),
            ),
            // A price inside the plan's name is not the row's amount.
            (&[(50.0, "Forfait Sosh 25,99€ 5G")], None),
            // Nor an amount inside a sentence.
            (
                &[(
                    50.0,
                    "Le montant restant dû sera de 128,00€ soit 16 mensualités.",
                )],
                None,
            ),
            (&[(50.0, "N° de ligne"), (120.0, ": 06 99 12 34 56")], None),
            (&[(50.0, "Date de facture"), (120.0, ": 02/11/2019")], None),
        ];
        for (cells, expected) in cases {
            let r = row(100.0, cells);
            let got = row_amount(&r).map(|a| (a.value, a.cell));
            assert_eq!(got, expected.map(|(v, c)| (d(v), c)), "{:?}", r.text());
        }
        let r = row(
            10.0,
            &[
                (42.0, "·"),
                (50.0, "Forfait B&You 60Go"),
                (436.0, "20,00"),
                (523.0, "12,99"),
            ],
        );
        assert_eq!(row_label(&r), "Forfait B&You 60Go");
    }

    /// Page 3 of the B&You bill as the reader sees it (positions rounded): a summary row
    /// of the same amount as the plan above it, the plan's row, a zero-priced usage row.
    fn detail_page() -> TextPage {
        page(
            3,
            vec![
                row(
                    161.6,
                    &[
                        (36.0, "Vos services Bouygues Telecom"),
                        (475.0, "10,83"),
                        (518.0, "12,99"),
                    ],
                ),
                row(
                    182.2,
                    &[
                        (42.0, "Vos abonnements, forfaits et options"),
                        (518.0, "12,99"),
                    ],
                ),
                row(199.8, &[(42.0, "Pour le mois à venir(du 02/11 au 01/12)")]),
                row(
                    210.8,
                    &[
                        (42.0, "·"),
                        (50.0, "Forfait B&You 60Go"),
                        (436.0, "20,00"),
                        (475.0, "10,83"),
                        (523.0, "12,99"),
                    ],
                ),
                row(
                    231.2,
                    &[
                        (42.0, "Vos communications (du 02/10 au 01/11)"),
                        (524.0, "0,00"),
                    ],
                ),
                row(
                    352.4,
                    &[
                        (42.0, "·"),
                        (50.0, "(00:29:24) de Appels reçus en Zone Europe"),
                        (232.0, "du 01/08 au 01/11"),
                        (436.0, "20,00"),
                        (479.0, "0,00"),
                        (528.0, "0,00"),
                    ],
                ),
                row(
                    389.1,
                    &[(40.0, "Total pour cette ligne :"), (518.0, "12,99")],
                ),
            ],
        )
    }

    #[test]
    fn each_charge_is_found_on_its_row_not_on_a_subtotal_of_the_same_amount() {
        let pages = [detail_page()];
        let bill = Bill {
            lines: vec![
                line("Forfait B&You 60Go", "12.99", 3),
                line(
                    "(00:29:24) de Appels reçus en Zone Europe du 01/08 au 01/11",
                    "0.00",
                    3,
                ),
            ],
            ..Bill::default()
        };
        let found = locate(&bill, &pages, &[]);
        assert_eq!(
            found,
            vec![
                Some(RowPos { page: 3, row: 3 }),
                Some(RowPos { page: 3, row: 5 })
            ]
        );
        let roles: Vec<RowRole> = page_rows(&pages[0], &found)
            .iter()
            .map(|r| r.role)
            .collect();
        assert_eq!(
            roles,
            vec![
                RowRole::NotKept,
                RowRole::NotKept,
                RowRole::Text,
                RowRole::Charge(0),
                RowRole::NotKept,
                RowRole::Charge(1),
                RowRole::NotKept,
            ]
        );
        // The section of a charge picked below the plan is the plan's.
        assert_eq!(section_for(&bill, &pages[0], &found, 4), "Vos abonnements");
        // Above every charge, the nearest heading.
        assert_eq!(section_for(&Bill::default(), &pages[0], &[], 2), "");
    }

    #[test]
    fn two_identical_charges_take_two_rows_and_a_wrapped_label_is_found() {
        let pages = [page(
            2,
            vec![
                row(100.0, &[(50.0, "Appel 08 99 12 34 56"), (500.0, "2,99")]),
                row(112.0, &[(50.0, "Appel 08 99 12 34 56"), (500.0, "2,99")]),
                row(
                    124.0,
                    &[(50.0, "Location Freebox Player (loyer du"), (500.0, "5,99")],
                ),
                row(136.0, &[(50.0, "22-09-2023)")]),
                row(148.0, &[(50.0, "Total"), (500.0, "11,97")]),
            ],
        )];
        let bill = Bill {
            lines: vec![
                line("Appel 08 99 12 34 56", "2.99", 2),
                line("Appel 08 99 12 34 56", "2.99", 2),
                line("Location Freebox Player (loyer du 22-09-2023)", "5.99", 2),
                // Its amount printed nowhere on the page: found by its words.
                line("Total", "3.00", 2),
                // On a page not kept: nowhere.
                line("Option", "1.00", 9),
            ],
            ..Bill::default()
        };
        let found = locate(&bill, &pages, &[]);
        let rows: Vec<Option<usize>> = found.iter().map(|p| p.map(|p| p.row)).collect();
        assert_eq!(rows, vec![Some(0), Some(1), Some(2), Some(4), None]);
    }

    #[test]
    fn a_row_reference_finds_its_row_again_after_a_new_reading() {
        let pages = [detail_page()];
        let reference = RowRef::of(3, &pages[0].rows[4]);
        assert_eq!(
            find_row(&pages, &reference),
            Some(RowPos { page: 3, row: 4 })
        );
        // Cut into other cells, two points lower: the same row.
        let mut moved = detail_page();
        moved.rows[4] = row(
            233.0,
            &[
                (42.0, "Vos communications"),
                (200.0, "(du 02/10 au 01/11)"),
                (524.0, "0,00"),
            ],
        );
        assert_eq!(
            find_row(&[moved.clone()], &reference),
            Some(RowPos { page: 3, row: 4 })
        );
        assert!(reference.same_row(&RowRef::of(3, &moved.rows[4])));
        // Another wording, or another page: gone.
        moved.rows[4] = row(233.0, &[(42.0, "Vos consommations"), (524.0, "0,00")]);
        assert_eq!(find_row(&[moved], &reference), None);
        let elsewhere = RowRef {
            page: 2,
            ..reference.clone()
        };
        assert_eq!(find_row(&pages, &elsewhere), None);
        // A known row is used as it is.
        let bill = Bill {
            lines: vec![line("Vos communications", "0.00", 3)],
            ..Bill::default()
        };
        assert_eq!(
            locate(&bill, &pages, &[Some(reference)]),
            vec![Some(RowPos { page: 3, row: 4 })]
        );
    }
}
