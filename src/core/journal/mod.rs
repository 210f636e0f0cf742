//! The dispute journal: cases, their exchanges, where each stands on the ladder, and what
//! to do next.
//!
//! Pure: changes are [`Action`]s applied by [`Journal::apply`]; dates come from the caller
//! (the core has no clock). The app wraps `apply` in a five-line `Reducible` adapter and
//! saves the result as an effect.
//!
//! Ids are minted here, never guessed elsewhere: [`Journal::open_case`],
//! [`Journal::add_event`] and [`Journal::contest`] return the id they give together with
//! the action that creates it, and `apply` refuses an action whose id is no longer fresh
//! (another change got there first), so the id a caller holds is the one the journal has.

pub mod advice;
pub mod calendar;
pub mod case;
pub mod deadlines;
pub mod dossier;
pub mod help;
pub mod ladder;
pub mod letters;
pub mod migrate;

use crate::core::money::Amount as _;
use crate::core::money::AmountsSum as _;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::core::bill::{Bill, Category, Operator};
use crate::core::finding::RuleId;
use crate::core::i18n::{self, Lang};
use case::{Case, CaseStatus, DisputedLine, Event};

/// Every case the person keeps.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Journal {
    /// The cases, in the order they were opened.
    pub cases: Vec<Case>,
    /// The next id to give a case or an event; never reused, even after a removal.
    pub next_id: u32,
    /// The person's details, as they appear on their letters.
    #[serde(default)]
    pub sender: letters::Sender,
}

/// What a case is opened with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewCase {
    /// A short title.
    pub title: String,
    /// The operator.
    pub operator: Option<Operator>,
    /// The line or box.
    pub line_number: Option<String>,
    /// The customer number.
    pub customer_id: Option<String>,
    /// When it is opened.
    pub opened_on: NaiveDate,
    /// The lines disputed (from findings, or typed by the person).
    pub lines: Vec<DisputedLine>,
    /// When the disputed amounts were paid, when known and not said per line.
    pub paid_on: Option<NaiveDate>,
    /// The day the contract was made, when the plan of the line says it: not asked again.
    pub contract_start: Option<NaiveDate>,
}

/// A change to the journal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Opens a case under the id [`Journal::open_case`] minted for it.
    OpenCase {
        /// The new case's id.
        id: u32,
        /// What it is opened with.
        case: NewCase,
    },
    /// Replaces a case's own fields (title, operator, amounts, dates), keeping its events.
    EditCase(Case),
    /// Removes a case and its events.
    RemoveCase {
        /// The case.
        case: u32,
    },
    /// Records an exchange under the id [`Journal::add_event`] minted for it.
    AddEvent {
        /// The case.
        case: u32,
        /// The exchange, with its new id.
        event: Event,
    },
    /// Replaces an exchange, found by its id.
    EditEvent {
        /// The case.
        case: u32,
        /// The exchange as it should now read.
        event: Event,
    },
    /// Removes an exchange.
    RemoveEvent {
        /// The case.
        case: u32,
        /// The exchange.
        event: u32,
    },
    /// Closes or reopens a case.
    SetStatus {
        /// The case.
        case: u32,
        /// Its new status.
        status: CaseStatus,
        /// The amount obtained back.
        recovered: Decimal,
    },
    /// Sets the person's details used on letters.
    SetSender(letters::Sender),
    /// Adds disputed lines to a case, each unless the same line is already there.
    AddLines {
        /// The case.
        case: u32,
        /// The lines.
        lines: Vec<DisputedLine>,
    },
    /// Replaces the whole journal (an import the person confirmed).
    Replace(Journal),
}

/// Why an action could not be applied.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JournalError {
    /// No case has this id.
    NoSuchCase(u32),
    /// No event has this id in the case.
    NoSuchEvent(u32),
    /// An amount is negative.
    NegativeAmount,
    /// The title is empty.
    EmptyTitle,
    /// The id was minted before another change took it.
    StaleId(u32),
}

