//! Native read time per file, median and minimum of 15 runs, beside the work the read did
//! (bytes inflated, operations, glyphs: what `tests/pdf_layer.rs` bounds instead of a
//! time): `cargo run --release --example read_times -- [FILE.pdf...]`, the fixture bills
//! and the bad inputs that cost the most by default. For a quick look at one file;
//! `make bench` is the measure (against lopdf's own load and pdf.js).

use std::path::PathBuf;
use std::time::{Duration, Instant};

use contestel::core::reader::{read_contained, read_measured};

fn main() {
    let mut files: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    if files.is_empty() {
        let fixtures = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let mut bills: Vec<PathBuf> = std::fs::read_dir(fixtures.join("bills"))
            .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_default();
        bills.retain(|p| p.extension().is_some_and(|e| e == "pdf"));
        bills.sort();
        files = bills;
        for bad in [
            "bomb.pdf",
            "deep-nesting.pdf",
            "huge-xref-w.pdf",
            "pages-loop.pdf",
            "scanned.pdf",
            "user-password.pdf",
        ] {
            files.push(fixtures.join("bad").join(bad));
        }
    }
    for path in files {
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let Ok(bytes) = std::fs::read(&path) else {
            println!("{name:28} unreadable");
            continue;
        };
        let (_, work) = read_measured(&bytes, &name);
        let mut times: Vec<Duration> = (0..15)
            .map(|_| {
                let start = Instant::now();
                let _ = read_contained(&bytes, &name);
                start.elapsed()
            })
            .collect();
        times.sort();
        println!(
            "{name:28} {:>7} bytes  median {:>7.2} ms  min {:>7.2} ms  inflated {:>8}  ops {:>6}  glyphs {:>6}",
            bytes.len(),
            times[times.len() / 2].as_secs_f64() * 1e3,
            times[0].as_secs_f64() * 1e3,
            work.inflated_bytes,
            work.operations,
            work.glyphs,
        );
    }
}
