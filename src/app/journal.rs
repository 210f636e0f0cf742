//! The journal's state in the app: the pure `Journal` reducer, plus where it is stored.
//!
//! Saving is an effect after each change; a change made in another tab reloads this one;
//! a save that would overwrite another tab's newer data reloads instead and says so.

use std::rc::Rc;

use yew::prelude::*;

use super::store::load_stored;
use crate::core::bill::Bill;
use crate::core::finding::RuleId;
use crate::core::i18n::Lang;
use crate::core::journal::case::{Case, CaseStatus, Event};
use crate::core::journal::letters::Sender;
use crate::core::journal::{Action, Journal, JournalError, NewCase};
use crate::core::store::Stored;
use crate::services::storage::{self, Load, SaveError};

/// Where the journal stands with respect to storage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageStatus {
    /// Saved on this device (or nothing to save yet).
    Saved,
    /// Storage cannot be used: nothing will outlive the page.
    Unavailable,
    /// What was stored could not be read; it was set aside.
    Unreadable,
    /// Another tab saved newer data, which was loaded.
    ReloadedFromOtherTab,
    /// The stored data comes from a newer Contestel.
    TooNew,
    /// The quota is full: changes live only in this page.
    QuotaExceeded,
    /// Saving failed for another reason.
    Failed,
}

impl StorageStatus {
    /// What a failed save means for the person (a newer save elsewhere is handled by the
    /// caller, which reloads it).
    pub fn after(error: &SaveError) -> StorageStatus {
        match error {
            SaveError::QuotaExceeded => StorageStatus::QuotaExceeded,
            SaveError::Unavailable => StorageStatus::Unavailable,
            SaveError::TooNew => StorageStatus::TooNew,
            _ => StorageStatus::Failed,
        }
    }
}

/// The journal and its storage state.
#[derive(Clone, Debug, PartialEq)]
pub struct JournalState {
    /// The journal.
    pub journal: Journal,
    /// When this tab last loaded or saved it.
    pub saved_at: i64,
    /// Where it stands.
    pub status: StorageStatus,
    /// Bumped by every change the person makes: what the save effect follows.
    revision: u32,
    /// The last action refused, if any.
    pub error: Option<JournalError>,
}

/// What changes the journal's state.
pub enum JournalMsg {
    /// A change made by the person.
    Apply(Action),
    /// The journal as found in storage.
    Loaded(Journal, i64, StorageStatus),
    /// The save effect succeeded.
    Saved(i64),
    /// The save effect failed.
    SaveFailed(StorageStatus),
}

impl Reducible for JournalState {
    type Action = JournalMsg;

    fn reduce(self: Rc<Self>, msg: JournalMsg) -> Rc<Self> {
        let mut next = (*self).clone();
        match msg {
            JournalMsg::Apply(action) => match next.journal.apply(action) {
                Ok(_) => {
                    next.revision += 1;
                    next.error = None;
                }
                Err(error) => next.error = Some(error),
            },
            JournalMsg::Loaded(journal, saved_at, status) => {
                next.journal = journal;
                next.saved_at = saved_at;
                next.status = status;
            }
            JournalMsg::Saved(saved_at) => {
                next.saved_at = saved_at;
                if next.status != StorageStatus::Unreadable {
                    next.status = StorageStatus::Saved;
                }
            }
            JournalMsg::SaveFailed(status) => next.status = status,
        }
        Rc::new(next)
    }
}

fn load() -> JournalState {
    let (journal, saved_at, status) = load_stored::<Journal>();
    JournalState {
        journal,
        saved_at,
        status,
        revision: 0,
        error: None,
    }
}

/// Handle on the journal, with intent methods.
#[derive(Clone, PartialEq)]
pub struct UseJournal {
    state: UseReducerHandle<JournalState>,
}

impl UseJournal {
    /// The journal.
    pub fn journal(&self) -> &Journal {
        &self.state.journal
    }

