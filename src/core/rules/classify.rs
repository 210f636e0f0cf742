//! What a charge or a call-detail record is, read from its category, section, wording and
//! number: the shared vocabulary of the rules.
//!
//! Each charge gets one primary kind, so that two rules do not claim the same line for
//! different reasons (an "Appels émis depuis l'étranger" line filed as out-of-plan by the
//! reader is roaming here). Number ranges follow DGCCRF's list (see `shared/DOMAIN.md`):
//! surcharged 081/082/089, 3BPQ with B from 2 to 9, 10XY, 118XYZ, SMS+ short codes from
//! 4xxxx up; not 0800–0809, 30PQ/31PQ, 116XYZ, 3xxxx SMS. Pure.

use rust_decimal::Decimal;

use crate::core::bill::{Bill, BillLine, Category, UsageRecord};
use crate::core::plan::digits_spaced;

use super::text::{fold, has_any, has_word};

/// The kind of surcharged number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PremiumKind {
    /// 081 X: service part capped at 0,06 €/min or 0,15 €/call.
    Sva081,
    /// 082 X: service part capped at 0,20 €/min or 0,50 €/call.
    Sva082,
    /// 089 X: service part capped at 0,80 €/min or 3 €/call.
    Sva089,
    /// A 4-digit 3BPQ (B from 2 to 9) or 10XY number.
    Short,
    /// Directory enquiries, 118 XYZ.
    Directory,
    /// An SMS+ short code, by its first digit (4 to 9).
    SmsPlus(u8),
}

impl PremiumKind {
    /// The cap on the service part, per minute and per call, in cents, where there is one;
    /// the call's own price is on top (Arcep décision 2012-0856, checked 2026-11-30).
    pub fn caps_cents(self) -> Option<(i64, i64)> {
        match self {
            PremiumKind::Sva081 => Some((6, 15)),
            PremiumKind::Sva082 => Some((20, 50)),
            PremiumKind::Sva089 => Some((80, 300)),
            _ => None,
        }
    }

    /// A few words for a person.
    pub fn describe(self) -> (&'static str, &'static str) {
        match self {
            PremiumKind::Sva081 | PremiumKind::Sva082 | PremiumKind::Sva089 => (
                "numéro à valeur ajoutée (08 1x, 08 2x, 08 9x)",
                "premium-rate number (08 1x, 08 2x, 08 9x)",
            ),
            PremiumKind::Short => ("numéro court spécial", "special short number"),
            PremiumKind::Directory => ("service de renseignements 118", "118 directory enquiries"),
            PremiumKind::SmsPlus(_) => ("SMS+ vers un numéro court", "SMS+ to a short code"),
        }
    }
}

/// Classifies a number as called or texted (spaces and `+33` allowed). `None` for an
/// ordinary, free or not-surcharged number.
pub fn premium_number(number: &str) -> Option<PremiumKind> {
    let trimmed = number.trim();
    if trimmed.starts_with('+') && !trimmed.starts_with("+33") {
        return None;
    }
    if trimmed.is_empty()
        || !trimmed
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_whitespace() || c == '.' || c == '+')
    {
        return None;
    }
    classify_digits(&crate::core::plan::digits(trimmed), false)
}

/// `prefix` is true when the digits are a range printed on a label ("08 9x"), not a full
/// number.
fn classify_digits(d: &str, prefix: bool) -> Option<PremiumKind> {
    let b = d.as_bytes();
    let len = d.len();
    if b.first() == Some(&b'0') {
        let ten = len == 10 || (prefix && (3..=10).contains(&len));
        if ten && b.get(1) == Some(&b'8') {
            return match b.get(2) {
                Some(b'1') => Some(PremiumKind::Sva081),
                Some(b'2') => Some(PremiumKind::Sva082),
                Some(b'9') => Some(PremiumKind::Sva089),
                _ => None,
            };
        }
        return None;
    }
    match len {
        4 if d.starts_with("10") => Some(PremiumKind::Short),
        4 if b[0] == b'3' && (b'2'..=b'9').contains(&b[1]) => Some(PremiumKind::Short),
        3 if prefix && d == "118" => Some(PremiumKind::Directory),
        6 if d.starts_with("118") => Some(PremiumKind::Directory),
        5 if (b'4'..=b'9').contains(&b[0]) => Some(PremiumKind::SmsPlus(b[0] - b'0')),
        _ => None,
    }
}

