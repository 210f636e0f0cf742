//! The bank view: import a statement, then every telecom debit kept next to its bill, what
//! does not match (each with what to do, its sources and a button to contest it), the
//! months billed against debited, and the operations kept.

use std::rc::Rc;

use rust_decimal::Decimal;
use yew::prelude::*;

use super::bank::{contest_debit, use_bank};
use super::bank_chart::month_chart;
use super::bank_import::BankImport;
use super::bill_view::{severity_class, severity_icon};
use super::journal::{StorageStatus, UseJournal};
use super::storage_banner::StorageBanner;
use super::{source_links, use_lang, view_link, View};
use crate::core::bank::contest::contestable;
use crate::core::bank::matching::match_debits;
use crate::core::bank::month::monthly;
use crate::core::bank::Statement;
use crate::core::bill::{Bill, Operator};
use crate::core::dates::format_date;
use crate::core::finding::Severity;
use crate::core::i18n::{bank_kept, BankText, Text};
use crate::core::journal::case::Case;
use crate::core::money::format_amount;
use crate::core::plan::Plan;

/// Props of [`BankView`].
#[derive(Properties, PartialEq)]
pub struct BankViewProps {
    /// The bills read, in the app's order.
    pub bills: Vec<Bill>,
    /// The plans entered.
    pub plans: Vec<Plan>,
    /// The journal's cases (a refund may settle one, a finding may belong to one).
    pub cases: Vec<Case>,
}

