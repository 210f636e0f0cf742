//! The Yew interface: components (one per file), hooks, the reducer adapters.
//!
//! Components hold no domain logic and no fixed strings: state changes go through the
//! pure reducers of `core`, strings through `core::i18n::Text`.

mod bill_view;
mod case_view;
mod cases_view;
mod contest;
mod data_view;
mod drop_zone;
mod event_form;
mod findings_panel;
mod forms;
mod header;
mod journal;
mod letter_panel;
mod plan_view;
mod plans;
mod storage_banner;
mod update_banner;
mod upload_card;
pub(crate) mod uploads;

use yew::prelude::*;

use crate::core::bill::Bill;
use crate::core::i18n::{Lang, Text};
use crate::core::rules;
use crate::core::uploads::UploadStatus;
use case_view::CaseView;
use cases_view::CasesView;
use data_view::DataView;
use drop_zone::DropZone;
use findings_panel::FindingsPanel;
use header::Header;
use journal::use_journal;
use plan_view::PlanView;
use plans::use_plans;
use storage_banner::StorageBanner;
use update_banner::UpdateBanner;
use upload_card::UploadCard;
use uploads::use_uploads;

/// The language in force, provided to every component.
pub type LangContext = Lang;

/// Where the person is in the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// Dropping and reading bills.
    Bills,
    /// The plan the bills are checked against.
    Plan,
    /// The list of cases.
    Cases,
    /// One case.
    Case(u32),
    /// The person's data: export, import, erase.
    Data,
}

/// Reads the language from context (French when none is provided).
#[hook]
pub fn use_lang() -> Lang {
    use_context::<LangContext>().unwrap_or_default()
}

