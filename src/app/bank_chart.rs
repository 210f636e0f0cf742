//! Billed against debited, month by month, drawn as SVG from `core::bank::month`: the
//! billed bar solid, the debited bar hatched beside it, a month where they differ marked
//! with ⚠ and its amount (never colour alone), with a title and a description for screen
//! readers and a table of the same numbers one click away. No style attribute: the CSP
//! forbids them; classes and SVG attributes only.

use crate::core::money::Amount as _;
use rust_decimal::Decimal;
use yew::prelude::*;

use super::charts::{n, shifted};
use crate::core::bank::month::MonthView;
use crate::core::charts::{format_month, HEIGHT, WIDTH};
use crate::core::i18n::{BankText, Lang, Text};
use crate::core::money::format_amount;

/// The chart of one line; `id` keeps its ids unique in the page.
pub fn month_chart(view: &MonthView, lang: Lang, id: &str) -> Html {
    let title = format!("{id}-title");
    let desc = format!("{id}-desc");
    let pattern = format!("{id}-hatch");
    let fill = format!("url(#{pattern})");
    let tick_x = shifted(view.left, -6);
    html! {
        <figure class="chart monthly bank-chart">
            <svg class="chart-svg" viewBox={format!("0 0 {WIDTH} {HEIGHT}")} role="img" aria-labelledby={format!("{title} {desc}")}>
                <title id={title.clone()}>{ format!("{} {}", BankText::BankChartTitle.get(lang), view.line) }</title>
                <desc id={desc.clone()}>{ BankText::BankChartDesc.get(lang) }</desc>
                <defs>
                    <pattern id={pattern.clone()} width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                        <rect class="debit-ground" width="5" height="5" />
                        <line class="debit-line" x1="0" y1="0" x2="0" y2="5" />
                    </pattern>
                </defs>
                { for view.ticks.iter().map(|tick| html! {
                    <g class="tick">
                        <line class="grid" x1={n(view.left)} x2={n(view.right)} y1={n(tick.y)} y2={n(tick.y)} />
                        <text class="tick-label" x={tick_x.clone()} y={shifted(tick.y, 4)} text-anchor="end">{ format_amount(tick.amount, lang) }</text>
                    </g>
                }) }
                { for view.months.iter().enumerate().map(|(i, m)| {
                    let month = format_month(m.month, lang);
                    let differs = m.differs();
                    let top = m.billed_y.min(m.debited_y);
                    html! {
                        <g class={classes!("month-pair", differs.then_some("differs"))}>
                            <title>{ format!("{month}{}{} {} / {} {}", lang.colon(), BankText::BilledLegend.get(lang), format_amount(m.billed, lang), BankText::DebitedLegend.get(lang), format_amount(m.debited, lang)) }</title>
                            <rect class="bar" x={n(m.x)} y={n(m.billed_y)} width={n(m.width)} height={n(m.billed_height)} />
                            <rect class="bar-debited" fill={fill.clone()} x={n(m.x.plus(m.width))} y={n(m.debited_y)} width={n(m.width)} height={n(m.debited_height)} />
                            if differs {
                                <text class="bar-value" x={n(m.centre)} y={shifted(top, -6)} text-anchor="middle">{ "⚠" }</text>
                            }
                            if view.labelled(i) {
                                <text class="bar-month" x={n(m.centre)} y={shifted(view.baseline, 18)} text-anchor="middle">{ month }</text>
                            }
                        </g>
                    }
                }) }
                <line class="axis" x1={n(view.left)} x2={n(view.right)} y1={n(view.baseline)} y2={n(view.baseline)} />
            </svg>
            <figcaption class="legend">
                <span class="swatch billed" aria-hidden="true"></span>{ BankText::BilledLegend.get(lang) }
                <span class="swatch debited" aria-hidden="true"></span>{ BankText::DebitedLegend.get(lang) }
                <span class="legend-note">{ BankText::DifferenceLegend.get(lang) }</span>
            </figcaption>
            <details class="chart-data">
                <summary>{ Text::ShowNumbers.get(lang) }</summary>
                <table>
                    <thead><tr>
                        <th scope="col">{ Text::MonthColumn.get(lang) }</th>
                        <th scope="col" class="amount">{ BankText::BilledLegend.get(lang) }</th>
                        <th scope="col" class="amount">{ BankText::DebitedLegend.get(lang) }</th>
                        <th scope="col" class="amount">{ BankText::DifferenceColumn.get(lang) }</th>
                    </tr></thead>
                    <tbody>
                        { for view.months.iter().map(|m| html! {
                            <tr class={classes!(m.differs().then_some("differs"))}>
                                <th scope="row">{ format_month(m.month, lang) }</th>
                                <td class="amount">{ format_amount(m.billed, lang) }</td>
                                <td class="amount">{ format_amount(m.debited, lang) }</td>
                                <td class="amount">{ if m.differs() { format!("⚠ {}", format_amount(m.difference(), lang)) } else { format_amount(Decimal::ZERO, lang) } }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </details>
        </figure>
    }
}
