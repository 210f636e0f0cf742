//! Explainer pages: "MIEUX COMPRENDRE LE MONTANT DE VOTRE FACTURE", "Comment lire votre
//! facture", a specimen bill under an *EXEMPLE* watermark. Their amounts are fictitious
//! and must never become charges.
//!
//! Pure. A page is an explainer when it shows at least two of these signs (or one strong
//! one): a didactic title, placeholder dates ("jour/mois/année", "jj/mm/aaaa"), a cell
//! that starts with the word EXEMPLE, a watermark drawn over the text (runs of one to
//! three letters overlapping their neighbours, so that no cell holds the whole word), "Par
//! exemple". One sign alone — "par exemple" in a sentence, a link to a guide — is not
//! enough: skipping a real page would lose its charges.

use super::text::fold;
use super::Line;

/// Titles that introduce a page explaining how to read a bill, as the row's first words.
const TITLES: &[&str] = &[
    "mieux comprendre",
    "comment lire",
    "comprendre votre facture",
    "comprendre ma facture",
    "bien comprendre",
    "guide de lecture",
    "lire votre facture",
    "exemple de facture",
    "explication de votre facture",
    "explications de votre facture",
];

/// Dates written as placeholders.
const PLACEHOLDERS: &[&str] = &[
    "jour/mois/annee",
    "jj/mm/aaaa",
    "jj/mm/aa",
    "jj/mm",
    "xx/xx/xxxx",
    "mois/annee",
];

/// The parts of pages that explain a bill rather than bill anything: `(page, from)`, the
/// whole page when `from` is `None`, else its rows from baseline `from` down. A page
/// whose only sign is a didactic title ("Comprendre votre facture") is an explainer from
/// that title on: a real page may end with such a block under its charges. `slanted` is,
/// for each page, the text drawn at an angle on it.
pub(super) fn explainer_parts(lines: &[Line], slanted: &[(u32, &str)]) -> Vec<(u32, Option<f32>)> {
    let mut pages: Vec<u32> = lines.iter().map(|l| l.page).collect();
    pages.dedup();
    pages
        .into_iter()
        .filter_map(|p| {
            let watermark = slanted
                .iter()
                .any(|(page, text)| *page == p && slanted_watermark(text));
            let signs = score(lines.iter().filter(|l| l.page == p));
            let others = signs.others + 2 * u32::from(watermark);
            if others >= 2 {
                Some((p, None))
            } else {
                signs.title.map(|y| (p, Some(y)))
            }
        })
        .collect()
}

/// Whether a row is in one of the explainer `parts`.
pub(super) fn in_parts(parts: &[(u32, Option<f32>)], line: &Line) -> bool {
    parts
        .iter()
        .any(|(page, from)| *page == line.page && from.is_none_or(|y| line.y >= y))
}

/// Whether the letters drawn at an angle on a page spell a specimen's watermark
/// (*EXEMPLE*, *SPECIMEN*, one letter per text object or the whole word).
fn slanted_watermark(text: &str) -> bool {
    let letters: String = fold(text).chars().filter(|c| c.is_alphabetic()).collect();
    ["exemple", "specimen", "example"]
        .iter()
        .any(|w| letters.contains(w))
}

/// What one page shows of an explainer.
struct Signs {
    /// The baseline of its first didactic title, if it has one.
    title: Option<f32>,
    /// How strongly its other signs say "this is an explainer".
    others: u32,
}

/// The signs of an explainer among the rows of one page.
fn score<'a>(rows: impl Iterator<Item = &'a Line>) -> Signs {
    let (mut placeholder, mut exemple, mut for_example) = (false, false, false);
    let mut title: Option<f32> = None;
    let mut overprinted_rows = 0;
    for line in rows {
        let folded = line.folded.trim_start();
        let start = folded.trim_start_matches(|c: char| !c.is_alphanumeric());
        if title.is_none()
            && TITLES.iter().any(|t| start.starts_with(t))
            && start.split_whitespace().count() <= 10
        {
            title = Some(line.y);
        }
        if PLACEHOLDERS.iter().any(|p| folded.contains(p)) {
            placeholder = true;
        }
        if folded.contains("par exemple") {
            for_example = true;
        }
        if line.cells.iter().any(|c| {
            c.text
                .trim_start()
                .split(|ch: char| !ch.is_alphanumeric())
                .next()
                .is_some_and(|w| w == "EXEMPLE")
        }) {
            exemple = true;
        }
        if overprinted(line) {
            overprinted_rows += 1;
        }
    }
    // A title with any other sign makes the whole page an explainer.
    let others = 2 * u32::from(placeholder)
        + 2 * u32::from(exemple)
        + u32::from(for_example)
        + u32::from(overprinted_rows >= 2);
    Signs {
        title,
        others: if title.is_some() && others > 0 {
            others + 2
        } else {
            others
        },
    }
}

