//! The dates that matter in a dispute, computed from its exchanges and what the case knows.
//!
//! Sources (figures and how each was checked in `core::law`):
//! - the order of service-public.fr F14373: the written complaint to customer service;
//!   after its unsatisfactory answer, or one month without one, the *service consommateurs*
//!   (second level); after the second level's unsatisfactory answer the Médiateur at once,
//!   or after one month of its silence. Directly only when customer service stays silent
//!   for two months. An unsatisfactory first-level answer does not open the Médiateur
//!   where the operator has a second level. Once the second level is written to, its own
//!   answer or month is awaited (referring while it runs would skip it);
//! - the Médiateur: not more than one year after the written complaint (Code de la
//!   consommation L612-2); a rejection notified within three weeks of receiving the file
//!   (L612-2); its proposal within 90 days of its notice that it has the file
//!   (R612-2, R612-5);
//! - the refund window of each paid amount: one year from its payment (CPCE L34-2),
//!   suspended by a mediation or a conciliation (C. civ. 2238), counted from the
//!   Médiateur's notice that it has the file (the safer of two readings), and
//!   running again from its end for what was left and at least six months; a file the
//!   Médiateur refused suspends nothing;
//! - the bank's refund of a direct debit: 8 weeks when authorised (CMF L133-25), 13 months
//!   when not (L133-24);
//! - termination without fees after a price change: four months from the notice (L224-33).

use crate::core::money::Amount as _;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::case::{Answer, Case, CaseStatus, Milestone, SecondLevel};
use super::ladder::Stage;
use crate::core::dates::format_date;
use crate::core::i18n::Lang;
use crate::core::law::{self, Legal};
use crate::core::money::format_amount;

pub use crate::core::law::add_months;

/// Within this many days, a deadline is shown as close.
pub const SOON_DAYS: i64 = 14;

/// What a date is the deadline of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineKind {
    /// The operator's answer asked for by a given date.
    AnswerDue,
    /// A follow-up the operator promised.
    FollowUp,
    /// From this day, without a satisfactory answer, the second level may be written to.
    SecondLevelOpens,
    /// From this day the Médiateur may be referred to.
    MediatorOpens,
    /// After this day the Médiateur may no longer be referred to (L612-2).
    MediatorCloses,
    /// A rejection of the file is notified within three weeks of its receipt (L612-2).
    MediatorAdmissibility,
    /// The Médiateur's proposal is due (90 days from its notice that it has the file).
    MediatorProposal,
    /// The last day to claim back an amount paid (one year, CPCE L34-2).
    RefundWindowCloses,
    /// The last day to claim back an amount paid, the window having run again since a
    /// mediation or conciliation ended (C. civ. 2238 al. 2).
    RefundWindowResumedCloses,
    /// The last day to ask the bank to refund an authorised direct debit (8 weeks).
    SepaAuthorisedCloses,
    /// The last day to contest an unauthorised direct debit with the bank (13 months).
    SepaUnauthorisedCloses,
    /// The last day to terminate without fees after a price change (four months).
    PriceChangeTerminationCloses,
}

impl DeadlineKind {
    /// The references the deadline rests on.
    pub fn sources(self) -> &'static [Legal] {
        match self {
            DeadlineKind::AnswerDue | DeadlineKind::FollowUp => &[],
            DeadlineKind::SecondLevelOpens => &[Legal::DisputeSteps],
            DeadlineKind::MediatorOpens => &[Legal::DisputeSteps, Legal::MediatorAdmissibility],
            DeadlineKind::MediatorCloses | DeadlineKind::MediatorAdmissibility => {
                &[Legal::MediatorAdmissibility]
            }
            DeadlineKind::MediatorProposal => &[Legal::MediatorProposal],
            DeadlineKind::RefundWindowCloses | DeadlineKind::RefundWindowResumedCloses => {
                &[Legal::Prescription, Legal::MediationSuspends]
            }
            DeadlineKind::SepaAuthorisedCloses => &[Legal::SepaAuthorised],
            DeadlineKind::SepaUnauthorisedCloses => &[Legal::SepaUnauthorised],
            DeadlineKind::PriceChangeTerminationCloses => &[Legal::PriceChangeNotice],
        }
    }

    /// The id as printed by `inspect advise` (`mediator_opens`), its serde name.
    pub fn id(self) -> &'static str {
        match self {
            DeadlineKind::AnswerDue => "answer_due",
            DeadlineKind::FollowUp => "follow_up",
            DeadlineKind::SecondLevelOpens => "second_level_opens",
            DeadlineKind::MediatorOpens => "mediator_opens",
            DeadlineKind::MediatorCloses => "mediator_closes",
            DeadlineKind::MediatorAdmissibility => "mediator_admissibility",
            DeadlineKind::MediatorProposal => "mediator_proposal",
            DeadlineKind::RefundWindowCloses => "refund_window_closes",
            DeadlineKind::RefundWindowResumedCloses => "refund_window_resumed_closes",
            DeadlineKind::SepaAuthorisedCloses => "sepa_authorised_closes",
            DeadlineKind::SepaUnauthorisedCloses => "sepa_unauthorised_closes",
            DeadlineKind::PriceChangeTerminationCloses => "price_change_termination_closes",
        }
    }

    /// What to do by that day, for a calendar reminder.
    pub fn todo(self, lang: Lang) -> &'static str {
        let (fr, en) = match self {
            DeadlineKind::AnswerDue => (
                "Sans réponse, notez-le dans Contestel et passez à l'étape suivante.",
                "Without an answer, note it in Contestel and move to the next step.",
            ),
            DeadlineKind::FollowUp => (
                "Vérifiez que la suite promise a eu lieu et notez-le.",
                "Check the promised follow-up happened and note it.",
            ),
            DeadlineKind::SecondLevelOpens => (
                "Sans réponse satisfaisante, écrivez au service consommateurs en rappelant votre réclamation.",
                "Without a satisfactory answer, write to the consumer service recalling your complaint.",
            ),
            DeadlineKind::MediatorOpens => (
                "Sans réponse satisfaisante, saisissez le Médiateur des communications électroniques (gratuit).",
                "Without a satisfactory answer, refer the case to the electronic communications ombudsman (free).",
            ),
            DeadlineKind::MediatorCloses => (
                "Dernier jour pour saisir le Médiateur.",
                "Last day to refer the case to the ombudsman.",
            ),
            DeadlineKind::MediatorAdmissibility => (
                "Sans refus du Médiateur à cette date, attendez son avis de saisine (dossier reçu).",
                "Without a rejection by then, wait for the ombudsman's notice that it has the file.",
            ),
            DeadlineKind::MediatorProposal => (
                "La proposition du Médiateur est attendue ; notez-la et dites si vous l'acceptez.",
                "The ombudsman's proposal is due; note it and whether you accept it.",
            ),
            DeadlineKind::RefundWindowCloses => (
                "Bien avant ce jour : saisissez le Médiateur (pas dans les derniers jours : la suspension peut ne compter que de son avis de saisine (dossier reçu)) ou le tribunal ; une lettre de réclamation n'arrête pas ce délai.",
                "Well before this day: refer to the ombudsman (not in the last days: the suspension may count only from its notice that it has the file) or a court; a complaint letter does not stop this limit.",
            ),
            DeadlineKind::RefundWindowResumedCloses => (
                "Avant ce jour : saisissez le tribunal (ou un conciliateur de justice, dont la conciliation suspend aussi ce délai) ; une lettre n'arrête pas ce délai.",
                "Before this day: go to court (or to a conciliateur de justice, whose conciliation also suspends this limit); a letter does not stop it.",
            ),
            DeadlineKind::SepaAuthorisedCloses => (
                "Dernier jour pour demander à la banque le remboursement du prélèvement (cela n'éteint pas la dette).",
                "Last day to ask the bank to refund the direct debit (it does not cancel the debt).",
            ),
            DeadlineKind::SepaUnauthorisedCloses => (
                "Dernier jour pour contester auprès de la banque un prélèvement que vous n'avez pas autorisé.",
                "Last day to contest with the bank a debit you never authorised.",
            ),
            DeadlineKind::PriceChangeTerminationCloses => (
                "Dernier jour pour résilier sans frais après la hausse de prix.",
                "Last day to terminate without fees after the price change.",
            ),
        };
        lang.pick(fr, en)
    }
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
    /// The disputed lines it is for (indexes into the case's lines), for the windows that
    /// run per paid amount.
    #[serde(default)]
    pub lines: Vec<usize>,
    /// The amount those lines make.
    #[serde(default)]
    pub amount: Option<rust_decimal::Decimal>,
}

