//! The bank tab's module: fetched by the app when that tab opens
//! (`services::bank_module`), it renders the bank view into the element the app gives it.

#[cfg(target_arch = "wasm32")]
mod exports {
    use wasm_bindgen::prelude::*;

    /// Renders the bank view into `root`, in `lang` (`fr` or `en`).
    #[wasm_bindgen]
    pub fn mount(root: web_sys::Element, lang: &str) {
        contestel::app::bank_root::mount(root, lang);
    }

    /// Removes the bank view.
    #[wasm_bindgen]
    pub fn unmount() {
        contestel::app::bank_root::unmount();
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The bank module runs in a browser, loaded by the app: `make serve`.");
}
