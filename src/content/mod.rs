//! Articles: reading `content/**/*.md` into a [`Corpus`] of validated articles.
//! Entity references in front matter stay as written here (with their place in
//! the file); the index resolves them against the entity lists.

pub mod front_matter;
pub mod markdown;
mod read;

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use walkdir::WalkDir;

use crate::arabic::slug::slugify;
use crate::diagnostics::{Diagnostic, Location};
pub use front_matter::Published;
use front_matter::{RawFrontMatter, Split};
pub use read::{
    MAX_ARTICLE_BYTES, UNREADABLE_FOLDER_HELP, decode, is_forbidden_control, read_limited, read_text, too_large,
    unreadable, with_files_prefetched,
};

pub const CONTENT_DIR: &str = "content";

/// A value from front matter with the place it was written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Located<T> {
    pub value: T,
    pub location: Location,
}

/// An article as its front matter gives it: everything the site keeps of it
/// once it is analysed. The body is read again when its page is rendered.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Article {
    /// The file, relative to the site's root.
    pub path: PathBuf,
    /// The URL segment: from `slug:` or the file name (docs/arabic.md §4).
    pub slug: String,
    pub title: String,
    pub published: Option<Published>,
    pub source: Option<Located<String>>,
    pub url: Option<String>,
    pub author: Option<String>,
    /// From `summary:`; the analysis takes the first paragraph otherwise.
    pub summary: Option<String>,
    /// The lead image (a file of the site or an address), with its caption and credit.
    pub image: Option<String>,
    pub image_caption: Option<String>,
    pub image_credit: Option<String>,
    pub people: Vec<Located<String>>,
    pub places: Vec<Located<String>>,
    pub sources: Vec<Located<String>>,
    pub not: Vec<Located<String>>,
    pub tags: Vec<String>,
    /// Old page paths (`old/path/` or `old.html`) that redirect to the article.
    pub aliases: Vec<Located<String>>,
    /// Kept as JSON text, so that the article can be cached in a compact
    /// binary form.
    #[serde(with = "json_text")]
    pub extra: serde_json::Value,
    /// The line of the file the body starts on (1-based).
    pub body_line: usize,
    /// A hash of the file's text: an article whose file has the same hash
    /// need not be read or analysed again.
    pub hash: u64,
}

/// An article file as read: its front matter and its Markdown body.
#[derive(Debug, Clone)]
pub struct ArticleFile {
    pub article: Article,
    pub body: String,
}

impl ArticleFile {
    /// The place in the file of byte `offset` of the body.
    pub fn body_location(&self, offset: usize) -> Location {
        let mut location = Location::at(&self.body, offset);
        location.line += self.article.body_line - 1;
        location
    }
}

/// The hash of an article file's text, as [`Article::hash`] holds it.
pub fn text_hash(text: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(text.as_bytes())
}

mod json_text {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(value: &serde_json::Value, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&value.to_string())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<serde_json::Value, D::Error> {
        let text = String::deserialize(deserializer)?;
        serde_json::from_str(&text).map_err(serde::de::Error::custom)
    }
}

/// The article files under `ROOT/content`, relative to the root, in
/// file-name order; problems walking the folder are returned beside them.
pub fn article_paths(root: &Path) -> (Vec<PathBuf>, Vec<Diagnostic>) {
    let content = root.join(CONTENT_DIR);
    let mut diagnostics = Vec::new();
    let mut paths = Vec::new();
    for entry in WalkDir::new(&content).follow_links(true).sort_by_file_name() {
        match entry {
            Ok(entry) if entry.file_type().is_file() && is_article_file(entry.path()) => {
                paths.push(relative(root, entry.path()))
            }
            Ok(_) => {}
            Err(err) => {
                let path = err.path().map(|p| relative(root, p)).unwrap_or_else(|| PathBuf::from(CONTENT_DIR));
                diagnostics.push(
                    Diagnostic::error(format!("cannot read the content folder: {err}"))
                        .in_file(path)
                        .with_help(UNREADABLE_FOLDER_HELP),
                );
            }
        }
    }
    (paths, diagnostics)
}

