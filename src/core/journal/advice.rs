//! What to do next in a case, and what would make the file inadmissible.
//!
//! The advice follows the ladder in order (customer service, written complaint, consumer
//! service, Médiateur, then associations, regulators and courts), with the dates of
//! [`super::deadlines`]. It informs; it is not legal advice.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::case::{Answer, Case, CaseStatus};
use super::deadlines::{add_months, mediator_closes, mediator_opens};
use super::ladder::Stage;
use crate::core::i18n::{format_date, Lang};

/// Within this many days of the refund window's end, the advice warns.
pub const REFUND_WARNING_DAYS: i64 = 60;

/// The next step of a case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum NextStep {
    /// Call or chat with customer service, and note the reference.
    ContactCustomerService,
    /// Send the written complaint (a letter, ideally registered, or an e-mail/form).
    SendWrittenComplaint,
    /// Wait for the operator's answer until this day.
    WaitForAnswer {
        /// The day after which to move on.
        until: NaiveDate,
    },
    /// Write to the consumer service (internal recourse).
    WriteToConsumerService,
    /// Refer the case to the Médiateur, before this day.
    ReferToMediator {
        /// The last day it may be done.
        before: NaiveDate,
    },
    /// Wait for the Médiateur's opinion until this day.
    WaitForMediator {
        /// The day the opinion is due.
        until: NaiveDate,
    },
    /// The Médiateur route is spent: association, SignalConso, conciliateur or court.
    GoBeyondMediator,
    /// The operator agreed: check the credit on the next bill, then close the case.
    CheckRefundAndClose,
    /// The case is closed.
    Closed,
}

/// Something that would make the file inadmissible or lose money, said before it happens.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "warning", rename_all = "snake_case")]
pub enum Warning {
    /// The Médiateur was seized with no written complaint on record.
    MediatorWithoutWrittenComplaint,
    /// The Médiateur was seized before its window opened.
    MediatorTooEarly,
    /// More than a year since the written complaint: the Médiateur can no longer take it.
    MediatorTooLate,
    /// The dispute is already before a court or another mediator.
    AlreadyBeforeCourt,
    /// The one-year refund window closes soon (or has closed).
    RefundWindowClosing {
        /// Its last day.
        on: NaiveDate,
    },
}

/// The advice for a case on a given day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Advice {
    /// What to do next.
    pub next: NextStep,
    /// The ladder stage the next step belongs to.
    pub stage: Option<Stage>,
    /// What to watch out for.
    pub warnings: Vec<Warning>,
}

/// The advice for `case` on `today`.
pub fn advise(case: &Case, today: NaiveDate) -> Advice {
    let mut warnings = Vec::new();
    if case.before_court {
        warnings.push(Warning::AlreadyBeforeCourt);
    }
    if let Some(paid) = case.paid_on {
        let closes = add_months(paid, 12);
        if (closes - today).num_days() <= REFUND_WARNING_DAYS && !case.settled() {
            warnings.push(Warning::RefundWindowClosing { on: closes });
        }
    }
    let referral = case.mediator_referral();
    if let Some(referral) = referral {
        match (mediator_opens(case), mediator_closes(case)) {
            (None, _) => warnings.push(Warning::MediatorWithoutWrittenComplaint),
            (Some(opens), _) if referral.date < opens => warnings.push(Warning::MediatorTooEarly),
            (_, Some(closes)) if referral.date > closes => warnings.push(Warning::MediatorTooLate),
            _ => {}
        }
    } else if let Some(closes) = mediator_closes(case) {
        if today > closes && !case.settled() {
            warnings.push(Warning::MediatorTooLate);
        }
    }

    let (next, stage) = if case.status != CaseStatus::Open {
        (NextStep::Closed, None)
    } else if case.settled() {
        (NextStep::CheckRefundAndClose, None)
    } else if let Some(referral) = referral {
        if referral.answer == Answer::Awaited {
            let until = referral.date + chrono::Days::new(90);
            (NextStep::WaitForMediator { until }, Some(Stage::Mediator))
        } else {
            (NextStep::GoBeyondMediator, Some(Stage::ConsumerAssociation))
        }
    } else if let Some(complaint) = case.written_complaint() {
        let opens = mediator_opens(case).unwrap_or(complaint.date);
        let closes = mediator_closes(case).unwrap_or(opens);
        let wrote_to_consumer_service = case
            .events
            .iter()
            .any(|e| e.stage == Stage::ConsumerService && e.channel.is_written());
        if today > closes {
            (NextStep::GoBeyondMediator, Some(Stage::ConsumerAssociation))
        } else if today >= opens {
            (
                NextStep::ReferToMediator { before: closes },
                Some(Stage::Mediator),
            )
        } else if !wrote_to_consumer_service && today >= add_months(complaint.date, 1) {
            (
                NextStep::WriteToConsumerService,
                Some(Stage::ConsumerService),
            )
        } else {
            (
                NextStep::WaitForAnswer { until: opens },
                Some(Stage::WrittenComplaint),
            )
        }
    } else if case
        // Spoken to the operator (or "complained" by phone): now it must be in writing.
        .events
        .iter()
        .any(|e| e.stage <= Stage::ConsumerService)
    {
        (
            NextStep::SendWrittenComplaint,
            Some(Stage::WrittenComplaint),
        )
    } else {
        (
            NextStep::ContactCustomerService,
            Some(Stage::CustomerService),
        )
    };
    Advice {
        next,
        stage,
        warnings,
    }
}

