//! Old links keep working: `aliases` of an article and `old_paths` of an
//! entity write redirect pages, which search engines are told to skip; an
//! old path that leaves the site or takes a page's place is an error.

use crate::harness::*;

/// The basic fixture with the Moscow article's slug changed and its old
/// address, and Putin's old key, kept as old paths.
fn moved_site() -> tempfile::TempDir {
    let dir = copy_fixture("basic");
    let article = dir.path().join("content/articles/putin-assad-moscow.md");
    let text = std::fs::read_to_string(&article).expect("read");
    let moved = text.replacen(
        "---\n",
        "---\nslug: putin-meets-assad\naliases: [\"/articles/putin-assad-moscow/\", \"/2024/07/putin.html\"]\n",
        1,
    );
    std::fs::write(&article, moved).expect("write");
    let people = dir.path().join("content/people.toml");
    let list = std::fs::read_to_string(&people).expect("read");
    std::fs::write(&people, list.replacen("[putin]\n", "[putin]\nold_paths = [\"/people/vladimir-putin/\"]\n", 1))
        .expect("write");
    dir
}

#[test]
fn old_paths_redirect_to_the_page_they_became() {
    let dir = moved_site();
    let site = build(dir.path(), Some("https://example.org/fihris/")).expect("builds");
    assert!(site.files.contains_key("articles/putin-meets-assad/index.html"));
    for (old, target) in [
        ("articles/putin-assad-moscow/index.html", "articles/putin-meets-assad/"),
        ("2024/07/putin.html", "articles/putin-meets-assad/"),
        ("people/vladimir-putin/index.html", "people/putin/"),
    ] {
        let html = site.page(old);
        for needle in [
            format!("<meta http-equiv=\"refresh\" content=\"0; url=/fihris/{target}\">"),
            format!("<link rel=\"canonical\" href=\"https://example.org/fihris/{target}\">"),
            "<meta name=\"robots\" content=\"noindex\">".to_owned(),
            format!("<a href=\"/fihris/{target}\">"),
            "<html lang=\"ar\" dir=\"rtl\">".to_owned(),
        ] {
            assert!(html.contains(&needle), "{old} lacks {needle}:\n{html}");
        }
    }
    let sitemap = site.page("sitemap.xml");
    assert!(sitemap.contains("/fihris/articles/putin-meets-assad/"));
    assert!(
        !sitemap.contains("putin-assad-moscow") && !sitemap.contains("putin.html") && !sitemap.contains("vladimir"),
        "{sitemap}"
    );
}

#[test]
fn an_old_path_that_is_a_page_is_an_error_naming_both() {
    let dir = copy_fixture("basic");
    let people = dir.path().join("content/people.toml");
    let list = std::fs::read_to_string(&people).expect("read");
    std::fs::write(&people, list.replacen("[putin]\n", "[putin]\nold_paths = [\"/articles/assad-visit/\"]\n", 1))
        .expect("write");
    let problems = build(dir.path(), None).err().expect("a clash fails the build").to_string();
    assert!(problems.contains("/articles/assad-visit/ is written twice"), "{problems}");
    assert!(problems.contains("content/articles/assad-visit.md"), "names the article: {problems}");
    assert!(problems.contains("[putin] in content/people.toml"), "names the entity: {problems}");
}

#[test]
fn two_entities_with_one_old_path_is_an_error() {
    let dir = copy_fixture("basic");
    let people = dir.path().join("content/people.toml");
    let list = std::fs::read_to_string(&people).expect("read");
    let list = list.replacen("[putin]\n", "[putin]\nold_paths = [\"/people/president/\"]\n", 1).replacen(
        "[assad]\n",
        "[assad]\nold_paths = [\"/people/president\"]\n",
        1,
    );
    std::fs::write(&people, list).expect("write");
    let problems = build(dir.path(), None).err().expect("a clash fails the build").to_string();
    assert!(problems.contains("/people/president/ is written twice"), "{problems}");
}

#[test]
fn an_old_path_outside_the_site_is_an_error_at_its_line() {
    let dir = copy_fixture("basic");
    std::fs::write(
        dir.path().join("content/articles/escape.md"),
        "---\ntitle: هروب\naliases: [\"/../../etc/passwd/\"]\n---\nنص\n",
    )
    .expect("write");
    let problems = build(dir.path(), None).err().expect("refused").to_string();
    assert!(problems.contains("content/articles/escape.md:3:"), "{problems}");
    assert!(problems.contains("cannot be redirected"), "{problems}");
}
