//! The geometry of the charts the app draws: monthly totals per line, and the split of one
//! bill by category.
//!
//! Pure: amounts stay `Decimal`, and so do the coordinates (in the SVG's own units, rounded
//! to a tenth), so the same bills always give the same picture and the tests can say
//! exactly where each bar stands. The app only turns these into SVG elements and words.

use crate::core::money::Amount as _;
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use super::bill::{Bill, Category};
use super::i18n::Lang;
use super::money::{ratio, sum};

/// The width of the monthly chart, in SVG units (the SVG scales to its box: narrow enough
/// that its words stay legible on a phone).
pub const WIDTH: u32 = 400;
/// The height of the monthly chart.
pub const HEIGHT: u32 = 220;
/// The plot's margins inside [`WIDTH`] × [`HEIGHT`] (room for the amounts' axis on the
/// left, the months under the bars): shared by every monthly chart, so they line up.
pub(crate) const LEFT: u32 = 64;
pub(crate) const RIGHT: u32 = 8;
pub(crate) const TOP: u32 = 28;
pub(crate) const BOTTOM: u32 = 32;
/// The widest a bar gets, however few bills there are.
const MAX_BAR: u32 = 48;
/// The room a bar's words (its month, its amount) need under and above it.
pub(crate) const LABEL_ROOM: u32 = 64;
/// The width of the split of a bill.
pub const SPLIT_WIDTH: u32 = 360;

pub(crate) fn d(n: u32) -> Decimal {
    Decimal::from(n)
}

/// Rounds a coordinate to a tenth of a unit: enough for a screen, stable in tests.
pub(crate) fn px(value: Decimal) -> Decimal {
    value.round_dp(1).normalize()
}

/// One bill in the monthly chart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bar {
    /// The bill's index in the bills given.
    pub bill: usize,
    /// The first day of the month it bills.
    pub month: NaiveDate,
    /// The bill's total (its printed total, or the sum of its charges).
    pub amount: Decimal,
    /// The amount at stake on it (what the rules flagged), at most `amount`.
    pub flagged: Decimal,
    /// Left edge.
    pub x: Decimal,
    /// Top edge of the whole bar.
    pub y: Decimal,
    /// Width.
    pub width: Decimal,
    /// Height of the whole bar.
    pub height: Decimal,
    /// Height of the flagged part, drawn at the top of the bar.
    pub flagged_height: Decimal,
    /// Horizontal centre, where its month and markers are written.
    pub centre: Decimal,
}

/// A graduation of the amount axis.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tick {
    /// The amount it marks.
    pub amount: Decimal,
    /// Its height on the chart.
    pub y: Decimal,
}

/// The monthly totals of one line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MonthlyChart {
    /// The line (number or box), as printed, or the operator's name when none was read.
    pub line: String,
    /// The bars, oldest month first.
    pub bars: Vec<Bar>,
    /// The graduations, from zero up.
    pub ticks: Vec<Tick>,
    /// Where zero stands.
    pub baseline: Decimal,
    /// Where the plotting area starts on the left (tick labels are to its left).
    pub left: Decimal,
    /// Where it ends on the right.
    pub right: Decimal,
    /// Every how many bars a month and an amount are written, so that words never overlap
    /// (1: under every bar). The table beside the chart has them all.
    pub label_every: usize,
}

/// What a bill is counted as: its printed total, or else the sum of its charges.
pub fn bill_total(bill: &Bill) -> Decimal {
    bill.total
        .unwrap_or_else(|| sum(bill.lines.iter().map(|l| l.amount)))
}

/// The month a bill belongs to: the start of the period it bills, else its issue date.
pub fn bill_month(bill: &Bill) -> Option<NaiveDate> {
    let date = bill.period.map(|p| p.start).or(bill.issue_date)?;
    date.with_day(1)
}

/// The line a bill is for: its line numbers as printed, else its operator, else nothing.
pub fn bill_line(bill: &Bill) -> Option<String> {
    if !bill.line_numbers.is_empty() {
        return Some(bill.line_numbers.join(", "));
    }
    bill.operator.map(|o| o.name().to_string())
}

