//! What the end-to-end tests need around the browser: a static server for `dist/` and a
//! ChromeDriver session on headless Chromium.
//!
//! The server is a few dozen lines on `std::net` so the tests own it completely: it serves
//! the site under a sub-path (as GitHub Pages serves `/<repo>/`), records every path asked
//! for, and answers 404 outside the sub-path so a wrongly rooted asset fails the test.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Component, Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder};

/// A static file server on 127.0.0.1, on a free port, in a background thread.
pub struct StaticServer {
    /// The port it listens on.
    pub port: u16,
    /// The sub-path the site lives under, with leading and trailing slashes.
    pub base: String,
    /// Every request line received, with its status: `("GET /x", 200)`.
    pub log: Arc<Mutex<Vec<(String, u16)>>>,
    /// While set, requests for paths ending so wait before they are answered.
    held: Arc<Mutex<Option<String>>>,
    /// Whether text and wasm go gzip-compressed to a browser that accepts it, as GitHub
    /// Pages sends them.
    gzip: Arc<AtomicBool>,
    stopped: Arc<AtomicBool>,
    accepting: Mutex<Option<std::thread::JoinHandle<()>>>,
}

impl StaticServer {
    /// Serves `root` under `base` (e.g. `/contestel/`), every answer `Cache-Control: no-cache`.
    pub fn start(root: &Path, base: &str) -> StaticServer {
        StaticServer::start_with_cache_control(root, base, "no-cache")
    }

    /// Serves `root` under `base` with the given `Cache-Control` (GitHub Pages sends
    /// `max-age=600`).
    pub fn start_with_cache_control(root: &Path, base: &str, cache_control: &str) -> StaticServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a free port on 127.0.0.1");
        let port = listener.local_addr().expect("local address").port();
        let log = Arc::new(Mutex::new(Vec::new()));
        let root = root.to_path_buf();
        let prefix = base.to_string();
        let cache_control = cache_control.to_string();
        let thread_log = Arc::clone(&log);
        let stopped = Arc::new(AtomicBool::new(false));
        let thread_stopped = Arc::clone(&stopped);
        let held = Arc::new(Mutex::new(None::<String>));
        let thread_held = Arc::clone(&held);
        let gzip = Arc::new(AtomicBool::new(false));
        let thread_gzip = Arc::clone(&gzip);
        let accepting = std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                if thread_stopped.load(Ordering::SeqCst) {
                    // Returning drops the listener: the port now refuses connections.
                    return;
                }
                let site = Site {
                    root: root.clone(),
                    prefix: prefix.clone(),
                    port,
                    cache_control: cache_control.clone(),
                    gzip: thread_gzip.load(Ordering::SeqCst),
                };
                let log = Arc::clone(&thread_log);
                let held = Arc::clone(&thread_held);
                std::thread::spawn(move || serve_one(stream, &site, &log, &held));
            }
        });
        StaticServer {
            port,
            base: base.to_string(),
            log,
            held,
            gzip,
            stopped,
            accepting: Mutex::new(Some(accepting)),
        }
    }

    /// Holds the answers to requests for paths ending with `suffix` until [`release`]
    /// (a slow download, made as long as a test needs).
    ///
    /// [`release`]: StaticServer::release
    pub fn hold(&self, suffix: &str) {
        *self.held.lock().unwrap() = Some(suffix.to_string());
    }

    /// From now on, text and wasm go gzip-compressed to a browser that accepts it (GitHub
    /// Pages does so; what a slow network carries depends on it).
    pub fn compress(&self) {
        self.gzip.store(true, Ordering::SeqCst);
    }

    /// Answers the requests held, and every later one at once.
    pub fn release(&self) {
        *self.held.lock().unwrap() = None;
    }

    /// Stops listening, as a site that went offline: from now on, connecting to the port
    /// is refused. Requests already accepted are still answered.
    pub fn stop(&self) {
        self.stopped.store(true, Ordering::SeqCst);
        // Wakes the accepting thread up so it sees the flag.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
        if let Some(thread) = self.accepting.lock().unwrap().take() {
            thread.join().expect("the accepting thread ends");
        }
    }

    /// Chromium switches that make this server the browser's only way out: every request
    /// of the page, its workers and the browser itself then reaches this server (loopback
    /// included, which Chromium otherwise never proxies) and is logged, whatever its origin.
    pub fn proxy_args(&self) -> Vec<String> {
        vec![
            format!("--proxy-server=http://127.0.0.1:{}", self.port),
            "--proxy-bypass-list=<-loopback>".into(),
        ]
    }

    /// The requests received so far: `("GET /x", status)`.
    pub fn requests(&self) -> Vec<(String, u16)> {
        self.log.lock().unwrap().clone()
    }

    /// The site's URL.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}{}", self.port, self.base)
    }

    /// The requests that were not answered 200.
    pub fn failures(&self) -> Vec<(String, u16)> {
        self.log
            .lock()
            .unwrap()
            .iter()
            .filter(|(_, status)| *status != 200)
            .cloned()
            .collect()
    }
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" | "webmanifest" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

