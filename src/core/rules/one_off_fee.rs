//! `one_off_fee`: activation, termination, rejected payment, paper bill, reminder, SIM
//! and other one-off fees. They are often contestable (not in the price list, a rejected
//! payment the operator caused, a termination fee with no commitment left), so each is a
//! warning with an action that fits its kind, and a termination fee after the end of the
//! commitment is an alert.
//!
//! Termination fees follow Code de la consommation L224-28 II as amended by loi 2022-1158
//! (read on Légifrance, `core::law`): for a contract concluded **since 1 January 2023**,
//! nothing of the remaining months is due once the 12th month is over (at most 20 % of the
//! remainder for an offer with a subsidised phone); for an older contract, from the 13th
//! month, at most a quarter of the remaining monthly payments (read only in commentaries).
//! The plan's start date says which; without it, the finding asks for it. Only an *early*
//! termination fee (remaining months) is an alert: a flat fee for closing the account is
//! not remaining months, and no text in force we could find forbids or limits it (the
//! rule that limited it to the costs borne, former L224-40, was replaced in 2021), so it is
//! a warning that asks what it covers. Pure.

use super::classify::LineKind;
use super::text::{fold, has_any};
use super::{charged, eur, finding, Context};
use crate::core::finding::{Bilingual, Finding, Legal, RuleId, Severity};
use crate::core::law::{add_months, termination_reform, COMMITMENT_FIRST_MONTHS};

/// Which termination rule a contract falls under, on the day it ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Termination {
    /// The commitment was over: no early-termination fee is due.
    CommitmentOver,
    /// Concluded since 1 January 2023 and ended after its 12th month: nothing of the
    /// remaining months is due (20 % at most with a subsidised phone).
    Reformed,
    /// Concluded before 2023 and ended after its 12th month: at most a quarter of the
    /// remaining monthly payments.
    Quarter,
    /// Ended within its first 12 months; `reformed`: concluded since 1 January 2023.
    FirstYear {
        /// Concluded since 1 January 2023.
        reformed: bool,
    },
    /// The contract's start is not known.
    Unknown,
}

fn termination(
    start: Option<chrono::NaiveDate>,
    commitment_end: Option<chrono::NaiveDate>,
    on: Option<chrono::NaiveDate>,
) -> Termination {
    let Some(on) = on else {
        return Termination::Unknown;
    };
    // Not said is not "none": only a date says the commitment is over.
    if commitment_end.is_some_and(|end| end <= on) {
        return Termination::CommitmentOver;
    }
    let Some(start) = start else {
        return Termination::Unknown;
    };
    if on < add_months(start, COMMITMENT_FIRST_MONTHS) {
        Termination::FirstYear {
            reformed: start >= termination_reform(),
        }
    } else if start >= termination_reform() {
        Termination::Reformed
    } else {
        Termination::Quarter
    }
}

