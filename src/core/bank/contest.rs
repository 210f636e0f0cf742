//! Contesting a debit: the journal's case it opens or joins, chosen here, not by the app.
//!
//! A contested debit joins the open case of its operator that already disputes debits
//! (one bank dispute per operator), else the open case of the bill it paid, else opens a
//! case. The case is marked as paid by direct debit, so the journal dates the bank's
//! deadlines from the debit (8 weeks for an authorised debit, CMF L133-25; 13 months for
//! one not authorised, L133-24) and offers the letter to the bank, with its warning that a
//! bank refund does not cancel the debt (`journal::letters`). Pure.

use chrono::NaiveDate;

use super::matching::{group, DebitFinding, DebitIssue};
use super::telecom::Debit;
use crate::core::bill::Bill;
use crate::core::dates::format_date;
use crate::core::finding::RuleId;
use crate::core::i18n::{self, Lang};
use crate::core::journal::case::{CaseStatus, DisputedLine};
use crate::core::journal::{Action, Journal, NewCase};

/// Whether a finding is something to claim back (not a bill unpaid, not a refund).
pub fn contestable(finding: &DebitFinding) -> bool {
    matches!(
        finding.issue,
        DebitIssue::DoubleDebit
            | DebitIssue::DebitDiffers
            | DebitIssue::DebitAfterTermination
            | DebitIssue::DebitWithoutBill
    ) && finding.amount > rust_decimal::Decimal::ZERO
}

/// The case a contested debit goes to and the actions that put it there, in order; `None`
/// when the finding is nothing to claim back.
pub fn contest(
    journal: &Journal,
    finding: &DebitFinding,
    debits: &[Debit],
    bills: &[Bill],
    today: NaiveDate,
    lang: Lang,
) -> Option<(u32, Vec<Action>)> {
    if !contestable(finding) {
        return None;
    }
    // The debit disputed: the second of a double debit, else the one.
    let debit = debits.get(*finding.debits.get(1).or(finding.debits.first())?)?;
    let bill = finding.bill.and_then(|b| bills.get(b));
    let line = DisputedLine {
        invoice_number: bill.and_then(|b| b.invoice_number.clone()),
        bill_date: bill.and_then(|b| b.issue_date),
        label: format!(
            "{} — {} {}",
            finding.issue.title(Lang::Fr),
            format_date(debit.date, Lang::Fr),
            debit.label.chars().take(80).collect::<String>()
        ),
        amount: finding.amount,
        reason: match finding.issue {
            DebitIssue::DoubleDebit => Some(RuleId::Duplicate),
            DebitIssue::DebitAfterTermination => Some(RuleId::BilledAfterTermination),
            _ => None,
        },
        paid_on: Some(debit.date),
        due_on: None,
        claimed_on: None,
        note: String::new(),
        mandate: debit.rum.clone(),
    };
    let open = |c: &&crate::core::journal::case::Case| {
        c.status == CaseStatus::Open
            && c.operator
                .is_some_and(|o| group(o) == group(debit.operator))
    };
    let joined = journal
        .cases
        .iter()
        .filter(open)
        .find(|c| c.direct_debit)
        .map(|c| c.id)
        .or_else(|| bill.and_then(|b| journal.case_for_bill(b)));
    if let Some(id) = joined {
        let mut actions = Vec::new();
        let case = journal.case(id)?;
        if !case.direct_debit {
            let mut marked = case.clone();
            marked.direct_debit = true;
            actions.push(Action::EditCase(marked));
        }
        actions.push(Action::AddLines {
            case: id,
            lines: vec![line],
        });
        return Some((id, actions));
    }
    let title = i18n::case_title(
        finding.issue.title(lang),
        bill.and_then(|b| b.invoice_number.as_deref()),
        lang,
    );
    let (id, open_case) = journal.open_case(NewCase {
        title,
        operator: bill.and_then(|b| b.operator).or(Some(debit.operator)),
        line_number: bill.and_then(|b| b.line_numbers.first().cloned()),
        customer_id: bill.and_then(|b| b.customer_id.clone()),
        opened_on: today,
        lines: vec![line],
        paid_on: Some(debit.date),
        contract_start: None,
    });
    let mut after = journal.clone();
    after.apply(open_case.clone()).ok()?;
    let mut marked = after.case(id)?.clone();
    marked.direct_debit = true;
    Some((id, vec![open_case, Action::EditCase(marked)]))
}

