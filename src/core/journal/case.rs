//! A dispute and the exchanges that make its record, with what the law needs to know
//! about it: when the contract was made (termination fees changed on 1 January 2023,
//! Code de la consommation L224-28), whether the operator has a second complaint level
//! (service-public.fr F14373), the channel the contract names for complaints (L612-2 1°),
//! when each disputed amount was paid (CPCE L34-2 al. 1) and, for a sum the operator
//! claims, when it fell due and when it was claimed (L34-2 al. 2). Sources and how each
//! was checked: `core::law`.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::ladder::Stage;
use crate::core::bill::Operator;
use crate::core::finding::RuleId;
use crate::core::i18n::{Lang, Text};

/// How an exchange took place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// A phone call.
    Phone,
    /// A chat on the operator's site or app.
    Chat,
    /// An e-mail.
    Email,
    /// A form on the operator's or a body's site.
    WebForm,
    /// A letter.
    Letter,
    /// A registered letter with acknowledgement of receipt (LRAR).
    RegisteredLetter,
    /// At a shop or counter.
    InPerson,
}

impl Channel {
    /// Every channel, for pickers.
    pub const ALL: [Channel; 7] = [
        Channel::Phone,
        Channel::Chat,
        Channel::Email,
        Channel::WebForm,
        Channel::Letter,
        Channel::RegisteredLetter,
        Channel::InPerson,
    ];

    /// Whether it leaves a written trace that counts as a written complaint: a letter, an
    /// e-mail or a form. A chat transcript is kept but is not relied upon as one.
    pub fn is_written(self) -> bool {
        matches!(
            self,
            Channel::Email | Channel::WebForm | Channel::Letter | Channel::RegisteredLetter
        )
    }

    /// The channels a contract may name for complaints, and a letter be sent through.
    pub const WRITTEN: [Channel; 4] = [
        Channel::RegisteredLetter,
        Channel::Letter,
        Channel::Email,
        Channel::WebForm,
    ];

    /// Whether a letter sent this way is sent by post.
    pub fn is_postal(self) -> bool {
        matches!(self, Channel::Letter | Channel::RegisteredLetter)
    }

    /// Whether a complaint sent this way follows a contract that names `named` for
    /// complaints (L612-2 1°): a registered letter is a letter; a plain letter is not a
    /// registered one; an e-mail is not the operator's form, nor the form an e-mail.
    pub fn follows(self, named: Channel) -> bool {
        self == named || (named == Channel::Letter && self == Channel::RegisteredLetter)
    }

    /// The channel's name for a person.
    pub fn label(self, lang: Lang) -> &'static str {
        let (fr, en) = match self {
            Channel::Phone => ("Téléphone", "Phone"),
            Channel::Chat => ("Chat", "Chat"),
            Channel::Email => ("E-mail", "E-mail"),
            Channel::WebForm => ("Formulaire en ligne", "Web form"),
            Channel::Letter => ("Courrier", "Letter"),
            Channel::RegisteredLetter => ("Lettre recommandée avec AR", "Registered letter"),
            Channel::InPerson => ("En boutique", "In person"),
        };
        lang.pick(fr, en)
    }
}

/// What came back from an exchange.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// No answer yet.
    #[default]
    Awaited,
    /// The answer settles the dispute.
    Satisfactory,
    /// Part of the demand was granted.
    Partial,
    /// The demand was refused or the answer does not settle it.
    Unsatisfactory,
    /// Nobody answered: a call not picked up, a line that rang out, a chat left
    /// unanswered. Nothing is awaited from it, and it is no answer to the complaint.
    NoAnswer,
}

impl Answer {
    /// The answer's name for a person.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Answer::Awaited => Text::AnswerAwaited.get(lang),
            Answer::Satisfactory => Text::AnswerSatisfactory.get(lang),
            Answer::Partial => Text::AnswerPartial.get(lang),
            Answer::Unsatisfactory => Text::AnswerUnsatisfactory.get(lang),
            Answer::NoAnswer => Text::AnswerNone.get(lang),
        }
    }

    /// Whether the other side answered at all (settling the dispute or not).
    pub fn answered(self) -> bool {
        matches!(
            self,
            Answer::Satisfactory | Answer::Partial | Answer::Unsatisfactory
        )
    }

    /// Every answer, in the order the form offers them.
    pub const ALL: [Answer; 5] = [
        Answer::Awaited,
        Answer::Satisfactory,
        Answer::Partial,
        Answer::Unsatisfactory,
        Answer::NoAnswer,
    ];
}

