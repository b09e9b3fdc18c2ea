//! The demo site of the repository: five outlets' coverage of one event,
//! cleaned from the seeds, with entity lists naming everyone they mention.

use crate::harness::*;

const JULY: [&str; 4] =
    ["2024-07-25-dd72", "2024-07-25-4625", "2024-07-25-ugarit-post-4d3a", "2024-07-25-alhurra-62f0"];
const MARCH_2023: &str = "2023-03-16-daqiqa-e743";

fn panel(html: &str) -> &str {
    let start = html.find("<aside class=\"panel\"").expect("a panel");
    &html[start..start + html[start..].find("</aside>").expect("end of panel")]
}

#[test]
fn the_demo_builds_without_errors_or_warnings() {
    let site = build_ok(&demo());
    assert_eq!(site.report.articles, 5);
    assert!(site.report.warnings.is_empty(), "{}", site.report.warnings);
}

#[test]
fn every_article_links_its_people_places_and_sources() {
    let site = build_ok(&demo());
    for slug in JULY.iter().chain([&MARCH_2023]) {
        let html = site.page(&format!("articles/{slug}/index.html"));
        let panel = panel(&html);
        for entity in ["/people/putin/", "/people/assad/", "/places/moscow/"] {
            assert!(panel.contains(entity), "{slug} lacks {entity}");
        }
        assert!(entity_links(&html) >= 5, "{slug} has few links");
    }
}

#[test]
fn publishing_outlets_and_translations_are_sources() {
    let site = build_ok(&demo());
    let ugarit = site.page("articles/2024-07-25-ugarit-post-4d3a/index.html");
    assert!(ugarit.contains("<a href=\"/sources/ugarit-post/\"><bdi>أوغاريت بوست</bdi></a>"));
    assert!(panel(&ugarit).contains("/sources/al-monitor/"), "the translated original is a source");
    assert!(!panel(&ugarit).contains("/places/vienna/"), "اتفاقيات فيينا is excluded by `not:`");
    let alhurra = site.page("articles/2024-07-25-alhurra-62f0/index.html");
    assert!(panel(&alhurra).contains("/sources/afp/"), "وفقا لفرانس برس");
    assert!(panel(&alhurra).contains("/sources/alhurra/"));
}

#[test]
fn entity_pages_link_back_to_every_article_that_mentions_them() {
    let site = build_ok(&demo());
    let mut checked = 0;
    for slug in JULY.iter().chain([&MARCH_2023]) {
        let html = site.page(&format!("articles/{slug}/index.html"));
        for href in attribute_values(panel(&html), "href") {
            let page = site.page(&format!("{}index.html", href.trim_start_matches('/')));
            assert!(page.contains(&format!("href=\"/articles/{slug}/\"")), "{href} does not list {slug}");
            checked += 1;
        }
    }
    assert!(checked > 60, "only {checked} entity pages checked");
}

/// The four July articles are one story, the March 2023 visit another
/// event: each July article's box lists the others and links the story page.
#[test]
fn the_same_story_is_grouped_and_the_2023_visit_is_not() {
    let site = build_ok(&demo());
    let story = "/stories/2024-07-25-4625/";
    for slug in JULY {
        let html = site.page(&format!("articles/{slug}/index.html"));
        let start = html.find("class=\"related story-box\"").unwrap_or_else(|| panic!("{slug} has no story box"));
        let boxed = &html[start..start + html[start..].find("</section>").expect("end of the box")];
        assert!(boxed.contains("هذه القصة في ٤ مصادر") || boxed.contains("هذه القصة في 4 مصادر"), "{boxed}");
        let others = JULY.iter().filter(|s| **s != slug && boxed.contains(&format!("/articles/{s}/"))).count();
        assert_eq!(others, 3, "{slug} should list the three other July articles");
        assert!(boxed.contains(&format!("href=\"{story}\"")), "{slug} links its story page");
        assert!(!boxed.contains(MARCH_2023));
    }
    assert!(!site.page(&format!("articles/{MARCH_2023}/index.html")).contains("story-box"));
    let page = site.page("stories/2024-07-25-4625/index.html");
    for slug in JULY {
        assert!(page.contains(&format!("/articles/{slug}/")), "the story page lists {slug}");
    }
    // Two of the seeds name no outlet: the page says so rather than invent one.
    assert!(page.contains("ناشر غير مذكور ١") || page.contains("ناشر غير مذكور 1"));
    assert!(page.contains("<bdi>الحرة</bdi>") && page.contains("<bdi>أوغاريت بوست</bdi>"));
    // Alhurra and the unnamed outlet of dd72 carry Assad's words to the letter.
    assert!(page.contains("اجتماعنا اليوم يبدو مهما للغاية"), "the shared quotation is shown");
    let stories = site.page("stories/index.html");
    assert!(stories.contains(story));
}

/// The story page groups what each outlet quoted: Assad's words on the
/// meeting, in four wordings (one of them reported speech), are one
/// statement carried by all four July articles, each linking its quotation.
#[test]
fn the_story_page_compares_what_each_outlet_quoted() {
    let site = build_ok(&demo());
    let page = site.page("stories/2024-07-25-4625/index.html");
    let start = page.find("id=\"statements-heading\"").expect("a section of statements");
    let section = &page[start..start + page[start..].find("</section>").expect("its end")];
    let first = &section[section.find("<div class=\"statement\">").expect("a statement")..];
    let first = &first[..first.find("</div>").expect("its end")];
    assert!(first.contains("href=\"/people/assad/\""), "{first}");
    assert!(first.contains("في 4 من 4 مقالات"), "{first}");
    for slug in JULY {
        assert!(first.contains(&format!("/articles/{slug}/#q-")), "{slug} quotes it: {first}");
    }
    assert!(first.contains("(بتصرّف)"), "the reported wording is marked: {first}");
    assert!(!first.contains("لم ينقله"), "{first}");
    // A statement only some carry names those that do not.
    assert!(section.contains("لم ينقله"), "{section}");
}

#[test]
fn the_lion_is_not_assad_unless_assad_is_named() {
    let site = build_ok(&demo());
    let assad = site.page("people/assad/index.html");
    assert!(assad.contains("<p class=\"entity-stats\">5 مقالات،"), "every demo article names بشار الأسد");
    // The first link of an article goes to a certain spelling, not a weak one.
    let html = site.page("articles/2024-07-25-dd72/index.html");
    assert!(article_body(&html).contains("<a href=\"/people/assad/\">بشار الأسد</a>"));
}
