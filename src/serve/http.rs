//! The preview's HTTP side: serves only the built site from memory, under the
//! base URL's path as GitHub Pages serves a project site (`/x` finds `x.html`
//! or redirects to `x/`, the site's 404 page for anything else), refuses any
//! path that tries to climb out and, on loopback, any request for another
//! host name (DNS rebinding), and streams reload events to open pages.

use std::convert::Infallible;
use std::net::IpAddr;
use std::sync::{Arc, Mutex, RwLock};

use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use percent_encoding::percent_decode_str;
use tokio::sync::{broadcast, watch};
use tokio_stream::StreamExt;
use tokio_stream::wrappers::{BroadcastStream, WatchStream};

use crate::output::MemoryOutput;

/// The client script, served at `BASE__fihris/live.js`.
pub const LIVE_JS: &str = include_str!("live.js");
const SPECIAL: &str = "__fihris/";

/// What the server tells open pages.
#[derive(Debug, Clone)]
pub enum LiveEvent {
    /// JSON: `{"all": bool, "pages": [paths]}`.
    Reload(String),
    /// The problems, as text.
    Problems(String),
}

/// Everything a request may need, shared by all of them.
pub struct App {
    pub files: Arc<MemoryOutput>,
    pub base_path: String,
    /// The address the server listens on.
    pub bound: IpAddr,
    pub events: broadcast::Sender<LiveEvent>,
    /// The problems open pages should show, if any.
    pub problems: RwLock<Option<String>>,
    /// The problems last printed in the terminal.
    pub printed: Mutex<String>,
    pub shutdown: watch::Receiver<bool>,
}

/// How a request path is answered.
#[derive(Debug, PartialEq, Eq)]
pub enum Resolution {
    /// A file of the site, by its output path.
    File(String),
    /// A redirect to this path (a folder without its `/`).
    Redirect(String),
    NotFound,
    /// A path that tries to leave the site.
    Refused,
}

/// Resolves the path of a request (still percent-encoded) as GitHub Pages
/// would: under `base_path` only; `x/` is `x/index.html`; `x` is the file `x`,
/// else a redirect to `x/` when that folder has an index, else `x.html`.
pub fn resolve(base_path: &str, request_path: &str, exists: impl Fn(&str) -> bool) -> Resolution {
    let Ok(decoded) = percent_decode_str(request_path).decode_utf8() else {
        return Resolution::NotFound;
    };
    if decoded.contains(['\\', '\0']) {
        return Resolution::Refused;
    }
    if decoded.split('/').any(|segment| segment == ".." || segment == ".") {
        return Resolution::Refused;
    }
    if format!("{decoded}/") == base_path {
        return Resolution::Redirect(base_path.to_owned());
    }
    let Some(relative) = decoded.strip_prefix(base_path) else {
        return Resolution::NotFound;
    };
    if relative.is_empty() || relative.ends_with('/') {
        let index = format!("{relative}index.html");
        return if exists(&index) { Resolution::File(index) } else { Resolution::NotFound };
    }
    if exists(relative) {
        return Resolution::File(relative.to_owned());
    }
    if exists(&format!("{relative}/index.html")) {
        return Resolution::Redirect(format!("{request_path}/"));
    }
    let html = format!("{relative}.html");
    if exists(&html) { Resolution::File(html) } else { Resolution::NotFound }
}

/// The content type of a file by its extension; text is UTF-8.
pub fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or_default() {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "xml" => "application/xml; charset=utf-8",
        "json" => "application/json; charset=utf-8",
        "txt" | "md" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml; charset=utf-8",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

/// Whether a request that names `host` (its `Host` header) may be answered
/// by a server listening on `bound`. On loopback, only the names of this
/// machine: a page of another site that has made its own name point at
/// 127.0.0.1 (DNS rebinding) sends its own name, and could otherwise read
/// the preview. Listening on another address (`--bind`) is a choice to be
/// reached under other names, so any is answered.
pub fn host_allowed(host: Option<&str>, bound: IpAddr) -> bool {
    if !bound.is_loopback() {
        return true;
    }
    // No Host header: not a browser (every browser sends one).
    let Some(host) = host else { return true };
    let name = match host.strip_prefix('[') {
        Some(bracketed) => bracketed.split(']').next().unwrap_or_default(),
        None => host
            .rsplit_once(':')
            .map_or(host, |(name, port)| if port.bytes().all(|b| b.is_ascii_digit()) { name } else { host }),
    };
    let name = name.trim_end_matches('.').to_ascii_lowercase();
    name == "localhost"
        || name.ends_with(".localhost")
        || name.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback() || ip == bound)
}

