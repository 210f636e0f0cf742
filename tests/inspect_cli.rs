//! The `inspect` command, run for real: its JSON report, its exit statuses, and a file
//! that crashes or hangs the reader never taking the report down.
// A test fails by panicking: the lints that keep panics out of the app stay out of here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::arithmetic_side_effects
)]
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

fn fixture(name: &str) -> String {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/bills")
        .join(name);
    p.to_string_lossy().into_owned()
}

/// Writes a file that is not a PDF, in a folder of the calling test's own (tests run in
/// parallel: a shared path would be rewritten under another test's feet).
fn not_a_pdf(test: &str) -> String {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(test);
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join("inspect-not-a-pdf.pdf");
    std::fs::write(&p, b"PK\x03\x04 this is a zip, not a bill").unwrap();
    p.to_string_lossy().into_owned()
}

fn inspect(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_inspect"));
    cmd.args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("inspect runs")
}

fn report(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not one JSON document ({e}):\n{}",
            String::from_utf8_lossy(&out.stdout)
        )
    })
}

#[test]
fn reads_good_files_and_reports_bad_ones() {
    let good = fixture("sfr-mobile-2026-08.pdf");
    let bad = not_a_pdf("good-and-bad");
    let out = inspect(&[&good, &bad], &[]);
    assert_eq!(out.status.code(), Some(1));
    let r = report(&out);
    assert_eq!(r["bills"].as_array().unwrap().len(), 1);
    let bill = &r["bills"][0];
    assert_eq!(bill["source"], "sfr-mobile-2026-08.pdf");
    assert_eq!(bill["operator"], "SFR");
    assert_eq!(bill["issue_date"], "2026-09-04");
    assert!(bill["lines"].is_array());
    assert_eq!(r["findings"], serde_json::json!([]));
    assert_eq!(
        r["errors"],
        serde_json::json!([{"source": "inspect-not-a-pdf.pdf", "error": "Ce fichier n'est pas un PDF."}])
    );
}

#[test]
fn exits_zero_when_every_file_is_read_and_keeps_input_order() {
    let a = fixture("sfr-mobile-2026-09.pdf");
    let b = fixture("sfr-mobile-2026-08.pdf");
    let plan = fixture("sfr-mobile-2026-08.plan.json");
    let out = inspect(&["--plan", &plan, &a, &b], &[]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r = report(&out);
    let sources: Vec<&str> = r["bills"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["source"].as_str().unwrap())
        .collect();
    assert_eq!(
        sources,
        ["sfr-mobile-2026-09.pdf", "sfr-mobile-2026-08.pdf"]
    );
    assert_eq!(r["errors"], serde_json::json!([]));
}

#[test]
fn says_when_a_file_cannot_be_opened() {
    let dir = env!("CARGO_TARGET_TMPDIR");
    let out = inspect(&["/nonexistent/bill.pdf", dir], &[]);
    assert_eq!(out.status.code(), Some(1));
    let r = report(&out);
    let first = r["errors"][0]["error"].as_str().unwrap();
    assert!(
        first.starts_with("Impossible d'ouvrir ce fichier"),
        "{first}"
    );
    assert_eq!(
        r["errors"][1]["error"],
        "Ceci est un dossier, pas un fichier."
    );
}

#[test]
fn speaks_english_on_request() {
    let out = inspect(&["--lang", "en", &not_a_pdf("english")], &[]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        report(&out)["errors"][0]["error"],
        "This file is not a PDF."
    );
}

#[test]
fn refuses_bad_usage_with_status_two() {
    let bad_plan = not_a_pdf("bad-plan");
    let good = fixture("sfr-mobile-2026-08.pdf");
    let cases: &[&[&str]] = &[
        &[],
        &["--plan"],
        &["--frobnicate", &good],
        &["--lang", "de", &good],
        &["--plan", "/nonexistent/plan.json", &good],
        &["--plan", &bad_plan, &good],
    ];
    for args in cases {
        let out = inspect(args, &[]);
        assert_eq!(out.status.code(), Some(2), "inspect {args:?}");
        assert!(out.stdout.is_empty(), "inspect {args:?} printed a report");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("usage:"),
            "inspect {args:?}"
        );
    }
}

#[test]
fn a_file_that_crashes_or_hangs_the_reader_becomes_an_error() {
    let good = fixture("sfr-mobile-2026-08.pdf");
    let cases = [
        (
            "crash",
            "La lecture de ce PDF a échoué. Les autres fichiers ne sont pas touchés.",
        ),
        (
            "hang",
            "La lecture de ce PDF a dépassé 1 seconde et a été arrêtée.",
        ),
    ];
    for (fault, message) in cases {
        let started = std::time::Instant::now();
        let out = inspect(
            &[&good],
            &[
                ("CONTESTEL_INSPECT_FAULT", fault),
                ("CONTESTEL_INSPECT_TIME_LIMIT_MS", "300"),
            ],
        );
        assert!(
            started.elapsed().as_secs() < 5,
            "{fault} was not contained in time"
        );
        assert_eq!(out.status.code(), Some(1), "{fault}");
        let r = report(&out);
        assert_eq!(r["bills"], serde_json::json!([]), "{fault}");
        assert_eq!(r["errors"][0]["error"], message, "{fault}");
    }
}

