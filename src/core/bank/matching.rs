//! Each debit matched to its bill, and what does not match.
//!
//! A bill is expected to be debited around its due date (else ten days after its issue
//! date): from [`EARLY_DAYS`] before to [`LATE_DAYS`] after. Matching goes by operator
//! (the brand, else its group: Sosh with Orange, RED with SFR, B&You with Bouygues), then
//! amount (to the cent first), then date (nearest first), each debit and bill taken once.
//! What is left says something:
//! - a debit in the window of a bill already debited: **two debits for one bill**;
//! - a debit after the plan's `terminated_on` that no bill explains: **debit after the
//!   end** (an unauthorised debit: 13 months to contest it, CMF L133-24);
//! - another debit within the months the bills cover: **a debit without a bill**;
//! - a bill whose window the statement covers and no debit took: **a bill not debited**;
//! - a debit that took another amount than its bill: **amount differs**, by how much;
//! - a refund: it settles the double debit it repays, or an open case of its operator.
//!
//! A debit outside the months the bills cover, or a bill outside the statement's period,
//! is not compared: nothing is said about it. An amount that differs from a bill whose
//! reading does not add up is held as information ("à vérifier"), as the rules hold their
//! findings on such a bill: no accusation on a misreading. Pure: `today` is not needed,
//! the statement's period says what was seen.

use crate::core::money::Amount as _;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::telecom::{named, Debit, Direction};
use crate::core::bill::{Bill, Operator};
use crate::core::dates::format_date;
use crate::core::finding::{Bilingual, Legal, Severity};
use crate::core::i18n::Lang;
use crate::core::journal::case::{Case, CaseStatus};
use crate::core::law;
use crate::core::money::format_amount;
use crate::core::phone;
use crate::core::plan::Plan;

/// How many days before a bill's expected debit day a debit may come.
pub const EARLY_DAYS: u64 = 12;
/// How many days after.
pub const LATE_DAYS: u64 = 20;
/// How long after a double debit a refund of the same amount is taken as repaying it.
const REPAY_DAYS: u64 = 92;

/// What became of a debit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DebitState {
    /// It paid its bill, to the cent.
    Matched,
    /// It paid its bill, but another amount.
    AmountDiffers,
    /// A second debit for a bill already debited.
    Double,
    /// No bill explains it, within the months the bills cover.
    WithoutBill,
    /// Taken after the contract's end, with no bill to explain it.
    AfterTermination,
    /// Outside the months the bills cover: not compared.
    NotCovered,
    /// A refund.
    Refund,
    /// A refund that repays a double debit.
    RepaysDouble,
    /// A refund that settles an open case.
    SettlesCase,
}

impl DebitState {
    /// The state's name for a person.
    pub fn label(self, lang: Lang) -> &'static str {
        let (fr, en) = match self {
            DebitState::Matched => ("Correspond à sa facture", "Matches its bill"),
            DebitState::AmountDiffers => (
                "Montant différent de la facture",
                "Amount differs from the bill",
            ),
            DebitState::Double => ("Second prélèvement", "Second debit"),
            DebitState::WithoutBill => ("Sans facture", "No bill"),
            DebitState::AfterTermination => ("Après la résiliation", "After termination"),
            DebitState::NotCovered => ("Hors des factures chargées", "Outside the bills loaded"),
            DebitState::Refund => ("Remboursement", "Refund"),
            DebitState::RepaysDouble => {
                ("Rembourse un second prélèvement", "Repays a second debit")
            }
            DebitState::SettlesCase => ("Remboursement d'un dossier", "Refund on a case"),
        };
        lang.pick(fr, en)
    }
}

/// What became of a bill.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BillState {
    /// Debited, to the cent.
    Debited,
    /// Debited, another amount.
    AmountDiffers,
    /// The statement covers its debit window and no debit took it.
    NotDebited,
    /// Outside the statement's period, or nothing due: not compared.
    NotCompared,
}

/// A debit's outcome.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DebitMatch {
    /// Its state.
    pub state: DebitState,
    /// The bill it paid (or paid twice).
    pub bill: Option<usize>,
    /// Debit minus bill, when it paid a bill.
    pub difference: Option<Decimal>,
    /// The case a refund settles.
    pub case: Option<u32>,
}

/// A bill's outcome.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BillMatch {
    /// Its state.
    pub state: BillState,
    /// The debit that paid it.
    pub debit: Option<usize>,
    /// The day it was expected to be debited.
    pub expected: Option<NaiveDate>,
}

/// The kinds of mismatch, by their ids in the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DebitIssue {
    /// Two debits for one bill.
    DoubleDebit,
    /// A debit of another amount than its bill.
    DebitDiffers,
    /// A debit after the contract's end.
    DebitAfterTermination,
    /// A debit no bill explains.
    DebitWithoutBill,
    /// A bill no debit paid.
    BillNotDebited,
    /// A refund that settles a case.
    RefundSettlesCase,
}

