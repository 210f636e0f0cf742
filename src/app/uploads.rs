//! The uploads hook: intent methods over the pure `Uploads` reducer.

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use crate::core::store::SavedBills;
use crate::core::store::Stored;
use crate::core::uploads::{merge_bills, Upload, UploadAction, Uploads};
use crate::services::storage::{self, Load};
use crate::services::{files, reader_host};

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

    /// See [`Uploads::shown_first`](crate::core::uploads::Uploads::shown_first).
    pub fn shown_first(&self, at_least: usize) -> usize {
        self.state.0.shown_first(at_least)
    }

    fn mint(&self) -> u32 {
        let id = self.next_id.get();
        self.next_id.set(id + 1);
        id
    }

    /// Reads the given files one after the other, each in its own worker.
    pub fn add_files(&self, picked: Vec<web_sys::File>) {
        let jobs: Vec<(u32, files::Picked)> = picked
            .into_iter()
            .map(|file| {
                let file = files::Picked::new(file);
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
                dispatcher.dispatch(UploadAction::Began { id });
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

    /// Reads the sample bill shipped with the app (made by the project's fixture
    /// generator), fetched from next to the app.
    pub fn add_sample(&self, name: &str) {
        let id = self.mint();
        let name = name.to_string();
        self.state.dispatch(UploadAction::Started {
            id,
            name: name.clone(),
            size: 0,
        });
        self.state.dispatch(UploadAction::Began { id });
        let dispatcher = self.state.dispatcher();
        wasm_bindgen_futures::spawn_local(async move {
            let result = match files::fetch_bytes(files::SAMPLE_URL).await {
                Ok(bytes) => reader_host::read_in_worker(bytes, &name).await,
                Err(error) => Err(error),
            };
            dispatcher.dispatch(UploadAction::Finished {
                id,
                result: result.map(Box::new),
            });
        });
    }

    /// The pages of the bills read in this visit, by bill key.
    pub fn fresh_pages(&self) -> Vec<(String, Vec<crate::core::layout::TextPage>)> {
        self.state.0.fresh_pages()
    }

    /// The keys of the bills whose pages were read in this visit.
    pub fn fresh_keys(&self) -> Vec<String> {
        self.items()
            .iter()
            .filter_map(|u| match &u.status {
                crate::core::uploads::UploadStatus::Read(r) if !r.pages.is_empty() => {
                    Some(crate::core::uploads::bill_key(&r.bill))
                }
                _ => None,
            })
            .collect()
    }

    /// Brings bills read elsewhere (an imported export) into the list, as another tab's
    /// would come: each one this visit lacks is added, none twice.
    pub fn merge_in(&self, bills: Vec<crate::core::bill::Bill>) {
        if bills.is_empty() {
            return;
        }
        let first_id = reserve(&self.next_id, bills.len());
        self.state
            .dispatch(UploadAction::Merged { bills, first_id });
    }

    /// Removes a file from the list.
    pub fn remove(&self, id: u32) {
        self.state.dispatch(UploadAction::Removed { id });
    }
}

/// Reserves `count` fresh upload ids; returns the first.
fn reserve(next_id: &Cell<u32>, count: usize) -> u32 {
    let first = next_id.get();
    next_id.set(first + count as u32);
    first
}

/// The uploads: the bills kept from earlier visits, then what the person adds. Every
/// change to the bills read is saved (as read structures, never the PDFs). Another tab's
/// bills are merged in, never written over: when it saved since this tab last did, and
/// when it saves while this tab is open.
#[hook]
pub fn use_uploads() -> UseUploads {
    let restored = use_memo((), |_| match storage::load::<SavedBills>() {
        Load::Loaded(saved) => (saved.value.bills, saved.saved_at),
        _ => (Vec::new(), 0),
    });
    let state = use_reducer(|| UploadsState(Uploads::restored(restored.0.clone(), 1)));
    let next_id = use_memo((), |_| Cell::new(restored.0.len() as u32 + 1));
    let saved_at = use_mut_ref(|| restored.1);
    {
        let bills = state.0.bills();
        let dispatcher = state.dispatcher();
        let next_id = next_id.clone();
        // The bills as restored are stored already: saved again, they would count as a
        // change on every visit (the reminder to export reads when stores were saved).
        let restored = restored.clone();
        use_effect_with(bills, move |bills| {
            if *saved_at.borrow() == restored.1 && *bills == restored.0 {
                return;
            }
            let kept = SavedBills {
                bills: bills.clone(),
            };
            // A failure here is not fatal: the bills stay on screen for this visit, and the
            // journal's banner already says when storage cannot be used.
            let last = *saved_at.borrow();
            let merge = |theirs: &SavedBills, ours: &SavedBills| SavedBills {
                bills: merge_bills(&ours.bills, &theirs.bills),
            };
            if let Ok((at, theirs)) = storage::save_merging(&kept, last, merge) {
                *saved_at.borrow_mut() = at;
                if let Some(theirs) = theirs {
                    let first_id = reserve(&next_id, theirs.bills.len());
                    dispatcher.dispatch(UploadAction::Merged {
                        bills: theirs.bills,
                        first_id,
                    });
                }
            }
        });
    }
    {
        // Another tab saved: its bills join this tab's list; the save that follows (when
        // they changed it) merges over theirs.
        let dispatcher = state.dispatcher();
        let next_id = next_id.clone();
        use_effect_with((), move |_| {
            let listener = storage::on_change(SavedBills::KEY, move || {
                if let Load::Loaded(theirs) = storage::load::<SavedBills>() {
                    let first_id = reserve(&next_id, theirs.value.bills.len());
                    dispatcher.dispatch(UploadAction::Merged {
                        bills: theirs.value.bills,
                        first_id,
                    });
                }
            });
            move || drop(listener)
        });
    }
    UseUploads { state, next_id }
}
