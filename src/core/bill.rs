//! A bill as read from a PDF: header fields, charges, usage records and warnings.
//!
//! This is the structure every later step works on (rules, journal, letters), the shape
//! `inspect` prints and the shape stored in the browser. Amounts are `Decimal` (serialized
//! as decimal strings), dates are ISO `YYYY-MM-DD`.

use crate::core::money::Amount as _;
use crate::core::money::AmountsSum as _;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::lang::Lang;
use super::money::format_amount;

/// An operator brand, as the customer knows it (letters are addressed to the brand).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Operator {
    /// Orange.
    Orange,
    /// Sosh, Orange's online brand.
    Sosh,
    /// SFR.
    #[serde(rename = "SFR")]
    Sfr,
    /// RED by SFR.
    #[serde(rename = "RED by SFR")]
    Red,
    /// Bouygues Telecom.
    #[serde(rename = "Bouygues Telecom")]
    Bouygues,
    /// B&You, Bouygues Telecom's online brand.
    #[serde(rename = "B&You")]
    BAndYou,
    /// Free (boxes).
    Free,
    /// Free Mobile.
    #[serde(rename = "Free Mobile")]
    FreeMobile,
    /// La Poste Mobile.
    #[serde(rename = "La Poste Mobile")]
    LaPosteMobile,
    /// Prixtel.
    Prixtel,
    /// NRJ Mobile.
    #[serde(rename = "NRJ Mobile")]
    NrjMobile,
    /// Coriolis Telecom.
    #[serde(rename = "Coriolis")]
    Coriolis,
}

impl Operator {
    /// Every operator, for a person to choose from.
    pub const ALL: [Operator; 12] = [
        Operator::Orange,
        Operator::Sosh,
        Operator::Sfr,
        Operator::Red,
        Operator::Bouygues,
        Operator::BAndYou,
        Operator::Free,
        Operator::FreeMobile,
        Operator::LaPosteMobile,
        Operator::Prixtel,
        Operator::NrjMobile,
        Operator::Coriolis,
    ];

    /// The name as printed to a person.
    pub fn name(self) -> &'static str {
        match self {
            Operator::Orange => "Orange",
            Operator::Sosh => "Sosh",
            Operator::Sfr => "SFR",
            Operator::Red => "RED by SFR",
            Operator::Bouygues => "Bouygues Telecom",
            Operator::BAndYou => "B&You",
            Operator::Free => "Free",
            Operator::FreeMobile => "Free Mobile",
            Operator::LaPosteMobile => "La Poste Mobile",
            Operator::Prixtel => "Prixtel",
            Operator::NrjMobile => "NRJ Mobile",
            Operator::Coriolis => "Coriolis",
        }
    }
}

/// A billing period, both ends included.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Period {
    /// First day billed.
    pub start: NaiveDate,
    /// Last day billed.
    pub end: NaiveDate,
}

/// What a charge is, whatever the operator calls it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// The plan or box subscription.
    Subscription,
    /// A recurring option (multi-SIM, TV, insurance…).
    Option,
    /// Usage charged within the plan.
    Usage,
    /// Usage outside the plan ("hors forfait", "dépassement").
    OutOfPlan,
    /// Calls or SMS to special-rate numbers (ranges that may be surcharged).
    Premium,
    /// Purchases from third parties billed by the operator (Internet+, SMS+…).
    ThirdParty,
    /// One-off fees (activation, termination, rejected payment, paper bill…).
    OneOffFee,
    /// A discount or credit (negative amount).
    Discount,
    /// An instalment on a phone or equipment ("facilité de paiement").
    EquipmentInstalment,
    /// Anything else.
    Other,
}

/// One charge of a bill.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BillLine {
    /// The label as printed.
    pub label: String,
    /// The amount including VAT; negative for credits and discounts.
    #[serde(deserialize_with = "crate::core::money::bounded::amount")]
    pub amount: Decimal,
    /// The section heading it was printed under, as printed.
    pub section: String,
    /// What it is.
    pub category: Category,
    /// The 1-based page it was printed on.
    pub page: u32,
}

