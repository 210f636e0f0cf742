//! The words of the help at the last steps of the ladder (associations, regulators, the
//! court), of the association and report fields of an exchange, in French and English.
//! Kept apart from `core::i18n`'s first-screen catalogue: only the case view uses them.
//! Pure.

use crate::core::i18n::Lang;

/// A text of the help.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Help {
    /// Which dates of the Médiateur's steps to record.
    MediatorDates,
    /// Which dates of a conciliation to record.
    ConciliatorDates,
    /// The help's heading.
    Heading,
    /// The associations' heading.
    AssociationsHeading,
    /// Where to find an association's local branch.
    LocalBranches,
    /// The link to an association's site.
    ItsSite,
    /// An association whose site is in the official list only.
    SiteInOfficialList,
    /// The link to the official list.
    OfficialList,
    /// What to bring's heading.
    WhatToBring,
    /// What the dossier holds and how it is used.
    DossierExplained,
    /// The button saving the dossier for an association.
    DossierForAssociation,
    /// The button saving the dossier for the Médiateur.
    DossierForMediator,
    /// The dossier could not be saved.
    DossierFailed,
    /// A shared dispute's heading.
    SharedHeading,
    /// What to do about a dispute many share.
    SharedExplained,
    /// The regulators' heading.
    RegulatorsHeading,
    /// A report is not a complaint.
    ReportIsNotAComplaint,
    /// The conciliateur and the court's heading.
    CourtHeading,
    /// Field: which association.
    AssociationField,
    /// An association not in the list.
    AnotherAssociation,
    /// Field: its local branch.
    BranchField,
    /// Field: whether the person is a member.
    MemberField,
    /// Not said.
    NotSaid,
    /// Yes.
    Yes,
    /// No.
    No,
    /// Field: which regulator a report went to.
    ReportedTo,
    /// After an association's name: a member.
    IsMember,
    /// After an association's name: not a member.
    IsNotMember,
    /// Field: the association took the case on.
    ActingField,
    /// After an association's name: it took the case on.
    IsActing,
}

impl Help {
    /// Every text.
    pub const ALL: [Help; 30] = [
        Help::MediatorDates,
        Help::ConciliatorDates,
        Help::Heading,
        Help::AssociationsHeading,
        Help::LocalBranches,
        Help::ItsSite,
        Help::SiteInOfficialList,
        Help::OfficialList,
        Help::WhatToBring,
        Help::DossierExplained,
        Help::DossierForAssociation,
        Help::DossierForMediator,
        Help::DossierFailed,
        Help::SharedHeading,
        Help::SharedExplained,
        Help::RegulatorsHeading,
        Help::ReportIsNotAComplaint,
        Help::CourtHeading,
        Help::AssociationField,
        Help::AnotherAssociation,
        Help::BranchField,
        Help::MemberField,
        Help::NotSaid,
        Help::Yes,
        Help::No,
        Help::ReportedTo,
        Help::IsMember,
        Help::IsNotMember,
        Help::ActingField,
        Help::IsActing,
    ];

