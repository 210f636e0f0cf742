//! What the app runs on values it has just decoded (an import, a stored value, a plan
//! file), shared by the JSON targets: a huge or odd value that decoding accepts is found
//! where it would panic the page, in the corrections, the rules, the charts, the grouping
//! of findings, the bank matching or the journal's advice.

use chrono::NaiveDate;
use contestel::core::bank::matching::match_debits;
use contestel::core::bank::stored::BankData;
use contestel::core::bill::Bill;
use contestel::core::corrections::{self, Corrections};
use contestel::core::journal::advice::advise;
use contestel::core::journal::case::Case;
use contestel::core::plan::Plan;
use contestel::core::{charts, finding_groups, rules};

/// The day the app would check on (a fixed one: the core has no clock).
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).unwrap_or_default()
}

/// Bills as the app has them after decoding: corrected, checked against the plans (each
/// alone too), charted, their findings grouped, matched with the bank's debits, and the
/// cases advised.
pub fn run(
    bills: &[Bill],
    plans: &[Plan],
    corrections: &Corrections,
    bank: &BankData,
    cases: &[Case],
) {
    let today = today();
    let corrected: Vec<Bill> = bills
        .iter()
        .map(|b| corrections::apply(b, corrections.of(b)).bill)
        .collect();
    for plan in plans {
        let _ = plan.validate();
        let _ = plan.price_on(today);
        let _ = rules::check(&corrected, Some(plan), today);
    }
    let report = rules::check_lines(&corrected, plans, today);
    let _ = charts::monthly_totals(&corrected, &report.at_stake);
    for (b, bill) in corrected.iter().enumerate() {
        let _ = charts::bill_total(bill);
        let flagged: Vec<(usize, rust_decimal::Decimal)> = report
            .findings
            .iter()
            .filter(|f| f.bill == b)
            .flat_map(|f| f.lines.iter().map(move |&l| (l, f.amount)))
            .collect();
        let _ = charts::category_split(bill, &flagged);
    }
    let _ = finding_groups::group_findings(&report.findings, &corrected);
    let _ = bank.check();
    let _ = match_debits(&corrected, plans, &bank.debits, &bank.periods(), cases);
    for case in cases {
        let _ = advise(case, today);
    }
}
