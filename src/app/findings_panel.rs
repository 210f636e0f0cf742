//! What looks wrong on the bills read: sorted by severity and amount, filterable, each with
//! its explanation, what to do, the law, and a button to contest it.

use std::rc::Rc;

use yew::prelude::*;

use super::bill_view::{severity_class, severity_icon};
use super::journal::UseJournal;
use super::{source_links, use_lang, View};
use crate::core::bill::Bill;
use crate::core::finding::{RuleId, Severity};
use crate::core::finding_groups::{group_findings, split_by_age, FindingGroup};
use crate::core::i18n::Text;
use crate::core::money::format_amount;
use crate::core::rules::Report;

/// How many findings of the year the home page lists before « Les afficher ».
const HOME_FINDINGS: usize = 10;

/// Props of [`FindingsPanel`].
#[derive(Properties, PartialEq)]
pub struct FindingsPanelProps {
    /// The bills checked, in the order the findings index them.
    pub bills: Vec<Bill>,
    /// What the rules found.
    pub report: Report,
    /// Whether a plan was entered.
    pub has_plan: bool,
    /// Whether the findings are those of a bill whose reading does not add up: what is
    /// at stake then holds only if the reading is right, and is not shown as an alert.
    #[prop_or_default]
    pub to_check: bool,
    /// Whether the findings of the year lead and those of bills more than a year old wait
    /// behind a button (the home page, with years of bills kept).
    #[prop_or_default]
    pub recent_first: bool,
    /// For each bill, the plans of its line (`core::household::plans_of_each`, worked out
    /// once with the report).
    #[prop_or_default]
    pub plans_of: Rc<Vec<Vec<usize>>>,
}

