//! Real operator bills read to their truth: the public ones in `../shared/bills/real/` and
//! the real layouts redrawn with made-up personal details in `../shared/bills/replicas/`
//! (never copied into the project: they are read where they are), or the folders named by
//! `CONTESTEL_REAL_BILLS` and `CONTESTEL_REPLICAS`. Every bill must read right out of the
//! box: its amount due, header, every charge and nothing more, the flags a consumer adviser
//! expects and no other, and the reading called reconciled.
// A test fails by panicking: the lints that keep panics out of the app stay out of here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::arithmetic_side_effects
)]
#![cfg(not(target_arch = "wasm32"))]

mod truth;

use std::path::PathBuf;

use chrono::NaiveDate;
use contestel::core::reader::read_contained;

/// A folder of shared bills: the variable `var` when set, else `../shared/bills/<name>`
/// beside the checkout (where CI lays a copy of the shared folder).
fn shared_bills(var: &str, name: &str) -> PathBuf {
    let dir = std::env::var_os(var).map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("../shared/bills/{name}"))
    });
    assert!(
        dir.is_dir(),
        "no folder of {name} bills at {}: set {var} to the shared bills' {name} folder \
         (../shared/bills/{name} from the checkout)",
        dir.display()
    );
    dir
}

/// Every bill of a folder read to its truth, and called reconciled.
fn read_to_their_truth(dir: &std::path::Path, at_least: usize) {
    let cases = truth::cases(dir);
    assert!(
        cases.len() >= at_least,
        "{} holds {} bills",
        dir.display(),
        cases.len()
    );
    let today = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    let mut failures = Vec::new();
    for (pdf, truth) in &cases {
        let mut diffs = truth::differences(pdf, truth, today);
        let bytes = std::fs::read(pdf).unwrap();
        let bill = read_contained(&bytes, "bill.pdf").unwrap().bill;
        if !bill.reconciles() {
            diffs.push(format!("not called reconciled: {:?}", bill.warnings));
        }
        if !diffs.is_empty() {
            failures.push(format!("{}:\n  {}", pdf.display(), diffs.join("\n  ")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn real_bills_read_to_their_truth() {
    read_to_their_truth(&shared_bills("CONTESTEL_REAL_BILLS", "real"), 2);
}

/// Bouygues 2018 and 2024, Free 2022, Free Mobile 2023: columns HT / TVA / TTC, a rental
/// after a discount, a previous balance not in the amount due, an explainer with a
/// diagonal EXEMPLE, a header over two rows, a pack's sub-row, amounts `TTC (HT)`.
#[test]
fn real_layouts_read_to_their_truth() {
    read_to_their_truth(&shared_bills("CONTESTEL_REPLICAS", "replicas"), 4);
}
