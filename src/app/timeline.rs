//! Every bill read, line by line: the monthly chart of each line, then its bills, newest
//! first, each with its total, what was flagged on it, and a link to it.

use rust_decimal::Decimal;
use yew::prelude::*;

use super::charts::monthly_chart;
use super::{use_lang, view_link, View};
use crate::core::bill::Bill;
use crate::core::charts::{bill_month, bill_total, format_month, line_chart, named_lines};
use crate::core::dates::format_date;
use crate::core::i18n::{Lang, Text};
use crate::core::money::format_amount;
use crate::core::uploads::bill_key;

/// Props of [`Timeline`].
#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    /// The bills read, oldest upload first.
    pub bills: Vec<Bill>,
    /// The amount at stake per bill, in the same order.
    pub at_stake: Vec<Decimal>,
    /// The address key of each bill's page, in the same order: its reading's
    /// (`core::uploads::bill_key`), which the person's corrections do not change.
    pub keys: Vec<String>,
}

/// Who billed, in words.
pub(crate) fn operator_name(bill: &Bill, lang: Lang) -> &'static str {
    bill.operator
        .map(|o| o.name())
        .unwrap_or(Text::UnknownOperator.get(lang))
}

/// When a bill is for: its period, else its issue date, else "undated".
pub(crate) fn when(bill: &Bill, lang: Lang) -> String {
    match (bill.period, bill_month(bill)) {
        (Some(period), _) => format!(
            "{} → {}",
            format_date(period.start, lang),
            format_date(period.end, lang)
        ),
        (None, Some(month)) => format_month(month, lang),
        (None, None) => Text::UndatedBills.get(lang).to_string(),
    }
}

/// The bills over time.
#[function_component(Timeline)]
pub fn timeline(props: &TimelineProps) -> Html {
    let lang = use_lang();
    let navigate = use_context::<Callback<View>>().unwrap_or_default();
    // The household's lines in the order they first appear (a number, else a box or a
    // mobile at an operator); in each, the newest bill first.
    let mut lines = named_lines(&props.bills);
    for (_, members) in &mut lines {
        members.sort_by_key(|&i| std::cmp::Reverse((bill_month(&props.bills[i]), i)));
    }

    html! {
        <section class="timeline" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">{ Text::TimelineHeading.get(lang) }</h2>
            if props.bills.is_empty() {
                <p>{ Text::NoBillsYet.get(lang) }</p>
                <p>{ view_link(View::Home, &navigate, classes!("button", "primary"), Text::GoHome.get(lang)) }</p>
            }
            { for lines.iter().enumerate().map(|(n, (line, members))| {
                let heading = format!("line-{n}-heading");
                let name = if line.is_empty() { Text::UnknownLine.get(lang).to_string() } else { line.clone() };
                // The line's operator, from its newest bill, when the line is a number.
                let operator = members
                    .first()
                    .and_then(|&i| props.bills[i].operator)
                    .map(|o| o.name())
                    .filter(|o| !line.contains(o));
                let chart = line_chart(line.clone(), members, &props.bills, &props.at_stake);
                html! {
                    <section class="line-group" aria-labelledby={heading.clone()}>
                        <h3 id={heading}>
                            { name }
                            if let Some(operator) = operator {
                                <span class="muted">{ format!(" · {operator}") }</span>
                            }
                        </h3>
                        if let Some(chart) = &chart {
                            { monthly_chart(chart, &props.bills, lang, &format!("line-{n}-chart")) }
                        }
                        <ol class="timeline-list">
                            { for members.iter().map(|&i| {
                                let bill = &props.bills[i];
                                let flagged = props.at_stake.get(i).copied().unwrap_or_default();
                                let key = props.keys.get(i).cloned().unwrap_or_else(|| bill_key(bill));
                                html! {
                                    <li class="timeline-item" data-key={key.clone()}>
                                        <span class="when">{ when(bill, lang) }</span>
                                        <span class="who">
                                            { operator_name(bill, lang) }
                                            if let Some(number) = &bill.invoice_number {
                                                { format!(" · {} {number}", Text::InvoiceNumber.get(lang)) }
                                            }
                                        </span>
                                        <span class="amount">{ format_amount(bill_total(bill), lang) }</span>
                                        if !flagged.is_zero() {
                                            <span class="flag warning">
                                                <span aria-hidden="true">{ "⚠" }</span>
                                                { format!(" {} {}", Text::FlaggedColumn.get(lang), format_amount(flagged, lang)) }
                                            </span>
                                        }
                                        { view_link(View::Bill { key }, &navigate, classes!("button", "small", "open-bill"), Text::OpenBill.get(lang)) }
                                    </li>
                                }
                            }) }
                        </ol>
                    </section>
                }
            }) }
        </section>
    }
}
