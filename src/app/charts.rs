//! The charts, drawn as SVG from the geometry `core::charts` computes: each with a title
//! and a description for screen readers, the flagged part hatched and marked (never by
//! colour alone), and a table of the same numbers one click away.

use crate::core::money::Amount as _;
use yew::prelude::*;

use crate::core::bill::Bill;
use crate::core::charts::{self, MonthlyChart, Split, SPLIT_BAR, SPLIT_WIDTH};
use crate::core::i18n::{Lang, Text};
use crate::core::money::format_amount;
use rust_decimal::Decimal;

/// A coordinate as an SVG attribute.
pub(crate) fn n(value: Decimal) -> String {
    value.normalize().to_string()
}

/// A coordinate `by` units from `value` (a label beside its bar or its line).
pub(crate) fn shifted(value: Decimal, by: i32) -> String {
    n(value.plus(Decimal::from(by)))
}

/// The hatching of the flagged parts, one per chart so that ids stay unique.
fn hatch(id: &str) -> Html {
    html! {
        <defs>
            <pattern id={id.to_string()} width="6" height="6" patternUnits="userSpaceOnUse"
                patternTransform="rotate(45)">
                <rect class="hatch-ground" width="6" height="6" />
                <line class="hatch-line" x1="0" y1="0" x2="0" y2="6" />
            </pattern>
        </defs>
    }
}

