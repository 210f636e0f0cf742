//! Reading order: a part of a page printed in two columns is read one column after the
//! other.
//!
//! Pure. Rows are built by baseline across the whole page, so a page that prints prose or
//! a reminder of the offer on the left and the bill's table on the right gives rows that
//! hold two labels (`Solutions Sécurité … 0,00 · Forfait Sosh 25,99€ 5G 25,99`) and
//! sections that interleave. Such a part is found by a gutter: an x that no cell of its
//! rows crosses, with words on both sides, where the two sides go on independently — a
//! row that prints an amount on the left and then a label and an amount on the right, or
//! rows of words on each side alone (each column has lines the other has not). A row
//! whose right side is only amounts belongs to a table (a label and its amount, however
//! far apart) and ends the part, as does a row printed across the gutter. Within a part,
//! the left column's rows come first, then the right column's; elsewhere nothing moves.

use crate::core::layout::{TextCell, TextRow};
use crate::core::money;

/// Rows closer than this many points to the gutter's edge count as crossing it.
const MARGIN: f32 = 1.0;
/// The least blank space between the two columns, in points.
const GUTTER: f32 = 12.0;

/// Whether a cell holds words (a label or prose), not only amounts, tax words or codes.
fn has_words(cell: &TextCell) -> bool {
    cell.text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 3)
        .any(|w| {
            !matches!(
                w.to_lowercase().as_str(),
                "ttc" | "eur" | "euros" | "inclus" | "gratuit" | "offert"
            )
        })
}

/// Whether a cell is a bullet (`•`, `·`, `❑`, `-`): one or two marks, no letter or figure.
fn is_bullet(cell: &TextCell) -> bool {
    let t = cell.text.trim();
    !t.is_empty() && t.chars().count() <= 2 && !t.chars().any(char::is_alphanumeric)
}

/// Whether a cell is a value that stands for an amount (`inclus`, `offert`, `gratuit`).
fn is_value_word(cell: &TextCell) -> bool {
    matches!(
        cell.text.trim().to_lowercase().as_str(),
        "inclus" | "incluse" | "offert" | "offerte" | "gratuit" | "gratuite"
    )
}

/// Whether a cell ends a sentence (`au 31/08.`): words and a full stop, not a date or a
/// code in a table's first column.
fn ends_sentence(cell: &TextCell) -> bool {
    let t = cell.text.trim();
    t.ends_with('.') && !t.ends_with("..") && t.chars().any(char::is_alphabetic)
}

/// Whether a cell is a year alone (`2023`).
fn is_year(cell: &TextCell) -> bool {
    let t = cell.text.trim();
    t.len() == 4
        && t.bytes().all(|b| b.is_ascii_digit())
        && (t.starts_with("19") || t.starts_with("20"))
}

fn has_amount(cell: &TextCell) -> bool {
    !money::find_amounts(&cell.text).is_empty()
}

/// Whether a cell is part of a label: words, or the end of a wrapped label that has none
/// (a date that is not an amount, `28/09/2022`; a unit, `Go` under `Forfait 5G 200`);
/// a rate (`20 %`) is not.
fn labelish(cell: &TextCell) -> bool {
    if has_words(cell) {
        return true;
    }
    let t = cell.text.trim();
    let unit_first = t.split_whitespace().next().is_some_and(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "go" | "mo" | "ko" | "to" | "gio" | "mio"
        )
    });
    if unit_first {
        return true;
    }
    money::find_amounts(t).is_empty()
        && !t.contains('%')
        && t.chars().filter(char::is_ascii_digit).count() >= 4
        && t.contains(['/', '.', '-'])
}

/// Whether a row's text, alone on its side, is part of a table rather than a column of
/// its own: column names, or a total (`Total`, `Sous-total …`, the amount due, VAT).
fn table_row(cells: &[&TextCell]) -> bool {
    let text: String = cells
        .iter()
        .map(|c| c.text.as_str())
        .collect::<Vec<_>>()
        .join("  ");
    let line = super::Line::new(0, 0.0, 0.0, cells.iter().map(|c| (*c).clone()).collect());
    super::columns::Table::from_header(&line, None).is_some()
        || super::roles::role_of(&text) != super::roles::Role::Item
}

