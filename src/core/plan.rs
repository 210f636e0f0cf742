//! The customer's contract ("forfait"): what the rules check each bill against.
//!
//! A `Plan` is edited in the app, stored locally, exported and read back by
//! `inspect --plan` in the JSON form of issue 4. Only `monthly_price` is required (the
//! contract price once any promotion has ended). Reading refuses unknown fields and says,
//! in French and English, which field is wrong: a plan silently half-read would make every
//! flag after it wrong. Pure: no clock, the date is always a parameter.

use std::fmt;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use super::bill::{Bill, Category};
use super::i18n::Lang;
use super::money::{within_bound, MAX_TYPED_AMOUNT};

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
    #[serde(default)]
    pub options: Vec<PlanOption>,
    /// What the plan includes.
    #[serde(default)]
    pub allowances: Allowances,
    /// The blocks the person asked for.
    #[serde(default)]
    pub blocked: Blocked,
    /// The day the contract started.
    #[serde(default)]
    pub start: Option<NaiveDate>,
    /// The end of the minimum commitment, if any.
    #[serde(default)]
    pub commitment_end: Option<NaiveDate>,
    /// The day the contract ended, if it did.
    #[serde(default)]
    pub terminated_on: Option<NaiveDate>,
    /// The day the operator confirmed that end date in writing (a durable medium, décret
    /// 2023-417): the proof a refund claim for later charges rests on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
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
    pub fn parse_typed(text: &str) -> Result<Option<Allowance>, super::money::TypedAmountError> {
        let folded = super::vocab::fold(text.trim());
        match folded.as_str() {
            "" => Ok(None),
            "illimite" | "illimitee" | "illimites" | "illimitees" | "unlimited" | "∞" => {
                Ok(Some(Allowance::Unlimited))
            }
            _ => super::money::typed_amount(text, false).map(|n| Some(Allowance::Limited(n))),
        }
    }

    /// Whether nothing of this kind should ever be charged.
    pub fn is_unlimited(self) -> bool {
        matches!(self, Allowance::Unlimited)
    }
}

impl Serialize for Allowance {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Allowance::Unlimited => s.serialize_str("unlimited"),
            Allowance::Limited(d) if d.fract().is_zero() && !d.is_sign_negative() => {
                match u64::try_from(d.trunc()) {
                    Ok(n) => s.serialize_u64(n),
                    Err(_) => s.serialize_str(&d.to_string()),
                }
            }
            Allowance::Limited(d) => s.serialize_str(&d.to_string()),
        }
    }
}

impl<'de> Deserialize<'de> for Allowance {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let value = Value::deserialize(d)?;
        allowance_from_value(&value)
            .ok_or_else(|| D::Error::custom("expected \"unlimited\" or a number"))
    }
}

fn allowance_from_value(value: &Value) -> Option<Allowance> {
    match value {
        Value::String(s) if s.trim().eq_ignore_ascii_case("unlimited") => {
            Some(Allowance::Unlimited)
        }
        _ => match number_of(value) {
            Number::Within(n) if within_bound(n) => Some(Allowance::Limited(n)),
            _ => None,
        },
    }
}

/// A JSON value read as a number.
enum Number {
    /// A number `Decimal` holds.
    Within(Decimal),
    /// Digits past what `Decimal` holds (29 digits and more, or `1e30`).
    Beyond,
    /// Not a number.
    Not,
}

fn number_of(value: &Value) -> Number {
    let text = match value {
        Value::String(s) => s.trim().to_string(),
        Value::Number(n) => n.to_string(),
        _ => return Number::Not,
    };
    if let Ok(n) = text.parse::<Decimal>() {
        return Number::Within(n);
    }
    let digits = text.strip_prefix('-').unwrap_or(&text);
    let (units, decimals) = digits.split_once('.').unwrap_or((digits, "0"));
    let numeric = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let scientific =
        matches!(value, Value::Number(n) if n.as_f64().is_some_and(|f| f.abs() >= 1e9));
    if (numeric(units) && numeric(decimals)) || scientific {
        Number::Beyond
    } else {
        Number::Not
    }
}

