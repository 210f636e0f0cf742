//! The JSON files that once panicked the app (`tests/fixtures/fuzz/json/`, from fuzzing the
//! import, the stores and the plan file, and by hand): each is refused where it is decoded,
//! saying which amount, and nothing after it runs on it. The file name's prefix says which
//! door it knocks at: `backup-` an imported export, `store-bills-` the stored bills.

// A test fails by panicking: the lints that keep panics out of the app stay out of here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::arithmetic_side_effects
)]
#![cfg(not(target_arch = "wasm32"))]

use contestel::core::backup::{Backup, BackupError};
use contestel::core::money::OUT_OF_BOUND;
use contestel::core::store::{self, SavedBills, StoreError};

#[test]
fn every_json_regression_is_refused_where_it_enters() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz/json");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        if name.starts_with("backup-") {
            match Backup::decode(&text) {
                Err(BackupError::AmountOutOfBound { field }) => {
                    assert!(field.starts_with("bills["), "{name}: {field}")
                }
                other => panic!("{name}: {other:?}"),
            }
        } else if name.starts_with("store-bills-") {
            match store::decode::<SavedBills>(Some(&text)) {
                Err(StoreError::Invalid { detail }) => {
                    assert!(detail.starts_with(OUT_OF_BOUND), "{name}: {detail}")
                }
                other => panic!("{name}: {:?}", other.map(|_| "decoded")),
            }
        } else {
            panic!("{name}: no door named by this prefix");
        }
        seen += 1;
    }
    assert!(seen >= 3, "{seen} files in {}", dir.display());
}