/// A step of the Médiateur's procedure that an exchange records, beyond the referral.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Milestone {
    /// The Médiateur's notice that it has the file: the 90 days for its proposal run
    /// from it (Code de la consommation R612-2, R612-5).
    FileComplete,
    /// The Médiateur's proposed solution (not a binding decision); the answer records
    /// whether the person (and the operator) accepted it. Answered, it ends the mediation
    /// on the day of the answer unless an end is recorded.
    Proposal,
    /// The Médiateur refused the file (inadmissible, L612-2): no mediation took place, so
    /// it is not the prior attempt CPC 750-1 asks for and suspends nothing.
    Rejected,
    /// The mediation was declared over (by the Médiateur or a party): the refund windows
    /// it suspended run again from this day, for at least six months (C. civ. 2238).
    Ended,
}

impl Milestone {
    /// The name of the Médiateur's step an exchange records: the referral itself when it
    /// records no later one.
    pub fn label(milestone: Option<Milestone>, lang: Lang) -> &'static str {
        match milestone {
            None => Text::MilestoneReferral.get(lang),
            Some(Milestone::FileComplete) => Text::MilestoneFileComplete.get(lang),
            Some(Milestone::Proposal) => Text::MilestoneProposal.get(lang),
            Some(Milestone::Rejected) => Text::MilestoneRejected.get(lang),
            Some(Milestone::Ended) => Text::MilestoneEnded.get(lang),
        }
    }

    /// Every step after the referral, in the order of the procedure.
    pub const ALL: [Milestone; 4] = [
        Milestone::FileComplete,
        Milestone::Proposal,
        Milestone::Rejected,
        Milestone::Ended,
    ];
}

/// One exchange in a dispute.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// Identifies the event within the journal.
    pub id: u32,
    /// When the exchange took place (or the letter was sent).
    pub date: NaiveDate,
    /// The step of the ladder it belongs to.
    pub stage: Stage,
    /// How.
    pub channel: Channel,
    /// Who was on the other side ("service client", an adviser's name, a body).
    #[serde(default)]
    pub counterpart: String,
    /// A ticket, file or LRAR number.
    #[serde(default)]
    pub reference: String,
    /// What was said or asked.
    #[serde(default)]
    pub said: String,
    /// What came back.
    #[serde(default)]
    pub answer: Answer,
    /// The answer's words, as noted.
    #[serde(default)]
    pub answer_text: String,
    /// When the answer came.
    #[serde(default)]
    pub answered_on: Option<NaiveDate>,
    /// The deadline given for an answer (e.g. in a letter).
    #[serde(default)]
    pub answer_by: Option<NaiveDate>,
    /// A follow-up the other side promised (a call back, a credit on the next bill).
    #[serde(default)]
    pub follow_up: Option<NaiveDate>,
    /// The Médiateur's step this exchange records, if any (at the Médiateur's stage).
    #[serde(default)]
    pub milestone: Option<Milestone>,
    /// With a consumer association: which one, its branch, and whether the person is a
    /// member (at the association's stage).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub association: Option<AssociationContact>,
    /// Which regulator a report went to (at the regulators' stage); its reference is the
    /// exchange's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regulator: Option<Regulator>,
}

/// An exchange with a consumer association: who, where, and how the person stands with it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssociationContact {
    /// A national approved association, by its id in `core::associations`; `None` for
    /// another one (named in the exchange's counterpart).
    #[serde(default)]
    pub id: Option<String>,
    /// Its local branch (a town, a department).
    #[serde(default)]
    pub branch: String,
    /// Whether the person is a member: its help with a dispute usually requires it
    /// (service-public.fr F1126). `None`: not said.
    #[serde(default)]
    pub member: Option<bool>,
    /// Whether it took the case on: it deals with the operator for the person (a letter,
    /// a call), and its news is awaited.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub acting: bool,
}

impl AssociationContact {
    /// The association's name and branch, as a person reads them: « UFC-Que Choisir
    /// (Lyon) »; `None` when neither is known.
    pub fn name(&self) -> Option<String> {
        let short = self
            .id
            .as_deref()
            .and_then(crate::core::associations::by_id)
            .map(|a| a.short);
        let branch = self.branch.trim();
        match (short, branch.is_empty()) {
            (Some(short), true) => Some(short.to_string()),
            (Some(short), false) => Some(format!("{short} ({branch})")),
            (None, false) => Some(branch.to_string()),
            (None, true) => None,
        }
    }
}

