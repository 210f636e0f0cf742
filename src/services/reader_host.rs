//! The page side of reading: one fresh worker per file, a time limit, and `terminate()`.
//!
//! Whatever happens in the worker (a panic, an endless loop, a script that fails to load),
//! the caller gets a `ReadError` it can show, and the worker is gone.
//!
//! The exchange: the worker says [`READY`] once its handler is registered (a message
//! posted before that would be dropped, since the wasm loads asynchronously), the page
//! then transfers the bytes, and the worker answers with `Result<Reading, ReadError>` as
//! JSON.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use js_sys::{Function, Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};

use crate::core::error::{ReadError, ReadErrorKind};
use crate::core::reader::{check_envelope, Reading};

/// How long a worker may take on one file, start-up included, before it is stopped.
pub const TIME_LIMIT_SECONDS: u32 = 10;

/// What the worker says once it can take a file.
pub const READY: &str = "ready";

/// The worker's loader, emitted by Trunk next to index.html (never hashed, by design).
const WORKER_URL: &str = "./worker_loader.js";

/// Why waiting for the worker ended without an answer.
enum Failure {
    TimedOut,
    Died,
}

/// The promise currently awaited: settled by the worker's next message, its death, or the
/// time limit, whichever comes first.
#[derive(Default)]
struct Waiting {
    settle: RefCell<Option<(Function, Function)>>,
    expired: Cell<bool>,
}

impl Waiting {
    fn next(&self) -> Result<Promise, Failure> {
        if self.expired.get() {
            return Err(Failure::TimedOut);
        }
        let mut pair = None;
        let promise = Promise::new(&mut |resolve, reject| pair = Some((resolve, reject)));
        *self.settle.borrow_mut() = pair;
        Ok(promise)
    }

    fn resolve(&self, value: &JsValue) {
        if let Some((resolve, _)) = self.settle.borrow_mut().take() {
            let _ = resolve.call1(&JsValue::NULL, value);
        }
    }

    fn reject(&self, reason: &JsValue) {
        if let Some((_, reject)) = self.settle.borrow_mut().take() {
            let _ = reject.call1(&JsValue::NULL, reason);
        }
    }
}

async fn settled(waiting: &Waiting, promise: Promise) -> Result<JsValue, Failure> {
    JsFuture::from(promise).await.map_err(|_| {
        if waiting.expired.get() {
            Failure::TimedOut
        } else {
            Failure::Died
        }
    })
}

/// Reads a PDF in a fresh worker. `source` is the file name, kept in the bill.
pub async fn read_in_worker(bytes: Vec<u8>, source: &str) -> Result<Reading, ReadError> {
    // Cheap checks first: no worker start-up for a file that is obviously not a bill.
    check_envelope(&bytes)?;

    let options = WorkerOptions::new();
    options.set_type(WorkerType::Classic);
    let worker = Worker::new_with_options(WORKER_URL, &options)
        .map_err(|_| ReadError::new(ReadErrorKind::Crashed))?;

    let waiting = Rc::new(Waiting::default());
    let on_message = {
        let waiting = Rc::clone(&waiting);
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            waiting.resolve(&event.data())
        })
    };
    let on_error = {
        let waiting = Rc::clone(&waiting);
        Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| waiting.reject(&event))
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    worker.set_onmessageerror(Some(on_error.as_ref().unchecked_ref()));
    let timer = {
        let waiting = Rc::clone(&waiting);
        gloo::timers::callback::Timeout::new(TIME_LIMIT_SECONDS * 1000, move || {
            waiting.expired.set(true);
            waiting.reject(&JsValue::NULL);
        })
    };

    let outcome = exchange(&worker, &waiting, bytes).await;
    worker.terminate();
    timer.cancel();
    drop((on_message, on_error));

    match outcome {
        Ok(json) => {
            let result: Result<Reading, ReadError> =
                serde_json::from_str(&json).map_err(|_| ReadError::new(ReadErrorKind::Crashed))?;
            result.map(|mut reading| {
                reading.bill.source = source.to_string();
                reading
            })
        }
        Err(Failure::TimedOut) => Err(ReadError::new(ReadErrorKind::Timeout {
            seconds: TIME_LIMIT_SECONDS,
        })),
        Err(Failure::Died) => Err(ReadError::new(ReadErrorKind::Crashed)),
    }
}

async fn exchange(worker: &Worker, waiting: &Waiting, bytes: Vec<u8>) -> Result<String, Failure> {
    let hello = settled(waiting, waiting.next()?).await?;
    if hello.as_string().as_deref() != Some(READY) {
        return Err(Failure::Died);
    }
    let message = Uint8Array::from(bytes.as_slice());
    drop(bytes);
    let transfer = js_sys::Array::of1(&message.buffer());
    let answer = waiting.next()?;
    worker
        .post_message_with_transfer(&message, &transfer)
        .map_err(|_| Failure::Died)?;
    settled(waiting, answer)
        .await?
        .as_string()
        .ok_or(Failure::Died)
}
