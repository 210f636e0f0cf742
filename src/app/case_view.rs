//! One case: where it stands, what to do next and by when (with the texts it rests on),
//! its disputed lines and their dates, its exchanges, what the law needs to know, its
//! letters, and its deadlines for the person's calendar.

use yew::prelude::*;

use crate::core::journal::help::Help;

use super::case_help::CaseHelp;
use super::case_law_form::CaseLawForm;
use super::event_form::EventForm;
use super::forms::event_value;
use super::journal::UseJournal;
use super::letter_panel::LetterPanel;
use super::{source_links, use_lang, View};
use crate::core::dates::format_date;
use crate::core::i18n::{self, Lang, Text};
use crate::core::journal::advice::advise;
use crate::core::journal::advice::available;
use crate::core::journal::calendar;
use crate::core::journal::case::{Case, CaseStatus, DisputedLine, Event, Milestone};
use crate::core::journal::deadlines::{deadlines, DeadlineState};
use crate::core::journal::ladder::Stage;
use crate::core::journal::letters::Sender;
use crate::core::money::format_amount;
use crate::core::money::parse_typed_amount;
use crate::services::{clock, export};

/// Props of [`CaseView`].
#[derive(Properties, PartialEq)]
pub struct CaseViewProps {
    /// The case's id.
    pub id: u32,
}

/// The name of a status.
pub fn status_name(status: CaseStatus, lang: Lang) -> &'static str {
    match status {
        CaseStatus::Open => Text::StatusOpen.get(lang),
        CaseStatus::Won => Text::StatusWon.get(lang),
        CaseStatus::Lost => Text::StatusLost.get(lang),
        CaseStatus::Abandoned => Text::StatusAbandoned.get(lang),
    }
}

fn event_item(event: &Event, lang: Lang) -> Html {
    html! {
        <li class="event">
            <div class="event-head">
                <span class="event-date">{ format_date(event.date, lang) }</span>
                <span class="event-stage">{ event.stage.label(lang) }</span>
                if event.stage == Stage::Mediator {
                    <span class="event-milestone">{ Milestone::label(event.milestone, lang) }</span>
                }
                <span class="muted">{ event.channel.label(lang) }</span>
                if !event.reference.is_empty() { <span class="muted">{ i18n::reference(&event.reference, lang) }</span> }
            </div>
            if !event.counterpart.is_empty() { <p class="muted">{ &event.counterpart }</p> }
            if let Some(regulator) = event.regulator {
                <p class="muted event-regulator">{ regulator.name() }</p>
            }
            if let Some(contact) = &event.association {
                <p class="muted event-association">
                    { contact.name().unwrap_or_default() }
                    { match contact.member {
                        Some(true) => Help::IsMember.get(lang),
                        Some(false) => Help::IsNotMember.get(lang),
                        None => "",
                    } }
                    if contact.acting { { Help::IsActing.get(lang) } }
                </p>
            }
            if !event.said.is_empty() { <p>{ &event.said }</p> }
            <p class="answer">
                <strong>{ format!("{}{}", Text::AnswerLabel.get(lang), lang.colon()) }</strong>
                { event.answer.label(lang) }
                if !event.answer_text.is_empty() { { format!(" — {}", event.answer_text) } }
            </p>
        </li>
    }
}

/// Which date of a disputed line a field edits.
#[derive(Clone, Copy, PartialEq)]
enum LineDate {
    Paid,
    Due,
    Claimed,
}

fn line_row(
    case: &Case,
    index: usize,
    line: &DisputedLine,
    journal: &UseJournal,
    lang: Lang,
) -> Html {
    let field = |which: LineDate, label: Text, value: Option<chrono::NaiveDate>| {
        let journal = journal.clone();
        let case = case.clone();
        let onchange = Callback::from(move |e: yew::Event| {
            let date = event_value(&e).parse().ok();
            let mut edited = case.clone();
            if let Some(line) = edited.lines.get_mut(index) {
                match which {
                    LineDate::Paid => line.paid_on = date,
                    LineDate::Due => line.due_on = date,
                    LineDate::Claimed => line.claimed_on = date,
                }
            }
            journal.edit_case(edited);
        });
        html! {
            <label>{ label.get(lang) }
                <input type="date" value={value.map(|d| d.to_string()).unwrap_or_default()} {onchange} />
            </label>
        }
    };
    html! {
        <tr class="charge">
            <td>
                { &line.label }
                <details class="line-dates">
                    <summary>{ Text::LineDates.get(lang) }
                        if let Some(paid) = case.paid_on(line) {
                            { format!(" · {} {}", Text::LinePaidOn.get(lang), format_date(paid, lang)) }
                        }
                    </summary>
                    <div class="form-grid">
                        { field(LineDate::Paid, Text::LinePaidOn, line.paid_on) }
                        { field(LineDate::Due, Text::LineDueOn, line.due_on) }
                        { field(LineDate::Claimed, Text::LineClaimedOn, line.claimed_on) }
                    </div>
                </details>
            </td>
            <td class="muted">{ line.invoice_number.clone().unwrap_or_default() }</td>
            <td class="amount">{ format_amount(line.amount, lang) }</td>
        </tr>
    }
}

