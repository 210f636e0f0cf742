//! Every legal reference the app relies on, with what it says in one sentence, the day it
//! was last checked and where to read it; and the figures the rules and the journal take
//! from them (durations, thresholds, the day a rule changed), each beside its source.
//!
//! One catalogue: a finding, a piece of advice or a deadline names the [`Legal`] entries it
//! rests on, and the sources page lists [`Legal::ALL`]. The facts are those of
//! `shared/DOMAIN.md` (the project's corrected legal notes, which cite each text), checked
//! against it on [`CHECKED`]. Links go to the official page of the text (Légifrance's code,
//! service-public.fr, the body's own site). A fact that no entry here supports is not shown
//! to a person as fact. Pure: no clock; dates are constants.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::i18n::Lang;

/// The day every entry below was last checked against `shared/DOMAIN.md`.
pub const CHECKED: (i32, u32, u32) = (2026, 11, 30);

/// The day the entries were checked, as a date.
pub fn checked() -> NaiveDate {
    let (y, m, d) = CHECKED;
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

// --- Figures, each with its source -------------------------------------------------------

/// CPCE L34-2 al. 1: the customer may claim back what was paid for electronic
/// communications within one year of the payment. Al. 2: the operator may claim what is
/// due within one year of the day it fell due. A complaint letter stops neither; only the
/// operator's acknowledgement (C. civ. 2240), a court claim (2241) or a referral to a
/// mediator (suspension, 2238) do. Not for third-party content. Checked 2026-11-30.
pub const PRESCRIPTION_MONTHS: u32 = 12;

/// service-public.fr F14373: after the written complaint, one month without an answer (or
/// an unsatisfactory answer) sends the customer to the second level, the *service
/// consommateurs*; one month of its silence opens the Médiateur. Checked 2026-11-30.
pub const SECOND_LEVEL_WAIT_MONTHS: u32 = 1;

/// service-public.fr F14373: customer service silent for two months after the written
/// complaint, the Médiateur may be referred to directly. Checked 2026-11-30.
pub const FIRST_LEVEL_SILENCE_MONTHS: u32 = 2;

/// Code de la consommation L612-2: the Médiateur cannot take a file referred to it more
/// than one year after the written complaint to the operator. Checked 2026-11-30.
pub const MEDIATOR_WINDOW_MONTHS: u32 = 12;

/// Code de la consommation L612-2: a rejection of the file is notified within three weeks
/// of its receipt. Checked 2026-11-30.
pub const MEDIATOR_REJECTION_DAYS: u64 = 21;

/// Code de la consommation R612-2 and R612-5: the Médiateur's proposed solution is due
/// within 90 days of its notice that the file is complete (extendable for complex cases).
/// Checked 2026-11-30.
pub const MEDIATOR_PROPOSAL_DAYS: u64 = 90;

/// Code de procédure civile 750-1 (décret 2023-357): up to this amount, a prior attempt at
/// conciliation, mediation or participatory procedure is required before court.
/// Checked 2026-11-30.
pub const PRIOR_ATTEMPT_CEILING_EUR: i64 = 5_000;

/// Code de la consommation L224-28 II (loi 2022-1158): for contracts concluded since this
/// day, nothing of the remaining months is due after the twelfth month (at most 20 % of
/// the remainder for an offer with a subsidised phone); older contracts keep the rule of
/// a quarter of the remaining months. Checked 2026-11-30.
pub const TERMINATION_REFORM: (i32, u32, u32) = (2023, 1, 1);

/// The day the reform of [`TERMINATION_REFORM`] applies from, as a date.
pub fn termination_reform() -> NaiveDate {
    let (y, m, d) = TERMINATION_REFORM;
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// Code de la consommation L224-28 II: the months of a commitment after which the rules on
/// remaining months apply (from the 13th month). Checked 2026-11-30.
pub const COMMITMENT_FIRST_MONTHS: u32 = 12;

/// Code de la consommation L224-33: after notice of a price change, the customer may
/// terminate without fees within four months of the notification. Checked 2026-11-30.
pub const PRICE_CHANGE_TERMINATION_MONTHS: u32 = 4;

/// Code monétaire et financier L133-25: an authorised SEPA debit can be refunded by the
/// bank on request within eight weeks of the debit. Checked 2026-11-30.
pub const SEPA_AUTHORISED_WEEKS: u64 = 8;

/// Code monétaire et financier L133-24: an unauthorised debit can be contested within 13
/// months of the debit. Checked 2026-11-30.
pub const SEPA_UNAUTHORISED_MONTHS: u32 = 13;

/// CPCE D98-5: an itemised bill is free on request for any of the last 12 months.
/// Checked 2026-11-30.
pub const ITEMISED_BILL_MONTHS: u32 = 12;

/// A legal text or official body the app cites.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Legal {
    /// CPCE L34-2: one year to claim back what was paid; one year for the operator to claim.
    Prescription,
    /// Code civil 2238: a mediation suspends the prescription.
    MediationSuspends,
    /// Code civil 2240: the debtor's acknowledgement interrupts the prescription.
    AcknowledgementInterrupts,
    /// Code civil 2241: a court claim interrupts the prescription.
    CourtClaimInterrupts,
    /// service-public.fr F14373: the steps of a dispute with an operator.
    DisputeSteps,
    /// Code de la consommation L612-1: mediation is free for the consumer.
    MediatorFree,
    /// Code de la consommation L612-2: when the Médiateur cannot take a file.
    MediatorAdmissibility,
    /// Code de la consommation R612-2 and R612-5: the proposal within 90 days.
    MediatorProposal,
    /// The Médiateur des communications électroniques: how to refer to it.
    MediatorSite,
    /// Code de procédure civile 750-1: the prior attempt before court.
    PriorAttempt,
    /// Code de la consommation L224-28: termination fees.
    TerminationFees,
    /// Code de la consommation L224-33: notice of a price change, termination without fees.
    PriceChangeNotice,
    /// Code de la consommation L224-39: notice of termination at most 10 days.
    TerminationNotice,
    /// Code de la consommation L121-12: no payment for a service not ordered.
    UnsolicitedSupply,
    /// Code de la consommation L121-17: an option accepted by default is refunded.
    DefaultOptions,
    /// Code de la consommation L121-16: a customer-service number is not surcharged.
    ServiceNumber,
    /// Arcep décision 2012-0856: caps on the service part of special numbers.
    PremiumCaps,
    /// Code de la consommation L224-54 and arrêté du 26 décembre 2017: the free block.
    PremiumBlocking,
    /// surmafacture.fr (AF2M): who is behind a third-party charge.
    ThirdPartyContacts,
    /// infosva.org: who is behind a special voice number.
    VoiceServices,
    /// CPCE D98-5: the itemised bill, free on request.
    ItemisedBill,
    /// Code monétaire et financier L133-25: an authorised debit refunded within 8 weeks.
    SepaAuthorised,
    /// Code monétaire et financier L133-24: an unauthorised debit within 13 months.
    SepaUnauthorised,
    /// SignalConso (DGCCRF): a report forwarded to the company.
    SignalConso,
    /// J'alerte l'Arcep: a report to the regulator, no individual follow-up.
    ArcepAlert,
    /// Regulation (EU) 2022/612: roaming in the EU at domestic prices. Cited by `roaming`
    /// since before issue 13; not in `shared/DOMAIN.md` (to be added there).
    EuRoaming,
}

const CONSO: &str = "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006069565/";
const CPCE: &str = "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006070987/";
const CIVIL: &str = "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006070721/";
const CPC: &str = "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006070716/";
const CMF: &str = "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006072026/";

impl Legal {
    /// Every entry, in the order of the sources page.
    pub const ALL: [Legal; 26] = [
        Legal::Prescription,
        Legal::MediationSuspends,
        Legal::AcknowledgementInterrupts,
        Legal::CourtClaimInterrupts,
        Legal::DisputeSteps,
        Legal::MediatorFree,
        Legal::MediatorAdmissibility,
        Legal::MediatorProposal,
        Legal::MediatorSite,
        Legal::PriorAttempt,
        Legal::TerminationFees,
        Legal::PriceChangeNotice,
        Legal::TerminationNotice,
        Legal::UnsolicitedSupply,
        Legal::DefaultOptions,
        Legal::ServiceNumber,
        Legal::PremiumCaps,
        Legal::PremiumBlocking,
        Legal::ThirdPartyContacts,
        Legal::VoiceServices,
        Legal::ItemisedBill,
        Legal::SepaAuthorised,
        Legal::SepaUnauthorised,
        Legal::SignalConso,
        Legal::ArcepAlert,
        Legal::EuRoaming,
    ];

    /// A short, stable id, for the address of its entry on the sources page.
    pub fn id(self) -> &'static str {
        match self {
            Legal::Prescription => "cpce-l34-2",
            Legal::MediationSuspends => "civil-2238",
            Legal::AcknowledgementInterrupts => "civil-2240",
            Legal::CourtClaimInterrupts => "civil-2241",
            Legal::DisputeSteps => "service-public-f14373",
            Legal::MediatorFree => "conso-l612-1",
            Legal::MediatorAdmissibility => "conso-l612-2",
            Legal::MediatorProposal => "conso-r612-5",
            Legal::MediatorSite => "mediation-telecom",
            Legal::PriorAttempt => "cpc-750-1",
            Legal::TerminationFees => "conso-l224-28",
            Legal::PriceChangeNotice => "conso-l224-33",
            Legal::TerminationNotice => "conso-l224-39",
            Legal::UnsolicitedSupply => "conso-l121-12",
            Legal::DefaultOptions => "conso-l121-17",
            Legal::ServiceNumber => "conso-l121-16",
            Legal::PremiumCaps => "arcep-2012-0856",
            Legal::PremiumBlocking => "conso-l224-54",
            Legal::ThirdPartyContacts => "surmafacture",
            Legal::VoiceServices => "infosva",
            Legal::ItemisedBill => "cpce-d98-5",
            Legal::SepaAuthorised => "cmf-l133-25",
            Legal::SepaUnauthorised => "cmf-l133-24",
            Legal::SignalConso => "signalconso",
            Legal::ArcepAlert => "jalerte-arcep",
            Legal::EuRoaming => "eu-2022-612",
        }
    }

    /// The entry with this id.
    pub fn from_id(id: &str) -> Option<Legal> {
        Legal::ALL.into_iter().find(|l| l.id() == id)
    }

    /// The citation as printed.
    pub fn citation(self) -> &'static str {
        match self {
            Legal::Prescription => {
                "Code des postes et des communications électroniques, art. L34-2"
            }
            Legal::MediationSuspends => "Code civil, art. 2238",
            Legal::AcknowledgementInterrupts => "Code civil, art. 2240",
            Legal::CourtClaimInterrupts => "Code civil, art. 2241",
            Legal::DisputeSteps => "Service-public.fr, fiche F14373",
            Legal::MediatorFree => "Code de la consommation, art. L612-1",
            Legal::MediatorAdmissibility => "Code de la consommation, art. L612-2",
            Legal::MediatorProposal => "Code de la consommation, art. R612-2 et R612-5",
            Legal::MediatorSite => "Médiateur des communications électroniques",
            Legal::PriorAttempt => "Code de procédure civile, art. 750-1",
            Legal::TerminationFees => "Code de la consommation, art. L224-28",
            Legal::PriceChangeNotice => "Code de la consommation, art. L224-33",
            Legal::TerminationNotice => "Code de la consommation, art. L224-39",
            Legal::UnsolicitedSupply => "Code de la consommation, art. L121-12",
            Legal::DefaultOptions => "Code de la consommation, art. L121-17",
            Legal::ServiceNumber => "Code de la consommation, art. L121-16",
            Legal::PremiumCaps => "Arcep, décision n° 2012-0856",
            Legal::PremiumBlocking => {
                "Code de la consommation, art. L224-54 ; arrêté du 26 décembre 2017"
            }
            Legal::ThirdPartyContacts => "surmafacture.fr (AF2M)",
            Legal::VoiceServices => "infosva.org",
            Legal::ItemisedBill => {
                "Code des postes et des communications électroniques, art. D98-5"
            }
            Legal::SepaAuthorised => "Code monétaire et financier, art. L133-25",
            Legal::SepaUnauthorised => "Code monétaire et financier, art. L133-24",
            Legal::SignalConso => "SignalConso (DGCCRF)",
            Legal::ArcepAlert => "J'alerte l'Arcep",
            Legal::EuRoaming => "Règlement (UE) 2022/612",
        }
    }

    /// A short name, for a link.
    pub fn short(self) -> &'static str {
        match self {
            Legal::Prescription => "CPCE L34-2",
            Legal::MediationSuspends => "C. civ. 2238",
            Legal::AcknowledgementInterrupts => "C. civ. 2240",
            Legal::CourtClaimInterrupts => "C. civ. 2241",
            Legal::DisputeSteps => "F14373",
            Legal::MediatorFree => "C. conso. L612-1",
            Legal::MediatorAdmissibility => "C. conso. L612-2",
            Legal::MediatorProposal => "C. conso. R612-5",
            Legal::MediatorSite => "mediation-telecom.org",
            Legal::PriorAttempt => "CPC 750-1",
            Legal::TerminationFees => "C. conso. L224-28",
            Legal::PriceChangeNotice => "C. conso. L224-33",
            Legal::TerminationNotice => "C. conso. L224-39",
            Legal::UnsolicitedSupply => "C. conso. L121-12",
            Legal::DefaultOptions => "C. conso. L121-17",
            Legal::ServiceNumber => "C. conso. L121-16",
            Legal::PremiumCaps => "Arcep 2012-0856",
            Legal::PremiumBlocking => "C. conso. L224-54",
            Legal::ThirdPartyContacts => "surmafacture.fr",
            Legal::VoiceServices => "infosva.org",
            Legal::ItemisedBill => "CPCE D98-5",
            Legal::SepaAuthorised => "CMF L133-25",
            Legal::SepaUnauthorised => "CMF L133-24",
            Legal::SignalConso => "SignalConso",
            Legal::ArcepAlert => "J'alerte l'Arcep",
            Legal::EuRoaming => "UE 2022/612",
        }
    }

    /// What it says, in one sentence.
    pub fn summary(self, lang: Lang) -> &'static str {
        let (fr, en) = match self {
            Legal::Prescription => (
                "Le client a un an à compter du paiement pour réclamer le remboursement d'une prestation de communications électroniques, et l'opérateur un an à compter de l'exigibilité pour réclamer ce qui lui est dû ; une lettre de réclamation n'arrête pas ce délai, et il ne couvre pas les contenus de tiers.",
                "The customer has one year from payment to claim back what was paid for electronic communications, and the operator one year from the due date to claim what it is owed; a complaint letter does not stop this limit, and it does not cover third-party content.",
            ),
            Legal::MediationSuspends => (
                "Le recours à une médiation suspend la prescription pendant la médiation.",
                "Going to mediation suspends the limitation period while the mediation lasts.",
            ),
            Legal::AcknowledgementInterrupts => (
                "La reconnaissance de sa dette par l'opérateur interrompt la prescription.",
                "The operator's acknowledgement of what it owes interrupts the limitation period.",
            ),
            Legal::CourtClaimInterrupts => (
                "Une demande en justice interrompt la prescription.",
                "A claim in court interrupts the limitation period.",
            ),
            Legal::DisputeSteps => (
                "Réclamez d'abord au service client, puis au service consommateurs (après une réponse insatisfaisante ou un mois sans réponse), puis au Médiateur (aussitôt après son refus ou après un mois de silence ; directement si le service client ne répond pas en deux mois).",
                "Complain first to customer service, then to the consumer service (after an unsatisfactory answer or a month without one), then to the ombudsman (at once after its refusal or after a month of silence; directly if customer service does not answer within two months).",
            ),
            Legal::MediatorFree => (
                "Le consommateur peut recourir gratuitement à un médiateur de la consommation.",
                "A consumer may go to a consumer mediator free of charge.",
            ),
            Legal::MediatorAdmissibility => (
                "Le Médiateur ne peut pas prendre un litige sans réclamation écrite préalable faite selon le contrat, manifestement infondé, déjà devant un autre médiateur ou un tribunal, ou présenté plus d'un an après la réclamation écrite ; un refus est notifié dans les trois semaines de la réception du dossier.",
                "The ombudsman cannot take a dispute without a prior written complaint made as the contract says, one manifestly unfounded, already before another mediator or a court, or brought more than a year after the written complaint; a rejection is notified within three weeks of receiving the file.",
            ),
            Legal::MediatorProposal => (
                "Le Médiateur propose une solution dans les 90 jours de son avis de dossier complet, délai prolongeable pour un litige complexe ; cette proposition ne s'impose à personne.",
                "The ombudsman proposes a solution within 90 days of its notice that the file is complete, extendable for a complex dispute; the proposal binds no one.",
            ),
            Legal::MediatorSite => (
                "Saisine gratuite en ligne sur mediation-telecom.org, ou par courrier : Médiatrice des communications électroniques, CS 30342, 94257 Gentilly Cedex.",
                "Free referral online at mediation-telecom.org, or by post: Médiatrice des communications électroniques, CS 30342, 94257 Gentilly Cedex.",
            ),
            Legal::PriorAttempt => (
                "Pour une demande de 5 000 € au plus, une tentative de conciliation, de médiation ou de procédure participative est obligatoire avant le tribunal ; la saisine du Médiateur en est une.",
                "For a claim of €5,000 or less, an attempt at conciliation, mediation or participatory procedure is required before court; a referral to the ombudsman is one.",
            ),
            Legal::TerminationFees => (
                "Pour un contrat conclu depuis le 1er janvier 2023, rien des mois restants n'est dû après le 12e mois (au plus 20 % du reste avec un téléphone subventionné) ; pour un contrat plus ancien, au plus le quart des mensualités restantes.",
                "For a contract made since 1 January 2023, nothing of the remaining months is due after the 12th month (at most 20% of the rest with a subsidised phone); for an older contract, at most a quarter of the remaining monthly payments.",
            ),
            Legal::PriceChangeNotice => (
                "Une modification du prix est notifiée sur un support durable au moins un mois avant, et le client peut résilier sans frais dans les quatre mois de la notification, sauf changement à son seul avantage, purement administratif ou imposé par la loi.",
                "A price change is notified on a durable medium at least a month ahead, and the customer may terminate without fees within four months of the notice, unless the change is solely to their benefit, purely administrative or imposed by law.",
            ),
            Legal::TerminationNotice => (
                "La résiliation prend effet au plus tard dix jours après la demande du client.",
                "A termination takes effect at most ten days after the customer asks.",
            ),
            Legal::UnsolicitedSupply => (
                "Aucun paiement ne peut être exigé pour un service que le consommateur n'a pas commandé.",
                "No payment may be demanded for a service the consumer did not order.",
            ),
            Legal::DefaultOptions => (
                "Un paiement supplémentaire obtenu par une option cochée par défaut, sans accord exprès, doit être remboursé.",
                "An extra payment obtained through an option ticked by default, without express consent, must be refunded.",
            ),
            Legal::ServiceNumber => (
                "Le numéro qu'un professionnel donne pour le suivi du contrat ou une réclamation ne peut pas être surtaxé.",
                "The number a business gives for the running of a contract or a complaint may not be surcharged.",
            ),
            Legal::PremiumCaps => (
                "La partie « service » d'un appel vers un 081, 082 ou 089 est plafonnée (081 : 0,06 €/min ou 0,15 €/appel ; 082 : 0,20 €/min ou 0,50 €/appel ; 089 : 0,80 €/min ou 3 €/appel), le prix de l'appel s'y ajoutant.",
                "The service part of a call to an 081, 082 or 089 number is capped (081: €0.06/min or €0.15/call; 082: €0.20/min or €0.50/call; 089: €0.80/min or €3/call), with the call's own price on top.",
            ),
            Legal::PremiumBlocking => (
                "L'opérateur bloque gratuitement sur demande les 089, les numéros courts 3BPQ (sauf 30PQ et 31PQ) et les SMS+ 3xxxx à 8xxxx ; ce blocage ne couvre ni les 081, 082, 118 et 10XY, ni Internet+.",
                "The operator blocks for free on request 089 numbers, 3BPQ short numbers (except 30PQ and 31PQ) and SMS+ 3xxxx to 8xxxx; the block does not cover 081, 082, 118 and 10XY numbers, nor Internet+.",
            ),
            Legal::ThirdPartyContacts => (
                "Le site des opérateurs (AF2M) donne le fournisseur d'un achat facturé par un tiers et ses coordonnées ; un signalement n'y vaut pas réclamation, qui s'adresse au fournisseur et à l'opérateur.",
                "The operators' site (AF2M) names the supplier behind a third-party charge and how to reach it; a report there is not a complaint, which goes to the supplier and the operator.",
            ),
            Legal::VoiceServices => (
                "Le site des numéros à valeur ajoutée vocaux donne l'éditeur d'un numéro et ses coordonnées.",
                "The site of premium voice numbers names the provider behind a number and how to reach it.",
            ),
            Legal::ItemisedBill => (
                "La facture détaillée est fournie gratuitement sur demande, pour chacun des 12 derniers mois.",
                "The itemised bill is free on request, for any of the last 12 months.",
            ),
            Legal::SepaAuthorised => (
                "La banque rembourse sur demande un prélèvement autorisé dans les huit semaines qui suivent le débit ; cela n'éteint pas la dette.",
                "The bank refunds an authorised direct debit on request within eight weeks of the debit; this does not cancel the debt.",
            ),
            Legal::SepaUnauthorised => (
                "Un prélèvement non autorisé peut être contesté auprès de la banque dans les 13 mois qui suivent le débit.",
                "An unauthorised debit can be contested with the bank within 13 months of the debit.",
            ),
            Legal::SignalConso => (
                "Le signalement est transmis à l'entreprise, qui peut y répondre, et informe la DGCCRF.",
                "The report is forwarded to the business, which may answer, and informs the DGCCRF.",
            ),
            Legal::ArcepAlert => (
                "Le signalement informe le régulateur des télécoms mais ne donne pas lieu à un suivi individuel.",
                "The report informs the telecom regulator but brings no individual follow-up.",
            ),
            Legal::EuRoaming => (
                "Dans l'Union européenne, appels, SMS et données en itinérance se paient au prix national.",
                "In the European Union, roaming calls, texts and data cost the domestic price.",
            ),
        };
        lang.pick(fr, en)
    }

    /// Where to read it.
    pub fn url(self) -> &'static str {
        match self {
            Legal::Prescription | Legal::ItemisedBill => CPCE,
            Legal::MediationSuspends
            | Legal::AcknowledgementInterrupts
            | Legal::CourtClaimInterrupts => CIVIL,
            Legal::DisputeSteps => "https://www.service-public.fr/particuliers/vosdroits/F14373",
            Legal::MediatorFree
            | Legal::MediatorAdmissibility
            | Legal::MediatorProposal
            | Legal::TerminationFees
            | Legal::PriceChangeNotice
            | Legal::TerminationNotice
            | Legal::UnsolicitedSupply
            | Legal::DefaultOptions
            | Legal::ServiceNumber
            | Legal::PremiumBlocking => CONSO,
            Legal::MediatorSite => "https://www.mediation-telecom.org/",
            Legal::PriorAttempt => CPC,
            Legal::PremiumCaps => "https://www.arcep.fr/",
            Legal::ThirdPartyContacts => "https://www.surmafacture.fr/",
            Legal::VoiceServices => "https://www.infosva.org/",
            Legal::SepaAuthorised | Legal::SepaUnauthorised => CMF,
            Legal::SignalConso => "https://signal.conso.gouv.fr/",
            Legal::ArcepAlert => "https://jalerte.arcep.fr/",
            Legal::EuRoaming => "https://eur-lex.europa.eu/eli/reg/2022/612/oj",
        }
    }

    /// The day it was last checked.
    pub fn checked(self) -> NaiveDate {
        checked()
    }
}

