//! The plan form: the whole contract the rules check every bill against — its name,
//! line and price, promotion, options, dates (start, end of commitment, termination and
//! the operator's confirmation of it), what it includes and the blocks asked for —
//! pre-filled from what the last bill prints, confirmed by the person. Dates are typed
//! and shown day first whatever the browser's language. The app passes the bill asked for
//! (else the last one read) and its pages.

use std::rc::Rc;

use yew::prelude::*;

use super::date_field::{DateField, TextField};
use super::forms::event_value;
use super::plans::UsePlans;
use super::use_lang;
use crate::core::bill::Bill;
use crate::core::contract::{suggest, PlanField};
use crate::core::dates::{parse_typed_date, typed_date};
use crate::core::i18n::{Lang, Text};
use crate::core::layout::TextPage;
use crate::core::money::typed_amount;
use crate::core::plan::{Allowance, Allowances, Blocked, Plan, PlanOption, Promo};

/// Props of [`PlanView`].
#[derive(Properties, PartialEq)]
pub struct PlanViewProps {
    /// The last bill read, to pre-fill from.
    pub last_bill: Option<Bill>,
    /// Its pages, when kept: what it prints beyond its charges.
    #[prop_or_default]
    pub last_pages: Rc<Vec<TextPage>>,
    /// Whether the person came to make a new plan from this bill (« quel forfait pour
    /// cette ligne ? »): the new plan's form opens filled in from it.
    #[prop_or_default]
    pub from: bool,
}

/// Props of [`PlanForm`].
#[derive(Properties, PartialEq)]
struct PlanFormProps {
    /// Which plan it edits; past the end for a new one.
    index: usize,
    /// The last bill read, to pre-fill from.
    last_bill: Option<Bill>,
    /// Its pages.
    last_pages: Rc<Vec<TextPage>>,
    /// Whether the form opens filled in from the bill.
    #[prop_or_default]
    prefilled: bool,
}

/// The bill a plan is filled in from, as the person knows it: operator, period, file.
fn bill_named(bill: &Bill, lang: Lang) -> String {
    format!(
        "{} · {} ({})",
        super::timeline::operator_name(bill, lang),
        super::timeline::when(bill, lang),
        bill.source
    )
}

fn plan_title(plan: &Plan, lang: crate::core::i18n::Lang) -> String {
    let name = plan
        .name
        .clone()
        .unwrap_or_else(|| Text::PlanHeading.get(lang).to_string());
    match &plan.line_number {
        Some(line) => format!("{name} — {line}"),
        None => name,
    }
}

/// The plans: one per line or box, each edited in its own form.
#[function_component(PlanView)]
pub fn plan_view(props: &PlanViewProps) -> Html {
    let lang = use_lang();
    let plans = use_context::<UsePlans>();
    let opened_new = props.from;
    let count_now = plans.as_ref().map_or(0, |p| p.all().plans.len());
    let selected = use_state(move || if opened_new { count_now } else { 0usize });
    let Some(plans) = plans else { return html! {} };
    let count = plans.all().plans.len();
    let current = (*selected).min(count);
    let choose = |index: usize| {
        let selected = selected.clone();
        Callback::from(move |_: MouseEvent| selected.set(index))
    };
    let onremove = {
        let plans = plans.clone();
        let selected = selected.clone();
        Callback::from(move |_: MouseEvent| {
            if crate::services::dialogs::confirm(Text::ConfirmDeletePlan.get(lang)) {
                plans.remove(current);
                selected.set(0);
            }
        })
    };
    html! {
        <section class="plan" aria-labelledby="plan-heading">
            <h2 id="plan-heading">{ Text::PlanHeading.get(lang) }</h2>
            <p class="muted">{ Text::PlanIntro.get(lang) }</p>
            <div class="chips" role="group" aria-label={Text::PlanHeading.get(lang)}>
                { for plans.all().plans.iter().enumerate().map(|(i, plan)| html! {
                    <button type="button" class={classes!("chip", (i == current).then_some("pressed"))}
                        aria-pressed={(i == current).to_string()} onclick={choose(i)}>
                        { plan_title(plan, lang) }
                    </button>
                }) }
                <button type="button" id="new-plan" class={classes!("chip", (current == count).then_some("pressed"))}
                    aria-pressed={(current == count).to_string()} onclick={choose(count)}>
                    { format!("+ {}", Text::NewPlan.get(lang)) }
                </button>
            </div>
            <PlanForm key={current} index={current} last_bill={props.last_bill.clone()} last_pages={props.last_pages.clone()}
                prefilled={props.from && current == count} />
            if current < count {
                <button type="button" class="button quiet" onclick={onremove}>{ Text::DeletePlan.get(lang) }</button>
            }
        </section>
    }
}

