//! The form recording one exchange: date, step, channel, who, reference, what was said,
//! the answer.

use chrono::NaiveDate;
use yew::prelude::*;

use crate::core::journal::help::Help;

use super::forms::{bind, bind_select, key, parse_key};
use super::use_lang;
use crate::core::associations::NATIONAL;
use crate::core::i18n::Text;
use crate::core::journal::case::{
    Answer, AssociationContact, Channel, Event, Milestone, Regulator,
};
use crate::core::journal::ladder::Stage;

/// Props of [`EventForm`].
#[derive(Properties, PartialEq)]
pub struct EventFormProps {
    /// The date proposed (today).
    pub today: NaiveDate,
    /// The step proposed (the advice's).
    pub stage: Stage,
    /// Called with the exchange when the person saves it.
    pub onsave: Callback<Event>,
}

/// The exchange form.
#[function_component(EventForm)]
pub fn event_form(props: &EventFormProps) -> Html {
    let lang = use_lang();
    let date = use_state(|| props.today.to_string());
    let stage = use_state(|| key(props.stage));
    let channel = use_state(|| key(Channel::Phone));
    let counterpart = use_state(String::new);
    let reference = use_state(String::new);
    let said = use_state(String::new);
    let answer = use_state(|| key(Answer::Awaited));
    let answer_text = use_state(String::new);
    let answer_by = use_state(String::new);
    let milestone = use_state(String::new);
    let association = use_state(String::new);
    let branch = use_state(String::new);
    let member = use_state(String::new);
    let acting = use_state(|| false);
    let regulator = use_state(|| key(Regulator::SignalConso));

    let onsubmit = {
        let (date, stage, channel) = (date.clone(), stage.clone(), channel.clone());
        let (counterpart, reference, said) = (counterpart.clone(), reference.clone(), said.clone());
        let (answer, answer_text, answer_by, milestone) = (
            answer.clone(),
            answer_text.clone(),
            answer_by.clone(),
            milestone.clone(),
        );
        let (association, branch, member, acting, regulator) = (
            association.clone(),
            branch.clone(),
            member.clone(),
            acting.clone(),
            regulator.clone(),
        );
        let onsave = props.onsave.clone();
        let today = props.today;
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let answer_kind: Answer = parse_key(&answer).unwrap_or_default();
            let stage: Stage = parse_key(&stage).unwrap_or(Stage::CustomerService);
            let event = Event {
                id: 0,
                date: date.parse().unwrap_or(today),
                stage,
                channel: parse_key(&channel).unwrap_or(Channel::Phone),
                counterpart: counterpart.trim().to_string(),
                reference: reference.trim().to_string(),
                said: said.trim().to_string(),
                answer: answer_kind,
                answer_text: answer_text.trim().to_string(),
                answered_on: (answer_kind != Answer::Awaited)
                    .then(|| date.parse().unwrap_or(today)),
                answer_by: answer_by.parse().ok(),
                follow_up: None,
                // Only the Médiateur's exchanges record one of its steps.
                milestone: (stage == Stage::Mediator)
                    .then(|| parse_key::<Milestone>(&milestone))
                    .flatten(),
                // Only an association's exchanges say which one and how the person stands
                // with it; only a report says where it went.
                association: (stage == Stage::ConsumerAssociation).then(|| AssociationContact {
                    id: (!association.is_empty()).then(|| (*association).clone()),
                    branch: branch.trim().to_string(),
                    member: match member.as_str() {
                        "yes" => Some(true),
                        "no" => Some(false),
                        _ => None,
                    },
                    acting: *acting,
                }),
                regulator: (stage == Stage::Regulator)
                    .then(|| parse_key::<Regulator>(&regulator))
                    .flatten(),
            };
            // Who was on the other side, when the person did not type it: the association
            // and its branch, or the regulator.
            let event = match (&event.association, event.regulator) {
                (Some(contact), _) if event.counterpart.is_empty() => Event {
                    counterpart: contact.name().unwrap_or_default(),
                    ..event
                },
                (_, Some(r)) if event.counterpart.is_empty() => Event {
                    counterpart: r.name().to_string(),
                    ..event
                },
                _ => event,
            };
            onsave.emit(event);
            for field in [
                &counterpart,
                &reference,
                &said,
                &answer_text,
                &answer_by,
                &branch,
            ] {
                field.set(String::new());
            }
            acting.set(false);
        })
    };
    let onacting = {
        let acting = acting.clone();
        Callback::from(move |_: web_sys::Event| acting.set(!*acting))
    };

    html! {
        <form class="event-form" {onsubmit}>
            <h3>{ Text::AddEvent.get(lang) }</h3>
            <div class="form-grid">
                <label>{ Text::EventDate.get(lang) }
                    <input type="date" required=true value={(*date).clone()} oninput={bind(&date)} />
                </label>
                <label>{ Text::EventStage.get(lang) }
                    <select onchange={bind_select(&stage)}>
                        { for Stage::ALL.iter().map(|s| html! {
                            <option value={key(*s)} selected={key(*s) == *stage}>{ s.label(lang) }</option>
                        }) }
                    </select>
                </label>
                <label>{ Text::EventChannel.get(lang) }
                    <select onchange={bind_select(&channel)}>
                        { for Channel::ALL.iter().map(|c| html! {
                            <option value={key(*c)} selected={key(*c) == *channel}>{ c.label(lang) }</option>
                        }) }
                    </select>
                </label>
                <label>{ Text::Counterpart.get(lang) }
                    <input type="text" value={(*counterpart).clone()} oninput={bind(&counterpart)} />
                </label>
                <label class="wide">{ Text::Reference.get(lang) }
                    <input type="text" value={(*reference).clone()} oninput={bind(&reference)} />
                </label>
                <label class="wide">{ Text::Said.get(lang) }
                    <textarea rows="3" value={(*said).clone()} oninput={bind(&said)} />
                </label>
                <label>{ Text::AnswerLabel.get(lang) }
                    <select onchange={bind_select(&answer)}>
                        { for Answer::ALL.iter().map(|a| html! {
                            <option value={key(*a)} selected={key(*a) == *answer}>{ a.label(lang) }</option>
                        }) }
                    </select>
                </label>
                <label>{ Text::AnswerBy.get(lang) }
                    <input type="date" value={(*answer_by).clone()} oninput={bind(&answer_by)} />
                </label>
                <label class="wide">{ Text::AnswerText.get(lang) }
                    <textarea rows="2" value={(*answer_text).clone()} oninput={bind(&answer_text)} />
                </label>
                if *stage == key(Stage::Mediator) {
                    <label>{ Text::MilestoneLabel.get(lang) }
                        <select id="event-milestone" onchange={bind_select(&milestone)}>
                            <option value="" selected={milestone.is_empty()}>{ Text::MilestoneReferral.get(lang) }</option>
                            { for Milestone::ALL.iter().map(|m| html! {
                                <option value={key(*m)} selected={key(*m) == *milestone}>{ Milestone::label(Some(*m), lang) }</option>
                            }) }
                        </select>
                    </label>
                }
                if *stage == key(Stage::ConsumerAssociation) {
                    <label>{ Help::AssociationField.get(lang) }
                        <select id="event-association" onchange={bind_select(&association)}>
                            <option value="" selected={association.is_empty()}>{ Help::AnotherAssociation.get(lang) }</option>
                            { for NATIONAL.iter().map(|a| html! {
                                <option value={a.id} selected={*association == a.id}>{ a.short }</option>
                            }) }
                        </select>
                    </label>
                    <label>{ Help::BranchField.get(lang) }
                        <input id="event-branch" type="text" value={(*branch).clone()} oninput={bind(&branch)} />
                    </label>
                    <label>{ Help::MemberField.get(lang) }
                        <select id="event-member" onchange={bind_select(&member)}>
                            <option value="" selected={member.is_empty()}>{ Help::NotSaid.get(lang) }</option>
                            <option value="yes" selected={*member == "yes"}>{ Help::Yes.get(lang) }</option>
                            <option value="no" selected={*member == "no"}>{ Help::No.get(lang) }</option>
                        </select>
                    </label>
                    <label class="check wide">
                        <input id="event-acting" type="checkbox" checked={*acting} onchange={onacting} />
                        { Help::ActingField.get(lang) }
                    </label>
                }
                if *stage == key(Stage::Regulator) {
                    <label>{ Help::ReportedTo.get(lang) }
                        <select id="event-regulator" onchange={bind_select(&regulator)}>
                            { for Regulator::ALL.iter().map(|r| html! {
                                <option value={key(*r)} selected={key(*r) == *regulator}>{ r.name() }</option>
                            }) }
                        </select>
                    </label>
                }
            </div>
            // The date of these steps moves the refund windows: say which one to record.
            if *stage == key(Stage::Mediator) {
                <p class="muted small" id="event-date-hint">{ Help::MediatorDates.get(lang) }</p>
            }
            if *stage == key(Stage::Conciliator) {
                <p class="muted small" id="event-date-hint">{ Help::ConciliatorDates.get(lang) }</p>
            }
            <button type="submit" class="button primary">{ Text::SaveEvent.get(lang) }</button>
        </form>
    }
}
