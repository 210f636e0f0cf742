//! `out_of_plan`: usage charged beyond the plan ("hors forfait", "dépassement",
//! international calls), and call-detail records charged that no other rule explains.
//!
//! Surcharged numbers, roaming and third parties have their own rules; this one takes
//! what is left. A charged call or SMS to an ordinary French number while the plan says
//! calls or SMS are unlimited is an alert: the plan should have covered it, and so is a
//! usage charge the reader filed as within the plan. Runs without a
//! plan too (then only a warning). Pure.

use crate::core::money::Amount as _;
use rust_decimal::Decimal;

use crate::core::money::sum;
use crate::core::phone;

use super::classify::place_in;
use super::classify::{medium_in, usage_kind, LineKind, Medium, UsageKind};
use super::text::{fold, has_any};
use super::{attach, charged, eur, finding, Context};
use crate::core::bill::Category;
use crate::core::finding::{Bilingual, Finding, RuleId, Severity};
use crate::core::plan::Plan;

/// Flags out-of-plan charges and charged records.
pub fn check(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for (b, bill) in ctx.bills.iter().enumerate() {
        let kinds = ctx.line_kinds(b);
        let plan = ctx.plan_for(b);
        let lines: Vec<(usize, Decimal)> = bill
            .lines
            .iter()
            .enumerate()
            .filter(|(i, l)| {
                // A usage charge the plan says is unlimited is beyond the plan too.
                let usage_covered = kinds[*i] == LineKind::Other
                    && l.category == Category::Usage
                    && label_covered(plan, &l.label);
                charged(l) && (kinds[*i] == LineKind::OutOfPlan || usage_covered)
            })
            .map(|(i, l)| (i, l.amount))
            .collect();
        let records: Vec<(usize, Decimal)> = bill
            .usage
            .iter()
            .enumerate()
            .filter(|(_, u)| usage_kind(u) == UsageKind::OutOfPlan)
            .map(|(i, u)| (i, u.amount))
            .collect();
        let (evidence, rest) = attach(&lines, &records, |line, record| {
            let lm = medium_in(&fold(&bill.lines[line].label));
            let rm = medium_in(&fold(&bill.usage[record].kind));
            lm.is_none() || rm.is_none() || lm == rm
        });
        // Surcharged or roaming records no charge of their own explains are part of a
        // generic "hors forfait" charge: listing them as its evidence keeps the amount at
        // stake from counting them twice (their own rule still names them).
        let mut others = super::premium_number::leftover(bill, kinds);
        others.extend(super::roaming::leftover(bill, kinds));
        others.sort_unstable();
        let mut evidence = evidence;
        for ((_, amount), usage) in lines.iter().zip(evidence.iter_mut()) {
            let mut room = amount.minus(sum(usage.iter().map(|&u| bill.usage[u].amount)));
            others.retain(|&u| {
                let fits = bill.usage[u].amount <= room.plus(Decimal::new(1, 2));
                if fits {
                    room = room.minus(bill.usage[u].amount);
                    usage.push(u);
                }
                !fits
            });
            usage.sort_unstable();
        }
        let covered =
            |u: usize| should_be_covered(plan, &bill.usage[u].destination, &bill.usage[u].kind);
        for ((line, amount), usage) in lines.iter().zip(evidence) {
            let label = &bill.lines[*line].label;
            let alert = if usage.is_empty() {
                label_covered(plan, label)
            } else {
                usage.iter().all(|&u| covered(u))
            };
            out.push(words(b, vec![*line], usage, *amount, label, alert));
        }
        for u in rest {
            let record = &bill.usage[u];
            let label = format!("{} {}", record.kind, record.destination);
            out.push(words(b, vec![], vec![u], record.amount, &label, covered(u)));
        }
    }
    out
}

/// Whether the plan says this record should have been included: an ordinary French
/// number, and calls (or SMS) unlimited.
fn should_be_covered(plan: Option<&Plan>, destination: &str, kind: &str) -> bool {
    let Some(plan) = plan else { return false };
    if !phone::is_domestic(destination) {
        return false;
    }
    let allowance = match medium_in(&fold(kind)) {
        Some(Medium::Sms) => plan.allowances.sms,
        Some(Medium::Call) | None => plan.allowances.calls,
        Some(Medium::Data) => return false,
    };
    allowance.is_some_and(|a| a.is_unlimited())
}

