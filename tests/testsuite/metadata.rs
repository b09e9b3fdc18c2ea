//! What a page says about itself to search engines and link previews:
//! canonical URL, description, Open Graph and Twitter card, language, and
//! JSON-LD that parses and carries the schema.org fields.

use serde_json::Value;

use crate::harness::*;

fn jsonld(html: &str) -> Value {
    let open = "<script type=\"application/ld+json\">";
    let start = html.find(open).expect("a JSON-LD script") + open.len();
    let end = start + html[start..].find("</script>").expect("closed");
    serde_json::from_str(&html[start..end]).expect("JSON-LD parses")
}

fn meta(html: &str, attribute: &str, name: &str) -> Option<String> {
    let needle = format!("<meta {attribute}=\"{name}\" content=\"");
    let start = html.find(&needle)? + needle.len();
    Some(html[start..start + html[start..].find('"')?].to_owned())
}

#[test]
fn every_page_has_a_description_open_graph_and_a_large_card() {
    let site = build(&fixture("basic"), Some("https://example.org/fihris/")).expect("builds");
    for (path, html) in site.html_pages() {
        assert!(meta(&html, "name", "description").is_some_and(|d| !d.is_empty()), "{path}");
        assert_eq!(meta(&html, "name", "twitter:card").as_deref(), Some("summary_large_image"), "{path}");
        assert_eq!(
            meta(&html, "property", "og:image").as_deref(),
            Some("https://example.org/fihris/social.png"),
            "{path}"
        );
        assert!(html.contains("<link rel=\"alternate\" hreflang=\"ar\" href=\"https://example.org/fihris/"), "{path}");
        assert!(html.contains("<link rel=\"icon\" href=\"/fihris/favicon.svg\""), "{path}");
    }
    let png = &site.files["social.png"];
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let (width, height) = (
        u32::from_be_bytes(png[16..20].try_into().expect("4 bytes")),
        u32::from_be_bytes(png[20..24].try_into().expect("4 bytes")),
    );
    assert_eq!((width, height), (1200, 630));
    let article = site.page("articles/assad-visit/index.html");
    assert_eq!(meta(&article, "property", "og:type").as_deref(), Some("article"));
    assert_eq!(meta(&article, "property", "article:published_time").as_deref(), Some("2024-07-26T09:30:00Z"));
}

#[test]
fn articles_are_news_articles_with_their_mentions() {
    let site = build_ok(&fixture("basic"));
    let ld = jsonld(&site.page("articles/assad-visit/index.html"));
    assert_eq!(ld["@context"], "https://schema.org");
    assert_eq!(ld["@type"], "NewsArticle");
    assert_eq!(ld["headline"], "الأسد في زيارة عمل إلى روسيا");
    assert_eq!(ld["datePublished"], "2024-07-26T09:30:00Z");
    assert_eq!(ld["url"], "https://example.org/articles/assad-visit/");
    assert_eq!(ld["image"], "https://example.org/social.png");
    // The description is the page's meta description; a third copy here is bytes on every page.
    assert!(ld.get("description").is_none() && ld.get("mainEntityOfPage").is_none(), "{ld}");
    assert_eq!(ld["publisher"]["@type"], "Organization");
    assert_eq!(ld["publisher"]["url"], "https://example.org/sources/sana/");
    let mentions = ld["mentions"].as_array().expect("mentions");
    let putin = mentions.iter().find(|m| m["name"] == "فلاديمير بوتين").expect("putin is mentioned");
    assert_eq!(putin["@type"], "Person");
    assert_eq!(putin["sameAs"], "https://www.wikidata.org/wiki/Q7747");
    assert!(mentions.iter().any(|m| m["@type"] == "Place" && m["name"] == "موسكو"));
}

/// An entity without a description of its own is described by its number
/// of articles, with the noun (the page once said "أردوغان: 1 في …").
#[test]
fn an_entity_without_a_description_is_described_by_its_articles() {
    let site = build_ok(&fixture("basic"));
    let html = site.page("people/erdogan/index.html");
    assert_eq!(meta(&html, "name", "description").as_deref(), Some("رجب طيب أردوغان: مقال واحد في أرشيف الاختبار"));
}

#[test]
fn entity_pages_describe_a_person_place_or_organization() {
    let site = build_ok(&fixture("basic"));
    let putin = jsonld(&site.page("people/putin/index.html"));
    assert_eq!(putin["@type"], "Person");
    assert_eq!(putin["name"], "فلاديمير بوتين");
    assert_eq!(putin["url"], "https://example.org/people/putin/");
    assert_eq!(putin["sameAs"], "https://www.wikidata.org/wiki/Q7747");
    assert_eq!(putin["alternateName"], serde_json::json!(["بوتين", "بوتن"]));
    assert_eq!(jsonld(&site.page("places/moscow/index.html"))["@type"], "Place");
    assert_eq!(jsonld(&site.page("sources/alhurra/index.html"))["@type"], "Organization");
    assert_eq!(jsonld(&site.page("index.html"))["@type"], "WebSite");
}