/// One record of a call-detail page ("facture détaillée"): evidence, not a charge.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UsageRecord {
    /// The day of the call, SMS or session.
    pub date: NaiveDate,
    /// The time as printed (`HH:MM` or `HH:MM:SS`), when printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
    /// The number called or the service, as printed (spaces removed for numbers).
    pub destination: String,
    /// What it is, as printed ("Appel", "SMS", "Internet mobile", "Appel depuis la Suisse"…).
    pub kind: String,
    /// Duration in seconds, for calls.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_s: Option<u32>,
    /// Volume as printed ("1,2 Mo"), for data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volume: Option<String>,
    /// The amount charged for it; zero when included.
    #[serde(deserialize_with = "crate::core::money::bounded::amount")]
    pub amount: Decimal,
    /// Whether the record is included in the plan.
    pub included: bool,
    /// The 1-based page it was printed on.
    pub page: u32,
}

/// A row of the bill's summary of what the line used (`Appels voix depuis la France
/// métropolitaine  1 h 26 min 23 s  0,00`, `Data  3.205 Gio  0,00`): usage at no
/// charge, not a charge.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UsageSummary {
    /// What was used, as printed, without its quantity.
    pub label: String,
    /// The quantity as printed (`1 h 26 min 23 s`, `3.205 Gio`, `66 unités`).
    pub quantity: String,
    /// The 1-based page it was printed on.
    pub page: u32,
}

/// VAT at one rate, as printed in the bill's VAT summary.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VatLine {
    /// The rate in percent (`20`, `10`, `5.5`).
    #[serde(deserialize_with = "crate::core::money::bounded::amount")]
    pub rate: Decimal,
    /// The amount excluding VAT the rate applies to, when printed.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::core::money::bounded::optional"
    )]
    pub base: Option<Decimal>,
    /// The VAT amount.
    #[serde(deserialize_with = "crate::core::money::bounded::amount")]
    pub amount: Decimal,
}

/// Something the reader noticed that a person should know about the reading itself.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BillWarning {
    /// The charges read do not add up to the printed total.
    TotalMismatch {
        /// The total printed on the bill.
        #[serde(deserialize_with = "crate::core::money::bounded::amount")]
        printed: Decimal,
        /// The sum of the charges read.
        #[serde(deserialize_with = "crate::core::money::bounded::sum")]
        computed: Decimal,
    },
    /// No total was found on the bill.
    NoTotal,
    /// The operator could not be recognised.
    UnknownOperator,
    /// The bill had more lines than the reader keeps; the rest were dropped.
    TooManyLines {
        /// How many were kept.
        kept: u32,
    },
    /// The charges add up to the amount due, but so would other rows of the bill (two
    /// rows of a reminder of the offer for one charge, an amount in a sentence for a row
    /// it equals): the reading is one of several and a person must say which.
    Ambiguous,
    /// The charges add up to the amount due read, but the total before VAT and the VAT the
    /// bill prints add up to another amount: the amount due read may be a subtotal.
    VatDisagrees {
        /// The total before VAT plus the VAT, as printed.
        #[serde(deserialize_with = "crate::core::money::bounded::sum")]
        computed: Decimal,
    },
}

impl BillWarning {
    /// The warning in words.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            BillWarning::TotalMismatch { printed, computed } => {
                let (computed, printed, apart) = (
                    format_amount(*computed, lang),
                    format_amount(*printed, lang),
                    format_amount(printed.minus(*computed).abs(), lang),
                );
                match lang {
                    Lang::Fr => format!(
                        "Les lignes lues font {computed} alors que le total imprimé est {printed} \
                         ({apart} d'écart)."
                    ),
                    Lang::En => format!(
                        "The lines read add up to {computed} while the printed total is {printed} \
                         ({apart} apart)."
                    ),
                }
            }
            BillWarning::NoTotal => lang
                .pick(
                    "Aucun total n'a été trouvé sur la facture.",
                    "No total was found on the bill.",
                )
                .into(),
            BillWarning::UnknownOperator => lang
                .pick(
                    "L'opérateur n'a pas été reconnu.",
                    "The operator was not recognised.",
                )
                .into(),
            BillWarning::Ambiguous => lang
                .pick(
                    "D'autres lignes de la facture donnent aussi le montant à payer : \
                     vérifiez que les lignes lues sont bien celles qui sont facturées.",
                    "Other rows of the bill add up to the amount due as well: check that the \
                     lines read are the ones billed.",
                )
                .into(),
            BillWarning::VatDisagrees { computed } => {
                let computed = format_amount(*computed, lang);
                match lang {
                    Lang::Fr => format!(
                        "Le total hors taxes et la TVA imprimés font {computed}, pas le \
                         montant à payer lu : vérifiez le montant à payer."
                    ),
                    Lang::En => format!(
                        "The total before VAT and the VAT printed make {computed}, not the \
                         amount due read: check the amount due."
                    ),
                }
            }
            BillWarning::TooManyLines { kept } => match lang {
                Lang::Fr => format!(
                    "La facture a trop de lignes : seules les {kept} premières sont prises en compte."
                ),
                Lang::En => format!("The bill has too many lines: only the first {kept} are used."),
            },
        }
    }
}

