//! `make bench`: Contestel and pdf.js side by side, in the same headless Chromium page and
//! the same run, plus page load, the journal's load and save, and native reading.
//!
//! Not a test (it asserts that things *work*, never how fast): `#[ignore]`d, run by
//! `make bench` with `--ignored --nocapture` after the release site is built, the scale set
//! generated, the native bench (`benches/read.rs`) and the store bench
//! (`tests/bench_store.rs`) run. It writes `bench/results/latest.md` and
//! `bench/results/latest.json` and prints the ratios.
//!
//! The browser side lives in `bench/bench.js`, served with the built site and pdf.js from
//! one folder (`.tmp/bench-site`), so that the app's worker and pdf.js's run in the same
//! origin and page.

// A test fails by panicking: the lints that keep panics out of the app stay out of here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::arithmetic_side_effects
)]
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use fantoccini::wd::TimeoutConfiguration;
use serde_json::{json, Value};
use support::{dist_dir, Browser, StaticServer};

/// Timed runs per bill, after the warm-up runs.
const RUNS: usize = 15;
const WARMUP: usize = 3;
/// Page loads measured (each a fresh navigation; the first is reported apart).
const PAGE_LOADS: usize = 6;
/// Worker start-ups measured.
const STARTS: usize = 8;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The real bills of `../shared/bills/real` (read where they are, never copied), as
/// `tests/real_bills.rs` finds them; `None` when there are none beside the checkout.
fn real_bills() -> Option<PathBuf> {
    [
        std::env::var_os("CONTESTEL_REAL_BILLS").map(PathBuf::from),
        Some(root().join("../shared/bills/real")),
    ]
    .into_iter()
    .flatten()
    .find(|p| p.is_dir())
}

fn gzip_len(bytes: &[u8]) -> usize {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap().len()
}

fn pdfs_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    files.sort();
    files
}

fn stem(path: &Path) -> String {
    path.file_stem().unwrap().to_string_lossy().into_owned()
}

fn link(target: &Path, at: &Path) {
    let _ = std::fs::remove_file(at);
    std::os::unix::fs::symlink(target, at)
        .unwrap_or_else(|e| panic!("link {} at {}: {e}", target.display(), at.display()));
}

/// The built site, the bench page, pdf.js and the PDFs in one folder.
fn assemble_site() -> PathBuf {
    let site = root().join(".tmp/bench-site");
    let _ = std::fs::remove_dir_all(&site);
    std::fs::create_dir_all(&site).unwrap();
    for entry in std::fs::read_dir(dist_dir()).unwrap() {
        let path = entry.unwrap().path();
        link(&path, &site.join(path.file_name().unwrap()));
    }
    let pdfjs = root().join("bench/node_modules/pdfjs-dist");
    assert!(
        pdfjs.join("build/pdf.min.mjs").is_file(),
        "pdf.js is missing: `npm ci --prefix bench` (make bench does it)"
    );
    link(&pdfjs, &site.join("pdfjs"));
    link(&root().join("bench/bench.html"), &site.join("bench.html"));
    link(&root().join("bench/bench.js"), &site.join("bench.js"));
    link(&root().join("tests/fixtures/bills"), &site.join("bills"));
    link(&root().join("bench/scale"), &site.join("scale"));
    if let Some(real) = real_bills() {
        link(&real, &site.join("real"));
    }
    site
}

/// Runs `bench.NAME(...args)` in the bench page and returns what it resolves to.
async fn call(browser: &Browser, name: &str, args: Value) -> Value {
    let script = format!(
        "const done = arguments[arguments.length - 1];\
         window.bench.{name}(...arguments[0]).then(done, e => done({{error: String(e && e.stack || e)}}));"
    );
    let value = browser
        .client
        .execute_async(&script, vec![args])
        .await
        .unwrap_or_else(|e| panic!("bench.{name}: {e}"));
    if let Some(error) = value.get("error") {
        panic!("bench.{name}: {}", error.as_str().unwrap_or_default());
    }
    value
}

fn num(v: &Value, key: &str) -> f64 {
    v.get(key)
        .and_then(Value::as_f64)
        .unwrap_or_else(|| panic!("no number {key} in {v}"))
}

