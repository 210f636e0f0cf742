//! Items' names: a charge's label without the period printed after it, so that the same
//! item is recognised from one bill to the next ("Forfait SFR 5G 100 Go du 01/10 au
//! 31/10", then "… du 01/11 au 30/11"), and the plan's options matched with a bill's.
//!
//! Used by the rules (a silent increase, an option never asked for), the plan read from a
//! bill and the contract: it lives in the vocabulary, below all of them.

use super::fold_words as fold;

const MONTHS: [&str; 12] = [
    "janvier",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "decembre",
];

pub(crate) fn month_number(word: &str) -> Option<u32> {
    MONTHS.iter().position(|m| *m == word).map(|i| i as u32 + 1)
}

/// A date, a day and month, a year or a month's name (folded).
fn is_dateish(token: &str) -> bool {
    let is_dm = token.contains('/')
        && token
            .split('/')
            .all(|p| p.chars().all(|c| c.is_ascii_digit()));
    let is_year =
        token.len() == 4 && token.starts_with("20") && token.chars().all(|c| c.is_ascii_digit());
    is_dm || is_year || token == "1er" || month_number(token).is_some()
}

/// The label without the period printed after it, as printed otherwise:
/// `"Forfait SFR 5G 100 Go du 01/10 au 31/10"` gives `"Forfait SFR 5G 100 Go"`,
/// `"Forfait Liberté 80 Go – novembre 2026"` gives `"Forfait Liberté 80 Go"`.
pub fn item_name(label: &str) -> String {
    let words: Vec<&str> = label.split_whitespace().collect();
    let mut cut = words.len();
    for (i, w) in words.iter().enumerate() {
        let f = fold(w);
        let next = words.get(i + 1).map(|n| fold(n)).unwrap_or_default();
        let period_start = (f == "du" || f == "au" || f == "le" || f == "depuis")
            && (next.starts_with(|c: char| c.is_ascii_digit()) || next == "1er");
        if period_start || (i > 0 && is_dateish(&f) && !f.chars().all(|c| c.is_ascii_digit())) {
            cut = i;
            break;
        }
    }
    let mut name: Vec<&str> = words[..cut].to_vec();
    while name
        .last()
        .is_some_and(|w| fold(w).is_empty() || matches!(*w, "–" | "-" | "—" | ":" | ","))
    {
        name.pop();
    }
    if name.is_empty() {
        label.trim().to_string()
    } else {
        name.join(" ")
    }
}

/// A key that is the same for the same item on every bill: the folded name without
/// the period. Two charges with the same key are "the same item".
pub fn item_key(label: &str) -> String {
    fold(&item_name(label))
        .split(' ')
        .filter(|t| !is_dateish(t))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The words of a name that carry meaning, for matching a bill's option with the
/// plan's: folded, without small words and periods.
pub fn key_words(label: &str) -> Vec<String> {
    const SMALL: [&str; 10] = ["de", "du", "des", "la", "le", "les", "et", "a", "au", "l'"];
    item_key(label)
        .split(' ')
        .filter(|w| !w.is_empty() && !SMALL.contains(w))
        .map(str::to_string)
        .collect()
}

/// Whether two names designate the same item: every meaningful word of the shorter is
/// in the longer ("Option Multi-SIM" and "Option Multi-SIM du 01/10 au 31/10").
pub fn same_item(a: &str, b: &str) -> bool {
    let (wa, wb) = (key_words(a), key_words(b));
    let (short, long) = if wa.len() <= wb.len() {
        (wa, wb)
    } else {
        (wb, wa)
    };
    !short.is_empty()
        && short
            .iter()
            .filter(|w| *w != "option")
            .all(|w| long.contains(w))
        && short.iter().any(|w| w != "option")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn item_names_drop_the_period() {
        let cases = [
            (
                "Forfait SFR 5G 100 Go du 01/10 au 31/10",
                "Forfait SFR 5G 100 Go",
            ),
            ("Freebox Pop du 1er au 31 Octobre 2026", "Freebox Pop"),
            (
                "Forfait Liberté 80 Go – novembre 2026",
                "Forfait Liberté 80 Go",
            ),
            (
                "Forfait Free 5G du 01/10/2026 au 31/10/2026",
                "Forfait Free 5G",
            ),
            (
                "Option B.tv+ sur mobile du 02/10 au 01/11",
                "Option B.tv+ sur mobile",
            ),
            ("Remise Multi-Packs SFR", "Remise Multi-Packs SFR"),
            ("Forfait Sosh 20 Go", "Forfait Sosh 20 Go"),
        ];
        for (label, name) in cases {
            assert_eq!(item_name(label), name, "{label}");
        }
        assert_eq!(
            item_key("Forfait SFR 5G 100 Go du 01/08 au 31/08"),
            item_key("Forfait SFR 5G 100 Go du 01/10 au 31/10")
        );
    }

    #[test]
    fn names_match_the_same_item() {
        let cases = [
            (
                "Option Multi-SIM",
                "Option Multi-SIM du 01/10 au 31/10",
                true,
            ),
            (
                "Location Freebox Player Devialet",
                "Location Freebox Player Devialet du 1er au 30 Septembre 2026",
                true,
            ),
            (
                "Option B.tv+ sur mobile",
                "Option B.tv+ sur mobile du 02/10 au 01/11",
                true,
            ),
            (
                "Option Multi-SIM",
                "Option Sécurité Mobile du 01/10 au 31/10",
                false,
            ),
            (
                "Option SFR Cloud 100 Go",
                "Assurance Mobile Sérénité",
                false,
            ),
            ("Option", "Option Sécurité Mobile", false),
        ];
        for (a, b, same) in cases {
            assert_eq!(same_item(a, b), same, "{a} / {b}");
        }
    }
}