pub async fn handle(State(app): State<Arc<App>>, headers: HeaderMap, uri: Uri) -> Response {
    let host = headers.get(header::HOST).map(|value| value.to_str().unwrap_or("\u{FFFD}"));
    if !host_allowed(host, app.bound) {
        return (
            StatusCode::FORBIDDEN,
            "refused: this preview answers only to the names of this machine (localhost, 127.0.0.1)\n",
        )
            .into_response();
    }
    let path = uri.path();
    let special = format!("{}{SPECIAL}", app.base_path);
    if let Some(what) = path.strip_prefix(&special) {
        return match what {
            "live.js" => file_response(StatusCode::OK, "live.js", LIVE_JS.as_bytes().to_vec()),
            "events" => events(app).into_response(),
            _ => not_found(&app),
        };
    }
    match resolve(&app.base_path, path, |p| app.files.contains(p)) {
        Resolution::File(file) => match app.files.get(&file) {
            Some(bytes) => page_response(&app, StatusCode::OK, &file, &bytes),
            None => not_found(&app),
        },
        Resolution::Redirect(to) => {
            let mut response = StatusCode::MOVED_PERMANENTLY.into_response();
            if let Ok(location) = HeaderValue::from_str(&to) {
                response.headers_mut().insert(header::LOCATION, location);
            }
            response
        }
        Resolution::NotFound => not_found(&app),
        Resolution::Refused => (StatusCode::FORBIDDEN, "refused: the path leaves the site\n").into_response(),
    }
}

fn not_found(app: &App) -> Response {
    match app.files.get("404.html") {
        Some(bytes) => page_response(app, StatusCode::NOT_FOUND, "404.html", &bytes),
        None => {
            // No site yet (the first build failed): a page that shows the problems.
            let page = "<!DOCTYPE html><html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\"><title>fihris</title></head><body></body></html>";
            page_response(app, StatusCode::NOT_FOUND, "404.html", page.as_bytes())
        }
    }
}

/// A file; an HTML page gets the live-reload script before `</body>`.
fn page_response(app: &App, status: StatusCode, path: &str, bytes: &[u8]) -> Response {
    if !path.ends_with(".html") {
        return file_response(status, path, bytes.to_vec());
    }
    let tag = format!("<script src=\"{}{SPECIAL}live.js\" data-base=\"{}\"></script>\n", app.base_path, app.base_path);
    let html = String::from_utf8_lossy(bytes);
    let body = match html.rfind("</body>") {
        Some(at) => format!("{}{tag}{}", &html[..at], &html[at..]),
        None => format!("{html}{tag}"),
    };
    file_response(status, path, body.into_bytes())
}

fn file_response(status: StatusCode, path: &str, bytes: Vec<u8>) -> Response {
    let mut response = Response::new(Body::from(bytes));
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type(path)));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// Server-sent events: the current problems first, then every change.
fn events(app: Arc<App>) -> Sse<impl tokio_stream::Stream<Item = Result<Event, Infallible>>> {
    let current = app.problems.read().map(|p| p.clone()).unwrap_or_default();
    let first = tokio_stream::iter(current.map(|text| Ok(to_event(LiveEvent::Problems(text)))));
    // The stream ends when the server stops, so that shutdown does not wait
    // for open pages.
    let stop = WatchStream::new(app.shutdown.clone()).filter(|stop| *stop).map(|_| None);
    let updates = BroadcastStream::new(app.events.subscribe())
        .filter_map(|event| event.ok().map(Some))
        .merge(stop)
        .take_while(Option::is_some)
        .filter_map(|event| event.map(|e| Ok(to_event(e))));
    Sse::new(first.chain(updates)).keep_alive(KeepAlive::default())
}