#[cfg(test)]
mod tests {
    use super::super::matching::match_debits;
    use super::super::telecom::Direction;
    use super::*;
    use crate::core::bill::{Operator, Period};
    use crate::core::journal::advice::advise;
    use crate::core::journal::advice::available;
    use crate::core::journal::deadlines::{deadlines, DeadlineKind};
    use crate::core::journal::letters::{write, LetterKind};

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn bills() -> Vec<Bill> {
        vec![Bill {
            operator: Some(Operator::FreeMobile),
            invoice_number: Some("FM-01".into()),
            issue_date: Some(day("2026-02-03")),
            due_date: Some(day("2026-02-18")),
            period: Some(Period {
                start: day("2026-01-01"),
                end: day("2026-01-31"),
            }),
            total: Some("19.99".parse().unwrap()),
            ..Bill::default()
        }]
    }

    fn debit(date: &str) -> Debit {
        Debit {
            date: day(date),
            amount: "19.99".parse().unwrap(),
            direction: Direction::Debit,
            operator: Operator::FreeMobile,
            label: "PRLV SEPA FREE MOBILE MDT/FM-42".into(),
            ics: None,
            rum: Some("FM-42".into()),
            tied: false,
        }
    }

    #[test]
    fn a_double_debit_opens_a_bank_case_with_its_deadlines_and_letter_then_joins_it() {
        let bills = bills();
        let debits = vec![debit("2026-02-18"), debit("2026-02-20")];
        let m = match_debits(
            &bills,
            &[],
            &debits,
            &[(day("2026-01-01"), day("2026-03-31"))],
            &[],
        );
        let finding = &m.findings[0];
        assert_eq!(finding.issue, DebitIssue::DoubleDebit);
        let mut journal = Journal::default();
        let today = day("2026-03-01");
        let (id, actions) = contest(&journal, finding, &debits, &bills, today, Lang::Fr).unwrap();
        for a in actions {
            journal.apply(a).unwrap();
        }
        let case = journal.case(id).unwrap().clone();
        assert!(case.direct_debit);
        assert_eq!(case.operator, Some(Operator::FreeMobile));
        assert_eq!(case.lines[0].paid_on, Some(day("2026-02-20")));
        assert_eq!(case.lines[0].reason, Some(RuleId::Duplicate));
        assert_eq!(case.lines[0].mandate.as_deref(), Some("FM-42"));
        assert_eq!(case.disputed.to_string(), "19.99");
        let kinds: Vec<DeadlineKind> = deadlines(&case, today).iter().map(|d| d.kind).collect();
        assert!(
            kinds.contains(&DeadlineKind::SepaAuthorisedCloses),
            "{kinds:?}"
        );
        assert!(kinds.contains(&DeadlineKind::SepaUnauthorisedCloses));
        let next = advise(&case, today).next;
        assert!(available(&case, &next, today).contains(&LetterKind::BankDebit));
        let letter = write(
            LetterKind::BankDebit,
            &case,
            &journal.sender,
            LetterKind::BankDebit.default_channel(&case),
            today,
        );
        assert!(
            letter
                .notes
                .iter()
                .any(|n| n.fr.contains("n'éteint pas la dette")),
            "{:?}",
            letter.notes
        );
        assert!(letter.text.contains("19,99"), "{}", letter.text);
        assert!(
            letter.text.contains("référence du mandat : FM-42"),
            "{}",
            letter.text
        );

        // Another debit of the operator joins the same case.
        let later = vec![
            debit("2026-02-18"),
            debit("2026-02-20"),
            Debit {
                amount: "7.00".parse().unwrap(),
                ..debit("2026-03-05")
            },
        ];
        let m = match_debits(
            &bills,
            &[],
            &later,
            &[(day("2026-01-01"), day("2026-03-31"))],
            &[],
        );
        let other = m
            .findings
            .iter()
            .find(|f| f.issue == DebitIssue::DebitWithoutBill)
            .unwrap();
        let (joined, actions) = contest(&journal, other, &later, &bills, today, Lang::Fr).unwrap();
        assert_eq!(joined, id);
        for a in actions {
            journal.apply(a).unwrap();
        }
        assert_eq!(journal.case(id).unwrap().lines.len(), 2);
        assert_eq!(journal.cases.len(), 1);
    }

    #[test]
    fn a_bill_not_debited_is_nothing_to_claim_back() {
        let bills = bills();
        let m = match_debits(
            &bills,
            &[],
            &[],
            &[(day("2026-01-01"), day("2026-03-31"))],
            &[],
        );
        assert_eq!(m.findings[0].issue, DebitIssue::BillNotDebited);
        assert!(contest(
            &Journal::default(),
            &m.findings[0],
            &[],
            &bills,
            day("2026-03-01"),
            Lang::Fr
        )
        .is_none());
    }
}
