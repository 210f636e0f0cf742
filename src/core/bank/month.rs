//! Billed against debited, month by month, for each line: the geometry of the chart and
//! the rows of its table.
//!
//! A bill counts in the month it is expected to be debited (so that it stands beside its
//! debit), a debit in the month it was taken, a refund against it. A debit goes with the
//! line of the bill it paid; one that paid none goes with the operator's only line, else
//! under the operator's name. Months in between with nothing are shown (a month with no
//! debit is news). An operator with no bill at all gets no chart: nothing to compare. Same units and rounding as `core::charts`: the SVG's own, to a tenth.

use crate::core::money::Amount as _;
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use super::matching::{expected_day, group, Matching};
use super::telecom::Debit;
use crate::core::bill::Bill;
use crate::core::charts::{
    axis, bill_line, d, label_every, px, ticks, Tick, BOTTOM, HEIGHT, LEFT, RIGHT, TOP, WIDTH,
};
use crate::core::money::ratio;

const MAX_PAIR: u32 = 44;
/// The most months a chart shows (the latest); the table lists them all.
pub const MAX_MONTHS: usize = 24;

/// One month of one line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MonthPair {
    /// The month's first day.
    pub month: NaiveDate,
    /// What the bills asked.
    pub billed: Decimal,
    /// What was taken, less what was given back.
    pub debited: Decimal,
    /// Left edge of the billed bar (the debited one stands right of it).
    pub x: Decimal,
    /// Width of each bar.
    pub width: Decimal,
    /// Top and height of the billed bar.
    pub billed_y: Decimal,
    /// Its height.
    pub billed_height: Decimal,
    /// Top of the debited bar.
    pub debited_y: Decimal,
    /// Its height.
    pub debited_height: Decimal,
    /// Where the month is written.
    pub centre: Decimal,
}

impl MonthPair {
    /// Whether what was taken is not what was billed.
    pub fn differs(&self) -> bool {
        self.billed != self.debited
    }

    /// Debited minus billed.
    pub fn difference(&self) -> Decimal {
        self.debited.minus(self.billed)
    }
}

/// The chart of one line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MonthView {
    /// The line (its numbers), or the operator's name.
    pub line: String,
    /// The months, oldest first (the latest [`MAX_MONTHS`]).
    pub months: Vec<MonthPair>,
    /// The graduations.
    pub ticks: Vec<Tick>,
    /// Where zero stands.
    pub baseline: Decimal,
    /// The plotting area's left edge.
    pub left: Decimal,
    /// Its right edge.
    pub right: Decimal,
    /// Every how many months a month is written.
    pub label_every: usize,
}

impl MonthView {
    /// Whether the month at `index` is written under its bars: every `label_every`
    /// months counted back from the latest, which is always written.
    pub fn labelled(&self, index: usize) -> bool {
        let last = self.months.len().saturating_sub(1);
        index <= last && (last - index) % self.label_every.max(1) == 0
    }
}

/// A month's first day, what the bills asked and what was taken.
type Month = (NaiveDate, Decimal, Decimal);

fn first_of(day: NaiveDate) -> NaiveDate {
    day.with_day(1).unwrap_or(day)
}

