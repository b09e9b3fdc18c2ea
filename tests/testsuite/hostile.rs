//! Hostile content: the `hostile` fixture carries cross-site scripting
//! payloads (the OWASP XSS Filter Evasion Cheat Sheet) in article HTML,
//! Markdown links and every front-matter field a page shows, and slugs that
//! try to leave the output folder. Nothing executable may come out: not in
//! pages, JSON-LD, feeds, data files or the search index.

use std::path::Path;

use serde_json::Value;

use crate::harness::*;

/// Elements a page may never have, whatever the article says.
const FORBIDDEN_ELEMENTS: [&str; 16] = [
    "script", "iframe", "object", "embed", "frame", "frameset", "applet", "base", "style", "form", "svg", "math",
    "input", "button", "meta", "link",
];
/// Attributes whose value is a URL a browser may follow or load.
const URL_ATTRIBUTES: [&str; 8] = ["href", "src", "action", "formaction", "background", "data", "poster", "xlink:href"];

/// A start tag: its lower-case name and attributes (names lower-cased,
/// values as written).
#[derive(Debug)]
struct Tag {
    name: String,
    attributes: Vec<(String, String)>,
}

/// Every start tag of `html`, read as a browser tokenizer would (quoted
/// attribute values may hold `<` and `>`).
fn start_tags(html: &str) -> Vec<Tag> {
    let bytes = html.as_bytes();
    let mut tags = Vec::new();
    let mut i = 0;
    while let Some(offset) = html[i..].find('<') {
        i += offset + 1;
        if !bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        let name_end =
            html[i..].find(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/').map_or(html.len(), |e| i + e);
        let name = html[i..name_end].to_ascii_lowercase();
        i = name_end;
        let mut attributes = Vec::new();
        loop {
            while bytes.get(i).is_some_and(|b| b.is_ascii_whitespace() || *b == b'/') {
                i += 1;
            }
            match bytes.get(i) {
                None => break,
                Some(b'>') => {
                    i += 1;
                    break;
                }
                Some(_) => {}
            }
            let attr_end =
                html[i..].find(|c: char| c.is_ascii_whitespace() || c == '=' || c == '>').map_or(html.len(), |e| i + e);
            let attr = html[i..attr_end].to_ascii_lowercase();
            i = attr_end;
            let mut value = String::new();
            if bytes.get(i) == Some(&b'=') {
                i += 1;
                match bytes.get(i) {
                    Some(&quote @ (b'"' | b'\'')) => {
                        let end = html[i + 1..].find(quote as char).map_or(html.len(), |e| i + 1 + e);
                        value = html[i + 1..end].to_owned();
                        i = (end + 1).min(html.len());
                    }
                    _ => {
                        let end =
                            html[i..].find(|c: char| c.is_ascii_whitespace() || c == '>').map_or(html.len(), |e| i + e);
                        value = html[i..end].to_owned();
                        i = end;
                    }
                }
            }
            attributes.push((attr, value));
        }
        tags.push(Tag { name, attributes });
    }
    tags
}

impl Tag {
    fn get(&self, name: &str) -> Option<&str> {
        self.attributes.iter().find(|(a, _)| a == name).map(|(_, v)| v.as_str())
    }

    /// The elements our own templates put on pages (JSON-LD, the search
    /// page's script and form, the page's metadata and stylesheets).
    fn is_ours(&self, path: &str) -> bool {
        match self.name.as_str() {
            "script" => {
                self.get("type") == Some("application/ld+json")
                    || (path == "search/index.html" && self.get("src") == Some("/hostile/search.js"))
            }
            "form" => path == "search/index.html" && self.get("id") == Some("search-form"),
            "input" | "button" => path == "search/index.html",
            "meta" => self.get("http-equiv").is_none(),
            // The charts of the home and entity pages, the sparklines, and
            // the timeline of a story page.
            "svg" => {
                self.get("class") == Some("spark")
                    || (path.starts_with("stories/") && self.get("class") == Some("timeline-chart"))
                    || matches!(self.get("aria-labelledby"), Some("archive-title" | "timeline-title"))
            }
            "link" => self
                .get("href")
                .is_some_and(|h| h.starts_with("/hostile/") || h.starts_with("https://example.org/hostile/")),
            _ => false,
        }
    }
}

/// A URL as a browser reads its scheme: character references decoded,
/// whitespace and controls dropped, lower case.
fn scheme_view(value: &str) -> String {
    let mut decoded = String::new();
    let mut rest = value;
    while let Some(at) = rest.find("&#") {
        decoded.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        let (digits, radix) = match after.strip_prefix(['x', 'X']) {
            Some(hex) => (hex, 16),
            None => (after, 10),
        };
        let len = digits.find(|c: char| !c.is_digit(radix)).unwrap_or(digits.len());
        match u32::from_str_radix(&digits[..len], radix).ok().and_then(char::from_u32) {
            Some(c) => decoded.push(c),
            None => decoded.push_str("&#"),
        }
        rest = digits[len..].strip_prefix(';').unwrap_or(&digits[len..]);
    }
    decoded.push_str(rest);
    decoded.chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect::<String>().to_ascii_lowercase()
}

fn hostile() -> Built {
    build_ok(&fixture("hostile"))
}

#[test]
fn xss_payloads_come_out_inert() {
    let site = hostile();
    let mut pages = 0;
    for (path, html) in site.html_pages() {
        pages += 1;
        for tag in start_tags(&html) {
            if FORBIDDEN_ELEMENTS.contains(&tag.name.as_str()) {
                assert!(tag.is_ours(path), "{path}: <{}> {:?}", tag.name, tag.attributes);
            }
            for (attribute, value) in &tag.attributes {
                assert!(!attribute.starts_with("on"), "{path}: <{} {attribute}={value:?}>", tag.name);
                assert!(attribute != "style", "{path}: <{} style={value:?}>", tag.name);
                if URL_ATTRIBUTES.contains(&attribute.as_str()) {
                    let url = scheme_view(value);
                    for scheme in ["javascript:", "vbscript:", "data:"] {
                        assert!(!url.starts_with(scheme), "{path}: <{} {attribute}={value:?}>", tag.name);
                    }
                }
            }
        }
        let scripts = html.matches("<script").count();
        let allowed =
            html.matches("<script type=\"application/ld+json\">").count() + usize::from(path == "search/index.html");
        assert_eq!(scripts, allowed, "{path}");
        assert!(!html.to_ascii_lowercase().contains("<script>alert"), "{path}");
    }
    assert_eq!(pages, 19);

    // The text around the payloads is kept, and front matter is shown as text.
    let article = site.page("articles/raw-html/index.html");
    let main = main_of(&article);
    assert!(
        main.contains("إن <span class=\"reported\" id=\"q-1\">النص التالي منقول كما هو من صفحة مكشوطة</span>."),
        "{main}"
    );
    assert!(main.contains(
        "<h1 dir=\"auto\">&lt;/script&gt;&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; بوتين في موسكو</h1>"
    ));
    assert!(main.contains("<bdi>&quot;&gt;&lt;svg/onload=alert(&#39;author&#39;)&gt;</bdi>"), "{main}");
    assert!(main.contains("<bdi>&lt;b onmouseover=alert(&#39;tag&#39;)&gt;وسم&lt;/b&gt;</bdi>"), "{main}");
    assert!(article.contains(
        "<meta name=\"description\" content=\"&lt;img src=x onerror=alert(&#39;summary&#39;)&gt; ملخص المقال\">"
    ));
    assert!(article.contains("<title>&lt;/script&gt;&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; بوتين"));

    // Markdown links with a scheme other than http(s) lose their target.
    let links = main_of(&site.page("articles/tmp-escaped/index.html")).to_owned();
    for text in ["انقر", "بأحرف كبيرة", "بكيان", "مرجع", "بيانات", "javascript:alert(5)"] {
        assert!(links.contains(&format!("<a>{text}</a>")), "{text}: {links}");
    }
    assert!(links.contains("<img alt=\"صورة\">"), "{links}");
    assert!(links.contains("<a href=\"https://example.org/safe\">رابط سليم</a>"), "{links}");
    assert!(links.contains("<a href=\"/hostile/people/putin/\">داخلي</a>"), "{links}");
}

#[test]
fn json_ld_parses_and_cannot_close_its_script() {
    let site = hostile();
    let mut seen = 0;
    for (path, html) in site.html_pages() {
        let open = "<script type=\"application/ld+json\">";
        let Some(start) = html.find(open).map(|i| i + open.len()) else { continue };
        let end = start + html[start..].find("</script>").expect("closed");
        let script = &html[start..end];
        assert!(!script.contains('<') && !script.contains('>'), "{path}: {script}");
        let value: Value = serde_json::from_str(script).unwrap_or_else(|e| panic!("{path}: {e}\n{script}"));
        seen += 1;
        if path == "articles/raw-html/index.html" {
            assert_eq!(value["headline"], "</script><script>alert('title')</script> بوتين في موسكو");
            // The summary is the page's meta description (checked escaped above), not repeated here.
            assert!(value.get("description").is_none(), "{script}");
            assert_eq!(value["author"]["name"], "\"><svg/onload=alert('author')>");
        }
        if path == "people/xss/index.html" {
            assert_eq!(value["name"], "فلان <img src=x onerror=alert('name')>");
            assert_eq!(value["description"], "\"><script>alert('entity')</script>");
        }
        if path == "index.html" {
            assert_eq!(value["name"], "أرشيف عدائي </title><script>alert('site')</script>");
        }
    }
    assert_eq!(seen, 18, "every page but the 404 page has JSON-LD");
}

#[test]
fn feeds_data_and_search_index_carry_the_text_escaped() {
    let site = hostile();
    let title = "</script><script>alert('title')</script> بوتين في موسكو";

    let feed = atom_syndication::Feed::read_from(&site.files["atom.xml"][..]).expect("the feed is valid XML");
    assert!(feed.entries().iter().any(|e| e.title().value == title), "{:?}", feed.entries()[0].title());
    let xml = site.page("atom.xml");
    assert!(!xml.contains("<script") && !xml.contains("<img"), "{xml}");
    let person = atom_syndication::Feed::read_from(&site.files["people/putin/atom.xml"][..]).expect("valid");
    assert_eq!(person.entries().len(), 2);

    let data: Value = serde_json::from_slice(&site.files["data/articles.json"]).expect("valid JSON");
    let article = data["articles"].as_array().expect("a list").iter().find(|a| a["slug"] == "raw-html").expect("there");
    assert_eq!(article["title"], title);
    assert_eq!(article["author"], "\"><svg/onload=alert('author')>");
    let entities: Value = serde_json::from_slice(&site.files["data/entities.json"]).expect("valid JSON");
    assert!(entities.to_string().contains("<iframe src=javascript:alert('place')></iframe>"));

    // The search index holds the text as it is: the page's script must only
    // ever put it into the page as text.
    let mut found = false;
    for (path, bytes) in site.files.iter().filter(|(p, _)| p.starts_with("search/") && p.ends_with(".json")) {
        let value: Value = serde_json::from_slice(bytes).unwrap_or_else(|e| panic!("{path}: {e}"));
        found |= value.to_string().contains(&serde_json::to_string(title).expect("a string"));
    }
    assert!(found, "the title is in the search index");
    let script = std::str::from_utf8(&site.files["search.js"]).expect("UTF-8");
    for sink in ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"] {
        assert!(!script.contains(sink), "search.js uses {sink}");
    }
    assert!(script.contains("textContent"));
}