/// The blocks the person asked the operator for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Blocked {
    /// Calls and SMS to surcharged numbers are blocked.
    #[serde(default)]
    pub premium_numbers: bool,
    /// Third-party billing (Internet+, SMS+ purchases) is blocked.
    #[serde(default)]
    pub third_party: bool,
}

/// Why a plan file could not be read, and where.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PlanError {
    /// The field at fault, as a path (`promo.until`, `options[1].price`); empty for the
    /// whole file.
    pub field: String,
    /// What is wrong with it.
    pub kind: PlanErrorKind,
}

/// What is wrong with a plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PlanErrorKind {
    /// Not JSON at all, or broken JSON.
    Syntax {
        /// 1-based line of the error.
        line: usize,
        /// 1-based column of the error.
        column: usize,
    },
    /// The file is JSON but not an object.
    NotAnObject,
    /// A field the format does not know (a typo, or a newer version).
    UnknownField,
    /// A required field is missing.
    MissingField,
    /// The value has the wrong type or form.
    InvalidValue {
        /// What was expected, in English ("a decimal amount like \"24.99\"").
        expected: &'static str,
    },
    /// A price below zero.
    NegativePrice,
    /// The promotional price is above the normal price.
    PromoAboveMonthlyPrice,
    /// A date that comes before the start of the contract.
    BeforeStart,
    /// An amount above what a contract can hold ([`MAX_TYPED_AMOUNT`] for a price, the bound
    /// of every stored amount for an allowance).
    TooLarge,
}

impl PlanError {
    fn at(field: impl Into<String>, kind: PlanErrorKind) -> Self {
        PlanError {
            field: field.into(),
            kind,
        }
    }

    /// The message for a person, naming the field.
    pub fn message(&self, lang: Lang) -> String {
        let field = &self.field;
        match (&self.kind, lang) {
            (PlanErrorKind::Syntax { line, column }, Lang::Fr) => format!(
                "Le fichier de forfait n'est pas du JSON valide (ligne {line}, colonne {column})."
            ),
            (PlanErrorKind::Syntax { line, column }, Lang::En) => {
                format!("The plan file is not valid JSON (line {line}, column {column}).")
            }
            (PlanErrorKind::NotAnObject, Lang::Fr) => {
                "Le fichier de forfait doit être un objet JSON ({ … }).".to_string()
            }
            (PlanErrorKind::NotAnObject, Lang::En) => {
                "The plan file must be a JSON object ({ … }).".to_string()
            }
            (PlanErrorKind::UnknownField, Lang::Fr) => {
                format!("Champ inconnu « {field} » : vérifiez l'orthographe.")
            }
            (PlanErrorKind::UnknownField, Lang::En) => {
                format!("Unknown field \"{field}\": check the spelling.")
            }
            (PlanErrorKind::MissingField, Lang::Fr) => {
                format!("Champ obligatoire manquant : « {field} ».")
            }
            (PlanErrorKind::MissingField, Lang::En) => {
                format!("Required field missing: \"{field}\".")
            }
            (PlanErrorKind::InvalidValue { expected }, Lang::Fr) => format!(
                "Valeur invalide pour « {field} » : attendu {}.",
                expected_fr(expected)
            ),
            (PlanErrorKind::InvalidValue { expected }, Lang::En) => {
                format!("Invalid value for \"{field}\": expected {expected}.")
            }
            (PlanErrorKind::NegativePrice, Lang::Fr) => {
                format!("Le prix « {field} » ne peut pas être négatif.")
            }
            (PlanErrorKind::NegativePrice, Lang::En) => {
                format!("The price \"{field}\" cannot be negative.")
            }
            (PlanErrorKind::PromoAboveMonthlyPrice, Lang::Fr) => format!(
                "Le prix promotionnel « {field} » est plus élevé que le prix mensuel : ce n'est pas une promotion."
            ),
            (PlanErrorKind::PromoAboveMonthlyPrice, Lang::En) => format!(
                "The promotional price \"{field}\" is above the monthly price: that is not a promotion."
            ),
            (PlanErrorKind::BeforeStart, Lang::Fr) => {
                format!("La date « {field} » est antérieure au début du contrat (« start »).")
            }
            (PlanErrorKind::BeforeStart, Lang::En) => {
                format!("The date \"{field}\" is before the start of the contract (\"start\").")
            }
            (PlanErrorKind::TooLarge, Lang::Fr) => format!(
                "La valeur de « {field} » est trop élevée : un prix ne dépasse pas 100 000 €."
            ),
            (PlanErrorKind::TooLarge, Lang::En) => format!(
                "The value of \"{field}\" is too large: a price is at most €100,000."
            ),
        }
    }
}