/// Reads every article under `ROOT/content`. Problems in one file do not stop
/// the others: all of them are returned together.
pub fn load(root: &Path) -> (Vec<ArticleFile>, Vec<Diagnostic>) {
    let (paths, mut diagnostics) = article_paths(root);
    let results: Vec<Result<(ArticleFile, Vec<Diagnostic>), Diagnostic>> =
        with_files_prefetched(root, &paths, || paths.par_iter().map(|path| read_article(root, path)).collect());
    let mut articles = Vec::with_capacity(results.len());
    for result in results {
        match result {
            Ok((article, warnings)) => {
                articles.push(article);
                diagnostics.extend(warnings);
            }
            Err(problem) => diagnostics.push(problem),
        }
    }
    (articles, diagnostics)
}

fn is_article_file(path: &Path) -> bool {
    let hidden = path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
    !hidden && path.extension().is_some_and(|e| e == "md")
}

fn relative(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

/// Reads the article file at `path` (relative to `root`), with warnings
/// about what was taken out of its text; an empty file comes back as a
/// warning ([`is_empty_file`]).
pub fn read_article(root: &Path, path: &Path) -> Result<(ArticleFile, Vec<Diagnostic>), Diagnostic> {
    let (text, warnings) = read_article_text(root, path)?;
    Ok((parse_article(path, &text)?, warnings))
}

/// The text of the article file at `path` (relative to `root`), decoded, with
/// warnings about what was taken out of it; an empty file comes back as a
/// warning ([`is_empty_file`]).
pub fn read_article_text(root: &Path, path: &Path) -> Result<(String, Vec<Diagnostic>), Diagnostic> {
    let (text, warnings) = read_text(&root.join(path), path)?;
    if text.trim().is_empty() {
        return Err(Diagnostic::warning(EMPTY_FILE).in_file(path).with_help("delete it, or write an article in it"));
    }
    Ok((text, warnings))
}

const EMPTY_FILE: &str = "the file is empty; it was skipped";

/// Whether `problem` is the warning about an article file that reads empty.
pub fn is_empty_file(problem: &Diagnostic) -> bool {
    problem.message == EMPTY_FILE
}

/// The warning about a file that reads empty, said for a site that keeps the
/// article last read from it instead of skipping it.
pub fn keeping_previous(problem: Diagnostic) -> Diagnostic {
    Diagnostic {
        message: "the file is empty; the article last read from it is shown until it has text again".to_owned(),
        help: Some("if it is being saved, this goes away by itself; delete the file to remove the article".to_owned()),
        ..problem
    }
}

/// Parses the text of an article file (already decoded).
pub fn parse_article(path: &Path, text: &str) -> Result<ArticleFile, Diagnostic> {
    let split = front_matter::split(path, text)?;
    let raw = front_matter::parse(path, text, &split)?;
    let article = from_raw(path, text, &split, raw)?;
    Ok(ArticleFile { article, body: split.body.to_owned() })
}

fn from_raw(path: &Path, text: &str, split: &Split, raw: RawFrontMatter) -> Result<Article, Diagnostic> {
    let title = raw.title.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty()).ok_or_else(|| {
        Diagnostic::error("the article has no `title`")
            .in_file(path)
            .at(Location::at(text, split.front_matter_offset))
            .with_help("add a line `title: …` to the front matter")
    })?;
    let published = raw.date.as_ref().map(|d| front_matter::parse_date(path, text, split, d)).transpose()?;
    let slug_source = raw
        .slug
        .clone()
        .unwrap_or_else(|| path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default());
    let slug = slugify(&slug_source).ok_or_else(|| {
        Diagnostic::error(format!("no URL can be made from the slug {slug_source:?}"))
            .in_file(path)
            .at(front_matter::locate(text, split, "slug", None))
            .with_help("use letters or digits in `slug:` (or in the file name)")
    })?;
    let locate_all = |key: &str, values: Vec<String>| -> Vec<Located<String>> {
        values
            .into_iter()
            .map(|value| {
                let location = front_matter::locate(text, split, key, Some(&value));
                Located { value: value.trim().to_owned(), location }
            })
            .collect()
    };
    let mut aliases = Vec::with_capacity(raw.aliases.len());
    for written in raw.aliases {
        let location = front_matter::locate(text, split, "aliases", Some(&written));
        match old_path(&written) {
            Ok(value) => aliases.push(Located { value, location }),
            Err(help) => {
                return Err(Diagnostic::error(format!("the old path {written:?} in `aliases` cannot be redirected"))
                    .in_file(path)
                    .at(location)
                    .with_help(help));
            }
        }
    }
    let url = match raw.url.as_deref().map(str::trim).filter(|u| !u.is_empty()) {
        None => None,
        Some(written) => Some(web_address(written).ok_or_else(|| {
            Diagnostic::error(format!("`url` is not a web address: {written:?}"))
                .in_file(path)
                .at(front_matter::locate(text, split, "url", Some(written)))
                .with_help("write the address the article was first published at, starting with https:// or http://")
        })?),
    };
    let image = match raw.image.as_deref().map(str::trim).filter(|i| !i.is_empty()) {
        None => None,
        Some(written) => Some(image_address(written).ok_or_else(|| {
            Diagnostic::error(format!("`image` is neither a file of the site nor a web address: {written:?}"))
                .in_file(path)
                .at(front_matter::locate(text, split, "image", Some(written)))
                .with_help(
                    "write the path of a file in static/ (images/photo.jpg) or an address starting with https://",
                )
        })?),
    };
    Ok(Article {
        path: path.to_path_buf(),
        slug,
        title,
        published,
        source: raw.source.map(|s| {
            let location = front_matter::locate(text, split, "source", Some(&s));
            Located { value: s.trim().to_owned(), location }
        }),
        url,
        author: raw.author.filter(|a| !a.trim().is_empty()),
        summary: raw.summary.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()),
        image,
        image_caption: raw.image_caption.map(|c| c.trim().to_owned()).filter(|c| !c.is_empty()),
        image_credit: raw.image_credit.map(|c| c.trim().to_owned()).filter(|c| !c.is_empty()),
        people: locate_all("people", raw.people),
        places: locate_all("places", raw.places),
        sources: locate_all("sources", raw.sources),
        not: locate_all("not", raw.not),
        tags: raw.tags,
        aliases,
        extra: raw.extra.unwrap_or(serde_json::Value::Null),
        body_line: text[..split.body_offset].matches('\n').count() + 1,
        hash: text_hash(text),
    })
}

