//! « Se faire aider »: the last steps of the ladder, done as well as the first ones. The
//! national approved consumer associations (what they do, what it costs, their own sites,
//! the official list), what to bring them (the dossier, as a file that opens without the
//! app), the regulators said plainly (a report is not a complaint and stops no deadline),
//! the court for a small claim, and, when the dispute is one many people share, the
//! associations' joint and group actions. Open once the Médiateur's step is reached, or
//! when the person opens it. Every fact links to its entry on the sources page. Rendered
//! by the views module: none of it is on the first screen.

use yew::prelude::*;

use super::{source_links, use_lang, View};
use crate::core::associations::{self, Movement, OFFICIAL_LIST};
use crate::core::finding::RuleId;
use crate::core::journal::case::Case;
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
    let pick = |fr: &'static str, en: &'static str| lang.pick(fr, en);
    let site_link = |url: &'static str, text: &str| {
        html! { <a href={url} target="_blank" rel="noopener noreferrer">{ text.to_string() }</a> }
    };

    html! {
        <details id="case-help" class="case-help" open={reached(props.stage)}>
            <summary><h3>{ pick("Se faire aider : associations, signalements, tribunal", "Getting help: associations, reports, court") }</h3></summary>

            <section id="help-associations" aria-labelledby="help-associations-heading">
                <h4 id="help-associations-heading">{ pick("Une association de consommateurs", "A consumer association") }</h4>
                <p>{ Legal::ApprovedAssociations.summary(lang) }</p>
                <p>{ pick(
                    "Adressez-vous à l'antenne locale d'une association agréée (permanences, souvent sur rendez-vous) : son site national indique où la trouver. Les généralistes traitent tous les litiges de consommation ; les autres le font aussi, dans leur réseau.",
                    "Go to a local branch of an approved association (office hours, often by appointment): its national site says where. The generalists handle every consumer dispute; the others do too, within their network.",
                ) }</p>
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
                                        Some(url) => site_link(url, pick("son site", "its site")),
                                        None => html! { <span class="muted">{ pick("site : voir la liste officielle", "site: see the official list") }</span> },
                                    } }
                                </li>
                            }) }
                        </ul>
                    </div>
                }) }
                <p>
                    { site_link(OFFICIAL_LIST, pick("La liste officielle des associations nationales et leurs coordonnées (DGCCRF)", "The official list of national associations and their contact details (DGCCRF)")) }
                </p>

                <h5>{ pick("Ce qu'il faut apporter", "What to bring") }</h5>
                <p>{ pick(
                    "Le dossier rassemble tout ce qu'une personne qui ne connaît pas votre litige doit lire : les montants contestés, chaque échange avec sa date et sa référence, les écrits envoyés, les délais et les textes. C'est un fichier que vous pouvez imprimer ou envoyer par e-mail ; il s'ouvre dans n'importe quel navigateur, sans Contestel. Joignez-y vos factures et les copies de vos courriers.",
                    "The dossier gathers everything someone who does not know your dispute must read: the amounts disputed, each exchange with its date and reference, the letters sent, the deadlines and the texts. It is a file you can print or send by e-mail; it opens in any browser, without Contestel. Add your bills and copies of your letters.",
                ) }</p>
                <div class="actions">
                    <button type="button" id="dossier-association" class="button small" onclick={save(DossierFor::Association)}>
                        { pick("Dossier pour une association (fichier)", "Dossier for an association (file)") }
                    </button>
                    <button type="button" id="dossier-mediator" class="button small quiet" onclick={save(DossierFor::Mediator)}>
                        { pick("Dossier pour le Médiateur (fichier)", "Dossier for the ombudsman (file)") }
                    </button>
                </div>
                if *failed {
                    <p class="notice" role="alert" id="dossier-failed">{ pick("Le fichier n'a pas pu être créé. Réessayez, ou imprimez le dossier.", "The file could not be made. Try again, or print the case.") }</p>
                }
            </section>

            if shared(&props.case) {
                <section id="help-group" aria-labelledby="help-group-heading">
                    <h4 id="help-group-heading">{ pick("Un litige que d'autres partagent", "A dispute others share") }</h4>
                    <p>{ Legal::GroupAction.summary(lang) }</p>
                    <p>{ pick(
                        "Une hausse de prix sur toute une offre touche tous ses abonnés : signalez-la à une association agréée (par son antenne locale ou son site) avec votre dossier, et dites combien de personnes autour de vous sont concernées. Agir ensemble ne vous dispense pas de vos propres démarches ni de leurs délais.",
                        "A price rise on a whole offer hits all its subscribers: report it to an approved association (through its local branch or its site) with your dossier, and say how many people around you are affected. Acting together does not spare you your own steps or their deadlines.",
                    ) }</p>
                    <p class="small">{ source_links(&[Legal::GroupAction], &navigate, lang) }</p>
                </section>
            }

            <section id="help-regulators" aria-labelledby="help-regulators-heading">
                <h4 id="help-regulators-heading">{ pick("Signaler aux autorités", "Reporting to the authorities") }</h4>
                <ul>
                    <li>
                        <strong>{ "SignalConso" }</strong>{ lang.colon() }{ Legal::SignalConso.summary(lang) }
                        { " " }{ site_link(Legal::SignalConso.url(), "signal.conso.gouv.fr") }
                    </li>
                    <li>
                        <strong>{ "J'alerte l'Arcep" }</strong>{ lang.colon() }{ Legal::ArcepAlert.summary(lang) }
                    </li>
                </ul>
                <p>{ pick(
                    "Un signalement n'est pas une réclamation : il n'ouvre pas la voie du Médiateur et n'arrête aucun délai. Notez-en la référence dans le dossier.",
                    "A report is not a complaint: it does not open the way to the ombudsman and stops no deadline. Note its reference in the case.",
                ) }</p>
                <p class="small">{ source_links(&[Legal::SignalConso, Legal::ArcepAlert], &navigate, lang) }</p>
            </section>

            <section id="help-court" aria-labelledby="help-court-heading">
                <h4 id="help-court-heading">{ pick("Le conciliateur et le tribunal", "The conciliateur and the court") }</h4>
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
