//! `premium_number`: calls and SMS to surcharged numbers, found by the number called in
//! the call detail (081/082/089, 3BPQ with B from 2 to 9, 10XY, 118XYZ, SMS+ short codes)
//! and by the wording of the charge ("numéros spéciaux", "SMS+", "118").
//!
//! Not surcharged, so never flagged: 0800–0809, 30PQ/31PQ, 116XYZ, 3xxxx SMS codes. A
//! record charged nothing is not flagged either. One finding per charge, with the records
//! that make it up as evidence, so the money is counted once. Pure.

use rust_decimal::Decimal;

use super::classify::{line_kinds, usage_kind, LineKind, PremiumKind, UsageKind};
use super::text::{fold, has_any};
use super::{attach, charged, eur, finding, Context};
use crate::core::bill::Bill;
use crate::core::finding::{Bilingual, Finding, RuleId, Severity};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Family {
    Sva,
    Short,
    Directory,
    Sms,
    Unknown,
}

fn family(kind: Option<PremiumKind>) -> Family {
    match kind {
        Some(PremiumKind::Sva081 | PremiumKind::Sva082 | PremiumKind::Sva089) => Family::Sva,
        Some(PremiumKind::Short) => Family::Short,
        Some(PremiumKind::Directory) => Family::Directory,
        Some(PremiumKind::SmsPlus(_)) => Family::Sms,
        None => Family::Unknown,
    }
}

fn label_family(label: &str, kind: Option<PremiumKind>) -> Family {
    let f = fold(label);
    match family(kind) {
        Family::Unknown if has_any(&f, &["sms+", "mms+"]) => Family::Sms,
        Family::Unknown if has_any(&f, &["118", "renseignements"]) => Family::Directory,
        other => other,
    }
}

/// Whether a record costs more than the legal cap for its range (when its duration says).
fn over_cap(kind: PremiumKind, amount: Decimal, duration_s: Option<u32>) -> bool {
    let (Some((per_min, per_call)), Some(seconds)) = (kind.caps_cents(), duration_s) else {
        return false;
    };
    let by_minute = Decimal::new(per_min, 2) * Decimal::from(seconds) / Decimal::from(60);
    let cap = by_minute.max(Decimal::new(per_call, 2));
    amount > cap + Decimal::new(1, 2)
}

/// The premium charges of a bill, its premium records, the records each charge is made
/// of, and the records no premium charge took.
struct Split {
    lines: Vec<(usize, Decimal, Family)>,
    records: Vec<(usize, PremiumKind)>,
    evidence: Vec<Vec<usize>>,
    rest: Vec<usize>,
}

/// The surcharged records no surcharged charge explains (a generic "hors forfait" line
/// may: `out_of_plan` takes them as its evidence).
pub(crate) fn leftover(bill: &Bill, kinds: &[LineKind]) -> Vec<usize> {
    split(bill, kinds).rest
}

fn split(bill: &Bill, kinds: &[LineKind]) -> Split {
    let lines: Vec<(usize, Decimal, Family)> = bill
        .lines
        .iter()
        .enumerate()
        .filter(|(_, l)| charged(l))
        .filter_map(|(i, l)| match kinds[i] {
            LineKind::Premium(kind) => Some((i, l.amount, label_family(&l.label, kind))),
            _ => None,
        })
        .collect();
    let records: Vec<(usize, PremiumKind)> = bill
        .usage
        .iter()
        .enumerate()
        .filter_map(|(i, u)| match usage_kind(u) {
            UsageKind::Premium(kind) => Some((i, kind)),
            _ => None,
        })
        .collect();
    let amounts: Vec<(usize, Decimal)> = lines.iter().map(|l| (l.0, l.1)).collect();
    let record_amounts: Vec<(usize, Decimal)> = records
        .iter()
        .map(|r| (r.0, bill.usage[r.0].amount))
        .collect();
    let (evidence, rest) = attach(&amounts, &record_amounts, |line, record| {
        let lf = lines
            .iter()
            .find(|l| l.0 == line)
            .map_or(Family::Unknown, |l| l.2);
        let rf = records
            .iter()
            .find(|r| r.0 == record)
            .map_or(Family::Unknown, |r| family(Some(r.1)));
        lf == Family::Unknown || lf == rf
    });
    Split {
        lines,
        records,
        evidence,
        rest,
    }
}

/// Flags charges and call-detail records to surcharged numbers.
pub fn check(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for (b, bill) in ctx.bills.iter().enumerate() {
        let kinds = line_kinds(bill);
        let blocked = ctx.plan_for(b).is_some_and(|p| p.blocked.premium_numbers);
        let Split {
            lines,
            records,
            evidence,
            rest,
        } = split(bill, &kinds);
        let capped = |ids: &[usize]| {
            ids.iter().any(|&u| {
                let record = &bill.usage[u];
                records
                    .iter()
                    .find(|r| r.0 == u)
                    .is_some_and(|r| over_cap(r.1, record.amount, record.duration_s))
            })
        };
        for ((line, amount, _), usage) in lines.iter().zip(evidence) {
            let label = &bill.lines[*line].label;
            let mut f = finding(
                RuleId::PremiumNumber,
                severity(blocked, capped(&usage)),
                b,
                vec![*line],
                usage.clone(),
                *amount,
            );
            let numbers: Vec<&str> = usage
                .iter()
                .map(|&u| bill.usage[u].destination.as_str())
                .collect();
            words(&mut f, label, &numbers, blocked, capped(&usage));
            out.push(f);
        }
        for u in rest {
            let record = &bill.usage[u];
            let over = capped(&[u]);
            let mut f = finding(
                RuleId::PremiumNumber,
                severity(blocked, over),
                b,
                vec![],
                vec![u],
                record.amount,
            );
            words(
                &mut f,
                &record.kind,
                &[record.destination.as_str()],
                blocked,
                over,
            );
            out.push(f);
        }
    }
    out
}

