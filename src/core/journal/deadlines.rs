//! The dates that matter in a dispute, computed from its exchanges.
//!
//! Sources (`shared/DOMAIN.md`): the Médiateur needs a prior written complaint and may be
//! seized once the operator has answered unsatisfactorily (one month on) or has not
//! answered within two months (service-public.fr); not more than one year after the
//! written complaint (Code de la consommation L612-2); inadmissibility is notified within
//! three weeks and the opinion is due within 90 days (R612-5); a payment may be claimed
//! back within one year (CPCE L34-2).

use chrono::{Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::case::{Answer, Case, CaseStatus};
use crate::core::i18n::{format_date, Lang};

/// Within this many days, a deadline is shown as close.
pub const SOON_DAYS: i64 = 14;

/// What a date is the deadline of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineKind {
    /// The operator's answer asked for by a given date.
    AnswerDue,
    /// A follow-up the operator promised.
    FollowUp,
    /// From this day the Médiateur may be seized.
    MediatorOpens,
    /// After this day the Médiateur may no longer be seized (L612-2).
    MediatorCloses,
    /// The Médiateur says within three weeks whether it takes the file.
    MediatorAdmissibility,
    /// The Médiateur's opinion is due (90 days, R612-5).
    MediatorOpinion,
    /// The last day to claim back what was paid (one year, CPCE L34-2).
    RefundWindowCloses,
}

/// Where a deadline stands on a given day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "state", content = "days")]
pub enum DeadlineState {
    /// More than [`SOON_DAYS`] away.
    Later(i64),
    /// Within [`SOON_DAYS`] (0 = today).
    Soon(i64),
    /// Past, by this many days.
    Past(i64),
}

/// A dated deadline of a case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadline {
    /// What it is.
    pub kind: DeadlineKind,
    /// The day.
    pub date: NaiveDate,
    /// Where it stands today.
    pub state: DeadlineState,
    /// The event it comes from, if any.
    pub event: Option<u32>,
}

impl Deadline {
    fn new(kind: DeadlineKind, date: NaiveDate, today: NaiveDate, event: Option<u32>) -> Deadline {
        let days = (date - today).num_days();
        let state = if days < 0 {
            DeadlineState::Past(-days)
        } else if days <= SOON_DAYS {
            DeadlineState::Soon(days)
        } else {
            DeadlineState::Later(days)
        };
        Deadline {
            kind,
            date,
            state,
            event,
        }
    }

    /// A sentence for a person.
    pub fn describe(&self, lang: Lang) -> String {
        let date = format_date(self.date, lang);
        let (fr, en) = match self.kind {
            DeadlineKind::AnswerDue => ("Réponse attendue au plus tard le", "Answer due by"),
            DeadlineKind::FollowUp => ("Suite promise pour le", "Follow-up promised for"),
            DeadlineKind::MediatorOpens => ("Médiateur saisissable à partir du", "Ombudsman can be referred to from"),
            DeadlineKind::MediatorCloses => (
                "Dernier jour pour saisir le Médiateur (1 an après la réclamation écrite) :",
                "Last day to refer to the ombudsman (1 year after the written complaint):",
            ),
            DeadlineKind::MediatorAdmissibility => (
                "Le Médiateur doit dire s'il prend le dossier avant le",
                "The ombudsman must say whether it takes the file by",
            ),
            DeadlineKind::MediatorOpinion => ("Avis du Médiateur attendu avant le", "Ombudsman's opinion due by"),
            DeadlineKind::RefundWindowCloses => (
                "Dernier jour pour réclamer le remboursement (1 an après le paiement, art. L34-2 CPCE) :",
                "Last day to claim a refund (1 year after payment, CPCE L34-2):",
            ),
        };
        format!("{} {date}", lang.pick(fr, en))
    }
}

/// Adds calendar months, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb).
pub fn add_months(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_add_months(Months::new(months)).unwrap_or(date)
}

fn add_days(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_add_days(Days::new(days)).unwrap_or(date)
}