/// Whether a row is overprinted by a watermark: several tiny cells (one to three
/// letters) that overlap the cell before them.
fn overprinted(line: &Line) -> bool {
    let tiny = |t: &str| {
        let t = t.trim();
        (1..=3).contains(&t.chars().count()) && t.chars().all(char::is_alphabetic)
    };
    let overlapping = line
        .cells
        .windows(2)
        .filter(|w| w[1].x < w[0].x_end - 0.5 && (tiny(&w[0].text) || tiny(&w[1].text)))
        .count();
    overlapping >= 3
}

/// Whether a row prints a placeholder date: such a row is an example even on a real page.
pub(super) fn has_placeholder(line: &Line) -> bool {
    let folded = fold(&line.text);
    PLACEHOLDERS.iter().any(|p| folded.contains(p))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::interpret::lines_of;
    use crate::core::interpret::tests::page;
    use crate::core::layout::TextCell;

    #[test]
    fn tells_explainer_pages_from_pages_that_mention_examples() {
        let cases: &[(&[&[&str]], bool)] = &[
            (
                &[
                    &["MIEUX COMPRENDRE LE MONTANT DE VOTRE FACTURE"],
                    &["Bonjour, voici votre facture du jour/mois/année"],
                    &["Vos services", "80,89"],
                ],
                true,
            ),
            (
                &[&["Comment lire votre facture ?"], &["Forfait", "10,00"]],
                true,
            ),
            (
                &[&["EXEMPLE – Vos abonnements"], &["Forfait", "10,00"]],
                true,
            ),
            (
                &[
                    &["Vos appels PAR EXEMPLE vers l'étranger sont détaillés en page 3."],
                    &["Forfait", "10,00"],
                ],
                false,
            ),
            (
                &[
                    &["Retrouvez notre guide pour mieux comprendre votre facture sur orange.fr"],
                    &["Forfait", "10,00"],
                ],
                false,
            ),
            (&[&["Exemple de calcul : voir au verso."]], false),
            (
                &[
                    &["Montant prélevé le jour/mois/année", "155,65"],
                    &["Par exemple :", "achat de recharges"],
                ],
                true,
            ),
        ];
        for (rows, want) in cases {
            let lines = lines_of(&[page(1, rows)]);
            assert_eq!(!explainer_parts(&lines, &[]).is_empty(), *want, "{rows:?}");
        }
    }

    #[test]
    fn sees_a_watermark_drawn_letter_by_letter() {
        // "Vos autres services" overprinted by E, X, E, M: cells overlap their neighbours.
        let mut p = page(1, &[&["x"], &["Par exemple :", "achat de recharges"]]);
        let spec: &[(f32, f32, &str)] = &[
            (58.0, 61.0, "V"),
            (58.0, 64.0, "Vo"),
            (61.0, 66.0, "os"),
            (64.0, 66.0, "s"),
            (68.0, 73.0, "co"),
            (68.0, 77.0, "aum"),
        ];
        p.rows[0].cells = spec
            .iter()
            .map(|(x, x_end, t)| TextCell {
                x: *x,
                x_end: *x_end,
                text: t.to_string(),
            })
            .collect();
        p.rows.push(p.rows[0].clone());
        let lines = lines_of(&[p]);
        assert_eq!(explainer_parts(&lines, &[]), vec![(1, None)]);
    }

    #[test]
    fn sees_a_watermark_drawn_at_an_angle() {
        // A page that explains, with sample amounts and an EXEMPLE drawn diagonally
        // letter by letter (those letters are not rows: they are set aside as slanted).
        let p = page(
            2,
            &[
                &["Tout est bien rangé dans cette facture"],
                &["Montant prélevé le 23 avril 2021", "11,49"],
                &["Vos autres services de tiers (**)", "3,49"],
            ],
        );
        let lines = lines_of(&[p]);
        assert_eq!(explainer_parts(&lines, &[(2, "EXEMPLE")]), vec![(2, None)]);
        assert_eq!(
            explainer_parts(&lines, &[(2, "E X E M P L E")]),
            vec![(2, None)]
        );
        // Another page's watermark, or a reference up the margin, says nothing of it.
        assert!(explainer_parts(&lines, &[(1, "EXEMPLE")]).is_empty());
        assert!(explainer_parts(&lines, &[(2, "Ref12345Page24")]).is_empty());
    }

    /// A real page that ends with a block explaining the bill's sections: its charges
    /// above the title are read, the block under it is not.
    #[test]
    fn a_didactic_block_under_the_charges_is_skipped_from_its_title() {
        let p = page(
            2,
            &[
                &["Détail de votre consommation"],
                &["Freebox Ultra", "49,99"],
                &["Option TV Max du 1er au 30 Avril 2020", "9,99"],
                &["Comprendre votre facture"],
                &["1", "Vos abonnements, forfaits et options"],
                &["3", "Mensualités de votre facilité de paiement"],
            ],
        );
        let lines = lines_of(&[p]);
        let parts = explainer_parts(&lines, &[]);
        assert_eq!(parts, vec![(2, Some(lines[3].y))]);
        let skipped: Vec<bool> = lines.iter().map(|l| in_parts(&parts, l)).collect();
        assert_eq!(skipped, [false, false, false, true, true, true]);
    }
}
