//! A read bill: its header fields, its charges by section, its usage and its text; on
//! the bill's own page, each of them corrected in place (marked "corrigé par vous").

use yew::prelude::*;

use super::corrections::UseCorrections;
use super::header_form::HeaderForm;
use super::journal::UseJournal;
use super::line_editor::LineEditor;
use super::timeline::operator_name;
use super::{use_lang, View};
use crate::core::bill::{Bill, BillLine, BillWarning};
use crate::core::corrections::{Applied, HeaderField, LineRef, Origin, Target};
use crate::core::dates::format_date;
use crate::core::finding::{RuleId, Severity};
use crate::core::i18n::{Lang, Text};
use crate::core::money::format_amount;
use crate::core::reader::Reading;

/// Props of [`BillView`].
#[derive(Properties, PartialEq)]
pub struct BillViewProps {
    /// The day the contract was made, when the plan of the bill's line says it: a case
    /// opened from a line starts with it.
    #[prop_or_default]
    pub contract_start: Option<chrono::NaiveDate>,
    /// What reading the file gave (the bill shown is the corrected one when `applied`).
    pub reading: Reading,
    /// What the rules found on its lines: (line index, severity, rule).
    #[prop_or_default]
    pub flags: Vec<(usize, Severity, RuleId)>,
    /// The person's corrections applied to the reading: the bill shown, and what they
    /// corrected.
    #[prop_or_default]
    pub applied: Option<Applied>,
    /// The bill as read, when it may be corrected here.
    #[prop_or_default]
    pub read: Option<Bill>,
    /// Shows a line (or, with `None`, the rows of the bill) on its page.
    #[prop_or_default]
    pub onwhere: Callback<Option<usize>>,
    /// Whether the view says « Lecture à vérifier » itself; the bill's own page says it
    /// first thing, above its findings.
    #[prop_or(true)]
    pub reading_check: bool,
}

/// The icon of a severity: shown with its word, never colour alone; all three are in the
/// fonts most systems have (DejaVu), unlike an emoji that shows as an empty box without one.
pub fn severity_icon(severity: Severity) -> &'static str {
    match severity {
        Severity::Alert => "✖",
        Severity::Warning => "⚠",
        Severity::Info => "ℹ",
    }
}

/// The CSS class of a severity.
pub fn severity_class(severity: Severity) -> &'static str {
    match severity {
        Severity::Alert => "alert",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

/// « Lecture à vérifier »: the bill's charges do not add up to its amount due, both
/// figures, and what follows from it; then `fix`, the likeliest correction when there is
/// one; with `onhelp`, the way to make it add up. Nothing when the bill adds up.
pub fn reading_check(
    bill: &Bill,
    lang: Lang,
    fix: Html,
    onhelp: Option<Callback<MouseEvent>>,
) -> Html {
    if bill.lines.is_empty() || bill.reconciles() {
        return html! {};
    }
    html! {
        <div class="reading-check" role="note">
            <h3><span aria-hidden="true">{ "⚠ " }</span>{ Text::ReadingToCheck.get(lang) }</h3>
            <p>{ bill.reading_to_check(lang) }</p>
            { fix }
            if let Some(onclick) = onhelp {
                <p><button type="button" class="button small" id="help-add-up" {onclick}>{ Text::HelpAddUp.get(lang) }</button></p>
            }
        </div>
    }
}

/// The mark of what the person corrected: words, never colour alone.
pub fn corrected_flag(lang: Lang) -> Html {
    html! { <span class="flag corrected">{ Text::CorrectedByYou.get(lang) }</span> }
}

fn field(label: &str, value: Option<String>, corrected: bool, lang: Lang) -> Html {
    match value {
        Some(value) => html! {
            <div class={classes!("field", corrected.then_some("corrected"))}>
                <dt>{ label }</dt>
                <dd>{ value }if corrected { { corrected_flag(lang) } }</dd>
            </div>
        },
        None => html! {},
    }
}

fn header_fields(bill: &Bill, corrected: &[HeaderField], lang: Lang) -> Html {
    let fixed = |f: HeaderField| corrected.contains(&f);
    let operator = Some(operator_name(bill, lang).to_string());
    let period = bill.period.map(|p| {
        format!(
            "{} → {}",
            format_date(p.start, lang),
            format_date(p.end, lang)
        )
    });
    let lines = (!bill.line_numbers.is_empty()).then(|| bill.line_numbers.join(", "));
    html! {
        <dl class="bill-fields">
            { field(Text::OperatorLabel.get(lang), operator, fixed(HeaderField::Operator), lang) }
            { field(Text::InvoiceNumber.get(lang), bill.invoice_number.clone(), fixed(HeaderField::InvoiceNumber), lang) }
            { field(Text::IssueDate.get(lang), bill.issue_date.map(|d| format_date(d, lang)), fixed(HeaderField::IssueDate), lang) }
            { field(Text::PeriodLabel.get(lang), period, fixed(HeaderField::Period), lang) }
            { field(Text::DueDate.get(lang), bill.due_date.map(|d| format_date(d, lang)), false, lang) }
            { field(Text::CustomerId.get(lang), bill.customer_id.clone(), false, lang) }
            { field(Text::LineNumbers.get(lang), lines, false, lang) }
            { field(Text::TotalDue.get(lang), bill.total.map(|t| format_amount(t, lang)), fixed(HeaderField::Total), lang) }
        </dl>
    }
}

/// Charges (with their index in the bill) grouped by their printed section, in the order
/// the sections first appear.
fn sections(lines: &[BillLine]) -> Vec<(&str, Vec<(usize, &BillLine)>)> {
    let mut groups: Vec<(&str, Vec<(usize, &BillLine)>)> = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        match groups.iter_mut().find(|(name, _)| *name == line.section) {
            Some((_, members)) => members.push((index, line)),
            None => groups.push((&line.section, vec![(index, line)])),
        }
    }
    groups
}