impl Deadline {
    fn new(kind: DeadlineKind, date: NaiveDate, today: NaiveDate, event: Option<u32>) -> Deadline {
        Deadline {
            kind,
            date,
            state: state(date, today),
            event,
            lines: Vec::new(),
            amount: None,
        }
    }

    /// A sentence for a person.
    pub fn describe(&self, lang: Lang) -> String {
        let date = format_date(self.date, lang);
        let of = match self.amount {
            Some(amount) => match lang {
                Lang::Fr => format!(" ({} payés)", format_amount(amount, lang)),
                Lang::En => format!(" ({} paid)", format_amount(amount, lang)),
            },
            None => String::new(),
        };
        let (fr, en) = match self.kind {
            DeadlineKind::AnswerDue => ("Réponse attendue au plus tard le", "Answer due by"),
            DeadlineKind::FollowUp => ("Suite promise pour le", "Follow-up promised for"),
            DeadlineKind::SecondLevelOpens => (
                "Service consommateurs à saisir, sans réponse satisfaisante, à partir du",
                "Consumer service to write to, without a satisfactory answer, from",
            ),
            DeadlineKind::MediatorOpens => (
                "Médiateur saisissable à partir du",
                "Ombudsman can be referred to from",
            ),
            DeadlineKind::MediatorCloses => (
                "Dernier jour pour saisir le Médiateur (1 an après la réclamation écrite) :",
                "Last day to refer to the ombudsman (1 year after the written complaint):",
            ),
            DeadlineKind::MediatorAdmissibility => (
                "Un refus du dossier par le Médiateur doit être notifié dans les 3 semaines de sa réception, vers le",
                "A rejection of the file must be notified within 3 weeks of its receipt, around",
            ),
            DeadlineKind::MediatorProposal => (
                "Proposition de solution du Médiateur attendue (90 jours après l'avis de saisine, prolongeables) avant le",
                "The ombudsman's proposed solution is due (90 days after the notice that it has the file, extendable) by",
            ),
            DeadlineKind::RefundWindowCloses => (
                "Dernier jour pour réclamer le remboursement (1 an après le paiement, art. L34-2 CPCE)",
                "Last day to claim a refund (1 year after payment, CPCE L34-2)",
            ),
            DeadlineKind::RefundWindowResumedCloses => (
                "Dernier jour pour réclamer le remboursement (le délai a repris à la fin de la médiation ou de la conciliation, pour ce qu'il en restait et au moins 6 mois, art. 2238 du Code civil)",
                "Last day to claim a refund (the limit ran again when the mediation or conciliation ended, for what was left of it and at least 6 months, Code civil art. 2238)",
            ),
            DeadlineKind::SepaAuthorisedCloses => (
                "Dernier jour pour demander à la banque le remboursement du prélèvement (8 semaines)",
                "Last day to ask the bank to refund the direct debit (8 weeks)",
            ),
            DeadlineKind::SepaUnauthorisedCloses => (
                "Dernier jour pour contester un prélèvement non autorisé (13 mois)",
                "Last day to contest an unauthorised debit (13 months)",
            ),
            DeadlineKind::PriceChangeTerminationCloses => (
                "Dernier jour pour résilier sans frais après la hausse de prix (4 mois) :",
                "Last day to terminate without fees after the price change (4 months):",
            ),
        };
        // A step that opened on a day past is open since then; anything else past is said
        // to be past, with how long ago, never shown as still to come.
        let past = match self.state {
            DeadlineState::Past(days) => Some(days),
            _ => None,
        };
        let (fr, en) = match (self.kind, past) {
            (DeadlineKind::SecondLevelOpens, Some(_)) => (
                "Service consommateurs à saisir, sans réponse satisfaisante, depuis le",
                "Consumer service to write to, without a satisfactory answer, since",
            ),
            (DeadlineKind::MediatorOpens, Some(_)) => (
                "Médiateur saisissable depuis le",
                "Ombudsman can be referred to since",
            ),
            _ => (fr, en),
        };
        let text = match self.kind {
            DeadlineKind::RefundWindowCloses
            | DeadlineKind::RefundWindowResumedCloses
            | DeadlineKind::SepaAuthorisedCloses
            | DeadlineKind::SepaUnauthorisedCloses => {
                format!("{}{of}{}{date}", lang.pick(fr, en), lang.colon())
            }
            _ => format!("{} {date}", lang.pick(fr, en)),
        };
        let passed = match (self.kind, past) {
            (DeadlineKind::SecondLevelOpens | DeadlineKind::MediatorOpens, _) | (_, None) => {
                return text
            }
            (_, Some(days)) => match lang {
                Lang::Fr => format!(
                    "{text} — dépassé depuis {days} jour{}",
                    if days > 1 { "s" } else { "" }
                ),
                Lang::En => format!(
                    "{text} — passed {days} day{} ago",
                    if days > 1 { "s" } else { "" }
                ),
            },
        };
        match self.past_means() {
            Some((fr, en)) => format!("{passed}{}{}", lang.colon(), lang.pick(fr, en)),
            None => passed,
        }
    }

