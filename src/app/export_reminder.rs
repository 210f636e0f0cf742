//! The reminder to export, on the home page: said when changes have waited
//! [`REMIND_AFTER_DAYS`](crate::core::export_memo::REMIND_AFTER_DAYS) days without an
//! export, until dismissed (`core::export_memo` decides; this only reads and writes it).

use yew::prelude::*;

use super::{use_lang, View};
use crate::core::export_memo::{ExportMemo, EXPORTED_KEYS};
use crate::core::i18n::{self, Text};
use crate::services::storage::{self, Load, SaveError};

/// The memo as stored, with its `saved_at`; a fresh one when there is none.
fn stored_memo(now: i64) -> (ExportMemo, i64) {
    match storage::load::<ExportMemo>() {
        Load::Loaded(loaded) => (loaded.value, loaded.saved_at),
        _ => (ExportMemo::starting(now), 0),
    }
}

/// Saves the memo, merged with another tab's if it saved meanwhile.
fn save_memo(memo: &ExportMemo, last_seen: i64) -> Result<i64, SaveError> {
    storage::save_merging(memo, last_seen, ExportMemo::merged).map(|(at, _)| at)
}

/// Remembers that the person exported just now (a new cycle: no reminder until changes
/// wait again).
pub fn record_export() -> Result<i64, SaveError> {
    let now = storage::now_ms();
    let (memo, saved_at) = stored_memo(now);
    save_memo(
        &ExportMemo {
            exported_at: Some(now),
            ..memo
        },
        saved_at,
    )
}

/// Whether to remind now: the memo, when it says so. With data stored and no memo yet
/// (nothing to say before there is data), the memo starts counting from just before the
/// data's last save: data stored before this version, never exported, counts as waiting.
fn due() -> Option<ExportMemo> {
    let now = storage::now_ms();
    let last_change = storage::last_saved(&EXPORTED_KEYS)?;
    let memo = match storage::load::<ExportMemo>() {
        Load::Loaded(loaded) => loaded.value,
        Load::Empty => {
            let memo = ExportMemo::starting(last_change.saturating_sub(1));
            // A memo that cannot be saved only starts counting again next visit; storage
            // failures are said by the storage banner.
            let _ = save_memo(&memo, 0);
            memo
        }
        // Unreadable (set aside by `load`) or from a newer Contestel: left as it is.
        _ => return None,
    };
    memo.remind(Some(last_change), now).then_some(memo)
}

/// The reminder; nothing when none is due.
#[function_component(ExportReminder)]
pub fn export_reminder() -> Html {
    let lang = use_lang();
    let navigate = use_context::<Callback<View>>().unwrap_or_default();
    let shown = use_state(|| None::<ExportMemo>);
    {
        let shown = shown.clone();
        use_effect_with((), move |_| shown.set(due()));
    }
    let Some(memo) = (*shown).clone() else {
        return html! {};
    };
    let ondismiss = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| {
            let now = storage::now_ms();
            let (stored, saved_at) = stored_memo(now);
            let dismissed = ExportMemo {
                dismissed_at: Some(now),
                ..stored
            };
            // Hidden either way: the person has read it. Unsaved, it comes back next
            // visit, which is the safe side.
            let _ = save_memo(&dismissed, saved_at);
            shown.set(None);
        })
    };
    let onexport = navigate.reform(|_: MouseEvent| View::Data);
    html! {
        <p class="notice export-reminder" role="status" id="export-reminder">
            { i18n::export_due(memo.days_since_export(storage::now_ms()), lang) }{ " " }
            { Text::ExportReminder.get(lang) }{ " " }
            <button type="button" class="button small" id="export-reminder-go" onclick={onexport}>{ Text::ExportNow.get(lang) }</button>{ " " }
            <button type="button" class="button small quiet" id="export-reminder-dismiss" onclick={ondismiss}>{ Text::ReminderDismiss.get(lang) }</button>
        </p>
    }
}
