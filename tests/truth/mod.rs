//! Checks a reading against a truth file (the format of `../shared/bills/README.md`):
//! amount due, header fields, every charge (label and amount, its category when the truth
//! gives one), nothing more, and the flags a consumer adviser expects — and no other.
//! Shared by the tests on real bills and on the randomised batch.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use contestel::core::bill::Bill;
use contestel::core::finding::Severity;
use contestel::core::plan::Plan;
use contestel::core::reader::read_contained;
use contestel::core::rules;
use rust_decimal::Decimal;
use serde_json::Value;

/// Folded words, as the scorer compares labels.
fn norm(s: &str) -> String {
    let folded = contestel::core::vocab::fold(s);
    folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The scorer's label match: one contains the other, or most words are shared.
pub fn label_match(truth: &str, got: &str) -> bool {
    let (a, b) = (norm(truth), norm(got));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a.contains(&b) || b.contains(&a) {
        return true;
    }
    let wa: Vec<&str> = a.split(' ').collect();
    let wb: Vec<&str> = b.split(' ').collect();
    let shared = wa.iter().filter(|w| wb.contains(w)).count();
    shared as f64 >= (2.0f64).max(wa.len() as f64 * 0.7)
}

fn dec(v: &Value) -> Option<Decimal> {
    v.as_str()?.parse().ok()
}

fn date(v: &Value) -> Option<NaiveDate> {
    v.as_str()?.parse().ok()
}

/// Every PDF of a folder that has a truth file, sorted.
pub fn cases(dir: &Path) -> Vec<(PathBuf, Value)> {
    let mut out: Vec<(PathBuf, Value)> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .filter_map(|pdf| {
            let truth = pdf.with_extension("truth.json");
            let text = std::fs::read_to_string(truth).ok()?;
            Some((pdf, serde_json::from_str(&text).ok()?))
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// What differs between a reading and its truth, in words; empty when it reads right.
pub fn differences(pdf: &Path, truth: &Value, today: NaiveDate) -> Vec<String> {
    let bytes = std::fs::read(pdf).unwrap_or_default();
    let name = pdf
        .file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .to_string();
    let bill: Bill = match read_contained(&bytes, &name) {
        Ok(r) => r.bill,
        Err(e) => return vec![format!("not read: {e:?}")],
    };
    let mut out = Vec::new();
    if bill.total != dec(&truth["total"]) {
        out.push(format!("total {:?}, want {}", bill.total, truth["total"]));
    }
    let got_op = norm(bill.operator.map(|o| o.name()).unwrap_or_default());
    let want_op = norm(truth["operator"].as_str().unwrap_or_default());
    if got_op.is_empty() || !(got_op.contains(&want_op) || want_op.contains(&got_op)) {
        out.push(format!(
            "operator {:?}, want {}",
            bill.operator, truth["operator"]
        ));
    }
    if norm(bill.invoice_number.as_deref().unwrap_or_default())
        != norm(truth["invoice_number"].as_str().unwrap_or_default())
    {
        out.push(format!(
            "invoice number {:?}, want {}",
            bill.invoice_number, truth["invoice_number"]
        ));
    }
    if truth.get("issue_date").is_some_and(|d| !d.is_null())
        && bill.issue_date != date(&truth["issue_date"])
    {
        out.push(format!(
            "issue date {:?}, want {}",
            bill.issue_date, truth["issue_date"]
        ));
    }
    let period = bill.period.map(|p| (p.start, p.end));
    let want_period = date(&truth["period"]["start"]).zip(date(&truth["period"]["end"]));
    if period != want_period {
        out.push(format!("period {period:?}, want {}", truth["period"]));
    }

    // Charges: each truth line matched once, by amount and label.
    let lines = truth["lines"].as_array().cloned().unwrap_or_default();
    let mut used = vec![false; bill.lines.len()];
    let mut matched: Vec<Option<usize>> = Vec::new();
    for tl in &lines {
        let amount = dec(&tl["amount"]);
        let label = tl["label"].as_str().unwrap_or_default();
        let found = (0..bill.lines.len()).find(|&g| {
            !used[g]
                && Some(bill.lines[g].amount) == amount
                && label_match(label, &bill.lines[g].label)
        });
        match found {
            Some(g) => {
                used[g] = true;
                if let Some(cat) = tl.get("category").and_then(Value::as_str) {
                    let got = serde_json::to_value(bill.lines[g].category).unwrap_or_default();
                    if got.as_str() != Some(cat) {
                        out.push(format!("{label:?}: category {got}, want {cat}"));
                    }
                }
            }
            None => out.push(format!("missed charge {label:?} {}", tl["amount"])),
        }
        matched.push(found);
    }
    for (g, line) in bill.lines.iter().enumerate() {
        if !used[g] && !line.amount.is_zero() {
            out.push(format!("extra charge {:?} {}", line.label, line.amount));
        }
    }

    // Flags, with the truth's plan.
    let plan = match truth.get("plan").filter(|p| !p.is_null()) {
        Some(p) => match Plan::from_json(&p.to_string()) {
            Ok(plan) => Some(plan),
            Err(e) => {
                out.push(format!("truth plan unreadable: {e}"));
                None
            }
        },
        None => None,
    };
    let report = rules::check(std::slice::from_ref(&bill), plan.as_ref(), today);
    let mut flagged: Vec<Vec<String>> = vec![Vec::new(); bill.lines.len()];
    for f in report
        .findings
        .iter()
        .filter(|f| f.severity != Severity::Info)
    {
        for &l in &f.lines {
            if let Some(rules) = flagged.get_mut(l) {
                rules.push(f.rule.id().to_string());
            }
        }
    }
    for (tl, found) in lines.iter().zip(&matched) {
        let strings = |key: &str| -> Vec<String> {
            tl[key]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|v| v.as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default()
        };
        let (expect, allow) = (strings("expect"), strings("allow"));
        let got = found.map(|g| flagged[g].clone()).unwrap_or_default();
        let label = tl["label"].as_str().unwrap_or_default();
        if !expect.is_empty() && !got.iter().any(|r| expect.contains(r)) {
            out.push(format!("{label:?} not flagged {expect:?} (got {got:?})"));
        }
        let wrong: Vec<&String> = got
            .iter()
            .filter(|r| !expect.contains(r) && !allow.contains(r))
            .collect();
        if !wrong.is_empty() {
            out.push(format!("{label:?} wrongly flagged {wrong:?}"));
        }
    }
    for (g, rules) in flagged.iter().enumerate() {
        if !used[g] && !rules.is_empty() {
            out.push(format!(
                "flag {rules:?} on a line that is not a charge: {:?}",
                bill.lines[g].label
            ));
        }
    }
    out
}
