//! The pages of the bills, kept between visits for the page view: loaded once, saved
//! when the bills read change, within their budget and only in the room the person's own
//! data leaves (and removed when a save of that data finds the quota full, see
//! `services::storage`). A cache: a failed save loses nothing the PDF cannot give back.

use std::rc::Rc;

use yew::prelude::*;

use super::uploads::UseUploads;
use crate::core::store::{SavedPages, LOCAL_STORAGE_LIMIT, PAGES_BUDGET};
use crate::core::uploads::bill_key;
use crate::services::storage::{self, Load};

/// Keeps the pages of the bills read; returns those kept from earlier visits.
#[hook]
pub fn use_saved_pages(uploads: &UseUploads) -> Rc<SavedPages> {
    let earlier = use_memo((), |_| match storage::load::<SavedPages>() {
        Load::Loaded(loaded) => (Rc::new(loaded.value), loaded.saved_at),
        _ => (Rc::new(SavedPages::default()), 0),
    });
    let saved_at = use_mut_ref(|| earlier.1);
    let keys: Vec<String> = uploads
        .items()
        .iter()
        .rev()
        .filter_map(|u| match &u.status {
            crate::core::uploads::UploadStatus::Read(r) => Some(bill_key(&r.bill)),
            _ => None,
        })
        .collect();
    let fresh: Vec<String> = uploads.fresh_keys();
    {
        let earlier = earlier.clone();
        let uploads = uploads.clone();
        use_effect_with((keys, fresh), move |(keys, _)| {
            // Once the files dropped together are all read, not after each: the pages
            // weigh up to their whole budget, written and read back at every save.
            let reading = uploads.items().iter().any(|u| {
                matches!(
                    u.status,
                    crate::core::uploads::UploadStatus::Queued
                        | crate::core::uploads::UploadStatus::Reading
                )
            });
            if reading {
                return;
            }
            // Never take the room the journal, the plans and the corrections need: the
            // pages keep to what leaves everything under four fifths of the limit, the
            // newest bills' first, and shrink as the person's own data grows.
            let usage = storage::usage();
            let others = usage.total() - usage.pages;
            let room = (LOCAL_STORAGE_LIMIT / 5 * 4).saturating_sub(others);
            let next = earlier
                .0
                .within(keys, &uploads.fresh_pages(), PAGES_BUDGET.min(room));
            let size = |pages: &SavedPages| {
                serde_json::to_string(pages).map_or(0, |t| t.encode_utf16().count() as u64)
            };
            if others + size(&next) > LOCAL_STORAGE_LIMIT / 5 * 4 {
                return;
            }
            let last = *saved_at.borrow();
            match storage::save(&next, last) {
                Ok(at) => *saved_at.borrow_mut() = at,
                Err(storage::SaveError::NewerElsewhere { saved_at: at }) => {
                    *saved_at.borrow_mut() = at
                }
                Err(_) => {}
            }
        });
    }
    earlier.0.clone()
}
