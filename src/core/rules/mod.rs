//! The rules that check bills against the plan, and the report they make together.
//!
//! Each rule is a pure function `check(&Context) -> Vec<Finding>` in its own file, over
//! the bills of one line (given in any order: the context sorts them by period) and an
//! optional plan; rules that need a plan stay silent without one (`unrequested_option`,
//! `price_above_plan`, `billed_after_termination`), the others run and use the plan when
//! there is one (blocks, allowances, EU roaming, the promotion's end). `time_barred_soon`
//! dates what the others found. `check` runs them all,
//! sorts the findings by severity then amount, and counts the amount at stake per bill and
//! overall without counting a charge twice when two rules point at it. No clock: `today`
//! is a parameter.

pub mod billed_after_termination;
pub mod classify;
pub mod duplicate;
pub mod one_off_fee;
pub mod out_of_plan;
pub mod period_overlap;
pub mod premium_number;
pub mod price_above_plan;
pub mod price_increase;
pub mod roaming;
pub mod text;
pub mod third_party;
pub mod time_barred_soon;
pub mod total_mismatch;
pub mod unrequested_option;

use crate::core::money::Amount as _;
use crate::core::money::AmountsSum as _;
use std::collections::BTreeSet;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use super::bill::{Bill, BillLine, Category, Period};
use super::finding::{Bilingual, Finding, RuleId, Severity};
use super::household;
use super::i18n::Lang;
use super::phone::{self, digits, digits_spaced};
use super::plan::Plan;

/// What every rule sees: the bills of one line, the plan if there is one, and today.
#[derive(Clone, Debug)]
pub struct Context<'a> {
    /// The bills, in the order given (findings index into this order).
    pub bills: &'a [Bill],
    /// The customer's plan, if known.
    pub plan: Option<&'a Plan>,
    /// Today's date, for deadlines.
    pub today: NaiveDate,
    order: Vec<usize>,
    /// What the rules ask of each charge again and again (its period, its item), worked
    /// out once per bill when first asked: comparing every charge with every earlier
    /// bill's must not read each label again (ten years of bills are 360 of them).
    facts: Vec<std::cell::OnceCell<Vec<LineFacts>>>,
    /// The kinds of each bill's charges with its usage records in view
    /// ([`classify::line_kinds`]), worked out once per bill when first asked.
    kinds: Vec<std::cell::OnceCell<Vec<classify::LineKind>>>,
    /// The digits of each bill's line numbers, for comparing bills pair by pair.
    numbers: Vec<Vec<String>>,
}

/// A charge's period, item and kind, as [`Context::line_period`], [`Context::item`] and
/// [`Context::line_kind`] give them.
#[derive(Clone, Debug)]
struct LineFacts {
    period: Option<Period>,
    item: (Option<String>, String),
    kind: classify::LineKind,
}

impl<'a> Context<'a> {
    /// A context over bills given in any order.
    pub fn new(bills: &'a [Bill], plan: Option<&'a Plan>, today: NaiveDate) -> Self {
        let mut order: Vec<usize> = (0..bills.len()).collect();
        order.sort_by_key(|&i| (bills[i].period.map(|p| p.start), bills[i].issue_date, i));
        Context {
            bills,
            plan,
            today,
            order,
            facts: vec![std::cell::OnceCell::new(); bills.len()],
            kinds: vec![std::cell::OnceCell::new(); bills.len()],
            numbers: bills
                .iter()
                .map(|b| b.line_numbers.iter().map(|n| digits(n)).collect())
                .collect(),
        }
    }

    fn facts(&self, bill: usize) -> &[LineFacts] {
        self.facts.get(bill).map_or(&[], |cell| {
            cell.get_or_init(|| {
                (0..self.bills[bill].lines.len())
                    .map(|line| LineFacts {
                        period: self.read_line_period(bill, line),
                        item: (
                            self.owner(bill, line),
                            text::item_key(&self.bills[bill].lines[line].label),
                        ),
                        kind: classify::line_kind(&self.bills[bill].lines[line]),
                    })
                    .collect()
            })
        })
    }

