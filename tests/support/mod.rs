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
}

impl StaticServer {
    /// Serves `root` under `base` (e.g. `/contestel/`).
    pub fn start(root: &Path, base: &str) -> StaticServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a free port on 127.0.0.1");
        let port = listener.local_addr().expect("local address").port();
        let log = Arc::new(Mutex::new(Vec::new()));
        let root = root.to_path_buf();
        let prefix = base.to_string();
        let thread_log = Arc::clone(&log);
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let root = root.clone();
                let prefix = prefix.clone();
                let log = Arc::clone(&thread_log);
                std::thread::spawn(move || serve_one(stream, &root, &prefix, &log));
            }
        });
        StaticServer {
            port,
            base: base.to_string(),
            log,
        }
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

fn serve_one(mut stream: TcpStream, root: &Path, prefix: &str, log: &Mutex<Vec<(String, u16)>>) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let mut reader = BufReader::new(stream.try_clone().expect("clone stream"));
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    // Skip the headers: nothing in them changes what a static site answers.
    let mut header = String::new();
    while reader
        .read_line(&mut header)
        .map(|n| n > 2)
        .unwrap_or(false)
    {
        header.clear();
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or("").to_string();
    let target = parts.next().unwrap_or("/").to_string();
    let path = target.split(['?', '#']).next().unwrap_or("/");
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
    let head = format!(
        "HTTP/1.1 {status} {}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n",
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

mod tempdir {
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

impl Browser {
    /// Starts ChromeDriver and opens a fresh headless Chromium of the given window size.
    pub async fn start(width: u32, height: u32) -> Browser {
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
        let (width, height) = self.client.get_window_size().await.expect("window size");
        let full = self
            .client
            .execute("return document.documentElement.scrollHeight", vec![])
            .await
            .ok()
            .and_then(|h| h.as_u64())
            .unwrap_or(height)
            .clamp(height, 6000);
        let _ = self.client.set_window_size(width as u32, full as u32).await;
        let png = self.client.screenshot().await.expect("screenshot");
        let _ = self
            .client
            .set_window_size(width as u32, height as u32)
            .await;
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
        std::fs::create_dir_all(&dir).expect("create target/screenshots");
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, png).expect("write screenshot");
        path
    }

    /// The folder downloads land in.
    pub fn downloads(&self) -> PathBuf {
        self._profile.path().join("downloads")
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
