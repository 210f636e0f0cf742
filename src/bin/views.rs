//! The module of the views off the first screen (one case, bank, plan, data, sources):
//! fetched by the app when one of those views opens (`services::views_module`), it renders that view into
//! the element the app gives it.

#[cfg(target_arch = "wasm32")]
mod exports {
    use wasm_bindgen::prelude::*;

    /// Renders `view` (the app's route: `/cases/<id>`, `/bank`, `/plan`, `/data`, `/sources`
    /// or `/sources/<id>`) into `root`, in `lang` (`fr` or `en`).
    #[wasm_bindgen]
    pub fn mount(root: web_sys::Element, view: &str, lang: &str) {
        contestel::app::views_root::mount(root, view, lang);
    }

    /// Removes the view.
    #[wasm_bindgen]
    pub fn unmount() {
        contestel::app::views_root::unmount();
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The views module runs in a browser, loaded by the app: `make serve`.");
}
