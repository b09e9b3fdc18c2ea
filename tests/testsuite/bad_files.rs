//! Bad files in a site: empty, binary, huge, deeply nested, not UTF-8, front
//! matter left open, places inside each other in a circle. Each gives a clear
//! error or a warning naming the file, in bounded time, and nothing panics.
//! The big files are made here, at run time.

use std::path::Path;
use std::time::Duration;

use crate::harness::*;

/// What a build of `dir` must do within this time, even a debug build.
const LIMIT: Duration = Duration::from_secs(30);

fn build_within(dir: &Path) -> (Option<i32>, String) {
    let (code, stderr, _) = fihris_within(dir, &["build"], LIMIT);
    assert!(!stderr.contains("panicked"), "{stderr}");
    // Long lines are shown around the problem only.
    assert!(stderr.lines().all(|l| l.chars().count() < 200), "{stderr}");
    (code, stderr)
}

fn with_article(name: &str, bytes: &[u8]) -> tempfile::TempDir {
    let dir = copy_fixture("basic");
    std::fs::write(dir.path().join("content/articles").join(name), bytes).expect("write");
    dir
}

#[test]
fn an_empty_file_is_skipped_with_a_warning() {
    let dir = with_article("empty.md", b"");
    std::fs::write(dir.path().join("content/articles/blank.md"), " \n\r\n\t\n").expect("write");
    let (code, stderr) = build_within(dir.path());
    assert_eq!(code, Some(0), "{stderr}");
    for name in ["empty.md", "blank.md"] {
        assert!(
            stderr.contains(&format!("warning: the file is empty; it was skipped\n  --> content/articles/{name}")),
            "{stderr}"
        );
    }
}

#[test]
fn binary_and_invalid_utf8_files_are_errors_naming_the_place() {
    let png = std::fs::read(demo().join("static/social.png")).expect("a picture");
    let dir = with_article("picture.md", &png);
    std::fs::write(dir.path().join("content/articles/latin1.md"), b"---\ntitle: caf\xe9\n---\n").expect("write");
    let (code, stderr) = build_within(dir.path());
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("error: the file is binary, not text\n  --> content/articles/picture.md"), "{stderr}");
    assert!(stderr.contains("error: the file is not valid UTF-8\n  --> content/articles/latin1.md:2:11"), "{stderr}");
    assert!(stderr.contains("warning: nothing was written: ./public is as it was"), "{stderr}");
}

#[test]
fn front_matter_left_open_is_an_error() {
    let dir = with_article("open.md", "---\ntitle: عنوان\ndate: 2024-07-25\n\nنص المقال بلا سطر إغلاق.\n".as_bytes());
    let (code, stderr) = build_within(dir.path());
    assert_eq!(code, Some(1));
    assert!(stderr.contains("error: the front matter is not closed\n  --> content/articles/open.md:1:1"), "{stderr}");
    assert!(stderr.contains("help: add a line with only `---` after the last front-matter key"), "{stderr}");
}

/// The limit is 16 MiB (`MAX_ARTICLE_BYTES`): a 100 MB file is refused
/// without being read.
#[test]
fn a_huge_file_is_refused_naming_the_limit() {
    let dir = copy_fixture("basic");
    let path = dir.path().join("content/articles/huge.md");
    let line = "قال بوتين في موسكو إن المحادثات مع الأسد ستستمر، وأضاف أن الوفد سيعود الأسبوع المقبل.\n";
    let mut text = String::from("---\ntitle: ضخم\n---\n");
    while text.len() < 1024 * 1024 {
        text.push_str(line);
    }
    {
        use std::io::Write;
        let mut file = std::io::BufWriter::new(std::fs::File::create(&path).expect("create"));
        for _ in 0..100 {
            file.write_all(text.as_bytes()).expect("write");
        }
    }
    assert!(std::fs::metadata(&path).expect("size").len() > 100_000_000);
    let (code, stderr, took) = fihris_within(dir.path(), &["build"], LIMIT);
    assert_eq!(code, Some(1));
    assert!(
        stderr.contains(
            "error: the file is larger than 16 MiB, the limit for a file of the site\n  --> content/articles/huge.md"
        ),
        "{stderr}"
    );
    assert!(took < Duration::from_secs(10), "{took:?}");
    assert_eq!(fihris::content::MAX_ARTICLE_BYTES, 16 * 1024 * 1024, "the README gives this limit");
}

#[test]
fn deep_nesting_is_an_error_or_text_in_bounded_time() {
    let nested = |name: &str, body: String| (name.to_owned(), format!("---\ntitle: {name}\n---\n{body}\n"));
    let cases = [
        nested("quotes", format!("{} عمق", ">".repeat(100_000))),
        nested("lists", "- ".repeat(50_000) + "عمق"),
        nested("divs", "<div>".repeat(100_000)),
        nested("emphasis", format!("{}عمق{}", "*".repeat(100_000), "*".repeat(100_000))),
    ];
    for (name, text) in &cases {
        let dir = with_article(&format!("{name}.md"), text.as_bytes());
        let (code, stderr) = build_within(dir.path());
        assert_eq!(code, Some(1), "{name}: {stderr}");
        assert!(stderr.contains(&format!("  --> content/articles/{name}.md")), "{stderr}");
        assert!(stderr.contains("deep; the limit is 512"), "{name}: {stderr}");
    }
    // Brackets and emphasis do not nest elements: they are text.
    for (name, body) in [("brackets", "[".repeat(100_000)), ("links", "[a](".repeat(50_000))] {
        let dir = with_article(&format!("{name}.md"), format!("---\ntitle: {name}\n---\n{body}\n").as_bytes());
        let (code, stderr) = build_within(dir.path());
        assert_eq!(code, Some(0), "{name}: {stderr}");
    }
}

