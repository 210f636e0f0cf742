//! localStorage, used so that nothing is ever lost.
//!
//! The meaning of what is stored lives in `core::store`; this module only moves strings
//! and reports what the browser says, in terms the app can explain:
//! - storage missing or blocked (private mode, a policy) is [`Load::Unavailable`], not a
//!   crash: the app runs, says nothing will be kept, and offers export;
//! - a value that cannot be read is copied under a recovery key before anything could
//!   replace it, and reported;
//! - a value written by a newer Contestel is never overwritten;
//! - a write is read back and compared; a full quota is told apart from other failures by
//!   the exception's name or legacy code, as browsers differ; on a full quota the caches
//!   (the kept pages) give up their room to the person's data before a save fails;
//! - a value another tab wrote since this one last read or wrote it is not overwritten,
//!   and [`on_change`] hears when another tab saved.

use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;

use crate::core::store::{self, Loaded, StoreError, Stored};

/// What loading a store gave.
#[derive(Clone, Debug, PartialEq)]
pub enum Load<T> {
    /// Storage cannot be used at all in this browser session.
    Unavailable,
    /// Nothing stored yet.
    Empty,
    /// The stored value.
    Loaded(Loaded<T>),
    /// Something is stored that cannot be used; it was kept under `recovery_key`.
    Unreadable {
        /// Why it cannot be used.
        error: StoreError,
        /// Where the original text was set aside, if that worked.
        recovery_key: Option<String>,
    },
}

/// Why a save did not happen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SaveError {
    /// Storage cannot be used in this browser session.
    Unavailable,
    /// The browser's storage quota is full.
    QuotaExceeded,
    /// Another tab saved newer data since this tab last read it.
    NewerElsewhere {
        /// When the other tab saved.
        saved_at: i64,
    },
    /// The stored value was written by a newer version of Contestel.
    TooNew,
    /// The value read back is not the value written.
    NotVerified,
    /// Anything else the browser refused, with its words.
    Failed {
        /// The browser's message.
        detail: String,
    },
}