impl NextStep {
    /// What to do, said plainly.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            NextStep::ContactCustomerService => lang.pick(
                "Contactez le service client, factures en main : demandez l'explication de chaque ligne contestée et notez la référence de l'échange.",
                "Contact customer service with your bills at hand: ask for an explanation of each disputed line and note the reference of the exchange.",
            ).into(),
            NextStep::SendWrittenComplaint => lang.pick(
                "Envoyez une réclamation écrite (lettre recommandée de préférence, ou e-mail / formulaire) : sans elle, le Médiateur ne pourra pas être saisi.",
                "Send a written complaint (a registered letter ideally, or an e-mail / web form): without it, the ombudsman cannot be referred to.",
            ).into(),
            NextStep::WaitForAnswer { until } => match lang {
                Lang::Fr => format!("Attendez la réponse de l'opérateur. Sans réponse satisfaisante au {}, vous pourrez saisir le Médiateur.", format_date(*until, lang)),
                Lang::En => format!("Wait for the operator's answer. Without a satisfactory one by {}, you may refer to the ombudsman.", format_date(*until, lang)),
            },
            NextStep::WriteToConsumerService => lang.pick(
                "Un mois sans réponse satisfaisante : écrivez au service consommateurs (recours interne), en rappelant votre réclamation.",
                "A month without a satisfactory answer: write to the consumer service (internal recourse), recalling your complaint.",
            ).into(),
            NextStep::ReferToMediator { before } => match lang {
                Lang::Fr => format!("Vous pouvez saisir le Médiateur des communications électroniques (gratuit), au plus tard le {}.", format_date(*before, lang)),
                Lang::En => format!("You may refer the case to the electronic communications ombudsman (free), by {} at the latest.", format_date(*before, lang)),
            },
            NextStep::WaitForMediator { until } => match lang {
                Lang::Fr => format!("Le Médiateur a votre dossier : son avis est attendu avant le {}.", format_date(*until, lang)),
                Lang::En => format!("The ombudsman has your file: its opinion is due by {}.", format_date(*until, lang)),
            },
            NextStep::GoBeyondMediator => lang.pick(
                "Faites-vous aider par une association de consommateurs, signalez sur SignalConso, ou saisissez un conciliateur de justice (gratuit, préalable obligatoire au tribunal jusqu'à 5 000 €).",
                "Get help from a consumer association, report on SignalConso, or go to a conciliateur de justice (free, required before court for claims up to €5,000).",
            ).into(),
            NextStep::CheckRefundAndClose => lang.pick(
                "L'opérateur a accepté : vérifiez le remboursement sur la prochaine facture, puis clôturez le dossier.",
                "The operator agreed: check the refund on the next bill, then close the case.",
            ).into(),
            NextStep::Closed => lang.pick("Dossier clôturé.", "Case closed.").into(),
        }
    }
}

