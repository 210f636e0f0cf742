//! One file of the list: its name, where its reading is, and the bill or the error.

use yew::prelude::*;

use super::bill_view::BillView;
use super::timeline::{operator_name, when};
use super::{use_lang, view_link, View};
use crate::core::charts::bill_total;
use crate::core::i18n::{format_size, Text};
use crate::core::money::format_amount;
use crate::core::uploads::{bill_key, Upload, UploadStatus};

/// Props of [`UploadCard`].
#[derive(Properties, PartialEq)]
pub struct UploadCardProps {
    /// Whether the bill read is shown unfolded (one bill alone), or folded under its
    /// summary so that a dozen bills do not make the page endless.
    #[prop_or(true)]
    pub expanded: bool,
    /// The upload shown.
    pub upload: Upload,
    /// Called with the upload's id when the person removes it.
    pub onremove: Callback<u32>,
    /// The person's corrections applied to its bill, when it was read.
    #[prop_or_default]
    pub applied: Option<crate::core::corrections::Applied>,
    /// What the rules found on its lines.
    #[prop_or_default]
    pub flags: Vec<(
        usize,
        crate::core::finding::Severity,
        crate::core::finding::RuleId,
    )>,
}

/// A file and its reading.
#[function_component(UploadCard)]
pub fn upload_card(props: &UploadCardProps) -> Html {
    let lang = use_lang();
    let navigate = use_context::<Callback<View>>().unwrap_or_default();
    let upload = &props.upload;
    let onclick = {
        let id = upload.id;
        props.onremove.reform(move |_: MouseEvent| id)
    };
    let (state_class, state_text) = match &upload.status {
        UploadStatus::Queued => ("queued", Text::Queued.get(lang)),
        UploadStatus::Reading => ("reading", Text::Reading.get(lang)),
        UploadStatus::Duplicate { .. } => ("duplicate", Text::AlreadyRead.get(lang)),
        UploadStatus::Reread { .. } => ("duplicate", Text::ReadAgain.get(lang)),
        UploadStatus::Read(_) => ("read", Text::Read.get(lang)),
        UploadStatus::Failed(_) => ("failed", Text::Unreadable.get(lang)),
    };
    html! {
        <li class={classes!("upload", state_class)} data-status={state_class}>
            <div class="upload-head">
                <span class="file-name">{ &upload.name }</span>
                if upload.size > 0 {
                    <span class="file-size">{ format_size(upload.size, lang) }</span>
                }
                <span class={classes!("status", state_class)}>
                    if matches!(upload.status, UploadStatus::Reading) {
                        <span class="spinner" aria-hidden="true"></span>
                    }
                    { state_text }
                </span>
                <button type="button" class="button small quiet" {onclick}
                    aria-label={format!("{} {}", Text::Remove.get(lang), upload.name)}>
                    { Text::Remove.get(lang) }
                </button>
            </div>
            { match &upload.status {
                UploadStatus::Queued => html! {},
                UploadStatus::Reading => html! {
                    <progress class="reading-progress" aria-label={format!("{} {}", Text::ReadingFile.get(lang), upload.name)}></progress>
                },
                UploadStatus::Duplicate { of } => html! {
                    <p class="duplicate-note" role="status">
                        <span aria-hidden="true">{ "ℹ " }</span>
                        { format!("{} {of}", Text::AlreadyReadFrom.get(lang)) }
                    </p>
                },
                UploadStatus::Reread { of } => html! {
                    <p class="duplicate-note" role="status">
                        <span aria-hidden="true">{ "ℹ " }</span>
                        { format!("{} {of}.", Text::ReadAgainFrom.get(lang)) }
                    </p>
                },
                UploadStatus::Failed(error) => html! {
                    <p class="error" role="alert">{ error.message(lang) }</p>
                },
                UploadStatus::Read(reading) => {
                    let shown = props.applied.as_ref().map_or(&reading.bill, |a| &a.bill);
                    html! {
                    <>
                        <p class="open-bill-link">
                            <span class="bill-summary">
                                { operator_name(shown, lang) }
                                { format!(" · {} · ", when(shown, lang)) }
                                <strong>{ format_amount(bill_total(shown), lang) }</strong>
                                if !shown.lines.is_empty() && !shown.reconciles() {
                                    <span class="flag to-check">{ format!(" ⚠ {}", Text::ReadingToCheckShort.get(lang)) }</span>
                                }
                            </span>
                            { view_link(View::Bill { key: bill_key(&reading.bill) }, &navigate, classes!("button", "small"), Text::OpenBill.get(lang)) }
                        </p>
                        <details class="bill-details" open={props.expanded}>
                            <summary>{ Text::BillDetails.get(lang) }</summary>
                            <BillView reading={(**reading).clone()} flags={props.flags.clone()} applied={props.applied.clone()} />
                        </details>
                    </>
                    }
                }
            } }
        </li>
    }
}
