//! Numbers: which called or texted numbers are surcharged, by the ranges of DGCCRF's list
//! (see `shared/DOMAIN.md`): 081/082/089, 3BPQ with B from 2 to 9, 10XY, 118XYZ, SMS+
//! short codes from 4xxxx up; not 0800–0809, 30PQ/31PQ, 116XYZ, 3xxxx SMS. Pure.

use super::{has_any, has_word};
use crate::core::phone::{digits, digits_spaced};

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
    /// the call's own price is on top (Arcep décision 2012-0856; these per-range caps could not be read at an official source:
    /// `core::law::Legal::PremiumCaps` says so on the sources page).
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
    classify_digits(&digits(trimmed), false)
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
pub fn premium_in_label(label: &str) -> Option<PremiumKind> {
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
        // `1000 SMS`, `3600 min`: a quantity, not a number called.
        let next: String = chars[i..]
            .iter()
            .skip_while(|c| c.is_whitespace())
            .take_while(|c| c.is_alphabetic())
            .collect::<String>()
            .to_lowercase();
        if QUANTITY_UNITS.contains(&next.as_str()) {
            continue;
        }
        let prefix = wild || run.len() == 3 || (run.len() == 4 && run.starts_with('0'));
        if let Some(kind) = classify_digits(&run, prefix) {
            return Some(kind);
        }
    }
    None
}

/// Words after a number that make it a quantity.
const QUANTITY_UNITS: &[&str] = &[
    "sms", "mms", "min", "mn", "minutes", "minute", "go", "mo", "ko", "h", "heures", "appels",
    "euros", "eur", "mois", "jours", "secondes", "s",
];

/// Whether a label's words say "surcharged number".
pub fn premium_words(folded: &str) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