/// The bank view.
#[function_component(BankView)]
pub fn bank_view(props: &BankViewProps) -> Html {
    let lang = use_lang();
    let bank = use_bank();
    let navigate = use_context::<Callback<View>>().unwrap_or_default();
    let journal = use_context::<UseJournal>();
    let kept_note = use_state(|| None::<(usize, usize)>);

    let onimport = {
        let (bank, kept_note) = (bank.clone(), kept_note.clone());
        Callback::from(move |statement: Rc<Statement>| kept_note.set(Some(bank.import(&statement))))
    };
    let ontie = {
        let bank = bank.clone();
        Callback::from(move |(key, op): (String, Option<Operator>)| bank.tie(key, op))
    };
    let onforget = {
        let bank = bank.clone();
        Callback::from(move |_: MouseEvent| {
            if crate::services::dialogs::confirm(BankText::ConfirmForgetDebits.get(lang)) {
                bank.forget();
            }
        })
    };

    let data = bank.data();
    let matching = match_debits(
        &props.bills,
        &props.plans,
        &data.debits,
        &data.periods(),
        &props.cases,
    );
    let views = monthly(&props.bills, &data.debits, &matching, &data.periods());

    html! {
        <section class="bank" aria-labelledby="bank-heading">
            <h2 id="bank-heading">{ BankText::BankHeading.get(lang) }</h2>
            <p class="promise">{ BankText::BankIntro.get(lang) }</p>
            if props.bills.is_empty() {
                <p class="muted">{ BankText::BankNeedsBills.get(lang) }</p>
            }
            if bank.status() != StorageStatus::Saved {
                <StorageBanner status={bank.status()} />
            }
            <BankImport mappings={data.mappings.clone()} ties={data.ties.clone()} {onimport} {ontie} />
            if let Some((read, kept)) = *kept_note {
                <p class="kept-note" role="status" id="import-result">{ bank_kept(read, kept, lang) }</p>
            }
            <section class="findings bank-findings" aria-labelledby="bank-results-heading">
                <h3 id="bank-results-heading">{ BankText::ResultsHeading.get(lang) }</h3>
                if data.debits.is_empty() {
                    <p>{ BankText::NoDebitsKept.get(lang) }</p>
                } else if matching.findings.is_empty() {
                    <p>{ BankText::NoBankFindings.get(lang) }</p>
                } else {
                    <ul class="finding-list">
                        { for matching.findings.iter().map(|finding| {
                            let class = severity_class(finding.severity);
                            let oncontest = {
                                let (navigate, journal) = (navigate.clone(), journal.clone());
                                let (finding, debits, bills) = (finding.clone(), data.debits.clone(), props.bills.clone());
                                Callback::from(move |_: MouseEvent| {
                                    let Some(journal) = &journal else { return };
                                    if let Some(id) = contest_debit(journal, &finding, &debits, &bills, lang) {
                                        navigate.emit(View::Case { id });
                                    }
                                })
                            };
                            let sources: Vec<_> = finding.legal.into_iter().collect();
                            html! {
                                <li class={classes!("finding", class)} data-rule={finding.issue.id()}>
                                    <div class="finding-head">
                                        <span class={classes!("flag", class)}>
                                            <span aria-hidden="true">{ severity_icon(finding.severity) }</span>
                                            { format!(" {}", finding.severity.label(lang)) }
                                        </span>
                                        <strong>{ finding.issue.title(lang) }</strong>
                                        if !finding.amount.is_zero() {
                                            <span class="amount">{ format_amount(finding.amount, lang) }</span>
                                        }
                                    </div>
                                    <p>{ finding.message.get(lang) }</p>
                                    <p class="muted"><strong>{ Text::WhatToDo.get(lang) }</strong>{ " " }{ finding.action.get(lang) }</p>
                                    if !sources.is_empty() {
                                        <p class="legal small">{ source_links(&sources, &navigate, lang) }</p>
                                    }
                                    if let Some(id) = finding.case {
                                        <p>{ view_link(View::Case { id }, &navigate, classes!("button", "small"), Text::OpenCase.get(lang)) }</p>
                                    }
                                    if contestable(finding) && finding.severity != Severity::Info {
                                        <button type="button" class="button small contest-finding" onclick={oncontest}>
                                            { Text::ContestFinding.get(lang) }
                                        </button>
                                    }
                                </li>
                            }
                        }) }
                    </ul>
                }
            </section>
            { for views.iter().enumerate().map(|(i, view)| html! {
                <section class="line-group" aria-label={view.line.clone()}>
                    <h3>{ &view.line }</h3>
                    { month_chart(view, lang, &format!("bank-chart-{i}")) }
                </section>
            }) }
            if !data.debits.is_empty() {
                <details class="kept">
                    <summary>{ format!("{} ({})", BankText::KeptHeading.get(lang), data.debits.len()) }</summary>
                    <div class="table-scroll">
                        <table class="kept-table">
                            <thead><tr>
                                <th scope="col">{ BankText::DateColumn.get(lang) }</th>
                                <th scope="col">{ Text::OperatorLabel.get(lang) }</th>
                                <th scope="col">{ Text::LabelColumn.get(lang) }</th>
                                <th scope="col" class="amount">{ BankText::OperationAmount.get(lang) }</th>
                                <th scope="col">{ BankText::StateColumn.get(lang) }</th>
                            </tr></thead>
                            <tbody>
                                { for data.debits.iter().zip(&matching.debits).map(|(d, m)| html! {
                                    <tr>
                                        <td>{ format_date(d.date, lang) }</td>
                                        <td>{ d.operator.name() }</td>
                                        <td class="label">{ &d.label }</td>
                                        <td class="amount">{ format_amount(d.signed(), lang) }</td>
                                        <td>{ m.state.label(lang) }
                                            if let Some(diff) = m.difference.filter(|x| !x.is_zero() && m.state == crate::core::bank::matching::DebitState::AmountDiffers) {
                                                { format!(" ({}{})", if diff > Decimal::ZERO { "+" } else { "" }, format_amount(diff, lang)) }
                                            }
                                        </td>
                                    </tr>
                                }) }
                            </tbody>
                        </table>
                    </div>
                    <button type="button" class="button small" id="forget-debits" onclick={onforget}>{ BankText::ForgetDebits.get(lang) }</button>
                </details>
            }
        </section>
    }
}