fn severity(blocked: bool, over_cap: bool) -> Severity {
    if blocked || over_cap {
        Severity::Alert
    } else {
        Severity::Warning
    }
}

fn words(f: &mut Finding, label: &str, numbers: &[&str], blocked: bool, over_cap: bool) {
    let (fr_amount, en_amount) = eur(f.amount);
    let (fr_to, en_to) = if numbers.is_empty() {
        (String::new(), String::new())
    } else {
        let list = numbers.join(", ");
        (format!(" ({list})"), format!(" ({list})"))
    };
    let mut fr = format!(
        "« {label} »{fr_to} : {fr_amount} facturés pour un numéro surtaxé, en plus du forfait."
    );
    let mut en = format!(
        "\"{label}\"{en_to}: {en_amount} charged for a premium-rate number, on top of the plan."
    );
    if blocked {
        fr.push_str(
            " Vous aviez demandé le blocage de ces numéros : cet appel n'aurait pas dû aboutir.",
        );
        en.push_str(" You had asked for these numbers to be blocked: this call should not have gone through.");
    }
    if over_cap {
        fr.push_str(" Le prix dépasse le plafond de cette tranche de numéros.");
        en.push_str(" The price is above the cap for this number range.");
    }
    f.message = Bilingual::new(fr, en);
    f.action = if blocked {
        Bilingual::new(
            "Demandez le remboursement à l'opérateur : le blocage des numéros surtaxés était actif.",
            "Ask the operator for a refund: premium numbers were blocked on the line.",
        )
    } else {
        Bilingual::new(
            "Si vous n'avez pas appelé ce numéro, contestez la ligne auprès de l'opérateur et demandez le blocage gratuit des numéros surtaxés ; l'éditeur du service se retrouve sur infoconso-multimedia.fr.",
            "If you did not call this number, dispute the line with the operator and ask for the free block on premium numbers; the service provider can be looked up on infoconso-multimedia.fr.",
        )
    };
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;
    use crate::core::bill::Category::*;

    #[test]
    fn surcharged_numbers_and_wordings_are_flagged() {
        let mut b = bill(vec![
            line("Forfait 5G du 01/10 au 31/10", "24.99", Subscription),
            line("Appels vers numéros spéciaux 08 9x", "3.36", Premium),
            line("Services de renseignements 118", "2.99", Usage),
            line("SMS+ vers numéros courts", "1.50", OutOfPlan),
            line(
                "Appel vers le 3630 (service à valeur ajoutée)",
                "0.99",
                Usage,
            ),
        ]);
        let mut call = usage("0892683127", "Appel n° spécial", "3.36");
        call.duration_s = Some(252);
        b.usage = vec![
            usage("0698765432", "Appel", "0"),
            call,
            usage("118218", "Appel n° spécial", "2.99"),
            usage("81234", "SMS+", "1.50"),
            usage("3630", "Appel", "0.99"),
            usage("0825000000", "Appel", "0.50"),
        ];
        let got = summary(&check(&Context::new(&[b], None, today())));
        let w = Severity::Warning;
        assert_eq!(
            got,
            vec![
                (0, vec![1], vec![1], w, "3.36".into()),
                (0, vec![2], vec![2], w, "2.99".into()),
                (0, vec![3], vec![3], w, "1.50".into()),
                (0, vec![4], vec![4], w, "0.99".into()),
                (0, vec![], vec![5], w, "0.50".into()),
            ]
        );
    }

    #[test]
    fn near_misses_are_not_flagged() {
        let mut b = bill(vec![
            line("Forfait 5G 100 Go du 01/10 au 31/10", "24.99", Subscription),
            line("Appel vers le 3010", "0.00", Usage),
            line("Option 118 Go bonus", "2.00", Option),
        ]);
        b.usage = vec![
            usage("0800123456", "Appel", "0"),
            usage("0806000000", "Appel", "0.10"),
            usage("3010", "Appel", "0"),
            usage("3179", "Appel", "0.20"),
            usage("116000", "Appel", "0"),
            usage("116111", "Appel", "0.05"),
            usage("36665", "SMS", "0.05"),
            usage("0892683127", "Appel n° spécial", "0"),
        ];
        assert!(check(&Context::new(&[b], None, today())).is_empty());
    }

    #[test]
    fn blocked_or_over_the_cap_is_an_alert() {
        let mut b = bill(vec![line("Appels vers numéros spéciaux", "5.00", Premium)]);
        let mut record = usage("0899192021", "Appel", "5.00");
        record.duration_s = Some(60);
        b.usage = vec![record];
        let p = plan(r#"{"monthly_price": "10"}"#);
        let f = check(&Context::new(std::slice::from_ref(&b), Some(&p), today()));
        assert_eq!(f[0].severity, Severity::Alert, "5 € for one minute of 089");
        b.usage[0].duration_s = Some(600);
        let f = check(&Context::new(std::slice::from_ref(&b), Some(&p), today()));
        assert_eq!(f[0].severity, Severity::Warning);
        let p = plan(r#"{"monthly_price": "10", "blocked": {"premium_numbers": true}}"#);
        let f = check(&Context::new(&[b], Some(&p), today()));
        assert_eq!(f[0].severity, Severity::Alert);
        assert!(f[0].message.fr.contains("blocage"));
    }
}
