//! Any text as an imported export file, through `Backup::decode` (what the data view calls
//! on the file a person picks), then what the app does with an accepted one: its summary,
//! the rules on its bills with its plans, the bank matching, the journal's advice
//! (`downstream`). An accepted export must also encode and decode back to itself.
#![no_main]

use contestel::core::backup::Backup;
use libfuzzer_sys::fuzz_target;

#[path = "downstream.rs"]
mod downstream;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(backup) = Backup::decode(text) else {
        return;
    };
    let _ = backup.summary();
    downstream::run(
        &backup.bills,
        &backup.plans.plans,
        &backup.corrections,
        &backup.bank,
        &backup.journal.cases,
    );
    let text = backup.encode().expect("an accepted export encodes");
    let again = Backup::decode(&text);
    assert_eq!(
        again.as_ref(),
        Ok(&backup),
        "an export does not read back as itself"
    );
});