#[test]
fn slugs_cannot_leave_the_output_folder() {
    let site = hostile();
    for path in site.files.keys() {
        assert!(fihris::output::is_safe_path(path), "{path}");
        assert!(!path.split('/').any(|s| s == ".." || s.starts_with('.') && s != ".nojekyll"), "{path}");
        assert!(path.split('/').all(|s| s.len() <= 255), "{path}");
    }
    assert!(site.files.contains_key("articles/tmp-escaped/index.html"));
    assert!(site.files.contains_key("articles/etc-passwd-html/index.html"));
    let long = site.files.keys().find(|p| p.starts_with("articles/مقال-طويل")).expect("the long slug's page");
    let segment = long.split('/').nth(1).expect("a slug");
    assert_eq!(segment.chars().count(), 79, "cut at 80 characters, without a trailing hyphen: {segment}");
}

#[test]
fn trusting_html_is_a_warning_and_keeps_it() {
    let dir = copy_fixture("hostile");
    let config = dir.path().join("site.toml");
    let text = std::fs::read_to_string(&config).expect("read");
    std::fs::write(&config, format!("{text}sanitize_html = false\n")).expect("write");
    let site = build(dir.path(), None).expect("builds");
    let warnings = site.report.warnings.to_string();
    assert!(warnings.contains("`sanitize_html = false`: HTML in articles is copied as it is"), "{warnings}");
    let article = site.page("articles/raw-html/index.html");
    assert!(article.contains("<a onmouseover=\"alert(document.cookie)\">xxs link</a>"));
    // Front matter is escaped whatever the setting.
    assert!(article.contains("&lt;/script&gt;&lt;script&gt;alert(&#39;title&#39;)"));
    let default = hostile().report.warnings.to_string();
    assert!(!default.contains("sanitize_html"), "{default}");
}