impl DebitIssue {
    /// The id as in the report (`double_debit`).
    pub fn id(self) -> &'static str {
        match self {
            DebitIssue::DoubleDebit => "double_debit",
            DebitIssue::DebitDiffers => "debit_differs",
            DebitIssue::DebitAfterTermination => "debit_after_termination",
            DebitIssue::DebitWithoutBill => "debit_without_bill",
            DebitIssue::BillNotDebited => "bill_not_debited",
            DebitIssue::RefundSettlesCase => "refund_settles_case",
        }
    }

    /// A short title for a person.
    pub fn title(self, lang: Lang) -> &'static str {
        let (fr, en) = match self {
            DebitIssue::DoubleDebit => ("Prélevé deux fois", "Debited twice"),
            DebitIssue::DebitDiffers => (
                "Prélèvement différent de la facture",
                "Debit differs from the bill",
            ),
            DebitIssue::DebitAfterTermination => {
                ("Prélevé après la résiliation", "Debited after termination")
            }
            DebitIssue::DebitWithoutBill => ("Prélèvement sans facture", "Debit without a bill"),
            DebitIssue::BillNotDebited => ("Facture non prélevée", "Bill not debited"),
            DebitIssue::RefundSettlesCase => ("Remboursement reçu", "Refund received"),
        };
        lang.pick(fr, en)
    }
}

/// A mismatch between the statement and the bills.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DebitFinding {
    /// What kind.
    pub issue: DebitIssue,
    /// How serious.
    pub severity: Severity,
    /// The debits concerned (indexes into the debits given).
    pub debits: Vec<usize>,
    /// The bill concerned.
    pub bill: Option<usize>,
    /// The case a refund settles.
    pub case: Option<u32>,
    /// What it puts at stake: the money to claim back, or the bill not paid.
    pub amount: Decimal,
    /// What is wrong.
    pub message: Bilingual,
    /// What to do.
    pub action: Bilingual,
    /// The text it rests on.
    pub legal: Option<Legal>,
}

/// A finding as printed in `inspect`'s report, in one language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ReportDebitFinding<'a> {
    /// The issue's id.
    pub rule: &'static str,
    /// The severity.
    pub severity: Severity,
    /// The bill, if any.
    pub bill: Option<usize>,
    /// The debits (indexes into the report's `debits`).
    pub debits: &'a [usize],
    /// The amount at stake.
    pub amount: Decimal,
    /// What is wrong.
    pub message: &'a str,
    /// What to do.
    pub action: &'a str,
    /// The legal reference.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub legal: Option<&'static str>,
}

impl DebitFinding {
    /// The finding in the report's shape.
    pub fn to_report(&self, lang: Lang) -> ReportDebitFinding<'_> {
        ReportDebitFinding {
            rule: self.issue.id(),
            severity: self.severity,
            bill: self.bill,
            debits: &self.debits,
            amount: self.amount.round_dp(2),
            message: self.message.get(lang),
            action: self.action.get(lang),
            legal: self.legal.map(Legal::citation),
        }
    }
}

/// The outcome of matching a statement's debits to the bills.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Matching {
    /// One per debit, in the order given.
    pub debits: Vec<DebitMatch>,
    /// One per bill, in the order given.
    pub bills: Vec<BillMatch>,
    /// The mismatches, alerts first, then by amount.
    pub findings: Vec<DebitFinding>,
}

/// The operator's group: a brand and its parent's debits may be the same contract's.
pub fn group(op: Operator) -> Operator {
    match op {
        Operator::Sosh => Operator::Orange,
        Operator::Red => Operator::Sfr,
        Operator::BAndYou => Operator::Bouygues,
        other => other,
    }
}

/// The day a bill is expected to be debited: its due date, else ten days after its issue
/// date, else ten days after its period.
pub fn expected_day(bill: &Bill) -> Option<NaiveDate> {
    bill.due_date
        .or_else(|| bill.issue_date.map(|d| law::add_days(d, 10)))
        .or_else(|| bill.period.map(|p| law::add_days(p.end, 10)))
}

fn window(day: NaiveDate) -> (NaiveDate, NaiveDate) {
    (
        day.checked_sub_days(chrono::Days::new(EARLY_DAYS))
            .unwrap_or(day),
        law::add_days(day, LATE_DAYS),
    )
}

fn within(day: NaiveDate, (from, to): (NaiveDate, NaiveDate)) -> bool {
    from <= day && day <= to
}

/// The operator a plan is for: its own words, else the bills of its line.
fn plan_operator(plan: &Plan, bills: &[Bill]) -> Option<Operator> {
    plan.operator.as_deref().and_then(named).or_else(|| {
        let mine = plan.line_number.as_deref()?;
        bills
            .iter()
            .find(|b| phone::among(mine, &b.line_numbers))
            .and_then(|b| b.operator)
    })
}

/// The day the contract with this operator ended, if a plan says so. A plan that names
/// no operator (and no line a bill names) speaks for this operator only when it is the only
/// plan and every bill read is of this operator's group: a box's debits are not ended by
/// the end of a mobile plan.
fn terminated(op: Operator, plans: &[Plan], bills: &[Bill]) -> Option<NaiveDate> {
    let ended = |p: &&Plan| p.terminated_on.is_some();
    let mine = plans
        .iter()
        .filter(ended)
        .find(|p| plan_operator(p, bills).is_some_and(|o| group(o) == group(op)));
    let one_operator = bills.iter().any(|b| b.operator.is_some())
        && bills
            .iter()
            .filter_map(|b| b.operator)
            .all(|o| group(o) == group(op));
    let only = (plans.len() == 1 && one_operator)
        .then(|| plans.first())
        .flatten()
        .filter(|p| p.terminated_on.is_some() && plan_operator(p, bills).is_none());
    mine.or(only).and_then(|p| p.terminated_on)
}

