//! The letters of a case: those that fit where it stands, filled from the case and the
//! person's details, with the header of the channel they go by; editable, then copied,
//! downloaded or printed, with what to check before sending.

use chrono::NaiveDate;
use yew::prelude::*;

use super::forms::{bind, bind_select, event_value, key, parse_key};
use super::{source_links, use_lang, View};
use crate::core::i18n::{Lang, Text};
use crate::core::journal::case::{Case, Channel};
use crate::core::journal::letters::{self, LetterKind, Sender};
use crate::services::export;

/// Props of [`LetterPanel`].
#[derive(Properties, PartialEq)]
pub struct LetterPanelProps {
    /// The case.
    pub case: Case,
    /// The person's details.
    pub sender: Sender,
    /// The letters that fit, the one the next step calls for first.
    pub kinds: Vec<LetterKind>,
    /// The date of the letter.
    pub today: NaiveDate,
    /// Called when the person changes their details.
    pub onsender: Callback<Sender>,
}

/// The name of a letter.
pub fn kind_label(kind: LetterKind, lang: Lang) -> &'static str {
    match kind {
        LetterKind::Complaint => Text::LetterComplaint.get(lang),
        LetterKind::Recourse => Text::LetterRecourse.get(lang),
        LetterKind::Mediator => Text::LetterMediator.get(lang),
        LetterKind::SignalConso => Text::LetterSignalConso.get(lang),
        LetterKind::FormalNotice => Text::LetterFormalNotice.get(lang),
        LetterKind::ThirdPartyRefund => Text::LetterThirdPartyRefund.get(lang),
        LetterKind::PriceChangeTermination => Text::LetterPriceChangeTermination.get(lang),
        LetterKind::ItemisedBill => Text::LetterItemisedBill.get(lang),
        LetterKind::ConsentProof => Text::LetterConsentProof.get(lang),
        LetterKind::BankDebit => Text::LetterBankDebit.get(lang),
    }
}

/// The letters panel.
#[function_component(LetterPanel)]
pub fn letter_panel(props: &LetterPanelProps) -> Html {
    let lang = use_lang();
    let navigate = use_context::<Callback<View>>().unwrap_or_default();
    let first = props
        .kinds
        .first()
        .copied()
        .unwrap_or(LetterKind::Complaint);
    let kind = use_state(|| key(first));
    // The channel the person chose, for the letter it was chosen for.
    let chosen = use_state(|| None::<(LetterKind, Channel)>);
    let name = use_state(|| props.sender.name.clone());
    let address = use_state(|| props.sender.address.clone());
    let copied = use_state(|| false);
    let download_failed = use_state(|| false);
    let letter_kind: LetterKind = parse_key::<LetterKind>(&kind)
        .filter(|k| props.kinds.contains(k))
        .unwrap_or(first);
    let channel = match *chosen {
        Some((k, c)) if k == letter_kind => c,
        _ => letter_kind.default_channel(&props.case),
    };
    let sender = Sender {
        name: (*name).clone(),
        address: (*address).clone(),
        ..props.sender.clone()
    };
    let generated = letters::write(letter_kind, &props.case, &sender, channel, props.today);
    // The person's edits are kept until the letter's inputs change.
    let text = use_state(|| generated.text.clone());
    {
        let text = text.clone();
        use_effect_with(generated.text.clone(), move |fresh| text.set(fresh.clone()));
    }

    let save_sender = {
        let onsender = props.onsender.clone();
        let sender = sender.clone();
        Callback::from(move |_: FocusEvent| onsender.emit(sender.clone()))
    };
    let onchannel = {
        let chosen = chosen.clone();
        Callback::from(move |e: yew::Event| {
            if let Some(c) = parse_key::<Channel>(&event_value(&e)) {
                chosen.set(Some((letter_kind, c)));
            }
        })
    };
    let oncopy = {
        let text = text.clone();
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| {
            let text = (*text).clone();
            let copied = copied.clone();
            wasm_bindgen_futures::spawn_local(
                async move { copied.set(export::copy_text(&text).await) },
            );
        })
    };
    let ondownload = {
        let text = text.clone();
        let file = letter_kind.file_name(lang, props.today);
        let failed = download_failed.clone();
        Callback::from(move |_: MouseEvent| {
            failed.set(export::download_text(&file, &text, "text/plain;charset=utf-8").is_err());
        })
    };
    let onprint = Callback::from(|_: MouseEvent| export::print("letter"));
    let onedit = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| text.set(event_value(&e)))
    };

    html! {
        <section class="letters" aria-labelledby="letters-heading">
            <h3 id="letters-heading">{ Text::Letters.get(lang) }</h3>
            <div class="form-grid">
                <label>{ Text::SenderName.get(lang) }
                    <input type="text" autocomplete="name" value={(*name).clone()} oninput={bind(&name)} onblur={save_sender.clone()} />
                </label>
                <label>{ Text::SenderAddress.get(lang) }
                    <textarea rows="2" autocomplete="street-address" value={(*address).clone()} oninput={bind(&address)} onblur={save_sender} />
                </label>
                <label>{ Text::LetterLabel.get(lang) }
                    <select id="letter-kind" onchange={bind_select(&kind)}>
                        { for props.kinds.iter().map(|k| html! {
                            <option value={key(*k)} selected={*k == letter_kind}>{ kind_label(*k, lang) }</option>
                        }) }
                    </select>
                </label>
                <label>{ Text::LetterChannel.get(lang) }
                    <select id="letter-channel" onchange={onchannel}>
                        { for Channel::WRITTEN.iter().map(|c| html! {
                            <option value={key(*c)} selected={*c == channel}>{ c.label(lang) }</option>
                        }) }
                    </select>
                </label>
            </div>
            if !generated.notes.is_empty() {
                <div class="letter-notes" role="note">
                    <h4>{ Text::BeforeSending.get(lang) }</h4>
                    <ul>{ for generated.notes.iter().map(|n| html! { <li>{ n.get(lang) }</li> }) }</ul>
                </div>
            }
            if lang == crate::core::i18n::Lang::En {
                <p class="small letter-language" id="letter-language">{ Text::LetterStaysFrench.get(lang) }</p>
            }
            <p class="small letter-sources">{ source_links(letter_kind.sources(), &navigate, lang) }</p>
            <label class="visually-hidden" for="letter-text">{ generated.subject.clone() }</label>
            <textarea id="letter-text" class="letter-text" rows="18" value={(*text).clone()} oninput={onedit} />
            <pre class="letter-sheet" aria-hidden="true">{ (*text).clone() }</pre>
            <div class="actions">
                <button type="button" class="button" onclick={oncopy}>{ Text::Copy.get(lang) }</button>
                <button type="button" class="button" id="letter-download" onclick={ondownload}>{ Text::Download.get(lang) }</button>
                <button type="button" class="button" onclick={onprint}>{ Text::Print.get(lang) }</button>
                if *copied { <span class="muted" role="status">{ Text::Copied.get(lang) }</span> }
            </div>
            if *download_failed {
                <p class="notice" role="alert" id="letter-download-failed">{ Text::DownloadFailed.get(lang) }</p>
            }
            <p class="muted small">{ Text::LetterNote.get(lang) }</p>
        </section>
    }
}
