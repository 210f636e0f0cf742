//! Any text as a plan file, through `Plan::from_json` (what a plan import calls), then the
//! rules on two fixture bills with that plan (`downstream`): a price or an allowance that
//! decoding accepts must not panic where it is compared, summed or multiplied. An accepted
//! plan must also write and read back as itself.
#![no_main]

use contestel::core::bill::Bill;
use contestel::core::plan::Plan;
use libfuzzer_sys::fuzz_target;

#[path = "downstream.rs"]
mod downstream;

const BILLS: [&str; 2] = [
    include_str!("../../tests/fixtures/bills/sfr-mobile-2026-10.expected.json"),
    include_str!("../../tests/fixtures/bills/free-box-2026-10.expected.json"),
];

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(plan) = Plan::from_json(text) else {
        return;
    };
    let text = plan.to_json().expect("an accepted plan encodes");
    let again = Plan::from_json(&text);
    assert_eq!(
        again.as_ref().ok(),
        Some(&plan),
        "a plan does not read back as itself"
    );
    let bills: Vec<Bill> = BILLS
        .iter()
        .filter_map(|b| serde_json::from_str(b).ok())
        .collect();
    let none = (Default::default(), Default::default());
    downstream::run(&bills, std::slice::from_ref(&plan), &none.0, &none.1, &[]);
});
