//! Where the bank tab's own module (`services::bank_module`) renders, in the app: a
//! loading line while it is fetched, a clear message (and a retry) if it cannot be, and
//! the element it mounts into. The module is removed when the tab is left and mounted
//! again, with the stores as they are then, when the tab is opened again or the language
//! changes.

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use super::use_lang;
use crate::core::i18n::Text;
use crate::services::bank_module;

/// Where the bank module stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Module {
    Loading,
    Mounted,
    Failed,
}

/// The bank tab's place in the app.
#[function_component(BankHost)]
pub fn bank_host() -> Html {
    let lang = use_lang();
    let root = use_node_ref();
    let state = use_state(|| Module::Loading);
    // Bumped by "try again": a new attempt.
    let attempt = use_state(|| 0u32);

    {
        let (root, state) = (root.clone(), state.clone());
        use_effect_with((lang, *attempt), move |(lang, _)| {
            let tag = lang.tag();
            // The tab may be left (or the language changed) before the module is there:
            // it is then not mounted into an element that is gone.
            let left = Rc::new(Cell::new(false));
            let mounted = Rc::new(Cell::new(false));
            state.set(Module::Loading);
            {
                let (left, mounted) = (left.clone(), mounted.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    let outcome = match bank_module::load().await {
                        Ok(()) if left.get() => return,
                        Ok(()) => match root.cast::<web_sys::Element>() {
                            Some(element) => bank_module::mount(&element, tag),
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
                    bank_module::unmount();
                }
            }
        });
    }

    let onretry = {
        let attempt = attempt.clone();
        Callback::from(move |_: MouseEvent| attempt.set(*attempt + 1))
    };
    html! {
        <>
            if *state == Module::Loading {
                <p class="muted" role="status" id="bank-loading">{ Text::BankLoading.get(lang) }</p>
            }
            if *state == Module::Failed {
                <div class="storage-banner" role="alert" id="bank-unavailable">
                    <p>{ Text::BankUnavailable.get(lang) }</p>
                    <button type="button" class="button small" onclick={onretry}>{ Text::TryAgain.get(lang) }</button>
                </div>
            }
            // Rendered into by the bank module only: this app never gives it children.
            <div id="bank-root" ref={root}></div>
        </>
    }
}