    /// Where it stands with respect to storage.
    pub fn status(&self) -> StorageStatus {
        self.state.status
    }

    /// The last change refused, if any.
    pub fn error(&self) -> Option<&JournalError> {
        self.state.error.as_ref()
    }

    fn apply(&self, action: Action) {
        self.state.dispatch(JournalMsg::Apply(action));
    }

    /// Applies the actions core chose for one change, in order (each is checked against
    /// the journal as the ones before it left it).
    pub fn apply_all(&self, actions: Vec<Action>) {
        for action in actions {
            self.apply(action);
        }
    }

    /// Opens a case; returns the id core gave it (the change is refused, not misfiled, if
    /// another change took that id first).
    pub fn open_case(&self, case: NewCase) -> u32 {
        let (id, action) = self.journal().open_case(case);
        self.apply(action);
        id
    }

    /// Records an exchange; returns its id.
    pub fn add_event(&self, case: u32, event: Event) -> u32 {
        let (id, action) = self.journal().add_event(case, event);
        self.apply(action);
        id
    }

    /// Disputes lines of a bill: they join the open case of the same bill, or open one.
    /// Returns the case's id, or `None` when no line can be disputed.
    pub fn contest(
        &self,
        bill: &Bill,
        lines: &[usize],
        reason: Option<RuleId>,
        lang: Lang,
        contract_start: Option<chrono::NaiveDate>,
    ) -> Option<u32> {
        let (id, mut action) =
            self.journal()
                .contest(bill, lines, reason, crate::services::clock::today(), lang)?;
        // What the plan of the bill's line knows is not asked again in the case.
        if let Action::OpenCase { case, .. } = &mut action {
            case.contract_start = contract_start;
        }
        self.apply(action);
        Some(id)
    }

    /// Replaces a case's own fields, keeping its exchanges.
    pub fn edit_case(&self, case: Case) {
        self.apply(Action::EditCase(case));
    }

    /// Removes a case.
    pub fn remove_case(&self, case: u32) {
        self.apply(Action::RemoveCase { case });
    }

    /// Closes or reopens a case, with the amount recovered.
    pub fn set_status(&self, case: u32, status: CaseStatus, recovered: rust_decimal::Decimal) {
        self.apply(Action::SetStatus {
            case,
            status,
            recovered,
        });
    }

    /// Sets the person's details used on letters.
    pub fn set_sender(&self, sender: Sender) {
        self.apply(Action::SetSender(sender));
    }

    /// Replaces the whole journal (an import the person confirmed).
    pub fn replace(&self, journal: Journal) {
        self.apply(Action::Replace(journal));
    }
}

/// The journal, loaded once and saved after every change.
#[hook]
pub fn use_journal() -> UseJournal {
    let state = use_reducer(load);

    {
        let state = state.clone();
        use_effect_with(state.revision, move |revision| {
            if *revision > 0
                && !matches!(
                    state.status,
                    StorageStatus::Unavailable | StorageStatus::TooNew
                )
            {
                match storage::save(&state.journal, state.saved_at) {
                    Ok(saved_at) => state.dispatch(JournalMsg::Saved(saved_at)),
                    Err(SaveError::NewerElsewhere { .. }) => {
                        if let Load::Loaded(newer) = storage::load::<Journal>() {
                            state.dispatch(JournalMsg::Loaded(
                                newer.value,
                                newer.saved_at,
                                StorageStatus::ReloadedFromOtherTab,
                            ));
                        }
                    }
                    Err(error) => {
                        state.dispatch(JournalMsg::SaveFailed(StorageStatus::after(&error)))
                    }
                }
            }
        });
    }

    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let listener = storage::on_change(Journal::KEY, move || {
                if let Load::Loaded(newer) = storage::load::<Journal>() {
                    dispatcher.dispatch(JournalMsg::Loaded(
                        newer.value,
                        newer.saved_at,
                        StorageStatus::Saved,
                    ));
                }
            });
            move || drop(listener)
        });
    }

    UseJournal { state }
}
