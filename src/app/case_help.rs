//! « Se faire aider »: the last steps of the ladder, done as well as the first ones. The
//! national approved consumer associations (what they do, what it costs, their own sites,
//! the official list), what to bring them (the dossier, as a file that opens without the
//! app), the regulators said plainly (a report is not a complaint and stops no deadline),
//! the court for a small claim, and, when the dispute is one many people share, the
//! associations' joint and group actions. Open once the Médiateur's step is reached, or
//! when the person opens it. Every fact links to its entry on the sources page.

use yew::prelude::*;

use crate::core::journal::help::Help;

use super::{source_links, use_lang, View};
use crate::core::associations::{self, Movement, OFFICIAL_LIST};
use crate::core::finding::RuleId;
use crate::core::journal::case::{Case, Regulator};
use crate::core::journal::dossier::{dossier_html, file_name, DossierFor};
use crate::core::journal::ladder::Stage;
use crate::core::journal::letters::Sender;
use crate::core::law::Legal;
use crate::services::export;

/// Props of [`CaseHelp`].
#[derive(Properties, PartialEq)]
pub struct CaseHelpProps {
    /// The case.
    pub case: Case,
    /// The person's details, for the dossier.
    pub sender: Sender,
    /// The ladder stage of the case's next step.
    pub stage: Option<Stage>,
    /// Today.
    pub today: chrono::NaiveDate,
}

/// Whether the case's next step has reached the Médiateur or beyond: the help is open.
pub fn reached(stage: Option<Stage>) -> bool {
    stage.is_some_and(|s| s >= Stage::Mediator)
}

/// Whether the dispute is one many people share: a price change on a whole offer.
pub fn shared(case: &Case) -> bool {
    case.disputes_any(&[RuleId::PriceIncrease])
}

/// The help panel.
#[function_component(CaseHelp)]
pub fn case_help(props: &CaseHelpProps) -> Html {
    let lang = use_lang();
    let navigate = use_context::<Callback<View>>().unwrap_or_default();
    let failed = use_state(|| false);
    let save = |whom: DossierFor| {
        let case = props.case.clone();
        let sender = props.sender.clone();
        let today = props.today;
        let failed = failed.clone();
        Callback::from(move |_: MouseEvent| {
            let html = dossier_html(&case, &sender, whom, today);
            let saved =
                export::download_text(&file_name(&case, today), &html, "text/html;charset=utf-8");
            failed.set(saved.is_err());
        })
    };
    let site_link = |url: &'static str, text: &str| {
        html! { <a href={url} target="_blank" rel="noopener noreferrer">{ text.to_string() }</a> }
    };
    // « son site » names the association it follows for a screen reader, which lists
    // links out of their sentence.
    let association_link = |url: &'static str, short: &str| {
        let label = format!("{short} — {}", Help::ItsSite.get(lang));
        html! { <a href={url} target="_blank" rel="noopener noreferrer" aria-label={label}>{ Help::ItsSite.get(lang) }</a> }
    };

    html! {
        <details id="case-help" class="case-help" open={reached(props.stage)}>
            <summary><h3>{ Help::Heading.get(lang) }</h3></summary>

            <section id="help-associations" aria-labelledby="help-associations-heading">
                <h4 id="help-associations-heading">{ Help::AssociationsHeading.get(lang) }</h4>
                <p>{ Legal::ApprovedAssociations.summary(lang) }</p>
                <p>{ Help::LocalBranches.get(lang) }</p>
                <p class="small">{ source_links(&[Legal::ApprovedAssociations, Legal::AssociationsList], &navigate, lang) }</p>
                { for Movement::ALL.iter().map(|movement| html! {
                    <div class="association-group" data-movement={format!("{movement:?}").to_lowercase()}>
                        <h5>{ movement.label(lang) }</h5>
                        <ul class="associations">
                            { for associations::of(*movement).map(|a| html! {
                                <li class="association" data-id={a.id}>
                                    <strong>{ a.short }</strong>
                                    if a.short != a.name {
                                        <span class="muted">{ format!(" — {}", a.name) }</span>
                                    }
                                    { " · " }
                                    { match a.site {
                                        Some(url) => association_link(url, a.short),
                                        None => html! { <span class="muted">{ Help::SiteInOfficialList.get(lang) }</span> },
                                    } }
                                </li>
                            }) }
                        </ul>
                    </div>
                }) }
                <p>
                    { site_link(OFFICIAL_LIST, Help::OfficialList.get(lang)) }
                </p>

                <h5>{ Help::WhatToBring.get(lang) }</h5>
                <p>{ Help::DossierExplained.get(lang) }</p>
                <div class="actions">
                    <button type="button" id="dossier-association" class="button small" onclick={save(DossierFor::Association)}>
                        { Help::DossierForAssociation.get(lang) }
                    </button>
                    <button type="button" id="dossier-mediator" class="button small quiet" onclick={save(DossierFor::Mediator)}>
                        { Help::DossierForMediator.get(lang) }
                    </button>
                </div>
                if *failed {
                    <p class="notice" role="alert" id="dossier-failed">{ Help::DossierFailed.get(lang) }</p>
                }
            </section>

            if shared(&props.case) {
                <section id="help-group" aria-labelledby="help-group-heading">
                    <h4 id="help-group-heading">{ Help::SharedHeading.get(lang) }</h4>
                    <p>{ Legal::GroupAction.summary(lang) }</p>
                    <p>{ Help::SharedExplained.get(lang) }</p>
                    <p class="small">{ source_links(&[Legal::GroupAction], &navigate, lang) }</p>
                </section>
            }

            <section id="help-regulators" aria-labelledby="help-regulators-heading">
                <h4 id="help-regulators-heading">{ Help::RegulatorsHeading.get(lang) }</h4>
                <ul>
                    <li>
                        <strong>{ Regulator::SignalConso.name() }</strong>{ lang.colon() }{ Legal::SignalConso.summary(lang) }
                        { " " }{ site_link(Legal::SignalConso.url(), "signal.conso.gouv.fr") }
                    </li>
                    <li>
                        <strong>{ Regulator::Arcep.name() }</strong>{ lang.colon() }{ Legal::ArcepAlert.summary(lang) }
                    </li>
                </ul>
                <p>{ Help::ReportIsNotAComplaint.get(lang) }</p>
                <p class="small">{ source_links(&[Legal::SignalConso, Legal::ArcepAlert], &navigate, lang) }</p>
            </section>

            <section id="help-court" aria-labelledby="help-court-heading">
                <h4 id="help-court-heading">{ Help::CourtHeading.get(lang) }</h4>
                <p>{ Legal::Conciliator.summary(lang) }</p>
                <p>{ Legal::SmallClaims.summary(lang) }</p>
                <p class="small">{ source_links(&[Legal::Conciliator, Legal::PriorAttempt, Legal::SmallClaims], &navigate, lang) }</p>
            </section>
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_help_opens_from_the_mediator_on() {
        assert!(!reached(None));
        assert!(!reached(Some(Stage::ConsumerService)));
        for stage in [
            Stage::Mediator,
            Stage::ConsumerAssociation,
            Stage::Regulator,
            Stage::FormalNotice,
            Stage::Conciliator,
            Stage::Court,
        ] {
            assert!(reached(Some(stage)), "{stage:?}");
        }
    }
}
