//! A dispute and the exchanges that make its record.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::ladder::Stage;
use crate::core::bill::Operator;
use crate::core::i18n::Lang;

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
    pub amount: Decimal,
    /// Why, in a word (the rule that flagged it, or the person's own reason).
    #[serde(default)]
    pub reason: String,
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
    pub disputed: Decimal,
    /// The amount obtained back.
    #[serde(default)]
    pub recovered: Decimal,
    /// When the oldest disputed amount was paid: the one-year refund window (CPCE L34-2)
    /// runs from it.
    #[serde(default)]
    pub paid_on: Option<NaiveDate>,
    /// The dispute is already before a court or another mediator (the Médiateur then
    /// cannot take it, L612-2).
    #[serde(default)]
    pub before_court: bool,
    /// The exchanges, in the order they were entered.
    #[serde(default)]
    pub events: Vec<Event>,
}

impl Case {
    /// The exchanges by date (stable for equal dates).
    pub fn timeline(&self) -> Vec<&Event> {
        let mut events: Vec<&Event> = self.events.iter().collect();
        events.sort_by_key(|e| e.date);
        events
    }

    /// The first written complaint to the operator (a written exchange at the written
    /// complaint or consumer-service stage): the date the Médiateur's clock starts from.
    pub fn written_complaint(&self) -> Option<&Event> {
        self.timeline().into_iter().find(|e| {
            e.channel.is_written()
                && matches!(e.stage, Stage::WrittenComplaint | Stage::ConsumerService)
        })
    }

    /// The referral to the Médiateur, if any.
    pub fn mediator_referral(&self) -> Option<&Event> {
        self.timeline()
            .into_iter()
            .find(|e| e.stage == Stage::Mediator)
    }

    /// Whether the operator settled the dispute in writing or otherwise.
    pub fn settled(&self) -> bool {
        self.events.iter().any(|e| e.answer == Answer::Satisfactory)
    }
}
