//! The browser app's entry point: a panic hook, the first screen taken over, then the App.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    // The first screen of index.html gives way, with what was dropped on it.
    let pending = contestel::services::dom::take_shell();
    // Inside another site's frame the app does not run: it says why instead.
    if !contestel::app::guard::may_run() {
        contestel::app::guard::refuse();
        return;
    }
    // Copies of data in an earlier format are kept a stated time, not for ever.
    contestel::services::storage::drop_expired_earlier_copies(
        contestel::services::storage::now_ms(),
    );
    yew::Renderer::<contestel::app::App>::with_props(contestel::app::AppProps { pending }).render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The app runs in a browser: `make serve`, then open http://127.0.0.1:8080");
}
