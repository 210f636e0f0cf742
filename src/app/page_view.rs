//! Where a line comes from: a page of the bill as the reader saw it, drawn from its
//! positioned rows (not a PDF renderer), the chosen line's row highlighted and its amount
//! column framed, the rows not kept in grey. Under the drawing, every row with an amount
//! is a checkbox: ticked, it is a charge; the running sum stands against the amount due.
//! It opens on the page core chooses (`opening_page`: the line's, else the charges').
//!
//! The drawing is for the eye (a click on a row ticks it too): core crops it to the rows
//! with amounts and sizes it so that they read at a phone's small print, and it scrolls
//! sideways in its frame when wider than the screen. The list is the way in for the
//! keyboard and screen readers.

use crate::core::money::Amount as _;
use std::rc::Rc;

use yew::prelude::*;

use super::corrections::UseCorrections;
use super::use_lang;
use crate::core::bill::Bill;
use crate::core::corrections::{
    opening_page, page_model, page_svg, toggle, Applied, RowState, Toggle,
};
use crate::core::i18n::Text;
use crate::core::layout::TextPage;
use crate::core::money::format_amount;
use crate::core::provenance::row_label;

/// Props of [`PageView`].
#[derive(Properties, PartialEq)]
pub struct PageViewProps {
    /// The bill as read.
    pub read: Bill,
    /// The bill corrected.
    pub applied: Applied,
    /// Its pages as the reader saw them (empty when not kept).
    pub pages: Rc<Vec<TextPage>>,
    /// The line of the corrected bill to show, if any.
    #[prop_or_default]
    pub focus: Option<usize>,
    /// Changes each time the view is asked for, to go to the line's page again.
    pub nonce: u32,
    /// Closes the view.
    pub onclose: Callback<()>,
}

/// The CSS classes of a row's state.
fn state_class(state: RowState) -> Classes {
    match state {
        RowState::Charge {
            corrected: true, ..
        } => classes!("row-charge", "row-corrected"),
        RowState::Charge { .. } => classes!("row-charge"),
        RowState::Removed { .. } => classes!("row-removed"),
        RowState::NotKept => classes!("row-not-kept"),
        RowState::Text => classes!("row-text"),
    }
}

