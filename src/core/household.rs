//! A household's lines: which bills are of one line (a mobile number, a box) and which
//! plan is each line's.
//!
//! A bill belongs to a line by its printed line number; a bill that prints none, by the
//! kind of service its subscription is (box or mobile), its operator and its customer
//! number. A plan is a line's when it names the line's number; a plan that names no
//! number on the bills is a line's only when nothing else could be meant: the operator
//! and the kind of service agree, and it fits no other line. A line no plan is surely for
//! gets no plan at all: a wrong plan is a false accusation (« 32,99 € facturés au lieu de
//! 19,99 € » on a box checked against a mobile plan), no plan is only a question to the
//! person (« quel forfait pour cette ligne ? »). Pure.

use super::bill::{Bill, BillLine, Category, Operator};
use super::phone::digits;
use super::plan::Plan;
use super::uploads::reference_key;
use super::vocab::{fold_words, has_word};

/// What a line is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Service {
    /// A box at home (fibre, ADSL), its fixed number with it.
    Box,
    /// A mobile line.
    Mobile,
}

/// Words that name a box's subscription.
const BOX_WORDS: &[&str] = &[
    "box", "livebox", "freebox", "bbox", "fibre", "adsl", "vdsl", "thd",
];

/// Words that name a mobile subscription.
const MOBILE_WORDS: &[&str] = &["mobile", "sim", "esim", "4g", "5g"];

/// The kind of service a number is: mobile (06, 07) or a box's fixed line (01–05, 09).
fn number_service(number: &str) -> Option<Service> {
    let d = digits(number);
    if d.len() != 10 {
        return None;
    }
    match d.get(..2)? {
        "06" | "07" => Some(Service::Mobile),
        "01" | "02" | "03" | "04" | "05" | "09" => Some(Service::Box),
        _ => None,
    }
}

/// The kind of service a subscription's name says: box words, or a data allowance in GB
/// and mobile words; neither or both, nothing.
fn name_service(name: &str) -> Option<Service> {
    let folded = fold_words(name);
    let boxed = BOX_WORDS.iter().any(|w| has_word(&folded, w));
    let data = folded.split(' ').enumerate().any(|(i, w)| {
        let number = w
            .strip_suffix("go")
            .or_else(|| (folded.split(' ').nth(i + 1) == Some("go")).then_some(w));
        number.is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
    });
    let mobile = data || MOBILE_WORDS.iter().any(|w| has_word(&folded, w));
    match (boxed, mobile) {
        (true, false) => Some(Service::Box),
        (false, true) => Some(Service::Mobile),
        _ => None,
    }
}

/// One kind out of several answers: the one they agree on, else nothing.
fn agreed(kinds: impl IntoIterator<Item = Service>) -> Option<Service> {
    let mut kinds = kinds.into_iter();
    let first = kinds.next()?;
    kinds.all(|k| k == first).then_some(first)
}

/// The kind of service a bill is for: its numbers, else its subscriptions' names, else
/// an operator that sells only one kind. A bill of both (a box and a mobile on one bill)
/// is neither.
pub fn bill_service(bill: &Bill) -> Option<Service> {
    let numbers: Vec<Service> = bill
        .line_numbers
        .iter()
        .filter_map(|n| number_service(n))
        .collect();
    if !numbers.is_empty() {
        return agreed(numbers);
    }
    let names: Vec<Service> = bill
        .lines
        .iter()
        .filter(|l| l.category == Category::Subscription)
        .filter_map(|l| name_service(&l.label))
        .collect();
    if !names.is_empty() {
        return agreed(names);
    }
    match bill.operator {
        Some(Operator::FreeMobile) => Some(Service::Mobile),
        Some(Operator::Free) => Some(Service::Box),
        _ => None,
    }
}

/// The kind of service a plan is for: its number, else its name, else its allowances
/// (data or SMS counted are a mobile's). Not its operator: « Free » typed for a Free
/// Mobile line is the person's word for the brand.
pub fn plan_service(plan: &Plan) -> Option<Service> {
    if let Some(kind) = plan.line_number.as_deref().and_then(number_service) {
        return Some(kind);
    }
    if let Some(kind) = plan.name.as_deref().and_then(name_service) {
        return Some(kind);
    }
    (plan.allowances.data_gb.is_some() || plan.allowances.sms.is_some()).then_some(Service::Mobile)
}

