//! A finding: one thing on a bill worth contesting, why, what it puts at stake and what
//! to do about it.
//!
//! Findings are values the rules return; the app highlights their lines, the journal turns
//! them into cases, `inspect` prints them in the report shape of issue 3 (`message` in one
//! language). Pure data: no clock, no browser.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::i18n::Lang;

/// The rules, by the ids of issue 4.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleId {
    /// Calls and SMS to surcharged numbers.
    PremiumNumber,
    /// Purchases from third parties billed by the operator.
    ThirdParty,
    /// Usage charged outside the plan.
    OutOfPlan,
    /// Usage charged abroad.
    Roaming,
    /// An option the plan does not list.
    UnrequestedOption,
    /// A subscription or option charged above the plan's price.
    PriceAbovePlan,
    /// A recurring charge higher than on the previous bill.
    PriceIncrease,
    /// The same charge twice.
    Duplicate,
    /// A one-off fee.
    OneOffFee,
    /// Charges that do not add up to the printed total, or inconsistent VAT.
    TotalMismatch,
    /// A billing period that overlaps an earlier one of the same subscription.
    PeriodOverlap,
    /// Days between two bills of the same subscription that no bill loaded covers.
    MissingBill,
    /// Charges for a period after the contract ended.
    BilledAfterTermination,
    /// The one-year refund window is closing or closed.
    TimeBarredSoon,
}