fn expected_fr(expected: &str) -> &'static str {
    match expected {
        AMOUNT => "un montant décimal comme \"24.99\"",
        DATE => "une date AAAA-MM-JJ ou null",
        TEXT => "un texte ou null",
        BOOL => "true ou false",
        QUOTA => "\"unlimited\" ou un nombre",
        OBJECT => "un objet { … }",
        LIST => "une liste [ … ]",
        _ => "une autre valeur",
    }
}

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} / {}", self.message(Lang::Fr), self.message(Lang::En))
    }
}

impl std::error::Error for PlanError {}

const AMOUNT: &str = "a decimal amount like \"24.99\"";
const DATE: &str = "a date YYYY-MM-DD or null";
const TEXT: &str = "a text or null";
const BOOL: &str = "true or false";
const QUOTA: &str = "\"unlimited\" or a number";
const OBJECT: &str = "an object { … }";
const LIST: &str = "a list [ … ]";

/// What a field's value must look like; drives the field-by-field check that names the
/// wrong field (serde alone says "invalid type" without saying where).
#[derive(Clone, Copy)]
enum Shape {
    Amount,
    Date,
    Text,
    Bool,
    Quota,
    Object(&'static [(&'static str, Shape, bool)]),
    List(&'static Shape),
}

const PROMO: &[(&str, Shape, bool)] =
    &[("price", Shape::Amount, true), ("until", Shape::Date, true)];
const OPTION: &[(&str, Shape, bool)] =
    &[("name", Shape::Text, true), ("price", Shape::Amount, true)];
const ALLOWANCES: &[(&str, Shape, bool)] = &[
    ("data_gb", Shape::Quota, false),
    ("calls", Shape::Quota, false),
    ("sms", Shape::Quota, false),
    ("roaming_eu", Shape::Bool, false),
    ("international", Shape::Bool, false),
];
const BLOCKED: &[(&str, Shape, bool)] = &[
    ("premium_numbers", Shape::Bool, false),
    ("third_party", Shape::Bool, false),
];
const PLAN: &[(&str, Shape, bool)] = &[
    ("operator", Shape::Text, false),
    ("name", Shape::Text, false),
    ("line_number", Shape::Text, false),
    ("monthly_price", Shape::Amount, true),
    ("promo", Shape::Object(PROMO), false),
    ("options", Shape::List(&Shape::Object(OPTION)), false),
    ("allowances", Shape::Object(ALLOWANCES), false),
    ("blocked", Shape::Object(BLOCKED), false),
    ("start", Shape::Date, false),
    ("commitment_end", Shape::Date, false),
    ("terminated_on", Shape::Date, false),
    ("termination_confirmed_on", Shape::Date, false),
];

fn join(path: &str, field: &str) -> String {
    if path.is_empty() {
        field.to_string()
    } else {
        format!("{path}.{field}")
    }
}

