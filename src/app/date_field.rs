//! A date field typed and shown day first (`09/10/2019`) whatever the browser's language:
//! a text field, read by `core::dates`, rather than `<input type="date">`, which shows
//! `mm/dd/yyyy` in an English browser.

use yew::prelude::*;

use super::forms::event_value;
use super::use_lang;
use crate::core::i18n::Text;

/// Props of [`DateField`].
#[derive(Properties, PartialEq)]
pub struct DateFieldProps {
    /// The input's id.
    pub id: AttrValue,
    /// What the date is.
    pub label: AttrValue,
    /// The text as typed (or written by `core::dates::typed_date`).
    pub value: String,
    /// Called with the text on every keystroke.
    pub oninput: Callback<String>,
    /// What is wrong with it, if anything.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// A note beside the label ("read from the bill, to check").
    #[prop_or_default]
    pub note: Option<AttrValue>,
}

/// The field, its format hint and its error.
#[function_component(DateField)]
pub fn date_field(props: &DateFieldProps) -> Html {
    let lang = use_lang();
    let hint = format!("{}-hint", props.id);
    let error = format!("{}-error", props.id);
    let described = if props.error.is_some() {
        format!("{hint} {error}")
    } else {
        hint.clone()
    };
    let oninput = props.oninput.reform(|e: InputEvent| event_value(&e));
    html! {
        <label class="date-field">
            <span>
                { props.label.clone() }
                if let Some(note) = &props.note {
                    <span class="read-note">{ format!(" · {note}") }</span>
                }
            </span>
            <input id={props.id.clone()} type="text" inputmode="numeric" autocomplete="off"
                value={props.value.clone()} {oninput}
                aria-describedby={described} aria-invalid={props.error.is_some().then_some("true")} />
            <span class="hint" id={hint}>{ Text::DateHint.get(lang) }</span>
            if let Some(message) = &props.error {
                <span class="field-error" id={error}>{ message.clone() }</span>
            }
        </label>
    }
}
