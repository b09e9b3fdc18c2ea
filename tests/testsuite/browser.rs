//! Tests in a real headless Chromium (Debian's `chromium` and
//! `chromium-driver`): the RTL layout of the pages, and live reload in the
//! preview server, at the root and under a sub-path. They are `#[ignore]`d,
//! so that `cargo test` counts them as ignored (not passed) where the
//! browser may be missing; `cargo test -- --include-ignored` runs them (CI
//! does), and then a missing browser fails them.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::wd::Capabilities;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

/// A running chromedriver with one browser session.
pub struct Browser {
    pub client: Client,
    driver: Child,
    profile: tempfile::TempDir,
}

impl Drop for Browser {
    fn drop(&mut self) {
        // Chromium runs in sessions of its own, so stopping chromedriver would
        // leave it running: its processes are found by their profile folder.
        let profile = format!("--user-data-dir={}", self.profile.path().display());
        let _ = Command::new("pkill").args(["-KILL", "-f", "--", &profile]).status();
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

fn find(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).flat_map(|dir| names.iter().map(move |n| dir.join(n))).find(|p| p.is_file())
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("a free port")
}

/// The colour scheme the browser asks pages for (`prefers-color-scheme`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scheme {
    Light,
    Dark,
}

/// Starts Chromium; a test that asked for it fails when it is not installed.
pub async fn browser(width: u32, height: u32, scheme: Scheme) -> Browser {
    let (Some(chromium), Some(driver)) = (find(&["chromium", "chromium-browser"]), find(&["chromedriver"])) else {
        panic!("this test needs chromium and chromedriver (Debian: apt-get install chromium chromium-driver)");
    };
    let port = free_port();
    let driver = Command::new(driver)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    let profile = tempfile::tempdir().expect("temp dir");
    let mut caps = Capabilities::new();
    caps.insert(
        "goog:chromeOptions".to_owned(),
        json!({
            "binary": chromium,
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                format!("--user-data-dir={}", profile.path().display()),
                format!("--window-size={width},{height}"),
                "--hide-scrollbars", "--lang=ar",
                // Blink's preferredColorScheme: 0 is dark, 1 is light.
                format!("--blink-settings=preferredColorScheme={}", if scheme == Scheme::Dark { 0 } else { 1 }),
            ]
        }),
    );
    // Chromium's windows are at least 500px wide; a phone is emulated instead.
    if width < 500 {
        caps["goog:chromeOptions"]["mobileEmulation"] = json!({"deviceMetrics": {"width": width, "height": height, "pixelRatio": 2, "touch": true, "mobile": true}});
    }
    let url = format!("http://127.0.0.1:{port}");
    let started = Instant::now();
    loop {
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        match ClientBuilder::new(connector).capabilities(caps.clone()).connect(&url).await {
            Ok(client) => return Browser { client, driver, profile },
            Err(err) if started.elapsed() > Duration::from_secs(20) => panic!("cannot start Chromium: {err}"),
            Err(_) => tokio::time::sleep(Duration::from_millis(200)).await,
        }
    }
}

/// Evaluates `script` (a function body with `return`) in the page.
pub async fn eval(client: &Client, script: &str) -> serde_json::Value {
    client.execute(script, vec![]).await.expect("the script runs")
}

/// Waits until `script` returns true, or fails with `what`.
pub async fn wait_for(client: &Client, script: &str, what: &str) {
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(10) {
        if eval(client, script).await == json!(true) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("timed out waiting for {what}");
}

/// Saves a screenshot under target/screenshots for people to look at.
pub async fn screenshot(client: &Client, name: &str) -> PathBuf {
    let png = client.screenshot().await.expect("a screenshot");
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("screenshots");
    std::fs::create_dir_all(&dir).expect("mkdir");
    let path = dir.join(format!("{name}.png"));
    std::fs::write(&path, png).expect("write");
    path
}

pub async fn goto(client: &Client, url: &str) {
    client.goto(url).await.unwrap_or_else(|err| panic!("cannot open {url}: {err}"));
}

pub async fn text_of(client: &Client, css: &str) -> String {
    client.find(Locator::Css(css)).await.expect("the element exists").text().await.expect("its text")
}

/// A running `fihris serve`, stopped when dropped.
pub struct Server {
    child: Child,
    pub url: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Serves the site at `root` with the base path `base_path` ("/" or "/fihris/").
pub fn serve(root: &Path, base_path: &str) -> Server {
    let port = free_port();
    let base_url = format!("http://127.0.0.1:{port}{base_path}");
    let child = Command::new(env!("CARGO_BIN_EXE_fihris"))
        .args(["serve", "--root", root.to_str().expect("utf-8"), "--port", &port.to_string(), "--base-url", &base_url])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("fihris serve starts");
    let started = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(started.elapsed() < Duration::from_secs(20), "the server did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    Server { child, url: base_url }
}