/// A step for about `parts` graduations up to `max`: 1, 2, 2.5 or 5 times a power of ten.
pub fn nice_step(max: Decimal, parts: u32) -> Decimal {
    if max <= Decimal::ZERO {
        return Decimal::TEN;
    }
    let raw = ratio(max, d(parts.max(1)));
    let mut magnitude = Decimal::ONE;
    while let Some(next) = magnitude.checked_mul(Decimal::TEN).filter(|n| *n <= raw) {
        magnitude = next;
    }
    while magnitude > raw {
        magnitude = ratio(magnitude, Decimal::TEN);
    }
    if magnitude.is_zero() {
        // Amounts below `Decimal`'s precision: a cent per graduation, never a zero step.
        return Decimal::new(1, 2);
    }
    [
        Decimal::ONE,
        Decimal::TWO,
        Decimal::new(25, 1),
        Decimal::new(5, 0),
    ]
    .into_iter()
    .map(|m| m.times(magnitude))
    .find(|step| *step >= raw)
    .unwrap_or(magnitude.times(Decimal::TEN))
}

/// The vertical axis of a chart whose highest value is `highest`: its step and its top
/// (the first graduation at or above `highest`).
pub(crate) fn axis(highest: Decimal) -> (Decimal, Decimal) {
    let step = nice_step(highest, 4);
    let top = if highest.is_zero() {
        step
    } else {
        ratio(highest, step).ceil().times(step).max(step)
    };
    (step, top)
}

/// The graduations from zero to `top`, `step` apart, each at the height `y_of` gives.
pub(crate) fn ticks(step: Decimal, top: Decimal, y_of: impl Fn(Decimal) -> Decimal) -> Vec<Tick> {
    let mut ticks = Vec::new();
    let mut amount = Decimal::ZERO;
    // Bounded as well as stepped: a step of a few units for a top a few steps up.
    while amount <= top && ticks.len() < 50 {
        ticks.push(Tick {
            amount,
            y: y_of(amount),
        });
        amount = amount.plus(step);
    }
    ticks
}

/// Every how many slots a label fits under the axis, slots being `slot` wide.
pub(crate) fn label_every(slot: Decimal) -> usize {
    ratio(d(LABEL_ROOM), slot)
        .ceil()
        .max(Decimal::ONE)
        .try_into()
        .unwrap_or(1)
}

/// A line of the household as the bills page names it: its numbers as printed, else its
/// operator and what it is (« Orange · box »).
pub fn line_name(line: &super::household::Line) -> String {
    if !line.numbers.is_empty() {
        return line.numbers.join(", ");
    }
    let what = line.service.map(|s| match s {
        super::household::Service::Box => "box",
        super::household::Service::Mobile => "mobile",
    });
    match (line.operator, what) {
        (Some(o), Some(w)) => format!("{} · {w}", o.name()),
        (Some(o), None) => o.name().to_string(),
        (None, Some(w)) => w.to_string(),
        (None, None) => String::new(),
    }
}

/// The household's lines ([`super::household::lines`]), named, in the order they first
/// appear, each with its bills.
pub fn named_lines(bills: &[Bill]) -> Vec<(String, Vec<usize>)> {
    super::household::lines(bills)
        .into_iter()
        .map(|line| (line_name(&line), line.bills))
        .collect()
}

/// The chart of one line: one bar per bill that has a month, oldest first; none when no
/// bill of the line has a date. `at_stake` is the amount flagged per bill, in the order of
/// `bills` (missing entries count as zero).
pub fn line_chart(
    name: String,
    members: &[usize],
    bills: &[Bill],
    at_stake: &[Decimal],
) -> Option<MonthlyChart> {
    let mut dated: Vec<usize> = members
        .iter()
        .copied()
        .filter(|&i| bills.get(i).and_then(bill_month).is_some())
        .collect();
    if dated.is_empty() {
        return None;
    }
    dated.sort_by_key(|&i| (bill_month(&bills[i]), i));
    Some(chart_of(name, &dated, bills, at_stake))
}

/// One chart per line of the household, lines in the order they first appear (see
/// [`line_chart`]). Bills without a date are left out: the timeline still lists them.
pub fn monthly_totals(bills: &[Bill], at_stake: &[Decimal]) -> Vec<MonthlyChart> {
    named_lines(bills)
        .into_iter()
        .filter_map(|(name, members)| line_chart(name, &members, bills, at_stake))
        .collect()
}