fn check_shape(value: &Value, shape: Shape, path: &str) -> Result<(), PlanError> {
    let invalid = |expected| {
        Err(PlanError::at(
            path,
            PlanErrorKind::InvalidValue { expected },
        ))
    };
    match shape {
        Shape::Amount => match number_of(value) {
            Number::Within(amount) if amount.abs() <= MAX_TYPED_AMOUNT => Ok(()),
            Number::Within(_) | Number::Beyond => Err(PlanError::at(path, PlanErrorKind::TooLarge)),
            Number::Not => invalid(AMOUNT),
        },
        Shape::Date => match value {
            Value::Null => Ok(()),
            Value::String(s) if NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok() => Ok(()),
            _ => invalid(DATE),
        },
        Shape::Text => match value {
            Value::Null | Value::String(_) => Ok(()),
            _ => invalid(TEXT),
        },
        Shape::Bool => match value {
            Value::Null | Value::Bool(_) => Ok(()),
            _ => invalid(BOOL),
        },
        Shape::Quota => match value {
            Value::Null => Ok(()),
            v if allowance_from_value(v).is_some() => Ok(()),
            v if matches!(number_of(v), Number::Within(_) | Number::Beyond) => {
                Err(PlanError::at(path, PlanErrorKind::TooLarge))
            }
            _ => invalid(QUOTA),
        },
        Shape::List(item) => match value {
            Value::Null => Ok(()),
            Value::Array(items) => items
                .iter()
                .enumerate()
                .try_for_each(|(i, v)| check_shape(v, *item, &format!("{path}[{i}]"))),
            _ => invalid(LIST),
        },
        Shape::Object(fields) => {
            let Value::Object(map) = value else {
                return if value.is_null() && !path.is_empty() {
                    Ok(())
                } else if path.is_empty() {
                    Err(PlanError::at("", PlanErrorKind::NotAnObject))
                } else {
                    invalid(OBJECT)
                };
            };
            if let Some(unknown) = map.keys().find(|k| !fields.iter().any(|(f, _, _)| f == k)) {
                return Err(PlanError::at(
                    join(path, unknown),
                    PlanErrorKind::UnknownField,
                ));
            }
            for (name, shape, required) in fields {
                match map.get(*name) {
                    Some(v) if !(v.is_null() && *required) => {
                        check_shape(v, *shape, &join(path, name))?
                    }
                    _ if *required => {
                        return Err(PlanError::at(join(path, name), PlanErrorKind::MissingField))
                    }
                    _ => {}
                }
            }
            Ok(())
        }
    }
}

