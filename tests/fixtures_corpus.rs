//! Checks the fixture corpus itself, not the reader: every expected reading is a valid
//! `Bill` that adds up, every flagged index points at a real line, every bad input has a
//! known error kind. A broken fixture would otherwise show up as a reader bug.
//!
//! The corpus is made by `tests/fixtures/gen/generate.sh`; fix the generator, not the JSON.
// A test fails by panicking: the lints that keep panics out of the app stay out of here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::arithmetic_side_effects
)]
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use contestel::core::bill::{Bill, BillWarning};
use contestel::core::error::ReadErrorKind;
use rust_decimal::Decimal;
use serde_json::Value;

const RULES: &[&str] = &[
    "premium_number",
    "third_party",
    "out_of_plan",
    "roaming",
    "unrequested_option",
    "price_above_plan",
    "price_increase",
    "duplicate",
    "one_off_fee",
    "total_mismatch",
];

fn dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn bill_names() -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir("bills"))
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().into_string().unwrap();
            name.strip_suffix(".pdf").map(str::to_string)
        })
        .collect();
    names.sort();
    names
}

fn json(path: &Path) -> Value {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn expected(name: &str) -> (Value, Bill) {
    let path = dir("bills").join(format!("{name}.expected.json"));
    let value = json(&path);
    let bill: Bill = serde_json::from_value(value.clone())
        .unwrap_or_else(|e| panic!("{name}.expected.json is not a Bill: {e}"));
    (value, bill)
}

fn dec(v: &Value) -> Decimal {
    v.as_str().unwrap().parse().unwrap()
}

#[test]
fn the_corpus_has_the_bills_the_readers_rely_on() {
    let names = bill_names();
    assert!(names.len() >= 8, "only {} bills", names.len());
    assert!(names.iter().any(|n| n == "sample-orange-mobile"));
    for name in &names {
        for ext in ["expected.json", "truth.json", "plan.json"] {
            let path = dir("bills").join(format!("{name}.{ext}"));
            assert!(path.exists(), "{} is missing", path.display());
        }
    }
}

#[test]
fn expected_readings_are_exact_bills() {
    for name in bill_names() {
        let (value, bill) = expected(&name);
        // Round trip: no field the model does not know, no amount written two ways.
        assert_eq!(
            serde_json::to_value(&bill).unwrap(),
            value,
            "{name}: not in the model's own form"
        );
        assert_eq!(bill.source, format!("{name}.pdf"));
        assert!(bill.pages >= 1);
        assert!(!bill.lines.is_empty(), "{name}: no charges");
        for line in &bill.lines {
            assert!(
                line.page >= 1 && line.page <= bill.pages,
                "{name}: {line:?}"
            );
            assert!(!line.label.trim().is_empty() && !line.section.trim().is_empty());
            assert_eq!(
                line.amount.scale(),
                2,
                "{name}: {} has no cents",
                line.label
            );
        }
        for u in &bill.usage {
            assert!(u.page >= 1 && u.page <= bill.pages, "{name}: {u:?}");
            assert!(u.duration_s.is_some() || u.volume.is_some() || u.kind.contains("SMS"));
            if u.included {
                assert!(
                    u.amount.is_zero(),
                    "{name}: an included record costs {}",
                    u.amount
                );
            }
        }
        if bill.operator.is_none() {
            assert!(
                bill.warnings.contains(&BillWarning::UnknownOperator),
                "{name}"
            );
        }
    }
}

#[test]
fn charges_add_up_to_the_total_or_say_they_do_not() {
    for name in bill_names() {
        let (_, bill) = expected(&name);
        let total = bill.total.expect("every fixture prints a total");
        let sum: Decimal = bill.lines.iter().map(|l| l.amount).sum();
        let mismatch = bill.warnings.iter().find_map(|w| match w {
            BillWarning::TotalMismatch { printed, computed } => Some((*printed, *computed)),
            _ => None,
        });
        match mismatch {
            None => assert_eq!(
                sum, total,
                "{name}: lines add up to {sum}, total is {total}"
            ),
            Some((printed, computed)) => {
                assert_ne!(
                    sum, total,
                    "{name}: a mismatch warning on a bill that adds up"
                );
                assert_eq!((printed, computed), (total, sum), "{name}");
            }
        }
        if let Some(ht) = bill.total_ht {
            let bases: Decimal = bill.vat.iter().filter_map(|v| v.base).sum();
            let vat: Decimal = bill.vat.iter().map(|v| v.amount).sum();
            assert_eq!(bases, ht, "{name}: VAT bases vs total HT");
            assert_eq!(ht + vat, total, "{name}: HT + VAT vs total");
        }
    }
}

#[test]
fn truth_points_at_real_lines_with_known_rules() {
    for name in bill_names() {
        let (_, bill) = expected(&name);
        let truth = json(&dir("bills").join(format!("{name}.truth.json")));
        assert_eq!(truth["source"], format!("{name}.pdf"));
        for (key, len) in [("charges", bill.lines.len()), ("usage", bill.usage.len())] {
            let mut seen = BTreeSet::new();
            for flag in truth[key].as_array().unwrap() {
                let i = flag["index"].as_u64().unwrap() as usize;
                assert!(i < len, "{name}: {key}[{i}] out of {len}");
                assert!(seen.insert(i), "{name}: {key}[{i}] flagged twice");
                let rule = flag["rule"].as_str().unwrap();
                assert!(RULES.contains(&rule), "{name}: unknown rule {rule}");
                let (label, amount) = if key == "charges" {
                    (bill.lines[i].label.clone(), bill.lines[i].amount)
                } else {
                    (bill.usage[i].destination.clone(), bill.usage[i].amount)
                };
                assert_eq!(dec(&flag["amount"]), amount, "{name}: {key}[{i}]");
                let printed = flag.get("label").or(flag.get("destination")).unwrap();
                assert_eq!(
                    printed.as_str().unwrap().replace(' ', ""),
                    label.replace(' ', "")
                );
            }
        }
        let mismatch = bill
            .warnings
            .iter()
            .any(|w| matches!(w, BillWarning::TotalMismatch { .. }));
        let flagged = truth
            .get("bill")
            .and_then(Value::as_array)
            .is_some_and(|b| b.iter().any(|f| f["rule"] == "total_mismatch"));
        assert_eq!(
            mismatch, flagged,
            "{name}: total_mismatch in truth vs warnings"
        );
    }
}

#[test]
fn plans_have_a_monthly_price() {
    for name in bill_names() {
        let plan = json(&dir("bills").join(format!("{name}.plan.json")));
        let price = dec(&plan["monthly_price"]);
        assert!(price > Decimal::ZERO, "{name}");
    }
}

#[test]
fn every_bad_input_is_small_and_has_a_known_error_kind() {
    let readme = fs::read_to_string(dir("bad").join("README.md")).unwrap();
    let mut listed = BTreeSet::new();
    for row in readme.lines().filter(|l| l.starts_with("| `")) {
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        let file = cells[1].trim_matches('`');
        let kind = cells[4].trim_matches('`');
        let parsed: ReadErrorKind = serde_json::from_value(serde_json::json!({ "kind": kind }))
            .unwrap_or_else(|e| panic!("{file}: {kind} is not an error kind: {e}"));
        assert_ne!(parsed, ReadErrorKind::Crashed);
        listed.insert(file.to_string());
    }
    for entry in fs::read_dir(dir("bad")).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().into_string().unwrap();
        if name == "README.md" {
            continue;
        }
        assert!(listed.contains(&name), "{name} is not in bad/README.md");
        assert!(
            entry.metadata().unwrap().len() < 64 * 1024,
            "{name} is too big to commit"
        );
    }
    assert!(listed.len() >= 10);
}