    /// The bill indexes from the earliest period to the latest.
    pub fn chronological(&self) -> &[usize] {
        &self.order
    }

    /// A day that stands for the bill: its period's start, else its issue date, else today.
    pub fn reference_date(&self, bill: usize) -> NaiveDate {
        let b = &self.bills[bill];
        b.period
            .map(|p| p.start)
            .or(b.issue_date)
            .unwrap_or(self.today)
    }

    /// What a charge is ([`classify::line_kind`]), from its own words.
    pub fn line_kind(&self, bill: usize, line: usize) -> classify::LineKind {
        self.facts(bill)
            .get(line)
            .map_or(classify::LineKind::Recurring, |f| f.kind)
    }

    /// What each charge of a bill is with its usage records in view
    /// ([`classify::line_kinds`]).
    pub fn line_kinds(&self, bill: usize) -> &[classify::LineKind] {
        self.kinds.get(bill).map_or(&[], |cell| {
            cell.get_or_init(|| classify::line_kinds(&self.bills[bill]))
        })
    }

    /// The period a charge covers: the one printed on its label, else on its section (or
    /// the charge it details), else the bill's.
    pub fn line_period(&self, bill: usize, line: usize) -> Option<Period> {
        self.facts(bill).get(line).and_then(|f| f.period)
    }

    fn read_line_period(&self, bill: usize, line: usize) -> Option<Period> {
        let line = &self.bills[bill].lines[line];
        let near = self.reference_date(bill);
        text::period_in(&line.label, near)
            .or_else(|| text::month_in(&line.label, near))
            .or_else(|| text::period_in(&line.section, near))
            .or(self.bills[bill].period)
    }

    /// The plan, when it covers this bill: a plan for another line number does not apply.
    pub fn plan_for(&self, bill: usize) -> Option<&'a Plan> {
        let plan = self.plan?;
        let numbers = &self.bills[bill].line_numbers;
        match &plan.line_number {
            Some(mine) if !numbers.is_empty() && !digits(mine).is_empty() => {
                phone::among(mine, numbers).then_some(plan)
            }
            _ => Some(plan),
        }
    }

    /// The bill's line number the plan covers (the first, when the plan does not say).
    fn plan_number(&self, bill: usize) -> Option<String> {
        let numbers = &self.bills[bill].line_numbers;
        self.plan
            .and_then(|p| p.line_number.as_deref())
            .map(digits)
            .filter(|d| numbers.iter().any(|n| digits(n) == *d))
            .or_else(|| numbers.first().map(|n| digits(n)))
    }

    /// Whether a charge is for the plan's line: on a bill of several lines, a charge printed
    /// under another line's number is not.
    pub fn on_plan_line(&self, bill: usize, line: usize) -> bool {
        let b = &self.bills[bill];
        if b.line_numbers.len() < 2 {
            return true;
        }
        let Some(mine) = self.plan_number(bill) else {
            return true;
        };
        self.owner(bill, line).is_none_or(|owner| owner == mine)
    }

    /// The bill's line number a charge is printed under, when the bill names several.
    pub fn owner(&self, bill: usize, line: usize) -> Option<String> {
        let b = &self.bills[bill];
        if b.line_numbers.len() < 2 {
            return None;
        }
        let l = &b.lines[line];
        let text = format!("{} {}", digits_spaced(&l.section), digits_spaced(&l.label));
        b.line_numbers
            .iter()
            .map(|n| digits(n))
            .find(|n| !n.is_empty() && text.contains(n.as_str()))
    }

    /// What makes a recurring charge "the same item" from one bill to the next: the line
    /// it is for and its name without the period.
    pub fn item(&self, bill: usize, line: usize) -> &(Option<String>, String) {
        static NONE: (Option<String>, String) = (None, String::new());
        self.facts(bill).get(line).map_or(&NONE, |f| &f.item)
    }

    /// Whether two bills may be for the same line: they share a number, or one has none,
    /// and they are not from two operators (a change of operator starts another history).
    pub fn same_line(&self, a: usize, b: usize) -> bool {
        let (x, y) = (&self.bills[a], &self.bills[b]);
        if other_operators(x, y) {
            return false;
        }
        let (na, nb) = (&x.line_numbers, &y.line_numbers);
        na.is_empty() || nb.is_empty() || share_a_number(&self.numbers[a], &self.numbers[b])
    }

    /// Whether two bills are surely of the same subscription: a line number printed on
    /// both or, where neither prints one, the same operator (and the same customer when
    /// both print theirs). Never a guess from a number missing on one of them: a box
    /// bill without a number beside a mobile bill is another subscription.
    pub fn same_subscription(&self, a: usize, b: usize) -> bool {
        let (x, y) = (&self.bills[a], &self.bills[b]);
        if other_operators(x, y) {
            return false;
        }
        match (x.line_numbers.is_empty(), y.line_numbers.is_empty()) {
            (false, false) => share_a_number(&self.numbers[a], &self.numbers[b]),
            (true, true) => {
                x.operator.is_some()
                    && x.operator == y.operator
                    && match (&x.customer_id, &y.customer_id) {
                        (Some(p), Some(q)) => {
                            crate::core::uploads::reference_key(p)
                                == crate::core::uploads::reference_key(q)
                        }
                        _ => true,
                    }
            }
            _ => false,
        }
    }

    /// The earlier bills of the same line, latest first. The same bill loaded twice (same
    /// invoice number) is not an earlier bill: it would make every charge a duplicate.
    pub fn earlier(&self, bill: usize) -> Vec<usize> {
        let pos = self.order.iter().position(|&i| i == bill).unwrap_or(0);
        let number = &self.bills[bill].invoice_number;
        self.order[..pos]
            .iter()
            .rev()
            .copied()
            .filter(|&i| self.same_line(i, bill))
            .filter(|&i| number.is_none() || self.bills[i].invoice_number != *number)
            .collect()
    }

    /// A charge of a bill.
    pub fn line(&self, bill: usize, line: usize) -> &'a BillLine {
        &self.bills[bill].lines[line]
    }
}

