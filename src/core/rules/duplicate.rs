//! `duplicate`: the same recurring charge twice on one bill (same label, same amount,
//! same line), or a period of a subscription or option billed again on a later bill.
//!
//! Only recurring charges (subscription, option, instalment) are compared: two identical
//! calls, two weekly third-party charges or two rejected payments can all be legitimate,
//! and those have their own rules. The later copy is flagged, not the first. Pure.

use std::collections::BTreeSet;

use super::classify::effective_category;
use super::text::fold;
use super::{cents_eq, charged, eur, finding, Context};
use crate::core::bill::{Category, Period};
use crate::core::dates::format_date;
use crate::core::finding::{Bilingual, Finding, RuleId, Severity};
use crate::core::i18n::Lang;

fn recurring(category: Category) -> bool {
    matches!(
        category,
        Category::Subscription | Category::Option | Category::EquipmentInstalment
    )
}

/// Days two periods share.
fn shared_days(a: Period, b: Period) -> i64 {
    let start = a.start.max(b.start);
    let end = a.end.min(b.end);
    end.signed_duration_since(start).num_days() + 1
}

/// Flags charges billed twice.
pub fn check(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for &b in ctx.chronological() {
        let bill = &ctx.bills[b];
        let mut flagged = BTreeSet::new();
        // Twice on the same bill.
        for (j, line) in bill.lines.iter().enumerate() {
            if !charged(line) || !recurring(effective_category(line)) {
                continue;
            }
            let first = bill.lines[..j].iter().position(|other| {
                fold(&other.label) == fold(&line.label)
                    && cents_eq(other.amount, line.amount)
                    && fold(&other.section) == fold(&line.section)
            });
            if let Some(i) = first {
                flagged.insert(j);
                let mut f = finding(
                    RuleId::Duplicate,
                    Severity::Alert,
                    b,
                    vec![j],
                    vec![],
                    line.amount,
                );
                let (fr_amount, en_amount) = eur(line.amount);
                let label = &line.label;
                f.message = Bilingual::new(
                    format!("« {label} » ({fr_amount}) est facturé deux fois sur cette facture (lignes {} et {}).", i + 1, j + 1),
                    format!("\"{label}\" ({en_amount}) is billed twice on this bill (lines {} and {}).", i + 1, j + 1),
                );
                f.action = Bilingual::new(
                    "Demandez le remboursement du second prélèvement.",
                    "Ask for the second charge to be refunded.",
                );
                out.push(f);
            }
        }
        // The same period of the same item already billed on an earlier bill.
        let earlier_bills = ctx.earlier(b);
        for (j, line) in bill.lines.iter().enumerate() {
            if flagged.contains(&j) || !charged(line) || !recurring(effective_category(line)) {
                continue;
            }
            let Some(period) = ctx.line_period(b, j) else {
                continue;
            };
            let item = ctx.item(b, j);
            let earlier = earlier_bills.iter().copied().find_map(|e| {
                ctx.bills[e]
                    .lines
                    .iter()
                    .enumerate()
                    .find_map(|(i, other)| {
                        let other_period = ctx.line_period(e, i)?;
                        let same = charged(other)
                            && effective_category(other) == effective_category(line)
                            && ctx.item(e, i) == item
                            && 2 * shared_days(period, other_period)
                                > period.end.signed_duration_since(period.start).num_days() + 1;
                        same.then_some((e, other_period))
                    })
            });
            let Some((e, other_period)) = earlier else {
                continue;
            };
            let mut f = finding(
                RuleId::Duplicate,
                Severity::Alert,
                b,
                vec![j],
                vec![],
                line.amount,
            );
            let (fr_amount, en_amount) = eur(line.amount);
            let label = &line.label;
            let source = &ctx.bills[e].source;
            let (from_fr, to_fr) = (
                format_date(other_period.start, Lang::Fr),
                format_date(other_period.end, Lang::Fr),
            );
            let (from_en, to_en) = (
                format_date(other_period.start, Lang::En),
                format_date(other_period.end, Lang::En),
            );
            f.message = Bilingual::new(
                format!("« {label} » ({fr_amount}) : cette période a déjà été facturée sur la facture {source} (du {from_fr} au {to_fr})."),
                format!("\"{label}\" ({en_amount}): this period was already billed on bill {source} ({from_en} to {to_en})."),
            );
            f.action = Bilingual::new(
                "Demandez le remboursement de la période facturée deux fois, les deux factures à l'appui.",
                "Ask for the period billed twice to be refunded, with both bills attached.",
            );
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
    fn the_same_plan_twice_on_one_bill_is_flagged_once() {
        let section = "Ligne 07 61 98 76 54 – Forfait et options";
        let b = bill(vec![
            line_in(
                "Forfait Sosh 5G 100 Go du 01/10 au 31/10",
                "15.99",
                Subscription,
                "Ligne 06 71 23 45 67",
            ),
            line_in(
                "Forfait Sosh 20 Go du 01/10 au 31/10",
                "9.99",
                Subscription,
                section,
            ),
            line_in(
                "Forfait Sosh 20 Go du 01/10 au 31/10",
                "9.99",
                Subscription,
                section,
            ),
        ]);
        let found = check(&Context::new(&[b], None, today()));
        assert_eq!(
            summary(&found),
            vec![(0, vec![2], vec![], Severity::Alert, "9.99".into())]
        );
    }

    #[test]
    fn legitimate_repetitions_are_not_duplicates() {
        let mut b = bill(vec![
            line(
                "Internet+ GameZone – abonnement hebdomadaire",
                "3.00",
                ThirdParty,
            ),
            line(
                "Internet+ GameZone – abonnement hebdomadaire",
                "3.00",
                ThirdParty,
            ),
            line("Frais de rejet de prélèvement", "7.50", OneOffFee),
            line("Frais de rejet de prélèvement", "7.50", OneOffFee),
            line("Forfait Sosh 20 Go", "9.99", Subscription),
            line_in("Forfait Sosh 20 Go", "9.99", Subscription, "Ligne 2"),
            line("Option offerte", "0.00", Option),
            line("Option offerte", "0.00", Option),
        ]);
        b.usage = vec![
            usage("0611223344", "Appel", "0.35"),
            usage("0611223344", "Appel", "0.35"),
        ];
        assert!(check(&Context::new(&[b], None, today())).is_empty());
    }

    #[test]
    fn a_period_billed_again_on_a_later_bill_is_flagged() {
        let bills = vec![
            bill_for(
                "2026-09-01",
                "2026-09-30",
                vec![
                    line(
                        "Forfait SFR 5G 100 Go du 01/09 au 30/09",
                        "26.99",
                        Subscription,
                    ),
                    line(
                        "Forfait SFR 5G 100 Go du 01/08 au 31/08",
                        "26.99",
                        Subscription,
                    ),
                    line("Option Cloud du 01/09 au 30/09", "2.00", Option),
                ],
            ),
            bill_for(
                "2026-08-01",
                "2026-08-31",
                vec![
                    line(
                        "Forfait SFR 5G 100 Go du 01/08 au 31/08",
                        "26.99",
                        Subscription,
                    ),
                    line("Option Cloud du 01/08 au 31/08", "2.00", Option),
                ],
            ),
            bill_for(
                "2026-10-01",
                "2026-10-31",
                vec![
                    line(
                        "Forfait SFR 5G 100 Go du 01/10 au 31/10",
                        "29.99",
                        Subscription,
                    ),
                    line("Option Cloud du 01/10 au 31/10", "2.00", Option),
                ],
            ),
        ];
        let found = check(&Context::new(&bills, None, today()));
        assert_eq!(
            summary(&found),
            vec![(0, vec![1], vec![], Severity::Alert, "26.99".into())]
        );
        assert!(found[0].message.fr.contains("2026-08-01.pdf"));
    }
}
