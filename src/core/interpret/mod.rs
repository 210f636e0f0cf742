//! Understanding a bill: from positioned text rows to a structured [`Bill`].
//!
//! Pure: pages of text in, a bill out; no PDF, no clock. Generic first — French bills
//! share a frame (the arrêté du 31 décembre 2013 on bills, after that of 1 February 2002) — so a bill from an operator never seen
//! still reads, and nothing here is fitted to one operator's wording:
//! - the header fields come from labelled rows, in every wording of `shared/DOMAIN.md`
//!   (`header`); the operator is the legal entity of the SIREN in the footer, and the
//!   brand the bill presents itself as;
//! - explainer pages are recognised by several signs at once (`explainer`) and skipped;
//! - every row that ends with amounts gets a role from its wording (`roles`): amount due,
//!   subtotal, VAT, balance of a previous bill, or item; with HT / %TVA / TTC columns the
//!   amount is the TTC one (by the column headers' positions);
//! - the items form a tree (`tree`): a row whose amount is the sum of the rows it heads
//!   (indented further, smaller, under a section name, or a qualifier of it) is a
//!   subtotal, and the charges are the leaves. The leaves are then reconciled with the
//!   amount due as printed: when they do not add up, the cheapest adjustments a person
//!   would accept are searched (a first-page summary repeated later, a section total with
//!   no detail, prose), and when nothing adds up the printed amount due stands and the
//!   bill says by how much it misses (`Bill::reconciles`), so that no rule accuses on a
//!   misreading;
//! - what a charge is comes from its label when the label says so, its section otherwise
//!   (`core::vocab::kinds`);
//! - call-detail rows (a date, then a time) become usage records (`usage`).
//!
//! [`interpret_with_notes`] also says how the reading was chosen, for `inspect`.

mod body;
mod columns;
mod explainer;
mod header;
mod reading_order;
mod roles;
mod text;
mod tree;
mod usage;

use crate::core::money::Amount as _;
use crate::core::money::AmountsSum as _;
use rust_decimal::Decimal;

use crate::core::bill::{Bill, BillWarning};
use crate::core::layout::{TextCell, TextPage};

use text::fold;

/// The most charges kept on one bill; a real bill has a few dozen.
pub const MAX_LINES: usize = 2_000;

/// The most usage records kept on one bill.
pub const MAX_USAGE: usize = 20_000;

/// A row of text with what every step needs: its page, its text and its folded text.
#[derive(Clone, Debug)]
pub(crate) struct Line {
    /// 1-based page.
    pub page: u32,
    /// Baseline, from the top of the page.
    pub y: f32,
    /// Font size of the row's largest glyph.
    pub size: f32,
    /// The cells, left to right.
    pub cells: Vec<TextCell>,
    /// The cells' texts joined by two spaces.
    pub text: String,
    /// `text` folded (one char per char).
    pub folded: String,
    /// Byte range of each cell in `text`.
    spans: Vec<(usize, usize)>,
}

impl Line {
    fn new(page: u32, y: f32, size: f32, cells: Vec<TextCell>) -> Line {
        let cells: Vec<TextCell> = cells
            .into_iter()
            .map(|mut c| {
                c.text = text::normalize(&c.text);
                c
            })
            .flat_map(columns::unglued)
            .collect();
        let mut text = String::new();
        let mut spans = Vec::with_capacity(cells.len());
        for (i, c) in cells.iter().enumerate() {
            if i > 0 {
                text.push_str("  ");
            }
            let start = text.len();
            text.push_str(&c.text);
            spans.push((start, text.len()));
        }
        let folded = fold(&text);
        Line {
            page,
            y,
            size,
            cells,
            text,
            folded,
            spans,
        }
    }

    /// Whether the cell holding byte `at` of the text has letters before that byte.
    fn words_before_in_cell(&self, at: usize) -> bool {
        self.spans
            .iter()
            .find(|(s, e)| at >= *s && at <= *e)
            .is_some_and(|(s, _)| self.text[*s..at].chars().any(char::is_alphabetic))
    }

    /// How many words (two letters or more) the cell holding byte `at` of the text has
    /// before that byte.
    fn words_in_cell_before(&self, at: usize) -> usize {
        self.spans
            .iter()
            .find(|(s, e)| at >= *s && at <= *e)
            .map_or(0, |(s, _)| {
                self.text[*s..at]
                    .split(|c: char| !c.is_alphabetic())
                    .filter(|w| w.chars().count() >= 2)
                    .count()
            })
    }

    /// The row's text up to the end of cell `k`.
    fn cell_end(&self, k: usize) -> &str {
        let end = self.spans.get(k).map_or(self.text.len(), |s| s.1);
        &self.text[..end]
    }

    /// The horizontal centre of the text between two byte offsets, interpolated inside
    /// its cell.
    fn x_of(&self, start: usize, end: usize) -> Option<f32> {
        let (i, (s, e)) = self
            .spans
            .iter()
            .enumerate()
            .find(|(_, (s, e))| start >= *s && start <= *e)?;
        let cell = &self.cells[i];
        let len = self.text[*s..*e].chars().count().max(1) as f32;
        let width = cell.x_end - cell.x;
        let a = self.text[*s..start].chars().count() as f32 / len;
        let b = self.text[*s..end.min(*e)].chars().count() as f32 / len;
        Some(cell.x + width * (a + b) / 2.0)
    }
}

/// Rows of all pages, in reading order.
pub(crate) fn lines_of(pages: &[TextPage]) -> Vec<Line> {
    pages
        .iter()
        .flat_map(|p| {
            p.rows
                .iter()
                .filter(|r| r.cells.iter().any(|c| !c.text.trim().is_empty()))
                .map(move |r| Line::new(p.number, r.y, r.size, r.cells.clone()))
        })
        .collect()
}

/// The rows of a page in the order the body of a bill is read: a part printed in two
/// columns, column by column (for looking at a reading).
pub fn reading_order(page: &TextPage) -> Vec<crate::core::layout::TextRow> {
    reading_order::reading_order(&page.rows)
}

/// Rows of all pages in reading order: a part of a page printed in two columns is read
/// one column after the other (`reading_order`).
fn lines_in_reading_order(pages: &[TextPage]) -> Vec<Line> {
    pages
        .iter()
        .flat_map(|p| {
            reading_order::reading_order(&p.rows)
                .into_iter()
                .filter(|r| r.cells.iter().any(|c| !c.text.trim().is_empty()))
                .map(move |r| Line::new(p.number, r.y, r.size, r.cells))
        })
        .collect()
}

/// Whether a row's label reads as a charge's: not an amount due, a subtotal, a total
/// before VAT, VAT, a previous balance or a payment, nor a section's name carrying its
/// total (`Abonnements principaux 19,99`): what a fix may offer to count.
pub fn reads_as_charge(label: &str) -> bool {
    roles::role_of(label) == roles::Role::Item
        && !crate::core::vocab::headings::is_heading_like(label)
}

/// Reads a bill from its pages of text. `source` is the file name, kept in the bill.
pub fn interpret(pages: &[TextPage], source: &str) -> Bill {
    interpret_with_notes(pages, source).0
}