/// A regulator a report can go to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Regulator {
    /// SignalConso (DGCCRF): the report goes to the business, which may answer.
    SignalConso,
    /// J'alerte l'Arcep: the telecom regulator's view of the sector.
    Arcep,
}

impl Regulator {
    /// Both, in the order the form offers them.
    pub const ALL: [Regulator; 2] = [Regulator::SignalConso, Regulator::Arcep];

    /// Its name.
    pub fn name(self) -> &'static str {
        match self {
            Regulator::SignalConso => "SignalConso",
            Regulator::Arcep => "J'alerte l'Arcep",
        }
    }
}

impl Event {
    /// Whether the other side's answer did not settle the dispute.
    pub fn refused(&self) -> bool {
        matches!(self.answer, Answer::Unsatisfactory | Answer::Partial)
    }

    /// The day the answer came (the exchange's own day when not noted).
    pub fn answer_day(&self) -> NaiveDate {
        self.answered_on.unwrap_or(self.date)
    }
}

/// Whether the operator has a second complaint level (a *service consommateurs*) that must
/// be tried before the Médiateur (service-public.fr F14373).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SecondLevel {
    /// Not known: the advice takes the safe path and has it tried.
    #[default]
    Unknown,
    /// It has one.
    Yes,
    /// It has none: the first level's answer is the last before the Médiateur.
    No,
}

/// Where a dispute stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseStatus {
    /// Still going.
    #[default]
    Open,
    /// Settled in the person's favour.
    Won,
    /// Refused for good.
    Lost,
    /// Given up.
    Abandoned,
}

/// A bill line the case disputes, kept as read (the bill may be gone from the device).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DisputedLine {
    /// The invoice the line is on.
    pub invoice_number: Option<String>,
    /// The bill's issue date.
    pub bill_date: Option<NaiveDate>,
    /// The label as printed.
    pub label: String,
    /// The amount disputed.
    #[serde(deserialize_with = "crate::core::money::bounded::amount")]
    pub amount: Decimal,
    /// The rule that flagged it, or what the line is when disputed by hand; `None` for the
    /// person's own reason. It chooses the demands the letters make.
    #[serde(default)]
    pub reason: Option<RuleId>,
    /// When this amount was paid (debited): the one-year window to claim it back runs from
    /// it (CPCE L34-2 al. 1), and a bank's refund of a direct debit too.
    #[serde(default)]
    pub paid_on: Option<NaiveDate>,
    /// For a sum the operator claims and the person has not paid: the day it fell due. The
    /// operator has one year from it to claim it (CPCE L34-2 al. 2).
    #[serde(default)]
    pub due_on: Option<NaiveDate>,
    /// The day the operator claimed that sum (a bill or a reminder).
    #[serde(default)]
    pub claimed_on: Option<NaiveDate>,
    /// The person's own words about the line (an earlier free-text reason is kept here).
    #[serde(default)]
    pub note: String,
    /// For a direct debit read from a bank statement: the mandate reference (RUM) the
    /// statement printed, which the letter to the bank quotes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mandate: Option<String>,
}

impl DisputedLine {
    /// Whether it is the same bill line as `other` (same invoice, label and amount).
    pub fn same_as(&self, other: &DisputedLine) -> bool {
        self.invoice_number == other.invoice_number
            && self.bill_date == other.bill_date
            && self.label == other.label
            && self.amount == other.amount
    }
}