/// Where a row stands against a gutter at `g`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Side {
    /// Cells on the left only.
    Left { words: bool },
    /// Cells on the right only.
    Right { words: bool },
    /// Words on both sides; `amount_before` when the left side ends with an amount,
    /// `prose_before` when it is a sentence (six words or more) with no amount.
    Both {
        amount_before: bool,
        prose_before: bool,
    },
    /// Printed across the gutter, or a label with only amounts across it.
    Across,
}

fn side(row: &TextRow, g: f32) -> Side {
    let (mut left, mut right) = (Vec::new(), Vec::new());
    // A mark alone (a footnote's call `**` raised beside a table's title, a bullet) says
    // nothing of which column a row belongs to.
    for c in row.cells.iter().filter(|c| !is_bullet(c)) {
        if c.x_end <= g - MARGIN {
            left.push(c);
        } else if c.x >= g + MARGIN {
            right.push(c);
        } else {
            return Side::Across;
        }
    }
    let left_words = left.iter().any(|c| has_words(c));
    let right_words = right.iter().any(|c| has_words(c));
    // A short label (`TV 4K`) is still a label when amounts follow it on its side; so is
    // the year that ends a wrapped label (`… du 1er au 30 Avril` / `2023  19,99`) when the
    // left side ends on a value of its own (`… Norton  inclus`): a table's row never prints
    // a value, then a year, then an amount.
    let left_ends_on_value = left
        .last()
        .is_some_and(|c| has_amount(c) || is_value_word(c));
    let right_label = right.iter().any(|c| labelish(c))
        || right.iter().enumerate().any(|(k, c)| {
            let label_start = c.text.chars().any(char::is_alphabetic)
                || (left_ends_on_value && k == 0 && is_year(c));
            !has_amount(c) && label_start && right[k + 1..].iter().any(|a| has_amount(a))
        });
    // Column names over the right table (`TTC`, `€ HT`) beside prose on the left: the
    // row is the left column's, whatever prints above the table.
    let names_only = |cells: &[&TextCell]| {
        !cells.is_empty()
            && cells
                .iter()
                .all(|c| !labelish(c) && !has_amount(c) && c.text.chars().any(char::is_alphabetic))
    };
    if left_words && names_only(&right) {
        return Side::Left { words: true };
    }
    match (left.is_empty(), right.is_empty()) {
        (true, true) | (false, true) => Side::Left {
            words: left_words && !table_row(&left),
        },
        (true, false) => Side::Right {
            words: right_words && !table_row(&right),
        },
        // Column names over the left table (`€ TTC`) beside a title on the right count as
        // words on the left.
        (false, false)
            if right_label
                && (left_words
                    || left.iter().any(|c| has_amount(c))
                    || !left.iter().any(|c| labelish(c))
                    || left.last().is_some_and(|c| ends_sentence(c))) =>
        {
            Side::Both {
                amount_before: left.last().is_some_and(|c| has_amount(c)),
                prose_before: !left.iter().any(|c| has_amount(c))
                    && left
                        .iter()
                        .flat_map(|c| c.text.split_whitespace())
                        .filter(|w| w.chars().any(char::is_alphabetic))
                        .count()
                        >= 6,
            }
        }
        (false, false) => Side::Across,
    }
}

