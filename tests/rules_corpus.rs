//! Runs every rule over the fixture corpus (the expected readings, so the reader's own
//! errors do not count here) with each bill's plan, the SFR series together as one line,
//! and compares with what a careful person flags (`NAME.truth.json`).
//!
//! Prints a table per bill and per rule, then asserts the aims of issue 4: at least 90 %
//! of the truth's lines flagged with a right rule (recall), at most 10 % of flagged lines
//! not in the truth (1 − precision). A "line" is a charge, a call-detail record, or the
//! bill as a whole for bill-level findings (`total_mismatch`).
// A test fails by panicking: the lints that keep panics out of the app stay out of here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::arithmetic_side_effects
)]
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use contestel::core::bill::Bill;
use contestel::core::finding::Severity;
use contestel::core::plan::Plan;
use contestel::core::rules::check;
use rust_decimal::Decimal;
use serde_json::Value;

fn bills_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bills")
}

fn read(name: &str, suffix: &str) -> String {
    let path = bills_dir().join(format!("{name}.{suffix}"));
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The bill names, grouped by line: the SFR series is one line over three months.
fn groups() -> Vec<Vec<String>> {
    let mut names: Vec<String> = fs::read_dir(bills_dir())
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().into_string().unwrap();
            name.strip_suffix(".expected.json").map(str::to_string)
        })
        .collect();
    names.sort();
    let mut groups: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for name in names {
        let key = if name.starts_with("sfr-mobile-") {
            "sfr-mobile".to_string()
        } else {
            name.clone()
        };
        groups.entry(key).or_default().push(name);
    }
    groups.into_values().collect()
}

/// Something flagged or to flag on one bill.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Item {
    Line(usize),
    Usage(usize),
    Bill(String),
}

impl std::fmt::Display for Item {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Item::Line(i) => write!(f, "L{i}"),
            Item::Usage(i) => write!(f, "U{i}"),
            Item::Bill(rule) => write!(f, "B:{rule}"),
        }
    }
}

fn truth(name: &str) -> BTreeMap<Item, String> {
    let value: Value = serde_json::from_str(&read(name, "truth.json")).unwrap();
    let mut items = BTreeMap::new();
    let index = |v: &Value| v["index"].as_u64().unwrap() as usize;
    let rule = |v: &Value| v["rule"].as_str().unwrap().to_string();
    for c in value["charges"].as_array().into_iter().flatten() {
        items.insert(Item::Line(index(c)), rule(c));
    }
    for u in value["usage"].as_array().into_iter().flatten() {
        items.insert(Item::Usage(index(u)), rule(u));
    }
    for b in value["bill"].as_array().into_iter().flatten() {
        items.insert(Item::Bill(rule(b)), rule(b));
    }
    items
}

#[derive(Default)]
struct Counts {
    truth: usize,
    hit: usize,
    flagged: usize,
    wrong: usize,
}

#[test]
fn the_rules_find_what_a_careful_person_flags() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    let mut total = Counts::default();
    let mut strict = Counts::default();
    let mut per_rule: BTreeMap<String, Counts> = BTreeMap::new();
    let mut problems = Vec::new();
    println!(
        "\n{:<28} {:>5} {:>4} {:>7} {:>5} {:>10}  missed / not in truth",
        "bill", "truth", "hit", "flagged", "wrong", "at stake"
    );
    for group in groups() {
        let bills: Vec<Bill> = group
            .iter()
            .map(|n| serde_json::from_str(&read(n, "expected.json")).unwrap())
            .collect();
        let plan = Plan::from_json(&read(&group[0], "plan.json"))
            .unwrap_or_else(|e| panic!("{}.plan.json: {e}", group[0]));
        let report = check(&bills, Some(&plan), today);
        for (b, name) in group.iter().enumerate() {
            let truth = truth(name);
            // Every item flagged on this bill, with the rules that flagged it.
            let mut flagged: BTreeMap<Item, BTreeSet<String>> = BTreeMap::new();
            let mut flagged_strict: BTreeSet<Item> = BTreeSet::new();
            for f in report.findings.iter().filter(|f| f.bill == b) {
                let rule = f.rule.id().to_string();
                let mut items: Vec<Item> = f.lines.iter().map(|&i| Item::Line(i)).collect();
                items.extend(f.usage.iter().map(|&i| Item::Usage(i)));
                if items.is_empty() {
                    items.push(Item::Bill(rule.clone()));
                }
                for item in items {
                    if f.severity != Severity::Info {
                        flagged_strict.insert(item.clone());
                    }
                    flagged.entry(item).or_default().insert(rule.clone());
                }
            }
            let mut counts = Counts {
                truth: truth.len(),
                flagged: flagged.len(),
                ..Counts::default()
            };
            let mut notes = Vec::new();
            for (item, rule) in &truth {
                let stats = per_rule.entry(rule.clone()).or_default();
                stats.truth += 1;
                if flagged.get(item).is_some_and(|rules| rules.contains(rule)) {
                    counts.hit += 1;
                    stats.hit += 1;
                } else {
                    notes.push(format!(
                        "missed {item} ({rule}, got {:?})",
                        flagged.get(item).cloned().unwrap_or_default()
                    ));
                }
            }
            for (item, rules) in &flagged {
                for rule in rules {
                    per_rule.entry(rule.clone()).or_default().flagged += 1;
                    if truth.get(item) != Some(rule) && !truth.contains_key(item) {
                        per_rule.entry(rule.clone()).or_default().wrong += 1;
                    }
                }
                if !truth.contains_key(item) {
                    counts.wrong += 1;
                    notes.push(format!("not in truth {item} {rules:?}"));
                }
            }
            strict.flagged += flagged_strict.len();
            strict.wrong += flagged_strict
                .iter()
                .filter(|i| !truth.contains_key(i))
                .count();
            println!(
                "{:<28} {:>5} {:>4} {:>7} {:>5} {:>10}  {}",
                name,
                counts.truth,
                counts.hit,
                counts.flagged,
                counts.wrong,
                report.at_stake[b].round_dp(2),
                notes.join("; ")
            );
            if !notes.is_empty() {
                problems.push(format!("{name}: {}", notes.join("; ")));
            }
            total.truth += counts.truth;
            total.hit += counts.hit;
            total.flagged += counts.flagged;
            total.wrong += counts.wrong;
        }
        // What is at stake on a bill is a part of what it asks: never negative, never
        // more than its amount due or the sum of its charges, and the total is their sum.
        for (b, bill) in bills.iter().enumerate() {
            let billed: Decimal = bill.lines.iter().map(|l| l.amount.max(Decimal::ZERO)).sum();
            let ceiling = bill.total.unwrap_or_default().max(billed);
            assert!(
                report.at_stake[b] >= Decimal::ZERO && report.at_stake[b] <= ceiling,
                "{}: {} at stake on a bill of {ceiling}",
                group[b],
                report.at_stake[b]
            );
        }
        assert_eq!(
            report.total_at_stake,
            report.at_stake.iter().copied().sum::<Decimal>()
        );
    }
    let recall = total.hit as f64 / total.truth.max(1) as f64;
    let precision = 1.0 - total.wrong as f64 / total.flagged.max(1) as f64;
    let strict_precision = 1.0 - strict.wrong as f64 / strict.flagged.max(1) as f64;
    println!(
        "\n{:<26} {:>5} {:>4} {:>7} {:>5} {:>7}",
        "rule", "truth", "hit", "flagged", "wrong", "recall"
    );
    for (rule, c) in &per_rule {
        let recall = if c.truth == 0 {
            "-".to_string()
        } else {
            format!("{:.0} %", 100.0 * c.hit as f64 / c.truth as f64)
        };
        println!(
            "{rule:<26} {:>5} {:>4} {:>7} {:>5} {:>7}",
            c.truth, c.hit, c.flagged, c.wrong, recall
        );
    }
    println!(
        "\nrecall {:.1} % ({}/{}), precision {:.1} % ({} of {} flagged not in truth; alerts and warnings only: {:.1} %)",
        100.0 * recall,
        total.hit,
        total.truth,
        100.0 * precision,
        total.wrong,
        total.flagged,
        100.0 * strict_precision
    );
    assert!(recall >= 0.9, "recall {recall:.3}: {problems:#?}");
    assert!(precision >= 0.9, "precision {precision:.3}: {problems:#?}");
}

