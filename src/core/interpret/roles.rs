//! What a row that ends with an amount is, by its wording: the amount due, a subtotal,
//! a VAT figure, a balance or payment that is not this bill's, or a candidate charge.
//!
//! Pure. The wording is one signal; the reading that follows (`tree`) checks every choice
//! against the sums, so a wrongly named row costs a reconciliation, not an accusation.
//! The wordings are the ones of `shared/DOMAIN.md` ("What real bills look like").

use super::text::fold;
use crate::core::phone;
use crate::core::vocab::headings as sections;

/// The role of a row that carries an amount.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Role {
    /// The amount due; the rank says how sure the wording is (3: what is debited or to
    /// pay, 2: the bill's total, 1: a bare "Total …").
    Due(u8),
    /// A subtotal that names itself ("Sous-total", "Total ligne …", "total auprès
    /// d'Orange"): never a charge.
    Sub,
    /// The total excluding VAT.
    Ht,
    /// A VAT figure: a rate's amount or base, "dont TVA", "Montant … soumis à TVA".
    Vat,
    /// A previous balance, a payment or a schedule: amounts that are not this bill's.
    Balance,
    /// Anything else: a charge, or a heading carrying its section's total.
    Item,
}

/// Words of a label before its first real word: bullets, numbering, stray letters of a
/// watermark (`M … total auprès d'Orange`).
pub(super) fn strip_lead(folded: &str) -> &str {
    let mut rest = folded.trim_start();
    loop {
        let word_end = rest.find(' ').unwrap_or(rest.len());
        let word = &rest[..word_end];
        let junk = !word.is_empty()
            && word_end < rest.len()
            && (word.chars().count() == 1
                || word.chars().all(|c| !c.is_alphanumeric())
                || word
                    .trim_end_matches(['.', ')'])
                    .chars()
                    .all(|c| c.is_ascii_digit()));
        if !junk {
            return rest;
        }
        rest = rest[word_end..].trim_start();
    }
}

/// Whether `folded` has `word` as a whole word.
fn has_word(folded: &str, word: &str) -> bool {
    folded
        .split(|c: char| !(c.is_alphanumeric() || c == '+'))
        .any(|w| w == word)
}

/// The role of a row from its label (the text before its amounts).
pub(super) fn role_of(label: &str) -> Role {
    let folded = fold(label);
    let f = strip_lead(&folded);
    let has = |k: &str| f.contains(k);

    // VAT first: "Montant de la facture soumis à TVA" reads like a total but is a base.
    if has_word(f, "tva") || has("t.v.a") || has("taxe sur la valeur") {
        if f.starts_with("total ttc") || (has("ttc") && !has("soumis") && !has("dont")) {
            return Role::Due(2);
        }
        return Role::Vat;
    }
    if (f.starts_with("total") || f.starts_with("montant") || f.starts_with("sous"))
        && (has_word(f, "ht") || has("hors tax") || has("hors tva"))
        && !has_word(f, "ttc")
    {
        return Role::Ht;
    }
    // A fee named after a payment ("Frais de rejet de prélèvement") is a charge, and a
    // credit on this bill for the previous one ("Avoir sur facture précédente") too.
    if [
        "frais",
        "penalite",
        "indemnite",
        "avoir",
        "remise",
        "geste",
        "rembours",
        "regularisation",
    ]
    .iter()
    .any(|k| f.starts_with(k))
    {
        return Role::Item;
    }
    if is_balance(f) {
        return Role::Balance;
    }
    if f.starts_with("sous-total") || f.starts_with("sous total") || f == "total" {
        return Role::Sub;
    }
    if has("aupres d") || has("aupres de") {
        // "total auprès d'Orange": one supplier's part, third parties billed apart; the
        // amount due when the bill prints nothing surer.
        return Role::Due(1);
    }
    let debited = f.split(|c: char| !c.is_alphanumeric()).any(|w| {
        matches!(
            w,
            "preleve" | "prelevee" | "preleves" | "prelevees" | "debite" | "debitee"
        )
    });
    if debited
        || has("a payer")
        || has("a regler")
        || has("date limite de paiement")
        || has("payable")
        || f.starts_with("prelevement")
        || f.starts_with("montant du")
        || f.starts_with("montant de votre prelevement")
    {
        return Role::Due(3);
    }
    if let Some(rest) = f.strip_prefix("total") {
        let rest = rest.trim_start_matches([' ', ':']);
        // `Total ligne 06 12 34 56 78`, `Total pour cette ligne`, `Total Abonnements`.
        if rest.starts_with("ligne")
            || rest.starts_with("pour cette ligne")
            || rest.starts_with("pour la ligne")
            || rest.starts_with("de la ligne")
            || !phone::find_all(rest).is_empty()
            || (!rest.is_empty() && sections::is_heading_like(rest))
        {
            return Role::Sub;
        }
        if whole_bill(rest) || rest.is_empty() {
            return Role::Due(2);
        }
        return Role::Due(1);
    }
    if f.starts_with("montant total")
        || f.starts_with("facture du mois")
        || f.starts_with("votre facture du mois")
        || f.starts_with("montant de votre facture")
        || f.starts_with("montant de la facture")
        || f.starts_with("montant de cette facture")
        || f.starts_with("net a payer")
        || f.starts_with("somme due")
    {
        return Role::Due(2);
    }
    Role::Item
}

