//! The pure core: bytes and values in, values out.
//!
//! Nothing here may import a browser or UI crate (yew, web_sys, gloo, js_sys,
//! wasm_bindgen), read a clock or draw a random number: the date of "today" is passed in.
//! That is what lets `cargo test` reach all of it natively, in milliseconds.

pub mod associations;
pub mod backup;
pub mod bank;
pub mod bill;
pub mod charts;
pub mod contract;
pub mod corrections;
pub mod dates;
pub mod engine;
pub mod error;
pub mod export_memo;
pub mod finding;
pub mod finding_groups;
pub mod fix;
pub mod household;
pub mod i18n;
pub mod interpret;
pub mod journal;
pub mod lang;
pub mod law;
pub mod layout;
pub mod markup;
pub mod money;
pub mod origin;
pub mod pdf;
pub mod phone;
pub mod plan;
pub mod provenance;
pub mod reader;
pub mod rules;
pub mod store;
pub mod uploads;
pub mod vocab;
