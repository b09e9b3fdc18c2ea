//! The preview server over HTTP, as a browser or an attacker reaches it
//! (issue 11): requests for other host names are refused on loopback (DNS
//! rebinding), `--bind` to another address warns, and an article saved in
//! place keeps its page while its file is empty.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::browser::free_port;
use crate::harness::*;

/// A running `fihris serve` whose output goes to files, stopped when dropped.
struct Preview {
    child: Child,
    port: u16,
    stderr: tempfile::NamedTempFile,
}

impl Drop for Preview {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(root: &Path, extra: &[&str]) -> Preview {
    let port = free_port();
    let stdout = tempfile::NamedTempFile::new().expect("temp file");
    let stderr = tempfile::NamedTempFile::new().expect("temp file");
    let child = Command::new(env!("CARGO_BIN_EXE_fihris"))
        .args(["serve", "--root", &root.to_string_lossy(), "--port", &port.to_string()])
        .args(extra)
        .stdout(stdout.reopen().expect("reopen"))
        .stderr(stderr.reopen().expect("reopen"))
        .stdin(Stdio::null())
        .spawn()
        .expect("fihris serve starts");
    let started = Instant::now();
    while !std::fs::read_to_string(stdout.path()).unwrap_or_default().contains("serving") {
        assert!(started.elapsed() < Duration::from_secs(30), "the server did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    Preview { child, port, stderr }
}

/// The status code and body of `GET path` with `Host: host`.
pub fn get(port: u16, host: &str, path: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    write!(stream, "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").expect("send");
    let mut response = Vec::new();
    stream.read_to_end(&mut response).expect("receive");
    let response = String::from_utf8_lossy(&response).into_owned();
    let status = response.split(' ').nth(1).and_then(|code| code.parse().ok()).expect("a status line");
    (status, response)
}

#[test]
fn requests_for_other_host_names_are_refused_on_loopback() {
    let site = copy_fixture("basic");
    let preview = start(site.path(), &[]);
    let port = preview.port;
    for host in [format!("127.0.0.1:{port}"), format!("localhost:{port}"), format!("[::1]:{port}")] {
        assert_eq!(get(port, &host, "/").0, 200, "{host}");
    }
    for host in [format!("evil.example:{port}"), "evil.example".to_owned(), format!("localhost.evil.example:{port}")] {
        let (status, body) = get(port, &host, "/");
        assert_eq!(status, 403, "{host}");
        assert!(!body.contains("<html"), "no page for {host}");
    }
}

#[test]
fn listening_beyond_loopback_warns_and_answers_other_names() {
    let site = copy_fixture("basic");
    let preview = start(site.path(), &["--bind", "0.0.0.0"]);
    let stderr = std::fs::read_to_string(preview.stderr.path()).expect("read");
    assert!(
        stderr.contains("warning: listening on 0.0.0.0, so the preview can be reached from the network")
            && stderr.contains("not hardened"),
        "{stderr}"
    );
    assert_eq!(get(preview.port, "my-laptop.lan", "/").0, 200);
}

/// Waits until `GET path` answers with a body that `done` accepts.
fn wait_for(port: u16, path: &str, what: &str, done: impl Fn(u16, &str) -> bool) {
    let started = Instant::now();
    loop {
        let (status, body) = get(port, &format!("127.0.0.1:{port}"), path);
        if done(status, &body) {
            return;
        }
        assert!(started.elapsed() < Duration::from_secs(20), "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// An editor saving in place truncates the file, then writes it. An article
/// whose file stays empty keeps its last good page, through the rebuild of
/// one article and through a rebuild of everything.
#[test]
fn an_article_whose_file_is_emptied_keeps_its_last_good_page() {
    let site = copy_fixture("basic");
    let preview = start(site.path(), &[]);
    let port = preview.port;
    let page = "/articles/putin-assad-moscow/";
    let (status, original) = get(port, &format!("127.0.0.1:{port}"), page);
    assert_eq!(status, 200);

    let article = site.path().join("content/articles/putin-assad-moscow.md");
    std::fs::write(&article, "").expect("emptied");
    // Any change to the site makes the server rebuild everything.
    let config = site.path().join("site.toml");
    let text = std::fs::read_to_string(&config).expect("read");
    std::fs::write(&config, text.replace("أرشيف الاختبار", "أرشيف معدل")).expect("write");
    wait_for(port, "/", "the rebuild", |status, body| status == 200 && body.contains("أرشيف معدل"));
    let (status, kept) = get(port, &format!("127.0.0.1:{port}"), page);
    assert_eq!(status, 200, "the article is still served");
    assert_eq!(main_of(&kept), main_of(&original));
}

/// Stories are grouped after the saved page reloads: an article rewritten
/// into another subject leaves its story once the server has grouped the
/// stories anew, without another save.
#[test]
fn a_story_follows_an_article_rewritten_into_another_subject() {
    let site = copy_fixture("basic");
    let preview = start(site.path(), &[]);
    let port = preview.port;
    let story = "/stories/putin-assad-moscow/";
    assert_eq!(get(port, &format!("127.0.0.1:{port}"), story).0, 200);
    let article = site.path().join("content/articles/assad-visit.md");
    let text = std::fs::read_to_string(&article).expect("read");
    let front_matter_end = text.match_indices("---").nth(1).expect("front matter").0 + 3;
    let front_matter = text[..front_matter_end].replace("الأسد في زيارة عمل إلى روسيا", "حديقة جديدة للأطفال في المدينة");
    let rewritten = format!(
        "{front_matter}\n\nافتتحت بلدية المدينة حديقة عامة جديدة للأطفال تضم ملاعب ومساحات خضراء واسعة، وقال رئيس البلدية إن الحديقة ستفتح أبوابها كل يوم.\n"
    );
    std::fs::write(&article, rewritten).expect("write");
    wait_for(port, story, "the story to be grouped anew", |status, _| status == 404);
    let (_, page) = get(port, &format!("127.0.0.1:{port}"), "/articles/assad-visit/");
    assert!(page.contains("حديقة عامة"), "the saved article is served as it is now");
}
