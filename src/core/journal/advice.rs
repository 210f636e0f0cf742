//! What to do next in a case, and what would make the file inadmissible or lose money.
//!
//! The advice follows the ladder in order (customer service, written complaint, the
//! *service consommateurs*, the Médiateur, then the *mise en demeure* and the court), with
//! the dates of [`super::deadlines`], and warns before the classic failures happen:
//! referring to the Médiateur before the steps before it are on record, or through another
//! channel than the contract's; a refund window (CPCE L34-2) that a complaint letter does
//! not stop closing before the Médiateur even opens; going to court without the prior
//! attempt CPC 750-1 asks for (a referral to the Médiateur is one). Sources in
//! `core::law`, checked 2026-11-30 against `shared/DOMAIN.md`. It informs; it is not legal
//! advice.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::case::{Answer, Case, CaseStatus, Channel, Milestone, SecondLevel};
use super::deadlines::{
    add_months, mediator_closes, mediator_opens, mediator_proposal_due, mediator_rejection_by,
    refund_windows, second_level_opens,
};
use super::ladder::Stage;
use super::letters::LetterKind;
use crate::core::dates::format_date;
use crate::core::finding::RuleId;
use crate::core::i18n::Lang;
use crate::core::law::{self, Legal};
use crate::core::money::format_amount;

/// Within this many days of a refund window's end, the advice warns.
pub const REFUND_WARNING_DAYS: i64 = 60;

/// The next step of a case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum NextStep {
    /// Call or chat with customer service, and note the reference.
    ContactCustomerService,
    /// Send the written complaint, through the channel the contract names.
    SendWrittenComplaint,
    /// Wait for the operator's answer until this day (then the next step opens).
    WaitForAnswer {
        /// The day the next step opens without a satisfactory answer.
        until: NaiveDate,
    },
    /// Write to the consumer service (second level).
    WriteToConsumerService,
    /// Refer the case to the Médiateur, before this day.
    ReferToMediator {
        /// The last day it may be done.
        before: NaiveDate,
    },
    /// The Médiateur has the file: a rejection would come within three weeks of its
    /// receipt; then its notice that the file is complete.
    WaitForMediatorNotice {
        /// About the day a rejection would be notified by.
        until: NaiveDate,
    },
    /// The file is complete: the Médiateur's proposed solution is due by this day.
    WaitForProposal {
        /// The day the proposal is due.
        until: NaiveDate,
    },
    /// Before court: the *mise en demeure*.
    SendFormalNotice {
        /// The Médiateur was referred to (which counts as the prior attempt of CPC 750-1).
        mediated: bool,
    },
    /// The court (or a conciliateur de justice first).
    GoToCourt {
        /// The Médiateur was referred to.
        mediated: bool,
        /// The claim is 5 000 € or less: a prior attempt is required (CPC 750-1).
        small_claim: bool,
    },
    /// The operator agreed: check the credit on the next bill, then close the case.
    CheckRefundAndClose,
    /// The case is closed.
    Closed,
}