/// What the charges table needs beyond the bill: the flags, and when the bill may be
/// corrected here, the corrections and the line being corrected.
struct Rows<'a> {
    flags: &'a [(usize, Severity, RuleId)],
    origins: &'a [Origin],
    editing: Option<&'a UseStateHandle<Option<usize>>>,
    editor: &'a dyn Fn(usize) -> Html,
}

fn charges(bill: &Bill, lang: Lang, oncontest: &Callback<usize>, rows: Rows) -> Html {
    let unsure = !bill.reconciles();
    if bill.lines.is_empty() {
        return html! { <p class="muted">{ Text::NoCharges.get(lang) }</p> };
    }
    html! {
        <table class="charges">
            <caption class="visually-hidden">{ Text::Charges.get(lang) }</caption>
            <thead>
                <tr>
                    <th scope="col">{ Text::LabelColumn.get(lang) }</th>
                    <th scope="col">{ Text::CategoryColumn.get(lang) }</th>
                    <th scope="col" class="amount">{ Text::AmountColumn.get(lang) }</th>
                    <th scope="col"><span class="visually-hidden">{ Text::Contest.get(lang) }</span></th>
                </tr>
            </thead>
            { for sections(&bill.lines).into_iter().map(|(section, members)| html! {
                <tbody>
                    <tr class="section-row"><th scope="rowgroup" colspan="4">
                        { if section.is_empty() { Text::AddedByYou.get(lang) } else { section } }
                    </th></tr>
                    { for members.into_iter().map(|(index, line)| {
                        let onclick = oncontest.reform(move |_: MouseEvent| index);
                        // The most serious flag first (Alert < Warning < Info).
                        let mut mine: Vec<&(usize, Severity, RuleId)> = rows.flags.iter().filter(|f| f.0 == index).collect();
                        mine.sort_by_key(|f| f.1);
                        let flag = mine.first().map(|f| (f.1, f.2));
                        let corrected = rows.origins.get(index).is_some_and(Origin::corrected);
                        let open = rows.editing.is_some_and(|e| **e == Some(index));
                        let onedit = rows.editing.map(|editing| {
                            let editing = editing.clone();
                            Callback::from(move |_: MouseEvent| {
                                editing.set(if *editing == Some(index) { None } else { Some(index) })
                            })
                        });
                        html! {
                            <>
                            <tr class={classes!("charge", flag.map(|(s, _)| severity_class(s)), corrected.then_some("corrected"))}>
                                <td>
                                    { &line.label }
                                    if corrected { { corrected_flag(lang) } }
                                    if let Some((severity, rule)) = flag {
                                        <span class={classes!("flag", severity_class(severity))}>
                                            <span aria-hidden="true">{ severity_icon(severity) }</span>
                                            { format!(" {} · {}", severity.label(lang), rule.label(lang)) }
                                        </span>
                                    }
                                    if unsure {
                                        <span class="flag to-check">{ Text::LineToCheck.get(lang) }</span>
                                    }
                                </td>
                                <td class="category">{ line.category.label(lang) }</td>
                                <td class="amount">{ format_amount(line.amount, lang) }</td>
                                <td class="row-action">
                                    if let Some(onedit) = onedit {
                                        <button type="button" class="button small quiet correct-line" onclick={onedit}
                                            aria-expanded={open.to_string()}
                                            aria-label={format!("{} {}", Text::CorrectLine.get(lang), line.label)}>
                                            { Text::CorrectLine.get(lang) }
                                        </button>
                                    }
                                    if !line.amount.is_sign_negative() {
                                        <button type="button" class="button small quiet contest" {onclick}
                                            aria-label={format!("{} {}", Text::ContestLine.get(lang), line.label)}>
                                            { Text::Contest.get(lang) }
                                        </button>
                                    }
                                </td>
                            </tr>
                            if open {
                                <tr class="editor-row"><td colspan="4">{ (rows.editor)(index) }</td></tr>
                            }
                            </>
                        }
                    }) }
                </tbody>
            }) }
        </table>
    }
}

