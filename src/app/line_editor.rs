//! The correction of one charge, in place: its label, amount and kind, "not a charge",
//! back to what was read, and where it comes from on its page.

use yew::prelude::*;

use super::corrections::UseCorrections;
use super::forms::{event_value, key, parse_key};
use super::use_lang;
use crate::core::bill::{Bill, Category};
use crate::core::corrections::{Applied, Change, LineRef, Origin, Target};
use crate::core::i18n::Text;
use crate::core::money::typed_amount;

/// Props of [`LineEditor`].
#[derive(Properties, PartialEq)]
pub struct LineEditorProps {
    /// The bill as read.
    pub read: Bill,
    /// The bill corrected.
    pub applied: Applied,
    /// The charge, by its index in the corrected bill.
    pub line: usize,
    /// Closes the editor.
    pub onclose: Callback<()>,
    /// Shows the charge on its page.
    pub onwhere: Callback<usize>,
}

fn amount_text(value: rust_decimal::Decimal) -> String {
    crate::core::money::typed_text(value)
}

/// The editor of one charge.
#[function_component(LineEditor)]
pub fn line_editor(props: &LineEditorProps) -> Html {
    let lang = use_lang();
    let corrections = use_context::<UseCorrections>();
    let current = props.applied.bill.lines.get(props.line).cloned();
    let label = use_state(|| {
        current
            .as_ref()
            .map(|l| l.label.clone())
            .unwrap_or_default()
    });
    let amount = use_state(|| {
        current
            .as_ref()
            .map(|l| amount_text(l.amount))
            .unwrap_or_default()
    });
    let category = use_state(|| {
        current
            .as_ref()
            .map(|l| key(l.category))
            .unwrap_or_default()
    });
    let error = use_state(|| None::<String>);
    let (Some(current), Some(origin), Some(corrections)) = (
        current,
        props.applied.origins.get(props.line).cloned(),
        corrections,
    ) else {
        return html! {};
    };
    // The edit of a charge of the reading names it as read; a charge picked from a row is
    // picked again with its new values.
    let line_ref = match &origin {
        Origin::Read { index, .. } => LineRef::of(&props.read, *index),
        Origin::Added { .. } => None,
    };
    let back_to_reading = match &origin {
        Origin::Read { .. } => line_ref.clone().map(Target::Line),
        Origin::Added { row, .. } => Some(Target::Row(row.clone())),
    };

    let onsubmit = {
        let (label, amount, category, error) = (
            label.clone(),
            amount.clone(),
            category.clone(),
            error.clone(),
        );
        let corrections = corrections.clone();
        let read = props.read.clone();
        let onclose = props.onclose.clone();
        let origin = origin.clone();
        let line_ref = line_ref.clone();
        let current = current.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let value = match typed_amount(&amount, true) {
                Ok(v) => v,
                Err(why) => return error.set(Some(why.message(lang).to_string())),
            };
            let new_label = label.trim().to_string();
            let new_category: Category = parse_key(&category).unwrap_or(current.category);
            let change = match &origin {
                Origin::Read { .. } => {
                    let Some(line) = line_ref.clone() else { return };
                    let changed = |same: bool| !same;
                    Change::Line {
                        line,
                        label: changed(new_label == current.label).then(|| new_label.clone()),
                        amount: changed(value == current.amount).then_some(value),
                        category: changed(new_category == current.category).then_some(new_category),
                    }
                }
                Origin::Added { row, .. } => Change::AddCharge {
                    row: row.clone(),
                    label: new_label.clone(),
                    amount: value,
                    category: new_category,
                    section: current.section.clone(),
                },
            };
            let unchanged = matches!(
                &change,
                Change::Line {
                    label: None,
                    amount: None,
                    category: None,
                    ..
                }
            );
            if !unchanged {
                if let Err(why) = change.validate() {
                    return error.set(Some(why.message(lang).to_string()));
                }
                corrections.add(&read, change);
            }
            onclose.emit(());
        })
    };
    let onnot = {
        let corrections = corrections.clone();
        let read = props.read.clone();
        let onclose = props.onclose.clone();
        let origin = origin.clone();
        let line_ref = line_ref.clone();
        Callback::from(move |_: MouseEvent| {
            match &origin {
                Origin::Read { .. } => {
                    if let Some(line) = line_ref.clone() {
                        corrections.add(&read, Change::NotACharge { line });
                    }
                }
                Origin::Added { row, .. } => corrections.revert(&read, Target::Row(row.clone())),
            }
            onclose.emit(());
        })
    };
    let onrevert = back_to_reading.clone().map(|target| {
        let corrections = corrections.clone();
        let read = props.read.clone();
        let onclose = props.onclose.clone();
        Callback::from(move |_: MouseEvent| {
            corrections.revert(&read, target.clone());
            onclose.emit(());
        })
    });
    let onwhere = {
        let line = props.line;
        props.onwhere.reform(move |_: MouseEvent| line)
    };
    let oncancel = props.onclose.reform(|_: MouseEvent| ());
    let bind = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |e: InputEvent| state.set(event_value(&e)))
    };
    let onselect = {
        let category = category.clone();
        Callback::from(move |e: Event| category.set(event_value(&e)))
    };
    let id = |field: &str| format!("line-{}-{field}", props.line);
    html! {
        <form class="line-editor" onsubmit={onsubmit} novalidate=true>
            <div class="form-grid">
                <label>{ Text::LabelColumn.get(lang) }
                    <input id={id("label")} type="text" value={(*label).clone()} oninput={bind(&label)} />
                </label>
                <label>{ Text::AmountColumn.get(lang) }
                    <input id={id("amount")} type="text" inputmode="decimal" value={(*amount).clone()}
                        oninput={bind(&amount)} aria-invalid={error.is_some().then_some("true")}
                        aria-describedby={error.is_some().then(|| id("error"))} />
                </label>
                <label>{ Text::CategoryColumn.get(lang) }
                    <select id={id("category")} onchange={onselect}>
                        { for Category::ALL.iter().map(|c| html! {
                            <option value={key(*c)} selected={key(*c) == *category}>{ c.label(lang) }</option>
                        }) }
                    </select>
                </label>
            </div>
            if let Some(message) = &*error {
                <p class="field-error" id={id("error")} role="alert">{ message.clone() }</p>
            }
            <div class="actions">
                <button type="submit" class="button primary small save-line">{ Text::SaveCorrection.get(lang) }</button>
                <button type="button" class="button small not-a-charge" onclick={onnot}>{ Text::NotACharge.get(lang) }</button>
                <button type="button" class="button small where-from" onclick={onwhere}>{ Text::WhereFrom.get(lang) }</button>
                if origin.corrected() {
                    if let Some(onrevert) = onrevert {
                        <button type="button" class="button small quiet revert-line" onclick={onrevert}>{ Text::UndoCorrection.get(lang) }</button>
                    }
                }
                <button type="button" class="button small quiet" onclick={oncancel}>{ Text::Cancel.get(lang) }</button>
            </div>
        </form>
    }
}