/// The monthly totals of one line. `id` makes the chart's ids unique in the page.
pub fn monthly_chart(chart: &MonthlyChart, bills: &[Bill], lang: Lang, id: &str) -> Html {
    let title = format!("{id}-title");
    let desc = format!("{id}-desc");
    let pattern = format!("{id}-hatch");
    let fill = format!("url(#{pattern})");
    let view_box = format!("0 0 {} {}", charts::WIDTH, charts::HEIGHT);
    let tick_x = shifted(chart.left, -6);
    let every = chart.label_every.max(1);
    let last = chart.bars.len().saturating_sub(1);
    html! {
        <figure class="chart monthly">
            <svg class="chart-svg" viewBox={view_box} role="img" aria-labelledby={format!("{title} {desc}")}>
                <title id={title.clone()}>{ format!("{} {}", Text::MonthlyChartTitle.get(lang), chart.line) }</title>
                <desc id={desc.clone()}>{ Text::MonthlyChartDesc.get(lang) }</desc>
                { hatch(&pattern) }
                { for chart.ticks.iter().map(|tick| html! {
                    <g class="tick">
                        <line class="grid" x1={n(chart.left)} x2={n(chart.right)} y1={n(tick.y)} y2={n(tick.y)} />
                        <text class="tick-label" x={tick_x.clone()} y={shifted(tick.y, 4)} text-anchor="end">
                            { format_amount(tick.amount, lang) }
                        </text>
                    </g>
                }) }
                { for chart.bars.iter().enumerate().map(|(i, bar)| {
                    let labelled = i % every == 0 || i == last;
                    let month = charts::format_month(bar.month, lang);
                    let flagged = !bar.flagged.is_zero();
                    let value = if flagged {
                        format!("⚠ {}", format_amount(bar.amount, lang))
                    } else {
                        format_amount(bar.amount, lang)
                    };
                    let source = bills.get(bar.bill).map(|b| b.source.clone()).unwrap_or_default();
                    html! {
                        <g class={classes!("bar-group", flagged.then_some("flagged"))}>
                            <title>{ format!("{month}{}{} ({source})", lang.colon(), format_amount(bar.amount, lang)) }</title>
                            <rect class="bar" x={n(bar.x)} y={n(bar.y)} width={n(bar.width)} height={n(bar.height)} />
                            if flagged {
                                <rect class="bar-flagged" fill={fill.clone()} x={n(bar.x)} y={n(bar.y)}
                                    width={n(bar.width)} height={n(bar.flagged_height)} />
                            }
                            if labelled {
                                <text class="bar-value" x={n(bar.centre)} y={shifted(bar.y, -6)} text-anchor="middle">{ value }</text>
                                <text class="bar-month" x={n(bar.centre)} y={shifted(chart.baseline, 18)} text-anchor="middle">{ month }</text>
                            }
                        </g>
                    }
                }) }
                <line class="axis" x1={n(chart.left)} x2={n(chart.right)} y1={n(chart.baseline)} y2={n(chart.baseline)} />
            </svg>
            <figcaption class="legend">
                <span class="swatch flagged" aria-hidden="true"></span>{ Text::FlaggedLegend.get(lang) }
            </figcaption>
            <details class="chart-data">
                <summary>{ Text::ShowNumbers.get(lang) }</summary>
                <table>
                    <thead><tr>
                        <th scope="col">{ Text::MonthColumn.get(lang) }</th>
                        <th scope="col" class="amount">{ Text::TotalDue.get(lang) }</th>
                        <th scope="col" class="amount">{ Text::FlaggedColumn.get(lang) }</th>
                    </tr></thead>
                    <tbody>
                        { for chart.bars.iter().map(|bar| html! {
                            <tr>
                                <th scope="row">{ charts::format_month(bar.month, lang) }</th>
                                <td class="amount">{ format_amount(bar.amount, lang) }</td>
                                <td class="amount">{ format_amount(bar.flagged, lang) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </details>
        </figure>
    }
}

/// The split of a bill by category.
pub fn split_chart(split: &Split, lang: Lang, id: &str) -> Html {
    if split.slices.is_empty() {
        return html! {};
    }
    let title = format!("{id}-title");
    let desc = format!("{id}-desc");
    let pattern = format!("{id}-hatch");
    let fill = format!("url(#{pattern})");
    let view_box = format!("0 0 {} {}", SPLIT_WIDTH, split.height);
    let bar = Decimal::from(SPLIT_BAR);
    html! {
        <figure class="chart split">
            <svg class="chart-svg" viewBox={view_box} role="img" aria-labelledby={format!("{title} {desc}")}>
                <title id={title.clone()}>{ Text::SplitTitle.get(lang) }</title>
                <desc id={desc.clone()}>{ Text::SplitDesc.get(lang) }</desc>
                { hatch(&pattern) }
                { for split.slices.iter().map(|slice| {
                    let flagged = !slice.flagged.is_zero();
                    let words = format!(
                        "{}{} — {} ({} %)",
                        if flagged { "⚠ " } else { "" },
                        slice.category.label(lang),
                        format_amount(slice.amount, lang),
                        slice.share
                    );
                    html! {
                        <g class={classes!("slice", flagged.then_some("flagged"))}>
                            <text class="slice-label" x="0" y={shifted(slice.y, 14)}>{ words }</text>
                            <rect class="bar" x="0" y={shifted(slice.y, 20)} width={n(slice.width)} height={n(bar)} />
                            if flagged {
                                <rect class="bar-flagged" fill={fill.clone()} x="0" y={shifted(slice.y, 20)}
                                    width={n(slice.flagged_width)} height={n(bar)} />
                            }
                        </g>
                    }
                }) }
            </svg>
            <figcaption class="legend">
                <span class="swatch flagged" aria-hidden="true"></span>{ Text::FlaggedLegend.get(lang) }
            </figcaption>
            <details class="chart-data">
                <summary>{ Text::ShowNumbers.get(lang) }</summary>
                <table>
                    <thead><tr>
                        <th scope="col">{ Text::CategoryColumn.get(lang) }</th>
                        <th scope="col" class="amount">{ Text::AmountColumn.get(lang) }</th>
                        <th scope="col" class="amount">{ Text::ShareColumn.get(lang) }</th>
                        <th scope="col" class="amount">{ Text::FlaggedColumn.get(lang) }</th>
                    </tr></thead>
                    <tbody>
                        { for split.slices.iter().map(|slice| html! {
                            <tr>
                                <th scope="row">{ slice.category.label(lang) }</th>
                                <td class="amount">{ format_amount(slice.amount, lang) }</td>
                                <td class="amount">{ format!("{} %", slice.share) }</td>
                                <td class="amount">{ format_amount(slice.flagged, lang) }</td>
                            </tr>
                        }) }
                        if !split.discounts.is_zero() {
                            <tr>
                                <th scope="row">{ Text::DiscountsLabel.get(lang) }</th>
                                <td class="amount">{ format_amount(split.discounts, lang) }</td>
                                <td></td>
                                <td></td>
                            </tr>
                        }
                    </tbody>
                </table>
            </details>
        </figure>
    }
}
