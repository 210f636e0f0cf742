//! Bills against the bank statement, on the generated year (`tests/fixtures/bank/`, made by
//! `tests/fixtures/gen/bank.sh`): every statement format finds the four things the
//! statement hides (a double debit, a debit 5 € above its bill, a bill never debited, a
//! debit after the contract's end) and nothing else; only the telecom operations are
//! kept, and none of the others reach what is stored; bad statements say why; `inspect
//! --bank` prints the same.
// A test fails by panicking: the lints that keep panics out of the app stay out of here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::arithmetic_side_effects
)]
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::Command;

use contestel::core::bank::matching::{match_debits, DebitIssue};
use contestel::core::bank::stored::BankData;
use contestel::core::bank::{read_statement, telecom, StatementError, MAX_STATEMENT_BYTES};
use contestel::core::bill::Bill;
use contestel::core::plan::Plan;
use contestel::core::store::encode;
use serde_json::Value;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bank")
}

fn truth() -> Value {
    serde_json::from_str(&std::fs::read_to_string(dir().join("truth.json")).unwrap()).unwrap()
}

fn bills() -> Vec<Bill> {
    truth()["bills"]
        .as_array()
        .unwrap()
        .iter()
        .map(|name| {
            let name = name.as_str().unwrap();
            let bytes = std::fs::read(dir().join("bills").join(name)).unwrap();
            contestel::core::reader::read(&bytes, name).unwrap().bill
        })
        .collect()
}

fn plan() -> Plan {
    Plan::from_json(&std::fs::read_to_string(dir().join("plan.json")).unwrap()).unwrap()
}

const STATEMENTS: [&str; 7] = [
    "csv-latin1-debit-credit.csv",
    "csv-utf8-signed.csv",
    "csv-utf8-iso-dates.csv",
    "csv-latin1-noheader.csv",
    "csv-comma-quoted.csv",
    "ofx1.ofx",
    "ofx2.ofx",
];

#[test]
fn every_format_finds_the_four_hidden_mismatches_and_nothing_else() {
    let truth = truth();
    let bills = bills();
    assert_eq!(bills.len(), 12, "a year of bills");
    assert!(bills.iter().all(Bill::reconciles));
    let plans = vec![plan()];
    let mut expected: Vec<(String, String, Option<String>)> = truth["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["amount"].as_str().unwrap().to_string(),
                f["bill"].as_str().map(|b| format!("{b}.pdf")),
            )
        })
        .collect();
    expected.sort();
    let kept_truth: Vec<(String, String, String)> = truth["kept"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| {
            (
                k["date"].as_str().unwrap().into(),
                k["amount"].as_str().unwrap().into(),
                k["operator"].as_str().unwrap().into(),
            )
        })
        .collect();
    for name in STATEMENTS {
        let bytes = std::fs::read(dir().join(name)).unwrap();
        let statement = read_statement(&bytes, None).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert_eq!(
            statement.operations.len(),
            truth["operations"].as_u64().unwrap() as usize,
            "{name}: every operation read"
        );
        let kept = telecom::keep(&statement.operations, &[]);
        let got_kept: Vec<(String, String, String)> = kept
            .iter()
            .map(|d| {
                (
                    d.date.to_string(),
                    d.amount.to_string(),
                    serde_json::to_value(d.operator)
                        .unwrap()
                        .as_str()
                        .unwrap()
                        .into(),
                )
            })
            .collect();
        assert_eq!(got_kept, kept_truth, "{name}: the telecom operations kept");
        let covered: Vec<_> = statement.period().into_iter().collect();
        let matching = match_debits(&bills, &plans, &kept, &covered, &[]);
        let mut found: Vec<(String, String, Option<String>)> = matching
            .findings
            .iter()
            .map(|f| {
                (
                    f.issue.id().to_string(),
                    f.amount.to_string(),
                    f.bill.map(|b| bills[b].source.clone()),
                )
            })
            .collect();
        found.sort();
        assert_eq!(found, expected, "{name}");
        let double = matching
            .findings
            .iter()
            .find(|f| f.issue == DebitIssue::DoubleDebit)
            .unwrap();
        let second = &kept[double.debits[1]];
        let want = truth["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["rule"] == "double_debit")
            .unwrap()["date"]
            .clone();
        assert_eq!(second.date.to_string(), want.as_str().unwrap(), "{name}");

        // What is stored holds the telecom debits and none of the other operations.
        let mut data = BankData::default();
        let learned = telecom::learned_ties(&kept, &data.ties);
        data.import(&statement, kept, learned);
        let stored = encode(&data, 1).unwrap();
        for other in truth["not_kept"].as_array().unwrap() {
            let other = other.as_str().unwrap();
            assert!(
                !stored.to_uppercase().contains(other),
                "{name}: {other} is in what is stored"
            );
        }
        for amount in ["780", "2134", "64.2", "7.9", "52.31", "149", "18.4"] {
            assert!(
                !stored.contains(&format!("\"{amount}")),
                "{name}: {amount} is stored"
            );
        }
    }
}