/// `written` when it is an `http:` or `https:` address: the only links to
/// other sites a page shows (a `javascript:` or `data:` link would run code).
pub fn web_address(written: &str) -> Option<String> {
    let written = written.trim();
    let scheme = written.split_once("://").map(|(scheme, _)| scheme.to_ascii_lowercase());
    let host_follows = written.split_once("://").is_some_and(|(_, rest)| !rest.is_empty());
    (matches!(scheme.as_deref(), Some("http" | "https")) && host_follows && !written.contains(char::is_whitespace))
        .then(|| written.to_owned())
}

/// A lead image as `image:` may give it: a web address, or the path of a
/// file of the site (under `static/`), without a leading `/`.
pub fn image_address(written: &str) -> Option<String> {
    if written.contains(':') {
        return web_address(written);
    }
    let path = written.trim().trim_start_matches('/');
    crate::output::is_safe_path(path).then(|| path.to_owned())
}

/// The page path of an old link that should redirect to a page (`aliases` of
/// an article, `old_paths` of an entity), relative to the base path:
/// `/old/path/` and `/old/path` give `old/path/`, `/old.html` stays a file.
/// Percent-encoded paths are decoded, since the file is written by its name.
/// Only plain paths pass: inside the output folder, and a file name on every
/// system the site may be copied to (Windows refuses `con`, `a:b`, `a.`).
pub fn old_path(written: &str) -> Result<String, &'static str> {
    const EXAMPLE: &str = "write the path of the old page under the site, e.g. \"/old/path/\"";
    let written = written.trim();
    if written.contains("://") || written.starts_with("//") || written.contains(['?', '#']) {
        return Err(EXAMPLE);
    }
    let decoded = percent_encoding::percent_decode_str(written).decode_utf8().map_err(|_| EXAMPLE)?;
    let trimmed = decoded.trim_start_matches('/');
    let bare = trimmed.strip_suffix('/').unwrap_or(trimmed);
    if bare.is_empty() {
        return Err("the home page cannot be an old path; write the path of the old page, e.g. \"/old/path/\"");
    }
    let segments_ok = bare.split('/').all(|s| !s.is_empty() && s != "." && s != "..");
    if !segments_ok || !crate::output::is_safe_path(bare) {
        return Err("an old path is a path inside the site: no `.` or `..` segments, no `//`, no backslash");
    }
    if bare.contains(':') {
        return Err(
            "an old path is a path inside the site, not an address: no `:` (a scheme such as javascript: or a drive)",
        );
    }
    if bare.chars().any(|c| c.is_control() || is_bidi_control(c) || matches!(c, '<' | '>' | '"' | '|' | '*')) {
        return Err(
            "an old path may not hold control or direction characters, nor < > \" | * (no system could name the file)",
        );
    }
    if bare.split('/').any(|s| s.ends_with(['.', ' ']) || is_reserved_on_windows(s)) {
        return Err(
            "a part of an old path may not end with a dot or a space, nor be a name Windows keeps (con, prn, aux, nul, com1, lpt1 …)",
        );
    }
    // File systems refuse longer names (255 bytes) and very long paths.
    if bare.len() > 1024 || bare.split('/').any(|s| s.len() > 255) {
        return Err("an old path is at most 1024 bytes, each part between slashes at most 255");
    }
    Ok(if bare.ends_with(".html") { bare.to_owned() } else { format!("{bare}/") })
}