/// Whether rows (none across the gutter) are two columns side by side: rows with words
/// on both sides, one of which prints an amount and then a label beside it; or a row
/// with words on both sides and lines of words alone on one side then the other,
/// several times over (each column goes on with lines of its own: a table's headings and
/// totals do not).
fn two_columns(sides: &[Side]) -> bool {
    let pairs = sides
        .iter()
        .filter(|s| matches!(s, Side::Both { .. }))
        .count();
    let amount_then_label = sides.iter().any(|s| {
        matches!(
            s,
            Side::Both {
                amount_before: true,
                ..
            }
        )
    });
    let mut switches = 0;
    let mut last: Option<bool> = None;
    for s in sides {
        let left = match s {
            Side::Left { words: true } => true,
            Side::Right { words: true } => false,
            _ => continue,
        };
        if last.is_some_and(|l| l != left) {
            switches += 1;
        }
        last = Some(left);
    }
    // Sentences beside labels and amounts, row after row, are prose beside a table.
    let prose_pairs = sides
        .iter()
        .filter(|s| {
            matches!(
                s,
                Side::Both {
                    prose_before: true,
                    ..
                }
            )
        })
        .count();
    (pairs >= 2 && amount_then_label) || (pairs >= 1 && switches >= 3) || prose_pairs >= 3
}

/// The most gutters tried on one page: each costs a pass over its rows.
const MAX_CANDIDATES: usize = 12;

/// The gutters worth trying: just left of each word cell that starts after a wide gap
/// on a row with words or amounts before it; the most frequent (at most
/// [`MAX_CANDIDATES`], so that a page's work stays linear in its rows), leftmost first.
fn candidates(rows: &[TextRow]) -> Vec<f32> {
    let mut xs: Vec<f32> = Vec::new();
    for row in rows {
        for (k, cell) in row.cells.iter().enumerate().skip(1) {
            let before = &row.cells[k - 1];
            // A column's rows may start with a bullet (`•  Forfait Sosh 20 Go`): the
            // column starts at the bullet.
            let starts_label =
                has_words(cell) || (is_bullet(cell) && row.cells.get(k + 1).is_some_and(has_words));
            if cell.x - before.x_end >= GUTTER
                && starts_label
                && (has_words(before) || has_amount(before))
            {
                // Just left of the label, and just right of what comes before it: a
                // column's heading may start left of its lines.
                xs.push(cell.x - GUTTER / 2.0);
                xs.push(before.x_end + GUTTER / 2.0);
            }
        }
    }
    xs.sort_by(f32::total_cmp);
    // Left edges within 2 points are one gutter, counted as often as it is seen.
    let mut counted: Vec<(f32, usize)> = Vec::new();
    for x in xs {
        match counted.last_mut() {
            Some((first, n)) if x - *first < 2.0 => *n += 1,
            _ => counted.push((x, 1)),
        }
    }
    counted.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.total_cmp(&b.0)));
    counted.truncate(MAX_CANDIDATES);
    // Leftmost first: a column's rows may be indented (a heading at 312, its lines at
    // 326), and only the gutter left of all of them keeps them on one side.
    let mut xs: Vec<f32> = counted.into_iter().map(|(x, _)| x).collect();
    xs.sort_by(f32::total_cmp);
    xs
}

/// The rows of a page in reading order: each part printed in two columns read column by
/// column, cut at its gutter (a row's cells on each side become a row of their own).
pub(super) fn reading_order(rows: &[TextRow]) -> Vec<TextRow> {
    let parts = two_column_parts(rows);
    if parts.is_empty() {
        return rows.to_vec();
    }
    let mut out: Vec<TextRow> = Vec::with_capacity(rows.len() + 16);
    let mut i = 0;
    while i < rows.len() {
        let Some(&(start, end, g)) = parts.iter().find(|(start, _, _)| *start == i) else {
            out.push(rows[i].clone());
            i += 1;
            continue;
        };
        let (mut left, mut right) = (Vec::new(), Vec::new());
        for row in &rows[start..end] {
            let (l, r): (Vec<TextCell>, Vec<TextCell>) =
                row.cells.iter().cloned().partition(|c| c.x_end <= g);
            for (cells, column) in [(l, &mut left), (r, &mut right)] {
                if !cells.is_empty() {
                    column.push(TextRow {
                        y: row.y,
                        size: row.size,
                        cells,
                    });
                }
            }
        }
        out.extend(left);
        out.extend(right);
        i = end;
    }
    out
}