/// Whether both bills name their operator and the two differ.
fn other_operators(x: &Bill, y: &Bill) -> bool {
    matches!((x.operator, y.operator), (Some(p), Some(q)) if p != q)
}

/// Whether two lists of line numbers' digits share one.
fn share_a_number(a: &[String], b: &[String]) -> bool {
    a.iter().any(|x| !x.is_empty() && b.contains(x))
}

/// The findings over a set of bills, and what is at stake.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Report {
    /// Every finding, alerts first, then by amount, largest first.
    pub findings: Vec<Finding>,
    /// The amount at stake per bill, in the order the bills were given.
    pub at_stake: Vec<Decimal>,
    /// The amount at stake over all the bills.
    pub total_at_stake: Decimal,
}

impl Report {
    /// The findings in the JSON report's shape, messages in one language.
    pub fn report_findings(&self, lang: Lang) -> Vec<super::finding::ReportFinding<'_>> {
        self.findings.iter().map(|f| f.to_report(lang)).collect()
    }
}

/// Runs every rule over the bills of one line and the plan, as of `today`.
pub fn check(bills: &[Bill], plan: Option<&Plan>, today: NaiveDate) -> Report {
    let ctx = Context::new(bills, plan, today);
    let mut findings = Vec::new();
    findings.extend(premium_number::check(&ctx));
    findings.extend(third_party::check(&ctx));
    findings.extend(roaming::check(&ctx));
    findings.extend(out_of_plan::check(&ctx));
    findings.extend(unrequested_option::check(&ctx));
    findings.extend(price_above_plan::check(&ctx));
    findings.extend(price_increase::check(&ctx));
    findings.extend(duplicate::check(&ctx));
    findings.extend(one_off_fee::check(&ctx));
    findings.extend(total_mismatch::check(&ctx));
    findings.extend(period_overlap::check(&ctx));
    findings.extend(billed_after_termination::check(&ctx));
    let deadlines = time_barred_soon::check_findings(&ctx, &findings);
    findings.extend(deadlines);
    for f in &mut findings {
        hold_on_uncertain_reading(f, bills);
    }
    report(bills, findings)
}

