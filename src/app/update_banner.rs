//! Registers the service worker (the app offline) and, when a new version of the app is
//! ready, says so with a button that switches to it and reloads.

use yew::prelude::*;

use super::use_lang;
use crate::core::i18n::Text;
use crate::services::offline;

/// The banner; nothing until a new version waits.
#[function_component(UpdateBanner)]
pub fn update_banner() -> Html {
    let lang = use_lang();
    let available = use_state(|| false);
    {
        let available = available.clone();
        use_effect_with((), move |_| {
            offline::register(move || available.set(true));
        });
    }
    if !*available {
        return html! {};
    }
    let onclick = Callback::from(|_: MouseEvent| offline::activate_update());
    html! {
        <p class="update-banner" role="status" id="update-banner">
            { Text::UpdateAvailable.get(lang) }{ " " }
            <button type="button" class="button small" id="update-reload" {onclick}>{ Text::UpdateReload.get(lang) }</button>
        </p>
    }
}