/// A dispute with an operator.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Case {
    /// Identifies the case within the journal.
    pub id: u32,
    /// A short title ("Option Sécurité jamais demandée").
    pub title: String,
    /// The operator disputed with.
    pub operator: Option<Operator>,
    /// The line or box concerned.
    #[serde(default)]
    pub line_number: Option<String>,
    /// The customer number at the operator.
    #[serde(default)]
    pub customer_id: Option<String>,
    /// When the case was opened.
    pub opened_on: NaiveDate,
    /// Where it stands.
    #[serde(default)]
    pub status: CaseStatus,
    /// The lines disputed.
    #[serde(default)]
    pub lines: Vec<DisputedLine>,
    /// The amount disputed; the lines' sum unless the person set it.
    #[serde(deserialize_with = "crate::core::money::bounded::sum")]
    pub disputed: Decimal,
    /// The amount obtained back.
    #[serde(default, deserialize_with = "crate::core::money::bounded::sum")]
    pub recovered: Decimal,
    /// When the disputed amounts were paid, for those whose line does not say (and for a
    /// case without lines): the one-year refund window (CPCE L34-2) runs from it.
    #[serde(default)]
    pub paid_on: Option<NaiveDate>,
    /// The dispute is already before a court or another mediator (the Médiateur then
    /// cannot take it, L612-2).
    #[serde(default)]
    pub before_court: bool,
    /// The day the contract was made: termination fees follow another rule for contracts
    /// made since 1 January 2023 (L224-28 II).
    #[serde(default)]
    pub contract_start: Option<NaiveDate>,
    /// Whether the operator has a second complaint level.
    #[serde(default)]
    pub second_level: SecondLevel,
    /// The channel the contract names for complaints (L612-2 1°: a complaint made otherwise
    /// may make the file inadmissible).
    #[serde(default)]
    pub complaint_channel: Option<Channel>,
    /// Where the contract says complaints go (postal address, e-mail or form), as printed.
    #[serde(default)]
    pub complaint_address: String,
    /// The disputed amounts were paid by direct debit (the bank may refund a debit).
    #[serde(default)]
    pub direct_debit: bool,
    /// The day the operator notified a price change: four months to terminate without fees
    /// run from it (L224-33).
    #[serde(default)]
    pub price_notice_on: Option<NaiveDate>,
    /// The exchanges, in the order they were entered.
    #[serde(default)]
    pub events: Vec<Event>,
}

impl Case {
    /// The day of its latest exchange, else the day it was opened: how recent the case is
    /// for a list that leads with what moved last.
    pub fn last_activity(&self) -> NaiveDate {
        self.events
            .iter()
            .map(|e| e.date)
            .max()
            .map_or(self.opened_on, |day| day.max(self.opened_on))
    }

    /// Whether a disputed line was flagged for one of `reasons`.
    pub fn disputes_any(&self, reasons: &[RuleId]) -> bool {
        self.lines
            .iter()
            .any(|l| l.reason.is_some_and(|r| reasons.contains(&r)))
    }

    /// The exchanges by date (stable for equal dates).
    pub fn timeline(&self) -> Vec<&Event> {
        let mut events: Vec<&Event> = self.events.iter().collect();
        events.sort_by_key(|e| e.date);
        events
    }

    /// The first written complaint to the operator's first level (a written exchange at the
    /// customer-service or written-complaint stage).
    pub fn first_complaint(&self) -> Option<&Event> {
        self.timeline().into_iter().find(|e| {
            e.channel.is_written()
                && matches!(e.stage, Stage::CustomerService | Stage::WrittenComplaint)
        })
    }

    /// The first written recourse to the second level, the *service consommateurs*.
    pub fn second_level_recourse(&self) -> Option<&Event> {
        self.timeline()
            .into_iter()
            .find(|e| e.channel.is_written() && e.stage == Stage::ConsumerService)
    }

    /// The first written complaint to the operator at any of its levels: the Médiateur's
    /// one-year window (L612-2) runs from it.
    pub fn written_complaint(&self) -> Option<&Event> {
        self.timeline().into_iter().find(|e| {
            e.channel.is_written()
                && matches!(
                    e.stage,
                    Stage::CustomerService | Stage::WrittenComplaint | Stage::ConsumerService
                )
        })
    }

    /// The referral to the Médiateur, if any.
    pub fn mediator_referral(&self) -> Option<&Event> {
        self.timeline()
            .into_iter()
            .find(|e| e.stage == Stage::Mediator && e.milestone.is_none())
    }

    /// The Médiateur's step of this kind, if recorded.
    pub fn mediator_step(&self, milestone: Milestone) -> Option<&Event> {
        self.timeline()
            .into_iter()
            .find(|e| e.stage == Stage::Mediator && e.milestone == Some(milestone))
    }

    /// The Médiateur's refusal of the file, if on record: its `Rejected` step, or (as
    /// journals before that step recorded it) a referral answered by a refusal with no
    /// later step of the procedure.
    pub fn mediator_rejection(&self) -> Option<&Event> {
        if let Some(rejected) = self.mediator_step(Milestone::Rejected) {
            return Some(rejected);
        }
        let referral = self.mediator_referral()?;
        (referral.refused() && self.mediator_has_file().is_none()).then_some(referral)
    }

    /// The first day the Médiateur is on record as having the file: its notice that it has
    /// it, its proposal or the mediation's end, whichever is recorded first.
    pub fn mediator_has_file(&self) -> Option<NaiveDate> {
        [
            Milestone::FileComplete,
            Milestone::Proposal,
            Milestone::Ended,
        ]
        .into_iter()
        .filter_map(|m| self.mediator_step(m).map(|e| e.date))
        .min()
    }

