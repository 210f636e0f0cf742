//! Any text as a value in localStorage, through `store::decode` (what the storage service
//! calls on each key at start-up) for the type the first byte picks, then what the app
//! runs on it (`downstream`). An accepted value must also encode and decode back to itself.
#![no_main]

use contestel::core::bank::stored::BankData;
use contestel::core::corrections::Corrections;
use contestel::core::journal::Journal;
use contestel::core::plan::Plan;
use contestel::core::store::{self, Plans, SavedBills, SavedPages, Stored};
use libfuzzer_sys::fuzz_target;

#[path = "downstream.rs"]
mod downstream;

/// Decodes `raw` as a `T`, and checks that what was accepted reads back as itself.
fn decode<T: Stored + PartialEq + std::fmt::Debug>(raw: &str) -> Option<T> {
    let loaded = store::decode::<T>(Some(raw)).ok()??;
    if let Ok(text) = store::encode(&loaded.value, loaded.saved_at) {
        let again = store::decode::<T>(Some(&text))
            .ok()
            .flatten()
            .map(|l| l.value);
        assert_eq!(
            again.as_ref(),
            Some(&loaded.value),
            "a stored value does not read back"
        );
    }
    Some(loaded.value)
}

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    let Ok(raw) = std::str::from_utf8(rest) else {
        return;
    };
    let none = (Corrections::default(), BankData::default());
    match which % 6 {
        0 => {
            if let Some(journal) = decode::<Journal>(raw) {
                downstream::run(&[], &[], &none.0, &none.1, &journal.cases);
            }
        }
        1 => {
            if let Some(plans) = decode::<Plans>(raw) {
                downstream::run(&[], &plans.plans, &none.0, &none.1, &[]);
            }
        }
        2 => {
            if let Some(saved) = decode::<SavedBills>(raw) {
                let plan = Plan::with_price(rust_decimal::Decimal::new(1999, 2));
                downstream::run(&saved.bills, &[], &none.0, &none.1, &[]);
                downstream::run(&saved.bills, &[plan], &none.0, &none.1, &[]);
            }
        }
        3 => {
            if let Some(corrections) = decode::<Corrections>(raw) {
                let _ = corrections.validate();
                let _ = corrections.count();
            }
        }
        4 => {
            if let Some(bank) = decode::<BankData>(raw) {
                downstream::run(&[], &[], &none.0, &bank, &[]);
            }
        }
        _ => {
            let _ = decode::<SavedPages>(raw);
        }
    }
});
