//! The Yew interface: components (one per file), hooks, the reducer adapters.
//!
//! Components hold no domain logic and no fixed strings: state changes go through the
//! pure reducers of `core`, strings through `core::i18n::Text`.
//!
//! One Yew tree (`App`, `bin/app.rs`) renders every view, with one handle on each store
//! (journal, plans, corrections, uploads) provided to them all.

mod bank;
mod bank_chart;
mod bank_import;
mod bank_view;
mod bill_page;
mod bill_view;
mod case_help;
mod case_law_form;
mod case_view;
mod cases_view;
mod charts;
mod corrections;
mod data_view;
mod date_field;
mod drop_zone;
mod event_form;
mod export_reminder;
mod findings_panel;
mod forms;
pub mod guard;
mod header;
mod header_form;
mod journal;
mod letter_panel;
mod line_editor;
mod page_view;
mod pages;
mod plan_view;
mod plans;
mod sources_view;
mod storage_banner;
mod store;
mod timeline;
mod update_banner;
mod upload_card;
pub(crate) mod uploads;

use yew::prelude::*;
use yew_router::prelude::*;

use std::rc::Rc;

use crate::core::bill::Bill;
use crate::core::corrections::Applied;
use crate::core::i18n::{Lang, Text};
use crate::core::rules;
use crate::core::uploads::UploadStatus;
use crate::services::storage;
use bank_view::BankView;
use bill_page::BillPage;
use case_view::CaseView;
use cases_view::CasesView;
use corrections::use_corrections;
use data_view::DataView;
use drop_zone::DropZone;
use export_reminder::ExportReminder;
use findings_panel::FindingsPanel;
use header::Header;
use journal::use_journal;
use plan_view::PlanView;
use plans::use_plans;
use sources_view::SourcesView;
use storage_banner::StorageBanner;
use timeline::Timeline;
use update_banner::UpdateBanner;
use upload_card::UploadCard;
use uploads::use_uploads;

/// How many files the home page lists before « Les afficher »: a year of one line, or this
/// visit's files when there are more.
const HOME_UPLOADS: usize = 12;

/// How many open cases the home page lists, those that moved last first.
const HOME_CASES: usize = 5;

/// The language in force, provided to every component.
pub type LangContext = Lang;

/// Where the person is in the app: each view has its address, after the `#` so that the
/// static host (GitHub Pages under a sub-path) always serves the same page.
#[derive(Clone, Debug, PartialEq, Eq, Routable)]
pub enum View {
    /// Home: the promise, dropping bills, the open cases, what looks wrong.
    #[at("/")]
    Home,
    /// Every bill read, by line and period, with the monthly chart.
    #[at("/bills")]
    Bills,
    /// One bill, by its key (`core::uploads::bill_key`).
    #[at("/bills/:key")]
    Bill {
        /// The bill's key.
        key: String,
    },
    /// The plan the bills are checked against.
    #[at("/plan")]
    Plan,
    /// A new plan, pre-filled from one bill (by its key): « quel forfait pour cette
    /// ligne ? » answered from the bill's page.
    #[at("/plan/new/:key")]
    PlanFrom {
        /// The bill's key.
        key: String,
    },
    /// The bank statement against the bills.
    #[at("/bank")]
    Bank,
    /// The list of cases.
    #[at("/cases")]
    Cases,
    /// One case.
    #[at("/cases/:id")]
    Case {
        /// The case's id in the journal.
        id: u32,
    },
    /// The person's data: export, import, erase.
    #[at("/data")]
    Data,
    /// Every legal reference, with what it says, when it was checked and a link.
    #[at("/sources")]
    Sources,
    /// The sources page, at one entry (`core::law::Legal::id`).
    #[at("/sources/:id")]
    Source {
        /// The entry's id.
        id: String,
    },
    /// An address that leads nowhere.
    #[not_found]
    #[at("/not-found")]
    NotFound,
}

impl View {
    /// The `href` of the view, for links that also work opened in a new tab.
    pub fn href(&self) -> String {
        format!("#{}", self.to_path())
    }
}

