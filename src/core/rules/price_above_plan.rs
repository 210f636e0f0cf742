//! `price_above_plan`: the subscription or an option charged above the plan's price for
//! the period billed (the promotional price up to and including its last day, the normal
//! price after). Discounts printed on the same bill count before anything is flagged: a
//! 39,99 € box with a "-10,00 € first year" line is the 29,99 € promotion, not an
//! overcharge. The plan's own items are matched by name first: a phone rental or an
//! instalment the plan lists among its options is that option, never a second
//! subscription; only a charge that is none of the plan's options is compared by its
//! category. An option included at no charge is matched only by a label that is mostly
//! its name, so that a label that merely contains it ("Décodeur TV 0,00 Forfait Livebox
//! Fibre", read across two columns) is not held to 0,00 €. Needs a plan. Pure.

use crate::core::money::Amount as _;
use crate::core::money::AmountsSum as _;
use rust_decimal::Decimal;

use crate::core::money::ratio;

use super::classify::effective_category;
use super::text::{fold, has_any, key_words, same_item};
use super::{charged, eur, finding, Context};
use crate::core::bill::Category;
use crate::core::dates::format_date;
use crate::core::finding::{Bilingual, Finding, RuleId, Severity};
use crate::core::i18n::Lang;

/// Flags charges above the plan's price.
pub fn check(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for (b, bill) in ctx.bills.iter().enumerate() {
        let Some(plan) = ctx.plan_for(b) else {
            continue;
        };
        // Credits that lower the price (not refunds of something else).
        let mut credit: Decimal = bill
            .lines
            .iter()
            .enumerate()
            .filter(|(i, l)| {
                (l.category == Category::Discount || l.amount < Decimal::ZERO)
                    && ctx.on_plan_line(b, *i)
                    && !has_any(
                        &fold(&l.label),
                        &[
                            "avoir",
                            "geste",
                            "rembours",
                            "regularisation",
                            "dedommagement",
                            "annulation",
                        ],
                    )
            })
            .map(|(_, l)| -l.amount)
            .amounts_sum();
        // Each charge that is one of the plan's options, by name; of several the name
        // fits (a phone's rental and its instalments, `Galaxy S23 256Go - Vert` alone),
        // the one at the charge's price.
        let options: Vec<Option<&crate::core::plan::PlanOption>> = bill
            .lines
            .iter()
            .map(|l| {
                let named: Vec<&crate::core::plan::PlanOption> = plan
                    .options
                    .iter()
                    .filter(|o| is_option(&o.name, o.price, &l.label))
                    .collect();
                named
                    .iter()
                    .find(|o| super::cents_eq(o.price, l.amount))
                    .or(named.first())
                    .copied()
            })
            .collect();
        // With several subscriptions on the plan's line (a box and a mobile), only the
        // one the plan names is the plan's.
        let mut subscriptions: Vec<usize> = (0..bill.lines.len())
            .filter(|&i| {
                let l = &bill.lines[i];
                charged(l)
                    && options[i].is_none()
                    && effective_category(l) == Category::Subscription
                    && ctx.on_plan_line(b, i)
            })
            .collect();
        if subscriptions.is_empty() {
            // The plan's price is about the subscription: when no charge reads as one
            // ("Bbox must 45,00" under "Vos services"), the recurring charge the reader
            // could not name whose amount is nearest that price, within half of it.
            let price = plan.price_on(ctx.reference_date(b));
            subscriptions.extend(
                (0..bill.lines.len())
                    .filter(|&i| {
                        let l = &bill.lines[i];
                        charged(l)
                            && l.category == Category::Other
                            && options[i].is_none()
                            && ctx.on_plan_line(b, i)
                            && l.amount.minus(price).abs().times(Decimal::TWO) <= price
                    })
                    .min_by_key(|&i| bill.lines[i].amount.minus(price).abs()),
            );
        }
        let named = |i: usize| {
            subscriptions.len() < 2
                || plan
                    .name
                    .as_deref()
                    .is_none_or(|n| same_item(n, &bill.lines[i].label))
        };
        for (i, line) in bill.lines.iter().enumerate() {
            if !charged(line) || !ctx.on_plan_line(b, i) {
                continue;
            }
            let period = ctx.line_period(b, i);
            let (start, end) = period.map_or((ctx.reference_date(b), ctx.reference_date(b)), |p| {
                (p.start, p.end)
            });
            // A first or last bill may cover more than a month: the price scales with it.
            let days = end.signed_duration_since(start).num_days() + 1;
            let months = if days > 32 {
                ratio(Decimal::from(days), Decimal::from(30))
            } else {
                Decimal::ONE
            };
            let category = if subscriptions.contains(&i) {
                Category::Subscription
            } else if options[i].is_some() {
                Category::Option
            } else {
                effective_category(line)
            };
            let expected = match (options[i], category) {
                // The plan's option by its name, whatever the reader called the line.
                (Some(option), _) => option.price,
                (None, Category::Subscription) if named(i) && subscriptions.contains(&i) => {
                    (plan.price_on(start).max(plan.price_on(end)).times(months)).round_dp(2)
                }
                _ => continue,
            };
            let mut excess = line.amount.minus(expected);
            if excess <= Decimal::new(1, 2) {
                continue;
            }
            let used = credit.min(excess).max(Decimal::ZERO);
            credit = credit.minus(used);
            excess = excess.minus(used);
            if excess <= Decimal::new(1, 2) {
                continue;
            }
            let mut f = finding(
                RuleId::PriceAbovePlan,
                Severity::Warning,
                b,
                vec![i],
                vec![],
                excess,
            );
            let (fr_charged, en_charged) = eur(line.amount);
            let (fr_expected, en_expected) = eur(expected);
            let (fr_excess, en_excess) = eur(excess);
            let label = &line.label;
            let (promo_fr, promo_en) = match &plan.promo {
                Some(p) if p.until < start && category == Category::Subscription => (
                    format!(
                        " (la promotion s'est terminée le {})",
                        format_date(p.until, Lang::Fr)
                    ),
                    format!(
                        " (the promotion ended on {})",
                        format_date(p.until, Lang::En)
                    ),
                ),
                _ => (String::new(), String::new()),
            };
            f.message = Bilingual::new(
                format!("« {label} » : {fr_charged} facturés au lieu de {fr_expected} prévus par votre contrat{promo_fr}, soit {fr_excess} de trop."),
                format!("\"{label}\": {en_charged} charged instead of the {en_expected} of your contract{promo_en}: {en_excess} too much."),
            );
            f.action = Bilingual::new(
                "Demandez le remboursement de la différence, contrat ou récapitulatif de commande à l'appui ; si l'opérateur invoque une hausse de prix, demandez quand elle vous a été notifiée.",
                "Ask for the difference back, with your contract or order summary; if the operator points to a price change, ask when you were notified of it.",
            );
            out.push(f);
        }
    }
    out
}

