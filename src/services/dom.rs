//! The page itself: focus, scrolling, the document's language, an input's value, taking
//! over from the first screen of `index.html`. The components ask for these by intent, so
//! that the browser stays in `services/`.

use wasm_bindgen::JsCast;

/// The element with id `id`, as an HTML element.
fn element(id: &str) -> Option<web_sys::HtmlElement> {
    gloo::utils::document()
        .get_element_by_id(id)?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()
}

/// Sets the document's language (`<html lang>`), which screen readers follow.
pub fn set_document_lang(tag: &str) {
    if let Some(root) = gloo::utils::document().document_element() {
        // Refused only on an invalid tag; ours are constants.
        let _ = root.set_attribute("lang", tag);
    }
}

/// Moves focus to the element `id` without scrolling.
pub fn focus_without_scroll(id: &str) {
    if let Some(target) = element(id) {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = target.focus_with_options(&options);
    }
}

/// Moves focus to the element `id` and scrolls it into view.
pub fn focus_and_reveal(id: &str) {
    if let Some(target) = element(id) {
        let _ = target.focus();
        target.scroll_into_view();
    }
}

/// Scrolls the element `id` into view.
pub fn reveal(id: &str) {
    if let Some(target) = gloo::utils::document().get_element_by_id(id) {
        target.scroll_into_view();
    }
}

/// Moves to another part of the app by the address's `#` part (`#/case/3`), which the
/// app's router follows; the page is not reloaded.
pub fn go_to_hash(href: &str) {
    if let Some(window) = web_sys::window() {
        // Refused only in a sandboxed frame without navigation: the view stays.
        let _ = window.location().set_hash(href);
    }
}

/// Scrolls the window back to the top of the page.
pub fn scroll_to_top() {
    if let Some(window) = web_sys::window() {
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// The current value of the input `id`, if there is one.
pub fn input_value(id: &str) -> Option<String> {
    gloo::utils::document()
        .get_element_by_id(id)?
        .dyn_into::<web_sys::HtmlInputElement>()
        .ok()
        .map(|input| input.value())
}

/// What the first screen of `index.html` kept before the app mounted: the files chosen or
/// dropped, and whether the sample was asked for.
#[derive(Clone, Default)]
pub struct Pending {
    /// The files, in the order they came.
    pub files: Vec<web_sys::File>,
    /// Whether the sample bill was asked for.
    pub sample: bool,
}

impl PartialEq for Pending {
    fn eq(&self, other: &Self) -> bool {
        self.sample == other.sample
            && self.files.len() == other.files.len()
            && self
                .files
                .iter()
                .zip(&other.files)
                .all(|(a, b)| wasm_bindgen::JsValue::from(a) == wasm_bindgen::JsValue::from(b))
    }
}

/// Takes over from the first screen of `index.html`: what it kept (its script stops
/// keeping anything from now on), and its elements removed, the app rendering in their
/// place.
pub fn take_shell() -> Pending {
    let mut pending = Pending::default();
    let Some(window) = web_sys::window() else {
        return pending;
    };
    let key = wasm_bindgen::JsValue::from_str("contestelPending");
    if let Ok(kept) = js_sys::Reflect::get(&window, &key) {
        if let Ok(files) = js_sys::Reflect::get(&kept, &"files".into()) {
            if let Some(files) = files.dyn_ref::<js_sys::Array>() {
                pending.files = files
                    .iter()
                    .filter_map(|f| f.dyn_into::<web_sys::File>().ok())
                    .collect();
            }
        }
        pending.sample = js_sys::Reflect::get(&kept, &"sample".into())
            .ok()
            .and_then(|s| s.as_bool())
            .unwrap_or(false);
    }
    let _ = js_sys::Reflect::set(&window, &key, &wasm_bindgen::JsValue::NULL);
    if let Some(shell) = gloo::utils::document().get_element_by_id("shell") {
        shell.remove();
    }
    pending
}
