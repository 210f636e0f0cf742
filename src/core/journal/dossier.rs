//! The case as a dossier for someone who has never seen the app: a consumer association
//! or the Médiateur. One self-contained HTML file (its style inline, no script, no image,
//! nothing fetched) that opens in any browser, prints on A4 with page numbers, and can be
//! sent by e-mail; the same text the person would otherwise copy by hand.
//!
//! What it holds: who writes and about what, where the dispute stands, the lines disputed
//! as read on the bills (and corrected by the person), every exchange with its date,
//! channel and reference, the written steps, the deadlines with the texts they rest on,
//! and each text cited with its link and how it was checked (`core::law`). Written in
//! French whatever the interface language, like the letters: it goes to French bodies.
//! Everything the person typed is escaped: a title or a note cannot become markup. Pure.

use chrono::NaiveDate;

use super::advice::advise;
use super::case::{Answer, Case, Event};
use super::deadlines::deadlines;
use super::letters::Sender;
use crate::core::dates::format_date;
use crate::core::i18n::Lang;
use crate::core::law::Legal;
use crate::core::money::format_amount;
use crate::core::money::Amount as _;

const FR: Lang = Lang::Fr;

/// Whom the dossier is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DossierFor {
    /// A consumer association: the whole story, to be read from scratch.
    Association,
    /// The Médiateur: the same, its admissibility first (the written steps).
    Mediator,
}

impl DossierFor {
    fn recipient(self) -> &'static str {
        match self {
            DossierFor::Association => "une association de consommateurs",
            DossierFor::Mediator => "le Médiateur des communications électroniques",
        }
    }
}

use crate::core::markup::escape;

/// The file's name: `dossier-<case id>-<day>.html`.
pub fn file_name(case: &Case, today: NaiveDate) -> String {
    format!(
        "contestel-dossier-{}-{}.html",
        case.id,
        today.format("%Y-%m-%d")
    )
}

const STYLE: &str = "\
@page { size: A4; margin: 16mm 15mm 18mm; \
  @bottom-right { content: 'Page ' counter(page) ' / ' counter(pages); font: 9pt sans-serif; color: #555; } }\
* { box-sizing: border-box; }\
body { margin: 0; font: 11pt/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #1b1b1b; background: #fff; }\
main { max-width: 48rem; margin: 0 auto; padding: 1.25rem; overflow-wrap: anywhere; }\
h1 { font-size: 1.45rem; margin: 0 0 .25rem; }\
h2 { font-size: 1.1rem; margin: 1.6rem 0 .5rem; padding-bottom: .2rem; border-bottom: 2px solid #1d4e89; break-after: avoid; }\
p { margin: .35rem 0; }\
.muted { color: #555; font-size: .9em; }\
dl.facts { display: grid; grid-template-columns: minmax(8rem, auto) 1fr; gap: .2rem .9rem; margin: .5rem 0; }\
dl.facts dt { font-weight: 600; }\
dl.facts dd { margin: 0; }\
table { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: .92em; }\
th, td { text-align: left; vertical-align: top; padding: .3rem .35rem; border-bottom: 1px solid #ccc; }\
th { background: #eef2f7; }\
tr { break-inside: avoid; }\
td.amount, th.amount { text-align: right; white-space: nowrap; width: 6.5rem; }\
ol.events, ul.plain, ol.texts { padding-left: 1.2rem; }\
ol.events li, ol.texts li, ul.plain li { margin: .45rem 0; break-inside: avoid; }\
.next { padding: .5rem .75rem; background: #eef2f7; border-left: 4px solid #1d4e89; }\
footer { margin-top: 2rem; padding-top: .5rem; border-top: 1px solid #ccc; color: #555; font-size: .85em; }\
@media (max-width: 32rem) { main { padding: .75rem; } table, thead, tbody, tr, th, td { display: block; width: auto; } \
  thead { display: none; } td { border: 0; padding: .1rem 0; } tr { padding: .4rem 0; border-bottom: 1px solid #ccc; } \
  td.amount { text-align: left; width: auto; } td[data-label]::before { content: attr(data-label) ' : '; font-weight: 600; } }\
@media print { main { max-width: none; padding: 0; } a { color: inherit; } }";

fn fact(out: &mut String, term: &str, value: &str) {
    out.push_str(&format!(
        "<dt>{}</dt><dd>{}</dd>",
        escape(term),
        escape(value)
    ));
}

fn cell(label: &str, value: &str, class: &str) -> String {
    let class = if class.is_empty() {
        String::new()
    } else {
        format!(" class=\"{class}\"")
    };
    format!(
        "<td{class} data-label=\"{}\">{}</td>",
        escape(label),
        escape(value)
    )
}