#[derive(Clone, Default, PartialEq)]
struct Draft {
    /// The options a bill charges, offered to tick (none ticked at first).
    billed: Vec<(PlanOption, bool)>,
    name: String,
    line: String,
    price: String,
    promo_price: String,
    promo_until: String,
    options: Vec<(String, String)>,
    blocked_premium: bool,
    blocked_third_party: bool,
    start: String,
    commitment_end: String,
    terminated_on: String,
    termination_confirmed_on: String,
    data: String,
    calls: String,
    sms: String,
    roaming_eu: String,
    international: String,
}

fn amount_text(value: rust_decimal::Decimal) -> String {
    crate::core::money::typed_text(value)
}

fn date_text(date: Option<chrono::NaiveDate>) -> String {
    date.map(typed_date).unwrap_or_default()
}

fn allowance_text(allowance: Option<Allowance>, lang: Lang) -> String {
    match allowance {
        None => String::new(),
        Some(Allowance::Unlimited) => Text::Unlimited.get(lang).to_string(),
        Some(Allowance::Limited(n)) => amount_text(n),
    }
}

fn choice_text(value: Option<bool>) -> String {
    match value {
        None => String::new(),
        Some(true) => "yes".into(),
        Some(false) => "no".into(),
    }
}

fn parse_choice(text: &str) -> Option<bool> {
    match text {
        "yes" => Some(true),
        "no" => Some(false),
        _ => None,
    }
}