    /// What a closing deadline, once past, means now: what its sources
    /// ([`DeadlineKind::sources`]) say happens after it. None for a deadline whose passing
    /// changes nothing by itself (an answer or a follow-up late, the Médiateur's own
    /// delays).
    fn past_means(&self) -> Option<(&'static str, &'static str)> {
        Some(match self.kind {
            DeadlineKind::MediatorCloses => (
                "le Médiateur ne peut plus prendre ce litige (plus d'un an après la réclamation écrite)",
                "the ombudsman can no longer take this dispute (more than a year after the written complaint)",
            ),
            DeadlineKind::RefundWindowCloses | DeadlineKind::RefundWindowResumedCloses => (
                "l'opérateur peut opposer le délai d'un an à la demande de remboursement de ce montant",
                "the operator may refuse to refund this amount, claimed more than a year after payment",
            ),
            DeadlineKind::SepaAuthorisedCloses => (
                "la banque n'a plus à rembourser ce prélèvement sur simple demande ; s'il n'était pas autorisé, le délai de 13 mois reste",
                "the bank no longer has to refund this debit on request; if it was not authorised, the 13 months remain",
            ),
            DeadlineKind::SepaUnauthorisedCloses => (
                "la banque n'a plus à rembourser ce prélèvement, même non autorisé",
                "the bank no longer has to refund this debit, even an unauthorised one",
            ),
            DeadlineKind::PriceChangeTerminationCloses => (
                "la résiliation sans frais pour cette hausse de prix n'est plus ouverte",
                "terminating without fees over this price change is no longer open",
            ),
            _ => return None,
        })
    }
}

fn state(date: NaiveDate, today: NaiveDate) -> DeadlineState {
    let days = date.signed_duration_since(today).num_days();
    if days < 0 {
        DeadlineState::Past(-days)
    } else if days <= SOON_DAYS {
        DeadlineState::Soon(days)
    } else {
        DeadlineState::Later(days)
    }
}

/// The day the first level's unsatisfactory answer came, if it came.
fn first_level_refusal(case: &Case, since: NaiveDate) -> Option<NaiveDate> {
    case.events
        .iter()
        .filter(|e| {
            matches!(e.stage, Stage::CustomerService | Stage::WrittenComplaint)
                && e.date >= since
                && e.refused()
        })
        .map(|e| e.answer_day())
        .min()
}

/// The day, if any, the first level answered the written complaint at all.
fn first_level_answer(case: &Case, since: NaiveDate) -> Option<NaiveDate> {
    case.events
        .iter()
        .filter(|e| {
            matches!(e.stage, Stage::CustomerService | Stage::WrittenComplaint)
                && e.date >= since
                && e.answer.answered()
        })
        .map(|e| e.answer_day())
        .min()
}

/// The day the second level may be written to, once a first-level complaint is on record:
/// at once after an unsatisfactory answer, or one month after the complaint without one.
/// `None` when the operator has no second level or it was already written to.
pub fn second_level_opens(case: &Case) -> Option<NaiveDate> {
    if case.second_level == SecondLevel::No || case.second_level_recourse().is_some() {
        return None;
    }
    let first = case.first_complaint()?;
    let silence = add_months(first.date, law::SECOND_LEVEL_WAIT_MONTHS);
    Some(first_level_refusal(case, first.date).map_or(silence, |r| r.min(silence)))
}

/// The day the Médiateur may be referred to, from the steps on record; `None` while the
/// steps before it are not on record (no written complaint; or a first-level answer came
/// and the second level, where the operator has one, was not written to).
pub fn mediator_opens(case: &Case) -> Option<NaiveDate> {
    if let Some(recourse) = case.second_level_recourse() {
        // The second level was written to: its refusal opens the Médiateur at once, its
        // silence after one month.
        let silence = add_months(recourse.date, law::SECOND_LEVEL_WAIT_MONTHS);
        let refusal = case
            .events
            .iter()
            .filter(|e| e.stage == Stage::ConsumerService && e.date >= recourse.date && e.refused())
            .map(|e| e.answer_day())
            .min();
        return Some(refusal.map_or(silence, |r| r.min(silence)));
    }
    let first = case.first_complaint()?;
    let silence = add_months(first.date, law::FIRST_LEVEL_SILENCE_MONTHS);
    // Customer service silent for two months: the Médiateur directly.
    let silent = first_level_answer(case, first.date).is_none_or(|answered| answered >= silence);
    let by_silence = silent.then_some(silence);
    match case.second_level {
        // No second level: the first level's refusal is the operator's last word.
        SecondLevel::No => match (first_level_refusal(case, first.date), by_silence) {
            (Some(r), Some(s)) => Some(r.min(s)),
            (r, s) => r.or(s),
        },
        SecondLevel::Yes | SecondLevel::Unknown => by_silence,
    }
}

/// The last day the Médiateur may be referred to: one year after the written complaint.
pub fn mediator_closes(case: &Case) -> Option<NaiveDate> {
    case.written_complaint()
        .map(|c| add_months(c.date, law::MEDIATOR_WINDOW_MONTHS))
}

/// The day a rejection of the file should be notified by: three weeks from its receipt
/// (counted from the referral, the earliest the file can have been received).
pub fn mediator_rejection_by(case: &Case) -> Option<NaiveDate> {
    case.mediator_referral()
        .map(|r| law::add_days(r.date, law::MEDIATOR_REJECTION_DAYS))
}

