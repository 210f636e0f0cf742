//! Kinds of charge: what a charge is, from its label first and its section second.
//!
//! The label decides when it is explicit — a surcharged number or its words, third-party
//! billing, usage abroad, an international call, insurance, a fee, a discount — and the
//! heading it is printed under gives the default: "Appels émis depuis la Suisse" under a
//! "Forfait" heading is usage abroad, not the subscription. Pure.

use crate::core::bill::Category;

use super::headings::SectionKind;
use super::numbers::{premium_in_label, premium_words};
use super::places::{place_in, roaming_words};
use super::{fold, fold_words, has_any};

/// Whether a text speaks of third-party billing.
pub fn third_party_words(folded: &str) -> bool {
    has_any(
        folded,
        &[
            "internet+",
            "internet +",
            "contact+",
            "achat de contenu",
            "achats de contenu",
            "achat de service",
            "achats de service",
            "paiement sur facture",
            "paiement par facture",
            "achat sur facture",
            "achats sur facture",
            "paiement mobile",
            "fournis par des tiers",
            "service tiers",
            "services tiers",
            "service d'un tiers",
            "gallery",
            "achats numeriques",
            "achat numerique",
            "achats sur mobile",
            "achat sur mobile",
            "facturation operateur",
            "paiement operateur",
            "via l'operateur",
            "via votre operateur",
            "achat d'application",
            "achats d'application",
            "achat application",
            "achats application",
            "achat in app",
            "achat integre",
            "via facture",
            "google play",
            "app store",
            "itunes",
            "paiement par sms",
            "achat par sms",
            "achats par sms",
        ],
    )
}

/// Whether a label names a one-off fee.
pub fn one_off_words(folded: &str) -> bool {
    folded.starts_with("frais ")
        || has_any(
            folded,
            &[
                "mise en service",
                "frais d'activation",
                "resiliation",
                "rejet de",
                "impaye",
                "facture papier",
                "relance",
                "penalite",
                "indemnite",
                "frais de dossier",
                "frais de retard",
                "majoration",
                "carte sim",
            ],
        )
}

/// Labels that start like a credit.
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

/// Labels that start like a one-off fee.
const ONE_OFF_STARTS: &[&str] = &[
    "frais",
    "penalite",
    "indemnite",
    "mise en service",
    "duplicata",
    "regularisation",
    "majoration",
];

/// Labels that start like something subscribed (its name then holds places or numbers
/// that say nothing about usage: "Option Appels illimités Europe", "Pass Maroc").
const SUBSCRIBED_STARTS: &[&str] = &[
    "forfait",
    "abonnement",
    "option",
    "pass",
    "bouquet",
    "offre",
    "location",
    "serie speciale",
];

/// Words that say a label is about a call, a message or a connection.
fn usage_context(words: &str) -> bool {
    has_any(
        words,
        &[
            "appel",
            "sms",
            "mms",
            "communication",
            "numero",
            "vers le",
            "vers les",
            "service",
            "internet",
            "data",
            "connexion",
            "message",
            "minutes",
        ],
    )
}

/// Whether a label says it is a call to another country (from France): the word, or a
/// country after "vers" (`Appels vers le Brésil`, `SMS vers le Maroc`).
fn international(words: &str) -> bool {
    if has_any(
        words,
        &[
            "international",
            "internationaux",
            "internationales",
            "vers l'etranger",
            "depuis la france vers",
        ],
    ) {
        return true;
    }
    let tokens: Vec<&str> = words.split(' ').collect();
    tokens.iter().enumerate().any(|(i, w)| {
        *w == "vers" && place_in(&tokens[i + 1..tokens.len().min(i + 5)].join(" ")).is_some()
    })
}

/// What a charge is: the label when it says so explicitly, the section it is printed
/// under otherwise. `within_plan` is what a sub-heading of a communications section said
/// (included or out of the plan); `negative` whether the amount is a credit.
pub fn categorize(
    section: Option<SectionKind>,
    within_plan: Option<bool>,
    label: &str,
    negative: bool,
) -> Category {
    let f = fold(label);
    let f = f.trim();
    let words = fold_words(label);
    let starts = |list: &[&str]| list.iter().any(|w| f.starts_with(w));
    let subscribed = starts(SUBSCRIBED_STARTS);
    if starts(&["remise en service", "remise en etat"]) {
        return Category::OneOffFee;
    }
    if negative || starts(DISCOUNT_STARTS) {
        return Category::Discount;
    }
    // What the label names outright.
    if third_party_words(&words) || section == Some(SectionKind::ThirdParty) {
        return Category::ThirdParty;
    }
    if !subscribed
        && (premium_words(&words) || (usage_context(&words) && premium_in_label(label).is_some()))
    {
        return Category::Premium;
    }
    if !subscribed && usage_context(&words) && (roaming_words(&words) || international(&words)) {
        return Category::OutOfPlan;
    }
    if !subscribed
        && has_any(
            &words,
            &[
                "hors forfait",
                "depassement",
                "au dela",
                "hors offre",
                "non inclus",
            ],
        )
    {
        return Category::OutOfPlan;
    }
    if section == Some(SectionKind::Instalments)
        || starts(&["mensualite", "facilite de paiement", "echeance"])
    {
        return Category::EquipmentInstalment;
    }
    // A phone bought outright is equipment, not a fee or a service.
    if has_any(&words, &["comptant"]) {
        return Category::Other;
    }
    if starts(ONE_OFF_STARTS) || (!subscribed && one_off_words(&words)) {
        return Category::OneOffFee;
    }
    // Options, TV packs, insurance, and equipment rented (`Location Freebox Player`,
    // `Loyer Apple iPhone 15`, `Répéteur Wi-Fi`, `Décodeur TV`, `Pack TV sur mobile`).
    if starts(&["option", "pass ", "bouquet", "location", "loyer", "pack "])
        || has_any(
            &words,
            &[
                "assurance",
                "repeteur",
                "decodeur",
                "player",
                "boitier",
                "location",
                "loyer",
            ],
        )
    {
        return Category::Option;
    }
    // The section's default.
    match section {
        Some(SectionKind::Subscriptions) => Category::Subscription,
        Some(SectionKind::Communications) => match within_plan {
            Some(true) => Category::Usage,
            _ => Category::OutOfPlan,
        },
        Some(SectionKind::OutOfPlan) => Category::OutOfPlan,
        Some(SectionKind::OneOff) => Category::OneOffFee,
        // Under discounts, a row without a minus sign (a negative amount is a discount
        // above) or a word of its own that makes it one is not a discount: a charge
        // printed after them (`Bbox - location équipement  3,00`).
        Some(SectionKind::Discounts) => Category::Other,
        Some(SectionKind::ThirdParty) => Category::ThirdParty,
        Some(SectionKind::Instalments) => Category::EquipmentInstalment,
        Some(SectionKind::Other) => {
            if names_a_service(f) {
                Category::Subscription
            } else {
                Category::Other
            }
        }
        // No heading to go by: what a plan is called (`Mobile Illimité 50 Go`, `Box
        // Fibre`) makes a subscription.
        None => {
            if subscription_name(f) {
                Category::Subscription
            } else {
                Category::Other
            }
        }
    }
}

