//! The Yew interface: components (one per file), hooks, the reducer adapters.
//!
//! Components hold no domain logic and no fixed strings: state changes go through the
//! pure reducers of `core`, strings through `core::i18n::Text`.

mod bill_view;
mod drop_zone;
mod header;
mod upload_card;
mod uploads;

use yew::prelude::*;

use crate::core::i18n::{Lang, Text};
use drop_zone::DropZone;
use header::Header;
use upload_card::UploadCard;
use uploads::use_uploads;

/// The language in force, provided to every component.
pub type LangContext = Lang;

/// Reads the language from context (French when none is provided).
#[hook]
pub fn use_lang() -> Lang {
    use_context::<LangContext>().unwrap_or_default()
}

/// The root component.
#[function_component(App)]
pub fn app() -> Html {
    let lang = use_state(Lang::default);
    let uploads = use_uploads();

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

    html! {
        <ContextProvider<LangContext> context={*lang}>
            <Header {onlanguage} />
            <main id="main" class="page">
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
            </main>
            <footer class="footer"><p>{ Text::Disclaimer.get(l) }</p></footer>
        </ContextProvider<LangContext>>
    }
}
