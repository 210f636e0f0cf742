//! The root of the bank module (`bin/bank.rs`): the bank view, rendered into the element
//! the app gives it (`bank_host`), with what the app's root would have provided: the
//! language, the stores (the bills with the person's corrections applied, read from localStorage through `bank::use_read`, not handed over:
//! the two modules share no memory) and a way to move to another view (the address's
//! `#` part, which the app's router follows).

use std::cell::RefCell;

use yew::prelude::*;

use super::bank::use_read;
use super::bank_view::BankView;
use super::{LangContext, View};
use crate::core::corrections::{apply, Corrections};
use crate::core::i18n::Lang;
use crate::core::journal::Journal;
use crate::core::store::{Plans, SavedBills};

/// Props of [`BankRoot`].
#[derive(Properties, PartialEq)]
pub struct BankRootProps {
    /// The app's language when the view was mounted (it mounts again on a change).
    pub lang: Lang,
}

/// The bank view with its stores.
#[function_component(BankRoot)]
pub fn bank_root(props: &BankRootProps) -> Html {
    let saved = use_read::<SavedBills>();
    let corrections = use_read::<Corrections>();
    // The bills as the app shows them: each reading with the person's corrections.
    let bills = use_memo((saved, corrections), |(saved, corrections)| {
        saved
            .bills
            .iter()
            .map(|b| apply(b, corrections.of(b)).bill)
            .collect::<Vec<_>>()
    });
    let plans = use_read::<Plans>();
    let journal = use_read::<Journal>();
    let navigate = Callback::from(|next: View| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().set_hash(&next.href());
            window.scroll_to_with_x_and_y(0.0, 0.0);
        }
    });
    html! {
        <ContextProvider<LangContext> context={props.lang}>
        <ContextProvider<Callback<View>> context={navigate}>
            <BankView bills={(*bills).clone()} plans={plans.plans.clone()} cases={journal.cases.clone()} />
        </ContextProvider<Callback<View>>>
        </ContextProvider<LangContext>>
    }
}

thread_local! {
    static MOUNTED: RefCell<Option<yew::AppHandle<BankRoot>>> = const { RefCell::new(None) };
}

/// The Yew subtree ids of `root` and the app's elements around it (Yew brands each host
/// and listening element with its tree's id in `__yew_subtree_id`).
fn outer_tree_ids(root: &web_sys::Element) -> Vec<f64> {
    let mut ids = Vec::new();
    let mut at = Some(root.clone());
    while let Some(element) = at {
        ids.extend(tree_id(&element));
        at = element.parent_element();
    }
    ids
}

/// An empty tree, rendered into a detached element only to take a tree id.
#[function_component(Probe)]
fn probe() -> Html {
    html! {}
}

fn tree_id(element: &web_sys::Element) -> Option<f64> {
    js_sys::Reflect::get(element, &"__yew_subtree_id".into())
        .ok()
        .and_then(|v| v.as_f64())
}

/// Renders the bank view into `root` (replacing any earlier one), in the language of
/// `lang` (a `Lang::tag`).
///
/// Two Yew instances, one per wasm module, each number their trees from 1, and the app's
/// tree (the `<body>`) handles, in the capture phase, every event under it whose nearest
/// branded element carries its own id, looking its handler up by a listener id that is
/// also numbered per instance. Were the bank view's tree numbered like the app's, a click
/// in it would run one of the app's handlers. Ids are taken in order, one per tree: empty
/// trees on a detached element take ids until the next one is none the app uses around
/// `root`.
pub fn mount(root: web_sys::Element, lang: &str) {
    unmount();
    let taken = outer_tree_ids(&root);
    loop {
        let Ok(detached) = gloo::utils::document().create_element("div") else {
            break;
        };
        let probe = yew::Renderer::<Probe>::with_root(detached.clone()).render();
        probe.destroy();
        match tree_id(&detached) {
            Some(id) if taken.contains(&(id + 1.0)) => continue,
            _ => break,
        }
    }
    let props = BankRootProps {
        lang: Lang::from_tag(lang),
    };
    let handle = yew::Renderer::<BankRoot>::with_root_and_props(root.clone(), props).render();
    if tree_id(&root).is_some_and(|id| taken.contains(&id)) {
        gloo::console::error!("the bank view's Yew tree has the id of the app's around it");
    }
    MOUNTED.with(|m| *m.borrow_mut() = Some(handle));
}

/// Removes the bank view, its listeners with it.
pub fn unmount() {
    if let Some(handle) = MOUNTED.with(|m| m.borrow_mut().take()) {
        handle.destroy();
    }
}
