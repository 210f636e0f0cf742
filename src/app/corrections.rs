//! The person's corrections in the app: the pure `Corrections` reducer, plus where they
//! are stored, with the journal's guarantees.
//!
//! Saving is an effect after each change. A change another tab saved meanwhile is never
//! overwritten: it is loaded, and this tab's changes not yet saved are applied again on
//! top of it (edits are a log, so both tabs' corrections are kept). A full quota keeps
//! the changes in this page and says so; an unreadable stored value is set aside by
//! `services::storage` and never saved over.

use std::rc::Rc;

use yew::prelude::*;

use super::journal::StorageStatus;
use crate::core::bill::Bill;
use crate::core::corrections::{
    BillRef, Change, CorrectionAction, CorrectionError, Corrections, Target,
};
use crate::core::store::Stored;
use crate::services::storage::{self, Load, SaveError};

/// The corrections and their storage state.
#[derive(Clone, Debug, PartialEq)]
pub struct CorrectionsState {
    corrections: Corrections,
    saved_at: i64,
    status: StorageStatus,
    /// Bumped by every change the person makes: what the save effect follows.
    revision: u32,
    /// The changes made since the last save, replayed over another tab's newer data.
    unsaved: Vec<CorrectionAction>,
    /// The last change refused, if any.
    error: Option<CorrectionError>,
    /// The id of the last edit added, for "undo".
    last: Option<u32>,
}

/// What changes the state.
pub enum CorrectionsMsg {
    /// A change made by the person.
    Apply(CorrectionAction),
    /// Newer corrections found in storage (another tab), with this tab's unsaved
    /// changes already applied on top.
    Loaded(Corrections, i64, StorageStatus),
    /// The save effect succeeded with the first `n` unsaved changes in.
    Saved(i64, usize),
    /// The save effect failed.
    SaveFailed(StorageStatus),
}

impl Reducible for CorrectionsState {
    type Action = CorrectionsMsg;

    fn reduce(self: Rc<Self>, msg: CorrectionsMsg) -> Rc<Self> {
        let mut next = (*self).clone();
        match msg {
            CorrectionsMsg::Apply(action) => match next.corrections.apply(action.clone()) {
                Ok(added) => {
                    next.revision += 1;
                    next.error = None;
                    next.last = added;
                    next.unsaved.push(action);
                }
                Err(error) => next.error = Some(error),
            },
            CorrectionsMsg::Loaded(corrections, saved_at, status) => {
                next.corrections = corrections;
                next.saved_at = saved_at;
                next.status = status;
                next.unsaved.clear();
            }
            CorrectionsMsg::Saved(saved_at, n) => {
                next.saved_at = saved_at;
                next.unsaved.drain(..n.min(next.unsaved.len()));
                if next.status != StorageStatus::Unreadable {
                    next.status = StorageStatus::Saved;
                }
            }
            CorrectionsMsg::SaveFailed(status) => next.status = status,
        }
        Rc::new(next)
    }
}

fn load() -> CorrectionsState {
    let (corrections, saved_at, status) = super::store::load_stored::<Corrections>();
    CorrectionsState {
        corrections,
        saved_at,
        status,
        revision: 0,
        unsaved: Vec::new(),
        error: None,
        last: None,
    }
}

/// Applies this tab's unsaved changes over corrections another tab saved.
fn replay(mut newer: Corrections, unsaved: &[CorrectionAction]) -> Corrections {
    for action in unsaved {
        // A change the newer data refuses (a bill full of edits) is dropped, not fatal.
        let _ = newer.apply(action.clone());
    }
    newer
}

/// Handle on the corrections, with intent methods.
#[derive(Clone, PartialEq)]
pub struct UseCorrections {
    state: UseReducerHandle<CorrectionsState>,
}

impl UseCorrections {
    /// Every correction.
    pub fn all(&self) -> &Corrections {
        &self.state.corrections
    }

    /// Where they stand with respect to storage.
    pub fn status(&self) -> StorageStatus {
        self.state.status
    }

    /// The last change refused, if any.
    pub fn error(&self) -> Option<CorrectionError> {
        self.state.error
    }

    /// The id of the last edit added (what "undo" undoes).
    pub fn last(&self) -> Option<u32> {
        self.state.last
    }

    /// Corrects a bill (`read`: the bill as read).
    pub fn add(&self, read: &Bill, change: Change) {
        self.state
            .dispatch(CorrectionsMsg::Apply(CorrectionAction::Add {
                bill: BillRef::of(read),
                change,
            }));
    }

    /// Undoes one correction.
    pub fn remove(&self, id: u32) {
        self.state
            .dispatch(CorrectionsMsg::Apply(CorrectionAction::Remove { id }));
    }

    /// Back to what was read, for one thing of a bill.
    pub fn revert(&self, read: &Bill, target: Target) {
        // The edits may have been made on an earlier reading of the bill: revert them
        // under the reference they are stored with.
        let bill = self
            .all()
            .bills
            .iter()
            .find(|b| b.bill.matches(read))
            .map_or_else(|| BillRef::of(read), |b| b.bill.clone());
        self.state
            .dispatch(CorrectionsMsg::Apply(CorrectionAction::Revert {
                bill,
                target,
            }));
    }

    /// Replaces every correction (an import replacing everything, erasing everything).
    pub fn replace(&self, all: Corrections) {
        self.state
            .dispatch(CorrectionsMsg::Apply(CorrectionAction::Replace(all)));
    }

    /// Merges imported corrections in.
    pub fn merge(&self, other: Corrections) {
        self.state
            .dispatch(CorrectionsMsg::Apply(CorrectionAction::Merge(other)));
    }
}

/// The corrections, loaded once and saved after every change.
#[hook]
pub fn use_corrections() -> UseCorrections {
    let state = use_reducer(load);

    {
        let state = state.clone();
        use_effect_with(state.revision, move |revision| {
            let blocked = matches!(
                state.status,
                StorageStatus::Unavailable | StorageStatus::TooNew
            );
            if *revision == 0 || blocked {
                return;
            }
            let count = state.unsaved.len();
            match storage::save(&state.corrections, state.saved_at) {
                Ok(saved_at) => state.dispatch(CorrectionsMsg::Saved(saved_at, count)),
                Err(SaveError::NewerElsewhere { .. }) => {
                    // Another tab saved: its corrections and ours, saved together.
                    if let Load::Loaded(newer) = storage::load::<Corrections>() {
                        let merged = replay(newer.value, &state.unsaved);
                        let status = match storage::save(&merged, newer.saved_at) {
                            Ok(at) => (at, StorageStatus::Saved),
                            Err(error) => (newer.saved_at, StorageStatus::after(&error)),
                        };
                        state.dispatch(CorrectionsMsg::Loaded(merged, status.0, status.1));
                    }
                }
                Err(error) => {
                    state.dispatch(CorrectionsMsg::SaveFailed(StorageStatus::after(&error)))
                }
            }
        });
    }

    // What the listener below needs of the state as it is now, not as it was when the
    // listener was made.
    let unsaved = use_mut_ref(Vec::new);
    *unsaved.borrow_mut() = state.unsaved.clone();
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let listener = storage::on_change(Corrections::KEY, move || {
                if let Load::Loaded(newer) = storage::load::<Corrections>() {
                    let merged = replay(newer.value, &unsaved.borrow());
                    dispatcher.dispatch(CorrectionsMsg::Loaded(
                        merged,
                        newer.saved_at,
                        StorageStatus::Saved,
                    ));
                }
            });
            move || drop(listener)
        });
    }

    UseCorrections { state }
}