/// Something that would make the file inadmissible or lose money, said before it happens.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "warning", rename_all = "snake_case")]
pub enum Warning {
    /// The Médiateur was referred to with no written complaint on record.
    MediatorWithoutWrittenComplaint,
    /// The Médiateur was referred to with a step before it missing (the second level after
    /// a first-level answer).
    MediatorStepSkipped,
    /// The Médiateur was referred to before its window opened.
    MediatorTooEarly,
    /// More than a year since the written complaint: the Médiateur can no longer take it.
    MediatorTooLate,
    /// The dispute is already before a court or another mediator.
    AlreadyBeforeCourt,
    /// A one-year refund window closes soon (or has closed).
    RefundWindowClosing {
        /// Its last day.
        on: NaiveDate,
        /// The amounts it is for.
        amount: Decimal,
    },
    /// The Médiateur opens (at the earliest) after a refund window closes: refer to it or a
    /// court before, since a complaint letter does not stop the limit.
    MediatorAfterRefundWindow {
        /// The window's last day.
        on: NaiveDate,
        /// The earliest day the Médiateur opens.
        opens: NaiveDate,
    },
    /// The referral to the Médiateur suspends the refund windows while it lasts.
    RefundWindowSuspended,
    /// The written complaint was not sent through the channel the contract names.
    ComplaintOffContractChannel {
        /// The channel the contract names.
        named: Channel,
    },
    /// The channel the contract names for complaints is not recorded.
    ComplaintChannelUnknown,
    /// Whether the operator has a second level is not recorded.
    SecondLevelUnknown,
    /// A termination fee is disputed without the contract's date.
    ContractDateNeeded,
    /// The operator claimed a sum more than a year after it fell due (L34-2 al. 2).
    OperatorClaimTimeBarred {
        /// The line (index into the case's lines).
        line: usize,
        /// The last day the operator could claim it.
        limit: NaiveDate,
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

/// What happens after the Médiateur, or without it once it is too late.
fn beyond(case: &Case, today: NaiveDate, mediated: bool) -> (NextStep, Option<Stage>) {
    match case.formal_notice() {
        None => (
            NextStep::SendFormalNotice { mediated },
            Some(Stage::FormalNotice),
        ),
        Some(notice) => match notice.answer_by {
            Some(by) if notice.answer == Answer::Awaited && today <= by => (
                NextStep::WaitForAnswer { until: by },
                Some(Stage::FormalNotice),
            ),
            _ => (
                NextStep::GoToCourt {
                    mediated,
                    small_claim: case.disputed <= Decimal::from(law::PRIOR_ATTEMPT_CEILING_EUR),
                },
                Some(Stage::Court),
            ),
        },
    }
}

/// The next step and its stage.
fn next_step(case: &Case, today: NaiveDate) -> (NextStep, Option<Stage>) {
    if case.status != CaseStatus::Open {
        return (NextStep::Closed, None);
    }
    if case.settled() {
        return (NextStep::CheckRefundAndClose, None);
    }
    if let Some(referral) = case.mediator_referral() {
        if case.mediator_step(Milestone::Proposal).is_some() || referral.refused() {
            return beyond(case, today, true);
        }
        if let Some(until) = mediator_proposal_due(case) {
            return (NextStep::WaitForProposal { until }, Some(Stage::Mediator));
        }
        let until = mediator_rejection_by(case).unwrap_or(referral.date);
        return (
            NextStep::WaitForMediatorNotice { until },
            Some(Stage::Mediator),
        );
    }
    if case.written_complaint().is_none() {
        return if case
            .events
            .iter()
            .any(|e| e.stage <= Stage::ConsumerService)
        {
            // Spoken to the operator (or "complained" by phone): now it must be in writing.
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
    }
    let closes = mediator_closes(case);
    if closes.is_some_and(|c| today > c) {
        return beyond(case, today, false);
    }
    let opens = mediator_opens(case);
    if let (Some(opens), Some(before)) = (opens, closes) {
        if today >= opens {
            return (NextStep::ReferToMediator { before }, Some(Stage::Mediator));
        }
    }
    let second = second_level_opens(case);
    if second.is_some_and(|s| today >= s) {
        return (
            NextStep::WriteToConsumerService,
            Some(Stage::ConsumerService),
        );
    }
    let until = [second, opens]
        .into_iter()
        .flatten()
        .filter(|d| *d > today)
        .min()
        .or(closes)
        .unwrap_or(today);
    let stage = if case.second_level_recourse().is_some() {
        Stage::ConsumerService
    } else {
        Stage::WrittenComplaint
    };
    (NextStep::WaitForAnswer { until }, Some(stage))
}

/// The earliest day the Médiateur could open if the operator stays silent from today on:
/// its date on record, else the fastest way there from where the case stands.
fn earliest_mediator(case: &Case, today: NaiveDate) -> NaiveDate {
    if let Some(opens) = mediator_opens(case) {
        return opens;
    }
    match second_level_opens(case) {
        // A first-level answer came: write to the second level now, then its month.
        Some(s) => add_months(s.max(today), law::SECOND_LEVEL_WAIT_MONTHS),
        // Nothing written yet: a complaint today, then two months of silence.
        None => add_months(today, law::FIRST_LEVEL_SILENCE_MONTHS),
    }
}

/// The advice for `case` on `today`, from the case as it stood that day.
pub fn advise(case: &Case, today: NaiveDate) -> Advice {
    let case = &case.as_of(today);
    let (next, stage) = next_step(case, today);
    let mut warnings = Vec::new();
    let open = case.status == CaseStatus::Open && !case.settled();
    if case.before_court {
        warnings.push(Warning::AlreadyBeforeCourt);
    }

    let referral = case.mediator_referral();
    match referral {
        Some(referral) => {
            let complaint = case.written_complaint();
            match (complaint, mediator_opens(case), mediator_closes(case)) {
                (None, _, _) => warnings.push(Warning::MediatorWithoutWrittenComplaint),
                (Some(_), None, _) => warnings.push(Warning::MediatorStepSkipped),
                (_, Some(opens), _) if referral.date < opens => {
                    warnings.push(Warning::MediatorTooEarly)
                }
                (_, _, Some(closes)) if referral.date > closes => {
                    warnings.push(Warning::MediatorTooLate)
                }
                _ => {}
            }
        }
        None => {
            if open && mediator_closes(case).is_some_and(|c| today > c) {
                warnings.push(Warning::MediatorTooLate);
            }
        }
    }

    if open {
        let windows = refund_windows(case);
        if windows.iter().any(|w| w.suspended) {
            warnings.push(Warning::RefundWindowSuspended);
        }
        let earliest = earliest_mediator(case, today);
        for w in windows.iter().filter(|w| !w.suspended) {
            if w.closes.signed_duration_since(today).num_days() <= REFUND_WARNING_DAYS {
                warnings.push(Warning::RefundWindowClosing {
                    on: w.closes,
                    amount: w.amount,
                });
            }
            if referral.is_none() && w.closes >= today && earliest > w.closes {
                warnings.push(Warning::MediatorAfterRefundWindow {
                    on: w.closes,
                    opens: earliest,
                });
            }
        }
    }

    if let Some(named) = case.complaint_channel {
        // L612-2 1°: the written complaint follows the contract's channel (the second
        // level has its own address, named in the contract or the answer).
        let off = case
            .first_complaint()
            .is_some_and(|e| !e.channel.follows(named));
        if off {
            warnings.push(Warning::ComplaintOffContractChannel { named });
        }
    } else if open
        && matches!(
            next,
            NextStep::ContactCustomerService
                | NextStep::SendWrittenComplaint
                | NextStep::WriteToConsumerService
        )
    {
        warnings.push(Warning::ComplaintChannelUnknown);
    }
    if case.second_level == SecondLevel::Unknown && next == NextStep::WriteToConsumerService {
        warnings.push(Warning::SecondLevelUnknown);
    }
    let termination_fee = case.lines.iter().any(|l| {
        l.reason == Some(RuleId::OneOffFee)
            && crate::core::vocab::fold_words(&l.label).contains("resiliation")
    });
    if termination_fee && case.contract_start.is_none() {
        warnings.push(Warning::ContractDateNeeded);
    }
    for (i, line) in case.lines.iter().enumerate() {
        if let (Some(due), Some(claimed)) = (line.due_on, line.claimed_on) {
            let limit = add_months(due, law::PRESCRIPTION_MONTHS);
            if claimed > limit {
                warnings.push(Warning::OperatorClaimTimeBarred { line: i, limit });
            }
        }
    }
    Advice {
        next,
        stage,
        warnings,
    }
}

/// What `inspect advise` prints for a case on a day: the next step with its dates and
/// words, its stage, the warnings, the dated deadlines and the letters that fit.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    /// The next step: its `step` id, its dates, and `text` in the language asked.
    pub next: serde_json::Value,
    /// The ladder stage of the next step.
    pub stage: Option<Stage>,
    /// Each warning: its `warning` id, its values, and `text`.
    pub warnings: Vec<serde_json::Value>,
    /// Each dated deadline: `kind` and `date`.
    pub deadlines: Vec<ReportDeadline>,
    /// The letters available at this stage, the one the next step calls for first.
    pub letters: Vec<LetterKind>,
}

/// A deadline as `inspect advise` prints it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ReportDeadline {
    /// What it is the deadline of.
    pub kind: super::deadlines::DeadlineKind,
    /// The day.
    pub date: NaiveDate,
}

/// The advice for `case` on `today`, in the report's shape, from the case as it stood that
/// day (exchanges dated later are not on record yet).
pub fn report(case: &Case, today: NaiveDate, lang: Lang) -> Report {
    let case = &case.as_of(today);
    let advice = advise(case, today);
    let with_text = |value: serde_json::Value, text: String| match value {
        serde_json::Value::Object(mut map) => {
            map.insert("text".into(), serde_json::Value::String(text));
            serde_json::Value::Object(map)
        }
        other => other,
    };
    let next = with_text(
        serde_json::to_value(&advice.next).unwrap_or_default(),
        advice.next.describe(lang),
    );
    let warnings = advice
        .warnings
        .iter()
        .map(|w| {
            with_text(
                serde_json::to_value(w).unwrap_or_default(),
                w.describe(lang),
            )
        })
        .collect();
    let deadlines = super::deadlines::deadlines(case, today)
        .into_iter()
        .map(|d| ReportDeadline {
            kind: d.kind,
            date: d.date,
        })
        .collect();
    Report {
        next,
        stage: advice.stage,
        warnings,
        deadlines,
        letters: available(case, &advice.next, today),
    }
}

/// The letters that fit the case where it stands, the one its next step calls for first.
pub fn available(case: &Case, next: &NextStep, today: NaiveDate) -> Vec<LetterKind> {
    let first = match next {
        NextStep::WriteToConsumerService => LetterKind::Recourse,
        NextStep::ReferToMediator { .. }
        | NextStep::WaitForMediatorNotice { .. }
        | NextStep::WaitForProposal { .. } => LetterKind::Mediator,
        NextStep::SendFormalNotice { .. } | NextStep::GoToCourt { .. } => LetterKind::FormalNotice,
        NextStep::WaitForAnswer { .. } if case.second_level_recourse().is_some() => {
            LetterKind::Recourse
        }
        _ => LetterKind::Complaint,
    };
    let complained = case.written_complaint().is_some();
    let beyond = matches!(
        next,
        NextStep::SendFormalNotice { .. } | NextStep::GoToCourt { .. }
    );
    // The Médiateur's summary and the recourse once their step is open, not before (a
    // letter offered early is a step skipped).
    let mediator =
        case.mediator_referral().is_some() || mediator_opens(case).is_some_and(|d| d <= today);
    let recourse = case.second_level_recourse().is_some()
        || second_level_opens(case).is_some_and(|d| d <= today);
    let debited = case.direct_debit
        && case.lines.iter().any(|l| {
            case.paid_on(l)
                .is_some_and(|p| today <= add_months(p, law::SEPA_UNAUTHORISED_MONTHS))
        });
    let mut out = vec![first];
    for (kind, fits) in [
        (LetterKind::Complaint, true),
        (LetterKind::Recourse, recourse),
        (LetterKind::Mediator, mediator),
        (LetterKind::FormalNotice, beyond),
        (
            LetterKind::ThirdPartyRefund,
            case.disputes_any(&[RuleId::ThirdParty]),
        ),
        (
            LetterKind::ConsentProof,
            case.disputes_any(&[RuleId::UnrequestedOption, RuleId::ThirdParty]),
        ),
        (
            LetterKind::PriceChangeTermination,
            case.price_notice_on.is_some() || case.disputes_any(&[RuleId::PriceIncrease]),
        ),
        (LetterKind::ItemisedBill, true),
        (LetterKind::BankDebit, debited),
        (LetterKind::SignalConso, complained),
    ] {
        if fits && !out.contains(&kind) {
            out.push(kind);
        }
    }
    out
}

impl NextStep {
    /// The id as printed by `inspect advise` (`refer_to_mediator`).
    pub fn id(&self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.get("step").and_then(|s| s.as_str()).map(str::to_string))
            .unwrap_or_default()
    }

