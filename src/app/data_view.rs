//! The person's data: what is kept where, export, import (after showing what the file
//! holds), erase everything, and what the browser promised about keeping it.
//!
//! An import goes through the app's own handles on the stores (the journal, the plans,
//! the corrections, the bills read), so every view shows it at once; the bank's data is
//! written to storage, which the bank tab reads when it opens. An erase empties storage,
//! then reloads the page, so that nothing held in memory survives it, and says so once
//! the page is back.

use std::rc::Rc;

use yew::prelude::*;

use super::journal::UseJournal;
use super::plans::UsePlans;
use super::use_lang;
use crate::core::backup::{merge_journal, Backup, MAX_IMPORT_BYTES};
use crate::core::bank::stored::BankData;
use crate::core::bill::Bill;
use crate::core::i18n::{format_size, Lang, Text};
use crate::core::journal::Journal;
use crate::core::store::{Plans, SavedBills, Usage, LOCAL_STORAGE_LIMIT};
use crate::services::files::{self, TextFileError};
use crate::services::storage::SaveError;
use crate::services::{clock, export, storage};

/// The notice kept across the reload after an erase.
const ERASED: &str = "erased";

/// What the data view says: a sentence of the catalogue, or one with numbers.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Notice {
    Said(Text),
    TooLarge { size: u64, max: u64 },
}

impl Notice {
    fn text(self, lang: Lang) -> String {
        match self {
            Notice::Said(text) => text.get(lang).to_string(),
            Notice::TooLarge { size, max } => format!(
                "{} ({}, {} {})",
                Text::ImportTooLarge.get(lang),
                format_size(size, lang),
                Text::ImportAtMost.get(lang),
                format_size(max, lang)
            ),
        }
    }
}

/// Adds the bills of an import to those stored, skipping those already there (the app
/// reads them after the reload). A newer Contestel's bills are never written over: that,
/// like storage refused, is an error the person is told of.
fn add_bills(bills: &[Bill]) -> Result<(), SaveError> {
    let (mut kept, saved_at) = match storage::load::<SavedBills>() {
        storage::Load::Loaded(loaded) => (loaded.value, loaded.saved_at),
        storage::Load::Unavailable => return Err(SaveError::Unavailable),
        storage::Load::Unreadable {
            error: crate::core::store::StoreError::TooNew { .. },
            ..
        } => return Err(SaveError::TooNew),
        // Unreadable bills were set aside by `load`, as the app does when it starts.
        storage::Load::Empty | storage::Load::Unreadable { .. } => (SavedBills::default(), 0),
    };
    let before = kept.bills.len();
    for bill in bills {
        if !kept
            .bills
            .iter()
            .any(|k| crate::core::uploads::same_bill(k, bill))
        {
            kept.bills.push(bill.clone());
        }
    }
    if kept.bills.len() == before {
        return Ok(());
    }
    storage::save(&kept, saved_at).map(|_| ())
}

/// What the bank statements left, as stored now (nothing when unreadable: it was set
/// aside, and the export says nothing of it rather than something wrong).
fn stored_bank() -> BankData {
    match storage::load::<BankData>() {
        storage::Load::Loaded(loaded) => loaded.value,
        _ => BankData::default(),
    }
}

/// Writes an export's bank data: merged into what is stored (`merge`) or in its place.
/// Like the bills, a newer Contestel's data are never written over.
fn import_bank(imported: &BankData, merge: bool) -> Result<(), SaveError> {
    let (mut kept, saved_at) = match storage::load::<BankData>() {
        storage::Load::Loaded(loaded) => (loaded.value, loaded.saved_at),
        storage::Load::Unavailable => return Err(SaveError::Unavailable),
        storage::Load::Unreadable {
            error: crate::core::store::StoreError::TooNew { .. },
            ..
        } => return Err(SaveError::TooNew),
        storage::Load::Empty | storage::Load::Unreadable { .. } => (BankData::default(), 0),
    };
    if merge {
        kept.merge(imported);
    } else {
        kept = imported.clone();
    }
    storage::save(&kept, saved_at).map(|_| ())
}

/// Props of [`DataView`].
#[derive(Properties, PartialEq)]
pub struct DataViewProps {
    /// The bills read (as stored), exported with the rest.
    pub bills: Vec<Bill>,
}

fn summary_text(backup: &Backup, lang: Lang) -> String {
    let exported_on =
        chrono::DateTime::from_timestamp_millis(backup.exported_at).map(|d| d.date_naive());
    backup.summary().describe(exported_on, lang)
}

