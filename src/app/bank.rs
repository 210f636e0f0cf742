//! The bank module's stores. `contestel.bank` (the telecom debits, the periods covered,
//! the banks' column mappings, the ties) is loaded once and saved after every change; the
//! bills, the plans and the journal are the app's, read through the same `core::store`
//! code and read again whenever the app (or another tab) saves them. Contesting a debit
//! writes the journal at once, as stored then: this module is removed as soon as the app
//! shows the case, so nothing may wait for an effect.

use std::rc::Rc;

use yew::prelude::*;

use super::journal::StorageStatus;
use crate::core::bank::matching::DebitFinding;
use crate::core::bank::stored::BankData;
use crate::core::bank::telecom::{self, Debit, Tie};
use crate::core::bank::Statement;
use crate::core::bill::{Bill, Operator};
use crate::core::i18n::Lang;
use crate::core::journal::Journal;
use crate::core::store::{StoreError, Stored};
use crate::services::storage::{self, Load, SaveError};

/// Handle on the bank data.
#[derive(Clone, PartialEq)]
pub struct UseBank {
    data: UseStateHandle<BankData>,
    saved_at: UseStateHandle<i64>,
    status: UseStateHandle<StorageStatus>,
}

impl UseBank {
    /// What is kept.
    pub fn data(&self) -> &BankData {
        &self.data
    }

    /// Where it stands with respect to storage.
    pub fn status(&self) -> StorageStatus {
        *self.status
    }

    fn set(&self, next: BankData) {
        match storage::save(&next, *self.saved_at) {
            Ok(at) => {
                self.saved_at.set(at);
                self.status.set(StorageStatus::Saved);
            }
            Err(error) => self.status.set(StorageStatus::after(&error)),
        }
        self.data.set(next);
    }

    /// Keeps the telecom operations of a statement (the others are dropped here, never
    /// stored); returns how many operations were read and how many kept.
    pub fn import(&self, statement: &Statement) -> (usize, usize) {
        let mut next = (*self.data).clone();
        let kept = telecom::keep(&statement.operations, &next.ties);
        let learned = telecom::learned_ties(&kept, &next.ties);
        let count = kept.len();
        next.import(statement, kept, learned);
        self.set(next);
        (statement.operations.len(), count)
    }

    /// Ties a label to an operator, or unties it (`None`).
    pub fn tie(&self, key: String, operator: Option<Operator>) {
        let mut next = (*self.data).clone();
        match operator {
            Some(operator) => next.tie(Tie { key, operator }),
            None => next.ties.retain(|t| t.key != key),
        }
        self.set(next);
    }

    /// Forgets the debits kept (mappings and ties stay).
    pub fn forget(&self) {
        let mut next = (*self.data).clone();
        next.forget_debits();
        self.set(next);
    }
}

fn load_bank() -> (BankData, i64, StorageStatus) {
    match storage::load::<BankData>() {
        Load::Loaded(loaded) => (loaded.value, loaded.saved_at, StorageStatus::Saved),
        Load::Empty => (BankData::default(), 0, StorageStatus::Saved),
        Load::Unavailable => (BankData::default(), 0, StorageStatus::Unavailable),
        Load::Unreadable { .. } => (BankData::default(), 0, StorageStatus::Unreadable),
    }
}

/// The bank data, loaded once, and again when another tab saves it.
#[hook]
pub fn use_bank() -> UseBank {
    let loaded = use_memo((), |_| load_bank());
    let bank = UseBank {
        data: use_state(|| loaded.0.clone()),
        saved_at: use_state(|| loaded.1),
        status: use_state(|| loaded.2),
    };
    {
        let bank = bank.clone();
        use_effect_with((), move |_| {
            let listener = storage::on_change(BankData::KEY, move || {
                if let (data, saved_at, StorageStatus::Saved) = load_bank() {
                    bank.saved_at.set(saved_at);
                    bank.data.set(data);
                }
            });
            move || drop(listener)
        });
    }
    bank
}

fn read<T: Stored>() -> T {
    match storage::load::<T>() {
        Load::Loaded(loaded) => loaded.value,
        // What cannot be read is the app's to report (and it was set aside); here it is
        // as if nothing were stored.
        _ => T::default(),
    }
}

/// A store of the app this view only reads (the bills, the plans, the journal): loaded
/// when the view is mounted, and again whenever the app or another tab saves it.
#[hook]
pub fn use_read<T: Stored + PartialEq + 'static>() -> Rc<T> {
    let value = use_state(|| Rc::new(read::<T>()));
    {
        let value = value.clone();
        use_effect_with((), move |_| {
            let listener = storage::on_change(T::KEY, move || value.set(Rc::new(read::<T>())));
            move || drop(listener)
        });
    }
    (*value).clone()
}

/// Contests a debit the statement shows: the journal as stored now gets the case the core
/// chooses (`core::bank::contest`: joined or opened, paid by direct debit), and is saved
/// before this returns (the app hears of it through `storage::STORED_EVENT`). Like the
/// app's journal, an unreadable journal is set aside (by `storage::save`) before a new one
/// is written, and one from a newer Contestel is never written. Returns the case's id,
/// `Ok(None)` when the finding cannot be contested, or why it could not be saved.
pub fn contest_debit(
    finding: &DebitFinding,
    debits: &[Debit],
    bills: &[Bill],
    lang: Lang,
) -> Result<Option<u32>, StorageStatus> {
    let (mut journal, saved_at) = match storage::load::<Journal>() {
        Load::Loaded(loaded) => (loaded.value, loaded.saved_at),
        Load::Empty => (Journal::default(), 0),
        Load::Unavailable => return Err(StorageStatus::Unavailable),
        Load::Unreadable {
            error: StoreError::TooNew { .. },
            ..
        } => return Err(StorageStatus::TooNew),
        Load::Unreadable { .. } => (Journal::default(), 0),
    };
    let today = crate::services::clock::today();
    let Some((id, actions)) =
        crate::core::bank::contest::contest(&journal, finding, debits, bills, today, lang)
    else {
        return Ok(None);
    };
    for action in actions {
        journal.apply(action).map_err(|_| StorageStatus::Failed)?;
    }
    match storage::save(&journal, saved_at) {
        Ok(_) => Ok(Some(id)),
        Err(SaveError::NewerElsewhere { .. }) => Err(StorageStatus::ReloadedFromOtherTab),
        Err(error) => Err(StorageStatus::after(&error)),
    }
}
