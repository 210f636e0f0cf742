//! Native reading speed, without criterion (its dependency tree would slow every
//! `cargo clippy --all-targets` and `make test` compile for a number we take a median of).
//!
//! ```text
//! cargo bench --bench read -- [--runs N] [--json OUT.json] FILE...
//! ```
//!
//! For each file: the median of N runs (after one warm-up) of Contestel's whole reading
//! (`reader::read` then `rules::check` on the bill), and of lopdf alone loading the file
//! and inflating every stream (`Document::load_mem` + `decompress`), the floor no reader
//! built on lopdf can beat. Also the text engine on its own, for scale: pdf-extract's
//! `extract_text_from_mem` (the same lopdf load, then every page's text, with its own
//! plain-text output and none of our rows, interpretation or rules). Prints a table;
//! `--json` writes the figures for `make bench`.

// A test fails by panicking: the lints that keep panics out of the app stay out of here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::arithmetic_side_effects
)]
use std::path::PathBuf;
use std::time::Instant;

use chrono::NaiveDate;
use contestel::core::reader;
use contestel::core::rules;
use pdf_extract::Document;

fn median_ms(mut samples: Vec<f64>) -> f64 {
    samples.sort_by(|a, b| a.total_cmp(b));
    let n = samples.len();
    if n % 2 == 1 {
        samples[n / 2]
    } else {
        (samples[n / 2 - 1] + samples[n / 2]) / 2.0
    }
}

fn time_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    f();
    let samples = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    median_ms(samples)
}

fn main() {
    let mut runs = 20;
    let mut json_out: Option<PathBuf> = None;
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--runs" => runs = args.next().and_then(|n| n.parse().ok()).expect("--runs N"),
            "--json" => json_out = args.next().map(PathBuf::from),
            // cargo bench passes --bench to every bench target.
            "--bench" => {}
            _ => files.push(PathBuf::from(arg)),
        }
    }
    let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    let mut rows = Vec::new();
    println!(
        "{:<36} {:>10} {:>10} {:>7} {:>12} {:>7}",
        "file", "read ms", "lopdf ms", "ratio", "extract ms", "ratio"
    );
    for file in &files {
        let bytes = std::fs::read(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let name = file.file_stem().unwrap().to_string_lossy().to_string();
        let read_ms = time_ms(runs, || {
            let reading = reader::read(&bytes, &name).expect("a fixture bill reads");
            let report = rules::check(std::slice::from_ref(&reading.bill), None, today);
            std::hint::black_box(report);
        });
        let lopdf_ms = time_ms(runs, || {
            let mut doc = Document::load_mem(&bytes).expect("lopdf loads a fixture bill");
            doc.decompress();
            std::hint::black_box(doc);
        });
        let extract_ms = time_ms(runs, || {
            let text = pdf_extract::extract_text_from_mem(&bytes)
                .expect("pdf-extract reads a fixture bill");
            std::hint::black_box(text);
        });
        println!(
            "{name:<36} {read_ms:>10.3} {lopdf_ms:>10.3} {:>7.2} {extract_ms:>12.3} {:>7.2}",
            read_ms / lopdf_ms,
            extract_ms / lopdf_ms
        );
        rows.push(serde_json::json!({
            "name": name,
            "native_ms": read_ms,
            "lopdf_load_ms": lopdf_ms,
            "ratio": read_ms / lopdf_ms,
            "extract_text_ms": extract_ms,
            "extract_text_ratio": extract_ms / lopdf_ms,
        }));
    }
    if let Some(out) = json_out {
        let json = serde_json::json!({ "runs": runs, "bills": rows });
        std::fs::write(&out, serde_json::to_string_pretty(&json).unwrap() + "\n")
            .unwrap_or_else(|e| panic!("{}: {e}", out.display()));
    }
}