fn median(mut samples: Vec<f64>) -> f64 {
    samples.sort_by(|a, b| a.total_cmp(b));
    let n = samples.len();
    if n == 0 {
        return f64::NAN;
    }
    (samples[(n - 1) / 2] + samples[n / 2]) / 2.0
}

/// What kind of asset a served path is, for the first-load table.
fn kind_of(path: &str) -> &'static str {
    let name = path.rsplit('/').next().unwrap_or(path);
    if name.ends_with(".wasm") {
        if name.starts_with("worker") {
            "worker_wasm"
        } else {
            "app_wasm"
        }
    } else if name.ends_with(".js") {
        if name.starts_with("worker") {
            "worker_js"
        } else {
            "app_js"
        }
    } else if name.ends_with(".css") {
        "css"
    } else if name.ends_with(".html") || name.is_empty() {
        "html"
    } else {
        "other"
    }
}

/// Page loads of the app, each waited for until the app has mounted: the first contentful
/// paint (the first screen of `index.html`, drawn before the wasm since 2026-12-08), the
/// load event, and what was transferred.
async fn page_load(browser: &Browser, server: &StaticServer, site: &Path) -> Value {
    let mut paints = Vec::new();
    let mut loads = Vec::new();
    let mut first_bytes: BTreeMap<&'static str, (usize, usize)> = BTreeMap::new();
    let mut first_paths = Vec::new();
    for i in 0..PAGE_LOADS {
        // A blank page between loads, so that each is a fresh navigation.
        browser.client.goto("about:blank").await.unwrap();
        browser
            .client
            .goto(&format!("{}index.html", server.url()))
            .await
            .expect("open the app");
        browser
            .wait_until(
                "return !!document.querySelector('#sample-button')",
                "the app's first screen",
                Duration::from_secs(20),
            )
            .await;
        // Paint entries are recorded after the frame is drawn: observed, buffered.
        let timing = browser
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];\
                 const nav = () => performance.getEntriesByType('navigation')[0];\
                 const finish = (fcp) => done({fcp, load: nav() ? nav().loadEventEnd : null,\
                   resources: performance.getEntriesByType('resource').map(e => e.name)});\
                 new PerformanceObserver((list) => {\
                   const e = list.getEntriesByName('first-contentful-paint')[0];\
                   if (e) finish(e.startTime);\
                 }).observe({type: 'paint', buffered: true});\
                 setTimeout(() => finish(null), 3000);",
                vec![],
            )
            .await
            .unwrap();
        paints.push(num(&timing, "fcp"));
        loads.push(num(&timing, "load"));
        if i == 0 {
            // What the page itself fetched (its resource timing, plus the document):
            // requests a service worker makes for itself (precaching) are not the first
            // screen's and do not show there.
            let mut urls = vec![format!("{}index.html", server.url())];
            urls.extend(
                timing["resources"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|u| u.as_str().map(str::to_string)),
            );
            let prefix = server.url();
            for url in urls {
                let Some(rel) = url.strip_prefix(&prefix) else {
                    continue;
                };
                let rel = rel.split(['?', '#']).next().unwrap_or("");
                let rel = if rel.is_empty() { "index.html" } else { rel };
                let file = site.join(rel);
                if !file.is_file() || first_paths.iter().any(|p| p == rel) {
                    continue;
                }
                let bytes = std::fs::read(&file).unwrap();
                let entry = first_bytes.entry(kind_of(rel)).or_default();
                entry.0 += bytes.len();
                entry.1 += gzip_len(&bytes);
                first_paths.push(rel.to_string());
            }
        }
    }
    let total_gzip: usize = first_bytes.values().map(|(_, g)| g).sum();
    let total_raw: usize = first_bytes.values().map(|(r, _)| r).sum();
    json!({
        "first_paint_first_ms": paints[0],
        "first_paint_median_ms": median(paints[1..].to_vec()),
        "load_event_median_ms": median(loads[1..].to_vec()),
        "first_load_files": first_paths,
        "first_load_raw_bytes": total_raw,
        "first_load_gzip_bytes": total_gzip,
        "by_kind": first_bytes
            .iter()
            .map(|(k, (raw, gz))| (k.to_string(), json!({"raw": raw, "gzip": gz})))
            .collect::<serde_json::Map<_, _>>(),
    })
}

