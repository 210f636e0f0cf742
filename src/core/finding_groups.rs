//! Findings that say the same thing about the same service, gathered: four weekly
//! Internet+ charges of one club are one thing to contest, counted four times.

use crate::core::money::Amount as _;
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
    let mut groups: Vec<(Option<GroupKey>, FindingGroup)> = Vec::new();
    for (index, finding) in findings.iter().enumerate() {
        let key = match (bills.get(finding.bill), finding.lines.first()) {
            (Some(bill), Some(&line)) => service_of(bill, line)
                .filter(|service| !service.is_empty())
                .map(|service| (finding.bill, finding.rule, service)),
            _ => None,
        };
        let same = key.as_ref().and_then(|key| {
            groups.iter_mut().find(|(k, g)| {
                k.as_ref() == Some(key) && findings[g.members[0]].severity == finding.severity
            })
        });
        match same {
            Some((_, group)) => {
                group.members.push(index);
                group.amount = group.amount.plus(finding.amount);
                for line in &finding.lines {
                    if !group.lines.contains(line) {
                        group.lines.push(*line);
                    }
                }
            }
            None => groups.push((
                key,
                FindingGroup {
                    members: vec![index],
                    amount: finding.amount,
                    lines: finding.lines.clone(),
                },
            )),
        }
    }
    groups.into_iter().map(|(_, group)| group).collect()
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
}
