//! One bill on its own page: first, when its charges do not add up to its amount due,
//! « Lecture à vérifier » and the way to make it add up; then what was flagged on it, how
//! it splits by category, and the bill itself with its charges and highlights, corrected
//! in place, with the page view of where each line comes from. It prints on its own.

use std::rc::Rc;

use yew::prelude::*;

use super::bill_view::{reading_check, BillView};
use super::charts::split_chart;
use super::corrections::UseCorrections;
use super::findings_panel::FindingsPanel;
use super::page_view::PageView;
use super::timeline::operator_name;
use super::{use_lang, view_link, View};
use crate::core::bill::Bill;
use crate::core::charts::category_split;
use crate::core::corrections::{Applied, Outcome};
use crate::core::dates::format_date;
use crate::core::finding::{RuleId, Severity};
use crate::core::fix::likeliest_fix;
use crate::core::i18n::Text;
use crate::core::layout::TextPage;
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
    /// For each bill, the plans of its line (`core::household::plans_of_each`): none for
    /// this one when no plan is surely its line's.
    pub plans_of: Rc<Vec<Vec<usize>>>,
    /// What the rules found on its lines.
    pub flags: Vec<(usize, Severity, RuleId)>,
    /// The bill as read.
    pub read: Bill,
    /// The person's corrections applied to it (`bills[index]` is its bill).
    pub applied: Applied,
    /// Its pages as the reader saw them (empty when not kept).
    pub pages: Rc<Vec<TextPage>>,
}

/// The corrections of this bill that no longer match its reading, or that the reading
/// now agrees with: each said in words, each removable.
fn outcomes(
    props: &BillPageProps,
    corrections: &UseCorrections,
    lang: crate::core::i18n::Lang,
) -> Html {
    let edits = corrections.all().of(&props.read);
    let list = |outcome: Outcome| -> Vec<Html> {
        props
            .applied
            .outcomes
            .iter()
            .filter(|(_, o)| *o == outcome)
            .filter_map(|(id, _)| edits.iter().find(|e| e.id == *id))
            .map(|edit| {
                let id = edit.id;
                let corrections = corrections.clone();
                let onclick = Callback::from(move |_: MouseEvent| corrections.remove(id));
                html! {
                    <li>
                        { edit.change.describe(lang) }{ " " }
                        <button type="button" class="button small quiet" {onclick}>{ Text::Remove.get(lang) }</button>
                    </li>
                }
            })
            .collect()
    };
    let stale = list(Outcome::NoLongerMatches);
    let agreed = list(Outcome::ReadingAgrees);
    html! {
        <>
            if !stale.is_empty() {
                <section class="stale-corrections" aria-labelledby="stale-heading">
                    <h3 id="stale-heading">{ Text::StaleHeading.get(lang) }</h3>
                    <p>{ Text::StaleIntro.get(lang) }</p>
                    <ul>{ for stale }</ul>
                </section>
            }
            if !agreed.is_empty() {
                <div class="agreed-corrections muted">
                    <p>{ Text::AgreedNote.get(lang) }</p>
                    <ul>{ for agreed }</ul>
                </div>
            }
        </>
    }
}

/// The likeliest fix of a reading that does not add up, said in a sentence, with the
/// button that makes it when it is one correction (undone like any other).
fn likely_fix(
    props: &BillPageProps,
    corrections: Option<&UseCorrections>,
    lang: crate::core::i18n::Lang,
) -> Html {
    let Some(fix) = likeliest_fix(&props.read, &props.applied, &props.pages) else {
        return html! {};
    };
    let apply = corrections.filter(|_| fix.changes.len() == 1).map(|c| {
        let c = c.clone();
        let read = props.read.clone();
        let change = fix.changes[0].clone();
        Callback::from(move |_: MouseEvent| c.add(&read, change.clone()))
    });
    html! {
        <p class="likely-fix" id="likely-fix">
            <strong>{ Text::LikelyFix.get(lang) }</strong>{ " " }{ fix.describe(lang) }
            if let Some(onclick) = apply {
                { " " }
                <button type="button" class="button small" id="apply-fix" {onclick}>{ Text::ApplyFix.get(lang) }</button>
            }
        </p>
    }
}

