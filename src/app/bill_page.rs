//! One bill on its own page: what was flagged on it, how it splits by category, and the
//! bill itself with its charges and highlights. It prints on its own.

use yew::prelude::*;

use super::bill_view::BillView;
use super::charts::split_chart;
use super::findings_panel::FindingsPanel;
use super::timeline::operator_name;
use super::{use_lang, view_link, View};
use crate::core::bill::Bill;
use crate::core::charts::category_split;
use crate::core::finding::{RuleId, Severity};
use crate::core::i18n::{format_date, Text};
use crate::core::reader::Reading;
use crate::core::rules::Report;

/// Props of [`BillPage`].
#[derive(Properties, PartialEq)]
pub struct BillPageProps {
    /// The bill's index in `bills`.
    pub index: usize,
    /// Every bill read, in the order the report indexes them.
    pub bills: Vec<Bill>,
    /// What the rules found on every bill.
    pub report: Report,
    /// Whether a plan was entered.
    pub has_plan: bool,
    /// What the rules found on its lines.
    pub flags: Vec<(usize, Severity, RuleId)>,
}

/// The page of one bill.
#[function_component(BillPage)]
pub fn bill_page(props: &BillPageProps) -> Html {
    let lang = use_lang();
    let navigate = use_context::<Callback<View>>().unwrap_or_default();
    let Some(bill) = props.bills.get(props.index) else {
        return html! {};
    };
    // Only this bill's findings; the amount at stake is this bill's.
    let report = Report {
        findings: props
            .report
            .findings
            .iter()
            .filter(|f| f.bill == props.index)
            .cloned()
            .collect(),
        at_stake: props.report.at_stake.clone(),
        total_at_stake: props
            .report
            .at_stake
            .get(props.index)
            .copied()
            .unwrap_or_default(),
    };
    let flagged: Vec<(usize, rust_decimal::Decimal)> = report
        .findings
        .iter()
        .filter(|f| f.severity != Severity::Info)
        .filter_map(|f| f.lines.first().map(|&line| (line, f.amount)))
        .collect();
    let split = category_split(bill, &flagged);
    let title = {
        let operator = operator_name(bill, lang);
        match bill.period {
            Some(p) => format!(
                "{operator} · {} → {}",
                format_date(p.start, lang),
                format_date(p.end, lang)
            ),
            None => operator.to_string(),
        }
    };
    let onprint = Callback::from(|_: MouseEvent| crate::services::export::print("bill"));
    html! {
        <article class="bill-page" aria-labelledby="bill-heading">
            <p class="back">{ view_link(View::Bills, &navigate, classes!("link-button"), Text::BackToBills.get(lang)) }</p>
            <div class="bill-page-head">
                <h2 id="bill-heading">{ title }</h2>
                <button type="button" class="button small" id="print-bill" onclick={onprint}>{ Text::PrintBill.get(lang) }</button>
            </div>
            <FindingsPanel bills={props.bills.clone()} {report} has_plan={props.has_plan} />
            <section class="split-section" aria-labelledby="split-heading">
                <h3 id="split-heading">{ Text::SplitTitle.get(lang) }</h3>
                { split_chart(&split, lang, "split") }
            </section>
            <BillView reading={Reading { pages: Vec::new(), bill: bill.clone() }} flags={props.flags.clone()} />
        </article>
    }
}
