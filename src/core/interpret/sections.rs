//! Section headings and what a charge is: from the heading it is printed under, refined
//! by the words of its label.
//!
//! Pure. The vocabulary is the one of the *arrêté du 1er février 2002* that every French
//! operator follows (abonnements, forfaits et options / communications / services
//! ponctuels ou occasionnels) plus what operators added since (tiers, remises, facilité
//! de paiement). Generic first: a bill from an operator never seen still reads.

use crate::core::bill::Category;

use super::text::fold;

/// What a section heading announces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SectionKind {
    /// Abonnements, forfaits et options.
    Subscriptions,
    /// Communications / consommations, included or not.
    Communications,
    /// Communications hors forfait / en dépassement.
    OutOfPlan,
    /// Services ponctuels ou occasionnels.
    OneOff,
    /// Services fournis par des tiers, achats Internet+.
    ThirdParty,
    /// Remises, avoirs.
    Discounts,
    /// Facilité de paiement, mensualités d'équipement.
    Instalments,
    /// Autres services et produits, autres prestations.
    Other,
}

/// Words a heading is made of. A row whose every word is one of these (and that names a
/// family) is a heading, or, when it carries an amount, a subtotal repeating the detail.
const HEADING_WORDS: &[&str] = &[
    "vos",
    "votre",
    "vous",
    "et",
    "ou",
    "de",
    "des",
    "du",
    "par",
    "les",
    "la",
    "le",
    "d",
    "l",
    "a",
    "en",
    "au",
    "aux",
    "sur",
    "abonnement",
    "abonnements",
    "forfait",
    "forfaits",
    "option",
    "options",
    "communications",
    "communication",
    "consommations",
    "consommation",
    "hors",
    "services",
    "service",
    "ponctuels",
    "ponctuel",
    "occasionnels",
    "occasionnel",
    "fournis",
    "tiers",
    "remises",
    "remise",
    "reductions",
    "autres",
    "produits",
    "prestations",
    "mensualite",
    "mensualites",
    "facilite",
    "facilites",
    "paiement",
    "achats",
    "equipements",
    "equipement",
    "depassement",
    "divers",
    "avoirs",
    "frais",
    "non",
    "incluses",
    "inclus",
    "ponctuelles",
    "contenus",
    "telecom",
    "telecommunications",
    "mobile",
    "internet",
    "fixe",
    "ligne",
    "lignes",
    "offre",
    "offres",
    "detail",
    "souscrits",
    "souscrites",
    "compris",
    "additionnels",
    "supplementaires",
    "usage",
    "usages",
];

/// The words among those that name a family of charges: a heading has at least one.
const FAMILY_WORDS: &[&str] = &[
    "abonnement",
    "abonnements",
    "forfait",
    "forfaits",
    "options",
    "communications",
    "communication",
    "consommations",
    "consommation",
    "ponctuels",
    "occasionnels",
    "tiers",
    "remises",
    "autres",
    "prestations",
    "mensualite",
    "mensualites",
    "facilite",
    "achats",
    "equipements",
    "depassement",
    "services",
    "produits",
    "avoirs",
];

/// The words of a label, folded, without a parenthesised part (`(du 02/10 au 01/11)`)
/// or an `EXEMPLE –` prefix.
fn heading_words(label: &str) -> Vec<String> {
    let folded = fold(label);
    let mut without_parens = String::new();
    let mut depth = 0;
    for c in folded.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = (depth - 1).max(0),
            _ if depth == 0 => without_parens.push(c),
            _ => {}
        }
    }
    let words: Vec<String> = without_parens
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    // A numbered heading (`1. Abonnements`, `II – Communications`).
    let numbered = words.first().is_some_and(|w| {
        w.chars().all(|c| c.is_ascii_digit())
            || matches!(w.as_str(), "i" | "ii" | "iii" | "iv" | "v" | "vi")
    });
    words.into_iter().skip(usize::from(numbered)).collect()
}

/// Whether a label is a section heading (or a summary row naming one): made only of
/// heading words, naming a family, short.
pub fn is_heading_like(label: &str) -> bool {
    let words = heading_words(label);
    !words.is_empty()
        && words.len() <= 8
        && words.iter().all(|w| HEADING_WORDS.contains(&w.as_str()))
        && words.iter().any(|w| FAMILY_WORDS.contains(&w.as_str()))
}

/// What a heading announces, from its words.
pub fn section_kind(heading: &str) -> SectionKind {
    let f = fold(heading);
    let has = |k: &str| f.contains(k);
    if has("tiers") || has("achats") || has("contenus") {
        SectionKind::ThirdParty
    } else if has("facilite") || has("mensualite") || has("echelonn") {
        SectionKind::Instalments
    } else if has("remise") || has("avoir") || has("reduction") {
        SectionKind::Discounts
    } else if has("ponctuel") || has("occasionnel") {
        SectionKind::OneOff
    } else if has("hors forfait") || has("depassement") || has("non inclus") {
        SectionKind::OutOfPlan
    } else if has("communication") || has("consommation") || has("usage") {
        SectionKind::Communications
    } else if has("autres")
        || has("prestations")
        || has("produits")
        || has("divers")
        || has("equipement")
    {
        SectionKind::Other
    } else if has("abonnement") || has("forfait") || has("option") {
        SectionKind::Subscriptions
    } else {
        SectionKind::Other
    }
}

