//! The correction of a bill's header: operator, invoice number, issue date, period and
//! amount due. Each field changed is one correction; dates are typed day first.

use yew::prelude::*;

use super::corrections::UseCorrections;
use super::date_field::DateField;
use super::forms::event_value;
use super::use_lang;
use crate::core::bill::{Bill, Operator, Period};
use crate::core::corrections::{Applied, Change, HeaderFix};
use crate::core::dates::{parse_typed_date, typed_date};
use crate::core::i18n::Text;
use crate::core::money::typed_amount;

/// Props of [`HeaderForm`].
#[derive(Properties, PartialEq)]
pub struct HeaderFormProps {
    /// The bill as read.
    pub read: Bill,
    /// The bill corrected.
    pub applied: Applied,
    /// Closes the form.
    pub onclose: Callback<()>,
}

#[derive(Clone, Default, PartialEq)]
struct Draft {
    operator: String,
    invoice: String,
    issued: String,
    start: String,
    end: String,
    total: String,
}

/// The header's fields, or the first wrong one: `(field, message)`.
fn fixes(
    draft: &Draft,
    lang: crate::core::i18n::Lang,
) -> Result<Vec<HeaderFix>, (&'static str, String)> {
    let date = |field: &'static str, text: &str| {
        parse_typed_date(text).map_err(|e| (field, e.message(lang).to_string()))
    };
    let operator = Operator::ALL
        .iter()
        .copied()
        .find(|o| o.name() == draft.operator);
    let invoice = Some(draft.invoice.trim().to_string()).filter(|n| !n.is_empty());
    let issued = date("issued", &draft.issued)?;
    let period = match (date("start", &draft.start)?, date("end", &draft.end)?) {
        (None, None) => None,
        (Some(start), Some(end)) => Some(Period { start, end }),
        (None, Some(_)) => return Err(("start", Text::PeriodBothEnds.get(lang).to_string())),
        (Some(_), None) => return Err(("end", Text::PeriodBothEnds.get(lang).to_string())),
    };
    let total = match draft.total.trim() {
        "" => None,
        text => {
            Some(typed_amount(text, false).map_err(|e| ("total", e.message(lang).to_string()))?)
        }
    };
    let all = vec![
        HeaderFix::Operator(operator),
        HeaderFix::InvoiceNumber(invoice),
        HeaderFix::IssueDate(issued),
        HeaderFix::Period(period),
        HeaderFix::Total(total),
    ];
    for fix in &all {
        let field = match fix {
            HeaderFix::Period(_) => "end",
            HeaderFix::Total(_) => "total",
            HeaderFix::InvoiceNumber(_) => "invoice",
            _ => "issued",
        };
        Change::Header { fix: fix.clone() }
            .validate()
            .map_err(|e| (field, e.message(lang).to_string()))?;
    }
    Ok(all)
}

/// The header's correction form.
#[function_component(HeaderForm)]
pub fn header_form(props: &HeaderFormProps) -> Html {
    let lang = use_lang();
    let corrections = use_context::<UseCorrections>();
    let bill = &props.applied.bill;
    let draft = use_state(|| Draft {
        operator: bill
            .operator
            .map(|o| o.name().to_string())
            .unwrap_or_default(),
        invoice: bill.invoice_number.clone().unwrap_or_default(),
        issued: bill.issue_date.map(typed_date).unwrap_or_default(),
        start: bill.period.map(|p| typed_date(p.start)).unwrap_or_default(),
        end: bill.period.map(|p| typed_date(p.end)).unwrap_or_default(),
        total: bill
            .total
            .map(crate::core::money::typed_text)
            .unwrap_or_default(),
    });
    let wrong = use_state(|| None::<(&'static str, String)>);
    let Some(corrections) = corrections else {
        return html! {};
    };
    let set = |get: fn(&mut Draft) -> &mut String| {
        let draft = draft.clone();
        Callback::from(move |text: String| {
            let mut next = (*draft).clone();
            *get(&mut next) = text;
            draft.set(next);
        })
    };
    let typed =
        |get: fn(&mut Draft) -> &mut String| set(get).reform(|e: InputEvent| event_value(&e));
    let onselect = set(|d| &mut d.operator).reform(|e: Event| event_value(&e));
    let onsubmit = {
        let draft = draft.clone();
        let wrong = wrong.clone();
        let read = props.read.clone();
        let current = props.applied.bill.clone();
        let onclose = props.onclose.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match fixes(&draft, lang) {
                Ok(all) => {
                    for fix in all {
                        // Only what changed is a correction.
                        let mut probe = current.clone();
                        let before = probe.clone();
                        match &fix {
                            HeaderFix::Operator(v) => probe.operator = *v,
                            HeaderFix::InvoiceNumber(v) => probe.invoice_number = v.clone(),
                            HeaderFix::IssueDate(v) => probe.issue_date = *v,
                            HeaderFix::Period(v) => probe.period = *v,
                            HeaderFix::Total(v) => probe.total = *v,
                        }
                        if probe != before {
                            corrections.add(&read, Change::Header { fix });
                        }
                    }
                    wrong.set(None);
                    onclose.emit(());
                }
                Err(field) => wrong.set(Some(field)),
            }
        })
    };
    let error = |field: &str| {
        wrong
            .as_ref()
            .filter(|(f, _)| *f == field)
            .map(|(_, m)| AttrValue::from(m.clone()))
    };
    let oncancel = props.onclose.reform(|_: MouseEvent| ());
    html! {
        <form class="header-form" {onsubmit} novalidate=true>
            <div class="form-grid">
                <label>{ Text::OperatorLabel.get(lang) }
                    <select id="fix-operator" onchange={onselect}>
                        <option value="" selected={draft.operator.is_empty()}>{ Text::UnknownOperator.get(lang) }</option>
                        { for Operator::ALL.iter().map(|o| html! {
                            <option value={o.name()} selected={draft.operator == o.name()}>{ o.name() }</option>
                        }) }
                    </select>
                </label>
                <label>{ Text::InvoiceNumber.get(lang) }
                    <input id="fix-invoice" type="text" value={draft.invoice.clone()} oninput={typed(|d| &mut d.invoice)}
                        aria-invalid={error("invoice").is_some().then_some("true")} />
                    if let Some(message) = error("invoice") { <span class="field-error">{ message }</span> }
                </label>
                <DateField id="fix-issued" label={Text::IssueDate.get(lang)} value={draft.issued.clone()}
                    oninput={set(|d| &mut d.issued)} error={error("issued")} />
                <DateField id="fix-start" label={Text::PeriodStart.get(lang)} value={draft.start.clone()}
                    oninput={set(|d| &mut d.start)} error={error("start")} />
                <DateField id="fix-end" label={Text::PeriodEnd.get(lang)} value={draft.end.clone()}
                    oninput={set(|d| &mut d.end)} error={error("end")} />
                <label>{ Text::TotalDue.get(lang) }
                    <input id="fix-total" type="text" inputmode="decimal" value={draft.total.clone()} oninput={typed(|d| &mut d.total)}
                        aria-invalid={error("total").is_some().then_some("true")} />
                    if let Some(message) = error("total") { <span class="field-error">{ message }</span> }
                </label>
            </div>
            <div class="actions">
                <button type="submit" class="button primary small" id="save-header">{ Text::SaveCorrection.get(lang) }</button>
                <button type="button" class="button small quiet" onclick={oncancel}>{ Text::Cancel.get(lang) }</button>
            </div>
        </form>
    }
}