/// A wrong field: its key in the form and what to say.
type Wrong = (&'static str, String);

impl Draft {
    /// A draft from what a bill prints: its options offered, none ticked; a price it did
    /// not read left empty for the person to type (never « 0 »: a plan at 0 € makes every
    /// subscription look overbilled).
    fn from_suggestion(suggestion: &crate::core::contract::Suggestion, lang: Lang) -> Draft {
        let from_plan = Draft::from_plan(&suggestion.plan, lang);
        Draft {
            billed: suggestion
                .billed_options
                .iter()
                .map(|o| (o.clone(), false))
                .collect(),
            price: if suggestion.read.contains(&PlanField::Price) {
                from_plan.price.clone()
            } else {
                String::new()
            },
            ..from_plan
        }
    }

    fn from_plan(plan: &Plan, lang: Lang) -> Draft {
        Draft {
            billed: Vec::new(),
            name: plan.name.clone().unwrap_or_default(),
            line: plan.line_number.clone().unwrap_or_default(),
            price: amount_text(plan.monthly_price),
            promo_price: plan
                .promo
                .as_ref()
                .map(|p| amount_text(p.price))
                .unwrap_or_default(),
            promo_until: date_text(plan.promo.as_ref().map(|p| p.until)),
            options: plan
                .options
                .iter()
                .map(|o| (o.name.clone(), amount_text(o.price)))
                .collect(),
            blocked_premium: plan.blocked.premium_numbers,
            blocked_third_party: plan.blocked.third_party,
            start: date_text(plan.start),
            commitment_end: date_text(plan.commitment_end),
            terminated_on: date_text(plan.terminated_on),
            termination_confirmed_on: date_text(plan.termination_confirmed_on),
            data: allowance_text(plan.allowances.data_gb, lang),
            calls: allowance_text(plan.allowances.calls, lang),
            sms: allowance_text(plan.allowances.sms, lang),
            roaming_eu: choice_text(plan.allowances.roaming_eu),
            international: choice_text(plan.allowances.international),
        }
    }

    /// The plan, or the first field that is wrong and why.
    fn to_plan(&self, base: Option<&Plan>, lang: Lang) -> Result<Plan, Wrong> {
        let amount = |field: &'static str, text: &str| {
            typed_amount(text, false).map_err(|e| (field, e.message(lang).to_string()))
        };
        let date = |field: &'static str, text: &str| {
            parse_typed_date(text).map_err(|e| (field, e.message(lang).to_string()))
        };
        let allowance = |field: &'static str, text: &str| {
            Allowance::parse_typed(text)
                .map_err(|_| (field, Text::InvalidAllowance.get(lang).to_string()))
        };
        let monthly_price = amount("price", &self.price)?;
        let promo = match (self.promo_price.trim(), self.promo_until.trim()) {
            ("", "") => None,
            (price, until) => Some(Promo {
                price: amount("promo_price", price)?,
                until: date("promo_until", until)?.ok_or((
                    "promo_until",
                    crate::core::dates::TypedDateError::NotADate
                        .message(lang)
                        .to_string(),
                ))?,
            }),
        };
        let mut options = Vec::new();
        for (name, price) in &self.options {
            if name.trim().is_empty() {
                continue;
            }
            options.push(PlanOption {
                name: name.trim().into(),
                price: amount("option", price)?,
            });
        }
        for (option, _) in self.billed.iter().filter(|(_, ticked)| *ticked) {
            if !options.iter().any(|o| o.name == option.name) {
                options.push(option.clone());
            }
        }
        let terminated_on = date("terminated_on", &self.terminated_on)?;
        let termination_confirmed_on =
            date("termination_confirmed_on", &self.termination_confirmed_on)?;
        if termination_confirmed_on.is_some() && terminated_on.is_none() {
            return Err((
                "terminated_on",
                Text::ConfirmationNeedsTermination.get(lang).to_string(),
            ));
        }
        let base = base
            .cloned()
            .unwrap_or_else(|| Plan::with_price(monthly_price));
        let plan = Plan {
            name: Some(self.name.trim().to_string()).filter(|n| !n.is_empty()),
            line_number: Some(self.line.trim().to_string()).filter(|n| !n.is_empty()),
            monthly_price,
            promo,
            options,
            blocked: Blocked {
                premium_numbers: self.blocked_premium,
                third_party: self.blocked_third_party,
            },
            start: date("start", &self.start)?,
            commitment_end: date("commitment_end", &self.commitment_end)?,
            terminated_on,
            termination_confirmed_on,
            allowances: Allowances {
                data_gb: allowance("data", &self.data)?,
                calls: allowance("calls", &self.calls)?,
                sms: allowance("sms", &self.sms)?,
                roaming_eu: parse_choice(&self.roaming_eu),
                international: parse_choice(&self.international),
            },
            ..base
        };
        plan.validate().map_err(|e| {
            let field = match e.field.as_str() {
                "promo.price" => "promo_price",
                "promo.until" => "promo_until",
                "commitment_end" => "commitment_end",
                "terminated_on" => "terminated_on",
                "termination_confirmed_on" => "termination_confirmed_on",
                f if f.starts_with("options") => "option",
                _ => "price",
            };
            (field, e.message(lang))
        })?;
        Ok(plan)
    }
}

