//! Importing a statement: pick the file, see what was understood (format, columns, the
//! first operations and which are telecom), correct the columns, tie a recurring payee to
//! an operator, then keep the telecom operations. The file is read in the parse worker
//! (`services::reader_host`), never on the page: a hostile file stops the worker, not the
//! app. The statement lives in this component's memory until then; the parent keeps only
//! what `core::bank::telecom::keep` returns.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::forms::{event_value, key, parse_key};
use super::use_lang;
use crate::core::bank::csv::{AmountColumns, Mapping};
use crate::core::bank::stored::SavedMapping;
use crate::core::bank::telecom::{operator_of, recurring_unknown, Tie};
use crate::core::bank::text::Encoding;
use crate::core::bank::{Format, Statement, StatementError};
use crate::core::bill::Operator;
use crate::core::dates::format_date;
use crate::core::i18n::{BankText, Lang, Text};
use crate::core::money::format_amount;
use crate::services::reader_host::read_statement_in_worker;
use crate::services::statement_file::read_statement_bytes;

/// How many operations the preview shows.
const PREVIEW_ROWS: usize = 8;

/// The operators a payee can be tied to.
const OPERATORS: [Operator; 12] = [
    Operator::Orange,
    Operator::Sosh,
    Operator::Sfr,
    Operator::Red,
    Operator::Bouygues,
    Operator::BAndYou,
    Operator::Free,
    Operator::FreeMobile,
    Operator::LaPosteMobile,
    Operator::Prixtel,
    Operator::NrjMobile,
    Operator::Coriolis,
];

/// A statement read and shown, not kept yet.
#[derive(Clone)]
struct Preview {
    bytes: Rc<Vec<u8>>,
    statement: Rc<Statement>,
}

/// Props of [`BankImport`].
#[derive(Properties, PartialEq)]
pub struct BankImportProps {
    /// The mappings confirmed for each bank.
    pub mappings: Vec<SavedMapping>,
    /// The ties made.
    pub ties: Vec<Tie>,
    /// Keeps the telecom operations of the statement.
    pub onimport: Callback<Rc<Statement>>,
    /// Ties a payee's label key to an operator (or unties it).
    pub ontie: Callback<(String, Option<Operator>)>,
}

fn format_name(format: Format) -> String {
    let encoding = |e: Encoding| match e {
        Encoding::Utf8 => "UTF-8",
        Encoding::Utf16 => "UTF-16",
        Encoding::Latin1 => "ISO-8859-1",
    };
    match format {
        Format::Csv {
            delimiter,
            encoding: e,
        } => {
            let sep = match delimiter {
                '\t' => "tab".to_string(),
                c => format!("« {c} »"),
            };
            format!("CSV {sep} · {}", encoding(e))
        }
        Format::Ofx {
            version,
            encoding: e,
        } => format!("OFX {version} · {}", encoding(e)),
    }
}

/// The column picker of one role of the mapping.
fn column_select(
    id: &str,
    label: BankText,
    value: usize,
    columns: &[String],
    lang: Lang,
    onchange: Callback<usize>,
) -> Html {
    let onchange = Callback::from(move |e: Event| {
        if let Ok(n) = event_value(&e).parse::<usize>() {
            onchange.emit(n);
        }
    });
    html! {
        <div class="field">
            <label for={id.to_string()}>{ label.get(lang) }</label>
            <select id={id.to_string()} {onchange}>
                { for columns.iter().enumerate().map(|(i, name)| {
                    let shown = if name.is_empty() { format!("{} {}", BankText::ColumnNumber.get(lang), i + 1) } else { name.clone() };
                    html! { <option value={i.to_string()} selected={i == value}>{ shown }</option> }
                }) }
            </select>
        </div>
    }
}

