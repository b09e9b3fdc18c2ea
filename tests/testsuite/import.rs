//! `fihris import` on real and made-up scraped pages: the five seeds give the
//! hand-cleaned demo articles; sixteen pages in the style of other Arabic news
//! sites give the articles an editor would have cut from them; what is written
//! reads back through `fihris build` unchanged.

use std::path::{Path, PathBuf};

use fihris::content::parse_article;
use fihris::entities::catalog::{Catalog, Kind};
use fihris::import::{Block, Imported, Lists, Outlet, import};

use crate::harness::*;

fn import_dir() -> PathBuf {
    fixture("import")
}

fn demo_lists() -> Lists {
    let (catalog, problems) = Catalog::load(&demo());
    assert!(problems.is_empty(), "{problems:?}");
    Lists::new(catalog)
}

fn fixture_lists() -> Lists {
    let path = import_dir().join("sources.toml");
    let text = std::fs::read_to_string(&path).expect("sources.toml");
    let (catalog, problems) = Catalog::from_lists(&[(Kind::Source, path, text)]);
    assert!(problems.is_empty(), "{problems:?}");
    Lists::new(catalog)
}

fn import_file(path: &Path, lists: &Lists) -> Imported {
    let bytes = std::fs::read(path).expect("read");
    import(&bytes, lists).unwrap_or_else(|why| panic!("{}: {why}", path.display()))
}

fn block_texts(blocks: &[Block]) -> Vec<String> {
    blocks.iter().map(Block::text).collect()
}

/// The five seeds give the demo's articles: the same title, source and text,
/// and the same date where the page prints one. The demo's other dates were
/// worked out by an editor from "اليوم الخميس" and the like, which import
/// must not do: those are marked as such in the demo's front matter.
#[test]
fn the_seeds_give_the_hand_cleaned_demo_articles() {
    let lists = demo_lists();
    let seeds = import_dir().join("seeds");
    let mut seen = 0;
    for entry in std::fs::read_dir(&seeds).expect("seeds") {
        let path = entry.expect("entry").path();
        let imported = import_file(&path, &lists);
        let hash = imported.slug.rsplit('-').next().expect("a hash").to_owned();
        let cleaned_path = std::fs::read_dir(demo().join("content/articles"))
            .expect("articles")
            .map(|e| e.expect("entry").path())
            .find(|p| p.file_stem().is_some_and(|s| s.to_string_lossy().ends_with(&format!("-{hash}"))))
            .unwrap_or_else(|| panic!("no demo article with hash {hash} for {}", path.display()));
        let cleaned_text = std::fs::read_to_string(&cleaned_path).expect("read");
        let cleaned_file = parse_article(&cleaned_path, &cleaned_text).expect("the demo article parses");
        let markdown = imported.to_markdown();
        let reread_file = parse_article(Path::new("imported.md"), &markdown).expect("the imported article parses");
        let (reread, cleaned) = (&reread_file.article, &cleaned_file.article);
        let name = cleaned_path.display();
        assert_eq!(reread.title, cleaned.title, "{name}: title");
        let source = |a: &fihris::content::Article| a.source.as_ref().map(|s| s.value.clone());
        assert_eq!(source(reread), source(cleaned), "{name}: source");
        assert_eq!(reread_file.body.trim(), cleaned_file.body.trim(), "{name}: text");
        assert_eq!(reread.summary, cleaned.summary, "{name}: summary");
        assert_eq!(reread.tags, cleaned.tags, "{name}: tags");
        match reread.published {
            Some(date) => assert_eq!(Some(date), cleaned.published, "{name}: date"),
            None => assert!(cleaned_text.contains("not printed on the page"), "{name}: a date was missed"),
        }
        seen += 1;
    }
    assert_eq!(seen, 5);
}

/// Front matter and text of an `*.expected.md` file.
struct Expected {
    title: Option<String>,
    date: Option<String>,
    source: Option<String>,
    url: Option<String>,
    paragraphs: Vec<String>,
}

fn read_expected(path: &Path) -> Expected {
    let text = std::fs::read_to_string(path).expect("read");
    let (front, body) = text.strip_prefix("---\n").and_then(|t| t.split_once("\n---\n")).expect("front matter");
    let field = |name: &str| {
        front.lines().find_map(|l| l.strip_prefix(&format!("{name}: ")).map(|v| v.trim().trim_matches('"').to_owned()))
    };
    Expected {
        title: field("title"),
        date: field("date"),
        source: field("source"),
        url: field("url"),
        paragraphs: body.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).map(str::to_owned).collect(),
    }
}

