//! `total_mismatch`: charges that do not add up to the printed total, or VAT that does
//! not match its printed rate and base. A printed total above the charges is money asked
//! for nothing (alert); below, it is more likely a reading problem (information). Amounts
//! within a cent or two are rounding, not a finding. Pure.

use crate::core::money::Amount as _;
use crate::core::money::AmountsSum as _;
use rust_decimal::Decimal;

use crate::core::money::ratio;

use super::{eur, finding, Context};
use crate::core::bill::{BillWarning, Category};
use crate::core::finding::{Bilingual, Finding, RuleId, Severity};

/// Rounding tolerated between printed and computed totals.
fn tolerance() -> Decimal {
    Decimal::new(2, 2)
}

/// Flags totals and VAT that do not add up.
pub fn check(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for (b, bill) in ctx.bills.iter().enumerate() {
        let Some(total) = bill.total else { continue };
        // When the reader kept only part of the lines, the sum says nothing.
        let truncated = bill
            .warnings
            .iter()
            .any(|w| matches!(w, BillWarning::TooManyLines { .. }));
        if bill.lines.is_empty() || truncated {
            continue;
        }
        let sum: Decimal = bill.lines.iter().map(|l| l.amount).amounts_sum();
        let gap = total.minus(sum);
        if gap.abs() > tolerance() || !bill.reconciles() {
            // More asked than the charges read: money asked for nothing, or a charge the
            // reader missed. Either way a person must look: a warning, never an alert
            // built on a reading that does not add up.
            let severity = if gap > Decimal::ZERO {
                Severity::Warning
            } else {
                Severity::Info
            };
            let at_stake = gap.max(Decimal::ZERO);
            let mut f = finding(RuleId::TotalMismatch, severity, b, vec![], vec![], at_stake);
            let (fr_total, en_total) = eur(total);
            let (fr_sum, en_sum) = eur(sum);
            let (fr_gap, en_gap) = eur(gap.abs());
            f.message = Bilingual::new(
                format!("Le total à payer ({fr_total}) ne correspond pas à la somme des lignes ({fr_sum}) : {fr_gap} d'écart."),
                format!("The total due ({en_total}) is not the sum of the charges ({en_sum}): {en_gap} apart."),
            );
            f.action = if gap > Decimal::ZERO {
                Bilingual::new(
                    "Comparez les lignes lues à la facture : si une ligne manque, corrigez la lecture ; si la lecture est juste, demandez à l'opérateur le détail de l'écart et le remboursement de ce qui n'est justifié par aucune ligne.",
                    "Compare the lines read with the bill: if a line is missing, correct the reading; if the reading is right, ask the operator to explain the difference and to refund what no charge justifies.",
                )
            } else {
                Bilingual::new(
                    "Vérifiez la facture : une ligne a peut-être été mal lue.",
                    "Check the bill: a line may have been misread.",
                )
            };
            out.push(f);
        }
        // VAT at each rate against its base.
        for vat in &bill.vat {
            let Some(base) = vat.base else { continue };
            let expected = ratio(base.times(vat.rate), Decimal::from(100)).round_dp(2);
            let gap = vat.amount.minus(expected);
            if gap.abs() > Decimal::new(5, 2) {
                let mut f = finding(
                    RuleId::TotalMismatch,
                    Severity::Warning,
                    b,
                    vec![],
                    vec![],
                    gap.max(Decimal::ZERO),
                );
                let (fr_vat, en_vat) = eur(vat.amount);
                let (fr_exp, en_exp) = eur(expected);
                let rate = vat.rate.normalize();
                f.message = Bilingual::new(
                    format!("La TVA à {rate} % facturée ({fr_vat}) ne correspond pas à sa base ({fr_exp} attendus)."),
                    format!("The VAT at {rate}% charged ({en_vat}) does not match its base ({en_exp} expected)."),
                );
                f.action = Bilingual::new(
                    "Demandez à l'opérateur de corriger la TVA de la facture.",
                    "Ask the operator to correct the VAT on the bill.",
                );
                out.push(f);
            }
        }
        // Total excluding VAT plus VAT against the total due (charges not subject to the
        // operator's VAT — third parties, instalments — may come on top).
        if let Some(ht) = bill.total_ht {
            let vat: Decimal = bill.vat.iter().map(|v| v.amount).amounts_sum();
            let outside: Decimal = bill
                .lines
                .iter()
                .filter(|l| {
                    matches!(
                        l.category,
                        Category::ThirdParty | Category::EquipmentInstalment
                    )
                })
                .map(|l| l.amount)
                .amounts_sum();
            let gap = total.minus(ht).minus(vat);
            if !bill.vat.is_empty()
                && gap.abs() > tolerance()
                && gap.minus(outside).abs() > tolerance()
            {
                let mut f = finding(
                    RuleId::TotalMismatch,
                    Severity::Warning,
                    b,
                    vec![],
                    vec![],
                    gap.max(Decimal::ZERO),
                );
                let (fr_gap, en_gap) = eur(gap.abs());
                f.message = Bilingual::new(
                    format!("Le total hors taxes plus la TVA ne donne pas le total à payer : {fr_gap} d'écart."),
                    format!("The total excluding VAT plus VAT does not give the total due: {en_gap} apart."),
                );
                f.action = Bilingual::new(
                    "Demandez à l'opérateur d'expliquer l'écart.",
                    "Ask the operator to explain the difference.",
                );
                out.push(f);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;
    use crate::core::bill::Category::*;
    use crate::core::bill::VatLine;

    fn vat(rate: &str, base: &str, amount: &str) -> VatLine {
        VatLine {
            rate: d(rate),
            base: Some(d(base)),
            amount: d(amount),
        }
    }

    #[test]
    #[allow(clippy::type_complexity)] // a table of cases reads best inline
    fn totals_that_do_not_add_up_are_flagged() {
        let lines = vec![
            line("Forfait", "12.99", Subscription),
            line("Assurance", "9.99", Option),
        ];
        // (printed total, VAT lines, total HT, expected (severity, amount))
        let cases: &[(
            &str,
            Vec<VatLine>,
            std::option::Option<&str>,
            Vec<(Severity, &str)>,
        )] = &[
            // More asked than the lines read: a warning to check, never an alert.
            ("25.98", vec![], None, vec![(Severity::Warning, "3")]),
            ("20.98", vec![], None, vec![(Severity::Info, "0")]),
            (
                "22.98",
                vec![vat("20", "19.15", "3.83")],
                Some("19.15"),
                vec![],
            ),
            ("22.99", vec![], None, vec![]),
            (
                "22.98",
                vec![vat("20", "19.15", "4.83")],
                None,
                vec![(Severity::Warning, "1")],
            ),
            (
                "22.98",
                vec![vat("20", "17.15", "3.43")],
                Some("17.15"),
                vec![(Severity::Warning, "2.4")],
            ),
            ("22.98", vec![vat("20", "894.65", "178.94")], None, vec![]),
        ];
        for (total, vat, ht, want) in cases {
            let mut b = bill(lines.clone());
            b.total = Some(d(total));
            b.vat = vat.clone();
            b.total_ht = ht.map(d);
            let found = check(&Context::new(&[b], None, today()));
            let got: Vec<(Severity, String)> = found
                .iter()
                .map(|f| (f.severity, f.amount.normalize().to_string()))
                .collect();
            let want: Vec<(Severity, String)> =
                want.iter().map(|(s, a)| (*s, a.to_string())).collect();
            assert_eq!(got, want, "{total}");
        }
    }

    #[test]
    fn a_truncated_reading_is_not_a_mismatch() {
        let mut b = bill(vec![line("Forfait", "12.00", Subscription)]);
        b.total = Some(d("99.00"));
        b.warnings = vec![BillWarning::TooManyLines { kept: 1 }];
        assert!(check(&Context::new(&[b], None, today())).is_empty());
    }

    #[test]
    fn charges_outside_vat_are_allowed_between_ht_and_total() {
        let mut b = bill(vec![
            line("Forfait", "12.00", Subscription),
            line("Internet+ Jeu", "3.00", ThirdParty),
        ]);
        b.total_ht = Some(d("10.00"));
        b.vat = vec![vat("20", "10.00", "2.00")];
        assert!(check(&Context::new(&[b], None, today())).is_empty());
    }
}
