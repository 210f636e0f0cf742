//! `make bench`, the phone profile: what a person on a mid-range phone and a slow mobile
//! network feels on a first visit and on the next one, in the same headless Chromium.
//!
//! Lighthouse's mobile throttling, through DevTools: the CPU four times slower
//! (`Emulation.setCPUThrottlingRate`), 150 ms of round trip, 1.6 Mbit/s down and
//! 750 kbit/s up (`Network.emulateNetworkConditions`). Measured, from the navigation's
//! start: the first contentful paint (the browser's own entry), the moment a dropped bill
//! is accepted (the app mounted: its drop zone in the page), and, from the moment a bill
//! is chosen on the mounted app, its findings on screen. A cold visit is a fresh profile
//! (no service worker, empty caches); a repeat visit is the same profile navigating again
//! once the service worker holds the site. Served gzip-compressed, as GitHub Pages does.
//!
//! Not a test (it asserts that things *work*, never how fast): `#[ignore]`d, run by
//! `make bench`. Prints `PHONE {json}` and writes `bench/results/phone.{md,json}`.

// A test fails by panicking: the lints that keep panics out of the app stay out of here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::arithmetic_side_effects
)]
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::time::Duration;

use fantoccini::Locator;
use serde_json::{json, Value};
use support::{dist_dir, fixture, Browser, StaticServer, BASE};

/// Visits measured of each kind.
const VISITS: usize = 3;

/// Installed before any script of the page: when the app's drop zone appears (the app
/// mounted), when a bill is chosen on it, and when the findings appear after that.
const OBSERVER: &str = r#"
(() => {
  const seen = (window.__phone = {});
  document.addEventListener('change', (e) => {
    if (e.target && e.target.id === 'file-input') seen.chosen = performance.now();
  }, true);
  new MutationObserver(() => {
    if (seen.mounted === undefined && document.getElementById('sample-button'))
      seen.mounted = performance.now();
    if (seen.chosen !== undefined && seen.findings === undefined
        && document.getElementById('total-at-stake'))
      seen.findings = performance.now();
  }).observe(document, { childList: true, subtree: true });
})();
"#;

async fn throttle(browser: &Browser) {
    browser
        .devtools("Emulation.setCPUThrottlingRate", json!({ "rate": 4 }))
        .await;
    browser.devtools("Network.enable", json!({})).await;
    browser
        .devtools(
            "Network.emulateNetworkConditions",
            json!({
                "offline": false,
                "latency": 150,
                "downloadThroughput": 1_600_000 / 8,
                "uploadThroughput": 750_000 / 8,
            }),
        )
        .await;
    browser
        .devtools(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": OBSERVER }),
        )
        .await;
}

async fn until(browser: &Browser, script: &str, what: &str) {
    browser
        .wait_until(script, what, Duration::from_secs(120))
        .await;
}

/// First contentful paint and the app mounted, in ms from the navigation's start.
async fn load(browser: &Browser, url: &str) -> (f64, f64) {
    browser.client.goto(url).await.unwrap();
    until(browser, "return window.__phone && window.__phone.mounted !== undefined && performance.getEntriesByName('first-contentful-paint').length > 0", "the app mounted").await;
    let got = browser
        .client
        .execute(
            "return [performance.getEntriesByName('first-contentful-paint')[0].startTime, window.__phone.mounted]",
            vec![],
        )
        .await
        .unwrap();
    (got[0].as_f64().unwrap(), got[1].as_f64().unwrap())
}

/// A bill chosen on the mounted app: ms until its findings are on screen.
async fn findings(browser: &Browser) -> f64 {
    browser
        .client
        .find(Locator::Css("#file-input"))
        .await
        .unwrap()
        .send_keys(&fixture("bills/sample-orange-mobile.pdf"))
        .await
        .unwrap();
    until(
        browser,
        "return window.__phone.findings !== undefined",
        "the findings",
    )
    .await;
    let got = browser
        .client
        .execute(
            "return window.__phone.findings - window.__phone.chosen",
            vec![],
        )
        .await
        .unwrap();
    got.as_f64().unwrap()
}

fn median(mut samples: Vec<f64>) -> f64 {
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

#[tokio::test]
#[ignore = "a benchmark: run by `make bench`"]
async fn phone() {
    let server = StaticServer::start(&dist_dir(), BASE);
    // As GitHub Pages serves it.
    server.compress();
    let url = server.url();
    let (mut cold, mut repeat) = (Vec::new(), Vec::new());
    for _ in 0..VISITS {
        let browser = Browser::start(412, 823).await;
        throttle(&browser).await;
        let (fcp, mounted) = load(&browser, &url).await;
        let found = findings(&browser).await;
        cold.push((fcp, mounted, found));
        // The service worker has the whole site (it precaches every file) before the next
        // visit.
        until(
            &browser,
            "return !!navigator.serviceWorker.controller",
            "the service worker in control",
        )
        .await;
        let (fcp, mounted) = load(&browser, &url).await;
        repeat.push((fcp, mounted));
        browser.close().await;
    }
    let col = |v: &[(f64, f64, f64)], i: usize| {
        median(v.iter().map(|t| [t.0, t.1, t.2][i]).collect::<Vec<f64>>())
    };
    let result = json!({
        "profile": "CPU 4x slower, 150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up (Lighthouse mobile)",
        "visits": VISITS,
        "cold": {
            "first_contentful_paint_ms": col(&cold, 0),
            "accepted_ms": col(&cold, 1),
            "findings_after_drop_ms": col(&cold, 2),
            "runs": cold.iter().map(|t| json!([t.0, t.1, t.2])).collect::<Vec<Value>>(),
        },
        "repeat": {
            "first_contentful_paint_ms": median(repeat.iter().map(|t| t.0).collect()),
            "accepted_ms": median(repeat.iter().map(|t| t.1).collect()),
            "runs": repeat.iter().map(|t| json!([t.0, t.1])).collect::<Vec<Value>>(),
        },
    });
    println!("PHONE {result}");
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("bench/results");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("phone.json"),
        serde_json::to_string_pretty(&result).unwrap(),
    )
    .unwrap();
    let ms = |v: &Value| format!("{:.0} ms", v.as_f64().unwrap_or(f64::NAN));
    let md = format!(
        "# Phone profile\n\n{} — medians of {} visits, from the navigation's start.\n\n\
         | | first contentful paint | a dropped bill accepted (app mounted) | its findings on screen after the drop |\n\
         | --- | --- | --- | --- |\n\
         | cold first visit | {} | {} | {} |\n\
         | repeat visit (service worker) | {} | {} | |\n",
        result["profile"].as_str().unwrap(),
        VISITS,
        ms(&result["cold"]["first_contentful_paint_ms"]),
        ms(&result["cold"]["accepted_ms"]),
        ms(&result["cold"]["findings_after_drop_ms"]),
        ms(&result["repeat"]["first_contentful_paint_ms"]),
        ms(&result["repeat"]["accepted_ms"]),
    );
    std::fs::write(dir.join("phone.md"), md).unwrap();
    server.stop();
}