/// What the answer to an exchange was, in words.
fn answer(event: &Event) -> String {
    let mut text = event.answer.label(FR).to_string();
    if event.answer.answered() && event.answered_on.is_some() {
        text.push_str(&format!(" le {}", format_date(event.answer_day(), FR)));
    }
    if !event.answer_text.trim().is_empty() {
        text.push_str(&format!(" : {}", event.answer_text.trim()));
    }
    if event.answer == Answer::Awaited {
        if let Some(by) = event.answer_by {
            text.push_str(&format!(" (attendue avant le {})", format_date(by, FR)));
        }
    }
    text
}

/// The dossier of `case` on `today`, for `whom`, signed by `sender`.
pub fn dossier_html(case: &Case, sender: &Sender, whom: DossierFor, today: NaiveDate) -> String {
    let case = &case.as_of(today);
    let operator = case
        .operator
        .map(|o| o.name())
        .unwrap_or("opérateur non précisé");
    let advice = advise(case, today);
    let dates = deadlines(case, today);
    let mut out = String::new();
    out.push_str("<!doctype html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\">");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    out.push_str(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
    );
    out.push_str(&format!(
        "<title>Dossier de litige — {} — {}</title>",
        escape(operator),
        escape(&case.title)
    ));
    out.push_str(&format!("<style>{STYLE}</style></head><body><main>"));

    // Who, about what, for whom.
    out.push_str(&format!(
        "<header><h1>Dossier de litige avec {}</h1><p><strong>{}</strong></p>",
        escape(operator),
        escape(&case.title)
    ));
    let who = if sender.name.trim().is_empty() {
        String::new()
    } else {
        format!(" par {}", escape(sender.name.trim()))
    };
    out.push_str(&format!(
        "<p class=\"muted\">Dossier préparé le {}{who}, pour {}.</p></header>",
        format_date(today, FR),
        whom.recipient()
    ));

    out.push_str("<section><h2>En bref</h2><dl class=\"facts\">");
    if !sender.name.trim().is_empty() {
        fact(&mut out, "Client", sender.name.trim());
    }
    if !sender.address.trim().is_empty() {
        fact(
            &mut out,
            "Adresse",
            &sender.address.trim().replace('\n', ", "),
        );
    }
    for (term, value) in [("E-mail", &sender.email), ("Téléphone", &sender.phone)] {
        if !value.trim().is_empty() {
            fact(&mut out, term, value.trim());
        }
    }
    fact(&mut out, "Opérateur", operator);
    if let Some(customer) = &case.customer_id {
        fact(&mut out, "N° client", customer);
    }
    if let Some(line) = &case.line_number {
        fact(&mut out, "Ligne concernée", line);
    }
    fact(
        &mut out,
        "Litige ouvert le",
        &format_date(case.opened_on, FR),
    );
    fact(
        &mut out,
        "Montant contesté",
        &format_amount(case.disputed, FR),
    );
    if case.recovered > rust_decimal::Decimal::ZERO {
        fact(&mut out, "Déjà obtenu", &format_amount(case.recovered, FR));
        fact(
            &mut out,
            "Reste dû",
            &format_amount(case.disputed.minus(case.recovered), FR),
        );
    }
    if case.before_court {
        fact(
            &mut out,
            "Procédure",
            "le litige est déjà devant un tribunal ou un autre médiateur",
        );
    }
    out.push_str("</dl>");
    out.push_str(&format!(
        "<p class=\"next\"><strong>Où en est le litige : </strong>{}</p></section>",
        escape(&advice.next.describe(FR))
    ));

    // The lines disputed, as read on the bills.
    out.push_str("<section><h2>Montants contestés</h2>");
    if case.lines.is_empty() {
        out.push_str(&format!(
            "<p>Montant contesté : {} (le détail figure sur les factures jointes).</p>",
            format_amount(case.disputed, FR)
        ));
    } else {
        out.push_str(
            "<p class=\"muted\">Lignes telles qu'elles figurent sur les factures (lues par l'application Contestel, vérifiées et au besoin corrigées par le client).</p>",
        );
        out.push_str("<table><thead><tr><th>Facture</th><th>Ligne de la facture</th><th class=\"amount\">Montant</th><th>Motif de la contestation</th><th>Payé le</th></tr></thead><tbody>");
        for line in &case.lines {
            let invoice = match (&line.invoice_number, line.bill_date) {
                (Some(n), Some(d)) => format!("n° {n} du {}", format_date(d, FR)),
                (Some(n), None) => format!("n° {n}"),
                (None, Some(d)) => format!("du {}", format_date(d, FR)),
                (None, None) => "—".into(),
            };
            let mut reason = line
                .reason
                .map(|r| r.label(FR).to_string())
                .unwrap_or_else(|| "motif du client".into());
            if !line.note.trim().is_empty() {
                reason.push_str(&format!(" — {}", line.note.trim()));
            }
            let paid = case
                .paid_on(line)
                .map(|d| format_date(d, FR))
                .unwrap_or_else(|| "—".into());
            out.push_str("<tr>");
            out.push_str(&cell("Facture", &invoice, ""));
            out.push_str(&cell("Ligne", &line.label, ""));
            out.push_str(&cell("Montant", &format_amount(line.amount, FR), "amount"));
            out.push_str(&cell("Motif", &reason, ""));
            out.push_str(&cell("Payé le", &paid, ""));
            out.push_str("</tr>");
        }
        out.push_str(&format!(
            "</tbody></table><p><strong>Total contesté : {}</strong></p>",
            format_amount(case.disputed, FR)
        ));
    }
    out.push_str("</section>");

    // Every exchange, in order.
    out.push_str("<section><h2>Démarches et échanges</h2>");
    let timeline = case.timeline();
    if timeline.is_empty() {
        out.push_str("<p>Aucun échange enregistré.</p>");
    } else {
        out.push_str("<ol class=\"events\">");
        for event in &timeline {
            let mut head = format!(
                "{} — {}",
                format_date(event.date, FR),
                event.stage.label(FR)
            );
            if event.milestone.is_some() {
                head.push_str(&format!(
                    " ({})",
                    super::case::Milestone::label(event.milestone, FR)
                ));
            }
            out.push_str(&format!(
                "<li><strong>{}</strong>, {}",
                escape(&head),
                escape(event.channel.label(FR))
            ));
            if !event.counterpart.trim().is_empty() {
                out.push_str(&format!(", avec {}", escape(event.counterpart.trim())));
            }
            if !event.reference.trim().is_empty() {
                out.push_str(&format!(", réf. {}", escape(event.reference.trim())));
            }
            out.push_str("<br>");
            if !event.said.trim().is_empty() {
                out.push_str(&format!("Demande : {}<br>", escape(event.said.trim())));
            }
            out.push_str(&format!("Réponse : {}</li>", escape(&answer(event))));
        }
        out.push_str("</ol>");
    }
    let written: Vec<&&Event> = timeline.iter().filter(|e| e.channel.is_written()).collect();
    if !written.is_empty() {
        out.push_str("<h2>Écrits envoyés (copies jointes)</h2><ul class=\"plain\">");
        for event in written {
            let mut item = format!(
                "{} — {} ({})",
                format_date(event.date, FR),
                event.stage.label(FR),
                event.channel.label(FR)
            );
            if !event.reference.trim().is_empty() {
                item.push_str(&format!(", réf. {}", event.reference.trim()));
            }
            out.push_str(&format!("<li>{}</li>", escape(&item)));
        }
        out.push_str("</ul>");
    }
    out.push_str("</section>");

    // Deadlines, with the texts they rest on.
    let mut cited: Vec<Legal> = advice.next.sources().to_vec();
    if !dates.is_empty() || !advice.warnings.is_empty() {
        out.push_str("<section><h2>Délais et points d'attention</h2><ul class=\"plain\">");
        for d in &dates {
            out.push_str(&format!(
                "<li>{} <span class=\"muted\">({})</span></li>",
                escape(&d.describe(FR)),
                escape(
                    &d.kind
                        .sources()
                        .iter()
                        .map(|l| l.short())
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            ));
            cited.extend(d.kind.sources());
        }
        for w in &advice.warnings {
            out.push_str(&format!("<li>{}</li>", escape(&w.describe(FR))));
            cited.extend(w.sources());
        }
        out.push_str("</ul></section>");
    }

    // The texts cited, with their links and how they were checked.
    cited.sort();
    cited.dedup();
    if !cited.is_empty() {
        out.push_str("<section><h2>Textes cités</h2><ol class=\"texts\">");
        for legal in cited {
            let check = legal.check();
            let how = match (check.read, check.on(), check.unverified) {
                (Some(_), Some(on), None) => {
                    format!("vérifié à la source le {}", format_date(on, FR))
                }
                (Some(_), Some(on), Some(_)) => {
                    format!("vérifié en partie à la source le {}", format_date(on, FR))
                }
                _ => "non vérifié à la source par Contestel".to_string(),
            };
            out.push_str(&format!(
                "<li><strong>{}</strong> — {} <span class=\"muted\">({how}) {}</span></li>",
                escape(legal.citation()),
                escape(legal.summary(FR)),
                escape(legal.url())
            ));
        }
        out.push_str("</ol></section>");
    }
    out.push_str(
        "<footer>Dossier préparé avec Contestel, sur l'appareil du client : rien n'en a été envoyé à un tiers. Il rassemble des informations et ne constitue pas un avis juridique.</footer>",
    );
    out.push_str("</main></body></html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::super::case::{Channel, Milestone};
    use super::super::ladder::Stage;
    use super::super::letters::tests::sample_case;
    use super::super::tests::{complaint, day, event, mediator};
    use super::*;

    fn sender() -> Sender {
        Sender {
            name: "Camille Martin".into(),
            address: "12 rue des Lilas\n69003 Lyon".into(),
            email: "camille@example.org".into(),
            phone: String::new(),
        }
    }

    #[test]
    fn the_dossier_holds_the_lines_every_exchange_the_deadlines_and_the_texts() {
        let mut case = sample_case();
        let mut letter = complaint("2026-11-28", Answer::Unsatisfactory);
        letter.reference = "1A 234 567 8901 2".into();
        letter.answered_on = Some(day("2026-12-05"));
        letter.answer_text = "L'option a été souscrite en boutique.".into();
        let mut call = event(
            "2026-11-20",
            Stage::CustomerService,
            Channel::Phone,
            Answer::Unsatisfactory,
        );
        call.reference = "TK-88123".into();
        call.said = "Demande d'explication".into();
        case.events.extend([call, letter]);
        for line in &mut case.lines {
            line.paid_on = Some(day("2026-11-18"));
        }
        let html = dossier_html(&case, &sender(), DossierFor::Association, day("2026-12-20"));
        for must in [
            "<html lang=\"fr\">",
            "Dossier de litige avec Orange",
            "Camille Martin",
            "12 rue des Lilas, 69003 Lyon",
            "Option Sécurité Mobile",
            "3,00\u{a0}€",
            "Total contesté : 6,36\u{a0}€",
            "20/11/2026 — Service client</strong>, Téléphone, réf. TK-88123",
            "Demande d&#39;explication",
            "28/11/2026 — Réclamation écrite",
            "1A 234 567 8901 2",
            "L&#39;option a été souscrite en boutique.",
            "Écrits envoyés",
            "Dernier jour pour réclamer le remboursement",
            "Textes cités",
            "Code des postes et des communications électroniques, art. L34-2",
            "non vérifié à la source par Contestel",
            "https://",
            "pour une association de consommateurs",
            "@page",
            "counter(page)",
        ] {
            assert!(html.contains(must), "missing {must:?} in:\n{html}");
        }
        // Nothing runs and nothing is fetched: no script, no external resource.
        for never in ["<script", "javascript:", "src=", "<link", "@import", "url("] {
            assert!(!html.contains(never), "{never} in the dossier");
        }
        // For the Médiateur, the same file addressed to it.
        let for_mediator = dossier_html(&case, &sender(), DossierFor::Mediator, day("2026-12-20"));
        assert!(for_mediator.contains("pour le Médiateur des communications électroniques"));
    }

    #[test]
    fn what_the_person_typed_cannot_become_markup() {
        let mut case = sample_case();
        case.title = "<script>alert(1)</script>".into();
        case.lines[0].label = "<img src=x onerror=alert(1)>".into();
        case.lines[0].note = "\"><b>gras</b>".into();
        let mut e = mediator("2027-01-10", Some(Milestone::Rejected), Answer::Awaited);
        e.counterpart = "</li></ol><script>x</script>".into();
        e.said = "<style>body{display:none}</style>".into();
        case.events.push(e);
        let evil = Sender {
            name: "<iframe src=//evil>".into(),
            ..sender()
        };
        let html = dossier_html(&case, &evil, DossierFor::Association, day("2027-02-01"));
        for never in ["<script", "<img", "<iframe", "<b>", "<style>body"] {
            assert!(!html.contains(never), "{never} in:\n{html}");
        }
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        // The structure stays whole: as many list items opened as closed.
        assert_eq!(html.matches("<li>").count(), html.matches("</li>").count());
        assert_eq!(
            html.matches("<section>").count(),
            html.matches("</section>").count()
        );
    }

    #[test]
    fn a_case_without_lines_or_exchanges_still_makes_a_dossier() {
        let mut case = sample_case();
        case.lines.clear();
        case.events.clear();
        let html = dossier_html(
            &case,
            &Sender::default(),
            DossierFor::Association,
            day("2026-12-01"),
        );
        assert!(html.contains("Aucun échange enregistré."));
        assert!(html.contains("le détail figure sur les factures jointes"));
        assert!(!html.contains("<dt>Client</dt>"));
        assert_eq!(
            file_name(&case, day("2026-12-01")),
            format!("contestel-dossier-{}-2026-12-01.html", case.id)
        );
    }
}