/// No accusation on a guess: on a bill whose charges do not add up to its amount due,
/// a finding on its lines is information to check, not an alert or a warning, and says
/// why. The one finding that stands is `total_mismatch`, which says by how much.
fn hold_on_uncertain_reading(f: &mut Finding, bills: &[Bill]) {
    let uncertain = bills.get(f.bill).is_some_and(|b| !b.reconciles());
    if !uncertain || f.rule == RuleId::TotalMismatch || f.severity == Severity::Info {
        return;
    }
    f.severity = Severity::Info;
    f.message = Bilingual::new(
        format!(
            "À vérifier — la lecture de cette facture ne tombe pas juste : {}",
            f.message.fr
        ),
        format!(
            "To check — the reading of this bill does not add up: {}",
            f.message.en
        ),
    );
}

/// Sorts findings (alerts first, then by amount) and counts what is at stake.
fn report(bills: &[Bill], mut findings: Vec<Finding>) -> Report {
    findings.sort_by(|a, b| {
        (
            a.severity,
            std::cmp::Reverse(a.amount),
            a.bill,
            a.lines.first(),
            a.rule,
        )
            .cmp(&(
                b.severity,
                std::cmp::Reverse(b.amount),
                b.bill,
                b.lines.first(),
                b.rule,
            ))
    });
    // What is at stake on a bill is never more than it charges (issue 32: « En jeu
    // 28,99 € » stood on a bill of 23,99 €): an upper bound, whatever the rules found.
    let at_stake: Vec<Decimal> = at_stake(bills.len(), &findings)
        .into_iter()
        .zip(bills)
        .map(|(stake, bill)| stake.min(all_charged(bill)))
        .collect();
    let total_at_stake = at_stake.iter().amounts_sum();
    Report {
        findings,
        at_stake,
        total_at_stake,
    }
}

/// All a bill charges: its positive charges and its usage records' amounts (an upper bound
/// of what can be claimed back on it).
fn all_charged(bill: &Bill) -> Decimal {
    let lines = bill
        .lines
        .iter()
        .map(|l| l.amount.max(Decimal::ZERO))
        .amounts_sum();
    let usage = bill
        .usage
        .iter()
        .map(|u| u.amount.max(Decimal::ZERO))
        .amounts_sum();
    lines.plus(usage)
}

/// Runs the rules over a household's bills, each line against its own plan.
///
/// The bills are split into lines ([`household::lines`]: a printed number, else the kind
/// of service, the operator and the customer) and each line is checked on its own, so that
/// duplicates, overlaps and gaps are only looked for among one line's bills, with the plans
/// that are surely that line's ([`household::plans_for_lines`]): a line no plan is surely
/// for is checked with none, and gets no plan-based finding. A bill of two lines goes with
/// both lines' plans (on it, the plan rules only look at that plan's line); a finding that
/// two plans both make (a premium call on a two-line bill) is kept once.
pub fn check_lines(bills: &[Bill], plans: &[Plan], today: NaiveDate) -> Report {
    let lines = household::lines(bills);
    let owners = household::plans_for_lines(&lines, plans);
    if let ([_], [mine]) = (&lines[..], &owners[..]) {
        if mine.len() <= 1 {
            return check(bills, mine.first().map(|&p| &plans[p]), today);
        }
    }
    let mut seen = std::collections::HashSet::new();
    let mut findings = Vec::new();
    for (line, mine) in lines.iter().zip(&owners) {
        let group: Vec<Bill> = line.bills.iter().map(|&i| bills[i].clone()).collect();
        let checked: Vec<Option<&Plan>> = if mine.is_empty() {
            vec![None]
        } else {
            mine.iter().map(|&p| Some(&plans[p])).collect()
        };
        for plan in checked {
            for mut finding in check(&group, plan, today).findings {
                finding.bill = line.bills[finding.bill];
                let key = (
                    finding.rule,
                    finding.bill,
                    finding.lines.clone(),
                    finding.usage.clone(),
                );
                if seen.insert(key) {
                    findings.push(finding);
                }
            }
        }
    }
    report(bills, findings)
}

