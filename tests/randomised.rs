//! A seeded batch of randomised bills reads to its truth, every one of them.
//!
//! `tests/fixtures/gen/randomise.sh` prints the same kinds of bill in many ways (subtotals
//! before or after their detail, hierarchy by indentation, VAT blocks and amounts due in
//! every wording of `shared/DOMAIN.md`, explainer pages with scattered watermark letters,
//! TTC (HT) columns, dot or comma decimals, header wordings, previous balances, wrapped
//! labels, three PDF producers) with the truth of each: amount due, header, every charge
//! and its category, the flags a consumer adviser expects. The batch is generated once
//! per seed and generator version into `.tmp/randomised/` (git-ignored); another seed can
//! be tried with `CONTESTEL_RANDOM_SEED=N`.
// A test fails by panicking: the lints that keep panics out of the app stay out of here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::arithmetic_side_effects
)]
#![cfg(not(target_arch = "wasm32"))]

mod truth;

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::NaiveDate;

const COUNT: usize = 300;

/// A fingerprint of the generator's sources: a new generator makes a new batch.
fn generator_version(gen: &Path) -> u64 {
    let mut files: Vec<PathBuf> = std::fs::read_dir(gen)
        .expect("the generator's folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension()
                .is_some_and(|e| e == "py" || e == "sh" || e == "txt")
        })
        .collect();
    files.sort();
    let mut hasher = DefaultHasher::new();
    for f in files {
        std::fs::read(&f).unwrap_or_default().hash(&mut hasher);
    }
    hasher.finish()
}

/// The folder of the batch for `seed`, generated if it is not there yet.
fn batch(seed: u64) -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let gen = root.join("tests/fixtures/gen");
    let version = generator_version(&gen);
    let dir = root.join(format!(".tmp/randomised/seed-{seed}-{COUNT}"));
    let stamp = dir.join("generator.version");
    let current = std::fs::read_to_string(&stamp).is_ok_and(|v| v.trim() == version.to_string());
    if !current {
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("the batch's folder");
        let out = Command::new(gen.join("randomise.sh"))
            .args([
                "--seed",
                &seed.to_string(),
                "--count",
                &COUNT.to_string(),
                "--out",
            ])
            .arg(&dir)
            .output()
            .expect("tests/fixtures/gen/randomise.sh runs (python3 with venv)");
        assert!(
            out.status.success(),
            "randomise.sh failed:\n{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        std::fs::write(&stamp, version.to_string()).expect("the batch's stamp");
    }
    dir
}

#[test]
fn every_randomised_bill_reads_to_its_truth() {
    let seed: u64 = std::env::var("CONTESTEL_RANDOM_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(7);
    let dir = batch(seed);
    let cases = truth::cases(&dir);
    assert_eq!(cases.len(), COUNT, "{}", dir.display());
    let today = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    let mut failures = Vec::new();
    for (pdf, truth) in &cases {
        let diffs = truth::differences(pdf, truth, today);
        if !diffs.is_empty() {
            let variant = truth
                .get("variant")
                .map(|v| v.to_string())
                .unwrap_or_default();
            failures.push(format!(
                "{}:\n  {}\n  variant: {variant}",
                pdf.display(),
                diffs.join("\n  ")
            ));
        }
    }
    println!(
        "seed {seed}: {} of {} bills read to their truth",
        cases.len() - failures.len(),
        cases.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
