//! Ready-to-send letters, filled from a case and the person's details.
//!
//! Letters go to French operators and bodies, so they are written in French whatever the
//! interface language. They hold what a complaint must hold (`shared/DOMAIN.md`): who
//! writes, the account, the invoices and amounts, the facts, a precise demand with a
//! deadline, the history of contacts, the attachments and the next step. No address of an
//! operator is invented: the person copies the one printed on the bill or contract.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::case::{Case, Event};
use super::deadlines::add_months;
use super::ladder::Stage;
use crate::core::i18n::{format_amount, format_date, Lang};

/// The person writing, as they want to appear on their letters.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sender {
    /// First and last name.
    pub name: String,
    /// Postal address, one line per line.
    pub address: String,
    /// E-mail, optional.
    #[serde(default)]
    pub email: String,
    /// Phone, optional.
    #[serde(default)]
    pub phone: String,
}

/// Which letter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LetterKind {
    /// The written complaint to customer service.
    Complaint,
    /// The reminder to the consumer service (internal recourse).
    Recourse,
    /// The request to the Médiateur: a summary of the file.
    Mediator,
    /// The text of a SignalConso report.
    SignalConso,
}

/// A filled letter, editable by the person before sending.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Letter {
    /// Which letter.
    pub kind: LetterKind,
    /// Its subject line.
    pub subject: String,
    /// The whole text, ready to print or paste.
    pub text: String,
}

/// How long the operator is given to answer a letter.
pub const ANSWER_MONTHS: u32 = 1;

const FR: Lang = Lang::Fr;

fn placeholder(value: &str, hint: &str) -> String {
    let value = value.trim();
    if value.is_empty() {
        format!("[{hint}]")
    } else {
        value.to_string()
    }
}

fn header(case: &Case, sender: &Sender, recipient: &str, place_date: &str) -> String {
    let mut out = String::new();
    out.push_str(&placeholder(&sender.name, "Prénom Nom"));
    out.push('\n');
    out.push_str(&placeholder(&sender.address, "Adresse postale"));
    out.push('\n');
    for extra in [&sender.email, &sender.phone] {
        if !extra.trim().is_empty() {
            out.push_str(extra.trim());
            out.push('\n');
        }
    }
    let customer = case.customer_id.as_deref().unwrap_or("");
    let line = case.line_number.as_deref().unwrap_or("");
    out.push_str(&format!(
        "N° client : {}\n",
        placeholder(customer, "numéro client")
    ));
    out.push_str(&format!(
        "Ligne concernée : {}\n\n",
        placeholder(line, "numéro de ligne")
    ));
    out.push_str(recipient);
    out.push_str("\n\n");
    out.push_str(place_date);
    out.push_str("\n\n");
    out
}

fn operator_name(case: &Case) -> String {
    case.operator
        .map(|o| o.name().to_string())
        .unwrap_or_else(|| "[opérateur]".into())
}

fn disputed_lines(case: &Case) -> String {
    let mut out = String::new();
    for line in &case.lines {
        let invoice = match (&line.invoice_number, line.bill_date) {
            (Some(n), Some(d)) => format!("facture n° {n} du {}", format_date(d, FR)),
            (Some(n), None) => format!("facture n° {n}"),
            (None, Some(d)) => format!("facture du {}", format_date(d, FR)),
            (None, None) => "facture".into(),
        };
        out.push_str(&format!(
            "  - {} : {} ({invoice})\n",
            line.label,
            format_amount(line.amount, FR)
        ));
    }
    out.push_str(&format!(
        "  Total contesté : {}\n",
        format_amount(case.disputed, FR)
    ));
    out
}

/// The precise demand, from what the disputed lines are.
fn demand(case: &Case) -> String {
    let reasons: Vec<&str> = case.lines.iter().map(|l| l.reason.as_str()).collect();
    let mut asks = Vec::new();
    if reasons.contains(&"unrequested_option") {
        asks.push("la résiliation immédiate des options que je n'ai jamais demandées et, si vous estimez que j'y ai consenti, la preuve de ce consentement");
    }
    if reasons.contains(&"third_party") {
        asks.push("l'activation gratuite du blocage des achats et services facturés par des tiers sur ma ligne");
    }
    if reasons.contains(&"price_above_plan") || reasons.contains(&"price_increase") {
        asks.push("l'application du prix prévu par mon contrat et, en cas de hausse, la copie de l'information préalable qui m'aurait été adressée (art. L224-33 du Code de la consommation)");
    }
    if reasons.contains(&"premium_number") {
        asks.push("le détail des appels et SMS vers des numéros surtaxés facturés");
    }
    let mut text = format!(
        "Je vous demande le remboursement de la somme de {}",
        format_amount(case.disputed, FR)
    );
    for ask in asks {
        text.push_str(", ");
        text.push_str(ask);
    }
    text.push('.');
    text
}

fn history(case: &Case) -> String {
    let timeline = case.timeline();
    if timeline.is_empty() {
        return String::new();
    }
    let mut out = String::from("Historique de mes démarches :\n");
    for event in timeline {
        out.push_str(&format!("  - {}\n", event_line(event)));
    }
    out
}