/// The form of one plan.
#[function_component(PlanForm)]
fn plan_form(props: &PlanFormProps) -> Html {
    let lang = use_lang();
    let plans = use_context::<UsePlans>();
    let index = props.index;
    let current = plans
        .as_ref()
        .and_then(|p| p.all().plans.get(index).cloned());
    // A new plan asked for from a bill opens filled in from it, unsaved.
    // A new plan asked for from a bill opens filled in from it, unsaved: read from the
    // bill once, when the form opens (the states below keep it), never on a later render.
    let opening = use_memo((), {
        let bill = props
            .last_bill
            .as_ref()
            .filter(|_| props.prefilled && current.is_none())
            .cloned();
        let pages = props.last_pages.clone();
        move |_| bill.map(|b| (suggest(&b, &pages), bill_named(&b, lang)))
    });
    let draft = use_state(|| {
        current
            .as_ref()
            .map(|p| Draft::from_plan(p, lang))
            .or_else(|| {
                opening
                    .as_ref()
                    .as_ref()
                    .map(|(s, _)| Draft::from_suggestion(s, lang))
            })
            .unwrap_or_default()
    });
    let read = use_state(|| {
        opening
            .as_ref()
            .as_ref()
            .map(|(s, _)| s.read.clone())
            .unwrap_or_default()
    });
    let notice = use_state(|| opening.is_some().then_some(Text::PrefillNote));
    // Which bill the values come from, once filled in.
    let source = use_state(|| opening.as_ref().as_ref().map(|(_, name)| name.clone()));
    let wrong = use_state(|| None::<Wrong>);
    let Some(plans) = plans else { return html! {} };

    let set = |get: fn(&mut Draft) -> &mut String| {
        let draft = draft.clone();
        Callback::from(move |text: String| {
            let mut next = (*draft).clone();
            *get(&mut next) = text;
            draft.set(next);
        })
    };
    let choose = |get: fn(&mut Draft) -> &mut String| set(get).reform(|e: Event| event_value(&e));
    let toggle = |get: fn(&mut Draft) -> &mut bool| {
        let draft = draft.clone();
        Callback::from(move |_: Event| {
            let mut next = (*draft).clone();
            let flag = get(&mut next);
            *flag = !*flag;
            draft.set(next);
        })
    };
    let onprefill = {
        let draft = draft.clone();
        let read = read.clone();
        let notice = notice.clone();
        let source = source.clone();
        let bill = props.last_bill.clone();
        let pages = props.last_pages.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(bill) = &bill {
                let suggestion = suggest(bill, &pages);
                draft.set(Draft::from_suggestion(&suggestion, lang));
                read.set(suggestion.read);
                notice.set(Some(Text::PrefillNote));
                source.set(Some(bill_named(bill, lang)));
            }
        })
    };
    let onadd = {
        let draft = draft.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = (*draft).clone();
            next.options.push((String::new(), String::new()));
            draft.set(next);
        })
    };
    let onsubmit = {
        let draft = draft.clone();
        let read = read.clone();
        let notice = notice.clone();
        let wrong = wrong.clone();
        let plans = plans.clone();
        let base = current.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match draft.to_plan(base.as_ref(), lang) {
                Ok(plan) => {
                    plans.set(index, plan);
                    wrong.set(None);
                    read.set(Vec::new());
                    notice.set(Some(Text::PlanSaved));
                }
                Err(field) => {
                    wrong.set(Some(field));
                    notice.set(None);
                }
            }
        })
    };
    let error = |name: &str| {
        wrong
            .as_ref()
            .filter(|(f, _)| *f == name)
            .map(|(_, m)| AttrValue::from(m.clone()))
    };
    let invalid = |name: &str| error(name).is_some().then_some("true");
    let message = |name: &str| match error(name) {
        Some(m) => html! { <span class="field-error">{ m }</span> },
        None => html! {},
    };
    let note = |f: PlanField| {
        read.contains(&f)
            .then(|| AttrValue::from(Text::ReadFromBill.get(lang)))
    };
    let mark = |f: PlanField| match note(f) {
        Some(n) => html! { <span class="read-note">{ format!(" · {n}") }</span> },
        None => html! {},
    };
    let choice = |id: &'static str, value: &str, onchange: Callback<Event>| {
        html! {
            <select {id} {onchange}>
                <option value="" selected={value.is_empty()}>{ Text::NotSaid.get(lang) }</option>
                <option value="yes" selected={value == "yes"}>{ Text::Yes.get(lang) }</option>
                <option value="no" selected={value == "no"}>{ Text::No.get(lang) }</option>
            </select>
        }
    };

    html! {
        <div class="plan-edit">
            if props.last_bill.is_some() {
                <button type="button" class="button" id="prefill" onclick={onprefill}>
                    { if props.prefilled { Text::PrefillFromThisBill.get(lang) } else { Text::PrefillFromBill.get(lang) } }
                </button>
            }
            if let Some(text) = *notice {
                <p class="notice" role="status">
                    if let Some(bill) = &*source {
                        <span id="prefilled-from">{ format!("{} {bill}. ", Text::PrefilledFrom.get(lang)) }</span>
                    }
                    { text.get(lang) }
                </p>
            }
            if let Some((_, why)) = &*wrong {
                <p class="field-error" role="alert" id="plan-error">{ why.clone() }</p>
            }
            <form class="plan-form" {onsubmit} novalidate=true>
                <div class="form-grid">
                    <TextField id="plan-name" label={Text::PlanName.get(lang)} value={draft.name.clone()}
                        oninput={set(|d| &mut d.name)} note={note(PlanField::Name)} />
                    <TextField id="plan-line" label={Text::PlanLine.get(lang)} value={draft.line.clone()}
                        oninput={set(|d| &mut d.line)} note={note(PlanField::Line)} inputmode={AttrValue::from("tel")} />
                    <TextField id="plan-price" label={Text::MonthlyPrice.get(lang)} value={draft.price.clone()}
                        oninput={set(|d| &mut d.price)} note={note(PlanField::Price)} error={error("price")}
                        inputmode={AttrValue::from("decimal")} />
                    <TextField id="promo-price" label={Text::PromoPrice.get(lang)} value={draft.promo_price.clone()}
                        oninput={set(|d| &mut d.promo_price)} error={error("promo_price")} inputmode={AttrValue::from("decimal")} />
                    <DateField id="promo-until" label={Text::PromoUntil.get(lang)} value={draft.promo_until.clone()}
                        oninput={set(|d| &mut d.promo_until)} error={error("promo_until")} />
                </div>
                <fieldset class="options contract">
                    <legend>{ Text::ContractHeading.get(lang) }</legend>
                    <div class="form-grid">
                        <DateField id="contract-start-date" label={Text::ContractStart.get(lang)} value={draft.start.clone()}
                            oninput={set(|d| &mut d.start)} error={error("start")} note={note(PlanField::Start)} />
                        <DateField id="commitment-end" label={Text::CommitmentEnd.get(lang)} value={draft.commitment_end.clone()}
                            oninput={set(|d| &mut d.commitment_end)} error={error("commitment_end")} note={note(PlanField::CommitmentEnd)} />
                        <DateField id="terminated-on" label={Text::TerminatedOn.get(lang)} value={draft.terminated_on.clone()}
                            oninput={set(|d| &mut d.terminated_on)} error={error("terminated_on")} />
                        <DateField id="termination-confirmed-on" label={Text::TerminationConfirmedOn.get(lang)}
                            value={draft.termination_confirmed_on.clone()} oninput={set(|d| &mut d.termination_confirmed_on)}
                            error={error("termination_confirmed_on")} />
                    </div>
                </fieldset>
                <fieldset class="options allowances">
                    <legend>{ Text::AllowancesHeading.get(lang) }</legend>
                    <p class="muted small">{ Text::AllowanceHint.get(lang) }</p>
                    <div class="form-grid">
                        <TextField id="allowance-data" label={Text::DataAllowance.get(lang)} value={draft.data.clone()}
                            oninput={set(|d| &mut d.data)} note={note(PlanField::Data)} error={error("data")} />
                        <TextField id="allowance-calls" label={Text::CallsAllowance.get(lang)} value={draft.calls.clone()}
                            oninput={set(|d| &mut d.calls)} note={note(PlanField::Calls)} error={error("calls")} />
                        <TextField id="allowance-sms" label={Text::SmsAllowance.get(lang)} value={draft.sms.clone()}
                            oninput={set(|d| &mut d.sms)} note={note(PlanField::Sms)} error={error("sms")} />
                        <label>
                            <span>{ Text::RoamingEuIncluded.get(lang) }{ mark(PlanField::RoamingEu) }</span>
                            { choice("allowance-eu", &draft.roaming_eu, choose(|d| &mut d.roaming_eu)) }
                        </label>
                        <label>
                            <span>{ Text::InternationalIncluded.get(lang) }{ mark(PlanField::International) }</span>
                            { choice("allowance-international", &draft.international, choose(|d| &mut d.international)) }
                        </label>
                    </div>
                </fieldset>
                <fieldset class="options">
                    <legend>{ Text::OptionsHeading.get(lang) }</legend>
                    { for draft.options.iter().enumerate().map(|(i, (name, price))| {
                        let set_name = { let draft = draft.clone(); Callback::from(move |e: InputEvent| {
                            let mut next = (*draft).clone(); next.options[i].0 = event_value(&e); draft.set(next); }) };
                        let set_price = { let draft = draft.clone(); Callback::from(move |e: InputEvent| {
                            let mut next = (*draft).clone(); next.options[i].1 = event_value(&e); draft.set(next); }) };
                        let remove = { let draft = draft.clone(); Callback::from(move |_: MouseEvent| {
                            let mut next = (*draft).clone(); next.options.remove(i); draft.set(next); }) };
                        html! {
                            <div class="option-row">
                                <label>{ Text::OptionName.get(lang) }<input type="text" value={name.clone()} oninput={set_name} /></label>
                                <label>{ Text::OptionPrice.get(lang) }<input type="text" inputmode="decimal" value={price.clone()} oninput={set_price}
                                    aria-invalid={invalid("option")} /></label>
                                <button type="button" class="button small quiet" onclick={remove}>{ Text::RemoveOption.get(lang) }</button>
                            </div>
                        }
                    }) }
                    { message("option") }
                    <button type="button" class="button small" onclick={onadd}>{ Text::AddOption.get(lang) }</button>
                </fieldset>
                if !draft.billed.is_empty() {
                    <fieldset class="options billed-options">
                        <legend>{ Text::BilledOptions.get(lang) }{ mark(PlanField::Options) }</legend>
                        <p class="muted small">{ Text::BilledOptionsHint.get(lang) }</p>
                        { for draft.billed.iter().enumerate().map(|(i, (option, ticked))| {
                            let ontick = { let draft = draft.clone(); Callback::from(move |_: Event| {
                                let mut next = (*draft).clone();
                                if let Some(entry) = next.billed.get_mut(i) { entry.1 = !entry.1; }
                                draft.set(next); }) };
                            html! {
                                <label class="check"><input type="checkbox" id={format!("billed-option-{i}")} checked={*ticked} onchange={ontick} />
                                    { format!("{} — {}", option.name, crate::core::money::format_amount(option.price, lang)) }</label>
                            }
                        }) }
                    </fieldset>
                }
                <fieldset class="options blocks">
                    <legend>{ Text::BlocksHeading.get(lang) }</legend>
                    <label class="check"><input type="checkbox" checked={draft.blocked_premium} onchange={toggle(|d| &mut d.blocked_premium)} />
                        { Text::BlockedPremium.get(lang) }</label>
                    <label class="check"><input type="checkbox" checked={draft.blocked_third_party} onchange={toggle(|d| &mut d.blocked_third_party)} />
                        { Text::BlockedThirdParty.get(lang) }</label>
                </fieldset>
                <button type="submit" class="button primary" id="save-plan">{ Text::SavePlan.get(lang) }</button>
            </form>
        </div>
    }
}