/// Whether a charge's wording alone says the plan covers it: national usage of a kind
/// the plan includes without limit ("SMS hors forfait" with unlimited SMS).
fn label_covered(plan: Option<&Plan>, label: &str) -> bool {
    let Some(plan) = plan else { return false };
    let folded = fold(label);
    let elsewhere = place_in(&folded).is_some()
        || has_any(
            &folded,
            &[
                "international",
                "etranger",
                "vers l'",
                "outre mer",
                "dom",
                "satellite",
            ],
        );
    if elsewhere {
        // Calls from France to other countries, when the person's plan includes them;
        // never usage abroad (roaming has its own rule).
        let from_abroad = has_any(
            &folded,
            &["depuis", "emis a", "recu", "itinerance", "roaming"],
        );
        let calls = !matches!(medium_in(&folded), Some(Medium::Data));
        return plan.allowances.international == Some(true)
            && calls
            && !from_abroad
            && has_any(&folded, &["international", "vers l'", "vers "]);
    }
    let allowance = match medium_in(&folded) {
        Some(Medium::Sms) => plan.allowances.sms,
        // "Communications" may be anything: only "appels" says calls.
        Some(Medium::Call) if has_any(&folded, &["appel", "voix", "minute"]) => {
            plan.allowances.calls
        }
        Some(Medium::Data) => plan.allowances.data_gb,
        _ => None,
    };
    allowance.is_some_and(|a| a.is_unlimited())
}

