//! Getting text out of the page: the clipboard, a downloaded file, the printer.

use wasm_bindgen::JsCast;

/// Offers `text` as a file named `name` (a download, nothing leaves the device).
pub fn download_text(name: &str, text: &str, mime: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|e| format!("{e:?}"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| format!("{e:?}"))?;
    let document = gloo::utils::document();
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|e| format!("{e:?}"))?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Copies `text` to the clipboard; resolves to whether the browser allowed it.
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Prints the part of the page marked for printing: `body[data-print=KIND]` lets the print
/// stylesheet show only that part.
pub fn print(kind: &str) {
    let document = gloo::utils::document();
    let Some(body) = document.body() else { return };
    let _ = body.dataset().set("print", kind);
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
    body.dataset().delete("print");
}
