//! Small helpers turning form events into values: leaf components emit domain values,
//! never DOM events.

use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

/// The value of the input, select or textarea an event came from.
pub fn event_value(event: &Event) -> String {
    let Some(target) = event.target() else {
        return String::new();
    };
    if let Some(input) = target.dyn_ref::<HtmlInputElement>() {
        return input.value();
    }
    if let Some(select) = target.dyn_ref::<HtmlSelectElement>() {
        return select.value();
    }
    if let Some(area) = target.dyn_ref::<HtmlTextAreaElement>() {
        return area.value();
    }
    String::new()
}

/// A callback storing an input's value into a state on every keystroke.
pub fn bind(state: &UseStateHandle<String>) -> Callback<InputEvent> {
    let state = state.clone();
    Callback::from(move |e: InputEvent| state.set(event_value(&e)))
}

/// A callback storing a select's value into a state.
pub fn bind_select(state: &UseStateHandle<String>) -> Callback<Event> {
    let state = state.clone();
    Callback::from(move |e: Event| state.set(event_value(&e)))
}

/// The serde name of a unit enum variant, for a select's option value. Through text,
/// like what is stored: one copy of each type's serde code in the app.
pub fn key<T: serde::Serialize>(value: T) -> String {
    serde_json::to_string(&value)
        .map(|text| text.trim_matches('"').to_string())
        .unwrap_or_default()
}

/// The unit enum variant named by a select's option value.
pub fn parse_key<T: serde::de::DeserializeOwned>(key: &str) -> Option<T> {
    serde_json::to_string(key)
        .ok()
        .and_then(|quoted| serde_json::from_str(&quoted).ok())
}