    /// The text in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        let (fr, en) = match self {
            Help::MediatorDates => (
                "Notez chaque étape à sa date : la saisine le jour de l'envoi, l'avis de saisine le jour où il arrive (le délai de remboursement n'est compté comme suspendu qu'à partir de lui), la proposition le jour où elle vous est notifiée, et « Fin de la médiation » si elle se termine autrement.",
                "Record each step on its own date: the referral on the day it was sent, the notice that it has the file on the day it arrives (the refund window counts as suspended only from it), the proposal on the day it is notified to you, and \"End of the mediation\" if it ends otherwise.",
            ),
            Help::ConciliatorDates => (
                "Notez la conciliation à la date de la première réunion (ou de l'accord écrit d'y aller) : le délai de remboursement est suspendu de là jusqu'à son issue, que vous noterez comme réponse (accord, ou constat d'échec à sa date).",
                "Record the conciliation on the date of the first meeting (or of the written agreement to go to one): the refund window is suspended from then until its outcome, which you record as the answer (an agreement, or a record of failure on its date).",
            ),
            Help::Heading => (
                "Se faire aider : associations, signalements, tribunal",
                "Getting help: associations, reports, court",
            ),
            Help::AssociationsHeading => (
                "Une association de consommateurs",
                "A consumer association",
            ),
            Help::LocalBranches => (
                "Adressez-vous à l'antenne locale d'une association agréée (permanences, souvent sur rendez-vous) : son site national indique où la trouver. Les généralistes traitent tous les litiges de consommation ; les autres le font aussi, dans leur réseau.",
                "Go to a local branch of an approved association (office hours, often by appointment): its national site says where. The generalists handle every consumer dispute; the others do too, within their network.",
            ),
            Help::ItsSite => (
                "son site",
                "its site",
            ),
            Help::SiteInOfficialList => (
                "site : voir la liste officielle",
                "site: see the official list",
            ),
            Help::OfficialList => (
                "La liste officielle des associations nationales et leurs coordonnées (DGCCRF)",
                "The official list of national associations and their contact details (DGCCRF)",
            ),
            Help::WhatToBring => (
                "Ce qu'il faut apporter",
                "What to bring",
            ),
            Help::DossierExplained => (
                "Le dossier rassemble tout ce qu'une personne qui ne connaît pas votre litige doit lire : les montants contestés, chaque échange avec sa date et sa référence, les écrits envoyés, les délais et les textes. C'est un fichier que vous pouvez imprimer ou envoyer par e-mail ; il s'ouvre dans n'importe quel navigateur, sans Contestel. Joignez-y vos factures et les copies de vos courriers.",
                "The dossier gathers everything someone who does not know your dispute must read: the amounts disputed, each exchange with its date and reference, the letters sent, the deadlines and the texts. It is a file you can print or send by e-mail; it opens in any browser, without Contestel. Add your bills and copies of your letters.",
            ),
            Help::DossierForAssociation => (
                "Dossier pour une association (fichier)",
                "Dossier for an association (file)",
            ),
            Help::DossierForMediator => (
                "Dossier pour le Médiateur (fichier)",
                "Dossier for the ombudsman (file)",
            ),
            Help::DossierFailed => (
                "Le fichier n'a pas pu être créé. Réessayez, ou imprimez le dossier.",
                "The file could not be made. Try again, or print the case.",
            ),
            Help::SharedHeading => (
                "Un litige que d'autres partagent",
                "A dispute others share",
            ),
            Help::SharedExplained => (
                "Une hausse de prix sur toute une offre touche tous ses abonnés : signalez-la à une association agréée (par son antenne locale ou son site) avec votre dossier, et dites combien de personnes autour de vous sont concernées. Agir ensemble ne vous dispense pas de vos propres démarches ni de leurs délais.",
                "A price rise on a whole offer hits all its subscribers: report it to an approved association (through its local branch or its site) with your dossier, and say how many people around you are affected. Acting together does not spare you your own steps or their deadlines.",
            ),
            Help::RegulatorsHeading => (
                "Signaler aux autorités",
                "Reporting to the authorities",
            ),
            Help::ReportIsNotAComplaint => (
                "Un signalement n'est pas une réclamation : il n'ouvre pas la voie du Médiateur et n'arrête aucun délai. Notez-en la référence dans le dossier.",
                "A report is not a complaint: it does not open the way to the ombudsman and stops no deadline. Note its reference in the case.",
            ),
            Help::CourtHeading => (
                "Le conciliateur et le tribunal",
                "The conciliateur and the court",
            ),
            Help::AssociationField => (
                "Association",
                "Association",
            ),
            Help::AnotherAssociation => (
                "Une autre (nommez-la ci-dessus)",
                "Another one (name it above)",
            ),
            Help::BranchField => (
                "Antenne locale",
                "Local branch",
            ),
            Help::MemberField => (
                "Adhérent(e) ?",
                "A member?",
            ),
            Help::NotSaid => (
                "Non précisé",
                "Not said",
            ),
            Help::Yes => (
                "Oui",
                "Yes",
            ),
            Help::No => (
                "Non",
                "No",
            ),
            Help::ReportedTo => (
                "Signalé à",
                "Reported to",
            ),
            Help::IsMember => (
                " · adhérent(e)",
                " · member",
            ),
            Help::IsNotMember => (
                " · non adhérent(e)",
                " · not a member",
            ),
            Help::ActingField => (
                "Elle s'occupe du dossier (elle écrit ou intervient auprès de l'opérateur pour vous)",
                "It is handling the case (it writes to or deals with the operator for you)",
            ),
            Help::IsActing => (
                " · s'occupe du dossier",
                " · handling the case",
            ),
        };
        lang.pick(fr, en)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_is_in_both_languages_and_differs_where_it_should() {
        for text in Help::ALL {
            let (fr, en) = (text.get(Lang::Fr), text.get(Lang::En));
            assert!(!fr.is_empty() && !en.is_empty(), "{text:?}");
        }
    }
}