/// The day the Médiateur's proposal is due: 90 days from its notice that the file is
/// complete; `None` until that notice is on record.
pub fn mediator_proposal_due(case: &Case) -> Option<NaiveDate> {
    case.mediator_step(Milestone::FileComplete)
        .map(|n| law::add_days(n.date, law::MEDIATOR_PROPOSAL_DAYS))
}

/// Where a refund window stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WindowState {
    /// Running to its first end, one year after the payment.
    Running,
    /// Standing still while a mediation or conciliation that began before its end runs.
    Suspended,
    /// Running again since the mediation or conciliation ended on this day, for what was
    /// left of it and at least six months (C. civ. 2238 al. 2).
    Resumed {
        /// The day the mediation or conciliation ended.
        ended: NaiveDate,
    },
}

/// One refund window: the amounts paid on one day, and the last day to claim them back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RefundWindow {
    /// The day they were paid.
    pub paid_on: NaiveDate,
    /// The last day of the window: one year after the payment, or, once a mediation or
    /// conciliation that suspended it ended, the day it now ends (meaningless while
    /// [`WindowState::Suspended`]).
    pub closes: NaiveDate,
    /// The lines (indexes into the case's lines); empty for a case without lines.
    pub lines: Vec<usize>,
    /// What they add up to.
    pub amount: rust_decimal::Decimal,
    /// Where it stands.
    pub state: WindowState,
}

/// A time during which the refund windows stand still (C. civ. 2238): a mediation or a
/// conciliation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Suspension {
    /// The day it is counted from.
    pub from: NaiveDate,
    /// The day it ended; `None` while it runs.
    pub until: Option<NaiveDate>,
}

/// The suspensions on record, by start. A mediation is counted from the Médiateur's notice
/// that the file is complete (its acceptance of the file), the later and safer of the two
/// readings (the Cour de cassation counts from the referral, the commission that oversees
/// consumer mediation from that notice); until the notice is on record, from the first
/// later step recorded; a refused file suspends nothing. A conciliation is counted from the
/// day recorded (the first meeting, or the written agreement to go to one) to its answer.
pub fn suspensions(case: &Case) -> Vec<Suspension> {
    let mut out = Vec::new();
    if let Some(from) = case.mediator_has_file().filter(|_| case.mediated()) {
        out.push(Suspension {
            from,
            until: case.mediation_end(),
        });
    }
    if let Some(conciliation) = case.conciliation() {
        out.push(Suspension {
            from: conciliation.date,
            until: conciliation
                .answer
                .answered()
                .then(|| conciliation.answer_day()),
        });
    }
    out.sort_by_key(|s| s.from);
    out
}

/// The last day of a window that first closed on `closes`, after the suspensions: each
/// that began before it stops it, and from its end it runs again for what was left and at
/// least six months (C. civ. 2238 al. 2).
fn after_suspensions(closes: NaiveDate, suspensions: &[Suspension]) -> (NaiveDate, WindowState) {
    let (mut closes, mut state) = (closes, WindowState::Running);
    for s in suspensions {
        if s.from > closes {
            continue;
        }
        let left = closes.signed_duration_since(s.from).num_days().max(0) as u64;
        match s.until {
            None => return (closes, WindowState::Suspended),
            Some(ended) => {
                closes = law::add_days(ended, left).max(add_months(ended, law::RESUMED_MIN_MONTHS));
                state = WindowState::Resumed { ended };
            }
        }
    }
    (closes, state)
}

/// The amounts paid on one day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Payment {
    /// The day.
    pub paid_on: NaiveDate,
    /// The lines (indexes into the case's lines); empty for a case without lines.
    pub lines: Vec<usize>,
    /// What they add up to.
    pub amount: rust_decimal::Decimal,
}

/// Every disputed amount paid, grouped by the day it was paid (debited).
pub fn debits(case: &Case) -> Vec<Payment> {
    let mut out: Vec<Payment> = Vec::new();
    if case.lines.is_empty() {
        if let Some(paid_on) = case.paid_on {
            out.push(Payment {
                paid_on,
                lines: Vec::new(),
                amount: case.disputed,
            });
        }
    }
    for (i, line) in case.lines.iter().enumerate() {
        let Some(paid_on) = case.paid_on(line) else {
            continue;
        };
        match out.iter_mut().find(|p| p.paid_on == paid_on) {
            Some(p) => {
                p.lines.push(i);
                p.amount = p.amount.plus(line.amount);
            }
            None => out.push(Payment {
                paid_on,
                lines: vec![i],
                amount: line.amount,
            }),
        }
    }
    out.sort_by_key(|p| p.paid_on);
    out
}

/// The L34-2 window of each paid amount of the case, by payment date. A line disputed for
/// third-party content has none (L34-2 does not cover it).
pub fn refund_windows(case: &Case) -> Vec<RefundWindow> {
    let suspensions = suspensions(case);
    let mut windows: Vec<RefundWindow> = Vec::new();
    let mut push = |paid_on: NaiveDate, line: Option<usize>, amount| {
        let (closes, state) =
            after_suspensions(add_months(paid_on, law::PRESCRIPTION_MONTHS), &suspensions);
        match windows.iter_mut().find(|w| w.paid_on == paid_on) {
            Some(w) => {
                w.lines.extend(line);
                w.amount = w.amount.plus(amount);
            }
            None => windows.push(RefundWindow {
                paid_on,
                closes,
                lines: line.into_iter().collect(),
                amount,
                state,
            }),
        }
    };
    if case.lines.is_empty() {
        if let Some(paid) = case.paid_on {
            push(paid, None, case.disputed);
        }
    }
    for (i, line) in case.lines.iter().enumerate() {
        if line.reason == Some(crate::core::finding::RuleId::ThirdParty) {
            continue;
        }
        if let Some(paid) = case.paid_on(line) {
            push(paid, Some(i), line.amount);
        }
    }
    windows.sort_by_key(|w| w.paid_on);
    windows
}

