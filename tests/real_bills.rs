//! Real operator bills read to their truth: the public ones in `../shared/bills/real/`
//! (never copied into the project: they are read where they are), or any folder of bills
//! with truth files named by `CONTESTEL_REAL_BILLS`.
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

/// Where the real bills are: `CONTESTEL_REAL_BILLS`, else `../shared/bills/real` next to
/// the checkout, else the workplace's shared folder.
fn real_bills() -> PathBuf {
    let candidates = [
        std::env::var_os("CONTESTEL_REAL_BILLS").map(PathBuf::from),
        Some(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/bills/real")),
        Some(PathBuf::from("/work/shared/bills/real")),
    ];
    candidates
        .into_iter()
        .flatten()
        .find(|p| p.is_dir())
        .expect("no folder of real bills: set CONTESTEL_REAL_BILLS to ../shared/bills/real")
}

#[test]
fn real_bills_read_to_their_truth() {
    let dir = real_bills();
    let cases = truth::cases(&dir);
    assert!(
        cases.len() >= 2,
        "{} holds {} bills",
        dir.display(),
        cases.len()
    );
    let today = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    let mut failures = Vec::new();
    for (pdf, truth) in &cases {
        let diffs = truth::differences(pdf, truth, today);
        if !diffs.is_empty() {
            failures.push(format!("{}:\n  {}", pdf.display(), diffs.join("\n  ")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