/// The months of billed and debited, per line, within the periods the statements
/// covered (`covered`): outside them nothing is known of what was debited.
pub fn monthly(
    bills: &[Bill],
    debits: &[Debit],
    matching: &Matching,
    covered: &[(NaiveDate, NaiveDate)],
) -> Vec<MonthView> {
    // A month counts when a statement covered some of it.
    let seen = |month: NaiveDate| {
        let end = crate::core::law::add_months(month, 1);
        covered.iter().any(|&(from, to)| from < end && month <= to)
    };
    let mut lines: Vec<(String, Vec<Month>)> = Vec::new();
    let mut add = |line: String, month: NaiveDate, billed: Decimal, debited: Decimal| {
        let slot = match lines.iter().position(|(l, _)| *l == line) {
            Some(i) => i,
            None => {
                lines.push((line, Vec::new()));
                lines.len() - 1
            }
        };
        let months = &mut lines[slot].1;
        match months.iter_mut().find(|(m, _, _)| *m == month) {
            Some((_, b, d)) => {
                *b = b.checked_add(billed).unwrap_or(*b);
                *d = d.checked_add(debited).unwrap_or(*d);
            }
            // Kept in order as they come (no sort's code in the app for this).
            None => {
                let at = months.partition_point(|m| m.0 < month);
                months.insert(at, (month, billed, debited));
            }
        }
    };
    let line_of = |b: &Bill| bill_line(b).unwrap_or_default();
    for bill in bills {
        if let (Some(day), Some(total), Some(_)) = (expected_day(bill), bill.total, bill.operator) {
            add(line_of(bill), first_of(day), total, Decimal::ZERO);
        }
    }
    for (i, debit) in debits.iter().enumerate() {
        let paid = matching
            .debits
            .get(i)
            .and_then(|m| m.bill)
            .filter(|_| debit.direction == super::telecom::Direction::Debit);
        let line = match paid.and_then(|b| bills.get(b)) {
            Some(bill) => line_of(bill),
            None => {
                let mut mine: Vec<String> = bills
                    .iter()
                    .filter(|b| {
                        b.operator
                            .is_some_and(|o| group(o) == group(debit.operator))
                    })
                    .map(line_of)
                    .collect();
                mine.dedup();
                match mine.as_slice() {
                    [one] => one.clone(),
                    _ => debit.operator.name().to_string(),
                }
            }
        };
        add(line, first_of(debit.date), Decimal::ZERO, -debit.signed());
    }
    lines
        .into_iter()
        // A line with no bill has nothing to compare its debits with (another household's
        // box, bills not loaded): the table of operations kept lists them, not compared.
        .filter(|(_, months)| months.iter().any(|m| !m.1.is_zero() && seen(m.0)))
        .map(|(line, months)| {
            // Fill the months in between.
            let mut filled = Vec::new();
            if let (Some(first), Some(last)) =
                (months.first().map(|m| m.0), months.last().map(|m| m.0))
            {
                let mut month = first;
                while month <= last {
                    if !seen(month) {
                        month = crate::core::law::add_months(month, 1);
                        continue;
                    }
                    let (b, d) = months
                        .iter()
                        .find(|m| m.0 == month)
                        .map(|m| (m.1, m.2))
                        .unwrap_or_default();
                    filled.push((month, b, d));
                    month = crate::core::law::add_months(month, 1);
                }
            }
            let skip = filled.len().saturating_sub(MAX_MONTHS);
            chart(line, &filled[skip..])
        })
        .collect()
}

fn chart(line: String, months: &[Month]) -> MonthView {
    let highest = months
        .iter()
        .flat_map(|m| [m.1, m.2])
        .max()
        .unwrap_or_default()
        .max(Decimal::ZERO);
    let (step, top) = axis(highest);
    let plot_height = d(HEIGHT - TOP - BOTTOM);
    let baseline = d(HEIGHT - BOTTOM);
    let height_of = |amount: Decimal| px(ratio(amount.max(Decimal::ZERO), top).times(plot_height));
    let slot = ratio(d(WIDTH - LEFT - RIGHT), d(months.len().max(1) as u32));
    let width = px((slot.times(Decimal::new(35, 2))).min(d(MAX_PAIR / 2)));
    let pairs = months
        .iter()
        .enumerate()
        .map(|(i, &(month, billed, debited))| {
            let start = d(LEFT).plus(slot.times(d(i as u32)));
            let centre = start.plus(ratio(slot, Decimal::TWO));
            let (bh, dh) = (height_of(billed), height_of(debited));
            MonthPair {
                month,
                billed,
                debited,
                x: px(centre.minus(width)),
                width,
                billed_y: baseline.minus(bh),
                billed_height: bh,
                debited_y: baseline.minus(dh),
                debited_height: dh,
                centre: px(centre),
            }
        })
        .collect();
    MonthView {
        line,
        months: pairs,
        ticks: ticks(step, top, |amount| baseline.minus(height_of(amount))),
        baseline,
        left: d(LEFT),
        right: d(WIDTH - RIGHT),
        label_every: label_every(slot),
    }
}

