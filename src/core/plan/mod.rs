//! The customer's contract ("forfait"): what the rules check each bill against.
//!
//! The model lives here; `file` reads and writes it as the JSON file of issue 4 (edited in
//! the app, stored locally, exported, read by `inspect --plan`) and says which field is
//! wrong; `suggest` pre-fills one from a read bill. Only `monthly_price` is required (the
//! contract price once any promotion has ended). Pure: no clock, the date is always a
//! parameter.

mod file;
mod suggest;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

pub use file::{PlanError, PlanErrorKind};

/// A customer's contract for one line or one box.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// The operator brand as the person names it ("Orange", "RED by SFR"…).
    #[serde(default)]
    pub operator: Option<String>,
    /// The commercial name of the plan ("Forfait 5G 100 Go").
    #[serde(default)]
    pub name: Option<String>,
    /// The line number or box identifier this plan covers.
    #[serde(default)]
    pub line_number: Option<String>,
    /// The monthly price, VAT included, once any promotion has ended.
    #[serde(deserialize_with = "crate::core::money::bounded::amount")]
    pub monthly_price: Decimal,
    /// A temporary price, when the contract started with one.
    #[serde(default)]
    pub promo: Option<Promo>,
    /// The options the person subscribed to, with their monthly price.
    #[serde(default, deserialize_with = "file::nullable")]
    pub options: Vec<PlanOption>,
    /// What the plan includes.
    #[serde(default, deserialize_with = "file::nullable")]
    pub allowances: Allowances,
    /// The blocks the person asked for.
    #[serde(default, deserialize_with = "file::nullable")]
    pub blocked: Blocked,
    /// The day the contract started.
    #[serde(default, deserialize_with = "file::optional_date")]
    pub start: Option<NaiveDate>,
    /// The end of the minimum commitment, if any.
    #[serde(default, deserialize_with = "file::optional_date")]
    pub commitment_end: Option<NaiveDate>,
    /// The day the contract ended, if it did.
    #[serde(default, deserialize_with = "file::optional_date")]
    pub terminated_on: Option<NaiveDate>,
    /// The day the operator confirmed that end date in writing (a durable medium, décret
    /// 2023-417): the proof a refund claim for later charges rests on.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "file::optional_date"
    )]
    pub termination_confirmed_on: Option<NaiveDate>,
}

/// A promotional price, applied up to and including `until`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Promo {
    /// The monthly price during the promotion, VAT included.
    #[serde(deserialize_with = "crate::core::money::bounded::amount")]
    pub price: Decimal,
    /// The last day the promotional price applies.
    #[serde(deserialize_with = "file::date")]
    pub until: NaiveDate,
}

/// An option the person subscribed to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanOption {
    /// Its name, as on the contract or the bill.
    pub name: String,
    /// Its monthly price, VAT included.
    #[serde(deserialize_with = "crate::core::money::bounded::amount")]
    pub price: Decimal,
}

/// What the plan includes; a missing field means "not said".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Allowances {
    /// Mobile data per month, in GB.
    #[serde(default)]
    pub data_gb: Option<Allowance>,
    /// Calls per month, in minutes.
    #[serde(default)]
    pub calls: Option<Allowance>,
    /// SMS per month.
    #[serde(default)]
    pub sms: Option<Allowance>,
    /// Whether using the line in the EU is included as at home.
    #[serde(default)]
    pub roaming_eu: Option<bool>,
    /// Whether calls from France to other countries are included ("appels illimités vers
    /// l'international", often a list of destinations).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub international: Option<bool>,
}

/// A quantity included in the plan: a number, or `"unlimited"`.
/// Read and written by `file` (`"unlimited"` or a number).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Allowance {
    /// No limit.
    Unlimited,
    /// Up to this quantity (minutes, SMS or GB).
    Limited(Decimal),
}

impl Allowance {
    /// An allowance as a person types it: empty (the contract does not say), a number
    /// (bounded like every typed amount), or "illimité" / "unlimited" in any case.
    pub fn parse_typed(
        text: &str,
    ) -> Result<Option<Allowance>, crate::core::money::TypedAmountError> {
        let folded = crate::core::vocab::fold(text.trim());
        match folded.as_str() {
            "" => Ok(None),
            "illimite" | "illimitee" | "illimites" | "illimitees" | "unlimited" | "∞" => {
                Ok(Some(Allowance::Unlimited))
            }
            _ => crate::core::money::typed_amount(text, false).map(|n| Some(Allowance::Limited(n))),
        }
    }

    /// Whether nothing of this kind should ever be charged.
    pub fn is_unlimited(self) -> bool {
        matches!(self, Allowance::Unlimited)
    }
}

/// The blocks the person asked the operator for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Blocked {
    /// Calls and SMS to surcharged numbers are blocked.
    #[serde(default, deserialize_with = "file::nullable")]
    pub premium_numbers: bool,
    /// Third-party billing (Internet+, SMS+ purchases) is blocked.
    #[serde(default, deserialize_with = "file::nullable")]
    pub third_party: bool,
}

impl Plan {
    /// A plan with only its monthly price: the smallest valid plan.
    pub fn with_price(monthly_price: Decimal) -> Self {
        Plan {
            operator: None,
            name: None,
            line_number: None,
            monthly_price,
            promo: None,
            options: Vec::new(),
            allowances: Allowances::default(),
            blocked: Blocked::default(),
            start: None,
            commitment_end: None,
            terminated_on: None,
            termination_confirmed_on: None,
        }
    }

    /// The monthly price on a given day: the promotional price up to and including
    /// `promo.until`, the normal price after.
    pub fn price_on(&self, date: NaiveDate) -> Decimal {
        match &self.promo {
            Some(promo) if date <= promo.until => promo.price,
            _ => self.monthly_price,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    use super::file::tests::ISSUE_EXAMPLE;

    #[test]
    fn allowances_are_typed_as_a_number_or_unlimited() {
        let cases = [
            ("", Ok(None)),
            ("  ", Ok(None)),
            ("Illimité", Ok(Some(Allowance::Unlimited))),
            ("unlimited", Ok(Some(Allowance::Unlimited))),
            ("100", Ok(Some(Allowance::Limited(d("100"))))),
            ("1,5", Ok(Some(Allowance::Limited(d("1.5"))))),
            (
                "beaucoup",
                Err(crate::core::money::TypedAmountError::NotAnAmount),
            ),
            ("-2", Err(crate::core::money::TypedAmountError::Negative)),
            (
                "99999999999999999999999999999",
                Err(crate::core::money::TypedAmountError::TooLarge),
            ),
        ];
        for (typed, expected) in cases {
            assert_eq!(Allowance::parse_typed(typed), expected, "{typed:?}");
        }
    }

    #[test]
    fn the_promo_applies_up_to_and_including_its_last_day() {
        let plan = Plan::from_json(ISSUE_EXAMPLE).unwrap();
        let cases = [
            ("2025-03-01", "14.99"),
            ("2026-09-30", "14.99"),
            ("2026-10-01", "24.99"),
            ("2027-01-01", "24.99"),
        ];
        for (day, price) in cases {
            assert_eq!(plan.price_on(date(day)), d(price), "{day}");
        }
        assert_eq!(
            Plan::with_price(d("9.99")).price_on(date("2020-01-01")),
            d("9.99")
        );
    }
}