/// The amount at stake per bill. Information is not at stake. A finding whose lines or
/// usage records another, larger finding already counted adds nothing: two rules pointing
/// at one charge do not make it count twice.
pub fn at_stake(bills: usize, findings: &[Finding]) -> Vec<Decimal> {
    let mut totals = vec![Decimal::ZERO; bills];
    let mut counted: Vec<(BTreeSet<usize>, BTreeSet<usize>)> = vec![Default::default(); bills];
    let mut order: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.severity != Severity::Info && f.bill < bills)
        .collect();
    order.sort_by_key(|f| std::cmp::Reverse(f.amount));
    for f in order {
        let (lines, usage) = &mut counted[f.bill];
        let seen =
            f.lines.iter().any(|l| lines.contains(l)) || f.usage.iter().any(|u| usage.contains(u));
        if !seen {
            totals[f.bill] = totals[f.bill].plus(f.amount.max(Decimal::ZERO));
        }
        lines.extend(&f.lines);
        usage.extend(&f.usage);
    }
    totals
}

/// A finding without its words yet; each rule fills `message`, `action` and `legal`.
pub(crate) fn finding(
    rule: super::finding::RuleId,
    severity: Severity,
    bill: usize,
    lines: Vec<usize>,
    usage: Vec<usize>,
    amount: Decimal,
) -> Finding {
    Finding {
        rule,
        severity,
        bill,
        lines,
        usage,
        amount,
        message: super::finding::Bilingual::default(),
        action: super::finding::Bilingual::default(),
        legal: None,
    }
}

/// An amount in French and in English.
pub(crate) fn eur(amount: Decimal) -> (String, String) {
    (
        super::money::format_amount(amount, Lang::Fr),
        super::money::format_amount(amount, Lang::En),
    )
}

/// Gives each charge the call-detail records that make it up: a record goes to the first
/// compatible charge it fits in (the running sum stays within the charge's amount). Returns
/// the records per charge, and the records no charge took.
pub(crate) fn attach(
    lines: &[(usize, Decimal)],
    records: &[(usize, Decimal)],
    compatible: impl Fn(usize, usize) -> bool,
) -> (Vec<Vec<usize>>, Vec<usize>) {
    let mut taken = vec![false; records.len()];
    let mut out = Vec::with_capacity(lines.len());
    for &(line, amount) in lines {
        let mut sum = Decimal::ZERO;
        let mut mine = Vec::new();
        for (k, &(record, value)) in records.iter().enumerate() {
            if !taken[k]
                && compatible(line, record)
                && sum.plus(value) <= amount.plus(Decimal::new(1, 2))
            {
                taken[k] = true;
                sum = sum.plus(value);
                mine.push(record);
            }
        }
        out.push(mine);
    }
    let rest = records
        .iter()
        .zip(&taken)
        .filter(|(_, t)| !**t)
        .map(|(r, _)| r.0)
        .collect();
    (out, rest)
}

/// Whether a charge is a real, positive charge (not a discount, not a 0,00 line).
pub(crate) fn charged(line: &BillLine) -> bool {
    line.amount > Decimal::ZERO && line.category != Category::Discount
}

/// Two amounts of money are the same to the cent.
pub(crate) fn cents_eq(a: Decimal, b: Decimal) -> bool {
    a.minus(b).abs() < Decimal::new(1, 2)
}

#[cfg(test)]
pub(crate) mod testing {
    //! Small builders for the rules' table-driven tests.
    use super::*;
    use crate::core::bill::UsageRecord;

    pub fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    pub fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    pub fn today() -> NaiveDate {
        date("2026-11-26")
    }

    pub fn line(label: &str, amount: &str, category: Category) -> BillLine {
        line_in(label, amount, category, "")
    }

