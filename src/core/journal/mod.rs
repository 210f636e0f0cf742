//! The dispute journal: cases, their exchanges, where each stands on the ladder, and what
//! to do next.
//!
//! Pure: changes are [`Action`]s applied by [`Journal::apply`]; dates come from the caller
//! (the core has no clock). The app wraps `apply` in a five-line `Reducible` adapter and
//! saves the result as an effect.

pub mod advice;
pub mod case;
pub mod deadlines;
pub mod ladder;
pub mod letters;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::core::bill::Operator;
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
    /// When the oldest disputed amount was paid, when known.
    pub paid_on: Option<NaiveDate>,
}

/// A change to the journal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Opens a case; it gets the journal's next id.
    OpenCase(NewCase),
    /// Replaces a case's own fields (title, operator, amounts, dates), keeping its events.
    EditCase(Case),
    /// Removes a case and its events.
    RemoveCase {
        /// The case.
        case: u32,
    },
    /// Records an exchange; it gets the journal's next id.
    AddEvent {
        /// The case.
        case: u32,
        /// The exchange (its `id` is ignored).
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
    /// Adds a disputed line to a case, unless the same line is already there.
    AddLine {
        /// The case.
        case: u32,
        /// The line.
        line: DisputedLine,
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

    fn mint(&mut self) -> u32 {
        self.next_id = self.next_id.max(1);
        let id = self.next_id;
        self.next_id += 1;
        id
    }

    /// Applies one change. On error the journal is left exactly as it was. Returns the id
    /// of the case or event created, if any.
    pub fn apply(&mut self, action: Action) -> Result<Option<u32>, JournalError> {
        match action {
            Action::OpenCase(new) => {
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
                let id = self.mint();
                let disputed = new.lines.iter().map(|l| l.amount).sum();
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
                let id = self.mint();
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
            Action::AddLine { case, line } => {
                if line.amount.is_sign_negative() && !line.amount.is_zero() {
                    return Err(JournalError::NegativeAmount);
                }
                let case = self.case_mut(case)?;
                let same = |l: &DisputedLine| {
                    l.invoice_number == line.invoice_number
                        && l.label == line.label
                        && l.amount == line.amount
                };
                if !case.lines.iter().any(same) {
                    case.disputed += line.amount;
                    case.lines.push(line);
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
        }
    }

    /// A case opened on 5 January 2026 with the given exchanges.
    pub(crate) fn case_with(events: Vec<Event>) -> Case {
        let mut journal = Journal::default();
        let id = journal
            .apply(Action::OpenCase(new_case("2026-01-05")))
            .unwrap()
            .unwrap();
        for event in events {
            journal.apply(Action::AddEvent { case: id, event }).unwrap();
        }
        journal.case(id).unwrap().clone()
    }

    pub(crate) fn new_case(opened: &str) -> NewCase {
        NewCase {
            title: "Option Sécurité jamais demandée".into(),
            operator: Some(Operator::Orange),
            line_number: Some("06 12 34 56 78".into()),
            customer_id: None,
            opened_on: day(opened),
            lines: vec![
                DisputedLine {
                    invoice_number: Some("FM2611-0048213957".into()),
                    bill_date: Some(day("2026-11-03")),
                    label: "Option Sécurité Mobile".into(),
                    amount: Decimal::from_str("3.00").unwrap(),
                    reason: "unrequested_option".into(),
                },
                DisputedLine {
                    invoice_number: Some("FM2611-0048213957".into()),
                    bill_date: Some(day("2026-11-03")),
                    label: "Appels vers numéros spéciaux 08 9x".into(),
                    amount: Decimal::from_str("3.36").unwrap(),
                    reason: "premium_number".into(),
                },
            ],
            paid_on: Some(day("2026-11-18")),
        }
    }

    #[test]
    fn opening_a_case_sums_its_lines_and_ids_are_never_reused() {
        let mut journal = Journal::default();
        let first = journal
            .apply(Action::OpenCase(new_case("2026-11-26")))
            .unwrap()
            .unwrap();
        assert_eq!(
            journal.case(first).unwrap().disputed,
            Decimal::from_str("6.36").unwrap()
        );
        let e = journal
            .apply(Action::AddEvent {
                case: first,
                event: event(
                    "2026-11-26",
                    Stage::CustomerService,
                    Channel::Phone,
                    Answer::Awaited,
                ),
            })
            .unwrap()
            .unwrap();
        assert_ne!(e, first);
        journal.apply(Action::RemoveCase { case: first }).unwrap();
        let second = journal
            .apply(Action::OpenCase(new_case("2026-11-27")))
            .unwrap()
            .unwrap();
        assert!(second > e, "ids are never reused: {second} after {e}");
    }

    #[test]
    fn a_failed_action_leaves_the_journal_untouched() {
        let mut journal = Journal::default();
        let id = journal
            .apply(Action::OpenCase(new_case("2026-11-26")))
            .unwrap()
            .unwrap();
        let before = journal.clone();
        let cases = [
            Action::RemoveCase { case: 99 },
            Action::RemoveEvent {
                case: id,
                event: 42,
            },
            Action::AddEvent {
                case: 99,
                event: event(
                    "2026-11-26",
                    Stage::CustomerService,
                    Channel::Phone,
                    Answer::Awaited,
                ),
            },
            Action::SetStatus {
                case: id,
                status: CaseStatus::Won,
                recovered: Decimal::NEGATIVE_ONE,
            },
            Action::OpenCase(NewCase {
                title: "  ".into(),
                ..new_case("2026-11-26")
            }),
        ];
        for action in cases {
            assert!(journal.apply(action.clone()).is_err(), "{action:?}");
            assert_eq!(journal, before, "{action:?}");
        }
    }

    #[test]
    fn a_line_is_added_once_and_counted_in_the_amount_disputed() {
        let mut journal = Journal::default();
        let id = journal
            .apply(Action::OpenCase(new_case("2026-11-26")))
            .unwrap()
            .unwrap();
        let line = DisputedLine {
            invoice_number: Some("FM2611-0048213957".into()),
            bill_date: None,
            label: "Internet+ GameZone Club".into(),
            amount: Decimal::from_str("3.00").unwrap(),
            reason: "third_party".into(),
        };
        for _ in 0..2 {
            journal
                .apply(Action::AddLine {
                    case: id,
                    line: line.clone(),
                })
                .unwrap();
        }
        let case = journal.case(id).unwrap();
        assert_eq!(case.lines.len(), 3);
        assert_eq!(case.disputed, Decimal::from_str("9.36").unwrap());
    }

    #[test]
    fn editing_a_case_keeps_its_events() {
        let mut journal = Journal::default();
        let id = journal
            .apply(Action::OpenCase(new_case("2026-11-26")))
            .unwrap()
            .unwrap();
        journal
            .apply(Action::AddEvent {
                case: id,
                event: event(
                    "2026-11-26",
                    Stage::CustomerService,
                    Channel::Phone,
                    Answer::Awaited,
                ),
            })
            .unwrap();
        let mut edited = journal.case(id).unwrap().clone();
        edited.title = "Option et appels surtaxés".into();
        edited.events.clear();
        journal.apply(Action::EditCase(edited)).unwrap();
        let case = journal.case(id).unwrap();
        assert_eq!(case.title, "Option et appels surtaxés");
        assert_eq!(case.events.len(), 1);
    }

    #[test]
    fn the_journal_round_trips_through_json() {
        let mut journal = Journal::default();
        let id = journal
            .apply(Action::OpenCase(new_case("2026-11-26")))
            .unwrap()
            .unwrap();
        let mut letter = event(
            "2026-11-27",
            Stage::WrittenComplaint,
            Channel::RegisteredLetter,
            Answer::Awaited,
        );
        letter.reference = "1A 234 567 8901 2".into();
        letter.answer_by = Some(day("2026-12-27"));
        journal
            .apply(Action::AddEvent {
                case: id,
                event: letter,
            })
            .unwrap();
        let json = serde_json::to_string(&journal).unwrap();
        assert_eq!(serde_json::from_str::<Journal>(&json).unwrap(), journal);
    }
}
