//! Ready-to-send letters, filled from a case and the person's details.
//!
//! Letters go to French operators, suppliers, banks and bodies, so they are written in
//! French whatever the interface language; the notes for the person (what to check before
//! sending) follow the interface. They hold what a complaint must hold
//! (`shared/DOMAIN.md`): who writes, the account, the invoices and amounts, the facts, a
//! precise demand with a deadline, the history of contacts, the attachments and the next
//! step. No address of an operator or a supplier is invented: a visible `[placeholder]`
//! says what to copy from the bill, the contract or surmafacture.fr.
//!
//! The header fits the channel the letter goes by: only a registered letter says
//! "Lettre recommandée avec accusé de réception" (a letter sent by e-mail or through the
//! customer area must not), a postal letter carries the address blocks, an e-mail or a
//! form starts with its subject. Legal references cited in a letter are those of
//! `core::law` (with how each was checked).

use crate::core::money::Amount as _;
use crate::core::money::AmountsSum as _;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::case::{Case, Channel, DisputedLine, Event, SecondLevel};
use super::ladder::Stage;
use crate::core::dates::format_date;
use crate::core::finding::{Bilingual, RuleId};
use crate::core::i18n::Lang;
use crate::core::law::{self, add_days, add_months, Legal};
use crate::core::money::format_amount;

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
    /// The recourse to the second level, the *service consommateurs*.
    Recourse,
    /// The *mise en demeure*, before court.
    FormalNotice,
    /// The request to the Médiateur: a summary of the file and the attachments that show
    /// it is admissible.
    Mediator,
    /// A refund demand for third-party or SMS+ charges, to the supplier and the operator.
    ThirdPartyRefund,
    /// Termination without fees after a price change (L224-33).
    PriceChangeTermination,
    /// A request for the itemised bill (free, arrêté du 31 décembre 2013), numbers in full.
    ItemisedBill,
    /// A request for proof of consent to an option or a service (L121-12, L121-17).
    ConsentProof,
    /// To the bank: the refund of a direct debit (CMF L133-25, L133-24).
    BankDebit,
    /// The text of a SignalConso report.
    SignalConso,
}

impl LetterKind {
    /// Every letter, in the order they are offered.
    pub const ALL: [LetterKind; 10] = [
        LetterKind::Complaint,
        LetterKind::Recourse,
        LetterKind::Mediator,
        LetterKind::FormalNotice,
        LetterKind::ThirdPartyRefund,
        LetterKind::ConsentProof,
        LetterKind::PriceChangeTermination,
        LetterKind::ItemisedBill,
        LetterKind::BankDebit,
        LetterKind::SignalConso,
    ];

    /// The name of its downloaded file, in the interface's language (the letter itself
    /// stays in French: it goes to a French operator).
    pub fn file_name(self, lang: crate::core::i18n::Lang, today: NaiveDate) -> String {
        let (fr, en) = match self {
            LetterKind::Complaint => ("reclamation", "complaint"),
            LetterKind::Recourse => ("recours", "recourse"),
            LetterKind::FormalNotice => ("mise-en-demeure", "formal-notice"),
            LetterKind::Mediator => ("mediateur", "mediator"),
            LetterKind::ThirdPartyRefund => ("remboursement-tiers", "third-party-refund"),
            LetterKind::PriceChangeTermination => {
                ("resiliation-hausse-de-prix", "price-change-termination")
            }
            LetterKind::ItemisedBill => ("facture-detaillee", "itemised-bill"),
            LetterKind::ConsentProof => ("preuve-d-accord", "proof-of-consent"),
            LetterKind::BankDebit => ("remboursement-prelevement", "direct-debit-refund"),
            LetterKind::SignalConso => ("signalconso", "signalconso"),
        };
        format!("contestel-{}-{today}.txt", lang.pick(fr, en))
    }

    /// The id as printed by `inspect advise` (`formal_notice`), its serde name.
    pub fn id(self) -> &'static str {
        match self {
            LetterKind::Complaint => "complaint",
            LetterKind::Recourse => "recourse",
            LetterKind::FormalNotice => "formal_notice",
            LetterKind::Mediator => "mediator",
            LetterKind::ThirdPartyRefund => "third_party_refund",
            LetterKind::PriceChangeTermination => "price_change_termination",
            LetterKind::ItemisedBill => "itemised_bill",
            LetterKind::ConsentProof => "consent_proof",
            LetterKind::BankDebit => "bank_debit",
            LetterKind::SignalConso => "signal_conso",
        }
    }

    /// The references the letter rests on.
    pub fn sources(self) -> &'static [Legal] {
        match self {
            LetterKind::Complaint => &[Legal::DisputeSteps, Legal::MediatorAdmissibility],
            LetterKind::Recourse => &[Legal::DisputeSteps],
            LetterKind::FormalNotice => &[Legal::PriorAttempt, Legal::Conciliator],
            LetterKind::Mediator => &[
                Legal::MediatorSite,
                Legal::MediatorAdmissibility,
                Legal::MediatorProposal,
            ],
            LetterKind::ThirdPartyRefund => &[
                Legal::UnsolicitedSupply,
                Legal::ThirdPartyContacts,
                Legal::VoiceServices,
            ],
            LetterKind::PriceChangeTermination => {
                &[Legal::PriceChangeNotice, Legal::TerminationNotice]
            }
            LetterKind::ItemisedBill => &[Legal::ItemisedBill],
            LetterKind::ConsentProof => &[Legal::UnsolicitedSupply, Legal::DefaultOptions],
            LetterKind::BankDebit => &[Legal::SepaAuthorised, Legal::SepaUnauthorised],
            LetterKind::SignalConso => &[Legal::SignalConso],
        }
    }

    /// How the letter is sent unless the person chooses otherwise: the contract's channel
    /// for complaints, a registered letter where proof of receipt matters, the online form
    /// for the Médiateur and SignalConso.
    pub fn default_channel(self, case: &Case) -> Channel {
        match self {
            LetterKind::Complaint | LetterKind::Recourse | LetterKind::ItemisedBill => {
                case.complaint_channel.unwrap_or(Channel::RegisteredLetter)
            }
            LetterKind::ConsentProof => case.complaint_channel.unwrap_or(Channel::Letter),
            LetterKind::FormalNotice | LetterKind::PriceChangeTermination => {
                Channel::RegisteredLetter
            }
            LetterKind::Mediator | LetterKind::SignalConso => Channel::WebForm,
            LetterKind::ThirdPartyRefund => Channel::Email,
            LetterKind::BankDebit => Channel::Letter,
        }
    }
}

/// A filled letter, editable by the person before sending.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Letter {
    /// Which letter.
    pub kind: LetterKind,
    /// How it is sent: it sets the header.
    pub channel: Channel,
    /// Its subject line.
    pub subject: String,
    /// The whole text, ready to print or paste.
    pub text: String,
    /// What the person should know before sending it, in the interface's language.
    pub notes: Vec<Bilingual>,
}

/// How long the operator is given to answer a letter.
pub const ANSWER_MONTHS: u32 = 1;

/// The days a *mise en demeure* gives to pay (the letter's own demand, not a legal term).
pub const FORMAL_NOTICE_DAYS: u64 = 15;

/// The Médiateur, as the letter names it: its postal address could be read at no official
/// source (`core::law`, `Legal::MediatorSite`), so the person takes it from its site; the
/// referral is made online first.
const MEDIATOR_ADDRESS: &str = "Médiateur des communications électroniques\n[adresse postale indiquée sur mediation-telecom.org ; la saisine se fait de préférence en ligne]";

const FR: Lang = Lang::Fr;

fn placeholder(value: &str, hint: &str) -> String {
    let value = value.trim();
    if value.is_empty() {
        format!("[{hint}]")
    } else {
        value.to_string()
    }
}