impl RuleId {
    /// The rule's name for a person.
    pub fn label(self, lang: Lang) -> &'static str {
        let (fr, en) = match self {
            RuleId::PremiumNumber => (
                "Numéro spécial, surtaxe possible",
                "Special number, may be surcharged",
            ),
            RuleId::ThirdParty => ("Achat ou service d'un tiers", "Third-party purchase"),
            RuleId::OutOfPlan => ("Hors forfait", "Out of plan"),
            RuleId::Roaming => ("Itinérance à l'étranger", "Roaming abroad"),
            RuleId::UnrequestedOption => {
                ("Option non prévue au contrat", "Option not in the contract")
            }
            RuleId::PriceAbovePlan => ("Prix supérieur au contrat", "Price above the contract"),
            RuleId::PriceIncrease => ("Hausse de prix", "Price increase"),
            RuleId::Duplicate => ("Facturé deux fois", "Billed twice"),
            RuleId::OneOffFee => ("Frais ponctuels", "One-off fee"),
            RuleId::TotalMismatch => ("Total incohérent", "Total does not add up"),
            RuleId::PeriodOverlap => ("Période déjà facturée", "Period billed again"),
            RuleId::MissingBill => ("Facture peut-être manquante", "A bill may be missing"),
            RuleId::BilledAfterTermination => {
                ("Facturé après résiliation", "Billed after termination")
            }
            RuleId::TimeBarredSoon => ("Délai de remboursement", "Refund deadline"),
        };
        lang.pick(fr, en)
    }

    /// Every rule, in the order of the issue's table.
    pub const ALL: [RuleId; 14] = [
        RuleId::PremiumNumber,
        RuleId::ThirdParty,
        RuleId::OutOfPlan,
        RuleId::Roaming,
        RuleId::UnrequestedOption,
        RuleId::PriceAbovePlan,
        RuleId::PriceIncrease,
        RuleId::Duplicate,
        RuleId::OneOffFee,
        RuleId::TotalMismatch,
        RuleId::PeriodOverlap,
        RuleId::MissingBill,
        RuleId::BilledAfterTermination,
        RuleId::TimeBarredSoon,
    ];

    /// The id as in the report (`premium_number`).
    pub fn id(self) -> &'static str {
        match self {
            RuleId::PremiumNumber => "premium_number",
            RuleId::ThirdParty => "third_party",
            RuleId::OutOfPlan => "out_of_plan",
            RuleId::Roaming => "roaming",
            RuleId::UnrequestedOption => "unrequested_option",
            RuleId::PriceAbovePlan => "price_above_plan",
            RuleId::PriceIncrease => "price_increase",
            RuleId::Duplicate => "duplicate",
            RuleId::OneOffFee => "one_off_fee",
            RuleId::TotalMismatch => "total_mismatch",
            RuleId::PeriodOverlap => "period_overlap",
            RuleId::MissingBill => "missing_bill",
            RuleId::BilledAfterTermination => "billed_after_termination",
            RuleId::TimeBarredSoon => "time_barred_soon",
        }
    }

    /// The references every finding of this rule rests on (a finding may name one more in
    /// its `legal`).
    pub fn sources(self) -> &'static [Legal] {
        match self {
            RuleId::PremiumNumber => &[
                Legal::PremiumCaps,
                Legal::PremiumBlocking,
                Legal::VoiceServices,
            ],
            RuleId::ThirdParty => &[
                Legal::UnsolicitedSupply,
                Legal::DefaultOptions,
                Legal::ThirdPartyContacts,
            ],
            RuleId::UnrequestedOption => &[Legal::UnsolicitedSupply, Legal::DefaultOptions],
            RuleId::PriceIncrease => &[Legal::PriceChangeNotice],
            RuleId::Roaming => &[Legal::EuRoaming],
            RuleId::TimeBarredSoon => &[
                Legal::Prescription,
                Legal::MediationSuspends,
                Legal::AcknowledgementInterrupts,
                Legal::CourtClaimInterrupts,
            ],
            RuleId::OutOfPlan
            | RuleId::PriceAbovePlan
            | RuleId::Duplicate
            | RuleId::OneOffFee
            | RuleId::TotalMismatch
            | RuleId::PeriodOverlap
            | RuleId::MissingBill
            | RuleId::BilledAfterTermination => &[],
        }
    }

    /// The rule with this id (`premium_number`).
    pub fn from_id(id: &str) -> Option<RuleId> {
        RuleId::ALL.into_iter().find(|r| r.id() == id)
    }

    /// A short title for a person.
    pub fn title(self, lang: Lang) -> &'static str {
        let (fr, en) = match self {
            RuleId::PremiumNumber => ("Numéro spécial", "Special number"),
            RuleId::ThirdParty => ("Service tiers", "Third-party service"),
            RuleId::OutOfPlan => ("Hors forfait", "Out of plan"),
            RuleId::Roaming => ("Itinérance", "Roaming"),
            RuleId::UnrequestedOption => ("Option non souscrite", "Unrequested option"),
            RuleId::PriceAbovePlan => ("Prix au-dessus du contrat", "Price above the contract"),
            RuleId::PriceIncrease => ("Hausse de prix", "Price increase"),
            RuleId::Duplicate => ("Doublon", "Duplicate"),
            RuleId::OneOffFee => ("Frais ponctuels", "One-off fee"),
            RuleId::TotalMismatch => ("Total incohérent", "Total does not add up"),
            RuleId::PeriodOverlap => ("Période en double", "Period billed twice"),
            RuleId::MissingBill => ("Facture manquante ?", "Missing bill?"),
            RuleId::BilledAfterTermination => {
                ("Facturé après résiliation", "Billed after termination")
            }
            RuleId::TimeBarredSoon => ("Délai de réclamation", "Claim deadline"),
        };
        lang.pick(fr, en)
    }
}

/// How sure and how serious: sorted `Alert` first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Very likely wrong and worth contesting now.
    Alert,
    /// Worth checking: often wrong, sometimes legitimate.
    Warning,
    /// Good to know; nothing to contest by itself.
    Info,
}

impl Severity {
    /// The severity's name for a person (shown with its colour and icon, never colour alone).
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Severity::Alert => lang.pick("À contester", "To dispute"),
            Severity::Warning => lang.pick("À vérifier", "To check"),
            Severity::Info => lang.pick("Bon à savoir", "Good to know"),
        }
    }
}

pub use super::law::Legal;

/// A text in both languages of the interface.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bilingual {
    /// French.
    pub fr: String,
    /// English.
    pub en: String,
}

impl Bilingual {
    /// Both versions at once.
    pub fn new(fr: impl Into<String>, en: impl Into<String>) -> Self {
        Bilingual {
            fr: fr.into(),
            en: en.into(),
        }
    }