#[test]
fn deeply_nested_front_matter_is_an_error() {
    let cases = [
        ("flow.md", format!("---\ntitle: x\nextra: {}\n---\nنص\n", "{a: ".repeat(50_000))),
        ("brackets.md", format!("---\ntitle: {}\n---\nنص\n", "[".repeat(100_000))),
        ("toml.md", format!("+++\ntitle = \"x\"\nextra = {}\n+++\nنص\n", "[".repeat(100_000))),
    ];
    for (name, text) in &cases {
        let dir = with_article(name, text.as_bytes());
        let (code, stderr) = build_within(dir.path());
        assert_eq!(code, Some(1), "{name}: {stderr}");
        assert!(stderr.contains(&format!("  --> content/articles/{name}:")), "{name}: {stderr}");
    }
}

#[test]
fn places_inside_each_other_in_a_circle_are_an_error() {
    let dir = copy_fixture("basic");
    let places = dir.path().join("content/places.toml");
    let list = std::fs::read_to_string(&places).expect("read");
    let circle = "\n[north]\nname = \"الشمال\"\nin = \"south\"\n\n[south]\nname = \"الجنوب\"\nin = \"east\"\n\n[east]\nname = \"الشرق\"\nin = \"north\"\n";
    std::fs::write(&places, format!("{list}{circle}")).expect("write");
    let (code, stderr) = build_within(dir.path());
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("form a cycle"), "{stderr}");
    assert!(stderr.contains("--> content/places.toml:"), "{stderr}");
}

#[test]
fn huge_or_binary_entity_lists_and_config_are_errors() {
    let dir = copy_fixture("basic");
    let people = dir.path().join("content/people.toml");
    let file = std::fs::File::create(&people).expect("create");
    // A sparse file: 100 MB long, nothing on disk, refused before reading.
    file.set_len(100 * 1024 * 1024).expect("length");
    std::fs::write(dir.path().join("content/sources.toml"), b"\x00\x01\x02binary").expect("write");
    let (code, stderr) = build_within(dir.path());
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains(
            "error: the file is larger than 16 MiB, the limit for a file of the site\n  --> content/people.toml"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("error: the file is binary, not text\n  --> content/sources.toml"), "{stderr}");

    let dir = copy_fixture("basic");
    std::fs::write(dir.path().join("site.toml"), b"title = \"\xff\xfe\"\n").expect("write");
    let (code, stderr) = build_within(dir.path());
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("error: the file is not valid UTF-8\n  --> site.toml:1:10"), "{stderr}");
}

/// Issue 11: C0 control characters in a title or body made `atom.xml` and
/// every entity feed ill-formed XML, and `check` said nothing. They are taken
/// out on reading, with a warning naming the place of the first.
#[test]
fn control_characters_are_removed_with_a_warning_and_feeds_stay_well_formed() {
    let text = "---\ntitle: \"بوتين\u{1}يلتقي\u{8} الأسد\"\ndate: 2024-07-26\nsummary: ملخص\u{1B} الخبر\n---\n\nقال بوتين\u{B} في موسكو\u{1F} إن\u{FFFF} المحادثات ستستمر.\n";
    let dir = with_article("controls.md", text.as_bytes());
    let list = dir.path().join("content/people.toml");
    let people = std::fs::read_to_string(&list).expect("read");
    std::fs::write(&list, people.replacen("description = \"", "description = \"\u{7}", 1)).expect("write");
    let check = fihris_in(dir.path(), &["check"]);
    let stderr = String::from_utf8_lossy(&check.stderr);
    assert!(check.status.success(), "{stderr}");
    assert!(
        stderr.contains("warning: 6 control characters (the first U+0001) removed")
            && stderr.contains("--> content/articles/controls.md:2:14"),
        "{stderr}"
    );
    assert!(stderr.contains("--> content/people.toml:"), "{stderr}");
    let site = build_ok(dir.path());
    let text_files =
        site.files.iter().filter(|(p, _)| [".html", ".xml", ".json", ".txt", ".js"].iter().any(|e| p.ends_with(e)));
    for (path, bytes) in text_files {
        let text = String::from_utf8_lossy(bytes);
        assert!(!text.contains(fihris::content::is_forbidden_control), "{path} carries a control character");
    }
    let page = site.page("articles/controls/index.html");
    assert!(page.contains("بوتينيلتقي الأسد"), "the text around them stays");
    for (path, bytes) in site.files.iter().filter(|(p, _)| p.ends_with("atom.xml")) {
        atom_syndication::Feed::read_from(&bytes[..]).unwrap_or_else(|err| panic!("{path} is not well-formed: {err}"));
    }
}

/// Issue 11: an unreadable file's help line says what to do.
#[test]
fn unreadable_files_say_what_to_do() {
    let denied = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
    let problem = fihris::content::unreadable(Path::new("content/articles/a.md"), &denied);
    assert!(problem.help.as_deref().unwrap_or_default().contains("chmod a+r content/articles/a.md"), "{problem}");
    let gone = std::io::Error::from(std::io::ErrorKind::NotFound);
    let problem = fihris::content::unreadable(Path::new("content/articles/a.md"), &gone);
    assert!(problem.help.as_deref().unwrap_or_default().contains("run fihris again"), "{problem}");
}
