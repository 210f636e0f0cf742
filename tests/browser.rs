//! Browser tests (wasm-bindgen-test in headless Chromium): what only a browser has.
//!
//! Run by `make test-browser`; natively this file is empty.

// A test fails by panicking: the lints that keep panics out of the app stay out of here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::arithmetic_side_effects
)]
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use contestel::core::error::ReadErrorKind;
use contestel::core::reader::{self, MAX_FILE_BYTES};
use contestel::services::{files, reader_host};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SAMPLE: &[u8] = include_bytes!("fixtures/bills/sample-orange-mobile.pdf");

async fn tick(ms: u64) {
    gloo::timers::future::sleep(Duration::from_millis(ms)).await;
}

#[wasm_bindgen_test]
fn the_reader_runs_in_wasm_on_the_sample_bill() {
    let reading = reader::read(SAMPLE, "sample.pdf").expect("the sample bill reads in wasm32");
    let text: Vec<String> = reading
        .pages
        .iter()
        .flat_map(|p| p.rows.iter().map(|r| r.text()))
        .collect();
    assert!(text.iter().any(|row| row.contains("Orange")), "{text:?}");
}

#[wasm_bindgen_test]
async fn a_file_larger_than_any_bill_is_refused_before_its_bytes_are_read() {
    let big = gloo::file::File::new(
        "huge.pdf",
        vec![0u8; MAX_FILE_BYTES as usize + 1].as_slice(),
    );
    let big = files::Picked::new(AsRef::<web_sys::File>::as_ref(&big).clone());
    let error = files::read_bytes(&big).await.unwrap_err();
    assert!(
        matches!(error.kind, ReadErrorKind::TooLarge { .. }),
        "{error:?}"
    );
}

#[wasm_bindgen_test]
async fn a_file_that_is_not_a_pdf_is_refused_without_starting_a_worker() {
    let error = reader_host::read_in_worker(b"PK\x03\x04 not a bill".to_vec(), "x.pdf")
        .await
        .unwrap_err();
    assert_eq!(error.kind, ReadErrorKind::NotPdf);
}

#[wasm_bindgen_test]
async fn the_app_renders_in_french_and_switches_to_english() {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let props = contestel::app::AppProps {
        pending: Default::default(),
    };
    yew::Renderer::<contestel::app::App>::with_root_and_props(root.clone(), props).render();
    tick(50).await;

    let text = root.text_content().unwrap_or_default();
    assert!(text.contains("Déposez vos factures PDF ici"), "{text}");
    assert_eq!(
        document
            .document_element()
            .unwrap()
            .get_attribute("lang")
            .as_deref(),
        Some("fr")
    );

    let switch: web_sys::HtmlElement = root
        .query_selector(".lang-switch")
        .unwrap()
        .unwrap()
        .unchecked_into();
    switch.click();
    tick(50).await;
    let text = root.text_content().unwrap_or_default();
    assert!(text.contains("Drop your PDF bills here"), "{text}");
    assert_eq!(
        document
            .document_element()
            .unwrap()
            .get_attribute("lang")
            .as_deref(),
        Some("en")
    );
}

macro_rules! fixture_bills {
    ($($name:literal),* $(,)?) => {
        [$((
            $name,
            include_bytes!(concat!("fixtures/bills/", $name, ".pdf")).as_slice(),
            include_str!(concat!("fixtures/bills/", $name, ".expected.json")),
        )),*]
    };
}

/// The same corpus the native tests read, read here by the wasm build: what runs in the
/// browser must give exactly the same bills. Prints the read time of each (no assertion on
/// time: speed lives in the benchmark).
#[wasm_bindgen_test]
fn every_fixture_bill_reads_in_wasm_exactly_as_expected() {
    let bills = fixture_bills![
        "sample-orange-mobile",
        "bouygues-mobile-2026-10",
        "byou-mobile-2026-10",
        "free-box-2026-10",
        "free-box-legacy-2026-09",
        "free-mobile-2026-10",
        "red-mobile-2026-10",
        "sfr-mobile-2026-08",
        "sfr-mobile-2026-09",
        "sfr-mobile-2026-10",
        "sosh-two-lines-2026-10",
        "unknown-operator-2026-11",
    ];
    let performance = web_sys::window()
        .and_then(|w| w.performance())
        .expect("performance");
    let mut mismatches = Vec::new();
    for (name, pdf, expected) in bills {
        let expected: contestel::core::bill::Bill = serde_json::from_str(expected).expect(name);
        let start = performance.now();
        let reading = reader::read(pdf, &format!("{name}.pdf"));
        let elapsed = performance.now() - start;
        match reading {
            Ok(reading) if reading.bill == expected => {}
            Ok(_) => mismatches.push(format!("{name}: read differently from its expected JSON")),
            Err(e) => mismatches.push(format!("{name}: {e:?}")),
        }
        gloo::console::log!(format!("read time in wasm: {name}: {elapsed:.1} ms"));
    }
    assert!(mismatches.is_empty(), "{mismatches:#?}");
}