/// A bill, as read.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bill {
    /// The file it was read from.
    pub source: String,
    /// The operator, when recognised.
    pub operator: Option<Operator>,
    /// The invoice number.
    pub invoice_number: Option<String>,
    /// The issue date.
    pub issue_date: Option<NaiveDate>,
    /// The payment due date.
    pub due_date: Option<NaiveDate>,
    /// The billing period of the subscription.
    pub period: Option<Period>,
    /// The customer id ("numéro client", "compte client").
    pub customer_id: Option<String>,
    /// The line numbers or box identifiers billed, as printed (spaces normalised).
    pub line_numbers: Vec<String>,
    /// The total due, VAT included.
    #[serde(default, deserialize_with = "crate::core::money::bounded::optional")]
    pub total: Option<Decimal>,
    /// The total excluding VAT, when printed.
    #[serde(default, deserialize_with = "crate::core::money::bounded::optional")]
    pub total_ht: Option<Decimal>,
    /// VAT by rate, when printed.
    pub vat: Vec<VatLine>,
    /// The charges.
    pub lines: Vec<BillLine>,
    /// The call-detail records, apart from the charges.
    pub usage: Vec<UsageRecord>,
    /// The summary of what the line used at no charge, apart from the charges.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub usage_summary: Vec<UsageSummary>,
    /// What the reader noticed about its own reading.
    pub warnings: Vec<BillWarning>,
    /// Number of pages of the PDF.
    pub pages: u32,
}

impl Bill {
    /// Why a bill's reading is to be checked: what the charges read add up to against the
    /// amount due, and what that means for its alerts.
    pub fn reading_to_check(&self, lang: Lang) -> String {
        let computed = format_amount(self.charges_sum(), lang);
        if self.warnings.contains(&BillWarning::Ambiguous) {
            return match lang {
                Lang::Fr => format!(
                    "Les lignes lues font {computed}, comme le montant à payer, mais d'autres \
                     lignes de la facture le font aussi. Vérifiez que ce sont bien elles qui sont \
                     facturées : d'ici là, ce qui est signalé sur ses lignes reste à vérifier, pas \
                     à contester."
                ),
                Lang::En => format!(
                    "The lines read add up to {computed}, the amount due, but other rows of the \
                     bill do too. Check that these are the ones billed: until then, what is \
                     flagged on its lines is to be checked, not contested."
                ),
            };
        }
        let vat_says = self.warnings.iter().find_map(|w| match w {
            BillWarning::VatDisagrees { computed } => Some(*computed),
            _ => None,
        });
        if let (Some(vat_says), Some(total)) = (vat_says, self.total) {
            let (vat_says, total) = (format_amount(vat_says, lang), format_amount(total, lang));
            return match lang {
                Lang::Fr => format!(
                    "Les lignes lues font {computed}, le montant lu comme à payer ({total}), mais \
                     le total hors taxes et la TVA imprimés font {vat_says}. Vérifiez le montant \
                     à payer sur votre facture : d'ici là, ce qui est signalé sur ses lignes \
                     reste à vérifier, pas à contester."
                ),
                Lang::En => format!(
                    "The lines read add up to {computed}, the amount read as due ({total}), but \
                     the total before VAT and the VAT printed make {vat_says}. Check the amount \
                     due on your bill: until then, what is flagged on its lines is to be \
                     checked, not contested."
                ),
            };
        }
        match self.total {
            Some(total) => {
                let (printed, apart) = (
                    format_amount(total, lang),
                    format_amount(total.minus(self.charges_sum()).abs(), lang),
                );
                match lang {
                    Lang::Fr => format!(
                        "Les lignes lues font {computed}, la facture demande {printed} ({apart} \
                         d'écart). Comparez-les à votre facture : tant que la lecture ne tombe pas \
                         juste, ce qui est signalé sur ses lignes reste à vérifier, pas à contester."
                    ),
                    Lang::En => format!(
                        "The lines read add up to {computed}, the bill asks for {printed} ({apart} \
                         apart). Compare them with your bill: until the reading adds up, what is \
                         flagged on its lines is to be checked, not contested."
                    ),
                }
            }
            None => match lang {
                Lang::Fr => format!(
                    "Les lignes lues font {computed}, mais le montant à payer n'a pas été trouvé : \
                     comparez-les à votre facture avant de contester quoi que ce soit."
                ),
                Lang::En => format!(
                    "The lines read add up to {computed}, but the amount due was not found: \
                     compare them with your bill before contesting anything."
                ),
            },
        }
    }

