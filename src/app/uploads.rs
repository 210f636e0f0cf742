//! The uploads hook: intent methods over the pure `Uploads` reducer.

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use crate::core::uploads::{Upload, UploadAction, Uploads};
use crate::services::{files, reader_host};

/// The sample bill shipped with the app (made by the project's fixture generator).
const SAMPLE_BILL: &[u8] = include_bytes!("../../tests/fixtures/bills/sample-orange-mobile.pdf");

#[derive(Default, PartialEq)]
struct UploadsState(Uploads);

impl Reducible for UploadsState {
    type Action = UploadAction;

    fn reduce(self: Rc<Self>, action: UploadAction) -> Rc<Self> {
        let mut next = self.0.clone();
        next.apply(action);
        Rc::new(UploadsState(next))
    }
}

/// Handle on the uploads of this visit.
#[derive(Clone)]
pub struct UseUploads {
    state: UseReducerHandle<UploadsState>,
    next_id: Rc<Cell<u32>>,
}

impl PartialEq for UseUploads {
    fn eq(&self, other: &Self) -> bool {
        self.state == other.state
    }
}

impl UseUploads {
    /// The uploads, newest first.
    pub fn items(&self) -> &[Upload] {
        &self.state.0.items
    }

    fn mint(&self) -> u32 {
        let id = self.next_id.get();
        self.next_id.set(id + 1);
        id
    }

    /// Reads the given files one after the other, each in its own worker.
    pub fn add_files(&self, picked: Vec<web_sys::File>) {
        let jobs: Vec<(u32, gloo::file::File)> = picked
            .into_iter()
            .map(|file| {
                let file = gloo::file::File::from(file);
                let id = self.mint();
                self.state.dispatch(UploadAction::Started {
                    id,
                    name: file.name(),
                    size: file.size(),
                });
                (id, file)
            })
            .collect();
        let dispatcher = self.state.dispatcher();
        wasm_bindgen_futures::spawn_local(async move {
            for (id, file) in jobs {
                let result = match files::read_bytes(&file).await {
                    Ok(bytes) => reader_host::read_in_worker(bytes, &file.name()).await,
                    Err(error) => Err(error),
                };
                dispatcher.dispatch(UploadAction::Finished {
                    id,
                    result: result.map(Box::new),
                });
            }
        });
    }

    /// Reads the sample bill shipped with the app.
    pub fn add_sample(&self, name: &str) {
        let id = self.mint();
        let name = name.to_string();
        self.state.dispatch(UploadAction::Started {
            id,
            name: name.clone(),
            size: SAMPLE_BILL.len() as u64,
        });
        let dispatcher = self.state.dispatcher();
        wasm_bindgen_futures::spawn_local(async move {
            let result = reader_host::read_in_worker(SAMPLE_BILL.to_vec(), &name).await;
            dispatcher.dispatch(UploadAction::Finished {
                id,
                result: result.map(Box::new),
            });
        });
    }

    /// Removes a file from the list.
    pub fn remove(&self, id: u32) {
        self.state.dispatch(UploadAction::Removed { id });
    }
}

/// The uploads of this visit.
#[hook]
pub fn use_uploads() -> UseUploads {
    let state = use_reducer(UploadsState::default);
    let next_id = use_memo((), |_| Cell::new(1u32));
    UseUploads { state, next_id }
}