/// A sub-heading inside a communications section that says whether what follows is
/// within the plan or out of it; `None` when the row is not one.
pub fn usage_subheading(text: &str) -> Option<bool> {
    let f = fold(text);
    let f = f.trim_start();
    if f.starts_with("en depassement")
        || f.starts_with("hors forfait")
        || f.starts_with("non inclus")
    {
        Some(false)
    } else if f.starts_with("decompte") || f.starts_with("inclus") || f.starts_with("compris dans")
    {
        Some(true)
    } else {
        None
    }
}

const PREMIUM_WORDS: &[&str] = &[
    "numeros speciaux",
    "numero special",
    "n° special",
    "renseignements",
    "118",
    "sms+",
    "mms+",
    "numeros courts",
    "numero court",
    "valeur ajoutee",
    "surtax",
    "audiotel",
    "08 9",
    "089",
];

const THIRD_PARTY_WORDS: &[&str] = &[
    "internet+",
    "internet +",
    "paiement sur facture",
    "achat de contenu",
    "contenus",
];

const DISCOUNT_STARTS: &[&str] = &[
    "remise",
    "geste commercial",
    "avoir",
    "reduction",
    "promotion",
    "remboursement",
    "credit",
    "ristourne",
];

const ONE_OFF_STARTS: &[&str] = &[
    "frais",
    "penalite",
    "indemnite",
    "mise en service",
    "duplicata",
    "regularisation",
];