/// What clicking a link to a view does: a plain click is followed inside the app; with a
/// modifier or another button, the browser does what it does with links (a new tab…).
fn follow(target: View, navigate: &Callback<View>) -> Callback<MouseEvent> {
    let navigate = navigate.clone();
    Callback::from(move |e: MouseEvent| {
        if e.ctrl_key() || e.meta_key() || e.shift_key() || e.button() != 0 {
            return;
        }
        e.prevent_default();
        navigate.emit(target.clone());
    })
}

/// A link to a view: a real `<a href>` (a new tab, a copied link work), followed inside the
/// app when clicked plainly.
pub fn view_link(target: View, navigate: &Callback<View>, class: Classes, label: &str) -> Html {
    let href = target.href();
    let onclick = follow(target, navigate);
    html! { <a {class} {href} {onclick}>{ label.to_string() }</a> }
}

/// Links to the entries of the sources page a finding, a step or a letter rests on.
pub fn source_links(
    sources: &[crate::core::law::Legal],
    navigate: &Callback<View>,
    lang: Lang,
) -> Html {
    if sources.is_empty() {
        return html! {};
    }
    html! {
        <span class="source-links">
            { Text::SourcesLabel.get(lang) }
            { for sources.iter().enumerate().map(|(i, legal)| html! {
                <>
                    { if i == 0 { " " } else { ", " } }
                    { view_link(View::Source { id: legal.id().to_string() }, navigate, classes!("source-link"), legal.short()) }
                </>
            }) }
        </span>
    }
}

/// What a deep link to something missing shows: why, and the way back.
pub fn not_found(
    why: Text,
    back: View,
    back_label: Text,
    lang: Lang,
    navigate: &Callback<View>,
) -> Html {
    html! {
        <section class="not-found" aria-labelledby="not-found-heading">
            <h2 id="not-found-heading">{ Text::NotFoundHeading.get(lang) }</h2>
            <p>{ why.get(lang) }</p>
            <p>{ view_link(back, navigate, classes!("button", "primary"), back_label.get(lang)) }</p>
        </section>
    }
}

/// Reads the language from context (French when none is provided).
#[hook]
pub fn use_lang() -> Lang {
    use_context::<LangContext>().unwrap_or_default()
}

/// The open cases with their next step and nearest deadline, on the home view: what the
/// person came back for.
fn open_cases(journal: &journal::UseJournal, navigate: &Callback<View>, lang: Lang) -> Html {
    use crate::core::journal::advice;
    use crate::core::journal::case::CaseStatus;
    use crate::core::journal::deadlines::deadlines;
    let today = crate::services::clock::today();
    let mut open: Vec<_> = journal
        .journal()
        .cases
        .iter()
        .filter(|c| c.status == CaseStatus::Open)
        .collect();
    if open.is_empty() {
        return html! {};
    }
    let due = crate::core::journal::deadlines::due_this_week(open.iter().copied(), today);
    // The cases that moved last lead; the others are on the cases tab.
    open.sort_by_key(|c| std::cmp::Reverse((c.last_activity(), c.id)));
    let more = open.len().saturating_sub(HOME_CASES);
    open.truncate(HOME_CASES);
    html! {
        <>
        if !due.is_empty() {
            <section class="due-week" aria-labelledby="due-week-heading">
                <h2 id="due-week-heading">{ Text::DueThisWeek.get(lang) }</h2>
                <ul>
                    { for due.iter().map(|(case, deadline)| {
                        let id = case.id;
                        html! {
                            <li class="due">
                                <span class="deadline soon">{ deadline.describe(lang) }</span>
                                { " — " }
                                { view_link(View::Case { id }, navigate, classes!("due-case"), &case.title) }
                                <span class="muted">{ format!(" · {}", deadline.kind.todo(lang)) }</span>
                            </li>
                        }
                    }) }
                </ul>
            </section>
        }
        <section class="open-cases" aria-labelledby="open-cases-heading">
            <h2 id="open-cases-heading">{ Text::OpenCasesHeading.get(lang) }</h2>
            <ul>
                { for open.into_iter().map(|case| {
                    let id = case.id;
                    let onclick = navigate.reform(move |_: MouseEvent| View::Case { id });
                    let next = deadlines(case, today).into_iter().find(|d| !matches!(d.state, crate::core::journal::deadlines::DeadlineState::Later(_)));
                    html! {
                        <li>
                            <button type="button" class="link-button" {onclick}>{ &case.title }</button>
                            <span class="muted">{ format!(" — {}", advice::next(case, today).describe(lang)) }</span>
                            if let Some(deadline) = next {
                                <span class={classes!("deadline", if matches!(deadline.state, crate::core::journal::deadlines::DeadlineState::Past(_)) { "past" } else { "soon" })}>
                                    { format!(" {}", deadline.describe(lang)) }
                                </span>
                            }
                        </li>
                    }
                }) }
            </ul>
            if more > 0 {
                <p class="more-cases">
                    { format!("{more} {} ", Text::MoreOpenCases.get(lang)) }
                    { view_link(View::Cases, navigate, classes!("button", "small", "quiet"), Text::SeeAllCases.get(lang)) }
                </p>
            }
        </section>
        </>
    }
}