#[cfg(test)]
mod tests {
    use super::super::matching::match_debits;
    use super::super::telecom::Direction;
    use super::*;
    use crate::core::bill::{Operator, Period};

    fn bill(month: u32, total: &str) -> Bill {
        let start = NaiveDate::from_ymd_opt(2026, month, 1).unwrap();
        Bill {
            operator: Some(Operator::Sfr),
            invoice_number: Some(format!("S{month}")),
            issue_date: Some(start),
            due_date: Some(start.with_day(10).unwrap()),
            period: Some(Period {
                start,
                end: start.with_day(28).unwrap(),
            }),
            line_numbers: vec!["06 00 00 00 01".into()],
            total: Some(total.parse().unwrap()),
            ..Bill::default()
        }
    }

    fn debit(date: &str, amount: &str, direction: Direction) -> Debit {
        Debit {
            date: date.parse().unwrap(),
            amount: amount.parse().unwrap(),
            direction,
            operator: Operator::Sfr,
            label: "PRLV SFR".into(),
            ics: None,
            rum: None,
            tied: false,
        }
    }

    #[test]
    fn billed_and_debited_stand_side_by_side_and_gaps_are_months() {
        let bills = vec![bill(1, "20.00"), bill(2, "20.00"), bill(4, "20.00")];
        let debits = vec![
            debit("2026-01-10", "20.00", Direction::Debit),
            debit("2026-02-10", "25.00", Direction::Debit),
            debit("2026-02-20", "5.00", Direction::Refund),
            debit("2026-04-10", "20.00", Direction::Debit),
        ];
        let m = match_debits(&bills, &[], &debits, &[], &[]);
        let year = [(
            NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            NaiveDate::from_ymd_opt(2026, 12, 31).unwrap(),
        )];
        let views = monthly(&bills, &debits, &m, &year);
        assert_eq!(views.len(), 1);
        let v = &views[0];
        assert_eq!(v.line, "06 00 00 00 01");
        let rows: Vec<(String, String, String, bool)> = v
            .months
            .iter()
            .map(|p| {
                (
                    p.month.to_string(),
                    p.billed.to_string(),
                    p.debited.to_string(),
                    p.differs(),
                )
            })
            .collect();
        assert_eq!(
            rows,
            [
                ("2026-01-01".into(), "20.00".into(), "20.00".into(), false),
                ("2026-02-01".into(), "20.00".into(), "20.00".into(), false),
                ("2026-03-01".into(), "0".into(), "0".into(), false),
                ("2026-04-01".into(), "20.00".into(), "20.00".into(), false),
            ]
        );
        // The tallest bar reaches the top tick; the pair sits on its month's centre.
        let p = &v.months[0];
        assert_eq!(p.billed_y, v.ticks.last().unwrap().y);
        assert_eq!(p.x + p.width, p.centre);
        assert!(v.months.windows(2).all(|w| w[0].centre < w[1].centre));
        assert!(v.labelled(3) && (0..4).filter(|&i| v.labelled(i)).count() >= 2);

        // Debits of an operator with no bill get no chart.
        let mut other = debit("2026-01-05", "29.99", Direction::Debit);
        other.operator = Operator::Free;
        let debits = vec![other];
        let m = match_debits(&bills, &[], &debits, &[], &[]);
        assert_eq!(monthly(&bills, &debits, &m, &year).len(), 1);
        // Nothing covered, nothing to draw: bills alone are not a mismatch.
        assert!(monthly(&bills, &debits, &m, &[]).is_empty());
        // Only the months a statement covered.
        let march = [(
            NaiveDate::from_ymd_opt(2026, 2, 15).unwrap(),
            NaiveDate::from_ymd_opt(2026, 4, 10).unwrap(),
        )];
        let months: Vec<u32> = monthly(&bills, &debits, &m, &march)[0]
            .months
            .iter()
            .map(|p| p.month.month())
            .collect();
        assert_eq!(months, [2, 3, 4]);
    }
}