/// The import card.
#[function_component(BankImport)]
pub fn bank_import(props: &BankImportProps) -> Html {
    let lang = use_lang();
    let preview = use_state(|| None::<Preview>);
    let error = use_state(|| None::<StatementError>);
    let busy = use_state(|| false);

    let onchange = {
        let (preview, error, busy) = (preview.clone(), error.clone(), busy.clone());
        let mappings = props.mappings.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            else {
                return;
            };
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            input.set_value("");
            let (preview, error, busy) = (preview.clone(), error.clone(), busy.clone());
            let mappings = mappings.clone();
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let read = match read_statement_bytes(file).await {
                    Ok(bytes) => match read_statement_in_worker(bytes.clone(), None).await {
                        Ok(statement) => {
                            // The mapping the person confirmed for this bank, if any.
                            let saved = statement
                                .signature
                                .as_ref()
                                .and_then(|s| mappings.iter().find(|m| m.signature == *s))
                                .map(|saved| saved.mapping.clone());
                            let statement = match saved {
                                Some(mapping) => {
                                    read_statement_in_worker(bytes.clone(), Some(mapping))
                                        .await
                                        .unwrap_or(statement)
                                }
                                None => statement,
                            };
                            Ok(Preview {
                                bytes: Rc::new(bytes),
                                statement: Rc::new(statement),
                            })
                        }
                        Err(e) => Err(e),
                    },
                    Err(e) => Err(e),
                };
                busy.set(false);
                match read {
                    Ok(p) => {
                        error.set(None);
                        preview.set(Some(p));
                    }
                    Err(e) => {
                        preview.set(None);
                        error.set(Some(e));
                    }
                }
            });
        })
    };

    let remap = {
        let (preview, error, busy) = (preview.clone(), error.clone(), busy.clone());
        Callback::from(move |mapping: Mapping| {
            let Some(current) = (*preview).clone() else {
                return;
            };
            let (preview, error, busy) = (preview.clone(), error.clone(), busy.clone());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let read = read_statement_in_worker((*current.bytes).clone(), Some(mapping)).await;
                busy.set(false);
                match read {
                    Ok(statement) => {
                        error.set(None);
                        preview.set(Some(Preview {
                            statement: Rc::new(statement),
                            ..current
                        }));
                    }
                    Err(e) => error.set(Some(e)),
                }
            });
        })
    };

    let onkeep = {
        let (preview, onimport) = (preview.clone(), props.onimport.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(p) = (*preview).clone() {
                onimport.emit(p.statement);
                preview.set(None);
            }
        })
    };
    let oncancel = {
        let preview = preview.clone();
        Callback::from(move |_: MouseEvent| preview.set(None))
    };

    let mapping_form = |statement: &Statement| -> Html {
        let Some(mapping) = statement.mapping.clone() else {
            return html! {};
        };
        let columns = &statement.columns;
        let set = |f: fn(&mut Mapping, usize)| {
            let (remap, mapping) = (remap.clone(), mapping.clone());
            Callback::from(move |n: usize| {
                let mut m = mapping.clone();
                f(&mut m, n);
                remap.emit(m);
            })
        };
        let onshape = {
            let (remap, mapping) = (remap.clone(), mapping.clone());
            Callback::from(move |e: Event| {
                let mut m = mapping.clone();
                m.amount = match (event_value(&e).as_str(), &mapping.amount) {
                    ("debit_credit", AmountColumns::Signed { column }) => {
                        AmountColumns::DebitCredit {
                            debit: *column,
                            credit: column + 1,
                        }
                    }
                    ("signed", AmountColumns::DebitCredit { debit, .. }) => {
                        AmountColumns::Signed { column: *debit }
                    }
                    _ => return,
                };
                remap.emit(m);
            })
        };
        let signed = matches!(mapping.amount, AmountColumns::Signed { .. });
        html! {
            <fieldset class="mapping">
                <legend>{ BankText::MappingHint.get(lang) }</legend>
                { column_select("map-date", BankText::DateColumnLabel, mapping.date, columns, lang, set(|m, n| m.date = n)) }
                { column_select("map-label", BankText::LabelColumnLabel, mapping.label.first().copied().unwrap_or(0), columns, lang, set(|m, n| m.label = vec![n])) }
                <div class="field">
                    <label for="map-shape">{ BankText::AmountShapeLabel.get(lang) }</label>
                    <select id="map-shape" onchange={onshape}>
                        <option value="signed" selected={signed}>{ BankText::AmountSigned.get(lang) }</option>
                        <option value="debit_credit" selected={!signed}>{ BankText::AmountDebitCredit.get(lang) }</option>
                    </select>
                </div>
                { match mapping.amount {
                    AmountColumns::Signed { column } => column_select("map-amount", BankText::AmountColumnLabel, column, columns, lang, set(|m, n| m.amount = AmountColumns::Signed { column: n })),
                    AmountColumns::DebitCredit { debit, credit } => html! {
                        <>
                            { column_select("map-debit", BankText::DebitColumnLabel, debit, columns, lang, set(|m, n| if let AmountColumns::DebitCredit { debit, .. } = &mut m.amount { *debit = n })) }
                            { column_select("map-credit", BankText::CreditColumnLabel, credit, columns, lang, set(|m, n| if let AmountColumns::DebitCredit { credit, .. } = &mut m.amount { *credit = n })) }
                        </>
                    },
                } }
            </fieldset>
        }
    };

    let ties = &props.ties;
    html! {
        <section class="bank-import" aria-labelledby="bank-import-heading">
            <h3 id="bank-import-heading" class="visually-hidden">{ BankText::ChooseStatement.get(lang) }</h3>
            <p class="muted">{ BankText::StatementHint.get(lang) }</p>
            <input id="statement-input" class="visually-hidden" type="file"
                accept=".csv,.ofx,.qfx,.txt,text/csv" {onchange} />
            <label class="button primary" for="statement-input">{ BankText::ChooseStatement.get(lang) }</label>
            if *busy {
                <p role="status">{ BankText::ReadingStatement.get(lang) }</p>
            }
            if let Some(e) = &*error {
                <p class="error" role="alert" id="statement-error">{ e.message(lang) }</p>
            }
            if let Some(p) = &*preview {
                <div class="preview" id="statement-preview">
                    <h3>{ BankText::UnderstoodHeading.get(lang) }</h3>
                    <p class="format">{ format_name(p.statement.format) }
                        { p.statement.period().map(|(a, b)| format!(" · {} – {}", format_date(a, lang), format_date(b, lang))).unwrap_or_default() }
                    </p>
                    { mapping_form(&p.statement) }
                    <h4>{ BankText::PreviewHeading.get(lang) }</h4>
                    <div class="table-scroll">
                        <table class="preview-table">
                            <thead><tr>
                                <th scope="col">{ BankText::DateColumn.get(lang) }</th>
                                <th scope="col">{ Text::LabelColumn.get(lang) }</th>
                                <th scope="col" class="amount">{ BankText::OperationAmount.get(lang) }</th>
                                <th scope="col">{ Text::OperatorLabel.get(lang) }</th>
                            </tr></thead>
                            <tbody>
                                { for p.statement.operations.iter().take(PREVIEW_ROWS).map(|o| html! {
                                    <tr>
                                        <td>{ format_date(o.date, lang) }</td>
                                        <td class="label">{ &o.label }</td>
                                        <td class="amount">{ format_amount(o.amount, lang) }</td>
                                        <td>{ operator_of(&o.label, ties).map(|(op, _)| op.name()).unwrap_or(BankText::NotTelecom.get(lang)) }</td>
                                    </tr>
                                }) }
                            </tbody>
                        </table>
                    </div>
                    { tie_form(&p.statement, ties, lang, &props.ontie) }
                    <p class="kept-note" id="kept-note">{ crate::core::i18n::bank_kept(
                        p.statement.operations.len(),
                        p.statement.operations.iter().filter(|o| !o.amount.is_zero() && operator_of(&o.label, ties).is_some()).count(),
                        lang,
                    ) }</p>
                    <div class="actions">
                        <button type="button" class="button primary" id="keep-telecom" onclick={onkeep}>{ BankText::KeepTelecom.get(lang) }</button>
                        <button type="button" class="button" onclick={oncancel}>{ Text::Cancel.get(lang) }</button>
                    </div>
                </div>
            }
        </section>
    }
}