fn compatible(bill: &Bill, debit: &Debit) -> Option<bool> {
    let op = bill.operator?;
    if op == debit.operator {
        Some(true)
    } else if group(op) == group(debit.operator) {
        Some(false)
    } else {
        None
    }
}

fn days(a: NaiveDate, b: NaiveDate) -> i64 {
    a.signed_duration_since(b).num_days().abs()
}

/// What the bill is counted as: its amount due.
fn due(bill: &Bill) -> Option<Decimal> {
    bill.total
}

/// Matches the telecom debits of a statement to the bills. `covered` are the periods the
/// statements read covered (a bill outside them is not compared); `cases` are the
/// journal's, for refunds.
pub fn match_debits(
    bills: &[Bill],
    plans: &[Plan],
    debits: &[Debit],
    covered: &[(NaiveDate, NaiveDate)],
    cases: &[Case],
) -> Matching {
    let mut debit_out: Vec<DebitMatch> = debits
        .iter()
        .map(|d| DebitMatch {
            state: match d.direction {
                Direction::Debit => DebitState::NotCovered,
                Direction::Refund => DebitState::Refund,
            },
            bill: None,
            difference: None,
            case: None,
        })
        .collect();
    let mut bill_out: Vec<BillMatch> = bills
        .iter()
        .map(|b| BillMatch {
            state: BillState::NotCompared,
            debit: None,
            expected: expected_day(b),
        })
        .collect();

    // Every (bill, debit) pair the windows allow, best first: same amount, same brand,
    // nearest day, smallest difference.
    let mut pairs = Vec::new();
    for (b, bill) in bills.iter().enumerate() {
        let (Some(day), Some(amount)) = (expected_day(bill), due(bill)) else {
            continue;
        };
        if amount <= Decimal::ZERO {
            continue;
        }
        for (d, debit) in debits.iter().enumerate() {
            if debit.direction != Direction::Debit || !within(debit.date, window(day)) {
                continue;
            }
            let Some(same_brand) = compatible(bill, debit) else {
                continue;
            };
            let diff = debit.amount.minus(amount);
            pairs.push((
                (
                    !diff.is_zero(),
                    !same_brand,
                    days(debit.date, day),
                    diff.abs(),
                ),
                b,
                d,
            ));
        }
    }
    // Best pair first, each bill and each debit taken once. A selection rather than a
    // sort (a few hundred pairs at most): a sort's code per key type weighs in the app.
    // Ties go to the earlier bill, then the earlier debit, as a sort would give them.
    while let Some((b, d)) = pairs
        .iter()
        .filter(|(_, b, d)| bill_out[*b].debit.is_none() && debit_out[*d].bill.is_none())
        .min_by(|x, y| x.0.cmp(&y.0))
        .map(|&(_, b, d)| (b, d))
    {
        let (b, d) = (&b, &d);
        let diff = debits[*d].amount.minus(due(&bills[*b]).unwrap_or_default());
        let same = diff.is_zero();
        bill_out[*b].debit = Some(*d);
        bill_out[*b].state = if same {
            BillState::Debited
        } else {
            BillState::AmountDiffers
        };
        debit_out[*d] = DebitMatch {
            state: if same {
                DebitState::Matched
            } else {
                DebitState::AmountDiffers
            },
            bill: Some(*b),
            difference: Some(diff),
            case: None,
        };
    }

    // The debits left.
    for (d, debit) in debits.iter().enumerate() {
        if debit.direction != Direction::Debit || debit_out[d].bill.is_some() {
            continue;
        }
        let twice = pairs
            .iter()
            .filter(|(_, _, pd)| *pd == d)
            .filter(|(_, b, _)| {
                // The same sum again: the bill's, or what its first debit took.
                bill_out[*b].debit.is_some_and(|first| {
                    debits[first].amount == debit.amount || due(&bills[*b]) == Some(debit.amount)
                })
            })
            .min_by(|x, y| x.0.cmp(&y.0))
            .map(|(_, b, _)| *b);
        if let Some(b) = twice {
            debit_out[d].state = DebitState::Double;
            debit_out[d].bill = Some(b);
            debit_out[d].difference = Some(debit.amount);
            continue;
        }
        if terminated(debit.operator, plans, bills).is_some_and(|end| debit.date > end) {
            debit_out[d].state = DebitState::AfterTermination;
            continue;
        }
        // Within the months the operator's bills cover, a debit should have a bill.
        let days_of: Vec<NaiveDate> = bills
            .iter()
            .filter(|b| compatible(b, debit).is_some())
            .filter_map(expected_day)
            .collect();
        if let (Some(first), Some(last)) = (days_of.iter().min(), days_of.iter().max()) {
            if within(debit.date, (window(*first).0, window(*last).1)) {
                debit_out[d].state = DebitState::WithoutBill;
            }
        }
    }

    // The bills left: not debited when the statement covers their window.
    for (b, bill) in bills.iter().enumerate() {
        if bill_out[b].debit.is_some()
            || due(bill).is_none_or(|a| a <= Decimal::ZERO)
            || bill.operator.is_none()
        {
            continue;
        }
        let Some(day) = expected_day(bill) else {
            continue;
        };
        let seen = covered.iter().any(|&(from, to)| {
            from <= day.checked_sub_days(chrono::Days::new(3)).unwrap_or(day)
                && law::add_days(day, 10) <= to
        });
        if seen {
            bill_out[b].state = BillState::NotDebited;
        }
    }

    // Refunds: a double debit repaid, else an open case of the operator settled.
    for (d, refund) in debits.iter().enumerate() {
        if refund.direction != Direction::Refund {
            continue;
        }
        let repaid = (0..debits.len()).find(|&x| {
            debit_out[x].state == DebitState::Double
                && group(debits[x].operator) == group(refund.operator)
                && debits[x].amount == refund.amount
                && refund.date >= debits[x].date
                && refund.date <= law::add_days(debits[x].date, REPAY_DAYS)
                && !debit_out
                    .iter()
                    .any(|m| m.state == DebitState::RepaysDouble && m.bill == Some(x))
        });
        if let Some(x) = repaid {
            debit_out[d].state = DebitState::RepaysDouble;
            // For a refund, `bill` holds the debit it repays.
            debit_out[d].bill = Some(x);
            continue;
        }
        let open: Vec<&Case> = cases
            .iter()
            .filter(|c| {
                c.status == CaseStatus::Open
                    && c.operator
                        .is_some_and(|o| group(o) == group(refund.operator))
                    && c.opened_on <= refund.date
            })
            .collect();
        let case = open
            .iter()
            .find(|c| c.disputed.minus(c.recovered) == refund.amount)
            .or_else(|| {
                open.iter()
                    .find(|c| c.lines.iter().any(|l| l.amount == refund.amount))
            })
            .or_else(|| open.last());
        if let Some(case) = case {
            debit_out[d].state = DebitState::SettlesCase;
            debit_out[d].case = Some(case.id);
        }
    }

    let findings = findings(bills, debits, &debit_out, &bill_out, plans);
    Matching {
        debits: debit_out,
        bills: bill_out,
        findings,
    }
}

