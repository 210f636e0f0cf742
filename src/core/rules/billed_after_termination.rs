//! `billed_after_termination`: the subscription or an option billed for a period that
//! starts after the plan's `terminated_on`, and calls charged after that day. Fees that
//! follow a termination (termination fees themselves) are `one_off_fee`'s; usage is billed
//! for the past period, an instalment on a phone is owed after the end, and a third
//! party's service is its own contract (`third_party` flags it). A charge whose period straddles the
//! termination day is not flagged: operators bill the last month in many ways, and a
//! prorata is a matter to raise by hand. Needs a plan with `terminated_on`. Pure.

use crate::core::money::AmountsSum as _;
use rust_decimal::Decimal;

use super::classify::LineKind;
use super::{charged, eur, finding, Context};
use crate::core::dates::format_date;
use crate::core::finding::{Bilingual, Finding, RuleId, Severity};
use crate::core::i18n::Lang;

/// Flags charges after the end of the contract.
pub fn check(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for (b, bill) in ctx.bills.iter().enumerate() {
        let Some(ended) = ctx.plan_for(b).and_then(|p| p.terminated_on) else {
            continue;
        };
        let lines: Vec<usize> = bill
            .lines
            .iter()
            .enumerate()
            .filter(|(i, l)| {
                // What the contract bills month after month: a subscription or an option.
                // Not usage (billed for the past period), not an instalment on a phone
                // (owed after the end), not a third party's service (its own contract).
                charged(l)
                    && ctx.line_kind(b, *i) == LineKind::Recurring
                    && ctx.on_plan_line(b, *i)
                    && ctx.line_period(b, *i).is_some_and(|p| p.start > ended)
            })
            .map(|(i, _)| i)
            .collect();
        let usage: Vec<usize> = bill
            .usage
            .iter()
            .enumerate()
            .filter(|(_, u)| u.date > ended && u.amount > Decimal::ZERO)
            .map(|(i, _)| i)
            .collect();
        if lines.is_empty() && usage.is_empty() {
            continue;
        }
        let amount: Decimal = if lines.is_empty() {
            usage.iter().map(|&u| bill.usage[u].amount).amounts_sum()
        } else {
            lines.iter().map(|&i| bill.lines[i].amount).amounts_sum()
        };
        let mut f = finding(
            RuleId::BilledAfterTermination,
            Severity::Alert,
            b,
            lines,
            usage,
            amount,
        );
        let (fr_amount, en_amount) = eur(amount);
        f.message = Bilingual::new(
            format!(
                "{fr_amount} facturés pour une période postérieure à la résiliation du {}.",
                format_date(ended, Lang::Fr)
            ),
            format!(
                "{en_amount} billed for a period after the termination on {}.",
                format_date(ended, Lang::En)
            ),
        );
        f.action = match ctx.plan_for(b).and_then(|p| p.termination_confirmed_on) {
            Some(confirmed) => Bilingual::new(
                format!(
                    "Demandez le remboursement et l'arrêt de toute facturation, avec à l'appui la confirmation de résiliation que l'opérateur vous a adressée le {}.",
                    format_date(confirmed, Lang::Fr)
                ),
                format!(
                    "Ask for a refund and for billing to stop, attaching the termination confirmation the operator sent you on {}.",
                    format_date(confirmed, Lang::En)
                ),
            ),
            None => Bilingual::new(
                "Demandez le remboursement, avec la confirmation de résiliation à l'appui, et l'arrêt de toute facturation. L'opérateur doit confirmer la date de fin sur un support durable : demandez-la si vous ne l'avez pas.",
                "Ask for a refund, with the termination confirmation attached, and for billing to stop. The operator must confirm the end date on a durable medium: ask for it if you do not have it.",
            ),
        };
        out.push(f);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;
    use crate::core::bill::Category::*;

    #[test]
    #[allow(clippy::type_complexity)] // a table of cases reads best inline
    fn charges_after_termination_are_flagged() {
        let p = plan(r#"{"monthly_price": "11.99", "terminated_on": "2026-09-15"}"#);
        let cases: &[(
            &str,
            &str,
            Vec<crate::core::bill::BillLine>,
            std::option::Option<(Vec<usize>, &str)>,
        )] = &[
            (
                "2026-10-01",
                "2026-10-31",
                vec![
                    line("Forfait", "11.99", Subscription),
                    line("Frais de résiliation", "49.00", OneOffFee),
                ],
                Some((vec![0], "11.99")),
            ),
            (
                "2026-09-01",
                "2026-09-30",
                vec![line("Forfait du 16/09 au 15/10", "11.99", Subscription)],
                Some((vec![0], "11.99")),
            ),
            // Near misses: the straddling month, a discount, the termination fee, before.
            (
                "2026-09-01",
                "2026-09-30",
                vec![line("Forfait – septembre 2026", "11.99", Subscription)],
                None,
            ),
            (
                "2026-10-01",
                "2026-10-31",
                vec![
                    line("Avoir", "-11.99", Discount),
                    line("Frais de résiliation", "49.00", OneOffFee),
                ],
                None,
            ),
            (
                "2026-08-01",
                "2026-08-31",
                vec![line("Forfait", "11.99", Subscription)],
                None,
            ),
        ];
        for (start, end, lines, want) in cases {
            let b = bill_for(start, end, lines.clone());
            let found = check(&Context::new(&[b], Some(&p), today()));
            let got = found
                .first()
                .map(|f| (f.lines.clone(), f.amount.to_string()));
            let want = want.as_ref().map(|(l, a)| (l.clone(), a.to_string()));
            assert_eq!(got, want, "{start} {}", lines[0].label);
        }
        let b = bill_for(
            "2026-10-01",
            "2026-10-31",
            vec![line("Forfait", "11.99", Subscription)],
        );
        assert!(
            check(&Context::new(std::slice::from_ref(&b), None, today())).is_empty(),
            "needs a plan"
        );
        // The operator's written confirmation, when the plan records it, is named.
        let confirmed = plan(
            r#"{"monthly_price": "11.99", "terminated_on": "2026-09-15",
                "termination_confirmed_on": "2026-09-05"}"#,
        );
        let found = check(&Context::new(
            std::slice::from_ref(&b),
            Some(&confirmed),
            today(),
        ));
        assert!(
            found[0].action.fr.contains("le 05/09/2026"),
            "{:?}",
            found[0].action
        );
        let found = check(&Context::new(&[b], Some(&p), today()));
        assert!(
            found[0].action.en.contains("ask for it"),
            "{:?}",
            found[0].action
        );
    }
}