    pub fn line_in(label: &str, amount: &str, category: Category, section: &str) -> BillLine {
        BillLine {
            label: label.into(),
            amount: d(amount),
            section: section.into(),
            category,
            page: 1,
        }
    }

    pub fn usage(destination: &str, kind: &str, amount: &str) -> UsageRecord {
        UsageRecord {
            date: date("2026-10-10"),
            time: Some("10:00".into()),
            destination: destination.into(),
            kind: kind.into(),
            duration_s: Some(60),
            volume: None,
            amount: d(amount),
            included: d(amount).is_zero(),
            page: 2,
        }
    }

    /// A bill for October 2026 with these charges, adding up.
    pub fn bill(lines: Vec<BillLine>) -> Bill {
        bill_for("2026-10-01", "2026-10-31", lines)
    }

    pub fn bill_for(start: &str, end: &str, lines: Vec<BillLine>) -> Bill {
        let total = lines.iter().map(|l| l.amount).amounts_sum();
        let end_date = date(end);
        Bill {
            source: format!("{start}.pdf"),
            issue_date: end_date.succ_opt(),
            due_date: end_date.checked_add_days(chrono::Days::new(10)),
            period: Some(Period {
                start: date(start),
                end: end_date,
            }),
            line_numbers: vec!["06 12 34 56 78".into()],
            total: Some(total),
            lines,
            ..Bill::default()
        }
    }

    pub fn plan(json: &str) -> Plan {
        Plan::from_json(json).unwrap()
    }

    /// (bill, lines, usage, severity, amount) of a finding.
    pub type Summary = (usize, Vec<usize>, Vec<usize>, Severity, String);

