//! Any bytes through the reading entry point. A panic counts as a crash here (libFuzzer
//! keeps it as an artifact), even those `read_contained` would turn into `Crashed`: each
//! one is a place where a crafted file makes the PDF crates give up, and the regression
//! tests in `tests/pdf_layer.rs` check that it is at least contained.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = contestel::core::reader::read(data, "fuzz.pdf");
});