/// The operator a plan names, as the person typed it.
pub fn plan_operator(plan: &Plan) -> Option<Operator> {
    plan.operator
        .as_deref()
        .and_then(super::bank::telecom::named)
}

/// The company behind a brand: Sosh is Orange's, RED SFR's, B&You Bouygues', Free Mobile
/// Free's. A person may type the company for the brand.
fn company(operator: Operator) -> Operator {
    match operator {
        Operator::Sosh => Operator::Orange,
        Operator::Red => Operator::Sfr,
        Operator::BAndYou => Operator::Bouygues,
        Operator::FreeMobile => Operator::Free,
        other => other,
    }
}

/// Whether two operators may be the same: either unknown, or of one company.
fn operators_agree(a: Option<Operator>, b: Option<Operator>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => company(a) == company(b),
        _ => true,
    }
}

/// Whether two kinds of service may be the same: either unknown, or equal.
fn services_agree(a: Option<Service>, b: Option<Service>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    }
}

/// One line of the household and its bills.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// The bills of this line, indexes into the bills given, in that order.
    pub bills: Vec<usize>,
    /// The numbers its bills print, as first printed (none for a box whose bills print
    /// none).
    pub numbers: Vec<String>,
    /// The operator its bills name.
    pub operator: Option<Operator>,
    /// What it is.
    pub service: Option<Service>,
}

impl Line {
    /// Whether the line has this number.
    pub fn has_number(&self, number: &str) -> bool {
        let d = digits(number);
        !d.is_empty() && self.numbers.iter().any(|n| digits(n) == d)
    }
}

/// The household's lines: bills sharing a number (same operator) are one line; a bill
/// that prints no number joins the one numbered line of its operator and kind, when there
/// is exactly one and both kinds are known, else the bills like it (same operator, kind and
/// customer). Lines come in the order of their first bill.
pub fn lines(bills: &[Bill]) -> Vec<Line> {
    let numbers: Vec<Vec<String>> = bills
        .iter()
        .map(|b| {
            b.line_numbers
                .iter()
                .map(|n| digits(n))
                .filter(|d| !d.is_empty())
                .collect()
        })
        .collect();
    let services: Vec<Option<Service>> = bills.iter().map(bill_service).collect();
    // Union-find over the bills.
    let mut parent: Vec<usize> = (0..bills.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    // The first bill of each (operator, number): a household has a handful of them, so a
    // list is searched (no hash map's code in the app for it).
    let mut by_number: Vec<(Option<Operator>, &str, usize)> = Vec::new();
    for (i, mine) in numbers.iter().enumerate() {
        for n in mine {
            let operator = bills[i].operator;
            match by_number
                .iter()
                .find(|(op, number, _)| *op == operator && *number == n.as_str())
            {
                Some(&(_, _, j)) => {
                    let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                    parent[a.max(b)] = a.min(b);
                }
                None => by_number.push((operator, n.as_str(), i)),
            }
        }
    }
    // A bill with no operator and a number joins the line of that number at one operator.
    for (i, mine) in numbers.iter().enumerate() {
        if bills[i].operator.is_some() {
            continue;
        }
        for n in mine {
            let owners: Vec<usize> = by_number
                .iter()
                .filter(|(op, number, _)| op.is_some() && *number == n.as_str())
                .map(|&(_, _, j)| j)
                .collect();
            if let [j] = owners[..] {
                let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                parent[a.max(b)] = a.min(b);
            }
        }
    }
    // The numbered lines, for the bills that print no number.
    let numbered: Vec<usize> = {
        let mut roots: Vec<usize> = (0..bills.len())
            .filter(|&i| !numbers[i].is_empty())
            .map(|i| root(&mut parent, i))
            .collect();
        roots.sort_unstable();
        roots.dedup();
        roots
    };
    let line_service = |parent: &mut [usize], r: usize| {
        agreed(
            (0..bills.len())
                .filter(|&i| root(parent, i) == r)
                .filter_map(|i| services[i]),
        )
    };
    let numbered_kinds: Vec<(usize, Option<Operator>, Option<Service>)> = numbered
        .iter()
        .map(|&r| (r, bills[r].operator, line_service(&mut parent, r)))
        .collect();
    let mut unnumbered: Vec<usize> = Vec::new();
    for i in (0..bills.len()).filter(|&i| numbers[i].is_empty()) {
        let b = &bills[i];
        let homes: Vec<usize> = numbered_kinds
            .iter()
            .filter(|(_, op, kind)| {
                b.operator.is_some()
                    && *op == b.operator
                    && services[i].is_some()
                    && *kind == services[i]
            })
            .map(|&(r, _, _)| r)
            .collect();
        if let [home] = homes[..] {
            parent[i] = home;
            continue;
        }
        let like = unnumbered.iter().copied().find(|&j| {
            let c = &bills[j];
            c.operator == b.operator
                && services[j] == services[i]
                && match (&b.customer_id, &c.customer_id) {
                    (Some(p), Some(q)) => reference_key(p) == reference_key(q),
                    _ => true,
                }
        });
        match like {
            Some(j) => parent[i] = root(&mut parent, j),
            None => unnumbered.push(i),
        }
    }
    let mut order: Vec<usize> = Vec::new();
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); bills.len()];
    for i in 0..bills.len() {
        let r = root(&mut parent, i);
        if members[r].is_empty() {
            order.push(r);
        }
        members[r].push(i);
    }
    order
        .into_iter()
        .map(|r| {
            let bills_of: Vec<usize> = std::mem::take(&mut members[r]);
            let mut printed: Vec<String> = Vec::new();
            for &i in &bills_of {
                for n in &bills[i].line_numbers {
                    if !digits(n).is_empty() && !printed.iter().any(|p| digits(p) == digits(n)) {
                        printed.push(n.clone());
                    }
                }
            }
            Line {
                operator: bills_of.iter().find_map(|&i| bills[i].operator),
                service: agreed(bills_of.iter().filter_map(|&i| services[i])),
                numbers: printed,
                bills: bills_of,
            }
        })
        .collect()
}