/// Whether a charge's label names the plan's option `name` priced `price`: its words
/// are all in the label (the label may add a period or a date). An option included at
/// no charge also needs the label to be mostly its name: most of the label's words are
/// the option's.
fn is_option(name: &str, price: Decimal, label: &str) -> bool {
    if !same_item(name, label) {
        return false;
    }
    if !price.is_zero() {
        return true;
    }
    let (ours, theirs) = (key_words(label), key_words(name));
    let shared = ours.iter().filter(|w| theirs.contains(w)).count();
    shared * 5 >= ours.len() * 3
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;
    use crate::core::bill::Category::*;

    const PLAN: &str = r#"{"name": "Forfait 5G", "monthly_price": "24.99", "promo": {"price": "14.99", "until": "2026-09-30"},
        "options": [{"name": "Option Multi-SIM", "price": "5.00"}]}"#;

    #[test]
    fn charges_above_the_price_for_the_period_are_flagged() {
        let p = plan(PLAN);
        // (period, lines, flagged amount)
        let cases: &[(
            &str,
            &str,
            Vec<crate::core::bill::BillLine>,
            std::option::Option<&str>,
        )] = &[
            (
                "2026-10-01",
                "2026-10-31",
                vec![line("Forfait 5G", "29.99", Subscription)],
                Some("5.00"),
            ),
            (
                "2026-09-01",
                "2026-09-30",
                vec![line("Forfait 5G", "24.99", Subscription)],
                Some("10.00"),
            ),
            (
                "2026-10-01",
                "2026-10-31",
                vec![line("Option Multi-SIM", "7.00", Option)],
                Some("2.00"),
            ),
            // Near misses: the promotion's last day, the price after it, a discount that
            // brings the price down, an option the plan does not list (another rule's).
            (
                "2026-09-01",
                "2026-09-30",
                vec![line("Forfait 5G", "14.99", Subscription)],
                None,
            ),
            (
                "2026-10-01",
                "2026-10-31",
                vec![line("Forfait 5G", "24.99", Subscription)],
                None,
            ),
            (
                "2026-10-01",
                "2026-10-31",
                vec![
                    line("Forfait 5G", "34.99", Subscription),
                    line("Remise 1ère année", "-10.00", Discount),
                ],
                None,
            ),
            (
                "2026-10-01",
                "2026-10-31",
                vec![line("Option Sécurité", "3.00", Option)],
                None,
            ),
            (
                "2026-09-15",
                "2026-10-14",
                vec![line("Forfait 5G", "24.99", Subscription)],
                None,
            ),
            (
                "2026-10-01",
                "2026-11-14",
                vec![line("Forfait 5G", "36.65", Subscription)],
                None,
            ),
            (
                "2026-10-01",
                "2026-10-31",
                vec![
                    line("Forfait 5G", "24.99", Subscription),
                    line("Freebox Pop", "29.99", Subscription),
                ],
                None,
            ),
        ];
        for (start, end, lines, want) in cases {
            let b = bill_for(start, end, lines.clone());
            let found = check(&Context::new(&[b], Some(&p), today()));
            let got = found.first().map(|f| f.amount.to_string());
            assert_eq!(got.as_deref(), *want, "{start} {:?}", lines[0].label);
        }
    }

    /// The plan's own items by name first: a rental or an instalment listed among the
    /// plan's options is that option (never a second subscription held to the plan's
    /// price), and an option included at no charge is not matched by a label that only
    /// contains its name.
    #[test]
    fn the_plan_s_items_are_matched_by_name_first() {
        let p = plan(
            r#"{"name": "Forfait Série Spéciale", "monthly_price": "12.99",
                "options": [{"name": "Free Flex - location mobile Apple iPhone 13 128Go - Blue", "price": "21.99"},
                            {"name": "Décodeur TV", "price": "0.00"},
                            {"name": "Location mobile Samsung Galaxy S23 256Go - Vert", "price": "17.99"},
                            {"name": "Mensualités Samsung Galaxy S23 256Go - Vert", "price": "21.25"}]}"#,
        );
        let cases: &[(Vec<crate::core::bill::BillLine>, std::option::Option<&str>)] = &[
            (
                vec![
                    line("Abonnement “Forfait Série Spéciale”", "12.99", Subscription),
                    line(
                        "Free Flex - location mobile Apple iPhone 13 128Go - Blue (loyer du 22-09-2023)",
                        "21.99",
                        Subscription,
                    ),
                ],
                None,
            ),
            // The rental billed above its price is flagged as the option it is.
            (
                vec![line(
                    "Free Flex - location mobile Apple iPhone 13 128Go - Blue (loyer du 22-09-2023)",
                    "24.99",
                    Subscription,
                )],
                Some("3.00"),
            ),
            // Two columns read as one label: not the decoder, so the plan's price holds.
            (
                vec![line(
                    "Décodeur TV 0,00 Forfait Série Spéciale",
                    "12.99",
                    Subscription,
                )],
                None,
            ),
            // The decoder itself, billed although included.
            (vec![line("Décodeur TV", "5.00", Option)], Some("5.00")),
            // A label that fits two of the plan's items (a phone's rental and its
            // instalments) is the one at its price.
            (
                vec![line("Galaxy S23 256Go - Vert", "21.25", EquipmentInstalment)],
                None,
            ),

            (
                vec![line("Décodeur TV du 01/10 au 31/10", "5.00", Other)],
                Some("5.00"),
            ),
        ];
        for (lines, want) in cases {
            let b = bill(lines.clone());
            let found = check(&Context::new(&[b], Some(&p), today()));
            let got: Vec<String> = found.iter().map(|f| f.amount.to_string()).collect();
            assert_eq!(got.first().map(String::as_str), *want, "{lines:?}");
            assert!(
                found
                    .iter()
                    .all(|f| !f.message.fr.contains("au lieu de 0,00") || f.amount == d("5.00")),
                "{lines:?}"
            );
        }
    }

    #[test]
    fn finds_the_subscription_without_a_plan_name() {
        let p = plan(r#"{"monthly_price": "39.99"}"#);
        // A box billed 45,00 € that the reader could only call "other".
        let cases: &[(Vec<crate::core::bill::BillLine>, std::option::Option<&str>)] = &[
            (vec![line("Bbox must", "45.00", Other)], Some("5.01")),
            (
                vec![
                    line("Bbox must", "45.00", Other),
                    line("Décodeur TV", "5.00", Other),
                ],
                Some("5.01"),
            ),
            (
                vec![line("Freebox Révolution", "45.00", Subscription)],
                Some("5.01"),
            ),
            // Near misses: the price itself, a charge far from the price.
            (vec![line("Bbox must", "39.99", Other)], None),
            (vec![line("Achat téléphone", "299.00", Other)], None),
        ];
        for (lines, want) in cases {
            let b = bill(lines.clone());
            let found = check(&Context::new(&[b], Some(&p), today()));
            let got = found.first().map(|f| f.amount.to_string());
            assert_eq!(got.as_deref(), *want, "{lines:?}");
        }
    }

    #[test]
    fn a_refund_credit_does_not_hide_an_overcharge_and_no_plan_is_silent() {
        let b = bill(vec![
            line("Forfait 5G", "29.99", Subscription),
            line("Avoir sur facture précédente", "-5.00", Discount),
        ]);
        let p = plan(PLAN);
        let found = check(&Context::new(std::slice::from_ref(&b), Some(&p), today()));
        assert_eq!(found[0].amount, d("5.00"));
        assert!(found[0].message.fr.contains("30/09/2026"));
        assert!(check(&Context::new(&[b], None, today())).is_empty());
    }
}
