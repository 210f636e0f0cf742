//! Section headings: which rows name a family of charges, and what each family is.
//!
//! Pure. The vocabulary is the one French operators share (abonnements, forfaits et
//! options / communications / services ponctuels ou occasionnels), from the rules on
//! bills — the *arrêté du 1er février 2002*, since replaced by the *arrêté du 31 décembre
//! 2013 relatif aux factures des services de communications électroniques* — plus what
//! operators added since (tiers, remises, facilité
//! de paiement). Generic first: a bill from an operator never seen still reads.

use super::fold;

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
    "principaux",
    "principal",
    "principales",
    "mensuel",
    "mensuels",
    "mensuelle",
    "mensuelles",
    "factures",
    "facturees",
    "facture",
    "compte",
    "telephoniques",
    "telephonique",
    "pour",
    "via",
    "applications",
    "application",
    "avantages",
    "avantage",
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
    "reductions",
    "avantages",
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
    // A period after the heading (`Vos abonnements du 18-09 au 17-10`) is not a word of it.
    let mut head = without_parens.as_str();
    let mut from = 0;
    while let Some(at) = head[from..].find(" du ") {
        let start = from + at;
        let rest = &head[start + 4..];
        if rest.starts_with(|c: char| c.is_ascii_digit()) {
            head = &head[..start];
            break;
        }
        from = start + 4;
    }
    let words: Vec<String> = head
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
    // "Hors forfait : Internet mobile" names a charge after its colon.
    if label
        .split_once(':')
        .is_some_and(|(_, after)| after.chars().any(char::is_alphanumeric))
    {
        return false;
    }
    let words = heading_words(label);
    // "Détail de votre consommation", "Récapitulatif": a page's title, not a family.
    if words.first().is_some_and(|w| {
        matches!(
            w.as_str(),
            "detail" | "recapitulatif" | "synthese" | "resume"
        )
    }) {
        return false;
    }
    // "Vos services Bouygues Telecom", "Prestations Orange", "Achats via Free": a heading
    // may name the operator after a word that introduces it — not after the name of an
    // offer ("Abonnement Freebox" is a charge).
    let heading_word = |(i, w): (usize, &String)| {
        HEADING_WORDS.contains(&w.as_str())
            || (OPERATOR_WORDS.contains(&w.as_str())
                && i > 0
                && matches!(
                    words[i - 1].as_str(),
                    "vos"
                        | "votre"
                        | "via"
                        | "par"
                        | "de"
                        | "services"
                        | "prestations"
                        | "bouygues"
                        | "b"
                        | "you"
                        | "free"
                        | "red"
                ))
    };
    !words.is_empty()
        && words.len() <= 8
        && words.iter().enumerate().all(heading_word)
        && words.iter().any(|w| FAMILY_WORDS.contains(&w.as_str()))
}

/// Operator names, as heading words of a heading addressed to the customer.
const OPERATOR_WORDS: &[&str] = &[
    "orange", "sosh", "sfr", "red", "bouygues", "b", "you", "free", "freebox", "mobile",
];

/// What a heading announces, from its words.
pub fn section_kind(heading: &str) -> SectionKind {
    let f = fold(heading);
    let has = |k: &str| f.contains(k);
    // "Vos frais et achats ponctuels" is the one-off section, whatever it buys.
    if has("tiers") {
        SectionKind::ThirdParty
    } else if has("ponctuel") || has("occasionnel") {
        SectionKind::OneOff
    } else if has("achats") || has("contenus") {
        SectionKind::ThirdParty
    } else if has("facilite") || has("mensualite") || has("echelonn") {
        SectionKind::Instalments
    } else if has("remise") || has("avoir") || has("reduction") || has("avantage") {
        SectionKind::Discounts
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
    // "Hors forfait : Internet mobile" names a charge (its amount may be on the next row).
    if f.split_once(':')
        .is_some_and(|(_, after)| after.chars().any(char::is_alphanumeric))
    {
        return None;
    }
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
            ("Vos services Bouygues Telecom", true),
            ("Vos abonnements du 18-09 au 17-10", true),
            ("Abonnements, forfaits et options du 03/12/2019 au 02/01/2020", true),
            ("Services facturés pour le compte de tiers", true),
            ("Abonnements principaux", true),
            ("Forfait 5G du 01/10 au 31/10", false),
            ("Forfait du 01-08 au 31-08", true),
            ("Forfait 100 Go", false),
            ("Vos services Orange", true),
            ("Abonnement Freebox", false),
            ("Prestations Orange", true),
            ("Achats via Free (**)", true),
            ("Achats via votre facture (**)", true),
            ("Vos remises et avantages", true),
            ("Détail de votre consommation", false),
            ("Applications - contenus - services (**)", true),
            ("Hors forfait : Internet mobile", false),
            ("Forfait B&You 60Go", false),
            ("Réductions", true),
            ("Vos avantages", true),
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
            ("Vos frais et achats ponctuels", OneOff),
            ("Achats via Free", ThirdParty),
            ("Vos remises et avantages", Discounts),
            ("Remises", Discounts),
            ("Réductions", Discounts),
            ("Mensualité de votre facilité de paiement", Instalments),
            ("Vos autres services et produits", Other),
            ("Autres prestations", Other),
        ];
        for (heading, want) in cases {
            assert_eq!(section_kind(heading), want, "section_kind({heading:?})");
        }
    }
}
