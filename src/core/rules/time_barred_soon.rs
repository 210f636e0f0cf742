//! `time_barred_soon` (information): the customer has one year from payment to claim
//! back what was paid for electronic-communications services (CPCE L34-2 al. 1; how it was
//! checked: `core::law`). For each bill with something to contest, says
//! when that year ends if it is within 60 days, or that it has ended. The payment date is
//! the due date when nothing else is known (then the issue date, then the end of the
//! period).
//!
//! Two facts shape the words: a complaint letter does **not** stop this limit (only the
//! operator's acknowledgement, C. civ. 2240, a court claim, 2241, or a referral to a
//! mediator, which suspends it, 2238), so the advice is to refer to the Médiateur or a
//! court before the date; and L34-2 does not cover third-party content, so third-party
//! charges get no window here. Pure: `today` comes from the context.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{finding, Context};
use crate::core::dates::format_date;
use crate::core::finding::{Bilingual, Finding, Legal, RuleId, Severity};
use crate::core::i18n::Lang;
use crate::core::law::{add_months, PRESCRIPTION_MONTHS};

/// How many days ahead a closing window is announced.
pub const NOTICE_DAYS: i64 = 60;

/// The same day one year later (28 February for a 29 February): the last day of the
/// L34-2 window for a payment made on `day`.
fn one_year_after(day: NaiveDate) -> NaiveDate {
    add_months(day, PRESCRIPTION_MONTHS)
}

/// The last day of the year after a bill was paid (taken as its due date, else its issue
/// date, else the end of its period), if the bill gives one of them.
pub fn year_after_payment(bill: &crate::core::bill::Bill) -> Option<NaiveDate> {
    bill.due_date
        .or(bill.issue_date)
        .or(bill.period.map(|p| p.end))
        .map(one_year_after)
}

/// Whether L34-2 covers what the finding disputes: not third-party content (CPCE L34-2,
/// whose scope is electronic communications services: `core::law`).
fn covered(finding: &Finding) -> bool {
    finding.rule != RuleId::ThirdParty
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
    // What is at stake per bill, counted once for all the bills (not once per bill).
    let mut stakes: Option<Vec<Decimal>> = None;
    for (b, bill) in ctx.bills.iter().enumerate() {
        let contested: Vec<&Finding> = findings
            .iter()
            .filter(|f| f.bill == b && f.severity != Severity::Info && covered(f))
            .collect();
        if contested.is_empty() {
            continue;
        }
        let Some(closes) = year_after_payment(bill) else {
            continue;
        };
        let left = closes.signed_duration_since(ctx.today).num_days();
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
        let at_stake = stakes.get_or_insert_with(|| {
            let covered_findings: Vec<Finding> =
                findings.iter().filter(|f| covered(f)).cloned().collect();
            super::at_stake(ctx.bills.len(), &covered_findings)
        })[b];
        let mut f = finding(
            RuleId::TimeBarredSoon,
            Severity::Info,
            b,
            lines,
            usage,
            at_stake.max(Decimal::ZERO),
        );
        let (fr_date, en_date) = (format_date(closes, Lang::Fr), format_date(closes, Lang::En));
        let (fr_in, en_in) = if left == 1 {
            ("demain".to_string(), "tomorrow".to_string())
        } else {
            (format!("dans {left} jours"), format!("in {left} days"))
        };
        f.message = if left > 0 {
            Bilingual::new(
                format!("Le délai d'un an pour réclamer le remboursement de cette facture se termine le {fr_date} ({fr_in})."),
                format!("The one-year window to claim a refund on this bill closes on {en_date} ({en_in})."),
            )
        } else if left == 0 {
            Bilingual::new(
                format!("Le délai d'un an pour réclamer le remboursement de cette facture se termine aujourd'hui, le {fr_date}."),
                format!("The one-year window to claim a refund on this bill closes today, {en_date}."),
            )
        } else {
            Bilingual::new(
                format!("Le délai d'un an pour réclamer le remboursement de cette facture s'est terminé le {fr_date} : l'opérateur peut refuser de rembourser."),
                format!("The one-year window to claim a refund on this bill closed on {en_date}: the operator may refuse to refund."),
            )
        };
        f.action = if left >= 0 {
            Bilingual::new(
                "Une lettre de réclamation n'arrête pas ce délai : avant cette date, saisissez le Médiateur des communications électroniques (une fois les étapes de réclamation faites) ou le tribunal, ou obtenez de l'opérateur qu'il reconnaisse par écrit vous devoir la somme.",
                "A complaint letter does not stop this limit: before that date, refer the case to the electronic communications ombudsman (once the complaint steps are done) or to a court, or get the operator to acknowledge in writing that it owes you the sum.",
            )
        } else {
            Bilingual::new(
                "Vous pouvez tout de même demander un geste commercial ; pour les prochaines factures, agissez sans attendre.",
                "You may still ask for a goodwill gesture; for the next bills, act without waiting.",
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
    fn the_window_turns_on_its_last_day_and_never_says_a_complaint_stops_it() {
        // today() is 2026-11-26: paid on 2025-11-26, the window closes today.
        let at = |due: &str| {
            let mut b = bill(vec![line("Frais de mise en service", "49.00", OneOffFee)]);
            b.due_date = Some(date(due));
            check(&Context::new(&[b], None, today())).remove(0)
        };
        let last_day = at("2025-11-26");
        assert!(
            last_day
                .message
                .fr
                .contains("se termine aujourd'hui, le 26/11/2026"),
            "{}",
            last_day.message.fr
        );
        assert!(last_day.message.en.contains("closes today"));
        let day_after = at("2025-11-25");
        assert!(
            day_after.message.fr.contains("s'est terminé le 25/11/2026"),
            "{}",
            day_after.message.fr
        );
        let day_before = at("2025-11-27");
        assert!(
            day_before.message.fr.contains("27/11/2026 (demain)"),
            "{}",
            day_before.message.fr
        );
        for f in [&last_day, &day_before] {
            assert!(
                f.action.fr.contains("n'arrête pas ce délai"),
                "{}",
                f.action.fr
            );
            assert!(f.action.fr.contains("Médiateur") && f.action.fr.contains("tribunal"));
            assert!(!f.action.fr.contains("Envoyez une réclamation écrite avant"));
            assert!(f.action.en.contains("does not stop this limit"));
        }
    }

    #[test]
    fn third_party_charges_get_no_l34_2_window() {
        let mut only_third = bill(vec![line_in(
            "Internet+ GameZone Club",
            "3.00",
            ThirdParty,
            "Vos services fournis par des tiers",
        )]);
        only_third.due_date = Some(date("2025-12-20"));
        assert!(check(&Context::new(&[only_third.clone()], None, today())).is_empty());

        let mut both = only_third;
        both.lines
            .push(line("Frais de mise en service", "49.00", OneOffFee));
        let found = check(&Context::new(&[both], None, today()));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].lines, vec![1], "only the operator's own charge");
        assert_eq!(
            found[0].amount,
            d("49.00"),
            "the third-party charge is not counted"
        );
    }

    #[test]
    fn a_clean_bill_has_no_deadline() {
        let mut b = bill(vec![line("Forfait", "10.00", Subscription)]);
        b.due_date = Some(date("2025-12-20"));
        assert!(check(&Context::new(&[b], None, today())).is_empty());
    }
}