/// Adds calendar months, clamping to the month's last day (31 January + 1 month = 28 or
/// 29 February): how "one month", "one year" and "13 months" after a day are counted.
pub fn add_months(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_add_months(chrono::Months::new(months))
        .unwrap_or(date)
}

/// Adds days.
pub fn add_days(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_add_days(chrono::Days::new(days))
        .unwrap_or(date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_entry_has_an_id_a_citation_a_sentence_in_each_language_a_date_and_a_link() {
        let mut ids = HashSet::new();
        for legal in Legal::ALL {
            assert!(ids.insert(legal.id()), "{legal:?}: id used twice");
            assert_eq!(Legal::from_id(legal.id()), Some(legal));
            assert!(
                legal
                    .id()
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{legal:?}"
            );
            assert!(!legal.citation().is_empty() && !legal.short().is_empty());
            let (fr, en) = (legal.summary(Lang::Fr), legal.summary(Lang::En));
            assert!(!fr.is_empty() && !en.is_empty() && fr != en, "{legal:?}");
            // One sentence: a single full stop, at the end.
            for s in [fr, en] {
                assert!(s.ends_with('.'), "{legal:?}: {s}");
                let inner = s.trim_end_matches('.');
                let stops = inner
                    .char_indices()
                    .filter(|(i, c)| {
                        *c == '.'
                            && inner[i + 1..].starts_with(' ')
                            && inner[*i + 1..]
                                .chars()
                                .nth(1)
                                .is_some_and(char::is_uppercase)
                    })
                    .count();
                assert_eq!(stops, 0, "{legal:?} is one sentence: {s}");
            }
            assert!(legal.url().starts_with("https://"), "{legal:?}");
            assert_eq!(
                legal.checked(),
                NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
            );
        }
        assert_eq!(ids.len(), Legal::ALL.len());
    }

    #[test]
    fn entries_serialize_by_id_name() {
        let json = serde_json::to_string(&Legal::Prescription).unwrap();
        assert_eq!(json, "\"prescription\"");
        assert_eq!(
            serde_json::from_str::<Legal>(&json).unwrap(),
            Legal::Prescription
        );
    }

    #[test]
    fn months_are_counted_to_the_same_day_or_the_last_day_of_a_short_month() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(add_months(d("2026-01-31"), 1), d("2026-02-28"));
        assert_eq!(add_months(d("2024-02-29"), 12), d("2025-02-28"));
        assert_eq!(add_months(d("2026-11-18"), 12), d("2027-11-18"));
        assert_eq!(add_days(d("2026-03-10"), 90), d("2026-06-08"));
        assert_eq!(termination_reform(), d("2023-01-01"));
    }
}
