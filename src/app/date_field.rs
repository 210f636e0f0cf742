//! A labelled text field with its note, hint and error, and the date field built on it:
//! typed and shown day first (`09/10/2019`) whatever the browser's language — a text
//! field read by `core::dates`, rather than `<input type="date">`, which shows
//! `mm/dd/yyyy` in an English browser. One component for every field keeps each form's
//! code small.

use yew::prelude::*;

use super::forms::event_value;
use super::use_lang;
use crate::core::i18n::Text;

/// Props of [`TextField`].
#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    /// The input's id.
    pub id: AttrValue,
    /// What the field is.
    pub label: AttrValue,
    /// The text as typed.
    pub value: String,
    /// Called with the text on every keystroke.
    pub oninput: Callback<String>,
    /// What is wrong with it, if anything.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// A note beside the label ("read from the bill, to check").
    #[prop_or_default]
    pub note: Option<AttrValue>,
    /// A hint under the field (the format of a date).
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// The virtual keyboard to offer (`decimal`, `numeric`, `tel`).
    #[prop_or_default]
    pub inputmode: Option<AttrValue>,
}

/// The field.
#[function_component(TextField)]
pub fn text_field(props: &TextFieldProps) -> Html {
    let hint = format!("{}-hint", props.id);
    let error = format!("{}-error", props.id);
    let described: Vec<&str> = [
        props.hint.as_ref().map(|_| hint.as_str()),
        props.error.as_ref().map(|_| error.as_str()),
    ]
    .into_iter()
    .flatten()
    .collect();
    let oninput = props.oninput.reform(|e: InputEvent| event_value(&e));
    html! {
        <label class="text-field">
            <span>
                { props.label.clone() }
                if let Some(note) = &props.note {
                    <span class="read-note">{ format!(" · {note}") }</span>
                }
            </span>
            <input id={props.id.clone()} type="text" autocomplete="off" inputmode={props.inputmode.clone()}
                value={props.value.clone()} {oninput}
                aria-describedby={(!described.is_empty()).then(|| described.join(" "))}
                aria-invalid={props.error.is_some().then_some("true")} />
            if let Some(text) = &props.hint {
                <span class="hint" id={hint}>{ text.clone() }</span>
            }
            if let Some(message) = &props.error {
                <span class="field-error" id={error}>{ message.clone() }</span>
            }
        </label>
    }
}

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
    /// A note beside the label.
    #[prop_or_default]
    pub note: Option<AttrValue>,
}

/// A date, typed day first.
#[function_component(DateField)]
pub fn date_field(props: &DateFieldProps) -> Html {
    let lang = use_lang();
    html! {
        <TextField id={props.id.clone()} label={props.label.clone()} value={props.value.clone()}
            oninput={props.oninput.clone()} error={props.error.clone()} note={props.note.clone()}
            hint={AttrValue::from(Text::DateHint.get(lang))} inputmode={AttrValue::from("numeric")} />
    }
}