fn read_json(path: &Path) -> Option<Value> {
    std::fs::read_to_string(path)
        .ok()
        .and_then(|s| serde_json::from_str(&s).ok())
}

/// The `BENCH_STORE {json}` line tests/bench_store.rs printed (make bench keeps its log).
fn store_figures() -> Option<Value> {
    let log = std::fs::read_to_string(root().join(".tmp/bench-store.log")).ok()?;
    let line = log.lines().find_map(|l| {
        l.find("BENCH_STORE ")
            .map(|i| l[i + "BENCH_STORE ".len()..].to_string())
    })?;
    serde_json::from_str(&line).ok()
}

fn gzip_of(path: &Path) -> usize {
    gzip_len(&std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
}

fn fmt_ms(v: f64) -> String {
    if v.is_nan() {
        "–".into()
    } else if v < 10.0 {
        format!("{v:.2}")
    } else {
        format!("{v:.1}")
    }
}

fn kb(bytes: f64) -> String {
    format!("{:.1} KB", bytes / 1000.0)
}

#[tokio::test]
#[ignore = "a benchmark, not a test: run through `make bench`"]
async fn bench() {
    // How busy the machine is before the runs: pdf.js compiles and collects garbage on
    // threads of its own, which a busy second core slows more than our one-threaded worker,
    // so the ratios of a busy machine are not those of an idle one.
    let busy_before = cpu_busy_share(Duration::from_secs(2));
    if busy_before > BUSY {
        eprintln!(
            "bench: WARNING the CPUs were {:.0} % busy before the runs: the ratios to pdf.js \
             will not compare with an idle machine's",
            busy_before * 100.0
        );
    }
    let site = assemble_site();
    let server = StaticServer::start(&site, "/contestel/");
    let browser = Browser::start(1280, 900).await;
    browser
        .client
        .update_timeouts(TimeoutConfiguration::new(
            Some(Duration::from_secs(600)),
            Some(Duration::from_secs(60)),
            Some(Duration::ZERO),
        ))
        .await
        .unwrap();

    eprintln!("bench: page load");
    let load = page_load(&browser, &server, &site).await;

    browser
        .client
        .goto(&format!("{}bench.html", server.url()))
        .await
        .unwrap();
    browser
        .wait_until(
            "return window.benchReady === true",
            "the bench page",
            Duration::from_secs(20),
        )
        .await;

    let fixtures = pdfs_in(&root().join("tests/fixtures/bills"));
    let real: Vec<PathBuf> = real_bills().map(|d| pdfs_in(&d)).unwrap_or_default();
    let scale = pdfs_in(&root().join("bench/scale"));
    let monthly: Vec<&PathBuf> = scale
        .iter()
        .filter(|p| stem(p).starts_with("monthly-"))
        .collect();
    let annex: Vec<&PathBuf> = scale
        .iter()
        .filter(|p| !stem(p).starts_with("monthly-"))
        .collect();
    assert_eq!(monthly.len(), 24, "the scale set has 24 monthly bills");
    let set_of = |p: &Path| {
        if p.starts_with(root().join("bench/scale")) {
            "scale"
        } else if real.iter().any(|r| r == p) {
            "real"
        } else {
            "fixtures"
        }
    };
    let url_of = |p: &Path| {
        let dir = match set_of(p) {
            "scale" => "scale",
            "real" => "real",
            _ => "bills",
        };
        format!("./{dir}/{}", p.file_name().unwrap().to_string_lossy())
    };
    // Every fixture bill, the real bills, the 30-page one, and the first monthly bill (for
    // its single time).
    let singles: Vec<PathBuf> = fixtures
        .iter()
        .chain(real.iter())
        .chain(annex.iter().copied())
        .chain(monthly.first().copied())
        .cloned()
        .collect();
    let single_urls: Vec<String> = singles.iter().map(|p| url_of(p)).collect();
    let monthly_urls: Vec<String> = monthly.iter().map(|p| url_of(p)).collect();

    eprintln!("bench: worker start-up");
    let contestel_startup = call(&browser, "contestelStartup", json!([STARTS])).await;
    let pdfjs_startup = call(&browser, "pdfjsStartup", json!([STARTS])).await;
    eprintln!(
        "bench: Contestel and pdf.js, interleaved, {} bills",
        single_urls.len()
    );
    let compared = call(&browser, "compareRead", json!([single_urls, WARMUP, RUNS])).await;
    eprintln!("bench: 24 monthly bills");
    let contestel_24 = call(&browser, "contestelBatch", json!([monthly_urls, 1, 5])).await;
    let pdfjs_24 = call(&browser, "pdfjsBatch", json!([monthly_urls, 1, 5])).await;
    // A fresh worker per file, as reader_host did before it kept its worker: each one
    // compiles and warms the wasm again.
    let contestel_24_fresh = call(&browser, "contestelFresh", json!([monthly_urls])).await;
    browser.close().await;
    let busy_after = cpu_busy_share(Duration::from_secs(2));

    let native = read_json(&root().join(".tmp/bench-native.json"));
    let native_by_name: BTreeMap<String, Value> = native
        .as_ref()
        .and_then(|n| n.get("bills"))
        .and_then(Value::as_array)
        .map(|rows| {
            rows.iter()
                .map(|r| (r["name"].as_str().unwrap_or("").to_string(), r.clone()))
                .collect()
        })
        .unwrap_or_default();

    let mut bills = Vec::new();
    for (i, path) in singles.iter().enumerate() {
        let row = &compared[i];
        let c = &row["contestel"];
        let p = &row["pdfjs"];
        let name = stem(path);
        let contestel_ms = num(c, "median_ms");
        let pdfjs_ms = num(p, "median_ms");
        let n = native_by_name.get(&name);
        bills.push(json!({
            "name": name,
            "set": set_of(path),
            "bytes": std::fs::metadata(path).unwrap().len(),
            "pages": row["pages"],
            "contestel_ms": contestel_ms,
            "contestel_first_ms": c["first_ms"],
            "contestel_min_ms": c["min_ms"],
            "pdfjs_ms": pdfjs_ms,
            "pdfjs_first_ms": p["first_ms"],
            "pdfjs_min_ms": p["min_ms"],
            "ratio": contestel_ms / pdfjs_ms,
            // The median of the run-by-run ratios (each pair ran back to back).
            "paired_ratio": row["median_ratio"],
            "native_ms": n.map(|n| n["native_ms"].clone()).unwrap_or(Value::Null),
            "lopdf_load_ms": n.map(|n| n["lopdf_load_ms"].clone()).unwrap_or(Value::Null),
            "native_vs_lopdf_load_ratio": n.map(|n| n["ratio"].clone()).unwrap_or(Value::Null),
            // pdf-extract's own `extract_text` on the same lopdf: the text engine alone.
            "extract_text_ms": n.map(|n| n["extract_text_ms"].clone()).unwrap_or(Value::Null),
            "extract_text_vs_lopdf_load_ratio": n
                .map(|n| n["extract_text_ratio"].clone())
                .unwrap_or(Value::Null),
            "runs": RUNS,
        }));
    }
    let fixture_ratios: Vec<f64> = bills
        .iter()
        .filter(|b| b["set"] == "fixtures")
        .map(|b| b["ratio"].as_f64().unwrap())
        .collect();
    let overall_ratio = median(fixture_ratios);
    let real_ratio = median(
        bills
            .iter()
            .filter(|b| b["set"] == "real")
            .map(|b| b["ratio"].as_f64().unwrap())
            .collect(),
    );
    let native_ratios: Vec<f64> = bills
        .iter()
        .filter_map(|b| b["native_vs_lopdf_load_ratio"].as_f64())
        .collect();
    let native_vs_lopdf = median(native_ratios);
    let extract_text_vs_lopdf = median(
        bills
            .iter()
            .filter_map(|b| b["extract_text_vs_lopdf_load_ratio"].as_f64())
            .collect(),
    );
    let typical: Vec<f64> = bills
        .iter()
        .filter(|b| b["set"] == "fixtures" && (2..=6).contains(&b["pages"].as_u64().unwrap_or(0)))
        .map(|b| b["contestel_ms"].as_f64().unwrap())
        .collect();
    let typical_median = median(typical.clone());

    let pdfjs_dir = root().join("bench/node_modules/pdfjs-dist/build");
    let pdfjs_gzip = gzip_of(&pdfjs_dir.join("pdf.min.mjs"));
    let pdfjs_worker_gzip = gzip_of(&pdfjs_dir.join("pdf.worker.min.mjs"));
    let module_gzip = |prefix: &str| -> usize {
        std::fs::read_dir(dist_dir())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| {
                let n = p.file_name().unwrap().to_string_lossy();
                n.starts_with(prefix) && (n.ends_with(".wasm") || n.ends_with(".js"))
            })
            .map(|p| gzip_of(&p))
            .sum()
    };
    let worker_gzip = module_gzip("worker");
    let store = store_figures();
    let scale_24 = num(&contestel_24, "median_ms");

    let results = json!({
        "date": chrono_like_now(),
        "machine": machine(),
        "cpu_busy_before": busy_before,
        "cpu_busy_after": busy_after,
        "runs": RUNS,
        "warmup": WARMUP,
        "bills": bills,
        "overall_ratio": overall_ratio,
        "real_bills_ratio": real_ratio,
        "typical_bill_median_ms": typical_median,
        "first_load_gzip_bytes": load["first_load_gzip_bytes"],
        "worker_gzip_bytes": worker_gzip,
        "pdfjs_gzip_bytes": pdfjs_gzip + pdfjs_worker_gzip,
        "pdfjs_main_gzip_bytes": pdfjs_gzip,
        "pdfjs_worker_gzip_bytes": pdfjs_worker_gzip,
        "scale_24_bills_ms": scale_24,
        "scale_24_bills_fresh_workers_ms": num(&contestel_24_fresh, "total_ms"),
        "scale_24_bills_fresh_worker_each_median_ms": num(&contestel_24_fresh, "median_ms"),
        "pdfjs_scale_24_bills_ms": num(&pdfjs_24, "median_ms"),
        "native_vs_lopdf_load_ratio": native_vs_lopdf,
        "extract_text_vs_lopdf_load_ratio": extract_text_vs_lopdf,
        // The first reading in the first worker: the wasm code is cold (baseline tier).
        "cold_first_read": {"name": stem(&singles[0]), "ms": compared[0]["contestel"]["first_ms"]},
        "worker_startup": contestel_startup,
        "pdfjs_worker_startup": pdfjs_startup,
        "page_load": load,
        "store": store.clone().unwrap_or(Value::Null),
    });
    let dir = root().join("bench/results");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("latest.json"),
        serde_json::to_string_pretty(&results).unwrap() + "\n",
    )
    .unwrap();
    let markdown = markdown(&results);
    std::fs::write(dir.join("latest.md"), &markdown).unwrap();
    println!("{markdown}");
    println!("Contestel / pdf.js, per bill:");
    for b in results["bills"].as_array().unwrap() {
        println!(
            "  {:<32} {:>6.2}",
            b["name"].as_str().unwrap(),
            b["ratio"].as_f64().unwrap()
        );
    }
    println!("  overall (median of the fixture bills) {overall_ratio:.2}");
    println!("wrote bench/results/latest.md and bench/results/latest.json");
}