/// Every deadline of a case on `today`, by date, from the case as it stood that day. A
/// closed case has none.
pub fn deadlines(case: &Case, today: NaiveDate) -> Vec<Deadline> {
    let case = &case.as_of(today);
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
    let settled = case.settled();
    match case.mediator_referral() {
        None if !settled => {
            if let Some(opens) = second_level_opens(case) {
                out.push(Deadline::new(
                    DeadlineKind::SecondLevelOpens,
                    opens,
                    today,
                    case.first_complaint().map(|e| e.id),
                ));
            }
            if let Some(opens) = mediator_opens(case) {
                out.push(Deadline::new(
                    DeadlineKind::MediatorOpens,
                    opens,
                    today,
                    None,
                ));
            }
            if let Some(closes) = mediator_closes(case) {
                out.push(Deadline::new(
                    DeadlineKind::MediatorCloses,
                    closes,
                    today,
                    case.written_complaint().map(|e| e.id),
                ));
            }
        }
        None => {}
        // The Médiateur's own dates, until its part is done: a proposal, a declared end, or
        // the file refused.
        Some(_) if case.mediation_over() || settled => {}
        Some(referral) => match mediator_proposal_due(case) {
            Some(due) => out.push(Deadline::new(
                DeadlineKind::MediatorProposal,
                due,
                today,
                case.mediator_step(Milestone::FileComplete).map(|e| e.id),
            )),
            None if !referral.answer.answered() => {
                if let Some(by) = mediator_rejection_by(case) {
                    if by >= today {
                        out.push(Deadline::new(
                            DeadlineKind::MediatorAdmissibility,
                            by,
                            today,
                            Some(referral.id),
                        ));
                    }
                }
            }
            None => {}
        },
    }
    if !settled {
        for window in refund_windows(case) {
            let kind = match window.state {
                WindowState::Suspended => continue,
                WindowState::Running => DeadlineKind::RefundWindowCloses,
                WindowState::Resumed { .. } => DeadlineKind::RefundWindowResumedCloses,
            };
            let mut d = Deadline::new(kind, window.closes, today, None);
            d.lines = window.lines.clone();
            d.amount = Some(window.amount);
            out.push(d);
        }
        if case.direct_debit {
            // Every debited amount, third-party ones included: the bank's rules are not
            // L34-2's.
            for debit in debits(case) {
                for (kind, date) in [
                    (
                        DeadlineKind::SepaAuthorisedCloses,
                        law::add_days(debit.paid_on, law::SEPA_AUTHORISED_WEEKS * 7),
                    ),
                    (
                        DeadlineKind::SepaUnauthorisedCloses,
                        add_months(debit.paid_on, law::SEPA_UNAUTHORISED_MONTHS),
                    ),
                ] {
                    let mut d = Deadline::new(kind, date, today, None);
                    d.lines = debit.lines.clone();
                    d.amount = Some(debit.amount);
                    out.push(d);
                }
            }
        }
        if let Some(notice) = case.price_notice_on {
            out.push(Deadline::new(
                DeadlineKind::PriceChangeTerminationCloses,
                add_months(notice, law::PRICE_CHANGE_TERMINATION_MONTHS),
                today,
                None,
            ));
        }
    }
    out.sort_by_key(|d| (d.date, d.kind));
    out
}

/// The deadlines of every open case that fall between `today` and six days later, by date:
/// what is due this week.
pub fn due_this_week<'a>(
    cases: impl IntoIterator<Item = &'a Case>,
    today: NaiveDate,
) -> Vec<(&'a Case, Deadline)> {
    let mut due: Vec<(&Case, Deadline)> = cases
        .into_iter()
        .flat_map(|case| {
            deadlines(case, today)
                .into_iter()
                .filter(|d| matches!(d.state, DeadlineState::Soon(days) if days <= 6))
                .map(move |d| (case, d))
        })
        .collect();
    due.sort_by_key(|(case, d)| (d.date, case.id, d.kind));
    due
}

#[cfg(test)]
mod tests {
    use super::super::case::{Answer, Channel, Event};
    use super::super::ladder::Stage;
    use super::super::tests::{case_with, complaint, day, event, mediator, recourse};
    use super::*;

    fn find(deadlines: &[Deadline], kind: DeadlineKind) -> Option<&Deadline> {
        deadlines.iter().find(|d| d.kind == kind)
    }

