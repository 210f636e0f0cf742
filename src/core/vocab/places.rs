//! Places: the countries and regions a label names, whether EU roaming rules ("roam like
//! at home") apply there, and wording that says the line was used abroad. Pure.

use super::{has_any, has_word};

/// A country or region where the line can be used, with whether EU roaming rules apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    /// The French name, as printed in messages.
    pub name: &'static str,
    /// The English name.
    pub name_en: &'static str,
    /// Whether it is in the EU/EEA zone ("roam like at home").
    pub eu: bool,
}

/// Folded names → (French name, EU/EEA). The EU/EEA list is complete; outside it, the
/// countries French travellers visit most, plus the microstates that are *not* covered.
const PLACES: &[(&str, &str, &str, bool)] = &[
    ("allemagne", "Allemagne", "Germany", true),
    ("autriche", "Autriche", "Austria", true),
    ("belgique", "Belgique", "Belgium", true),
    ("bulgarie", "Bulgarie", "Bulgaria", true),
    ("chypre", "Chypre", "Cyprus", true),
    ("croatie", "Croatie", "Croatia", true),
    ("danemark", "Danemark", "Denmark", true),
    ("espagne", "Espagne", "Spain", true),
    ("estonie", "Estonie", "Estonia", true),
    ("finlande", "Finlande", "Finland", true),
    ("grece", "Grèce", "Greece", true),
    ("hongrie", "Hongrie", "Hungary", true),
    ("irlande", "Irlande", "Ireland", true),
    ("italie", "Italie", "Italy", true),
    ("lettonie", "Lettonie", "Latvia", true),
    ("lituanie", "Lituanie", "Lithuania", true),
    ("luxembourg", "Luxembourg", "Luxembourg", true),
    ("malte", "Malte", "Malta", true),
    ("pays bas", "Pays-Bas", "the Netherlands", true),
    ("hollande", "Pays-Bas", "the Netherlands", true),
    ("pologne", "Pologne", "Poland", true),
    ("portugal", "Portugal", "Portugal", true),
    ("tcheque", "Tchéquie", "Czechia", true),
    ("tchequie", "Tchéquie", "Czechia", true),
    ("roumanie", "Roumanie", "Romania", true),
    ("slovaquie", "Slovaquie", "Slovakia", true),
    ("slovenie", "Slovénie", "Slovenia", true),
    ("suede", "Suède", "Sweden", true),
    ("islande", "Islande", "Iceland", true),
    ("liechtenstein", "Liechtenstein", "Liechtenstein", true),
    ("norvege", "Norvège", "Norway", true),
    ("guadeloupe", "Guadeloupe", "Guadeloupe", true),
    ("martinique", "Martinique", "Martinique", true),
    ("guyane", "Guyane", "French Guiana", true),
    ("reunion", "La Réunion", "Réunion", true),
    ("mayotte", "Mayotte", "Mayotte", true),
    (
        "union europeenne",
        "Union européenne",
        "the European Union",
        true,
    ),
    ("europe", "Europe", "Europe", true),
    ("ue", "Union européenne", "the European Union", true),
    ("suisse", "Suisse", "Switzerland", false),
    ("royaume uni", "Royaume-Uni", "the United Kingdom", false),
    ("angleterre", "Royaume-Uni", "the United Kingdom", false),
    ("andorre", "Andorre", "Andorra", false),
    ("monaco", "Monaco", "Monaco", false),
    ("saint marin", "Saint-Marin", "San Marino", false),
    ("vatican", "Vatican", "Vatican City", false),
    ("turquie", "Turquie", "Turkey", false),
    ("serbie", "Serbie", "Serbia", false),
    ("albanie", "Albanie", "Albania", false),
    ("montenegro", "Monténégro", "Montenegro", false),
    ("maroc", "Maroc", "Morocco", false),
    ("tunisie", "Tunisie", "Tunisia", false),
    ("algerie", "Algérie", "Algeria", false),
    ("egypte", "Égypte", "Egypt", false),
    ("senegal", "Sénégal", "Senegal", false),
    ("cote d'ivoire", "Côte d'Ivoire", "Côte d'Ivoire", false),
    ("cameroun", "Cameroun", "Cameroon", false),
    ("madagascar", "Madagascar", "Madagascar", false),
    ("maurice", "Maurice", "Mauritius", false),
    ("etats unis", "États-Unis", "the United States", false),
    ("usa", "États-Unis", "the United States", false),
    ("canada", "Canada", "Canada", false),
    ("mexique", "Mexique", "Mexico", false),
    ("bresil", "Brésil", "Brazil", false),
    ("argentine", "Argentine", "Argentina", false),
    ("japon", "Japon", "Japan", false),
    ("chine", "Chine", "China", false),
    ("thailande", "Thaïlande", "Thailand", false),
    ("vietnam", "Viêt Nam", "Vietnam", false),
    ("inde", "Inde", "India", false),
    ("israel", "Israël", "Israel", false),
    (
        "emirats",
        "Émirats arabes unis",
        "the United Arab Emirates",
        false,
    ),
    ("australie", "Australie", "Australia", false),
    ("russie", "Russie", "Russia", false),
    ("ukraine", "Ukraine", "Ukraine", false),
    (
        "polynesie",
        "Polynésie française",
        "French Polynesia",
        false,
    ),
    (
        "nouvelle caledonie",
        "Nouvelle-Calédonie",
        "New Caledonia",
        false,
    ),
    ("etranger", "l'étranger", "abroad", false),
    ("hors ue", "hors UE", "outside the EU", false),
    ("hors union europeenne", "hors UE", "outside the EU", false),
    ("hors europe", "hors Europe", "outside Europe", false),
];