/// The reason recorded for a bill line disputed by hand, from what the line is: it
/// chooses the demands the letters make.
pub fn reason_of(category: Category) -> Option<RuleId> {
    match category {
        Category::Premium => Some(RuleId::PremiumNumber),
        Category::ThirdParty => Some(RuleId::ThirdParty),
        Category::OneOffFee => Some(RuleId::OneOffFee),
        Category::OutOfPlan => Some(RuleId::OutOfPlan),
        Category::Option => Some(RuleId::UnrequestedOption),
        Category::Subscription => Some(RuleId::PriceAbovePlan),
        _ => None,
    }
}

/// Whether a disputed line comes from this bill: the same invoice number when the bill has
/// one; without one, the same issue date; a bill with neither is never "the same" as
/// anything (two such bills must not merge into one case).
fn from_bill(line: &DisputedLine, bill: &Bill) -> bool {
    match (&bill.invoice_number, bill.issue_date) {
        (Some(number), _) => line.invoice_number.as_ref() == Some(number),
        (None, Some(date)) => line.invoice_number.is_none() && line.bill_date == Some(date),
        (None, None) => false,
    }
}

impl Journal {
    /// The case with this id.
    pub fn case(&self, id: u32) -> Option<&Case> {
        self.cases.iter().find(|c| c.id == id)
    }

    fn case_mut(&mut self, id: u32) -> Result<&mut Case, JournalError> {
        self.cases
            .iter_mut()
            .find(|c| c.id == id)
            .ok_or(JournalError::NoSuchCase(id))
    }

    /// The id the next created case or event gets.
    pub fn fresh_id(&self) -> u32 {
        self.next_id.max(1)
    }

    /// Takes `id` if it is still fresh.
    fn take(&mut self, id: u32) -> Result<u32, JournalError> {
        if id < self.fresh_id() {
            return Err(JournalError::StaleId(id));
        }
        self.next_id = id + 1;
        Ok(id)
    }

    /// Opening a case: its id, and the action that opens it.
    pub fn open_case(&self, case: NewCase) -> (u32, Action) {
        let id = self.fresh_id();
        (id, Action::OpenCase { id, case })
    }

    /// Recording an exchange: its id, and the action that records it.
    pub fn add_event(&self, case: u32, event: Event) -> (u32, Action) {
        let id = self.fresh_id();
        (
            id,
            Action::AddEvent {
                case,
                event: Event { id, ..event },
            },
        )
    }

    /// The open case a line of this bill joins: one with the same operator that already
    /// disputes a line of the same bill.
    pub fn case_for_bill(&self, bill: &Bill) -> Option<u32> {
        self.cases
            .iter()
            .find(|c| {
                c.status == CaseStatus::Open
                    && c.operator == bill.operator
                    && c.lines.iter().any(|l| from_bill(l, bill))
            })
            .map(|c| c.id)
    }

    /// Disputing lines of a bill (indexes into its `lines`) for `reason` (a rule, or `None`
    /// for what each line is): they join the open case of the same bill, or open a new one
    /// titled after the first line. Returns the case's id and the action, or `None` when no
    /// line can be disputed (a credit is not).
    pub fn contest(
        &self,
        bill: &Bill,
        lines: &[usize],
        reason: Option<RuleId>,
        today: NaiveDate,
        lang: Lang,
    ) -> Option<(u32, Action)> {
        let disputed: Vec<DisputedLine> = lines
            .iter()
            .filter_map(|&i| bill.lines.get(i))
            .filter(|line| !line.amount.is_sign_negative())
            .map(|line| DisputedLine {
                invoice_number: bill.invoice_number.clone(),
                bill_date: bill.issue_date,
                label: line.label.clone(),
                amount: line.amount,
                reason: reason.or_else(|| reason_of(line.category)),
                paid_on: bill.due_date,
                due_on: None,
                claimed_on: None,
                note: String::new(),
                mandate: None,
            })
            .collect();
        let first = disputed.first()?.label.clone();
        if let Some(case) = self.case_for_bill(bill) {
            return Some((
                case,
                Action::AddLines {
                    case,
                    lines: disputed,
                },
            ));
        }
        let title = i18n::case_title(&first, bill.invoice_number.as_deref(), lang);
        Some(self.open_case(NewCase {
            title,
            operator: bill.operator,
            // The line of the first charge disputed: on a bill of two lines, the number
            // that charge is printed under.
            line_number: match crate::core::household::line_of(bill, lines.first().copied()) {
                Some(crate::core::household::LineName::Number(n)) => Some(n),
                _ => None,
            },
            customer_id: bill.customer_id.clone(),
            opened_on: today,
            lines: disputed,
            paid_on: None,
            contract_start: None,
        }))
    }