/// Props of [`App`].
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// What the first screen of `index.html` kept before the app was there.
    pub pending: crate::services::dom::Pending,
}

/// The root component: the router around the app.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    html! { <HashRouter><Shell pending={props.pending.clone()} /></HashRouter> }
}

/// The app within the router.
#[function_component(Shell)]
fn shell(props: &AppProps) -> Html {
    // The language chosen on this device, kept between visits.
    let lang = use_state(|| storage::load_lang().unwrap_or_default());
    let all_uploads = use_state(|| false);
    let view = use_route::<View>().unwrap_or(View::NotFound);
    let navigator = use_navigator();
    let uploads = use_uploads();
    let journal = use_journal();
    let plans = use_plans();
    let corrections = use_corrections();
    let kept_pages = pages::use_saved_pages(&uploads);

    // The bills read, oldest upload first, with the upload each comes from; the person's
    // corrections applied to them; the findings derived from the corrected bills and the
    // plans. Only the readings and the corrections are stored.
    let read: Vec<(u32, Bill)> = uploads
        .items()
        .iter()
        .rev()
        .filter_map(|u| match &u.status {
            UploadStatus::Read(reading) => Some((u.id, reading.bill.clone())),
            _ => None,
        })
        .collect();
    let read_bills: Vec<Bill> = read.iter().map(|(_, b)| b.clone()).collect();
    let applied = use_memo(
        (read_bills.clone(), corrections.all().clone()),
        |(bills, all)| {
            bills
                .iter()
                .map(|b| crate::core::corrections::apply(b, all.of(b)))
                .collect::<Vec<Applied>>()
        },
    );
    let bills: Vec<Bill> = applied.iter().map(|a| a.bill.clone()).collect();
    // The pages a bill was read from: this visit's reading, else those kept.
    let pages_of = |index: usize| -> Rc<Vec<crate::core::layout::TextPage>> {
        let Some((id, bill)) = read.get(index) else {
            return Rc::default();
        };
        let fresh = uploads.items().iter().find_map(|u| match &u.status {
            UploadStatus::Read(r) if u.id == *id && !r.pages.is_empty() => Some(r.pages.clone()),
            _ => None,
        });
        Rc::new(fresh.unwrap_or_else(|| {
            kept_pages
                .get(&crate::core::uploads::bill_key(bill))
                .map(<[_]>::to_vec)
                .unwrap_or_default()
        }))
    };
    // Re-checked only when the bills or the plans change, not on every view switch.
    // With, for each bill, the plans of its line (none when no plan is surely its own).
    let checked = use_memo((bills.clone(), plans.all().clone()), |(bills, plans)| {
        (
            rules::check_lines(bills, &plans.plans, crate::services::clock::today()),
            Rc::new(crate::core::household::plans_of_each(bills, &plans.plans)),
        )
    });
    let (report, plans_of) = (&checked.0, &checked.1);
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
        use_effect_with(*lang, move |lang| {
            crate::services::dom::set_document_lang(tag);
            storage::save_lang(*lang);
        });
    }

    // After a move to another view (not on the first page load), focus goes to the new
    // view's content, as a page load would put it: a screen reader reads the new view, and
    // Tab continues from there rather than from a link that is no longer on the page.
    {
        let first = use_mut_ref(|| true);
        use_effect_with(view.clone(), move |_| {
            if std::mem::replace(&mut *first.borrow_mut(), false) {
                return;
            }
            // Without scrolling: the view starts at the top of the page, header included,
            // as the navigation left it.
            crate::services::dom::focus_without_scroll("main");
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
        Callback::from(move |next: View| {
            if let Some(navigator) = &navigator {
                navigator.push(&next);
            }
            // A new view starts at its top, as a new page would.
            crate::services::dom::scroll_to_top();
        })
    };
    // The files chosen or dropped, or the sample asked for, on the first screen before
    // the app was there: read now, as if they came just now.
    {
        let (uploads, pending) = (uploads.clone(), props.pending.clone());
        let sample = Text::SampleName.get(*lang);
        use_effect_with((), move |_| {
            if !pending.files.is_empty() {
                uploads.add_files(pending.files);
            }
            if pending.sample {
                uploads.add_sample(sample);
            }
        });
    }
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
        let current = match (&view, &target) {
            (View::Case { .. }, View::Cases)
            | (View::Bill { .. }, View::Bills)
            | (View::PlanFrom { .. }, View::Plan)
            | (View::Source { .. }, View::Sources) => true,
            (a, b) => a == b,
        };
        let id = match target {
            View::Home => "tab-home",
            View::Bills => "tab-bills",
            View::Plan => "tab-plan",
            View::Bank => "tab-bank",
            View::Data => "tab-data",
            View::Sources => "tab-sources",
            _ => "tab-cases",
        };
        let cases = journal.journal().cases.len();
        let counted = target == View::Cases && cases > 0;
        let href = target.href();
        let onclick = follow(target.clone(), &navigate);
        html! {
            <a {id} {href} class={classes!("tab", current.then_some("current"))}
                aria-current={current.then_some("page")} {onclick}>
                { label.get(l) }
                if counted {
                    <span class="count">{ cases }</span>
                }
            </a>
        }
    };
    let at_stake = report.at_stake.clone();
    // The home page lists this visit's files and the latest bills kept; the others wait
    // behind a button (years of bills are hundreds).
    let shown_uploads = uploads.shown_first(HOME_UPLOADS);
    let toggle_uploads = {
        let all_uploads = all_uploads.clone();
        Callback::from(move |_: MouseEvent| all_uploads.set(!*all_uploads))
    };

    html! {
        <ContextProvider<LangContext> context={*lang}>
        <ContextProvider<journal::UseJournal> context={journal.clone()}>
        <ContextProvider<plans::UsePlans> context={plans.clone()}>
        <ContextProvider<corrections::UseCorrections> context={corrections.clone()}>
        <ContextProvider<uploads::UseUploads> context={uploads.clone()}>
        <ContextProvider<Callback<View>> context={navigate.clone()}>
            <Header {onlanguage} />
            <nav class="tabs" aria-label="Contestel">
                { tab(View::Home, Text::NavHome) }
                { tab(View::Bills, Text::NavBills) }
                { tab(View::Plan, Text::NavPlan) }
                { tab(View::Bank, Text::NavBank) }
                { tab(View::Cases, Text::NavCases) }
                { tab(View::Data, Text::NavData) }
                { tab(View::Sources, Text::NavSources) }
            </nav>
            <main id="main" class="page" tabindex="-1">
                <UpdateBanner />
                <StorageBanner status={match (journal.status(), plans.status()) {
                    (journal::StorageStatus::Saved, journal::StorageStatus::Saved) => corrections.status(),
                    (journal::StorageStatus::Saved, other) | (other, _) => other,
                }} />
                if journal.error().is_some() {
                    <p class="storage-banner" role="alert">{ Text::ChangeRefused.get(l) }</p>
                }
                if guard::shared_origin() {
                    <p class="storage-banner shared-origin" id="shared-origin" role="note">{ Text::SharedOrigin.get(l) }</p>
                }
                { match view.clone() {
                    View::Home => html! {
                        <>
                            <ExportReminder />
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
                                <p class="timeline-link">{ view_link(View::Bills, &navigate, classes!("button"), Text::TimelineLink.get(l)) }</p>
                            }
                            if !bills.is_empty() {
                                <FindingsPanel bills={bills.clone()} report={(*report).clone()} has_plan={plans.any()}
                                    plans_of={plans_of.clone()} recent_first=true />
                            }
                            if !uploads.items().is_empty() {
                                <section class="uploads" aria-labelledby="uploads-heading">
                                    <h2 id="uploads-heading">{ Text::FilesHeading.get(l) }</h2>
                                    <ul class="upload-list" aria-live="polite" data-count={uploads.items().len().to_string()}>
                                        { for uploads.items().iter().take(if *all_uploads { usize::MAX } else { shown_uploads }).map(|upload| {
                                            let corrected = read.iter().position(|(id, _)| *id == upload.id).and_then(|i| applied.get(i).cloned());
                                            html! {
                                                <UploadCard key={upload.id} upload={upload.clone()} onremove={onremove.clone()} flags={flags_of(upload.id)}
                                                    expanded={bills.len() <= 1} applied={corrected} />
                                            }
                                        }) }
                                    </ul>
                                    if shown_uploads < uploads.items().len() {
                                        <p class="more-uploads">
                                            { format!("{} {} ", uploads.items().len() - shown_uploads, Text::MoreUploads.get(l)) }
                                            <button type="button" class="button small quiet" id="toggle-uploads"
                                                aria-expanded={all_uploads.to_string()} onclick={toggle_uploads}>
                                                { if *all_uploads { Text::HideThem.get(l) } else { Text::ShowThem.get(l) } }
                                            </button>
                                        </p>
                                    }
                                </section>
                            }
                        </>
                    },
                    View::Bills => html! {
                        <>
                            <Timeline bills={bills.clone()} {at_stake}
                                keys={read_bills.iter().map(crate::core::uploads::bill_key).collect::<Vec<_>>()} />
                            if !bills.is_empty() {
                                <FindingsPanel bills={bills.clone()} report={(*report).clone()} has_plan={plans.any()}
                                    plans_of={plans_of.clone()} />
                            }
                        </>
                    },
                    View::Bill { key } => {
                        let found = read_bills.iter().position(|b| crate::core::uploads::bill_key(b) == key);
                        match found {
                            Some(index) => html! {
                                <BillPage {index} bills={bills.clone()} report={(*report).clone()}
                                    has_plan={plans.any()} plans_of={plans_of.clone()}
                                    flags={flags_of(read[index].0)}
                                    read={read_bills[index].clone()} applied={applied[index].clone()} pages={pages_of(index)} />
                            },
                            None => not_found(Text::BillNotFound, View::Bills, Text::BackToBills, l, &navigate),
                        }
                    }
                    View::Cases => html! { <CasesView /> },
                    View::Case { id } => html! { <CaseView {id} /> },
                    View::Plan | View::PlanFrom { .. } => {
                        // Pre-filled from the bill asked for, else the last one read.
                        let asked = match &view {
                            View::PlanFrom { key } => read_bills.iter().position(|b| crate::core::uploads::bill_key(b) == *key),
                            _ => None,
                        };
                        let from = asked.is_some();
                        let index = asked.or_else(|| bills.len().checked_sub(1));
                        html! {
                            <PlanView last_bill={index.and_then(|i| bills.get(i)).cloned()}
                                last_pages={index.map(pages_of).unwrap_or_default()} {from} />
                        }
                    }
                    View::Bank => html! {
                        <BankView bills={bills.clone()} plans={plans.all().plans.clone()} cases={journal.journal().cases.clone()} />
                    },
                    View::Data => html! { <DataView bills={read_bills.clone()} /> },
                    View::Sources => html! { <SourcesView /> },
                    View::Source { id } => html! { <SourcesView focus={Some(id)} /> },
                    View::NotFound => not_found(Text::NotFoundText, View::Home, Text::GoHome, l, &navigate),
                } }
            </main>
            <footer class="footer"><p>{ Text::Disclaimer.get(l) }</p></footer>
        </ContextProvider<Callback<View>>>
        </ContextProvider<uploads::UseUploads>>
        </ContextProvider<corrections::UseCorrections>>
        </ContextProvider<plans::UsePlans>>
        </ContextProvider<journal::UseJournal>>
        </ContextProvider<LangContext>>
    }
}