    fn answered(mut e: Event, on: &str) -> Event {
        e.answered_on = Some(day(on));
        e
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

    /// Issue 32: a call nobody picked up could not be recorded as such. Recorded as « pas
    /// de réponse », it is no answer: nothing is awaited from it (no « réponse attendue »
    /// date even when one was typed), and customer service is still silent for the
    /// Médiateur's two months.
    #[test]
    fn a_call_nobody_answered_awaits_nothing_and_is_no_answer() {
        let mut call = event(
            "2026-02-10",
            Stage::CustomerService,
            Channel::Phone,
            Answer::NoAnswer,
        );
        call.answer_by = Some(day("2026-02-20"));
        let case = case_with(vec![complaint("2026-01-31", Answer::Awaited), call]);
        assert_eq!(mediator_opens(&case), Some(day("2026-03-31")));
        let all = deadlines(&case, day("2026-02-11"));
        assert!(
            !all.iter()
                .any(|d| d.kind == DeadlineKind::AnswerDue && d.date == day("2026-02-20")),
            "{all:?}"
        );
        assert!(!Answer::NoAnswer.answered() && !Answer::Awaited.answered());
        assert!(Answer::Unsatisfactory.answered());
        // Stored by its name, read back.
        assert_eq!(
            serde_json::to_string(&Answer::NoAnswer).unwrap(),
            "\"no_answer\""
        );
    }

    #[test]
    fn customer_service_silent_for_two_months_opens_the_mediator_directly() {
        let case = case_with(vec![complaint("2026-01-31", Answer::Awaited)]);
        // 31 January + 2 months: the last day of March.
        assert_eq!(mediator_opens(&case), Some(day("2026-03-31")));
        assert_eq!(second_level_opens(&case), Some(day("2026-02-28")));
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
    fn an_unsatisfactory_first_level_answer_opens_the_second_level_not_the_mediator() {
        let case = case_with(vec![answered(
            complaint("2026-02-01", Answer::Unsatisfactory),
            "2026-02-10",
        )]);
        // The consumer service at once; the Médiateur not before it was tried.
        assert_eq!(second_level_opens(&case), Some(day("2026-02-10")));
        assert_eq!(mediator_opens(&case), None);
        // Where the operator has no second level, that answer opens the Médiateur at once.
        let mut none = case.clone();
        none.second_level = SecondLevel::No;
        assert_eq!(mediator_opens(&none), Some(day("2026-02-10")));
        assert_eq!(second_level_opens(&none), None);
        // Without a second level and without an answer: two months.
        let mut silent = case_with(vec![complaint("2026-02-01", Answer::Awaited)]);
        silent.second_level = SecondLevel::No;
        assert_eq!(mediator_opens(&silent), Some(day("2026-04-01")));
    }

    #[test]
    fn the_second_level_opens_the_mediator_at_its_refusal_or_after_its_month() {
        // Its month of silence: written on 12 February, the Médiateur from 12 March, not
        // on 10 March when the first level's two months end.
        let waiting = case_with(vec![
            complaint("2026-01-10", Answer::Awaited),
            recourse("2026-02-12", Answer::Awaited),
        ]);
        assert_eq!(mediator_opens(&waiting), Some(day("2026-03-12")));
        // Its refusal: at once.
        let refused = case_with(vec![
            complaint("2026-01-10", Answer::Unsatisfactory),
            answered(recourse("2026-02-12", Answer::Unsatisfactory), "2026-02-20"),
        ]);
        assert_eq!(mediator_opens(&refused), Some(day("2026-02-20")));
        // Day by day around the month of silence.
        for (today, state) in [
            ("2026-03-11", DeadlineState::Soon(1)),
            ("2026-03-12", DeadlineState::Soon(0)),
            ("2026-03-13", DeadlineState::Past(1)),
        ] {
            let all = deadlines(&waiting, day(today));
            assert_eq!(
                find(&all, DeadlineKind::MediatorOpens).unwrap().state,
                state,
                "{today}"
            );
            assert!(find(&all, DeadlineKind::SecondLevelOpens).is_none());
        }
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
    fn the_proposal_is_due_ninety_days_after_the_notice_that_the_file_is_complete() {
        let referred = vec![
            complaint("2026-01-05", Answer::Unsatisfactory),
            recourse("2026-01-20", Answer::Unsatisfactory),
            mediator("2026-03-10", None, Answer::Awaited),
        ];
        // Referred, not yet complete: the rejection delay, no proposal date yet.
        let case = case_with(referred.clone());
        let all = deadlines(&case, day("2026-03-12"));
        assert_eq!(
            find(&all, DeadlineKind::MediatorAdmissibility)
                .unwrap()
                .date,
            day("2026-03-31")
        );
        assert!(
            find(&all, DeadlineKind::MediatorProposal).is_none(),
            "{all:?}"
        );
        assert!(find(&all, DeadlineKind::MediatorOpens).is_none());
        assert!(find(
            &deadlines(&case, day("2026-04-01")),
            DeadlineKind::MediatorAdmissibility
        )
        .is_none());
        // The notice that it has the file, 2 April: the proposal by 1 July, not 90
        // days after the referral (8 June).
        let mut complete = referred.clone();
        complete.push(mediator(
            "2026-04-02",
            Some(Milestone::FileComplete),
            Answer::Awaited,
        ));
        let case = case_with(complete.clone());
        assert_eq!(mediator_proposal_due(&case), Some(day("2026-07-01")));
        let all = deadlines(&case, day("2026-06-08"));
        assert_eq!(
            find(&all, DeadlineKind::MediatorProposal).unwrap().date,
            day("2026-07-01")
        );
        assert!(find(&all, DeadlineKind::MediatorAdmissibility).is_none());
        // The proposal came: nothing more to wait for from the Médiateur.
        complete.push(mediator(
            "2026-06-20",
            Some(Milestone::Proposal),
            Answer::Unsatisfactory,
        ));
        let case = case_with(complete);
        assert!(find(
            &deadlines(&case, day("2026-06-21")),
            DeadlineKind::MediatorProposal
        )
        .is_none());
    }

    #[test]
    fn each_paid_amount_has_its_own_refund_window_and_a_referral_suspends_it() {
        let mut case = case_with(vec![]);
        case.lines[0].paid_on = Some(day("2026-10-17"));
        case.lines[1].paid_on = Some(day("2026-11-18"));
        let all = deadlines(&case, day("2026-12-01"));
        let windows: Vec<(NaiveDate, Vec<usize>)> = all
            .iter()
            .filter(|d| d.kind == DeadlineKind::RefundWindowCloses)
            .map(|d| (d.date, d.lines.clone()))
            .collect();
        assert_eq!(
            windows,
            vec![(day("2027-10-17"), vec![0]), (day("2027-11-18"), vec![1])]
        );
        // A third-party line has no L34-2 window.
        case.lines[0].reason = Some(crate::core::finding::RuleId::ThirdParty);
        let all = deadlines(&case, day("2026-12-01"));
        assert_eq!(
            all.iter()
                .filter(|d| d.kind == DeadlineKind::RefundWindowCloses)
                .count(),
            1
        );
        // Referred to the Médiateur before the window's last day: by the safer reading the
        // suspension counts from its notice that it has the file. A notice on the last day
        // suspends it; a notice a day later comes too late, whatever the referral's date.
        case.lines[0].reason = None;
        for (notice, state) in [
            ("2027-10-17", WindowState::Suspended),
            ("2027-10-18", WindowState::Running),
        ] {
            let mut referred = case.clone();
            referred
                .events
                .push(mediator("2027-10-01", None, Answer::Awaited));
            let w = &refund_windows(&referred)[0];
            assert_eq!(w.state, WindowState::Running, "referral alone");
            referred.events.push(mediator(
                notice,
                Some(Milestone::FileComplete),
                Answer::Awaited,
            ));
            let w = &refund_windows(&referred)[0];
            assert_eq!(w.state, state, "{notice}");
            assert_eq!(w.closes, day("2027-10-17"));
        }
    }

    /// A case with one amount paid on 18 November 2026: its window first closes on 18
    /// November 2027.
    fn paid_case(events: Vec<Event>) -> Case {
        let mut case = case_with(events);
        case.lines = vec![super::super::tests::disputed(
            "Option Sécurité",
            "5.00",
            None,
        )];
        case.lines[0].paid_on = Some(day("2026-11-18"));
        case
    }

    #[test]
    fn when_the_mediation_ends_the_window_runs_again_for_what_was_left_and_at_least_six_months() {
        // Notice on 18 September 2027: 61 days were left. The proposal, notified on 1
        // December 2027, ends it: 61 days would end on 31 January 2028, but at least six
        // months run, to 1 June 2028.
        let events = vec![
            complaint("2027-06-01", Answer::Unsatisfactory),
            mediator("2027-09-10", None, Answer::Awaited),
            mediator("2027-09-18", Some(Milestone::FileComplete), Answer::Awaited),
        ];
        let running = paid_case(events.clone());
        assert_eq!(refund_windows(&running)[0].state, WindowState::Suspended);
        // Suspended: no refund deadline at all while the mediation runs.
        assert!(deadlines(&running, day("2027-11-30"))
            .iter()
            .all(|d| !matches!(
                d.kind,
                DeadlineKind::RefundWindowCloses | DeadlineKind::RefundWindowResumedCloses
            )));
        let mut ended = events.clone();
        ended.push(mediator(
            "2027-12-01",
            Some(Milestone::Proposal),
            Answer::Unsatisfactory,
        ));
        let case = paid_case(ended);
        let w = &refund_windows(&case)[0];
        assert_eq!(
            (w.state, w.closes),
            (
                WindowState::Resumed {
                    ended: day("2027-12-01")
                },
                day("2028-06-01")
            )
        );
        // The day the date turns: due today on 1 June 2028, past the next day.
        for (today, state) in [
            ("2028-06-01", DeadlineState::Soon(0)),
            ("2028-06-02", DeadlineState::Past(1)),
        ] {
            let all = deadlines(&case, day(today));
            let d = find(&all, DeadlineKind::RefundWindowResumedCloses).unwrap();
            assert_eq!((d.date, d.state), (day("2028-06-01"), state), "{today}");
            assert!(find(&all, DeadlineKind::RefundWindowCloses).is_none());
        }
        // A recorded end before the proposal ends it then (the earlier, safer day).
        let mut withdrawn = events.clone();
        withdrawn.push(mediator(
            "2027-10-20",
            Some(Milestone::Ended),
            Answer::Awaited,
        ));
        assert_eq!(
            refund_windows(&paid_case(withdrawn))[0].closes,
            day("2028-04-20")
        );
        // More than six months left when it began: what was left runs from its end.
        // Notice on 18 January 2027 (304 days left), ended 1 March 2027: 30 December 2027.
        let early = paid_case(vec![
            complaint("2026-11-20", Answer::Unsatisfactory),
            mediator("2027-01-10", None, Answer::Awaited),
            mediator("2027-01-18", Some(Milestone::FileComplete), Answer::Awaited),
            mediator("2027-03-01", Some(Milestone::Ended), Answer::Awaited),
        ]);
        assert_eq!(refund_windows(&early)[0].closes, day("2027-12-30"));
    }

    #[test]
    fn the_mediators_dates_stop_once_its_part_is_done() {
        let referred = vec![
            complaint("2027-06-01", Answer::Unsatisfactory),
            mediator("2027-09-10", None, Answer::Awaited),
        ];
        let kinds = |events: Vec<Event>, today: &str| -> Vec<DeadlineKind> {
            deadlines(&paid_case(events), day(today))
                .into_iter()
                .map(|d| d.kind)
                .collect()
        };
        assert!(
            kinds(referred.clone(), "2027-09-12").contains(&DeadlineKind::MediatorAdmissibility)
        );
        let mut refused = referred.clone();
        refused.push(mediator(
            "2027-09-20",
            Some(Milestone::Rejected),
            Answer::Awaited,
        ));
        assert!(!kinds(refused, "2027-09-22").contains(&DeadlineKind::MediatorAdmissibility));
        let mut heard = referred.clone();
        heard.push(mediator(
            "2027-09-20",
            Some(Milestone::FileComplete),
            Answer::Awaited,
        ));
        assert!(kinds(heard.clone(), "2027-09-22").contains(&DeadlineKind::MediatorProposal));
        heard.push(mediator(
            "2027-10-15",
            Some(Milestone::Ended),
            Answer::Awaited,
        ));
        assert!(!kinds(heard, "2027-10-16").contains(&DeadlineKind::MediatorProposal));
    }

    #[test]
    fn a_refused_file_suspends_nothing_and_a_conciliation_does() {
        let refused = paid_case(vec![
            complaint("2027-06-01", Answer::Unsatisfactory),
            mediator("2027-09-10", None, Answer::Awaited),
            mediator("2027-09-25", Some(Milestone::Rejected), Answer::Awaited),
        ]);
        let w = &refund_windows(&refused)[0];
        assert_eq!(
            (w.state, w.closes),
            (WindowState::Running, day("2027-11-18"))
        );
        // As journals recorded a refusal before the step existed: the referral refused.
        let legacy = paid_case(vec![
            complaint("2027-06-01", Answer::Unsatisfactory),
            mediator("2027-09-10", None, Answer::Unsatisfactory),
        ]);
        assert!(legacy.mediator_rejection().is_some());
        assert_eq!(refund_windows(&legacy)[0].state, WindowState::Running);
        // A conciliation from its first meeting on 1 October 2027 (48 days left) to its
        // record of failure on 15 January 2028: six months, to 15 July 2028.
        let mut conciliated = refused.clone();
        let mut meeting = event(
            "2027-10-01",
            Stage::Conciliator,
            Channel::InPerson,
            Answer::Awaited,
        );
        conciliated.events.push(meeting.clone());
        assert_eq!(
            refund_windows(&conciliated)[0].state,
            WindowState::Suspended
        );
        meeting.answer = Answer::Unsatisfactory;
        meeting.answered_on = Some(day("2028-01-15"));
        conciliated.events.pop();
        conciliated.events.push(meeting);
        let w = &refund_windows(&conciliated)[0];
        assert_eq!(w.closes, day("2028-07-15"));
        // Before the record of failure came, it was still suspended.
        assert!(deadlines(&conciliated, day("2028-01-14"))
            .iter()
            .all(|d| d.kind != DeadlineKind::RefundWindowResumedCloses));
        assert_eq!(
            find(
                &deadlines(&conciliated, day("2028-01-15")),
                DeadlineKind::RefundWindowResumedCloses
            )
            .unwrap()
            .date,
            day("2028-07-15")
        );
    }

    #[test]
    fn bank_and_price_change_windows_are_dated_when_the_case_says() {
        let mut case = case_with(vec![]);
        assert!(find(
            &deadlines(&case, day("2026-11-20")),
            DeadlineKind::SepaAuthorisedCloses
        )
        .is_none());
        case.direct_debit = true;
        case.price_notice_on = Some(day("2026-10-31"));
        let all = deadlines(&case, day("2026-11-20"));
        // Paid 18 November 2026: 8 weeks is 13 January 2027, 13 months 18 December 2027.
        assert_eq!(
            find(&all, DeadlineKind::SepaAuthorisedCloses).unwrap().date,
            day("2027-01-13")
        );
        assert_eq!(
            find(&all, DeadlineKind::SepaUnauthorisedCloses)
                .unwrap()
                .date,
            day("2027-12-18")
        );
        // A third-party charge has no L34-2 window, but its debit can still go back.
        let mut third = case.clone();
        for line in &mut third.lines {
            line.reason = Some(crate::core::finding::RuleId::ThirdParty);
        }
        let all_third = deadlines(&third, day("2026-11-20"));
        assert!(find(&all_third, DeadlineKind::RefundWindowCloses).is_none());
        assert!(find(&all_third, DeadlineKind::SepaAuthorisedCloses).is_some());
        // Notified 31 October: four months end on the last day of February.
        assert_eq!(
            find(&all, DeadlineKind::PriceChangeTerminationCloses)
                .unwrap()
                .date,
            day("2027-02-28")
        );
    }

    #[test]
    fn answer_deadlines_and_follow_ups_are_listed_until_answered() {
        let mut letter = complaint("2026-01-10", Answer::Awaited);
        letter.answer_by = Some(day("2026-02-10"));
        letter.follow_up = Some(day("2026-01-20"));
        let case = case_with(vec![letter.clone()]);
        let all = deadlines(&case, day("2026-01-15"));
        assert!(find(&all, DeadlineKind::AnswerDue).is_some());
        assert!(find(&all, DeadlineKind::FollowUp).is_some());
        letter.answer = Answer::Unsatisfactory;
        let case = case_with(vec![letter]);
        assert!(find(
            &deadlines(&case, day("2026-01-15")),
            DeadlineKind::AnswerDue
        )
        .is_none());
    }

    #[test]
    fn a_closed_case_has_no_deadline() {
        let mut case = case_with(vec![complaint("2026-01-10", Answer::Awaited)]);
        case.status = CaseStatus::Won;
        assert!(deadlines(&case, day("2026-02-01")).is_empty());
    }

    /// #32: « Dernier jour … 08/09/2026 » in red on 07/12/2026. A deadline past says so, on
    /// the day after and not before; a step that opened on a day past is open since then.
    #[test]
    fn a_deadline_past_is_said_to_be_past_from_the_day_after() {
        let mut letter = complaint("2026-01-10", Answer::Awaited);
        letter.answer_by = Some(day("2026-02-10"));
        let case = case_with(vec![letter]);
        let said = |today: &str, kind: DeadlineKind, lang: Lang| {
            find(&deadlines(&case, day(today)), kind)
                .map(|d| d.describe(lang))
                .unwrap_or_default()
        };
        let answer = |today: &str| said(today, DeadlineKind::AnswerDue, Lang::Fr);
        assert!(
            !answer("2026-02-09").contains("dépassé"),
            "{}",
            answer("2026-02-09")
        );
        assert!(
            !answer("2026-02-10").contains("dépassé"),
            "{}",
            answer("2026-02-10")
        );
        assert!(
            answer("2026-02-11").ends_with("10/02/2026 — dépassé depuis 1 jour"),
            "{}",
            answer("2026-02-11")
        );
        let late = said("2027-02-01", DeadlineKind::MediatorCloses, Lang::En);
        assert!(
            late.ends_with(
                "10 Jan 2027 — passed 22 days ago: the ombudsman can no longer take this dispute \
                 (more than a year after the written complaint)"
            ),
            "{late}"
        );
        // What it means is said once it has passed, not before nor on the day.
        for today in ["2027-01-09", "2027-01-10"] {
            let still = said(today, DeadlineKind::MediatorCloses, Lang::Fr);
            assert!(!still.contains("ne peut plus"), "{today}: {still}");
        }
        let late = said("2027-01-11", DeadlineKind::MediatorCloses, Lang::Fr);
        assert!(
            late.ends_with("dépassé depuis 1 jour : le Médiateur ne peut plus prendre ce litige (plus d'un an après la réclamation écrite)"),
            "{late}"
        );
        let still = said("2027-01-10", DeadlineKind::MediatorCloses, Lang::Fr);
        assert!(!still.contains("dépassé"), "{still}");
        let opens = said("2027-02-01", DeadlineKind::MediatorOpens, Lang::Fr);
        assert!(
            opens.starts_with("Médiateur saisissable depuis le") && !opens.contains("dépassé"),
            "{opens}"
        );
    }

    #[test]
    fn due_this_week_takes_today_to_six_days_on() {
        let mut letter = complaint("2026-01-10", Answer::Awaited);
        letter.answer_by = Some(day("2026-02-10"));
        let case = case_with(vec![letter]);
        let due = |today: &str| {
            due_this_week([&case], day(today))
                .into_iter()
                .filter(|(_, d)| d.kind == DeadlineKind::AnswerDue)
                .count()
        };
        assert_eq!(due("2026-02-03"), 0, "seven days ahead");
        assert_eq!(due("2026-02-04"), 1, "six days ahead");
        assert_eq!(due("2026-02-10"), 1, "today");
        assert_eq!(due("2026-02-11"), 0, "past");
    }

    #[test]
    fn every_deadline_reads_in_both_languages_and_names_what_to_do() {
        let kinds = [
            DeadlineKind::AnswerDue,
            DeadlineKind::FollowUp,
            DeadlineKind::SecondLevelOpens,
            DeadlineKind::MediatorOpens,
            DeadlineKind::MediatorCloses,
            DeadlineKind::MediatorAdmissibility,
            DeadlineKind::MediatorProposal,
            DeadlineKind::RefundWindowCloses,
            DeadlineKind::SepaAuthorisedCloses,
            DeadlineKind::SepaUnauthorisedCloses,
            DeadlineKind::PriceChangeTerminationCloses,
        ];
        for kind in kinds {
            let d = Deadline::new(kind, day("2026-03-10"), day("2026-03-01"), None);
            let (fr, en) = (d.describe(Lang::Fr), d.describe(Lang::En));
            assert!(
                fr.contains("10/03/2026") && en.contains("10 Mar 2026"),
                "{fr} / {en}"
            );
            assert_ne!(kind.todo(Lang::Fr), kind.todo(Lang::En));
            assert_eq!(
                serde_json::to_value(kind).unwrap(),
                kind.id(),
                "the serde name"
            );
        }
    }
}