    /// The text in the given language.
    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.fr, &self.en)
    }
}

/// One thing worth contesting, pointing at the bill lines and usage records that show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// Which rule found it.
    pub rule: RuleId,
    /// How serious.
    pub severity: Severity,
    /// The index of the bill, in the order the bills were given.
    pub bill: usize,
    /// Indexes into that bill's `lines`.
    pub lines: Vec<usize>,
    /// Indexes into that bill's `usage`, where the call-detail records are the evidence.
    pub usage: Vec<usize>,
    /// The amount at stake (what could be refunded), VAT included; zero for information.
    pub amount: Decimal,
    /// What is wrong, for a person.
    pub message: Bilingual,
    /// What to do about it.
    pub action: Bilingual,
    /// The legal text that applies, if any.
    pub legal: Option<Legal>,
}

/// A finding as printed in the JSON report of issue 3: `message` and `action` in one
/// language, the rest as is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ReportFinding<'a> {
    /// The rule id.
    pub rule: RuleId,
    /// The severity.
    pub severity: Severity,
    /// Index into the report's `bills`.
    pub bill: usize,
    /// Indexes into that bill's `lines`.
    pub lines: &'a [usize],
    /// Indexes into that bill's `usage`.
    #[serde(skip_serializing_if = "<[usize]>::is_empty")]
    pub usage: &'a [usize],
    /// The amount at stake.
    pub amount: Decimal,
    /// What is wrong.
    pub message: &'a str,
    /// What to do.
    pub action: &'a str,
    /// The legal reference.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub legal: Option<&'static str>,
}

impl Finding {
    /// Every reference the finding rests on: its own first, then its rule's, once each.
    pub fn sources(&self) -> Vec<Legal> {
        let mut out: Vec<Legal> = self.legal.into_iter().collect();
        for legal in self.rule.sources() {
            if !out.contains(legal) {
                out.push(*legal);
            }
        }
        out
    }

    /// The finding in the report's shape, in one language.
    pub fn to_report(&self, lang: Lang) -> ReportFinding<'_> {
        ReportFinding {
            rule: self.rule,
            severity: self.severity,
            bill: self.bill,
            lines: &self.lines,
            usage: &self.usage,
            amount: self.amount.round_dp(2),
            message: self.message.get(lang),
            action: self.action.get(lang),
            legal: self.legal.map(Legal::citation),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_ids_serialize_as_in_the_issue() {
        for rule in RuleId::ALL {
            let json = serde_json::to_string(&rule).unwrap();
            assert_eq!(json, format!("\"{}\"", rule.id()));
            assert_eq!(serde_json::from_str::<RuleId>(&json).unwrap(), rule);
            assert_ne!(rule.title(Lang::Fr), "");
        }
    }

    #[test]
    fn a_finding_prints_in_the_report_shape() {
        let finding = Finding {
            rule: RuleId::PremiumNumber,
            severity: Severity::Alert,
            bill: 0,
            lines: vec![2],
            usage: vec![],
            amount: "4.470".parse().unwrap(),
            message: Bilingual::new("Numéro surtaxé", "Premium number"),
            action: Bilingual::new("Contestez", "Dispute"),
            legal: Some(Legal::PriceChangeNotice),
        };
        let json = serde_json::to_value(finding.to_report(Lang::Fr)).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"rule": "premium_number", "severity": "alert", "bill": 0,
                "lines": [2], "amount": "4.47", "message": "Numéro surtaxé",
                "action": "Contestez", "legal": "Code de la consommation, art. L224-33"})
        );
        let en = serde_json::to_value(finding.to_report(Lang::En)).unwrap();
        assert_eq!(en["message"], "Premium number");
        let stored: Finding =
            serde_json::from_str(&serde_json::to_string(&finding).unwrap()).unwrap();
        assert_eq!(stored, finding);
    }

    #[test]
    fn severities_sort_alert_first() {
        let mut s = vec![Severity::Info, Severity::Alert, Severity::Warning];
        s.sort();
        assert_eq!(s, vec![Severity::Alert, Severity::Warning, Severity::Info]);
    }
}
