//! The browser app's entry point: a panic hook, then the App.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    yew::Renderer::<contestel::app::App>::new().render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The app runs in a browser: `make serve`, then open http://127.0.0.1:8080");
}
