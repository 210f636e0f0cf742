//! Every legal reference the app relies on, with what it says in one sentence, how it was
//! checked and where to read it; and the figures the rules and the journal take from them
//! (durations, thresholds, the day a rule changed), each beside its source.
//!
//! One catalogue: a finding, a piece of advice or a deadline names the [`Legal`] entries it
//! rests on, and the sources page lists [`Legal::ALL`]. Each entry says how it was checked
//! ([`Legal::check`]): read at its source (Légifrance, service-public.fr, the body's own
//! site) on a given day and in the version that page showed, or, where that could not be
//! done, what it was read in instead. A date is given only for a reading at the source.
//! Links go to the article itself where its Légifrance identifier was seen, else to the
//! official page of the text. A fact that no entry here supports is not shown to a person
//! as fact. Pure: no clock; dates are constants.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::i18n::Lang;

/// The day the entries read at their source were read there (some were read again
/// later: [`Legal::check`] gives each its own day).
pub const CHECKED: (i32, u32, u32) = (2026, 12, 7);

/// The day the tribunal de proximité's pages were read at their source.
pub const CHECKED_AGAIN: (i32, u32, u32) = (2026, 12, 8);

/// [`CHECKED`] as a date.
pub fn checked() -> NaiveDate {
    let (y, m, d) = CHECKED;
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// How an entry was checked: what was read at its source, and what could not be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Check {
    /// Read at the source on [`CHECKED`]: which text and version the page showed (French,
    /// English). `None`: nothing of it could be read at its source.
    pub read: Option<(&'static str, &'static str)>,
    /// What could not be read at the source, and what it was read in instead.
    pub unverified: Option<(&'static str, &'static str)>,
    /// The day `read` was read at the source ([`CHECKED`] or a later one).
    pub day: (i32, u32, u32),
}

impl Check {
    /// The day it was read at its source, if it was.
    pub fn on(self) -> Option<NaiveDate> {
        let (y, m, d) = self.day;
        self.read.and_then(|_| NaiveDate::from_ymd_opt(y, m, d))
    }
}

// --- Figures, each with its source -------------------------------------------------------

/// CPCE L34-2 al. 1: the customer may claim back what was paid for electronic
/// communications within one year of the payment. Al. 2: the operator may claim what is
/// due within one year of the day it fell due. A complaint letter stops neither; only the
/// operator's acknowledgement (C. civ. 2240), a court claim (2241) or a referral to a
/// mediator (suspension, 2238) do. Not for third-party content.
pub const PRESCRIPTION_MONTHS: u32 = 12;

/// Code civil 2238 al. 2: once a mediation or conciliation is declared over, the
/// limitation period runs again for at least this many months.
pub const RESUMED_MIN_MONTHS: u32 = 6;

/// service-public.fr F14373: after the written complaint, one month without an answer (or
/// an unsatisfactory answer) sends the customer to the second level, the *service
/// consommateurs*; one month of its silence opens the Médiateur.
pub const SECOND_LEVEL_WAIT_MONTHS: u32 = 1;

/// service-public.fr F14373: customer service silent for two months after the written
/// complaint, the Médiateur may be referred to directly.
pub const FIRST_LEVEL_SILENCE_MONTHS: u32 = 2;

/// Code de la consommation L612-2: the Médiateur cannot take a file referred to it more
/// than one year after the written complaint to the operator.
pub const MEDIATOR_WINDOW_MONTHS: u32 = 12;

/// Code de la consommation L612-2: a rejection of the file is notified within three weeks
/// of its receipt.
pub const MEDIATOR_REJECTION_DAYS: u64 = 21;

/// Code de la consommation R612-2 and R612-5: the Médiateur's proposed solution is due
/// within 90 days of its notice that it has the file (extendable for complex cases).
pub const MEDIATOR_PROPOSAL_DAYS: u64 = 90;

/// Code de procédure civile 750-1 (décret 2023-357): up to this amount, a prior attempt at
/// conciliation, mediation or participatory procedure is required before court.
pub const PRIOR_ATTEMPT_CEILING_EUR: i64 = 5_000;

/// Code de la consommation L224-28 II (loi 2022-1158): for contracts concluded since this
/// day, nothing of the remaining months is due after the twelfth month (at most 20 % of
/// the remainder for an offer with a subsidised phone); older contracts keep the rule of
/// a quarter of the remaining months.
pub const TERMINATION_REFORM: (i32, u32, u32) = (2023, 1, 1);

