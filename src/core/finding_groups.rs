//! Findings that say the same thing about the same service, gathered: four weekly
//! Internet+ charges of one club are one thing to contest, counted four times.

use crate::core::money::Amount as _;
use std::collections::HashMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::bill::Bill;
use super::finding::Finding;

/// Findings shown as one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FindingGroup {
    /// Indexes into the findings given, in their order; the first stands for the group.
    pub members: Vec<usize>,
    /// The sum of their amounts.
    pub amount: Decimal,
    /// Every charge they point at, in order, without repeats.
    pub lines: Vec<usize>,
}

/// What makes findings the same: the bill, the rule, the service charged.
type GroupKey = (usize, super::finding::RuleId, String);

/// A charge's label without its digits and spacing: the weekly charges of one service
/// differ only by their dates.
fn service_of(bill: &Bill, line: usize) -> Option<String> {
    let label = &bill.lines.get(line)?.label;
    Some(
        label
            .chars()
            .filter(|c| c.is_alphabetic())
            .flat_map(char::to_lowercase)
            .collect(),
    )
}

/// Gathers the findings of one rule and severity, on one bill, about charges of the same
/// service (labels equal but for digits). Findings without a charge stay alone. Groups come
/// in the order of their first finding, so the findings' order (alerts first, largest
/// first) is kept.
pub fn group_findings(findings: &[Finding], bills: &[Bill]) -> Vec<FindingGroup> {
    let mut groups: Vec<FindingGroup> = Vec::new();
    // Where each key's group is: found at once, for the thousands of findings of years of
    // bills.
    let mut index_of: HashMap<(GroupKey, super::finding::Severity), usize> = HashMap::new();
    for (index, finding) in findings.iter().enumerate() {
        let key = match (bills.get(finding.bill), finding.lines.first()) {
            (Some(bill), Some(&line)) => service_of(bill, line)
                .filter(|service| !service.is_empty())
                .map(|service| ((finding.bill, finding.rule, service), finding.severity)),
            _ => None,
        };
        let same = key.as_ref().and_then(|key| index_of.get(key).copied());
        match same {
            Some(g) => {
                let group = &mut groups[g];
                group.members.push(index);
                group.amount = group.amount.plus(finding.amount);
                for line in &finding.lines {
                    if !group.lines.contains(line) {
                        group.lines.push(*line);
                    }
                }
            }
            None => {
                if let Some(key) = key {
                    index_of.insert(key, groups.len());
                }
                groups.push(FindingGroup {
                    members: vec![index],
                    amount: finding.amount,
                    lines: finding.lines.clone(),
                });
            }
        }
    }
    groups
}

/// Whether a bill is more than a year old on `today`: a year has passed since it was due
/// (else issued, else since its period ended). Years of bills kept, the home page leads
/// with the findings of the year and keeps the older ones a click away.
pub fn is_older_than_a_year(bill: &Bill, today: NaiveDate) -> bool {
    super::rules::time_barred_soon::year_after_payment(bill).is_some_and(|day| day < today)
}

/// The groups split into those of the year and those of older bills (see
/// [`is_older_than_a_year`]), each in the order given.
pub fn split_by_age(
    groups: Vec<FindingGroup>,
    findings: &[Finding],
    bills: &[Bill],
    today: NaiveDate,
) -> (Vec<FindingGroup>, Vec<FindingGroup>) {
    groups.into_iter().partition(|g| {
        let bill = g
            .members
            .first()
            .and_then(|&m| findings.get(m))
            .and_then(|f| bills.get(f.bill));
        !bill.is_some_and(|b| is_older_than_a_year(b, today))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::bill::{BillLine, Category};
    use crate::core::finding::{Bilingual, RuleId, Severity};

    fn line(label: &str) -> BillLine {
        BillLine {
            label: label.into(),
            amount: Decimal::new(3, 0),
            section: String::new(),
            category: Category::ThirdParty,
            page: 1,
        }
    }

    fn finding(rule: RuleId, bill: usize, line: usize, amount: i64) -> Finding {
        Finding {
            rule,
            severity: Severity::Warning,
            bill,
            lines: vec![line],
            usage: Vec::new(),
            amount: Decimal::new(amount, 0),
            message: Bilingual::new("", ""),
            action: Bilingual::new("", ""),
            legal: None,
        }
    }

    #[test]
    fn weekly_charges_of_one_service_are_one_entry_with_their_count_and_sum() {
        let bill = Bill {
            lines: vec![
                line("Internet+ GameZone Club – abonnement hebdomadaire du 06/10"),
                line("Internet+ GameZone Club – abonnement hebdomadaire du 13/10"),
                line("SMS+ Horoscope du 14/10"),
                line("Internet+ GameZone Club – abonnement hebdomadaire du 20/10"),
            ],
            ..Default::default()
        };
        let findings = vec![
            finding(RuleId::ThirdParty, 0, 0, 3),
            finding(RuleId::ThirdParty, 0, 1, 3),
            finding(RuleId::ThirdParty, 0, 2, 2),
            finding(RuleId::ThirdParty, 0, 3, 3),
        ];
        let groups = group_findings(&findings, std::slice::from_ref(&bill));
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].members, vec![0, 1, 3]);
        assert_eq!(groups[0].amount, Decimal::new(9, 0));
        assert_eq!(groups[0].lines, vec![0, 1, 3]);
        assert_eq!(groups[1].members, vec![2]);

        // Another rule, another bill or another severity is another entry.
        let mut alert = finding(RuleId::ThirdParty, 0, 1, 3);
        alert.severity = Severity::Alert;
        let others = vec![
            finding(RuleId::ThirdParty, 0, 0, 3),
            finding(RuleId::PremiumNumber, 0, 1, 3),
            finding(RuleId::ThirdParty, 1, 1, 3),
            alert,
        ];
        let groups = group_findings(&others, &[bill.clone(), bill]);
        assert_eq!(groups.len(), 4);
    }

    #[test]
    fn findings_without_a_charge_stay_alone() {
        let mut a = finding(RuleId::ThirdParty, 0, 0, 1);
        a.lines.clear();
        let b = a.clone();
        let groups = group_findings(&[a, b], &[Bill::default()]);
        assert_eq!(groups.len(), 2);
    }

    #[test]
    fn findings_of_bills_more_than_a_year_old_come_apart() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let dated = |due: Option<NaiveDate>, issued: Option<NaiveDate>| Bill {
            lines: vec![line("Option Sécurité Mobile")],
            due_date: due,
            issue_date: issued,
            ..Default::default()
        };
        let bills = vec![
            dated(Some(day(2025, 12, 6)), None),
            dated(Some(day(2025, 12, 8)), None),
            dated(None, Some(day(2019, 3, 2))),
            dated(None, None),
        ];
        let today = day(2026, 12, 7);
        assert!(is_older_than_a_year(&bills[0], today));
        assert!(!is_older_than_a_year(&bills[1], today));
        assert!(is_older_than_a_year(&bills[2], today));
        // A bill without a date is not set aside as old.
        assert!(!is_older_than_a_year(&bills[3], today));
        let findings: Vec<Finding> = (0..4)
            .map(|b| finding(RuleId::UnrequestedOption, b, 0, 5))
            .collect();
        let groups = group_findings(&findings, &bills);
        let (recent, older) = split_by_age(groups, &findings, &bills, today);
        let bills_of = |groups: &[FindingGroup]| -> Vec<usize> {
            groups.iter().map(|g| findings[g.members[0]].bill).collect()
        };
        assert_eq!(bills_of(&recent), [1, 3]);
        assert_eq!(bills_of(&older), [0, 2]);
    }
}