fn to_event(event: LiveEvent) -> Event {
    match event {
        LiveEvent::Reload(json) => Event::default().event("reload").data(json),
        LiveEvent::Problems(text) => {
            Event::default().event("problems").data(serde_json::to_string(&text).unwrap_or_default())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(path: &str) -> bool {
        ["index.html", "articles/x/index.html", "404.html", "about.html", "style.css", "people/حسن/index.html"]
            .contains(&path)
    }

    #[test]
    fn resolution_at_the_root() {
        let table = [
            ("/", Resolution::File("index.html".into())),
            ("/articles/x/", Resolution::File("articles/x/index.html".into())),
            ("/articles/x", Resolution::Redirect("/articles/x/".into())),
            ("/about", Resolution::File("about.html".into())),
            ("/style.css", Resolution::File("style.css".into())),
            ("/people/%D8%AD%D8%B3%D9%86/", Resolution::File("people/حسن/index.html".into())),
            ("/nothing", Resolution::NotFound),
            ("/../site.toml", Resolution::Refused),
            ("/%2e%2e/site.toml", Resolution::Refused),
            ("/articles/%2E%2E/%2E%2E/site.toml", Resolution::Refused),
            ("/..%2fsite.toml", Resolution::Refused),
            ("/..%5csite.toml", Resolution::Refused),
            ("/%00", Resolution::Refused),
            ("/%ff", Resolution::NotFound),
        ];
        for (request, expected) in table {
            assert_eq!(resolve("/", request, site), expected, "{request}");
        }
    }

    #[test]
    fn resolution_under_a_sub_path() {
        let table = [
            ("/fihris/", Resolution::File("index.html".into())),
            ("/fihris", Resolution::Redirect("/fihris/".into())),
            ("/fihris/articles/x", Resolution::Redirect("/fihris/articles/x/".into())),
            ("/", Resolution::NotFound),
            ("/articles/x/", Resolution::NotFound),
            ("/fihris/../fihris/index.html", Resolution::Refused),
        ];
        for (request, expected) in table {
            assert_eq!(resolve("/fihris/", request, site), expected, "{request}");
        }
    }

    /// Issue 11: on loopback, a request for another host name is refused
    /// (DNS rebinding); `--bind` to another address answers every name.
    #[test]
    fn only_this_machine_s_names_on_loopback() {
        let loopback: IpAddr = "127.0.0.1".parse().expect("an address");
        let table = [
            (Some("127.0.0.1:1111"), true),
            (Some("localhost:1111"), true),
            (Some("LOCALHOST"), true),
            (Some("preview.localhost:8080"), true),
            (Some("[::1]:1111"), true),
            (Some("127.0.0.2:1111"), true),
            (None, true),
            (Some("evil.example"), false),
            (Some("evil.example:1111"), false),
            (Some("localhost.evil.example:1111"), false),
            (Some("127.0.0.1.evil.example"), false),
            (Some("192.168.1.5:1111"), false),
            (Some("[2001:db8::1]:1111"), false),
            (Some("\u{FFFD}"), false),
        ];
        for (host, allowed) in table {
            assert_eq!(host_allowed(host, loopback), allowed, "{host:?}");
        }
        let lan: IpAddr = "192.168.1.5".parse().expect("an address");
        assert!(host_allowed(Some("evil.example"), lan));
        let any: IpAddr = "0.0.0.0".parse().expect("an address");
        assert!(host_allowed(Some("my-laptop.lan:1111"), any));
    }

    #[test]
    fn text_is_utf8() {
        for path in ["a.html", "a.css", "a.js", "a.xml", "a.json", "robots.txt"] {
            assert!(content_type(path).ends_with("charset=utf-8"), "{path}");
        }
        assert_eq!(content_type("fonts/a.woff2"), "font/woff2");
    }
}