#[test]
fn every_bad_input_is_contained_and_the_good_bill_still_read() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return; // No bad inputs in this checkout.
    };
    let mut files: Vec<String> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    files.sort();
    let good = fixture("sfr-mobile-2026-10.pdf");
    files.push(good);
    let args: Vec<&str> = files.iter().map(String::as_str).collect();
    let out = inspect(&args, &[]);
    let r = report(&out);
    let bills = r["bills"].as_array().unwrap();
    let errors = r["errors"].as_array().unwrap();
    assert_eq!(
        bills.len() + errors.len(),
        files.len(),
        "every file is accounted for"
    );
    assert_eq!(bills.last().unwrap()["source"], "sfr-mobile-2026-10.pdf");
    assert_eq!(
        out.status.code(),
        Some(if errors.is_empty() { 0 } else { 1 })
    );
    for e in errors {
        assert!(!e["error"].as_str().unwrap().is_empty());
    }
}

#[test]
fn with_a_plan_the_report_lists_the_findings_and_what_is_at_stake() {
    let pdf = fixture("sample-orange-mobile.pdf");
    let plan = fixture("sample-orange-mobile.plan.json");
    let out = inspect(&["--today", "2026-11-26", "--plan", &plan, &pdf], &[]);
    assert_eq!(out.status.code(), Some(0));
    let r = report(&out);
    let findings = r["findings"].as_array().unwrap();
    let flagged: Vec<(String, u64)> = findings
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["lines"][0].as_u64().unwrap(),
            )
        })
        .collect();
    // Every line the truth file flags, with its rule.
    let truth: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(fixture("sample-orange-mobile.truth.json")).unwrap(),
    )
    .unwrap();
    for t in truth["charges"].as_array().unwrap() {
        let expected = (
            t["rule"].as_str().unwrap().to_string(),
            t["index"].as_u64().unwrap(),
        );
        assert!(
            flagged.contains(&expected),
            "{expected:?} not in {flagged:?}"
        );
    }
    assert_eq!(r["total_at_stake"], "38.05");
    assert!(findings
        .iter()
        .all(|f| f["bill"] == 0 && f["message"].as_str().is_some_and(|m| !m.is_empty())));
}

/// Issue 32: a household's bills given together, with their lines' plans (`--plan` once
/// per line), get each what it gets alone with its own plan: the SFR mobile no plan names
/// gets no plan-based finding, the box is not checked against a mobile's contract.
#[test]
fn each_bill_of_a_household_gets_what_it_gets_alone_with_its_own_plan() {
    let household = [
        ("sample-orange-mobile", true),
        ("free-box-2026-10", true),
        ("sosh-two-lines-2026-10", true),
        ("sfr-mobile-2026-10", false),
    ];
    let keys = |r: &Value, bill: u64| -> Vec<(String, String)> {
        let mut keys: Vec<(String, String)> = r["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["bill"] == bill)
            .map(|f| (f["rule"].to_string(), f["lines"].to_string()))
            .collect();
        keys.sort();
        keys
    };
    let mut args: Vec<String> = vec!["--today".into(), "2026-11-26".into()];
    for (name, planned) in household {
        if planned {
            args.extend(["--plan".into(), fixture(&format!("{name}.plan.json"))]);
        }
    }
    args.extend(
        household
            .iter()
            .map(|(name, _)| fixture(&format!("{name}.pdf"))),
    );
    let together = report(&inspect(
        &args.iter().map(String::as_str).collect::<Vec<_>>(),
        &[],
    ));
    assert_eq!(together["bills"].as_array().unwrap().len(), household.len());
    for (i, (name, planned)) in household.iter().enumerate() {
        let plan = fixture(&format!("{name}.plan.json"));
        let pdf = fixture(&format!("{name}.pdf"));
        let mut alone_args = vec!["--today", "2026-11-26"];
        if *planned {
            alone_args.extend(["--plan", &plan]);
        }
        alone_args.push(&pdf);
        let alone = report(&inspect(&alone_args, &[]));
        assert_eq!(keys(&together, i as u64), keys(&alone, 0), "{name}");
    }
}

#[test]
fn a_plan_with_a_wrong_field_is_refused_and_named() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("wrong-plan");
    std::fs::create_dir_all(&dir).unwrap();
    let plan = dir.join("plan.json");
    std::fs::write(
        &plan,
        r#"{"monthly_price": "24.99", "promo": {"price": "14.99", "until": "bientôt"}}"#,
    )
    .unwrap();
    let out = inspect(
        &[
            "--plan",
            plan.to_str().unwrap(),
            &fixture("sfr-mobile-2026-08.pdf"),
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("promo.until"), "{stderr}");
}
