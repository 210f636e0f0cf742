//! The page side of reading: a worker, a time limit per file, and `terminate()`. Bills and
//! bank statements are read there (`core::engine`), never on the page.
//!
//! Whatever happens in the worker (a panic, an endless loop, a script that fails to load),
//! the caller gets an error it can show, and the worker is gone: the next file gets a
//! fresh one. A worker that answered cleanly is kept, idle, for the next file, for
//! [`IDLE_SECONDS`] at most: a fresh worker compiles and warms the reader's wasm again,
//! which `make bench` measured at about half a second a file (24 monthly bills: 17 s in
//! fresh workers, 0.6 s in a warm one). A worker that read a file larger than
//! [`KEEP_AFTER_BYTES`] is not kept (its memory stays grown).
//!
//! The exchange: the worker says [`READY`] once its handler is registered (a message
//! posted before that would be dropped, since the wasm loads asynchronously), the page
//! then posts the request as JSON with the bytes transferred beside it, and the worker
//! answers with the `core::engine::Response` as JSON.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use js_sys::{Function, Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};

use crate::core::bank::csv::Mapping;
use crate::core::bank::{Statement, StatementError};
use crate::core::engine::{Request, Response};
use crate::core::error::{ReadError, ReadErrorKind};
use crate::core::reader::{check_envelope, Reading};

/// How long a worker may take on one file, start-up included, before it is stopped.
pub const TIME_LIMIT_SECONDS: u32 = 10;

/// What the worker says once it can take a file.
pub const READY: &str = "ready";

/// The worker's loader, emitted by Trunk next to index.html (never hashed, by design).
const WORKER_URL: &str = "./worker_loader.js";

/// How long a worker that answered cleanly waits for the next file before it is ended.
pub const IDLE_SECONDS: u32 = 60;

/// A worker that read a file larger than this is ended rather than kept.
pub const KEEP_AFTER_BYTES: usize = 4 << 20;

/// A worker past its "ready", waiting for a file, and the timer that ends it.
struct Idle {
    worker: Worker,
    _expiry: gloo::timers::callback::Timeout,
}

thread_local! {
    static IDLE: RefCell<Option<Idle>> = const { RefCell::new(None) };
}

/// Keeps a worker that answered cleanly for the next file (ending any other kept one).
fn keep(worker: Worker) {
    worker.set_onmessage(None);
    worker.set_onerror(None);
    worker.set_onmessageerror(None);
    let expiry = gloo::timers::callback::Timeout::new(IDLE_SECONDS * 1000, || {
        if let Some(idle) = IDLE.with(|idle| idle.borrow_mut().take()) {
            idle.worker.terminate();
        }
    });
    let previous = IDLE.with(|idle| {
        idle.borrow_mut().replace(Idle {
            worker,
            _expiry: expiry,
        })
    });
    if let Some(previous) = previous {
        previous.worker.terminate();
    }
}

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

/// Asks the worker kept from the last clean answer, or a fresh one: its answer, or why
/// there is none (the worker is then ended).
async fn ask(request: &Request, bytes: Vec<u8>) -> Result<Response, Failure> {
    // Taking it cancels its expiry (the timer is dropped with `Idle`).
    let kept = IDLE.with(|idle| idle.borrow_mut().take().map(|idle| idle.worker));
    let warm = kept.is_some();
    let worker = match kept {
        Some(worker) => worker,
        None => {
            let options = WorkerOptions::new();
            options.set_type(WorkerType::Classic);
            Worker::new_with_options(WORKER_URL, &options).map_err(|_| Failure::Died)?
        }
    };
    let size = bytes.len();

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

    let outcome = exchange(&worker, &waiting, request, bytes, warm).await;
    timer.cancel();
    // An answer that decodes (a reading, or a reading's error) leaves a worker fit for the
    // next file; anything else (no answer in time, a crash, an answer that does not
    // decode) ends it.
    let response =
        outcome.and_then(|json| serde_json::from_str::<Response>(&json).map_err(|_| Failure::Died));
    if response.is_ok() && size <= KEEP_AFTER_BYTES {
        keep(worker);
    } else {
        worker.terminate();
    }
    drop((on_message, on_error));
    response
}

/// Reads a PDF in a worker. `source` is the file name, kept in the bill.
pub async fn read_in_worker(bytes: Vec<u8>, source: &str) -> Result<Reading, ReadError> {
    // Cheap checks first: no worker start-up for a file that is obviously not a bill.
    check_envelope(&bytes)?;
    match ask(&Request::ReadBill, bytes).await {
        Ok(Response::Bill(result)) => result.map(|mut reading| {
            reading.bill.source = source.to_string();
            reading
        }),
        Err(Failure::TimedOut) => Err(ReadError::new(ReadErrorKind::Timeout {
            seconds: TIME_LIMIT_SECONDS,
        })),
        Ok(_) | Err(Failure::Died) => Err(ReadError::new(ReadErrorKind::Crashed)),
    }
}

/// Reads a bank statement in a worker, its columns as `mapping` says (else as detected).
pub async fn read_statement_in_worker(
    bytes: Vec<u8>,
    mapping: Option<Mapping>,
) -> Result<Statement, StatementError> {
    match ask(&Request::ReadStatement { mapping }, bytes).await {
        Ok(Response::Statement(result)) => result,
        _ => Err(StatementError::Stopped),
    }
}

/// Hands the bytes over and waits for the answer; a fresh worker (`warm` false) must say
/// it is ready first.
async fn exchange(
    worker: &Worker,
    waiting: &Waiting,
    request: &Request,
    bytes: Vec<u8>,
    warm: bool,
) -> Result<String, Failure> {
    if !warm {
        let hello = settled(waiting, waiting.next()?).await?;
        if hello.as_string().as_deref() != Some(READY) {
            return Err(Failure::Died);
        }
    }
    let request = serde_json::to_string(request).map_err(|_| Failure::Died)?;
    let copy = Uint8Array::from(bytes.as_slice());
    drop(bytes);
    let transfer = js_sys::Array::of1(&copy.buffer());
    let message = js_sys::Array::of2(&JsValue::from_str(&request), &copy);
    let answer = waiting.next()?;
    worker
        .post_message_with_transfer(&message, &transfer)
        .map_err(|_| Failure::Died)?;
    settled(waiting, answer)
        .await?
        .as_string()
        .ok_or(Failure::Died)
}
