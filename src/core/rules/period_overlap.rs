//! `period_overlap`: a bill whose period overlaps or repeats the previous bill's of the
//! same line (warning, the recurring charges of the shared days at stake), or leaves a gap
//! after it (information: a bill may be missing). Needs several bills. Pure.

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
            .find(|&e| ctx.bills[e].period.is_some())
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
                    RuleId::PeriodOverlap,
                    Severity::Info,
                    b,
                    vec![],
                    vec![],
                    Decimal::ZERO,
                );
                f.message = Bilingual::new(
                    format!("Aucune facture chargée ne couvre la période du {} au {} : une facture manque peut-être.", format_date(next_day, Lang::Fr), format_date(last, Lang::Fr)),
                    format!("No bill loaded covers {} to {}: a bill may be missing.", format_date(next_day, Lang::En), format_date(last, Lang::En)),
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
}
