//! The plan file: the JSON form of issue 4, as the app exports it, stores it and
//! `inspect --plan` reads it. Reading refuses unknown fields and says, in French and
//! English, which field is wrong and what it should hold: a plan silently half-read would
//! make every flag after it wrong. The path to the field comes from `serde_path_to_error`
//! while decoding, what is wrong from the decoder's own words (`error_of`), so the format
//! is the types' serde attributes and nothing else.

use std::fmt;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::de::{Unexpected, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use super::{Allowance, Plan};
use crate::core::lang::Lang;
use crate::core::money::{within_bound, MAX_TYPED_AMOUNT, OUT_OF_BOUND};

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
const OTHER: &str = "another value";

/// The error of a failed decoding, as a field and what is wrong with it. Serde's words are
/// stable (`missing field`, `unknown field`, `invalid type: null`, and `expected` followed
/// by what the visitor expects); the tests below hold each one.
fn error_of(path: &str, error: &serde_json::Error) -> PlanError {
    use serde_json::error::Category;
    if matches!(
        error.classify(),
        Category::Syntax | Category::Eof | Category::Io
    ) {
        return PlanError::at(
            "",
            PlanErrorKind::Syntax {
                line: error.line(),
                column: error.column(),
            },
        );
    }
    // `serde_path_to_error` writes the root as ".".
    let at = path.trim_start_matches('.').to_string();
    let words = error.to_string();
    let words = words
        .strip_suffix(&format!(
            " at line {} column {}",
            error.line(),
            error.column()
        ))
        .unwrap_or(&words);
    let named = || match words.split('`').nth(1) {
        // The path names the struct for a missing field, and may or may not name an
        // unknown one already.
        Some(name) if !at.ends_with(name) => join(&at, name),
        _ => at.clone(),
    };
    let field = at.clone();
    if words.starts_with("missing field") {
        return PlanError::at(named(), PlanErrorKind::MissingField);
    }
    if words.starts_with("unknown field") {
        return PlanError::at(named(), PlanErrorKind::UnknownField);
    }
    if words.contains(OUT_OF_BOUND) {
        return PlanError::at(field, PlanErrorKind::TooLarge);
    }
    if words.starts_with("invalid type: null") {
        return PlanError::at(field, PlanErrorKind::MissingField);
    }
    let expected = match words.rsplit_once("expected ").map_or("", |(_, what)| what) {
        "a boolean" => BOOL,
        "a string" => TEXT,
        "a sequence" => LIST,
        "an amount" => AMOUNT,
        what if what == DATE => DATE,
        what if what == QUOTA => QUOTA,
        what if what.starts_with("struct ") && field.is_empty() => {
            return PlanError::at(field, PlanErrorKind::NotAnObject)
        }
        what if what.starts_with("struct ") => OBJECT,
        _ => OTHER,
    };
    PlanError::at(field, PlanErrorKind::InvalidValue { expected })
}

fn join(path: &str, field: &str) -> String {
    if path.is_empty() {
        field.to_string()
    } else {
        format!("{path}.{field}")
    }
}

/// `null` read as "not said" where the type has a default (`"options": null`,
/// `"blocked": {"third_party": null}`), as the format has always allowed.
pub(super) fn nullable<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}

/// A day written `YYYY-MM-DD`, refused with the words of the format (chrono's own error
/// says "input contains invalid characters", not what it wanted).
pub(super) fn date<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    d.deserialize_str(Day)
}