/// The surcharged numbers or ranges a label names ("Appel vers le 3630", "08 9x",
/// "numéros courts 118").
fn premium_in_label(label: &str) -> Option<PremiumKind> {
    let chars: Vec<char> = digits_spaced(label).chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() || (i > 0 && chars[i - 1].is_alphanumeric()) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        let run: String = chars[start..i].iter().collect();
        let mut wild = false;
        while i < chars.len() && (chars[i] == 'x' || chars[i] == 'X') {
            wild = true;
            i += 1;
        }
        if chars.get(i).is_some_and(|c| c.is_alphanumeric()) {
            continue;
        }
        let prefix = wild || run.len() == 3 || (run.len() == 4 && run.starts_with('0'));
        if let Some(kind) = classify_digits(&run, prefix) {
            return Some(kind);
        }
    }
    None
}

/// Whether a label's words say "surcharged number".
fn premium_words(folded: &str) -> bool {
    has_any(
        folded,
        &[
            "numeros speciaux",
            "numero special",
            "n special",
            "surtax",
            "sms+",
            "mms+",
            "renseignements",
            "valeur ajoutee",
            "audiotel",
            "tarification speciale",
            "numeros a valeur",
            "services plus",
        ],
    ) || has_word(folded, "118")
        || has_word(folded, "sva")
}

