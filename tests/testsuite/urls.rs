//! URLs: correct at a domain root and under a sub-path, stable whatever the
//! title or date, and never outside the output folder.

use crate::harness::*;

#[test]
fn every_internal_link_carries_the_sub_path() {
    let site = build(&fixture("basic"), Some("https://example.org/fihris/")).expect("builds");
    let mut checked = 0;
    for (path, html) in site.html_pages() {
        for url in attribute_values(&html, "href").into_iter().chain(attribute_values(&html, "src")) {
            if url.starts_with('/') {
                assert!(url.starts_with("/fihris/"), "{path} links to {url}");
                checked += 1;
            } else {
                assert!(url.starts_with("https://") || url.starts_with('#'), "{path} has a relative link {url}");
            }
        }
        assert!(html.contains("<link rel=\"canonical\" href=\"https://example.org/fihris/"), "{path}");
    }
    assert!(checked > 50, "only {checked} links checked");
    assert!(site.page("sitemap.xml").contains("<loc>https://example.org/fihris/people/putin/</loc>"));
}

#[test]
fn every_internal_link_resolves_to_a_written_file() {
    let site = build_ok(&fixture("basic"));
    for (path, html) in site.html_pages() {
        for url in attribute_values(&html, "href") {
            let Some(target) = url.strip_prefix('/') else {
                continue;
            };
            let target = target.split('#').next().unwrap_or_default();
            let file = if target.is_empty() || target.ends_with('/') {
                format!("{target}index.html")
            } else {
                target.to_owned()
            };
            assert!(site.files.contains_key(&file), "{path} links to {url}, which is not written");
        }
    }
}

#[test]
fn permalinks_do_not_change_with_title_or_date() {
    let dir = copy_fixture("basic");
    // Pages and host files; the search index's shards follow the words, not
    // the addresses; and a story is made of articles close in time, so an
    // article moved years away leaves its story (whose key is its first
    // article's slug, whatever the titles).
    let addresses = |files: std::collections::BTreeMap<String, Vec<u8>>| -> Vec<String> {
        files
            .into_keys()
            .filter(|path| !path.starts_with("search/") || path == "search/index.html")
            .filter(|path| {
                !path.starts_with("stories/") || !path.ends_with("/index.html") || path == "stories/index.html"
            })
            .collect()
    };
    let before = addresses(build_ok(dir.path()).files);
    let article = dir.path().join("content/articles/assad-visit.md");
    let text = std::fs::read_to_string(&article).expect("read");
    std::fs::write(
        &article,
        text.replace("الأسد في زيارة عمل إلى روسيا", "عنوان جديد تماما").replace("2024-07-26T09:30:00Z", "2020-01-01"),
    )
    .expect("write");
    let after = addresses(build_ok(dir.path()).files);
    assert_eq!(before, after);
}

#[test]
fn hostile_slugs_and_keys_stay_inside_the_output() {
    let dir = copy_fixture("basic");
    std::fs::write(dir.path().join("content/articles/evil.md"), "---\ntitle: شر\nslug: ../../../etc/passwd\n---\nنص\n")
        .expect("write");
    let people = dir.path().join("content/people.toml");
    let mut list = std::fs::read_to_string(&people).expect("read");
    list.push_str("\n[\"../../escape\"]\nname = \"هارب\"\n");
    std::fs::write(&people, list).expect("write");
    let site = build_ok(dir.path());
    assert!(site.files.contains_key("articles/etc-passwd/index.html"));
    assert!(site.files.contains_key("people/escape/index.html"));
    assert!(site.files.keys().all(|p| !p.contains("..") && !p.starts_with('/')));
}

#[test]
fn arabic_keys_are_percent_encoded_in_links() {
    let dir = copy_fixture("basic");
    let people = dir.path().join("content/people.toml");
    let mut list = std::fs::read_to_string(&people).expect("read");
    list.push_str("\n[\"حسن\"]\nname = \"حسن نصر\"\n");
    std::fs::write(&people, list).expect("write");
    let site = build_ok(dir.path());
    assert!(site.files.contains_key("people/حسن/index.html"));
    assert!(site.page("people/index.html").contains("href=\"/people/%D8%AD%D8%B3%D9%86/\""));
}