/// The read bill.
#[function_component(BillView)]
pub fn bill_view(props: &BillViewProps) -> Html {
    let lang = use_lang();
    let journal = use_context::<UseJournal>();
    let corrections = use_context::<UseCorrections>();
    let navigate = use_context::<Callback<View>>().unwrap_or_default();
    let editing = use_state(|| None::<usize>);
    let header_open = use_state(|| false);
    let bill = props
        .applied
        .as_ref()
        .map_or(&props.reading.bill, |a| &a.bill);
    let oncontest = {
        let bill = bill.clone();
        let start = props.contract_start;
        Callback::from(move |index: usize| {
            if let Some(journal) = &journal {
                if let Some(id) = journal.contest(&bill, &[index], None, lang, start) {
                    navigate.emit(View::Case { id });
                }
            }
        })
    };
    // Corrections are made on the bill's own page, never in the list of files.
    let editable = match (&props.read, &props.applied, &corrections) {
        (Some(read), Some(applied), Some(_)) => Some((read, applied)),
        _ => None,
    };
    let close = {
        let editing = editing.clone();
        Callback::from(move |_: ()| editing.set(None))
    };
    let editor = |line: usize| match editable {
        Some((read, applied)) => html! {
            <LineEditor read={read.clone()} applied={applied.clone()} {line}
                onclose={close.clone()} onwhere={props.onwhere.reform(Some)} />
        },
        None => html! {},
    };
    let origins: &[Origin] = props.applied.as_ref().map_or(&[], |a| a.origins.as_slice());
    let header: &[HeaderField] = props.applied.as_ref().map_or(&[], |a| a.header.as_slice());
    // A bill that does not add up says so once, in its own note: the mismatch is not
    // repeated among the other warnings.
    let unsure = !bill.lines.is_empty() && !bill.reconciles();
    let other_warnings: Vec<&BillWarning> = bill
        .warnings
        .iter()
        .filter(|w| {
            !(unsure && matches!(w, BillWarning::TotalMismatch { .. } | BillWarning::NoTotal))
        })
        .collect();
    let onhelp = props.onwhere.reform(|_: MouseEvent| None);
    let ontoggle_header = {
        let header_open = header_open.clone();
        Callback::from(move |_: MouseEvent| header_open.set(!*header_open))
    };
    let close_header = {
        let header_open = header_open.clone();
        Callback::from(move |_: ()| header_open.set(false))
    };
    // The lines the person said are not charges, each with the way back.
    let removed: Vec<(usize, &BillLine)> = match (&props.read, &props.applied) {
        (Some(read), Some(applied)) => applied
            .removed
            .iter()
            .filter_map(|&i| read.lines.get(i).map(|l| (i, l)))
            .collect(),
        _ => Vec::new(),
    };
    html! {
        <div class="bill">
            { header_fields(bill, header, lang) }
            if let Some((read, applied)) = editable {
                <div class="actions">
                    <button type="button" class="button small" id="correct-header" onclick={ontoggle_header}
                        aria-expanded={header_open.to_string()}>{ Text::CorrectHeader.get(lang) }</button>
                </div>
                if *header_open {
                    <HeaderForm read={read.clone()} applied={applied.clone()} onclose={close_header} />
                }
            }
            if props.reading_check {
                { reading_check(bill, lang, html! {}, editable.map(|_| onhelp)) }
            }
            if !other_warnings.is_empty() {
                <div class="warnings" role="note">
                    <h3>{ Text::Warnings.get(lang) }</h3>
                    <ul>{ for other_warnings.iter().map(|w| html! { <li>{ w.message(lang) }</li> }) }</ul>
                </div>
            }
            <h3>{ Text::Charges.get(lang) }</h3>
            { charges(bill, lang, &oncontest, Rows {
                flags: &props.flags,
                origins,
                editing: editable.map(|_| &editing),
                editor: &editor,
            }) }
            if !removed.is_empty() {
                <div class="removed-lines">
                    <h4>{ Text::RemovedByYou.get(lang) }</h4>
                    <ul>
                        { for removed.iter().map(|(i, line)| {
                            let onclick = match (&props.read, &corrections) {
                                (Some(read), Some(corrections)) => {
                                    let (read, corrections) = (read.clone(), corrections.clone());
                                    let target = LineRef::of(&read, *i).map(Target::Line);
                                    Callback::from(move |_: MouseEvent| {
                                        if let Some(target) = target.clone() {
                                            corrections.revert(&read, target);
                                        }
                                    })
                                }
                                _ => Callback::noop(),
                            };
                            html! {
                                <li>
                                    <s>{ &line.label }</s>{ " " }<span class="amount">{ format_amount(line.amount, lang) }</span>{ " " }
                                    <button type="button" class="button small quiet restore-line" {onclick}
                                        aria-label={format!("{}{}{}", Text::UndoCorrection.get(lang), lang.colon(), line.label)}>
                                        { Text::UndoCorrection.get(lang) }
                                    </button>
                                </li>
                            }
                        }) }
                    </ul>
                </div>
            }
            if !bill.usage_summary.is_empty() {
                <details class="usage usage-summary">
                    <summary>{ format!("{} ({})", Text::UsageSummary.get(lang), bill.usage_summary.len()) }</summary>
                    <table class="usage-table">
                        <tbody>
                            { for bill.usage_summary.iter().map(|u| html! {
                                <tr>
                                    <td>{ &u.label }</td>
                                    <td class="amount">{ &u.quantity }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </details>
            }
            if !bill.usage.is_empty() {
                <details class="usage">
                    <summary>{ format!("{} ({})", Text::UsageRecords.get(lang), bill.usage.len()) }</summary>
                    <table class="usage-table">
                        <tbody>
                            { for bill.usage.iter().map(|u| html! {
                                <tr>
                                    <td>{ format_date(u.date, lang) }</td>
                                    <td>{ u.time.clone().unwrap_or_default() }</td>
                                    <td>{ &u.kind }</td>
                                    <td>{ &u.destination }</td>
                                    <td class="amount">{ format_amount(u.amount, lang) }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </details>
            }
            if !props.reading.pages.is_empty() {
            <details class="raw-text" open={bill.lines.is_empty()}>
                <summary>{ Text::TextRead.get(lang) }</summary>
                { for props.reading.pages.iter().map(|page| html! {
                    <section class="page-text">
                        <h4>{ format!("{} {}", Text::Page.get(lang), page.number) }</h4>
                        <ol class="text-lines">
                            { for page.rows.iter().map(|row| html! { <li>{ row.text() }</li> }) }
                        </ol>
                    </section>
                }) }
            </details>
            }
        </div>
    }
}