fn chart_of(line: String, members: &[usize], bills: &[Bill], at_stake: &[Decimal]) -> MonthlyChart {
    let amounts: Vec<Decimal> = members
        .iter()
        .map(|&i| bill_total(&bills[i]).max(Decimal::ZERO))
        .collect();
    let highest = amounts.iter().copied().max().unwrap_or_default();
    let (step, top) = axis(highest);
    let plot_height = d(HEIGHT - TOP - BOTTOM);
    let baseline = d(HEIGHT - BOTTOM);
    let height_of = |amount: Decimal| px(ratio(amount, top).times(plot_height));
    let plot_width = d(WIDTH - LEFT - RIGHT);
    let slot = ratio(plot_width, d(members.len().max(1) as u32));
    let width = px((slot.times(Decimal::new(6, 1))).min(d(MAX_BAR)));
    let bars = members
        .iter()
        .zip(amounts)
        .enumerate()
        .map(|(slot_index, (&bill, amount))| {
            let flagged = at_stake
                .get(bill)
                .copied()
                .unwrap_or_default()
                .clamp(Decimal::ZERO, amount);
            let height = height_of(amount);
            let start = d(LEFT).plus(slot.times(d(slot_index as u32)));
            Bar {
                bill,
                month: bill_month(&bills[bill]).unwrap_or_default(),
                amount,
                flagged,
                x: px(start.plus(ratio(slot.minus(width), Decimal::TWO))),
                y: baseline.minus(height),
                width,
                height,
                flagged_height: height_of(flagged),
                centre: px(start.plus(ratio(slot, Decimal::TWO))),
            }
        })
        .collect();
    MonthlyChart {
        line,
        bars,
        ticks: ticks(step, top, |amount| baseline.minus(height_of(amount))),
        baseline,
        left: d(LEFT),
        right: d(WIDTH - RIGHT),
        label_every: label_every(slot),
    }
}

/// One category of a bill in its split.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Slice {
    /// The category.
    pub category: Category,
    /// The sum of its charges.
    pub amount: Decimal,
    /// Its share of the bill's charges, in percent, to a unit.
    pub share: Decimal,
    /// The part of it the rules flagged.
    pub flagged: Decimal,
    /// Top of its row (its words are written there, the bar below them).
    pub y: Decimal,
    /// Width of its bar.
    pub width: Decimal,
    /// Width of the flagged part, drawn at the bar's start.
    pub flagged_width: Decimal,
}

/// The split of a bill by category.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Split {
    /// The categories charged, largest first.
    pub slices: Vec<Slice>,
    /// The discounts and credits (a negative amount, or zero).
    pub discounts: Decimal,
    /// The sum of the charges (before discounts).
    pub charged: Decimal,
    /// The chart's height.
    pub height: Decimal,
}

/// The height of one category's row in the split.
pub const SPLIT_ROW: u32 = 44;
/// The height of a bar in the split.
pub const SPLIT_BAR: u32 = 16;

/// Splits a bill's charges by category. `flagged` holds, for each finding on the bill, the
/// index of its first charge and the amount at stake: the flagged part of a category is
/// what is at stake on it (a 3 € price rise on a 29,99 € plan flags 3 €, not the plan),
/// never more than the category. Credits are summed apart: a share of a bill is a share of
/// what was charged.
pub fn category_split(bill: &Bill, flagged: &[(usize, Decimal)]) -> Split {
    let mut sums: Vec<(Category, Decimal, Decimal)> = Vec::new();
    let mut discounts = Decimal::ZERO;
    for line in &bill.lines {
        if line.amount.is_sign_negative() || line.category == Category::Discount {
            discounts = discounts.plus(line.amount.min(Decimal::ZERO));
            continue;
        }
        match sums.iter_mut().find(|(c, _, _)| *c == line.category) {
            Some((_, amount, _)) => *amount = amount.plus(line.amount),
            None => sums.push((line.category, line.amount, Decimal::ZERO)),
        }
    }
    for &(index, at_stake) in flagged {
        let Some(line) = bill.lines.get(index) else {
            continue;
        };
        if let Some((_, amount, flag)) = sums.iter_mut().find(|(c, _, _)| *c == line.category) {
            *flag = flag.plus(at_stake.max(Decimal::ZERO)).min(*amount);
        }
    }
    // Largest first; equal amounts keep the order they appear in.
    sums.sort_by_key(|s| std::cmp::Reverse(s.1));
    let charged = sum(sums.iter().map(|s| s.1));
    let largest = sums.first().map(|s| s.1).unwrap_or_default();
    let full = d(SPLIT_WIDTH);
    let slices: Vec<Slice> = sums
        .into_iter()
        .filter(|(_, amount, _)| !amount.is_zero())
        .enumerate()
        .map(|(row, (category, amount, flagged))| Slice {
            category,
            amount,
            share: ratio(amount.times(d(100)), charged).round(),
            flagged,
            y: d(row as u32 * SPLIT_ROW),
            width: px(ratio(amount, largest).times(full)),
            flagged_width: px(ratio(flagged, largest).times(full)),
        })
        .collect();
    let height = d(slices.len() as u32 * SPLIT_ROW);
    Split {
        slices,
        discounts,
        charged,
        height,
    }
}