    /// The total before VAT plus the VAT, as the bill prints them, when both are printed
    /// and they do not make the amount due (to the cent per VAT line).
    pub fn vat_disagreement(&self) -> Option<Decimal> {
        let (total, ht) = (self.total?, self.total_ht?);
        if self.vat.is_empty() {
            return None;
        }
        let computed = self
            .vat
            .iter()
            .map(|v| v.amount)
            .fold(ht, |sum, vat| sum.plus(vat));
        let rounding = Decimal::new(self.vat.len().clamp(1, 5) as i64, 2);
        (computed.minus(total).abs() > rounding).then_some(computed)
    }

    /// The sum of the charges read.
    pub fn charges_sum(&self) -> Decimal {
        self.lines.iter().map(|l| l.amount).amounts_sum()
    }

    /// Whether the charges read add up to the amount due, within the rounding a bill's
    /// unit amounts may carry (a cent per line, five at most), and the reader found no
    /// other rows that add up as well. A bill that does not is a reading to check:
    /// nothing on its lines is an accusation until a person confirms it.
    pub fn reconciles(&self) -> bool {
        let Some(total) = self.total else {
            return false;
        };
        let truncated = self
            .warnings
            .iter()
            .any(|w| matches!(w, BillWarning::TooManyLines { .. }));
        let open = self
            .warnings
            .iter()
            .any(|w| matches!(w, BillWarning::Ambiguous | BillWarning::VatDisagrees { .. }));
        if self.lines.is_empty() || truncated || open {
            return false;
        }
        let rounding = Decimal::new(self.lines.len().clamp(1, 5) as i64, 2);
        self.charges_sum().minus(total).abs() <= rounding
    }
}

impl Category {
    /// Every category, for a person to choose from.
    pub const ALL: [Category; 10] = [
        Category::Subscription,
        Category::Option,
        Category::Usage,
        Category::OutOfPlan,
        Category::Premium,
        Category::ThirdParty,
        Category::OneOffFee,
        Category::Discount,
        Category::EquipmentInstalment,
        Category::Other,
    ];

    /// The category's name for a person.
    pub fn label(self, lang: super::i18n::Lang) -> &'static str {
        let (fr, en) = match self {
            Category::Subscription => ("Abonnement", "Subscription"),
            Category::Option => ("Option", "Option"),
            Category::Usage => ("Consommation", "Usage"),
            Category::OutOfPlan => ("Hors forfait", "Out of plan"),
            // These ranges *may* be surcharged (DOMAIN.md): the category names the range.
            Category::Premium => ("Numéro spécial", "Special-rate number"),
            Category::ThirdParty => ("Service tiers", "Third-party service"),
            Category::OneOffFee => ("Frais ponctuels", "One-off fee"),
            Category::Discount => ("Remise", "Discount"),
            Category::EquipmentInstalment => ("Paiement en plusieurs fois", "Instalment"),
            Category::Other => ("Autre", "Other"),
        };
        lang.pick(fr, en)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warnings_read_well_in_both_languages() {
        let mismatch = BillWarning::TotalMismatch {
            printed: std::str::FromStr::from_str("68.04").unwrap(),
            computed: std::str::FromStr::from_str("65.05").unwrap(),
        };
        assert_eq!(
            mismatch.message(Lang::Fr),
            "Les lignes lues font 65,05\u{a0}€ alors que le total imprimé est 68,04\u{a0}€ \
             (2,99\u{a0}€ d'écart)."
        );
        assert_eq!(
            mismatch.message(Lang::En),
            "The lines read add up to €65.05 while the printed total is €68.04 (€2.99 apart)."
        );
    }
}