/// The page of one bill.
#[function_component(BillPage)]
pub fn bill_page(props: &BillPageProps) -> Html {
    let lang = use_lang();
    let navigate = use_context::<Callback<View>>().unwrap_or_default();
    let corrections = use_context::<UseCorrections>();
    // The first plan of this bill's line, if any; what it knows a case would ask again.
    let plan = props.plans_of.get(props.index).and_then(|p| p.first());
    let contract_start = use_context::<super::plans::UsePlans>()
        .and_then(|plans| plans.all().plans.get(*plan?).and_then(|p| p.start));
    let shown = use_state(|| None::<(Option<usize>, u32)>);
    let onwhere = {
        let shown = shown.clone();
        Callback::from(move |line: Option<usize>| {
            let nonce = shown.as_ref().map_or(0, |(_, n)| n + 1);
            shown.set(Some((line, nonce)));
        })
    };
    let onclose = {
        let shown = shown.clone();
        Callback::from(move |_: ()| shown.set(None))
    };
    let onshow = onwhere.reform(|_: MouseEvent| None);
    let onhelp = corrections
        .is_some()
        .then(|| onwhere.reform(|_: MouseEvent| None));
    // The last correction, undone in one click while it is this bill's.
    let last = corrections.as_ref().and_then(|c| {
        let id = c.last()?;
        c.all().of(&props.read).iter().any(|e| e.id == id).then(|| {
            let c = c.clone();
            Callback::from(move |_: MouseEvent| c.remove(id))
        })
    });
    let refused = corrections.as_ref().and_then(|c| c.error());
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
    // A reading that does not add up is the first thing said: what is found on its lines
    // is only to check, and its amount at stake holds only if the reading is right.
    let to_check = !props.applied.bill.lines.is_empty() && !props.applied.bill.reconciles();
    html! {
        <article class="bill-page" aria-labelledby="bill-heading">
            <p class="back">{ view_link(View::Bills, &navigate, classes!("link-button"), Text::BackToBills.get(lang)) }</p>
            <div class="bill-page-head">
                <h2 id="bill-heading">{ title }</h2>
                <button type="button" class="button small" id="print-bill" onclick={onprint}>{ Text::PrintBill.get(lang) }</button>
            </div>
            { reading_check(&props.applied.bill, lang, likely_fix(props, corrections.as_ref(), lang), onhelp) }
            if let Some(onundo) = last {
                <p class="undo-bar" role="status" id="undo-bar">
                    { Text::CorrectionSaved.get(lang) }{ " " }
                    <button type="button" class="button small" id="undo-correction" onclick={onundo}>{ Text::Undo.get(lang) }</button>
                </p>
            }
            if let Some(error) = refused {
                <p class="error" role="alert">{ error.message(lang) }</p>
            }
            if let Some(corrections) = &corrections {
                { outcomes(props, corrections, lang) }
            }
            if plan.is_none() {
                <section class="line-plan" id="line-without-plan" aria-labelledby="line-plan-heading">
                    <h3 id="line-plan-heading">{ Text::LineWithoutPlan.get(lang) }</h3>
                    <p>{ if props.has_plan { Text::LineWithoutPlanText.get(lang) } else { Text::NoPlanHint.get(lang) } }</p>
                    { view_link(View::PlanFrom { key: crate::core::uploads::bill_key(&props.read) }, &navigate,
                        classes!("button"), Text::CreateLinePlan.get(lang)) }
                </section>
            }
            <FindingsPanel bills={props.bills.clone()} {report} has_plan={true} {to_check}
                plans_of={props.plans_of.clone()} />
            <section class="split-section" aria-labelledby="split-heading">
                <h3 id="split-heading">{ Text::SplitTitle.get(lang) }</h3>
                { split_chart(&split, lang, "split") }
            </section>
            <BillView reading={Reading { pages: Vec::new(), bill: props.read.clone() }} flags={props.flags.clone()}
                applied={Some(props.applied.clone())} read={Some(props.read.clone())} onwhere={onwhere} {contract_start}
                reading_check={false} />
            if let Some((focus, nonce)) = *shown {
                <PageView read={props.read.clone()} applied={props.applied.clone()} pages={props.pages.clone()}
                    {focus} {nonce} {onclose} />
            } else {
                <p class="show-page-view">
                    <button type="button" class="button" id="show-page-view" onclick={onshow}>{ Text::PageViewHeading.get(lang) }</button>
                </p>
            }
        </article>
    }
}
