//! Updating a site one article at a time (what the preview server does) gives
//! the same index as analysing it all again.

use fihris::diagnostics::Diagnostics;
use fihris::index::Index;
use fihris::site::{Site, SiteOptions, analyse};

use crate::harness::*;

fn analysed(root: &std::path::Path) -> Site {
    let mut diagnostics = Diagnostics::default();
    let (site, _) =
        analyse(&SiteOptions { root: root.to_path_buf(), base_url: None }, None, &mut diagnostics, &mut Vec::new())
            .expect("the fixture analyses");
    assert!(!diagnostics.has_errors(), "{diagnostics}");
    site
}

fn assert_same_index(site: &Site) {
    let fresh = Index::build(&site.config, &site.corpus, &site.catalog, &site.found).expect("builds");
    assert_eq!(site.index.newest_first, fresh.newest_first);
    assert_eq!(site.index.articles_of, fresh.articles_of);
    assert_eq!(site.index.co_mentions, fresh.co_mentions);
    assert_eq!(site.index.related, fresh.related);
}

#[test]
fn editing_an_article_updates_the_index_as_a_full_build_would() {
    let dir = copy_fixture("basic");
    let mut site = analysed(dir.path());
    let path = std::path::Path::new("content/articles/tartus-base.md");
    let id = site.article_at(path).expect("the article is in the site");
    let edits = [
        // New mentions: Putin, Moscow; a new date close to the July articles.
        ("date = 2023-03-16", "date = 2024-07-27", "وأعرب إردوغان", "وأعرب بوتين في موسكو وإردوغان"),
        // Back to 2023, and Putin gone again.
        ("date = 2024-07-27", "date = 2023-03-16", "وأعرب بوتين في موسكو وإردوغان", "وأعرب إردوغان"),
        // Only the title changes.
        ("القاعدة الروسية في طرطوس", "القاعدة البحرية الروسية في طرطوس", "", ""),
    ];
    for (old_date, new_date, old_text, new_text) in edits {
        let file = dir.path().join(path);
        let text = std::fs::read_to_string(&file).expect("read");
        let mut edited = text.replace(old_date, new_date);
        if !old_text.is_empty() {
            edited = edited.replace(old_text, new_text);
        }
        assert_ne!(edited, text, "the edit changes the file");
        std::fs::write(&file, edited).expect("write");
        let (changed, _) = site.reload_article(id).expect("the edit is valid");
        assert!(changed.articles.contains(&id));
        assert_same_index(&site);
        // And a full analysis of the files on disk agrees too.
        let again = analysed(dir.path());
        assert_eq!(site.found, again.found);
    }
}

#[test]
fn a_broken_edit_leaves_the_site_as_it_was() {
    let dir = copy_fixture("basic");
    let mut site = analysed(dir.path());
    let path = std::path::Path::new("content/articles/assad-visit.md");
    let id = site.article_at(path).expect("in the site");
    let before = site.article(id).title.clone();
    std::fs::write(dir.path().join(path), "---\ntitle: [broken\n---\n").expect("write");
    let problems = site.reload_article(id).expect_err("invalid front matter");
    assert!(problems[0].message.contains("invalid front matter"));
    assert_eq!(site.article(id).title, before);
    assert_same_index(&site);
}
