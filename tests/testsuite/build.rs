//! Building a small site: every page is there, mentions are linked once, the
//! indexes and entity pages link back, related coverage is found.

use crate::harness::*;

#[test]
fn every_page_and_host_file_is_written() {
    let site = build_ok(&fixture("basic"));
    for path in [
        "index.html",
        "404.html",
        "sitemap.xml",
        "robots.txt",
        ".nojekyll",
        "style.css",
        "people/index.html",
        "places/index.html",
        "sources/index.html",
        "articles/putin-assad-moscow/index.html",
        "articles/assad-visit/index.html",
        "articles/tartus-base/index.html",
        "people/putin/index.html",
        "places/moscow/index.html",
        "sources/alhurra/index.html",
    ] {
        assert!(site.files.contains_key(path), "missing {path}");
    }
    assert_eq!(site.report.articles, 3);
    for (path, html) in site.html_pages() {
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">"), "{path}");
        for needle in [
            "<meta charset=\"utf-8\">",
            "name=\"viewport\"",
            "<link rel=\"canonical\" href=\"https://example.org/",
            "property=\"og:title\"",
        ] {
            assert!(html.contains(needle), "{path} lacks {needle}");
        }
        if path != "404.html" {
            assert!(
                html.contains("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\""),
                "{path} lacks JSON-LD"
            );
        }
        let description = attribute_values(&html, "content").into_iter().next().unwrap_or_default();
        assert!(!html.contains("name=\"description\" content=\"\""), "{path} has an empty description {description}");
    }
}

#[test]
fn the_first_mention_of_each_entity_is_linked_in_prose_only() {
    let site = build_ok(&fixture("basic"));
    let html = site.page("articles/putin-assad-moscow/index.html");
    let body = article_body(&html);
    assert_eq!(
        body.matches("href=\"/people/putin/\"").count(),
        2,
        "one mention link and the author's own link: {body}"
    );
    assert_eq!(body.matches("<a href=\"/people/putin/\">فلاديمير بوتين</a>").count(), 1, "{body}");
    assert!(body.contains("<a href=\"/people/assad/\">بشار الأسد</a>"), "{body}");
    assert!(body.contains("<a href=\"/sources/afp/\">لفرانس برس</a>"), "{body}");
    assert!(body.contains("<h2>بوتين وموسكو</h2>"), "headings are not linked: {body}");
    assert!(body.contains("<code>بوتين في الشيفرة لا يُربط\n</code>"), "code is not linked: {body}");
    assert!(body.contains("<a href=\"/people/putin/\">صفحة بوتين</a>"), "link text is not linked again: {body}");
    // موسكو appears first in a heading, then in prose: the prose one is linked.
    assert!(body.contains("زار <a href=\"/places/moscow/\">موسكو</a>"), "{body}");
}

#[test]
fn weak_aliases_and_not_shape_an_articles_entities() {
    let site = build_ok(&fixture("basic"));
    let html = site.page("articles/tartus-base/index.html");
    let panel = &html[html.find("<aside class=\"panel\"").expect("panel")..];
    let panel = &panel[..panel.find("</aside>").expect("end of panel")];
    for present in ["/people/erdogan/", "/places/tartus/", "/places/russia/", "/sources/afp/", "/places/cairo/"] {
        assert!(panel.contains(present), "{present} missing from {panel}");
    }
    // الأسد alone is the lion here; فيينا is excluded by `not:`.
    for absent in ["/people/assad/", "/places/vienna/"] {
        assert!(!panel.contains(absent), "{absent} should not be in {panel}");
    }
    assert!(!html.contains("href=\"/people/assad/\""));
}

#[test]
fn entity_pages_list_their_articles_newest_first_with_date_and_source() {
    let site = build_ok(&fixture("basic"));
    let html = site.page("people/putin/index.html");
    let listed = &html[html.find("class=\"entity-articles\"").expect("the articles")..];
    let newer = listed.find("/articles/assad-visit/").expect("newer article listed");
    let older = listed.find("/articles/putin-assad-moscow/").expect("older article listed");
    assert!(newer < older, "newest first");
    // The list shows the day, and its <time> says that day.
    assert!(html.contains("<time datetime=\"2024-07-26\">26 تموز/يوليو 2024</time>"), "{}", main_of(&html));
    assert!(html.contains("<a href=\"/sources/sana/\"><bdi>سانا</bdi></a>"));
    // Mentioned with: Assad in both of Putin's articles, the longest bar.
    let with = &html[html.find("يُذكر معه غالبًا").expect("co-mentions")..];
    assert!(
        with.contains(
            "<a href=\"/people/assad/\"><bdi>بشار الأسد</bdi></a><span class=\"bar w100\"></span><span class=\"count\">2</span>"
        ),
        "{with}"
    );
    assert!(html.contains("https://www.wikidata.org/wiki/Q7747"));
    // When it was mentioned, in words.
    assert!(html.contains("مقالان، أولها في <time datetime=\"2024-07-25\">"), "{}", main_of(&html));
}