fn words(
    bill: usize,
    lines: Vec<usize>,
    usage: Vec<usize>,
    amount: Decimal,
    label: &str,
    alert: bool,
) -> Finding {
    let severity = if alert {
        Severity::Alert
    } else {
        Severity::Warning
    };
    let mut f = finding(RuleId::OutOfPlan, severity, bill, lines, usage, amount);
    let (fr_amount, en_amount) = eur(amount);
    f.message = if alert {
        Bilingual::new(
            format!("« {label} » : {fr_amount} facturés hors forfait alors que votre forfait inclut ces communications en illimité."),
            format!("\"{label}\": {en_amount} charged outside the plan although your plan includes this usage without limit."),
        )
    } else {
        Bilingual::new(
            format!("« {label} » : {fr_amount} facturés en dehors de votre forfait."),
            format!("\"{label}\": {en_amount} charged outside your plan."),
        )
    };
    f.action = if alert {
        Bilingual::new(
            "Demandez le remboursement : ces communications font partie de votre forfait.",
            "Ask for a refund: this usage is part of your plan.",
        )
    } else {
        Bilingual::new(
            "Vérifiez dans votre contrat ce qui est inclus (destinations, volumes) ; si ces communications l'étaient, contestez-les et demandez le détail si vous ne l'avez pas.",
            "Check in your contract what is included (destinations, volumes); if this usage was, dispute it, and ask for the call detail if you do not have it.",
        )
    };
    f
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;
    use crate::core::bill::Category::*;

    #[test]
    fn out_of_plan_charges_are_flagged_with_their_records() {
        let mut b = bill(vec![
            line("Forfait du 01/10 au 31/10", "35.99", Subscription),
            line("Appels vers l'international (Tunisie)", "4.20", OutOfPlan),
            line("Appels vers numéros spéciaux", "2.40", Premium),
            line("Appels émis depuis le Maroc", "2.40", OutOfPlan),
            line("Communications incluses", "0.00", Usage),
        ]);
        b.usage = vec![
            usage("0698765432", "Appel", "0"),
            usage("+21698123456", "Appel vers la Tunisie", "4.20"),
            usage("0899192021", "Appel n° spécial", "2.40"),
            usage("0698765432", "Appel émis depuis le Maroc", "2.40"),
            usage("0611223344", "Appel", "0.35"),
        ];
        let w = Severity::Warning;
        let got = summary(&check(&Context::new(
            std::slice::from_ref(&b),
            None,
            today(),
        )));
        assert_eq!(
            got,
            vec![
                (0, vec![1], vec![1], w, "4.20".into()),
                (0, vec![], vec![4], w, "0.35".into())
            ]
        );
        let p = plan(r#"{"monthly_price": "35.99", "allowances": {"calls": "unlimited"}}"#);
        let got = summary(&check(&Context::new(&[b], Some(&p), today())));
        assert_eq!(got[1], (0, vec![], vec![4], Severity::Alert, "0.35".into()));
        assert_eq!(
            got[0].3, w,
            "Tunisia is not covered by unlimited calls in France"
        );
    }

    #[test]
    fn wording_covered_by_an_unlimited_allowance_is_an_alert() {
        let p = plan(
            r#"{"monthly_price": "10",
                "allowances": {"calls": "unlimited", "sms": "unlimited", "data_gb": 100}}"#,
        );
        let cases = [
            ("SMS hors forfait", Some(Severity::Alert)),
            ("Appels hors forfait vers mobiles", Some(Severity::Alert)),
            ("Dépassement Internet mobile", Some(Severity::Warning)),
            ("Appels vers l'international", Some(Severity::Warning)),
            ("Communications hors forfait", Some(Severity::Warning)),
        ];
        for (label, want) in cases {
            let b = bill(vec![line(label, "2.00", OutOfPlan)]);
            let found = check(&Context::new(&[b], Some(&p), today()));
            assert_eq!(found.first().map(|f| f.severity), want, "{label}");
        }
        // Usage the reader filed as within the plan but charged: only when unlimited.
        let cases = [
            ("Appels nationaux", Some(Severity::Alert)),
            ("Appels vers les mobiles", Some(Severity::Alert)),
            ("Internet mobile", None),
            ("Communications", None),
        ];
        for (label, want) in cases {
            let b = bill(vec![line(label, "2.00", Usage)]);
            let found = check(&Context::new(std::slice::from_ref(&b), Some(&p), today()));
            assert_eq!(found.first().map(|f| f.severity), want, "{label}");
            assert!(check(&Context::new(&[b], None, today())).is_empty());
        }
    }

    #[test]
    fn calls_abroad_are_covered_only_when_the_plan_includes_them() {
        let with = plan(r#"{"monthly_price": "10", "allowances": {"international": true}}"#);
        let without = plan(r#"{"monthly_price": "10", "allowances": {"international": false}}"#);
        let cases = [
            ("Appels vers l'international (Tunisie)", true),
            ("Appels vers le Maroc", true),
            // Usage abroad is roaming's (never covered here), data too.
            ("Appels émis depuis le Maroc", false),
            ("Internet mobile depuis la Suisse", false),
        ];
        for (label, covered) in cases {
            let b = bill(vec![line(label, "2.00", OutOfPlan)]);
            let alert = |p| {
                check(&Context::new(std::slice::from_ref(&b), Some(p), today()))
                    .iter()
                    .any(|f| f.severity == Severity::Alert)
            };
            assert_eq!(alert(&with), covered, "{label}");
            assert!(!alert(&without), "{label}");
        }
    }

    #[test]
    fn a_generic_heading_lists_the_surcharged_calls_it_includes_once() {
        let mut b = bill(vec![
            line("Forfait du 01/10 au 31/10", "20.00", Subscription),
            line("Communications hors forfait", "5.36", OutOfPlan),
        ]);
        b.usage = vec![
            usage("0892683127", "Appel", "3.36"),
            usage("+21698123456", "Appel vers la Tunisie", "2.00"),
        ];
        let ctx = Context::new(std::slice::from_ref(&b), None, today());
        let found = summary(&check(&ctx));
        let w = Severity::Warning;
        assert_eq!(found, vec![(0, vec![1], vec![0, 1], w, "5.36".into())]);
        let report = crate::core::rules::check(&[b], None, today());
        assert_eq!(report.total_at_stake, d("5.36"), "{:?}", report.findings);
        assert!(report
            .findings
            .iter()
            .any(|f| f.rule == RuleId::PremiumNumber && f.usage == vec![0]));
    }
}