/// Serde refuses `null` for a field with a default that is not an `Option`; the format
/// allows `"options": null` or `"blocked": null` for "not said", so drop such nulls first.
fn drop_nulls(value: &mut Value) {
    if let Value::Object(map) = value {
        for key in ["options", "allowances", "blocked"] {
            if map.get(key).is_some_and(Value::is_null) {
                map.remove(key);
            }
        }
        for key in ["allowances", "blocked"] {
            if let Some(Value::Object(inner)) = map.get_mut(key) {
                inner.retain(|_, v| !v.is_null());
            }
        }
    }
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

    /// Reads a plan file, checks every field's form and the plan's coherence, and says
    /// which field is wrong otherwise.
    pub fn from_json(text: &str) -> Result<Plan, PlanError> {
        let mut value: Value = serde_json::from_str(text).map_err(|e| {
            PlanError::at(
                "",
                PlanErrorKind::Syntax {
                    line: e.line(),
                    column: e.column(),
                },
            )
        })?;
        check_shape(&value, Shape::Object(PLAN), "")?;
        drop_nulls(&mut value);
        // The shape check above covers what serde checks; this is a safety net that keeps
        // the error typed if the two ever disagree.
        let plan: Plan = serde_json::from_value(value)
            .map_err(|_| PlanError::at("", PlanErrorKind::InvalidValue { expected: "a plan" }))?;
        plan.validate()?;
        Ok(plan)
    }

    /// The plan as the JSON file the app exports and `inspect --plan` reads; the
    /// serialiser's words when it fails (never an empty file).
    pub fn to_json(&self) -> Result<String, String> {
        serde_json::to_string_pretty(self).map_err(|e| e.to_string())
    }

    /// Checks what the format cannot: no negative price, a promotion below the normal
    /// price, no date before the contract's start.
    pub fn validate(&self) -> Result<(), PlanError> {
        let negative = |field: String, price: Decimal| {
            if price.is_sign_negative() && !price.is_zero() {
                Err(PlanError::at(field, PlanErrorKind::NegativePrice))
            } else if price > MAX_TYPED_AMOUNT {
                Err(PlanError::at(field, PlanErrorKind::TooLarge))
            } else {
                Ok(())
            }
        };
        negative("monthly_price".into(), self.monthly_price)?;
        if let Some(promo) = &self.promo {
            negative("promo.price".into(), promo.price)?;
            if promo.price > self.monthly_price {
                return Err(PlanError::at(
                    "promo.price",
                    PlanErrorKind::PromoAboveMonthlyPrice,
                ));
            }
        }
        for (i, option) in self.options.iter().enumerate() {
            negative(format!("options[{i}].price"), option.price)?;
        }
        if let Some(start) = self.start {
            let dates = [
                ("promo.until", self.promo.as_ref().map(|p| p.until)),
                ("commitment_end", self.commitment_end),
                ("terminated_on", self.terminated_on),
                ("termination_confirmed_on", self.termination_confirmed_on),
            ];
            for (field, date) in dates {
                if date.is_some_and(|d| d < start) {
                    return Err(PlanError::at(field, PlanErrorKind::BeforeStart));
                }
            }
        }
        Ok(())
    }

    /// The monthly price on a given day: the promotional price up to and including
    /// `promo.until`, the normal price after.
    pub fn price_on(&self, date: NaiveDate) -> Decimal {
        match &self.promo {
            Some(promo) if date <= promo.until => promo.price,
            _ => self.monthly_price,
        }
    }

    /// A plan pre-filled from a read bill, for the person to confirm: operator, line,
    /// subscription name and price (discounts are not subtracted: the person knows whether
    /// a discount is a time-limited promotion), and the options billed.
    pub fn suggest_from_bill(bill: &Bill) -> Plan {
        let line = bill.line_numbers.first().cloned();
        // On a bill of several lines, keep the first line's charges.
        let other_lines: Vec<String> = bill
            .line_numbers
            .iter()
            .skip(1)
            .map(|n| digits(n))
            .collect();
        let mine = |label: &str, section: &str| {
            let text = format!("{} {}", digits_spaced(section), digits_spaced(label));
            !other_lines
                .iter()
                .any(|n| !n.is_empty() && text.contains(n.as_str()))
        };
        let subscription = bill
            .lines
            .iter()
            .find(|l| l.category == Category::Subscription && mine(&l.label, &l.section));
        let options = bill
            .lines
            .iter()
            .filter(|l| {
                l.category == Category::Option
                    && l.amount > Decimal::ZERO
                    && mine(&l.label, &l.section)
            })
            .map(|l| PlanOption {
                name: super::rules::text::item_name(&l.label),
                price: l.amount,
            })
            .collect();
        Plan {
            operator: bill.operator.map(|o| o.name().to_string()),
            name: subscription.map(|l| super::rules::text::item_name(&l.label)),
            line_number: line,
            monthly_price: subscription.map_or(Decimal::ZERO, |l| l.amount),
            options,
            ..Plan::with_price(Decimal::ZERO)
        }
    }
}

