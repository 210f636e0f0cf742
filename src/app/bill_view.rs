//! A read bill: its header fields, its charges by section, its usage and its text.

use yew::prelude::*;

use super::journal::UseJournal;
use super::timeline::operator_name;
use super::{use_lang, View};
use crate::core::bill::{Bill, BillLine, BillWarning};
use crate::core::finding::{RuleId, Severity};
use crate::core::i18n::{self, format_amount, format_date, Lang, Text};
use crate::core::reader::Reading;

/// Props of [`BillView`].
#[derive(Properties, PartialEq)]
pub struct BillViewProps {
    /// What reading the file gave.
    pub reading: Reading,
    /// What the rules found on its lines: (line index, severity, rule).
    #[prop_or_default]
    pub flags: Vec<(usize, Severity, RuleId)>,
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

fn field(label: &str, value: Option<String>) -> Html {
    match value {
        Some(value) => html! { <div class="field"><dt>{ label }</dt><dd>{ value }</dd></div> },
        None => html! {},
    }
}

fn header_fields(bill: &Bill, lang: Lang) -> Html {
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
            { field(Text::OperatorLabel.get(lang), operator) }
            { field(Text::InvoiceNumber.get(lang), bill.invoice_number.clone()) }
            { field(Text::IssueDate.get(lang), bill.issue_date.map(|d| format_date(d, lang))) }
            { field(Text::PeriodLabel.get(lang), period) }
            { field(Text::DueDate.get(lang), bill.due_date.map(|d| format_date(d, lang))) }
            { field(Text::CustomerId.get(lang), bill.customer_id.clone()) }
            { field(Text::LineNumbers.get(lang), lines) }
            { field(Text::TotalDue.get(lang), bill.total.map(|t| format_amount(t, lang))) }
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

fn charges(
    bill: &Bill,
    lang: Lang,
    oncontest: &Callback<usize>,
    flags: &[(usize, Severity, RuleId)],
) -> Html {
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
                    <tr class="section-row"><th scope="rowgroup" colspan="4">{ section }</th></tr>
                    { for members.into_iter().map(|(index, line)| {
                        let onclick = oncontest.reform(move |_: MouseEvent| index);
                        // The most serious flag first (Alert < Warning < Info).
                        let mut mine: Vec<&(usize, Severity, RuleId)> = flags.iter().filter(|f| f.0 == index).collect();
                        mine.sort_by_key(|f| f.1);
                        let flag = mine.first().map(|f| (f.1, f.2));
                        html! {
                            <tr class={classes!("charge", flag.map(|(s, _)| severity_class(s)))}>
                                <td>
                                    { &line.label }
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
                                    if !line.amount.is_sign_negative() {
                                        <button type="button" class="button small quiet contest" {onclick}
                                            aria-label={format!("{} {}", Text::ContestLine.get(lang), line.label)}>
                                            { Text::Contest.get(lang) }
                                        </button>
                                    }
                                </td>
                            </tr>
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
    let navigate = use_context::<Callback<View>>().unwrap_or_default();
    let bill = &props.reading.bill;
    let oncontest = {
        let bill = bill.clone();
        Callback::from(move |index: usize| {
            if let Some(journal) = &journal {
                if let Some(id) = journal.contest(&bill, &[index], None, lang) {
                    navigate.emit(View::Case { id });
                }
            }
        })
    };
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
    html! {
        <div class="bill">
            { header_fields(bill, lang) }
            if unsure {
                <div class="reading-check" role="note">
                    <h3><span aria-hidden="true">{ "⚠ " }</span>{ Text::ReadingToCheck.get(lang) }</h3>
                    <p>{ i18n::reading_to_check(bill, lang) }</p>
                </div>
            }
            if !other_warnings.is_empty() {
                <div class="warnings" role="note">
                    <h3>{ Text::Warnings.get(lang) }</h3>
                    <ul>{ for other_warnings.iter().map(|w| html! { <li>{ i18n::bill_warning(w, lang) }</li> }) }</ul>
                </div>
            }
            <h3>{ Text::Charges.get(lang) }</h3>
            { charges(bill, lang, &oncontest, &props.flags) }
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