    /// (bill, lines, usage, severity, amount) of each finding, for compact assertions.
    pub fn summary(findings: &[Finding]) -> Vec<Summary> {
        findings
            .iter()
            .map(|f| {
                (
                    f.bill,
                    f.lines.clone(),
                    f.usage.clone(),
                    f.severity,
                    f.amount.round_dp(2).to_string(),
                )
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::testing::*;
    use super::*;
    use crate::core::finding::{Bilingual, RuleId};

    fn finding(
        rule: RuleId,
        severity: Severity,
        bill: usize,
        lines: &[usize],
        amount: &str,
    ) -> Finding {
        Finding {
            rule,
            severity,
            bill,
            lines: lines.to_vec(),
            usage: vec![],
            amount: d(amount),
            message: Bilingual::default(),
            action: Bilingual::default(),
            legal: None,
        }
    }

    /// Issue 32: « En jeu 28,99 € » stood on a bill of 23,99 €. Whatever the rules find,
    /// a bill puts at stake at most what it charges.
    #[test]
    fn a_bill_puts_at_stake_at_most_what_it_charges() {
        let bill = Bill {
            lines: vec![
                BillLine {
                    label: "Forfait".into(),
                    amount: d("23.99"),
                    section: String::new(),
                    category: Category::Subscription,
                    page: 1,
                },
                BillLine {
                    label: "Remise".into(),
                    amount: d("-5.00"),
                    section: String::new(),
                    category: Category::Discount,
                    page: 1,
                },
            ],
            ..Bill::default()
        };
        let findings = vec![finding(
            RuleId::PeriodOverlap,
            Severity::Warning,
            0,
            &[0],
            "28.99",
        )];
        let r = report(std::slice::from_ref(&bill), findings);
        assert_eq!(r.at_stake, vec![d("23.99")]);
        assert_eq!(r.total_at_stake, d("23.99"));
    }

    #[test]
    fn a_charge_is_not_counted_twice() {
        use RuleId::*;
        let findings = [
            finding(PriceIncrease, Severity::Warning, 0, &[0], "3.00"),
            finding(PriceAbovePlan, Severity::Warning, 0, &[0], "3.00"),
            finding(OneOffFee, Severity::Warning, 0, &[3], "1.50"),
            finding(TotalMismatch, Severity::Warning, 1, &[], "3.00"),
            finding(Duplicate, Severity::Alert, 1, &[2], "9.99"),
            finding(TimeBarredSoon, Severity::Info, 1, &[2], "9.99"),
        ];
        assert_eq!(at_stake(2, &findings), vec![d("4.50"), d("12.99")]);
    }

    #[test]
    fn bills_in_any_order_are_read_by_period() {
        let bills = vec![
            bill_for("2026-10-01", "2026-10-31", vec![]),
            bill_for("2026-08-01", "2026-08-31", vec![]),
            bill_for("2026-09-01", "2026-09-30", vec![]),
        ];
        let ctx = Context::new(&bills, None, today());
        assert_eq!(ctx.chronological(), &[1, 2, 0]);
        assert_eq!(ctx.earlier(0), vec![2, 1]);
    }

    #[test]
    fn the_same_bill_loaded_twice_is_not_compared_with_itself() {
        let mut b = bill(vec![line(
            "Forfait du 01/10 au 31/10",
            "24.99",
            Category::Subscription,
        )]);
        b.invoice_number = Some("F1".into());
        let report = check(&[b.clone(), b], None, today());
        assert!(report.findings.is_empty(), "{:?}", report.findings);
    }

    #[test]
    fn no_accusation_on_a_reading_that_does_not_add_up() {
        let lines = || {
            vec![
                line("Forfait du 01/10 au 31/10", "19.99", Category::Subscription),
                line("Appels vers le 0899 123 456", "4.50", Category::Premium),
                line("Frais de mise en service", "10.00", Category::OneOffFee),
            ]
        };
        // The same charges; on one bill the amount due is 5 € above them.
        let reconciled = bill(lines());
        let mut misread = bill(lines());
        misread.total = Some(d("39.49"));
        let flagged = |b: &Bill| {
            let report = check(std::slice::from_ref(b), None, today());
            report
                .findings
                .iter()
                .map(|f| (f.rule, f.severity, f.message.fr.starts_with("À vérifier")))
                .collect::<Vec<_>>()
        };
        let sure = flagged(&reconciled);
        assert!(sure
            .iter()
            .any(|(r, s, _)| *r == RuleId::PremiumNumber && *s != Severity::Info));
        let unsure = flagged(&misread);
        // Every line finding is held as information, saying why; the one that stands
        // says what does not add up.
        for (rule, severity, says_why) in &unsure {
            if *rule == RuleId::TotalMismatch {
                assert_eq!(*severity, Severity::Warning);
            } else if *rule != RuleId::TimeBarredSoon {
                assert_eq!((*severity, *says_why), (Severity::Info, true), "{rule:?}");
            }
        }
        assert!(unsure.iter().any(|(r, _, _)| *r == RuleId::TotalMismatch));
        let report = check(&[misread], None, today());
        assert_eq!(report.total_at_stake, d("5.00"), "only the gap is at stake");
    }

    #[test]
    fn a_clean_bill_gives_no_alert_and_no_warning() {
        let p = plan(
            r#"{"monthly_price": "24.99", "line_number": "06 12 34 56 78",
                "options": [{"name": "Option Multi-SIM", "price": "5.00"}],
                "allowances": {"calls": "unlimited", "sms": "unlimited", "roaming_eu": true}}"#,
        );
        let mut b = bill(vec![
            line(
                "Forfait 5G 100 Go du 01/10 au 31/10",
                "24.99",
                Category::Subscription,
            ),
            line(
                "Option Multi-SIM du 01/10 au 31/10",
                "5.00",
                Category::Option,
            ),
            line("Remise fidélité", "-2.00", Category::Discount),
        ]);
        b.usage = vec![
            usage("0698765432", "Appel", "0"),
            usage("0698765432", "Appel", "0"),
            usage("Internet", "Internet depuis l'Italie", "0"),
        ];
        let report = check(&[b], Some(&p), today());
        assert!(
            report.findings.iter().all(|f| f.severity == Severity::Info),
            "{:?}",
            report.findings
        );
        assert_eq!(report.total_at_stake, Decimal::ZERO);
    }
}
