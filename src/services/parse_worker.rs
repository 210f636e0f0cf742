//! The worker side of reading: bytes in, `Result<Reading, ReadError>` out, as JSON.
//!
//! Runs inside a dedicated worker, which answers each file it is given (the host keeps it
//! for the next file after a clean answer): if the PDF crates panic or loop on a hostile
//! file, only this worker dies (the host terminates it) and the page keeps going.

use js_sys::Uint8Array;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use crate::core::error::{ReadError, ReadErrorKind};
use crate::core::reader::{self, Reading};
use crate::services::reader_host::READY;

/// Registers the message handler of the parse worker.
pub fn register() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let data = event.data();
        let result: Result<Reading, ReadError> = match data.dyn_into::<Uint8Array>() {
            Ok(bytes) => reader::read(&bytes.to_vec(), ""),
            Err(_) => Err(ReadError::new(ReadErrorKind::Crashed)),
        };
        let json = serde_json::to_string(&result)
            .unwrap_or_else(|_| r#"{"Err":{"kind":"crashed"}}"#.to_string());
        // If posting fails the host's time limit reports the file; nothing else to do here.
        let _ = reply_to.post_message(&JsValue::from_str(&json));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    // Only now can a file be taken: a message posted earlier would have been dropped.
    let _ = scope.post_message(&JsValue::from_str(READY));
}