/// The origin's localStorage, or nothing when the browser refuses it.
pub fn local_storage() -> Option<web_sys::Storage> {
    // `window.localStorage` itself throws when storage is blocked.
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// Milliseconds since the epoch, from the browser's clock.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// Loads a store. An unreadable value is set aside under a recovery key first.
pub fn load<T: Stored>() -> Load<T> {
    let Some(area) = local_storage() else {
        return Load::Unavailable;
    };
    let raw = match area.get_item(T::KEY) {
        Ok(raw) => raw,
        Err(_) => return Load::Unavailable,
    };
    match store::decode::<T>(raw.as_deref()) {
        Ok(None) => Load::Empty,
        Ok(Some(loaded)) => Load::Loaded(loaded),
        // A value written by a newer version is intact: it is left as it is, never copied
        // (another tab of a newer version may save it again and again).
        Err(error @ StoreError::TooNew { .. }) => Load::Unreadable {
            error,
            recovery_key: None,
        },
        // A cache that cannot be read is made again from the person's files: dropped.
        Err(error) if T::CACHE => {
            let _ = area.remove_item(T::KEY);
            Load::Unreadable {
                error,
                recovery_key: None,
            }
        }
        Err(error) => {
            let recovery_key = raw.and_then(|raw| set_aside(&area, T::KEY, &raw));
            Load::Unreadable {
                error,
                recovery_key,
            }
        }
    }
}

/// How many distinct unreadable values one key keeps set aside. Past it nothing more is
/// copied: a save over an unreadable value is then refused (nothing is overwritten
/// without its copy), and the storage cannot fill up with copies.
pub const MAX_SET_ASIDE_PER_KEY: usize = 3;

/// Copies an unreadable value under a recovery key, once per distinct value and at most
/// [`MAX_SET_ASIDE_PER_KEY`] values per key; the recovery key, or `None` when it could
/// not be kept.
fn set_aside(area: &web_sys::Storage, key: &str, raw: &str) -> Option<String> {
    let stamp = raw
        .bytes()
        .fold(0i64, |h, b| h.wrapping_mul(31).wrapping_add(b as i64))
        .abs();
    let recovery = store::recovery_key(key, stamp);
    if let Ok(Some(existing)) = area.get_item(&recovery) {
        if existing == raw {
            return Some(recovery);
        }
    }
    let prefix = store::recovery_key(key, 0);
    let prefix = prefix.trim_end_matches('0');
    let count = area.length().unwrap_or(0);
    let kept = (0..count)
        .filter_map(|i| area.key(i).ok().flatten())
        .filter(|k| k.starts_with(prefix))
        .count();
    if kept >= MAX_SET_ASIDE_PER_KEY {
        return None;
    }
    area.set_item(&recovery, raw).ok().map(|_| recovery)
}

/// Saves a store, unless another tab wrote after `last_seen` (the `saved_at` this tab last
/// loaded or saved; 0 when it has seen nothing). Returns the new `saved_at`.
pub fn save<T: Stored>(value: &T, last_seen: i64) -> Result<i64, SaveError> {
    let area = local_storage().ok_or(SaveError::Unavailable)?;
    let current = area.get_item(T::KEY).map_err(|_| SaveError::Unavailable)?;
    // What is stored is read whole unless it is the value this tab last loaded or saved
    // itself, in this schema (its envelope's stamp says so): that one was readable, and
    // years of bills are megabytes to parse again at every save.
    let seen = current
        .as_deref()
        .and_then(store::stamp)
        .is_some_and(|(at, version)| at == last_seen && version == T::VERSION);
    let decoded = if seen {
        Ok(None)
    } else {
        store::decode::<T>(current.as_deref())
    };
    match decoded {
        Ok(Some(stored)) if stored.saved_at > last_seen => {
            return Err(SaveError::NewerElsewhere {
                saved_at: stored.saved_at,
            })
        }
        Err(StoreError::TooNew { .. }) => return Err(SaveError::TooNew),
        // A cache is overwritten: it is made again from the person's files.
        Err(_) if T::CACHE => {}
        Err(_) => {
            // Never replace what could not be read without keeping a copy.
            if let Some(raw) = &current {
                set_aside(&area, T::KEY, raw).ok_or(SaveError::Failed {
                    detail: "the unreadable value could not be set aside".into(),
                })?;
            }
        }
        Ok(_) => {
            // The first save over an earlier schema keeps the earlier value, as it was.
            if let Some(raw) = &current {
                if let Some(version) = store::earlier_version::<T>(raw) {
                    let copy = store::earlier_version_key(T::KEY, version);
                    if !matches!(area.get_item(&copy), Ok(Some(_))) {
                        area.set_item(&copy, raw).map_err(|e| classify(&e))?;
                        let _ = area.set_item(&store::kept_at_key(&copy), &now_ms().to_string());
                    }
                }
            }
        }
    }
    let saved_at = now_ms().max(last_seen + 1);
    let text = store::encode(value, saved_at).map_err(|detail| SaveError::Failed { detail })?;
    match area.set_item(T::KEY, &text).map_err(|e| classify(&e)) {
        // The kept pages are a cache the person's files give back: they yield their room
        // to the person's own data, then the save is tried once more.
        Err(SaveError::QuotaExceeded) if !T::CACHE && yield_caches(&area) => {
            area.set_item(T::KEY, &text).map_err(|e| classify(&e))?
        }
        written => written?,
    }
    match area.get_item(T::KEY) {
        Ok(Some(back)) if back == text => Ok(saved_at),
        _ => Err(SaveError::NotVerified),
    }
}

/// Where the language chosen on this device is kept: a preference, not the person's data
/// (not exported, never set aside), as `fr` or `en`.
pub const LANG_KEY: &str = "contestel.lang";

/// The language chosen on an earlier visit, if one was.
pub fn load_lang() -> Option<crate::core::lang::Lang> {
    let tag = local_storage()?.get_item(LANG_KEY).ok()??;
    [crate::core::lang::Lang::Fr, crate::core::lang::Lang::En]
        .into_iter()
        .find(|lang| lang.tag() == tag)
}

/// Keeps the language for the next visits; the default needs no key, and a refusal (a
/// full or blocked storage) only means the next visit opens in French.
pub fn save_lang(lang: crate::core::lang::Lang) {
    let Some(area) = local_storage() else { return };
    let _ = if lang == crate::core::lang::Lang::default() {
        area.remove_item(LANG_KEY)
    } else {
        area.set_item(LANG_KEY, lang.tag())
    };
}

/// Removes the caches (the kept pages) to make room; whether there was one to remove.
fn yield_caches(area: &web_sys::Storage) -> bool {
    let key = <store::SavedPages as Stored>::KEY;
    if !matches!(area.get_item(key), Ok(Some(_))) {
        return false;
    }
    area.remove_item(key).is_ok()
}

/// Saves a store as [`save`] does; when another tab saved since `last_seen`, that tab's
/// value and this one are combined by `merge(theirs, ours)` and the result is saved over
/// it, so that neither tab's data is lost. Returns the new `saved_at`, with the other
/// tab's value when there was one (for this tab to show what it brought). A third save
/// racing in between is reported as [`SaveError::NewerElsewhere`], for the next change to
/// try again.
pub fn save_merging<T: Stored>(
    value: &T,
    last_seen: i64,
    merge: impl Fn(&T, &T) -> T,
) -> Result<(i64, Option<T>), SaveError> {
    match save(value, last_seen) {
        Err(SaveError::NewerElsewhere { saved_at }) => {
            let Load::Loaded(theirs) = load::<T>() else {
                return Err(SaveError::NewerElsewhere { saved_at });
            };
            let merged = merge(&theirs.value, value);
            let at = save(&merged, theirs.saved_at)?;
            Ok((at, Some(theirs.value)))
        }
        saved => saved.map(|at| (at, None)),
    }
}

/// Tells a full quota from other failures: `QuotaExceededError` (name, or legacy code 22),
/// Firefox's `NS_ERROR_DOM_QUOTA_REACHED` (code 1014).
fn classify(error: &wasm_bindgen::JsValue) -> SaveError {
    if let Some(dom) = error.dyn_ref::<web_sys::DomException>() {
        let name = dom.name();
        if name == "QuotaExceededError"
            || name == "NS_ERROR_DOM_QUOTA_REACHED"
            || matches!(dom.code(), 22 | 1014)
        {
            return SaveError::QuotaExceeded;
        }
        return SaveError::Failed {
            detail: format!("{name}: {}", dom.message()),
        };
    }
    SaveError::Failed {
        detail: format!("{error:?}"),
    }
}

/// When any of `keys` was last saved (from their envelopes); `None` when none is stored.
pub fn last_saved(keys: &[&str]) -> Option<i64> {
    let area = local_storage()?;
    keys.iter()
        .filter_map(|key| area.get_item(key).ok().flatten())
        .filter_map(|raw| store::saved_at(&raw))
        .max()
}

/// The values set aside because they could not be read: `(key, text)`, to show and
/// download. They stay until the person erases everything.
pub fn set_aside_values() -> Vec<(String, String)> {
    let Some(area) = local_storage() else {
        return Vec::new();
    };
    let count = area.length().unwrap_or(0);
    (0..count)
        .filter_map(|i| area.key(i).ok().flatten())
        .filter(|key| key.contains(".unreadable."))
        .filter_map(|key| area.get_item(&key).ok().flatten().map(|text| (key, text)))
        .collect()
}

/// Erases one value set aside (a key `….unreadable.…` of this app; any other key is left).
pub fn erase_set_aside(key: &str) {
    if !(key.starts_with("contestel.") && key.contains(".unreadable.")) {
        return;
    }
    if let Some(area) = local_storage() {
        let _ = area.remove_item(key);
    }
}

/// A copy of a value in an earlier schema, kept for a while after the first save over it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EarlierCopy {
    /// Its key (`contestel.journal.v1`).
    pub key: String,
    /// Its text, as it was.
    pub text: String,
    /// When it will be dropped (milliseconds since the epoch).
    pub kept_until: i64,
}