/// The day the Médiateur may be seized from, if a written complaint was made: one month
/// after an unsatisfactory written answer, or two months after the complaint without a
/// satisfactory one, whichever comes first.
pub fn mediator_opens(case: &Case) -> Option<NaiveDate> {
    let complaint = case.written_complaint()?;
    let no_answer = add_months(complaint.date, 2);
    let after_refusal = case
        .timeline()
        .into_iter()
        .filter(|e| {
            e.date >= complaint.date && matches!(e.answer, Answer::Unsatisfactory | Answer::Partial)
        })
        .map(|e| add_months(e.answered_on.unwrap_or(e.date), 1))
        .min();
    Some(after_refusal.map_or(no_answer, |d| d.min(no_answer)))
}

/// The last day the Médiateur may be seized: one year after the written complaint.
pub fn mediator_closes(case: &Case) -> Option<NaiveDate> {
    case.written_complaint().map(|c| add_months(c.date, 12))
}

/// Every deadline of a case on `today`, by date. A closed case has none.
pub fn deadlines(case: &Case, today: NaiveDate) -> Vec<Deadline> {
    if case.status != CaseStatus::Open {
        return Vec::new();
    }
    let mut out = Vec::new();
    for event in &case.events {
        if event.answer == Answer::Awaited {
            if let Some(by) = event.answer_by {
                out.push(Deadline::new(
                    DeadlineKind::AnswerDue,
                    by,
                    today,
                    Some(event.id),
                ));
            }
        }
        if let Some(follow_up) = event.follow_up {
            out.push(Deadline::new(
                DeadlineKind::FollowUp,
                follow_up,
                today,
                Some(event.id),
            ));
        }
    }
    match case.mediator_referral() {
        None => {
            if let (Some(opens), Some(closes)) = (mediator_opens(case), mediator_closes(case)) {
                if !case.settled() {
                    out.push(Deadline::new(
                        DeadlineKind::MediatorOpens,
                        opens,
                        today,
                        None,
                    ));
                    out.push(Deadline::new(
                        DeadlineKind::MediatorCloses,
                        closes,
                        today,
                        None,
                    ));
                }
            }
        }
        Some(referral) => {
            if referral.answer == Answer::Awaited {
                let admissibility = add_days(referral.date, 21);
                if admissibility >= today {
                    out.push(Deadline::new(
                        DeadlineKind::MediatorAdmissibility,
                        admissibility,
                        today,
                        Some(referral.id),
                    ));
                }
                out.push(Deadline::new(
                    DeadlineKind::MediatorOpinion,
                    add_days(referral.date, 90),
                    today,
                    Some(referral.id),
                ));
            }
        }
    }
    if let Some(paid) = case.paid_on {
        if !case.settled() {
            out.push(Deadline::new(
                DeadlineKind::RefundWindowCloses,
                add_months(paid, 12),
                today,
                None,
            ));
        }
    }
    out.sort_by_key(|d| d.date);
    out
}

#[cfg(test)]
mod tests {
    use super::super::case::{Answer, Channel};
    use super::super::ladder::Stage;
    use super::super::tests::{case_with, day, event};
    use super::*;

    fn find(deadlines: &[Deadline], kind: DeadlineKind) -> Option<&Deadline> {
        deadlines.iter().find(|d| d.kind == kind)
    }

    #[test]
    fn no_written_complaint_no_mediator_dates() {
        let case = case_with(vec![
            event(
                "2026-01-05",
                Stage::CustomerService,
                Channel::Phone,
                Answer::Unsatisfactory,
            ),
            // A chat is kept, but is not relied upon as the written complaint.
            event(
                "2026-01-06",
                Stage::WrittenComplaint,
                Channel::Chat,
                Answer::Awaited,
            ),
        ]);
        assert_eq!(mediator_opens(&case), None);
        let all = deadlines(&case, day("2026-02-01"));
        assert!(find(&all, DeadlineKind::MediatorOpens).is_none(), "{all:?}");
        assert!(find(&all, DeadlineKind::RefundWindowCloses).is_some());
    }

    #[test]
    fn without_an_answer_the_mediator_opens_two_months_after_the_written_complaint() {
        let case = case_with(vec![event(
            "2026-01-31",
            Stage::WrittenComplaint,
            Channel::RegisteredLetter,
            Answer::Awaited,
        )]);
        // 31 January + 2 months: the last day of March.
        assert_eq!(mediator_opens(&case), Some(day("2026-03-31")));
        assert_eq!(mediator_closes(&case), Some(day("2027-01-31")));
        let cases = [
            ("2026-03-16", DeadlineState::Later(15)),
            ("2026-03-17", DeadlineState::Soon(14)),
            ("2026-03-31", DeadlineState::Soon(0)),
            ("2026-04-01", DeadlineState::Past(1)),
        ];
        for (today, state) in cases {
            let all = deadlines(&case, day(today));
            assert_eq!(
                find(&all, DeadlineKind::MediatorOpens).unwrap().state,
                state,
                "{today}"
            );
        }
    }

