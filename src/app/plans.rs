//! The plans the person entered, kept in localStorage like the journal.

use yew::prelude::*;

use super::journal::StorageStatus;
use super::store::{use_store, UseStore};
use crate::core::plan::Plan;
use crate::core::store::Plans;

/// Handle on the stored plans.
#[derive(Clone, PartialEq)]
pub struct UsePlans {
    store: UseStore<Plans>,
}

impl UsePlans {
    /// Whether any plan was entered.
    pub fn any(&self) -> bool {
        !self.store.get().plans.is_empty()
    }

    /// Where the plans stand with respect to storage.
    pub fn status(&self) -> StorageStatus {
        self.store.status()
    }

    /// Every plan.
    pub fn all(&self) -> &Plans {
        self.store.get()
    }

    /// Saves `plan` at `index`, or as a new plan when `index` is past the end.
    pub fn set(&self, index: usize, plan: Plan) {
        let mut next = self.all().clone();
        match next.plans.get_mut(index) {
            Some(slot) => *slot = plan,
            None => next.plans.push(plan),
        }
        self.set_all(next);
    }

    /// Removes the plan at `index`.
    pub fn remove(&self, index: usize) {
        let mut next = self.all().clone();
        if index < next.plans.len() {
            next.plans.remove(index);
            self.set_all(next);
        }
    }

    /// Replaces every plan and saves them.
    pub fn set_all(&self, next: Plans) {
        self.store.set(next);
    }
}

/// The plans, loaded once, and again whenever another tab saves them.
#[hook]
pub fn use_plans() -> UsePlans {
    UsePlans {
        store: use_store::<Plans>(),
    }
}
