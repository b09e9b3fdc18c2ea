//! `fihris serve`: builds the site into memory, serves it on loopback, watches
//! the site's files, rebuilds what a change touches and reloads open pages.
//! The pieces are small and tested on their own: [`changes`] (which file
//! changes concern the site), [`preview`] (the site in memory, rebuilt by the
//! same incremental build as `fihris build`) and [`http`] (path resolution,
//! content types, live events).

pub mod changes;
pub mod http;
pub mod preview;

use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};

use rustc_hash::FxHashSet;
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use notify_debouncer_full::notify::event::{EventKind, ModifyKind};
use notify_debouncer_full::notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};
use tokio::sync::{broadcast, watch};

use crate::build::SiteOptions;
use crate::cli::ServeArgs;
use crate::diagnostics::{Diagnostic, Diagnostics};
use changes::concerns_site;
use http::{App, LiveEvent};
use preview::{Preview, Rebuilt, Reload};

use super::cmd::Outcome;

/// Saves closer together than this make one rebuild.
const DEBOUNCE: Duration = Duration::from_millis(20);
/// How many ports after the default one are tried when it is taken.
const PORT_TRIES: u16 = 20;

pub fn run(args: &ServeArgs) -> Outcome {
    match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime.block_on(serve(args)),
        Err(err) => Outcome::Failed(one(Diagnostic::error(format!("cannot start the server: {err}")))),
    }
}

fn one(diagnostic: Diagnostic) -> Diagnostics {
    [diagnostic].into_iter().collect()
}

async fn serve(args: &ServeArgs) -> Outcome {
    let listener = match bind(args.bind, args.port).await {
        Ok(listener) => listener,
        Err(problem) => return Outcome::Failed(one(problem)),
    };
    let address = listener.local_addr().map(|a| a.to_string()).unwrap_or_default();
    let base_path = match &args.site.base_url {
        Some(url) => path_of_url(url),
        None => "/".to_owned(),
    };
    let url = format!("http://{address}{base_path}");
    let options = SiteOptions { root: args.site.root.clone(), base_url: Some(url.clone()), keep_last_good: true };

    let mut preview = Preview::new(options.clone());
    let (events, _) = broadcast::channel(64);
    let (stop, shutdown) = watch::channel(false);
    let app = Arc::new(App {
        files: Arc::clone(&preview.files),
        base_path: base_path.clone(),
        bound: args.bind,
        events,
        problems: RwLock::new(None),
        printed: Mutex::new(String::new()),
        shutdown,
    });
    tokio::task::block_in_place(|| preview.rebuild(None, &mut |rebuilt| report(&app, &rebuilt)));
    let preview = Arc::new(Mutex::new(preview));
    let _watcher = match watch_site(&options.root, Arc::clone(&preview), Arc::clone(&app)) {
        Ok(watcher) => watcher,
        Err(problem) => return Outcome::Failed(one(problem)),
    };
    if !args.bind.is_loopback() {
        shout(&format!(
            "warning: listening on {}, so the preview can be reached from the network; it is made for previewing on this machine and is not hardened for that (use a real web server to publish the site)\n",
            args.bind
        ));
    }
    say(&format!("serving {} at {url}  (Ctrl-C stops)", options.root.display()));
    if args.open && webbrowser::open(&url).is_err() {
        say("could not open a browser; open the address above yourself");
    }
    let router = axum::Router::new().fallback(http::handle).with_state(Arc::clone(&app));
    let served = axum::serve(listener, router)
        .with_graceful_shutdown(async move {
            let _ = tokio::signal::ctrl_c().await;
            let _ = stop.send(true);
        })
        .await;
    match served {
        Ok(()) => {
            Outcome::Done { summary: "stopped".to_owned(), warnings: Diagnostics::default(), all_warnings: false }
        }
        Err(err) => Outcome::Failed(one(Diagnostic::error(format!("the server stopped: {err}")))),
    }
}

/// Binds `port`, or when no port was given the first free one from 1111.
async fn bind(address: IpAddr, port: Option<u16>) -> Result<tokio::net::TcpListener, Diagnostic> {
    let (first, tries) = match port {
        Some(port) => (port, 1),
        None => (1111, PORT_TRIES),
    };
    let mut last_error = None;
    for port in first..first.saturating_add(tries) {
        match tokio::net::TcpListener::bind(SocketAddr::new(address, port)).await {
            Ok(listener) => return Ok(listener),
            Err(err) => last_error = Some(err),
        }
    }
    let err = last_error.map(|e| e.to_string()).unwrap_or_default();
    Err(Diagnostic::error(format!("cannot listen on {address}:{first}: {err}"))
        .with_help("choose another port with --port PORT, or stop the program that uses it"))
}

/// The path of a URL: `http://127.0.0.1:1111/fihris/` → `/fihris/`.
fn path_of_url(url: &str) -> String {
    let after_scheme = url.find("://").map_or(0, |i| i + 3);
    let path = url[after_scheme..].find('/').map_or("/", |i| &url[after_scheme + i..]);
    let path = path.split(['?', '#']).next().unwrap_or("/");
    if path.ends_with('/') { path.to_owned() } else { format!("{path}/") }
}

