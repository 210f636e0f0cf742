//! Contestel: read French telecom bills, flag what looks wrong, keep the dispute journal.
//!
//! Three layers, visible from the folder names: `core` is pure Rust (bytes and values in,
//! values out), `app` is the Yew UI, `services` is the only place touching browser APIs.

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod services;