/// The findings panel.
#[function_component(FindingsPanel)]
pub fn findings_panel(props: &FindingsPanelProps) -> Html {
    let lang = use_lang();
    let journal = use_context::<UseJournal>();
    let plans = use_context::<super::plans::UsePlans>();
    let navigate = use_context::<Callback<View>>().unwrap_or_default();
    let filter = use_state(|| None::<Severity>);
    let learned = use_state(|| false);
    let show_older = use_state(|| false);
    let show_all_recent = use_state(|| false);
    // Repeats of one finding (the weekly charges of one service) are one entry.
    let groups: Vec<FindingGroup> = group_findings(&props.report.findings, &props.bills)
        .into_iter()
        .filter(|g| filter.is_none_or(|s| props.report.findings[g.members[0]].severity == s))
        .collect();
    let (groups, older) = if props.recent_first {
        split_by_age(
            groups,
            &props.report.findings,
            &props.bills,
            crate::services::clock::today(),
        )
    } else {
        (groups, Vec::new())
    };
    // On the home page, the first findings of the year lead; the rest wait behind a button.
    let more_recent = if props.recent_first && !*show_all_recent {
        groups.len().saturating_sub(HOME_FINDINGS)
    } else {
        0
    };
    let toggle_recent = {
        let show_all_recent = show_all_recent.clone();
        Callback::from(move |_: MouseEvent| show_all_recent.set(!*show_all_recent))
    };
    let toggle_older = {
        let show_older = show_older.clone();
        Callback::from(move |_: MouseEvent| show_older.set(!*show_older))
    };

    let filter_button = |value: Option<Severity>, label: &str| {
        let filter = filter.clone();
        let count = props
            .report
            .findings
            .iter()
            .filter(|f| value.is_none_or(|s| f.severity == s))
            .count();
        let pressed = *filter == value;
        html! {
            <button type="button" class={classes!("chip", pressed.then_some("pressed"))}
                aria-pressed={pressed.to_string()} onclick={Callback::from(move |_: MouseEvent| filter.set(value))}>
                { format!("{label} ({count})") }
            </button>
        }
    };

    // Over several bills, each finding says which bill and which line it is about.
    let several = props
        .report
        .findings
        .iter()
        .any(|f| f.bill != props.report.findings[0].bill);
    let about = |finding: &crate::core::finding::Finding| -> Option<String> {
        if !several {
            return None;
        }
        let bill = props.bills.get(finding.bill)?;
        let mut parts = vec![
            super::timeline::operator_name(bill, lang).to_string(),
            super::timeline::when(bill, lang),
        ];
        use crate::core::household::{line_of, LineName, Service};
        match line_of(bill, finding.lines.first().copied()) {
            Some(LineName::Number(n)) => {
                parts.push(format!("{} {n}", Text::LineNumbered.get(lang)))
            }
            Some(LineName::Service(Service::Box)) => parts.push(Text::LineBox.get(lang).into()),
            Some(LineName::Service(Service::Mobile)) => {
                parts.push(Text::LineMobile.get(lang).into())
            }
            None => {}
        }
        Some(parts.join(" · "))
    };
    // A case opened from a finding starts with what the plan of its line knows (the
    // contract's day).
    let contract_start = |bill: usize| {
        let index = *props.plans_of.get(bill)?.first()?;
        plans.as_ref()?.all().plans.get(index)?.start
    };
    let entry = |group: &FindingGroup| {
        let finding = &props.report.findings[group.members[0]];
        let count = group.members.len();
        let oncontest = {
            let journal = journal.clone();
            let navigate = navigate.clone();
            let bill = props.bills.get(finding.bill).cloned();
            let lines = group.lines.clone();
            let rule = finding.rule;
            let start = contract_start(finding.bill);
            Callback::from(move |_: MouseEvent| {
                if let (Some(journal), Some(bill)) = (&journal, &bill) {
                    if let Some(id) = journal.contest(bill, &lines, Some(rule), lang, start) {
                        navigate.emit(View::Case { id });
                    }
                }
            })
        };
        // "This option is in my contract": the plan the bill is checked
        // against learns it, and the flag goes.
        let onlearn = (finding.rule == RuleId::UnrequestedOption).then(|| {
            let plans = plans.clone();
            let learned = learned.clone();
            // Which plan learns it: of the plans of the bill's line, the one of the line
            // the charge is printed under.
            let target = plans.as_ref().and_then(|plans| {
                let bill = props.bills.get(finding.bill)?;
                let line = bill.lines.get(*finding.lines.first()?)?;
                let owners = props.plans_of.get(finding.bill)?;
                let index = crate::core::contract::plan_among(
                    &plans.all().plans,
                    owners,
                    bill,
                    Some(line),
                )?;
                Some((index, line.clone()))
            });
            Callback::from(move |_: MouseEvent| {
                let (Some(plans), Some((index, line))) = (&plans, &target) else {
                    return;
                };
                if let Some(plan) = plans.all().plans.get(*index) {
                    plans.set(*index, crate::core::contract::with_option(plan, line));
                    learned.set(true);
                }
            })
        });
        let class = severity_class(finding.severity);
        html! {
            <li class={classes!("finding", class)} data-rule={finding.rule.id()} data-count={count.to_string()}>
                <div class="finding-head">
                    <span class={classes!("flag", class)}>
                        <span aria-hidden="true">{ severity_icon(finding.severity) }</span>
                        { format!(" {}", finding.severity.label(lang)) }
                    </span>
                    <strong>{ finding.rule.label(lang) }</strong>
                    if count > 1 {
                        <span class="repeat">{ format!("{count} {}", Text::Times.get(lang)) }</span>
                    }
                    if !group.amount.is_zero() {
                        <span class="amount">{ format_amount(group.amount, lang) }</span>
                    }
                </div>
                if let Some(about) = about(finding) {
                    <p class="finding-about small muted">{ about }</p>
                }
                <p>{ finding.message.get(lang) }</p>
                if count > 1 {
                    <details class="repeats">
                        <summary>{ Text::EachCharge.get(lang) }</summary>
                        <ul>
                            { for group.members.iter().map(|&i| html! {
                                <li>{ props.report.findings[i].message.get(lang) }</li>
                            }) }
                        </ul>
                    </details>
                }
                <p class="muted"><strong>{ Text::WhatToDo.get(lang) }</strong>{ " " }{ finding.action.get(lang) }</p>
                if !finding.sources().is_empty() {
                    <p class="legal small">{ source_links(&finding.sources(), &navigate, lang) }</p>
                }
                <div class="actions">
                    if !group.lines.is_empty() && finding.severity != Severity::Info {
                        <button type="button" class="button small contest-finding" onclick={oncontest}>
                            { Text::ContestFinding.get(lang) }
                        </button>
                    }
                    if let Some(onlearn) = onlearn {
                        <button type="button" class="button small quiet in-contract" onclick={onlearn}>
                            { Text::OptionInContract.get(lang) }
                        </button>
                    }
                </div>
            </li>
        }
    };

    html! {
        <section class="findings" aria-labelledby="findings-heading">
            <div class="findings-head">
                <h2 id="findings-heading">{ Text::FindingsHeading.get(lang) }</h2>
                <p class={classes!("at-stake", props.to_check.then_some("to-check"))}>
                    <span>{ if props.to_check { Text::AtStakeIfRight.get(lang) } else { Text::AtStake.get(lang) } }</span>
                    <strong id="total-at-stake">{ format_amount(props.report.total_at_stake, lang) }</strong>
                </p>
            </div>
            if !props.has_plan {
                <p class="muted">{ Text::NoPlanHint.get(lang) }</p>
            }
            if *learned {
                <p class="notice" role="status" id="option-learned">{ Text::OptionAdded.get(lang) }</p>
            }
            if props.report.findings.is_empty() {
                <p>{ Text::NoFindings.get(lang) }</p>
            } else {
                <div class="chips" role="group" aria-label={Text::FindingsHeading.get(lang)}>
                    { filter_button(None, Text::FilterAll.get(lang)) }
                    { filter_button(Some(Severity::Alert), Severity::Alert.label(lang)) }
                    { filter_button(Some(Severity::Warning), Severity::Warning.label(lang)) }
                    { filter_button(Some(Severity::Info), Severity::Info.label(lang)) }
                </div>
                <ul class="finding-list">
                    { for groups.iter().take(groups.len() - more_recent).map(entry) }
                </ul>
                if more_recent > 0 {
                    <p class="more-findings">
                        { format!("{more_recent} {} ", Text::MoreRecentFindings.get(lang)) }
                        <button type="button" class="button small quiet" id="toggle-recent-findings"
                            aria-expanded="false" onclick={toggle_recent}>
                            { Text::ShowThem.get(lang) }
                        </button>
                    </p>
                }
                if !older.is_empty() {
                    <p class="older-findings">
                        { format!("{} {} ", older.len(), Text::OlderFindings.get(lang)) }
                        <button type="button" class="button small quiet" id="toggle-older-findings"
                            aria-expanded={show_older.to_string()} onclick={toggle_older}>
                            { if *show_older { Text::HideThem.get(lang) } else { Text::ShowThem.get(lang) } }
                        </button>
                    </p>
                    if *show_older {
                        <ul class="finding-list older">
                            { for older.iter().map(entry) }
                        </ul>
                    }
                }
            }
        </section>
    }
}
