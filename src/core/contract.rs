//! What a bill says about the contract behind it, and how a plan learns from what the
//! person confirms.
//!
//! Bills print more of the contract than their charges: "Fin d'engagement : 09/10/2019",
//! "Vous êtes engagé jusqu'au …", the plan's name with its data ("Forfait B&You 60Go"),
//! the allowances a usage row is counted against ("dans le cadre de vos Appels illimités",
//! "SMS/MMS illimités", "depuis/vers l'Europe"). [`suggest`] reads them into a plan for the
//! person to confirm, and says which fields it read; nothing is saved until they do.
//! [`plan_among`] finds the plan a charge is checked against (as `rules::check_lines` does), so
//! that "this option is in my contract" lands in the right plan. Pure.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::bill::{Bill, BillLine, Category};
use super::dates::dates_in;
use super::layout::TextPage;
use super::phone;
use super::plan::{Allowance, Plan, PlanOption};
use super::vocab::{fold, fold_words, has_any};

/// A field of the plan form, to say which ones were read from a bill.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PlanField {
    /// The operator.
    Operator,
    /// The plan's name.
    Name,
    /// The line number.
    Line,
    /// The monthly price.
    Price,
    /// The options.
    Options,
    /// The start of the contract.
    Start,
    /// The end of the commitment.
    CommitmentEnd,
    /// Data included.
    Data,
    /// Calls included.
    Calls,
    /// SMS included.
    Sms,
    /// Use in the EU included.
    RoamingEu,
    /// Calls abroad included.
    International,
}

/// A plan read from a bill, and the fields it read: the person confirms it.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    /// The plan, without options.
    pub plan: Plan,
    /// The fields filled from the bill.
    pub read: Vec<PlanField>,
    /// The options the bill charges, for the person to tick those of the contract: never
    /// put in the plan unasked, since an option billed without being asked for is what
    /// the plan is there to catch.
    pub billed_options: Vec<PlanOption>,
}

/// The date printed after one of `marks` on the same row (`"engage jusqu'au"` in
/// `"Vous êtes engagé jusqu'au 09/10/2019"`), first found.
fn date_after(texts: &[String], marks: &[&str]) -> Option<NaiveDate> {
    texts.iter().find_map(|text| {
        // `fold` keeps one character per character: an offset in the folded text is one
        // in the text.
        let folded = fold(text);
        let at = marks.iter().find_map(|m| folded.find(m))?;
        let prefix: String = text.chars().take(folded[..at].chars().count()).collect();
        let before = dates_in(&prefix).len();
        dates_in(text).into_iter().nth(before)
    })
}

/// The number of GB in a plan's name: `60Go`, `130 Go`, `100 GO` (not `5G`, the network).
fn data_in(name: &str) -> Option<Decimal> {
    let words = fold_words(name);
    let tokens: Vec<&str> = words.split(' ').collect();
    tokens.iter().enumerate().find_map(|(i, t)| {
        let number = t
            .strip_suffix("go")
            .filter(|n| !n.is_empty())
            .or_else(|| (tokens.get(i + 1) == Some(&"go")).then_some(*t))?;
        number
            .chars()
            .all(|c| c.is_ascii_digit())
            .then(|| number.parse().ok())
            .flatten()
    })
}