/// The day the reform of [`TERMINATION_REFORM`] applies from, as a date.
pub fn termination_reform() -> NaiveDate {
    let (y, m, d) = TERMINATION_REFORM;
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// Code de la consommation L224-28 II: the months of a commitment after which the rules on
/// remaining months apply (from the 13th month).
pub const COMMITMENT_FIRST_MONTHS: u32 = 12;

/// Code de la consommation L224-33: after notice of a price change, the customer may
/// terminate without fees within four months of the notification.
pub const PRICE_CHANGE_TERMINATION_MONTHS: u32 = 4;

/// Code monétaire et financier L133-25 (§ III since the ordonnance 2017-1252, not
/// L133-25-1): an authorised SEPA debit can be refunded by the bank on request within
/// eight weeks of the debit; the bank refunds, or justifies its refusal, within ten
/// working days.
pub const SEPA_AUTHORISED_WEEKS: u64 = 8;

/// Code monétaire et financier L133-24: an unauthorised debit can be contested within 13
/// months of the debit.
pub const SEPA_UNAUTHORISED_MONTHS: u32 = 13;

/// Arrêté du 31 décembre 2013 relatif aux factures des services de communications
/// électroniques: an itemised bill is free, on paper, for any of the last 12 months.
pub const ITEMISED_BILL_MONTHS: u32 = 12;

/// A legal text or official body the app cites.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Legal {
    /// CPCE L34-2: one year to claim back what was paid; one year for the operator to claim.
    Prescription,
    /// Code civil 2238: a mediation or conciliation suspends the prescription, which runs
    /// again for at least six months once it is declared over.
    MediationSuspends,
    /// When a consumer mediation starts suspending the period: the Cour de cassation and
    /// the commission that oversees consumer mediation differ.
    MediationSuspensionStart,
    /// The conciliateur de justice: free, the prior attempt before a small claim.
    Conciliator,
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
    /// Arrêté du 31 décembre 2013 on bills: the itemised bill, free on request.
    ItemisedBill,
    /// Code monétaire et financier L133-25: an authorised debit refunded within 8 weeks.
    SepaAuthorised,
    /// Code monétaire et financier L133-24: an unauthorised debit within 13 months.
    SepaUnauthorised,
    /// SignalConso (DGCCRF): a report forwarded to the company.
    SignalConso,
    /// J'alerte l'Arcep: a report to the regulator, no individual follow-up.
    ArcepAlert,
    /// service-public.fr F1126: what an approved consumer association does.
    ApprovedAssociations,
    /// Institut national de la consommation: the national approved associations.
    AssociationsList,
    /// Joint representation and group actions by approved associations.
    GroupAction,
    /// service-public.fr F35125: the court for a claim up to 10 000 €.
    SmallClaims,
    /// Regulation (EU) 2022/612: roaming in the EU at domestic prices. Cited by `roaming`
    /// since before issue 13; not in `shared/DOMAIN.md` (to be added there).
    EuRoaming,
}

const CONSO: &str = "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006069565/";
const CPCE: &str = "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006070987/";
const CIVIL: &str = "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006070721/";
const CPC: &str = "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006070716/";

impl Legal {
    /// Every entry, in the order of the sources page.
    pub const ALL: [Legal; 32] = [
        Legal::Prescription,
        Legal::MediationSuspends,
        Legal::MediationSuspensionStart,
        Legal::AcknowledgementInterrupts,
        Legal::CourtClaimInterrupts,
        Legal::DisputeSteps,
        Legal::MediatorFree,
        Legal::MediatorAdmissibility,
        Legal::MediatorProposal,
        Legal::MediatorSite,
        Legal::PriorAttempt,
        Legal::Conciliator,
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
        Legal::ApprovedAssociations,
        Legal::AssociationsList,
        Legal::GroupAction,
        Legal::SmallClaims,
        Legal::EuRoaming,
    ];