/// What was set aside because it could not be read: shown with why in words,
/// downloadable as it is, erasable one by one after a confirmation (the erase, or a
/// refused download, is said through `onnotice`, which also draws the view again).
fn set_aside(lang: Lang, onnotice: Callback<Notice>) -> Html {
    let values = storage::set_aside_values();
    if values.is_empty() {
        return html! {};
    }
    html! {
        <section class="set-aside" aria-labelledby="set-aside-heading">
            <h3 id="set-aside-heading">{ Text::SetAsideHeading.get(lang) }</h3>
            <p>{ Text::SetAsideIntro.get(lang) }</p>
            <ul>
                { for values.into_iter().map(|(key, text)| {
                    let why = crate::core::store::why_set_aside(&key, &text)
                        .map(|why| why.get(lang).to_string());
                    let label = format!("{key} ({} o)", text.len());
                    let ondownload = {
                        let onnotice = onnotice.clone();
                        let name = format!("{key}.txt");
                        Callback::from(move |_: MouseEvent| {
                            if export::download_text(&name, &text, "text/plain;charset=utf-8").is_err() {
                                onnotice.emit(Notice::Said(Text::DownloadFailed));
                            }
                        })
                    };
                    let onerase = {
                        let onnotice = onnotice.clone();
                        let key = key.clone();
                        Callback::from(move |_: MouseEvent| {
                            if crate::services::dialogs::confirm(Text::ConfirmEraseSetAside.get(lang)) {
                                storage::erase_set_aside(&key);
                                onnotice.emit(Notice::Said(Text::SetAsideErased));
                            }
                        })
                    };
                    html! {
                        <li data-key={key.clone()}>
                            if let Some(why) = why {
                                <p class="why">{ why }</p>
                            }
                            <code>{ label }</code>{ " " }
                            <button type="button" class="button small" onclick={ondownload}>{ Text::Download.get(lang) }</button>{ " " }
                            <button type="button" class="button small erase-set-aside" onclick={onerase}>{ Text::EraseSetAside.get(lang) }</button>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}

/// The copies of data in an earlier format, kept a while after the first save over them:
/// shown with the day they go, downloadable, erasable one by one (the erase is said
/// through `onnotice`, which also draws the view again).
fn earlier_copies(lang: Lang, onnotice: Callback<Notice>) -> Html {
    let copies = storage::earlier_copies();
    if copies.is_empty() {
        return html! {};
    }
    html! {
        <section class="earlier-copies" aria-labelledby="earlier-copies-heading">
            <h3 id="earlier-copies-heading">{ Text::EarlierCopiesHeading.get(lang) }</h3>
            <p>{ Text::EarlierCopiesIntro.get(lang) }</p>
            <ul>
                { for copies.into_iter().map(|copy| {
                    let until = chrono::DateTime::from_timestamp_millis(copy.kept_until)
                        .map(|d| crate::core::dates::format_date(d.date_naive(), lang))
                        .unwrap_or_default();
                    let label = format!("{} ({} o) · {} {until}", copy.key, copy.text.len(), Text::KeptUntil.get(lang));
                    let name = format!("{}.json", copy.key);
                    let ondownload = {
                        let onnotice = onnotice.clone();
                        let text = copy.text.clone();
                        Callback::from(move |_: MouseEvent| {
                            if export::download_text(&name, &text, "application/json").is_err() {
                                onnotice.emit(Notice::Said(Text::DownloadFailed));
                            }
                        })
                    };
                    let onerase = {
                        let onnotice = onnotice.clone();
                        let key = copy.key.clone();
                        Callback::from(move |_: MouseEvent| {
                            storage::erase_earlier_copy(&key);
                            onnotice.emit(Notice::Said(Text::CopyErased));
                        })
                    };
                    html! {
                        <li data-key={copy.key.clone()}>
                            <code>{ label }</code>{ " " }
                            <button type="button" class="button small" onclick={ondownload}>{ Text::Download.get(lang) }</button>{ " " }
                            <button type="button" class="button small erase-copy" onclick={onerase}>{ Text::EraseCopy.get(lang) }</button>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}

/// What is stored, kind by kind, against localStorage's limit; then the browser's estimate
/// for the whole site against its quota. Sizes are counted as the browser counts them
/// against the limit (UTF-16 code units, about a byte each for what Contestel writes).
fn stored(usage: &Usage, estimate: Option<(u64, u64)>, lang: Lang) -> Html {
    let rows = [
        (Text::StoredJournal, usage.journal, "journal"),
        (Text::StoredPlans, usage.plans, "plans"),
        (Text::StoredBills, usage.bills, "bills"),
        (Text::StoredCorrections, usage.corrections, "corrections"),
        (Text::StoredPages, usage.pages, "pages"),
        (Text::StoredBank, usage.bank, "bank"),
        (Text::SetAsideHeading, usage.set_aside, "set-aside"),
        (Text::StoredOther, usage.other, "other"),
    ];
    html! {
        <section class="stored" aria-labelledby="stored-heading">
            <h3 id="stored-heading">{ Text::StoredHeading.get(lang) }</h3>
            <table class="stored-sizes">
                <thead><tr><th scope="col">{ Text::StoredItemColumn.get(lang) }</th><th scope="col" class="amount">{ Text::SizeColumn.get(lang) }</th></tr></thead>
                <tbody>
                    { for rows.into_iter().filter(|(_, size, kind)| *size > 0 || !matches!(*kind, "set-aside" | "other" | "bank")).map(|(label, size, kind)| html! {
                        <tr data-kind={kind}><th scope="row">{ label.get(lang) }</th><td class="amount">{ format_size(size, lang) }</td></tr>
                    }) }
                </tbody>
                <tfoot>
                    <tr data-kind="total">
                        <th scope="row">{ Text::StoredTotal.get(lang) }</th>
                        <td class="amount">{ format!("{} {} {}", format_size(usage.total(), lang), Text::OutOf.get(lang), format_size(LOCAL_STORAGE_LIMIT, lang)) }</td>
                    </tr>
                </tfoot>
            </table>
            <meter id="stored-meter" min="0" max={LOCAL_STORAGE_LIMIT.to_string()} value={usage.total().to_string()}></meter>
            if let Some((used, quota)) = estimate {
                <p class="muted" id="site-estimate">
                    { format!("{} {} {} {}", Text::SiteEstimate.get(lang), format_size(used, lang), Text::OutOf.get(lang), format_size(quota, lang)) }
                </p>
            }
        </section>
    }
}

/// The data view.
#[function_component(DataView)]
pub fn data_view(props: &DataViewProps) -> Html {
    let lang = use_lang();
    let journal = use_context::<UseJournal>();
    let plans = use_context::<UsePlans>();
    let corrections = use_context::<super::corrections::UseCorrections>();
    let uploads = use_context::<super::uploads::UseUploads>();
    let pending = use_state(|| None::<Rc<Backup>>);
    // An erase reloads the page: said once it is back.
    let notice = use_state(|| match storage::take_notice().as_deref() {
        Some(ERASED) => Some(Notice::Said(Text::Erased)),
        _ => None,
    });
    // Why the file just chosen cannot be imported, in words.
    let refused = use_state(|| None::<String>);
    let persisted = use_state(|| None::<bool>);
    {
        let persisted = persisted.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                persisted.set(storage::request_persistence().await)
            });
        });
    }
    // Measured after each change has been saved: the saves are effects of this same
    // render, and a spawned task runs once they are done.
    let usage = use_state(Usage::default);
    let estimate = use_state(|| None::<(u64, u64)>);
    {
        let usage = usage.clone();
        let estimate = estimate.clone();
        let changed = (
            journal.as_ref().map(|j| j.journal().clone()),
            plans.as_ref().map(|p| p.all().clone()),
            corrections.as_ref().map(|c| c.all().clone()),
            props.bills.clone(),
            *notice,
        );
        use_effect_with(changed, move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                usage.set(storage::usage());
                estimate.set(storage::estimate().await);
            });
        });
    }
    let (Some(journal), Some(plans), Some(corrections)) = (journal, plans, corrections) else {
        return html! {};
    };

    let onexport = {
        let notice = notice.clone();
        let journal = journal.clone();
        let plans = plans.clone();
        let corrections = corrections.clone();
        let bills = props.bills.clone();
        Callback::from(move |_: MouseEvent| {
            let backup = Backup::new(
                journal.journal().clone(),
                plans.all().clone(),
                bills.clone(),
                corrections.all().clone(),
                stored_bank(),
                storage::now_ms(),
            );
            let name = format!("contestel-export-{}.json", clock::today());
            let failed = match backup.encode() {
                Err(_) => Some(Text::ExportFailed),
                Ok(text) => export::download_text(&name, &text, "application/json")
                    .err()
                    .map(|_| Text::DownloadFailed),
            };
            if failed.is_none() {
                // Not saving when the export was made only brings the reminder early.
                let _ = super::export_reminder::record_export();
            }
            notice.set(failed.map(Notice::Said));
        })
    };
    let onfile = {
        let pending = pending.clone();
        let notice = notice.clone();
        let refused = refused.clone();
        Callback::from(move |e: Event| {
            let input: Option<web_sys::HtmlInputElement> = e.target_dyn_into();
            let Some(file) = input
                .as_ref()
                .and_then(|i| i.files())
                .and_then(|f| f.get(0))
            else {
                return;
            };
            if let Some(input) = &input {
                input.set_value("");
            }
            let pending = pending.clone();
            let notice = notice.clone();
            let refused = refused.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let text = match files::read_text(file, MAX_IMPORT_BYTES).await {
                    Ok(text) => text,
                    Err(error) => {
                        pending.set(None);
                        notice.set(Some(match error {
                            TextFileError::TooLarge { size, max } => Notice::TooLarge { size, max },
                            TextFileError::Unreadable => Notice::Said(Text::ImportUnreadable),
                        }));
                        return;
                    }
                };
                match Backup::decode(&text) {
                    Ok(backup) => {
                        notice.set(None);
                        refused.set(None);
                        pending.set(Some(Rc::new(backup)));
                    }
                    Err(error) => {
                        pending.set(None);
                        notice.set(None);
                        refused.set(Some(error.message(lang)));
                    }
                }
            });
        })
    };
    let apply = |merge: bool| {
        let journal = journal.clone();
        let plans = plans.clone();
        let corrections = corrections.clone();
        let uploads = uploads.clone();
        let pending = pending.clone();
        let notice = notice.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(backup) = (*pending).clone() else {
                return;
            };
            if merge {
                journal.replace(merge_journal(journal.journal(), &backup.journal));
                if plans.all().plans.is_empty() {
                    plans.set_all(backup.plans.clone());
                }
                corrections.merge(backup.corrections.clone());
            } else {
                journal.replace(backup.journal.clone());
                plans.set_all(backup.plans.clone());
                corrections.replace(backup.corrections.clone());
            }
            let bills = add_bills(&backup.bills);
            if let Some(uploads) = &uploads {
                uploads.merge_in(backup.bills.clone());
            }
            let bank = import_bank(&backup.bank, merge);
            pending.set(None);
            notice.set(Some(Notice::Said(if bills.is_ok() && bank.is_ok() {
                Text::Imported
            } else {
                Text::ImportedPartly
            })));
        })
    };
    let oncancel = {
        let pending = pending.clone();
        Callback::from(move |_: MouseEvent| pending.set(None))
    };
    let onerase = {
        let journal = journal.clone();
        let plans = plans.clone();
        let corrections = corrections.clone();
        let notice = notice.clone();
        Callback::from(move |_: MouseEvent| {
            if crate::services::dialogs::confirm(Text::ConfirmErase.get(lang)) {
                journal.replace(Journal::default());
                plans.set_all(Plans::default());
                corrections.replace(Default::default());
                storage::erase_all();
                notice.set(None);
                storage::reload_with_notice(ERASED);
            }
        })
    };

    html! {
        <section class="data" aria-labelledby="data-heading">
            <h2 id="data-heading">{ Text::DataHeading.get(lang) }</h2>
            <p>{ Text::DataIntro.get(lang) }</p>
            { stored(&usage, *estimate, lang) }
            if let Some(granted) = *persisted {
                <p class="muted" id="persist-status">
                    { if granted { Text::PersistGranted.get(lang) } else { Text::PersistDenied.get(lang) } }
                </p>
            }
            <div class="actions">
                <button type="button" class="button primary" id="export" onclick={onexport}>{ Text::ExportButton.get(lang) }</button>
            </div>
            <div class="import">
                <label for="import-file">{ Text::ImportLabel.get(lang) }</label>
                <input id="import-file" type="file" accept="application/json,.json" onchange={onfile} />
            </div>
            if let Some(backup) = (*pending).clone() {
                <div class="import-preview" role="status">
                    <p id="import-summary">{ summary_text(&backup, lang) }</p>
                    <div class="actions">
                        <button type="button" class="button primary" id="import-merge" onclick={apply(true)}>{ Text::ImportMerge.get(lang) }</button>
                        <button type="button" class="button" id="import-replace" onclick={apply(false)}>{ Text::ImportReplace.get(lang) }</button>
                        <button type="button" class="button quiet" onclick={oncancel}>{ Text::Cancel.get(lang) }</button>
                    </div>
                </div>
            }
            if let Some(said) = *notice {
                <p class="notice" role="alert" id="data-notice">{ said.text(lang) }</p>
            } else if let Some(text) = &*refused {
                <p class="notice" role="alert" id="data-notice">{ text.clone() }</p>
            }
            { set_aside(lang, { let notice = notice.clone(); Callback::from(move |n| notice.set(Some(n))) }) }
            { earlier_copies(lang, { let notice = notice.clone(); Callback::from(move |n| notice.set(Some(n))) }) }
            <div class="actions danger-zone">
                <button type="button" class="button quiet" id="erase-all" onclick={onerase}>{ Text::EraseAll.get(lang) }</button>
            </div>
        </section>
    }
}
