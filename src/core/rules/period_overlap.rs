//! `period_overlap`: a bill whose period overlaps or repeats the previous bill's of the
//! same subscription (warning, the recurring charges of the shared days at stake), or
//! leaves a gap after it (`missing_bill`, information: a bill may be missing). Only bills
//! surely of one subscription are compared (`Context::same_subscription`): a change of
//! operator, another line of the household or a box beside a mobile is neither. Needs
//! several bills. Pure.

use crate::core::money::Amount as _;
use crate::core::money::AmountsSum as _;
use rust_decimal::Decimal;

use crate::core::money::ratio;

use super::classify::effective_category;
use super::{charged, eur, finding, Context};
use crate::core::bill::Category;
use crate::core::dates::format_date;
use crate::core::finding::{Bilingual, Finding, RuleId, Severity};
use crate::core::i18n::Lang;

/// Flags overlapping periods and gaps between bills.
pub fn check(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for &b in ctx.chronological() {
        let Some(period) = ctx.bills[b].period else {
            continue;
        };
        let Some(e) = ctx
            .earlier(b)
            .into_iter()
            .find(|&e| ctx.bills[e].period.is_some() && ctx.same_subscription(e, b))
        else {
            continue;
        };
        let Some(previous) = ctx.bills[e].period else {
            continue;
        };
        let source = &ctx.bills[e].source;
        if period.start <= previous.end {
            let shared_end = period.end.min(previous.end);
            let shared = shared_end.signed_duration_since(period.start).num_days() + 1;
            let days = period.end.signed_duration_since(period.start).num_days() + 1;
            // The recurring charges of this bill whose own period overlaps the previous one.
            let lines: Vec<usize> = ctx.bills[b]
                .lines
                .iter()
                .enumerate()
                .filter(|(i, l)| {
                    charged(l)
                        && matches!(
                            effective_category(l),
                            Category::Subscription | Category::Option
                        )
                        && ctx
                            .line_period(b, *i)
                            .is_some_and(|p| p.start <= previous.end && p.end >= previous.start)
                })
                .map(|(i, _)| i)
                .collect();
            let recurring: Decimal = lines
                .iter()
                .map(|&i| ctx.bills[b].lines[i].amount)
                .amounts_sum();
            let amount = ratio(
                recurring.times(Decimal::from(shared)),
                Decimal::from(days.max(1)),
            )
            .round_dp(2);
            let mut f = finding(
                RuleId::PeriodOverlap,
                Severity::Warning,
                b,
                lines,
                vec![],
                amount,
            );
            let (fr_from, fr_to) = (
                format_date(period.start, Lang::Fr),
                format_date(shared_end, Lang::Fr),
            );
            let (en_from, en_to) = (
                format_date(period.start, Lang::En),
                format_date(shared_end, Lang::En),
            );
            let (fr_amount, en_amount) = eur(amount);
            f.message = Bilingual::new(
                format!("Cette facture couvre du {fr_from} au {fr_to}, déjà facturé par {source} ({shared} jours, environ {fr_amount} d'abonnement)."),
                format!("This bill covers {en_from} to {en_to}, already billed by {source} ({shared} days, about {en_amount} of subscription)."),
            );
            f.action = Bilingual::new(
                "Demandez le remboursement des jours facturés deux fois, les deux factures à l'appui.",
                "Ask for the days billed twice to be refunded, with both bills attached.",
            );
            out.push(f);
        } else if let Some(next_day) = previous.end.succ_opt() {
            if period.start > next_day {
                let last = period.start.pred_opt().unwrap_or(period.start);
                let mut f = finding(
                    RuleId::MissingBill,
                    Severity::Info,
                    b,
                    vec![],
                    vec![],
                    Decimal::ZERO,
                );
                f.message = Bilingual::new(
                    format!("Entre {source} et cette facture, de la même ligne, aucune facture chargée ne couvre la période du {} au {} : une facture manque peut-être.", format_date(next_day, Lang::Fr), format_date(last, Lang::Fr)),
                    format!("Between {source} and this bill, of the same line, no bill loaded covers {} to {}: a bill may be missing.", format_date(next_day, Lang::En), format_date(last, Lang::En)),
                );
                f.action = Bilingual::new(
                    "Ajoutez la facture manquante pour que la comparaison soit complète.",
                    "Add the missing bill so the comparison is complete.",
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

    fn month(start: &str, end: &str) -> crate::core::bill::Bill {
        bill_for(
            start,
            end,
            vec![
                line("Forfait", "31.00", Subscription),
                line("Remise", "-5.00", Discount),
            ],
        )
    }

    #[test]
    #[allow(clippy::type_complexity)] // a table of cases reads best inline
    fn overlaps_repeats_and_gaps() {
        // (bills' periods in the order given, expected (bill, severity, amount))
        let cases: &[(&[(&str, &str)], &[(usize, Severity, &str)])] = &[
            (
                &[
                    ("2026-08-01", "2026-08-31"),
                    ("2026-09-01", "2026-09-30"),
                    ("2026-10-01", "2026-10-31"),
                ],
                &[],
            ),
            (
                &[
                    ("2026-10-01", "2026-10-31"),
                    ("2026-08-01", "2026-08-31"),
                    ("2026-09-01", "2026-09-30"),
                ],
                &[],
            ),
            (
                &[("2026-08-01", "2026-08-31"), ("2026-08-01", "2026-08-31")],
                &[(1, Severity::Warning, "31")],
            ),
            (
                &[("2026-08-01", "2026-08-31"), ("2026-08-22", "2026-09-21")],
                &[(1, Severity::Warning, "10")],
            ),
            (
                &[("2026-08-01", "2026-08-31"), ("2026-10-01", "2026-10-31")],
                &[(1, Severity::Info, "0")],
            ),
            (&[("2026-10-12", "2026-11-11")], &[]),
        ];
        for (periods, want) in cases {
            let bills: Vec<_> = periods.iter().map(|(s, e)| month(s, e)).collect();
            let found = check(&Context::new(&bills, None, today()));
            let got: Vec<(usize, Severity, String)> = found
                .iter()
                .map(|f| (f.bill, f.severity, f.amount.normalize().to_string()))
                .collect();
            let want: Vec<(usize, Severity, String)> = want
                .iter()
                .map(|(b, s, a)| (*b, *s, a.to_string()))
                .collect();
            assert_eq!(got, want, "{periods:?}");
        }
    }

    #[test]
    fn only_bills_of_one_subscription_leave_a_gap_or_overlap() {
        use crate::core::bill::Operator;
        let of = |start: &str, end: &str, operator: Operator, numbers: &[&str]| {
            let mut b = month(start, end);
            b.operator = Some(operator);
            b.line_numbers = numbers.iter().map(|n| n.to_string()).collect();
            b
        };
        // Five bills of three operators and four lines, as a household keeps them: a
        // Free mobile in 2022 and again in 2024, an Orange box without a number, two SFR
        // mobiles whose periods overlap each other's.
        let bills = vec![
            of(
                "2022-04-01",
                "2022-04-30",
                Operator::Free,
                &["06 11 11 11 11"],
            ),
            of("2024-03-09", "2024-04-08", Operator::Orange, &[]),
            of(
                "2024-06-01",
                "2024-06-30",
                Operator::Sfr,
                &["06 22 22 22 22"],
            ),
            of(
                "2024-06-15",
                "2024-07-14",
                Operator::Sfr,
                &["06 33 33 33 33"],
            ),
            of(
                "2024-08-01",
                "2024-08-31",
                Operator::Free,
                &["06 11 11 11 11"],
            ),
        ];
        let found = check(&Context::new(&bills, None, today()));
        let got: Vec<(RuleId, usize)> = found.iter().map(|f| (f.rule, f.bill)).collect();
        // Only the Free line's own gap: from May 2022 to July 2024.
        assert_eq!(got, vec![(RuleId::MissingBill, 4)]);
        let gap = &found[0];
        assert_eq!(gap.severity, Severity::Info);
        assert!(
            gap.message.fr.contains("du 01/05/2022 au 31/07/2024"),
            "{}",
            gap.message.fr
        );
        assert_eq!(gap.rule.title(Lang::Fr), "Facture manquante ?");
        assert_eq!(gap.rule.label(Lang::Fr), "Facture peut-être manquante");

        // A box bill beside a mobile bill of the same operator is not the same subscription,
        // two box bills of the same operator and customer are.
        let mut boxes = vec![
            of("2024-03-09", "2024-04-08", Operator::Orange, &[]),
            of(
                "2024-04-01",
                "2024-04-30",
                Operator::Orange,
                &["06 44 44 44 44"],
            ),
            of("2024-04-09", "2024-05-08", Operator::Orange, &[]),
        ];
        boxes[0].customer_id = Some("1234 5678".into());
        boxes[2].customer_id = Some("12345678".into());
        let found = check(&Context::new(&boxes, None, today()));
        assert!(found.is_empty(), "{found:?}");
        boxes[2].period = Some(crate::core::bill::Period {
            start: date("2024-04-01"),
            end: date("2024-04-30"),
        });
        let found = check(&Context::new(&boxes, None, today()));
        let got: Vec<(RuleId, usize)> = found.iter().map(|f| (f.rule, f.bill)).collect();
        assert_eq!(got, vec![(RuleId::PeriodOverlap, 2)]);
        boxes[2].customer_id = Some("9999".into());
        assert!(check(&Context::new(&boxes, None, today())).is_empty());
    }
}
