//! The text rows of every PDF under `tests/fixtures/` exactly as the PDF layer reads them
//! (every row's baseline and size, every cell's edges and text, each number to the last
//! bit of its `f32`), compared with `tests/fixtures/pages/`: a change to how pages are
//! read that moves one cell by a hair, or turns an error into another, fails here before
//! it reaches a reading. Stricter than `tests/bills.rs`, which compares the whole `Bill`.
//!
//! After a change meant to alter the rows: `CONTESTEL_BLESS=1 cargo test --test
//! pages_snapshot` rewrites the files, and the diff says what moved. The same dump for
//! any folder of PDFs (the real bills, a randomised batch), to compare two builds by hand:
//! `DIR=… OUT=… cargo test --release --test pages_snapshot dump_folder -- --ignored`.
// A test fails by panicking: the lints that keep panics out of the app stay out of here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::arithmetic_side_effects
)]
#![cfg(not(target_arch = "wasm32"))]

use std::fmt::Write;
use std::path::{Path, PathBuf};

use contestel::core::pdf::{extract, Limits};

/// The rows of a file as text: one line a page, one a row (`y size` then each cell as
/// `[x x_end "text"]`), or the error. `{:?}` on `f32` prints the shortest text that reads
/// back to the same bits.
fn dump(bytes: &[u8]) -> String {
    let mut out = String::new();
    match extract(bytes, &Limits::default()) {
        Ok(pages) => {
            for p in &pages {
                let _ = writeln!(out, "page {} {:?} x {:?}", p.number, p.width, p.height);
                for r in &p.rows {
                    let _ = write!(out, "{:?} {:?}", r.y, r.size);
                    for c in &r.cells {
                        let _ = write!(out, " [{:?} {:?} {:?}]", c.x, c.x_end, c.text);
                    }
                    out.push('\n');
                }
            }
        }
        Err(e) => {
            let _ = writeln!(out, "error {:?} page {:?}", e.kind, e.page);
        }
    }
    out
}

fn pdfs_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "pdf"));
    files.sort();
    files
}

#[test]
fn every_fixture_pdf_reads_to_the_same_rows() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let snapshots = root.join("pages");
    let bless = std::env::var_os("CONTESTEL_BLESS").is_some();
    let mut failures = Vec::new();
    let mut count = 0;
    for folder in ["bills", "pdf", "bad", "fuzz"] {
        for pdf in pdfs_in(&root.join(folder)) {
            count += 1;
            let bytes = std::fs::read(&pdf).unwrap_or_default();
            let got = dump(&bytes);
            let name = format!(
                "{folder}-{}.txt",
                pdf.file_stem().unwrap_or_default().to_string_lossy()
            );
            let path = snapshots.join(&name);
            if bless {
                std::fs::create_dir_all(&snapshots).unwrap_or_else(|e| panic!("{e}"));
                std::fs::write(&path, &got).unwrap_or_else(|e| panic!("{e}"));
                continue;
            }
            let want = std::fs::read_to_string(&path).unwrap_or_default();
            if got != want {
                let first = got
                    .lines()
                    .zip(want.lines())
                    .position(|(g, w)| g != w)
                    .unwrap_or(got.lines().count().min(want.lines().count()));
                failures.push(format!(
                    "{name}: first difference at line {}\n  want {:?}\n  got  {:?}",
                    first + 1,
                    want.lines().nth(first).unwrap_or("(end)"),
                    got.lines().nth(first).unwrap_or("(end)"),
                ));
            }
        }
    }
    assert!(count >= 40, "only {count} fixture PDFs found");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Writes the dump of every PDF in `$DIR` into `$OUT` (one `.txt` each), for comparing
/// two builds on files that are not fixtures (`diff -r`).
#[test]
#[ignore]
fn dump_folder() {
    let dir = PathBuf::from(std::env::var("DIR").unwrap_or_default());
    let out = PathBuf::from(std::env::var("OUT").unwrap_or_default());
    std::fs::create_dir_all(&out).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
    for pdf in pdfs_in(&dir) {
        let bytes = std::fs::read(&pdf).unwrap_or_default();
        let name = format!(
            "{}.txt",
            pdf.file_stem().unwrap_or_default().to_string_lossy()
        );
        std::fs::write(out.join(name), dump(&bytes)).unwrap_or_else(|e| panic!("{e}"));
    }
}