/// The plans (indexes) each line is checked against: the plans naming one of its numbers;
/// else the one plan that fits it (operator and kind agree, and it names no number of
/// another line) and fits no other line left without a plan. Empty when no plan is surely
/// the line's.
pub fn plans_for_lines(lines: &[Line], plans: &[Plan]) -> Vec<Vec<usize>> {
    let named: Vec<Vec<usize>> = lines
        .iter()
        .map(|line| {
            (0..plans.len())
                .filter(|&p| {
                    plans[p]
                        .line_number
                        .as_deref()
                        .is_some_and(|n| line.has_number(n))
                        && operators_agree(plan_operator(&plans[p]), line.operator)
                })
                .collect()
        })
        .collect();
    let names_a_line = |p: usize| named.iter().any(|n| n.contains(&p));
    let fits = |p: usize, line: &Line| {
        let plan = &plans[p];
        let number = plan.line_number.as_deref().map(digits).unwrap_or_default();
        !names_a_line(p)
            && (number.is_empty() || line.numbers.is_empty())
            && operators_agree(plan_operator(plan), line.operator)
            && services_agree(plan_service(plan), line.service)
    };
    let open: Vec<usize> = (0..lines.len()).filter(|&l| named[l].is_empty()).collect();
    lines
        .iter()
        .enumerate()
        .map(|(l, line)| {
            if !named[l].is_empty() {
                return named[l].clone();
            }
            let candidates: Vec<usize> = (0..plans.len()).filter(|&p| fits(p, line)).collect();
            match candidates[..] {
                [p] if open
                    .iter()
                    .filter(|&&other| other != l)
                    .all(|&other| !fits(p, &lines[other])) =>
                {
                    vec![p]
                }
                _ => Vec::new(),
            }
        })
        .collect()
}

/// The line a finding on a bill is about, as the person knows it: the number its charge is
/// printed under on a bill of several lines, else the bill's number; a bill that prints
/// none is its kind of service.
pub fn line_of(bill: &Bill, charge: Option<usize>) -> Option<LineName> {
    if let Some(n) = charge
        .and_then(|i| bill.lines.get(i))
        .and_then(|line| number_under(bill, line))
    {
        return Some(LineName::Number(n.clone()));
    }
    match bill.line_numbers.first() {
        Some(n) => Some(LineName::Number(n.clone())),
        None => bill_service(bill).map(LineName::Service),
    }
}

