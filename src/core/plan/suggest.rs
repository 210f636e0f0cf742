//! A plan pre-filled from a read bill, for the person to confirm.

use rust_decimal::Decimal;

use super::{Plan, PlanOption};
use crate::core::bill::{Bill, Category};
use crate::core::phone::{digits, digits_spaced};
use crate::core::vocab::items::item_name;

impl Plan {
    /// A plan pre-filled from a read bill, for the person to confirm: operator, line,
    /// subscription name and price (discounts are not subtracted: the person knows whether
    /// a discount is a time-limited promotion), and the options billed.
    pub fn suggest_from_bill(bill: &Bill) -> Plan {
        let line = bill.line_numbers.first().cloned();
        // On a bill of several lines, keep the first line's charges.
        let other_lines: Vec<String> = bill
            .line_numbers
            .iter()
            .skip(1)
            .map(|n| digits(n))
            .collect();
        let mine = |label: &str, section: &str| {
            let text = format!("{} {}", digits_spaced(section), digits_spaced(label));
            !other_lines
                .iter()
                .any(|n| !n.is_empty() && text.contains(n.as_str()))
        };
        let subscription = bill
            .lines
            .iter()
            .find(|l| l.category == Category::Subscription && mine(&l.label, &l.section));
        let options = bill
            .lines
            .iter()
            .filter(|l| {
                l.category == Category::Option
                    && l.amount > Decimal::ZERO
                    && mine(&l.label, &l.section)
            })
            .map(|l| PlanOption {
                name: item_name(&l.label),
                price: l.amount,
            })
            .collect();
        Plan {
            operator: bill.operator.map(|o| o.name().to_string()),
            name: subscription.map(|l| item_name(&l.label)),
            line_number: line,
            monthly_price: subscription.map_or(Decimal::ZERO, |l| l.amount),
            options,
            ..Plan::with_price(Decimal::ZERO)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn a_plan_is_suggested_from_a_bill() {
        use crate::core::bill::{BillLine, Operator};
        let line = |label: &str, amount: &str, section: &str, category| BillLine {
            label: label.into(),
            amount: d(amount),
            section: section.into(),
            category,
            page: 1,
        };
        let bill = Bill {
            operator: Some(Operator::Sosh),
            line_numbers: vec!["06 71 23 45 67".into(), "07 61 98 76 54".into()],
            lines: vec![
                line(
                    "Forfait Sosh 5G 100 Go du 01/10 au 31/10",
                    "15.99",
                    "Ligne 06 71 23 45 67",
                    Category::Subscription,
                ),
                line(
                    "Option Multi-SIM du 01/10 au 31/10",
                    "5.00",
                    "Ligne 06 71 23 45 67",
                    Category::Option,
                ),
                line(
                    "Option offerte",
                    "0.00",
                    "Ligne 06 71 23 45 67",
                    Category::Option,
                ),
                line(
                    "Forfait Sosh 20 Go du 01/10 au 31/10",
                    "9.99",
                    "Ligne 07 61 98 76 54",
                    Category::Subscription,
                ),
                line(
                    "Option Europe",
                    "3.00",
                    "Ligne 07 61 98 76 54",
                    Category::Option,
                ),
            ],
            ..Bill::default()
        };
        let plan = Plan::suggest_from_bill(&bill);
        assert_eq!(plan.operator.as_deref(), Some("Sosh"));
        assert_eq!(plan.line_number.as_deref(), Some("06 71 23 45 67"));
        assert_eq!(plan.name.as_deref(), Some("Forfait Sosh 5G 100 Go"));
        assert_eq!(plan.monthly_price, d("15.99"));
        assert_eq!(
            plan.options,
            vec![PlanOption {
                name: "Option Multi-SIM".into(),
                price: d("5.00")
            }]
        );
        assert!(plan.validate().is_ok());
        assert_eq!(
            Plan::from_json(&plan.to_json().unwrap()).unwrap(),
            plan,
            "exported, read back"
        );
    }
}