    /// Whether the Médiateur's part is done: the file refused, a proposal made, or the
    /// mediation declared over. Its own dates stop and the steps after it begin.
    pub fn mediation_over(&self) -> bool {
        self.mediator_rejection().is_some()
            || self.mediator_step(Milestone::Proposal).is_some()
            || self.mediator_step(Milestone::Ended).is_some()
    }

    /// The day the mediation ended, the earlier (safer) of its recorded end and the day
    /// its proposal was notified: the commission that oversees consumer mediation counts
    /// the limitation period again from that notification. `None` while it runs, or when
    /// it never began (no referral, or the file was refused).
    pub fn mediation_end(&self) -> Option<NaiveDate> {
        self.mediator_referral()?;
        if self.mediator_rejection().is_some() {
            return None;
        }
        [Milestone::Ended, Milestone::Proposal]
            .into_iter()
            .filter_map(|m| self.mediator_step(m).map(|e| e.date))
            .min()
    }

    /// The referral to a conciliateur de justice, if any.
    pub fn conciliation(&self) -> Option<&Event> {
        self.timeline()
            .into_iter()
            .find(|e| e.stage == Stage::Conciliator)
    }

    /// Whether a mediation took place: the Médiateur took the file (a step after the
    /// referral is on record) and did not refuse it.
    pub fn mediated(&self) -> bool {
        self.mediator_referral().is_some()
            && self.mediator_rejection().is_none()
            && self.mediator_has_file().is_some()
    }

    /// Whether an amicable attempt that counts before a court (CPC 750-1) is on record: a
    /// mediation that took place or a conciliation.
    pub fn prior_attempt(&self) -> bool {
        self.mediated() || self.conciliation().is_some()
    }

    /// Whether a termination fee is among the lines disputed.
    pub fn disputes_termination_fee(&self) -> bool {
        self.lines.iter().any(|l| {
            l.reason == Some(crate::core::finding::RuleId::OneOffFee)
                && crate::core::vocab::fold_words(&l.label).contains("resiliation")
        })
    }

    /// The exchanges with a consumer association, by date.
    pub fn association_contacts(&self) -> Vec<&Event> {
        self.timeline()
            .into_iter()
            .filter(|e| e.stage == Stage::ConsumerAssociation)
            .collect()
    }

    /// The exchange with an association that took the case on, while its outcome is
    /// awaited: the case's latest exchange (reports aside), an association's, marked
    /// `acting`, with no answer recorded. An exchange after it with anyone else (the
    /// operator answering, the person moving on) ends it.
    pub fn association_acting(&self) -> Option<&Event> {
        let last = self
            .timeline()
            .into_iter()
            .rev()
            .find(|e| e.stage != Stage::Regulator)?;
        let acting = last.stage == Stage::ConsumerAssociation
            && last.answer == Answer::Awaited
            && last.association.as_ref().is_some_and(|a| a.acting);
        acting.then_some(last)
    }

    /// The reports to a regulator, by date.
    pub fn reports(&self) -> Vec<&Event> {
        self.timeline()
            .into_iter()
            .filter(|e| e.stage == Stage::Regulator)
            .collect()
    }

    /// The *mise en demeure*, if sent.
    pub fn formal_notice(&self) -> Option<&Event> {
        self.timeline()
            .into_iter()
            .find(|e| e.stage == Stage::FormalNotice)
    }

    /// Whether the operator settled the dispute in writing or otherwise.
    pub fn settled(&self) -> bool {
        self.events.iter().any(|e| e.answer == Answer::Satisfactory)
    }

    /// The case as it stood at the end of `day`: the exchanges dated after it are not on
    /// record yet, and an answer that came after it is still awaited.
    pub fn as_of(&self, day: NaiveDate) -> Case {
        let mut case = self.clone();
        case.events.retain(|e| e.date <= day);
        for event in &mut case.events {
            if event.answered_on.is_some_and(|on| on > day) {
                event.answer = Answer::Awaited;
                event.answered_on = None;
                event.answer_text.clear();
            }
        }
        case
    }

    /// When a line's amount was paid: its own date, else the case's.
    pub fn paid_on(&self, line: &DisputedLine) -> Option<NaiveDate> {
        line.paid_on.or(self.paid_on)
    }
}
