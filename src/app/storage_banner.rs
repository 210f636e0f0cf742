//! Tells the person, in words, when their journal is not safely kept.

use yew::prelude::*;

use super::journal::StorageStatus;
use super::use_lang;
use crate::core::i18n::Text;

/// Props of [`StorageBanner`].
#[derive(Properties, PartialEq)]
pub struct StorageBannerProps {
    /// Where the journal stands.
    pub status: StorageStatus,
}

/// The banner; nothing when all is well.
#[function_component(StorageBanner)]
pub fn storage_banner(props: &StorageBannerProps) -> Html {
    let lang = use_lang();
    let text = match props.status {
        StorageStatus::Saved => return html! {},
        StorageStatus::Unavailable => Text::StorageUnavailable,
        StorageStatus::Unreadable => Text::StorageUnreadable,
        StorageStatus::ReloadedFromOtherTab => Text::StorageNewer,
        StorageStatus::TooNew => Text::StorageTooNew,
        StorageStatus::QuotaExceeded => Text::StorageQuota,
        StorageStatus::Failed => Text::StorageFailed,
    };
    html! { <p class="storage-banner" role="alert">{ text.get(lang) }</p> }
}