/// `facture`, `de la facture`, `de votre facture`, `general`, `ttc`: the whole bill.
fn whole_bill(rest: &str) -> bool {
    let rest = rest.trim();
    rest.starts_with("facture")
        || rest.starts_with("de la facture")
        || rest.starts_with("de votre facture")
        || rest.starts_with("de cette facture")
        || rest.starts_with("du montant")
        || rest.starts_with("general")
        || rest.starts_with("ttc")
        || rest.starts_with("a payer")
        || rest.starts_with("facture")
}

/// Balances, payments and schedules: the previous bill, what was paid, what remains of
/// an instalment plan.
fn is_balance(f: &str) -> bool {
    const STARTS: &[&str] = &[
        "solde",
        "report",
        "ancien solde",
        "paiement recu",
        "votre paiement",
        "vos paiements",
        "vos derniers paiements",
        "reglement",
        "deja regle",
        "montant deja",
        "montant restant",
        "reste a payer",
        "restant du",
        "rappel",
        "prochain",
        "votre precedente facture",
        "facture precedente",
        "echeancier",
        "montant total finance",
        "montant finance",
        "encaissement",
    ];
    STARTS.iter().any(|s| f.starts_with(s))
        || f.contains("precedente facture")
        || f.contains("facture precedente")
        || f.contains("dernieres factures")
        || f.contains("derniere facture")
        || f.contains("situation precedente")
        || f.contains("prelevement effectue")
        || f.contains("deja preleve")
        || f.contains("solde anterieur")
        || f.contains("solde precedent")
        || f.contains("solde debiteur")
        || f.contains("solde crediteur")
        || f.contains("anciennes factures")
        || f.contains("factures anterieures")
        || f.contains("factures impayees")
        || f.contains("report de solde")
        || f.starts_with("reste du")
        || f.starts_with("votre solde")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_role_of_each_wording() {
        use Role::*;
        let cases: &[(&str, Role)] = &[
            ("Montant prélevé le 16 novembre 2019", Due(3)),
            ("total du montant prélevé au 27.11.2025", Due(3)),
            ("Somme à payer le 04 Novembre 2024", Due(3)),
            ("Montant prélevé pour cette facture", Due(3)),
            ("MONTANT TOTAL prélevé le 05/12/2015", Due(3)),
            ("Net à payer", Due(3)),
            ("Total à payer TTC*", Due(3)),
            ("Montant total de cette facture", Due(2)),
            ("Facture du mois", Due(2)),
            ("Montant total de votre facture", Due(2)),
            ("Total facture", Due(2)),
            ("Total de votre facture", Due(2)),
            ("Date limite de paiement le 05 Juillet 2015", Due(3)),
            ("Total", Sub),
            ("Sous-total", Sub),
            ("Total pour cette ligne :", Sub),
            ("Total ligne 06 12 34 56 78", Sub),
            ("Total abonnements, forfaits et options", Sub),
            ("total auprès d'Orange", Due(1)),
            ("M … total auprès d'Orange", Due(1)),
            ("Montant de la facture soumis à TVA", Vat),
            ("TVA 20,00 % payée sur les débits", Vat),
            ("Montant hors TVA soumis à une TVA à 20,00 %", Vat),
            ("Dont TVA 20%:", Vat),
            ("Total TVA", Vat),
            ("Total HT", Ht),
            ("Total de la facture HT", Ht),
            ("Montant HT", Ht),
            ("Solde précédent", Balance),
            ("Reste à payer de votre précédente facture", Balance),
            (
                "Montant restant dû de la/des dernière(s) facture(s)",
                Balance,
            ),
            ("Vos derniers paiements en date du 02/10/2025", Balance),
            ("Rappel: situation précédente de votre compte", Balance),
            (
                "Votre solde débiteur au titre de vos anciennes factures :",
                Balance,
            ),
            ("Reste dû", Balance),
            ("Report de solde", Balance),
            ("Montant des factures impayées", Balance),
            ("Forfait B&You 60Go", Item),
            ("Avoir sur facture précédente", Item),
            ("Vos services Bouygues Telecom", Item),
            ("Vos abonnements, forfaits et options", Item),
            ("Frais de rejet de prélèvement", Item),
            ("Pénalité de défaut de paiement", Item),
            ("Appels vers 0 899 123 456 (total 3 appels)", Item),
            ("· Forfait Sosh 25,99€ 5G", Item),
        ];
        for (label, want) in cases {
            assert_eq!(role_of(label), *want, "role_of({label:?})");
        }
    }

    #[test]
    fn strips_bullets_numbers_and_stray_letters() {
        assert_eq!(strip_lead("· forfait b&you"), "forfait b&you");
        assert_eq!(strip_lead("1 vos abonnements"), "vos abonnements");
        assert_eq!(
            strip_lead("m … total aupres d'orange"),
            "total aupres d'orange"
        );
        assert_eq!(strip_lead("2. communications"), "communications");
        assert_eq!(strip_lead("forfait"), "forfait");
        assert_eq!(strip_lead("a"), "a");
    }
}