/// The case view.
#[function_component(CaseView)]
pub fn case_view(props: &CaseViewProps) -> Html {
    let lang = use_lang();
    let journal = use_context::<UseJournal>();
    let navigate = use_context::<Callback<View>>().unwrap_or_default();
    let calendar_failed = use_state(|| false);
    let Some(journal) = journal else {
        return html! {};
    };
    let Some(case) = journal.journal().case(props.id).cloned() else {
        return super::not_found(
            Text::CaseNotFound,
            View::Cases,
            Text::BackToCases,
            lang,
            &navigate,
        );
    };
    let today = clock::today();
    let advice = advise(&case, today);
    let dates = deadlines(&case, today);
    let letters = available(&case, &advice.next, today);
    let id = case.id;

    let onsave = {
        let journal = journal.clone();
        Callback::from(move |event: Event| {
            journal.add_event(id, event);
        })
    };
    let onsender = {
        let journal = journal.clone();
        Callback::from(move |sender: Sender| journal.set_sender(sender))
    };
    let onlaw = {
        let journal = journal.clone();
        Callback::from(move |edited: Case| journal.edit_case(edited))
    };
    let set_status = |status: CaseStatus| {
        let journal = journal.clone();
        let recovered = if status == CaseStatus::Won {
            case.disputed
        } else {
            case.recovered
        };
        Callback::from(move |_: MouseEvent| journal.set_status(id, status, recovered))
    };
    let ondelete = {
        let journal = journal.clone();
        let navigate = navigate.clone();
        Callback::from(move |_: MouseEvent| {
            if crate::services::dialogs::confirm(Text::ConfirmDelete.get(lang)) {
                journal.remove_case(id);
                navigate.emit(View::Cases);
            }
        })
    };
    let onback = navigate.reform(|_: MouseEvent| View::Cases);
    let oncourt = {
        let journal = journal.clone();
        let case = case.clone();
        Callback::from(move |_: yew::Event| {
            journal.edit_case(Case {
                before_court: !case.before_court,
                ..case.clone()
            });
        })
    };
    let onrecovered = {
        let journal = journal.clone();
        let case = case.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let typed = crate::services::dom::input_value("recovered");
            if let Some(amount) = typed.and_then(|value| parse_typed_amount(&value)) {
                journal.set_status(case.id, case.status, amount);
            }
        })
    };
    let oncalendar = {
        let case = case.clone();
        let failed = calendar_failed.clone();
        Callback::from(move |_: MouseEvent| {
            let text = calendar::case_calendar(&case, today, lang);
            let saved = export::download_text(
                &calendar::file_name(&case),
                &text,
                "text/calendar;charset=utf-8",
            );
            failed.set(saved.is_err());
        })
    };
    let proposed_stage = advice.stage.unwrap_or(Stage::CustomerService);

    html! {
        <article class="case" aria-labelledby="case-title">
            <button type="button" class="link-button" onclick={onback}>{ Text::BackToCases.get(lang) }</button>
            <h2 id="case-title">{ &case.title }</h2>
            <dl class="bill-fields">
                <div class="field"><dt>{ Text::OperatorLabel.get(lang) }</dt>
                    <dd>{ case.operator.map(|o| o.name()).unwrap_or(Text::UnknownOperator.get(lang)) }</dd></div>
                if let Some(line) = &case.line_number {
                    <div class="field"><dt>{ Text::LineNumbers.get(lang) }</dt><dd>{ line }</dd></div>
                }
                <div class="field"><dt>{ Text::Disputed.get(lang) }</dt><dd>{ format_amount(case.disputed, lang) }</dd></div>
                <div class="field"><dt>{ Text::Recovered.get(lang) }</dt><dd>{ format_amount(case.recovered, lang) }</dd></div>
                <div class="field"><dt>{ Text::StatusLabel.get(lang) }</dt><dd>{ status_name(case.status, lang) }</dd></div>
            </dl>

            <section class="advice" aria-labelledby="next-heading">
                <h3 id="next-heading">{ Text::NextStep.get(lang) }</h3>
                <p class="next-step">{ advice.next.describe(lang) }</p>
                <p class="small">{ source_links(advice.next.sources(), &navigate, lang) }</p>
                if !advice.warnings.is_empty() {
                    // A note holding a list: the list keeps its own role for screen readers.
                    <div class="caution" role="note" aria-label={Text::Caution.get(lang)}>
                        <ul>
                            { for advice.warnings.iter().map(|w| html! {
                                <li data-warning={w.id()}>
                                    { w.describe(lang) }
                                    { " " }
                                    <span class="small">{ source_links(w.sources(), &navigate, lang) }</span>
                                </li>
                            }) }
                        </ul>
                    </div>
                }
                if !dates.is_empty() {
                    <h4>{ Text::Deadlines.get(lang) }</h4>
                    <ul class="deadlines">
                        { for dates.iter().map(|d| {
                            let class = match d.state {
                                DeadlineState::Past(_) => "past",
                                DeadlineState::Soon(_) => "soon",
                                DeadlineState::Later(_) => "later",
                            };
                            html! {
                                <li class={classes!("deadline", class)} data-kind={d.kind.id()}>
                                    { d.describe(lang) }
                                    { " " }
                                    <span class="small">{ source_links(d.kind.sources(), &navigate, lang) }</span>
                                </li>
                            }
                        }) }
                    </ul>
                    <button type="button" id="calendar-export" class="button small" onclick={oncalendar}>
                        { Text::CalendarExport.get(lang) }
                    </button>
                    if *calendar_failed {
                        <p class="notice" role="alert" id="calendar-failed">{ Text::DownloadFailed.get(lang) }</p>
                    }
                }
            </section>

            if !case.lines.is_empty() {
                <table class="charges disputed-lines">
                    <caption class="visually-hidden">{ Text::Disputed.get(lang) }</caption>
                    <tbody>
                        { for case.lines.iter().enumerate().map(|(i, l)| line_row(&case, i, l, &journal, lang)) }
                    </tbody>
                </table>
            }

            <section class="timeline" aria-labelledby="timeline-heading">
                <h3 id="timeline-heading">{ Text::Timeline.get(lang) }</h3>
                if case.events.is_empty() {
                    <p class="muted">{ Text::NoEvents.get(lang) }</p>
                } else {
                    <ol class="events">{ for case.timeline().into_iter().map(|e| event_item(e, lang)) }</ol>
                }
                if case.status == CaseStatus::Open {
                    <EventForm {today} stage={proposed_stage} {onsave} />
                }
            </section>

            <LetterPanel case={case.clone()} sender={journal.journal().sender.clone()}
                kinds={letters} {today} {onsender} />

            <CaseHelp case={case.clone()} sender={journal.journal().sender.clone()}
                stage={advice.stage} {today} />

            <CaseLawForm key={format!("law-{}", case.id)} case={case.clone()} onsave={onlaw} />

            <div class="case-settings">
                <label class="check">
                    <input type="checkbox" checked={case.before_court} onchange={oncourt} />
                    { Text::BeforeCourt.get(lang) }
                </label>
                <form class="inline-form" onsubmit={onrecovered}>
                    <label for="recovered">{ Text::RecoveredLabel.get(lang) }</label>
                    <input id="recovered" type="text" inputmode="decimal" value={crate::core::money::typed_text(case.recovered)} />
                    <button type="submit" class="button small">{ Text::SaveAmount.get(lang) }</button>
                </form>
            </div>

            <div class="actions case-actions">
                if case.status == CaseStatus::Open {
                    <button type="button" class="button" onclick={set_status(CaseStatus::Won)}>{ Text::StatusWon.get(lang) }</button>
                    <button type="button" class="button" onclick={set_status(CaseStatus::Lost)}>{ Text::StatusLost.get(lang) }</button>
                } else {
                    <button type="button" class="button" onclick={set_status(CaseStatus::Open)}>{ Text::StatusOpen.get(lang) }</button>
                }
                <button type="button" class="button" onclick={Callback::from(|_: MouseEvent| crate::services::export::print("dossier"))}>
                    { Text::PrintDossier.get(lang) }
                </button>
                <button type="button" class="button quiet" onclick={ondelete}>{ Text::DeleteCase.get(lang) }</button>
            </div>
        </article>
    }
}
