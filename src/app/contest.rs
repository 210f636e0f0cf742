//! Disputing lines of a bill: they go to the open case of the same invoice, or a new one.

use super::journal::UseJournal;
use crate::core::bill::{Bill, Category};
use crate::core::i18n::{self, Lang};
use crate::core::journal::case::{CaseStatus, DisputedLine};
use crate::core::journal::{Action, NewCase};
use crate::services::clock;

/// The reason recorded for a line disputed by hand, from what the line is: it chooses the
/// demands the letters make.
pub fn reason_of(category: Category) -> &'static str {
    match category {
        Category::Premium => "premium_number",
        Category::ThirdParty => "third_party",
        Category::OneOffFee => "one_off_fee",
        Category::OutOfPlan => "out_of_plan",
        Category::Option => "unrequested_option",
        Category::Subscription => "price_above_plan",
        _ => "",
    }
}

/// Disputes the given lines of a bill for `reason` (a rule id, or "" when the person's
/// own); returns the case's id.
pub fn contest(
    journal: &UseJournal,
    bill: &Bill,
    lines: &[usize],
    reason: Option<&str>,
    lang: Lang,
) -> u32 {
    let disputed: Vec<DisputedLine> = lines
        .iter()
        .filter_map(|&i| bill.lines.get(i))
        .filter(|line| !line.amount.is_sign_negative())
        .map(|line| DisputedLine {
            invoice_number: bill.invoice_number.clone(),
            bill_date: bill.issue_date,
            label: line.label.clone(),
            amount: line.amount,
            reason: reason.unwrap_or_else(|| reason_of(line.category)).into(),
        })
        .collect();
    let existing = journal.journal().cases.iter().find(|c| {
        c.status == CaseStatus::Open
            && c.operator == bill.operator
            && c.lines
                .iter()
                .any(|l| l.invoice_number == bill.invoice_number)
    });
    if let Some(case) = existing {
        let id = case.id;
        for line in disputed {
            journal.apply(Action::AddLine { case: id, line });
        }
        return id;
    }
    let first = disputed
        .first()
        .map(|l| l.label.clone())
        .unwrap_or_default();
    let title = i18n::case_title(&first, bill.invoice_number.as_deref(), lang);
    journal.apply(Action::OpenCase(NewCase {
        title,
        operator: bill.operator,
        line_number: bill.line_numbers.first().cloned(),
        customer_id: bill.customer_id.clone(),
        opened_on: clock::today(),
        lines: disputed,
        paid_on: bill.due_date,
    }))
}
