//! Which operations of a statement concern a telecom operator, and the only ones kept.
//!
//! An operation is the operator's when its label names one of the brands of
//! `shared/DOMAIN.md` as whole words (`PRLV SEPA FREE MOBILE`, `SOSH`, `RED BY SFR`…, not
//! `ORANGE BANK`), or when the person tied its label or its creditor identifier (ICS) to
//! an operator. The ICS of a debit recognised by its name is learned ([`learned_ties`]),
//! so a later label that only gives the ICS is still recognised. No ICS is built in: none
//! of the operators' identifiers could be checked against a source. Card payments and
//! cash withdrawals are not bills' debits and are left out. Everything else of the
//! statement is dropped by [`keep`]: it never leaves this function.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::Operation;
use crate::core::bill::Operator;
use crate::core::vocab::fold_words;

/// Money taken by the operator, or given back.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Money out of the account (a direct debit).
    Debit,
    /// Money back into it (a refund).
    Refund,
}

/// A telecom operation kept from a statement: all that is stored of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Debit {
    /// The day of the operation.
    pub date: NaiveDate,
    /// The amount, positive.
    pub amount: Decimal,
    /// Taken or given back.
    pub direction: Direction,
    /// The operator.
    pub operator: Operator,
    /// The label as printed.
    pub label: String,
    /// The creditor identifier (ICS), when the label gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ics: Option<String>,
    /// The mandate reference (RUM), when the label gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rum: Option<String>,
    /// Recognised because the person tied it to the operator.
    #[serde(default)]
    pub tied: bool,
}

impl Debit {
    /// The amount with its sign on the account: negative when taken.
    pub fn signed(&self) -> Decimal {
        match self.direction {
            Direction::Debit => -self.amount,
            Direction::Refund => self.amount,
        }
    }
}

/// A label or an ICS the person (or an earlier statement) tied to an operator.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tie {
    /// The ICS, or the label's [`label_key`].
    pub key: String,
    /// The operator.
    pub operator: Operator,
}

/// The brands, as whole folded words, longest first so `free mobile` wins over `free`.
const NAMES: &[(&str, Operator)] = &[
    ("red by sfr", Operator::Red),
    ("free mobile", Operator::FreeMobile),
    ("free telecom", Operator::Free),
    ("freebox", Operator::Free),
    ("la poste mobile", Operator::LaPosteMobile),
    ("nrj mobile", Operator::NrjMobile),
    ("bouygues telecom", Operator::Bouygues),
    ("bouygues tel", Operator::Bouygues),
    ("b you", Operator::BAndYou),
    ("byou", Operator::BAndYou),
    ("prixtel", Operator::Prixtel),
    ("coriolis", Operator::Coriolis),
    ("sosh", Operator::Sosh),
    ("orange", Operator::Orange),
    ("sfr", Operator::Sfr),
    ("free", Operator::Free),
];

/// Names that contain a brand but are not the operator's.
const NOT_OPERATORS: &[&str] = &["orange bank", "free now", "freenow", "jus d orange"];

/// Labels of operations that are not a bill's debit or refund.
const NOT_BILLS: &[&str] = &[
    "cb",
    "carte",
    "paiement cb",
    "paiement par carte",
    "retrait",
    "retrait dab",
];

fn padded(label: &str) -> String {
    format!(" {} ", fold_words(label).replace('\'', " "))
}

/// The operator a label names, if any.
pub fn named(label: &str) -> Option<Operator> {
    let words = padded(label);
    if NOT_OPERATORS
        .iter()
        .any(|n| words.contains(&format!(" {n} ")))
    {
        return None;
    }
    NAMES
        .iter()
        .find(|(name, _)| words.contains(&format!(" {name} ")))
        .map(|(_, op)| *op)
}

/// Whether the label is a card payment or a withdrawal.
fn is_card(label: &str) -> bool {
    let words = padded(label);
    NOT_BILLS
        .iter()
        .any(|n| words.starts_with(&format!(" {n} ")))
}

fn tokens(label: &str) -> Vec<String> {
    label
        .split(|c: char| c.is_whitespace() || c == '/' || c == ':' || c == ',')
        .filter(|t| !t.is_empty())
        .map(|t| {
            t.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
                .to_ascii_uppercase()
        })
        .collect()
}

/// The creditor identifier a label gives: a token like `FR12ZZZ123456` (country, check
/// digits, `ZZZ`, national number), or the token after `ICS` / `ID EMETTEUR`.
pub fn ics_of(label: &str) -> Option<String> {
    let t = tokens(label);
    let shaped = |s: &str| {
        let b = s.as_bytes();
        (8..=35).contains(&b.len())
            && b[..2].iter().all(u8::is_ascii_alphabetic)
            && b[2..4].iter().all(u8::is_ascii_digit)
            && b.iter().all(u8::is_ascii_alphanumeric)
    };
    for (i, token) in t.iter().enumerate() {
        let after_marker = i > 0 && matches!(t[i - 1].as_str(), "ICS" | "EMETTEUR" | "CREANCIER");
        if shaped(token) && (token.get(4..7) == Some("ZZZ") || after_marker) {
            return Some(token.clone());
        }
    }
    None
}