/// Whether a text speaks of third-party billing.
fn third_party_words(folded: &str) -> bool {
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

/// The place a folded text names; "hors UE" wins over the word "UE" it contains.
pub fn place_in(folded: &str) -> Option<Place> {
    let words = folded.replace('\'', " ");
    let outside = has_any(&words, &["hors ue", "hors union europeenne", "hors europe"]);
    let mut found: Option<Place> = None;
    for (needle, name, name_en, eu) in PLACES {
        let hit = has_word(&words, &needle.replace('\'', " "));
        if hit && !(*eu && outside) {
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

/// What a charge is, for the rules: one primary kind per line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineKind {
    /// A discount or credit.
    Discount,
    /// Billed for a third party.
    ThirdParty,
    /// Calls or SMS to surcharged numbers.
    Premium(Option<PremiumKind>),
    /// Used abroad.
    Roaming,
    /// A one-off fee.
    OneOffFee,
    /// Usage charged outside the plan (international calls, overage…).
    OutOfPlan,
    /// The subscription, or an option.
    Recurring,
    /// Anything else (equipment, instalments, included usage).
    Other,
}

fn usage_like(category: Category) -> bool {
    matches!(
        category,
        Category::Usage | Category::OutOfPlan | Category::Premium | Category::Other
    )
}

/// The category, or the one the wording gives when the reader could only say "other":
/// a positive "Forfait …" or "Abonnement …" is a subscription, an "Option …" an option.
pub fn effective_category(line: &BillLine) -> Category {
    if line.category != Category::Other || line.amount <= Decimal::ZERO {
        return line.category;
    }
    let label = fold(&line.label);
    if third_party_words(&label) || has_any(&fold(&line.section), &["tiers"]) {
        return line.category;
    }
    let first = label.split(' ').next().unwrap_or_default();
    match first {
        "forfait" | "abonnement" | "offre" => Category::Subscription,
        "option" => Category::Option,
        _ => line.category,
    }
}

/// The primary kind of a charge.
pub fn line_kind(line: &BillLine) -> LineKind {
    let label = fold(&line.label);
    let section = fold(&line.section);
    if line.category == Category::Discount || line.amount.is_sign_negative() {
        return LineKind::Discount;
    }
    if line.category == Category::ThirdParty
        || has_any(&section, &["tiers", "internet+"])
        || third_party_words(&label)
        // An SMS+ *subscription* or purchase is a service sold by someone else; an SMS+
        // sent is a surcharged message.
        || (has_any(&label, &["sms+", "mms+"])
            && has_any(&label, &["abonnement", "achat", "hebdomadaire", "mensuel"]))
    {
        return LineKind::ThirdParty;
    }
    let recurring = matches!(
        effective_category(line),
        Category::Subscription | Category::Option
    );
    if line.category == Category::Premium || (!recurring && premium_words(&label)) {
        return LineKind::Premium(premium_in_label(&line.label));
    }
    if usage_like(line.category) {
        if let Some(kind) = premium_in_label(&line.label) {
            return LineKind::Premium(Some(kind));
        }
    }
    if !recurring && roaming_words(&label) {
        return LineKind::Roaming;
    }
    if line.category == Category::OneOffFee || (!recurring && one_off_words(&label)) {
        return LineKind::OneOffFee;
    }
    if line.category == Category::OutOfPlan
        || (usage_like(line.category)
            && has_any(
                &label,
                &[
                    "hors forfait",
                    "depassement",
                    "international",
                    "non inclus",
                    "hors offre",
                    "au dela",
                    "excedent",
                    "hors abonnement",
                ],
            ))
    {
        return LineKind::OutOfPlan;
    }
    if recurring {
        return LineKind::Recurring;
    }
    LineKind::Other
}

/// The kinds of all the charges of a bill. A generic out-of-plan charge ("Communications
/// hors forfait") whose amount is exactly what the call detail charges for surcharged
/// numbers (or for usage abroad), when no other charge says so, is that: the detail is the
/// better evidence than the heading.
pub fn line_kinds(bill: &Bill) -> Vec<LineKind> {
    let mut kinds: Vec<LineKind> = bill.lines.iter().map(line_kind).collect();
    let records: Vec<(UsageKind, Decimal)> = bill
        .usage
        .iter()
        .map(|u| (usage_kind(u), u.amount))
        .collect();
    let premium: Decimal = records
        .iter()
        .filter(|r| matches!(r.0, UsageKind::Premium(_)))
        .map(|r| r.1)
        .sum();
    let first_premium = records.iter().find_map(|r| match r.0 {
        UsageKind::Premium(kind) => Some(kind),
        _ => None,
    });
    let roaming: Decimal = records
        .iter()
        .filter(|r| r.0 == UsageKind::Roaming)
        .map(|r| r.1)
        .sum();
    let has_premium = kinds.iter().any(|k| matches!(k, LineKind::Premium(_)));
    let has_roaming = kinds.contains(&LineKind::Roaming);
    let same = |a: Decimal, b: Decimal| (a - b).abs() < Decimal::new(1, 2);
    for (kind, line) in kinds.iter_mut().zip(&bill.lines) {
        if *kind != LineKind::OutOfPlan || line.amount <= Decimal::ZERO {
            continue;
        }
        let label = fold(&line.label);
        if place_in(&label).is_some() || has_any(&label, &["international", "vers l'"]) {
            continue;
        }
        if !has_premium && premium > Decimal::ZERO && same(line.amount, premium) {
            *kind = LineKind::Premium(first_premium);
        } else if !has_roaming && roaming > Decimal::ZERO && same(line.amount, roaming) {
            *kind = LineKind::Roaming;
        }
    }
    kinds
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

/// What a call-detail record is, for the rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UsageKind {
    /// Included, or charged nothing.
    Included,
    /// A charged call or SMS to a surcharged number.
    Premium(PremiumKind),
    /// Charged, made or received abroad.
    Roaming,
    /// Charged, otherwise (international calls, overage).
    OutOfPlan,
}

/// The kind of a call-detail record.
pub fn usage_kind(record: &UsageRecord) -> UsageKind {
    // Some bills print a value for included calls: included means not charged.
    if record.amount <= Decimal::ZERO || record.included {
        return UsageKind::Included;
    }
    let kind = fold(&record.kind);
    if let Some(premium) = premium_number(&record.destination) {
        return UsageKind::Premium(premium);
    }
    if roaming_words(&kind) {
        return UsageKind::Roaming;
    }
    if premium_words(&kind) {
        return UsageKind::Premium(PremiumKind::Short);
    }
    UsageKind::OutOfPlan
}

/// Whether a destination is an ordinary French number (fixed, mobile or VoIP) that an
/// unlimited plan covers.
pub fn domestic_number(destination: &str) -> bool {
    let trimmed = destination.trim();
    if trimmed.starts_with('+') && !trimmed.starts_with("+33") {
        return false;
    }
    let d = crate::core::plan::digits(trimmed);
    d.len() == 10 && d.starts_with('0') && matches!(d.as_bytes()[1], b'1'..=b'7' | b'9')
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    #[test]
    fn numbers_are_classified_by_range() {
        use PremiumKind::*;
        let cases: &[(&str, Option<PremiumKind>)] = &[
            ("0892683127", Some(Sva089)),
            ("08 99 19 20 21", Some(Sva089)),
            ("+33 8 91 00 00 00", Some(Sva089)),
            ("0810123456", Some(Sva081)),
            ("0825000000", Some(Sva082)),
            ("118218", Some(Directory)),
            ("118 712", Some(Directory)),
            ("3630", Some(Short)),
            ("3260", Some(Short)),
            ("3900", Some(Short)),
            ("1014", Some(Short)),
            ("81234", Some(SmsPlus(8))),
            ("44444", Some(SmsPlus(4))),
            ("99999", Some(SmsPlus(9))),
            // Near misses: free, normal price, not surcharged.
            ("0800123456", None),
            ("0805000000", None),
            ("0806000000", None),
            ("0809400000", None),
            ("3010", None),
            ("3179", None),
            ("116000", None),
            ("116111", None),
            ("36665", None),
            ("0698765432", None),
            ("0145678910", None),
            ("0972101010", None),
            ("+212661234567", None),
            ("+21698123456", None),
            ("Internet", None),
            ("112", None),
            ("15", None),
        ];
        for (number, want) in cases {
            assert_eq!(premium_number(number), *want, "{number}");
        }
    }

    fn line(label: &str, section: &str, category: Category, amount: &str) -> BillLine {
        BillLine {
            label: label.into(),
            amount: amount.parse::<Decimal>().unwrap(),
            section: section.into(),
            category,
            page: 1,
        }
    }

    #[test]
    fn charges_get_one_kind() {
        use Category as C;
        let cases: &[(&str, &str, Category, &str, LineKind)] = &[
            (
                "Appels vers numéros spéciaux 08 9x",
                "Communications hors forfait",
                C::Premium,
                "3.36",
                LineKind::Premium(Some(PremiumKind::Sva089)),
            ),
            (
                "Appel vers le 3630 (service à valeur ajoutée)",
                "Vos communications",
                C::Usage,
                "0.99",
                LineKind::Premium(Some(PremiumKind::Short)),
            ),
            (
                "Appel vers le 3010",
                "Vos communications",
                C::Usage,
                "0.10",
                LineKind::Other,
            ),
            (
                "Hors forfait : appels vers les numéros courts 118",
                "Conso",
                C::Premium,
                "3.49",
                LineKind::Premium(Some(PremiumKind::Directory)),
            ),
            (
                "SMS+ vers numéros courts",
                "Communications hors forfait",
                C::Premium,
                "1.50",
                LineKind::Premium(None),
            ),
            (
                "Internet+ GameZone Club – abonnement hebdomadaire du 06/10",
                "Services fournis par des tiers",
                C::ThirdParty,
                "3.00",
                LineKind::ThirdParty,
            ),
            (
                "StreamPlus Max",
                "Vos services fournis par des tiers",
                C::Other,
                "9.99",
                LineKind::ThirdParty,
            ),
            (
                "Appels émis depuis l'étranger (hors UE)",
                "Communications hors forfait",
                C::OutOfPlan,
                "2.70",
                LineKind::Roaming,
            ),
            (
                "Internet depuis le Canada",
                "Consommations hors forfait",
                C::OutOfPlan,
                "24.41",
                LineKind::Roaming,
            ),
            (
                "Appels vers l'international (Tunisie)",
                "Vos communications",
                C::OutOfPlan,
                "4.20",
                LineKind::OutOfPlan,
            ),
            (
                "SMS+ Jeux Mania – abonnement hebdomadaire",
                "Communications",
                C::Premium,
                "4.50",
                LineKind::ThirdParty,
            ),
            (
                "Consommation au-delà du forfait : 500 Mo",
                "Consommations",
                C::Usage,
                "5.00",
                LineKind::OutOfPlan,
            ),
            (
                "Appels vers le 3179",
                "Consommations",
                C::Usage,
                "0.20",
                LineKind::Other,
            ),
            (
                "Frais de mise en service",
                "Services ponctuels",
                C::OneOffFee,
                "49.00",
                LineKind::OneOffFee,
            ),
            (
                "Frais d'envoi de facture papier",
                "Services ponctuels",
                C::Other,
                "1.50",
                LineKind::OneOffFee,
            ),
            (
                "Remise Freebox Pop 1ère année",
                "Abonnements",
                C::Discount,
                "-10.00",
                LineKind::Discount,
            ),
            (
                "Forfait SFR 5G 100 Go du 01/10 au 31/10",
                "Forfaits",
                C::Subscription,
                "29.99",
                LineKind::Recurring,
            ),
            (
                "Forfait Sosh 20 Go du 01/10 au 31/10",
                "Ligne 07 61 98 76 54",
                C::Subscription,
                "9.99",
                LineKind::Recurring,
            ),
            (
                "Samsung Galaxy S26 256 Go – achat comptant",
                "Vos autres services et produits",
                C::Other,
                "1029.00",
                LineKind::Other,
            ),
            (
                "Mensualité 8/24 – iPad 11 128 Go",
                "Facilité de paiement",
                C::EquipmentInstalment,
                "21.25",
                LineKind::Other,
            ),
        ];
        for (label, section, category, amount, want) in cases {
            let got = line_kind(&line(label, section, *category, amount));
            assert_eq!(got, *want, "{label}");
        }
    }

    #[test]
    fn wording_gives_a_category_the_reader_could_not() {
        let cases = [
            (
                "Forfait 5G 100 Go du 01/10 au 31/10",
                Category::Other,
                "24.99",
                Category::Subscription,
            ),
            (
                "Abonnement Livebox",
                Category::Other,
                "42.99",
                Category::Subscription,
            ),
            (
                "Option Multi-SIM",
                Category::Other,
                "5.00",
                Category::Option,
            ),
            (
                "Hors forfait : appels",
                Category::Other,
                "2.00",
                Category::Other,
            ),
            (
                "Abonnement Internet+ Quiz",
                Category::Other,
                "3.00",
                Category::Other,
            ),
            (
                "Forfait remboursé",
                Category::Other,
                "-5.00",
                Category::Other,
            ),
            ("Forfait Sosh", Category::Usage, "5.00", Category::Usage),
        ];
        for (label, category, amount, want) in cases {
            let l = line(label, "", category, amount);
            assert_eq!(effective_category(&l), want, "{label}");
        }
    }

    #[test]
    fn a_generic_heading_takes_the_kind_of_its_detail() {
        let record = |destination: &str, kind: &str, amount: &str| UsageRecord {
            date: "2026-10-04".parse().unwrap(),
            time: None,
            destination: destination.into(),
            kind: kind.into(),
            duration_s: Some(252),
            volume: None,
            amount: amount.parse().unwrap(),
            included: false,
            page: 2,
        };
        let mut bill = Bill {
            lines: vec![
                line("Forfait", "Abonnement", Category::Subscription, "20.00"),
                line(
                    "Communications hors forfait",
                    "Conso",
                    Category::OutOfPlan,
                    "3.36",
                ),
            ],
            usage: vec![record("0892683127", "Appel", "3.36")],
            ..Bill::default()
        };
        assert_eq!(
            line_kinds(&bill)[1],
            LineKind::Premium(Some(PremiumKind::Sva089))
        );
        bill.usage = vec![record("0698765432", "Appel émis depuis le Maroc", "3.36")];
        assert_eq!(line_kinds(&bill)[1], LineKind::Roaming);
        // Near misses: the sum differs, or the heading says where.
        bill.usage = vec![record("0892683127", "Appel", "2.00")];
        assert_eq!(line_kinds(&bill)[1], LineKind::OutOfPlan);
        bill.lines[1].label = "Appels vers l'international".into();
        bill.usage = vec![record("0892683127", "Appel", "3.36")];
        assert_eq!(line_kinds(&bill)[1], LineKind::OutOfPlan);
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