/// The copies of values in an earlier schema. A copy found without the moment it was made
/// (made by an earlier version of the app) starts its time now.
pub fn earlier_copies() -> Vec<EarlierCopy> {
    let Some(area) = local_storage() else {
        return Vec::new();
    };
    let count = area.length().unwrap_or(0);
    let keys: Vec<String> = (0..count)
        .filter_map(|i| area.key(i).ok().flatten())
        .filter(|key| store::is_earlier_copy_key(key))
        .collect();
    keys.into_iter()
        .filter_map(|key| {
            let text = area.get_item(&key).ok().flatten()?;
            let stamp = store::kept_at_key(&key);
            let kept_at = match area
                .get_item(&stamp)
                .ok()
                .flatten()
                .and_then(|t| t.parse().ok())
            {
                Some(at) => at,
                None => {
                    let now = now_ms();
                    let _ = area.set_item(&stamp, &now.to_string());
                    now
                }
            };
            Some(EarlierCopy {
                key,
                text,
                kept_until: store::earlier_copy_kept_until(kept_at),
            })
        })
        .collect()
}

/// Erases one copy of a value in an earlier schema, and when it was made.
pub fn erase_earlier_copy(key: &str) {
    if !store::is_earlier_copy_key(key) {
        return;
    }
    if let Some(area) = local_storage() {
        let _ = area.remove_item(key);
        let _ = area.remove_item(&store::kept_at_key(key));
    }
}

