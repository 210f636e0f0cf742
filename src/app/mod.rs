//! The Yew interface: components (one per file), hooks, the reducer adapters.
//!
//! Components hold no domain logic and no fixed strings: state changes go through the
//! pure reducers of `core`, strings through `core::i18n::Text`.

mod bill_view;
mod case_view;
mod cases_view;
mod drop_zone;
mod event_form;
mod forms;
mod header;
mod journal;
mod letter_panel;
mod storage_banner;
mod upload_card;
mod uploads;

use yew::prelude::*;

use crate::core::i18n::{Lang, Text};
use case_view::CaseView;
use cases_view::CasesView;
use drop_zone::DropZone;
use header::Header;
use journal::use_journal;
use storage_banner::StorageBanner;
use upload_card::UploadCard;
use uploads::use_uploads;

/// The language in force, provided to every component.
pub type LangContext = Lang;

/// Where the person is in the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// Dropping and reading bills.
    Bills,
    /// The list of cases.
    Cases,
    /// One case.
    Case(u32),
}

/// Reads the language from context (French when none is provided).
#[hook]
pub fn use_lang() -> Lang {
    use_context::<LangContext>().unwrap_or_default()
}

/// The root component.
#[function_component(App)]
pub fn app() -> Html {
    let lang = use_state(Lang::default);
    let view = use_state(|| View::Bills);
    let uploads = use_uploads();
    let journal = use_journal();

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
        html! {
            <button type="button" class={classes!("tab", current.then_some("current"))}
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
        <ContextProvider<Callback<View>> context={navigate.clone()}>
            <Header {onlanguage} />
            <nav class="tabs" aria-label="Contestel">
                { tab(View::Bills, Text::NavBills) }
                { tab(View::Cases, Text::NavCases) }
            </nav>
            <main id="main" class="page">
                <StorageBanner status={journal.status()} />
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
                            if !uploads.items().is_empty() {
                                <section class="uploads" aria-labelledby="uploads-heading">
                                    <h2 id="uploads-heading">{ Text::FilesHeading.get(l) }</h2>
                                    <ul class="upload-list" aria-live="polite">
                                        { for uploads.items().iter().map(|upload| html! {
                                            <UploadCard key={upload.id} upload={upload.clone()} onremove={onremove.clone()} />
                                        }) }
                                    </ul>
                                </section>
                            }
                        </>
                    },
                    View::Cases => html! { <CasesView /> },
                    View::Case(id) => html! { <CaseView {id} /> },
                } }
            </main>
            <footer class="footer"><p>{ Text::Disclaimer.get(l) }</p></footer>
        </ContextProvider<Callback<View>>>
        </ContextProvider<journal::UseJournal>>
        </ContextProvider<LangContext>>
    }
}