impl Warning {
    /// The warning, said plainly.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            Warning::MediatorWithoutWrittenComplaint => lang.pick(
                "Aucune réclamation écrite n'est enregistrée : le Médiateur déclarera le dossier irrecevable.",
                "No written complaint is on record: the ombudsman will find the file inadmissible.",
            ).into(),
            Warning::MediatorTooEarly => lang.pick(
                "Le Médiateur a été saisi avant la fin du délai laissé à l'opérateur : il peut déclarer le dossier irrecevable.",
                "The ombudsman was referred to before the operator's time was up: it may find the file inadmissible.",
            ).into(),
            Warning::MediatorTooLate => lang.pick(
                "Plus d'un an depuis la réclamation écrite : le Médiateur ne peut plus être saisi (art. L612-2 du Code de la consommation).",
                "More than a year since the written complaint: the ombudsman can no longer be referred to (Code de la consommation, L612-2).",
            ).into(),
            Warning::AlreadyBeforeCourt => lang.pick(
                "Le litige est déjà devant un tribunal ou un autre médiateur : le Médiateur ne peut pas le prendre.",
                "The dispute is already before a court or another mediator: the ombudsman cannot take it.",
            ).into(),
            Warning::RefundWindowClosing { on } => match lang {
                Lang::Fr => format!("Le droit de réclamer le remboursement s'éteint le {} (1 an après le paiement, art. L34-2 CPCE).", format_date(*on, lang)),
                Lang::En => format!("The right to claim a refund ends on {} (1 year after payment, CPCE L34-2).", format_date(*on, lang)),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::case::{Channel, Event};
    use super::super::tests::{case_with, day, event};
    use super::*;

    #[test]
    fn the_ladder_is_climbed_in_order() {
        let call = event(
            "2026-01-05",
            Stage::CustomerService,
            Channel::Phone,
            Answer::Unsatisfactory,
        );
        let letter = event(
            "2026-01-10",
            Stage::WrittenComplaint,
            Channel::RegisteredLetter,
            Answer::Awaited,
        );
        let recourse = event(
            "2026-02-12",
            Stage::ConsumerService,
            Channel::Email,
            Answer::Awaited,
        );
        let cases: Vec<(Vec<Event>, &str, NextStep)> = vec![
            (vec![], "2026-01-05", NextStep::ContactCustomerService),
            (
                vec![call.clone()],
                "2026-01-06",
                NextStep::SendWrittenComplaint,
            ),
            (
                vec![call.clone(), letter.clone()],
                "2026-02-09",
                NextStep::WaitForAnswer {
                    until: day("2026-03-10"),
                },
            ),
            (
                vec![call.clone(), letter.clone()],
                "2026-02-10",
                NextStep::WriteToConsumerService,
            ),
            (
                vec![call.clone(), letter.clone(), recourse.clone()],
                "2026-02-20",
                NextStep::WaitForAnswer {
                    until: day("2026-03-10"),
                },
            ),
            (
                vec![call.clone(), letter.clone(), recourse.clone()],
                "2026-03-10",
                NextStep::ReferToMediator {
                    before: day("2027-01-10"),
                },
            ),
            (
                vec![
                    call.clone(),
                    letter.clone(),
                    event(
                        "2026-03-11",
                        Stage::Mediator,
                        Channel::WebForm,
                        Answer::Awaited,
                    ),
                ],
                "2026-03-12",
                NextStep::WaitForMediator {
                    until: day("2026-06-09"),
                },
            ),
            (
                vec![
                    call.clone(),
                    letter.clone(),
                    event(
                        "2026-03-11",
                        Stage::Mediator,
                        Channel::WebForm,
                        Answer::Unsatisfactory,
                    ),
                ],
                "2026-06-12",
                NextStep::GoBeyondMediator,
            ),
            (
                vec![call.clone(), letter.clone()],
                "2027-01-11",
                NextStep::GoBeyondMediator,
            ),
            (
                vec![
                    call.clone(),
                    event(
                        "2026-01-10",
                        Stage::WrittenComplaint,
                        Channel::Email,
                        Answer::Satisfactory,
                    ),
                ],
                "2026-01-20",
                NextStep::CheckRefundAndClose,
            ),
        ];
        for (i, (events, today, expected)) in cases.into_iter().enumerate() {
            assert_eq!(
                advise(&case_with(events), day(today)).next,
                expected,
                "case {i}"
            );
        }
    }

    #[test]
    fn a_phone_call_labelled_written_complaint_does_not_open_the_mediator() {
        let case = case_with(vec![event(
            "2026-01-10",
            Stage::WrittenComplaint,
            Channel::Phone,
            Answer::Awaited,
        )]);
        assert_eq!(
            advise(&case, day("2026-04-01")).next,
            NextStep::SendWrittenComplaint
        );
    }

    #[test]
    fn inadmissibility_is_warned_before_it_happens() {
        let skipped = case_with(vec![event(
            "2026-01-10",
            Stage::Mediator,
            Channel::WebForm,
            Answer::Awaited,
        )]);
        assert!(advise(&skipped, day("2026-01-11"))
            .warnings
            .contains(&Warning::MediatorWithoutWrittenComplaint));

        let early = case_with(vec![
            event(
                "2026-01-10",
                Stage::WrittenComplaint,
                Channel::Letter,
                Answer::Awaited,
            ),
            event(
                "2026-02-01",
                Stage::Mediator,
                Channel::WebForm,
                Answer::Awaited,
            ),
        ]);
        assert!(advise(&early, day("2026-02-02"))
            .warnings
            .contains(&Warning::MediatorTooEarly));

        let stale = case_with(vec![event(
            "2026-01-10",
            Stage::WrittenComplaint,
            Channel::Letter,
            Answer::Awaited,
        )]);
        assert!(!advise(&stale, day("2027-01-10"))
            .warnings
            .contains(&Warning::MediatorTooLate));
        assert!(advise(&stale, day("2027-01-11"))
            .warnings
            .contains(&Warning::MediatorTooLate));

        let mut in_court = stale.clone();
        in_court.before_court = true;
        assert!(advise(&in_court, day("2026-02-01"))
            .warnings
            .contains(&Warning::AlreadyBeforeCourt));
    }

    #[test]
    fn the_refund_window_is_warned_sixty_days_ahead() {
        // new_case pays on 2026-11-18: the window closes on 2027-11-18.
        let case = case_with(vec![]);
        let on = day("2027-11-18");
        assert!(!advise(&case, day("2027-09-18"))
            .warnings
            .contains(&Warning::RefundWindowClosing { on }));
        assert!(advise(&case, day("2027-09-19"))
            .warnings
            .contains(&Warning::RefundWindowClosing { on }));
    }

    #[test]
    fn every_step_and_warning_reads_in_both_languages() {
        let d = day("2026-03-10");
        let steps = [
            NextStep::ContactCustomerService,
            NextStep::SendWrittenComplaint,
            NextStep::WaitForAnswer { until: d },
            NextStep::WriteToConsumerService,
            NextStep::ReferToMediator { before: d },
            NextStep::WaitForMediator { until: d },
            NextStep::GoBeyondMediator,
            NextStep::CheckRefundAndClose,
            NextStep::Closed,
        ];
        for step in steps {
            let (fr, en) = (step.describe(Lang::Fr), step.describe(Lang::En));
            assert!(!fr.is_empty() && !en.is_empty() && fr != en, "{step:?}");
        }
        let warnings = [
            Warning::MediatorWithoutWrittenComplaint,
            Warning::MediatorTooEarly,
            Warning::MediatorTooLate,
            Warning::AlreadyBeforeCourt,
            Warning::RefundWindowClosing { on: d },
        ];
        for warning in warnings {
            assert_ne!(
                warning.describe(Lang::Fr),
                warning.describe(Lang::En),
                "{warning:?}"
            );
        }
    }
}