#[test]
fn every_fixture_plan_reads_and_the_clean_bill_has_no_alert() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    for group in groups() {
        for name in &group {
            Plan::from_json(&read(name, "plan.json")).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }
    // The August SFR bill alone is clean: nothing to contest on it.
    let bill: Bill = serde_json::from_str(&read("sfr-mobile-2026-08", "expected.json")).unwrap();
    let plan = Plan::from_json(&read("sfr-mobile-2026-08", "plan.json")).unwrap();
    let report = check(&[bill], Some(&plan), today);
    assert!(
        report.findings.iter().all(|f| f.severity == Severity::Info),
        "{:#?}",
        report.findings
    );
}

#[test]
fn the_series_gives_the_same_findings_in_any_order() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    let names = [
        "sfr-mobile-2026-08",
        "sfr-mobile-2026-09",
        "sfr-mobile-2026-10",
    ];
    let plan = Plan::from_json(&read(names[0], "plan.json")).unwrap();
    let findings = |order: &[usize]| {
        let bills: Vec<Bill> = order
            .iter()
            .map(|&i| serde_json::from_str(&read(names[i], "expected.json")).unwrap())
            .collect();
        let report = check(&bills, Some(&plan), today);
        let mut seen: Vec<(String, String, Vec<usize>, Decimal)> = report
            .findings
            .iter()
            .map(|f| {
                (
                    bills[f.bill].source.clone(),
                    f.rule.id().to_string(),
                    f.lines.clone(),
                    f.amount,
                )
            })
            .collect();
        seen.sort();
        (seen, report.total_at_stake)
    };
    let sorted = findings(&[0, 1, 2]);
    for order in [[2, 1, 0], [1, 2, 0], [2, 0, 1]] {
        assert_eq!(findings(&order), sorted, "{order:?}");
    }
}

#[test]
fn without_a_plan_the_rules_that_need_one_stay_silent_and_the_others_run() {
    use contestel::core::finding::RuleId;
    let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    let mut found = BTreeSet::new();
    for group in groups() {
        let bills: Vec<Bill> = group
            .iter()
            .map(|n| serde_json::from_str(&read(n, "expected.json")).unwrap())
            .collect();
        let report = check(&bills, None, today);
        for f in &report.findings {
            assert!(
                !matches!(
                    f.rule,
                    RuleId::UnrequestedOption
                        | RuleId::PriceAbovePlan
                        | RuleId::BilledAfterTermination
                ),
                "{group:?}: {f:?}"
            );
            found.insert(f.rule);
        }
    }
    for rule in [
        RuleId::PremiumNumber,
        RuleId::ThirdParty,
        RuleId::OutOfPlan,
        RuleId::Roaming,
        RuleId::PriceIncrease,
        RuleId::Duplicate,
        RuleId::OneOffFee,
        RuleId::TotalMismatch,
    ] {
        assert!(found.contains(&rule), "{rule:?} did not run without a plan");
    }
}
