//! The code of the views off the first screen: a second wasm module (`bin/views.rs`),
//! fetched when a case, the bank, plan, data or sources tab first opens.
//!
//! Those views (a case with its letters and forms, the bank statement's parsing and
//! matching, the contract form and its pre-fill, export and import, the law texts, their
//! Yew components) weigh about a fifth of
//! the app; loading them with the app would put the first screen over its budget. One
//! module for them all, so that Yew and serde are downloaded a second time once at most. Trunk
//! builds it as a `data-type="worker"` link without a loader shim: it writes `views.js`
//! (wasm-bindgen's `no-modules` glue, which declares a global `wasm_bindgen`) and
//! `views_bg.wasm`, unhashed and not loaded by the page. Here, once:
//!
//! 1. a `<script src="./views.js">` is added and its `load` awaited (an `error`, offline
//!    without the service worker's copy, removes it so that a later try adds it again);
//! 2. `wasm_bindgen({module_or_path: "./views_bg.wasm"})` fetches and starts the module
//!    (wasm-bindgen forgets a failed start, so it can be retried too);
//! 3. its exports `mount(root, view, lang)` and `unmount()` are then called by `app::views_host`.
//!
//! Both files are allowed by the page's CSP (`script-src 'self'`, `connect-src 'self'`)
//! and precached by the service worker with every other file of the build
//! (`tools/postbuild.py`). The module shares nothing with this one but the DOM: the element
//! it renders into, localStorage through the same `core::store` code, and the
//! `storage::STORED_EVENT` each module sends after a save. A panic there (the release
//! profile aborts) stops that module only; the calls below report it as an error.

use std::cell::RefCell;

use js_sys::{Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, HtmlElement};

/// The module's glue, emitted by Trunk next to index.html (never hashed, by design).
const SCRIPT_URL: &str = "./views.js";

/// The module itself.
const WASM_URL: &str = "./views_bg.wasm";

// The glue's global is a `let` of a classic script: a binding of the global scope but not a
// property of `window`, so it is named here rather than looked up on `window`. `catch`
// turns a missing global (the script not loaded) or a trap in the module into an `Err`.
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_name = wasm_bindgen)]
    fn views_init(options: &JsValue) -> Result<Promise, JsValue>;

    #[wasm_bindgen(catch, js_namespace = wasm_bindgen, js_name = mount)]
    fn views_mount(root: &Element, view: &str, lang: &str) -> Result<(), JsValue>;

    #[wasm_bindgen(catch, js_namespace = wasm_bindgen, js_name = unmount)]
    fn views_unmount() -> Result<(), JsValue>;
}

thread_local! {
    /// The glue's script once added, and the promise of its `load`: every caller awaits the
    /// same one (adding the script twice would declare its global twice, a SyntaxError).
    static SCRIPT: RefCell<Option<(HtmlElement, Promise)>> = const { RefCell::new(None) };
}

/// Why the module is not there, in the browser's words or as what was missing (for the
/// console; the person gets `Text::ViewUnavailable`).
#[derive(Clone, Debug, PartialEq)]
pub struct LoadError(pub String);

fn error(what: &str, value: JsValue) -> LoadError {
    let said = value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| format!("{value:?}"));
    LoadError(format!("{what}: {said}"))
}

/// The glue's script: added to the page on the first call, its `load` awaited by all.
fn script() -> Result<Promise, LoadError> {
    if let Some((_, loaded)) = SCRIPT.with(|s| s.borrow().clone()) {
        return Ok(loaded);
    }
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| LoadError("window.document".into()))?;
    let element: HtmlElement = document
        .create_element("script")
        .map_err(|e| error("script", e))?
        .unchecked_into();
    element
        .set_attribute("src", SCRIPT_URL)
        .map_err(|e| error("script", e))?;
    let loaded = Promise::new(&mut |resolve, reject| {
        element.set_onload(Some(&resolve));
        element.set_onerror(Some(&reject));
    });
    let parent = document
        .head()
        .map(Element::from)
        .or_else(|| document.document_element())
        .ok_or_else(|| LoadError("document.head".into()))?;
    parent
        .append_child(&element)
        .map_err(|e| error("script", e))?;
    SCRIPT.with(|s| *s.borrow_mut() = Some((element, loaded.clone())));
    Ok(loaded)
}

/// Fetches and starts the module, once: later calls return as soon as it runs.
pub async fn load() -> Result<(), LoadError> {
    if JsFuture::from(script()?).await.is_err() {
        // Offline without the service worker's copy, say: the next try adds it afresh.
        if let Some((element, _)) = SCRIPT.with(|s| s.borrow_mut().take()) {
            element.remove();
        }
        return Err(LoadError(format!("{SCRIPT_URL} could not be loaded")));
    }
    let options = Object::new();
    Reflect::set(&options, &"module_or_path".into(), &WASM_URL.into())
        .map_err(|e| error("init", e))?;
    // Once started, wasm-bindgen's init resolves at once; a failed start is forgotten.
    let started = views_init(&options).map_err(|e| error("init", e))?;
    JsFuture::from(started)
        .await
        .map_err(|e| error(WASM_URL, e))?;
    Ok(())
}

/// Renders `view` (`app::views_root::Lazy::tag`) into `root`, in `lang` (a `Lang::tag`).
pub fn mount(root: &Element, view: &str, lang: &str) -> Result<(), LoadError> {
    views_mount(root, view, lang).map_err(|e| error("mount", e))
}

/// Removes the view (its tab is left).
pub fn unmount() {
    if let Err(e) = views_unmount() {
        gloo::console::warn!(error("unmount", e).0);
    }
}