fn operator_name(case: &Case) -> String {
    case.operator
        .map(|o| o.name().to_string())
        .unwrap_or_else(|| "[opérateur]".into())
}

/// « de » before a name, elided before a vowel or a mute h as French writes it: « d'Orange »,
/// « de SFR », « de Free ».
fn de(name: &str) -> String {
    let first = name
        .chars()
        .next()
        .map(|c| crate::core::vocab::fold(&c.to_string()));
    match first.as_deref() {
        Some("a" | "e" | "i" | "o" | "u" | "y" | "h") => format!("d'{name}"),
        _ => format!("de {name}"),
    }
}

fn customer(case: &Case) -> String {
    placeholder(case.customer_id.as_deref().unwrap_or(""), "numéro client")
}

fn line_number(case: &Case) -> String {
    placeholder(case.line_number.as_deref().unwrap_or(""), "numéro de ligne")
}

fn invoice(line: &DisputedLine) -> String {
    match (&line.invoice_number, line.bill_date) {
        (Some(n), Some(d)) => format!("facture n° {n} du {}", format_date(d, FR)),
        (Some(n), None) => format!("facture n° {n}"),
        (None, Some(d)) => format!("facture du {}", format_date(d, FR)),
        (None, None) => "facture".into(),
    }
}

fn lines_text(lines: &[&DisputedLine]) -> String {
    let mut out = String::new();
    for line in lines {
        out.push_str(&format!(
            "  - {} : {} ({})\n",
            line.label,
            format_amount(line.amount, FR),
            invoice(line)
        ));
    }
    let total: Decimal = lines.iter().map(|l| l.amount).amounts_sum();
    out.push_str(&format!(
        "  Total contesté : {}\n",
        format_amount(total, FR)
    ));
    out
}

fn disputed_lines(case: &Case) -> String {
    if case.lines.is_empty() {
        return format!(
            "  - [montants contestés, facture par facture]\n  Total contesté : {}\n",
            format_amount(case.disputed, FR)
        );
    }
    lines_text(&case.lines.iter().collect::<Vec<_>>())
}

/// Whom a demand is addressed to.
#[derive(Clone, Copy, PartialEq)]
enum Addressee {
    /// The operator: « Je vous demande le remboursement… ».
    Operator,
    /// The Médiateur, who refunds nothing itself and proposes a solution: « Je demande que
    /// [opérateur] me rembourse… ».
    Mediator,
}