/// The mandate reference a label gives: after `RUM`, `MDT` or `MANDAT`.
pub fn rum_of(label: &str) -> Option<String> {
    let t = tokens(label);
    t.iter()
        .position(|s| matches!(s.as_str(), "RUM" | "MDT" | "MANDAT"))
        .and_then(|i| t.get(i + 1))
        .filter(|s| s.chars().any(|c| c.is_ascii_digit()))
        .cloned()
}

/// What makes two labels "the same payee": the folded words without those that hold a
/// digit (dates, references), at most six.
pub fn label_key(label: &str) -> String {
    fold_words(label)
        .split(' ')
        .filter(|w| !w.is_empty() && !w.chars().any(|c| c.is_ascii_digit()))
        .take(6)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The operator of an operation: by a tie on its ICS, by a tie on its label, by its name.
/// The flag says it came from a tie.
pub fn operator_of(label: &str, ties: &[Tie]) -> Option<(Operator, bool)> {
    if is_card(label) {
        return None;
    }
    let ics = ics_of(label);
    let key = label_key(label);
    let tied = ties
        .iter()
        .find(|t| ics.as_deref() == Some(t.key.as_str()))
        .or_else(|| ties.iter().find(|t| !key.is_empty() && t.key == key));
    if let Some(tie) = tied {
        return Some((tie.operator, named(label) != Some(tie.operator)));
    }
    named(label).map(|op| (op, false))
}

/// The telecom operations of a statement; every other operation is dropped here.
pub fn keep(operations: &[Operation], ties: &[Tie]) -> Vec<Debit> {
    operations
        .iter()
        .filter(|o| !o.amount.is_zero())
        .filter_map(|o| {
            let (operator, tied) = operator_of(&o.label, ties)?;
            Some(Debit {
                date: o.date,
                amount: o.amount.abs(),
                direction: if o.amount.is_sign_negative() {
                    Direction::Debit
                } else {
                    Direction::Refund
                },
                operator,
                label: o.label.clone(),
                ics: ics_of(&o.label),
                rum: rum_of(&o.label),
                tied,
            })
        })
        .collect()
}

/// The ICS of debits recognised by name, tied to their operator, for later statements.
pub fn learned_ties(debits: &[Debit], known: &[Tie]) -> Vec<Tie> {
    let mut out: Vec<Tie> = Vec::new();
    for d in debits {
        if let Some(ics) = &d.ics {
            let seen = known.iter().chain(&out).any(|t| t.key == *ics);
            if !seen && !d.tied {
                out.push(Tie {
                    key: ics.clone(),
                    operator: d.operator,
                });
            }
        }
    }
    out
}

/// The most distinct payees [`recurring_unknown`] looks at.
pub const MAX_PAYEES: usize = 300;

/// Debits of the statement that no operator name recognises but that come back every
/// month or so with the same label: candidates the person may tie to an operator. One per
/// label key, with how many times it came.
pub fn recurring_unknown(operations: &[Operation], ties: &[Tie]) -> Vec<(String, String, usize)> {
    let mut seen: Vec<(String, String, usize)> = Vec::new();
    for o in operations {
        if !o.amount.is_sign_negative()
            || is_card(&o.label)
            || operator_of(&o.label, ties).is_some()
        {
            continue;
        }
        let key = label_key(&o.label);
        if key.is_empty() {
            continue;
        }
        if let Some((_, _, n)) = seen.iter_mut().find(|(k, _, _)| *k == key) {
            *n += 1;
        } else if seen.len() < MAX_PAYEES {
            // Bounded: a statement of thousands of distinct payees stays linear.
            seen.push((key, o.label.clone(), 1));
        }
    }
    seen.retain(|(_, _, n)| *n >= 2);
    seen
}

#[cfg(test)]
mod tests {
    use super::*;

    fn op(date: &str, amount: &str, label: &str) -> Operation {
        Operation {
            date: date.parse().unwrap(),
            amount: amount.parse().unwrap(),
            label: label.into(),
        }
    }

    #[test]
    fn operators_are_named_as_whole_words() {
        let cases: &[(&str, Option<Operator>)] = &[
            (
                "PRLV SEPA FREE MOBILE ECH/050126 ID EMETTEUR/FR00ZZZ000001",
                Some(Operator::FreeMobile),
            ),
            ("PRLV SEPA Free Telecom", Some(Operator::Free)),
            ("PRELEVEMENT ORANGE SA", Some(Operator::Orange)),
            ("PRLV SEPA SOSH", Some(Operator::Sosh)),
            ("PRLV RED BY SFR", Some(Operator::Red)),
            ("PRLV SEPA SFR", Some(Operator::Sfr)),
            ("PRLV BOUYGUES TELECOM", Some(Operator::Bouygues)),
            ("PRLV B&YOU", Some(Operator::BAndYou)),
            ("REMBOURSEMENT FREE MOBILE", Some(Operator::FreeMobile)),
            // Near misses.
            ("PRLV ORANGE BANK", None),
            ("VIR FREE NOW TAXI", None),
            ("PRLV SEPA EDF", None),
            ("PRLV FREELANCE CO", None),
            ("PRLV SFRX", None),
        ];
        for (label, want) in cases {
            assert_eq!(named(label), *want, "{label}");
        }
    }

    #[test]
    fn ics_and_mandate_come_from_the_label() {
        let label =
            "PRLV SEPA FREE MOBILE ECH/050126 ID EMETTEUR/FR00ZZZ000001 MDT/FM-2025-0042 REF/123";
        assert_eq!(ics_of(label).as_deref(), Some("FR00ZZZ000001"));
        assert_eq!(rum_of(label).as_deref(), Some("FM-2025-0042"));
        assert_eq!(
            ics_of("PRLV SEPA ORANGE ICS: FR11ABC123456 RUM: ++ORA0001").as_deref(),
            Some("FR11ABC123456")
        );
        assert_eq!(
            rum_of("PRLV SEPA ORANGE RUM: ORA0001"),
            Some("ORA0001".into())
        );
        assert_eq!(ics_of("PRLV SEPA ORANGE"), None);
        assert_eq!(rum_of("MANDAT SANS NUMERO"), None);
    }

    #[test]
    fn only_telecom_debits_and_refunds_are_kept() {
        let ops = vec![
            op(
                "2026-01-05",
                "-19.99",
                "PRLV SEPA FREE MOBILE ID EMETTEUR/FR00ZZZ000001",
            ),
            op("2026-01-06", "-54.20", "CB CARREFOUR 05/01"),
            op("2026-01-07", "1500.00", "VIR SALAIRE"),
            op("2026-01-08", "-29.99", "CB ORANGE BOUTIQUE"),
            op("2026-01-09", "5.00", "REMB FREE MOBILE"),
            op("2026-01-10", "-12.00", "PRLV SEPA MVNO INCONNU"),
        ];
        let kept = keep(&ops, &[]);
        let labels: Vec<(&str, Direction)> = kept
            .iter()
            .map(|d| (d.label.as_str(), d.direction))
            .collect();
        assert_eq!(
            labels,
            [
                (
                    "PRLV SEPA FREE MOBILE ID EMETTEUR/FR00ZZZ000001",
                    Direction::Debit
                ),
                ("REMB FREE MOBILE", Direction::Refund)
            ]
        );
        assert_eq!(kept[0].amount.to_string(), "19.99");
        // The person ties the unknown payee to an operator: it is kept from then on.
        let ties = vec![Tie {
            key: label_key("PRLV SEPA MVNO INCONNU"),
            operator: Operator::Prixtel,
        }];
        let kept = keep(&ops, &ties);
        assert_eq!(kept.len(), 3);
        assert!(kept[2].tied);
        // A learned ICS recognises a label without the name.
        let learned = learned_ties(&keep(&ops, &[]), &[]);
        assert_eq!(
            learned,
            vec![Tie {
                key: "FR00ZZZ000001".into(),
                operator: Operator::FreeMobile
            }]
        );
        let bare = [op(
            "2026-02-05",
            "-19.99",
            "PRLV SEPA ID EMETTEUR/FR00ZZZ000001",
        )];
        assert_eq!(keep(&bare, &learned)[0].operator, Operator::FreeMobile);
    }

    #[test]
    fn recurring_unknown_debits_are_offered_for_tying() {
        let ops = vec![
            op("2026-01-10", "-12.00", "PRLV SEPA MVNO INCONNU 0126"),
            op("2026-02-10", "-12.00", "PRLV SEPA MVNO INCONNU 0226"),
            op("2026-02-11", "-3.00", "PRLV SEPA UNE FOIS"),
            op("2026-01-05", "-19.99", "PRLV SEPA FREE MOBILE"),
            op("2026-02-05", "-19.99", "PRLV SEPA FREE MOBILE"),
        ];
        let offered = recurring_unknown(&ops, &[]);
        assert_eq!(offered.len(), 1);
        assert_eq!(offered[0].0, "prlv sepa mvno inconnu");
        assert_eq!(offered[0].2, 2);
    }
}