/// The made-up pages of other sites: every title, date, source, link and
/// paragraph as an editor would have them, and no boilerplate line in a body.
#[test]
fn pages_of_other_sites_give_the_articles_an_editor_would_cut() {
    let failures = compare_with_expected("raw");
    assert!(failures.is_empty(), "{} problems:\n{}", failures.len(), failures.join("\n"));
}

/// Every page of `folder` imported and compared with its `*.expected.md`.
fn compare_with_expected(folder: &str) -> Vec<String> {
    let lists = fixture_lists();
    let (catalog, _) = Catalog::from_lists(&[(
        Kind::Source,
        import_dir().join("sources.toml"),
        std::fs::read_to_string(import_dir().join("sources.toml")).expect("read"),
    )]);
    let mut raws: Vec<PathBuf> = std::fs::read_dir(import_dir().join(folder))
        .expect("raw")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    raws.sort();
    assert!(raws.len() >= 8, "at least eight pages in {folder}");
    let mut failures = Vec::new();
    for raw in &raws {
        let expected = read_expected(&raw.with_extension("expected.md"));
        let got = import_file(raw, &lists);
        let name = raw.file_name().expect("name").to_string_lossy();
        let mut check = |what: &str, got: Option<String>, want: Option<String>| {
            if got != want {
                failures.push(format!("{name}: {what}: got {got:?}, want {want:?}"));
            }
        };
        check("title", got.title.clone(), expected.title.clone());
        check("date", got.date.map(|d| d.to_string()), expected.date.clone());
        let want_source = expected.source.as_ref().map(|name| match catalog.resolve(Kind::Source, name) {
            Some(id) => Outlet::Known(catalog.get(id).key.clone()),
            None => Outlet::Unknown(name.clone()),
        });
        check("source", got.source.as_ref().map(|s| format!("{s:?}")), want_source.map(|s| format!("{s:?}")));
        check("url", got.url.clone(), expected.url.clone());
        let got_blocks = block_texts(&got.blocks);
        for leaked in got_blocks.iter().filter(|b| !expected.paragraphs.iter().any(|p| p == *b)) {
            failures.push(format!("{name}: leaked into the text: {leaked}"));
        }
        for lost in expected.paragraphs.iter().filter(|p| !got_blocks.contains(p)) {
            failures.push(format!("{name}: lost from the text: {lost}"));
        }
    }
    failures
}

/// Pages written by someone who had not seen the importer. First run blind:
/// 3 of 8 titles, 4 of 8 dates, 8 of 8 sources and links, 15 boilerplate
/// lines in four texts and one text lost. Their misses then led to general
/// rules (a standfirst over the date or byline, a dateline's date over the
/// date bar of the masthead, captions in runs, pull quotes, `..` in
/// headlines); since then they are a development set, and `holdout2` is the
/// blind one. What is left: a caption that is a whole sentence, an author's
/// biography after the text.
#[test]
fn first_held_out_pages_are_cut_right_but_for_two_lines() {
    let failures = compare_with_expected("holdout");
    assert_eq!(failures.iter().filter(|f| !f.contains("leaked into the text")).count(), 0, "{failures:#?}");
    assert!(failures.len() <= 2, "{failures:#?}");
}

/// The second held-out set, written after the rules above and never used to
/// change them. Its blind score: 5 of 8 titles, 5 of 8 dates, 8 of 8 sources
/// and links; 5 boilerplate lines leaked into four texts, and 8 paragraphs
/// lost from three (one text entirely). The test guards that score and
/// prints the misses.
#[test]
fn second_held_out_pages_keep_their_score() {
    let failures = compare_with_expected("holdout2");
    #[allow(clippy::print_stderr, reason = "the misses are the report")]
    {
        eprintln!("holdout2 misses:\n{}", failures.join("\n"));
    }
    let count = |what: &str| failures.iter().filter(|f| f.contains(&format!(": {what}"))).count();
    assert!(count("title") <= 3 && count("date") <= 3, "{failures:#?}");
    assert_eq!((count("source"), count("url")), (0, 0), "{failures:#?}");
    assert!(count("leaked") <= 5 && count("lost") <= 8, "{failures:#?}");
}