/// A plan for the person to confirm, from a bill and (when kept) its pages: what
/// `Plan::suggest_from_bill` reads from the charges, plus the commitment, the start and
/// the allowances the bill prints.
pub fn suggest(bill: &Bill, pages: &[TextPage]) -> Suggestion {
    let mut plan = Plan::suggest_from_bill(bill);
    let billed_options = std::mem::take(&mut plan.options);
    let mut read = Vec::new();
    let mut mark = |field, present: bool| {
        if present {
            read.push(field);
        }
    };
    mark(PlanField::Operator, plan.operator.is_some());
    mark(PlanField::Name, plan.name.is_some());
    mark(PlanField::Line, plan.line_number.is_some());
    mark(PlanField::Price, !plan.monthly_price.is_zero());
    mark(PlanField::Options, !billed_options.is_empty());

    let mut texts: Vec<String> = pages
        .iter()
        .flat_map(|p| p.rows.iter().map(|r| r.text()))
        .collect();
    texts.extend(bill.lines.iter().map(|l| l.label.clone()));

    plan.commitment_end = date_after(
        &texts,
        &[
            "engage jusqu'au",
            "engagement jusqu'au",
            "fin d'engagement",
            "fin de votre engagement",
            "fin de periode d'engagement",
        ],
    );
    mark(PlanField::CommitmentEnd, plan.commitment_end.is_some());
    plan.start = date_after(
        &texts,
        &[
            "date de debut de contrat",
            "debut de contrat",
            "date de souscription",
            "date d'activation",
            "client depuis le",
            "abonne depuis le",
        ],
    );
    mark(PlanField::Start, plan.start.is_some());

    if let Some(gb) = plan.name.as_deref().and_then(data_in) {
        plan.allowances.data_gb = Some(Allowance::Limited(gb));
        mark(PlanField::Data, true);
    }
    let folded: Vec<String> = texts.iter().map(|t| fold_words(t)).collect();
    let says = |all: &[&str], any: &[&str]| {
        folded
            .iter()
            .any(|t| all.iter().all(|w| t.contains(w)) && has_any(t, any))
    };
    let unlimited = ["illimite", "illimites", "illimitee", "illimitees"];
    let europe = ["europe", "l'ue", "union europeenne", " ue "];
    if says(&["appels"], &unlimited) {
        plan.allowances.calls = Some(Allowance::Unlimited);
        mark(PlanField::Calls, true);
    }
    if says(&["sms"], &unlimited) {
        plan.allowances.sms = Some(Allowance::Unlimited);
        mark(PlanField::Sms, true);
    }
    if folded
        .iter()
        .any(|t| has_any(t, &unlimited) && has_any(t, &europe) && has_any(t, &["depuis"]))
    {
        plan.allowances.roaming_eu = Some(true);
        mark(PlanField::RoamingEu, true);
    }
    if says(&["international"], &unlimited) {
        plan.allowances.international = Some(true);
        mark(PlanField::International, true);
    }
    Suggestion {
        plan,
        read,
        billed_options,
    }
}

/// The plan (its index) a charge of a bill is checked against: of the plans of the bill's
/// line (`owners`, as [`super::household::plans_of_each`] gives them, the plans
/// `rules::check_lines` checks the line with), the one naming the number the charge is
/// printed under, else the first. None when the line has none.
pub fn plan_among(
    plans: &[Plan],
    owners: &[usize],
    bill: &Bill,
    line: Option<&BillLine>,
) -> Option<usize> {
    let under = line.and_then(|l| super::household::number_under(bill, l));
    under
        .and_then(|n| {
            owners.iter().copied().find(|&p| {
                plans
                    .get(p)
                    .and_then(|plan| plan.line_number.as_deref())
                    .is_some_and(|mine| phone::same(mine, n))
            })
        })
        .or_else(|| owners.first().copied())
}

/// The plan with a charge of a bill added to its options ("this option is in my
/// contract"): named as on the bill without its period, at the price billed. A charge the
/// plan already lists (by name and price) leaves it as it is.
pub fn with_option(plan: &Plan, line: &BillLine) -> Plan {
    let name = super::vocab::items::item_name(&line.label);
    let listed = plan
        .options
        .iter()
        .any(|o| super::vocab::items::same_item(&o.name, &line.label) && o.price == line.amount);
    let mut next = plan.clone();
    if !listed && line.amount > Decimal::ZERO {
        next.options.push(PlanOption {
            name,
            price: line.amount,
        });
    }
    next
}

