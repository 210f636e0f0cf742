//! `unrequested_option`: an option, insurance or service billed every month that the plan
//! does not list. Needs a plan: without one, nobody knows what was subscribed. Options
//! charged 0,00 € and options for another line of a multi-line bill are left alone. No
//! payment for a service not ordered (Code de la consommation L121-12), and an option
//! accepted by default is refunded (L121-17): `core::law`. Pure.

use super::classify::effective_category;
use super::classify::LineKind;
use super::text::{fold, has_any, key_words, same_item};
use super::{charged, eur, finding, Context};
use crate::core::bill::Category;
use crate::core::finding::{Bilingual, Finding, Legal, RuleId, Severity};

/// Flags options the plan does not list.
pub fn check(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for (b, bill) in ctx.bills.iter().enumerate() {
        let Some(plan) = ctx.plan_for(b) else {
            continue;
        };
        for (i, line) in bill.lines.iter().enumerate() {
            let label = fold(&line.label);
            let add_on = has_any(
                &label,
                &[
                    "assurance",
                    "securite",
                    "protection",
                    "antivirus",
                    "garantie",
                ],
            );
            let candidate = match ctx.line_kind(b, i) {
                LineKind::Recurring => effective_category(line) == Category::Option || add_on,
                LineKind::Other => add_on,
                _ => false,
            };
            if !candidate || !charged(line) || !ctx.on_plan_line(b, i) {
                continue;
            }
            // The plan's name for an option is rarely the bill's word for word: the same
            // price and one meaningful word in common is the same option — unless another
            // charge of this bill is that option by name, which then answers for it (an
            // option billed twice under two names: « Pack Ciné Séries » and « Option
            // Bouquet Ciné Séries » at the same price). Charges that are the option by name
            // are all its own (a month billed in two parts).
            let close = |name: &str, price| {
                super::cents_eq(price, line.amount) && {
                    let theirs = key_words(name);
                    key_words(&line.label)
                        .iter()
                        .any(|w| w != "option" && w.len() > 2 && theirs.contains(w))
                }
            };
            let named_elsewhere = |name: &str| {
                bill.lines.iter().enumerate().any(|(j, other)| {
                    j != i
                        && charged(other)
                        && ctx.on_plan_line(b, j)
                        && same_item(name, &other.label)
                })
            };
            let listed = plan.options.iter().any(|o| {
                same_item(&o.name, &line.label)
                    || close(&o.name, o.price) && !named_elsewhere(&o.name)
            }) || plan
                .name
                .as_deref()
                .is_some_and(|n| same_item(n, &line.label));
            if listed {
                continue;
            }
            let mut f = finding(
                RuleId::UnrequestedOption,
                Severity::Warning,
                b,
                vec![i],
                vec![],
                line.amount,
            );
            let (fr_amount, en_amount) = eur(line.amount);
            let name = &line.label;
            f.message = Bilingual::new(
                format!("« {name} » : {fr_amount} pour une option ou un service qui ne figure pas dans votre contrat."),
                format!("\"{name}\": {en_amount} for an option or service that is not in your contract."),
            );
            f.action = Bilingual::new(
                "Si vous ne l'avez pas demandé, exigez la preuve de votre accord, sa résiliation et le remboursement des mois facturés : un service non commandé n'a pas à être payé.",
                "If you did not ask for it, ask for proof of your consent, its cancellation and a refund of the months billed: a service not ordered need not be paid for.",
            );
            f.legal = Some(Legal::UnsolicitedSupply);
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
    fn an_option_billed_again_under_another_name_is_flagged_once() {
        let p = plan(
            r#"{"name": "Freebox Révolution", "monthly_price": "44.99",
                "options": [{"name": "Pack Ciné Séries", "price": "6.99"}]}"#,
        );
        let flagged = |lines: Vec<crate::core::bill::BillLine>| -> Vec<String> {
            let b = bill(lines);
            check(&Context::new(std::slice::from_ref(&b), Some(&p), today()))
                .iter()
                .flat_map(|f| f.lines.iter().map(|&i| b.lines[i].label.clone()))
                .collect()
        };
        // Alone, the close name at the same price is the plan's option.
        assert!(flagged(vec![line("Option Bouquet Ciné Séries", "6.99", Option)]).is_empty());
        // Beside the option by its own name, it is a second charge for one option.
        assert_eq!(
            flagged(vec![
                line("Option Bouquet Ciné Séries", "6.99", Option),
                line("Pack Ciné Séries", "6.99", Option),
            ]),
            ["Option Bouquet Ciné Séries"]
        );
        // The option by name twice (a month in two parts): neither is flagged.
        assert!(flagged(vec![
            line("Pack Ciné Séries du 15/09 au 30/09", "3.50", Option),
            line("Pack Ciné Séries du 01/10 au 31/10", "6.99", Option),
        ])
        .is_empty());
    }

    #[test]
    fn options_not_in_the_plan_are_flagged() {
        let p = plan(
            r#"{"name": "Forfait 5G 100 Go", "monthly_price": "24.99",
                "options": [{"name": "Option Multi-SIM", "price": "5.00"},
                            {"name": "Location Freebox Player Devialet", "price": "5.99"}]}"#,
        );
        let cases: &[(&str, &str, crate::core::bill::Category, bool)] = &[
            (
                "Option Sécurité Mobile du 01/10 au 31/10",
                "3.00",
                Option,
                true,
            ),
            (
                "Assurance Mobile Sérénité du 15/10 au 14/11",
                "9.99",
                Option,
                true,
            ),
            ("Assurance écran", "6.99", Other, true),
            // Near misses: listed options, a free option, the plan itself, a discount.
            ("Option Multi-SIM du 01/10 au 31/10", "5.00", Option, false),
            (
                "Location Freebox Player Devialet du 1er au 30 Septembre 2026",
                "5.99",
                Option,
                false,
            ),
            (
                "Option Appels illimités vers les mobiles",
                "0.00",
                Option,
                false,
            ),
            ("Multi SIM 2 cartes", "5.00", Option, false),
            ("Player Devialet", "5.99", Option, false),
            (
                "Forfait 5G 100 Go du 01/10 au 31/10",
                "24.99",
                Subscription,
                false,
            ),
            ("Remise Option Sécurité", "-3.00", Discount, false),
        ];
        for (label, amount, category, flagged) in cases {
            let b = bill(vec![line(label, amount, *category)]);
            let found = check(&Context::new(&[b], Some(&p), today()));
            assert_eq!(!found.is_empty(), *flagged, "{label}");
        }
    }

    #[test]
    fn silent_without_a_plan_and_for_another_line() {
        let mut b = bill(vec![
            line_in(
                "Option Europe",
                "3.00",
                Option,
                "Ligne 07 61 98 76 54 – Options",
            ),
            line_in(
                "Option Sécurité",
                "3.00",
                Option,
                "Ligne 06 12 34 56 78 – Options",
            ),
        ]);
        assert!(check(&Context::new(std::slice::from_ref(&b), None, today())).is_empty());
        b.line_numbers = vec!["06 12 34 56 78".into(), "07 61 98 76 54".into()];
        let p = plan(r#"{"monthly_price": "10", "line_number": "06 12 34 56 78"}"#);
        let found = check(&Context::new(&[b], Some(&p), today()));
        assert_eq!(
            summary(&found),
            vec![(0, vec![1], vec![], Severity::Warning, "3.00".into())]
        );
    }
}
