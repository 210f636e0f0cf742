//! Where bills come in: drag and drop, a file picker, or the sample bill.

use wasm_bindgen::JsCast;
use web_sys::{DragEvent, FileList, HtmlInputElement};
use yew::prelude::*;

use super::use_lang;
use crate::core::i18n::Text;

/// Props of [`DropZone`].
#[derive(Properties, PartialEq)]
pub struct DropZoneProps {
    /// Called with the files dropped or picked.
    pub onfiles: Callback<Vec<web_sys::File>>,
    /// Called when the person asks for the sample bill.
    pub onsample: Callback<()>,
}

fn files_of(list: Option<FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// The drop zone.
#[function_component(DropZone)]
pub fn drop_zone(props: &DropZoneProps) -> Html {
    let lang = use_lang();
    let dragging = use_state(|| false);

    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let ondrop = {
        let dragging = dragging.clone();
        let onfiles = props.onfiles.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            let files = files_of(e.data_transfer().and_then(|t| t.files()));
            if !files.is_empty() {
                onfiles.emit(files);
            }
        })
    };
    let onchange = {
        let onfiles = props.onfiles.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            else {
                return;
            };
            let files = files_of(input.files());
            // Cleared so that picking the same file again reads it again.
            input.set_value("");
            if !files.is_empty() {
                onfiles.emit(files);
            }
        })
    };
    let onsample = props.onsample.reform(|_: MouseEvent| ());

    html! {
        <div class={classes!("drop-zone", dragging.then_some("dragging"))}
            {ondragover} {ondragleave} {ondrop}>
            <p class="drop-title">{ Text::DropTitle.get(lang) }</p>
            <p class="drop-hint">{ Text::DropHint.get(lang) }</p>
            <div class="drop-actions">
                <input id="file-input" class="visually-hidden" type="file" multiple=true
                    accept="application/pdf,.pdf" {onchange} />
                <label class="button primary" for="file-input">{ Text::ChooseFiles.get(lang) }</label>
                <button type="button" class="button" id="sample-button" onclick={onsample}>
                    { Text::TrySample.get(lang) }
                </button>
            </div>
        </div>
    }
}
