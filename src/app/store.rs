//! The stores the app holds whole and saves whole after each change (the plans, the bank's
//! data): one hook for all of them. The journal and the corrections, whose changes are
//! actions replayed over another tab's saves, have reducers of their own
//! (`journal.rs`, `corrections.rs`); every store is read the same way ([`load_stored`]).

use yew::prelude::*;

use super::journal::StorageStatus;
use crate::core::store::Stored;
use crate::services::storage::{self, Load};

/// A store as the app starts from it: its value (the default when nothing readable is
/// stored), when it was saved, and where it stands. One reading for every store the app
/// holds (the journal, the plans, the corrections, the bank's data): what cannot be read
/// was set aside by `storage::load`, and a newer Contestel's value is never saved over.
pub fn load_stored<T: Stored + Default>() -> (T, i64, StorageStatus) {
    match storage::load::<T>() {
        Load::Unavailable => (T::default(), 0, StorageStatus::Unavailable),
        Load::Empty => (T::default(), 0, StorageStatus::Saved),
        Load::Loaded(loaded) => (loaded.value, loaded.saved_at, StorageStatus::Saved),
        Load::Unreadable {
            error: crate::core::store::StoreError::TooNew { .. },
            ..
        } => (T::default(), 0, StorageStatus::TooNew),
        Load::Unreadable { .. } => (T::default(), 0, StorageStatus::Unreadable),
    }
}

/// Handle on a store: its value, where it stands, and a way to change it.
pub struct UseStore<T: 'static> {
    value: UseStateHandle<T>,
    saved_at: UseStateHandle<i64>,
    status: UseStateHandle<StorageStatus>,
}

impl<T: 'static> Clone for UseStore<T> {
    fn clone(&self) -> Self {
        UseStore {
            value: self.value.clone(),
            saved_at: self.saved_at.clone(),
            status: self.status.clone(),
        }
    }
}

/// As Yew compares its handles: the values each saw when it was made (a handle's deref is
/// the state now, the same for every handle of one hook, so comparing derefs would find
/// every render's handle equal, and the views given it would not render again).
impl<T: PartialEq + 'static> PartialEq for UseStore<T> {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value && self.saved_at == other.saved_at && self.status == other.status
    }
}

impl<T: Stored + Clone + 'static> UseStore<T> {
    /// The value.
    pub fn get(&self) -> &T {
        &self.value
    }

    /// Where it stands with respect to storage.
    pub fn status(&self) -> StorageStatus {
        *self.status
    }

    /// Replaces the value and saves it (what could not be saved stays on screen for this
    /// visit, and the status says why).
    pub fn set(&self, next: T) {
        match storage::save(&next, *self.saved_at) {
            Ok(at) => {
                self.saved_at.set(at);
                self.status.set(StorageStatus::Saved);
            }
            Err(error) => self.status.set(StorageStatus::after(&error)),
        }
        self.value.set(next);
    }
}

/// A store, loaded once, and again whenever another tab saves it.
#[hook]
pub fn use_store<T: Stored + Default + Clone + 'static>() -> UseStore<T> {
    let loaded = use_memo((), |_| load_stored::<T>());
    let store = UseStore {
        value: use_state(|| loaded.0.clone()),
        saved_at: use_state(|| loaded.1),
        status: use_state(|| loaded.2),
    };
    {
        let store = store.clone();
        use_effect_with((), move |_| {
            let listener = storage::on_change(T::KEY, move || {
                if let (value, saved_at, StorageStatus::Saved) = load_stored::<T>() {
                    store.saved_at.set(saved_at);
                    store.value.set(value);
                }
            });
            move || drop(listener)
        });
    }
    store
}
