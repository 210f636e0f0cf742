//! The likeliest fix for a reading that does not add up: one correction that makes the
//! charges add up to the amount due, offered to the person in one click.
//!
//! Pure: a corrected bill and its pages in, a fix out. The reader never applies such a
//! fix itself (a reading it is not sure of is left to the person); it looks for the one
//! correction a person would make first — a line that is not a charge (a subtotal, a row
//! of a summary), a line read without its VAT, a sign read the wrong way, a row left out —
//! and offers it only when it is the only one that adds up: two that would both do leave
//! the choice to the person, in the page view.

use crate::core::money::Amount as _;
use rust_decimal::Decimal;

use super::bill::{Bill, Category};
use super::corrections::{page_model, Applied, Change, LineRef, RowState};
use super::interpret::reads_as_charge;
use super::lang::Lang;
use super::layout::TextPage;
use super::money::{format_amount, french_vat_rates, ratio};
use super::provenance::{row_label, RowRef};

/// What the fix does, said to the person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FixKind {
    /// A line read as a charge is not one.
    NotACharge {
        /// Its label.
        label: String,
        /// Its amount.
        amount: Decimal,
    },
    /// A line's amount was read without its VAT.
    WithVat {
        /// Its label.
        label: String,
        /// The amount read.
        from: Decimal,
        /// The amount with VAT.
        to: Decimal,
        /// The rate, in percent.
        rate: Decimal,
    },
    /// Every line was read without its VAT: the amounts with VAT add up.
    AllWithVat {
        /// The rate, in percent.
        rate: Decimal,
    },
    /// A line's sign was read the wrong way.
    Sign {
        /// Its label.
        label: String,
        /// Its amount as it should be.
        to: Decimal,
    },
    /// A row with an amount that was not kept is a charge.
    AddRow {
        /// The row's label.
        label: String,
        /// Its amount.
        amount: Decimal,
    },
}

/// A fix: what it does, the corrections that make it, and the page it is about.
#[derive(Clone, Debug, PartialEq)]
pub struct Fix {
    /// What it does.
    pub kind: FixKind,
    /// The corrections to add, in order.
    pub changes: Vec<Change>,
    /// The 1-based page of the row or line it is about.
    pub page: u32,
}

impl Fix {
    /// The fix in a sentence: what changes, and that the lines then add up.
    pub fn describe(&self, lang: Lang) -> String {
        let eur = |a: Decimal| format_amount(a, lang);
        let rate = |r: Decimal| r.normalize().to_string().replace('.', lang.pick(",", "."));
        match (&self.kind, lang) {
            (FixKind::NotACharge { label, amount }, Lang::Fr) => format!(
                "Si « {label} » ({}) n'est pas un montant facturé (un sous-total, une ligne \
                 de récapitulatif), les lignes font exactement le montant à payer.",
                eur(*amount)
            ),
            (FixKind::NotACharge { label, amount }, Lang::En) => format!(
                "If \"{label}\" ({}) is not a charge (a subtotal, a summary row), the lines \
                 add up to the amount due exactly.",
                eur(*amount)
            ),
            (
                FixKind::WithVat {
                    label,
                    from,
                    to,
                    rate: r,
                },
                Lang::Fr,
            ) => format!(
                "« {label} » a été lu hors taxes ({}) : avec la TVA à {} %, soit {}, les \
                 lignes font exactement le montant à payer.",
                eur(*from),
                rate(*r),
                eur(*to)
            ),
            (
                FixKind::WithVat {
                    label,
                    from,
                    to,
                    rate: r,
                },
                Lang::En,
            ) => format!(
                "\"{label}\" was read before VAT ({}): with VAT at {} %, {}, the lines add \
                 up to the amount due exactly.",
                eur(*from),
                rate(*r),
                eur(*to)
            ),
            (FixKind::AllWithVat { rate: r }, Lang::Fr) => format!(
                "Les montants lus sont hors taxes : avec la TVA à {} %, les lignes font \
                 exactement le montant à payer.",
                rate(*r)
            ),
            (FixKind::AllWithVat { rate: r }, Lang::En) => format!(
                "The amounts read are before VAT: with VAT at {} %, the lines add up to the \
                 amount due exactly.",
                rate(*r)
            ),
            (FixKind::Sign { label, to }, Lang::Fr) => format!(
                "« {label} » a été lu avec le mauvais signe : à {}, les lignes font \
                 exactement le montant à payer.",
                eur(*to)
            ),
            (FixKind::Sign { label, to }, Lang::En) => format!(
                "\"{label}\" was read with the wrong sign: at {}, the lines add up to the \
                 amount due exactly.",
                eur(*to)
            ),
            (FixKind::AddRow { label, amount }, Lang::Fr) => format!(
                "La ligne « {label} » ({}) n'a pas été retenue : comptée, les lignes font \
                 exactement le montant à payer.",
                eur(*amount)
            ),
            (FixKind::AddRow { label, amount }, Lang::En) => format!(
                "The row \"{label}\" ({}) was not kept: counted, the lines add up to the \
                 amount due exactly.",
                eur(*amount)
            ),
        }
    }
}