/// The parts of a page printed in two columns: `(first row, past the last row, gutter)`,
/// apart from each other. Each gutter worth trying cuts the page into runs of rows that
/// keep to their side of it; the runs that read as two columns are parts, the longest
/// first where two overlap (a gutter between a label and a column of kinds may hold for
/// a row or two inside a part that a gutter further left holds for all its rows).
fn two_column_parts(rows: &[TextRow]) -> Vec<(usize, usize, f32)> {
    let mut found: Vec<(usize, usize, f32)> = Vec::new();
    for g in candidates(rows) {
        let sides: Vec<Side> = rows.iter().map(|r| side(r, g)).collect();
        let mut start = 0;
        while start < rows.len() {
            let len = sides[start..]
                .iter()
                .take_while(|s| **s != Side::Across)
                .count();
            let end = start + len;
            if len > 0 && two_columns(&sides[start..end]) {
                found.push((start, end, g));
            }
            start = end + 1;
        }
    }
    found.sort_by(|a, b| (b.1 - b.0).cmp(&(a.1 - a.0)).then(a.2.total_cmp(&b.2)));
    let mut parts: Vec<(usize, usize, f32)> = Vec::new();
    for (start, end, g) in found {
        if !parts.iter().any(|(a, b, _)| start < *b && *a < end) {
            parts.push((start, end, g));
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rows of `(x0, x1, text)` cells, 12 points apart.
    fn rows(spec: &[&[(f32, f32, &str)]]) -> Vec<TextRow> {
        spec.iter()
            .enumerate()
            .map(|(i, cells)| TextRow {
                y: 100.0 + 12.0 * i as f32,
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
            .collect()
    }

    fn texts(rows: &[TextRow]) -> Vec<String> {
        rows.iter().map(TextRow::text).collect()
    }

    #[test]
    fn reads_a_reminder_of_the_offer_beside_the_bill_column_by_column() {
        let page = rows(&[
            &[
                (48.0, 151.0, "Rappel de votre offre"),
                (514.0, 547.0, "EUR TTC"),
            ],
            &[
                (48.0, 140.0, "Forfait Sosh 25,99€ 5G"),
                (261.0, 283.0, "25.99"),
                (312.0, 401.0, "Forfait et options"),
                (513.0, 545.0, "31.99e"),
            ],
            &[
                (48.0, 224.0, "Décodeur TV"),
                (266.0, 283.0, "0.00"),
                (326.0, 423.0, "Forfait Sosh 25,99€ 5G"),
                (518.0, 547.0, "25.99e"),
            ],
            &[
                (48.0, 114.0, "Option Multi-SIM"),
                (266.0, 283.0, "6.00"),
                (326.0, 396.0, "Option Multi-SIM"),
                (523.0, 546.0, "6.00e"),
            ],
            &[
                (312.0, 416.0, "Vos communications"),
                (519.0, 544.0, "0.00e"),
            ],
            &[(
                43.0,
                500.0,
                "Orange SA au capital de 10 640 226 396 € – RCS Nanterre 380 129 866",
            )],
        ]);
        assert_eq!(
            texts(&reading_order(&page)),
            [
                "Rappel de votre offre",
                "Forfait Sosh 25,99€ 5G  25.99",
                "Décodeur TV  0.00",
                "Option Multi-SIM  6.00",
                "EUR TTC",
                "Forfait et options  31.99e",
                "Forfait Sosh 25,99€ 5G  25.99e",
                "Option Multi-SIM  6.00e",
                "Vos communications  0.00e",
                "Orange SA au capital de 10 640 226 396 € – RCS Nanterre 380 129 866",
            ]
        );
    }

    #[test]
    fn reads_prose_beside_the_table_column_by_column() {
        let page = rows(&[
            &[
                (
                    45.0,
                    269.0,
                    "Vos abonnements sont facturés d'avance, du 1 juin",
                ),
                (312.0, 416.0, "abonnements et options"),
                (522.0, 547.0, "8,60 €"),
            ],
            &[(
                45.0,
                272.0,
                "Besoin d'aide ? Appelez le 3244 depuis votre ligne",
            )],
            &[
                (45.0, 174.0, "rendez-vous dans votre Espace Client."),
                (326.0, 362.0, "Forfait 2€"),
                (523.0, 547.0, "2,00 €"),
            ],
            &[
                (
                    45.0,
                    280.0,
                    "Hors forfait, l'Internet mobile au-delà de votre forfait est",
                ),
                (326.0, 406.0, "Option TV sur mobile"),
                (523.0, 547.0, "6,60 €"),
            ],
            &[(45.0, 119.0, "Mo et les SMS 0,10 €.")],
            &[(326.0, 438.0, "(01:34:09) dans le cadre de vos")],
            &[(45.0, 266.0, "En cas de retard de paiement, une indemnité")],
            &[(326.0, 406.0, "Appels illimités 24h/24")],
            &[(45.0, 108.0, "pourra être exigée.")],
        ]);
        let got = texts(&reading_order(&page));
        assert_eq!(
            got[4..7],
            [
                "Mo et les SMS 0,10 €.",
                "En cas de retard de paiement, une indemnité",
                "pourra être exigée."
            ]
        );
        assert_eq!(
            got[7..],
            [
                "abonnements et options  8,60 €",
                "Forfait 2€  2,00 €",
                "Option TV sur mobile  6,60 €",
                "(01:34:09) dans le cadre de vos",
                "Appels illimités 24h/24",
            ]
        );
    }

    /// A sentence's last words with a date (`au 31/08.`) beside a table's row are the end
    /// of the prose, not a table's date column: the part goes on, and the sentence is read
    /// whole before the table.
    #[test]
    fn a_sentence_ending_on_a_date_beside_the_table_is_read_in_its_column() {
        let page = rows(&[
            &[
                (
                    45.0,
                    265.0,
                    "Vos abonnements sont facturés d'avance, du 1 septembre",
                ),
                (312.0, 346.0, "Forfait"),
                (519.0, 547.0, "27,99"),
            ],
            &[
                (
                    45.0,
                    273.0,
                    "2024 au 30 septembre 2024 ; vos communications du 01/08",
                ),
                (312.0, 431.0, "Abonnements principaux"),
                (520.0, 547.0, "24,99"),
            ],
            &[
                (45.0, 81.0, "au 31/08."),
                (312.0, 315.0, "·"),
                (326.0, 409.0, "B&You Pure fibre"),
                (523.0, 547.0, "24,99"),
            ],
            &[
                (
                    45.0,
                    261.0,
                    "Besoin d'aide ? Appelez le 1023 depuis votre ligne (appel",
                ),
                (340.0, 461.0, "du 1er au 30 Septembre 2024"),
                (523.0, 547.0, "24,99"),
            ],
            &[
                (
                    45.0,
                    257.0,
                    "Hors forfait, l'Internet mobile au-delà de votre forfait est",
                ),
                (312.0, 423.0, "Vos options et services"),
                (526.0, 547.0, "3,00"),
            ],
            &[
                (45.0, 182.0, "facturé 0,05e / Mo et les SMS 0,10e."),
                (312.0, 315.0, "·"),
                (326.0, 446.0, "Répéteur Wi-Fi du 1er au 30"),
                (528.0, 547.0, "3,00"),
            ],
            &[(289.0, 355.0, "Total facture"), (513.0, 547.0, "27,99e")],
        ]);
        assert_eq!(
            texts(&reading_order(&page)),
            [
                "Vos abonnements sont facturés d'avance, du 1 septembre",
                "2024 au 30 septembre 2024 ; vos communications du 01/08",
                "au 31/08.",
                "Besoin d'aide ? Appelez le 1023 depuis votre ligne (appel",
                "Hors forfait, l'Internet mobile au-delà de votre forfait est",
                "facturé 0,05e / Mo et les SMS 0,10e.",
                "Forfait  27,99",
                "Abonnements principaux  24,99",
                "·  B&You Pure fibre  24,99",
                "du 1er au 30 Septembre 2024  24,99",
                "Vos options et services  3,00",
                "·  Répéteur Wi-Fi du 1er au 30  3,00",
                "Total facture  27,99e",
            ]
        );
    }

    /// A footnote's call raised beside the table (`**` alone on the right of a sentence)
    /// does not end the part: the sentence and the label wrapped around it are each read
    /// whole (r31415-009 read « … du 1er au 30 En cas de retard de paiement … Septembre »).
    #[test]
    fn a_footnote_call_beside_prose_does_not_cut_the_columns() {
        let page = rows(&[
            &[
                (
                    45.0,
                    279.0,
                    "Vos abonnements sont facturés d'avance, du 1 septembre 2024 au 30",
                ),
                (312.0, 417.0, "Prestations Bouygues"),
                (506.0, 547.0, "71,98 EUR"),
            ],
            &[
                (
                    45.0,
                    270.0,
                    "Hors forfait, l'Internet mobile au-delà de votre forfait est facturé 0,05",
                ),
                (312.0, 344.0, "options"),
            ],
            &[
                (45.0, 153.0, "EUR / Mo et les SMS 0,10 EUR."),
                (443.0, 448.0, "**"),
            ],
            &[
                (312.0, 315.0, "•"),
                (326.0, 442.0, "B&You Pure fibre du 1er au 30"),
            ],
            &[(
                45.0,
                278.0,
                "En cas de retard de paiement, une indemnité forfaitaire de 40,00 EUR",
            )],
            &[
                (45.0, 108.0, "pourra être exigée."),
                (326.0, 389.0, "Septembre 2024"),
                (506.0, 547.0, "45,00 EUR"),
            ],
            &[
                (312.0, 315.0, "•"),
                (326.0, 433.0, "Option TV Max du 1er au 30"),
            ],
            &[(326.0, 389.0, "Septembre 2024"), (510.0, 547.0, "9,99 EUR")],
        ]);
        let got = texts(&reading_order(&page));
        let at = |text: &str| got.iter().position(|t| t == text).unwrap();
        assert_eq!(
            at("•  B&You Pure fibre du 1er au 30") + 1,
            at("Septembre 2024  45,00 EUR"),
            "{got:?}"
        );
        assert_eq!(
            at("En cas de retard de paiement, une indemnité forfaitaire de 40,00 EUR") + 1,
            at("pourra être exigée."),
            "{got:?}"
        );
    }

    /// The year that ends a wrapped label (`… du 1er au 30 Avril` / `2023  19,99`) on the
    /// row of an included item of the offer beside it (`… Norton  inclus`) is the label's
    /// end: the row is cut at the gutter like the others, not read across it.
    #[test]
    fn a_label_ending_in_a_year_beside_an_included_item_is_read_in_its_column() {
        let page = rows(&[
            &[(48.0, 91.0, "Votre offre"), (528.0, 547.0, "€ TTC")],
            &[(312.0, 461.0, "Prestations Bouygues Telecom")],
            &[
                (340.0, 343.0, "•"),
                (354.0, 491.0, "Forfait 5G 200 Go du 1er au 30 Avril"),
            ],
            &[
                (48.0, 204.0, "Solutions Sécurité Smartphone avec Norton"),
                (263.0, 283.0, "inclus"),
                (354.0, 373.0, "2023"),
                (526.0, 547.0, "19,99"),
            ],
            &[
                (340.0, 343.0, "•"),
                (354.0, 484.0, "Option TV sur mobile du 1er au 30"),
            ],
            &[
                (48.0, 112.0, "Forfait 5G 200 Go"),
                (263.0, 283.0, "19,99"),
                (354.0, 392.0, "Avril 2023"),
                (531.0, 547.0, "6,60"),
            ],
            &[
                (48.0, 123.0, "Option TV sur mobile"),
                (268.0, 283.0, "6,60"),
                (443.0, 485.0, "Sous-total"),
                (526.0, 547.0, "26,59"),
            ],
        ]);
        assert_eq!(
            texts(&reading_order(&page)),
            [
                "Votre offre",
                "Solutions Sécurité Smartphone avec Norton  inclus",
                "Forfait 5G 200 Go  19,99",
                "Option TV sur mobile  6,60",
                "€ TTC",
                "Prestations Bouygues Telecom",
                "•  Forfait 5G 200 Go du 1er au 30 Avril",
                "2023  19,99",
                "•  Option TV sur mobile du 1er au 30",
                "Avril 2023  6,60",
                "Sous-total  26,59",
            ]
        );
    }

    /// The end of a wrapped label that is only a unit (`Forfait Orange 5G 200` / `Go`)
    /// beside prose is a label's end, not a table's amounts: the columns are read apart.
    #[test]
    fn a_label_ending_in_a_unit_beside_prose_is_read_in_its_column() {
        let page = rows(&[
            &[(311.8, 435.6, "abonnements et options")],
            &[(311.8, 471.5, "Pour le mois à venir(du 24/05 au 23/06)")],
            &[(326.0, 445.7, "Abonnements principaux")],
            &[(340.2, 435.4, "Forfait Orange 5G 200")],
            &[
                (
                    45.4,
                    279.8,
                    "Vos abonnements sont facturés d'avance, du 24/05 au 23/06 ;",
                ),
                (340.2, 351.9, "Go"),
                (474.6, 498.9, "41.66"),
                (522.8, 547.1, "49.99"),
            ],
            &[
                (45.4, 196.6, "vos communications du 24/04 au 23/05."),
                (326.0, 350.3, "Total"),
                (472.0, 498.9, "41.66"),
                (520.2, 547.1, "49.99"),
            ],
            &[(
                45.4,
                261.0,
                "Besoin d'aide ? Appelez le 1023 depuis votre ligne (appel",
            )],
            &[
                (
                    45.4,
                    231.8,
                    "gratuit) ou rendez-vous dans votre Espace Client.",
                ),
                (326.0, 363.2, "Options"),
            ],
            &[(
                45.4,
                257.3,
                "Hors forfait, l'Internet mobile au-delà de votre forfait est",
            )],
            &[
                (45.4, 186.6, "facturé 0.05 € / Mo et les SMS 0.10 €."),
                (340.2, 441.3, "Option Internet Maxi 20"),
            ],
            &[
                (
                    45.4,
                    298.2,
                    "En cas de retard de paiement, une indemnité forfaitaire de 40.00 €",
                ),
                (340.2, 351.9, "Go"),
                (480.0, 498.9, "4.17"),
                (528.2, 547.1, "5.00"),
            ],
            &[
                (45.4, 117.8, "pourra être exigée."),
                (326.0, 350.3, "Total"),
                (477.9, 498.9, "4.17"),
                (526.1, 547.1, "5.00"),
            ],
        ]);
        let got = texts(&reading_order(&page));
        let at = |t: &str| got.iter().position(|g| g == t);
        let (Some(plan), Some(end)) = (at("Forfait Orange 5G 200"), at("Go  41.66  49.99")) else {
            panic!("{got:?}");
        };
        assert_eq!(end, plan + 1, "{got:?}");
        let (Some(option), Some(end)) = (at("Option Internet Maxi 20"), at("Go  4.17  5.00"))
        else {
            panic!("{got:?}");
        };
        assert_eq!(end, option + 1, "{got:?}");
    }

    /// Sentences beside a bulleted table, row after row, one label short (`TV 4K`):
    /// prose beside a table, read apart.
    #[test]
    fn sentences_beside_labels_and_amounts_row_after_row_are_read_apart() {
        let page = rows(&[
            &[
                (
                    45.0,
                    300.0,
                    "Vos abonnements sont facturés d'avance, du 2 mars 2022 au",
                ),
                (340.0, 344.0, "•"),
                (354.0, 420.0, "Livebox Fibre"),
                (474.0, 498.0, "35,83"),
                (515.0, 547.0, "42,99 €"),
            ],
            &[
                (
                    45.0,
                    290.0,
                    "Besoin d'aide ? Appelez le 1023 depuis votre ligne (appel",
                ),
                (340.0, 344.0, "•"),
                (354.0, 420.0, "Assurance Box"),
            ],
            &[
                (
                    45.0,
                    260.0,
                    "gratuit) ou rendez-vous dans votre Espace Client.",
                ),
                (354.0, 400.0, "Sérénité"),
                (479.0, 498.0, "4,16"),
                (521.0, 547.0, "4,99 €"),
            ],
            &[
                (
                    45.0,
                    295.0,
                    "Hors forfait, l'Internet mobile au-delà de votre forfait est",
                ),
                (340.0, 344.0, "•"),
                (354.0, 430.0, "Location décodeur"),
            ],
            &[
                (45.0, 184.0, "facturé 0,05 € / Mo et les SMS 0,10 €."),
                (354.0, 379.0, "TV 4K"),
                (479.0, 498.0, "4,99"),
                (521.0, 547.0, "5,99 €"),
            ],
        ]);
        let got = texts(&reading_order(&page));
        assert_eq!(got[4], "facturé 0,05 € / Mo et les SMS 0,10 €.", "{got:?}");
        assert_eq!(
            got[5..],
            [
                "•  Livebox Fibre  35,83  42,99 €",
                "•  Assurance Box",
                "Sérénité  4,16  4,99 €",
                "•  Location décodeur",
                "TV 4K  4,99  5,99 €",
            ],
            "{got:?}"
        );
    }

    /// Tables stay as they are: a label and its amount far apart, a column of periods
    /// or of kinds between them, a header block beside an address.
    #[test]
    fn leaves_tables_and_headers_alone() {
        let cases: Vec<Vec<TextRow>> = vec![
            rows(&[
                &[
                    (54.0, 210.0, "Montant prélevé le 2 juin 2024"),
                    (491.0, 541.0, "60,79 €"),
                ],
                &[(48.0, 107.0, "Abonnements"), (449.0, 479.0, "56,59")],
                &[(74.0, 179.0, "Forfait 5G"), (449.0, 479.0, "49,99")],
            ]),
            rows(&[
                &[(48.0, 107.0, "Abonnements")],
                &[
                    (74.0, 179.0, "Option TV"),
                    (300.0, 360.0, "octobre 2026"),
                    (449.0, 479.0, "5,00"),
                ],
                &[
                    (74.0, 179.0, "Option Multi-SIM"),
                    (300.0, 360.0, "octobre 2026"),
                    (449.0, 479.0, "2,00"),
                ],
                &[
                    (74.0, 179.0, "Forfait"),
                    (300.0, 360.0, "novembre 2026"),
                    (449.0, 479.0, "20,00"),
                ],
                &[(48.0, 107.0, "Remises")],
                &[
                    (74.0, 179.0, "Remise fidélité"),
                    (300.0, 360.0, "octobre 2026"),
                    (449.0, 479.0, "-2,00"),
                ],
            ]),
            rows(&[
                &[
                    (43.0, 92.0, "N° de facture"),
                    (145.0, 272.0, ": B1/20240518"),
                    (326.0, 412.0, "M. Thomas Témoin"),
                ],
                &[
                    (43.0, 116.0, "N° de compte client"),
                    (145.0, 187.0, ": 34738711"),
                    (326.0, 409.0, "21 allée des Tilleuls"),
                ],
                &[
                    (43.0, 84.0, "N° de ligne"),
                    (145.0, 206.0, ": 06 20 80 40 76"),
                    (326.0, 396.0, "33000 Bordeaux"),
                ],
                &[(43.0, 258.0, "Bonjour, voici votre facture du 18 mai 2024 :")],
            ]),
        ];
        for page in cases {
            assert_eq!(reading_order(&page), page);
        }
    }
}