fn amounts(amount: Decimal) -> (String, String) {
    (
        format_amount(amount, Lang::Fr),
        format_amount(amount, Lang::En),
    )
}

fn dates(day: NaiveDate) -> (String, String) {
    (format_date(day, Lang::Fr), format_date(day, Lang::En))
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn bill_name(bill: &Bill) -> (String, String) {
    match (&bill.invoice_number, bill.period) {
        (Some(n), _) => (format!("la facture {n}"), format!("bill {n}")),
        (None, Some(p)) => (
            format!("la facture du {}", format_date(p.start, Lang::Fr)),
            format!("the bill of {}", format_date(p.start, Lang::En)),
        ),
        (None, None) => ("la facture".into(), "the bill".into()),
    }
}

fn finding(
    issue: DebitIssue,
    severity: Severity,
    debits: Vec<usize>,
    bill: Option<usize>,
    amount: Decimal,
) -> DebitFinding {
    DebitFinding {
        issue,
        severity,
        debits,
        bill,
        case: None,
        amount,
        message: Bilingual::default(),
        action: Bilingual::default(),
        legal: None,
    }
}

/// The bank's refund of an authorised debit, and its limit: a sentence for the actions.
fn bank_refund(debit: &Debit) -> (String, String) {
    let until = law::add_days(debit.date, law::SEPA_AUTHORISED_WEEKS * 7);
    let (fr, en) = dates(until);
    (
        format!(" Jusqu'au {fr}, votre banque peut aussi rembourser ce prélèvement (cela n'annule pas la dette)."),
        format!(" Until {en}, your bank can also refund this debit (it does not cancel the debt)."),
    )
}

fn findings(
    bills: &[Bill],
    debits: &[Debit],
    debit_out: &[DebitMatch],
    bill_out: &[BillMatch],
    plans: &[Plan],
) -> Vec<DebitFinding> {
    let mut out = Vec::new();
    for (d, (debit, m)) in debits.iter().zip(debit_out).enumerate() {
        let (amount_fr, amount_en) = amounts(debit.amount);
        let (day_fr, day_en) = dates(debit.date);
        let op = debit.operator.name();
        let (bank_fr, bank_en) = bank_refund(debit);
        match m.state {
            DebitState::AmountDiffers => {
                let b = m.bill.unwrap_or_default();
                let diff = m.difference.unwrap_or_default();
                let (name_fr, name_en) = bill_name(&bills[b]);
                let (gap_fr, gap_en) = amounts(diff.abs());
                let (due_fr, due_en) = amounts(due(&bills[b]).unwrap_or_default());
                let above = diff > Decimal::ZERO;
                let mut f = finding(
                    DebitIssue::DebitDiffers,
                    if above {
                        Severity::Alert
                    } else {
                        Severity::Info
                    },
                    vec![d],
                    Some(b),
                    if above { diff } else { Decimal::ZERO },
                );
                f.message = if above {
                    Bilingual::new(
                        format!("{op} a prélevé {amount_fr} le {day_fr}, soit {gap_fr} de plus que {name_fr} ({due_fr})."),
                        format!("{op} took {amount_en} on {day_en}, {gap_en} more than {name_en} ({due_en})."),
                    )
                } else {
                    Bilingual::new(
                        format!("{op} a prélevé {amount_fr} le {day_fr}, soit {gap_fr} de moins que {name_fr} ({due_fr}) : le reste pourrait vous être réclamé."),
                        format!("{op} took {amount_en} on {day_en}, {gap_en} less than {name_en} ({due_en}): the rest may be claimed later."),
                    )
                };
                f.action = if above {
                    Bilingual::new(
                        format!("Demandez à {op} le remboursement de la différence, relevé et facture à l'appui.{bank_fr}"),
                        format!("Ask {op} to refund the difference, with the statement and the bill.{bank_en}"),
                    )
                } else {
                    Bilingual::new(
                        "Vérifiez si un avoir ou un paiement partiel explique l'écart.",
                        "Check whether a credit or a partial payment explains the gap.",
                    )
                };
                if above {
                    f.legal = Some(Legal::SepaAuthorised);
                }
                if !bills[b].reconciles() && f.severity != Severity::Info {
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
                out.push(f);
            }
            DebitState::Double => {
                let b = m.bill.unwrap_or_default();
                let (name_fr, name_en) = bill_name(&bills[b]);
                let first = bill_out[b].debit.unwrap_or(d);
                let (first_fr, first_en) = dates(debits[first].date);
                let repaid = debit_out
                    .iter()
                    .position(|r| r.state == DebitState::RepaysDouble && r.bill == Some(d));
                let mut f = finding(
                    DebitIssue::DoubleDebit,
                    Severity::Alert,
                    vec![first, d],
                    Some(b),
                    debit.amount,
                );
                f.message = Bilingual::new(
                    format!("{op} a prélevé {name_fr} deux fois : le {first_fr}, puis {amount_fr} le {day_fr}."),
                    format!("{op} took {name_en} twice: on {first_en}, then {amount_en} on {day_en}."),
                );
                f.action = Bilingual::new(
                    format!("Demandez à {op} le remboursement du second prélèvement, relevé à l'appui.{bank_fr}"),
                    format!("Ask {op} to refund the second debit, with the statement.{bank_en}"),
                );
                f.legal = Some(Legal::SepaAuthorised);
                if let Some(r) = repaid {
                    let (back_fr, back_en) = dates(debits[r].date);
                    f.severity = Severity::Info;
                    f.amount = Decimal::ZERO;
                    f.debits.push(r);
                    f.message = Bilingual::new(
                        format!("{} Remboursé le {back_fr}.", f.message.fr),
                        format!("{} Refunded on {back_en}.", f.message.en),
                    );
                    f.action = Bilingual::new(
                        "Rien à faire : le second prélèvement a été remboursé.",
                        "Nothing to do: the second debit was refunded.",
                    );
                }
                out.push(f);
            }
            DebitState::AfterTermination => {
                let end = terminated(debit.operator, plans, bills).unwrap_or(debit.date);
                let (end_fr, end_en) = dates(end);
                let until = law::add_months(debit.date, law::SEPA_UNAUTHORISED_MONTHS);
                let (until_fr, until_en) = dates(until);
                let mut f = finding(
                    DebitIssue::DebitAfterTermination,
                    Severity::Alert,
                    vec![d],
                    None,
                    debit.amount,
                );
                f.message = Bilingual::new(
                    format!("{op} a prélevé {amount_fr} le {day_fr}, après la fin du contrat le {end_fr}, sans facture qui l'explique."),
                    format!("{op} took {amount_en} on {day_en}, after the contract ended on {end_en}, with no bill to explain it."),
                );
                f.action = Bilingual::new(
                    format!("Demandez le remboursement à {op}, confirmation de résiliation à l'appui. Un prélèvement que vous n'avez pas autorisé se conteste auprès de la banque jusqu'au {until_fr} (cela n'annule pas une dette)."),
                    format!("Ask {op} for a refund, with the termination confirmation. A debit you did not authorise can be contested with the bank until {until_en} (it does not cancel a debt)."),
                );
                f.legal = Some(Legal::SepaUnauthorised);
                out.push(f);
            }
            DebitState::WithoutBill => {
                let mut f = finding(
                    DebitIssue::DebitWithoutBill,
                    Severity::Warning,
                    vec![d],
                    None,
                    debit.amount,
                );
                f.message = Bilingual::new(
                    format!("{op} a prélevé {amount_fr} le {day_fr}, et aucune facture chargée ne correspond."),
                    format!("{op} took {amount_en} on {day_en}, and no bill loaded matches it."),
                );
                f.action = Bilingual::new(
                    format!("Chargez la facture de ce prélèvement si vous l'avez ; sinon demandez-la à {op}, et le remboursement s'il n'y en a pas.{bank_fr}"),
                    format!("Load the bill for this debit if you have it; otherwise ask {op} for it, and for a refund if there is none.{bank_en}"),
                );
                f.legal = Some(Legal::SepaAuthorised);
                out.push(f);
            }
            DebitState::SettlesCase => {
                let mut f = finding(
                    DebitIssue::RefundSettlesCase,
                    Severity::Info,
                    vec![d],
                    None,
                    debit.amount,
                );
                f.case = m.case;
                f.message = Bilingual::new(
                    format!("{op} vous a remboursé {amount_fr} le {day_fr}."),
                    format!("{op} refunded {amount_en} on {day_en}."),
                );
                f.action = Bilingual::new(
                    "Notez ce remboursement dans le dossier, et clôturez-le s'il couvre ce que vous demandiez.",
                    "Note this refund in the case, and close it if it covers what you asked for.",
                );
                out.push(f);
            }
            _ => {}
        }
    }
    for (b, m) in bill_out.iter().enumerate() {
        if m.state != BillState::NotDebited {
            continue;
        }
        let bill = &bills[b];
        let amount = due(bill).unwrap_or_default();
        let (name_fr, name_en) = bill_name(bill);
        let (amount_fr, amount_en) = amounts(amount);
        let day = m.expected.unwrap_or_default();
        let (day_fr, day_en) = dates(day);
        let op = bill.operator.map_or("", Operator::name);
        let mut f = finding(
            DebitIssue::BillNotDebited,
            Severity::Warning,
            Vec::new(),
            Some(b),
            amount,
        );
        f.message = Bilingual::new(
            format!("{} de {op} ({amount_fr}) devait être prélevée vers le {day_fr}, et le relevé ne montre aucun prélèvement.", capitalised(&name_fr)),
            format!("{} from {op} ({amount_en}) was due to be debited around {day_en}, and the statement shows no debit.", capitalised(&name_en)),
        );
        f.action = Bilingual::new(
            format!("Si vous ne l'avez pas payée autrement, demandez à {op} où en est ce paiement : un prélèvement rejeté peut entraîner des frais ou une suspension."),
            format!("If you did not pay it another way, ask {op} about this payment: a rejected debit may bring fees or a suspension."),
        );
        out.push(f);
    }
    // Alerts first, then by amount: inserted in order (a handful of findings).
    let key = |f: &DebitFinding| {
        (
            f.severity,
            std::cmp::Reverse(f.amount),
            f.issue,
            f.debits.first().copied(),
            f.bill,
        )
    };
    let mut sorted: Vec<DebitFinding> = Vec::with_capacity(out.len());
    for f in out {
        let at = sorted.partition_point(|g| key(g) <= key(&f));
        sorted.insert(at, f);
    }
    sorted
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::bill::{BillLine, Category, Period};
    use crate::core::journal::tests::new_case;
    use crate::core::journal::Journal;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// The monthly bill of month `m` of 2026: issued on the 3rd of the next month, due
    /// the 18th.
    fn bill(m: u32, amount: &str) -> Bill {
        let start = NaiveDate::from_ymd_opt(2026, m, 1).unwrap();
        let end = law::add_months(start, 1).pred_opt().unwrap();
        let issue = law::add_days(end, 3);
        Bill {
            source: format!("{m}.pdf"),
            operator: Some(Operator::FreeMobile),
            invoice_number: Some(format!("FM-{m:02}")),
            issue_date: Some(issue),
            due_date: Some(law::add_days(issue, 15)),
            period: Some(Period { start, end }),
            line_numbers: vec!["06 12 34 56 78".into()],
            total: Some(d(amount)),
            lines: vec![BillLine {
                label: "Forfait".into(),
                amount: d(amount),
                section: String::new(),
                category: Category::Subscription,
                page: 1,
            }],
            ..Bill::default()
        }
    }

    fn debit(date: &str, amount: &str, op: Operator) -> Debit {
        Debit {
            date: day(date),
            amount: d(amount),
            direction: Direction::Debit,
            operator: op,
            label: format!("PRLV SEPA {}", op.name()),
            ics: None,
            rum: None,
            tied: false,
        }
    }

    fn refund(date: &str, amount: &str, op: Operator) -> Debit {
        Debit {
            direction: Direction::Refund,
            ..debit(date, amount, op)
        }
    }

    fn year() -> (NaiveDate, NaiveDate) {
        (day("2026-01-01"), day("2026-12-31"))
    }

    fn states(m: &Matching) -> Vec<DebitState> {
        m.debits.iter().map(|x| x.state).collect()
    }

    #[test]
    fn each_debit_pays_its_bill() {
        let bills = vec![bill(1, "19.99"), bill(2, "19.99"), bill(3, "24.99")];
        // Bill 1 is due 2026-02-18, bill 2 2026-03-18, bill 3 2026-04-18.
        let debits = vec![
            debit("2026-02-18", "19.99", Operator::FreeMobile),
            debit("2026-03-17", "19.99", Operator::FreeMobile),
            debit("2026-04-20", "24.99", Operator::FreeMobile),
        ];
        let m = match_debits(&bills, &[], &debits, &[year()], &[]);
        assert_eq!(states(&m), [DebitState::Matched; 3]);
        assert_eq!(
            m.bills.iter().map(|b| b.debit).collect::<Vec<_>>(),
            [Some(0), Some(1), Some(2)]
        );
        assert!(m.findings.is_empty(), "{:?}", m.findings);
    }

    /// (debits, plan, expected states, expected issues with their amounts)
    #[test]
    #[allow(clippy::type_complexity)]
    fn every_mismatch_is_found_and_nothing_else() {
        let bills = vec![
            bill(1, "19.99"),
            bill(2, "19.99"),
            bill(3, "19.99"),
            bill(4, "19.99"),
        ];
        let cases: Vec<(
            Vec<Debit>,
            Option<&str>,
            Vec<DebitState>,
            Vec<(DebitIssue, &str)>,
        )> = vec![
            // Two debits for the February bill.
            (
                vec![
                    debit("2026-02-18", "19.99", Operator::FreeMobile),
                    debit("2026-03-18", "19.99", Operator::FreeMobile),
                    debit("2026-03-20", "19.99", Operator::FreeMobile),
                    debit("2026-04-18", "19.99", Operator::FreeMobile),
                    debit("2026-05-18", "19.99", Operator::FreeMobile),
                ],
                None,
                vec![
                    DebitState::Matched,
                    DebitState::Matched,
                    DebitState::Double,
                    DebitState::Matched,
                    DebitState::Matched,
                ],
                vec![(DebitIssue::DoubleDebit, "19.99")],
            ),
            // 5 € above, and a bill never debited.
            (
                vec![
                    debit("2026-02-18", "19.99", Operator::FreeMobile),
                    debit("2026-03-18", "24.99", Operator::FreeMobile),
                    debit("2026-05-18", "19.99", Operator::FreeMobile),
                ],
                None,
                vec![
                    DebitState::Matched,
                    DebitState::AmountDiffers,
                    DebitState::Matched,
                ],
                vec![
                    (DebitIssue::DebitDiffers, "5.00"),
                    (DebitIssue::BillNotDebited, "19.99"),
                ],
            ),
            // After the end of the contract (30 April), with no bill.
            (
                vec![
                    debit("2026-02-18", "19.99", Operator::FreeMobile),
                    debit("2026-03-18", "19.99", Operator::FreeMobile),
                    debit("2026-04-18", "19.99", Operator::FreeMobile),
                    debit("2026-05-18", "19.99", Operator::FreeMobile),
                    debit("2026-06-18", "19.99", Operator::FreeMobile),
                ],
                Some(
                    r#"{"monthly_price": "19.99", "operator": "Free Mobile", "terminated_on": "2026-04-30"}"#,
                ),
                vec![DebitState::Matched; 4]
                    .into_iter()
                    .chain([DebitState::AfterTermination])
                    .collect(),
                vec![(DebitIssue::DebitAfterTermination, "19.99")],
            ),
            // Without the end: a debit past the bills is not compared; one between them,
            // of another amount on no bill's day, is a debit without a bill.
            (
                vec![
                    debit("2026-02-18", "19.99", Operator::FreeMobile),
                    debit("2026-03-04", "7.50", Operator::FreeMobile),
                    debit("2026-03-18", "19.99", Operator::FreeMobile),
                    debit("2026-04-18", "19.99", Operator::FreeMobile),
                    debit("2026-05-18", "19.99", Operator::FreeMobile),
                    debit("2026-09-18", "19.99", Operator::FreeMobile),
                ],
                None,
                vec![
                    DebitState::Matched,
                    DebitState::WithoutBill,
                    DebitState::Matched,
                    DebitState::Matched,
                    DebitState::Matched,
                    DebitState::NotCovered,
                ],
                vec![(DebitIssue::DebitWithoutBill, "7.50")],
            ),
            // Another operator's debits are not these bills'.
            (
                vec![
                    debit("2026-02-18", "19.99", Operator::FreeMobile),
                    debit("2026-02-18", "19.99", Operator::Orange),
                    debit("2026-03-18", "19.99", Operator::FreeMobile),
                    debit("2026-04-18", "19.99", Operator::FreeMobile),
                    debit("2026-05-18", "19.99", Operator::FreeMobile),
                ],
                None,
                vec![
                    DebitState::Matched,
                    DebitState::NotCovered,
                    DebitState::Matched,
                    DebitState::Matched,
                    DebitState::Matched,
                ],
                vec![],
            ),
        ];
        for (debits, plan, want_states, want_issues) in cases {
            let plans: Vec<Plan> = plan
                .map(|p| Plan::from_json(p).unwrap())
                .into_iter()
                .collect();
            let m = match_debits(&bills, &plans, &debits, &[year()], &[]);
            assert_eq!(states(&m), want_states);
            let got: Vec<(DebitIssue, String)> = m
                .findings
                .iter()
                .map(|f| (f.issue, f.amount.to_string()))
                .collect();
            let want: Vec<(DebitIssue, String)> = want_issues
                .iter()
                .map(|(i, a)| (*i, a.to_string()))
                .collect();
            assert_eq!(got, want);
            for f in &m.findings {
                assert!(!f.message.fr.is_empty() && !f.action.en.is_empty());
            }
        }
    }

    #[test]
    fn a_plan_without_operator_ends_only_the_debits_of_its_bills_operator() {
        let bills = vec![bill(1, "19.99")];
        let plans =
            vec![
                Plan::from_json(r#"{"monthly_price": "19.99", "terminated_on": "2026-03-01"}"#)
                    .unwrap(),
            ];
        let debits = vec![
            debit("2026-02-18", "19.99", Operator::FreeMobile),
            debit("2026-03-18", "19.99", Operator::FreeMobile),
            debit("2026-03-18", "29.99", Operator::Orange),
        ];
        let m = match_debits(&bills, &plans, &debits, &[year()], &[]);
        assert_eq!(
            states(&m),
            [
                DebitState::Matched,
                DebitState::AfterTermination,
                DebitState::NotCovered
            ]
        );
    }

    #[test]
    fn a_bill_outside_the_statement_is_not_compared() {
        let bills = vec![bill(1, "19.99"), bill(6, "19.99")];
        let debits = vec![debit("2026-02-18", "19.99", Operator::FreeMobile)];
        let m = match_debits(
            &bills,
            &[],
            &debits,
            &[(day("2026-01-01"), day("2026-03-31"))],
            &[],
        );
        assert_eq!(m.bills[1].state, BillState::NotCompared);
        assert!(m.findings.is_empty());
    }

    #[test]
    fn a_debit_above_a_bill_read_uncertainly_is_only_to_check() {
        let mut b = bill(1, "19.99");
        b.total = Some(d("22.99"));
        b.lines[0].amount = d("19.99");
        let debits = vec![debit("2026-02-18", "27.99", Operator::FreeMobile)];
        let m = match_debits(&[b], &[], &debits, &[year()], &[]);
        assert_eq!(m.findings.len(), 1);
        assert_eq!(m.findings[0].severity, Severity::Info);
        assert!(m.findings[0].message.fr.starts_with("À vérifier"));
    }

    #[test]
    fn sosh_debits_pay_orange_group_bills_and_brand_first() {
        let mut b = bill(1, "15.99");
        b.operator = Some(Operator::Sosh);
        let debits = vec![debit("2026-02-18", "15.99", Operator::Orange)];
        let m = match_debits(&[b], &[], &debits, &[year()], &[]);
        assert_eq!(states(&m), [DebitState::Matched]);
    }

    #[test]
    fn refunds_repay_a_double_debit_or_settle_a_case() {
        let bills = vec![bill(1, "19.99")];
        let debits = vec![
            debit("2026-02-18", "19.99", Operator::FreeMobile),
            debit("2026-02-19", "19.99", Operator::FreeMobile),
            refund("2026-03-02", "19.99", Operator::FreeMobile),
        ];
        let m = match_debits(&bills, &[], &debits, &[year()], &[]);
        assert_eq!(
            states(&m),
            [
                DebitState::Matched,
                DebitState::Double,
                DebitState::RepaysDouble
            ]
        );
        assert_eq!(m.findings.len(), 1);
        assert_eq!(
            (m.findings[0].severity, m.findings[0].amount),
            (Severity::Info, Decimal::ZERO)
        );
        assert_eq!(m.findings[0].debits, [0, 1, 2]);

        // A refund of 6.36 settles the open case disputing 6.36 with Orange.
        let mut journal = Journal::default();
        let (id, open) = journal.open_case(new_case("2026-01-05"));
        journal.apply(open).unwrap();
        let debits = vec![refund("2026-02-10", "6.36", Operator::Sosh)];
        let m = match_debits(&[], &[], &debits, &[year()], &journal.cases);
        assert_eq!(m.debits[0].state, DebitState::SettlesCase);
        assert_eq!(m.findings[0].case, Some(id));
        assert_eq!(m.findings[0].issue, DebitIssue::RefundSettlesCase);
        // Before the case was opened, it settles nothing.
        let early = vec![refund("2026-01-02", "6.36", Operator::Orange)];
        let m = match_debits(&[], &[], &early, &[year()], &journal.cases);
        assert_eq!(m.debits[0].state, DebitState::Refund);
        assert!(m.findings.is_empty());
    }

    #[test]
    fn findings_print_in_the_report_shape() {
        let bills = vec![bill(1, "19.99")];
        let debits = vec![debit("2026-02-18", "24.99", Operator::FreeMobile)];
        let m = match_debits(&bills, &[], &debits, &[year()], &[]);
        let json = serde_json::to_value(m.findings[0].to_report(Lang::Fr)).unwrap();
        assert_eq!(json["rule"], "debit_differs");
        assert_eq!(json["amount"], "5.00");
        assert_eq!(json["bill"], 0);
        assert_eq!(json["debits"], serde_json::json!([0]));
        assert_eq!(json["legal"], "Code monétaire et financier, art. L133-25");
        assert!(json["message"].as_str().unwrap().contains("5,00"));
    }
}