/// The precise demand, from what the disputed lines are, in the words that fit whom it is
/// addressed to.
fn demand(case: &Case, to: Addressee, operator: &str) -> String {
    // What each kind of disputed line asks for: (the rules, to the operator, what the
    // operator should do, said to the Médiateur).
    let table: [(&[RuleId], &str, &str); 4] = [
        (
            &[RuleId::UnrequestedOption],
            "la résiliation immédiate des options que je n'ai jamais demandées et, si vous estimez que j'y ai consenti, la preuve de ce consentement (art. L121-12 et L121-17 du Code de la consommation)",
            "résilie les options que je n'ai jamais demandées, ou justifie de mon consentement exprès (art. L121-12 et L121-17 du Code de la consommation)",
        ),
        (
            &[RuleId::ThirdParty],
            "le remboursement des achats facturés pour le compte de tiers que je n'ai jamais commandés, et le blocage de ces achats sur ma ligne",
            "bloque les achats facturés pour le compte de tiers sur ma ligne",
        ),
        (
            &[RuleId::PriceAbovePlan, RuleId::PriceIncrease],
            "l'application du prix prévu par mon contrat et, en cas de hausse, la copie de l'information préalable qui m'aurait été adressée (art. L224-33 du Code de la consommation)",
            "applique le prix prévu par mon contrat et, en cas de hausse, justifie de l'information préalable qui m'aurait été adressée (art. L224-33 du Code de la consommation)",
        ),
        (
            &[RuleId::PremiumNumber],
            "le détail des appels et SMS vers des numéros spéciaux facturés",
            "communique le détail des appels et SMS vers des numéros spéciaux facturés",
        ),
    ];
    let mut asks: Vec<&str> = table
        .iter()
        .filter(|(rules, _, _)| case.disputes_any(rules))
        .map(|(_, operator, mediator)| match to {
            Addressee::Operator => *operator,
            Addressee::Mediator => *mediator,
        })
        .collect();
    if case.disputes_termination_fee() {
        asks.push(match to {
            Addressee::Operator => "l'annulation des frais de résiliation qui ne sont pas dus ou, s'ils le sont, le détail de ce qu'ils couvrent (art. L224-28 du Code de la consommation)",
            Addressee::Mediator => "justifie des frais de résiliation facturés ou les annule (art. L224-28 du Code de la consommation)",
        });
    }
    let owed = format_amount(case.disputed.minus(case.recovered), FR);
    let mut text = match to {
        Addressee::Operator => format!("Je vous demande le remboursement de la somme de {owed}"),
        Addressee::Mediator => format!("Je demande que {operator} me rembourse la somme de {owed}"),
    };
    for ask in asks {
        text.push_str(", ");
        text.push_str(ask);
    }
    text.push('.');
    text
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

fn history(case: &Case) -> String {
    let timeline = case.timeline();
    if timeline.is_empty() {
        return String::new();
    }
    let mut out = String::from("Historique de mes démarches :\n");
    for event in timeline {
        out.push_str(&format!("  - {}\n", event_line(event)));
    }
    out.push('\n');
    out
}

fn invoices(case: &Case) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in &case.lines {
        let name = match (&line.invoice_number, line.bill_date) {
            (Some(n), _) => format!("n° {n}"),
            (None, Some(d)) => format!("du {}", format_date(d, FR)),
            (None, None) => continue,
        };
        if !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

fn attachments(case: &Case, extra: &[String]) -> String {
    let mut out = String::from("Pièces jointes :\n");
    for invoice in invoices(case) {
        out.push_str(&format!("  - copie de la facture {invoice}\n"));
    }
    for item in extra {
        out.push_str(&format!("  - {item}\n"));
    }
    out
}

/// What a letter says, before its frame.
struct Draft {
    subject: String,
    recipient: String,
    body: String,
    attached: String,
}

/// The letter's frame for its channel: addresses and the registered-letter mention only
/// on paper, the sender's details at the foot of an e-mail or a form.
fn frame(
    channel: Channel,
    case: &Case,
    sender: &Sender,
    today: NaiveDate,
    draft: &Draft,
) -> String {
    let Draft {
        subject,
        recipient,
        body,
        attached,
    } = draft;
    let name = placeholder(&sender.name, "Prénom Nom");
    let address = placeholder(&sender.address, "Adresse postale");
    let contacts: Vec<&str> = [&sender.email, &sender.phone]
        .into_iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    let mut out = String::new();
    if channel.is_postal() {
        out.push_str(&format!("{name}\n{address}\n"));
        for c in &contacts {
            out.push_str(c);
            out.push('\n');
        }
        out.push_str(&format!(
            "N° client : {}\nLigne concernée : {}\n\n",
            customer(case),
            line_number(case)
        ));
        out.push_str(recipient);
        out.push_str(&format!("\n\nLe {}\n\n", format_date(today, FR)));
        if channel == Channel::RegisteredLetter {
            out.push_str("Lettre recommandée avec accusé de réception\n");
        }
        out.push_str(&format!("Objet : {subject}\n\nMadame, Monsieur,\n\n{body}"));
        out.push_str("Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées.\n\n");
        out.push_str(&format!("{name}\n"));
    } else {
        out.push_str(&format!("Objet : {subject}\n\nMadame, Monsieur,\n\n{body}"));
        out.push_str("Cordialement,\n\n");
        out.push_str(&format!(
            "{name}\nN° client : {}\nLigne concernée : {}\n{address}\n",
            customer(case),
            line_number(case)
        ));
        for c in &contacts {
            out.push_str(c);
            out.push('\n');
        }
    }
    if !attached.is_empty() {
        out.push('\n');
        out.push_str(attached);
    }
    out
}

fn note(fr: &str, en: &str) -> Bilingual {
    Bilingual::new(fr, en)
}

/// Fills the letter of the given kind for `case`, to go by `channel`, dated `today`.
pub fn write(
    kind: LetterKind,
    case: &Case,
    sender: &Sender,
    channel: Channel,
    today: NaiveDate,
) -> Letter {
    let operator = operator_name(case);
    let answer_by = format_date(add_months(today, ANSWER_MONTHS), FR);
    let mut notes = Vec::new();
    let (subject, recipient, body, attached) = match kind {
        LetterKind::Complaint => {
            let subject = "Réclamation — contestation de facturation".to_string();
            let recipient = format!(
                "{operator}\nService client\n{}",
                placeholder(
                    &case.complaint_address,
                    "adresse prévue par votre contrat pour les réclamations"
                )
            );
            let mut body = format!(
                "Titulaire d'un contrat auprès {}, je conteste les montants suivants, qui ne correspondent pas à mon contrat :\n\n{}\n{}\n\n",
                de(&operator),
                disputed_lines(case),
                demand(case, Addressee::Operator, &operator)
            );
            body.push_str(&format!(
                "Je vous remercie de me répondre par écrit avant le {answer_by}. Je règle la part non contestée de mes factures ; je vous demande de ne pas suspendre ma ligne ni poursuivre le recouvrement des sommes contestées pendant l'examen de ma réclamation.\n\n"
            ));
            body.push_str(&history(case));
            body.push_str(if case.second_level == SecondLevel::No {
                "À défaut de réponse satisfaisante, je saisirai le Médiateur des communications électroniques.\n\n"
            } else {
                "À défaut de réponse satisfaisante, je m'adresserai à votre service consommateurs puis au Médiateur des communications électroniques.\n\n"
            });
            notes.push(note(
                "Envoyez-la par le canal que votre contrat prévoit pour les réclamations : une réclamation faite autrement peut rendre le dossier irrecevable devant le Médiateur.",
                "Send it through the channel your contract names for complaints: a complaint made otherwise may make the file inadmissible before the ombudsman.",
            ));
            notes.push(note(
                "Contester ne suspend pas le paiement : réglez la part non contestée.",
                "Disputing does not suspend payment: pay the undisputed part.",
            ));
            (subject, recipient, body, attachments(case, &[]))
        }
        LetterKind::Recourse => {
            let complaint = case
                .first_complaint()
                .map(|e| format!("du {}", format_date(e.date, FR)))
                .unwrap_or_else(|| "du [date de votre réclamation écrite]".into());
            let subject =
                format!("Recours — réclamation {complaint} restée sans réponse satisfaisante");
            let recipient = format!(
                "{operator}\nService consommateurs\n[adresse du service consommateurs, indiquée dans votre contrat ou dans la réponse reçue]"
            );
            let mut body = format!(
                "Par ma réclamation écrite {complaint}, j'ai contesté les montants suivants, sans obtenir de réponse satisfaisante :\n\n{}\n{}\n\n",
                disputed_lines(case),
                demand(case, Addressee::Operator, &operator)
            );
            body.push_str(&format!(
                "Je vous remercie de me répondre avant le {answer_by}.\n\n"
            ));
            body.push_str(&history(case));
            body.push_str(
                "À défaut de réponse satisfaisante, je saisirai le Médiateur des communications électroniques.\n\n",
            );
            (
                subject,
                recipient,
                body,
                attachments(
                    case,
                    &["copie de ma réclamation écrite et de la réponse reçue".into()],
                ),
            )
        }
        LetterKind::FormalNotice => {
            let owed = case.disputed.minus(case.recovered);
            let subject = format!(
                "Mise en demeure — remboursement de {}",
                format_amount(owed, FR)
            );
            let recipient = format!(
                "{operator}\n[adresse du siège ou du service réclamations, figurant sur vos factures ou conditions générales]"
            );
            let mut body = format!(
                "Malgré mes démarches rappelées ci-dessous, les montants suivants, que je conteste, ne m'ont pas été remboursés :\n\n{}\n",
                disputed_lines(case)
            );
            body.push_str(&history(case));
            body.push_str(&format!(
                "Par la présente, je vous mets en demeure de me rembourser la somme de {} dans un délai de {FORMAL_NOTICE_DAYS} jours à compter de la réception de cette lettre.\n\n",
                format_amount(owed, FR)
            ));
            // Only a mediation that took place, or a conciliation, is the prior attempt: a
            // file the Médiateur refused is not (CPC 750-1).
            body.push_str(&match (case.mediated(), case.mediator_referral(), case.conciliation()) {
                (true, Some(referral), _) => format!(
                    "À défaut, je saisirai le tribunal judiciaire compétent ; la médiation menée par le Médiateur des communications électroniques, saisi le {}, vaut tentative préalable de résolution amiable (art. 750-1 du Code de procédure civile).\n\n",
                    format_date(referral.date, FR)
                ),
                (_, _, Some(conciliation)) => format!(
                    "À défaut, je saisirai le tribunal judiciaire compétent ; la tentative de conciliation menée par un conciliateur de justice, saisi le {}, vaut tentative préalable de résolution amiable (art. 750-1 du Code de procédure civile).\n\n",
                    format_date(conciliation.date, FR)
                ),
                _ => "À défaut, je saisirai le tribunal judiciaire compétent, après la tentative de conciliation ou de médiation que prévoit l'article 750-1 du Code de procédure civile.\n\n".to_string(),
            });
            notes.push(note(
                "Une mise en demeure s'envoie de préférence en lettre recommandée avec accusé de réception : c'est la preuve que le tribunal demandera.",
                "A formal notice is best sent by registered letter with acknowledgement of receipt: it is the proof a court will ask for.",
            ));
            (subject, recipient, body, attachments(case, &[]))
        }
        LetterKind::Mediator => {
            let subject = format!("Demande de médiation — litige avec {operator}");
            let recipient = MEDIATOR_ADDRESS.to_string();
            let mut body = format!(
                "Je vous saisis d'un litige qui m'oppose à {operator} (n° client : {}, ligne : {}).\n\nObjet du litige : montants facturés contestés\n{}",
                customer(case),
                line_number(case),
                disputed_lines(case)
            );
            if case.recovered > Decimal::ZERO {
                body.push_str(&format!(
                    "  Déjà obtenu : {}\n",
                    format_amount(case.recovered, FR)
                ));
            }
            body.push('\n');
            body.push_str("Démarches préalables auprès de l'opérateur :\n");
            match case.first_complaint() {
                Some(e) => body.push_str(&format!(
                    "  - réclamation écrite au service client le {} ({}){}\n",
                    format_date(e.date, FR),
                    e.channel.label(FR),
                    answer_of(e)
                )),
                None => {
                    body.push_str("  - réclamation écrite au service client le [date] ([canal])\n")
                }
            }
            match (case.second_level, case.second_level_recourse()) {
                (_, Some(e)) => body.push_str(&format!(
                    "  - recours au service consommateurs le {} ({}){}\n",
                    format_date(e.date, FR),
                    e.channel.label(FR),
                    answer_of(e)
                )),
                (SecondLevel::No, None) => body.push_str(
                    "  - l'opérateur n'a pas de service consommateurs distinct du service client\n",
                ),
                _ => body.push_str("  - recours au service consommateurs le [date] ([canal])\n"),
            }
            body.push('\n');
            body.push_str(&history(case));
            body.push_str(&demand(case, Addressee::Mediator, &operator));
            if case.before_court {
                // L612-2 3°: the Médiateur cannot take it; the letter says nothing false
                // and the note says why it is of no use.
                body.push_str("\n\n");
                notes.push(note(
                    "Le dossier indique que ce litige est déjà devant un tribunal ou un autre médiateur : le Médiateur ne peut pas le prendre (art. L612-2 du Code de la consommation). Cette demande ne lui servira pas.",
                    "The case says this dispute is already before a court or another mediator: the ombudsman cannot take it (Code de la consommation, L612-2). This request would be of no use.",
                ));
            } else {
                body.push_str(
                    "\n\nLe litige n'a été soumis à aucun tribunal ni à aucun autre médiateur.\n\n",
                );
            }
            let first = case
                .first_complaint()
                .map(|e| format!("du {}", format_date(e.date, FR)))
                .unwrap_or_else(|| "[date]".into());
            let second = match (case.second_level, case.second_level_recourse()) {
                (_, Some(e)) => format!(
                    "copie de mon recours au service consommateurs du {} et de sa réponse (ou de la preuve de son envoi, sans réponse depuis)",
                    format_date(e.date, FR)
                ),
                (SecondLevel::No, None) => {
                    "pièce montrant que l'opérateur n'a pas de service consommateurs (contrat, réponse)".into()
                }
                _ => "copie de mon recours au service consommateurs et de sa réponse".into(),
            };
            let attached = attachments(
                case,
                &[
                    format!("copie de ma réclamation écrite {first} au service client, envoyée par le canal prévu au contrat, et sa preuve d'envoi"),
                    second,
                    "copie des réponses de l'opérateur".into(),
                    "copie du contrat ou des conditions particulières (prix prévus, canal de réclamation)".into(),
                    "toute autre pièce utile (échanges, captures d'écran)".into(),
                ],
            )
            .replace("Pièces jointes :", "Pièces jointes (ce qui montre que le dossier est recevable, art. L612-2 du Code de la consommation) :");
            notes.push(note(
                "Saisine gratuite en ligne sur mediation-telecom.org (ce résumé se colle dans le formulaire) ; par courrier, prenez l'adresse sur ce site. Le Médiateur refuse un dossier sans réclamation écrite préalable, ou présenté plus d'un an après elle.",
                "Free referral online at mediation-telecom.org (paste this summary into the form); by post, take the address from that site. The ombudsman refuses a file without a prior written complaint, or brought more than a year after it.",
            ));
            notes.push(note(
                "Sa réponse est une proposition de solution, que vous et l'opérateur restez libres de refuser ; elle est due dans les 90 jours de la notification de sa saisine. Notez cette notification dans le dossier : c'est d'elle que la suspension du délai de remboursement est comptée, par prudence.",
                "Its answer is a proposed solution that you and the operator remain free to refuse; it is due within 90 days of its notice that it has the file. Note that notice in the case: the suspension of the refund window is counted from it, to be safe.",
            ));
            (subject, recipient, body, attached)
        }
        LetterKind::ThirdPartyRefund => {
            let third: Vec<&DisputedLine> = case
                .lines
                .iter()
                .filter(|l| matches!(l.reason, Some(RuleId::ThirdParty | RuleId::PremiumNumber)))
                .collect();
            let lines = if third.is_empty() {
                disputed_lines(case)
            } else {
                lines_text(&third)
            };
            let total: Decimal = if third.is_empty() {
                case.disputed
            } else {
                third.iter().map(|l| l.amount).amounts_sum()
            };
            let subject =
                "Demande de remboursement — achats facturés sur ma facture télécom sans commande"
                    .to_string();
            let recipient = format!(
                "[Nom et adresse du fournisseur — ses coordonnées figurent sur surmafacture.fr, ou sur infosva.org pour un numéro à valeur ajoutée]\nCopie : {operator}, service client"
            );
            // What the person says happened decides the words: a purchase never ordered
            // is refused outright (L121-12, the ground against a supplier); a call to a
            // special number the person may have made is contested and its detail asked
            // for, never denied on their behalf.
            let purchases: Vec<&DisputedLine> = third
                .iter()
                .copied()
                .filter(|l| l.reason != Some(RuleId::PremiumNumber))
                .collect();
            let calls: Vec<&DisputedLine> = third
                .iter()
                .copied()
                .filter(|l| l.reason == Some(RuleId::PremiumNumber))
                .collect();
            let mut body = String::new();
            if !purchases.is_empty() || third.is_empty() {
                let lines = if third.is_empty() {
                    lines
                } else {
                    lines_text(&purchases)
                };
                body.push_str(&format!(
                    "Les achats ou abonnements suivants ont été facturés pour votre compte sur ma facture {operator} :\n\n{lines}\nJe n'ai jamais commandé ce service. Aucun paiement ne peut être exigé pour un service fourni sans commande préalable du consommateur (art. L121-12 du Code de la consommation).\n\n"
                ));
            }
            if !calls.is_empty() {
                body.push_str(&format!(
                    "Je conteste les appels ou SMS suivants vers des numéros à valeur ajoutée, facturés sur ma facture {operator} :\n\n{}\nJe vous demande le détail de chacun (date, heure, durée, service rendu et prix annoncé) ; je ne reconnais devoir que ce qui correspond à un service que j'ai demandé, au prix qui m'a été annoncé.\n\n",
                    lines_text(&calls)
                ));
            }
            let refund = if calls.is_empty() || third.is_empty() {
                format!("le remboursement de {}", format_amount(total, FR))
            } else if purchases.is_empty() {
                "le remboursement de ceux de ces appels ou SMS qui ne correspondent pas à un service que j'ai demandé au prix annoncé".to_string()
            } else {
                format!(
                    "le remboursement de {} d'achats et de ceux de ces appels ou SMS qui ne correspondent pas à un service que j'ai demandé au prix annoncé",
                    format_amount(purchases.iter().map(|l| l.amount).amounts_sum(), FR)
                )
            };
            body.push_str(&format!(
                "Je vous demande {refund}, la résiliation immédiate de tout abonnement à mon nom et, si vous estimez que j'y ai consenti, la preuve de ce consentement (date, heure, moyen). Je vous remercie de me répondre avant le {answer_by}.\n\n"
            ));
            body.push_str(&format!(
                "J'adresse copie de cette demande à {operator}, qui a facturé ces sommes, en lui demandant de les rembourser et de bloquer les achats par des tiers sur ma ligne.\n\n"
            ));
            notes.push(note(
                "Envoyez-la au fournisseur (ses coordonnées sont sur surmafacture.fr) et au service client de l'opérateur : un signalement sur surmafacture.fr ne vaut pas réclamation.",
                "Send it to the supplier (its contact is on surmafacture.fr) and to the operator's customer service: a report on surmafacture.fr is not a complaint.",
            ));
            notes.push(note(
                "Le blocage d'Internet+ est une option que l'opérateur propose, pas un droit prévu par la loi ; celui des SMS+ et des 089 est gratuit et de droit.",
                "Blocking Internet+ is an option the operator offers, not a legal right; blocking SMS+ and 089 numbers is free and a right.",
            ));
            (subject, recipient, body, attachments(case, &[]))
        }
        LetterKind::PriceChangeTermination => {
            let notice = case
                .price_notice_on
                .map(|d| format!("le {}", format_date(d, FR)))
                .unwrap_or_else(|| "le [date de l'information reçue]".into());
            let subject = "Résiliation sans frais à la suite d'une modification de prix (art. L224-33 du Code de la consommation)".to_string();
            let recipient = format!(
                "{operator}\nService résiliation\n[adresse figurant sur votre contrat ou vos conditions générales]"
            );
            let body = format!(
                "Vous m'avez informé {notice} d'une modification du prix de mon contrat (ligne {}). Comme l'article L224-33 du Code de la consommation me le permet dans les quatre mois qui suivent cette information, je résilie mon contrat sans frais.\n\nJe vous remercie de me confirmer la date de fin du contrat sur un support durable ; la résiliation prend effet dans les dix jours de la réception de cette demande (art. L224-39 du Code de la consommation), sauf date plus tardive que je vous indiquerais.\n\n",
                line_number(case)
            );
            notes.push(note(
                "À envoyer dans les quatre mois de l'information de la hausse. Ce droit ne vaut pas pour un changement à votre seul avantage, purement administratif ou imposé par la loi (une hausse de TVA). Si vous gardez votre numéro chez un nouvel opérateur, la portabilité résilie le contrat, mais l'ancien opérateur n'apprend pas pourquoi et peut facturer les mois d'engagement restants : envoyez quand même cette lettre dans les quatre mois.",
                "Send it within four months of the notice of the increase. The right does not apply to a change solely to your benefit, purely administrative or imposed by law (a VAT rise). If you keep your number with a new operator, portability ends the contract, but the old operator does not learn why and may bill the remaining months of commitment: send this letter within the four months all the same.",
            ));
            if let Some(notice) = case.price_notice_on {
                if today > add_months(notice, law::PRICE_CHANGE_TERMINATION_MONTHS) {
                    notes.push(note(
                        "Les quatre mois sont passés : l'opérateur peut refuser la résiliation sans frais.",
                        "The four months are over: the operator may refuse a termination without fees.",
                    ));
                }
            }
            (
                subject,
                recipient,
                body,
                String::from(
                    "Pièces jointes :\n  - copie de l'information de modification de prix reçue\n",
                ),
            )
        }
        LetterKind::ItemisedBill => {
            let months = {
                let mut months: Vec<String> = Vec::new();
                for line in &case.lines {
                    if let Some(d) = line.bill_date {
                        let m = d.format("%m/%Y").to_string();
                        if !months.contains(&m) {
                            months.push(m);
                        }
                    }
                }
                if months.is_empty() {
                    "[mois concernés, parmi les 12 derniers]".to_string()
                } else {
                    months.join(", ")
                }
            };
            let subject = "Demande de facture détaillée".to_string();
            let recipient = format!(
                "{operator}\nService client\n{}",
                placeholder(
                    &case.complaint_address,
                    "adresse figurant sur votre facture ou votre contrat"
                )
            );
            let body = format!(
                "Je vous demande de m'adresser, sur papier, la facture détaillée (le détail de chaque communication) de ma ligne {} pour les factures suivantes : {months}.\n\nJe demande expressément que les numéros appelés y figurent en entier, avec leurs quatre derniers chiffres : j'en ai besoin pour contester les montants facturés.\n\nCette facture détaillée est fournie gratuitement sur demande pour chacun des douze derniers mois (arrêté du 31 décembre 2013 relatif aux factures des services de communications électroniques).\n\nJe vous remercie de me l'adresser avant le {answer_by}.\n\n",
                line_number(case)
            );
            (subject, recipient, body, String::new())
        }
        LetterKind::ConsentProof => {
            let asked: Vec<&DisputedLine> = case
                .lines
                .iter()
                .filter(|l| {
                    matches!(
                        l.reason,
                        Some(RuleId::UnrequestedOption | RuleId::ThirdParty)
                    )
                })
                .collect();
            let lines = if asked.is_empty() {
                disputed_lines(case)
            } else {
                lines_text(&asked)
            };
            let subject =
                "Demande de preuve de consentement à des options ou services facturés".to_string();
            let recipient = format!(
                "{operator}\nService client\n{}",
                placeholder(
                    &case.complaint_address,
                    "adresse prévue par votre contrat pour les réclamations"
                )
            );
            let body = format!(
                "Les options ou services suivants me sont facturés alors que je ne les ai jamais demandés :\n\n{lines}\nJe vous demande de me communiquer la preuve de mon consentement exprès à chacun (date, moyen, document signé ou enregistrement). À défaut, je vous demande de les résilier et de me rembourser les sommes facturées : aucun paiement ne peut être exigé pour un service non commandé (art. L121-12 du Code de la consommation), et une option acceptée par défaut doit être remboursée (art. L121-17).\n\nJe vous remercie de me répondre avant le {answer_by}.\n\n"
            );
            (subject, recipient, body, attachments(case, &[]))
        }
        LetterKind::BankDebit => {
            let subject = format!("Demande de remboursement de prélèvement SEPA — {operator}");
            let recipient = "[Nom et adresse de votre agence bancaire]".to_string();
            let mut authorised = Vec::new();
            let mut unauthorised = Vec::new();
            let mut too_late = false;
            for debit in super::deadlines::debits(case) {
                let (paid, amount) = (debit.paid_on, debit.amount);
                // The mandate as the statement printed it, when the debit came from one.
                let mandate = debit
                    .lines
                    .iter()
                    .find_map(|&i| case.lines.get(i)?.mandate.clone())
                    .unwrap_or_else(|| "[RUM figurant sur votre relevé]".to_string());
                let item = format!(
                    "  - {} prélevés le {} par {operator} (référence du mandat : {mandate})\n",
                    format_amount(amount, FR),
                    format_date(paid, FR)
                );
                if today <= add_days(paid, law::SEPA_AUTHORISED_WEEKS * 7) {
                    authorised.push(item);
                } else if today <= add_months(paid, law::SEPA_UNAUTHORISED_MONTHS) {
                    unauthorised.push(item);
                } else {
                    too_late = true;
                }
            }
            let mut body = format!(
                "Titulaire du compte [numéro de compte ou IBAN], je vous demande le remboursement des prélèvements suivants, émis par {operator}.\n\n"
            );
            if !authorised.is_empty() {
                body.push_str("Prélèvements de moins de huit semaines, dont je demande le remboursement (art. L133-25 du Code monétaire et financier) :\n");
                body.push_str(&authorised.concat());
                body.push('\n');
            }
            if !unauthorised.is_empty() {
                body.push_str("[À ne garder que si vous n'avez jamais autorisé ces prélèvements :] Prélèvements que je n'ai pas autorisés, que je conteste dans les treize mois qui suivent le débit (art. L133-24 du Code monétaire et financier) :\n");
                body.push_str(&unauthorised.concat());
                body.push('\n');
            }
            if authorised.is_empty() && unauthorised.is_empty() {
                body.push_str(
                    "  - [montant] prélevé le [date du débit] (référence du mandat : [RUM])\n\n",
                );
            }
            body.push_str(&format!(
                "Je vous remercie de créditer mon compte de ces sommes et de me le confirmer par écrit avant le {answer_by}.\n\n"
            ));
            notes.push(note(
                "Le remboursement par la banque n'éteint pas la dette : l'opérateur peut encore réclamer la somme, facturer des frais de rejet ou suspendre la ligne. Contestez aussi auprès de l'opérateur.",
                "A refund by the bank does not cancel the debt: the operator may still claim the sum, charge a rejection fee or suspend the line. Dispute it with the operator too.",
            ));
            notes.push(note(
                "Huit semaines après le débit pour un prélèvement autorisé (sans avoir à se justifier) ; treize mois pour un prélèvement que vous n'avez jamais autorisé.",
                "Eight weeks after the debit for an authorised debit (no reason needed); thirteen months for a debit you never authorised.",
            ));
            if too_late {
                notes.push(note(
                    "Certains prélèvements ont plus de treize mois : la banque ne peut plus les rembourser.",
                    "Some debits are more than thirteen months old: the bank can no longer refund them.",
                ));
            }
            (subject, recipient, body, String::new())
        }
        LetterKind::SignalConso => {
            let subject = format!("Signalement — facturation contestée par {operator}");
            let mut text = format!(
                "{operator} m'a facturé des montants que je conteste, pour un total de {} :\n\n{}\n",
                format_amount(case.disputed, FR),
                disputed_lines(case)
            );
            let written = case
                .timeline()
                .into_iter()
                .any(|e| e.stage >= Stage::WrittenComplaint);
            if written {
                text.push_str(&history(case));
            } else {
                text.push_str("Je n'ai pas encore pu obtenir de régularisation.\n");
            }
            notes.push(note(
                "SignalConso transmet votre signalement à l'entreprise, qui peut y répondre, et informe la DGCCRF ; ce n'est pas une réclamation auprès de l'opérateur.",
                "SignalConso forwards your report to the business, which may answer, and informs the DGCCRF; it is not a complaint to the operator.",
            ));
            return Letter {
                kind,
                channel,
                subject,
                text,
                notes,
            };
        }
    };
    let draft = Draft {
        subject,
        recipient,
        body,
        attached,
    };
    let text = frame(channel, case, sender, today, &draft);
    let subject = draft.subject;
    Letter {
        kind,
        channel,
        subject,
        text,
        notes,
    }
}

fn answer_of(event: &Event) -> String {
    use super::case::Answer;
    match event.answer {
        Answer::Awaited => " — sans réponse".into(),
        Answer::NoAnswer => " — sans réponse, personne n'a répondu".into(),
        Answer::Satisfactory => " — réponse satisfaisante".into(),
        Answer::Partial | Answer::Unsatisfactory => {
            let on = format_date(event.answer_day(), FR);
            if event.answer_text.trim().is_empty() {
                format!(" — réponse insatisfaisante le {on}")
            } else {
                format!(
                    " — réponse insatisfaisante le {on} : {}",
                    event.answer_text.trim()
                )
            }
        }
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::super::case::{Answer, Channel};
    use super::super::tests::{day, event, new_case, open, record};
    use super::super::Journal;
    use super::*;

    pub(in crate::core::journal) fn sample_case() -> Case {
        let mut journal = Journal::default();
        let id = open(&mut journal, new_case("2026-11-26"));
        let mut call = event(
            "2026-11-26",
            Stage::CustomerService,
            Channel::Phone,
            Answer::Unsatisfactory,
        );
        call.reference = "TK-88123".into();
        call.said = "demande d'explication sur l'option Sécurité".into();
        call.answer_text = "l'option aurait été souscrite en boutique".into();
        record(&mut journal, id, call);
        journal.case(id).unwrap().clone()
    }

    pub(crate) fn sender() -> Sender {
        Sender {
            name: "Camille Martin".into(),
            address: "12 rue des Lilas\n69003 Lyon".into(),
            ..Sender::default()
        }
    }

    fn letter(kind: LetterKind, case: &Case, channel: Channel) -> Letter {
        write(kind, case, &sender(), channel, day("2026-11-27"))
    }

    /// Issue 32: « N° client : 031 » stood in a letter where the bill printed
    /// 031 552 8814. Any customer number, line number and invoice number a bill gives its
    /// case appears whole in every letter that names it, whatever its spaces, dots,
    /// dashes and slashes; and the line is the one the disputed charge is printed under.
    #[test]
    fn identifiers_from_the_bill_appear_whole_in_every_letter() {
        use crate::core::bill::{Bill, BillLine, Category, Operator};
        let case_of = |customer: &str, line: &str, invoice: &str| {
            let bill = Bill {
                operator: Some(Operator::Orange),
                invoice_number: Some(invoice.into()),
                customer_id: Some(customer.into()),
                line_numbers: vec!["06 00 00 00 01".into(), line.into()],
                issue_date: Some(day("2026-11-02")),
                due_date: Some(day("2026-11-12")),
                lines: vec![BillLine {
                    label: "Option Sécurité Mobile".into(),
                    amount: "3.00".parse().unwrap(),
                    section: format!("Ligne {line}"),
                    category: Category::Option,
                    page: 1,
                }],
                ..Bill::default()
            };
            let mut journal = Journal::default();
            let (id, action) = journal
                .contest(
                    &bill,
                    &[0],
                    None,
                    day("2026-11-26"),
                    crate::core::i18n::Lang::Fr,
                )
                .unwrap();
            journal.apply(action).unwrap();
            journal.case(id).unwrap().clone()
        };
        let texts = |case: &Case| -> Vec<String> {
            LetterKind::ALL
                .iter()
                .map(|&kind| letter(kind, case, Channel::RegisteredLetter).text)
                .collect()
        };
        // Which letters name each identifier.
        let base = texts(&case_of("CUST-1", "07 61 98 76 54", "INV-1"));
        let names = |what: &str| -> Vec<bool> { base.iter().map(|t| t.contains(what)).collect() };
        let (customers, lines, invoices) =
            (names("CUST-1"), names("07 61 98 76 54"), names("INV-1"));
        assert!(
            customers.iter().any(|&b| b) && lines.iter().any(|&b| b) && invoices.iter().any(|&b| b)
        );

        /// xorshift64: the crate has no property-testing dependency, and a fixed seed
        /// makes a failure reproducible.
        struct Rng(u64);
        impl Rng {
            fn below(&mut self, n: usize) -> usize {
                self.0 ^= self.0 << 13;
                self.0 ^= self.0 >> 7;
                self.0 ^= self.0 << 17;
                (self.0 % n as u64) as usize
            }
            /// Groups of letters and digits joined by a space, a dash, a dot, a slash or
            /// nothing: how operators print customer and invoice numbers.
            fn identifier(&mut self) -> String {
                const SEPARATORS: [&str; 5] = [" ", "-", ".", "/", ""];
                const ALPHABET: &[u8] = b"0123456789ABCDEFGHKMXZabfx";
                let mut id = String::new();
                for g in 0..1 + self.below(4) {
                    if g > 0 {
                        id.push_str(SEPARATORS[self.below(SEPARATORS.len())]);
                    }
                    for _ in 0..1 + self.below(6) {
                        id.push(ALPHABET[self.below(ALPHABET.len())] as char);
                    }
                }
                id
            }
        }
        let mut rng = Rng(0x5DEE_CE66_D1CE_4E5B);
        for _ in 0..300 {
            let customer = rng.identifier();
            let invoice = rng.identifier();
            // A mobile number as bills print them: in pairs, dotted, whole, or +33.
            let pairs: Vec<String> = (0..4).map(|_| format!("{:02}", rng.below(100))).collect();
            let line = match rng.below(4) {
                0 => format!("07 {}", pairs.join(" ")),
                1 => format!("07.{}", pairs.join(".")),
                2 => format!("07{}", pairs.concat()),
                _ => format!("+33 7 {}", pairs.join(" ")),
            };
            let case = case_of(&customer, &line, &invoice);
            assert_eq!(case.line_number.as_deref(), Some(line.as_str()));
            for (i, text) in texts(&case).iter().enumerate() {
                let kind = LetterKind::ALL[i];
                for (id, named) in [
                    (&customer, customers[i]),
                    (&line, lines[i]),
                    (&invoice, invoices[i]),
                ] {
                    assert!(
                        !named || text.contains(id.as_str()),
                        "{kind:?} lacks {id:?}:\n{text}"
                    );
                }
            }
        }
    }

    /// Issue 32: files were named `contestel-complaint-…` in the French interface.
    #[test]
    fn a_letter_s_file_is_named_in_the_interface_s_language() {
        use crate::core::i18n::Lang;
        let today = day("2026-12-07");
        assert_eq!(
            LetterKind::Complaint.file_name(Lang::Fr, today),
            "contestel-reclamation-2026-12-07.txt"
        );
        assert_eq!(
            LetterKind::Complaint.file_name(Lang::En, today),
            "contestel-complaint-2026-12-07.txt"
        );
        for lang in [Lang::Fr, Lang::En] {
            let mut names: Vec<String> = LetterKind::ALL
                .iter()
                .map(|k| k.file_name(lang, today))
                .collect();
            assert!(
                names.iter().all(|n| n.is_ascii() && !n.contains(' ')),
                "{names:?}"
            );
            names.sort();
            names.dedup();
            assert_eq!(names.len(), LetterKind::ALL.len());
        }
    }

    /// #32: « auprès de Orange ». French elides « de » before a vowel or a mute h.
    #[test]
    fn de_is_elided_before_a_vowel() {
        assert_eq!(de("Orange"), "d'Orange");
        assert_eq!(de("SFR"), "de SFR");
        assert_eq!(de("Free"), "de Free");
        assert_eq!(de("Bouygues Telecom"), "de Bouygues Telecom");
        assert_eq!(de("[opérateur]"), "de [opérateur]");
    }

    #[test]
    fn the_complaint_holds_everything_a_complaint_must_hold() {
        let letter = letter(
            LetterKind::Complaint,
            &sample_case(),
            Channel::RegisteredLetter,
        );
        for must in [
            "Camille Martin",
            "12 rue des Lilas",
            "Ligne concernée : 06 12 34 56 78",
            "Orange\nService client",
            "Titulaire d'un contrat auprès d'Orange,",
            "Le 27/11/2026",
            "Option Sécurité Mobile : 3,00\u{a0}€ (facture n° FM2611-0048213957 du 03/11/2026)",
            "Total contesté : 6,36\u{a0}€",
            "la preuve de ce consentement",
            "L121-17",
            "le détail des appels et SMS vers des numéros spéciaux",
            "avant le 27/12/2026",
            "de ne pas suspendre ma ligne",
            "26/11/2026 — Service client (Téléphone), réf. TK-88123 : demande d'explication",
            "réponse : l'option aurait été souscrite en boutique",
            "service consommateurs puis au Médiateur des communications électroniques",
            "copie de la facture n° FM2611-0048213957",
        ] {
            assert!(
                letter.text.contains(must),
                "missing {must:?} in:\n{}",
                letter.text
            );
        }
        // Unknown values: visible placeholders, never invented ones.
        assert!(letter.text.contains("N° client : [numéro client]"));
        assert!(letter
            .text
            .contains("[adresse prévue par votre contrat pour les réclamations]"));
        assert!(!letter.notes.is_empty());
    }

    #[test]
    fn only_a_registered_letter_says_it_is_registered() {
        let case = sample_case();
        for kind in LetterKind::ALL {
            for channel in Channel::WRITTEN {
                let l = write(kind, &case, &sender(), channel, day("2026-11-27"));
                let says = l.text.contains("recommandée avec accusé de réception");
                assert_eq!(
                    says,
                    channel == Channel::RegisteredLetter && kind != LetterKind::SignalConso,
                    "{kind:?} by {channel:?}:\n{}",
                    l.text
                );
                // An e-mail or a form starts with its subject, no address blocks.
                if !channel.is_postal() && kind != LetterKind::SignalConso {
                    assert!(l.text.starts_with("Objet : "), "{kind:?} by {channel:?}");
                    assert!(!l.text.contains("\nLe 27/11/2026\n"), "{kind:?}");
                }
                if channel.is_postal() && kind != LetterKind::SignalConso {
                    assert!(l.text.contains("\nLe 27/11/2026\n"), "{kind:?}");
                }
            }
        }
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
        let recourse = write(
            LetterKind::Recourse,
            &case,
            &sender(),
            Channel::Letter,
            day("2027-01-02"),
        );
        assert!(
            recourse.subject.contains("du 28/11/2026"),
            "{}",
            recourse.subject
        );
        assert!(
            recourse.text.contains("Orange\nService consommateurs"),
            "{}",
            recourse.text
        );
    }

    #[test]
    fn the_mediator_summary_lists_the_steps_and_the_attachments_that_make_it_admissible() {
        let mut case = sample_case();
        let mut complaint = event(
            "2026-11-28",
            Stage::WrittenComplaint,
            Channel::RegisteredLetter,
            Answer::Unsatisfactory,
        );
        complaint.id = 90;
        complaint.answered_on = Some(day("2026-12-05"));
        let mut recourse = event(
            "2026-12-06",
            Stage::ConsumerService,
            Channel::Email,
            Answer::Awaited,
        );
        recourse.id = 91;
        case.events.extend([complaint, recourse]);
        let l = write(
            LetterKind::Mediator,
            &case,
            &sender(),
            Channel::Letter,
            day("2027-01-10"),
        );
        for must in [
            "Médiateur des communications électroniques\n[adresse postale indiquée sur mediation-telecom.org",
            "Je demande que Orange me rembourse la somme de 6,36",
            "réclamation écrite au service client le 28/11/2026 (Lettre recommandée avec AR) — réponse insatisfaisante le 05/12/2026",
            "recours au service consommateurs le 06/12/2026 (E-mail) — sans réponse",
            "aucun tribunal ni à aucun autre médiateur",
            "art. L612-2",
            "copie de ma réclamation écrite du 28/11/2026 au service client, envoyée par le canal prévu au contrat",
            "copie de mon recours au service consommateurs du 06/12/2026",
            "copie du contrat",
            "copie de la facture n° FM2611-0048213957",
        ] {
            assert!(l.text.contains(must), "missing {must:?} in:\n{}", l.text);
        }
        assert!(l
            .notes
            .iter()
            .any(|n| n.fr.contains("proposition de solution")));
        assert!(
            !l.text.contains("avis"),
            "no binding opinion is promised:\n{}",
            l.text
        );
    }

    #[test]
    fn the_formal_notice_says_the_mediation_counts_as_the_prior_attempt() {
        let mut case = sample_case();
        let mut referral = event(
            "2027-01-15",
            Stage::Mediator,
            Channel::WebForm,
            Answer::Awaited,
        );
        referral.id = 92;
        let mut proposal = referral.clone();
        proposal.id = 93;
        proposal.date = day("2027-03-20");
        proposal.milestone = Some(super::super::case::Milestone::Proposal);
        proposal.answer = Answer::Unsatisfactory;
        // A file the Médiateur refused is no prior attempt: the letter does not say it is.
        let mut refused = case.clone();
        let mut rejected = referral.clone();
        rejected.answer = Answer::Unsatisfactory;
        refused.events.push(rejected);
        let l = write(
            LetterKind::FormalNotice,
            &refused,
            &sender(),
            Channel::RegisteredLetter,
            day("2027-05-02"),
        );
        assert!(!l.text.contains("vaut tentative préalable"), "{}", l.text);
        assert!(l
            .text
            .contains("après la tentative de conciliation ou de médiation"));
        // A conciliation that failed is one.
        let mut conciliation = event(
            "2027-04-02",
            Stage::Conciliator,
            Channel::InPerson,
            Answer::Unsatisfactory,
        );
        conciliation.id = 94;
        refused.events.push(conciliation);
        let l = write(
            LetterKind::FormalNotice,
            &refused,
            &sender(),
            Channel::RegisteredLetter,
            day("2027-05-02"),
        );
        assert!(l.text.contains("la tentative de conciliation menée par un conciliateur de justice, saisi le 02/04/2027, vaut tentative préalable"), "{}", l.text);
        // A referral still waiting for the Médiateur's notice is no mediation yet: with a
        // conciliation on record, the letter names the conciliation, not the mediation.
        let mut waiting = sample_case();
        waiting.events.push(referral.clone());
        let mut met = event(
            "2027-04-02",
            Stage::Conciliator,
            Channel::InPerson,
            Answer::Unsatisfactory,
        );
        met.id = 95;
        waiting.events.push(met);
        let l = write(
            LetterKind::FormalNotice,
            &waiting,
            &sender(),
            Channel::RegisteredLetter,
            day("2027-05-02"),
        );
        assert!(!l.text.contains("la médiation menée"), "{}", l.text);
        assert!(
            l.text.contains("la tentative de conciliation menée"),
            "{}",
            l.text
        );
        case.events.extend([referral, proposal]);
        let l = write(
            LetterKind::FormalNotice,
            &case,
            &sender(),
            Channel::RegisteredLetter,
            day("2027-05-02"),
        );
        assert!(l.text.contains("je vous mets en demeure de me rembourser la somme de 6,36\u{a0}€ dans un délai de 15 jours"), "{}", l.text);
        assert!(l.text.contains("la médiation menée par le Médiateur des communications électroniques, saisi le 15/01/2027, vaut tentative préalable"), "{}", l.text);
        assert!(l.text.contains("750-1"));
        let without = write(
            LetterKind::FormalNotice,
            &sample_case(),
            &sender(),
            Channel::RegisteredLetter,
            day("2027-05-02"),
        );
        assert!(without
            .text
            .contains("tentative de conciliation ou de médiation"));
    }

    #[test]
    fn the_third_party_refund_goes_to_the_supplier_through_surmafacture_and_the_operator() {
        let mut case = sample_case();
        case.lines[0].reason = Some(RuleId::ThirdParty);
        let l = letter(LetterKind::ThirdPartyRefund, &case, Channel::Letter);
        assert!(l.text.contains("surmafacture.fr"));
        assert!(!l.text.contains("infoconso"));
        assert!(l.text.contains("Copie : Orange, service client"));
        // Against a supplier, the ground is L121-12 (nothing owed without an order);
        // L121-17 is the operator's extra payments.
        assert!(l.text.contains("L121-12") && !l.text.contains("L121-17"));
        // The purchase never ordered is refused outright; the premium call, which the
        // person may have made, is contested and its detail asked for, never denied.
        assert!(
            l.text.contains("Total contesté : 3,00")
                && l.text.contains("Je conteste les appels ou SMS suivants")
                && l.text.contains("Total contesté : 3,36")
                && l.text
                    .contains("le remboursement de 3,00\u{a0}€ d'achats et de ceux de ces appels"),
            "the SMS+ and third-party lines:\n{}",
            l.text
        );
        let calls = l
            .text
            .split("Je conteste les appels")
            .nth(1)
            .unwrap_or_default();
        assert!(!calls.contains("jamais commandé"), "{calls}");
        assert!(l
            .notes
            .iter()
            .any(|n| n.fr.contains("pas un droit prévu par la loi")));
    }

    #[test]
    fn the_price_change_termination_cites_the_notice_and_its_four_months() {
        let mut case = sample_case();
        case.price_notice_on = Some(day("2026-10-31"));
        let on_time = write(
            LetterKind::PriceChangeTermination,
            &case,
            &sender(),
            Channel::RegisteredLetter,
            day("2027-02-28"),
        );
        assert!(on_time.text.contains("Vous m'avez informé le 31/10/2026"));
        assert!(on_time.text.contains("L224-33") && on_time.text.contains("L224-39"));
        assert!(!on_time.notes.iter().any(|n| n.fr.contains("sont passés")));
        let late = write(
            LetterKind::PriceChangeTermination,
            &case,
            &sender(),
            Channel::RegisteredLetter,
            day("2027-03-01"),
        );
        assert!(late
            .notes
            .iter()
            .any(|n| n.fr.contains("quatre mois sont passés")));
        case.price_notice_on = None;
        let unknown = letter(
            LetterKind::PriceChangeTermination,
            &case,
            Channel::RegisteredLetter,
        );
        assert!(unknown.text.contains("[date de l'information reçue]"));
    }

    #[test]
    fn the_itemised_bill_and_the_consent_proof_requests_cite_their_texts() {
        let case = sample_case();
        let bill = letter(LetterKind::ItemisedBill, &case, Channel::Email);
        assert!(
            bill.text.contains("arrêté du 31 décembre 2013")
                && !bill.text.contains("D98-5")
                && bill.text.contains("gratuitement")
                && bill.text.contains("11/2026"),
            "{}",
            bill.text
        );
        // Without the last four digits, a premium-number dispute cannot name the number.
        assert!(bill
            .text
            .contains("Je demande expressément que les numéros appelés y figurent en entier"));
        let consent = letter(LetterKind::ConsentProof, &case, Channel::Letter);
        assert!(consent.text.contains("Option Sécurité Mobile"));
        assert!(
            !consent.text.contains("numéros spéciaux 08 9x"),
            "only the options:\n{}",
            consent.text
        );
        assert!(consent.text.contains("L121-12") && consent.text.contains("L121-17"));
    }

    #[test]
    fn the_bank_letter_turns_at_eight_weeks_and_thirteen_months() {
        let mut case = sample_case();
        case.direct_debit = true;
        // Debited 18 November 2026: eight weeks end on 13 January 2027, thirteen months on
        // 18 December 2027.
        let at = |today: &str| {
            write(
                LetterKind::BankDebit,
                &case,
                &sender(),
                Channel::Letter,
                day(today),
            )
        };
        let eight = at("2027-01-13");
        assert!(
            eight.text.contains("moins de huit semaines") && eight.text.contains("L133-25"),
            "{}",
            eight.text
        );
        assert!(!eight.text.contains("L133-24"));
        let after = at("2027-01-14");
        assert!(
            !after.text.contains("L133-25") && after.text.contains("L133-24"),
            "{}",
            after.text
        );
        assert!(after
            .text
            .contains("[À ne garder que si vous n'avez jamais autorisé"));
        let last = at("2027-12-18");
        assert!(last.text.contains("L133-24"));
        let late = at("2027-12-19");
        assert!(!late.text.contains("L133-24"));
        assert!(late
            .notes
            .iter()
            .any(|n| n.fr.contains("plus de treize mois")));
        for l in [&eight, &after] {
            assert!(l
                .notes
                .iter()
                .any(|n| n.fr.contains("n'éteint pas la dette")));
        }
    }

    #[test]
    fn signalconso_says_the_report_is_forwarded_to_the_business() {
        let l = letter(LetterKind::SignalConso, &sample_case(), Channel::WebForm);
        assert!(l.notes.iter().any(|n| n
            .fr
            .contains("transmet votre signalement à l'entreprise, qui peut y répondre")));
    }

    #[test]
    fn every_letter_is_filled_without_a_sender_and_shows_what_to_complete() {
        let case = sample_case();
        for kind in LetterKind::ALL {
            let letter = write(
                kind,
                &case,
                &Sender::default(),
                kind.default_channel(&case),
                day("2026-11-27"),
            );
            assert!(!letter.subject.is_empty(), "{kind:?}");
            // Each names the lines it is about (the refund demand to a supplier, only the
            // special-number and third-party ones).
            if kind == LetterKind::ThirdPartyRefund {
                assert!(letter.text.contains("numéros spéciaux 08 9x"), "{kind:?}");
            } else if !matches!(
                kind,
                LetterKind::PriceChangeTermination
                    | LetterKind::ItemisedBill
                    | LetterKind::BankDebit
            ) {
                assert!(
                    letter.text.contains("Option Sécurité Mobile"),
                    "{kind:?}:\n{}",
                    letter.text
                );
            }
            if kind != LetterKind::SignalConso {
                assert!(letter.text.contains("[Prénom Nom]"), "{kind:?}");
            }
            assert!(!kind.sources().is_empty(), "{kind:?}");
            assert_eq!(
                serde_json::to_value(kind).unwrap(),
                kind.id(),
                "the serde name"
            );
        }
    }
}