/// What a charge is, from its section and its label.
pub fn categorize(
    section: Option<SectionKind>,
    within_plan: Option<bool>,
    label: &str,
    negative: bool,
) -> Category {
    let f = fold(label);
    let f = f.trim();
    let starts = |words: &[&str]| words.iter().any(|w| f.starts_with(w));
    let contains = |words: &[&str]| words.iter().any(|w| f.contains(w));
    if starts(&["remise en service", "remise en etat"]) {
        return Category::OneOffFee;
    }
    if negative || starts(DISCOUNT_STARTS) {
        return Category::Discount;
    }
    if section == Some(SectionKind::ThirdParty) || contains(THIRD_PARTY_WORDS) {
        return Category::ThirdParty;
    }
    if section == Some(SectionKind::Instalments)
        || starts(&["mensualite", "facilite de paiement", "echeance"])
    {
        return Category::EquipmentInstalment;
    }
    if starts(ONE_OFF_STARTS) {
        return Category::OneOffFee;
    }
    if section != Some(SectionKind::Subscriptions) && contains(PREMIUM_WORDS) {
        return Category::Premium;
    }
    // Options, insurance, and equipment rented with the box (`Location Freebox Player`).
    if starts(&["option", "pass ", "bouquet", "location"]) || contains(&["assurance"]) {
        return Category::Option;
    }
    match section {
        Some(SectionKind::Subscriptions) => Category::Subscription,
        Some(SectionKind::Communications) => match within_plan {
            Some(true) => Category::Usage,
            _ => Category::OutOfPlan,
        },
        Some(SectionKind::OutOfPlan) => Category::OutOfPlan,
        Some(SectionKind::OneOff) => Category::OneOffFee,
        Some(SectionKind::Discounts) => Category::Discount,
        Some(SectionKind::ThirdParty) => Category::ThirdParty,
        Some(SectionKind::Instalments) => Category::EquipmentInstalment,
        Some(SectionKind::Other) => {
            if starts(&["forfait", "abonnement"]) {
                Category::Subscription
            } else {
                Category::Other
            }
        }
        // No heading to go by: what a plan is called (`Mobile Illimité 50 Go`, `Box
        // Fibre`) makes a subscription.
        None => {
            let allowance = f
                .split_whitespace()
                .collect::<Vec<_>>()
                .windows(2)
                .any(|w| {
                    w[0].chars().all(|c| c.is_ascii_digit()) && matches!(w[1], "go" | "mo" | "h")
                });
            if starts(&["forfait", "abonnement", "offre"])
                || contains(&["illimite", "box", "fibre", "adsl"])
                || allowance
            {
                Category::Subscription
            } else {
                Category::Other
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_headings_from_labels() {
        let cases = [
            ("Vos abonnements, forfaits et options", true),
            ("Vos communications (du 02/10 au 01/11)", true),
            ("Consommations hors forfait", true),
            ("Services ponctuels ou occasionnels", true),
            ("Vos services fournis par des tiers", true),
            ("Mensualité de votre facilité de paiement", true),
            ("Remises", true),
            ("1. Abonnements, forfaits et options", true),
            ("II – Communications", true),
            ("4G Box", false),
            ("Forfait et options", true),
            ("Autres prestations", true),
            ("Votre abonnement", true),
            ("EXEMPLE – Vos abonnements, forfaits et options", false),
            ("Forfait RED 5G 200 Go du 12/10 au 11/11", false),
            ("Option Multi-SIM du 01/10 au 31/10", false),
            ("Remise Bbox & Mobile du 02/10 au 01/11", false),
            ("Frais de mise en service", false),
            ("Mensualité 8/24 – iPad 11 128 Go", false),
            ("Décomptées de vos forfaits : 14 appels, 22 SMS, 3,2 Go – voir le détail en page 4.", false),
            ("Total TTC", false),
            ("Votre facture en bref", false),
            ("Le détail de votre facture", false),
        ];
        for (label, want) in cases {
            assert_eq!(is_heading_like(label), want, "is_heading_like({label:?})");
        }
    }

    #[test]
    fn reads_what_a_section_announces() {
        use SectionKind::*;
        let cases = [
            ("Vos abonnements, forfaits et options", Subscriptions),
            ("Forfait et options", Subscriptions),
            ("Votre abonnement", Subscriptions),
            ("Vos communications (du 02/10 au 01/11)", Communications),
            ("Vos consommations", Communications),
            ("Communications hors forfait", OutOfPlan),
            ("Consommations hors forfait", OutOfPlan),
            ("Services ponctuels ou occasionnels", OneOff),
            ("Services fournis par des tiers", ThirdParty),
            ("Remises", Discounts),
            ("Mensualité de votre facilité de paiement", Instalments),
            ("Vos autres services et produits", Other),
            ("Autres prestations", Other),
        ];
        for (heading, want) in cases {
            assert_eq!(section_kind(heading), want, "section_kind({heading:?})");
        }
    }

    #[test]
    fn categorizes_charges() {
        use Category::*;
        use SectionKind as S;
        type Case = (
            std::option::Option<S>,
            std::option::Option<bool>,
            &'static str,
            bool,
            Category,
        );
        let cases: &[Case] = &[
            (
                Some(S::Subscriptions),
                None,
                "Forfait Orange 5G 100 Go du 01/10 au 31/10",
                false,
                Subscription,
            ),
            (
                Some(S::Subscriptions),
                None,
                "Freebox Pop du 1er au 31 Octobre 2026",
                false,
                Subscription,
            ),
            (
                Some(S::Subscriptions),
                None,
                "Option Multi-SIM du 01/10 au 31/10",
                false,
                Option,
            ),
            (
                Some(S::Subscriptions),
                None,
                "Assurance Mobile Sérénité du 15/10 au 14/11",
                false,
                Option,
            ),
            (
                Some(S::Subscriptions),
                None,
                "Remise Bbox & Mobile",
                true,
                Discount,
            ),
            (
                Some(S::Communications),
                Some(false),
                "Appels vers l'international (Tunisie)",
                false,
                OutOfPlan,
            ),
            (
                Some(S::Communications),
                None,
                "Appels vers les numéros spéciaux (08 99)",
                false,
                Premium,
            ),
            (
                Some(S::Communications),
                Some(false),
                "Appel vers le 3630 (service à valeur ajoutée)",
                false,
                Premium,
            ),
            (
                Some(S::OutOfPlan),
                None,
                "SMS+ vers numéros courts",
                false,
                Premium,
            ),
            (
                Some(S::OutOfPlan),
                None,
                "Services de renseignements 118",
                false,
                Premium,
            ),
            (
                Some(S::OutOfPlan),
                None,
                "Internet depuis le Canada",
                false,
                OutOfPlan,
            ),
            (
                Some(S::Communications),
                Some(true),
                "Appels nationaux",
                false,
                Usage,
            ),
            (
                Some(S::ThirdParty),
                None,
                "Internet+ Royal Quest – achat de contenu",
                false,
                ThirdParty,
            ),
            (
                Some(S::Other),
                None,
                "Samsung Galaxy S26 256 Go – achat comptant",
                false,
                Other,
            ),
            (
                Some(S::Other),
                None,
                "Frais de changement de carte SIM",
                false,
                OneOffFee,
            ),
            (
                Some(S::Other),
                None,
                "Avoir sur facture précédente",
                true,
                Discount,
            ),
            (
                Some(S::OneOff),
                None,
                "Frais de rejet de prélèvement du 05/10/2026",
                false,
                OneOffFee,
            ),
            (
                Some(S::Instalments),
                None,
                "Mensualité 8/24 – iPad 11 128 Go",
                false,
                EquipmentInstalment,
            ),
            (
                Some(S::Discounts),
                None,
                "Geste commercial fidélité",
                true,
                Discount,
            ),
            (
                Some(S::Communications),
                None,
                "Hors forfait : appels vers les numéros courts 118",
                false,
                Premium,
            ),
            (None, None, "Forfait Liberté 80 Go", false, Subscription),
            (
                None,
                None,
                "Mobile Illimité 50 Go (novembre 2026)",
                false,
                Subscription,
            ),
            (None, None, "Pass Europe 5 Go", false, Option),
            (None, None, "Carte SIM", false, Other),
            (
                None,
                None,
                "Internet+ GameZone Club – abonnement hebdomadaire",
                false,
                ThirdParty,
            ),
        ];
        for (section, within, label, negative, want) in cases {
            assert_eq!(
                categorize(*section, *within, label, *negative),
                *want,
                "categorize({label:?})"
            );
        }
    }
}