/// Each place name's first word with the name's index in [`PLACES`], sorted by word.
fn first_words() -> &'static [(&'static str, usize)] {
    static INDEX: std::sync::OnceLock<Vec<(&'static str, usize)>> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index: Vec<(&'static str, usize)> = PLACES
            .iter()
            .enumerate()
            .map(|(i, (needle, ..))| (needle.split([' ', '\'']).next().unwrap_or(needle), i))
            .collect();
        index.sort_unstable();
        index
    })
}

/// The place a folded text names; "hors UE" wins over the word "UE" it contains.
pub fn place_in(folded: &str) -> Option<Place> {
    let words = folded.replace('\'', " ");
    // A name can only be there as whole words if its first word is: the few names whose
    // first word the text has are tried, in the table's order, instead of all of them
    // (roaming wording asks this of every few words of a line).
    let index = first_words();
    let mut candidates: Vec<usize> = words
        .split(' ')
        .flat_map(|w| {
            let from = index.partition_point(|(first, _)| *first < w);
            index
                .get(from..)
                .unwrap_or_default()
                .iter()
                .take_while(move |(first, _)| *first == w)
                .map(|(_, i)| *i)
        })
        .collect();
    candidates.sort_unstable();
    candidates.dedup();
    pick(&words, candidates.iter().filter_map(|&i| PLACES.get(i)))
}

/// The place named among `names` (in the table's order) in `words` (folded, apostrophes
/// made spaces).
fn pick<'a>(
    words: &str,
    names: impl Iterator<Item = &'a (&'static str, &'static str, &'static str, bool)>,
) -> Option<Place> {
    let outside = has_any(words, &["hors ue", "hors union europeenne", "hors europe"]);
    let mut found: Option<Place> = None;
    for (needle, name, name_en, eu) in names {
        if has_word(words, &needle.replace('\'', " ")) && !(*eu && outside) {
            let place = Place {
                name,
                name_en,
                eu: *eu && !outside,
            };
            // A named country beats the generic "l'étranger" / "hors UE".
            let generic = |p: &Place| p.name.starts_with("l'") || p.name.starts_with("hors");
            match found {
                Some(f) if !generic(&f) => {}
                _ => found = Some(place),
            }
        }
    }
    found
}

