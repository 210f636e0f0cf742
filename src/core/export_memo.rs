//! When to remind the person to export: a pure decision from dates (milliseconds since the
//! epoch, given by the caller), and the small value this browser keeps for it.
//!
//! Some browsers erase a site's data after weeks without a visit, or under pressure; the
//! export file is the person's only other copy. A standing sentence saying so is read once
//! and then ignored; a reminder that appears when it matters (changes not in any export
//! for a while) and goes away when dismissed is worth reading.
//!
//! The memo is not carried by the export: it describes this browser's copy against the
//! files the person keeps, not the person's data. Imported on another device, it would say
//! that device's copy had been exported when it had not.

use serde::{Deserialize, Serialize};

use super::store::Stored;

/// Days after which changes not in any export earn a reminder: long enough that a person
/// who exports now and then is never nagged, short enough to come before a browser that
/// evicts unused sites' data (Safari: 7 days without a visit) has had many chances.
pub const REMIND_AFTER_DAYS: i64 = 30;

const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// The stores an export carries: a save to any of them is a change the export lacks.
pub const EXPORTED_KEYS: [&str; 5] = [
    "contestel.journal",
    "contestel.plans",
    "contestel.bills",
    "contestel.corrections",
    "contestel.bank",
];

/// What this browser remembers about exports (`contestel.export`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportMemo {
    /// When counting began: the first visit that found data and no memo sets it just
    /// before that data's last save.
    pub since: i64,
    /// When the person last exported.
    #[serde(default)]
    pub exported_at: Option<i64>,
    /// When the person last dismissed the reminder.
    #[serde(default)]
    pub dismissed_at: Option<i64>,
}

impl Stored for ExportMemo {
    const KEY: &'static str = "contestel.export";
    const VERSION: u32 = 1;
}

impl ExportMemo {
    /// A memo that starts counting at `now`.
    pub fn starting(now: i64) -> ExportMemo {
        ExportMemo {
            since: now,
            ..ExportMemo::default()
        }
    }

    /// Where the current cycle began: the last export or dismissal, or when counting
    /// began. A dismissal starts a cycle as an export does: the reminder is said once, and
    /// again only after as many days with new changes.
    pub fn cycle_start(&self) -> i64 {
        [self.exported_at, self.dismissed_at]
            .into_iter()
            .flatten()
            .fold(self.since, i64::max)
    }

    /// Whether to remind, at `now`, given the last save of any exported store: there were
    /// changes since the cycle began, and it began [`REMIND_AFTER_DAYS`] days ago or more.
    pub fn remind(&self, last_change: Option<i64>, now: i64) -> bool {
        let start = self.cycle_start();
        last_change.is_some_and(|change| change > start)
            && now.saturating_sub(start) >= REMIND_AFTER_DAYS.saturating_mul(DAY_MS)
    }

    /// This tab's memo and another tab's, saved meanwhile, as one: counting from the
    /// earlier start, the later export and dismissal.
    pub fn merged(&self, other: &ExportMemo) -> ExportMemo {
        ExportMemo {
            since: self.since.min(other.since),
            exported_at: self.exported_at.max(other.exported_at),
            dismissed_at: self.dismissed_at.max(other.dismissed_at),
        }
    }

    /// Whole days since the last export, `None` when there was none.
    pub fn days_since_export(&self, now: i64) -> Option<i64> {
        self.exported_at
            .map(|at| now.saturating_sub(at).max(0) / DAY_MS)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: i64 = DAY_MS;

    fn memo(since: i64, exported: Option<i64>, dismissed: Option<i64>) -> ExportMemo {
        ExportMemo {
            since,
            exported_at: exported,
            dismissed_at: dismissed,
        }
    }

    #[test]
    fn a_reminder_comes_after_thirty_days_of_changes_not_exported() {
        // (memo, last change, now, remind?)
        let cases = [
            // Nothing changed since counting began: nothing to export.
            (memo(0, None, None), None, 40 * DAY, false),
            (memo(10, None, None), Some(5), 40 * DAY, false),
            // Changed, never exported: from when counting began.
            (memo(0, None, None), Some(DAY), 29 * DAY, false),
            (memo(0, None, None), Some(DAY), 30 * DAY, true),
            // Exported after the last change: nothing new to export.
            (
                memo(0, Some(20 * DAY), None),
                Some(10 * DAY),
                90 * DAY,
                false,
            ),
            // Changed after the export: thirty days after the export.
            (
                memo(0, Some(20 * DAY), None),
                Some(21 * DAY),
                49 * DAY,
                false,
            ),
            (
                memo(0, Some(20 * DAY), None),
                Some(21 * DAY),
                50 * DAY,
                true,
            ),
            // Dismissed: not again until new changes and thirty more days.
            (
                memo(0, Some(0), Some(40 * DAY)),
                Some(21 * DAY),
                90 * DAY,
                false,
            ),
            (
                memo(0, Some(0), Some(40 * DAY)),
                Some(41 * DAY),
                69 * DAY,
                false,
            ),
            (
                memo(0, Some(0), Some(40 * DAY)),
                Some(41 * DAY),
                70 * DAY,
                true,
            ),
            // A dismissal before the last export does not count.
            (
                memo(0, Some(40 * DAY), Some(10 * DAY)),
                Some(41 * DAY),
                70 * DAY,
                true,
            ),
            // A clock set back: no reminder, no overflow.
            (memo(50 * DAY, None, None), Some(60 * DAY), i64::MIN, false),
        ];
        for (memo, change, now, remind) in cases {
            assert_eq!(
                memo.remind(change, now),
                remind,
                "{memo:?} {change:?} {now}"
            );
        }
    }

    #[test]
    fn two_tabs_memos_keep_the_latest_export_and_dismissal() {
        let a = memo(5, Some(10), None);
        let b = memo(3, Some(8), Some(9));
        assert_eq!(a.merged(&b), memo(3, Some(10), Some(9)));
        assert_eq!(a.merged(&b), b.merged(&a));
    }

    #[test]
    fn days_since_the_export_are_whole_days() {
        assert_eq!(memo(0, None, None).days_since_export(DAY), None);
        assert_eq!(
            memo(0, Some(0), None).days_since_export(45 * DAY - 1),
            Some(44)
        );
        assert_eq!(memo(0, Some(DAY), None).days_since_export(0), Some(0));
    }
}
