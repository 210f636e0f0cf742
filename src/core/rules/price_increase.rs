//! `price_increase`: a recurring charge (subscription, option) higher than on the previous
//! bill of the same line for the same item. A price change must be notified on a durable
//! medium at least one month ahead, and the customer may then terminate without fees
//! within four months (Code de la consommation, L224-33, read on Légifrance: `core::law`). When the plan shows the increase
//! is its promotion ending as planned, it is only `info`. Needs several bills. Pure.

use crate::core::money::Amount as _;
use rust_decimal::Decimal;

use super::classify::effective_category;
use super::{charged, eur, finding, Context};
use crate::core::bill::Category;
use crate::core::dates::format_date;
use crate::core::finding::{Bilingual, Finding, Legal, RuleId, Severity};
use crate::core::i18n::Lang;

/// Flags recurring charges that went up since the previous bill.
pub fn check(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for &b in ctx.chronological() {
        let bill = &ctx.bills[b];
        let earlier_bills = ctx.earlier(b);
        for (i, line) in bill.lines.iter().enumerate() {
            if !charged(line)
                || !matches!(
                    effective_category(line),
                    Category::Subscription | Category::Option
                )
            {
                continue;
            }
            let item = ctx.item(b, i);
            // The same item on the latest earlier bill that has it (its latest period).
            let previous = earlier_bills.iter().copied().find_map(|e| {
                ctx.bills[e]
                    .lines
                    .iter()
                    .enumerate()
                    .filter(|(j, l)| {
                        charged(l)
                            && effective_category(l) == effective_category(line)
                            && ctx.item(e, *j) == item
                    })
                    .max_by_key(|(j, _)| ctx.line_period(e, *j).map(|p| p.start))
                    .map(|(j, l)| (e, j, l.amount))
            });
            let Some((e, j, before)) = previous else {
                continue;
            };
            // A first bill's part month is not a price: compare whole months only.
            let length = |bill: usize, line: usize| {
                ctx.line_period(bill, line)
                    .map(|p| p.end.signed_duration_since(p.start).num_days() + 1)
            };
            if let (Some(now), Some(then)) = (length(b, i), length(e, j)) {
                if then + 2 < now || then > 32 || now > 32 {
                    continue;
                }
            }
            let rise = line.amount.minus(before);
            if rise <= Decimal::new(1, 2) {
                continue;
            }
            let start = ctx
                .line_period(b, i)
                .map(|p| p.start)
                .unwrap_or(ctx.reference_date(b));
            let previous_start = ctx
                .line_period(e, j)
                .map(|p| p.start)
                .unwrap_or(ctx.reference_date(e));
            let planned = ctx.plan_for(b).and_then(|plan| {
                let promo = plan.promo.as_ref()?;
                let ended_between = previous_start <= promo.until && promo.until < start;
                let at_contract_price = line.amount <= plan.monthly_price.plus(Decimal::new(1, 2));
                (effective_category(line) == Category::Subscription
                    && ended_between
                    && at_contract_price)
                    .then_some(promo.until)
            });
            let severity = if planned.is_some() {
                Severity::Info
            } else {
                Severity::Warning
            };
            let mut f = finding(RuleId::PriceIncrease, severity, b, vec![i], vec![], rise);
            let (fr_now, en_now) = eur(line.amount);
            let (fr_before, en_before) = eur(before);
            let label = &line.label;
            let source = &ctx.bills[e].source;
            f.message = match planned {
                Some(until) => Bilingual::new(
                    format!("« {label} » passe de {fr_before} à {fr_now} : c'est la fin prévue de votre promotion (jusqu'au {}).", format_date(until, Lang::Fr)),
                    format!("\"{label}\" goes from {en_before} to {en_now}: your promotion ended as planned (until {}).", format_date(until, Lang::En)),
                ),
                None => Bilingual::new(
                    format!("« {label} » passe de {fr_before} (facture {source}) à {fr_now}. Une hausse de prix doit vous être notifiée sur un support durable au moins un mois avant, et vous pouvez alors résilier sans frais dans les quatre mois."),
                    format!("\"{label}\" goes from {en_before} (bill {source}) to {en_now}. A price increase must be notified on a durable medium at least one month ahead, and you may then terminate without fees within four months."),
                ),
            };
            f.action = match planned {
                Some(_) => Bilingual::new(
                    "Rien à contester si le prix correspond à votre contrat ; c'est le moment de comparer les offres.",
                    "Nothing to dispute if the price matches your contract; a good time to compare offers.",
                ),
                None => Bilingual::new(
                    "Demandez à l'opérateur la date et le support de la notification. Sans notification un mois avant, demandez le remboursement de la différence ; vous pouvez aussi résilier sans frais.",
                    "Ask the operator when and how you were notified. Without notice one month ahead, ask for the difference back; you may also terminate without fees.",
                ),
            };
            f.legal = Some(Legal::PriceChangeNotice);
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

    fn series(prices: &[(&str, &str, &str)]) -> Vec<crate::core::bill::Bill> {
        prices
            .iter()
            .map(|(start, end, price)| {
                bill_for(
                    start,
                    end,
                    vec![
                        line(
                            &format!(
                                "Forfait SFR 5G 100 Go du {}/{} au {}/{}",
                                &start[8..10],
                                &start[5..7],
                                &end[8..10],
                                &end[5..7]
                            ),
                            price,
                            Subscription,
                        ),
                        line("Option Cloud", "2.00", Option),
                        line("Remise Multi-Packs", "-5.00", Discount),
                    ],
                )
            })
            .collect()
    }

    #[test]
    fn an_increase_is_flagged_on_the_later_bill_whatever_the_order() {
        let mut bills = series(&[
            ("2026-10-01", "2026-10-31", "29.99"),
            ("2026-08-01", "2026-08-31", "26.99"),
            ("2026-09-01", "2026-09-30", "26.99"),
        ]);
        let found = check(&Context::new(&bills, None, today()));
        assert_eq!(
            summary(&found),
            vec![(0, vec![0], vec![], Severity::Warning, "3.00".into())]
        );
        assert_eq!(found[0].legal, Some(Legal::PriceChangeNotice));
        // Near miss: a decrease, and the same price.
        bills[0].lines[0].amount = d("24.99");
        assert!(check(&Context::new(&bills, None, today())).is_empty());
    }

    #[test]
    fn the_planned_end_of_a_promotion_is_only_information() {
        let bills = series(&[
            ("2026-09-01", "2026-09-30", "14.99"),
            ("2026-10-01", "2026-10-31", "24.99"),
        ]);
        let p = plan(
            r#"{"monthly_price": "24.99", "promo": {"price": "14.99", "until": "2026-09-30"}}"#,
        );
        let found = check(&Context::new(&bills, Some(&p), today()));
        assert_eq!(
            summary(&found),
            vec![(1, vec![0], vec![], Severity::Info, "10.00".into())]
        );
        // Above the contract price, it is a warning even when the promotion ended.
        let bills = series(&[
            ("2026-09-01", "2026-09-30", "14.99"),
            ("2026-10-01", "2026-10-31", "29.99"),
        ]);
        let found = check(&Context::new(&bills, Some(&p), today()));
        assert_eq!(found[0].severity, Severity::Warning);
    }

    #[test]
    fn a_part_month_before_is_not_a_lower_price() {
        let bills = series(&[
            ("2026-09-15", "2026-09-30", "13.50"),
            ("2026-10-01", "2026-10-31", "26.99"),
        ]);
        assert!(check(&Context::new(&bills, None, today())).is_empty());
    }

    #[test]
    fn one_bill_or_different_items_give_nothing() {
        let bills = series(&[("2026-10-01", "2026-10-31", "29.99")]);
        assert!(check(&Context::new(&bills, None, today())).is_empty());
        let mut bills = series(&[
            ("2026-09-01", "2026-09-30", "9.99"),
            ("2026-10-01", "2026-10-31", "9.99"),
        ]);
        bills[1]
            .lines
            .push(line("Forfait Sosh 20 Go", "19.99", Subscription));
        assert!(check(&Context::new(&bills, None, today())).is_empty());
    }
}