/// The number of a bill of several lines that a charge is printed under (in its section
/// or its label), whatever separators it is printed with (`07 61 98 76 54`,
/// `07.61.98.76.54`, `+33 7 61 98 76 54`). None on a bill of one line or none.
pub fn number_under<'b>(bill: &'b Bill, line: &BillLine) -> Option<&'b String> {
    if bill.line_numbers.len() < 2 {
        return None;
    }
    let text: String = format!("{} {}", line.section, line.label)
        .chars()
        .filter(|c| !matches!(c, ' ' | '.' | '\u{a0}' | '\u{202f}'))
        .collect();
    bill.line_numbers.iter().find(|n| {
        let folded = digits(n);
        let raw: String = n.chars().filter(char::is_ascii_digit).collect();
        !folded.is_empty() && (text.contains(&folded) || text.contains(&raw))
    })
}

/// What [`line_of`] names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LineName {
    /// A number as printed.
    Number(String),
    /// A box or a mobile whose bill prints no number.
    Service(Service),
}

/// For each bill, the plans (indexes) of its line ([`plans_for_lines`]): several for a
/// bill of several lines that each have theirs, none when no plan is surely its line's (it
/// gets no plan-based finding, and its page asks « quel forfait pour cette ligne ? »).
pub fn plans_of_each(bills: &[Bill], plans: &[Plan]) -> Vec<Vec<usize>> {
    let lines = lines(bills);
    let owners = plans_for_lines(&lines, plans);
    let mut of = vec![Vec::new(); bills.len()];
    for (line, owners) in lines.iter().zip(owners) {
        for &b in &line.bills {
            if let Some(p) = of.get_mut(b) {
                p.clone_from(&owners);
            }
        }
    }
    of
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    fn bill(operator: Option<Operator>, numbers: &[&str], subscription: &str) -> Bill {
        let mut b = Bill {
            operator,
            line_numbers: numbers.iter().map(|n| n.to_string()).collect(),
            ..Bill::default()
        };
        b.lines.push(BillLine {
            label: subscription.into(),
            amount: Decimal::new(2999, 2),
            section: String::new(),
            category: Category::Subscription,
            page: 1,
        });
        b
    }

    fn plan(operator: Option<&str>, number: Option<&str>, name: Option<&str>) -> Plan {
        Plan {
            operator: operator.map(str::to_string),
            line_number: number.map(str::to_string),
            name: name.map(str::to_string),
            ..Plan::with_price(Decimal::new(1999, 2))
        }
    }

    #[test]
    fn kinds_of_service_come_from_numbers_then_names() {
        use Service::*;
        let cases = [
            (bill(None, &["06 12 34 56 78"], "Forfait"), Some(Mobile)),
            (bill(None, &["09 51 23 45 67"], "Abonnement"), Some(Box)),
            (
                bill(Some(Operator::Orange), &[], "Livebox Fibre"),
                Some(Box),
            ),
            (
                bill(Some(Operator::Orange), &[], "Forfait 5G 100 Go"),
                Some(Mobile),
            ),
            (
                bill(Some(Operator::Sosh), &[], "Forfait 20Go"),
                Some(Mobile),
            ),
            (bill(Some(Operator::Orange), &[], "Abonnement"), None),
            (bill(Some(Operator::Free), &[], "Abonnement"), Some(Box)),
            (
                bill(None, &["06 12 34 56 78", "09 51 23 45 67"], "Open"),
                None,
            ),
        ];
        for (b, kind) in cases {
            assert_eq!(
                bill_service(&b),
                kind,
                "{:?} {:?}",
                b.line_numbers,
                b.lines[0].label
            );
        }
        assert_eq!(
            plan_service(&plan(Some("Free"), None, Some("Forfait Free 5G"))),
            Some(Mobile)
        );
        assert_eq!(plan_service(&plan(Some("Free"), None, None)), None);
        assert_eq!(
            plan_service(&plan(None, Some("07 61 98 76 54"), None)),
            Some(Mobile)
        );
    }

    /// The household: two Orange mobiles and a Livebox, and an SFR mobile.
    fn household() -> Vec<Bill> {
        vec![
            bill(
                Some(Operator::Orange),
                &["06 12 34 56 78"],
                "Forfait 5G 100 Go",
            ),
            bill(Some(Operator::Orange), &[], "Livebox Fibre"),
            bill(Some(Operator::Orange), &["07 61 98 76 54"], "Forfait 20 Go"),
            bill(Some(Operator::Sfr), &["06 23 45 67 89"], "Forfait SFR 5G"),
            bill(Some(Operator::Orange), &["0612345678"], "Forfait 5G 100 Go"),
            bill(Some(Operator::Orange), &[], "Livebox Fibre"),
        ]
    }

    #[test]
    fn a_household_is_its_lines() {
        let lines = lines(&household());
        let bills: Vec<&[usize]> = lines.iter().map(|l| &l.bills[..]).collect();
        assert_eq!(bills, vec![&[0, 4][..], &[1, 5], &[2], &[3]]);
        assert_eq!(lines[1].service, Some(Service::Box));
        assert!(lines[1].numbers.is_empty());
        assert_eq!(lines[3].operator, Some(Operator::Sfr));
    }

    #[test]
    fn a_plan_is_only_its_own_lines() {
        let bills = household();
        // One Orange mobile plan, its number given: the Livebox, the other mobile and the
        // SFR line get none.
        let mobile = plan(Some("Orange"), Some("06 12 34 56 78"), Some("Forfait 5G"));
        let owners = plans_for_lines(&lines(&bills), std::slice::from_ref(&mobile));
        assert_eq!(owners, vec![vec![0], vec![], vec![], vec![]]);
        // A box plan without a number is the Livebox's: the one box line.
        let livebox = plan(Some("Orange"), None, Some("Livebox Fibre"));
        let owners = plans_for_lines(&lines(&bills), &[mobile.clone(), livebox.clone()]);
        assert_eq!(owners, vec![vec![0], vec![1], vec![], vec![]]);
        // A plan with only a price fits every line: it is none's.
        let price = plan(None, None, None);
        let owners = plans_for_lines(&lines(&bills), std::slice::from_ref(&price));
        assert_eq!(owners, vec![Vec::<usize>::new(); 4]);
        // ... but with one line, it is that line's.
        let owners = plans_for_lines(&lines(&bills[..1]), std::slice::from_ref(&price));
        assert_eq!(owners, vec![vec![0]]);
        // An SFR plan without a number is the SFR line's, never an Orange line's.
        let sfr = plan(Some("SFR"), None, None);
        let owners = plans_for_lines(&lines(&bills), &[mobile, sfr]);
        assert_eq!(owners, vec![vec![0], vec![], vec![], vec![1]]);
        assert_eq!(
            plans_of_each(&bills, &[livebox]),
            vec![vec![], vec![0], vec![], vec![], vec![], vec![0]]
        );
    }

    #[test]
    fn a_finding_names_the_line_of_its_charge() {
        let mut two = bill(None, &["06 71 23 45 67", "07 61 98 76 54"], "Forfait");
        two.lines.push(BillLine {
            label: "Option Europe".into(),
            amount: Decimal::new(300, 2),
            section: "Ligne 07 61 98 76 54".into(),
            category: Category::Option,
            page: 1,
        });
        let number = |n: &str| Some(LineName::Number(n.into()));
        assert_eq!(line_of(&two, Some(1)), number("07 61 98 76 54"));
        assert_eq!(line_of(&two, Some(0)), number("06 71 23 45 67"));
        assert_eq!(line_of(&two, None), number("06 71 23 45 67"));
        let livebox = bill(Some(Operator::Orange), &[], "Livebox Fibre");
        assert_eq!(
            line_of(&livebox, Some(0)),
            Some(LineName::Service(Service::Box))
        );
        assert_eq!(line_of(&bill(None, &[], "Abonnement"), None), None);
    }

    #[test]
    fn a_plan_typed_for_the_company_fits_its_brand() {
        let bills = vec![bill(
            Some(Operator::Sosh),
            &["06 71 23 45 67"],
            "Forfait Sosh",
        )];
        let orange = plan(Some("Orange"), Some("06 71 23 45 67"), None);
        assert_eq!(plans_for_lines(&lines(&bills), &[orange]), vec![vec![0]]);
        let bouygues = plan(Some("Bouygues Telecom"), Some("06 71 23 45 67"), None);
        assert_eq!(
            plans_for_lines(&lines(&bills), &[bouygues]),
            vec![Vec::<usize>::new()]
        );
    }
}