#[test]
fn links_to_other_sites_must_be_web_addresses() {
    let dir = copy_fixture("hostile");
    let article = dir.path().join("content/articles/raw-html.md");
    let text = std::fs::read_to_string(&article).expect("read");
    let url_line = text.lines().find(|l| l.starts_with("url:")).expect("a url line");
    std::fs::write(&article, text.replace(url_line, "url: \"JavaScript:alert(document.domain)\"")).expect("write");
    let sources = dir.path().join("content/sources.toml");
    let list = std::fs::read_to_string(&sources).expect("read");
    std::fs::write(&sources, list.replace("https://www.alhurra.com/", "data:text/html,<script>alert(1)</script>"))
        .expect("write");
    let problems = build_err(dir.path());
    assert!(
        problems.contains("error: `url` is not a web address: \"JavaScript:alert(document.domain)\""),
        "{problems}"
    );
    assert!(problems.contains("--> content/articles/raw-html.md:8:7"), "{problems}");
    assert!(problems.contains("error: the `url` of [alhurra] is not a web address"), "{problems}");
    assert!(problems.contains("--> content/sources.toml:5:7"), "{problems}");
}

/// Writes `files` (path, text) into a copy of the basic fixture.
fn basic_with(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = copy_fixture("basic");
    for (path, text) in files {
        std::fs::write(dir.path().join(path), text).expect("write");
    }
    dir
}