/// Watches the configuration, content, templates and static files; each batch
/// of changes is applied to the preview and announced to open pages.
fn watch_site(
    root: &Path,
    preview: Arc<Mutex<Preview>>,
    app: Arc<App>,
) -> Result<Debouncer<RecommendedWatcher, RecommendedCache>, Diagnostic> {
    let watched_root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let handler_root = watched_root.clone();
    let mut debouncer = new_debouncer(DEBOUNCE, None, move |result: DebounceEventResult| {
        let Ok(events) = result else { return };
        // Reads (our own rebuild reads the templates) and metadata are not changes.
        let changes: Vec<(bool, &Path)> = events
            .iter()
            .filter(|e| {
                matches!(
                    e.kind,
                    EventKind::Create(_)
                        | EventKind::Remove(_)
                        | EventKind::Modify(ModifyKind::Data(_) | ModifyKind::Name(_) | ModifyKind::Any)
                )
            })
            .flat_map(|e| e.paths.iter().map(|path| (matches!(e.kind, EventKind::Modify(ModifyKind::Data(_))), path)))
            .filter(|(_, path)| concerns_site(&handler_root, path))
            .map(|(written, path)| (written, path.as_path()))
            .collect();
        if !changes.is_empty() {
            let mut preview = preview.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            preview.rebuild(written_articles(&handler_root, &changes), &mut |rebuilt| report(&app, &rebuilt));
        }
    })
    .map_err(|err| Diagnostic::error(format!("cannot watch the site's files: {err}")))?;
    debouncer
        .watch(&watched_root, RecursiveMode::NonRecursive)
        .map_err(|err| Diagnostic::error(format!("cannot watch {}: {err}", watched_root.display())))?;
    for dir in ["content", "templates", "static"] {
        let path = watched_root.join(dir);
        if path.is_dir() {
            debouncer
                .watch(&path, RecursiveMode::Recursive)
                .map_err(|err| Diagnostic::error(format!("cannot watch {}: {err}", path.display())))?;
        }
    }
    Ok(debouncer)
}

/// The article files of `changes` (whether each was written in place, and
/// its path), relative to `root`, when all of them are articles written in
/// place; `None` when a file was created, removed or renamed, or is not an
/// article: the build then looks at every file.
fn written_articles(root: &Path, changes: &[(bool, &Path)]) -> Option<FxHashSet<PathBuf>> {
    changes
        .iter()
        .map(|&(written, path)| {
            let relative = path.strip_prefix(root).ok()?;
            let article =
                relative.starts_with(crate::content::CONTENT_DIR) && relative.extension().is_some_and(|e| e == "md");
            (written && article).then(|| relative.to_path_buf())
        })
        .collect()
}

/// Prints the outcome once in the terminal and tells the open pages.
fn report(app: &App, rebuilt: &Rebuilt) {
    let errors = rebuilt.problems.has_errors();
    let text = rebuilt.problems.to_string();
    // The terminal shows each set of problems once, not again on every save.
    let mut printed = app.printed.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if *printed != text {
        shout(&text);
        *printed = text.clone();
    }
    say(&rebuilt.summary);
    if let Ok(mut problems) = app.problems.write() {
        *problems = errors.then(|| text.clone());
    }
    if errors {
        let _ = app.events.send(LiveEvent::Problems(text));
    } else if let Some(reload) = &rebuilt.reload {
        let json = match reload {
            Reload::All => serde_json::json!({ "all": true, "pages": [] }),
            Reload::Pages(pages) => serde_json::json!({ "all": false, "pages": pages }),
        };
        let _ = app.events.send(LiveEvent::Reload(json.to_string()));
    }
}

#[allow(clippy::print_stdout)]
fn say(line: &str) {
    println!("{line}");
}

#[allow(clippy::print_stderr)]
fn shout(text: &str) {
    eprint!("{text}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_articles_written_in_place_are_named_to_the_build() {
        let root = Path::new("/site");
        let article = Path::new("/site/content/articles/a.md");
        let named = |changes: &[(bool, &Path)]| written_articles(root, changes);
        let expected: FxHashSet<PathBuf> = [PathBuf::from("content/articles/a.md")].into_iter().collect();
        assert_eq!(named(&[(true, article)]), Some(expected));
        assert_eq!(named(&[(false, article)]), None, "created, removed or renamed");
        assert_eq!(named(&[(true, article), (true, Path::new("/site/site.toml"))]), None);
        assert_eq!(named(&[(true, Path::new("/site/content/people.toml"))]), None);
        assert_eq!(named(&[(true, Path::new("/site/templates/article.html"))]), None);
    }

    #[test]
    fn base_paths_of_urls() {
        assert_eq!(path_of_url("http://127.0.0.1:1111/fihris/"), "/fihris/");
        assert_eq!(path_of_url("http://127.0.0.1:1111/fihris"), "/fihris/");
        assert_eq!(path_of_url("http://127.0.0.1:1111"), "/");
        assert_eq!(path_of_url("https://example.org/a/b/?x"), "/a/b/");
    }
}