/// A month as written under a bar: `oct. 2026` or `Oct 2026`.
pub fn format_month(month: NaiveDate, lang: Lang) -> String {
    const FR: [&str; 12] = [
        "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
        "déc.",
    ];
    match lang {
        Lang::Fr => format!("{} {}", FR[month.month0() as usize], month.year()),
        Lang::En => month.format("%b %Y").to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::bill::{BillLine, Operator, Period};

    fn dec(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn date(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn bill(line: &str, month: u32, total: &str) -> Bill {
        Bill {
            operator: Some(Operator::Sfr),
            line_numbers: vec![line.into()],
            period: Some(Period {
                start: date(2026, month, 5),
                end: date(2026, month + 1, 4),
            }),
            total: Some(dec(total)),
            ..Default::default()
        }
    }

    /// Issue 32: the bills page groups by line. A box whose bills print no number is a
    /// line of its own beside the operator's mobiles, named for what it is.
    #[test]
    fn the_bills_page_names_each_line_of_the_household() {
        let mut livebox = bill("", 10, "42.99");
        livebox.operator = Some(Operator::Orange);
        livebox.line_numbers.clear();
        livebox.lines.push(BillLine {
            label: "Livebox Fibre".into(),
            amount: dec("42.99"),
            section: String::new(),
            category: Category::Subscription,
            page: 1,
        });
        let mut mobile = bill("06 12 34 56 78", 10, "24.99");
        mobile.operator = Some(Operator::Orange);
        let mut again = livebox.clone();
        again.period = mobile.period.map(|p| Period {
            start: date(2026, 9, 5),
            end: p.start,
        });
        let lines = named_lines(&[livebox, mobile, again]);
        assert_eq!(
            lines,
            vec![
                ("Orange · box".to_string(), vec![0, 2]),
                ("06 12 34 56 78".to_string(), vec![1]),
            ]
        );
    }

    #[test]
    fn steps_are_round_numbers() {
        assert_eq!(nice_step(dec("68.04"), 4), dec("20"));
        assert_eq!(nice_step(dec("40"), 4), dec("10"));
        assert_eq!(nice_step(dec("9"), 4), dec("2.5"));
        assert_eq!(nice_step(dec("1234"), 4), dec("500"));
        assert_eq!(nice_step(Decimal::ZERO, 4), dec("10"));
    }

    #[test]
    fn one_chart_per_line_bars_oldest_first_with_what_was_flagged() {
        // Given newest first, as a person may drop them.
        let bills = vec![
            bill("06 12 34 56 78", 10, "40"),
            bill("09 51 23 45 67", 10, "29.99"),
            bill("06 12 34 56 78", 8, "20"),
        ];
        let charts = monthly_totals(&bills, &[dec("10"), Decimal::ZERO, dec("99")]);
        assert_eq!(charts.len(), 2);
        let mobile = &charts[0];
        assert_eq!(mobile.line, "06 12 34 56 78");
        assert_eq!(
            mobile.bars.iter().map(|b| b.bill).collect::<Vec<_>>(),
            vec![2, 0],
            "August, then October"
        );
        // Scale: 40 € is the top, graduated every 10 €, over 160 units (220 - 28 - 32).
        assert_eq!(
            mobile.ticks.iter().map(|t| t.amount).collect::<Vec<_>>(),
            [0, 10, 20, 30, 40].map(Decimal::from).to_vec()
        );
        assert_eq!(mobile.baseline, dec("188"));
        assert_eq!(mobile.ticks[4].y, dec("28"));
        let october = &mobile.bars[1];
        assert_eq!(october.amount, dec("40"));
        assert_eq!(october.height, dec("160"));
        assert_eq!(october.y, dec("28"));
        assert_eq!(october.flagged, dec("10"));
        assert_eq!(october.flagged_height, dec("40"));
        // Two slots of 164 units from x = 64: bars 48 wide, centred in their slot.
        assert_eq!(october.width, dec("48"));
        assert_eq!(october.x, dec("286"));
        assert_eq!(october.centre, dec("310"));
        assert_eq!(mobile.label_every, 1);
        // What is flagged never exceeds the bill.
        assert_eq!(mobile.bars[0].flagged, dec("20"));
        assert_eq!(mobile.bars[0].flagged_height, mobile.bars[0].height);
        assert_eq!(mobile.bars[0].month, date(2026, 8, 1));
    }

    #[test]
    fn eleven_bills_write_every_third_month() {
        let bills: Vec<Bill> = (1..=11).map(|m| bill("06", m, "20")).collect();
        let chart = &monthly_totals(&bills, &[])[0];
        assert_eq!(chart.bars.len(), 11);
        // 328 units for 11 bars: slots under 30 units, words need 64.
        assert_eq!(chart.label_every, 3);
    }

    #[test]
    fn a_bill_without_a_date_is_left_out_and_a_credit_has_no_height() {
        let mut undated = bill("06", 10, "10");
        undated.period = None;
        let credit = bill("06", 9, "-5");
        let charts = monthly_totals(&[undated, credit], &[]);
        assert_eq!(charts[0].bars.len(), 1);
        assert_eq!(charts[0].bars[0].height, Decimal::ZERO);
        assert_eq!(charts[0].ticks.last().unwrap().amount, dec("10"));
    }

    fn line(amount: &str, category: Category) -> BillLine {
        BillLine {
            label: String::new(),
            amount: dec(amount),
            section: String::new(),
            category,
            page: 1,
        }
    }

    #[test]
    fn a_bill_splits_by_category_largest_first_credits_apart() {
        let bill = Bill {
            lines: vec![
                line("4.99", Category::ThirdParty),
                line("24.99", Category::Subscription),
                line("5", Category::ThirdParty),
                line("-10", Category::Discount),
                line("3", Category::Option),
            ],
            ..Default::default()
        };
        // 5 € at stake on the second third-party charge, 1 € on the plan, and a finding
        // pointing at the discount (which has no bar) or past the end adds nothing.
        let split = category_split(
            &bill,
            &[(2, dec("5")), (1, dec("1")), (3, dec("10")), (9, dec("1"))],
        );
        let order: Vec<Category> = split.slices.iter().map(|s| s.category).collect();
        assert_eq!(
            order,
            vec![
                Category::Subscription,
                Category::ThirdParty,
                Category::Option
            ]
        );
        assert_eq!(split.charged, dec("37.98"));
        assert_eq!(split.discounts, dec("-10"));
        let third = &split.slices[1];
        assert_eq!(third.amount, dec("9.99"));
        assert_eq!(third.share, dec("26"));
        assert_eq!(third.flagged, dec("5"));
        assert_eq!(split.slices[0].width, dec("360"));
        assert_eq!(split.slices[0].flagged, dec("1"));
        assert_eq!(split.slices[2].flagged, Decimal::ZERO);
        assert_eq!(third.width, dec("143.9"));
        assert_eq!(third.flagged_width, dec("72"));
        assert_eq!(third.y, dec("44"));
        assert_eq!(split.height, dec("132"));
    }

    #[test]
    fn what_is_flagged_never_exceeds_its_category() {
        let bill = Bill {
            lines: vec![line("3", Category::Premium)],
            ..Default::default()
        };
        let split = category_split(&bill, &[(0, dec("2")), (0, dec("2"))]);
        assert_eq!(split.slices[0].flagged, dec("3"));
        assert_eq!(split.slices[0].flagged_width, split.slices[0].width);
    }

    #[test]
    fn months_are_written_per_language() {
        assert_eq!(format_month(date(2026, 2, 1), Lang::Fr), "févr. 2026");
        assert_eq!(format_month(date(2026, 2, 1), Lang::En), "Feb 2026");
    }
}