#[test]
fn slugs_differing_only_in_case_or_normalization_are_an_error_naming_both() {
    let dir = basic_with(&[
        ("content/articles/cafe-nfc.md", "---\ntitle: مقهى\nslug: \"Caf\u{e9}\"\n---\nنص.\n"),
        ("content/articles/cafe-nfd.md", "---\ntitle: مقهى آخر\nslug: \"cafe\u{301}\"\n---\nنص.\n"),
        ("content/articles/upper.md", "---\ntitle: عنوان\nslug: Moscow-Talks\n---\nنص.\n"),
        ("content/articles/lower.md", "---\ntitle: عنوان آخر\nslug: moscow-talks\n---\nنص.\n"),
    ]);
    let places = dir.path().join("content/places.toml");
    let list = std::fs::read_to_string(&places).expect("read");
    std::fs::write(&places, format!("{list}\n[Moscow]\nname = \"موسكو العاصمة\"\n")).expect("write");
    let problems = build_err(dir.path());
    assert!(
        problems.contains(
            "two articles have the URL /articles/café/: content/articles/cafe-nfc.md and content/articles/cafe-nfd.md"
        ),
        "{problems}"
    );
    assert!(
        problems.contains(
            "two articles have the URL /articles/moscow-talks/: content/articles/lower.md and content/articles/upper.md"
        ),
        "{problems}"
    );
    assert!(problems.contains("[Moscow] and [moscow] have the same URL /places/moscow/"), "{problems}");
}