/// Serves one request. A browser told to use this server as its proxy (see
/// [`StaticServer::proxy_args`]) sends absolute URLs (`GET http://host:port/path`) and
/// `CONNECT host:443`: only this server's own URLs are answered, anything else is logged and
/// refused.
/// What a request is answered from: the folder, the sub-path it is served under, the
/// server's port, the `Cache-Control` sent, and whether to compress.
struct Site {
    root: PathBuf,
    prefix: String,
    port: u16,
    cache_control: String,
    gzip: bool,
}

fn serve_one(
    mut stream: TcpStream,
    site: &Site,
    log: &Mutex<Vec<(String, u16)>>,
    held: &Mutex<Option<String>>,
) {
    let (root, prefix, port) = (site.root.as_path(), site.prefix.as_str(), site.port);
    let (cache_control, gzip) = (site.cache_control.as_str(), site.gzip);
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let mut reader = BufReader::new(stream.try_clone().expect("clone stream"));
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    // Of the headers, only whether the browser takes gzip changes the answer.
    let mut header = String::new();
    let mut accepts_gzip = false;
    while reader
        .read_line(&mut header)
        .map(|n| n > 2)
        .unwrap_or(false)
    {
        let lower = header.to_ascii_lowercase();
        accepts_gzip |= lower.starts_with("accept-encoding:") && lower.contains("gzip");
        header.clear();
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or("").to_string();
    let target = parts.next().unwrap_or("/").to_string();
    let own = format!("http://127.0.0.1:{port}/");
    let local = match target.strip_prefix(&own) {
        Some(rest) => format!("/{rest}"),
        None if target.starts_with('/') => target.clone(),
        // Another host, through the proxy: never served.
        None => String::new(),
    };
    let path = local.split(['?', '#']).next().unwrap_or("/");
    while held
        .lock()
        .unwrap()
        .as_deref()
        .is_some_and(|suffix| path.ends_with(suffix))
    {
        std::thread::sleep(Duration::from_millis(20));
    }
    let file = path
        .strip_prefix(prefix)
        .map(|rest| if rest.is_empty() { "index.html" } else { rest })
        .and_then(|rest| safe_join(root, rest));
    let (status, body, kind) = match file.filter(|f| f.is_file()) {
        Some(file) => (
            200,
            std::fs::read(&file).unwrap_or_default(),
            content_type(&file),
        ),
        None => (404, b"not found".to_vec(), "text/plain"),
    };
    log.lock()
        .unwrap()
        .push((format!("{method} {target}"), status));
    let compressible = !matches!(kind, "image/png" | "image/x-icon" | "application/pdf");
    let (body, encoding) = if gzip && accepts_gzip && status == 200 && compressible {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        let _ = encoder.write_all(&body);
        (
            encoder.finish().unwrap_or_default(),
            "Content-Encoding: gzip\r\n",
        )
    } else {
        (body, "")
    };
    let head = format!(
        "HTTP/1.1 {status} {}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\n{encoding}Cache-Control: {cache_control}\r\nConnection: close\r\n\r\n",
        if status == 200 { "OK" } else { "Not Found" },
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    if method != "HEAD" {
        let _ = stream.write_all(&body);
    }
}

fn safe_join(root: &Path, rest: &str) -> Option<PathBuf> {
    let relative = Path::new(rest);
    if relative
        .components()
        .all(|c| matches!(c, Component::Normal(_)))
    {
        Some(root.join(relative))
    } else {
        None
    }
}

/// How long a test waits for the page before it fails.
pub const PATIENCE: Duration = Duration::from_secs(30);

/// GitHub Pages serves a project site under `/<repo>/`: the tests serve it exactly so.
pub const BASE: &str = "/contestel/";

/// The path of a file under `tests/fixtures/`, as a file input takes it.
pub fn fixture(path: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path)
        .display()
        .to_string()
}

/// Serves the built site and opens it in a fresh Chromium of the given size, once the app
/// has started.
pub async fn open_app(width: u32, height: u32) -> (StaticServer, Browser) {
    let server = StaticServer::start(&dist_dir(), BASE);
    let browser = Browser::start(width, height).await;
    browser
        .client
        .goto(&server.url())
        .await
        .expect("open the page");
    browser.wait_for("#sample-button").await;
    (server, browser)
}

/// The built site to test: `$CONTESTEL_DIST`, else `dist/` at the crate root.
pub fn dist_dir() -> PathBuf {
    let dir = std::env::var_os("CONTESTEL_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("dist"));
    assert!(
        dir.join("index.html").is_file(),
        "no built site in {}: run `make dist` first (or `make test`, which does)",
        dir.display()
    );
    dir
}

/// A ChromeDriver process and a WebDriver session on headless Chromium; both end on drop.
pub struct Browser {
    /// The WebDriver client.
    pub client: Client,
    driver: Child,
    _profile: tempdir::TempDir,
}

pub mod tempdir {
    use std::path::{Path, PathBuf};

    /// A folder removed on drop.
    pub struct TempDir(PathBuf);

    impl TempDir {
        pub fn new(prefix: &str) -> TempDir {
            let base = std::env::temp_dir();
            let unique = format!(
                "{prefix}-{}-{}",
                std::process::id(),
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap()
                    .as_nanos()
            );
            let path = base.join(unique);
            std::fs::create_dir_all(&path).expect("create a temporary folder");
            TempDir(path)
        }

        pub fn path(&self) -> &Path {
            &self.0
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("addr")
        .port()
}

/// What a test may ask of the browser beyond the defaults.
#[derive(Clone, Debug, Default)]
pub struct BrowserOptions {
    /// Record the DevTools Network events of the page (ChromeDriver's performance log),
    /// read with [`Browser::network_events`].
    pub network_log: bool,
    /// Extra command-line switches for Chromium.
    pub args: Vec<String>,
}

/// One DevTools event from ChromeDriver's performance log: its method
/// (`Network.requestWillBeSent`…) and parameters.
#[derive(Clone, Debug)]
pub struct DevToolsEvent {
    /// The event's name.
    pub method: String,
    /// Its parameters, as DevTools sent them.
    pub params: serde_json::Value,
}

/// A ChromeDriver extension command fantoccini has no method for: `POST
/// /session/{id}/PATH` with a JSON body (`se/log` for the log entries of one type since the
/// last call, `goog/cdp/execute` for one DevTools command on the page).
#[derive(Debug)]
struct ChromeDriverCommand(&'static str, serde_json::Value);

impl fantoccini::wd::WebDriverCompatibleCommand for ChromeDriverCommand {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/{}",
            session_id.unwrap_or_default(),
            self.0
        ))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.1.to_string()))
    }
}

