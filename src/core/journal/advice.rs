//! What to do next in a case, and what would make the file inadmissible or lose money.
//!
//! The advice follows the ladder in order (customer service, written complaint, the
//! *service consommateurs*, the Médiateur, then the *mise en demeure* and the court), with
//! the dates of [`super::deadlines`], and warns before the classic failures happen:
//! referring to the Médiateur before the steps before it are on record, or through another
//! channel than the contract's; a refund window (CPCE L34-2) that a complaint letter does
//! not stop closing before the Médiateur even opens; going to court without the prior
//! attempt CPC 750-1 asks for (a referral to the Médiateur is one). Sources in
//! `core::law`, with how each was checked. It informs; it is not legal
//! advice.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::case::{Answer, Case, CaseStatus, Channel, SecondLevel};
use super::deadlines::{
    add_months, mediator_closes, mediator_opens, mediator_proposal_due, mediator_rejection_by,
    refund_windows, second_level_opens, WindowState,
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

/// When an association that took the case on gave no date, the person asks it where
/// things stand this many months after the exchange. Not a legal delay: the app's own
/// reminder.
pub const ASSOCIATION_FOLLOW_UP_MONTHS: u32 = 1;

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
    /// receipt; then its notice that it has the file.
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
        /// A mediation or a conciliation took place: the prior attempt of CPC 750-1 is
        /// on record (a file the Médiateur refused is not one).
        prior_attempt: bool,
    },
    /// Up to 5 000 € and without a mediation that took place: a conciliateur de justice
    /// (free), the prior attempt a court asks for.
    SeeConciliator,
    /// The conciliation is under way: its outcome is awaited.
    WaitForConciliation,
    /// A consumer association took the case on: its news is awaited (the person's own
    /// move on the ladder waits for it, the deadlines do not).
    WaitForAssociation {
        /// The day it said it would come back by, else a month after the exchange: when
        /// to ask it where things stand.
        until: NaiveDate,
    },
    /// The court.
    GoToCourt {
        /// A mediation or a conciliation took place.
        prior_attempt: bool,
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
    /// The mediation (or conciliation) suspends the refund windows while it lasts.
    RefundWindowSuspended,
    /// The Médiateur has the file but its notice that it has the file is not on
    /// record: by the safer reading the windows are not suspended yet.
    SuspensionAwaitsNotice,
    /// The Médiateur refused the file: no mediation, no prior attempt, no suspension.
    MediatorRejected,
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
    /// A report to a regulator is on record but no written complaint: the report is not
    /// one, opens no step and stops no deadline.
    ReportIsNotAComplaint,
    /// A consumer association is on the case: it helps, the steps and deadlines stay the
    /// person's.
    AssociationAlongside {
        /// The association and its branch, as recorded.
        name: Option<String>,
        /// Whether the person said they are a member.
        member: Option<bool>,
        /// Whether it took the case on and its news is awaited.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        acting: bool,
    },
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

/// What happens after the Médiateur, without it once it is too late, or after it refused
/// the file: the *mise en demeure*, then (up to 5 000 €, when no mediation took place) a
/// conciliateur de justice, then the court.
fn beyond(case: &Case, today: NaiveDate) -> (NextStep, Option<Stage>) {
    let prior_attempt = case.prior_attempt();
    let small_claim = case.disputed <= Decimal::from(law::PRIOR_ATTEMPT_CEILING_EUR);
    if case
        .conciliation()
        .is_some_and(|c| c.answer == Answer::Awaited)
    {
        return (NextStep::WaitForConciliation, Some(Stage::Conciliator));
    }
    match case.formal_notice() {
        None => (
            NextStep::SendFormalNotice { prior_attempt },
            Some(Stage::FormalNotice),
        ),
        Some(notice) => match notice.answer_by {
            Some(by) if notice.answer == Answer::Awaited && today <= by => (
                NextStep::WaitForAnswer { until: by },
                Some(Stage::FormalNotice),
            ),
            _ if small_claim && !prior_attempt => {
                (NextStep::SeeConciliator, Some(Stage::Conciliator))
            }
            _ => (
                NextStep::GoToCourt {
                    prior_attempt,
                    small_claim,
                },
                Some(Stage::Court),
            ),
        },
    }
}

/// The next step and its stage: the ladder's, unless an association took the case on
/// and the ladder's step is a move of the person's own. A step with a last day before the
/// association's date stays (the Médiateur's window does not wait for it).
fn next_step(case: &Case, today: NaiveDate) -> (NextStep, Option<Stage>) {
    let (step, stage) = ladder_step(case, today);
    let Some(acting) = case.association_acting() else {
        return (step, stage);
    };
    let until = acting
        .answer_by
        .unwrap_or_else(|| add_months(acting.date, ASSOCIATION_FOLLOW_UP_MONTHS));
    let persons_move = match step {
        NextStep::ReferToMediator { before } => before > until,
        NextStep::ContactCustomerService
        | NextStep::SendWrittenComplaint
        | NextStep::WriteToConsumerService
        | NextStep::SendFormalNotice { .. }
        | NextStep::SeeConciliator
        | NextStep::GoToCourt { .. } => true,
        _ => false,
    };
    if persons_move && today <= until {
        (
            NextStep::WaitForAssociation { until },
            Some(Stage::ConsumerAssociation),
        )
    } else {
        (step, stage)
    }
}

/// The ladder's next step and its stage.
fn ladder_step(case: &Case, today: NaiveDate) -> (NextStep, Option<Stage>) {
    if case.status != CaseStatus::Open {
        return (NextStep::Closed, None);
    }
    if case.settled() {
        return (NextStep::CheckRefundAndClose, None);
    }
    if let Some(referral) = case.mediator_referral() {
        // A refused file, a proposal, or a mediation declared over: the Médiateur's part
        // is done (a proposal refused, or not followed, leaves the court).
        if case.mediation_over() {
            return beyond(case, today);
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
    // Too late for the Médiateur, or the dispute is already before a court or another
    // mediator (L612-2: it cannot take it).
    if closes.is_some_and(|c| today > c) || case.before_court {
        return beyond(case, today);
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

/// The next step alone for `case` on `today` (what a list of cases shows), from the case
/// as it stood that day: [`advise`]'s `next`, without working out its warnings.
pub fn next(case: &Case, today: NaiveDate) -> NextStep {
    next_step(&case.as_of(today), today).0
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

    if case.mediator_rejection().is_some() {
        warnings.push(Warning::MediatorRejected);
    }
    if open && !case.reports().is_empty() && case.written_complaint().is_none() {
        warnings.push(Warning::ReportIsNotAComplaint);
    }
    if open {
        // The latest exchange with an association says where the person stands with it.
        if let Some(contact) = case.association_contacts().last() {
            let association = contact.association.clone().unwrap_or_default();
            let name = association.name().or_else(|| {
                let who = contact.counterpart.trim();
                (!who.is_empty()).then(|| who.to_string())
            });
            warnings.push(Warning::AssociationAlongside {
                name,
                member: association.member,
                acting: case.association_acting().is_some(),
            });
        }
    }
    if open {
        let windows = refund_windows(case);
        if windows.iter().any(|w| w.state == WindowState::Suspended) {
            warnings.push(Warning::RefundWindowSuspended);
        }
        let awaiting_notice = referral.is_some_and(|r| {
            case.mediator_rejection().is_none()
                && case.mediator_has_file().is_none()
                && windows
                    .iter()
                    .any(|w| w.state == WindowState::Running && w.closes >= r.date)
        });
        if awaiting_notice {
            warnings.push(Warning::SuspensionAwaitsNotice);
        }
        let earliest = earliest_mediator(case, today);
        for w in windows.iter().filter(|w| w.state != WindowState::Suspended) {
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
    if case.disputes_termination_fee() && case.contract_start.is_none() {
        warnings.push(Warning::ContractDateNeeded);
    }
    // L34-2 al. 2: the operator has one year from the day a sum fell due to claim it; a
    // reminder or a registered letter does not stop it (only a court claim or the
    // person's acknowledgement do), so a sum chased within the year but not taken to court
    // within it is time-barred too. Not for third-party content (not an electronic
    // communications service), nor for damages for an early termination (Cass. com.
    // 29/03/2023, n° 21-23.104: five years), which termination fees are not.
    for (i, line) in case.lines.iter().enumerate() {
        let Some(due) = line.due_on else { continue };
        if line.reason == Some(RuleId::ThirdParty)
            || crate::core::vocab::fold_words(&line.label).contains("indemnite")
        {
            continue;
        }
        let limit = add_months(due, law::PRESCRIPTION_MONTHS);
        if today > limit || line.claimed_on.is_some_and(|c| c > limit) {
            warnings.push(Warning::OperatorClaimTimeBarred { line: i, limit });
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
    // Never for a dispute already before a court or another mediator (L612-2 3°).
    let mediator = !case.before_court
        && (case.mediator_referral().is_some() || mediator_opens(case).is_some_and(|d| d <= today));
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
            NextStep::SendFormalNotice { .. } => &[
                Legal::PriorAttempt,
                Legal::CourtClaimInterrupts,
                Legal::ApprovedAssociations,
                Legal::SignalConso,
            ],
            NextStep::GoToCourt { .. } => &[
                Legal::SmallClaims,
                Legal::PriorAttempt,
                Legal::CourtClaimInterrupts,
                Legal::ApprovedAssociations,
            ],
            NextStep::SeeConciliator | NextStep::WaitForConciliation => &[
                Legal::Conciliator,
                Legal::PriorAttempt,
                Legal::MediationSuspends,
            ],
            NextStep::WaitForAssociation { .. } => &[Legal::ApprovedAssociations],
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
                Lang::Fr => format!("Le Médiateur a votre dossier : un refus doit vous être notifié dans les trois semaines de sa réception (vers le {}). Notez la date de son avis de saisine (dossier reçu) : les 90 jours de sa proposition courent de là.", format_date(*until, lang)),
                Lang::En => format!("The ombudsman has your file: a rejection must reach you within three weeks of its receipt (around {}). Note the day of its notice that it has the file: the 90 days for its proposal run from it.", format_date(*until, lang)),
            },
            NextStep::WaitForProposal { until } => match lang {
                Lang::Fr => format!("Le dossier est complet : la proposition de solution du Médiateur est attendue avant le {} (délai prolongeable pour un litige complexe). Elle ne s'impose ni à vous ni à l'opérateur.", format_date(*until, lang)),
                Lang::En => format!("The file is complete: the ombudsman's proposed solution is due by {} (extendable for a complex dispute). It binds neither you nor the operator.", format_date(*until, lang)),
            },
            NextStep::SendFormalNotice { prior_attempt } => {
                let mut text = lang.pick(
                    "Avant le tribunal, envoyez une mise en demeure (lettre recommandée) fixant un délai pour payer. ",
                    "Before court, send a formal notice (registered letter) setting a time to pay. ",
                ).to_string();
                text.push_str(if *prior_attempt {
                    lang.pick(
                        "La médiation (ou la conciliation) qui a eu lieu vaut déjà la tentative préalable que le tribunal exige pour une demande de 5 000 € ou moins. Une association de consommateurs peut vous aider ; SignalConso transmet un signalement à l'entreprise, qui peut y répondre.",
                        "The mediation (or conciliation) that took place already counts as the prior attempt a court requires for a claim of €5,000 or less. A consumer association can help; SignalConso forwards a report to the business, which may answer.",
                    )
                } else {
                    lang.pick(
                        "Pour une demande de 5 000 € ou moins, le tribunal exige d'abord une tentative de conciliation (conciliateur de justice, gratuit), de médiation ou de procédure participative ; un dossier que le Médiateur a refusé n'en est pas une. Une association de consommateurs peut vous aider ; SignalConso transmet un signalement à l'entreprise, qui peut y répondre.",
                        "For a claim of €5,000 or less, a court first requires an attempt at conciliation (a conciliateur de justice, free), mediation or participatory procedure; a file the ombudsman refused is not one. A consumer association can help; SignalConso forwards a report to the business, which may answer.",
                    )
                });
                text
            }
            NextStep::SeeConciliator => lang.pick(
                "Avant le tribunal, pour une demande de 5 000 € ou moins, tentez une conciliation : le conciliateur de justice est gratuit, on le saisit en ligne, par courrier ou à sa permanence (mairie, tribunal). Notez dans le dossier le jour du premier rendez-vous : la conciliation suspend le délai de remboursement jusqu'à sa fin.",
                "Before court, for a claim of €5,000 or less, try a conciliation: the conciliateur de justice is free, and is reached online, by post or at their office hours (town hall, court). Note in the case the day of the first meeting: the conciliation suspends the refund window until it ends.",
            ).into(),
            NextStep::WaitForConciliation => lang.pick(
                "La conciliation est en cours : notez son issue (accord, ou constat d'échec et sa date). Le délai de remboursement est suspendu jusque-là, puis il reprend pour ce qu'il en restait et au moins six mois.",
                "The conciliation is under way: note its outcome (an agreement, or a record of failure and its date). The refund window is suspended until then, then runs again for what was left of it and at least six months.",
            ).into(),
            NextStep::WaitForAssociation { until } => match lang {
                Lang::Fr => format!("Votre association s'occupe du dossier (elle intervient auprès de l'opérateur) : attendez son retour, et demandez-lui où en est le dossier si rien n'est venu le {}. Les délais du dossier continuent de courir : notez toute réponse de l'opérateur.", format_date(*until, lang)),
                Lang::En => format!("Your association is handling the case (it deals with the operator for you): wait for its news, and ask it where things stand if nothing has come by {}. The case's deadlines keep running: record any answer from the operator.", format_date(*until, lang)),
            },
            NextStep::GoToCourt { prior_attempt, small_claim } => {
                let mut text = lang.pick(
                    "La mise en demeure est restée sans effet : vous pouvez saisir le tribunal de proximité (jusqu'à 10 000 €), par une requête (Cerfa 16042) jusqu'à 5 000 €, avec un timbre fiscal de 50 € sauf aide juridictionnelle. ",
                    "The formal notice went unheeded: you may go to the tribunal de proximité (up to €10,000), by a request (Cerfa 16042) up to €5,000, with a €50 tax stamp unless on legal aid. ",
                ).to_string();
                text.push_str(match (small_claim, prior_attempt) {
                    (true, true) => lang.pick(
                        "Joignez la preuve de la médiation ou de la conciliation (la proposition du Médiateur, le constat du conciliateur) : elle vaut la tentative préalable exigée jusqu'à 5 000 €.",
                        "Attach the proof of the mediation or conciliation (the ombudsman's proposal, the conciliateur's record): it counts as the prior attempt required up to €5,000.",
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
            Warning::RefundWindowSuspended | Warning::SuspensionAwaitsNotice => {
                &[Legal::MediationSuspends, Legal::MediationSuspensionStart]
            }
            Warning::MediatorRejected => &[
                Legal::MediatorAdmissibility,
                Legal::PriorAttempt,
                Legal::Conciliator,
            ],
            Warning::ContractDateNeeded => &[Legal::TerminationFees],
            Warning::ReportIsNotAComplaint => &[
                Legal::SignalConso,
                Legal::ArcepAlert,
                Legal::MediatorAdmissibility,
            ],
            Warning::AssociationAlongside { .. } => &[Legal::ApprovedAssociations],
            Warning::OperatorClaimTimeBarred { .. } => &[
                Legal::Prescription,
                Legal::CourtClaimInterrupts,
                Legal::AcknowledgementInterrupts,
            ],
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
                    Lang::Fr => format!("Le droit de réclamer le remboursement de {amount} s'éteint le {date} (art. L34-2 CPCE). Une lettre de réclamation n'arrête pas ce délai : une médiation ou une conciliation le suspend, une demande en justice ou la reconnaissance écrite de l'opérateur l'interrompt. Ne comptez pas sur une saisine du Médiateur dans les derniers jours : la suspension peut ne compter que de son avis de saisine (dossier reçu), des semaines plus tard."),
                    Lang::En => format!("The right to claim back {amount} ends on {date} (CPCE L34-2). A complaint letter does not stop this limit: a mediation or conciliation suspends it, a court claim or the operator's written acknowledgement interrupts it. Do not count on a referral to the ombudsman in the last days: the suspension may count only from its notice that it has the file, weeks later."),
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
                "La médiation suspend le délai de remboursement : quand elle sera déclarée terminée (proposition acceptée ou refusée, ou fin annoncée), il recommencera à courir pour ce qu'il en restait, et au moins six mois. Notez cette fin dans le dossier : la nouvelle date s'affichera.",
                "The mediation suspends the refund window: when it is declared over (proposal accepted or refused, or its end announced), it runs again for what was left of it, and at least six months. Note that end in the case: the new date will show.",
            ).into(),
            Warning::SuspensionAwaitsNotice => lang.pick(
                "Pour la Cour de cassation, la saisine du Médiateur suspend déjà le délai de remboursement ; pour la commission qui contrôle la médiation de la consommation, seulement son avis de saisine (dossier reçu). Par prudence, les dates ne tiennent compte de la suspension qu'à partir de cet avis : notez-le dès qu'il arrive.",
                "For the Cour de cassation, the referral to the ombudsman already suspends the refund window; for the commission that oversees consumer mediation, only its notice that it has the file does. To be safe, the dates count the suspension only from that notice: note it as soon as it comes.",
            ).into(),
            Warning::MediatorRejected => lang.pick(
                "Le Médiateur a refusé le dossier : ce n'est pas une médiation. Ce refus ne vaut pas la tentative préalable exigée avant le tribunal pour une demande de 5 000 € ou moins, et ne suspend pas le délai de remboursement : tournez-vous vers un conciliateur de justice (gratuit).",
                "The ombudsman refused the file: that is not a mediation. The refusal does not count as the prior attempt a court requires for a claim of €5,000 or less, and does not suspend the refund window: turn to a conciliateur de justice (free).",
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
            Warning::ReportIsNotAComplaint => lang.pick(
                "Un signalement à SignalConso ou à l'Arcep n'est pas une réclamation : écrivez aussi à l'opérateur. Sans réclamation écrite, le Médiateur ne peut pas être saisi, et le signalement n'arrête aucun délai.",
                "A report to SignalConso or Arcep is not a complaint: write to the operator too. Without a written complaint the ombudsman cannot be referred to, and the report stops no deadline.",
            ).into(),
            Warning::AssociationAlongside { name, member, acting } => {
                let who = name.clone().unwrap_or_else(|| lang.pick("votre association", "your association").to_string());
                let mut text = match (lang, acting) {
                    (Lang::Fr, false) => format!("{who} vous accompagne : transmettez-lui le dossier et tenez-la au courant. Ses démarches auprès de l'opérateur ne remplacent pas les vôtres et n'arrêtent aucun délai ci-dessous."),
                    (Lang::En, false) => format!("{who} is helping you: send it the dossier and keep it informed. Its steps with the operator do not replace yours and stop none of the deadlines below."),
                    (Lang::Fr, true) => format!("{who} s'occupe du dossier : demandez-lui une copie de ce qu'elle envoie et notez ici la réponse de l'opérateur. Ses démarches n'arrêtent aucun délai ci-dessous : si une date approche, voyez avec elle qui agit avant."),
                    (Lang::En, true) => format!("{who} is handling the case: ask it for a copy of what it sends and record the operator's answer here. Its steps stop none of the deadlines below: if a date draws near, agree with it on who acts before then."),
                };
                if *member == Some(false) {
                    text.push(' ');
                    text.push_str(lang.pick(
                        "Pour qu'elle traite votre litige, il faut en général y adhérer (cotisation variable).",
                        "For it to handle your dispute, you usually have to join it (the fee varies).",
                    ));
                }
                text
            }
            Warning::OperatorClaimTimeBarred { limit, .. } => match lang {
                Lang::Fr => format!("L'opérateur avait jusqu'au {} pour réclamer cette somme en justice (un an après son exigibilité, art. L34-2 CPCE) ; ses relances et lettres, même recommandées, n'arrêtent pas ce délai. Sauf s'il a saisi un tribunal ou si vous avez reconnu la dette avant cette date (un paiement partiel, un accord écrit), il ne peut plus l'exiger : contestez la réclamation.", format_date(*limit, lang)),
                Lang::En => format!("The operator had until {} to claim this sum in court (one year after it fell due, CPCE L34-2); its reminders and letters, even registered, do not stop this limit. Unless it went to court or you acknowledged the debt before that day (a part payment, a written agreement), it can no longer demand it: dispute the claim.", format_date(*limit, lang)),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::case::{Channel, DisputedLine, Event, Milestone};
    use super::super::letters::tests::sample_case;
    use super::super::tests::{case_with, complaint, day, event, mediator, recourse};
    use super::*;

    /// An association that took the case on, its exchange on `date`, coming back by `by`.
    fn association_acting(date: &str, by: Option<&str>) -> Event {
        let mut e = event(
            date,
            Stage::ConsumerAssociation,
            Channel::InPerson,
            Answer::Awaited,
        );
        e.answer_by = by.map(day);
        e.association = Some(super::super::case::AssociationContact {
            id: Some("clcv".into()),
            member: Some(true),
            acting: true,
            ..Default::default()
        });
        e
    }

    #[test]
    fn an_association_that_took_the_case_on_holds_the_persons_moves_not_the_deadlines() {
        let letter = complaint("2026-01-10", Answer::Awaited);
        // No date given: a month after the exchange, then the ladder's step again.
        let case = case_with(vec![letter.clone(), association_acting("2026-02-12", None)]);
        let wait = NextStep::WaitForAssociation {
            until: day("2026-03-12"),
        };
        assert_eq!(next(&case, day("2026-02-12")), wait);
        assert_eq!(next(&case, day("2026-03-12")), wait);
        assert_eq!(
            next(&case, day("2026-03-13")),
            NextStep::ReferToMediator {
                before: day("2027-01-10")
            }
        );
        let advice = advise(&case, day("2026-02-20"));
        assert_eq!(advice.stage, Some(Stage::ConsumerAssociation));
        assert!(advice.warnings.contains(&Warning::AssociationAlongside {
            name: Some("CLCV".into()),
            member: Some(true),
            acting: true,
        }));
        // Waiting for the operator stays waiting for the operator.
        assert_eq!(
            next(
                &case_with(vec![letter.clone(), association_acting("2026-01-20", None)]),
                day("2026-02-01")
            ),
            NextStep::WaitForAnswer {
                until: day("2026-02-10")
            }
        );
        // The operator answered after it: the person's move again.
        let mut answer = complaint("2026-02-20", Answer::Unsatisfactory);
        answer.channel = Channel::Email;
        let answered = case_with(vec![
            letter.clone(),
            association_acting("2026-02-12", None),
            answer,
        ]);
        assert_eq!(answered.association_acting(), None);
        assert_eq!(
            next(&answered, day("2026-02-25")),
            NextStep::WriteToConsumerService
        );
        // The association reported back (its exchange answered): the person's move again.
        let mut back = association_acting("2026-02-12", None);
        back.answer = Answer::Unsatisfactory;
        back.answered_on = Some(day("2026-02-12"));
        assert_eq!(
            next(&case_with(vec![letter.clone(), back]), day("2026-02-20")),
            NextStep::WriteToConsumerService
        );
        // The Médiateur's last day before the association's date: referring stays the step.
        let second = recourse("2026-02-12", Answer::Awaited);
        let late = case_with(vec![
            letter.clone(),
            second.clone(),
            association_acting("2026-03-20", Some("2027-02-01")),
        ]);
        assert_eq!(
            next(&late, day("2026-03-21")),
            NextStep::ReferToMediator {
                before: day("2027-01-10")
            }
        );
        let soon = case_with(vec![
            letter,
            second,
            association_acting("2026-03-20", Some("2026-04-30")),
        ]);
        assert_eq!(
            next(&soon, day("2026-03-21")),
            NextStep::WaitForAssociation {
                until: day("2026-04-30")
            }
        );
    }

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
                NextStep::SendFormalNotice {
                    prior_attempt: true,
                },
            ),
            (
                vec![call.clone(), letter.clone()],
                "2027-01-11",
                NextStep::SendFormalNotice {
                    prior_attempt: false,
                },
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
                prior_attempt: true,
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
        let mediated = NextStep::SendFormalNotice {
            prior_attempt: true,
        }
        .describe(Lang::Fr);
        assert!(
            mediated.contains("mise en demeure")
                && mediated.contains("vaut déjà la tentative préalable"),
            "{mediated}"
        );
        let not = NextStep::SendFormalNotice {
            prior_attempt: false,
        }
        .describe(Lang::Fr);
        assert!(
            not.contains("conciliation") && not.contains("de médiation"),
            "{not}"
        );
        assert!(!not.contains("seul"));
        for text in [&mediated, &not] {
            assert!(text.contains("SignalConso transmet"), "{text}");
        }
        assert!(NextStep::SendFormalNotice {
            prior_attempt: true
        }
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
        // Referred: until the Médiateur's notice that it has the file, the window is not
        // counted as suspended (the safer reading), and the person is told why; once the
        // notice is on record, it is suspended and nothing else is warned.
        case.events
            .push(mediator("2027-01-12", None, Answer::Awaited));
        let w = advise(&case, day("2027-01-13")).warnings;
        assert!(
            !late(&w)
                && w.contains(&Warning::SuspensionAwaitsNotice)
                && !w.contains(&Warning::RefundWindowSuspended),
            "{w:?}"
        );
        case.events.push(mediator(
            "2027-01-20",
            Some(Milestone::FileComplete),
            Answer::Awaited,
        ));
        let w = advise(&case, day("2027-01-21")).warnings;
        assert!(
            !late(&w)
                && w.contains(&Warning::RefundWindowSuspended)
                && !w.contains(&Warning::SuspensionAwaitsNotice),
            "{w:?}"
        );
    }

    #[test]
    fn a_dispute_already_before_a_court_is_not_sent_to_the_mediator() {
        let mut case = case_with(vec![complaint("2026-01-08", Answer::Awaited)]);
        case.second_level = SecondLevel::No;
        let today = day("2026-04-01");
        assert!(matches!(
            advise(&case, today).next,
            NextStep::ReferToMediator { .. }
        ));
        assert!(available(&case, &advise(&case, today).next, today).contains(&LetterKind::Mediator));
        case.before_court = true;
        let advice = advise(&case, today);
        assert!(
            !matches!(advice.next, NextStep::ReferToMediator { .. })
                && advice.warnings.contains(&Warning::AlreadyBeforeCourt),
            "{advice:?}"
        );
        assert!(!available(&case, &advice.next, today).contains(&LetterKind::Mediator));
        // Written anyway, the summary says nothing false and says why it is of no use.
        let letter = super::super::letters::write(
            LetterKind::Mediator,
            &case,
            &super::super::letters::tests::sender(),
            Channel::WebForm,
            today,
        );
        assert!(!letter.text.contains("aucun tribunal"), "{}", letter.text);
        assert!(letter.notes.iter().any(|n| n.fr.contains("L612-2")));
    }

    #[test]
    fn the_operator_claiming_a_sum_after_its_year_is_warned() {
        let mut case = case_with(vec![]);
        case.lines.push(DisputedLine {
            due_on: Some(day("2025-03-15")),
            claimed_on: Some(day("2026-03-15")),
            ..case.lines[0].clone()
        });
        let barred = |case: &Case, today: &str| {
            advise(case, day(today))
                .warnings
                .iter()
                .any(|w| matches!(w, Warning::OperatorClaimTimeBarred { line: 2, .. }))
        };
        // Claimed on the last day: not barred that day; the reminder does not stop the
        // year, so the next day it is (no court claim on record).
        assert!(!barred(&case, "2026-03-15"), "claimed on the last day");
        assert!(barred(&case, "2026-03-16"), "a reminder does not stop it");
        // Claimed a day late: barred at once.
        case.lines[2].claimed_on = Some(day("2026-03-16"));
        assert!(barred(&case, "2026-03-16"));
        // Not for third-party content, nor damages for an early termination.
        case.lines[2].reason = Some(RuleId::ThirdParty);
        assert!(!barred(&case, "2026-04-01"));
        case.lines[2].reason = None;
        case.lines[2].label = "Indemnité de résiliation anticipée".into();
        assert!(!barred(&case, "2026-04-01"));
        case.lines[2].label = "Frais de résiliation".into();
        assert!(
            barred(&case, "2026-04-01"),
            "termination fees fall under L34-2"
        );
        let text = Warning::OperatorClaimTimeBarred {
            line: 2,
            limit: day("2026-03-15"),
        }
        .describe(Lang::Fr);
        assert!(
            text.contains("relances") && text.contains("tribunal"),
            "{text}"
        );
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
            NextStep::SendFormalNotice {
                prior_attempt: true,
            },
            NextStep::SendFormalNotice {
                prior_attempt: false,
            },
            NextStep::GoToCourt {
                prior_attempt: true,
                small_claim: true,
            },
            NextStep::GoToCourt {
                prior_attempt: false,
                small_claim: true,
            },
            NextStep::GoToCourt {
                prior_attempt: false,
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