#[test]
fn old_paths_differing_only_in_case_are_an_error_naming_both() {
    let dir = copy_fixture("basic");
    let article = dir.path().join("content/articles/tartus-base.md");
    let text = std::fs::read_to_string(&article).expect("read");
    std::fs::write(&article, text.replacen("+++\n", "+++\naliases = [\"/Articles/Assad-Visit/\"]\n", 1))
        .expect("write");
    let problems = build_err(dir.path());
    assert!(
        problems.contains(
            "/articles/assad-visit/ and /Articles/Assad-Visit/ differ only in case or Unicode normalization, so they are one file on macOS and Windows"
        ),
        "{problems}"
    );
    assert!(problems.contains("the article content/articles/assad-visit.md"), "{problems}");
    assert!(problems.contains("--> content/articles/tartus-base.md:2"), "{problems}");

    let dir = copy_fixture("basic");
    std::fs::create_dir_all(dir.path().join("static")).expect("mkdir");
    std::fs::write(dir.path().join("static/Logo.svg"), "<svg/>").expect("write");
    std::fs::write(dir.path().join("static/logo.svg"), "<svg/>").expect("write");
    std::fs::write(dir.path().join("static/Robots.TXT"), "x").expect("write");
    let problems = build_err(dir.path());
    assert!(problems.contains("static/Logo.svg and static/logo.svg differ only in case"), "{problems}");
    assert!(problems.contains("static/Robots.TXT and a generated page both write Robots.TXT"), "{problems}");
}

#[test]
fn old_paths_cannot_leave_the_site() {
    for alias in ["../../outside/", "/a/%2e%2e/%2e%2e/b/", "/a/\\u0000/", "/C:\\\\x/"] {
        let dir = copy_fixture("basic");
        let article = dir.path().join("content/articles/tartus-base.md");
        let text = std::fs::read_to_string(&article).expect("read");
        std::fs::write(&article, text.replacen("+++\n", &format!("+++\naliases = [\"{alias}\"]\n"), 1)).expect("write");
        let problems = build_err(dir.path());
        assert!(problems.contains("in `aliases` cannot be redirected"), "{alias}: {problems}");
    }
    let long = format!("/{}/", "a".repeat(300));
    let dir = copy_fixture("basic");
    let article = dir.path().join("content/articles/tartus-base.md");
    let text = std::fs::read_to_string(&article).expect("read");
    std::fs::write(&article, text.replacen("+++\n", &format!("+++\naliases = [\"{long}\"]\n"), 1)).expect("write");
    let problems = build_err(dir.path());
    assert!(problems.contains("each part between slashes at most 255"), "{problems}");
}

/// A source key is the user's text: an imported file's name made from it
/// stays one plain file name, and its front matter reads back.
#[test]
fn imported_file_names_from_hostile_keys_stay_plain() {
    use fihris::entities::{Catalog, Kind};
    let list = "[\"../../evil: #key\"]\nname = \"الديرة نيوز\"\n".to_owned();
    let (catalog, problems) = Catalog::from_lists(&[(Kind::Source, Kind::Source.list_path(), list)]);
    assert!(problems.is_empty(), "{problems:?}");
    let lists = fihris::import::Lists::new(catalog);
    let raw = std::fs::read(fixture("import/encodings/windows-1256.txt")).expect("fixture");
    let imported = fihris::import::import(&raw, &lists).expect("text");
    assert!(imported.slug.starts_with("2024-05-15-evil-key-"), "{}", imported.slug);
    assert!(fihris::output::is_safe_path(&imported.slug) && !imported.slug.contains('/'));
    let markdown = imported.to_markdown();
    assert!(markdown.contains("source: \"../../evil: #key\"\n"), "{markdown}");
    let file = fihris::content::parse_article(Path::new("content/articles/x.md"), &markdown).expect("reads back");
    assert_eq!(file.article.source.map(|s| s.value).as_deref(), Some("../../evil: #key"));
}