fn chrono_like_now() -> String {
    let out = std::process::Command::new("date")
        .args(["-u", "+%Y-%m-%dT%H:%M:%SZ"])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default();
    out
}

/// Above this share of busy CPU time before or after the runs, the results say the machine
/// was busy.
const BUSY: f64 = 0.25;

/// The share of all CPUs' time spent busy over `window`, from `/proc/stat` (0 where it
/// cannot be read). Nothing of the benchmark runs then, so it is other work's.
fn cpu_busy_share(window: Duration) -> f64 {
    fn times() -> Option<(u64, u64)> {
        let stat = std::fs::read_to_string("/proc/stat").ok()?;
        let cpu = stat.lines().next()?.strip_prefix("cpu ")?;
        let fields: Vec<u64> = cpu
            .split_whitespace()
            .filter_map(|f| f.parse().ok())
            .collect();
        // user nice system idle iowait irq softirq steal ...
        let idle = fields.get(3)? + fields.get(4).unwrap_or(&0);
        let total: u64 = fields.iter().take(8).sum();
        Some((total - idle, total))
    }
    let Some((busy0, total0)) = times() else {
        return 0.0;
    };
    std::thread::sleep(window);
    let Some((busy1, total1)) = times() else {
        return 0.0;
    };
    if total1 <= total0 {
        return 0.0;
    }
    (busy1 - busy0) as f64 / (total1 - total0) as f64
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|s| s.trim().to_string())
        })
        .unwrap_or_default();
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(0);
    let chromium = std::process::Command::new(
        std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()),
    )
    .arg("--version")
    .output()
    .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
    .unwrap_or_default();
    format!("{cpu}, {cores} cores, {chromium}")
}