/// The same article as UTF-8 with a BOM and CRLF, as Windows-1256, and with
/// NBSP, zero-width and bidi controls and old Mac line ends: one article.
#[test]
fn every_encoding_gives_the_same_article() {
    let lists = fixture_lists();
    let reference = import_file(&import_dir().join("raw/14-kuwait-municipality-short.txt"), &lists);
    let encodings = import_dir().join("encodings");
    for name in ["utf8-bom-crlf.txt", "windows-1256.txt", "utf8-nbsp-invisibles-cr.txt"] {
        let got = import_file(&encodings.join(name), &lists);
        assert_eq!(got.title, reference.title, "{name}");
        assert_eq!(got.date, reference.date, "{name}");
        assert_eq!(got.source, reference.source, "{name}");
        assert_eq!(got.blocks, reference.blocks, "{name}");
    }
    let cp1256 = import_file(&encodings.join("windows-1256.txt"), &lists);
    assert_eq!(cp1256.encoding, "windows-1256");
}

fn stdout_of(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr_of(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Empty and binary files are reported and skipped; the rest are imported.
#[test]
fn empty_and_binary_files_are_skipped_with_a_reason() {
    let site = copy_fixture("basic");
    let root = site.path().to_str().expect("utf-8");
    let encodings = import_dir().join("encodings");
    let files =
        ["empty.txt", "binary-png-data.txt", "utf8-bom-crlf.txt", "windows-1256.txt", "utf8-nbsp-invisibles-cr.txt"]
            .map(|name| encodings.join(name).to_str().expect("utf-8").to_owned());
    let mut args = vec!["import", "--root", root];
    args.extend(files.iter().map(String::as_str));
    let output = fihris(&args);
    assert!(output.status.success(), "{}", stderr_of(&output));
    let stderr = stderr_of(&output);
    assert!(stderr.contains("empty.txt") && stderr.contains("the file is empty"), "{stderr}");
    assert!(stderr.contains("binary-png-data.txt") && stderr.contains("binary"), "{stderr}");
    // The three encodings of one article: the first is written, the other two are the same article.
    assert_eq!(stderr.matches("the same article is already in").count(), 2, "{stderr}");
    assert!(stdout_of(&output).contains("imported 1 article from 5 files"), "{}", stdout_of(&output));
}

/// Import writes an article `fihris build` reads; a second import of the same
/// text is refused; `--force` writes it again; `--dry-run` writes nothing.
#[test]
fn imported_articles_build_and_are_never_overwritten_by_accident() {
    let site = copy_fixture("basic");
    let root = site.path().to_str().expect("utf-8");
    let raw = import_dir().join("raw/14-kuwait-municipality-short.txt");
    let raw = raw.to_str().expect("utf-8");
    let articles = site.path().join("content/articles");
    let count = || std::fs::read_dir(&articles).expect("articles").count();
    let before = count();

    let dry = fihris(&["import", raw, "--root", root, "--dry-run"]);
    assert!(dry.status.success(), "{}", stderr_of(&dry));
    assert!(stdout_of(&dry).contains("\n---\ntitle: "), "the article is printed: {}", stdout_of(&dry));
    assert_eq!(count(), before, "--dry-run writes nothing");

    let first = fihris(&["import", raw, "--root", root]);
    assert!(first.status.success(), "{}", stderr_of(&first));
    assert_eq!(count(), before + 1);
    let written: PathBuf = std::fs::read_dir(&articles)
        .expect("articles")
        .map(|e| e.expect("entry").path())
        .find(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("2024-05-15-")))
        .expect("the article is named by its date");
    let text = std::fs::read_to_string(&written).expect("read");

    std::fs::write(&written, format!("{text}\nتعديل المحرر.\n")).expect("edit");
    let again = fihris(&["import", raw, "--root", root]);
    assert!(stderr_of(&again).contains("already exists"), "{}", stderr_of(&again));
    assert!(std::fs::read_to_string(&written).expect("read").contains("تعديل المحرر"), "the edit is kept");

    let forced = fihris(&["import", raw, "--root", root, "--force"]);
    assert!(forced.status.success(), "{}", stderr_of(&forced));
    assert_eq!(std::fs::read_to_string(&written).expect("read"), text, "--force writes it again");

    let out = tempfile::tempdir().expect("temp dir");
    let built = fihris(&["build", "--root", root, "--out", out.path().to_str().expect("utf-8")]);
    assert!(built.status.success(), "the imported article builds: {}", stderr_of(&built));
    let slug = written.file_stem().expect("stem").to_string_lossy().into_owned();
    let page = std::fs::read_to_string(out.path().join(format!("articles/{slug}/index.html"))).expect("its page");
    let title = text.lines().find_map(|l| l.strip_prefix("title: ")).expect("a title");
    let title: String = serde_json::from_str(title).expect("a quoted title");
    assert!(page.contains(&format!("<h1 dir=\"auto\">{title}</h1>")), "the page shows the title");
}