/// What to do about a termination fee, by the rule the contract falls under.
fn termination_action(rule: Termination) -> Bilingual {
    match rule {
        Termination::CommitmentOver => Bilingual::new(
            "Votre période d'engagement était terminée : des frais de résiliation anticipée ne sont pas dus. Demandez leur annulation.",
            "Your commitment period was over: early termination fees are not due. Ask for them to be cancelled.",
        ),
        Termination::Reformed => Bilingual::new(
            "Contrat conclu depuis le 1er janvier 2023 et résilié après son 12e mois : rien des mensualités restantes n'est dû (au plus 20 % du reste si l'offre comprenait un téléphone subventionné). Demandez l'annulation de ce qui correspond aux mois restants.",
            "A contract made since 1 January 2023 and terminated after its 12th month: nothing of the remaining monthly payments is due (at most 20% of the rest if the offer came with a subsidised phone). Ask for what stands for the remaining months to be cancelled.",
        ),
        Termination::Quarter => Bilingual::new(
            "Contrat conclu avant 2023 et résilié après son 12e mois : au plus le quart des mensualités restantes est dû. Vérifiez le calcul.",
            "A contract made before 2023 and terminated after its 12th month: at most a quarter of the remaining monthly payments is due. Check the calculation.",
        ),
        Termination::FirstYear { reformed: true } => Bilingual::new(
            "Contrat conclu depuis le 1er janvier 2023 et résilié pendant ses 12 premiers mois : les mensualités restant à courir jusqu'à la fin du 12e mois peuvent être dues, plus, si l'offre comprenait un téléphone subventionné, au plus 20 % de ce qui restait au-delà ; rien d'autre. Vérifiez le calcul avec votre contrat.",
            "A contract made since 1 January 2023 and terminated within its first 12 months: the monthly payments left up to the end of the 12th month may be due, plus, if the offer came with a subsidised phone, at most 20% of what was left beyond; nothing else. Check the calculation against your contract.",
        ),
        Termination::FirstYear { reformed: false } => Bilingual::new(
            "Contrat conclu avant 2023 et résilié pendant ses 12 premiers mois : les mensualités restant à courir jusqu'à la fin du 12e mois peuvent être dues, plus au plus le quart de celles des mois suivants de l'engagement. Vérifiez le calcul avec votre contrat.",
            "A contract made before 2023 and terminated within its first 12 months: the monthly payments left up to the end of the 12th month may be due, plus at most a quarter of those of the commitment's later months. Check the calculation against your contract.",
        ),
        Termination::Unknown => Bilingual::new(
            "Indiquez la date de début du contrat dans votre forfait : conclu depuis le 1er janvier 2023, rien des mensualités restantes n'est dû après le 12e mois ; conclu avant, au plus le quart des mensualités restantes à partir du 13e mois.",
            "Enter the contract's start date in your plan: made since 1 January 2023, nothing of the remaining monthly payments is due after the 12th month; made before, at most a quarter of the remaining payments from the 13th month.",
        ),
    }
}

