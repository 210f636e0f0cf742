//! The page header: the name, the promise, the language switch.

use yew::prelude::*;

use super::use_lang;
use crate::core::i18n::Text;

/// Props of [`Header`].
#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    /// Called when the person switches language.
    pub onlanguage: Callback<()>,
}

/// The page header.
#[function_component(Header)]
pub fn header(props: &HeaderProps) -> Html {
    let lang = use_lang();
    let onclick = props.onlanguage.reform(|_: MouseEvent| ());
    html! {
        <header class="site-header">
            <div class="brand">
                <span class="logo" aria-hidden="true">{ "€" }</span>
                <div>
                    <h1>{ "Contestel" }</h1>
                    <p class="tagline">{ Text::Tagline.get(lang) }</p>
                </div>
            </div>
            <button type="button" class="lang-switch" {onclick}
                lang={ if lang.tag() == "fr" { "en" } else { "fr" } }>
                { Text::LanguageSwitch.get(lang) }
            </button>
        </header>
    }
}