pub(crate) use super::vocab::numbers::{digits, digits_spaced};

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    const ISSUE_EXAMPLE: &str = r#"{"operator": "Orange", "name": "Forfait 5G 100 Go", "line_number": "06 12 34 56 78",
        "monthly_price": "24.99",
        "promo": {"price": "14.99", "until": "2026-09-30"},
        "options": [{"name": "Option Multi-SIM", "price": "5.00"}],
        "allowances": {"data_gb": 100, "calls": "unlimited", "sms": "unlimited", "roaming_eu": true},
        "blocked": {"premium_numbers": false, "third_party": false},
        "start": "2025-03-01", "commitment_end": "2026-03-01", "terminated_on": null}"#;

    #[test]
    fn the_issue_example_reads_and_round_trips() {
        let plan = Plan::from_json(ISSUE_EXAMPLE).unwrap();
        assert_eq!(plan.operator.as_deref(), Some("Orange"));
        assert_eq!(plan.monthly_price, d("24.99"));
        assert_eq!(plan.options[0].price, d("5.00"));
        assert_eq!(plan.allowances.data_gb, Some(Allowance::Limited(d("100"))));
        assert_eq!(plan.allowances.calls, Some(Allowance::Unlimited));
        assert_eq!(plan.allowances.roaming_eu, Some(true));
        assert_eq!(plan.commitment_end, Some(date("2026-03-01")));
        let again = Plan::from_json(&plan.to_json().unwrap()).unwrap();
        assert_eq!(again, plan);
    }

    #[test]
    fn only_the_monthly_price_is_required() {
        let plan = Plan::from_json(r#"{"monthly_price": "9.99"}"#).unwrap();
        assert_eq!(plan, Plan::with_price(d("9.99")));
        let plan = Plan::from_json(r#"{"monthly_price": 9.99, "options": null}"#).unwrap();
        assert_eq!(plan.monthly_price, d("9.99"));
    }

    #[test]
    fn errors_name_the_field() {
        let cases: &[(&str, &str, PlanErrorKind)] = &[
            (
                r#"{"monthly_price": "1", "colour": 1}"#,
                "colour",
                PlanErrorKind::UnknownField,
            ),
            (
                r#"{"monthly_price": "1", "promo": {"price": "1", "until": "2026-01-01", "x": 1}}"#,
                "promo.x",
                PlanErrorKind::UnknownField,
            ),
            (
                r#"{"monthly_price": "1", "allowances": {"data": 5}}"#,
                "allowances.data",
                PlanErrorKind::UnknownField,
            ),
            (
                r#"{"name": "x"}"#,
                "monthly_price",
                PlanErrorKind::MissingField,
            ),
            (
                r#"{"monthly_price": null}"#,
                "monthly_price",
                PlanErrorKind::MissingField,
            ),
            (
                r#"{"monthly_price": "1", "promo": {"price": "1"}}"#,
                "promo.until",
                PlanErrorKind::MissingField,
            ),
            (
                r#"{"monthly_price": "douze"}"#,
                "monthly_price",
                PlanErrorKind::InvalidValue { expected: AMOUNT },
            ),
            (
                r#"{"monthly_price": "1", "start": "01/03/2025"}"#,
                "start",
                PlanErrorKind::InvalidValue { expected: DATE },
            ),
            (
                r#"{"monthly_price": "1", "options": [{"name": "a", "price": "1"}, {"name": "b", "price": "x"}]}"#,
                "options[1].price",
                PlanErrorKind::InvalidValue { expected: AMOUNT },
            ),
            (
                r#"{"monthly_price": "1", "allowances": {"calls": "lots"}}"#,
                "allowances.calls",
                PlanErrorKind::InvalidValue { expected: QUOTA },
            ),
            (
                r#"{"monthly_price": "1", "blocked": {"third_party": "yes"}}"#,
                "blocked.third_party",
                PlanErrorKind::InvalidValue { expected: BOOL },
            ),
            (
                r#"{"monthly_price": "-1"}"#,
                "monthly_price",
                PlanErrorKind::NegativePrice,
            ),
            (
                r#"{"monthly_price": "1", "options": [{"name": "a", "price": "-2"}]}"#,
                "options[0].price",
                PlanErrorKind::NegativePrice,
            ),
            (
                r#"{"monthly_price": "10", "promo": {"price": "12", "until": "2026-01-01"}}"#,
                "promo.price",
                PlanErrorKind::PromoAboveMonthlyPrice,
            ),
            (
                r#"{"monthly_price": "10", "start": "2026-02-01", "promo": {"price": "5", "until": "2026-01-01"}}"#,
                "promo.until",
                PlanErrorKind::BeforeStart,
            ),
            (
                r#"{"monthly_price": "10", "start": "2026-02-01", "terminated_on": "2025-12-01"}"#,
                "terminated_on",
                PlanErrorKind::BeforeStart,
            ),
            (r#"[1, 2]"#, "", PlanErrorKind::NotAnObject),
            (
                r#"{"monthly_price": "1",}"#,
                "",
                PlanErrorKind::Syntax {
                    line: 1,
                    column: 23,
                },
            ),
        ];
        for (json, field, kind) in cases {
            let err = Plan::from_json(json).expect_err(json);
            assert_eq!((err.field.as_str(), &err.kind), (*field, kind), "{json}");
            let (fr, en) = (err.message(Lang::Fr), err.message(Lang::En));
            assert!(fr.contains(field) && en.contains(field), "{fr} / {en}");
            assert_ne!(fr, en);
        }
    }

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

    #[test]
    fn a_plan_is_suggested_from_a_bill() {
        use crate::core::bill::{BillLine, Operator};
        let line = |label: &str, amount: &str, section: &str, category| BillLine {
            label: label.into(),
            amount: d(amount),
            section: section.into(),
            category,
            page: 1,
        };
        let bill = Bill {
            operator: Some(Operator::Sosh),
            line_numbers: vec!["06 71 23 45 67".into(), "07 61 98 76 54".into()],
            lines: vec![
                line(
                    "Forfait Sosh 5G 100 Go du 01/10 au 31/10",
                    "15.99",
                    "Ligne 06 71 23 45 67",
                    Category::Subscription,
                ),
                line(
                    "Option Multi-SIM du 01/10 au 31/10",
                    "5.00",
                    "Ligne 06 71 23 45 67",
                    Category::Option,
                ),
                line(
                    "Option offerte",
                    "0.00",
                    "Ligne 06 71 23 45 67",
                    Category::Option,
                ),
                line(
                    "Forfait Sosh 20 Go du 01/10 au 31/10",
                    "9.99",
                    "Ligne 07 61 98 76 54",
                    Category::Subscription,
                ),
                line(
                    "Option Europe",
                    "3.00",
                    "Ligne 07 61 98 76 54",
                    Category::Option,
                ),
            ],
            ..Bill::default()
        };
        let plan = Plan::suggest_from_bill(&bill);
        assert_eq!(plan.operator.as_deref(), Some("Sosh"));
        assert_eq!(plan.line_number.as_deref(), Some("06 71 23 45 67"));
        assert_eq!(plan.name.as_deref(), Some("Forfait Sosh 5G 100 Go"));
        assert_eq!(plan.monthly_price, d("15.99"));
        assert_eq!(
            plan.options,
            vec![PlanOption {
                name: "Option Multi-SIM".into(),
                price: d("5.00")
            }]
        );
        assert!(plan.validate().is_ok());
        assert_eq!(
            Plan::from_json(&plan.to_json().unwrap()).unwrap(),
            plan,
            "exported, read back"
        );
    }

    #[test]
    fn a_plan_file_with_a_huge_amount_names_the_field() {
        let cases = [
            (
                r#"{"monthly_price": "99999999999999999999999999999"}"#,
                "monthly_price",
            ),
            (
                r#"{"monthly_price": 99999999999999999999999999999999}"#,
                "monthly_price",
            ),
            (r#"{"monthly_price": 1e40}"#, "monthly_price"),
            (r#"{"monthly_price": "150000"}"#, "monthly_price"),
            (
                r#"{"monthly_price": "10", "options": [{"name": "A", "price": "1e3"}, {"name": "B", "price": "123456789012345678901234567890"}]}"#,
                "options[1].price",
            ),
            (
                r#"{"monthly_price": "10", "promo": {"price": "-99999999999999999999999999999", "until": "2026-01-01"}}"#,
                "promo.price",
            ),
            (
                r#"{"monthly_price": "10", "allowances": {"data_gb": "99999999999999999999999999999"}}"#,
                "allowances.data_gb",
            ),
        ];
        for (json, field) in cases {
            let error = Plan::from_json(json).unwrap_err();
            assert_eq!(error.kind, PlanErrorKind::TooLarge, "{json}");
            assert_eq!(error.field, field, "{json}");
            assert!(error.message(Lang::Fr).contains(field));
            assert!(error.message(Lang::En).contains("too large"));
        }
        // Still read: the largest price a person may type.
        assert!(Plan::from_json(r#"{"monthly_price": "100000"}"#).is_ok());
        // A plan stored before the bound, decoded as the store does: refused, not summed.
        let stored = r#"{"monthly_price": "99999999999999999999999999999"}"#;
        assert!(serde_json::from_str::<Plan>(stored).is_err());
    }
}