/// A day or `null`.
pub(super) fn optional_date<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<NaiveDate>, D::Error> {
    #[derive(Deserialize)]
    struct Wrapped(#[serde(deserialize_with = "date")] NaiveDate);
    Ok(Option::<Wrapped>::deserialize(d)?.map(|Wrapped(day)| day))
}

struct Day;

impl Visitor<'_> for Day {
    type Value = NaiveDate;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(DATE)
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<NaiveDate, E> {
        NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map_err(|_| E::invalid_value(Unexpected::Str(text), &self))
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
        match allowance_from_value(&value) {
            Some(allowance) => Ok(allowance),
            None if !matches!(number_of(&value), Number::Not) => {
                Err(D::Error::custom(OUT_OF_BOUND))
            }
            None => Err(D::Error::custom(format!("invalid value, expected {QUOTA}"))),
        }
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

impl Plan {
    /// Reads a plan file, checks every field's form and the plan's coherence, and says
    /// which field is wrong otherwise. Decoded by serde, as the stores are; the path to the
    /// field comes from `serde_path_to_error`, what is wrong from the decoder's words.
    pub fn from_json(text: &str) -> Result<Plan, PlanError> {
        // Serde also reads a struct from a list of its fields in order; a plan file is an
        // object, and anything else is said to be so once it is known to be JSON.
        if !text.trim_start().starts_with('{') {
            let error = match serde_json::from_str::<serde::de::IgnoredAny>(text) {
                Ok(_) => PlanError::at("", PlanErrorKind::NotAnObject),
                Err(e) => error_of("", &e),
            };
            return Err(error);
        }
        let mut json = serde_json::Deserializer::from_str(text);
        let plan: Plan = serde_path_to_error::deserialize(&mut json)
            .map_err(|e| error_of(&e.path().to_string(), e.inner()))?;
        json.end().map_err(|e| error_of("", &e))?;
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
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    pub(in crate::core::plan) const ISSUE_EXAMPLE: &str = r#"{"operator": "Orange", "name": "Forfait 5G 100 Go", "line_number": "06 12 34 56 78",
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
    fn null_is_not_said_wherever_the_field_has_a_default() {
        let plan = Plan::from_json(
            r#"{"monthly_price": "9.99", "operator": null, "promo": null, "options": null,
                "allowances": {"data_gb": null, "roaming_eu": null},
                "blocked": {"premium_numbers": null, "third_party": true},
                "start": null, "termination_confirmed_on": null}"#,
        )
        .unwrap();
        assert_eq!(
            plan,
            Plan {
                blocked: crate::core::plan::Blocked {
                    premium_numbers: false,
                    third_party: true
                },
                ..Plan::with_price(d("9.99"))
            }
        );
        let plan =
            Plan::from_json(r#"{"monthly_price": "9.99", "allowances": null, "blocked": null}"#);
        assert_eq!(plan, Ok(Plan::with_price(d("9.99"))));
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
            (r#""24.99""#, "", PlanErrorKind::NotAnObject),
            (
                r#"{"monthly_price": "1", "options": [{"name": "a", "price": "1", "colour": 2}]}"#,
                "options[0].colour",
                PlanErrorKind::UnknownField,
            ),
            (
                r#"{"monthly_price": "1", "options": [{"price": "1"}]}"#,
                "options[0].name",
                PlanErrorKind::MissingField,
            ),
            (
                r#"{"monthly_price": "1", "promo": 5}"#,
                "promo",
                PlanErrorKind::InvalidValue { expected: OBJECT },
            ),
            (
                r#"{"monthly_price": "1", "options": "Multi-SIM"}"#,
                "options",
                PlanErrorKind::InvalidValue { expected: LIST },
            ),
            (
                r#"{"monthly_price": "1", "name": 5}"#,
                "name",
                PlanErrorKind::InvalidValue { expected: TEXT },
            ),
            (
                r#"{"monthly_price": "1", "promo": {"price": "1", "until": "2026-13-01"}}"#,
                "promo.until",
                PlanErrorKind::InvalidValue { expected: DATE },
            ),
            (
                r#"{"monthly_price": "1", "allowances": {"sms": true}}"#,
                "allowances.sms",
                PlanErrorKind::InvalidValue { expected: QUOTA },
            ),
            (
                r#"{"monthly_price": "1"} {}"#,
                "",
                PlanErrorKind::Syntax {
                    line: 1,
                    column: 24,
                },
            ),
            ("[1, 2", "", PlanErrorKind::Syntax { line: 1, column: 5 }),
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