    /// The references the step rests on.
    pub fn sources(&self) -> &'static [Legal] {
        match self {
            NextStep::ContactCustomerService
            | NextStep::SendWrittenComplaint
            | NextStep::WaitForAnswer { .. }
            | NextStep::WriteToConsumerService => {
                &[Legal::DisputeSteps, Legal::MediatorAdmissibility]
            }
            NextStep::ReferToMediator { .. } => &[
                Legal::MediatorSite,
                Legal::MediatorFree,
                Legal::MediatorAdmissibility,
                Legal::MediationSuspends,
            ],
            NextStep::WaitForMediatorNotice { .. } => &[Legal::MediatorAdmissibility],
            NextStep::WaitForProposal { .. } => &[Legal::MediatorProposal],
            NextStep::SendFormalNotice { .. } | NextStep::GoToCourt { .. } => &[
                Legal::PriorAttempt,
                Legal::CourtClaimInterrupts,
                Legal::SignalConso,
            ],
            NextStep::CheckRefundAndClose | NextStep::Closed => &[],
        }
    }

    /// What to do, said plainly.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            NextStep::ContactCustomerService => lang.pick(
                "Contactez le service client, factures en main : demandez l'explication de chaque ligne contestée et notez la référence de l'échange.",
                "Contact customer service with your bills at hand: ask for an explanation of each disputed line and note the reference of the exchange.",
            ).into(),
            NextStep::SendWrittenComplaint => lang.pick(
                "Envoyez une réclamation écrite par le canal que prévoit votre contrat pour les réclamations (une lettre recommandée reste la meilleure preuve) : sans elle, le Médiateur ne pourra pas être saisi.",
                "Send a written complaint through the channel your contract names for complaints (a registered letter remains the best proof): without it, the ombudsman cannot be referred to.",
            ).into(),
            NextStep::WaitForAnswer { until } => match lang {
                Lang::Fr => format!("Attendez la réponse. Sans réponse satisfaisante au {}, l'étape suivante s'ouvre.", format_date(*until, lang)),
                Lang::En => format!("Wait for the answer. Without a satisfactory one by {}, the next step opens.", format_date(*until, lang)),
            },
            NextStep::WriteToConsumerService => lang.pick(
                "Écrivez au service consommateurs de l'opérateur (2e niveau), en rappelant votre réclamation : le Médiateur ne prendra le dossier qu'après sa réponse, ou un mois sans réponse.",
                "Write to the operator's consumer service (second level), recalling your complaint: the ombudsman will take the file only after its answer, or a month without one.",
            ).into(),
            NextStep::ReferToMediator { before } => match lang {
                Lang::Fr => format!("Vous pouvez saisir le Médiateur des communications électroniques (gratuit, sur mediation-telecom.org ou par courrier), au plus tard le {}.", format_date(*before, lang)),
                Lang::En => format!("You may refer the case to the electronic communications ombudsman (free, at mediation-telecom.org or by post), by {} at the latest.", format_date(*before, lang)),
            },
            NextStep::WaitForMediatorNotice { until } => match lang {
                Lang::Fr => format!("Le Médiateur a votre dossier : un refus doit vous être notifié dans les trois semaines de sa réception (vers le {}). Notez la date de son avis de dossier complet : les 90 jours de sa proposition courent de là.", format_date(*until, lang)),
                Lang::En => format!("The ombudsman has your file: a rejection must reach you within three weeks of its receipt (around {}). Note the day of its notice that the file is complete: the 90 days for its proposal run from it.", format_date(*until, lang)),
            },
            NextStep::WaitForProposal { until } => match lang {
                Lang::Fr => format!("Le dossier est complet : la proposition de solution du Médiateur est attendue avant le {} (délai prolongeable pour un litige complexe). Elle ne s'impose ni à vous ni à l'opérateur.", format_date(*until, lang)),
                Lang::En => format!("The file is complete: the ombudsman's proposed solution is due by {} (extendable for a complex dispute). It binds neither you nor the operator.", format_date(*until, lang)),
            },
            NextStep::SendFormalNotice { mediated } => {
                let mut text = lang.pick(
                    "Avant le tribunal, envoyez une mise en demeure (lettre recommandée) fixant un délai pour payer. ",
                    "Before court, send a formal notice (registered letter) setting a time to pay. ",
                ).to_string();
                text.push_str(if *mediated {
                    lang.pick(
                        "Votre saisine du Médiateur vaut déjà la tentative préalable que le tribunal exige pour une demande de 5 000 € ou moins. Une association de consommateurs peut vous aider ; SignalConso transmet un signalement à l'entreprise, qui peut y répondre.",
                        "Your referral to the ombudsman already counts as the prior attempt a court requires for a claim of €5,000 or less. A consumer association can help; SignalConso forwards a report to the business, which may answer.",
                    )
                } else {
                    lang.pick(
                        "Pour une demande de 5 000 € ou moins, le tribunal exige d'abord une tentative de conciliation (conciliateur de justice, gratuit), de médiation ou de procédure participative. Une association de consommateurs peut vous aider ; SignalConso transmet un signalement à l'entreprise, qui peut y répondre.",
                        "For a claim of €5,000 or less, a court first requires an attempt at conciliation (a conciliateur de justice, free), mediation or participatory procedure. A consumer association can help; SignalConso forwards a report to the business, which may answer.",
                    )
                });
                text
            }
            NextStep::GoToCourt { mediated, small_claim } => {
                let mut text = lang.pick(
                    "La mise en demeure est restée sans effet : vous pouvez saisir le tribunal judiciaire. ",
                    "The formal notice went unheeded: you may go to the tribunal judiciaire. ",
                ).to_string();
                text.push_str(match (small_claim, mediated) {
                    (true, true) => lang.pick(
                        "Joignez la proposition du Médiateur : elle vaut la tentative préalable exigée jusqu'à 5 000 €.",
                        "Attach the ombudsman's proposal: it counts as the prior attempt required up to €5,000.",
                    ),
                    (true, false) => lang.pick(
                        "Jusqu'à 5 000 €, une tentative de conciliation (conciliateur de justice, gratuit) ou de médiation doit précéder la demande.",
                        "Up to €5,000, an attempt at conciliation (a conciliateur de justice, free) or mediation must come first.",
                    ),
                    (false, _) => lang.pick(
                        "Au-delà de 5 000 €, faites-vous conseiller.",
                        "Above €5,000, get advice.",
                    ),
                });
                text
            }
            NextStep::CheckRefundAndClose => lang.pick(
                "L'opérateur a accepté : vérifiez le remboursement sur la prochaine facture, puis clôturez le dossier.",
                "The operator agreed: check the refund on the next bill, then close the case.",
            ).into(),
            NextStep::Closed => lang.pick("Dossier clôturé.", "Case closed.").into(),
        }
    }
}