/// Under each article of an entity's page, the sentence that names it, with
/// the name marked (issue 17).
#[test]
fn entity_pages_show_the_sentence_that_names_the_entity() {
    let site = build_ok(&fixture("basic"));
    let html = site.page("people/putin/index.html");
    let excerpts: Vec<&str> = html
        .split("<p class=\"excerpt\" dir=\"auto\">")
        .skip(1)
        .map(|e| &e[..e.find("</p>").expect("closed")])
        .collect();
    assert_eq!(excerpts.len(), 2, "one per article: {excerpts:?}");
    for excerpt in &excerpts {
        let marked = &excerpt[excerpt.find("<mark>").expect("a mark") + 6..excerpt.find("</mark>").expect("closed")];
        assert!(["بوتين", "فلاديمير بوتين", "وبوتين", "لبوتين"].contains(&marked), "{excerpt}");
        assert!(excerpt.chars().count() < 260, "{excerpt}");
    }
    // Another entity's page marks its own name in its own sentence.
    let moscow = site.page("places/moscow/index.html");
    assert!(moscow.contains("<mark>موسكو</mark>") || moscow.contains("<mark>بموسكو</mark>"), "{}", main_of(&moscow));
}

/// The timeline of an entity: an SVG with its title, a sentence that says
/// what it shows, and the numbers in a table for screen readers (issue 17).
#[test]
fn entity_pages_chart_their_mentions_with_a_text_alternative() {
    let site = build_ok(&fixture("basic"));
    let html = site.page("places/russia/index.html");
    let chart = &html[html.find("<figure class=\"chart\">").expect("a chart")..];
    let chart = &chart[..chart.find("</figure>").expect("closed")];
    assert!(chart.contains("role=\"img\" aria-labelledby=\"timeline-title\" aria-describedby=\"timeline-summary\""));
    assert!(chart.contains("<title id=\"timeline-title\">المقالات التي تذكر روسيا في كل شهر</title>"), "{chart}");
    assert!(
        chart.contains("<figcaption id=\"timeline-summary\">مقالان بين آذار/مارس 2023 وتموز/يوليو 2024.</figcaption>"),
        "{chart}"
    );
    assert!(chart.contains("<div class=\"visually-hidden\"><table>"), "{chart}");
    assert!(chart.contains("<tr><th scope=\"row\">تموز/يوليو 2024</th><td>1</td></tr>"), "{chart}");
    assert_eq!(chart.matches("<tr><th scope=\"row\">").count(), 2, "two months with articles: {chart}");
    // One path draws every bar: March 2023 at the right, July 2024 at the left.
    assert_eq!(chart.matches("<path").count(), 1, "{chart}");
    assert!(chart.contains("<path d=\"M161 100v-100h8v100zM1 100v-100h8v100z\"/>"), "{chart}");
    // All of Putin's articles fall in one week: a sentence says so, no chart.
    let putin = site.page("people/putin/index.html");
    assert!(!putin.contains("class=\"chart\""));
    assert!(putin.contains("<p class=\"entity-stats\">مقالان، أولها في"));
}

#[test]
fn an_article_shows_its_story_and_a_2023_article_is_not_in_it() {
    let site = build_ok(&fixture("basic"));
    let html = site.page("articles/putin-assad-moscow/index.html");
    let story = &html[html.find("class=\"related story-box\"").expect("a story box")..];
    assert!(story.contains("/articles/assad-visit/"));
    assert!(story.contains("href=\"/stories/putin-assad-moscow/\""), "the story's key is its first article's slug");
    assert!(!story.contains("/articles/tartus-base/"), "a 2023 article is not the same story");
    let old = site.page("articles/tartus-base/index.html");
    assert!(!old.contains("story-box"));
}

