//! The PDF layer on real files: the fixture bills read into the expected rows, and every
//! bad input gives its error kind, quickly.
#![cfg(not(target_arch = "wasm32"))]

use std::time::{Duration, Instant};

use contestel::core::error::ReadErrorKind;
use contestel::core::layout::{TextPage, TextRow};
use contestel::core::pdf::{extract, Limits};
use contestel::core::reader::read_contained;

fn rows_text(pages: &[TextPage]) -> Vec<String> {
    pages
        .iter()
        .flat_map(|p| {
            p.rows
                .iter()
                .map(move |r| format!("p{} {}", p.number, r.text()))
        })
        .collect()
}

/// Prints the rows of the PDF named by `$PDF`: `PDF=path cargo test --test pdf_layer dump -- --ignored --nocapture`.
#[test]
#[ignore]
fn dump() {
    let path = std::env::var("PDF").unwrap_or_default();
    let bytes = std::fs::read(&path).unwrap_or_default();
    match extract(&bytes, &Limits::default()) {
        Ok(pages) => {
            for p in &pages {
                println!("--- page {} ({} x {})", p.number, p.width, p.height);
                for r in &p.rows {
                    let cells: Vec<String> = r
                        .cells
                        .iter()
                        .map(|c| format!("[{:.0}-{:.0} {:?}]", c.x, c.x_end, c.text))
                        .collect();
                    println!("{:6.1} {:4.1} {}", r.y, r.size, cells.join(" "));
                }
            }
        }
        Err(e) => println!("error: {e:?}"),
    }
}

fn find_row<'a>(pages: &'a [TextPage], page: u32, starts: &str) -> &'a TextRow {
    pages
        .iter()
        .filter(|p| p.number == page)
        .flat_map(|p| p.rows.iter())
        .find(|r| r.cells.first().is_some_and(|c| c.text.starts_with(starts)))
        .unwrap_or_else(|| {
            panic!(
                "no row starting {starts:?} on page {page}: {:#?}",
                rows_text(pages)
            )
        })
}

fn cells(row: &TextRow) -> Vec<&str> {
    row.cells.iter().map(|c| c.text.as_str()).collect()
}

macro_rules! bill {
    ($name:literal) => {
        (
            $name,
            include_bytes!(concat!("fixtures/bills/", $name, ".pdf")).as_slice(),
        )
    };
}

const BILLS: &[(&str, &[u8])] = &[
    bill!("bouygues-mobile-2026-10"),
    bill!("byou-mobile-2026-10"),
    bill!("free-box-2026-10"),
    bill!("free-mobile-2026-10"),
    bill!("red-mobile-2026-10"),
    bill!("sample-orange-mobile"),
    bill!("sfr-mobile-2026-08"),
    bill!("sfr-mobile-2026-09"),
    bill!("sfr-mobile-2026-10"),
    bill!("unknown-operator-2026-11"),
];

#[test]
fn every_fixture_bill_reads_with_text_on_every_page() {
    for (name, bytes) in BILLS {
        let start = Instant::now();
        let pages = read_contained(bytes, name)
            .unwrap_or_else(|e| panic!("{name}: {e:?}"))
            .pages;
        assert!(start.elapsed() < Duration::from_secs(2), "{name} too slow");
        assert!(!pages.is_empty(), "{name}");
        for p in &pages {
            assert!(!p.rows.is_empty(), "{name} page {} has no rows", p.number);
            assert!(p.width > 100.0 && p.height > 100.0, "{name} page size");
            let ys: Vec<f32> = p.rows.iter().map(|r| r.y).collect();
            assert!(
                ys.windows(2).all(|w| w[0] < w[1]),
                "{name} rows top to bottom"
            );
        }
    }
}

macro_rules! bad {
    ($name:literal, $kind:expr) => {
        (
            $name,
            include_bytes!(concat!("fixtures/bad/", $name)).as_slice(),
            $kind,
        )
    };
}

#[test]
fn every_bad_input_gives_its_error_quickly() {
    use ReadErrorKind::*;
    let cases: &[(&str, &[u8], ReadErrorKind)] = &[
        bad!("not-a-pdf.pdf", NotPdf),
        bad!("word-document.pdf", NotPdf),
        bad!("empty.pdf", Empty),
        bad!("truncated.pdf", Corrupt),
        bad!("corrupt-xref.pdf", Corrupt),
        bad!("user-password.pdf", PasswordProtected),
        bad!("scanned.pdf", NoText),
        bad!("bomb.pdf", TooComplex),
        bad!("deep-nesting.pdf", TooComplex),
        bad!("deep-nesting-content.pdf", TooComplex),
        bad!("pages-loop.pdf", Corrupt),
        bad!("huge-xref-w.pdf", TooComplex),
    ];
    let mut failures = Vec::new();
    for (name, bytes, want) in cases {
        let start = Instant::now();
        let got = read_contained(bytes, name).map(|_| ()).map_err(|e| e.kind);
        let took = start.elapsed();
        if got.as_ref().err() != Some(want) || took > Duration::from_secs(2) {
            failures.push(format!("{name}: got {got:?} in {took:?}, want {want:?}"));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

fn read_bill(name: &str) -> Vec<TextPage> {
    let (_, bytes) = BILLS
        .iter()
        .find(|(n, _)| *n == name)
        .unwrap_or_else(|| panic!("no fixture {name}"));
    read_contained(bytes, name)
        .unwrap_or_else(|e| panic!("{name}: {e:?}"))
        .pages
}

#[test]
fn labels_and_their_amounts_share_a_row_as_separate_cells() {
    // (bill, page, row starts with, the row's cells)
    let cases: &[(&str, u32, &str, &[&str])] = &[
        (
            "free-box-2026-10",
            2,
            "Freebox Pop du 1er",
            &[
                "Freebox Pop du 1er au 31 Octobre 2026",
                "33.33",
                "6.66",
                "39.99",
            ],
        ),
        (
            "free-box-2026-10",
            2,
            "Remise Freebox",
            &["Remise Freebox Pop 1ère année", "-8.33", "-1.67", "-10.00"],
        ),
        (
            "free-box-2026-10",
            2,
            "Montant EUR HT",
            &["Montant EUR HT", "Montant TVA", "Montant EUR TTC"],
        ),
        (
            "sample-orange-mobile",
            2,
            "Option Sécurité Mobile",
            &["Option Sécurité Mobile du 01/10 au 31/10", "3,00 €"],
        ),
        (
            "bouygues-mobile-2026-10",
            1,
            "Total de votre facture",
            &["Total de votre facture", "1\u{202f}116,42 €"],
        ),
        (
            "red-mobile-2026-10",
            1,
            "Internet mobile depuis la Suisse",
            &["Internet mobile depuis la Suisse (hors UE)", "1 029,00€"],
        ),
        (
            "red-mobile-2026-10",
            1,
            "Geste commercial",
            &["Geste commercial fidélité", "-5,00€"],
        ),
    ];
    for (bill, page, starts, want) in cases {
        let pages = read_bill(bill);
        let row = find_row(&pages, *page, starts);
        assert_eq!(cells(row), *want, "{bill} p{page} {starts:?}");
        // The amount is the right-most cell, right-aligned near the page's right margin.
        let last = row.cells.last().map(|c| c.x_end).unwrap_or_default();
        assert!(last > 500.0, "{bill}: {starts:?} ends at {last}");
    }
}

#[test]
fn owner_password_only_bill_opens_like_any_other() {
    let pages = read_bill("free-mobile-2026-10");
    assert!(rows_text(&pages).iter().any(|r| r.contains("Free Mobile")));
}
