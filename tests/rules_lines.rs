//! Bills of several lines, each checked against its own plan (`rules::check_lines`).

// A test fails by panicking: the lints that keep panics out of the app stay out of here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::arithmetic_side_effects
)]
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use contestel::core::bill::Bill;
use contestel::core::finding::RuleId;
use contestel::core::plan::Plan;
use contestel::core::rules::{check, check_lines};

fn bill(name: &str) -> Bill {
    let path = format!(
        "{}/tests/fixtures/bills/{name}.expected.json",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn plan(name: &str) -> Plan {
    let path = format!(
        "{}/tests/fixtures/bills/{name}.plan.json",
        env!("CARGO_MANIFEST_DIR")
    );
    Plan::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

fn keys(findings: &[contestel::core::finding::Finding]) -> Vec<(RuleId, usize, Vec<usize>)> {
    let mut keys: Vec<_> = findings
        .iter()
        .map(|f| (f.rule, f.bill, f.lines.clone()))
        .collect();
    keys.sort();
    keys
}

#[test]
fn two_lines_on_one_bill_each_get_their_own_plan_and_nothing_counts_twice() {
    let sosh = bill("sosh-two-lines-2026-10");
    let first = plan("sosh-two-lines-2026-10");
    // The second line's contract: 7,99 € a month, where the bill charges 9,99 €.
    let mut second = first.clone();
    second.line_number = Some("07 61 98 76 54".into());
    second.name = Some("Forfait Sosh 20 Go".into());
    second.monthly_price = "7.99".parse().unwrap();

    let alone = check(std::slice::from_ref(&sosh), Some(&first), today());
    let both = check_lines(
        std::slice::from_ref(&sosh),
        &[first.clone(), second],
        today(),
    );
    let found = keys(&both.findings);
    // What the first plan found is still found, once.
    for key in keys(&alone.findings) {
        assert_eq!(
            found.iter().filter(|k| **k == key).count(),
            1,
            "{key:?} in {found:?}"
        );
    }
    // The second line's subscription (billed on lines 2 and 3, the second a duplicate) is
    // now checked against its own price.
    assert!(
        found
            .iter()
            .any(|(rule, _, lines)| *rule == RuleId::PriceAbovePlan
                && lines.iter().any(|l| *l == 2 || *l == 3)),
        "{found:?}"
    );
    // The first line's subscription is at its contract price: not flagged.
    assert!(
        !found
            .iter()
            .any(|(rule, _, lines)| *rule == RuleId::PriceAbovePlan && lines.contains(&0)),
        "{found:?}"
    );
    // Line 3 is already at stake as a duplicate: its price is not counted a second time.
    assert_eq!(both.total_at_stake, alone.total_at_stake);
}

#[test]
fn bills_of_different_lines_are_checked_as_if_apart() {
    let bills = vec![bill("sample-orange-mobile"), bill("free-box-2026-10")];
    let plans = vec![plan("sample-orange-mobile"), plan("free-box-2026-10")];
    let together = check_lines(&bills, &plans, today());
    for (i, (b, p)) in bills.iter().zip(&plans).enumerate() {
        let apart = check(std::slice::from_ref(b), Some(p), today());
        let mine: Vec<_> = keys(&together.findings)
            .into_iter()
            .filter(|k| k.1 == i)
            .map(|(r, _, l)| (r, 0, l))
            .collect();
        assert_eq!(mine, keys(&apart.findings), "bill {i}");
        assert_eq!(together.at_stake[i], apart.total_at_stake, "bill {i}");
    }
}

#[test]
fn one_plan_is_the_plain_check() {
    let bills = vec![bill("sample-orange-mobile")];
    let plans = vec![plan("sample-orange-mobile")];
    assert_eq!(
        check_lines(&bills, &plans, today()),
        check(&bills, plans.first(), today())
    );
}

/// The household of issue 32: an Orange mobile with its plan, a Livebox and a second Orange
/// mobile without one, and an SFR mobile. Only the mobile the plan names is checked against
/// it: the Livebox (which prints no mobile number) was checked against the mobile plan and
/// « 32,99 € facturés au lieu de 24,99 € » stood on a bill that adds up. Every other bill
/// gets what it gets with no plan, as if alone: no plan-based finding, no period
/// « déjà facturée » by another line's bill.
#[test]
fn each_bill_of_a_household_gets_only_its_own_lines_findings() {
    let mobile = bill("sample-orange-mobile");
    let mut livebox = bill("free-box-2026-10");
    livebox.operator = Some(contestel::core::bill::Operator::Orange);
    livebox.line_numbers.clear();
    livebox.source = "orange-livebox.pdf".into();
    for line in &mut livebox.lines {
        line.label = line.label.replace("Freebox Pop", "Livebox Fibre");
    }
    let mut second = bill("red-mobile-2026-10");
    second.operator = Some(contestel::core::bill::Operator::Orange);
    let sfr = bill("sfr-mobile-2026-10");
    let bills = vec![mobile, livebox, second, sfr];
    let plans = vec![plan("sample-orange-mobile")];

    let household = check_lines(&bills, &plans, today());
    for (i, b) in bills.iter().enumerate() {
        let alone = check(
            std::slice::from_ref(b),
            (i == 0).then(|| &plans[0]),
            today(),
        );
        let mine: Vec<_> = keys(&household.findings)
            .into_iter()
            .filter(|k| k.1 == i)
            .map(|(r, _, l)| (r, 0, l))
            .collect();
        assert_eq!(mine, keys(&alone.findings), "bill {i}");
        assert_eq!(household.at_stake[i], alone.total_at_stake, "bill {i}");
    }
    // What the mobile plan would have said of the Livebox.
    let wrongly = check(&bills[1..2], Some(&plans[0]), today());
    assert!(
        wrongly
            .findings
            .iter()
            .any(|f| f.rule == RuleId::PriceAbovePlan),
        "the case no longer shows what it guards against"
    );
}
