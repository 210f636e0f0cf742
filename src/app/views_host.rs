//! Where the views module (`services::views_module`) renders a view off the first screen
//! (one case, bank, plan, data, sources), in the app: a loading line while it is fetched, a clear
//! message (and a retry) if it cannot be, and the element it mounts into. The view is
//! removed when the tab is left and mounted again, with the stores as they are then, when
//! a tab of the module is opened, the address changes (another source) or the language
//! changes.

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use super::{use_lang, View};
use crate::core::i18n::Text;
use crate::services::views_module;
use yew_router::Routable;

/// Where the views module stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Module {
    Loading,
    Mounted,
    Failed,
}

/// Props of [`ViewsHost`].
#[derive(Properties, PartialEq)]
pub struct ViewsHostProps {
    /// The view the module renders (one of its tabs' routes).
    pub view: View,
}

/// The place in the app of a view the module renders.
#[function_component(ViewsHost)]
pub fn views_host(props: &ViewsHostProps) -> Html {
    let lang = use_lang();
    let root = use_node_ref();
    let state = use_state(|| Module::Loading);
    // Bumped by "try again": a new attempt.
    let attempt = use_state(|| 0u32);

    {
        let (root, state) = (root.clone(), state.clone());
        use_effect_with(
            (lang, *attempt, props.view.clone()),
            move |(lang, _, view)| {
                let tag = lang.tag();
                let path = view.to_path();
                // The tab may be left (or the language changed) before the module is there:
                // it is then not mounted into an element that is gone.
                let left = Rc::new(Cell::new(false));
                let mounted = Rc::new(Cell::new(false));
                state.set(Module::Loading);
                {
                    let (left, mounted) = (left.clone(), mounted.clone());
                    wasm_bindgen_futures::spawn_local(async move {
                        let outcome = match views_module::load().await {
                            Ok(()) if left.get() => return,
                            Ok(()) => match root.cast::<web_sys::Element>() {
                                Some(element) => views_module::mount(&element, &path, tag),
                                None => return,
                            },
                            Err(error) => Err(error),
                        };
                        match outcome {
                            Ok(()) => {
                                mounted.set(true);
                                state.set(Module::Mounted);
                            }
                            Err(error) => {
                                gloo::console::error!(error.0);
                                state.set(Module::Failed);
                            }
                        }
                    });
                }
                move || {
                    left.set(true);
                    if mounted.get() {
                        views_module::unmount();
                    }
                }
            },
        );
    }

    let onretry = {
        let attempt = attempt.clone();
        Callback::from(move |_: MouseEvent| attempt.set(*attempt + 1))
    };
    html! {
        <>
            if *state == Module::Loading {
                <p class="muted" role="status" id="views-loading">{ Text::ViewLoading.get(lang) }</p>
            }
            if *state == Module::Failed {
                <div class="storage-banner" role="alert" id="views-unavailable">
                    <p>{ Text::ViewUnavailable.get(lang) }</p>
                    <button type="button" class="button small" onclick={onretry}>{ Text::TryAgain.get(lang) }</button>
                </div>
            }
            // Rendered into by the views module only: this app never gives it children.
            <div id="views-root" ref={root}></div>
        </>
    }
}
