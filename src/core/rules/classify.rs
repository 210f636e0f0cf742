//! What a charge or a call-detail record is, for the rules: one primary kind per line,
//! read from its category, section, wording and number through the shared vocabulary
//! (`core::vocab`).
//!
//! Each charge gets one primary kind, so that two rules do not claim the same line for
//! different reasons (an "Appels émis depuis l'étranger" line filed as out-of-plan by the
//! reader is roaming here). Pure.

use crate::core::money::Amount as _;
use crate::core::money::AmountsSum as _;
use rust_decimal::Decimal;

use crate::core::bill::{Bill, BillLine, Category, UsageRecord};
pub use crate::core::vocab::kinds::one_off_words;
use crate::core::vocab::kinds::{names_a_service, third_party_words};
use crate::core::vocab::numbers::{premium_in_label, premium_words};
pub use crate::core::vocab::numbers::{premium_number, PremiumKind};
pub use crate::core::vocab::places::{medium_in, place_in, roaming_words, Medium, Place};

use super::text::{fold, has_any};

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
        _ if names_a_service(&label) => Category::Subscription,
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
    // A section's words count for a row whose own label does not say what it is: an
    // instalment on a phone (`Mensualité 9/36 – Apple iPhone 15`) read under a third-party
    // heading printed empty just above is still the phone's.
    if line.category == Category::ThirdParty
        || (has_any(&section, &["tiers", "internet+"])
            && line.category != Category::EquipmentInstalment)
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
        .amounts_sum();
    let first_premium = records.iter().find_map(|r| match r.0 {
        UsageKind::Premium(kind) => Some(kind),
        _ => None,
    });
    let roaming: Decimal = records
        .iter()
        .filter(|r| r.0 == UsageKind::Roaming)
        .map(|r| r.1)
        .amounts_sum();
    let has_premium = kinds.iter().any(|k| matches!(k, LineKind::Premium(_)));
    let has_roaming = kinds.contains(&LineKind::Roaming);
    let same = |a: Decimal, b: Decimal| a.minus(b).abs() < Decimal::new(1, 2);
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

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

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
                "Mensualité 9/36 – Apple iPhone 15 128 Go - Noir",
                "Services facturés pour le compte de tiers",
                C::EquipmentInstalment,
                "12.49",
                LineKind::Other,
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
}