/// The open cases with their next step and nearest deadline, on the home view: what the
/// person came back for.
fn open_cases(journal: &journal::UseJournal, navigate: &Callback<View>, lang: Lang) -> Html {
    use crate::core::journal::advice::advise;
    use crate::core::journal::case::CaseStatus;
    use crate::core::journal::deadlines::deadlines;
    let today = crate::services::clock::today();
    let open: Vec<_> = journal
        .journal()
        .cases
        .iter()
        .filter(|c| c.status == CaseStatus::Open)
        .collect();
    if open.is_empty() {
        return html! {};
    }
    html! {
        <section class="open-cases" aria-labelledby="open-cases-heading">
            <h2 id="open-cases-heading">{ Text::OpenCasesHeading.get(lang) }</h2>
            <ul>
                { for open.into_iter().map(|case| {
                    let id = case.id;
                    let onclick = navigate.reform(move |_: MouseEvent| View::Case(id));
                    let next = deadlines(case, today).into_iter().find(|d| !matches!(d.state, crate::core::journal::deadlines::DeadlineState::Later(_)));
                    html! {
                        <li>
                            <button type="button" class="link-button" {onclick}>{ &case.title }</button>
                            <span class="muted">{ format!(" — {}", advise(case, today).next.describe(lang)) }</span>
                            if let Some(deadline) = next {
                                <span class="deadline soon">{ format!(" {}", deadline.describe(lang)) }</span>
                            }
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}

/// The root component.
#[function_component(App)]
pub fn app() -> Html {
    let lang = use_state(Lang::default);
    let view = use_state(|| View::Bills);
    let uploads = use_uploads();
    let journal = use_journal();
    let plans = use_plans();

    // The bills read, oldest upload first, with the upload each comes from; the findings
    // are derived from them and the plans, never stored.
    let read: Vec<(u32, Bill)> = uploads
        .items()
        .iter()
        .rev()
        .filter_map(|u| match &u.status {
            UploadStatus::Read(reading) => Some((u.id, reading.bill.clone())),
            _ => None,
        })
        .collect();
    let bills: Vec<Bill> = read.iter().map(|(_, b)| b.clone()).collect();
    // Re-checked only when the bills or the plans change, not on every view switch.
    let report = use_memo((bills.clone(), plans.all().clone()), |(bills, plans)| {
        rules::check_lines(bills, &plans.plans, crate::services::clock::today())
    });
    let flags_of = |upload: u32| {
        let Some(index) = read.iter().position(|(id, _)| *id == upload) else {
            return Vec::new();
        };
        report
            .findings
            .iter()
            .filter(|f| f.bill == index)
            .flat_map(|f| f.lines.iter().map(move |&line| (line, f.severity, f.rule)))
            .collect::<Vec<_>>()
    };

    {
        let tag = lang.tag();
        use_effect_with(*lang, move |_| {
            if let Some(root) = gloo::utils::document().document_element() {
                let _ = root.set_attribute("lang", tag);
            }
        });
    }

    let onlanguage = {
        let lang = lang.clone();
        Callback::from(move |_| {
            lang.set(if *lang == Lang::Fr {
                Lang::En
            } else {
                Lang::Fr
            })
        })
    };
    let navigate = {
        let view = view.clone();
        Callback::from(move |next: View| {
            view.set(next);
            // A new view starts at its top, as a new page would.
            if let Some(window) = web_sys::window() {
                window.scroll_to_with_x_and_y(0.0, 0.0);
            }
        })
    };
    let onfiles = {
        let uploads = uploads.clone();
        Callback::from(move |files: Vec<web_sys::File>| uploads.add_files(files))
    };
    let onsample = {
        let uploads = uploads.clone();
        let lang = *lang;
        Callback::from(move |_| uploads.add_sample(Text::SampleName.get(lang)))
    };
    let onremove = {
        let uploads = uploads.clone();
        Callback::from(move |id: u32| uploads.remove(id))
    };
    let l = *lang;
    let tab = |target: View, label: Text| {
        let current = match (*view, target) {
            (View::Case(_), View::Cases) => true,
            (a, b) => a == b,
        };
        let onclick = navigate.reform(move |_: MouseEvent| target);
        let id = match target {
            View::Bills => "tab-bills",
            View::Plan => "tab-plan",
            View::Data => "tab-data",
            _ => "tab-cases",
        };
        html! {
            <button type="button" {id} class={classes!("tab", current.then_some("current"))}
                aria-current={current.then_some("page")} {onclick}>
                { label.get(l) }
                if target == View::Cases && !journal.journal().cases.is_empty() {
                    <span class="count">{ journal.journal().cases.len() }</span>
                }
            </button>
        }
    };

    html! {
        <ContextProvider<LangContext> context={*lang}>
        <ContextProvider<journal::UseJournal> context={journal.clone()}>
        <ContextProvider<plans::UsePlans> context={plans.clone()}>
        <ContextProvider<uploads::UseUploads> context={uploads.clone()}>
        <ContextProvider<Callback<View>> context={navigate.clone()}>
            <Header {onlanguage} />
            <nav class="tabs" aria-label="Contestel">
                { tab(View::Bills, Text::NavBills) }
                { tab(View::Plan, Text::NavPlan) }
                { tab(View::Cases, Text::NavCases) }
                { tab(View::Data, Text::NavData) }
            </nav>
            <main id="main" class="page">
                <UpdateBanner />
                <StorageBanner status={match journal.status() {
                    journal::StorageStatus::Saved => plans.status(),
                    other => other,
                }} />
                if journal.error().is_some() {
                    <p class="storage-banner" role="alert">{ Text::ChangeRefused.get(l) }</p>
                }
                { match *view {
                    View::Bills => html! {
                        <>
                            <section class="intro">
                                <p class="promise">
                                    <svg class="lock" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                                        <path d="M4 7V5a4 4 0 0 1 8 0v2h1v8H3V7zm2 0h4V5a2 2 0 0 0-4 0z" />
                                    </svg>
                                    { Text::PrivacyPromise.get(l) }
                                </p>
                                <DropZone {onfiles} {onsample} />
                            </section>
                            { open_cases(&journal, &navigate, l) }
                            if !bills.is_empty() {
                                <FindingsPanel bills={bills.clone()} report={(*report).clone()} has_plan={plans.any()} />
                            }
                            if !uploads.items().is_empty() {
                                <section class="uploads" aria-labelledby="uploads-heading">
                                    <h2 id="uploads-heading">{ Text::FilesHeading.get(l) }</h2>
                                    <ul class="upload-list" aria-live="polite">
                                        { for uploads.items().iter().map(|upload| html! {
                                            <UploadCard key={upload.id} upload={upload.clone()} onremove={onremove.clone()} flags={flags_of(upload.id)} />
                                        }) }
                                    </ul>
                                </section>
                            }
                        </>
                    },
                    View::Plan => html! { <PlanView last_bill={bills.last().cloned()} /> },
                    View::Cases => html! { <CasesView /> },
                    View::Case(id) => html! { <CaseView {id} /> },
                    View::Data => html! { <DataView bills={bills.clone()} /> },
                } }
            </main>
            <footer class="footer"><p>{ Text::Disclaimer.get(l) }</p></footer>
        </ContextProvider<Callback<View>>>
        </ContextProvider<uploads::UseUploads>>
        </ContextProvider<plans::UsePlans>>
        </ContextProvider<journal::UseJournal>>
        </ContextProvider<LangContext>>
    }
}