    /// A short, stable id, for the address of its entry on the sources page.
    pub fn id(self) -> &'static str {
        match self {
            Legal::Prescription => "cpce-l34-2",
            Legal::MediationSuspends => "civil-2238",
            Legal::MediationSuspensionStart => "cecmc-suspension",
            Legal::Conciliator => "conciliateur-de-justice",
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
            Legal::ItemisedBill => "arrete-factures-2013",
            Legal::SepaAuthorised => "cmf-l133-25",
            Legal::SepaUnauthorised => "cmf-l133-24",
            Legal::SignalConso => "signalconso",
            Legal::ArcepAlert => "jalerte-arcep",
            Legal::ApprovedAssociations => "service-public-f1126",
            Legal::AssociationsList => "inc-associations",
            Legal::GroupAction => "action-de-groupe",
            Legal::SmallClaims => "service-public-f35125",
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
            Legal::MediationSuspensionStart => {
                "Commission d'évaluation et de contrôle de la médiation de la consommation, 16 juillet 2019 ; Cass. com., 11 mai 2022, n° 20-23.298"
            }
            Legal::Conciliator => "Conciliateur de justice (décret n° 78-381 du 20 mars 1978)",
            Legal::AcknowledgementInterrupts => "Code civil, art. 2240",
            Legal::CourtClaimInterrupts => "Code civil, art. 2241",
            Legal::DisputeSteps => "Service-public.fr, fiche F14373",
            Legal::MediatorFree => "Code de la consommation, art. L612-1 et R612-1",
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
            Legal::ThirdPartyContacts => "surmafacture.fr",
            Legal::VoiceServices => "infosva.org",
            Legal::ItemisedBill => {
                "Arrêté du 31 décembre 2013 relatif aux factures des services de communications électroniques"
            }
            Legal::SepaAuthorised => "Code monétaire et financier, art. L133-25",
            Legal::SepaUnauthorised => "Code monétaire et financier, art. L133-24",
            Legal::SignalConso => "SignalConso (DGCCRF)",
            Legal::ArcepAlert => "J'alerte l'Arcep",
            Legal::EuRoaming => "Règlement (UE) 2022/612",
            Legal::ApprovedAssociations => "Service-public.fr, fiche F1126",
            Legal::AssociationsList => {
                "Institut national de la consommation ; arrêté du 6 janvier 2023 (foodwatch France)"
            }
            Legal::GroupAction => {
                "Code de la consommation, art. L622-1 ; loi n° 2025-391 du 30 avril 2025, art. 16"
            }
            Legal::SmallClaims => "Service-public.fr, fiche F35125",
        }
    }

    /// A short name, for a link.
    pub fn short(self) -> &'static str {
        match self {
            Legal::Prescription => "CPCE L34-2",
            Legal::MediationSuspends => "C. civ. 2238",
            Legal::MediationSuspensionStart => "CECMC 2019",
            Legal::Conciliator => "Conciliateur de justice",
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
            Legal::ItemisedBill => "Arrêté du 31/12/2013",
            Legal::SepaAuthorised => "CMF L133-25",
            Legal::SepaUnauthorised => "CMF L133-24",
            Legal::SignalConso => "SignalConso",
            Legal::ArcepAlert => "J'alerte l'Arcep",
            Legal::EuRoaming => "UE 2022/612",
            Legal::ApprovedAssociations => "F1126",
            Legal::AssociationsList => "INC",
            Legal::GroupAction => "Action de groupe",
            Legal::SmallClaims => "F35125",
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
                "Une médiation ou une conciliation suspend la prescription, qui recommence à courir, pour au moins six mois, du jour où l'une des parties ou le médiateur déclare qu'elle est terminée.",
                "A mediation or a conciliation suspends the limitation period, which runs again, for at least six months, from the day a party or the mediator declares it over.",
            ),
            Legal::MediationSuspensionStart => (
                "La commission qui contrôle la médiation de la consommation compte la suspension de la prescription de la notification aux parties de la recevabilité de la saisine jusqu'à la notification de la proposition de solution ; la Cour de cassation a jugé, pour le médiateur d'une entreprise, que la saisine écrite suffit à la faire courir.",
                "The commission that oversees consumer mediation counts the suspension of the limitation period from the notice to the parties that the referral is admissible until the notice of the proposed solution; the Cour de cassation held, for a company's own mediator, that the written referral is enough to start it.",
            ),
            Legal::Conciliator => (
                "Le conciliateur de justice, bénévole, est gratuit ; on le saisit directement (permanence, téléphone, courrier, en ligne) ou par le greffe du tribunal, et sa conciliation est l'une des tentatives amiables exigées avant le tribunal pour une demande de 5 000 € ou moins.",
                "The conciliateur de justice, a volunteer, is free; they are reached directly (office hours, phone, post, online) or through the court's registry, and their conciliation is one of the amicable attempts required before court for a claim of €5,000 or less.",
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
                "Dès qu'il a les documents du dossier, le Médiateur notifie sa saisine aux parties ; l'issue de la médiation intervient dans les 90 jours de cette notification, délai prolongeable pour un litige complexe, et sa proposition ne s'impose à personne.",
                "Once it has the file's documents, the ombudsman notifies the parties that it has the case; the mediation ends within 90 days of that notice, extendable for a complex dispute, and its proposal binds no one.",
            ),
            Legal::MediatorSite => (
                "Saisine gratuite, en ligne sur mediation-telecom.org, après les réclamations au service client et, s'il existe, au service consommateurs, pour un opérateur membre de l'association qui le finance (la quasi-totalité du secteur).",
                "Free referral, online at mediation-telecom.org, after the complaints to customer service and, where there is one, the consumer service, for an operator that belongs to the association that funds it (nearly the whole sector).",
            ),
            Legal::PriorAttempt => (
                "Pour une demande de 5 000 € au plus, une tentative de conciliation par un conciliateur de justice, de médiation ou de procédure participative est obligatoire avant le tribunal ; une médiation qui a eu lieu en est une, un dossier que le Médiateur a refusé n'en est pas une.",
                "For a claim of €5,000 or less, an attempt at conciliation by a conciliateur de justice, mediation or participatory procedure is required before court; a mediation that took place is one, a file the ombudsman refused is not.",
            ),
            Legal::TerminationFees => (
                "Pour un contrat conclu depuis le 1er janvier 2023, rien des mensualités restantes n'est dû en résiliant après la fin du 12e mois (au plus 20 % de ce qui reste avec un téléphone subventionné) ; pour un contrat plus ancien, au plus le quart des mensualités restantes.",
                "For a contract made since 1 January 2023, nothing of the remaining monthly payments is due when terminating after the end of the 12th month (at most 20% of what is left with a subsidised phone); for an older contract, at most a quarter of the remaining monthly payments.",
            ),
            Legal::PriceChangeNotice => (
                "Une modification du prix est notifiée sur un support durable au moins un mois avant, et le client peut résilier sans frais dans les quatre mois de la notification, sauf changement à son seul avantage, purement administratif ou imposé par la loi.",
                "A price change is notified on a durable medium at least a month ahead, and the customer may terminate without fees within four months of the notice, unless the change is solely to their benefit, purely administrative or imposed by law.",
            ),
            Legal::TerminationNotice => (
                "La résiliation prend effet dans les dix jours de la réception de la demande par l'opérateur, sauf si le client demande une date plus tardive.",
                "A termination takes effect within ten days of the operator receiving the request, unless the customer asks for a later date.",
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
                "Un appel vers un numéro spécial surtaxé se paie au prix d'un appel normal plus le prix du service fixé par l'éditeur, plafonné selon la tranche (de 0,06 €/min ou 0,15 €/appel à 0,80 €/min ou 3 €/appel).",
                "A call to a surcharged special number costs a normal call plus the service's price set by the provider, capped by range (from €0.06/min or €0.15/call to €0.80/min or €3/call).",
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
                "La facture détaillée est fournie gratuitement sur papier, sur demande, pour chacun des douze derniers mois ; les quatre derniers chiffres des numéros appelés n'y figurent que si l'abonné le demande expressément.",
                "The itemised bill is free on paper, on request, for any of the last twelve months; the last four digits of the numbers called appear on it only if the subscriber expressly asks.",
            ),
            Legal::SepaAuthorised => (
                "La banque rembourse sur demande un prélèvement autorisé fait dans les huit semaines qui précèdent, ou justifie son refus, dans les dix jours ouvrables ; cela n'éteint pas la dette.",
                "The bank refunds on request an authorised direct debit made within the last eight weeks, or justifies its refusal, within ten working days; this does not cancel the debt.",
            ),
            Legal::SepaUnauthorised => (
                "Un prélèvement non autorisé peut être contesté auprès de la banque dans les 13 mois qui suivent le débit.",
                "An unauthorised debit can be contested with the bank within 13 months of the debit.",
            ),
            Legal::SignalConso => (
                "Le signalement est transmis à l'entreprise, qui peut y répondre, et aux agents de la DGCCRF, qui peuvent enquêter ; les signalements sont traités collectivement, sans suivi individuel.",
                "The report goes to the business, which may answer, and to DGCCRF officers, who may investigate; reports are handled collectively, with no individual follow-up.",
            ),
            Legal::ArcepAlert => (
                "Le signalement informe le régulateur des télécoms mais ne donne pas lieu à un suivi individuel.",
                "The report informs the telecom regulator but brings no individual follow-up.",
            ),
            Legal::EuRoaming => (
                "Dans l'Union européenne, appels, SMS et données en itinérance se paient au prix national.",
                "In the European Union, roaming calls, texts and data cost the domestic price.",
            ),
            Legal::ApprovedAssociations => (
                "Une association agréée informe et conseille gratuitement sur les questions de consommation, mais une aide plus poussée dans un litige demande d'y adhérer (cotisation variable) ; elle peut intervenir à l'amiable et représenter les consommateurs en justice.",
                "An approved association informs and advises on consumer questions for free, but more thorough help with a dispute requires joining it (the fee varies); it can step in amicably and represent consumers in court.",
            ),
            Legal::AssociationsList => (
                "Seize associations nationales de consommateurs sont agréées, foodwatch France étant la seizième depuis l'arrêté du 6 janvier 2023, chaque agrément valant cinq ans.",
                "Sixteen national consumer associations are approved, foodwatch France being the sixteenth since the arrêté of 6 January 2023, each approval lasting five years.",
            ),
            Legal::GroupAction => (
                "Quand plusieurs consommateurs ont subi un préjudice de même origine causé par un même professionnel, une association agréée mandatée par au moins deux d'entre eux peut agir en leur nom, et une action de groupe, refondue par la loi du 30 avril 2025, peut être engagée pour tous.",
                "When several consumers suffered harm of the same origin caused by the same business, an approved association given a mandate by at least two of them can act on their behalf, and a group action, recast by the law of 30 April 2025, can be brought for all.",
            ),
            Legal::SmallClaims => (
                "Le tribunal de proximité juge les litiges civils jusqu'à 10 000 € ; jusqu'à 5 000 €, on le saisit par une requête (Cerfa 16042), après une tentative de conciliation ou de médiation, avec un timbre fiscal de 50 € sauf aide juridictionnelle.",
                "The tribunal de proximité hears civil disputes up to €10,000; up to €5,000, it is reached by a request (Cerfa 16042), after an attempt at conciliation or mediation, with a €50 tax stamp unless on legal aid.",
            ),
        };
        lang.pick(fr, en)
    }

    /// Where to read it: the article itself where its Légifrance identifier was seen, else
    /// the official page of the text.
    pub fn url(self) -> &'static str {
        match self {
            Legal::Prescription => CPCE,
            Legal::ItemisedBill => "https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000028429711",
            Legal::MediationSuspends | Legal::CourtClaimInterrupts => CIVIL,
            Legal::AcknowledgementInterrupts => {
                "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000019017366"
            }
            Legal::MediationSuspensionStart => {
                "https://www.economie.gouv.fr/mediation-conso/processus-de-mediation-de-la-consommation"
            }
            Legal::Conciliator => "https://www.service-public.fr/particuliers/vosdroits/F1736",
            Legal::DisputeSteps => "https://www.service-public.fr/particuliers/vosdroits/F14373",
            Legal::MediatorFree | Legal::MediatorProposal => {
                "https://www.legifrance.gouv.fr/codes/section_lc/LEGITEXT000006069565/LEGISCTA000032808326/"
            }
            Legal::TerminationFees => {
                "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000043545704/"
            }
            Legal::PriceChangeNotice => {
                "https://www.legifrance.gouv.fr/codes/section_lc/LEGITEXT000006069565/LEGISCTA000032221543/?anchor=LEGIARTI000043545713"
            }
            Legal::ServiceNumber => {
                "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000032227254/"
            }
            Legal::MediatorAdmissibility
            | Legal::TerminationNotice
            | Legal::UnsolicitedSupply
            | Legal::DefaultOptions
            | Legal::PremiumBlocking => CONSO,
            Legal::MediatorSite => "https://www.mediation-telecom.org/",
            Legal::PriorAttempt => CPC,
            Legal::PremiumCaps => {
                "https://www.arcep.fr/mes-demarches-et-services/consommateurs/fiches-pratiques/les-numeros-08-et-les-numeros-courts.html"
            }
            Legal::ThirdPartyContacts => "https://www.surmafacture.fr/",
            Legal::VoiceServices => "https://www.infosva.org/",
            Legal::SepaAuthorised | Legal::SepaUnauthorised => {
                "https://www.banque-france.fr/fr/a-votre-service/particuliers/mieux-connaitre-moyens-paiement/prelevement-sepa"
            }
            Legal::SignalConso => "https://signal.conso.gouv.fr/",
            Legal::ArcepAlert => {
                "https://www.economie.gouv.fr/particuliers/probleme-reseau-telephonie-internet-postal-alerte-arcep"
            }
            Legal::ApprovedAssociations => {
                "https://www.service-public.fr/particuliers/vosdroits/F1126"
            }
            Legal::AssociationsList => {
                "https://www.inc-conso.fr/content/lassociation-foodwatch-france-devient-la-seizieme-association-de-defense-des-consommateurs"
            }
            Legal::GroupAction => CONSO,
            Legal::SmallClaims => "https://www.service-public.fr/particuliers/vosdroits/F35125",
            Legal::EuRoaming => "https://eur-lex.europa.eu/eli/reg/2022/612/oj",
        }
    }

    /// How it was checked.
    pub fn check(self) -> Check {
        let (read, unverified) = match self {
            Legal::Prescription => (
                None,
                Some((
                    "Article non lu sur Légifrance : texte lu tel que le citent des commentaires et des arrêts de la Cour de cassation (Cass. com., 29 mars 2023, n° 21-23.104 : les frais de résiliation en relèvent, pas une indemnité réparant une résiliation anticipée ; Cass. com., 25 oct. 2023, n° 22-17.220).",
                    "Article not read on Légifrance: text read as quoted by commentaries and Cour de cassation rulings (Cass. com., 29 March 2023, no. 21-23.104: termination fees fall under it, not damages for an early termination; Cass. com., 25 Oct. 2023, no. 22-17.220).",
                )),
            ),
            Legal::MediationSuspends => (
                None,
                Some((
                    "Article non lu sur Légifrance : texte lu tel que le citent des avocats, qui concordent.",
                    "Article not read on Légifrance: text read as quoted by lawyers, who agree.",
                )),
            ),
            Legal::MediationSuspensionStart => (
                Some((
                    "Position de la commission (plénière du 16 juillet 2019), lue sur economie.gouv.fr.",
                    "The commission's position (plenary of 16 July 2019), read on economie.gouv.fr.",
                )),
                Some((
                    "L'arrêt de la Cour de cassation (rendu pour le médiateur de La Poste, entre professionnels) n'a été lu que dans des commentaires.",
                    "The Cour de cassation ruling (given for La Poste's mediator, between businesses) was read only in commentaries.",
                )),
            ),
            Legal::Conciliator => (
                Some((
                    "Décret n° 78-381, art. 1 (fonctions exercées à titre bénévole), version au 1er janvier 2020 sur Légifrance ; gratuité lue sur le site des cours d'appel (justice.fr).",
                    "Décret no. 78-381, art. 1 (a volunteer office), version of 1 January 2020 on Légifrance; free of charge read on the courts of appeal's site (justice.fr).",
                )),
                Some((
                    "La fiche F1736 n'a été lue que reprise par des sites de mairies ; la version 2026 du décret n'a pas été vue.",
                    "Fiche F1736 was read only as republished by town halls' sites; the 2026 version of the décret was not seen.",
                )),
            ),
            Legal::AcknowledgementInterrupts | Legal::CourtClaimInterrupts => (
                None,
                Some((
                    "Article non lu sur Légifrance : texte lu sur des sites juridiques. Qu'une mise en demeure, même recommandée, n'interrompt pas la prescription : Cass. com., 18 mai 2022, n° 20-23.204, lu dans des commentaires.",
                    "Article not read on Légifrance: text read on legal sites. That a formal notice, even registered, does not interrupt the limitation period: Cass. com., 18 May 2022, no. 20-23.204, read in commentaries.",
                )),
            ),
            Legal::DisputeSteps => (
                Some((
                    "Version anglaise de la fiche, vérifiée par la DILA le 26 novembre 2025.",
                    "The fiche's English version, verified by the DILA on 26 November 2025.",
                )),
                Some((
                    "Le texte français (délais d'un et deux mois, un an pour saisir le Médiateur) n'a été lu que repris par des sites de mairies (2022, 2024).",
                    "The French text (the one- and two-month waits, one year to refer to the ombudsman) was read only as republished by town halls' sites (2022, 2024).",
                )),
            ),
            Legal::MediatorFree => (
                Some((
                    "Art. R612-1 2° (« gratuite pour le consommateur »), version en vigueur au 8 septembre 2024 sur Légifrance.",
                    "Art. R612-1 2° (\"free for the consumer\"), version in force on 8 September 2024 on Légifrance.",
                )),
                Some((
                    "L'article L612-1 lui-même n'a été lu que sur des bases juridiques privées.",
                    "Article L612-1 itself was read only on private legal databases.",
                )),
            ),
            Legal::MediatorAdmissibility => (
                None,
                Some((
                    "Article non lu sur Légifrance : lu sur des bases juridiques privées ; l'article qu'il a remplacé en 2016 (L152-2), au texte identique, a été lu sur Légifrance.",
                    "Article not read on Légifrance: read on private legal databases; the article it replaced in 2016 (L152-2), with the same text, was read on Légifrance.",
                )),
            ),
            Legal::MediatorProposal => (
                Some((
                    "Art. R612-2 (notification de la saisine dès réception des documents), version en vigueur au 8 septembre 2024 sur Légifrance.",
                    "Art. R612-2 (notice of the referral once the documents are received), version in force on 8 September 2024 on Légifrance.",
                )),
                Some((
                    "L'article R612-5 (90 jours) n'a été lu que sur des sites de médiateurs.",
                    "Article R612-5 (90 days) was read only on mediators' sites.",
                )),
            ),
            Legal::MediatorSite => (
                Some((
                    "Pages du site du Médiateur (charte, conditions de saisine, membres).",
                    "The ombudsman's site (charter, how to refer, members).",
                )),
                Some((
                    "Son adresse postale n'a pu être lue sur aucune source officielle : prenez-la sur son site.",
                    "Its postal address could not be read at any official source: take it from its site.",
                )),
            ),
            Legal::PriorAttempt => (
                Some((
                    "L'obligation d'une tentative amiable avant le tribunal jusqu'à 5 000 €, sur service-public.fr (actualité A17569, 2 août 2024).",
                    "The duty of an amicable attempt before court up to €5,000, on service-public.fr (news A17569, 2 August 2024).",
                )),
                Some((
                    "L'article en vigueur n'a pas été lu sur Légifrance. Le décret n° 2025-660 a regroupé les modes amiables au livre V du Code de procédure civile (art. 1528 et suivants) depuis le 1er septembre 2025 ; aucun commentaire lu n'indique que l'article 750-1 ait été déplacé, mais nous n'avons pas pu le vérifier.",
                    "The article in force was not read on Légifrance. Décret no. 2025-660 regrouped the amicable procedures in Book V of the Code de procédure civile (art. 1528 onwards) from 1 September 2025; no commentary read says article 750-1 moved, but we could not check it.",
                )),
            ),
            Legal::TerminationFees => (
                Some((
                    "Version en vigueur depuis le 1er janvier 2023 (loi n° 2022-1158), applicable aux contrats conclus depuis cette date, sur Légifrance.",
                    "Version in force since 1 January 2023 (loi no. 2022-1158), applying to contracts made since that day, on Légifrance.",
                )),
                Some((
                    "La règle du quart pour les contrats plus anciens n'a été lue que dans des commentaires. La règle qui limitait les frais de résiliation aux coûts supportés (ancien L224-40) a été remplacée en 2021 : nous n'avons trouvé aucun texte en vigueur qui la reprenne.",
                    "The quarter rule for older contracts was read only in commentaries. The rule that limited termination fees to the costs borne (former L224-40) was replaced in 2021: we found no text in force that takes it up.",
                )),
            ),
            Legal::PriceChangeNotice => (
                Some((
                    "Texte de l'article sur Légifrance (version issue de l'ordonnance n° 2021-650).",
                    "The article's text on Légifrance (version of ordonnance no. 2021-650).",
                )),
                None,
            ),
            Legal::TerminationNotice => (
                None,
                Some((
                    "Article non lu sur Légifrance : lu dans des commentaires ; l'Arcep écrit sur son site que l'opérateur a « dix jours francs » pour mettre fin au contrat.",
                    "Article not read on Légifrance: read in commentaries; Arcep writes on its site that the operator has \"ten clear days\" to end the contract.",
                )),
            ),
            Legal::UnsolicitedSupply | Legal::DefaultOptions => (
                None,
                Some((
                    "Article non lu sur Légifrance : lu sur des bases juridiques privées.",
                    "Article not read on Légifrance: read on private legal databases.",
                )),
            ),
            Legal::ServiceNumber => (
                Some((
                    "Version en vigueur depuis le 1er juillet 2016, sur Légifrance.",
                    "Version in force since 1 July 2016, on Légifrance.",
                )),
                None,
            ),
            Legal::PremiumCaps => (
                Some((
                    "La fiche de l'Arcep sur les numéros 08 et les numéros courts (prix de l'appel plus prix du service).",
                    "Arcep's fiche on 08 and short numbers (the call's price plus the service's).",
                )),
                Some((
                    "La décision n'a été lue que sur une base privée ; les plafonds par tranche (081, 082, 089) n'ont été lus dans aucune source officielle, et la décision n° 2018-0881 (plan de numérotation) a pu la reprendre.",
                    "The decision was read only on a private database; the caps per range (081, 082, 089) were read in no official source, and décision no. 2018-0881 (the numbering plan) may have taken it over.",
                )),
            ),
            Legal::PremiumBlocking => (
                None,
                Some((
                    "Article et arrêté non lus sur Légifrance : lus sur des bases juridiques privées et le site de l'Institut national de la consommation.",
                    "Article and arrêté not read on Légifrance: read on private legal databases and the Institut national de la consommation's site.",
                )),
            ),
            Legal::ThirdPartyContacts => (
                Some((
                    "Le site lui-même.",
                    "The site itself.",
                )),
                Some((
                    "C'est un site de la profession, pas un site public ; qui l'édite n'a pas été vérifié.",
                    "It is an industry site, not a public one; who publishes it was not checked.",
                )),
            ),
            Legal::VoiceServices => (
                Some((
                    "Le site lui-même (annuaire inversé des numéros spéciaux).",
                    "The site itself (reverse directory of special numbers).",
                )),
                Some((
                    "C'est un site de la profession, pas un site public.",
                    "It is an industry site, not a public one.",
                )),
            ),
            Legal::ItemisedBill => (
                None,
                Some((
                    "Arrêté non lu sur Légifrance (JORF du 4 janvier 2014) : lu tel que le reprennent la fiche F31974 de service-public.fr (copies) et la presse. Le délai d'envoi n'est pas affirmé : service-public indique 10 jours ouvrés pour la demande en cours de contrat et 2 mois pour un mois passé.",
                    "Arrêté not read on Légifrance (JORF of 4 January 2014): read as service-public.fr's fiche F31974 (copies) and the press give it. The time to send it is not stated: service-public gives 10 working days for a request during the contract and 2 months for a past month.",
                )),
            ),
            Legal::SepaAuthorised | Legal::SepaUnauthorised => (
                Some((
                    "La page de la Banque de France sur le prélèvement SEPA (8 semaines, remboursement sous 10 jours ouvrables ; 13 mois).",
                    "The Banque de France's page on SEPA debits (8 weeks, refund within 10 working days; 13 months).",
                )),
                Some((
                    "L'article en vigueur (version de l'ordonnance n° 2017-1252) n'a été lu que sur des bases juridiques privées.",
                    "The article in force (version of ordonnance no. 2017-1252) was read only on private legal databases.",
                )),
            ),
            Legal::SignalConso => (
                Some((
                    "Conditions d'utilisation du site (signalement transmis à l'entreprise et aux agents de la DGCCRF, qui peuvent enquêter ; traitement collectif).",
                    "The site's terms of use (a report goes to the business and to DGCCRF officers, who may investigate; handled collectively).",
                )),
                None,
            ),
            Legal::ArcepAlert => (
                Some((
                    "La page d'economie.gouv.fr qui présente le service.",
                    "The economie.gouv.fr page that presents the service.",
                )),
                Some((
                    "Qu'il n'y ait pas de suivi individuel n'a été lu que dans la presse citant l'Arcep.",
                    "That there is no individual follow-up was read only in the press quoting Arcep.",
                )),
            ),
            Legal::EuRoaming => (
                Some((
                    "Règlement en vigueur, sur EUR-Lex.",
                    "The regulation, in force, on EUR-Lex.",
                )),
                None,
            ),
            Legal::ApprovedAssociations => (
                None,
                Some((
                    "Texte de la fiche lu dans les données ouvertes de service-public.fr (DILA), version du 26 juillet 2024, pas sur le site lui-même ; elle compte encore quinze associations, et ce qu'elle dit de l'action de groupe précède la réforme de 2025.",
                    "The fiche's text read in service-public.fr's open data (DILA), version of 26 July 2024, not on the site itself; it still counts fifteen associations, and what it says of group actions predates the 2025 reform.",
                )),
            ),
            Legal::AssociationsList => (
                Some((
                    "Pages de l'INC sur l'agrément (cinq ans) et sur foodwatch France, seizième association agréée.",
                    "The INC's pages on approval (five years) and on foodwatch France, the sixteenth approved association.",
                )),
                Some((
                    "La liste officielle de la DGCCRF n'a pas pu être lue ; le regroupement par mouvement vient d'une présentation de l'INC reprise par la presse. L'INC doit être dissous au plus tard le 31 mars 2026 (amendement au projet de loi de finances pour 2026, Sénat, 10 décembre 2025 ; communiqué de l'ADEIC du 27 janvier 2026 sur son site) : ses pages citées ici peuvent ne plus être en ligne.",
                    "The DGCCRF's official list could not be read; the grouping by movement comes from an INC presentation quoted by the press. The INC is to be dissolved by 31 March 2026 at the latest (amendment to the 2026 finance bill, Senate, 10 December 2025; ADEIC's statement of 27 January 2026 on its site): its pages cited here may no longer be online.",
                )),
            ),
            Legal::GroupAction => (
                Some((
                    "La réforme de l'action de groupe par l'article 16 de la loi n° 2025-391, dans le compte rendu du Conseil des ministres du 10 décembre 2025 (vie-publique.fr).",
                    "The reform of group actions by article 16 of loi no. 2025-391, in the report of the Council of Ministers of 10 December 2025 (vie-publique.fr).",
                )),
                Some((
                    "L'article L622-1 et la loi n'ont pas été lus sur Légifrance ; qui peut aujourd'hui engager une action de groupe (un nouvel agrément existe depuis le 1er janvier 2026) n'a pas été vérifié.",
                    "Article L622-1 and the law were not read on Légifrance; who may bring a group action today (a new approval exists since 1 January 2026) was not checked.",
                )),
            ),
            Legal::SmallClaims => (
                Some((
                    "Fiche F35125 dans sa version « vérifiée le 23 janvier 2025 » (tribunal de proximité jusqu'à 10 000 €, saisi par requête ou assignation) ; formulaire R14232, vérifié le 12 décembre 2025 (Cerfa 16042, requête pour une demande de 5 000 € au plus) ; actualité A17569 du 2 août 2024 (mode amiable obligatoire avant le tribunal sous 5 000 €).",
                    "Fiche F35125 in its version \"checked on 23 January 2025\" (tribunal de proximité up to €10,000, reached by request or summons); form R14232, checked on 12 December 2025 (Cerfa 16042, a request for a claim of €5,000 at most); news item A17569 of 2 August 2024 (an amicable attempt required before court under €5,000).",
                )),
                Some((
                    "Le timbre fiscal de 50 € (la contribution pour l'aide juridique, art. 1635 bis Q du code général des impôts d'après le site du ministère de la Justice) n'a été lu que dans la version de la fiche du 1er mars 2026, dans les données ouvertes de service-public.fr (DILA), pas sur le site lui-même ; les sources lues ne s'accordent pas sur sa date d'entrée en vigueur (1er mars ou 1er mai 2026).",
                    "The €50 tax stamp (the contribution pour l'aide juridique, art. 1635 bis Q of the tax code according to the Ministry of Justice's site) was read only in the fiche's version of 1 March 2026, in service-public.fr's open data (DILA), not on the site itself; the sources read disagree on the day it began (1 March or 1 May 2026).",
                )),
            ),
        };
        let day = match self {
            Legal::SmallClaims => CHECKED_AGAIN,
            _ => CHECKED,
        };
        Check {
            read,
            unverified,
            day,
        }
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
            // A date only for a reading at the source; anything not read there says what
            // it was read in instead, in both languages.
            let check = legal.check();
            assert!(
                check.read.is_some() || check.unverified.is_some(),
                "{legal:?} says how it was checked"
            );
            assert_eq!(check.on().is_some(), check.read.is_some(), "{legal:?}");
            for (fr, en) in check.read.into_iter().chain(check.unverified) {
                assert!(!fr.is_empty() && !en.is_empty() && fr != en, "{legal:?}");
                assert!(fr.ends_with('.') && en.ends_with('.'), "{legal:?}");
            }
        }
        assert_eq!(ids.len(), Legal::ALL.len());
    }

    #[test]
    fn a_check_date_is_given_only_where_the_text_was_read_at_its_source() {
        assert_eq!(checked(), NaiveDate::from_ymd_opt(2026, 12, 7).unwrap());
        // Read on Légifrance: the article in force, linked to itself.
        let fees = Legal::TerminationFees.check();
        assert_eq!(fees.on(), Some(checked()));
        assert!(Legal::TerminationFees
            .url()
            .contains("LEGIARTI000043545704"));
        // Not read at its source: no date, and the reason shown instead.
        for legal in [
            Legal::Prescription,
            Legal::MediationSuspends,
            Legal::ItemisedBill,
        ] {
            assert_eq!(legal.check().on(), None, "{legal:?}");
            assert!(legal.check().unverified.is_some(), "{legal:?}");
        }
        // The Médiateur's postal address could not be checked: it is not given as fact.
        assert!(!Legal::MediatorSite.summary(Lang::Fr).contains("CS 30342"));
        assert!(Legal::MediatorSite.check().unverified.is_some());
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
