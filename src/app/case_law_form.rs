//! What the law needs to know about a case: the contract's date, whether the operator has
//! a second complaint level, the channel the contract names for complaints, a direct debit,
//! a price change's notice. A leaf: it emits the edited case, the parent saves it.

use yew::prelude::*;

use super::forms::{bind, bind_select, key, parse_key};
use super::use_lang;
use crate::core::i18n::Text;
use crate::core::journal::case::{Case, Channel, SecondLevel};

/// Props of [`CaseLawForm`].
#[derive(Properties, PartialEq)]
pub struct CaseLawFormProps {
    /// The case as it is.
    pub case: Case,
    /// Called with the case as edited.
    pub onsave: Callback<Case>,
}

fn date_key(date: Option<chrono::NaiveDate>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
}

/// The form.
#[function_component(CaseLawForm)]
pub fn case_law_form(props: &CaseLawFormProps) -> Html {
    let lang = use_lang();
    let case = &props.case;
    let start = use_state(|| date_key(case.contract_start));
    let second = use_state(|| key(case.second_level));
    let channel = use_state(|| case.complaint_channel.map(key).unwrap_or_default());
    let address = use_state(|| case.complaint_address.clone());
    let debit = use_state(|| case.direct_debit);
    let notice = use_state(|| date_key(case.price_notice_on));

    let onsubmit = {
        let case = case.clone();
        let onsave = props.onsave.clone();
        let (start, second, channel, address, debit, notice) = (
            start.clone(),
            second.clone(),
            channel.clone(),
            address.clone(),
            debit.clone(),
            notice.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            onsave.emit(Case {
                contract_start: start.parse().ok(),
                second_level: parse_key(&second).unwrap_or_default(),
                complaint_channel: parse_key(&channel),
                complaint_address: address.trim().to_string(),
                direct_debit: *debit,
                price_notice_on: notice.parse().ok(),
                ..case.clone()
            });
        })
    };
    let ondebit = {
        let debit = debit.clone();
        Callback::from(move |_: yew::Event| debit.set(!*debit))
    };

    html! {
        <form class="case-law" id="case-law" {onsubmit} aria-labelledby="case-law-heading">
            <h3 id="case-law-heading">{ Text::LawHeading.get(lang) }</h3>
            <p class="muted small">{ Text::LawIntro.get(lang) }</p>
            <div class="form-grid">
                <label>{ Text::ContractStart.get(lang) }
                    <input id="contract-start" type="date" value={(*start).clone()} oninput={bind(&start)} />
                </label>
                <label>{ Text::SecondLevelLabel.get(lang) }
                    <select id="second-level" onchange={bind_select(&second)}>
                        { for [(SecondLevel::Unknown, Text::SecondLevelUnknown), (SecondLevel::Yes, Text::SecondLevelYes), (SecondLevel::No, Text::SecondLevelNo)]
                            .iter().map(|(level, label)| html! {
                                <option value={key(*level)} selected={key(*level) == *second}>{ label.get(lang) }</option>
                            }) }
                    </select>
                </label>
                <label>{ Text::ComplaintChannelLabel.get(lang) }
                    <select id="complaint-channel" onchange={bind_select(&channel)}>
                        <option value="" selected={channel.is_empty()}>{ Text::NotEntered.get(lang) }</option>
                        { for Channel::WRITTEN.iter().map(|c| html! {
                            <option value={key(*c)} selected={key(*c) == *channel}>{ c.label(lang) }</option>
                        }) }
                    </select>
                </label>
                <label>{ Text::PriceNoticeOn.get(lang) }
                    <input id="price-notice" type="date" value={(*notice).clone()} oninput={bind(&notice)} />
                </label>
                <label class="wide">{ Text::ComplaintAddress.get(lang) }
                    <input id="complaint-address" type="text" value={(*address).clone()} oninput={bind(&address)} />
                </label>
                <label class="check wide">
                    <input id="direct-debit" type="checkbox" checked={*debit} onchange={ondebit} />
                    { Text::DirectDebit.get(lang) }
                </label>
            </div>
            <button type="submit" id="save-case-law" class="button">{ Text::SaveCaseDetails.get(lang) }</button>
        </form>
    }
}