fn markdown(r: &Value) -> String {
    let mut s = String::new();
    s.push_str(&format!(
        "# Contestel benchmark\n\n{} — {}. Medians of {} runs after {} warm-up runs, \
         in one headless Chromium page; Contestel in its parse worker (bytes in, bill out, \
         as JSON), pdf.js 6 `getDocument` + `getTextContent` of every page in its worker, \
         their runs interleaved; workers started beforehand (start-up below). \
         *paired* is the median of the run-by-run ratios.\n\n",
        r["date"].as_str().unwrap_or(""),
        r["machine"].as_str().unwrap_or(""),
        r["runs"],
        r["warmup"],
    ));
    let before = r["cpu_busy_before"].as_f64().unwrap_or(0.0);
    let after = r["cpu_busy_after"].as_f64().unwrap_or(0.0);
    s.push_str(&format!(
        "CPUs busy with other work in the 2 s before the runs: {:.0} %, after: {:.0} %.{}\n\n",
        before * 100.0,
        after * 100.0,
        if before.max(after) > BUSY {
            " **The machine was busy: the ratios to pdf.js do not compare with an idle run's.**"
        } else {
            ""
        }
    ));
    s.push_str(
        "| bill | pages | KB | Contestel ms | first ms | pdf.js ms | first ms | ratio | paired | native ms | lopdf load ms | native / lopdf | pdf-extract text ms | / lopdf |\n",
    );
    s.push_str(
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n",
    );
    for b in r["bills"].as_array().unwrap() {
        let opt = |k: &str| b[k].as_f64().map(fmt_ms).unwrap_or_else(|| "–".into());
        let ratio = |k: &str| {
            b[k].as_f64()
                .map(|v| format!("{v:.1}"))
                .unwrap_or_else(|| "–".into())
        };
        s.push_str(&format!(
            "| {} | {} | {:.1} | {} | {} | {} | {} | {:.2} | {:.2} | {} | {} | {} | {} | {} |\n",
            b["name"].as_str().unwrap(),
            b["pages"],
            b["bytes"].as_f64().unwrap() / 1000.0,
            fmt_ms(b["contestel_ms"].as_f64().unwrap()),
            fmt_ms(b["contestel_first_ms"].as_f64().unwrap()),
            fmt_ms(b["pdfjs_ms"].as_f64().unwrap()),
            fmt_ms(b["pdfjs_first_ms"].as_f64().unwrap()),
            b["ratio"].as_f64().unwrap(),
            b["paired_ratio"].as_f64().unwrap_or(f64::NAN),
            opt("native_ms"),
            opt("lopdf_load_ms"),
            ratio("native_vs_lopdf_load_ratio"),
            opt("extract_text_ms"),
            ratio("extract_text_vs_lopdf_load_ratio"),
        ));
    }
    let f = |k: &str| r[k].as_f64().unwrap_or(f64::NAN);
    let load = &r["page_load"];
    s.push_str(&format!(
        "\n| figure | value |\n| --- | ---: |\n\
         | overall ratio Contestel / pdf.js (median of fixture bills) | {:.2} |\n\
         | ratio on the real bills of ../shared/bills/real (median) | {:.2} |\n\
         | typical bill (2–6 pages) median | {} ms |\n\
         | 24 monthly bills, one warm worker (as the app reads them) | {} ms |\n\
         | 24 monthly bills, a fresh worker each (as the app read them before) | {} ms |\n\
         | 24 monthly bills, pdf.js | {} ms |\n\
         | first reading in a fresh page ({}, cold wasm code) | {} ms |\n\
         | Contestel worker start-up: first / median after | {} / {} ms |\n\
         | pdf.js worker start-up: first / median after | {} / {} ms |\n\
         | native / lopdf load+decompress (median over bills) | {:.1} |\n\
         | pdf-extract's own extract_text / lopdf load+decompress (median over bills; the text engine alone, for scale) | {:.1} |\n\
         | first paint of the app: first load / median reload | {} / {} ms |\n\
         | first load, gzip (everything the first screen fetched) | {} |\n",
        f("overall_ratio"),
        f("real_bills_ratio"),
        fmt_ms(f("typical_bill_median_ms")),
        fmt_ms(f("scale_24_bills_ms")),
        fmt_ms(f("scale_24_bills_fresh_workers_ms")),
        fmt_ms(f("pdfjs_scale_24_bills_ms")),
        r["cold_first_read"]["name"].as_str().unwrap_or(""),
        fmt_ms(r["cold_first_read"]["ms"].as_f64().unwrap_or(f64::NAN)),
        fmt_ms(r["worker_startup"]["first_ms"].as_f64().unwrap_or(f64::NAN)),
        fmt_ms(
            r["worker_startup"]["median_ms"]
                .as_f64()
                .unwrap_or(f64::NAN)
        ),
        fmt_ms(
            r["pdfjs_worker_startup"]["first_ms"]
                .as_f64()
                .unwrap_or(f64::NAN)
        ),
        fmt_ms(
            r["pdfjs_worker_startup"]["median_ms"]
                .as_f64()
                .unwrap_or(f64::NAN)
        ),
        f("native_vs_lopdf_load_ratio"),
        f("extract_text_vs_lopdf_load_ratio"),
        fmt_ms(load["first_paint_first_ms"].as_f64().unwrap_or(f64::NAN)),
        fmt_ms(load["first_paint_median_ms"].as_f64().unwrap_or(f64::NAN)),
        kb(f("first_load_gzip_bytes")),
    ));
    if let Some(kinds) = load["by_kind"].as_object() {
        for (kind, v) in kinds {
            s.push_str(&format!(
                "| first load: {kind} (raw / gzip) | {} / {} |\n",
                kb(v["raw"].as_f64().unwrap_or(0.0)),
                kb(v["gzip"].as_f64().unwrap_or(0.0))
            ));
        }
    }
    s.push_str(&format!(
        "| worker (.wasm + .js), gzip, fetched when the first file is read | {} |\n\
         | pdf.js bundle, gzip (pdf.min.mjs + pdf.worker.min.mjs) | {} |\n",
        kb(f("worker_gzip_bytes")),
        kb(f("pdfjs_gzip_bytes")),
    ));
    let store = &r["store"];
    if store.is_object() {
        s.push_str(&format!(
            "| journal of {} events in {} cases: load / save ({}) | {} / {} ms |\n\
             | {} saved bills: load / save ({}) | {} / {} ms |\n",
            store["events"],
            store["cases"],
            kb(store["journal"]["stored_bytes"].as_f64().unwrap_or(0.0)),
            fmt_ms(store["journal"]["load_ms"].as_f64().unwrap_or(f64::NAN)),
            fmt_ms(store["journal"]["save_ms"].as_f64().unwrap_or(f64::NAN)),
            store["bills"],
            kb(store["saved_bills"]["stored_bytes"].as_f64().unwrap_or(0.0)),
            fmt_ms(store["saved_bills"]["load_ms"].as_f64().unwrap_or(f64::NAN)),
            fmt_ms(store["saved_bills"]["save_ms"].as_f64().unwrap_or(f64::NAN)),
        ));
    } else {
        s.push_str("| journal load / save | not measured (no .tmp/bench-store.log) |\n");
    }
    s
}