/// Flags one-off fees.
pub fn check(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for (b, bill) in ctx.bills.iter().enumerate() {
        let plan = ctx.plan_for(b);
        for (i, line) in bill.lines.iter().enumerate() {
            if !charged(line) || ctx.line_kind(b, i) != LineKind::OneOffFee {
                continue;
            }
            let label = fold(&line.label);
            let is_termination = has_any(&label, &["resiliation"]);
            // An early-termination fee is the remaining months of a commitment; a flat
            // "frais de résiliation" may be a listed fee.
            let early = has_any(
                &label,
                &["anticipe", "engagement", "restant", "mensualites"],
            );
            let rule = match plan {
                Some(p) if is_termination => termination(
                    p.start,
                    p.commitment_end,
                    p.terminated_on.or(bill.issue_date),
                ),
                _ => Termination::Unknown,
            };
            let severity = match rule {
                Termination::CommitmentOver | Termination::Reformed if is_termination && early => {
                    Severity::Alert
                }
                _ => Severity::Warning,
            };
            let mut f = finding(RuleId::OneOffFee, severity, b, vec![i], vec![], line.amount);
            let (fr_amount, en_amount) = eur(line.amount);
            let name = &line.label;
            f.message = Bilingual::new(
                format!("« {name} » : {fr_amount} de frais ponctuels."),
                format!("\"{name}\": a one-off fee of {en_amount}."),
            );
            f.action = if is_termination && !early && rule == Termination::CommitmentOver {
                Bilingual::new(
                    "Votre période d'engagement était terminée : aucune mensualité restante n'est due. Des frais fixes de résiliation ne sont pas interdits par eux-mêmes : demandez à l'opérateur ce qu'ils couvrent et où son contrat ou sa brochure tarifaire les prévoit ; sinon, demandez leur remboursement.",
                    "Your commitment period was over: no remaining monthly payment is due. Fixed termination fees are not forbidden as such: ask the operator what they cover and where its contract or price list provides for them; otherwise, ask for a refund.",
                )
            } else if is_termination {
                termination_action(rule)
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
            if is_termination {
                f.legal = Some(Legal::TerminationFees);
            }
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
        assert!(found[0].action.fr.contains("date de début du contrat"));
        assert_eq!(found[0].legal, Some(Legal::TerminationFees));
    }

    /// The fee found for a 24-month contract started on `start` and terminated on `on`.
    fn early_fee(start: &str, on: &str) -> Finding {
        let b = bill(vec![line(
            "Frais de résiliation anticipée",
            "120.00",
            OneOffFee,
        )]);
        let p = plan(&format!(
            r#"{{"monthly_price": "20", "start": "{start}", "commitment_end": "2030-01-01", "terminated_on": "{on}"}}"#
        ));
        check(&Context::new(&[b], Some(&p), today())).remove(0)
    }

    #[test]
    fn termination_fees_turn_on_1_january_2023_and_after_the_twelfth_month() {
        // The contract's date: 31 December 2022 keeps the quarter rule, 1 January 2023
        // falls under the reform (both terminated after their 12th month).
        let old = early_fee("2022-12-31", "2024-06-01");
        assert_eq!(old.severity, Severity::Warning);
        assert!(
            old.action.fr.contains("quart des mensualités restantes"),
            "{}",
            old.action.fr
        );
        let new = early_fee("2023-01-01", "2024-06-01");
        assert_eq!(new.severity, Severity::Alert);
        assert!(new
            .action
            .fr
            .contains("rien des mensualités restantes n'est dû"));
        assert!(new.action.fr.contains("20 %"));
        // The month: started 15 March 2023, the 12th month ends on 14 March 2024.
        let in_twelfth = early_fee("2023-03-15", "2024-03-14");
        assert_eq!(in_twelfth.severity, Severity::Warning);
        assert!(in_twelfth.action.fr.contains("12 premiers mois"));
        let thirteenth = early_fee("2023-03-15", "2024-03-15");
        assert_eq!(thirteenth.severity, Severity::Alert);
        // An old contract, the same two days.
        assert!(early_fee("2021-03-15", "2022-03-14")
            .action
            .fr
            .contains("12 premiers mois"));
        assert!(early_fee("2021-03-15", "2022-03-15")
            .action
            .fr
            .contains("quart"));
    }

    #[test]
    fn a_flat_termination_fee_is_explained_but_not_an_alert() {
        let b = bill(vec![line("Frais de résiliation", "49.00", OneOffFee)]);
        let p = plan(
            r#"{"monthly_price": "20", "start": "2023-05-01", "commitment_end": "2030-01-01", "terminated_on": "2025-06-01"}"#,
        );
        let f = check(&Context::new(&[b], Some(&p), today())).remove(0);
        assert_eq!(
            f.severity,
            Severity::Warning,
            "not remaining months by its name"
        );
        assert!(f.action.fr.contains("rien des mensualités restantes"));
        // After the commitment: no remaining month is due, but a flat fee is not forbidden
        // as such (no text in force limits it): ask what it covers, never "not due".
        let b = bill(vec![line("Frais de résiliation", "49.00", OneOffFee)]);
        let over = plan(
            r#"{"monthly_price": "20", "commitment_end": "2026-09-01", "terminated_on": "2026-10-15"}"#,
        );
        let f = check(&Context::new(
            std::slice::from_ref(&b),
            Some(&over),
            today(),
        ))
        .remove(0);
        assert_eq!(f.severity, Severity::Warning);
        assert!(
            f.action.fr.contains("ce qu'ils couvrent") && !f.action.fr.contains("ne sont pas dus"),
            "{}",
            f.action.fr
        );
    }

    #[test]
    fn within_the_first_year_what_may_be_due_is_said_whole() {
        // Since 2023: the months to the end of the 12th, plus at most 20 % of the rest
        // with a subsidised phone; before 2023: plus at most a quarter of the later months.
        let new = early_fee("2024-03-15", "2024-09-01");
        assert!(
            new.action.fr.contains("12 premiers mois") && new.action.fr.contains("20 %"),
            "{}",
            new.action.fr
        );
        let old = early_fee("2022-03-15", "2022-09-01");
        assert!(
            old.action.fr.contains("12 premiers mois") && old.action.fr.contains("quart"),
            "{}",
            old.action.fr
        );
        assert_eq!(new.severity, Severity::Warning);
        assert_eq!(old.severity, Severity::Warning);
    }
}