fn event_line(event: &Event) -> String {
    let mut line = format!(
        "{} — {} ({})",
        format_date(event.date, FR),
        event.stage.label(FR),
        event.channel.label(FR)
    );
    if !event.reference.trim().is_empty() {
        line.push_str(&format!(", réf. {}", event.reference.trim()));
    }
    if !event.said.trim().is_empty() {
        line.push_str(&format!(" : {}", event.said.trim()));
    }
    if !event.answer_text.trim().is_empty() {
        line.push_str(&format!(" — réponse : {}", event.answer_text.trim()));
    }
    line
}

fn attachments(case: &Case, extra: &[&str]) -> String {
    let mut out = String::from("Pièces jointes :\n");
    let mut invoices: Vec<&str> = Vec::new();
    for invoice in case
        .lines
        .iter()
        .filter_map(|l| l.invoice_number.as_deref())
    {
        if !invoices.contains(&invoice) {
            invoices.push(invoice);
        }
    }
    for invoice in invoices {
        out.push_str(&format!("  - copie de la facture n° {invoice}\n"));
    }
    for item in extra {
        out.push_str(&format!("  - {item}\n"));
    }
    out
}

fn signature(sender: &Sender) -> String {
    format!(
        "Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées.\n\n{}\n",
        placeholder(&sender.name, "Prénom Nom")
    )
}