impl Warning {
    /// The id as printed by `inspect advise` (`mediator_too_early`).
    pub fn id(&self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| {
                v.get("warning")
                    .and_then(|s| s.as_str())
                    .map(str::to_string)
            })
            .unwrap_or_default()
    }

    /// The references the warning rests on.
    pub fn sources(&self) -> &'static [Legal] {
        match self {
            Warning::MediatorWithoutWrittenComplaint
            | Warning::MediatorTooLate
            | Warning::AlreadyBeforeCourt
            | Warning::ComplaintOffContractChannel { .. }
            | Warning::ComplaintChannelUnknown => &[Legal::MediatorAdmissibility],
            Warning::MediatorStepSkipped
            | Warning::MediatorTooEarly
            | Warning::SecondLevelUnknown => &[Legal::DisputeSteps, Legal::MediatorAdmissibility],
            Warning::RefundWindowClosing { .. } | Warning::MediatorAfterRefundWindow { .. } => &[
                Legal::Prescription,
                Legal::MediationSuspends,
                Legal::CourtClaimInterrupts,
                Legal::AcknowledgementInterrupts,
            ],
            Warning::RefundWindowSuspended => &[Legal::MediationSuspends],
            Warning::ContractDateNeeded => &[Legal::TerminationFees],
            Warning::OperatorClaimTimeBarred { .. } => &[Legal::Prescription],
        }
    }

    /// The warning, said plainly.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            Warning::MediatorWithoutWrittenComplaint => lang.pick(
                "Aucune réclamation écrite n'est enregistrée : le Médiateur déclarera le dossier irrecevable.",
                "No written complaint is on record: the ombudsman will find the file inadmissible.",
            ).into(),
            Warning::MediatorStepSkipped => lang.pick(
                "Le service consommateurs n'a pas été saisi après la réponse du service client : le Médiateur peut déclarer le dossier irrecevable.",
                "The consumer service was not written to after customer service's answer: the ombudsman may find the file inadmissible.",
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
            Warning::RefundWindowClosing { on, amount } => {
                let (date, amount) = (format_date(*on, lang), format_amount(*amount, lang));
                match lang {
                    Lang::Fr => format!("Le droit de réclamer le remboursement de {amount} s'éteint le {date} (1 an après le paiement, art. L34-2 CPCE). Une lettre de réclamation n'arrête pas ce délai : seuls la saisine du Médiateur, une demande en justice ou la reconnaissance écrite de l'opérateur le font."),
                    Lang::En => format!("The right to claim back {amount} ends on {date} (1 year after payment, CPCE L34-2). A complaint letter does not stop this limit: only a referral to the ombudsman, a court claim or the operator's written acknowledgement do."),
                }
            }
            Warning::MediatorAfterRefundWindow { on, opens } => {
                let (on, opens) = (format_date(*on, lang), format_date(*opens, lang));
                match lang {
                    Lang::Fr => format!("Le Médiateur ne s'ouvrirait pas avant le {opens}, après la fin du délai de remboursement le {on} : avant cette date, saisissez le tribunal (ou obtenez de l'opérateur qu'il reconnaisse la somme par écrit), ou pressez les étapes pour saisir le Médiateur à temps."),
                    Lang::En => format!("The ombudsman would not open before {opens}, after the refund window closes on {on}: before that date, go to court (or get the operator to acknowledge the sum in writing), or press the steps so as to refer to the ombudsman in time."),
                }
            }
            Warning::RefundWindowSuspended => lang.pick(
                "La saisine du Médiateur suspend le délai de remboursement pendant la médiation : il recommencera à courir à sa fin, agissez alors sans attendre.",
                "The referral to the ombudsman suspends the refund window while the mediation lasts: it runs again when it ends, so act without waiting then.",
            ).into(),
            Warning::ComplaintOffContractChannel { named } => match lang {
                Lang::Fr => format!("Votre contrat prévoit les réclamations par « {} », et la réclamation enregistrée n'est pas passée par là : le Médiateur peut déclarer le dossier irrecevable. Renvoyez-la par ce canal.", named.label(lang)),
                Lang::En => format!("Your contract names \"{}\" for complaints, and the complaint on record did not go that way: the ombudsman may find the file inadmissible. Send it again that way.", named.label(lang)),
            },
            Warning::ComplaintChannelUnknown => lang.pick(
                "Vérifiez dans votre contrat par quel canal envoyer une réclamation (courrier, formulaire, e-mail) et notez-le dans le dossier : une réclamation faite autrement peut rendre le dossier irrecevable devant le Médiateur.",
                "Check in your contract which channel complaints go through (post, form, e-mail) and note it in the case: a complaint made otherwise may make the file inadmissible before the ombudsman.",
            ).into(),
            Warning::SecondLevelUnknown => lang.pick(
                "Vérifiez si votre opérateur a un service consommateurs (il figure dans le contrat ou la réponse reçue). S'il n'en a pas, indiquez-le dans le dossier : le Médiateur s'ouvre alors après la réponse du service client.",
                "Check whether your operator has a consumer service (the contract or the answer received names it). If it has none, say so in the case: the ombudsman then opens after customer service's answer.",
            ).into(),
            Warning::ContractDateNeeded => lang.pick(
                "Des frais de résiliation sont contestés : indiquez la date du contrat. Conclu depuis le 1er janvier 2023, rien des mensualités restantes n'est dû après le 12e mois ; conclu avant, au plus le quart des mensualités restantes.",
                "Termination fees are disputed: enter the contract's date. Made since 1 January 2023, nothing of the remaining months is due after the 12th month; made before, at most a quarter of the remaining monthly payments.",
            ).into(),
            Warning::OperatorClaimTimeBarred { limit, .. } => match lang {
                Lang::Fr => format!("L'opérateur a réclamé une somme plus d'un an après son exigibilité (il avait jusqu'au {}, art. L34-2 CPCE) : contestez cette réclamation.", format_date(*limit, lang)),
                Lang::En => format!("The operator claimed a sum more than a year after it fell due (it had until {}, CPCE L34-2): dispute that claim.", format_date(*limit, lang)),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::case::{Channel, DisputedLine, Event};
    use super::super::letters::tests::sample_case;
    use super::super::tests::{case_with, complaint, day, event, mediator, recourse};
    use super::*;

    #[test]
    fn the_ladder_is_climbed_in_order() {
        let call = event(
            "2026-01-05",
            Stage::CustomerService,
            Channel::Phone,
            Answer::Unsatisfactory,
        );
        let letter = complaint("2026-01-10", Answer::Awaited);
        let second = recourse("2026-02-12", Answer::Awaited);
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
                    until: day("2026-02-10"),
                },
            ),
            (
                vec![call.clone(), letter.clone()],
                "2026-02-10",
                NextStep::WriteToConsumerService,
            ),
            (
                vec![call.clone(), letter.clone(), second.clone()],
                "2026-02-20",
                NextStep::WaitForAnswer {
                    until: day("2026-03-12"),
                },
            ),
            // The consumer service's month is not up on 10 March (the case): wait.
            (
                vec![call.clone(), letter.clone(), second.clone()],
                "2026-03-10",
                NextStep::WaitForAnswer {
                    until: day("2026-03-12"),
                },
            ),
            (
                vec![call.clone(), letter.clone(), second.clone()],
                "2026-03-12",
                NextStep::ReferToMediator {
                    before: day("2027-01-10"),
                },
            ),
            (
                vec![
                    call.clone(),
                    letter.clone(),
                    second.clone(),
                    mediator("2026-03-13", None, Answer::Awaited),
                ],
                "2026-03-14",
                NextStep::WaitForMediatorNotice {
                    until: day("2026-04-03"),
                },
            ),
            (
                vec![
                    call.clone(),
                    letter.clone(),
                    second.clone(),
                    mediator("2026-03-13", None, Answer::Awaited),
                    mediator("2026-03-30", Some(Milestone::FileComplete), Answer::Awaited),
                ],
                "2026-04-01",
                NextStep::WaitForProposal {
                    until: day("2026-06-28"),
                },
            ),
            (
                vec![
                    call.clone(),
                    letter.clone(),
                    second.clone(),
                    mediator("2026-03-13", None, Answer::Awaited),
                    mediator(
                        "2026-06-12",
                        Some(Milestone::Proposal),
                        Answer::Unsatisfactory,
                    ),
                ],
                "2026-06-13",
                NextStep::SendFormalNotice { mediated: true },
            ),
            (
                vec![call.clone(), letter.clone()],
                "2027-01-11",
                NextStep::SendFormalNotice { mediated: false },
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
    fn after_the_formal_notice_its_deadline_then_the_court() {
        let mut notice = event(
            "2026-07-01",
            Stage::FormalNotice,
            Channel::RegisteredLetter,
            Answer::Awaited,
        );
        notice.answer_by = Some(day("2026-07-16"));
        let events = vec![
            complaint("2026-01-10", Answer::Unsatisfactory),
            recourse("2026-01-20", Answer::Unsatisfactory),
            mediator("2026-02-25", None, Answer::Awaited),
            mediator(
                "2026-05-01",
                Some(Milestone::Proposal),
                Answer::Unsatisfactory,
            ),
            notice,
        ];
        let case = case_with(events);
        assert_eq!(
            advise(&case, day("2026-07-16")).next,
            NextStep::WaitForAnswer {
                until: day("2026-07-16")
            }
        );
        let step = advise(&case, day("2026-07-17"));
        assert_eq!(
            step.next,
            NextStep::GoToCourt {
                mediated: true,
                small_claim: true
            }
        );
        assert_eq!(step.stage, Some(Stage::Court));
        assert!(step
            .next
            .describe(Lang::Fr)
            .contains("vaut la tentative préalable"));
    }

    #[test]
    fn before_court_the_mediation_counts_as_the_prior_attempt_and_a_conciliation_is_not_the_only_one(
    ) {
        let mediated = NextStep::SendFormalNotice { mediated: true }.describe(Lang::Fr);
        assert!(
            mediated.contains("mise en demeure")
                && mediated.contains("vaut déjà la tentative préalable"),
            "{mediated}"
        );
        let not = NextStep::SendFormalNotice { mediated: false }.describe(Lang::Fr);
        assert!(
            not.contains("conciliation") && not.contains("de médiation"),
            "{not}"
        );
        assert!(!not.contains("seul"));
        for text in [&mediated, &not] {
            assert!(text.contains("SignalConso transmet"), "{text}");
        }
        assert!(NextStep::SendFormalNotice { mediated: true }
            .sources()
            .contains(&Legal::PriorAttempt));
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
        let skipped = case_with(vec![mediator("2026-01-10", None, Answer::Awaited)]);
        assert!(advise(&skipped, day("2026-01-11"))
            .warnings
            .contains(&Warning::MediatorWithoutWrittenComplaint));

        // Customer service answered; the consumer service was never written to.
        let step_skipped = case_with(vec![
            complaint("2026-01-10", Answer::Unsatisfactory),
            mediator("2026-03-20", None, Answer::Awaited),
        ]);
        assert!(advise(&step_skipped, day("2026-03-21"))
            .warnings
            .contains(&Warning::MediatorStepSkipped));

        // Referred two days before the consumer service's month is up.
        let early = case_with(vec![
            complaint("2026-01-10", Answer::Awaited),
            recourse("2026-02-12", Answer::Awaited),
            mediator("2026-03-10", None, Answer::Awaited),
        ]);
        assert!(advise(&early, day("2026-03-11"))
            .warnings
            .contains(&Warning::MediatorTooEarly));
        let on_time = case_with(vec![
            complaint("2026-01-10", Answer::Awaited),
            recourse("2026-02-12", Answer::Awaited),
            mediator("2026-03-12", None, Answer::Awaited),
        ]);
        assert!(!advise(&on_time, day("2026-03-13"))
            .warnings
            .contains(&Warning::MediatorTooEarly));

        let stale = case_with(vec![complaint("2026-01-10", Answer::Awaited)]);
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
    fn a_complaint_off_the_contract_channel_is_warned() {
        let mut case = case_with(vec![event(
            "2026-01-10",
            Stage::WrittenComplaint,
            Channel::Email,
            Answer::Awaited,
        )]);
        assert!(!advise(&case, day("2026-01-11"))
            .warnings
            .iter()
            .any(|w| matches!(w, Warning::ComplaintOffContractChannel { .. })));
        case.complaint_channel = Some(Channel::Letter);
        let w = advise(&case, day("2026-01-11")).warnings;
        assert!(
            w.contains(&Warning::ComplaintOffContractChannel {
                named: Channel::Letter
            }),
            "{w:?}"
        );
        // A registered letter is a letter.
        case.events[0].channel = Channel::RegisteredLetter;
        assert!(!advise(&case, day("2026-01-11"))
            .warnings
            .iter()
            .any(|w| matches!(w, Warning::ComplaintOffContractChannel { .. })));
        // Before any complaint, the advice asks for the channel.
        let fresh = case_with(vec![]);
        assert!(advise(&fresh, day("2026-01-06"))
            .warnings
            .contains(&Warning::ComplaintChannelUnknown));
    }

    #[test]
    fn each_refund_window_is_warned_sixty_days_ahead() {
        // new_case pays on 2026-11-18: the window closes on 2027-11-18.
        let mut case = case_with(vec![]);
        case.lines[1].paid_on = Some(day("2026-12-18"));
        let first = Warning::RefundWindowClosing {
            on: day("2027-11-18"),
            amount: "3.00".parse().unwrap(),
        };
        let second = Warning::RefundWindowClosing {
            on: day("2027-12-18"),
            amount: "3.36".parse().unwrap(),
        };
        let at = |today: &str| advise(&case, day(today)).warnings;
        assert!(!at("2027-09-18").contains(&first));
        assert!(at("2027-09-19").contains(&first));
        assert!(!at("2027-09-19").contains(&second));
        assert!(at("2027-10-19").contains(&second));
        assert!(at("2027-11-19").contains(&first), "still said once past");
        assert!(first.describe(Lang::Fr).contains("n'arrête pas ce délai"));
    }

    #[test]
    fn the_mediator_opening_after_a_refund_window_is_warned() {
        // Paid on 10 March 2026; nothing written yet on 10 January 2027: a complaint today
        // and two months of silence reach 10 March 2027, the window's last day; one day
        // later and the Médiateur opens too late.
        let mut case = case_with(vec![]);
        for line in &mut case.lines {
            line.paid_on = Some(day("2026-03-10"));
        }
        let late = |w: &Vec<Warning>| {
            w.iter()
                .any(|w| matches!(w, Warning::MediatorAfterRefundWindow { .. }))
        };
        assert!(!late(&advise(&case, day("2027-01-10")).warnings));
        let w = advise(&case, day("2027-01-11")).warnings;
        assert!(
            w.contains(&Warning::MediatorAfterRefundWindow {
                on: day("2027-03-10"),
                opens: day("2027-03-11")
            }),
            "{w:?}"
        );
        // Referred: the window is suspended, nothing to warn.
        case.events
            .push(mediator("2027-01-12", None, Answer::Awaited));
        let w = advise(&case, day("2027-01-13")).warnings;
        assert!(
            !late(&w) && w.contains(&Warning::RefundWindowSuspended),
            "{w:?}"
        );
    }

    #[test]
    fn the_operator_claiming_a_sum_after_its_year_is_warned() {
        let mut case = case_with(vec![]);
        case.lines.push(DisputedLine {
            due_on: Some(day("2025-03-15")),
            claimed_on: Some(day("2026-03-15")),
            ..case.lines[0].clone()
        });
        let barred = |case: &Case| {
            advise(case, day("2026-04-01"))
                .warnings
                .iter()
                .any(|w| matches!(w, Warning::OperatorClaimTimeBarred { line: 2, .. }))
        };
        assert!(!barred(&case), "claimed on the last day");
        case.lines[2].claimed_on = Some(day("2026-03-16"));
        assert!(barred(&case));
    }

    #[test]
    fn a_disputed_termination_fee_asks_for_the_contract_date() {
        let mut case = case_with(vec![]);
        case.lines[0].label = "Frais de résiliation anticipée".into();
        case.lines[0].reason = Some(RuleId::OneOffFee);
        assert!(advise(&case, day("2026-11-30"))
            .warnings
            .contains(&Warning::ContractDateNeeded));
        case.contract_start = Some(day("2023-02-01"));
        assert!(!advise(&case, day("2026-11-30"))
            .warnings
            .contains(&Warning::ContractDateNeeded));
    }

    #[test]
    fn every_step_and_warning_reads_in_both_languages_with_its_sources() {
        let d = day("2026-03-10");
        let steps = [
            NextStep::ContactCustomerService,
            NextStep::SendWrittenComplaint,
            NextStep::WaitForAnswer { until: d },
            NextStep::WriteToConsumerService,
            NextStep::ReferToMediator { before: d },
            NextStep::WaitForMediatorNotice { until: d },
            NextStep::WaitForProposal { until: d },
            NextStep::SendFormalNotice { mediated: true },
            NextStep::SendFormalNotice { mediated: false },
            NextStep::GoToCourt {
                mediated: true,
                small_claim: true,
            },
            NextStep::GoToCourt {
                mediated: false,
                small_claim: true,
            },
            NextStep::GoToCourt {
                mediated: false,
                small_claim: false,
            },
            NextStep::CheckRefundAndClose,
            NextStep::Closed,
        ];
        for step in steps {
            let (fr, en) = (step.describe(Lang::Fr), step.describe(Lang::En));
            assert!(!fr.is_empty() && !en.is_empty() && fr != en, "{step:?}");
            assert!(!step.id().is_empty());
        }
        let warnings = [
            Warning::MediatorWithoutWrittenComplaint,
            Warning::MediatorStepSkipped,
            Warning::MediatorTooEarly,
            Warning::MediatorTooLate,
            Warning::AlreadyBeforeCourt,
            Warning::RefundWindowClosing {
                on: d,
                amount: Decimal::ONE,
            },
            Warning::MediatorAfterRefundWindow { on: d, opens: d },
            Warning::RefundWindowSuspended,
            Warning::ComplaintOffContractChannel {
                named: Channel::Letter,
            },
            Warning::ComplaintChannelUnknown,
            Warning::SecondLevelUnknown,
            Warning::ContractDateNeeded,
            Warning::OperatorClaimTimeBarred { line: 0, limit: d },
        ];
        for warning in warnings {
            assert_ne!(
                warning.describe(Lang::Fr),
                warning.describe(Lang::En),
                "{warning:?}"
            );
            assert!(!warning.sources().is_empty(), "{warning:?}");
            assert!(!warning.id().is_empty());
        }
    }

    #[test]
    fn the_letters_offered_follow_the_stage() {
        let case = sample_case();
        let at = |case: &Case, today: &str| {
            let advice = advise(case, day(today));
            available(case, &advice.next, day(today))
        };
        let first = at(&case, "2026-11-27");
        assert_eq!(first[0], LetterKind::Complaint);
        assert!(!first.contains(&LetterKind::Recourse) && !first.contains(&LetterKind::Mediator));
        assert!(
            first.contains(&LetterKind::ConsentProof) && first.contains(&LetterKind::ItemisedBill)
        );
        let mut complained = case.clone();
        let mut letter = event(
            "2026-11-28",
            Stage::WrittenComplaint,
            Channel::RegisteredLetter,
            Answer::Awaited,
        );
        letter.id = 93;
        complained.events.push(letter);
        let before = at(&complained, "2026-12-27");
        assert!(!before.contains(&LetterKind::Recourse), "{before:?}");
        let month = at(&complained, "2026-12-28");
        assert_eq!(month[0], LetterKind::Recourse);
        assert!(month.contains(&LetterKind::SignalConso));
        assert!(
            !month.contains(&LetterKind::Mediator),
            "not before it opens"
        );
        let two_months = at(&complained, "2027-01-28");
        assert_eq!(two_months[0], LetterKind::Mediator, "two months of silence");
        let late = at(&complained, "2027-11-29");
        assert_eq!(late[0], LetterKind::FormalNotice);
    }
}
