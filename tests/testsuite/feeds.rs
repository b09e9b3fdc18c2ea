//! Atom feeds of the site and of every entity: valid Atom (read back with the
//! `atom_syndication` parser), in Arabic, newest first, `feed_entries` long,
//! escaped, and announced by the pages.

use atom_syndication::Feed;

use crate::harness::*;

fn feed(site: &Built, path: &str) -> Feed {
    site.page(path).parse::<Feed>().unwrap_or_else(|err| panic!("{path} is not valid Atom: {err}"))
}

#[test]
fn the_site_feed_lists_the_newest_dated_articles_in_arabic() {
    let site = build_ok(&fixture("basic"));
    let text = site.page("atom.xml");
    assert!(text.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"ar\">"), "{text}");
    let feed = feed(&site, "atom.xml");
    assert_eq!(feed.title().as_str(), "أرشيف الاختبار");
    assert_eq!(feed.id(), "https://example.org/atom.xml");
    let titles: Vec<&str> = feed.entries().iter().map(|e| e.title().as_str()).collect();
    assert_eq!(titles, ["الأسد في زيارة عمل إلى روسيا", "بوتين يجتمع مع الأسد في موسكو", "القاعدة الروسية في طرطوس"]);
    let first = &feed.entries()[0];
    assert_eq!(first.id(), "https://example.org/articles/assad-visit/");
    assert_eq!(first.links()[0].href(), "https://example.org/articles/assad-visit/");
    assert_eq!(first.updated().to_rfc3339(), "2024-07-26T09:30:00+00:00");
    assert!(first.summary().is_some_and(|s| s.as_str().starts_with("أجرى الرئيس بشار الأسد")));
    assert_eq!(feed.updated(), first.updated());
}

#[test]
fn every_entity_has_a_feed_of_its_own_articles() {
    let site = build_ok(&fixture("basic"));
    let putin = feed(&site, "people/putin/atom.xml");
    assert_eq!(putin.title().as_str(), "فلاديمير بوتين | أرشيف الاختبار");
    assert!(putin.links().iter().any(|l| l.rel() == "alternate" && l.href() == "https://example.org/people/putin/"));
    assert_eq!(putin.entries().len(), 2);
    for (path, _) in site.files.iter().filter(|(p, _)| p.ends_with("/index.html") && p.matches('/').count() == 2) {
        let section = path.split('/').next().unwrap_or_default();
        if ["people", "places", "sources"].contains(&section) {
            feed(&site, &path.replace("index.html", "atom.xml"));
        }
    }
}

#[test]
fn feed_entries_limits_each_feed_and_text_is_escaped() {
    let dir = copy_fixture("basic");
    let config = dir.path().join("site.toml");
    let text = std::fs::read_to_string(&config).expect("read");
    std::fs::write(&config, format!("{text}feed_entries = 2\n")).expect("write");
    std::fs::write(
        dir.path().join("content/articles/hostile.md"),
        "---\ntitle: \"<b>بوتين</b> & \\\"الأسد\\\" ]]> <!--\"\ndate: 2025-01-01\nsummary: \"</summary><script>x</script>\"\n---\nنص.\n",
    )
    .expect("write");
    let site = build_ok(dir.path());
    let feed = feed(&site, "atom.xml");
    assert_eq!(feed.entries().len(), 2);
    assert_eq!(feed.entries()[0].title().as_str(), "<b>بوتين</b> & \"الأسد\" ]]> <!--");
    assert_eq!(feed.entries()[0].summary().map(|s| s.as_str()), Some("</summary><script>x</script>"));
}

#[test]
fn pages_announce_the_site_feed_and_their_own() {
    let site = build(&fixture("basic"), Some("https://example.org/fihris/")).expect("builds");
    let alternate =
        "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"أرشيف الاختبار\" href=\"/fihris/atom.xml\">";
    for (path, html) in site.html_pages() {
        assert!(html.contains(alternate), "{path} does not link the site's feed");
    }
    let putin = site.page("people/putin/index.html");
    assert!(putin.contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"فلاديمير بوتين | أرشيف الاختبار\" href=\"/fihris/people/putin/atom.xml\">"));
    assert!(
        putin.contains("<a href=\"/fihris/people/putin/atom.xml\" type=\"application/atom+xml\">"),
        "a visible link"
    );
    assert!(!site.page("sitemap.xml").contains("atom.xml"));
}
