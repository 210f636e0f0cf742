//! `time_barred_soon` (information): the customer has one year from payment to claim
//! back what was paid for electronic-communications services (CPCE L34-2). For each bill
//! with something to contest, says when that year ends if it is within 60 days, or that
//! it has ended. The payment date is the due date when nothing else is known (then the
//! issue date, then the end of the period). Third-party purchases may fall outside L34-2;
//! the message says so. Pure: `today` comes from the context.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use super::{finding, Context};
use crate::core::finding::{Bilingual, Finding, Legal, RuleId, Severity};
use crate::core::i18n::{format_date, Lang};

/// How many days ahead a closing window is announced.
pub const NOTICE_DAYS: i64 = 60;

/// The same day one year later (28 February for a 29 February).
fn one_year_after(day: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(day.year() + 1, day.month(), day.day())
        .or_else(|| NaiveDate::from_ymd_opt(day.year() + 1, day.month(), 28))
        .unwrap_or(day)
}

/// Runs the other rules that put money at stake, then dates their findings.
pub fn check(ctx: &Context) -> Vec<Finding> {
    let mut findings = Vec::new();
    findings.extend(super::premium_number::check(ctx));
    findings.extend(super::third_party::check(ctx));
    findings.extend(super::roaming::check(ctx));
    findings.extend(super::out_of_plan::check(ctx));
    findings.extend(super::unrequested_option::check(ctx));
    findings.extend(super::price_above_plan::check(ctx));
    findings.extend(super::price_increase::check(ctx));
    findings.extend(super::duplicate::check(ctx));
    findings.extend(super::one_off_fee::check(ctx));
    findings.extend(super::total_mismatch::check(ctx));
    findings.extend(super::period_overlap::check(ctx));
    findings.extend(super::billed_after_termination::check(ctx));
    check_findings(ctx, &findings)
}

/// Dates the refund window of the bills these findings point at.
pub fn check_findings(ctx: &Context, findings: &[Finding]) -> Vec<Finding> {
    let mut out = Vec::new();
    for (b, bill) in ctx.bills.iter().enumerate() {
        let contested: Vec<&Finding> = findings
            .iter()
            .filter(|f| f.bill == b && f.severity != Severity::Info)
            .collect();
        if contested.is_empty() {
            continue;
        }
        let Some(paid) = bill
            .due_date
            .or(bill.issue_date)
            .or(bill.period.map(|p| p.end))
        else {
            continue;
        };
        let closes = one_year_after(paid);
        let left = (closes - ctx.today).num_days();
        if left > NOTICE_DAYS {
            continue;
        }
        let mut lines: Vec<usize> = contested
            .iter()
            .flat_map(|f| f.lines.iter().copied())
            .collect();
        lines.sort_unstable();
        lines.dedup();
        let mut usage: Vec<usize> = contested
            .iter()
            .flat_map(|f| f.usage.iter().copied())
            .collect();
        usage.sort_unstable();
        usage.dedup();
        let at_stake = super::at_stake(ctx.bills.len(), findings)[b];
        let mut f = finding(
            RuleId::TimeBarredSoon,
            Severity::Info,
            b,
            lines,
            usage,
            at_stake.max(Decimal::ZERO),
        );
        let (fr_date, en_date) = (format_date(closes, Lang::Fr), format_date(closes, Lang::En));
        f.message = if left >= 0 {
            Bilingual::new(
                format!("Le délai d'un an pour réclamer le remboursement de cette facture se termine le {fr_date} (dans {left} jours)."),
                format!("The one-year window to claim a refund on this bill closes on {en_date} (in {left} days)."),
            )
        } else {
            Bilingual::new(
                format!("Le délai d'un an pour réclamer le remboursement de cette facture s'est terminé le {fr_date} : l'opérateur peut refuser de rembourser (les achats auprès de tiers peuvent relever d'un autre délai)."),
                format!("The one-year window to claim a refund on this bill closed on {en_date}: the operator may refuse to refund (third-party purchases may fall under another time limit)."),
            )
        };
        f.action = if left >= 0 {
            Bilingual::new(
                "Envoyez une réclamation écrite avant cette date et gardez-en la preuve.",
                "Send a written complaint before that date and keep proof of it.",
            )
        } else {
            Bilingual::new(
                "Vous pouvez tout de même demander un geste commercial ; pour les prochaines factures, réclamez sans attendre.",
                "You may still ask for a goodwill gesture; for the next bills, claim without waiting.",
            )
        };
        f.legal = Some(Legal::Prescription);
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
    fn the_window_is_dated_from_the_due_date() {
        // (due date, expected: None, or Some(days left))
        let cases: &[(&str, std::option::Option<i64>)] = &[
            ("2025-12-20", Some(24)),
            ("2026-01-25", Some(60)),
            ("2026-01-26", None),
            ("2026-11-14", None),
            ("2025-11-25", Some(-1)),
            ("2024-02-29", Some(-636)),
        ];
        for (due, want) in cases {
            let mut b = bill(vec![line("Frais de mise en service", "49.00", OneOffFee)]);
            b.due_date = Some(date(due));
            let found = check(&Context::new(&[b], None, today()));
            let got = found.first().map(|f| {
                assert_eq!(
                    (f.severity, f.lines.clone(), f.legal),
                    (Severity::Info, vec![0], Some(Legal::Prescription))
                );
                assert_eq!(f.message.en.contains("closed on"), *want < Some(0), "{due}");
                (one_year_after(date(due)) - today()).num_days()
            });
            assert_eq!(got, *want, "{due}");
        }
    }

    #[test]
    fn a_clean_bill_has_no_deadline() {
        let mut b = bill(vec![line("Forfait", "10.00", Subscription)]);
        b.due_date = Some(date("2025-12-20"));
        assert!(check(&Context::new(&[b], None, today())).is_empty());
    }
}