#[test]
fn indexes_are_in_arabic_order_under_letter_headings_with_counts() {
    let site = build_ok(&fixture("basic"));
    let html = site.page("places/index.html");
    let order: Vec<&str> = ["روسيا", "سوريا", "طرطوس", "فيينا", "القاهرة", "موسكو"]
        .into_iter()
        .filter(|name| html.contains(&format!("<bdi>{name}</bdi>")))
        .collect();
    let mut positions: Vec<usize> =
        order.iter().map(|n| html.find(&format!("<bdi>{n}</bdi>")).expect("listed")).collect();
    let sorted = {
        let mut p = positions.clone();
        p.sort();
        p
    };
    assert_eq!(positions, sorted, "order of {order:?}");
    positions.clear();
    assert!(html.contains("<h2 id=\"letter-20\">ق</h2>"), "القاهرة files under ق: {html}");
    assert!(html.contains("<a href=\"/places/moscow/\"><bdi>موسكو</bdi></a> <span class=\"count\">2</span>"));
    assert!(
        site.page("people/index.html").contains("<span class=\"desc\" dir=\"auto\">رئيس روسيا</span>"),
        "descriptions are shown"
    );
    // The same index, most mentioned first, is a page of its own.
    let ranked = site.page("places/most-mentioned.html");
    let russia = ranked.find("<bdi>روسيا</bdi>").expect("russia");
    let cairo = ranked.find("<bdi>القاهرة</bdi>").expect("cairo");
    assert!(russia < cairo, "3 articles before 1");
    assert!(ranked.contains("aria-current=\"page\">الأكثر ذكرًا</a>"));
    assert!(html.contains("<a href=\"/places/most-mentioned.html\">الأكثر ذكرًا</a>"));
    // Places grouped under their country: Moscow under Russia, Tartus under Syria.
    let countries = main_of(
        site.files.get("places/by-country.html").map(|b| std::str::from_utf8(b).expect("utf-8")).expect("by country"),
    );
    let syria = countries.find("<h2><a href=\"/places/syria/\">").expect("syria heads a group");
    let tartus = countries.find("<bdi>طرطوس</bdi>").expect("tartus");
    let russia = countries.find("<h2><a href=\"/places/russia/\">").expect("russia heads a group");
    let moscow = countries.find("<bdi>موسكو</bdi>").expect("moscow");
    assert!(russia < moscow && syria < tartus, "{countries}");
    assert!(countries.contains("<h2>أماكن أخرى</h2>"), "{countries}");
    // People have no places in them: no such page.
    assert!(!site.files.contains_key("people/by-country.html"));
}

#[test]
fn home_lists_newest_articles_and_the_most_mentioned() {
    let site = build_ok(&fixture("basic"));
    let html = site.page("index.html");
    let first = html.find("/articles/assad-visit/").expect("listed");
    let second = html.find("/articles/putin-assad-moscow/").expect("listed");
    let third = html.find("/articles/tartus-base/").expect("listed");
    assert!(first < second && second < third);
    let most = &html[html.find("الأكثر ذكرًا").expect("most mentioned")..];
    assert!(
        most.find("/places/moscow/").expect("moscow") < most.find("/places/russia/").expect("russia"),
        "2 articles before 1"
    );
    // Counted over the last 30 days of the archive: the 2023 article's Tartus is not there.
    assert!(most.contains("في آخر 30 يومًا"), "{most}");
    assert!(!most.contains("/places/tartus/"), "{most}");
    assert!(most.contains("<svg class=\"spark\""), "a sparkline for each");
    // One title: the masthead's, as the page's h1.
    assert_eq!(html.matches("<h1").count(), 1);
    assert!(html.contains("<h1 class=\"brand\">"));
    assert!(html.contains("<figure class=\"chart\">"), "the archive's chart");
}

#[test]
fn sitemap_robots_and_nojekyll() {
    let site = build_ok(&fixture("basic"));
    let sitemap = site.page("sitemap.xml");
    assert!(sitemap.contains("<loc>https://example.org/articles/assad-visit/</loc><lastmod>2024-07-26</lastmod>"));
    assert!(sitemap.contains("<loc>https://example.org/people/putin/</loc>"));
    assert!(!sitemap.contains("404"));
    assert!(site.page("robots.txt").contains("Sitemap: https://example.org/sitemap.xml"));
    assert!(site.files[".nojekyll"].is_empty());
}