#[test]
fn bad_statements_say_why_and_nothing_is_kept() {
    let cases = [
        ("wrong-encoding.csv", "not_text"),
        ("not-a-statement.csv", "not_a_statement"),
        ("broken.ofx", "broken_ofx"),
        ("absurd-amount.csv", "absurd_amount"),
    ];
    for (name, kind) in cases {
        let bytes = std::fs::read(dir().join("bad").join(name)).unwrap();
        let error = read_statement(&bytes, None).unwrap_err();
        let json = serde_json::to_value(&error).unwrap();
        assert_eq!(json["kind"], kind, "{name}");
    }
    let huge = vec![b';'; MAX_STATEMENT_BYTES as usize + 1];
    assert!(matches!(
        read_statement(&huge, None),
        Err(StatementError::TooLarge { .. })
    ));
}

#[test]
fn inspect_bank_adds_the_debits_and_the_findings() {
    let mut args: Vec<String> = vec![
        "--plan".into(),
        dir().join("plan.json").display().to_string(),
        "--bank".into(),
        dir().join("csv-utf8-signed.csv").display().to_string(),
        "--today".into(),
        "2027-01-02".into(),
    ];
    for name in truth()["bills"].as_array().unwrap() {
        args.push(
            dir()
                .join("bills")
                .join(name.as_str().unwrap())
                .display()
                .to_string(),
        );
    }
    let out = Command::new(env!("CARGO_BIN_EXE_inspect"))
        .args(&args)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let debits = report["debits"].as_array().unwrap();
    assert_eq!(debits.len(), truth()["kept"].as_array().unwrap().len());
    assert!(debits.iter().all(|d| d["state"].is_string()));
    let mut rules: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    rules.sort();
    assert_eq!(
        rules,
        [
            "bill_not_debited",
            "debit_after_termination",
            "debit_differs",
            "double_debit"
        ]
    );
    assert_eq!(report["debits_at_stake"], "76.97");
    let text = String::from_utf8_lossy(&out.stdout);
    for other in truth()["not_kept"].as_array().unwrap() {
        assert!(!text.contains(other.as_str().unwrap()), "{other} printed");
    }

    // A bad statement is an error in the report, the bills still read.
    args[3] = dir().join("bad/broken.ofx").display().to_string();
    let out = Command::new(env!("CARGO_BIN_EXE_inspect"))
        .args(&args)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["bills"].as_array().unwrap().len(), 12);
    assert_eq!(report["errors"][0]["source"], "broken.ofx");
    assert!(report.get("debits").is_none());
}

/// The statement is read in the page (not in the parse worker: no PDF crate is involved,
/// and it is bounded pure Rust), so it must never panic: a seeded run of mutated
/// statements (bytes flipped, cut, repeated) reads to a statement or an error, never a
/// crash, and whatever it reads matches without one.
#[test]
fn mutated_statements_never_panic() {
    let bills = bills();
    let plans = vec![plan()];
    let mut seed: u64 = 0x5eed_2026;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let mut read = 0;
    for name in STATEMENTS {
        let original = std::fs::read(dir().join(name)).unwrap();
        for _ in 0..150 {
            let mut bytes = original.clone();
            for _ in 0..(next() % 12 + 1) {
                let at = (next() as usize) % bytes.len().max(1);
                match next() % 4 {
                    0 => bytes[at] = next() as u8,
                    1 => bytes.truncate(at),
                    2 => {
                        let piece: Vec<u8> = bytes[at..bytes.len().min(at + 64)].to_vec();
                        bytes.splice(at..at, piece);
                    }
                    _ => bytes.insert(at, b";,<>\"\n-9"[(next() % 8) as usize]),
                }
                if bytes.is_empty() {
                    break;
                }
            }
            if let Ok(statement) = read_statement(&bytes, None) {
                read += 1;
                let kept = telecom::keep(&statement.operations, &[]);
                let covered: Vec<_> = statement.period().into_iter().collect();
                let m = match_debits(&bills, &plans, &kept, &covered, &[]);
                let _ = contestel::core::bank::month::monthly(&bills, &kept, &m, &covered);
            }
        }
    }
    assert!(read > 100, "most mutations still read: {read}");
}