/// The VAT rates a line may have been read without: the bill's, else mainland France's.
fn rates(bill: &Bill) -> Vec<Decimal> {
    let mut rates: Vec<Decimal> = bill.vat.iter().map(|v| v.rate).collect();
    if rates.is_empty() {
        rates = french_vat_rates().to_vec();
    }
    rates.sort();
    rates.dedup();
    rates
}

fn with_vat(amount: Decimal, rate: Decimal) -> Decimal {
    ratio(
        amount.times(Decimal::ONE_HUNDRED.plus(rate)),
        Decimal::ONE_HUNDRED,
    )
    .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
}

/// The one correction that makes the reading's charges add up to its amount due, when
/// there is exactly one (of the kinds a person makes first); `None` when the bill adds
/// up, has no amount due, several corrections would do, or the person has corrected the
/// bill already (from then on they are checking it by hand, and their own corrections
/// are theirs to undo).
pub fn likeliest_fix(read: &Bill, applied: &Applied, pages: &[TextPage]) -> Option<Fix> {
    let bill = &applied.bill;
    let total = bill.total?;
    if bill.lines.is_empty() || bill.reconciles() || !applied.outcomes.is_empty() {
        return None;
    }
    let sum = bill.charges_sum();
    let gap = total.minus(sum);
    // The line of the bill as read behind each line of the corrected bill.
    let read_ref = |i: usize| -> Option<LineRef> {
        applied.line_of_read(i).and_then(|r| LineRef::of(read, r))
    };
    let mut found: Vec<Fix> = Vec::new();
    for (i, line) in bill.lines.iter().enumerate() {
        let Some(line_ref) = read_ref(i) else {
            continue;
        };
        if !line.amount.is_zero() && line.amount.plus(gap).is_zero() {
            found.push(Fix {
                kind: FixKind::NotACharge {
                    label: line.label.clone(),
                    amount: line.amount,
                },
                changes: vec![Change::NotACharge {
                    line: line_ref.clone(),
                }],
                page: line.page,
            });
        }
        let flipped = -line.amount;
        if !line.amount.is_zero() && flipped.minus(line.amount) == gap {
            found.push(Fix {
                kind: FixKind::Sign {
                    label: line.label.clone(),
                    to: flipped,
                },
                changes: vec![Change::Line {
                    line: line_ref.clone(),
                    label: None,
                    amount: Some(flipped),
                    category: (flipped < Decimal::ZERO).then_some(Category::Discount),
                }],
                page: line.page,
            });
        }
        for rate in rates(bill) {
            let to = with_vat(line.amount, rate);
            if line.amount > Decimal::ZERO && to.minus(line.amount) == gap {
                found.push(Fix {
                    kind: FixKind::WithVat {
                        label: line.label.clone(),
                        from: line.amount,
                        to,
                        rate,
                    },
                    changes: vec![Change::Line {
                        line: line_ref.clone(),
                        label: None,
                        amount: Some(to),
                        category: None,
                    }],
                    page: line.page,
                });
            }
        }
    }
    // Every line before VAT, at the bill's one rate.
    for rate in rates(bill) {
        let all: Decimal = bill
            .lines
            .iter()
            .map(|l| with_vat(l.amount, rate))
            .fold(Decimal::ZERO, |s, a| s.plus(a));
        let tolerance = Decimal::new(bill.lines.len().clamp(1, 5) as i64, 2);
        if bill.lines.len() > 1 && all.minus(total).abs() <= tolerance {
            let changes: Option<Vec<Change>> = bill
                .lines
                .iter()
                .enumerate()
                .map(|(i, l)| {
                    Some(Change::Line {
                        line: read_ref(i)?,
                        label: None,
                        amount: Some(with_vat(l.amount, rate)),
                        category: None,
                    })
                })
                .collect();
            if let Some(changes) = changes {
                found.push(Fix {
                    kind: FixKind::AllWithVat { rate },
                    changes,
                    page: bill.lines[0].page,
                });
            }
        }
    }
    // A row with an amount the reading did not keep.
    if gap > Decimal::ZERO {
        let model = page_model(read, applied, pages);
        for (page, rows) in pages.iter().zip(&model.pages) {
            for (row, (state, amount)) in page.rows.iter().zip(rows) {
                let Some(amount) = amount.as_ref().map(|a| a.value) else {
                    continue;
                };
                let label = row_label(row);
                if *state == RowState::NotKept && amount == gap && reads_as_charge(&label) {
                    found.push(Fix {
                        kind: FixKind::AddRow {
                            label: label.clone(),
                            amount,
                        },
                        changes: vec![Change::AddCharge {
                            row: RowRef::of(page.number, row),
                            label,
                            amount,
                            category: Category::Other,
                            section: String::new(),
                        }],
                        page: page.number,
                    });
                }
            }
        }
    }
    match found.len() {
        1 => found.pop(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::bill::BillLine;
    use crate::core::corrections::{apply, Edit};
    use crate::core::layout::{TextCell, TextRow};
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn bill(total: &str, lines: &[(&str, &str)]) -> Bill {
        Bill {
            total: Some(d(total)),
            lines: lines
                .iter()
                .map(|(label, amount)| BillLine {
                    label: label.to_string(),
                    amount: d(amount),
                    section: "Abonnements".into(),
                    category: Category::Option,
                    page: 2,
                })
                .collect(),
            pages: 2,
            ..Bill::default()
        }
    }

    fn fix_of(read: &Bill, pages: &[TextPage]) -> Option<Fix> {
        likeliest_fix(read, &apply(read, &[]), pages)
    }

    /// The kinds of fix, each when it is the only one that adds up; and what it changes,
    /// applied, adds up.
    #[test]
    fn offers_the_one_correction_that_adds_up() {
        let cases: Vec<(&str, Bill, Option<FixKind>)> = vec![
            (
                "a summary row counted with its detail",
                bill(
                    "20.00",
                    &[
                        ("Vos abonnements", "12.00"),
                        ("Forfait", "12.00"),
                        ("Option", "8.00"),
                    ],
                ),
                None, // either 12,00 would do: the person chooses
            ),
            (
                "a subtotal counted as a charge",
                bill(
                    "20.00",
                    &[
                        ("Total Abonnements", "27.00"),
                        ("Forfait", "12.00"),
                        ("Option", "8.00"),
                    ],
                ),
                Some(FixKind::NotACharge {
                    label: "Total Abonnements".into(),
                    amount: d("27.00"),
                }),
            ),
            (
                "a line read before VAT",
                bill("27.00", &[("Forfait", "15.00"), ("Option TV", "10.00")]),
                Some(FixKind::WithVat {
                    label: "Option TV".into(),
                    from: d("10.00"),
                    to: d("12.00"),
                    rate: d("20"),
                }),
            ),
            (
                "every line read before VAT",
                bill("36.00", &[("Forfait", "20.83"), ("Option", "9.17")]),
                Some(FixKind::AllWithVat { rate: d("20") }),
            ),
            (
                "a discount read without its sign",
                bill(
                    "17.50",
                    &[("Forfait", "20.00"), ("Remise fidélité", "2.50")],
                ),
                Some(FixKind::Sign {
                    label: "Remise fidélité".into(),
                    to: d("-2.50"),
                }),
            ),
            (
                "a bill that adds up",
                bill("20.00", &[("Forfait", "20.00")]),
                None,
            ),
        ];
        for (what, read, want) in cases {
            let fix = fix_of(&read, &[]);
            assert_eq!(fix.as_ref().map(|f| f.kind.clone()), want, "{what}");
            if let Some(fix) = fix {
                let edits: Vec<Edit> = fix
                    .changes
                    .iter()
                    .enumerate()
                    .map(|(k, change)| Edit {
                        id: k as u32 + 1,
                        change: change.clone(),
                    })
                    .collect();
                assert!(apply(&read, &edits).bill.reconciles(), "{what}: {fix:?}");
                assert!(!fix.describe(Lang::Fr).is_empty() && !fix.describe(Lang::En).is_empty());
            }
        }
    }

    /// A row with an amount the reading left out, whose amount is what is missing; a
    /// subtotal or a section's total of that amount is not offered (neither is a charge);
    /// nor is anything once the person has corrected the bill.
    #[test]
    fn offers_a_row_left_out() {
        let read = bill("25.00", &[("Forfait", "20.00")]);
        let row = |y: f32, cells: &[(f32, &str)]| TextRow {
            y,
            size: 9.0,
            cells: cells
                .iter()
                .map(|(x, t)| TextCell {
                    x: *x,
                    x_end: x + 40.0,
                    text: t.to_string(),
                })
                .collect(),
        };
        let pages = vec![TextPage {
            number: 2,
            width: 595.0,
            height: 842.0,
            rows: vec![
                row(100.0, &[(40.0, "Forfait"), (500.0, "20,00")]),
                row(
                    114.0,
                    &[(40.0, "Frais de mise en service"), (500.0, "5,00")],
                ),
            ],
            slanted: String::new(),
        }];
        let fix = fix_of(&read, &pages).expect("a fix");
        assert_eq!(
            fix.kind,
            FixKind::AddRow {
                label: "Frais de mise en service".into(),
                amount: d("5.00")
            }
        );
        assert_eq!(fix.page, 2);
        // Once the person corrected the bill, their corrections are theirs to undo.
        let line = crate::core::corrections::LineRef::of(&read, 0).unwrap();
        let edits = [Edit {
            id: 1,
            change: Change::Line {
                line,
                label: None,
                amount: Some(d("21.00")),
                category: None,
            },
        }];
        assert_eq!(likeliest_fix(&read, &apply(&read, &edits), &pages), None);
    }
}
