//! The plans the person entered, kept in localStorage like the journal.

use yew::prelude::*;

use super::journal::StorageStatus;
use crate::core::plan::Plan;
use crate::core::store::{Plans, Stored};
use crate::services::storage::{self, Load};

/// Handle on the stored plans.
#[derive(Clone, PartialEq)]
pub struct UsePlans {
    plans: UseStateHandle<Plans>,
    saved_at: UseStateHandle<i64>,
    status: UseStateHandle<StorageStatus>,
}

impl UsePlans {
    /// Whether any plan was entered.
    pub fn any(&self) -> bool {
        !self.plans.plans.is_empty()
    }

    /// Where the plans stand with respect to storage.
    pub fn status(&self) -> StorageStatus {
        *self.status
    }

    /// Every plan.
    pub fn all(&self) -> &Plans {
        &self.plans
    }

    /// Saves `plan` at `index`, or as a new plan when `index` is past the end.
    pub fn set(&self, index: usize, plan: Plan) {
        let mut next = (*self.plans).clone();
        match next.plans.get_mut(index) {
            Some(slot) => *slot = plan,
            None => next.plans.push(plan),
        }
        self.set_all(next);
    }

    /// Removes the plan at `index`.
    pub fn remove(&self, index: usize) {
        let mut next = (*self.plans).clone();
        if index < next.plans.len() {
            next.plans.remove(index);
            self.set_all(next);
        }
    }

    /// Replaces every plan and saves them.
    pub fn set_all(&self, next: Plans) {
        match storage::save(&next, *self.saved_at) {
            Ok(at) => {
                self.saved_at.set(at);
                self.status.set(StorageStatus::Saved);
            }
            Err(error) => self.status.set(StorageStatus::after(&error)),
        }
        self.plans.set(next);
    }
}

/// The plans, loaded once, and again whenever another tab saves them.
#[hook]
pub fn use_plans() -> UsePlans {
    let loaded = use_memo((), |_| match storage::load::<Plans>() {
        Load::Loaded(loaded) => (loaded.value, loaded.saved_at, StorageStatus::Saved),
        Load::Empty => (Plans::default(), 0, StorageStatus::Saved),
        Load::Unavailable => (Plans::default(), 0, StorageStatus::Unavailable),
        Load::Unreadable { .. } => (Plans::default(), 0, StorageStatus::Unreadable),
    });
    let plans = use_state(|| loaded.0.clone());
    let saved_at = use_state(|| loaded.1);
    let status = use_state(|| loaded.2);
    {
        let (plans, saved_at) = (plans.clone(), saved_at.clone());
        use_effect_with((), move |_| {
            let listener = storage::on_change(Plans::KEY, move || {
                if let Load::Loaded(newer) = storage::load::<Plans>() {
                    saved_at.set(newer.saved_at);
                    plans.set(newer.value);
                }
            });
            move || drop(listener)
        });
    }
    UsePlans {
        plans,
        saved_at,
        status,
    }
}