/// The recurring debits no operator name recognises, each with an operator to tie it to.
fn tie_form(
    statement: &Statement,
    ties: &[Tie],
    lang: Lang,
    ontie: &Callback<(String, Option<Operator>)>,
) -> Html {
    let offered = recurring_unknown(&statement.operations, ties);
    if offered.is_empty() {
        return html! {};
    }
    html! {
        <div class="ties">
            <h4>{ BankText::TieHeading.get(lang) }</h4>
            <p class="muted">{ BankText::TieHint.get(lang) }</p>
            <ul>
                { for offered.into_iter().enumerate().map(|(i, (label_key, label, count))| {
                    let id = format!("tie-{i}");
                    let ontie = ontie.clone();
                    let onchange = Callback::from(move |e: Event| {
                        ontie.emit((label_key.clone(), parse_key::<Operator>(&event_value(&e))));
                    });
                    html! {
                        <li>
                            <label for={id.clone()}>{ format!("{label} ({count} {})", Text::Times.get(lang)) }</label>
                            <select {id} {onchange}>
                                <option value="" selected=true>{ BankText::TieNone.get(lang) }</option>
                                { for OPERATORS.iter().map(|op| html! { <option value={key(*op)}>{ op.name() }</option> }) }
                            </select>
                        </li>
                    }
                }) }
            </ul>
        </div>
    }
}
