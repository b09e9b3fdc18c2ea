//! Building fixture sites and reading their pages.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use fihris::build::{self, Memory, Report, SiteOptions};
use fihris::diagnostics::Diagnostics;
use fihris::output::MemoryOutput;

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/testsuite/fixtures").join(name)
}

/// The demo site at the top of the repository.
pub fn demo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A built site in memory.
pub struct Built {
    pub files: BTreeMap<String, Vec<u8>>,
    pub report: Report,
}

impl Built {
    pub fn page(&self, path: &str) -> String {
        let bytes = self
            .files
            .get(path)
            .unwrap_or_else(|| panic!("no file {path}; files: {:?}", self.files.keys().take(20).collect::<Vec<_>>()));
        String::from_utf8(bytes.clone()).expect("pages are UTF-8")
    }

    pub fn html_pages(&self) -> impl Iterator<Item = (&String, String)> {
        self.files
            .iter()
            .filter(|(p, _)| p.ends_with(".html"))
            .map(|(p, b)| (p, String::from_utf8_lossy(b).into_owned()))
    }
}

pub fn build(root: &Path, base_url: Option<&str>) -> Result<Built, Diagnostics> {
    let output = MemoryOutput::default();
    let options = SiteOptions { root: root.to_path_buf(), base_url: base_url.map(String::from), keep_last_good: false };
    let report = build::run(&options, &mut Memory::default(), &output, &mut |_| {})?;
    Ok(Built { files: output.into_files(), report })
}

pub fn build_ok(root: &Path) -> Built {
    build(root, None).unwrap_or_else(|problems| panic!("the build failed:\n{problems}"))
}

/// The inner HTML of the first `<main …>` element.
pub fn main_of(html: &str) -> &str {
    let start = html.find("<main").expect("a <main> element");
    let open_end = start + html[start..].find('>').expect("closing >") + 1;
    let end = html.rfind("</main>").expect("</main>");
    html[open_end..end].trim()
}

/// The text of an article's page: its body, with its links.
pub fn article_body(html: &str) -> &str {
    let start = html.find("<div class=\"article-body\">").expect("an article body");
    &html[start..start + html[start..].find("</article>").expect("the article's end")]
}

/// The links to entity pages in an article's body (mentions carry no class;
/// the body's own links to an entity's page count too).
pub fn entity_links(html: &str) -> usize {
    let body = article_body(html);
    ["people", "places", "sources"].iter().map(|section| body.matches(&format!("<a href=\"/{section}/")).count()).sum()
}

/// How many articles a list of articles (`<ol class="article-list">`) in `html` shows.
pub fn listed_articles(html: &str) -> usize {
    html.matches("<li><h3><a href=\"").count()
}

/// Every value of `attribute="…"` in `html`.
pub fn attribute_values<'h>(html: &'h str, attribute: &str) -> Vec<&'h str> {
    let needle = format!(" {attribute}=\"");
    html.match_indices(&needle)
        .filter_map(|(i, _)| {
            let rest = &html[i + needle.len()..];
            rest.find('"').map(|end| &rest[..end])
        })
        .collect()
}

/// Runs the `fihris` binary.
pub fn fihris(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_fihris")).args(args).output().expect("fihris runs")
}

/// Runs the `fihris` binary in folder `dir`.
pub fn fihris_in(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_fihris")).args(args).current_dir(dir).output().expect("fihris runs")
}

/// Dates a file an hour back, so that a build trusts its stamp as settled
/// (a stamp too fresh to trust makes a build read the file every time).
pub fn age(path: &Path) {
    let long_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    std::fs::File::options().write(true).open(path).expect("open").set_modified(long_ago).expect("set time");
}

/// Dates every article of the site at `root` an hour back (see `age`).
pub fn age_articles(root: &Path) {
    for entry in std::fs::read_dir(root.join("content/articles")).expect("list") {
        age(&entry.expect("entry").path());
    }
}

/// Copies a fixture into a temp folder that can be changed.
pub fn copy_fixture(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(&fixture(name), dir.path());
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("readable fixture");
        let target = to.join(entry.path().strip_prefix(from).expect("inside"));
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// The problems of a build that must fail, as printed.
pub fn build_err(root: &Path) -> String {
    match build(root, None) {
        Ok(_) => panic!("the build of {} succeeded", root.display()),
        Err(problems) => problems.to_string(),
    }
}

/// Runs the `fihris` binary in `dir`, failing the test if it takes longer
/// than `limit` (it is killed then): its exit code, its stderr, and how long
/// it took. Output goes to files, so a full pipe cannot stall it.
pub fn fihris_within(
    dir: &Path,
    args: &[&str],
    limit: std::time::Duration,
) -> (Option<i32>, String, std::time::Duration) {
    use std::io::{Read, Seek};
    let mut stderr = tempfile::tempfile().expect("temp file");
    let start = std::time::Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_fihris"))
        .args(args)
        .current_dir(dir)
        .stdout(std::process::Stdio::null())
        .stderr(stderr.try_clone().expect("clone"))
        .spawn()
        .expect("fihris runs");
    let status = loop {
        if let Some(status) = child.try_wait().expect("status") {
            break status;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            panic!("fihris {args:?} took longer than {limit:?}");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    let took = start.elapsed();
    let mut text = String::new();
    stderr.rewind().expect("rewind");
    stderr.read_to_string(&mut text).expect("read");
    (status.code(), text, took)
}
