//! The root of the views module (`bin/views.rs`): a view off the first screen (one case,
//! bank, plan, data, sources), rendered into the element the app gives it (`views_host`),
//! with what the app's root would have provided: the language, the stores (read from
//! localStorage, not handed over: the two modules share no memory; each save is announced
//! to the other module, which reads that store again) and a way to move to another view
//! (the address's `#` part, which the app's router follows).

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;
use yew_router::Routable;

use super::bank::use_read;
use super::bank_view::BankView;
use super::case_view::CaseView;
use super::corrections::{use_corrections, UseCorrections};
use super::data_view::DataView;
use super::journal::StorageStatus;
use super::journal::{use_journal, UseJournal};
use super::plan_view::PlanView;
use super::plans::{use_plans, UsePlans};
use super::sources_view::SourcesView;
use super::storage_banner::StorageBanner;
use super::{LangContext, View};
use crate::core::corrections::{apply, Corrections};
use crate::core::i18n::{Lang, Text};
use crate::core::journal::Journal;
use crate::core::store::{Plans, SavedBills, SavedPages};
use crate::core::uploads::bill_key;

/// Props of [`ViewsRoot`].
#[derive(Properties, PartialEq)]
pub struct ViewsRootProps {
    /// The view shown (one of the app's routes).
    pub view: View,
    /// The app's language when the view was mounted (it mounts again on a change).
    pub lang: Lang,
}

/// The view asked for, with the language and the navigation.
#[function_component(ViewsRoot)]
pub fn views_root(props: &ViewsRootProps) -> Html {
    let navigate = Callback::from(|next: View| {
        crate::services::dom::go_to_hash(&next.href());
        crate::services::dom::scroll_to_top();
    });
    let view = match &props.view {
        View::Case { id } => html! { <CasePart {id} /> },
        View::Bank => html! { <BankPart /> },
        View::Plan => html! { <PlanPart /> },
        View::PlanFrom { key } => html! { <PlanPart from={Some(key.clone())} /> },
        View::Data => html! { <DataPart /> },
        View::Sources => html! { <SourcesView /> },
        View::Source { id } => html! { <SourcesView focus={Some(id.clone())} /> },
        _ => html! {},
    };
    html! {
        <ContextProvider<LangContext> context={props.lang}>
        <ContextProvider<Callback<View>> context={navigate}>
            { view }
        </ContextProvider<Callback<View>>>
        </ContextProvider<LangContext>>
    }
}

/// The bills as the app shows them: each reading with the person's corrections.
#[hook]
fn use_bills() -> (Rc<SavedBills>, Rc<Vec<crate::core::bill::Bill>>) {
    let saved = use_read::<SavedBills>();
    let corrections = use_read::<Corrections>();
    let bills = use_memo((saved.clone(), corrections), |(saved, corrections)| {
        saved
            .bills
            .iter()
            .map(|b| apply(b, corrections.of(b)).bill)
            .collect::<Vec<_>>()
    });
    (saved, bills)
}

/// What went wrong saving here, said here: the app's banner speaks for the app's own
/// saves, and already says what it found when it loaded (storage missing, unreadable, or
/// from a newer Contestel), which is not said twice.
fn save_trouble(status: StorageStatus, refused: bool, lang: Lang) -> Html {
    let trouble = match status {
        StorageStatus::ReloadedFromOtherTab
        | StorageStatus::QuotaExceeded
        | StorageStatus::Failed => html! { <StorageBanner {status} /> },
        _ => html! {},
    };
    html! {
        <>
            { trouble }
            if refused {
                <p class="storage-banner" role="alert">{ Text::ChangeRefused.get(lang) }</p>
            }
        </>
    }
}

/// Props of [`CasePart`].
#[derive(Properties, PartialEq)]
struct CasePartProps {
    id: u32,
}

/// One case, with the journal (read and saved here; the app hears each save).
#[function_component(CasePart)]
fn case_part(props: &CasePartProps) -> Html {
    let lang = super::use_lang();
    let journal = use_journal();
    html! {
        <ContextProvider<UseJournal> context={journal.clone()}>
            { save_trouble(journal.status(), journal.error().is_some(), lang) }
            <CaseView id={props.id} />
        </ContextProvider<UseJournal>>
    }
}

/// The bank view with its stores.
#[function_component(BankPart)]
fn bank_part() -> Html {
    let (_, bills) = use_bills();
    let plans = use_read::<Plans>();
    let journal = use_read::<Journal>();
    html! {
        <BankView bills={(*bills).clone()} plans={plans.plans.clone()} cases={journal.cases.clone()} />
    }
}

/// The plan form, pre-filled from the last bill read (corrected) and its pages, when kept.
#[derive(Properties, PartialEq)]
struct PlanPartProps {
    /// The key of the bill a new plan is pre-filled from, when the person came from a
    /// bill whose line has no plan.
    #[prop_or_default]
    from: Option<String>,
}

#[function_component(PlanPart)]
fn plan_part(props: &PlanPartProps) -> Html {
    let plans = use_plans();
    let (saved, bills) = use_bills();
    let pages = use_read::<SavedPages>();
    // The bill asked for, else the last one read.
    let index = props
        .from
        .as_ref()
        .and_then(|key| saved.bills.iter().position(|b| bill_key(b) == *key))
        .or_else(|| saved.bills.len().checked_sub(1));
    let from = props.from.is_some() && index.is_some();
    let last_pages = use_memo((saved.clone(), pages, index), |(saved, pages, index)| {
        index
            .and_then(|i| saved.bills.get(i))
            .and_then(|b| pages.get(&bill_key(b)))
            .map(<[_]>::to_vec)
            .unwrap_or_default()
    });
    let trouble = save_trouble(plans.status(), false, super::use_lang());
    html! {
        <ContextProvider<UsePlans> context={plans}>
            { trouble }
            <PlanView last_bill={index.and_then(|i| bills.get(i)).cloned()} {last_pages} {from} />
        </ContextProvider<UsePlans>>
    }
}

/// The data view, with the stores it exports, imports and erases.
#[function_component(DataPart)]
fn data_part() -> Html {
    let journal = use_journal();
    let plans = use_plans();
    let corrections = use_corrections();
    let saved = use_read::<SavedBills>();
    html! {
        <ContextProvider<UseJournal> context={journal}>
        <ContextProvider<UsePlans> context={plans}>
        <ContextProvider<UseCorrections> context={corrections}>
            <DataView bills={saved.bills.clone()} />
        </ContextProvider<UseCorrections>>
        </ContextProvider<UsePlans>>
        </ContextProvider<UseJournal>>
    }
}

thread_local! {
    static MOUNTED: RefCell<Option<yew::AppHandle<ViewsRoot>>> = const { RefCell::new(None) };
}

/// Renders `view` (the app's route, `View::to_path`) into `root` (replacing any earlier
/// one), in the language of `lang` (a `Lang::tag`), as a Yew tree apart from the app's
/// (`services::yew_trees`).
pub fn mount(root: web_sys::Element, view: &str, lang: &str) {
    unmount();
    let props = ViewsRootProps {
        view: View::recognize(view).unwrap_or(View::NotFound),
        lang: Lang::from_tag(lang),
    };
    let handle = crate::services::yew_trees::render_apart::<ViewsRoot>(root, props);
    MOUNTED.with(|m| *m.borrow_mut() = Some(handle));
}

/// Removes the view, its listeners with it.
pub fn unmount() {
    if let Some(handle) = MOUNTED.with(|m| m.borrow_mut().take()) {
        handle.destroy();
    }
}