/// Whether a charge can be an option of the contract: charged, and not usage or a fee.
pub fn can_be_option(line: &BillLine) -> bool {
    line.amount > Decimal::ZERO
        && matches!(
            line.category,
            Category::Option | Category::Subscription | Category::Other | Category::ThirdParty
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::bill::Operator;
    use crate::core::provenance::tests::{line, page, row};

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// What the B&You bill prints about its contract, and a sentence of another bill.
    fn pages(commitment: &str) -> Vec<TextPage> {
        vec![
            page(
                1,
                vec![
                    row(158.0, &[(31.0, "Remise à Zéro"), (120.0, ": 01/12/2019")]),
                    row(170.7, &[(31.0, "Fin d’engagement"), (120.0, commitment)]),
                ],
            ),
            page(
                3,
                vec![
                    row(259.8, &[(50.0, "(04:59:42) dans le cadre de vos Appels illimités 24h/24")]),
                    row(272.5, &[(50.0, "(00:02:05) dans le cadre de vos Appels illimités depuis/vers l’Europe et les DOM")]),
                    row(285.2, &[(50.0, "(173 unités) dans le cadre de vos SMS/MMS illimités 24h/24")]),
                    row(300.0, &[(50.0, "Client depuis le 10/10/2017")]),
                ],
            ),
        ]
    }

    fn bill() -> Bill {
        Bill {
            operator: Some(Operator::BAndYou),
            lines: vec![line("Forfait B&You 60Go", "12.99", 3)],
            ..Bill::default()
        }
    }

    #[test]
    fn a_plan_is_read_from_what_the_bill_prints() {
        let s = suggest(&bill(), &pages(": 09/10/2019"));
        assert_eq!(s.plan.name.as_deref(), Some("Forfait B&You 60Go"));
        assert_eq!(s.plan.monthly_price, d("12.99"));
        assert_eq!(s.plan.commitment_end, Some(date("2019-10-09")));
        assert_eq!(s.plan.start, Some(date("2017-10-10")));
        assert_eq!(s.plan.allowances.data_gb, Some(Allowance::Limited(d("60"))));
        assert_eq!(s.plan.allowances.calls, Some(Allowance::Unlimited));
        assert_eq!(s.plan.allowances.sms, Some(Allowance::Unlimited));
        assert_eq!(s.plan.allowances.roaming_eu, Some(true));
        assert_eq!(s.plan.allowances.international, None);
        assert_eq!(
            s.read,
            vec![
                PlanField::Operator,
                PlanField::Name,
                PlanField::Price,
                PlanField::CommitmentEnd,
                PlanField::Start,
                PlanField::Data,
                PlanField::Calls,
                PlanField::Sms,
                PlanField::RoamingEu,
            ]
        );
        assert!(s.plan.validate().is_ok());
        // "Date échue": the commitment is over, but no date is printed.
        let s = suggest(&bill(), &pages(": Date échue"));
        assert_eq!(s.plan.commitment_end, None);
        assert!(!s.read.contains(&PlanField::CommitmentEnd));
        // An option billed is offered, never put in the plan unasked.
        let mut billed = bill();
        let mut option = line("Option Sécurité Mobile", "3.00", 3);
        option.category = Category::Option;
        billed.lines.push(option);
        let s = suggest(&billed, &[]);
        assert!(s.plan.options.is_empty());
        assert_eq!(
            s.billed_options,
            vec![PlanOption {
                name: "Option Sécurité Mobile".into(),
                price: d("3.00")
            }]
        );
        // Without the pages, what the charges say.
        let s = suggest(&bill(), &[]);
        assert_eq!(s.plan.allowances.calls, None);
        assert_eq!(s.plan.allowances.data_gb, Some(Allowance::Limited(d("60"))));
    }

    #[test]
    fn commitment_sentences_in_their_wordings() {
        let cases = [
            ("Vous êtes engagé jusqu'au 09/10/2019.", Some("2019-10-09")),
            ("Date de fin d'engagement : 01.03.2026", Some("2026-03-01")),
            ("Fin de votre engagement le 14/02/25", Some("2025-02-14")),
            // The date before the mark is not the commitment's.
            (
                "Facture du 02/11/2019 – engagé jusqu'au 09/10/2020",
                Some("2020-10-09"),
            ),
            ("Sans engagement", None),
        ];
        for (text, expected) in cases {
            let p = vec![page(1, vec![row(10.0, &[(10.0, text)])])];
            let s = suggest(&Bill::default(), &p);
            assert_eq!(s.plan.commitment_end, expected.map(date), "{text}");
        }
        assert_eq!(data_in("Forfait Sensation 5G 130 Go"), Some(d("130")));
        assert_eq!(data_in("Forfait 5G"), None);
        assert_eq!(data_in("Série Free 210GO"), Some(d("210")));
    }

    /// The plan a charge of `bills[bill]` is checked against, among the household's bills.
    fn plan_for(
        plans: &[Plan],
        bills: &[Bill],
        bill: usize,
        line: Option<&BillLine>,
    ) -> Option<usize> {
        let owners = crate::core::household::plans_of_each(bills, plans);
        plan_among(plans, owners.get(bill)?, bills.get(bill)?, line)
    }

    #[test]
    fn an_option_confirmed_goes_to_the_plan_of_its_line() {
        let plan = |number: Option<&str>| Plan {
            line_number: number.map(Into::into),
            ..Plan::with_price(d("10"))
        };
        let mut b = bill();
        b.line_numbers = vec!["06 71 23 45 67".into(), "07 61 98 76 54".into()];
        let mut option = line("Option Europe du 01/10 au 31/10", "3.00", 2);
        option.category = Category::Option;
        option.section = "Ligne 07 61 98 76 54".into();
        let plans = [
            plan(Some("06 71 23 45 67")),
            plan(Some("0761987654")),
            plan(None),
        ];
        let one = std::slice::from_ref(&b);
        assert_eq!(plan_for(&plans, one, 0, Some(&option)), Some(1));
        assert_eq!(plan_for(&plans, one, 0, None), Some(0));
        assert_eq!(plan_for(&plans[..1], one, 0, Some(&option)), Some(0));
        assert_eq!(plan_for(&[], one, 0, None), None);
        // A bill of another line, beside the first: the plan for no line is its own.
        let other = Bill {
            line_numbers: vec!["06 99 88 77 66".into()],
            ..Bill::default()
        };
        let both = [b.clone(), other.clone()];
        assert_eq!(
            plan_for(&plans, &both, 1, None),
            Some(2),
            "the plan for no line"
        );
        assert_eq!(
            plan_for(
                &[plan(None), plan(None)],
                std::slice::from_ref(&other),
                0,
                None
            ),
            None
        );
        // A box plan is never a mobile bill's.
        let mut boxed = plan(None);
        boxed.name = Some("Livebox Fibre".into());
        assert_eq!(
            plan_for(&[boxed], std::slice::from_ref(&other), 0, None),
            None
        );

        let added = with_option(&plans[1], &option);
        assert_eq!(
            added.options,
            vec![PlanOption {
                name: "Option Europe".into(),
                price: d("3.00")
            }]
        );
        assert_eq!(with_option(&added, &option), added, "not twice");
        // And the rule no longer flags it.
        let mut checked = b.clone();
        checked.lines = vec![option.clone()];
        let today = date("2026-11-30");
        let before =
            crate::core::rules::check(std::slice::from_ref(&checked), Some(&plans[1]), today);
        assert!(before
            .findings
            .iter()
            .any(|f| f.rule == crate::core::finding::RuleId::UnrequestedOption));
        let after = crate::core::rules::check(std::slice::from_ref(&checked), Some(&added), today);
        assert!(!after
            .findings
            .iter()
            .any(|f| f.rule == crate::core::finding::RuleId::UnrequestedOption));
        assert!(can_be_option(&option));
    }
}