/// Whether the wording says the line was used abroad (not: called abroad from France).
pub fn roaming_words(folded: &str) -> bool {
    let abroad = has_any(
        folded,
        &[
            "roaming",
            "itinerance",
            "a l'etranger",
            "depuis l'etranger",
            "emis depuis",
            "emises depuis",
            "recu a",
            "recu au",
            "recu en",
            "recus a",
            "recus au",
            "recus en",
            "recues a",
            "recues au",
            "recues en",
            "recues depuis",
        ],
    );
    // "depuis la Suisse", "en Suisse", "au Maroc", "aux États-Unis" — unless the text
    // said "vers" before: "Appels vers la Tunisie" is an international call from France.
    let words: Vec<&str> = folded.split(' ').collect();
    let toward = |i: usize| {
        words[..i].iter().any(|w| {
            matches!(
                *w,
                "vers" | "destination" | "international" | "internationaux" | "l'international"
            )
        })
    };
    let in_place = words.iter().enumerate().any(|(i, w)| {
        let at = matches!(*w, "depuis" | "en" | "au" | "aux" | "dans");
        at && (*w == "depuis" || !toward(i))
            && place_in(&words[i + 1..words.len().min(i + 4)].join(" ")).is_some()
    });
    abroad || in_place
}

/// Call, SMS or data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Medium {
    /// Voice calls.
    Call,
    /// SMS and MMS.
    Sms,
    /// Mobile data.
    Data,
}

/// The medium a folded text speaks of.
pub fn medium_in(folded: &str) -> Option<Medium> {
    if has_any(folded, &["sms", "mms", "message"]) {
        Some(Medium::Sms)
    } else if has_any(folded, &["internet", "data", "donnees", "connexion"])
        || ["mo", "go", "ko"].iter().any(|w| has_word(folded, w))
    {
        Some(Medium::Data)
    } else if has_any(folded, &["appel", "communication", "minute", "voix"]) {
        Some(Medium::Call)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::vocab::fold_words as fold;

    /// What `place_in` said when it tried every name in turn.
    fn every_name(folded: &str) -> Option<Place> {
        pick(&folded.replace('\'', " "), PLACES.iter())
    }

    /// Trying only the names whose first word the text has finds what trying them all
    /// did: each name alone, inside words, glued to a word, after "hors UE" and
    /// "l'étranger", and two names in either order.
    #[test]
    fn only_names_whose_first_word_is_there_are_tried() {
        let names: Vec<&str> = PLACES.iter().map(|(needle, ..)| *needle).collect();
        let mut texts = Vec::new();
        for a in &names {
            texts.push(a.to_string());
            texts.push(format!("appels emis en {a} le 3"));
            texts.push(format!("x{a} {a}x"));
            texts.push(format!("hors ue {a}"));
            texts.push(format!("depuis l'etranger ({a})"));
            texts.extend(names.iter().step_by(7).map(|b| format!("{a} {b}")));
            texts.extend(names.iter().step_by(7).map(|b| format!("{b} puis {a}")));
        }
        for text in &texts {
            assert_eq!(place_in(text), every_name(text), "{text:?}");
        }
    }

    #[test]
    #[allow(clippy::type_complexity)] // a table of cases reads best inline
    fn places_and_roaming_wording() {
        let cases: &[(&str, Option<(&str, bool)>, bool)] = &[
            (
                "Appels émis depuis le Maroc (hors UE)",
                Some(("Maroc", false)),
                true,
            ),
            (
                "Internet mobile depuis la Suisse (hors UE)",
                Some(("Suisse", false)),
                true,
            ),
            (
                "Appels émis depuis l'étranger (hors UE)",
                Some(("hors UE", false)),
                true,
            ),
            ("Internet depuis l'Italie", Some(("Italie", true)), true),
            ("SMS reçu au Maroc", Some(("Maroc", false)), true),
            (
                "Appel reçu aux États-Unis",
                Some(("États-Unis", false)),
                true,
            ),
            (
                "Appels vers l'international (Tunisie)",
                Some(("Tunisie", false)),
                false,
            ),
            ("Appel vers la Tunisie", Some(("Tunisie", false)), false),
            ("Appel", None, false),
            ("Internet mobile", None, false),
            ("Internet mobile en Suisse", Some(("Suisse", false)), true),
            ("Appels passés au Maroc", Some(("Maroc", false)), true),
            ("Data aux États-Unis", Some(("États-Unis", false)), true),
            ("Appels vers le Maroc", Some(("Maroc", false)), false),
            (
                "Appels vers l'international en Tunisie",
                Some(("Tunisie", false)),
                false,
            ),
            ("Internet en 4G", None, false),
        ];
        for (text, place, roaming) in cases {
            let f = fold(text);
            assert_eq!(place_in(&f).map(|p| (p.name, p.eu)), *place, "{text}");
            assert_eq!(roaming_words(&f), *roaming, "{text}");
        }
    }
}