/// Drops the copies of earlier schemas whose time is over; the keys dropped.
pub fn drop_expired_earlier_copies(now: i64) -> Vec<String> {
    let expired: Vec<String> = earlier_copies()
        .into_iter()
        .filter(|copy| copy.kept_until <= now)
        .map(|copy| copy.key)
        .collect();
    for key in &expired {
        erase_earlier_copy(key);
    }
    expired
}

/// Removes every value this app stored, set-aside values included.
pub fn erase_all() {
    let Some(area) = local_storage() else { return };
    let count = area.length().unwrap_or(0);
    let keys: Vec<String> = (0..count)
        .filter_map(|i| area.key(i).ok().flatten())
        .filter(|key| key.starts_with("contestel."))
        .collect();
    for key in keys {
        let _ = area.remove_item(&key);
    }
}

/// The sessionStorage key of what the data view says after it reloaded the page.
const NOTICE_KEY: &str = "contestel.notice";

/// Reloads the page once the pending saves are done (the next task), after keeping
/// `notice` for the data view to say: after an erase, nothing the app held in memory may
/// survive, and a fresh page starts from the empty storage.
pub fn reload_with_notice(notice: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Ok(Some(session)) = window.session_storage() {
        let _ = session.set_item(NOTICE_KEY, notice);
    }
    gloo::timers::callback::Timeout::new(0, move || {
        let _ = window.location().reload();
    })
    .forget();
}

/// What the data view said it would say after a reload (taken: said once).
pub fn take_notice() -> Option<String> {
    let session = web_sys::window()?.session_storage().ok()??;
    let notice = session.get_item(NOTICE_KEY).ok()??;
    let _ = session.remove_item(NOTICE_KEY);
    Some(notice)
}

/// Asks the browser to keep this site's storage (not evicted under pressure); resolves to
/// the browser's answer, `None` when it cannot say.
pub async fn request_persistence() -> Option<bool> {
    let navigator = web_sys::window()?.navigator();
    let manager = navigator.storage();
    let promise = manager.persist().ok()?;
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()?
        .as_bool()
}

/// Calls `callback` whenever another tab or window of this site changes `key` (the
/// browser's `storage` event, which never fires in the tab that wrote). Dropping the
/// returned listener stops it.
pub fn on_change(key: &'static str, callback: impl Fn() + 'static) -> Option<ChangeListener> {
    let window = web_sys::window()?;
    let other_tab = gloo::events::EventListener::new(&window, "storage", move |event| {
        let changed = event
            .dyn_ref::<web_sys::StorageEvent>()
            .and_then(|e| e.key());
        // A `clear()` elsewhere reports no key: everything may have changed.
        if changed.as_deref().is_none_or(|k| k == key) {
            callback();
        }
    });
    Some(ChangeListener {
        _other_tab: other_tab,
    })
}

/// What [`on_change`] listens with; dropping it stops listening.
pub struct ChangeListener {
    _other_tab: gloo::events::EventListener,
}

/// What this app keeps in localStorage, per kind (see `core::store::Usage`).
pub fn usage() -> store::Usage {
    let Some(area) = local_storage() else {
        return store::Usage::default();
    };
    let count = area.length().unwrap_or(0);
    let entries: Vec<(String, String)> = (0..count)
        .filter_map(|i| area.key(i).ok().flatten())
        .filter_map(|key| area.get_item(&key).ok().flatten().map(|value| (key, value)))
        .collect();
    store::Usage::of(entries.iter().map(|(k, v)| (k.as_str(), v.as_str())))
}

/// The browser's estimate for the whole site (`navigator.storage.estimate()`): bytes used
/// (localStorage, the service worker's copy of the app, …) and the quota, when it says.
pub async fn estimate() -> Option<(u64, u64)> {
    let manager = web_sys::window()?.navigator().storage();
    let value = wasm_bindgen_futures::JsFuture::from(manager.estimate().ok()?)
        .await
        .ok()?;
    let estimate: web_sys::StorageEstimate = value.unchecked_into();
    Some((estimate.get_usage()? as u64, estimate.get_quota()? as u64))
}