/// The page view.
#[function_component(PageView)]
pub fn page_view(props: &PageViewProps) -> Html {
    let lang = use_lang();
    let corrections = use_context::<UseCorrections>();
    let model = {
        let read = props.read.clone();
        let applied = props.applied.clone();
        let pages = props.pages.clone();
        use_memo((read, applied, pages), |(read, applied, pages)| {
            page_model(read, applied, pages)
        })
    };
    let start = opening_page(&props.applied.bill, &model, &props.pages, props.focus);
    let current = use_state(|| start);
    // The row asked for, kept as a row: the line's index moves as charges are added or
    // taken away, the row it was read from does not.
    let asked = props
        .focus
        .and_then(|line| model.lines.get(line).copied().flatten());
    let focus = use_state(|| asked);
    {
        let current = current.clone();
        let focus = focus.clone();
        use_effect_with(props.nonce, move |_| {
            current.set(start);
            focus.set(asked);
            crate::services::dom::focus_and_reveal("page-view-heading");
        });
    }
    let onclose = props.onclose.reform(|_: MouseEvent| ());
    let head = html! {
        <div class="page-view-head">
            <h3 id="page-view-heading" tabindex="-1">{ Text::PageViewHeading.get(lang) }</h3>
            <button type="button" class="button small quiet" id="close-page-view" onclick={onclose}>{ Text::Close.get(lang) }</button>
        </div>
    };
    if props.pages.is_empty() {
        return html! {
            <section class="page-view" aria-labelledby="page-view-heading">
                { head }
                <p class="notice" id="pages-not-kept">{ Text::PagesNotKept.get(lang) }</p>
            </section>
        };
    }
    let index = (*current).min(props.pages.len() - 1);
    let page = &props.pages[index];
    let rows = &model.pages[index];
    let focus_row = focus
        .filter(|pos| pos.page == page.number)
        .map(|pos| pos.row);

    let click = {
        let (read, applied, pages, model) = (
            props.read.clone(),
            props.applied.clone(),
            props.pages.clone(),
            model.clone(),
        );
        std::rc::Rc::new(move |row: usize| {
            let corrections = corrections.clone();
            let read = read.clone();
            let applied = applied.clone();
            let pages = pages.clone();
            let model = model.clone();
            Callback::from(move |_: ()| {
                let Some(corrections) = &corrections else {
                    return;
                };
                match toggle(&read, &applied, &pages, &model, index, row) {
                    Some(Toggle::Add(change)) => corrections.add(&read, change),
                    Some(Toggle::Revert(target)) => corrections.revert(&read, target),
                    None => {}
                }
            })
        })
    };

    // The drawing: markup built by core (escaped), a click on a row ticks it too.
    let drawing = page_svg(
        page,
        rows,
        focus_row,
        &format!(
            "{} {} — {}",
            Text::Page.get(lang),
            page.number,
            Text::PageDrawing.get(lang)
        ),
    );
    let onpick = {
        let click = click.clone();
        Callback::from(move |e: MouseEvent| {
            let row = e
                .target_dyn_into::<web_sys::Element>()
                .and_then(|t| t.closest("g[data-row]").ok().flatten())
                .and_then(|g| g.get_attribute("data-row"))
                .and_then(|r| r.parse::<usize>().ok());
            if let Some(row) = row {
                click(row).emit(());
            }
        })
    };

    // The running sum against the amount due.
    let bill = &props.applied.bill;
    let sum = bill.charges_sum();
    let running = match bill.total {
        Some(total) if bill.reconciles() => html! {
            <p class="running-sum adds-up" id="running-sum" role="status">
                { format!("✓ {} ", Text::AddsUp.get(lang)) }
                <strong>{ format_amount(total, lang) }</strong>
            </p>
        },
        Some(total) => html! {
            <p class="running-sum" id="running-sum" role="status">
                { format!("{}{}", Text::TickedSum.get(lang), lang.colon()) }<strong>{ format_amount(sum, lang) }</strong>
                { format!(" · {}{}", Text::TotalDue.get(lang), lang.colon()) }<strong>{ format_amount(total, lang) }</strong>
                { format!(" · {}{}", Text::Gap.get(lang), lang.colon()) }<strong>{ format_amount(total.minus(sum), lang) }</strong>
            </p>
        },
        None => html! {
            <p class="running-sum" id="running-sum" role="status">
                { format!("{}{}", Text::TickedSum.get(lang), lang.colon()) }<strong>{ format_amount(sum, lang) }</strong>
            </p>
        },
    };

    let choose = |i: usize| {
        let current = current.clone();
        Callback::from(move |_: MouseEvent| current.set(i))
    };
    html! {
        <section class="page-view" aria-labelledby="page-view-heading">
            { head }
            <p class="muted">{ Text::PageViewIntro.get(lang) }</p>
            { running }
            if props.pages.len() > 1 {
                <div class="chips" role="group" aria-label={Text::Page.get(lang)}>
                    { for props.pages.iter().enumerate().map(|(i, p)| html! {
                        <button type="button" class={classes!("chip", (i == index).then_some("pressed"))}
                            aria-pressed={(i == index).to_string()} onclick={choose(i)} data-page={p.number.to_string()}>
                            { format!("{} {}", Text::Page.get(lang), p.number) }
                        </button>
                    }) }
                </div>
            }
            <p class="drawing-hint muted" aria-hidden="true">{ Text::DrawingScrolls.get(lang) }</p>
            <div class="page-layout">
                // Focusable: it scrolls sideways on a phone, and the keyboard scrolls it too.
                <div class="page-drawing" onclick={onpick} tabindex="0" role="group"
                    aria-label={Text::PageDrawingFrame.get(lang)}>
                    { Html::from_html_unchecked(drawing.into()) }
                </div>
                <fieldset class="row-picks">
                    <legend>{ Text::RowsWithAmounts.get(lang) }</legend>
                    <ul>
                        { for rows.iter().enumerate().filter(|(_, (s, _))| *s != RowState::Text).map(|(i, (state, amount))| {
                            let ticked = matches!(state, RowState::Charge { .. });
                            let corrected = matches!(state, RowState::Charge { corrected: true, .. } | RowState::Removed { .. });
                            let onchange = click(i).reform(|_: Event| ());
                            let id = format!("pick-{}-{i}", page.number);
                            html! {
                                <li class={classes!(state_class(*state), (Some(i) == focus_row).then_some("focus"))}
                                    data-row={i.to_string()}>
                                    <input type="checkbox" id={id.clone()} checked={ticked} {onchange} />
                                    <label for={id}>
                                        <span class="pick-label">{ row_label(&page.rows[i]) }</span>
                                        <span class="amount">{ amount.map(|a| format_amount(a.value, lang)).unwrap_or_default() }</span>
                                        if corrected {
                                            <span class="flag corrected">{ Text::CorrectedByYou.get(lang) }</span>
                                        }
                                    </label>
                                </li>
                            }
                        }) }
                    </ul>
                </fieldset>
            </div>
        </section>
    }
}
