//! Every fixture bill reads to exactly its expected JSON, through the real entry point.
//!
//! `tests/fixtures/bills/NAME.pdf` is read by `core::reader::read` and the whole `Bill`
//! compared with `NAME.expected.json`; on a difference the test prints a line diff of the
//! two JSON documents for every failing fixture, then fails.
// A test fails by panicking: the lints that keep panics out of the app stay out of here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::arithmetic_side_effects
)]
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

use contestel::core::bill::Bill;
use contestel::core::reader::read;

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bills");
    let mut pdfs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the fixture folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    pdfs.sort();
    pdfs
}

/// A line diff (longest common subsequence) of two texts: `-` expected, `+` got.
fn diff(expected: &str, got: &str) -> String {
    let a: Vec<&str> = expected.lines().collect();
    let b: Vec<&str> = got.lines().collect();
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, String::new());
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            i += 1;
            j += 1;
        } else if j < b.len() && (i == a.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
            out.push_str(&format!("  + {}\n", b[j]));
            j += 1;
        } else {
            out.push_str(&format!("  - {}\n", a[i]));
            i += 1;
        }
    }
    out
}

#[test]
fn every_fixture_reads_to_its_expected_bill() {
    let pdfs = fixtures();
    assert!(!pdfs.is_empty(), "no fixture bills found");
    let mut failures = Vec::new();
    for pdf in &pdfs {
        let name = pdf.file_name().unwrap().to_string_lossy().to_string();
        let expected_path = pdf.with_extension("expected.json");
        let Ok(expected_text) = std::fs::read_to_string(&expected_path) else {
            failures.push(format!("{name}: no {}", expected_path.display()));
            continue;
        };
        let expected: Bill = serde_json::from_str(&expected_text).expect("expected JSON is a Bill");
        let bytes = std::fs::read(pdf).unwrap();
        let started = std::time::Instant::now();
        let got = match read(&bytes, &name) {
            Ok(reading) => reading.bill,
            Err(e) => {
                failures.push(format!("{name}: not read: {e:?}"));
                continue;
            }
        };
        eprintln!("{name}: read in {:?}", started.elapsed());
        if got != expected {
            let e = serde_json::to_string_pretty(&expected).unwrap();
            let g = serde_json::to_string_pretty(&got).unwrap();
            failures.push(format!(
                "{name}: differs (- expected, + got)\n{}",
                diff(&e, &g)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} fixtures differ:\n\n{}",
        failures.len(),
        pdfs.len(),
        failures.join("\n")
    );
}

/// A bill as a person gets it when they print their bill's web page to PDF, or as billing
/// systems that render HTML with headless Chromium make it (`printed/chromium-bill.html`,
/// printed by Chromium with `--print-to-pdf --no-pdf-header-footer`): Skia's composite
/// fonts give runs of equal widths as ranges, which the reader once ignored, and
/// `Total à payer 32,99 €` read `Total àpayer 32,9 €`.
#[test]
fn a_bill_printed_by_chromium_reads_whole() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/printed/chromium-bill.pdf");
    let bill = read(&std::fs::read(&path).unwrap(), "chromium-bill.pdf")
        .unwrap()
        .bill;
    assert_eq!(bill.total, Some("32.99".parse().unwrap()));
    assert_eq!(bill.invoice_number.as_deref(), Some("FM2611-0048213957"));
    assert_eq!(bill.line_numbers, vec!["06 12 34 56 78".to_string()]);
    let lines: Vec<(&str, String)> = bill
        .lines
        .iter()
        .map(|l| (l.label.as_str(), l.amount.to_string()))
        .collect();
    assert_eq!(
        lines,
        vec![
            (
                "Forfait Orange 5G 100 Go du 01/10 au 31/10",
                "24.99".to_string()
            ),
            (
                "Option Sécurité Mobile du 01/10 au 31/10",
                "3.00".to_string()
            ),
            ("Option Multi-SIM du 01/10 au 31/10", "5.00".to_string()),
        ]
    );
    assert!(bill.reconciles());
}
