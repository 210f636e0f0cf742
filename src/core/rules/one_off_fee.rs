//! `one_off_fee`: activation, termination, rejected payment, paper bill, reminder, SIM
//! and other one-off fees. They are often contestable (not in the price list, a rejected
//! payment the operator caused, a termination fee with no commitment left), so each is a
//! warning with an action that fits its kind, and a termination fee after the end of the
//! commitment is an alert. Pure.

use super::classify::{line_kind, LineKind};
use super::text::{fold, has_any};
use super::{charged, eur, finding, Context};
use crate::core::finding::{Bilingual, Finding, RuleId, Severity};

/// Flags one-off fees.
pub fn check(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for (b, bill) in ctx.bills.iter().enumerate() {
        let plan = ctx.plan_for(b);
        for (i, line) in bill.lines.iter().enumerate() {
            if !charged(line) || line_kind(line) != LineKind::OneOffFee {
                continue;
            }
            let label = fold(&line.label);
            let termination = has_any(&label, &["resiliation"]);
            // A termination fee when the plan says there is no commitment left.
            let no_commitment = termination
                && plan.is_some_and(|p| {
                    match (p.commitment_end, p.terminated_on.or(bill.issue_date)) {
                        // Not said is not "none": only a date says it is over.
                        (None, _) => false,
                        (Some(end), Some(on)) => end <= on,
                        (Some(_), None) => false,
                    }
                });
            let severity = if no_commitment {
                Severity::Alert
            } else {
                Severity::Warning
            };
            let mut f = finding(RuleId::OneOffFee, severity, b, vec![i], vec![], line.amount);
            let (fr_amount, en_amount) = eur(line.amount);
            let name = &line.label;
            f.message = Bilingual::new(
                format!("« {name} » : {fr_amount} de frais ponctuels."),
                format!("\"{name}\": a one-off fee of {en_amount}."),
            );
            f.action = if no_commitment {
                Bilingual::new(
                    "Votre période d'engagement était terminée : des frais de résiliation anticipée ne sont pas dus. Demandez leur annulation.",
                    "Your commitment period was over: early termination fees are not due. Ask for them to be cancelled.",
                )
            } else if termination {
                Bilingual::new(
                    "Vérifiez la date de fin d'engagement et le calcul : pour un engagement de plus de 12 mois, une résiliation à partir du 13e mois ne coûte au plus que le quart des mensualités restantes.",
                    "Check the end of the commitment and the calculation: for a commitment longer than 12 months, terminating from the 13th month costs at most a quarter of the remaining monthly payments.",
                )
            } else if has_any(
                &label,
                &["rejet", "impaye", "relance", "retard", "recouvrement"],
            ) {
                Bilingual::new(
                    "Si le prélèvement a échoué par la faute de l'opérateur (mauvaise date, mauvais montant, mandat), contestez ces frais ; sinon, vérifiez qu'ils figurent dans sa brochure tarifaire.",
                    "If the direct debit failed because of the operator (wrong date, amount or mandate), dispute the fee; otherwise check it is in its price list.",
                )
            } else if has_any(&label, &["papier"]) {
                Bilingual::new(
                    "Passez à la facture électronique si vous le souhaitez, et demandez le remboursement si vous n'avez jamais demandé la facture papier ou si ces frais n'étaient pas annoncés.",
                    "Switch to e-billing if you wish, and ask for a refund if you never asked for paper bills or the fee was not announced.",
                )
            } else {
                Bilingual::new(
                    "Vérifiez que ces frais étaient annoncés dans votre contrat ou la brochure tarifaire ; sinon, demandez leur remboursement.",
                    "Check the fee was announced in your contract or the price list; otherwise ask for a refund.",
                )
            };
            out.push(f);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;
    use crate::core::bill::Category::*;

    #[test]
    fn one_off_fees_are_flagged_and_other_charges_are_not() {
        let cases: &[(&str, &str, crate::core::bill::Category, bool)] = &[
            ("Frais de mise en service", "49.00", OneOffFee, true),
            (
                "Frais de rejet de prélèvement du 05/10/2026",
                "7.50",
                OneOffFee,
                true,
            ),
            ("Frais d'envoi de facture papier", "1.50", Other, true),
            ("Frais de changement de carte SIM", "10.00", Other, true),
            ("Frais de résiliation anticipée", "49.00", OneOffFee, true),
            // Near misses: a refund of a fee, a discount, a subscription, a phone bought.
            (
                "Remboursement frais de mise en service",
                "-49.00",
                Discount,
                false,
            ),
            ("Remise Freebox Pop 1ère année", "-10.00", Discount, false),
            ("Forfait 5G du 01/10 au 31/10", "24.99", Subscription, false),
            (
                "Samsung Galaxy S26 – achat comptant",
                "1029.00",
                Other,
                false,
            ),
            ("Frais de mise en service offerts", "0.00", OneOffFee, false),
        ];
        for (label, amount, category, flagged) in cases {
            let b = bill(vec![line(label, amount, *category)]);
            let found = check(&Context::new(&[b], None, today()));
            assert_eq!(!found.is_empty(), *flagged, "{label}");
        }
    }

    #[test]
    fn a_termination_fee_after_the_commitment_is_an_alert() {
        let b = bill(vec![line(
            "Frais de résiliation anticipée",
            "49.00",
            OneOffFee,
        )]);
        let p = plan(
            r#"{"monthly_price": "11.99", "commitment_end": "2026-09-01",
                "terminated_on": "2026-10-15"}"#,
        );
        let found = check(&Context::new(std::slice::from_ref(&b), Some(&p), today()));
        assert_eq!(found[0].severity, Severity::Alert);
        let p = plan(
            r#"{"monthly_price": "11.99", "commitment_end": "2027-03-01", "terminated_on": "2026-10-15"}"#,
        );
        let found = check(&Context::new(std::slice::from_ref(&b), Some(&p), today()));
        assert_eq!(found[0].severity, Severity::Warning);
        let p = plan(r#"{"monthly_price": "11.99", "terminated_on": "2026-10-15"}"#);
        let found = check(&Context::new(&[b], Some(&p), today()));
        assert_eq!(
            found[0].severity,
            Severity::Warning,
            "no commitment date: not known"
        );
    }
}
