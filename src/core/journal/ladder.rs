//! The escalation ladder: the steps of a telecom dispute, in the order they must be climbed.
//!
//! Sources (how each was checked: `core::law`): service-public.fr F14373 for the
//! order (customer service, then the *service consommateurs*, then the Médiateur); Code de
//! la consommation L612-1 and L612-2 for the Médiateur; CPC 750-1 for courts (a prior
//! conciliation **or mediation**). SignalConso forwards a report to the business, which
//! may answer; J'alerte l'Arcep gives no individual follow-up. Skipping a step is the
//! first reason files sent to the Médiateur are found inadmissible.

use serde::{Deserialize, Serialize};

use crate::core::i18n::Lang;

/// A step of the ladder, lowest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Customer service, by phone, chat or e-mail: explain, ask, note the reference.
    CustomerService,
    /// The written complaint to the operator: what opens the way to the Médiateur.
    WrittenComplaint,
    /// The operator's consumer service / complaints service (internal recourse).
    ConsumerService,
    /// The Médiateur des communications électroniques (free, L612-1).
    Mediator,
    /// A consumer association (UFC-Que Choisir, CLCV…): advice, representation.
    ConsumerAssociation,
    /// SignalConso (DGCCRF), which forwards the report to the business (it may answer), or
    /// J'alerte l'Arcep, which gives no individual follow-up.
    Regulator,
    /// The *mise en demeure*: the formal demand sent before going to court.
    FormalNotice,
    /// A conciliateur de justice (free): the amicable attempt a court asks for up to
    /// 5 000 € when no mediation took place (CPC 750-1); it suspends the limitation
    /// period like a mediation (C. civ. 2238).
    Conciliator,
    /// The court.
    Court,
}

impl Stage {
    /// Every stage, in ladder order.
    pub const ALL: [Stage; 9] = [
        Stage::CustomerService,
        Stage::WrittenComplaint,
        Stage::ConsumerService,
        Stage::Mediator,
        Stage::ConsumerAssociation,
        Stage::Regulator,
        Stage::FormalNotice,
        Stage::Conciliator,
        Stage::Court,
    ];

    /// The stage's name for a person.
    pub fn label(self, lang: Lang) -> &'static str {
        let (fr, en) = match self {
            Stage::CustomerService => ("Service client", "Customer service"),
            Stage::WrittenComplaint => ("Réclamation écrite", "Written complaint"),
            Stage::ConsumerService => (
                "Service consommateurs (2e niveau)",
                "Consumer service (second level)",
            ),
            Stage::Mediator => (
                "Médiateur des communications électroniques",
                "Electronic communications ombudsman",
            ),
            Stage::ConsumerAssociation => ("Association de consommateurs", "Consumer association"),
            Stage::Regulator => ("SignalConso / Arcep", "SignalConso / Arcep"),
            Stage::FormalNotice => ("Mise en demeure", "Formal notice"),
            Stage::Conciliator => ("Conciliateur de justice", "Conciliateur de justice"),
            Stage::Court => ("Tribunal", "Court"),
        };
        lang.pick(fr, en)
    }
}