/// Whether a label reads like the name of a plan or a box: `Forfait …`, `Abonnement …`,
/// `… Illimité …`, `Box Fibre`, `Freebox Révolution`, an allowance (`80 Go`, `2h`).
pub fn subscription_name(folded: &str) -> bool {
    let allowance = folded
        .split_whitespace()
        .collect::<Vec<_>>()
        .windows(2)
        .any(|w| w[0].chars().all(|c| c.is_ascii_digit()) && matches!(w[1], "go" | "mo" | "h"));
    names_a_service(folded) || allowance
}

/// Whether a label names a line or a box service outright (`Forfait …`, `… Illimité`,
/// `Bbox`, `Freebox`, `Fibre`, `Haut Débit`) — unlike an allowance, which a phone's
/// storage (`256 Go`) looks like too.
pub fn names_a_service(folded: &str) -> bool {
    ["forfait", "abonnement", "offre"]
        .iter()
        .any(|w| folded.starts_with(w))
        || ["illimite", "box", "fibre", "adsl", "haut debit", "vdsl"]
            .iter()
            .any(|w| folded.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::vocab::headings::SectionKind;

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
                Some(S::Subscriptions),
                None,
                "Loyer Apple iPhone 15 128 Go - Noir (loyer du 18-09-2022)",
                false,
                Option,
            ),
            (
                Some(S::Subscriptions),
                None,
                "Pack TV sur mobile",
                false,
                Option,
            ),
            (
                Some(S::OneOff),
                None,
                "Samsung Galaxy S24 Ultra 256 Go - paiement comptant",
                false,
                Other,
            ),
            // Printed after the discounts, positive: what it names, never a discount.
            (
                Some(S::Discounts),
                None,
                "Bbox - location équipement",
                false,
                Option,
            ),
            (Some(S::Discounts), None, "Frais de port", false, OneOffFee),
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
            // A SIM card billed is a one-off fee (the rules call it so too).
            (None, None, "Carte SIM", false, OneOffFee),
            (None, None, "Accessoire", false, Other),
            (
                Some(S::Subscriptions),
                None,
                "Répéteur Wi-Fi",
                false,
                Option,
            ),
            (
                Some(S::OneOff),
                None,
                "Samsung Galaxy S26 256 Go – achat comptant",
                false,
                Other,
            ),
            (Some(S::Other), None, "Freebox Pop", false, Subscription),
            (
                Some(S::Other),
                None,
                "Livebox Up Fibre",
                false,
                Subscription,
            ),
            // The label decides when it is explicit, whatever the section.
            (
                Some(S::Subscriptions),
                None,
                "Appels émis depuis la Suisse",
                false,
                OutOfPlan,
            ),
            (
                Some(S::Subscriptions),
                None,
                "Internet depuis les États-Unis",
                false,
                OutOfPlan,
            ),
            (
                Some(S::Subscriptions),
                None,
                "Communications vers l'international",
                false,
                OutOfPlan,
            ),
            (
                Some(S::Subscriptions),
                None,
                "Achat application via paiement opérateur",
                false,
                ThirdParty,
            ),
            (Some(S::Subscriptions), None, "Appel 3617", false, Premium),
            (
                Some(S::Communications),
                Some(true),
                "Appel vers le 118 712",
                false,
                Premium,
            ),
            (
                Some(S::Other),
                None,
                "Pénalité de défaut de paiement",
                false,
                OneOffFee,
            ),
            (
                Some(S::Subscriptions),
                None,
                "Assurance écran",
                false,
                Option,
            ),
            // …but a subscribed item's name holds places and numbers that say nothing
            // about usage.
            (
                Some(S::Subscriptions),
                None,
                "Option Appels illimités Europe",
                false,
                Option,
            ),
            (
                Some(S::Subscriptions),
                None,
                "Forfait 1000 SMS 3617 Édition",
                false,
                Subscription,
            ),
            (
                Some(S::Subscriptions),
                None,
                "Forfait Sosh 25,99€ 5G",
                false,
                Subscription,
            ),
            (
                Some(S::Communications),
                Some(true),
                "1000 SMS",
                false,
                Usage,
            ),
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
