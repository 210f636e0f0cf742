//! Not a test: the journal's load and save timings for `make bench`, in a real browser's
//! localStorage, with a store of 1 000 events (over 50 cases) and 50 saved bills. It prints
//! one `BENCH_STORE {json}` line (run with `--nocapture`) and asserts nothing about time.
//! `make bench` runs it in release; natively this file is empty.

// A test fails by panicking: the lints that keep panics out of the app stay out of here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::arithmetic_side_effects
)]
#![cfg(target_arch = "wasm32")]

use chrono::NaiveDate;
use contestel::core::bill::Bill;
use contestel::core::journal::case::{Answer, Channel, Event};
use contestel::core::journal::ladder::Stage;
use contestel::core::journal::{Journal, NewCase};
use contestel::core::store::{SavedBills, Stored};
use contestel::services::storage::{self, Load};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const CASES: u32 = 50;
const EVENTS_PER_CASE: u32 = 20;
const BILLS: usize = 50;
const RUNS: usize = 10;

fn journal() -> Journal {
    let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let mut journal = Journal::default();
    for c in 0..CASES {
        let (case, open) = journal.open_case(NewCase {
            title: format!("Option jamais demandée n° {c}"),
            operator: Some(contestel::core::bill::Operator::Orange),
            line_number: Some("06 12 34 56 78".into()),
            customer_id: Some("7012345678".into()),
            opened_on: day,
            lines: vec![],
            paid_on: None,
            contract_start: None,
        });
        journal.apply(open).unwrap();
        for e in 0..EVENTS_PER_CASE {
            let event = Event {
                id: 0,
                date: day + chrono::Days::new(u64::from(e)),
                stage: Stage::CustomerService,
                channel: Channel::Phone,
                counterpart: "Service client".into(),
                reference: format!("TK-{c:03}-{e:03}"),
                said: "J'ai demandé le remboursement de l'option facturée sans mon accord.".into(),
                answer: Answer::default(),
                answer_text: "Le conseiller transmet la demande au service concerné.".into(),
                answered_on: None,
                answer_by: None,
                follow_up: None,
                milestone: None,
                association: None,
                regulator: None,
            };
            let (_, add) = journal.add_event(case, event);
            journal.apply(add).unwrap();
        }
    }
    journal
}

fn bills() -> SavedBills {
    let sample: Bill = serde_json::from_str(include_str!(
        "fixtures/bills/sample-orange-mobile.expected.json"
    ))
    .unwrap();
    let sosh: Bill = serde_json::from_str(include_str!(
        "fixtures/bills/sosh-two-lines-2026-10.expected.json"
    ))
    .unwrap();
    SavedBills {
        bills: (0..BILLS)
            .map(|i| {
                if i % 2 == 0 {
                    sample.clone()
                } else {
                    sosh.clone()
                }
            })
            .collect(),
    }
}

fn now() -> f64 {
    web_sys::window().unwrap().performance().unwrap().now()
}

fn median(mut samples: Vec<f64>) -> f64 {
    samples.sort_by(|a, b| a.total_cmp(b));
    let n = samples.len();
    (samples[(n - 1) / 2] + samples[n / 2]) / 2.0
}

/// Median save and load times, and the stored size, of one store.
fn time_store<T: Stored + std::fmt::Debug>(value: &T) -> serde_json::Value {
    let area = storage::local_storage().expect("localStorage");
    area.remove_item(T::KEY).unwrap();
    let mut last = 0;
    let (mut saves, mut loads) = (Vec::new(), Vec::new());
    for run in 0..=RUNS {
        let t = now();
        last = storage::save(value, last).expect("save");
        let saved = now() - t;
        let t = now();
        let loaded = storage::load::<T>();
        let load = now() - t;
        assert!(matches!(loaded, Load::Loaded(_)), "{loaded:?}");
        // The first round warms up.
        if run > 0 {
            saves.push(saved);
            loads.push(load);
        }
    }
    let bytes = area.get_item(T::KEY).unwrap().unwrap_or_default().len();
    area.remove_item(T::KEY).unwrap();
    serde_json::json!({
        "save_ms": median(saves),
        "load_ms": median(loads),
        "stored_bytes": bytes,
        "runs": RUNS,
    })
}

#[wasm_bindgen_test]
fn journal_and_bills_load_and_save() {
    let journal = journal();
    let events: usize = journal.cases.iter().map(|c| c.events.len()).sum();
    assert_eq!(events, (CASES * EVENTS_PER_CASE) as usize);
    let line = serde_json::json!({
        "events": events,
        "cases": journal.cases.len(),
        "bills": BILLS,
        "journal": time_store(&journal),
        "saved_bills": time_store(&bills()),
    });
    console_log!("BENCH_STORE {line}");
}
