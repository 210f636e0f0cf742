//! The worker side of reading: a request (`core::engine::Request`, as JSON) and the file's
//! bytes in, the answer (`core::engine::Response`, as JSON) out.
//!
//! Runs inside a dedicated worker, which answers each request it is given (the host keeps
//! it for the next one after a clean answer): if a parser panics or loops on a hostile
//! file, only this worker dies (the host terminates it) and the page keeps going.

use js_sys::{Array, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use crate::core::engine::{self, Request};
use crate::services::reader_host::READY;

/// The request and the bytes of a message (`[request as JSON, bytes]`); `None` for any
/// other message.
fn request_of(data: &JsValue) -> Option<(Request, Vec<u8>)> {
    let parts = data.dyn_ref::<Array>()?;
    let request = serde_json::from_str(&parts.get(0).as_string()?).ok()?;
    let bytes = parts.get(1).dyn_into::<Uint8Array>().ok()?.to_vec();
    Some((request, bytes))
}

/// Registers the message handler of the parse worker.
pub fn register() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        // A message that is no request gets no answer the page could take for one: the
        // host's time limit, or its check of the answer, reports it.
        let json = request_of(&event.data())
            .and_then(|(request, bytes)| {
                serde_json::to_string(&engine::answer(&request, &bytes)).ok()
            })
            .unwrap_or_else(|| "null".to_string());
        // If posting fails the host's time limit reports the file; nothing else to do here.
        let _ = reply_to.post_message(&JsValue::from_str(&json));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    // Only now can a file be taken: a message posted earlier would have been dropped.
    let _ = scope.post_message(&JsValue::from_str(READY));
}
