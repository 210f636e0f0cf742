//! Every legal reference the app relies on: what it says in one sentence, how it was
//! checked (read at its source on a given day, or what could not be read there), and a
//! link to the text. Findings, advice, deadlines and letters link to their
//! entry (`#/sources/<id>`), which is then marked and scrolled to.

use yew::prelude::*;

use super::use_lang;
use crate::core::dates::format_date;
use crate::core::i18n::Lang;
use crate::core::i18n::Text;
use crate::core::law::{Check, Legal};

/// How an entry was checked: what was read at its source and on which day, and what could
/// not be, said as plainly.
fn check_note(check: Check, lang: Lang) -> Html {
    html! {
        <>
            if let (Some((fr, en)), Some(on)) = (check.read, check.on()) {
                <p class="muted small source-checked">
                    { format!("{} {}{}{}", Text::CheckedOn.get(lang), format_date(on, lang), lang.colon(), lang.pick(fr, en)) }
                </p>
            }
            if let Some((fr, en)) = check.unverified {
                <p class="small source-unverified">
                    <strong>{ Text::NotCheckedAtSource.get(lang) }</strong>
                    { format!("{}{}", lang.colon(), lang.pick(fr, en)) }
                </p>
            }
        </>
    }
}

/// Props of [`SourcesView`].
#[derive(Properties, PartialEq)]
pub struct SourcesViewProps {
    /// The entry linked to, if any.
    #[prop_or_default]
    pub focus: Option<String>,
}

/// The sources page.
#[function_component(SourcesView)]
pub fn sources_view(props: &SourcesViewProps) -> Html {
    let lang = use_lang();
    {
        let focus = props.focus.clone();
        use_effect_with(focus, |focus| {
            if let Some(id) = focus {
                crate::services::dom::reveal(&format!("source-{id}"));
            }
        });
    }
    html! {
        <section class="sources" aria-labelledby="sources-heading">
            <h2 id="sources-heading">{ Text::SourcesHeading.get(lang) }</h2>
            <p class="muted">{ Text::SourcesIntro.get(lang) }</p>
            <ol class="source-list">
                { for Legal::ALL.iter().map(|legal| {
                    let current = props.focus.as_deref() == Some(legal.id());
                    html! {
                        <li id={format!("source-{}", legal.id())} class={classes!("source", current.then_some("current"))}
                            aria-current={current.then_some("true")}>
                            <h3>{ legal.citation() }</h3>
                            <p>{ legal.summary(lang) }</p>
                            { check_note(legal.check(), lang) }
                            <p class="muted small">
                                <a href={legal.url()} target="_blank" rel="noopener noreferrer">{ Text::ReadSource.get(lang) }</a>
                            </p>
                        </li>
                    }
                }) }
            </ol>
        </section>
    }
}
