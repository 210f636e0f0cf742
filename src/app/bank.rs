//! The bank's store: `contestel.bank` (the telecom debits, the periods covered, the banks'
//! column mappings, the ties), loaded once and saved after every change. The bills, the
//! plans and the journal are the app's; contesting a debit goes through the app's journal.

use yew::prelude::*;

use super::journal::{StorageStatus, UseJournal};
use super::store::{use_store, UseStore};
use crate::core::bank::matching::DebitFinding;
use crate::core::bank::stored::BankData;
use crate::core::bank::telecom::{self, Debit, Tie};
use crate::core::bank::Statement;
use crate::core::bill::{Bill, Operator};
use crate::core::i18n::Lang;

/// Handle on the bank data.
#[derive(Clone, PartialEq)]
pub struct UseBank {
    store: UseStore<BankData>,
}

impl UseBank {
    /// What is kept.
    pub fn data(&self) -> &BankData {
        self.store.get()
    }

    /// Where it stands with respect to storage.
    pub fn status(&self) -> StorageStatus {
        self.store.status()
    }

    fn set(&self, next: BankData) {
        self.store.set(next);
    }

    /// Keeps the telecom operations of a statement (the others are dropped here, never
    /// stored); returns how many operations were read and how many kept.
    pub fn import(&self, statement: &Statement) -> (usize, usize) {
        let mut next = self.data().clone();
        let kept = telecom::keep(&statement.operations, &next.ties);
        let learned = telecom::learned_ties(&kept, &next.ties);
        let count = kept.len();
        next.import(statement, kept, learned);
        self.set(next);
        (statement.operations.len(), count)
    }

    /// Ties a label to an operator, or unties it (`None`).
    pub fn tie(&self, key: String, operator: Option<Operator>) {
        let mut next = self.data().clone();
        match operator {
            Some(operator) => next.tie(Tie { key, operator }),
            None => next.ties.retain(|t| t.key != key),
        }
        self.set(next);
    }

    /// Forgets the debits kept (mappings and ties stay).
    pub fn forget(&self) {
        let mut next = self.data().clone();
        next.forget_debits();
        self.set(next);
    }
}

/// The bank data, loaded once, and again when another tab saves it.
#[hook]
pub fn use_bank() -> UseBank {
    UseBank {
        store: use_store::<BankData>(),
    }
}

/// Contests a debit the statement shows: the journal gets the case the core chooses
/// (`core::bank::contest`: joined or opened, paid by direct debit), through the app's own
/// handle, which saves it. Returns the case's id, or `None` when the finding cannot be
/// contested.
pub fn contest_debit(
    journal: &UseJournal,
    finding: &DebitFinding,
    debits: &[Debit],
    bills: &[Bill],
    lang: Lang,
) -> Option<u32> {
    let today = crate::services::clock::today();
    let (id, actions) = crate::core::bank::contest::contest(
        journal.journal(),
        finding,
        debits,
        bills,
        today,
        lang,
    )?;
    journal.apply_all(actions);
    Some(id)
}