    /// Applies one change. On error the journal is left exactly as it was. Returns the id
    /// of the case or event created, if any.
    pub fn apply(&mut self, action: Action) -> Result<Option<u32>, JournalError> {
        match action {
            Action::OpenCase { id, case: new } => {
                if new.title.trim().is_empty() {
                    return Err(JournalError::EmptyTitle);
                }
                if new
                    .lines
                    .iter()
                    .any(|l| l.amount.is_sign_negative() && !l.amount.is_zero())
                {
                    return Err(JournalError::NegativeAmount);
                }
                let id = self.take(id)?;
                let disputed = new.lines.iter().map(|l| l.amount).amounts_sum();
                self.cases.push(Case {
                    id,
                    title: new.title.trim().to_string(),
                    operator: new.operator,
                    line_number: new.line_number,
                    customer_id: new.customer_id,
                    opened_on: new.opened_on,
                    status: CaseStatus::Open,
                    lines: new.lines,
                    disputed,
                    recovered: Decimal::ZERO,
                    paid_on: new.paid_on,
                    before_court: false,
                    contract_start: new.contract_start,
                    second_level: Default::default(),
                    complaint_channel: None,
                    complaint_address: String::new(),
                    direct_debit: false,
                    price_notice_on: None,
                    events: Vec::new(),
                });
                Ok(Some(id))
            }
            Action::EditCase(edited) => {
                if edited.title.trim().is_empty() {
                    return Err(JournalError::EmptyTitle);
                }
                if edited.disputed.is_sign_negative() || edited.recovered.is_sign_negative() {
                    return Err(JournalError::NegativeAmount);
                }
                let case = self.case_mut(edited.id)?;
                let events = std::mem::take(&mut case.events);
                *case = Case { events, ..edited };
                Ok(None)
            }
            Action::RemoveCase { case } => {
                self.case_mut(case)?;
                self.cases.retain(|c| c.id != case);
                Ok(None)
            }
            Action::AddEvent { case, event } => {
                self.case_mut(case)?;
                let id = self.take(event.id)?;
                self.case_mut(case)?.events.push(Event { id, ..event });
                Ok(Some(id))
            }
            Action::EditEvent { case, event } => {
                let case = self.case_mut(case)?;
                let slot = case
                    .events
                    .iter_mut()
                    .find(|e| e.id == event.id)
                    .ok_or(JournalError::NoSuchEvent(event.id))?;
                *slot = event;
                Ok(None)
            }
            Action::RemoveEvent { case, event } => {
                let case = self.case_mut(case)?;
                let before = case.events.len();
                case.events.retain(|e| e.id != event);
                if case.events.len() == before {
                    return Err(JournalError::NoSuchEvent(event));
                }
                Ok(None)
            }
            Action::SetStatus {
                case,
                status,
                recovered,
            } => {
                if recovered.is_sign_negative() {
                    return Err(JournalError::NegativeAmount);
                }
                let case = self.case_mut(case)?;
                case.status = status;
                case.recovered = recovered;
                Ok(None)
            }
            Action::SetSender(sender) => {
                self.sender = sender;
                Ok(None)
            }
            Action::AddLines { case, lines } => {
                if lines
                    .iter()
                    .any(|l| l.amount.is_sign_negative() && !l.amount.is_zero())
                {
                    return Err(JournalError::NegativeAmount);
                }
                let case = self.case_mut(case)?;
                for line in lines {
                    if !case.lines.iter().any(|l| l.same_as(&line)) {
                        case.disputed = case.disputed.plus(line.amount);
                        case.lines.push(line);
                    }
                }
                Ok(None)
            }
            Action::Replace(journal) => {
                *self = journal;
                Ok(None)
            }
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::case::{Answer, Channel};
    use super::ladder::Stage;
    use super::*;
    use std::str::FromStr;

    pub(crate) fn day(s: &str) -> NaiveDate {
        NaiveDate::from_str(s).unwrap()
    }

    pub(crate) fn event(date: &str, stage: Stage, channel: Channel, answer: Answer) -> Event {
        Event {
            id: 0,
            date: day(date),
            stage,
            channel,
            counterpart: String::new(),
            reference: String::new(),
            said: String::new(),
            answer,
            answer_text: String::new(),
            answered_on: None,
            answer_by: None,
            follow_up: None,
            milestone: None,
            association: None,
            regulator: None,
        }
    }

    /// The written complaint to customer service, by registered letter.
    pub(crate) fn complaint(date: &str, answer: Answer) -> Event {
        event(
            date,
            Stage::WrittenComplaint,
            Channel::RegisteredLetter,
            answer,
        )
    }

    /// The second-level recourse to the service consommateurs, by e-mail.
    pub(crate) fn recourse(date: &str, answer: Answer) -> Event {
        event(date, Stage::ConsumerService, Channel::Email, answer)
    }

    /// A step before the Médiateur, through its web form.
    pub(crate) fn mediator(
        date: &str,
        milestone: Option<super::case::Milestone>,
        answer: Answer,
    ) -> Event {
        let mut e = event(date, Stage::Mediator, Channel::WebForm, answer);
        e.milestone = milestone;
        e
    }

    /// Opens a case through the journal's own intent method; returns its id.
    pub(crate) fn open(journal: &mut Journal, new: NewCase) -> u32 {
        let (id, action) = journal.open_case(new);
        assert_eq!(journal.apply(action), Ok(Some(id)));
        id
    }

    /// Records an exchange through the journal's own intent method; returns its id.
    pub(crate) fn record(journal: &mut Journal, case: u32, event: Event) -> u32 {
        let (id, action) = journal.add_event(case, event);
        assert_eq!(journal.apply(action), Ok(Some(id)));
        id
    }

    /// A case opened on 5 January 2026 with the given exchanges.
    pub(crate) fn case_with(events: Vec<Event>) -> Case {
        let mut journal = Journal::default();
        let id = open(&mut journal, new_case("2026-01-05"));
        for event in events {
            record(&mut journal, id, event);
        }
        journal.case(id).unwrap().clone()
    }

    pub(crate) fn disputed(label: &str, amount: &str, reason: Option<RuleId>) -> DisputedLine {
        DisputedLine {
            invoice_number: Some("FM2611-0048213957".into()),
            bill_date: Some(day("2026-11-03")),
            label: label.into(),
            amount: Decimal::from_str(amount).unwrap(),
            reason,
            paid_on: None,
            due_on: None,
            claimed_on: None,
            note: String::new(),
            mandate: None,
        }
    }

    #[test]
    fn a_case_is_as_recent_as_its_latest_exchange() {
        assert_eq!(case_with(vec![]).last_activity(), day("2026-01-05"));
        let case = case_with(vec![
            event(
                "2026-03-02",
                Stage::CustomerService,
                Channel::Phone,
                Answer::Awaited,
            ),
            event(
                "2026-02-01",
                Stage::CustomerService,
                Channel::Phone,
                Answer::Awaited,
            ),
        ]);
        assert_eq!(case.last_activity(), day("2026-03-02"));
    }

    pub(crate) fn new_case(opened: &str) -> NewCase {
        NewCase {
            title: "Option Sécurité jamais demandée".into(),
            operator: Some(Operator::Orange),
            line_number: Some("06 12 34 56 78".into()),
            customer_id: None,
            opened_on: day(opened),
            lines: vec![
                disputed(
                    "Option Sécurité Mobile",
                    "3.00",
                    Some(RuleId::UnrequestedOption),
                ),
                disputed(
                    "Appels vers numéros spéciaux 08 9x",
                    "3.36",
                    Some(RuleId::PremiumNumber),
                ),
            ],
            paid_on: Some(day("2026-11-18")),
            contract_start: None,
        }
    }

    #[test]
    fn opening_a_case_sums_its_lines_and_ids_are_never_reused() {
        let mut journal = Journal::default();
        let first = open(&mut journal, new_case("2026-11-26"));
        assert_eq!(
            journal.case(first).unwrap().disputed,
            Decimal::from_str("6.36").unwrap()
        );
        let e = record(
            &mut journal,
            first,
            event(
                "2026-11-26",
                Stage::CustomerService,
                Channel::Phone,
                Answer::Awaited,
            ),
        );
        assert_ne!(e, first);
        journal.apply(Action::RemoveCase { case: first }).unwrap();
        let second = open(&mut journal, new_case("2026-11-27"));
        assert!(second > e, "ids are never reused: {second} after {e}");
    }

    #[test]
    fn the_id_returned_is_the_id_given_or_the_change_is_refused() {
        let mut journal = Journal::default();
        // Two intents minted from the same state: the first takes the id, the second is
        // refused rather than landing under an id its caller does not know.
        let (a, first) = journal.open_case(new_case("2026-11-26"));
        let (b, second) = journal.open_case(new_case("2026-11-26"));
        assert_eq!(a, b);
        assert_eq!(journal.apply(first), Ok(Some(a)));
        let before = journal.clone();
        assert_eq!(journal.apply(second), Err(JournalError::StaleId(b)));
        assert_eq!(journal, before);
        let (e, add) = journal.add_event(
            a,
            event(
                "2026-11-26",
                Stage::CustomerService,
                Channel::Phone,
                Answer::Awaited,
            ),
        );
        assert_eq!(journal.apply(add), Ok(Some(e)));
        assert_eq!(journal.case(a).unwrap().events[0].id, e);
    }

    #[test]
    fn a_failed_action_leaves_the_journal_untouched() {
        let mut journal = Journal::default();
        let id = open(&mut journal, new_case("2026-11-26"));
        let before = journal.clone();
        let (_, to_nowhere) = journal.add_event(
            99,
            event(
                "2026-11-26",
                Stage::CustomerService,
                Channel::Phone,
                Answer::Awaited,
            ),
        );
        let (_, untitled) = journal.open_case(NewCase {
            title: "  ".into(),
            ..new_case("2026-11-26")
        });
        let cases = [
            Action::RemoveCase { case: 99 },
            Action::RemoveEvent {
                case: id,
                event: 42,
            },
            to_nowhere,
            Action::SetStatus {
                case: id,
                status: CaseStatus::Won,
                recovered: Decimal::NEGATIVE_ONE,
            },
            untitled,
        ];
        for action in cases {
            assert!(journal.apply(action.clone()).is_err(), "{action:?}");
            assert_eq!(journal, before, "{action:?}");
        }
    }

    #[test]
    fn a_line_is_added_once_and_counted_in_the_amount_disputed() {
        let mut journal = Journal::default();
        let id = open(&mut journal, new_case("2026-11-26"));
        let line = DisputedLine {
            bill_date: None,
            ..disputed("Internet+ GameZone Club", "3.00", Some(RuleId::ThirdParty))
        };
        for _ in 0..2 {
            journal
                .apply(Action::AddLines {
                    case: id,
                    lines: vec![line.clone()],
                })
                .unwrap();
        }
        let case = journal.case(id).unwrap();
        assert_eq!(case.lines.len(), 3);
        assert_eq!(case.disputed, Decimal::from_str("9.36").unwrap());
    }

    fn bill(invoice: Option<&str>, issued: Option<&str>, labels: &[(&str, &str)]) -> Bill {
        use crate::core::rules::testing;
        let mut bill = testing::bill(
            labels
                .iter()
                .map(|(label, amount)| testing::line(label, amount, Category::Option))
                .collect(),
        );
        bill.operator = Some(Operator::Free);
        bill.invoice_number = invoice.map(str::to_string);
        bill.issue_date = issued.map(day);
        bill.due_date = issued.and_then(|d| day(d).checked_add_days(chrono::Days::new(15)));
        bill
    }

    fn contest(journal: &mut Journal, bill: &Bill, lines: &[usize]) -> u32 {
        let (id, action) = journal
            .contest(bill, lines, None, day("2026-11-30"), Lang::Fr)
            .expect("a line to dispute");
        journal.apply(action).unwrap();
        id
    }

    #[test]
    fn a_contested_line_joins_the_open_case_of_the_same_bill_only() {
        let mut journal = Journal::default();
        let october = bill(
            Some("F-10"),
            Some("2026-10-02"),
            &[("Option A", "3.00"), ("Option B", "2.00")],
        );
        let november = bill(Some("F-11"), Some("2026-11-02"), &[("Option A", "3.00")]);
        let a = contest(&mut journal, &october, &[0]);
        assert_eq!(
            contest(&mut journal, &october, &[1]),
            a,
            "same invoice: same case"
        );
        let case = journal.case(a).unwrap();
        assert_eq!(case.lines.len(), 2);
        assert_eq!(
            case.lines[0].reason,
            Some(RuleId::UnrequestedOption),
            "from the category"
        );
        assert_eq!(
            case.lines[0].paid_on,
            Some(day("2026-10-17")),
            "the due date"
        );
        assert_eq!(case.title, "Option A — facture F-10");
        assert_ne!(
            contest(&mut journal, &november, &[0]),
            a,
            "another invoice: another case"
        );

        // Two bills without an invoice number are not one bill: they used to merge.
        let undated_a = bill(None, None, &[("Option C", "1.00")]);
        let undated_b = bill(None, None, &[("Option D", "1.00")]);
        let c = contest(&mut journal, &undated_a, &[0]);
        let d = contest(&mut journal, &undated_b, &[0]);
        assert_ne!(c, d);
        // Without a number but with a date, the same date is the same bill.
        let dated = bill(
            None,
            Some("2026-09-02"),
            &[("Option E", "1.00"), ("Option F", "1.00")],
        );
        let e = contest(&mut journal, &dated, &[0]);
        assert_eq!(contest(&mut journal, &dated, &[1]), e);
        // A closed case takes no more lines.
        journal
            .apply(Action::SetStatus {
                case: e,
                status: CaseStatus::Won,
                recovered: Decimal::ZERO,
            })
            .unwrap();
        assert_ne!(contest(&mut journal, &dated, &[1]), e);
        // A credit alone gives nothing to dispute.
        let credit = bill(Some("F-12"), None, &[("Remise", "-2.00")]);
        assert!(journal
            .contest(&credit, &[0], None, day("2026-11-30"), Lang::Fr)
            .is_none());
    }

    #[test]
    fn editing_a_case_keeps_its_events() {
        let mut journal = Journal::default();
        let id = open(&mut journal, new_case("2026-11-26"));
        record(
            &mut journal,
            id,
            event(
                "2026-11-26",
                Stage::CustomerService,
                Channel::Phone,
                Answer::Awaited,
            ),
        );
        let mut edited = journal.case(id).unwrap().clone();
        edited.title = "Option et appels spéciaux".into();
        edited.events.clear();
        journal.apply(Action::EditCase(edited)).unwrap();
        let case = journal.case(id).unwrap();
        assert_eq!(case.title, "Option et appels spéciaux");
        assert_eq!(case.events.len(), 1);
    }

    #[test]
    fn the_journal_round_trips_through_json() {
        let mut journal = Journal::default();
        let id = open(&mut journal, new_case("2026-11-26"));
        let mut letter = event(
            "2026-11-27",
            Stage::WrittenComplaint,
            Channel::RegisteredLetter,
            Answer::Awaited,
        );
        letter.reference = "1A 234 567 8901 2".into();
        letter.answer_by = Some(day("2026-12-27"));
        record(&mut journal, id, letter);
        let json = serde_json::to_string(&journal).unwrap();
        assert_eq!(serde_json::from_str::<Journal>(&json).unwrap(), journal);
    }
}
