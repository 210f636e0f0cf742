//! The parse worker's entry point: started by the app, ended on any failure.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    contestel::services::parse_worker::register();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The parse worker runs in a browser; natively, use `cargo run --bin inspect`.");
}
