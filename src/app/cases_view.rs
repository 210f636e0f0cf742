//! Every case: where each stands and its next deadline; a form to open a new one.

use yew::prelude::*;

use super::case_view::status_name;
use super::forms::bind;
use super::journal::UseJournal;
use super::{use_lang, View};
use crate::core::i18n::Text;
use crate::core::journal::advice;
use crate::core::journal::deadlines::deadlines;
use crate::core::journal::NewCase;
use crate::core::money::format_amount;
use crate::services::clock;

/// The list of cases.
#[function_component(CasesView)]
pub fn cases_view() -> Html {
    let lang = use_lang();
    let journal = use_context::<UseJournal>();
    let navigate = use_context::<Callback<View>>().unwrap_or_default();
    let title = use_state(String::new);
    let Some(journal) = journal else {
        return html! {};
    };
    let today = clock::today();

    let onsubmit = {
        let journal = journal.clone();
        let title = title.clone();
        let navigate = navigate.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if title.trim().is_empty() {
                return;
            }
            let id = journal.open_case(NewCase {
                title: (*title).clone(),
                operator: None,
                line_number: None,
                customer_id: None,
                opened_on: today,
                lines: Vec::new(),
                paid_on: None,
                contract_start: None,
            });
            title.set(String::new());
            navigate.emit(View::Case { id });
        })
    };
    let cases = &journal.journal().cases;

    html! {
        <section class="cases" aria-labelledby="cases-heading">
            <h2 id="cases-heading">{ Text::CasesHeading.get(lang) }</h2>
            if cases.is_empty() {
                <p class="muted">{ Text::NoCases.get(lang) }</p>
            } else {
                <ul class="case-list">
                    { for cases.iter().rev().map(|case| {
                        let next = advice::next(case, today);
                        let next_date = deadlines(case, today).into_iter().next();
                        let open = navigate.reform({ let id = case.id; move |_: MouseEvent| View::Case { id } });
                        html! {
                            <li class="case-card">
                                <div class="upload-head">
                                    <span class="file-name">{ &case.title }</span>
                                    <span class="muted">{ case.operator.map(|o| o.name()).unwrap_or_default() }</span>
                                    <span class="amount">{ format_amount(case.disputed, lang) }</span>
                                    <span class="status read">{ status_name(case.status, lang) }</span>
                                </div>
                                <p class="next-step">{ next.describe(lang) }</p>
                                if let Some(deadline) = next_date {
                                    <p class="muted">{ deadline.describe(lang) }</p>
                                }
                                <button type="button" class="button small" onclick={open}
                                    aria-label={format!("{}{}{}", Text::OpenCase.get(lang), lang.colon(), case.title)}>
                                    { Text::OpenCase.get(lang) }
                                </button>
                            </li>
                        }
                    }) }
                </ul>
            }
            <form class="new-case" {onsubmit}>
                <h3>{ Text::NewCase.get(lang) }</h3>
                <label for="new-case-title">{ Text::CaseTitle.get(lang) }</label>
                <div class="inline-form">
                    <input id="new-case-title" type="text" required=true placeholder={Text::CaseTitleHint.get(lang)}
                        value={(*title).clone()} oninput={bind(&title)} />
                    <button type="submit" class="button primary">{ Text::CreateCase.get(lang) }</button>
                </div>
            </form>
        </section>
    }
}