impl Browser {
    /// Runs one DevTools protocol command on the page (`Page.getAppManifest`…) and returns
    /// its result.
    pub async fn devtools(&self, command: &str, params: serde_json::Value) -> serde_json::Value {
        self.client
            .issue_cmd(ChromeDriverCommand(
                "goog/cdp/execute",
                serde_json::json!({ "cmd": command, "params": params }),
            ))
            .await
            .unwrap_or_else(|e| panic!("DevTools {command}: {e}"))
    }

    /// Starts ChromeDriver and opens a fresh headless Chromium of the given window size.
    pub async fn start(width: u32, height: u32) -> Browser {
        Browser::start_with(width, height, BrowserOptions::default()).await
    }

    /// The DevTools events recorded since the last call (the browser must have been
    /// started with `network_log`).
    pub async fn network_events(&self) -> Vec<DevToolsEvent> {
        let entries = self
            .client
            .issue_cmd(ChromeDriverCommand(
                "se/log",
                serde_json::json!({ "type": "performance" }),
            ))
            .await
            .expect("ChromeDriver's performance log");
        entries
            .as_array()
            .expect("log entries")
            .iter()
            .filter_map(|entry| entry["message"].as_str())
            .filter_map(|message| serde_json::from_str::<serde_json::Value>(message).ok())
            .map(|message| DevToolsEvent {
                method: message["message"]["method"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string(),
                params: message["message"]["params"].clone(),
            })
            .collect()
    }

    /// The console messages since the last call, CSP violations included (the browser must
    /// have been started with `network_log`).
    pub async fn console_messages(&self) -> Vec<String> {
        let entries = self
            .client
            .issue_cmd(ChromeDriverCommand(
                "se/log",
                serde_json::json!({ "type": "browser" }),
            ))
            .await
            .expect("ChromeDriver's browser log");
        entries
            .as_array()
            .expect("log entries")
            .iter()
            .filter_map(|entry| entry["message"].as_str().map(String::from))
            .collect()
    }

    /// Starts ChromeDriver and opens a fresh headless Chromium with `options`.
    pub async fn start_with(width: u32, height: u32, options: BrowserOptions) -> Browser {
        let driver_path =
            std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
        let port = free_port();
        // Its own process group, so that dropping the browser ends Chromium too even when a
        // test panics before `close` (killing ChromeDriver alone orphans its Chromium).
        let driver = Command::new(&driver_path)
            .process_group(0)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {driver_path}: {e} (make test installs it)"));
        let profile = tempdir::TempDir::new("contestel-chromium");
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".into(),
            serde_json::json!({
                "binary": std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()),
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-quic",
                    format!("--user-data-dir={}", profile.path().display()),
                    format!("--window-size={width},{height}"),
                    "--lang=fr-FR",
                ],
                "prefs": {
                    "intl.accept_languages": "fr-FR,fr",
                    "download.default_directory": profile.path().join("downloads").display().to_string(),
                    "download.prompt_for_download": false
                }
            }),
        );
        if let Some(args) = caps["goog:chromeOptions"]["args"].as_array_mut() {
            args.extend(options.args.iter().map(|a| serde_json::json!(a)));
        }
        if options.network_log {
            caps.insert(
                "goog:loggingPrefs".into(),
                serde_json::json!({ "performance": "ALL", "browser": "ALL" }),
            );
            caps["goog:chromeOptions"]["perfLoggingPrefs"] =
                serde_json::json!({ "enableNetwork": true, "enablePage": false });
        }
        // Desktop Chromium will not make a window narrower than 500 px: phones are emulated.
        if width < 500 {
            caps["goog:chromeOptions"]["mobileEmulation"] = serde_json::json!({
                "deviceMetrics": {"width": width, "height": height, "pixelRatio": 2, "touch": true}
            });
        }
        let url = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(20);
        let client = loop {
            let connector = hyper_util::client::legacy::connect::HttpConnector::new();
            match ClientBuilder::new(connector)
                .capabilities(caps.clone())
                .connect(&url)
                .await
            {
                Ok(client) => break client,
                Err(e) if Instant::now() > deadline => panic!("no WebDriver session: {e}"),
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        };
        Browser {
            client,
            driver,
            _profile: profile,
        }
    }

    /// Waits until the script returns true, or fails the test with `what`.
    pub async fn wait_until(&self, script: &str, what: &str, timeout: Duration) {
        let deadline = Instant::now() + timeout;
        loop {
            let value = self
                .client
                .execute(script, vec![])
                .await
                .expect("run script");
            if value.as_bool() == Some(true) {
                return;
            }
            if Instant::now() > deadline {
                let text = self
                    .client
                    .execute(
                        "return document.body ? document.body.innerText : ''",
                        vec![],
                    )
                    .await
                    .unwrap_or_default();
                panic!(
                    "timed out waiting for {what}; the page says:\n{}",
                    text.as_str().unwrap_or("")
                );
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Saves a screenshot of the whole page (not just the viewport) under
    /// `target/screenshots/NAME.png`; returns its path.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        use base64::Engine as _;
        // DevTools captures beyond the viewport, which resizing the window cannot do for an
        // emulated phone (its viewport stays the device's).
        let shot = self
            .devtools(
                "Page.captureScreenshot",
                serde_json::json!({"format": "png", "captureBeyondViewport": true}),
            )
            .await;
        let png = base64::engine::general_purpose::STANDARD
            .decode(shot["data"].as_str().expect("a PNG in base64"))
            .expect("decode the screenshot");
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
        std::fs::create_dir_all(&dir).expect("create target/screenshots");
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, png).expect("write screenshot");
        path
    }

    /// How far the page scrolls sideways (0 when it fits), and the first elements that
    /// stick out, for the failure message.
    pub async fn horizontal_overflow(&self) -> (i64, String) {
        let value = self
            .client
            .execute(
                "const w = document.documentElement.clientWidth;\
                 return [document.documentElement.scrollWidth - w,\
                   [...document.querySelectorAll('body *')]\
                   .filter(e => e.getBoundingClientRect().right > w + 0.5)\
                   .slice(0, 8).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ')]",
                vec![],
            )
            .await
            .expect("measure the page's width");
        serde_json::from_value(value).expect("a width and a list")
    }

    /// The page view's drawing as rendered: the smallest font size of the text of its rows
    /// with an amount (the SVG's font size times its scale on screen) and the smallest
    /// height of their glyph boxes, in CSS pixels, and how many such texts there are.
    pub async fn drawing_text_px(&self) -> (f64, f64, u64) {
        let value = self
            .client
            .execute(
                "const svg = document.querySelector('.page-view .page-svg');\
                 const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;\
                 const texts = [...svg.querySelectorAll('g.row-charge text, g.row-not-kept text, g.row-removed text')];\
                 return [Math.min(...texts.map(t => parseFloat(t.getAttribute('font-size')) * scale)),\
                   Math.min(...texts.map(t => t.getBoundingClientRect().height)), texts.length]",
                vec![],
            )
            .await
            .expect("measure the drawing's text");
        serde_json::from_value(value).expect("two sizes and a count")
    }

    /// Waits until an element matches the CSS selector.
    pub async fn wait_for(&self, css: &str) {
        let script = format!("return !!document.querySelector({css:?})");
        self.wait_until(&script, css, PATIENCE).await;
    }

    /// The text of the first element matching the CSS selector, as WebDriver gives it
    /// (once there is one).
    pub async fn text(&self, css: &str) -> String {
        self.wait_for(css).await;
        self.client
            .find(fantoccini::Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css}: {e}"))
            .text()
            .await
            .unwrap_or_else(|e| panic!("the text of {css}: {e}"))
    }

    /// Clicks the first element matching the CSS selector, once there is one.
    pub async fn click(&self, css: &str) {
        self.wait_for(css).await;
        self.client
            .find(fantoccini::Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css}: {e}"))
            .click()
            .await
            .unwrap_or_else(|e| panic!("click {css}: {e}"));
    }

    /// Runs axe-core (from `tools/node_modules`, injected into the page under test) on the
    /// whole document against WCAG 2.1 A and AA and axe's best practices (headings in order,
    /// landmarks), and returns every violation, whatever its impact, one line each. axe is
    /// injected through WebDriver, which the page's Content-Security-Policy does not govern.
    pub async fn axe_violations(&self) -> Vec<String> {
        let present = self
            .client
            .execute("return typeof window.axe === 'object'", vec![])
            .await
            .expect("look for axe");
        if present.as_bool() != Some(true) {
            let path = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tools/node_modules/axe-core/axe.min.js");
            let source = std::fs::read_to_string(&path).unwrap_or_else(|e| {
                panic!("{}: {e} (`make tools` installs axe-core)", path.display())
            });
            self.client
                .execute(&source, vec![])
                .await
                .expect("inject axe-core");
        }
        const RUN: &str = r#"
            const done = arguments[arguments.length - 1];
            axe.run(document, {
                runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']},
                resultTypes: ['violations'],
            }).then(r => done(r.violations
                .map(v => `${v.id} (${v.impact}): ${v.help} — ` + v.nodes.slice(0, 6)
                    .map(n => n.target.join(' ') + ': '
                        + (n.failureSummary || '').replace(/\s+/g, ' '))
                    .join(' | '))))
              .catch(e => done(['axe-core failed: ' + e]));
        "#;
        let result = self
            .client
            .execute_async(RUN, vec![])
            .await
            .expect("run axe-core");
        result
            .as_array()
            .expect("a list of violations")
            .iter()
            .map(|v| v.as_str().unwrap_or_default().to_string())
            .collect()
    }

    /// Fails the test if axe-core finds any violation on the page as it is.
    pub async fn assert_accessible(&self, view: &str) {
        let violations = self.axe_violations().await;
        assert!(
            violations.is_empty(),
            "axe-core found on {view}:\n{}",
            violations.join("\n")
        );
    }

    /// The folder downloads land in.
    pub fn downloads(&self) -> PathBuf {
        self._profile.path().join("downloads")
    }

    /// Waits for a file with this extension in the downloads; returns its path.
    pub async fn downloaded(&self, extension: &str) -> PathBuf {
        let downloads = self.downloads();
        let deadline = Instant::now() + PATIENCE;
        loop {
            let done = std::fs::read_dir(&downloads)
                .into_iter()
                .flatten()
                .flatten()
                .map(|e| e.path())
                .find(|p| p.extension().is_some_and(|x| x == extension));
            // Chromium may show the file under its name before its bytes are all written:
            // done when it is not empty and its size holds for 200 ms.
            if let Some(path) = done {
                let size = |p: &PathBuf| std::fs::metadata(p).map_or(0, |m| m.len());
                let before = size(&path);
                tokio::time::sleep(Duration::from_millis(200)).await;
                if before > 0 && size(&path) == before {
                    return path;
                }
            }
            assert!(
                Instant::now() < deadline,
                "no .{extension} file in {}",
                downloads.display()
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Ends the session (Chromium quits cleanly); dropping then ends the driver.
    pub async fn close(self) {
        let _ = self.client.clone().close().await;
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let group = format!("-{}", self.driver.id());
        let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}