/// The invisible characters that change the direction of text (Unicode
/// bidi controls and marks): in a path they make it read as another.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{61C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Names Windows gives to devices, with or without an extension (`con.html`).
fn is_reserved_on_windows(segment: &str) -> bool {
    let stem = segment.split('.').next().unwrap_or(segment).trim_end().to_ascii_lowercase();
    matches!(stem.as_str(), "con" | "prn" | "aux" | "nul")
        || ((stem.starts_with("com") || stem.starts_with("lpt"))
            && stem.len() == 4
            && stem.as_bytes()[3].is_ascii_digit()
            && stem.as_bytes()[3] != b'0')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_paths() {
        let table = [
            ("/old/path/", Ok("old/path/")),
            ("old/path", Ok("old/path/")),
            ("/2024/07/story.html", Ok("2024/07/story.html")),
            ("/people/%D8%A8%D9%88%D8%AA%D9%8A%D9%86/", Ok("people/بوتين/")),
            ("/", Err(())),
            ("", Err(())),
            ("/../etc/", Err(())),
            ("/a/./b/", Err(())),
            ("/a//b/", Err(())),
            ("/a/%2e%2e/b/", Err(())),
            ("https://example.org/old/", Err(())),
            ("/old/?page=2", Err(())),
            ("/a\\b/", Err(())),
            ("/a/\0/", Err(())),
            // Issue 11: only plain paths, valid on every system.
            ("javascript:alert(1)", Err(())),
            ("/c:/windows/", Err(())),
            ("/con/", Err(())),
            ("/AUX.html", Err(())),
            ("/reports/lpt1.txt/", Err(())),
            ("/com0/", Ok("com0/")),
            ("/console/", Ok("console/")),
            ("/a*b/", Err(())),
            ("/a?b/", Err(())),
            ("/what/", Ok("what/")),
            ("/story./", Err(())),
            ("/story /", Err(())),
            ("/v1.2/notes/", Ok("v1.2/notes/")),
            ("/\u{202E}lmth.exe/", Err(())),
            ("/news\u{200F}/", Err(())),
            ("/a\u{1}b/", Err(())),
            ("/%E2%80%AEevil/", Err(())),
        ];
        assert!(old_path(&format!("/{}/", "a".repeat(255))).is_ok());
        assert!(old_path(&format!("/{}/", "a".repeat(256))).is_err());
        assert!(old_path(&"/abc".repeat(300)).is_err());
        for (written, expected) in table {
            assert_eq!(old_path(written).as_deref().map_err(|_| ()), expected, "{written:?}");
        }
    }

    #[test]
    fn web_addresses() {
        for good in ["https://example.org/a?b#c", "HTTP://example.org", " https://x.y/ "] {
            assert!(web_address(good).is_some(), "{good:?}");
        }
        for bad in [
            "javascript:alert(1)",
            "JavaScript://%0Aalert(1)",
            "data:text/html,x",
            "//x.org/",
            "/a",
            "https://",
            "https://a b",
        ] {
            assert!(web_address(bad).is_none(), "{bad:?}");
        }
    }

    #[test]
    fn image_addresses() {
        let table = [
            ("images/a.jpg", Some("images/a.jpg")),
            ("/images/a.jpg", Some("images/a.jpg")),
            ("https://example.org/a.jpg", Some("https://example.org/a.jpg")),
            ("../secret.jpg", None),
            ("images/../../a.jpg", None),
            ("javascript:alert(1)", None),
            ("data:image/png;base64,AAAA", None),
        ];
        for (written, expected) in table {
            assert_eq!(image_address(written).as_deref(), expected, "{written:?}");
        }
    }

    fn parse(text: &str) -> Result<Article, Diagnostic> {
        parse_article(Path::new("content/articles/x.md"), text).map(|file| file.article)
    }

    #[test]
    fn yaml_article() {
        let article =
            parse("---\ntitle: بوتين يجتمع مع الأسد\ndate: 2024-07-25\nsource: alhurra\npeople: [putin]\n---\n\nنص.\n")
                .expect("valid");
        assert_eq!(article.title, "بوتين يجتمع مع الأسد");
        assert_eq!(article.slug, "x");
        assert_eq!(article.published.map(|p| p.date.to_string()).as_deref(), Some("2024-07-25"));
        assert_eq!(article.source.as_ref().map(|s| s.value.as_str()), Some("alhurra"));
        assert_eq!(article.people[0].location.line, 5);
        let file = parse_article(Path::new("x.md"), "---\ntitle: x\n---\n\nنص.\n").expect("valid");
        assert_eq!(file.body, "\nنص.\n");
    }

    #[test]
    fn toml_article_with_native_date() {
        let article = parse("+++\ntitle = \"عنوان\"\ndate = 2024-07-25\nslug = \"my-slug\"\n+++\nنص\n").expect("valid");
        assert_eq!(article.published.map(|p| p.date.to_string()).as_deref(), Some("2024-07-25"));
        assert_eq!(article.slug, "my-slug");
    }

    #[test]
    fn errors_name_the_line() {
        let cases = [
            ("---\ntitle: x\ndate: 2024-02-30\n---\n", 3, "not a date"),
            ("---\ntitle: x\nsorce: alhurra\n---\n", 3, "sorce"),
            ("---\ndate: 2024-02-03\n---\n", 2, "no `title`"),
            ("---\ntitle: [unclosed\n---\n", 2, "invalid front matter"),
        ];
        for (text, line, message) in cases {
            let err = parse(text).expect_err(text);
            assert_eq!(err.location.as_ref().map(|l| l.line), Some(line), "{err}");
            assert!(err.message.contains(message), "{err}");
            assert!(err.help.is_some(), "{err}");
        }
    }
}