    #[test]
    fn an_unsatisfactory_answer_opens_the_mediator_one_month_later() {
        let mut answer = event(
            "2026-02-01",
            Stage::WrittenComplaint,
            Channel::Email,
            Answer::Unsatisfactory,
        );
        answer.answered_on = Some(day("2026-02-10"));
        let case = case_with(vec![answer]);
        assert_eq!(mediator_opens(&case), Some(day("2026-03-10")));
        // A refusal late in the two months does not push the date beyond them.
        let mut late = event(
            "2026-02-01",
            Stage::WrittenComplaint,
            Channel::Email,
            Answer::Unsatisfactory,
        );
        late.answered_on = Some(day("2026-03-20"));
        assert_eq!(
            mediator_opens(&case_with(vec![late])),
            Some(day("2026-04-01"))
        );
    }

    #[test]
    fn the_mediator_window_closes_one_year_after_the_written_complaint() {
        let case = case_with(vec![event(
            "2025-11-20",
            Stage::WrittenComplaint,
            Channel::Letter,
            Answer::Awaited,
        )]);
        let all = deadlines(&case, day("2026-11-20"));
        assert_eq!(
            find(&all, DeadlineKind::MediatorCloses).unwrap().state,
            DeadlineState::Soon(0)
        );
        let all = deadlines(&case, day("2026-11-21"));
        assert_eq!(
            find(&all, DeadlineKind::MediatorCloses).unwrap().state,
            DeadlineState::Past(1)
        );
    }

    #[test]
    fn after_referral_the_opinion_is_due_within_ninety_days() {
        let case = case_with(vec![
            event(
                "2026-01-05",
                Stage::WrittenComplaint,
                Channel::Letter,
                Answer::Unsatisfactory,
            ),
            event(
                "2026-03-10",
                Stage::Mediator,
                Channel::WebForm,
                Answer::Awaited,
            ),
        ]);
        let all = deadlines(&case, day("2026-03-12"));
        assert_eq!(
            find(&all, DeadlineKind::MediatorOpinion).unwrap().date,
            day("2026-06-08")
        );
        assert_eq!(
            find(&all, DeadlineKind::MediatorAdmissibility)
                .unwrap()
                .date,
            day("2026-03-31")
        );
        assert!(find(&all, DeadlineKind::MediatorOpens).is_none());
        let later = deadlines(&case, day("2026-04-15"));
        assert!(find(&later, DeadlineKind::MediatorAdmissibility).is_none());
    }

    #[test]
    fn answer_deadlines_and_follow_ups_are_listed_until_answered() {
        let mut letter = event(
            "2026-01-05",
            Stage::WrittenComplaint,
            Channel::RegisteredLetter,
            Answer::Awaited,
        );
        letter.answer_by = Some(day("2026-02-05"));
        let mut call = event(
            "2026-01-04",
            Stage::CustomerService,
            Channel::Phone,
            Answer::Partial,
        );
        call.follow_up = Some(day("2026-01-20"));
        let case = case_with(vec![letter.clone(), call]);
        let all = deadlines(&case, day("2026-02-06"));
        assert_eq!(
            find(&all, DeadlineKind::AnswerDue).unwrap().state,
            DeadlineState::Past(1)
        );
        assert_eq!(
            find(&all, DeadlineKind::FollowUp).unwrap().date,
            day("2026-01-20")
        );
        let answered = case_with(vec![Event {
            answer: Answer::Unsatisfactory,
            ..letter
        }]);
        assert!(find(
            &deadlines(&answered, day("2026-02-06")),
            DeadlineKind::AnswerDue
        )
        .is_none());
    }

    #[test]
    fn a_closed_case_has_no_deadline() {
        let mut case = case_with(vec![event(
            "2026-01-05",
            Stage::WrittenComplaint,
            Channel::Letter,
            Answer::Awaited,
        )]);
        case.status = CaseStatus::Won;
        assert!(deadlines(&case, day("2026-02-01")).is_empty());
    }

    use super::super::case::Event;
}