/// Fills the letter of the given kind for `case`, dated `today`.
pub fn write(kind: LetterKind, case: &Case, sender: &Sender, today: NaiveDate) -> Letter {
    let operator = operator_name(case);
    let answer_by = format_date(add_months(today, ANSWER_MONTHS), FR);
    let dated = format!("Le {}", format_date(today, FR));
    match kind {
        LetterKind::Complaint => {
            let subject = "Réclamation — contestation de facturation".to_string();
            let mut text = header(
                case,
                sender,
                &format!("{operator}\nService client\n[adresse figurant sur votre facture ou votre contrat]"),
                &dated,
            );
            text.push_str("Lettre recommandée avec accusé de réception\n");
            text.push_str(&format!("Objet : {subject}\n\nMadame, Monsieur,\n\n"));
            text.push_str(&format!(
                "Titulaire d'un contrat auprès de {operator}, je conteste les montants suivants, qui ne correspondent pas à mon contrat :\n\n"
            ));
            text.push_str(&disputed_lines(case));
            text.push('\n');
            text.push_str(&demand(case));
            text.push_str(&format!(
                "\n\nJe vous remercie de me répondre par écrit avant le {answer_by}. Je règle la part non contestée de mes factures.\n\n"
            ));
            let earlier = history(case);
            if !earlier.is_empty() {
                text.push_str(&earlier);
                text.push('\n');
            }
            text.push_str("À défaut de réponse satisfaisante, je m'adresserai à votre service consommateurs puis au Médiateur des communications électroniques.\n\n");
            text.push_str(&signature(sender));
            text.push('\n');
            text.push_str(&attachments(case, &[]));
            Letter {
                kind,
                subject,
                text,
            }
        }
        LetterKind::Recourse => {
            let complaint = case
                .written_complaint()
                .map(|e| format!("du {}", format_date(e.date, FR)))
                .unwrap_or_else(|| "[date de votre réclamation écrite]".into());
            let subject =
                format!("Recours — réclamation {complaint} restée sans réponse satisfaisante");
            let mut text = header(
                case,
                sender,
                &format!("{operator}\nService consommateurs\n[adresse figurant sur votre facture ou votre contrat]"),
                &dated,
            );
            text.push_str("Lettre recommandée avec accusé de réception\n");
            text.push_str(&format!("Objet : {subject}\n\nMadame, Monsieur,\n\n"));
            text.push_str(&format!(
                "Par ma réclamation écrite {complaint}, j'ai contesté les montants suivants, sans obtenir de réponse satisfaisante :\n\n"
            ));
            text.push_str(&disputed_lines(case));
            text.push('\n');
            text.push_str(&demand(case));
            text.push_str(&format!(
                "\n\nJe vous remercie de me répondre avant le {answer_by}.\n\n"
            ));
            text.push_str(&history(case));
            text.push_str(
                "\nÀ défaut, je saisirai le Médiateur des communications électroniques.\n\n",
            );
            text.push_str(&signature(sender));
            text.push('\n');
            text.push_str(&attachments(
                case,
                &["copie de ma réclamation écrite et de la réponse reçue"],
            ));
            Letter {
                kind,
                subject,
                text,
            }
        }
        LetterKind::Mediator => {
            let subject = format!("Demande de médiation — litige avec {operator}");
            let mut text = format!("{subject}\n\n");
            text.push_str(&format!(
                "Demandeur : {}\n{}\n",
                placeholder(&sender.name, "Prénom Nom"),
                placeholder(&sender.address, "Adresse postale")
            ));
            text.push_str(&format!(
                "Opérateur : {operator}\nN° client : {}\nLigne : {}\n\n",
                placeholder(case.customer_id.as_deref().unwrap_or(""), "numéro client"),
                placeholder(case.line_number.as_deref().unwrap_or(""), "numéro de ligne")
            ));
            text.push_str("Objet du litige : montants facturés contestés\n");
            text.push_str(&disputed_lines(case));
            if case.recovered > Decimal::ZERO {
                text.push_str(&format!(
                    "  Déjà obtenu : {}\n",
                    format_amount(case.recovered, FR)
                ));
            }
            text.push('\n');
            text.push_str(&history(case));
            text.push('\n');
            text.push_str(&demand(case));
            text.push_str(
                "\n\nLe litige n'est soumis à aucun tribunal ni à aucun autre médiateur.\n\n",
            );
            text.push_str(&attachments(
                case,
                &[
                    "copie de ma réclamation écrite (et de l'accusé de réception)",
                    "copie des réponses de l'opérateur",
                ],
            ));
            Letter {
                kind,
                subject,
                text,
            }
        }
        LetterKind::SignalConso => {
            let subject = format!("Signalement — facturation contestée par {operator}");
            let mut text = format!(
                "{operator} m'a facturé des montants que je conteste, pour un total de {} :\n\n",
                format_amount(case.disputed, FR)
            );
            text.push_str(&disputed_lines(case));
            text.push('\n');
            let written = case
                .timeline()
                .into_iter()
                .any(|e| e.stage >= Stage::WrittenComplaint);
            if written {
                text.push_str(&history(case));
            } else {
                text.push_str("Je n'ai pas encore pu obtenir de régularisation.\n");
            }
            Letter {
                kind,
                subject,
                text,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::case::{Answer, Channel};
    use super::super::tests::{day, event, new_case};
    use super::super::{Action, Journal};
    use super::*;

    fn sample_case() -> Case {
        let mut journal = Journal::default();
        let id = journal
            .apply(Action::OpenCase(new_case("2026-11-26")))
            .unwrap()
            .unwrap();
        let mut call = event(
            "2026-11-26",
            Stage::CustomerService,
            Channel::Phone,
            Answer::Unsatisfactory,
        );
        call.reference = "TK-88123".into();
        call.said = "demande d'explication sur l'option Sécurité".into();
        call.answer_text = "l'option aurait été souscrite en boutique".into();
        journal
            .apply(Action::AddEvent {
                case: id,
                event: call,
            })
            .unwrap();
        journal.case(id).unwrap().clone()
    }

    fn sender() -> Sender {
        Sender {
            name: "Camille Martin".into(),
            address: "12 rue des Lilas\n69003 Lyon".into(),
            ..Sender::default()
        }
    }

    #[test]
    fn the_complaint_holds_everything_a_complaint_must_hold() {
        let letter = write(
            LetterKind::Complaint,
            &sample_case(),
            &sender(),
            day("2026-11-27"),
        );
        for must in [
            "Camille Martin",
            "12 rue des Lilas",
            "Ligne concernée : 06 12 34 56 78",
            "Orange\nService client",
            "Le 27/11/2026",
            "Option Sécurité Mobile : 3,00\u{a0}€ (facture n° FM2611-0048213957 du 03/11/2026)",
            "Total contesté : 6,36\u{a0}€",
            "la preuve de ce consentement",
            "le détail des appels et SMS vers des numéros surtaxés",
            "avant le 27/12/2026",
            "26/11/2026 — Service client (Téléphone), réf. TK-88123 : demande d'explication",
            "réponse : l'option aurait été souscrite en boutique",
            "Médiateur des communications électroniques",
            "copie de la facture n° FM2611-0048213957",
        ] {
            assert!(
                letter.text.contains(must),
                "missing {must:?} in:\n{}",
                letter.text
            );
        }
        // The customer number is unknown: a visible placeholder, never an invented value.
        assert!(letter.text.contains("N° client : [numéro client]"));
    }

    #[test]
    fn the_recourse_cites_the_written_complaint() {
        let mut case = sample_case();
        let mut letter = event(
            "2026-11-28",
            Stage::WrittenComplaint,
            Channel::RegisteredLetter,
            Answer::Unsatisfactory,
        );
        letter.id = 90;
        case.events.push(letter);
        let recourse = write(LetterKind::Recourse, &case, &sender(), day("2027-01-02"));
        assert!(
            recourse.subject.contains("du 28/11/2026"),
            "{}",
            recourse.subject
        );
        assert!(recourse.text.contains("Service consommateurs"));
    }

    #[test]
    fn every_letter_is_filled_without_a_sender_and_shows_what_to_complete() {
        let case = sample_case();
        for kind in [
            LetterKind::Complaint,
            LetterKind::Recourse,
            LetterKind::Mediator,
            LetterKind::SignalConso,
        ] {
            let letter = write(kind, &case, &Sender::default(), day("2026-11-27"));
            assert!(
                !letter.subject.is_empty() && letter.text.contains("Option Sécurité Mobile"),
                "{kind:?}"
            );
            if kind != LetterKind::SignalConso {
                assert!(letter.text.contains("[Prénom Nom]"), "{kind:?}");
            }
        }
    }
}
