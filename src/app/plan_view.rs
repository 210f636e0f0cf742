//! The plan form: what the contract says, which every bill is checked against.

use yew::prelude::*;

use super::forms::event_value;
use super::plans::UsePlans;
use super::use_lang;
use crate::core::bill::Bill;
use crate::core::i18n::Text;
use crate::core::money::parse_typed_amount;
use crate::core::plan::{Blocked, Plan, PlanOption, Promo};

/// Props of [`PlanView`].
#[derive(Properties, PartialEq)]
pub struct PlanViewProps {
    /// The last bill read, to pre-fill from.
    pub last_bill: Option<Bill>,
}

/// Props of [`PlanForm`].
#[derive(Properties, PartialEq)]
struct PlanFormProps {
    /// Which plan it edits; past the end for a new one.
    index: usize,
    /// The last bill read, to pre-fill from.
    last_bill: Option<Bill>,
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
    let selected = use_state(|| 0usize);
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
            if gloo::dialogs::confirm(Text::ConfirmDeletePlan.get(lang)) {
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
            <PlanForm key={current} index={current} last_bill={props.last_bill.clone()} />
            if current < count {
                <button type="button" class="button quiet" onclick={onremove}>{ Text::DeletePlan.get(lang) }</button>
            }
        </section>
    }
}

#[derive(Clone, Default, PartialEq)]
struct Draft {
    name: String,
    line: String,
    price: String,
    promo_price: String,
    promo_until: String,
    options: Vec<(String, String)>,
    blocked_premium: bool,
    blocked_third_party: bool,
}

fn amount_text(value: rust_decimal::Decimal) -> String {
    value.to_string().replace('.', ",")
}

impl Draft {
    fn from_plan(plan: &Plan) -> Draft {
        Draft {
            name: plan.name.clone().unwrap_or_default(),
            line: plan.line_number.clone().unwrap_or_default(),
            price: amount_text(plan.monthly_price),
            promo_price: plan
                .promo
                .as_ref()
                .map(|p| amount_text(p.price))
                .unwrap_or_default(),
            promo_until: plan
                .promo
                .as_ref()
                .map(|p| p.until.to_string())
                .unwrap_or_default(),
            options: plan
                .options
                .iter()
                .map(|o| (o.name.clone(), amount_text(o.price)))
                .collect(),
            blocked_premium: plan.blocked.premium_numbers,
            blocked_third_party: plan.blocked.third_party,
        }
    }

    /// The plan, or the first field that is wrong.
    fn to_plan(&self, base: Option<&Plan>) -> Result<Plan, &'static str> {
        let monthly_price = parse_typed_amount(&self.price).ok_or("price")?;
        let promo = match (self.promo_price.trim(), self.promo_until.trim()) {
            ("", "") => None,
            (price, until) => Some(Promo {
                price: parse_typed_amount(price).ok_or("promo_price")?,
                until: until.parse().map_err(|_| "promo_until")?,
            }),
        };
        let mut options = Vec::new();
        for (name, price) in &self.options {
            if name.trim().is_empty() {
                continue;
            }
            options.push(PlanOption {
                name: name.trim().into(),
                price: parse_typed_amount(price).ok_or("option")?,
            });
        }
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
            ..base.cloned().unwrap_or(Plan {
                operator: None,
                name: None,
                line_number: None,
                monthly_price,
                promo: None,
                options: Vec::new(),
                allowances: Default::default(),
                blocked: Blocked::default(),
                start: None,
                commitment_end: None,
                terminated_on: None,
            })
        };
        plan.validate().map_err(|_| "price")?;
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
    let draft = use_state(|| current.as_ref().map(Draft::from_plan).unwrap_or_default());
    let notice = use_state(|| None::<Text>);
    let wrong = use_state(|| None::<&'static str>);
    let Some(plans) = plans else { return html! {} };

    let field = |get: fn(&mut Draft) -> &mut String| {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            let mut next = (*draft).clone();
            *get(&mut next) = event_value(&e);
            draft.set(next);
        })
    };
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
        let notice = notice.clone();
        let bill = props.last_bill.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(bill) = &bill {
                draft.set(Draft::from_plan(&Plan::suggest_from_bill(bill)));
                notice.set(Some(Text::PrefillNote));
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
        let notice = notice.clone();
        let wrong = wrong.clone();
        let plans = plans.clone();
        let base = current.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match draft.to_plan(base.as_ref()) {
                Ok(plan) => {
                    plans.set(index, plan);
                    wrong.set(None);
                    notice.set(Some(Text::PlanSaved));
                }
                Err(field) => {
                    wrong.set(Some(field));
                    notice.set(None);
                }
            }
        })
    };
    let invalid = |name: &str| (*wrong == Some(name)).then_some("true");

    html! {
        <div class="plan-edit">
            if props.last_bill.is_some() {
                <button type="button" class="button" id="prefill" onclick={onprefill}>{ Text::PrefillFromBill.get(lang) }</button>
            }
            if let Some(text) = *notice {
                <p class="notice" role="status">{ text.get(lang) }</p>
            }
            <form class="plan-form" {onsubmit} novalidate=true>
                <div class="form-grid">
                    <label>{ Text::PlanName.get(lang) }
                        <input id="plan-name" type="text" value={draft.name.clone()} oninput={field(|d| &mut d.name)} />
                    </label>
                    <label>{ Text::PlanLine.get(lang) }
                        <input id="plan-line" type="text" inputmode="tel" value={draft.line.clone()} oninput={field(|d| &mut d.line)} />
                    </label>
                    <label>{ Text::MonthlyPrice.get(lang) }
                        <input id="plan-price" type="text" inputmode="decimal" required=true aria-invalid={invalid("price")}
                            value={draft.price.clone()} oninput={field(|d| &mut d.price)} />
                        if invalid("price").is_some() { <span class="field-error">{ Text::InvalidAmount.get(lang) }</span> }
                    </label>
                    <label>{ Text::PromoPrice.get(lang) }
                        <input id="promo-price" type="text" inputmode="decimal" aria-invalid={invalid("promo_price")}
                            value={draft.promo_price.clone()} oninput={field(|d| &mut d.promo_price)} />
                        if invalid("promo_price").is_some() { <span class="field-error">{ Text::InvalidAmount.get(lang) }</span> }
                    </label>
                    <label>{ Text::PromoUntil.get(lang) }
                        <input id="promo-until" type="date" aria-invalid={invalid("promo_until")}
                            value={draft.promo_until.clone()} oninput={field(|d| &mut d.promo_until)} />
                    </label>
                </div>
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
                                <label>{ Text::OptionPrice.get(lang) }<input type="text" inputmode="decimal" value={price.clone()} oninput={set_price} /></label>
                                <button type="button" class="button small quiet" onclick={remove}>{ Text::RemoveOption.get(lang) }</button>
                            </div>
                        }
                    }) }
                    <button type="button" class="button small" onclick={onadd}>{ Text::AddOption.get(lang) }</button>
                </fieldset>
                <label class="check"><input type="checkbox" checked={draft.blocked_premium} onchange={toggle(|d| &mut d.blocked_premium)} />
                    { Text::BlockedPremium.get(lang) }</label>
                <label class="check"><input type="checkbox" checked={draft.blocked_third_party} onchange={toggle(|d| &mut d.blocked_third_party)} />
                    { Text::BlockedThirdParty.get(lang) }</label>
                <button type="submit" class="button primary" id="save-plan">{ Text::SavePlan.get(lang) }</button>
            </form>
        </div>
    }
}