#[test]
fn a_sites_own_template_overrides_the_default_by_name() {
    let dir = copy_fixture("basic");
    std::fs::create_dir_all(dir.path().join("templates")).expect("mkdir");
    std::fs::write(
        dir.path().join("templates/article.html"),
        "{% extends \"base.html\" %}{% block main %}<p class=\"mine\">{{ article.card.title }} — {{ article.entities.people | length }}</p>{% endblock main %}",
    )
    .expect("write");
    let site = build_ok(dir.path());
    assert!(
        site.page("articles/assad-visit/index.html").contains("<p class=\"mine\">الأسد في زيارة عمل إلى روسيا — 2</p>")
    );
    assert!(site.page("index.html").contains("أحدث المقالات"), "other templates stay the defaults");
}

#[test]
fn the_main_of_pages_is_stable() {
    let site = build_ok(&fixture("basic"));
    insta::assert_snapshot!("article_main", main_of(&site.page("articles/putin-assad-moscow/index.html")));
    insta::assert_snapshot!("entity_main", main_of(&site.page("people/putin/index.html")));
    insta::assert_snapshot!("places_main", main_of(&site.page("places/index.html")));
}

#[test]
fn the_cli_builds_and_checks() {
    let out = tempfile::tempdir().expect("temp dir");
    let public = out.path().join("site");
    let root = fixture("basic");
    let result =
        fihris(&["build", "--root", root.to_str().expect("utf-8 path"), "--out", public.to_str().expect("utf-8 path")]);
    assert!(result.status.success(), "{}", String::from_utf8_lossy(&result.stderr));
    assert!(String::from_utf8_lossy(&result.stdout).contains("built 3 articles"));
    assert!(public.join("articles/assad-visit/index.html").exists());
    let check = fihris(&["check", "--root", root.to_str().expect("utf-8 path")]);
    assert!(check.status.success());
}

/// The same site builds to the same bytes, so a deploy changes only what changed.
#[test]
fn two_builds_write_the_same_bytes() {
    let first = build_ok(&demo()).files;
    let second = build_ok(&demo()).files;
    assert_eq!(first.keys().collect::<Vec<_>>(), second.keys().collect::<Vec<_>>());
    let differing: Vec<&String> =
        first.iter().filter(|(path, bytes)| second[*path] != **bytes).map(|(p, _)| p).collect();
    assert!(differing.is_empty(), "{differing:?}");
}

/// The basic site with sixteen more reports of the Moscow meeting (four by
/// Alhurra, twelve naming no outlet) and entity pages of two articles.
fn crowded_story() -> Built {
    let dir = copy_fixture("basic");
    let articles = dir.path().join("content/articles");
    let original = std::fs::read_to_string(articles.join("putin-assad-moscow.md")).expect("read");
    for n in 0..16 {
        let text = if n % 4 == 0 { original.clone() } else { original.replace("source: alhurra\n", "") };
        std::fs::write(articles.join(format!("copy-{n}.md")), text.replace("date: 2024-07-25", "date: 2024-07-26"))
            .expect("write");
    }
    let config = dir.path().join("site.toml");
    let toml = std::fs::read_to_string(&config).expect("read");
    std::fs::write(&config, format!("{toml}entity_page_size = 2\n")).expect("write");
    build_ok(dir.path())
}

#[test]
fn a_story_box_lists_one_article_an_outlet_and_at_most_ten() {
    let site = crowded_story();
    let html = site.page("articles/putin-assad-moscow/index.html");
    let start = html.find("class=\"related story-box\"").expect("a story box");
    let boxed = &html[start..start + html[start..].find("</section>").expect("end of the box")];
    let entries = boxed.matches("<li").count();
    assert_eq!(entries, 10, "{boxed}");
    assert!(boxed.contains("(هذا المقال)"), "this article is in its own box: {boxed}");
    assert_eq!(boxed.matches("<bdi>الحرة</bdi>").count(), 1, "Alhurra once, by this article: {boxed}");
    assert!(boxed.contains("في مقالاته كلها"), "the link says the story's page has more: {boxed}");
    let story = site.page("stories/putin-assad-moscow/index.html");
    let left_out: Vec<String> =
        (0..16).map(|n| format!("/articles/copy-{n}/")).filter(|url| !boxed.contains(url.as_str())).collect();
    assert!(!left_out.is_empty());
    assert!(left_out.iter().all(|url| story.contains(url.as_str())), "the story's page has what the box left out");
}