/// [`interpret`], with the reader's notes on how it chose its reading (which rows it
/// took for subtotals, what it left out to reconcile with the amount due, or by how much
/// it misses): what `inspect` prints to explain a reading.
pub fn interpret_with_notes(pages: &[TextPage], source: &str) -> (Bill, Vec<String>) {
    let lines = lines_of(pages);
    let slanted: Vec<(u32, &str)> = pages
        .iter()
        .filter(|p| !p.slanted.is_empty())
        .map(|p| (p.number, p.slanted.as_str()))
        .collect();
    // An explainer's sample header (`voici votre facture du 14 février 2014`) is not the
    // bill's.
    let explainers = explainer::explainer_parts(&lines, &slanted);
    let real: Vec<Line> = lines
        .iter()
        .filter(|l| !explainer::in_parts(&explainers, l))
        .cloned()
        .collect();
    let mut header = header::read_header(&real);
    // The legal footer that names who issues the bill may be on any page, an explainer's
    // too.
    header.operator = header::operator(&lines);
    let reference = header.period.map(|p| p.end).or(header.issue_date);
    let body = body::read_body(&lines_in_reading_order(pages), reference, &slanted);
    // The period the subscription's own label prints first (a heading's period may be the
    // past month of communications), then the header's, then its section's.
    let period = header::period_on_labels(&body.lines, header.issue_date)
        .or(header.period)
        .or_else(|| header::period_from_lines(&body.lines, header.issue_date));

    let mut warnings = Vec::new();
    if header.operator.is_none() {
        warnings.push(BillWarning::UnknownOperator);
    }
    let computed: Decimal = body.lines.iter().map(|l| l.amount).amounts_sum();
    match body.total {
        None => warnings.push(BillWarning::NoTotal),
        Some(_) if body.ambiguous => warnings.push(BillWarning::Ambiguous),
        Some(printed) if !body.reconciled => {
            warnings.push(BillWarning::TotalMismatch { printed, computed })
        }
        Some(_) => {}
    }
    let mut notes = body.notes;
    notes.insert(
        0,
        if body.ambiguous {
            format!(
                "the charges add up to the amount due ({computed}), and so do other rows: left to check"
            )
        } else if body.reconciled {
            format!("the charges add up to the amount due ({computed})")
        } else {
            match body.total {
                Some(t) => format!(
                    "the charges ({computed}) do not add up to the amount due ({t}): {} apart",
                    t.minus(computed).abs()
                ),
                None => format!("no amount due to check the charges ({computed}) against"),
            }
        },
    );
    let mut lines = body.lines;
    if lines.len() > MAX_LINES {
        lines.truncate(MAX_LINES);
        warnings.push(BillWarning::TooManyLines {
            kept: MAX_LINES as u32,
        });
    }
    let mut usage = body.usage;
    usage.truncate(MAX_USAGE);

    let mut bill = Bill {
        source: source.to_string(),
        operator: header.operator,
        invoice_number: header.invoice_number,
        issue_date: header.issue_date,
        due_date: header.due_date,
        period,
        customer_id: header.customer_id,
        line_numbers: header.line_numbers,
        total: body.total,
        total_ht: body.total_ht,
        vat: body.vat,
        lines,
        usage,
        usage_summary: body.usage_summary,
        warnings,
        pages: pages
            .iter()
            .map(|p| p.number)
            .max()
            .unwrap_or(0)
            .max(pages.len() as u32),
    };
    // Sure means sure: where the bill prints its total before VAT and its VAT, they make
    // the amount due too, or the amount due read may be a subtotal.
    if let Some(computed) = bill.vat_disagreement() {
        notes.push(format!(
            "the total before VAT and the VAT make {computed}, not the amount due: left to check"
        ));
        if bill.reconciles() {
            bill.warnings.push(BillWarning::VatDisagrees { computed });
        }
    }
    (bill, notes)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::body::is_usage_header;
    use super::*;
    use crate::core::bill::Operator;
    use crate::core::bill::{Category, VatLine};
    use crate::core::layout::TextRow;
    use std::str::FromStr;

    /// A page from rows of cells; cells are laid out left to right, the last one of a
    /// row of two or more right-aligned at x = 560 like an amount column.
    pub(crate) fn page(number: u32, rows: &[&[&str]]) -> TextPage {
        let rows = rows
            .iter()
            .enumerate()
            .map(|(i, cells)| {
                let mut x = 40.0;
                let n = cells.len();
                let cells = cells
                    .iter()
                    .enumerate()
                    .map(|(j, t)| {
                        let w = t.chars().count() as f32 * 5.0;
                        let (x0, x1) = if n > 1 && j == n - 1 {
                            (560.0 - w, 560.0)
                        } else {
                            (x, x + w)
                        };
                        x = x1 + 20.0;
                        TextCell {
                            x: x0,
                            x_end: x1,
                            text: t.to_string(),
                        }
                    })
                    .collect();
                TextRow {
                    y: 40.0 + i as f32 * 12.0,
                    size: 9.0,
                    cells,
                }
            })
            .collect();
        TextPage {
            slanted: String::new(),
            number,
            width: 595.0,
            height: 842.0,
            rows,
        }
    }

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn charges(bill: &Bill) -> Vec<(String, Decimal, String, Category)> {
        bill.lines
            .iter()
            .map(|l| (l.label.clone(), l.amount, l.section.clone(), l.category))
            .collect()
    }

    #[test]
    fn reads_charges_not_subtotals_summaries_or_examples() {
        let pages = [
            page(
                1,
                &[
                    &["Bouygues Telecom"],
                    &["Total de votre facture", "47,59 €"],
                    &["Votre facture en bref"],
                    &["Vos abonnements, forfaits et options", "34,59 €"],
                    &["Vos communications (du 02/10 au 01/11)", "6,60 €"],
                    &["Mensualité de votre facilité de paiement", "6,40 €"],
                    &["Total TTC", "47,59 €"],
                    &["RCS Paris 397 480 930 – N° TVA intracommunautaire FR74397480930"],
                ],
            ),
            page(
                2,
                &[
                    &["EXEMPLE – Vos abonnements, forfaits et options"],
                    &["1", "Forfait Sensation 100 Go du 02/01 au 01/02", "32,99"],
                    &["EXEMPLE"],
                ],
            ),
            page(
                3,
                &[
                    &["Vos abonnements, forfaits et options"],
                    &["%TVA", "€ HT", "€ TTC"],
                    &["Forfait Sensation 5G 130 Go du 02/10 au 01/11", "20%", "29,99", "35,99"],
                    &["Option B.tv+ sur mobile du 02/10 au 01/11", "10%", "6,00", "6,60"],
                    &["Remise Bbox & Mobile du 02/10 au 01/11", "20%", "-6,67", "-8,00"],
                    &["Total", "34,59"],
                    &["Vos communications (du 02/10 au 01/11)"],
                    &["Décomptées de vos forfaits : 14 appels, 22 SMS, 3,2 Go – voir le détail en page 4."],
                    &["%TVA", "€ HT", "€ TTC"],
                    &["En dépassement ou non incluses dans vos forfaits"],
                    &["Appels vers l'international (Tunisie)", "20%", "3,50", "4,20"],
                    &["Appels vers les numéros spéciaux (08 99)", "20%", "2,00", "2,40"],
                    &["Total", "6,60"],
                    &["Mensualité de votre facilité de paiement"],
                    &["Montant total financé : 510,00 € – taux débiteur fixe 0 % – 16 mensualités restantes."],
                    &["Mensualité 8/24 – iPad 11 128 Go", "6,40"],
                    &["TVA 20 % sur 33,99 €", "6,80 €"],
                    &["TVA 10 % sur 6,00 €", "0,60 €"],
                    &["Total de votre facture", "47,59 €"],
                    &["Bouygues Telecom – SA au capital de 713 500 522,20 € – 37-39 rue Boissière – 75116 Paris"],
                ],
            ),
        ];
        let bill = interpret(&pages, "b.pdf");
        let subs = "Vos abonnements, forfaits et options".to_string();
        let comms = "Vos communications (du 02/10 au 01/11)".to_string();
        let inst = "Mensualité de votre facilité de paiement".to_string();
        assert_eq!(
            charges(&bill),
            vec![
                (
                    "Forfait Sensation 5G 130 Go du 02/10 au 01/11".into(),
                    d("35.99"),
                    subs.clone(),
                    Category::Subscription
                ),
                (
                    "Option B.tv+ sur mobile du 02/10 au 01/11".into(),
                    d("6.60"),
                    subs.clone(),
                    Category::Option
                ),
                (
                    "Remise Bbox & Mobile du 02/10 au 01/11".into(),
                    d("-8.00"),
                    subs,
                    Category::Discount
                ),
                (
                    "Appels vers l'international (Tunisie)".into(),
                    d("4.20"),
                    comms.clone(),
                    Category::OutOfPlan
                ),
                (
                    "Appels vers les numéros spéciaux (08 99)".into(),
                    d("2.40"),
                    comms,
                    Category::Premium
                ),
                (
                    "Mensualité 8/24 – iPad 11 128 Go".into(),
                    d("6.40"),
                    inst,
                    Category::EquipmentInstalment
                ),
            ]
        );
        assert_eq!(bill.total, Some(d("47.59")));
        assert_eq!(bill.operator, Some(Operator::Bouygues));
        assert_eq!(
            bill.vat,
            vec![
                VatLine {
                    rate: d("20"),
                    base: Some(d("33.99")),
                    amount: d("6.80")
                },
                VatLine {
                    rate: d("10"),
                    base: Some(d("6.00")),
                    amount: d("0.60")
                },
            ]
        );
        assert_eq!(bill.warnings, vec![]);
        assert_eq!(bill.pages, 3);
    }

    #[test]
    fn takes_the_ttc_column_wherever_it_is() {
        // TTC printed first, HT last: the column header decides, not the position.
        let mut p = page(
            1,
            &[
                &["Abonnements"],
                &["Libellé", "Montant TTC", "Montant HT"],
                &["Forfait Box", "36,00", "30,00"],
                &["Total à payer", "36,00"],
            ],
        );
        // Put the header cells over their columns.
        p.rows[1].cells[1].x = 380.0;
        p.rows[1].cells[1].x_end = 440.0;
        p.rows[2].cells[1].x = 410.0;
        p.rows[2].cells[1].x_end = 440.0;
        let bill = interpret(&[p], "x.pdf");
        assert_eq!(bill.lines.len(), 1);
        assert_eq!(bill.lines[0].amount, d("36.00"));
        assert_eq!(bill.lines[0].category, Category::Subscription);
        assert_eq!(bill.warnings, vec![BillWarning::UnknownOperator]);
    }

    #[test]
    fn skips_explainer_pages_only() {
        let cases: &[(&[&str], usize)] = &[
            (&["EXEMPLE"], 0),
            (&["EXEMPLE – Vos abonnements"], 0),
            (&["Comment lire votre facture ?"], 0),
            (
                &["Vos appels PAR EXEMPLE vers l'étranger sont détaillés en page 3."],
                1,
            ),
            (&["Exemple de calcul : voir au verso."], 1),
        ];
        for (marker, want) in cases {
            let p = page(1, &[marker, &["Abonnements"], &["Forfait 5G", "10,00 €"]]);
            assert_eq!(interpret(&[p], "x.pdf").lines.len(), *want, "{marker:?}");
        }
    }

    #[test]
    fn tells_call_detail_headers_from_header_blocks() {
        let cases: &[(&[&str], bool)] = &[
            (
                &[
                    "Date",
                    "Heure",
                    "Numéro / service",
                    "Type",
                    "Durée / volume",
                    "Montant TTC",
                ],
                true,
            ),
            (&["Date", "Destination", "Durée", "Montant"], true),
            (
                &["Référence client", "Date de facture", "Numéro de facture"],
                false,
            ),
            (&["Date", "Libellé", "Montant TTC"], false),
        ];
        for (cells, want) in cases {
            let lines = lines_of(&[page(1, &[cells])]);
            assert_eq!(is_usage_header(&lines[0]), *want, "{cells:?}");
        }
    }

    #[test]
    fn reads_dotted_column_names() {
        // SFR's `EUR H.T. | T.V.A. | EUR T.T.C.`, TTC first here: the header decides.
        let mut p = page(
            1,
            &[
                &["sfr"],
                &["Abonnements"],
                &["EUR T.T.C.", "T.V.A.", "EUR H.T."],
                &["Forfait 5G", "36,00", "6,00", "30,00"],
                &["Montant total de la facture", "36,00"],
            ],
        );
        for (cell, x) in p.rows[2].cells.iter_mut().zip([380.0, 450.0, 520.0]) {
            cell.x = x;
            cell.x_end = x + 40.0;
        }
        for (cell, x) in p.rows[3]
            .cells
            .iter_mut()
            .skip(1)
            .zip([380.0, 450.0, 520.0])
        {
            cell.x = x;
            cell.x_end = x + 40.0;
        }
        let bill = interpret(&[p], "x.pdf");
        assert_eq!(bill.lines[0].amount, d("36.00"));
        assert!(bill.reconciles());
    }

    #[test]
    fn a_vat_base_on_its_own_row_is_the_base_not_vat() {
        let p = page(
            1,
            &[
                &["bouygues telecom"],
                &["Montant prélevé le 16/11/2019", "7,99"],
                &["Vos abonnements"],
                &["Forfait B&You 20Go", "7,99"],
                &["TVA 20,00 % payée sur les débits", "1,33"],
                &["Montant hors TVA soumis à une TVA à 20,00 %", "6,66"],
            ],
        );
        let bill = interpret(&[p], "x.pdf");
        assert_eq!(
            bill.vat,
            vec![VatLine {
                rate: d("20"),
                base: Some(d("6.66")),
                amount: d("1.33")
            }]
        );
        assert!(bill.reconciles());
    }

    /// A previous balance the payment printed under it settles is owed no more: the
    /// charges are not checked against the amount due less it (which a reading leaving
    /// out a charge at the balance's amount would reach).
    #[test]
    fn a_balance_settled_by_the_payment_under_it_is_not_taken_off_the_amount_due() {
        let p = page(
            1,
            &[
                &["orange"],
                &["Montant prélevé pour cette facture", "23,98 €"],
                &["Solde précédent", "9,99 €"],
                &["Paiement reçu le 05/11/2021", "-9,99 €"],
                &["Vos services Orange"],
                &["Forfait mobile 20 Go", "9,99"],
                &["Option Sécurité Mobile", "3,00"],
                &["Location mobile Apple iPhone 13", "9,99"],
                &["Option Cloud", "1,00"],
            ],
        );
        let (bill, notes) = interpret_with_notes(&[p], "x.pdf");
        assert_eq!(bill.total, Some(d("23.98")), "{notes:?}");
        assert_eq!(bill.lines.len(), 4, "{notes:?}");
        assert!(bill.reconciles(), "{notes:?}");
        assert!(
            notes
                .iter()
                .any(|n| n.contains("previous balance of 9.99 is settled")),
            "{notes:?}"
        );
    }

    /// Sure means sure: charges that add up to an amount due the total before VAT and the
    /// VAT printed contradict (a subtotal read as the amount due) are left to check.
    #[test]
    fn an_amount_due_the_vat_contradicts_is_not_sure() {
        let p = page(
            1,
            &[
                &["bouygues telecom"],
                &["Total à payer", "30,44"],
                &["Vos abonnements"],
                &["Forfait Sensation 80 Go", "30,44"],
                &["Total HT", "32,03"],
                &["TVA 20 %", "6,40"],
            ],
        );
        let bill = interpret(&[p], "x.pdf");
        assert_eq!(bill.charges_sum(), d("30.44"));
        assert!(!bill.reconciles());
        assert_eq!(
            bill.warnings,
            vec![BillWarning::VatDisagrees {
                computed: d("38.43")
            }]
        );
        assert!(bill
            .reading_to_check(crate::core::lang::Lang::Fr)
            .contains("38,43"));
        // When they agree, the same reading is sure.
        let p = page(
            1,
            &[
                &["bouygues telecom"],
                &["Total à payer", "38,43"],
                &["Vos abonnements"],
                &["Forfait Sensation 80 Go", "38,43"],
                &["Total HT", "32,03"],
                &["TVA 20 %", "6,40"],
            ],
        );
        assert!(interpret(&[p], "x.pdf").reconciles());
    }

    #[test]
    fn makes_ht_only_charges_ttc() {
        let mut p = page(
            1,
            &[
                &["orange"],
                &["Abonnements"],
                &["Libellé", "Montant HT"],
                &["Forfait Pro 5G", "20,00"],
                &["Option Flotte", "4,17"],
                &["Total HT", "24,17"],
                &["TVA 20 % sur 24,17", "4,83"],
                &["Total TTC", "29,00"],
            ],
        );
        p.rows[2].cells[1].x = 500.0;
        let bill = interpret(&[p], "x.pdf");
        let got: Vec<Decimal> = bill.lines.iter().map(|l| l.amount).collect();
        assert_eq!(got, vec![d("24.00"), d("5.00")]);
        assert_eq!(bill.total_ht, Some(d("24.17")));
        assert_eq!(bill.warnings, vec![]);
    }

    #[test]
    fn reads_vat_lines_in_every_layout() {
        /// Cells of the row, then the VAT line as (rate, base, amount).
        type Case = (
            &'static [&'static str],
            Option<(&'static str, Option<&'static str>, &'static str)>,
        );
        let cases: &[Case] = &[
            (
                &["TVA 20 % sur 38,20 €", "7,64 €"],
                Some(("20", Some("38.20"), "7.64")),
            ),
            (&["dont TVA", "20 %", "4,50 €"], Some(("20", None, "4.50"))),
            (
                &["TVA", "20,00 %", "38,20", "7,64", "45,84"],
                Some(("20", Some("38.20"), "7.64")),
            ),
            (
                &["20,00 %", "38,20", "7,64"],
                Some(("20", Some("38.20"), "7.64")),
            ),
            (&["20%", "29,99", "35,99"], None),
            (&["TVA 20% payée sur les encaissements."], None),
        ];
        for (cells, want) in cases {
            let bill = interpret(&[page(1, &[&["orange"], cells])], "x.pdf");
            let want: Vec<VatLine> = want
                .iter()
                .map(|(r, b, a)| VatLine {
                    rate: d(r),
                    base: b.map(d),
                    amount: d(a),
                })
                .collect();
            assert_eq!(bill.vat, want, "{cells:?}");
        }
    }

    #[test]
    fn joins_labels_wrapped_onto_two_rows() {
        let rows: &[&[&str]] = &[
            &["orange"],
            &["Services fournis par des tiers"],
            &["Internet+ GameZone Club – abonnement", "3,00 €"],
            &["hebdomadaire du 06/10"],
            &["Internet+ GameZone Club – abonnement"],
            &["hebdomadaire du 13/10", "3,00 €"],
            &["Achats effectués avec votre mobile."],
            &["Total à payer", "6,00 €"],
        ];
        let bill = interpret(&[page(1, rows)], "x.pdf");
        let labels: Vec<&str> = bill.lines.iter().map(|l| l.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "Internet+ GameZone Club – abonnement hebdomadaire du 06/10",
                "Internet+ GameZone Club – abonnement hebdomadaire du 13/10"
            ]
        );
    }

    #[test]
    fn drops_dot_leaders_from_labels() {
        let rows: &[&[&str]] = &[
            &["orange"],
            &["Abonnements"],
            &["Forfait 5G ............ 10,00 €"],
            &["Total à payer ….. 10,00 €"],
        ];
        let bill = interpret(&[page(1, rows)], "x.pdf");
        assert_eq!(bill.lines[0].label, "Forfait 5G");
        assert_eq!(bill.total, Some(d("10.00")));
    }

    #[test]
    fn warns_on_totals() {
        let cases: &[(&[&[&str]], Vec<BillWarning>)] = &[
            (
                &[
                    &["orange"],
                    &["Abonnements"],
                    &["Forfait", "10,00 €"],
                    &["Total à payer", "12,00 €"],
                ],
                vec![BillWarning::TotalMismatch {
                    printed: d("12.00"),
                    computed: d("10.00"),
                }],
            ),
            (
                &[&["orange"], &["Abonnements"], &["Forfait", "10,00 €"]],
                vec![BillWarning::NoTotal],
            ),
            (
                &[
                    &["orange"],
                    &["Abonnements"],
                    &["Forfait", "10,00 €"],
                    &["Net à payer", "10,00 €"],
                ],
                vec![],
            ),
        ];
        for (rows, want) in cases {
            let bill = interpret(&[page(1, rows)], "x.pdf");
            assert_eq!(&bill.warnings, want, "{rows:?}");
        }
    }

    #[test]
    fn checks_its_reading_against_the_total() {
        type Case = (
            &'static str,
            &'static [&'static [&'static str]],
            &'static [&'static str],
        );
        let cases: &[Case] = &[
            (
                "a heading carrying its subtotal opens its section",
                &[
                    &["orange"],
                    &["Abonnements, forfaits et options", "15,00 €"],
                    &["Forfait 5G", "10,00 €"],
                    &["Option Multi-SIM", "5,00 €"],
                    &["Total à payer", "15,00 €"],
                ],
                &["10.00", "5.00"],
            ),
            (
                "a summary that repeats the detail line by line is dropped",
                &[
                    &["orange"],
                    &["Récapitulatif"],
                    &["Abonnements"],
                    &["Forfait 5G", "10,00 €"],
                    &["Option Multi-SIM", "5,00 €"],
                    &["Détail"],
                    &["Vos abonnements"],
                    &["Forfait 5G", "10,00 €"],
                    &["Option Multi-SIM", "5,00 €"],
                    &["Total à payer", "15,00 €"],
                ],
                &["10.00", "5.00"],
            ),
            (
                "no heading at all: charges are still read",
                &[
                    &["orange"],
                    &["Forfait 5G", "10,00 €"],
                    &["Option Multi-SIM", "5,00 €"],
                    &["Orange SA au capital de 10 640 226 396 €"],
                    &["Total à payer", "15,00 €"],
                ],
                &["10.00", "5.00"],
            ),
            (
                "a discount printed without its sign, a per-line subtotal, a tax word",
                &[
                    &["orange"],
                    &["Ligne 06 12 34 56 78"],
                    &["Abonnements"],
                    &["Forfait 5G", "10,00 € TTC"],
                    &["Remises"],
                    &["Remise fidélité", "2,00 €"],
                    &["Total ligne 06 12 34 56 78", "8,00 €"],
                    &["Total à payer", "8,00 €"],
                ],
                &["10.00", "-2.00"],
            ),
            (
                "of two totals, the one the charges add up to",
                &[
                    &["orange"],
                    &["Montant de votre facture", "15,00 €"],
                    &["Solde antérieur", "3,00 €"],
                    &["Net à payer", "18,00 €"],
                    &["Abonnements"],
                    &["Forfait 5G", "15,00 €"],
                ],
                &["15.00"],
            ),
        ];
        for (what, rows, want) in cases {
            let bill = interpret(&[page(1, rows)], "x.pdf");
            let got: Vec<Decimal> = bill.lines.iter().map(|l| l.amount).collect();
            let want: Vec<Decimal> = want.iter().map(|w| d(w)).collect();
            assert_eq!(got, want, "{what}");
            assert_eq!(bill.warnings, vec![], "{what}");
        }
    }

    /// Rows at given indents: `(indent, cells)`; the last cell of a row of two or more is
    /// right-aligned at x = 560 as an amount column, the others flow from the indent.
    fn indented(number: u32, rows: &[(f32, &[&str])]) -> TextPage {
        let plain: Vec<&[&str]> = rows.iter().map(|(_, cells)| *cells).collect();
        let mut p = page(number, &plain);
        for (row, (indent, _)) in p.rows.iter_mut().zip(rows) {
            let shift = indent - 40.0;
            let n = row.cells.len();
            for (j, cell) in row.cells.iter_mut().enumerate() {
                if n == 1 || j + 1 < n {
                    cell.x += shift;
                    cell.x_end += shift;
                }
            }
        }
        p
    }

    /// The shapes of DOMAIN.md's "What real bills look like", each a small bill: its
    /// amount due, the charges read (label, amount) and whether they add up.
    #[test]
    fn reads_the_shapes_real_bills_print() {
        type Case = (
            &'static str,
            Vec<TextPage>,
            &'static str,
            &'static [(&'static str, &'static str)],
        );
        let mut cases: Vec<Case> = vec![
            (
                "Free Mobile: TTC (HT) in brackets, the euro as a plain e",
                vec![page(
                    1,
                    &[
                        &["Facture no 1234567890 du 02 novembre 2023"],
                        &["Montant à payer TTC*", "19.99e"],
                        &["Coût en e TTC (HT)"],
                        &["Forfait Free 5G", "19.99 (16.66)"],
                        &["Consommations hors forfait", "0.00 (0.00)"],
                        &["Total de la facture HT", "16.66e"],
                        &["TVA 20%", "3.33e"],
                        &["Free Mobile - SAS au capital de 365 138 779 Euros - RCS PARIS 499 247 138"],
                    ],
                )],
                "19.99",
                &[("Forfait Free 5G", "19.99")],
            ),
            (
                "Sosh: a section total on its heading, an amount due wrapped over two rows",
                vec![page(
                    1,
                    &[
                        &["sosh"],
                        &["n° de facture : 5251633503"],
                        &["abonnements, forfaits et options", "25,99 €"],
                        &["Forfait Sosh 25,99€ 5G", "25,99 €"],
                        &["total auprès d'Orange", "21,66 €", "25,99 €"],
                        &["total du montant prélevé"],
                        &["au 27.11.2025", "25,99 €"],
                        &["Orange SA au capital de 10 640 226 396 € – RCS Nanterre 380 129 866"],
                    ],
                )],
                "25.99",
                &[("Forfait Sosh 25,99€ 5G", "25.99")],
            ),
            (
                "Bouygues: a summary on page 1, the amount due includes a third party",
                vec![
                    indented(
                        1,
                        &[
                            (40.0, &["€ HT", "€ TTC(*)"]),
                            (40.0, &["Montant prélevé le 16 novembre 2019", "21,98"]),
                            (40.0, &["Vos services Bouygues Telecom", "6,66", "7,99"]),
                            (50.0, &["Vos abonnements, forfaits et options", "6,66", "7,99"]),
                            (40.0, &["Vos services fournis par des tiers", "13,99", "(ex. : appels vers ou depuis l'international…)"]),
                            (40.0, &["Montant de la facture soumis à TVA", "6,66", "7,99"]),
                            (40.0, &["TVA 20,00 % payée sur les débits", "1,33"]),
                        ],
                    ),
                    indented(
                        3,
                        &[
                            (36.0, &["Vos services Bouygues Telecom", "6,66", "7,99"]),
                            (42.0, &["Vos abonnements, forfaits et options", "7,99"]),
                            (50.0, &["Forfait B&You 20Go", "7,99"]),
                            (40.0, &["Total pour cette ligne :", "7,99"]),
                        ],
                    ),
                    indented(
                        4,
                        &[
                            (40.0, &["VOS SERVICES DE TIERS"]),
                            (40.0, &["Vos services fournis par des tiers", "13,99"]),
                            (50.0, &["Renouvellement Netflix", "13,99"]),
                        ],
                    ),
                ],
                "21.98",
                &[("Forfait B&You 20Go", "7.99"), ("Renouvellement Netflix", "13.99")],
            ),
            (
                "an explainer page whose amounts reconcile with nothing",
                vec![
                    page(
                        1,
                        &[
                            &["Montant prélevé le 16/11/2019", "12,99 €"],
                            &["Vos abonnements"],
                            &["Forfait 60 Go", "12,99 €"],
                        ],
                    ),
                    page(
                        2,
                        &[
                            &["MIEUX COMPRENDRE LE MONTANT DE VOTRE FACTURE"],
                            &["Montant prélevé le jour/mois/année", "155,65"],
                            &["Vos services", "80,89"],
                            &["Frais de mise en service", "49,00"],
                        ],
                    ),
                ],
                "12.99",
                &[("Forfait 60 Go", "12.99")],
            ),
            (
                "a charge on its heading row and again on the row under it",
                vec![page(
                    1,
                    &[
                        &["Net à payer", "27,99 €"],
                        &["Abonnements"],
                        &["Forfait Sosh 25,99€ 5G", "25,99 €"],
                        &["du 13.11.2025 au 12.12.2025", "25,99 €"],
                        &["Option Multi-SIM", "2,00 €"],
                    ],
                )],
                "27.99",
                &[
                    ("Forfait Sosh 25,99€ 5G du 13.11.2025 au 12.12.2025", "25.99"),
                    ("Option Multi-SIM", "2.00"),
                ],
            ),
            (
                "a footnote call after an amount",
                vec![page(
                    1,
                    &[
                        &["Net à payer", "31,99 €"],
                        &["Abonnements"],
                        &["Forfait 5G", "29,99 € (1)"],
                        &["Option", "2,00 €¹"],
                    ],
                )],
                "31.99",
                &[("Forfait 5G", "29.99"), ("Option", "2.00")],
            ),
            (
                "a previous balance printed beside the total is not this bill's",
                vec![page(
                    1,
                    &[
                        &["Rappel: situation précédente de votre compte"],
                        &["Montant restant dû de la dernière facture", "22,98 €"],
                        &["Vos derniers paiements en date du 02/10/2025", "-22,98 €"],
                        &["Abonnements"],
                        &["Forfait 5G", "15,00 €"],
                        &["Solde précédent", "3,00 €"],
                        &["Net à payer", "18,00 €"],
                    ],
                )],
                "15.00",
                &[("Forfait 5G", "15.00")],
            ),
        ];
        cases.push((
            "this bill's amount, a previous balance, and the sum of both to pay",
            vec![page(
                1,
                &[
                    &["Montant de cette facture", "25,99 €"],
                    &["Reste dû sur vos factures précédentes", "25,99 €"],
                    &["Somme à payer le 16 Décembre 2018", "51,98"],
                    &["Abonnements", "25,99"],
                    &["Forfait Sosh 25,99€ 5G", "25,99"],
                    &["du 11/12 au 10/01", "25,99"],
                ],
            )],
            "25.99",
            &[("Forfait Sosh 25,99€ 5G du 11/12 au 10/01", "25.99")],
        ));
        for (what, pages, total, want) in cases {
            let bill = interpret(&pages, "x.pdf");
            assert_eq!(bill.total, Some(d(total)), "{what}: {bill:#?}");
            let got: Vec<(String, Decimal)> = bill
                .lines
                .iter()
                .filter(|l| !l.amount.is_zero())
                .map(|l| (l.label.clone(), l.amount))
                .collect();
            let want: Vec<(String, Decimal)> =
                want.iter().map(|(l, a)| (l.to_string(), d(a))).collect();
            assert_eq!(got, want, "{what}");
            assert!(bill.reconciles(), "{what}");
        }
    }

    #[test]
    fn keeps_the_amount_due_as_printed_when_the_charges_do_not_add_up() {
        // The detail page's total agrees with the charges, the amount debited does not:
        // the amount debited stands, and the bill says by how much it misses.
        let pages = [
            page(1, &[&["Montant prélevé le 16/11/2026", "30,00 €"]]),
            page(
                2,
                &[
                    &["Abonnements"],
                    &["Forfait 5G", "20,00 €"],
                    &["Option", "5,00 €"],
                    &["Total de votre facture", "25,00 €"],
                ],
            ),
        ];
        let bill = interpret(&pages, "x.pdf");
        assert_eq!(bill.total, Some(d("30.00")));
        assert_eq!(bill.lines.len(), 2);
        assert!(!bill.reconciles());
        assert!(bill.warnings.contains(&BillWarning::TotalMismatch {
            printed: d("30.00"),
            computed: d("25.00")
        }));
        let (_, notes) = interpret_with_notes(&pages, "x.pdf");
        assert!(notes[0].contains("5.00 apart"), "{notes:?}");
    }

    /// Garbage in never panics: pseudo-random rows of bill-like fragments, accents,
    /// spacing marks and odd spaces (a fixed generator, so failures reproduce).
    #[test]
    fn never_panics_on_garbage() {
        const PIECES: &[&str] = &[
            "é",
            "´",
            "¸",
            "\u{a0}",
            "\u{202f}",
            "-",
            "−",
            "%",
            "€",
            ":",
            "/",
            ".",
            ",",
            " ",
            "  ",
            "0",
            "1",
            "9",
            "12,99",
            "1 234,56 €",
            "du ",
            " au ",
            "1er",
            "octobre",
            "2026",
            "02/10",
            "00:02:15",
            "Total",
            "TVA 20 %",
            "sur",
            "Forfait",
            "Remises",
            "EXEMPLE",
            "Date",
            "Heure",
            "Numéro",
            "Ligne",
            "N° de facture",
            "06 12 34 56 78",
            "Montant TTC",
            "HT",
            "inclus",
            "Go",
            "(",
            ")",
            "ǅ",
            "İ",
            "ß",
            "\u{301}",
            "💶",
        ];
        let mut seed: u64 = 0x5eed;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..200 {
            let mut rows: Vec<Vec<String>> = Vec::new();
            for _ in 0..next(30) {
                let cells = (0..1 + next(5))
                    .map(|_| {
                        (0..1 + next(6))
                            .map(|_| PIECES[next(PIECES.len())])
                            .collect::<String>()
                    })
                    .collect();
                rows.push(cells);
            }
            let refs: Vec<Vec<&str>> = rows
                .iter()
                .map(|r| r.iter().map(String::as_str).collect())
                .collect();
            let slices: Vec<&[&str]> = refs.iter().map(Vec::as_slice).collect();
            let pages = [page(1, &slices), page(2, &slices)];
            let _ = interpret(&pages, "garbage.pdf");
        }
    }

    #[test]
    fn caps_the_number_of_lines() {
        let mut rows: Vec<Vec<String>> = vec![vec!["orange".into()], vec!["Abonnements".into()]];
        for i in 0..MAX_LINES + 5 {
            rows.push(vec![format!("Option {i}"), "1,00".into()]);
        }
        let refs: Vec<Vec<&str>> = rows
            .iter()
            .map(|r| r.iter().map(String::as_str).collect())
            .collect();
        let slices: Vec<&[&str]> = refs.iter().map(Vec::as_slice).collect();
        let bill = interpret(&[page(1, &slices)], "x.pdf");
        assert_eq!(bill.lines.len(), MAX_LINES);
        assert!(bill.warnings.contains(&BillWarning::TooManyLines {
            kept: MAX_LINES as u32
        }));
    }

    #[test]
    fn reads_an_unknown_operators_bill() {
        let rows: &[&[&str]] = &[
            &["TELORA"],
            &["Facture TLR-2026-11-004512"],
            &["Référence client :", "TL-558204"],
            &["Émise le :", "20/11/2026"],
            &["Net à payer", "15,99 EUR"],
            &["Votre offre mobile"],
            &["Montant TTC"],
            &["Forfait Liberté 80 Go – novembre 2026", "11,99 EUR"],
            &["Option Appels illimités Europe", "4,00 EUR"],
            &["Net à payer", "15,99 EUR"],
        ];
        let bill = interpret(&[page(1, rows)], "t.pdf");
        assert_eq!(bill.operator, None);
        assert_eq!(bill.invoice_number.as_deref(), Some("TLR-2026-11-004512"));
        assert_eq!(bill.customer_id.as_deref(), Some("TL-558204"));
        assert_eq!(bill.lines.len(), 2);
        assert_eq!(bill.lines[0].section, "Votre offre mobile");
        assert_eq!(bill.lines[0].category, Category::Subscription);
        assert_eq!(bill.lines[1].category, Category::Option);
        assert_eq!(bill.warnings, vec![BillWarning::UnknownOperator]);
    }

    /// A page of rows of cells placed where given: `(x, text)`, each glyph 4.5 points wide,
    /// rows 13 points apart (a row of `None` leaves a blank row).
    fn placed(number: u32, rows: &[&[(f32, &str)]]) -> TextPage {
        let rows = rows
            .iter()
            .enumerate()
            .map(|(i, cells)| TextRow {
                y: 60.0 + i as f32 * 13.0,
                size: 8.5,
                cells: cells
                    .iter()
                    .map(|(x, t)| TextCell {
                        x: *x,
                        x_end: x + t.chars().count() as f32 * 4.5,
                        text: t.to_string(),
                    })
                    .collect(),
            })
            .collect();
        TextPage {
            number,
            width: 595.0,
            height: 842.0,
            rows,
            slanted: String::new(),
        }
    }

    /// One small page for each class of layout that real bills print and readers trip on
    /// (issue 26), read through the whole reader: the amount due, each charge (label,
    /// amount), and the reading called sure.
    #[test]
    fn reads_each_class_of_real_layouts() {
        type Case = (
            &'static str,
            TextPage,
            &'static str,
            &'static [(&'static str, &'static str)],
        );
        let cases: Vec<Case> = vec![
            (
                "1. which column is the charge: a header over two rows, a unit price TTC, \
                 an HT column, a rate column printed as a bare number",
                placed(
                    1,
                    &[
                        &[(40.0, "Abonnements, forfaits et options"), (500.0, "37.97")],
                        &[(355.0, "Prix unitaire/mois"), (432.0, "Montant"), (483.0, "% TVA"), (530.0, "Montant")],
                        &[(379.0, "EUR TTC"), (433.0, "EUR HT"), (529.0, "EUR TTC")],
                        &[(40.0, "Free Haut Debit du 1er au 30 Avril 2022"), (435.0, "24.99"), (482.0, "20.00"), (533.0, "29.99")],
                        &[(40.0, "Boucle locale du 1er au 30 Avril 2022"), (439.0, "4.99"), (482.0, "20.00"), (537.0, "5.99")],
                        &[(40.0, "Chaînes de télé payantes du 1er au 31 Mars 2022"), (537.0, "1.99")],
                        &[(60.0, "− FREEBOX TV"), (300.0, "Pack"), (389.0, "1.99"), (439.0, "1.81"), (482.0, "10.00")],
                        &[(40.0, "Total facture"), (430.0, "31.79"), (530.0, "37.97")],
                    ],
                ),
                "37.97",
                &[
                    ("Free Haut Debit du 1er au 30 Avril 2022", "29.99"),
                    ("Boucle locale du 1er au 30 Avril 2022", "5.99"),
                    ("FREEBOX TV Pack", "1.99"),
                ],
            ),
            (
                "2. a sign from the row's own text: a rental after a discount's subtotal",
                placed(
                    1,
                    &[
                        &[(381.0, "Tx TVA"), (466.0, "€ HT"), (528.0, "€ TTC *")],
                        &[(51.0, "Vos abonnements forfaits et options"), (538.0, "7.99")],
                        &[(51.0, "Abonnements principaux"), (463.0, "16.66"), (537.0, "19.99")],
                        &[(76.0, "Bbox Série spéciale Internet - TV"), (381.0, "20.00%"), (463.0, "16.66"), (537.0, "19.99")],
                        &[(51.0, "Remise(s) sur abonnements principaux"), (460.0, "-12.50"), (534.0, "-15.00")],
                        &[(76.0, "Remise pendant 12 mois sur abonnement"), (381.0, "20.00%"), (460.0, "-12.50"), (534.0, "-15.00")],
                        &[(51.0, "Bbox - location équipement"), (381.0, "20.00%"), (468.0, "2.50"), (542.0, "3.00")],
                        &[(51.0, "Montant prélevé pour cette facture"), (540.0, "7.99")],
                    ],
                ),
                "7.99",
                &[
                    ("Bbox Série spéciale Internet - TV", "19.99"),
                    ("Remise pendant 12 mois sur abonnement", "-15.00"),
                    ("Bbox - location équipement", "3.00"),
                ],
            ),
            (
                "3. a section total printed above its lines, in the same column",
                placed(
                    1,
                    &[
                        &[(40.0, "Somme à payer"), (520.0, "47,98 €")],
                        &[(40.0, "Vos abonnements, forfaits et options"), (520.0, "34,99")],
                        &[(40.0, "Forfait 180Go 5G"), (520.0, "41,99")],
                        &[(40.0, "Remise Forfait"), (520.0, "-2,00")],
                        &[(40.0, "Avantage client box"), (520.0, "-5,00")],
                        &[(40.0, "Vos autres services et produits"), (520.0, "12,99")],
                        &[(40.0, "Frais de rejet de prélèvement"), (520.0, "12,99")],
                    ],
                ),
                "47.98",
                &[
                    ("Forfait 180Go 5G", "41.99"),
                    ("Remise Forfait", "-2.00"),
                    ("Avantage client box", "-5.00"),
                    ("Frais de rejet de prélèvement", "12.99"),
                ],
            ),
            (
                "4. prose and footnotes with amounts are not charges",
                placed(
                    1,
                    &[
                        &[(40.0, "Montant prélevé le 20 février 2024"), (520.0, "24,99")],
                        &[(40.0, "Votre prochaine facture devrait s'élever à 24,99 €")],
                        &[(40.0, "Vos abonnements")],
                        &[(40.0, "Forfait 100 Go"), (520.0, "24,99")],
                        &[(40.0, "(**) En cas de retard, une indemnité forfaitaire de 40,00 €")],
                        &[(40.0, "Vos économies grâce à vos avantages depuis janvier"), (520.0, "24,99")],
                    ],
                ),
                "24.99",
                &[("Forfait 100 Go", "24.99")],
            ),
            (
                "5. a previous balance recalled beside the amount due is not in it",
                placed(
                    1,
                    &[
                        &[(40.0, "Montant prélevé le 20 février 2024"), (520.0, "44,99")],
                        &[(40.0, "Votre solde débiteur au titre de vos anciennes factures :"), (520.0, "44,99")],
                        &[(40.0, "Ce solde doit être réglé indépendamment du paiement de cette facture.")],
                        &[(40.0, "Vos abonnements")],
                        &[(40.0, "Forfait 180Go 5G"), (520.0, "44,99")],
                        &[(40.0, "du 06/02 au 05/03"), (520.0, "44,99")],
                    ],
                ),
                "44.99",
                &[("Forfait 180Go 5G du 06/02 au 05/03", "44.99")],
            ),
            (
                "6. usage summaries at 0,00 are usage, not charges",
                placed(
                    1,
                    &[
                        &[(40.0, "Total à payer"), (520.0, "12,99")],
                        &[(40.0, "Vos abonnements")],
                        &[(40.0, "Forfait Série Spéciale"), (520.0, "12,99")],
                        &[(40.0, "Vos communications")],
                        &[(40.0, "Appels voix depuis la France métropolitaine"), (300.0, "1 h 26 min 23 s"), (520.0, "0,00")],
                        &[(40.0, "Data depuis la France métropolitaine"), (300.0, "3.205 Gio"), (520.0, "0,00")],
                    ],
                ),
                "12.99",
                &[("Forfait Série Spéciale", "12.99")],
            ),
            (
                "8. an amount due without the word total, a thousands separator",
                placed(
                    1,
                    &[
                        &[(40.0, "Vous serez prélevé de"), (500.0, "1 254,98 €")],
                        &[(40.0, "Vos abonnements")],
                        &[(40.0, "Forfait Sensation"), (500.0, "25,99")],
                        &[(40.0, "Vos achats")],
                        &[(40.0, "Google Pixel 9 Pro XL 256 Go – achat comptant"), (500.0, "1\u{a0}228,99")],
                    ],
                ),
                "1254.98",
                &[
                    ("Forfait Sensation", "25.99"),
                    ("Google Pixel 9 Pro XL 256 Go – achat comptant", "1228.99"),
                ],
            ),
            (
                "10. two columns: a reminder of the offer beside the detail it repeats",
                placed(
                    1,
                    &[
                        &[(48.0, "Rappel de votre offre"), (514.0, "EUR TTC")],
                        &[(48.0, "Forfait Sosh 25,99€ 5G"), (261.0, "25.99"), (312.0, "Forfait et options"), (513.0, "31.99")],
                        &[(48.0, "Décodeur TV"), (266.0, "0.00"), (326.0, "Forfait Sosh 25,99€ 5G du 13.11 au 12.12"), (518.0, "25.99")],
                        &[(48.0, "Option Multi-SIM"), (266.0, "6.00"), (326.0, "Option Multi-SIM du 13.11 au 12.12"), (523.0, "6.00")],
                        &[(43.0, "Montant total de cette facture, prélevé le 27.11.2025 sur votre compte"), (513.0, "31.99")],
                    ],
                ),
                "31.99",
                &[
                    ("Forfait Sosh 25,99€ 5G du 13.11 au 12.12", "25.99"),
                    ("Option Multi-SIM du 13.11 au 12.12", "6.00"),
                ],
            ),
            (
                "11. a label whose last words are on its amount's row, under a heading \
                 carrying the same amount",
                placed(
                    1,
                    &[
                        &[(48.0, "Montant du prélèvement"), (520.0, "7,99")],
                        &[(48.0, "abonnements et options")],
                        &[(60.0, "Votre forfait"), (520.0, "12,99")],
                        &[(88.0, "Forfait B&You 60Go"), (450.0, "20.00"), (520.0, "12,99")],
                        &[(60.0, "Réductions"), (520.0, "-5,00")],
                        &[(88.0, "Remise sur abonnement")],
                        &[(88.0, "12 mois"), (450.0, "20.00"), (520.0, "-5,00")],
                    ],
                ),
                "7.99",
                &[
                    ("Forfait B&You 60Go", "12.99"),
                    ("Remise sur abonnement 12 mois", "-5.00"),
                ],
            ),
            (
                "12. an item of a bulleted list wrapped over rows that start with capitals",
                placed(
                    1,
                    &[
                        &[(48.0, "Somme à payer"), (520.0, "26,98")],
                        &[(48.0, "Forfait"), (420.0, "22,48"), (480.0, "26,98")],
                        &[(60.0, "•"), (72.0, "Forfait RED 5G 200 Go")],
                        &[(72.0, "du 03/05/2026 au"), (420.0, "12,49"), (480.0, "14,99")],
                        &[(60.0, "•"), (72.0, "Location mobile")],
                        &[(72.0, "Samsung Galaxy A55 5G")],
                        &[(72.0, "Ultra 128 Go"), (420.0, "12,49"), (480.0, "14,99")],
                        &[(60.0, "•"), (72.0, "Remise Forfait RED 5G"), (420.0, "-2,50"), (480.0, "-3,00")],
                    ],
                ),
                "26.98",
                &[
                    ("Forfait RED 5G 200 Go du 03/05/2026 au", "14.99"),
                    ("Location mobile Samsung Galaxy A55 5G Ultra 128 Go", "14.99"),
                    ("Remise Forfait RED 5G", "-3.00"),
                ],
            ),
            (
                "12b. a label wrapped before a dash and lower case (the rest of the label, \
                 not a bulleted item), beside a dash that bullets an item of its own",
                placed(
                    1,
                    &[
                        &[(48.0, "Total à payer"), (520.0, "1 034,00")],
                        &[(48.0, "Vos services ponctuels")],
                        &[(60.0, "Samsung Galaxy S26 256 Go"), (520.0, "1 029,00")],
                        &[(60.0, "– achat comptant")],
                        &[(60.0, "- Option Multi-SIM"), (520.0, "5,00")],
                    ],
                ),
                "1034.00",
                &[
                    ("Samsung Galaxy S26 256 Go achat comptant", "1029.00"),
                    ("Option Multi-SIM", "5.00"),
                ],
            ),
            (
                "12c. a label-only row over the rest of its label in lower case, whose words \
                 could name a section, under a heading of the same amount",
                placed(
                    1,
                    &[
                        &[(48.0, "Net à payer"), (520.0, "2,99")],
                        &[(48.0, "Votre forfait"), (520.0, "12,99")],
                        &[(60.0, "Forfait 60Go"), (520.0, "12,99")],
                        &[(48.0, "Remise(s) sur abonnements"), (520.0, "-10,00")],
                        &[(48.0, "principaux")],
                        &[(60.0, "Remise pendant 12 mois")],
                        &[(60.0, "sur abonnement - forfait"), (520.0, "-10,00")],
                    ],
                ),
                "2.99",
                &[
                    ("Forfait 60Go", "12.99"),
                    ("Remise pendant 12 mois sur abonnement - forfait", "-10.00"),
                ],
            ),
            (
                "12d. a heading carrying its total whose name is wrapped after a preposition \
                 onto a row of words that could name a section",
                placed(
                    1,
                    &[
                        &[(48.0, "Total à payer"), (520.0, "47,99")],
                        &[(48.0, "Abonnements"), (520.0, "47,99")],
                        &[(48.0, "Votre forfait"), (520.0, "49,99")],
                        &[(48.0, "Livebox Up Fibre du 27/05 au"), (520.0, "49,99")],
                        &[(48.0, "26/06")],
                        &[(48.0, "Remise(s) sur"), (520.0, "-5,00")],
                        &[(48.0, "abonnements principaux")],
                        &[(48.0, "Remise sur abonnement 12"), (520.0, "-5,00")],
                        &[(48.0, "mois")],
                        &[(48.0, "Livebox - location équipement"), (520.0, "3,00")],
                        &[(48.0, "du 27/05 au 26/06")],
                    ],
                ),
                "47.99",
                &[
                    ("Livebox Up Fibre du 27/05 au 26/06", "49.99"),
                    ("Remise sur abonnement 12 mois", "-5.00"),
                    ("Livebox - location équipement du 27/05 au 26/06", "3.00"),
                ],
            ),
            (
                "12e. footnote calls raised on rows of their own beside the detail's headings, \
                 whose first-page summary repeats one of them",
                placed(
                    1,
                    &[
                        &[(48.0, "Net à payer"), (520.0, "39,98")],
                        &[(48.0, "Votre facture")],
                        &[(48.0, "Prestations Free"), (520.0, "39,98")],
                        &[(62.0, "Forfait"), (520.0, "39,98")],
                        &[(48.0, "Détail de votre facture")],
                        &[(48.0, "Prestations Free"), (520.0, "39,98")],
                        &[(110.0, "(1)")],
                        &[(62.0, "Forfait"), (520.0, "39,98")],
                        &[(120.0, "(2)")],
                        &[(90.0, "Free Haut Débit"), (520.0, "29,99")],
                        &[(90.0, "Option TV Max"), (520.0, "9,99")],
                    ],
                ),
                "39.98",
                &[("Free Haut Débit", "29.99"), ("Option TV Max", "9.99")],
            ),
            (
                "13. a pack's name wrapped onto a row of its own, over its period indented \
                 further",
                placed(
                    1,
                    &[
                        &[(48.0, "Net à payer"), (520.0, "26,98")],
                        &[(48.0, "Votre forfait"), (420.0, "16,66"), (480.0, "19,99")],
                        &[(72.0, "Bbox Série spéciale"), (420.0, "16,66"), (480.0, "19,99")],
                        &[(72.0, "Fibre")],
                        &[(96.0, "du 24.01.2018 au 23.02.2018"), (420.0, "16,66"), (480.0, "19,99")],
                        &[(48.0, "Options"), (420.0, "5,83"), (480.0, "6,99")],
                        &[(72.0, "Option Bouquet Ciné"), (420.0, "5,83"), (480.0, "6,99")],
                    ],
                ),
                "26.98",
                &[
                    ("Bbox Série spéciale Fibre du 24.01.2018 au 23.02.2018", "19.99"),
                    ("Option Bouquet Ciné", "6.99"),
                ],
            ),
            (
                "14. a price inside a wrapped label (the offer's name), its amount on the row \
                 under it; a reminder of the offer beside it, which is no balance",
                placed(
                    1,
                    &[
                        &[(48.0, "Somme à payer le 24 Novembre 2025"), (520.0, "22,99 €")],
                        &[(470.0, "HT"), (520.0, "€ TTC")],
                        &[(48.0, "Rappel de votre offre"), (300.0, "Vos abonnements"), (470.0, "21,66"), (520.0, "25,99 €")],
                        &[(48.0, "Forfait Sosh 25,99€ 5G"), (250.0, "25,99")],
                        &[(310.0, "Forfait Sosh 25,99€ 5G"), (470.0, "21,66"), (520.0, "25,99 €")],
                        &[(300.0, "Vos remises et avantages"), (470.0, "-2,50"), (520.0, "-3,00 €")],
                        &[(310.0, "Remise Forfait Sosh 25,99€")],
                        &[(310.0, "5G 12 mois"), (470.0, "-2,50"), (520.0, "-3,00 €")],
                    ],
                ),
                "22.99",
                &[
                    ("Forfait Sosh 25,99€ 5G", "25.99"),
                    ("Remise Forfait Sosh 25,99€ 5G 12 mois", "-3.00"),
                ],
            ),
            (
                "13. SFR's box (2015): HT, VAT and TTC columns with dotted titles, then the \
                 previous bills recalled (what was due, the payments received, the balance) \
                 before the total debited",
                placed(
                    1,
                    &[
                        &[(40.0, "Facture du 14/09/2015")],
                        &[(380.0, "EUR H.T."), (440.0, "T.V.A. (20%)"), (510.0, "EUR T.T.C.")],
                        &[(40.0, "Vos abonnements, forfaits et options")],
                        &[(52.0, "Abonnement Box de SFR THD"), (385.0, "16,66"), (450.0, "3,33"), (515.0, "19,99")],
                        &[(52.0, "Option Bouquet TV"), (390.0, "7,02"), (450.0, "1,40"), (520.0, "8,42")],
                        &[(40.0, "Total facturé pour l'ensemble de votre compte"), (385.0, "23,68"), (450.0, "4,73"), (515.0, "28,41")],
                        &[(40.0, "Rappel: situation précédente de votre compte")],
                        &[(40.0, "Montant restant dû de la/des dernière(s) facture(s) précédente(s)"), (515.0, "28,80")],
                        &[(40.0, "Vos derniers paiements en date du 14/09/2015"), (450.0, "28,80"), (515.0, "28,80")],
                        &[(40.0, "Solde restant dû au 14/09/2015"), (500.0, "0,00 EUR T.T.C.")],
                        &[(40.0, "MONTANT TOTAL prélevé le 29/09/2015"), (515.0, "28,41")],
                    ],
                ),
                "28.41",
                &[
                    ("Abonnement Box de SFR THD", "19.99"),
                    ("Option Bouquet TV", "8.42"),
                ],
            ),
            (
                "14. Orange: the amount debited beside its date written with dots, which is \
                 no amount",
                placed(
                    1,
                    &[
                        &[(40.0, "vos forfaits, abonnements et options")],
                        &[(52.0, "Forfait Livebox Fibre"), (430.0, "21,66"), (515.0, "25,99")],
                        &[(40.0, "total auprès d'Orange"), (430.0, "21,66"), (515.0, "25,99")],
                        &[(40.0, "total du montant prélevé"), (300.0, "au 02.08.2026"), (515.0, "25,99 €")],
                    ],
                ),
                "25.99",
                &[("Forfait Livebox Fibre", "25.99")],
            ),
            (
                "15. Free Mobile: each amount TTC with its HT in brackets, sections whose \
                 heading carries its total in words",
                placed(
                    1,
                    &[
                        &[(40.0, "Somme à payer TTC*"), (515.0, "12.96")],
                        &[(40.0, "Details de votre facture")],
                        &[(40.0, "Services (Total : 9.99  TTC)")],
                        &[(52.0, "Abonnements, forfaits et options du 19-05 au 18-06")],
                        &[(64.0, "Forfait Free 5G 150Go"), (490.0, "19.99 (16.66)")],
                        &[(64.0, "Remise fidélité"), (490.0, "-10.00 (-8.33)")],
                        &[(40.0, "Services fournis par des tiers (Total : 2.97  TTC ( 2.48 HT ))")],
                        &[(64.0, "SMS+ 81234"), (495.0, "2.97 (2.48)")],
                    ],
                ),
                "12.96",
                &[
                    ("Forfait Free 5G 150Go", "19.99"),
                    ("Remise fidélité", "-10.00"),
                    ("SMS+ 81234", "2.97"),
                ],
            ),
            (
                "16. La Poste Mobile (2023): a price in a product's name, the carry-over of \
                 earlier bills at 0,00, a data volume with a dot for thousands, included \
                 items at « - »",
                placed(
                    1,
                    &[
                        &[(40.0, "VOTRE FACTURE DU 08 MAI 2023")],
                        &[(40.0, "Montant à payer ce mois-ci*"), (480.0, "19,61 € TTC")],
                        &[(40.0, "La date limite de paiement est le 14 mai 2023.")],
                        &[(40.0, "Code client"), (150.0, "1.7612345"), (440.0, "HT"), (520.0, "TTC")],
                        &[(40.0, "Montant de votre facture (hors collecte pour des fournisseurs tiers)*"), (425.0, "16,34 €"), (505.0, "19,61 €")],
                        &[(40.0, "(dont montant de TVA à 20,00 % : 3,27 €)")],
                        &[(40.0, "Report des sommes payées ou restant dues*"), (510.0, "0,00 €")],
                        &[(40.0, "Vos services La Poste Mobile* (taux de TVA 20,00 %)"), (425.0, "16,34 €"), (505.0, "19,61 €")],
                        &[(40.0, "Vos abonnements, forfaits et options du 08/05/2023 au 07/06/2023")],
                        &[(52.0, "• SIM 24/24 100Go 14,99E"), (425.0, "12,49 €"), (505.0, "14,99 €")],
                        &[(40.0, "Vos communications du 08/04/2023 au 07/05/2023"), (340.0, "Unité"), (440.0, "HT"), (520.0, "TTC")],
                        &[(52.0, "Compris dans votre forfait")],
                        &[(52.0, "- Internet 100Go"), (330.0, "91.967,64 Mo"), (445.0, "-"), (525.0, "-")],
                        &[(52.0, "Au delà et hors de votre forfait")],
                        &[(52.0, "- SMS"), (340.0, "38 SMS"), (430.0, "3,85 €"), (510.0, "4,62 €")],
                    ],
                ),
                "19.61",
                &[("SIM 24/24 100Go 14,99E", "14.99"), ("SMS 38 SMS", "4.62")],
            ),
            (
                "16b. the same, with an unpaid 4,99 € carried over into the amount to pay",
                placed(
                    1,
                    &[
                        &[(40.0, "VOTRE FACTURE DU 08 MAI 2023")],
                        &[(40.0, "Montant à payer ce mois-ci*"), (480.0, "24,60 € TTC")],
                        &[(40.0, "La date limite de paiement est le 14 mai 2023.")],
                        &[(40.0, "Code client"), (150.0, "1.7612345"), (440.0, "HT"), (520.0, "TTC")],
                        &[(40.0, "Montant de votre facture (hors collecte pour des fournisseurs tiers)*"), (425.0, "16,34 €"), (505.0, "19,61 €")],
                        &[(40.0, "(dont montant de TVA à 20,00 % : 3,27 €)")],
                        &[(40.0, "Report des sommes payées ou restant dues*"), (510.0, "4,99 €")],
                        &[(40.0, "Vos services La Poste Mobile* (taux de TVA 20,00 %)"), (425.0, "16,34 €"), (505.0, "19,61 €")],
                        &[(40.0, "Vos abonnements, forfaits et options du 08/05/2023 au 07/06/2023")],
                        &[(52.0, "• SIM 24/24 100Go 14,99E"), (425.0, "12,49 €"), (505.0, "14,99 €")],
                        &[(40.0, "Vos communications du 08/04/2023 au 07/05/2023"), (340.0, "Unité"), (440.0, "HT"), (520.0, "TTC")],
                        &[(52.0, "Au delà et hors de votre forfait")],
                        &[(52.0, "- SMS"), (340.0, "38 SMS"), (430.0, "3,85 €"), (510.0, "4,62 €")],
                    ],
                ),
                "19.61",
                &[("SIM 24/24 100Go 14,99E", "14.99"), ("SMS 38 SMS", "4.62")],
            ),
        ];
        for (what, page, total, want) in cases {
            let (bill, notes) = interpret_with_notes(&[page], "x.pdf");
            if what.starts_with("6.") {
                let quantities: Vec<&str> = bill
                    .usage_summary
                    .iter()
                    .map(|u| u.quantity.as_str())
                    .collect();
                assert_eq!(
                    quantities,
                    ["1 h 26 min 23 s", "3.205 Gio"],
                    "{what}: {:?} {notes:?}",
                    bill.lines
                );
                assert_eq!(bill.lines.len(), 1, "{what}: {:?}", bill.lines);
            }
            assert_eq!(bill.total, Some(d(total)), "{what}: {notes:?}");
            let got: Vec<(String, Decimal)> = bill
                .lines
                .iter()
                .filter(|l| !l.amount.is_zero())
                .map(|l| (l.label.clone(), l.amount))
                .collect();
            let want: Vec<(String, Decimal)> =
                want.iter().map(|(l, a)| (l.to_string(), d(a))).collect();
            assert_eq!(got, want, "{what}: {notes:?}");
            assert!(bill.reconciles(), "{what}: {notes:?}");
        }
    }
}