/// A story's page compares the first article of each outlet, at most
/// twelve, in its columns, and lists every other article after them.
#[test]
fn a_story_page_compares_one_article_an_outlet_and_lists_the_rest() {
    let site = crowded_story();
    let story = site.page("stories/putin-assad-moscow/index.html");
    let start = story.find("id=\"versions-heading\"").expect("the versions");
    let versions = &story[start..start + story[start..].find("</section>").expect("their end")];
    let compared = versions.matches("class=\"story-version\"").count();
    assert_eq!(compared, 12, "{versions}");
    assert_eq!(versions.matches("<bdi>الحرة</bdi>").count(), 1, "Alhurra once: {versions}");
    let start = story.find("id=\"others-heading\"").expect("the other articles");
    let others = &story[start..start + story[start..].find("</section>").expect("their end")];
    assert!(listed_articles(others) >= 4, "{others}");
    for n in 0..16 {
        let url = format!("/articles/copy-{n}/");
        assert!(versions.contains(&url) != others.contains(&url), "{url} once on the page");
    }
}

#[test]
fn entity_archive_pages_list_articles_without_excerpts() {
    let site = crowded_story();
    let first = site.page("people/putin/index.html");
    let archive = site.page("people/putin/page/2/index.html");
    assert!(first.contains("class=\"excerpt\""), "the first page has excerpts");
    assert!(listed_articles(&archive) > 0, "the archive page lists articles");
    assert!(!archive.contains("class=\"excerpt\""), "but without excerpts");
}

/// A person's page stays light however much they are named and quoted: with
/// 50 articles on it (and their excerpts, the timeline, the newest
/// quotations and stories), at most 60 KB of HTML.
#[test]
fn a_person_page_with_fifty_articles_stays_under_60_kb() {
    let dir = copy_fixture("basic");
    let articles = dir.path().join("content/articles");
    let outlets = ["alhurra", "sana", "afp"];
    for n in 0..80 {
        let outlet = outlets[n % outlets.len()];
        let day = 1 + n % 28;
        let month = 1 + n / 28;
        let text = format!(
            "---\ntitle: \"الرئيس الروسي يبحث مع نظيره ملفات التعاون الاقتصادي والأمني في اللقاء رقم {n}\"\n\
             date: 2024-{month:02}-{day:02}\nsource: {outlet}\n---\n\n\
             استقبل الرئيس الروسي فلاديمير بوتين في الكرملين نظيره السوري بشار الأسد في زيارة هي الأحدث ضمن \
             سلسلة لقاءات تناولت ملفات التعاون الاقتصادي والعسكري بين البلدين في الجولة {n}.\n\n\
             وقال بوتين إن «العلاقات بين البلدين تتطور بثبات في كل المجالات، ونحن مهتمون بتوسيعها في الجولة {n}».\n\n\
             وأضاف أن المحادثات تناولت الوضع في المنطقة وسبل دعم الاستقرار فيها، فيما ناقش الوفدان اتفاقات \
             جديدة في مجالات الطاقة والنقل والزراعة.\n"
        );
        std::fs::write(articles.join(format!("meeting-{n:03}.md")), text).expect("write");
    }
    let site = build_ok(dir.path());
    let page = site.page("people/putin/index.html");
    let start = page.find("class=\"entity-articles\"").expect("the articles");
    let listed = listed_articles(&page[start..]);
    assert!(listed >= 50, "{listed} articles on the page");
    assert!(page.contains("class=\"quote-item\""), "the page has quotations");
    assert!(page.contains("<svg"), "the page has its timeline");
    assert!(page.len() <= 60 * 1024, "{} bytes", page.len());
}

/// A story whose articles are all of one day shows that day once, not as a
/// range from it to itself (the times of its articles differ; the page shows days).
#[test]
fn a_story_of_one_day_shows_the_day_once() {
    let dir = copy_fixture("basic");
    let article = dir.path().join("content/articles/putin-assad-moscow.md");
    let text = std::fs::read_to_string(&article).expect("read");
    std::fs::write(&article, text.replacen("date: 2024-07-25", "date: 2024-07-26T06:00:00Z", 1)).expect("write");
    let site = build_ok(dir.path());
    let stories = site.page("stories/index.html");
    let card = &stories[stories.find("<li><h3><a href=\"/stories/").expect("a story")..];
    let card = &card[..card.find("</li>").expect("its end")];
    assert!(card.ends_with("مقالان · <time datetime=\"2024-07-26\">26 تموز/يوليو 2024</time></p>"), "{card}");
}
